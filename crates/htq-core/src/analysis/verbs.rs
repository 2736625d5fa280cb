//! Command verbs against level and band: low-order verbs at Merit, Distinction or Level 5,
//! Level 5 Distinctions with no evaluative verb, demand falling from Pass to Merit to
//! Distinction within an outcome, and criteria that do not start with a command verb.
//! Heuristics: these produce warnings and hints, never errors.
//!
//! The verb list holds every first verb of the 58 Pearson Higher National Engineering units
//! (2024) plus common command verbs, each ranked on the revised Bloom taxonomy.

use super::{Finding, FindingKind, Location};
use crate::model::{
    Band, Criterion, CriterionNumbers, Curriculum, LearningOutcome, Unit, outcome_label,
};

/// The kind of every finding made here.
const KIND: FindingKind = FindingKind::Wording;

/// Revised Bloom levels, lowest first.
const BLOOM: [&str; 6] = [
    "remember",
    "understand",
    "apply",
    "analyse",
    "evaluate",
    "create",
];

/// Command verbs (lower case) and their revised Bloom rank, 1 (remember) to 6 (create).
const VERBS: &[(&str, u8)] = &[
    ("define", 1),
    ("identify", 1),
    ("label", 1),
    ("list", 1),
    ("name", 1),
    ("recall", 1),
    ("recognise", 1),
    ("recognize", 1),
    ("state", 1),
    ("articulate", 2),
    ("classify", 2),
    ("communicate", 2),
    ("describe", 2),
    ("detail", 2),
    ("discuss", 2),
    ("explain", 2),
    ("illustrate", 2),
    ("interpret", 2),
    ("outline", 2),
    ("present", 2),
    ("provide", 2),
    ("report", 2),
    ("summarise", 2),
    ("summarize", 2),
    ("translate", 2),
    ("add", 3),
    ("apply", 3),
    ("approximate", 3),
    ("build", 3),
    ("calculate", 3),
    ("carry", 3),
    ("complete", 3),
    ("compute", 3),
    ("conduct", 3),
    ("configure", 3),
    ("construct", 3),
    ("demonstrate", 3),
    ("determine", 3),
    ("employ", 3),
    ("estimate", 3),
    ("implement", 3),
    ("make", 3),
    ("measure", 3),
    ("perform", 3),
    ("plot", 3),
    ("predict", 3),
    ("prepare", 3),
    ("produce", 3),
    ("program", 3),
    ("programme", 3),
    ("record", 3),
    ("select", 3),
    ("show", 3),
    ("simulate", 3),
    ("solve", 3),
    ("specify", 3),
    ("suggest", 3),
    ("test", 3),
    ("trace", 3),
    ("transfer", 3),
    ("undertake", 3),
    ("use", 3),
    ("utilise", 3),
    ("utilize", 3),
    ("analyse", 4),
    ("analyze", 4),
    ("compare", 4),
    ("contrast", 4),
    ("diagnose", 4),
    ("differentiate", 4),
    ("distinguish", 4),
    ("examine", 4),
    ("explore", 4),
    ("investigate", 4),
    ("research", 4),
    ("review", 4),
    ("appraise", 5),
    ("argue", 5),
    ("assess", 5),
    ("critique", 5),
    ("defend", 5),
    ("evaluate", 5),
    ("judge", 5),
    ("justify", 5),
    ("recommend", 5),
    ("refine", 5),
    ("reflect", 5),
    ("validate", 5),
    ("verify", 5),
    ("conceptualise", 6),
    ("create", 6),
    ("design", 6),
    ("develop", 6),
    ("devise", 6),
    ("formulate", 6),
    ("generate", 6),
    ("integrate", 6),
    ("plan", 6),
    ("propose", 6),
    ("synthesise", 6),
    ("synthesize", 6),
];

/// Verbs that ask learners only to recall or restate.
const LOW_ORDER: [&str; 6] = ["describe", "outline", "define", "state", "list", "identify"];

/// Word stems that make a criterion evaluative.
const EVALUATIVE: [&str; 6] = [
    "evaluat", "critical", "justif", "apprais", "synthes", "critiqu",
];

/// The command verb a criterion starts with.
#[derive(Debug, Clone, PartialEq, Eq)]
struct CommandVerb {
    /// As written, e.g. "Critically evaluate".
    written: String,
    /// Lower-case verb, e.g. "evaluate" (for "critically evaluate", the verb after it).
    verb: String,
    /// Revised Bloom rank 1-6, if the verb is known.
    rank: Option<u8>,
}

fn words(text: &str) -> impl Iterator<Item = &str> {
    text.split(|c: char| !c.is_alphabetic() && c != '-' && c != '\'')
        .filter(|w| !w.is_empty())
}

fn rank_of(verb: &str) -> Option<u8> {
    VERBS
        .iter()
        .find(|(v, _)| *v == verb)
        .map(|(_, rank)| *rank)
}

/// The command verb at the start of `text`; `None` for empty text.
fn command_verb(text: &str) -> Option<CommandVerb> {
    let mut iter = words(text);
    let first = iter.next()?;
    let lower = first.to_lowercase();
    if lower == "critically"
        && let Some(second) = iter.next()
    {
        let verb = second.to_lowercase();
        let rank = rank_of(&verb).map(|rank| rank.max(5));
        return Some(CommandVerb {
            written: format!("{first} {second}"),
            verb,
            rank,
        });
    }
    Some(CommandVerb {
        written: first.to_owned(),
        rank: rank_of(&lower),
        verb: lower,
    })
}

/// Runs every command-verb rule.
pub(crate) fn check(doc: &Curriculum, out: &mut Vec<Finding>) {
    for unit in &doc.units {
        let numbers = CriterionNumbers::of(unit);
        for (o, outcome) in unit.outcomes.iter().enumerate() {
            for criterion in &outcome.criteria {
                let Some(verb) = command_verb(&criterion.text) else {
                    continue;
                };
                let number = numbers.get(&criterion.id);
                let low = low_order(unit, criterion, number, &verb, out);
                if !low {
                    evaluative(unit, criterion, number, out);
                }
                unknown(criterion, number, &verb, out);
            }
            falling(o, outcome, &numbers, out);
        }
    }
}

/// Ways to raise a criterion at `band` and `level`.
fn suggestion(level: u8, band: Band) -> &'static str {
    match (level, band) {
        (5, Band::Distinction) => "\"Critically evaluate\" or \"Justify\"",
        (_, Band::Distinction) => "\"Evaluate\" or \"Critically analyse\"",
        (_, Band::Merit) => "\"Analyse\" or \"Assess\"",
        (_, Band::Pass) => "\"Examine\" or \"Analyse\"",
    }
}

/// Describe, outline, define, state, list or identify at Merit, Distinction or Level 5.
/// Returns whether it warned.
fn low_order(
    unit: &Unit,
    criterion: &Criterion,
    number: &str,
    verb: &CommandVerb,
    out: &mut Vec<Finding>,
) -> bool {
    if !LOW_ORDER.contains(&verb.verb.as_str()) || verb.written.contains(' ') {
        return false;
    }
    let below = match criterion.band {
        Band::Pass if unit.level < 5 => return false,
        Band::Pass => format!("Level {}", unit.level),
        band => format!("{band} at Level {}", unit.level),
    };
    out.push(Finding::warning(
        KIND,
        Location::Criterion(criterion.id.clone()),
        format!(
            "{number} starts with \"{}\", which is below {below}; consider {}",
            verb.written,
            suggestion(unit.level, criterion.band)
        ),
    ));
    true
}

/// A Level 5 Distinction needs an evaluative verb somewhere in it.
fn evaluative(unit: &Unit, criterion: &Criterion, number: &str, out: &mut Vec<Finding>) {
    if unit.level != 5 || criterion.band != Band::Distinction {
        return;
    }
    let evaluates = words(&criterion.text).any(|word| {
        let lower = word.to_lowercase();
        EVALUATIVE.iter().any(|stem| lower.starts_with(stem))
    });
    if !evaluates {
        out.push(Finding::warning(
            KIND,
            Location::Criterion(criterion.id.clone()),
            format!(
                "{number} has no evaluative verb; Level 5 Distinctions usually ask learners to \
                 evaluate, critically analyse or justify; consider {}",
                suggestion(5, Band::Distinction)
            ),
        ));
    }
}

/// A criterion should start with a command verb.
fn unknown(criterion: &Criterion, number: &str, verb: &CommandVerb, out: &mut Vec<Finding>) {
    if verb.rank.is_none() {
        out.push(Finding::hint(
            KIND,
            Location::Criterion(criterion.id.clone()),
            format!(
                "{number} starts with \"{}\", which is not a known command verb; criteria \
                 usually start with one, such as \"Explain\", \"Analyse\" or \"Evaluate\"",
                verb.written
            ),
        ));
    }
}

/// Demand should not fall from Pass to Merit to Distinction within one outcome: the most
/// demanding verb of each band is compared with the next band present.
fn falling(
    o: usize,
    outcome: &LearningOutcome,
    numbers: &CriterionNumbers,
    out: &mut Vec<Finding>,
) {
    let strongest = |band: Band| {
        outcome
            .criteria
            .iter()
            .filter(|c| c.band == band)
            .filter_map(|c| {
                let verb = command_verb(&c.text)?;
                Some((verb.rank?, verb.written, numbers.get(&c.id)))
            })
            .max_by_key(|(rank, _, _)| *rank)
    };
    let tops: Vec<_> = Band::ALL
        .iter()
        .filter_map(|&band| strongest(band).map(|t| (band, t)))
        .collect();
    for pair in tops.windows(2) {
        let [
            (lower_band, (lower_rank, lower_verb, lower_number)),
            (band, (rank, verb, number)),
        ] = pair
        else {
            continue;
        };
        if rank < lower_rank {
            let name = |rank: &u8| {
                BLOOM
                    .get(usize::from(*rank).saturating_sub(1))
                    .copied()
                    .unwrap_or("?")
            };
            out.push(Finding::warning(KIND, Location::Outcome(outcome.id.clone()),
                format!(
                    "{}: {band} asks less than {lower_band}: {number} \"{verb}\" ({}) is below {lower_number} \"{lower_verb}\" ({})",
                    outcome_label(o),
                    name(rank),
                    name(lower_rank)
                ),
            ));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analysis::fixture;

    fn findings(doc: &Curriculum) -> Vec<String> {
        fixture::messages(check, doc)
    }

    fn set(doc: &mut Curriculum, unit: usize, outcome: usize, criterion: usize, text: &str) {
        doc.units[unit].outcomes[outcome].criteria[criterion].text = text.into();
    }

    #[test]
    fn clean_criteria_pass() {
        assert_eq!(findings(&fixture::hnc()), Vec::<String>::new());
    }

    #[test]
    fn parses_command_verbs() {
        let verb = command_verb("Critically evaluate the plan").expect("a verb");
        assert_eq!(
            (verb.written.as_str(), verb.verb.as_str(), verb.rank),
            ("Critically evaluate", "evaluate", Some(5))
        );
        let verb = command_verb("  Describe, briefly").expect("a verb");
        assert_eq!((verb.written.as_str(), verb.rank), ("Describe", Some(2)));
        assert_eq!(command_verb(" ... "), None);
        assert_eq!(command_verb("The method").and_then(|v| v.rank), None);
    }

    #[test]
    fn low_order_verbs_at_merit_distinction_or_level_5() {
        let mut doc = fixture::hnc();
        set(&mut doc, 0, 0, 0, "Describe the method");
        set(&mut doc, 0, 1, 2, "Outline the results");
        doc.units[1].level = 5;
        set(&mut doc, 1, 1, 2, "Describe the results");
        set(&mut doc, 1, 0, 0, "List the hazards");
        let got = findings(&doc);
        assert_eq!(
            got,
            [
                "warning: M2 starts with \"Outline\", which is below Merit at Level 4; consider \"Analyse\" or \"Assess\"",
                "warning: LO2: Merit asks less than Pass: M2 \"Outline\" (understand) is below P4 \"Apply\" (apply)",
                "warning: P1 starts with \"List\", which is below Level 5; consider \"Examine\" or \"Analyse\"",
                "warning: M2 starts with \"Describe\", which is below Merit at Level 5; consider \"Analyse\" or \"Assess\"",
                "warning: LO2: Merit asks less than Pass: M2 \"Describe\" (understand) is below P4 \"Apply\" (apply)",
            ]
        );
    }

    #[test]
    fn level_5_distinction_needs_an_evaluative_verb() {
        let mut doc = fixture::hnc();
        doc.units[0].level = 5;
        set(
            &mut doc,
            0,
            0,
            3,
            "Analyse the method against an alternative",
        );
        set(
            &mut doc,
            0,
            1,
            3,
            "Recommend a method, justifying the choice",
        );
        set(&mut doc, 0, 2, 3, "Critically analyse the method");
        let got = findings(&doc);
        assert_eq!(got.len(), 1, "{got:?}");
        assert!(
            got[0].starts_with("warning: D1 has no evaluative verb"),
            "{got:?}"
        );
    }

    #[test]
    fn falling_demand_within_an_outcome() {
        let mut doc = fixture::hnc();
        set(&mut doc, 0, 0, 2, "Explain the results");
        // Examine and Analyse share a rank: no fall.
        set(&mut doc, 0, 1, 3, "Examine the method");
        set(&mut doc, 0, 2, 1, "Design a sampling plan");
        set(&mut doc, 0, 3, 3, "Explain the method");
        assert_eq!(
            findings(&doc),
            [
                "warning: LO1: Merit asks less than Pass: M1 \"Explain\" (understand) is below P2 \"Apply\" (apply)",
                "warning: LO3: Merit asks less than Pass: M3 \"Analyse\" (analyse) is below P6 \"Design\" (create)",
                "warning: LO4: Distinction asks less than Merit: D4 \"Explain\" (understand) is below M4 \"Analyse\" (analyse)",
            ]
        );
    }

    #[test]
    fn unknown_first_words_are_hints() {
        let mut doc = fixture::hnc();
        set(&mut doc, 0, 0, 0, "The learner explains the method");
        let got = findings(&doc);
        assert_eq!(got.len(), 1, "{got:?}");
        assert!(
            got[0].starts_with("hint: P1 starts with \"The\""),
            "{got:?}"
        );
    }
}
