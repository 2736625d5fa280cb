//! The two errors of the store: a file that cannot be loaded, and a file that cannot be saved.

use std::fmt;
use std::io;
use std::path::{Path, PathBuf};

/// Why a curriculum file could not be loaded, and where in it.
///
/// Displays as `path:line:column: message`, or `path: message` when no place in the text
/// applies (line and column are 0 then).
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{}: {message}", Place { path, line: *line, column: *column })]
pub struct LoadError {
    /// The file.
    pub path: PathBuf,
    /// Line, counted from 1; 0 when not applicable.
    pub line: usize,
    /// Column in characters, counted from 1; 0 when not applicable.
    pub column: usize,
    /// What is wrong, in plain language.
    pub message: String,
}

impl LoadError {
    /// An error about the whole file rather than a place in it.
    pub fn whole_file(path: &Path, message: impl Into<String>) -> Self {
        Self::at(path, (0, 0), message)
    }

    /// An error at `(line, column)` of the file.
    pub fn at(path: &Path, (line, column): (usize, usize), message: impl Into<String>) -> Self {
        Self {
            path: path.to_path_buf(),
            line,
            column,
            message: message.into(),
        }
    }
}

/// What is wrong at a place in a curriculum text, before anyone says which file the text came
/// from: the checks inside the store work on text, and the file's path is attached once, where
/// the text was read ([`TextError::in_file`]).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TextError {
    /// Line, counted from 1; 0 when not applicable.
    pub line: usize,
    /// Column in characters, counted from 1; 0 when not applicable.
    pub column: usize,
    /// What is wrong, in plain language.
    pub message: String,
}

impl TextError {
    /// An error at `(line, column)` of the text.
    pub fn at((line, column): (usize, usize), message: impl Into<String>) -> Self {
        Self {
            line,
            column,
            message: message.into(),
        }
    }

    /// An error about the whole text rather than a place in it.
    pub fn whole(message: impl Into<String>) -> Self {
        Self::at((0, 0), message)
    }

    /// The same error as read from the file at `path`.
    pub fn in_file(self, path: &Path) -> LoadError {
        LoadError {
            path: path.to_path_buf(),
            line: self.line,
            column: self.column,
            message: self.message,
        }
    }
}

impl fmt::Display for TextError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match (self.line, self.column) {
            (0, _) => f.write_str(&self.message),
            (line, 0) => write!(f, "line {line}: {}", self.message),
            (line, column) => write!(f, "line {line}, column {column}: {}", self.message),
        }
    }
}

impl std::error::Error for TextError {}

/// `path`, `path:line` or `path:line:column`, leaving out what is 0.
struct Place<'a> {
    path: &'a Path,
    line: usize,
    column: usize,
}

impl fmt::Display for Place<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}", self.path.display())?;
        if self.line > 0 {
            write!(f, ":{}", self.line)?;
            if self.column > 0 {
                write!(f, ":{}", self.column)?;
            }
        }
        Ok(())
    }
}

/// Why a curriculum or an export could not be written. The file that was there before is left
/// as it was, and so is the document.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum SaveError {
    /// The folder or file may not be written.
    #[error("could not save {}: the folder is read-only or you do not have permission to write there", path.display())]
    ReadOnly {
        /// The file being saved.
        path: PathBuf,
    },
    /// No space left.
    #[error("could not save {}: the disk is full", path.display())]
    DiskFull {
        /// The file being saved.
        path: PathBuf,
    },
    /// The folder to save into does not exist.
    #[error("could not save {}: the folder does not exist", path.display())]
    NoFolder {
        /// The file being saved.
        path: PathBuf,
    },
    /// The path names a folder or nothing at all.
    #[error("could not save {}: this is not a file name", path.display())]
    NotAFile {
        /// The path given.
        path: PathBuf,
    },
    /// The file changed on disk since it was opened or last saved (a `git pull`, a
    /// colleague on a shared drive); saving would overwrite their work.
    #[error("did not save {}: the file was changed by someone else since you opened it; reload it, compare, or save under another name", path.display())]
    ChangedOnDisk {
        /// The file that changed.
        path: PathBuf,
    },
    /// Someone else changed the file while a command was reading, changing and rewriting it.
    #[error("did not save {}: someone else changed the file while this command was working on it; nothing was written, run the command again", path.display())]
    ChangedSinceRead {
        /// The file that changed.
        path: PathBuf,
    },
    /// The output is one of the files the command reads (by the same name, a symbolic link
    /// or a hard link); writing it would destroy the input.
    #[error("did not write {}: {}; choose another name for the output", path.display(), same_as_input(path, input))]
    SameAsInput {
        /// The output asked for.
        path: PathBuf,
        /// The input it is the same file as.
        input: PathBuf,
    },
    /// The output names a pipe, a device or a socket.
    #[error("did not write {}: it is not a regular file (it is a pipe, a device or a socket); choose a file name", path.display())]
    NotARegularFile {
        /// The output asked for.
        path: PathBuf,
    },
    /// HTQ Studio would refuse to open the file this save would write.
    #[error("did not save {}: HTQ Studio could not open the file it would write: {reason}", path.display())]
    Unloadable {
        /// The file being saved.
        path: PathBuf,
        /// What loading the file would say.
        reason: String,
    },
    /// Another HTQ Studio command kept the file locked for too long.
    #[error("did not save {}: another HTQ Studio command is still changing this file; try again when it has finished", path.display())]
    Busy {
        /// The file being saved.
        path: PathBuf,
    },
    /// Anything else the system reported.
    #[error("could not save {}: {reason}", path.display())]
    Other {
        /// The file being saved.
        path: PathBuf,
        /// The system's description.
        reason: String,
    },
}

/// Why the output `path` is the input `input`, in words.
fn same_as_input(path: &Path, input: &Path) -> String {
    if path == input {
        "this command reads that file".to_owned()
    } else {
        format!(
            "it is the same file as {}, which this command reads",
            input.display()
        )
    }
}

impl SaveError {
    /// The plain-language error for an IO failure while saving `path`.
    pub(super) fn from_io(path: &Path, error: &io::Error) -> Self {
        let path = path.to_path_buf();
        match error.kind() {
            io::ErrorKind::PermissionDenied | io::ErrorKind::ReadOnlyFilesystem => {
                SaveError::ReadOnly { path }
            }
            io::ErrorKind::StorageFull | io::ErrorKind::QuotaExceeded => {
                SaveError::DiskFull { path }
            }
            io::ErrorKind::NotFound | io::ErrorKind::NotADirectory => SaveError::NoFolder { path },
            io::ErrorKind::IsADirectory => SaveError::NotAFile { path },
            _ => SaveError::Other {
                path,
                reason: error.to_string(),
            },
        }
    }

    /// The file that could not be saved.
    pub fn path(&self) -> &Path {
        match self {
            SaveError::ReadOnly { path }
            | SaveError::DiskFull { path }
            | SaveError::NoFolder { path }
            | SaveError::NotAFile { path }
            | SaveError::ChangedOnDisk { path }
            | SaveError::ChangedSinceRead { path }
            | SaveError::SameAsInput { path, .. }
            | SaveError::NotARegularFile { path }
            | SaveError::Unloadable { path, .. }
            | SaveError::Busy { path }
            | SaveError::Other { path, .. } => path,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn load_error_shows_only_the_parts_that_apply() {
        let path = Path::new("curricula/x.ron");
        assert_eq!(
            LoadError::at(path, (41, 7), "bad").to_string(),
            "curricula/x.ron:41:7: bad"
        );
        assert_eq!(
            LoadError::at(path, (3, 0), "bad").to_string(),
            "curricula/x.ron:3: bad"
        );
        assert_eq!(
            LoadError::whole_file(path, "bad").to_string(),
            "curricula/x.ron: bad"
        );
    }

    #[test]
    fn save_errors_are_plain() {
        let path = Path::new("a/b.ron");
        let denied = io::Error::from(io::ErrorKind::PermissionDenied);
        assert_eq!(
            SaveError::from_io(path, &denied).to_string(),
            "could not save a/b.ron: the folder is read-only or you do not have permission to write there"
        );
        let full = io::Error::from(io::ErrorKind::StorageFull);
        assert_eq!(
            SaveError::from_io(path, &full).to_string(),
            "could not save a/b.ron: the disk is full"
        );
        let missing = io::Error::from(io::ErrorKind::NotFound);
        assert_eq!(SaveError::from_io(path, &missing).path(), path);
    }
}
