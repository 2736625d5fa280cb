//! The structure screen: qualification details, live credit totals against the rules of
//! combination, units grouped by theme with their role (mandatory, optional group), adding from
//! templates, duplicating, deleting, reordering, and the unit library (units from another file).

use super::Action;
use super::widgets::{
    caption, heading, labelled, labelled_input, primary, scroll_body, secondary, tool,
};
use crate::app::fields::{FieldAction, Fields};
use crate::app::theme::{self, size, space};
use crate::app::{Purpose, Screen, Session};
use crate::model::{
    Curriculum, Edit, GroupId, NumberField, OptionalGroup, QualificationKind, TextField, Theme,
    Unit, UnitId, template,
};
use iced::widget::{Column, button, checkbox, column, container, pick_list, row, text, text_input};
use iced::{Alignment, Element, Length};
use std::collections::BTreeSet;

/// Messages of the structure screen.
#[derive(Debug, Clone)]
pub enum Message {
    /// A multi-line field changed.
    Field(FieldAction),
    /// A single-line text field changed.
    Text(TextField, String),
    /// A number field changed (as typed).
    Number(NumberField, String),
    /// The qualification kind changed.
    Kind(QualificationKind),
    /// Add a unit from the template of a theme.
    AddUnit(Theme),
    /// Open a unit in the editor.
    OpenUnit(UnitId),
    /// Duplicate a unit.
    Duplicate(UnitId),
    /// Delete a unit.
    Delete(UnitId),
    /// Move a unit up (-1) or down (+1).
    Move(UnitId, isize),
    /// Set a unit's role in the rules of combination.
    Role(UnitId, Role),
    /// Add an optional group.
    AddGroup,
    /// Remove an optional group.
    RemoveGroup(GroupId),
    /// Change a bound of a group (as typed).
    Bound(GroupId, Bound, String),
    /// Change a level's minimum credits (as typed).
    LevelMinimum(u8, String),
    /// Pick a curriculum file to bring units in from.
    PickLibrary,
    /// The library file loaded (or failed).
    LibraryLoaded(Result<Box<Curriculum>, String>),
    /// Tick or untick a library unit.
    LibraryToggle(UnitId, bool),
    /// Bring the ticked units in.
    LibraryImport,
    /// Close the library.
    LibraryClose,
    /// Show a tab.
    Tab(Tab),
}

/// Which bound of an optional group.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Bound {
    /// Least credits.
    MinCredits,
    /// Most credits.
    MaxCredits,
    /// Fewest units.
    MinUnits,
    /// Most units.
    MaxUnits,
}

/// A unit's place in the rules of combination.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Role {
    /// Every learner takes it.
    Mandatory,
    /// Optional, in this group.
    Group(GroupId, String),
    /// Not offered to learners.
    NotOffered,
}

impl std::fmt::Display for Role {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Role::Mandatory => f.write_str("Mandatory"),
            Role::Group(_, title) => f.write_str(title),
            Role::NotOffered => f.write_str("Not offered"),
        }
    }
}

/// A curriculum opened as a library, with the units ticked for import.
#[derive(Debug)]
pub struct Library {
    doc: Curriculum,
    chosen: BTreeSet<UnitId>,
}

/// Which part of the structure screen is in view.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Tab {
    /// Units grouped by theme.
    #[default]
    Units,
    /// Rules of combination.
    Rules,
    /// Title, awarding body, purpose and the rest.
    Details,
}

/// State of the structure screen.
#[derive(Debug, Default)]
pub struct State {
    /// The tab in view.
    pub tab: Tab,
    fields: Fields,
    library: Option<Library>,
}

const LONG_FIELDS: [(TextField, &str); 3] = [
    (TextField::Purpose, "Purpose of the qualification"),
    (TextField::Audience, "Who it is for"),
    (TextField::Progression, "Progression"),
];

fn long_value(doc: &Curriculum, field: &TextField) -> String {
    let q = &doc.qualification;
    match field {
        TextField::Purpose => q.purpose.clone(),
        TextField::Audience => q.audience.clone(),
        TextField::Progression => q.progression.clone(),
        _ => String::new(),
    }
}

impl State {
    /// Keeps the multi-line fields in step with the document.
    pub fn sync(&mut self, session: &Session) {
        let doc = &session.doc;
        self.fields.sync(
            session.revision(),
            LONG_FIELDS
                .iter()
                .map(|(field, _)| (field.clone(), long_value(doc, field))),
        );
    }

    /// Records that the document changed because of this app's own edit.
    pub fn acknowledge(&mut self, revision: u64) {
        self.fields.acknowledge(revision);
    }

    /// Handles a message.
    pub fn update(&mut self, message: Message, session: &Session) -> Action {
        let doc = &session.doc;
        match message {
            Message::Field(action) => self
                .fields
                .perform(action)
                .map_or(Action::None, Action::Edit),
            Message::Text(field, value) => Action::Edit(Edit::SetText { field, value }),
            Message::Number(field, value) => match value.trim().parse::<u32>() {
                Ok(value) => Action::Edit(Edit::SetNumber { field, value }),
                Err(_) => Action::None,
            },
            Message::Kind(kind) => Action::Edit(Edit::SetKind(kind)),
            Message::AddUnit(theme) => {
                let unit = template::unit(doc, theme, 4);
                let screen = Screen::Unit(unit.id.clone());
                Action::EditThenNavigate(
                    Edit::InsertUnit {
                        index: doc.units.len(),
                        unit: Box::new(unit),
                    },
                    screen,
                )
            }
            Message::OpenUnit(id) => Action::Navigate(Screen::Unit(id)),
            Message::Duplicate(id) => match (doc.unit(&id), doc.unit_index(&id)) {
                (Some(unit), Some(index)) => Action::Edit(Edit::InsertUnit {
                    index: index + 1,
                    unit: Box::new(template::duplicate(doc, unit)),
                }),
                _ => Action::None,
            },
            Message::Delete(id) => Action::Edit(Edit::RemoveUnit { unit: id }),
            Message::Move(id, delta) => match doc.unit_index(&id) {
                Some(index) => {
                    let to = index.saturating_add_signed(delta);
                    if to < doc.units.len() && to != index {
                        Action::Edit(Edit::MoveUnit { unit: id, to })
                    } else {
                        Action::None
                    }
                }
                None => Action::None,
            },
            Message::Role(id, role) => {
                let mut rules = doc.qualification.rules.clone();
                rules.mandatory.retain(|u| u != &id);
                for group in &mut rules.groups {
                    group.units.retain(|u| u != &id);
                }
                match role {
                    Role::Mandatory => rules.mandatory.push(id),
                    Role::Group(group, _) => {
                        if let Some(group) = rules.groups.iter_mut().find(|g| g.id == group) {
                            group.units.push(id);
                        }
                    }
                    Role::NotOffered => {}
                }
                Action::Edit(Edit::SetRules(rules))
            }
            Message::AddGroup => {
                let mut rules = doc.qualification.rules.clone();
                rules.groups.push(OptionalGroup {
                    id: doc.fresh_id("group-").as_str().into(),
                    title: format!("Optional group {}", rules.groups.len() + 1),
                    ..OptionalGroup::default()
                });
                Action::Edit(Edit::SetRules(rules))
            }
            Message::RemoveGroup(id) => {
                let mut rules = doc.qualification.rules.clone();
                rules.groups.retain(|g| g.id != id);
                Action::Edit(Edit::SetRules(rules))
            }
            Message::Bound(id, bound, value) => {
                let value = value.trim();
                let parsed = if value.is_empty() {
                    Ok(None)
                } else {
                    value.parse::<u32>().map(Some)
                };
                let Ok(parsed) = parsed else {
                    return Action::None;
                };
                let mut rules = doc.qualification.rules.clone();
                let Some(group) = rules.groups.iter_mut().find(|g| g.id == id) else {
                    return Action::None;
                };
                *match bound {
                    Bound::MinCredits => &mut group.min_credits,
                    Bound::MaxCredits => &mut group.max_credits,
                    Bound::MinUnits => &mut group.min_units,
                    Bound::MaxUnits => &mut group.max_units,
                } = parsed;
                Action::Edit(Edit::SetRules(rules))
            }
            Message::LevelMinimum(level, value) => {
                let value = value.trim();
                let mut rules = doc.qualification.rules.clone();
                rules.level_credits.retain(|rule| rule.level != level);
                if let Ok(min_credits) = value.parse::<u32>() {
                    rules
                        .level_credits
                        .push(crate::model::LevelCredits { level, min_credits });
                    rules.level_credits.sort_by_key(|rule| rule.level);
                } else if !value.is_empty() {
                    return Action::None;
                }
                Action::Edit(Edit::SetRules(rules))
            }
            Message::PickLibrary => Action::Pick(Purpose::UnitLibrary),
            Message::LibraryLoaded(Ok(library)) => {
                self.library = Some(Library {
                    doc: *library,
                    chosen: BTreeSet::new(),
                });
                Action::None
            }
            Message::LibraryLoaded(Err(error)) => Action::Banner(crate::app::Banner::Error(error)),
            Message::LibraryToggle(id, on) => {
                if let Some(library) = &mut self.library {
                    if on {
                        library.chosen.insert(id);
                    } else {
                        library.chosen.remove(&id);
                    }
                }
                Action::None
            }
            Message::LibraryImport => match self.library.take() {
                Some(library) => Action::Edit(import_units(doc, &library)),
                None => Action::None,
            },
            Message::LibraryClose => {
                self.library = None;
                Action::None
            }
            Message::Tab(tab) => {
                self.tab = tab;
                Action::Seal
            }
        }
    }

    /// Draws the screen.
    pub fn view<'a>(&'a self, session: &'a Session) -> Element<'a, Message> {
        let doc = &session.doc;
        let tab = |label: &'a str, tab: Tab| {
            button(text(label))
                .padding([6, 12])
                .style(theme::nav_button(self.tab == tab))
                .on_press(Message::Tab(tab))
        };
        let mut body = column![].spacing(space::L);
        if let Some(library) = &self.library {
            body = body.push(library_view(library, doc));
        }
        body = body.push(match self.tab {
            Tab::Units => units_view(doc),
            Tab::Rules => self.credits(doc),
            Tab::Details => self.details(doc),
        });
        column![
            text(&doc.qualification.title)
                .size(size::TITLE)
                .font(theme::BOLD),
            text(credit_line(doc)).style(theme::muted),
            row![
                tab("Units", Tab::Units),
                tab("Rules of combination", Tab::Rules),
                tab("Qualification details", Tab::Details),
            ]
            .spacing(space::XS),
            scroll_body(body),
        ]
        .spacing(space::M)
        .padding(space::L)
        .max_width(1100)
        .into()
    }

    fn details<'a>(&'a self, doc: &'a Curriculum) -> Element<'a, Message> {
        let q = &doc.qualification;
        let text_field = |label: &'a str, field: TextField, value: &'a str| {
            labelled_input(label, value, move |v| Message::Text(field.clone(), v))
        };
        let long: Vec<Element<'a, Message>> = LONG_FIELDS
            .iter()
            .map(|(field, label)| labelled(label, self.fields.view(field, label, Message::Field)))
            .collect();
        container(
            column![
                text_field("Title", TextField::QualificationTitle, &q.title),
                row![
                    text_field("Awarding body", TextField::AwardingBody, &q.awarding_body),
                    labelled(
                        "Kind",
                        pick_list(QualificationKind::ALL, Some(q.kind), Message::Kind)
                            .padding(6)
                            .width(Length::Fill)
                    ),
                ]
                .spacing(space::M),
                row![
                    number_input("Level", NumberField::QualificationLevel, u32::from(q.level)),
                    number_input("Total credits", NumberField::TotalCredits, q.total_credits),
                    text_field("Issue", TextField::Issue, &q.issue),
                    text_field(
                        "Issue date (YYYY-MM-DD)",
                        TextField::IssueDate,
                        &q.issue_date
                    ),
                ]
                .spacing(space::M),
                Column::with_children(long).spacing(space::M),
            ]
            .spacing(space::M),
        )
        .padding(space::M)
        .style(theme::card)
        .into()
    }

    fn credits<'a>(&'a self, doc: &'a Curriculum) -> Element<'a, Message> {
        let rules = &doc.qualification.rules;
        let mut lines = column![heading("Rules of combination")].spacing(space::S);
        let levels = row(doc
            .qualification
            .kind
            .expected_credits()
            .iter()
            .map(|(level, _)| {
                let level = *level;
                let current = rules
                    .level_credits
                    .iter()
                    .find(|rule| rule.level == level)
                    .map(|rule| rule.min_credits.to_string())
                    .unwrap_or_default();
                labelled_owned(
                    format!("Least credits at Level {level}"),
                    text_input("none", &current)
                        .on_input(move |v| Message::LevelMinimum(level, v))
                        .padding(6)
                        .width(120),
                )
            }))
        .spacing(space::M);
        lines = lines.push(levels);
        for group in &rules.groups {
            lines = lines.push(group_view(doc, group));
        }
        lines = lines.push(secondary("Add optional group", Some(Message::AddGroup)));
        container(lines).padding(space::M).style(theme::card).into()
    }
}

/// The live credit totals against the rules of combination, in one sentence.
fn credit_line(doc: &Curriculum) -> String {
    let summary = doc.credit_summary();
    let by_level = summary
        .mandatory_by_level
        .iter()
        .map(|(level, credits)| format!("{credits} at Level {level}"))
        .collect::<Vec<_>>()
        .join(", ");
    format!(
        "{} units. Mandatory: {} credits{}. A learner chooses {} more from {} credits on offer in optional groups, for {} in total.",
        doc.units.len(),
        summary.mandatory,
        if by_level.is_empty() {
            String::new()
        } else {
            format!(" ({by_level})")
        },
        summary.to_choose,
        summary.optional_offered,
        doc.qualification.total_credits,
    )
}

fn labelled_owned<'a>(
    label: String,
    content: impl Into<Element<'a, Message>>,
) -> Element<'a, Message> {
    column![caption(label), content.into()]
        .spacing(space::XS)
        .into()
}

fn number_input<'a>(label: &'a str, field: NumberField, value: u32) -> Element<'a, Message> {
    labelled_owned(
        label.to_owned(),
        text_input(label, &value.to_string())
            .on_input(move |v| Message::Number(field.clone(), v))
            .padding(6)
            .width(110),
    )
}

fn group_view<'a>(doc: &'a Curriculum, group: &'a OptionalGroup) -> Element<'a, Message> {
    let credits: u32 = doc
        .units
        .iter()
        .filter(|u| group.units.contains(&u.id))
        .map(|u| u.credits)
        .sum();
    let bound = |label: &'a str, which: Bound, value: Option<u32>| {
        let id = group.id.clone();
        labelled_owned(
            label.to_owned(),
            text_input("any", &value.map(|v| v.to_string()).unwrap_or_default())
                .on_input(move |v| Message::Bound(id.clone(), which, v))
                .padding(6)
                .width(90),
        )
    };
    let title_id = group.id.clone();
    container(
        column![
            row![
                text_input("Group title", &group.title)
                    .on_input(move |v| Message::Text(TextField::GroupTitle(title_id.clone()), v))
                    .padding(6),
                tool(
                    "Remove group",
                    "Remove this group (its units become not offered)",
                    Some(Message::RemoveGroup(group.id.clone()))
                ),
            ]
            .spacing(space::S)
            .align_y(Alignment::Center),
            row![
                bound("Least credits", Bound::MinCredits, group.min_credits),
                bound("Most credits", Bound::MaxCredits, group.max_credits),
                bound("Fewest units", Bound::MinUnits, group.min_units),
                bound("Most units", Bound::MaxUnits, group.max_units),
                column![
                    caption("On offer"),
                    text(format!("{} units, {credits} credits", group.units.len()))
                ]
                .spacing(space::XS),
            ]
            .spacing(space::M)
            .align_y(Alignment::End),
        ]
        .spacing(space::S),
    )
    .padding(space::S)
    .style(container::bordered_box)
    .into()
}

fn role_of(doc: &Curriculum, unit: &UnitId) -> Role {
    let rules = &doc.qualification.rules;
    if rules.mandatory.contains(unit) {
        return Role::Mandatory;
    }
    rules
        .groups
        .iter()
        .find(|g| g.units.contains(unit))
        .map_or(Role::NotOffered, |g| {
            Role::Group(g.id.clone(), g.title.clone())
        })
}

fn roles(doc: &Curriculum) -> Vec<Role> {
    let mut roles = vec![Role::Mandatory];
    roles.extend(
        doc.qualification
            .rules
            .groups
            .iter()
            .map(|g| Role::Group(g.id.clone(), g.title.clone())),
    );
    roles.push(Role::NotOffered);
    roles
}

fn units_view(doc: &Curriculum) -> Element<'_, Message> {
    let mut sections = column![].spacing(space::M);
    for theme_kind in Theme::ALL {
        let units: Vec<&Unit> = doc.units.iter().filter(|u| u.theme == theme_kind).collect();
        let credits: u32 = units.iter().map(|u| u.credits).sum();
        let mut list = column![
            row![
                text(theme_kind.label())
                    .size(size::HEADING)
                    .font(theme::BOLD),
                text(format!("{} units, {credits} credits", units.len())).style(theme::muted),
                iced::widget::space::horizontal(),
                secondary("Add unit", Some(Message::AddUnit(theme_kind))),
            ]
            .spacing(space::M)
            .align_y(Alignment::Center)
        ]
        .spacing(space::S);
        if units.is_empty() {
            list = list.push(text("No units in this theme yet.").style(theme::muted));
        }
        for unit in units {
            list = list.push(unit_row(doc, unit));
        }
        sections = sections.push(container(list).padding(space::M).style(theme::card));
    }
    sections.into()
}

fn unit_row<'a>(doc: &'a Curriculum, unit: &'a Unit) -> Element<'a, Message> {
    let id = unit.id.clone();
    let index = doc.unit_index(&unit.id).unwrap_or(0);
    let role = role_of(doc, &unit.id);
    let role_id = unit.id.clone();
    row![
        button(
            row![
                text(&unit.number).font(theme::BOLD).width(56),
                text(&unit.title).width(Length::Fill),
            ]
            .spacing(space::S)
        )
        .style(button::text)
        .on_press(Message::OpenUnit(id.clone()))
        .width(Length::Fill),
        text(format!("L{} · {} credits", unit.level, unit.credits))
            .size(size::SMALL)
            .width(130),
        pick_list(roles(doc), Some(role), move |role| Message::Role(
            role_id.clone(),
            role
        ))
        .text_size(size::SMALL)
        .width(230),
        tool(
            "↑",
            "Move up",
            (index > 0).then(|| Message::Move(id.clone(), -1))
        ),
        tool(
            "↓",
            "Move down",
            (index + 1 < doc.units.len()).then(|| Message::Move(id.clone(), 1))
        ),
        tool(
            "Duplicate",
            "Duplicate this unit",
            Some(Message::Duplicate(id.clone()))
        ),
        tool(
            "Delete",
            "Delete this unit and its mappings (undo with Ctrl+Z)",
            Some(Message::Delete(id))
        ),
    ]
    .spacing(space::S)
    .align_y(Alignment::Center)
    .into()
}

fn library_view<'a>(library: &'a Library, doc: &'a Curriculum) -> Element<'a, Message> {
    let mut list = column![
        heading("Unit library"),
        text(format!(
            "{} — tick the units to bring into this curriculum. They arrive as copies with new ids, not offered until you give them a role; their KSB mappings stay behind.",
            library.doc.qualification.title
        )),
    ]
    .spacing(space::S);
    for unit in &library.doc.units {
        let clash = doc.units.iter().any(|u| u.number == unit.number);
        let label = format!(
            "{} {} (Level {}, {} credits){}",
            unit.number,
            unit.title,
            unit.level,
            unit.credits,
            if clash {
                " — number already used here"
            } else {
                ""
            }
        );
        let id = unit.id.clone();
        list = list.push(
            checkbox(library.chosen.contains(&unit.id))
                .label(label)
                .on_toggle(move |on| Message::LibraryToggle(id.clone(), on)),
        );
    }
    list = list.push(
        row![
            primary(
                "Bring in ticked units",
                (!library.chosen.is_empty()).then_some(Message::LibraryImport)
            ),
            secondary("Close", Some(Message::LibraryClose)),
        ]
        .spacing(space::S),
    );
    container(list)
        .padding(space::M)
        .style(theme::notice_banner)
        .into()
}

/// One edit inserting copies of the chosen library units with fresh ids.
fn import_units(doc: &Curriculum, library: &Library) -> Edit {
    let mut scratch = doc.clone();
    let mut edits = Vec::new();
    for unit in library
        .doc
        .units
        .iter()
        .filter(|u| library.chosen.contains(&u.id))
    {
        let mut copy = template::duplicate(&scratch, unit);
        copy.title.clone_from(&unit.title);
        let edit = Edit::InsertUnit {
            index: scratch.units.len(),
            unit: Box::new(copy),
        };
        if scratch.apply(edit.clone()).is_ok() {
            edits.push(edit);
        }
    }
    Edit::Batch(edits)
}

/// The button that opens the unit library, for the toolbar.
pub fn library_button<'a>() -> Element<'a, Message> {
    tool(
        "Unit library…",
        "Bring units in from another curriculum file",
        Some(Message::PickLibrary),
    )
}
