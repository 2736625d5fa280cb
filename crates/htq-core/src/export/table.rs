//! Tables: wrapped cells, a shaded header row repeated after every page break, light rules.
//! A row moves to the next page whole when it fits there; a row taller than a page is split
//! between lines, never through one.

use super::fonts::{Face, Fonts};
use super::typeset::{Cursor, INK, Item, Para, Rgb, TextStyle, shift};

/// Padding inside every cell.
const PAD: f32 = 4.0;
/// Colour of the header row.
const HEADER_FILL: Rgb = Rgb(0.86, 0.9, 0.95);
/// Colour of a shaded first column.
const COLUMN_FILL: Rgb = Rgb(0.95, 0.96, 0.98);
/// Colour of the rules.
const RULE: Rgb = Rgb(0.62, 0.66, 0.72);

/// A table: relative column widths, a header row and rows of cells of paragraphs.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Table {
    /// Relative widths of the columns; the table fills the text width.
    pub columns: Vec<f32>,
    /// Header cells (set bold, repeated on every page the table spans); empty for none.
    pub header: Vec<String>,
    /// Rows; each cell is a list of paragraphs.
    pub rows: Vec<Vec<Vec<Para>>>,
    /// Shade the first column (row labels).
    pub shade_first_column: bool,
}

/// Style of table text.
pub const CELL: TextStyle = TextStyle::new(Face::Regular, 9.0, INK);

impl Table {
    /// A table with these columns and header, no rows yet.
    pub fn new(columns: &[f32], header: &[&str]) -> Self {
        Self {
            columns: columns.to_vec(),
            header: header.iter().map(|h| (*h).to_owned()).collect(),
            rows: Vec::new(),
            shade_first_column: false,
        }
    }

    /// Adds a row of single-paragraph cells in table style.
    pub fn push_texts(&mut self, cells: &[String]) {
        self.rows
            .push(cells.iter().map(|text| vec![cell(text)]).collect());
    }

    /// Left edge and width of each column for a table `width` wide starting at `left`.
    fn column_boxes(&self, left: f32, width: f32) -> Vec<(f32, f32)> {
        let total: f32 = self
            .columns
            .iter()
            .filter(|w| **w > 0.0)
            .sum::<f32>()
            .max(f32::EPSILON);
        let mut x = left;
        self.columns
            .iter()
            .map(|w| {
                let column = width * w.max(0.0) / total;
                let placed = (x, column);
                x += column;
                placed
            })
            .collect()
    }

    fn header_row(&self) -> Vec<Vec<Para>> {
        self.header
            .iter()
            .map(|text| {
                vec![Para {
                    space_after: 0.0,
                    ..Para::styled(text.clone(), CELL.with_face(Face::Bold))
                }]
            })
            .collect()
    }

    /// Height of the header row plus the first row (or its first line when the row is taller
    /// than `page_room`): what must fit before the table starts, and what a heading above the
    /// table keeps with it.
    pub fn first_chunk(&self, fonts: &Fonts, width: f32, page_room: f32) -> f32 {
        let columns = self.column_boxes(0.0, width);
        let header = if self.header.is_empty() {
            0.0
        } else {
            RowBoxes::of(fonts, &self.header_row(), &columns).height
        };
        let first_row = self
            .rows
            .first()
            .map_or(0.0, |row| RowBoxes::of(fonts, row, &columns).height);
        if header + first_row <= page_room {
            header + first_row
        } else {
            header + CELL.leading + 2.0 * PAD
        }
    }
}

/// A paragraph in table style.
pub fn cell(text: &str) -> Para {
    Para {
        space_after: 3.0,
        ..Para::styled(text, CELL)
    }
}

/// A row's boxes, y relative to the row's top edge.
struct RowBoxes {
    /// Text lines as (top, bottom, item).
    lines: Vec<(f32, f32, Item)>,
    height: f32,
}

impl RowBoxes {
    fn of(fonts: &Fonts, cells: &[Vec<Para>], columns: &[(f32, f32)]) -> Self {
        let mut lines = Vec::new();
        let mut height: f32 = 0.0;
        for (paras, (x, column)) in cells.iter().zip(columns) {
            let mut y = PAD;
            let mut last_space = 0.0;
            for para in paras {
                let mut bottom = y;
                for (top, item) in para.lines(fonts, x + PAD, column - 2.0 * PAD) {
                    let line_top = y + top;
                    bottom = bottom.max(line_top + para.style.leading);
                    lines.push((line_top, line_top + para.style.leading, shift(item, y)));
                }
                y = bottom + para.space_after;
                last_space = para.space_after;
            }
            height = height.max(y - last_space + PAD);
        }
        Self {
            lines,
            height: height.max(2.0 * PAD),
        }
    }

    /// The largest cut at or below `limit` (and above `start`) that passes through no line.
    fn cut(&self, start: f32, limit: f32) -> Option<f32> {
        self.lines
            .iter()
            .map(|(_, bottom, _)| *bottom)
            .filter(|c| *c > start + 0.01 && *c <= limit)
            .filter(|c| {
                !self
                    .lines
                    .iter()
                    .any(|(top, bottom, _)| top < c && bottom > c)
            })
            .fold(None, |best: Option<f32>, c| {
                Some(best.map_or(c, |b| b.max(c)))
            })
    }
}

/// The part of a row drawn on one page: row-relative `start..end`, plus padding added
/// where the row was split.
#[derive(Clone, Copy)]
struct Fragment {
    start: f32,
    end: f32,
    pad_top: f32,
    pad_bottom: f32,
}

impl Fragment {
    fn whole(row: &RowBoxes) -> Self {
        Self {
            start: 0.0,
            end: row.height,
            pad_top: 0.0,
            pad_bottom: 0.0,
        }
    }
}

/// How a fragment is shaded.
#[derive(Clone, Copy)]
enum Shade {
    None,
    Row(Rgb),
    FirstColumn(Rgb),
}

/// Places `table` at `left`, `width` wide, from the cursor down.
pub(crate) fn place_table(
    fonts: &Fonts,
    cursor: &mut Cursor,
    table: &Table,
    left: f32,
    width: f32,
) {
    let columns = table.column_boxes(left, width);
    let page_room = cursor.geometry.bottom - cursor.geometry.top;
    let header_row = RowBoxes::of(fonts, &table.header_row(), &columns);
    // A header repeats on every page; one too tall for that (hostile text) is an ordinary row.
    let repeated = !table.header.is_empty() && header_row.height <= page_room / 3.0;
    let header = repeated.then_some(&header_row);
    let shade = if table.shade_first_column {
        Shade::FirstColumn(COLUMN_FILL)
    } else {
        Shade::None
    };
    cursor.ensure(table.first_chunk(fonts, width, page_room));
    if let Some(header) = header {
        draw_fragment(
            cursor,
            header,
            &columns,
            Fragment::whole(header),
            Shade::Row(HEADER_FILL),
        );
    } else if !table.header.is_empty() {
        place_row(cursor, &header_row, &columns, None, Shade::Row(HEADER_FILL));
    }
    for cells in &table.rows {
        let row = RowBoxes::of(fonts, cells, &columns);
        place_row(cursor, &row, &columns, header, shade);
    }
    cursor.y += 8.0;
}

/// Places one row: whole on this page, else whole on the next, else split between lines.
fn place_row(
    cursor: &mut Cursor,
    row: &RowBoxes,
    columns: &[(f32, f32)],
    header: Option<&RowBoxes>,
    shade: Shade,
) {
    let page_room = cursor.geometry.bottom - cursor.geometry.top;
    let header_height = header.map_or(0.0, |h| h.height);
    let mut start = 0.0;
    let mut fresh = cursor.at_top();
    loop {
        let pad_top = if start > 0.0 { PAD } else { 0.0 };
        if row.height - start + pad_top <= cursor.room() {
            let fragment = Fragment {
                start,
                end: row.height,
                pad_top,
                pad_bottom: 0.0,
            };
            draw_fragment(cursor, row, columns, fragment, shade);
            return;
        }
        if start == 0.0 && !fresh && row.height + header_height <= page_room {
            next_page(cursor, header, columns);
            fresh = true;
            continue;
        }
        let limit = start + cursor.room() - pad_top - PAD;
        let end = match row.cut(start, limit) {
            Some(cut) => cut,
            None if !fresh => {
                next_page(cursor, header, columns);
                fresh = true;
                continue;
            }
            None => limit.max(start + CELL.leading),
        };
        draw_fragment(
            cursor,
            row,
            columns,
            Fragment {
                start,
                end,
                pad_top,
                pad_bottom: PAD,
            },
            shade,
        );
        next_page(cursor, header, columns);
        fresh = true;
        start = end;
    }
}

fn next_page(cursor: &mut Cursor, header: Option<&RowBoxes>, columns: &[(f32, f32)]) {
    cursor.new_page();
    if let Some(header) = header {
        draw_fragment(
            cursor,
            header,
            columns,
            Fragment::whole(header),
            Shade::Row(HEADER_FILL),
        );
    }
}

/// Draws one fragment of `row` at the cursor and moves the cursor below it.
fn draw_fragment(
    cursor: &mut Cursor,
    row: &RowBoxes,
    columns: &[(f32, f32)],
    fragment: Fragment,
    shade: Shade,
) {
    let Fragment {
        start,
        end,
        pad_top,
        pad_bottom,
    } = fragment;
    let top = cursor.y;
    let height = end - start + pad_top + pad_bottom;
    let left = columns.first().map_or(0.0, |c| c.0);
    let right = columns.last().map_or(left, |c| c.0 + c.1);
    let fill = match shade {
        Shade::None => None,
        Shade::Row(colour) => Some((colour, right)),
        Shade::FirstColumn(colour) => Some((colour, columns.first().map_or(right, |c| c.0 + c.1))),
    };
    if let Some((colour, fill_right)) = fill {
        cursor.push(Item::Fill {
            x: left,
            y: top,
            width: fill_right - left,
            height,
            colour,
        });
    }
    for (line_top, _, item) in &row.lines {
        if *line_top >= start - 0.01 && *line_top < end - 0.01 {
            cursor.push(shift(item.clone(), top + pad_top - start));
        }
    }
    let bottom = top + height;
    let rule = |x: f32, y: f32, x2: f32, y2: f32| Item::Rule {
        x,
        y,
        x2,
        y2,
        thickness: 0.5,
        colour: RULE,
    };
    cursor.push(rule(left, top, right, top));
    cursor.push(rule(left, bottom, right, bottom));
    for x in columns.iter().map(|c| c.0).chain(std::iter::once(right)) {
        cursor.push(rule(x, top, x, bottom));
    }
    cursor.y = bottom;
}
