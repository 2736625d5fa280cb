//! Atomic saves, proven: a real `htq-studio` process saves two versions of a large curriculum
//! to one file in turn (the hidden `save-loop` drill) and is killed with SIGKILL at random
//! moments, hundreds of times. After every kill the file must load and be exactly one of the
//! two versions, never a mixture, a truncation or nothing.

use htq_core::model::Curriculum;
use htq_core::model::synthetic::{Size, curriculum};
use htq_core::store;
use std::fs;
use std::io::{BufRead, BufReader};
use std::path::Path;
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant, SystemTime, UNIX_EPOCH};

/// Kills in total.
const KILLS: usize = 250;

/// A small xorshift generator: the test needs no statistical quality, only varied moments
/// and a seed to print so a failure can be replayed.
struct Moments(u64);

impl Moments {
    fn next_below(&mut self, bound: u64) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0 % bound.max(1)
    }
}

fn seed() -> u64 {
    let from_env = std::env::var("HTQ_KILL_SEED")
        .ok()
        .and_then(|s| s.parse().ok());
    from_env.unwrap_or_else(|| {
        SystemTime::now()
            .duration_since(UNIX_EPOCH)
            .map_or(1, |d| d.as_nanos() as u64)
            | 1
    })
}

fn save_loop(dir: &Path, count: usize) -> Child {
    Command::new(env!("CARGO_BIN_EXE_htq-drill"))
        .args(["save-loop", "target.ron", "a.ron", "b.ron", "--count"])
        .arg(count.to_string())
        .current_dir(dir)
        .stdout(Stdio::piped())
        .stderr(Stdio::inherit())
        .spawn()
        .unwrap_or_else(|error| panic!("cannot start htq-studio: {error}"))
}

/// Waits until the drill has loaded both versions and starts saving.
fn wait_until_saving(child: &mut Child) {
    let stdout = child.stdout.take().expect("stdout is piped");
    let mut line = String::new();
    BufReader::new(stdout)
        .read_line(&mut line)
        .expect("the drill announces itself");
    assert_eq!(line.trim(), "saving", "the drill did not start");
}

fn versions() -> (Curriculum, Curriculum) {
    let a = curriculum(Size::LARGE);
    let b = curriculum(Size {
        units: 48,
        mappings: 700,
        ..Size::LARGE
    });
    (a, b)
}

#[test]
fn a_killed_save_leaves_the_old_or_the_new_file_never_a_mixture() {
    let folder = tempfile::tempdir().expect("a temporary folder");
    let dir = folder.path();
    let (a, b) = versions();
    let (a_text, b_text) = (store::to_string(&a), store::to_string(&b));
    assert_ne!(a_text.len(), b_text.len());
    fs::write(dir.join("a.ron"), &a_text).expect("version a written");
    fs::write(dir.join("b.ron"), &b_text).expect("version b written");
    fs::write(dir.join("target.ron"), &a_text).expect("target written");

    // How long one save takes here, so the kills spread over whole saves.
    let mut calibration = save_loop(dir, 20);
    wait_until_saving(&mut calibration);
    let started = Instant::now();
    let status = calibration.wait().expect("the drill runs");
    assert!(status.success(), "the save drill failed: {status}");
    let per_save = started.elapsed() / 20;
    let window_us = (per_save.as_micros() as u64 * 3).max(1_000);

    let seed = seed();
    let mut moments = Moments(seed);
    let mut seen = [0usize; 2];
    for kill in 0..KILLS {
        let mut child = save_loop(dir, 1_000_000);
        wait_until_saving(&mut child);
        std::thread::sleep(Duration::from_micros(moments.next_below(window_us)));
        child.kill().expect("SIGKILL delivered");
        child.wait().expect("the killed drill is reaped");

        let text = fs::read_to_string(dir.join("target.ron")).unwrap_or_else(|error| {
            panic!("kill {kill} (seed {seed}): the file cannot be read: {error}")
        });
        match text {
            t if t == a_text => seen[0] += 1,
            t if t == b_text => seen[1] += 1,
            t => panic!(
                "kill {kill} (seed {seed}): the file is neither version ({} bytes, versions \
                 have {} and {})",
                t.len(),
                a_text.len(),
                b_text.len()
            ),
        }
        let loaded = store::load(&dir.join("target.ron"));
        assert!(
            loaded == Ok(a.clone()) || loaded == Ok(b.clone()),
            "kill {kill} (seed {seed}): the file does not load as either version"
        );
    }
    // A kill in the middle of writing leaves that save's temporary file behind.
    let interrupted = fs::read_dir(dir)
        .expect("the folder lists")
        .flatten()
        .filter(|entry| entry.file_name().to_string_lossy().ends_with(".tmp"))
        .count();
    eprintln!(
        "{KILLS} kills (seed {seed}, one save takes about {per_save:?}): old/new version \
         found {} and {} times; {interrupted} kills interrupted a save mid-write",
        seen[0], seen[1]
    );
}
