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

/// Which family of checks made a finding, so that a designer can look at one at a time.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum FindingKind {
    /// Unit numbers, regulator codes and ids.
    Identity,
    /// Text that approval needs and the document lacks.
    Completeness,
    /// Empty text of a unit the designer has only just added and not yet written in: work to
    /// do, not yet a fault.
    ToWrite,
    /// How outcomes and criteria are worded (command verbs, grading bands).
    Wording,
    /// Outcomes mapped to KSBs.
    Mapping,
    /// Credits, hours and the rules of combination.
    Rules,
    /// Whether every way through the qualification covers each KSB.
    Coverage,
}

impl FindingKind {
    /// Every kind, in the order a designer meets them.
    pub const ALL: [FindingKind; 7] = [
        FindingKind::ToWrite,
        FindingKind::Completeness,
        FindingKind::Identity,
        FindingKind::Wording,
        FindingKind::Mapping,
        FindingKind::Rules,
        FindingKind::Coverage,
    ];

    /// The kind's name, as the findings screen's filter shows it.
    pub fn label(self) -> &'static str {
        match self {
            FindingKind::Identity => "Numbers and codes",
            FindingKind::Completeness => "Missing text",
            FindingKind::ToWrite => "To write",
            FindingKind::Wording => "Wording",
            FindingKind::Mapping => "Mapping",
            FindingKind::Rules => "Credits and rules",
            FindingKind::Coverage => "Coverage",
        }
    }
}

impl fmt::Display for FindingKind {
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
    /// Which checks made it.
    pub kind: FindingKind,
    /// Where.
    pub location: Location,
    /// What, in words a curriculum designer understands.
    pub message: String,
}

impl Finding {
    /// An error of `kind` at `location`.
    pub fn error(kind: FindingKind, location: Location, message: impl Into<String>) -> Self {
        Self {
            severity: Severity::Error,
            kind,
            location,
            message: message.into(),
        }
    }

    /// A warning of `kind` at `location`.
    pub fn warning(kind: FindingKind, location: Location, message: impl Into<String>) -> Self {
        Self {
            severity: Severity::Warning,
            kind,
            location,
            message: message.into(),
        }
    }

    /// A hint of `kind` at `location`.
    pub fn hint(kind: FindingKind, location: Location, message: impl Into<String>) -> Self {
        Self {
            severity: Severity::Hint,
            kind,
            location,
            message: message.into(),
        }
    }
}
