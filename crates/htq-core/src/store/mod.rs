//! Curriculum files: reading, checking and writing the RON format on disk.
//!
//! A file starts with `format: N`, then the qualification, units, standards, mappings and
//! (from format 2) the panel record; from format 3 every topic and resource has an id; format 4
//! adds the occupations the qualification claims (a file in an older format claims all of its
//! standards, as every standard counted before); format 5 adds the KSBs left out of scope.
//! Loading runs in three steps: [`read`] applies the limits for files from strangers (size,
//! binary content, UTF-8), [`from_str`] parses the newest schema and, if the file says it is
//! older, parses it again with that format's frozen schema (`v1`, `v2`) and converts it, and finally every id and reference is checked. [`save`]
//! writes the canonical text of [`to_string`], always in the newest format, atomically, and
//! only if loading it would give the document back. Every file HTQ Studio writes, exports
//! included, goes through [`write_output`]; a command that rewrites a curriculum holds it with
//! a [`Rewrite`] so that two commands never lose each other's changes.
//!
//! Adding format 5 means: freeze `v4` (copy the model types it borrows into it, as `v2` did),
//! add `v5` with the new schema, bump [`FORMAT`], and read a v4 file in `parse_old`.
//! Nothing here draws windows or runs checks on the curriculum's design: that is `analysis`.

pub mod disk;
mod error;
mod flock;
mod input;
mod limits;
pub mod lock;
mod messages;
mod output;
mod owner;
mod panel_refs;
mod position;
pub mod recovery;
mod rewrite;
mod save;
mod texts;
mod v1;
mod v2;
mod v4;
mod validate;

pub use disk::{Fingerprint, changed_since, save_checked};
pub use error::{LoadError, SaveError, TextError};
pub use flock::LOCK_WAIT;
pub use input::{InputError, read_limited};
pub use limits::{MAX_BYTES, MAX_DEPTH};
pub use lock::{LockInfo, LockNote};
pub use output::{WriteNote, WriteOptions, Written, check_output, write_output};
pub use recovery::{Recovery, RecoveryStore};
pub use rewrite::Rewrite;
pub use save::save;
pub use texts::MAX_TEXT_CHARS;

use crate::model::Curriculum;
use serde::Deserialize;
use std::path::Path;

/// The file format this version of HTQ Studio writes, and the newest one it reads.
pub const FORMAT: u32 = 5;

/// Reads and checks the curriculum file at `path`.
pub fn load(path: &Path) -> Result<Curriculum, LoadError> {
    let text = read(path)?;
    from_str(&text, path)
}

/// Reads the text of a curriculum file without parsing it, refusing files that are too big,
/// binary or not UTF-8. `fmt` uses it to compare a file with its canonical form.
pub fn read(path: &Path) -> Result<String, LoadError> {
    limits::read_text(path)
}

/// Parses and checks curriculum text read from `path` (which only names the file in
/// messages).
pub fn from_str(text: &str, path: &Path) -> Result<Curriculum, LoadError> {
    parse(text).map_err(|error| error.in_file(path))
}

/// Parses and checks curriculum text: limits, schema (older formats converted), ids and
/// references, text lengths.
pub fn parse(text: &str) -> Result<Curriculum, TextError> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    limits::check_text(text)?;
    let mut doc = parse_any(text)?;
    give_duties_ids(&mut doc);
    validate::references(&doc, text)?;
    panel_refs::check(&doc.panel, text)?;
    texts::check(&doc, text)?;
    Ok(doc)
}

/// Gives every duty without an id one (`d1`, `d2` ... unique within its standard): files
/// written before duties had ids, and duties typed into a file by hand.
fn give_duties_ids(doc: &mut Curriculum) {
    for standard in &mut doc.standards {
        let mut taken: std::collections::HashSet<String> = standard
            .duties
            .iter()
            .map(|duty| duty.id.to_string())
            .filter(|id| !id.is_empty())
            .collect();
        for duty in &mut standard.duties {
            if duty.id.as_str().is_empty() {
                let id = crate::model::fresh_id("d", |candidate| taken.contains(candidate));
                taken.insert(id.clone());
                duty.id = id.as_str().into();
            }
        }
    }
}

/// Parses `text` with the schema of the format it says it is in, converting older formats.
fn parse_any(text: &str) -> Result<Curriculum, TextError> {
    match v4::parse(text) {
        Ok(file) if matches!(file.format, 4 | FORMAT) => Ok(file.into_curriculum()),
        Ok(file) if file.format == 3 => Ok(claim_every_standard(file.into_curriculum())),
        Ok(file) => match file.format {
            old @ (1 | 2) => parse_old(old, text),
            other => Err(format_error(other, text)),
        },
        Err(error) => explain_failure(error, text),
    }
}

/// A file from before format 4 claims every standard it holds, with every option: each KSB
/// counted then.
fn claim_every_standard(mut doc: Curriculum) -> Curriculum {
    doc.qualification.claims = doc
        .standards
        .iter()
        .map(|standard| crate::model::Claim {
            standard: standard.id.clone(),
            options: standard.options.iter().map(|o| o.title.clone()).collect(),
        })
        .collect();
    doc
}

/// Parses `text`, which says it is in the older `format` (1 or 2), with that format's schema.
fn parse_old(format: u32, text: &str) -> Result<Curriculum, TextError> {
    let parsed = if format == 1 {
        v1::parse(text).map(|file| (file.format, file.into_curriculum()))
    } else {
        v2::parse(text).map(|file| (file.format, file.into_curriculum()))
    };
    match parsed {
        Ok((read, doc)) if read == format => Ok(claim_every_standard(doc)),
        Ok((read, _)) => Err(format_error(read, text)),
        Err(error) => Err(messages::translate(&error)),
    }
}

/// The canonical text of `doc`: pretty RON with a stable field order, one field per line,
/// ending in a newline. Loading it gives back `doc`.
pub fn to_string(doc: &Curriculum) -> String {
    v4::render(doc)
}

/// Only the format number of a file; every other field is skipped unread.
#[derive(Deserialize)]
#[serde(rename = "Curriculum")]
struct Header {
    #[serde(default)]
    format: u32,
}

/// When the current schema does not fit, reads just the header: an older file is read with
/// its own schema (so its errors name only the fields it may have); a newer or missing format
/// number, or brackets nested beyond [`MAX_DEPTH`] somewhere, explain the failure better than
/// the first field the current schema trips over.
fn explain_failure(error: ron::error::SpannedError, text: &str) -> Result<Curriculum, TextError> {
    match messages::options().from_str::<Header>(text) {
        Ok(Header {
            format: old @ (1 | 2),
        }) => parse_old(old, text),
        Ok(header) if !matches!(header.format, 3 | 4 | FORMAT) => {
            Err(format_error(header.format, text))
        }
        Err(deep) if deep.code == ron::Error::ExceededRecursionLimit => {
            Err(messages::translate(&deep))
        }
        _ => Err(messages::translate(&error)),
    }
}

/// The error for a file whose format number this version cannot read.
fn format_error(format: u32, text: &str) -> TextError {
    let (line, column) = position::of_field(text, "format").unwrap_or((0, 0));
    let message = if format == 0 {
        format!(
            "this is not an HTQ Studio curriculum: it has no format number (a curriculum \
             starts with `format: {FORMAT},`)"
        )
    } else if format > FORMAT {
        format!(
            "this file was made by a newer version of HTQ Studio (format {format}; this \
             version reads up to {FORMAT}); please update HTQ Studio to open it"
        )
    } else {
        format!("format {format} is not a curriculum format this version knows")
    };
    TextError::at((line, column), message)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::synthetic::{Size, curriculum};

    fn small() -> Curriculum {
        curriculum(Size {
            units: 4,
            outcomes_per_unit: 2,
            criteria_per_outcome: 3,
            standards: 1,
            ksbs_per_standard: 5,
            mappings: 6,
        })
    }

    #[test]
    fn canonical_text_round_trips() {
        let doc = small();
        let text = to_string(&doc);
        assert_eq!(from_str(&text, Path::new("x.ron")), Ok(doc));
    }

    #[test]
    fn canonical_text_starts_with_the_format_and_ends_in_one_newline() {
        let text = to_string(&small());
        assert!(
            text.starts_with("(\n    format: 5,\n    qualification: ("),
            "{text}"
        );
        assert!(text.ends_with(")\n") && !text.ends_with("\n\n"));
    }

    #[test]
    fn canonical_text_is_stable() {
        let text = to_string(&small());
        let again = to_string(&from_str(&text, Path::new("x.ron")).unwrap_or_default());
        assert_eq!(text, again);
    }

    #[test]
    fn byte_order_mark_is_accepted() {
        let text = format!("\u{feff}{}", to_string(&small()));
        assert!(from_str(&text, Path::new("x.ron")).is_ok());
    }

    #[test]
    fn newer_format_is_named() {
        let text = to_string(&small()).replacen("format: 5", "format: 7", 1);
        let error = from_str(&text, Path::new("x.ron")).unwrap_err();
        assert_eq!((error.line, error.column), (2, 5));
        assert!(
            error
                .message
                .contains("newer version of HTQ Studio (format 7; this version reads up to 5)"),
            "{error}"
        );
    }

    #[test]
    fn newer_format_with_new_fields_is_named_not_the_field() {
        let text = to_string(&small())
            .replacen("format: 5", "format: 6", 1)
            .replacen("    units: [", "    glossary: (),\n    units: [", 1);
        let error = from_str(&text, Path::new("x.ron")).unwrap_err();
        assert!(error.message.contains("format 6"), "{error}");
    }

    #[test]
    fn missing_format_is_an_error() {
        let text = to_string(&small()).replacen("    format: 5,\n", "", 1);
        let error = from_str(&text, Path::new("x.ron")).unwrap_err();
        assert!(error.message.contains("no format number"), "{error}");
        let zero = to_string(&small()).replacen("format: 5", "format: 0", 1);
        let error = from_str(&zero, Path::new("x.ron")).unwrap_err();
        assert!(error.message.contains("no format number"), "{error}");
    }

    /// `doc`'s text as format 4 wrote it: the format 5 text without the (empty) list of KSBs
    /// out of scope.
    fn as_format_4(doc: &Curriculum) -> String {
        assert!(doc.qualification.out_of_scope.is_empty());
        to_string(doc)
            .replacen("format: 5", "format: 4", 1)
            .replacen("        out_of_scope: [],\n", "", 1)
    }

    #[test]
    fn format_4_files_read_with_every_ksb_in_scope() {
        let doc = small();
        let text = as_format_4(&doc);
        assert!(!text.contains("out_of_scope"), "{text}");
        assert_eq!(from_str(&text, Path::new("old.ron")), Ok(doc));
    }

    /// `doc`'s text as format 3 wrote it: the format 4 text without the claims (which the
    /// synthetic curriculum makes of every standard, as the migration does).
    fn as_format_3(doc: &Curriculum) -> String {
        let text = as_format_4(doc).replacen("format: 4", "format: 3", 1);
        let start = text.find("        claims: [").unwrap_or(0);
        let end = text[start..]
            .find("\n        ],\n")
            .map_or(start, |at| start + at + "\n        ],\n".len());
        format!("{}{}", &text[..start], &text[end..])
    }

    #[test]
    fn format_3_claims_every_standard() {
        let doc = small();
        assert!(!doc.qualification.claims.is_empty());
        let text = as_format_3(&doc);
        assert!(!text.contains("claims"), "{text}");
        assert_eq!(from_str(&text, Path::new("old.ron")), Ok(doc));
    }

    #[test]
    fn format_3_errors_are_the_field_errors() {
        let text = as_format_3(&small()).replacen("heading:", "title:", 1);
        let error = from_str(&text, Path::new("old.ron")).unwrap_err();
        assert!(error.message.contains("\"title\""), "{error}");
    }

    /// `doc`'s text as format 2 wrote it: the format 3 text without topic and resource ids
    /// (the synthetic ids are the ones the migration gives: `u0-lo0-t1`, `u0-r1`).
    fn as_format_2(doc: &Curriculum) -> String {
        let text = as_format_3(doc).replacen("format: 3", "format: 2", 1);
        text.lines()
            .filter(|line| {
                let id = line.trim().strip_prefix("id: \"").unwrap_or("");
                !(id.ends_with("-t1\",") || id.ends_with("-r1\","))
            })
            .map(|line| format!("{line}\n"))
            .collect()
    }

    /// `doc`'s text as format 1 wrote it: the format 2 text without the panel record.
    fn as_format_1(doc: &Curriculum) -> String {
        let text = as_format_2(doc).replacen("format: 2", "format: 1", 1);
        let panel = text.find("    panel: (").unwrap_or(text.len() - 2);
        format!("{})\n", &text[..panel])
    }

    #[test]
    fn format_2_topics_and_resources_gain_ids() {
        let doc = small();
        let text = as_format_2(&doc);
        assert!(!text.contains("-t1\"") && !text.contains("-r1\""), "{text}");
        assert_eq!(from_str(&text, Path::new("old.ron")), Ok(doc));
    }

    #[test]
    fn format_2_ids_never_collide_with_ids_already_in_the_file() {
        let text = as_format_2(&small()).replace("\"u1-lo0-c0\"", "\"u0-lo0-t1\"");
        let loaded = from_str(&text, Path::new("old.ron")).unwrap();
        assert_eq!(
            loaded.units[0].outcomes[0].content[0].id.as_str(),
            "u0-lo0-t2"
        );
    }

    #[test]
    fn format_2_errors_name_format_2_fields() {
        let text = as_format_2(&small()).replacen("heading:", "title:", 1);
        let error = from_str(&text, Path::new("old.ron")).unwrap_err();
        assert!(error.message.contains("\"title\""), "{error}");
        assert!(!error.message.contains("\"id\""), "{error}");
    }

    #[test]
    fn format_1_gains_an_empty_panel_record() {
        let doc = small();
        let text = as_format_1(&doc);
        assert!(!text.contains("panel"), "{text}");
        let loaded = from_str(&text, Path::new("old.ron"));
        assert_eq!(loaded.as_ref(), Ok(&doc));
        assert_eq!(loaded.map(|doc| doc.panel), Ok(Default::default()));
    }

    #[test]
    fn format_1_has_no_panel_field() {
        let text =
            as_format_1(&small()).replacen("\n    units: [", "\n    panel: (),\n    units: [", 1);
        let error = from_str(&text, Path::new("old.ron")).unwrap_err();
        assert!(error.message.contains("unknown field \"panel\""), "{error}");
    }

    #[test]
    fn format_1_errors_list_only_format_1_fields() {
        let text =
            as_format_1(&small()).replacen("\n    units: [", "\n    notes: (),\n    units: [", 1);
        let error = from_str(&text, Path::new("old.ron")).unwrap_err();
        assert!(
            error
                .message
                .ends_with("qualification, units, standards and mappings"),
            "{error}"
        );
    }
}
