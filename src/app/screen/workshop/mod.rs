//! Workshop mode: a panel meeting around one projector. One unit or one learning outcome at a
//! time in large type (Page Up / Page Down to move), the decision bar to record a status,
//! decision, comment or action against the item in view without leaving it, the panel's
//! members and sessions, the items still open, and what changed.

use super::Action;
use crate::analysis::{Comparison, Location, compare};
use crate::app::{FileError, Purpose, Session};
use crate::model::{
    CriterionNumbers, Curriculum, Edit, Entry, EntryKind, ItemRef, ItemStatus, Member, MemberRole,
    PanelSession, outcome_label,
};
use time::OffsetDateTime;

mod view;

/// The widget id of the decision bar's text box.
pub const CAPTURE_ID: &str = "workshop-capture";

/// What the workshop screen shows.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum View {
    /// One unit or outcome at a time.
    #[default]
    Present,
    /// The mapping matrix at workshop scale.
    Matrix,
    /// Members, sessions and attendance.
    Panel,
    /// Items the panel has not settled.
    OpenItems,
    /// Edits this session and comparison with another version.
    Changes,
}

/// Where the presentation stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Position {
    /// Index of the unit.
    pub unit: usize,
    /// Index of the outcome; `None` for the unit's overview.
    pub outcome: Option<usize>,
    /// Index of the criterion selected within the outcome, if any.
    pub criterion: Option<usize>,
}

/// A member offered in the decision bar.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MemberChoice {
    id: Option<String>,
    label: String,
}

impl std::fmt::Display for MemberChoice {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.label)
    }
}

/// Messages of the workshop screen.
#[derive(Debug, Clone)]
pub enum Message {
    /// Show a view.
    View(View),
    /// Leave workshop mode (as F11 does).
    Exit,
    /// Next item (Page Down).
    Next,
    /// Previous item (Page Up).
    Previous,
    /// Select the criterion above (-1) or below (+1), or the outcome itself.
    SelectCriterion(isize),
    /// Present an item.
    Go(ItemRef),
    /// Set the status of the item in view.
    Status(ItemStatus),
    /// Kind of entry the decision bar records.
    Kind(EntryKind),
    /// Who the entry is attributed to.
    Speaker(MemberChoice),
    /// The decision bar's text.
    Text(String),
    /// Record the entry against the item in view.
    Record,
    /// Start a session today.
    StartSession,
    /// Mark a member present or absent at the current session.
    Attendance(String, bool),
    /// Add a panel member.
    AddMember,
    /// Change a member's name, organisation or role.
    EditMember(String, MemberField),
    /// The agenda of the current session (one item per line).
    Agenda(String),
    /// Show only open items, or all.
    OnlyOpen(bool),
    /// Pick another version of the file to compare with.
    Compare,
    /// The other version loaded: its file name and document, or why it could not be read.
    Compared(Result<(String, Box<Curriculum>), FileError>),
    /// Go to a place in the editor.
    Locate(Location),
    /// Export the panel's minutes as a PDF.
    ExportMinutes,
    /// Add the panel record to the specification PDF as an appendix, or not.
    MinutesInSpecification(bool),
}

/// A field of a member being edited.
#[derive(Debug, Clone)]
pub enum MemberField {
    /// Name.
    Name(String),
    /// Organisation.
    Organisation(String),
    /// Role.
    Role(MemberRole),
}

/// State of the workshop screen.
#[derive(Debug)]
pub struct State {
    /// The view in front.
    pub view: View,
    /// The item in view.
    pub position: Position,
    /// Kind of entry to record.
    pub kind: EntryKind,
    /// Member the entry is attributed to.
    pub speaker: Option<String>,
    /// Text of the entry.
    pub text: String,
    /// Whether the items list shows only open items.
    pub only_open: bool,
    /// A comparison with another version: its file name and the differences.
    pub comparison: Option<(String, Comparison)>,
    /// Whether the specification PDF carries the panel record as an appendix.
    pub minutes_in_specification: bool,
}

impl Default for State {
    fn default() -> Self {
        Self {
            view: View::Present,
            position: Position::default(),
            kind: EntryKind::Decision,
            speaker: None,
            text: String::new(),
            only_open: true,
            comparison: None,
            minutes_in_specification: false,
        }
    }
}

/// The item at `position`, if it exists.
pub fn item_at(doc: &Curriculum, position: Position) -> Option<ItemRef> {
    let unit = doc.units.get(position.unit)?;
    match position.outcome {
        None => Some(ItemRef::Unit(unit.id.clone())),
        Some(o) => {
            let outcome = unit.outcomes.get(o)?;
            match position.criterion.and_then(|c| outcome.criteria.get(c)) {
                Some(criterion) => Some(ItemRef::Criterion(criterion.id.clone())),
                None => Some(ItemRef::Outcome(outcome.id.clone())),
            }
        }
    }
}

/// A short label for an item, with display numbering: "4010", "4010 LO2", "4010 LO2 P3".
pub fn item_label(doc: &Curriculum, item: &ItemRef) -> String {
    match item {
        ItemRef::Unit(id) => doc.unit(id).map_or_else(
            || format!("unit {id} (removed)"),
            |u| format!("{} {}", u.number, u.title),
        ),
        ItemRef::Outcome(id) => doc.outcome_position(id).map_or_else(
            || format!("outcome {id} (removed)"),
            |(u, o)| format!("{} {}", doc.units[u].number, outcome_label(o)),
        ),
        ItemRef::Criterion(id) => doc.criterion_position(id).map_or_else(
            || format!("criterion {id} (removed)"),
            |(u, o, _)| {
                let unit = &doc.units[u];
                format!(
                    "{} {} {}",
                    unit.number,
                    outcome_label(o),
                    CriterionNumbers::of(unit).get(id)
                )
            },
        ),
    }
}

/// The widget id of a member's name field.
pub fn member_name_id(member: &str) -> iced::widget::Id {
    iced::widget::Id::from(format!("member-name:{member}"))
}

/// `now` as recorded in the panel record (RFC 3339).
fn timestamp(now: OffsetDateTime) -> String {
    now.format(&time::format_description::well_known::Rfc3339)
        .unwrap_or_default()
}

/// The date of `now` as YYYY-MM-DD.
fn date(now: OffsetDateTime) -> String {
    let format = time::macros::format_description!("[year]-[month]-[day]");
    now.format(&format).unwrap_or_default()
}

impl State {
    /// The member the next entry is attributed to, if one is chosen and still on the panel.
    fn member(&self, doc: &Curriculum) -> Option<String> {
        self.speaker
            .clone()
            .filter(|id| doc.panel.member(id).is_some())
    }

    /// Handles a message; `now` is when it happens (the app's clock), for the record.
    pub fn update(&mut self, message: Message, session: &Session, now: OffsetDateTime) -> Action {
        let doc = &session.doc;
        match message {
            Message::View(view) => {
                self.view = view;
                Action::Seal
            }
            Message::Next => {
                self.position = step(doc, self.position, true);
                Action::Seal
            }
            Message::Previous => {
                self.position = step(doc, self.position, false);
                Action::Seal
            }
            Message::SelectCriterion(delta) => {
                let count = self
                    .position
                    .outcome
                    .and_then(|o| doc.units.get(self.position.unit)?.outcomes.get(o))
                    .map_or(0, |o| o.criteria.len());
                self.position.criterion = match (self.position.criterion, delta > 0) {
                    (None, true) if count > 0 => Some(0),
                    (None, _) => None,
                    (Some(c), true) => Some((c + 1).min(count.saturating_sub(1))),
                    (Some(0), false) => None,
                    (Some(c), false) => Some(c - 1),
                };
                Action::None
            }
            Message::Go(item) => {
                if let Some(position) = position_of(doc, &item) {
                    self.position = position;
                    self.view = View::Present;
                }
                Action::Seal
            }
            Message::Status(status) => match item_at(doc, self.position) {
                Some(item) if doc.panel.status(&item) != status => {
                    let mut edits = vec![Edit::SetStatus {
                        item: item.clone(),
                        status,
                    }];
                    edits.push(Edit::AddEntry {
                        item,
                        entry: Entry {
                            kind: EntryKind::Decision,
                            text: format!("Status set to {status}"),
                            member: self.member(doc),
                            session: doc.panel.current_session().map(|s| s.id.clone()),
                            at: timestamp(now),
                        },
                    });
                    Action::edit(Edit::Batch(edits))
                }
                _ => Action::None,
            },
            Message::Kind(kind) => {
                self.kind = kind;
                Action::None
            }
            Message::Speaker(choice) => {
                self.speaker = choice.id;
                Action::None
            }
            Message::Text(text) => {
                self.text = text;
                Action::None
            }
            Message::Record => {
                let text = self.text.trim().to_owned();
                let Some(item) = item_at(doc, self.position) else {
                    return Action::None;
                };
                if text.is_empty() {
                    return Action::None;
                }
                self.text.clear();
                Action::edit(Edit::AddEntry {
                    item,
                    entry: Entry {
                        kind: self.kind,
                        text,
                        member: self.member(doc),
                        session: doc.panel.current_session().map(|s| s.id.clone()),
                        at: timestamp(now),
                    },
                })
            }
            Message::StartSession => {
                let mut sessions = doc.panel.sessions.clone();
                sessions.push(PanelSession {
                    id: doc_fresh(
                        &sessions.iter().map(|s| s.id.clone()).collect::<Vec<_>>(),
                        "session-",
                    ),
                    date: date(now),
                    attendees: Vec::new(),
                    agenda: Vec::new(),
                });
                people(doc.panel.members.clone(), sessions)
            }
            Message::Attendance(member, present) => {
                let mut sessions = doc.panel.sessions.clone();
                let Some(current) = sessions.last_mut() else {
                    return Action::None;
                };
                current.attendees.retain(|a| a != &member);
                if present {
                    current.attendees.push(member);
                }
                people(doc.panel.members.clone(), sessions)
            }
            Message::AddMember => {
                let mut members = doc.panel.members.clone();
                let id = doc_fresh(
                    &members.iter().map(|m| m.id.clone()).collect::<Vec<_>>(),
                    "member-",
                );
                let focus = member_name_id(&id);
                members.push(Member {
                    id,
                    name: String::new(),
                    organisation: String::new(),
                    role: MemberRole::Employer,
                });
                Action::edit_and_focus(
                    Edit::SetPanelPeople {
                        members,
                        sessions: doc.panel.sessions.clone(),
                    },
                    focus,
                )
            }
            Message::EditMember(id, field) => {
                let mut members = doc.panel.members.clone();
                let Some(member) = members.iter_mut().find(|m| m.id == id) else {
                    return Action::None;
                };
                match field {
                    MemberField::Name(name) => member.name = name,
                    MemberField::Organisation(organisation) => member.organisation = organisation,
                    MemberField::Role(role) => member.role = role,
                }
                people(members, doc.panel.sessions.clone())
            }
            Message::Agenda(text) => {
                let mut sessions = doc.panel.sessions.clone();
                let Some(current) = sessions.last_mut() else {
                    return Action::None;
                };
                current.agenda = text
                    .split(';')
                    .map(|s| s.trim().to_owned())
                    .filter(|s| !s.is_empty())
                    .collect();
                people(doc.panel.members.clone(), sessions)
            }
            Message::OnlyOpen(on) => {
                self.only_open = on;
                Action::None
            }
            Message::Compare => Action::Pick(Purpose::CompareWith),
            Message::Compared(Ok((name, other))) => {
                self.comparison = Some((name, compare(&other, doc)));
                self.view = View::Changes;
                Action::None
            }
            Message::Compared(Err(error)) => {
                Action::Banner(crate::app::Banner::Error(error.to_string()))
            }
            Message::Locate(location) => Action::Locate(location),
            Message::ExportMinutes => Action::Pick(Purpose::ExportMinutes),
            Message::Exit => Action::Run(iced::Task::done(crate::app::Message::Command(
                crate::app::shortcuts::Command::Workshop,
            ))),
            Message::MinutesInSpecification(on) => {
                self.minutes_in_specification = on;
                Action::None
            }
        }
    }
}

fn people(members: Vec<Member>, sessions: Vec<PanelSession>) -> Action {
    Action::edit(Edit::SetPanelPeople { members, sessions })
}

fn doc_fresh(taken: &[String], prefix: &str) -> String {
    crate::model::fresh_id(prefix, |candidate| taken.iter().any(|t| t == candidate))
}

/// The position of `item`, if it still exists.
pub fn position_of(doc: &Curriculum, item: &ItemRef) -> Option<Position> {
    match item {
        ItemRef::Unit(id) => doc.unit_index(id).map(|unit| Position {
            unit,
            outcome: None,
            criterion: None,
        }),
        ItemRef::Outcome(id) => doc.outcome_position(id).map(|(unit, o)| Position {
            unit,
            outcome: Some(o),
            criterion: None,
        }),
        ItemRef::Criterion(id) => doc.criterion_position(id).map(|(unit, o, c)| Position {
            unit,
            outcome: Some(o),
            criterion: Some(c),
        }),
    }
}

/// The next (or previous) stop: a unit's overview, then each of its outcomes, then the next unit.
pub fn step(doc: &Curriculum, position: Position, forward: bool) -> Position {
    let stops: Vec<(usize, Option<usize>)> = doc
        .units
        .iter()
        .enumerate()
        .flat_map(|(u, unit)| {
            std::iter::once((u, None)).chain((0..unit.outcomes.len()).map(move |o| (u, Some(o))))
        })
        .collect();
    let here = stops
        .iter()
        .position(|&(u, o)| u == position.unit && o == position.outcome)
        .unwrap_or(0);
    let next = if forward {
        (here + 1).min(stops.len().saturating_sub(1))
    } else {
        here.saturating_sub(1)
    };
    stops
        .get(next)
        .map_or(position, |&(unit, outcome)| Position {
            unit,
            outcome,
            criterion: None,
        })
}
