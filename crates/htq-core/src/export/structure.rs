//! The rules of combination in words and as a table, for the structure section.

use super::table::Table;
use crate::model::{Curriculum, OptionalGroup};
use crate::words::counted;

/// Sentences stating what a learner must take.
pub(crate) fn rules_in_words(doc: &Curriculum) -> Vec<String> {
    let q = &doc.qualification;
    let rules = &q.rules;
    let mut sentences = vec![format!(
        "Learners must achieve {} to be awarded the qualification.",
        counted(q.total_credits, "credit", "credits")
    )];
    let mandatory: Vec<_> = rules
        .mandatory
        .iter()
        .filter_map(|id| doc.unit(id))
        .collect();
    if !mandatory.is_empty() {
        let credits: u32 = mandatory.iter().map(|u| u.credits).sum();
        sentences.push(format!(
            "{} ({}) must be taken.",
            match mandatory.len() {
                1 => "The mandatory unit".to_owned(),
                n => format!("All {n} mandatory units"),
            },
            counted(credits, "credit", "credits")
        ));
    }
    for group in &rules.groups {
        sentences.push(format!(
            "From “{}”: {}.",
            group.title.trim(),
            lower_first(&group_bounds(group))
        ));
    }
    for level in &rules.level_credits {
        sentences.push(format!(
            "At least {} must be at Level {}.",
            counted(level.min_credits, "credit", "credits"),
            level.level
        ));
    }
    sentences
}

fn lower_first(text: &str) -> String {
    let mut chars = text.chars();
    match chars.next() {
        Some(first) => first
            .to_lowercase()
            .chain(chars)
            .collect::<String>()
            .trim_end_matches('.')
            .to_owned(),
        None => String::new(),
    }
}

/// The bounds of an optional group in words, e.g. "Take at least 15 credits from this group."
pub(crate) fn group_bounds(group: &OptionalGroup) -> String {
    let mut parts = Vec::new();
    match (group.min_credits, group.max_credits) {
        (Some(min), Some(max)) if min == max => {
            parts.push(format!("exactly {}", counted(min, "credit", "credits")))
        }
        (Some(min), Some(max)) => parts.push(format!(
            "between {min} and {}",
            counted(max, "credit", "credits")
        )),
        (Some(min), None) => parts.push(format!("at least {}", counted(min, "credit", "credits"))),
        (None, Some(max)) => parts.push(format!("at most {}", counted(max, "credit", "credits"))),
        (None, None) => {}
    }
    let plural = |n: u32| if n == 1 { "unit" } else { "units" };
    match (group.min_units, group.max_units) {
        (Some(min), Some(max)) if min == max => {
            parts.push(format!("exactly {min} {}", plural(min)))
        }
        (Some(min), Some(max)) => parts.push(format!(
            "between {min} and {}",
            counted(max, "unit", "units")
        )),
        (Some(min), None) => parts.push(format!("at least {min} {}", plural(min))),
        (None, Some(max)) => parts.push(format!("at most {max} {}", plural(max))),
        (None, None) => {}
    }
    if parts.is_empty() {
        "Any number of units may be taken from this group.".into()
    } else {
        format!("Take {} from this group.", parts.join(" and "))
    }
}

/// Requirement, units and credits of each rule.
pub(crate) fn rules_table(doc: &Curriculum) -> Table {
    let rules = &doc.qualification.rules;
    let mut table = Table::new(&[0.5, 0.2, 0.3], &["Requirement", "Units", "Credits"]);
    table.shade_first_column = true;
    let mandatory: Vec<_> = rules
        .mandatory
        .iter()
        .filter_map(|id| doc.unit(id))
        .collect();
    let mandatory_credits: u32 = mandatory.iter().map(|u| u.credits).sum();
    table.push_texts(&[
        "Mandatory units".into(),
        mandatory.len().to_string(),
        mandatory_credits.to_string(),
    ]);
    for group in &rules.groups {
        let bounds = group_bounds(group);
        let available: u32 = group
            .units
            .iter()
            .filter_map(|id| doc.unit(id))
            .map(|u| u.credits)
            .sum();
        table.push_texts(&[
            group.title.clone(),
            format!("{} available", group.units.len()),
            format!("{bounds} ({available} available)"),
        ]);
    }
    for level in &rules.level_credits {
        table.push_texts(&[
            format!("Credits at Level {}", level.level),
            String::new(),
            format!("at least {}", level.min_credits),
        ]);
    }
    table.push_texts(&[
        "Total for the qualification".into(),
        String::new(),
        doc.qualification.total_credits.to_string(),
    ]);
    table
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bounds_read_as_sentences() {
        let mut group = OptionalGroup {
            min_credits: Some(15),
            ..Default::default()
        };
        assert_eq!(
            group_bounds(&group),
            "Take at least 15 credits from this group."
        );
        group.max_credits = Some(30);
        group.min_units = Some(1);
        group.max_units = Some(1);
        assert_eq!(
            group_bounds(&group),
            "Take between 15 and 30 credits and exactly 1 unit from this group."
        );
        assert_eq!(
            group_bounds(&OptionalGroup::default()),
            "Any number of units may be taken from this group."
        );
    }
}
