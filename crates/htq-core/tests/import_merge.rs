//! Merging imported standards into a curriculum: first import, re-import of a newer version
//! with mappings kept, re-pointed and dropped, id collisions, and exact undo.

use htq_core::import::{DroppedMapping, KeptMapping, import_into, read_standard};
use htq_core::model::synthetic::{Size, curriculum};
use htq_core::model::{Coverage, Curriculum, Edit, KsbId, Standard, TextField};
use std::collections::HashSet;
use std::path::Path;

fn fixture(name: &str) -> Standard {
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/standards")
        .join(name);
    read_standard(&path).expect("fixture reads").standard
}

fn small_curriculum() -> Curriculum {
    curriculum(Size {
        units: 8,
        outcomes_per_unit: 3,
        criteria_per_outcome: 3,
        standards: 1,
        ksbs_per_standard: 10,
        mappings: 20,
    })
}

fn all_ids_unique(doc: &Curriculum) -> bool {
    let mut seen = HashSet::new();
    doc.standards
        .iter()
        .flat_map(|s| std::iter::once(s.id.as_str()).chain(s.ksbs.iter().map(|k| k.id.as_str())))
        .chain(doc.units.iter().map(|u| u.id.as_str()))
        .all(|id| seen.insert(id.to_owned()))
}

/// The curriculum with version 1.0 of ST0220 imported and six outcomes mapped to it.
fn mapped_to_version_one() -> Curriculum {
    let mut doc = small_curriculum();
    let (edit, _) = import_into(&doc, fixture("st0220_v1.0.json")).expect("imports");
    doc.apply(edit).expect("applies");
    let maps = [
        ("u0-lo0", "st0220-k4", Coverage::Full, ""),
        (
            "u0-lo1",
            "st0220-k5",
            Coverage::Partial,
            "Completed on placement",
        ),
        ("u1-lo0", "st0220-s5", Coverage::Full, ""),
        ("u1-lo1", "st0220-s11", Coverage::Full, "Audit project"),
        ("u2-lo0", "st0220-s12", Coverage::Full, "Reflective log"),
        ("u2-lo2", "st0220-b5", Coverage::Partial, ""),
    ];
    for (outcome, ksb, coverage, note) in maps {
        doc.apply(Edit::SetCoverage {
            outcome: outcome.into(),
            ksb: ksb.into(),
            coverage: Some(coverage),
        })
        .expect("maps");
        if !note.is_empty() {
            doc.apply(Edit::SetText {
                field: TextField::MappingNote(outcome.into(), ksb.into()),
                value: note.into(),
            })
            .expect("notes");
        }
    }
    doc
}

#[test]
fn a_first_import_appends_the_standard_and_undo_removes_it() {
    let mut doc = small_curriculum();
    let before = doc.clone();
    let (edit, report) = import_into(&doc, fixture("st0220_v1.0.json")).expect("imports");
    assert_eq!(report.replaced_version, None);
    assert_eq!(report.added_ksbs.len(), 38);
    assert!(
        report
            .summary()
            .starts_with("Added ST0220 Healthcare science associate (version 1.0) with 38 KSBs.")
    );
    let undo = doc.apply(edit).expect("applies");
    assert_eq!(doc.standards.len(), 2);
    let added = &doc.standards[1];
    assert_eq!(added.id.as_str(), "st0220");
    assert_eq!(added.ksbs[0].id.as_str(), "st0220-k1");
    assert!(!added.illustrative);
    assert!(all_ids_unique(&doc));
    doc.apply(undo).expect("undo applies");
    assert_eq!(doc, before);
}

#[test]
fn taken_ids_get_a_suffix_and_duties_follow_them() {
    let mut doc = small_curriculum();
    doc.units[0].id = "st0220".into();
    let old = doc.standards[0].ksbs[0].id.clone();
    doc.standards[0].ksbs[0].id = KsbId::new("st0220-k1");
    for mapping in doc.mappings.iter_mut().filter(|m| m.ksb == old) {
        mapping.ksb = KsbId::new("st0220-k1");
    }
    doc.qualification.rules.mandatory[0] = "st0220".into();
    let (edit, _) = import_into(&doc, fixture("st0220_v1.0.json")).expect("imports");
    doc.apply(edit).expect("applies");
    let added = &doc.standards[1];
    assert_eq!(added.id.as_str(), "st0220-1");
    assert_eq!(added.ksbs[0].id.as_str(), "st0220-k1-1");
    assert_eq!(added.duties[0].ksbs[0].as_str(), "st0220-k1-1");
    assert!(all_ids_unique(&doc));
}

#[test]
fn a_newer_version_keeps_repoints_and_drops_mappings() {
    let mut doc = mapped_to_version_one();
    let before = doc.clone();
    let (edit, report) = import_into(&doc, fixture("st0220_v1.1.json")).expect("re-imports");
    assert_eq!(report.replaced_version.as_deref(), Some("1.0"));
    assert_eq!(report.version, "1.1");
    assert_eq!(report.added_ksbs, ["K19", "B6"]);
    assert_eq!(report.removed_ksbs, ["K4", "S11"]);
    let kept = |outcome: &str, old: &str, new: &str, reworded| KeptMapping {
        outcome: outcome.into(),
        old_code: old.into(),
        new_code: new.into(),
        reworded,
    };
    assert_eq!(
        report.kept_mappings,
        [
            kept("4001 LO2", "K5", "K4", false),
            kept("4002 LO1", "S5", "S5", true),
            kept("4003 LO1", "S12", "S11", false),
            kept("4003 LO3", "B5", "B5", false),
        ]
    );
    let dropped = |outcome: &str, code: &str| DroppedMapping {
        outcome: outcome.into(),
        ksb_code: code.into(),
        reason: format!("{code} is not in version 1.1 of ST0220"),
    };
    assert_eq!(
        report.dropped_mappings,
        [dropped("4001 LO1", "K4"), dropped("4002 LO2", "S11")]
    );
    let summary = report.summary();
    for line in [
        "Updated ST0220 Healthcare science associate from version 1.0 to version 1.1.",
        "New KSBs: K19, B6.",
        "KSBs no longer in the standard: K4, S11.",
        "Kept 4 mappings.",
        "  K5 is now K4: 4001 LO2.",
        "  S12 is now S11: 4003 LO1.",
        "  S5 was reworded; check its mappings: 4002 LO1.",
        "Dropped 2 mappings.",
        "  4002 LO2 to S11: S11 is not in version 1.1 of ST0220.",
    ] {
        assert!(
            summary.lines().any(|l| l == line),
            "{line:?} missing from:\n{summary}"
        );
    }

    let undo = doc.apply(edit).expect("applies");
    assert_eq!(doc.standards.len(), 2);
    let updated = &doc.standards[1];
    assert_eq!(
        (updated.id.as_str(), updated.version.as_str()),
        ("st0220", "1.1")
    );
    let new_k4 = doc
        .mapping(&"u0-lo1".into(), &"st0220-k4".into())
        .expect("re-pointed");
    assert_eq!(new_k4.coverage, Coverage::Partial);
    assert_eq!(new_k4.note, "Completed on placement");
    assert!(doc.mapping(&"u0-lo0".into(), &"st0220-k4".into()).is_none());
    assert!(
        doc.mapping(&"u1-lo1".into(), &"st0220-s11".into())
            .is_none()
    );
    let s11 = doc
        .mapping(&"u2-lo0".into(), &"st0220-s11".into())
        .expect("S12 is S11 now");
    assert_eq!(s11.note, "Reflective log");
    assert!(all_ids_unique(&doc));

    let unrelated = |doc: &Curriculum| {
        doc.mappings
            .iter()
            .filter(|m| !m.ksb.as_str().starts_with("st0220"))
            .cloned()
            .collect::<Vec<_>>()
    };
    assert_eq!(unrelated(&doc), unrelated(&before));
    let order = |doc: &Curriculum| {
        doc.mappings
            .iter()
            .filter(|m| m.ksb.as_str().starts_with("st0220"))
            .map(|m| m.outcome.to_string())
            .collect::<Vec<_>>()
    };
    assert_eq!(order(&doc), ["u0-lo1", "u1-lo0", "u2-lo0", "u2-lo2"]);

    doc.apply(undo).expect("undo applies");
    assert_eq!(doc, before);
}

#[test]
fn re_importing_the_same_version_changes_nothing() {
    let mut doc = mapped_to_version_one();
    let before = doc.clone();
    let (edit, report) = import_into(&doc, fixture("st0220_v1.0.json")).expect("re-imports");
    assert!(report.dropped_mappings.is_empty());
    assert!(report.added_ksbs.is_empty() && report.removed_ksbs.is_empty());
    assert_eq!(report.kept_mappings.len(), 6);
    assert!(
        report
            .kept_mappings
            .iter()
            .all(|k| !k.reworded && k.old_code == k.new_code)
    );
    doc.apply(edit).expect("applies");
    assert_eq!(doc, before);
}

#[test]
fn the_reference_matches_whatever_its_case() {
    let doc = mapped_to_version_one();
    let mut lower = fixture("st0220_v1.1.json");
    lower.reference = "st0220".into();
    let (_, report) = import_into(&doc, lower).expect("re-imports");
    assert_eq!(report.replaced_version.as_deref(), Some("1.0"));
}
