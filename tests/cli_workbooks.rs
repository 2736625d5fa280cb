//! `htq-studio export FILE --structure-xlsx OUT --mapping-xlsx OUT` writes both submission
//! workbooks from the shipped curriculum; what they hold is read back cell by cell. No
//! export (workbook or web page) is written over the curriculum it is made from.

use calamine::{Reader, Xlsx};
use std::path::Path;
use std::process::Command;

type Result<T = ()> = std::result::Result<T, Box<dyn std::error::Error>>;

#[test]
fn export_writes_both_workbooks_and_they_read_back() -> Result {
    let dir = tempfile::tempdir()?;
    let shipped = Path::new(env!("CARGO_MANIFEST_DIR")).join("curricula/medtech-htq.ron");
    let doc = htq_studio::store::load(&shipped)?;
    let output = Command::new(env!("CARGO_BIN_EXE_htq-studio"))
        .arg("export")
        .arg(&shipped)
        .args(["--structure-xlsx", "structure.xlsx"])
        .args(["--mapping-xlsx", "mapping"])
        .current_dir(dir.path())
        .output()?;
    assert!(
        output.status.success(),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    let said = String::from_utf8_lossy(&output.stdout);
    assert!(said.contains("wrote structure.xlsx"), "{said}");

    let mut structure: Xlsx<_> = calamine::open_workbook(dir.path().join("structure.xlsx"))?;
    let units = structure.worksheet_range("Units")?;
    assert_eq!(units.height(), 4 + doc.units.len());
    let first = &doc.units[0];
    assert_eq!(
        units.get_value((4, 0)).map(ToString::to_string),
        Some(first.number.clone())
    );
    assert_eq!(
        units.get_value((4, 3)).map(ToString::to_string),
        Some(first.credits.to_string())
    );

    let mut mapping: Xlsx<_> = calamine::open_workbook(dir.path().join("mapping"))?;
    let claimed = htq_studio::analysis::claimed(&doc);
    assert_eq!(mapping.sheet_names().len(), claimed.len());
    let sheet = mapping.worksheet_range(&mapping.sheet_names()[0])?;
    assert_eq!(sheet.height(), 4 + claimed[0].ksbs.len());
    Ok(())
}

#[test]
fn an_export_over_the_curriculum_is_refused_and_the_curriculum_kept() -> Result {
    let dir = tempfile::tempdir()?;
    let shipped = Path::new(env!("CARGO_MANIFEST_DIR")).join("curricula/medtech-htq.ron");
    let path = dir.path().join("c.ron");
    std::fs::copy(&shipped, &path)?;
    let original = std::fs::read(&path)?;
    for flag in ["--structure-xlsx", "--mapping-xlsx", "--html"] {
        let output = Command::new(env!("CARGO_BIN_EXE_htq-studio"))
            .args(["export", "c.ron", flag, "c.ron"])
            .current_dir(dir.path())
            .output()?;
        assert_eq!(output.status.code(), Some(2), "{flag}");
        assert!(String::from_utf8_lossy(&output.stderr).contains("this command reads"));
        assert_eq!(std::fs::read(&path)?, original, "{flag}");
    }
    Ok(())
}
