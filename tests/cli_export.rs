//! The specification and minutes PDFs from the command line: `export --pdf`, `--minutes` and
//! `--with-minutes`, read back with poppler; exports made at one date are byte-for-byte the
//! same.

use std::path::{Path, PathBuf};
use std::process::Command;

fn curriculum(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("curricula")
        .join(name)
}

fn draft_path() -> PathBuf {
    curriculum("medtech-htq-draft.ron")
}

/// The text of a PDF, spaces and line breaks removed.
fn squeezed(pdf: &Path) -> String {
    let output = Command::new("pdftotext")
        .args(["-raw".as_ref(), pdf.as_os_str(), "-".as_ref()])
        .output()
        .expect("pdftotext runs (poppler-utils, installed by .ci/deps)");
    String::from_utf8_lossy(&output.stdout)
        .chars()
        .filter(|c| !c.is_whitespace())
        .collect()
}

#[test]
fn exports_made_at_one_date_are_the_same_bytes() {
    let source = curriculum("medtech-htq.ron");
    let dir = tempfile::tempdir().unwrap();
    let export = |name: &str| {
        let out = dir.path().join(name);
        let status = Command::new(env!("CARGO_BIN_EXE_htq-studio"))
            .args([
                "export".as_ref(),
                source.as_os_str(),
                "--pdf".as_ref(),
                out.as_os_str(),
            ])
            .env("SOURCE_DATE_EPOCH", "1762684920")
            .output()
            .unwrap();
        assert!(status.status.success(), "{status:?}");
        std::fs::read(out).unwrap()
    };
    assert!(
        export("a.pdf") == export("b.pdf"),
        "two exports at one date differ"
    );
}

#[test]
fn the_command_line_writes_minutes_and_the_appendix() {
    let dir = tempfile::tempdir().expect("a temporary folder");
    let minutes = dir.path().join("minutes.pdf");
    let spec = dir.path().join("spec.pdf");
    let output = Command::new(env!("CARGO_BIN_EXE_htq-studio"))
        .arg("export")
        .arg(draft_path())
        .arg("--minutes")
        .arg(&minutes)
        .arg("--pdf")
        .arg(&spec)
        .arg("--with-minutes")
        .output()
        .expect("the program runs");
    assert!(
        output.status.success(),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    let minutes_text = squeezed(&minutes);
    assert!(minutes_text.contains("Panelminutes"));
    let spec_text = squeezed(&spec);
    assert!(spec_text.contains("Appendix:Panelrecord"));

    let refused = Command::new(env!("CARGO_BIN_EXE_htq-studio"))
        .arg("export")
        .arg(draft_path())
        .arg("--pdf")
        .arg(&spec)
        .args(["--unit", "4010", "--with-minutes"])
        .output()
        .expect("the program runs");
    assert!(!refused.status.success());
}
