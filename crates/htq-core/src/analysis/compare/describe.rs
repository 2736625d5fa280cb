//! One short, plain sentence for an edit, for the list of edits made during a panel session:
//! "Changed the title of 4010", "Added a Merit criterion to 4010 LO2", "Set 4010 to Agreed".
//!
//! Items are named with display numbers from the document given; an item the document does not
//! hold (removed since) is named by its id.

use super::labels::{criterion_label, ksb_label, outcome_label_in, unit_label};
use crate::model::{
    Curriculum, Edit, EntryKind, ItemRef, KsbId, NumberField, OutcomeId, ResourceId, StandardId,
    TextField, TopicId, UnitId,
};
use crate::words::counted;

/// A short description of `edit` in the words of a panel's change log. `doc` is the version
/// the edit applies to (or was applied to); it only supplies display numbers and names.
pub fn describe_edit(doc: &Curriculum, edit: &Edit) -> String {
    let mut leaves = Vec::new();
    flatten(edit, &mut leaves);
    match leaves.as_slice() {
        [] => "No change".into(),
        [only] => describe_one(doc, only),
        [first, rest @ ..] => {
            let more = rest.len();
            let noun = if more == 1 { "change" } else { "changes" };
            format!("{} and {more} more {noun}", describe_one(doc, first))
        }
    }
}

/// The edits of `edit` that change something, batches opened.
fn flatten<'a>(edit: &'a Edit, leaves: &mut Vec<&'a Edit>) {
    match edit {
        Edit::Batch(edits) => edits.iter().for_each(|e| flatten(e, leaves)),
        other => leaves.push(other),
    }
}

fn unit(doc: &Curriculum, id: &UnitId) -> String {
    doc.unit(id)
        .map_or_else(|| format!("unit {id}"), |u| unit_label(u).to_owned())
}

/// "unit 4012", or "unit u5034" when the document does not hold it.
fn unit_named(doc: &Curriculum, id: &UnitId) -> String {
    format!("unit {}", doc.unit(id).map_or(id.as_str(), unit_label))
}

/// "4010 LO2", the outcome holding topic `id`, or "an outcome" when the document does not
/// hold the topic.
fn topic_outcome(doc: &Curriculum, id: &TopicId) -> String {
    doc.topic_position(id).map_or_else(
        || "an outcome".to_owned(),
        |(u, o, _)| outcome_label_in(doc, &doc.units[u].outcomes[o].id),
    )
}

/// The unit holding resource `id`, or "a unit" when the document does not hold it.
fn resource_unit(doc: &Curriculum, id: &ResourceId) -> String {
    doc.resource_position(id)
        .map_or_else(|| "a unit".to_owned(), |(u, _)| unit(doc, &doc.units[u].id))
}

/// "ST0220", or the id when the document does not hold the standard.
fn standard(doc: &Curriculum, id: &StandardId) -> String {
    doc.standard(id)
        .map_or_else(|| id.to_string(), |s| s.reference.clone())
}

/// "1 KSB added", "3 KSBs added".
fn item(doc: &Curriculum, item: &ItemRef) -> String {
    match item {
        ItemRef::Unit(id) => unit(doc, id),
        ItemRef::Outcome(id) => outcome_label_in(doc, id),
        ItemRef::Criterion(id) => criterion_label(doc, id),
    }
}

fn mapping(doc: &Curriculum, outcome: &OutcomeId, ksb: &KsbId) -> String {
    format!(
        "{} to {}",
        outcome_label_in(doc, outcome),
        ksb_label(doc, ksb)
    )
}

fn text_field(doc: &Curriculum, field: &TextField) -> String {
    let of_unit = |what: &str, id: &UnitId| format!("Changed the {what} of {}", unit(doc, id));
    let of_outcome =
        |what: &str, id: &OutcomeId| format!("Changed the {what} of {}", outcome_label_in(doc, id));
    match field {
        TextField::QualificationTitle => "Changed the qualification title".into(),
        TextField::AwardingBody => "Changed the awarding body".into(),
        TextField::Issue => "Changed the issue".into(),
        TextField::IssueDate => "Changed the issue date".into(),
        TextField::Purpose => "Changed the purpose of the qualification".into(),
        TextField::Audience => "Changed who the qualification is for".into(),
        TextField::Progression => "Changed the progression routes".into(),
        TextField::UnitNumber(id) => of_unit("number", id),
        TextField::UnitRegulatorCode(id) => of_unit("regulator code", id),
        TextField::UnitTitle(id) => of_unit("title", id),
        TextField::UnitIntroduction(id) => of_unit("introduction", id),
        TextField::ResourceText(id) => {
            format!(
                "Changed the text of a resource of {}",
                resource_unit(doc, id)
            )
        }
        TextField::OutcomeText(id) => of_outcome("text", id),
        TextField::TopicHeading(id) => format!(
            "Changed the heading of a content topic of {}",
            topic_outcome(doc, id)
        ),
        TextField::CriterionText(id) => {
            format!("Changed the text of {}", criterion_label(doc, id))
        }
        TextField::MappingNote(outcome, ksb) => {
            format!(
                "Changed the note on the mapping of {}",
                mapping(doc, outcome, ksb)
            )
        }
        TextField::GroupTitle(id) => format!("Changed the title of optional group {id}"),
        TextField::StandardReference(id) => {
            format!("Changed the reference of standard {}", standard(doc, id))
        }
        TextField::StandardTitle(id) => {
            format!("Changed the title of standard {}", standard(doc, id))
        }
        TextField::KsbCode(id) => format!("Changed the code of {}", ksb_label(doc, id)),
        TextField::KsbText(id) => format!("Changed the statement of {}", ksb_label(doc, id)),
        TextField::DutyCode(id, duty) | TextField::DutyText(id, duty) => {
            let code = doc
                .standard(id)
                .and_then(|s| s.duties.iter().find(|d| &d.id == duty))
                .map_or(duty.as_str(), |d| d.code.as_str());
            format!("Changed duty {code} of standard {}", standard(doc, id))
        }
    }
}

fn number_field(doc: &Curriculum, field: &NumberField, value: u32) -> String {
    match field {
        NumberField::QualificationLevel => format!("Set the qualification level to {value}"),
        NumberField::TotalCredits => format!("Set the total credits to {value}"),
        NumberField::UnitLevel(id) => format!("Set the level of {} to {value}", unit(doc, id)),
        NumberField::UnitCredits(id) => {
            format!("Set the credits of {} to {value}", unit(doc, id))
        }
        NumberField::UnitGlh(id) => format!(
            "Set the guided learning hours of {} to {value}",
            unit(doc, id)
        ),
        NumberField::StandardLevel(id) => {
            format!("Set the level of standard {} to {value}", standard(doc, id))
        }
    }
}

fn describe_one(doc: &Curriculum, edit: &Edit) -> String {
    match edit {
        Edit::SetText { field, .. } => text_field(doc, field),
        Edit::SetPoints { topic, .. } => format!(
            "Changed the points of a content topic of {}",
            topic_outcome(doc, topic)
        ),
        Edit::SetNumber { field, value } => number_field(doc, field, *value),
        Edit::SetKind(kind) => format!("Set the qualification kind to {kind}"),
        Edit::SetTheme { unit: id, theme } => {
            format!("Set the theme of {} to {theme}", unit(doc, id))
        }
        Edit::SetBand { criterion, band } => format!(
            "Made {} a {band} criterion",
            criterion_label(doc, criterion)
        ),
        Edit::SetResourceKind { resource, kind } => format!(
            "Changed a resource of {} to {}",
            resource_unit(doc, resource),
            kind.label().to_lowercase()
        ),
        Edit::InsertUnit { unit: new, .. } => {
            format!("Added unit {} ({})", unit_label(new), new.title)
        }
        Edit::RemoveUnit { unit: id } => format!("Removed {}", unit_named(doc, id)),
        Edit::MoveUnit { unit: id, to } => {
            format!("Moved {} to position {}", unit_named(doc, id), to + 1)
        }
        Edit::InsertOutcome { unit: id, .. } => {
            format!("Added a learning outcome to {}", unit(doc, id))
        }
        Edit::RemoveOutcome { outcome } => format!("Removed {}", outcome_label_in(doc, outcome)),
        Edit::MoveOutcome { outcome, to } => {
            format!("Moved {} to LO{}", outcome_label_in(doc, outcome), to + 1)
        }
        Edit::InsertCriterion {
            outcome, criterion, ..
        } => format!(
            "Added a {} criterion to {}",
            criterion.band,
            outcome_label_in(doc, outcome)
        ),
        Edit::RemoveCriterion { criterion } => {
            format!("Removed {}", criterion_label(doc, criterion))
        }
        Edit::MoveCriterion { criterion, .. } => {
            format!("Moved {}", criterion_label(doc, criterion))
        }
        Edit::InsertTopic { outcome, .. } => format!(
            "Added a content topic to {}",
            outcome_label_in(doc, outcome)
        ),
        Edit::RemoveTopic { topic } => {
            format!("Removed a content topic from {}", topic_outcome(doc, topic))
        }
        Edit::MoveTopic { topic, .. } => {
            format!("Moved a content topic of {}", topic_outcome(doc, topic))
        }
        Edit::InsertResource { unit: id, .. } => format!("Added a resource to {}", unit(doc, id)),
        Edit::RemoveResource { resource } => {
            format!("Removed a resource from {}", resource_unit(doc, resource))
        }
        Edit::MoveResource { resource, .. } => {
            format!("Moved a resource of {}", resource_unit(doc, resource))
        }
        Edit::SetLinks { unit: id, .. } => {
            format!("Changed the related units of {}", unit(doc, id))
        }
        Edit::SetRules(_) => "Changed the rules of combination".into(),
        Edit::SetClaims(_) => "Changed the occupations claimed".into(),
        Edit::SetOutOfScope {
            ksb,
            reason: Some(reason),
        } => format!(
            "Put {} out of scope: \"{}\"",
            ksb_label(doc, ksb),
            reason.trim()
        ),
        Edit::SetOutOfScope { ksb, reason: None } => {
            format!("Brought {} back into scope", ksb_label(doc, ksb))
        }
        Edit::RestoreOutOfScope { entry, .. } => format!(
            "Put {} out of scope: \"{}\"",
            ksb_label(doc, &entry.ksb),
            entry.reason.trim()
        ),
        Edit::SetCoverage {
            outcome,
            ksb,
            coverage: Some(coverage),
        } => format!(
            "Mapped {} ({})",
            mapping(doc, outcome, ksb),
            coverage.label()
        ),
        Edit::SetCoverage {
            outcome,
            ksb,
            coverage: None,
        } => format!(
            "Unmapped {} from {}",
            outcome_label_in(doc, outcome),
            ksb_label(doc, ksb)
        ),
        Edit::RestoreMapping { mapping: m, .. } => format!(
            "Mapped {} ({})",
            mapping(doc, &m.outcome, &m.ksb),
            m.coverage.label()
        ),
        Edit::InsertStandard { standard, .. } => {
            format!("Added standard {} ({})", standard.reference, standard.title)
        }
        Edit::RemoveStandard { standard } => format!(
            "Removed standard {}",
            doc.standard(standard)
                .map_or(standard.as_str(), |s| s.reference.as_str())
        ),
        Edit::ReplaceStandard { standard: new } => {
            let old = doc.standard(&new.id);
            let had = |id: &KsbId| old.is_some_and(|old| old.ksbs.iter().any(|k| &k.id == id));
            let added = new.ksbs.iter().filter(|k| !had(&k.id)).count();
            let retired = old.map_or(0, |old| {
                old.ksbs
                    .iter()
                    .filter(|k| !new.ksbs.iter().any(|n| n.id == k.id))
                    .count()
            });
            let mut parts = Vec::new();
            if added > 0 {
                parts.push(counted(added, "KSB added", "KSBs added"));
            }
            if retired > 0 {
                parts.push(counted(retired, "KSB retired", "KSBs retired"));
            }
            if parts.is_empty() {
                parts.push("KSBs or duties changed".to_owned());
            }
            format!("Changed standard {}: {}", new.reference, parts.join(", "))
        }
        Edit::SetStatus {
            item: target,
            status,
        } => {
            format!("Set {} to {status}", item(doc, target))
        }
        Edit::AddEntry {
            item: target,
            entry,
        } => {
            let kind = match entry.kind {
                EntryKind::Decision => "a decision",
                EntryKind::Comment => "a comment",
                EntryKind::Action => "an action",
            };
            let by = entry
                .member
                .as_deref()
                .and_then(|id| doc.panel.member(id))
                .map(|member| format!(" by {}", member.name))
                .unwrap_or_default();
            format!("Recorded {kind}{by} on {}", item(doc, target))
        }
        Edit::RemoveLastEntry { item: target } => {
            format!("Removed the last entry on {}", item(doc, target))
        }
        Edit::InsertItemRecord { record, .. } => {
            format!("Restored the panel record of {}", item(doc, &record.item))
        }
        Edit::RemoveItemRecord { item: target } => {
            format!("Removed the panel record of {}", item(doc, target))
        }
        Edit::SetPanelPeople { .. } => "Changed the panel's members and sessions".into(),
        Edit::Batch(_) => describe_edit(doc, edit),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::synthetic::{Size, curriculum};
    use crate::model::{Band, Coverage, Criterion, Entry, ItemStatus, Member, MemberRole, Theme};

    fn doc() -> Curriculum {
        let mut doc = curriculum(Size {
            units: 4,
            outcomes_per_unit: 2,
            criteria_per_outcome: 3,
            standards: 1,
            ksbs_per_standard: 4,
            mappings: 4,
        });
        doc.panel.members.push(Member {
            id: "m1".into(),
            name: "Priya Natarajan".into(),
            organisation: "Severn Valley Diagnostics".into(),
            role: MemberRole::Employer,
        });
        doc
    }

    fn title(unit: &str) -> Edit {
        Edit::SetText {
            field: TextField::UnitTitle(unit.into()),
            value: "New".into(),
        }
    }

    #[test]
    fn edits_read_as_a_change_log() {
        let doc = doc();
        let cases = [
            (title("u0"), "Changed the title of 4001"),
            (
                Edit::InsertCriterion {
                    outcome: "u0-lo1".into(),
                    index: 0,
                    criterion: Criterion {
                        id: "x".into(),
                        band: Band::Merit,
                        text: String::new(),
                    },
                },
                "Added a Merit criterion to 4001 LO2",
            ),
            (
                Edit::SetStatus {
                    item: ItemRef::Unit("u0".into()),
                    status: ItemStatus::Agreed,
                },
                "Set 4001 to Agreed",
            ),
            (
                Edit::AddEntry {
                    item: ItemRef::Outcome("u3-lo1".into()),
                    entry: Entry {
                        kind: EntryKind::Decision,
                        member: Some("m1".into()),
                        ..Entry::default()
                    },
                },
                "Recorded a decision by Priya Natarajan on 5004 LO2",
            ),
            (
                Edit::SetBand {
                    criterion: "u0-lo1-c2".into(),
                    band: Band::Merit,
                },
                "Made 4001 LO2 D2 a Merit criterion",
            ),
            (
                Edit::SetCoverage {
                    outcome: "u0-lo0".into(),
                    ksb: "st0-k1".into(),
                    coverage: Some(Coverage::Partial),
                },
                "Mapped 4001 LO1 to ST9000 S1 (Partial)",
            ),
            (
                Edit::SetTheme {
                    unit: "u1".into(),
                    theme: Theme::LabSkills,
                },
                "Set the theme of 4002 to Laboratory skills",
            ),
            (
                Edit::RemoveUnit {
                    unit: "gone".into(),
                },
                "Removed unit gone",
            ),
        ];
        for (edit, expected) in cases {
            assert_eq!(describe_edit(&doc, &edit), expected, "{edit:?}");
        }
    }

    #[test]
    fn a_batch_is_described_by_its_first_change() {
        let doc = doc();
        let batch = Edit::Batch(vec![
            Edit::Batch(Vec::new()),
            title("u1"),
            Edit::Batch(vec![title("u2"), title("u3")]),
        ]);
        assert_eq!(
            describe_edit(&doc, &batch),
            "Changed the title of 4002 and 2 more changes"
        );
        let pair = Edit::Batch(vec![title("u1"), title("u2")]);
        assert_eq!(
            describe_edit(&doc, &pair),
            "Changed the title of 4002 and 1 more change"
        );
        assert_eq!(describe_edit(&doc, &Edit::Batch(Vec::new())), "No change");
    }
}
