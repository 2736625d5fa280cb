//! Drawing the unit editor: the header with the unit's line, the tabs, the details, one
//! learning outcome with its criteria and essential content, and the resources and links.
//! Every list is keyed by its items' ids, so a widget's state follows its item.

use super::{LinkChoice, Message, State, Tab};
use crate::analysis::{Finding, FindingKind, Location};
use crate::app::Session;
use crate::app::fields::{FieldKeys, Fields, LongField, field_id};
use crate::app::numbers::{number_id, number_rule, number_value};
use crate::app::screen::structure::Role;
use crate::app::screen::widgets::{
    caption, count_badge, heading, key, labelled, labelled_input, number_input, scroll_body,
    secondary, tool,
};
use crate::app::theme::{self, size, space};
use crate::model::{
    Band, ContentTopic, Criterion, CriterionId, CriterionNumbers, Curriculum, NumberField,
    ResourceKind, TextField, Theme, Unit, outcome_label,
};
use crate::words::counted;
use iced::widget::{
    self, Column, button, column, container, keyed_column, pick_list, row, text, text_input,
};
use iced::{Alignment, Element, Length};

impl State {
    /// Draws the editor for the unit in view.
    pub fn view<'a>(&'a self, session: &'a Session) -> Element<'a, Message> {
        let doc = &session.doc;
        let Some(unit) = self.unit.as_ref().and_then(|id| doc.unit(id)) else {
            return text("This unit no longer exists.").into();
        };
        let findings = session.findings();
        let index = doc.unit_index(&unit.id).unwrap_or(0);
        let header = row![
            column![
                text(format!("Unit {}: {}", unit.number, unit.title))
                    .size(size::TITLE)
                    .font(theme::BOLD),
                text(format!(
                    "{} · Level {} · {} · {} GLH · {}",
                    unit.theme.label(),
                    unit.level,
                    counted(unit.credits, "credit", "credits"),
                    unit.glh,
                    Role::of(doc, &unit.id)
                ))
                .style(theme::muted),
            ]
            .spacing(space::XS)
            .width(Length::Fill),
            tool(
                "← Previous",
                "Previous unit (Page Up)",
                (index > 0).then_some(Message::Step(-1))
            ),
            tool(
                "Next →",
                "Next unit (Page Down)",
                (index + 1 < doc.units.len()).then_some(Message::Step(1))
            ),
        ]
        .spacing(space::S)
        .align_y(Alignment::Center);
        let body: Element<'a, Message> = match &self.tab {
            Tab::Details => self.details(doc, unit, findings),
            Tab::Outcome(id) => match unit.outcomes.iter().position(|o| &o.id == id) {
                Some(position) => self.outcome(unit, position, findings),
                None => self.details(doc, unit, findings),
            },
            Tab::Resources => resources(doc, unit),
        };
        column![header, tabs(unit, &self.tab, findings), scroll_body(body),]
            .spacing(space::M)
            .padding(space::L)
            .max_width(1100)
            .into()
    }

    fn details<'a>(
        &'a self,
        doc: &'a Curriculum,
        unit: &'a Unit,
        findings: &'a [Finding],
    ) -> Element<'a, Message> {
        let id = &unit.id;
        let number = |label: &'a str, field: NumberField| {
            let shown = self
                .numbers
                .shown(&field, &number_rule(&field), number_value(doc, &field));
            number_input(label, number_id(&field), label, shown, 110.0, move |v| {
                Message::Number(field.clone(), v)
            })
        };
        let title_field = TextField::UnitTitle(id.clone());
        let number_field = TextField::UnitNumber(id.clone());
        let code_field = TextField::UnitRegulatorCode(id.clone());
        column![
            row![
                labelled(
                    "Unit number",
                    text_input("4001", &unit.number)
                        .id(field_id(&number_field))
                        .on_input(move |v| Message::Text(number_field.clone(), v))
                        .padding(6)
                        .width(100)
                ),
                labelled(
                    "Title",
                    text_input("Unit title", &unit.title)
                        .id(field_id(&title_field))
                        .on_input(move |v| Message::Text(title_field.clone(), v))
                        .padding(6)
                ),
            ]
            .spacing(space::M),
            row![
                number("Level", NumberField::UnitLevel(id.clone())),
                number("Credits", NumberField::UnitCredits(id.clone())),
                number("Guided learning hours", NumberField::UnitGlh(id.clone())),
                labelled(
                    "Theme",
                    pick_list(Theme::ALL, Some(unit.theme), Message::Theme).padding(6)
                ),
                labelled_input(
                    "Regulator unit code",
                    field_id(&code_field),
                    &unit.regulator_code,
                    move |v| { Message::Text(code_field.clone(), v) }
                ),
            ]
            .spacing(space::M)
            .align_y(Alignment::Start),
            findings_for(findings, |l| l == &Location::Unit(id.clone())),
            labelled(
                "Introduction",
                self.fields.view(
                    &LongField::Text(TextField::UnitIntroduction(id.clone())),
                    "Aims, topics, and what students will be able to do on completion",
                    Message::Field,
                    FieldKeys::default(),
                )
            ),
        ]
        .spacing(space::M)
        .into()
    }

    fn outcome<'a>(
        &'a self,
        unit: &'a Unit,
        position: usize,
        findings: &'a [Finding],
    ) -> Element<'a, Message> {
        let outcome = &unit.outcomes[position];
        let id = &outcome.id;
        let numbers = CriterionNumbers::of(unit);
        let count = outcome.content.len();
        let topics = keyed_column(outcome.content.iter().enumerate().map(|(index, topic)| {
            (
                key(topic.id.as_str()),
                topic_view(&self.fields, topic, index, count),
            )
        }))
        .spacing(space::S);
        let content = column![
            heading("Essential content"),
            topics,
            secondary("Add topic", Some(Message::AddTopic(id.clone()))),
        ]
        .spacing(space::S);

        let count = outcome.criteria.len();
        let rows = keyed_column(
            outcome
                .criteria
                .iter()
                .enumerate()
                .map(|(index, criterion)| {
                    (
                        key(criterion.id.as_str()),
                        criterion_row(
                            &self.fields,
                            criterion,
                            numbers.get(&criterion.id).to_owned(),
                            index,
                            count,
                            findings,
                        ),
                    )
                }),
        )
        .spacing(space::S);
        let add = row(Band::ALL.iter().map(|band| {
            secondary(
                match band {
                    Band::Pass => "Add Pass",
                    Band::Merit => "Add Merit",
                    Band::Distinction => "Add Distinction",
                },
                Some(Message::AddCriterion(id.clone(), *band)),
            )
        }))
        .spacing(space::S);
        let criteria = column![heading("Assessment criteria"), rows, add].spacing(space::S);

        column![
            row![
                text(outcome_label(position))
                    .size(size::HEADING)
                    .font(theme::BOLD),
                widget::space::horizontal(),
                tool(
                    "Move earlier",
                    "Move this outcome earlier",
                    (position > 0).then(|| Message::MoveOutcome(id.clone(), -1))
                ),
                tool(
                    "Move later",
                    "Move this outcome later",
                    (position + 1 < unit.outcomes.len())
                        .then(|| Message::MoveOutcome(id.clone(), 1))
                ),
                tool(
                    "Remove outcome",
                    "Remove this outcome and its mappings (undo with Ctrl+Z)",
                    Some(Message::RemoveOutcome(id.clone()))
                ),
            ]
            .spacing(space::S)
            .align_y(Alignment::Center),
            self.fields.view(
                &LongField::Text(TextField::OutcomeText(id.clone())),
                "Learning outcome, e.g. Examine the legal framework for …",
                Message::Field,
                FieldKeys::default(),
            ),
            findings_for(findings, |l| l == &Location::Outcome(id.clone())),
            container(criteria).padding(space::M).style(theme::card),
            container(content).padding(space::M).style(theme::card),
        ]
        .spacing(space::M)
        .into()
    }
}

fn topic_view<'a>(
    fields: &'a Fields,
    topic: &'a ContentTopic,
    index: usize,
    count: usize,
) -> Element<'a, Message> {
    let heading_field = TextField::TopicHeading(topic.id.clone());
    let id = topic.id.clone();
    container(
        column![
            row![
                text_input("Heading", &topic.heading)
                    .id(field_id(&heading_field))
                    .on_input(move |v| Message::Text(heading_field.clone(), v))
                    .padding(6)
                    .font(theme::BOLD),
                tool(
                    "↑",
                    "Move this topic earlier",
                    (index > 0).then(|| Message::MoveTopic(id.clone(), -1))
                ),
                tool(
                    "↓",
                    "Move this topic later",
                    (index + 1 < count).then(|| Message::MoveTopic(id.clone(), 1))
                ),
                tool(
                    "Remove",
                    "Remove this topic",
                    Some(Message::RemoveTopic(id.clone()))
                ),
            ]
            .spacing(space::S)
            .align_y(Alignment::Center),
            fields.view(
                &LongField::Points(topic.id.clone()),
                "One topic per line",
                Message::Field,
                FieldKeys::default(),
            ),
        ]
        .spacing(space::XS),
    )
    .padding(space::S)
    .style(container::bordered_box)
    .into()
}

fn criterion_row<'a>(
    fields: &'a Fields,
    criterion: &'a Criterion,
    number: String,
    index: usize,
    count: usize,
    findings: &'a [Finding],
) -> Element<'a, Message> {
    let id = criterion.id.clone();
    let band_id = criterion.id.clone();
    column![
        row![
            text(number).font(theme::BOLD).width(40),
            pick_list(Band::ALL, Some(criterion.band), move |band| Message::Band(
                band_id.clone(),
                band
            ))
            .text_size(size::SMALL)
            .width(130),
            container(fields.view(
                &LongField::Text(TextField::CriterionText(criterion.id.clone())),
                "Command verb first, e.g. Explain …",
                Message::Field,
                FieldKeys {
                    ctrl_enter: Some(Message::AddCriterionAfter(criterion.id.clone())),
                },
            ))
            .width(Length::Fill),
            tool(
                "↑",
                "Move up",
                (index > 0).then(|| Message::MoveCriterion(id.clone(), -1))
            ),
            tool(
                "↓",
                "Move down",
                (index + 1 < count).then(|| Message::MoveCriterion(id.clone(), 1))
            ),
            tool(
                "✕",
                "Remove this criterion",
                Some(Message::RemoveCriterion(id.clone()))
            ),
        ]
        .spacing(space::S)
        .align_y(Alignment::Start),
        findings_for(findings, move |l| l == &Location::Criterion(id.clone())),
    ]
    .spacing(space::XS)
    .into()
}

fn tabs<'a>(unit: &'a Unit, current: &Tab, findings: &'a [Finding]) -> Element<'a, Message> {
    let count = |matches: &dyn Fn(&Location) -> bool| {
        findings.iter().filter(|f| matches(&f.location)).count()
    };
    let mut tabs = vec![(
        Tab::Details,
        "Details".to_owned(),
        count(&|l| l == &Location::Unit(unit.id.clone())),
    )];
    for (index, outcome) in unit.outcomes.iter().enumerate() {
        let criteria: Vec<&CriterionId> = outcome.criteria.iter().map(|c| &c.id).collect();
        let n = count(&|l| match l {
            Location::Outcome(id) => id == &outcome.id,
            Location::Criterion(id) => criteria.contains(&id),
            _ => false,
        });
        tabs.push((Tab::Outcome(outcome.id.clone()), outcome_label(index), n));
    }
    tabs.push((Tab::Resources, "Resources and links".to_owned(), 0));
    let mut bar = row(tabs.into_iter().map(|(tab, label, n)| {
        let selected = &tab == current;
        button(
            row![text(label), count_badge(n)]
                .spacing(space::XS)
                .align_y(Alignment::Center),
        )
        .padding([6, 10])
        .style(theme::nav_button(selected))
        .on_press(Message::Tab(tab))
        .into()
    }))
    .spacing(space::XS)
    .align_y(Alignment::Center);
    bar = bar.push(secondary("Add outcome", Some(Message::AddOutcome)));
    bar.into()
}

fn findings_for<'a>(
    findings: &'a [Finding],
    matches: impl Fn(&Location) -> bool,
) -> Element<'a, Message> {
    let items: Vec<Element<'a, Message>> = findings
        .iter()
        .filter(|f| matches(&f.location))
        .map(|finding| {
            let severity = finding.severity;
            let to_write = finding.kind == FindingKind::ToWrite;
            let label = if to_write {
                "to write"
            } else {
                severity.label()
            };
            text(format!("{label}: {}", finding.message))
                .size(size::SMALL)
                .style(move |t| {
                    if to_write {
                        theme::muted(t)
                    } else {
                        theme::severity_text(t, severity)
                    }
                })
                .into()
        })
        .collect();
    Column::with_children(items).spacing(2).into()
}

fn resources<'a>(doc: &'a Curriculum, unit: &'a Unit) -> Element<'a, Message> {
    let count = unit.resources.len();
    let rows = keyed_column(unit.resources.iter().enumerate().map(|(index, resource)| {
        let field = TextField::ResourceText(resource.id.clone());
        let id = resource.id.clone();
        let kind_id = resource.id.clone();
        let line: Element<'a, Message> = row![
            pick_list(ResourceKind::ALL, Some(resource.kind), move |kind| {
                Message::ResourceKind(kind_id.clone(), kind)
            })
            .width(130),
            text_input("Author (year) Title. Publisher.", &resource.text)
                .id(field_id(&field))
                .on_input(move |v| Message::Text(field.clone(), v))
                .padding(6),
            tool(
                "↑",
                "Move this resource earlier",
                (index > 0).then(|| Message::MoveResource(id.clone(), -1))
            ),
            tool(
                "↓",
                "Move this resource later",
                (index + 1 < count).then(|| Message::MoveResource(id.clone(), 1))
            ),
            tool(
                "Remove",
                "Remove this resource",
                Some(Message::RemoveResource(id.clone()))
            ),
        ]
        .spacing(space::S)
        .align_y(Alignment::Center)
        .into();
        (key(resource.id.as_str()), line)
    }))
    .spacing(space::S);
    let list = column![
        heading("Recommended resources"),
        rows,
        secondary("Add resource", Some(Message::AddResource)),
    ]
    .spacing(space::S);

    let count = unit.links.len();
    let mut links = column![heading("Links to other units")].spacing(space::S);
    for (index, link) in unit.links.iter().enumerate() {
        let label = doc
            .unit(link)
            .map_or_else(|| link.to_string(), |u| format!("{} {}", u.number, u.title));
        links = links.push(
            row![
                text(label).width(Length::Fill),
                tool(
                    "↑",
                    "Move this link earlier",
                    (index > 0).then(|| Message::MoveLink(link.clone(), -1))
                ),
                tool(
                    "↓",
                    "Move this link later",
                    (index + 1 < count).then(|| Message::MoveLink(link.clone(), 1))
                ),
                tool(
                    "Unlink",
                    "Remove this link",
                    Some(Message::RemoveLink(link.clone()))
                )
            ]
            .spacing(space::S)
            .align_y(Alignment::Center),
        );
    }
    let choices: Vec<LinkChoice> = doc
        .units
        .iter()
        .filter(|u| u.id != unit.id && !unit.links.contains(&u.id))
        .map(|u| LinkChoice {
            id: u.id.clone(),
            label: format!("{} {}", u.number, u.title),
        })
        .collect();
    links = links.push(
        row![
            caption("Link a related unit"),
            pick_list(choices, None::<LinkChoice>, Message::AddLink).placeholder("Choose a unit"),
        ]
        .spacing(space::S)
        .align_y(Alignment::Center),
    );
    column![
        container(list).padding(space::M).style(theme::card),
        container(links).padding(space::M).style(theme::card),
    ]
    .spacing(space::M)
    .into()
}
