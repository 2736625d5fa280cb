//! Page content streams written straight from placed boxes: fills, then rules, then all text
//! in one text section, as compact PDF operators. Text is shown as two-byte glyph ids of the
//! subset fonts (Identity-H), numbered the way printpdf numbers its subsets: glyph 0 first,
//! then every used glyph in the order of its id in the full font.

use super::typeset::{Geometry, Item, Page, Rgb};
use printpdf::ParsedFont;
use std::collections::HashMap;

/// Which subset glyph shows each character, per face (indexed like `Face::ALL`).
pub struct Glyphs {
    faces: Vec<FaceGlyphs>,
}

impl Glyphs {
    /// Collects the characters each face shows on `pages` and numbers their glyphs as the
    /// subset fonts will; `fonts` are the full faces in `Face::ALL` order.
    pub fn of(pages: &[Page], fonts: &[ParsedFont]) -> Self {
        let mut faces: Vec<FaceGlyphs> = fonts.iter().map(|_| FaceGlyphs::default()).collect();
        for item in pages.iter().flat_map(|page| &page.items) {
            if let Item::Text { style, text, .. } = item
                && let (Some(face), Some(font)) = (
                    faces.get_mut(style.face.index()),
                    fonts.get(style.face.index()),
                )
            {
                for c in text.chars() {
                    if face.get(c).is_none() {
                        face.insert(c, font.lookup_glyph_index(u32::from(c)).unwrap_or(0));
                    }
                }
            }
        }
        for face in &mut faces {
            face.renumber();
        }
        Self { faces }
    }

    /// Every character shown in the face at `face`, in code point order (what the font
    /// subset and its ToUnicode map are built from).
    pub fn shown(&self, face: usize) -> String {
        self.faces
            .get(face)
            .map(FaceGlyphs::shown)
            .unwrap_or_default()
    }

    fn gid(&self, face: usize, c: char) -> u16 {
        self.faces
            .get(face)
            .and_then(|glyphs| glyphs.get(c))
            .unwrap_or(0)
    }
}

/// Code points below this are looked up in a table, the rest in a map.
const TABLED: usize = 0x800;

/// The glyph of each character shown in one face.
struct FaceGlyphs {
    table: Vec<Option<u16>>,
    others: HashMap<char, u16>,
}

impl Default for FaceGlyphs {
    fn default() -> Self {
        Self {
            table: vec![None; TABLED],
            others: HashMap::new(),
        }
    }
}

impl FaceGlyphs {
    fn get(&self, c: char) -> Option<u16> {
        match self.table.get(c as usize) {
            Some(slot) => *slot,
            None => self.others.get(&c).copied(),
        }
    }

    fn insert(&mut self, c: char, gid: u16) {
        match self.table.get_mut(c as usize) {
            Some(slot) => *slot = Some(gid),
            None => {
                self.others.insert(c, gid);
            }
        }
    }

    /// Replaces glyph ids of the full font by those of the subset: 0 stays 0, the others
    /// are numbered from 1 in the order of their full-font ids.
    fn renumber(&mut self) {
        let mut used: Vec<u16> = self
            .table
            .iter()
            .flatten()
            .chain(self.others.values())
            .copied()
            .filter(|gid| *gid != 0)
            .collect();
        used.sort_unstable();
        used.dedup();
        let subset = |gid: &mut u16| {
            *gid = match used.binary_search(gid) {
                Ok(position) => u16::try_from(position + 1).unwrap_or(0),
                Err(_) => 0,
            };
        };
        self.table.iter_mut().flatten().for_each(subset);
        self.others.values_mut().for_each(subset);
    }

    fn shown(&self) -> String {
        let mut others: Vec<char> = self.others.keys().copied().collect();
        others.sort_unstable();
        self.table
            .iter()
            .enumerate()
            .filter(|(_, slot)| slot.is_some())
            .filter_map(|(code, _)| u32::try_from(code).ok().and_then(char::from_u32))
            .chain(others)
            .collect()
    }
}

/// The content stream of one page; `font_names` are the resource names of the faces.
pub fn page_content(
    items: &[Item],
    geometry: Geometry,
    glyphs: &Glyphs,
    font_names: &[String],
) -> Vec<u8> {
    let mut out = Stream(Vec::with_capacity(items.len() * 48));
    for item in items {
        if let Item::Fill {
            x,
            y,
            width,
            height,
            colour,
        } = item
        {
            out.colour(*colour, b"rg");
            out.numbers(&[*x, geometry.height - y - height, *width, *height]);
            out.op(b"re\nf");
        }
    }
    let mut stroke: Option<(Rgb, f32)> = None;
    for item in items {
        if let Item::Rule {
            x,
            y,
            x2,
            y2,
            thickness,
            colour,
        } = item
        {
            if stroke != Some((*colour, *thickness)) {
                out.colour(*colour, b"RG");
                out.numbers(&[*thickness]);
                out.op(b"w");
                stroke = Some((*colour, *thickness));
            }
            out.numbers(&[*x, geometry.height - y]);
            out.op(b"m");
            out.numbers(&[*x2, geometry.height - y2]);
            out.op(b"l\nS");
        }
    }
    out.op(b"BT");
    let mut current = None;
    for item in items {
        if let Item::Text {
            x, y, style, text, ..
        } = item
        {
            if text.is_empty() {
                continue;
            }
            let face = style.face.index();
            if current != Some((style.face, style.size, style.colour)) {
                if let Some(name) = font_names.get(face) {
                    out.0.push(b'/');
                    out.0.extend_from_slice(name.as_bytes());
                    out.0.push(b' ');
                    out.numbers(&[style.size]);
                    out.op(b"Tf");
                }
                out.colour(style.colour, b"rg");
                current = Some((style.face, style.size, style.colour));
            }
            out.0.extend_from_slice(b"1 0 0 1 ");
            out.numbers(&[*x, geometry.height - y]);
            out.op(b"Tm");
            out.0.push(b'<');
            for c in text.chars() {
                out.hex(glyphs.gid(face, c));
            }
            out.op(b"> Tj");
        }
    }
    out.op(b"ET");
    out.0
}

/// A content stream being written.
struct Stream(Vec<u8>);

impl Stream {
    fn op(&mut self, operator: &[u8]) {
        self.0.extend_from_slice(operator);
        self.0.push(b'\n');
    }

    fn colour(&mut self, colour: Rgb, operator: &[u8]) {
        self.numbers(&[colour.0, colour.1, colour.2]);
        self.op(operator);
    }

    /// Numbers in their shortest exact form (as printpdf writes them), each followed by a
    /// space; anything not finite as 0.
    fn numbers(&mut self, values: &[f32]) {
        use std::io::Write;
        for value in values {
            let value = if value.is_finite() { *value } else { 0.0 };
            // Writing into a Vec cannot fail.
            let _ = write!(self.0, "{value} ");
        }
    }

    fn hex(&mut self, gid: u16) {
        const HEX: &[u8; 16] = b"0123456789abcdef";
        for shift in [12, 8, 4, 0] {
            self.0.push(HEX[usize::from((gid >> shift) & 0xF)]);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn written(values: &[f32]) -> String {
        let mut stream = Stream(Vec::new());
        stream.numbers(values);
        String::from_utf8_lossy(&stream.0).into_owned()
    }

    #[test]
    fn numbers_are_written_exactly_and_anything_not_finite_as_zero() {
        assert_eq!(
            written(&[0.0, 12.0, 755.29004, -3.5, 0.062, f32::NAN, f32::INFINITY]),
            "0 12 755.29004 -3.5 0.062 0 0 "
        );
    }

    #[test]
    fn subset_glyphs_are_numbered_by_full_font_id_after_glyph_zero() {
        let mut face = FaceGlyphs::default();
        for (c, gid) in [('b', 50), ('a', 40), ('€', 30), ('x', 0), ('c', 40)] {
            face.insert(c, gid);
        }
        face.renumber();
        let subset: Vec<Option<u16>> = ['€', 'a', 'b', 'c', 'x', 'z'].map(|c| face.get(c)).into();
        assert_eq!(subset, [Some(1), Some(2), Some(3), Some(2), Some(0), None]);
        assert_eq!(face.shown(), "abcx€");
    }

    #[test]
    fn glyph_ids_are_four_hex_digits() {
        let mut stream = Stream(Vec::new());
        stream.hex(0x4e);
        stream.hex(0xabcd);
        assert_eq!(stream.0, b"004eabcd");
    }
}
