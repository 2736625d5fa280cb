//! `htq-studio check`: findings as `LEVEL: FILE: PLACE: MESSAGE`, a summary line, and exit
//! codes 0 (no errors), 1 (errors) and 2 (a file could not be read).

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

fn run(args: &[&str]) -> Output {
    match Command::new(env!("CARGO_BIN_EXE_htq-studio"))
        .args(args)
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .output()
    {
        Ok(output) => output,
        Err(error) => panic!("could not run htq-studio: {error}"),
    }
}

fn stdout(output: &Output) -> String {
    String::from_utf8_lossy(&output.stdout).into_owned()
}

fn stderr(output: &Output) -> String {
    String::from_utf8_lossy(&output.stderr).into_owned()
}

#[test]
fn the_finished_curriculum_has_no_errors() {
    let output = run(&["check", "curricula/medtech-htq.ron"]);
    assert_eq!(
        output.status.code(),
        Some(0),
        "{}{}",
        stdout(&output),
        stderr(&output)
    );
    assert!(
        stdout(&output)
            .lines()
            .last()
            .is_some_and(|line| line.starts_with("0 errors, "))
    );
}

#[test]
fn the_draft_curriculum_has_errors_in_the_agreed_form() {
    let output = run(&["check", "curricula/medtech-htq-draft.ron"]);
    assert_eq!(
        output.status.code(),
        Some(1),
        "{}{}",
        stdout(&output),
        stderr(&output)
    );
    let text = stdout(&output);
    let mut lines: Vec<&str> = text.lines().collect();
    let summary = lines.pop().unwrap_or_default();
    assert!(!lines.is_empty());
    for line in &lines {
        let parts: Vec<&str> = line.splitn(4, ": ").collect();
        assert_eq!(parts.len(), 4, "{line}");
        assert!(["error", "warning", "hint"].contains(&parts[0]), "{line}");
        assert_eq!(parts[1], "curricula/medtech-htq-draft.ron", "{line}");
    }
    let errors = lines
        .iter()
        .filter(|line| line.starts_with("error: "))
        .count();
    let warnings = lines
        .iter()
        .filter(|line| line.starts_with("warning: "))
        .count();
    let plural = |n: usize, word: &str| format!("{n} {word}{}", if n == 1 { "" } else { "s" });
    let expected = format!(
        "{}, {}, ",
        plural(errors, "error"),
        plural(warnings, "warning")
    );
    assert!(summary.starts_with(&expected), "{summary} vs {expected}");
}

#[test]
fn an_unreadable_file_is_exit_code_2_with_its_place() {
    let output = run(&[
        "check",
        "crates/htq-core/tests/fixtures/bad/bad-band.ron",
        "curricula/medtech-htq.ron",
    ]);
    assert_eq!(output.status.code(), Some(2));
    let errors = stderr(&output);
    assert!(
        errors.contains(
            "error: crates/htq-core/tests/fixtures/bad/bad-band.ron:28:42: expected a criterion band (Pass, Merit or Distinction), found \"Good\""
        ),
        "{errors}"
    );
    assert!(errors.contains("1 file could not be read"), "{errors}");
}

#[test]
fn every_bad_fixture_is_refused_without_a_panic() {
    let folder = Path::new(env!("CARGO_MANIFEST_DIR")).join("crates/htq-core/tests/fixtures/bad");
    let mut files: Vec<PathBuf> = std::fs::read_dir(&folder)
        .into_iter()
        .flatten()
        .flatten()
        .map(|entry| entry.path())
        .filter(|path| path.extension().is_some_and(|ext| ext == "ron"))
        .collect();
    files.sort();
    assert!(files.len() > 10);
    for file in files {
        let name = file.to_string_lossy().into_owned();
        let output = run(&["check", &name]);
        let errors = stderr(&output);
        assert_eq!(output.status.code(), Some(2), "{name}: {errors}");
        assert!(errors.starts_with(&format!("error: {name}")), "{errors}");
        assert!(!errors.contains("panicked"), "{errors}");
    }
}

#[test]
fn check_without_files_is_a_usage_error() {
    let output = run(&["check"]);
    assert_eq!(output.status.code(), Some(2));
    assert!(stderr(&output).contains("Usage"), "{}", stderr(&output));
}
