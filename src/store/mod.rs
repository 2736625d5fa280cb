//! Curriculum files: reading, checking and writing the RON format on disk.
//!
//! A file starts with `format: N`, then the qualification, units, standards and mappings.
//! Loading runs in three steps: [`read`] applies the limits for files from strangers (size,
//! binary content, UTF-8), [`from_str`] parses the newest schema and, if that fails, reads only
//! the format number to tell an old or newer file from a broken one, and finally every id and
//! reference is checked. [`save`] writes the canonical text of [`to_string`] atomically.
//!
//! Adding format 2 means: freeze `v1` (copy the model types it borrows into it), add `v2` with
//! the new schema, bump [`FORMAT`], and convert a v1 file in [`from_str`] when the header says 1.
//! Nothing here draws windows or runs checks on the curriculum's design: that is `analysis`.

pub mod disk;
pub mod drill;
mod error;
mod limits;
pub mod lock;
mod messages;
mod owner;
mod position;
pub mod recovery;
mod save;
mod texts;
mod v1;
mod validate;

pub use disk::{Fingerprint, changed_since, save_checked};
pub use error::{LoadError, SaveError};
pub use limits::{MAX_BYTES, MAX_DEPTH};
pub use lock::{LockInfo, LockNote};
pub use recovery::{Recovery, RecoveryStore};
pub use save::save;
pub use texts::MAX_TEXT_CHARS;

use crate::model::Curriculum;
use serde::Deserialize;
use std::path::Path;

/// The file format this version of HTQ Studio writes, and the newest one it reads.
pub const FORMAT: u32 = 1;

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

/// Parses and checks curriculum text; `path` only names the file in messages.
pub fn from_str(text: &str, path: &Path) -> Result<Curriculum, LoadError> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    limits::check_text(text, path)?;
    let doc = match v1::parse(text) {
        Ok(file) if file.format == FORMAT => file.into_curriculum(),
        Ok(file) => return Err(format_error(file.format, text, path)),
        Err(error) => return Err(explain_failure(error, text, path)),
    };
    validate::references(&doc, text, path)?;
    texts::check(&doc, text, path)?;
    Ok(doc)
}

/// The canonical text of `doc`: pretty RON with a stable field order, one field per line,
/// ending in a newline. Loading it gives back `doc`.
pub fn to_string(doc: &Curriculum) -> String {
    v1::render(doc)
}

/// Only the format number of a file; every other field is skipped unread.
#[derive(Deserialize)]
#[serde(rename = "Curriculum")]
struct Header {
    #[serde(default)]
    format: u32,
}

/// When the current schema does not fit, reads just the header: a newer or missing format
/// number, or brackets nested beyond [`MAX_DEPTH`] somewhere, explain the failure better than
/// the first field the current schema trips over.
fn explain_failure(error: ron::error::SpannedError, text: &str, path: &Path) -> LoadError {
    match messages::options().from_str::<Header>(text) {
        Ok(header) if header.format != FORMAT => format_error(header.format, text, path),
        Err(deep) if deep.code == ron::Error::ExceededRecursionLimit => {
            messages::translate(&deep, path)
        }
        _ => messages::translate(&error, path),
    }
}

/// The error for a file whose format number this version cannot read.
fn format_error(format: u32, text: &str, path: &Path) -> LoadError {
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
    LoadError {
        path: path.to_path_buf(),
        line,
        column,
        message,
    }
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
            text.starts_with("(\n    format: 1,\n    qualification: ("),
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
        let text = to_string(&small()).replacen("format: 1", "format: 7", 1);
        let error = from_str(&text, Path::new("x.ron")).unwrap_err();
        assert_eq!((error.line, error.column), (2, 5));
        assert!(
            error
                .message
                .contains("newer version of HTQ Studio (format 7; this version reads up to 1)"),
            "{error}"
        );
    }

    #[test]
    fn newer_format_with_new_fields_is_named_not_the_field() {
        let text = to_string(&small())
            .replacen("format: 1", "format: 2", 1)
            .replacen("    units: [", "    panel: (),\n    units: [", 1);
        let error = from_str(&text, Path::new("x.ron")).unwrap_err();
        assert!(error.message.contains("format 2"), "{error}");
    }

    #[test]
    fn missing_format_is_an_error() {
        let text = to_string(&small()).replacen("    format: 1,\n", "", 1);
        let error = from_str(&text, Path::new("x.ron")).unwrap_err();
        assert!(error.message.contains("no format number"), "{error}");
        let zero = to_string(&small()).replacen("format: 1", "format: 0", 1);
        let error = from_str(&zero, Path::new("x.ron")).unwrap_err();
        assert!(error.message.contains("no format number"), "{error}");
    }
}
