//! The iced GUI (Elm architecture). `App` holds the open [`Session`], the current screen and
//! UI-only state; `update` turns messages into edits and tasks; `view` is a pure function of
//! state. Screens live in `screen/` and return actions the app applies; IO runs in tasks.
//! Nothing else in the crate imports this module.

mod dialogs;
mod fields;
mod files;
mod flows;
mod frame;
pub mod screen;
mod session;
pub mod shortcuts;
pub mod theme;

pub use dialogs::{Dialogs, NativeDialogs, PathFuture, Purpose, SharedDialogs};
pub use fields::field_id;
pub use files::{Opened, RecoveryOffer, Written, recovery_offers};
pub use session::Session;

use crate::analysis::Location;
use crate::model::{Curriculum, Edit, ItemRef, ItemStatus, UnitId};
use crate::store::{LoadError, SaveError};
use iced::keyboard;
use iced::widget::operation;
use iced::{Element, Subscription, Task, Theme, event, window};
use screen::{findings, mapping, search, structure, unit, workshop};
use shortcuts::Command;
use std::path::PathBuf;
use std::sync::Arc;
use theme::Appearance;

/// Starts the GUI on `file` (or the start screen), in workshop mode if asked.
pub fn run(file: Option<PathBuf>, workshop: bool) -> Result<(), String> {
    if cfg!(all(unix, not(target_os = "macos")))
        && std::env::var_os("DISPLAY").is_none()
        && std::env::var_os("WAYLAND_DISPLAY").is_none()
    {
        return Err(
            "no graphical display was found (neither DISPLAY nor WAYLAND_DISPLAY is \
                    set); the command line still works, for example `htq-studio check FILE`"
                .into(),
        );
    }
    let mut application = iced::application(
        move || App::boot(file.clone(), workshop, Arc::new(NativeDialogs)),
        App::update,
        App::view,
    )
    .title(App::title)
    .theme(App::theme)
    .scale_factor(App::scale_factor)
    .subscription(App::subscription)
    .window(window::Settings {
        size: iced::Size::new(1280.0, 800.0) / if workshop { WORKSHOP_ZOOM } else { 1.0 },
        fullscreen: workshop,
        exit_on_close_request: false,
        ..window::Settings::default()
    })
    .default_font(theme::BODY);
    for bytes in theme::FONT_FILES {
        application = application.font(bytes);
    }
    application.run().map_err(|error| error.to_string())
}

/// How often unsaved edits are written to the recovery file.
const AUTOSAVE_EVERY: std::time::Duration = std::time::Duration::from_secs(2);

/// The zoom workshop mode starts at: body text 30 px high, readable from the back of a room.
pub const WORKSHOP_ZOOM: f32 = 2.0;

/// Which screen fills the main area.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Screen {
    /// Qualification details and structure.
    Structure,
    /// One unit.
    Unit(UnitId),
    /// The LO x KSB mapping matrix.
    Mapping,
    /// Every finding.
    Findings,
}

/// What to do once the user has answered the unsaved-changes question.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Pending {
    /// Start a new curriculum.
    New,
    /// Ask for a file to open.
    Open,
    /// Open this file.
    OpenPath(PathBuf),
    /// Close the document.
    Close,
    /// Quit the application.
    Quit(window::Id),
}

/// The answer to the unsaved-changes question.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Choice {
    /// Save, then go on.
    Save,
    /// Throw the changes away and go on.
    Discard,
    /// Stay.
    Cancel,
}

/// Everything the window can be told.
#[derive(Debug, Clone)]
pub enum Message {
    /// A shortcut or toolbar command.
    Command(Command),
    /// A key press the focused widget may have used.
    Key(keyboard::Key, keyboard::Modifiers, bool),
    /// Open this file (recent list, start screen, drop).
    OpenPath(PathBuf),
    /// The path typed on the start screen (for when no file dialog can be shown).
    TypedPath(String),
    /// A dialog returned a path (or nothing) for `Purpose`.
    Picked(Purpose, Option<PathBuf>),
    /// A file finished loading.
    Loaded(Result<Box<files::Opened>, LoadError>),
    /// A save finished.
    Saved(Result<Box<files::Written>, SaveError>),
    /// Time to write the recovery file if there are new unsaved edits.
    AutosaveTick,
    /// The recovery file was written for this revision (or why not).
    Autosaved(Result<u64, String>),
    /// Work left by an HTQ Studio that did not close cleanly.
    RecoveriesFound(Vec<files::RecoveryOffer>),
    /// Restore (true) or discard (false) the recovery offer at this index.
    Recover(usize, bool),
    /// Decide about the recovery offers later.
    RecoverLater,
    /// The version on disk of a file that changed under us.
    TheirsLoaded(Result<Box<Curriculum>, String>),
    /// The answer to "the file changed on disk".
    Resolve(Resolution),
    /// An export finished: the path written, or why not.
    Exported(Result<PathBuf, String>),
    /// Open an exported file in the system viewer.
    OpenExternally(PathBuf),
    /// Answer to the unsaved-changes prompt.
    Prompt(Choice),
    /// Show a screen.
    Navigate(Screen),
    /// Go to what a finding points at.
    Locate(Location),
    /// The window was asked to close.
    CloseRequested(window::Id),
    /// A file was dropped on the window.
    Dropped(PathBuf),
    /// The window changed size (logical pixels at zoom 1).
    Resized(iced::Size),
    /// Dismiss the error or notice banner.
    DismissBanner,
    /// Switch light/dark.
    ToggleAppearance,
    /// Structure screen.
    Structure(structure::Message),
    /// Unit editor.
    Unit(unit::Message),
    /// Findings panel.
    Findings(findings::Message),
    /// Mapping matrix.
    Mapping(mapping::Message),
    /// Search overlay.
    Search(search::Message),
    /// Workshop mode.
    Workshop(workshop::Message),
}

/// What to do about a file that changed on disk since it was opened.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Resolution {
    /// Show what differs between their version and ours.
    Compare,
    /// Open their version, dropping our unsaved changes.
    Reload,
    /// Save ours under another name.
    SaveAs,
    /// Replace their version with ours.
    Overwrite,
    /// Do nothing now.
    Cancel,
}

/// A save refused because someone else changed the file.
#[derive(Debug, Clone)]
pub struct Conflict {
    /// The file.
    pub path: PathBuf,
    /// How their version differs from ours, once compared.
    pub theirs: Option<crate::analysis::Comparison>,
}

/// A banner across the top of the window.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Banner {
    /// Something failed; the text says what and where.
    Error(String),
    /// Something worked; with an optional file to open.
    Notice(String, Option<PathBuf>),
}

/// The application state.
pub struct App {
    /// The open document, if any.
    pub session: Option<Session>,
    /// The main screen.
    pub screen: Screen,
    /// Structure screen state.
    pub structure: structure::State,
    /// Unit editor state.
    pub unit: unit::State,
    /// Findings panel state.
    pub findings: findings::State,
    /// Mapping matrix state.
    pub mapping: mapping::State,
    /// Search overlay, when open.
    pub search: Option<search::State>,
    /// Workshop mode's state: item in view, decision bar, panel views.
    pub meeting: workshop::State,
    /// Whether the shortcuts list is showing.
    pub show_shortcuts: bool,
    /// The unsaved-changes question, when asked.
    pub pending: Option<Pending>,
    /// Error or notice banner.
    pub banner: Option<Banner>,
    /// Recently opened files, newest first.
    pub recent: Vec<PathBuf>,
    /// The example curricula shipped beside the program.
    pub examples: Vec<PathBuf>,
    /// A path typed on the start screen.
    pub typed_path: String,
    /// Light or dark, desk or projector.
    pub appearance: Appearance,
    /// Global zoom (1.0 to 3.0).
    pub zoom: f32,
    /// Workshop (presentation) mode.
    pub workshop: bool,
    /// Recovery offers found at start-up, until restored, discarded or put off.
    pub recoveries: Vec<files::RecoveryOffer>,
    /// A save refused because the file changed on disk, until resolved.
    pub conflict: Option<Conflict>,
    /// Why the last autosave failed, if it did.
    pub autosave_error: Option<String>,
    recovery: Option<crate::store::RecoveryStore>,
    autosaved_revision: Option<u64>,
    /// Window size in physical pixels.
    window_size: iced::Size,
    dialogs: SharedDialogs,
    busy: bool,
}

impl std::fmt::Debug for App {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("App")
            .field("screen", &self.screen)
            .field("pending", &self.pending)
            .field("banner", &self.banner)
            .finish_non_exhaustive()
    }
}

impl App {
    /// A window with no document, using `dialogs` for file dialogs.
    pub fn new(dialogs: SharedDialogs) -> Self {
        Self {
            session: None,
            screen: Screen::Structure,
            structure: structure::State::default(),
            unit: unit::State::default(),
            findings: findings::State::default(),
            mapping: mapping::State::default(),
            search: None,
            meeting: workshop::State::default(),
            show_shortcuts: false,
            pending: None,
            banner: None,
            recent: Vec::new(),
            examples: Vec::new(),
            typed_path: String::new(),
            appearance: Appearance::Light,
            zoom: 1.0,
            workshop: false,
            recoveries: Vec::new(),
            conflict: None,
            autosave_error: None,
            recovery: None,
            autosaved_revision: None,
            window_size: iced::Size::new(1280.0, 800.0),
            dialogs,
            busy: false,
        }
    }

    /// A window showing `doc` as if loaded from `path` (for tests and presets).
    pub fn with_document(doc: Curriculum, path: Option<PathBuf>, dialogs: SharedDialogs) -> Self {
        let mut app = Self::new(dialogs);
        app.open_session(Session::new(doc, path));
        app
    }

    fn boot(
        file: Option<PathBuf>,
        workshop: bool,
        dialogs: SharedDialogs,
    ) -> (Self, Task<Message>) {
        let mut app = Self::new(dialogs);
        app.recent = files::load_recent();
        app.examples = files::shipped_examples();
        app.workshop = workshop;
        if workshop {
            app.appearance = app.appearance.for_projector(true);
            app.zoom = WORKSHOP_ZOOM;
        }
        let start = file.or_else(|| app.recent.first().cloned().filter(|p| p.exists()));
        let load = match start {
            Some(path) => files::load(path),
            None => Task::none(),
        };
        app.recovery = crate::store::RecoveryStore::default_location();
        let recoveries = match &app.recovery {
            Some(recovery) => files::find_recoveries(recovery.clone()),
            None => Task::none(),
        };
        (app, Task::batch([load, recoveries]))
    }

    /// The window title: file name, a mark for unsaved changes, the app name.
    pub fn title(&self) -> String {
        match &self.session {
            Some(session) => format!(
                "{}{} — HTQ Studio",
                if session.is_dirty() { "● " } else { "" },
                session.display_name()
            ),
            None => "HTQ Studio".to_owned(),
        }
    }

    /// The iced theme for the current appearance.
    pub fn theme(&self) -> Option<Theme> {
        Some(self.appearance.theme())
    }

    /// The global scale: the workshop zoom.
    pub fn scale_factor(&self) -> f32 {
        self.zoom
    }

    /// Keyboard shortcuts, close requests and dropped files.
    pub fn subscription(&self) -> Subscription<Message> {
        Subscription::batch([
            event::listen_with(|event, status, _window| match event {
                iced::Event::Keyboard(keyboard::Event::KeyPressed { key, modifiers, .. }) => Some(
                    Message::Key(key, modifiers, status == event::Status::Captured),
                ),
                iced::Event::Window(window::Event::FileDropped(path)) => {
                    Some(Message::Dropped(path))
                }
                _ => None,
            }),
            window::close_requests().map(Message::CloseRequested),
            window::resize_events().map(|(_, size)| Message::Resized(size)),
            if self.recovery.is_some() && self.session.as_ref().is_some_and(Session::is_dirty) {
                iced::time::every(AUTOSAVE_EVERY).map(|_| Message::AutosaveTick)
            } else {
                Subscription::none()
            },
        ])
    }

    /// Handles a message.
    pub fn update(&mut self, message: Message) -> Task<Message> {
        match message {
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
            Message::Loaded(result) => {
                self.busy = false;
                let mut remember = Task::none();
                match result {
                    Ok(opened) => {
                        remember = files::remember(&mut self.recent, &opened.path);
                        self.banner = opened.other_editor.as_ref().map(|other| {
                            Banner::Notice(
                                format!(
                                    "{other} too. Changes you both save may clash: HTQ Studio \
                                     will warn before overwriting theirs."
                                ),
                                None,
                            )
                        });
                        self.open_session(Session::opened(*opened));
                    }
                    Err(error) => self.banner = Some(Banner::Error(error.to_string())),
                }
                remember
            }
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
                self.recoveries = offers;
                Task::none()
            }
            Message::Recover(index, restore) => self.recover(index, restore),
            Message::RecoverLater => {
                self.recoveries.clear();
                Task::none()
            }
            Message::TheirsLoaded(result) => {
                match (result, &mut self.conflict, &self.session) {
                    (Ok(theirs), Some(conflict), Some(session)) => {
                        conflict.theirs = Some(crate::analysis::compare(&theirs, &session.doc));
                    }
                    (Err(error), _, _) => self.banner = Some(Banner::Error(error)),
                    _ => {}
                }
                Task::none()
            }
            Message::Resolve(resolution) => self.resolve(resolution),
            Message::Exported(result) => {
                self.busy = false;
                self.banner = Some(match result {
                    Ok(path) => Banner::Notice(format!("Exported {}", path.display()), Some(path)),
                    Err(error) => Banner::Error(error),
                });
                Task::none()
            }
            Message::OpenExternally(path) => {
                if let Err(error) = files::open_externally(&path) {
                    self.banner = Some(Banner::Error(error));
                }
                Task::none()
            }
            Message::Prompt(choice) => self.answer(choice),
            Message::Navigate(screen) => {
                self.navigate(screen);
                Task::none()
            }
            Message::Locate(location) => self.locate(&location),
            Message::CloseRequested(id) => self.guard(Pending::Quit(id)),
            Message::Resized(size) => {
                self.window_size = size * self.zoom;
                self.fit_matrix();
                Task::none()
            }
            Message::DismissBanner => {
                self.banner = None;
                Task::none()
            }
            Message::ToggleAppearance => {
                self.appearance = self.appearance.toggled();
                Task::none()
            }
            Message::Structure(message) => {
                let action = match &self.session {
                    Some(session) => self.structure.update(message, session),
                    None => screen::Action::None,
                };
                self.act(action)
            }
            Message::Unit(message) => {
                let action = match &self.session {
                    Some(session) => self.unit.update(message, session),
                    None => screen::Action::None,
                };
                self.act(action)
            }
            Message::Findings(message) => {
                let action = self.findings.update(message);
                self.act(action)
            }
            Message::Mapping(message) => {
                let action = match &self.session {
                    Some(session) => self.mapping.update(message, session),
                    None => screen::Action::None,
                };
                self.act(action)
            }
            Message::Workshop(message) => {
                let action = match &self.session {
                    Some(session) => self.meeting.update(message, session),
                    None => screen::Action::None,
                };
                self.act(action)
            }
            Message::Search(message) => {
                let action = match (&mut self.search, &self.session) {
                    (Some(search), Some(session)) => search.update(message, &session.doc),
                    _ => screen::Action::None,
                };
                self.act(action)
            }
        }
    }

    /// Draws the window.
    pub fn view(&self) -> Element<'_, Message> {
        frame::view(self)
    }

    fn command(&mut self, command: Command) -> Task<Message> {
        match command {
            Command::New => self.guard(Pending::New),
            Command::Open => self.guard(Pending::Open),
            Command::Save => self.save(false),
            Command::SaveAs => self.save(true),
            Command::Close => self.guard(Pending::Close),
            Command::Undo => {
                if let Some(session) = &mut self.session {
                    session.undo();
                }
                self.after_change();
                Task::none()
            }
            Command::Redo => {
                if let Some(session) = &mut self.session {
                    session.redo();
                }
                self.after_change();
                Task::none()
            }
            Command::Search => {
                if self.session.is_some() {
                    self.search = Some(search::State::default());
                    return operation::focus(search::INPUT_ID);
                }
                Task::none()
            }
            Command::ExportPdf => self.pick(Purpose::ExportPdf),
            Command::ShowShortcuts => {
                self.show_shortcuts = !self.show_shortcuts;
                Task::none()
            }
            Command::Workshop => {
                self.workshop = !self.workshop;
                if self.workshop
                    && let (Screen::Unit(id), Some(session)) = (&self.screen, &self.session)
                    && let Some(unit) = session.doc.unit_index(id)
                {
                    self.meeting.position = workshop::Position {
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
            Command::ZoomIn => {
                self.zoom = zoom_step(self.zoom, 0.25);
                self.fit_matrix();
                Task::none()
            }
            Command::ZoomOut => {
                self.zoom = zoom_step(self.zoom, -0.25);
                self.fit_matrix();
                Task::none()
            }
            Command::ZoomReset => {
                self.zoom = 1.0;
                self.fit_matrix();
                Task::none()
            }
            Command::Next | Command::Previous => {
                if self.workshop {
                    let message = if command == Command::Next {
                        workshop::Message::Next
                    } else {
                        workshop::Message::Previous
                    };
                    return self.update(Message::Workshop(message));
                }
                self.step_unit(if command == Command::Next { 1 } else { -1 });
                Task::none()
            }
            Command::Status(index) => match ItemStatus::ALL.get(index) {
                Some(status) if self.workshop => {
                    self.update(Message::Workshop(workshop::Message::Status(*status)))
                }
                _ => Task::none(),
            },
            Command::Escape => {
                self.search = None;
                self.show_shortcuts = false;
                if self.pending.is_some() {
                    self.pending = None;
                }
                Task::none()
            }
        }
    }

    fn autosave(&mut self) -> Task<Message> {
        let (Some(recovery), Some(session)) = (&self.recovery, &self.session) else {
            return Task::none();
        };
        let revision = session.revision();
        if !session.is_dirty() || self.autosaved_revision == Some(revision) {
            return Task::none();
        }
        files::autosave(
            recovery.clone(),
            session.path.clone(),
            session.doc.clone(),
            revision,
        )
    }

    fn recover(&mut self, index: usize, restore: bool) -> Task<Message> {
        if index >= self.recoveries.len() {
            return Task::none();
        }
        let offer = self.recoveries.remove(index);
        if restore {
            let untitled = offer.recovery.original.is_none();
            let mut session = Session::new(*offer.doc, offer.recovery.original.clone());
            session.history.mark_unsaved();
            self.open_session(session);
            self.banner = Some(Banner::Notice(
                "Recovered unsaved work. Save it to keep it; until then it is autosaved as before."
                    .into(),
                None,
            ));
            if untitled {
                // An untitled document's recovery file is named after the process that wrote
                // it; the next autosave writes this process's own.
                let file = offer.recovery.clone();
                return Task::batch([
                    self.autosave(),
                    Task::future(files::blocking(move || {
                        let _ = file.remove();
                    }))
                    .discard(),
                ]);
            }
            self.autosave()
        } else {
            let file = offer.recovery.clone();
            Task::future(files::blocking(move || {
                let _ = file.remove();
            }))
            .discard()
        }
    }

    fn resolve(&mut self, resolution: Resolution) -> Task<Message> {
        let Some(conflict) = &self.conflict else {
            return Task::none();
        };
        let path = conflict.path.clone();
        match resolution {
            Resolution::Compare => files::load_theirs(path),
            Resolution::Reload => {
                self.conflict = None;
                if let Some(session) = &mut self.session {
                    session.history.mark_saved();
                }
                self.proceed(Pending::OpenPath(path))
            }
            Resolution::SaveAs => {
                self.conflict = None;
                self.pick(Purpose::SaveCurriculum)
            }
            Resolution::Overwrite => {
                self.conflict = None;
                self.save_to(path, None)
            }
            Resolution::Cancel => {
                self.conflict = None;
                Task::none()
            }
        }
    }

    /// Sizes the mapping matrix's window of cells to the space left by the chrome.
    fn fit_matrix(&mut self) {
        const SIDEBAR: f32 = 250.0;
        const CHROME_HEIGHT: f32 = 550.0;
        const WORKSHOP_CHROME_HEIGHT: f32 = 330.0;
        let (width, height) = if self.workshop {
            (
                self.window_size.width / self.zoom - 2.0 * theme::space::M,
                self.window_size.height / self.zoom - WORKSHOP_CHROME_HEIGHT,
            )
        } else {
            (
                self.window_size.width / self.zoom - SIDEBAR - 2.0 * theme::space::L,
                self.window_size.height / self.zoom - CHROME_HEIGHT,
            )
        };
        self.mapping.set_viewport(width, height);
    }

    fn unclaimed_key(&mut self, key: &keyboard::Key, captured: bool) -> Task<Message> {
        if captured {
            return Task::none();
        }
        if self.workshop && self.meeting.view == workshop::View::Present {
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
        let matrix_in_view = if self.workshop {
            self.meeting.view == workshop::View::Matrix
        } else {
            self.screen == Screen::Mapping
        };
        if !matrix_in_view {
            return Task::none();
        }
        match &self.session {
            Some(session) => {
                let action = self.mapping.key(key, session);
                self.act(action)
            }
            None => Task::none(),
        }
    }

    fn act(&mut self, action: screen::Action) -> Task<Message> {
        match action {
            screen::Action::None => Task::none(),
            screen::Action::Edit(edit) => {
                self.apply(edit);
                Task::none()
            }
            screen::Action::EditThenNavigate(edit, screen) => {
                self.apply(edit);
                self.navigate(screen);
                Task::none()
            }
            screen::Action::Navigate(screen) => {
                self.navigate(screen);
                Task::none()
            }
            screen::Action::Locate(location) => self.locate(&location),
            screen::Action::Pick(purpose) => self.pick(purpose),
            screen::Action::Banner(banner) => {
                self.banner = Some(banner);
                Task::none()
            }
            screen::Action::Seal => {
                if let Some(session) = &mut self.session {
                    session.history.seal();
                }
                Task::none()
            }
            screen::Action::CloseSearch => {
                self.search = None;
                Task::none()
            }
            screen::Action::Run(task) => task,
        }
    }

    fn apply(&mut self, edit: Edit) {
        let Some(session) = &mut self.session else {
            return;
        };
        match session.apply(edit) {
            Ok(()) => {
                let revision = session.revision();
                self.unit.acknowledge(revision);
                self.structure.acknowledge(revision);
                self.after_change();
            }
            Err(error) => {
                self.banner = Some(Banner::Error(format!("That change was refused: {error}")))
            }
        }
    }

    /// Keeps screens in step with the document after any change.
    fn after_change(&mut self) {
        let Some(session) = &self.session else {
            return;
        };
        if let Screen::Unit(id) = &self.screen
            && session.doc.unit(id).is_none()
        {
            self.screen = Screen::Structure;
        }
        self.structure.sync(session);
        if let Screen::Unit(id) = &self.screen {
            self.unit.sync(id, session);
        }
    }

    fn open_session(&mut self, session: Session) {
        self.session = Some(session);
        self.screen = Screen::Structure;
        self.structure = structure::State::default();
        self.unit = unit::State::default();
        self.mapping = mapping::State::default();
        self.search = None;
        self.after_change();
    }

    fn navigate(&mut self, screen: Screen) {
        if let Some(session) = &mut self.session {
            session.history.seal();
        }
        self.screen = screen;
        self.after_change();
    }

    fn locate(&mut self, location: &Location) -> Task<Message> {
        self.search = None;
        let Some(session) = &self.session else {
            return Task::none();
        };
        if self.workshop {
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
                self.navigate(Screen::Structure);
                Task::none()
            }
            Location::Standard(_) | Location::Ksb(_) => {
                if let Location::Ksb(ksb) = location {
                    self.mapping.focus_ksb(ksb, session);
                }
                self.navigate(Screen::Mapping);
                Task::none()
            }
            Location::Unit(_) | Location::Outcome(_) | Location::Criterion(_) => {
                let Some(unit) = location.unit(&session.doc).map(|u| u.id.clone()) else {
                    return Task::none();
                };
                let field = unit::field_for(location);
                self.unit.reveal(&session.doc, location);
                self.navigate(Screen::Unit(unit));
                operation::focus(fields::field_id(&field))
            }
        }
    }

    fn step_unit(&mut self, delta: isize) {
        let Some(session) = &self.session else {
            return;
        };
        let units = &session.doc.units;
        if units.is_empty() {
            return;
        }
        let current = match &self.screen {
            Screen::Unit(id) => session.doc.unit_index(id),
            _ => None,
        };
        let next = match current {
            Some(index) => index.saturating_add_signed(delta).min(units.len() - 1),
            None if delta > 0 => 0,
            None => units.len() - 1,
        };
        let id = units[next].id.clone();
        self.navigate(Screen::Unit(id));
    }

    /// Whether a long task (load, save, export) is running.
    pub fn is_busy(&self) -> bool {
        self.busy
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
