//! Exports to a full disk or a read-only place: the command exits 2 with a plain message, the
//! previous export is intact (a reader can still open it) and no temporary file is left.
//!
//! The full and read-only disks are small tmpfs mounts, which need root (as in CI); without
//! that those tests say so and pass without checking. The test of a folder without write
//! permission skips for root, who may write there anyway.

use std::fs;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};

type Result<T = ()> = std::result::Result<T, Box<dyn std::error::Error>>;

/// A tmpfs mounted for one test, unmounted when dropped.
struct Tmpfs {
    point: PathBuf,
}

impl Tmpfs {
    /// Mounts a tmpfs of `size` (e.g. `64k`) at `point`, or says why it cannot.
    fn mount(point: &Path, size: &str) -> Option<Tmpfs> {
        let mounted = Command::new("mount")
            .args(["-t", "tmpfs", "-o", &format!("size={size}"), "tmpfs"])
            .arg(point)
            .output();
        match mounted {
            Ok(output) if output.status.success() => Some(Tmpfs {
                point: point.to_path_buf(),
            }),
            Ok(output) => {
                let why = String::from_utf8_lossy(&output.stderr);
                eprintln!("skipped: cannot mount a tmpfs here (needs root): {why}");
                None
            }
            Err(error) => {
                eprintln!("skipped: cannot run mount: {error}");
                None
            }
        }
    }

    fn make_read_only(&self) -> bool {
        Command::new("mount")
            .args(["-o", "remount,ro"])
            .arg(&self.point)
            .status()
            .is_ok_and(|status| status.success())
    }
}

impl Drop for Tmpfs {
    fn drop(&mut self) {
        let _ = Command::new("umount").arg(&self.point).status();
    }
}

fn export(args: &[&str], out: &Path) -> Result<Output> {
    let source = Path::new(env!("CARGO_MANIFEST_DIR")).join("curricula/medtech-htq.ron");
    Ok(Command::new(env!("CARGO_BIN_EXE_htq-studio"))
        .arg("export")
        .arg(source)
        .args(args)
        .arg(out)
        .output()?)
}

fn temporaries(folder: &Path) -> Vec<String> {
    fs::read_dir(folder)
        .into_iter()
        .flatten()
        .flatten()
        .map(|entry| entry.file_name().to_string_lossy().into_owned())
        .filter(|name| name.ends_with(".tmp"))
        .collect()
}

/// Exports the PDF of one unit (about 50 KB) to `out`, the "previous good export".
fn previous_export(out: &Path) -> Result<Vec<u8>> {
    let output = export(&["--unit", "4001", "--pdf"], out)?;
    assert!(
        output.status.success(),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    Ok(fs::read(out)?)
}

/// Whether a PDF reader can open the file (qpdf where installed, else the header).
fn opens_as_pdf(path: &Path, bytes: &[u8]) -> bool {
    match Command::new("qpdf").arg("--check").arg(path).output() {
        Ok(output) => output.status.success(),
        Err(_) => bytes.starts_with(b"%PDF") && bytes.ends_with(b"%%EOF\n"),
    }
}

#[test]
fn an_export_to_a_full_disk_fails_cleanly_and_keeps_the_previous_one() -> Result {
    let folder = tempfile::tempdir()?;
    let Some(disk) = Tmpfs::mount(folder.path(), "128k") else {
        return Ok(());
    };
    let out = disk.point.join("spec.pdf");
    let before = previous_export(&out)?;
    let output = export(&["--pdf"], &out)?;
    assert_eq!(output.status.code(), Some(2));
    assert_eq!(
        String::from_utf8_lossy(&output.stderr).trim(),
        format!("error: could not save {}: the disk is full", out.display())
    );
    assert_eq!(fs::read(&out)?, before, "the previous export is intact");
    assert!(opens_as_pdf(&out, &before));
    assert!(
        temporaries(&disk.point).is_empty(),
        "{:?}",
        temporaries(&disk.point)
    );
    Ok(())
}

#[test]
fn an_export_to_a_read_only_disk_fails_cleanly_and_keeps_the_previous_one() -> Result {
    let folder = tempfile::tempdir()?;
    let Some(disk) = Tmpfs::mount(folder.path(), "1m") else {
        return Ok(());
    };
    let out = disk.point.join("mapping.csv");
    let csv = export(&["--mapping-csv"], &out)?;
    assert!(
        csv.status.success(),
        "{}",
        String::from_utf8_lossy(&csv.stderr)
    );
    let before = fs::read(&out)?;
    if !disk.make_read_only() {
        eprintln!("skipped: cannot remount the tmpfs read-only");
        return Ok(());
    }
    let output = export(&["--mapping-csv"], &out)?;
    assert_eq!(output.status.code(), Some(2));
    assert!(
        String::from_utf8_lossy(&output.stderr).contains("the folder is read-only"),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    assert_eq!(fs::read(&out)?, before);
    Ok(())
}

#[cfg(unix)]
#[test]
fn an_export_to_a_folder_without_write_permission_fails_cleanly() -> Result {
    use std::os::unix::fs::PermissionsExt;
    let folder = tempfile::tempdir()?;
    let locked = folder.path().join("locked");
    fs::create_dir(&locked)?;
    let out = locked.join("spec.pdf");
    let before = previous_export(&out)?;
    fs::set_permissions(&locked, fs::Permissions::from_mode(0o555))?;
    let probe = fs::write(locked.join("probe"), "");
    let output = export(&["--pdf"], &out);
    fs::set_permissions(&locked, fs::Permissions::from_mode(0o755))?;
    if probe.is_ok() {
        eprintln!("skipped: running as root, which may write into read-only folders");
        return Ok(());
    }
    let output = output?;
    assert_eq!(output.status.code(), Some(2));
    assert_eq!(fs::read(&out)?, before);
    Ok(())
}
