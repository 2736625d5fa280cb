//! Format 1 of the curriculum file: the schema on disk, kept apart from the model.
//!
//! Today the schema borrows the model's types. When the model changes in a way old files do
//! not fit, copy the affected types into this module as they are now, so format 1 stays
//! frozen, and convert to the new model in `into_curriculum`.

use super::messages;
use crate::model::{Curriculum, Mapping, Qualification, Standard, Unit};
use serde::{Deserialize, Serialize};

/// A format 1 file as read.
#[derive(Deserialize)]
#[serde(deny_unknown_fields, rename = "Curriculum")]
pub(super) struct FileV1 {
    /// The format number; 1 for files this schema fits.
    pub format: u32,
    qualification: Qualification,
    units: Vec<Unit>,
    #[serde(default)]
    standards: Vec<Standard>,
    #[serde(default)]
    mappings: Vec<Mapping>,
}

impl FileV1 {
    /// The curriculum the file holds.
    pub fn into_curriculum(self) -> Curriculum {
        Curriculum {
            qualification: self.qualification,
            units: self.units,
            standards: self.standards,
            mappings: self.mappings,
            panel: crate::model::PanelRecord::default(),
        }
    }
}

/// A format 1 file as written: the same fields, borrowed from the document.
#[derive(Serialize)]
#[serde(rename = "Curriculum")]
struct FileV1Out<'a> {
    format: u32,
    qualification: &'a Qualification,
    units: &'a [Unit],
    standards: &'a [Standard],
    mappings: &'a [Mapping],
}

/// Parses `text` as a format 1 file.
pub(super) fn parse(text: &str) -> Result<FileV1, ron::error::SpannedError> {
    messages::options().from_str(text)
}

/// The canonical format 1 text of `doc`.
pub(super) fn render(doc: &Curriculum) -> String {
    let file = FileV1Out {
        format: 1,
        qualification: &doc.qualification,
        units: &doc.units,
        standards: &doc.standards,
        mappings: &doc.mappings,
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
