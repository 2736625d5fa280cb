//! The findings screen: every finding of the document grouped by where it lies (the
//! qualification, each unit, each standard), with counts, filters by severity, kind and place,
//! the KSB's statement beside KSB findings, and F8 / Shift+F8 stepping through what is shown.
//! Clicking a finding goes to the place it names.

use super::Action;
use super::widgets::{count_badge, heading, secondary};
use crate::analysis::{Finding, FindingKind, Location, Severity};
use crate::app::Session;
use crate::app::theme::{self, size, space};
use crate::model::{Curriculum, StandardId, UnitId};
use crate::words::counted;
use iced::widget::{Column, button, column, container, pick_list, row, scrollable, text};
use iced::{Alignment, Element, Length};
use std::collections::HashSet;
use std::fmt;

/// Messages of the findings screen.
#[derive(Debug, Clone)]
pub enum Message {
    /// Show only this severity (`None`: all).
    Severity(Option<Severity>),
    /// Show only this kind (`None`: all).
    Kind(Option<FindingKind>),
    /// Show only this place (`None`: everywhere).
    Place(Option<Place>),
    /// Fold or unfold a place's findings.
    Toggle(Place),
    /// Go to a finding's place.
    Open(Location),
    /// Check draft units like every other.
    CheckEverything,
}

/// Where findings are grouped: the qualification (its details and rules), a unit (with its
/// outcomes and criteria), or a standard (with its KSBs).
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub enum Place {
    /// The qualification's details and rules of combination.
    Qualification,
    /// A unit, its outcomes and criteria.
    Unit(UnitId),
    /// A standard and its KSBs.
    Standard(StandardId),
}

impl Place {
    /// The place `location` lies in.
    pub fn of(doc: &Curriculum, location: &Location) -> Self {
        match location {
            Location::Qualification | Location::Rules => Place::Qualification,
            Location::Standard(id) => Place::Standard(id.clone()),
            Location::Ksb(id) => doc.ksb(id).map_or(Place::Qualification, |(standard, _)| {
                Place::Standard(standard.id.clone())
            }),
            Location::Unit(_) | Location::Outcome(_) | Location::Criterion(_) => location
                .unit(doc)
                .map_or(Place::Qualification, |unit| Place::Unit(unit.id.clone())),
        }
    }

    /// The place's name as a group heading shows it.
    fn title(&self, doc: &Curriculum) -> String {
        match self {
            Place::Qualification => "Qualification and rules of combination".to_owned(),
            Place::Unit(id) => doc.unit(id).map_or_else(
                || id.to_string(),
                |unit| format!("Unit {} {}", unit.number, unit.title),
            ),
            Place::Standard(id) => doc.standard(id).map_or_else(
                || id.to_string(),
                |standard| format!("Standard {} {}", standard.reference, standard.title),
            ),
        }
    }

    /// Places in document order: the qualification, units, standards.
    fn all(doc: &Curriculum) -> Vec<Place> {
        std::iter::once(Place::Qualification)
            .chain(doc.units.iter().map(|u| Place::Unit(u.id.clone())))
            .chain(doc.standards.iter().map(|s| Place::Standard(s.id.clone())))
            .collect()
    }
}

/// An entry of a filter's list: everything, or one value, with the words and count shown.
#[derive(Debug, Clone)]
struct Choice<T> {
    /// The value chosen; `None` for everything.
    value: Option<T>,
    label: String,
}

impl<T: PartialEq> PartialEq for Choice<T> {
    fn eq(&self, other: &Self) -> bool {
        self.value == other.value
    }
}

impl<T> fmt::Display for Choice<T> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.label)
    }
}

/// State of the findings screen.
#[derive(Debug, Default)]
pub struct State {
    /// The severity shown, or all.
    pub severity: Option<Severity>,
    /// The kind shown, or all.
    pub kind: Option<FindingKind>,
    /// The place shown, or all.
    pub place: Option<Place>,
    /// Places whose findings are folded away.
    folded: HashSet<Place>,
    /// The finding F8 went to last, with its position among those shown.
    cursor: Option<(usize, Finding)>,
}

impl State {
    /// Handles a message.
    pub fn update(&mut self, message: Message) -> Action {
        match message {
            Message::Severity(severity) => self.severity = severity,
            Message::Kind(kind) => self.kind = kind,
            Message::Place(place) => self.place = place,
            Message::Toggle(place) => {
                if !self.folded.remove(&place) {
                    self.folded.insert(place);
                }
            }
            Message::Open(location) => return Action::Locate(location),
            Message::CheckEverything => return Action::CheckEverything,
        }
        self.cursor = None;
        Action::None
    }

    /// The findings the filters let through, grouped by place in document order.
    pub fn shown<'a>(&self, session: &'a Session) -> Vec<(Place, Vec<&'a Finding>)> {
        let doc = &session.doc;
        let mut groups: Vec<(Place, Vec<&Finding>)> = Place::all(doc)
            .into_iter()
            .map(|p| (p, Vec::new()))
            .collect();
        let index: std::collections::HashMap<Place, usize> = groups
            .iter()
            .enumerate()
            .map(|(i, (place, _))| (place.clone(), i))
            .collect();
        for finding in session.findings() {
            if self.severity.is_some_and(|s| s != finding.severity)
                || self.kind.is_some_and(|k| k != finding.kind)
            {
                continue;
            }
            let place = Place::of(doc, &finding.location);
            if self.place.as_ref().is_some_and(|p| *p != place) {
                continue;
            }
            if let Some(&slot) = index.get(&place) {
                groups[slot].1.push(finding);
            }
        }
        groups.retain(|(_, findings)| !findings.is_empty());
        groups
    }

    /// The next (or previous) finding among those shown after the one stepped to last, for
    /// F8 and Shift+F8; with its position and how many are shown.
    pub fn step(&mut self, session: &Session, forward: bool) -> Option<(Location, usize, usize)> {
        let shown: Vec<&Finding> = self
            .shown(session)
            .into_iter()
            .flat_map(|(_, findings)| findings)
            .collect();
        let total = shown.len();
        if total == 0 {
            self.cursor = None;
            return None;
        }
        let next = match &self.cursor {
            None if forward => 0,
            None => total - 1,
            // The last finding is still there: move on from it.
            Some((at, last)) if shown.get(*at) == Some(&last) => {
                if forward {
                    (at + 1) % total
                } else {
                    (at + total - 1) % total
                }
            }
            // It went (it was fixed): the one now in its place is next.
            Some((at, _)) if forward => at % total,
            Some((at, _)) => (at + total - 1) % total,
        };
        let finding = shown[next];
        self.cursor = Some((next, finding.clone()));
        Some((finding.location.clone(), next + 1, total))
    }

    /// Draws the screen.
    pub fn view<'a>(&'a self, session: &'a Session) -> Element<'a, Message> {
        let doc = &session.doc;
        let findings = session.findings();
        let severity_count =
            |severity: Severity| findings.iter().filter(|f| f.severity == severity).count();
        let severity_button = |label: &'static str, n: usize, severity: Option<Severity>| {
            button(
                row![text(label), count_badge(n)]
                    .spacing(space::XS)
                    .align_y(Alignment::Center),
            )
            .padding([6, 10])
            .style(theme::nav_button(self.severity == severity))
            .on_press(Message::Severity(severity))
        };
        let severities = row![
            severity_button("All", findings.len(), None),
            severity_button(
                "Errors",
                severity_count(Severity::Error),
                Some(Severity::Error)
            ),
            severity_button(
                "Warnings",
                severity_count(Severity::Warning),
                Some(Severity::Warning)
            ),
            severity_button(
                "Hints",
                severity_count(Severity::Hint),
                Some(Severity::Hint)
            ),
        ]
        .spacing(space::XS);
        let kinds = kind_choices(findings);
        let kind = kinds.iter().find(|c| c.value == self.kind).cloned();
        let places = place_choices(doc, findings);
        let place = places.iter().find(|c| c.value == self.place).cloned();
        let filters = row![
            severities,
            pick_list(kinds, kind, |choice| Message::Kind(choice.value)).width(220),
            pick_list(places, place, |choice| Message::Place(choice.value)).width(Length::Fill),
        ]
        .spacing(space::M)
        .align_y(Alignment::Center);

        let mut top = row![heading("Findings")]
            .spacing(space::M)
            .align_y(Alignment::Center);
        top = top.push(iced::widget::space::horizontal());
        let drafts = session.draft_count();
        if drafts > 0 {
            top = top.push(
                text(format!(
                    "{} shown as to write",
                    counted(
                        drafts,
                        "new unit's empty text is",
                        "new units' empty text is"
                    )
                ))
                .size(size::SMALL)
                .style(theme::muted),
            );
            top = top.push(secondary(
                "Check everything",
                Some(Message::CheckEverything),
            ));
        }

        let groups = self.shown(session);
        let mut list = Column::new().spacing(space::S);
        if groups.is_empty() {
            list = list.push(text(if findings.is_empty() {
                "No findings: every check passes."
            } else {
                "No finding matches these filters."
            }));
        }
        for (place, items) in groups {
            let folded = self.folded.contains(&place);
            list = list.push(group_heading(doc, &place, &items, folded));
            if !folded {
                list = list.push(
                    Column::with_children(
                        items.into_iter().map(|finding| finding_row(doc, finding)),
                    )
                    .spacing(2)
                    .padding([0.0, space::M]),
                );
            }
        }
        column![
            top,
            filters,
            scrollable(list).spacing(space::S).height(Length::Fill)
        ]
        .spacing(space::M)
        .padding(space::L)
        .max_width(1200)
        .into()
    }
}

/// The kind filter's entries: everything, then each kind with findings, with counts.
fn kind_choices(findings: &[Finding]) -> Vec<Choice<FindingKind>> {
    let mut choices = vec![Choice {
        value: None,
        label: format!("All kinds ({})", findings.len()),
    }];
    for kind in FindingKind::ALL {
        let n = findings.iter().filter(|f| f.kind == kind).count();
        if n > 0 {
            choices.push(Choice {
                value: Some(kind),
                label: format!("{} ({n})", kind.label()),
            });
        }
    }
    choices
}

/// The place filter's entries: everywhere, then each place with findings, with counts.
fn place_choices(doc: &Curriculum, findings: &[Finding]) -> Vec<Choice<Place>> {
    let mut counts: std::collections::HashMap<Place, usize> = std::collections::HashMap::new();
    for finding in findings {
        *counts.entry(Place::of(doc, &finding.location)).or_default() += 1;
    }
    let mut choices = vec![Choice {
        value: None,
        label: "Everywhere".to_owned(),
    }];
    for place in Place::all(doc) {
        if let Some(n) = counts.get(&place) {
            choices.push(Choice {
                label: format!("{} ({n})", place.title(doc)),
                value: Some(place),
            });
        }
    }
    choices
}

/// "1 error, 2 warnings, 14 to write": what a group holds.
fn tally(items: &[&Finding]) -> String {
    let of = |severity: Severity, kind_to_write: bool| {
        items
            .iter()
            .filter(|f| f.severity == severity && (f.kind == FindingKind::ToWrite) == kind_to_write)
            .count()
    };
    let mut parts = Vec::new();
    let errors = of(Severity::Error, false);
    if errors > 0 {
        parts.push(counted(errors, "error", "errors"));
    }
    let warnings = of(Severity::Warning, false);
    if warnings > 0 {
        parts.push(counted(warnings, "warning", "warnings"));
    }
    let hints = of(Severity::Hint, false);
    if hints > 0 {
        parts.push(counted(hints, "hint", "hints"));
    }
    let to_write = of(Severity::Hint, true);
    if to_write > 0 {
        parts.push(format!("{to_write} to write"));
    }
    parts.join(", ")
}

fn group_heading<'a>(
    doc: &Curriculum,
    place: &Place,
    items: &[&Finding],
    folded: bool,
) -> Element<'a, Message> {
    button(
        row![
            text(if folded { "▸" } else { "▾" }).width(16),
            text(place.title(doc)).font(theme::BOLD).width(Length::Fill),
            text(tally(items)).size(size::SMALL).style(theme::muted),
        ]
        .spacing(space::S)
        .align_y(Alignment::Center),
    )
    .style(theme::nav_button(false))
    .width(Length::Fill)
    .padding([6, 8])
    .on_press(Message::Toggle(place.clone()))
    .into()
}

/// Where in its place a finding lies: "LO2 P3" within a unit, "K12" within a standard.
fn detail(doc: &Curriculum, location: &Location) -> String {
    let full = location.describe(doc);
    match location {
        Location::Outcome(_) | Location::Criterion(_) => {
            full.splitn(3, ' ').nth(2).unwrap_or_default().to_owned()
        }
        Location::Ksb(id) => doc.ksb(id).map_or(full, |(_, ksb)| ksb.code.clone()),
        Location::Rules => "Rules".to_owned(),
        Location::Qualification => "Details".to_owned(),
        Location::Unit(_) | Location::Standard(_) => String::new(),
    }
}

fn finding_row<'a>(doc: &'a Curriculum, finding: &'a Finding) -> Element<'a, Message> {
    let severity = finding.severity;
    let to_write = finding.kind == FindingKind::ToWrite;
    let marker = match severity {
        _ if to_write => "✎ To write",
        Severity::Error => "✖ Error",
        Severity::Warning => "▲ Warning",
        Severity::Hint => "● Hint",
    };
    let mut what = column![text(&finding.message)]
        .spacing(2)
        .width(Length::Fill);
    if let Location::Ksb(id) = &finding.location
        && let Some((_, ksb)) = doc.ksb(id)
    {
        what = what.push(
            text(format!("“{}”", ksb.text))
                .size(size::SMALL)
                .style(theme::muted),
        );
    }
    button(
        row![
            text(marker)
                .font(theme::BOLD)
                .style(move |t| {
                    if to_write {
                        theme::muted(t)
                    } else {
                        theme::severity_text(t, severity)
                    }
                })
                .width(110),
            text(detail(doc, &finding.location))
                .size(size::SMALL)
                .width(90),
            what,
            text(finding.kind.label())
                .size(size::SMALL)
                .style(theme::muted)
                .width(140),
        ]
        .spacing(space::S)
        .align_y(Alignment::Start),
    )
    .style(|t, status| {
        let mut style = button::text(t, status);
        if matches!(status, button::Status::Hovered) {
            style.background = Some(t.extended_palette().background.weak.color.into());
        }
        style
    })
    .width(Length::Fill)
    .padding([6, 8])
    .on_press(Message::Open(finding.location.clone()))
    .into()
}

impl State {
    /// Where the finding F8 went to last stands among those shown, while it is still there.
    fn position(&self, session: &Session) -> Option<(usize, usize)> {
        let (at, last) = self.cursor.as_ref()?;
        let shown: Vec<&Finding> = self
            .shown(session)
            .into_iter()
            .flat_map(|(_, findings)| findings)
            .collect();
        (shown.get(*at) == Some(&last)).then_some((at + 1, shown.len()))
    }

    /// A one-line summary for the status bar: the counts, and which finding F8 reached.
    pub fn summary<'a>(&self, session: &'a Session) -> Element<'a, Message> {
        let findings = session.findings();
        let of = |severity: Severity| findings.iter().filter(|f| f.severity == severity).count();
        let mut line = format!(
            "{}, {}",
            counted(of(Severity::Error), "error", "errors"),
            counted(of(Severity::Warning), "warning", "warnings")
        );
        if let Some((at, total)) = self.position(session) {
            line = format!("Finding {at} of {total} · {line}");
        }
        container(text(line).size(size::SMALL)).into()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Edit, TextField};

    /// The shipped curriculum, which has no findings, with two units' introductions cleared.
    fn two_missing_introductions() -> Session {
        let session = crate::app::session::shipped_without_introductions(2);
        let places: Vec<Location> = session
            .findings()
            .iter()
            .map(|f| f.location.clone())
            .collect();
        assert_eq!(
            places,
            [
                Location::Unit(session.doc.units[0].id.clone()),
                Location::Unit(session.doc.units[1].id.clone())
            ]
        );
        session
    }

    #[test]
    fn f8_goes_on_from_the_last_finding_and_shift_f8_goes_back() {
        let session = two_missing_introductions();
        let first = Location::Unit(session.doc.units[0].id.clone());
        let second = Location::Unit(session.doc.units[1].id.clone());
        let mut state = State::default();
        assert_eq!(state.step(&session, true), Some((first.clone(), 1, 2)));
        assert_eq!(state.step(&session, true), Some((second.clone(), 2, 2)));
        assert_eq!(state.step(&session, true), Some((first.clone(), 1, 2)));
        assert_eq!(state.step(&session, false), Some((second, 2, 2)));
    }

    #[test]
    fn after_fixing_a_finding_f8_goes_to_the_one_that_took_its_place() {
        let mut session = two_missing_introductions();
        let second = Location::Unit(session.doc.units[1].id.clone());
        let mut state = State::default();
        state.step(&session, true);
        let unit = session.doc.units[0].id.clone();
        session
            .apply(Edit::SetText {
                field: TextField::UnitIntroduction(unit),
                value: "Written now.".into(),
            })
            .expect("the edit applies");
        let job = session.analysis_job().expect("the edit needs analysing");
        session.analysed(job.run());
        assert_eq!(state.step(&session, true), Some((second, 1, 1)));
    }

    #[test]
    fn the_filters_choose_what_f8_walks() {
        let session = two_missing_introductions();
        let second = Place::Unit(session.doc.units[1].id.clone());
        let mut state = State::default();
        let _ = state.update(Message::Place(Some(second.clone())));
        assert_eq!(
            state.step(&session, true).map(|(_, at, of)| (at, of)),
            Some((1, 1))
        );
        let _ = state.update(Message::Kind(Some(FindingKind::Wording)));
        assert_eq!(state.step(&session, true), None);
        assert_eq!(state.shown(&session).len(), 0);
    }
}
