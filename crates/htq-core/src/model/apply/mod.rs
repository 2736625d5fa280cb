//! Carrying out edits: [`Curriculum::apply`] checks an [`Edit`], applies it and returns the
//! exact inverse, so that applying the inverse gives back the same document (and the same
//! saved bytes). Removals cascade (a unit's mappings, rule entries and links go with it) as
//! one step whose inverse restores all of it.

mod panel;

use super::checks::{check_index, move_item};
use super::edit::missing;
use super::{
    ContentTopic, Coverage, Criterion, CriterionId, Curriculum, Duty, DutyId, Edit, EditError, Ksb,
    KsbId, LearningOutcome, Mapping, NumberField, OutOfScope, OutcomeId, Resource, ResourceId,
    Standard, StandardId, TextField, TopicId, Unit, UnitId,
};
use std::collections::HashSet;

impl Curriculum {
    /// Applies `edit`, returning the edit that undoes it. On error nothing changes.
    pub fn apply(&mut self, edit: Edit) -> Result<Edit, EditError> {
        match edit {
            Edit::Batch(edits) => self.apply_batch(edits),
            Edit::RemoveUnit { unit } => {
                let cascade = self.unit_removal(&unit)?;
                self.apply_cascade(cascade, Edit::RemoveUnit { unit })
            }
            Edit::RemoveOutcome { outcome } => {
                let cascade = self.unmap_all(|m| m.outcome == outcome);
                self.apply_cascade(cascade, Edit::RemoveOutcome { outcome })
            }
            Edit::RemoveStandard { standard } => {
                let ksbs: HashSet<KsbId> = self
                    .standard(&standard)
                    .ok_or_else(|| missing("standard", &standard))?
                    .ksbs
                    .iter()
                    .map(|ksb| ksb.id.clone())
                    .collect();
                let mut cascade = self.unmap_all(|m| ksbs.contains(&m.ksb));
                cascade.extend(self.back_in_scope(|k| ksbs.contains(k)));
                let claims = &self.qualification.claims;
                if claims.iter().any(|c| c.standard == standard) {
                    cascade.push(Edit::SetClaims(
                        claims
                            .iter()
                            .filter(|c| c.standard != standard)
                            .cloned()
                            .collect(),
                    ));
                }
                self.apply_cascade(cascade, Edit::RemoveStandard { standard })
            }
            Edit::ReplaceStandard { standard } => {
                let old = self
                    .standard(&standard.id)
                    .ok_or_else(|| missing("standard", &standard.id))?;
                let kept: HashSet<&KsbId> = standard.ksbs.iter().map(|k| &k.id).collect();
                let retired: HashSet<KsbId> = old
                    .ksbs
                    .iter()
                    .filter(|k| !kept.contains(&k.id))
                    .map(|k| k.id.clone())
                    .collect();
                let mut cascade = self.unmap_all(|m| retired.contains(&m.ksb));
                cascade.extend(self.back_in_scope(|k| retired.contains(k)));
                self.apply_cascade(cascade, Edit::ReplaceStandard { standard })
            }
            other => self.apply_one(other),
        }
    }

    /// See [`Edit::SetOutOfScope`].
    fn set_out_of_scope(&mut self, ksb: KsbId, reason: Option<String>) -> Result<Edit, EditError> {
        if self.ksb(&ksb).is_none() {
            return Err(missing("KSB", &ksb));
        }
        let list = &mut self.qualification.out_of_scope;
        let at = list.iter().position(|o| o.ksb == ksb);
        Ok(match (at, reason) {
            (Some(index), None) => Edit::RestoreOutOfScope {
                index,
                entry: list.remove(index),
            },
            (Some(index), Some(reason)) => {
                let old = std::mem::replace(&mut list[index].reason, reason);
                Edit::SetOutOfScope {
                    ksb,
                    reason: Some(old),
                }
            }
            (None, Some(reason)) => {
                list.push(OutOfScope {
                    ksb: ksb.clone(),
                    reason,
                });
                Edit::SetOutOfScope { ksb, reason: None }
            }
            (None, None) => Edit::SetOutOfScope { ksb, reason: None },
        })
    }

    /// Edits that bring back into scope every KSB `gone` names.
    fn back_in_scope(&self, gone: impl Fn(&KsbId) -> bool) -> Vec<Edit> {
        self.qualification
            .out_of_scope
            .iter()
            .filter(|o| gone(&o.ksb))
            .map(|o| Edit::SetOutOfScope {
                ksb: o.ksb.clone(),
                reason: None,
            })
            .collect()
    }

    fn unmap_all(&self, which: impl Fn(&Mapping) -> bool) -> Vec<Edit> {
        self.mappings
            .iter()
            .filter(|m| which(m))
            .map(|m| Edit::SetCoverage {
                outcome: m.outcome.clone(),
                ksb: m.ksb.clone(),
                coverage: None,
            })
            .collect()
    }

    fn unit_removal(&self, id: &UnitId) -> Result<Vec<Edit>, EditError> {
        let unit = self.unit(id).ok_or_else(|| missing("unit", id))?;
        let outcomes: HashSet<&OutcomeId> = unit.outcomes.iter().map(|o| &o.id).collect();
        let mut cascade = self.unmap_all(|m| outcomes.contains(&m.outcome));
        let rules = &self.qualification.rules;
        if rules.mandatory.contains(id) || rules.groups.iter().any(|g| g.units.contains(id)) {
            let mut rules = rules.clone();
            rules.mandatory.retain(|u| u != id);
            for group in &mut rules.groups {
                group.units.retain(|u| u != id);
            }
            cascade.push(Edit::SetRules(rules));
        }
        for other in &self.units {
            if other.id != *id && other.links.contains(id) {
                cascade.push(Edit::SetLinks {
                    unit: other.id.clone(),
                    links: other.links.iter().filter(|l| *l != id).cloned().collect(),
                });
            }
        }
        cascade.push(Edit::SetLinks {
            unit: id.clone(),
            links: Vec::new(),
        });
        Ok(cascade)
    }

    fn apply_batch(&mut self, edits: Vec<Edit>) -> Result<Edit, EditError> {
        self.apply_all(edits.into_iter().map(|edit| (edit, true)))
    }

    /// Applies a cascade of edits, then `last` without cascading again, as one step.
    fn apply_cascade(&mut self, cascade: Vec<Edit>, last: Edit) -> Result<Edit, EditError> {
        let steps = cascade
            .into_iter()
            .map(|edit| (edit, true))
            .chain(std::iter::once((last, false)));
        self.apply_all(steps)
    }

    /// Applies each `(edit, cascading)` in turn; on the first refusal undoes the ones applied
    /// so far and returns the refusal. The inverse undoes them all, last first.
    fn apply_all(&mut self, steps: impl Iterator<Item = (Edit, bool)>) -> Result<Edit, EditError> {
        let mut inverses = Vec::new();
        for (edit, cascading) in steps {
            let applied = if cascading {
                self.apply(edit)
            } else {
                self.apply_one(edit)
            };
            match applied {
                Ok(inverse) => inverses.push(inverse),
                Err(error) => {
                    for inverse in inverses.into_iter().rev() {
                        // Inverses of edits that just succeeded always apply.
                        let _ = self.apply(inverse);
                    }
                    return Err(error);
                }
            }
        }
        inverses.reverse();
        Ok(Edit::Batch(inverses))
    }

    fn apply_one(&mut self, edit: Edit) -> Result<Edit, EditError> {
        match edit {
            Edit::SetText { field, value } => {
                let slot = self.text_slot(&field)?;
                let old = std::mem::replace(slot, value);
                Ok(Edit::SetText { field, value: old })
            }
            Edit::SetPoints { topic, points } => {
                let slot = &mut self.topic_mut(&topic)?.points;
                let old = std::mem::replace(slot, points);
                Ok(Edit::SetPoints { topic, points: old })
            }
            Edit::SetNumber { field, value } => self.set_number(field, value),
            Edit::SetKind(kind) => {
                let old = std::mem::replace(&mut self.qualification.kind, kind);
                Ok(Edit::SetKind(old))
            }
            Edit::SetTheme { unit, theme } => {
                let slot = &mut self.unit_mut(&unit)?.theme;
                let old = std::mem::replace(slot, theme);
                Ok(Edit::SetTheme { unit, theme: old })
            }
            Edit::SetBand { criterion, band } => {
                let slot = &mut self.criterion_mut(&criterion)?.band;
                let old = std::mem::replace(slot, band);
                Ok(Edit::SetBand {
                    criterion,
                    band: old,
                })
            }
            Edit::SetResourceKind { resource, kind } => {
                let slot = &mut self.resource_mut(&resource)?.kind;
                let old = std::mem::replace(slot, kind);
                Ok(Edit::SetResourceKind {
                    resource,
                    kind: old,
                })
            }
            Edit::InsertUnit { index, unit } => self.insert_unit(index, *unit),
            Edit::RemoveUnit { unit } => {
                let index = self
                    .unit_index(&unit)
                    .ok_or_else(|| missing("unit", &unit))?;
                let removed = self.units.remove(index);
                Ok(Edit::InsertUnit {
                    index,
                    unit: Box::new(removed),
                })
            }
            Edit::MoveUnit { unit, to } => {
                let from = self
                    .unit_index(&unit)
                    .ok_or_else(|| missing("unit", &unit))?;
                move_item(&mut self.units, from, to)?;
                Ok(Edit::MoveUnit { unit, to: from })
            }
            Edit::InsertOutcome {
                unit,
                index,
                outcome,
            } => self.insert_outcome(unit, index, outcome),
            Edit::RemoveOutcome { outcome } => {
                let (u, o) = self
                    .outcome_position(&outcome)
                    .ok_or_else(|| missing("learning outcome", &outcome))?;
                let unit = &mut self.units[u];
                let removed = unit.outcomes.remove(o);
                Ok(Edit::InsertOutcome {
                    unit: unit.id.clone(),
                    index: o,
                    outcome: removed,
                })
            }
            Edit::MoveOutcome { outcome, to } => {
                let (u, from) = self
                    .outcome_position(&outcome)
                    .ok_or_else(|| missing("learning outcome", &outcome))?;
                move_item(&mut self.units[u].outcomes, from, to)?;
                Ok(Edit::MoveOutcome { outcome, to: from })
            }
            Edit::InsertCriterion {
                outcome,
                index,
                criterion,
            } => self.insert_criterion(outcome, index, criterion),
            Edit::RemoveCriterion { criterion } => {
                let (u, o, c) = self
                    .criterion_position(&criterion)
                    .ok_or_else(|| missing("criterion", &criterion))?;
                let outcome = &mut self.units[u].outcomes[o];
                let removed = outcome.criteria.remove(c);
                Ok(Edit::InsertCriterion {
                    outcome: outcome.id.clone(),
                    index: c,
                    criterion: removed,
                })
            }
            Edit::MoveCriterion { criterion, to } => {
                let (u, o, from) = self
                    .criterion_position(&criterion)
                    .ok_or_else(|| missing("criterion", &criterion))?;
                move_item(&mut self.units[u].outcomes[o].criteria, from, to)?;
                Ok(Edit::MoveCriterion {
                    criterion,
                    to: from,
                })
            }
            Edit::InsertTopic {
                outcome,
                index,
                topic,
            } => self.insert_topic(outcome, index, topic),
            Edit::RemoveTopic { topic } => {
                let (u, o, t) = self
                    .topic_position(&topic)
                    .ok_or_else(|| missing("essential-content topic", &topic))?;
                let outcome = &mut self.units[u].outcomes[o];
                let removed = outcome.content.remove(t);
                Ok(Edit::InsertTopic {
                    outcome: outcome.id.clone(),
                    index: t,
                    topic: removed,
                })
            }
            Edit::MoveTopic { topic, to } => {
                let (u, o, from) = self
                    .topic_position(&topic)
                    .ok_or_else(|| missing("essential-content topic", &topic))?;
                move_item(&mut self.units[u].outcomes[o].content, from, to)?;
                Ok(Edit::MoveTopic { topic, to: from })
            }
            Edit::InsertResource {
                unit,
                index,
                resource,
            } => self.insert_resource(unit, index, resource),
            Edit::RemoveResource { resource } => {
                let (u, r) = self
                    .resource_position(&resource)
                    .ok_or_else(|| missing("resource", &resource))?;
                let unit = &mut self.units[u];
                let removed = unit.resources.remove(r);
                Ok(Edit::InsertResource {
                    unit: unit.id.clone(),
                    index: r,
                    resource: removed,
                })
            }
            Edit::MoveResource { resource, to } => {
                let (u, from) = self
                    .resource_position(&resource)
                    .ok_or_else(|| missing("resource", &resource))?;
                move_item(&mut self.units[u].resources, from, to)?;
                Ok(Edit::MoveResource { resource, to: from })
            }
            Edit::SetLinks { unit, links } => {
                self.check_links(&unit, &links)?;
                let slot = &mut self.unit_mut(&unit)?.links;
                let old = std::mem::replace(slot, links);
                Ok(Edit::SetLinks { unit, links: old })
            }
            Edit::SetRules(rules) => {
                self.check_rules(&rules)?;
                let old = std::mem::replace(&mut self.qualification.rules, rules);
                Ok(Edit::SetRules(old))
            }
            Edit::SetClaims(claims) => {
                self.check_claims(&claims)?;
                let old = std::mem::replace(&mut self.qualification.claims, claims);
                Ok(Edit::SetClaims(old))
            }
            Edit::SetOutOfScope { ksb, reason } => self.set_out_of_scope(ksb, reason),
            Edit::RestoreOutOfScope { index, entry } => {
                let list = &self.qualification.out_of_scope;
                check_index(index, list.len())?;
                if self.ksb(&entry.ksb).is_none() {
                    return Err(missing("KSB", &entry.ksb));
                }
                if list.iter().any(|o| o.ksb == entry.ksb) {
                    return Err(EditError::DuplicateId(entry.ksb.0.clone()));
                }
                let ksb = entry.ksb.clone();
                self.qualification.out_of_scope.insert(index, entry);
                Ok(Edit::SetOutOfScope { ksb, reason: None })
            }
            Edit::SetCoverage {
                outcome,
                ksb,
                coverage,
            } => self.set_coverage(outcome, ksb, coverage),
            Edit::RestoreMapping { index, mapping } => self.restore_mapping(index, mapping),
            Edit::InsertStandard { index, standard } => {
                check_index(index, self.standards.len())?;
                self.check_fresh_standard(&standard)?;
                let id = standard.id.clone();
                self.standards.insert(index, *standard);
                Ok(Edit::RemoveStandard { standard: id })
            }
            Edit::RemoveStandard { standard } => {
                let index = self
                    .standards
                    .iter()
                    .position(|s| s.id == standard)
                    .ok_or_else(|| missing("standard", &standard))?;
                let removed = self.standards.remove(index);
                Ok(Edit::InsertStandard {
                    index,
                    standard: Box::new(removed),
                })
            }
            Edit::ReplaceStandard { standard } => self.replace_standard(*standard),
            edit @ (Edit::SetStatus { .. }
            | Edit::AddEntry { .. }
            | Edit::RemoveLastEntry { .. }
            | Edit::InsertItemRecord { .. }
            | Edit::RemoveItemRecord { .. }
            | Edit::SetPanelPeople { .. }) => self.apply_panel(edit),
            Edit::Batch(edits) => self.apply_batch(edits),
        }
    }

    /// Replaces the standard with `standard`'s id by `standard` (see
    /// [`Curriculum::check_replacement`]). Mappings to retired KSBs are removed beforehand,
    /// by the cascade in `apply`.
    fn replace_standard(&mut self, standard: Standard) -> Result<Edit, EditError> {
        let index = self
            .standards
            .iter()
            .position(|s| s.id == standard.id)
            .ok_or_else(|| missing("standard", &standard.id))?;
        self.check_replacement(index, &standard)?;
        let old = std::mem::replace(&mut self.standards[index], standard);
        Ok(Edit::ReplaceStandard {
            standard: Box::new(old),
        })
    }

    fn insert_unit(&mut self, index: usize, unit: Unit) -> Result<Edit, EditError> {
        check_index(index, self.units.len())?;
        self.check_fresh_unit(&unit)?;
        self.check_links(&unit.id, &unit.links)?;
        let id = unit.id.clone();
        self.units.insert(index, unit);
        Ok(Edit::RemoveUnit { unit: id })
    }

    fn insert_outcome(
        &mut self,
        unit: UnitId,
        index: usize,
        outcome: LearningOutcome,
    ) -> Result<Edit, EditError> {
        self.check_fresh_outcome(&outcome)?;
        let outcomes = &mut self.unit_mut(&unit)?.outcomes;
        check_index(index, outcomes.len())?;
        let id = outcome.id.clone();
        outcomes.insert(index, outcome);
        Ok(Edit::RemoveOutcome { outcome: id })
    }

    fn insert_criterion(
        &mut self,
        outcome: OutcomeId,
        index: usize,
        criterion: Criterion,
    ) -> Result<Edit, EditError> {
        self.check_fresh_id(criterion.id.as_str())?;
        let criteria = &mut self.outcome_mut(&outcome)?.criteria;
        check_index(index, criteria.len())?;
        let id = criterion.id.clone();
        criteria.insert(index, criterion);
        Ok(Edit::RemoveCriterion { criterion: id })
    }

    fn insert_topic(
        &mut self,
        outcome: OutcomeId,
        index: usize,
        topic: ContentTopic,
    ) -> Result<Edit, EditError> {
        self.check_fresh_topic(&topic)?;
        let content = &mut self.outcome_mut(&outcome)?.content;
        check_index(index, content.len())?;
        let id = topic.id.clone();
        content.insert(index, topic);
        Ok(Edit::RemoveTopic { topic: id })
    }

    fn insert_resource(
        &mut self,
        unit: UnitId,
        index: usize,
        resource: Resource,
    ) -> Result<Edit, EditError> {
        self.check_fresh_id(resource.id.as_str())?;
        let resources = &mut self.unit_mut(&unit)?.resources;
        check_index(index, resources.len())?;
        let id = resource.id.clone();
        resources.insert(index, resource);
        Ok(Edit::RemoveResource { resource: id })
    }

    fn restore_mapping(&mut self, index: usize, mapping: Mapping) -> Result<Edit, EditError> {
        check_index(index, self.mappings.len())?;
        self.check_mapping_refs(&mapping.outcome, &mapping.ksb)?;
        if self.mapping(&mapping.outcome, &mapping.ksb).is_some() {
            return Err(EditError::Invalid(format!(
                "{} is already mapped to {}",
                mapping.outcome, mapping.ksb
            )));
        }
        let inverse = Edit::SetCoverage {
            outcome: mapping.outcome.clone(),
            ksb: mapping.ksb.clone(),
            coverage: None,
        };
        self.mappings.insert(index, mapping);
        Ok(inverse)
    }

    fn set_coverage(
        &mut self,
        outcome: OutcomeId,
        ksb: KsbId,
        coverage: Option<Coverage>,
    ) -> Result<Edit, EditError> {
        self.check_mapping_refs(&outcome, &ksb)?;
        let existing = self
            .mappings
            .iter()
            .position(|m| m.outcome == outcome && m.ksb == ksb);
        match (existing, coverage) {
            (Some(index), Some(coverage)) => {
                let old = std::mem::replace(&mut self.mappings[index].coverage, coverage);
                Ok(Edit::SetCoverage {
                    outcome,
                    ksb,
                    coverage: Some(old),
                })
            }
            (Some(index), None) => {
                let mapping = self.mappings.remove(index);
                Ok(Edit::RestoreMapping { index, mapping })
            }
            (None, Some(coverage)) => {
                self.mappings.push(Mapping {
                    outcome: outcome.clone(),
                    ksb: ksb.clone(),
                    coverage,
                    note: String::new(),
                });
                Ok(Edit::SetCoverage {
                    outcome,
                    ksb,
                    coverage: None,
                })
            }
            (None, None) => Ok(Edit::Batch(Vec::new())),
        }
    }

    fn set_number(&mut self, field: NumberField, value: u32) -> Result<Edit, EditError> {
        let as_level = |value: u32| {
            u8::try_from(value)
                .ok()
                .filter(|level| (1..=8).contains(level))
                .ok_or_else(|| EditError::Invalid(format!("{value} is not a level from 1 to 8")))
        };
        let old = match &field {
            NumberField::QualificationLevel => u32::from(std::mem::replace(
                &mut self.qualification.level,
                as_level(value)?,
            )),
            NumberField::TotalCredits => {
                std::mem::replace(&mut self.qualification.total_credits, value)
            }
            NumberField::UnitLevel(unit) => {
                let level = as_level(value)?;
                u32::from(std::mem::replace(&mut self.unit_mut(unit)?.level, level))
            }
            NumberField::UnitCredits(unit) => {
                std::mem::replace(&mut self.unit_mut(unit)?.credits, value)
            }
            NumberField::UnitGlh(unit) => std::mem::replace(&mut self.unit_mut(unit)?.glh, value),
            NumberField::StandardLevel(standard) => {
                let level = as_level(value)?;
                u32::from(std::mem::replace(
                    &mut self.standard_mut(standard)?.level,
                    level,
                ))
            }
        };
        Ok(Edit::SetNumber { field, value: old })
    }

    fn text_slot(&mut self, field: &TextField) -> Result<&mut String, EditError> {
        Ok(match field {
            TextField::QualificationTitle => &mut self.qualification.title,
            TextField::AwardingBody => &mut self.qualification.awarding_body,
            TextField::Issue => &mut self.qualification.issue,
            TextField::IssueDate => &mut self.qualification.issue_date,
            TextField::Purpose => &mut self.qualification.purpose,
            TextField::Audience => &mut self.qualification.audience,
            TextField::Progression => &mut self.qualification.progression,
            TextField::UnitNumber(unit) => &mut self.unit_mut(unit)?.number,
            TextField::UnitRegulatorCode(unit) => &mut self.unit_mut(unit)?.regulator_code,
            TextField::UnitTitle(unit) => &mut self.unit_mut(unit)?.title,
            TextField::UnitIntroduction(unit) => &mut self.unit_mut(unit)?.introduction,
            TextField::OutcomeText(outcome) => &mut self.outcome_mut(outcome)?.text,
            TextField::TopicHeading(topic) => &mut self.topic_mut(topic)?.heading,
            TextField::CriterionText(criterion) => &mut self.criterion_mut(criterion)?.text,
            TextField::ResourceText(resource) => &mut self.resource_mut(resource)?.text,
            TextField::MappingNote(outcome, ksb) => {
                &mut self
                    .mappings
                    .iter_mut()
                    .find(|m| &m.outcome == outcome && &m.ksb == ksb)
                    .ok_or_else(|| missing("mapping", format!("{outcome} to {ksb}")))?
                    .note
            }
            TextField::GroupTitle(group) => {
                &mut self
                    .qualification
                    .rules
                    .groups
                    .iter_mut()
                    .find(|g| &g.id == group)
                    .ok_or_else(|| missing("optional group", group))?
                    .title
            }
            TextField::StandardReference(id) => &mut self.standard_mut(id)?.reference,
            TextField::StandardTitle(id) => &mut self.standard_mut(id)?.title,
            TextField::KsbCode(id) => &mut self.ksb_mut(id)?.code,
            TextField::KsbText(id) => &mut self.ksb_mut(id)?.text,
            TextField::DutyCode(standard, duty) => &mut self.duty_mut(standard, duty)?.code,
            TextField::DutyText(standard, duty) => &mut self.duty_mut(standard, duty)?.text,
        })
    }

    fn standard_mut(&mut self, id: &StandardId) -> Result<&mut Standard, EditError> {
        self.standards
            .iter_mut()
            .find(|s| &s.id == id)
            .ok_or_else(|| missing("standard", id))
    }

    fn ksb_mut(&mut self, id: &KsbId) -> Result<&mut Ksb, EditError> {
        self.standards
            .iter_mut()
            .flat_map(|s| s.ksbs.iter_mut())
            .find(|k| &k.id == id)
            .ok_or_else(|| missing("KSB", id))
    }

    fn duty_mut(&mut self, standard: &StandardId, id: &DutyId) -> Result<&mut Duty, EditError> {
        self.standard_mut(standard)?
            .duties
            .iter_mut()
            .find(|d| &d.id == id)
            .ok_or_else(|| missing("duty", id))
    }

    fn unit_mut(&mut self, id: &UnitId) -> Result<&mut Unit, EditError> {
        self.units
            .iter_mut()
            .find(|unit| &unit.id == id)
            .ok_or_else(|| missing("unit", id))
    }

    fn outcome_mut(&mut self, id: &OutcomeId) -> Result<&mut LearningOutcome, EditError> {
        let (u, o) = self
            .outcome_position(id)
            .ok_or_else(|| missing("learning outcome", id))?;
        Ok(&mut self.units[u].outcomes[o])
    }

    fn topic_mut(&mut self, id: &TopicId) -> Result<&mut ContentTopic, EditError> {
        let (u, o, t) = self
            .topic_position(id)
            .ok_or_else(|| missing("essential-content topic", id))?;
        Ok(&mut self.units[u].outcomes[o].content[t])
    }

    fn criterion_mut(&mut self, id: &CriterionId) -> Result<&mut Criterion, EditError> {
        let (u, o, c) = self
            .criterion_position(id)
            .ok_or_else(|| missing("criterion", id))?;
        Ok(&mut self.units[u].outcomes[o].criteria[c])
    }

    fn resource_mut(&mut self, id: &ResourceId) -> Result<&mut Resource, EditError> {
        let (u, r) = self
            .resource_position(id)
            .ok_or_else(|| missing("resource", id))?;
        Ok(&mut self.units[u].resources[r])
    }
}

#[cfg(test)]
mod tests;
