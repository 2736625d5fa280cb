//! The curriculum document: data and edits. No IO, no UI, nothing else of ours imported.
//!
//! `curriculum` holds the serde types, `ids` the stable identifiers, `numbering` the derived
//! display numbers (LO3, P5), `edit` the only way a document changes (`apply` carries edits
//! out, `checks` validates them first), and `history` undo/redo.

mod apply;
mod checks;
mod credits;
mod curriculum;
mod edit;
mod history;
mod ids;
mod numbering;
mod panel;
#[cfg(any(test, feature = "testing"))]
pub mod synthetic;
pub mod template;

pub use credits::CreditSummary;
pub use curriculum::*;
pub use edit::{Edit, EditError, NumberField, TextField};
pub use history::History;
pub use ids::{
    CriterionId, DutyId, GroupId, KsbId, OutcomeId, ResourceId, StandardId, TopicId, UnitId,
    fresh_id,
};
pub use numbering::{CriterionNumbers, outcome_label};
pub use panel::{
    Entry, EntryKind, ItemRecord, ItemRef, ItemStatus, Member, MemberRole, PanelRecord,
    PanelSession,
};

impl Curriculum {
    /// The unit with `id`.
    pub fn unit(&self, id: &UnitId) -> Option<&Unit> {
        self.units.iter().find(|unit| &unit.id == id)
    }

    /// Position of the unit with `id`.
    pub fn unit_index(&self, id: &UnitId) -> Option<usize> {
        self.units.iter().position(|unit| &unit.id == id)
    }

    /// Positions (unit, outcome) of the outcome with `id`.
    pub fn outcome_position(&self, id: &OutcomeId) -> Option<(usize, usize)> {
        self.units.iter().enumerate().find_map(|(u, unit)| {
            unit.outcomes
                .iter()
                .position(|outcome| &outcome.id == id)
                .map(|o| (u, o))
        })
    }

    /// The outcome with `id` and the unit it belongs to.
    pub fn outcome(&self, id: &OutcomeId) -> Option<(&Unit, &LearningOutcome)> {
        let (u, o) = self.outcome_position(id)?;
        let unit = &self.units[u];
        Some((unit, &unit.outcomes[o]))
    }

    /// Positions (unit, outcome, criterion) of the criterion with `id`.
    pub fn criterion_position(&self, id: &CriterionId) -> Option<(usize, usize, usize)> {
        self.units.iter().enumerate().find_map(|(u, unit)| {
            unit.outcomes.iter().enumerate().find_map(|(o, outcome)| {
                outcome
                    .criteria
                    .iter()
                    .position(|criterion| &criterion.id == id)
                    .map(|c| (u, o, c))
            })
        })
    }

    /// Positions (unit, outcome, topic) of the essential-content topic with `id`.
    pub fn topic_position(&self, id: &TopicId) -> Option<(usize, usize, usize)> {
        self.units.iter().enumerate().find_map(|(u, unit)| {
            unit.outcomes.iter().enumerate().find_map(|(o, outcome)| {
                outcome
                    .content
                    .iter()
                    .position(|topic| &topic.id == id)
                    .map(|t| (u, o, t))
            })
        })
    }

    /// Positions (unit, resource) of the resource with `id`.
    pub fn resource_position(&self, id: &ResourceId) -> Option<(usize, usize)> {
        self.units.iter().enumerate().find_map(|(u, unit)| {
            unit.resources
                .iter()
                .position(|resource| &resource.id == id)
                .map(|r| (u, r))
        })
    }

    /// The standard with `id`.
    pub fn standard(&self, id: &StandardId) -> Option<&Standard> {
        self.standards.iter().find(|standard| &standard.id == id)
    }

    /// Why the qualification leaves the KSB `id` out of scope, if it does.
    pub fn out_of_scope(&self, id: &KsbId) -> Option<&OutOfScope> {
        self.qualification
            .out_of_scope
            .iter()
            .find(|entry| &entry.ksb == id)
    }

    /// The KSB with `id` and the standard that holds it.
    pub fn ksb(&self, id: &KsbId) -> Option<(&Standard, &Ksb)> {
        self.standards.iter().find_map(|standard| {
            standard
                .ksbs
                .iter()
                .find(|ksb| &ksb.id == id)
                .map(|ksb| (standard, ksb))
        })
    }

    /// The mapping of `outcome` to `ksb`, if there is one.
    pub fn mapping(&self, outcome: &OutcomeId, ksb: &KsbId) -> Option<&Mapping> {
        self.mappings
            .iter()
            .find(|m| &m.outcome == outcome && &m.ksb == ksb)
    }

    /// Whether `unit` is mandatory under the rules of combination.
    pub fn is_mandatory(&self, unit: &UnitId) -> bool {
        self.qualification.rules.mandatory.contains(unit)
    }

    /// Every id defined in the document, of any kind that shares the one id space: units,
    /// outcomes, topics, criteria, resources, groups, standards and KSBs.
    pub fn ids(&self) -> impl Iterator<Item = &str> {
        let units = self.units.iter().flat_map(|unit| {
            std::iter::once(unit.id.as_str())
                .chain(unit.resources.iter().map(|r| r.id.as_str()))
                .chain(unit.outcomes.iter().flat_map(|outcome| {
                    std::iter::once(outcome.id.as_str())
                        .chain(outcome.content.iter().map(|t| t.id.as_str()))
                        .chain(outcome.criteria.iter().map(|c| c.id.as_str()))
                }))
        });
        let standards = self.standards.iter().flat_map(|standard| {
            std::iter::once(standard.id.as_str())
                .chain(standard.ksbs.iter().map(|ksb| ksb.id.as_str()))
        });
        let groups = self
            .qualification
            .rules
            .groups
            .iter()
            .map(|g| g.id.as_str());
        units.chain(standards).chain(groups)
    }

    /// Whether `candidate` is already an id in the document, so that fresh ids never collide.
    pub fn id_taken(&self, candidate: &str) -> bool {
        self.ids().any(|id| id == candidate)
    }

    /// A new id with `prefix` that is neither used nor the start of any id followed by `-`, so
    /// that ids derived from it (`<stem>-lo1`) are new as well.
    pub fn fresh_stem(&self, prefix: &str) -> String {
        fresh_id(prefix, |candidate| {
            let derived = format!("{candidate}-");
            self.ids()
                .any(|id| id == candidate || id.starts_with(&derived))
        })
    }

    /// A new id with `prefix` not used anywhere in the document.
    pub fn fresh_id(&self, prefix: &str) -> String {
        fresh_id(prefix, |candidate| self.id_taken(candidate))
    }
}
