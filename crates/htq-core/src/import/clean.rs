//! Text of a published record made plain: HTML tags and character references (even encoded
//! twice, `&amp;lt;p&amp;gt;`) removed, non-breaking and other odd spaces, newlines and runs of
//! spaces made single spaces, and a code written into a KSB's statement ("K1: ...") taken off.

/// `text` with markup, character references and odd whitespace removed.
pub(super) fn plain(text: &str) -> String {
    let mut current = text.to_owned();
    // Each round undoes one level of encoding; real records have at most two.
    for _ in 0..3 {
        let next = strip_tags(&decode_references(&current));
        if next == current {
            break;
        }
        current = next;
    }
    collapse_spaces(&current)
}

/// A KSB's statement made plain, without a leading code such as "K1:", "S12 -" or "B3." that
/// the record wrote into it (the code comes from the list order).
pub(super) fn statement(text: &str) -> String {
    let text = plain(text);
    match leading_code_length(&text) {
        Some(length) if length < text.len() => text[length..].trim_start().to_owned(),
        _ => text,
    }
}

/// The length of a code and its separator at the start of `text` ("K1: ", "S12 - ", "B3. "),
/// if it starts with one followed by more text.
fn leading_code_length(text: &str) -> Option<usize> {
    let bytes = text.as_bytes();
    let letter = *bytes.first()?;
    if !matches!(letter.to_ascii_uppercase(), b'K' | b'S' | b'B') {
        return None;
    }
    let digits = bytes[1..].iter().take_while(|b| b.is_ascii_digit()).count();
    if digits == 0 {
        return None;
    }
    let mut at = 1 + digits;
    while bytes.get(at) == Some(&b' ') {
        at += 1;
    }
    let rest = &text[at..];
    let separator = [":", "-", ".", ")", "\u{2013}", "\u{2014}"]
        .into_iter()
        .find(|s| rest.starts_with(s))?;
    Some(at + separator.len())
}

/// `text` with every `<...>` tag replaced by a space.
fn strip_tags(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(open) = rest.find('<') {
        let after = &rest[open + 1..];
        let is_tag = after
            .chars()
            .next()
            .is_some_and(|c| c.is_ascii_alphabetic() || c == '/' || c == '!');
        match after.find('>') {
            Some(close) if is_tag => {
                out.push_str(&rest[..open]);
                out.push(' ');
                rest = &after[close + 1..];
            }
            _ => {
                out.push_str(&rest[..=open]);
                rest = after;
            }
        }
    }
    out.push_str(rest);
    out
}

/// Named references a record may hold, beyond the numeric ones.
const NAMED: [(&str, &str); 18] = [
    ("amp", "&"),
    ("lt", "<"),
    ("gt", ">"),
    ("quot", "\""),
    ("apos", "'"),
    ("nbsp", " "),
    ("rsquo", "\u{2019}"),
    ("lsquo", "\u{2018}"),
    ("rdquo", "\u{201d}"),
    ("ldquo", "\u{201c}"),
    ("ndash", "\u{2013}"),
    ("mdash", "\u{2014}"),
    ("hellip", "\u{2026}"),
    ("pound", "\u{a3}"),
    ("euro", "\u{20ac}"),
    ("bull", "\u{2022}"),
    ("middot", "\u{b7}"),
    ("eacute", "\u{e9}"),
];

/// `text` with `&name;`, `&#NN;` and `&#xHH;` references replaced by their characters;
/// anything else is left as written.
fn decode_references(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(amp) = rest.find('&') {
        out.push_str(&rest[..amp]);
        let after = &rest[amp + 1..];
        let decoded = after
            .find(';')
            .filter(|&end| end <= 10)
            .and_then(|end| Some((reference(&after[..end])?, end)));
        match decoded {
            Some((character, end)) => {
                out.push_str(&character);
                rest = &after[end + 1..];
            }
            None => {
                out.push('&');
                rest = after;
            }
        }
    }
    out.push_str(rest);
    out
}

/// The character a reference's name (between `&` and `;`) stands for.
fn reference(name: &str) -> Option<String> {
    if let Some(number) = name.strip_prefix('#') {
        let code = match number.strip_prefix(['x', 'X']) {
            Some(hex) => u32::from_str_radix(hex, 16).ok()?,
            None => number.parse().ok()?,
        };
        return char::from_u32(code)
            .filter(|c| !c.is_control() || c.is_whitespace())
            .map(String::from);
    }
    NAMED
        .iter()
        .find(|(known, _)| *known == name)
        .map(|(_, character)| (*character).to_owned())
}

/// `text` trimmed, with every run of whitespace (newlines, non-breaking and zero-width
/// spaces included) made one space.
fn collapse_spaces(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for word in text
        .split(|c: char| c.is_whitespace() || matches!(c, '\u{200b}' | '\u{feff}'))
        .filter(|w| !w.is_empty())
    {
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(word);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn markup_and_references_become_plain_text() {
        assert_eq!(
            plain("&lt;p&gt;Safe use of&nbsp;equipment &amp; PPE&lt;/p&gt;"),
            "Safe use of equipment & PPE"
        );
        assert_eq!(plain("<p>Line one<br>line two</p>\n"), "Line one line two");
        assert_eq!(plain("&amp;lt;b&amp;gt;bold&amp;lt;/b&amp;gt;"), "bold");
        assert_eq!(
            plain("  GSP\u{a0}for \u{2018}care\u{2019}\r\n "),
            "GSP for \u{2018}care\u{2019}"
        );
        assert_eq!(
            plain("&#8217;s and &#x2013; dash"),
            "\u{2019}s and \u{2013} dash"
        );
    }

    #[test]
    fn what_only_looks_like_markup_is_kept() {
        assert_eq!(plain("pH < 7 and > 5"), "pH < 7 and > 5");
        assert_eq!(plain("R&D; AT&T & co"), "R&D; AT&T & co");
        assert_eq!(plain("&#0; &#xFFFFFFFF;"), "&#0; &#xFFFFFFFF;");
    }

    #[test]
    fn codes_written_into_statements_come_off() {
        assert_eq!(
            statement("K1: Health and safety law"),
            "Health and safety law"
        );
        assert_eq!(
            statement("S12 - Calibrate a pipette"),
            "Calibrate a pipette"
        );
        assert_eq!(statement("b3. Acts with integrity"), "Acts with integrity");
        assert_eq!(statement("K4 \u{2013} Statistics"), "Statistics");
        assert_eq!(statement("Safety is K1"), "Safety is K1");
        assert_eq!(
            statement("S3D printing of devices"),
            "S3D printing of devices"
        );
        assert_eq!(statement("K1:"), "K1:");
    }
}
