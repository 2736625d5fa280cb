//! The KSB mapping CSV, parsed back with the `csv` crate: one row per KSB, units and outcomes
//! that cover it, best coverage, pathway status, notes, and quoting of awkward text.

use htq_core::export::mapping_csv::{HEADINGS, mapping_csv, neutralise_formula};
use htq_core::import::{import_into, read_standard};
use htq_core::model::synthetic::{Size, curriculum};
use htq_core::model::{Coverage, Curriculum, Edit, TextField};
use std::collections::HashMap;
use std::path::Path;

/// A diploma whose first eight units (4001-4008) are mandatory, with one standard of ten KSBs
/// and no mappings yet.
fn diploma() -> Curriculum {
    curriculum(Size {
        units: 32,
        outcomes_per_unit: 2,
        criteria_per_outcome: 3,
        standards: 1,
        ksbs_per_standard: 10,
        mappings: 0,
    })
}

fn map(doc: &mut Curriculum, outcome: &str, ksb: &str, coverage: Coverage, note: &str) {
    doc.apply(Edit::SetCoverage {
        outcome: outcome.into(),
        ksb: ksb.into(),
        coverage: Some(coverage),
    })
    .expect("maps");
    if !note.is_empty() {
        doc.apply(Edit::SetText {
            field: TextField::MappingNote(outcome.into(), ksb.into()),
            value: note.into(),
        })
        .expect("notes");
    }
}

/// Rows keyed by KSB code, each a map from heading to cell.
fn parse(text: &str) -> (Vec<String>, HashMap<String, HashMap<String, String>>) {
    let mut reader = csv::Reader::from_reader(text.as_bytes());
    let headings: Vec<String> = reader
        .headers()
        .expect("header row")
        .iter()
        .map(str::to_owned)
        .collect();
    let rows = reader
        .records()
        .map(|record| {
            let record = record.expect("well-formed row");
            let row: HashMap<String, String> = headings
                .iter()
                .cloned()
                .zip(record.iter().map(str::to_owned))
                .collect();
            (row["Code"].clone(), row)
        })
        .collect();
    (headings, rows)
}

#[test]
fn each_ksb_row_says_where_it_is_covered_and_whether_every_pathway_meets_it() {
    let mut doc = diploma();
    doc.standards[0].ksbs[0].text = "Conformité, \"quoted\" and commas".into();
    map(
        &mut doc,
        "u0-lo0",
        "st0-k0",
        Coverage::Full,
        "Case study, in class",
    );
    map(
        &mut doc,
        "u20-lo1",
        "st0-k1",
        Coverage::Partial,
        "Completed in the workplace; see \"placement log\"\nsecond line",
    );
    map(&mut doc, "u21-lo0", "st0-k1", Coverage::Full, "");
    map(&mut doc, "u0-lo1", "st0-k3", Coverage::Partial, "");
    map(&mut doc, "u0-lo0", "st0-k3", Coverage::Partial, "");

    let text = mapping_csv(&doc);
    assert!(
        text.as_bytes().starts_with(&[0xEF, 0xBB, 0xBF]),
        "UTF-8 BOM first"
    );
    assert!(text.contains("\"Conformité, \"\"quoted\"\" and commas\""));
    let (headings, rows) = parse(&text);
    assert_eq!(headings, HEADINGS);
    assert_eq!(rows.len(), 10);

    let k1 = &rows["K1"];
    assert_eq!(k1["Standard"], "ST9000");
    assert_eq!(k1["Kind"], "Knowledge");
    assert_eq!(k1["Statement"], "Conformité, \"quoted\" and commas");
    assert_eq!(k1["Units"], "4001");
    assert_eq!(k1["Learning outcomes"], "4001 LO1");
    assert_eq!(k1["Coverage"], "Full");
    assert_eq!(k1["Pathway status"], "Covered in every pathway");
    assert_eq!(k1["Notes"], "4001 LO1: Case study, in class");

    let s1 = &rows["S1"];
    assert_eq!(s1["Kind"], "Skill");
    assert_eq!(s1["Units"], "5021; 5022");
    assert_eq!(s1["Learning outcomes"], "5021 LO2; 5022 LO1");
    assert_eq!(s1["Coverage"], "Full", "the best coverage across mappings");
    assert!(
        s1["Pathway status"]
            .starts_with("Gap: some pathways miss it (e.g. a learner taking 4001, "),
        "{}",
        s1["Pathway status"]
    );
    assert_eq!(
        s1["Notes"],
        "5021 LO2: Completed in the workplace; see \"placement log\"\nsecond line"
    );

    let k2 = &rows["K2"];
    assert_eq!(
        (k2["Units"].as_str(), k2["Learning outcomes"].as_str()),
        ("", "")
    );
    assert_eq!(k2["Coverage"], "None");
    assert_eq!(k2["Pathway status"], "Not covered");

    let s2 = &rows["S2"];
    assert_eq!(s2["Units"], "4001", "a unit is listed once");
    assert_eq!(
        s2["Learning outcomes"], "4001 LO1; 4001 LO2",
        "in document order"
    );
    assert_eq!(s2["Coverage"], "Partial");
}

#[test]
fn rows_follow_standard_order_across_standards() {
    let mut doc = diploma();
    let path =
        Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/standards/st0220_v1.0.json");
    let standard = read_standard(&path).expect("fixture reads").standard;
    let (edit, _) = import_into(&doc, standard).expect("imports");
    doc.apply(edit).expect("applies");
    let text = mapping_csv(&doc);
    let mut reader = csv::Reader::from_reader(text.as_bytes());
    let keys: Vec<(String, String)> = reader
        .records()
        .map(|r| {
            let r = r.expect("row");
            (r[0].to_owned(), r[1].to_owned())
        })
        .collect();
    assert_eq!(keys.len(), 10 + 38);
    assert_eq!(keys[0], ("ST9000".to_owned(), "K1".to_owned()));
    assert_eq!(keys[10], ("ST0220".to_owned(), "K1".to_owned()));
    assert_eq!(keys[10 + 19], ("ST0220".to_owned(), "S1".to_owned()));
    assert_eq!(keys[47], ("ST0220".to_owned(), "B5".to_owned()));
}

#[test]
fn a_curriculum_without_standards_gives_only_the_header() {
    let mut doc = diploma();
    doc.mappings.clear();
    doc.standards.clear();
    let text = mapping_csv(&doc);
    assert_eq!(text, format!("\u{feff}{}\r\n", HEADINGS.join(",")));
}

proptest::proptest! {
    #[test]
    fn any_statement_and_note_survive_the_round_trip(
        statement in "\\PC[\\PC,\"\r\n ]{0,40}",
        note in "[\\PC,\"\r\n ]{0,40}",
    ) {
        let mut doc = diploma();
        doc.standards[0].ksbs[0].text.clone_from(&statement);
        map(&mut doc, "u0-lo0", "st0-k0", Coverage::Full, &note);
        let (_, rows) = parse(&mapping_csv(&doc));
        proptest::prop_assert_eq!(rows.len(), 10);
        let k1 = &rows["K1"];
        proptest::prop_assert_eq!(&k1["Statement"], &neutralise_formula(&statement));
        let expected = if note.trim().is_empty() {
            String::new()
        } else {
            format!("4001 LO1: {}", note.trim())
        };
        proptest::prop_assert_eq!(&k1["Notes"], &expected);
    }
}
