//! The real window, in a real X server (Xvfb), stopped the way a session ends or a terminal
//! is closed: SIGTERM and SIGINT close it cleanly, removing its lock note beside the file, with
//! exit status 0, instead of dying and leaving a note that says someone still has the file open.

use std::path::Path;
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

/// An X server on a free display, stopped when dropped.
struct Display {
    server: Child,
    name: String,
}

impl Drop for Display {
    fn drop(&mut self) {
        let _ = self.server.kill();
        let _ = self.server.wait();
    }
}

fn display() -> Display {
    let number = (200..260)
        .find(|n| !Path::new(&format!("/tmp/.X11-unix/X{n}")).exists())
        .expect("a free display number");
    let name = format!(":{number}");
    let server = Command::new("Xvfb")
        .args([
            name.as_str(),
            "-screen",
            "0",
            "1600x1000x24",
            "-nolisten",
            "tcp",
        ])
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .expect("Xvfb runs (installed by .ci/deps)");
    let socket = format!("/tmp/.X11-unix/X{number}");
    wait_for(|| Path::new(&socket).exists(), "the X server to start");
    Display { server, name }
}

fn wait_for(done: impl Fn() -> bool, what: &str) {
    let started = Instant::now();
    while !done() {
        assert!(
            started.elapsed() < Duration::from_secs(60),
            "waited too long for {what}"
        );
        std::thread::sleep(Duration::from_millis(50));
    }
}

fn stops_cleanly_on(signal: libc::c_int) {
    let display = display();
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("panel.ron");
    std::fs::copy(
        Path::new(env!("CARGO_MANIFEST_DIR")).join("curricula/medtech-htq.ron"),
        &file,
    )
    .unwrap();
    let note = dir.path().join(".panel.ron.htq-lock");
    let mut window = Command::new(env!("CARGO_BIN_EXE_htq-studio"))
        .arg(&file)
        .env("DISPLAY", &display.name)
        .env("ICED_BACKEND", "tiny-skia")
        .env("HTQ_STUDIO_DATA_DIR", dir.path().join("data"))
        .env("XDG_CONFIG_HOME", dir.path().join("config"))
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    wait_for(|| note.exists(), "the window to open the file");
    let pid = libc::pid_t::try_from(window.id()).unwrap();
    // SAFETY: sends a signal to the child started above; touches no memory of ours.
    assert_eq!(unsafe { libc::kill(pid, signal) }, 0);
    let started = Instant::now();
    let status = loop {
        if let Some(status) = window.try_wait().unwrap() {
            break status;
        }
        if started.elapsed() > Duration::from_secs(30) {
            let _ = window.kill();
            panic!("the window did not close after the signal");
        }
        std::thread::sleep(Duration::from_millis(50));
    };
    assert!(status.success(), "it closed cleanly: {status:?}");
    assert!(!note.exists(), "the lock note is removed");
}

#[test]
fn sigterm_closes_the_window_cleanly() {
    stops_cleanly_on(libc::SIGTERM);
}

#[test]
fn sigint_closes_the_window_cleanly() {
    stops_cleanly_on(libc::SIGINT);
}
