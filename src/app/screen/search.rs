//! Search (Ctrl+F) across units, learning outcomes, criteria and KSBs; choosing a result goes
//! to it.

use super::Action;
use crate::analysis::Location;
use crate::app::theme::{self, size, space};
use crate::model::{CriterionNumbers, Curriculum, outcome_label};
use iced::widget::{button, column, container, scrollable, text, text_input};
use iced::{Element, Length};

/// The widget id of the search box.
pub const INPUT_ID: &str = "search-input";
const LIMIT: usize = 50;

/// Messages of the search overlay.
#[derive(Debug, Clone)]
pub enum Message {
    /// The query changed.
    Query(String),
    /// Go to the first result.
    Submit,
    /// Go to a result.
    Open(Location),
    /// Close the overlay.
    Close,
}

/// One search result.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Hit {
    /// What it is and where, e.g. "4010 LO2 P3".
    pub place: String,
    /// The matching text.
    pub text: String,
    /// Where to go.
    pub location: Location,
}

/// State of the search overlay.
#[derive(Debug, Default)]
pub struct State {
    /// The query.
    pub query: String,
    /// Results for the query.
    pub hits: Vec<Hit>,
}

impl State {
    /// Handles a message.
    pub fn update(&mut self, message: Message, doc: &Curriculum) -> Action {
        match message {
            Message::Query(query) => {
                self.hits = search(doc, &query);
                self.query = query;
                Action::None
            }
            Message::Submit => self
                .hits
                .first()
                .map_or(Action::None, |hit| Action::Locate(hit.location.clone())),
            Message::Open(location) => Action::Locate(location),
            Message::Close => Action::CloseSearch,
        }
    }

    /// Draws the overlay.
    pub fn view(&self) -> Element<'_, Message> {
        let mut results = column![].spacing(2);
        for hit in &self.hits {
            results = results.push(
                button(
                    column![
                        text(&hit.place).size(size::SMALL).font(theme::BOLD),
                        text(&hit.text).size(size::BODY),
                    ]
                    .spacing(2),
                )
                .style(button::text)
                .width(Length::Fill)
                .on_press(Message::Open(hit.location.clone())),
            );
        }
        if !self.query.trim().is_empty() && self.hits.is_empty() {
            results = results.push(text("No matches.").style(theme::muted));
        }
        container(
            column![
                text_input("Search units, outcomes, criteria and KSBs", &self.query)
                    .id(INPUT_ID)
                    .on_input(Message::Query)
                    .on_submit(Message::Submit)
                    .padding(8)
                    .size(size::HEADING),
                scrollable(results).height(Length::Shrink),
            ]
            .spacing(space::S),
        )
        .padding(space::M)
        .max_width(760)
        .max_height(560)
        .style(theme::card)
        .into()
    }
}

/// Case-insensitive search; results in document order, at most 50.
pub fn search(doc: &Curriculum, query: &str) -> Vec<Hit> {
    let needle = query.trim().to_lowercase();
    if needle.is_empty() {
        return Vec::new();
    }
    let matches = |haystack: &str| haystack.to_lowercase().contains(&needle);
    let mut hits = Vec::new();
    for unit in &doc.units {
        if matches(&unit.title) || matches(&unit.number) {
            hits.push(Hit {
                place: format!("Unit {}", unit.number),
                text: unit.title.clone(),
                location: Location::Unit(unit.id.clone()),
            });
        }
        let numbers = CriterionNumbers::of(unit);
        for (o, outcome) in unit.outcomes.iter().enumerate() {
            if matches(&outcome.text) {
                hits.push(Hit {
                    place: format!("{} {}", unit.number, outcome_label(o)),
                    text: outcome.text.clone(),
                    location: Location::Outcome(outcome.id.clone()),
                });
            }
            for criterion in &outcome.criteria {
                if matches(&criterion.text) {
                    hits.push(Hit {
                        place: format!(
                            "{} {} {}",
                            unit.number,
                            outcome_label(o),
                            numbers.get(&criterion.id)
                        ),
                        text: criterion.text.clone(),
                        location: Location::Criterion(criterion.id.clone()),
                    });
                }
            }
        }
    }
    for standard in &doc.standards {
        for ksb in &standard.ksbs {
            if matches(&ksb.text) || ksb.code.to_lowercase() == needle {
                hits.push(Hit {
                    place: format!("{} {}", standard.reference, ksb.code),
                    text: ksb.text.clone(),
                    location: Location::Ksb(ksb.id.clone()),
                });
            }
        }
    }
    hits.truncate(LIMIT);
    hits
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::synthetic::{Size, curriculum};

    #[test]
    fn finds_units_outcomes_criteria_and_ksbs() {
        let doc = curriculum(Size::LARGE);
        let hits = search(&doc, "synthetic unit 7");
        assert!(
            hits.iter()
                .any(|h| h.location == Location::Unit("u6".into()))
        );
        assert!(
            search(&doc, "aspect 2 of synthetic unit 3")
                .iter()
                .any(|h| matches!(h.location, Location::Outcome(_)))
        );
        assert!(
            search(&doc, "statement 5 of")
                .iter()
                .any(|h| matches!(h.location, Location::Ksb(_)))
        );
        assert!(search(&doc, "   ").is_empty());
        assert!(search(&doc, "topic").len() <= LIMIT);
    }
}
