//! `check` on damaged synthetic curricula: it never panics, every finding points at something
//! that exists, and findings come sorted by severity then document order.

use htq_core::analysis::{Location, Severity, check};
use htq_core::model::synthetic::{Size, curriculum};
use htq_core::model::{Band, Coverage, Curriculum};
use proptest::prelude::*;

/// One kind of damage a designer might do, applied at a position taken modulo the count.
#[derive(Debug, Clone)]
enum Damage {
    UnitNumber(usize, String),
    Credits(usize, u32),
    Level(usize, u8),
    Glh(usize, u32),
    CriterionText(usize, String),
    CriterionBand(usize, bool),
    DropOutcome(usize),
    DropMapping(usize),
    PartialMapping(usize),
    DropMandatory(usize),
    Total(u32),
}

fn damage() -> impl Strategy<Value = Damage> {
    prop_oneof![
        (any::<usize>(), "[0-9]{0,5}").prop_map(|(i, s)| Damage::UnitNumber(i, s)),
        (any::<usize>(), 0u32..=60).prop_map(|(i, c)| Damage::Credits(i, c)),
        (any::<usize>(), 0u8..=7).prop_map(|(i, l)| Damage::Level(i, l)),
        (any::<usize>(), 0u32..=700).prop_map(|(i, g)| Damage::Glh(i, g)),
        (
            any::<usize>(),
            "(Describe|List|Critically|The|Evaluate|) ?[a-z ]{0,12}"
        )
            .prop_map(|(i, s)| Damage::CriterionText(i, s)),
        (any::<usize>(), any::<bool>()).prop_map(|(i, m)| Damage::CriterionBand(i, m)),
        any::<usize>().prop_map(Damage::DropOutcome),
        any::<usize>().prop_map(Damage::DropMapping),
        any::<usize>().prop_map(Damage::PartialMapping),
        any::<usize>().prop_map(Damage::DropMandatory),
        (0u32..=20).prop_map(|k| Damage::Total(k * 15)),
    ]
}

fn apply(doc: &mut Curriculum, damage: &Damage) {
    let units = doc.units.len();
    let criteria: Vec<(usize, usize, usize)> = doc
        .units
        .iter()
        .enumerate()
        .flat_map(|(u, unit)| {
            unit.outcomes
                .iter()
                .enumerate()
                .flat_map(move |(o, outcome)| (0..outcome.criteria.len()).map(move |c| (u, o, c)))
        })
        .collect();
    let criterion = |i: usize| criteria.get(i % criteria.len().max(1)).copied();
    match damage {
        Damage::UnitNumber(i, s) => doc.units[i % units].number = s.clone(),
        Damage::Credits(i, c) => doc.units[i % units].credits = *c,
        Damage::Level(i, l) => doc.units[i % units].level = *l,
        Damage::Glh(i, g) => doc.units[i % units].glh = *g,
        Damage::CriterionText(i, s) => {
            if let Some((u, o, c)) = criterion(*i) {
                doc.units[u].outcomes[o].criteria[c].text = s.clone();
            }
        }
        Damage::CriterionBand(i, merit) => {
            if let Some((u, o, c)) = criterion(*i) {
                doc.units[u].outcomes[o].criteria[c].band = if *merit {
                    Band::Merit
                } else {
                    Band::Distinction
                };
            }
        }
        Damage::DropOutcome(i) => {
            let unit = &mut doc.units[i % units];
            if !unit.outcomes.is_empty() {
                let o = i % unit.outcomes.len();
                unit.outcomes.remove(o);
            }
        }
        Damage::DropMapping(i) => {
            if !doc.mappings.is_empty() {
                let m = i % doc.mappings.len();
                doc.mappings.remove(m);
            }
        }
        Damage::PartialMapping(i) => {
            if !doc.mappings.is_empty() {
                let m = i % doc.mappings.len();
                doc.mappings[m].coverage = Coverage::Partial;
                doc.mappings[m].note.clear();
            }
        }
        Damage::DropMandatory(i) => {
            let mandatory = &mut doc.qualification.rules.mandatory;
            if !mandatory.is_empty() {
                let m = i % mandatory.len();
                mandatory.remove(m);
            }
        }
        Damage::Total(t) => doc.qualification.total_credits = *t,
    }
}

fn exists(doc: &Curriculum, location: &Location) -> bool {
    match location {
        Location::Qualification | Location::Rules => true,
        Location::Unit(id) => doc.unit(id).is_some(),
        Location::Outcome(id) => doc.outcome(id).is_some(),
        Location::Criterion(id) => doc.criterion_position(id).is_some(),
        Location::Standard(id) => doc.standard(id).is_some(),
        Location::Ksb(id) => doc.ksb(id).is_some(),
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 300, ..ProptestConfig::default() })]

    #[test]
    fn findings_point_somewhere_and_come_sorted(
        units in 4usize..=12,
        damages in prop::collection::vec(damage(), 0..8),
    ) {
        let mut doc = curriculum(Size {
            units,
            outcomes_per_unit: 4,
            criteria_per_outcome: 4,
            standards: 1,
            ksbs_per_standard: 12,
            mappings: 40,
        });
        for d in &damages {
            apply(&mut doc, d);
        }
        let findings = check(&doc);
        prop_assert!(findings.iter().all(|f| exists(&doc, &f.location)));
        prop_assert!(findings.iter().all(|f| !f.message.trim().is_empty()));
        let severities: Vec<Severity> = findings.iter().map(|f| f.severity).collect();
        prop_assert!(severities.windows(2).all(|w| w[0] <= w[1]), "not sorted by severity");
    }
}

#[test]
fn the_large_synthetic_curriculum_has_valid_programmes_and_real_pathway_gaps() {
    // Eight mandatory Level 4 units carry 120 credits; learners choose the other 120 from
    // Level 5 optional groups, so some KSBs are met only in some pathways.
    let doc = curriculum(Size::LARGE);
    let report = htq_core::analysis::pathway_report(&doc);
    assert!(report.any_valid_programme);
    assert!(report.ksbs.iter().any(|k| matches!(
        k.status,
        htq_core::analysis::PathwayStatus::SomePathways { .. }
    )));
    let findings = check(&doc);
    assert!(!findings.iter().any(|f| {
        f.message
            .starts_with("no valid combination of units exists")
    }));
}
