//! Round trip of the file format over generated curricula: loading the canonical text gives
//! back the same document, whatever its text holds (quotes, backslashes, newlines, `#`, emoji,
//! control characters), and the canonical text is a fixed point. Panel records come along,
//! including decisions about items that are no longer in the curriculum.

use htq_core::model::{
    Band, Claim, ContentTopic, Coverage, Criterion, Curriculum, Duty, Entry, EntryKind, ItemRecord,
    ItemRef, ItemStatus, Ksb, KsbKind, LearningOutcome, LevelCredits, Mapping, Member, MemberRole,
    OptionalGroup, OutOfScope, PanelRecord, PanelSession, Qualification, QualificationKind,
    Resource, ResourceKind, RulesOfCombination, Standard, StandardOption, Theme, Unit,
};
use htq_core::store;
use proptest::prelude::*;
use proptest::sample::Index;
use std::path::Path;

/// Text with a bias towards what breaks quoting: RON syntax, escapes, raw-string hashes.
fn text() -> impl Strategy<Value = String> {
    prop_oneof![
        any::<String>(),
        "[\"\\\\\n\r\t #()\\[\\]:,r🧪éß\u{301}\u{200b}a-z ]{0,16}",
    ]
}

fn pick<T: Clone + std::fmt::Debug + 'static>(all: &'static [T]) -> impl Strategy<Value = T> {
    proptest::sample::select(all)
}

prop_compose! {
    fn criterion()(id in text(), band in pick(&Band::ALL), text in text()) -> Criterion {
        Criterion { id: id.as_str().into(), band, text }
    }
}

prop_compose! {
    fn outcome()(
        id in text(),
        text in text(),
        content in prop::collection::vec(
            (text(), text(), prop::collection::vec(text(), 0..3))
                .prop_map(|(id, heading, points)| ContentTopic { id: id.as_str().into(), heading, points }),
            0..2,
        ),
        criteria in prop::collection::vec(criterion(), 0..4),
    ) -> LearningOutcome {
        LearningOutcome { id: id.as_str().into(), text, content, criteria }
    }
}

prop_compose! {
    fn unit()(
        (id, number, regulator_code, title, introduction) in (text(), text(), text(), text(), text()),
        (level, credits, glh) in (any::<u8>(), any::<u32>(), any::<u32>()),
        theme in pick(&Theme::ALL),
        outcomes in prop::collection::vec(outcome(), 0..3),
        resources in prop::collection::vec(
            (text(), pick(&ResourceKind::ALL), text())
                .prop_map(|(id, kind, text)| Resource { id: id.as_str().into(), kind, text }),
            0..2,
        ),
        links in prop::collection::vec(any::<Index>(), 0..2),
    ) -> (Unit, Vec<Index>) {
        let unit = Unit {
            id: id.as_str().into(), number, regulator_code, title, level, credits, glh, theme,
            introduction, outcomes, resources, links: Vec::new(),
        };
        (unit, links)
    }
}

prop_compose! {
    fn standard()(
        (id, reference, title, version, summary) in (text(), text(), text(), text(), text()),
        level in any::<u8>(),
        illustrative in any::<bool>(),
        ksbs in prop::collection::vec(
            (text(), pick(&KsbKind::ALL), text(), text()).prop_map(|(id, kind, code, text)| {
                Ksb { id: id.as_str().into(), kind, code, text }
            }),
            1..4,
        ),
        duties in prop::collection::vec((text(), text(), prop::collection::vec(any::<Index>(), 0..3)), 0..2),
        options in prop::collection::vec((text(), prop::collection::vec(any::<Index>(), 0..2)), 0..2),
    ) -> Standard {
        let pick_ksbs = |picks: Vec<Index>| picks.iter().map(|i| i.get(&ksbs).id.clone()).collect();
        let duties = duties.into_iter().enumerate().map(|(n, (code, text, picks))| Duty { id: format!("d{}", n + 1).as_str().into(), code, text, ksbs: pick_ksbs(picks) }).collect();
        let options = options.into_iter().map(|(title, picks)| StandardOption { title, ksbs: pick_ksbs(picks) }).collect();
        Standard {
            id: id.as_str().into(), reference, title, level, version, illustrative, summary,
            ksbs: ksbs.clone(), duties, options,
        }
    }
}

prop_compose! {
    fn qualification()(
        (title, awarding_body, issue, issue_date) in (text(), text(), text(), text()),
        (purpose, audience, progression) in (text(), text(), text()),
        kind in pick(&QualificationKind::ALL),
        level in any::<u8>(),
        total_credits in any::<u32>(),
        level_credits in prop::collection::vec(
            (any::<u8>(), any::<u32>()).prop_map(|(level, min_credits)| LevelCredits { level, min_credits }),
            0..2,
        ),
    ) -> Qualification {
        Qualification {
            title, awarding_body, kind, level, total_credits, issue, issue_date, purpose, audience,
            progression, claims: Vec::new(), out_of_scope: Vec::new(),
            rules: RulesOfCombination { level_credits, ..Default::default() },
        }
    }
}

type Group = (String, String, Vec<Index>, [Option<u32>; 4]);

prop_compose! {
    fn curriculum()(
        qualification in qualification(),
        units in prop::collection::vec(unit(), 1..4),
        standards in prop::collection::vec(standard(), 1..3),
        mandatory in prop::collection::vec(any::<Index>(), 0..3),
        groups in prop::collection::vec(
            (text(), text(), prop::collection::vec(any::<Index>(), 0..3), any::<[Option<u32>; 4]>()),
            0..2,
        ),
        mappings in prop::collection::vec((any::<Index>(), any::<Index>(), any::<bool>(), text()), 0..4),
        panel in panel(),
        claims in prop::collection::vec((any::<Index>(), any::<bool>()), 0..3),
        out_of_scope in prop::collection::vec((any::<Index>(), text()), 0..3),
    ) -> Curriculum {
        let mut doc = assemble(qualification, units, standards, mandatory, groups, mappings);
        doc.panel = panel;
        doc.qualification.claims = claims.iter().map(|(pick, with_option)| {
            let standard = pick.get(&doc.standards);
            Claim {
                standard: standard.id.clone(),
                options: standard.options.iter().take(usize::from(*with_option)).map(|o| o.title.clone()).collect(),
            }
        }).collect();
        let ksbs: Vec<_> = doc.standards.iter().flat_map(|s| &s.ksbs).map(|k| k.id.clone()).collect();
        for (pick, reason) in out_of_scope {
            let ksb = pick.get(&ksbs).clone();
            if !doc.qualification.out_of_scope.iter().any(|o| o.ksb == ksb) {
                doc.qualification.out_of_scope.push(OutOfScope { ksb, reason });
            }
        }
        doc
    }
}

const ROLES: [MemberRole; 4] = MemberRole::ALL;
const KINDS: [EntryKind; 3] = [EntryKind::Decision, EntryKind::Comment, EntryKind::Action];

prop_compose! {
    fn entry()(
        kind in pick(&KINDS),
        (text, at) in (text(), text()),
        member in prop::option::of(any::<Index>()),
        session in prop::option::of(text()),
    ) -> (Entry, Option<Index>) {
        (Entry { kind, text, member: None, session, at }, member)
    }
}

prop_compose! {
    /// A panel record whose member and session ids are unique and whose attendees and entry
    /// members are members; items name anything, present in the curriculum or not.
    fn panel()(
        members in prop::collection::vec((text(), text(), text(), pick(&ROLES)), 1..4),
        sessions in prop::collection::vec(
            (text(), text(), prop::collection::vec(any::<Index>(), 0..3), prop::collection::vec(text(), 0..2)),
            0..3,
        ),
        items in prop::collection::vec(
            (0..3u8, text(), pick(&ItemStatus::ALL), prop::collection::vec(entry(), 0..3)),
            0..3,
        ),
    ) -> PanelRecord {
        let members: Vec<Member> = members
            .into_iter()
            .enumerate()
            .map(|(n, (id, name, organisation, role))| Member { id: format!("{n}~{id}"), name, organisation, role })
            .collect();
        let member_id = |index: &Index| index.get(&members).id.clone();
        let sessions = sessions
            .into_iter()
            .enumerate()
            .map(|(n, (id, date, attendees, agenda))| PanelSession {
                id: format!("{n}~{id}"),
                date,
                attendees: attendees.iter().map(member_id).collect(),
                agenda,
            })
            .collect();
        let items = items
            .into_iter()
            .map(|(kind, id, status, entries)| ItemRecord {
                item: match kind {
                    0 => ItemRef::Unit(id.as_str().into()),
                    1 => ItemRef::Outcome(id.as_str().into()),
                    _ => ItemRef::Criterion(id.as_str().into()),
                },
                status,
                entries: entries
                    .into_iter()
                    .map(|(entry, member)| Entry { member: member.as_ref().map(member_id), ..entry })
                    .collect(),
            })
            .collect();
        PanelRecord { members, sessions, items }
    }
}

/// Makes every id unique (a running number in front of the generated text) and points every
/// reference at something that exists.
fn assemble(
    mut qualification: Qualification,
    units: Vec<(Unit, Vec<Index>)>,
    mut standards: Vec<Standard>,
    mandatory: Vec<Index>,
    groups: Vec<Group>,
    mappings: Vec<(Index, Index, bool, String)>,
) -> Curriculum {
    let mut serial = 0;
    let mut unique = |id: &str| {
        serial += 1;
        format!("{serial}~{id}")
    };
    let (mut units, links): (Vec<Unit>, Vec<Vec<Index>>) = units.into_iter().unzip();
    for unit in &mut units {
        unit.id = unique(unit.id.as_str()).as_str().into();
        for resource in &mut unit.resources {
            resource.id = unique(resource.id.as_str()).as_str().into();
        }
        for outcome in &mut unit.outcomes {
            outcome.id = unique(outcome.id.as_str()).as_str().into();
            for criterion in &mut outcome.criteria {
                criterion.id = unique(criterion.id.as_str()).as_str().into();
            }
            for topic in &mut outcome.content {
                topic.id = unique(topic.id.as_str()).as_str().into();
            }
        }
    }
    for standard in &mut standards {
        standard.id = unique(standard.id.as_str()).as_str().into();
        let renamed: Vec<(String, String)> = standard
            .ksbs
            .iter_mut()
            .map(|ksb| {
                let old = ksb.id.as_str().to_owned();
                ksb.id = unique(&old).as_str().into();
                (old, ksb.id.as_str().to_owned())
            })
            .collect();
        let rename = |id: &mut htq_core::model::KsbId| {
            if let Some((_, new)) = renamed.iter().find(|(old, _)| old == id.as_str()) {
                *id = new.as_str().into();
            }
        };
        standard
            .duties
            .iter_mut()
            .flat_map(|d| d.ksbs.iter_mut())
            .for_each(rename);
        standard
            .options
            .iter_mut()
            .flat_map(|o| o.ksbs.iter_mut())
            .for_each(rename);
    }
    let unit_ids: Vec<_> = units.iter().map(|unit| unit.id.clone()).collect();
    for (unit, picks) in units.iter_mut().zip(links) {
        unit.links = picks.iter().map(|i| i.get(&unit_ids).clone()).collect();
    }
    let rules = &mut qualification.rules;
    rules.mandatory = mandatory.iter().map(|i| i.get(&unit_ids).clone()).collect();
    rules.groups = groups
        .into_iter()
        .map(
            |(id, title, picks, [min_credits, max_credits, min_units, max_units])| OptionalGroup {
                id: unique(&id).as_str().into(),
                title,
                units: picks.iter().map(|i| i.get(&unit_ids).clone()).collect(),
                min_credits,
                max_credits,
                min_units,
                max_units,
            },
        )
        .collect();
    let outcome_ids: Vec<_> = units
        .iter()
        .flat_map(|unit| unit.outcomes.iter().map(|o| o.id.clone()))
        .collect();
    let ksb_ids: Vec<_> = standards
        .iter()
        .flat_map(|s| s.ksbs.iter().map(|k| k.id.clone()))
        .collect();
    let mappings = if outcome_ids.is_empty() {
        Vec::new()
    } else {
        mappings
            .into_iter()
            .map(|(outcome, ksb, full, note)| Mapping {
                outcome: outcome.get(&outcome_ids).clone(),
                ksb: ksb.get(&ksb_ids).clone(),
                coverage: if full {
                    Coverage::Full
                } else {
                    Coverage::Partial
                },
                note,
            })
            .collect()
    };
    Curriculum {
        qualification,
        units,
        standards,
        mappings,
        panel: Default::default(),
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(128))]

    #[test]
    fn loading_the_canonical_text_gives_the_document_back(doc in curriculum()) {
        let text = store::to_string(&doc);
        let loaded = store::from_str(&text, Path::new("generated.ron"));
        prop_assert_eq!(loaded.as_ref(), Ok(&doc), "text:\n{}", text);
        prop_assert_eq!(loaded.map(|again| store::to_string(&again)), Ok(text));
    }

    #[test]
    fn any_text_gives_a_document_or_an_error_never_a_panic(text in any::<String>()) {
        let _ = store::from_str(&text, Path::new("noise.ron"));
    }
}
