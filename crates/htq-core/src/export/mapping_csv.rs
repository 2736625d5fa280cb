//! The KSB mapping spreadsheet an approval body asks for, as CSV: one row per KSB of every
//! standard, with the units and learning outcomes that cover it, the best coverage, whether
//! every pathway through the qualification covers it, and the mapping notes.
//!
//! Every cell is safe to open in a spreadsheet: text that a spreadsheet would run as a formula
//! (an imported standard's statement starting with `=`, say) is neutralised first.
//!
//! Pure: builds the text, writes no file.

use crate::analysis::{PathwayReport, PathwayStatus, pathway_report};
use crate::model::{Coverage, Curriculum, KsbId, Mapping, outcome_label};
use std::borrow::Cow;
use std::collections::HashMap;

/// Column headings, in order.
pub const HEADINGS: [&str; 9] = [
    "Standard",
    "Code",
    "Kind",
    "Statement",
    "Units",
    "Learning outcomes",
    "Coverage",
    "Pathway status",
    "Notes",
];

/// First characters that make Excel, LibreOffice or Google Sheets read a cell as a formula,
/// as OWASP lists them for CSV injection: `=`, `+`, `-`, `@`, tab and carriage return.
pub const FORMULA_TRIGGERS: [char; 6] = ['=', '+', '-', '@', '\t', '\r'];

/// `cell` as a spreadsheet shows it as text: OWASP's remedy for CSV injection, a single
/// quote before a cell that starts with one of the [`FORMULA_TRIGGERS`]. Spreadsheets hide
/// that quote and show the text as written; any other cell is left as it is.
pub fn neutralise_formula(cell: &str) -> Cow<'_, str> {
    if cell.starts_with(FORMULA_TRIGGERS) {
        Cow::Owned(format!("'{cell}"))
    } else {
        Cow::Borrowed(cell)
    }
}

/// Separates several units, outcomes or notes within one cell.
const LIST_SEPARATOR: &str = "; ";

/// The KSB mapping as CSV text: a header row, then one row per KSB, standards in order and
/// KSBs in standard order.
///
/// Fields are quoted where needed (commas, quotes, line breaks), cells a spreadsheet would
/// run as formulas are neutralised ([`neutralise_formula`]) and lines end in CRLF. The
/// text starts with a UTF-8 byte order mark so that Excel, which otherwise guesses a legacy
/// code page, shows accented letters and dashes correctly; other tools, including the `csv`
/// crate, skip it.
pub fn mapping_csv(doc: &Curriculum) -> String {
    mapping_csv_with(doc, &pathway_report(doc))
}

/// [`mapping_csv`] with a pathway report already computed for `doc` (the GUI keeps one per
/// document revision).
pub fn mapping_csv_with(doc: &Curriculum, report: &PathwayReport) -> String {
    let mut writer = csv::WriterBuilder::new()
        .terminator(csv::Terminator::CRLF)
        .from_writer("\u{feff}".as_bytes().to_vec());
    for row in std::iter::once(HEADINGS.map(str::to_owned)).chain(rows(doc, report)) {
        writer
            .write_record(row.iter().map(|cell| neutralise_formula(cell).into_owned()))
            .expect("writing CSV into memory cannot fail");
    }
    let bytes = writer
        .into_inner()
        .expect("flushing CSV into memory cannot fail");
    String::from_utf8_lossy(&bytes).into_owned()
}

/// The cells of every KSB row.
fn rows(doc: &Curriculum, report: &PathwayReport) -> Vec<[String; 9]> {
    keyed_rows(doc, report)
        .into_iter()
        .map(|(_, row)| row)
        .collect()
}

/// The cells of every KSB row (in [`HEADINGS`] order), with the KSB each is about.
pub(crate) fn keyed_rows(doc: &Curriculum, report: &PathwayReport) -> Vec<(KsbId, [String; 9])> {
    let statuses: HashMap<&KsbId, &PathwayStatus> =
        report.ksbs.iter().map(|k| (&k.ksb, &k.status)).collect();
    let mut by_ksb: HashMap<&KsbId, Vec<(usize, usize, &Mapping)>> = HashMap::new();
    for mapping in &doc.mappings {
        if let Some((u, o)) = doc.outcome_position(&mapping.outcome) {
            by_ksb
                .entry(&mapping.ksb)
                .or_default()
                .push((u, o, mapping));
        }
    }
    for mappings in by_ksb.values_mut() {
        mappings.sort_by_key(|(u, o, _)| (*u, *o));
    }
    let unit_number = |u: usize| doc.units.get(u).map_or("?", |unit| unit.number.as_str());

    let mut rows = Vec::new();
    for standard in &doc.standards {
        for ksb in &standard.ksbs {
            let mappings = by_ksb.get(&ksb.id).map_or(&[][..], Vec::as_slice);
            let mut units: Vec<&str> = mappings.iter().map(|(u, _, _)| unit_number(*u)).collect();
            units.dedup();
            let outcome = |u: usize, o: usize| format!("{} {}", unit_number(u), outcome_label(o));
            let outcomes: Vec<String> = mappings.iter().map(|(u, o, _)| outcome(*u, *o)).collect();
            let notes: Vec<String> = mappings
                .iter()
                .filter(|(_, _, m)| !m.note.trim().is_empty())
                .map(|(u, o, m)| format!("{}: {}", outcome(*u, *o), m.note.trim()))
                .collect();
            let coverage = mappings.iter().map(|(_, _, m)| m.coverage).max();
            let status = match doc.out_of_scope(&ksb.id) {
                Some(entry) => format!("Out of scope: {}", entry.reason.trim()),
                None => statuses.get(&ksb.id).map_or(String::new(), |status| {
                    status_text(doc, status, report.any_valid_programme)
                }),
            };
            rows.push((
                ksb.id.clone(),
                [
                    standard.reference.clone(),
                    ksb.code.clone(),
                    ksb.kind.label().to_owned(),
                    ksb.text.clone(),
                    units.join(LIST_SEPARATOR),
                    outcomes.join(LIST_SEPARATOR),
                    coverage_text(coverage).to_owned(),
                    status,
                    notes.join(LIST_SEPARATOR),
                ],
            ));
        }
    }
    rows
}

/// "Full", "Partial" or "None".
fn coverage_text(coverage: Option<Coverage>) -> &'static str {
    coverage.map_or("None", Coverage::label)
}

/// The pathway status as a panel reads it.
fn status_text(doc: &Curriculum, status: &PathwayStatus, any_valid_programme: bool) -> String {
    match status {
        PathwayStatus::Uncovered => "Not covered".to_owned(),
        PathwayStatus::Mandatory if !any_valid_programme => {
            "Cannot tell: no programme meets the rules of combination".to_owned()
        }
        PathwayStatus::Mandatory => "Covered in every pathway".to_owned(),
        PathwayStatus::SomePathways { witness } => {
            let numbers: Vec<&str> = witness
                .iter()
                .map(|id| {
                    doc.unit(id)
                        .map_or(id.as_str(), |unit| unit.number.as_str())
                })
                .collect();
            format!(
                "Gap: some pathways miss it (e.g. a learner taking {})",
                numbers.join(", ")
            )
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::synthetic::{Size, curriculum};

    #[test]
    fn coverage_names_the_best_level() {
        assert_eq!(coverage_text(None), "None");
        assert_eq!(coverage_text(Some(Coverage::Partial)), "Partial");
        assert_eq!(
            coverage_text([Coverage::Partial, Coverage::Full].into_iter().max()),
            "Full"
        );
    }

    #[test]
    fn a_witness_is_listed_by_unit_number() {
        let doc = curriculum(Size {
            units: 4,
            outcomes_per_unit: 1,
            criteria_per_outcome: 1,
            standards: 0,
            ksbs_per_standard: 0,
            mappings: 0,
        });
        let status = PathwayStatus::SomePathways {
            witness: vec!["u0".into(), "u3".into()],
        };
        assert_eq!(
            status_text(&doc, &status, true),
            "Gap: some pathways miss it (e.g. a learner taking 4001, 5004)"
        );
        assert_eq!(
            status_text(&doc, &PathwayStatus::Mandatory, false),
            "Cannot tell: no programme meets the rules of combination"
        );
    }

    #[test]
    fn cells_a_spreadsheet_would_run_are_quoted_as_text() {
        for hostile in ["=1+1", "+SUM(A1)", "-2+3", "@SUM(A1)", "\tx", "\rx"] {
            assert_eq!(neutralise_formula(hostile), format!("'{hostile}"));
        }
        for harmless in ["", "Plan a safe 2-step test", " =1", "K1", "'quoted"] {
            assert_eq!(neutralise_formula(harmless), harmless);
        }
    }

    #[test]
    fn one_row_per_ksb_after_the_bom_and_header() {
        let doc = curriculum(Size {
            units: 8,
            outcomes_per_unit: 2,
            criteria_per_outcome: 3,
            standards: 2,
            ksbs_per_standard: 12,
            mappings: 30,
        });
        let text = mapping_csv(&doc);
        assert!(text.starts_with("\u{feff}Standard,Code,Kind,Statement,"));
        assert_eq!(text.matches("\r\n").count(), 1 + 24);
    }
}
