//! Someone else changed the file: a save checked against the fingerprint taken at load
//! refuses to overwrite a file a colleague or `git pull` rewrote, and lock notes name who
//! else has a file open in a shared folder.

use htq_core::model::Curriculum;
use htq_core::model::synthetic::{Size, curriculum};
use htq_core::store::{self, Fingerprint, LockNote, SaveError};
use std::fs;
use std::io::{BufRead, BufReader};
use std::process::{Command, Stdio};

type Result<T = ()> = std::result::Result<T, Box<dyn std::error::Error>>;

fn doc(units: usize) -> Curriculum {
    curriculum(Size {
        units,
        outcomes_per_unit: 2,
        criteria_per_outcome: 3,
        standards: 1,
        ksbs_per_standard: 6,
        mappings: 8,
    })
}

#[test]
fn a_file_changed_since_loading_is_not_overwritten() -> Result {
    let folder = tempfile::tempdir()?;
    let path = folder.path().join("panel.ron");
    store::save(&path, &doc(4))?;
    let opened = Fingerprint::of(&path)?;
    let mut ours = store::load(&path)?;
    ours.qualification.title = "Our edit".into();

    // A colleague saves their version on the shared drive.
    let theirs = store::to_string(&doc(6));
    fs::write(&path, &theirs)?;
    assert!(store::changed_since(&path, &opened));

    let refused = store::save_checked(&path, &ours, Some(&opened));
    assert_eq!(
        refused,
        Err(SaveError::ChangedOnDisk { path: path.clone() })
    );
    let message = refused.err().map(|e| e.to_string()).unwrap_or_default();
    assert!(message.contains("changed by someone else"), "{message}");
    assert_eq!(
        fs::read_to_string(&path)?,
        theirs,
        "their file is untouched"
    );
    assert_eq!(
        ours.qualification.title, "Our edit",
        "our document is intact"
    );

    // Save as somewhere else works, and so does saving after a reload.
    let elsewhere = folder.path().join("panel-ours.ron");
    store::save_checked(&elsewhere, &ours, None)?;
    assert_eq!(store::load(&elsewhere)?, ours);
    let reloaded = Fingerprint::of(&path)?;
    let saved = store::save_checked(&path, &ours, Some(&reloaded))?;
    assert_eq!(store::load(&path)?, ours);
    assert!(!store::changed_since(&path, &saved));
    Ok(())
}

#[test]
fn saving_again_after_our_own_save_is_allowed() -> Result {
    let folder = tempfile::tempdir()?;
    let path = folder.path().join("panel.ron");
    let mut fingerprint = store::save_checked(&path, &doc(2), None)?;
    for units in 3..6 {
        fingerprint = store::save_checked(&path, &doc(units), Some(&fingerprint))?;
    }
    assert_eq!(store::load(&path)?, doc(5));
    assert_eq!(fingerprint, Fingerprint::of(&path)?);
    Ok(())
}

#[test]
fn rewriting_the_same_bytes_is_not_a_change() -> Result {
    let folder = tempfile::tempdir()?;
    let path = folder.path().join("panel.ron");
    let opened = store::save_checked(&path, &doc(3), None)?;
    // `git checkout` of an identical file, or a copy back from a backup.
    fs::write(&path, store::to_string(&doc(3)))?;
    store::save_checked(&path, &doc(4), Some(&opened))?;
    assert_eq!(store::load(&path)?, doc(4));
    Ok(())
}

#[test]
fn a_file_deleted_since_loading_counts_as_changed() -> Result {
    let folder = tempfile::tempdir()?;
    let path = folder.path().join("panel.ron");
    let opened = store::save_checked(&path, &doc(3), None)?;
    fs::remove_file(&path)?;
    assert_eq!(
        store::save_checked(&path, &doc(4), Some(&opened)),
        Err(SaveError::ChangedOnDisk { path: path.clone() })
    );
    assert!(!path.exists());
    Ok(())
}

#[test]
fn a_note_of_another_running_htq_studio_is_shown_until_it_ends() -> Result {
    let folder = tempfile::tempdir()?;
    let path = folder.path().join("panel.ron");
    store::save(&path, &doc(2))?;
    let note_path = folder.path().join(".panel.ron.htq-lock");

    // Our own note, to learn what a note on this machine looks like.
    let ours = LockNote::acquire(&path)?;
    let mine: serde_json::Value = serde_json::from_str(&fs::read_to_string(ours.path())?)?;
    drop(ours);
    assert!(!note_path.exists(), "dropping the note removes it");

    // Another HTQ Studio on this machine (a drill process that just waits) holds the file.
    let mut other = Command::new(env!("CARGO_BIN_EXE_htq-drill"))
        .args(["hold-recovery", "panel.ron", "panel.ron"])
        .current_dir(folder.path())
        .env("HTQ_STUDIO_DATA_DIR", folder.path().join("data"))
        .stdout(Stdio::piped())
        .spawn()?;
    let mut line = String::new();
    let stdout = other.stdout.take().ok_or("stdout is piped")?;
    BufReader::new(stdout).read_line(&mut line)?;
    let mut theirs = mine.clone();
    theirs["user"] = "priya".into();
    theirs["pid"] = other.id().into();
    fs::write(&note_path, theirs.to_string())?;

    let shown = LockNote::others(&path).ok_or("the other process's note is shown")?;
    assert_eq!(shown.user, "priya");
    assert_eq!(shown.pid, other.id());
    assert!(LockNote::acquire(&path).is_err(), "their note is kept");

    other.kill()?;
    other.wait()?;
    assert_eq!(
        LockNote::others(&path),
        None,
        "a note of an ended process is stale"
    );
    let replaced = LockNote::acquire(&path)?;
    assert_eq!(LockNote::others(&path), None);
    drop(replaced);
    assert!(!note_path.exists());
    Ok(())
}
