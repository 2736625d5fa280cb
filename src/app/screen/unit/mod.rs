//! The unit editor: every field of one unit. Tabs keep one part in view at a time (details,
//! each learning outcome, resources and links), so following a finding lands on its field
//! without scrolling. Numbering (LO1, P3) is derived live; findings sit beside their field.
//!
//! Every item is addressed by its id; adding an item puts the cursor in its first field, and
//! removing one moves the cursor to its neighbour.

mod view;

use super::Action;
use crate::analysis::Location;
use crate::app::drafts::Drafts;
use crate::app::fields::{FieldAction, Fields, LongField, field_id};
use crate::app::numbers::{number_rule, number_value};
use crate::app::{Screen, Session};
use crate::model::{
    Band, ContentTopic, Criterion, CriterionId, Curriculum, Edit, LearningOutcome, NumberField,
    OutcomeId, Resource, ResourceId, ResourceKind, TextField, Theme, TopicId, Unit, UnitId,
};
use iced::widget;

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
    /// Add an essential-content topic at the end of an outcome's content.
    AddTopic(OutcomeId),
    /// Remove a topic.
    RemoveTopic(TopicId),
    /// Move a topic earlier or later.
    MoveTopic(TopicId, isize),
    /// Add a criterion of a band, after the outcome's last criterion of that band or below.
    AddCriterion(OutcomeId, Band),
    /// Add a criterion of the same band right after this one (Ctrl+Enter in its field).
    AddCriterionAfter(CriterionId),
    /// Remove a criterion.
    RemoveCriterion(CriterionId),
    /// Move a criterion earlier or later.
    MoveCriterion(CriterionId, isize),
    /// Change a criterion's band.
    Band(CriterionId, Band),
    /// Add a resource at the end.
    AddResource,
    /// Remove a resource.
    RemoveResource(ResourceId),
    /// Move a resource earlier or later.
    MoveResource(ResourceId, isize),
    /// Change a resource's kind.
    ResourceKind(ResourceId, ResourceKind),
    /// Link a related unit.
    AddLink(LinkChoice),
    /// Unlink a related unit.
    RemoveLink(UnitId),
    /// Move a link earlier or later.
    MoveLink(UnitId, isize),
    /// Go to the previous (-1) or next (+1) unit.
    Step(isize),
    /// Go to what a finding points at.
    Locate(Location),
}

/// A unit offered in the "link a related unit" list.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LinkChoice {
    /// The unit.
    pub id: UnitId,
    /// How the list shows it: number and title.
    pub label: String,
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
    /// Contents of the multi-line fields of the unit in view.
    pub fields: Fields,
    numbers: Drafts<NumberField>,
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

/// Every multi-line field of `unit`.
pub fn long_fields(unit: &Unit) -> Vec<LongField> {
    let mut fields = vec![LongField::Text(TextField::UnitIntroduction(
        unit.id.clone(),
    ))];
    for outcome in &unit.outcomes {
        fields.push(LongField::Text(TextField::OutcomeText(outcome.id.clone())));
        fields.extend(
            outcome
                .content
                .iter()
                .map(|topic| LongField::Points(topic.id.clone())),
        );
        fields.extend(
            outcome
                .criteria
                .iter()
                .map(|c| LongField::Text(TextField::CriterionText(c.id.clone()))),
        );
    }
    fields
}

fn text_id(field: TextField) -> widget::Id {
    field_id(&field)
}

/// The id of an item's neighbour after the one at `index` of `ids` is removed: the item that
/// takes its place, else the one before it.
fn neighbour<T: Clone>(ids: &[T], index: usize) -> Option<T> {
    ids.get(index + 1)
        .or_else(|| index.checked_sub(1).and_then(|i| ids.get(i)))
        .cloned()
}

/// The position `delta` away from `index` within `len` items, unless that is `index` itself
/// or outside.
fn moved(index: usize, delta: isize, len: usize) -> Option<usize> {
    let to = index.checked_add_signed(delta)?;
    (to < len && to != index).then_some(to)
}

impl State {
    /// Shows unit `id` and keeps its fields in step with the document. `own_typing` says the
    /// change came from typing in this screen's fields: only then do number drafts stay.
    pub fn sync(&mut self, id: &UnitId, doc: &Curriculum, own_typing: bool) {
        let Some(unit) = doc.unit(id) else {
            return;
        };
        if self.unit.as_ref() != Some(id) {
            self.unit = Some(id.clone());
            self.tab = Tab::Details;
            self.numbers.clear();
        }
        if let Tab::Outcome(outcome) = &self.tab
            && !unit.outcomes.iter().any(|o| &o.id == outcome)
        {
            self.tab = Tab::Details;
        }
        self.fields.sync(doc, long_fields(unit));
        if own_typing {
            self.numbers
                .keep_matching(|field| Some((number_rule(field), Some(number_value(doc, field)?))));
        } else {
            self.numbers.clear();
        }
    }

    /// The unit in view.
    pub fn unit(&self) -> Option<&UnitId> {
        self.unit.as_ref()
    }

    /// Shows the tab holding `location` (call before navigating here).
    pub fn reveal(&mut self, doc: &Curriculum, location: &Location) {
        let unit = location.unit(doc).map(|u| u.id.clone());
        if unit != self.unit {
            self.unit = unit;
            self.numbers.clear();
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
                .perform(action, doc)
                .map_or(Action::None, Action::edit),
            Message::Text(field, value) => Action::edit(Edit::SetText { field, value }),
            Message::Number(field, typed) => {
                let rule = number_rule(&field);
                let current = number_value(doc, &field);
                match self.numbers.input(field.clone(), typed, &rule, current) {
                    Some(Some(value)) => Action::edit(Edit::SetNumber { field, value }),
                    _ => Action::None,
                }
            }
            Message::Theme(theme) => Action::edit(Edit::SetTheme {
                unit: unit.id.clone(),
                theme,
            }),
            Message::AddOutcome => {
                let outcome = new_outcome(doc, unit);
                let id = outcome.id.clone();
                self.tab = Tab::Outcome(id.clone());
                Action::edit_and_focus(
                    Edit::InsertOutcome {
                        unit: unit.id.clone(),
                        index: unit.outcomes.len(),
                        outcome,
                    },
                    text_id(TextField::OutcomeText(id)),
                )
            }
            Message::RemoveOutcome(outcome) => {
                let ids: Vec<OutcomeId> = unit.outcomes.iter().map(|o| o.id.clone()).collect();
                let Some(index) = ids.iter().position(|o| *o == outcome) else {
                    return Action::None;
                };
                let next = neighbour(&ids, index);
                let focus = match &next {
                    Some(next) => text_id(TextField::OutcomeText(next.clone())),
                    None => text_id(TextField::UnitTitle(unit.id.clone())),
                };
                self.tab = next.map_or(Tab::Details, Tab::Outcome);
                Action::edit_and_focus(Edit::RemoveOutcome { outcome }, focus)
            }
            Message::MoveOutcome(outcome, delta) => {
                match unit.outcomes.iter().position(|o| o.id == outcome) {
                    Some(index) => moved(index, delta, unit.outcomes.len())
                        .map_or(Action::None, |to| {
                            Action::edit(Edit::MoveOutcome { outcome, to })
                        }),
                    None => Action::None,
                }
            }
            Message::AddTopic(outcome) => {
                let Some(lo) = unit.outcomes.iter().find(|o| o.id == outcome) else {
                    return Action::None;
                };
                let topic = ContentTopic {
                    id: doc.fresh_id(&format!("{}-t", lo.id)).as_str().into(),
                    ..ContentTopic::default()
                };
                let focus = text_id(TextField::TopicHeading(topic.id.clone()));
                Action::edit_at_end(
                    Edit::InsertTopic {
                        outcome,
                        index: lo.content.len(),
                        topic,
                    },
                    focus,
                )
            }
            Message::RemoveTopic(topic) => match doc.topic_position(&topic) {
                Some((u, o, t)) => {
                    let outcome = &doc.units[u].outcomes[o];
                    let ids: Vec<TopicId> = outcome.content.iter().map(|t| t.id.clone()).collect();
                    let focus = neighbour(&ids, t).map_or_else(
                        || text_id(TextField::OutcomeText(outcome.id.clone())),
                        |next| text_id(TextField::TopicHeading(next)),
                    );
                    Action::edit_and_focus(Edit::RemoveTopic { topic }, focus)
                }
                None => Action::None,
            },
            Message::MoveTopic(topic, delta) => match doc.topic_position(&topic) {
                Some((u, o, t)) => moved(t, delta, doc.units[u].outcomes[o].content.len())
                    .map_or(Action::None, |to| {
                        Action::edit(Edit::MoveTopic { topic, to })
                    }),
                None => Action::None,
            },
            Message::AddCriterion(outcome, band) => {
                let Some(lo) = unit.outcomes.iter().find(|o| o.id == outcome) else {
                    return Action::None;
                };
                let index = lo
                    .criteria
                    .iter()
                    .rposition(|c| c.band <= band)
                    .map_or(0, |i| i + 1);
                add_criterion(doc, lo, index, band)
            }
            Message::AddCriterionAfter(criterion) => match doc.criterion_position(&criterion) {
                Some((u, o, c)) => {
                    let lo = &doc.units[u].outcomes[o];
                    add_criterion(doc, lo, c + 1, lo.criteria[c].band)
                }
                None => Action::None,
            },
            Message::RemoveCriterion(criterion) => match doc.criterion_position(&criterion) {
                Some((u, o, c)) => {
                    let outcome = &doc.units[u].outcomes[o];
                    let ids: Vec<CriterionId> =
                        outcome.criteria.iter().map(|c| c.id.clone()).collect();
                    let focus = neighbour(&ids, c).map_or_else(
                        || text_id(TextField::OutcomeText(outcome.id.clone())),
                        |next| text_id(TextField::CriterionText(next)),
                    );
                    Action::edit_and_focus(Edit::RemoveCriterion { criterion }, focus)
                }
                None => Action::None,
            },
            Message::MoveCriterion(criterion, delta) => match doc.criterion_position(&criterion) {
                Some((u, o, index)) => moved(index, delta, doc.units[u].outcomes[o].criteria.len())
                    .map_or(Action::None, |to| {
                        Action::edit(Edit::MoveCriterion { criterion, to })
                    }),
                None => Action::None,
            },
            Message::Band(criterion, band) => Action::edit(Edit::SetBand { criterion, band }),
            Message::AddResource => {
                let resource = Resource {
                    id: doc.fresh_id(&format!("{}-r", unit.id)).as_str().into(),
                    ..Resource::default()
                };
                let focus = text_id(TextField::ResourceText(resource.id.clone()));
                Action::edit_at_end(
                    Edit::InsertResource {
                        unit: unit.id.clone(),
                        index: unit.resources.len(),
                        resource,
                    },
                    focus,
                )
            }
            Message::RemoveResource(resource) => {
                let ids: Vec<ResourceId> = unit.resources.iter().map(|r| r.id.clone()).collect();
                let Some(index) = ids.iter().position(|r| *r == resource) else {
                    return Action::None;
                };
                let focus =
                    neighbour(&ids, index).map(|next| text_id(TextField::ResourceText(next)));
                Action::edit_and_maybe_focus(Edit::RemoveResource { resource }, focus)
            }
            Message::MoveResource(resource, delta) => {
                match unit.resources.iter().position(|r| r.id == resource) {
                    Some(index) => moved(index, delta, unit.resources.len())
                        .map_or(Action::None, |to| {
                            Action::edit(Edit::MoveResource { resource, to })
                        }),
                    None => Action::None,
                }
            }
            Message::ResourceKind(resource, kind) => {
                Action::edit(Edit::SetResourceKind { resource, kind })
            }
            Message::AddLink(choice) => {
                let mut links = unit.links.clone();
                if links.contains(&choice.id) {
                    return Action::None;
                }
                links.push(choice.id);
                Action::edit(Edit::SetLinks {
                    unit: unit.id.clone(),
                    links,
                })
            }
            Message::RemoveLink(id) => Action::edit(Edit::SetLinks {
                unit: unit.id.clone(),
                links: unit.links.iter().filter(|l| **l != id).cloned().collect(),
            }),
            Message::MoveLink(id, delta) => {
                let Some(index) = unit.links.iter().position(|l| *l == id) else {
                    return Action::None;
                };
                match moved(index, delta, unit.links.len()) {
                    Some(to) => {
                        let mut links = unit.links.clone();
                        let link = links.remove(index);
                        links.insert(to, link);
                        Action::edit(Edit::SetLinks {
                            unit: unit.id.clone(),
                            links,
                        })
                    }
                    None => Action::None,
                }
            }
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
}

/// One new criterion of `band` at `index` of `outcome`, with the cursor in it.
fn add_criterion(doc: &Curriculum, outcome: &LearningOutcome, index: usize, band: Band) -> Action {
    let criterion = Criterion {
        id: doc.fresh_id(&format!("{}-c", outcome.id)).as_str().into(),
        band,
        text: String::new(),
    };
    let focus = text_id(TextField::CriterionText(criterion.id.clone()));
    Action::edit_and_focus(
        Edit::InsertCriterion {
            outcome: outcome.id.clone(),
            index,
            criterion,
        },
        focus,
    )
}

fn new_outcome(doc: &Curriculum, unit: &Unit) -> LearningOutcome {
    let id = doc.fresh_stem(&format!("{}-lo", unit.id));
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
