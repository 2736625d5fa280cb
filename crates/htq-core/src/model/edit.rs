//! The vocabulary of change: every change to a curriculum is an [`Edit`], applied by
//! `Curriculum::apply` (in `apply`), which checks it first (in `checks`) and returns the
//! exact inverse edit that undoes it. Nothing else mutates a document.
//!
//! Everything an edit addresses is named by its stable id, never by its position, so an edit
//! recorded in the undo history still means the same item after others moved around it.

use super::{
    Band, Claim, ContentTopic, Coverage, Criterion, CriterionId, DutyId, Entry, GroupId,
    ItemRecord, ItemRef, ItemStatus, KsbId, LearningOutcome, Mapping, Member, OutOfScope,
    OutcomeId, PanelSession, QualificationKind, Resource, ResourceId, ResourceKind,
    RulesOfCombination, Standard, StandardId, Theme, TopicId, Unit, UnitId,
};
use thiserror::Error;

/// A single-text field of the document.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
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
    /// Heading of an essential-content topic.
    TopicHeading(TopicId),
    /// A criterion's text.
    CriterionText(CriterionId),
    /// Text (the citation) of a resource.
    ResourceText(ResourceId),
    /// Note on a mapping.
    MappingNote(OutcomeId, KsbId),
    /// Title of an optional group.
    GroupTitle(GroupId),
    /// A standard's reference, e.g. "ST0220".
    StandardReference(StandardId),
    /// A standard's title: the occupation.
    StandardTitle(StandardId),
    /// A KSB's code, e.g. "K12".
    KsbCode(KsbId),
    /// A KSB's statement.
    KsbText(KsbId),
    /// A duty's code, e.g. "D3".
    DutyCode(StandardId, DutyId),
    /// What a duty is.
    DutyText(StandardId, DutyId),
}

/// A numeric field of the document.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
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
    /// A standard's level.
    StandardLevel(StandardId),
}

impl NumberField {
    /// Whether the field holds a level, which must be from 1 to 8.
    pub fn is_level(&self) -> bool {
        matches!(
            self,
            NumberField::QualificationLevel
                | NumberField::UnitLevel(_)
                | NumberField::StandardLevel(_)
        )
    }
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
    /// Replace the points (one topic each) under an essential-content heading.
    SetPoints {
        /// The topic.
        topic: TopicId,
        /// New points, in order.
        points: Vec<String>,
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
        /// The resource.
        resource: ResourceId,
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
    /// Insert a learning outcome into a unit (all its ids must be new).
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
    /// Insert an essential-content topic (its id must be new).
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
        /// The topic.
        topic: TopicId,
    },
    /// Move a topic within its outcome.
    MoveTopic {
        /// The topic.
        topic: TopicId,
        /// New position.
        to: usize,
    },
    /// Insert a resource (its id must be new).
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
        /// The resource.
        resource: ResourceId,
    },
    /// Move a resource within its unit.
    MoveResource {
        /// The resource.
        resource: ResourceId,
        /// New position.
        to: usize,
    },
    /// Replace a unit's links to related units (also how links are reordered).
    SetLinks {
        /// The unit.
        unit: UnitId,
        /// Related units.
        links: Vec<UnitId>,
    },
    /// Replace the rules of combination.
    SetRules(RulesOfCombination),
    /// Replace the occupations the qualification claims.
    SetClaims(Vec<Claim>),
    /// Put a KSB out of scope with a reason, change the reason (`Some`), or bring it back
    /// into scope (`None`). A KSB newly out of scope goes to the end of the list.
    SetOutOfScope {
        /// The KSB.
        ksb: KsbId,
        /// Why it is out of scope; `None` brings it back.
        reason: Option<String>,
    },
    /// Put an out-of-scope entry back at a position (the inverse of bringing it back).
    RestoreOutOfScope {
        /// Position in the list.
        index: usize,
        /// The entry.
        entry: OutOfScope,
    },
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
    /// Replace a standard's contents (its KSBs, duties and options, added, retired, reordered
    /// or re-kinded), keeping its id; mappings to KSBs it no longer has go with them.
    ReplaceStandard {
        /// The standard as it should be; its id names the one replaced.
        standard: Box<Standard>,
    },
    /// Set the panel's status of an item (starting its record if it has none).
    SetStatus {
        /// The item.
        item: ItemRef,
        /// New status.
        status: ItemStatus,
    },
    /// Record a decision, comment or action against an item (starting its record if needed).
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
    /// Put an item's whole panel record back at a position (the inverse of removing it).
    InsertItemRecord {
        /// Position in the panel's list of records.
        index: usize,
        /// The record.
        record: ItemRecord,
    },
    /// Remove an item's whole panel record (the inverse of starting one).
    RemoveItemRecord {
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

impl Edit {
    /// Whether `next` continues typing in the field this edit changed, so that the two join
    /// into one undo step.
    pub fn continues_typing(&self, next: &Edit) -> bool {
        match (self, next) {
            (Edit::SetText { field: a, .. }, Edit::SetText { field: b, .. }) => a == b,
            (Edit::SetNumber { field: a, .. }, Edit::SetNumber { field: b, .. }) => a == b,
            (Edit::SetPoints { topic: a, .. }, Edit::SetPoints { topic: b, .. }) => a == b,
            (
                Edit::SetOutOfScope {
                    ksb: a,
                    reason: Some(_),
                },
                Edit::SetOutOfScope {
                    ksb: b,
                    reason: Some(_),
                },
            ) => a == b,
            _ => false,
        }
    }
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

/// The error for a reference to `kind` `id` that names nothing.
pub(super) fn missing(kind: &'static str, id: impl ToString) -> EditError {
    EditError::Missing {
        kind,
        id: id.to_string(),
    }
}
