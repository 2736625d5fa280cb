//! Replays every input kept in `tests/fixtures/fuzz-regressions/` the way its fuzz target in
//! `fuzz/` runs it, so a fixed crash stays fixed without running the fuzzer:
//!
//! - `load-*`: the bytes go to the loader, raw and lossily decoded; whatever loads must come
//!   back unchanged from its canonical text.
//! - `pdf-*`: a curriculum that must load and then export to PDF, whole and as its first
//!   unit, without a panic.

use htq_core::export::{self, PdfOptions};
use htq_core::store;
use std::fs;
use std::path::{Path, PathBuf};

fn regressions(prefix: &str) -> Vec<PathBuf> {
    let folder = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/fuzz-regressions");
    let mut files: Vec<PathBuf> = fs::read_dir(folder)
        .into_iter()
        .flatten()
        .flatten()
        .map(|entry| entry.path())
        .filter(|path| {
            path.file_name()
                .is_some_and(|name| name.to_string_lossy().starts_with(prefix))
        })
        .collect();
    files.sort();
    files
}

fn round_trip(text: &str, path: &Path) {
    if let Ok(doc) = store::from_str(text, path) {
        let canonical = store::to_string(&doc);
        assert_eq!(
            store::from_str(&canonical, path).as_ref(),
            Ok(&doc),
            "{}: the canonical text loads differently",
            path.display()
        );
    }
}

#[test]
fn loader_regressions_load_or_fail_cleanly_and_round_trip() {
    let files = regressions("load-");
    assert!(
        !files.is_empty(),
        "the loader regression inputs are missing"
    );
    for path in files {
        let bytes = fs::read(&path).unwrap_or_default();
        if let Ok(text) = std::str::from_utf8(&bytes) {
            round_trip(text, &path);
        }
        round_trip(&String::from_utf8_lossy(&bytes), &path);
    }
}

#[test]
fn pdf_regressions_load_and_export() {
    let files = regressions("pdf-");
    assert!(!files.is_empty(), "the PDF regression inputs are missing");
    for path in files {
        let doc = match store::load(&path) {
            Ok(doc) => doc,
            Err(error) => panic!("a PDF regression input must load: {error}"),
        };
        let whole = export::specification_pdf(&doc, &PdfOptions::default());
        assert!(whole.is_ok(), "{}: {whole:?}", path.display());
        if let Some(first) = doc.units.first() {
            let unit = Some(first.number.clone());
            let one = export::specification_pdf(
                &doc,
                &PdfOptions {
                    unit,
                    ..PdfOptions::default()
                },
            );
            assert!(one.is_ok(), "{}: {one:?}", path.display());
        }
    }
}
