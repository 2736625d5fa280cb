//! Number fields of the document: what each accepts, its value, and the widget showing it.

use crate::app::drafts::NumberRule;
use crate::model::{Curriculum, NumberField};
use iced::widget;

/// What the number field `field` accepts.
pub fn number_rule(field: &NumberField) -> NumberRule {
    match field {
        NumberField::QualificationLevel
        | NumberField::UnitLevel(_)
        | NumberField::StandardLevel(_) => NumberRule::level("the level"),
        NumberField::TotalCredits | NumberField::UnitCredits(_) => NumberRule::count("the credits"),
        NumberField::UnitGlh(_) => NumberRule::count("the guided learning hours"),
    }
}

/// The document's value of the number field `field`; `None` when its unit is gone.
pub fn number_value(doc: &Curriculum, field: &NumberField) -> Option<u32> {
    let q = &doc.qualification;
    Some(match field {
        NumberField::QualificationLevel => u32::from(q.level),
        NumberField::TotalCredits => q.total_credits,
        NumberField::UnitLevel(id) => u32::from(doc.unit(id)?.level),
        NumberField::UnitCredits(id) => doc.unit(id)?.credits,
        NumberField::UnitGlh(id) => doc.unit(id)?.glh,
        NumberField::StandardLevel(id) => u32::from(doc.standard(id)?.level),
    })
}

/// The widget id of a number field.
pub fn number_id(field: &NumberField) -> widget::Id {
    widget::Id::from(format!("{field:?}"))
}
