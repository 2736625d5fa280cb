//! A finding: what a check found, how serious it is, and where.

use crate::model::{
    CriterionId, CriterionNumbers, Curriculum, KsbId, OutcomeId, StandardId, UnitId, outcome_label,
};
use std::fmt;

/// How serious a finding is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Severity {
    /// Blocks approval: must be fixed.
    Error,
    /// Probably wrong: a panel should look.
    Warning,
    /// A suggestion.
    Hint,
}

impl Severity {
    /// Every severity, most serious first.
    pub const ALL: [Severity; 3] = [Severity::Error, Severity::Warning, Severity::Hint];

    /// Lower-case name, as printed by `check`.
    pub fn label(self) -> &'static str {
        match self {
            Severity::Error => "error",
            Severity::Warning => "warning",
            Severity::Hint => "hint",
        }
    }
}

impl fmt::Display for Severity {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.label())
    }
}

/// Where a finding points.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub enum Location {
    /// The qualification's details.
    Qualification,
    /// The rules of combination.
    Rules,
    /// A unit.
    Unit(UnitId),
    /// A learning outcome.
    Outcome(OutcomeId),
    /// An assessment criterion.
    Criterion(CriterionId),
    /// An occupational standard.
    Standard(StandardId),
    /// A KSB.
    Ksb(KsbId),
}

impl Location {
    /// The unit this location lies in, if any.
    pub fn unit<'a>(&self, doc: &'a Curriculum) -> Option<&'a crate::model::Unit> {
        match self {
            Location::Unit(id) => doc.unit(id),
            Location::Outcome(id) => doc.outcome(id).map(|(unit, _)| unit),
            Location::Criterion(id) => doc.criterion_position(id).map(|(u, _, _)| &doc.units[u]),
            _ => None,
        }
    }

    /// Human-readable place, e.g. "unit 4017 LO2 P3" or "KSB ST0220 S7".
    pub fn describe(&self, doc: &Curriculum) -> String {
        match self {
            Location::Qualification => "qualification".into(),
            Location::Rules => "rules of combination".into(),
            Location::Unit(id) => match doc.unit(id) {
                Some(unit) => format!("unit {}", unit_name(&unit.number, id.as_str())),
                None => format!("unit {id}"),
            },
            Location::Outcome(id) => match doc.outcome_position(id) {
                Some((u, o)) => {
                    let unit = &doc.units[u];
                    format!(
                        "unit {} {}",
                        unit_name(&unit.number, unit.id.as_str()),
                        outcome_label(o)
                    )
                }
                None => format!("outcome {id}"),
            },
            Location::Criterion(id) => match doc.criterion_position(id) {
                Some((u, o, _)) => {
                    let unit = &doc.units[u];
                    let numbers = CriterionNumbers::of(unit);
                    format!(
                        "unit {} {} {}",
                        unit_name(&unit.number, unit.id.as_str()),
                        outcome_label(o),
                        numbers.get(id)
                    )
                }
                None => format!("criterion {id}"),
            },
            Location::Standard(id) => match doc.standard(id) {
                Some(standard) => format!("standard {}", standard.reference),
                None => format!("standard {id}"),
            },
            Location::Ksb(id) => match doc.ksb(id) {
                Some((standard, ksb)) => format!("KSB {} {}", standard.reference, ksb.code),
                None => format!("KSB {id}"),
            },
        }
    }
}

fn unit_name<'a>(number: &'a str, id: &'a str) -> &'a str {
    if number.trim().is_empty() { id } else { number }
}

/// One thing a check found.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Finding {
    /// How serious.
    pub severity: Severity,
    /// Where.
    pub location: Location,
    /// What, in words a curriculum designer understands.
    pub message: String,
}

impl Finding {
    /// An error at `location`.
    pub fn error(location: Location, message: impl Into<String>) -> Self {
        Self {
            severity: Severity::Error,
            location,
            message: message.into(),
        }
    }

    /// A warning at `location`.
    pub fn warning(location: Location, message: impl Into<String>) -> Self {
        Self {
            severity: Severity::Warning,
            location,
            message: message.into(),
        }
    }

    /// A hint at `location`.
    pub fn hint(location: Location, message: impl Into<String>) -> Self {
        Self {
            severity: Severity::Hint,
            location,
            message: message.into(),
        }
    }
}
