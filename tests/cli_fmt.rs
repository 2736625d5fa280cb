//! `htq-studio fmt`: rewrites curricula in canonical form; `--check` only lists files that
//! would change (exit 1); unreadable files give exit 2 and are left alone.

use htq_studio::model::synthetic::{Size, curriculum};
use htq_studio::store;
use std::fs;
use std::io;
use std::path::Path;
use std::process::{Command, Output};

fn run(args: &[&str], folder: &Path) -> io::Result<Output> {
    Command::new(env!("CARGO_BIN_EXE_htq-studio"))
        .args(args)
        .current_dir(folder)
        .output()
}

fn canonical() -> String {
    store::to_string(&curriculum(Size {
        units: 4,
        outcomes_per_unit: 2,
        criteria_per_outcome: 3,
        standards: 1,
        ksbs_per_standard: 6,
        mappings: 8,
    }))
}

/// The canonical text squeezed: fewer line breaks, same document.
fn untidy(text: &str) -> String {
    text.replace(",\n            ", ", ")
}

#[test]
fn check_lists_files_that_would_change_and_changes_nothing() -> io::Result<()> {
    let folder = tempfile::tempdir()?;
    fs::write(folder.path().join("tidy.ron"), canonical())?;
    fs::write(folder.path().join("messy.ron"), untidy(&canonical()))?;
    let output = run(&["fmt", "--check", "tidy.ron", "messy.ron"], folder.path())?;
    assert_eq!(output.status.code(), Some(1));
    assert_eq!(
        String::from_utf8_lossy(&output.stdout),
        "would reformat messy.ron\n"
    );
    assert_eq!(
        fs::read_to_string(folder.path().join("messy.ron"))?,
        untidy(&canonical())
    );
    let output = run(&["fmt", "--check", "tidy.ron"], folder.path())?;
    assert_eq!(output.status.code(), Some(0));
    Ok(())
}

#[test]
fn fmt_rewrites_in_canonical_form() -> io::Result<()> {
    let folder = tempfile::tempdir()?;
    let messy = folder.path().join("messy.ron");
    assert_ne!(untidy(&canonical()), canonical());
    fs::write(&messy, untidy(&canonical()))?;
    let output = run(&["fmt", "messy.ron"], folder.path())?;
    assert_eq!(output.status.code(), Some(0));
    assert_eq!(
        String::from_utf8_lossy(&output.stdout),
        "formatted messy.ron\n"
    );
    assert_eq!(fs::read_to_string(&messy)?, canonical());
    Ok(())
}

#[test]
fn fmt_leaves_unreadable_files_alone() -> io::Result<()> {
    let folder = tempfile::tempdir()?;
    let broken = untidy(&canonical()).replacen("band: Pass", "band: Good", 1);
    fs::write(folder.path().join("broken.ron"), &broken)?;
    let output = run(&["fmt", "broken.ron"], folder.path())?;
    assert_eq!(output.status.code(), Some(2));
    let errors = String::from_utf8_lossy(&output.stderr).into_owned();
    assert!(errors.starts_with("error: broken.ron:"), "{errors}");
    assert!(errors.contains("found \"Good\""), "{errors}");
    assert_eq!(
        fs::read_to_string(folder.path().join("broken.ron"))?,
        broken
    );
    Ok(())
}
