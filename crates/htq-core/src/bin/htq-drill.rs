//! Crash drills for the kill tests, kept out of the product: long-running saves, exports and
//! an autosaved edit that a test runs in this child process and kills with SIGKILL at random
//! moments, to prove a file on disk is never left half-written and a recovery file survives a
//! crash. Built only with the `testing` feature.
//!
//! ```text
//! htq-drill save-loop TARGET FIRST SECOND --count N    # saves SECOND, FIRST, ... to TARGET
//! htq-drill export-loop TARGET FIRST SECOND --count N  # writes the exports the same way
//! htq-drill hold-recovery ORIGINAL EDITED              # autosaves EDITED for ORIGINAL, waits
//! ```
//!
//! Each prints one line (`saving`, `exporting`, `written <recovery file>`) once it is under way.

use htq_core::store::{self, RecoveryStore, WriteOptions};
use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::time::Duration;

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let result = match args
        .iter()
        .map(String::as_str)
        .collect::<Vec<_>>()
        .as_slice()
    {
        ["save-loop", target, first, second, "--count", count] => count_of(count)
            .and_then(|count| save_loop(target.as_ref(), first.as_ref(), second.as_ref(), count)),
        ["export-loop", target, first, second, "--count", count] => count_of(count)
            .and_then(|count| export_loop(target.as_ref(), first.as_ref(), second.as_ref(), count)),
        ["hold-recovery", original, edited] => hold_recovery(original.as_ref(), edited.as_ref()),
        _ => Err(
            "usage: htq-drill save-loop|export-loop TARGET FIRST SECOND --count N, or \
                  hold-recovery ORIGINAL EDITED"
                .to_owned(),
        ),
    };
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(error) => {
            eprintln!("error: {error}");
            ExitCode::from(2)
        }
    }
}

fn count_of(text: &str) -> Result<usize, String> {
    text.parse().map_err(|_| format!("{text} is not a count"))
}

/// Saves the curricula `second` and `first` to `target` in turn, `count` times in all.
fn save_loop(target: &Path, first: &Path, second: &Path, count: usize) -> Result<(), String> {
    let load = |path: &Path| store::load(path).map_err(|e| e.to_string());
    let versions = [load(second)?, load(first)?];
    announce("saving");
    for doc in versions.iter().cycle().take(count) {
        store::save(target, doc).map_err(|e| e.to_string())?;
    }
    Ok(())
}

/// Writes the files `second` and `first` (a PDF, a CSV) to `target` in turn through the write
/// path of every export, `count` times in all.
fn export_loop(target: &Path, first: &Path, second: &Path, count: usize) -> Result<(), String> {
    let read = |path: &Path| {
        store::read_limited(path, u64::MAX).map_err(|e| format!("{}: {e}", path.display()))
    };
    let versions = [read(second)?, read(first)?];
    let options = WriteOptions {
        inputs: &[first, second],
        expected: None,
    };
    announce("exporting");
    for bytes in versions.iter().cycle().take(count) {
        store::write_output(target, bytes, &options).map_err(|e| e.to_string())?;
    }
    Ok(())
}

/// Behaves like a window that opened `original` and edited it into `edited` without saving:
/// writes the recovery file (in the default location), says where, and waits to be killed.
fn hold_recovery(original: &Path, edited: &Path) -> Result<(), String> {
    let doc = store::load(edited).map_err(|e| e.to_string())?;
    let recovery = RecoveryStore::default_location()
        .ok_or("there is no data folder for recovery files; set HTQ_STUDIO_DATA_DIR")?;
    let file: PathBuf = recovery
        .write(Some(original), &doc)
        .map_err(|e| e.to_string())?;
    announce(&format!("written {}", file.display()));
    loop {
        std::thread::sleep(Duration::from_secs(3600));
    }
}

/// Tells the test driving the drill where it has got to. A closed pipe does not stop the
/// drill: it is about to be killed anyway.
fn announce(line: &str) {
    let mut out = std::io::stdout();
    let _ = writeln!(out, "{line}");
    let _ = out.flush();
}
