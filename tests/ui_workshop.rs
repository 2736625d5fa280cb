//! Workshop mode tests (iced_test simulator): the facilitator starts a session, marks who is
//! present, walks the units with Page Down, records a status, a decision and a comment without
//! leaving the item, filters the items still open, and compares with an older file.

mod support;

use htq_studio::app::screen::workshop::{self, MemberField, View};
use htq_studio::app::shortcuts::Command;
use htq_studio::app::{App, Message};
use htq_studio::model::{EntryKind, ItemRef, ItemStatus};
use iced::keyboard::{Key, Modifiers, key::Named};
use support::ui::{app_with, click, interact, session, shows, workspace};

fn workshop_app() -> App {
    let (mut app, _) = app_with("medtech-htq.ron");
    let _ = app.update(Message::Command(Command::Workshop));
    assert!(app.workshop);
    assert_eq!(app.zoom, 2.0, "workshop mode starts at twice the size");
    app
}

fn press(app: &mut App, key: Key, modifiers: Modifiers) {
    let _ = app.update(Message::Key(key, modifiers, false));
}

#[test]
fn the_facilitator_starts_a_session_and_marks_attendees() {
    let mut app = workshop_app();
    click(&mut app, "Panel");
    let before = session(&app).doc.panel.sessions.len();
    click(&mut app, "Start a session today");
    let panel = &session(&app).doc.panel;
    assert_eq!(panel.sessions.len(), before + 1);

    click(&mut app, "Add member");
    let added = session(&app).doc.panel.members.last().unwrap().id.clone();
    let _ = app.update(Message::Workshop(workshop::Message::EditMember(
        added,
        MemberField::Name("Asha Patel".into()),
    )));
    let members = session(&app).doc.panel.members.len();
    assert!(shows(
        &app,
        &format!(
            "0 of {} present",
            htq_studio::words::counted(members, "member", "members")
        )
    ));
    interact(&mut app, |ui| {
        ui.click("Attending").expect("the attendance box");
    });
    let panel = &session(&app).doc.panel;
    let asha = panel
        .members
        .iter()
        .find(|m| m.name == "Asha Patel")
        .unwrap();
    assert!(
        panel
            .current_session()
            .unwrap()
            .attendees
            .contains(&asha.id)
    );
}

#[test]
fn page_down_walks_units_and_outcomes() {
    let mut app = workshop_app();
    assert!(shows(
        &app,
        "Unit 4001: Professional Practice in Healthcare Science"
    ));
    press(&mut app, Key::Named(Named::PageDown), Modifiers::empty());
    assert_eq!(workspace(&app).meeting.position.outcome, Some(0));
    for _ in 0..4 {
        press(&mut app, Key::Named(Named::PageDown), Modifiers::empty());
    }
    assert_eq!(
        (
            workspace(&app).meeting.position.unit,
            workspace(&app).meeting.position.outcome
        ),
        (1, None)
    );
    assert!(shows(
        &app,
        "Unit 4002: Mathematics and Statistics for Healthcare Science"
    ));
    press(&mut app, Key::Named(Named::PageUp), Modifiers::empty());
    assert_eq!(
        (
            workspace(&app).meeting.position.unit,
            workspace(&app).meeting.position.outcome
        ),
        (0, Some(3))
    );
}

#[test]
fn a_status_a_decision_and_a_comment_are_recorded_against_the_item_in_view() {
    let mut app = workshop_app();
    press(&mut app, Key::Named(Named::PageDown), Modifiers::empty());
    let outcome = session(&app).doc.units[0].outcomes[0].id.clone();
    let item = ItemRef::Outcome(outcome);

    press(&mut app, Key::Character("3".into()), Modifiers::ALT);
    assert_eq!(session(&app).doc.panel.status(&item), ItemStatus::Agreed);

    interact(&mut app, |ui| {
        ui.click(iced::widget::Id::new(workshop::CAPTURE_ID))
            .expect("the decision box");
        ui.typewrite("Agreed subject to a wording check by the awarding body");
        ui.tap_key(Key::Named(Named::Enter));
    });
    let _ = app.update(Message::Workshop(workshop::Message::Kind(
        EntryKind::Comment,
    )));
    let _ = app.update(Message::Workshop(workshop::Message::Text(
        "Employers want calibration records mentioned".into(),
    )));
    click(&mut app, "Record");

    let record = session(&app).doc.panel.item(&item).unwrap().clone();
    let kinds: Vec<(EntryKind, &str)> = record
        .entries
        .iter()
        .map(|e| (e.kind, e.text.as_str()))
        .collect();
    assert_eq!(
        kinds,
        [
            (EntryKind::Decision, "Status set to Agreed"),
            (
                EntryKind::Decision,
                "Agreed subject to a wording check by the awarding body"
            ),
            (
                EntryKind::Comment,
                "Employers want calibration records mentioned"
            ),
        ]
    );
    assert!(
        record.entries.iter().all(|e| !e.at.is_empty()),
        "every entry has a time"
    );
    assert_eq!(
        workspace(&app).meeting.position.outcome,
        Some(0),
        "still on the same item"
    );
    let _ = app.update(Message::Command(Command::Undo));
    assert_eq!(
        session(&app).doc.panel.item(&item).unwrap().entries.len(),
        2
    );
}

#[test]
fn the_open_items_filter_hides_settled_items() {
    let mut app = workshop_app();
    press(&mut app, Key::Character("3".into()), Modifiers::ALT);
    let unit_label = {
        let unit = &session(&app).doc.units[0];
        format!("{} {}", unit.number, unit.title)
    };
    click(&mut app, "Open items");
    assert_eq!(workspace(&app).meeting.view, View::OpenItems);
    assert!(!shows(&app, &unit_label), "an agreed unit is not open");
    assert!(shows(
        &app,
        "4002 Mathematics and Statistics for Healthcare Science"
    ));
    click(&mut app, "Only items still open");
    assert!(
        shows(&app, &unit_label),
        "all items are listed once the filter is off"
    );
    click(&mut app, "Only items still open");
    click(
        &mut app,
        "4002 Mathematics and Statistics for Healthcare Science",
    );
    assert_eq!(workspace(&app).meeting.view, View::Present);
    assert_eq!(workspace(&app).meeting.position.unit, 1);
}

#[test]
fn comparing_with_an_older_file_lists_what_changed_and_leads_to_it() {
    let (mut app, dialogs) = app_with("medtech-htq.ron");
    let older = session(&app).doc.clone();
    let unit = older.units[2].clone();
    let _ = app.update(Message::Navigate(htq_studio::app::Screen::Unit(
        unit.id.clone(),
    )));
    let _ = app.update(Message::Unit(htq_studio::app::screen::unit::Message::Text(
        htq_studio::model::TextField::UnitTitle(unit.id.clone()),
        "Laboratory Safety and Biosafety".into(),
    )));
    let _ = app.update(Message::Command(Command::Workshop));
    click(&mut app, "Changes");
    click(&mut app, "Choose a file…");
    assert_eq!(dialogs.purposes(), [htq_studio::app::Purpose::CompareWith]);
    let _ = app.update(Message::Workshop(workshop::Message::Compared(Ok((
        "medtech-htq (agreed).ron".into(),
        Box::new(older),
    )))));
    assert!(shows(
        &app,
        "Against medtech-htq (agreed).ron: 0 added, 0 removed, 1 changed"
    ));
    let change = workspace(&app)
        .meeting
        .comparison
        .as_ref()
        .unwrap()
        .1
        .changes[0]
        .clone();
    assert!(
        change.description.contains(&unit.number),
        "{}",
        change.description
    );
    click(&mut app, &format!("~ {}", change.description));
    assert_eq!(workspace(&app).meeting.view, View::Present);
    assert_eq!(
        workspace(&app).meeting.position.unit,
        2,
        "the changed unit is presented"
    );
}

#[test]
fn the_changes_view_lists_this_sessions_edits_in_words() {
    let mut app = workshop_app();
    press(&mut app, Key::Character("3".into()), Modifiers::ALT);
    let _ = app.update(Message::Workshop(workshop::Message::Text(
        "Keep as drafted".into(),
    )));
    let _ = app.update(Message::Workshop(workshop::Message::Record));
    click(&mut app, "Changes");
    let session = session(&app);
    let described: Vec<String> = session
        .history
        .edits()
        .map(|edit| htq_studio::analysis::describe_edit(&session.doc, edit))
        .collect();
    assert_eq!(described.len(), 2);
    for line in &described {
        assert!(shows(&app, &format!("• {line}")), "{line} is listed");
    }
}
