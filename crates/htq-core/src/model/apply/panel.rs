//! Edits of the panel record: item statuses, decisions, comments and actions, members and
//! sessions. An item's record is started by its first status or entry and, on undo, removed
//! again, so undoing leaves the record exactly as it was.

use super::super::edit::missing;
use super::super::{
    Curriculum, Edit, EditError, ItemRecord, ItemRef, ItemStatus, Member, PanelSession,
};
use super::check_index;
use std::collections::HashSet;

impl Curriculum {
    /// Applies an edit of the panel record (see `apply_one` for which).
    pub(super) fn apply_panel(&mut self, edit: Edit) -> Result<Edit, EditError> {
        match edit {
            Edit::SetStatus { item, status } => Ok(self.set_status(item, status)),
            Edit::AddEntry { item, entry } => {
                if let Some(member) = &entry.member
                    && self.panel.member(member).is_none()
                {
                    return Err(missing("panel member", member));
                }
                match self.record_index(&item) {
                    Some(index) => {
                        self.panel.items[index].entries.push(entry);
                        Ok(Edit::RemoveLastEntry { item })
                    }
                    None => {
                        self.panel.items.push(ItemRecord {
                            item: item.clone(),
                            status: ItemStatus::Draft,
                            entries: vec![entry],
                        });
                        Ok(Edit::RemoveItemRecord { item })
                    }
                }
            }
            Edit::RemoveLastEntry { item } => {
                let entry = self
                    .record_index(&item)
                    .and_then(|index| self.panel.items[index].entries.pop())
                    .ok_or_else(|| EditError::Invalid("that item has no entries".into()))?;
                Ok(Edit::AddEntry { item, entry })
            }
            Edit::InsertItemRecord { index, record } => {
                check_index(index, self.panel.items.len())?;
                if self.record_index(&record.item).is_some() {
                    return Err(EditError::Invalid(
                        "that item already has a panel record".into(),
                    ));
                }
                let item = record.item.clone();
                self.panel.items.insert(index, record);
                Ok(Edit::RemoveItemRecord { item })
            }
            Edit::RemoveItemRecord { item } => {
                let index = self
                    .record_index(&item)
                    .ok_or_else(|| EditError::Invalid("that item has no panel record".into()))?;
                let record = self.panel.items.remove(index);
                Ok(Edit::InsertItemRecord { index, record })
            }
            Edit::SetPanelPeople { members, sessions } => self.set_people(members, sessions),
            other => Err(EditError::Invalid(format!(
                "{other:?} is not an edit of the panel record"
            ))),
        }
    }

    /// Sets the status of `item`; an item with no record gains one, which the inverse removes.
    fn set_status(&mut self, item: ItemRef, status: ItemStatus) -> Edit {
        match self.record_index(&item) {
            Some(index) => {
                let old = std::mem::replace(&mut self.panel.items[index].status, status);
                Edit::SetStatus { item, status: old }
            }
            None => {
                self.panel.items.push(ItemRecord {
                    item: item.clone(),
                    status,
                    entries: Vec::new(),
                });
                Edit::RemoveItemRecord { item }
            }
        }
    }

    fn set_people(
        &mut self,
        members: Vec<Member>,
        sessions: Vec<PanelSession>,
    ) -> Result<Edit, EditError> {
        let mut ids = HashSet::new();
        if let Some(member) = members.iter().find(|m| !ids.insert(m.id.as_str())) {
            return Err(EditError::DuplicateId(member.id.clone()));
        }
        let mut on_record = self
            .panel
            .items
            .iter()
            .flat_map(|record| &record.entries)
            .filter_map(|entry| entry.member.as_deref());
        if let Some(kept_out) = on_record.find(|m| !ids.contains(m)) {
            return Err(EditError::Invalid(format!(
                "panel member {kept_out} has decisions or comments on record and cannot be \
                 removed"
            )));
        }
        let mut session_ids = HashSet::new();
        for session in &sessions {
            if !session_ids.insert(session.id.as_str()) {
                return Err(EditError::DuplicateId(session.id.clone()));
            }
            if let Some(unknown) = session.attendees.iter().find(|a| !ids.contains(a.as_str())) {
                return Err(missing("panel member", unknown));
            }
        }
        let members = std::mem::replace(&mut self.panel.members, members);
        let sessions = std::mem::replace(&mut self.panel.sessions, sessions);
        Ok(Edit::SetPanelPeople { members, sessions })
    }

    fn record_index(&self, item: &ItemRef) -> Option<usize> {
        self.panel
            .items
            .iter()
            .position(|record| &record.item == item)
    }
}
