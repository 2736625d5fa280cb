//! The one place for type scale, spacing, colours and fonts. Every size is in logical pixels
//! at scale 1; workshop mode multiplies the whole window by one factor (`App::scale_factor`).

use iced::theme::Palette;
use iced::widget::{button, container, text};
use iced::{Border, Color, Font, Theme, color, font};

/// Regular body font (Noto Sans, OFL, bundled in `assets/fonts`).
pub const BODY: Font = Font::with_name("Noto Sans");
/// Bold font for headings and labels.
pub const BOLD: Font = Font {
    weight: font::Weight::Bold,
    ..BODY
};

/// The bundled font files the window registers at start-up.
pub const FONT_FILES: [&[u8]; 3] = [
    include_bytes!("../../assets/fonts/NotoSans-Regular.ttf"),
    include_bytes!("../../assets/fonts/NotoSans-Bold.ttf"),
    include_bytes!("../../assets/fonts/NotoSans-Italic.ttf"),
];

/// Type scale.
pub mod size {
    /// Small print: captions, status bar.
    pub const SMALL: f32 = 13.0;
    /// Body text and inputs.
    pub const BODY: f32 = 15.0;
    /// Section headings inside a screen.
    pub const HEADING: f32 = 18.0;
    /// Screen titles.
    pub const TITLE: f32 = 24.0;
}

/// Spacing scale.
pub mod space {
    /// Between tightly related items.
    pub const XS: f32 = 4.0;
    /// Between items in a group.
    pub const S: f32 = 8.0;
    /// Between groups.
    pub const M: f32 = 16.0;
    /// Around screens.
    pub const L: f32 = 24.0;
}

/// Which palette the window uses.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Appearance {
    /// Calm light theme for the desk.
    #[default]
    Light,
    /// Dark theme.
    Dark,
    /// High-contrast light theme for projectors.
    ProjectorLight,
    /// High-contrast dark theme for projectors.
    ProjectorDark,
}

impl Appearance {
    /// The iced theme for this appearance.
    pub fn theme(self) -> Theme {
        match self {
            Appearance::Light => Theme::custom(
                "HTQ Light",
                Palette {
                    background: color!(0xf7f8fa),
                    text: color!(0x1d2433),
                    primary: color!(0x1f5fa8),
                    success: color!(0x2e7d4f),
                    warning: color!(0xa8660f),
                    danger: color!(0xb3261e),
                },
            ),
            Appearance::Dark => Theme::custom(
                "HTQ Dark",
                Palette {
                    background: color!(0x1b1f27),
                    text: color!(0xe4e7ec),
                    primary: color!(0x7fb0ff),
                    success: color!(0x6cc28f),
                    warning: color!(0xf0b55a),
                    danger: color!(0xff8a80),
                },
            ),
            Appearance::ProjectorLight => Theme::custom(
                "Projector Light",
                Palette {
                    background: Color::WHITE,
                    text: Color::BLACK,
                    primary: color!(0x003c8f),
                    success: color!(0x0b5d1e),
                    warning: color!(0x7a4100),
                    danger: color!(0x9b0000),
                },
            ),
            Appearance::ProjectorDark => Theme::custom(
                "Projector Dark",
                Palette {
                    background: Color::BLACK,
                    text: Color::WHITE,
                    primary: color!(0x9cc8ff),
                    success: color!(0x8ee6a4),
                    warning: color!(0xffd27a),
                    danger: color!(0xffa4a4),
                },
            ),
        }
    }

    /// The other of light/dark within the same family.
    pub fn toggled(self) -> Self {
        match self {
            Appearance::Light => Appearance::Dark,
            Appearance::Dark => Appearance::Light,
            Appearance::ProjectorLight => Appearance::ProjectorDark,
            Appearance::ProjectorDark => Appearance::ProjectorLight,
        }
    }

    /// The projector variant of this appearance (or back from it).
    pub fn for_projector(self, projector: bool) -> Self {
        let dark = matches!(self, Appearance::Dark | Appearance::ProjectorDark);
        match (projector, dark) {
            (true, false) => Appearance::ProjectorLight,
            (true, true) => Appearance::ProjectorDark,
            (false, false) => Appearance::Light,
            (false, true) => Appearance::Dark,
        }
    }
}

/// A card: a raised surface that groups one item.
pub fn card(theme: &Theme) -> container::Style {
    let palette = theme.extended_palette();
    container::Style {
        background: Some(palette.background.base.color.into()),
        border: Border {
            color: palette.background.strong.color,
            width: 1.0,
            radius: 6.0.into(),
        },
        text_color: Some(palette.background.base.text),
        ..container::Style::default()
    }
}

/// The side bar and tool bar surface.
pub fn chrome(theme: &Theme) -> container::Style {
    let palette = theme.extended_palette();
    container::Style {
        background: Some(palette.background.weak.color.into()),
        text_color: Some(palette.background.weak.text),
        ..container::Style::default()
    }
}

/// A banner for errors the user must read (load and save failures).
pub fn error_banner(theme: &Theme) -> container::Style {
    let palette = theme.extended_palette();
    container::Style {
        background: Some(palette.danger.weak.color.into()),
        text_color: Some(palette.danger.weak.text),
        border: Border {
            color: palette.danger.base.color,
            width: 1.0,
            radius: 4.0.into(),
        },
        ..container::Style::default()
    }
}

/// A banner for questions and notices (unsaved changes, recovery).
pub fn notice_banner(theme: &Theme) -> container::Style {
    let palette = theme.extended_palette();
    container::Style {
        background: Some(palette.primary.weak.color.into()),
        text_color: Some(palette.primary.weak.text),
        border: Border {
            color: palette.primary.base.color,
            width: 1.0,
            radius: 4.0.into(),
        },
        ..container::Style::default()
    }
}

/// Muted secondary text.
pub fn muted(theme: &Theme) -> text::Style {
    let palette = theme.extended_palette();
    text::Style {
        color: Some(palette.background.strong.text.scale_alpha(0.75)),
    }
}

/// Text in the colour of a severity.
pub fn severity_text(theme: &Theme, severity: crate::analysis::Severity) -> text::Style {
    let palette = theme.palette();
    let color = match severity {
        crate::analysis::Severity::Error => palette.danger,
        crate::analysis::Severity::Warning => palette.warning,
        crate::analysis::Severity::Hint => palette.primary,
    };
    text::Style { color: Some(color) }
}

/// A navigation entry: highlighted when selected.
pub fn nav_button(selected: bool) -> impl Fn(&Theme, button::Status) -> button::Style {
    move |theme, status| {
        let palette = theme.extended_palette();
        let background = match (selected, status) {
            (true, _) => Some(palette.primary.weak.color.into()),
            (false, button::Status::Hovered | button::Status::Pressed) => {
                Some(palette.background.strong.color.into())
            }
            _ => None,
        };
        button::Style {
            background,
            text_color: if selected {
                palette.primary.weak.text
            } else {
                palette.background.base.text
            },
            border: Border {
                radius: 4.0.into(),
                ..Border::default()
            },
            ..button::Style::default()
        }
    }
}
