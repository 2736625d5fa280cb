//! Shared harness for the window tests: an app over a shipped curriculum, a headless simulator
//! with the bundled fonts, and a way to feed the simulator's messages back into `update`.

use htq_studio::app::theme::{BODY, FONT_FILES};
use htq_studio::app::{App, DialogRequest, Dialogs, Message, PathFuture, Session, Workspace};
use htq_studio::store;
use iced::Settings;
use iced_test::Simulator;
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex};

/// Dialogs that answer from a script and record what was asked; never a real dialog.
#[derive(Default)]
pub struct ScriptedDialogs {
    /// Paths to answer with, last first; `None` once exhausted (as if cancelled).
    pub answers: Mutex<Vec<PathBuf>>,
    /// What the app asked for.
    pub asked: Mutex<Vec<DialogRequest>>,
}

impl ScriptedDialogs {
    /// Dialogs that answer `paths`, in order.
    pub fn answering(paths: &[&Path]) -> Arc<Self> {
        let dialogs = Self::default();
        if let Ok(mut answers) = dialogs.answers.lock() {
            *answers = paths.iter().rev().map(|p| p.to_path_buf()).collect();
        }
        Arc::new(dialogs)
    }

    /// What each dialog asked was for, in order.
    pub fn purposes(&self) -> Vec<htq_studio::app::Purpose> {
        self.asked
            .lock()
            .map(|asked| asked.iter().map(|request| request.purpose).collect())
            .unwrap_or_default()
    }
}

impl Dialogs for ScriptedDialogs {
    fn pick(&self, request: DialogRequest) -> PathFuture {
        if let Ok(mut asked) = self.asked.lock() {
            asked.push(request);
        }
        let answer = self.answers.lock().ok().and_then(|mut a| a.pop());
        Box::pin(async move { answer })
    }
}

/// The path of a shipped curriculum.
pub fn curriculum(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("curricula")
        .join(name)
}

/// An app showing a shipped curriculum, with scripted dialogs.
pub fn app_with(name: &str) -> (App, Arc<ScriptedDialogs>) {
    let path = curriculum(name);
    let doc = store::load(&path).expect("the shipped curriculum loads");
    let dialogs = Arc::new(ScriptedDialogs::default());
    let app = App::with_document(doc, Some(path), dialogs.clone());
    (app, dialogs)
}

/// The open workspace (the test fails when none is open).
pub fn workspace(app: &App) -> &Workspace {
    app.workspace().expect("a document is open")
}

/// The open session (the test fails when none is open).
pub fn session(app: &App) -> &Session {
    &workspace(app).session
}

/// The settings the window runs with: the bundled fonts, Noto Sans by default.
pub fn settings() -> Settings {
    Settings {
        fonts: FONT_FILES.iter().map(|bytes| (*bytes).into()).collect(),
        default_font: BODY,
        ..Settings::default()
    }
}

/// A simulator over the app's current view, 1280 x 800, with the bundled fonts.
pub fn simulator(app: &App) -> Simulator<'_, Message> {
    Simulator::with_size(settings(), (1280.0, 800.0), app.view())
}

/// Runs `interact` on a fresh simulator and feeds the messages it produced to `update`.
pub fn interact(app: &mut App, interact: impl FnOnce(&mut Simulator<'_, Message>)) {
    let messages: Vec<Message> = {
        let mut ui = simulator(app);
        interact(&mut ui);
        ui.into_messages().collect()
    };
    for message in messages {
        let _ = app.update(message);
    }
}

/// Clicks the element showing `label` and applies the result.
pub fn click(app: &mut App, label: &str) {
    interact(app, |ui| {
        ui.click(label)
            .unwrap_or_else(|error| panic!("cannot click {label:?}: {error:?}"));
    });
}

/// Whether the current view shows `label`.
pub fn shows(app: &App, label: &str) -> bool {
    simulator(app).find(label).is_ok()
}
