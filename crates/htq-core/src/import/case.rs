//! A standard from a 1EdTech CASE 1.1 package (CFPackage JSON), such as HTQ Studio's own
//! `export --case` or a framework published through OpenSALT.
//!
//! A package may hold several standards as items of type "Occupational standard" (HTQ
//! Studio's export does): the reference picks one, as in a list of API records. Without such
//! items the whole package is one standard, named by its CFDocument. The standard's KSBs are
//! the items of type Knowledge, Skill or Behaviour that are children (`isChildOf`) of it, in
//! their sequence order; in a package with no standard item, every such item. Codes come from
//! `humanCodingScheme` (less the standard's reference written before them), statements from
//! `fullStatement`, the level from `educationLevel`.

use super::{ImportError, StandardFile, UNNAMED, clean, ksb_id, standard_id};
use crate::model::{Ksb, KsbId, KsbKind, Standard, StandardId};
use crate::words::counted;
use serde_json::Value;
use std::collections::HashMap;

/// The item type HTQ Studio gives a standard in its packages.
const STANDARD_TYPE: &str = "Occupational standard";

/// Whether `value` is a CASE package rather than standards API records.
pub(super) fn is_package(value: &Value) -> bool {
    value.get("CFItems").is_some() && value.get("CFDocument").is_some()
}

/// The standard with `reference` (or the only one) in the package `value`.
pub(super) fn standard_from_case(
    value: &Value,
    reference: Option<&str>,
) -> Result<StandardFile, ImportError> {
    let items: &[Value] = value
        .get("CFItems")
        .and_then(Value::as_array)
        .map(Vec::as_slice)
        .unwrap_or_default();
    let associations: &[Value] = value
        .get("CFAssociations")
        .and_then(Value::as_array)
        .map(Vec::as_slice)
        .unwrap_or_default();
    let text = |item: &Value, key: &str| -> String {
        clean::plain(item.get(key).and_then(Value::as_str).unwrap_or_default())
    };
    let standards: Vec<&Value> = items
        .iter()
        .filter(|item| text(item, "CFItemType").eq_ignore_ascii_case(STANDARD_TYPE))
        .collect();
    let selection = |problem: String| ImportError::Selection {
        file: UNNAMED.to_owned(),
        problem,
    };
    let chosen = match (standards.as_slice(), reference) {
        ([], _) => None,
        ([only], None) => Some(*only),
        (several, None) => {
            let listed: Vec<String> = several
                .iter()
                .map(|s| text(s, "humanCodingScheme"))
                .collect();
            return Err(selection(format!(
                "the package holds {} ({}); say which one to import by its reference",
                counted(several.len(), "standard", "standards"),
                listed.join(", ")
            )));
        }
        (several, Some(wanted)) => Some(
            several
                .iter()
                .copied()
                .find(|s| text(s, "humanCodingScheme").eq_ignore_ascii_case(wanted.trim()))
                .ok_or_else(|| {
                    selection(format!("the package holds no standard {}", wanted.trim()))
                })?,
        ),
    };
    let document = value.get("CFDocument").unwrap_or(&Value::Null);
    let (reference, title, level_item) = match chosen {
        Some(item) => {
            let reference = text(item, "humanCodingScheme");
            let statement = text(item, "fullStatement");
            let title = statement
                .strip_prefix(reference.as_str())
                .map_or(statement.as_str(), str::trim)
                .to_owned();
            (reference, title, item)
        }
        None => (
            reference.map_or_else(|| text(document, "humanCodingScheme"), str::to_owned),
            text(document, "title"),
            document,
        ),
    };
    if reference.trim().is_empty() {
        return Err(selection(
            "the package names no standard reference (humanCodingScheme); give one with \
             --reference"
                .into(),
        ));
    }
    let mut warnings = Vec::new();
    let level = level_item
        .get("educationLevel")
        .and_then(Value::as_array)
        .and_then(|levels| levels.first())
        .and_then(Value::as_str)
        .and_then(|level| level.trim().parse::<u8>().ok())
        .filter(|level| (1..=8).contains(level))
        .unwrap_or_else(|| {
            warnings.push(format!(
                "the package gives no level for {reference}; it is taken as Level 4"
            ));
            4
        });
    let place: HashMap<&str, (&str, u64)> = associations
        .iter()
        .filter(|a| a.get("associationType").and_then(Value::as_str) == Some("isChildOf"))
        .filter_map(|a| {
            let child = a.pointer("/originNodeURI/identifier")?.as_str()?;
            let parent = a.pointer("/destinationNodeURI/identifier")?.as_str()?;
            let sequence = a
                .get("sequenceNumber")
                .and_then(Value::as_u64)
                .unwrap_or(u64::MAX);
            Some((child, (parent, sequence)))
        })
        .collect();
    let parent_id = chosen.and_then(|item| item.get("identifier").and_then(Value::as_str));
    let mut ksbs: Vec<(u64, usize, Ksb)> = Vec::new();
    let mut skipped = 0;
    for (at, item) in items.iter().enumerate() {
        let Some(kind) = kind_of(&text(item, "CFItemType")) else {
            continue;
        };
        let identifier = item
            .get("identifier")
            .and_then(Value::as_str)
            .unwrap_or_default();
        let placed = place.get(identifier);
        if let Some(parent) = parent_id
            && placed.is_none_or(|(p, _)| *p != parent)
        {
            continue;
        }
        let statement = text(item, "fullStatement");
        let coded = text(item, "humanCodingScheme");
        let code = coded
            .strip_prefix(reference.as_str())
            .map_or(coded.as_str(), str::trim)
            .to_owned();
        if statement.is_empty() || code.is_empty() {
            skipped += 1;
            continue;
        }
        ksbs.push((
            placed.map_or(u64::MAX, |(_, sequence)| *sequence),
            at,
            Ksb {
                id: KsbId::new(ksb_id(&reference, &code)),
                kind,
                code,
                text: statement,
            },
        ));
    }
    if skipped > 0 {
        warnings.push(format!(
            "{} without a statement or a code left out",
            counted(skipped, "KSB item", "KSB items")
        ));
    }
    if ksbs.is_empty() {
        return Err(selection(format!(
            "the package holds no Knowledge, Skill or Behaviour item for {reference}"
        )));
    }
    ksbs.sort_by_key(|(sequence, at, _)| (*sequence, *at));
    Ok(StandardFile {
        standard: Standard {
            id: StandardId::new(standard_id(&reference)),
            reference,
            title,
            level,
            version: String::new(),
            illustrative: false,
            summary: String::new(),
            ksbs: ksbs.into_iter().map(|(_, _, ksb)| ksb).collect(),
            duties: Vec::new(),
            options: Vec::new(),
        },
        warnings,
    })
}

/// The KSB kind a CASE item type names, if any.
fn kind_of(item_type: &str) -> Option<KsbKind> {
    match item_type.trim().to_ascii_lowercase().as_str() {
        "knowledge" => Some(KsbKind::Knowledge),
        "skill" | "skills" => Some(KsbKind::Skill),
        "behaviour" | "behavior" | "behaviours" => Some(KsbKind::Behaviour),
        _ => None,
    }
}
