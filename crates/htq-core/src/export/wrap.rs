//! Line breaking: where a run of text may break (Unicode line-breaking rules) and greedy
//! filling of lines of a given width, measured with the real font. Words wider than a line
//! are broken between characters, so nothing ever runs past the margin.

use super::fonts::{Face, Fonts};
use unicode_linebreak::{BreakOpportunity, linebreaks};

/// A wrapped line and its measured width in points.
#[derive(Debug, Clone, PartialEq)]
pub struct Line {
    /// The text of the line, without trailing spaces.
    pub text: String,
    /// Its width in points.
    pub width: f32,
}

/// Breaks `text` (already cleaned by `Fonts::clean`) into lines no wider than `max` points.
/// Explicit newlines start a new line; empty text gives no lines.
pub fn wrap(fonts: &Fonts, face: Face, size: f32, text: &str, max: f32) -> Vec<Line> {
    let mut filler = Filler {
        fonts,
        face,
        size,
        max: max.max(size),
        lines: Vec::new(),
        line: String::new(),
        line_width: 0.0,
    };
    let mut start = 0;
    for (end, opportunity) in linebreaks(text) {
        let Some(segment) = text.get(start..end) else {
            continue;
        };
        start = end;
        let hard = segment.ends_with('\n');
        filler.add(segment.trim_end_matches('\n'));
        if opportunity == BreakOpportunity::Mandatory && (hard || !filler.line.is_empty()) {
            filler.push_line();
        }
    }
    filler.lines
}

struct Filler<'a> {
    fonts: &'a Fonts,
    face: Face,
    size: f32,
    max: f32,
    lines: Vec<Line>,
    line: String,
    line_width: f32,
}

impl Filler<'_> {
    fn measure(&self, text: &str) -> f32 {
        self.fonts.width(self.face, self.size, text)
    }

    fn push_line(&mut self) {
        let text = self.line.trim_end().to_owned();
        let width = self.measure(&text);
        self.lines.push(Line { text, width });
        self.line.clear();
        self.line_width = 0.0;
    }

    fn add(&mut self, segment: &str) {
        let visible = self.measure(segment.trim_end());
        if !self.line.is_empty() && self.line_width + visible > self.max {
            self.push_line();
        }
        if self.line.is_empty() && visible > self.max {
            self.split_word(segment);
            return;
        }
        if self.line.is_empty() && segment.trim().is_empty() {
            return;
        }
        self.line.push_str(segment);
        self.line_width += self.measure(segment);
    }

    /// Breaks a word wider than the line between characters.
    fn split_word(&mut self, word: &str) {
        for c in word.chars() {
            let mut buffer = [0u8; 4];
            let advance = self.measure(c.encode_utf8(&mut buffer));
            if !self.line.is_empty() && self.line_width + advance > self.max && !c.is_whitespace() {
                self.push_line();
            }
            if self.line.is_empty() && c.is_whitespace() {
                continue;
            }
            self.line.push(c);
            self.line_width += advance;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn fonts() -> &'static Fonts {
        Fonts::load().unwrap()
    }

    #[test]
    fn breaks_between_words_and_keeps_every_word() {
        let fonts = fonts();
        let text = "Explain the legal framework for health and safety in a clinical laboratory";
        let lines = wrap(fonts, Face::Regular, 10.0, text, 120.0);
        assert!(lines.len() > 2);
        assert!(lines.iter().all(|line| line.width <= 120.0));
        let joined: Vec<&str> = lines.iter().map(|l| l.text.as_str()).collect();
        assert_eq!(joined.join(" "), text);
    }

    #[test]
    fn explicit_newlines_and_empty_text() {
        let fonts = fonts();
        let lines = wrap(fonts, Face::Regular, 10.0, "one\ntwo", 400.0);
        let texts: Vec<&str> = lines.iter().map(|l| l.text.as_str()).collect();
        assert_eq!(texts, ["one", "two"]);
        assert!(wrap(fonts, Face::Regular, 10.0, "", 400.0).is_empty());
    }

    #[test]
    fn a_huge_word_is_broken_between_characters() {
        let fonts = fonts();
        let word = "x".repeat(5000);
        let lines = wrap(fonts, Face::Bold, 10.0, &word, 200.0);
        assert!(lines.len() > 10);
        assert!(lines.iter().all(|line| line.width <= 200.0));
        let total: usize = lines.iter().map(|l| l.text.chars().count()).sum();
        assert_eq!(total, 5000);
    }

    proptest! {
        #[test]
        fn lines_never_exceed_the_width(text in "\\PC{0,300}", max in 20.0f32..400.0) {
            let fonts = fonts();
            let text = fonts.clean(&text);
            for line in wrap(fonts, Face::Regular, 10.0, &text, max) {
                prop_assert!(line.width <= max.max(10.0) + 0.01, "{line:?} wider than {max}");
            }
        }
    }
}
