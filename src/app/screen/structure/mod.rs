//! The structure screen: qualification details, live credit totals against the rules of
//! combination, units grouped by theme with their role (mandatory, optional group), adding from
//! templates, duplicating, deleting, reordering, and the unit library (units from another file).

mod view;

use super::Action;
use crate::app::FileError;
use crate::app::drafts::{Drafts, NumberRule, Shown};
use crate::app::fields::{FieldAction, Fields, LongField, field_id};
use crate::app::numbers::{number_id, number_rule, number_value};
use crate::app::{Purpose, Screen, Session};
use crate::model::{
    Claim, Curriculum, Edit, GroupId, LevelCredits, NumberField, OptionalGroup, QualificationKind,
    StandardId, TextField, Theme, UnitId, template,
};
use iced::widget;
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
    /// Export the qualification-structure workbook (.xlsx).
    ExportWorkbook,
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
    /// Claim a standard's occupation (true) or keep it for reference only (false).
    Claim(StandardId, bool),
    /// Claim an option of a claimed standard, or stop claiming it.
    ClaimOption(StandardId, String, bool),
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

impl Role {
    /// The role of `unit` under the rules of combination of `doc`.
    pub fn of(doc: &Curriculum, unit: &UnitId) -> Self {
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
}

/// The one name of each role, wherever a unit's role is shown.
impl std::fmt::Display for Role {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Role::Mandatory => f.write_str("Mandatory"),
            Role::Group(_, title) if title.trim().is_empty() => f.write_str("Optional group"),
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
            Message::Claim(standard, on) => {
                let mut claims = doc.qualification.claims.clone();
                claims.retain(|c| c.standard != standard);
                if on {
                    claims.push(Claim {
                        standard,
                        options: Vec::new(),
                    });
                }
                Action::edit(Edit::SetClaims(claims))
            }
            Message::ClaimOption(standard, option, on) => {
                let mut claims = doc.qualification.claims.clone();
                let Some(claim) = claims.iter_mut().find(|c| c.standard == standard) else {
                    return Action::None;
                };
                claim.options.retain(|o| *o != option);
                if on {
                    claim.options.push(option);
                }
                Action::edit(Edit::SetClaims(claims))
            }
            Message::AddUnit(theme) => {
                let unit = template::unit(doc, theme, 4);
                let screen = Screen::Unit(unit.id.clone());
                let title = field_id(&TextField::UnitTitle(unit.id.clone()));
                Action::edit_show_and_select(
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
            Message::ExportWorkbook => Action::Pick(Purpose::ExportStructureWorkbook),
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
