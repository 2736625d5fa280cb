//! The CASE 1.1 package: a CFDocument, a CFItem for every unit, outcome, criterion, standard
//! and KSB with the fields CASE requires, an `isChildOf` association from each to its parent in
//! order, an `isRelatedTo` association per mapping; identifiers unique UUIDs that stay the
//! same across exports and when an item's text changes.

use htq_core::export::case_json;
use htq_core::model::Curriculum;
use serde_json::Value;
use std::collections::{HashMap, HashSet};
use std::path::Path;

fn shipped() -> Curriculum {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../curricula/medtech-htq.ron");
    htq_core::store::load(&path).expect("the shipped curriculum loads")
}

const WHEN: time::OffsetDateTime = time::macros::datetime!(2026-12-03 10:00:00.5 UTC);

fn package(doc: &Curriculum) -> Value {
    serde_json::from_str(&case_json(doc, WHEN)).expect("the package is JSON")
}

fn list<'a>(package: &'a Value, key: &str) -> &'a [Value] {
    package[key]
        .as_array()
        .map(Vec::as_slice)
        .unwrap_or_default()
}

#[test]
fn every_item_is_in_the_package_under_its_parent_and_every_mapping_relates() {
    let doc = shipped();
    let package = package(&doc);
    let document = &package["CFDocument"];
    for field in [
        "identifier",
        "uri",
        "creator",
        "title",
        "lastChangeDateTime",
    ] {
        assert!(document[field].is_string(), "CFDocument needs {field}");
    }
    assert_eq!(document["title"], doc.qualification.title.as_str());
    assert_eq!(document["lastChangeDateTime"], "2026-12-03T10:00:00Z");

    let items = list(&package, "CFItems");
    let outcomes: usize = doc.units.iter().map(|u| u.outcomes.len()).sum();
    let criteria: usize = doc
        .units
        .iter()
        .flat_map(|u| &u.outcomes)
        .map(|o| o.criteria.len())
        .sum();
    let ksbs: usize = doc.standards.iter().map(|s| s.ksbs.len()).sum();
    assert_eq!(
        items.len(),
        doc.units.len() + outcomes + criteria + doc.standards.len() + ksbs
    );
    for item in items {
        for field in ["identifier", "uri", "fullStatement", "lastChangeDateTime"] {
            assert!(item[field].is_string(), "CFItem needs {field}: {item}");
        }
        assert_eq!(item["CFDocumentURI"]["identifier"], document["identifier"]);
    }
    let ids: HashSet<&str> = items
        .iter()
        .map(|i| i["identifier"].as_str().unwrap_or_default())
        .chain(
            list(&package, "CFAssociations")
                .iter()
                .map(|a| a["identifier"].as_str().unwrap_or_default()),
        )
        .collect();
    assert_eq!(
        ids.len(),
        items.len() + list(&package, "CFAssociations").len(),
        "identifiers are unique"
    );
    assert!(ids.iter().all(|id| uuid::Uuid::parse_str(id).is_ok()));

    let by_statement: HashMap<&str, &str> = items
        .iter()
        .filter_map(|i| Some((i["fullStatement"].as_str()?, i["identifier"].as_str()?)))
        .collect();
    let associations = list(&package, "CFAssociations");
    let of_kind = |kind: &'static str| {
        associations
            .iter()
            .filter(move |a| a["associationType"] == kind)
    };
    assert_eq!(of_kind("isChildOf").count(), items.len());
    assert_eq!(of_kind("isRelatedTo").count(), doc.mappings.len());
    let unit = &doc.units[0];
    let outcome = &unit.outcomes[1];
    let child = of_kind("isChildOf")
        .find(|a| a["originNodeURI"]["identifier"] == by_statement[outcome.text.trim()])
        .expect("the outcome has a parent");
    assert_eq!(
        child["destinationNodeURI"]["title"],
        format!("{}: {}", unit.number, unit.title).as_str()
    );
    assert_eq!(child["sequenceNumber"], 2, "its place in the unit");
}

#[test]
fn identifiers_stay_when_the_package_is_made_again_or_an_item_is_reworded() {
    let mut doc = shipped();
    let first = case_json(&doc, WHEN);
    assert_eq!(
        case_json(&doc, WHEN),
        first,
        "the same curriculum, the same package"
    );
    let before = package(&doc);
    doc.units[0].outcomes[0].text = "Reworded by the panel".into();
    let after = package(&doc);
    let identifiers = |p: &Value| -> Vec<String> {
        list(p, "CFItems")
            .iter()
            .map(|i| i["identifier"].as_str().unwrap_or_default().to_owned())
            .collect()
    };
    assert_eq!(identifiers(&before), identifiers(&after));
    assert!(
        list(&after, "CFItems")
            .iter()
            .any(|i| i["fullStatement"] == "Reworded by the panel")
    );
}

#[test]
fn a_standard_comes_back_from_the_package_as_it_went_in() {
    let doc = shipped();
    let dir = tempfile::tempdir().expect("a folder");
    let path = dir.path().join("package.json");
    std::fs::write(&path, case_json(&doc, WHEN)).expect("written");
    let several = htq_core::import::read_standard(&path).expect_err("two standards: which?");
    assert!(
        several
            .to_string()
            .contains("holds 2 standards (ST0220, ST1512)"),
        "{several}"
    );
    for original in &doc.standards {
        let options = htq_core::import::ReadOptions {
            reference: Some(original.reference.clone()),
            ..Default::default()
        };
        let read = htq_core::import::read_standard_with(&path, &options)
            .unwrap_or_else(|e| panic!("{}: {e}", original.reference));
        assert_eq!(read.warnings, Vec::<String>::new());
        let back = read.standard;
        assert_eq!(
            (&back.reference, &back.title, back.level),
            (&original.reference, &original.title, original.level)
        );
        let statements =
            |s: &htq_core::model::Standard| -> Vec<(htq_core::model::KsbKind, String, String)> {
                s.ksbs
                    .iter()
                    .map(|k| (k.kind, k.code.clone(), k.text.clone()))
                    .collect()
            };
        assert_eq!(
            statements(&back),
            statements(original),
            "{}",
            original.reference
        );
    }
}
