//! Drawing the standards screen: one tab per standard; the chosen standard's reference, title
//! and level; its KSBs, each with its code, kind and statement; its duties with their KSBs.
//! Lists are keyed by id, so a row's widget state follows its item.

use super::{Message, State, duty_ksbs_id};
use crate::app::Session;
use crate::app::fields::{FieldKeys, LongField, field_id};
use crate::app::numbers::{number_id, number_rule};
use crate::app::screen::widgets::{
    heading, key, labelled, number_input, scroll_body, secondary, tool,
};
use crate::app::theme::{self, size, space};
use crate::model::{Duty, Ksb, KsbKind, NumberField, Standard, TextField};
use crate::words::counted;
use iced::widget::{
    Column, button, column, container, keyed_column, pick_list, row, text, text_input,
};
use iced::{Alignment, Element, Length};

impl State {
    /// Draws the screen.
    pub fn view<'a>(&'a self, session: &'a Session) -> Element<'a, Message> {
        let doc = &session.doc;
        let actions = row![
            heading("Occupational standards"),
            iced::widget::space::horizontal(),
            secondary("Add a standard by hand", Some(Message::AddStandard)),
            secondary("Import standard…", Some(Message::Import)),
        ]
        .spacing(space::S)
        .align_y(Alignment::Center);
        let Some(standard) = self.standard(doc) else {
            return column![
                actions,
                text(
                    "No standards yet. Import one from the standards API (JSON) or a CSV of KSBs, \
                     or add one by hand and type its KSBs."
                )
            ]
            .spacing(space::M)
            .padding(space::L)
            .max_width(1100)
            .into();
        };
        let tabs = row(doc.standards.iter().map(|s| {
            let label = format!("{} {}", s.reference, s.title);
            button(text(label).size(size::SMALL))
                .padding([6, 10])
                .style(theme::nav_button(s.id == standard.id))
                .on_press(Message::Select(s.id.clone()))
                .into()
        }))
        .spacing(space::XS)
        .wrap();
        let body = column![
            self.identity(standard),
            self.ksbs(standard),
            self.duties(standard),
        ]
        .spacing(space::L);
        column![actions, tabs, scroll_body(body)]
            .spacing(space::M)
            .padding(space::L)
            .max_width(1100)
            .into()
    }

    fn identity<'a>(&'a self, standard: &'a Standard) -> Element<'a, Message> {
        let reference = TextField::StandardReference(standard.id.clone());
        let title = TextField::StandardTitle(standard.id.clone());
        let level = NumberField::StandardLevel(standard.id.clone());
        let shown = self.numbers.shown(
            &level,
            &number_rule(&level),
            Some(u32::from(standard.level)),
        );
        let id = standard.id.clone();
        let counts = |kind: KsbKind| standard.ksbs.iter().filter(|k| k.kind == kind).count();
        let summary = format!(
            "{}, {}, {}; {}",
            counted(
                counts(KsbKind::Knowledge),
                "knowledge statement",
                "knowledge statements"
            ),
            counted(counts(KsbKind::Skill), "skill", "skills"),
            counted(counts(KsbKind::Behaviour), "behaviour", "behaviours"),
            counted(standard.duties.len(), "duty", "duties"),
        );
        container(
            column![
                row![
                    labelled(
                        "Reference",
                        text_input("ST0000", &standard.reference)
                            .id(field_id(&reference))
                            .on_input(move |v| Message::Text(reference.clone(), v))
                            .padding(6)
                            .width(120)
                    ),
                    labelled(
                        "Occupation",
                        text_input("Title of the occupation", &standard.title)
                            .id(field_id(&title))
                            .on_input(move |v| Message::Text(title.clone(), v))
                            .padding(6)
                    ),
                    number_input("Level", number_id(&level), "4", shown, 80.0, move |v| {
                        Message::Level(id.clone(), v)
                    }),
                ]
                .spacing(space::M)
                .align_y(Alignment::Start),
                row![
                    text(summary).style(theme::muted).width(Length::Fill),
                    tool(
                        "Remove standard",
                        "Remove this standard and every mapping to its KSBs (undo with Ctrl+Z)",
                        Some(Message::RemoveStandard(standard.id.clone()))
                    ),
                ]
                .align_y(Alignment::Center),
            ]
            .spacing(space::S),
        )
        .padding(space::M)
        .style(theme::card)
        .into()
    }

    fn ksbs<'a>(&'a self, standard: &'a Standard) -> Element<'a, Message> {
        let count = standard.ksbs.len();
        let rows = keyed_column(
            standard
                .ksbs
                .iter()
                .enumerate()
                .map(|(index, ksb)| (key(ksb.id.as_str()), self.ksb_row(ksb, index, count))),
        )
        .spacing(space::S);
        let add = row(KsbKind::ALL.iter().map(|kind| {
            secondary(
                match kind {
                    KsbKind::Knowledge => "Add knowledge",
                    KsbKind::Skill => "Add skill",
                    KsbKind::Behaviour => "Add behaviour",
                },
                Some(Message::AddKsb(*kind)),
            )
        }))
        .spacing(space::S);
        let header = row![
            heading("Knowledge, skills and behaviours"),
            iced::widget::space::horizontal(),
            add,
        ]
        .spacing(space::S)
        .align_y(Alignment::Center);
        container(column![header, rows].spacing(space::S))
            .padding(space::M)
            .style(theme::card)
            .into()
    }

    fn ksb_row<'a>(&'a self, ksb: &'a Ksb, index: usize, count: usize) -> Element<'a, Message> {
        let code = TextField::KsbCode(ksb.id.clone());
        let id = ksb.id.clone();
        let kind_id = ksb.id.clone();
        row![
            text_input("K1", &ksb.code)
                .id(field_id(&code))
                .on_input(move |v| Message::Text(code.clone(), v))
                .padding(6)
                .font(theme::BOLD)
                .width(70),
            pick_list(KsbKind::ALL, Some(ksb.kind), move |kind| {
                Message::Kind(kind_id.clone(), kind)
            })
            .text_size(size::SMALL)
            .width(130),
            container(self.fields.view(
                &LongField::Text(TextField::KsbText(ksb.id.clone())),
                "What the occupation needs, e.g. Understands the principles of …",
                Message::Field,
                FieldKeys::default(),
            ))
            .width(Length::Fill),
            tool(
                "↑",
                "Move earlier",
                (index > 0).then(|| Message::MoveKsb(id.clone(), -1))
            ),
            tool(
                "↓",
                "Move later",
                (index + 1 < count).then(|| Message::MoveKsb(id.clone(), 1))
            ),
            tool(
                "Retire",
                "Remove this KSB from the standard, with its mappings (undo with Ctrl+Z)",
                Some(Message::RetireKsb(id.clone()))
            ),
        ]
        .spacing(space::S)
        .align_y(Alignment::Start)
        .into()
    }

    fn duties<'a>(&'a self, standard: &'a Standard) -> Element<'a, Message> {
        let count = standard.duties.len();
        let rows = keyed_column(standard.duties.iter().enumerate().map(|(index, duty)| {
            (
                key(duty.id.as_str()),
                self.duty_row(standard, duty, index, count),
            )
        }))
        .spacing(space::S);
        let mut list = column![heading("Duties")].spacing(space::S);
        if standard.duties.is_empty() {
            list = list.push(text("No duties yet.").style(theme::muted));
        }
        container(
            list.push(rows)
                .push(secondary("Add duty", Some(Message::AddDuty))),
        )
        .padding(space::M)
        .style(theme::card)
        .into()
    }

    fn duty_row<'a>(
        &'a self,
        standard: &'a Standard,
        duty: &'a Duty,
        index: usize,
        count: usize,
    ) -> Element<'a, Message> {
        let code = TextField::DutyCode(standard.id.clone(), duty.id.clone());
        let words = TextField::DutyText(standard.id.clone(), duty.id.clone());
        let shown = self.duty_codes_shown(standard, duty);
        let (id, codes_id) = (duty.id.clone(), duty.id.clone());
        let mut codes = Column::new().push(
            text_input("K1, S2", &shown.text)
                .id(duty_ksbs_id(&duty.id))
                .on_input(move |v| Message::DutyKsbs(codes_id.clone(), v))
                .padding(6)
                .width(220),
        );
        if let Some(problem) = shown.problem {
            codes = codes.push(
                text(problem)
                    .size(size::SMALL)
                    .style(|t| theme::severity_text(t, crate::analysis::Severity::Error))
                    .width(220),
            );
        }
        row![
            text_input("D1", &duty.code)
                .id(field_id(&code))
                .on_input(move |v| Message::Text(code.clone(), v))
                .padding(6)
                .font(theme::BOLD)
                .width(70),
            text_input("What the duty is", &duty.text)
                .id(field_id(&words))
                .on_input(move |v| Message::Text(words.clone(), v))
                .padding(6),
            codes,
            tool(
                "↑",
                "Move earlier",
                (index > 0).then(|| Message::MoveDuty(id.clone(), -1))
            ),
            tool(
                "↓",
                "Move later",
                (index + 1 < count).then(|| Message::MoveDuty(id.clone(), 1))
            ),
            tool(
                "Remove",
                "Remove this duty",
                Some(Message::RemoveDuty(id.clone()))
            ),
        ]
        .spacing(space::S)
        .align_y(Alignment::Start)
        .into()
    }
}
