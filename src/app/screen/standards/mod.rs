//! The standards screen: the occupational standards of the curriculum, written or corrected
//! by hand. A standard's reference, title and level; its knowledge, skills and behaviours
//! (add, edit, re-kind, reorder, retire); its duties with the KSBs each draws on. Every change
//! is an undoable edit; structural changes replace the standard as one step, and retiring a
//! KSB takes its mappings with it (Ctrl+Z brings both back).

mod view;

use super::Action;
use crate::app::drafts::{Drafts, Shown};
use crate::app::fields::{FieldAction, Fields, LongField, field_id};
use crate::app::numbers::{number_rule, number_value};
use crate::app::{Purpose, Session};
use crate::model::{
    Curriculum, Duty, DutyId, Edit, Ksb, KsbId, KsbKind, NumberField, Standard, StandardId,
    TextField,
};
use iced::widget;
use std::collections::BTreeMap;

/// Messages of the standards screen.
#[derive(Debug, Clone)]
pub enum Message {
    /// Show a standard.
    Select(StandardId),
    /// Add an empty standard to write by hand.
    AddStandard,
    /// Remove a standard with its mappings.
    RemoveStandard(StandardId),
    /// Read a standard from a file (standards API JSON or a CSV of KSBs).
    Import,
    /// A single-line field changed.
    Text(TextField, String),
    /// A KSB statement changed.
    Field(FieldAction),
    /// The standard's level changed (as typed).
    Level(StandardId, String),
    /// Add a KSB of a kind after the last one of that kind.
    AddKsb(KsbKind),
    /// Change a KSB's kind.
    Kind(KsbId, KsbKind),
    /// Move a KSB earlier (-1) or later (+1).
    MoveKsb(KsbId, isize),
    /// Retire a KSB: remove it with its mappings.
    RetireKsb(KsbId),
    /// Add a duty at the end.
    AddDuty,
    /// Move a duty earlier or later.
    MoveDuty(DutyId, isize),
    /// Remove a duty.
    RemoveDuty(DutyId),
    /// The KSB codes a duty draws on, as typed ("K1, S3, B1").
    DutyKsbs(DutyId, String),
}

/// State of the standards screen.
#[derive(Debug, Default)]
pub struct State {
    selected: Option<StandardId>,
    /// Contents of the KSB statements of the standard in view.
    pub fields: Fields,
    numbers: Drafts<NumberField>,
    /// Duties' KSB codes as typed, while they name KSBs the standard does not have or name
    /// exactly the duty's KSBs.
    duty_codes: BTreeMap<DutyId, String>,
}

/// The widget id of a duty's KSB codes.
pub fn duty_ksbs_id(duty: &DutyId) -> widget::Id {
    widget::Id::from(format!("duty-ksbs:{duty}"))
}

/// The KSBs of `standard` that `typed` names by code ("K1, S3"); `None` when a code names
/// none of them.
fn ksbs_named(standard: &Standard, typed: &str) -> Option<Vec<KsbId>> {
    codes(typed)
        .map(|code| {
            standard
                .ksbs
                .iter()
                .find(|ksb| ksb.code.eq_ignore_ascii_case(code))
                .map(|ksb| ksb.id.clone())
        })
        .collect()
}

fn codes(typed: &str) -> impl Iterator<Item = &str> {
    typed
        .split([',', ';', ' '])
        .map(str::trim)
        .filter(|code| !code.is_empty())
}

impl State {
    /// What the KSB codes of `duty` show: what is being typed, or its KSBs' codes; with the
    /// first code the standard does not have.
    fn duty_codes_shown(&self, standard: &Standard, duty: &Duty) -> Shown {
        match self.duty_codes.get(&duty.id) {
            Some(typed) => Shown {
                text: typed.clone(),
                problem: codes(typed)
                    .find(|code| {
                        !standard
                            .ksbs
                            .iter()
                            .any(|k| k.code.eq_ignore_ascii_case(code))
                    })
                    .map(|code| format!("{} has no KSB {code}", reference(standard))),
            },
            None => Shown {
                text: codes_of(standard, &duty.ksbs),
                problem: None,
            },
        }
    }
}

/// The standard's reference, or "This standard" before it has one.
fn reference(standard: &Standard) -> &str {
    if standard.reference.trim().is_empty() {
        "This standard"
    } else {
        &standard.reference
    }
}

/// The codes of `ksbs` in `standard`, as the duty's field shows them.
fn codes_of(standard: &Standard, ksbs: &[KsbId]) -> String {
    ksbs.iter()
        .filter_map(|id| standard.ksbs.iter().find(|k| &k.id == id))
        .map(|ksb| ksb.code.clone())
        .collect::<Vec<_>>()
        .join(", ")
}

/// The next free code of `kind` in `standard`: one more than the highest number in use.
fn next_code(standard: &Standard, kind: KsbKind) -> String {
    let highest = standard
        .ksbs
        .iter()
        .filter(|ksb| ksb.kind == kind)
        .filter_map(|ksb| ksb.code.get(1..)?.parse::<u32>().ok())
        .max()
        .unwrap_or(0);
    format!("{}{}", kind.letter(), highest + 1)
}

fn moved(index: usize, delta: isize, len: usize) -> Option<usize> {
    let to = index.checked_add_signed(delta)?;
    (to < len && to != index).then_some(to)
}

fn replace(standard: Standard) -> Edit {
    Edit::ReplaceStandard {
        standard: Box::new(standard),
    }
}

impl State {
    /// The standard in view: the one chosen, else the first.
    pub fn standard<'a>(&self, doc: &'a Curriculum) -> Option<&'a Standard> {
        self.selected
            .as_ref()
            .and_then(|id| doc.standard(id))
            .or_else(|| doc.standards.first())
    }

    /// Keeps the fields in step with the document; `own_typing` keeps what is being typed in
    /// the number and code fields.
    pub fn sync(&mut self, doc: &Curriculum, own_typing: bool) {
        let Some(standard) = self.standard(doc) else {
            self.fields.sync(doc, []);
            return;
        };
        self.fields.sync(
            doc,
            standard
                .ksbs
                .iter()
                .map(|ksb| LongField::Text(TextField::KsbText(ksb.id.clone())))
                .collect::<Vec<_>>(),
        );
        if own_typing {
            self.numbers
                .keep_matching(|field| Some((number_rule(field), Some(number_value(doc, field)?))));
            self.duty_codes.retain(|duty, typed| {
                let Some(now) = standard.duties.iter().find(|d| &d.id == duty) else {
                    return false;
                };
                ksbs_named(standard, typed).is_none_or(|named| named == now.ksbs)
            });
        } else {
            self.numbers.clear();
            self.duty_codes.clear();
        }
    }

    /// Handles a message.
    pub fn update(&mut self, message: Message, session: &Session) -> Action {
        let doc = &session.doc;
        match message {
            Message::Select(id) => {
                self.selected = Some(id);
                self.numbers.clear();
                self.duty_codes.clear();
                Action::Seal
            }
            Message::AddStandard => {
                let id: StandardId = doc.fresh_stem("standard-").as_str().into();
                self.selected = Some(id.clone());
                let standard = Standard {
                    id: id.clone(),
                    reference: String::new(),
                    title: "New occupational standard".into(),
                    level: doc.qualification.level.clamp(4, 5),
                    ..Standard::default()
                };
                Action::edit_and_focus(
                    Edit::InsertStandard {
                        index: doc.standards.len(),
                        standard: Box::new(standard),
                    },
                    field_id(&TextField::StandardReference(id)),
                )
            }
            Message::RemoveStandard(id) => {
                self.selected = None;
                Action::edit(Edit::RemoveStandard { standard: id })
            }
            Message::Import => Action::Pick(Purpose::ImportStandard),
            Message::Text(field, value) => Action::edit(Edit::SetText { field, value }),
            Message::Field(action) => self
                .fields
                .perform(action, doc)
                .map_or(Action::None, Action::edit),
            Message::Level(id, typed) => {
                let field = NumberField::StandardLevel(id);
                let rule = number_rule(&field);
                let current = number_value(doc, &field);
                match self.numbers.input(field.clone(), typed, &rule, current) {
                    Some(Some(value)) => Action::edit(Edit::SetNumber { field, value }),
                    _ => Action::None,
                }
            }
            message => match self.standard(doc) {
                Some(standard) => self.change(message, doc, standard.clone()),
                None => Action::None,
            },
        }
    }

    /// The messages that change the standard in view as a whole.
    fn change(&mut self, message: Message, doc: &Curriculum, mut standard: Standard) -> Action {
        let position =
            |standard: &Standard, id: &KsbId| standard.ksbs.iter().position(|k| &k.id == id);
        match message {
            Message::AddKsb(kind) => {
                let id: KsbId = doc.fresh_id(&format!("{}-k", standard.id)).as_str().into();
                let at = standard
                    .ksbs
                    .iter()
                    .rposition(|k| k.kind <= kind)
                    .map_or(0, |last| last + 1);
                let code = next_code(&standard, kind);
                standard.ksbs.insert(
                    at,
                    Ksb {
                        id: id.clone(),
                        kind,
                        code,
                        text: String::new(),
                    },
                );
                // The KSBs take most of the page, above the duties: about this far down.
                let fraction = (at + 1) as f32 / (standard.ksbs.len() + 2) as f32;
                Action::edit_and_reveal(
                    replace(standard),
                    LongField::Text(TextField::KsbText(id)).id(),
                    fraction,
                )
            }
            Message::Kind(id, kind) => match position(&standard, &id) {
                Some(at) if standard.ksbs[at].kind != kind => {
                    standard.ksbs[at].kind = kind;
                    Action::edit(replace(standard))
                }
                _ => Action::None,
            },
            Message::MoveKsb(id, delta) => {
                let len = standard.ksbs.len();
                match position(&standard, &id).and_then(|at| Some((at, moved(at, delta, len)?))) {
                    Some((from, to)) => {
                        let ksb = standard.ksbs.remove(from);
                        standard.ksbs.insert(to, ksb);
                        Action::edit(replace(standard))
                    }
                    None => Action::None,
                }
            }
            Message::RetireKsb(id) => {
                let Some(at) = position(&standard, &id) else {
                    return Action::None;
                };
                standard.ksbs.remove(at);
                for list in standard
                    .duties
                    .iter_mut()
                    .map(|d| &mut d.ksbs)
                    .chain(standard.options.iter_mut().map(|o| &mut o.ksbs))
                {
                    list.retain(|k| *k != id);
                }
                let next = standard
                    .ksbs
                    .get(at)
                    .or_else(|| at.checked_sub(1).and_then(|i| standard.ksbs.get(i)))
                    .map(|k| LongField::Text(TextField::KsbText(k.id.clone())).id());
                Action::edit_and_maybe_focus(replace(standard), next)
            }
            Message::AddDuty => {
                let taken: Vec<String> = standard.duties.iter().map(|d| d.id.to_string()).collect();
                let id: DutyId = crate::model::fresh_id("d", |c| taken.iter().any(|t| t == c))
                    .as_str()
                    .into();
                standard.duties.push(Duty {
                    id: id.clone(),
                    code: format!("D{}", standard.duties.len() + 1),
                    text: String::new(),
                    ksbs: Vec::new(),
                });
                let field = field_id(&TextField::DutyText(standard.id.clone(), id));
                Action::edit_at_end(replace(standard), field)
            }
            Message::MoveDuty(id, delta) => {
                let len = standard.duties.len();
                let at = standard.duties.iter().position(|d| d.id == id);
                match at.and_then(|at| Some((at, moved(at, delta, len)?))) {
                    Some((from, to)) => {
                        let duty = standard.duties.remove(from);
                        standard.duties.insert(to, duty);
                        Action::edit(replace(standard))
                    }
                    None => Action::None,
                }
            }
            Message::RemoveDuty(id) => {
                standard.duties.retain(|d| d.id != id);
                Action::edit(replace(standard))
            }
            Message::DutyKsbs(id, typed) => {
                let named = ksbs_named(&standard, &typed);
                let Some(duty) = standard.duties.iter_mut().find(|d| d.id == id) else {
                    return Action::None;
                };
                self.duty_codes.insert(id, typed);
                match named {
                    Some(ksbs) if ksbs != duty.ksbs => {
                        duty.ksbs = ksbs;
                        Action::edit(replace(standard))
                    }
                    _ => Action::None,
                }
            }
            _ => Action::None,
        }
    }
}
