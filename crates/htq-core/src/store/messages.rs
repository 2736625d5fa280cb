//! Turning RON parse errors into messages a curriculum designer understands.
//!
//! RON speaks of structs, sequences and identifiers; these messages speak of units, criteria,
//! lists and fields, name what was expected and what was found, and list the allowed choices.

use super::error::TextError;
use super::limits::MAX_DEPTH;
use crate::words::counted;
use ron::error::{Error, SpannedError};

/// The RON options every curriculum is read and written with.
pub(super) fn options() -> ron::Options {
    ron::Options::default().with_recursion_limit(MAX_DEPTH)
}

/// The error for a RON parse failure, where the parser stopped.
pub(super) fn translate(error: &SpannedError) -> TextError {
    let start = error.span.start;
    TextError::at((start.line, start.col), describe(&error.code))
}

/// Plain-language text for one RON error.
fn describe(code: &Error) -> String {
    match code {
        Error::Eof => "the file ends too early; it may have been cut off".into(),
        Error::ExpectedArray => "expected a list starting with `[`".into(),
        Error::ExpectedArrayEnd => {
            "expected `]` to end the list, or a comma before the next item".into()
        }
        Error::ExpectedComma => "expected a comma before the next item".into(),
        Error::ExpectedStructLike | Error::ExpectedNamedStructLike(_) => {
            "expected `(` to start a group of fields".into()
        }
        Error::ExpectedStructLikeEnd | Error::ExpectedOptionEnd => {
            "expected `)` to end the group of fields, or a comma before the next field".into()
        }
        Error::ExpectedMapColon => "expected `:` after the field name".into(),
        Error::ExpectedIdentifier => {
            "expected a name without quotes: a field name, or a choice such as Merit or LabSkills"
                .into()
        }
        Error::ExpectedInteger
        | Error::InvalidIntegerDigit { .. }
        | Error::UnderscoreAtBeginning => "expected a whole number".into(),
        Error::IntegerOutOfBounds => "this number is too large (or negative) for this field".into(),
        Error::ExpectedString => "expected text in double quotes".into(),
        Error::ExpectedStringEnd => "this text has no closing double quote".into(),
        Error::InvalidEscape(what) => {
            format!("bad escape in text ({what}); write a backslash as `\\\\`")
        }
        Error::ExpectedBoolean => "expected true or false".into(),
        Error::ExpectedOption => "expected Some(...) or None".into(),
        Error::UnclosedBlockComment => "a comment starting with `/*` is never closed".into(),
        Error::UnexpectedChar(c) => format!("unexpected character {c:?}"),
        Error::TrailingCharacters => "unexpected text after the end of the curriculum".into(),
        Error::ExceededRecursionLimit => format!(
            "brackets are nested more than {} deep, far deeper than any curriculum; the \
             file is not read further",
            counted(MAX_DEPTH, "level", "levels")
        ),
        Error::Utf8Error(_) => "the file is not UTF-8 text here".into(),
        Error::NoSuchEnumVariant {
            expected,
            found,
            outer,
        } => format!(
            "expected {} ({}), found \"{found}\"",
            choice(outer.as_deref()),
            one_of(expected, "or")
        ),
        Error::NoSuchStructField {
            expected,
            found,
            outer,
        } => format!(
            "unknown field \"{found}\" in {}; the fields allowed there are {}",
            part(outer.as_deref()),
            one_of(expected, "and")
        ),
        Error::MissingStructField { field, outer } => {
            if *field == "format" {
                "this is not an HTQ Studio curriculum: it has no format number".into()
            } else {
                format!(
                    "{} is missing its \"{field}\" field",
                    capitalised(&part(outer.as_deref()))
                )
            }
        }
        Error::DuplicateStructField { field, outer } => {
            format!(
                "the field \"{field}\" is written twice in {}",
                part(outer.as_deref())
            )
        }
        Error::InvalidValueForType { expected, found } => {
            format!("expected {}, found {found}", expected_value(expected))
        }
        Error::ExpectedDifferentStructName { found, .. } => {
            format!("unexpected name \"{found}\" before `(`; leave the name out")
        }
        other => {
            let text = other.to_string();
            let mut chars = text.chars();
            chars
                .next()
                .map(|first| first.to_lowercase().chain(chars).collect())
                .unwrap_or(text)
        }
    }
}

/// What a model struct is called in the domain.
fn part(name: Option<&str>) -> String {
    match name.unwrap_or_default() {
        "Curriculum" => "the curriculum",
        "Qualification" => "the qualification",
        "RulesOfCombination" => "the rules of combination",
        "OptionalGroup" => "an optional group",
        "LevelCredits" => "a level credit rule",
        "Unit" => "a unit",
        "LearningOutcome" => "a learning outcome",
        "ContentTopic" => "an essential content topic",
        "Criterion" => "a criterion",
        "Resource" => "a resource",
        "Standard" => "a standard",
        "Ksb" => "a KSB",
        "Duty" => "a duty",
        "StandardOption" => "an option of a standard",
        "Mapping" => "a mapping",
        "PanelRecord" => "the panel record",
        "Member" => "a panel member",
        "PanelSession" => "a panel session",
        "ItemRecord" => "the panel's record of an item",
        "Entry" => "a decision, comment or action",
        _ => "this group of fields",
    }
    .into()
}

/// What a model enum is called in the domain.
fn choice(name: Option<&str>) -> &'static str {
    match name.unwrap_or_default() {
        "Band" => "a criterion band",
        "KsbKind" => "a KSB kind",
        "Coverage" => "a coverage level",
        "Theme" => "a theme",
        "ResourceKind" => "a resource kind",
        "QualificationKind" => "a qualification kind",
        "MemberRole" => "a member role",
        "ItemRef" => "an item kind",
        "ItemStatus" => "an item status",
        "EntryKind" => "an entry kind",
        _ => "one of",
    }
}

/// Serde's name for an expected value, in plain words.
fn expected_value(expected: &str) -> String {
    match expected {
        "u8" => "a whole number from 0 to 255".into(),
        "u16" | "u32" | "u64" | "usize" => "a whole number".into(),
        "a string" | "a borrowed string" => "text in double quotes".into(),
        "a boolean" => "true or false".into(),
        "a sequence" => "a list in `[` `]`".into(),
        "option" => "Some(...) or None".into(),
        other => match other.strip_prefix("struct ") {
            Some(name) => part(Some(name)),
            None => other.into(),
        },
    }
}

/// `a, b or c`.
fn one_of(items: &[&str], last: &str) -> String {
    match items {
        [] => "none".into(),
        [only] => (*only).into(),
        [rest @ .., final_item] => format!("{} {last} {final_item}", rest.join(", ")),
    }
}

fn capitalised(text: &str) -> String {
    let mut chars = text.chars();
    match chars.next() {
        Some(first) => first.to_uppercase().chain(chars).collect(),
        None => String::new(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bands_are_listed() {
        let text = describe(&Error::NoSuchEnumVariant {
            expected: &["Pass", "Merit", "Distinction"],
            found: "Good".into(),
            outer: Some("Band".into()),
        });
        assert_eq!(
            text,
            "expected a criterion band (Pass, Merit or Distinction), found \"Good\""
        );
    }

    #[test]
    fn unknown_fields_list_the_allowed_ones() {
        let text = describe(&Error::NoSuchStructField {
            expected: &["id", "band", "text"],
            found: "grade".into(),
            outer: Some("Criterion".into()),
        });
        assert_eq!(
            text,
            "unknown field \"grade\" in a criterion; the fields allowed there are id, band and text"
        );
    }

    #[test]
    fn missing_fields_are_named() {
        let text = describe(&Error::MissingStructField {
            field: "title",
            outer: Some("Unit".into()),
        });
        assert_eq!(text, "A unit is missing its \"title\" field");
    }

    #[test]
    fn other_errors_fall_back_to_ron_in_lower_case() {
        assert_eq!(describe(&Error::ExpectedUnit), "expected unit");
    }
}
