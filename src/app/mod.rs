//! The iced GUI (Elm architecture). [`App`] holds the open [`Workspace`] (the document and
//! every screen's state) and window-wide state (banner, zoom, recent files); `update` (in
//! `update`) turns messages into edits and tasks; `view` is a pure function of state. Screens
//! live in `screen/` and return actions the app applies; IO runs in tasks on worker threads.
//! Nothing else in the crate imports this module.
//!
//! Everything from outside (file dialogs, the recovery folder, the recent-files list, the
//! clock, signals) comes in through [`Options`], so tests run the real program with their own.

mod dialogs;
mod drafts;
mod fields;
mod files;
mod fit;
mod flows;
mod frame;
mod numbers;
mod recovery;
pub mod screen;
mod session;
pub mod shortcuts;
mod signals;
pub mod theme;
mod update;
mod worker;
mod workspace;

pub use dialogs::{DialogRequest, Dialogs, NativeDialogs, PathFuture, Purpose, SharedDialogs};
pub use drafts::{NumberRule, Shown};
pub use fields::{FieldAction, LongField, field_id, normalise, text_value};
pub use files::{FileError, Opened, RecoveryOffer, Written, recovery_offers};
pub use fit::Fit;
pub use numbers::{number_id, number_rule, number_value};
pub use session::{Analysed, AnalysisJob, Session, SessionKey};
pub use worker::{Work, WorkerFailed};
pub use workspace::Workspace;

use crate::model::{Curriculum, UnitId};
use crate::store::RecoveryStore;
use iced::keyboard;
use iced::{Element, Subscription, Task, Theme, event, window};
use std::collections::BTreeSet;
use std::path::PathBuf;
use std::sync::Arc;
use theme::Appearance;
use time::OffsetDateTime;

/// Where the time comes from: the system clock in the window, a fixed one in tests, so that
/// what is recorded (decision times, PDF dates) is reproducible.
pub type Clock = Arc<dyn Fn() -> OffsetDateTime + Send + Sync>;

/// The system clock, in local time where the offset is known.
pub fn system_clock() -> Clock {
    Arc::new(|| OffsetDateTime::now_local().unwrap_or_else(|_| OffsetDateTime::now_utc()))
}

/// What the window starts with and reaches out to.
#[derive(Clone)]
pub struct Options {
    /// The curriculum to open, if any.
    pub file: Option<PathBuf>,
    /// Start in workshop mode.
    pub workshop: bool,
    /// File dialogs.
    pub dialogs: SharedDialogs,
    /// Where recovery files are written and looked for; `None`: no autosave.
    pub recovery: Option<RecoveryStore>,
    /// The recent-files list; `None`: none is kept.
    pub recent_list: Option<PathBuf>,
    /// The clock.
    pub clock: Clock,
    /// Close cleanly on SIGTERM and SIGINT (keeping unsaved work for recovery).
    pub handle_signals: bool,
}

impl Options {
    /// The window as a user runs it: native dialogs, the user's data and config folders, the
    /// system clock, signals handled.
    pub fn for_user(file: Option<PathBuf>, workshop: bool) -> Self {
        Self {
            file,
            workshop,
            dialogs: Arc::new(NativeDialogs),
            recovery: RecoveryStore::default_location(),
            recent_list: files::recent_list_file(),
            clock: system_clock(),
            handle_signals: true,
        }
    }

    /// A window that reaches nothing outside: `dialogs` for files, no recovery folder, no
    /// recent list, a fixed clock, no signal handling. For tests and benchmarks.
    pub fn isolated(dialogs: SharedDialogs) -> Self {
        let noon = time::macros::datetime!(2026-11-09 12:00 UTC);
        Self {
            file: None,
            workshop: false,
            dialogs,
            recovery: None,
            recent_list: None,
            clock: Arc::new(move || noon),
            handle_signals: false,
        }
    }
}

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
    application(Options::for_user(file, workshop))
        .run()
        .map_err(|error| error.to_string())
}

/// The iced program of the window, as `run` starts it; tests drive the same program headless
/// (iced_test's emulator).
pub fn application(
    options: Options,
) -> iced::Application<impl iced::Program<State = App, Message = Message, Theme = Theme>> {
    let workshop = options.workshop;
    let mut application =
        iced::application(move || App::boot(options.clone()), App::update, App::view)
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
    application
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
    /// The occupational standards, their KSBs and duties.
    Standards,
    /// Every finding.
    Findings,
}

/// What to do once the user has answered the unsaved-changes question.
#[derive(Debug, Clone)]
pub enum Pending {
    /// Start a new curriculum.
    New,
    /// Ask for a file to open.
    Open,
    /// Open this file.
    OpenPath(PathBuf),
    /// Open this recovered work in place of the open document.
    Restore(Box<RecoveryOffer>),
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
    Command(shortcuts::Command),
    /// A key press the focused widget may have used.
    Key(keyboard::Key, keyboard::Modifiers, bool),
    /// Open this file (recent list, start screen, drop).
    OpenPath(PathBuf),
    /// The path typed on the start screen (for when no file dialog can be shown).
    TypedPath(String),
    /// A dialog returned a path (or nothing) for `Purpose`.
    Picked(Purpose, Option<PathBuf>),
    /// A file finished loading.
    Loaded(Result<Box<Opened>, FileError>),
    /// A save finished.
    Saved(Result<Box<Written>, FileError>),
    /// Time to write the recovery file if there are new unsaved edits.
    AutosaveTick,
    /// The recovery file was written for this revision (or why not).
    Autosaved(Result<u64, FileError>),
    /// Work left by an HTQ Studio that did not close cleanly.
    RecoveriesFound(Vec<RecoveryOffer>),
    /// Restore (true) or discard (false) the recovery offer at this index.
    Recover(usize, bool),
    /// Decide later about the recovery offers of other files.
    RecoverLater,
    /// Show the recovery offers of other files.
    ReviewRecoveries,
    /// The version on disk of a file that changed under us.
    TheirsLoaded(Result<Box<Curriculum>, FileError>),
    /// The answer to "the file changed on disk".
    Resolve(Resolution),
    /// An export finished: the path written, or why not.
    Exported(Result<PathBuf, FileError>),
    /// The analysis of a revision of the session `SessionKey` names finished (or stopped).
    Analysed(SessionKey, Result<Box<Analysed>, WorkerFailed>),
    /// Open an exported file in the system viewer.
    OpenExternally(PathBuf),
    /// Answer to the unsaved-changes prompt.
    Prompt(Choice),
    /// Show a screen.
    Navigate(Screen),
    /// Go to what a finding points at.
    Locate(crate::analysis::Location),
    /// The window was asked to close.
    CloseRequested(window::Id),
    /// The system asked HTQ Studio to stop (SIGTERM, SIGINT).
    Terminate,
    /// Unsaved work is kept for recovery: close now.
    Exit,
    /// A file was dropped on the window.
    Dropped(PathBuf),
    /// The window changed size (logical pixels at zoom 1).
    Resized(iced::Size),
    /// Dismiss the error or notice banner.
    DismissBanner,
    /// Open or close the menu of commands the tool bar has no room for.
    ToggleMenu,
    /// Show or fold away the side bar, where the window has no room for it beside the content.
    ToggleSidebar,
    /// A choice made in the menu: the menu closes, then the message is handled.
    FromMenu(Box<Message>),
    /// Switch light/dark.
    ToggleAppearance,
    /// Structure screen.
    Structure(screen::structure::Message),
    /// Unit editor.
    Unit(screen::unit::Message),
    /// Findings panel.
    Findings(screen::findings::Message),
    /// Mapping matrix.
    Mapping(screen::mapping::Message),
    /// Standards, KSBs and duties.
    Standards(screen::standards::Message),
    /// Search overlay.
    Search(screen::search::Message),
    /// Workshop mode.
    Workshop(screen::workshop::Message),
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
    workspace: Option<Workspace>,
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
    /// Recovery offers to decide on: found at start-up or when a file was opened.
    pub recoveries: Vec<RecoveryOffer>,
    /// Whether the recovery offers are on screen. The open file's own offer always is; those
    /// of other files wait behind a notice when the designer opened a file of their choice.
    pub reviewing_recoveries: bool,
    /// Why the last autosave failed, if it did.
    pub autosave_error: Option<FileError>,
    /// Whether the tool bar's menu is open.
    pub menu_open: bool,
    /// Whether the folded side bar is shown over the content.
    pub sidebar_open: bool,
    busy: BTreeSet<Work>,
    recovery: Option<RecoveryStore>,
    recent_list: Option<PathBuf>,
    clock: Clock,
    handle_signals: bool,
    autosaved_revision: Option<u64>,
    /// Window size in physical pixels.
    window_size: iced::Size,
    dialogs: SharedDialogs,
}

impl std::fmt::Debug for App {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("App")
            .field("workspace", &self.workspace.as_ref().map(|w| &w.screen))
            .field("pending", &self.pending)
            .field("banner", &self.banner)
            .finish_non_exhaustive()
    }
}

impl App {
    /// A window with no document, as `options` say (the file in them is not opened).
    pub fn new(options: &Options) -> Self {
        let mut app = Self {
            workspace: None,
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
            reviewing_recoveries: true,
            autosave_error: None,
            menu_open: false,
            sidebar_open: false,
            busy: BTreeSet::new(),
            recovery: options.recovery.clone(),
            recent_list: options.recent_list.clone(),
            clock: options.clock.clone(),
            handle_signals: options.handle_signals,
            autosaved_revision: None,
            window_size: iced::Size::new(1280.0, 800.0),
            dialogs: options.dialogs.clone(),
        };
        if options.workshop {
            app.workshop = true;
            app.appearance = app.appearance.for_projector(true);
            app.zoom = WORKSHOP_ZOOM;
        }
        app
    }

    /// A window showing `doc` as if loaded from `path`, reaching nothing outside (see
    /// [`Options::isolated`]).
    pub fn with_document(doc: Curriculum, path: Option<PathBuf>, dialogs: SharedDialogs) -> Self {
        let mut app = Self::new(&Options::isolated(dialogs));
        app.open_session(Session::new(doc, path));
        app
    }

    fn boot(options: Options) -> (Self, Task<Message>) {
        let mut app = Self::new(&options);
        app.recent = files::load_recent(app.recent_list.as_deref());
        app.examples = files::shipped_examples();
        app.reviewing_recoveries = options.file.is_none();
        let load = match options.file {
            Some(path) => {
                app.busy.insert(Work::Opening);
                files::load(path, app.recovery.clone())
            }
            None => Task::none(),
        };
        let recoveries = match &app.recovery {
            Some(recovery) => files::find_recoveries(recovery.clone()),
            None => Task::none(),
        };
        (app, Task::batch([load, recoveries]))
    }

    /// The open document and its screens, if any.
    pub fn workspace(&self) -> Option<&Workspace> {
        self.workspace.as_ref()
    }

    /// The room the window gives the frame at the current zoom.
    pub fn fit(&self) -> Fit {
        Fit::of(self.window_size, self.zoom)
    }

    /// The open document, if any.
    pub fn session(&self) -> Option<&Session> {
        self.workspace.as_ref().map(|w| &w.session)
    }

    /// The screen in view (the structure screen when no document is open).
    pub fn screen(&self) -> Screen {
        self.workspace
            .as_ref()
            .map_or(Screen::Structure, |w| w.screen.clone())
    }

    /// The window title: file name, a mark for unsaved changes, the app name.
    pub fn title(&self) -> String {
        match self.session() {
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

    /// Keyboard shortcuts, close requests, dropped files, autosave and signals.
    pub fn subscription(&self) -> Subscription<Message> {
        let dirty = self.session().is_some_and(Session::is_dirty);
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
            if self.recovery.is_some() && dirty {
                iced::time::every(AUTOSAVE_EVERY).map(|_| Message::AutosaveTick)
            } else {
                Subscription::none()
            },
            if self.handle_signals {
                signals::termination()
            } else {
                Subscription::none()
            },
        ])
    }

    /// Draws the window.
    pub fn view(&self) -> Element<'_, Message> {
        frame::view(self)
    }

    /// The kinds of slow work running now.
    pub fn busy(&self) -> impl Iterator<Item = Work> + '_ {
        self.busy.iter().copied()
    }

    /// The recovery offers on screen now, with their indices in [`App::recoveries`].
    pub fn offers_in_view(&self) -> Vec<(usize, &RecoveryOffer)> {
        self.recoveries
            .iter()
            .enumerate()
            .filter(|(_, offer)| self.reviewing_recoveries || offer.for_open_file)
            .collect()
    }

    /// Whether any slow work (load, save, export) is running.
    pub fn is_busy(&self) -> bool {
        !self.busy.is_empty()
    }
}
