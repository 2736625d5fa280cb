//! Credit and combination rules: the qualification's shape for its kind, unit credits, levels
//! and guided learning hours, references and bounds in the rules of combination, units no
//! learner can take, and whether any valid programme exists at all.

use super::programme::{LevelCap, Programmes};
use super::repeats::tally;
use super::{Finding, FindingKind, Location};
use crate::model::{Curriculum, OptionalGroup, Unit, UnitId};
use crate::words::counted;
use std::collections::{HashMap, HashSet};

/// The kind of every finding made here.
const KIND: FindingKind = FindingKind::Rules;

/// Unit credits come in multiples of this.
const CREDIT_STEP: u32 = 15;
/// Guided learning hours per credit, about.
const GLH_PER_CREDIT: u32 = 4;
/// Total qualification time per credit, an upper bound on guided learning.
const TQT_PER_CREDIT: u32 = 10;

/// What the programme solver says about the rules of combination: the expensive part of the
/// credit rules, which depends only on the rules, the kind and total of the qualification and
/// the units' ids, credits, levels and order.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Solved {
    /// Whether any valid programme exists.
    any_valid_programme: bool,
    /// Per level the kind of qualification needs credits at, a valid programme with fewer.
    level_gaps: Vec<LevelGap>,
    /// Whether some query of the solver gave up at its memory budget, so that the answers
    /// above (and the pathway report) are not known to be exact.
    pub exceeded: bool,
}

/// A valid programme short of the credits the kind of qualification needs at a level.
#[derive(Debug, Clone, PartialEq)]
struct LevelGap {
    level: u8,
    needed: u32,
    /// Indices into `doc.units`, in unit order.
    programme: Vec<usize>,
}

/// Runs the programme solver for the combination rules; `any_valid_programme` is whether
/// [`Programmes::find`] found a programme with nothing excluded.
pub(crate) fn solve(
    doc: &Curriculum,
    programmes: &Programmes,
    any_valid_programme: bool,
) -> Solved {
    let level_gaps = if any_valid_programme {
        level_gaps(doc, programmes)
    } else {
        Vec::new()
    };
    Solved {
        any_valid_programme,
        level_gaps,
        exceeded: programmes.exceeded(),
    }
}

/// Runs every credit and combination rule, with the solver's part already in `solved`.
pub(crate) fn check(doc: &Curriculum, solved: &Solved, out: &mut Vec<Finding>) {
    let mandatory: HashSet<&UnitId> = doc.qualification.rules.mandatory.iter().collect();
    kind_shape(doc, out);
    references(doc, &mandatory, out);
    mandatory_total(doc, &mandatory, out);
    for group in &doc.qualification.rules.groups {
        group_bounds(doc, group, &mandatory, out);
    }
    level_rules(doc, out);
    if solved.exceeded {
        out.push(Finding::error(
            KIND,
            Location::Rules,
            format!(
                "the rules of combination allow more distinct part-programmes than the analysis \
                 can hold ({} values), so credit, level and pathway coverage are not checked; \
                 split large optional groups or give them tighter bounds",
                super::programme::MAX_VALUES
            ),
        ));
    } else if solved.any_valid_programme {
        level_shape(doc, &solved.level_gaps, out);
    } else {
        out.push(Finding::error(
            KIND,
            Location::Rules,
            "no valid combination of units exists: no learner can complete the qualification \
             under these rules of combination",
        ));
    }
    let taken = takeable(doc);
    for unit in &doc.units {
        unit_credits(unit, out);
        guided_learning(unit, out);
        unit_level(doc, unit, out);
        if !taken.contains(&unit.id) {
            out.push(Finding::warning(
                KIND,
                Location::Unit(unit.id.clone()),
                "no learner can take this unit: it is neither mandatory nor in an optional group",
            ));
        }
    }
}

fn takeable(doc: &Curriculum) -> HashSet<&UnitId> {
    let rules = &doc.qualification.rules;
    rules
        .mandatory
        .iter()
        .chain(rules.groups.iter().flat_map(|g| &g.units))
        .collect()
}

/// The level and total credits agree with the kind of qualification.
fn kind_shape(doc: &Curriculum, out: &mut Vec<Finding>) {
    let q = &doc.qualification;
    let expected = q.kind.expected_credits();
    let level = expected.iter().map(|(level, _)| *level).max().unwrap_or(4);
    if q.level != level {
        out.push(Finding::error(
            KIND,
            Location::Qualification,
            format!(
                "an {} is a Level {level} qualification, but the level is {}",
                q.kind, q.level
            ),
        ));
    }
    let total: u32 = expected.iter().map(|(_, credits)| credits).sum();
    if q.total_credits != total {
        out.push(Finding::error(
            KIND,
            Location::Qualification,
            format!(
                "an {} has {} ({}), but the total is {}",
                q.kind,
                counted(total, "credit", "credits"),
                expected
                    .iter()
                    .map(|(level, credits)| format!("{credits} at Level {level}"))
                    .collect::<Vec<_>>()
                    .join(" and "),
                q.total_credits
            ),
        ));
    }
}

/// Every unit the rules name exists, once per list; a mandatory unit is not also optional.
/// A unit named many times is reported once, with the count.
fn references(doc: &Curriculum, mandatory: &HashSet<&UnitId>, out: &mut Vec<Finding>) {
    let units: HashSet<&UnitId> = doc.units.iter().map(|u| &u.id).collect();
    let rules = &doc.qualification.rules;
    for (id, times) in tally(&rules.mandatory) {
        if !units.contains(id) {
            out.push(Finding::error(
                KIND,
                Location::Rules,
                format!(
                    "the mandatory units name \"{id}\", which is not a unit of this qualification"
                ),
            ));
        } else if times > 1 {
            out.push(Finding::warning(
                KIND,
                Location::Unit(id.clone()),
                format!(
                    "the list of mandatory units names this unit {}; once is enough",
                    counted(times, "time", "times")
                ),
            ));
        }
    }
    for group in &rules.groups {
        for (id, times) in tally(&group.units) {
            if !units.contains(id) {
                out.push(Finding::error(
                    KIND,
                    Location::Rules,
                    format!(
                        "group \"{}\" names \"{id}\", which is not a unit of this qualification",
                        group.title
                    ),
                ));
                continue;
            }
            if mandatory.contains(id) {
                out.push(Finding::warning(KIND, Location::Unit(id.clone()),
                    format!(
                        "the unit is mandatory and also in group \"{}\"; it counts towards that group's bounds for every learner",
                        group.title
                    ),
                ));
            }
            if times > 1 {
                out.push(Finding::warning(
                    KIND,
                    Location::Unit(id.clone()),
                    format!(
                        "group \"{}\" names this unit {}; once is enough",
                        group.title,
                        counted(times, "time", "times")
                    ),
                ));
            }
        }
        if group.units.is_empty() {
            out.push(Finding::warning(
                KIND,
                Location::Rules,
                format!("group \"{}\" has no units", group.title),
            ));
        }
    }
}

/// Mandatory units alone must fit in the total.
fn mandatory_total(doc: &Curriculum, mandatory: &HashSet<&UnitId>, out: &mut Vec<Finding>) {
    let credits: u64 = doc
        .units
        .iter()
        .filter(|u| mandatory.contains(&u.id))
        .map(|u| u64::from(u.credits))
        .sum();
    if credits > u64::from(doc.qualification.total_credits) {
        out.push(Finding::error(
            KIND,
            Location::Rules,
            format!(
                "mandatory units alone carry {}, more than the qualification's {}",
                counted(credits, "credit", "credits"),
                doc.qualification.total_credits
            ),
        ));
    }
}

/// A group's bounds must be satisfiable by some choice of its own units (its mandatory members
/// always count).
fn group_bounds(
    doc: &Curriculum,
    group: &OptionalGroup,
    mandatory: &HashSet<&UnitId>,
    out: &mut Vec<Finding>,
) {
    let at = |message: String| Finding::error(KIND, Location::Rules, message);
    let title = &group.title;
    if let (Some(min), Some(max)) = (group.min_credits, group.max_credits)
        && min > max
    {
        out.push(at(format!(
            "group \"{title}\" asks for at least {min} but at most {}",
            counted(max, "credit", "credits")
        )));
        return;
    }
    if let (Some(min), Some(max)) = (group.min_units, group.max_units)
        && min > max
    {
        out.push(at(format!(
            "group \"{title}\" asks for at least {min} but at most {}",
            counted(max, "unit", "units")
        )));
        return;
    }
    let members: HashSet<&UnitId> = group.units.iter().collect();
    let units: Vec<&Unit> = doc
        .units
        .iter()
        .filter(|u| members.contains(&u.id))
        .collect();
    // Reachable (credits, units) pairs; mandatory members are always taken.
    let mut reachable: HashSet<(u64, u64)> = HashSet::from([(0, 0)]);
    for unit in units {
        let add = (u64::from(unit.credits), 1);
        let taken: HashSet<(u64, u64)> = reachable
            .iter()
            .map(|(c, n)| (c + add.0, n + add.1))
            .collect();
        if mandatory.contains(&unit.id) {
            reachable = taken;
        } else {
            reachable.extend(taken);
        }
    }
    let within = |value: u64, min: Option<u32>, max: Option<u32>| {
        min.is_none_or(|m| value >= u64::from(m)) && max.is_none_or(|m| value <= u64::from(m))
    };
    let possible = reachable.iter().any(|&(credits, count)| {
        within(credits, group.min_credits, group.max_credits)
            && within(count, group.min_units, group.max_units)
    });
    if !possible {
        out.push(at(format!(
            "the bounds of group \"{title}\" ({}) can never be met by its units",
            describe_bounds(group)
        )));
    }
}

fn describe_bounds(group: &OptionalGroup) -> String {
    let bound = |what: &str, min: Option<u32>, max: Option<u32>| match (min, max) {
        (Some(a), Some(b)) if a == b => Some(format!("exactly {a} {what}")),
        (Some(a), Some(b)) => Some(format!("{a} to {b} {what}")),
        (Some(a), None) => Some(format!("at least {a} {what}")),
        (None, Some(b)) => Some(format!("at most {b} {what}")),
        (None, None) => None,
    };
    [
        bound("credits", group.min_credits, group.max_credits),
        bound("units", group.min_units, group.max_units),
    ]
    .into_iter()
    .flatten()
    .collect::<Vec<_>>()
    .join(", ")
}

/// A level rule names a level of the qualification and asks for no more credits than the
/// units at that level carry.
fn level_rules(doc: &Curriculum, out: &mut Vec<Finding>) {
    let mut available: HashMap<u8, u64> = HashMap::new();
    let taken = takeable(doc);
    for unit in doc.units.iter().filter(|u| taken.contains(&u.id)) {
        *available.entry(unit.level).or_default() += u64::from(unit.credits);
    }
    for rule in &doc.qualification.rules.level_credits {
        if !(4..=doc.qualification.level.max(4)).contains(&rule.level) {
            out.push(Finding::warning(KIND, Location::Rules,
                format!(
                    "a rule asks for credits at Level {}, which is not a level of this Level {} qualification",
                    rule.level, doc.qualification.level
                ),
            ));
        }
        let there = available.get(&rule.level).copied().unwrap_or(0);
        if u64::from(rule.min_credits) > there {
            out.push(Finding::error(KIND, Location::Rules,
                format!(
                    "a rule asks for at least {} at Level {}, but the units a learner can take at that level carry only {there}",
                    counted(rule.min_credits, "credit", "credits"),
                    rule.level
                ),
            ));
        }
    }
}

/// Per level the kind of qualification needs credits at, a valid programme with fewer.
fn level_gaps(doc: &Curriculum, programmes: &Programmes) -> Vec<LevelGap> {
    let none_excluded = vec![false; programmes.optional().len()];
    doc.qualification
        .kind
        .expected_credits()
        .iter()
        .filter_map(|&(level, needed)| {
            let caps = [LevelCap {
                level,
                credits: needed.checked_sub(1)?,
            }];
            let programme = programmes.find(&none_excluded, &caps)?;
            Some(LevelGap {
                level,
                needed,
                programme,
            })
        })
        .collect()
}

/// Every valid programme has the credits the kind of qualification needs at each level.
fn level_shape(doc: &Curriculum, gaps: &[LevelGap], out: &mut Vec<Finding>) {
    for gap in gaps {
        let level = gap.level;
        let at_level: u32 = gap
            .programme
            .iter()
            .filter_map(|&i| doc.units.get(i))
            .filter(|u| u.level == level)
            .map(|u| u.credits)
            .sum();
        let numbers: Vec<&str> = gap
            .programme
            .iter()
            .filter_map(|&i| doc.units.get(i))
            .map(|u| u.number.trim())
            .collect();
        out.push(Finding::error(
            KIND,
            Location::Rules,
            format!(
                "a learner taking {} has only {} at Level {level}; an {} needs {}",
                numbers.join(", "),
                counted(at_level, "credit", "credits"),
                doc.qualification.kind,
                gap.needed
            ),
        ));
    }
}

/// Unit credits are a positive multiple of 15.
fn unit_credits(unit: &Unit, out: &mut Vec<Finding>) {
    if unit.credits == 0 || !unit.credits.is_multiple_of(CREDIT_STEP) {
        out.push(Finding::error(KIND, Location::Unit(unit.id.clone()),
            format!(
                "the unit carries {}; unit credits are multiples of {CREDIT_STEP} (15, or 30 for projects)",
                counted(unit.credits, "credit", "credits")
            ),
        ));
    }
}

/// Guided learning is about 4 hours per credit and never more than total qualification time.
fn guided_learning(unit: &Unit, out: &mut Vec<Finding>) {
    let at = || Location::Unit(unit.id.clone());
    let (glh, credits) = (u64::from(unit.glh), u64::from(unit.credits));
    let typical = credits * u64::from(GLH_PER_CREDIT);
    if unit.credits == 0 {
        return;
    }
    if glh > credits * u64::from(TQT_PER_CREDIT) {
        out.push(Finding::warning(
            KIND,
            at(),
            format!(
                "{} exceed the unit's total qualification time of {}",
                counted(glh, "guided learning hour", "guided learning hours"),
                counted(credits * u64::from(TQT_PER_CREDIT), "hour", "hours")
            ),
        ));
    } else if glh == 0 {
        out.push(Finding::warning(
            KIND,
            at(),
            "the unit has no guided learning hours",
        ));
    } else if glh * 4 < typical * 3 || glh * 4 > typical * 5 {
        out.push(Finding::hint(
            KIND,
            at(),
            format!(
                "{} for {}; about {typical} is usual (4 per credit)",
                counted(glh, "guided learning hour", "guided learning hours"),
                counted(credits, "credit", "credits")
            ),
        ));
    }
}

/// Units are at Level 4 or 5 and not above the qualification.
fn unit_level(doc: &Curriculum, unit: &Unit, out: &mut Vec<Finding>) {
    let at = || Location::Unit(unit.id.clone());
    if !(4..=5).contains(&unit.level) {
        out.push(Finding::error(
            KIND,
            at(),
            format!(
                "the unit is at Level {}; units are at Level 4 or 5",
                unit.level
            ),
        ));
    } else if unit.level > doc.qualification.level {
        out.push(Finding::error(
            KIND,
            at(),
            format!(
                "a Level {} unit in a Level {} qualification",
                unit.level, doc.qualification.level
            ),
        ));
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analysis::fixture;
    use crate::model::{LevelCredits, QualificationKind};

    fn findings(doc: &Curriculum) -> Vec<String> {
        let mut out = Vec::new();
        let programmes = Programmes::new(doc);
        let any = programmes
            .find(&vec![false; programmes.optional().len()], &[])
            .is_some();
        check(doc, &solve(doc, &programmes, any), &mut out);
        out.into_iter()
            .map(|f| format!("{}: {}", f.severity, f.message))
            .collect()
    }

    #[test]
    fn clean_rules_pass() {
        assert_eq!(findings(&fixture::hnc()), Vec::<String>::new());
    }

    #[test]
    fn shape_of_the_kind() {
        let mut doc = fixture::hnc();
        doc.qualification.kind = QualificationKind::Hnd;
        let got = findings(&doc);
        assert_eq!(
            got[..2],
            [
                "error: an Higher National Diploma (HND) is a Level 5 qualification, but the level is 4",
                "error: an Higher National Diploma (HND) has 240 credits (120 at Level 4 and 120 at Level 5), but the total is 120",
            ]
        );
        // The rules allow a programme with no Level 5 credits.
        assert!(
            got[2].starts_with("error: a learner taking 4101, 4102,"),
            "{got:?}"
        );
        assert!(got[2].ends_with(
            "has only 0 credits at Level 5; an Higher National Diploma (HND) needs 120"
        ));
    }

    #[test]
    fn unit_credits_levels_and_hours() {
        let mut doc = fixture::hnc();
        doc.units[6].credits = 20;
        doc.units[7].glh = 200;
        doc.units[8].glh = 0;
        doc.units[9].level = 5;
        doc.units[9].glh = 40;
        let got = findings(&doc);
        assert!(got.contains(&"error: the unit carries 20 credits; unit credits are multiples of 15 (15, or 30 for projects)".to_owned()), "{got:?}");
        assert!(got.contains(&"warning: 200 guided learning hours exceed the unit's total qualification time of 150 hours".to_owned()));
        assert!(got.contains(&"warning: the unit has no guided learning hours".to_owned()));
        assert!(
            got.contains(
                &"hint: 40 guided learning hours for 15 credits; about 60 is usual (4 per credit)"
                    .to_owned()
            )
        );
        assert!(got.contains(&"error: a Level 5 unit in a Level 4 qualification".to_owned()));
    }

    #[test]
    fn references_and_untakeable_units() {
        let mut doc = fixture::hnc();
        doc.qualification.rules.mandatory.push("ghost".into());
        let group = &mut doc.qualification.rules.groups[0];
        group.units.retain(|u| u.as_str() != "u10");
        group.units.push("u1".into());
        let got = findings(&doc);
        assert_eq!(
            got,
            [
                "error: the mandatory units name \"ghost\", which is not a unit of this qualification",
                "warning: the unit is mandatory and also in group \"Optional units\"; it counts towards that group's bounds for every learner",
                // Unit 1 now fills half of the group's 30 credits, leaving the total 15 short.
                "error: no valid combination of units exists: no learner can complete the qualification under these rules of combination",
                "warning: no learner can take this unit: it is neither mandatory nor in an optional group",
            ]
        );
    }

    #[test]
    fn impossible_bounds_and_totals() {
        let mut doc = fixture::hnc();
        let rules = &mut doc.qualification.rules;
        rules.groups[0].min_units = Some(5);
        rules.level_credits.push(LevelCredits {
            level: 5,
            min_credits: 30,
        });
        rules.mandatory = doc.units.iter().map(|u| u.id.clone()).collect();
        let got = findings(&doc);
        assert_eq!(
            got,
            [
                "warning: the unit is mandatory and also in group \"Optional units\"; it counts towards that group's bounds for every learner",
                "warning: the unit is mandatory and also in group \"Optional units\"; it counts towards that group's bounds for every learner",
                "warning: the unit is mandatory and also in group \"Optional units\"; it counts towards that group's bounds for every learner",
                "warning: the unit is mandatory and also in group \"Optional units\"; it counts towards that group's bounds for every learner",
                "error: mandatory units alone carry 150 credits, more than the qualification's 120",
                "error: the bounds of group \"Optional units\" (exactly 30 credits, at least 5 units) can never be met by its units",
                "warning: a rule asks for credits at Level 5, which is not a level of this Level 4 qualification",
                "error: a rule asks for at least 30 credits at Level 5, but the units a learner can take at that level carry only 0",
                "error: no valid combination of units exists: no learner can complete the qualification under these rules of combination",
            ]
        );
    }

    #[test]
    fn contradictory_group_bounds() {
        let mut doc = fixture::hnc();
        doc.qualification.rules.groups[0].min_credits = Some(45);
        let got = findings(&doc);
        assert_eq!(
            got,
            [
                "error: group \"Optional units\" asks for at least 45 but at most 30 credits",
                "error: no valid combination of units exists: no learner can complete the qualification under these rules of combination",
            ]
        );
    }
}
