//! Pure checks over a curriculum: findings with a severity and a location the GUI can jump to,
//! and the exact pathway-coverage analysis. No IO, no UI. Everything here is fast enough to run
//! after every edit.
//!
//! Each rule is a small function in the module for its topic; [`check`] runs them all and sorts
//! the findings.

mod cache;
mod combination;
pub mod compare;
mod completeness;
mod finding;
#[cfg(test)]
mod fixture;
mod identity;
mod mapping;
mod order;
mod pathways;
mod programme;
mod repeats;
mod verbs;

pub use cache::Analyser;
pub use compare::{Change, ChangeKind, Comparison, Subject, compare, describe_edit};
pub use finding::{Finding, Location, Severity};
pub use pathways::{KsbPathway, PathwayReport, PathwayStatus, pathway_report};

use crate::model::Curriculum;
use cache::Solved;

/// Findings and pathway coverage of one revision of a document, computed together so that a
/// caller who wants both (the GUI, the PDF appendix) solves the rules of combination once.
#[derive(Debug, Clone, PartialEq)]
pub struct Analysis {
    /// What [`check`] returns.
    pub findings: Vec<Finding>,
    /// What [`pathway_report`] returns.
    pub pathways: PathwayReport,
}

/// Every finding for `doc` and its pathway coverage. An editor that analyses every revision
/// should use an [`Analyser`], which gives the same result faster.
pub fn analyse(doc: &Curriculum) -> Analysis {
    analyse_solved(doc, &Solved::new(doc))
}

/// [`analyse`] with the programme solver's part already done for `doc`.
fn analyse_solved(doc: &Curriculum, solved: &Solved) -> Analysis {
    let mut findings = Vec::new();
    identity::check(doc, &mut findings);
    completeness::check(doc, &mut findings);
    verbs::check(doc, &mut findings);
    mapping::check(doc, &mut findings);
    combination::check(doc, &solved.combination, &mut findings);
    pathways::check(doc, &solved.pathways, &mut findings);
    order::sort(doc, &mut findings);
    Analysis {
        findings,
        pathways: solved.pathways.clone(),
    }
}

/// Every finding for `doc`: errors first, then warnings, then hints, each in document order.
pub fn check(doc: &Curriculum) -> Vec<Finding> {
    analyse(doc).findings
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_clean_certificate_has_no_findings() {
        let analysis = analyse(&fixture::hnc());
        assert_eq!(analysis.findings, Vec::new());
        assert_eq!(analysis.pathways, pathway_report(&fixture::hnc()));
        assert!(
            analysis
                .pathways
                .ksbs
                .iter()
                .all(|k| k.status == PathwayStatus::Mandatory)
        );
    }

    #[test]
    fn errors_come_first_then_document_order() {
        let mut doc = fixture::hnc();
        doc.units[2].regulator_code = "bad".into();
        doc.units[5].number = "5106".into();
        doc.units[1].number = "41".into();
        let got: Vec<(Severity, String)> = check(&doc)
            .iter()
            .map(|f| (f.severity, f.location.describe(&doc)))
            .collect();
        assert_eq!(
            got,
            [
                (Severity::Error, "unit 41".to_owned()),
                (Severity::Error, "unit 5106".to_owned()),
                (Severity::Warning, "unit 4103".to_owned()),
            ]
        );
    }
}
