//! Window tests (iced_test simulator, headless): open the example, add a unit from a template,
//! edit an outcome, add a Merit criterion, reorder outcomes, undo and redo, follow a finding to
//! its field, and the unsaved-changes prompt. No test opens a real dialog.

mod support;

use htq_studio::app::shortcuts::Command;
use htq_studio::app::{Message, Purpose, Screen};
use htq_studio::model::{Band, TextField};
use support::ui::{app_with, click, interact, session, shows, workspace};

#[test]
fn opening_the_example_shows_its_structure() {
    let (app, _) = app_with("medtech-htq.ron");
    assert_eq!(app.title(), "medtech-htq.ron — HTQ Studio");
    assert!(shows(
        &app,
        "Level 5 Higher Technical Qualification Diploma in Medical Technology"
    ));
    assert!(shows(&app, "Laboratory Health, Safety and Biosafety"));
    assert!(shows(&app, "0 errors, 0 warnings"));
    assert!(shows(&app, "All changes saved"));
}

#[test]
fn adding_a_unit_from_a_template_opens_it() {
    let (mut app, _) = app_with("medtech-htq.ron");
    let before = session(&app).doc.units.len();
    click(&mut app, "Add unit");
    let session = session(&app);
    assert_eq!(session.doc.units.len(), before + 1);
    let added = session.doc.units.last().unwrap();
    assert_eq!(app.screen(), Screen::Unit(added.id.clone()));
    assert_eq!(added.outcomes.len(), 4);
    assert!(
        added.number.starts_with('4'),
        "a new unit starts at Level 4"
    );
    assert!(shows(
        &app,
        &format!("Unit {}: New laboratory skills unit", added.number)
    ));
    assert!(app.title().starts_with("● "), "unsaved mark in the title");
}

#[test]
fn editing_an_outcome_is_one_undo_step_and_redo_restores_it() {
    let (mut app, _) = app_with("medtech-htq.ron");
    click(&mut app, "4010  Laboratory Health, Safety and Biosafety");
    click(&mut app, "LO1");
    let outcome = session(&app).doc.units[2].outcomes[0].clone();
    let field = TextField::OutcomeText(outcome.id.clone());
    interact(&mut app, |ui| {
        ui.click(htq_studio::app::field_id(&field))
            .expect("the outcome field");
        ui.typewrite(" in clinical laboratories");
    });
    let edited = &session(&app).doc.units[2].outcomes[0].text;
    assert!(
        edited.contains("in clinical laboratories"),
        "typed text lands: {edited}"
    );
    assert!(shows(&app, "Unsaved changes"));

    let _ = app.update(Message::Command(Command::Undo));
    assert_eq!(session(&app).doc.units[2].outcomes[0].text, outcome.text);
    assert!(
        !session(&app).is_dirty(),
        "one undo step undoes all the typing"
    );
    let _ = app.update(Message::Command(Command::Redo));
    assert!(
        session(&app).doc.units[2].outcomes[0]
            .text
            .contains("in clinical laboratories")
    );
}

#[test]
fn adding_a_merit_criterion_numbers_it_across_the_unit() {
    let (mut app, _) = app_with("medtech-htq.ron");
    click(&mut app, "4010  Laboratory Health, Safety and Biosafety");
    click(&mut app, "LO1");
    assert!(!shows(&app, "M5"));
    click(&mut app, "Add Merit");
    let unit = &session(&app).doc.units[2];
    let bands: Vec<Band> = unit.outcomes[0].criteria.iter().map(|c| c.band).collect();
    assert_eq!(
        bands,
        [
            Band::Pass,
            Band::Pass,
            Band::Merit,
            Band::Merit,
            Band::Distinction
        ]
    );
    assert!(shows(&app, "M2"), "the new Merit is M2 in LO1");
    assert!(shows(&app, "D1"));
}

#[test]
fn reordering_outcomes_renumbers_them_and_undo_puts_them_back() {
    let (mut app, _) = app_with("medtech-htq.ron");
    click(&mut app, "4010  Laboratory Health, Safety and Biosafety");
    click(&mut app, "LO1");
    let original: Vec<_> = session(&app).doc.units[2]
        .outcomes
        .iter()
        .map(|o| o.id.clone())
        .collect();
    click(&mut app, "Move later");
    let moved: Vec<_> = session(&app).doc.units[2]
        .outcomes
        .iter()
        .map(|o| o.id.clone())
        .collect();
    assert_eq!(moved[0], original[1]);
    assert_eq!(moved[1], original[0]);
    let _ = app.update(Message::Command(Command::Undo));
    let back: Vec<_> = session(&app).doc.units[2]
        .outcomes
        .iter()
        .map(|o| o.id.clone())
        .collect();
    assert_eq!(back, original);
}

#[test]
fn following_a_finding_opens_the_outcome_it_names() {
    let (mut app, _) = app_with("medtech-htq-draft.ron");
    click(&mut app, "Findings");
    click(&mut app, "Errors");
    click(
        &mut app,
        "LO3 has no Pass criterion, so it cannot be assessed",
    );
    let session = session(&app);
    let unit = session
        .doc
        .units
        .iter()
        .find(|u| u.number == "5031")
        .unwrap();
    assert_eq!(app.screen(), Screen::Unit(unit.id.clone()));
    assert_eq!(
        workspace(&app).unit.tab,
        htq_studio::app::screen::unit::Tab::Outcome(unit.outcomes[2].id.clone())
    );
    assert!(shows(
        &app,
        "error: LO3 has no Pass criterion, so it cannot be assessed"
    ));
}

#[test]
fn unsaved_changes_ask_before_opening_another_file() {
    let (mut app, dialogs) = app_with("medtech-htq.ron");
    click(&mut app, "Add unit");
    let edited = session(&app).doc.clone();

    let _ = app.update(Message::Command(Command::Open));
    assert!(shows(&app, "Save your changes?"));
    assert!(
        dialogs.asked.lock().unwrap().is_empty(),
        "no dialog before the answer"
    );

    click(&mut app, "Cancel");
    assert!(app.pending.is_none());
    assert_eq!(session(&app).doc, edited, "cancel keeps the work");

    let _ = app.update(Message::Command(Command::Open));
    click(&mut app, "Discard changes");
    assert_eq!(dialogs.purposes(), [Purpose::OpenCurriculum]);
}

#[test]
fn a_file_that_fails_to_load_leaves_the_open_document_intact() {
    let (mut app, _) = app_with("medtech-htq.ron");
    let before = session(&app).doc.clone();
    let error =
        htq_studio::store::from_str("(format: 1, units: [", std::path::Path::new("broken.ron"))
            .unwrap_err();
    let _ = app.update(Message::Loaded(Err(error.into())));
    assert_eq!(session(&app).doc, before);
    assert!(shows(&app, "Dismiss"));
    assert!(simulator_text_contains(&app, "broken.ron:1:"));
}

fn simulator_text_contains(app: &htq_studio::app::App, needle: &str) -> bool {
    match &app.banner {
        Some(htq_studio::app::Banner::Error(message)) => message.contains(needle),
        _ => false,
    }
}
