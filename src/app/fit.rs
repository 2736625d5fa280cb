//! How the frame fits the window: the room there is in logical pixels (the window's size at
//! the current zoom), and what the tool bar and side bar do with it. At 1024 x 700 the side bar
//! narrows and the less used commands move into a menu; at 200% zoom in a laptop window the
//! side bar folds away behind a button so the content keeps the width.

use iced::Size;

/// The tool bar shows every command from this width; below it the less used ones sit in a menu.
const FULL_TOOLBAR: f32 = 1200.0;
/// The side bar is at its full width from this width.
const FULL_SIDEBAR: f32 = 1100.0;
/// Below this width the side bar folds away behind a button.
const FOLDED_SIDEBAR: f32 = 820.0;

/// The room the window gives the frame.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Fit {
    /// Width in logical pixels at the current zoom.
    pub width: f32,
    /// Height in logical pixels at the current zoom.
    pub height: f32,
}

impl Fit {
    /// The fit of a window of `physical` size at `zoom`.
    pub fn of(physical: Size, zoom: f32) -> Self {
        let zoom = if zoom > 0.0 { zoom } else { 1.0 };
        Self {
            width: physical.width / zoom,
            height: physical.height / zoom,
        }
    }

    /// Whether the tool bar has room for every command.
    pub fn full_toolbar(self) -> bool {
        self.width >= FULL_TOOLBAR
    }

    /// The side bar's width, or `None` when it is folded away behind a button.
    pub fn sidebar(self) -> Option<f32> {
        if self.width >= FULL_SIDEBAR {
            Some(250.0)
        } else if self.width >= FOLDED_SIDEBAR {
            Some(200.0)
        } else {
            None
        }
    }

    /// Whether the window is narrow: the status bar names the file, not its whole path.
    pub fn narrow(self) -> bool {
        self.width < FOLDED_SIDEBAR
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_frame_gives_way_as_the_window_shrinks_or_the_zoom_grows() {
        let desk = Fit::of(Size::new(1920.0, 1080.0), 1.0);
        assert!(desk.full_toolbar());
        assert_eq!(desk.sidebar(), Some(250.0));
        let small = Fit::of(Size::new(1024.0, 700.0), 1.0);
        assert!(!small.full_toolbar());
        assert_eq!(small.sidebar(), Some(200.0));
        let zoomed = Fit::of(Size::new(1280.0, 800.0), 2.0);
        assert_eq!((zoomed.width, zoomed.height), (640.0, 400.0));
        assert_eq!(zoomed.sidebar(), None);
        assert!(zoomed.narrow());
    }
}
