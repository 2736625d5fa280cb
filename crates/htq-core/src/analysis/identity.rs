//! Unit identity rules: unit numbers (four digits, first digit the level), duplicate numbers,
//! and the regulator unit code format (letter/3 digits/4 digits).

use super::{Finding, FindingKind, Location};
use crate::model::{Curriculum, Unit};
use std::collections::HashMap;

/// The kind of every finding made here.
const KIND: FindingKind = FindingKind::Identity;

/// Runs every identity rule.
pub(crate) fn check(doc: &Curriculum, out: &mut Vec<Finding>) {
    for unit in &doc.units {
        unit_number(unit, out);
        regulator_code(unit, out);
    }
    duplicate_numbers(doc, out);
}

/// A unit number is four digits and its first digit is the unit's level.
fn unit_number(unit: &Unit, out: &mut Vec<Finding>) {
    let number = unit.number.trim();
    let at = || Location::Unit(unit.id.clone());
    if number.is_empty() {
        out.push(Finding::error(KIND, at(), "the unit has no unit number"));
    } else if number.len() != 4 || !number.bytes().all(|b| b.is_ascii_digit()) {
        out.push(Finding::error(
            KIND,
            at(),
            format!("unit number \"{number}\" is not four digits, e.g. \"4017\""),
        ));
    } else if !number.starts_with(&unit.level.to_string()) {
        out.push(Finding::error(KIND, at(),
            format!(
                "unit number {number} does not start with the unit's level ({}); Level {} units are numbered {}xxx",
                unit.level, unit.level, unit.level
            ),
        ));
    }
}

/// Two units may not share a number; the later one is flagged.
fn duplicate_numbers(doc: &Curriculum, out: &mut Vec<Finding>) {
    let mut seen: HashMap<&str, &Unit> = HashMap::new();
    for unit in &doc.units {
        let number = unit.number.trim();
        if number.is_empty() {
            continue;
        }
        if let Some(first) = seen.get(number) {
            out.push(Finding::error(
                KIND,
                Location::Unit(unit.id.clone()),
                format!(
                    "unit number {number} is also used by \"{}\"; unit numbers must be unique",
                    first.title
                ),
            ));
        } else {
            seen.insert(number, unit);
        }
    }
}

/// A regulator unit code, when present, looks like "Y/651/0734".
fn regulator_code(unit: &Unit, out: &mut Vec<Finding>) {
    let code = unit.regulator_code.trim();
    if !code.is_empty() && !is_regulator_code(code) {
        out.push(Finding::warning(KIND, Location::Unit(unit.id.clone()),
            format!(
                "regulator unit code \"{code}\" is not in the form letter/3 digits/4 digits, e.g. \"Y/651/0734\""
            ),
        ));
    }
}

fn is_regulator_code(code: &str) -> bool {
    let parts: Vec<&str> = code.split('/').collect();
    let digits = |s: &str, n: usize| s.len() == n && s.bytes().all(|b| b.is_ascii_digit());
    matches!(parts.as_slice(), [letter, three, four]
        if letter.len() == 1
            && letter.bytes().all(|b| b.is_ascii_uppercase())
            && digits(three, 3)
            && digits(four, 4))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analysis::fixture;

    fn findings(doc: &Curriculum) -> Vec<String> {
        fixture::messages(check, doc)
    }

    #[test]
    fn well_formed_units_pass() {
        assert_eq!(findings(&fixture::hnc()), Vec::<String>::new());
    }

    #[test]
    fn number_must_be_four_digits_starting_with_level() {
        let mut doc = fixture::hnc();
        doc.units[0].number = "417".into();
        doc.units[1].number = "5002".into();
        doc.units[2].number = String::new();
        let got = findings(&doc);
        assert_eq!(got.len(), 3, "{got:?}");
        assert!(got[0].contains("\"417\" is not four digits"));
        assert!(got[1].contains("does not start with the unit's level (4)"));
        assert!(got[2].contains("no unit number"));
    }

    #[test]
    fn duplicate_numbers_are_errors() {
        let mut doc = fixture::hnc();
        doc.units[3].number = doc.units[1].number.clone();
        let got = findings(&doc);
        assert_eq!(got.len(), 1, "{got:?}");
        assert!(got[0].starts_with("error: unit number 4102 is also used"));
    }

    #[test]
    fn regulator_code_format() {
        assert!(is_regulator_code("Y/651/0734"));
        for bad in [
            "y/651/0734",
            "Y/65/0734",
            "Y/651/734",
            "YY/651/0734",
            "Y-651-0734",
            "Y/651/0734/1",
        ] {
            assert!(!is_regulator_code(bad), "{bad}");
        }
        let mut doc = fixture::hnc();
        doc.units[0].regulator_code = "651/0734".into();
        let got = findings(&doc);
        assert_eq!(got.len(), 1);
        assert!(got[0].starts_with("warning: regulator unit code"));
    }
}
