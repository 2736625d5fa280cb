//! The unit editor: every field of one unit. Tabs keep one part in view at a time (details,
//! each learning outcome, resources and links), so following a finding lands on its field
//! without scrolling. Numbering (LO1, P3) is derived live; findings sit beside their field.

use super::Action;
use super::widgets::{caption, heading, labelled, labelled_input, scroll_body, secondary, tool};
use crate::analysis::{Finding, Location};
use crate::app::fields::{FieldAction, Fields, field_id};
use crate::app::theme::{self, size, space};
use crate::app::{Screen, Session};
use crate::model::{
    Band, ContentTopic, Criterion, CriterionId, CriterionNumbers, Curriculum, Edit,
    LearningOutcome, NumberField, OutcomeId, Resource, ResourceKind, TextField, Theme, Unit,
    UnitId, outcome_label,
};
use iced::widget::{Column, button, column, container, pick_list, row, text, text_input};
use iced::{Alignment, Element, Length};

/// Which part of the unit is in view.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub enum Tab {
    /// Number, title, level, credits, theme, introduction.
    #[default]
    Details,
    /// One learning outcome with its content and criteria.
    Outcome(OutcomeId),
    /// Recommended resources and links.
    Resources,
}

/// Messages of the unit editor.
#[derive(Debug, Clone)]
pub enum Message {
    /// Show a tab.
    Tab(Tab),
    /// A multi-line field changed.
    Field(FieldAction),
    /// A single-line text field changed.
    Text(TextField, String),
    /// A number field changed (as typed).
    Number(NumberField, String),
    /// The theme changed.
    Theme(Theme),
    /// Add a learning outcome at the end.
    AddOutcome,
    /// Remove an outcome.
    RemoveOutcome(OutcomeId),
    /// Move an outcome earlier (-1) or later (+1).
    MoveOutcome(OutcomeId, isize),
    /// Add an essential-content topic.
    AddTopic(OutcomeId),
    /// Remove a topic.
    RemoveTopic(OutcomeId, usize),
    /// Add a criterion of a band.
    AddCriterion(OutcomeId, Band),
    /// Remove a criterion.
    RemoveCriterion(CriterionId),
    /// Move a criterion earlier or later.
    MoveCriterion(CriterionId, isize),
    /// Change a criterion's band.
    Band(CriterionId, Band),
    /// Add a resource.
    AddResource,
    /// Remove a resource.
    RemoveResource(usize),
    /// Change a resource's kind.
    ResourceKind(usize, ResourceKind),
    /// Link a related unit.
    AddLink(LinkChoice),
    /// Unlink a related unit.
    RemoveLink(UnitId),
    /// Go to the previous (-1) or next (+1) unit.
    Step(isize),
    /// Go to what a finding points at.
    Locate(Location),
}

/// A unit offered in the "link a related unit" list.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LinkChoice {
    id: UnitId,
    label: String,
}

impl std::fmt::Display for LinkChoice {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.label)
    }
}

/// State of the unit editor.
#[derive(Debug, Default)]
pub struct State {
    unit: Option<UnitId>,
    /// The tab in view.
    pub tab: Tab,
    fields: Fields,
}

/// The field a finding at `location` concerns.
pub fn field_for(location: &Location) -> TextField {
    match location {
        Location::Outcome(id) => TextField::OutcomeText(id.clone()),
        Location::Criterion(id) => TextField::CriterionText(id.clone()),
        Location::Unit(id) => TextField::UnitTitle(id.clone()),
        _ => TextField::QualificationTitle,
    }
}

fn long_fields(unit: &Unit) -> Vec<(TextField, String)> {
    let mut fields = vec![(
        TextField::UnitIntroduction(unit.id.clone()),
        unit.introduction.clone(),
    )];
    for outcome in &unit.outcomes {
        fields.push((
            TextField::OutcomeText(outcome.id.clone()),
            outcome.text.clone(),
        ));
        for (index, topic) in outcome.content.iter().enumerate() {
            fields.push((
                TextField::TopicPoints(outcome.id.clone(), index),
                topic.points.join("\n"),
            ));
        }
        for criterion in &outcome.criteria {
            fields.push((
                TextField::CriterionText(criterion.id.clone()),
                criterion.text.clone(),
            ));
        }
    }
    fields
}

impl State {
    /// Shows unit `id` and keeps its fields in step with the document.
    pub fn sync(&mut self, id: &UnitId, session: &Session) {
        let Some(unit) = session.doc.unit(id) else {
            return;
        };
        if self.unit.as_ref() != Some(id) {
            self.unit = Some(id.clone());
            self.tab = Tab::Details;
            self.fields.invalidate();
        }
        if let Tab::Outcome(outcome) = &self.tab
            && !unit.outcomes.iter().any(|o| &o.id == outcome)
        {
            self.tab = Tab::Details;
        }
        self.fields.sync(session.revision(), long_fields(unit));
    }

    /// Records that the document changed because of this app's own edit.
    pub fn acknowledge(&mut self, revision: u64) {
        self.fields.acknowledge(revision);
    }

    /// Shows the tab holding `location` (call before navigating here).
    pub fn reveal(&mut self, doc: &Curriculum, location: &Location) {
        let unit = location.unit(doc).map(|u| u.id.clone());
        if unit != self.unit {
            self.unit = unit;
            self.fields.invalidate();
        }
        self.tab = match location {
            Location::Outcome(id) => Tab::Outcome(id.clone()),
            Location::Criterion(id) => doc
                .criterion_position(id)
                .map_or(Tab::Details, |(u, o, _)| {
                    Tab::Outcome(doc.units[u].outcomes[o].id.clone())
                }),
            _ => Tab::Details,
        };
    }

    /// Handles a message.
    pub fn update(&mut self, message: Message, session: &Session) -> Action {
        let doc = &session.doc;
        let Some(unit) = self.unit.as_ref().and_then(|id| doc.unit(id)) else {
            return Action::None;
        };
        match message {
            Message::Tab(tab) => {
                self.tab = tab;
                Action::Seal
            }
            Message::Field(action) => self
                .fields
                .perform(action)
                .map_or(Action::None, Action::Edit),
            Message::Text(field, value) => Action::Edit(Edit::SetText { field, value }),
            Message::Number(field, value) => {
                value.trim().parse::<u32>().map_or(Action::None, |value| {
                    Action::Edit(Edit::SetNumber { field, value })
                })
            }
            Message::Theme(theme) => Action::Edit(Edit::SetTheme {
                unit: unit.id.clone(),
                theme,
            }),
            Message::AddOutcome => {
                let outcome = new_outcome(doc, unit);
                self.tab = Tab::Outcome(outcome.id.clone());
                Action::Edit(Edit::InsertOutcome {
                    unit: unit.id.clone(),
                    index: unit.outcomes.len(),
                    outcome,
                })
            }
            Message::RemoveOutcome(outcome) => {
                self.tab = Tab::Details;
                Action::Edit(Edit::RemoveOutcome { outcome })
            }
            Message::MoveOutcome(outcome, delta) => {
                match unit.outcomes.iter().position(|o| o.id == outcome) {
                    Some(index) => {
                        let to = index.saturating_add_signed(delta);
                        if to < unit.outcomes.len() && to != index {
                            Action::Edit(Edit::MoveOutcome { outcome, to })
                        } else {
                            Action::None
                        }
                    }
                    None => Action::None,
                }
            }
            Message::AddTopic(outcome) => {
                let index = unit
                    .outcomes
                    .iter()
                    .find(|o| o.id == outcome)
                    .map_or(0, |o| o.content.len());
                Action::Edit(Edit::InsertTopic {
                    outcome,
                    index,
                    topic: ContentTopic::default(),
                })
            }
            Message::RemoveTopic(outcome, index) => {
                Action::Edit(Edit::RemoveTopic { outcome, index })
            }
            Message::AddCriterion(outcome, band) => {
                let Some(lo) = unit.outcomes.iter().find(|o| o.id == outcome) else {
                    return Action::None;
                };
                let index = lo
                    .criteria
                    .iter()
                    .rposition(|c| c.band <= band)
                    .map_or(0, |i| i + 1);
                Action::Edit(Edit::InsertCriterion {
                    outcome,
                    index,
                    criterion: Criterion {
                        id: doc.fresh_id(&format!("{}-c", lo.id)).as_str().into(),
                        band,
                        text: String::new(),
                    },
                })
            }
            Message::RemoveCriterion(criterion) => {
                Action::Edit(Edit::RemoveCriterion { criterion })
            }
            Message::MoveCriterion(criterion, delta) => match doc.criterion_position(&criterion) {
                Some((u, o, index)) => {
                    let len = doc.units[u].outcomes[o].criteria.len();
                    let to = index.saturating_add_signed(delta);
                    if to < len && to != index {
                        Action::Edit(Edit::MoveCriterion { criterion, to })
                    } else {
                        Action::None
                    }
                }
                None => Action::None,
            },
            Message::Band(criterion, band) => Action::Edit(Edit::SetBand { criterion, band }),
            Message::AddResource => Action::Edit(Edit::InsertResource {
                unit: unit.id.clone(),
                index: unit.resources.len(),
                resource: Resource::default(),
            }),
            Message::RemoveResource(index) => Action::Edit(Edit::RemoveResource {
                unit: unit.id.clone(),
                index,
            }),
            Message::ResourceKind(index, kind) => Action::Edit(Edit::SetResourceKind {
                unit: unit.id.clone(),
                index,
                kind,
            }),
            Message::AddLink(choice) => {
                let mut links = unit.links.clone();
                if !links.contains(&choice.id) {
                    links.push(choice.id);
                }
                Action::Edit(Edit::SetLinks {
                    unit: unit.id.clone(),
                    links,
                })
            }
            Message::RemoveLink(id) => Action::Edit(Edit::SetLinks {
                unit: unit.id.clone(),
                links: unit.links.iter().filter(|l| **l != id).cloned().collect(),
            }),
            Message::Step(delta) => {
                let index = doc.unit_index(&unit.id).unwrap_or(0);
                let next = index
                    .saturating_add_signed(delta)
                    .min(doc.units.len().saturating_sub(1));
                match doc.units.get(next) {
                    Some(next) if next.id != unit.id => {
                        Action::Navigate(Screen::Unit(next.id.clone()))
                    }
                    _ => Action::None,
                }
            }
            Message::Locate(location) => Action::Locate(location),
        }
    }

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
                    "{} · Level {} · {} credits · {} GLH · {}",
                    unit.theme.label(),
                    unit.level,
                    unit.credits,
                    unit.glh,
                    if doc.is_mandatory(&unit.id) {
                        "Mandatory"
                    } else {
                        "Optional"
                    }
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
            Tab::Details => self.details(unit, findings),
            Tab::Outcome(id) => match unit.outcomes.iter().position(|o| &o.id == id) {
                Some(position) => self.outcome(unit, position, findings),
                None => self.details(unit, findings),
            },
            Tab::Resources => resources(doc, unit),
        };
        column![header, tabs(unit, &self.tab, findings), scroll_body(body),]
            .spacing(space::M)
            .padding(space::L)
            .max_width(1100)
            .into()
    }

    fn details<'a>(&'a self, unit: &'a Unit, findings: &'a [Finding]) -> Element<'a, Message> {
        let id = &unit.id;
        let number = |label: &'a str, field: NumberField, value: u32| {
            labelled(
                label,
                text_input(label, &value.to_string())
                    .on_input(move |v| Message::Number(field.clone(), v))
                    .padding(6)
                    .width(100),
            )
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
                number(
                    "Level",
                    NumberField::UnitLevel(id.clone()),
                    u32::from(unit.level)
                ),
                number(
                    "Credits",
                    NumberField::UnitCredits(id.clone()),
                    unit.credits
                ),
                number(
                    "Guided learning hours",
                    NumberField::UnitGlh(id.clone()),
                    unit.glh
                ),
                labelled(
                    "Theme",
                    pick_list(Theme::ALL, Some(unit.theme), Message::Theme).padding(6)
                ),
                labelled_input("Regulator unit code", &unit.regulator_code, move |v| {
                    Message::Text(code_field.clone(), v)
                }),
            ]
            .spacing(space::M),
            findings_for(findings, |l| l == &Location::Unit(id.clone())),
            labelled(
                "Introduction",
                self.fields.view(
                    &TextField::UnitIntroduction(id.clone()),
                    "Aims, topics, and what students will be able to do on completion",
                    Message::Field
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
        let mut content = column![heading("Essential content")].spacing(space::S);
        for (index, topic) in outcome.content.iter().enumerate() {
            let heading_field = TextField::TopicHeading(id.clone(), index);
            content = content.push(
                container(
                    column![
                        row![
                            text_input("Heading", &topic.heading)
                                .on_input(move |v| Message::Text(heading_field.clone(), v))
                                .padding(6)
                                .font(theme::BOLD),
                            tool(
                                "Remove",
                                "Remove this topic",
                                Some(Message::RemoveTopic(id.clone(), index))
                            ),
                        ]
                        .spacing(space::S)
                        .align_y(Alignment::Center),
                        self.fields.view(
                            &TextField::TopicPoints(id.clone(), index),
                            "One topic per line",
                            Message::Field
                        ),
                    ]
                    .spacing(space::XS),
                )
                .padding(space::S)
                .style(container::bordered_box),
            );
        }
        content = content.push(secondary("Add topic", Some(Message::AddTopic(id.clone()))));

        let mut criteria = column![heading("Assessment criteria")].spacing(space::S);
        for (index, criterion) in outcome.criteria.iter().enumerate() {
            criteria = criteria.push(criterion_row(
                &self.fields,
                criterion,
                numbers.get(&criterion.id).to_owned(),
                index,
                outcome.criteria.len(),
                findings,
            ));
        }
        criteria = criteria.push(
            row(Band::ALL.iter().map(|band| {
                secondary(
                    match band {
                        Band::Pass => "Add Pass",
                        Band::Merit => "Add Merit",
                        Band::Distinction => "Add Distinction",
                    },
                    Some(Message::AddCriterion(id.clone(), *band)),
                )
            }))
            .spacing(space::S),
        );

        column![
            row![
                text(outcome_label(position))
                    .size(size::HEADING)
                    .font(theme::BOLD),
                iced::widget::space::horizontal(),
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
                &TextField::OutcomeText(id.clone()),
                "Learning outcome, e.g. Examine the legal framework for …",
                Message::Field
            ),
            findings_for(findings, |l| l == &Location::Outcome(id.clone())),
            container(criteria).padding(space::M).style(theme::card),
            container(content).padding(space::M).style(theme::card),
        ]
        .spacing(space::M)
        .into()
    }
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
                &TextField::CriterionText(criterion.id.clone()),
                "Command verb first, e.g. Explain …",
                Message::Field
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
        let label = if n > 0 {
            format!("{label} ({n})")
        } else {
            label
        };
        button(text(label))
            .padding([6, 12])
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
            text(format!("{}: {}", severity.label(), finding.message))
                .size(size::SMALL)
                .style(move |t| theme::severity_text(t, severity))
                .into()
        })
        .collect();
    Column::with_children(items).spacing(2).into()
}

fn resources<'a>(doc: &'a Curriculum, unit: &'a Unit) -> Element<'a, Message> {
    let mut list = column![heading("Recommended resources")].spacing(space::S);
    for (index, resource) in unit.resources.iter().enumerate() {
        let field = TextField::ResourceText(unit.id.clone(), index);
        list = list.push(
            row![
                pick_list(ResourceKind::ALL, Some(resource.kind), move |kind| {
                    Message::ResourceKind(index, kind)
                })
                .width(130),
                text_input("Author (year) Title. Publisher.", &resource.text)
                    .on_input(move |v| Message::Text(field.clone(), v))
                    .padding(6),
                tool(
                    "Remove",
                    "Remove this resource",
                    Some(Message::RemoveResource(index))
                ),
            ]
            .spacing(space::S)
            .align_y(Alignment::Center),
        );
    }
    list = list.push(secondary("Add resource", Some(Message::AddResource)));

    let mut links = column![heading("Links to other units")].spacing(space::S);
    for link in &unit.links {
        let label = doc
            .unit(link)
            .map_or_else(|| link.to_string(), |u| format!("{} {}", u.number, u.title));
        links = links.push(
            row![
                text(label).width(Length::Fill),
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

fn new_outcome(doc: &Curriculum, unit: &Unit) -> LearningOutcome {
    let id = doc.fresh_id(&format!("{}-lo", unit.id));
    LearningOutcome {
        criteria: Band::ALL
            .iter()
            .map(|band| Criterion {
                id: format!("{id}-{}", band.letter().to_ascii_lowercase())
                    .as_str()
                    .into(),
                band: *band,
                text: String::new(),
            })
            .collect(),
        id: id.as_str().into(),
        text: String::new(),
        content: Vec::new(),
    }
}
