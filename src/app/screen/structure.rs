//! The structure screen: qualification details, live credit totals against the rules of
//! combination, units grouped by theme with their role (mandatory, optional group), adding from
//! templates, duplicating, deleting, reordering, and the unit library (units from another file).

use super::Action;
use super::unit::{number_id, number_rule, number_value};
use super::widgets::{
    caption, heading, labelled, labelled_input, number_input, primary, scroll_body, secondary, tool,
};
use crate::app::FileError;
use crate::app::drafts::{Drafts, NumberRule, Shown};
use crate::app::fields::{FieldAction, FieldKeys, Fields, LongField, field_id};
use crate::app::theme::{self, size, space};
use crate::app::{Purpose, Screen, Session};
use crate::model::{
    Curriculum, Edit, GroupId, LevelCredits, NumberField, OptionalGroup, QualificationKind,
    TextField, Theme, Unit, UnitId, template,
};
use iced::widget::{
    self, Column, button, checkbox, column, container, pick_list, row, text, text_input,
};
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
    LibraryLoaded(Result<Box<Curriculum>, FileError>),
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
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Bound {
    /// Minimum credits.
    MinCredits,
    /// Maximum credits.
    MaxCredits,
    /// Minimum units.
    MinUnits,
    /// Maximum units.
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

/// A number field of the structure screen.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
pub enum NumberKey {
    /// A number of the qualification (level, total credits).
    Field(NumberField),
    /// A bound of an optional group.
    Bound(GroupId, Bound),
    /// The minimum credits at a level.
    LevelMinimum(u8),
}

impl NumberKey {
    /// What the field accepts.
    fn rule(&self) -> NumberRule {
        match self {
            NumberKey::Field(field) => number_rule(field),
            NumberKey::Bound(_, Bound::MinCredits | Bound::MaxCredits) => {
                NumberRule::optional("the credits")
            }
            NumberKey::Bound(_, Bound::MinUnits | Bound::MaxUnits) => {
                NumberRule::optional("the number of units")
            }
            NumberKey::LevelMinimum(_) => NumberRule::optional("the credits"),
        }
    }

    /// The document's value; `None` outside when the field's item is gone.
    fn value(&self, doc: &Curriculum) -> Option<Option<u32>> {
        let rules = &doc.qualification.rules;
        match self {
            NumberKey::Field(field) => number_value(doc, field).map(Some),
            NumberKey::Bound(id, bound) => {
                let group = rules.groups.iter().find(|g| &g.id == id)?;
                Some(match bound {
                    Bound::MinCredits => group.min_credits,
                    Bound::MaxCredits => group.max_credits,
                    Bound::MinUnits => group.min_units,
                    Bound::MaxUnits => group.max_units,
                })
            }
            NumberKey::LevelMinimum(level) => Some(
                rules
                    .level_credits
                    .iter()
                    .find(|rule| rule.level == *level)
                    .map(|rule| rule.min_credits),
            ),
        }
    }

    /// The widget id of the field.
    fn id(&self) -> widget::Id {
        match self {
            NumberKey::Field(field) => number_id(field),
            other => widget::Id::from(format!("{other:?}")),
        }
    }
}

/// State of the structure screen.
#[derive(Debug, Default)]
pub struct State {
    /// The tab in view.
    pub tab: Tab,
    /// Contents of the multi-line fields (purpose, audience, progression).
    pub fields: Fields,
    numbers: Drafts<NumberKey>,
    library: Option<Library>,
}

/// The multi-line fields of the qualification details, with their captions.
pub const LONG_FIELDS: [(TextField, &str); 3] = [
    (TextField::Purpose, "Purpose of the qualification"),
    (TextField::Audience, "Who it is for"),
    (TextField::Progression, "Progression"),
];

impl State {
    /// Keeps the fields in step with the document. `own_typing` says the change came from
    /// typing in this screen's fields: only then do number drafts stay.
    pub fn sync(&mut self, doc: &Curriculum, own_typing: bool) {
        self.fields.sync(
            doc,
            LONG_FIELDS
                .iter()
                .map(|(field, _)| LongField::Text(field.clone())),
        );
        if own_typing {
            self.numbers
                .keep_matching(|key| Some((key.rule(), key.value(doc)?)));
        } else {
            self.numbers.clear();
        }
    }

    fn number(&self, doc: &Curriculum, key: &NumberKey) -> Shown {
        self.numbers
            .shown(key, &key.rule(), key.value(doc).flatten())
    }

    /// Records what was typed in `key`; the value to commit, when there is a new one.
    fn input(&mut self, doc: &Curriculum, key: NumberKey, typed: String) -> Option<Option<u32>> {
        let current = key.value(doc)?;
        let rule = key.rule();
        self.numbers.input(key, typed, &rule, current)
    }

    /// Handles a message.
    pub fn update(&mut self, message: Message, session: &Session) -> Action {
        let doc = &session.doc;
        match message {
            Message::Field(action) => self
                .fields
                .perform(action, doc)
                .map_or(Action::None, Action::edit),
            Message::Text(field, value) => Action::edit(Edit::SetText { field, value }),
            Message::Number(field, typed) => {
                match self.input(doc, NumberKey::Field(field.clone()), typed) {
                    Some(Some(value)) => Action::edit(Edit::SetNumber { field, value }),
                    _ => Action::None,
                }
            }
            Message::Kind(kind) => Action::edit(Edit::SetKind(kind)),
            Message::AddUnit(theme) => {
                let unit = template::unit(doc, theme, 4);
                let screen = Screen::Unit(unit.id.clone());
                let title = field_id(&TextField::UnitTitle(unit.id.clone()));
                Action::edit_and_show(
                    Edit::InsertUnit {
                        index: doc.units.len(),
                        unit: Box::new(unit),
                    },
                    screen,
                    title,
                )
            }
            Message::OpenUnit(id) => Action::Navigate(Screen::Unit(id)),
            Message::Duplicate(id) => match (doc.unit(&id), doc.unit_index(&id)) {
                (Some(unit), Some(index)) => Action::edit(Edit::InsertUnit {
                    index: index + 1,
                    unit: Box::new(template::duplicate(doc, unit)),
                }),
                _ => Action::None,
            },
            Message::Delete(id) => Action::edit(Edit::RemoveUnit { unit: id }),
            Message::Move(id, delta) => match doc.unit_index(&id) {
                Some(index) => {
                    let to = index.saturating_add_signed(delta);
                    if to < doc.units.len() && to != index {
                        Action::edit(Edit::MoveUnit { unit: id, to })
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
                Action::edit(Edit::SetRules(rules))
            }
            Message::AddGroup => {
                let mut rules = doc.qualification.rules.clone();
                let id: GroupId = doc.fresh_id("group-").as_str().into();
                rules.groups.push(OptionalGroup {
                    id: id.clone(),
                    title: format!("Optional group {}", rules.groups.len() + 1),
                    ..OptionalGroup::default()
                });
                self.tab = Tab::Rules;
                Action::edit_and_focus(Edit::SetRules(rules), field_id(&TextField::GroupTitle(id)))
            }
            Message::RemoveGroup(id) => {
                let mut rules = doc.qualification.rules.clone();
                rules.groups.retain(|g| g.id != id);
                Action::edit(Edit::SetRules(rules))
            }
            Message::Bound(id, bound, typed) => {
                let Some(parsed) = self.input(doc, NumberKey::Bound(id.clone(), bound), typed)
                else {
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
                Action::edit(Edit::SetRules(rules))
            }
            Message::LevelMinimum(level, typed) => {
                let Some(parsed) = self.input(doc, NumberKey::LevelMinimum(level), typed) else {
                    return Action::None;
                };
                let mut rules = doc.qualification.rules.clone();
                rules.level_credits.retain(|rule| rule.level != level);
                if let Some(min_credits) = parsed {
                    rules
                        .level_credits
                        .push(LevelCredits { level, min_credits });
                    rules.level_credits.sort_by_key(|rule| rule.level);
                }
                Action::edit(Edit::SetRules(rules))
            }
            Message::PickLibrary => Action::Pick(Purpose::UnitLibrary),
            Message::LibraryLoaded(Ok(library)) => {
                self.library = Some(Library {
                    doc: *library,
                    chosen: BTreeSet::new(),
                });
                Action::None
            }
            Message::LibraryLoaded(Err(error)) => {
                Action::Banner(crate::app::Banner::Error(error.to_string()))
            }
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
                Some(library) => Action::edit(import_units(doc, &library)),
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
            Tab::Rules => self.rules(doc),
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
            labelled_input(label, field_id(&field), value, move |v| {
                Message::Text(field.clone(), v)
            })
        };
        let number = |label: &'a str, field: NumberField| {
            let key = NumberKey::Field(field.clone());
            number_input(
                label,
                key.id(),
                label,
                self.number(doc, &key),
                110.0,
                move |v| Message::Number(field.clone(), v),
            )
        };
        let long: Vec<Element<'a, Message>> = LONG_FIELDS
            .iter()
            .map(|(field, label)| {
                labelled(
                    label,
                    self.fields.view(
                        &LongField::Text(field.clone()),
                        label,
                        Message::Field,
                        FieldKeys::default(),
                    ),
                )
            })
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
                    number("Level", NumberField::QualificationLevel),
                    number("Total credits", NumberField::TotalCredits),
                    text_field("Issue", TextField::Issue, &q.issue),
                    text_field(
                        "Issue date (YYYY-MM-DD)",
                        TextField::IssueDate,
                        &q.issue_date
                    ),
                ]
                .spacing(space::M)
                .align_y(Alignment::Start),
                Column::with_children(long).spacing(space::M),
            ]
            .spacing(space::M),
        )
        .padding(space::M)
        .style(theme::card)
        .into()
    }

    fn rules<'a>(&'a self, doc: &'a Curriculum) -> Element<'a, Message> {
        let rules = &doc.qualification.rules;
        let mut lines = column![heading("Rules of combination")].spacing(space::S);
        let mut levels: Vec<u8> = doc
            .qualification
            .kind
            .expected_credits()
            .iter()
            .map(|(level, _)| *level)
            .chain(rules.level_credits.iter().map(|rule| rule.level))
            .collect();
        levels.sort_unstable();
        levels.dedup();
        let levels = row(levels.into_iter().map(|level| {
            let key = NumberKey::LevelMinimum(level);
            number_input(
                format!("Minimum credits at Level {level}"),
                key.id(),
                "none",
                self.number(doc, &key),
                120.0,
                move |v| Message::LevelMinimum(level, v),
            )
        }))
        .spacing(space::M);
        lines = lines.push(levels);
        for group in &rules.groups {
            lines = lines.push(self.group_view(doc, group));
        }
        lines = lines.push(secondary("Add optional group", Some(Message::AddGroup)));
        container(lines).padding(space::M).style(theme::card).into()
    }

    fn group_view<'a>(
        &'a self,
        doc: &'a Curriculum,
        group: &'a OptionalGroup,
    ) -> Element<'a, Message> {
        let credits: u32 = doc
            .units
            .iter()
            .filter(|u| group.units.contains(&u.id))
            .map(|u| u.credits)
            .sum();
        let bound = |label: &'a str, which: Bound| {
            let id = group.id.clone();
            let key = NumberKey::Bound(group.id.clone(), which);
            number_input(
                label,
                key.id(),
                "any",
                self.number(doc, &key),
                90.0,
                move |v| Message::Bound(id.clone(), which, v),
            )
        };
        let title = TextField::GroupTitle(group.id.clone());
        container(
            column![
                row![
                    text_input("Group title", &group.title)
                        .id(field_id(&title))
                        .on_input(move |v| Message::Text(title.clone(), v))
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
                    bound("Minimum credits", Bound::MinCredits),
                    bound("Maximum credits", Bound::MaxCredits),
                    bound("Minimum units", Bound::MinUnits),
                    bound("Maximum units", Bound::MaxUnits),
                    column![
                        caption("On offer"),
                        text(format!(
                            "{}, {credits} credits",
                            counted(group.units.len(), "unit", "units")
                        ))
                    ]
                    .spacing(space::XS),
                ]
                .spacing(space::M)
                .align_y(Alignment::Start),
            ]
            .spacing(space::S),
        )
        .padding(space::S)
        .style(container::bordered_box)
        .into()
    }
}

/// "1 unit", "3 units".
fn counted(n: usize, one: &str, many: &str) -> String {
    format!("{n} {}", if n == 1 { one } else { many })
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
        "{}. Mandatory: {} credits{}. A learner chooses {} more from {} credits on offer in optional groups, for {} in total.",
        counted(doc.units.len(), "unit", "units"),
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
                text(format!(
                    "{}, {credits} credits",
                    counted(units.len(), "unit", "units")
                ))
                .style(theme::muted),
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
