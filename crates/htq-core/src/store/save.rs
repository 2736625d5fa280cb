//! Atomic replacement of a file: the old file is replaced whole or not at all.
//!
//! The bytes go to a fresh temporary file in the same folder, which gets the owner (where
//! the system permits) and the permissions of the file it replaces, and is flushed to disk;
//! if the caller knows what the file held when it was read, the file is checked again just
//! before the temporary file is renamed over it; the folder is then flushed so the rename
//! itself survives a power cut. On any failure the temporary file is removed and the original
//! is left untouched. A file with other hard links is replaced at this name only: the other
//! names keep the previous contents, and the caller is told.
//!
//! [`output`](super::output) decides whether a file may be written at all; this module only
//! knows how.

use super::disk::{Fingerprint, changed_since};
use super::error::SaveError;
use super::flock::FileLock;
use super::output::{WriteNote, Written};
use crate::model::Curriculum;
use std::fs::{self, File, Metadata, OpenOptions};
use std::io::{self, Write};
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicU64, Ordering};
use std::time::Duration;

/// Writes `doc` to `path` in canonical form, atomically, unless HTQ Studio could not open the
/// result (see [`loadable_text`]).
pub fn save(path: &Path, doc: &Curriculum) -> Result<(), SaveError> {
    super::save_checked(path, doc, None).map(drop)
}

/// The canonical text of `doc`, if loading it gives `doc` back; otherwise the reason loading
/// would give, as [`SaveError::Unloadable`]. Every save goes through here, so HTQ Studio
/// never writes a curriculum it would then refuse to open.
pub(super) fn loadable_text(path: &Path, doc: &Curriculum) -> Result<String, SaveError> {
    let text = super::to_string(doc);
    let refused = |reason: String| SaveError::Unloadable {
        path: path.to_path_buf(),
        reason,
    };
    match super::from_str(&text, path) {
        Ok(back) if back == *doc => Ok(text),
        Ok(_) => Err(refused(
            "it would not read back as the same curriculum".to_owned(),
        )),
        Err(error) => Err(refused(error.message)),
    }
}

/// Replaces the file at `target` (links already resolved; `path` is the name the user gave,
/// for messages) with `bytes`, atomically. With `expected`, refuses with
/// [`SaveError::ChangedOnDisk`] when the file no longer holds what it describes, or is no
/// longer the file `held` locks, checked before writing and again just before the rename.
/// The caller keeps `held` until this returns.
pub(super) fn replace(
    path: &Path,
    target: &Path,
    bytes: &[u8],
    expected: Option<&Fingerprint>,
    held: Option<&FileLock>,
) -> Result<Written, SaveError> {
    let Some(name) = target.file_name() else {
        return Err(SaveError::NotAFile {
            path: path.to_path_buf(),
        });
    };
    let name = name.to_string_lossy();
    let folder = match target.parent() {
        Some(folder) if !folder.as_os_str().is_empty() => folder.to_path_buf(),
        _ => PathBuf::from("."),
    };
    let changed = || {
        expected.is_some_and(|expected| {
            changed_since(target, expected) || held.is_some_and(|lock| !lock.is_at(target))
        })
    };
    if changed() {
        return Err(SaveError::ChangedOnDisk {
            path: path.to_path_buf(),
        });
    }
    let original = fs::metadata(target).ok();
    let (temp_path, file) = create_temp(&folder, &name, original.is_some())
        .map_err(|error| SaveError::from_io(path, &error))?;
    let filled = fill(file, original.as_ref(), bytes);
    let owner_kept = match filled {
        Ok(_) if changed() => {
            let _ = fs::remove_file(&temp_path);
            return Err(SaveError::ChangedOnDisk {
                path: path.to_path_buf(),
            });
        }
        Ok(owner_kept) => fs::rename(&temp_path, target).map(|()| owner_kept),
        Err(error) => Err(error),
    };
    let owner_kept = match owner_kept {
        Ok(owner_kept) => owner_kept,
        Err(error) => {
            // The temporary file is ours and useless now; if removing it fails too, the
            // first error is the one worth reporting.
            let _ = fs::remove_file(&temp_path);
            return Err(SaveError::from_io(path, &error));
        }
    };
    // The new file is in place. Flushing the folder makes the rename durable; some file
    // systems cannot flush a folder, which does not undo the save.
    if let Ok(dir) = File::open(&folder) {
        let _ = dir.sync_all();
    }
    sweep_leftovers(&folder, &name);
    let mut notes = Vec::new();
    if !owner_kept {
        notes.push(WriteNote::OwnerChanged {
            path: path.to_path_buf(),
        });
    }
    if let Some(others) = original.as_ref().and_then(other_links) {
        notes.push(WriteNote::SeparatedFromLinks {
            path: path.to_path_buf(),
            others,
        });
    }
    let modified = fs::metadata(target).and_then(|m| m.modified()).ok();
    Ok(Written {
        path: target.to_path_buf(),
        fingerprint: Fingerprint::of_bytes(bytes, modified),
        notes,
    })
}

/// How old a temporary file of a process that is gone must be before a save removes it; a
/// writer on another machine sharing the folder is never that slow.
const LEFTOVER_AGE: Duration = Duration::from_secs(60 * 60);

/// Removes the temporary files that saves of `name` left behind when their process was killed
/// mid-write (best effort): those of processes no longer running, older than [`LEFTOVER_AGE`].
fn sweep_leftovers(folder: &Path, name: &str) {
    let prefix = format!(".{name}.");
    let Ok(entries) = fs::read_dir(folder) else {
        return;
    };
    for entry in entries.flatten() {
        let file_name = entry.file_name();
        let file_name = file_name.to_string_lossy();
        let Some((pid, serial)) = file_name
            .strip_prefix(&prefix)
            .and_then(|rest| rest.strip_suffix(".tmp"))
            .and_then(|rest| rest.split_once('-'))
        else {
            continue;
        };
        let Ok(pid) = pid.parse::<u32>() else {
            continue;
        };
        if serial.is_empty()
            || !serial.bytes().all(|b| b.is_ascii_digit())
            || pid == std::process::id()
            || super::owner::is_running(pid)
        {
            continue;
        }
        let stale = entry
            .metadata()
            .and_then(|m| m.modified())
            .ok()
            .and_then(|modified| modified.elapsed().ok())
            .is_some_and(|age| age > LEFTOVER_AGE);
        if stale {
            let _ = fs::remove_file(entry.path());
        }
    }
}

/// Writes `bytes` to the temporary `file` with the owner and permissions of the `original`
/// it replaces, and flushes it to disk. Whether the owner could be kept.
fn fill(mut file: File, original: Option<&Metadata>, bytes: &[u8]) -> io::Result<bool> {
    file.write_all(bytes)?;
    let mut owner_kept = true;
    if let Some(original) = original {
        owner_kept = keep_owner(&file, original);
        // After the owner: changing the owner may clear the set-user-id bits.
        file.set_permissions(original.permissions())?;
    }
    file.sync_all()?;
    Ok(owner_kept)
}

/// The number of other names (hard links) the `original` file has.
#[cfg(unix)]
fn other_links(original: &Metadata) -> Option<u64> {
    use std::os::unix::fs::MetadataExt;
    original.nlink().checked_sub(1).filter(|&others| others > 0)
}

#[cfg(not(unix))]
fn other_links(_original: &Metadata) -> Option<u64> {
    None
}

/// Gives `file` the owner and group of `original`, where the system permits (it does for
/// the superuser, and for the group when the user belongs to it). Whether they now match.
#[cfg(unix)]
fn keep_owner(file: &File, original: &Metadata) -> bool {
    use std::os::fd::AsRawFd;
    use std::os::unix::fs::MetadataExt;
    let (uid, gid) = (original.uid(), original.gid());
    let matches = |file: &File| {
        file.metadata()
            .is_ok_and(|now| (now.uid(), now.gid()) == (uid, gid))
    };
    if matches(file) {
        return true;
    }
    // SAFETY: `fchown` only takes the descriptor of a file we own and open and two ids; it
    // reads and writes no memory of ours. A refusal (EPERM) is the answer, not an error.
    let both = unsafe { libc::fchown(file.as_raw_fd(), uid, gid) };
    if both != 0 {
        // SAFETY: as above; `uid_t::MAX` (-1) leaves the owner as it is.
        let _ = unsafe { libc::fchown(file.as_raw_fd(), libc::uid_t::MAX, gid) };
    }
    matches(file)
}

#[cfg(not(unix))]
fn keep_owner(_file: &File, _original: &Metadata) -> bool {
    true
}

/// The file a write to `path` replaces: through symbolic links (even dangling ones) to the
/// file they point to, so the link stays a link.
pub(super) fn resolve_link(path: &Path) -> PathBuf {
    let mut target = path.to_path_buf();
    // As many links as the system itself follows before giving up (Linux: 40).
    for _ in 0..40 {
        let is_link = fs::symlink_metadata(&target).is_ok_and(|m| m.file_type().is_symlink());
        if !is_link {
            return target;
        }
        match fs::read_link(&target) {
            Ok(next) => {
                target = match target.parent() {
                    Some(folder) => folder.join(next),
                    None => next,
                }
            }
            Err(_) => return target,
        }
    }
    target
}

/// Creates a new, uniquely named hidden file beside the target. A file that replaces an
/// existing one starts readable by its owner only, until it gets the original's permissions;
/// a new file gets the usual permissions for new files.
fn create_temp(folder: &Path, name: &str, replaces: bool) -> io::Result<(PathBuf, File)> {
    static COUNTER: AtomicU64 = AtomicU64::new(0);
    let mut attempt = 0;
    loop {
        let serial = COUNTER.fetch_add(1, Ordering::Relaxed);
        let temp = folder.join(format!(".{name}.{}-{serial}.tmp", std::process::id()));
        let mut options = OpenOptions::new();
        options.write(true).create_new(true);
        #[cfg(unix)]
        if replaces {
            use std::os::unix::fs::OpenOptionsExt;
            options.mode(0o600);
        }
        #[cfg(not(unix))]
        let _ = replaces;
        match options.open(&temp) {
            Ok(file) => return Ok((temp, file)),
            Err(error) if error.kind() == io::ErrorKind::AlreadyExists && attempt < 100 => {
                attempt += 1;
            }
            Err(error) => return Err(error),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::synthetic::{Size, curriculum};

    fn write_atomically(path: &Path, bytes: &[u8]) -> Result<Written, SaveError> {
        replace(path, &resolve_link(path), bytes, None, None)
    }

    #[test]
    fn a_document_that_would_not_load_is_not_saved() -> io::Result<()> {
        let folder = tempfile::tempdir()?;
        let path = folder.path().join("c.ron");
        let doc = curriculum(Size::TINY);
        save(&path, &doc).map_err(io::Error::other)?;
        let before = fs::read(&path)?;
        let mut long = doc.clone();
        long.qualification.title = "x".repeat(super::super::MAX_TEXT_CHARS + 1);
        let refused = save(&path, &long).unwrap_err();
        assert!(
            matches!(&refused, SaveError::Unloadable { reason, .. }
                if reason.contains("100001 characters long")),
            "{refused}"
        );
        assert_eq!(fs::read(&path)?, before);
        assert!(leftovers(folder.path()).is_empty());
        Ok(())
    }

    #[cfg(unix)]
    #[test]
    fn the_owner_is_kept_where_the_system_permits() -> io::Result<()> {
        use std::os::unix::fs::MetadataExt;
        let folder = tempfile::tempdir()?;
        let path = folder.path().join("c.ron");
        fs::write(&path, "old")?;
        let given_away = std::os::unix::fs::chown(&path, Some(54_321), Some(54_321)).is_ok();
        let written = write_atomically(&path, b"new").map_err(io::Error::other)?;
        let now = fs::metadata(&path)?;
        if given_away {
            assert_eq!((now.uid(), now.gid()), (54_321, 54_321));
            assert!(written.notes.is_empty(), "{:?}", written.notes);
        } else {
            eprintln!("skipped: only the superuser may give a file to another user");
        }
        Ok(())
    }

    fn leftovers(folder: &Path) -> Vec<String> {
        fs::read_dir(folder)
            .into_iter()
            .flatten()
            .flatten()
            .map(|entry| entry.file_name().to_string_lossy().into_owned())
            .filter(|name| name.ends_with(".tmp"))
            .collect()
    }

    #[test]
    fn replaces_the_file_and_leaves_no_temporary() -> io::Result<()> {
        let folder = tempfile::tempdir()?;
        let path = folder.path().join("c.ron");
        fs::write(&path, "old")?;
        write_atomically(&path, b"new").map_err(io::Error::other)?;
        assert_eq!(fs::read_to_string(&path)?, "new");
        assert!(leftovers(folder.path()).is_empty());
        Ok(())
    }

    #[test]
    fn a_save_sweeps_old_leftovers_of_killed_saves() -> io::Result<()> {
        let folder = tempfile::tempdir()?;
        let target = folder.path().join("panel.ron");
        let dead = folder.path().join(".panel.ron.4000000-7.tmp");
        let fresh = folder.path().join(".panel.ron.4000001-1.tmp");
        let other = folder.path().join(".other.ron.4000000-2.tmp");
        for path in [&dead, &fresh, &other] {
            fs::write(path, "half a file")?;
        }
        let long_ago = std::time::SystemTime::now() - 2 * LEFTOVER_AGE;
        File::options()
            .write(true)
            .open(&dead)?
            .set_modified(long_ago)?;
        File::options()
            .write(true)
            .open(&other)?
            .set_modified(long_ago)?;
        write_atomically(&target, b"(format: 2)").map_err(io::Error::other)?;
        assert!(
            !dead.exists(),
            "an old leftover of a dead process is removed"
        );
        assert!(
            fresh.exists(),
            "a recent one may belong to a save still running elsewhere"
        );
        assert!(other.exists(), "another file's leftovers are left alone");
        Ok(())
    }

    #[test]
    fn missing_folder_is_reported() {
        let path = Path::new("/nonexistent-htq-folder/c.ron");
        let error = write_atomically(path, b"x").unwrap_err();
        assert_eq!(error, SaveError::NoFolder { path: path.into() });
    }

    #[test]
    fn failed_rename_leaves_no_temporary() -> io::Result<()> {
        let folder = tempfile::tempdir()?;
        let target = folder.path().join("c.ron");
        fs::create_dir(&target)?;
        fs::write(target.join("inside"), "kept")?;
        let error = write_atomically(&target, b"x").unwrap_err();
        assert!(
            matches!(error, SaveError::Other { .. } | SaveError::NotAFile { .. }),
            "{error}"
        );
        assert_eq!(fs::read_to_string(target.join("inside"))?, "kept");
        assert!(
            leftovers(folder.path()).is_empty(),
            "the temporary file was left behind"
        );
        Ok(())
    }

    #[cfg(unix)]
    #[test]
    fn saving_through_a_link_keeps_the_link() -> io::Result<()> {
        let folder = tempfile::tempdir()?;
        let real = folder.path().join("real.ron");
        let link = folder.path().join("link.ron");
        fs::write(&real, "old")?;
        std::os::unix::fs::symlink(&real, &link)?;
        write_atomically(&link, b"new").map_err(io::Error::other)?;
        assert!(fs::symlink_metadata(&link)?.file_type().is_symlink());
        assert_eq!(fs::read_to_string(&real)?, "new");
        Ok(())
    }
}
