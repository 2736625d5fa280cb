//! Files of older formats open in the current model and save in the current format: a
//! committed format 1 file gains an empty panel record and is written as format 2, with every
//! other line as it was.

use htq_studio::model::PanelRecord;
use htq_studio::store;
use std::fs;
use std::path::{Path, PathBuf};

fn fixture(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/v1")
        .join(name)
}

const EMPTY_PANEL: &str = "    panel: (
        members: [],
        sessions: [],
        items: [],
    ),
)
";

#[test]
fn a_format_1_file_opens_with_an_empty_panel_record_and_saves_as_format_2()
-> Result<(), Box<dyn std::error::Error>> {
    let path = fixture("professional-practice.ron");
    let old = fs::read_to_string(&path)?;
    assert!(
        old.starts_with("(\n    format: 1,\n"),
        "the fixture is format 1"
    );
    let doc = store::load(&path)?;
    assert_eq!(doc.panel, PanelRecord::default());
    assert_eq!(doc.units.len(), 1);

    let folder = tempfile::tempdir()?;
    let saved = folder.path().join("professional-practice.ron");
    store::save(&saved, &doc)?;
    let new = fs::read_to_string(&saved)?;
    assert!(
        new.starts_with("(\n    format: 2,\n    qualification: (\n"),
        "{}",
        &new[..80.min(new.len())]
    );
    assert!(new.ends_with(&format!("    ],\n{EMPTY_PANEL}")), "{new}");

    let body = |text: &str| -> Vec<String> {
        text.lines()
            .skip(2)
            .take_while(|line| *line != "    panel: (")
            .map(str::to_owned)
            .collect()
    };
    let mut old_body = body(&old);
    old_body.pop();
    assert_eq!(body(&new), old_body, "only the format and the panel change");
    assert_eq!(store::load(&saved)?, doc);
    Ok(())
}
