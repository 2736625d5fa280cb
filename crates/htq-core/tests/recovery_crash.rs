//! The recovery flow across a crash: a real `htq-studio` process opens a curriculum, has
//! unsaved edits and writes its recovery file (the hidden `hold-recovery` drill), and is
//! killed with SIGKILL. A fresh start (a new `RecoveryStore` on the same folder) offers the
//! recovery with the right metadata and restores exactly the edited curriculum; discarding
//! or a clean save removes it.

use htq_core::model::Curriculum;
use htq_core::model::synthetic::{Size, curriculum};
use htq_core::store::{self, RecoveryStore, recovery::DATA_DIR_VARIABLE};
use std::fs;
use std::io::{BufRead, BufReader};
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::SystemTime;

type Result<T = ()> = std::result::Result<T, Box<dyn std::error::Error>>;

fn original() -> Curriculum {
    curriculum(Size {
        units: 6,
        outcomes_per_unit: 3,
        criteria_per_outcome: 4,
        standards: 1,
        ksbs_per_standard: 12,
        mappings: 20,
    })
}

fn edited() -> Curriculum {
    let mut doc = original();
    doc.qualification.title = "Edited in the panel meeting, never saved".into();
    if let Some(unit) = doc.units.last_mut() {
        unit.title = "Renamed unit".into();
    }
    doc
}

/// A running HTQ Studio that opened `original` and edited it into `edited`.
fn crashing_app(data: &Path, original: &Path, edited: &Path) -> Result<(Child, PathBuf)> {
    let mut child = Command::new(env!("CARGO_BIN_EXE_htq-drill"))
        .arg("hold-recovery")
        .args([original, edited])
        .env(DATA_DIR_VARIABLE, data)
        .stdout(Stdio::piped())
        .spawn()?;
    let mut line = String::new();
    let stdout = child.stdout.take().ok_or("stdout is piped")?;
    BufReader::new(stdout).read_line(&mut line)?;
    let file = line
        .trim()
        .strip_prefix("written ")
        .ok_or_else(|| format!("unexpected output: {line:?}"))?;
    Ok((child, PathBuf::from(file)))
}

#[test]
fn a_killed_app_leaves_a_recovery_that_the_next_start_offers() -> Result {
    let folder = tempfile::tempdir()?;
    let data = folder.path().join("data");
    let doc_path = folder.path().join("panel.ron");
    let edited_path = folder.path().join("edited.ron");
    store::save(&doc_path, &original())?;
    store::save(&edited_path, &edited())?;

    let before = SystemTime::now();
    let (mut app, recovery_file) = crashing_app(&data, &doc_path, &edited_path)?;
    let store = RecoveryStore::new(data.join("recovery"));
    assert!(recovery_file.exists());
    assert!(
        store.list().is_empty(),
        "a recovery file of a running HTQ Studio must not be offered"
    );

    app.kill()?;
    app.wait()?;
    let after = SystemTime::now();

    let restart = RecoveryStore::new(data.join("recovery"));
    let offered = restart.list();
    assert_eq!(offered.len(), 1, "{offered:?}");
    let recovery = &offered[0];
    assert_eq!(recovery.original, Some(fs::canonicalize(&doc_path)?));
    assert_eq!(recovery.pid, app.id());
    assert_eq!(recovery.recovery_file, recovery_file);
    assert!(before <= recovery.written_at && recovery.written_at <= after);
    assert!(!recovery.written_at_label().is_empty());
    assert_eq!(recovery.load()?, edited());
    assert_eq!(
        store::load(&doc_path)?,
        original(),
        "the file itself is untouched"
    );

    restart.discard(Some(&doc_path))?;
    assert!(restart.list().is_empty());
    assert!(!recovery_file.exists());
    Ok(())
}

#[test]
fn the_default_location_follows_the_data_dir_variable() -> Result {
    let folder = tempfile::tempdir()?;
    let doc_path = folder.path().join("panel.ron");
    let edited_path = folder.path().join("edited.ron");
    store::save(&doc_path, &original())?;
    store::save(&edited_path, &edited())?;
    let (mut app, recovery_file) = crashing_app(folder.path(), &doc_path, &edited_path)?;
    app.kill()?;
    app.wait()?;
    assert_eq!(
        recovery_file.parent(),
        Some(folder.path().join("recovery").as_path())
    );
    Ok(())
}

#[test]
fn a_clean_save_removes_the_recovery() -> Result {
    let folder = tempfile::tempdir()?;
    let store = RecoveryStore::new(folder.path().join("recovery"));
    let doc_path = folder.path().join("panel.ron");
    store::save(&doc_path, &original())?;

    let doc = edited();
    let written = store.write(Some(&doc_path), &doc)?;
    assert_eq!(store.list().len(), 1);
    store::save_checked(&doc_path, &doc, None)?;
    store.discard(Some(&doc_path))?;
    assert!(!written.exists());
    assert!(store.list().is_empty());
    Ok(())
}

#[test]
fn an_untitled_document_is_offered_without_a_path_and_newest_first() -> Result {
    let folder = tempfile::tempdir()?;
    let store = RecoveryStore::new(folder.path().join("recovery"));
    let doc_path = folder.path().join("panel.ron");
    store.write(Some(&doc_path), &original())?;
    std::thread::sleep(std::time::Duration::from_millis(5));
    store.write(None, &edited())?;
    let offered = store.list();
    let originals: Vec<_> = offered.iter().map(|r| r.original.clone()).collect();
    assert_eq!(
        originals,
        vec![None, Some(std::path::absolute(&doc_path)?)],
        "the never-saved document was written last"
    );
    assert_eq!(offered[0].load()?, edited());
    offered[0].remove()?;
    assert_eq!(store.list().len(), 1);
    Ok(())
}
