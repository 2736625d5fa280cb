//! The file flows of the window: asking before unsaved changes are dropped, saving (with Save
//! As when there is no path yet), and acting on the paths file dialogs return.

use super::files::FileError;
use super::{
    App, Banner, Choice, Conflict, DialogRequest, Message, Pending, Purpose, Session, Work, files,
};
use crate::export;
use crate::store::SaveError;
use iced::{Task, window};
use std::path::{Path, PathBuf};

impl App {
    /// Runs `pending` now, or asks first when there are unsaved changes.
    pub(super) fn guard(&mut self, pending: Pending) -> Task<Message> {
        if self.session().is_some_and(Session::is_dirty) {
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
            Pending::OpenPath(path) => self.open_path(path),
            Pending::Restore(offer) => self.restore(*offer),
            Pending::Close => {
                self.workspace = None;
                Task::none()
            }
            Pending::Quit(id) => {
                // Dropping the workspace removes our lock note beside the file.
                self.workspace = None;
                window::close(id)
            }
        }
    }

    fn open_path(&mut self, path: PathBuf) -> Task<Message> {
        if let Some(workspace) = &mut self.workspace
            && workspace.session.path.as_deref() == Some(path.as_path())
        {
            workspace.session.release_lock();
        }
        self.busy.insert(Work::Opening);
        files::load(path, self.recovery.clone())
    }

    pub(super) fn answer(&mut self, choice: Choice) -> Task<Message> {
        let Some(pending) = self.pending.take() else {
            return Task::none();
        };
        match choice {
            Choice::Cancel => Task::none(),
            Choice::Discard => {
                let mut forget = Task::none();
                if let Some(workspace) = &mut self.workspace {
                    let session = &mut workspace.session;
                    session.history.mark_saved();
                    if let Some(recovery) = &self.recovery {
                        forget = files::discard_recovery(recovery.clone(), session.path.clone());
                    }
                }
                Task::batch([forget, self.proceed(pending)])
            }
            Choice::Save => {
                let has_path = self.session().is_some_and(|s| s.path.is_some());
                self.pending = Some(pending);
                self.save(!has_path)
            }
        }
    }

    pub(super) fn save(&mut self, ask: bool) -> Task<Message> {
        let Some(session) = self.session() else {
            return Task::none();
        };
        match (&session.path, ask) {
            (Some(path), false) => {
                let path = path.clone();
                let expected = session.fingerprint.clone();
                self.save_to(path, expected)
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
        let Some(session) = self.session() else {
            return Task::none();
        };
        let task = files::save(
            path,
            session.doc.clone(),
            expected,
            self.recovery.clone(),
            session.path.clone(),
        );
        self.busy.insert(Work::Saving);
        task
    }

    pub(super) fn saved(
        &mut self,
        result: Result<Box<files::Written>, FileError>,
    ) -> Task<Message> {
        self.busy.remove(&Work::Saving);
        match result {
            Ok(written) => {
                let remember =
                    files::remember(&mut self.recent, &written.path, self.recent_list.clone());
                if let Some(workspace) = &mut self.workspace {
                    workspace.session.saved(*written);
                    workspace.conflict = None;
                }
                self.banner = None;
                let next = match self.pending.take() {
                    Some(pending) => self.proceed(pending),
                    None => Task::none(),
                };
                Task::batch([remember, next])
            }
            Err(FileError::Save(SaveError::ChangedOnDisk { path })) => {
                self.pending = None;
                if let Some(workspace) = &mut self.workspace {
                    workspace.conflict = Some(Conflict { path, theirs: None });
                }
                Task::none()
            }
            Err(error) => {
                self.pending = None;
                self.banner = Some(Banner::Error(format!(
                    "{error}. Your changes are still open and unsaved."
                )));
                Task::none()
            }
        }
    }

    pub(super) fn pick(&mut self, purpose: Purpose) -> Task<Message> {
        let request = DialogRequest {
            purpose,
            suggested_name: self.suggested_name(purpose),
            folder: self
                .session()
                .and_then(|s| s.path.as_deref())
                .and_then(Path::parent)
                .filter(|folder| !folder.as_os_str().is_empty())
                .map(Path::to_path_buf),
        };
        let future = self.dialogs.pick(request);
        Task::perform(future, move |path| Message::Picked(purpose, path))
    }

    /// The file name a save dialog offers: the curriculum's own, or one made from its title.
    pub(super) fn suggested_name(&self, purpose: Purpose) -> String {
        let session = self.session();
        let stem = session
            .and_then(|s| s.path.as_deref())
            .and_then(Path::file_stem)
            .map(|s| s.to_string_lossy().into_owned())
            .or_else(|| session.map(|s| file_stem_of(&s.doc.qualification.title)))
            .filter(|stem| !stem.is_empty())
            .unwrap_or_else(|| "curriculum".to_owned());
        match purpose {
            Purpose::ExportPdf => format!("{stem}.pdf"),
            Purpose::ExportMinutes => format!("{stem}-minutes.pdf"),
            Purpose::ExportCsv => format!("{stem}-ksb-mapping.csv"),
            Purpose::ExportHtml => format!("{stem}.html"),
            Purpose::ExportCase => format!("{stem}-case.json"),
            Purpose::ExportStructureWorkbook => format!("{stem}-structure.xlsx"),
            Purpose::ExportMappingWorkbook => format!("{stem}-ksb-mapping.xlsx"),
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
        let now = (self.clock)();
        let Some(workspace) = &self.workspace else {
            return match purpose {
                Purpose::OpenCurriculum => self.open_path(path),
                _ => Task::none(),
            };
        };
        let doc = workspace.session.doc.clone();
        let source = workspace.session.path.clone();
        let (extension, make): (&str, files::Export) = match purpose {
            Purpose::OpenCurriculum => return self.open_path(path),
            Purpose::SaveCurriculum => {
                let path = files::with_extension(path, "ron");
                let same_file = workspace.session.path.as_ref() == Some(&path);
                let expected = workspace.session.fingerprint.clone().filter(|_| same_file);
                return self.save_to(path, expected);
            }
            Purpose::UnitLibrary => return files::load_library(path),
            Purpose::CompareWith => return files::load_for_compare(path),
            Purpose::ImportStandard => return files::read_standard(path),
            Purpose::ExportPdf => {
                let options = export::PdfOptions {
                    include_minutes: workspace.meeting.minutes_in_specification,
                    created: Some(now),
                    ..export::PdfOptions::default()
                };
                (
                    "pdf",
                    Box::new(move |doc| export::specification_pdf(doc, &options)),
                )
            }
            Purpose::ExportMinutes => (
                "pdf",
                Box::new(move |doc| export::minutes_pdf(doc, Some(now))),
            ),
            Purpose::ExportCsv => (
                "csv",
                Box::new(|doc| Ok(export::mapping_csv::mapping_csv(doc).into_bytes())),
            ),
            Purpose::ExportHtml => (
                "html",
                Box::new(|doc| export::specification_html(doc).map(String::into_bytes)),
            ),
            Purpose::ExportCase => (
                "json",
                Box::new(move |doc| Ok(export::case_json(doc, now).into_bytes())),
            ),
            Purpose::ExportStructureWorkbook => ("xlsx", Box::new(export::structure_xlsx)),
            Purpose::ExportMappingWorkbook => ("xlsx", Box::new(export::mapping_xlsx)),
        };
        self.busy.insert(Work::Exporting);
        files::export_with(files::with_extension(path, extension), doc, source, make)
    }
}

/// A file name from a qualification's title: lower case words joined by hyphens, letters and
/// digits only, at most 60 characters ("Level 5 HTQ Diploma in Medical Technology" gives
/// "level-5-htq-diploma-in-medical-technology").
fn file_stem_of(title: &str) -> String {
    let words: Vec<String> = title
        .split(|c: char| !c.is_alphanumeric())
        .filter(|word| !word.is_empty())
        .map(str::to_lowercase)
        .collect();
    let mut stem = String::new();
    for word in words {
        if stem.chars().count() + word.chars().count() + 1 > 60 {
            break;
        }
        if !stem.is_empty() {
            stem.push('-');
        }
        stem.push_str(&word);
    }
    stem
}

#[cfg(test)]
mod tests {
    use super::file_stem_of;

    #[test]
    fn a_title_becomes_a_file_name() {
        assert_eq!(
            file_stem_of("Level 5 HTQ Diploma in Medical Technology"),
            "level-5-htq-diploma-in-medical-technology"
        );
        assert_eq!(file_stem_of("  ***  "), "");
        assert!(file_stem_of(&"word ".repeat(40)).len() <= 60);
    }
}
