//! Two commands rewriting one curriculum at once: `fmt` and `import-standard` started
//! together, 50 rounds. Without a lock, `fmt` read the file before the import saved and then
//! wrote its canonical copy over it: the import vanished while both exited 0. Now every
//! round ends with the standard in the file whenever the import said it saved, and a command
//! that did not succeed says why.

use htq_studio::store;
use std::fs;
use std::path::Path;
use std::process::{Command, Output, Stdio};

/// Rounds in total.
const ROUNDS: usize = 50;

fn start(args: &[&str], dir: &Path) -> std::process::Child {
    Command::new(env!("CARGO_BIN_EXE_htq-studio"))
        .args(args)
        .current_dir(dir)
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap_or_else(|error| panic!("cannot start htq-studio: {error}"))
}

fn finish(child: std::process::Child) -> Output {
    child.wait_with_output().expect("the command runs")
}

fn text(bytes: &[u8]) -> String {
    String::from_utf8_lossy(bytes).into_owned()
}

#[test]
fn of_fmt_and_import_at_once_every_change_is_kept_or_reported() {
    let folder = tempfile::tempdir().expect("a temporary folder");
    let dir = folder.path();
    let manifest = Path::new(env!("CARGO_MANIFEST_DIR"));
    fs::copy(
        manifest.join("crates/htq-core/tests/fixtures/standards/st0220_v1.0.json"),
        dir.join("st.json"),
    )
    .expect("the standard is copied");
    let mut doc = store::load(&manifest.join("curricula/medtech-htq.ron")).expect("loads");
    doc.standards
        .retain(|standard| standard.reference != "ST0220");
    doc.mappings.clear();
    // A comment makes the file differ from its canonical form, so `fmt` rewrites it.
    let untidy = format!("// untidy\n{}", store::to_string(&doc));

    let mut outcomes = [0usize; 4];
    for round in 0..ROUNDS {
        fs::write(dir.join("c.ron"), &untidy).expect("the round's file is written");
        let (fmt, import) = if round % 2 == 0 {
            let fmt = start(&["fmt", "c.ron"], dir);
            let import = start(&["import-standard", "st.json", "--into", "c.ron"], dir);
            (fmt, import)
        } else {
            let import = start(&["import-standard", "st.json", "--into", "c.ron"], dir);
            let fmt = start(&["fmt", "c.ron"], dir);
            (fmt, import)
        };
        let (fmt, import) = (finish(fmt), finish(import));
        let after = store::load(&dir.join("c.ron"))
            .unwrap_or_else(|error| panic!("round {round}: the file does not load: {error}"));
        let imported = after.standards.iter().any(|s| s.reference == "ST0220");
        for (name, output) in [("fmt", &fmt), ("import-standard", &import)] {
            if !output.status.success() {
                let message = text(&output.stderr);
                assert!(
                    message.starts_with("error: ") && output.status.code() == Some(2),
                    "round {round}: {name} failed without a clear message: {message}"
                );
            }
        }
        if import.status.success() {
            assert!(
                imported,
                "round {round}: import-standard said it saved, but the standard is gone \
                 (fmt: {})",
                text(&fmt.stdout)
            );
        } else {
            assert!(
                !imported,
                "round {round}: a failed import left the standard"
            );
        }
        let slot = usize::from(fmt.status.success()) * 2 + usize::from(import.status.success());
        outcomes[slot] += 1;
    }
    let leftovers = fs::read_dir(dir)
        .expect("the folder lists")
        .flatten()
        .filter(|entry| entry.file_name().to_string_lossy().ends_with(".tmp"))
        .count();
    assert_eq!(leftovers, 0, "temporary files were left behind");
    eprintln!(
        "{ROUNDS} rounds: both succeeded {}, only fmt {}, only the import {}, neither {}",
        outcomes[3], outcomes[2], outcomes[1], outcomes[0]
    );
}
