//! One module per screen, each with its own `State`, `Message`, `update` and `view`. Screens
//! never reach into each other: they return an [`Action`] that the app applies.

pub mod findings;
pub mod mapping;
pub mod search;
pub mod standards;
pub mod structure;
pub mod unit;
pub mod widgets;
pub mod workshop;

use super::{Banner, Message as AppMessage, Purpose, Screen};
use crate::analysis::Location;
use crate::model::Edit;
use iced::Task;
use iced::widget;

/// What a screen asks the app to do.
#[derive(Debug)]
pub enum Action {
    /// Nothing.
    None,
    /// Apply an edit to the document (one undo step), then as the change says.
    Edit(Change),
    /// Show a screen.
    Navigate(Screen),
    /// Put the cursor in a field.
    Focus(widget::Id),
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
    /// Check draft units like every other.
    CheckEverything,
}

/// An edit and what follows it once it is applied.
#[derive(Debug)]
pub struct Change {
    /// The edit.
    pub edit: Edit,
    /// The screen to show afterwards, if another.
    pub show: Option<Screen>,
    /// The field to put the cursor in afterwards: the first field of an item just added, or
    /// a neighbour of one just removed.
    pub focus: Option<widget::Id>,
    /// Scroll the screen to this fraction of its height (1.0: the end), where an item was
    /// just added.
    pub reveal: Option<f32>,
    /// Select the focused field's text, so that typing replaces it (a new unit's title).
    pub select: bool,
}

impl Change {
    /// `edit`, with nothing to do after it.
    fn of(edit: Edit) -> Self {
        Self {
            edit,
            show: None,
            focus: None,
            reveal: None,
            select: false,
        }
    }
}

impl Action {
    /// Apply `edit`, nothing more.
    pub fn edit(edit: Edit) -> Self {
        Action::Edit(Change::of(edit))
    }

    /// Apply `edit`, then put the cursor in `field`.
    pub fn edit_and_focus(edit: Edit, field: widget::Id) -> Self {
        Action::Edit(Change {
            focus: Some(field),
            ..Change::of(edit)
        })
    }

    /// Apply `edit`, then show `screen` with the text of `field` selected, for typing to
    /// replace it.
    pub fn edit_show_and_select(edit: Edit, screen: Screen, field: widget::Id) -> Self {
        Action::Edit(Change {
            show: Some(screen),
            focus: Some(field),
            select: true,
            ..Change::of(edit)
        })
    }

    /// Apply `edit`, put the cursor in `field` and scroll to the end of the screen, where the
    /// item it adds appears.
    pub fn edit_at_end(edit: Edit, field: widget::Id) -> Self {
        Action::Edit(Change {
            focus: Some(field),
            reveal: Some(1.0),
            ..Change::of(edit)
        })
    }

    /// Apply `edit`, put the cursor in `field` and scroll to `fraction` of the screen's
    /// height, about where the item it adds appears.
    pub fn edit_and_reveal(edit: Edit, field: widget::Id, fraction: f32) -> Self {
        Action::Edit(Change {
            focus: Some(field),
            reveal: Some(fraction.clamp(0.0, 1.0)),
            ..Change::of(edit)
        })
    }

    /// Apply `edit` and put the cursor in `field` when there is one to go to.
    pub fn edit_and_maybe_focus(edit: Edit, field: Option<widget::Id>) -> Self {
        Action::Edit(Change {
            focus: field,
            ..Change::of(edit)
        })
    }
}
