//! Drawing the workshop screen: the top bar, the presentation of a unit or an outcome, the
//! decision bar, the panel's members and sessions, open items and changes.

use super::{
    CAPTURE_ID, MemberChoice, MemberField, Message, State, View, item_at, item_label,
    member_name_id,
};
use crate::analysis::{ChangeKind, describe_edit};
use crate::app::Session;
use crate::app::screen::structure::Role;
use crate::app::screen::widgets::{caption, heading, primary, secondary};
use crate::app::theme::{self, size, space};
use crate::model::{
    Band, CriterionNumbers, Curriculum, EntryKind, ItemRef, ItemStatus, MemberRole, Unit,
    outcome_label,
};
use crate::words::counted;
use iced::widget::{
    Column, button, checkbox, column, container, pick_list, row, scrollable, text, text_input,
};
use iced::{Alignment, Element, Length};

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
            // One line, cut at the edge when the window is narrow: the bar never grows
            // taller, so nothing below it moves.
            container(
                text(place)
                    .size(size::BODY)
                    .font(theme::BOLD)
                    .wrapping(iced::widget::text::Wrapping::None),
            )
            .width(Length::Fill)
            .clip(true),
            tab("Present", View::Present),
            tab("Matrix", View::Matrix),
            tab("Panel", View::Panel),
            tab("Open items", View::OpenItems),
            tab("Changes", View::Changes),
            secondary("Exit workshop (F11)", Some(Message::Exit)),
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
            View::Panel => panel_view(doc, self.minutes_in_specification),
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
                            counted(entries, "entry", "entries")
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
        let doc = &session.doc;
        let mut list = column![heading("Changes since the file was opened")].spacing(space::XS);
        let edits: Vec<String> = session
            .history
            .edits()
            .map(|edit| describe_edit(doc, edit))
            .collect();
        if edits.is_empty() {
            list = list.push(text("No changes yet.").size(size::BODY));
        }
        for description in edits {
            list = list.push(text(format!("• {description}")).size(size::BODY));
        }
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
            "{} · Level {} · {} · {}",
            unit.theme.label(),
            unit.level,
            counted(unit.credits, "credit", "credits"),
            Role::of(doc, &unit.id)
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

fn panel_view(doc: &Curriculum, minutes_in_specification: bool) -> Element<'_, Message> {
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
    for member in &panel.members {
        let present = current.is_some_and(|s| s.attendees.contains(&member.id));
        let id = member.id.clone();
        let (name_of, organisation_of, role_of) =
            (member.id.clone(), member.id.clone(), member.id.clone());
        let mut line = row![
            text_input("Name", &member.name)
                .id(member_name_id(&member.id))
                .on_input(move |v| Message::EditMember(name_of.clone(), MemberField::Name(v)))
                .size(size::BODY)
                .padding(4)
                .width(200),
            text_input("Organisation", &member.organisation)
                .on_input(move |v| {
                    Message::EditMember(organisation_of.clone(), MemberField::Organisation(v))
                })
                .size(size::BODY)
                .padding(4)
                .width(Length::Fill),
            pick_list(MemberRole::ALL, Some(member.role), move |role| {
                Message::EditMember(role_of.clone(), MemberField::Role(role))
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
                "{} of {} present",
                session.attendees.len(),
                counted(panel.members.len(), "member", "members")
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
    let minutes = row![
        heading("Minutes"),
        secondary("Export minutes PDF…", Some(Message::ExportMinutes)),
        checkbox(minutes_in_specification)
            .label("Add the panel record to the specification PDF")
            .on_toggle(Message::MinutesInSpecification),
    ]
    .spacing(space::L)
    .align_y(Alignment::Center);
    scrollable(column![session, members, minutes].spacing(space::L))
        .height(Length::Fill)
        .into()
}
