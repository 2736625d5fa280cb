//! Undo and redo over [`Edit`]s, with typing in one field coalesced into one step, and the
//! "unsaved changes" mark derived from where the history stands against the last save.

use super::{Curriculum, Edit, EditError};

#[derive(Debug, Clone)]
struct Step {
    /// The edit as last applied (what redo re-applies).
    forward: Edit,
    /// The edit that undoes it.
    inverse: Edit,
    /// Identifies the document state this step leads to.
    serial: u64,
}

/// Undo/redo history of one open document.
#[derive(Debug, Clone, Default)]
pub struct History {
    undo: Vec<Step>,
    redo: Vec<Step>,
    next_serial: u64,
    saved_serial: u64,
    sealed: bool,
    revision: u64,
}

impl History {
    /// A history whose current state counts as saved.
    pub fn new() -> Self {
        Self {
            next_serial: 1,
            ..Self::default()
        }
    }

    /// Applies `edit` to `doc` and records it. Consecutive text edits of the same field join
    /// into one step until [`History::seal`] is called or another kind of edit comes.
    pub fn apply(&mut self, doc: &mut Curriculum, edit: Edit) -> Result<(), EditError> {
        let inverse = doc.apply(edit.clone())?;
        self.revision += 1;
        self.redo.clear();
        if !self.sealed
            && let Some(last) = self.undo.last_mut()
            && last.forward.continues_typing(&edit)
            && last.serial != self.saved_serial
        {
            last.forward = edit;
            return Ok(());
        }
        let serial = self.take_serial();
        self.undo.push(Step {
            forward: edit,
            inverse,
            serial,
        });
        self.sealed = false;
        Ok(())
    }

    /// Ends the current typing step: the next text edit starts a new undo step.
    pub fn seal(&mut self) {
        self.sealed = true;
    }

    /// Undoes the last step. Returns false when there is nothing to undo.
    pub fn undo(&mut self, doc: &mut Curriculum) -> bool {
        let Some(step) = self.undo.pop() else {
            return false;
        };
        match doc.apply(step.inverse) {
            Ok(forward_again) => {
                self.redo.push(Step {
                    forward: step.forward,
                    inverse: forward_again,
                    serial: step.serial,
                });
                self.revision += 1;
                self.sealed = true;
                true
            }
            Err(_) => {
                self.undo.clear();
                self.redo.clear();
                false
            }
        }
    }

    /// Redoes the last undone step. Returns false when there is nothing to redo.
    pub fn redo(&mut self, doc: &mut Curriculum) -> bool {
        let Some(step) = self.redo.pop() else {
            return false;
        };
        match doc.apply(step.forward.clone()) {
            Ok(inverse) => {
                self.undo.push(Step {
                    forward: step.forward,
                    inverse,
                    serial: step.serial,
                });
                self.revision += 1;
                self.sealed = true;
                true
            }
            Err(_) => {
                self.redo.clear();
                false
            }
        }
    }

    /// Whether there is a step to undo.
    pub fn can_undo(&self) -> bool {
        !self.undo.is_empty()
    }

    /// Whether there is a step to redo.
    pub fn can_redo(&self) -> bool {
        !self.redo.is_empty()
    }

    /// Marks the current state as saved.
    pub fn mark_saved(&mut self) {
        self.saved_serial = self.current_serial();
        self.sealed = true;
    }

    /// Marks the current state as not saved (a document restored from a recovery file).
    pub fn mark_unsaved(&mut self) {
        self.saved_serial = u64::MAX;
    }

    /// Whether the document differs from the last saved state.
    pub fn is_dirty(&self) -> bool {
        self.current_serial() != self.saved_serial
    }

    /// Counts every change (edit, undo, redo); caches key on it.
    pub fn revision(&self) -> u64 {
        self.revision
    }

    /// Every step that can be undone, oldest first, as last applied (for "what changed" lists).
    pub fn edits(&self) -> impl Iterator<Item = &Edit> {
        self.undo.iter().map(|step| &step.forward)
    }

    fn current_serial(&self) -> u64 {
        self.undo.last().map_or(0, |step| step.serial)
    }

    fn take_serial(&mut self) -> u64 {
        let serial = self.next_serial;
        self.next_serial += 1;
        serial
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::TextField;
    use crate::model::synthetic::{Size, curriculum};

    fn doc() -> Curriculum {
        curriculum(Size {
            units: 2,
            outcomes_per_unit: 2,
            criteria_per_outcome: 3,
            standards: 1,
            ksbs_per_standard: 4,
            mappings: 4,
        })
    }

    fn type_title(history: &mut History, doc: &mut Curriculum, text: &str) {
        for end in 1..=text.len() {
            history
                .apply(
                    doc,
                    Edit::SetText {
                        field: TextField::UnitTitle("u0".into()),
                        value: text[..end].to_owned(),
                    },
                )
                .unwrap();
        }
    }

    #[test]
    fn typing_in_one_field_is_one_undo_step() {
        let mut doc = doc();
        let original = doc.clone();
        let mut history = History::new();
        type_title(&mut history, &mut doc, "Biosafety");
        assert_eq!(doc.units[0].title, "Biosafety");
        assert!(history.is_dirty());
        assert!(history.undo(&mut doc));
        assert_eq!(doc, original);
        assert!(!history.can_undo());
        assert!(!history.is_dirty());
        assert!(history.redo(&mut doc));
        assert_eq!(doc.units[0].title, "Biosafety");
    }

    #[test]
    fn sealing_starts_a_new_step_and_save_tracks_dirtiness() {
        let mut doc = doc();
        let mut history = History::new();
        type_title(&mut history, &mut doc, "Bio");
        history.mark_saved();
        assert!(!history.is_dirty());
        type_title(&mut history, &mut doc, "Biosafety");
        assert!(history.is_dirty());
        history.undo(&mut doc);
        assert_eq!(doc.units[0].title, "Bio");
        assert!(!history.is_dirty(), "back at the saved state");
        history.undo(&mut doc);
        assert!(history.is_dirty(), "before the saved state");
        history.redo(&mut doc);
        assert!(!history.is_dirty());
    }

    #[test]
    fn a_new_edit_clears_redo() {
        let mut doc = doc();
        let mut history = History::new();
        type_title(&mut history, &mut doc, "A");
        history.undo(&mut doc);
        assert!(history.can_redo());
        history
            .apply(
                &mut doc,
                Edit::SetNumber {
                    field: crate::model::NumberField::UnitGlh("u0".into()),
                    value: 40,
                },
            )
            .unwrap();
        assert!(!history.can_redo());
        assert_eq!(history.edits().count(), 1);
    }
}
