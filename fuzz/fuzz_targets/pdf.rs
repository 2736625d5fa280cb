//! Fuzzes the specification PDF export with curricula from mutated curriculum files: each
//! curriculum that loads is exported whole and as its first unit alone. Exporting must never
//! panic; an `ExportError` is a fine answer.

#![no_main]

use htq_core::export::{self, PdfOptions};
use htq_core::store;
use libfuzzer_sys::fuzz_target;
use std::path::Path;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    let Ok(doc) = store::from_str(text, Path::new("fuzz.ron")) else {
        return;
    };
    let _ = export::specification_pdf(&doc, &PdfOptions::default());
    if let Some(first) = doc.units.first() {
        let unit = Some(first.number.clone());
        let _ = export::specification_pdf(
            &doc,
            &PdfOptions {
                unit,
                ..PdfOptions::default()
            },
        );
    }
});
