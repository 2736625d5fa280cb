//! The findings panel: every finding of the document, filterable by severity; clicking one
//! goes to the place it names.

use super::Action;
use super::widgets::heading;
use crate::analysis::{Finding, Location, Severity};
use crate::app::Session;
use crate::app::theme::{self, size, space};
use iced::widget::{button, column, container, row, scrollable, text};
use iced::{Alignment, Element, Length};

/// Messages of the findings panel.
#[derive(Debug, Clone)]
pub enum Message {
    /// Show only this severity (`None`: all).
    Filter(Option<Severity>),
    /// Go to a finding's place.
    Open(Location),
}

/// State of the findings panel.
#[derive(Debug, Default)]
pub struct State {
    /// The severity shown, or all.
    pub filter: Option<Severity>,
}

impl State {
    /// Handles a message.
    pub fn update(&mut self, message: Message) -> Action {
        match message {
            Message::Filter(filter) => {
                self.filter = filter;
                Action::None
            }
            Message::Open(location) => Action::Locate(location),
        }
    }

    /// Draws the panel.
    pub fn view<'a>(&'a self, session: &'a Session) -> Element<'a, Message> {
        let findings = session.findings();
        let count = |severity: Severity| findings.iter().filter(|f| f.severity == severity).count();
        let filter_button = |label: String, filter: Option<Severity>| {
            button(text(label))
                .padding([6, 12])
                .style(theme::nav_button(self.filter == filter))
                .on_press(Message::Filter(filter))
        };
        let filters = row![
            filter_button(format!("All ({})", findings.len()), None),
            filter_button(
                format!("Errors ({})", count(Severity::Error)),
                Some(Severity::Error)
            ),
            filter_button(
                format!("Warnings ({})", count(Severity::Warning)),
                Some(Severity::Warning)
            ),
            filter_button(
                format!("Hints ({})", count(Severity::Hint)),
                Some(Severity::Hint)
            ),
        ]
        .spacing(space::XS);
        let shown: Vec<&Finding> = findings
            .iter()
            .filter(|f| self.filter.is_none_or(|s| f.severity == s))
            .collect();
        let mut list = column![].spacing(space::XS);
        if shown.is_empty() {
            list = list.push(text(if findings.is_empty() {
                "No findings: every check passes."
            } else {
                "Nothing of this severity."
            }));
        }
        for finding in shown {
            list = list.push(finding_row(session, finding));
        }
        column![
            heading("Findings"),
            filters,
            scrollable(list).height(Length::Fill),
        ]
        .spacing(space::M)
        .padding(space::L)
        .max_width(1100)
        .into()
    }
}

fn finding_row<'a>(session: &'a Session, finding: &'a Finding) -> Element<'a, Message> {
    let severity = finding.severity;
    let marker = match severity {
        Severity::Error => "✖ Error",
        Severity::Warning => "▲ Warning",
        Severity::Hint => "● Hint",
    };
    button(
        row![
            text(marker)
                .font(theme::BOLD)
                .style(move |t| theme::severity_text(t, severity))
                .width(110),
            text(finding.location.describe(&session.doc))
                .size(size::SMALL)
                .width(190),
            text(&finding.message).width(Length::Fill),
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

/// A one-line summary for the status bar.
pub fn summary(session: &Session) -> Element<'_, Message> {
    let findings = session.findings();
    let errors = findings
        .iter()
        .filter(|f| f.severity == Severity::Error)
        .count();
    let warnings = findings
        .iter()
        .filter(|f| f.severity == Severity::Warning)
        .count();
    container(text(format!("{errors} errors, {warnings} warnings")).size(size::SMALL)).into()
}
