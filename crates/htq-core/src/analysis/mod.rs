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
mod occupations;
mod order;
mod pathways;
mod programme;
mod repeats;
mod verbs;

pub use cache::Analyser;
pub use compare::{Change, ChangeKind, Comparison, Subject, compare, describe_edit};
pub use finding::{Finding, FindingKind, Location, Severity};
pub use occupations::{
    Occupation, OccupationCoverage, OccupationReport, claimed, claimed_ksbs, ksb_codes,
    unit_numbers,
};
pub(crate) use pathways::covering_units;
pub use pathways::{KsbPathway, PathwayReport, PathwayStatus, pathway_report};

use crate::model::{Curriculum, UnitId};
use cache::Solved;

/// Findings and pathway coverage of one revision of a document, computed together so that a
/// caller who wants both (the GUI, the PDF appendix) solves the rules of combination once.
#[derive(Debug, Clone, PartialEq)]
pub struct Analysis {
    /// What [`check`] returns.
    pub findings: Vec<Finding>,
    /// What [`pathway_report`] returns.
    pub pathways: PathwayReport,
    /// Coverage of every occupation the qualification claims.
    pub occupations: OccupationReport,
}

impl Analysis {
    /// Treats the units `is_draft` names as drafts the designer has not begun to write: the
    /// text they lack becomes [`FindingKind::ToWrite`] hints instead of errors and warnings,
    /// and the findings are sorted again. Everything else about those units is still checked.
    pub fn treat_as_drafts(&mut self, doc: &Curriculum, is_draft: impl Fn(&UnitId) -> bool) {
        let mut changed = false;
        for finding in &mut self.findings {
            if finding.kind == FindingKind::Completeness
                && finding
                    .location
                    .unit(doc)
                    .is_some_and(|unit| is_draft(&unit.id))
            {
                finding.kind = FindingKind::ToWrite;
                finding.severity = Severity::Hint;
                changed = true;
            }
        }
        if changed {
            order::sort(doc, &mut self.findings);
        }
    }
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
    occupations::check(doc, &solved.occupations, &mut findings);
    order::sort(doc, &mut findings);
    Analysis {
        findings,
        pathways: solved.pathways.clone(),
        occupations: solved.occupations.clone(),
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
    fn a_draft_unit_lists_its_empty_text_as_hints_to_write() {
        let mut doc = fixture::hnc();
        let draft = crate::model::template::unit(&doc, crate::model::Theme::LabSkills, 4);
        let id = draft.id.clone();
        doc.units.push(draft);
        let full = analyse(&doc);
        let mut drafted = full.clone();
        drafted.treat_as_drafts(&doc, |unit| *unit == id);
        let in_draft = |f: &&Finding| f.location.unit(&doc).is_some_and(|u| u.id == id);
        let missing: Vec<&Finding> = full
            .findings
            .iter()
            .filter(in_draft)
            .filter(|f| f.kind == FindingKind::Completeness)
            .collect();
        assert!(missing.iter().any(|f| f.severity == Severity::Error));
        let to_write: Vec<&Finding> = drafted
            .findings
            .iter()
            .filter(|f| f.kind == FindingKind::ToWrite)
            .collect();
        assert_eq!(to_write.len(), missing.len());
        assert!(
            to_write
                .iter()
                .all(|f| f.severity == Severity::Hint && in_draft(f))
        );
        assert!(
            drafted
                .findings
                .iter()
                .filter(in_draft)
                .all(|f| f.kind != FindingKind::Completeness),
            "nothing of the draft is still missing text"
        );
        assert!(
            drafted
                .findings
                .iter()
                .any(|f| in_draft(&f) && f.kind == FindingKind::Rules),
            "the draft's place in the rules is still checked"
        );
        let severities: Vec<Severity> = drafted.findings.iter().map(|f| f.severity).collect();
        assert!(severities.is_sorted(), "errors still come first");
        drafted.treat_as_drafts(&doc, |_| false);
        assert_eq!(drafted.findings.len(), full.findings.len());
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
