//! Drawing the structure screen: the credit line, the tabs, the units by theme with their
//! roles, the rules of combination with their bounds, the qualification details and the unit
//! library.

use super::{Bound, LONG_FIELDS, Library, Message, NumberKey, Role, State, Tab};
use crate::app::Session;
use crate::app::fields::{FieldKeys, LongField, field_id};
use crate::app::screen::widgets::{
    caption, heading, labelled, labelled_input, number_input, primary, scroll_body, secondary, tool,
};
use crate::app::theme::{self, size, space};
use crate::model::{
    Curriculum, NumberField, OptionalGroup, QualificationKind, TextField, Theme, Unit,
};
use crate::words::counted;
use iced::widget::{Column, button, checkbox, column, container, pick_list, row, text, text_input};
use iced::{Alignment, Element, Length};

impl State {
    /// Draws the screen.
    pub fn view<'a>(&'a self, session: &'a Session) -> Element<'a, Message> {
        let doc = &session.doc;
        let tab = |label: &'a str, tab: Tab| {
            button(text(label))
                .padding([6, 12])
                .style(theme::nav_button(self.tab == tab))
                .on_press(Message::Tab(tab))
        };
        let mut body = column![].spacing(space::L);
        if let Some(library) = &self.library {
            body = body.push(library_view(library, doc));
        }
        body = body.push(match self.tab {
            Tab::Units => units_view(doc),
            Tab::Rules => self.rules(doc),
            Tab::Details => self.details(session),
        });
        column![
            text(&doc.qualification.title)
                .size(size::TITLE)
                .font(theme::BOLD),
            text(credit_line(doc)).style(theme::muted),
            row![
                tab("Units", Tab::Units),
                tab("Rules of combination", Tab::Rules),
                tab("Qualification details", Tab::Details),
            ]
            .spacing(space::XS),
            scroll_body(body),
        ]
        .spacing(space::M)
        .padding(space::L)
        .max_width(1100)
        .into()
    }

    fn details<'a>(&'a self, session: &'a Session) -> Element<'a, Message> {
        let doc = &session.doc;
        let q = &doc.qualification;
        let text_field = |label: &'a str, field: TextField, value: &'a str| {
            labelled_input(label, field_id(&field), value, move |v| {
                Message::Text(field.clone(), v)
            })
        };
        let number = |label: &'a str, field: NumberField| {
            let key = NumberKey::Field(field.clone());
            number_input(
                label,
                key.id(),
                label,
                self.number(doc, &key),
                110.0,
                move |v| Message::Number(field.clone(), v),
            )
        };
        let long: Vec<Element<'a, Message>> = LONG_FIELDS
            .iter()
            .map(|(field, label)| {
                labelled(
                    label,
                    self.fields.view(
                        &LongField::Text(field.clone()),
                        label,
                        Message::Field,
                        FieldKeys::default(),
                    ),
                )
            })
            .collect();
        container(
            column![
                text_field("Title", TextField::QualificationTitle, &q.title),
                row![
                    text_field("Awarding body", TextField::AwardingBody, &q.awarding_body),
                    labelled(
                        "Kind",
                        pick_list(QualificationKind::ALL, Some(q.kind), Message::Kind)
                            .padding(6)
                            .width(Length::Fill)
                    ),
                ]
                .spacing(space::M),
                row![
                    number("Level", NumberField::QualificationLevel),
                    number("Total credits", NumberField::TotalCredits),
                    text_field("Issue", TextField::Issue, &q.issue),
                    text_field(
                        "Issue date (YYYY-MM-DD)",
                        TextField::IssueDate,
                        &q.issue_date
                    ),
                ]
                .spacing(space::M)
                .align_y(Alignment::Start),
                claims_view(session),
                Column::with_children(long).spacing(space::M),
            ]
            .spacing(space::M),
        )
        .padding(space::M)
        .style(theme::card)
        .into()
    }

    fn rules<'a>(&'a self, doc: &'a Curriculum) -> Element<'a, Message> {
        let rules = &doc.qualification.rules;
        let mut lines = column![
            row![
                heading("Rules of combination"),
                iced::widget::space::horizontal(),
                secondary("Export workbook…", Some(Message::ExportWorkbook)),
            ]
            .align_y(Alignment::Center)
        ]
        .spacing(space::S);
        let mut levels: Vec<u8> = doc
            .qualification
            .kind
            .expected_credits()
            .iter()
            .map(|(level, _)| *level)
            .chain(rules.level_credits.iter().map(|rule| rule.level))
            .collect();
        levels.sort_unstable();
        levels.dedup();
        let levels = row(levels.into_iter().map(|level| {
            let key = NumberKey::LevelMinimum(level);
            number_input(
                format!("Minimum credits at Level {level}"),
                key.id(),
                "none",
                self.number(doc, &key),
                120.0,
                move |v| Message::LevelMinimum(level, v),
            )
        }))
        .spacing(space::M);
        lines = lines.push(levels);
        for group in &rules.groups {
            lines = lines.push(self.group_view(doc, group));
        }
        lines = lines.push(secondary("Add optional group", Some(Message::AddGroup)));
        container(lines).padding(space::M).style(theme::card).into()
    }

    fn group_view<'a>(
        &'a self,
        doc: &'a Curriculum,
        group: &'a OptionalGroup,
    ) -> Element<'a, Message> {
        let credits: u32 = doc
            .units
            .iter()
            .filter(|u| group.units.contains(&u.id))
            .map(|u| u.credits)
            .sum();
        let bound = |label: &'a str, which: Bound| {
            let id = group.id.clone();
            let key = NumberKey::Bound(group.id.clone(), which);
            number_input(
                label,
                key.id(),
                "any",
                self.number(doc, &key),
                90.0,
                move |v| Message::Bound(id.clone(), which, v),
            )
        };
        let title = TextField::GroupTitle(group.id.clone());
        container(
            column![
                row![
                    text_input("Group title", &group.title)
                        .id(field_id(&title))
                        .on_input(move |v| Message::Text(title.clone(), v))
                        .padding(6),
                    tool(
                        "Remove group",
                        "Remove this group (its units become not offered)",
                        Some(Message::RemoveGroup(group.id.clone()))
                    ),
                ]
                .spacing(space::S)
                .align_y(Alignment::Center),
                row![
                    bound("Minimum credits", Bound::MinCredits),
                    bound("Maximum credits", Bound::MaxCredits),
                    bound("Minimum units", Bound::MinUnits),
                    bound("Maximum units", Bound::MaxUnits),
                    column![
                        caption("On offer"),
                        text(format!(
                            "{}, {}",
                            counted(group.units.len(), "unit", "units"),
                            counted(credits, "credit", "credits")
                        ))
                    ]
                    .spacing(space::XS),
                ]
                .spacing(space::M)
                .align_y(Alignment::Start),
            ]
            .spacing(space::S),
        )
        .padding(space::S)
        .style(container::bordered_box)
        .into()
    }
}

/// "1 unit", "3 units".
/// The live credit totals against the rules of combination, in one sentence.
/// The occupations the qualification is submitted against: a tick per standard of the file
/// (unticked ones are for reference only), a tick per option of a claimed core-and-options
/// standard, and how the valid programmes reach each claimed occupation.
fn claims_view(session: &Session) -> Element<'_, Message> {
    let doc = &session.doc;
    let mut list = column![
        heading("Occupations claimed"),
        caption(
            "Tick each occupational standard the qualification is submitted against; the \
             others are for reference and their coverage is not checked."
        ),
    ]
    .spacing(space::S);
    if doc.standards.is_empty() {
        list = list.push(caption(
            "No standards yet: import one on the Mapping screen, or write one on the Standards \
             screen.",
        ));
    }
    for standard in &doc.standards {
        let claim = doc
            .qualification
            .claims
            .iter()
            .find(|c| c.standard == standard.id);
        let id = standard.id.clone();
        let label = format!(
            "{} {} (Level {})",
            standard.reference.trim(),
            standard.title.trim(),
            standard.level
        );
        list = list.push(
            checkbox(claim.is_some())
                .label(label)
                .on_toggle(move |on| Message::Claim(id.clone(), on)),
        );
        let Some(claim) = claim else { continue };
        let mut options = column![].spacing(space::XS).padding([0, 28]);
        if !standard.options.is_empty() {
            options = options.push(caption("Options claimed:"));
        }
        for option in &standard.options {
            let (id, title) = (standard.id.clone(), option.title.clone());
            options = options.push(
                checkbox(claim.options.contains(&option.title))
                    .label(option.title.as_str())
                    .on_toggle(move |on| Message::ClaimOption(id.clone(), title.clone(), on)),
            );
        }
        for entry in session
            .occupations()
            .occupations
            .iter()
            .filter(|o| o.occupation.standard == standard.id)
        {
            let name = entry
                .occupation
                .option
                .as_deref()
                .map_or(String::new(), |o| format!("{o}: "));
            let met = entry.met_everywhere();
            options = options.push(
                text(format!("{name}{}", entry.summary(doc)))
                    .size(size::SMALL)
                    .style(move |t| {
                        if met {
                            theme::muted(t)
                        } else {
                            theme::severity_text(t, crate::analysis::Severity::Error)
                        }
                    }),
            );
        }
        list = list.push(options);
    }
    list.into()
}

fn credit_line(doc: &Curriculum) -> String {
    let summary = doc.credit_summary();
    let by_level = summary
        .mandatory_by_level
        .iter()
        .map(|(level, credits)| format!("{credits} at Level {level}"))
        .collect::<Vec<_>>()
        .join(", ");
    format!(
        "{}. Mandatory: {}{}. A learner chooses {} more from {} on offer in optional groups, for {} in total.",
        counted(doc.units.len(), "unit", "units"),
        counted(summary.mandatory, "credit", "credits"),
        if by_level.is_empty() {
            String::new()
        } else {
            format!(" ({by_level})")
        },
        summary.to_choose,
        counted(summary.optional_offered, "credit", "credits"),
        doc.qualification.total_credits,
    )
}

fn roles(doc: &Curriculum) -> Vec<Role> {
    let mut roles = vec![Role::Mandatory];
    roles.extend(
        doc.qualification
            .rules
            .groups
            .iter()
            .map(|g| Role::Group(g.id.clone(), g.title.clone())),
    );
    roles.push(Role::NotOffered);
    roles
}

fn units_view(doc: &Curriculum) -> Element<'_, Message> {
    let mut sections = column![].spacing(space::M);
    for theme_kind in Theme::ALL {
        let units: Vec<&Unit> = doc.units.iter().filter(|u| u.theme == theme_kind).collect();
        let credits: u32 = units.iter().map(|u| u.credits).sum();
        let mut list = column![
            row![
                text(theme_kind.label())
                    .size(size::HEADING)
                    .font(theme::BOLD),
                text(format!(
                    "{}, {}",
                    counted(units.len(), "unit", "units"),
                    counted(credits, "credit", "credits")
                ))
                .style(theme::muted),
                iced::widget::space::horizontal(),
                secondary("Add unit", Some(Message::AddUnit(theme_kind))),
            ]
            .spacing(space::M)
            .align_y(Alignment::Center)
        ]
        .spacing(space::S);
        if units.is_empty() {
            list = list.push(text("No units in this theme yet.").style(theme::muted));
        }
        for unit in units {
            list = list.push(unit_row(doc, unit));
        }
        sections = sections.push(container(list).padding(space::M).style(theme::card));
    }
    sections.into()
}

fn unit_row<'a>(doc: &'a Curriculum, unit: &'a Unit) -> Element<'a, Message> {
    let id = unit.id.clone();
    let index = doc.unit_index(&unit.id).unwrap_or(0);
    let role = Role::of(doc, &unit.id);
    let role_id = unit.id.clone();
    row![
        button(
            row![
                text(&unit.number).font(theme::BOLD).width(56),
                text(&unit.title).width(Length::Fill),
            ]
            .spacing(space::S)
        )
        .style(button::text)
        .on_press(Message::OpenUnit(id.clone()))
        .width(Length::Fill),
        text(format!(
            "L{} · {}",
            unit.level,
            counted(unit.credits, "credit", "credits")
        ))
        .size(size::SMALL)
        .width(130),
        pick_list(roles(doc), Some(role), move |role| Message::Role(
            role_id.clone(),
            role
        ))
        .text_size(size::SMALL)
        .width(230),
        tool(
            "↑",
            "Move up",
            (index > 0).then(|| Message::Move(id.clone(), -1))
        ),
        tool(
            "↓",
            "Move down",
            (index + 1 < doc.units.len()).then(|| Message::Move(id.clone(), 1))
        ),
        tool(
            "Duplicate",
            "Duplicate this unit",
            Some(Message::Duplicate(id.clone()))
        ),
        tool(
            "Delete",
            "Delete this unit and its mappings (undo with Ctrl+Z)",
            Some(Message::Delete(id))
        ),
    ]
    .spacing(space::S)
    .align_y(Alignment::Center)
    .into()
}

fn library_view<'a>(library: &'a Library, doc: &'a Curriculum) -> Element<'a, Message> {
    let mut list = column![
        heading("Unit library"),
        text(format!(
            "{} — tick the units to bring into this curriculum. They arrive as copies with new ids, not offered until you give them a role; their KSB mappings stay behind.",
            library.doc.qualification.title
        )),
    ]
    .spacing(space::S);
    for unit in &library.doc.units {
        let clash = doc.units.iter().any(|u| u.number == unit.number);
        let label = format!(
            "{} {} (Level {}, {}){}",
            unit.number,
            unit.title,
            unit.level,
            counted(unit.credits, "credit", "credits"),
            if clash {
                " — number already used here"
            } else {
                ""
            }
        );
        let id = unit.id.clone();
        list = list.push(
            checkbox(library.chosen.contains(&unit.id))
                .label(label)
                .on_toggle(move |on| Message::LibraryToggle(id.clone(), on)),
        );
    }
    list = list.push(
        row![
            primary(
                "Bring in ticked units",
                (!library.chosen.is_empty()).then_some(Message::LibraryImport)
            ),
            secondary("Close", Some(Message::LibraryClose)),
        ]
        .spacing(space::S),
    );
    container(list)
        .padding(space::M)
        .style(theme::notice_banner)
        .into()
}
