//! Property tests of `analysis::compare`: a version compared with itself has no changes, and
//! after any sequence of edits every edited item is listed (or the unit holding it is listed
//! as added or removed).

use htq_core::analysis::{ChangeKind, Subject, compare};
use htq_core::model::synthetic::{Size, curriculum};
use htq_core::model::{
    Band, Coverage, Criterion, Curriculum, Edit, NumberField, TextField, Theme, Unit,
};
use proptest::prelude::*;

fn small() -> Curriculum {
    curriculum(Size {
        units: 6,
        outcomes_per_unit: 3,
        criteria_per_outcome: 3,
        standards: 1,
        ksbs_per_standard: 8,
        mappings: 20,
    })
}

/// An edit that changes something in the document if it applies, and the item it changes.
fn edit_of(doc: &Curriculum, choice: u8, pick: usize, serial: usize) -> Option<(Edit, Subject)> {
    let unit = doc.units.get(pick % doc.units.len().max(1))?;
    let outcome = unit.outcomes.get(pick % unit.outcomes.len().max(1));
    let criterion = outcome.and_then(|o| o.criteria.get(pick % o.criteria.len().max(1)));
    let ksb = doc.standards.first()?.ksbs.get(pick % 8)?;
    let unit_subject = Subject::Unit(unit.id.clone());
    Some(match choice % 9 {
        0 => (
            Edit::SetText {
                field: TextField::UnitTitle(unit.id.clone()),
                value: format!("{} {serial}", unit.title),
            },
            unit_subject,
        ),
        1 => (
            Edit::SetNumber {
                field: NumberField::UnitCredits(unit.id.clone()),
                value: unit.credits + 15,
            },
            unit_subject,
        ),
        2 => (
            Edit::SetTheme {
                unit: unit.id.clone(),
                theme: if unit.theme == Theme::Core {
                    Theme::LabSkills
                } else {
                    Theme::Core
                },
            },
            unit_subject,
        ),
        3 => (
            Edit::RemoveUnit {
                unit: unit.id.clone(),
            },
            unit_subject,
        ),
        4 => {
            let outcome = outcome?;
            (
                Edit::SetText {
                    field: TextField::OutcomeText(outcome.id.clone()),
                    value: format!("{} {serial}", outcome.text),
                },
                Subject::Outcome(outcome.id.clone()),
            )
        }
        5 => {
            let criterion = criterion?;
            (
                Edit::SetBand {
                    criterion: criterion.id.clone(),
                    band: if criterion.band == Band::Pass {
                        Band::Merit
                    } else {
                        Band::Pass
                    },
                },
                Subject::Criterion(criterion.id.clone()),
            )
        }
        6 => {
            let criterion = criterion?;
            (
                Edit::RemoveCriterion {
                    criterion: criterion.id.clone(),
                },
                Subject::Criterion(criterion.id.clone()),
            )
        }
        7 => {
            let outcome = outcome?;
            let id = format!("new{serial}");
            (
                Edit::InsertCriterion {
                    outcome: outcome.id.clone(),
                    index: 0,
                    criterion: Criterion {
                        id: id.as_str().into(),
                        band: Band::Pass,
                        text: "Explain".into(),
                    },
                },
                Subject::Criterion(id.as_str().into()),
            )
        }
        _ => {
            let outcome = outcome?;
            let coverage = match doc.mapping(&outcome.id, &ksb.id).map(|m| m.coverage) {
                None => Some(Coverage::Partial),
                Some(Coverage::Partial) => Some(Coverage::Full),
                Some(Coverage::Full) => None,
            };
            (
                Edit::SetCoverage {
                    outcome: outcome.id.clone(),
                    ksb: ksb.id.clone(),
                    coverage,
                },
                Subject::Mapping(outcome.id.clone(), ksb.id.clone()),
            )
        }
    })
}

/// The unit that holds `subject` in `doc`, if any.
fn holder(doc: &Curriculum, subject: &Subject) -> Option<Subject> {
    let unit = match subject {
        Subject::Outcome(id) | Subject::Mapping(id, _) => doc.outcome(id).map(|(u, _)| u),
        Subject::Criterion(id) => doc.criterion_position(id).map(|(u, _, _)| &doc.units[u]),
        _ => None,
    };
    unit.map(|u| Subject::Unit(u.id.clone()))
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]

    #[test]
    fn a_version_compared_with_itself_is_empty(edits in prop::collection::vec((any::<u8>(), any::<usize>()), 0..6)) {
        let mut doc = small();
        for (serial, (choice, pick)) in edits.into_iter().enumerate() {
            if let Some((edit, _)) = edit_of(&doc, choice, pick, serial) {
                let _ = doc.apply(edit);
            }
        }
        prop_assert!(compare(&doc, &doc).is_empty());
    }

    #[test]
    fn every_edited_item_is_listed(edits in prop::collection::vec((any::<u8>(), any::<usize>()), 1..8)) {
        let old = small();
        let mut new = old.clone();
        let mut edited = Vec::new();
        for (serial, (choice, pick)) in edits.into_iter().enumerate() {
            if let Some((edit, subject)) = edit_of(&new, choice, pick, serial)
                && new.apply(edit).is_ok()
            {
                edited.push(subject);
            }
        }
        let comparison = compare(&old, &new);
        let listed = |subject: &Subject| comparison.changes.iter().any(|c| &c.subject == subject);
        let whole_unit = |subject: &Subject| {
            [holder(&old, subject), holder(&new, subject)].into_iter().flatten().any(|unit| {
                comparison.changes.iter().any(|c| {
                    c.subject == unit && matches!(c.kind, ChangeKind::Added | ChangeKind::Removed)
                })
            })
        };
        for subject in &edited {
            prop_assert!(
                listed(subject) || whole_unit(subject) || same_in_both(&old, &new, subject),
                "{subject:?} not listed in {:#?}",
                comparison.changes
            );
        }
        prop_assert_eq!(comparison.is_empty(), old == new);
    }
}

/// Whether `subject` is the same in both versions: edited back to where it was (a theme set
/// twice, a criterion added then removed, a mapping set and unset).
fn same_in_both(old: &Curriculum, new: &Curriculum, subject: &Subject) -> bool {
    match subject {
        Subject::Unit(id) => {
            let own_fields = |doc: &Curriculum| {
                doc.unit(id).map(|unit| Unit {
                    outcomes: Vec::new(),
                    ..unit.clone()
                })
            };
            own_fields(old) == own_fields(new)
        }
        Subject::Outcome(id) => {
            let find = |doc: &Curriculum| doc.outcome(id).map(|(_, o)| o.text.clone());
            find(old) == find(new)
        }
        Subject::Criterion(id) => {
            let find = |doc: &Curriculum| {
                doc.criterion_position(id)
                    .map(|(u, o, c)| doc.units[u].outcomes[o].criteria[c].clone())
            };
            find(old) == find(new)
        }
        Subject::Mapping(outcome, ksb) => old.mapping(outcome, ksb) == new.mapping(outcome, ksb),
        _ => false,
    }
}
