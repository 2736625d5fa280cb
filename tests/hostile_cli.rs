//! Hostile and broken files through the command line: deep nesting, huge files and texts,
//! invalid UTF-8, NUL bytes, duplicate ids, dangling references and newer formats each end
//! in exit code 2 and one clear `error: FILE:LINE:COLUMN: message` line, never a panic, in
//! every command that reads a curriculum; and the file is left as it was.

use std::fs;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};

type Result<T = ()> = std::result::Result<T, Box<dyn std::error::Error>>;

fn htq(args: &[&str], dir: &Path) -> Result<Output> {
    Ok(Command::new(env!("CARGO_BIN_EXE_htq-studio"))
        .args(args)
        .current_dir(dir)
        .output()?)
}

fn manifest() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

fn a_curriculum() -> Result<String> {
    Ok(fs::read_to_string(
        manifest().join("curricula/medtech-htq.ron"),
    )?)
}

/// Writes `bytes` as `name` in `dir` and checks that `check` refuses it with `expected`
/// (the whole first line of the error, after `error: `).
fn refused(dir: &Path, name: &str, bytes: &[u8], expected: &str) -> Result {
    fs::write(dir.join(name), bytes)?;
    let output = htq(&["check", name], dir)?;
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert_eq!(output.status.code(), Some(2), "{name}: {stderr}");
    assert_eq!(
        stderr.lines().next(),
        Some(format!("error: {expected}").as_str()),
        "{name}"
    );
    Ok(())
}

/// Line and column (1-based, in characters) just after `before`.
fn place_after(before: &str) -> (usize, usize) {
    let line = 1 + before.matches('\n').count();
    let column = 1 + before.rsplit('\n').next().unwrap_or(before).chars().count();
    (line, column)
}

#[test]
fn nesting_a_million_brackets_deep_is_refused_without_reading_on() -> Result {
    let dir = tempfile::tempdir()?;
    let text = format!("(format: 1, units: {}", "[".repeat(1_000_000));
    refused(
        dir.path(),
        "deep.ron",
        text.as_bytes(),
        "deep.ron:1:51: brackets are nested more than 64 levels deep, far deeper than any \
         curriculum; the file is not read further",
    )
}

#[test]
fn a_file_over_the_size_limit_is_not_read() -> Result {
    let dir = tempfile::tempdir()?;
    let mut text = a_curriculum()?;
    text.push_str(&" ".repeat(17 * 1024 * 1024));
    refused(
        dir.path(),
        "huge.ron",
        text.as_bytes(),
        "huge.ron: the file is larger than 16 MiB, far more than any curriculum; it is not \
         opened",
    )
}

#[test]
fn a_text_of_megabytes_is_refused_where_it_starts() -> Result {
    let dir = tempfile::tempdir()?;
    let text = a_curriculum()?;
    let at = text.find("title: \"").ok_or("the curriculum has a title")? + "title: ".len();
    let end = at + 1 + text[at + 1..].find('"').ok_or("the title ends")?;
    let huge = format!(
        "{}\"{}\"{}",
        &text[..at],
        "W".repeat(2_000_000),
        &text[end + 1..]
    );
    let (line, column) = place_after(&text[..at]);
    refused(
        dir.path(),
        "long-title.ron",
        huge.as_bytes(),
        &format!(
            "long-title.ron:{line}:{column}: this text (qualification.title) is 2000000 \
             characters long; a text in a curriculum may have at most 100000"
        ),
    )
}

#[test]
fn a_nul_byte_and_invalid_utf8_are_located() -> Result {
    let dir = tempfile::tempdir()?;
    let text = a_curriculum()?;
    let at = text.find("units: [").ok_or("the curriculum has units")?;
    let (line, column) = place_after(&text[..at]);
    let mut with_nul = text.clone().into_bytes();
    with_nul.insert(at, 0);
    refused(
        dir.path(),
        "nul.ron",
        &with_nul,
        &format!(
            "nul.ron:{line}:{column}: this is a binary file, not a curriculum (it contains a \
             NUL byte)"
        ),
    )?;
    let mut latin1 = text.into_bytes();
    latin1.insert(at, 0xE9);
    refused(
        dir.path(),
        "latin1.ron",
        &latin1,
        &format!(
            "latin1.ron:{line}:{column}: the file is not UTF-8 text here; save it as UTF-8 (or \
             it is not a curriculum)"
        ),
    )
}

#[test]
fn an_id_given_to_two_different_parts_is_refused() -> Result {
    let dir = tempfile::tempdir()?;
    let text = a_curriculum()?;
    let ksb_id = text
        .split("ksbs: [")
        .nth(1)
        .and_then(|rest| rest.split("id: \"").nth(1))
        .and_then(|rest| rest.split('"').next())
        .ok_or("the curriculum has a KSB")?
        .to_owned();
    let other_id = text
        .split("units: [")
        .nth(1)
        .and_then(|rest| rest.split("id: \"").nth(1))
        .and_then(|rest| rest.split('"').next())
        .ok_or("the curriculum has units")?
        .to_owned();
    let clash = text.replace(&format!("\"{ksb_id}\""), &format!("\"{other_id}\""));
    fs::write(dir.path().join("clash.ron"), &clash)?;
    let output = htq(&["check", "clash.ron"], dir.path())?;
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert_eq!(output.status.code(), Some(2), "{stderr}");
    let says = format!("the id \"{other_id}\" is used for ");
    assert!(stderr.starts_with("error: clash.ron:"), "{stderr}");
    assert!(stderr.contains(&says), "{stderr}");
    assert!(
        stderr.contains("and a KSB; every id must be unique"),
        "{stderr}"
    );
    Ok(())
}

#[test]
fn a_file_from_a_much_newer_version_asks_for_an_update() -> Result {
    let dir = tempfile::tempdir()?;
    let text = a_curriculum()?;
    let format = text.find("format: ").ok_or("the curriculum has a format")?;
    let (line, column) = place_after(&text[..format]);
    let newer = format!(
        "{}format: 99,\n    hologram: (),{}",
        &text[..format],
        &text[format..].split_once(',').ok_or("the format ends")?.1
    );
    refused(
        dir.path(),
        "newer.ron",
        newer.as_bytes(),
        &format!(
            "newer.ron:{line}:{column}: this file was made by a newer version of HTQ Studio \
             (format 99; this version reads up to {}); please update HTQ Studio to open it",
            htq_studio::store::FORMAT
        ),
    )
}

#[test]
fn a_folder_named_like_a_curriculum_is_not_a_file() -> Result {
    let dir = tempfile::tempdir()?;
    fs::create_dir(dir.path().join("folder.ron"))?;
    let output = htq(&["check", "folder.ron"], dir.path())?;
    assert_eq!(output.status.code(), Some(2));
    assert_eq!(
        String::from_utf8_lossy(&output.stderr).lines().next(),
        Some("error: folder.ron: this is a folder, not a curriculum file")
    );
    Ok(())
}

/// Every bad fixture through every command that reads a curriculum. A fixture the store
/// reads after all (its owner is changing it for a new format) is left out, so `fmt` never
/// rewrites it.
#[test]
fn every_command_refuses_every_bad_fixture_and_leaves_it_alone() -> Result {
    let out = tempfile::tempdir()?;
    let standard = manifest().join("crates/htq-core/tests/fixtures/standards/st0220_v1.1.json");
    let mut fixtures: Vec<PathBuf> =
        fs::read_dir(manifest().join("crates/htq-core/tests/fixtures/bad"))?
            .flatten()
            .map(|entry| entry.path())
            .filter(|path| path.extension().is_some_and(|ext| ext == "ron"))
            .filter(|path| htq_studio::store::load(path).is_err())
            .collect();
    fixtures.sort();
    assert!(fixtures.len() >= 10, "the bad fixtures are missing");
    for fixture in &fixtures {
        let before = fs::read(fixture)?;
        let file = fixture.to_string_lossy().into_owned();
        let pdf = out.path().join("out.pdf").to_string_lossy().into_owned();
        let csv = out.path().join("out.csv").to_string_lossy().into_owned();
        let std_json = standard.to_string_lossy().into_owned();
        let commands: [Vec<&str>; 5] = [
            vec!["check", &file],
            vec!["fmt", &file],
            vec!["export", &file, "--pdf", &pdf],
            vec!["export", &file, "--mapping-csv", &csv],
            vec!["import-standard", &std_json, "--into", &file],
        ];
        for args in &commands {
            let output = htq(args, manifest())?;
            let stderr = String::from_utf8_lossy(&output.stderr);
            assert_eq!(output.status.code(), Some(2), "{args:?}: {stderr}");
            assert!(
                stderr.starts_with(&format!("error: {file}")),
                "{args:?}: {stderr}"
            );
            assert!(!stderr.contains("panicked"), "{args:?}: {stderr}");
        }
        assert_eq!(fs::read(fixture)?, before, "{file} was changed");
    }
    assert!(!out.path().join("out.pdf").exists());
    assert!(!out.path().join("out.csv").exists());
    Ok(())
}
