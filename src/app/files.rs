//! File work the window starts: load, save, export, import, recent files. Everything slow
//! runs in a `Task` on a worker thread, never inside `update` or `view`.

use super::Message;
use super::screen::structure;
use crate::model::{
    Curriculum, LevelCredits, Qualification, QualificationKind, RulesOfCombination,
};
use crate::{export, import, store};
use iced::Task;
use std::path::{Path, PathBuf};

const RECENT_LIMIT: usize = 8;

/// Loads a curriculum on a worker thread.
pub fn load(path: PathBuf) -> Task<Message> {
    Task::perform(
        blocking(move || store::load(&path).map(|doc| (path, Box::new(doc)))),
        Message::Loaded,
    )
}

/// Saves atomically on a worker thread.
pub fn save(path: PathBuf, doc: Curriculum) -> Task<Message> {
    Task::perform(
        blocking(move || store::save(&path, &doc).map(|()| path)),
        Message::Saved,
    )
}

/// Writes the specification PDF on a worker thread.
pub fn export_pdf(path: PathBuf, doc: Curriculum) -> Task<Message> {
    Task::perform(
        blocking(move || {
            let bytes = export::specification_pdf(&doc, &export::PdfOptions::default())
                .map_err(|error| format!("The PDF could not be made: {error}"))?;
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
async fn blocking<T: Send + 'static>(work: impl FnOnce() -> T + Send + 'static) -> T {
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
                level_credits: vec![
                    LevelCredits {
                        level: 4,
                        min_credits: 120,
                    },
                    LevelCredits {
                        level: 5,
                        min_credits: 120,
                    },
                ],
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
    if cfg!(test) {
        return Vec::new();
    }
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

/// Puts `path` first in the recent list and stores the list (best effort).
pub fn remember(recent: &mut Vec<PathBuf>, path: &Path) {
    let path = std::fs::canonicalize(path).unwrap_or_else(|_| path.to_path_buf());
    recent.retain(|p| p != &path);
    recent.insert(0, path);
    recent.truncate(RECENT_LIMIT);
    if cfg!(test) {
        return;
    }
    if let Some(file) = recent_file() {
        let text: String = recent
            .iter()
            .map(|p| format!("{}\n", p.display()))
            .collect();
        if let Some(dir) = file.parent() {
            let _ = std::fs::create_dir_all(dir);
        }
        let _ = std::fs::write(file, text);
    }
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
