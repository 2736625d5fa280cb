//! Hostile and malformed files in `tests/fixtures/bad/`: each must give a clear load error
//! naming file, line and column where they apply, and never a panic. Where a fixture is a
//! valid curriculum with one fault, repairing that fault must make it load, so the fixture
//! fails for the reason its name says.

use htq_core::store::{self, LoadError, MAX_BYTES};
use std::fs;
use std::path::{Path, PathBuf};

/// A fixture, the place and words its error must have, and how to repair it.
struct Case {
    file: &'static str,
    place: (usize, usize),
    says: &'static str,
    repair: Option<(&'static str, &'static str)>,
}

const CASES: &[Case] = &[
    Case {
        file: "malformed.ron",
        place: (19, 13),
        says: "expected a comma before the next item",
        repair: Some(("level: 4\n", "level: 4,\n")),
    },
    Case {
        file: "truncated.ron",
        place: (24, 31),
        says: "the file ends too early",
        repair: None,
    },
    Case {
        file: "unknown-field.ron",
        place: (21, 13),
        says: "unknown field \"colour\" in a unit; the fields allowed there are id, number, \
               regulator_code, title, level, credits, glh, theme, introduction, outcomes, \
               resources and links",
        repair: Some(("            colour: \"green\",\n", "")),
    },
    Case {
        file: "bad-band.ron",
        place: (28, 42),
        says: "expected a criterion band (Pass, Merit or Distinction), found \"Good\"",
        repair: Some(("band: Good", "band: Merit")),
    },
    Case {
        file: "missing-field.ron",
        place: (31, 9),
        says: "A unit is missing its \"title\" field",
        repair: Some(("number: \"4001\",", "number: \"4001\", title: \"Safety\",")),
    },
    Case {
        file: "dangling-reference.ron",
        place: (49, 31),
        says: "a mapping names KSB \"k9\", which is not in this file",
        repair: Some(("ksb: \"k9\"", "ksb: \"k1\"")),
    },
    Case {
        file: "dangling-duty.ron",
        place: (44, 58),
        says: "duty D1 of standard ST0220 names KSB \"k7\", which is not one of this standard's KSBs",
        repair: Some(("[\"k7\"]", "[\"k1\"]")),
    },
    Case {
        file: "duplicate-id.ron",
        place: (28, 30),
        says: "the id \"c1\" is used for two criteria; every id must be unique in the file",
        repair: Some(("(id: \"c1\", band: Merit", "(id: \"c2\", band: Merit")),
    },
    Case {
        file: "newer-format.ron",
        place: (2, 5),
        says: "made by a newer version of HTQ Studio (format 6; this version reads up to 5)",
        repair: None,
    },
    Case {
        file: "missing-format.ron",
        place: (0, 0),
        says: "it has no format number",
        repair: Some(("(\n", "(\n    format: 1,\n")),
    },
    Case {
        file: "empty.ron",
        place: (0, 0),
        says: "the file is empty",
        repair: None,
    },
    Case {
        file: "not-a-curriculum.ron",
        place: (1, 1),
        says: "expected `(`",
        repair: None,
    },
    Case {
        file: "trailing-text.ron",
        place: (51, 2),
        says: "unexpected text after the end of the curriculum",
        repair: Some((")\nand more\n", ")\n")),
    },
    Case {
        file: "unclosed-string.ron",
        place: (49, 59),
        says: "this text has no closing double quote",
        repair: Some(("note: \"unfinished)", "note: \"unfinished\")")),
    },
    Case {
        file: "deeply-nested.ron",
        place: (3, 0),
        says: "brackets are nested more than 64 levels deep",
        repair: None,
    },
    Case {
        file: "too-deep-header.ron",
        place: (1, 0),
        says: "brackets are nested more than 64 levels deep",
        repair: None,
    },
    Case {
        file: "invalid-utf8.ron",
        place: (5, 33),
        says: "not UTF-8 text",
        repair: None,
    },
    Case {
        file: "binary.ron",
        place: (3, 1),
        says: "this is a binary file, not a curriculum",
        repair: None,
    },
];

fn fixture(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/bad")
        .join(name)
}

fn load_error(path: &Path) -> LoadError {
    match store::load(path) {
        Ok(_) => panic!("{} loaded but should not", path.display()),
        Err(error) => error,
    }
}

#[test]
fn every_fixture_fails_with_its_message_and_place() {
    let mut wrong = Vec::new();
    for case in CASES {
        let path = fixture(case.file);
        let error = load_error(&path);
        let shown = error.to_string();
        let (line, column) = case.place;
        let prefix = match (line, column) {
            (0, _) => format!("{}: ", path.display()),
            (line, 0) => format!("{}:{line}:", path.display()),
            (line, column) => format!("{}:{line}:{column}: ", path.display()),
        };
        if !error.message.contains(case.says) || !shown.starts_with(&prefix) || error.line != line {
            wrong.push(format!("{}: got {shown}", case.file));
        }
    }
    assert!(wrong.is_empty(), "{}", wrong.join("\n"));
}

#[test]
fn repairing_the_fault_makes_each_fixture_load() -> std::io::Result<()> {
    for case in CASES {
        let Some((fault, fix)) = case.repair else {
            continue;
        };
        let text = fs::read_to_string(fixture(case.file))?;
        assert!(text.contains(fault), "{}: fault not found", case.file);
        let repaired = text.replacen(fault, fix, 1);
        if let Err(error) = store::from_str(&repaired, Path::new(case.file)) {
            panic!("{} still fails after repair: {error}", case.file);
        }
    }
    Ok(())
}

#[test]
fn every_file_in_the_folder_has_a_case() -> std::io::Result<()> {
    for entry in fs::read_dir(fixture(""))? {
        let name = entry?.file_name().to_string_lossy().into_owned();
        if name.ends_with(".ron") {
            assert!(
                CASES.iter().any(|case| case.file == name),
                "{name} has no case"
            );
        }
    }
    Ok(())
}

#[test]
fn files_over_the_limit_are_refused_unread() -> std::io::Result<()> {
    let folder = tempfile::tempdir()?;
    let path = folder.path().join("huge.ron");
    let file = fs::File::create(&path)?;
    file.set_len(MAX_BYTES + 1)?;
    let error = load_error(&path);
    assert_eq!((error.line, error.column), (0, 0));
    assert!(
        error.to_string().ends_with("huge.ron: the file is larger than 16 MiB, far more than any curriculum; it is not opened"),
        "{error}"
    );
    Ok(())
}

#[test]
fn missing_files_and_folders_are_plain_errors() -> std::io::Result<()> {
    let error = load_error(&fixture("no-such-file.ron"));
    assert!(error.message.contains("there is no such file"), "{error}");
    let error = load_error(&fixture(""));
    assert!(error.message.contains("folder"), "{error}");
    Ok(())
}

#[test]
fn truncating_a_valid_file_anywhere_never_panics() -> std::io::Result<()> {
    let text = fs::read_to_string(fixture("duplicate-id.ron"))?.replacen(
        "(id: \"c1\", band: Merit",
        "(id: \"c2\", band: Merit",
        1,
    );
    let cuts = text.char_indices().map(|(offset, _)| offset).skip(1);
    for cut in cuts.filter(|&cut| !text[cut..].trim().is_empty()) {
        let cut_text = &text[..cut];
        let error = store::from_str(cut_text, Path::new("cut.ron"));
        assert!(
            error.is_err(),
            "a file cut at byte {cut} loaded: {cut_text}"
        );
    }
    Ok(())
}
