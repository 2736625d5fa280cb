//! Number fields as typed. A designer clearing "15" to type "30" passes through an empty
//! field; the field must show what was typed, not snap back to 15 under the cursor. A draft is
//! kept while it cannot be a value (empty, not a number, out of range: the field says why) or
//! while it is the document's value; a valid value is committed at once. Anything that
//! changes the document from elsewhere (undo, redo, reload, another unit) drops the drafts, so
//! the fields show the document again.

use std::collections::BTreeMap;
use std::ops::RangeInclusive;

/// What a number field accepts.
#[derive(Debug, Clone)]
pub struct NumberRule {
    /// What the field is, for messages ("the credits").
    pub name: &'static str,
    /// Allowed values.
    pub range: RangeInclusive<u32>,
    /// Whether the field may be left empty (no bound).
    pub optional: bool,
}

impl NumberRule {
    /// A whole number of at least 0.
    pub const fn count(name: &'static str) -> Self {
        Self {
            name,
            range: 0..=u32::MAX,
            optional: false,
        }
    }

    /// A level from 1 to 8.
    pub const fn level(name: &'static str) -> Self {
        Self {
            name,
            range: 1..=8,
            optional: false,
        }
    }

    /// A whole number, or empty for none.
    pub const fn optional(name: &'static str) -> Self {
        Self {
            name,
            range: 0..=u32::MAX,
            optional: true,
        }
    }

    /// The value `typed` stands for, or why it stands for none.
    pub fn parse(&self, typed: &str) -> Result<Option<u32>, String> {
        let typed = typed.trim();
        if typed.is_empty() {
            return if self.optional {
                Ok(None)
            } else {
                Err(format!("Enter {} as a whole number", self.name))
            };
        }
        let value: u32 = typed
            .parse()
            .map_err(|_| format!("Enter {} as a whole number, such as 15", self.name))?;
        if self.range.contains(&value) {
            Ok(Some(value))
        } else {
            Err(format!(
                "{} must be from {} to {}",
                capitalised(self.name),
                self.range.start(),
                self.range.end()
            ))
        }
    }
}

fn capitalised(name: &str) -> String {
    let mut chars = name.chars();
    chars.next().map_or_else(String::new, |first| {
        first.to_uppercase().chain(chars).collect()
    })
}

/// What a number field shows: the text and, when it is not a value, why.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Shown {
    /// The text in the field.
    pub text: String,
    /// Why the text is not a value, when it is not.
    pub problem: Option<String>,
}

/// The drafts of a screen's number fields, keyed by field.
#[derive(Debug, Clone)]
pub struct Drafts<K> {
    typed: BTreeMap<K, String>,
}

impl<K> Default for Drafts<K> {
    fn default() -> Self {
        Self {
            typed: BTreeMap::new(),
        }
    }
}

impl<K: Ord + Clone> Drafts<K> {
    /// Records what was typed in `key`; returns the value to commit when it is a valid value
    /// different from the document's `current` one.
    pub fn input(
        &mut self,
        key: K,
        typed: String,
        rule: &NumberRule,
        current: Option<u32>,
    ) -> Option<Option<u32>> {
        let parsed = rule.parse(&typed);
        self.typed.insert(key, typed);
        parsed.ok().filter(|value| *value != current)
    }

    /// What field `key` shows, given the document's `current` value.
    pub fn shown(&self, key: &K, rule: &NumberRule, current: Option<u32>) -> Shown {
        match self.typed.get(key) {
            Some(typed) => Shown {
                text: typed.clone(),
                problem: rule.parse(typed).err(),
            },
            None => Shown {
                text: current.map(|v| v.to_string()).unwrap_or_default(),
                problem: None,
            },
        }
    }

    /// After a change the field caused itself: keeps each draft that is not a value, or is
    /// the document's value (`current` of its key; `None` when the field is gone).
    pub fn keep_matching(&mut self, current: impl Fn(&K) -> Option<(NumberRule, Option<u32>)>) {
        self.typed.retain(|key, typed| match current(key) {
            Some((rule, value)) => match rule.parse(typed) {
                Ok(parsed) => parsed == value,
                Err(_) => true,
            },
            None => false,
        });
    }

    /// Drops every draft: the fields show the document.
    pub fn clear(&mut self) {
        self.typed.clear();
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const CREDITS: NumberRule = NumberRule::count("the credits");

    #[test]
    fn clearing_a_field_shows_it_empty_with_the_reason_and_commits_nothing() {
        let mut drafts = Drafts::default();
        assert_eq!(drafts.input("c", String::new(), &CREDITS, Some(15)), None);
        let shown = drafts.shown(&"c", &CREDITS, Some(15));
        assert_eq!(shown.text, "");
        assert_eq!(
            shown.problem.as_deref(),
            Some("Enter the credits as a whole number")
        );
        assert_eq!(
            drafts.input("c", "3".into(), &CREDITS, Some(15)),
            Some(Some(3))
        );
        assert_eq!(
            drafts.input("c", "30".into(), &CREDITS, Some(3)),
            Some(Some(30))
        );
        drafts.keep_matching(|_| Some((CREDITS, Some(30))));
        assert_eq!(drafts.shown(&"c", &CREDITS, Some(30)).text, "30");
    }

    #[test]
    fn a_level_out_of_range_is_named() {
        let rule = NumberRule::level("the level");
        assert_eq!(
            rule.parse("9"),
            Err("The level must be from 1 to 8".to_owned())
        );
        assert_eq!(rule.parse(" 5 "), Ok(Some(5)));
    }

    #[test]
    fn a_draft_that_no_longer_matches_is_dropped() {
        let mut drafts = Drafts::default();
        drafts.input("c", "30".into(), &CREDITS, Some(15));
        drafts.keep_matching(|_| Some((CREDITS, Some(15))));
        assert_eq!(drafts.shown(&"c", &CREDITS, Some(15)).text, "15");
    }
}
