//! A standard's KSBs from a spreadsheet saved as CSV with the columns `code,kind,text`, plus
//! the reference, title and level the caller supplies (a CSV has nowhere to hold them).
//!
//! `kind` is knowledge, skill or behaviour (or K, S, B); `code` such as "K1" may be left empty
//! to number in file order. Columns may come in any order; other columns are ignored.

use super::{ImportError, ReadOptions, UNNAMED, ksb_id, numbered_codes, standard_id};
use crate::model::{Ksb, KsbId, KsbKind, Standard};
use crate::words::counted;
use std::collections::HashMap;
use std::path::Path;

/// What a CSV file cannot say about its standard.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StandardHeader {
    /// Reference, e.g. "ST0220".
    pub reference: String,
    /// Title of the occupation.
    pub title: String,
    /// Level, 1 to 8.
    pub level: u8,
    /// Version, e.g. "1.2"; may be empty.
    pub version: String,
}

impl StandardHeader {
    /// A header guessed from a file name such as `st0220-healthcare-science-associate-l4.csv`:
    /// a token like "ST0220" is the reference, "L5" or "level5" the level (else 4), and the
    /// remaining words the title.
    pub fn from_file_name(path: &Path) -> Self {
        let stem = path
            .file_stem()
            .map(|s| s.to_string_lossy().into_owned())
            .unwrap_or_default();
        let tokens: Vec<&str> = stem
            .split(|c: char| c == '-' || c == '_' || c.is_whitespace())
            .filter(|t| !t.is_empty())
            .collect();
        let is_reference = |t: &str| {
            t.get(..2).is_some_and(|st| st.eq_ignore_ascii_case("st"))
                && t.get(2..)
                    .is_some_and(|n| !n.is_empty() && n.chars().all(|c| c.is_ascii_digit()))
        };
        let level_of = |t: &str| {
            let lower = t.to_ascii_lowercase();
            lower
                .strip_prefix("level")
                .or_else(|| lower.strip_prefix('l'))
                .and_then(|n| n.parse::<u8>().ok())
                .filter(|n| (1..=8).contains(n))
        };
        let reference = tokens
            .iter()
            .find(|t| is_reference(t))
            .map_or_else(|| stem.trim().to_owned(), |t| t.to_ascii_uppercase());
        let level = tokens.iter().find_map(|t| level_of(t)).unwrap_or(4);
        let words: Vec<&str> = tokens
            .iter()
            .copied()
            .filter(|t| !is_reference(t) && level_of(t).is_none())
            .collect();
        let joined = words.join(" ");
        let mut chars = joined.chars();
        let mut title: String = chars
            .next()
            .map(|c| c.to_uppercase().collect())
            .unwrap_or_default();
        title.push_str(chars.as_str());
        if title.is_empty() {
            title.clone_from(&reference);
        }
        StandardHeader {
            reference,
            title,
            level,
            version: String::new(),
        }
    }

    /// The header for `path`: guessed from its name, with what `options` says taking priority.
    pub fn for_file(path: &Path, options: &ReadOptions) -> Self {
        let mut header = Self::from_file_name(path);
        if let Some(reference) = &options.reference {
            header.reference = reference.trim().to_owned();
        }
        if let Some(title) = &options.title {
            header.title = title.trim().to_owned();
        }
        if let Some(level) = options.level {
            header.level = level;
        }
        header
    }
}

/// Reads KSBs from `code,kind,text` CSV into a standard with `header`.
///
/// KSBs come out in standard order (knowledge, then skills, then behaviours, each by code
/// number). KSB ids are provisional ("st0220-k1"); [`import_into`](super::import_into) makes
/// them unique in the curriculum.
pub fn standard_from_csv(text: &str, header: StandardHeader) -> Result<Standard, ImportError> {
    check_header(&header)?;
    let mut reader = csv::ReaderBuilder::new()
        .trim(csv::Trim::All)
        .flexible(true)
        .from_reader(text.as_bytes());
    let line_error = |line: u64, problem: String| ImportError::CsvLine {
        file: UNNAMED.to_owned(),
        line,
        problem,
    };
    let columns = reader
        .headers()
        .map_err(|error| line_error(1, error.to_string()))?
        .clone();
    let column = |name: &str| columns.iter().position(|c| c.eq_ignore_ascii_case(name));
    let (Some(code_at), Some(kind_at), Some(text_at)) =
        (column("code"), column("kind"), column("text"))
    else {
        let found: Vec<&str> = columns.iter().collect();
        return Err(line_error(
            1,
            format!(
                "the first line must name the columns code, kind and text; it has: {}",
                found.join(", ")
            ),
        ));
    };

    let mut rows = Vec::new();
    for record in reader.records() {
        let record = record.map_err(|error| {
            let line = error.position().map_or(0, |p| p.line());
            line_error(line, error.to_string())
        })?;
        let line = record.position().map_or(0, |p| p.line());
        if record.iter().all(str::is_empty) {
            continue;
        }
        if record.len() > columns.len() {
            return Err(line_error(
                line,
                format!(
                    "{} where the first line names {}; put text that contains commas \
                     in double quotes",
                    counted(record.len(), "cell", "cells"),
                    columns.len()
                ),
            ));
        }
        let cell = |at: usize| record.get(at).unwrap_or_default();
        let kind = parse_kind(cell(kind_at)).ok_or_else(|| {
            line_error(
                line,
                format!(
                    "kind \"{}\" is not knowledge, skill or behaviour (or K, S, B)",
                    cell(kind_at)
                ),
            )
        })?;
        let statement = cell(text_at);
        if statement.is_empty() {
            return Err(line_error(line, "the text of the KSB is empty".into()));
        }
        let code = cell(code_at).to_ascii_uppercase();
        let number = if code.is_empty() {
            None
        } else {
            Some(code_number(&code, kind).ok_or_else(|| {
                line_error(
                    line,
                    format!(
                        "code \"{code}\" does not fit kind {}: expected {}1, {}2, ...",
                        kind.label().to_lowercase(),
                        kind.letter(),
                        kind.letter()
                    ),
                )
            })?)
        };
        rows.push(Row {
            line,
            kind,
            code,
            number,
            text: statement.to_owned(),
        });
    }
    if rows.is_empty() {
        return Err(line_error(1, "the file lists no KSBs".into()));
    }

    let generated = numbered_codes(rows.iter().map(|row| row.kind));
    let mut seen: HashMap<String, u64> = HashMap::new();
    for (row, generated) in rows.iter_mut().zip(generated) {
        if row.code.is_empty() {
            row.code = generated;
        }
        if let Some(first) = seen.insert(row.code.clone(), row.line) {
            return Err(line_error(
                row.line,
                format!("code {} is used twice (first on line {first})", row.code),
            ));
        }
    }
    rows.sort_by_key(|row| (row.kind, row.number));
    let ksbs = rows
        .into_iter()
        .map(|row| Ksb {
            id: KsbId::new(ksb_id(&header.reference, &row.code)),
            kind: row.kind,
            code: row.code,
            text: row.text,
        })
        .collect();
    Ok(Standard {
        id: standard_id(&header.reference).as_str().into(),
        reference: header.reference,
        title: header.title,
        level: header.level,
        version: header.version,
        illustrative: false,
        summary: String::new(),
        ksbs,
        duties: Vec::new(),
        options: Vec::new(),
    })
}

/// One KSB line of the file.
struct Row {
    line: u64,
    kind: KsbKind,
    code: String,
    number: Option<u32>,
    text: String,
}

fn check_header(header: &StandardHeader) -> Result<(), ImportError> {
    if header.reference.trim().is_empty() {
        return Err(ImportError::field("reference", "is empty"));
    }
    if header.title.trim().is_empty() {
        return Err(ImportError::field("title", "is empty"));
    }
    if !(1..=8).contains(&header.level) {
        return Err(ImportError::field(
            "level",
            format!("must be from 1 to 8, found {}", header.level),
        ));
    }
    Ok(())
}

fn parse_kind(kind: &str) -> Option<KsbKind> {
    match kind.to_ascii_lowercase().as_str() {
        "k" | "knowledge" => Some(KsbKind::Knowledge),
        "s" | "skill" | "skills" => Some(KsbKind::Skill),
        "b" | "behaviour" | "behaviours" | "behavior" | "behaviors" => Some(KsbKind::Behaviour),
        _ => None,
    }
}

/// The number of a code such as "K12" whose letter fits `kind`.
fn code_number(code: &str, kind: KsbKind) -> Option<u32> {
    code.strip_prefix(kind.letter())?.parse().ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn header() -> StandardHeader {
        StandardHeader {
            reference: "ST9001".into(),
            title: "Medical device technician".into(),
            level: 4,
            version: "1.0".into(),
        }
    }

    #[test]
    fn reads_codes_kinds_and_quoted_text_in_standard_order() {
        let csv = "\u{feff}code,kind,text\n\
                   S1,skill,\"Calibrate, test and record\"\n\
                   k1,Knowledge,Principles of sterilisation\n\
                   B1,B,Acts with integrity\n\
                   K2,K,\"Regulation of devices, including \"\"software\"\"\"\n";
        let standard = standard_from_csv(csv, header()).expect("valid CSV");
        let codes: Vec<&str> = standard.ksbs.iter().map(|k| k.code.as_str()).collect();
        assert_eq!(codes, ["K1", "K2", "S1", "B1"]);
        assert_eq!(
            standard.ksbs[1].text,
            "Regulation of devices, including \"software\""
        );
        assert_eq!(standard.ksbs[0].id.as_str(), "st9001-k1");
        assert!(!standard.illustrative);
    }

    #[test]
    fn empty_codes_are_numbered_in_file_order() {
        let csv = "kind,text,code\nK,First,\nK,Second,\nS,Third,\n";
        let standard = standard_from_csv(csv, header()).expect("valid CSV");
        let codes: Vec<&str> = standard.ksbs.iter().map(|k| k.code.as_str()).collect();
        assert_eq!(codes, ["K1", "K2", "S1"]);
    }

    #[test]
    fn problems_name_the_line() {
        let cases = [
            (
                "code,kind,text\nK1,knowledge,A\nK1,knowledge,B\n",
                "line 3: code K1 is used twice",
            ),
            (
                "code,kind,text\nS1,knowledge,A\n",
                "line 2: code \"S1\" does not fit kind",
            ),
            (
                "code,kind,text\nK1,duty,A\n",
                "line 2: kind \"duty\" is not",
            ),
            (
                "code,kind,text\nK1,knowledge,\n",
                "line 2: the text of the KSB is empty",
            ),
            (
                "id,type,statement\nK1,knowledge,A\n",
                "line 1: the first line must name",
            ),
            ("code,kind,text\n", "line 1: the file lists no KSBs"),
            (
                "code,kind,text\nK1,knowledge,Drawings, manuals\n",
                "line 2: 4 cells where",
            ),
        ];
        for (csv, expected) in cases {
            let error = standard_from_csv(csv, header()).expect_err(csv);
            assert!(
                error.to_string().contains(expected),
                "{error} should contain {expected}"
            );
        }
    }

    #[test]
    fn the_header_must_be_complete() {
        let csv = "code,kind,text\nK1,knowledge,A\n";
        let mut bad = header();
        bad.level = 9;
        let error = standard_from_csv(csv, bad).expect_err("level 9");
        assert_eq!(
            error.to_string(),
            "the standard: level must be from 1 to 8, found 9"
        );
    }

    #[test]
    fn header_defaults_come_from_the_file_name() {
        let header = StandardHeader::from_file_name(Path::new(
            "data/st0220_healthcare-science-associate-L5.csv",
        ));
        assert_eq!(header.reference, "ST0220");
        assert_eq!(header.title, "Healthcare science associate");
        assert_eq!(header.level, 5);
        let plain = StandardHeader::from_file_name(Path::new("ksbs.csv"));
        assert_eq!((plain.reference.as_str(), plain.level), ("ksbs", 4));
        let options = ReadOptions {
            reference: Some("ST0950".into()),
            title: None,
            level: Some(3),
        };
        let chosen = StandardHeader::for_file(Path::new("ksbs.csv"), &options);
        assert_eq!((chosen.reference.as_str(), chosen.level), ("ST0950", 3));
        assert_eq!(chosen.title, "Ksbs");
    }
}
