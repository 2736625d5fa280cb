//! What an edit must satisfy before it is applied: positions in range, inserted ids new and
//! unique, references resolving. Each check returns the [`EditError`] that refuses the edit;
//! none of them changes the document.

use super::edit::missing;
use super::{
    Claim, ContentTopic, Curriculum, EditError, KsbId, LearningOutcome, OutcomeId,
    RulesOfCombination, Standard, Unit, UnitId,
};
use std::collections::HashSet;

/// An insertion position: from 0 to `len` inclusive.
pub(super) fn check_index(index: usize, len: usize) -> Result<(), EditError> {
    if index > len {
        Err(EditError::OutOfRange { index, len })
    } else {
        Ok(())
    }
}

/// The position of an existing item: below `len`.
pub(super) fn check_position(index: usize, len: usize) -> Result<(), EditError> {
    if index >= len {
        Err(EditError::OutOfRange { index, len })
    } else {
        Ok(())
    }
}

/// Moves the item at `from` to `to` in `items`, after checking `to`.
pub(super) fn move_item<T>(items: &mut Vec<T>, from: usize, to: usize) -> Result<(), EditError> {
    check_position(to, items.len())?;
    let item = items.remove(from);
    items.insert(to, item);
    Ok(())
}

impl Curriculum {
    /// `id` is not empty, not used in the document and not among `seen` (ids of the same
    /// insertion checked so far), which it joins.
    fn check_fresh(&self, id: &str, seen: &mut HashSet<String>) -> Result<(), EditError> {
        if id.trim().is_empty() {
            return Err(EditError::Invalid("an id may not be empty".into()));
        }
        if self.id_taken(id) || !seen.insert(id.to_owned()) {
            return Err(EditError::DuplicateId(id.to_owned()));
        }
        Ok(())
    }

    fn check_fresh_outcome_ids(
        &self,
        outcome: &LearningOutcome,
        seen: &mut HashSet<String>,
    ) -> Result<(), EditError> {
        self.check_fresh(outcome.id.as_str(), seen)?;
        for topic in &outcome.content {
            self.check_fresh(topic.id.as_str(), seen)?;
        }
        outcome
            .criteria
            .iter()
            .try_for_each(|c| self.check_fresh(c.id.as_str(), seen))
    }

    /// Every id of `outcome` (its own, its topics', its criteria's) is new.
    pub(super) fn check_fresh_outcome(&self, outcome: &LearningOutcome) -> Result<(), EditError> {
        self.check_fresh_outcome_ids(outcome, &mut HashSet::new())
    }

    /// The id of `topic` is new.
    pub(super) fn check_fresh_topic(&self, topic: &ContentTopic) -> Result<(), EditError> {
        self.check_fresh(topic.id.as_str(), &mut HashSet::new())
    }

    /// `id` (of a criterion or resource) is new.
    pub(super) fn check_fresh_id(&self, id: &str) -> Result<(), EditError> {
        self.check_fresh(id, &mut HashSet::new())
    }

    /// Every id of `unit` and of everything in it is new.
    pub(super) fn check_fresh_unit(&self, unit: &Unit) -> Result<(), EditError> {
        let mut seen = HashSet::new();
        self.check_fresh(unit.id.as_str(), &mut seen)?;
        for resource in &unit.resources {
            self.check_fresh(resource.id.as_str(), &mut seen)?;
        }
        unit.outcomes
            .iter()
            .try_for_each(|o| self.check_fresh_outcome_ids(o, &mut seen))
    }

    /// Every id of `standard` is new and its duties and options name only its own KSBs.
    pub(super) fn check_fresh_standard(&self, standard: &Standard) -> Result<(), EditError> {
        let mut seen = HashSet::new();
        self.check_fresh(standard.id.as_str(), &mut seen)?;
        for ksb in &standard.ksbs {
            self.check_fresh(ksb.id.as_str(), &mut seen)?;
        }
        let own: HashSet<&KsbId> = standard.ksbs.iter().map(|k| &k.id).collect();
        let referenced = standard
            .duties
            .iter()
            .flat_map(|d| &d.ksbs)
            .chain(standard.options.iter().flat_map(|o| &o.ksbs));
        for ksb in referenced {
            if !own.contains(ksb) {
                return Err(missing("KSB in this standard", ksb));
            }
        }
        Ok(())
    }

    /// `standard` may replace the standard at `index`: its KSB ids are its own (not used
    /// anywhere else in the document, not twice in it, not empty), its duty ids are unique
    /// within it, its duties and options name only its KSBs, and no mapping names a KSB it
    /// drops.
    pub(super) fn check_replacement(
        &self,
        index: usize,
        standard: &Standard,
    ) -> Result<(), EditError> {
        let old = &self.standards[index];
        let own: HashSet<&str> = std::iter::once(old.id.as_str())
            .chain(old.ksbs.iter().map(|k| k.id.as_str()))
            .collect();
        let mut seen = HashSet::new();
        for ksb in &standard.ksbs {
            let id = ksb.id.as_str();
            if id.trim().is_empty() {
                return Err(EditError::Invalid("an id may not be empty".into()));
            }
            if (self.id_taken(id) && !own.contains(id)) || !seen.insert(id) || id == old.id.as_str()
            {
                return Err(EditError::DuplicateId(id.to_owned()));
            }
        }
        let mut duties = HashSet::new();
        for duty in &standard.duties {
            if duty.id.as_str().trim().is_empty() || !duties.insert(duty.id.as_str()) {
                return Err(EditError::DuplicateId(duty.id.to_string()));
            }
        }
        let referenced = standard
            .duties
            .iter()
            .flat_map(|d| &d.ksbs)
            .chain(standard.options.iter().flat_map(|o| &o.ksbs));
        for ksb in referenced {
            if !seen.contains(ksb.as_str()) {
                return Err(missing("KSB in this standard", ksb));
            }
        }
        let dropped = self
            .mappings
            .iter()
            .find(|m| old.ksbs.iter().any(|k| k.id == m.ksb) && !seen.contains(m.ksb.as_str()));
        if let Some(mapping) = dropped {
            return Err(EditError::Invalid(format!(
                "{} is still mapped to {}",
                mapping.ksb, mapping.outcome
            )));
        }
        Ok(())
    }

    /// `links` of `unit` name other units that exist.
    pub(super) fn check_links(&self, unit: &UnitId, links: &[UnitId]) -> Result<(), EditError> {
        for link in links {
            if link == unit {
                return Err(EditError::Invalid(format!(
                    "unit {unit} cannot link to itself"
                )));
            }
            if self.unit(link).is_none() {
                return Err(missing("unit", link));
            }
        }
        Ok(())
    }

    /// Every unit `rules` name exists and group ids are unique.
    pub(super) fn check_rules(&self, rules: &RulesOfCombination) -> Result<(), EditError> {
        let units = rules
            .mandatory
            .iter()
            .chain(rules.groups.iter().flat_map(|g| &g.units));
        for unit in units {
            if self.unit(unit).is_none() {
                return Err(missing("unit", unit));
            }
        }
        let mut groups = HashSet::new();
        for group in &rules.groups {
            if !groups.insert(&group.id) {
                return Err(EditError::DuplicateId(group.id.0.clone()));
            }
        }
        Ok(())
    }

    /// Every claim names a standard of the file, each standard once, each option once and
    /// as the standard titles it.
    pub(super) fn check_claims(&self, claims: &[Claim]) -> Result<(), EditError> {
        let mut standards = HashSet::new();
        for claim in claims {
            let standard = self
                .standard(&claim.standard)
                .ok_or_else(|| missing("standard", &claim.standard))?;
            if !standards.insert(&claim.standard) {
                return Err(EditError::Invalid(format!(
                    "{} is claimed twice; claim it once, with every option claimed",
                    standard.reference
                )));
            }
            let mut options = HashSet::new();
            for option in &claim.options {
                if !standard.options.iter().any(|o| &o.title == option) {
                    return Err(EditError::Invalid(format!(
                        "{} has no option \"{option}\"",
                        standard.reference
                    )));
                }
                if !options.insert(option) {
                    return Err(EditError::Invalid(format!(
                        "the option \"{option}\" of {} is claimed twice",
                        standard.reference
                    )));
                }
            }
        }
        Ok(())
    }

    /// Both ends of a mapping exist.
    pub(super) fn check_mapping_refs(
        &self,
        outcome: &OutcomeId,
        ksb: &KsbId,
    ) -> Result<(), EditError> {
        if self.outcome_position(outcome).is_none() {
            return Err(missing("learning outcome", outcome));
        }
        if self.ksb(ksb).is_none() {
            return Err(missing("KSB", ksb));
        }
        Ok(())
    }
}
