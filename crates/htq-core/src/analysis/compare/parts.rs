//! Comparing the parts of a curriculum outside its units: the qualification's details, the
//! rules of combination, the standards and the mappings.

use super::labels::{ksb_label, outcome_label_in, unit_label};
use super::{Change, ChangeKind, Subject, change, listed, reordered};
use crate::analysis::Location;
use crate::analysis::repeats::missing_from;
use crate::model::{Curriculum, KsbId, Mapping, OptionalGroup, OutcomeId, Standard, UnitId};
use std::collections::HashMap;

/// Changes to the qualification's details and to the order of units.
pub(super) fn qualification(old: &Curriculum, new: &Curriculum, changes: &mut Vec<Change>) {
    let (before, after) = (&old.qualification, &new.qualification);
    let mut fields = Vec::new();
    if before.kind != after.kind {
        fields.push(format!("kind {} → {}", before.kind, after.kind));
    }
    if before.level != after.level {
        fields.push(format!("level {} → {}", before.level, after.level));
    }
    if before.total_credits != after.total_credits {
        fields.push(format!(
            "total credits {} → {}",
            before.total_credits, after.total_credits
        ));
    }
    let texts = [
        ("title", before.title != after.title),
        ("awarding body", before.awarding_body != after.awarding_body),
        ("issue", before.issue != after.issue),
        ("issue date", before.issue_date != after.issue_date),
        ("purpose", before.purpose != after.purpose),
        ("audience", before.audience != after.audience),
        ("progression", before.progression != after.progression),
    ];
    fields.extend(
        texts
            .iter()
            .filter(|(_, changed)| *changed)
            .map(|(name, _)| format!("{name} changed")),
    );
    let ids = |doc: &Curriculum| doc.units.iter().map(|u| u.id.clone()).collect::<Vec<_>>();
    let (old_ids, new_ids) = (ids(old), ids(new));
    if reordered(&old_ids, &new_ids) {
        fields.push("units reordered".into());
    }
    if !fields.is_empty() {
        changes.push(change(
            ChangeKind::Changed,
            Subject::Qualification,
            format!("Qualification: {}", listed(&fields)),
            Some(Location::Qualification),
        ));
    }
}

/// The unit's label in `new`, or in `old` when it is gone.
fn unit_name(old: &Curriculum, new: &Curriculum, id: &UnitId) -> String {
    new.unit(id)
        .or_else(|| old.unit(id))
        .map_or_else(|| id.to_string(), |unit| unit_label(unit).to_owned())
}

/// Changes to the rules of combination: mandatory units, optional groups, level rules.
pub(super) fn rules(old: &Curriculum, new: &Curriculum, changes: &mut Vec<Change>) {
    let (before, after) = (&old.qualification.rules, &new.qualification.rules);
    let mut push = |kind, description: String| {
        changes.push(change(
            kind,
            Subject::Rules,
            format!("Rules of combination: {description}"),
            Some(Location::Rules),
        ));
    };
    for unit in missing_from(&after.mandatory, &before.mandatory) {
        push(
            ChangeKind::Added,
            format!("{} made mandatory", unit_name(old, new, unit)),
        );
    }
    for unit in missing_from(&before.mandatory, &after.mandatory) {
        push(
            ChangeKind::Removed,
            format!("{} no longer mandatory", unit_name(old, new, unit)),
        );
    }
    for group in &after.groups {
        match before.groups.iter().find(|g| g.id == group.id) {
            None => push(
                ChangeKind::Added,
                format!("optional group \"{}\" added", group.title),
            ),
            Some(was) => {
                let fields = group_fields(old, new, was, group);
                if !fields.is_empty() {
                    push(
                        ChangeKind::Changed,
                        format!("optional group \"{}\": {}", group.title, listed(&fields)),
                    );
                }
            }
        }
    }
    for group in &before.groups {
        if !after.groups.iter().any(|g| g.id == group.id) {
            push(
                ChangeKind::Removed,
                format!("optional group \"{}\" removed", group.title),
            );
        }
    }
    if before.level_credits != after.level_credits {
        push(
            ChangeKind::Changed,
            "credits needed per level changed".into(),
        );
    }
}

fn group_fields(
    old: &Curriculum,
    new: &Curriculum,
    was: &OptionalGroup,
    group: &OptionalGroup,
) -> Vec<String> {
    let mut fields = Vec::new();
    if was.title != group.title {
        fields.push("title changed".into());
    }
    let names = |units: Vec<&UnitId>| {
        let names: Vec<String> = units.iter().map(|u| unit_name(old, new, u)).collect();
        listed(&names)
    };
    let added = missing_from(&group.units, &was.units);
    if !added.is_empty() {
        fields.push(format!("{} added", names(added)));
    }
    let removed = missing_from(&was.units, &group.units);
    if !removed.is_empty() {
        fields.push(format!("{} removed", names(removed)));
    }
    let bounds = |g: &OptionalGroup| (g.min_credits, g.max_credits, g.min_units, g.max_units);
    if bounds(was) != bounds(group) {
        fields.push("limits changed".into());
    }
    fields
}

/// Added, removed and changed standards.
pub(super) fn standards(old: &Curriculum, new: &Curriculum, changes: &mut Vec<Change>) {
    for standard in &new.standards {
        let subject = Subject::Standard(standard.id.clone());
        let location = Some(Location::Standard(standard.id.clone()));
        match old.standard(&standard.id) {
            None => changes.push(change(
                ChangeKind::Added,
                subject,
                format!("Standard {} added ({})", standard.reference, standard.title),
                location,
            )),
            Some(was) => {
                let fields = standard_fields(was, standard);
                if !fields.is_empty() {
                    changes.push(change(
                        ChangeKind::Changed,
                        subject,
                        format!("Standard {}: {}", standard.reference, listed(&fields)),
                        location,
                    ));
                }
            }
        }
    }
    for standard in &old.standards {
        if new.standard(&standard.id).is_none() {
            changes.push(change(
                ChangeKind::Removed,
                Subject::Standard(standard.id.clone()),
                format!(
                    "Standard {} removed ({})",
                    standard.reference, standard.title
                ),
                None,
            ));
        }
    }
}

fn standard_fields(was: &Standard, standard: &Standard) -> Vec<String> {
    let mut fields = Vec::new();
    if was.reference != standard.reference {
        fields.push(format!(
            "reference {} → {}",
            was.reference, standard.reference
        ));
    }
    if was.version != standard.version {
        fields.push(format!("version {} → {}", was.version, standard.version));
    }
    if was.level != standard.level {
        fields.push(format!("level {} → {}", was.level, standard.level));
    }
    let texts = [
        ("title", was.title != standard.title),
        ("summary", was.summary != standard.summary),
        (
            "illustrative mark",
            was.illustrative != standard.illustrative,
        ),
        ("duties", was.duties != standard.duties),
        ("options", was.options != standard.options),
    ];
    fields.extend(
        texts
            .iter()
            .filter(|(_, changed)| *changed)
            .map(|(name, _)| format!("{name} changed")),
    );
    let codes = |from: &Standard, without: &Standard| -> Vec<String> {
        from.ksbs
            .iter()
            .filter(|k| !without.ksbs.iter().any(|other| other.id == k.id))
            .map(|k| k.code.clone())
            .collect()
    };
    let added = codes(standard, was);
    if !added.is_empty() {
        fields.push(format!("{} added", listed(&added)));
    }
    let removed = codes(was, standard);
    if !removed.is_empty() {
        fields.push(format!("{} removed", listed(&removed)));
    }
    let reworded: Vec<String> = standard
        .ksbs
        .iter()
        .filter(|k| {
            was.ksbs
                .iter()
                .any(|w| w.id == k.id && (w.text != k.text || w.code != k.code || w.kind != k.kind))
        })
        .map(|k| k.code.clone())
        .collect();
    if !reworded.is_empty() {
        fields.push(format!("{} changed", listed(&reworded)));
    }
    fields
}

/// "4020 LO1 → ST1512 K5" in `doc`.
fn mapping_label(doc: &Curriculum, outcome: &OutcomeId, ksb: &KsbId) -> String {
    format!(
        "{} → {}",
        outcome_label_in(doc, outcome),
        ksb_label(doc, ksb)
    )
}

/// Added, removed and re-graded mappings, and changed notes.
pub(super) fn mappings(old: &Curriculum, new: &Curriculum, changes: &mut Vec<Change>) {
    let key = |m: &Mapping| (m.outcome.clone(), m.ksb.clone());
    let before: HashMap<(OutcomeId, KsbId), &Mapping> =
        old.mappings.iter().map(|m| (key(m), m)).collect();
    let after: HashMap<(OutcomeId, KsbId), &Mapping> =
        new.mappings.iter().map(|m| (key(m), m)).collect();
    let location = |doc: &Curriculum, outcome: &OutcomeId| {
        doc.outcome_position(outcome)
            .map(|_| Location::Outcome(outcome.clone()))
    };
    for mapping in &new.mappings {
        let label = mapping_label(new, &mapping.outcome, &mapping.ksb);
        let subject = Subject::Mapping(mapping.outcome.clone(), mapping.ksb.clone());
        let (kind, description) = match before.get(&key(mapping)) {
            None => (
                ChangeKind::Added,
                format!("Mapping {label} added ({})", mapping.coverage.label()),
            ),
            Some(was) => {
                let mut fields = Vec::new();
                if was.coverage != mapping.coverage {
                    fields.push(format!(
                        "{} → {}",
                        was.coverage.label(),
                        mapping.coverage.label()
                    ));
                }
                if was.note != mapping.note {
                    fields.push("note changed".into());
                }
                if fields.is_empty() {
                    continue;
                }
                (
                    ChangeKind::Changed,
                    format!("Mapping {label}: {}", listed(&fields)),
                )
            }
        };
        changes.push(change(
            kind,
            subject,
            description,
            location(new, &mapping.outcome),
        ));
    }
    for mapping in &old.mappings {
        if !after.contains_key(&key(mapping)) {
            changes.push(change(
                ChangeKind::Removed,
                Subject::Mapping(mapping.outcome.clone(), mapping.ksb.clone()),
                format!(
                    "Mapping {} removed",
                    mapping_label(old, &mapping.outcome, &mapping.ksb)
                ),
                location(new, &mapping.outcome),
            ));
        }
    }
}
