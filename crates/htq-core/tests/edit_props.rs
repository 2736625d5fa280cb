//! Every edit undoes exactly: for random documents (panel records included) and random edits
//! of every `Edit` variant, applying an edit and then its inverse gives back the same
//! document and the same saved bytes, and a refused edit changes nothing. Sequences of edits
//! run, so each edit meets documents earlier edits made.
//!
//! `variant` names every variant in an exhaustive match: adding a variant to `Edit` does not
//! compile until it has a number here, and the test then fails until `make` generates it.

use htq_core::model::synthetic::{Size, curriculum};
use htq_core::model::{
    Band, ContentTopic, Coverage, Criterion, Curriculum, Edit, Entry, EntryKind, History,
    ItemRecord, ItemRef, ItemStatus, LearningOutcome, Mapping, Member, MemberRole, NumberField,
    OptionalGroup, PanelSession, QualificationKind, Resource, ResourceKind, Standard, TextField,
    Theme, template,
};
use htq_core::store;
use proptest::prelude::*;
use proptest::sample::Index;
use proptest::test_runner::{Config, TestRunner};
use std::sync::atomic::{AtomicBool, Ordering};

/// How many variants `Edit` has.
const VARIANTS: usize = 39;

/// The number of `edit`'s variant.
fn variant(edit: &Edit) -> usize {
    match edit {
        Edit::SetText { .. } => 0,
        Edit::SetPoints { .. } => 1,
        Edit::SetNumber { .. } => 2,
        Edit::SetKind(_) => 3,
        Edit::SetTheme { .. } => 4,
        Edit::SetBand { .. } => 5,
        Edit::SetResourceKind { .. } => 6,
        Edit::InsertUnit { .. } => 7,
        Edit::RemoveUnit { .. } => 8,
        Edit::MoveUnit { .. } => 9,
        Edit::InsertOutcome { .. } => 10,
        Edit::RemoveOutcome { .. } => 11,
        Edit::MoveOutcome { .. } => 12,
        Edit::InsertCriterion { .. } => 13,
        Edit::RemoveCriterion { .. } => 14,
        Edit::MoveCriterion { .. } => 15,
        Edit::InsertTopic { .. } => 16,
        Edit::RemoveTopic { .. } => 17,
        Edit::MoveTopic { .. } => 18,
        Edit::InsertResource { .. } => 19,
        Edit::RemoveResource { .. } => 20,
        Edit::MoveResource { .. } => 21,
        Edit::SetLinks { .. } => 22,
        Edit::SetRules(_) => 23,
        Edit::SetCoverage { .. } => 24,
        Edit::RestoreMapping { .. } => 25,
        Edit::InsertStandard { .. } => 26,
        Edit::RemoveStandard { .. } => 27,
        Edit::SetStatus { .. } => 28,
        Edit::AddEntry { .. } => 29,
        Edit::RemoveLastEntry { .. } => 30,
        Edit::InsertItemRecord { .. } => 31,
        Edit::RemoveItemRecord { .. } => 32,
        Edit::SetPanelPeople { .. } => 33,
        Edit::Batch(_) => 34,
        Edit::ReplaceStandard { .. } => 35,
        Edit::SetClaims(_) => 36,
        Edit::SetOutOfScope { .. } => 37,
        Edit::RestoreOutOfScope { .. } => 38,
    }
}

/// What one random edit is made from.
#[derive(Debug, Clone)]
struct Op {
    variant: usize,
    picks: [Index; 4],
    text: String,
    number: u32,
    flag: bool,
}

fn op() -> impl Strategy<Value = Op> {
    (
        0..VARIANTS,
        any::<[Index; 4]>(),
        prop_oneof![any::<String>(), "[a-z \n]{0,12}"],
        prop_oneof![0u32..10, any::<u32>()],
        any::<bool>(),
    )
        .prop_map(|(variant, picks, text, number, flag)| Op {
            variant,
            picks,
            text,
            number,
            flag,
        })
}

/// A random document: a synthetic curriculum with links, and a panel record whose members,
/// sessions and items refer to each other and to the document's items.
fn document() -> impl Strategy<Value = Curriculum> {
    (
        1usize..5,
        1usize..4,
        1usize..4,
        0usize..3,
        1usize..6,
        0usize..12,
        any::<[Index; 6]>(),
    )
        .prop_map(
            |(units, outcomes, criteria, standards, ksbs, mappings, picks)| {
                let mut doc = curriculum(Size {
                    units,
                    outcomes_per_unit: outcomes,
                    criteria_per_outcome: criteria,
                    standards,
                    ksbs_per_standard: ksbs,
                    mappings,
                });
                if doc.units.len() > 1 {
                    let other = doc.units[1].id.clone();
                    doc.units[0].links.push(other);
                }
                for standard in &mut doc.standards {
                    let first = standard.ksbs.first().map(|k| k.id.clone());
                    standard.duties.push(htq_core::model::Duty {
                        id: "d1".into(),
                        code: "D1".into(),
                        text: "Maintains laboratory equipment".into(),
                        ksbs: first.into_iter().collect(),
                    });
                }
                doc.panel.members = (0..picks[0].index(3))
                    .map(|m| Member {
                        id: format!("m{m}"),
                        name: format!("Member {m}"),
                        organisation: "Severn Valley Diagnostics".into(),
                        role: MemberRole::ALL[m % MemberRole::ALL.len()],
                    })
                    .collect();
                let attendees: Vec<String> =
                    doc.panel.members.iter().map(|m| m.id.clone()).collect();
                doc.panel.sessions = (0..picks[1].index(3))
                    .map(|s| PanelSession {
                        id: format!("s{s}"),
                        date: format!("2026-11-0{}", s + 1),
                        attendees: attendees.clone(),
                        agenda: vec!["Core units".into()],
                    })
                    .collect();
                let items = item_refs(&doc);
                for k in 0..picks[2].index(3) {
                    if items.is_empty() {
                        break;
                    }
                    let item = picks[3 + k].get(&items).clone();
                    if doc.panel.item(&item).is_some() {
                        continue;
                    }
                    doc.panel.items.push(ItemRecord {
                        item,
                        status: ItemStatus::ALL[k % ItemStatus::ALL.len()],
                        entries: vec![Entry {
                            kind: EntryKind::Decision,
                            text: "Agreed as drafted".into(),
                            member: attendees.first().cloned(),
                            session: doc.panel.sessions.first().map(|s| s.id.clone()),
                            at: "2026-11-09T10:42:00Z".into(),
                        }],
                    });
                }
                doc
            },
        )
}

fn item_refs(doc: &Curriculum) -> Vec<ItemRef> {
    doc.units
        .iter()
        .flat_map(|unit| {
            std::iter::once(ItemRef::Unit(unit.id.clone())).chain(unit.outcomes.iter().flat_map(
                |outcome| {
                    std::iter::once(ItemRef::Outcome(outcome.id.clone())).chain(
                        outcome
                            .criteria
                            .iter()
                            .map(|c| ItemRef::Criterion(c.id.clone())),
                    )
                },
            ))
        })
        .collect()
}

/// `pick` of `items`, if there are any.
fn choose<T: Clone>(pick: &Index, items: &[T]) -> Option<T> {
    (!items.is_empty()).then(|| pick.get(items).clone())
}

/// An edit of the variant `op` names, built from what `doc` holds; `None` when the document
/// has nothing to build it from.
fn make(doc: &Curriculum, op: &Op) -> Option<Edit> {
    let [a, b, c, d] = &op.picks;
    let units: Vec<_> = doc.units.iter().map(|u| u.id.clone()).collect();
    let outcomes: Vec<_> = doc
        .units
        .iter()
        .flat_map(|u| u.outcomes.iter().map(|o| o.id.clone()))
        .collect();
    let criteria: Vec<_> = doc
        .units
        .iter()
        .flat_map(|u| u.criteria().map(|(_, c)| c.id.clone()))
        .collect();
    let topics: Vec<_> = doc
        .units
        .iter()
        .flat_map(|u| {
            u.outcomes
                .iter()
                .flat_map(|o| o.content.iter().map(|t| t.id.clone()))
        })
        .collect();
    let resources: Vec<_> = doc
        .units
        .iter()
        .flat_map(|u| u.resources.iter().map(|r| r.id.clone()))
        .collect();
    let ksbs: Vec<_> = doc
        .standards
        .iter()
        .flat_map(|s| s.ksbs.iter().map(|k| k.id.clone()))
        .collect();
    let items = item_refs(doc);
    let text = op.text.clone();
    Some(match op.variant {
        0 => {
            let mut fields = vec![
                TextField::QualificationTitle,
                TextField::AwardingBody,
                TextField::Issue,
                TextField::IssueDate,
                TextField::Purpose,
                TextField::Audience,
                TextField::Progression,
            ];
            for unit in &units {
                fields.extend([
                    TextField::UnitNumber(unit.clone()),
                    TextField::UnitRegulatorCode(unit.clone()),
                    TextField::UnitTitle(unit.clone()),
                    TextField::UnitIntroduction(unit.clone()),
                ]);
            }
            fields.extend(outcomes.iter().cloned().map(TextField::OutcomeText));
            fields.extend(topics.iter().cloned().map(TextField::TopicHeading));
            fields.extend(criteria.iter().cloned().map(TextField::CriterionText));
            fields.extend(resources.iter().cloned().map(TextField::ResourceText));
            fields.extend(
                doc.mappings
                    .iter()
                    .map(|m| TextField::MappingNote(m.outcome.clone(), m.ksb.clone())),
            );
            fields.extend(
                doc.qualification
                    .rules
                    .groups
                    .iter()
                    .map(|g| TextField::GroupTitle(g.id.clone())),
            );
            for standard in &doc.standards {
                fields.push(TextField::StandardReference(standard.id.clone()));
                fields.push(TextField::StandardTitle(standard.id.clone()));
                for ksb in &standard.ksbs {
                    fields.push(TextField::KsbCode(ksb.id.clone()));
                    fields.push(TextField::KsbText(ksb.id.clone()));
                }
                for duty in &standard.duties {
                    fields.push(TextField::DutyCode(standard.id.clone(), duty.id.clone()));
                    fields.push(TextField::DutyText(standard.id.clone(), duty.id.clone()));
                }
            }
            Edit::SetText {
                field: choose(a, &fields)?,
                value: text,
            }
        }
        1 => Edit::SetPoints {
            topic: choose(a, &topics)?,
            points: text.split('\n').map(str::to_owned).collect(),
        },
        2 => {
            let mut fields = vec![NumberField::QualificationLevel, NumberField::TotalCredits];
            fields.extend(
                doc.standards
                    .iter()
                    .map(|s| NumberField::StandardLevel(s.id.clone())),
            );
            for unit in &units {
                fields.extend([
                    NumberField::UnitLevel(unit.clone()),
                    NumberField::UnitCredits(unit.clone()),
                    NumberField::UnitGlh(unit.clone()),
                ]);
            }
            Edit::SetNumber {
                field: choose(a, &fields)?,
                value: op.number,
            }
        }
        3 => Edit::SetKind(*a.get(&QualificationKind::ALL)),
        4 => Edit::SetTheme {
            unit: choose(a, &units)?,
            theme: *b.get(&Theme::ALL),
        },
        5 => Edit::SetBand {
            criterion: choose(a, &criteria)?,
            band: *b.get(&Band::ALL),
        },
        6 => Edit::SetResourceKind {
            resource: choose(a, &resources)?,
            kind: *b.get(&ResourceKind::ALL),
        },
        7 => {
            let unit = if op.flag || doc.units.is_empty() {
                template::unit(doc, *b.get(&Theme::ALL), 4)
            } else {
                template::duplicate(doc, b.get(&doc.units))
            };
            Edit::InsertUnit {
                index: c.index(doc.units.len() + 1),
                unit: Box::new(unit),
            }
        }
        8 => Edit::RemoveUnit {
            unit: choose(a, &units)?,
        },
        9 => Edit::MoveUnit {
            unit: choose(a, &units)?,
            to: b.index(units.len().max(1) + 1),
        },
        10 => {
            let unit = choose(a, &doc.units)?;
            let id = doc.fresh_stem(&format!("{}-new", unit.id));
            Edit::InsertOutcome {
                unit: unit.id.clone(),
                index: b.index(unit.outcomes.len() + 1),
                outcome: LearningOutcome {
                    id: id.as_str().into(),
                    text,
                    content: vec![ContentTopic {
                        id: format!("{id}-t1").as_str().into(),
                        heading: "Heading".into(),
                        points: vec!["A point".into()],
                    }],
                    criteria: vec![Criterion {
                        id: format!("{id}-p").as_str().into(),
                        band: Band::Pass,
                        text: "Explain".into(),
                    }],
                },
            }
        }
        11 => Edit::RemoveOutcome {
            outcome: choose(a, &outcomes)?,
        },
        12 => Edit::MoveOutcome {
            outcome: choose(a, &outcomes)?,
            to: b.index(5),
        },
        13 => Edit::InsertCriterion {
            outcome: choose(a, &outcomes)?,
            index: b.index(5),
            criterion: Criterion {
                id: doc.fresh_id("added-c").as_str().into(),
                band: *c.get(&Band::ALL),
                text,
            },
        },
        14 => Edit::RemoveCriterion {
            criterion: choose(a, &criteria)?,
        },
        15 => Edit::MoveCriterion {
            criterion: choose(a, &criteria)?,
            to: b.index(5),
        },
        16 => Edit::InsertTopic {
            outcome: choose(a, &outcomes)?,
            index: b.index(3),
            topic: ContentTopic {
                id: doc.fresh_id("added-t").as_str().into(),
                heading: text,
                points: Vec::new(),
            },
        },
        17 => Edit::RemoveTopic {
            topic: choose(a, &topics)?,
        },
        18 => Edit::MoveTopic {
            topic: choose(a, &topics)?,
            to: b.index(3),
        },
        19 => Edit::InsertResource {
            unit: choose(a, &units)?,
            index: b.index(3),
            resource: Resource {
                id: doc.fresh_id("added-r").as_str().into(),
                kind: *c.get(&ResourceKind::ALL),
                text,
            },
        },
        20 => Edit::RemoveResource {
            resource: choose(a, &resources)?,
        },
        21 => Edit::MoveResource {
            resource: choose(a, &resources)?,
            to: b.index(3),
        },
        22 => {
            let unit = choose(a, &units)?;
            let others: Vec<_> = units.iter().filter(|u| **u != unit).cloned().collect();
            let links = if op.flag {
                others
            } else {
                others.into_iter().rev().take(1).collect()
            };
            Edit::SetLinks { unit, links }
        }
        23 => {
            let mut rules = doc.qualification.rules.clone();
            if op.flag {
                rules.groups.push(OptionalGroup {
                    id: doc.fresh_id("group-").as_str().into(),
                    title: text,
                    units: units.iter().take(b.index(3)).cloned().collect(),
                    min_credits: Some(op.number % 60),
                    ..OptionalGroup::default()
                });
            } else if let Some(unit) = choose(b, &units) {
                rules.mandatory.retain(|u| *u != unit);
                rules.mandatory.insert(0, unit);
            }
            Edit::SetRules(rules)
        }
        24 => Edit::SetCoverage {
            outcome: choose(a, &outcomes)?,
            ksb: choose(b, &ksbs)?,
            coverage: match c.index(3) {
                0 => None,
                1 => Some(Coverage::Partial),
                _ => Some(Coverage::Full),
            },
        },
        25 => Edit::RestoreMapping {
            index: c.index(doc.mappings.len() + 1),
            mapping: Mapping {
                outcome: choose(a, &outcomes)?,
                ksb: choose(b, &ksbs)?,
                coverage: Coverage::Partial,
                note: text,
            },
        },
        26 => {
            let id = doc.fresh_stem("added-st");
            Edit::InsertStandard {
                index: a.index(doc.standards.len() + 1),
                standard: Box::new(Standard {
                    id: id.as_str().into(),
                    reference: "ST0220".into(),
                    title: text,
                    level: 4,
                    ksbs: vec![htq_core::model::Ksb {
                        id: format!("{id}-k1").as_str().into(),
                        kind: htq_core::model::KsbKind::Knowledge,
                        code: "K1".into(),
                        text: "Knows".into(),
                    }],
                    ..Standard::default()
                }),
            }
        }
        27 => Edit::RemoveStandard {
            standard: choose(a, &doc.standards)?.id,
        },
        28 => Edit::SetStatus {
            item: choose(a, &items)?,
            status: *b.get(&ItemStatus::ALL),
        },
        29 => Edit::AddEntry {
            item: choose(a, &items)?,
            entry: Entry {
                kind: EntryKind::Comment,
                text,
                member: choose(b, &doc.panel.members)
                    .map(|m| m.id)
                    .filter(|_| op.flag),
                session: None,
                at: "2026-11-09T11:00:00Z".into(),
            },
        },
        30 => Edit::RemoveLastEntry {
            item: choose(a, &doc.panel.items)?.item,
        },
        31 => {
            let without: Vec<_> = items
                .into_iter()
                .filter(|item| doc.panel.item(item).is_none())
                .collect();
            Edit::InsertItemRecord {
                index: b.index(doc.panel.items.len() + 1),
                record: ItemRecord {
                    item: choose(a, &without)?,
                    status: *c.get(&ItemStatus::ALL),
                    entries: Vec::new(),
                },
            }
        }
        32 => Edit::RemoveItemRecord {
            item: choose(a, &doc.panel.items)?.item,
        },
        33 => {
            let mut members = doc.panel.members.clone();
            members.push(Member {
                id: format!("m-added-{}", members.len()),
                name: text,
                organisation: String::new(),
                role: *b.get(&MemberRole::ALL),
            });
            let mut sessions = doc.panel.sessions.clone();
            if op.flag {
                sessions.clear();
            }
            Edit::SetPanelPeople { members, sessions }
        }
        35 => {
            let mut standard = choose(a, &doc.standards)?;
            if op.flag {
                let id = doc.fresh_id(&format!("{}-k", standard.id));
                standard.ksbs.insert(
                    b.index(standard.ksbs.len() + 1),
                    htq_core::model::Ksb {
                        id: id.as_str().into(),
                        kind: *c.get(&htq_core::model::KsbKind::ALL),
                        code: "S99".into(),
                        text,
                    },
                );
                standard.duties.push(htq_core::model::Duty {
                    id: format!("d-added-{}", standard.duties.len()).as_str().into(),
                    code: "D99".into(),
                    text: "A duty typed by hand".into(),
                    ksbs: vec![id.as_str().into()],
                });
            } else if !standard.ksbs.is_empty() {
                let retired = standard.ksbs.remove(b.index(standard.ksbs.len())).id;
                for list in standard
                    .duties
                    .iter_mut()
                    .map(|d| &mut d.ksbs)
                    .chain(standard.options.iter_mut().map(|o| &mut o.ksbs))
                {
                    list.retain(|k| *k != retired);
                }
                standard.ksbs.reverse();
            }
            Edit::ReplaceStandard {
                standard: Box::new(standard),
            }
        }
        36 => Edit::SetClaims(
            doc.standards
                .iter()
                .enumerate()
                .filter(|(i, _)| (op.number >> (i % 32)) & 1 == 1)
                .map(|(_, standard)| htq_core::model::Claim {
                    standard: standard.id.clone(),
                    options: standard
                        .options
                        .iter()
                        .take(usize::from(op.flag))
                        .map(|o| o.title.clone())
                        .collect(),
                })
                .collect(),
        ),
        37 => Edit::SetOutOfScope {
            ksb: choose(b, &ksbs)?,
            reason: op.flag.then_some(text),
        },
        38 => Edit::RestoreOutOfScope {
            index: c.index(doc.qualification.out_of_scope.len() + 1),
            entry: htq_core::model::OutOfScope {
                ksb: choose(b, &ksbs)?,
                reason: text,
            },
        },
        _ => {
            // Any variant but a batch again.
            let not_batch = |pick: &Index| match pick.index(VARIANTS - 1) {
                n if n >= 34 => n + 1,
                n => n,
            };
            let mut first = op.clone();
            first.variant = not_batch(a);
            let mut second = op.clone();
            second.variant = not_batch(d);
            let edits = [make(doc, &first), make(doc, &second)];
            Edit::Batch(edits.into_iter().flatten().collect())
        }
    })
}

/// Which variants have been applied (accepted, then undone) at least once.
static APPLIED: [AtomicBool; VARIANTS] = [const { AtomicBool::new(false) }; VARIANTS];

/// Applies each edit of `ops` in turn; each must undo to the same document and the same
/// saved bytes, redo to what it first made, and, when refused, change nothing.
fn undoes_exactly(mut doc: Curriculum, ops: Vec<Op>) -> Result<(), TestCaseError> {
    for op in ops {
        let Some(edit) = make(&doc, &op) else {
            continue;
        };
        let number = variant(&edit);
        let before = doc.clone();
        let bytes = store::to_string(&doc);
        match doc.apply(edit.clone()) {
            Ok(inverse) => {
                let after = doc.clone();
                let redo = doc.apply(inverse);
                prop_assert!(
                    redo.is_ok(),
                    "the inverse of {edit:?} was refused: {redo:?}"
                );
                prop_assert_eq!(&doc, &before, "undo of {:?}", edit);
                prop_assert_eq!(
                    store::to_string(&doc),
                    bytes.clone(),
                    "saved bytes after undo of {:?}",
                    edit
                );
                doc.apply(edit.clone())
                    .map_err(|e| TestCaseError::fail(format!("{edit:?} again: {e}")))?;
                prop_assert_eq!(&doc, &after, "redo of {:?}", edit);

                let mut history = History::new();
                let mut through_history = before.clone();
                prop_assert!(history.apply(&mut through_history, edit.clone()).is_ok());
                prop_assert!(history.undo(&mut through_history));
                prop_assert_eq!(
                    store::to_string(&through_history),
                    bytes,
                    "History undo of {:?}",
                    edit
                );
                prop_assert!(
                    !history.is_dirty(),
                    "back at the saved state after undoing {:?}",
                    edit
                );
                APPLIED[number].store(true, Ordering::Relaxed);
            }
            Err(_) => prop_assert_eq!(&doc, &before, "refused {:?} left a change", edit),
        }
    }
    Ok(())
}

#[test]
fn every_edit_of_every_variant_undoes_exactly() {
    let mut runner = TestRunner::new(Config {
        cases: 1024,
        failure_persistence: None,
        ..Config::default()
    });
    let strategy = (document(), prop::collection::vec(op(), 1..10));
    if let Err(failure) = runner.run(&strategy, |(doc, ops)| undoes_exactly(doc, ops)) {
        panic!("{failure}");
    }
    let never: Vec<usize> = (0..VARIANTS)
        .filter(|&n| !APPLIED[n].load(Ordering::Relaxed))
        .collect();
    assert!(
        never.is_empty(),
        "these Edit variants were never generated and applied: {never:?} (see `variant`)"
    );
}
