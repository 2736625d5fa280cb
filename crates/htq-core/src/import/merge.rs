//! Merging an imported standard into a curriculum as one undoable [`Edit`], and the report of
//! what happened to the mappings when a newer version replaces an older one.
//!
//! A re-import keeps a mapping when its KSB is still in the standard: first by identical text
//! (so a statement that was only renumbered follows its text), then by the same kind and code
//! (a reworded statement keeps its mappings, flagged for review). Other mappings are dropped
//! and listed with the reason. The claim on the standard stays (less any option the new
//! version no longer has), and the report says, per claimed occupation, which KSBs lose
//! their coverage. A first import into a qualification that claims nothing claims it.

use super::ImportError;
use crate::analysis::{claimed, ksb_codes};
use crate::model::{
    Claim, Curriculum, Edit, Ksb, KsbId, Mapping, OutcomeId, Standard, StandardId, fresh_id,
    outcome_label,
};
use crate::words::counted;
use std::cmp::Ordering;
use std::collections::{HashMap, HashSet};

/// A mapping carried over to the new version of a standard.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct KeptMapping {
    /// The learning outcome, e.g. "4001 LO2".
    pub outcome: String,
    /// Code of the KSB in the old version.
    pub old_code: String,
    /// Code of the KSB in the new version.
    pub new_code: String,
    /// True when the statement's wording changed: the mapping deserves a second look.
    pub reworded: bool,
}

/// A mapping that could not be carried over.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DroppedMapping {
    /// The learning outcome, e.g. "4001 LO2".
    pub outcome: String,
    /// Code of the KSB in the old version.
    pub ksb_code: String,
    /// Why it was dropped.
    pub reason: String,
}

/// What an import did, for the designer to read before saving.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct ImportReport {
    /// Reference of the standard, e.g. "ST0220".
    pub reference: String,
    /// Title of the occupation.
    pub title: String,
    /// Version imported.
    pub version: String,
    /// Version replaced, when the curriculum already had this standard.
    pub replaced_version: Option<String>,
    /// Codes of KSBs new to the curriculum (all of them on a first import).
    pub added_ksbs: Vec<String>,
    /// Codes of KSBs of the old version with no counterpart in the new one.
    pub removed_ksbs: Vec<String>,
    /// Mappings carried over to the new version, in the new standard's KSB order.
    pub kept_mappings: Vec<KeptMapping>,
    /// Mappings dropped because their KSB is gone, in the old standard's KSB order.
    pub dropped_mappings: Vec<DroppedMapping>,
    /// Whether the import claimed the standard, the qualification having claimed nothing.
    pub claimed: bool,
    /// Per claimed occupation of the standard, what the new version takes away: KSBs no
    /// outcome covers any more, or an option that is gone. One sentence each.
    pub lost_coverage: Vec<String>,
}

impl ImportReport {
    /// A plain-language account of the import, several lines long.
    pub fn summary(&self) -> String {
        let version = |v: &str| {
            if v.is_empty() {
                "unversioned".to_owned()
            } else {
                format!("version {v}")
            }
        };
        let mut lines = Vec::new();
        match &self.replaced_version {
            None => {
                lines.push(format!(
                    "Added {} {} ({}) with {}.",
                    self.reference,
                    self.title,
                    version(&self.version),
                    counted(self.added_ksbs.len(), "KSB", "KSBs")
                ));
                if self.claimed {
                    lines.push(format!(
                        "The qualification claimed no occupation, so it now claims {}; change \
                         this in the qualification's details.",
                        self.reference
                    ));
                }
            }
            Some(old) => {
                lines.push(format!(
                    "Updated {} {} from {} to {}.",
                    self.reference,
                    self.title,
                    version(old),
                    version(&self.version)
                ));
                if version_order(&self.version, old) == Some(Ordering::Less) {
                    lines.push(format!(
                        "Note: {} is older than the {} it replaces.",
                        version(&self.version),
                        version(old)
                    ));
                }
                lines.extend(self.lost_coverage.iter().cloned());
                if !self.added_ksbs.is_empty() {
                    lines.push(format!("New KSBs: {}.", self.added_ksbs.join(", ")));
                }
                if !self.removed_ksbs.is_empty() {
                    lines.push(format!(
                        "KSBs no longer in the standard: {}.",
                        self.removed_ksbs.join(", ")
                    ));
                }
                lines.push(format!(
                    "Kept {}.",
                    counted(self.kept_mappings.len(), "mapping", "mappings")
                ));
                let renumbered = grouped(
                    self.kept_mappings
                        .iter()
                        .filter(|k| k.old_code != k.new_code)
                        .map(|k| (format!("{} is now {}", k.old_code, k.new_code), &k.outcome)),
                );
                let reworded = grouped(self.kept_mappings.iter().filter(|k| k.reworded).map(|k| {
                    (
                        format!("{} was reworded; check its mappings", k.new_code),
                        &k.outcome,
                    )
                }));
                for (change, outcomes) in renumbered.into_iter().chain(reworded) {
                    lines.push(format!("  {change}: {}.", outcomes.join(", ")));
                }
                lines.push(format!(
                    "Dropped {}.",
                    counted(self.dropped_mappings.len(), "mapping", "mappings")
                ));
                for dropped in &self.dropped_mappings {
                    lines.push(format!(
                        "  {} to {}: {}.",
                        dropped.outcome, dropped.ksb_code, dropped.reason
                    ));
                }
            }
        }
        lines.join("\n")
    }
}

/// Outcomes gathered under each change, changes in order of first appearance.
fn grouped<'a>(items: impl Iterator<Item = (String, &'a String)>) -> Vec<(String, Vec<&'a str>)> {
    let mut groups: Vec<(String, Vec<&str>)> = Vec::new();
    for (change, outcome) in items {
        match groups.iter_mut().find(|(c, _)| *c == change) {
            Some((_, outcomes)) => outcomes.push(outcome),
            None => groups.push((change, vec![outcome])),
        }
    }
    groups
}

/// Builds the edit that adds `standard` to `doc`, or replaces the standard with the same
/// reference (a newer version), carrying over the mappings whose KSBs still exist.
///
/// KSB ids become readable and unique in `doc` ("st0220-k1"; "st0220-k1-1" if taken). On a
/// re-import the standard keeps its id and mappings keep their place in the mapping list.
/// `doc` is not changed: apply the returned edit (its inverse undoes the whole import).
pub fn import_into(
    doc: &Curriculum,
    standard: Standard,
) -> Result<(Edit, ImportReport), ImportError> {
    let existing = doc.standards.iter().enumerate().find(|(_, old)| {
        old.reference
            .trim()
            .eq_ignore_ascii_case(standard.reference.trim())
    });
    let (edit, mut report) = match existing {
        None => first_import(doc, standard),
        Some((index, old)) => re_import(doc, index, old, standard),
    };
    let mut after = doc.clone();
    after
        .apply(edit.clone())
        .map_err(|error| ImportError::Merge {
            reference: report.reference.clone(),
            message: error.to_string(),
        })?;
    if let Some((_, old)) = existing {
        report.lost_coverage = lost_coverage(doc, &after, old);
    }
    Ok((edit, report))
}

/// Versions such as "1.10" and "1.9" compared as major.minor integers; `None` when either is
/// not a version of that form.
pub fn version_order(a: &str, b: &str) -> Option<Ordering> {
    let parts = |v: &str| -> Option<Vec<u64>> {
        v.trim()
            .trim_start_matches(['v', 'V'])
            .split('.')
            .map(|part| part.trim().parse().ok())
            .collect()
    };
    let (a, b) = (parts(a)?, parts(b)?);
    let at = |v: &[u64], i: usize| v.get(i).copied().unwrap_or(0);
    let length = a.len().max(b.len());
    Some(
        (0..length)
            .map(|i| at(&a, i).cmp(&at(&b, i)))
            .find(|o| o.is_ne())
            .unwrap_or(Ordering::Equal),
    )
}

/// For each occupation claimed on `old`'s standard, what `after` takes away: the KSBs it
/// needs that an outcome covered before and none does now, or the claimed option gone.
fn lost_coverage(before: &Curriculum, after: &Curriculum, old: &Standard) -> Vec<String> {
    let covered = |doc: &Curriculum| -> HashSet<KsbId> {
        crate::analysis::covering_units(doc).into_keys().collect()
    };
    let (covered_before, covered_after) = (covered(before), covered(after));
    let old_codes: HashSet<&String> = old.ksbs.iter().map(|k| &k.code).collect();
    let was_covered: HashSet<&String> = old
        .ksbs
        .iter()
        .filter(|k| covered_before.contains(&k.id))
        .map(|k| &k.code)
        .collect();
    let now: Vec<_> = claimed(after)
        .into_iter()
        .filter(|o| o.standard == old.id)
        .collect();
    let mut lines = Vec::new();
    for occupation in claimed(before).into_iter().filter(|o| o.standard == old.id) {
        let Some(current) = now.iter().find(|o| o.option == occupation.option) else {
            lines.push(format!(
                "{} loses its claim: the option is not in the new version.",
                occupation.name
            ));
            continue;
        };
        // KSBs it needs that no outcome covers now: lost when their code was covered in the
        // old version, new needs when the old version had no such code.
        let (lost, new_needs): (Vec<KsbId>, Vec<KsbId>) = current
            .ksbs
            .iter()
            .filter(|id| !covered_after.contains(*id))
            .filter_map(|id| Some((id.clone(), after.ksb(id)?.1.code.clone())))
            .filter(|(_, code)| was_covered.contains(code) || !old_codes.contains(code))
            .map(|(id, code)| (id, was_covered.contains(&code)))
            .fold(
                (Vec::new(), Vec::new()),
                |(mut lost, mut new), (id, was)| {
                    if was {
                        lost.push(id)
                    } else {
                        new.push(id)
                    }
                    (lost, new)
                },
            );
        if !lost.is_empty() {
            lines.push(format!(
                "{} loses coverage of {}: no outcome covers {} now.",
                current.name,
                ksb_codes(after, &lost),
                if lost.len() == 1 { "it" } else { "them" }
            ));
        }
        if !new_needs.is_empty() {
            lines.push(format!(
                "{} now also needs {}, which no outcome covers yet.",
                current.name,
                ksb_codes(after, &new_needs)
            ));
        }
    }
    lines
}

fn first_import(doc: &Curriculum, standard: Standard) -> (Edit, ImportReport) {
    let taken = |candidate: &str| doc.id_taken(candidate);
    let id = unique(standard.id.as_str(), &taken, &HashSet::new());
    let standard = with_unique_ids(standard, StandardId::new(id), &taken);
    let claims = doc.qualification.claims.is_empty();
    let report = ImportReport {
        reference: standard.reference.clone(),
        title: standard.title.clone(),
        version: standard.version.clone(),
        added_ksbs: standard.ksbs.iter().map(|k| k.code.clone()).collect(),
        claimed: claims,
        ..ImportReport::default()
    };
    let claim = Claim {
        standard: standard.id.clone(),
        options: Vec::new(),
    };
    let insert = Edit::InsertStandard {
        index: doc.standards.len(),
        standard: Box::new(standard),
    };
    let edit = if claims {
        Edit::Batch(vec![insert, Edit::SetClaims(vec![claim])])
    } else {
        insert
    };
    (edit, report)
}

fn re_import(
    doc: &Curriculum,
    index: usize,
    old: &Standard,
    standard: Standard,
) -> (Edit, ImportReport) {
    let freed: HashSet<&str> = std::iter::once(old.id.as_str())
        .chain(old.ksbs.iter().map(|k| k.id.as_str()))
        .collect();
    let taken = |candidate: &str| doc.id_taken(candidate) && !freed.contains(candidate);
    let new = with_unique_ids(standard, old.id.clone(), &taken);
    let counterparts = counterparts(&old.ksbs, &new.ksbs);

    let mut report = ImportReport {
        reference: new.reference.clone(),
        title: new.title.clone(),
        version: new.version.clone(),
        replaced_version: Some(old.version.clone()),
        added_ksbs: new
            .ksbs
            .iter()
            .filter(|k| !counterparts.values().any(|n| n.id == k.id))
            .map(|k| k.code.clone())
            .collect(),
        removed_ksbs: old
            .ksbs
            .iter()
            .filter(|k| !counterparts.contains_key(&k.id))
            .map(|k| k.code.clone())
            .collect(),
        ..ImportReport::default()
    };
    let old_ksbs: HashMap<&KsbId, (usize, &Ksb)> = old
        .ksbs
        .iter()
        .enumerate()
        .map(|(at, k)| (&k.id, (at, k)))
        .collect();
    let new_positions: HashMap<&KsbId, usize> = new
        .ksbs
        .iter()
        .enumerate()
        .map(|(at, k)| (&k.id, at))
        .collect();
    let mut restores = Vec::new();
    let mut kept = Vec::new();
    let mut dropped = Vec::new();
    for (position, mapping) in doc.mappings.iter().enumerate() {
        let Some(&(old_at, old_ksb)) = old_ksbs.get(&mapping.ksb) else {
            continue;
        };
        let outcome_at = doc.outcome_position(&mapping.outcome);
        let outcome = outcome_name(doc, &mapping.outcome);
        match counterparts.get(&old_ksb.id) {
            Some(new_ksb) => {
                let new_at = new_positions.get(&new_ksb.id).copied();
                let change = KeptMapping {
                    outcome,
                    old_code: old_ksb.code.clone(),
                    new_code: new_ksb.code.clone(),
                    reworded: normalised(&old_ksb.text) != normalised(&new_ksb.text),
                };
                kept.push(((new_at, outcome_at), change));
                restores.push(Edit::RestoreMapping {
                    index: position - dropped.len(),
                    mapping: Mapping {
                        ksb: new_ksb.id.clone(),
                        ..mapping.clone()
                    },
                });
            }
            None => {
                let reason = if new.version.is_empty() {
                    format!("{} is no longer in {}", old_ksb.code, new.reference)
                } else {
                    format!(
                        "{} is not in version {} of {}",
                        old_ksb.code, new.version, new.reference
                    )
                };
                let change = DroppedMapping {
                    outcome,
                    ksb_code: old_ksb.code.clone(),
                    reason,
                };
                dropped.push(((Some(old_at), outcome_at), change));
            }
        }
    }
    kept.sort_by_key(|(key, _)| *key);
    dropped.sort_by_key(|(key, _)| *key);
    report.kept_mappings = kept.into_iter().map(|(_, k)| k).collect();
    report.dropped_mappings = dropped.into_iter().map(|(_, d)| d).collect();
    let claims: Vec<Claim> = doc
        .qualification
        .claims
        .iter()
        .map(|claim| Claim {
            options: claim
                .options
                .iter()
                .filter(|o| claim.standard != old.id || new.options.iter().any(|n| &n.title == *o))
                .cloned()
                .collect(),
            ..claim.clone()
        })
        .collect();
    let mut edits = vec![
        Edit::RemoveStandard {
            standard: old.id.clone(),
        },
        Edit::InsertStandard {
            index,
            standard: Box::new(new),
        },
    ];
    edits.extend(restores);
    if doc
        .qualification
        .claims
        .iter()
        .any(|c| c.standard == old.id)
    {
        edits.push(Edit::SetClaims(claims));
    }
    (Edit::Batch(edits), report)
}

/// For each old KSB that survives, its counterpart in the new version: identical text first,
/// then the same kind and code among the KSBs not yet claimed.
fn counterparts<'a>(old: &[Ksb], new: &'a [Ksb]) -> HashMap<KsbId, &'a Ksb> {
    let mut claimed = vec![false; new.len()];
    let mut found = HashMap::new();
    for fits in [same_text, same_code] {
        for ksb in old {
            if found.contains_key(&ksb.id) {
                continue;
            }
            let hit = new
                .iter()
                .zip(claimed.iter_mut())
                .find(|(candidate, claimed)| !**claimed && fits(ksb, candidate));
            if let Some((candidate, claimed)) = hit {
                *claimed = true;
                found.insert(ksb.id.clone(), candidate);
            }
        }
    }
    found
}

fn same_text(a: &Ksb, b: &Ksb) -> bool {
    normalised(&a.text) == normalised(&b.text)
}

fn same_code(a: &Ksb, b: &Ksb) -> bool {
    a.kind == b.kind && a.code.eq_ignore_ascii_case(&b.code)
}

/// Text compared without regard to case, spacing or a final full stop.
fn normalised(text: &str) -> String {
    text.split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .trim_end_matches('.')
        .to_lowercase()
}

/// `standard` with id `id` and every KSB id readable and free under `taken`, with its duties
/// and options following the new ids.
fn with_unique_ids(
    mut standard: Standard,
    id: StandardId,
    taken: &dyn Fn(&str) -> bool,
) -> Standard {
    let mut chosen: HashSet<String> = HashSet::from([id.0.clone()]);
    let mut renamed: HashMap<KsbId, KsbId> = HashMap::new();
    for ksb in &mut standard.ksbs {
        let preferred = super::ksb_id(&standard.reference, &ksb.code);
        let fresh = KsbId::new(unique(&preferred, taken, &chosen));
        chosen.insert(fresh.0.clone());
        renamed
            .entry(ksb.id.clone())
            .or_insert_with(|| fresh.clone());
        ksb.id = fresh;
    }
    let rename = |ids: &mut Vec<KsbId>| {
        for ksb in ids.iter_mut() {
            if let Some(new) = renamed.get(ksb) {
                ksb.clone_from(new);
            }
        }
    };
    standard.duties.iter_mut().for_each(|d| rename(&mut d.ksbs));
    standard
        .options
        .iter_mut()
        .for_each(|o| rename(&mut o.ksbs));
    standard.id = id;
    standard
}

/// `preferred` if free, else `preferred-1`, `preferred-2`, ...
fn unique(preferred: &str, taken: &dyn Fn(&str) -> bool, chosen: &HashSet<String>) -> String {
    let free = |candidate: &str| !taken(candidate) && !chosen.contains(candidate);
    if free(preferred) {
        preferred.to_owned()
    } else {
        fresh_id(&format!("{preferred}-"), |candidate| !free(candidate))
    }
}

/// "4001 LO2" for an outcome, or its id if it is not in the curriculum.
fn outcome_name(doc: &Curriculum, outcome: &OutcomeId) -> String {
    doc.outcome_position(outcome)
        .and_then(|(u, o)| doc.units.get(u).map(|unit| (unit, o)))
        .map_or_else(
            || outcome.to_string(),
            |(unit, o)| format!("{} {}", unit.number, outcome_label(o)),
        )
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::KsbKind;

    fn ksb(id: &str, code: &str, text: &str) -> Ksb {
        Ksb {
            id: id.into(),
            kind: KsbKind::Knowledge,
            code: code.into(),
            text: text.into(),
        }
    }

    #[test]
    fn identical_text_wins_over_the_same_code() {
        let old = [
            ksb("a1", "K1", "Anatomy"),
            ksb("a2", "K2", "Removed statement"),
            ksb("a3", "K3", "Physiology."),
            ksb("a4", "K4", "Old wording"),
        ];
        let new = [
            ksb("b1", "K1", "anatomy"),
            ksb("b2", "K2", "  Physiology "),
            ksb("b3", "K3", "Brand new"),
            ksb("b4", "K4", "New wording"),
        ];
        let found = counterparts(&old, &new);
        let pair = |id: &str| found.get(&KsbId::from(id)).map(|k| k.id.as_str());
        assert_eq!(pair("a1"), Some("b1"));
        assert_eq!(pair("a3"), Some("b2"), "renumbered K3 follows its text");
        assert_eq!(pair("a2"), None, "K2 is taken by the renumbered statement");
        assert_eq!(pair("a4"), Some("b4"), "reworded K4 keeps its code");
    }

    #[test]
    fn a_taken_id_gets_the_next_free_suffix() {
        let taken = |c: &str| c == "st1-k1" || c == "st1-k1-1";
        let chosen = HashSet::from(["st1-k1-2".to_owned()]);
        assert_eq!(unique("st1-k1", &taken, &chosen), "st1-k1-3");
        assert_eq!(unique("st1-k2", &taken, &chosen), "st1-k2");
    }
}
