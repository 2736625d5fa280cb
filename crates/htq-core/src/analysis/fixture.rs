//! A small, clean Higher National Certificate for unit tests: ten 15-credit Level 4 units, six
//! mandatory and a group of four from which a learner takes two, one standard of three KSBs
//! with every outcome mapped. `check` finds nothing in it.

use crate::model::{
    Band, Claim, ContentTopic, Coverage, Criterion, Curriculum, Ksb, KsbKind, LearningOutcome,
    Mapping, OptionalGroup, Qualification, QualificationKind, RulesOfCombination, Standard, Theme,
    Unit,
};

/// Verbs of the criteria of every outcome: two Pass, one Merit, one Distinction.
const CRITERIA: [(Band, &str); 4] = [
    (Band::Pass, "Explain the purpose of the method"),
    (Band::Pass, "Apply the method to a sample"),
    (Band::Merit, "Analyse the results of the method"),
    (
        Band::Distinction,
        "Evaluate the method against an alternative",
    ),
];

fn unit(n: usize) -> Unit {
    let outcomes = (1..=4)
        .map(|o| LearningOutcome {
            id: format!("u{n}-lo{o}").as_str().into(),
            text: format!("Examine topic {o} of unit {n}"),
            content: vec![ContentTopic {
                id: format!("u{n}-lo{o}-t1").as_str().into(),
                heading: "Topics".into(),
                points: vec!["A topic".into()],
            }],
            criteria: CRITERIA
                .iter()
                .enumerate()
                .map(|(c, (band, text))| Criterion {
                    id: format!("u{n}-lo{o}-c{c}").as_str().into(),
                    band: *band,
                    text: (*text).into(),
                })
                .collect(),
        })
        .collect();
    Unit {
        id: format!("u{n}").as_str().into(),
        number: format!("41{n:02}"),
        title: format!("Unit {n}"),
        level: 4,
        credits: 15,
        glh: 60,
        theme: Theme::LabSkills,
        introduction: "This unit introduces laboratory practice.".into(),
        outcomes,
        ..Default::default()
    }
}

/// The clean certificate.
pub(crate) fn hnc() -> Curriculum {
    let units: Vec<Unit> = (1..=10).map(unit).collect();
    let ksbs = [
        (KsbKind::Knowledge, "K1"),
        (KsbKind::Skill, "S1"),
        (KsbKind::Behaviour, "B1"),
    ]
    .iter()
    .map(|(kind, code)| Ksb {
        id: code.to_lowercase().as_str().into(),
        kind: *kind,
        code: (*code).into(),
        text: format!("Statement {code}"),
    })
    .collect::<Vec<_>>();
    let mappings = units
        .iter()
        .flat_map(|unit| &unit.outcomes)
        .enumerate()
        .map(|(i, outcome)| Mapping {
            outcome: outcome.id.clone(),
            ksb: ksbs[i % ksbs.len()].id.clone(),
            coverage: Coverage::Full,
            note: String::new(),
        })
        .collect();
    Curriculum {
        qualification: Qualification {
            title: "Level 4 HNC in Medical Technology".into(),
            awarding_body: "Test Awarding Body".into(),
            kind: QualificationKind::Hnc,
            level: 4,
            total_credits: 120,
            claims: vec![Claim {
                standard: "st1".into(),
                options: Vec::new(),
            }],
            rules: RulesOfCombination {
                mandatory: units.iter().take(6).map(|u| u.id.clone()).collect(),
                groups: vec![OptionalGroup {
                    id: "g1".into(),
                    title: "Optional units".into(),
                    units: units.iter().skip(6).map(|u| u.id.clone()).collect(),
                    min_credits: Some(30),
                    max_credits: Some(30),
                    ..Default::default()
                }],
                level_credits: Vec::new(),
            },
            ..Default::default()
        },
        units,
        standards: vec![Standard {
            id: "st1".into(),
            reference: "ST0220".into(),
            title: "Healthcare science associate".into(),
            level: 4,
            ksbs,
            ..Default::default()
        }],
        mappings,
        ..Default::default()
    }
}

/// What one rule module reports for `doc`, as "severity: message" lines.
pub fn messages(
    check: impl Fn(&Curriculum, &mut Vec<crate::analysis::Finding>),
    doc: &Curriculum,
) -> Vec<String> {
    let mut out = Vec::new();
    check(doc, &mut out);
    out.into_iter()
        .map(|f| format!("{}: {}", f.severity, f.message))
        .collect()
}
