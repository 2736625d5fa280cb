//! Edits refused, cascades and exact inverses, case by case; `tests/edit_props.rs` checks
//! every variant on random documents.

use super::*;
use crate::model::synthetic::{Size, curriculum};
use crate::model::{Band, Entry, ItemRef, ItemStatus, Member};

fn small() -> Curriculum {
    curriculum(Size {
        units: 8,
        outcomes_per_unit: 4,
        criteria_per_outcome: 3,
        standards: 1,
        ksbs_per_standard: 10,
        mappings: 30,
    })
}

#[test]
fn removing_a_unit_removes_its_mappings_rules_and_links() {
    let mut doc = small();
    doc.apply(Edit::SetLinks {
        unit: "u3".into(),
        links: vec!["u0".into()],
    })
    .unwrap();
    let original = doc.clone();
    doc.apply(Edit::RemoveUnit { unit: "u0".into() }).unwrap();
    assert!(doc.unit(&"u0".into()).is_none());
    assert!(
        doc.mappings
            .iter()
            .all(|m| !m.outcome.as_str().starts_with("u0-"))
    );
    assert!(!doc.qualification.rules.mandatory.contains(&"u0".into()));
    assert!(doc.unit(&"u3".into()).unwrap().links.is_empty());
    assert!(original.mappings.len() > doc.mappings.len());
}

#[test]
fn bad_references_are_refused_and_change_nothing() {
    let mut doc = small();
    let original = doc.clone();
    let refused = [
        Edit::SetText {
            field: TextField::OutcomeText("nope".into()),
            value: "x".into(),
        },
        Edit::SetPoints {
            topic: "nope".into(),
            points: vec!["x".into()],
        },
        Edit::SetCoverage {
            outcome: "u0-lo0".into(),
            ksb: "missing".into(),
            coverage: Some(Coverage::Full),
        },
        Edit::SetLinks {
            unit: "u0".into(),
            links: vec!["u0".into()],
        },
        Edit::MoveUnit {
            unit: "u0".into(),
            to: 99,
        },
        Edit::InsertCriterion {
            outcome: "u0-lo0".into(),
            index: 0,
            criterion: Criterion {
                id: "u1".into(),
                band: Band::Pass,
                text: String::new(),
            },
        },
        Edit::InsertTopic {
            outcome: "u0-lo0".into(),
            index: 0,
            topic: ContentTopic {
                id: "u0-lo0-t1".into(),
                ..ContentTopic::default()
            },
        },
        Edit::SetNumber {
            field: NumberField::UnitLevel("u0".into()),
            value: 300,
        },
        Edit::RemoveItemRecord {
            item: ItemRef::Unit("u0".into()),
        },
        Edit::Batch(vec![
            Edit::SetText {
                field: TextField::UnitTitle("u0".into()),
                value: "changed".into(),
            },
            Edit::RemoveUnit {
                unit: "missing".into(),
            },
        ]),
    ];
    for edit in refused {
        assert!(doc.apply(edit.clone()).is_err(), "{edit:?} was accepted");
        assert_eq!(doc, original, "{edit:?} left a change behind");
    }
}

#[test]
fn a_status_on_an_item_with_no_record_undoes_to_no_record() {
    let mut doc = small();
    let original = doc.clone();
    let item = ItemRef::Outcome("u0-lo0".into());
    let inverse = doc
        .apply(Edit::SetStatus {
            item: item.clone(),
            status: ItemStatus::Draft,
        })
        .unwrap();
    assert_eq!(doc.panel.items.len(), 1);
    doc.apply(inverse).unwrap();
    assert_eq!(doc, original, "no stray Draft record is left");
}

#[test]
fn a_member_with_entries_on_record_cannot_be_removed() {
    let mut doc = small();
    let member = Member {
        id: "m1".into(),
        name: "Priya".into(),
        ..Member::default()
    };
    doc.apply(Edit::SetPanelPeople {
        members: vec![member],
        sessions: Vec::new(),
    })
    .unwrap();
    doc.apply(Edit::AddEntry {
        item: ItemRef::Unit("u0".into()),
        entry: Entry {
            member: Some("m1".into()),
            text: "Agreed".into(),
            ..Entry::default()
        },
    })
    .unwrap();
    let removal = doc.apply(Edit::SetPanelPeople {
        members: Vec::new(),
        sessions: Vec::new(),
    });
    assert!(matches!(removal, Err(EditError::Invalid(_))));
    assert_eq!(doc.panel.members.len(), 1);
}

#[test]
fn inserting_a_unit_with_a_taken_id_is_refused() {
    let mut doc = small();
    let copy = doc.units[0].clone();
    let result = doc.apply(Edit::InsertUnit {
        index: 0,
        unit: Box::new(copy),
    });
    assert_eq!(result, Err(EditError::DuplicateId("u0".into())));
}
