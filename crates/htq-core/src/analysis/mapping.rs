//! KSB mapping rules: mappings that point nowhere or are written twice, KSBs no outcome
//! covers, KSBs covered only partially, partial mappings without a reason, and outcomes mapped
//! to no KSB.

use super::repeats::tally;
use super::{Finding, FindingKind, Location};
use crate::model::{Coverage, Curriculum, KsbId, Mapping, OutcomeId, outcome_label};
use crate::words::counted;
use std::collections::{HashMap, HashSet};

/// The kind of every finding made here.
const KIND: FindingKind = FindingKind::Mapping;

/// Runs every mapping rule.
pub(crate) fn check(doc: &Curriculum, out: &mut Vec<Finding>) {
    let outcomes: HashMap<&OutcomeId, String> = doc
        .units
        .iter()
        .flat_map(|unit| {
            unit.outcomes.iter().enumerate().map(move |(o, outcome)| {
                (
                    &outcome.id,
                    format!("{} of unit {}", outcome_label(o), unit.number.trim()),
                )
            })
        })
        .collect();
    let ksbs: HashMap<&KsbId, String> = doc
        .standards
        .iter()
        .flat_map(|s| {
            s.ksbs
                .iter()
                .map(move |k| (&k.id, format!("{} ({})", k.code, s.reference)))
        })
        .collect();
    dangling(doc, &outcomes, &ksbs, out);
    ksb_coverage(doc, &outcomes, out);
    unexplained_partial(doc, &outcomes, &ksbs, out);
    unmapped_outcomes(doc, out);
}

/// Mappings must name an existing outcome and KSB, once; a mapping written many times is
/// reported once, with the count.
fn dangling(
    doc: &Curriculum,
    outcomes: &HashMap<&OutcomeId, String>,
    ksbs: &HashMap<&KsbId, String>,
    out: &mut Vec<Finding>,
) {
    let pairs = tally(doc.mappings.iter().map(|m| (&m.outcome, &m.ksb)));
    for ((outcome, ksb), times) in pairs {
        match (outcomes.contains_key(outcome), ksbs.get(ksb)) {
            (true, Some(name)) if times > 1 => out.push(Finding::warning(
                KIND,
                Location::Outcome(outcome.clone()),
                format!(
                    "the outcome is mapped to {name} {}; one mapping is enough",
                    counted(times, "time", "times")
                ),
            )),
            (true, Some(_)) => {}
            (true, None) => out.push(Finding::error(
                KIND,
                Location::Outcome(outcome.clone()),
                format!("the outcome is mapped to \"{ksb}\", which is not a KSB of any standard"),
            )),
            (false, Some(_)) => out.push(Finding::error(
                KIND,
                Location::Ksb(ksb.clone()),
                format!("the KSB is mapped from \"{outcome}\", which is not a learning outcome"),
            )),
            (false, None) => out.push(Finding::error(
                KIND,
                Location::Qualification,
                format!("a mapping links \"{outcome}\" to \"{ksb}\", neither of which exists"),
            )),
        }
    }
}

/// Every KSB of a claimed occupation is covered by some outcome (error), and fully by at
/// least one (warning). KSBs of standards kept for reference are not checked.
fn ksb_coverage(doc: &Curriculum, outcomes: &HashMap<&OutcomeId, String>, out: &mut Vec<Finding>) {
    let claimed = super::occupations::claimed_ksbs(doc);
    let mut by_ksb: HashMap<&KsbId, Vec<&Mapping>> = HashMap::new();
    for mapping in doc
        .mappings
        .iter()
        .filter(|m| outcomes.contains_key(&m.outcome))
    {
        by_ksb.entry(&mapping.ksb).or_default().push(mapping);
    }
    for standard in &doc.standards {
        for ksb in standard.ksbs.iter().filter(|k| claimed.contains(&k.id)) {
            let name = format!("{} ({})", ksb.code, standard.reference);
            let mappings = by_ksb.get(&ksb.id).map(Vec::as_slice).unwrap_or_default();
            if mappings.is_empty() {
                out.push(Finding::error(
                    KIND,
                    Location::Ksb(ksb.id.clone()),
                    format!("{name} is mapped to no learning outcome: uncovered"),
                ));
            } else if mappings.iter().all(|m| m.coverage == Coverage::Partial) {
                let reasons: Vec<String> = mappings
                    .iter()
                    .map(|m| {
                        let place = outcomes.get(&m.outcome).map_or("?", String::as_str);
                        match m.note.trim() {
                            "" => format!("{place}, no reason given"),
                            note => format!("{place}: \"{note}\""),
                        }
                    })
                    .collect();
                // With every reason given this is the accepted practice, for the panel to
                // confirm (a hint); a missing reason is a warning here and beside its mapping.
                let finding = if mappings.iter().all(|m| !m.note.trim().is_empty()) {
                    Finding::hint
                } else {
                    Finding::warning
                };
                out.push(finding(
                    KIND,
                    Location::Ksb(ksb.id.clone()),
                    format!(
                        "{name} is only partially covered ({}); the panel must accept the reason",
                        reasons.join("; ")
                    ),
                ));
            }
        }
    }
}

/// A partial mapping says why the rest is left out.
fn unexplained_partial(
    doc: &Curriculum,
    outcomes: &HashMap<&OutcomeId, String>,
    ksbs: &HashMap<&KsbId, String>,
    out: &mut Vec<Finding>,
) {
    for mapping in &doc.mappings {
        if mapping.coverage != Coverage::Partial || !mapping.note.trim().is_empty() {
            continue;
        }
        let (Some(outcome), Some(ksb)) = (outcomes.get(&mapping.outcome), ksbs.get(&mapping.ksb))
        else {
            continue;
        };
        out.push(Finding::warning(
            KIND,
            Location::Outcome(mapping.outcome.clone()),
            format!(
                "{outcome} covers {ksb} only partially and gives no reason; note why the rest is \
                 left out, e.g. delivered in the workplace"
            ),
        ));
    }
}

/// An outcome mapped to no KSB may be doing no work for the occupation.
fn unmapped_outcomes(doc: &Curriculum, out: &mut Vec<Finding>) {
    if doc.standards.iter().all(|s| s.ksbs.is_empty()) {
        return;
    }
    let mapped: HashSet<&OutcomeId> = doc.mappings.iter().map(|m| &m.outcome).collect();
    for unit in &doc.units {
        for (o, outcome) in unit.outcomes.iter().enumerate() {
            if !mapped.contains(&outcome.id) {
                out.push(Finding::hint(
                    KIND,
                    Location::Outcome(outcome.id.clone()),
                    format!("{} is mapped to no KSB", outcome_label(o)),
                ));
            }
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
    fn clean_mappings_pass() {
        assert_eq!(findings(&fixture::hnc()), Vec::<String>::new());
    }

    #[test]
    fn uncovered_and_partial_ksbs() {
        let mut doc = fixture::hnc();
        let (b1, s1) = (KsbId::from("b1"), KsbId::from("s1"));
        // B1 loses its mappings; S1 keeps one partial mapping, with a reason.
        doc.mappings.retain(|m| m.ksb != b1);
        doc.mappings
            .retain(|m| m.ksb != s1 || m.outcome == OutcomeId::from("u1-lo2"));
        for mapping in doc.mappings.iter_mut().filter(|m| m.ksb == s1) {
            mapping.coverage = Coverage::Partial;
            mapping.note = "Practised in the workplace".into();
        }
        let got = findings(&doc);
        assert_eq!(
            got[..2],
            [
                "hint: S1 (ST0220) is only partially covered (LO2 of unit 4101: \"Practised in \
                 the workplace\"); the panel must accept the reason",
                "error: B1 (ST0220) is mapped to no learning outcome: uncovered",
            ]
        );
        // 40 outcomes, 14 still mapped to K1, one to S1.
        assert_eq!(got.len(), 2 + 40 - 15);
        assert!(
            got[2..]
                .iter()
                .all(|f| f.starts_with("hint: LO") && f.ends_with("is mapped to no KSB"))
        );
    }

    #[test]
    fn partial_mapping_without_a_reason() {
        let mut doc = fixture::hnc();
        doc.mappings[0].coverage = Coverage::Partial;
        assert_eq!(
            findings(&doc),
            [
                "warning: LO1 of unit 4101 covers K1 (ST0220) only partially and gives no reason; \
              note why the rest is left out, e.g. delivered in the workplace"
            ]
        );
    }

    #[test]
    fn mappings_that_point_nowhere_or_twice() {
        let mut doc = fixture::hnc();
        let first = doc.mappings[0].clone();
        doc.mappings.push(first.clone());
        doc.mappings.push(Mapping {
            ksb: "k9".into(),
            ..first.clone()
        });
        doc.mappings.push(Mapping {
            outcome: "lo9".into(),
            ..first.clone()
        });
        doc.mappings.push(Mapping {
            outcome: "lo9".into(),
            ksb: "k9".into(),
            ..first
        });
        assert_eq!(
            findings(&doc),
            [
                "warning: the outcome is mapped to K1 (ST0220) 2 times; one mapping is enough",
                "error: the outcome is mapped to \"k9\", which is not a KSB of any standard",
                "error: the KSB is mapped from \"lo9\", which is not a learning outcome",
                "error: a mapping links \"lo9\" to \"k9\", neither of which exists",
            ]
        );
    }
}
