//! The one write path for every file HTQ Studio writes: curricula (save, `fmt`,
//! `import-standard`), recovery files and every export (PDF, CSV).
//!
//! [`write_output`] first refuses what must never be written: any file the command reads (by
//! the same name, through a symbolic link or a hard link), and anything that is not a regular
//! file (a folder, a pipe, a device). It then locks the file against other HTQ Studio
//! commands, and replaces it atomically, keeping its permissions and, where the system
//! permits, its owner (see [`save`](super::save) for how). What the caller should tell the
//! user comes back as [`WriteNote`]s.

use super::disk::Fingerprint;
use super::error::SaveError;
use super::flock::{FileLock, LockError};
use super::input;
use super::save::{replace, resolve_link};
use std::fmt;
use std::fs;
use std::path::{Path, PathBuf};

/// What a write must respect besides the file itself.
#[derive(Debug, Clone, Copy, Default)]
pub struct WriteOptions<'a> {
    /// Every file the command reads: the output may be none of them.
    pub inputs: &'a [&'a Path],
    /// What the file held when it was read; the write is refused with
    /// [`SaveError::ChangedOnDisk`] if it holds anything else just before it is replaced.
    /// `None` replaces whatever is there.
    pub expected: Option<&'a Fingerprint>,
}

/// A file written.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Written {
    /// The file written: the path given, or the file a symbolic link there points to.
    pub path: PathBuf,
    /// The file as written, to compare with before the next write.
    pub fingerprint: Fingerprint,
    /// What the user should know about how it was written.
    pub notes: Vec<WriteNote>,
}

/// Something about a write the user should be told; the write itself succeeded.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum WriteNote {
    /// The file had other hard links. Only this name has the new contents; the other names
    /// still have the previous ones (an atomic replacement cannot change them all).
    SeparatedFromLinks {
        /// The file written.
        path: PathBuf,
        /// How many other names the file had.
        others: u64,
    },
    /// The system did not permit keeping the file's owner (only the superuser may give a
    /// file away): the new file belongs to whoever wrote it, with the same permissions.
    OwnerChanged {
        /// The file written.
        path: PathBuf,
    },
}

impl fmt::Display for WriteNote {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            WriteNote::SeparatedFromLinks { path, others } => write!(
                f,
                "{} had {others} other hard link{}; only this name has the new contents, the \
                 other names keep the previous version",
                path.display(),
                if *others == 1 { "" } else { "s" }
            ),
            WriteNote::OwnerChanged { path } => write!(
                f,
                "{} now belongs to you, not to its previous owner (only an administrator may \
                 keep another user's ownership); its permissions are unchanged",
                path.display()
            ),
        }
    }
}

/// Writes `bytes` to `path`, replacing any file there atomically: after a crash, a kill or a
/// full disk the file is either as it was or completely new. Refused, with nothing touched,
/// when `path` is one of `options.inputs` ([`SaveError::SameAsInput`]), not a regular file
/// ([`SaveError::NotARegularFile`]), changed since `options.expected` was taken
/// ([`SaveError::ChangedOnDisk`]) or locked by another HTQ Studio command for too long
/// ([`SaveError::Busy`]).
pub fn write_output(
    path: &Path,
    bytes: &[u8],
    options: &WriteOptions<'_>,
) -> Result<Written, SaveError> {
    check_output(path, options.inputs)?;
    let target = resolve_link(path);
    let lock = match FileLock::acquire(&target) {
        Ok(lock) => Some(lock),
        Err(LockError::Busy) => {
            return Err(SaveError::Busy {
                path: path.to_path_buf(),
            });
        }
        // Nothing there yet, or nothing this process may read: there is nothing to lock.
        Err(LockError::Input(_)) => None,
    };
    replace(path, &target, bytes, options.expected, lock.as_ref())
}

/// Whether `path` may be written by a command that reads `inputs`, without writing it. A
/// command with several outputs checks them all before writing any, so that a refusal
/// leaves every file as it was.
pub fn check_output(path: &Path, inputs: &[&Path]) -> Result<(), SaveError> {
    let target = resolve_link(path);
    if let Ok(metadata) = fs::metadata(&target) {
        if metadata.is_dir() {
            return Err(SaveError::NotAFile {
                path: path.to_path_buf(),
            });
        }
        if !metadata.is_file() {
            return Err(SaveError::NotARegularFile {
                path: path.to_path_buf(),
            });
        }
    }
    match inputs.iter().find(|input| input::same_file(&target, input)) {
        Some(input) => Err(SaveError::SameAsInput {
            path: path.to_path_buf(),
            input: input.to_path_buf(),
        }),
        None => Ok(()),
    }
}

/// Replaces `path`, already locked by `lock`, with `bytes`; see [`write_output`].
pub(super) fn write_locked(
    path: &Path,
    bytes: &[u8],
    options: &WriteOptions<'_>,
    lock: &FileLock,
) -> Result<Written, SaveError> {
    check_output(path, options.inputs)?;
    replace(
        path,
        &resolve_link(path),
        bytes,
        options.expected,
        Some(lock),
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::io;

    fn leftovers(folder: &Path) -> Vec<String> {
        fs::read_dir(folder)
            .into_iter()
            .flatten()
            .flatten()
            .map(|entry| entry.file_name().to_string_lossy().into_owned())
            .filter(|name| name.ends_with(".tmp"))
            .collect()
    }

    fn write(path: &Path, bytes: &[u8]) -> Result<Written, SaveError> {
        write_output(path, bytes, &WriteOptions::default())
    }

    #[test]
    fn writing_over_an_input_is_refused_and_touches_nothing() -> io::Result<()> {
        let folder = tempfile::tempdir()?;
        let source = folder.path().join("c.ron");
        fs::write(&source, "curriculum")?;
        let roundabout = folder.path().join(".").join("c.ron");
        let options = WriteOptions {
            inputs: &[&source],
            expected: None,
        };
        let refused = write_output(&roundabout, b"%PDF", &options);
        assert_eq!(
            refused.map(drop),
            Err(SaveError::SameAsInput {
                path: roundabout.clone(),
                input: source.clone()
            })
        );
        assert_eq!(fs::read_to_string(&source)?, "curriculum");
        assert!(leftovers(folder.path()).is_empty());
        Ok(())
    }

    #[cfg(unix)]
    #[test]
    fn links_to_an_input_are_the_input() -> io::Result<()> {
        let folder = tempfile::tempdir()?;
        let source = folder.path().join("c.ron");
        fs::write(&source, "curriculum")?;
        let symbolic = folder.path().join("spec.pdf");
        std::os::unix::fs::symlink("c.ron", &symbolic)?;
        let hard = folder.path().join("copy.ron");
        fs::hard_link(&source, &hard)?;
        for output in [&symbolic, &hard] {
            assert!(matches!(
                check_output(output, &[&source]),
                Err(SaveError::SameAsInput { .. })
            ));
        }
        assert_eq!(
            check_output(&folder.path().join("new.pdf"), &[&source]),
            Ok(())
        );
        Ok(())
    }

    #[cfg(unix)]
    #[test]
    fn devices_and_folders_are_not_outputs() -> io::Result<()> {
        let folder = tempfile::tempdir()?;
        assert_eq!(
            check_output(Path::new("/dev/null"), &[]),
            Err(SaveError::NotARegularFile {
                path: "/dev/null".into()
            })
        );
        assert_eq!(
            check_output(folder.path(), &[]),
            Err(SaveError::NotAFile {
                path: folder.path().into()
            })
        );
        Ok(())
    }

    #[cfg(unix)]
    #[test]
    fn a_write_keeps_the_mode_and_reports_other_hard_links() -> io::Result<()> {
        use std::os::unix::fs::PermissionsExt;
        let folder = tempfile::tempdir()?;
        let path = folder.path().join("c.ron");
        let other = folder.path().join("shared.ron");
        fs::write(&path, "old")?;
        fs::set_permissions(&path, fs::Permissions::from_mode(0o640))?;
        fs::hard_link(&path, &other)?;
        let written = write(&path, b"new").map_err(io::Error::other)?;
        assert_eq!(fs::metadata(&path)?.permissions().mode() & 0o7777, 0o640);
        assert_eq!(fs::read_to_string(&path)?, "new");
        assert_eq!(fs::read_to_string(&other)?, "old");
        assert_eq!(
            written.notes,
            [WriteNote::SeparatedFromLinks {
                path: path.clone(),
                others: 1
            }]
        );
        let again = write(&path, b"newer").map_err(io::Error::other)?;
        assert!(again.notes.is_empty(), "{:?}", again.notes);
        Ok(())
    }

    #[test]
    fn a_file_changed_since_it_was_read_is_not_replaced() -> io::Result<()> {
        let folder = tempfile::tempdir()?;
        let path = folder.path().join("c.ron");
        fs::write(&path, "as read")?;
        let read = Fingerprint::of(&path)?;
        fs::write(&path, "someone else's")?;
        let options = WriteOptions {
            inputs: &[],
            expected: Some(&read),
        };
        assert_eq!(
            write_output(&path, b"ours", &options).map(drop),
            Err(SaveError::ChangedOnDisk { path: path.clone() })
        );
        assert_eq!(fs::read_to_string(&path)?, "someone else's");
        assert!(leftovers(folder.path()).is_empty());
        Ok(())
    }

    #[cfg(unix)]
    #[test]
    fn writing_through_a_dangling_link_creates_the_file_it_names() -> io::Result<()> {
        let folder = tempfile::tempdir()?;
        let link = folder.path().join("latest.pdf");
        std::os::unix::fs::symlink("spec-v2.pdf", &link)?;
        let written = write(&link, b"%PDF").map_err(io::Error::other)?;
        assert_eq!(written.path, folder.path().join("spec-v2.pdf"));
        assert!(fs::symlink_metadata(&link)?.file_type().is_symlink());
        assert_eq!(fs::read(&link)?, b"%PDF");
        Ok(())
    }
}
