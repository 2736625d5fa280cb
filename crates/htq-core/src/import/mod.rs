//! Occupational standards into a curriculum: read a standard from the public standards API's
//! JSON record (or a list of them) or from a `code,kind,text` CSV, then merge it into a
//! curriculum as one undoable [`Edit`](crate::model::Edit).
//!
//! `api_json` reads the API record (`strict_json` refuses a key given twice), `ksb_csv` the
//! spreadsheet form, `merge` builds the edit and the report of a re-import. Nothing here touches a curriculum file: the caller loads, applies
//! and saves. Readers never panic on what a file holds; every problem is an [`ImportError`]
//! naming the file and the field.

mod api_json;
mod case;
mod clean;
mod ksb_csv;
mod merge;
mod strict_json;

pub use api_json::{select_standard_from_json, standard_from_json};
pub use ksb_csv::{StandardHeader, standard_from_csv};
pub use merge::{DroppedMapping, ImportReport, KeptMapping, import_into};

use crate::model::{KsbKind, Standard};
use crate::store;
use std::path::Path;
use thiserror::Error;

/// A standard read from a file, with what the reader could not use as it stands (a duty
/// naming a KSB the record does not hold, a withdrawn standard ...): imported all the same.
#[derive(Debug, Clone, PartialEq)]
pub struct StandardFile {
    /// The standard.
    pub standard: Standard,
    /// Warnings for the person importing it, one sentence each.
    pub warnings: Vec<String>,
}

/// Names the input in messages when no file name is known.
const UNNAMED: &str = "the standard";

/// Why a standard could not be read or merged.
#[derive(Debug, Clone, PartialEq, Eq, Error)]
pub enum ImportError {
    /// The file could not be read at all.
    #[error("{file}: cannot read the file: {message}")]
    Read {
        /// The file.
        file: String,
        /// What the system said.
        message: String,
    },
    /// Only JSON and CSV files can be imported.
    #[error(
        "{file}: cannot import a file of this type; use a .json record from the standards API or a .csv with columns code,kind,text"
    )]
    UnsupportedType {
        /// The file.
        file: String,
    },
    /// The JSON is not well formed.
    #[error("{file}: not valid JSON at line {line}, column {column}: {message}")]
    Json {
        /// The file.
        file: String,
        /// Line, from 1.
        line: usize,
        /// Column, from 1.
        column: usize,
        /// What is wrong.
        message: String,
    },
    /// An object of the JSON gives the same key twice, so which value is meant is unclear.
    #[error(
        "{file}: line {line}, column {column}: the key \"{key}\" is given twice in the same object; say it once, so that it is clear which value is meant"
    )]
    DuplicateKey {
        /// The file.
        file: String,
        /// The key given twice.
        key: String,
        /// Line of the second one, from 1.
        line: usize,
        /// Column just after the second one, from 1.
        column: usize,
    },
    /// A field of the record is missing or holds the wrong thing.
    #[error("{file}: {field} {problem}")]
    Field {
        /// The file.
        file: String,
        /// Path of the field, e.g. `knowledges[3].detail`.
        field: String,
        /// What is wrong, e.g. "is missing".
        problem: String,
    },
    /// A line of a CSV file is wrong.
    #[error("{file}: line {line}: {problem}")]
    CsvLine {
        /// The file.
        file: String,
        /// Line, from 1.
        line: u64,
        /// What is wrong.
        problem: String,
    },
    /// A list of standards holds none or several matching the reference asked for.
    #[error("{file}: {problem}")]
    Selection {
        /// The file.
        file: String,
        /// What is wrong.
        problem: String,
    },
    /// The standard could not be merged into the curriculum.
    #[error("cannot add {reference} to the curriculum: {message}")]
    Merge {
        /// Reference of the standard.
        reference: String,
        /// Why.
        message: String,
    },
}

impl ImportError {
    /// The same error, naming `file` as the input.
    pub fn in_file(self, file: &str) -> Self {
        let file = file.to_owned();
        match self {
            ImportError::Read { message, .. } => ImportError::Read { file, message },
            ImportError::UnsupportedType { .. } => ImportError::UnsupportedType { file },
            ImportError::Json {
                line,
                column,
                message,
                ..
            } => ImportError::Json {
                file,
                line,
                column,
                message,
            },
            ImportError::DuplicateKey {
                key, line, column, ..
            } => ImportError::DuplicateKey {
                file,
                key,
                line,
                column,
            },
            ImportError::Field { field, problem, .. } => ImportError::Field {
                file,
                field,
                problem,
            },
            ImportError::CsvLine { line, problem, .. } => ImportError::CsvLine {
                file,
                line,
                problem,
            },
            ImportError::Selection { problem, .. } => ImportError::Selection { file, problem },
            merge @ ImportError::Merge { .. } => merge,
        }
    }

    fn field(field: impl Into<String>, problem: impl Into<String>) -> Self {
        ImportError::Field {
            file: UNNAMED.to_owned(),
            field: field.into(),
            problem: problem.into(),
        }
    }
}

/// What the caller says about the standard in a file, e.g. from command-line flags.
///
/// For a CSV file these fill the standard's header (defaults come from the file name); for a
/// JSON list of records, `reference` picks the record.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ReadOptions {
    /// Reference such as "ST0220".
    pub reference: Option<String>,
    /// Title of the occupation (CSV only).
    pub title: Option<String>,
    /// Level (CSV only).
    pub level: Option<u8>,
}

/// Reads a standard from `path`: `.json` as a standards API record, `.csv` as `code,kind,text`.
pub fn read_standard(path: &Path) -> Result<StandardFile, ImportError> {
    read_standard_with(path, &ReadOptions::default())
}

/// Largest standard file read, in bytes: the limit for curriculum files
/// ([`store::MAX_BYTES`]), far above any real standard.
pub const MAX_STANDARD_BYTES: u64 = store::MAX_BYTES;

/// Reads a standard from `path` as [`read_standard`] does, with what the caller knows about it.
///
/// Only a regular file is read (a pipe or device is refused at once, never waited on), and
/// at most [`MAX_STANDARD_BYTES`]; a UTF-8 byte order mark at the start is skipped.
pub fn read_standard_with(path: &Path, options: &ReadOptions) -> Result<StandardFile, ImportError> {
    let file = path.display().to_string();
    let extension = path
        .extension()
        .and_then(|e| e.to_str())
        .map(str::to_ascii_lowercase);
    let is_json = match extension.as_deref() {
        Some("json") => true,
        Some("csv") => false,
        _ => return Err(ImportError::UnsupportedType { file }),
    };
    let read_error = |message: String| ImportError::Read {
        file: file.clone(),
        message,
    };
    let bytes = store::read_limited(path, MAX_STANDARD_BYTES)
        .map_err(|error| read_error(error.to_string()))?;
    let text = String::from_utf8(bytes).map_err(|_| {
        read_error("the file is not UTF-8 text; save it as UTF-8 (CSV UTF-8 in Excel)".into())
    })?;
    let text = text.strip_prefix('\u{feff}').unwrap_or(&text);
    let read = if is_json {
        select_standard_from_json(text, options.reference.as_deref())
    } else {
        standard_from_csv(text, StandardHeader::for_file(path, options)).map(|standard| {
            StandardFile {
                standard,
                warnings: Vec::new(),
            }
        })
    };
    read.map_err(|error| error.in_file(&file))
}

/// The provisional id of a KSB of the standard `reference`: "st0220-k1" for K1.
fn ksb_id(reference: &str, code: &str) -> String {
    format!("{}-{}", standard_id(reference), slug(code))
}

/// The provisional id of the standard `reference`: "st0220".
fn standard_id(reference: &str) -> String {
    let slug = slug(reference);
    if slug.is_empty() {
        "standard".to_owned()
    } else {
        slug
    }
}

/// Lower-case letters and digits of `text`, other runs of characters as one hyphen.
fn slug(text: &str) -> String {
    let mut slug = String::new();
    for c in text.chars() {
        if c.is_ascii_alphanumeric() {
            slug.push(c.to_ascii_lowercase());
        } else if !slug.is_empty() && !slug.ends_with('-') {
            slug.push('-');
        }
    }
    slug.trim_end_matches('-').to_owned()
}

/// Codes K1, S1, B1 numbered in order within each kind.
fn numbered_codes(kinds: impl IntoIterator<Item = KsbKind>) -> Vec<String> {
    let mut counters = [0u32; 3];
    kinds
        .into_iter()
        .map(|kind| {
            let slot = match kind {
                KsbKind::Knowledge => 0,
                KsbKind::Skill => 1,
                KsbKind::Behaviour => 2,
            };
            counters[slot] += 1;
            format!("{}{}", kind.letter(), counters[slot])
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids_are_readable_slugs_of_reference_and_code() {
        assert_eq!(ksb_id("ST0220", "K12"), "st0220-k12");
        assert_eq!(standard_id(" ST 0220 / v1.1 "), "st-0220-v1-1");
        assert_eq!(standard_id("§§"), "standard");
    }

    #[test]
    fn codes_count_within_each_kind() {
        let codes = numbered_codes([
            KsbKind::Knowledge,
            KsbKind::Knowledge,
            KsbKind::Skill,
            KsbKind::Behaviour,
            KsbKind::Skill,
        ]);
        assert_eq!(codes, ["K1", "K2", "S1", "B1", "S2"]);
    }

    #[test]
    fn unknown_file_types_are_refused_before_reading() {
        let error = read_standard(Path::new("does-not-exist/standard.xlsx"));
        assert!(matches!(error, Err(ImportError::UnsupportedType { .. })));
        let error = read_standard(Path::new("does-not-exist/standard.json"));
        match error {
            Err(ImportError::Read { file, .. }) => assert!(file.ends_with("standard.json")),
            other => panic!("expected a read error, got {other:?}"),
        }
    }

    #[test]
    fn errors_name_the_file_they_came_from() {
        let error = ImportError::field("knowledges[3].detail", "is missing").in_file("st.json");
        assert_eq!(
            error.to_string(),
            "st.json: knowledges[3].detail is missing"
        );
    }
}
