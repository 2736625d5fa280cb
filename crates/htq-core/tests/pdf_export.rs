//! The specification PDF read back with poppler and qpdf (installed by `.ci/deps`): text,
//! contents page numbers, outline, fonts, metadata and structure.

use htq_core::export::{ExportError, PdfOptions, specification_pdf};
use htq_core::model::synthetic::{Size, curriculum};
use htq_core::model::{CriterionNumbers, Curriculum};
use std::path::{Path, PathBuf};
use std::process::Command;

fn shipped() -> Curriculum {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../curricula/medtech-htq.ron");
    htq_core::store::load(&path).expect("the shipped curriculum loads")
}

/// Writes `doc`'s PDF to a temporary folder.
fn export_in(doc: &Curriculum, options: &PdfOptions) -> (tempfile::TempDir, PathBuf) {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("spec.pdf");
    std::fs::write(&path, specification_pdf(doc, options).unwrap()).unwrap();
    (dir, path)
}

/// Runs a poppler or qpdf tool and returns its standard output.
fn run(tool: &str, args: &[&str], pdf: &Path) -> String {
    let output = Command::new(tool)
        .args(args)
        .arg(pdf)
        .args(if tool == "pdftotext" {
            &["-"][..]
        } else {
            &[][..]
        })
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

fn page_text(pdf: &Path, page: usize) -> String {
    let page = page.to_string();
    squeezed(&run("pdftotext", &["-raw", "-f", &page, "-l", &page], pdf))
}

#[test]
fn every_unit_outcome_and_criterion_is_in_the_text() {
    let doc = shipped();
    let (_dir, pdf) = export_in(&doc, &PdfOptions::default());
    let text = squeezed(&run("pdftotext", &["-raw"], &pdf));
    for unit in &doc.units {
        assert!(
            text.contains(&squeezed(&unit.title)),
            "unit title {:?}",
            unit.title
        );
        let numbers = CriterionNumbers::of(unit);
        for outcome in &unit.outcomes {
            assert!(
                text.contains(&squeezed(&outcome.text)),
                "outcome {:?}",
                outcome.text
            );
            for criterion in &outcome.criteria {
                let numbered = format!("{}{}", numbers.get(&criterion.id), criterion.text);
                assert!(
                    text.contains(&squeezed(&numbered)),
                    "criterion {numbered:?}"
                );
            }
        }
    }
    for ksb in doc.standards.iter().flat_map(|s| &s.ksbs) {
        assert!(text.contains(&squeezed(&ksb.text)), "KSB {:?}", ksb.text);
    }
}

#[test]
fn contents_page_numbers_are_where_the_headings_are() {
    let doc = shipped();
    let (_dir, pdf) = export_in(&doc, &PdfOptions::default());
    let contents = run("pdftotext", &["-layout", "-f", "2", "-l", "2"], &pdf);
    let mut checked = 0;
    for unit in &doc.units {
        let title = format!("Unit {}: {}", unit.number, unit.title);
        let line = contents
            .lines()
            .find(|line| squeezed(line).starts_with(&squeezed(&title)))
            .unwrap_or_else(|| panic!("{title} is not in the contents:\n{contents}"));
        let page: usize = line
            .split_whitespace()
            .last()
            .and_then(|n| n.parse().ok())
            .unwrap();
        let heading = squeezed(&format!("{title} Level {}", unit.level));
        assert!(
            page_text(&pdf, page).contains(&heading),
            "{title} heading is not on page {page}"
        );
        checked += 1;
    }
    assert_eq!(checked, doc.units.len());
}

#[test]
fn the_outline_lists_every_section_and_unit_at_its_page() {
    let doc = shipped();
    let (_dir, pdf) = export_in(&doc, &PdfOptions::default());
    let json: serde_json::Value =
        serde_json::from_str(&run("qpdf", &["--json", "--json-key=outlines"], &pdf)).unwrap();
    let outlines = json["outlines"].as_array().unwrap();
    let titles: Vec<&str> = outlines
        .iter()
        .filter_map(|o| o["title"].as_str())
        .collect();
    assert_eq!(
        titles,
        [
            "Contents",
            "1 Qualification summary",
            "2 Qualification structure",
            "3 Units",
            "Appendix: KSB mapping"
        ]
    );
    let units = outlines[3]["kids"].as_array().unwrap();
    assert_eq!(units.len(), doc.units.len());
    for (entry, unit) in units.iter().zip(&doc.units) {
        let title = format!("Unit {}: {}", unit.number, unit.title);
        assert_eq!(entry["title"].as_str(), Some(title.as_str()));
        let page = entry["destpageposfrom1"].as_u64().unwrap() as usize;
        let heading = squeezed(&format!("{title} Level {}", unit.level));
        assert!(
            page_text(&pdf, page).contains(&heading),
            "bookmark {title} -> page {page}"
        );
    }
    assert_eq!(
        outlines[4]["kids"].as_array().unwrap().len(),
        doc.standards.len()
    );
}

#[test]
fn fonts_are_embedded_and_the_file_is_well_formed() {
    let doc = shipped();
    let (_dir, pdf) = export_in(&doc, &PdfOptions::default());
    let fonts = run("pdffonts", &[], &pdf);
    let rows: Vec<&str> = fonts.lines().skip(2).collect();
    assert_eq!(rows.len(), 4, "{fonts}");
    for row in rows {
        assert!(
            row.starts_with(|c: char| c.is_ascii_uppercase()) && row.contains("NotoSans"),
            "{row}"
        );
        let columns: Vec<&str> = row.split_whitespace().collect();
        assert_eq!(
            &columns[columns.len() - 5..columns.len() - 2],
            ["yes", "yes", "yes"],
            "{row}"
        );
    }
    run("qpdf", &["--check"], &pdf);
}

#[test]
fn an_export_without_a_date_is_never_dated_1970() {
    let (_dir, pdf) = export_in(&shipped(), &PdfOptions::default());
    let info = run("pdfinfo", &[], &pdf);
    assert!(
        !info.contains("CreationDate") && !info.contains("1970"),
        "no made-up date: {info}"
    );
}

#[test]
fn metadata_names_the_qualification_and_the_awarding_body() {
    let doc = shipped();
    let made = PdfOptions {
        created: Some(time::macros::datetime!(2026-11-09 10:42:00 UTC)),
        ..PdfOptions::default()
    };
    let (_dir, pdf) = export_in(&doc, &made);
    let info = run("pdfinfo", &["-isodates"], &pdf);
    let field = |name: &str| {
        info.lines()
            .find_map(|line| {
                line.strip_prefix(name)
                    .map(|v| v.trim_start_matches(':').trim().to_owned())
            })
            .unwrap_or_default()
    };
    assert_eq!(field("Title"), doc.qualification.title);
    assert_eq!(field("Author"), doc.qualification.awarding_body);
    assert!(field("Subject").contains("Specification"));
    assert!(field("Keywords").contains("Higher Technical Qualification"));
    for date in ["CreationDate", "ModDate"] {
        let value = field(date);
        assert!(value.starts_with("2026-11-09T10:42:00"), "{date}: {value}");
    }
    let bytes = std::fs::read(&pdf).unwrap();
    assert!(
        bytes.windows(12).any(|w| w == b"/Lang(en-GB)"),
        "the language is declared"
    );
}

#[test]
fn one_unit_on_its_own() {
    let doc = shipped();
    let unit = &doc.units[2];
    let (_dir, pdf) = export_in(
        &doc,
        &PdfOptions {
            unit: Some(unit.number.clone()),
            ..PdfOptions::default()
        },
    );
    let text = squeezed(&run("pdftotext", &["-raw"], &pdf));
    assert!(text.contains(&squeezed(&unit.title)));
    assert!(!text.contains(&squeezed(&doc.units[3].outcomes[0].text)));
    assert!(!text.contains("Contents"));
    let missing = specification_pdf(
        &doc,
        &PdfOptions {
            unit: Some("0000".into()),
            ..PdfOptions::default()
        },
    );
    assert_eq!(missing, Err(ExportError::UnitNotFound("0000".into())));
}

#[test]
fn hostile_content_exports_to_a_valid_pdf() {
    let mut doc = curriculum(Size {
        units: 200,
        outcomes_per_unit: 2,
        criteria_per_outcome: 3,
        standards: 1,
        ksbs_per_standard: 10,
        mappings: 40,
    });
    let huge_word = "Á".repeat(5000);
    let long_field = "lorem ".repeat(2000);
    doc.units[0].title = format!("Emoji 😀🧪 “quoted” – שלום مرحبا {huge_word}");
    doc.units[0].introduction = long_field.clone();
    doc.units[0].outcomes[0].criteria[0].text = format!("{long_field}{huge_word}");
    doc.units[1].introduction = String::new();
    doc.units[1].resources.clear();
    doc.units[1].outcomes.clear();
    doc.qualification.purpose = long_field;
    doc.qualification.issue.clear();
    let (_dir, pdf) = export_in(&doc, &PdfOptions::default());
    run("qpdf", &["--check"], &pdf);
    let text = run("pdftotext", &["-raw", "-f", "1", "-l", "40"], &pdf);
    assert!(
        text.contains("Emoji “quoted” –"),
        "emoji dropped, typography kept"
    );
    let pages: usize = run("pdfinfo", &[], &pdf)
        .lines()
        .find_map(|l| l.strip_prefix("Pages:").and_then(|n| n.trim().parse().ok()))
        .unwrap();
    assert!(pages > 400, "{pages} pages");
}

#[test]
fn the_pdf_is_1_7_with_xmp_metadata_and_its_title_shown_and_claims_no_pdfx() {
    let doc = shipped();
    let (_dir, pdf) = export_in(&doc, &PdfOptions::default());
    let info = run("pdfinfo", &[], &pdf);
    assert!(info.contains("PDF version:     1.7"), "{info}");
    assert!(info.contains("Metadata Stream: yes"), "{info}");
    let xmp = run("pdfinfo", &["-meta"], &pdf);
    assert!(
        xmp.contains(&format!(
            "<dc:title><rdf:Alt><rdf:li xml:lang=\"x-default\">{}</rdf:li></rdf:Alt></dc:title>",
            doc.qualification.title
        )),
        "{xmp}"
    );
    assert!(xmp.contains("<dc:language><rdf:Bag><rdf:li>en-GB</rdf:li>"));
    let bytes = std::fs::read(&pdf).expect("the PDF reads back");
    let has = |needle: &[u8]| bytes.windows(needle.len()).any(|w| w == needle);
    assert!(
        !has(b"GTS_PDFX"),
        "no PDF/X key for a file that is not PDF/X"
    );
    assert!(has(b"/DisplayDocTitle true"));
    assert!(has(b"/Lang(en-GB)") || has(b"/Lang (en-GB)"));
}
