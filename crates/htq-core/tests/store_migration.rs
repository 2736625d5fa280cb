//! Files of older formats open in the current model and save in the current format, every line
//! they had kept as it was: a committed format 1 file gains an empty panel record, and format 1
//! and 2 files gain an id on every essential-content topic and resource, named after the
//! outcome or unit that holds it; files before format 4 claim every standard they hold.

use htq_core::model::PanelRecord;
use htq_core::store;
use std::fs;
use std::path::{Path, PathBuf};

fn fixture(version: &str, name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures")
        .join(version)
        .join(name)
}

const EMPTY_PANEL: &str = "    panel: (
        members: [],
        sessions: [],
        items: [],
    ),
)
";

/// The lines of a format 3 text that format 2 did not have: topic, resource and duty ids.
fn is_new_id_line(line: &str) -> bool {
    let Some(id) = line.trim().strip_prefix("id: \"") else {
        return false;
    };
    let id = id.trim_end_matches("\",");
    let numbered = |mark: &str| {
        id.rsplit_once(mark)
            .is_some_and(|(_, n)| !n.is_empty() && n.bytes().all(|b| b.is_ascii_digit()))
    };
    let duty = id
        .strip_prefix('d')
        .is_some_and(|n| !n.is_empty() && n.bytes().all(|b| b.is_ascii_digit()));
    numbered("-t") || numbered("-r") || duty
}

/// Saves `doc` in a temporary folder and returns the text written.
/// `doc` saved and read back, with the claims every standard gains and the (empty) list of
/// KSBs out of scope taken out of the text.
fn saved_text(doc: &htq_core::model::Curriculum) -> Result<String, Box<dyn std::error::Error>> {
    let every_standard: Vec<_> = doc.standards.iter().map(|s| s.id.clone()).collect();
    let claimed: Vec<_> = doc
        .qualification
        .claims
        .iter()
        .map(|c| c.standard.clone())
        .collect();
    assert_eq!(
        claimed, every_standard,
        "an older file claims every standard"
    );
    let folder = tempfile::tempdir()?;
    let saved = folder.path().join("migrated.ron");
    store::save(&saved, doc)?;
    let text = fs::read_to_string(&saved)?;
    assert_eq!(
        &store::load(&saved)?,
        doc,
        "the migrated file loads as it was saved"
    );
    let start = text.find("        claims: [\n").ok_or("no claims")?;
    let end = start
        + text[start..]
            .find("\n        ],\n")
            .ok_or("claims unclosed")?
        + 12;
    assert!(doc.qualification.out_of_scope.is_empty());
    Ok(
        format!("{}{}", &text[..start], &text[end..]).replacen(
            "        out_of_scope: [],\n",
            "",
            1,
        ),
    )
}

#[test]
fn a_format_1_file_opens_with_an_empty_panel_record_and_ids_and_saves_as_format_5()
-> Result<(), Box<dyn std::error::Error>> {
    let path = fixture("v1", "professional-practice.ron");
    let old = fs::read_to_string(&path)?;
    assert!(
        old.starts_with("(\n    format: 1,\n"),
        "the fixture is format 1"
    );
    let doc = store::load(&path)?;
    assert_eq!(doc.panel, PanelRecord::default());
    assert_eq!(doc.units.len(), 1);
    let unit = &doc.units[0];
    assert_eq!(unit.outcomes[0].content[0].id.as_str(), "u4001-lo1-t1");
    assert_eq!(unit.resources[0].id.as_str(), "u4001-r1");

    let new = saved_text(&doc)?;
    assert!(
        new.starts_with("(\n    format: 5,\n    qualification: (\n"),
        "{}",
        &new[..80.min(new.len())]
    );
    assert!(new.ends_with(&format!("    ],\n{EMPTY_PANEL}")), "{new}");
    let body = |text: &str| -> Vec<String> {
        text.lines()
            .skip(2)
            .take_while(|line| *line != "    panel: (")
            .filter(|line| !is_new_id_line(line))
            .map(str::to_owned)
            .collect()
    };
    let mut old_body = body(&old);
    old_body.pop();
    assert_eq!(
        body(&new),
        old_body,
        "only the format, the ids and the panel change"
    );
    Ok(())
}

#[test]
fn a_format_2_file_gains_topic_resource_and_duty_ids_and_keeps_every_other_line()
-> Result<(), Box<dyn std::error::Error>> {
    let path = fixture("v2", "medtech-htq-draft.ron");
    let old = fs::read_to_string(&path)?;
    assert!(
        old.starts_with("(\n    format: 2,\n"),
        "the fixture is format 2"
    );
    let doc = store::load(&path)?;
    let unit = &doc.units[0];
    assert_eq!(unit.id.as_str(), "u4001");
    assert_eq!(unit.outcomes[0].content[0].id.as_str(), "u4001-lo1-t1");
    assert_eq!(unit.resources[0].id.as_str(), "u4001-r1");
    let topics = doc
        .units
        .iter()
        .flat_map(|u| &u.outcomes)
        .flat_map(|o| &o.content)
        .count();
    let resources = doc.units.iter().flat_map(|u| &u.resources).count();
    assert!(
        topics > 20 && resources > 10,
        "{topics} topics, {resources} resources"
    );
    assert!(!doc.panel.items.is_empty(), "the panel record is kept");

    let new = saved_text(&doc)?;
    assert!(new.starts_with("(\n    format: 5,\n"));
    let added: Vec<&str> = new.lines().filter(|l| is_new_id_line(l)).collect();
    let duties = doc.standards.iter().map(|s| s.duties.len()).sum::<usize>();
    assert_eq!(
        added.len(),
        topics + resources + duties,
        "one new id per topic, resource and duty"
    );
    let kept: Vec<&str> = new.lines().skip(2).filter(|l| !is_new_id_line(l)).collect();
    let before: Vec<&str> = old.lines().skip(2).collect();
    assert_eq!(kept, before, "every other line is as it was");
    Ok(())
}
