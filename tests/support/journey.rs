//! Journeys through the real program, headless: iced_test's emulator runs the same iced
//! program as `htq-studio` (boot, update, view, and every task: file dialogs from a script,
//! loads and saves on worker threads, focus operations), and the harness drives it the way a
//! person does, by the labels on screen: click, type, press Tab, then save, and the test reads
//! the saved file back.
//!
//! Keys the window reads through its keyboard subscription (shortcuts, Tab) are delivered the
//! way the subscription would deliver them, because the emulator runs no event subscriptions.

use super::ui::{ScriptedDialogs, settings};
use htq_studio::app::{self, App, Message, Options};
use htq_studio::store::RecoveryStore;
use iced::keyboard::{self, Modifiers};
use iced_test::emulator::{Emulator, Event, Mode};
use iced_test::futures::futures::channel::mpsc::{self, TryRecvError};
use iced_test::instruction::{self, Instruction, Interaction, Target};
use iced_test::program::Program;
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::time::{Duration, Instant};

/// How long one step may take before the journey fails instead of hanging.
const STEP_LIMIT: Duration = Duration::from_secs(60);

/// A program being driven, with its emulator.
pub struct Journey<P: Program<State = App, Message = Message> + 'static> {
    program: P,
    emulator: Emulator<P>,
    events: mpsc::Receiver<Event<P>>,
    /// The dialogs the program asks.
    pub dialogs: Arc<ScriptedDialogs>,
}

/// Loads the bundled fonts into the renderer's font system, as the window does at start.
fn load_fonts() {
    let _: iced_test::Simulator<'_, Message> =
        iced_test::Simulator::with_settings(settings(), iced::widget::text(""));
}

/// The options of a journey: `file` opened at start, `dialogs` answering, a fixed clock, and
/// recovery files in `recovery` when given.
pub fn options(
    file: Option<&Path>,
    dialogs: Arc<ScriptedDialogs>,
    recovery: Option<PathBuf>,
) -> Options {
    let mut options = Options::isolated(dialogs);
    options.file = file.map(Path::to_path_buf);
    options.recovery = recovery.map(RecoveryStore::new);
    options
}

/// Starts the program with `options`, answering dialogs with `dialogs`, and waits until it
/// has booted (the file, if any, loaded).
pub fn start(
    options: Options,
    dialogs: Arc<ScriptedDialogs>,
) -> Journey<impl Program<State = App, Message = Message, Theme = iced::Theme> + 'static> {
    load_fonts();
    let program = app::application(options);
    let (sender, events) = mpsc::channel(256);
    let emulator = Emulator::new(sender, &program, Mode::Zen, iced::Size::new(1280.0, 800.0));
    let mut journey = Journey {
        program,
        emulator,
        events,
        dialogs,
    };
    journey.wait("boot");
    journey
}

/// Opens `path` in a new window with no dialog answers.
pub fn open(
    path: &Path,
) -> Journey<impl Program<State = App, Message = Message, Theme = iced::Theme> + 'static> {
    let dialogs = Arc::new(ScriptedDialogs::default());
    start(options(Some(path), dialogs.clone(), None), dialogs)
}

impl<P: Program<State = App, Message = Message> + 'static> Journey<P> {
    /// Runs `instruction` and waits for everything it started.
    fn run(&mut self, instruction: Instruction) {
        let what = instruction.to_string();
        self.emulator.run(&self.program, instruction);
        self.wait(&what);
    }

    /// The next event of the program, or `None` after a short pause when there is none yet;
    /// fails the journey when the program stopped or `what` has taken too long.
    fn next(&mut self, what: &str, started: Instant) -> Option<Event<P>> {
        match self.events.try_recv() {
            Ok(event) => Some(event),
            Err(TryRecvError::Closed) => panic!("the program stopped during {what}"),
            Err(TryRecvError::Empty) => {
                assert!(
                    started.elapsed() < STEP_LIMIT,
                    "{what} did not finish in time"
                );
                std::thread::sleep(Duration::from_millis(2));
                None
            }
        }
    }

    /// Carries out the program's actions until it says the last instruction is done.
    fn wait(&mut self, what: &str) {
        let started = Instant::now();
        loop {
            match self.next(what, started) {
                Some(Event::Action(action)) => self.emulator.perform(&self.program, action),
                Some(Event::Ready) => return,
                Some(Event::Failed(instruction)) => panic!("{instruction} failed"),
                None => {}
            }
        }
    }

    /// Carries out whatever the program still has to do, until it has been idle a moment.
    fn settle(&mut self) {
        let started = Instant::now();
        let mut idle_since = Instant::now();
        while idle_since.elapsed() < Duration::from_millis(150) {
            match self.next("settling", started) {
                Some(Event::Action(action)) => {
                    self.emulator.perform(&self.program, action);
                    idle_since = Instant::now();
                }
                Some(Event::Ready) => idle_since = Instant::now(),
                Some(Event::Failed(instruction)) => panic!("{instruction} failed"),
                None => {}
            }
        }
    }

    /// Clicks the element showing `label`.
    pub fn click(&mut self, label: &str) {
        self.run(Instruction::Interact(Interaction::Mouse(
            instruction::Mouse::Click {
                button: iced::mouse::Button::Left,
                target: Some(Target::Text(label.to_owned())),
            },
        )));
    }

    /// Clicks the middle of the widget with `id` (a field, which shows no label to find).
    pub fn click_field(&mut self, id: iced::widget::Id) {
        let center = {
            let mut ui = iced_test::Simulator::with_size(
                settings(),
                (1280.0, 800.0),
                self.emulator.view(&self.program),
            );
            let target = ui
                .find(iced_test::selector::id(id.clone()))
                .unwrap_or_else(|_| panic!("no field {id:?} on screen"));
            iced_test::selector::Bounded::visible_bounds(&target)
                .unwrap_or_else(|| panic!("the field {id:?} is off screen"))
                .center()
        };
        self.run(Instruction::Interact(Interaction::Mouse(
            instruction::Mouse::Click {
                button: iced::mouse::Button::Left,
                target: Some(Target::Point(center)),
            },
        )));
    }

    /// Draws the window as it is now, `size` logical pixels at `scale`, into the PNG at `path`
    /// (replaced if there), for a person to look at.
    #[allow(dead_code, reason = "used by the journeys that keep pictures")]
    pub fn picture(&mut self, path: &Path)
    where
        P: Program<Theme = iced::Theme>,
    {
        let theme = self
            .emulator
            .theme(&self.program)
            .unwrap_or(iced::Theme::Light);
        let mut ui = iced_test::Simulator::with_size(
            settings(),
            (1280.0, 800.0),
            self.emulator.view(&self.program),
        );
        let snapshot = ui.snapshot(&theme).expect("the window draws");
        let _ = std::fs::remove_file(path);
        snapshot
            .matches_image(path)
            .expect("the picture is written");
    }

    /// Types `text` into the field that has the cursor.
    pub fn typewrite(&mut self, text: &str) {
        self.run(Instruction::Interact(Interaction::Keyboard(
            instruction::Keyboard::Typewrite(text.to_owned()),
        )));
    }

    /// Presses and releases `key` (Enter, Tab, Backspace or Escape) as the keyboard would:
    /// the widgets see it, then the window's shortcuts.
    pub fn press(&mut self, key: instruction::Key, modifiers: Modifiers) {
        self.run(Instruction::Interact(Interaction::Keyboard(
            instruction::Keyboard::Type(key),
        )));
        self.send(Message::Key(keyboard::Key::from(key), modifiers, true));
    }

    /// Presses Ctrl with `letter` (Ctrl+S, Ctrl+Z …), with no field using the key.
    pub fn ctrl(&mut self, letter: &str) {
        self.send(Message::Key(
            keyboard::Key::Character(letter.into()),
            Modifiers::CTRL,
            false,
        ));
    }

    /// Sends `message` to the program, as a subscription would, and lets it finish.
    pub fn send(&mut self, message: Message) {
        self.emulator.update(&self.program, message);
        self.settle();
    }

    /// Whether the window shows `text` now.
    pub fn shows(&mut self, text: &str) -> bool {
        let instruction = Instruction::Expect(instruction::Expectation::Text(text.to_owned()));
        self.emulator.run(&self.program, instruction);
        let started = Instant::now();
        loop {
            match self.next(text, started) {
                Some(Event::Action(action)) => self.emulator.perform(&self.program, action),
                Some(Event::Ready) => return true,
                Some(Event::Failed(_)) => return false,
                None => {}
            }
        }
    }

    /// Lets the program finish what it is doing, then hands back its state to look at.
    pub fn finish(mut self) -> App {
        self.settle();
        self.emulator.into_state().0
    }
}
