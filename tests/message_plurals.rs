//! Every message template of both crates counts through `words::counted`: no string literal
//! puts a plural noun straight after a number placeholder ("{errors} errors" says "1 errors"
//! when there is one). The test reads the sources, so a new message written by hand fails it.

use std::fs;
use std::path::{Path, PathBuf};

/// Nouns the messages count. A placeholder followed by one of these is a hand-made plural.
const COUNTED_NOUNS: &[&str] = &[
    "characters",
    "cells",
    "changes",
    "combinations",
    "credits",
    "criteria",
    "differences",
    "duties",
    "entries",
    "errors",
    "files",
    "findings",
    "groups",
    "hints",
    "hours",
    "items",
    "KSBs",
    "levels",
    "lines",
    "mappings",
    "members",
    "occupations",
    "options",
    "outcomes",
    "pathways",
    "places",
    "points",
    "records",
    "resources",
    "rows",
    "seconds",
    "sessions",
    "standards",
    "statements",
    "times",
    "topics",
    "units",
    "warnings",
    "words",
];

fn rust_files(dir: &Path, out: &mut Vec<PathBuf>) {
    let Ok(entries) = fs::read_dir(dir) else {
        return;
    };
    for entry in entries.flatten() {
        let path = entry.path();
        if path.is_dir() {
            rust_files(&path, out);
        } else if path.extension().is_some_and(|e| e == "rs") {
            out.push(path);
        }
    }
}

/// The product code of a source file: everything before its test module.
fn product_code(source: &str) -> &str {
    source
        .find("#[cfg(test)]\nmod ")
        .map_or(source, |end| &source[..end])
}

/// Hand-made plurals in `code`: a `{...}` placeholder, a space and a counted noun, unless the
/// placeholder is a level ("Level {} units").
fn hand_made_plurals(code: &str) -> Vec<String> {
    let mut found = Vec::new();
    for (at, _) in code.match_indices("} ") {
        let Some(open) = code[..at].rfind('{') else {
            continue;
        };
        let placeholder = &code[open..=at];
        if placeholder.contains(['"', '\n', ' ', '(']) || code[..open].ends_with("Level ") {
            continue;
        }
        let after = &code[at + 2..];
        let word: String = after
            .chars()
            .take_while(char::is_ascii_alphabetic)
            .collect();
        if COUNTED_NOUNS.contains(&word.as_str()) {
            found.push(format!("{placeholder} {word}"));
        }
    }
    found
}

#[test]
fn no_message_writes_a_plural_after_a_number_by_hand() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut files = Vec::new();
    rust_files(&root.join("src"), &mut files);
    rust_files(&root.join("crates/htq-core/src"), &mut files);
    assert!(files.len() > 50, "the sources were found");
    let mut offences = Vec::new();
    for file in files {
        let source = fs::read_to_string(&file).unwrap_or_default();
        for plural in hand_made_plurals(product_code(&source)) {
            offences.push(format!("{}: {plural}", file.display()));
        }
    }
    assert!(
        offences.is_empty(),
        "count these through htq_core::words::counted:\n{}",
        offences.join("\n")
    );
}

#[test]
fn the_scan_finds_the_mistake_it_names() {
    assert_eq!(
        hand_made_plurals(r#"format!("{errors} errors, {} warnings", n)"#),
        ["{errors} errors", "{} warnings"]
    );
    assert_eq!(
        hand_made_plurals(r#"format!("Level {} units are numbered")"#),
        Vec::<String>::new()
    );
    assert_eq!(
        hand_made_plurals(r#"format!("{}", counted(n, "unit", "units"))"#),
        Vec::<String>::new()
    );
}
