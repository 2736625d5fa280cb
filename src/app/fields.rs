//! Multi-line text fields backed by `text_editor::Content`, kept in step with the document.
//!
//! A screen owns one [`Fields`]. After every document change the screen calls [`Fields::sync`]
//! with the revision; contents are rebuilt only when the change came from elsewhere (undo,
//! redo, another screen), so the cursor stays put while the user types.

use crate::model::{Edit, TextField};
use iced::widget::text_editor::{self, Content};
use iced::widget::{self, text_editor as editor};
use iced::{Element, Length};
use std::collections::HashMap;

/// Messages a multi-line field sends.
#[derive(Debug, Clone)]
pub struct FieldAction {
    /// The field.
    pub field: TextField,
    /// What the user did.
    pub action: text_editor::Action,
}

/// The widget id of a field, so a finding can focus it.
pub fn field_id(field: &TextField) -> widget::Id {
    widget::Id::from(format!("{field:?}"))
}

/// Editable contents of the multi-line fields on one screen.
#[derive(Default)]
pub struct Fields {
    contents: HashMap<TextField, Content>,
    revision: Option<u64>,
}

impl std::fmt::Debug for Fields {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Fields")
            .field("fields", &self.contents.len())
            .field("revision", &self.revision)
            .finish()
    }
}

impl Fields {
    /// Rebuilds the contents from `values` unless they are already at `revision`.
    pub fn sync(&mut self, revision: u64, values: impl IntoIterator<Item = (TextField, String)>) {
        if self.revision == Some(revision) {
            return;
        }
        self.contents = values
            .into_iter()
            .map(|(field, value)| (field, Content::with_text(&value)))
            .collect();
        self.revision = Some(revision);
    }

    /// Forgets the contents so the next `sync` rebuilds them.
    pub fn invalidate(&mut self) {
        self.revision = None;
    }

    /// Performs `action` on its field. Returns the document edit when the text changed.
    pub fn perform(&mut self, action: FieldAction) -> Option<Edit> {
        let content = self.contents.get_mut(&action.field)?;
        let is_edit = action.action.is_edit();
        content.perform(action.action);
        is_edit.then(|| Edit::SetText {
            value: content.text().trim_end_matches('\n').to_owned(),
            field: action.field,
        })
    }

    /// Records that the document is at `revision` because of this screen's own edit.
    pub fn acknowledge(&mut self, revision: u64) {
        if self.revision.is_some() {
            self.revision = Some(revision);
        }
    }

    /// The editor widget for `field`; empty text if the field is unknown.
    pub fn view<'a, Message: Clone + 'a>(
        &'a self,
        field: &TextField,
        placeholder: &'a str,
        on_action: impl Fn(FieldAction) -> Message + 'a,
    ) -> Element<'a, Message> {
        match self.contents.get(field) {
            Some(content) => {
                let owned = field.clone();
                editor(content)
                    .id(field_id(field))
                    .placeholder(placeholder)
                    .on_action(move |action| {
                        on_action(FieldAction {
                            field: owned.clone(),
                            action,
                        })
                    })
                    .height(Length::Shrink)
                    .padding(8)
                    .into()
            }
            None => widget::text("").into(),
        }
    }
}
