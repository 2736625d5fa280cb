//! The specification as one self-contained, accessible HTML page: the same blocks as the PDF
//! (so the two never say different things), written as landmarks (header, contents nav, main,
//! footer), headings in order (the title is the one `h1`), lists, and tables whose header
//! cells carry their scope. `lang="en-GB"`, no script, no outside file; the style sheet
//! reflows to any width (readable at 400% zoom) and prints each section on a new page.
//! Pure: builds the text, writes no file.

use super::ExportError;
use super::fonts::Fonts;
use super::specification::specification_blocks;
use super::table::Table;
use super::typeset::{Block, Para};
use crate::model::Curriculum;
use std::fmt::Write;

/// The bullet lead of a list item in the blocks.
const BULLET: &str = "•";

/// The style sheet: system fonts, fluid widths, visible focus, tables that scroll on their
/// own when narrower than their content, and page breaks for print.
const STYLE: &str = "\
body{font-family:\"Noto Sans\",\"Segoe UI\",Arial,sans-serif;line-height:1.5;color:#1b1f29;\
margin:0 auto;max-width:60rem;padding:1rem}\
h1,h2,h3,h4{line-height:1.25;color:#17306b}\
a{color:#17306b}a:focus{outline:3px solid #f2b705}\
nav ul{list-style:none;padding-left:0}nav ul ul{padding-left:1.5rem}\
.table{overflow-x:auto}\
table{border-collapse:collapse;width:100%;margin:0 0 1rem}\
th,td{border:1px solid #8a93a6;padding:.35rem .5rem;text-align:left;vertical-align:top}\
thead th{background:#e6ebf5}tbody th{background:#f3f5fa;font-weight:normal}\
td p,th p{margin:0 0 .35rem}\
footer{border-top:1px solid #8a93a6;margin-top:2rem;color:#4a5263}\
@media print{body{max-width:none}h2{break-before:page}thead{display:table-header-group}\
.table{overflow:visible}nav{break-after:page}}";

/// The specification of `doc` as an HTML page.
pub fn specification_html(doc: &Curriculum) -> Result<String, ExportError> {
    let fonts = Fonts::load()?;
    let blocks = specification_blocks(fonts, doc, false);
    let q = &doc.qualification;
    let mut page = String::new();
    let title = escape(q.title.trim());
    let _ = write!(
        page,
        "<!DOCTYPE html>\n<html lang=\"en-GB\">\n<head>\n<meta charset=\"utf-8\">\n\
         <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n\
         <title>{title}: specification</title>\n<style>{STYLE}</style>\n</head>\n<body>\n"
    );
    let _ = write!(
        page,
        "<header>\n<p>{}</p>\n<h1>{title}</h1>\n<p>{} · Level {} · Specification</p>\n</header>\n",
        escape(q.awarding_body.trim()),
        escape(q.kind.label()),
        q.level
    );
    // The cover is the header above; then the contents, then the body.
    let mut parts = blocks.split(|b| matches!(b, Block::PageBreak));
    parts.next();
    if let Some(contents) = parts.next() {
        write_contents(&mut page, contents);
    }
    page.push_str("<main>\n");
    for part in parts {
        write_blocks(&mut page, part);
    }
    page.push_str("</main>\n");
    let issue: Vec<String> = [q.issue.trim(), q.issue_date.trim()]
        .iter()
        .filter(|part| !part.is_empty())
        .map(|part| escape(part))
        .collect();
    if !issue.is_empty() {
        let _ = writeln!(page, "<footer>\n<p>{}</p>\n</footer>", issue.join(" – "));
    }
    page.push_str("</body>\n</html>\n");
    Ok(page)
}

/// The contents as a navigation landmark of nested lists of links.
fn write_contents(page: &mut String, blocks: &[Block]) {
    page.push_str("<nav aria-labelledby=\"contents\">\n<h2 id=\"contents\">Contents</h2>\n<ul>\n");
    let mut open_sublist = false;
    let mut first = true;
    for block in blocks {
        let Block::Contents {
            level,
            text,
            anchor,
        } = block
        else {
            continue;
        };
        let link = format!("<a href=\"#{}\">{}</a>", escape(anchor), escape(text));
        match (level, open_sublist) {
            (1, true) => {
                page.push_str("</ul></li>\n");
                open_sublist = false;
            }
            (1, false) if !first => page.push_str("</li>\n"),
            _ => {}
        }
        if *level == 1 {
            let _ = write!(page, "<li>{link}");
        } else {
            if !open_sublist {
                page.push_str("\n<ul>\n");
                open_sublist = true;
            }
            let _ = writeln!(page, "<li>{link}</li>");
        }
        first = false;
    }
    if open_sublist {
        page.push_str("</ul>");
    }
    if !first {
        page.push_str("</li>\n");
    }
    page.push_str("</ul>\n</nav>\n");
}

/// Headings, paragraphs, lists and tables in order; runs of bulleted paragraphs become one
/// list.
fn write_blocks(page: &mut String, blocks: &[Block]) {
    let mut in_list = false;
    for block in blocks {
        let bullet = matches!(block, Block::Para(para) if para.lead == BULLET);
        if in_list && !bullet {
            page.push_str("</ul>\n");
            in_list = false;
        }
        match block {
            Block::Heading {
                level,
                text,
                anchor,
                ..
            } => {
                let rank = (level + 1).min(6);
                let id = anchor
                    .as_ref()
                    .map(|a| format!(" id=\"{}\"", escape(a)))
                    .unwrap_or_default();
                let _ = writeln!(page, "<h{rank}{id}>{}</h{rank}>", escape(text));
            }
            Block::Para(para) if bullet => {
                if !in_list {
                    page.push_str("<ul>\n");
                    in_list = true;
                }
                let _ = writeln!(page, "<li>{}</li>", escape(&para.text));
            }
            Block::Para(para) => {
                let _ = writeln!(page, "<p>{}</p>", inline(para));
            }
            Block::Table(table) => write_table(page, table),
            Block::Contents { .. } | Block::Gap(_) | Block::PageBreak => {}
        }
    }
    if in_list {
        page.push_str("</ul>\n");
    }
}

/// A table: its header row as column headers, its first column as row headers when the PDF
/// shades it; in a region that scrolls on its own when the page is narrow.
fn write_table(page: &mut String, table: &Table) {
    page.push_str("<div class=\"table\">\n<table>\n");
    if !table.header.is_empty() {
        page.push_str("<thead>\n<tr>");
        for heading in &table.header {
            let _ = write!(page, "<th scope=\"col\">{}</th>", escape(heading));
        }
        page.push_str("</tr>\n</thead>\n");
    }
    page.push_str("<tbody>\n");
    for row in &table.rows {
        page.push_str("<tr>");
        for (column, cell) in row.iter().enumerate() {
            let text = cell_text(cell);
            let _ = if column == 0 && table.shade_first_column {
                write!(page, "<th scope=\"row\">{text}</th>")
            } else {
                write!(page, "<td>{text}</td>")
            };
        }
        page.push_str("</tr>\n");
    }
    page.push_str("</tbody>\n</table>\n</div>\n");
}

/// A cell's paragraphs: one inline, several as paragraphs.
fn cell_text(paras: &[Para]) -> String {
    match paras {
        [] => String::new(),
        [one] => inline(one),
        several => several
            .iter()
            .map(|para| format!("<p>{}</p>", inline(para)))
            .collect(),
    }
}

/// A paragraph's text, its lead (LO1, P3, a label) in bold before it.
fn inline(para: &Para) -> String {
    let text = escape(&para.text);
    match para.lead.as_str() {
        "" => text,
        BULLET => format!("{BULLET} {text}"),
        lead => format!("<strong>{}</strong> {text}", escape(lead)),
    }
}

/// `text` with the characters HTML gives meaning to written as references.
fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn markup_in_curriculum_text_is_shown_as_text() {
        assert_eq!(
            escape("<script>alert('x')</script> & \"y\""),
            "&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; &quot;y&quot;"
        );
    }
}
