//! The panel minutes read back with poppler and qpdf: as their own PDF (attendance, decisions
//! per item, open actions, open items) and as the specification's appendix with a contents
//! entry and a bookmark.

use htq_core::export::{PdfOptions, minutes_pdf, specification_pdf};
use htq_core::model::{Curriculum, EntryKind};
use std::path::{Path, PathBuf};
use std::process::Command;

fn draft_path() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../../curricula/medtech-htq-draft.ron")
}

fn draft() -> Curriculum {
    htq_core::store::load(&draft_path()).expect("the draft curriculum loads")
}

fn write(dir: &tempfile::TempDir, name: &str, bytes: Vec<u8>) -> PathBuf {
    let path = dir.path().join(name);
    std::fs::write(&path, bytes).expect("the PDF is written");
    path
}

/// Runs a poppler or qpdf tool and returns its standard output.
fn run(tool: &str, args: &[&str], pdf: &Path) -> String {
    let mut command = Command::new(tool);
    command.args(args).arg(pdf);
    if tool == "pdftotext" {
        command.arg("-");
    }
    let output = command
        .output()
        .unwrap_or_else(|e| panic!("{tool} is needed for this test (poppler-utils, qpdf): {e}"));
    assert!(
        output.status.success(),
        "{tool} failed: {}",
        String::from_utf8_lossy(&output.stderr)
    );
    String::from_utf8_lossy(&output.stdout).into_owned()
}

/// Text without any whitespace, so line breaks made by the layout do not matter.
fn squeezed(text: &str) -> String {
    text.chars().filter(|c| !c.is_whitespace()).collect()
}

#[test]
fn the_minutes_hold_attendance_decisions_and_open_actions() {
    let doc = draft();
    let dir = tempfile::tempdir().expect("a temporary folder");
    let pdf = write(
        &dir,
        "minutes.pdf",
        minutes_pdf(&doc, None).expect("minutes export"),
    );
    run("qpdf", &["--check"], &pdf);
    let text = squeezed(&run("pdftotext", &["-raw"], &pdf));
    let panel = &doc.panel;
    for member in &panel.members {
        assert!(text.contains(&squeezed(&member.name)), "{}", member.name);
        assert!(text.contains(&squeezed(&member.organisation)));
    }
    for expected in [
        "Sessionof9November2026",
        "SamWhitlock",
        "Absent",
        "Present",
        "Unit4010LaboratoryHealth,SafetyandBiosafety",
        "4010LO2",
        "5031LO3",
        "Changesrequested",
        "Decision–ThePanel",
        "Itemsnolongerinthecurriculum",
        "Unitu5034(removed)",
        "OpenactionsItemActionWhoRecorded",
        "Itemsstillopen",
    ] {
        assert!(
            text.to_lowercase().contains(&expected.to_lowercase()),
            "{expected} missing"
        );
    }
    for point in panel.sessions.iter().flat_map(|s| &s.agenda) {
        assert!(text.contains(&squeezed(point)), "agenda: {point}");
    }
    let entries = panel.items.iter().flat_map(|record| &record.entries);
    for entry in entries {
        assert!(text.contains(&squeezed(&entry.text)), "{}", entry.text);
    }
    let actions = text
        .split("Openactions")
        .nth(1)
        .and_then(|rest| rest.split("Itemsstillopen").next())
        .unwrap_or_default();
    for record in &panel.items {
        for action in record
            .entries
            .iter()
            .filter(|e| e.kind == EntryKind::Action)
        {
            assert_eq!(
                actions.contains(&squeezed(&action.text)),
                record.status.is_open(),
                "{}",
                action.text
            );
        }
    }
}

#[test]
fn an_empty_panel_record_says_so() {
    let mut doc = draft();
    doc.panel = Default::default();
    let dir = tempfile::tempdir().expect("a temporary folder");
    let pdf = write(
        &dir,
        "minutes.pdf",
        minutes_pdf(&doc, None).expect("minutes export"),
    );
    let text = squeezed(&run("pdftotext", &["-raw"], &pdf));
    for expected in [
        "Nopanelmembersarerecordedyet.",
        "Nopanelsessionsarerecordedyet.",
        "Therearenoopenactions.",
    ] {
        assert!(text.contains(expected), "{expected} missing in {text}");
    }
}

#[test]
fn the_specification_appends_the_minutes_with_contents_entry_and_bookmark() {
    let doc = draft();
    let dir = tempfile::tempdir().expect("a temporary folder");
    let with = PdfOptions {
        include_minutes: true,
        ..PdfOptions::default()
    };
    let pdf = write(
        &dir,
        "spec.pdf",
        specification_pdf(&doc, &with).expect("specification export"),
    );
    let json: serde_json::Value =
        serde_json::from_str(&run("qpdf", &["--json", "--json-key=outlines"], &pdf))
            .expect("qpdf gives JSON");
    let outlines = json["outlines"].as_array().cloned().unwrap_or_default();
    let last = outlines.last().expect("bookmarks");
    assert_eq!(last["title"].as_str(), Some("Appendix: Panel record"));
    let page = last["destpageposfrom1"]
        .as_u64()
        .unwrap_or_default()
        .to_string();
    let on_page = squeezed(&run("pdftotext", &["-raw", "-f", &page, "-l", &page], &pdf));
    assert!(on_page.contains("Appendix:Panelrecord"), "{on_page}");
    let contents = run("pdftotext", &["-layout", "-f", "2", "-l", "2"], &pdf);
    let line = contents
        .lines()
        .find(|line| line.contains("Appendix: Panel record"))
        .unwrap_or_else(|| panic!("no contents entry in\n{contents}"));
    assert_eq!(line.split_whitespace().last(), Some(page.as_str()));

    let without = write(
        &dir,
        "plain.pdf",
        specification_pdf(&doc, &PdfOptions::default()).expect("specification export"),
    );
    let text = squeezed(&run("pdftotext", &["-raw"], &without));
    assert!(!text.contains("Panelrecord"));
}
