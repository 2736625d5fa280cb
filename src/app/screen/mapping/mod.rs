//! The mapping matrix: learning outcomes (rows, grouped by unit) against KSBs (columns, grouped
//! by standard and K/S/B). Cells cycle none → partial → full. Only the cells in view are built
//! (a window that follows the selection), so a 240 × 180 matrix stays cheap to draw; the header
//! row and the outcome column stay put while the window moves.

mod view;

use super::Action;
use crate::analysis::{Location, PathwayStatus};
use crate::app::{Banner, FileError, Purpose, Session};
use crate::model::{
    Coverage, Curriculum, KsbId, KsbKind, OutcomeId, StandardId, TextField, Theme, UnitId,
    outcome_label,
};
use iced::keyboard::{Key, key::Named};

const CELL_WIDTH: f32 = 46.0;
const CELL_HEIGHT: f32 = 30.0;
const LABEL_WIDTH: f32 = 300.0;
/// The height of the selected cell's detail panel, whatever it holds (it scrolls inside), so
/// that the matrix below never moves as the selection does.
const DETAIL_HEIGHT: f32 = 200.0;

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
    StandardRead(Result<crate::import::StandardFile, FileError>),
    /// Export the mapping spreadsheet.
    ExportCsv,
    /// Export the KSB-mapping workbook (.xlsx).
    ExportWorkbook,
    /// Put a KSB out of scope (true) or bring it back into scope (false).
    OutOfScope(KsbId, bool),
    /// The reason a KSB is out of scope changed.
    OutOfScopeReason(KsbId, String),
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
    /// Whether the qualification leaves it out of scope (no coverage is asked of it).
    pub out_of_scope: bool,
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
                let excluded = doc.out_of_scope(&ksb.id).is_some();
                let gap = !excluded && !matches!(status, PathwayStatus::Mandatory);
                if wanted_standard && (!self.gaps_only || gap) {
                    columns.push(MatrixColumn {
                        reference: &standard.reference,
                        ksb: &ksb.id,
                        code: &ksb.code,
                        kind: ksb.kind,
                        text: &ksb.text,
                        status,
                        out_of_scope: excluded,
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
                let row = self.rows(doc).iter().position(|r| *r.outcome == outcome);
                let column = self.columns(session).iter().position(|c| *c.ksb == ksb);
                if let (Some(row), Some(column)) = (row, column) {
                    self.selected = (row, column);
                }
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
            Message::OutOfScope(ksb, true) => {
                let field = view::out_of_scope_field(&ksb);
                let edit = crate::model::Edit::SetOutOfScope {
                    ksb,
                    reason: Some(String::new()),
                };
                Action::edit_and_focus(edit, field)
            }
            Message::OutOfScope(ksb, false) => {
                Action::edit(crate::model::Edit::SetOutOfScope { ksb, reason: None })
            }
            Message::OutOfScopeReason(ksb, reason) => {
                Action::edit(crate::model::Edit::SetOutOfScope {
                    ksb,
                    reason: Some(reason),
                })
            }
            Message::OpenOutcome(outcome) => Action::Locate(Location::Outcome(outcome)),
            Message::Import => Action::Pick(Purpose::ImportStandard),
            Message::StandardRead(Ok(read)) => {
                match crate::import::import_into(doc, read.standard) {
                    Ok((edit, report)) => {
                        let warnings = read.warnings.iter().map(|w| format!("\nWarning: {w}"));
                        self.import_report = Some(report.summary() + &warnings.collect::<String>());
                        Action::edit(edit)
                    }
                    Err(error) => Action::Banner(Banner::Error(error.to_string())),
                }
            }
            Message::StandardRead(Err(error)) => Action::Banner(Banner::Error(error.to_string())),
            Message::ExportCsv => Action::Pick(Purpose::ExportCsv),
            Message::ExportWorkbook => Action::Pick(Purpose::ExportMappingWorkbook),
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
