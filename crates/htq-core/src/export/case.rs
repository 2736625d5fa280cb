//! The qualification as a 1EdTech CASE 1.1 package (CFPackage JSON), for OpenSALT, the CASE
//! Network and learning platforms: a CFDocument for the qualification; CFItems for its units,
//! their learning outcomes and assessment criteria, and for each standard with its KSBs; an
//! `isChildOf` association from every item to its parent (with its place as sequence number)
//! and an `isRelatedTo` association from each learning outcome to each KSB it covers.
//!
//! Identifiers are UUIDs (version 5) made from the qualification's title and each item's id
//! in the file, so the same curriculum exports the same identifiers every time, and an item
//! keeps its identifier when its text changes or it moves. URIs are `urn:uuid:` URIs.
//! Pure: builds the JSON, writes no file.

use crate::model::{Coverage, Curriculum, outcome_label};
use serde_json::{Value, json};
use std::collections::HashMap;
use uuid::Uuid;

/// The namespace of every HTQ Studio CASE identifier.
const NAMESPACE: Uuid = Uuid::from_u128(0x6f1c_2d3a_8b4e_4f7a_9c21_5e8d_03b7_a1c4);

/// The CASE package of `doc`, its items last changed at `changed`.
pub fn case_json(doc: &Curriculum, changed: time::OffsetDateTime) -> String {
    let changed = changed.replace_nanosecond(0).unwrap_or(changed);
    let changed = changed
        .format(&time::format_description::well_known::Rfc3339)
        .unwrap_or_default();
    let package = Package::new(doc, &changed);
    serde_json::to_string_pretty(&package.into_value()).unwrap_or_default()
}

/// A package being assembled.
struct Package<'a> {
    changed: &'a str,
    document: Node,
    publisher: String,
    items: Vec<Value>,
    associations: Vec<Value>,
    /// The id of the qualification the identifiers are made in.
    scope: Uuid,
}

/// What an association names of an item: its title, identifier and URI.
#[derive(Clone)]
struct Node {
    title: String,
    identifier: Uuid,
}

impl Node {
    fn uri(&self) -> String {
        format!("urn:uuid:{}", self.identifier)
    }

    fn link(&self) -> Value {
        json!({
            "title": self.title,
            "identifier": self.identifier.to_string(),
            "uri": self.uri(),
        })
    }
}

impl<'a> Package<'a> {
    fn new(doc: &Curriculum, changed: &'a str) -> Self {
        let q = &doc.qualification;
        let scope = Uuid::new_v5(&NAMESPACE, q.title.trim().as_bytes());
        let document = Node {
            title: q.title.trim().to_owned(),
            identifier: Uuid::new_v5(&scope, b"document"),
        };
        let mut package = Self {
            changed,
            document,
            publisher: q.awarding_body.trim().to_owned(),
            items: Vec::new(),
            associations: Vec::new(),
            scope,
        };
        package.fill(doc);
        package
    }

    /// The identifier of the file's item `kind`/`id`.
    fn identifier(&self, kind: &str, id: &str) -> Uuid {
        Uuid::new_v5(&self.scope, format!("{kind}:{id}").as_bytes())
    }

    fn fill(&mut self, doc: &Curriculum) {
        let root = self.document.clone();
        let mut outcomes: HashMap<&str, Node> = HashMap::new();
        for (u, unit) in doc.units.iter().enumerate() {
            let unit_node = self.item(
                ("unit", unit.id.as_str()),
                "Unit",
                unit.number.trim(),
                &format!("{}: {}", unit.number.trim(), unit.title.trim()),
                &root,
                u,
            );
            let criterion_numbers = crate::model::CriterionNumbers::of(unit);
            for (o, outcome) in unit.outcomes.iter().enumerate() {
                let label = outcome_label(o);
                let outcome_node = self.item(
                    ("outcome", outcome.id.as_str()),
                    "Learning outcome",
                    &format!("{} {label}", unit.number.trim()),
                    outcome.text.trim(),
                    &unit_node,
                    o,
                );
                outcomes.insert(outcome.id.as_str(), outcome_node.clone());
                for (c, criterion) in outcome.criteria.iter().enumerate() {
                    let code = criterion_numbers.get(&criterion.id).to_owned();
                    self.item(
                        ("criterion", criterion.id.as_str()),
                        &format!("{} criterion", criterion.band.label()),
                        &format!("{} {code}", unit.number.trim()),
                        criterion.text.trim(),
                        &outcome_node,
                        c,
                    );
                }
            }
        }
        let mut ksb_nodes: HashMap<&str, Node> = HashMap::new();
        for (s, standard) in doc.standards.iter().enumerate() {
            let standard_node = self.item_at_level(
                ("standard", standard.id.as_str()),
                "Occupational standard",
                standard.reference.trim(),
                &format!("{} {}", standard.reference.trim(), standard.title.trim()),
                &root,
                doc.units.len() + s,
                Some(standard.level),
            );
            for (k, ksb) in standard.ksbs.iter().enumerate() {
                let node = self.item(
                    ("ksb", ksb.id.as_str()),
                    ksb.kind.label(),
                    &format!("{} {}", standard.reference.trim(), ksb.code.trim()),
                    ksb.text.trim(),
                    &standard_node,
                    k,
                );
                ksb_nodes.insert(ksb.id.as_str(), node);
            }
        }
        for mapping in &doc.mappings {
            let (Some(from), Some(to)) = (
                outcomes.get(mapping.outcome.as_str()),
                ksb_nodes.get(mapping.ksb.as_str()),
            ) else {
                continue;
            };
            let key = format!("maps:{}:{}", mapping.outcome, mapping.ksb);
            let mut association = self.association(&key, "isRelatedTo", from, to, None);
            if mapping.coverage == Coverage::Partial
                && let Some(object) = association.as_object_mut()
            {
                object.insert(
                    "notes".into(),
                    Value::String(format!("Partial coverage: {}", mapping.note.trim())),
                );
            }
            self.associations.push(association);
        }
    }

    /// Adds a CFItem for the file's item `key` under `parent` at `place`, and returns it.
    fn item(
        &mut self,
        key: (&str, &str),
        item_type: &str,
        code: &str,
        statement: &str,
        parent: &Node,
        place: usize,
    ) -> Node {
        self.item_at_level(key, item_type, code, statement, parent, place, None)
    }

    /// [`Package::item`], with the item's education level when it has one.
    #[allow(
        clippy::too_many_arguments,
        reason = "one CFItem's fields, named at the call"
    )]
    fn item_at_level(
        &mut self,
        key: (&str, &str),
        item_type: &str,
        code: &str,
        statement: &str,
        parent: &Node,
        place: usize,
        level: Option<u8>,
    ) -> Node {
        let node = Node {
            title: statement.to_owned(),
            identifier: self.identifier(key.0, key.1),
        };
        let mut item = json!({
            "identifier": node.identifier.to_string(),
            "uri": node.uri(),
            "fullStatement": statement,
            "humanCodingScheme": code,
            "CFItemType": item_type,
            "language": "en-GB",
            "lastChangeDateTime": self.changed,
            "CFDocumentURI": self.document.link(),
        });
        if let (Some(level), Some(fields)) = (level, item.as_object_mut()) {
            fields.insert("educationLevel".into(), json!([level.to_string()]));
        }
        self.items.push(item);
        let association = self.association(
            &format!("child:{}:{}", key.0, key.1),
            "isChildOf",
            &node,
            parent,
            Some(place + 1),
        );
        self.associations.push(association);
        node
    }

    fn association(
        &self,
        key: &str,
        kind: &str,
        origin: &Node,
        destination: &Node,
        sequence: Option<usize>,
    ) -> Value {
        let identifier = Uuid::new_v5(&self.scope, key.as_bytes());
        let mut association = json!({
            "identifier": identifier.to_string(),
            "uri": format!("urn:uuid:{identifier}"),
            "associationType": kind,
            "originNodeURI": origin.link(),
            "destinationNodeURI": destination.link(),
            "lastChangeDateTime": self.changed,
            "CFDocumentURI": self.document.link(),
        });
        if let (Some(sequence), Some(object)) = (sequence, association.as_object_mut()) {
            object.insert("sequenceNumber".into(), json!(sequence));
        }
        association
    }

    fn into_value(self) -> Value {
        json!({
            "CFDocument": {
                "identifier": self.document.identifier.to_string(),
                "uri": self.document.uri(),
                "creator": self.publisher,
                "publisher": self.publisher,
                "title": self.document.title,
                "lastChangeDateTime": self.changed,
                "language": "en-GB",
                "CFPackageURI": self.document.link(),
            },
            "CFItems": self.items,
            "CFAssociations": self.associations,
        })
    }
}
