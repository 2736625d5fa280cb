//! Read, change and write back one curriculum file with no lost updates: what `fmt` and
//! `import-standard` do to the file they are given.
//!
//! [`Rewrite::open`] locks the file against other HTQ Studio commands and windows (see
//! `flock`) and reads it; [`Rewrite::save`] writes the changed document through the one write
//! path, checking first that nobody changed the file meanwhile. Of two commands rewriting
//! the same file at once, the second waits for the first and then works on its result.

use super::disk::Fingerprint;
use super::error::{LoadError, SaveError};
use super::flock::{FileLock, LOCK_WAIT, LockError};
use super::limits;
use super::output::{WriteOptions, Written, write_locked};
use super::save::{loadable_text, resolve_link};
use crate::model::Curriculum;
use crate::words::counted;
use std::path::{Path, PathBuf};

/// A curriculum file locked for reading, changing and writing back.
#[derive(Debug)]
pub struct Rewrite {
    path: PathBuf,
    text: String,
    read: Fingerprint,
    lock: FileLock,
}

impl Rewrite {
    /// Locks the curriculum file at `path` (waiting up to 20 seconds for another command
    /// that has it) and reads its text, with the limits of [`load`](super::load).
    pub fn open(path: &Path) -> Result<Rewrite, LoadError> {
        let lock = FileLock::acquire(&resolve_link(path)).map_err(|error| match error {
            LockError::Busy => LoadError::whole_file(
                path,
                format!(
                    "another HTQ Studio command kept this file locked for {}; try again \
                     when it has finished",
                    counted(LOCK_WAIT.as_secs(), "second", "seconds")
                ),
            ),
            LockError::Input(error) => limits::unreadable(path, error),
        })?;
        let text = limits::read_open_text(lock.file(), path)?;
        let modified = lock.file().metadata().and_then(|m| m.modified()).ok();
        Ok(Rewrite {
            path: path.to_path_buf(),
            read: Fingerprint::of_bytes(text.as_bytes(), modified),
            text,
            lock,
        })
    }

    /// The text as read.
    pub fn text(&self) -> &str {
        &self.text
    }

    /// The curriculum the text holds, checked as [`load`](super::load) checks it.
    pub fn curriculum(&self) -> Result<Curriculum, LoadError> {
        super::from_str(&self.text, &self.path)
    }

    /// Writes `doc` back in canonical form and releases the lock. `inputs` are the other files
    /// the command read (a standard being imported): the curriculum may not be one of them.
    /// Refused with [`SaveError::ChangedSinceRead`] if a program that takes no lock changed
    /// the file since it was read, and with [`SaveError::Unloadable`] if HTQ Studio could not
    /// open the result; the file is left as it was then.
    pub fn save(self, doc: &Curriculum, inputs: &[&Path]) -> Result<Written, SaveError> {
        let text = loadable_text(&self.path, doc)?;
        let options = WriteOptions {
            inputs,
            expected: Some(&self.read),
        };
        write_locked(&self.path, text.as_bytes(), &options, &self.lock).map_err(|error| match error
        {
            SaveError::ChangedOnDisk { path } => SaveError::ChangedSinceRead { path },
            other => other,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::synthetic::{Size, curriculum};
    use std::{fs, io};

    #[test]
    fn a_change_by_a_program_without_the_lock_is_not_overwritten() -> io::Result<()> {
        let folder = tempfile::tempdir()?;
        let path = folder.path().join("c.ron");
        let doc = curriculum(Size::TINY);
        fs::write(&path, super::super::to_string(&doc))?;
        let rewrite = Rewrite::open(&path).map_err(io::Error::other)?;
        assert_eq!(rewrite.curriculum().as_ref(), Ok(&doc));
        fs::write(&path, "(format: 2) // an editor's save")?;
        assert_eq!(
            rewrite.save(&doc, &[]).map(drop),
            Err(SaveError::ChangedSinceRead { path: path.clone() })
        );
        assert_eq!(
            fs::read_to_string(&path)?,
            "(format: 2) // an editor's save"
        );
        Ok(())
    }

    #[test]
    fn the_curriculum_may_not_be_one_of_the_other_inputs() -> io::Result<()> {
        let folder = tempfile::tempdir()?;
        let path = folder.path().join("c.ron");
        let doc = curriculum(Size::TINY);
        let text = super::super::to_string(&doc);
        fs::write(&path, &text)?;
        let rewrite = Rewrite::open(&path).map_err(io::Error::other)?;
        let refused = rewrite.save(&doc, &[&folder.path().join("./c.ron")]);
        assert!(
            matches!(refused, Err(SaveError::SameAsInput { .. })),
            "{refused:?}"
        );
        assert_eq!(fs::read_to_string(&path)?, text);
        Ok(())
    }
}
