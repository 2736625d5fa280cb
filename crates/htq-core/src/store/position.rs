//! Finding places in curriculum text: line and column (1-based, in characters) of an offset,
//! and best-effort searches for where an id or a field is written.

/// Line and column just after the end of `before`.
pub(super) fn end_of(before: &str) -> (usize, usize) {
    let line = 1 + before.matches('\n').count();
    let last_line = before.rsplit('\n').next().unwrap_or(before);
    (line, 1 + last_line.chars().count())
}

/// Line and column of byte `offset` in `text`.
fn at(text: &str, offset: usize) -> (usize, usize) {
    end_of(text.get(..offset).unwrap_or(text))
}

/// `value` as RON writes a string, quotes included.
fn quoted(value: &str) -> String {
    format!("\"{}\"", value.escape_debug())
}

/// Where the field `name` is first written (`name:` as a whole word).
pub(super) fn of_field(text: &str, name: &str) -> Option<(usize, usize)> {
    fields(text, name).next().map(|offset| at(text, offset))
}

/// Where the `nth` (0-based) definition `id: "value"` is written.
pub(super) fn of_definition(text: &str, value: &str, nth: usize) -> Option<(usize, usize)> {
    let wanted = quoted(value);
    fields(text, "id")
        .filter_map(|offset| {
            let rest = text.get(offset + 2..)?.trim_start();
            let rest = rest.strip_prefix(':')?.trim_start();
            let value_offset = text.len() - rest.len();
            rest.starts_with(&wanted).then_some(value_offset)
        })
        .nth(nth)
        .map(|offset| at(text, offset))
}

/// Where `value` is first written as a string.
pub(super) fn of_string(text: &str, value: &str) -> Option<(usize, usize)> {
    text.find(&quoted(value)).map(|offset| at(text, offset))
}

/// Byte offsets of `name` written as a whole word followed by `:`.
fn fields<'a>(text: &'a str, name: &'a str) -> impl Iterator<Item = usize> + 'a {
    text.match_indices(name).filter_map(move |(offset, _)| {
        let before = text.get(..offset)?.chars().next_back();
        let word_before = before.is_some_and(|c| c.is_alphanumeric() || c == '_' || c == '"');
        let after = text.get(offset + name.len()..)?.trim_start();
        (!word_before && after.starts_with(':')).then_some(offset)
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn columns_count_characters() {
        assert_eq!(end_of(""), (1, 1));
        assert_eq!(end_of("ab\nçé"), (2, 3));
        assert_eq!(at("a\nbc", 3), (2, 2));
    }

    #[test]
    fn fields_are_whole_words() {
        let text = "(\n  kid: \"x\",\n  id: \"x\",\n  id:\"y\",\n)";
        assert_eq!(of_definition(text, "x", 0), Some((3, 7)));
        assert_eq!(of_definition(text, "x", 1), None);
        assert_eq!(of_definition(text, "y", 0), Some((4, 6)));
        assert_eq!(of_field(text, "id"), Some((3, 3)));
    }

    #[test]
    fn strings_are_found_with_escapes() {
        let text = "(a: \"say \\\"hi\\\"\")";
        assert_eq!(of_string(text, "say \"hi\""), Some((1, 5)));
        assert_eq!(of_string(text, "nothing"), None);
    }
}
