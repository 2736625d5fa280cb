//! `htq-studio import-standard`: a round trip through real files in a temporary folder.

use htq_studio::model::synthetic::{Size, curriculum};
use htq_studio::model::{Coverage, Curriculum, Edit};
use htq_studio::store;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};

fn fixture(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("crates/htq-core/tests/fixtures/standards")
        .join(name)
}

fn run(args: &[&std::ffi::OsStr]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_htq-studio"))
        .args(args)
        .output()
        .expect("the binary runs")
}

fn import(standard: &Path, into: &Path, extra: &[&str]) -> Output {
    let mut args = vec![
        "import-standard".as_ref(),
        standard.as_os_str(),
        "--into".as_ref(),
        into.as_os_str(),
    ];
    args.extend(extra.iter().map(std::ffi::OsStr::new));
    run(&args)
}

fn text(bytes: &[u8]) -> String {
    String::from_utf8_lossy(bytes).into_owned()
}

/// A temporary folder holding a small synthetic curriculum saved as `c.ron`.
fn saved_curriculum() -> (tempfile::TempDir, PathBuf) {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("c.ron");
    let doc: Curriculum = curriculum(Size {
        units: 8,
        outcomes_per_unit: 3,
        criteria_per_outcome: 3,
        standards: 1,
        ksbs_per_standard: 10,
        mappings: 20,
    });
    store::save(&path, &doc).expect("saves");
    (dir, path)
}

#[test]
fn import_then_update_a_standard_in_a_saved_curriculum() {
    let (_dir, path) = saved_curriculum();
    let first = import(&fixture("st0220_v1.0.json"), &path, &[]);
    assert!(first.status.success(), "{}", text(&first.stderr));
    let out = text(&first.stdout);
    assert!(out.contains("Added ST0220 Healthcare science associate (version 1.0) with 38 KSBs."));
    assert!(out.contains("saved "));

    let mut doc = store::load(&path).expect("loads");
    assert_eq!(doc.standards.len(), 2);
    assert_eq!(doc.standards[1].ksbs[3].id.as_str(), "st0220-k4");
    for (outcome, ksb) in [("u0-lo0", "st0220-k4"), ("u1-lo0", "st0220-k5")] {
        doc.apply(Edit::SetCoverage {
            outcome: outcome.into(),
            ksb: ksb.into(),
            coverage: Some(Coverage::Full),
        })
        .expect("maps");
    }
    store::save(&path, &doc).expect("saves");

    let update = import(&fixture("st0220_v1.1.json"), &path, &[]);
    assert!(update.status.success(), "{}", text(&update.stderr));
    let out = text(&update.stdout);
    assert!(
        out.contains(
            "Updated ST0220 Healthcare science associate from version 1.0 to version 1.1."
        )
    );
    assert!(out.contains("  K5 is now K4: 4002 LO1."), "{out}");
    assert!(
        out.contains("  4001 LO1 to K4: K4 is not in version 1.1 of ST0220."),
        "{out}"
    );

    let doc = store::load(&path).expect("loads");
    assert_eq!(doc.standards[1].version, "1.1");
    assert!(doc.mapping(&"u1-lo0".into(), &"st0220-k4".into()).is_some());
    assert!(doc.mapping(&"u0-lo0".into(), &"st0220-k4".into()).is_none());
}

#[test]
fn a_bad_record_leaves_the_curriculum_untouched() {
    let (_dir, path) = saved_curriculum();
    let before = std::fs::read(&path).expect("reads");
    let output = import(&fixture("malformed_skills_not_list.json"), &path, &[]);
    assert_eq!(output.status.code(), Some(2));
    let err = text(&output.stderr);
    assert!(
        err.contains("malformed_skills_not_list.json: skills must be a list, found an object"),
        "{err}"
    );
    assert_eq!(std::fs::read(&path).expect("reads"), before);
}

#[test]
fn a_duty_naming_a_missing_ksb_imports_with_a_warning() {
    let (_dir, path) = saved_curriculum();
    let output = import(&fixture("warned_dangling_duty.json"), &path, &[]);
    assert!(output.status.success(), "{}", text(&output.stderr));
    let err = text(&output.stderr);
    assert!(
        err.contains("warning: ")
            && err.contains("(first at duties[2].mappedSkills[1]); it is dropped"),
        "{err}"
    );
    let doc = store::load(&path).expect("loads");
    assert_eq!(doc.standards.len(), 2);
}

#[test]
fn a_dry_run_reports_without_saving() {
    let (_dir, path) = saved_curriculum();
    let before = std::fs::read(&path).expect("reads");
    let output = import(&fixture("st0220_v1.0.json"), &path, &["--dry-run"]);
    assert!(output.status.success(), "{}", text(&output.stderr));
    assert!(text(&output.stdout).contains("dry run: "));
    assert_eq!(std::fs::read(&path).expect("reads"), before);
}

#[test]
fn a_csv_takes_its_header_from_flags() {
    let (_dir, path) = saved_curriculum();
    let csv = fixture("st0950-healthcare-engineering-specialist-technician-l3.csv");
    let flags = [
        "--reference",
        "ST0950",
        "--title",
        "Estates technician",
        "--level",
        "3",
    ];
    let output = import(&csv, &path, &flags);
    assert!(output.status.success(), "{}", text(&output.stderr));
    let doc = store::load(&path).expect("loads");
    let added = &doc.standards[1];
    assert_eq!(
        (added.reference.as_str(), added.title.as_str(), added.level),
        ("ST0950", "Estates technician", 3)
    );
    assert_eq!(added.ksbs.len(), 15);
    let bad_level = import(&csv, &path, &["--level", "9"]);
    assert_eq!(bad_level.status.code(), Some(2));
}

#[test]
fn picking_from_a_list_needs_the_reference() {
    let (_dir, path) = saved_curriculum();
    let list = fixture("standards_list.json");
    let unpicked = import(&list, &path, &[]);
    assert_eq!(unpicked.status.code(), Some(2));
    assert!(text(&unpicked.stderr).contains("say which one to import by its reference"));
    let picked = import(&list, &path, &["--reference", "ST0950"]);
    assert!(picked.status.success(), "{}", text(&picked.stderr));
    assert_eq!(
        store::load(&path).expect("loads").standards[1].reference,
        "ST0950"
    );
}
