//! Keyboard shortcuts: one plain function from a key press to a command, unit-tested, and the
//! list the shortcuts panel shows.

use iced::keyboard::{Key, Modifiers, key::Named};

/// A command a shortcut triggers.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Command {
    /// New curriculum.
    New,
    /// Open a curriculum.
    Open,
    /// Save.
    Save,
    /// Save under a new name.
    SaveAs,
    /// Close the document.
    Close,
    /// Undo.
    Undo,
    /// Redo.
    Redo,
    /// Search units, outcomes, criteria and KSBs.
    Search,
    /// Export the specification PDF.
    ExportPdf,
    /// Export the specification as a web page.
    ExportHtml,
    /// Export the qualification as a CASE package.
    ExportCase,
    /// Show or hide the shortcuts list.
    ShowShortcuts,
    /// Toggle workshop (presentation) mode.
    Workshop,
    /// Make everything bigger.
    ZoomIn,
    /// Make everything smaller.
    ZoomOut,
    /// Reset the zoom.
    ZoomReset,
    /// Next item (workshop: next unit or outcome).
    Next,
    /// Previous item.
    Previous,
    /// Close a panel or dialog; leave the field being typed in.
    Escape,
    /// Put the cursor in the next field (Tab).
    NextField,
    /// Put the cursor in the previous field (Shift+Tab).
    PreviousField,
    /// Go to the next finding shown on the findings screen (F8).
    NextFinding,
    /// Go to the previous finding (Shift+F8).
    PreviousFinding,
    /// Workshop: set the status of the item in view (index into `ItemStatus::ALL`).
    Status(usize),
}

/// The command for a key press, if any. `captured` says a widget (a text field) already used
/// the key: then only modifier shortcuts apply, so typing is never hijacked.
pub fn command(key: &Key, modifiers: Modifiers, captured: bool) -> Option<Command> {
    let ctrl = modifiers.command();
    let shift = modifiers.shift();
    match key.as_ref() {
        Key::Character(c) if ctrl => match (c.to_lowercase().as_str(), shift) {
            ("n", false) => Some(Command::New),
            ("o", false) => Some(Command::Open),
            ("s", false) => Some(Command::Save),
            ("s", true) => Some(Command::SaveAs),
            ("w", false) => Some(Command::Close),
            ("z", false) => Some(Command::Undo),
            ("z", true) | ("y", false) => Some(Command::Redo),
            ("f", false) => Some(Command::Search),
            ("e", false) => Some(Command::ExportPdf),
            ("+" | "=", _) => Some(Command::ZoomIn),
            ("-", false) => Some(Command::ZoomOut),
            ("0", false) => Some(Command::ZoomReset),
            ("/", _) | ("?", _) => Some(Command::ShowShortcuts),
            _ => None,
        },
        Key::Character(c) if modifiers.alt() && !ctrl => c
            .parse::<usize>()
            .ok()
            .filter(|n| (1..=5).contains(n))
            .map(|n| Command::Status(n - 1)),
        Key::Named(Named::F1) => Some(Command::ShowShortcuts),
        Key::Named(Named::F8) => Some(if shift {
            Command::PreviousFinding
        } else {
            Command::NextFinding
        }),
        Key::Named(Named::F11) => Some(Command::Workshop),
        Key::Named(Named::PageDown) if !captured => Some(Command::Next),
        Key::Named(Named::PageUp) if !captured => Some(Command::Previous),
        Key::Named(Named::Escape) => Some(Command::Escape),
        Key::Named(Named::Tab) if !ctrl && !modifiers.alt() => Some(if shift {
            Command::PreviousField
        } else {
            Command::NextField
        }),
        _ => None,
    }
}

/// Every shortcut as (keys, what it does), for the shortcuts panel.
pub const LIST: &[(&str, &str)] = &[
    ("Ctrl+N", "New curriculum"),
    ("Ctrl+O", "Open a curriculum"),
    ("Ctrl+S", "Save"),
    ("Ctrl+Shift+S", "Save as"),
    ("Ctrl+W", "Close the curriculum"),
    ("Ctrl+Z", "Undo"),
    ("Ctrl+Shift+Z or Ctrl+Y", "Redo"),
    ("Ctrl+F", "Search units, outcomes, criteria and KSBs"),
    ("Ctrl+E", "Export the specification PDF"),
    ("F8 / Shift+F8", "Go to the next or previous finding"),
    ("F11", "Workshop mode on or off"),
    ("Ctrl+Plus / Ctrl+Minus / Ctrl+0", "Zoom in, out, reset"),
    (
        "Page Down / Page Up",
        "Next or previous unit (workshop: unit or outcome)",
    ),
    (
        "Alt+1 … Alt+5",
        "Workshop: set the item's status (draft … rejected)",
    ),
    (
        "Up / Down",
        "Workshop: select a criterion of the outcome in view",
    ),
    (
        "Arrows, Space",
        "Mapping matrix: move, cycle none / partial / full",
    ),
    (
        "Tab / Shift+Tab",
        "Next or previous field, in reading order",
    ),
    (
        "Ctrl+Enter",
        "In a criterion: add the next criterion of the same band",
    ),
    ("Escape", "Leave the field; close a panel"),
    ("F1 or Ctrl+/", "This list"),
];

#[cfg(test)]
mod tests {
    use super::*;

    fn ctrl(c: &str, shift: bool) -> Option<Command> {
        let mut modifiers = Modifiers::CTRL;
        if shift {
            modifiers |= Modifiers::SHIFT;
        }
        command(&Key::Character(c.into()), modifiers, true)
    }

    #[test]
    fn file_and_edit_shortcuts() {
        assert_eq!(ctrl("s", false), Some(Command::Save));
        assert_eq!(ctrl("S", true), Some(Command::SaveAs));
        assert_eq!(ctrl("z", false), Some(Command::Undo));
        assert_eq!(ctrl("Z", true), Some(Command::Redo));
        assert_eq!(ctrl("y", false), Some(Command::Redo));
        assert_eq!(ctrl("f", false), Some(Command::Search));
        assert_eq!(ctrl("w", false), Some(Command::Close));
        assert_eq!(ctrl("=", false), Some(Command::ZoomIn));
        assert_eq!(ctrl("q", false), None);
        let alt = |c: &str| command(&Key::Character(c.into()), Modifiers::ALT, true);
        assert_eq!(alt("3"), Some(Command::Status(2)));
        assert_eq!(alt("9"), None);
    }

    #[test]
    fn plain_keys_never_hijack_typing() {
        let page_down = Key::Named(Named::PageDown);
        assert_eq!(
            command(&page_down, Modifiers::empty(), false),
            Some(Command::Next)
        );
        assert_eq!(command(&page_down, Modifiers::empty(), true), None);
        let tab = Key::Named(Named::Tab);
        assert_eq!(
            command(&tab, Modifiers::empty(), true),
            Some(Command::NextField),
            "Tab moves on even from inside a field"
        );
        assert_eq!(
            command(&tab, Modifiers::SHIFT, false),
            Some(Command::PreviousField)
        );
        assert_eq!(
            command(&Key::Character("s".into()), Modifiers::empty(), false),
            None
        );
    }
}
