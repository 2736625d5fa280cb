//! Exports replaced atomically, proven as saves are: a real `htq-studio` process writes two
//! specification PDFs to one file in turn through the write path of every export (the hidden
//! `export-loop` drill) and is killed with SIGKILL at random moments, 200 times. After every
//! kill the file must be exactly one of the two PDFs, never empty, truncated or mixed.

use std::fs;
use std::io::{BufRead, BufReader};
use std::path::Path;
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant, SystemTime, UNIX_EPOCH};

/// Kills in total.
const KILLS: usize = 200;

/// A small xorshift generator: varied moments and a seed to print so a failure can be
/// replayed with `HTQ_KILL_SEED`.
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

fn drill() -> Command {
    Command::new(env!("CARGO_BIN_EXE_htq-drill"))
}

/// Writes the specification PDF of the shipped curriculum `name` at `out`.
fn export_pdf(name: &str, out: &Path) {
    let source = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../../curricula")
        .join(name);
    let doc = htq_core::store::load(&source).expect("the shipped curriculum loads");
    let pdf = htq_core::export::specification_pdf(&doc, &Default::default())
        .expect("the specification is made");
    fs::write(out, pdf).expect("the PDF is written");
}

fn export_loop(dir: &Path, count: usize) -> Child {
    let mut child = drill()
        .args(["export-loop", "target.pdf", "a.pdf", "b.pdf", "--count"])
        .arg(count.to_string())
        .current_dir(dir)
        .stdout(Stdio::piped())
        .stderr(Stdio::inherit())
        .spawn()
        .unwrap_or_else(|error| panic!("cannot start htq-drill: {error}"));
    let stdout = child.stdout.take().expect("stdout is piped");
    let mut line = String::new();
    BufReader::new(stdout)
        .read_line(&mut line)
        .expect("the drill announces itself");
    assert_eq!(line.trim(), "exporting", "the drill did not start");
    child
}

#[test]
fn a_killed_export_leaves_the_old_or_the_new_file_never_a_partial_one() {
    let folder = tempfile::tempdir().expect("a temporary folder");
    let dir = folder.path();
    export_pdf("medtech-htq.ron", &dir.join("a.pdf"));
    export_pdf("medtech-htq-draft.ron", &dir.join("b.pdf"));
    let a = fs::read(dir.join("a.pdf")).expect("a.pdf");
    let b = fs::read(dir.join("b.pdf")).expect("b.pdf");
    assert_ne!(a, b);
    fs::write(dir.join("target.pdf"), &a).expect("target written");

    // How long one export write takes here, so the kills spread over whole writes.
    let mut calibration = export_loop(dir, 20);
    let started = Instant::now();
    let status = calibration.wait().expect("the drill runs");
    assert!(status.success(), "the export drill failed: {status}");
    let per_write = started.elapsed() / 20;
    let window_us = (per_write.as_micros() as u64 * 3).max(1_000);

    let seed = seed();
    let mut moments = Moments(seed);
    let mut seen = [0usize; 2];
    for kill in 0..KILLS {
        let mut child = export_loop(dir, 1_000_000);
        std::thread::sleep(Duration::from_micros(moments.next_below(window_us)));
        child.kill().expect("SIGKILL delivered");
        child.wait().expect("the killed drill is reaped");
        let now = fs::read(dir.join("target.pdf")).unwrap_or_else(|error| {
            panic!("kill {kill} (seed {seed}): the export cannot be read: {error}")
        });
        match now {
            bytes if bytes == a => seen[0] += 1,
            bytes if bytes == b => seen[1] += 1,
            bytes => panic!(
                "kill {kill} (seed {seed}): the export is neither PDF ({} bytes; they have {} \
                 and {})",
                bytes.len(),
                a.len(),
                b.len()
            ),
        }
    }
    let interrupted = fs::read_dir(dir)
        .expect("the folder lists")
        .flatten()
        .filter(|entry| entry.file_name().to_string_lossy().ends_with(".tmp"))
        .count();
    eprintln!(
        "{KILLS} kills (seed {seed}, one write takes about {per_write:?}): old/new PDF found \
         {} and {} times; {interrupted} kills interrupted a write mid-way",
        seen[0], seen[1]
    );
}
