//! Journeys a curriculum designer takes, each from the click through typing to the saved
//! file: the real program runs headless (iced_test's emulator, tasks and all, see
//! `support::journey`), and every test ends by reading the file back from disk.

mod support;

use htq_studio::app::number_id;
use htq_studio::app::{Message, field_id};
use htq_studio::model::{
    Band, Coverage, Curriculum, ItemRef, ItemStatus, NumberField, TextField, Unit,
};
use htq_studio::store;
use iced::keyboard::{Key as KeyboardKey, Modifiers, key::Named};
use iced_test::instruction::Key;
use std::path::{Path, PathBuf};
use support::journey::open;
use support::ui::curriculum;

/// A copy of a shipped curriculum in a fresh folder.
fn copy(name: &str) -> (tempfile::TempDir, PathBuf) {
    let dir = tempfile::tempdir().expect("a temporary folder");
    let path = dir.path().join(name);
    std::fs::copy(curriculum(name), &path).expect("the curriculum copies");
    (dir, path)
}

/// The file at `path` as HTQ Studio saves it (a shipped file gains what the current format
/// adds, such as duty ids, on its first save): the baseline to compare a saved file with.
fn saved_once(path: &Path) -> String {
    store::save(path, &reload(path)).expect("the file saves");
    std::fs::read_to_string(path).expect("the saved file reads")
}

fn reload(path: &Path) -> Curriculum {
    store::load(path).expect("the saved file loads")
}

fn unit<'a>(doc: &'a Curriculum, number: &str) -> &'a Unit {
    doc.units
        .iter()
        .find(|u| u.number == number)
        .unwrap_or_else(|| panic!("no unit {number}"))
}

const SAFETY: &str = "4010  Laboratory Health, Safety and Biosafety";

fn tab(
    journey: &mut support::journey::Journey<
        impl iced_test::program::Program<State = htq_studio::app::App, Message = Message> + 'static,
    >,
) {
    journey.press(Key::Tab, Modifiers::empty());
}

#[test]
fn add_a_merit_criterion_type_it_and_save() {
    let (_dir, path) = copy("medtech-htq.ron");
    let mut journey = open(&path);
    journey.click(SAFETY);
    journey.click("LO1");
    journey.click("Add Merit");
    journey.typewrite("Analyse the hazards of a containment level 2 laboratory");
    journey.click("Save");
    let doc = reload(&path);
    let merits: Vec<&str> = unit(&doc, "4010").outcomes[0]
        .criteria
        .iter()
        .filter(|c| c.band == Band::Merit)
        .map(|c| c.text.as_str())
        .collect();
    assert_eq!(
        merits,
        [
            "Assess a laboratory activity and produce a risk assessment and COSHH assessment for it",
            "Analyse the hazards of a containment level 2 laboratory"
        ]
    );
}

#[test]
fn write_a_new_unit_from_a_template_end_to_end() {
    let (_dir, path) = copy("medtech-htq.ron");
    let mut journey = open(&path);
    journey.click("Add unit");
    // The title has the cursor, with the template's title selected: typing replaces it.
    journey.typewrite("Cell Culture Techniques");
    tab(&mut journey); // level
    tab(&mut journey); // credits
    for _ in 0..2 {
        journey.press(Key::Backspace, Modifiers::empty());
    }
    journey.typewrite("30");
    journey.click("LO1");
    tab(&mut journey);
    journey.typewrite("Perform aseptic cell culture to a written procedure");
    tab(&mut journey);
    journey.typewrite("Explain the principles of aseptic technique");
    tab(&mut journey);
    journey.typewrite("Analyse sources of contamination in a culture");
    tab(&mut journey);
    journey.typewrite("Evaluate a contamination incident and recommend changes");
    journey.click("Save");
    let doc = reload(&path);
    let added = doc.units.last().unwrap();
    assert_eq!(added.title, "Cell Culture Techniques");
    assert_eq!(
        added.credits, 30,
        "Tab went title, level, credits: {added:?}"
    );
    let lo1 = &added.outcomes[0];
    assert_eq!(
        lo1.text,
        "Perform aseptic cell culture to a written procedure"
    );
    let texts: Vec<&str> = lo1.criteria.iter().map(|c| c.text.as_str()).collect();
    assert_eq!(
        texts,
        [
            "Explain the principles of aseptic technique",
            "Analyse sources of contamination in a culture",
            "Evaluate a contamination incident and recommend changes"
        ]
    );
}

#[test]
fn add_an_outcome_and_type_its_statement_and_three_criteria() {
    let (_dir, path) = copy("medtech-htq.ron");
    let mut journey = open(&path);
    journey.click(SAFETY);
    journey.click("Add outcome");
    journey.typewrite("Apply decontamination and waste procedures");
    tab(&mut journey);
    journey.typewrite("Describe the routes for laboratory waste");
    tab(&mut journey);
    journey.typewrite("Assess a waste procedure against the regulations");
    tab(&mut journey);
    journey.typewrite("Justify improvements to a decontamination schedule");
    journey.click("Save");
    let doc = reload(&path);
    let lo5 = &unit(&doc, "4010").outcomes[4];
    assert_eq!(lo5.text, "Apply decontamination and waste procedures");
    let texts: Vec<(Band, &str)> = lo5
        .criteria
        .iter()
        .map(|c| (c.band, c.text.as_str()))
        .collect();
    assert_eq!(
        texts,
        [
            (Band::Pass, "Describe the routes for laboratory waste"),
            (
                Band::Merit,
                "Assess a waste procedure against the regulations"
            ),
            (
                Band::Distinction,
                "Justify improvements to a decontamination schedule"
            ),
        ]
    );
}

#[test]
fn remove_an_outcome_then_undo_saves_the_file_as_it_was() {
    let (_dir, path) = copy("medtech-htq.ron");
    let before = saved_once(&path);
    let mut journey = open(&path);
    journey.click(SAFETY);
    journey.click("LO2");
    journey.click("Remove outcome");
    journey.click("Save");
    let removed = reload(&path);
    assert_eq!(unit(&removed, "4010").outcomes.len(), 3);
    assert!(
        removed.mappings.len()
            < store::load(&curriculum("medtech-htq.ron"))
                .unwrap()
                .mappings
                .len()
    );
    journey.click("Undo");
    journey.click("Save");
    assert_eq!(
        std::fs::read_to_string(&path).unwrap(),
        before,
        "undo is exact"
    );
}

#[test]
fn reorder_outcomes_and_the_mappings_follow_their_ids() {
    let (_dir, path) = copy("medtech-htq.ron");
    let original = reload(&path);
    let mut journey = open(&path);
    journey.click(SAFETY);
    journey.click("LO1");
    journey.click("Move later");
    journey.click("Save");
    let doc = reload(&path);
    let (was, now) = (unit(&original, "4010"), unit(&doc, "4010"));
    assert_eq!(now.outcomes[0].id, was.outcomes[1].id);
    assert_eq!(now.outcomes[1].id, was.outcomes[0].id);
    assert_eq!(
        doc.mappings, original.mappings,
        "mappings hold ids, not positions"
    );
}

#[test]
fn add_a_topic_type_its_heading_and_points() {
    let (_dir, path) = copy("medtech-htq.ron");
    let mut journey = open(&path);
    journey.click(SAFETY);
    journey.click("LO2");
    // "Add topic" is below the fold; the emulator cannot scroll, so send what it sends.
    let lo2 = unit(&reload(&path), "4010").outcomes[1].id.clone();
    journey.send(Message::Unit(
        htq_studio::app::screen::unit::Message::AddTopic(lo2),
    ));
    journey.typewrite("Spill response");
    tab(&mut journey);
    journey.typewrite("Spill kits and their contents");
    journey.press(Key::Enter, Modifiers::empty());
    journey.typewrite("Reporting a spill");
    journey.click("Save");
    let doc = reload(&path);
    let topic = unit(&doc, "4010").outcomes[1]
        .content
        .last()
        .unwrap()
        .clone();
    assert_eq!(topic.heading, "Spill response");
    assert_eq!(
        topic.points,
        ["Spill kits and their contents", "Reporting a spill"]
    );
}

#[test]
fn removing_the_first_topic_leaves_the_next_one_with_its_own_points() {
    let (_dir, path) = copy("medtech-htq.ron");
    let original = reload(&path);
    let topics = unit(&original, "4010").outcomes[0].content.clone();
    let mut journey = open(&path);
    journey.click(SAFETY);
    journey.click("LO1");
    journey.click("Remove");
    // The cursor moved to the heading that took its place; Tab goes on to its points.
    tab(&mut journey);
    journey.typewrite(" (typed)");
    journey.click("Save");
    let doc = reload(&path);
    let now = &unit(&doc, "4010").outcomes[0].content;
    assert_eq!(now.len(), topics.len() - 1);
    assert_eq!(now[0].id, topics[1].id);
    assert_eq!(now[0].heading, topics[1].heading);
    let mut expected = topics[1].points.clone();
    if let Some(first) = expected.first_mut() {
        first.insert_str(0, " (typed)");
    }
    assert_eq!(
        now[0].points, expected,
        "the next topic keeps its own points"
    );
}

#[test]
fn move_a_topic_later() {
    let (_dir, path) = copy("medtech-htq.ron");
    let original = reload(&path);
    let mut journey = open(&path);
    journey.click(SAFETY);
    journey.click("LO1");
    let first = unit(&original, "4010").outcomes[0].content[0].id.clone();
    journey.send(Message::Unit(
        htq_studio::app::screen::unit::Message::MoveTopic(first.clone(), 1),
    ));
    journey.click("Save");
    let doc = reload(&path);
    assert_eq!(unit(&doc, "4010").outcomes[0].content[1].id, first);
}

#[test]
fn ctrl_enter_in_a_criterion_adds_the_next_of_its_band_ready_to_type() {
    let (_dir, path) = copy("medtech-htq.ron");
    let original = reload(&path);
    let p1 = unit(&original, "4010").outcomes[0].criteria[0].clone();
    let mut journey = open(&path);
    journey.click(SAFETY);
    journey.click("LO1");
    journey.click_field(field_id(&TextField::CriterionText(p1.id.clone())));
    journey.send(Message::Unit(
        htq_studio::app::screen::unit::Message::AddCriterionAfter(p1.id.clone()),
    ));
    journey.typewrite("Identify the hazard groups of biological agents");
    journey.click("Save");
    let doc = reload(&path);
    let criteria = &unit(&doc, "4010").outcomes[0].criteria;
    assert_eq!(criteria[0].text, p1.text);
    assert_eq!(criteria[1].band, Band::Pass);
    assert_eq!(
        criteria[1].text,
        "Identify the hazard groups of biological agents"
    );
}

#[test]
fn removing_a_criterion_moves_the_cursor_to_the_next_one() {
    let (_dir, path) = copy("medtech-htq.ron");
    let original = reload(&path);
    let lo1 = unit(&original, "4010").outcomes[0].clone();
    let mut journey = open(&path);
    journey.click(SAFETY);
    journey.click("LO1");
    journey.send(Message::Unit(
        htq_studio::app::screen::unit::Message::RemoveCriterion(lo1.criteria[0].id.clone()),
    ));
    journey.typewrite("Now: ");
    journey.click("Save");
    let doc = reload(&path);
    let criteria = &unit(&doc, "4010").outcomes[0].criteria;
    assert_eq!(criteria.len(), lo1.criteria.len() - 1);
    assert_eq!(criteria[0].id, lo1.criteria[1].id);
    assert_eq!(criteria[0].text, format!("Now: {}", lo1.criteria[1].text));
}

#[test]
fn move_a_criterion_down_and_its_number_follows() {
    let (_dir, path) = copy("medtech-htq.ron");
    let original = reload(&path);
    let lo1 = unit(&original, "4010").outcomes[0].clone();
    let mut journey = open(&path);
    journey.click(SAFETY);
    journey.click("LO1");
    journey.click("↓");
    assert!(journey.shows("P1"));
    journey.click("Save");
    let doc = reload(&path);
    let criteria = &unit(&doc, "4010").outcomes[0].criteria;
    assert_eq!(criteria[0].id, lo1.criteria[1].id);
    assert_eq!(criteria[1].id, lo1.criteria[0].id);
}

#[test]
fn add_a_resource_and_type_its_citation() {
    let (_dir, path) = copy("medtech-htq.ron");
    let mut journey = open(&path);
    journey.click(SAFETY);
    journey.click("Resources and links");
    journey.click("Add resource");
    journey.typewrite("Health and Safety Executive (2023) Safe working in laboratories. HSE.");
    journey.click("Save");
    let doc = reload(&path);
    let last = unit(&doc, "4010").resources.last().unwrap().clone();
    assert_eq!(
        last.text,
        "Health and Safety Executive (2023) Safe working in laboratories. HSE."
    );
    assert!(last.id.as_str().starts_with("u4010-r"));
}

#[test]
fn remove_and_reorder_resources() {
    let (_dir, path) = copy("medtech-htq.ron");
    let original = reload(&path);
    let resources = unit(&original, "4010").resources.clone();
    assert!(resources.len() >= 3);
    let mut journey = open(&path);
    journey.click(SAFETY);
    journey.click("Resources and links");
    journey.send(Message::Unit(
        htq_studio::app::screen::unit::Message::RemoveResource(resources[0].id.clone()),
    ));
    journey.typewrite(" (2nd edition)");
    journey.send(Message::Unit(
        htq_studio::app::screen::unit::Message::MoveResource(resources[1].id.clone(), 1),
    ));
    journey.click("Save");
    let doc = reload(&path);
    let now = &unit(&doc, "4010").resources;
    assert_eq!(now.len(), resources.len() - 1);
    assert_eq!(now[1].id, resources[1].id, "moved one place later");
    assert_eq!(now[1].text, format!("{} (2nd edition)", resources[1].text));
}

#[test]
fn link_a_related_unit_from_the_list() {
    let (_dir, path) = copy("medtech-htq.ron");
    let mut journey = open(&path);
    journey.click(SAFETY);
    journey.click("Resources and links");
    // The list is below the fold; send the choice it makes.
    let linked = unit(&reload(&path), "4030").id.clone();
    journey.send(Message::Unit(
        htq_studio::app::screen::unit::Message::AddLink(
            htq_studio::app::screen::unit::LinkChoice {
                id: linked.clone(),
                label: "4030 Health Data and Programming for Medical Technology".into(),
            },
        ),
    ));
    journey.click("Save");
    let doc = reload(&path);
    assert!(unit(&doc, "4010").links.contains(&linked));
}

#[test]
fn clear_the_credits_and_type_a_new_value() {
    let (_dir, path) = copy("medtech-htq.ron");
    let original = reload(&path);
    let id = unit(&original, "4010").id.clone();
    let mut journey = open(&path);
    journey.click(SAFETY);
    journey.click_field(number_id(&NumberField::UnitCredits(id.clone())));
    for _ in 0..2 {
        journey.press(Key::Backspace, Modifiers::empty());
    }
    assert!(
        journey.shows("Enter the credits as a whole number"),
        "the empty field stays empty and says why"
    );
    journey.typewrite("30");
    journey.click("Save");
    assert_eq!(unit(&reload(&path), "4010").credits, 30);
}

#[test]
fn a_level_out_of_range_is_named_and_not_saved() {
    let (_dir, path) = copy("medtech-htq.ron");
    let original = reload(&path);
    let id = unit(&original, "4010").id.clone();
    let mut journey = open(&path);
    journey.click(SAFETY);
    journey.click_field(number_id(&NumberField::UnitLevel(id.clone())));
    journey.press(Key::Backspace, Modifiers::empty());
    journey.typewrite("9");
    assert!(journey.shows("The level must be from 1 to 8"));
    journey.press(Key::Backspace, Modifiers::empty());
    journey.typewrite("5");
    journey.click("Save");
    assert_eq!(unit(&reload(&path), "4010").level, 5);
}

#[test]
fn set_a_group_bound_in_the_rules_of_combination() {
    let (_dir, path) = copy("medtech-htq.ron");
    let mut journey = open(&path);
    journey.click("Rules of combination");
    // The button is below the groups, out of view; send what it sends.
    journey.send(Message::Structure(
        htq_studio::app::screen::structure::Message::AddGroup,
    ));
    journey.typewrite(" for research skills");
    tab(&mut journey); // minimum credits
    journey.typewrite("15");
    tab(&mut journey); // maximum credits
    journey.typewrite("x");
    assert!(journey.shows("Enter the credits as a whole number, such as 15"));
    journey.press(Key::Backspace, Modifiers::empty());
    journey.typewrite("30");
    journey.click("Save");
    let doc = reload(&path);
    let group = doc.qualification.rules.groups.last().unwrap();
    assert!(
        group.title.ends_with(" for research skills"),
        "{}",
        group.title
    );
    assert_eq!((group.min_credits, group.max_credits), (Some(15), Some(30)));
}

#[test]
fn map_and_unmap_a_ksb_from_the_matrix() {
    let (_dir, path) = copy("medtech-htq.ron");
    let original = reload(&path);
    let mut journey = open(&path);
    journey.click("KSB mapping");
    let space = || Message::Key(KeyboardKey::Named(Named::Space), Modifiers::empty(), false);
    let right = || {
        Message::Key(
            KeyboardKey::Named(Named::ArrowRight),
            Modifiers::empty(),
            false,
        )
    };
    // Find a cell that is not mapped, walking right along the first row.
    let first_outcome = original.units[0].outcomes[0].id.clone();
    let mapped: Vec<_> = original
        .mappings
        .iter()
        .filter(|m| m.outcome == first_outcome)
        .map(|m| m.ksb.clone())
        .collect();
    let columns: Vec<_> = {
        let mut columns: Vec<_> = original
            .standards
            .iter()
            .flat_map(|s| {
                s.ksbs
                    .iter()
                    .map(move |k| (s.reference.clone(), k.kind, k.id.clone()))
            })
            .collect();
        columns.sort_by(|a, b| (&a.0, a.1).cmp(&(&b.0, b.1)));
        columns
    };
    let free = columns
        .iter()
        .position(|(_, _, ksb)| !mapped.contains(ksb))
        .unwrap();
    for _ in 0..free {
        journey.send(right());
    }
    journey.send(space());
    journey.click("Save");
    let ksb = columns[free].2.clone();
    let mapping = reload(&path).mapping(&first_outcome, &ksb).cloned();
    assert_eq!(mapping.map(|m| m.coverage), Some(Coverage::Partial));
    journey.send(space());
    journey.send(space());
    journey.click("Save");
    assert_eq!(reload(&path).mapping(&first_outcome, &ksb), None);
    assert_eq!(
        reload(&path).mappings,
        original.mappings,
        "unmapped exactly"
    );
}

#[test]
fn record_a_workshop_decision_and_save() {
    let (_dir, path) = copy("medtech-htq.ron");
    let mut journey = open(&path);
    journey.click("Workshop");
    journey.send(Message::Key(
        KeyboardKey::Named(Named::PageDown),
        Modifiers::empty(),
        false,
    ));
    journey.send(Message::Key(
        KeyboardKey::Named(Named::Enter),
        Modifiers::empty(),
        false,
    ));
    journey.typewrite("Agreed subject to a wording check");
    journey.press(Key::Enter, Modifiers::empty());
    journey.ctrl("s");
    let doc = reload(&path);
    let lo1 = doc.units[0].outcomes[0].id.clone();
    let record = doc
        .panel
        .item(&ItemRef::Outcome(lo1))
        .expect("a record for LO1");
    assert_eq!(
        record.entries.last().map(|e| e.text.as_str()),
        Some("Agreed subject to a wording check")
    );
    assert_eq!(
        record.entries.last().map(|e| e.at.as_str()),
        Some("2026-11-09T12:00:00Z")
    );
}

#[test]
fn a_status_set_in_the_workshop_and_undone_saves_the_original_bytes() {
    let (_dir, path) = copy("medtech-htq.ron");
    let before = saved_once(&path);
    let mut journey = open(&path);
    journey.click("Workshop");
    journey.send(Message::Key(
        KeyboardKey::Character("3".into()),
        Modifiers::ALT,
        false,
    ));
    journey.ctrl("s");
    let doc = reload(&path);
    assert_eq!(
        doc.panel.status(&ItemRef::Unit(doc.units[0].id.clone())),
        ItemStatus::Agreed
    );
    journey.ctrl("z");
    journey.ctrl("s");
    assert_eq!(
        std::fs::read_to_string(&path).unwrap(),
        before,
        "no stray Draft record"
    );
}

#[test]
fn undo_and_redo_typing_and_structure_changes() {
    let (_dir, path) = copy("medtech-htq.ron");
    let before = saved_once(&path);
    let mut journey = open(&path);
    journey.click(SAFETY);
    journey.click_field(field_id(&TextField::UnitTitle(
        reload(&path).units[2].id.clone(),
    )));
    journey.typewrite(" (revised)");
    journey.click("Add outcome");
    journey.typewrite("Investigate an incident");
    journey.ctrl("z");
    journey.ctrl("z");
    journey.ctrl("s");
    let after_undo = reload(&path);
    assert_eq!(unit(&after_undo, "4010").outcomes.len(), 4);
    assert_eq!(
        unit(&after_undo, "4010").title,
        "Laboratory Health, Safety and Biosafety (revised)"
    );
    journey.ctrl("z");
    journey.ctrl("s");
    assert_eq!(std::fs::read_to_string(&path).unwrap(), before);
    for _ in 0..3 {
        journey.ctrl("y");
    }
    journey.ctrl("s");
    let redone = reload(&path);
    let redone_unit = unit(&redone, "4010");
    assert_eq!(
        redone_unit.title,
        "Laboratory Health, Safety and Biosafety (revised)"
    );
    assert_eq!(redone_unit.outcomes[4].text, "Investigate an incident");
}

#[test]
fn duplicate_a_unit_and_retitle_the_copy() {
    let (_dir, path) = copy("medtech-htq.ron");
    let mut journey = open(&path);
    journey.click("Duplicate");
    journey.click("Save");
    let copy_id = reload(&path)
        .units
        .iter()
        .find(|u| u.title.ends_with("(copy)"))
        .map(|u| u.id.clone())
        .expect("the copy was saved");
    journey.click("4010  Laboratory Health, Safety and Biosafety (copy)");
    journey.click_field(field_id(&TextField::UnitTitle(copy_id)));
    journey.typewrite(" for clinical laboratories");
    journey.click("Save");
    let doc = reload(&path);
    let titles: Vec<&str> = doc.units.iter().map(|u| u.title.as_str()).collect();
    assert!(
        titles
            .contains(&"Laboratory Health, Safety and Biosafety (copy) for clinical laboratories"),
        "{titles:?}"
    );
    assert!(titles.contains(&"Laboratory Health, Safety and Biosafety"));
}

#[test]
fn tab_walks_the_details_in_reading_order_and_shift_tab_walks_back() {
    let (_dir, path) = copy("medtech-htq.ron");
    let original = reload(&path);
    let id = unit(&original, "4010").id.clone();
    let mut journey = open(&path);
    journey.click(SAFETY);
    journey.click_field(field_id(&TextField::UnitNumber(id)));
    tab(&mut journey); // title
    tab(&mut journey); // level
    tab(&mut journey); // credits
    tab(&mut journey); // guided learning hours
    journey.press(Key::Backspace, Modifiers::empty());
    journey.press(Key::Backspace, Modifiers::empty());
    journey.typewrite("75");
    journey.press(Key::Tab, Modifiers::SHIFT); // back to credits
    journey.typewrite("0");
    journey.click("Save");
    let saved = unit(&reload(&path), "4010").clone();
    assert_eq!(saved.glh, 75);
    assert_eq!(
        saved.credits, 150,
        "Shift+Tab went back to the credits: {saved:?}"
    );
}

#[test]
fn add_a_skill_by_hand_and_type_it() {
    let (_dir, path) = copy("medtech-htq.ron");
    let before = reload(&path);
    let mut journey = open(&path);
    journey.click("Standards and KSBs");
    journey.click("Add skill");
    journey.typewrite("Prepares and labels samples to the laboratory's procedure");
    journey.click("Save");
    let doc = reload(&path);
    let standard = &doc.standards[0];
    let skills = |s: &htq_studio::model::Standard| {
        s.ksbs
            .iter()
            .filter(|k| k.kind == htq_studio::model::KsbKind::Skill)
            .cloned()
            .collect::<Vec<_>>()
    };
    let added = skills(standard);
    assert_eq!(added.len(), skills(&before.standards[0]).len() + 1);
    let last = added.last().unwrap();
    assert_eq!(
        last.text,
        "Prepares and labels samples to the laboratory's procedure"
    );
    assert_eq!(
        last.code,
        format!("S{}", added.len()),
        "numbered after the last skill"
    );
}

#[test]
fn retiring_a_mapped_ksb_takes_its_mappings_and_undo_brings_both_back() {
    let (_dir, path) = copy("medtech-htq.ron");
    let before = saved_once(&path);
    let doc = reload(&path);
    let ksb = doc.mappings[0].ksb.clone();
    let mut journey = open(&path);
    journey.click("Standards and KSBs");
    journey.send(Message::Standards(
        htq_studio::app::screen::standards::Message::RetireKsb(ksb.clone()),
    ));
    journey.click("Save");
    let retired = reload(&path);
    assert!(retired.ksb(&ksb).is_none());
    assert!(retired.mappings.iter().all(|m| m.ksb != ksb));
    journey.click("Undo");
    journey.click("Save");
    assert_eq!(std::fs::read_to_string(&path).unwrap(), before);
}

#[test]
fn write_a_standard_by_hand_with_a_duty() {
    let (_dir, path) = copy("medtech-htq.ron");
    let mut journey = open(&path);
    journey.click("Standards and KSBs");
    journey.click("Add a standard by hand");
    journey.typewrite("ST1512");
    tab(&mut journey);
    journey.typewrite(" for AI and automation");
    journey.click("Add knowledge");
    journey.typewrite("Knows how training data shapes a model's behaviour");
    journey.click("Add duty");
    journey.typewrite("Monitors deployed models for drift");
    tab(&mut journey);
    journey.typewrite("K1");
    journey.click("Save");
    let doc = reload(&path);
    let standard = doc.standards.last().unwrap();
    assert_eq!(standard.reference, "ST1512");
    assert_eq!(
        standard.title,
        "New occupational standard for AI and automation"
    );
    assert_eq!(standard.ksbs.len(), 1);
    assert_eq!(standard.ksbs[0].code, "K1");
    assert_eq!(standard.duties.len(), 1);
    assert_eq!(
        standard.duties[0].text,
        "Monitors deployed models for drift"
    );
    assert_eq!(standard.duties[0].ksbs, [standard.ksbs[0].id.clone()]);
}

#[test]
fn claim_an_option_of_an_imported_standard_and_drop_a_claim() {
    let (_dir, path) = copy("medtech-htq.ron");
    let record = Path::new("crates/htq-core/tests/fixtures/standards/real/ST0950.json");
    let dialogs = support::ui::ScriptedDialogs::answering(&[record]);
    let mut journey = support::journey::start(
        support::journey::options(Some(&path), dialogs.clone(), None),
        dialogs,
    );
    journey.click("KSB mapping");
    journey.click("Import standard…");
    assert!(journey.shows(
        "Added ST0950 Healthcare engineering specialist technician (version 1.0) with 87 KSBs."
    ));
    journey.click("Qualification");
    journey.click("Qualification details");
    assert!(journey.shows("Occupations claimed"));
    journey.click("ST0950 Healthcare engineering specialist technician (Level 3)");
    assert!(journey.shows("Options claimed:"));
    journey.click("Healthcare estates technician");
    assert!(journey.shows("Healthcare estates technician: met in no pathway: no outcome covers K1–K37, K43–K46, S1–S32, S34, B1–B7"));
    journey.click("ST1512 AI and automation practitioner (Level 4)");
    journey.click("Save");
    let doc = reload(&path);
    let claims: Vec<(&str, Vec<&str>)> = doc
        .qualification
        .claims
        .iter()
        .map(|c| {
            (
                c.standard.as_str(),
                c.options.iter().map(String::as_str).collect(),
            )
        })
        .collect();
    assert_eq!(
        claims,
        [
            ("st0220", vec![]),
            ("st0950", vec!["Healthcare estates technician"])
        ]
    );
}

#[test]
fn put_a_ksb_out_of_scope_with_a_reason_from_the_matrix() {
    let (_dir, path) = copy("medtech-htq.ron");
    let k12 = htq_studio::model::KsbId::from("st0220-k12");
    let mut doc = reload(&path);
    doc.mappings.retain(|m| m.ksb != k12);
    store::save(&path, &doc).unwrap();
    let mut journey = open(&path);
    journey.send(Message::Locate(htq_studio::analysis::Location::Ksb(
        k12.clone(),
    )));
    assert!(journey.shows("✖ ST0220 K12: not covered"));
    journey.click("Out of scope for this qualification");
    journey.typewrite("Assessed by the employer in the workplace");
    assert!(
        journey
            .shows("○ ST0220 K12: out of scope for this qualification; no coverage is asked of it")
    );
    journey.click("Save");
    let saved = reload(&path);
    assert_eq!(
        saved.qualification.out_of_scope,
        [htq_studio::model::OutOfScope {
            ksb: k12,
            reason: "Assessed by the employer in the workplace".into(),
        }]
    );
    let errors = htq_studio::analysis::check(&saved)
        .into_iter()
        .filter(|f| f.severity == htq_studio::analysis::Severity::Error)
        .count();
    assert_eq!(errors, 0, "an out-of-scope KSB asks for no coverage");
}

#[test]
fn the_workshop_has_a_visible_way_out() {
    let (_dir, path) = copy("medtech-htq.ron");
    let mut journey = open(&path);
    journey.send(Message::Command(
        htq_studio::app::shortcuts::Command::Workshop,
    ));
    journey.click("Exit workshop (F11)");
    let app = journey.finish();
    assert!(!app.workshop, "the button leaves workshop mode");
}
