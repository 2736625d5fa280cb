//! Advisory locks between HTQ Studio processes writing the same file.
//!
//! A command that reads, changes and rewrites a file (`fmt`, `import-standard`, a save from
//! the window) holds an exclusive `flock` on the file from the read until the new file is
//! renamed into place, so of two such commands one waits for the other. Because a save
//! replaces the file by a new one, a process that waited may hold the lock on a file that is
//! no longer there: it then locks the file now at that name instead. Programs that do not
//! take the lock (an editor, `git`) are caught by the fingerprint check before the rename.

use super::input::{self, InputError};
use std::fs::File;
use std::path::Path;
use std::time::{Duration, Instant};

/// How long a command waits for another one to finish with a file before giving up.
pub const LOCK_WAIT: Duration = Duration::from_secs(20);

/// How often a waiting command tries the lock again.
const RETRY_EVERY: Duration = Duration::from_millis(5);

/// An exclusive lock on one file, released when dropped.
#[derive(Debug)]
pub(super) struct FileLock {
    file: File,
}

/// Why a file could not be locked.
#[derive(Debug)]
pub(super) enum LockError {
    /// Another process held it for all of [`LOCK_WAIT`].
    Busy,
    /// The file could not be opened.
    Input(InputError),
}

impl FileLock {
    /// Locks the regular file at `path`, waiting up to [`LOCK_WAIT`] for another process.
    ///
    /// File systems that cannot lock (some network shares) give a lock that excludes no one;
    /// the fingerprint check before the rename still notices a change.
    pub(super) fn acquire(path: &Path) -> Result<FileLock, LockError> {
        let deadline = Instant::now() + LOCK_WAIT;
        loop {
            let file = input::open_regular(path).map_err(LockError::Input)?;
            match try_lock(&file) {
                Attempt::Taken if input::same_file_at(&file, path) => {
                    return Ok(FileLock { file });
                }
                // Replaced while we waited: lock the file now at that name.
                Attempt::Taken => continue,
                Attempt::Held if Instant::now() < deadline => std::thread::sleep(RETRY_EVERY),
                Attempt::Held => return Err(LockError::Busy),
            }
        }
    }

    /// Whether the locked file is still the one at `path`, not replaced by another.
    pub(super) fn is_at(&self, path: &Path) -> bool {
        input::same_file_at(&self.file, path)
    }

    /// The locked file, open for reading.
    pub(super) fn file(&self) -> &File {
        &self.file
    }
}

/// The outcome of one try at the lock.
enum Attempt {
    /// The lock is ours (or locking is not supported here).
    Taken,
    /// Another process holds it.
    Held,
}

#[cfg(unix)]
fn try_lock(file: &File) -> Attempt {
    use std::os::fd::AsRawFd;
    loop {
        // SAFETY: `flock` only takes the descriptor of a file we own and open; it reads and
        // writes no memory of ours.
        let answer = unsafe { libc::flock(file.as_raw_fd(), libc::LOCK_EX | libc::LOCK_NB) };
        if answer == 0 {
            return Attempt::Taken;
        }
        match std::io::Error::last_os_error().raw_os_error() {
            Some(libc::EINTR) => continue,
            Some(libc::EWOULDBLOCK) => return Attempt::Held,
            _ => return Attempt::Taken,
        }
    }
}

#[cfg(not(unix))]
fn try_lock(_file: &File) -> Attempt {
    Attempt::Taken
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::fs;
    use std::io;

    #[test]
    fn a_second_lock_on_the_same_file_waits_for_the_first() -> io::Result<()> {
        let folder = tempfile::tempdir()?;
        let path = folder.path().join("c.ron");
        fs::write(&path, "x")?;
        let first = FileLock::acquire(&path).map_err(|e| io::Error::other(format!("{e:?}")))?;
        let waiter = {
            let path = path.clone();
            std::thread::spawn(move || {
                let started = Instant::now();
                FileLock::acquire(&path).map(|_| started.elapsed())
            })
        };
        std::thread::sleep(Duration::from_millis(150));
        drop(first);
        let waited = waiter
            .join()
            .map_err(|_| io::Error::other("the waiter panicked"))?
            .map_err(|e| io::Error::other(format!("{e:?}")))?;
        assert!(waited >= Duration::from_millis(100), "{waited:?}");
        Ok(())
    }

    #[test]
    fn a_missing_file_cannot_be_locked() {
        let result = FileLock::acquire(Path::new("/nonexistent-htq-folder/c.ron"));
        assert!(matches!(result, Err(LockError::Input(_))));
    }
}
