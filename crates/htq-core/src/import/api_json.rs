//! The standards API's JSON record (`/api/apprenticeshipstandards/{ref}`) read into a
//! [`Standard`], or one record picked from a list of them.
//!
//! The record is walked by hand rather than through derived types, so that every problem names
//! the field it is in (`knowledges[3].detail is missing`) and the many fields this importer has
//! no use for are ignored whatever they hold. Numbers written as text are accepted for `level`
//! and `version`.
//!
//! Real records are read as published: `null` for any list, HTML and character references in
//! text, codes written into statements, options given structured (`options` with duties'
//! `mappedOptions`) or unstructured (`optionsUnstructuredTemplate` titles with
//! `optionsUnstructuredKsbMapping`). What cannot be used as it stands (a duty naming a KSB the
//! record does not hold, two KSBs with one id, a KSB without a statement, a standard that is
//! withdrawn or still in development) is a warning, and the rest is imported.

use super::{ImportError, StandardFile, UNNAMED, clean, ksb_id, numbered_codes, standard_id};
use crate::model::{Duty, Ksb, KsbId, KsbKind, Standard, StandardOption};
use crate::words::counted;
use serde_json::{Map, Value};
use std::collections::{BTreeSet, HashMap};

/// The three KSB lists of a record: kind, list field, id field.
const KSB_LISTS: [(KsbKind, &str, &str); 3] = [
    (KsbKind::Knowledge, "knowledges", "knowledgeId"),
    (KsbKind::Skill, "skills", "skillId"),
    (KsbKind::Behaviour, "behaviours", "behaviourId"),
];

/// The fields of a duty that list the GUIDs of its KSBs.
const DUTY_MAPPINGS: [&str; 3] = ["mappedKnowledge", "mappedSkills", "mappedBehaviour"];

/// Reads one standards API record. A list holding exactly one record is accepted too.
///
/// KSB ids are provisional ("st0220-k1"); [`import_into`](super::import_into) makes them
/// unique in the curriculum. The standard is marked as not illustrative.
pub fn standard_from_json(text: &str) -> Result<Standard, ImportError> {
    select_standard_from_json(text, None).map(|read| read.standard)
}

/// Reads the record with `reference` from a list of records (or checks that a single record
/// has it). With no reference, the input must hold exactly one record.
pub fn select_standard_from_json(
    text: &str,
    reference: Option<&str>,
) -> Result<StandardFile, ImportError> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let value = super::strict_json::parse(text)?;
    if super::case::is_package(&value) {
        return super::case::standard_from_case(&value, reference);
    }
    match &value {
        Value::Array(records) => {
            let (index, record) = select(records, reference)?;
            parse_record(record, &format!("[{index}]"))
        }
        record => {
            let read = parse_record(record, "")?;
            match reference {
                Some(wanted) if !same_reference(wanted, &read.standard.reference) => {
                    Err(ImportError::Selection {
                        file: UNNAMED.to_owned(),
                        problem: format!(
                            "the record is {}, not {}",
                            read.standard.reference,
                            wanted.trim()
                        ),
                    })
                }
                _ => Ok(read),
            }
        }
    }
}

fn same_reference(a: &str, b: &str) -> bool {
    a.trim().eq_ignore_ascii_case(b.trim())
}

/// Picks the record with `reference` (or the only record) from a list.
fn select<'a>(
    records: &'a [Value],
    reference: Option<&str>,
) -> Result<(usize, &'a Value), ImportError> {
    let reference_of = |record: &Value| {
        record
            .get("referenceNumber")
            .and_then(Value::as_str)
            .map(str::to_owned)
    };
    let listed = || {
        records
            .iter()
            .filter_map(reference_of)
            .collect::<Vec<_>>()
            .join(", ")
    };
    let selection_error = |problem: String| ImportError::Selection {
        file: UNNAMED.to_owned(),
        problem,
    };
    match reference {
        None => match records {
            [] => Err(selection_error("the list of standards is empty".into())),
            [only] => Ok((0, only)),
            _ => Err(selection_error(format!(
                "the file holds {} ({}); say which one to import by its reference",
                counted(records.len(), "standard", "standards"),
                listed()
            ))),
        },
        Some(wanted) => {
            let mut matching = records.iter().enumerate().filter(|(_, record)| {
                reference_of(record).is_some_and(|found| same_reference(wanted, &found))
            });
            match (matching.next(), matching.next()) {
                (Some(found), None) => Ok(found),
                (None, _) => Err(selection_error(format!(
                    "no standard {} in this list (it holds {})",
                    wanted.trim(),
                    listed()
                ))),
                (Some(_), Some(_)) => Err(selection_error(format!(
                    "the list holds several records for {}; keep only the version to import",
                    wanted.trim()
                ))),
            }
        }
    }
}

/// Reads one record; `prefix` goes before every field path (`[2]` inside a list).
fn parse_record(record: &Value, prefix: &str) -> Result<StandardFile, ImportError> {
    let record = Fields::of(record, prefix)?;
    let mut warnings = Vec::new();
    let reference = record.text("referenceNumber")?;
    let title = clean::plain(&record.text("title")?);
    let level = record.level("level")?;
    let version = record.version("version")?;
    if let Some(warning) = status_warning(&reference, &record.optional_text("status")?) {
        warnings.push(warning);
    }
    let mut summary = clean::plain(&record.optional_text("overviewOfRole")?);
    let job_titles = record.job_titles("typicalJobTitles")?;
    if !job_titles.is_empty() {
        if !summary.is_empty() {
            summary.push_str("\n\n");
        }
        summary.push_str(&format!("Typical job titles: {}.", job_titles.join(", ")));
    }

    let mut kinds = Vec::new();
    let mut details = Vec::new();
    let mut guids = Vec::new();
    for (kind, list, id_field) in KSB_LISTS {
        for (index, item) in record.array(list)?.iter().enumerate() {
            let item = Fields::of(item, &record.path_of(&format!("{list}[{index}]")))?;
            guids.push((item.optional_text(id_field)?, item.path.clone()));
            details.push((item.optional_text("detail")?, item.path.clone()));
            kinds.push(kind);
        }
    }
    if details.is_empty() {
        return Err(ImportError::field(
            record.path_of("knowledges, skills and behaviours"),
            "are all empty: the record lists nothing to map",
        ));
    }
    let codes = numbered_codes(kinds.iter().copied());
    let ksbs: Vec<Ksb> = kinds
        .into_iter()
        .zip(codes)
        .zip(details)
        .map(|((kind, code), (detail, path))| {
            let text = clean::statement(&detail);
            if text.is_empty() {
                warnings.push(format!(
                    "{path} has no statement: it is imported as {code} with none; write it in \
                     by hand"
                ));
            }
            Ksb {
                id: KsbId::new(ksb_id(&reference, &code)),
                kind,
                code,
                text,
            }
        })
        .collect();
    let mut by_guid: HashMap<String, (usize, String)> = HashMap::new();
    for (at, (guid, path)) in guids.into_iter().enumerate() {
        if guid.is_empty() {
            continue;
        }
        if let Some((_, first)) = by_guid.get(&guid) {
            warnings.push(format!(
                "{path} has the same id as {first} (\"{guid}\"): duties naming it are taken \
                 to mean {first}"
            ));
            continue;
        }
        by_guid.insert(guid, (at, path));
    }

    let (options, unstructured) = options_of(&record)?;
    let mut duties = Vec::new();
    let mut core = BTreeSet::new();
    let mut per_option: Vec<BTreeSet<usize>> = vec![BTreeSet::new(); options.len()];
    let mut dangling = Vec::new();
    for (index, item) in record.optional_array("duties")?.iter().enumerate() {
        let duty = Fields::of(item, &record.path_of(&format!("duties[{index}]")))?;
        let text = clean::plain(&duty.optional_text("dutyDetail")?);
        let mut mapped = BTreeSet::new();
        for key in DUTY_MAPPINGS {
            for (j, guid) in duty.optional_array(key)?.iter().enumerate() {
                match guid.as_str().and_then(|guid| by_guid.get(guid.trim())) {
                    Some((at, _)) => {
                        mapped.insert(*at);
                    }
                    None => dangling.push(duty.path_of(&format!("{key}[{j}]"))),
                }
            }
        }
        let mut in_options = Vec::new();
        for (j, named) in duty.optional_array("mappedOptions")?.iter().enumerate() {
            let wanted = named.as_str().map(clean::plain);
            match options.iter().position(|(id, title)| {
                wanted
                    .as_deref()
                    .is_some_and(|w| id.as_deref() == Some(w) || title == w)
            }) {
                Some(found) => in_options.push(found),
                None => warnings.push(format!(
                    "{} refers to {}, which is not one of the options: the duty is read as \
                     belonging to no option",
                    duty.path_of(&format!("mappedOptions[{j}]")),
                    kind_of(named)
                )),
            }
        }
        let is_core = match duty.object.get("isThisACoreDuty") {
            Some(Value::Bool(flag)) => *flag,
            Some(Value::Number(n)) => n.as_u64() != Some(0),
            Some(Value::String(flag)) => !matches!(flag.trim(), "0" | "false" | "False" | ""),
            _ => in_options.is_empty(),
        };
        if is_core {
            core.extend(mapped.iter().copied());
        }
        for option in in_options {
            if let Some(set) = per_option.get_mut(option) {
                set.extend(mapped.iter().copied());
            }
        }
        duties.push(Duty {
            id: format!("d{}", index + 1).as_str().into(),
            code: format!("D{}", index + 1),
            text,
            ksbs: mapped.iter().map(|&at| ksbs[at].id.clone()).collect(),
        });
    }
    if let Some(first) = dangling.first() {
        warnings.push(format!(
            "{} to a knowledge, skill or behaviour the record does not hold (first at \
             {first}); {} dropped",
            counted(
                dangling.len(),
                "duty reference points",
                "duty references point"
            ),
            if dangling.len() == 1 {
                "it is"
            } else {
                "they are"
            },
        ));
    }
    for (guids, option) in unstructured {
        let set = match option {
            Some(option) => per_option.get_mut(option),
            None => Some(&mut core),
        };
        let Some(set) = set else { continue };
        for guid in guids {
            if let Some((at, _)) = by_guid.get(&guid) {
                set.insert(*at);
            }
        }
    }
    let options = options
        .into_iter()
        .zip(per_option)
        .map(|((_, title), set)| StandardOption {
            title,
            ksbs: set
                .difference(&core)
                .map(|&at| ksbs[at].id.clone())
                .collect(),
        })
        .collect();

    Ok(StandardFile {
        standard: Standard {
            id: standard_id(&reference).as_str().into(),
            reference,
            title,
            level,
            version,
            illustrative: false,
            summary,
            ksbs,
            duties,
            options,
        },
        warnings,
    })
}

/// A warning about a record whose `status` says it is not (or no longer) approved.
fn status_warning(reference: &str, status: &str) -> Option<String> {
    let status = clean::plain(status);
    let lower = status.to_lowercase();
    if lower.is_empty() || lower == "approved for delivery" {
        None
    } else if lower.contains("withdrawn") || lower.contains("retired") {
        Some(format!(
            "{reference} is \"{status}\": no new apprentices start on it, so approval against \
             it is unlikely; check that a replacement standard does not exist"
        ))
    } else if lower.contains("development") || lower.contains("proposal") {
        Some(format!(
            "{reference} is \"{status}\": it is not yet approved for delivery and its KSBs may \
             change before it is"
        ))
    } else {
        Some(format!(
            "{reference} has the status \"{status}\", not \"Approved for delivery\""
        ))
    }
}

/// An option of a record: its `optionId`, if given, and its title.
type OptionEntry = (Option<String>, String);

/// The KSB GUIDs an unstructured mapping lists for the core (`None`) or for an option (its
/// position among the options).
type Unstructured = Vec<(Vec<String>, Option<usize>)>;

/// Options from `options`, or else from `optionsUnstructuredTemplate`, with what
/// `optionsUnstructuredKsbMapping` says of the core and of each option.
fn options_of(record: &Fields<'_>) -> Result<(Vec<OptionEntry>, Unstructured), ImportError> {
    let mut options = record.options("options")?;
    if options.is_empty() {
        options = record.options("optionsUnstructuredTemplate")?;
    }
    let mut unstructured = Vec::new();
    for (index, item) in record
        .optional_array("optionsUnstructuredKsbMapping")?
        .iter()
        .enumerate()
    {
        let path = record.path_of(&format!("optionsUnstructuredKsbMapping[{index}]"));
        let Some(entry) = item.as_object() else {
            continue;
        };
        let title = entry
            .get("coreOrOptionTitle")
            .or_else(|| entry.get("title"))
            .and_then(Value::as_str)
            .map(clean::plain)
            .unwrap_or_default();
        let guids: Vec<String> = entry
            .iter()
            .filter(|(key, _)| !matches!(key.as_str(), "coreOrOptionTitle" | "title"))
            .filter_map(|(_, value)| value.as_array())
            .flatten()
            .filter_map(Value::as_str)
            .map(|guid| guid.trim().to_owned())
            .collect();
        let option = if title.eq_ignore_ascii_case("core") {
            None
        } else {
            match options
                .iter()
                .position(|(_, t)| t.eq_ignore_ascii_case(&title))
            {
                Some(found) => Some(found),
                None if title.is_empty() => {
                    return Err(ImportError::field(
                        path,
                        "names no option (coreOrOptionTitle)",
                    ));
                }
                None => {
                    options.push((None, title));
                    Some(options.len() - 1)
                }
            }
        };
        unstructured.push((guids, option));
    }
    Ok((options, unstructured))
}

/// An object of the record and its path, for reading fields with messages that name them.
struct Fields<'a> {
    object: &'a Map<String, Value>,
    path: String,
}

impl<'a> Fields<'a> {
    /// `value` as an object at `path` ("" for the top of the record).
    fn of(value: &'a Value, path: &str) -> Result<Self, ImportError> {
        let object = value.as_object().ok_or_else(|| {
            let name = if path.is_empty() { "the record" } else { path };
            ImportError::field(
                name,
                format!("must be an object with fields, found {}", kind_of(value)),
            )
        })?;
        Ok(Fields {
            object,
            path: path.to_owned(),
        })
    }

    /// Path of the field `key` of this object, e.g. `knowledges[3].detail`.
    fn path_of(&self, key: &str) -> String {
        if self.path.is_empty() {
            key.to_owned()
        } else if key.starts_with('[') {
            format!("{}{key}", self.path)
        } else {
            format!("{}.{key}", self.path)
        }
    }

    fn get(&self, key: &str) -> Option<&'a Value> {
        self.object.get(key).filter(|value| !value.is_null())
    }

    fn problem(&self, key: &str, problem: impl Into<String>) -> ImportError {
        ImportError::field(self.path_of(key), problem)
    }

    /// Required, non-empty text.
    fn text(&self, key: &str) -> Result<String, ImportError> {
        match self.get(key) {
            None => Err(self.problem(key, "is missing")),
            Some(Value::String(text)) if text.trim().is_empty() => {
                Err(self.problem(key, "is empty"))
            }
            Some(Value::String(text)) => Ok(text.trim().to_owned()),
            Some(other) => {
                Err(self.problem(key, format!("must be text, found {}", kind_of(other))))
            }
        }
    }

    /// Text that may be missing (then empty).
    fn optional_text(&self, key: &str) -> Result<String, ImportError> {
        match self.get(key) {
            None => Ok(String::new()),
            Some(Value::String(text)) => Ok(text.trim().to_owned()),
            Some(other) => {
                Err(self.problem(key, format!("must be text, found {}", kind_of(other))))
            }
        }
    }

    /// A level from 1 to 8, as a number or as text.
    fn level(&self, key: &str) -> Result<u8, ImportError> {
        let value = self
            .get(key)
            .ok_or_else(|| self.problem(key, "is missing"))?;
        let level = match value {
            Value::Number(n) => n.as_u64(),
            Value::String(s) => s.trim().parse::<u64>().ok(),
            _ => None,
        };
        level
            .and_then(|level| u8::try_from(level).ok())
            .filter(|level| (1..=8).contains(level))
            .ok_or_else(|| {
                self.problem(
                    key,
                    format!("must be a level from 1 to 8, found {}", kind_of(value)),
                )
            })
    }

    /// A version such as "1.2", written as text or as a number; empty when missing.
    fn version(&self, key: &str) -> Result<String, ImportError> {
        match self.get(key) {
            None => Ok(String::new()),
            Some(Value::String(s)) => Ok(s.trim().to_owned()),
            Some(Value::Number(n)) => Ok(n.to_string()),
            Some(other) => Err(self.problem(
                key,
                format!(
                    "must be a version such as \"1.2\", found {}",
                    kind_of(other)
                ),
            )),
        }
    }

    /// A list that must be present, though it may be null or empty.
    fn array(&self, key: &str) -> Result<&'a [Value], ImportError> {
        match self.object.get(key) {
            None => Err(self.problem(key, "is missing")),
            Some(_) => self.optional_array(key),
        }
    }

    /// A list that may be missing (then empty).
    fn optional_array(&self, key: &str) -> Result<&'a [Value], ImportError> {
        match self.get(key) {
            None => Ok(&[]),
            Some(Value::Array(items)) => Ok(items),
            Some(other) => {
                Err(self.problem(key, format!("must be a list, found {}", kind_of(other))))
            }
        }
    }

    /// Options as (optionId, title). The API gives objects; plain titles are accepted too.
    fn options(&self, key: &str) -> Result<Vec<OptionEntry>, ImportError> {
        self.optional_array(key)?
            .iter()
            .enumerate()
            .map(|(index, option)| {
                let path = self.path_of(&format!("{key}[{index}]"));
                match option {
                    Value::String(title) if !clean::plain(title).is_empty() => {
                        Ok((None, clean::plain(title)))
                    }
                    Value::Object(_) => {
                        let option = Fields::of(option, &path)?;
                        let id = option.optional_text("optionId")?;
                        let title = clean::plain(&option.text("title")?);
                        Ok(((!id.is_empty()).then_some(id), title))
                    }
                    other => Err(ImportError::field(
                        path,
                        format!("must be an option with a title, found {}", kind_of(other)),
                    )),
                }
            })
            .collect()
    }

    /// Typical job titles: a list of titles, or one text with titles separated by `|`.
    fn job_titles(&self, key: &str) -> Result<Vec<String>, ImportError> {
        let titles: Vec<&str> = match self.get(key) {
            None => Vec::new(),
            Some(Value::String(joined)) => joined.split('|').collect(),
            Some(Value::Array(items)) => items
                .iter()
                .enumerate()
                .map(|(index, item)| {
                    item.as_str().ok_or_else(|| {
                        self.problem(
                            &format!("{key}[{index}]"),
                            format!("must be a job title, found {}", kind_of(item)),
                        )
                    })
                })
                .collect::<Result<_, _>>()?,
            Some(other) => {
                return Err(self.problem(
                    key,
                    format!("must be a list of job titles, found {}", kind_of(other)),
                ));
            }
        };
        Ok(titles
            .into_iter()
            .map(str::trim)
            .filter(|title| !title.is_empty())
            .map(str::to_owned)
            .collect())
    }
}

/// What sort of JSON value this is, for messages.
fn kind_of(value: &Value) -> String {
    match value {
        Value::Null => "nothing (null)".into(),
        Value::Bool(_) => "true/false".into(),
        Value::Number(n) => format!("the number {n}"),
        Value::String(s) if s.chars().count() > 40 => {
            let start: String = s.chars().take(40).collect();
            format!("the text \"{start}…\"")
        }
        Value::String(s) => format!("the text \"{s}\""),
        Value::Array(_) => "a list".into(),
        Value::Object(_) => "an object".into(),
    }
}
