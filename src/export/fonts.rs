//! The bundled Noto Sans faces and their metrics, read from the font files themselves.
//!
//! Measuring and drawing use the same bytes, so a measured line is exactly as wide on the page.
//! Characters the fonts cannot draw (emoji, scripts Noto Sans lacks) are dropped before
//! measuring, so they can never break a line or overflow a margin.

use super::ExportError;

/// Noto Sans Regular, embedded in the PDF.
pub(crate) const REGULAR: &[u8] = include_bytes!("../../assets/fonts/NotoSans-Regular.ttf");
/// Noto Sans Bold.
pub(crate) const BOLD: &[u8] = include_bytes!("../../assets/fonts/NotoSans-Bold.ttf");
/// Noto Sans Italic.
pub(crate) const ITALIC: &[u8] = include_bytes!("../../assets/fonts/NotoSans-Italic.ttf");
/// Noto Sans Bold Italic.
pub(crate) const BOLD_ITALIC: &[u8] = include_bytes!("../../assets/fonts/NotoSans-BoldItalic.ttf");

/// One of the four faces of the body font.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Face {
    /// Upright, normal weight.
    Regular,
    /// Upright, bold.
    Bold,
    /// Italic, normal weight.
    Italic,
    /// Italic, bold.
    BoldItalic,
}

impl Face {
    /// Every face, in the order `Fonts` stores them.
    pub const ALL: [Face; 4] = [Face::Regular, Face::Bold, Face::Italic, Face::BoldItalic];

    /// Position in `ALL`.
    pub fn index(self) -> usize {
        match self {
            Face::Regular => 0,
            Face::Bold => 1,
            Face::Italic => 2,
            Face::BoldItalic => 3,
        }
    }

    /// The font file of this face.
    pub fn bytes(self) -> &'static [u8] {
        match self {
            Face::Regular => REGULAR,
            Face::Bold => BOLD,
            Face::Italic => ITALIC,
            Face::BoldItalic => BOLD_ITALIC,
        }
    }

    fn file_name(self) -> &'static str {
        match self {
            Face::Regular => "NotoSans-Regular.ttf",
            Face::Bold => "NotoSans-Bold.ttf",
            Face::Italic => "NotoSans-Italic.ttf",
            Face::BoldItalic => "NotoSans-BoldItalic.ttf",
        }
    }
}

/// Glyph advances of the four faces, in font units, with the font's units per em.
pub struct Fonts {
    faces: Vec<ttf_parser::Face<'static>>,
}

impl Fonts {
    /// Parses the bundled fonts.
    pub fn load() -> Result<Self, ExportError> {
        let faces = Face::ALL
            .iter()
            .map(|face| {
                ttf_parser::Face::parse(face.bytes(), 0)
                    .map_err(|_| ExportError::Font(face.file_name().to_owned()))
            })
            .collect::<Result<Vec<_>, _>>()?;
        Ok(Self { faces })
    }

    fn face(&self, face: Face) -> Option<&ttf_parser::Face<'static>> {
        self.faces.get(face.index())
    }

    /// Width of `text` in points at `size`, set in `face` (no kerning, as drawn).
    pub fn width(&self, face: Face, size: f32, text: &str) -> f32 {
        let Some(font) = self.face(face) else {
            return 0.0;
        };
        let units: u32 = text
            .chars()
            .filter_map(|c| font.glyph_index(c))
            .filter_map(|glyph| font.glyph_hor_advance(glyph))
            .map(u32::from)
            .sum();
        units as f32 * size / f32::from(font.units_per_em().max(1))
    }

    /// Whether every face can draw `c`.
    fn drawable(&self, c: char) -> bool {
        self.faces.iter().all(|font| font.glyph_index(c).is_some())
    }

    /// `text` with what the fonts cannot draw removed: control characters and tabs become
    /// spaces, characters without a glyph (emoji, unsupported scripts) are dropped, and runs
    /// of spaces left behind collapse to one. Line breaks are kept.
    pub fn clean(&self, text: &str) -> String {
        let mut out = String::with_capacity(text.len());
        for c in text.chars() {
            let c = match c {
                '\n' => '\n',
                '\r' => continue,
                c if c.is_whitespace() || c.is_control() => ' ',
                c if self.drawable(c) => c,
                _ => continue,
            };
            if c == ' ' && (out.ends_with(' ') || out.ends_with('\n')) {
                continue;
            }
            out.push(c);
        }
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn widths_grow_with_text_and_size() {
        let fonts = Fonts::load().unwrap();
        let short = fonts.width(Face::Regular, 10.0, "Pass");
        let long = fonts.width(Face::Regular, 10.0, "Passing");
        assert!(short > 0.0 && long > short);
        assert!((fonts.width(Face::Regular, 20.0, "Pass") - 2.0 * short).abs() < 0.01);
        assert!(fonts.width(Face::Bold, 10.0, "Wm") > fonts.width(Face::Regular, 10.0, "il"));
    }

    #[test]
    fn clean_keeps_typography_and_drops_emoji() {
        let fonts = Fonts::load().unwrap();
        let text = "“Café” – naïve…\tok 🚀 done\u{0007}";
        assert_eq!(fonts.clean(text), "“Café” – naïve… ok done ");
        assert_eq!(fonts.clean("two\nlines"), "two\nlines");
    }
}
