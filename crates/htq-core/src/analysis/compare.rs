//! What changed between two versions of a curriculum, item by item by id: units, learning
//! outcomes, criteria, mappings, standards, the qualification's details and its rules of
//! combination. Each change reads like a line of a panel's change log ("4010 LO2 P3: text
//! changed") and points where the GUI can jump to, when the item still exists.
//!
//! The qualification, the rules and the standards are compared in `compare/parts.rs`; units
//! and what they hold are compared here. Ids decide what is the same item: an item whose id
//! changed is one removed and one added. The panel record is not compared.

mod describe;
mod labels;
mod parts;

pub use describe::describe_edit;

use super::Location;
use crate::model::{
    CriterionId, Curriculum, KsbId, LearningOutcome, OutcomeId, StandardId, Unit, UnitId,
};
use labels::{criterion_label, outcome_label_of, unit_label};
use std::collections::{HashMap, HashSet};

/// Whether an item was added, removed or changed.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum ChangeKind {
    /// In the new version only.
    Added,
    /// In the old version only.
    Removed,
    /// In both, different.
    Changed,
}

/// The item a change is about.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub enum Subject {
    /// The qualification's details, or the order of its units.
    Qualification,
    /// The rules of combination.
    Rules,
    /// A unit.
    Unit(UnitId),
    /// A learning outcome.
    Outcome(OutcomeId),
    /// An assessment criterion.
    Criterion(CriterionId),
    /// The mapping of an outcome to a KSB.
    Mapping(OutcomeId, KsbId),
    /// An occupational standard.
    Standard(StandardId),
}

/// One difference between two versions.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Change {
    /// Added, removed or changed.
    pub kind: ChangeKind,
    /// The item.
    pub subject: Subject,
    /// What changed, with display numbers, e.g. "4010 LO2 P3: text changed".
    pub description: String,
    /// Where to look in the new version; `None` when neither the item nor what held it is there.
    pub location: Option<Location>,
}

/// Every difference between two versions, in the order of the new version's document.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Comparison {
    /// The changes.
    pub changes: Vec<Change>,
}

impl Comparison {
    /// True when the versions hold the same curriculum.
    pub fn is_empty(&self) -> bool {
        self.changes.is_empty()
    }

    /// How many changes of `kind` there are.
    pub fn count(&self, kind: ChangeKind) -> usize {
        self.changes.iter().filter(|c| c.kind == kind).count()
    }
}

/// Compares `old` with `new` item by item by id.
pub fn compare(old: &Curriculum, new: &Curriculum) -> Comparison {
    let mut changes = Vec::new();
    parts::qualification(old, new, &mut changes);
    parts::rules(old, new, &mut changes);
    Units::new(old, new).compare(&mut changes);
    parts::standards(old, new, &mut changes);
    parts::mappings(old, new, &mut changes);
    Comparison { changes }
}

fn change(
    kind: ChangeKind,
    subject: Subject,
    description: String,
    location: Option<Location>,
) -> Change {
    Change {
        kind,
        subject,
        description,
        location,
    }
}

/// "a, b and c".
fn listed(items: &[String]) -> String {
    match items {
        [] => String::new(),
        [only] => only.clone(),
        [rest @ .., last] => format!("{} and {last}", rest.join(", ")),
    }
}

/// Whether the items both lists hold are in a different order in each.
fn reordered<T: Eq + std::hash::Hash>(old: &[T], new: &[T]) -> bool {
    let old_set: HashSet<&T> = old.iter().collect();
    let new_set: HashSet<&T> = new.iter().collect();
    let old_common = old.iter().filter(|id| new_set.contains(id));
    let new_common = new.iter().filter(|id| old_set.contains(id));
    !old_common.eq(new_common)
}

/// Where every outcome and criterion sits in one version: (unit index, outcome index[, ...]).
struct Index {
    outcomes: HashMap<OutcomeId, (usize, usize)>,
    criteria: HashMap<CriterionId, (usize, usize, usize)>,
}

impl Index {
    fn of(doc: &Curriculum) -> Self {
        let mut outcomes = HashMap::new();
        let mut criteria = HashMap::new();
        for (u, unit) in doc.units.iter().enumerate() {
            for (o, outcome) in unit.outcomes.iter().enumerate() {
                outcomes.insert(outcome.id.clone(), (u, o));
                for (c, criterion) in outcome.criteria.iter().enumerate() {
                    criteria.insert(criterion.id.clone(), (u, o, c));
                }
            }
        }
        Self { outcomes, criteria }
    }
}

/// The unit-by-unit comparison of two versions.
struct Units<'a> {
    old: &'a Curriculum,
    new: &'a Curriculum,
    old_index: Index,
    new_index: Index,
}

impl<'a> Units<'a> {
    fn new(old: &'a Curriculum, new: &'a Curriculum) -> Self {
        Self {
            old,
            new,
            old_index: Index::of(old),
            new_index: Index::of(new),
        }
    }

    fn compare(&self, changes: &mut Vec<Change>) {
        for unit in &self.new.units {
            match self.old.unit(&unit.id) {
                None => changes.push(change(
                    ChangeKind::Added,
                    Subject::Unit(unit.id.clone()),
                    format!("Unit {} added ({})", unit_label(unit), unit.title),
                    Some(Location::Unit(unit.id.clone())),
                )),
                Some(before) => self.unit(before, unit, changes),
            }
        }
        for unit in &self.old.units {
            if self.new.unit(&unit.id).is_none() {
                changes.push(change(
                    ChangeKind::Removed,
                    Subject::Unit(unit.id.clone()),
                    format!("Unit {} removed ({})", unit_label(unit), unit.title),
                    None,
                ));
            }
        }
    }

    fn unit(&self, old: &Unit, new: &Unit, changes: &mut Vec<Change>) {
        let mut fields = Vec::new();
        let mut from_to = |name: &str, before: String, after: String| {
            if before != after {
                fields.push(format!("{name} {before} → {after}"));
            }
        };
        from_to("number", old.number.clone(), new.number.clone());
        from_to("level", old.level.to_string(), new.level.to_string());
        from_to("credits", old.credits.to_string(), new.credits.to_string());
        from_to(
            "guided learning hours",
            old.glh.to_string(),
            new.glh.to_string(),
        );
        from_to("theme", old.theme.to_string(), new.theme.to_string());
        let texts = [
            ("title", old.title != new.title),
            ("regulator code", old.regulator_code != new.regulator_code),
            ("introduction", old.introduction != new.introduction),
            ("resources", old.resources != new.resources),
            ("related units", old.links != new.links),
        ];
        fields.extend(
            texts
                .iter()
                .filter(|(_, changed)| *changed)
                .map(|(name, _)| format!("{name} changed")),
        );
        let ids = |unit: &Unit| {
            unit.outcomes
                .iter()
                .map(|o| o.id.clone())
                .collect::<Vec<_>>()
        };
        let (old_ids, new_ids) = (ids(old), ids(new));
        if reordered(&old_ids, &new_ids) {
            fields.push("learning outcomes reordered".into());
        }
        if !fields.is_empty() {
            changes.push(change(
                ChangeKind::Changed,
                Subject::Unit(new.id.clone()),
                format!("Unit {}: {}", unit_label(new), listed(&fields)),
                Some(Location::Unit(new.id.clone())),
            ));
        }
        for (o, outcome) in new.outcomes.iter().enumerate() {
            self.outcome(new, o, outcome, changes);
        }
        for (o, outcome) in old.outcomes.iter().enumerate() {
            if !self.new_index.outcomes.contains_key(&outcome.id) {
                changes.push(change(
                    ChangeKind::Removed,
                    Subject::Outcome(outcome.id.clone()),
                    format!("{} removed", outcome_label_of(old, o)),
                    Some(Location::Unit(new.id.clone())),
                ));
            }
        }
    }

    fn outcome(&self, unit: &Unit, o: usize, new: &LearningOutcome, changes: &mut Vec<Change>) {
        let label = outcome_label_of(unit, o);
        let subject = Subject::Outcome(new.id.clone());
        let location = Some(Location::Outcome(new.id.clone()));
        let Some(&(ou, oo)) = self.old_index.outcomes.get(&new.id) else {
            changes.push(change(
                ChangeKind::Added,
                subject,
                format!("{label} added"),
                location,
            ));
            return;
        };
        let old_unit = &self.old.units[ou];
        let old = &old_unit.outcomes[oo];
        let mut fields = Vec::new();
        if old_unit.id != unit.id {
            fields.push(format!("moved from {}", outcome_label_of(old_unit, oo)));
        }
        if old.text != new.text {
            fields.push("text changed".into());
        }
        if old.content != new.content {
            fields.push("essential content changed".into());
        }
        let ids = |o: &LearningOutcome| o.criteria.iter().map(|c| c.id.clone()).collect::<Vec<_>>();
        let (old_ids, new_ids) = (ids(old), ids(new));
        if reordered(&old_ids, &new_ids) {
            fields.push("criteria reordered".into());
        }
        if !fields.is_empty() {
            changes.push(change(
                ChangeKind::Changed,
                subject,
                format!("{label}: {}", listed(&fields)),
                location.clone(),
            ));
        }
        for criterion in &new.criteria {
            self.criterion(unit, &label, new, &criterion.id, changes);
        }
        for criterion in &old.criteria {
            if !self.new_index.criteria.contains_key(&criterion.id) {
                changes.push(change(
                    ChangeKind::Removed,
                    Subject::Criterion(criterion.id.clone()),
                    format!("{} removed", criterion_label(self.old, &criterion.id)),
                    location.clone(),
                ));
            }
        }
    }

    fn criterion(
        &self,
        unit: &Unit,
        outcome_label: &str,
        outcome: &LearningOutcome,
        id: &CriterionId,
        changes: &mut Vec<Change>,
    ) {
        let label = criterion_label(self.new, id);
        let subject = Subject::Criterion(id.clone());
        let location = Some(Location::Criterion(id.clone()));
        let (Some(&(ou, oo, oc)), Some(&(nu, no, nc))) = (
            self.old_index.criteria.get(id),
            self.new_index.criteria.get(id),
        ) else {
            changes.push(change(
                ChangeKind::Added,
                subject,
                format!("{label} added"),
                location,
            ));
            return;
        };
        let old_outcome = &self.old.units[ou].outcomes[oo];
        let old = &old_outcome.criteria[oc];
        let new = &self.new.units[nu].outcomes[no].criteria[nc];
        let mut fields = Vec::new();
        if old_outcome.id != outcome.id {
            let from = outcome_label_of(&self.old.units[ou], oo);
            let from = if self.old.units[ou].id == unit.id {
                from.rsplit(' ').next().unwrap_or(&from).to_owned()
            } else {
                from
            };
            fields.push(format!("moved from {from} to {outcome_label}"));
        }
        if old.band != new.band {
            fields.push(format!("band {} → {}", old.band, new.band));
        }
        if old.text != new.text {
            fields.push("text changed".into());
        }
        if !fields.is_empty() {
            changes.push(change(
                ChangeKind::Changed,
                subject,
                format!("{label}: {}", listed(&fields)),
                location,
            ));
        }
    }
}

#[cfg(test)]
mod tests;
