//! Crash drills: long-running saves and autosaves that the kill tests run in a child
//! `htq-studio` process (hidden subcommands `save-loop` and `hold-recovery`) and kill with
//! SIGKILL at random moments, to prove a file on disk is never left half-written and a
//! recovery file survives the crash.

use super::error::{LoadError, SaveError};
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
