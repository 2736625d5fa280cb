//! File work the window starts: load, save, export, import, recent files. Everything slow runs
//! in a `Task` on a worker thread (see `worker`), never inside `update` or `view`, and every
//! failure comes back as a [`FileError`] value.

use super::Message;
use super::screen::{mapping, structure, workshop};
use super::worker::{self, Work, WorkerFailed};
use crate::export::ExportError;
use crate::import::ImportError;
use crate::model::{Curriculum, Qualification, QualificationKind, RulesOfCombination};
use crate::store::{
    Fingerprint, LoadError, LockInfo, LockNote, Recovery, RecoveryStore, SaveError,
};
use crate::{export, import, store};
use iced::Task;
use std::path::{Path, PathBuf};
use std::sync::Arc;

const RECENT_LIMIT: usize = 8;

/// Why file work failed, as the layer that failed says it.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum FileError {
    /// A curriculum could not be read.
    #[error(transparent)]
    Load(#[from] LoadError),
    /// A file could not be written.
    #[error(transparent)]
    Save(#[from] SaveError),
    /// An export could not be made.
    #[error("the export could not be made: {0}")]
    Export(#[from] ExportError),
    /// A standard could not be read.
    #[error(transparent)]
    Import(#[from] ImportError),
    /// The worker stopped.
    #[error(transparent)]
    Worker(#[from] WorkerFailed),
}

/// A curriculum read from disk, with what the window needs to notice later changes to it.
#[derive(Debug, Clone)]
pub struct Opened {
    /// Where it was read from.
    pub path: PathBuf,
    /// The document.
    pub doc: Curriculum,
    /// The file as it was read, to notice someone else changing it.
    pub fingerprint: Option<Fingerprint>,
    /// Our note telling others we have the file open (none when someone else holds one).
    pub lock: Option<Arc<LockNote>>,
    /// Someone else who has the file open, if any.
    pub other_editor: Option<LockInfo>,
    /// Work on this file that a crashed or killed HTQ Studio left unsaved, to offer before
    /// anything can overwrite it.
    pub recovery: Option<RecoveryOffer>,
    /// Whether `doc` is recovered work rather than the file's contents (so it is unsaved).
    pub restored: bool,
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

/// A recovery file offered, with its document and how it differs from the file.
#[derive(Debug, Clone)]
pub struct RecoveryOffer {
    /// The recovery file.
    pub recovery: Recovery,
    /// The document it holds.
    pub doc: Box<Curriculum>,
    /// What differs from the file on disk, in words (or why that could not be worked out).
    pub differences: Vec<String>,
    /// Whether it belongs to the file open now: it must be restored or discarded before the
    /// open document is autosaved over it.
    pub for_open_file: bool,
}

/// Runs `job` as `work` on a worker thread and turns its outcome into a message.
fn on_worker<T: Send + 'static>(
    work: Work,
    job: impl FnOnce() -> Result<T, FileError> + Send + 'static,
    message: impl Fn(Result<T, FileError>) -> Message + Send + 'static,
) -> Task<Message> {
    Task::perform(worker::run(work, job), move |outcome| {
        message(outcome.map_err(FileError::from).and_then(|result| result))
    })
}

/// Reads `path` for the window: the document, its fingerprint, our lock note, and any
/// recovery file a crash left for it (checked by the file's real path, however it is named).
fn open(path: PathBuf, recovery: Option<&RecoveryStore>) -> Result<Opened, FileError> {
    let text = store::read(&path)?;
    let doc = store::from_str(&text, &path)?;
    let modified = std::fs::metadata(&path).and_then(|m| m.modified()).ok();
    let other_editor = LockNote::others(&path);
    let lock = if other_editor.is_none() {
        LockNote::acquire(&path).ok().map(Arc::new)
    } else {
        None
    };
    let recovery = recovery
        .and_then(|store| store.find(&path))
        .and_then(|found| offer(found, Some(&doc)));
    Ok(Opened {
        fingerprint: Some(Fingerprint::of_bytes(text.as_bytes(), modified)),
        path,
        doc,
        lock,
        other_editor,
        recovery,
        restored: false,
    })
}

/// Loads a curriculum on a worker thread.
pub fn load(path: PathBuf, recovery: Option<RecoveryStore>) -> Task<Message> {
    on_worker(
        Work::Opening,
        move || open(path, recovery.as_ref()).map(Box::new),
        Message::Loaded,
    )
}

/// Opens recovered work as the document it belongs to: its file's fingerprint and lock note
/// are taken as if the file had been opened, and the document is the recovered one.
pub fn open_recovered(offer: RecoveryOffer) -> Task<Message> {
    on_worker(
        Work::Opening,
        move || {
            let Some(path) = offer.recovery.original.clone() else {
                return Err(FileError::Load(LoadError::whole_file(
                    &offer.recovery.recovery_file,
                    "this recovered work belongs to no file",
                )));
            };
            let fingerprint = Fingerprint::of(&path).ok();
            let other_editor = LockNote::others(&path);
            let lock = if other_editor.is_none() {
                LockNote::acquire(&path).ok().map(Arc::new)
            } else {
                None
            };
            Ok(Box::new(Opened {
                path,
                doc: *offer.doc,
                fingerprint,
                lock,
                other_editor,
                recovery: None,
                restored: true,
            }))
        },
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
    on_worker(
        Work::Saving,
        move || {
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
        },
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
    on_worker(
        Work::Saving,
        move || {
            recovery.write(path.as_deref(), &doc)?;
            Ok(revision)
        },
        Message::Autosaved,
    )
}

/// Writes the recovery file of the open document (when there is one to write), then says the
/// window may close: for a quit by signal.
pub fn keep_and_exit(
    recovery: Option<(RecoveryStore, Option<PathBuf>, Curriculum)>,
) -> Task<Message> {
    Task::perform(
        worker::run(Work::Saving, move || {
            if let Some((store, path, doc)) = recovery {
                let _ = store.write(path.as_deref(), &doc);
            }
        }),
        |_| Message::Exit,
    )
}

/// Removes a recovery file (best effort): the panel discarded it, or a restored document's
/// own autosave replaces it.
pub fn remove_recovery(recovery: Recovery) -> Task<Message> {
    Task::future(worker::run(Work::Saving, move || {
        let _ = recovery.remove();
    }))
    .discard()
}

/// Removes the recovery file of a document whose changes were deliberately discarded.
pub fn discard_recovery(recovery: RecoveryStore, path: Option<PathBuf>) -> Task<Message> {
    Task::future(worker::run(Work::Saving, move || {
        let _ = recovery.discard(path.as_deref());
    }))
    .discard()
}

/// Looks for work left by an HTQ Studio that did not close cleanly.
pub fn find_recoveries(recovery: RecoveryStore) -> Task<Message> {
    Task::perform(
        worker::run(Work::Reading, move || recovery_offers(&recovery)),
        |found| Message::RecoveriesFound(found.unwrap_or_default()),
    )
}

/// The recovery offer for `found`, with what differs from `on_disk` (read from the file it
/// belongs to when not given); `None` when the recovery file itself cannot be read.
fn offer(found: Recovery, on_disk: Option<&Curriculum>) -> Option<RecoveryOffer> {
    let doc = found.load().ok()?;
    let differences = match (&found.original, on_disk) {
        (Some(_), Some(on_disk)) => describe(on_disk, &doc),
        (Some(original), None) => match store::load(original) {
            Ok(on_disk) => describe(&on_disk, &doc),
            Err(error) => vec![format!("The file itself cannot be read: {error}")],
        },
        (None, _) => vec!["A curriculum that was never saved.".to_owned()],
    };
    Some(RecoveryOffer {
        recovery: found,
        doc: Box::new(doc),
        differences,
        for_open_file: false,
    })
}

fn describe(on_disk: &Curriculum, recovered: &Curriculum) -> Vec<String> {
    let changes: Vec<String> = crate::analysis::compare(on_disk, recovered)
        .changes
        .into_iter()
        .map(|change| change.description)
        .collect();
    if changes.is_empty() {
        vec!["It is the same as the file.".to_owned()]
    } else {
        changes
    }
}

/// The recovery files in `recovery` that no running HTQ Studio owns, each with its document
/// and what differs from the file it belongs to.
pub fn recovery_offers(recovery: &RecoveryStore) -> Vec<RecoveryOffer> {
    recovery
        .list()
        .into_iter()
        .filter_map(|found| offer(found, None))
        .collect()
}

/// Loads the version on disk of a file that changed under us, to compare with ours.
pub fn load_theirs(path: PathBuf) -> Task<Message> {
    on_worker(
        Work::Reading,
        move || Ok(Box::new(store::load(&path)?)),
        Message::TheirsLoaded,
    )
}

/// Builds the bytes of one export from the document.
pub type Export = Box<dyn FnOnce(&Curriculum) -> Result<Vec<u8>, export::ExportError> + Send>;

/// Writes the export `make` builds (a PDF, a spreadsheet, a web page ...) to `path` on a
/// worker, through the one write path.
pub fn export_with(
    path: PathBuf,
    doc: Curriculum,
    source: Option<PathBuf>,
    make: Export,
) -> Task<Message> {
    on_worker(
        Work::Exporting,
        move || {
            let bytes = make(&doc)?;
            write_export(&path, &bytes, source.as_deref())?;
            Ok(path)
        },
        Message::Exported,
    )
}

/// Loads another curriculum to bring units in from.
pub fn load_library(path: PathBuf) -> Task<Message> {
    on_worker(
        Work::Reading,
        move || Ok(Box::new(store::load(&path)?)),
        |result| Message::Structure(structure::Message::LibraryLoaded(result)),
    )
}

/// Loads another version of a curriculum to compare the open one with.
pub fn load_for_compare(path: PathBuf) -> Task<Message> {
    on_worker(
        Work::Reading,
        move || {
            let name = path.file_name().map_or_else(
                || path.display().to_string(),
                |n| n.to_string_lossy().into_owned(),
            );
            Ok((name, Box::new(store::load(&path)?)))
        },
        |result| Message::Workshop(workshop::Message::Compared(result)),
    )
}

/// Reads an occupational standard file (JSON or CSV).
pub fn read_standard(path: PathBuf) -> Task<Message> {
    on_worker(
        Work::Reading,
        move || -> Result<import::StandardFile, FileError> { Ok(import::read_standard(&path)?) },
        |result| Message::Mapping(mapping::Message::StandardRead(result)),
    )
}

/// Writes an export through the one write path: atomically, and never over the curriculum it
/// was made from (`source`), whatever name or link the export path uses.
fn write_export(path: &Path, bytes: &[u8], source: Option<&Path>) -> Result<(), FileError> {
    let inputs: Vec<&Path> = source.into_iter().collect();
    store::write_output(
        path,
        bytes,
        &store::WriteOptions {
            inputs: &inputs,
            expected: None,
        },
    )?;
    Ok(())
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
            claims: Vec::new(),
            out_of_scope: Vec::new(),
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
pub fn open_externally(path: &Path) -> Result<(), FileError> {
    let opener = if cfg!(target_os = "macos") {
        "open"
    } else {
        "xdg-open"
    };
    std::process::Command::new(opener)
        .arg(path)
        .spawn()
        .map(|_| ())
        .map_err(|error| {
            FileError::Save(SaveError::Other {
                path: path.to_path_buf(),
                reason: format!("no program could open it ({error})"),
            })
        })
}

/// The file of the user's recent-files list, in their config folder.
pub fn recent_list_file() -> Option<PathBuf> {
    directories::ProjectDirs::from("org", "HTQ Studio", "htq-studio")
        .map(|dirs| dirs.config_dir().join("recent.txt"))
}

/// The recent-files list in `file` (empty if there is none).
pub fn load_recent(file: Option<&Path>) -> Vec<PathBuf> {
    file.and_then(|file| std::fs::read_to_string(file).ok())
        .map(|text| {
            text.lines()
                .filter(|line| !line.trim().is_empty())
                .map(PathBuf::from)
                .take(RECENT_LIMIT)
                .collect()
        })
        .unwrap_or_default()
}

/// Puts `path` first in the recent list; the task stores the list in `file` (best effort).
pub fn remember(recent: &mut Vec<PathBuf>, path: &Path, file: Option<PathBuf>) -> Task<Message> {
    let path = std::path::absolute(path).unwrap_or_else(|_| path.to_path_buf());
    recent.retain(|p| p != &path);
    recent.insert(0, path);
    recent.truncate(RECENT_LIMIT);
    let Some(file) = file else {
        return Task::none();
    };
    let text: String = recent
        .iter()
        .map(|p| format!("{}\n", p.display()))
        .collect();
    Task::future(worker::run(Work::Saving, move || {
        if let Some(dir) = file.parent() {
            let _ = std::fs::create_dir_all(dir);
        }
        let _ = std::fs::write(file, text);
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
