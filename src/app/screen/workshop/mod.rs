//! Workshop mode: a panel meeting around one projector. One unit or one learning outcome at a
//! time in large type (Page Up / Page Down to move), the decision bar to record a status,
//! decision, comment or action against the item in view without leaving it, the panel's
//! members and sessions, the items still open, and what changed.

use super::Action;
use super::widgets::{caption, heading, primary, secondary};
use crate::analysis::{ChangeKind, Comparison, Location, compare};
use crate::app::theme::{self, size, space};
use crate::app::{Purpose, Session};
use crate::model::{
    Band, CriterionNumbers, Curriculum, Edit, Entry, EntryKind, ItemRef, ItemStatus, Member,
    MemberRole, PanelSession, Unit, outcome_label,
};
use iced::widget::{
    Column, button, checkbox, column, container, pick_list, row, scrollable, text, text_input,
};
use iced::{Alignment, Element, Length};

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
    EditMember(usize, MemberField),
    /// The agenda of the current session (one item per line).
    Agenda(String),
    /// Show only open items, or all.
    OnlyOpen(bool),
    /// Pick another version of the file to compare with.
    Compare,
    /// The other version loaded: its file name and document, or why it could not be read.
    Compared(Result<(String, Box<Curriculum>), String>),
    /// Go to a place in the editor.
    Locate(Location),
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

fn now() -> String {
    let now = time::OffsetDateTime::now_local().unwrap_or_else(|_| time::OffsetDateTime::now_utc());
    now.format(&time::format_description::well_known::Rfc3339)
        .unwrap_or_default()
}

fn today() -> String {
    now().get(..10).unwrap_or_default().to_owned()
}

impl State {
    /// Handles a message.
    pub fn update(&mut self, message: Message, session: &Session) -> Action {
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
                            member: None,
                            session: doc.panel.current_session().map(|s| s.id.clone()),
                            at: now(),
                        },
                    });
                    Action::Edit(Edit::Batch(edits))
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
                Action::Edit(Edit::AddEntry {
                    item,
                    entry: Entry {
                        kind: self.kind,
                        text,
                        member: self
                            .speaker
                            .clone()
                            .filter(|id| doc.panel.member(id).is_some()),
                        session: doc.panel.current_session().map(|s| s.id.clone()),
                        at: now(),
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
                    date: today(),
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
                members.push(Member {
                    id: doc_fresh(
                        &members.iter().map(|m| m.id.clone()).collect::<Vec<_>>(),
                        "member-",
                    ),
                    name: String::new(),
                    organisation: String::new(),
                    role: MemberRole::Employer,
                });
                people(members, doc.panel.sessions.clone())
            }
            Message::EditMember(index, field) => {
                let mut members = doc.panel.members.clone();
                let Some(member) = members.get_mut(index) else {
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
            Message::Compared(Err(error)) => Action::Banner(crate::app::Banner::Error(error)),
            Message::Locate(location) => Action::Locate(location),
        }
    }
}

fn people(members: Vec<Member>, sessions: Vec<PanelSession>) -> Action {
    Action::Edit(Edit::SetPanelPeople { members, sessions })
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

const LARGE: f32 = 22.0;
const MEDIUM: f32 = 18.0;

fn status_marker(status: ItemStatus) -> &'static str {
    match status {
        ItemStatus::Draft => "○ Draft",
        ItemStatus::Proposed => "◔ Proposed",
        ItemStatus::Agreed => "✔ Agreed",
        ItemStatus::ChangesRequested => "✎ Changes requested",
        ItemStatus::Rejected => "✖ Rejected",
    }
}

impl State {
    /// The bar across the top: the item in view and the workshop's tabs.
    pub fn top_bar<'a>(&'a self, session: &'a Session) -> Element<'a, Message> {
        let doc = &session.doc;
        let tab = |label: &'a str, view: View| {
            button(text(label).size(size::BODY))
                .padding([4, 10])
                .style(theme::nav_button(self.view == view))
                .on_press(Message::View(view))
        };
        let place = item_at(doc, self.position)
            .map(|item| format!("In view: {}", item_label(doc, &item)))
            .unwrap_or_default();
        row![
            text(place)
                .size(size::BODY)
                .font(theme::BOLD)
                .width(Length::Fill),
            tab("Present", View::Present),
            tab("Matrix", View::Matrix),
            tab("Panel", View::Panel),
            tab("Open items", View::OpenItems),
            tab("Changes", View::Changes),
        ]
        .spacing(space::S)
        .align_y(Alignment::Center)
        .into()
    }

    /// The view in front (the app draws the mapping matrix for [`View::Matrix`]).
    pub fn body<'a>(&'a self, session: &'a Session) -> Element<'a, Message> {
        let doc = &session.doc;
        match self.view {
            View::Present => self.present(doc),
            View::Matrix => column![].into(),
            View::Panel => panel_view(doc),
            View::OpenItems => self.open_items(doc),
            View::Changes => self.changes(session),
        }
    }

    fn present<'a>(&'a self, doc: &'a Curriculum) -> Element<'a, Message> {
        let Some(unit) = doc.units.get(self.position.unit) else {
            return text("This curriculum has no units yet.").size(LARGE).into();
        };
        let content: Element<'a, Message> = match self.position.outcome {
            None => unit_overview(doc, unit),
            Some(o) => match unit.outcomes.get(o) {
                Some(_) => self.outcome_view(doc, unit, o),
                None => unit_overview(doc, unit),
            },
        };
        scrollable(content).height(Length::Fill).into()
    }

    fn outcome_view<'a>(
        &'a self,
        doc: &'a Curriculum,
        unit: &'a Unit,
        o: usize,
    ) -> Element<'a, Message> {
        let outcome = &unit.outcomes[o];
        let numbers = CriterionNumbers::of(unit);
        let status = doc.panel.status(&ItemRef::Outcome(outcome.id.clone()));
        let mut criteria = column![].spacing(space::XS);
        for (c, criterion) in outcome.criteria.iter().enumerate() {
            let selected = self.position.criterion == Some(c);
            let criterion_status = doc.panel.status(&ItemRef::Criterion(criterion.id.clone()));
            criteria = criteria.push(
                container(
                    row![
                        text(numbers.get(&criterion.id).to_owned())
                            .size(MEDIUM)
                            .font(theme::BOLD)
                            .width(48),
                        text(&criterion.text).size(MEDIUM).width(Length::Fill),
                        text(if criterion_status == ItemStatus::Draft {
                            ""
                        } else {
                            status_marker(criterion_status)
                        })
                        .size(size::BODY),
                    ]
                    .spacing(space::S),
                )
                .padding([2.0, space::S])
                .style(if selected {
                    theme::notice_banner
                } else {
                    container::transparent
                }),
            );
        }
        let band_counts = Band::ALL
            .iter()
            .map(|band| {
                format!(
                    "{} {}",
                    outcome.criteria.iter().filter(|c| c.band == *band).count(),
                    band.label()
                )
            })
            .collect::<Vec<_>>()
            .join(" · ");
        column![
            text(format!(
                "Unit {} · {} of {}",
                unit.number,
                outcome_label(o),
                unit.outcomes.len()
            ))
            .size(size::BODY)
            .style(theme::muted),
            text(&outcome.text).size(LARGE).font(theme::BOLD),
            row![
                text(status_marker(status)).size(MEDIUM),
                text(band_counts).size(size::BODY).style(theme::muted)
            ]
            .spacing(space::L)
            .align_y(Alignment::Center),
            criteria,
            entries_view(doc, &ItemRef::Outcome(outcome.id.clone())),
        ]
        .spacing(space::M)
        .into()
    }

    /// The decision bar: kind, speaker, text, and the status buttons.
    pub fn capture<'a>(&'a self, doc: &'a Curriculum) -> Element<'a, Message> {
        let mut speakers = vec![MemberChoice {
            id: None,
            label: "The panel".into(),
        }];
        speakers.extend(doc.panel.members.iter().map(|m| MemberChoice {
            id: Some(m.id.clone()),
            label: if m.name.is_empty() {
                m.id.clone()
            } else {
                m.name.clone()
            },
        }));
        let speaker = speakers.iter().find(|s| s.id == self.speaker).cloned();
        let kinds = [EntryKind::Decision, EntryKind::Comment, EntryKind::Action];
        let statuses = row(ItemStatus::ALL.iter().enumerate().map(|(i, status)| {
            button(text(format!("{} {}", i + 1, status.label())).size(size::BODY))
                .padding([3, 6])
                .style(button::secondary)
                .on_press(Message::Status(*status))
                .into()
        }))
        .spacing(space::XS);
        container(
            column![
                row![
                    pick_list(kinds.map(KindChoice), Some(KindChoice(self.kind)), |k| {
                        Message::Kind(k.0)
                    })
                    .text_size(size::BODY),
                    pick_list(speakers, speaker, Message::Speaker)
                        .text_size(size::BODY)
                        .width(190),
                    text_input(
                        "Type a decision, comment or action; Enter records it",
                        &self.text
                    )
                    .id(CAPTURE_ID)
                    .on_input(Message::Text)
                    .on_submit(Message::Record)
                    .size(size::BODY)
                    .padding(6),
                    primary(
                        "Record",
                        (!self.text.trim().is_empty()).then_some(Message::Record)
                    ),
                ]
                .spacing(space::S)
                .align_y(Alignment::Center),
                row![text("Status (Alt+1…5):").size(size::BODY), statuses]
                    .spacing(space::S)
                    .align_y(Alignment::Center),
            ]
            .spacing(space::XS),
        )
        .padding(space::S)
        .style(theme::card)
        .into()
    }

    fn open_items<'a>(&'a self, doc: &'a Curriculum) -> Element<'a, Message> {
        let mut list = column![
            row![
                heading("Items"),
                checkbox(self.only_open)
                    .label("Only items still open")
                    .on_toggle(Message::OnlyOpen),
            ]
            .spacing(space::L)
            .align_y(Alignment::Center)
        ]
        .spacing(space::XS);
        for item in all_items(doc) {
            let status = doc.panel.status(&item);
            if self.only_open && !status.is_open() {
                continue;
            }
            let entries = doc.panel.item(&item).map_or(0, |r| r.entries.len());
            list = list.push(
                button(
                    row![
                        text(status_marker(status)).size(size::BODY).width(230),
                        text(item_label(doc, &item))
                            .size(size::BODY)
                            .width(Length::Fill),
                        text(if entries > 0 {
                            format!("{entries} entries")
                        } else {
                            String::new()
                        })
                        .size(size::SMALL),
                    ]
                    .spacing(space::S),
                )
                .style(button::text)
                .width(Length::Fill)
                .on_press(Message::Go(item)),
            );
        }
        scrollable(list).height(Length::Fill).into()
    }

    fn changes<'a>(&'a self, session: &'a Session) -> Element<'a, Message> {
        let mut list =
            column![heading("Changes since the file was opened or saved")].spacing(space::XS);
        let edits = session.history.edits().count();
        list = list.push(
            text(if edits == 0 {
                "No changes yet.".to_owned()
            } else {
                format!("{edits} changes")
            })
            .size(size::BODY),
        );
        list = list.push(
            row![
                heading("Compare with another version"),
                secondary("Choose a file…", Some(Message::Compare)),
            ]
            .spacing(space::L)
            .align_y(Alignment::Center),
        );
        if let Some((name, comparison)) = &self.comparison {
            list = list.push(
                text(format!(
                    "Against {name}: {} added, {} removed, {} changed",
                    comparison.count(ChangeKind::Added),
                    comparison.count(ChangeKind::Removed),
                    comparison.count(ChangeKind::Changed)
                ))
                .size(size::BODY)
                .font(theme::BOLD),
            );
            if comparison.is_empty() {
                list = list.push(text("The two versions are the same.").size(size::BODY));
            }
            for change in &comparison.changes {
                let marker = match change.kind {
                    ChangeKind::Added => "+",
                    ChangeKind::Removed => "−",
                    ChangeKind::Changed => "~",
                };
                list = list.push(
                    button(text(format!("{marker} {}", change.description)).size(size::BODY))
                        .style(button::text)
                        .on_press_maybe(change.location.clone().map(Message::Locate)),
                );
            }
        }
        scrollable(list).height(Length::Fill).into()
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct KindChoice(EntryKind);

impl std::fmt::Display for KindChoice {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.0.label())
    }
}

fn all_items(doc: &Curriculum) -> Vec<ItemRef> {
    doc.units
        .iter()
        .flat_map(|unit| {
            std::iter::once(ItemRef::Unit(unit.id.clone())).chain(unit.outcomes.iter().flat_map(
                |o| {
                    std::iter::once(ItemRef::Outcome(o.id.clone()))
                        .chain(o.criteria.iter().map(|c| ItemRef::Criterion(c.id.clone())))
                },
            ))
        })
        .collect()
}

fn unit_overview<'a>(doc: &'a Curriculum, unit: &'a Unit) -> Element<'a, Message> {
    let status = doc.panel.status(&ItemRef::Unit(unit.id.clone()));
    let outcomes = Column::with_children(unit.outcomes.iter().enumerate().map(|(o, outcome)| {
        row![
            text(outcome_label(o))
                .size(MEDIUM)
                .font(theme::BOLD)
                .width(60),
            text(&outcome.text).size(MEDIUM).width(Length::Fill),
        ]
        .spacing(space::S)
        .into()
    }))
    .spacing(space::XS);
    column![
        text(format!(
            "{} · Level {} · {} credits · {}",
            unit.theme.label(),
            unit.level,
            unit.credits,
            if doc.is_mandatory(&unit.id) {
                "Mandatory"
            } else {
                "Optional"
            }
        ))
        .size(size::BODY)
        .style(theme::muted),
        text(format!("Unit {}: {}", unit.number, unit.title))
            .size(LARGE + 4.0)
            .font(theme::BOLD),
        text(status_marker(status)).size(MEDIUM),
        outcomes,
        entries_view(doc, &ItemRef::Unit(unit.id.clone())),
    ]
    .spacing(space::M)
    .into()
}

fn entries_view<'a>(doc: &'a Curriculum, item: &ItemRef) -> Element<'a, Message> {
    let Some(record) = doc.panel.item(item) else {
        return column![].into();
    };
    let rows = record.entries.iter().rev().take(4).map(|entry| {
        let who = entry
            .member
            .as_deref()
            .and_then(|id| doc.panel.member(id))
            .map_or_else(|| "The panel".to_owned(), |m| m.name.clone());
        text(format!(
            "{} — {} ({}, {})",
            entry.kind.label(),
            entry.text,
            who,
            entry.at.get(..16).unwrap_or(&entry.at).replace('T', " ")
        ))
        .size(size::BODY)
        .into()
    });
    column![
        caption("Latest entries"),
        Column::with_children(rows).spacing(2)
    ]
    .spacing(space::XS)
    .into()
}

fn panel_view(doc: &Curriculum) -> Element<'_, Message> {
    let panel = &doc.panel;
    let current = panel.current_session();
    let mut members = column![
        row![
            heading("Members"),
            secondary("Add member", Some(Message::AddMember)),
        ]
        .spacing(space::L)
        .align_y(Alignment::Center)
    ]
    .spacing(space::XS);
    for (index, member) in panel.members.iter().enumerate() {
        let present = current.is_some_and(|s| s.attendees.contains(&member.id));
        let id = member.id.clone();
        let mut line = row![
            text_input("Name", &member.name)
                .on_input(move |v| Message::EditMember(index, MemberField::Name(v)))
                .size(size::BODY)
                .padding(4)
                .width(220),
            text_input("Organisation", &member.organisation)
                .on_input(move |v| Message::EditMember(index, MemberField::Organisation(v)))
                .size(size::BODY)
                .padding(4)
                .width(Length::Fill),
            pick_list(MemberRole::ALL, Some(member.role), move |role| {
                Message::EditMember(index, MemberField::Role(role))
            })
            .text_size(size::BODY),
        ]
        .spacing(space::S)
        .align_y(Alignment::Center);
        if current.is_some() {
            line = line.push(
                checkbox(present)
                    .label("Attending")
                    .on_toggle(move |on| Message::Attendance(id.clone(), on)),
            );
        }
        members = members.push(line);
    }
    let session: Element<'_, Message> = match current {
        Some(session) => column![
            row![
                heading(format!("Session of {}", session.date)),
                secondary("Start a new session today", Some(Message::StartSession)),
            ]
            .spacing(space::L)
            .align_y(Alignment::Center),
            text(format!(
                "{} of {} members present",
                session.attendees.len(),
                panel.members.len()
            ))
            .size(size::BODY),
            text_input(
                "Agenda, items separated by semicolons",
                &session.agenda.join("; ")
            )
            .on_input(Message::Agenda)
            .size(size::BODY)
            .padding(4),
        ]
        .spacing(space::XS)
        .into(),
        None => row![
            text("No session yet.").size(size::BODY),
            primary("Start a session today", Some(Message::StartSession)),
        ]
        .spacing(space::L)
        .align_y(Alignment::Center)
        .into(),
    };
    scrollable(column![session, members].spacing(space::L))
        .height(Length::Fill)
        .into()
}
