//! Credit arithmetic for the structure screen: what the mandatory units add up to and what a
//! learner still chooses, per level. Pure sums; feasibility is `analysis`'s job.

use super::Curriculum;

/// Credit totals of the rules of combination.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct CreditSummary {
    /// Credits of all mandatory units.
    pub mandatory: u32,
    /// Mandatory credits at each level, as (level, credits), levels ascending.
    pub mandatory_by_level: Vec<(u8, u32)>,
    /// Credits a learner must still choose from optional groups.
    pub to_choose: u32,
    /// Credits on offer in optional groups (each unit once).
    pub optional_offered: u32,
}

impl Curriculum {
    /// Sums the credits of the rules of combination.
    pub fn credit_summary(&self) -> CreditSummary {
        let rules = &self.qualification.rules;
        let mandatory_units = self
            .units
            .iter()
            .filter(|unit| rules.mandatory.contains(&unit.id));
        let mut by_level: Vec<(u8, u32)> = Vec::new();
        let mut mandatory = 0u32;
        for unit in mandatory_units {
            mandatory = mandatory.saturating_add(unit.credits);
            match by_level.iter_mut().find(|(level, _)| *level == unit.level) {
                Some((_, credits)) => *credits = credits.saturating_add(unit.credits),
                None => by_level.push((unit.level, unit.credits)),
            }
        }
        by_level.sort_unstable();
        let optional_offered = self
            .units
            .iter()
            .filter(|unit| {
                !rules.mandatory.contains(&unit.id)
                    && rules.groups.iter().any(|g| g.units.contains(&unit.id))
            })
            .fold(0u32, |sum, unit| sum.saturating_add(unit.credits));
        CreditSummary {
            mandatory,
            mandatory_by_level: by_level,
            to_choose: self.qualification.total_credits.saturating_sub(mandatory),
            optional_offered,
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::model::synthetic::{Size, curriculum};

    #[test]
    fn sums_mandatory_and_optional_credits() {
        let doc = curriculum(Size::LARGE);
        let summary = doc.credit_summary();
        assert_eq!(summary.mandatory, 8 * 15);
        assert_eq!(summary.mandatory_by_level, vec![(4, 120)]);
        assert_eq!(summary.to_choose, 120);
        assert_eq!(summary.optional_offered, 52 * 15);
    }
}
