//! Atomic save: the old file is replaced whole or not at all.
//!
//! The text goes to a fresh temporary file in the same folder, is flushed to disk, and is
//! renamed over the target; the folder is then flushed so the rename itself survives a power
//! cut. On any failure the temporary file is removed and the original is left untouched.

use super::error::SaveError;
use crate::model::Curriculum;
use std::fs::{self, File, OpenOptions};
use std::io::{self, Write};
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicU64, Ordering};
use std::time::Duration;

/// Writes `doc` to `path` in canonical form, atomically.
pub fn save(path: &Path, doc: &Curriculum) -> Result<(), SaveError> {
    write_atomically(path, super::to_string(doc).as_bytes())
}

/// Replaces the file at `path` with `bytes`, atomically.
pub(super) fn write_atomically(path: &Path, bytes: &[u8]) -> Result<(), SaveError> {
    let target = resolve_link(path);
    let Some(name) = target.file_name() else {
        return Err(SaveError::NotAFile {
            path: path.to_path_buf(),
        });
    };
    let folder = match target.parent() {
        Some(folder) if !folder.as_os_str().is_empty() => folder.to_path_buf(),
        _ => PathBuf::from("."),
    };
    let (temp_path, file) = create_temp(&folder, &name.to_string_lossy())
        .map_err(|error| SaveError::from_io(path, &error))?;
    let written = fill(file, &target, bytes).and_then(|()| fs::rename(&temp_path, &target));
    if let Err(error) = written {
        // The temporary file is ours and useless now; if removing it fails too, the first
        // error is the one worth reporting.
        let _ = fs::remove_file(&temp_path);
        return Err(SaveError::from_io(path, &error));
    }
    // The new file is in place. Flushing the folder makes the rename durable; some file
    // systems cannot flush a folder, which does not undo the save.
    if let Ok(dir) = File::open(&folder) {
        let _ = dir.sync_all();
    }
    sweep_leftovers(&folder, &name.to_string_lossy());
    Ok(())
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

/// Writes `bytes` to the temporary `file`, with the permissions of the file it replaces.
fn fill(mut file: File, target: &Path, bytes: &[u8]) -> io::Result<()> {
    file.write_all(bytes)?;
    if let Ok(metadata) = fs::metadata(target) {
        file.set_permissions(metadata.permissions())?;
    }
    file.sync_all()
}

/// Saving through a symbolic link replaces the file it points to, not the link.
fn resolve_link(path: &Path) -> PathBuf {
    let is_link = fs::symlink_metadata(path).is_ok_and(|m| m.file_type().is_symlink());
    if is_link {
        fs::canonicalize(path).unwrap_or_else(|_| path.to_path_buf())
    } else {
        path.to_path_buf()
    }
}

/// Creates a new, uniquely named hidden file beside the target.
fn create_temp(folder: &Path, name: &str) -> io::Result<(PathBuf, File)> {
    static COUNTER: AtomicU64 = AtomicU64::new(0);
    let mut attempt = 0;
    loop {
        let serial = COUNTER.fetch_add(1, Ordering::Relaxed);
        let temp = folder.join(format!(".{name}.{}-{serial}.tmp", std::process::id()));
        match OpenOptions::new().write(true).create_new(true).open(&temp) {
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
