//! Multi-line text fields (`text_editor`), kept in step with the document.
//!
//! A screen owns one [`Fields`]: the editor contents of the document texts it shows, keyed by
//! the id of the item each belongs to, never by its position. After every change, whatever
//! caused it (typing, another screen, undo, redo, reload, navigation), [`Fields::sync`] keeps
//! a content only while its text equals the document's value at that place and builds the rest
//! afresh from the document. So the cursor stays put while the designer types, and no field can
//! ever show (or write back) text that is not the document's.

use crate::model::{Curriculum, Duty, DutyId, Edit, StandardId, TextField, TopicId};
use iced::keyboard::{Key, key::Named};
use iced::widget::text_editor::{self, Binding, Content, KeyPress};
use iced::widget::{self, text_editor as editor};
use iced::{Element, Length};
use std::collections::BTreeMap;

/// A document text edited in a multi-line field.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum LongField {
    /// A text of the document.
    Text(TextField),
    /// The points under an essential-content heading, one per line.
    Points(TopicId),
}

impl LongField {
    /// The document's value at this place (points joined by line breaks); `None` when the
    /// item is gone.
    pub fn value(&self, doc: &Curriculum) -> Option<String> {
        match self {
            LongField::Text(field) => text_value(doc, field),
            LongField::Points(topic) => doc
                .topic_position(topic)
                .map(|(u, o, t)| doc.units[u].outcomes[o].content[t].points.join("\n")),
        }
    }

    /// The edit that makes the document hold `text` (as [`normalise`]d) at this place.
    pub fn edit(&self, text: String) -> Edit {
        match self {
            LongField::Text(field) => Edit::SetText {
                field: field.clone(),
                value: text,
            },
            LongField::Points(topic) => Edit::SetPoints {
                topic: topic.clone(),
                points: if text.is_empty() {
                    Vec::new()
                } else {
                    text.split('\n').map(str::to_owned).collect()
                },
            },
        }
    }

    /// The widget id of the field, so that it can be focused.
    pub fn id(&self) -> widget::Id {
        match self {
            LongField::Text(field) => field_id(field),
            LongField::Points(topic) => widget::Id::from(format!("points:{topic}")),
        }
    }

    /// Whether the field holds one statement (an outcome or a criterion), where Enter adds no
    /// line break.
    fn is_statement(&self) -> bool {
        matches!(
            self,
            LongField::Text(
                TextField::OutcomeText(_) | TextField::CriterionText(_) | TextField::KsbText(_)
            )
        )
    }
}

/// The widget id of the field showing `field`, single- or multi-line.
pub fn field_id(field: &TextField) -> widget::Id {
    widget::Id::from(format!("{field:?}"))
}

/// The document's value of a single-text field; `None` when its item is gone.
pub fn text_value(doc: &Curriculum, field: &TextField) -> Option<String> {
    let q = &doc.qualification;
    let unit = |id| doc.unit(id);
    Some(match field {
        TextField::QualificationTitle => q.title.clone(),
        TextField::AwardingBody => q.awarding_body.clone(),
        TextField::Issue => q.issue.clone(),
        TextField::IssueDate => q.issue_date.clone(),
        TextField::Purpose => q.purpose.clone(),
        TextField::Audience => q.audience.clone(),
        TextField::Progression => q.progression.clone(),
        TextField::UnitNumber(id) => unit(id)?.number.clone(),
        TextField::UnitRegulatorCode(id) => unit(id)?.regulator_code.clone(),
        TextField::UnitTitle(id) => unit(id)?.title.clone(),
        TextField::UnitIntroduction(id) => unit(id)?.introduction.clone(),
        TextField::OutcomeText(id) => doc.outcome(id)?.1.text.clone(),
        TextField::TopicHeading(id) => {
            let (u, o, t) = doc.topic_position(id)?;
            doc.units[u].outcomes[o].content[t].heading.clone()
        }
        TextField::CriterionText(id) => {
            let (u, o, c) = doc.criterion_position(id)?;
            doc.units[u].outcomes[o].criteria[c].text.clone()
        }
        TextField::ResourceText(id) => {
            let (u, r) = doc.resource_position(id)?;
            doc.units[u].resources[r].text.clone()
        }
        TextField::MappingNote(outcome, ksb) => doc.mapping(outcome, ksb)?.note.clone(),
        TextField::GroupTitle(id) => q.rules.groups.iter().find(|g| &g.id == id)?.title.clone(),
        TextField::StandardReference(id) => doc.standard(id)?.reference.clone(),
        TextField::StandardTitle(id) => doc.standard(id)?.title.clone(),
        TextField::KsbCode(id) => doc.ksb(id)?.1.code.clone(),
        TextField::KsbText(id) => doc.ksb(id)?.1.text.clone(),
        TextField::DutyCode(standard, duty) => duty_of(doc, standard, duty)?.code.clone(),
        TextField::DutyText(standard, duty) => duty_of(doc, standard, duty)?.text.clone(),
    })
}

fn duty_of<'a>(doc: &'a Curriculum, standard: &StandardId, duty: &DutyId) -> Option<&'a Duty> {
    doc.standard(standard)?
        .duties
        .iter()
        .find(|d| &d.id == duty)
}

/// The text a field means: line endings made `\n`, trailing line breaks dropped (pressing
/// Enter at the end starts a line that holds nothing yet).
pub fn normalise(text: &str) -> String {
    text.replace("\r\n", "\n")
        .replace('\r', "\n")
        .trim_end_matches('\n')
        .to_owned()
}

/// What a multi-line field sends.
#[derive(Debug, Clone)]
pub struct FieldAction {
    /// The field.
    pub field: LongField,
    /// What the user did.
    pub action: text_editor::Action,
}

/// Keys a field gives a meaning of its own.
pub struct FieldKeys<Message> {
    /// What Ctrl+Enter sends (for example: add the next criterion of the same band).
    pub ctrl_enter: Option<Message>,
}

impl<Message> Default for FieldKeys<Message> {
    fn default() -> Self {
        Self { ctrl_enter: None }
    }
}

/// Editable contents of the multi-line fields on one screen.
#[derive(Default)]
pub struct Fields {
    contents: BTreeMap<LongField, Content>,
}

impl std::fmt::Debug for Fields {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Fields")
            .field("fields", &self.contents.len())
            .finish()
    }
}

impl Fields {
    /// Shows exactly `wanted` from `doc`: a content whose text is the document's value is
    /// kept (with its cursor); every other one is built from the document; fields not
    /// wanted, or whose item is gone, are dropped.
    pub fn sync(&mut self, doc: &Curriculum, wanted: impl IntoIterator<Item = LongField>) {
        let mut contents = BTreeMap::new();
        for field in wanted {
            let Some(value) = field.value(doc) else {
                continue;
            };
            let content = match self.contents.remove(&field) {
                Some(content) if normalise(&content.text()) == normalise(&value) => content,
                _ => Content::with_text(&value),
            };
            contents.insert(field, content);
        }
        self.contents = contents;
    }

    /// Performs `action` on its field. Returns the edit that brings the document in line when
    /// the text now means something else than the document holds.
    pub fn perform(&mut self, action: FieldAction, doc: &Curriculum) -> Option<Edit> {
        let content = self.contents.get_mut(&action.field)?;
        let is_edit = action.action.is_edit();
        content.perform(action.action);
        if !is_edit {
            return None;
        }
        let text = normalise(&content.text());
        let current = action.field.value(doc)?;
        (text != normalise(&current)).then(|| action.field.edit(text))
    }

    /// The text `field` shows now, if the screen has it.
    pub fn shown(&self, field: &LongField) -> Option<String> {
        self.contents.get(field).map(Content::text)
    }

    /// The fields this screen holds.
    pub fn fields(&self) -> impl Iterator<Item = &LongField> {
        self.contents.keys()
    }

    /// The editor widget for `field`; empty when the screen does not hold the field.
    pub fn view<'a, Message: Clone + 'a>(
        &'a self,
        field: &LongField,
        placeholder: &'a str,
        on_action: impl Fn(FieldAction) -> Message + 'a,
        keys: FieldKeys<Message>,
    ) -> Element<'a, Message> {
        let Some(content) = self.contents.get(field) else {
            return widget::text("").into();
        };
        let owned = field.clone();
        let statement = field.is_statement();
        editor(content)
            .id(field.id())
            .placeholder(placeholder)
            .on_action(move |action| {
                on_action(FieldAction {
                    field: owned.clone(),
                    action,
                })
            })
            .key_binding(move |press| bind(press, statement, keys.ctrl_enter.clone()))
            .height(Length::Shrink)
            .padding(8)
            .into()
    }
}

/// The editor's keys: Tab and Shift+Tab are left to the window (they move between fields),
/// Ctrl+Enter does what the field asks, Enter in a statement adds no line break, the rest as
/// usual.
fn bind<Message>(
    press: KeyPress,
    statement: bool,
    ctrl_enter: Option<Message>,
) -> Option<Binding<Message>> {
    let focused = matches!(press.status, text_editor::Status::Focused { .. });
    match press.key.as_ref() {
        Key::Named(Named::Tab) => None,
        Key::Named(Named::Enter) if focused && press.modifiers.command() => {
            ctrl_enter.map(Binding::Custom)
        }
        Key::Named(Named::Enter) if focused && statement => Some(Binding::Sequence(Vec::new())),
        _ => Binding::from_key_press(press),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::synthetic::{Size, curriculum};
    use iced::widget::text_editor::{Action, Edit as Typing, Motion};

    fn typed(field: &LongField, text: &str) -> Vec<FieldAction> {
        let mut actions = vec![FieldAction {
            field: field.clone(),
            action: Action::Move(Motion::DocumentEnd),
        }];
        actions.extend(text.chars().map(|c| FieldAction {
            field: field.clone(),
            action: Action::Edit(if c == '\n' {
                Typing::Enter
            } else {
                Typing::Insert(c)
            }),
        }));
        actions
    }

    #[test]
    fn a_field_added_after_the_screen_was_built_is_editable() {
        let mut doc = curriculum(Size::TINY);
        let mut fields = Fields::default();
        fields.sync(&doc, []);
        let field = LongField::Text(TextField::OutcomeText(doc.units[0].outcomes[0].id.clone()));
        fields.sync(&doc, [field.clone()]);
        for action in typed(&field, " more") {
            if let Some(edit) = fields.perform(action, &doc) {
                doc.apply(edit).unwrap();
            }
        }
        assert!(doc.units[0].outcomes[0].text.ends_with(" more"));
    }

    #[test]
    fn a_content_that_no_longer_matches_the_document_is_rebuilt() {
        let mut doc = curriculum(Size::TINY);
        let field = LongField::Text(TextField::UnitIntroduction(doc.units[0].id.clone()));
        let mut fields = Fields::default();
        fields.sync(&doc, [field.clone()]);
        doc.units[0].introduction = "Changed elsewhere".into();
        fields.sync(&doc, [field.clone()]);
        assert_eq!(fields.shown(&field).as_deref(), Some("Changed elsewhere"));
    }

    #[test]
    fn enter_at_the_end_of_the_points_keeps_the_new_line_and_changes_nothing() {
        let mut doc = curriculum(Size::TINY);
        let topic = doc.units[0].outcomes[0].content[0].id.clone();
        let field = LongField::Points(topic);
        let mut fields = Fields::default();
        fields.sync(&doc, [field.clone()]);
        let before = doc.clone();
        let edits: Vec<Edit> = typed(&field, "\n")
            .into_iter()
            .filter_map(|action| fields.perform(action, &doc))
            .collect();
        assert!(edits.is_empty(), "{edits:?}");
        fields.sync(&doc, [field.clone()]);
        assert!(
            fields
                .shown(&field)
                .is_some_and(|text| text.ends_with('\n'))
        );
        for action in typed(&field, "Westgard rules") {
            if let Some(edit) = fields.perform(action, &doc) {
                doc.apply(edit).unwrap();
                fields.sync(&doc, [field.clone()]);
            }
        }
        let points = &doc.units[0].outcomes[0].content[0].points;
        assert_eq!(
            points.len(),
            before.units[0].outcomes[0].content[0].points.len() + 1
        );
        assert_eq!(points.last().map(String::as_str), Some("Westgard rules"));
    }
}
