//! The panel record: who sits on the panel, its sessions, and for units, outcomes and criteria
//! a status with the decisions, comments and actions recorded against them.
//!
//! Records refer to items by id and may outlive them: a decision to remove a unit stays in the
//! minutes after the unit is gone.

use super::ids::{CriterionId, OutcomeId, UnitId};
use serde::{Deserialize, Serialize};
use std::fmt;

/// The panel's record of its work on a curriculum.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PanelRecord {
    /// Panel members.
    #[serde(default)]
    pub members: Vec<Member>,
    /// Panel sessions, oldest first.
    #[serde(default)]
    pub sessions: Vec<PanelSession>,
    /// Status and history of each item the panel has discussed.
    #[serde(default)]
    pub items: Vec<ItemRecord>,
}

/// Who a member represents.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, Default)]
pub enum MemberRole {
    /// The awarding body (e.g. Pearson).
    #[default]
    AwardingBody,
    /// An employer.
    Employer,
    /// A college or training provider.
    Provider,
    /// A learner or learner representative.
    Learner,
}

impl MemberRole {
    /// Every role, in display order.
    pub const ALL: [MemberRole; 4] = [
        MemberRole::AwardingBody,
        MemberRole::Employer,
        MemberRole::Provider,
        MemberRole::Learner,
    ];

    /// Name of the role.
    pub fn label(self) -> &'static str {
        match self {
            MemberRole::AwardingBody => "Awarding body",
            MemberRole::Employer => "Employer",
            MemberRole::Provider => "Provider",
            MemberRole::Learner => "Learner",
        }
    }
}

impl fmt::Display for MemberRole {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.label())
    }
}

/// A panel member.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Member {
    /// Stable id, unique among members.
    pub id: String,
    /// Name.
    pub name: String,
    /// Organisation.
    #[serde(default)]
    pub organisation: String,
    /// Whom they represent.
    pub role: MemberRole,
}

/// One panel meeting.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PanelSession {
    /// Stable id, unique among sessions.
    pub id: String,
    /// Date as YYYY-MM-DD.
    pub date: String,
    /// Ids of the members present.
    #[serde(default)]
    pub attendees: Vec<String>,
    /// Agenda items.
    #[serde(default)]
    pub agenda: Vec<String>,
}

/// An item the panel decides on.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum ItemRef {
    /// A unit.
    Unit(UnitId),
    /// A learning outcome.
    Outcome(OutcomeId),
    /// An assessment criterion.
    Criterion(CriterionId),
}

/// Where an item stands with the panel.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, Default)]
pub enum ItemStatus {
    /// Being written.
    #[default]
    Draft,
    /// Put to the panel.
    Proposed,
    /// Agreed by the panel.
    Agreed,
    /// The panel asked for changes.
    ChangesRequested,
    /// Rejected by the panel.
    Rejected,
}

impl ItemStatus {
    /// Every status, in workflow order.
    pub const ALL: [ItemStatus; 5] = [
        ItemStatus::Draft,
        ItemStatus::Proposed,
        ItemStatus::Agreed,
        ItemStatus::ChangesRequested,
        ItemStatus::Rejected,
    ];

    /// Name of the status.
    pub fn label(self) -> &'static str {
        match self {
            ItemStatus::Draft => "Draft",
            ItemStatus::Proposed => "Proposed",
            ItemStatus::Agreed => "Agreed",
            ItemStatus::ChangesRequested => "Changes requested",
            ItemStatus::Rejected => "Rejected",
        }
    }

    /// Whether the panel still has to settle the item.
    pub fn is_open(self) -> bool {
        !matches!(self, ItemStatus::Agreed | ItemStatus::Rejected)
    }
}

impl fmt::Display for ItemStatus {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.label())
    }
}

/// What kind of entry a panel record holds.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, Default)]
pub enum EntryKind {
    /// A decision of the panel.
    #[default]
    Decision,
    /// A comment by a member.
    Comment,
    /// An action someone must take.
    Action,
}

impl EntryKind {
    /// Name of the kind.
    pub fn label(self) -> &'static str {
        match self {
            EntryKind::Decision => "Decision",
            EntryKind::Comment => "Comment",
            EntryKind::Action => "Action",
        }
    }
}

/// A decision, comment or action, attributed to a member and a time.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Entry {
    /// Decision, comment or action.
    pub kind: EntryKind,
    /// What was said or decided.
    pub text: String,
    /// Member id of who said it (decisions may be the panel's as a whole).
    #[serde(default)]
    pub member: Option<String>,
    /// The session it was recorded in.
    #[serde(default)]
    pub session: Option<String>,
    /// When, as an RFC 3339 timestamp.
    pub at: String,
}

/// The panel's status and history of one item.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ItemRecord {
    /// The item.
    pub item: ItemRef,
    /// Its status.
    pub status: ItemStatus,
    /// Decisions, comments and actions, oldest first.
    #[serde(default)]
    pub entries: Vec<Entry>,
}

impl PanelRecord {
    /// The record of `item`, if the panel has one.
    pub fn item(&self, item: &ItemRef) -> Option<&ItemRecord> {
        self.items.iter().find(|record| &record.item == item)
    }

    /// The status of `item` (Draft when the panel has no record of it).
    pub fn status(&self, item: &ItemRef) -> ItemStatus {
        self.item(item)
            .map_or(ItemStatus::Draft, |record| record.status)
    }

    /// The member with `id`.
    pub fn member(&self, id: &str) -> Option<&Member> {
        self.members.iter().find(|member| member.id == id)
    }

    /// The latest session, if any.
    pub fn current_session(&self) -> Option<&PanelSession> {
        self.sessions.last()
    }
}
