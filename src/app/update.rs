//! `App::update`: messages become edits (through the session, the only way the document
//! changes) and tasks. After every change each screen is brought in line with the document;
//! an edit that adds an item puts the cursor in its first field.

use super::screen::{self, workshop};
use super::shortcuts::{self, Command};
use super::{
    App, Banner, Message, Pending, Resolution, Screen, Session, WORKSHOP_ZOOM, Work, Workspace,
    fields, files, theme,
};
use crate::analysis::Location;
use crate::model::{Edit, ItemRef, ItemStatus};
use iced::keyboard;
use iced::widget::operation;
use iced::{Task, window};

impl App {
    /// Handles a message, then starts the analysis the document's revision still needs.
    pub fn update(&mut self, message: Message) -> Task<Message> {
        let task = self.handle(message);
        Task::batch([task, self.start_analysis()])
    }

    /// Runs the analysis the open document's revision needs on a worker thread, unless one
    /// is running already.
    fn start_analysis(&mut self) -> Task<Message> {
        let Some(job) = self
            .workspace
            .as_mut()
            .and_then(|w| w.session.analysis_job())
        else {
            return Task::none();
        };
        let session = job.session();
        Task::perform(
            super::worker::run(Work::Checking, move || Box::new(job.run())),
            move |outcome| Message::Analysed(session.clone(), outcome),
        )
    }

    /// Takes the answer of an analysis into the session it is for.
    fn analysed(
        &mut self,
        session: &super::SessionKey,
        outcome: Result<Box<super::Analysed>, super::WorkerFailed>,
    ) -> Task<Message> {
        let Some(workspace) = self.workspace.as_mut().filter(|w| w.session.is(session)) else {
            return Task::none();
        };
        match outcome {
            Ok(done) => workspace.session.analysed(*done),
            Err(error) => {
                workspace.session.analysis_failed();
                self.banner = Some(Banner::Error(error.to_string()));
            }
        }
        Task::none()
    }

    fn handle(&mut self, message: Message) -> Task<Message> {
        match message {
            Message::Analysed(session, outcome) => self.analysed(&session, outcome),
            Message::Key(key, modifiers, captured) => {
                match shortcuts::command(&key, modifiers, captured) {
                    Some(command) => self.command(command),
                    None => self.unclaimed_key(&key, captured),
                }
            }
            Message::Command(command) => self.command(command),
            Message::OpenPath(path) | Message::Dropped(path) => self.guard(Pending::OpenPath(path)),
            Message::TypedPath(path) => {
                self.typed_path = path;
                Task::none()
            }
            Message::Picked(purpose, path) => self.picked(purpose, path),
            Message::Loaded(result) => self.loaded(result),
            Message::Saved(result) => self.saved(result),
            Message::AutosaveTick => self.autosave(),
            Message::Autosaved(result) => {
                match result {
                    Ok(revision) => {
                        self.autosaved_revision = Some(revision);
                        self.autosave_error = None;
                    }
                    Err(error) => self.autosave_error = Some(error),
                }
                Task::none()
            }
            Message::RecoveriesFound(offers) => {
                for offer in offers {
                    self.offer_recovery(offer);
                }
                Task::none()
            }
            Message::Recover(index, restore) => self.recover(index, restore),
            Message::RecoverLater => {
                self.reviewing_recoveries = false;
                Task::none()
            }
            Message::ReviewRecoveries => {
                self.reviewing_recoveries = true;
                Task::none()
            }
            Message::TheirsLoaded(result) => {
                match (result, &mut self.workspace) {
                    (Ok(theirs), Some(workspace)) => {
                        if let Some(conflict) = &mut workspace.conflict {
                            conflict.theirs =
                                Some(crate::analysis::compare(&theirs, &workspace.session.doc));
                        }
                    }
                    (Err(error), _) => self.banner = Some(Banner::Error(error.to_string())),
                    _ => {}
                }
                Task::none()
            }
            Message::Resolve(resolution) => self.resolve(resolution),
            Message::Exported(result) => {
                self.busy.remove(&Work::Exporting);
                self.banner = Some(match result {
                    Ok(path) => Banner::Notice(format!("Exported {}", path.display()), Some(path)),
                    Err(error) => Banner::Error(error.to_string()),
                });
                Task::none()
            }
            Message::OpenExternally(path) => {
                if let Err(error) = files::open_externally(&path) {
                    self.banner = Some(Banner::Error(error.to_string()));
                }
                Task::none()
            }
            Message::Prompt(choice) => self.answer(choice),
            Message::Navigate(screen) => {
                self.sidebar_open = false;
                if let Some(workspace) = &mut self.workspace {
                    workspace.navigate(screen);
                }
                Task::none()
            }
            Message::Locate(location) => self.locate(&location),
            Message::CloseRequested(id) => self.guard(Pending::Quit(id)),
            Message::Terminate => {
                let keep = match (&self.recovery, self.session()) {
                    (Some(recovery), Some(session)) if session.is_dirty() => {
                        Some((recovery.clone(), session.path.clone(), session.doc.clone()))
                    }
                    _ => None,
                };
                files::keep_and_exit(keep)
            }
            Message::Exit => {
                // Dropping the workspace removes our lock note beside the file.
                self.workspace = None;
                iced::exit()
            }
            Message::Resized(size) => {
                self.window_size = size * self.zoom;
                self.fit_matrix();
                Task::none()
            }
            Message::DismissBanner => {
                self.banner = None;
                Task::none()
            }
            Message::ToggleMenu => {
                self.menu_open = !self.menu_open;
                Task::none()
            }
            Message::ToggleSidebar => {
                self.sidebar_open = !self.sidebar_open;
                Task::none()
            }
            Message::FromMenu(message) => {
                self.menu_open = false;
                self.update(*message)
            }
            Message::ToggleAppearance => {
                self.appearance = self.appearance.toggled();
                Task::none()
            }
            Message::Structure(message) => {
                let action = match &mut self.workspace {
                    Some(w) => w.structure.update(message, &w.session),
                    None => screen::Action::None,
                };
                self.act(action)
            }
            Message::Unit(message) => {
                let action = match &mut self.workspace {
                    Some(w) => w.unit.update(message, &w.session),
                    None => screen::Action::None,
                };
                self.act(action)
            }
            Message::Findings(message) => {
                let action = match &mut self.workspace {
                    Some(w) => w.findings.update(message),
                    None => screen::Action::None,
                };
                self.act(action)
            }
            Message::Mapping(message) => {
                let action = match &mut self.workspace {
                    Some(w) => w.mapping.update(message, &w.session),
                    None => screen::Action::None,
                };
                self.act(action)
            }
            Message::Standards(message) => {
                let action = match &mut self.workspace {
                    Some(w) => w.standards.update(message, &w.session),
                    None => screen::Action::None,
                };
                self.act(action)
            }
            Message::Workshop(message) => {
                let now = (self.clock)();
                let action = match &mut self.workspace {
                    Some(w) => w.meeting.update(message, &w.session, now),
                    None => screen::Action::None,
                };
                self.act(action)
            }
            Message::Search(message) => {
                let action = match &mut self.workspace {
                    Some(Workspace {
                        search: Some(search),
                        session,
                        ..
                    }) => search.update(message, &session.doc),
                    _ => screen::Action::None,
                };
                self.act(action)
            }
        }
    }

    fn command(&mut self, command: Command) -> Task<Message> {
        match command {
            Command::New => self.guard(Pending::New),
            Command::Open => self.guard(Pending::Open),
            Command::Save => self.save(false),
            Command::SaveAs => self.save(true),
            Command::Close => self.guard(Pending::Close),
            Command::Undo | Command::Redo => {
                if let Some(workspace) = &mut self.workspace {
                    if command == Command::Undo {
                        workspace.session.undo();
                    } else {
                        workspace.session.redo();
                    }
                    workspace.sync(false);
                }
                Task::none()
            }
            Command::Search => match &mut self.workspace {
                Some(workspace) => {
                    workspace.search = Some(screen::search::State::default());
                    operation::focus(screen::search::INPUT_ID)
                }
                None => Task::none(),
            },
            Command::ExportPdf => self.pick(super::Purpose::ExportPdf),
            Command::ExportHtml => self.pick(super::Purpose::ExportHtml),
            Command::ExportCase => self.pick(super::Purpose::ExportCase),
            Command::ShowShortcuts => {
                self.show_shortcuts = !self.show_shortcuts;
                Task::none()
            }
            Command::Workshop => self.toggle_workshop(),
            Command::ZoomIn | Command::ZoomOut | Command::ZoomReset => {
                self.zoom = match command {
                    Command::ZoomIn => zoom_step(self.zoom, 0.25),
                    Command::ZoomOut => zoom_step(self.zoom, -0.25),
                    _ => 1.0,
                };
                self.fit_matrix();
                Task::none()
            }
            Command::Next | Command::Previous => {
                let forward = command == Command::Next;
                if self.workshop {
                    let message = if forward {
                        workshop::Message::Next
                    } else {
                        workshop::Message::Previous
                    };
                    return self.update(Message::Workshop(message));
                }
                self.step_unit(if forward { 1 } else { -1 });
                Task::none()
            }
            Command::Status(index) => match ItemStatus::ALL.get(index) {
                Some(status) if self.workshop => {
                    self.update(Message::Workshop(workshop::Message::Status(*status)))
                }
                _ => Task::none(),
            },
            Command::NextFinding | Command::PreviousFinding => {
                let forward = command == Command::NextFinding;
                let step = self
                    .workspace
                    .as_mut()
                    .and_then(|w| w.findings.step(&w.session, forward));
                match step {
                    Some((location, _, _)) => self.locate(&location),
                    None => Task::none(),
                }
            }
            Command::NextField => operation::focus_next(),
            Command::PreviousField => operation::focus_previous(),
            Command::Escape => {
                if let Some(workspace) = &mut self.workspace {
                    workspace.search = None;
                }
                self.show_shortcuts = false;
                self.pending = None;
                self.menu_open = false;
                self.sidebar_open = false;
                Task::none()
            }
        }
    }

    fn toggle_workshop(&mut self) -> Task<Message> {
        self.workshop = !self.workshop;
        if self.workshop
            && let Some(workspace) = &mut self.workspace
            && let Screen::Unit(id) = &workspace.screen
            && let Some(unit) = workspace.session.doc.unit_index(id)
        {
            workspace.meeting.position = workshop::Position {
                unit,
                ..workshop::Position::default()
            };
        }
        self.appearance = self.appearance.for_projector(self.workshop);
        self.zoom = if self.workshop { WORKSHOP_ZOOM } else { 1.0 };
        self.fit_matrix();
        let mode = if self.workshop {
            window::Mode::Fullscreen
        } else {
            window::Mode::Windowed
        };
        window::latest().and_then(move |id| window::set_mode(id, mode))
    }

    fn resolve(&mut self, resolution: Resolution) -> Task<Message> {
        let Some(workspace) = &mut self.workspace else {
            return Task::none();
        };
        let Some(conflict) = &workspace.conflict else {
            return Task::none();
        };
        let path = conflict.path.clone();
        match resolution {
            Resolution::Compare => files::load_theirs(path),
            Resolution::Reload => {
                workspace.conflict = None;
                workspace.session.history.mark_saved();
                self.proceed(Pending::OpenPath(path))
            }
            Resolution::SaveAs => {
                workspace.conflict = None;
                self.pick(super::Purpose::SaveCurriculum)
            }
            Resolution::Overwrite => {
                workspace.conflict = None;
                self.save_to(path, None)
            }
            Resolution::Cancel => {
                workspace.conflict = None;
                Task::none()
            }
        }
    }

    /// Sizes the mapping matrix's window of cells to the space left by the chrome.
    pub(super) fn fit_matrix(&mut self) {
        const CHROME_HEIGHT: f32 = 550.0;
        const WORKSHOP_CHROME_HEIGHT: f32 = 330.0;
        let (width, height) = if self.workshop {
            (
                self.window_size.width / self.zoom - 2.0 * theme::space::M,
                self.window_size.height / self.zoom - WORKSHOP_CHROME_HEIGHT,
            )
        } else {
            (
                self.window_size.width / self.zoom
                    - self.fit().sidebar().unwrap_or(0.0)
                    - 2.0 * theme::space::L,
                self.window_size.height / self.zoom - CHROME_HEIGHT,
            )
        };
        if let Some(workspace) = &mut self.workspace {
            workspace.mapping.set_viewport(width, height);
        }
    }

    fn unclaimed_key(&mut self, key: &keyboard::Key, captured: bool) -> Task<Message> {
        if captured {
            return Task::none();
        }
        let workshop_mode = self.workshop;
        let Some(workspace) = &mut self.workspace else {
            return Task::none();
        };
        if workshop_mode && workspace.meeting.view == workshop::View::Present {
            let delta = match key.as_ref() {
                keyboard::Key::Named(keyboard::key::Named::ArrowDown) => 1,
                keyboard::Key::Named(keyboard::key::Named::ArrowUp) => -1,
                keyboard::Key::Named(keyboard::key::Named::Enter) => {
                    return operation::focus(workshop::CAPTURE_ID);
                }
                _ => return Task::none(),
            };
            return self.update(Message::Workshop(workshop::Message::SelectCriterion(delta)));
        }
        let matrix_in_view = if workshop_mode {
            workspace.meeting.view == workshop::View::Matrix
        } else {
            workspace.screen == Screen::Mapping
        };
        if !matrix_in_view {
            return Task::none();
        }
        let action = workspace.mapping.key(key, &workspace.session);
        self.act(action)
    }

    pub(super) fn act(&mut self, action: screen::Action) -> Task<Message> {
        match action {
            screen::Action::None => Task::none(),
            screen::Action::Edit(change) => {
                if !self.apply(change.edit) {
                    return Task::none();
                }
                if let (Some(screen), Some(workspace)) = (change.show, &mut self.workspace) {
                    workspace.navigate(screen);
                }
                let reveal = match change.reveal {
                    Some(y) => operation::snap_to(
                        screen::widgets::BODY_ID,
                        iced::widget::scrollable::RelativeOffset {
                            x: None,
                            y: Some(y),
                        },
                    ),
                    None => Task::none(),
                };
                let focus = match change.focus {
                    Some(field) if change.select => {
                        operation::focus(field.clone()).chain(operation::select_all(field))
                    }
                    Some(field) => operation::focus(field),
                    None => Task::none(),
                };
                reveal.chain(focus)
            }
            screen::Action::Navigate(screen) => {
                if let Some(workspace) = &mut self.workspace {
                    workspace.navigate(screen);
                }
                Task::none()
            }
            screen::Action::Focus(field) => operation::focus(field),
            screen::Action::Locate(location) => self.locate(&location),
            screen::Action::Pick(purpose) => self.pick(purpose),
            screen::Action::Banner(banner) => {
                self.banner = Some(banner);
                Task::none()
            }
            screen::Action::CheckEverything => {
                if let Some(workspace) = &mut self.workspace {
                    workspace.session.check_everything();
                }
                Task::none()
            }
            screen::Action::Seal => {
                if let Some(workspace) = &mut self.workspace {
                    workspace.session.history.seal();
                }
                Task::none()
            }
            screen::Action::CloseSearch => {
                if let Some(workspace) = &mut self.workspace {
                    workspace.search = None;
                }
                Task::none()
            }
            screen::Action::Run(task) => task,
        }
    }

    /// Applies `edit` as one undoable step and brings the screens in line; says whether it was
    /// applied (a refused edit shows why).
    fn apply(&mut self, edit: Edit) -> bool {
        let Some(workspace) = &mut self.workspace else {
            return false;
        };
        match workspace.session.apply(edit) {
            Ok(()) => {
                workspace.sync(true);
                true
            }
            Err(error) => {
                self.banner = Some(Banner::Error(format!("That change was refused: {error}")));
                false
            }
        }
    }

    /// Replaces the open document (and everything each screen held about it) with `session`.
    pub(super) fn open_session(&mut self, session: Session) {
        self.workspace = Some(Workspace::new(session));
        self.recoveries.retain(|offer| !offer.for_open_file);
        self.reviewing_recoveries = false;
        self.autosaved_revision = None;
        self.autosave_error = None;
        self.fit_matrix();
    }

    fn locate(&mut self, location: &Location) -> Task<Message> {
        let workshop_mode = self.workshop;
        let Some(workspace) = &mut self.workspace else {
            return Task::none();
        };
        workspace.search = None;
        if workshop_mode {
            let item = match location {
                Location::Unit(id) => Some(ItemRef::Unit(id.clone())),
                Location::Outcome(id) => Some(ItemRef::Outcome(id.clone())),
                Location::Criterion(id) => Some(ItemRef::Criterion(id.clone())),
                _ => None,
            };
            if let Some(item) = item {
                return self.update(Message::Workshop(workshop::Message::Go(item)));
            }
        }
        match location {
            Location::Qualification | Location::Rules => {
                workspace.navigate(Screen::Structure);
                Task::none()
            }
            Location::Standard(_) | Location::Ksb(_) => {
                if let Location::Ksb(ksb) = location {
                    workspace.mapping.focus_ksb(ksb, &workspace.session);
                }
                workspace.navigate(Screen::Mapping);
                Task::none()
            }
            Location::Unit(_) | Location::Outcome(_) | Location::Criterion(_) => {
                let doc = &workspace.session.doc;
                let Some(unit) = location.unit(doc).map(|u| u.id.clone()) else {
                    return Task::none();
                };
                let field = screen::unit::field_for(location);
                workspace.unit.reveal(doc, location);
                workspace.navigate(Screen::Unit(unit));
                operation::focus(fields::field_id(&field))
            }
        }
    }

    fn step_unit(&mut self, delta: isize) {
        let Some(workspace) = &mut self.workspace else {
            return;
        };
        let units = &workspace.session.doc.units;
        if units.is_empty() {
            return;
        }
        let current = match &workspace.screen {
            Screen::Unit(id) => workspace.session.doc.unit_index(id),
            _ => None,
        };
        let next = match current {
            Some(index) => index.saturating_add_signed(delta).min(units.len() - 1),
            None if delta > 0 => 0,
            None => units.len() - 1,
        };
        let id = units[next].id.clone();
        workspace.navigate(Screen::Unit(id));
    }
}

fn zoom_step(zoom: f32, delta: f32) -> f32 {
    ((zoom + delta) * 4.0).round().clamp(4.0, 12.0) / 4.0
}

#[cfg(test)]
mod tests {
    use super::zoom_step;

    #[test]
    fn zoom_stays_between_one_and_three() {
        assert_eq!(zoom_step(1.0, 0.25), 1.25);
        assert_eq!(zoom_step(3.0, 0.25), 3.0);
        assert_eq!(zoom_step(1.0, -0.25), 1.0);
    }
}
