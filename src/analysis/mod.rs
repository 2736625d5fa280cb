//! Pure checks over a curriculum: findings with a severity and a location the GUI can jump to,
//! and the exact pathway-coverage analysis. No IO, no UI. Everything here is fast enough to run
//! after every edit.
//!
//! Each rule is a small function in the module for its topic; [`check`] runs them all and sorts
//! the findings.

mod combination;
mod completeness;
mod finding;
#[cfg(test)]
mod fixture;
mod identity;
mod mapping;
mod order;
mod pathways;
mod programme;
mod verbs;

pub use finding::{Finding, Location, Severity};
pub use pathways::{KsbPathway, PathwayReport, PathwayStatus, pathway_report};

use crate::model::Curriculum;
use programme::Programmes;

/// Every finding for `doc`: errors first, then warnings, then hints, each in document order.
pub fn check(doc: &Curriculum) -> Vec<Finding> {
    let mut findings = Vec::new();
    identity::check(doc, &mut findings);
    completeness::check(doc, &mut findings);
    verbs::check(doc, &mut findings);
    mapping::check(doc, &mut findings);
    let programmes = Programmes::new(doc);
    combination::check(doc, &programmes, &mut findings);
    let report = pathways::report(doc, &programmes);
    pathways::check(doc, &report, &mut findings);
    order::sort(doc, &mut findings);
    findings
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_clean_certificate_has_no_findings() {
        assert_eq!(check(&fixture::hnc()), Vec::new());
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
