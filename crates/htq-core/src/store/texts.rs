//! The length limit on one text in a curriculum: a title, an introduction, a criterion.
//!
//! A file under the size limit can still hold one text of megabytes (a paste gone wrong, a
//! hostile file); the window and the PDF export would crawl over it. The longest real text,
//! a unit introduction, is a few thousand characters.

use super::error::TextError;
use super::position;
use crate::model::Curriculum;
use crate::words::counted;
use serde_json::Value;

/// The most characters one text of a curriculum may have.
pub const MAX_TEXT_CHARS: usize = 100_000;

/// Refuses `doc`, parsed from `text`, if any of its texts is longer than [`MAX_TEXT_CHARS`].
pub(super) fn check(doc: &Curriculum, text: &str) -> Result<(), TextError> {
    // Every field of the model is plain data, so it always converts to a JSON value.
    let Ok(tree) = serde_json::to_value(doc) else {
        return Ok(());
    };
    match longest(&tree) {
        Some(long) if long.chars().count() > MAX_TEXT_CHARS => {
            let place = position::of_string(text, long).unwrap_or((0, 0));
            let field = field_of(&tree, long).unwrap_or_default();
            Err(TextError::at(
                place,
                format!(
                    "this text ({field}) is {} long; a text in a curriculum may have at \
                     most {MAX_TEXT_CHARS}",
                    counted(long.chars().count(), "character", "characters")
                ),
            ))
        }
        _ => Ok(()),
    }
}

/// Where in `value` the string `wanted` (found in it) sits, e.g. `standards[0].ksbs[4].text`.
fn field_of(value: &Value, wanted: &str) -> Option<String> {
    match value {
        Value::String(text) => std::ptr::eq(text.as_str(), wanted).then(String::new),
        Value::Array(items) => items.iter().enumerate().find_map(|(index, item)| {
            field_of(item, wanted).map(|rest| format!("[{index}]{}", dotted(&rest)))
        }),
        Value::Object(fields) => fields.iter().find_map(|(key, item)| {
            field_of(item, wanted).map(|rest| format!("{key}{}", dotted(&rest)))
        }),
        Value::Null | Value::Bool(_) | Value::Number(_) => None,
    }
}

/// The rest of a field path after a name: `.title` or `[3]`, nothing when empty.
fn dotted(rest: &str) -> String {
    if rest.is_empty() || rest.starts_with('[') {
        rest.to_owned()
    } else {
        format!(".{rest}")
    }
}

/// The longest string in `value`, in characters.
fn longest(value: &Value) -> Option<&str> {
    match value {
        Value::String(text) => Some(text),
        Value::Array(items) => items
            .iter()
            .filter_map(longest)
            .max_by_key(|s| s.chars().count()),
        Value::Object(fields) => fields
            .values()
            .filter_map(longest)
            .max_by_key(|s| s.chars().count()),
        Value::Null | Value::Bool(_) | Value::Number(_) => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::synthetic::{Size, curriculum};

    fn doc() -> Curriculum {
        curriculum(Size::TINY)
    }

    #[test]
    fn a_text_at_the_limit_is_accepted() {
        let mut doc = doc();
        doc.qualification.title = "é".repeat(MAX_TEXT_CHARS);
        assert_eq!(check(&doc, ""), Ok(()));
    }

    #[test]
    fn a_longer_text_is_refused_where_it_is_written() {
        let mut doc = doc();
        if let Some(unit) = doc.units.last_mut() {
            unit.title = "W".repeat(MAX_TEXT_CHARS + 1);
        }
        let text = super::super::to_string(&doc);
        let error = check(&doc, &text).unwrap_err();
        assert!(error.line > 1, "{error}");
        assert!(
            error
                .message
                .starts_with("this text (units[1].title) is 100001 characters long"),
            "{error}"
        );
    }
}
