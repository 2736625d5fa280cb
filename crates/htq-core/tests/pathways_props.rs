//! The exact pathway analysis agrees with brute-force enumeration on thousands of random small
//! qualifications with awkward rules: overlapping groups, credit and unit bounds, level credit
//! rules, 30-credit units, mandatory units and random mappings (a partial one counting only
//! with a reason); and so do the counts of programmes reaching each claimed occupation (two
//! options of one standard), with witnesses that miss them.

use htq_core::analysis::{PathwayStatus, analyse, pathway_report};
use htq_core::model::{
    Band, Claim, Coverage, Criterion, Curriculum, Ksb, KsbKind, LearningOutcome, LevelCredits,
    Mapping, OptionalGroup, Qualification, QualificationKind, RulesOfCombination, Standard,
    StandardOption, Unit, UnitId,
};
use proptest::prelude::*;
use std::collections::HashSet;

/// One generated unit: level, credits, mandatory, which groups list it, how many outcomes.
type UnitSpec = (u8, u32, bool, u8, usize);
/// One generated group: min/max credits, min/max units.
type GroupSpec = (Option<u32>, Option<u32>, Option<u32>, Option<u32>);

#[derive(Debug, Clone)]
struct Spec {
    units: Vec<UnitSpec>,
    groups: Vec<GroupSpec>,
    levels: Vec<(u8, u32)>,
    /// Total credits: mandatory credits plus the units in this mask, or 15 times a number.
    total: (bool, u16, u32),
    ksbs: usize,
    /// (outcome, ksb, full), indices taken modulo the counts.
    mappings: Vec<(usize, usize, bool)>,
}

fn spec() -> impl Strategy<Value = Spec> {
    let unit = (
        prop_oneof![Just(4u8), Just(5u8)],
        prop_oneof![3 => Just(15u32), 1 => Just(30u32)],
        prop::bool::weighted(0.25),
        any::<u8>(),
        1usize..=2,
    );
    let credits = prop::option::of((0u32..=6).prop_map(|k| k * 15));
    let count = prop::option::of(0u32..=4);
    let group = (credits.clone(), credits, count.clone(), count);
    (
        prop::collection::vec(unit, 1..=10),
        prop::collection::vec(group, 0..=3),
        prop::collection::vec(
            (
                prop_oneof![Just(4u8), Just(5u8)],
                (0u32..=6).prop_map(|k| k * 15),
            ),
            0..=2,
        ),
        (any::<bool>(), any::<u16>(), 0u32..=12),
        1usize..=4,
        prop::collection::vec((0usize..20, 0usize..4, any::<bool>()), 0..=12),
    )
        .prop_map(|(units, groups, levels, total, ksbs, mappings)| Spec {
            units,
            groups,
            levels,
            total,
            ksbs,
            mappings,
        })
}

fn build(spec: &Spec) -> Curriculum {
    let units: Vec<Unit> = spec
        .units
        .iter()
        .enumerate()
        .map(|(u, &(level, credits, _, _, outcomes))| Unit {
            id: format!("u{u}").as_str().into(),
            number: format!("{level}{u:03}"),
            title: format!("Unit {u}"),
            level,
            credits,
            glh: credits * 4,
            outcomes: (0..outcomes)
                .map(|o| LearningOutcome {
                    id: format!("u{u}-lo{o}").as_str().into(),
                    text: "Examine a topic".into(),
                    content: Vec::new(),
                    criteria: vec![Criterion {
                        id: format!("u{u}-lo{o}-p").as_str().into(),
                        band: Band::Pass,
                        text: "Explain a topic".into(),
                    }],
                })
                .collect(),
            ..Default::default()
        })
        .collect();
    let id = |u: usize| UnitId::new(format!("u{u}"));
    let mandatory: Vec<UnitId> = (0..units.len())
        .filter(|&u| spec.units[u].2)
        .map(id)
        .collect();
    let groups = spec
        .groups
        .iter()
        .enumerate()
        .map(
            |(g, &(min_credits, max_credits, min_units, max_units))| OptionalGroup {
                id: format!("g{g}").as_str().into(),
                title: format!("Group {g}"),
                units: (0..units.len())
                    .filter(|&u| spec.units[u].3 & (1 << g) != 0)
                    .map(id)
                    .collect(),
                min_credits,
                max_credits,
                min_units,
                max_units,
            },
        )
        .collect();
    let mandatory_credits: u32 = units
        .iter()
        .zip(&spec.units)
        .filter(|(_, s)| s.2)
        .map(|(u, _)| u.credits)
        .sum();
    let total_credits = match spec.total {
        (true, mask, _) => {
            mandatory_credits
                + units
                    .iter()
                    .enumerate()
                    .filter(|(u, _)| mask & (1 << u) != 0 && !spec.units[*u].2)
                    .map(|(_, unit)| unit.credits)
                    .sum::<u32>()
        }
        (false, _, k) => k * 15,
    };
    let outcomes: Vec<_> = units
        .iter()
        .flat_map(|u| u.outcomes.iter().map(|o| o.id.clone()))
        .collect();
    let ksbs: Vec<Ksb> = (0..spec.ksbs)
        .map(|k| Ksb {
            id: format!("k{k}").as_str().into(),
            kind: KsbKind::Knowledge,
            code: format!("K{}", k + 1),
            text: "A statement".into(),
        })
        .collect();
    let mut seen = HashSet::new();
    let mappings = spec
        .mappings
        .iter()
        .filter_map(|&(o, k, full)| {
            let outcome = outcomes[o % outcomes.len()].clone();
            let ksb = ksbs[k % ksbs.len()].id.clone();
            seen.insert((outcome.clone(), ksb.clone()))
                .then(|| Mapping {
                    outcome,
                    ksb,
                    coverage: if full {
                        Coverage::Full
                    } else {
                        Coverage::Partial
                    },
                    note: if (o + k) % 2 == 0 {
                        "Safer practised in the workplace".into()
                    } else {
                        String::new()
                    },
                })
        })
        .collect();
    // Option A needs k0 and option B k1 besides the core (every other KSB).
    let options: Vec<StandardOption> = ["A", "B"]
        .iter()
        .zip(&ksbs)
        .take(if ksbs.len() > 1 { 2 } else { 0 })
        .map(|(title, ksb)| StandardOption {
            title: (*title).into(),
            ksbs: vec![ksb.id.clone()],
        })
        .collect();
    Curriculum {
        qualification: Qualification {
            title: "Generated".into(),
            kind: QualificationKind::HtqDiploma,
            level: 5,
            total_credits,
            claims: vec![Claim {
                standard: "st".into(),
                options: options.iter().map(|o| o.title.clone()).collect(),
            }],
            rules: RulesOfCombination {
                mandatory,
                groups,
                level_credits: spec
                    .levels
                    .iter()
                    .map(|&(level, min_credits)| LevelCredits { level, min_credits })
                    .collect(),
            },
            ..Default::default()
        },
        units,
        standards: vec![Standard {
            id: "st".into(),
            reference: "ST0001".into(),
            title: "Occupation".into(),
            level: 4,
            ksbs,
            options: options.clone(),
            ..Default::default()
        }],
        mappings,
        panel: Default::default(),
    }
}

/// Whether `programme` (unit indices) is a valid programme of `doc`, straight from the rules.
fn valid(doc: &Curriculum, programme: &HashSet<usize>) -> bool {
    let rules = &doc.qualification.rules;
    let taken = |id: &UnitId| {
        doc.units
            .iter()
            .position(|u| &u.id == id)
            .filter(|i| programme.contains(i))
    };
    let within = |v: u32, min: Option<u32>, max: Option<u32>| {
        min.is_none_or(|m| v >= m) && max.is_none_or(|m| v <= m)
    };
    let groups_hold = rules.groups.iter().all(|g| {
        let members: HashSet<usize> = g.units.iter().filter_map(taken).collect();
        let credits = members.iter().map(|&i| doc.units[i].credits).sum();
        within(credits, g.min_credits, g.max_credits)
            && within(members.len() as u32, g.min_units, g.max_units)
    });
    let levels_hold = rules.level_credits.iter().all(|rule| {
        programme
            .iter()
            .filter(|&&i| doc.units[i].level == rule.level)
            .map(|&i| doc.units[i].credits)
            .sum::<u32>()
            >= rule.min_credits
    });
    let total: u32 = programme.iter().map(|&i| doc.units[i].credits).sum();
    groups_hold && levels_hold && total == doc.qualification.total_credits
}

/// Every valid programme, by brute force over the optional units.
fn all_programmes(doc: &Curriculum) -> Vec<HashSet<usize>> {
    let rules = &doc.qualification.rules;
    let index = |id: &UnitId| doc.units.iter().position(|u| &u.id == id);
    let mandatory: HashSet<usize> = rules.mandatory.iter().filter_map(index).collect();
    let optional: Vec<usize> = (0..doc.units.len())
        .filter(|i| {
            !mandatory.contains(i)
                && rules
                    .groups
                    .iter()
                    .any(|g| g.units.contains(&doc.units[*i].id))
        })
        .collect();
    (0u32..1 << optional.len())
        .map(|mask| {
            let mut programme = mandatory.clone();
            programme.extend(
                optional
                    .iter()
                    .enumerate()
                    .filter(|(b, _)| mask & (1 << b) != 0)
                    .map(|(_, &i)| i),
            );
            programme
        })
        .filter(|programme| valid(doc, programme))
        .collect()
}

/// Whether a mapping counts as coverage: full, or partial with a reason.
fn counts(mapping: &Mapping) -> bool {
    mapping.coverage == Coverage::Full || !mapping.note.is_empty()
}

fn covers(doc: &Curriculum, programme: &HashSet<usize>, ksb: &str) -> bool {
    programme.iter().any(|&i| {
        doc.units[i].outcomes.iter().any(|o| {
            doc.mappings
                .iter()
                .any(|m| m.outcome == o.id && m.ksb.as_str() == ksb && counts(m))
        })
    })
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 3000, ..ProptestConfig::default() })]

    #[test]
    fn exact_analysis_agrees_with_brute_force(spec in spec()) {
        let doc = build(&spec);
        let report = pathway_report(&doc);
        let programmes = all_programmes(&doc);
        prop_assert_eq!(report.any_valid_programme, !programmes.is_empty());
        let ksbs = &doc.standards[0].ksbs;
        prop_assert_eq!(report.ksbs.len(), ksbs.len());
        for (entry, ksb) in report.ksbs.iter().zip(ksbs) {
            prop_assert_eq!(&entry.ksb, &ksb.id);
            let mapped: Vec<&Mapping> = doc.mappings.iter().filter(|m| m.ksb == ksb.id && counts(m)).collect();
            prop_assert_eq!(entry.full, mapped.iter().any(|m| m.coverage == Coverage::Full));
            let missed_by_some = programmes.iter().any(|p| !covers(&doc, p, ksb.id.as_str()));
            match &entry.status {
                PathwayStatus::Uncovered => prop_assert!(mapped.is_empty()),
                PathwayStatus::Mandatory => {
                    prop_assert!(!mapped.is_empty());
                    prop_assert!(!missed_by_some);
                }
                PathwayStatus::SomePathways { witness } => {
                    prop_assert!(!mapped.is_empty());
                    prop_assert!(missed_by_some);
                    let indices: Vec<usize> = witness
                        .iter()
                        .map(|id| doc.units.iter().position(|u| &u.id == id).expect("a unit of the document"))
                        .collect();
                    prop_assert!(indices.windows(2).all(|w| w[0] < w[1]), "witness not in unit order");
                    let programme: HashSet<usize> = indices.into_iter().collect();
                    prop_assert!(valid(&doc, &programme), "witness is not a valid programme");
                    prop_assert!(!covers(&doc, &programme, ksb.id.as_str()), "witness covers the KSB");
                }
            }
        }
    }

    #[test]
    fn occupation_counts_agree_with_brute_force(spec in spec()) {
        let doc = build(&spec);
        let analysis = analyse(&doc);
        let programmes = all_programmes(&doc);
        let occupations = &analysis.occupations.occupations;
        prop_assert_eq!(occupations.len(), doc.qualification.claims[0].options.len().max(1));
        let reaches = |programme: &HashSet<usize>, ksbs: &[htq_core::model::KsbId]| {
            ksbs.iter().all(|k| covers(&doc, programme, k.as_str()))
        };
        for entry in occupations {
            let ksbs = &entry.occupation.ksbs;
            let reaching = programmes.iter().filter(|p| reaches(p, ksbs)).count() as u128;
            prop_assert_eq!(entry.counts, Some((programmes.len() as u128, reaching)));
            if entry.uncovered.is_empty() {
                prop_assert_eq!(entry.missed_by.is_some(), reaching < programmes.len() as u128);
            }
            if let Some((witness, missed)) = &entry.missed_by {
                let programme: HashSet<usize> = witness
                    .iter()
                    .filter_map(|id| doc.units.iter().position(|u| &u.id == id))
                    .collect();
                prop_assert!(valid(&doc, &programme), "witness is not a valid programme");
                let not_covered: Vec<_> = ksbs
                    .iter()
                    .filter(|k| !covers(&doc, &programme, k.as_str()))
                    .cloned()
                    .collect();
                prop_assert_eq!(missed, &not_covered);
                prop_assert!(!missed.is_empty());
            }
        }
        let none = programmes
            .iter()
            .filter(|p| !occupations.iter().any(|o| reaches(p, &o.occupation.ksbs)))
            .count() as u128;
        prop_assert_eq!(analysis.occupations.reaching_none, Some(none));
    }
}
