//! Format 1 of the curriculum file: the schema on disk, kept apart from the model. Read only:
//! format 1 files migrate to the current model on load and are saved as the current format.
//!
//! The schema borrows the model's types. When the model changes in a way old files do not
//! fit, copy the affected types into this module as they are now, so format 1 stays frozen,
//! and convert to the new model in `into_curriculum`. Format 1 has no panel record: a file
//! gains an empty one.

use super::messages;
use crate::model::{Curriculum, Mapping, Qualification, Standard, Unit};
use serde::Deserialize;

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

/// Parses `text` as a format 1 file.
pub(super) fn parse(text: &str) -> Result<FileV1, ron::error::SpannedError> {
    messages::options().from_str(text)
}
