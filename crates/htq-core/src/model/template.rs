//! Starting points for new units: a unit of a theme with four outcomes, each with a Pass,
//! Merit and Distinction criterion and essential-content headings typical of the theme.

use super::{Band, ContentTopic, Criterion, Curriculum, LearningOutcome, Theme, Unit, UnitId};

fn headings(theme: Theme) -> [&'static str; 4] {
    match theme {
        Theme::LabSkills => [
            "Health, safety and containment",
            "Technique and procedure",
            "Quality control and assurance",
            "Records and data integrity",
        ],
        Theme::DeviceRegulation => [
            "Legal and regulatory framework",
            "Classification and conformity assessment",
            "Risk management and evidence",
            "Post-market surveillance and vigilance",
        ],
        Theme::AiEnabledDevices => [
            "Intended purpose and classification",
            "Data, training and validation",
            "Clinical safety and human oversight",
            "Deployment and monitoring",
        ],
        Theme::Core => [
            "Principles",
            "Methods",
            "Application in practice",
            "Review and improvement",
        ],
    }
}

/// A new unit of `theme` at `level` whose ids are all unused in `doc`. The outcome and
/// criterion texts are empty for the panel to write; the checks list them until they are.
pub fn unit(doc: &Curriculum, theme: Theme, level: u8) -> Unit {
    let id = doc.fresh_stem("unit-");
    let taken_number = |n: &str| doc.units.iter().any(|u| u.number == n);
    let number = (1..1000)
        .map(|n| format!("{level}{n:03}"))
        .find(|n| !taken_number(n))
        .unwrap_or_default();
    let outcomes = headings(theme)
        .iter()
        .enumerate()
        .map(|(index, heading)| {
            let outcome_id = format!("{id}-lo{}", index + 1);
            LearningOutcome {
                id: outcome_id.as_str().into(),
                text: String::new(),
                content: vec![ContentTopic {
                    id: format!("{outcome_id}-t1").as_str().into(),
                    heading: (*heading).to_owned(),
                    points: Vec::new(),
                }],
                criteria: Band::ALL
                    .iter()
                    .map(|band| Criterion {
                        id: format!("{outcome_id}-{}", band.letter().to_ascii_lowercase())
                            .as_str()
                            .into(),
                        band: *band,
                        text: String::new(),
                    })
                    .collect(),
            }
        })
        .collect();
    Unit {
        id: UnitId::new(id),
        number,
        regulator_code: String::new(),
        title: format!("New {} unit", theme.label().to_lowercase()),
        level,
        credits: 15,
        glh: 60,
        theme,
        introduction: String::new(),
        outcomes,
        resources: Vec::new(),
        links: Vec::new(),
    }
}

/// A copy of `unit` with fresh ids throughout, titled as a copy, ready to insert into `doc`.
pub fn duplicate(doc: &Curriculum, unit: &Unit) -> Unit {
    let id = doc.fresh_stem("unit-");
    let mut copy = unit.clone();
    copy.title = format!("{} (copy)", unit.title);
    for (o, outcome) in copy.outcomes.iter_mut().enumerate() {
        let outcome_id = format!("{id}-lo{}", o + 1);
        for (c, criterion) in outcome.criteria.iter_mut().enumerate() {
            criterion.id = format!("{outcome_id}-c{}", c + 1).as_str().into();
        }
        for (t, topic) in outcome.content.iter_mut().enumerate() {
            topic.id = format!("{outcome_id}-t{}", t + 1).as_str().into();
        }
        outcome.id = outcome_id.as_str().into();
    }
    for (r, resource) in copy.resources.iter_mut().enumerate() {
        resource.id = format!("{id}-r{}", r + 1).as_str().into();
    }
    copy.id = UnitId::new(id);
    copy.links.clear();
    copy
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Edit;
    use crate::model::synthetic::{Size, curriculum};

    #[test]
    fn templates_and_duplicates_insert_cleanly() {
        let mut doc = curriculum(Size {
            units: 3,
            outcomes_per_unit: 4,
            criteria_per_outcome: 3,
            standards: 0,
            ksbs_per_standard: 0,
            mappings: 0,
        });
        for theme in Theme::ALL {
            let unit = unit(&doc, theme, 4);
            assert_eq!(unit.outcomes.len(), 4);
            assert!(!doc.units.iter().any(|u| u.number == unit.number));
            doc.apply(Edit::InsertUnit {
                index: doc.units.len(),
                unit: Box::new(unit),
            })
            .unwrap();
        }
        let copy = duplicate(&doc, &doc.units[0]);
        doc.apply(Edit::InsertUnit {
            index: 1,
            unit: Box::new(copy),
        })
        .unwrap();
        assert_eq!(doc.units.len(), 8);
    }
}
