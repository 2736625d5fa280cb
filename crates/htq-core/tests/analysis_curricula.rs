//! `check` and `pathway_report` over the shipped example curricula: the finished one has no
//! errors and every KSB in every pathway; the draft has realistic errors, a pathway gap and an
//! occupation no learner reaches among them.

use htq_core::analysis::{PathwayStatus, Severity, check, pathway_report};
use htq_core::model::Curriculum;
use std::path::Path;

fn load(name: &str) -> Curriculum {
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../../curricula")
        .join(name);
    htq_core::store::load(&path).unwrap_or_else(|e| panic!("{name} does not load: {e}"))
}

fn listing(doc: &Curriculum) -> String {
    check(doc)
        .iter()
        .map(|f| {
            format!(
                "{} at {}: {}",
                f.severity,
                f.location.describe(doc),
                f.message
            )
        })
        .collect::<Vec<_>>()
        .join("\n")
}

#[test]
fn the_finished_curriculum_has_no_errors() {
    let doc = load("medtech-htq.ron");
    let findings = check(&doc);
    println!("{}", listing(&doc));
    assert!(
        findings.iter().all(|f| f.severity != Severity::Error),
        "{}",
        listing(&doc)
    );
    let report = pathway_report(&doc);
    assert!(report.any_valid_programme);
    assert!(
        report
            .ksbs
            .iter()
            .all(|k| k.status == PathwayStatus::Mandatory)
    );
}

#[test]
fn the_draft_has_realistic_errors_including_an_occupation_gap() {
    let doc = load("medtech-htq-draft.ron");
    println!("{}", listing(&doc));
    let report = pathway_report(&doc);
    assert!(
        report
            .ksbs
            .iter()
            .any(|k| matches!(k.status, PathwayStatus::SomePathways { .. }))
    );
    let errors: Vec<String> = check(&doc)
        .into_iter()
        .filter(|f| f.severity == Severity::Error)
        .map(|f| f.message)
        .collect();
    assert!(
        errors.iter().any(|m| m.starts_with(
            "no learner reaches ST0220 Healthcare science associate, which the qualification \
             claims: B4 has no outcome covering it"
        )),
        "{errors:#?}"
    );
    assert!(
        errors
            .iter()
            .any(|m| m.contains("valid programmes reach none of the claimed occupations")),
        "{errors:#?}"
    );
}
