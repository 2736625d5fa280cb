//! Helpers shared by integration tests. Each test binary uses only part of them.
#![allow(dead_code)]

pub mod journey;
pub mod ui;

use std::path::PathBuf;
use std::process::Command;

/// The crash-drill program of the core crate (`htq-drill`, built with its `testing` feature
/// when the workspace is tested), to run a process that is then killed.
pub fn drill() -> Command {
    let program = std::env::current_exe()
        .ok()
        .and_then(|test| Some(test.parent()?.parent()?.join("htq-drill")))
        .unwrap_or_else(|| PathBuf::from("htq-drill"));
    assert!(
        program.exists(),
        "{} is missing: run the tests with `cargo test --workspace --all-features`",
        program.display()
    );
    Command::new(program)
}
