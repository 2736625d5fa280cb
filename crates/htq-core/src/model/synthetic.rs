//! Synthetic curricula of a chosen size, for benchmarks and stress tests. Deterministic.

use super::{
    Band, Claim, ContentTopic, Coverage, Criterion, Curriculum, Ksb, KsbKind, LearningOutcome,
    Mapping, OptionalGroup, PanelRecord, Qualification, QualificationKind, Resource, ResourceKind,
    RulesOfCombination, Standard, Theme, Unit,
};

/// Size of a synthetic curriculum.
#[derive(Debug, Clone, Copy)]
pub struct Size {
    /// Units (half at Level 4, half at Level 5).
    pub units: usize,
    /// Learning outcomes per unit.
    pub outcomes_per_unit: usize,
    /// Criteria per outcome (the first are Pass, then one Merit and one Distinction).
    pub criteria_per_outcome: usize,
    /// Standards.
    pub standards: usize,
    /// KSBs per standard.
    pub ksbs_per_standard: usize,
    /// Mappings.
    pub mappings: usize,
}

impl Size {
    /// The smallest useful curriculum, for unit tests: 2 units, 1 standard of 2 KSBs.
    pub const TINY: Size = Size {
        units: 2,
        outcomes_per_unit: 1,
        criteria_per_outcome: 2,
        standards: 1,
        ksbs_per_standard: 2,
        mappings: 1,
    };

    /// The "large" curriculum of the benchmarks: 60 units, 240 LOs, 1,200 criteria,
    /// 3 standards of 60 KSBs, 1,000 mappings.
    pub const LARGE: Size = Size {
        units: 60,
        outcomes_per_unit: 4,
        criteria_per_outcome: 5,
        standards: 3,
        ksbs_per_standard: 60,
        mappings: 1000,
    };
}

const THEMES: [Theme; 4] = [
    Theme::LabSkills,
    Theme::DeviceRegulation,
    Theme::AiEnabledDevices,
    Theme::Core,
];

/// Builds a well-formed curriculum of `size`: a diploma whose first eight units (120 Level 4
/// credits, when there are enough) are mandatory and the rest sit in one optional group per
/// theme, so learners choose their Level 5 credits.
pub fn curriculum(size: Size) -> Curriculum {
    let units: Vec<Unit> = (0..size.units).map(|u| unit(u, size)).collect();
    let standards: Vec<Standard> = (0..size.standards)
        .map(|s| standard(s, size.ksbs_per_standard))
        .collect();
    let outcomes: Vec<_> = units
        .iter()
        .flat_map(|u| u.outcomes.iter().map(|o| o.id.clone()))
        .collect();
    let ksbs: Vec<_> = standards
        .iter()
        .flat_map(|s| s.ksbs.iter().map(|k| k.id.clone()))
        .collect();
    let mut mappings = Vec::new();
    if !outcomes.is_empty() && !ksbs.is_empty() {
        let pairs = outcomes.len() * ksbs.len();
        let total = size.mappings.min(pairs);
        // The walk below need not reach every pair; after this many steps it has met every
        // pair it ever will, so small sizes end with fewer mappings instead of never.
        let steps = pairs * pairs.max(8);
        let mut step = 0usize;
        while mappings.len() < total && step < steps {
            let outcome = &outcomes[step % outcomes.len()];
            let ksb = &ksbs[(step * 7 + step / outcomes.len()) % ksbs.len()];
            step += 1;
            if mappings
                .iter()
                .any(|m: &Mapping| &m.outcome == outcome && &m.ksb == ksb)
            {
                continue;
            }
            mappings.push(Mapping {
                outcome: outcome.clone(),
                ksb: ksb.clone(),
                coverage: if step.is_multiple_of(5) {
                    Coverage::Partial
                } else {
                    Coverage::Full
                },
                note: if step.is_multiple_of(5) {
                    "Completed in the workplace".into()
                } else {
                    String::new()
                },
            });
        }
    }
    let mandatory: Vec<_> = units
        .iter()
        .take(mandatory_count(size))
        .map(|u| u.id.clone())
        .collect();
    let groups = THEMES
        .iter()
        .enumerate()
        .map(|(g, theme)| OptionalGroup {
            id: format!("g{}", g + 1).as_str().into(),
            title: format!("Optional units: {}", theme.label()),
            units: units
                .iter()
                .skip(mandatory_count(size))
                .filter(|u| u.theme == *theme)
                .map(|u| u.id.clone())
                .collect(),
            min_credits: Some(15),
            max_credits: None,
            min_units: None,
            max_units: None,
        })
        .collect();
    Curriculum {
        qualification: Qualification {
            title: "Synthetic Level 5 HTQ Diploma in Medical Technology".into(),
            awarding_body: "Benchmark Awarding Body".into(),
            kind: QualificationKind::Hnd,
            level: 5,
            total_credits: 240,
            issue: "Issue 1".into(),
            issue_date: "2026-11-23".into(),
            purpose: "A generated qualification for measuring speed.".into(),
            audience: "Benchmarks.".into(),
            progression: "None.".into(),
            rules: RulesOfCombination {
                mandatory,
                groups,
                level_credits: QualificationKind::Hnd.level_rules(),
            },
            claims: standards
                .iter()
                .map(|s| Claim {
                    standard: s.id.clone(),
                    options: Vec::new(),
                })
                .collect(),
            out_of_scope: Vec::new(),
        },
        units,
        standards,
        mappings,
        panel: PanelRecord::default(),
    }
}

/// How many units are mandatory: eight (120 credits at Level 4), or a quarter of a small set.
fn mandatory_count(size: Size) -> usize {
    (size.units / 4).min(8)
}

fn unit(u: usize, size: Size) -> Unit {
    let level = if u < size.units / 2 { 4 } else { 5 };
    let outcomes = (0..size.outcomes_per_unit)
        .map(|o| {
            let criteria = (0..size.criteria_per_outcome)
                .map(|c| {
                    let from_end = size.criteria_per_outcome - c;
                    let (band, verb) = match from_end {
                        1 if size.criteria_per_outcome >= 3 => (Band::Distinction, "Evaluate"),
                        2 if size.criteria_per_outcome >= 3 => (Band::Merit, "Analyse"),
                        _ => (Band::Pass, "Explain"),
                    };
                    Criterion {
                        id: format!("u{u}-lo{o}-c{c}").as_str().into(),
                        band,
                        text: format!(
                            "{verb} the principles of topic {c} in outcome {} of unit {}, \
                             with reference to a clinical laboratory setting",
                            o + 1,
                            u + 1
                        ),
                    }
                })
                .collect();
            LearningOutcome {
                id: format!("u{u}-lo{o}").as_str().into(),
                text: format!(
                    "Examine aspect {} of synthetic unit {} in a regulated healthcare setting",
                    o + 1,
                    u + 1
                ),
                content: vec![ContentTopic {
                    id: format!("u{u}-lo{o}-t1").as_str().into(),
                    heading: format!("Topic area {}", o + 1),
                    points: (1..=4)
                        .map(|p| format!("Point {p}: a topic with several words in it"))
                        .collect(),
                }],
                criteria,
            }
        })
        .collect();
    Unit {
        id: format!("u{u}").as_str().into(),
        number: format!("{level}{:03}", u + 1),
        regulator_code: String::new(),
        title: format!("Synthetic Unit {}", u + 1),
        level,
        credits: 15,
        glh: 60,
        theme: THEMES[u % THEMES.len()],
        introduction: "This unit introduces a topic that exists to be measured. ".repeat(6),
        outcomes,
        resources: vec![Resource {
            id: format!("u{u}-r1").as_str().into(),
            kind: ResourceKind::Book,
            text: "Author, A. (2024) A Book About Things. Publisher.".into(),
        }],
        links: Vec::new(),
    }
}

fn standard(s: usize, ksbs: usize) -> Standard {
    let kinds = [KsbKind::Knowledge, KsbKind::Skill, KsbKind::Behaviour];
    let mut counters = [0usize; 3];
    let ksbs = (0..ksbs)
        .map(|k| {
            let slot = if k % 10 == 9 { 2 } else { k % 2 };
            counters[slot] += 1;
            let kind = kinds[slot];
            Ksb {
                id: format!("st{s}-k{k}").as_str().into(),
                kind,
                code: format!("{}{}", kind.letter(), counters[slot]),
                text: format!("Statement {} of synthetic standard {}", k + 1, s + 1),
            }
        })
        .collect();
    Standard {
        id: format!("st{s}").as_str().into(),
        reference: format!("ST9{s:03}"),
        title: format!("Synthetic occupation {}", s + 1),
        level: 4,
        version: "1.0".into(),
        illustrative: true,
        summary: String::new(),
        ksbs,
        duties: Vec::new(),
        options: Vec::new(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_small_size_is_generated() {
        for outcomes_per_unit in 1..4 {
            for ksbs_per_standard in 1..7 {
                for mappings in [0, 5, 40] {
                    let doc = curriculum(Size {
                        units: 3,
                        outcomes_per_unit,
                        criteria_per_outcome: 2,
                        standards: 2,
                        ksbs_per_standard,
                        mappings,
                    });
                    assert!(doc.mappings.len() <= mappings);
                }
            }
        }
    }
}
