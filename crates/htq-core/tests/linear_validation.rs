//! Lists that repeat one entry a million times: every repeat is reported once with its count,
//! and checking takes time proportional to the list, never to its square.

use htq_core::analysis::check;
use htq_core::model::Curriculum;
use htq_core::model::synthetic::{Size, curriculum};
use std::time::{Duration, Instant};

/// The medium synthetic curriculum: its first unit mandatory, its last one in a group.
fn base() -> Curriculum {
    curriculum(Size {
        units: 12,
        outcomes_per_unit: 2,
        criteria_per_outcome: 3,
        standards: 1,
        ksbs_per_standard: 6,
        mappings: 10,
    })
}

fn messages(doc: &Curriculum) -> Vec<String> {
    check(doc).into_iter().map(|f| f.message).collect()
}

fn with_repeats(mandatory: usize, grouped: usize, mappings: usize) -> Curriculum {
    let mut doc = base();
    let rules = &mut doc.qualification.rules;
    let first = rules.mandatory[0].clone();
    rules
        .mandatory
        .extend(std::iter::repeat_n(first, mandatory - 1));
    let group = &mut rules.groups[0];
    let member = group.units[0].clone();
    group.units.extend(std::iter::repeat_n(member, grouped - 1));
    let mapping = doc.mappings[0].clone();
    doc.mappings
        .extend(std::iter::repeat_n(mapping, mappings - 1));
    doc
}

#[test]
fn a_repeated_entry_is_reported_once_with_its_count() {
    let doc = with_repeats(1_000_000, 1_000, 100_000);
    let before = messages(&base());
    let after = messages(&doc);
    let new: Vec<&String> = after.iter().filter(|m| !before.contains(m)).collect();
    let title = &doc.qualification.rules.groups[0].title;
    assert_eq!(
        new,
        [
            "the list of mandatory units names this unit 1000000 times; once is enough",
            "the outcome is mapped to K1 (ST9000) 100000 times; one mapping is enough",
            &format!("group \"{title}\" names this unit 1000 times; once is enough"),
        ]
    );
}

#[test]
fn checking_long_lists_of_repeats_takes_linear_time() {
    // 200,000 entries in each list: a check comparing every grouped entry with every
    // mandatory one would make 4e10 comparisons (minutes); a linear one takes well under a
    // second in release.
    let doc = with_repeats(200_000, 200_000, 200_000);
    let started = Instant::now();
    let findings = check(&doc);
    let took = started.elapsed();
    assert!(!findings.is_empty());
    assert!(took < Duration::from_secs(10), "check took {took:?}");
}
