//! `import-standard` with hostile or awkward standards: a record so large or with texts so
//! long that the curriculum could not be opened again, a byte order mark, a key given twice.
//! Whatever is refused leaves the curriculum byte for byte as it was, with exit code 2 and a
//! message that says why; what is accepted saves a file that loads.

use htq_studio::model::synthetic::{Size, curriculum};
use htq_studio::store;
use serde_json::Value;
use std::fs;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};

type Result<T = ()> = std::result::Result<T, Box<dyn std::error::Error>>;

/// A folder with a small saved curriculum `c.ron`.
fn folder() -> Result<(tempfile::TempDir, Vec<u8>)> {
    let dir = tempfile::tempdir()?;
    store::save(&dir.path().join("c.ron"), &curriculum(Size::TINY))?;
    let bytes = fs::read(dir.path().join("c.ron"))?;
    Ok((dir, bytes))
}

/// The fixture record ST0220 as a JSON value.
fn record() -> Result<Value> {
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("crates/htq-core/tests/fixtures/standards/st0220_v1.0.json");
    Ok(serde_json::from_str(&fs::read_to_string(path)?)?)
}

fn import(dir: &Path, standard: &str) -> Result<Output> {
    Ok(Command::new(env!("CARGO_BIN_EXE_htq-studio"))
        .args(["import-standard", standard, "--into", "c.ron"])
        .current_dir(dir)
        .output()?)
}

/// Imports `bytes` saved as `name` and checks the refusal: exit 2, `expected` in the error,
/// the curriculum unchanged.
fn refused(name: &str, bytes: &[u8], expected: &str) -> Result<String> {
    let (dir, before) = folder()?;
    let standard: PathBuf = dir.path().join(name);
    fs::write(&standard, bytes)?;
    let output = import(dir.path(), name)?;
    let message = String::from_utf8_lossy(&output.stderr).into_owned();
    assert_eq!(output.status.code(), Some(2), "{message}");
    assert!(
        message.starts_with("error: ") && message.contains(expected),
        "{message}"
    );
    assert_eq!(
        fs::read(dir.path().join("c.ron"))?,
        before,
        "the curriculum changed"
    );
    Ok(message)
}

#[test]
fn a_ksb_text_too_long_to_open_again_is_not_saved() -> Result {
    let mut record = record()?;
    record["knowledges"][0]["detail"] = Value::String("K".repeat(150_000));
    let message = refused(
        "st.json",
        &serde_json::to_vec(&record)?,
        "did not save c.ron: HTQ Studio could not open the file it would write: this text",
    )?;
    assert!(message.contains("is 150000 characters long"), "{message}");
    Ok(())
}

#[test]
fn a_title_too_long_to_open_again_is_not_saved() -> Result {
    let mut record = record()?;
    record["title"] = Value::String("T".repeat(150_000));
    refused(
        "st.json",
        &serde_json::to_vec(&record)?,
        "HTQ Studio could not open the file it would write",
    )
    .map(drop)
}

#[test]
fn a_record_larger_than_the_limit_is_not_read() -> Result {
    let mut record = record()?;
    record["overviewOfRole"] = Value::String("o".repeat(20 * 1024 * 1024));
    refused(
        "st.json",
        &serde_json::to_vec(&record)?,
        "st.json: cannot read the file: the file is larger than 16 MiB",
    )
    .map(drop)
}

#[test]
fn a_csv_larger_than_the_limit_is_not_read() -> Result {
    let mut csv = String::from("code,kind,text\n");
    let line = format!("K1,knowledge,{}\n", "x".repeat(1000));
    csv.push_str(&line.repeat(17 * 1024));
    refused("st0950.csv", csv.as_bytes(), "larger than 16 MiB").map(drop)
}

#[test]
fn a_key_given_twice_is_named_with_its_place() -> Result {
    let text = serde_json::to_string_pretty(&record()?)?.replacen(
        "  \"title\": \"Healthcare science associate\",",
        "  \"title\": \"Healthcare science associate\",\n  \"title\": \"Something else\",",
        1,
    );
    let message = refused(
        "st.json",
        text.as_bytes(),
        "the key \"title\" is given twice in the same object",
    )?;
    let line = 1 + text[..text.find("\"Something else\"").unwrap_or(0)]
        .matches('\n')
        .count();
    assert!(
        message.starts_with(&format!("error: st.json: line {line}, column ")),
        "{message}"
    );
    Ok(())
}

#[test]
fn a_record_starting_with_a_byte_order_mark_is_imported() -> Result {
    let (dir, _) = folder()?;
    let mut bytes = "\u{feff}".as_bytes().to_vec();
    bytes.extend(serde_json::to_vec(&record()?)?);
    fs::write(dir.path().join("st.json"), bytes)?;
    let output = import(dir.path(), "st.json")?;
    assert!(
        output.status.success(),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    let doc = store::load(&dir.path().join("c.ron"))?;
    assert!(doc.standards.iter().any(|s| s.reference == "ST0220"));
    Ok(())
}
