//! `claim`, `unclaim` and `report` on copies of the shipped curricula: what the reloaded file
//! claims, and what `report` and `check` then say.

use htq_studio::store;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};

fn run(args: &[&std::ffi::OsStr]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_htq-studio"))
        .args(args)
        .output()
        .expect("the binary runs")
}

fn htq(args: &[&str], file: &Path) -> Output {
    let mut all: Vec<&std::ffi::OsStr> = vec![args[0].as_ref(), file.as_os_str()];
    all.extend(args[1..].iter().map(std::ffi::OsStr::new));
    run(&all)
}

fn text(bytes: &[u8]) -> String {
    String::from_utf8_lossy(bytes).into_owned()
}

/// A copy of the shipped curriculum `name` in a temporary folder.
fn copy(name: &str) -> (tempfile::TempDir, PathBuf) {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join(name);
    std::fs::copy(Path::new("curricula").join(name), &path).expect("copies");
    (dir, path)
}

/// Imports the real ST0950 record (core and options) into the curriculum at `path`.
fn import_st0950(path: &Path) {
    let record = Path::new("crates/htq-core/tests/fixtures/standards/real/ST0950.json");
    let output = run(&[
        "import-standard".as_ref(),
        record.as_os_str(),
        "--into".as_ref(),
        path.as_os_str(),
    ]);
    assert!(output.status.success(), "{}", text(&output.stderr));
}

#[test]
fn report_gives_one_line_per_occupation_and_exits_like_check() {
    let (_dir, path) = copy("medtech-htq.ron");
    let output = htq(&["report"], &path);
    assert_eq!(output.status.code(), Some(0), "{}", text(&output.stderr));
    let out = text(&output.stdout);
    let lines: Vec<&str> = out.lines().collect();
    assert_eq!(lines.len(), 2, "{out}");
    assert!(
        lines[0].starts_with("ST0220 Healthcare science associate: met in every pathway ("),
        "{out}"
    );
    assert!(
        lines[1].starts_with("ST1512 AI and automation practitioner: met in every pathway"),
        "{out}"
    );

    let (_dir, draft) = copy("medtech-htq-draft.ron");
    let output = htq(&["report"], &draft);
    assert_eq!(output.status.code(), Some(1));
    let out = text(&output.stdout);
    assert!(
        out.contains(
            "ST0220 Healthcare science associate: met in no pathway: no outcome covers B4"
        ),
        "{out}"
    );
    assert!(
        out.contains("valid programmes reach none of the claimed occupations"),
        "{out}"
    );
}

#[test]
fn claiming_an_option_checks_only_that_option_and_unclaiming_stops_it() {
    let (_dir, path) = copy("medtech-htq.ron");
    import_st0950(&path);
    let check = |path: &Path| text(&htq(&["check"], path).stdout);
    assert!(
        !check(&path).contains("(ST0950)"),
        "a standard for reference is not checked"
    );

    let refused = htq(&["claim", "ST0950"], &path);
    assert_eq!(refused.status.code(), Some(2));
    assert!(
        text(&refused.stderr).contains(
            "ST0950 is a core-and-options standard: name the option claimed with --option (one \
             of \"Healthcare medical devices technician\", \"Healthcare estates technician\")"
        ),
        "{}",
        text(&refused.stderr)
    );

    let claimed = htq(
        &[
            "claim",
            "st0950",
            "--option",
            "healthcare medical devices technician",
        ],
        &path,
    );
    assert!(claimed.status.success(), "{}", text(&claimed.stderr));
    let out = text(&claimed.stdout);
    assert!(
        out.contains("claimed ST0950 with \"Healthcare medical devices technician\""),
        "{out}"
    );
    assert!(
        out.contains("ST0950 is a Level 3 occupation; HTQs are approved against Level 4 and 5"),
        "{out}"
    );
    let doc = store::load(&path).expect("loads");
    let claim = doc
        .qualification
        .claims
        .iter()
        .find(|c| c.standard.as_str() == "st0950")
        .expect("the reloaded file claims ST0950");
    assert_eq!(claim.options, ["Healthcare medical devices technician"]);
    assert!(check(&path).contains("(ST0950)"));

    let report = text(&htq(&["report"], &path).stdout);
    assert!(
        report.contains(
            "ST0950 Healthcare engineering specialist technician (Healthcare medical devices \
             technician): met in no pathway"
        ),
        "{report}"
    );

    let unclaimed = htq(&["unclaim", "ST0950"], &path);
    assert!(unclaimed.status.success(), "{}", text(&unclaimed.stderr));
    let doc = store::load(&path).expect("loads");
    assert!(
        doc.qualification
            .claims
            .iter()
            .all(|c| c.standard.as_str() != "st0950")
    );
    assert!(doc.standards.iter().any(|s| s.reference == "ST0950"));
    assert!(!check(&path).contains("(ST0950)"));
}

#[test]
fn a_claim_on_what_the_file_lacks_changes_nothing() {
    let (_dir, path) = copy("medtech-htq.ron");
    let before = std::fs::read(&path).expect("reads");
    for (args, says) in [
        (
            &["claim", "ST9999"][..],
            "there is no standard ST9999 in the file (it has ST0220, ST1512)",
        ),
        (
            &["claim", "ST0220", "--option", "Imaging"],
            "ST0220 has no options",
        ),
        (&["unclaim", "ST9999"], "there is no standard ST9999"),
    ] {
        let output = htq(args, &path);
        assert_eq!(output.status.code(), Some(2), "{args:?}");
        assert!(
            text(&output.stderr).contains(says),
            "{}",
            text(&output.stderr)
        );
    }
    let output = htq(&["unclaim", "ST1512"], &path);
    assert!(output.status.success());
    let output = htq(&["unclaim", "ST1512"], &path);
    assert_eq!(output.status.code(), Some(2));
    assert!(text(&output.stderr).contains("the qualification does not claim ST1512"));
    assert_ne!(std::fs::read(&path).expect("reads"), before);
}
