//! Format 1 of the curriculum file: the schema on disk, kept apart from the model. Read only:
//! format 1 files migrate to the current model on load and are saved as the current format.
//!
//! Units are as format 2 wrote them (its frozen types are borrowed); the rest borrows the
//! model's types. When the model changes in a way old files do not fit, freeze the affected
//! types and convert in `into_curriculum`. Format 1 has no panel record: a file gains an
//! empty one.

use super::messages;
use super::v2::{UnitV2, units_with_ids};
use crate::model::{Curriculum, Mapping, Qualification, Standard};
use serde::Deserialize;

/// A format 1 file as read.
#[derive(Deserialize)]
#[serde(deny_unknown_fields, rename = "Curriculum")]
pub(super) struct FileV1 {
    /// The format number; 1 for files this schema fits.
    pub format: u32,
    qualification: Qualification,
    units: Vec<UnitV2>,
    #[serde(default)]
    standards: Vec<Standard>,
    #[serde(default)]
    mappings: Vec<Mapping>,
}

impl FileV1 {
    /// The curriculum the file holds.
    pub fn into_curriculum(self) -> Curriculum {
        let mut doc = Curriculum {
            qualification: self.qualification,
            units: Vec::new(),
            standards: self.standards,
            mappings: self.mappings,
            panel: crate::model::PanelRecord::default(),
        };
        doc.units = units_with_ids(self.units, &doc);
        doc
    }
}

/// Parses `text` as a format 1 file.
pub(super) fn parse(text: &str) -> Result<FileV1, ron::error::SpannedError> {
    messages::options().from_str(text)
}
