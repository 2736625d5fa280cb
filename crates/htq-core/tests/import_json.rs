//! Reading standards from the fixture records in `tests/fixtures/standards`: a well-formed
//! standards API record, its newer version, a list of records, a CSV, and malformed records.

use htq_core::import::{
    ImportError, ReadOptions, StandardHeader, read_standard, read_standard_with,
    select_standard_from_json, standard_from_csv, standard_from_json,
};
use htq_core::model::{KsbKind, Standard};
use proptest::prelude::*;
use std::path::{Path, PathBuf};

fn fixture(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/standards")
        .join(name)
}

fn read(name: &str) -> Result<Standard, ImportError> {
    read_standard(&fixture(name)).map(|read| read.standard)
}

fn codes(standard: &Standard, ids: &[htq_core::model::KsbId]) -> Vec<String> {
    ids.iter()
        .filter_map(|id| standard.ksbs.iter().find(|k| &k.id == id))
        .map(|k| k.code.clone())
        .collect()
}

#[test]
fn a_full_record_becomes_a_standard_with_codes_in_array_order() {
    let standard = read("st0220_v1.0.json").expect("fixture reads");
    assert_eq!(standard.reference, "ST0220");
    assert_eq!(standard.title, "Healthcare science associate");
    assert_eq!(standard.level, 4, "level given as the text \"4\"");
    assert_eq!(standard.version, "1.0");
    assert!(!standard.illustrative);
    let count = |kind| standard.ksbs.iter().filter(|k| k.kind == kind).count();
    assert_eq!(
        (
            count(KsbKind::Knowledge),
            count(KsbKind::Skill),
            count(KsbKind::Behaviour)
        ),
        (19, 14, 5)
    );
    let first = &standard.ksbs[0];
    assert_eq!(
        (first.code.as_str(), first.id.as_str()),
        ("K1", "st0220-k1")
    );
    assert!(
        first
            .text
            .starts_with("The legal, ethical and professional rules")
    );
    let last = standard.ksbs.last().expect("has KSBs");
    assert_eq!((last.code.as_str(), last.id.as_str()), ("B5", "st0220-b5"));
    assert!(standard.summary.starts_with("ILLUSTRATIVE RECORD"));
    assert!(standard.summary.ends_with(
        "Typical job titles: Healthcare science associate, Associate practitioner, \
         Medical technical officer, Laboratory associate."
    ));
}

#[test]
fn duties_keep_their_mapped_ksbs_and_options_get_their_own() {
    let standard = read("st0220_v1.0.json").expect("fixture reads");
    assert_eq!(standard.duties.len(), 11);
    let first = &standard.duties[0];
    assert_eq!(first.code, "D1");
    assert_eq!(
        first.text,
        "Work within the legal and ethical framework of healthcare science practice."
    );
    assert_eq!(
        codes(&standard, &first.ksbs),
        ["K1", "K2", "K15", "S1", "S2", "B2"]
    );
    let titles: Vec<&str> = standard.options.iter().map(|o| o.title.as_str()).collect();
    assert_eq!(titles, ["Medical device technology", "Laboratory sciences"]);
    // K11 and B5 also serve core duties, so only K18 and S13 belong to the device option.
    assert_eq!(codes(&standard, &standard.options[0].ksbs), ["K18", "S13"]);
    assert_eq!(codes(&standard, &standard.options[1].ksbs), ["K19", "S14"]);
}

#[test]
fn the_newer_version_reads_with_a_numeric_version() {
    let standard = read("st0220_v1.1.json").expect("fixture reads");
    assert_eq!(standard.version, "1.1");
    assert_eq!(standard.level, 4);
    assert_eq!(standard.ksbs.len(), 19 + 13 + 6);
    let k4 = standard.ksbs.iter().find(|k| k.code == "K4").expect("K4");
    assert!(
        k4.text.starts_with("Human anatomy"),
        "old K5 moved up to K4"
    );
}

#[test]
fn malformed_records_name_the_field_and_the_file() {
    let cases = [
        (
            "malformed_level_text.json",
            "level must be a level from 1 to 8, found the text \"four\"",
        ),
        (
            "malformed_skills_not_list.json",
            "skills must be a list, found an object",
        ),
        (
            "malformed_empty_lists.json",
            "knowledges, skills and behaviours are all empty",
        ),
        ("malformed_truncated.json", "not valid JSON at line"),
    ];
    for (name, expected) in cases {
        let error = read(name).expect_err(name).to_string();
        assert!(error.contains(expected), "{name}: {error}");
        assert!(error.contains(name), "{name}: {error}");
    }
}

#[test]
fn truncated_json_reports_where_it_stops() {
    let error = read("malformed_truncated.json").expect_err("truncated");
    match error {
        ImportError::Json { line, message, .. } => {
            assert!(line > 100, "line {line}");
            assert!(message.contains("EOF"), "{message}");
        }
        other => panic!("expected a JSON error, got {other:?}"),
    }
}

#[test]
fn a_list_of_records_needs_a_reference_to_pick_one() {
    let path = fixture("standards_list.json");
    let unpicked = read_standard(&path).expect_err("two records").to_string();
    assert!(
        unpicked.contains("holds 2 standards (ST0950, ST0220)"),
        "{unpicked}"
    );
    let pick = |reference: &str| {
        let options = ReadOptions {
            reference: Some(reference.into()),
            ..ReadOptions::default()
        };
        read_standard_with(&path, &options).map(|read| read.standard)
    };
    let picked = pick("st0220").expect("ST0220 is in the list");
    assert_eq!(picked.ksbs.len(), 38);
    assert_eq!(pick("ST0950").expect("ST0950 too").level, 3);
    let missing = pick("ST9999").expect_err("not listed").to_string();
    assert!(
        missing.contains("no standard ST9999 in this list"),
        "{missing}"
    );
}

#[test]
fn a_single_record_is_checked_against_the_reference_asked_for() {
    let text = std::fs::read_to_string(fixture("st0220_v1.0.json")).expect("fixture");
    assert!(select_standard_from_json(&text, Some("ST0220")).is_ok());
    let error = select_standard_from_json(&text, Some("ST0950")).expect_err("other reference");
    assert_eq!(
        error.to_string(),
        "the standard: the record is ST0220, not ST0950"
    );
}

#[test]
fn unknown_extra_fields_anywhere_are_ignored() {
    let record = r#"{"referenceNumber":"ST0001","title":"T","level":5,"version":2,
        "somethingNew":{"nested":[1,2,3]},
        "knowledges":[{"knowledgeId":"a","detail":"K text","extra":true}],
        "skills":null,"behaviours":[],"duties":[{"dutyDetail":"Do","mappedKnowledge":["a"],
        "mappedSkills":null,"future":"x"}]}"#;
    let standard = standard_from_json(record).expect("valid record");
    assert_eq!((standard.level, standard.version.as_str()), (5, "2"));
    assert_eq!(standard.ksbs.len(), 1);
    assert_eq!(standard.duties[0].ksbs, [standard.ksbs[0].id.clone()]);
}

#[test]
fn the_csv_fixture_reads_with_header_from_its_name() {
    let standard =
        read("st0950-healthcare-engineering-specialist-technician-l3.csv").expect("CSV reads");
    assert_eq!(standard.reference, "ST0950");
    assert_eq!(
        standard.title,
        "Healthcare engineering specialist technician"
    );
    assert_eq!(standard.level, 3);
    let codes: Vec<&str> = standard.ksbs.iter().map(|k| k.code.as_str()).collect();
    assert_eq!(
        codes,
        [
            "K1", "K2", "K3", "K4", "K5", "K6", "K7", "S1", "S2", "S3", "S4", "S5", "B1", "B2",
            "B3"
        ]
    );
    assert!(
        standard.ksbs[2]
            .text
            .starts_with("Conformité Européenne (CE)")
    );
    assert_eq!(
        standard.ksbs[10].text,
        "Keep accurate records in the equipment management system, including \"return to \
         service\" checks."
    );
}

#[test]
fn csv_flags_override_the_file_name() {
    let options = ReadOptions {
        reference: Some("ST0950".into()),
        title: Some("Engineering technician".into()),
        level: Some(5),
    };
    let path = fixture("st0950-healthcare-engineering-specialist-technician-l3.csv");
    let standard = read_standard_with(&path, &options)
        .expect("CSV reads")
        .standard;
    assert_eq!(standard.title, "Engineering technician");
    assert_eq!(standard.level, 5);
}

/// A field of the good record replaced by an arbitrary JSON value.
fn mutated_record() -> impl Strategy<Value = String> {
    let leaf = prop_oneof![
        Just(serde_json::Value::Null),
        any::<bool>().prop_map(serde_json::Value::Bool),
        any::<i64>().prop_map(serde_json::Value::from),
        any::<f64>().prop_map(serde_json::Value::from),
        ".{0,12}".prop_map(serde_json::Value::String),
    ];
    let value = leaf.prop_recursive(3, 16, 4, |inner| {
        prop_oneof![
            prop::collection::vec(inner.clone(), 0..4).prop_map(serde_json::Value::Array),
            prop::collection::hash_map("[a-zA-Z]{1,12}", inner, 0..4)
                .prop_map(|m| serde_json::Value::Object(m.into_iter().collect())),
        ]
    });
    let text = std::fs::read_to_string(fixture("st0220_v1.0.json")).unwrap_or_default();
    let record: serde_json::Value = serde_json::from_str(&text).unwrap_or_default();
    let paths = [
        "/referenceNumber",
        "/level",
        "/version",
        "/title",
        "/knowledges",
        "/knowledges/3",
        "/knowledges/3/detail",
        "/skills/0/skillId",
        "/duties",
        "/duties/2/mappedSkills",
        "/duties/2/mappedSkills/0",
        "/duties/9/mappedOptions/0",
        "/options/0",
        "/typicalJobTitles",
        "/overviewOfRole",
    ];
    (0..paths.len(), value).prop_map(move |(at, value)| {
        let mut record = record.clone();
        if let Some(slot) = record.pointer_mut(paths[at]) {
            *slot = value;
        }
        record.to_string()
    })
}

proptest! {
    #[test]
    fn any_text_gives_a_standard_or_an_error_never_a_panic(text in ".{0,400}") {
        let _ = standard_from_json(&text);
        let header = StandardHeader {
            reference: "ST1".into(),
            title: "T".into(),
            level: 4,
            version: String::new(),
        };
        let _ = standard_from_csv(&text, header);
    }

    #[test]
    fn a_damaged_record_never_panics_and_a_standard_is_always_well_formed(
        record in mutated_record()
    ) {
        if let Ok(standard) = standard_from_json(&record) {
            let ids: std::collections::HashSet<_> = standard.ksbs.iter().map(|k| &k.id).collect();
            prop_assert_eq!(ids.len(), standard.ksbs.len());
            for id in standard.duties.iter().flat_map(|d| &d.ksbs) {
                prop_assert!(ids.contains(id));
            }
        }
    }
}
