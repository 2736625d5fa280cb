//! Pathway coverage: for every KSB, does every valid programme a learner may take cover it?
//!
//! Solved exactly by [`Programmes`](super::programme::Programmes), a dynamic programme over the
//! optional units, once per distinct set of covering units; a programme already found that
//! avoids a KSB's covering units answers that KSB without solving again.

use super::programme::Programmes;
use super::{Finding, FindingKind, Location};
use crate::model::{Coverage, Curriculum, KsbId, OutcomeId, UnitId};
use std::collections::{HashMap, HashSet};

/// The kind of every finding made here.
const KIND: FindingKind = FindingKind::Coverage;

/// Pathway coverage of every KSB of every standard.
#[derive(Debug, Clone, PartialEq)]
pub struct PathwayReport {
    /// Whether any learner can complete the qualification under its rules of combination.
    pub any_valid_programme: bool,
    /// One entry per KSB, standards in order and KSBs in standard order.
    pub ksbs: Vec<KsbPathway>,
}

/// Pathway coverage of one KSB.
#[derive(Debug, Clone, PartialEq)]
pub struct KsbPathway {
    /// The KSB.
    pub ksb: KsbId,
    /// Whether every learner meets it.
    pub status: PathwayStatus,
    /// Whether some learning outcome covers it fully (not only partially).
    pub full: bool,
}

/// Whether every valid programme covers a KSB.
#[derive(Debug, Clone, PartialEq)]
pub enum PathwayStatus {
    /// Every valid programme has a unit with an outcome mapped to the KSB (vacuously so when
    /// no valid programme exists at all).
    Mandatory,
    /// Some valid programme misses the KSB.
    SomePathways {
        /// One valid programme that misses it, in unit order.
        witness: Vec<UnitId>,
    },
    /// No learning outcome is mapped to the KSB.
    Uncovered,
}

/// Pathway coverage of every KSB of `doc`.
pub fn pathway_report(doc: &Curriculum) -> PathwayReport {
    report(doc, &Programmes::new(doc))
}

/// [`pathway_report`] with the rules already compiled.
pub(crate) fn report(doc: &Curriculum, programmes: &Programmes) -> PathwayReport {
    let optional_position = programmes.optional_positions();
    let full: HashSet<&KsbId> = doc
        .mappings
        .iter()
        .filter(|m| m.coverage == Coverage::Full)
        .map(|m| &m.ksb)
        .collect();
    let covering: HashMap<KsbId, (Vec<usize>, bool)> = covering_units(doc)
        .into_iter()
        .map(|(ksb, units)| {
            let full = full.contains(&ksb);
            (ksb, (units, full))
        })
        .collect();

    // One pass over the optional units finds, for every distinct set of covering units, a
    // programme that avoids it or proves that none does. The empty set is one of them: every
    // valid programme avoids it, so its answer says whether there is any.
    let key_of = |units: &[usize]| {
        let mut key: Vec<usize> = units
            .iter()
            .filter_map(|u| optional_position.get(u).copied())
            .collect();
        key.sort_unstable();
        key.dedup();
        key
    };
    let mut classes: Vec<Vec<usize>> = covering
        .values()
        .filter(|(units, _)| !units.iter().any(|&u| programmes.is_mandatory(u)))
        .map(|(units, _)| key_of(units))
        .chain([Vec::new()])
        .collect();
    classes.sort_unstable();
    classes.dedup();
    let witnesses = programmes.avoiding_each(&classes);
    let answers: HashMap<Vec<usize>, Option<Vec<UnitId>>> = classes
        .into_iter()
        .zip(witnesses)
        .map(|(class, witness)| (class, witness.map(|programme| programmes.ids(&programme))))
        .collect();
    let any_valid_programme = answers.get(&Vec::new()).is_some_and(Option::is_some);

    let ksbs = doc
        .standards
        .iter()
        .flat_map(|s| &s.ksbs)
        .map(|ksb| {
            let (units, full) = covering.get(&ksb.id).cloned().unwrap_or_default();
            let status = if units.is_empty() {
                PathwayStatus::Uncovered
            } else if !any_valid_programme || units.iter().any(|&u| programmes.is_mandatory(u)) {
                PathwayStatus::Mandatory
            } else {
                match answers.get(&key_of(&units)).cloned().flatten() {
                    Some(witness) => PathwayStatus::SomePathways { witness },
                    None => PathwayStatus::Mandatory,
                }
            };
            KsbPathway {
                ksb: ksb.id.clone(),
                status,
                full,
            }
        })
        .collect();
    PathwayReport {
        any_valid_programme,
        ksbs,
    }
}

/// For every KSB, the units (indices into `doc.units`) with an outcome that counts towards
/// it: mapped fully, or partially with a reason (a partial mapping without one counts for
/// nothing until the panel can weigh it).
pub(crate) fn covering_units(doc: &Curriculum) -> HashMap<KsbId, Vec<usize>> {
    let outcome_unit: HashMap<&OutcomeId, usize> = doc
        .units
        .iter()
        .enumerate()
        .flat_map(|(u, unit)| unit.outcomes.iter().map(move |o| (&o.id, u)))
        .collect();
    let mut covering: HashMap<KsbId, Vec<usize>> = HashMap::new();
    for mapping in &doc.mappings {
        let counts = mapping.coverage == Coverage::Full || !mapping.note.trim().is_empty();
        if let (true, Some(&u)) = (counts, outcome_unit.get(&mapping.outcome)) {
            covering.entry(mapping.ksb.clone()).or_default().push(u);
        }
    }
    covering
}

/// Turns the pathway gaps of `report` into errors at the KSB, for the KSBs of the one
/// occupation claimed (with several, each programme need reach only one of them, which the
/// occupation findings judge).
pub(crate) fn check(doc: &Curriculum, report: &PathwayReport, out: &mut Vec<Finding>) {
    let occupations = super::occupations::claimed(doc);
    let [occupation] = occupations.as_slice() else {
        return;
    };
    let claimed: HashSet<&KsbId> = occupation.ksbs.iter().collect();
    for entry in &report.ksbs {
        let PathwayStatus::SomePathways { witness } = &entry.status else {
            continue;
        };
        let Some((standard, ksb)) = doc.ksb(&entry.ksb) else {
            continue;
        };
        if !claimed.contains(&entry.ksb) {
            continue;
        }
        let taking = super::occupations::unit_numbers(doc, witness);
        out.push(Finding::error(
            KIND,
            Location::Ksb(entry.ksb.clone()),
            format!(
                "a learner taking {taking} never meets {} ({}): only optional units cover it",
                ksb.code, standard.reference
            ),
        ));
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{
        Claim, Ksb, KsbKind, LearningOutcome, Mapping, OptionalGroup, Qualification,
        RulesOfCombination, Standard, Unit,
    };

    /// Unit 1 is mandatory; unit 2 (a 30-credit project) sits in both groups; group A wants
    /// exactly 30 credits from units 2-4, group B at least one of units 2 and 5; 60 credits in
    /// all. The only programmes are {1, 2, 5} and {1, 3, 4, 5}, so optional unit 5 is taken by
    /// everyone. KSB k<n> is mapped from unit n; k0 from nothing.
    fn overlapping() -> Curriculum {
        let unit = |n: u32, credits: u32| Unit {
            id: format!("u{n}").as_str().into(),
            number: format!("410{n}"),
            level: 4,
            credits,
            outcomes: vec![LearningOutcome {
                id: format!("u{n}-lo1").as_str().into(),
                ..Default::default()
            }],
            ..Default::default()
        };
        let ids = |names: &[&str]| names.iter().map(|&n| n.into()).collect();
        Curriculum {
            qualification: Qualification {
                total_credits: 60,
                claims: vec![Claim {
                    standard: "st".into(),
                    options: Vec::new(),
                }],
                rules: RulesOfCombination {
                    mandatory: ids(&["u1"]),
                    groups: vec![
                        OptionalGroup {
                            id: "a".into(),
                            units: ids(&["u2", "u3", "u4"]),
                            min_credits: Some(30),
                            max_credits: Some(30),
                            ..Default::default()
                        },
                        OptionalGroup {
                            id: "b".into(),
                            units: ids(&["u2", "u5"]),
                            min_units: Some(1),
                            ..Default::default()
                        },
                    ],
                    level_credits: Vec::new(),
                },
                ..Default::default()
            },
            units: vec![
                unit(1, 15),
                unit(2, 30),
                unit(3, 15),
                unit(4, 15),
                unit(5, 15),
            ],
            standards: vec![Standard {
                id: "st".into(),
                reference: "ST0220".into(),
                ksbs: (0..=5)
                    .map(|k| Ksb {
                        id: format!("k{k}").as_str().into(),
                        kind: KsbKind::Knowledge,
                        code: format!("K{k}"),
                        text: String::new(),
                    })
                    .collect(),
                ..Default::default()
            }],
            mappings: (1..=5)
                .map(|n| Mapping {
                    outcome: format!("u{n}-lo1").as_str().into(),
                    ksb: format!("k{n}").as_str().into(),
                    coverage: if n == 3 {
                        Coverage::Partial
                    } else {
                        Coverage::Full
                    },
                    note: if n == 3 {
                        "Safer practised in the workplace".into()
                    } else {
                        String::new()
                    },
                })
                .collect(),
            ..Default::default()
        }
    }

    fn witness(units: &[&str]) -> PathwayStatus {
        PathwayStatus::SomePathways {
            witness: units.iter().map(|&u| u.into()).collect(),
        }
    }

    #[test]
    fn overlapping_groups_and_a_project_unit() {
        let report = pathway_report(&overlapping());
        assert!(report.any_valid_programme);
        let got: Vec<(&str, PathwayStatus, bool)> = report
            .ksbs
            .iter()
            .map(|k| (k.ksb.as_str(), k.status.clone(), k.full))
            .collect();
        assert_eq!(
            got,
            [
                ("k0", PathwayStatus::Uncovered, false),
                ("k1", PathwayStatus::Mandatory, true),
                ("k2", witness(&["u1", "u3", "u4", "u5"]), true),
                ("k3", witness(&["u1", "u2", "u5"]), false),
                ("k4", witness(&["u1", "u2", "u5"]), true),
                ("k5", PathwayStatus::Mandatory, true),
            ]
        );
    }

    #[test]
    fn partial_coverage_without_a_reason_covers_nothing() {
        let mut doc = overlapping();
        doc.mappings[2].note.clear();
        let report = pathway_report(&doc);
        assert_eq!(report.ksbs[3].status, PathwayStatus::Uncovered);
    }

    #[test]
    fn no_valid_programme_leaves_nothing_missable() {
        let mut doc = overlapping();
        doc.qualification.total_credits = 75;
        let report = pathway_report(&doc);
        assert!(!report.any_valid_programme);
        assert!(
            report.ksbs[1..]
                .iter()
                .all(|k| k.status == PathwayStatus::Mandatory)
        );
    }

    #[test]
    fn gaps_become_errors_naming_unit_numbers() {
        let doc = overlapping();
        let mut out = Vec::new();
        check(&doc, &pathway_report(&doc), &mut out);
        let messages: Vec<&str> = out.iter().map(|f| f.message.as_str()).collect();
        assert_eq!(
            messages,
            [
                "a learner taking 4101, 4103, 4104, 4105 never meets K2 (ST0220): only optional units cover it",
                "a learner taking 4101, 4102, 4105 never meets K3 (ST0220): only optional units cover it",
                "a learner taking 4101, 4102, 4105 never meets K4 (ST0220): only optional units cover it",
            ]
        );
        assert_eq!(out[0].location, Location::Ksb("k2".into()));
    }
}
