//! Incremental analysis for an editor: [`Analyser`] keeps the programme solver's results (the
//! pathway report and the combination findings that need it) and reuses them while the inputs
//! they depend on are unchanged, so a text edit costs only the cheap rules.

use super::combination;
use super::occupations::{self, OccupationReport};
use super::pathways::{self, PathwayReport};
use super::programme::Programmes;
use crate::model::Curriculum;
use std::collections::hash_map::DefaultHasher;
use std::hash::{Hash, Hasher};

/// What the programme solver found for one document: everything in an analysis that depends
/// on the rules of combination.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Solved {
    /// The solver's part of the credit and combination rules.
    pub combination: combination::Solved,
    /// Pathway coverage of every KSB.
    pub pathways: PathwayReport,
    /// Coverage of every claimed occupation.
    pub occupations: OccupationReport,
}

impl Solved {
    /// Runs the programme solver on `doc`.
    pub(crate) fn new(doc: &Curriculum) -> Self {
        Self::solve(doc, &|| false).unwrap_or_else(|| unreachable!("never asked to stop"))
    }

    /// Runs the programme solver on `doc`, giving up (`None`) as soon as `stop` says so
    /// between its stages.
    fn solve(doc: &Curriculum, stop: &dyn Fn() -> bool) -> Option<Self> {
        let programmes = Programmes::new(doc);
        let pathways = pathways::report(doc, &programmes);
        if stop() {
            return None;
        }
        let mut combination = combination::solve(doc, &programmes, pathways.any_valid_programme);
        if stop() {
            return None;
        }
        let occupations = occupations::report(doc, &programmes, &pathways);
        combination.exceeded = programmes.exceeded();
        Some(Self {
            combination,
            pathways,
            occupations,
        })
    }
}

/// Analyses successive revisions of a document, solving the rules of combination again only
/// when something they depend on has changed.
///
/// [`Analyser::analyse`] returns exactly what [`analyse`](super::analyse) returns.
#[derive(Debug, Default, Clone)]
pub struct Analyser {
    /// The solver's results and the [`signature`] of the document they were solved for.
    solved: Option<(u64, Solved)>,
}

impl Analyser {
    /// Every finding for `doc` and its pathway coverage, reusing the last solve when the rules
    /// of combination, the units' ids, credits, levels and order, the qualification's kind and
    /// total, and which outcomes cover which KSBs are as they were.
    pub fn analyse(&mut self, doc: &Curriculum) -> super::Analysis {
        self.analyse_unless(doc, &|| false)
            .unwrap_or_else(|| unreachable!("never asked to stop"))
    }

    /// [`Analyser::analyse`], given up (`None`) as soon as `stop` says so between the
    /// solver's stages: an editor stops analysing a revision the designer has already
    /// changed. What was solved before is kept for the next call.
    pub fn analyse_unless(
        &mut self,
        doc: &Curriculum,
        stop: &dyn Fn() -> bool,
    ) -> Option<super::Analysis> {
        let key = signature(doc);
        let solved = match self.solved.take() {
            Some((old, solved)) if old == key => solved,
            previous => match Solved::solve(doc, stop) {
                Some(solved) => solved,
                None => {
                    self.solved = previous;
                    return None;
                }
            },
        };
        if stop() {
            self.solved = Some((key, solved));
            return None;
        }
        let analysis = super::analyse_solved(doc, &solved);
        self.solved = Some((key, solved));
        Some(analysis)
    }
}

/// A hash of exactly the inputs of [`Solved::new`].
fn signature(doc: &Curriculum) -> u64 {
    let mut h = DefaultHasher::new();
    let q = &doc.qualification;
    q.kind.hash(&mut h);
    q.total_credits.hash(&mut h);
    let rules = &q.rules;
    rules.mandatory.hash(&mut h);
    rules.groups.len().hash(&mut h);
    for group in &rules.groups {
        group.units.hash(&mut h);
        group.min_credits.hash(&mut h);
        group.max_credits.hash(&mut h);
        group.min_units.hash(&mut h);
        group.max_units.hash(&mut h);
    }
    rules.level_credits.len().hash(&mut h);
    for rule in &rules.level_credits {
        rule.level.hash(&mut h);
        rule.min_credits.hash(&mut h);
    }
    doc.units.len().hash(&mut h);
    for unit in &doc.units {
        unit.id.hash(&mut h);
        unit.credits.hash(&mut h);
        unit.level.hash(&mut h);
        unit.outcomes.len().hash(&mut h);
        for outcome in &unit.outcomes {
            outcome.id.hash(&mut h);
        }
    }
    doc.mappings.len().hash(&mut h);
    for mapping in &doc.mappings {
        mapping.outcome.hash(&mut h);
        mapping.ksb.hash(&mut h);
        mapping.coverage.hash(&mut h);
        mapping.note.trim().is_empty().hash(&mut h);
    }
    q.claims.hash(&mut h);
    doc.standards.len().hash(&mut h);
    for standard in &doc.standards {
        standard.id.hash(&mut h);
        standard.reference.hash(&mut h);
        standard.title.hash(&mut h);
        standard.ksbs.len().hash(&mut h);
        for ksb in &standard.ksbs {
            ksb.id.hash(&mut h);
        }
        for option in &standard.options {
            option.title.hash(&mut h);
            option.ksbs.hash(&mut h);
        }
    }
    h.finish()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analysis::analyse;
    use crate::model::synthetic::{Size, curriculum};
    use crate::model::{Coverage, Edit, NumberField, QualificationKind, TextField};
    use proptest::prelude::*;

    /// A small curriculum with real choices (120 of its 180 credits), so that edits can change
    /// the pathway report.
    fn small() -> Curriculum {
        let mut doc = curriculum(Size {
            units: 12,
            outcomes_per_unit: 2,
            criteria_per_outcome: 2,
            standards: 1,
            ksbs_per_standard: 12,
            mappings: 30,
        });
        doc.qualification.total_credits = 120;
        doc.qualification.rules.level_credits.clear();
        doc
    }

    #[test]
    fn an_analysis_stopped_at_any_stage_gives_nothing_and_the_next_one_is_whole() {
        let doc = small();
        let whole = analyse(&doc);
        for stop_at in 1..=3 {
            let mut analyser = Analyser::default();
            let asked = std::cell::Cell::new(0);
            let stop = || {
                asked.set(asked.get() + 1);
                asked.get() >= stop_at
            };
            assert_eq!(
                analyser.analyse_unless(&doc, &stop),
                None,
                "stage {stop_at}"
            );
            assert_eq!(
                analyser.analyse_unless(&doc, &|| false),
                Some(whole.clone())
            );
        }
        let mut analyser = Analyser::default();
        let mut changed = doc.clone();
        changed.qualification.total_credits = 150;
        analyser.analyse(&doc);
        assert_eq!(analyser.analyse_unless(&changed, &|| true), None);
        assert_eq!(analyser.analyse(&doc), whole, "the earlier solve is kept");
    }

    /// An edit of kind `kind` on the item `pick` chooses in `doc`, with `value` as its number.
    fn edit(doc: &Curriculum, kind: u8, pick: usize, value: u32) -> Option<Edit> {
        let unit = doc.units.get(pick % doc.units.len().max(1))?;
        let outcomes: Vec<_> = doc.units.iter().flat_map(|u| &u.outcomes).collect();
        let outcome = outcomes.get(pick % outcomes.len().max(1))?;
        let ksbs: Vec<_> = doc.standards.iter().flat_map(|s| &s.ksbs).collect();
        let ksb = ksbs.get(value as usize % ksbs.len().max(1))?;
        let text = |field| Edit::SetText {
            field,
            value: format!("edited {value}"),
        };
        let number = |field, value| Edit::SetNumber { field, value };
        Some(match kind {
            0 => text(TextField::UnitTitle(unit.id.clone())),
            1 => text(TextField::UnitNumber(unit.id.clone())),
            2 => text(TextField::OutcomeText(outcome.id.clone())),
            3 => number(NumberField::UnitCredits(unit.id.clone()), 15 * (value % 3)),
            4 => number(NumberField::UnitLevel(unit.id.clone()), 3 + value % 3),
            5 => number(NumberField::UnitGlh(unit.id.clone()), value % 200),
            6 => number(NumberField::TotalCredits, 60 * (value % 5)),
            7 => {
                Edit::SetKind([QualificationKind::Hnc, QualificationKind::Hnd][value as usize % 2])
            }
            8 => Edit::SetCoverage {
                outcome: outcome.id.clone(),
                ksb: ksb.id.clone(),
                coverage: [None, Some(Coverage::Partial), Some(Coverage::Full)][value as usize % 3],
            },
            9 => Edit::MoveUnit {
                unit: unit.id.clone(),
                to: value as usize % doc.units.len(),
            },
            10 => Edit::RemoveOutcome {
                outcome: outcome.id.clone(),
            },
            11 => {
                let mut rules = doc.qualification.rules.clone();
                if let Some(at) = rules.mandatory.iter().position(|id| *id == unit.id) {
                    rules.mandatory.remove(at);
                } else {
                    rules.mandatory.push(unit.id.clone());
                }
                Edit::SetRules(rules)
            }
            _ => Edit::RemoveUnit {
                unit: unit.id.clone(),
            },
        })
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(64))]

        #[test]
        fn cached_analysis_equals_a_fresh_one_after_every_edit(
            edits in proptest::collection::vec((0u8..13, 0usize..64, 0u32..1000), 1..12)
        ) {
            let mut doc = small();
            let mut analyser = Analyser::default();
            prop_assert_eq!(analyser.analyse(&doc), analyse(&doc));
            for (kind, pick, value) in edits {
                let Some(edit) = edit(&doc, kind, pick, value) else {
                    continue;
                };
                if doc.apply(edit).is_ok() {
                    prop_assert_eq!(analyser.analyse(&doc), analyse(&doc));
                }
            }
        }
    }

    #[test]
    fn a_text_edit_keeps_the_solve_and_a_credit_edit_redoes_it() {
        let mut doc = small();
        let report = analyse(&doc).pathways;
        assert!(report.any_valid_programme);
        assert!(
            report
                .ksbs
                .iter()
                .any(|k| matches!(k.status, super::super::PathwayStatus::SomePathways { .. }))
        );
        let before = signature(&doc);
        let unit = doc.units[0].id.clone();
        doc.units[0].title = "A new title".into();
        assert_eq!(signature(&doc), before);
        let mut edited = doc.clone();
        let edit = Edit::SetNumber {
            field: NumberField::UnitCredits(unit),
            value: 30,
        };
        assert!(edited.apply(edit).is_ok());
        assert_ne!(signature(&edited), before);
    }
}
