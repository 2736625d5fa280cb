//! Work kept for after a crash, as the window handles it: a recovery file found when a file is
//! opened (by any route) or at start is offered before anything can overwrite it; restoring
//! opens it as its file, unsaved; while there are unsaved edits the document is autosaved.

use super::{App, Banner, Message, Pending, Session, Work, files};
use iced::Task;

impl App {
    pub(super) fn loaded(
        &mut self,
        result: Result<Box<super::Opened>, super::FileError>,
    ) -> Task<Message> {
        self.busy.remove(&Work::Opening);
        let mut opened = match result {
            Ok(opened) => opened,
            Err(error) => {
                self.banner = Some(Banner::Error(error.to_string()));
                return Task::none();
            }
        };
        let remember = files::remember(&mut self.recent, &opened.path, self.recent_list.clone());
        self.banner = opened.other_editor.as_ref().map(|other| {
            Banner::Notice(
                format!(
                    "{other} too. Changes you both save may clash: HTQ Studio will warn before \
                     overwriting theirs."
                ),
                None,
            )
        });
        let offer = opened.recovery.take();
        let restored = opened.restored;
        let mut session = Session::opened(*opened);
        if restored {
            session.history.mark_unsaved();
        }
        self.open_session(session);
        if let Some(mut offer) = offer {
            offer.for_open_file = true;
            self.offer_recovery(offer);
        }
        if restored {
            self.banner = Some(Banner::Notice(
                "Recovered unsaved work. Save it to keep it; until then it is autosaved as before."
                    .into(),
                None,
            ));
            return Task::batch([remember, self.autosave()]);
        }
        remember
    }

    /// Adds `offer` to the recovery offers unless the same recovery file is offered already.
    pub(super) fn offer_recovery(&mut self, offer: super::RecoveryOffer) {
        match self
            .recoveries
            .iter_mut()
            .find(|known| known.recovery.recovery_file == offer.recovery.recovery_file)
        {
            Some(known) => known.for_open_file |= offer.for_open_file,
            None => self.recoveries.push(offer),
        }
    }

    pub(super) fn autosave(&mut self) -> Task<Message> {
        let (Some(recovery), Some(session)) = (&self.recovery, self.session()) else {
            return Task::none();
        };
        let revision = session.revision();
        // Recovered work of this file waits for the designer's answer: writing ours now would
        // overwrite it.
        let waiting = self.recoveries.iter().any(|offer| offer.for_open_file);
        if !session.is_dirty() || self.autosaved_revision == Some(revision) || waiting {
            return Task::none();
        }
        files::autosave(
            recovery.clone(),
            session.path.clone(),
            session.doc.clone(),
            revision,
        )
    }

    pub(super) fn recover(&mut self, index: usize, restore: bool) -> Task<Message> {
        if index >= self.recoveries.len() {
            return Task::none();
        }
        let offer = self.recoveries.remove(index);
        if restore {
            self.guard(Pending::Restore(Box::new(offer)))
        } else {
            files::remove_recovery(offer.recovery)
        }
    }

    /// Opens the recovered work of `offer` in place of the open document.
    pub(super) fn restore(&mut self, offer: super::RecoveryOffer) -> Task<Message> {
        if offer.recovery.original.is_none() {
            let mut session = Session::new(*offer.doc, None);
            session.history.mark_unsaved();
            self.open_session(session);
            self.banner = Some(Banner::Notice(
                "Recovered unsaved work. Save it to keep it; until then it is autosaved as before."
                    .into(),
                None,
            ));
            // An untitled document's recovery file is named after the process that wrote it;
            // the next autosave writes this process's own.
            return Task::batch([self.autosave(), files::remove_recovery(offer.recovery)]);
        }
        if let Some(workspace) = &mut self.workspace {
            workspace.session.release_lock();
        }
        self.busy.insert(Work::Opening);
        files::open_recovered(offer)
    }
}
