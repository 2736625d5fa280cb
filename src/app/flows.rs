//! The file flows of the window: asking before unsaved changes are dropped, saving (with Save
//! As when there is no path yet), and acting on the paths file dialogs return.

use super::{App, Banner, Choice, Conflict, Message, Pending, Purpose, Session, files};
use crate::store::SaveError;
use iced::{Task, window};
use std::path::PathBuf;

impl App {
    /// Runs `pending` now, or asks first when there are unsaved changes.
    pub(super) fn guard(&mut self, pending: Pending) -> Task<Message> {
        let dirty = self.session.as_ref().is_some_and(Session::is_dirty);
        if dirty {
            self.pending = Some(pending);
            Task::none()
        } else {
            self.proceed(pending)
        }
    }

    pub(super) fn proceed(&mut self, pending: Pending) -> Task<Message> {
        match pending {
            Pending::New => {
                self.open_session(Session::new(files::new_curriculum(), None));
                Task::none()
            }
            Pending::Open => self.pick(Purpose::OpenCurriculum),
            Pending::OpenPath(path) => {
                self.busy = true;
                files::load(path)
            }
            Pending::Close => {
                self.session = None;
                self.search = None;
                Task::none()
            }
            Pending::Quit(id) => window::close(id),
        }
    }

    pub(super) fn answer(&mut self, choice: Choice) -> Task<Message> {
        let Some(pending) = self.pending.take() else {
            return Task::none();
        };
        match choice {
            Choice::Cancel => Task::none(),
            Choice::Discard => {
                let mut forget = Task::none();
                if let Some(session) = &mut self.session {
                    session.history.mark_saved();
                    if let Some(recovery) = &self.recovery {
                        forget = files::discard_recovery(recovery.clone(), session.path.clone());
                    }
                }
                Task::batch([forget, self.proceed(pending)])
            }
            Choice::Save => {
                let has_path = self.session.as_ref().is_some_and(|s| s.path.is_some());
                if has_path {
                    self.pending = Some(pending);
                    self.save(false)
                } else {
                    self.pending = Some(pending);
                    self.save(true)
                }
            }
        }
    }

    pub(super) fn save(&mut self, ask: bool) -> Task<Message> {
        let Some(session) = &self.session else {
            return Task::none();
        };
        match (&session.path, ask) {
            (Some(path), false) => {
                let expected = session.fingerprint.clone();
                self.save_to(path.clone(), expected)
            }
            _ => self.pick(Purpose::SaveCurriculum),
        }
    }

    /// Saves the document to `path`; with `expected`, only if the file is still as we knew it.
    pub(super) fn save_to(
        &mut self,
        path: PathBuf,
        expected: Option<crate::store::Fingerprint>,
    ) -> Task<Message> {
        let Some(session) = &self.session else {
            return Task::none();
        };
        self.busy = true;
        files::save(
            path,
            session.doc.clone(),
            expected,
            self.recovery.clone(),
            session.path.clone(),
        )
    }

    pub(super) fn saved(
        &mut self,
        result: Result<Box<files::Written>, SaveError>,
    ) -> Task<Message> {
        self.busy = false;
        match result {
            Ok(written) => {
                let remember = files::remember(&mut self.recent, &written.path);
                if let Some(session) = &mut self.session {
                    session.saved(*written);
                }
                self.banner = None;
                self.conflict = None;
                let next = match self.pending.take() {
                    Some(pending) => self.proceed(pending),
                    None => Task::none(),
                };
                Task::batch([remember, next])
            }
            Err(SaveError::ChangedOnDisk { path }) => {
                self.pending = None;
                self.conflict = Some(Conflict { path, theirs: None });
                Task::none()
            }
            Err(error) => {
                self.pending = None;
                self.banner = Some(Banner::Error(format!(
                    "{error} Your changes are still open and unsaved."
                )));
                Task::none()
            }
        }
    }

    pub(super) fn pick(&mut self, purpose: Purpose) -> Task<Message> {
        let suggested = self.suggested_name(purpose);
        let future = self.dialogs.pick(purpose, suggested);
        Task::perform(future, move |path| Message::Picked(purpose, path))
    }

    pub(super) fn suggested_name(&self, purpose: Purpose) -> String {
        let stem = self
            .session
            .as_ref()
            .and_then(|s| s.path.as_deref())
            .and_then(|p| p.file_stem())
            .map_or_else(
                || "curriculum".to_owned(),
                |s| s.to_string_lossy().into_owned(),
            );
        match purpose {
            Purpose::ExportPdf => format!("{stem}.pdf"),
            Purpose::ExportMinutes => format!("{stem}-minutes.pdf"),
            Purpose::ExportCsv => format!("{stem}-ksb-mapping.csv"),
            _ => format!("{stem}.ron"),
        }
    }

    pub(super) fn picked(&mut self, purpose: Purpose, path: Option<PathBuf>) -> Task<Message> {
        let Some(path) = path else {
            if purpose == Purpose::SaveCurriculum {
                self.pending = None;
            }
            return Task::none();
        };
        match purpose {
            Purpose::OpenCurriculum => {
                self.busy = true;
                files::load(path)
            }
            Purpose::SaveCurriculum => {
                let path = files::with_extension(path, "ron");
                let same_file = self.session.as_ref().and_then(|s| s.path.as_ref()) == Some(&path);
                let expected = self
                    .session
                    .as_ref()
                    .filter(|_| same_file)
                    .and_then(|s| s.fingerprint.clone());
                self.save_to(path, expected)
            }
            Purpose::ExportPdf => match &self.session {
                Some(session) => {
                    self.busy = true;
                    files::export_pdf(
                        files::with_extension(path, "pdf"),
                        session.doc.clone(),
                        self.meeting.minutes_in_specification,
                    )
                }
                None => Task::none(),
            },
            Purpose::ExportMinutes => match &self.session {
                Some(session) => {
                    self.busy = true;
                    files::export_minutes(files::with_extension(path, "pdf"), session.doc.clone())
                }
                None => Task::none(),
            },
            Purpose::ExportCsv => match &self.session {
                Some(session) => {
                    files::export_csv(files::with_extension(path, "csv"), session.doc.clone())
                }
                None => Task::none(),
            },
            Purpose::UnitLibrary => files::load_library(path),
            Purpose::CompareWith => files::load_for_compare(path),
            Purpose::ImportStandard => files::read_standard(path),
        }
    }
}
