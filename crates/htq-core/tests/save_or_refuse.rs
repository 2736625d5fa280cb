//! Never save what cannot be opened: for any document the app can hold (long texts at and
//! past the limit, odd characters, repeated ids, references to nothing, a huge list), saving
//! then loading gives the document back, or the save is refused as unloadable and the file on
//! disk is left exactly as it was.

use htq_core::model::synthetic::{Size, curriculum};
use htq_core::model::{Coverage, Curriculum, Mapping};
use htq_core::store::{self, MAX_TEXT_CHARS, SaveError};
use proptest::prelude::*;
use std::fs;

/// Ways a document held in memory can stray from what a file may hold.
#[derive(Debug, Clone)]
enum Change {
    /// The qualification title becomes `n` copies of `c`.
    LongTitle(char, usize),
    /// A KSB statement becomes this text.
    Statement(String),
    /// The second unit takes the first unit's id.
    RepeatedId,
    /// A mapping names a KSB that does not exist.
    DanglingMapping,
    /// The mandatory list names its first unit this many extra times.
    RepeatedMandatory(usize),
}

fn change() -> impl Strategy<Value = Change> {
    prop_oneof![
        (
            prop_oneof![Just('a'), Just('é'), Just('🧪'), Just('"')],
            prop_oneof![Just(MAX_TEXT_CHARS), Just(MAX_TEXT_CHARS + 1), 0..200usize]
        )
            .prop_map(|(c, n)| Change::LongTitle(c, n)),
        any::<String>().prop_map(Change::Statement),
        Just(Change::RepeatedId),
        Just(Change::DanglingMapping),
        prop_oneof![Just(700_000usize), 0..100usize].prop_map(Change::RepeatedMandatory),
    ]
}

fn apply(doc: &mut Curriculum, change: &Change) {
    match change {
        Change::LongTitle(c, n) => doc.qualification.title = c.to_string().repeat(*n),
        Change::Statement(text) => {
            if let Some(ksb) = doc.standards.first_mut().and_then(|s| s.ksbs.first_mut()) {
                ksb.text.clone_from(text);
            }
        }
        Change::RepeatedId => {
            let first = doc.units[0].id.clone();
            doc.units[1].id = first;
        }
        Change::DanglingMapping => doc.mappings.push(Mapping {
            outcome: doc.units[0].outcomes[0].id.clone(),
            ksb: "no-such-ksb".into(),
            coverage: Coverage::Full,
            note: String::new(),
        }),
        Change::RepeatedMandatory(extra) => {
            let rules = &mut doc.qualification.rules;
            if let Some(first) = rules.mandatory.first().cloned() {
                rules.mandatory.extend(std::iter::repeat_n(first, *extra));
            }
        }
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(48))]

    #[test]
    fn a_save_loads_back_as_the_document_or_is_refused(
        changes in proptest::collection::vec(change(), 0..4)
    ) {
        let folder = tempfile::tempdir().map_err(|e| TestCaseError::fail(e.to_string()))?;
        let path = folder.path().join("c.ron");
        let original = curriculum(Size::TINY);
        store::save(&path, &original).map_err(|e| TestCaseError::fail(e.to_string()))?;
        let before = fs::read(&path).map_err(|e| TestCaseError::fail(e.to_string()))?;
        let mut doc = original;
        for change in &changes {
            apply(&mut doc, change);
        }
        match store::save(&path, &doc) {
            Ok(()) => prop_assert_eq!(store::load(&path), Ok(doc)),
            Err(SaveError::Unloadable { reason, .. }) => {
                prop_assert!(!reason.is_empty());
                let after = fs::read(&path).map_err(|e| TestCaseError::fail(e.to_string()))?;
                prop_assert!(after == before, "a refused save changed the file");
            }
            Err(other) => prop_assert!(false, "unexpected error: {other}"),
        }
    }
}

#[test]
fn a_text_one_past_the_limit_is_refused_and_one_at_it_saved() {
    let folder = tempfile::tempdir().expect("a folder");
    let path = folder.path().join("c.ron");
    let mut doc = curriculum(Size::TINY);
    doc.qualification.title = "é".repeat(MAX_TEXT_CHARS);
    assert_eq!(store::save(&path, &doc), Ok(()));
    doc.qualification.title.push('é');
    let refused = store::save(&path, &doc);
    assert!(
        matches!(&refused, Err(SaveError::Unloadable { reason, .. })
            if reason.contains("(qualification.title) is 100001 characters long")),
        "{refused:?}"
    );
}
