//! Out of space and no permission: a save to a full disk or a read-only place fails with a
//! plain error, leaves the file that was there intact and leaves no temporary file behind.
//!
//! The full and read-only disks are small tmpfs mounts, which need root (as in CI); without
//! that those tests say so and pass without checking. Root also ignores permission bits, so
//! the read-only folder test checks a folder it can really not write to, and skips when it
//! can; the test with a file where the folder should be fails for everyone.

use htq_core::model::Curriculum;
use htq_core::model::synthetic::{Size, curriculum};
use htq_core::store::{self, SaveError};
use std::fs;
use std::path::{Path, PathBuf};
use std::process::Command;

type Result<T = ()> = std::result::Result<T, Box<dyn std::error::Error>>;

fn small() -> Curriculum {
    curriculum(Size {
        units: 2,
        outcomes_per_unit: 2,
        criteria_per_outcome: 3,
        standards: 1,
        ksbs_per_standard: 4,
        mappings: 3,
    })
}

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

fn temporaries(folder: &Path) -> Vec<String> {
    fs::read_dir(folder)
        .into_iter()
        .flatten()
        .flatten()
        .map(|entry| entry.file_name().to_string_lossy().into_owned())
        .filter(|name| name.ends_with(".tmp"))
        .collect()
}

#[test]
fn a_full_disk_fails_cleanly_and_keeps_the_old_file() -> Result {
    let folder = tempfile::tempdir()?;
    let Some(disk) = Tmpfs::mount(folder.path(), "64k") else {
        return Ok(());
    };
    let path = disk.point.join("panel.ron");
    store::save(&path, &small())?;
    let before = fs::read_to_string(&path)?;

    let large = curriculum(Size::LARGE);
    let kept = large.clone();
    let error = store::save(&path, &large)
        .err()
        .ok_or("a 1 MB save fits in 64 KiB")?;
    assert_eq!(error, SaveError::DiskFull { path: path.clone() });
    assert_eq!(
        error.to_string(),
        format!("could not save {}: the disk is full", path.display())
    );
    assert_eq!(fs::read_to_string(&path)?, before, "the old file is intact");
    assert_eq!(store::load(&path)?, small());
    assert!(
        temporaries(&disk.point).is_empty(),
        "{:?}",
        temporaries(&disk.point)
    );
    assert_eq!(
        large, kept,
        "the document is unchanged and can be saved elsewhere"
    );
    Ok(())
}

#[test]
fn a_read_only_disk_fails_cleanly_and_keeps_the_old_file() -> Result {
    let folder = tempfile::tempdir()?;
    let Some(disk) = Tmpfs::mount(folder.path(), "256k") else {
        return Ok(());
    };
    let path = disk.point.join("panel.ron");
    store::save(&path, &small())?;
    if !disk.make_read_only() {
        eprintln!("skipped: cannot remount the tmpfs read-only");
        return Ok(());
    }
    let mut edited = small();
    edited.qualification.title = "Edited".into();
    assert_eq!(
        store::save(&path, &edited),
        Err(SaveError::ReadOnly { path: path.clone() })
    );
    assert_eq!(store::load(&path)?, small());
    assert_eq!(
        store::save_checked(&path, &edited, None),
        Err(SaveError::ReadOnly { path: path.clone() })
    );
    Ok(())
}

#[cfg(unix)]
#[test]
fn a_folder_without_write_permission_fails_cleanly() -> Result {
    use std::os::unix::fs::PermissionsExt;
    let folder = tempfile::tempdir()?;
    let locked = folder.path().join("locked");
    fs::create_dir(&locked)?;
    let path = locked.join("panel.ron");
    store::save(&path, &small())?;
    fs::set_permissions(&locked, fs::Permissions::from_mode(0o555))?;
    let probe = fs::write(locked.join("probe"), "");
    let result = store::save(&path, &curriculum(Size::LARGE));
    fs::set_permissions(&locked, fs::Permissions::from_mode(0o755))?;
    if probe.is_ok() {
        eprintln!("skipped: running as root, which may write into read-only folders");
        return Ok(());
    }
    assert_eq!(result, Err(SaveError::ReadOnly { path: path.clone() }));
    assert_eq!(store::load(&path)?, small());
    Ok(())
}

#[test]
fn a_file_where_the_folder_should_be_fails_for_everyone() -> Result {
    let folder = tempfile::tempdir()?;
    let not_a_folder = folder.path().join("notes.txt");
    fs::write(&not_a_folder, "minutes of the panel")?;
    let path = not_a_folder.join("panel.ron");
    assert_eq!(
        store::save(&path, &small()),
        Err(SaveError::NoFolder { path: path.clone() })
    );
    assert_eq!(fs::read_to_string(&not_a_folder)?, "minutes of the panel");
    Ok(())
}
