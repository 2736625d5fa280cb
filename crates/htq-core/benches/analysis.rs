//! Benchmarks of the analysis layer: `check` on the large synthetic curriculum (cold, and an
//! [`Analyser`] after a text edit) and on the shipped example, and the exact pathway analysis on 40 optional 15-credit units of which a
//! learner takes 8 (76.9 million combinations) with 180 KSBs, timed beside a brute force that
//! enumerates every combination once; and the solver on many optional groups (320 units in
//! 16 groups with mixed credits, unit and credit windows and a level rule; 80 units in 16
//! groups; one group of 320 units with odd credit values), printing the time and the peak
//! memory of one cold run of each; and three claimed occupations (core and options) over the
//! same 40 choose 8, their programme counts timed beside the brute force.

use criterion::{Criterion, criterion_group, criterion_main};
use htq_core::analysis::{Analyser, PathwayStatus, analyse, check, pathway_report};
use htq_core::model::synthetic::{Size, curriculum};
use htq_core::model::{
    Band, Claim, Coverage, Criterion as AssessmentCriterion, Curriculum, Edit, Ksb, KsbKind,
    LearningOutcome, Mapping, OptionalGroup, Qualification, QualificationKind, RulesOfCombination,
    Standard, StandardOption, TextField, Unit,
};
use std::hint::black_box;
use std::path::Path;
use std::time::Instant;

const UNITS: usize = 40;
const PICK: usize = 8;
const KSBS: usize = 180;
const OUTCOMES: usize = 4;

/// 40 optional units in one group of which a learner takes exactly 8. Each KSB is mapped from
/// outcomes of different units chosen by a fixed pseudo-random sequence: most from 3 units
/// (easily missed), every sixth from 33 (no 8 units avoid it) and the next from 32 (exactly one
/// programme avoids it).
fn forty_choose_eight() -> Curriculum {
    let units: Vec<Unit> = (0..UNITS)
        .map(|u| Unit {
            id: format!("u{u}").as_str().into(),
            number: format!("4{:03}", u + 1),
            title: format!("Unit {}", u + 1),
            level: 4,
            credits: 15,
            glh: 60,
            outcomes: (0..OUTCOMES)
                .map(|o| LearningOutcome {
                    id: format!("u{u}-lo{o}").as_str().into(),
                    text: "Examine a topic".into(),
                    content: Vec::new(),
                    criteria: vec![AssessmentCriterion {
                        id: format!("u{u}-lo{o}-p").as_str().into(),
                        band: Band::Pass,
                        text: "Explain a topic".into(),
                    }],
                })
                .collect(),
            ..Default::default()
        })
        .collect();
    let mut seed: u64 = 0x2545_f491_4f6c_dd1d;
    let mut next = move |n: usize| {
        seed ^= seed << 13;
        seed ^= seed >> 7;
        seed ^= seed << 17;
        (seed % n as u64) as usize
    };
    let mut mappings = Vec::new();
    for k in 0..KSBS {
        let mut chosen = Vec::new();
        let spread = match k % 6 {
            0 => UNITS - PICK + 1,
            1 => UNITS - PICK,
            _ => 3,
        };
        while chosen.len() < spread {
            let u = next(UNITS);
            if !chosen.contains(&u) {
                chosen.push(u);
            }
        }
        for u in chosen {
            mappings.push(Mapping {
                outcome: format!("u{u}-lo{}", next(OUTCOMES)).as_str().into(),
                ksb: format!("k{k}").as_str().into(),
                coverage: Coverage::Full,
                note: String::new(),
            });
        }
    }
    Curriculum {
        qualification: Qualification {
            title: "Forty choose eight".into(),
            kind: QualificationKind::Hnc,
            level: 4,
            total_credits: (PICK * 15) as u32,
            rules: RulesOfCombination {
                mandatory: Vec::new(),
                groups: vec![OptionalGroup {
                    id: "g".into(),
                    title: "Optional units".into(),
                    units: units.iter().map(|u| u.id.clone()).collect(),
                    min_units: Some(PICK as u32),
                    max_units: Some(PICK as u32),
                    ..Default::default()
                }],
                level_credits: Vec::new(),
            },
            ..Default::default()
        },
        standards: vec![Standard {
            id: "st".into(),
            reference: "ST0220".into(),
            title: "Healthcare science associate".into(),
            level: 4,
            ksbs: (0..KSBS)
                .map(|k| Ksb {
                    id: format!("k{k}").as_str().into(),
                    kind: KsbKind::Knowledge,
                    code: format!("K{}", k + 1),
                    text: "A statement".into(),
                })
                .collect(),
            ..Default::default()
        }],
        units,
        mappings,
        panel: Default::default(),
    }
}

/// KSBs each unit covers, as a bit set over the 180 KSBs.
fn unit_masks(doc: &Curriculum) -> Vec<[u64; 3]> {
    doc.units
        .iter()
        .map(|unit| {
            let mut mask = [0u64; 3];
            for m in doc
                .mappings
                .iter()
                .filter(|m| unit.outcomes.iter().any(|o| o.id == m.outcome))
            {
                let k: usize = m.ksb.as_str().trim_start_matches('k').parse().unwrap_or(0);
                mask[k / 64] |= 1 << (k % 64);
            }
            mask
        })
        .collect()
}

/// Brute force, bit-parallel over all KSBs: visits every way to take 8 of the 40 units and
/// hands `leaf` the KSBs each covers. Returns how many programmes it visited.
fn brute_force(masks: &[[u64; 3]], leaf: &mut dyn FnMut(&[u64; 3])) -> u64 {
    fn visit(
        masks: &[[u64; 3]],
        from: usize,
        left: usize,
        covered: [u64; 3],
        leaf: &mut dyn FnMut(&[u64; 3]),
        count: &mut u64,
    ) {
        if left == 0 {
            *count += 1;
            leaf(&covered);
            return;
        }
        for u in from..=masks.len() - left {
            let mut next = covered;
            for w in 0..3 {
                next[w] |= masks[u][w];
            }
            visit(masks, u + 1, left - 1, next, leaf, count);
        }
    }
    let mut count = 0;
    visit(masks, 0, PICK, [0; 3], leaf, &mut count);
    count
}

/// The KSBs some programme misses, by brute force, and how many programmes there are.
fn brute_force_missed(masks: &[[u64; 3]]) -> ([u64; 3], u64) {
    let mut missed = [0u64; 3];
    let count = brute_force(masks, &mut |covered| {
        for w in 0..3 {
            missed[w] |= !covered[w];
        }
    });
    let valid_bits = [u64::MAX, u64::MAX, (1u64 << (KSBS - 128)) - 1];
    for w in 0..3 {
        missed[w] &= valid_bits[w];
    }
    (missed, count)
}

/// How many of the 40-choose-8 programmes reach each of three occupations: one standard whose
/// core is the 60 KSBs no 8 units avoid (or exactly one programme avoids) less 24, and three
/// options of 24 KSBs each, so each occupation needs 60. The KSBs of the first option are each
/// mapped from 30 of the 40 units, the second's from 26 or 27, the third's from 20.
fn three_occupations() -> Curriculum {
    let mut doc = forty_choose_eight();
    let ksbs: Vec<_> = doc.standards[0].ksbs.iter().map(|k| k.id.clone()).collect();
    let (wide, narrow): (Vec<usize>, Vec<usize>) = (0..KSBS).partition(|k| k % 6 < 2);
    let core: Vec<usize> = wide[..36].to_vec();
    let rest: Vec<usize> = wide[36..].iter().chain(&narrow[..48]).copied().collect();
    let units: Vec<_> = doc.units.iter().map(|u| u.id.clone()).collect();
    doc.mappings
        .retain(|m| !rest.iter().any(|&k| m.ksb == ksbs[k]));
    for (n, &k) in rest.iter().enumerate() {
        for (u, unit) in units.iter().enumerate() {
            if (u + n) % (4 - n / 24) != 0 {
                doc.mappings.push(Mapping {
                    outcome: format!("{}-lo0", unit.as_str()).as_str().into(),
                    ksb: ksbs[k].clone(),
                    coverage: Coverage::Full,
                    note: String::new(),
                });
            }
        }
    }
    let options: Vec<StandardOption> = (0..3)
        .map(|o| StandardOption {
            title: format!("Option {}", o + 1),
            ksbs: rest[o * 24..(o + 1) * 24]
                .iter()
                .map(|&k| ksbs[k].clone())
                .collect(),
        })
        .collect();
    let in_some_option: std::collections::HashSet<usize> = rest[..72].iter().copied().collect();
    // KSBs in no option and not in the core stay out of the standard.
    let kept: Vec<usize> = (0..KSBS)
        .filter(|k| core.contains(k) || in_some_option.contains(k))
        .collect();
    let standard = &mut doc.standards[0];
    standard.ksbs = kept.iter().map(|&k| standard.ksbs[k].clone()).collect();
    standard.options = options;
    doc.qualification.claims = vec![Claim {
        standard: standard.id.clone(),
        options: standard.options.iter().map(|o| o.title.clone()).collect(),
    }];
    let kept_ids: std::collections::HashSet<_> =
        doc.standards[0].ksbs.iter().map(|k| k.id.clone()).collect();
    doc.mappings.retain(|m| kept_ids.contains(&m.ksb));
    doc
}

/// The bit set of `ksbs` (ids "k<n>").
fn mask_of(ksbs: &[htq_core::model::KsbId]) -> [u64; 3] {
    let mut mask = [0u64; 3];
    for id in ksbs {
        let k: usize = id.as_str().trim_start_matches('k').parse().unwrap_or(0);
        mask[k / 64] |= 1 << (k % 64);
    }
    mask
}

fn occupations(c: &mut Criterion) {
    let doc = three_occupations();
    c.bench_function("analyse 40 choose 8, 3 occupations of 60 KSBs", |b| {
        b.iter(|| analyse(black_box(&doc)))
    });
    let started = Instant::now();
    let analysis = analyse(&doc);
    let exact = started.elapsed();
    let needs: Vec<[u64; 3]> = analysis
        .occupations
        .occupations
        .iter()
        .map(|o| mask_of(&o.occupation.ksbs))
        .collect();
    let mut reaching = vec![0u128; needs.len()];
    let mut none = 0u128;
    let started = Instant::now();
    let programmes = brute_force(&unit_masks(&doc), &mut |covered| {
        let mut any = false;
        for (o, need) in needs.iter().enumerate() {
            if (0..3).all(|w| covered[w] & need[w] == need[w]) {
                reaching[o] += 1;
                any = true;
            }
        }
        if !any {
            none += 1;
        }
    });
    let brute = started.elapsed();
    let counts: Vec<Option<(u128, u128)>> = analysis
        .occupations
        .occupations
        .iter()
        .map(|o| o.counts)
        .collect();
    let expected: Vec<Option<(u128, u128)>> = reaching
        .iter()
        .map(|&r| Some((u128::from(programmes), r)))
        .collect();
    println!(
        "3 occupations, brute force over {programmes} programmes in {brute:.2?}; exact analysis \
         (one cold run, every finding) {exact:.2?}; ratio {:.0}x; reaching {reaching:?}, none \
         {none}; counts agree: {}",
        brute.as_secs_f64() / exact.as_secs_f64().max(1e-9),
        counts == expected && analysis.occupations.reaching_none == Some(none)
    );
}

fn benches(c: &mut Criterion) {
    let large = curriculum(Size::LARGE);
    c.bench_function("check synthetic LARGE", |b| {
        b.iter(|| check(black_box(&large)))
    });
    let mut edited = large.clone();
    let mut analyser = Analyser::default();
    analyser.analyse(&edited);
    let title = TextField::UnitTitle(large.units[0].id.clone());
    let mut round = 0u64;
    c.bench_function("pathway_report synthetic LARGE", |b| {
        b.iter(|| black_box(pathway_report(black_box(&large))))
    });
    c.bench_function("analyse after a text edit (LARGE, cached)", |b| {
        b.iter(|| {
            round += 1;
            let edit = Edit::SetText {
                field: title.clone(),
                value: format!("Unit title, revision {round}"),
            };
            if edited.apply(edit).is_ok() {
                black_box(analyser.analyse(black_box(&edited)));
            }
        })
    });
    let example = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../curricula/medtech-htq.ron");
    match htq_core::store::load(&example) {
        Ok(doc) => {
            c.bench_function("check medtech-htq.ron", |b| {
                b.iter(|| check(black_box(&doc)))
            });
        }
        Err(e) => eprintln!("skipping medtech-htq.ron: {e}"),
    }

    let doc = forty_choose_eight();
    c.bench_function("pathway_report 40 choose 8, 180 KSBs", |b| {
        b.iter(|| pathway_report(black_box(&doc)))
    });

    let started = Instant::now();
    let report = pathway_report(&doc);
    let exact = started.elapsed();
    let started = Instant::now();
    let (missed, programmes) = brute_force_missed(&unit_masks(&doc));
    let brute = started.elapsed();
    let agree = report.ksbs.iter().enumerate().all(|(k, entry)| {
        let some = matches!(entry.status, PathwayStatus::SomePathways { .. });
        some == (missed[k / 64] >> (k % 64) & 1 == 1)
    });
    let gaps = report
        .ksbs
        .iter()
        .filter(|k| matches!(k.status, PathwayStatus::SomePathways { .. }))
        .count();
    println!(
        "brute force: {programmes} programmes x {KSBS} KSBs in {brute:.2?}; exact analysis (one cold run) {exact:.2?}; \
         ratio {:.0}x; {gaps} KSBs missable; results agree: {agree}",
        brute.as_secs_f64() / exact.as_secs_f64().max(1e-9)
    );
}

/// `units` optional units spread over `groups` groups in order, credits from `credits`, levels
/// 4 and 5 in turn, each unit's one outcome mapped to 6 of 200 KSBs picked pseudo-randomly.
/// Each group takes 1 to 3 units and 15 to 60 credits; at least a quarter of the total is at
/// Level 5.
fn grouped(units: usize, groups: usize, credits: &[u32], total: u32) -> Curriculum {
    let mut seed: u64 = 0x9e37_79b9_7f4a_7c15;
    let mut next = move |n: usize| {
        seed ^= seed << 13;
        seed ^= seed >> 7;
        seed ^= seed << 17;
        (seed % n as u64) as usize
    };
    let unit_list: Vec<Unit> = (0..units)
        .map(|u| Unit {
            id: format!("u{u}").as_str().into(),
            number: format!("{}", 4000 + u),
            level: 4 + (u % 2) as u8,
            credits: credits[u % credits.len()],
            outcomes: vec![LearningOutcome {
                id: format!("u{u}-lo").as_str().into(),
                ..Default::default()
            }],
            ..Default::default()
        })
        .collect();
    let per_group = units.div_ceil(groups);
    let windowed = groups > 1;
    let rules = RulesOfCombination {
        mandatory: Vec::new(),
        groups: unit_list
            .chunks(per_group)
            .enumerate()
            .map(|(g, members)| OptionalGroup {
                id: format!("g{g}").as_str().into(),
                title: format!("Group {}", g + 1),
                units: members.iter().map(|u| u.id.clone()).collect(),
                min_units: windowed.then_some(1),
                max_units: windowed.then_some(3),
                min_credits: windowed.then_some(15),
                max_credits: windowed.then_some(60),
            })
            .collect(),
        level_credits: vec![htq_core::model::LevelCredits {
            level: 5,
            min_credits: total / 4,
        }],
    };
    let ksbs: Vec<Ksb> = (0..200)
        .map(|k| Ksb {
            id: format!("k{k}").as_str().into(),
            kind: KsbKind::Knowledge,
            code: format!("K{}", k + 1),
            text: String::new(),
        })
        .collect();
    let mappings = (0..units)
        .flat_map(|u| (0..6).map(move |_| u))
        .map(|u| Mapping {
            outcome: format!("u{u}-lo").as_str().into(),
            ksb: format!("k{}", next(200)).as_str().into(),
            coverage: Coverage::Full,
            note: String::new(),
        })
        .collect::<Vec<_>>();
    let mut mappings = mappings;
    mappings.sort_by(|a, b| (&a.outcome, &a.ksb).cmp(&(&b.outcome, &b.ksb)));
    mappings.dedup_by(|a, b| a.outcome == b.outcome && a.ksb == b.ksb);
    Curriculum {
        qualification: Qualification {
            kind: QualificationKind::Hnd,
            level: 5,
            total_credits: total,
            rules,
            ..Default::default()
        },
        units: unit_list,
        standards: vec![Standard {
            id: "st".into(),
            reference: "ST0000".into(),
            ksbs,
            ..Default::default()
        }],
        mappings,
        ..Default::default()
    }
}

/// The process's peak resident memory so far, from `/proc/self/status` (Linux), in MB.
fn peak_mb() -> String {
    std::fs::read_to_string("/proc/self/status")
        .ok()
        .and_then(|status| {
            status
                .lines()
                .find_map(|line| line.strip_prefix("VmHWM:"))
                .map(|kb| kb.trim().trim_end_matches(" kB").trim().to_owned())
        })
        .and_then(|kb| kb.parse::<u64>().ok())
        .map_or_else(|| "?".into(), |kb| format!("{} MB", kb / 1024))
}

fn many_groups(c: &mut Criterion) {
    let cases = [
        (
            "320 units in 16 groups, 15/30 credits",
            grouped(320, 16, &[15, 30], 480),
        ),
        (
            "80 units in 16 groups, 15 credits",
            grouped(80, 16, &[15], 480),
        ),
        (
            "320 units in one group, odd credits",
            grouped(320, 1, &[7, 11, 13, 15, 20, 30], 240),
        ),
    ];
    for (name, doc) in &cases {
        let started = Instant::now();
        let report = pathway_report(doc);
        let cold = started.elapsed();
        let missable = report
            .ksbs
            .iter()
            .filter(|k| matches!(k.status, PathwayStatus::SomePathways { .. }))
            .count();
        println!(
            "{name}: one cold run {cold:.2?}, {missable} KSBs missable, any programme: {}; peak memory of the process so far {}",
            report.any_valid_programme,
            peak_mb()
        );
        c.bench_function(&format!("pathway_report {name}"), |b| {
            b.iter(|| pathway_report(black_box(doc)))
        });
    }
}

criterion_group!(analysis, occupations, many_groups, benches);
criterion_main!(analysis);
