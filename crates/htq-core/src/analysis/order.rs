//! Document order of findings: qualification, rules of combination, then each unit with its
//! outcomes and criteria in display order, then each standard with its KSBs.

use super::{Finding, Location};
use crate::model::Curriculum;
use std::collections::HashMap;

/// Position of a location in the document, comparable across kinds of location.
type Position = (u8, usize, usize, usize);

/// Sorts `findings`: errors first, then warnings, then hints, each in document order. Findings
/// at the same place keep the order in which the rules produced them.
pub(crate) fn sort(doc: &Curriculum, findings: &mut [Finding]) {
    let positions = Positions::of(doc);
    findings
        .sort_by_cached_key(|finding| (finding.severity, positions.of_location(&finding.location)));
}

/// Every referenceable id of a document with its position.
struct Positions<'a> {
    ids: HashMap<(u8, &'a str), Position>,
}

const UNIT: u8 = 2;
const OUTCOME: u8 = 3;
const CRITERION: u8 = 4;
const STANDARD: u8 = 5;
const KSB: u8 = 6;

impl<'a> Positions<'a> {
    fn of(doc: &'a Curriculum) -> Self {
        let mut ids = HashMap::new();
        for (u, unit) in doc.units.iter().enumerate() {
            ids.entry((UNIT, unit.id.as_str())).or_insert((2, u, 0, 0));
            for (o, outcome) in unit.outcomes.iter().enumerate() {
                ids.entry((OUTCOME, outcome.id.as_str()))
                    .or_insert((2, u, o + 1, 0));
                for (c, criterion) in outcome.criteria.iter().enumerate() {
                    ids.entry((CRITERION, criterion.id.as_str()))
                        .or_insert((2, u, o + 1, c + 1));
                }
            }
        }
        for (s, standard) in doc.standards.iter().enumerate() {
            ids.entry((STANDARD, standard.id.as_str()))
                .or_insert((3, s, 0, 0));
            for (k, ksb) in standard.ksbs.iter().enumerate() {
                ids.entry((KSB, ksb.id.as_str()))
                    .or_insert((3, s, k + 1, 0));
            }
        }
        Self { ids }
    }

    fn of_location(&self, location: &Location) -> Position {
        let key = match location {
            Location::Qualification => return (0, 0, 0, 0),
            Location::Rules => return (1, 0, 0, 0),
            Location::Unit(id) => (UNIT, id.as_str()),
            Location::Outcome(id) => (OUTCOME, id.as_str()),
            Location::Criterion(id) => (CRITERION, id.as_str()),
            Location::Standard(id) => (STANDARD, id.as_str()),
            Location::Ksb(id) => (KSB, id.as_str()),
        };
        self.ids.get(&key).copied().unwrap_or((u8::MAX, 0, 0, 0))
    }
}
