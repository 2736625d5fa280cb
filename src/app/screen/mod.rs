//! One module per screen, each with its own `State`, `Message`, `update` and `view`. Screens
//! never reach into each other: they return an [`Action`] that the app applies.

pub mod findings;
pub mod mapping;
pub mod search;
pub mod structure;
pub mod unit;
pub mod widgets;
pub mod workshop;

use super::{Banner, Message as AppMessage, Purpose, Screen};
use crate::analysis::Location;
use crate::model::Edit;
use iced::Task;

/// What a screen asks the app to do.
#[derive(Debug)]
pub enum Action {
    /// Nothing.
    None,
    /// Apply an edit to the document (one undo step).
    Edit(Edit),
    /// Apply an edit, then show a screen.
    EditThenNavigate(Edit, Screen),
    /// Show a screen.
    Navigate(Screen),
    /// Go to what a finding or search result points at.
    Locate(Location),
    /// Ask for a file.
    Pick(Purpose),
    /// Show a banner.
    Banner(Banner),
    /// End the current typing step.
    Seal,
    /// Close the search overlay.
    CloseSearch,
    /// Run a task.
    Run(Task<AppMessage>),
}
