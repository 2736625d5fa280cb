//! Reference checks after parsing: every id unique in the file, every reference resolving.
//!
//! A file that breaks these is refused at load, because the editor and the analysis rely on
//! ids being unique and references resolving. Errors point at the offending id in the text
//! (best effort: the place where that id is written).

use super::error::TextError;
use super::position;
use crate::model::Curriculum;
use std::collections::{HashMap, HashSet};

/// Checks ids and references of `doc`, parsed from `text`.
pub(super) fn references(doc: &Curriculum, text: &str) -> Result<(), TextError> {
    let ids = unique_ids(doc, text)?;
    let check = |kind: &'static str, id: &str, holder: &dyn Fn() -> String| {
        if ids.get(id) == Some(&kind) {
            return Ok(());
        }
        let place = position::of_string(text, id).unwrap_or((0, 0));
        Err(TextError::at(
            place,
            format!(
                "{} names {kind} \"{id}\", which is not in this file",
                holder()
            ),
        ))
    };
    let rules = &doc.qualification.rules;
    for unit in &rules.mandatory {
        check(UNIT, unit.as_str(), &|| {
            "the list of mandatory units".into()
        })?;
    }
    for group in &rules.groups {
        for unit in &group.units {
            check(UNIT, unit.as_str(), &|| {
                format!("optional group \"{}\"", group.title)
            })?;
        }
    }
    for unit in &doc.units {
        for link in &unit.links {
            check(UNIT, link.as_str(), &|| {
                format!("the links of unit {}", unit.number)
            })?;
        }
    }
    for standard in &doc.standards {
        let mut duties = HashSet::new();
        if let Some(twice) = standard
            .duties
            .iter()
            .find(|duty| !duties.insert(duty.id.as_str()))
        {
            let place = position::of_definition(text, twice.id.as_str(), 1).unwrap_or((0, 0));
            return Err(TextError::at(
                place,
                format!(
                    "the id \"{}\" is used for two duties of standard {}; every duty's id must \
                     be unique in its standard",
                    twice.id, standard.reference
                ),
            ));
        }
        let own: HashSet<&str> = standard.ksbs.iter().map(|ksb| ksb.id.as_str()).collect();
        let lists = standard
            .duties
            .iter()
            .map(|duty| (format!("duty {}", duty.code), &duty.ksbs))
            .chain(
                standard
                    .options
                    .iter()
                    .map(|option| (format!("option \"{}\"", option.title), &option.ksbs)),
            );
        for (holder, ksbs) in lists {
            if let Some(ksb) = ksbs.iter().find(|ksb| !own.contains(ksb.as_str())) {
                let place = position::of_string(text, ksb.as_str()).unwrap_or((0, 0));
                return Err(TextError::at(
                    place,
                    format!(
                        "{holder} of standard {} names KSB \"{ksb}\", which is not one of \
                         this standard's KSBs",
                        standard.reference
                    ),
                ));
            }
        }
    }
    let mut out_of_scope = HashSet::new();
    for entry in &doc.qualification.out_of_scope {
        check(KSB, entry.ksb.as_str(), &|| {
            "the list of KSBs out of scope".into()
        })?;
        if !out_of_scope.insert(&entry.ksb) {
            let place = position::of_string(text, entry.ksb.as_str()).unwrap_or((0, 0));
            return Err(TextError::at(
                place,
                format!(
                    "KSB \"{}\" is listed twice as out of scope; list it once",
                    entry.ksb
                ),
            ));
        }
    }
    for mapping in &doc.mappings {
        check(OUTCOME, mapping.outcome.as_str(), &|| "a mapping".into())?;
        check(KSB, mapping.ksb.as_str(), &|| "a mapping".into())?;
    }
    Ok(())
}

const GROUP: &str = "optional group";
const UNIT: &str = "unit";
const OUTCOME: &str = "learning outcome";
const CRITERION: &str = "criterion";
const TOPIC: &str = "essential-content topic";
const RESOURCE: &str = "resource";
const STANDARD: &str = "standard";
const KSB: &str = "KSB";

/// Every id defined in `doc` with its kind, in the order they are written in the file;
/// an error for the first id defined twice.
fn unique_ids<'a>(
    doc: &'a Curriculum,
    text: &str,
) -> Result<HashMap<&'a str, &'static str>, TextError> {
    let rules = &doc.qualification.rules;
    let groups = rules.groups.iter().map(|group| (GROUP, group.id.as_str()));
    let units = doc.units.iter().flat_map(|unit| {
        std::iter::once((UNIT, unit.id.as_str()))
            .chain(unit.resources.iter().map(|r| (RESOURCE, r.id.as_str())))
            .chain(unit.outcomes.iter().flat_map(|outcome| {
                std::iter::once((OUTCOME, outcome.id.as_str()))
                    .chain(outcome.content.iter().map(|t| (TOPIC, t.id.as_str())))
                    .chain(
                        outcome
                            .criteria
                            .iter()
                            .map(|criterion| (CRITERION, criterion.id.as_str())),
                    )
            }))
    });
    let standards = doc.standards.iter().flat_map(|standard| {
        std::iter::once((STANDARD, standard.id.as_str()))
            .chain(standard.ksbs.iter().map(|ksb| (KSB, ksb.id.as_str())))
    });
    let mut ids = HashMap::new();
    for (kind, id) in groups.chain(units).chain(standards) {
        if let Some(first) = ids.insert(id, kind) {
            let place = position::of_definition(text, id, 1).unwrap_or((0, 0));
            let what = if first == kind {
                format!("two {}", plural(kind))
            } else {
                format!("{} and {}", with_article(first), with_article(kind))
            };
            return Err(TextError::at(
                place,
                format!("the id \"{id}\" is used for {what}; every id must be unique in the file"),
            ));
        }
    }
    Ok(ids)
}

fn plural(kind: &str) -> String {
    if kind == CRITERION {
        "criteria".into()
    } else {
        format!("{kind}s")
    }
}

fn with_article(kind: &str) -> String {
    if kind == GROUP || kind == TOPIC {
        format!("an {kind}")
    } else {
        format!("a {kind}")
    }
}
