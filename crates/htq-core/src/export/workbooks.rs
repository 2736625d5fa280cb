//! The submission workbooks approval bodies ask for, as `.xlsx`: the qualification structure
//! (units, rules of combination, credit totals) and the KSB mapping (one sheet per claimed
//! occupation, one row per KSB it needs). Every sheet carries the qualification's title in a
//! title row and in its printed header, a frozen header row with filters, wrapped text and set
//! column widths; the mapping's coverage column has a drop-down of the three coverage levels.
//!
//! Cells are written as text or numbers, never as formulas: text that a spreadsheet would
//! read as one (it starts with one of the [`FORMULA_TRIGGERS`]) carries Excel's quote prefix,
//! the workbook form of OWASP's remedy, and text over Excel's 32,767 characters a cell is cut
//! with a note. Pure: builds the bytes, writes no file.

use super::ExportError;
use super::mapping_csv::{FORMULA_TRIGGERS, keyed_rows};
use crate::analysis::{Occupation, OccupationCoverage, analyse};
use crate::model::{Curriculum, KsbId};
use rust_xlsxwriter::{DataValidation, Format, FormatAlign, Workbook, Worksheet, XlsxError};
use std::borrow::Cow;
use std::collections::{BTreeMap, HashMap};

/// The most characters Excel holds in one cell.
const CELL_LIMIT: usize = 32_767;

/// Ends a cell cut to [`CELL_LIMIT`].
const CUT_NOTE: &str = " [cut: the full text is in the specification]";

/// The row of column headings on every sheet (0-based); the title rows sit above it.
const HEADING_ROW: u32 = 3;

/// Column headings and widths (in characters) of the units sheet.
const UNIT_COLUMNS: [(&str, f64); 7] = [
    ("Number", 10.0),
    ("Title", 48.0),
    ("Level", 7.0),
    ("Credits", 9.0),
    ("GLH", 7.0),
    ("Theme", 26.0),
    ("Mandatory or group", 40.0),
];

/// Column headings and widths of the rules sheet.
const RULE_COLUMNS: [(&str, f64); 6] = [
    ("Rule", 44.0),
    ("Units", 48.0),
    ("Minimum credits", 12.0),
    ("Maximum credits", 12.0),
    ("Minimum units", 11.0),
    ("Maximum units", 11.0),
];

/// Column headings and widths of a mapping sheet; the cells come from the mapping CSV's
/// columns of the same name.
const MAPPING_COLUMNS: [(&str, f64); 8] = [
    ("Code", 8.0),
    ("Kind", 11.0),
    ("Statement", 56.0),
    ("Units", 16.0),
    ("Learning outcomes", 24.0),
    ("Coverage", 11.0),
    ("Justification", 40.0),
    ("Pathway status", 40.0),
];

/// Where each mapping column's cell is in a mapping CSV row.
const FROM_CSV: [usize; 8] = [1, 2, 3, 4, 5, 6, 8, 7];

/// The coverage levels offered in the drop-down.
const COVERAGE_LEVELS: [&str; 3] = ["Full", "Partial", "None"];

/// The qualification-structure workbook: a sheet of units, one of the rules of combination
/// and one of credit totals.
pub fn structure_xlsx(doc: &Curriculum) -> Result<Vec<u8>, ExportError> {
    build(doc).map_err(workbook_error)
}

fn build(doc: &Curriculum) -> Result<Vec<u8>, XlsxError> {
    let styles = Styles::new();
    let mut workbook = Workbook::new();
    workbook.set_properties(&properties(doc, "Qualification structure"));
    let q = &doc.qualification;

    let mut table = start_sheet(
        workbook.add_worksheet(),
        doc,
        "Units",
        "Units of the qualification",
        &UNIT_COLUMNS,
        &styles,
    )?;
    let mut row = HEADING_ROW;
    for unit in &doc.units {
        row += 1;
        table.text(row, 0, &unit.number)?;
        table.text(row, 1, &unit.title)?;
        table.number(row, 2, unit.level)?;
        table.number(row, 3, unit.credits)?;
        table.number(row, 4, unit.glh)?;
        table.text(row, 5, unit.theme.label())?;
        table.text(row, 6, &role(doc, &unit.id))?;
    }
    table.finish(row)?;

    let mut table = start_sheet(
        workbook.add_worksheet(),
        doc,
        "Rules of combination",
        &format!(
            "Rules of combination: {} in total",
            crate::words::counted(q.total_credits, "credit", "credits")
        ),
        &RULE_COLUMNS,
        &styles,
    )?;
    let numbers = |ids: &[crate::model::UnitId]| -> String {
        doc.units
            .iter()
            .filter(|u| ids.contains(&u.id))
            .map(|u| u.number.trim())
            .collect::<Vec<_>>()
            .join(", ")
    };
    let summary = doc.credit_summary();
    let mut row = HEADING_ROW + 1;
    table.text(row, 0, "Mandatory units")?;
    table.text(row, 1, &numbers(&q.rules.mandatory))?;
    table.number(row, 2, summary.mandatory)?;
    table.number(row, 3, summary.mandatory)?;
    for group in &q.rules.groups {
        row += 1;
        let title = if group.title.trim().is_empty() {
            "Optional group"
        } else {
            group.title.trim()
        };
        table.text(row, 0, title)?;
        table.text(row, 1, &numbers(&group.units))?;
        let bounds = [
            group.min_credits,
            group.max_credits,
            group.min_units,
            group.max_units,
        ];
        for (column, bound) in (2u16..).zip(bounds) {
            match bound {
                Some(value) => table.number(row, column, value)?,
                None => table.text(row, column, "")?,
            };
        }
    }
    for rule in &q.rules.level_credits {
        row += 1;
        let text = format!("Credits at Level {}", rule.level);
        table.text(row, 0, &text)?;
        table.text(row, 1, "")?;
        table.number(row, 2, rule.min_credits)?;
    }
    row += 1;
    table.text(row, 0, "Total credits of every programme")?;
    table.text(row, 1, "")?;
    table.number(row, 2, q.total_credits)?;
    table.number(row, 3, q.total_credits)?;
    table.finish(row)?;

    let totals: [(&str, f64); 2] = [("Credit total", 52.0), ("Credits", 10.0)];
    let mut table = start_sheet(
        workbook.add_worksheet(),
        doc,
        "Credit totals",
        "Credit totals",
        &totals,
        &styles,
    )?;
    let mut lines: Vec<(String, u32)> = vec![("Mandatory units".into(), summary.mandatory)];
    lines.extend(
        summary
            .mandatory_by_level
            .iter()
            .map(|(level, credits)| (format!("Mandatory units at Level {level}"), *credits)),
    );
    lines.push((
        "Still to choose from optional groups".into(),
        summary.to_choose,
    ));
    lines.push((
        "On offer in optional groups (each unit once)".into(),
        summary.optional_offered,
    ));
    lines.push(("Total credits of the qualification".into(), q.total_credits));
    let mut row = HEADING_ROW;
    for (label, credits) in lines {
        row += 1;
        table.text(row, 0, &label)?;
        table.number(row, 1, credits)?;
    }
    table.finish(row)?;
    workbook.save_to_buffer()
}

/// The KSB-mapping workbook: a sheet per claimed occupation (core and option KSBs), or one
/// sheet of every standard's KSBs when the qualification claims none.
pub fn mapping_xlsx(doc: &Curriculum) -> Result<Vec<u8>, ExportError> {
    build_mapping(doc).map_err(workbook_error)
}

fn build_mapping(doc: &Curriculum) -> Result<Vec<u8>, XlsxError> {
    let styles = Styles::new();
    let analysis = analyse(doc);
    let rows: HashMap<KsbId, [String; 9]> =
        keyed_rows(doc, &analysis.pathways).into_iter().collect();
    let mut workbook = Workbook::new();
    workbook.set_properties(&properties(doc, "KSB mapping"));
    let occupations = &analysis.occupations.occupations;
    let sheets: Vec<(String, String, Vec<KsbId>)> = if occupations.is_empty() {
        vec![(
            "KSB mapping".to_owned(),
            "Every KSB of every standard (the qualification claims no occupation yet)".to_owned(),
            doc.standards
                .iter()
                .flat_map(|s| s.ksbs.iter().map(|k| k.id.clone()))
                .collect(),
        )]
    } else {
        let mut names = Vec::new();
        occupations
            .iter()
            .map(|entry| {
                let name = sheet_name(doc, &entry.occupation, &names);
                names.push(name.clone());
                (
                    name,
                    occupation_title(doc, entry),
                    needed_in_order(doc, &entry.occupation),
                )
            })
            .collect()
    };
    let coverage = DataValidation::new()
        .allow_list_strings(&COVERAGE_LEVELS)?
        .set_input_title("Coverage")?
        .set_input_message("Full, Partial (give the justification) or None")?;
    for (name, title, ksbs) in sheets {
        let mut table = start_sheet(
            workbook.add_worksheet(),
            doc,
            &name,
            &title,
            &MAPPING_COLUMNS,
            &styles,
        )?;
        let mut row = HEADING_ROW;
        for ksb in &ksbs {
            let Some(cells) = rows.get(ksb) else { continue };
            row += 1;
            for (column, &from) in (0u16..).zip(&FROM_CSV) {
                table.text(row, column, &cells[from])?;
            }
        }
        if row > HEADING_ROW {
            table
                .sheet
                .add_data_validation(HEADING_ROW + 1, 5, row, 5, &coverage)?;
        }
        table.finish(row)?;
    }
    workbook.save_to_buffer()
}

/// The KSBs `occupation` needs, and those it would need but the qualification leaves out of
/// scope, in standard order.
fn needed_in_order(doc: &Curriculum, occupation: &Occupation) -> Vec<KsbId> {
    let wanted: std::collections::HashSet<&KsbId> = occupation
        .ksbs
        .iter()
        .chain(&occupation.out_of_scope)
        .collect();
    doc.standard(&occupation.standard)
        .map(|s| {
            s.ksbs
                .iter()
                .filter(|k| wanted.contains(&k.id))
                .map(|k| k.id.clone())
                .collect()
        })
        .unwrap_or_default()
}

/// "ST0220 Healthcare science associate: met in every pathway (405 pathways)".
fn occupation_title(doc: &Curriculum, entry: &OccupationCoverage) -> String {
    format!("{}: {}", entry.occupation.name, entry.summary(doc))
}

/// A sheet name for `occupation`: its reference, and its option's title when it has one, cut
/// to Excel's 31 characters without the characters Excel refuses, unique among `taken`.
fn sheet_name(doc: &Curriculum, occupation: &Occupation, taken: &[String]) -> String {
    let reference = doc
        .standard(&occupation.standard)
        .map_or("", |s| s.reference.trim());
    let base = match &occupation.option {
        Some(option) => format!("{reference} {}", option.trim()),
        None => occupation.name.clone(),
    };
    let base: String = base
        .chars()
        .map(|c| match c {
            '[' | ']' | ':' | '*' | '?' | '/' | '\\' => ' ',
            c => c,
        })
        .collect();
    let base = base.trim().trim_matches('\'').to_owned();
    let cut = |text: &str, limit: usize| -> String { text.chars().take(limit).collect() };
    let mut name = cut(&base, 31).trim_end().to_owned();
    let mut n = 2;
    while name.is_empty() || taken.iter().any(|t| t.eq_ignore_ascii_case(&name)) {
        let suffix = format!(" ({n})");
        name = format!("{}{suffix}", cut(&base, 31 - suffix.len()).trim_end());
        n += 1;
    }
    name
}

/// Mandatory, the group's title, or "Not offered".
fn role(doc: &Curriculum, unit: &crate::model::UnitId) -> String {
    let rules = &doc.qualification.rules;
    if rules.mandatory.contains(unit) {
        return "Mandatory".to_owned();
    }
    rules
        .groups
        .iter()
        .find(|g| g.units.contains(unit))
        .map_or("Not offered".to_owned(), |g| {
            if g.title.trim().is_empty() {
                "Optional group".to_owned()
            } else {
                g.title.trim().to_owned()
            }
        })
}

/// A sheet being written: its columns, and the lines of text each row needs, so rows grow
/// to show their wrapped text (spreadsheets do not all measure it when they open a file).
struct Table<'a> {
    sheet: &'a mut Worksheet,
    columns: &'a [(&'a str, f64)],
    styles: &'a Styles,
    lines: BTreeMap<u32, usize>,
}

impl Table<'_> {
    /// Writes `text` into a cell as text: quote-prefixed when a spreadsheet would read it as
    /// a formula, cut to what Excel holds.
    fn text(&mut self, row: u32, column: u16, text: &str) -> Result<(), XlsxError> {
        let format = if text.starts_with(FORMULA_TRIGGERS) {
            &self.styles.quoted
        } else {
            &self.styles.cell
        };
        let text = fit_cell(text);
        let width = self.columns.get(usize::from(column)).map_or(10.0, |c| c.1);
        let lines = self.lines.entry(row).or_insert(1);
        *lines = (*lines).max(lines_needed(&text, width));
        self.sheet
            .write_string_with_format(row, column, text, format)?;
        Ok(())
    }

    /// Writes a number into a cell.
    fn number(&mut self, row: u32, column: u16, value: impl Into<f64>) -> Result<(), XlsxError> {
        self.sheet
            .write_number_with_format(row, column, value, &self.styles.number)?;
        Ok(())
    }

    /// Sets each row's height to its lines and puts filters on the headings over the rows
    /// written (the last is `last_row`).
    fn finish(self, last_row: u32) -> Result<(), XlsxError> {
        for (row, lines) in self.lines {
            if lines > 1 {
                let points = (LINE_HEIGHT * lines as f64).min(MAX_ROW_HEIGHT);
                self.sheet.set_row_height(row, points)?;
            }
        }
        let last_column = u16::try_from(self.columns.len().saturating_sub(1)).unwrap_or(0);
        self.sheet
            .autofilter(HEADING_ROW, 0, last_row.max(HEADING_ROW), last_column)?;
        Ok(())
    }
}

/// The height of a line of 11-point Calibri, in points.
const LINE_HEIGHT: f64 = 15.0;

/// The tallest row Excel allows, in points.
const MAX_ROW_HEIGHT: f64 = 409.0;

/// How many lines `text` takes wrapped in a column `width` characters wide: each line break
/// starts one, and each line takes as many as its length needs (widths count the widest
/// digit, so an average line holds a little more than `width` characters).
fn lines_needed(text: &str, width: f64) -> usize {
    let per_line = (width * 1.1).max(1.0);
    text.split('\n')
        .map(|line| {
            let chars = line.chars().count() as f64;
            (chars / per_line).ceil().max(1.0) as usize
        })
        .sum()
}

/// `text`, or its start and [`CUT_NOTE`] when it is longer than a cell holds.
fn fit_cell(text: &str) -> Cow<'_, str> {
    if text.chars().count() <= CELL_LIMIT {
        return Cow::Borrowed(text);
    }
    let keep = CELL_LIMIT - CUT_NOTE.chars().count();
    let mut cut: String = text.chars().take(keep).collect();
    cut.push_str(CUT_NOTE);
    Cow::Owned(cut)
}

/// The formats of the workbooks.
struct Styles {
    title: Format,
    subtitle: Format,
    heading: Format,
    cell: Format,
    /// A text cell that starts like a formula: Excel's quote prefix keeps it text.
    quoted: Format,
    number: Format,
}

impl Styles {
    fn new() -> Self {
        let cell = Format::new()
            .set_text_wrap()
            .set_align(FormatAlign::Top)
            .set_font_name("Calibri")
            .set_font_size(11);
        Styles {
            title: Format::new().set_bold().set_font_size(14),
            subtitle: Format::new().set_italic(),
            heading: cell
                .clone()
                .set_bold()
                .set_background_color("D9E1F2")
                .set_border_bottom(rust_xlsxwriter::FormatBorder::Thin),
            number: cell.clone().set_align(FormatAlign::Right),
            quoted: cell.clone().set_quote_prefix(),
            cell,
        }
    }
}

/// Names the sheet, writes the title rows and the headings, sets the widths, freezes the
/// rows above the first KSB or unit and puts the qualification's title in the printed header.
fn start_sheet<'a>(
    sheet: &'a mut Worksheet,
    doc: &Curriculum,
    name: &str,
    subtitle: &str,
    columns: &'a [(&'a str, f64)],
    styles: &'a Styles,
) -> Result<Table<'a>, XlsxError> {
    sheet.set_name(name)?;
    let title = doc.qualification.title.trim();
    sheet.write_string_with_format(0, 0, fit_cell(title), &styles.title)?;
    sheet.write_string_with_format(1, 0, fit_cell(subtitle), &styles.subtitle)?;
    let mut heading_lines = 1;
    for (column, (heading, width)) in (0u16..).zip(columns) {
        sheet.set_column_width(column, *width)?;
        sheet.write_with_format(HEADING_ROW, column, *heading, &styles.heading)?;
        heading_lines = lines_needed(heading, *width).max(heading_lines);
    }
    sheet.set_freeze_panes(HEADING_ROW + 1, 0)?;
    sheet.set_header(format!("&C&\"Calibri,Bold\"{}", title.replace('&', "&&")));
    sheet.set_footer("&CPage &P of &N");
    sheet.set_landscape();
    sheet.set_repeat_rows(HEADING_ROW, HEADING_ROW)?;
    sheet.set_print_fit_to_pages(1, 0);
    Ok(Table {
        sheet,
        columns,
        styles,
        lines: BTreeMap::from([(HEADING_ROW, heading_lines)]),
    })
}

/// The document properties: the qualification's title and what the workbook is.
fn properties(doc: &Curriculum, what: &str) -> rust_xlsxwriter::DocProperties {
    rust_xlsxwriter::DocProperties::new()
        .set_title(format!("{}: {what}", doc.qualification.title.trim()))
        .set_subject(what)
        .set_company(doc.qualification.awarding_body.trim())
}

fn workbook_error(error: XlsxError) -> ExportError {
    ExportError::Workbook(error.to_string())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::synthetic::{Size, curriculum};

    fn occupation(doc: &Curriculum, option: Option<&str>) -> Occupation {
        Occupation {
            standard: doc.standards[0].id.clone(),
            option: option.map(str::to_owned),
            name: "unused".to_owned(),
            ksbs: Vec::new(),
            out_of_scope: Vec::new(),
        }
    }

    #[test]
    fn sheet_names_drop_what_excel_refuses_fit_31_characters_and_never_repeat() {
        let doc = curriculum(Size::TINY);
        let reference = doc.standards[0].reference.clone();
        let option = "Medical devices: imaging / diagnostics [AI]? and wearables";
        let first = sheet_name(&doc, &occupation(&doc, Some(option)), &[]);
        assert_eq!(first.chars().count(), 31);
        assert!(first.starts_with(&format!("{reference} Medical devices  imaging")));
        assert!(!first.contains([':', '/', '[', ']', '?', '*', '\\']));
        let second = sheet_name(
            &doc,
            &occupation(&doc, Some(option)),
            std::slice::from_ref(&first),
        );
        assert_ne!(second.to_lowercase(), first.to_lowercase());
        assert!(second.ends_with(" (2)") && second.chars().count() <= 31);
    }

    #[test]
    fn long_cells_are_cut_to_what_excel_holds() {
        let long = "é".repeat(CELL_LIMIT + 1);
        let cut = fit_cell(&long);
        assert_eq!(cut.chars().count(), CELL_LIMIT);
        assert!(cut.ends_with(CUT_NOTE));
        assert_eq!(fit_cell("short"), "short");
    }
}
