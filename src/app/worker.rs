//! Slow work (reading, writing, exporting) runs on a worker thread, never on the UI thread. A
//! worker that panics, or dies without answering, is reported as an error like any other, so
//! the window never waits for an answer that will not come.

use std::panic::{AssertUnwindSafe, catch_unwind};

/// Kinds of slow work, each with its own busy mark in the status bar.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Work {
    /// Opening a curriculum.
    Opening,
    /// Saving a curriculum.
    Saving,
    /// Writing a PDF, spreadsheet or other export.
    Exporting,
    /// Reading a file to bring something in from (a standard, units, another version).
    Reading,
    /// Analysing a revision: findings and coverage.
    Checking,
}

impl Work {
    /// What the status bar says while the work runs.
    pub fn label(self) -> &'static str {
        match self {
            Work::Opening => "Opening…",
            Work::Saving => "Saving…",
            Work::Exporting => "Exporting…",
            Work::Reading => "Reading…",
            Work::Checking => "Checking…",
        }
    }
}

/// The worker doing `work` stopped without finishing it (a bug in HTQ Studio, not in the file).
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error(
    "{} stopped unexpectedly ({reason}); nothing was changed on disk by it and your open work is safe",
    work_name(*work)
)]
pub struct WorkerFailed {
    /// What the worker was doing.
    pub work: Work,
    /// What it said as it stopped, when it said anything.
    pub reason: String,
}

fn work_name(work: Work) -> &'static str {
    match work {
        Work::Opening => "Opening the file",
        Work::Saving => "Saving",
        Work::Exporting => "The export",
        Work::Reading => "Reading the file",
        Work::Checking => "Checking the curriculum",
    }
}

/// Runs `job` on its own thread; resolves with its result, or with [`WorkerFailed`] when the
/// job panics or its thread ends without an answer.
pub async fn run<T: Send + 'static>(
    work: Work,
    job: impl FnOnce() -> T + Send + 'static,
) -> Result<T, WorkerFailed> {
    let (sender, receiver) = iced::futures::channel::oneshot::channel();
    let spawned = std::thread::Builder::new()
        .name(format!("htq-{work:?}").to_lowercase())
        .spawn(move || {
            let outcome = catch_unwind(AssertUnwindSafe(job)).map_err(|panic| {
                panic
                    .downcast_ref::<&str>()
                    .map(|s| (*s).to_owned())
                    .or_else(|| panic.downcast_ref::<String>().cloned())
                    .unwrap_or_else(|| "no reason given".to_owned())
            });
            let _ = sender.send(outcome);
        });
    if let Err(error) = spawned {
        return Err(WorkerFailed {
            work,
            reason: format!("no worker could be started: {error}"),
        });
    }
    match receiver.await {
        Ok(Ok(value)) => Ok(value),
        Ok(Err(reason)) => Err(WorkerFailed { work, reason }),
        Err(_) => Err(WorkerFailed {
            work,
            reason: "the worker ended without an answer".to_owned(),
        }),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use iced::futures::executor::block_on;

    #[test]
    fn an_answer_comes_back() {
        assert_eq!(block_on(run(Work::Saving, || 41 + 1)), Ok(42));
    }

    #[test]
    fn a_panicking_worker_becomes_an_error() {
        let failed = block_on(run(Work::Exporting, || -> u8 {
            panic!("font table missing")
        }));
        let error = failed.unwrap_err();
        assert_eq!(error.work, Work::Exporting);
        assert!(error.to_string().contains("font table missing"), "{error}");
    }
}
