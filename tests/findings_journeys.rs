//! Journeys through the findings: a new template unit is work to write, not a wall of errors;
//! "Check everything" shows the full check; F8 and Shift+F8 walk the findings shown, filters
//! and all; KSB findings stand under their standard with the KSB's statement.

mod support;

use htq_studio::analysis::{FindingKind, Severity};
use htq_studio::app::screen::findings;
use htq_studio::app::{App, Message, Screen};
use htq_studio::model::{Curriculum, Theme, template};
use htq_studio::store;
use iced::keyboard::{Key, Modifiers, key::Named};
use std::path::PathBuf;
use support::journey::open;
use support::ui::curriculum;

/// A copy of a shipped curriculum in a fresh folder.
fn copy(name: &str) -> (tempfile::TempDir, PathBuf) {
    let dir = tempfile::tempdir().expect("a temporary folder");
    let path = dir.path().join(name);
    std::fs::copy(curriculum(name), &path).expect("the curriculum copies");
    (dir, path)
}

fn f8(shift: bool) -> Message {
    let modifiers = if shift {
        Modifiers::SHIFT
    } else {
        Modifiers::empty()
    };
    Message::Key(Key::Named(Named::F8), modifiers, false)
}

/// Choosing `kind` in the findings screen's kind filter.
fn kind(kind: FindingKind) -> Message {
    Message::Findings(findings::Message::Kind(Some(kind)))
}

/// The number a new laboratory skills unit gets in the curriculum at `path`.
fn next_number(path: &std::path::Path) -> String {
    let doc = store::load(path).expect("the curriculum loads");
    template::unit(&doc, Theme::LabSkills, 4).number
}

/// The findings of the unit numbered `number`, as (severity, kind).
fn findings_of(app: &App, number: &str) -> Vec<(Severity, FindingKind)> {
    let session = app.session().expect("a document is open");
    let doc: &Curriculum = &session.doc;
    session
        .findings()
        .iter()
        .filter(|f| f.location.unit(doc).is_some_and(|u| u.number == number))
        .map(|f| (f.severity, f.kind))
        .collect()
}

#[test]
fn a_new_unit_is_work_to_write_until_the_designer_writes_in_it() {
    let (_dir, path) = copy("medtech-htq.ron");
    let number = next_number(&path);
    let mut journey = open(&path);
    journey.click("Add unit");
    journey.typewrite("Point-of-care testing");
    journey.click("Findings");
    assert!(journey.shows("✎ To write"));
    assert!(
        journey.shows("0 errors, 1 warning"),
        "only the unit's place in the rules is a real problem yet"
    );
    assert!(journey.shows(&format!("Unit {number} Point-of-care testing")));
    journey.click("LO1 has no text");
    journey.typewrite("Explain how point-of-care tests are verified before use");
    journey.ctrl("s");
    let app = journey.finish();
    let findings = findings_of(&app, &number);
    assert!(
        findings.contains(&(Severity::Error, FindingKind::Completeness)),
        "once written in, the unit's missing text is checked in full: {findings:?}"
    );
    assert!(
        !findings
            .iter()
            .any(|(_, kind)| *kind == FindingKind::ToWrite)
    );
    let doc = store::load(&path).expect("the saved file loads");
    let unit = doc
        .units
        .iter()
        .find(|u| u.number == number)
        .expect("the new unit is saved");
    assert_eq!(unit.title, "Point-of-care testing");
    assert_eq!(
        unit.outcomes[0].text,
        "Explain how point-of-care tests are verified before use"
    );
}

#[test]
fn check_everything_shows_the_full_check_of_a_new_unit() {
    let (_dir, path) = copy("medtech-htq.ron");
    let number = next_number(&path);
    let mut journey = open(&path);
    journey.click("Add unit");
    journey.click("Findings");
    assert!(journey.shows("Check everything"));
    journey.click("Check everything");
    assert!(journey.shows("✖ Error"));
    assert!(!journey.shows("✎ To write"));
    let app = journey.finish();
    let findings = findings_of(&app, &number);
    assert!(findings.contains(&(Severity::Error, FindingKind::Completeness)));
    assert!(
        !findings
            .iter()
            .any(|(_, kind)| *kind == FindingKind::ToWrite)
    );
}

#[test]
fn f8_walks_the_findings_shown_and_shift_f8_walks_back() {
    let (_dir, path) = copy("medtech-htq-draft.ron");
    let mut journey = open(&path);
    journey.send(f8(false));
    assert!(journey.shows("Finding 1 of 12 · 6 errors, 5 warnings"));
    journey.send(f8(false));
    assert!(journey.shows("Finding 2 of 12 · 6 errors, 5 warnings"));
    journey.send(f8(true));
    journey.send(f8(true));
    assert!(
        journey.shows("Finding 12 of 12 · 6 errors, 5 warnings"),
        "Shift+F8 wraps to the last"
    );
    journey.click("Findings");
    journey.send(kind(FindingKind::Wording));
    journey.send(f8(false));
    assert!(
        journey.shows("Finding 1 of 2 · 6 errors, 5 warnings"),
        "F8 keeps to the kind shown"
    );
    let app = journey.finish();
    let unit = app.session().and_then(|s| {
        s.doc
            .units
            .iter()
            .find(|u| Screen::Unit(u.id.clone()) == app.screen())
            .map(|u| u.number.clone())
    });
    assert_eq!(
        unit.as_deref(),
        Some("5021"),
        "the wording findings are in 5021"
    );
}

#[test]
fn ksb_findings_stand_under_their_standard_with_the_statement() {
    let (_dir, path) = copy("medtech-htq-draft.ron");
    let mut journey = open(&path);
    journey.click("Findings");
    let doc = store::load(&path).expect("the curriculum loads");
    let (standard, ksb) = doc
        .standards
        .iter()
        .find(|s| s.reference == "ST0220")
        .and_then(|s| s.ksbs.iter().find(|k| k.code == "B4").map(|k| (s, k)))
        .expect("ST0220 has B4");
    assert!(journey.shows(&format!(
        "Standard {} {}",
        standard.reference, standard.title
    )));
    assert!(journey.shows(&format!("“{}”", ksb.text)));
    journey.send(kind(FindingKind::Mapping));
    assert!(!journey.shows("the unit has no introduction"));
    assert!(journey.shows(&format!("“{}”", ksb.text)));
}
