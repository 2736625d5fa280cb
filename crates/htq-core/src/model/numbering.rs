//! Display numbers derived from order: LO1..LOn per unit, and P/M/D numbers that run across
//! the whole unit (P1, P2 in LO1, then P3 in LO2, ...). Never stored, never referenced.

use super::{Band, CriterionId, Unit};
use std::collections::HashMap;

/// "LO1" for the outcome at `index` (zero-based).
pub fn outcome_label(index: usize) -> String {
    format!("LO{}", index + 1)
}

/// The P/M/D number of every criterion of one unit.
#[derive(Debug, Clone, Default)]
pub struct CriterionNumbers {
    numbers: HashMap<CriterionId, String>,
}

impl CriterionNumbers {
    /// Numbers the criteria of `unit`: each band counts up across the unit in LO order.
    pub fn of(unit: &Unit) -> Self {
        let mut counters = [0usize; 3];
        let numbers = unit
            .criteria()
            .map(|(_, criterion)| {
                let slot = Band::ALL
                    .iter()
                    .position(|band| *band == criterion.band)
                    .unwrap_or(0);
                counters[slot] += 1;
                (
                    criterion.id.clone(),
                    format!("{}{}", criterion.band.letter(), counters[slot]),
                )
            })
            .collect();
        Self { numbers }
    }

    /// The number of `criterion`, such as "M2"; "?" if it is not in the unit.
    pub fn get(&self, criterion: &CriterionId) -> &str {
        self.numbers.get(criterion).map_or("?", String::as_str)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Criterion, LearningOutcome};

    fn criterion(id: &str, band: Band) -> Criterion {
        Criterion {
            id: id.into(),
            band,
            text: String::new(),
        }
    }

    #[test]
    fn pass_numbers_run_across_the_unit() {
        let unit = Unit {
            outcomes: vec![
                LearningOutcome {
                    id: "lo1".into(),
                    criteria: vec![
                        criterion("a", Band::Pass),
                        criterion("b", Band::Pass),
                        criterion("c", Band::Merit),
                        criterion("d", Band::Distinction),
                    ],
                    ..Default::default()
                },
                LearningOutcome {
                    id: "lo2".into(),
                    criteria: vec![
                        criterion("e", Band::Pass),
                        criterion("f", Band::Merit),
                        criterion("g", Band::Distinction),
                    ],
                    ..Default::default()
                },
            ],
            ..Default::default()
        };
        let numbers = CriterionNumbers::of(&unit);
        let got: Vec<&str> = ["a", "b", "c", "d", "e", "f", "g", "zz"]
            .iter()
            .map(|id| numbers.get(&CriterionId::from(*id)))
            .collect();
        assert_eq!(got, ["P1", "P2", "M1", "D1", "P3", "M2", "D2", "?"]);
        assert_eq!(outcome_label(2), "LO3");
    }
}
