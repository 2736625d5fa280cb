//! Format 2 of the curriculum file: format 1 plus the panel record, written after `mappings`.
//! Read only: format 2 files migrate to the current model on load and are saved as the current
//! format.
//!
//! Format 2 has essential-content topics and resources without ids; this module keeps the unit
//! types as format 2 wrote them (frozen: do not change them) and gives every topic and resource
//! a fresh id on conversion. Format 1 units are the same, so `v1` borrows them.

use super::messages;
use crate::model::{
    ContentTopic, Criterion, Curriculum, LearningOutcome, Mapping, OutcomeId, PanelRecord,
    Qualification, Resource, ResourceKind, Standard, Theme, Unit, UnitId, fresh_id,
};
use serde::Deserialize;
use std::collections::HashSet;

/// A format 2 file as read.
#[derive(Deserialize)]
#[serde(deny_unknown_fields, rename = "Curriculum")]
pub(super) struct FileV2 {
    /// The format number; 2 for files this schema fits.
    pub format: u32,
    qualification: Qualification,
    units: Vec<UnitV2>,
    #[serde(default)]
    standards: Vec<Standard>,
    #[serde(default)]
    mappings: Vec<Mapping>,
    #[serde(default)]
    panel: PanelRecord,
}

/// A unit as formats 1 and 2 wrote it.
#[derive(Deserialize)]
#[serde(deny_unknown_fields, rename = "Unit")]
pub(super) struct UnitV2 {
    id: UnitId,
    number: String,
    #[serde(default)]
    regulator_code: String,
    title: String,
    level: u8,
    credits: u32,
    glh: u32,
    theme: Theme,
    #[serde(default)]
    introduction: String,
    #[serde(default)]
    outcomes: Vec<OutcomeV2>,
    #[serde(default)]
    resources: Vec<ResourceV2>,
    #[serde(default)]
    links: Vec<UnitId>,
}

/// A learning outcome as formats 1 and 2 wrote it.
#[derive(Deserialize)]
#[serde(deny_unknown_fields, rename = "LearningOutcome")]
struct OutcomeV2 {
    id: OutcomeId,
    text: String,
    #[serde(default)]
    content: Vec<TopicV2>,
    #[serde(default)]
    criteria: Vec<Criterion>,
}

/// An essential-content topic before topics had ids.
#[derive(Deserialize)]
#[serde(deny_unknown_fields, rename = "ContentTopic")]
struct TopicV2 {
    heading: String,
    #[serde(default)]
    points: Vec<String>,
}

/// A resource before resources had ids.
#[derive(Deserialize)]
#[serde(deny_unknown_fields, rename = "Resource")]
struct ResourceV2 {
    kind: ResourceKind,
    text: String,
}

impl FileV2 {
    /// The curriculum the file holds.
    pub fn into_curriculum(self) -> Curriculum {
        let mut doc = Curriculum {
            qualification: self.qualification,
            units: Vec::new(),
            standards: self.standards,
            mappings: self.mappings,
            panel: self.panel,
        };
        doc.units = units_with_ids(self.units, &doc);
        doc
    }
}

/// The units of a format 1 or 2 file, each topic and resource given an id (`u4010-lo1-t1`,
/// `u4010-r1`) that no other item of the file (`rest`, and the units themselves) uses.
pub(super) fn units_with_ids(units: Vec<UnitV2>, rest: &Curriculum) -> Vec<Unit> {
    let mut taken: HashSet<String> = rest.ids().map(str::to_owned).collect();
    for unit in &units {
        taken.insert(unit.id.to_string());
        for outcome in &unit.outcomes {
            taken.insert(outcome.id.to_string());
            taken.extend(outcome.criteria.iter().map(|c| c.id.to_string()));
        }
    }
    let mut mint = |prefix: String| {
        let id = fresh_id(&prefix, |candidate| taken.contains(candidate));
        taken.insert(id.clone());
        id
    };
    units
        .into_iter()
        .map(|unit| {
            let outcomes = unit
                .outcomes
                .into_iter()
                .map(|outcome| LearningOutcome {
                    content: outcome
                        .content
                        .into_iter()
                        .map(|topic| ContentTopic {
                            id: mint(format!("{}-t", outcome.id)).as_str().into(),
                            heading: topic.heading,
                            points: topic.points,
                        })
                        .collect(),
                    id: outcome.id,
                    text: outcome.text,
                    criteria: outcome.criteria,
                })
                .collect();
            let resources = unit
                .resources
                .into_iter()
                .map(|resource| Resource {
                    id: mint(format!("{}-r", unit.id)).as_str().into(),
                    kind: resource.kind,
                    text: resource.text,
                })
                .collect();
            Unit {
                id: unit.id,
                number: unit.number,
                regulator_code: unit.regulator_code,
                title: unit.title,
                level: unit.level,
                credits: unit.credits,
                glh: unit.glh,
                theme: unit.theme,
                introduction: unit.introduction,
                outcomes,
                resources,
                links: unit.links,
            }
        })
        .collect()
}

/// Parses `text` as a format 2 file.
pub(super) fn parse(text: &str) -> Result<FileV2, ron::error::SpannedError> {
    messages::options().from_str(text)
}
