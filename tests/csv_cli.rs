//! `htq-studio export FILE --mapping-csv OUT.csv` writes the KSB mapping spreadsheet.

use htq_studio::model::synthetic::{Size, curriculum};
use htq_studio::store;
use std::process::Command;

#[test]
fn export_writes_one_row_per_ksb() {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("c.ron");
    let out = dir.path().join("mapping.csv");
    let doc = curriculum(Size {
        units: 8,
        outcomes_per_unit: 2,
        criteria_per_outcome: 3,
        standards: 2,
        ksbs_per_standard: 12,
        mappings: 30,
    });
    store::save(&path, &doc).expect("saves");
    let output = Command::new(env!("CARGO_BIN_EXE_htq-studio"))
        .arg("export")
        .arg(&path)
        .arg("--mapping-csv")
        .arg(&out)
        .output()
        .expect("the binary runs");
    assert!(
        output.status.success(),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    let written = std::fs::read_to_string(&out).expect("CSV written");
    let mut reader = csv::Reader::from_reader(written.as_bytes());
    let rows: Vec<csv::StringRecord> = reader.records().collect::<Result<_, _>>().expect("parses");
    assert_eq!(rows.len(), 24);
    assert_eq!((&rows[0][0], &rows[0][1]), ("ST9000", "K1"));
}

#[test]
fn export_without_an_output_says_what_to_ask_for() {
    let output = Command::new(env!("CARGO_BIN_EXE_htq-studio"))
        .args(["export", "c.ron"])
        .output()
        .expect("the binary runs");
    assert_eq!(output.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&output.stderr).contains("--mapping-csv"));
}
