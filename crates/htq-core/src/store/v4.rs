//! Formats 3 to 5 of the curriculum file: format 3 (format 2 with a stable id on every
//! essential-content topic and every resource), format 4 (plus the occupations the
//! qualification claims) and format 5 (plus the KSBs left out of scope).
//!
//! Format 5 is the format HTQ Studio writes. Formats 4 and 5 each only added a field with a
//! default, so format 3 and 4 files fit this schema and are read with it; `store` then claims
//! every standard of a format 3 file, which is what format 3 meant. The schema borrows the model's types; when the
//! model changes in a way format 4 files do not fit, copy the affected types into this module
//! as they are now, so format 4 stays frozen, and convert to the new model in
//! `into_curriculum`.

use super::messages;
use crate::model::{Curriculum, Mapping, PanelRecord, Qualification, Standard, Unit};
use serde::{Deserialize, Serialize};

/// A format 5 (or 4, or 3) file as read.
#[derive(Deserialize)]
#[serde(deny_unknown_fields, rename = "Curriculum")]
pub(super) struct FileV4 {
    /// The format number; 3, 4 or 5 for files this schema fits.
    pub format: u32,
    qualification: Qualification,
    units: Vec<Unit>,
    #[serde(default)]
    standards: Vec<Standard>,
    #[serde(default)]
    mappings: Vec<Mapping>,
    #[serde(default)]
    panel: PanelRecord,
}

impl FileV4 {
    /// The curriculum the file holds.
    pub fn into_curriculum(self) -> Curriculum {
        Curriculum {
            qualification: self.qualification,
            units: self.units,
            standards: self.standards,
            mappings: self.mappings,
            panel: self.panel,
        }
    }
}

/// A format 5 file as written: the same fields, borrowed from the document.
#[derive(Serialize)]
#[serde(rename = "Curriculum")]
struct FileV4Out<'a> {
    format: u32,
    qualification: &'a Qualification,
    units: &'a [Unit],
    standards: &'a [Standard],
    mappings: &'a [Mapping],
    panel: &'a PanelRecord,
}

/// Parses `text` as a format 5 (or 4, or 3) file.
pub(super) fn parse(text: &str) -> Result<FileV4, ron::error::SpannedError> {
    messages::options().from_str(text)
}

/// The canonical format 5 text of `doc`.
pub(super) fn render(doc: &Curriculum) -> String {
    let file = FileV4Out {
        format: super::FORMAT,
        qualification: &doc.qualification,
        units: &doc.units,
        standards: &doc.standards,
        mappings: &doc.mappings,
        panel: &doc.panel,
    };
    let pretty = ron::ser::PrettyConfig::new()
        .struct_names(false)
        .indentor("    ")
        .new_line("\n")
        .separator(" ");
    match messages::options().to_string_pretty(&file, pretty) {
        Ok(mut text) => {
            text.push('\n');
            text
        }
        // The document is plain data a few levels deep with string keys only: writing it to
        // a String cannot fail whatever its contents.
        Err(error) => unreachable!("a curriculum always converts to RON: {error}"),
    }
}
