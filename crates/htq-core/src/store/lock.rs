//! Lock notes: who else has a curriculum open in a shared folder.
//!
//! Opening `units.ron` writes `.units.ron.htq-lock` beside it with the user's name, the
//! machine's name and the process id; closing removes it. The note is advice, not a lock:
//! it lets the window say "Priya on LAB-PC-3 has this file open" before two people edit the
//! same curriculum, and nothing stops either of them. Notes left by a crash on this machine
//! (their process is gone) are ignored and replaced; a note from another machine cannot be
//! checked and is shown until that machine removes it.

use super::owner;
use serde::{Deserialize, Serialize};
use std::fmt;
use std::fs;
use std::io;
use std::path::{Path, PathBuf};
use std::time::{Duration, SystemTime, UNIX_EPOCH};

/// Who holds a lock note.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct LockInfo {
    /// Their login name.
    pub user: String,
    /// Their machine.
    pub host: String,
    /// Their HTQ Studio process on that machine.
    pub pid: u32,
    /// When they opened the file, in seconds since 1970 (UTC).
    pub since: u64,
}

impl LockInfo {
    /// When they opened the file.
    pub fn opened_at(&self) -> SystemTime {
        UNIX_EPOCH + Duration::from_secs(self.since)
    }

    /// Whether the note is this process's own.
    fn is_ours(&self) -> bool {
        self.pid == owner::this_process() && self.host == owner::host_name()
    }

    /// Whether the note was left by a process on this machine that is gone.
    fn is_stale(&self) -> bool {
        self.host == owner::host_name() && !owner::is_running(self.pid)
    }
}

impl fmt::Display for LockInfo {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{} on {} has this file open", self.user, self.host)
    }
}

/// This process's lock note on one curriculum file; dropping it removes the note.
#[derive(Debug)]
pub struct LockNote {
    note: PathBuf,
}

impl LockNote {
    /// Writes the lock note for the curriculum at `path`.
    ///
    /// Fails with [`io::ErrorKind::AlreadyExists`] when someone else's note is there (see
    /// [`LockNote::others`] for who); the file can still be opened, the window just says who
    /// else has it. Fails with the system's error when the folder cannot be written (a
    /// read-only share), which is no reason to refuse opening either.
    pub fn acquire(path: &Path) -> io::Result<LockNote> {
        if let Some(other) = LockNote::others(path) {
            return Err(io::Error::new(
                io::ErrorKind::AlreadyExists,
                other.to_string(),
            ));
        }
        let info = LockInfo {
            user: owner::user_name(),
            host: owner::host_name(),
            pid: owner::this_process(),
            since: SystemTime::now()
                .duration_since(UNIX_EPOCH)
                .map_or(0, |since| since.as_secs()),
        };
        let text = serde_json::to_string(&info).map_err(io::Error::other)?;
        let note = note_path(path)?;
        fs::write(&note, text)?;
        Ok(LockNote { note })
    }

    /// Someone else's live note on the curriculum at `path`: another user, another machine or
    /// another HTQ Studio process. `None` when there is no note, it is ours, it is unreadable,
    /// or it was left by a process on this machine that has ended.
    pub fn others(path: &Path) -> Option<LockInfo> {
        let info = read(&note_path(path).ok()?)?;
        (!info.is_ours() && !info.is_stale()).then_some(info)
    }

    /// Where the note is written.
    pub fn path(&self) -> &Path {
        &self.note
    }
}

impl Drop for LockNote {
    fn drop(&mut self) {
        // Only our own note is removed: if someone replaced it meanwhile, it is theirs now.
        // A note that cannot be removed is stale once we exit, and is ignored then.
        if read(&self.note).is_some_and(|info| info.is_ours()) {
            let _ = fs::remove_file(&self.note);
        }
    }
}

/// `.<file>.htq-lock` beside the curriculum file.
fn note_path(path: &Path) -> io::Result<PathBuf> {
    let name = path
        .file_name()
        .ok_or_else(|| io::Error::new(io::ErrorKind::InvalidInput, "not the name of a file"))?;
    let mut note = std::ffi::OsString::from(".");
    note.push(name);
    note.push(".htq-lock");
    Ok(path.with_file_name(note))
}

/// The note at `note`, if there is a readable one.
fn read(note: &Path) -> Option<LockInfo> {
    let text = fs::read_to_string(note).ok()?;
    serde_json::from_str(&text).ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_note_sits_beside_the_file_hidden() -> io::Result<()> {
        assert_eq!(
            note_path(Path::new("shared/units.ron"))?,
            Path::new("shared/.units.ron.htq-lock")
        );
        assert!(note_path(Path::new("/")).is_err());
        Ok(())
    }

    #[test]
    fn our_own_note_is_not_someone_else() -> io::Result<()> {
        let folder = tempfile::tempdir()?;
        let path = folder.path().join("c.ron");
        let note = LockNote::acquire(&path)?;
        assert!(note.path().exists());
        assert_eq!(LockNote::others(&path), None);
        drop(note);
        assert!(!folder.path().join(".c.ron.htq-lock").exists());
        Ok(())
    }

    #[test]
    fn a_colleague_on_another_machine_is_named() -> io::Result<()> {
        let folder = tempfile::tempdir()?;
        let path = folder.path().join("c.ron");
        let theirs = r#"{"user":"priya","host":"LAB-PC-3","pid":4242,"since":1700000000}"#;
        fs::write(folder.path().join(".c.ron.htq-lock"), theirs)?;
        let other = LockNote::others(&path);
        assert_eq!(
            other.as_ref().map(ToString::to_string).as_deref(),
            Some("priya on LAB-PC-3 has this file open")
        );
        let refused = LockNote::acquire(&path).map(|_| ()).unwrap_err();
        assert_eq!(refused.kind(), io::ErrorKind::AlreadyExists);
        Ok(())
    }

    #[test]
    fn a_garbled_note_is_ignored() -> io::Result<()> {
        let folder = tempfile::tempdir()?;
        let path = folder.path().join("c.ron");
        fs::write(folder.path().join(".c.ron.htq-lock"), "{\"user\": tru")?;
        assert_eq!(LockNote::others(&path), None);
        Ok(())
    }
}
