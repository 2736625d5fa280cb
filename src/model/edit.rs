//! Every change to a curriculum is an [`Edit`], applied by [`Curriculum::apply`], which checks
//! references and returns the inverse edit that undoes it. Nothing else mutates a document.

use super::{
    Band, ContentTopic, Coverage, Criterion, CriterionId, Curriculum, Entry, GroupId, ItemRef,
    ItemStatus, KsbId, LearningOutcome, Mapping, Member, OutcomeId, PanelSession,
    QualificationKind, Resource, ResourceKind, RulesOfCombination, Standard, StandardId, Theme,
    Unit, UnitId,
};
use std::collections::HashSet;
use thiserror::Error;

/// A text field of the document.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub enum TextField {
    /// Qualification title.
    QualificationTitle,
    /// Awarding body.
    AwardingBody,
    /// Issue label.
    Issue,
    /// Issue date.
    IssueDate,
    /// Purpose statement.
    Purpose,
    /// Who the qualification is for.
    Audience,
    /// Progression routes.
    Progression,
    /// A unit's number.
    UnitNumber(UnitId),
    /// A unit's regulator code.
    UnitRegulatorCode(UnitId),
    /// A unit's title.
    UnitTitle(UnitId),
    /// A unit's introduction.
    UnitIntroduction(UnitId),
    /// An outcome's text.
    OutcomeText(OutcomeId),
    /// Heading of the n-th content topic of an outcome.
    TopicHeading(OutcomeId, usize),
    /// Points of the n-th content topic, one per line.
    TopicPoints(OutcomeId, usize),
    /// A criterion's text.
    CriterionText(CriterionId),
    /// Text of the n-th resource of a unit.
    ResourceText(UnitId, usize),
    /// Note on a mapping.
    MappingNote(OutcomeId, KsbId),
    /// Title of an optional group.
    GroupTitle(GroupId),
}

/// A numeric field of the document.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub enum NumberField {
    /// Qualification level.
    QualificationLevel,
    /// Total credits of the qualification.
    TotalCredits,
    /// A unit's level.
    UnitLevel(UnitId),
    /// A unit's credits.
    UnitCredits(UnitId),
    /// A unit's guided learning hours.
    UnitGlh(UnitId),
}

/// One change to a curriculum.
#[derive(Debug, Clone, PartialEq)]
pub enum Edit {
    /// Replace a text field.
    SetText {
        /// Which field.
        field: TextField,
        /// New text.
        value: String,
    },
    /// Replace a number.
    SetNumber {
        /// Which field.
        field: NumberField,
        /// New value.
        value: u32,
    },
    /// Change the qualification kind.
    SetKind(QualificationKind),
    /// Change a unit's theme.
    SetTheme {
        /// The unit.
        unit: UnitId,
        /// New theme.
        theme: Theme,
    },
    /// Change a criterion's band.
    SetBand {
        /// The criterion.
        criterion: CriterionId,
        /// New band.
        band: Band,
    },
    /// Change the kind of a resource.
    SetResourceKind {
        /// The unit.
        unit: UnitId,
        /// Position of the resource.
        index: usize,
        /// New kind.
        kind: ResourceKind,
    },
    /// Insert a unit (all its ids must be new).
    InsertUnit {
        /// Position.
        index: usize,
        /// The unit.
        unit: Box<Unit>,
    },
    /// Remove a unit with its mappings, rule entries and links to it.
    RemoveUnit {
        /// The unit.
        unit: UnitId,
    },
    /// Move a unit to a new position.
    MoveUnit {
        /// The unit.
        unit: UnitId,
        /// New position.
        to: usize,
    },
    /// Insert a learning outcome into a unit.
    InsertOutcome {
        /// The unit.
        unit: UnitId,
        /// Position.
        index: usize,
        /// The outcome.
        outcome: LearningOutcome,
    },
    /// Remove an outcome with its mappings.
    RemoveOutcome {
        /// The outcome.
        outcome: OutcomeId,
    },
    /// Move an outcome within its unit.
    MoveOutcome {
        /// The outcome.
        outcome: OutcomeId,
        /// New position.
        to: usize,
    },
    /// Insert a criterion into an outcome.
    InsertCriterion {
        /// The outcome.
        outcome: OutcomeId,
        /// Position.
        index: usize,
        /// The criterion.
        criterion: Criterion,
    },
    /// Remove a criterion.
    RemoveCriterion {
        /// The criterion.
        criterion: CriterionId,
    },
    /// Move a criterion within its outcome.
    MoveCriterion {
        /// The criterion.
        criterion: CriterionId,
        /// New position.
        to: usize,
    },
    /// Insert an essential-content topic.
    InsertTopic {
        /// The outcome.
        outcome: OutcomeId,
        /// Position.
        index: usize,
        /// The topic.
        topic: ContentTopic,
    },
    /// Remove an essential-content topic.
    RemoveTopic {
        /// The outcome.
        outcome: OutcomeId,
        /// Position.
        index: usize,
    },
    /// Insert a resource.
    InsertResource {
        /// The unit.
        unit: UnitId,
        /// Position.
        index: usize,
        /// The resource.
        resource: Resource,
    },
    /// Remove a resource.
    RemoveResource {
        /// The unit.
        unit: UnitId,
        /// Position.
        index: usize,
    },
    /// Replace a unit's links to related units.
    SetLinks {
        /// The unit.
        unit: UnitId,
        /// Related units.
        links: Vec<UnitId>,
    },
    /// Replace the rules of combination.
    SetRules(RulesOfCombination),
    /// Map, re-grade or unmap an outcome against a KSB (`None` unmaps).
    SetCoverage {
        /// The outcome.
        outcome: OutcomeId,
        /// The KSB.
        ksb: KsbId,
        /// New coverage.
        coverage: Option<Coverage>,
    },
    /// Put a whole mapping back at a position (the inverse of unmapping).
    RestoreMapping {
        /// Position in the mapping list.
        index: usize,
        /// The mapping.
        mapping: Mapping,
    },
    /// Insert an occupational standard (all its ids must be new).
    InsertStandard {
        /// Position.
        index: usize,
        /// The standard.
        standard: Box<Standard>,
    },
    /// Remove a standard with the mappings to its KSBs.
    RemoveStandard {
        /// The standard.
        standard: StandardId,
    },
    /// Set the panel's status of an item.
    SetStatus {
        /// The item.
        item: ItemRef,
        /// New status.
        status: ItemStatus,
    },
    /// Record a decision, comment or action against an item.
    AddEntry {
        /// The item.
        item: ItemRef,
        /// The entry.
        entry: Entry,
    },
    /// Remove the last entry of an item (the inverse of recording one).
    RemoveLastEntry {
        /// The item.
        item: ItemRef,
    },
    /// Replace the members and sessions of the panel (items are kept).
    SetPanelPeople {
        /// Members.
        members: Vec<Member>,
        /// Sessions.
        sessions: Vec<PanelSession>,
    },
    /// Several edits as one undo step.
    Batch(Vec<Edit>),
}

/// Why an edit was refused. The document is unchanged when this is returned.
#[derive(Debug, Clone, PartialEq, Eq, Error)]
pub enum EditError {
    /// A reference names nothing in the document.
    #[error("no {kind} with id \"{id}\"")]
    Missing {
        /// What was looked for.
        kind: &'static str,
        /// The id.
        id: String,
    },
    /// An inserted item reuses an id already in the document.
    #[error("the id \"{0}\" is already used in this curriculum")]
    DuplicateId(String),
    /// A position is out of range.
    #[error("position {index} is out of range (there are {len})")]
    OutOfRange {
        /// The position asked for.
        index: usize,
        /// How many items there are.
        len: usize,
    },
    /// A value is not allowed.
    #[error("{0}")]
    Invalid(String),
}

fn missing(kind: &'static str, id: impl ToString) -> EditError {
    EditError::Missing {
        kind,
        id: id.to_string(),
    }
}

fn check_index(index: usize, len: usize) -> Result<(), EditError> {
    if index > len {
        Err(EditError::OutOfRange { index, len })
    } else {
        Ok(())
    }
}

fn check_position(index: usize, len: usize) -> Result<(), EditError> {
    if index >= len {
        Err(EditError::OutOfRange { index, len })
    } else {
        Ok(())
    }
}

fn move_item<T>(items: &mut Vec<T>, from: usize, to: usize) -> Result<(), EditError> {
    check_position(to, items.len())?;
    let item = items.remove(from);
    items.insert(to, item);
    Ok(())
}

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
                let cascade = self.unmap_all(|m| ksbs.contains(&m.ksb));
                self.apply_cascade(cascade, Edit::RemoveStandard { standard })
            }
            other => self.apply_one(other),
        }
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
        let mut inverses = Vec::with_capacity(edits.len());
        for edit in edits {
            match self.apply(edit) {
                Ok(inverse) => inverses.push(inverse),
                Err(error) => {
                    self.roll_back(inverses);
                    return Err(error);
                }
            }
        }
        inverses.reverse();
        Ok(Edit::Batch(inverses))
    }

    /// Applies a cascade of edits, then `last` without cascading again, as one step.
    fn apply_cascade(&mut self, cascade: Vec<Edit>, last: Edit) -> Result<Edit, EditError> {
        let mut inverses = Vec::with_capacity(cascade.len() + 1);
        for edit in cascade {
            match self.apply(edit) {
                Ok(inverse) => inverses.push(inverse),
                Err(error) => {
                    self.roll_back(inverses);
                    return Err(error);
                }
            }
        }
        match self.apply_one(last) {
            Ok(inverse) => inverses.push(inverse),
            Err(error) => {
                self.roll_back(inverses);
                return Err(error);
            }
        }
        inverses.reverse();
        Ok(Edit::Batch(inverses))
    }

    fn roll_back(&mut self, inverses: Vec<Edit>) {
        for inverse in inverses.into_iter().rev() {
            // Inverses of edits that just succeeded always apply.
            let _ = self.apply(inverse);
        }
    }

    fn apply_one(&mut self, edit: Edit) -> Result<Edit, EditError> {
        match edit {
            Edit::SetText {
                field: TextField::TopicPoints(outcome, index),
                value,
            } => {
                let points = value.lines().map(str::to_owned).collect();
                let slot = &mut self.topic_mut(&outcome, index)?.points;
                let old = std::mem::replace(slot, points).join("\n");
                Ok(Edit::SetText {
                    field: TextField::TopicPoints(outcome, index),
                    value: old,
                })
            }
            Edit::SetText { field, value } => {
                let slot = self.text_slot(&field)?;
                let old = std::mem::replace(slot, value);
                Ok(Edit::SetText { field, value: old })
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
            Edit::SetResourceKind { unit, index, kind } => {
                let resources = &mut self.unit_mut(&unit)?.resources;
                check_position(index, resources.len())?;
                let old = std::mem::replace(&mut resources[index].kind, kind);
                Ok(Edit::SetResourceKind {
                    unit,
                    index,
                    kind: old,
                })
            }
            Edit::InsertUnit { index, unit } => {
                check_index(index, self.units.len())?;
                self.check_fresh_unit(&unit)?;
                self.check_links(&unit.id, &unit.links)?;
                let id = unit.id.clone();
                self.units.insert(index, *unit);
                Ok(Edit::RemoveUnit { unit: id })
            }
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
            } => {
                self.check_fresh_outcome(&outcome)?;
                let outcomes = &mut self.unit_mut(&unit)?.outcomes;
                check_index(index, outcomes.len())?;
                let id = outcome.id.clone();
                outcomes.insert(index, outcome);
                Ok(Edit::RemoveOutcome { outcome: id })
            }
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
            } => {
                if self.id_taken(criterion.id.as_str()) {
                    return Err(EditError::DuplicateId(criterion.id.0));
                }
                let criteria = &mut self.outcome_mut(&outcome)?.criteria;
                check_index(index, criteria.len())?;
                let id = criterion.id.clone();
                criteria.insert(index, criterion);
                Ok(Edit::RemoveCriterion { criterion: id })
            }
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
            } => {
                let content = &mut self.outcome_mut(&outcome)?.content;
                check_index(index, content.len())?;
                content.insert(index, topic);
                Ok(Edit::RemoveTopic { outcome, index })
            }
            Edit::RemoveTopic { outcome, index } => {
                let content = &mut self.outcome_mut(&outcome)?.content;
                check_position(index, content.len())?;
                let topic = content.remove(index);
                Ok(Edit::InsertTopic {
                    outcome,
                    index,
                    topic,
                })
            }
            Edit::InsertResource {
                unit,
                index,
                resource,
            } => {
                let resources = &mut self.unit_mut(&unit)?.resources;
                check_index(index, resources.len())?;
                resources.insert(index, resource);
                Ok(Edit::RemoveResource { unit, index })
            }
            Edit::RemoveResource { unit, index } => {
                let resources = &mut self.unit_mut(&unit)?.resources;
                check_position(index, resources.len())?;
                let resource = resources.remove(index);
                Ok(Edit::InsertResource {
                    unit,
                    index,
                    resource,
                })
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
            Edit::SetCoverage {
                outcome,
                ksb,
                coverage,
            } => self.set_coverage(outcome, ksb, coverage),
            Edit::RestoreMapping { index, mapping } => {
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
            Edit::SetStatus { item, status } => {
                let old = std::mem::replace(&mut self.panel.item_mut(&item).status, status);
                Ok(Edit::SetStatus { item, status: old })
            }
            Edit::AddEntry { item, entry } => {
                if let Some(member) = &entry.member
                    && self.panel.member(member).is_none()
                {
                    return Err(missing("panel member", member));
                }
                self.panel.item_mut(&item).entries.push(entry);
                Ok(Edit::RemoveLastEntry { item })
            }
            Edit::RemoveLastEntry { item } => {
                let entry = self
                    .panel
                    .items
                    .iter_mut()
                    .find(|record| record.item == item)
                    .and_then(|record| record.entries.pop())
                    .ok_or_else(|| EditError::Invalid("that item has no entries".into()))?;
                Ok(Edit::AddEntry { item, entry })
            }
            Edit::SetPanelPeople { members, sessions } => {
                let mut ids = HashSet::new();
                if let Some(member) = members.iter().find(|m| !ids.insert(m.id.as_str())) {
                    return Err(EditError::DuplicateId(member.id.clone()));
                }
                let mut on_record = self
                    .panel
                    .items
                    .iter()
                    .flat_map(|record| &record.entries)
                    .filter_map(|entry| entry.member.as_deref());
                if let Some(kept_out) = on_record.find(|m| !ids.contains(m)) {
                    return Err(EditError::Invalid(format!(
                        "panel member {kept_out} has decisions or comments on record and cannot \
                         be removed"
                    )));
                }
                for session in &sessions {
                    if let Some(unknown) =
                        session.attendees.iter().find(|a| !ids.contains(a.as_str()))
                    {
                        return Err(missing("panel member", unknown));
                    }
                }
                let members = std::mem::replace(&mut self.panel.members, members);
                let sessions = std::mem::replace(&mut self.panel.sessions, sessions);
                Ok(Edit::SetPanelPeople { members, sessions })
            }
            Edit::Batch(edits) => self.apply_batch(edits),
        }
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
            TextField::TopicHeading(outcome, index) => {
                &mut self.topic_mut(outcome, *index)?.heading
            }
            TextField::TopicPoints(..) => {
                return Err(EditError::Invalid("topic points are set as a list".into()));
            }
            TextField::CriterionText(criterion) => &mut self.criterion_mut(criterion)?.text,
            TextField::ResourceText(unit, index) => {
                let resources = &mut self.unit_mut(unit)?.resources;
                check_position(*index, resources.len())?;
                &mut resources[*index].text
            }
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
        })
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

    fn topic_mut(&mut self, id: &OutcomeId, index: usize) -> Result<&mut ContentTopic, EditError> {
        let content = &mut self.outcome_mut(id)?.content;
        check_position(index, content.len())?;
        Ok(&mut content[index])
    }

    fn criterion_mut(&mut self, id: &CriterionId) -> Result<&mut Criterion, EditError> {
        let (u, o, c) = self
            .criterion_position(id)
            .ok_or_else(|| missing("criterion", id))?;
        Ok(&mut self.units[u].outcomes[o].criteria[c])
    }

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
        outcome
            .criteria
            .iter()
            .try_for_each(|c| self.check_fresh(c.id.as_str(), seen))
    }

    fn check_fresh_outcome(&self, outcome: &LearningOutcome) -> Result<(), EditError> {
        self.check_fresh_outcome_ids(outcome, &mut HashSet::new())
    }

    fn check_fresh_unit(&self, unit: &Unit) -> Result<(), EditError> {
        let mut seen = HashSet::new();
        self.check_fresh(unit.id.as_str(), &mut seen)?;
        unit.outcomes
            .iter()
            .try_for_each(|o| self.check_fresh_outcome_ids(o, &mut seen))
    }

    fn check_fresh_standard(&self, standard: &Standard) -> Result<(), EditError> {
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

    fn check_links(&self, unit: &UnitId, links: &[UnitId]) -> Result<(), EditError> {
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

    fn check_rules(&self, rules: &RulesOfCombination) -> Result<(), EditError> {
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

    fn check_mapping_refs(&self, outcome: &OutcomeId, ksb: &KsbId) -> Result<(), EditError> {
        if self.outcome_position(outcome).is_none() {
            return Err(missing("learning outcome", outcome));
        }
        if self.ksb(ksb).is_none() {
            return Err(missing("KSB", ksb));
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::synthetic::{Size, curriculum};

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

    fn apply_and_undo(edit: Edit) {
        let mut doc = small();
        let original = doc.clone();
        let inverse = doc.apply(edit.clone()).expect("edit applies");
        assert_ne!(doc, original, "{edit:?} changed nothing");
        let redo = doc.apply(inverse).expect("inverse applies");
        assert_eq!(
            doc, original,
            "undo of {edit:?} did not restore the document"
        );
        doc.apply(redo).expect("redo applies");
        let mut expected = original.clone();
        expected.apply(edit).expect("edit applies again");
        assert_eq!(doc, expected, "redo differs from the first application");
    }

    #[test]
    fn every_kind_of_edit_undoes_exactly() {
        let u: UnitId = "u1".into();
        let o: OutcomeId = "u1-lo0".into();
        let c: CriterionId = "u1-lo0-c0".into();
        let mapped = small().mappings[0].clone();
        let edits = vec![
            Edit::SetText {
                field: TextField::UnitTitle(u.clone()),
                value: "Aseptic technique".into(),
            },
            Edit::SetText {
                field: TextField::TopicPoints(o.clone(), 0),
                value: "one\ntwo".into(),
            },
            Edit::SetText {
                field: TextField::MappingNote(mapped.outcome.clone(), mapped.ksb.clone()),
                value: "Workplace".into(),
            },
            Edit::SetNumber {
                field: NumberField::UnitCredits(u.clone()),
                value: 30,
            },
            Edit::SetTheme {
                unit: u.clone(),
                theme: Theme::Core,
            },
            Edit::SetBand {
                criterion: c.clone(),
                band: Band::Distinction,
            },
            Edit::RemoveUnit { unit: "u0".into() },
            Edit::MoveUnit {
                unit: u.clone(),
                to: 5,
            },
            Edit::RemoveOutcome {
                outcome: mapped.outcome.clone(),
            },
            Edit::MoveOutcome {
                outcome: o.clone(),
                to: 3,
            },
            Edit::RemoveCriterion {
                criterion: c.clone(),
            },
            Edit::MoveCriterion {
                criterion: c.clone(),
                to: 2,
            },
            Edit::RemoveTopic {
                outcome: o.clone(),
                index: 0,
            },
            Edit::RemoveResource {
                unit: u.clone(),
                index: 0,
            },
            Edit::SetLinks {
                unit: u.clone(),
                links: vec!["u2".into()],
            },
            Edit::SetCoverage {
                outcome: mapped.outcome.clone(),
                ksb: mapped.ksb.clone(),
                coverage: None,
            },
            Edit::SetCoverage {
                outcome: "u7-lo3".into(),
                ksb: "st0-k9".into(),
                coverage: Some(Coverage::Partial),
            },
            Edit::RemoveStandard {
                standard: "st0".into(),
            },
        ];
        for edit in edits {
            apply_and_undo(edit);
        }
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
            Edit::SetNumber {
                field: NumberField::UnitLevel("u0".into()),
                value: 300,
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
}
