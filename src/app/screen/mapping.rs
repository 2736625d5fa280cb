//! The mapping matrix: learning outcomes (rows, grouped by unit) against KSBs (columns, grouped
//! by standard and K/S/B). Cells cycle none → partial → full. Only the cells in view are built
//! (a window that follows the selection), so a 240 × 180 matrix stays cheap to draw; the header
//! row and the outcome column stay put while the window moves.

use super::Action;
use super::widgets::{caption, heading, secondary};
use crate::analysis::{Location, PathwayStatus};
use crate::app::fields::field_id;
use crate::app::theme::{self, size, space};
use crate::app::{Banner, FileError, Purpose, Session};
use crate::model::{
    Coverage, Curriculum, KsbId, KsbKind, OutcomeId, Standard, StandardId, TextField, Theme,
    UnitId, outcome_label,
};
use iced::keyboard::{Key, key::Named};
use iced::widget::{
    Column, Row, button, checkbox, column, container, mouse_area, pick_list, row, text, text_input,
    tooltip,
};
use iced::{Alignment, Element, Length, mouse};

const CELL_WIDTH: f32 = 46.0;
const CELL_HEIGHT: f32 = 30.0;
const LABEL_WIDTH: f32 = 300.0;

/// Messages of the mapping screen.
#[derive(Debug, Clone)]
pub enum Message {
    /// Select a cell (row, column in the filtered matrix).
    Select(usize, usize),
    /// Cycle a cell none → partial → full → none.
    Cycle(OutcomeId, KsbId),
    /// Move the selection by (rows, columns).
    Move(isize, isize),
    /// Scroll the window by rows.
    Scroll(isize),
    /// Filter by standard.
    Standard(Choice<StandardId>),
    /// Filter by theme.
    Theme(Choice<Theme>),
    /// Filter by unit.
    Unit(Choice<UnitId>),
    /// Show only KSBs some pathway misses or nothing covers.
    GapsOnly(bool),
    /// The note of a mapping changed.
    Note(OutcomeId, KsbId, String),
    /// Go to an outcome in the unit editor.
    OpenOutcome(OutcomeId),
    /// Ask for a standard file to import.
    Import,
    /// A standard file was read.
    StandardRead(Result<Standard, FileError>),
    /// Export the mapping spreadsheet.
    ExportCsv,
}

/// A filter choice: everything, or one item.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Choice<T> {
    /// No filter.
    All,
    /// Only this item.
    One(T, String),
}

impl<T> std::fmt::Display for Choice<T> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Choice::All => f.write_str("All"),
            Choice::One(_, label) => f.write_str(label),
        }
    }
}

/// State of the mapping screen.
#[derive(Debug)]
pub struct State {
    /// Selected cell (row, column) in the filtered matrix.
    pub selected: (usize, usize),
    /// First row in view.
    pub top: usize,
    /// First column in view.
    pub left: usize,
    standard: Choice<StandardId>,
    theme: Choice<Theme>,
    unit: Choice<UnitId>,
    /// Whether only gaps are shown.
    pub gaps_only: bool,
    import_report: Option<String>,
    rows_in_view: usize,
    columns_in_view: usize,
}

impl Default for State {
    fn default() -> Self {
        Self {
            selected: (0, 0),
            top: 0,
            left: 0,
            standard: Choice::All,
            theme: Choice::All,
            unit: Choice::All,
            gaps_only: false,
            import_report: None,
            rows_in_view: 12,
            columns_in_view: 14,
        }
    }
}

/// A row of the matrix: one learning outcome.
#[derive(Debug, Clone)]
pub struct MatrixRow<'a> {
    /// Unit number.
    pub unit_number: &'a str,
    /// "LO2".
    pub label: String,
    /// The outcome.
    pub outcome: &'a OutcomeId,
    /// Its text.
    pub text: &'a str,
}

/// A column of the matrix: one KSB.
#[derive(Debug, Clone)]
pub struct MatrixColumn<'a> {
    /// The standard's reference.
    pub reference: &'a str,
    /// The KSB.
    pub ksb: &'a KsbId,
    /// Its code.
    pub code: &'a str,
    /// Its kind.
    pub kind: KsbKind,
    /// Its text.
    pub text: &'a str,
    /// Pathway status.
    pub status: &'a PathwayStatus,
}

impl State {
    /// The rows after filtering.
    pub fn rows<'a>(&self, doc: &'a Curriculum) -> Vec<MatrixRow<'a>> {
        doc.units
            .iter()
            .filter(|u| match &self.theme {
                Choice::All => true,
                Choice::One(theme, _) => u.theme == *theme,
            })
            .filter(|u| match &self.unit {
                Choice::All => true,
                Choice::One(id, _) => &u.id == id,
            })
            .flat_map(|unit| {
                unit.outcomes
                    .iter()
                    .enumerate()
                    .map(move |(o, outcome)| MatrixRow {
                        unit_number: &unit.number,
                        label: outcome_label(o),
                        outcome: &outcome.id,
                        text: &outcome.text,
                    })
            })
            .collect()
    }

    /// The columns after filtering.
    pub fn columns<'a>(&self, session: &'a Session) -> Vec<MatrixColumn<'a>> {
        let doc = &session.doc;
        let report = session.pathways();
        let mut statuses = report.ksbs.iter();
        let mut columns = Vec::new();
        for standard in &doc.standards {
            for ksb in &standard.ksbs {
                let status = statuses
                    .by_ref()
                    .find(|entry| entry.ksb == ksb.id)
                    .map_or(&PathwayStatus::Uncovered, |entry| &entry.status);
                let wanted_standard = match &self.standard {
                    Choice::All => true,
                    Choice::One(id, _) => &standard.id == id,
                };
                let gap = !matches!(status, PathwayStatus::Mandatory);
                if wanted_standard && (!self.gaps_only || gap) {
                    columns.push(MatrixColumn {
                        reference: &standard.reference,
                        ksb: &ksb.id,
                        code: &ksb.code,
                        kind: ksb.kind,
                        text: &ksb.text,
                        status,
                    });
                }
            }
        }
        columns.sort_by_key(|c| (c.reference, c.kind));
        columns
    }

    /// Clears the filters and selects the column of `ksb` (following a finding here).
    pub fn focus_ksb(&mut self, ksb: &KsbId, session: &Session) {
        self.standard = Choice::All;
        self.theme = Choice::All;
        self.unit = Choice::All;
        self.reset_window();
        if let Some(column) = self.columns(session).iter().position(|c| c.ksb == ksb) {
            self.selected.1 = column;
            self.follow_selection();
        }
    }

    /// Handles a message.
    pub fn update(&mut self, message: Message, session: &Session) -> Action {
        let doc = &session.doc;
        match message {
            Message::Select(r, c) => {
                self.selected = (r, c);
                Action::Seal
            }
            Message::Cycle(outcome, ksb) => {
                let next = match doc.mapping(&outcome, &ksb).map(|m| m.coverage) {
                    None => Some(Coverage::Partial),
                    Some(Coverage::Partial) => Some(Coverage::Full),
                    Some(Coverage::Full) => None,
                };
                Action::edit(crate::model::Edit::SetCoverage {
                    outcome,
                    ksb,
                    coverage: next,
                })
            }
            Message::Move(dr, dc) => {
                let rows = self.rows(doc).len();
                let columns = self.columns(session).len();
                self.selected = (
                    self.selected
                        .0
                        .saturating_add_signed(dr)
                        .min(rows.saturating_sub(1)),
                    self.selected
                        .1
                        .saturating_add_signed(dc)
                        .min(columns.saturating_sub(1)),
                );
                self.follow_selection();
                Action::Seal
            }
            Message::Scroll(delta) => {
                let rows = self.rows(doc).len();
                self.top = self
                    .top
                    .saturating_add_signed(delta)
                    .min(rows.saturating_sub(self.rows_in_view));
                Action::None
            }
            Message::Standard(choice) => {
                self.standard = choice;
                self.reset_window();
                Action::None
            }
            Message::Theme(choice) => {
                self.theme = choice;
                self.unit = Choice::All;
                self.reset_window();
                Action::None
            }
            Message::Unit(choice) => {
                self.unit = choice;
                self.reset_window();
                Action::None
            }
            Message::GapsOnly(on) => {
                self.gaps_only = on;
                self.reset_window();
                Action::None
            }
            Message::Note(outcome, ksb, note) => Action::edit(crate::model::Edit::SetText {
                field: TextField::MappingNote(outcome, ksb),
                value: note,
            }),
            Message::OpenOutcome(outcome) => Action::Locate(Location::Outcome(outcome)),
            Message::Import => Action::Pick(Purpose::ImportStandard),
            Message::StandardRead(Ok(standard)) => {
                match crate::import::import_into(doc, standard) {
                    Ok((edit, report)) => {
                        self.import_report = Some(report.summary());
                        Action::edit(edit)
                    }
                    Err(error) => Action::Banner(Banner::Error(error.to_string())),
                }
            }
            Message::StandardRead(Err(error)) => Action::Banner(Banner::Error(error.to_string())),
            Message::ExportCsv => Action::Pick(Purpose::ExportCsv),
        }
    }

    /// Arrow keys move, Space cycles the selected cell.
    pub fn key(&mut self, key: &Key, session: &Session) -> Action {
        let movement = match key.as_ref() {
            Key::Named(Named::ArrowUp) => Some((-1, 0)),
            Key::Named(Named::ArrowDown) => Some((1, 0)),
            Key::Named(Named::ArrowLeft) => Some((0, -1)),
            Key::Named(Named::ArrowRight) => Some((0, 1)),
            _ => None,
        };
        if let Some((dr, dc)) = movement {
            return self.update(Message::Move(dr, dc), session);
        }
        if key.as_ref() == Key::Named(Named::Space) {
            let rows = self.rows(&session.doc);
            let columns = self.columns(session);
            if let (Some(row), Some(column)) =
                (rows.get(self.selected.0), columns.get(self.selected.1))
            {
                let message = Message::Cycle(row.outcome.clone(), column.ksb.clone());
                return self.update(message, session);
            }
        }
        Action::None
    }

    /// Sizes the window of cells to the space the matrix has, in logical pixels.
    pub fn set_viewport(&mut self, width: f32, height: f32) {
        self.rows_in_view = ((height / CELL_HEIGHT).floor() as usize).max(1);
        self.columns_in_view = (((width - LABEL_WIDTH) / CELL_WIDTH).floor() as usize).max(1);
        self.follow_selection();
    }

    fn reset_window(&mut self) {
        self.selected = (0, 0);
        self.top = 0;
        self.left = 0;
    }

    fn follow_selection(&mut self) {
        let (r, c) = self.selected;
        let rows = self.rows_in_view.max(1);
        let columns = self.columns_in_view.max(1);
        if r < self.top {
            self.top = r;
        } else if r >= self.top + rows {
            self.top = r + 1 - rows;
        }
        if c < self.left {
            self.left = c;
        } else if c >= self.left + columns {
            self.left = c + 1 - columns;
        }
    }
}

fn status_symbol(status: &PathwayStatus) -> (&'static str, &'static str) {
    match status {
        PathwayStatus::Mandatory => ("✔", "covered in every pathway"),
        PathwayStatus::SomePathways { .. } => ("▲", "some pathways miss it"),
        PathwayStatus::Uncovered => ("✖", "not covered"),
    }
}

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
                ]
                .spacing(space::S)
                .align_y(Alignment::Center),
            );
            page = page.push(filters);
            page = page.push(
                text("Cells: · not mapped, ◐ partial, ● full. Status: ✔ every pathway, ▲ some pathways miss it, ✖ not covered. Arrows move, Space cycles.")
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
            let (symbol, meaning) = status_symbol(column.status);
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
        let mut status = format!("{symbol} {} {}: {meaning}", column.reference, column.code);
        if let PathwayStatus::SomePathways { witness } = column.status {
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
        container(info)
            .padding(space::S)
            .width(Length::Fill)
            .style(theme::card)
            .into()
    }
}

fn tool_owned<'a>(label: String, message: Message) -> Element<'a, Message> {
    button(text(label).size(size::SMALL))
        .padding([2, 6])
        .style(button::secondary)
        .on_press(message)
        .into()
}
