//! Claimed occupations: the KSBs each occupation the qualification claims needs, the rules
//! about claims, and coverage per occupation across every valid programme.
//!
//! An occupation is a claimed standard, or for a core-and-options standard its core plus one
//! claimed option. Approval needs every valid programme to reach at least one claimed
//! occupation, and each claimed occupation to be reachable by some programme. Programmes are
//! counted, never enumerated: one pass of [`Programmes::count_reaching`] over every
//! occupation's "take at least one of these units" classes, one per distinct set of covering
//! units.

use super::pathways::{PathwayReport, PathwayStatus, covering_units};
use super::programme::{Programmes, Reaching};
use super::{Finding, FindingKind, Location};
use crate::model::{Curriculum, KsbId, Standard, StandardId, UnitId};
use crate::words::counted;
use std::collections::{BTreeSet, HashMap, HashSet};

/// The kind of every finding made here.
const KIND: FindingKind = FindingKind::Coverage;

/// One occupation the qualification claims.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Occupation {
    /// The standard.
    pub standard: StandardId,
    /// The option claimed, for a core-and-options standard.
    pub option: Option<String>,
    /// "ST0950 Healthcare engineering specialist technician (Healthcare medical devices
    /// technician)".
    pub name: String,
    /// The KSBs competence needs: every KSB of a standard without options, the core and the
    /// option's own KSBs otherwise, less those the qualification leaves out of scope.
    pub ksbs: Vec<KsbId>,
    /// The KSBs it would need that the qualification leaves out of scope.
    pub out_of_scope: Vec<KsbId>,
}

/// The occupations `doc` claims, in claim order. A claim naming no option of a standard that
/// has options stands for the whole standard (and [`check`] asks for the option).
pub fn claimed(doc: &Curriculum) -> Vec<Occupation> {
    let excluded: HashSet<&KsbId> = doc
        .qualification
        .out_of_scope
        .iter()
        .map(|o| &o.ksb)
        .collect();
    let occupation = |standard: StandardId, option, name, needed: Vec<KsbId>| {
        let (out_of_scope, ksbs) = needed.into_iter().partition(|k| excluded.contains(k));
        Occupation {
            standard,
            option,
            name,
            ksbs,
            out_of_scope,
        }
    };
    let mut out = Vec::new();
    for claim in &doc.qualification.claims {
        let Some(standard) = doc.standard(&claim.standard) else {
            continue;
        };
        let name = format!("{} {}", standard.reference.trim(), standard.title.trim());
        if claim.options.is_empty() {
            let every = standard.ksbs.iter().map(|k| k.id.clone()).collect();
            out.push(occupation(standard.id.clone(), None, name, every));
            continue;
        }
        for title in &claim.options {
            let Some(option) = standard.options.iter().find(|o| &o.title == title) else {
                continue;
            };
            out.push(occupation(
                standard.id.clone(),
                Some(title.clone()),
                format!("{name} ({})", title.trim()),
                option_ksbs(standard, &option.ksbs),
            ));
        }
    }
    out
}

/// The core of `standard` (every KSB no option lists as its own) and `own`, in standard order.
fn option_ksbs(standard: &Standard, own: &[KsbId]) -> Vec<KsbId> {
    let optional: HashSet<&KsbId> = standard.options.iter().flat_map(|o| &o.ksbs).collect();
    let own: HashSet<&KsbId> = own.iter().collect();
    standard
        .ksbs
        .iter()
        .filter(|k| !optional.contains(&k.id) || own.contains(&k.id))
        .map(|k| k.id.clone())
        .collect()
}

/// Every KSB some claimed occupation needs: the only KSBs whose coverage is checked.
pub fn claimed_ksbs(doc: &Curriculum) -> HashSet<KsbId> {
    claimed(doc).into_iter().flat_map(|o| o.ksbs).collect()
}

/// How the valid programmes reach one claimed occupation.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct OccupationCoverage {
    /// The occupation.
    pub occupation: Occupation,
    /// How many valid programmes there are, and how many of them reach the occupation;
    /// `None` when there are too many to count in 128 bits or the solver gave up.
    pub counts: Option<(u128, u128)>,
    /// A valid programme that does not reach it, and the KSBs it misses, when one exists.
    pub missed_by: Option<(Vec<UnitId>, Vec<KsbId>)>,
    /// KSBs no programme covers (no outcome maps to them, or only partially with no reason).
    pub uncovered: Vec<KsbId>,
}

impl OccupationCoverage {
    /// Whether every valid programme reaches the occupation.
    pub fn met_everywhere(&self) -> bool {
        self.uncovered.is_empty() && self.missed_by.is_none()
    }

    /// Whether some valid programme reaches it; `None` when not known.
    pub fn reachable(&self) -> Option<bool> {
        if !self.uncovered.is_empty() {
            return Some(false);
        }
        if self.missed_by.is_none() {
            return Some(true);
        }
        self.counts.map(|(_, reaching)| reaching > 0)
    }

    /// How the valid programmes reach the occupation, in words: "met in every pathway (405
    /// pathways)", "met in 126 of 162 pathways; a learner taking 4001, ... misses S6", "met in
    /// no pathway: no outcome covers B4".
    pub fn summary(&self, doc: &Curriculum) -> String {
        if !self.uncovered.is_empty() {
            return format!(
                "met in no pathway: no outcome covers {}",
                ksb_codes(doc, &self.uncovered)
            );
        }
        let share = match self.counts {
            Some((all, _)) if self.met_everywhere() => {
                format!(
                    "met in every pathway ({})",
                    counted(all, "pathway", "pathways")
                )
            }
            Some((all, reaching)) => {
                format!(
                    "met in {reaching} of {}",
                    counted(all, "pathway", "pathways")
                )
            }
            None if self.met_everywhere() => "met in every pathway".to_owned(),
            None => "not met in every pathway (too many pathways to count)".to_owned(),
        };
        match &self.missed_by {
            Some((units, ksbs)) => format!(
                "{share}; a learner taking {} misses {}",
                unit_numbers(doc, units),
                ksb_codes(doc, ksbs)
            ),
            None => share,
        }
    }
}

/// Coverage of every claimed occupation, and how many valid programmes reach none of them.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct OccupationReport {
    /// One entry per claimed occupation, in claim order.
    pub occupations: Vec<OccupationCoverage>,
    /// How many valid programmes reach no claimed occupation; `None` when not counted.
    pub reaching_none: Option<u128>,
}

/// Coverage of every occupation `doc` claims, with the rules compiled in `programmes` and
/// the per-KSB answers of `pathways`.
pub(crate) fn report(
    doc: &Curriculum,
    programmes: &Programmes,
    pathways: &PathwayReport,
) -> OccupationReport {
    let optional_position = programmes.optional_positions();
    let covering = covering_units(doc);
    let status: HashMap<&KsbId, &PathwayStatus> =
        pathways.ksbs.iter().map(|k| (&k.ksb, &k.status)).collect();
    let mut found: Vec<(Occupation, Vec<KsbId>, Vec<Vec<usize>>)> = Vec::new();
    for occupation in claimed(doc) {
        let mut uncovered = Vec::new();
        let mut classes = BTreeSet::new();
        for ksb in &occupation.ksbs {
            let units = covering.get(ksb).map(Vec::as_slice).unwrap_or_default();
            let missable = matches!(status.get(ksb), Some(PathwayStatus::SomePathways { .. }));
            if units.is_empty() {
                uncovered.push(ksb.clone());
            } else if missable {
                // A KSB every valid programme meets narrows no count, so only the ones some
                // programme misses become classes.
                let class: BTreeSet<usize> = units
                    .iter()
                    .filter_map(|u| optional_position.get(u).copied())
                    .collect();
                classes.insert(class.into_iter().collect::<Vec<_>>());
            }
        }
        found.push((
            occupation,
            uncovered,
            minimal(classes.into_iter().collect()),
        ));
    }
    // Only occupations every KSB of which some outcome covers can be reached at all.
    let reachable: Vec<Vec<Vec<usize>>> = found
        .iter()
        .filter(|(_, uncovered, _)| uncovered.is_empty())
        .map(|(_, _, classes)| classes.clone())
        .collect();
    let reaching = if pathways.any_valid_programme {
        programmes.count_reaching(&reachable)
    } else {
        Some(Reaching {
            all: 0,
            each: vec![0; reachable.len()],
            none: 0,
        })
    };
    let mut reached = reaching.iter().flat_map(|r| r.each.iter().copied());
    let occupations: Vec<OccupationCoverage> = found
        .into_iter()
        .map(|(occupation, uncovered, _)| {
            let missed_by = occupation
                .ksbs
                .iter()
                .find_map(|ksb| match status.get(ksb) {
                    Some(PathwayStatus::SomePathways { witness }) => Some(witness.clone()),
                    _ => None,
                });
            let missed_by = missed_by.map(|witness| {
                let taken: HashSet<usize> = witness
                    .iter()
                    .filter_map(|id| doc.units.iter().position(|u| &u.id == id))
                    .collect();
                let missed = occupation
                    .ksbs
                    .iter()
                    .filter(|ksb| {
                        let units = covering.get(*ksb).map(Vec::as_slice).unwrap_or_default();
                        !units.iter().any(|u| taken.contains(u))
                    })
                    .cloned()
                    .collect();
                (witness, missed)
            });
            let counts = reaching.as_ref().and_then(|r| {
                let count = if uncovered.is_empty() {
                    reached.next()?
                } else {
                    0
                };
                Some((r.all, count))
            });
            OccupationCoverage {
                occupation,
                counts,
                missed_by,
                uncovered,
            }
        })
        .collect();
    let met_everywhere = occupations.iter().any(OccupationCoverage::met_everywhere);
    let reaching_none = if met_everywhere || !pathways.any_valid_programme {
        Some(0)
    } else {
        reaching.map(|r| r.none)
    };
    OccupationReport {
        occupations,
        reaching_none,
    }
}

/// `classes` without those that hold another (taking a unit of the smaller one takes one of
/// the larger), sorted and without repeats.
fn minimal(mut classes: Vec<Vec<usize>>) -> Vec<Vec<usize>> {
    classes.sort_unstable_by(|a, b| a.len().cmp(&b.len()).then_with(|| a.cmp(b)));
    classes.dedup();
    let mut kept: Vec<Vec<usize>> = Vec::new();
    for class in classes {
        let holds_a_kept_one = kept
            .iter()
            .any(|smaller| smaller.iter().all(|u| class.binary_search(u).is_ok()));
        if !holds_a_kept_one {
            kept.push(class);
        }
    }
    kept
}

/// The rules about claims, and the per-occupation findings of `report`.
pub(crate) fn check(doc: &Curriculum, report: &OccupationReport, out: &mut Vec<Finding>) {
    claims(doc, out);
    if report.occupations.len() < 2 {
        // One occupation: every programme must reach it, which the per-KSB findings say.
        for entry in &report.occupations {
            if let Some(false) = entry.reachable() {
                unreachable(doc, entry, out);
            }
        }
        return;
    }
    for entry in &report.occupations {
        match entry.reachable() {
            Some(false) => unreachable(doc, entry, out),
            _ if entry.met_everywhere() => {}
            _ => {
                let share = match entry.counts {
                    Some((all, reaching)) => format!(
                        "met in {reaching} of {}",
                        counted(all, "pathway", "pathways")
                    ),
                    None => "not met in every pathway".into(),
                };
                let example = entry
                    .missed_by
                    .as_ref()
                    .map_or(String::new(), |(units, ksbs)| {
                        format!(
                            "; a learner taking {} misses {}",
                            unit_numbers(doc, units),
                            ksb_codes(doc, ksbs)
                        )
                    });
                out.push(Finding::hint(
                    KIND,
                    Location::Standard(entry.occupation.standard.clone()),
                    format!("{} is {share}{example}", entry.occupation.name),
                ));
            }
        }
    }
    if report
        .occupations
        .iter()
        .any(OccupationCoverage::met_everywhere)
    {
        return;
    }
    match report.reaching_none {
        Some(0) => {}
        Some(none) => out.push(Finding::error(
            KIND,
            Location::Qualification,
            format!(
                "{} reach none of the claimed occupations: every combination of units must \
                 lead to competence in at least one",
                counted(none, "valid programme", "valid programmes")
            ),
        )),
        None => out.push(Finding::warning(
            KIND,
            Location::Qualification,
            "no claimed occupation is met in every pathway, and there are too many programmes \
             to count whether each reaches at least one; check the pathways by hand",
        )),
    }
}

/// An occupation no valid programme reaches.
fn unreachable(doc: &Curriculum, entry: &OccupationCoverage, out: &mut Vec<Finding>) {
    let why = if entry.uncovered.is_empty() {
        "no valid programme covers all of its KSBs together".to_owned()
    } else {
        format!(
            "{} {} no outcome covering {} (a partial mapping counts only with a reason)",
            ksb_codes(doc, &entry.uncovered),
            if entry.uncovered.len() == 1 {
                "has"
            } else {
                "have"
            },
            if entry.uncovered.len() == 1 {
                "it"
            } else {
                "them"
            },
        )
    };
    out.push(Finding::error(
        KIND,
        Location::Standard(entry.occupation.standard.clone()),
        format!(
            "no learner reaches {}, which the qualification claims: {why}",
            entry.occupation.name
        ),
    ));
}

/// Claims name standards and options of the file, name an option where the standard has
/// them, and suit a Level 4/5 qualification; a file with standards claims one of them.
fn claims(doc: &Curriculum, out: &mut Vec<Finding>) {
    let q = &doc.qualification;
    for entry in &q.out_of_scope {
        let Some((standard, ksb)) = doc.ksb(&entry.ksb) else {
            continue;
        };
        if entry.reason.trim().is_empty() {
            out.push(Finding::warning(
                KIND,
                Location::Ksb(entry.ksb.clone()),
                format!(
                    "{} ({}) is out of scope with no reason; say why, for example \
                     \"delivered in the workplace\"",
                    ksb.code, standard.reference
                ),
            ));
        }
    }
    if q.claims.is_empty() && !doc.standards.is_empty() {
        out.push(Finding::warning(
            KIND,
            Location::Qualification,
            "the qualification claims no occupation: claim the standard (and option) it is \
             submitted against; the other standards are for reference",
        ));
    }
    let claimed: HashSet<&StandardId> = q.claims.iter().map(|c| &c.standard).collect();
    for standard in &doc.standards {
        if !q.claims.is_empty() && !claimed.contains(&standard.id) {
            out.push(Finding::hint(
                KIND,
                Location::Standard(standard.id.clone()),
                format!(
                    "{} is here for reference only: the qualification does not claim it, so \
                     its coverage is not checked",
                    standard.reference.trim()
                ),
            ));
        }
    }
    for claim in &q.claims {
        let Some(standard) = doc.standard(&claim.standard) else {
            out.push(Finding::error(
                KIND,
                Location::Qualification,
                format!(
                    "the qualification claims \"{}\", which is not a standard in this file",
                    claim.standard
                ),
            ));
            continue;
        };
        let here = Location::Standard(standard.id.clone());
        let reference = standard.reference.trim();
        for option in &claim.options {
            if !standard.options.iter().any(|o| &o.title == option) {
                out.push(Finding::error(
                    KIND,
                    here.clone(),
                    format!("the qualification claims the option \"{option}\", which {reference} does not have"),
                ));
            }
        }
        if claim.options.is_empty() && !standard.options.is_empty() {
            out.push(Finding::error(
                KIND,
                here.clone(),
                format!(
                    "{reference} is a core-and-options standard: name the option the \
                     qualification claims ({}); until then every KSB of every option counts",
                    standard
                        .options
                        .iter()
                        .map(|o| format!("\"{}\"", o.title))
                        .collect::<Vec<_>>()
                        .join(", ")
                ),
            ));
        }
        if standard.level < 4 {
            out.push(Finding::warning(
                KIND,
                here.clone(),
                format!(
                    "{reference} is a Level {} occupation; HTQs are approved against Level 4 \
                     and 5 occupations",
                    standard.level
                ),
            ));
        } else if standard.level > q.level {
            out.push(Finding::warning(
                KIND,
                here,
                format!(
                    "{reference} is a Level {} occupation, above this Level {} qualification; \
                     HTQs align to occupations at their own level",
                    standard.level, q.level
                ),
            ));
        }
    }
}

/// Unit numbers (or ids) of `units`, comma separated; "no units" when empty.
pub fn unit_numbers(doc: &Curriculum, units: &[UnitId]) -> String {
    if units.is_empty() {
        return "no units".into();
    }
    units
        .iter()
        .map(|id| match doc.unit(id) {
            Some(unit) if !unit.number.trim().is_empty() => unit.number.trim(),
            _ => id.as_str(),
        })
        .collect::<Vec<_>>()
        .join(", ")
}

/// KSB codes of `ksbs`, comma separated, runs of three or more written as a range
/// ("K1–K7, K9, S1, S2").
pub fn ksb_codes(doc: &Curriculum, ksbs: &[KsbId]) -> String {
    let codes: Vec<&str> = ksbs
        .iter()
        .map(|id| {
            doc.ksb(id)
                .map_or(id.as_str(), |(_, ksb)| ksb.code.as_str())
        })
        .collect();
    codes_with_ranges(&codes)
}

/// `codes` comma separated, each run of three or more consecutive numbers with one prefix
/// written as a range.
fn codes_with_ranges(codes: &[&str]) -> String {
    let split = |code: &str| -> Option<(String, u64)> {
        let prefix = code.trim_end_matches(|c: char| c.is_ascii_digit());
        Some((prefix.to_owned(), code[prefix.len()..].parse().ok()?))
    };
    let mut parts: Vec<String> = Vec::new();
    let mut at = 0;
    while at < codes.len() {
        let mut end = at;
        if let Some((prefix, first)) = split(codes[at]) {
            while end + 1 < codes.len()
                && split(codes[end + 1]) == Some((prefix.clone(), first + (end + 1 - at) as u64))
            {
                end += 1;
            }
        }
        if end - at >= 2 {
            parts.push(format!("{}\u{2013}{}", codes[at], codes[end]));
        } else {
            parts.extend(codes[at..=end].iter().map(|c| (*c).to_owned()));
        }
        at = end + 1;
    }
    parts.join(", ")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn runs_of_codes_are_written_as_ranges() {
        let codes = [
            "K1", "K2", "K3", "K5", "S1", "S2", "B1", "B2", "B3", "B4", "K12x",
        ];
        assert_eq!(codes_with_ranges(&codes), "K1–K3, K5, S1, S2, B1–B4, K12x");
        assert_eq!(codes_with_ranges(&["K3", "K2", "K1"]), "K3, K2, K1");
        assert_eq!(codes_with_ranges(&[]), "");
    }
}
