//! Mapping matrix tests (iced_test simulator): toggling cells with the mouse and the keyboard,
//! filtering to gaps, and following a gap to the learning outcome that could close it.

mod support;

use htq_studio::analysis::Location;
use htq_studio::app::screen::mapping;
use htq_studio::app::{Message, Screen};
use htq_studio::model::Coverage;
use iced::keyboard::{Key, Modifiers, key::Named};
use support::ui::{app_with, click, interact, session, shows, workspace};

fn open_matrix(name: &str) -> htq_studio::app::App {
    let (mut app, _) = app_with(name);
    click(&mut app, "KSB mapping");
    assert_eq!(app.screen(), Screen::Mapping);
    app
}

fn key(app: &mut htq_studio::app::App, named: Named) {
    let _ = app.update(Message::Key(Key::Named(named), Modifiers::empty(), false));
}

#[test]
fn space_cycles_the_selected_cell_none_partial_full_none() {
    let mut app = open_matrix("medtech-htq.ron");
    let (at, outcome, ksb) = {
        let session = session(&app);
        let rows = workspace(&app).mapping.rows(&session.doc);
        let columns = workspace(&app).mapping.columns(session);
        let at = (1..rows.len())
            .flat_map(|r| (1..columns.len().min(10)).map(move |c| (r, c)))
            .find(|&(r, c)| {
                session
                    .doc
                    .mapping(rows[r].outcome, columns[c].ksb)
                    .is_none()
            })
            .expect("an empty cell near the top left");
        (at, rows[at.0].outcome.clone(), columns[at.1].ksb.clone())
    };
    for _ in 0..at.1 {
        key(&mut app, Named::ArrowRight);
    }
    for _ in 0..at.0 {
        key(&mut app, Named::ArrowDown);
    }
    assert_eq!(workspace(&app).mapping.selected, at);
    let coverage =
        |app: &htq_studio::app::App| session(app).doc.mapping(&outcome, &ksb).map(|m| m.coverage);
    assert_eq!(coverage(&app), None);
    key(&mut app, Named::Space);
    assert_eq!(coverage(&app), Some(Coverage::Partial));
    assert!(
        shows(&app, "Partial coverage — note"),
        "a partial cell asks for a note"
    );
    key(&mut app, Named::Space);
    assert_eq!(coverage(&app), Some(Coverage::Full));
    key(&mut app, Named::Space);
    assert_eq!(coverage(&app), None);
}

#[test]
fn clicking_a_cell_maps_it_and_undo_unmaps_it() {
    let mut app = open_matrix("medtech-htq.ron");
    let before = session(&app).doc.mappings.len();
    let (outcome, ksb) = {
        let session = session(&app);
        let rows = workspace(&app).mapping.rows(&session.doc);
        let columns = workspace(&app).mapping.columns(session);
        let (r, c) = (0..rows.len())
            .flat_map(|r| (0..columns.len().min(10)).map(move |c| (r, c)))
            .find(|&(r, c)| {
                session
                    .doc
                    .mapping(rows[r].outcome, columns[c].ksb)
                    .is_none()
            })
            .unwrap();
        (rows[r].outcome.clone(), columns[c].ksb.clone())
    };
    let _ = app.update(Message::Mapping(mapping::Message::Cycle(
        outcome.clone(),
        ksb.clone(),
    )));
    assert_eq!(session(&app).doc.mappings.len(), before + 1);
    let _ = app.update(Message::Command(htq_studio::app::shortcuts::Command::Undo));
    assert_eq!(session(&app).doc.mappings.len(), before);
}

#[test]
fn gaps_only_shows_just_the_ksbs_some_pathway_misses() {
    let mut app = open_matrix("medtech-htq-draft.ron");
    let all = workspace(&app).mapping.columns(session(&app)).len();
    interact(&mut app, |ui| {
        ui.click("Gaps only").expect("the gaps filter");
    });
    assert!(workspace(&app).mapping.gaps_only);
    let session = session(&app);
    let gaps: Vec<String> = workspace(&app)
        .mapping
        .columns(session)
        .iter()
        .map(|c| format!("{} {}", c.reference, c.code))
        .collect();
    assert!(gaps.len() < all);
    assert_eq!(gaps, ["ST0220 B4", "ST1512 S6"]);
    assert!(
        shows(&app, "▲"),
        "the status is shown by symbol, not colour alone"
    );
}

#[test]
fn following_a_gap_finding_selects_its_ksb_and_leads_to_an_outcome() {
    let (mut app, _) = app_with("medtech-htq-draft.ron");
    let s6 = {
        let doc = &session(&app).doc;
        doc.standards[1]
            .ksbs
            .iter()
            .find(|k| k.code == "S6")
            .unwrap()
            .id
            .clone()
    };
    let _ = app.update(Message::Locate(Location::Ksb(s6.clone())));
    assert_eq!(app.screen(), Screen::Mapping);
    let session = session(&app);
    let columns = workspace(&app).mapping.columns(session);
    assert_eq!(columns[workspace(&app).mapping.selected.1].ksb, &s6);
    let selected = &columns[workspace(&app).mapping.selected.1];
    assert!(matches!(
        selected.status,
        htq_studio::analysis::PathwayStatus::SomePathways { .. }
    ));
    assert!(shows(&app, &format!("ST1512 S6: {}", selected.text)));

    let mapping = session
        .doc
        .mappings
        .iter()
        .find(|m| m.ksb == s6)
        .unwrap()
        .clone();
    let (unit, position) = {
        let (u, o) = session.doc.outcome_position(&mapping.outcome).unwrap();
        (session.doc.units[u].clone(), o)
    };
    let label = format!(
        "{} LO{} ({})",
        unit.number,
        position + 1,
        mapping.coverage.label()
    );
    click(&mut app, &label);
    assert_eq!(app.screen(), Screen::Unit(unit.id.clone()));
}

/// Where the matrix's "Pathway status" row is drawn, from the top of the window.
fn matrix_top(app: &htq_studio::app::App) -> f32 {
    support::ui::simulator(app)
        .find("Pathway status")
        .ok()
        .and_then(|target| target.visible_bounds())
        .map(|bounds| bounds.y)
        .expect("the matrix is drawn")
}

#[test]
fn the_matrix_stays_put_whatever_the_detail_panel_shows_and_a_click_selects_what_it_cycles() {
    let mut app = open_matrix("medtech-htq.ron");
    let top = matrix_top(&app);
    let (rows, columns) = {
        let session = session(&app);
        let rows = workspace(&app).mapping.rows(&session.doc).len();
        let columns = workspace(&app).mapping.columns(session).len();
        (rows, columns)
    };
    // The busiest cell (a long statement, several covering outcomes, a partial note) and a
    // quiet one.
    let busiest = {
        let session = session(&app);
        let rows = workspace(&app).mapping.rows(&session.doc);
        let columns = workspace(&app).mapping.columns(session);
        (0..rows.len())
            .flat_map(|r| (0..columns.len()).map(move |c| (r, c)))
            .max_by_key(|&(r, c)| {
                let note = session
                    .doc
                    .mapping(rows[r].outcome, columns[c].ksb)
                    .map_or(0, |m| m.note.len());
                note + columns[c].text.len()
            })
            .expect("cells")
    };
    for (r, c) in [busiest, (rows - 1, columns - 1), (0, 0)] {
        let _ = app.update(Message::Mapping(mapping::Message::Select(r, c)));
        assert_eq!(
            matrix_top(&app),
            top,
            "selecting cell {r},{c} moves the matrix"
        );
    }

    let (outcome, ksb) = {
        let session = session(&app);
        let rows = workspace(&app).mapping.rows(&session.doc);
        let columns = workspace(&app).mapping.columns(session);
        (rows[2].outcome.clone(), columns[3].ksb.clone())
    };
    let _ = app.update(Message::Mapping(mapping::Message::Cycle(outcome, ksb)));
    assert_eq!(
        workspace(&app).mapping.selected,
        (2, 3),
        "the cell clicked is the one selected"
    );
}
