//! Completeness rules: required text present, every outcome with a Pass criterion and usually
//! one Merit and one Distinction, four learning outcomes per unit, essential content present.

use super::{Finding, FindingKind, Location};
use crate::model::{Band, Curriculum, LearningOutcome, Unit, outcome_label};

/// The kind of every finding made here.
const KIND: FindingKind = FindingKind::Completeness;

/// Higher National units have exactly this many learning outcomes.
const OUTCOMES_PER_UNIT: usize = 4;

/// Runs every completeness rule.
pub(crate) fn check(doc: &Curriculum, out: &mut Vec<Finding>) {
    qualification_text(doc, out);
    for unit in &doc.units {
        unit_text(unit, out);
        outcome_count(unit, out);
        for (o, outcome) in unit.outcomes.iter().enumerate() {
            outcome_text(o, outcome, out);
            bands(o, outcome, out);
            criterion_text(outcome, out);
        }
    }
}

/// The qualification needs a title and an awarding body.
fn qualification_text(doc: &Curriculum, out: &mut Vec<Finding>) {
    let q = &doc.qualification;
    if q.title.trim().is_empty() {
        out.push(Finding::error(
            KIND,
            Location::Qualification,
            "the qualification has no title",
        ));
    }
    if q.awarding_body.trim().is_empty() {
        out.push(Finding::warning(
            KIND,
            Location::Qualification,
            "the qualification names no awarding body",
        ));
    }
}

/// A unit needs a title; an introduction is expected.
fn unit_text(unit: &Unit, out: &mut Vec<Finding>) {
    if unit.title.trim().is_empty() {
        out.push(Finding::error(
            KIND,
            Location::Unit(unit.id.clone()),
            "the unit has no title",
        ));
    }
    if unit.introduction.trim().is_empty() {
        out.push(Finding::warning(
            KIND,
            Location::Unit(unit.id.clone()),
            "the unit has no introduction",
        ));
    }
}

/// No outcomes is an error; any number other than four is unusual.
fn outcome_count(unit: &Unit, out: &mut Vec<Finding>) {
    let at = Location::Unit(unit.id.clone());
    match unit.outcomes.len() {
        0 => out.push(Finding::error(
            KIND,
            at,
            "the unit has no learning outcomes",
        )),
        OUTCOMES_PER_UNIT => {}
        n => out.push(Finding::warning(
            KIND,
            at,
            format!(
                "the unit has {n} learning outcomes; Higher National units have {OUTCOMES_PER_UNIT}"
            ),
        )),
    }
}

/// An outcome needs its text; essential content is expected.
fn outcome_text(o: usize, outcome: &LearningOutcome, out: &mut Vec<Finding>) {
    let label = outcome_label(o);
    if outcome.text.trim().is_empty() {
        out.push(Finding::error(
            KIND,
            Location::Outcome(outcome.id.clone()),
            format!("{label} has no text"),
        ));
    }
    let has_content = outcome.content.iter().any(|topic| {
        !topic.heading.trim().is_empty() || topic.points.iter().any(|p| !p.trim().is_empty())
    });
    if !has_content {
        out.push(Finding::warning(
            KIND,
            Location::Outcome(outcome.id.clone()),
            format!("{label} has no essential content"),
        ));
    }
}

/// At least one Pass criterion (error); a Merit and a Distinction are usual (warnings).
fn bands(o: usize, outcome: &LearningOutcome, out: &mut Vec<Finding>) {
    let label = outcome_label(o);
    let has = |band: Band| outcome.criteria.iter().any(|c| c.band == band);
    if !has(Band::Pass) {
        out.push(Finding::error(
            KIND,
            Location::Outcome(outcome.id.clone()),
            format!("{label} has no Pass criterion, so it cannot be assessed"),
        ));
    }
    for band in [Band::Merit, Band::Distinction] {
        if !has(band) {
            out.push(Finding::warning(KIND, Location::Outcome(outcome.id.clone()),
                format!("{label} has no {band} criterion; Higher National units usually have one per outcome"),
            ));
        }
    }
}

/// Every criterion needs its text.
fn criterion_text(outcome: &LearningOutcome, out: &mut Vec<Finding>) {
    for criterion in &outcome.criteria {
        if criterion.text.trim().is_empty() {
            out.push(Finding::error(
                KIND,
                Location::Criterion(criterion.id.clone()),
                "the criterion has no text",
            ));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analysis::fixture;

    fn findings(doc: &Curriculum) -> Vec<String> {
        fixture::messages(check, doc)
    }

    #[test]
    fn clean_units_pass() {
        assert_eq!(findings(&fixture::hnc()), Vec::<String>::new());
    }

    #[test]
    fn missing_text_is_reported() {
        let mut doc = fixture::hnc();
        doc.qualification.title = " ".into();
        doc.units[0].title.clear();
        doc.units[0].introduction.clear();
        doc.units[0].outcomes[1].text.clear();
        doc.units[0].outcomes[1].content.clear();
        doc.units[0].outcomes[1].criteria[0].text.clear();
        assert_eq!(
            findings(&doc),
            [
                "error: the qualification has no title",
                "error: the unit has no title",
                "warning: the unit has no introduction",
                "error: LO2 has no text",
                "warning: LO2 has no essential content",
                "error: the criterion has no text",
            ]
        );
    }

    #[test]
    fn outcome_counts_and_bands() {
        let mut doc = fixture::hnc();
        doc.units[0].outcomes.pop();
        doc.units[1].outcomes.clear();
        doc.units[2].outcomes[2]
            .criteria
            .retain(|c| c.band == Band::Merit);
        doc.units[3].outcomes[0]
            .criteria
            .retain(|c| c.band != Band::Distinction);
        assert_eq!(
            findings(&doc),
            [
                "warning: the unit has 3 learning outcomes; Higher National units have 4",
                "error: the unit has no learning outcomes",
                "error: LO3 has no Pass criterion, so it cannot be assessed",
                "warning: LO3 has no Distinction criterion; Higher National units usually have one per outcome",
                "warning: LO1 has no Distinction criterion; Higher National units usually have one per outcome",
            ]
        );
    }
}
