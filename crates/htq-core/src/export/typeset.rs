//! Pure page layout: a flow of blocks (headings, paragraphs, tables, contents lines) is
//! measured, broken into lines and placed on A4 pages as positioned boxes. No PDF here: the
//! boxes are turned into printpdf operations by `pdf`, and tests can inspect every placed box.
//!
//! Rules: a heading is never the last thing on a page (it moves with the first line of what
//! follows); a table's header row repeats after a page break; a table row moves to the next
//! page whole when it fits there, and a row taller than a page splits between lines, never
//! through one.

use super::fonts::{Face, Fonts};
use super::table::{Table, place_table};
use super::wrap::wrap;
use std::collections::HashMap;

/// Page and margins, in points, y measured down from the top edge.
#[derive(Debug, Clone, Copy)]
pub struct Geometry {
    /// Page width.
    pub width: f32,
    /// Page height.
    pub height: f32,
    /// Left and right margin.
    pub side: f32,
    /// Top of the text area.
    pub top: f32,
    /// Bottom of the text area.
    pub bottom: f32,
}

impl Geometry {
    /// A4 portrait with 22 mm sides and room for a running header and footer.
    pub const A4: Geometry = Geometry {
        width: 595.28,
        height: 841.89,
        side: 62.36,
        top: 76.0,
        bottom: 841.89 - 70.0,
    };

    /// Width of the text area.
    pub fn measure(&self) -> f32 {
        self.width - 2.0 * self.side
    }
}

/// An RGB colour, each channel 0..1.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Rgb(pub f32, pub f32, pub f32);

/// Body text colour.
pub const INK: Rgb = Rgb(0.1, 0.1, 0.12);
/// Heading colour: a dark blue.
pub const ACCENT: Rgb = Rgb(0.05, 0.2, 0.42);
/// Secondary text: running heads, captions.
pub const MUTED: Rgb = Rgb(0.38, 0.4, 0.45);

/// Face, size, line height and colour of a run of text.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct TextStyle {
    /// Face.
    pub face: Face,
    /// Size in points.
    pub size: f32,
    /// Distance between baselines in points.
    pub leading: f32,
    /// Colour.
    pub colour: Rgb,
}

impl TextStyle {
    /// Body text: 10 pt on 14 pt.
    pub const BODY: TextStyle = TextStyle::new(Face::Regular, 10.0, INK);

    /// A style with leading 1.4 times the size.
    pub const fn new(face: Face, size: f32, colour: Rgb) -> Self {
        Self {
            face,
            size,
            leading: size * 1.4,
            colour,
        }
    }

    /// The same style in another face.
    pub const fn with_face(self, face: Face) -> Self {
        Self { face, ..self }
    }

    /// The same style at another size.
    pub const fn sized(self, size: f32) -> Self {
        Self {
            size,
            leading: size * 1.4,
            ..self
        }
    }

    /// Baseline offset from the top of a line box.
    pub fn baseline(&self) -> f32 {
        (self.leading - self.size) / 2.0 + self.size * 0.86
    }
}

/// One positioned box on a page.
#[derive(Debug, Clone, PartialEq)]
pub enum Item {
    /// A line of text; `y` is the baseline.
    Text {
        x: f32,
        y: f32,
        width: f32,
        style: TextStyle,
        text: String,
    },
    /// A filled rectangle; `y` is its top edge.
    Fill {
        x: f32,
        y: f32,
        width: f32,
        height: f32,
        colour: Rgb,
    },
    /// A horizontal or vertical rule from (x, y) to (x2, y2).
    Rule {
        x: f32,
        y: f32,
        x2: f32,
        y2: f32,
        thickness: f32,
        colour: Rgb,
    },
    /// A clickable area that jumps to the page holding `anchor`.
    Link {
        x: f32,
        y: f32,
        width: f32,
        height: f32,
        anchor: String,
    },
}

/// The boxes of one page.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Page {
    /// Boxes in reading order.
    pub items: Vec<Item>,
}

/// A paragraph, optionally with a bold lead ("P1", "LO2", a bullet) in a hanging indent.
#[derive(Debug, Clone, PartialEq)]
pub struct Para {
    /// Lead set before the first line at `indent`; empty for none.
    pub lead: String,
    /// The text.
    pub text: String,
    /// Style of the text; the lead uses its bold face (or the same face for bullets).
    pub style: TextStyle,
    /// Face of the lead.
    pub lead_face: Face,
    /// Left indent of the lead from the block's left edge.
    pub indent: f32,
    /// Left indent of the text from the block's left edge.
    pub hang: f32,
    /// Space after the paragraph.
    pub space_after: f32,
    /// Start a new page rather than leave the paragraph last on one (a topic's sub-heading
    /// stays with its first lines).
    pub keep_with_next: bool,
}

impl Para {
    /// A plain paragraph of body text.
    pub fn body(text: impl Into<String>) -> Self {
        Self::styled(text, TextStyle::BODY)
    }

    /// A plain paragraph in `style`.
    pub fn styled(text: impl Into<String>, style: TextStyle) -> Self {
        Self {
            lead: String::new(),
            text: text.into(),
            style,
            lead_face: style.face,
            indent: 0.0,
            hang: 0.0,
            space_after: style.size * 0.6,
            keep_with_next: false,
        }
    }

    /// A bulleted item indented one level.
    pub fn bullet(text: impl Into<String>) -> Self {
        Self {
            lead: "•".into(),
            indent: 10.0,
            hang: 22.0,
            space_after: 2.0,
            ..Self::body(text)
        }
    }

    /// A paragraph with a bold label hanging in `hang` points.
    pub fn labelled(label: impl Into<String>, text: impl Into<String>, hang: f32) -> Self {
        Self {
            lead: label.into(),
            lead_face: Face::Bold,
            hang,
            ..Self::body(text)
        }
    }

    /// The paragraph's lines placed at `x` (left edge of the block) with the first line box
    /// top at 0, and its total height, for a block `width` wide.
    pub fn lines(&self, fonts: &Fonts, x: f32, width: f32) -> Vec<(f32, Item)> {
        let style = self.style;
        let text_x = x + self.hang;
        let mut placed = Vec::new();
        let lines = wrap(fonts, style.face, style.size, &self.text, width - self.hang);
        if !self.lead.is_empty() {
            let lead_style = style.with_face(self.lead_face);
            let lead_width = fonts.width(self.lead_face, style.size, &self.lead);
            placed.push((
                0.0,
                text_item(
                    x + self.indent,
                    style.baseline(),
                    lead_width,
                    lead_style,
                    &self.lead,
                ),
            ));
        }
        for (index, line) in lines.into_iter().enumerate() {
            let top = index as f32 * style.leading;
            placed.push((
                top,
                text_item(
                    text_x,
                    top + style.baseline(),
                    line.width,
                    style,
                    &line.text,
                ),
            ));
        }
        placed
    }
}

pub(crate) fn text_item(x: f32, y: f32, width: f32, style: TextStyle, text: &str) -> Item {
    Item::Text {
        x,
        y,
        width,
        style,
        text: text.to_owned(),
    }
}

/// One block of the flow.
#[derive(Debug, Clone, PartialEq)]
pub enum Block {
    /// A heading: level 1 (section), 2 or 3. With an anchor it can be linked to; with an
    /// outline depth it appears in the PDF bookmarks.
    Heading {
        level: u8,
        text: String,
        anchor: Option<String>,
        outline: Option<u8>,
    },
    /// A paragraph.
    Para(Para),
    /// A table.
    Table(Table),
    /// A contents entry: title, dot leader and the page where `anchor` lands, as a link.
    Contents {
        level: u8,
        text: String,
        anchor: String,
    },
    /// Vertical space.
    Gap(f32),
    /// Start a new page.
    PageBreak,
}

/// A PDF bookmark: title, nesting depth (0 = top) and zero-based page.
#[derive(Debug, Clone, PartialEq)]
pub struct Bookmark {
    /// Title shown in the outline.
    pub title: String,
    /// Nesting depth.
    pub depth: u8,
    /// Zero-based page index.
    pub page: usize,
}

/// Placed pages with where every anchor and bookmark landed.
#[derive(Debug, Clone, Default)]
pub struct Layout {
    /// The pages.
    pub pages: Vec<Page>,
    /// Zero-based page of each anchor.
    pub anchors: HashMap<String, usize>,
    /// Bookmarks in document order.
    pub bookmarks: Vec<Bookmark>,
}

/// Where the next box goes.
pub(crate) struct Cursor {
    pub geometry: Geometry,
    pub pages: Vec<Page>,
    pub y: f32,
}

impl Cursor {
    fn new(geometry: Geometry) -> Self {
        Self {
            geometry,
            pages: vec![Page::default()],
            y: geometry.top,
        }
    }

    /// Index of the current page.
    pub fn page_index(&self) -> usize {
        self.pages.len().saturating_sub(1)
    }

    /// Whether nothing has been placed on the current page yet.
    pub fn at_top(&self) -> bool {
        self.y <= self.geometry.top + 0.01
    }

    /// Space left on the current page.
    pub fn room(&self) -> f32 {
        self.geometry.bottom - self.y
    }

    /// Starts a new page.
    pub fn new_page(&mut self) {
        self.pages.push(Page::default());
        self.y = self.geometry.top;
    }

    /// Starts a new page unless `height` fits (or the page is still empty).
    pub fn ensure(&mut self, height: f32) {
        if height > self.room() && !self.at_top() {
            self.new_page();
        }
    }

    /// Adds a box to the current page.
    pub fn push(&mut self, item: Item) {
        if let Some(page) = self.pages.last_mut() {
            page.items.push(item);
        }
    }

    /// Places a paragraph line by line at `x` within `width`, breaking pages between lines.
    pub fn para(&mut self, fonts: &Fonts, para: &Para, x: f32, width: f32) {
        let leading = para.style.leading;
        let lines = para.lines(fonts, x, width);
        let count = lines
            .last()
            .map_or(0, |(top, _)| (top / leading).round() as usize + 1);
        // Short paragraphs stay together; longer ones never leave a single line behind, at
        // the foot of a page (two lines at least start it) or at the top of the next (the
        // last two lines go over together).
        let together = if count <= 3 { count } else { 2 };
        self.ensure(leading * together as f32);
        let mut line_top = f32::NEG_INFINITY;
        let mut offset = self.y;
        let mut line = 0;
        for (top, item) in lines {
            if top > line_top {
                let last_two = count > 3 && line + 2 == count;
                self.ensure(leading * if last_two { 2.0 } else { 1.0 });
                offset = self.y - top;
                line_top = top;
                self.y += leading;
                line += 1;
            }
            self.push(shift(item, offset));
        }
        self.y += para.space_after;
    }
}

/// `item` moved down by `dy`.
pub(crate) fn shift(item: Item, dy: f32) -> Item {
    match item {
        Item::Text {
            x,
            y,
            width,
            style,
            text,
        } => Item::Text {
            x,
            y: y + dy,
            width,
            style,
            text,
        },
        Item::Fill {
            x,
            y,
            width,
            height,
            colour,
        } => Item::Fill {
            x,
            y: y + dy,
            width,
            height,
            colour,
        },
        Item::Rule {
            x,
            y,
            x2,
            y2,
            thickness,
            colour,
        } => Item::Rule {
            x,
            y: y + dy,
            x2,
            y2: y2 + dy,
            thickness,
            colour,
        },
        Item::Link {
            x,
            y,
            width,
            height,
            anchor,
        } => Item::Link {
            x,
            y: y + dy,
            width,
            height,
            anchor,
        },
    }
}

/// Style of a heading level.
pub fn heading_style(level: u8) -> TextStyle {
    match level {
        0 | 1 => TextStyle::new(Face::Bold, 17.0, ACCENT),
        2 => TextStyle::new(Face::Bold, 12.5, ACCENT),
        _ => TextStyle::new(Face::Bold, 10.5, INK),
    }
}

fn heading_space(level: u8) -> (f32, f32) {
    match level {
        0 | 1 => (6.0, 10.0),
        2 => (12.0, 4.0),
        _ => (8.0, 2.0),
    }
}

/// Height a block needs before its first possible page break: what a heading keeps with it.
fn first_chunk(fonts: &Fonts, blocks: &[Block], width: f32, page_room: f32) -> f32 {
    match blocks.first() {
        Some(Block::Heading { level, text, .. }) => {
            heading_height(fonts, *level, text, width)
                + first_chunk(fonts, &blocks[1..], width, page_room)
        }
        Some(Block::Para(para)) => para.style.leading * 2.0_f32.min(line_count(fonts, para, width)),
        Some(Block::Table(table)) => table.first_chunk(fonts, width, page_room),
        Some(Block::Contents { .. }) => TextStyle::BODY.leading,
        Some(Block::Gap(gap)) => gap + first_chunk(fonts, &blocks[1..], width, page_room),
        Some(Block::PageBreak) | None => 0.0,
    }
}

fn line_count(fonts: &Fonts, para: &Para, width: f32) -> f32 {
    wrap(
        fonts,
        para.style.face,
        para.style.size,
        &para.text,
        width - para.hang,
    )
    .len()
    .max(1) as f32
}

fn heading_height(fonts: &Fonts, level: u8, text: &str, width: f32) -> f32 {
    let style = heading_style(level);
    let (before, after) = heading_space(level);
    let lines = wrap(fonts, style.face, style.size, text, width)
        .len()
        .max(1);
    before + lines as f32 * style.leading + after
}

/// Lays out `blocks` on pages. `page_numbers` gives the one-based page printed in contents
/// lines for each anchor (from a previous run; missing anchors print no number).
pub fn lay_out(
    fonts: &Fonts,
    geometry: Geometry,
    blocks: &[Block],
    page_numbers: &HashMap<String, usize>,
) -> Layout {
    let mut cursor = Cursor::new(geometry);
    let mut anchors = HashMap::new();
    let mut bookmarks = Vec::new();
    let width = geometry.measure();
    let left = geometry.side;
    let page_room = geometry.bottom - geometry.top;
    // What must follow the block at `index` on the same page.
    let next_chunk = |index: usize| {
        let rest = blocks.get(index + 1..).unwrap_or_default();
        first_chunk(fonts, rest, width, page_room)
    };
    for (index, block) in blocks.iter().enumerate() {
        match block {
            Block::Heading {
                level,
                text,
                anchor,
                outline,
            } => {
                let style = heading_style(*level);
                let (before, after) = heading_space(*level);
                cursor.ensure(heading_height(fonts, *level, text, width) + next_chunk(index));
                if !cursor.at_top() {
                    cursor.y += before;
                }
                if let Some(anchor) = anchor {
                    anchors.insert(anchor.clone(), cursor.page_index());
                }
                if let Some(depth) = outline {
                    bookmarks.push(Bookmark {
                        title: text.clone(),
                        depth: *depth,
                        page: cursor.page_index(),
                    });
                }
                let para = Para {
                    space_after: after,
                    ..Para::styled(text.clone(), style)
                };
                cursor.para(fonts, &para, left, width);
                if *level <= 1 {
                    let y = cursor.y - after + 3.0;
                    cursor.push(Item::Rule {
                        x: left,
                        y,
                        x2: left + width,
                        y2: y,
                        thickness: 0.8,
                        colour: ACCENT,
                    });
                }
            }
            Block::Para(para) => {
                if para.keep_with_next {
                    let height = para.style.leading * line_count(fonts, para, width);
                    cursor.ensure(height + para.space_after + next_chunk(index));
                }
                cursor.para(fonts, para, left, width);
            }
            Block::Table(table) => place_table(fonts, &mut cursor, table, left, width),
            Block::Contents {
                level,
                text,
                anchor,
            } => {
                super::furniture::contents_line(
                    fonts,
                    &mut cursor,
                    *level,
                    text,
                    anchor,
                    page_numbers,
                );
            }
            Block::Gap(gap) => {
                if !cursor.at_top() {
                    cursor.y = (cursor.y + gap).min(geometry.bottom);
                }
            }
            Block::PageBreak => {
                if !cursor.at_top() {
                    cursor.new_page();
                }
            }
        }
    }
    Layout {
        pages: cursor.pages,
        anchors,
        bookmarks,
    }
}
