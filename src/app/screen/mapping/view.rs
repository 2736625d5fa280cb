//! Drawing the mapping screen: the filters, the detail of the selected cell, and the window
//! of cells in view with its header rows and outcome column.

use super::{
    CELL_HEIGHT, CELL_WIDTH, Choice, DETAIL_HEIGHT, LABEL_WIDTH, MatrixColumn, MatrixRow, Message,
    State,
};
use crate::analysis::PathwayStatus;
use crate::app::Session;
use crate::app::fields::field_id;
use crate::app::screen::widgets::{caption, heading, secondary};
use crate::app::theme::{self, size, space};
use crate::model::{Coverage, KsbId, StandardId, TextField, Theme, UnitId, outcome_label};
use iced::widget::{
    Column, Row, button, checkbox, column, container, mouse_area, pick_list, row, scrollable, text,
    text_input, tooltip,
};
use iced::{Alignment, Element, Length, mouse};

fn status_symbol(status: &PathwayStatus) -> (&'static str, &'static str) {
    match status {
        PathwayStatus::Mandatory => ("✔", "covered in every pathway"),
        PathwayStatus::SomePathways { .. } => ("▲", "some pathways miss it"),
        PathwayStatus::Uncovered => ("✖", "not covered"),
    }
}

/// The status symbol and meaning of a KSB the qualification leaves out of scope.
const OUT_OF_SCOPE: (&str, &str) = ("○", "out of scope for this qualification");

fn cell_symbol(coverage: Option<Coverage>) -> &'static str {
    match coverage {
        None => "·",
        Some(Coverage::Partial) => "◐",
        Some(Coverage::Full) => "●",
    }
}

impl State {
    /// Draws the screen; `compact` (workshop mode) leaves out the heading, filters and legend
    /// so that more of the matrix fits at a large scale.
    pub fn view<'a>(&'a self, session: &'a Session, compact: bool) -> Element<'a, Message> {
        let doc = &session.doc;
        let standards: Vec<Choice<StandardId>> = std::iter::once(Choice::All)
            .chain(
                doc.standards
                    .iter()
                    .map(|s| Choice::One(s.id.clone(), format!("{} {}", s.reference, s.title))),
            )
            .collect();
        let themes: Vec<Choice<Theme>> = std::iter::once(Choice::All)
            .chain(
                Theme::ALL
                    .iter()
                    .map(|t| Choice::One(*t, t.label().to_owned())),
            )
            .collect();
        let units: Vec<Choice<UnitId>> = std::iter::once(Choice::All)
            .chain(
                doc.units
                    .iter()
                    .filter(|u| match &self.theme {
                        Choice::All => true,
                        Choice::One(theme, _) => u.theme == *theme,
                    })
                    .map(|u| Choice::One(u.id.clone(), format!("{} {}", u.number, u.title))),
            )
            .collect();
        let filters = row![
            column![
                caption("Standard"),
                pick_list(standards, Some(self.standard.clone()), Message::Standard).width(260)
            ]
            .spacing(2),
            column![
                caption("Theme"),
                pick_list(themes, Some(self.theme.clone()), Message::Theme).width(220)
            ]
            .spacing(2),
            column![
                caption("Unit"),
                pick_list(units, Some(self.unit.clone()), Message::Unit).width(260)
            ]
            .spacing(2),
            checkbox(self.gaps_only)
                .label("Gaps only")
                .on_toggle(Message::GapsOnly),
        ]
        .spacing(space::M)
        .align_y(Alignment::End);

        let rows = self.rows(doc);
        let columns = self.columns(session);
        let mut page =
            column![]
                .spacing(space::M)
                .padding(if compact { space::S } else { space::L });
        if !compact {
            page = page.push(
                row![
                    heading("KSB mapping"),
                    iced::widget::space::horizontal(),
                    secondary("Import standard…", Some(Message::Import)),
                    secondary("Export CSV…", Some(Message::ExportCsv)),
                    secondary("Export workbook…", Some(Message::ExportWorkbook)),
                ]
                .spacing(space::S)
                .align_y(Alignment::Center),
            );
            page = page.push(filters);
            page = page.push(
                text("Cells: · not mapped, ◐ partial, ● full. Status: ✔ every pathway, ▲ some pathways miss it, ✖ not covered, ○ out of scope. Arrows move, Space cycles.")
                    .size(size::SMALL)
                    .style(theme::muted),
            );
        }
        if let Some(report) = &self.import_report {
            page = page.push(
                container(text(report))
                    .padding(space::S)
                    .style(theme::notice_banner),
            );
        }
        if doc.standards.is_empty() {
            page = page.push(text("No occupational standards yet: import one from the standards API (JSON) or a CSV of KSBs."));
            return page.into();
        }
        page = page.push(self.detail(session, &rows, &columns));
        page = page.push(
            container(self.matrix(session, &rows, &columns))
                .height(Length::Fill)
                .clip(true),
        );
        page.into()
    }

    fn matrix<'a>(
        &'a self,
        session: &'a Session,
        rows: &[MatrixRow<'a>],
        columns: &[MatrixColumn<'a>],
    ) -> Element<'a, Message> {
        let doc = &session.doc;
        let fit_rows = self.rows_in_view;
        let fit_columns = self.columns_in_view;
        let top = self.top.min(rows.len().saturating_sub(fit_rows));
        let left = self.left.min(columns.len().saturating_sub(fit_columns));
        let visible_columns =
            &columns[left.min(columns.len())..(left + fit_columns).min(columns.len())];

        let mut header = Row::new().push(
            text(format!(
                "Outcomes {}–{} of {} · KSBs {}–{} of {}",
                (top + 1).min(rows.len()),
                (top + fit_rows).min(rows.len()),
                rows.len(),
                (left + 1).min(columns.len()),
                (left + fit_columns).min(columns.len()),
                columns.len()
            ))
            .size(size::SMALL)
            .width(LABEL_WIDTH),
        );
        let mut status_row =
            Row::new().push(text("Pathway status").size(size::SMALL).width(LABEL_WIDTH));
        let mut groups = Row::new().push(iced::widget::space::horizontal().width(LABEL_WIDTH));
        for (offset, column) in visible_columns.iter().enumerate() {
            let starts_group = offset == 0
                || visible_columns[offset - 1].reference != column.reference
                || visible_columns[offset - 1].kind != column.kind;
            groups = groups.push(
                container(if starts_group {
                    text(format!("{} {}", column.reference, column.kind.label()))
                        .size(size::SMALL)
                        .style(theme::muted)
                        .wrapping(iced::widget::text::Wrapping::None)
                } else {
                    text("")
                })
                .width(CELL_WIDTH),
            );
        }
        for column in visible_columns {
            let (symbol, meaning) = if column.out_of_scope {
                OUT_OF_SCOPE
            } else {
                status_symbol(column.status)
            };
            header = header.push(tooltip(
                container(text(column.code).size(size::SMALL).font(theme::BOLD))
                    .width(CELL_WIDTH)
                    .center_x(CELL_WIDTH),
                container(
                    text(format!(
                        "{} {}: {}\n{}",
                        column.reference, column.code, column.text, meaning
                    ))
                    .size(size::SMALL),
                )
                .padding(6)
                .max_width(420)
                .style(container::rounded_box),
                tooltip::Position::Bottom,
            ));
            status_row = status_row.push(
                container(text(symbol).size(size::BODY))
                    .width(CELL_WIDTH)
                    .center_x(CELL_WIDTH),
            );
        }
        let mut body = Column::new();
        for (r, matrix_row) in rows.iter().enumerate().skip(top).take(fit_rows) {
            let mut line = Row::new().push(
                container(
                    text(format!(
                        "{} {} {}",
                        matrix_row.unit_number, matrix_row.label, matrix_row.text
                    ))
                    .size(size::SMALL)
                    .wrapping(iced::widget::text::Wrapping::None),
                )
                .width(LABEL_WIDTH)
                .height(CELL_HEIGHT)
                .clip(true),
            );
            for (offset, column) in visible_columns.iter().enumerate() {
                let c = left + offset;
                let coverage = doc
                    .mapping(matrix_row.outcome, column.ksb)
                    .map(|m| m.coverage);
                let selected = self.selected == (r, c);
                line = line.push(
                    mouse_area(
                        button(container(text(cell_symbol(coverage))).center(Length::Fill))
                            .width(CELL_WIDTH)
                            .height(CELL_HEIGHT)
                            .padding(0)
                            .style(theme::nav_button(selected))
                            .on_press(Message::Cycle(
                                matrix_row.outcome.clone(),
                                column.ksb.clone(),
                            )),
                    )
                    .on_enter(Message::Select(r, c)),
                );
            }
            body = body.push(line);
        }
        mouse_area(column![groups, header, status_row, body])
            .on_scroll(|delta| {
                let lines = match delta {
                    mouse::ScrollDelta::Lines { y, .. } => -y,
                    mouse::ScrollDelta::Pixels { y, .. } => -y / CELL_HEIGHT,
                };
                Message::Scroll(lines.round() as isize)
            })
            .into()
    }

    fn detail<'a>(
        &'a self,
        session: &'a Session,
        rows: &[MatrixRow<'a>],
        columns: &[MatrixColumn<'a>],
    ) -> Element<'a, Message> {
        let doc = &session.doc;
        let (Some(matrix_row), Some(column)) =
            (rows.get(self.selected.0), columns.get(self.selected.1))
        else {
            return text("Nothing to show with these filters.").into();
        };
        let (symbol, meaning) = status_symbol(column.status);
        let out_of_scope = doc.out_of_scope(column.ksb);
        let mut status = format!("{symbol} {} {}: {meaning}", column.reference, column.code);
        if out_of_scope.is_some() {
            let (symbol, meaning) = OUT_OF_SCOPE;
            status = format!(
                "{symbol} {} {}: {meaning}; no coverage is asked of it",
                column.reference, column.code
            );
        } else if let PathwayStatus::SomePathways { witness } = column.status {
            let numbers: Vec<&str> = witness
                .iter()
                .filter_map(|id| doc.unit(id).map(|u| u.number.as_str()))
                .collect();
            status.push_str(&format!(
                " — a learner taking {} never meets it",
                numbers.join(", ")
            ));
        }
        let covering: Vec<Element<'a, Message>> = doc
            .mappings
            .iter()
            .filter(|m| m.ksb == *column.ksb)
            .filter_map(|m| {
                let (u, o) = doc.outcome_position(&m.outcome)?;
                let unit = &doc.units[u];
                Some(tool_owned(
                    format!(
                        "{} {} ({})",
                        unit.number,
                        outcome_label(o),
                        m.coverage.label()
                    ),
                    Message::OpenOutcome(m.outcome.clone()),
                ))
            })
            .collect();
        let mapping = doc.mapping(matrix_row.outcome, column.ksb);
        let mut info = column![
            text(format!(
                "{} {}: {}",
                column.reference, column.code, column.text
            ))
            .font(theme::BOLD),
            text(status).size(size::SMALL),
            scope_row(column.ksb, out_of_scope.map(|o| o.reason.as_str())),
            row![
                caption("Covered by"),
                Row::with_children(covering).spacing(space::XS).wrap()
            ]
            .spacing(space::S)
            .align_y(Alignment::Center),
            text(format!(
                "{} {}: {}",
                matrix_row.unit_number, matrix_row.label, matrix_row.text
            ))
            .size(size::SMALL),
        ]
        .spacing(space::XS);
        if let Some(mapping) = mapping {
            let outcome = mapping.outcome.clone();
            let ksb = mapping.ksb.clone();
            let placeholder = match mapping.coverage {
                Coverage::Partial => "Why partial? e.g. the rest is completed in the workplace",
                Coverage::Full => "A note on this mapping (optional)",
            };
            let field = TextField::MappingNote(outcome.clone(), ksb.clone());
            info = info.push(
                row![
                    caption(format!("{} coverage — note", mapping.coverage.label())),
                    text_input(placeholder, &mapping.note)
                        .id(field_id(&field))
                        .on_input(move |note| Message::Note(outcome.clone(), ksb.clone(), note))
                        .padding(4),
                ]
                .spacing(space::S)
                .align_y(Alignment::Center),
            );
        }
        container(scrollable(info).height(Length::Fill))
            .padding(space::S)
            .width(Length::Fill)
            .height(DETAIL_HEIGHT)
            .style(theme::card)
            .into()
    }
}

/// The tick that puts the selected KSB out of scope, and its reason when it is.
fn scope_row<'a>(ksb: &KsbId, reason: Option<&'a str>) -> Element<'a, Message> {
    let toggled = ksb.clone();
    let tick = checkbox(reason.is_some())
        .label("Out of scope for this qualification")
        .on_toggle(move |on| Message::OutOfScope(toggled.clone(), on))
        .text_size(size::SMALL);
    let Some(reason) = reason else {
        return tick.into();
    };
    let ksb = ksb.clone();
    row![
        tick,
        text_input("Why? e.g. delivered in the workplace", reason)
            .id(out_of_scope_field(&ksb))
            .on_input(move |reason| Message::OutOfScopeReason(ksb.clone(), reason))
            .padding(4),
    ]
    .spacing(space::S)
    .align_y(Alignment::Center)
    .into()
}

/// The id of the reason field of an out-of-scope KSB.
pub(super) fn out_of_scope_field(ksb: &KsbId) -> iced::widget::Id {
    iced::widget::Id::from(format!("out-of-scope-{ksb}"))
}

fn tool_owned<'a>(label: String, message: Message) -> Element<'a, Message> {
    button(text(label).size(size::SMALL))
        .padding([2, 6])
        .style(button::secondary)
        .on_press(message)
        .into()
}
