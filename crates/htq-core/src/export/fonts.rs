//! The bundled Noto Sans faces and their metrics, read from the font files themselves.
//!
//! Measuring and drawing use the same bytes, so a measured line is exactly as wide on the page.
//! Characters the fonts cannot draw (emoji, scripts Noto Sans lacks) are dropped before
//! measuring, so they can never break a line or overflow a margin.

use super::ExportError;

/// Noto Sans Regular, embedded in the PDF.
pub(crate) const REGULAR: &[u8] = include_bytes!("../../../../assets/fonts/NotoSans-Regular.ttf");
/// Noto Sans Bold.
pub(crate) const BOLD: &[u8] = include_bytes!("../../../../assets/fonts/NotoSans-Bold.ttf");
/// Noto Sans Italic.
pub(crate) const ITALIC: &[u8] = include_bytes!("../../../../assets/fonts/NotoSans-Italic.ttf");
/// Noto Sans Bold Italic.
pub(crate) const BOLD_ITALIC: &[u8] =
    include_bytes!("../../../../assets/fonts/NotoSans-BoldItalic.ttf");

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

/// Code points below this have their advances in a table; the rest are looked up.
const TABLE_END: u32 = 0x2600;
/// Marks a code point with no glyph in the table.
const MISSING: u16 = u16::MAX;

/// Glyph advances of the four faces, read once per process.
pub struct Fonts {
    faces: Vec<ttf_parser::Face<'static>>,
    /// Advance in font units of every code point below `TABLE_END`, per face.
    advances: Vec<[u16; 4]>,
    /// Units per em of each face.
    units_per_em: [f32; 4],
}

impl Fonts {
    /// The bundled fonts, parsed on first use.
    pub fn load() -> Result<&'static Self, ExportError> {
        static FONTS: std::sync::OnceLock<Result<Fonts, ExportError>> = std::sync::OnceLock::new();
        FONTS
            .get_or_init(Self::parse)
            .as_ref()
            .map_err(Clone::clone)
    }

    fn parse() -> Result<Self, ExportError> {
        let faces = Face::ALL
            .iter()
            .map(|face| {
                ttf_parser::Face::parse(face.bytes(), 0)
                    .map_err(|_| ExportError::Font(face.file_name().to_owned()))
            })
            .collect::<Result<Vec<_>, _>>()?;
        let mut units_per_em = [1.0; 4];
        for (slot, font) in units_per_em.iter_mut().zip(&faces) {
            *slot = f32::from(font.units_per_em().max(1));
        }
        let advances = (0..TABLE_END)
            .map(|code| {
                let mut row = [MISSING; 4];
                if let Some(c) = char::from_u32(code) {
                    for (slot, font) in row.iter_mut().zip(&faces) {
                        *slot = lookup(font, c).unwrap_or(MISSING);
                    }
                }
                row
            })
            .collect();
        Ok(Self {
            faces,
            advances,
            units_per_em,
        })
    }

    /// Advance of `c` in `face`, in font units; `None` when the face has no glyph for it.
    fn advance(&self, face: Face, c: char) -> Option<u16> {
        let index = face.index();
        match self.advances.get(c as usize) {
            Some(row) => row.get(index).copied().filter(|a| *a != MISSING),
            None => self.faces.get(index).and_then(|font| lookup(font, c)),
        }
    }

    /// Width of `text` in points at `size`, set in `face` (no kerning, as drawn).
    pub fn width(&self, face: Face, size: f32, text: &str) -> f32 {
        let units: u32 = text
            .chars()
            .filter_map(|c| self.advance(face, c))
            .map(u32::from)
            .sum();
        units as f32 * size / self.units_per_em[face.index()]
    }

    /// Whether every face can draw `c`.
    fn drawable(&self, c: char) -> bool {
        Face::ALL
            .iter()
            .all(|face| self.advance(*face, c).is_some())
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

/// Advance of `c` in `font`, if it has a glyph (U+0000 and friends map to none).
fn lookup(font: &ttf_parser::Face<'_>, c: char) -> Option<u16> {
    let glyph = font.glyph_index(c).filter(|g| g.0 != 0)?;
    Some(font.glyph_hor_advance(glyph).unwrap_or(0).min(MISSING - 1))
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
