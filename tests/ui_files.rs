//! Window tests for keeping work safe: a save refused because someone else changed the file
//! (compare, save as, never overwrite blindly), and restoring work after the app was killed.

mod support;

use htq_studio::app::shortcuts::Command;
use htq_studio::app::{Message, Opened, Purpose, Resolution, Written, recovery_offers};
use htq_studio::store::{self, Fingerprint, RecoveryStore, recovery::DATA_DIR_VARIABLE};
use std::io::{BufRead, BufReader};
use std::process::{Command as Process, Stdio};
use support::ui::{ScriptedDialogs, click, curriculum, shows};

fn open_copy(
    dir: &std::path::Path,
) -> (
    htq_studio::app::App,
    std::sync::Arc<ScriptedDialogs>,
    std::path::PathBuf,
) {
    let path = dir.join("panel.ron");
    std::fs::copy(curriculum("medtech-htq.ron"), &path).unwrap();
    let dialogs = std::sync::Arc::new(ScriptedDialogs::default());
    let mut app = htq_studio::app::App::new(dialogs.clone());
    let opened = Opened {
        doc: store::load(&path).unwrap(),
        fingerprint: Fingerprint::of(&path).unwrap(),
        path: path.clone(),
        lock: None,
        other_editor: None,
    };
    let _ = app.update(Message::Loaded(Ok(Box::new(opened))));
    (app, dialogs, path)
}

#[test]
fn a_file_changed_on_disk_is_never_overwritten_blindly() {
    let dir = tempfile::tempdir().unwrap();
    let (mut app, dialogs, path) = open_copy(dir.path());
    click(&mut app, "Add unit");

    let mut theirs = store::load(&path).unwrap();
    theirs.qualification.title = "Retitled by a colleague".into();
    store::save(&path, &theirs).unwrap();

    let session = app.session.as_ref().unwrap();
    let refused =
        store::save_checked(&path, &session.doc, session.fingerprint.as_ref()).map(|fingerprint| {
            Box::new(Written {
                path: path.clone(),
                fingerprint,
                lock: None,
            })
        });
    assert!(refused.is_err(), "the save is refused");
    let _ = app.update(Message::Saved(refused));
    assert!(shows(&app, "Someone else changed this file"));
    assert!(
        app.session.as_ref().unwrap().is_dirty(),
        "our changes stay unsaved and open"
    );
    assert_eq!(
        store::load(&path).unwrap(),
        theirs,
        "their file is untouched"
    );

    click(&mut app, "Compare");
    let _ = app.update(Message::TheirsLoaded(Ok(Box::new(theirs))));
    let comparison = app.conflict.as_ref().unwrap().theirs.clone().unwrap();
    assert!(
        comparison.changes.len() >= 2,
        "their title and our new unit both show"
    );
    assert!(shows(
        &app,
        &format!(
            "Your version differs from theirs in {} places:",
            comparison.changes.len()
        )
    ));

    click(&mut app, "Save mine as…");
    assert!(app.conflict.is_none());
    assert_eq!(
        dialogs.asked.lock().unwrap().as_slice(),
        [Purpose::SaveCurriculum]
    );
    let _ = app.update(Message::Resolve(Resolution::Cancel));
}

#[test]
fn work_of_a_killed_app_is_offered_and_restored_at_the_next_start() {
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path().join("data");
    let original = dir.path().join("panel.ron");
    std::fs::copy(curriculum("medtech-htq.ron"), &original).unwrap();
    let mut edited = store::load(&original).unwrap();
    edited.units[0].title = "Professional Practice for Healthcare Scientists".into();
    let edited_path = dir.path().join("edited.ron");
    store::save(&edited_path, &edited).unwrap();

    let mut child = Process::new(env!("CARGO_BIN_EXE_htq-studio"))
        .arg("hold-recovery")
        .args([&original, &edited_path])
        .env(DATA_DIR_VARIABLE, &data)
        .stdout(Stdio::piped())
        .spawn()
        .unwrap();
    let mut line = String::new();
    BufReader::new(child.stdout.take().unwrap())
        .read_line(&mut line)
        .unwrap();
    assert!(line.starts_with("written "), "{line}");
    child.kill().unwrap();
    child.wait().unwrap();

    let offers = recovery_offers(&RecoveryStore::new(data.join("recovery")));
    assert_eq!(offers.len(), 1);
    assert!(
        offers[0].differences.iter().any(|d| d.contains("4001")),
        "{:?}",
        offers[0].differences
    );

    let mut app = htq_studio::app::App::new(std::sync::Arc::new(ScriptedDialogs::default()));
    let _ = app.update(Message::RecoveriesFound(offers));
    assert!(shows(&app, "Unsaved work was found"));
    click(&mut app, "Restore");
    let session = app.session.as_ref().unwrap();
    assert_eq!(session.doc, edited);
    assert!(session.is_dirty(), "restored work is unsaved until saved");
    assert!(app.title().starts_with("● panel.ron"));
    let _ = app.update(Message::Command(Command::Undo));
}
