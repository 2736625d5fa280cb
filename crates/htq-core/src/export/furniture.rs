//! Page furniture: contents lines (title, dot leader, page number, link) and the running
//! header and footer ("Page N of M") added once the page count is known.

use super::fonts::{Face, Fonts};
use super::typeset::{Cursor, Geometry, Item, Layout, MUTED, Para, Rgb, TextStyle, text_item};
use std::collections::HashMap;

/// A contents line: indented title, dot leader, right-aligned page number; all one link.
pub(crate) fn contents_line(
    fonts: &Fonts,
    cursor: &mut Cursor,
    level: u8,
    text: &str,
    anchor: &str,
    page_numbers: &HashMap<String, usize>,
) {
    let geometry = cursor.geometry;
    let style = if level <= 1 {
        TextStyle::BODY.with_face(Face::Bold)
    } else {
        TextStyle::BODY
    };
    let indent = f32::from(level.saturating_sub(1)) * 16.0;
    let number_room = 36.0;
    let left = geometry.side + indent;
    let right = geometry.width - geometry.side;
    if level <= 1 && !cursor.at_top() {
        cursor.y += 4.0;
    }
    let top = cursor.y;
    let para = Para {
        space_after: 0.0,
        ..Para::styled(text, style)
    };
    cursor.ensure(style.leading);
    let start_page = cursor.page_index();
    let start_y = cursor.y;
    cursor.para(fonts, &para, left, right - left - number_room);
    let Some(Item::Text { x, y, width, .. }) =
        cursor.pages.last().and_then(|p| p.items.last()).cloned()
    else {
        return;
    };
    let number = page_numbers
        .get(anchor)
        .map(ToString::to_string)
        .unwrap_or_default();
    let number_width = fonts.width(style.face, style.size, &number);
    let dot_width = fonts.width(Face::Regular, style.size, ".").max(0.1);
    let leader_start = x + width + 6.0;
    let leader_end = right - number_width - 4.0;
    let dots = ((leader_end - leader_start) / (dot_width * 2.0))
        .floor()
        .max(0.0) as usize;
    if dots > 0 {
        let leader = ". ".repeat(dots);
        let leader_width = fonts.width(Face::Regular, style.size, leader.trim_end());
        let leader_style = TextStyle {
            colour: MUTED,
            ..TextStyle::BODY
        };
        cursor.push(text_item(
            leader_end - leader_width,
            y,
            leader_width,
            leader_style,
            leader.trim_end(),
        ));
    }
    cursor.push(text_item(
        right - number_width,
        y,
        number_width,
        style,
        &number,
    ));
    let link_top = if cursor.page_index() == start_page {
        start_y.max(top)
    } else {
        geometry.top
    };
    cursor.push(Item::Link {
        x: geometry.side,
        y: link_top,
        width: geometry.measure(),
        height: cursor.y - link_top,
        anchor: anchor.to_owned(),
    });
}

/// Adds the running header (left) and footer (left text, "Page N of M" right) to every page,
/// except the first when it is a cover.
pub fn add_running_heads(
    fonts: &Fonts,
    layout: &mut Layout,
    geometry: Geometry,
    header: &str,
    footer: &str,
    skip_cover: bool,
) {
    let style = TextStyle {
        colour: MUTED,
        ..TextStyle::BODY.sized(8.5)
    };
    let total = layout.pages.len();
    let left = geometry.side;
    let right = geometry.width - geometry.side;
    let header = fit(fonts, style, header, geometry.measure());
    let header_y = geometry.top - 30.0;
    let footer_y = geometry.bottom + 36.0;
    let widest = format!("Page {total} of {total}");
    let footer_room = geometry.measure() - fonts.width(style.face, style.size, &widest) - 12.0;
    let footer = fit(fonts, style, footer, footer_room);
    let header_width = fonts.width(style.face, style.size, &header);
    let footer_width = fonts.width(style.face, style.size, &footer);
    let rule = Rgb(0.75, 0.77, 0.8);
    for (index, page) in layout
        .pages
        .iter_mut()
        .enumerate()
        .skip(usize::from(skip_cover))
    {
        let number = format!("Page {} of {}", index + 1, total);
        let number_width = fonts.width(style.face, style.size, &number);
        page.items
            .push(text_item(left, header_y, header_width, style, &header));
        page.items.push(Item::Rule {
            x: left,
            y: header_y + 6.0,
            x2: right,
            y2: header_y + 6.0,
            thickness: 0.5,
            colour: rule,
        });
        page.items.push(Item::Rule {
            x: left,
            y: footer_y - 12.0,
            x2: right,
            y2: footer_y - 12.0,
            thickness: 0.5,
            colour: rule,
        });
        page.items
            .push(text_item(left, footer_y, footer_width, style, &footer));
        page.items.push(text_item(
            right - number_width,
            footer_y,
            number_width,
            style,
            &number,
        ));
    }
}

/// `text` shortened with an ellipsis to fit `width`.
fn fit(fonts: &Fonts, style: TextStyle, text: &str, width: f32) -> String {
    if fonts.width(style.face, style.size, text) <= width {
        return text.to_owned();
    }
    let room = width - fonts.width(style.face, style.size, "…");
    let mut used = 0.0;
    let mut out = String::new();
    for c in text.chars() {
        let mut buffer = [0u8; 4];
        used += fonts.width(style.face, style.size, c.encode_utf8(&mut buffer));
        if used > room {
            break;
        }
        out.push(c);
    }
    format!("{}…", out.trim_end())
}
