//! Journeys a curriculum designer takes, each from the click through typing to the saved
//! file: the real program runs headless (iced_test's emulator, tasks and all), and every test
//! ends by reading the file back from disk.

mod support;

use htq_studio::model::{Band, Curriculum};
use htq_studio::store;
use iced::keyboard::Modifiers;
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

fn reload(path: &Path) -> Curriculum {
    store::load(path).expect("the saved file loads")
}

#[test]
fn add_a_merit_criterion_type_it_and_save() {
    let (_dir, path) = copy("medtech-htq.ron");
    let mut journey = open(&path);
    journey.click("4010  Laboratory Health, Safety and Biosafety");
    journey.click("LO1");
    journey.click("Add Merit");
    journey.typewrite("Analyse the hazards of a containment level 2 laboratory");
    journey.click("Save");
    let doc = reload(&path);
    let unit = doc.units.iter().find(|u| u.number == "4010").unwrap();
    let merits: Vec<&str> = unit.outcomes[0]
        .criteria
        .iter()
        .filter(|c| c.band == Band::Merit)
        .map(|c| c.text.as_str())
        .collect();
    assert_eq!(merits.len(), 2, "{merits:?}");
    assert_eq!(
        merits[1],
        "Analyse the hazards of a containment level 2 laboratory"
    );
    let _ = (Key::Tab, Modifiers::empty());
}
