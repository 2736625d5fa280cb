//! Reading any input file safely: only regular files, never blocking, never more than a limit.
//!
//! A pipe (FIFO), a device such as `/dev/zero` or a socket given as an input is refused before
//! it is read, so a command never waits for ever for a writer or reads an endless stream.
//! Files are opened without blocking (a pipe swapped in after the check cannot hang the open)
//! and checked again once open; then at most the limit plus one byte is read, so a file that
//! grows while it is read cannot exhaust memory either.

use std::fmt;
use std::fs::{self, File, OpenOptions};
use std::io::{self, Read};
use std::path::Path;

/// Why an input could not be read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum InputError {
    /// A folder was given where a file was expected.
    Folder,
    /// A pipe, device or socket was given where a file was expected.
    NotARegularFile,
    /// The file holds more than the limit, in bytes.
    TooLarge {
        /// The limit.
        limit: u64,
    },
    /// The system could not open or read it.
    Io {
        /// What went wrong, as the system classifies it.
        kind: io::ErrorKind,
        /// The system's words.
        reason: String,
    },
}

impl fmt::Display for InputError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            InputError::Folder => write!(f, "this is a folder, not a file"),
            InputError::NotARegularFile => write!(
                f,
                "this is not a regular file (it is a pipe, a device or a socket); give the \
                 name of a file"
            ),
            InputError::TooLarge { limit } => write!(
                f,
                "the file is larger than {} MiB, far more than any curriculum or standard; it \
                 is not read",
                limit / (1024 * 1024)
            ),
            InputError::Io { kind, reason } => match kind {
                io::ErrorKind::NotFound => write!(f, "there is no such file"),
                io::ErrorKind::PermissionDenied => {
                    write!(f, "you do not have permission to read it")
                }
                _ => write!(f, "it could not be read ({reason})"),
            },
        }
    }
}

impl From<io::Error> for InputError {
    fn from(error: io::Error) -> Self {
        match error.kind() {
            io::ErrorKind::IsADirectory => InputError::Folder,
            kind => InputError::Io {
                kind,
                reason: error.to_string(),
            },
        }
    }
}

/// Opens `path` for reading if it is a regular file (following symbolic links), without
/// blocking on a pipe.
pub(super) fn open_regular(path: &Path) -> Result<File, InputError> {
    refuse_unless_file(&fs::metadata(path)?)?;
    let file = open_without_blocking(path)?;
    refuse_unless_file(&file.metadata()?)?;
    Ok(file)
}

/// The bytes of the regular file at `path`, refused when it holds more than `limit` bytes.
pub fn read_limited(path: &Path, limit: u64) -> Result<Vec<u8>, InputError> {
    read_open_limited(&open_regular(path)?, limit)
}

/// The bytes of an open file, refused when it holds more than `limit` bytes.
pub(super) fn read_open_limited(mut file: &File, limit: u64) -> Result<Vec<u8>, InputError> {
    if file.metadata()?.len() > limit {
        return Err(InputError::TooLarge { limit });
    }
    let mut bytes = Vec::new();
    Read::by_ref(&mut file)
        .take(limit.saturating_add(1))
        .read_to_end(&mut bytes)?;
    if bytes.len() as u64 > limit {
        return Err(InputError::TooLarge { limit });
    }
    Ok(bytes)
}

/// Whether `a` and `b` name the same file, through links (symbolic or hard) or different
/// spellings of the path. `false` when either does not exist.
pub(super) fn same_file(a: &Path, b: &Path) -> bool {
    match (fs::metadata(a), fs::metadata(b)) {
        (Ok(a_meta), Ok(b_meta)) => same_identity(&a_meta, &b_meta, a, b),
        _ => false,
    }
}

/// Whether the open `file` is still the file at `path` (not replaced by another meanwhile).
pub(super) fn same_file_at(file: &File, path: &Path) -> bool {
    match (file.metadata(), fs::metadata(path)) {
        (Ok(open), Ok(now)) => same_identity(&open, &now, path, path),
        _ => false,
    }
}

#[cfg(unix)]
fn same_identity(a: &fs::Metadata, b: &fs::Metadata, _: &Path, _: &Path) -> bool {
    use std::os::unix::fs::MetadataExt;
    (a.dev(), a.ino()) == (b.dev(), b.ino())
}

#[cfg(not(unix))]
fn same_identity(_: &fs::Metadata, _: &fs::Metadata, a: &Path, b: &Path) -> bool {
    matches!((fs::canonicalize(a), fs::canonicalize(b)), (Ok(a), Ok(b)) if a == b)
}

fn refuse_unless_file(metadata: &fs::Metadata) -> Result<(), InputError> {
    if metadata.is_dir() {
        Err(InputError::Folder)
    } else if metadata.is_file() {
        Ok(())
    } else {
        Err(InputError::NotARegularFile)
    }
}

#[cfg(unix)]
fn open_without_blocking(path: &Path) -> io::Result<File> {
    use std::os::unix::fs::OpenOptionsExt;
    // For a regular file the flag changes nothing; it only keeps `open` from waiting for the
    // writer of a pipe that replaced the file after it was checked.
    OpenOptions::new()
        .read(true)
        .custom_flags(libc::O_NONBLOCK)
        .open(path)
}

#[cfg(not(unix))]
fn open_without_blocking(path: &Path) -> io::Result<File> {
    OpenOptions::new().read(true).open(path)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_file_within_the_limit_is_read_whole() -> io::Result<()> {
        let folder = tempfile::tempdir()?;
        let path = folder.path().join("a.json");
        fs::write(&path, "12345")?;
        assert_eq!(read_limited(&path, 5), Ok(b"12345".to_vec()));
        assert_eq!(
            read_limited(&path, 4),
            Err(InputError::TooLarge { limit: 4 })
        );
        Ok(())
    }

    #[test]
    fn folders_and_missing_files_are_named() -> io::Result<()> {
        let folder = tempfile::tempdir()?;
        assert_eq!(read_limited(folder.path(), 9), Err(InputError::Folder));
        let missing = read_limited(&folder.path().join("none"), 9);
        assert_eq!(
            missing.map_err(|error| error.to_string()),
            Err("there is no such file".to_owned())
        );
        Ok(())
    }

    #[cfg(unix)]
    #[test]
    fn a_device_is_refused_without_reading_it() {
        assert_eq!(
            read_limited(Path::new("/dev/zero"), 9),
            Err(InputError::NotARegularFile)
        );
    }
}
