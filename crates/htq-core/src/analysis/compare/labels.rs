//! Display labels of items in one version of a curriculum: "4010", "4010 LO2", "4010 LO2 P3",
//! "ST1512 K5". Items not in the version fall back to their id.

use crate::model::{
    CriterionId, CriterionNumbers, Curriculum, KsbId, OutcomeId, Unit, outcome_label,
};

/// The unit's number, or its id while it has none.
pub(super) fn unit_label(unit: &Unit) -> &str {
    if unit.number.trim().is_empty() {
        unit.id.as_str()
    } else {
        &unit.number
    }
}

/// "4010 LO2" for the outcome at `index` of `unit`.
pub(super) fn outcome_label_of(unit: &Unit, index: usize) -> String {
    format!("{} {}", unit_label(unit), outcome_label(index))
}

/// "4010 LO2" for the outcome `id` of `doc`.
pub(super) fn outcome_label_in(doc: &Curriculum, id: &OutcomeId) -> String {
    match doc.outcome_position(id) {
        Some((u, o)) => outcome_label_of(&doc.units[u], o),
        None => format!("outcome {id}"),
    }
}

/// "4010 LO2 P3" for the criterion `id` of `doc`.
pub(super) fn criterion_label(doc: &Curriculum, id: &CriterionId) -> String {
    match doc.criterion_position(id) {
        Some((u, o, _)) => {
            let unit = &doc.units[u];
            format!(
                "{} {}",
                outcome_label_of(unit, o),
                CriterionNumbers::of(unit).get(id)
            )
        }
        None => format!("criterion {id}"),
    }
}

/// "ST1512 K5" for the KSB `id` of `doc`.
pub(super) fn ksb_label(doc: &Curriculum, id: &KsbId) -> String {
    match doc.ksb(id) {
        Some((standard, ksb)) => format!("{} {}", standard.reference, ksb.code),
        None => format!("KSB {id}"),
    }
}
