//! The view never lies: random sequences of what a designer does in the unit editor and on
//! the structure screen (navigate, switch tabs, add, remove, move and duplicate items, type
//! into any field, change numbers, undo, redo, reopen the file) run through the real `update`,
//! and after every step each field on screen shows exactly the document's value at its place,
//! and every item of the unit in view has its fields.

mod support;

use htq_studio::app::screen::unit::{self, Tab, long_fields};
use htq_studio::app::screen::{structure, workshop};
use htq_studio::app::shortcuts::Command;
use htq_studio::app::{
    App, FieldAction, LongField, Message, Opened, Screen, field_id, normalise, text_value,
};
use htq_studio::app::{number_id, number_rule, number_value};
use htq_studio::model::{Band, NumberField, TextField, Unit};
use htq_studio::store;
use iced::widget::Id;
use iced::widget::text_editor::{Action, Edit as Typing, Motion};
use iced_test::selector::{Candidate, Selector};
use proptest::prelude::*;
use proptest::sample::Index;
use proptest::test_runner::{Config, TestRunner};
use std::sync::{Arc, Mutex};
use support::ui::{app_with, simulator, workspace};

/// What a designer does, in terms of what is on screen when it is done.
#[derive(Debug, Clone)]
enum Step {
    OpenUnit(Index),
    ShowTab(Index),
    AddOutcome,
    RemoveOutcome,
    MoveOutcome(bool),
    AddTopic,
    RemoveTopic(Index),
    MoveTopic(Index, bool),
    AddCriterion(Index),
    AddCriterionAfter(Index),
    RemoveCriterion(Index),
    MoveCriterion(Index, bool),
    AddResource,
    RemoveResource(Index),
    MoveResource(Index, bool),
    TypeLong(Index, String, bool),
    TypeShort(Index, String),
    Number(Index, String),
    Undo,
    Redo,
    Duplicate(Index),
    Delete(Index),
    Reopen,
    TypePurpose(String),
    Status(Index),
}

fn step() -> impl Strategy<Value = Step> {
    let text = || "[a-zA-Z \n]{0,6}";
    prop_oneof![
        3 => any::<Index>().prop_map(Step::OpenUnit),
        4 => any::<Index>().prop_map(Step::ShowTab),
        1 => Just(Step::AddOutcome),
        1 => Just(Step::RemoveOutcome),
        1 => any::<bool>().prop_map(Step::MoveOutcome),
        2 => Just(Step::AddTopic),
        2 => any::<Index>().prop_map(Step::RemoveTopic),
        1 => (any::<Index>(), any::<bool>()).prop_map(|(i, up)| Step::MoveTopic(i, up)),
        2 => any::<Index>().prop_map(Step::AddCriterion),
        1 => any::<Index>().prop_map(Step::AddCriterionAfter),
        2 => any::<Index>().prop_map(Step::RemoveCriterion),
        1 => (any::<Index>(), any::<bool>()).prop_map(|(i, up)| Step::MoveCriterion(i, up)),
        1 => Just(Step::AddResource),
        1 => any::<Index>().prop_map(Step::RemoveResource),
        1 => (any::<Index>(), any::<bool>()).prop_map(|(i, up)| Step::MoveResource(i, up)),
        6 => (any::<Index>(), text(), any::<bool>()).prop_map(|(i, t, back)| Step::TypeLong(i, t, back)),
        3 => (any::<Index>(), "[a-zA-Z ]{0,6}").prop_map(|(i, t)| Step::TypeShort(i, t)),
        2 => (any::<Index>(), prop_oneof![Just(String::new()), "[0-9]{1,3}", "[a-z0-9]{1,3}"])
            .prop_map(|(i, t)| Step::Number(i, t)),
        3 => Just(Step::Undo),
        2 => Just(Step::Redo),
        1 => any::<Index>().prop_map(Step::Duplicate),
        1 => any::<Index>().prop_map(Step::Delete),
        1 => Just(Step::Reopen),
        1 => "[a-z ]{0,6}".prop_map(Step::TypePurpose),
        1 => any::<Index>().prop_map(Step::Status),
    ]
}

fn unit_in_view(app: &App) -> Option<&Unit> {
    let workspace = app.workspace()?;
    match &workspace.screen {
        Screen::Unit(id) => workspace.session.doc.unit(id),
        _ => None,
    }
}

fn choose<T: Clone>(pick: &Index, items: &[T]) -> Option<T> {
    (!items.is_empty()).then(|| pick.get(items).clone())
}

/// The messages the designer's `step` sends, given what is on screen.
fn messages(app: &App, step: &Step) -> Vec<Message> {
    let Some(workspace) = app.workspace() else {
        return Vec::new();
    };
    let doc = &workspace.session.doc;
    let unit = unit_in_view(app);
    let outcome = match (&workspace.unit.tab, unit) {
        (Tab::Outcome(id), Some(unit)) => unit.outcomes.iter().find(|o| &o.id == id),
        _ => None,
    };
    let to_unit = |message: unit::Message| vec![Message::Unit(message)];
    let delta = |up: bool| if up { -1 } else { 1 };
    match step {
        Step::OpenUnit(pick) => choose(pick, &doc.units)
            .map(|u| vec![Message::Navigate(Screen::Unit(u.id))])
            .unwrap_or_default(),
        Step::ShowTab(pick) => {
            let Some(unit) = unit else {
                return Vec::new();
            };
            let mut tabs = vec![Tab::Details, Tab::Resources];
            tabs.extend(unit.outcomes.iter().map(|o| Tab::Outcome(o.id.clone())));
            to_unit(unit::Message::Tab(pick.get(&tabs).clone()))
        }
        Step::AddOutcome if unit.is_some() => to_unit(unit::Message::AddOutcome),
        Step::RemoveOutcome => outcome
            .map(|o| to_unit(unit::Message::RemoveOutcome(o.id.clone())))
            .unwrap_or_default(),
        Step::MoveOutcome(up) => outcome
            .map(|o| to_unit(unit::Message::MoveOutcome(o.id.clone(), delta(*up))))
            .unwrap_or_default(),
        Step::AddTopic => outcome
            .map(|o| to_unit(unit::Message::AddTopic(o.id.clone())))
            .unwrap_or_default(),
        Step::RemoveTopic(pick) => outcome
            .and_then(|o| choose(pick, &o.content))
            .map(|t| to_unit(unit::Message::RemoveTopic(t.id)))
            .unwrap_or_default(),
        Step::MoveTopic(pick, up) => outcome
            .and_then(|o| choose(pick, &o.content))
            .map(|t| to_unit(unit::Message::MoveTopic(t.id, delta(*up))))
            .unwrap_or_default(),
        Step::AddCriterion(pick) => outcome
            .map(|o| {
                to_unit(unit::Message::AddCriterion(
                    o.id.clone(),
                    *pick.get(&Band::ALL),
                ))
            })
            .unwrap_or_default(),
        Step::AddCriterionAfter(pick) => outcome
            .and_then(|o| choose(pick, &o.criteria))
            .map(|c| to_unit(unit::Message::AddCriterionAfter(c.id)))
            .unwrap_or_default(),
        Step::RemoveCriterion(pick) => outcome
            .and_then(|o| choose(pick, &o.criteria))
            .map(|c| to_unit(unit::Message::RemoveCriterion(c.id)))
            .unwrap_or_default(),
        Step::MoveCriterion(pick, up) => outcome
            .and_then(|o| choose(pick, &o.criteria))
            .map(|c| to_unit(unit::Message::MoveCriterion(c.id, delta(*up))))
            .unwrap_or_default(),
        Step::AddResource if unit.is_some() => to_unit(unit::Message::AddResource),
        Step::RemoveResource(pick) => unit
            .and_then(|u| choose(pick, &u.resources))
            .map(|r| to_unit(unit::Message::RemoveResource(r.id)))
            .unwrap_or_default(),
        Step::MoveResource(pick, up) => unit
            .and_then(|u| choose(pick, &u.resources))
            .map(|r| to_unit(unit::Message::MoveResource(r.id, delta(*up))))
            .unwrap_or_default(),
        Step::TypeLong(pick, text, back) => {
            let fields: Vec<LongField> = workspace.unit.fields.fields().cloned().collect();
            let Some(field) = choose(pick, &fields).filter(|_| unit.is_some()) else {
                return Vec::new();
            };
            let act = |action| {
                Message::Unit(unit::Message::Field(FieldAction {
                    field: field.clone(),
                    action,
                }))
            };
            let mut typed = vec![act(Action::Move(Motion::DocumentEnd))];
            if *back {
                typed.push(act(Action::Edit(Typing::Backspace)));
            }
            typed.extend(text.chars().map(|c| {
                act(Action::Edit(if c == '\n' {
                    Typing::Enter
                } else {
                    Typing::Insert(c)
                }))
            }));
            typed
        }
        Step::TypeShort(pick, text) => {
            let Some(unit) = unit else {
                return Vec::new();
            };
            let mut fields = vec![
                TextField::UnitTitle(unit.id.clone()),
                TextField::UnitNumber(unit.id.clone()),
            ];
            fields.extend(outcome.into_iter().flat_map(|o| {
                o.content
                    .iter()
                    .map(|t| TextField::TopicHeading(t.id.clone()))
            }));
            fields.extend(
                unit.resources
                    .iter()
                    .map(|r| TextField::ResourceText(r.id.clone())),
            );
            let field = pick.get(&fields).clone();
            let value = text_value(doc, &field).unwrap_or_default();
            to_unit(unit::Message::Text(field, format!("{value}{text}")))
        }
        Step::Number(pick, typed) => {
            let Some(unit) = unit else {
                return Vec::new();
            };
            let fields = [
                NumberField::UnitLevel(unit.id.clone()),
                NumberField::UnitCredits(unit.id.clone()),
                NumberField::UnitGlh(unit.id.clone()),
            ];
            to_unit(unit::Message::Number(
                pick.get(&fields).clone(),
                typed.clone(),
            ))
        }
        Step::Undo => vec![Message::Command(Command::Undo)],
        Step::Redo => vec![Message::Command(Command::Redo)],
        Step::Duplicate(pick) => choose(pick, &doc.units)
            .map(|u| vec![Message::Structure(structure::Message::Duplicate(u.id))])
            .unwrap_or_default(),
        Step::Delete(pick) => choose(pick, &doc.units)
            .filter(|_| doc.units.len() > 1)
            .map(|u| vec![Message::Structure(structure::Message::Delete(u.id))])
            .unwrap_or_default(),
        Step::Reopen => {
            let text = store::to_string(doc);
            let path = std::path::PathBuf::from("reopened.ron");
            match store::from_str(&text, &path) {
                Ok(doc) => vec![Message::Loaded(Ok(Box::new(Opened {
                    path,
                    doc,
                    fingerprint: None,
                    lock: None,
                    other_editor: None,
                    recovery: None,
                    restored: false,
                })))],
                Err(_) => Vec::new(),
            }
        }
        Step::TypePurpose(text) => vec![
            Message::Navigate(Screen::Structure),
            Message::Structure(structure::Message::Tab(structure::Tab::Details)),
            Message::Structure(structure::Message::Text(
                TextField::Purpose,
                format!("{}{text}", doc.qualification.purpose),
            )),
        ],
        Step::Status(pick) => unit
            .map(|u| {
                vec![Message::Workshop(workshop::Message::Go(
                    htq_studio::model::ItemRef::Unit(u.id.clone()),
                ))]
                .into_iter()
                .chain(std::iter::once(Message::Workshop(
                    workshop::Message::Status(*pick.get(&htq_studio::model::ItemStatus::ALL)),
                )))
                .collect()
            })
            .unwrap_or_default(),
        _ => Vec::new(),
    }
}

/// A field on screen: its widget id and the text a text input shows (`None` for an editor).
type FieldOnScreen = (Id, Option<String>);

/// Every field the view holds.
#[derive(Clone, Default)]
struct Fields(Arc<Mutex<Vec<FieldOnScreen>>>);

impl Selector for Fields {
    type Output = ();

    fn select(&mut self, candidate: Candidate<'_>) -> Option<()> {
        let found = match candidate {
            Candidate::TextInput {
                id: Some(id),
                state,
                ..
            } => Some((id.clone(), Some(state.text().to_owned()))),
            Candidate::Focusable { id: Some(id), .. } => Some((id.clone(), None)),
            _ => None,
        };
        if let (Some(found), Ok(mut fields)) = (found, self.0.lock()) {
            fields.push(found);
        }
        None
    }

    fn description(&self) -> String {
        "every field".into()
    }
}

fn fields_in_view(app: &App) -> Vec<FieldOnScreen> {
    let collected = Fields::default();
    let _ = simulator(app).find(collected.clone());
    collected.0.lock().map(|f| f.clone()).unwrap_or_default()
}

/// The invariant: the fields of the unit in view (and of the structure screen) show exactly
/// the document's values, and every item has its fields on screen.
fn view_tells_the_truth(app: &App) -> Result<(), TestCaseError> {
    let Some(workspace) = app.workspace() else {
        return Ok(());
    };
    let doc = &workspace.session.doc;
    let in_view = fields_in_view(app);
    let shown = |id: &Id| in_view.iter().find(|(found, _)| found == id);
    let text_shows = |field: &TextField| -> Result<(), TestCaseError> {
        let value = text_value(doc, field).unwrap_or_default();
        match shown(&field_id(field)) {
            Some((_, Some(text))) => {
                prop_assert!(
                    *text == value || value.is_empty(),
                    "{field:?} shows {text:?}, the document holds {value:?}"
                );
                Ok(())
            }
            Some((_, None)) => Ok(()),
            None => Err(TestCaseError::fail(format!(
                "{field:?} has no field on screen"
            ))),
        }
    };
    let editor_shows = |field: &LongField| -> Result<(), TestCaseError> {
        let value = field.value(doc).unwrap_or_default();
        let text = workspace.unit.fields.shown(field);
        prop_assert_eq!(
            text.as_deref().map(normalise),
            Some(normalise(&value)),
            "{:?} shows other text than the document's",
            field
        );
        prop_assert!(
            shown(&field.id()).is_some(),
            "{field:?} has no editor on screen"
        );
        Ok(())
    };
    if let Some(unit) = unit_in_view(app) {
        for field in long_fields(unit) {
            let value = field.value(doc).unwrap_or_default();
            let text = workspace.unit.fields.shown(&field);
            prop_assert_eq!(
                text.as_deref().map(normalise),
                Some(normalise(&value)),
                "the content of {:?} is not the document's",
                field
            );
        }
        match &workspace.unit.tab {
            Tab::Details => {
                text_shows(&TextField::UnitTitle(unit.id.clone()))?;
                text_shows(&TextField::UnitNumber(unit.id.clone()))?;
                editor_shows(&LongField::Text(TextField::UnitIntroduction(
                    unit.id.clone(),
                )))?;
                for field in [
                    NumberField::UnitLevel(unit.id.clone()),
                    NumberField::UnitCredits(unit.id.clone()),
                    NumberField::UnitGlh(unit.id.clone()),
                ] {
                    let value = number_value(doc, &field).unwrap_or_default();
                    match shown(&number_id(&field)) {
                        // What was typed stays while it means the document's value ("015"
                        // for 15) or while the field says why it is not a value.
                        Some((_, Some(text))) => prop_assert!(
                            match number_rule(&field).parse(text) {
                                Ok(typed) => typed == Some(value),
                                Err(_) => true,
                            },
                            "{field:?} shows {text:?} for {value} and says nothing is wrong"
                        ),
                        _ => {
                            return Err(TestCaseError::fail(format!("{field:?} is not on screen")));
                        }
                    }
                }
            }
            Tab::Outcome(id) => {
                let Some(outcome) = unit.outcomes.iter().find(|o| &o.id == id) else {
                    return Err(TestCaseError::fail("the tab shows an outcome that is gone"));
                };
                editor_shows(&LongField::Text(TextField::OutcomeText(outcome.id.clone())))?;
                for criterion in &outcome.criteria {
                    editor_shows(&LongField::Text(TextField::CriterionText(
                        criterion.id.clone(),
                    )))?;
                }
                for topic in &outcome.content {
                    text_shows(&TextField::TopicHeading(topic.id.clone()))?;
                    editor_shows(&LongField::Points(topic.id.clone()))?;
                }
            }
            Tab::Resources => {
                for resource in &unit.resources {
                    text_shows(&TextField::ResourceText(resource.id.clone()))?;
                }
            }
        }
    }
    for field in [
        TextField::Purpose,
        TextField::Audience,
        TextField::Progression,
    ] {
        let field = LongField::Text(field);
        let value = field.value(doc).unwrap_or_default();
        prop_assert_eq!(
            workspace
                .structure
                .fields
                .shown(&field)
                .as_deref()
                .map(normalise),
            Some(normalise(&value))
        );
    }
    Ok(())
}

#[test]
fn after_any_sequence_of_steps_every_field_shows_the_documents_value() {
    let mut runner = TestRunner::new(Config {
        cases: 96,
        failure_persistence: None,
        ..Config::default()
    });
    let result = runner.run(&prop::collection::vec(step(), 1..40), |steps| {
        let (mut app, _) = app_with("medtech-htq-draft.ron");
        let _ = app.update(Message::Navigate(Screen::Unit(
            workspace(&app).session.doc.units[2].id.clone(),
        )));
        for step in steps {
            for message in messages(&app, &step) {
                let _ = app.update(message);
            }
            view_tells_the_truth(&app)
                .map_err(|e| TestCaseError::fail(format!("after {step:?}: {e}")))?;
        }
        Ok(())
    });
    if let Err(failure) = result {
        panic!("{failure}");
    }
}
