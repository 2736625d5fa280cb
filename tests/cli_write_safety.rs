//! Destructive command lines: an export named after its own source (directly, through `./`,
//! `..`, a symbolic or a hard link), two exports to one file, pipes given as inputs or
//! outputs. Each ends at once in exit code 2 and one clear `error:` line, with every file
//! left exactly as it was; and what a rewrite keeps of a file (mode, owner) and does to its
//! hard links.

use std::fs;
use std::io::Read;
use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};
use std::time::{Duration, Instant};

type Result<T = ()> = std::result::Result<T, Box<dyn std::error::Error>>;

/// Runs `htq-studio` in `dir`; a command still running after 20 seconds (blocked on a pipe)
/// is killed and fails the test.
fn htq(args: &[&str], dir: &Path) -> Result<Output> {
    let mut child = Command::new(env!("CARGO_BIN_EXE_htq-studio"))
        .args(args)
        .current_dir(dir)
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()?;
    let started = Instant::now();
    while child.try_wait()?.is_none() {
        if started.elapsed() > Duration::from_secs(20) {
            child.kill()?;
            child.wait()?;
            return Err(format!("htq-studio {args:?} was still running after 20 s").into());
        }
        std::thread::sleep(Duration::from_millis(10));
    }
    let mut output = Output {
        status: child.wait()?,
        stdout: Vec::new(),
        stderr: Vec::new(),
    };
    if let Some(mut out) = child.stdout.take() {
        out.read_to_end(&mut output.stdout)?;
    }
    if let Some(mut err) = child.stderr.take() {
        err.read_to_end(&mut output.stderr)?;
    }
    Ok(output)
}

fn stderr(output: &Output) -> String {
    String::from_utf8_lossy(&output.stderr).into_owned()
}

/// A folder holding the shipped curriculum as `c.ron`.
fn folder_with_curriculum() -> Result<(tempfile::TempDir, Vec<u8>)> {
    let dir = tempfile::tempdir()?;
    let shipped = Path::new(env!("CARGO_MANIFEST_DIR")).join("curricula/medtech-htq.ron");
    let bytes = fs::read(shipped)?;
    fs::write(dir.path().join("c.ron"), &bytes)?;
    Ok((dir, bytes))
}

/// Every file in `dir` with its bytes (links as what they point to; nothing for a pipe,
/// which is never read), sorted by name.
fn snapshot(dir: &Path) -> Result<Vec<(PathBuf, Option<Vec<u8>>)>> {
    let mut files: Vec<(PathBuf, Option<Vec<u8>>)> = fs::read_dir(dir)?
        .flatten()
        .map(|entry| {
            let path = entry.path();
            let is_file = fs::metadata(&path).is_ok_and(|m| m.is_file());
            let bytes = is_file.then(|| fs::read(&path).ok()).flatten();
            (path, bytes)
        })
        .collect();
    files.sort();
    Ok(files)
}

/// Runs `args` in `dir` and checks that it ends in exit code 2 with `expected` in its first
/// error line, leaving every file in `dir` as it was.
fn refused_touching_nothing(dir: &Path, args: &[&str], expected: &str) -> Result {
    let before = snapshot(dir)?;
    let output = htq(args, dir)?;
    let message = stderr(&output);
    assert_eq!(output.status.code(), Some(2), "{args:?}: {message}");
    let first = message.lines().next().unwrap_or_default();
    assert!(
        first.starts_with("error: ") && first.contains(expected),
        "{args:?}: {message}"
    );
    assert_eq!(snapshot(dir)?, before, "{args:?} changed a file");
    Ok(())
}

#[test]
fn an_export_named_after_its_source_is_refused_and_nothing_is_written() -> Result {
    let (dir, original) = folder_with_curriculum()?;
    let dir = dir.path();
    fs::create_dir(dir.join("sub"))?;
    #[cfg(unix)]
    {
        std::os::unix::fs::symlink("c.ron", dir.join("spec.pdf"))?;
        fs::hard_link(dir.join("c.ron"), dir.join("copy.csv"))?;
    }
    let cases: &[&[&str]] = &[
        &["export", "c.ron", "--pdf", "c.ron"],
        &["export", "c.ron", "--mapping-csv", "c.ron"],
        &["export", "c.ron", "--minutes", "c.ron"],
        &["export", "c.ron", "--pdf", "./c.ron"],
        &["export", "./c.ron", "--pdf", "sub/../c.ron"],
        &[
            "export",
            "c.ron",
            "--mapping-csv",
            "fresh.csv",
            "--pdf",
            "c.ron",
        ],
        #[cfg(unix)]
        &["export", "c.ron", "--pdf", "spec.pdf"],
        #[cfg(unix)]
        &["export", "c.ron", "--mapping-csv", "copy.csv"],
    ];
    for args in cases {
        refused_touching_nothing(dir, args, "this command reads")?;
    }
    assert_eq!(fs::read(dir.join("c.ron"))?, original);
    assert!(!dir.join("fresh.csv").exists());
    let output = htq(&["export", "c.ron", "--pdf", "c.ron"], dir)?;
    assert_eq!(
        stderr(&output).trim(),
        "error: did not write c.ron: this command reads that file; choose another name for \
         the output"
    );
    Ok(())
}

#[test]
fn two_exports_to_one_file_are_refused_before_either_is_written() -> Result {
    let (dir, _) = folder_with_curriculum()?;
    refused_touching_nothing(
        dir.path(),
        &[
            "export",
            "c.ron",
            "--pdf",
            "out.pdf",
            "--minutes",
            "./out.pdf",
        ],
        "out.pdf and ./out.pdf are the same file",
    )
}

#[test]
fn import_into_the_standard_itself_is_refused() -> Result {
    let (dir, _) = folder_with_curriculum()?;
    let standard = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("crates/htq-core/tests/fixtures/standards/st0220_v1.0.json");
    fs::copy(standard, dir.path().join("st.json"))?;
    refused_touching_nothing(
        dir.path(),
        &["import-standard", "st.json", "--into", "./st.json"],
        "this command reads",
    )
}

#[cfg(unix)]
#[test]
fn a_pipe_is_refused_at_once_as_input_and_as_output() -> Result {
    let (dir, _) = folder_with_curriculum()?;
    let dir = dir.path();
    let made = Command::new("mkfifo").arg(dir.join("pipe")).status()?;
    assert!(made.success(), "mkfifo failed");
    let not_a_file = "not a regular file (it is a pipe, a device or a socket)";
    let cases: &[&[&str]] = &[
        &["check", "pipe"],
        &["fmt", "pipe"],
        &["fmt", "--check", "pipe"],
        &["export", "pipe", "--pdf", "out.pdf"],
        &["export", "c.ron", "--pdf", "pipe"],
        &["export", "c.ron", "--mapping-csv", "pipe"],
        &["import-standard", "c.ron", "--into", "pipe"],
    ];
    for args in cases {
        refused_touching_nothing(dir, args, not_a_file)?;
    }
    fs::rename(dir.join("pipe"), dir.join("pipe.json"))?;
    refused_touching_nothing(
        dir,
        &["import-standard", "pipe.json", "--into", "c.ron"],
        not_a_file,
    )
}

#[cfg(unix)]
#[test]
fn fmt_keeps_the_mode_and_the_owner_of_the_file() -> Result {
    use std::os::unix::fs::{MetadataExt, PermissionsExt};
    let (dir, original) = folder_with_curriculum()?;
    let path = dir.path().join("c.ron");
    let mut untidy = original.clone();
    untidy.extend_from_slice(b"\n\n");
    fs::write(&path, &untidy)?;
    fs::set_permissions(&path, fs::Permissions::from_mode(0o600))?;
    // Only the superuser (as in CI) may give the file to someone else to begin with.
    let other_owner = std::os::unix::fs::chown(&path, Some(4242), Some(4242)).is_ok();
    let output = htq(&["fmt", "c.ron"], dir.path())?;
    assert!(output.status.success(), "{}", stderr(&output));
    assert_eq!(fs::read(&path)?, original);
    let metadata = fs::metadata(&path)?;
    assert_eq!(metadata.permissions().mode() & 0o7777, 0o600);
    if other_owner {
        assert_eq!((metadata.uid(), metadata.gid()), (4242, 4242));
        assert!(stderr(&output).is_empty(), "{}", stderr(&output));
    } else {
        eprintln!("skipped the owner: only the superuser may give a file to another user");
    }
    Ok(())
}

#[cfg(unix)]
#[test]
fn a_rewrite_separates_the_name_from_its_hard_links_and_says_so() -> Result {
    let (dir, original) = folder_with_curriculum()?;
    let path = dir.path().join("c.ron");
    let mut untidy = original.clone();
    untidy.extend_from_slice(b"\n\n");
    fs::write(&path, &untidy)?;
    fs::hard_link(&path, dir.path().join("backup.ron"))?;
    let output = htq(&["fmt", "c.ron"], dir.path())?;
    assert!(output.status.success(), "{}", stderr(&output));
    assert_eq!(
        stderr(&output).trim(),
        "note: c.ron had 1 other hard link; only this name has the new contents, the other \
         names keep the previous version"
    );
    assert_eq!(fs::read(&path)?, original);
    assert_eq!(fs::read(dir.path().join("backup.ron"))?, untidy);
    Ok(())
}

#[test]
fn an_export_replaces_the_previous_one_whole() -> Result {
    let (dir, _) = folder_with_curriculum()?;
    fs::write(dir.path().join("out.csv"), "previous")?;
    let output = htq(&["export", "c.ron", "--mapping-csv", "out.csv"], dir.path())?;
    assert!(output.status.success(), "{}", stderr(&output));
    let csv = fs::read_to_string(dir.path().join("out.csv"))?;
    assert!(csv.starts_with("\u{feff}Standard,Code,"), "{csv}");
    let leftovers: Vec<_> = fs::read_dir(dir.path())?
        .flatten()
        .filter(|entry| entry.file_name().to_string_lossy().ends_with(".tmp"))
        .collect();
    assert!(leftovers.is_empty(), "{leftovers:?}");
    Ok(())
}
