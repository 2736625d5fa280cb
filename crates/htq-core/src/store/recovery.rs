//! Recovery files: the autosaved copy of a curriculum with unsaved edits, for after a crash.
//!
//! While a document has unsaved edits the window writes it here a couple of seconds after
//! each edit ([`AUTOSAVE_AFTER`]); a clean save or close discards it. At the next start,
//! [`RecoveryStore::list`] names the recovery files a crashed or killed HTQ Studio left
//! behind, so the panel can restore or discard each.
//!
//! There is one recovery file per document, in the user's local data folder: for a saved
//! document it is named after a stable hash of the file's absolute path, for one never saved
//! after the process (`untitled-<pid>`). A recovery file is the canonical curriculum text,
//! written atomically, after one comment line with the original path, the time of writing,
//! the machine and the process id. Files of a process that is still running are not offered.

use super::error::{LoadError, SaveError};
use super::output::{WriteOptions, write_output};
use super::owner;
use super::save::loadable_text;
use crate::model::Curriculum;
use serde::{Deserialize, Serialize};
use std::fs::{self, File};
use std::io::{self, BufRead, BufReader, Read};
use std::path::{Path, PathBuf};
use std::time::{Duration, SystemTime, UNIX_EPOCH};

/// How long after an edit the window writes the recovery file (edits in between restart
/// the wait, so typing does not write on every key).
pub const AUTOSAVE_AFTER: Duration = Duration::from_secs(2);

/// Environment variable naming the data folder instead of the user's own (for tests and CI).
pub const DATA_DIR_VARIABLE: &str = "HTQ_STUDIO_DATA_DIR";

/// Starts the first line of every recovery file; the line goes on in JSON.
const MARK: &str = "// HTQ Studio recovery file ";

/// Longest first line read when listing (a path is at most a few KiB).
const MAX_HEADER: u64 = 64 * 1024;

/// The folder of recovery files.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RecoveryStore {
    dir: PathBuf,
}

/// A recovery file left by an HTQ Studio that did not close cleanly.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Recovery {
    /// The curriculum file the edits belong to; `None` for a document never saved.
    pub original: Option<PathBuf>,
    /// When the recovery file was written: the time of the last autosaved edit.
    pub written_at: SystemTime,
    /// The machine that wrote it.
    pub host: String,
    /// The process that wrote it.
    pub pid: u32,
    /// The recovery file itself.
    pub recovery_file: PathBuf,
}

/// The first line of a recovery file, after [`MARK`].
#[derive(Serialize, Deserialize)]
struct Header {
    original: Option<String>,
    written_at_ms: u64,
    host: String,
    pid: u32,
}

impl RecoveryStore {
    /// Recovery files in `dir` (created on the first write).
    pub fn new(dir: PathBuf) -> RecoveryStore {
        RecoveryStore { dir }
    }

    /// The `recovery` folder in the user's local data folder (on Linux
    /// `~/.local/share/htq-studio/recovery`), or in `$HTQ_STUDIO_DATA_DIR` when that is set.
    /// `None` when the system names no data folder for the user.
    pub fn default_location() -> Option<RecoveryStore> {
        let data = match std::env::var_os(DATA_DIR_VARIABLE) {
            Some(dir) if !dir.is_empty() => PathBuf::from(dir),
            _ => directories::ProjectDirs::from("org", "HTQ Studio", "htq-studio")?
                .data_local_dir()
                .to_path_buf(),
        };
        Some(RecoveryStore::new(data.join("recovery")))
    }

    /// The folder the recovery files are in.
    pub fn dir(&self) -> &Path {
        &self.dir
    }

    /// Writes the recovery file of the document saved at `doc_path` (`None`: never saved),
    /// replacing the previous one atomically. Returns the recovery file's path. A document
    /// that could not be opened again is refused ([`SaveError::Unloadable`]), as by a save.
    pub fn write(&self, doc_path: Option<&Path>, doc: &Curriculum) -> Result<PathBuf, SaveError> {
        let file = self.file_for(doc_path);
        fs::create_dir_all(&self.dir).map_err(|error| SaveError::from_io(&file, &error))?;
        let header = Header {
            original: doc_path.map(|path| absolute(path).to_string_lossy().into_owned()),
            written_at_ms: SystemTime::now()
                .duration_since(UNIX_EPOCH)
                .map_or(0, |since| {
                    u64::try_from(since.as_millis()).unwrap_or(u64::MAX)
                }),
            host: owner::host_name(),
            pid: owner::this_process(),
        };
        let header = serde_json::to_string(&header).map_err(|error| SaveError::Other {
            path: file.clone(),
            reason: error.to_string(),
        })?;
        let text = format!("{MARK}{header}\n{}", loadable_text(&file, doc)?);
        write_output(&file, text.as_bytes(), &WriteOptions::default())?;
        Ok(file)
    }

    /// Recovery files to offer at start, newest first. Files written by an HTQ Studio that
    /// is still running on this machine are left out; so is anything in the folder that is
    /// not a recovery file.
    pub fn list(&self) -> Vec<Recovery> {
        let Ok(entries) = fs::read_dir(&self.dir) else {
            return Vec::new();
        };
        let mut found: Vec<Recovery> = entries
            .flatten()
            .map(|entry| entry.path())
            .filter(|path| is_recovery_name(path))
            .filter_map(|path| read_header(&path))
            .filter(|recovery| !recovery.is_live())
            .collect();
        found.sort_by_key(|recovery| std::cmp::Reverse(recovery.written_at));
        found
    }

    /// The recovery file a crashed or killed HTQ Studio left for the document at `doc_path`,
    /// if there is one; whichever way the path is written, it finds the same file. A file
    /// of an HTQ Studio still running elsewhere on this machine is not offered.
    pub fn find(&self, doc_path: &Path) -> Option<Recovery> {
        read_header(&self.file_for(Some(doc_path)))
            .filter(|recovery| !recovery.is_live() && recovery.pid != owner::this_process())
    }

    /// Removes the recovery file of the document at `doc_path` (`None`: this process's
    /// unsaved document), after a clean save or close. No recovery file is fine.
    pub fn discard(&self, doc_path: Option<&Path>) -> io::Result<()> {
        remove_if_present(&self.file_for(doc_path))
    }

    /// The recovery file of the document at `doc_path`.
    fn file_for(&self, doc_path: Option<&Path>) -> PathBuf {
        let name = match doc_path {
            Some(path) => {
                let path = absolute(path);
                let stem: String = path
                    .file_stem()
                    .map(|stem| stem.to_string_lossy())
                    .unwrap_or_default()
                    .chars()
                    .map(|c| {
                        if c.is_alphanumeric() || c == '-' {
                            c
                        } else {
                            '_'
                        }
                    })
                    .take(40)
                    .collect();
                let hash = super::disk::hash(path.as_os_str().as_encoded_bytes());
                format!("{stem}-{hash:016x}.ron")
            }
            None => format!("untitled-{}.ron", owner::this_process()),
        };
        self.dir.join(name)
    }
}

impl Recovery {
    /// Loads the curriculum in the recovery file, as it was at the last autosave.
    pub fn load(&self) -> Result<Curriculum, LoadError> {
        super::load(&self.recovery_file)
    }

    /// Removes the recovery file: after the panel discarded it, or once a restored document
    /// is open (its own autosave writes a fresh one).
    pub fn remove(&self) -> io::Result<()> {
        remove_if_present(&self.recovery_file)
    }

    /// When it was written, as local date and time (`2025-03-04 14:05`), or UTC with
    /// ` UTC` appended where the local offset is unknown.
    pub fn written_at_label(&self) -> String {
        let moment = time::OffsetDateTime::from(self.written_at);
        let format = time::macros::format_description!("[year]-[month]-[day] [hour]:[minute]");
        let (moment, suffix) = match time::UtcOffset::current_local_offset() {
            Ok(offset) => (moment.to_offset(offset), ""),
            Err(_) => (moment, " UTC"),
        };
        match moment.format(&format) {
            Ok(text) => format!("{text}{suffix}"),
            Err(_) => "an unknown time".to_owned(),
        }
    }

    /// Whether another HTQ Studio on this machine that wrote it is still running.
    fn is_live(&self) -> bool {
        self.host == owner::host_name()
            && self.pid != owner::this_process()
            && owner::is_running(self.pid)
    }
}

/// Recovery files are `*.ron`; temporary files of an unfinished write start with a dot.
fn is_recovery_name(path: &Path) -> bool {
    let name = path.file_name().map(|name| name.to_string_lossy());
    name.is_some_and(|name| name.ends_with(".ron") && !name.starts_with('.'))
}

/// The recovery described by the first line of `path`, if it is a recovery file.
fn read_header(path: &Path) -> Option<Recovery> {
    let mut line = String::new();
    BufReader::new(File::open(path).ok()?.take(MAX_HEADER))
        .read_line(&mut line)
        .ok()?;
    let header: Header = serde_json::from_str(line.strip_prefix(MARK)?.trim_end()).ok()?;
    Some(Recovery {
        original: header.original.map(PathBuf::from),
        written_at: UNIX_EPOCH + Duration::from_millis(header.written_at_ms),
        host: header.host,
        pid: header.pid,
        recovery_file: path.to_path_buf(),
    })
}

/// `path` made absolute and, where it exists, with links resolved, so every way of naming
/// a file finds the same recovery file.
fn absolute(path: &Path) -> PathBuf {
    fs::canonicalize(path)
        .or_else(|_| std::path::absolute(path))
        .unwrap_or_else(|_| path.to_path_buf())
}

fn remove_if_present(path: &Path) -> io::Result<()> {
    match fs::remove_file(path) {
        Err(error) if error.kind() != io::ErrorKind::NotFound => Err(error),
        _ => Ok(()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::synthetic::{Size, curriculum};

    fn doc() -> Curriculum {
        curriculum(Size::TINY)
    }

    #[test]
    fn every_name_of_a_file_has_one_recovery_file() -> io::Result<()> {
        let folder = tempfile::tempdir()?;
        let doc_path = folder.path().join("c.ron");
        fs::write(&doc_path, "")?;
        let store = RecoveryStore::new(folder.path().join("recovery"));
        let roundabout = folder.path().join(".").join("c.ron");
        assert_eq!(
            store.file_for(Some(&doc_path)),
            store.file_for(Some(&roundabout))
        );
        let other = store.file_for(Some(&folder.path().join("d.ron")));
        assert_ne!(store.file_for(Some(&doc_path)), other);
        Ok(())
    }

    #[test]
    fn our_own_recovery_file_is_listed_and_loads() -> Result<(), Box<dyn std::error::Error>> {
        let folder = tempfile::tempdir()?;
        let store = RecoveryStore::new(folder.path().join("recovery"));
        let written = store.write(None, &doc())?;
        fs::write(store.dir().join("notes.txt"), "not a recovery")?;
        fs::write(store.dir().join("stray.ron"), "(format: 1)")?;
        let listed = store.list();
        assert_eq!(listed.len(), 1, "{listed:?}");
        assert_eq!(listed[0].recovery_file, written);
        assert_eq!(listed[0].original, None);
        assert_eq!(listed[0].load()?, doc());
        assert!(!listed[0].written_at_label().is_empty());
        store.discard(None)?;
        assert!(store.list().is_empty());
        store.discard(None)?;
        Ok(())
    }

    #[test]
    fn a_folder_that_cannot_be_made_fails_cleanly() -> io::Result<()> {
        let folder = tempfile::tempdir()?;
        let blocker = folder.path().join("file");
        fs::write(&blocker, "")?;
        let store = RecoveryStore::new(blocker.join("recovery"));
        assert!(store.write(None, &doc()).is_err());
        assert!(store.list().is_empty());
        Ok(())
    }
}
