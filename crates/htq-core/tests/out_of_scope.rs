//! KSBs the qualification leaves out of scope, with a reason: coverage is not asked of them
//! (no finding, the occupation is met without them), the mapping CSV and the specification
//! say so, the file keeps them, and a reason is required.

use htq_core::analysis::{Severity, analyse, check, claimed};
use htq_core::export::{PdfOptions, mapping_csv, specification_pdf};
use htq_core::model::{Curriculum, Edit, KsbId};
use std::path::Path;

const REASON: &str = "Assessed by the employer in the workplace";

fn shipped() -> Curriculum {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../curricula/medtech-htq.ron");
    htq_core::store::load(&path).expect("the shipped curriculum loads")
}

/// The shipped curriculum with ST0220 K12 mapped to no outcome, and that KSB.
fn with_k12_unmapped() -> (Curriculum, KsbId) {
    let mut doc = shipped();
    let k12 = KsbId::from("st0220-k12");
    doc.mappings.retain(|m| m.ksb != k12);
    (doc, k12)
}

fn messages(doc: &Curriculum, severity: Severity) -> Vec<String> {
    check(doc)
        .into_iter()
        .filter(|f| f.severity == severity)
        .map(|f| f.message)
        .collect()
}

#[test]
fn a_ksb_out_of_scope_with_a_reason_asks_for_no_coverage() {
    let (mut doc, k12) = with_k12_unmapped();
    let errors = messages(&doc, Severity::Error);
    assert!(
        errors
            .iter()
            .any(|m| m.starts_with("K12 (ST0220) is mapped to no")),
        "{errors:?}"
    );
    doc.apply(Edit::SetOutOfScope {
        ksb: k12.clone(),
        reason: Some(REASON.into()),
    })
    .expect("applies");
    assert_eq!(messages(&doc, Severity::Error), Vec::<String>::new());
    assert_eq!(messages(&doc, Severity::Warning), Vec::<String>::new());
    let st0220 = &claimed(&doc)[0];
    assert!(!st0220.ksbs.contains(&k12) && st0220.out_of_scope == [k12.clone()]);
    let analysis = analyse(&doc);
    assert!(analysis.occupations.occupations[0].met_everywhere());

    let csv = mapping_csv::mapping_csv(&doc);
    let row = csv
        .lines()
        .find(|l| l.starts_with("ST0220,K12,"))
        .expect("a row for K12");
    assert!(row.contains(&format!("Out of scope: {REASON}")), "{row}");

    let dir = tempfile::tempdir().expect("a folder");
    let pdf = dir.path().join("spec.pdf");
    let bytes = specification_pdf(&doc, &PdfOptions::default()).expect("the PDF is made");
    std::fs::write(&pdf, bytes).expect("written");
    let output = std::process::Command::new("pdftotext")
        .args(["-raw"])
        .arg(&pdf)
        .arg("-")
        .output()
        .expect("pdftotext (poppler-utils) is needed for this test");
    let text = String::from_utf8_lossy(&output.stdout)
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ");
    assert!(
        text.contains("Out of scope: Assessed by the employer in the workplace"),
        "the appendix says why K12 is not covered"
    );

    let path = dir.path().join("c.ron");
    htq_core::store::save(&path, &doc).expect("saves");
    let reloaded = htq_core::store::load(&path).expect("loads");
    assert_eq!(
        reloaded.qualification.out_of_scope,
        doc.qualification.out_of_scope
    );
}

#[test]
fn out_of_scope_needs_a_reason_and_goes_with_its_standard() {
    let (mut doc, k12) = with_k12_unmapped();
    doc.apply(Edit::SetOutOfScope {
        ksb: k12.clone(),
        reason: Some("  ".into()),
    })
    .expect("applies");
    assert_eq!(
        messages(&doc, Severity::Warning),
        [
            "K12 (ST0220) is out of scope with no reason; say why, for example \"delivered in the \
          workplace\""
        ]
    );
    doc.apply(Edit::SetOutOfScope {
        ksb: k12.clone(),
        reason: None,
    })
    .expect("brought back");
    assert!(doc.qualification.out_of_scope.is_empty());
    doc.apply(Edit::SetOutOfScope {
        ksb: k12,
        reason: Some(REASON.into()),
    })
    .expect("applies");
    let standard = doc.standards[0].id.clone();
    doc.apply(Edit::RemoveStandard { standard })
        .expect("removes");
    assert!(doc.qualification.out_of_scope.is_empty());
}

#[test]
fn a_file_naming_an_unknown_or_repeated_ksb_out_of_scope_is_refused_where_it_says_so() {
    let doc = shipped();
    let text = htq_core::store::to_string(&doc);
    let entry = "(ksb: \"st0220-k99\", reason: \"x\")";
    let bad = text.replacen(
        "        out_of_scope: [],",
        &format!("        out_of_scope: [{entry}],"),
        1,
    );
    let error = htq_core::store::from_str(&bad, Path::new("c.ron")).expect_err("refused");
    assert!(
        error
            .to_string()
            .contains("the list of KSBs out of scope names KSB \"st0220-k99\""),
        "{error}"
    );
    let twice = "(ksb: \"st0220-k1\", reason: \"x\"), (ksb: \"st0220-k1\", reason: \"y\")";
    let bad = text.replacen(
        "        out_of_scope: [],",
        &format!("        out_of_scope: [{twice}],"),
        1,
    );
    let error = htq_core::store::from_str(&bad, Path::new("c.ron")).expect_err("refused");
    assert!(
        error.to_string().contains("listed twice as out of scope"),
        "{error}"
    );
}
