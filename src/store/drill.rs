//! Crash drills: long-running saves, exports and autosaves that the kill tests run in a child
//! `htq-studio` process (hidden subcommands `save-loop`, `export-loop` and `hold-recovery`)
//! and kill with SIGKILL at random moments, to prove a file on disk is never left
//! half-written and a recovery file survives the crash.

use super::error::{LoadError, SaveError};
use super::input::InputError;
use super::output::{WriteOptions, write_output};
use super::recovery::RecoveryStore;
use std::convert::Infallible;
use std::io::Write;
use std::path::Path;
use std::time::Duration;

/// Why a drill could not run.
#[derive(Debug, thiserror::Error)]
pub enum DrillError {
    /// A version to save could not be loaded.
    #[error(transparent)]
    Load(#[from] LoadError),
    /// A save failed.
    #[error(transparent)]
    Save(#[from] SaveError),
    /// An export to write could not be read.
    #[error("{}: {error}", path.display())]
    Input {
        /// The export.
        path: std::path::PathBuf,
        /// Why it could not be read.
        error: InputError,
    },
    /// The system names no data folder for recovery files and none was set.
    #[error("there is no data folder for recovery files; set HTQ_STUDIO_DATA_DIR")]
    NoDataFolder,
}

/// Loads the curricula `first` and `second`, prints `saving` to `out`, then saves them to
/// `target` in turn (`second` first), `count` times in all.
pub fn save_loop(
    target: &Path,
    first: &Path,
    second: &Path,
    count: usize,
    out: &mut dyn Write,
) -> Result<(), DrillError> {
    let versions = [super::load(second)?, super::load(first)?];
    announce(out, "saving");
    for doc in versions.iter().cycle().take(count) {
        super::save(target, doc)?;
    }
    Ok(())
}

/// Reads the exports (a PDF, a CSV) `first` and `second`, prints `exporting` to `out`, then
/// writes them to `target` in turn (`second` first) through the write path of every export,
/// `count` times in all.
pub fn export_loop(
    target: &Path,
    first: &Path,
    second: &Path,
    count: usize,
    out: &mut dyn Write,
) -> Result<(), DrillError> {
    let read = |path: &Path| {
        super::input::read_limited(path, u64::MAX).map_err(|error| DrillError::Input {
            path: path.to_path_buf(),
            error,
        })
    };
    let versions = [read(second)?, read(first)?];
    let options = WriteOptions {
        inputs: &[first, second],
        expected: None,
    };
    announce(out, "exporting");
    for bytes in versions.iter().cycle().take(count) {
        write_output(target, bytes, &options)?;
    }
    Ok(())
}

/// Behaves like a window that opened `original` and edited it into `edited` without
/// saving: writes the recovery file (in the default location, see
/// [`RecoveryStore::default_location`]), prints `written <recovery file>` to `out`, and
/// waits until the process is killed.
pub fn hold_recovery(
    original: &Path,
    edited: &Path,
    out: &mut dyn Write,
) -> Result<Infallible, DrillError> {
    let doc = super::load(edited)?;
    let store = RecoveryStore::default_location().ok_or(DrillError::NoDataFolder)?;
    let file = store.write(Some(original), &doc)?;
    announce(out, &format!("written {}", file.display()));
    loop {
        std::thread::sleep(Duration::from_secs(3600));
    }
}

/// Tells the test driving the drill where it has got to. A closed pipe does not stop the
/// drill: it is about to be killed anyway.
fn announce(out: &mut dyn Write, line: &str) {
    let _ = writeln!(out, "{line}");
    let _ = out.flush();
}
