//! Shared harness for the window tests: an app over a shipped curriculum, a headless simulator
//! with the bundled fonts, and a way to feed the simulator's messages back into `update`.

use htq_studio::app::theme::{BODY, FONT_FILES};
use htq_studio::app::{App, Dialogs, Message, PathFuture, Purpose};
use htq_studio::store;
use iced::Settings;
use iced_test::Simulator;
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex};

/// Dialogs that answer from a script and record what was asked; never a real dialog.
#[derive(Default)]
pub struct ScriptedDialogs {
    /// Paths to answer with, in order; `None` once exhausted (as if cancelled).
    pub answers: Mutex<Vec<PathBuf>>,
    /// What the app asked for.
    pub asked: Mutex<Vec<Purpose>>,
}

impl Dialogs for ScriptedDialogs {
    fn pick(&self, purpose: Purpose, _suggested_name: String) -> PathFuture {
        if let Ok(mut asked) = self.asked.lock() {
            asked.push(purpose);
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

/// A simulator over the app's current view, 1280 x 800, with the bundled fonts.
pub fn simulator(app: &App) -> Simulator<'_, Message> {
    let settings = Settings {
        fonts: FONT_FILES.iter().map(|bytes| (*bytes).into()).collect(),
        default_font: BODY,
        ..Settings::default()
    };
    Simulator::with_size(settings, (1280.0, 800.0), app.view())
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
