//! The panel's minutes: members, attendance and agenda of each session, decisions, comments
//! and actions per item grouped by unit, open actions and items still open. Written as blocks
//! for a standalone PDF ([`minutes_pdf`]) or as an appendix of the specification.

use super::ExportError;
use super::fonts::{Face, Fonts};
use super::furniture::add_running_heads;
use super::pdf::{Metadata, render};
use super::specification::Writer;
use super::table::{Table, cell};
use super::typeset::{Block, Geometry, MUTED, Para, TextStyle, lay_out};
use crate::model::{
    CriterionNumbers, Curriculum, Entry, EntryKind, ItemRecord, ItemRef, PanelRecord, Unit,
    outcome_label,
};
use std::collections::HashMap;

/// Anchor of the minutes.
pub(crate) const ANCHOR: &str = "minutes";

/// Title of the minutes as an appendix of the specification.
pub(crate) const APPENDIX_TITLE: &str = "Appendix: Panel record";

/// The panel's minutes of `doc` as a PDF of their own, dated `created` (no date when `None`).
pub fn minutes_pdf(
    doc: &Curriculum,
    created: Option<time::OffsetDateTime>,
) -> Result<Vec<u8>, ExportError> {
    let fonts = Fonts::load()?;
    let mut writer = Writer {
        fonts,
        blocks: Vec::new(),
    };
    write(&mut writer, doc, "Panel minutes");
    let geometry = Geometry::A4;
    let mut layout = lay_out(fonts, geometry, &writer.blocks, &HashMap::new());
    let title = fonts.clean(&doc.qualification.title);
    add_running_heads(fonts, &mut layout, geometry, &title, "Panel minutes", false);
    let metadata = Metadata {
        title: format!("Panel minutes: {title}"),
        author: fonts.clean(&doc.qualification.awarding_body),
        subject: format!("Panel record of {title}"),
        keywords: vec![
            "Higher Technical Qualification".into(),
            "panel minutes".into(),
        ],
        created,
    };
    render(&layout, geometry, &metadata)
}

/// Writes the minutes under a level 1 heading `title`, on a new page unless they start the
/// document.
pub(crate) fn write(writer: &mut Writer<'_>, doc: &Curriculum, title: &str) {
    if !writer.blocks.is_empty() {
        writer.blocks.push(Block::PageBreak);
    }
    writer.heading(1, title, Some(ANCHOR.into()), Some(0));
    let panel = &doc.panel;
    let names = Names::of(doc);
    writer.prose(&format!(
        "The record of the panel for {}: {}, {} and {}.",
        doc.qualification.title.trim(),
        count(panel.members.len(), "member", "members"),
        count(panel.sessions.len(), "session", "sessions"),
        count(panel.items.len(), "item discussed", "items discussed"),
    ));
    members(writer, panel);
    attendance(writer, panel);
    decisions(writer, doc, &names);
    open_actions(writer, panel, &names);
    open_items(writer, panel, &names);
}

fn count(n: usize, one: &str, many: &str) -> String {
    format!("{n} {}", if n == 1 { one } else { many })
}

fn members(writer: &mut Writer<'_>, panel: &PanelRecord) {
    writer.heading(2, "Panel members", None, Some(1));
    if panel.members.is_empty() {
        writer.prose("No panel members are recorded yet.");
        return;
    }
    let mut table = Table::new(&[0.3, 0.5, 0.2], &["Name", "Organisation", "Represents"]);
    for member in &panel.members {
        table.push_texts(&[
            member.name.clone(),
            member.organisation.clone(),
            member.role.label().into(),
        ]);
    }
    writer.table(table);
}

fn attendance(writer: &mut Writer<'_>, panel: &PanelRecord) {
    writer.heading(2, "Sessions and attendance", None, Some(1));
    if panel.sessions.is_empty() {
        writer.prose("No panel sessions are recorded yet.");
        return;
    }
    for session in &panel.sessions {
        writer.heading(
            3,
            &format!("Session of {}", date(&session.date)),
            None,
            None,
        );
        let mut table = Table::new(
            &[0.27, 0.43, 0.16, 0.14],
            &["Name", "Organisation", "Represents", "Attendance"],
        );
        for member in &panel.members {
            let present = session.attendees.contains(&member.id);
            table.push_texts(&[
                member.name.clone(),
                member.organisation.clone(),
                member.role.label().into(),
                if present { "Present" } else { "Absent" }.into(),
            ]);
        }
        writer.table(table);
        if !session.agenda.is_empty() {
            writer.para(Para::styled(
                "Agenda",
                TextStyle::BODY.with_face(Face::Bold),
            ));
            for (n, point) in session.agenda.iter().enumerate() {
                writer.para(Para {
                    lead: format!("{}.", n + 1),
                    ..Para::bullet(point.as_str())
                });
            }
        }
    }
}

/// Labels of items and members as the minutes name them.
struct Names<'a> {
    doc: &'a Curriculum,
}

impl<'a> Names<'a> {
    fn of(doc: &'a Curriculum) -> Self {
        Self { doc }
    }

    /// The unit an item lies in, by position, if it is still in the curriculum.
    fn unit_of(&self, item: &ItemRef) -> Option<usize> {
        match item {
            ItemRef::Unit(id) => self.doc.unit_index(id),
            ItemRef::Outcome(id) => self.doc.outcome_position(id).map(|(u, _)| u),
            ItemRef::Criterion(id) => self.doc.criterion_position(id).map(|(u, _, _)| u),
        }
    }

    /// Where an item sorts within its unit: the unit first, then outcomes and criteria in order.
    fn order(&self, item: &ItemRef) -> (usize, usize) {
        match item {
            ItemRef::Unit(_) => (0, 0),
            ItemRef::Outcome(id) => self
                .doc
                .outcome_position(id)
                .map_or((usize::MAX, 0), |(_, o)| (o + 1, 0)),
            ItemRef::Criterion(id) => self
                .doc
                .criterion_position(id)
                .map_or((usize::MAX, 0), |(_, o, c)| (o + 1, c + 1)),
        }
    }

    /// Where an item sorts in the curriculum; items no longer in it come last.
    fn place(&self, item: &ItemRef) -> (usize, (usize, usize)) {
        (self.unit_of(item).unwrap_or(usize::MAX), self.order(item))
    }

    /// "Unit 4010", "4010 LO2", "4010 LO2 P3"; for an item no longer in the curriculum, its
    /// kind and id.
    fn item(&self, item: &ItemRef) -> String {
        let number = |unit: &Unit| {
            if unit.number.trim().is_empty() {
                unit.id.to_string()
            } else {
                unit.number.clone()
            }
        };
        match item {
            ItemRef::Unit(id) => match self.doc.unit(id) {
                Some(unit) => format!("Unit {}", number(unit)),
                None => format!("Unit {id} (removed)"),
            },
            ItemRef::Outcome(id) => match self.doc.outcome_position(id) {
                Some((u, o)) => format!("{} {}", number(&self.doc.units[u]), outcome_label(o)),
                None => format!("Outcome {id} (removed)"),
            },
            ItemRef::Criterion(id) => match self.doc.criterion_position(id) {
                Some((u, o, _)) => {
                    let unit = &self.doc.units[u];
                    let numbers = CriterionNumbers::of(unit);
                    format!("{} {} {}", number(unit), outcome_label(o), numbers.get(id))
                }
                None => format!("Criterion {id} (removed)"),
            },
        }
    }

    /// The item's own words: a unit's title, an outcome's or a criterion's text.
    fn words(&self, item: &ItemRef) -> Option<&'a str> {
        let doc = self.doc;
        match item {
            ItemRef::Unit(id) => doc.unit(id).map(|unit| unit.title.as_str()),
            ItemRef::Outcome(id) => doc.outcome(id).map(|(_, outcome)| outcome.text.as_str()),
            ItemRef::Criterion(id) => doc
                .criterion_position(id)
                .map(|(u, o, c)| doc.units[u].outcomes[o].criteria[c].text.as_str()),
        }
    }

    /// Who recorded an entry: a member's name, or the panel as a whole.
    fn by(&self, entry: &Entry) -> String {
        match &entry.member {
            Some(id) => self
                .doc
                .panel
                .member(id)
                .map_or_else(|| id.clone(), |member| member.name.clone()),
            None => "The panel".into(),
        }
    }
}

/// The item cell: its label, and its words in a muted line.
fn item_cell(names: &Names<'_>, item: &ItemRef) -> Vec<Para> {
    let mut paras = vec![Para {
        style: TextStyle {
            face: Face::Bold,
            ..cell("").style
        },
        ..cell(&names.item(item))
    }];
    if let Some(words) = names.words(item).filter(|w| !w.trim().is_empty()) {
        paras.push(Para {
            style: TextStyle {
                colour: MUTED,
                ..cell("").style
            },
            ..cell(words)
        });
    }
    paras
}

/// An entry as two paragraphs: who and when in bold, then what was said.
fn entry_paras(names: &Names<'_>, entry: &Entry) -> [Para; 2] {
    let who = format!(
        "{} – {}, {}",
        entry.kind.label(),
        names.by(entry),
        timestamp(&entry.at)
    );
    [
        Para {
            style: TextStyle {
                face: Face::Bold,
                ..cell("").style
            },
            space_after: 0.5,
            ..cell(&who)
        },
        cell(&entry.text),
    ]
}

fn decisions(writer: &mut Writer<'_>, doc: &Curriculum, names: &Names<'_>) {
    writer.heading(2, "Decisions by item", None, Some(1));
    if doc.panel.items.is_empty() {
        writer.prose("The panel has not recorded a status or decision on any item yet.");
        return;
    }
    let mut groups: Vec<(Option<usize>, Vec<&ItemRecord>)> = Vec::new();
    for record in &doc.panel.items {
        let unit = names.unit_of(&record.item);
        match groups.iter_mut().find(|(u, _)| *u == unit) {
            Some((_, records)) => records.push(record),
            None => groups.push((unit, vec![record])),
        }
    }
    groups.sort_by_key(|(unit, _)| unit.unwrap_or(usize::MAX));
    for (unit, mut records) in groups {
        let title = match unit.and_then(|u| doc.units.get(u)) {
            Some(unit) => format!("Unit {} {}", unit.number.trim(), unit.title.trim()),
            None => "Items no longer in the curriculum".into(),
        };
        writer.heading(3, &title, None, None);
        records.sort_by_key(|record| names.order(&record.item));
        let mut table = Table::new(
            &[0.24, 0.16, 0.6],
            &["Item", "Status", "Decisions, comments and actions"],
        );
        for record in records {
            let entries: Vec<Para> = record
                .entries
                .iter()
                .flat_map(|entry| entry_paras(names, entry))
                .collect();
            table.rows.push(vec![
                item_cell(names, &record.item),
                vec![cell(record.status.label())],
                if entries.is_empty() {
                    vec![cell("–")]
                } else {
                    entries
                },
            ]);
        }
        writer.table(table);
    }
}

fn open_actions(writer: &mut Writer<'_>, panel: &PanelRecord, names: &Names<'_>) {
    writer.heading(2, "Open actions", None, Some(1));
    let mut actions: Vec<(&ItemRecord, &Entry)> = panel
        .items
        .iter()
        .filter(|record| record.status.is_open())
        .flat_map(|record| {
            record
                .entries
                .iter()
                .filter(|entry| entry.kind == EntryKind::Action)
                .map(move |entry| (record, entry))
        })
        .collect();
    if actions.is_empty() {
        writer.prose("There are no open actions.");
        return;
    }
    actions.sort_by_key(|(record, _)| names.place(&record.item));
    let mut table = Table::new(
        &[0.18, 0.5, 0.17, 0.15],
        &["Item", "Action", "Who", "Recorded"],
    );
    for (record, entry) in actions {
        table.push_texts(&[
            names.item(&record.item),
            entry.text.clone(),
            names.by(entry),
            timestamp(&entry.at),
        ]);
    }
    writer.table(table);
}

fn open_items(writer: &mut Writer<'_>, panel: &PanelRecord, names: &Names<'_>) {
    writer.heading(2, "Items still open", None, Some(1));
    let mut open: Vec<&ItemRecord> = panel
        .items
        .iter()
        .filter(|record| record.status.is_open())
        .collect();
    open.sort_by_key(|record| names.place(&record.item));
    if open.is_empty() {
        writer.prose("The panel has settled every item it discussed.");
        return;
    }
    let mut table = Table::new(&[0.3, 0.2, 0.5], &["Item", "Status", "Latest entry"]);
    for record in open {
        let latest = record
            .entries
            .last()
            .map_or_else(|| "–".to_owned(), |entry| entry.text.clone());
        table.rows.push(vec![
            item_cell(names, &record.item),
            vec![cell(record.status.label())],
            vec![cell(&latest)],
        ]);
    }
    writer.table(table);
    writer.blocks.push(Block::Gap(6.0));
    writer.prose(
        "These are the items the panel has discussed but not yet agreed or rejected. Units, \
         outcomes and criteria the panel has not discussed are drafts and are not listed.",
    );
}

const MONTHS: [&str; 12] = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];

/// "9 November 2026" for "2026-11-09"; other text as written.
fn date(text: &str) -> String {
    let parts: Vec<&str> = text.trim().splitn(3, '-').collect();
    let parsed = match parts.as_slice() {
        [year, month, day] if year.len() == 4 => month
            .parse::<usize>()
            .ok()
            .and_then(|m| MONTHS.get(m.wrapping_sub(1)))
            .zip(day.parse::<u8>().ok().filter(|d| (1..=31).contains(d)))
            .map(|(month, day)| format!("{day} {month} {year}")),
        _ => None,
    };
    parsed.unwrap_or_else(|| text.trim().to_owned())
}

/// "9 November 2026 10:20" for "2026-11-09T10:20:00Z"; other text as written.
fn timestamp(text: &str) -> String {
    match text.trim().split_once('T') {
        Some((day, time)) if time.len() >= 5 && time.is_char_boundary(5) => {
            format!("{} {}", date(day), &time[..5])
        }
        _ => date(text),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates_and_times_read_as_words() {
        assert_eq!(date("2026-11-09"), "9 November 2026");
        assert_eq!(timestamp("2026-11-09T10:20:00Z"), "9 November 2026 10:20");
        assert_eq!(date("next Tuesday"), "next Tuesday");
        assert_eq!(date("2026-13-01"), "2026-13-01");
        assert_eq!(timestamp("2026-11-09Té"), "2026-11-09Té");
    }
}
