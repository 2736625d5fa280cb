//! Keeping work safe in the window, as journeys through the real program: a save refused
//! because someone else changed the file (compare, save as, never overwrite blindly); work a
//! killed HTQ Studio left behind, offered whenever its file is opened again, by path or at a
//! start with no file; lock notes of dead processes ignored; a quit by signal that keeps the
//! unsaved work and removes the lock note.

mod support;

use htq_studio::app::{Message, Purpose};
use htq_studio::store::{self, RecoveryStore, recovery::DATA_DIR_VARIABLE};
use std::io::{BufRead, BufReader};
use std::path::{Path, PathBuf};
use std::process::Stdio;
use support::journey::{options, start};
use support::ui::{ScriptedDialogs, curriculum};

fn copy_into(dir: &Path) -> PathBuf {
    let path = dir.join("panel.ron");
    std::fs::copy(curriculum("medtech-htq.ron"), &path).expect("the curriculum copies");
    path
}

#[test]
fn a_file_changed_on_disk_is_never_overwritten_blindly() {
    let dir = tempfile::tempdir().unwrap();
    let path = copy_into(dir.path());
    let elsewhere = dir.path().join("mine.ron");
    let dialogs = ScriptedDialogs::answering(&[&elsewhere]);
    let mut journey = start(options(Some(&path), dialogs.clone(), None), dialogs.clone());
    journey.click("Add unit");
    journey.typewrite("Calibration in Practice");

    let mut theirs = store::load(&path).unwrap();
    theirs.qualification.title = "Retitled by a colleague".into();
    store::save(&path, &theirs).unwrap();

    journey.click("Save");
    assert!(journey.shows("Someone else changed this file"));
    assert_eq!(
        store::load(&path).unwrap(),
        theirs,
        "their file is untouched"
    );
    journey.click("Compare");
    assert!(journey.shows("Your version differs from theirs in 2 places:"));
    journey.click("Save mine as…");
    assert_eq!(
        dialogs.purposes(),
        [Purpose::SaveCurriculum],
        "Save as asks where"
    );
    let app = journey.finish();
    let mine = store::load(&elsewhere).expect("ours was saved under the new name");
    assert!(
        mine.units
            .iter()
            .any(|u| u.title == "Calibration in Practice")
    );
    assert_eq!(
        store::load(&path).unwrap(),
        theirs,
        "theirs is still untouched"
    );
    assert_eq!(app.session().and_then(|s| s.path.clone()), Some(elsewhere));
}

/// A real HTQ Studio process (the core's crash drill) that opened `original`, edited it into `edited` without saving, wrote
/// its recovery file into `data` and was then killed.
fn killed_with_unsaved_work(data: &Path, original: &Path, edited: &Path) {
    let mut child = support::drill()
        .arg("hold-recovery")
        .args([original, edited])
        .env(DATA_DIR_VARIABLE, data)
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
}

/// The panel file and, killed mid-edit, its recovery: the first unit retitled.
fn crashed_edit(dir: &Path) -> (PathBuf, PathBuf) {
    let data = dir.join("data");
    let original = copy_into(dir);
    let mut edited = store::load(&original).unwrap();
    edited.units[0].title = "Professional Practice for Healthcare Scientists".into();
    let edited_path = dir.join("edited.ron");
    store::save(&edited_path, &edited).unwrap();
    killed_with_unsaved_work(&data, &original, &edited_path);
    (original, data.join("recovery"))
}

#[test]
fn reopening_a_file_by_its_path_after_a_crash_offers_its_unsaved_work() {
    let dir = tempfile::tempdir().unwrap();
    let (original, recovery) = crashed_edit(dir.path());
    // The same file by another name: the recovery file is found by the real path.
    let roundabout = dir.path().join(".").join("panel.ron");
    let dialogs = std::sync::Arc::new(ScriptedDialogs::default());
    let mut journey = start(
        options(Some(&roundabout), dialogs.clone(), Some(recovery.clone())),
        dialogs,
    );
    assert!(journey.shows("Unsaved work was found"));
    assert!(journey.shows("• Unit 4001: title changed"));
    journey.click("Restore");
    assert!(journey.shows(
        "Recovered unsaved work. Save it to keep it; until then it is autosaved as before."
    ));
    journey.click("Save");
    let saved = store::load(&original).unwrap();
    assert_eq!(
        saved.units[0].title,
        "Professional Practice for Healthcare Scientists"
    );
    let app = journey.finish();
    assert!(!app.session().unwrap().is_dirty());
    assert!(
        RecoveryStore::new(recovery).list().is_empty(),
        "a clean save removes the recovery file"
    );
}

#[test]
fn the_offer_must_be_answered_before_anything_overwrites_the_recovery() {
    let dir = tempfile::tempdir().unwrap();
    let (original, recovery) = crashed_edit(dir.path());
    let dialogs = std::sync::Arc::new(ScriptedDialogs::default());
    let mut journey = start(
        options(Some(&original), dialogs.clone(), Some(recovery.clone())),
        dialogs,
    );
    assert!(journey.shows("Unsaved work was found"));
    assert!(
        !journey.shows("Decide later"),
        "the open file's own recovery cannot be put off"
    );
    journey.send(Message::AutosaveTick);
    let offered = RecoveryStore::new(recovery.clone()).list();
    assert_eq!(offered.len(), 1, "still there, untouched");
    journey.click("Discard");
    assert!(!journey.shows("Unsaved work was found"));
    let _ = journey.finish();
    assert!(RecoveryStore::new(recovery).list().is_empty());
    assert_eq!(
        store::load(&original).unwrap().units[0].title,
        store::load(&curriculum("medtech-htq.ron")).unwrap().units[0].title,
        "discarding leaves the file as it was"
    );
}

#[test]
fn a_start_with_no_file_offers_the_work_and_restores_it_as_its_file() {
    let dir = tempfile::tempdir().unwrap();
    let (original, recovery) = crashed_edit(dir.path());
    let dialogs = std::sync::Arc::new(ScriptedDialogs::default());
    let mut journey = start(options(None, dialogs.clone(), Some(recovery)), dialogs);
    assert!(journey.shows("Unsaved work was found"));
    journey.click("Restore");
    assert!(journey.shows("Unsaved changes"));
    journey.ctrl("s");
    assert_eq!(
        store::load(&original).unwrap().units[0].title,
        "Professional Practice for Healthcare Scientists"
    );
    let app = journey.finish();
    assert!(app.title().starts_with("panel.ron"), "{}", app.title());
}

#[test]
fn a_lock_note_left_by_a_dead_process_on_this_machine_is_ignored_and_replaced() {
    let dir = tempfile::tempdir().unwrap();
    let path = copy_into(dir.path());
    let note = dir.path().join(".panel.ron.htq-lock");
    let host = gethostname();
    // A process id far above any the system hands out: that process is gone.
    std::fs::write(
        &note,
        format!(r#"{{"user":"me","host":"{host}","pid":4194303,"since":1700000000}}"#),
    )
    .unwrap();
    let dialogs = std::sync::Arc::new(ScriptedDialogs::default());
    let mut journey = start(options(Some(&path), dialogs.clone(), None), dialogs);
    assert!(
        !journey.shows("has this file open"),
        "no warning about ourselves"
    );
    let replaced = std::fs::read_to_string(&note).unwrap();
    assert!(
        replaced.contains(&format!("\"pid\":{}", std::process::id())),
        "{replaced}"
    );
    drop(journey.finish());
    assert!(!note.exists(), "closing removes our note");
}

#[test]
fn a_quit_by_signal_keeps_unsaved_work_for_recovery_and_removes_the_lock_note() {
    let dir = tempfile::tempdir().unwrap();
    let path = copy_into(dir.path());
    let recovery = dir.path().join("recovery");
    let dialogs = std::sync::Arc::new(ScriptedDialogs::default());
    let mut journey = start(
        options(Some(&path), dialogs.clone(), Some(recovery.clone())),
        dialogs,
    );
    journey.click("Add unit");
    journey.send(Message::Terminate);
    let app = journey.finish();
    assert!(app.workspace().is_none(), "the document is closed");
    assert!(
        !dir.path().join(".panel.ron.htq-lock").exists(),
        "the lock note is removed"
    );
    let kept = RecoveryStore::new(recovery).list();
    assert_eq!(kept.len(), 1, "the unsaved work is kept");
    let doc = kept[0].load().unwrap();
    assert!(
        doc.units
            .iter()
            .any(|u| u.title == "New laboratory skills unit")
    );
    assert_eq!(
        kept[0].original.as_deref(),
        std::fs::canonicalize(&path).ok().as_deref()
    );
}

fn gethostname() -> String {
    std::fs::read_to_string("/proc/sys/kernel/hostname")
        .map(|name| name.trim().to_owned())
        .unwrap_or_default()
}

#[test]
fn exporting_over_the_open_curriculum_is_refused_and_the_file_kept() {
    let dir = tempfile::tempdir().unwrap();
    let path = copy_into(dir.path());
    let before = std::fs::read(&path).unwrap();
    let link = dir.path().join("link.pdf");
    std::os::unix::fs::symlink(&path, &link).unwrap();
    let dialogs = ScriptedDialogs::answering(&[&path, &link]);
    let mut journey = start(options(Some(&path), dialogs.clone(), None), dialogs);
    journey.click("Export PDF…");
    journey.click("Export PDF…");
    let app = journey.finish();
    assert_eq!(
        std::fs::read(&path).unwrap(),
        before,
        "the curriculum is untouched"
    );
    assert!(
        matches!(&app.banner, Some(htq_studio::app::Banner::Error(message)) if message.contains("panel.ron")),
        "{:?}",
        app.banner
    );
    assert!(!app.is_busy(), "the export finished, it did not hang");
}

#[test]
fn both_submission_workbooks_export_from_the_window_and_read_back() {
    use calamine::Reader;
    let dir = tempfile::tempdir().unwrap();
    let path = copy_into(dir.path());
    let structure = dir.path().join("structure");
    let mapping = dir.path().join("mapping.xlsx");
    let dialogs = ScriptedDialogs::answering(&[&structure, &mapping]);
    let mut journey = start(options(Some(&path), dialogs.clone(), None), dialogs.clone());
    journey.click("Rules of combination");
    journey.click("Export workbook…");
    journey.click("KSB mapping");
    journey.click("Export workbook…");
    let app = journey.finish();
    assert_eq!(
        dialogs.purposes(),
        [
            Purpose::ExportStructureWorkbook,
            Purpose::ExportMappingWorkbook
        ]
    );
    assert!(!app.is_busy());
    let doc = store::load(&path).unwrap();
    let mut book: calamine::Xlsx<_> =
        calamine::open_workbook(structure.with_extension("xlsx")).expect("structure written");
    let units = book.worksheet_range("Units").unwrap();
    assert_eq!(units.height(), 4 + doc.units.len());
    let mut book: calamine::Xlsx<_> = calamine::open_workbook(&mapping).expect("mapping written");
    assert_eq!(
        book.sheet_names().len(),
        htq_studio::analysis::claimed(&doc).len()
    );
    let first = book.sheet_names()[0].clone();
    assert!(book.worksheet_range(&first).unwrap().height() > 4);
}
