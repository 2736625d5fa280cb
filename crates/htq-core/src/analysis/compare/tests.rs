use super::*;
use crate::model::synthetic::{Size, curriculum};
use crate::model::{Band, Coverage, Criterion, Edit, NumberField, TextField};

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

fn edited(edits: Vec<Edit>) -> Curriculum {
    let mut doc = small();
    for edit in edits {
        doc.apply(edit).expect("the test edit applies");
    }
    doc
}

fn descriptions(new: &Curriculum) -> Vec<String> {
    compare(&small(), new)
        .changes
        .into_iter()
        .map(|c| c.description)
        .collect()
}

#[test]
fn a_version_compared_with_itself_has_no_changes() {
    assert!(compare(&small(), &small()).is_empty());
}

#[test]
fn criterion_text_and_band_changes_use_display_numbers() {
    let new = edited(vec![
        Edit::SetText {
            field: TextField::CriterionText("u1-lo1-c0".into()),
            value: "Describe it".into(),
        },
        Edit::SetBand {
            criterion: "u1-lo1-c1".into(),
            band: Band::Distinction,
        },
    ]);
    let comparison = compare(&small(), &new);
    let got: Vec<&str> = comparison
        .changes
        .iter()
        .map(|c| c.description.as_str())
        .collect();
    assert_eq!(
        got,
        [
            "4002 LO2 P2: text changed",
            "4002 LO2 D2: band Merit → Distinction"
        ]
    );
    assert_eq!(
        comparison.changes[0].location,
        Some(Location::Criterion("u1-lo1-c0".into()))
    );
    assert_eq!(comparison.count(ChangeKind::Changed), 2);
}

#[test]
fn unit_fields_are_named() {
    let new = edited(vec![
        Edit::SetText {
            field: TextField::UnitTitle("u0".into()),
            value: "Safety".into(),
        },
        Edit::SetText {
            field: TextField::UnitNumber("u0".into()),
            value: "4101".into(),
        },
        Edit::SetNumber {
            field: NumberField::UnitCredits("u0".into()),
            value: 30,
        },
    ]);
    assert_eq!(
        descriptions(&new),
        ["Unit 4101: number 4001 → 4101, credits 15 → 30 and title changed"]
    );
}

#[test]
fn added_and_removed_units_outcomes_and_criteria_are_listed_once() {
    let mut unit = small().units[0].clone();
    unit.id = "new".into();
    unit.number = "5099".into();
    unit.title = "Robotics".into();
    unit.outcomes.clear();
    unit.resources.clear();
    let new = edited(vec![
        Edit::RemoveUnit { unit: "u2".into() },
        Edit::InsertUnit {
            index: 0,
            unit: Box::new(unit),
        },
        Edit::RemoveOutcome {
            outcome: "u3-lo3".into(),
        },
        Edit::InsertCriterion {
            outcome: "u3-lo0".into(),
            index: 1,
            criterion: Criterion {
                id: "extra".into(),
                band: Band::Merit,
                text: "Assess".into(),
            },
        },
    ]);
    let comparison = compare(&small(), &new);
    let units: Vec<&str> = comparison
        .changes
        .iter()
        .filter(|c| !matches!(c.subject, Subject::Mapping(..)))
        .map(|c| c.description.as_str())
        .collect();
    assert_eq!(
        units,
        [
            "Rules of combination: optional group \"Optional units: AI-enabled health devices\": \
             4003 removed",
            "Unit 5099 added (Robotics)",
            "4004 LO1 M1 added",
            "4004 LO4 removed",
            "Unit 4003 removed (Synthetic Unit 3)",
        ]
    );
    let removed = comparison
        .changes
        .iter()
        .find(|c| c.subject == Subject::Outcome("u3-lo3".into()));
    assert_eq!(
        removed.and_then(|c| c.location.clone()),
        Some(Location::Unit("u3".into()))
    );
    assert!(
        comparison
            .changes
            .iter()
            .any(|c| c.kind == ChangeKind::Removed && matches!(c.subject, Subject::Mapping(..)))
    );
}

#[test]
fn moves_and_reorders_are_told_apart() {
    let new = edited(vec![
        Edit::MoveOutcome {
            outcome: "u1-lo0".into(),
            to: 2,
        },
        Edit::MoveCriterion {
            criterion: "u4-lo0-c0".into(),
            to: 2,
        },
        Edit::MoveUnit {
            unit: "u7".into(),
            to: 0,
        },
    ]);
    assert_eq!(
        descriptions(&new),
        [
            "Qualification: units reordered",
            "Unit 4002: learning outcomes reordered",
            "5005 LO1: criteria reordered",
        ]
    );
}

#[test]
fn an_outcome_moved_to_another_unit_says_where_from() {
    let mut new = small();
    let outcome = new.units[1].outcomes.remove(3);
    new.units[2].outcomes.push(outcome);
    assert_eq!(descriptions(&new), ["4003 LO5: moved from 4002 LO4"]);
}

#[test]
fn mapping_changes_name_outcome_and_ksb() {
    let doc = small();
    let mapping = doc.mappings[0].clone();
    let flipped = match mapping.coverage {
        Coverage::Full => Coverage::Partial,
        Coverage::Partial => Coverage::Full,
    };
    let new = edited(vec![Edit::SetCoverage {
        outcome: mapping.outcome.clone(),
        ksb: mapping.ksb.clone(),
        coverage: Some(flipped),
    }]);
    let label = format!(
        "{} → {}",
        labels::outcome_label_in(&doc, &mapping.outcome),
        labels::ksb_label(&doc, &mapping.ksb)
    );
    assert_eq!(
        descriptions(&new),
        [format!(
            "Mapping {label}: {} → {}",
            mapping.coverage.label(),
            flipped.label()
        )]
    );
    assert_eq!(label, "4001 LO1 → ST9000 K1");
}

#[test]
fn standards_and_qualification_fields_are_compared() {
    let mut new = small();
    new.standards[0].version = "1.1".into();
    new.standards[0].ksbs[3].text = "Reworded".into();
    new.qualification.issue = "Issue 2".into();
    new.qualification.rules.level_credits.clear();
    assert_eq!(
        descriptions(&new),
        [
            "Qualification: issue changed",
            "Rules of combination: credits needed per level changed",
            "Standard ST9000: version 1.0 → 1.1 and S2 changed",
        ]
    );
}
