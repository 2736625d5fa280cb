//! Small building blocks shared by screens: labelled fields, icon buttons, section headings.

use crate::app::drafts::Shown;
use crate::app::theme::{self, size, space};
use iced::widget::{
    self, Button, button, column, container, row, scrollable, text, text_input, tooltip,
};
use iced::{Alignment, Element, Length};
use std::hash::{DefaultHasher, Hash, Hasher};

/// A section heading.
pub fn heading<'a, M: 'a>(label: impl text::IntoFragment<'a>) -> Element<'a, M> {
    text(label).size(size::HEADING).font(theme::BOLD).into()
}

/// A small caption above a field.
pub fn caption<'a, M: 'a>(label: impl text::IntoFragment<'a>) -> Element<'a, M> {
    text(label).size(size::SMALL).style(theme::muted).into()
}

/// A single-line input with a caption above it; `id` lets the cursor be put there.
pub fn labelled_input<'a, M: Clone + 'a>(
    label: &'a str,
    id: widget::Id,
    value: &'a str,
    on_input: impl Fn(String) -> M + 'a,
) -> Element<'a, M> {
    column![
        caption(label),
        text_input(label, value)
            .id(id)
            .on_input(on_input)
            .padding(6)
            .size(size::BODY)
    ]
    .spacing(space::XS)
    .width(Length::Fill)
    .into()
}

/// A number field with a caption above it, showing what was typed and, below it, why that is
/// not a value yet.
pub fn number_input<'a, M: Clone + 'a>(
    label: impl text::IntoFragment<'a>,
    id: widget::Id,
    placeholder: &'a str,
    shown: Shown,
    width: f32,
    on_input: impl Fn(String) -> M + 'a,
) -> Element<'a, M> {
    let mut field = column![
        caption(label),
        text_input(placeholder, &shown.text)
            .id(id)
            .on_input(on_input)
            .padding(6)
            .width(width)
    ]
    .spacing(space::XS);
    if let Some(problem) = shown.problem {
        field = field.push(
            text(problem)
                .size(size::SMALL)
                .style(|t| theme::severity_text(t, crate::analysis::Severity::Error))
                .width(width.max(160.0)),
        );
    }
    field.into()
}

/// A key for `keyed_column` from an item's id, so that a widget's state (focus, cursor)
/// follows its item when items before it are added, removed or moved.
pub fn key(id: &str) -> u64 {
    let mut hasher = DefaultHasher::new();
    id.hash(&mut hasher);
    hasher.finish()
}

/// A count in a badge of fixed width (empty at zero), so that a count appearing, growing or
/// going never moves what stands beside it.
pub fn count_badge<'a, M: 'a>(n: usize) -> Element<'a, M> {
    container(
        text(if n > 0 { n.to_string() } else { String::new() })
            .size(size::SMALL)
            .style(theme::muted),
    )
    .width(34)
    .center_x(34)
    .into()
}

/// Any widget with a caption above it.
pub fn labelled<'a, M: 'a>(label: &'a str, content: impl Into<Element<'a, M>>) -> Element<'a, M> {
    column![caption(label), content.into()]
        .spacing(space::XS)
        .into()
}

/// A compact text button with a tooltip naming what it does.
pub fn tool<'a, M: Clone + 'a>(label: &'a str, tip: &'a str, message: Option<M>) -> Element<'a, M> {
    let button: Button<'a, M> = button(text(label).size(size::SMALL))
        .padding([3, 8])
        .style(button::secondary)
        .on_press_maybe(message);
    tooltip(
        button,
        container(text(tip).size(size::SMALL))
            .padding(6)
            .style(container::rounded_box),
        tooltip::Position::Bottom,
    )
    .into()
}

/// A primary action button.
pub fn primary<'a, M: Clone + 'a>(label: &'a str, message: Option<M>) -> Element<'a, M> {
    button(text(label).size(size::BODY))
        .padding([6, 14])
        .on_press_maybe(message)
        .into()
}

/// A secondary action button.
pub fn secondary<'a, M: Clone + 'a>(label: &'a str, message: Option<M>) -> Element<'a, M> {
    button(text(label).size(size::BODY))
        .padding([6, 14])
        .style(button::secondary)
        .on_press_maybe(message)
        .into()
}

/// The widget id of a screen's scrolling body.
pub const BODY_ID: &str = "screen-body";

/// The scrolling body of a screen, with the scroll bar beside the content, not over it.
pub fn scroll_body<'a, M: 'a>(body: impl Into<Element<'a, M>>) -> Element<'a, M> {
    scrollable(container(body).padding([0.0, space::S]))
        .id(BODY_ID)
        .spacing(space::S)
        .height(Length::Fill)
        .into()
}

/// A row of items, vertically centred and evenly spaced.
pub fn toolbar<'a, M: 'a>(items: Vec<Element<'a, M>>) -> Element<'a, M> {
    row(items)
        .spacing(space::S)
        .align_y(Alignment::Center)
        .into()
}
