//! Reference checks on the panel record after parsing: member and session ids unique, every
//! attendee and every entry's member naming a member of the panel.
//!
//! Item references are not checked: a decision to remove a unit stays in the record after the
//! unit is gone. Errors point at the offending id in the text, best effort, like `validate`.

use super::error::TextError;
use super::position;
use crate::model::PanelRecord;
use std::collections::HashSet;

/// Checks the ids and member references of `panel`, parsed from `text`.
pub(super) fn check(panel: &PanelRecord, text: &str) -> Result<(), TextError> {
    let members = unique(
        panel.members.iter().map(|member| member.id.as_str()),
        "panel members",
        text,
    )?;
    unique(
        panel.sessions.iter().map(|session| session.id.as_str()),
        "panel sessions",
        text,
    )?;
    let known = |id: &str, holder: &dyn Fn() -> String| {
        if members.contains(id) {
            return Ok(());
        }
        let place = position::of_string(text, id).unwrap_or((0, 0));
        Err(TextError::at(
            place,
            format!(
                "{} names panel member \"{id}\", who is not among the panel's members",
                holder()
            ),
        ))
    };
    for session in &panel.sessions {
        for attendee in &session.attendees {
            known(attendee, &|| {
                format!("the attendance of the panel session on {}", session.date)
            })?;
        }
    }
    for record in &panel.items {
        for entry in &record.entries {
            if let Some(member) = &entry.member {
                known(member, &|| {
                    format!("a {} of the panel", entry.kind.label().to_lowercase())
                })?;
            }
        }
    }
    Ok(())
}

/// The set of `ids`; an error naming the first id written twice.
fn unique<'a>(
    ids: impl Iterator<Item = &'a str>,
    what: &str,
    text: &str,
) -> Result<HashSet<&'a str>, TextError> {
    let mut seen = HashSet::new();
    for id in ids {
        if !seen.insert(id) {
            let place = position::of_definition(text, id, 1).unwrap_or((0, 0));
            return Err(TextError::at(
                place,
                format!(
                    "the id \"{id}\" is used for two {what}; every id must be unique in the file"
                ),
            ));
        }
    }
    Ok(seen)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{
        Entry, EntryKind, ItemRecord, ItemRef, ItemStatus, Member, MemberRole, PanelSession,
    };

    fn panel() -> PanelRecord {
        PanelRecord {
            members: vec![
                Member {
                    id: "m1".into(),
                    name: "Asha Patel".into(),
                    organisation: "Awards".into(),
                    role: MemberRole::AwardingBody,
                },
                Member {
                    id: "m2".into(),
                    name: "Tom Reid".into(),
                    organisation: "Labs Ltd".into(),
                    role: MemberRole::Employer,
                },
            ],
            sessions: vec![PanelSession {
                id: "s1".into(),
                date: "2026-10-01".into(),
                attendees: vec!["m1".into(), "m2".into()],
                agenda: vec!["Core units".into()],
            }],
            items: vec![ItemRecord {
                item: ItemRef::Unit("gone".into()),
                status: ItemStatus::Rejected,
                entries: vec![Entry {
                    kind: EntryKind::Decision,
                    text: "Drop the unit".into(),
                    member: Some("m2".into()),
                    session: Some("s1".into()),
                    at: "2026-10-01T10:00:00Z".into(),
                }],
            }],
        }
    }

    fn error(panel: &PanelRecord) -> String {
        check(panel, "")
            .map_err(|error| error.message)
            .err()
            .unwrap_or_default()
    }

    #[test]
    fn a_record_about_a_removed_unit_is_accepted() {
        assert_eq!(check(&panel(), ""), Ok(()));
    }

    #[test]
    fn an_unknown_attendee_is_refused() {
        let mut panel = panel();
        panel.sessions[0].attendees.push("m9".into());
        assert_eq!(
            error(&panel),
            "the attendance of the panel session on 2026-10-01 names panel member \"m9\", \
             who is not among the panel's members"
        );
    }

    #[test]
    fn an_entry_by_an_unknown_member_is_refused() {
        let mut panel = panel();
        panel.items[0].entries[0].member = Some("m9".into());
        assert!(error(&panel).starts_with("a decision of the panel names panel member \"m9\""));
    }

    #[test]
    fn duplicate_member_and_session_ids_are_refused() {
        let mut twice = panel();
        twice.members[1].id = "m1".into();
        twice.items.clear();
        twice.sessions[0].attendees = vec!["m1".into()];
        assert!(error(&twice).contains("\"m1\" is used for two panel members"));
        let mut twice = panel();
        twice.sessions.push(twice.sessions[0].clone());
        assert!(error(&twice).contains("\"s1\" is used for two panel sessions"));
    }
}
