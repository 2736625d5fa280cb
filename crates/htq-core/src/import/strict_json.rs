//! JSON read into a [`serde_json::Value`], refusing an object that gives a key twice.
//!
//! `serde_json` keeps the last of two values for one key without a word, so a record edited
//! by hand or merged badly could import the wrong title or KSB list. Here the value is built
//! by a visitor that stops at the second occurrence and names the key; `serde_json` still
//! parses, limits nesting and places the error at a line and column.

use super::{ImportError, UNNAMED};
use serde::de::{self, DeserializeSeed, MapAccess, SeqAccess, Visitor};
use serde_json::{Map, Number, Value};
use std::cell::RefCell;
use std::fmt;

/// Parses `text` as JSON, refusing a repeated key with [`ImportError::DuplicateKey`] and any
/// syntax error with [`ImportError::Json`].
pub(super) fn parse(text: &str) -> Result<Value, ImportError> {
    let repeated = RefCell::new(None);
    let mut reader = serde_json::Deserializer::from_str(text);
    let parsed = Strict {
        repeated: &repeated,
    }
    .deserialize(&mut reader)
    .and_then(|value| reader.end().map(|()| value));
    parsed.map_err(|error| match repeated.take() {
        Some(key) => ImportError::DuplicateKey {
            file: UNNAMED.to_owned(),
            key,
            line: error.line(),
            column: error.column(),
        },
        None => {
            let full = error.to_string();
            let message = full
                .rsplit_once(" at line ")
                .map_or(full.as_str(), |(message, _)| message);
            ImportError::Json {
                file: UNNAMED.to_owned(),
                line: error.line(),
                column: error.column(),
                message: message.to_owned(),
            }
        }
    })
}

/// Builds a [`Value`], noting in `repeated` the first key an object gives twice.
#[derive(Clone, Copy)]
struct Strict<'a> {
    repeated: &'a RefCell<Option<String>>,
}

impl<'de> DeserializeSeed<'de> for Strict<'_> {
    type Value = Value;

    fn deserialize<D: de::Deserializer<'de>>(self, deserializer: D) -> Result<Value, D::Error> {
        deserializer.deserialize_any(self)
    }
}

impl<'de> Visitor<'de> for Strict<'_> {
    type Value = Value;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a JSON value")
    }

    fn visit_bool<E>(self, value: bool) -> Result<Value, E> {
        Ok(Value::Bool(value))
    }

    fn visit_i64<E>(self, value: i64) -> Result<Value, E> {
        Ok(Value::Number(value.into()))
    }

    fn visit_u64<E>(self, value: u64) -> Result<Value, E> {
        Ok(Value::Number(value.into()))
    }

    fn visit_f64<E>(self, value: f64) -> Result<Value, E> {
        // JSON has no NaN or infinity, so every number it holds converts.
        Ok(Number::from_f64(value).map_or(Value::Null, Value::Number))
    }

    fn visit_str<E>(self, value: &str) -> Result<Value, E> {
        Ok(Value::String(value.to_owned()))
    }

    fn visit_string<E>(self, value: String) -> Result<Value, E> {
        Ok(Value::String(value))
    }

    fn visit_unit<E>(self) -> Result<Value, E> {
        Ok(Value::Null)
    }

    fn visit_seq<A: SeqAccess<'de>>(self, mut items: A) -> Result<Value, A::Error> {
        let mut list = Vec::new();
        while let Some(item) = items.next_element_seed(self)? {
            list.push(item);
        }
        Ok(Value::Array(list))
    }

    fn visit_map<A: MapAccess<'de>>(self, mut fields: A) -> Result<Value, A::Error> {
        let mut object = Map::new();
        while let Some(key) = fields.next_key::<String>()? {
            if object.contains_key(&key) {
                let error = de::Error::custom(format!("the key \"{key}\" is given twice"));
                self.repeated.replace(Some(key));
                return Err(error);
            }
            let value = fields.next_value_seed(self)?;
            object.insert(key, value);
        }
        Ok(Value::Object(object))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn values_come_out_as_serde_json_reads_them() {
        let text = r#"{"a": [1, -2, 2.5, "x", null, true], "b": {"c": {}}}"#;
        let plain: Result<Value, _> = serde_json::from_str(text);
        assert_eq!(parse(text).ok(), plain.ok());
    }

    #[test]
    fn a_repeated_key_is_named_where_it_is_repeated() {
        let text = "{\n  \"title\": \"A\",\n  \"level\": 4,\n  \"title\": \"B\"\n}";
        match parse(text) {
            Err(ImportError::DuplicateKey {
                key, line, column, ..
            }) => {
                assert_eq!(key, "title");
                assert_eq!(line, 4);
                assert!(column > 2, "{column}");
            }
            other => panic!("expected a duplicate key, got {other:?}"),
        }
    }

    #[test]
    fn the_same_key_in_different_objects_is_fine() {
        let text = r#"[{"detail": "a"}, {"detail": "b", "inner": {"detail": "c"}}]"#;
        assert!(parse(text).is_ok());
    }

    #[test]
    fn syntax_errors_keep_their_place() {
        match parse("{\"a\": 1,\n}") {
            Err(ImportError::Json { line, message, .. }) => {
                assert_eq!(line, 2);
                assert!(!message.contains(" at line "), "{message}");
            }
            other => panic!("expected a syntax error, got {other:?}"),
        }
    }
}
