//! File work the window starts: load, save, export, import, recent files. Everything slow
//! runs in a `Task` on a worker thread, never inside `update` or `view`.

use super::Message;
use super::screen::structure;
use crate::model::{Curriculum, Qualification, QualificationKind, RulesOfCombination};
use crate::store::{Fingerprint, LockInfo, LockNote, Recovery, RecoveryStore};
use crate::{export, import, store};
use iced::Task;
use std::path::{Path, PathBuf};
use std::sync::Arc;

const RECENT_LIMIT: usize = 8;

/// A curriculum read from disk, with what the window needs to notice later changes to it.
#[derive(Debug, Clone)]
pub struct Opened {
    /// Where it was read from.
    pub path: PathBuf,
    /// The document.
    pub doc: Curriculum,
    /// The file as it was read, to notice someone else changing it.
    pub fingerprint: Fingerprint,
    /// Our note telling others we have the file open (none when someone else holds one).
    pub lock: Option<Arc<LockNote>>,
    /// Someone else who has the file open, if any.
    pub other_editor: Option<LockInfo>,
}

/// A finished save: where, and the file as written.
#[derive(Debug, Clone)]
pub struct Written {
    /// The file written.
    pub path: PathBuf,
    /// The file as written.
    pub fingerprint: Fingerprint,
    /// Our note on a file saved under a new name.
    pub lock: Option<Arc<LockNote>>,
}

/// Loads a curriculum on a worker thread, noting its fingerprint and who else has it open.
pub fn load(path: PathBuf) -> Task<Message> {
    Task::perform(
        blocking(move || {
            let text = store::read(&path)?;
            let doc = store::from_str(&text, &path)?;
            let modified = std::fs::metadata(&path).and_then(|m| m.modified()).ok();
            let other_editor = LockNote::others(&path);
            let lock = if other_editor.is_none() {
                LockNote::acquire(&path).ok().map(Arc::new)
            } else {
                None
            };
            Ok(Box::new(Opened {
                fingerprint: Fingerprint::of_bytes(text.as_bytes(), modified),
                path,
                doc,
                lock,
                other_editor,
            }))
        }),
        Message::Loaded,
    )
}

/// Saves atomically on a worker thread. With `expected`, refuses when the file on disk is no
/// longer what was opened or last saved; a clean save removes the document's recovery file.
pub fn save(
    path: PathBuf,
    doc: Curriculum,
    expected: Option<Fingerprint>,
    recovery: Option<RecoveryStore>,
    previous: Option<PathBuf>,
) -> Task<Message> {
    Task::perform(
        blocking(move || {
            let fingerprint = store::save_checked(&path, &doc, expected.as_ref())?;
            if let Some(recovery) = recovery {
                let _ = recovery.discard(Some(&path));
                let _ = recovery.discard(previous.as_deref());
            }
            let lock = if previous.as_ref() == Some(&path) {
                None
            } else {
                LockNote::acquire(&path).ok().map(Arc::new)
            };
            Ok(Box::new(Written {
                path,
                fingerprint,
                lock,
            }))
        }),
        Message::Saved,
    )
}

/// Writes the recovery file of the open document.
pub fn autosave(
    recovery: RecoveryStore,
    path: Option<PathBuf>,
    doc: Curriculum,
    revision: u64,
) -> Task<Message> {
    Task::perform(
        blocking(move || {
            recovery
                .write(path.as_deref(), &doc)
                .map(|_| revision)
                .map_err(|error| error.to_string())
        }),
        Message::Autosaved,
    )
}

/// Removes the recovery file of a document whose changes were deliberately discarded.
pub fn discard_recovery(recovery: RecoveryStore, path: Option<PathBuf>) -> Task<Message> {
    Task::future(blocking(move || {
        let _ = recovery.discard(path.as_deref());
    }))
    .discard()
}

/// A recovery file offered at start-up, with its document and how it differs from the file.
#[derive(Debug, Clone)]
pub struct RecoveryOffer {
    /// The recovery file.
    pub recovery: Recovery,
    /// The document it holds.
    pub doc: Box<Curriculum>,
    /// What differs from the file on disk, in words (or why that could not be worked out).
    pub differences: Vec<String>,
}

/// Looks for work left by an HTQ Studio that did not close cleanly.
pub fn find_recoveries(recovery: RecoveryStore) -> Task<Message> {
    Task::perform(
        blocking(move || recovery_offers(&recovery)),
        Message::RecoveriesFound,
    )
}

/// The recovery files in `recovery` that no running HTQ Studio owns, each with its document
/// and what differs from the file it belongs to.
pub fn recovery_offers(recovery: &RecoveryStore) -> Vec<RecoveryOffer> {
    recovery
        .list()
        .into_iter()
        .filter_map(|found| {
            let doc = found.load().ok()?;
            let differences = match &found.original {
                Some(original) => match store::load(original) {
                    Ok(on_disk) => crate::analysis::compare(&on_disk, &doc)
                        .changes
                        .into_iter()
                        .map(|change| change.description)
                        .collect(),
                    Err(error) => vec![format!("The file itself cannot be read: {error}")],
                },
                None => vec!["A curriculum that was never saved.".to_owned()],
            };
            Some(RecoveryOffer {
                recovery: found,
                doc: Box::new(doc),
                differences,
            })
        })
        .collect()
}

/// Loads the version on disk of a file that changed under us, to compare with ours.
pub fn load_theirs(path: PathBuf) -> Task<Message> {
    Task::perform(
        blocking(move || {
            store::load(&path)
                .map(Box::new)
                .map_err(|error| error.to_string())
        }),
        Message::TheirsLoaded,
    )
}

/// Writes the specification PDF (with the panel's minutes as an appendix when asked) on a
/// worker thread.
pub fn export_pdf(path: PathBuf, doc: Curriculum, include_minutes: bool) -> Task<Message> {
    Task::perform(
        blocking(move || {
            let options = export::PdfOptions {
                include_minutes,
                ..export::PdfOptions::default()
            };
            let bytes = export::specification_pdf(&doc, &options)
                .map_err(|error| format!("The PDF could not be made: {error}"))?;
            write_file(&path, &bytes)?;
            Ok(path)
        }),
        Message::Exported,
    )
}

/// Writes the panel's minutes as a PDF on a worker thread.
pub fn export_minutes(path: PathBuf, doc: Curriculum) -> Task<Message> {
    Task::perform(
        blocking(move || {
            let bytes = export::minutes_pdf(&doc)
                .map_err(|error| format!("The minutes could not be made: {error}"))?;
            write_file(&path, &bytes)?;
            Ok(path)
        }),
        Message::Exported,
    )
}

/// Writes the KSB mapping spreadsheet on a worker thread.
pub fn export_csv(path: PathBuf, doc: Curriculum) -> Task<Message> {
    Task::perform(
        blocking(move || {
            let csv = export::mapping_csv::mapping_csv(&doc);
            write_file(&path, csv.as_bytes())?;
            Ok(path)
        }),
        Message::Exported,
    )
}

/// Loads another curriculum to bring units in from.
pub fn load_library(path: PathBuf) -> Task<Message> {
    Task::perform(
        blocking(move || {
            store::load(&path)
                .map(Box::new)
                .map_err(|error| error.to_string())
        }),
        |result| Message::Structure(structure::Message::LibraryLoaded(result)),
    )
}

/// Loads another version of a curriculum to compare the open one with.
pub fn load_for_compare(path: PathBuf) -> Task<Message> {
    Task::perform(
        blocking(move || {
            let name = path.file_name().map_or_else(
                || path.display().to_string(),
                |n| n.to_string_lossy().into_owned(),
            );
            store::load(&path)
                .map(|doc| (name, Box::new(doc)))
                .map_err(|error| error.to_string())
        }),
        |result| Message::Workshop(super::screen::workshop::Message::Compared(result)),
    )
}

/// Reads an occupational standard file (JSON or CSV).
pub fn read_standard(path: PathBuf) -> Task<Message> {
    Task::perform(
        blocking(move || import::read_standard(&path).map_err(|error| error.to_string())),
        |result| Message::Mapping(super::screen::mapping::Message::StandardRead(result)),
    )
}

fn write_file(path: &Path, bytes: &[u8]) -> Result<(), String> {
    std::fs::write(path, bytes)
        .map_err(|error| format!("Could not write {}: {error}", path.display()))
}

/// Runs blocking work on its own thread and resolves with its result.
pub async fn blocking<T: Send + 'static>(work: impl FnOnce() -> T + Send + 'static) -> T {
    let (sender, receiver) = iced::futures::channel::oneshot::channel();
    std::thread::spawn(move || {
        let _ = sender.send(work());
    });
    match receiver.await {
        Ok(value) => value,
        Err(_) => std::future::pending().await,
    }
}

/// `path` with `extension` added when it has none.
pub fn with_extension(path: PathBuf, extension: &str) -> PathBuf {
    if path.extension().is_some() {
        path
    } else {
        path.with_extension(extension)
    }
}

/// A new, empty diploma.
pub fn new_curriculum() -> Curriculum {
    Curriculum {
        qualification: Qualification {
            title: "Untitled Higher Technical Qualification".into(),
            awarding_body: String::new(),
            kind: QualificationKind::HtqDiploma,
            level: 5,
            total_credits: 240,
            issue: "Issue 1".into(),
            issue_date: String::new(),
            purpose: String::new(),
            audience: String::new(),
            progression: String::new(),
            rules: RulesOfCombination {
                mandatory: Vec::new(),
                groups: Vec::new(),
                level_credits: QualificationKind::HtqDiploma.level_rules(),
            },
        },
        ..Curriculum::default()
    }
}

/// Opens `path` in the system's viewer.
pub fn open_externally(path: &Path) -> Result<(), String> {
    let opener = if cfg!(target_os = "macos") {
        "open"
    } else {
        "xdg-open"
    };
    std::process::Command::new(opener)
        .arg(path)
        .spawn()
        .map(|_| ())
        .map_err(|error| format!("Could not open {}: {error}", path.display()))
}

fn recent_file() -> Option<PathBuf> {
    directories::ProjectDirs::from("org", "HTQ Studio", "htq-studio")
        .map(|dirs| dirs.config_dir().join("recent.txt"))
}

/// The recent-files list from the user's config folder (empty if there is none).
pub fn load_recent() -> Vec<PathBuf> {
    recent_file()
        .and_then(|file| std::fs::read_to_string(file).ok())
        .map(|text| {
            text.lines()
                .filter(|line| !line.trim().is_empty())
                .map(PathBuf::from)
                .take(RECENT_LIMIT)
                .collect()
        })
        .unwrap_or_default()
}

/// Puts `path` first in the recent list; the task stores the list in the user's config
/// folder (best effort).
pub fn remember(recent: &mut Vec<PathBuf>, path: &Path) -> Task<Message> {
    let path = std::path::absolute(path).unwrap_or_else(|_| path.to_path_buf());
    recent.retain(|p| p != &path);
    recent.insert(0, path);
    recent.truncate(RECENT_LIMIT);
    let text: String = recent
        .iter()
        .map(|p| format!("{}\n", p.display()))
        .collect();
    Task::future(blocking(move || {
        if let Some(file) = recent_file() {
            if let Some(dir) = file.parent() {
                let _ = std::fs::create_dir_all(dir);
            }
            let _ = std::fs::write(file, text);
        }
    }))
    .discard()
}

/// The example curricula shipped beside the program, if they can be found.
pub fn shipped_examples() -> Vec<PathBuf> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("curricula");
    let mut found: Vec<PathBuf> = std::fs::read_dir(dir)
        .map(|entries| {
            entries
                .filter_map(Result::ok)
                .map(|entry| entry.path())
                .filter(|path| path.extension().is_some_and(|e| e == "ron"))
                .collect()
        })
        .unwrap_or_default();
    found.sort();
    found
}
