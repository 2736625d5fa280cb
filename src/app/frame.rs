//! The window frame around the screens: tool bar, side bar (navigation and units), status bar,
//! banners, the unsaved-changes question, the shortcuts list, the search overlay and the start
//! screen. Pure functions of `App`.

use super::screen::widgets::{caption, count_badge, heading, primary, secondary, tool};
use super::screen::{structure, workshop};
use super::shortcuts::{self, Command};
use super::theme::{self, size, space};
use super::{
    App, Banner, Choice, Conflict, Message, Pending, Resolution, Screen, Workspace, files,
};
use crate::words::counted;
use iced::widget::{
    Column, button, center, column, container, mouse_area, opaque, row, scrollable, stack, text,
    text_input,
};
use iced::{Alignment, Color, Element, Length};

/// Draws the whole window.
pub fn view(app: &App) -> Element<'_, Message> {
    let main: Element<'_, Message> = match app.workspace() {
        None => start_screen(app),
        Some(workspace) => {
            if app.workshop {
                workshop_view(workspace)
            } else {
                let session = &workspace.session;
                let screen: Element<'_, Message> = match &workspace.screen {
                    Screen::Structure => workspace.structure.view(session).map(Message::Structure),
                    Screen::Unit(_) => workspace.unit.view(session).map(Message::Unit),
                    Screen::Mapping => workspace.mapping.view(session, false).map(Message::Mapping),
                    Screen::Findings => workspace.findings.view(session).map(Message::Findings),
                    Screen::Standards => workspace.standards.view(session).map(Message::Standards),
                };
                row![sidebar(workspace), container(screen).center_x(Length::Fill)].into()
            }
        }
    };
    let mut page = Column::new();
    if !app.workshop {
        page = page.push(toolbar(app));
    }
    if let Some(banner) = &app.banner {
        page = page.push(banner_view(banner));
    }
    let waiting = app
        .recoveries
        .iter()
        .filter(|offer| !offer.for_open_file)
        .count();
    if waiting > 0 && !app.reviewing_recoveries {
        page = page.push(
            container(
                row![
                    text(if waiting == 1 {
                        "Unsaved work of another curriculum was found after HTQ Studio did not \
                         close cleanly."
                            .to_owned()
                    } else {
                        format!(
                            "Unsaved work of {waiting} other curricula was found after HTQ \
                             Studio did not close cleanly."
                        )
                    })
                    .width(Length::Fill),
                    secondary("Review", Some(Message::ReviewRecoveries)),
                ]
                .spacing(space::S)
                .align_y(Alignment::Center),
            )
            .padding(space::S)
            .width(Length::Fill)
            .style(theme::notice_banner),
        );
    }
    page = page.push(container(main).height(Length::Fill));
    if let Some(workspace) = app.workspace() {
        page = page.push(status_bar(app, workspace));
    }
    let mut layers = stack![page];
    if let Some(pending) = &app.pending {
        layers = layers.push(modal(prompt(pending)));
    }
    if let Some(conflict) = app.workspace().and_then(|w| w.conflict.as_ref()) {
        layers = layers.push(modal(conflict_view(conflict)));
    }
    let offers = app.offers_in_view();
    if !offers.is_empty() {
        layers = layers.push(modal(recoveries_view(&offers)));
    }
    if app.show_shortcuts {
        layers = layers.push(modal(shortcuts_list()));
    }
    if let Some(search) = app.workspace().and_then(|w| w.search.as_ref()) {
        layers = layers.push(modal(search.view().map(Message::Search)));
    }
    layers.into()
}

fn workshop_view(workspace: &Workspace) -> Element<'_, Message> {
    let meeting = &workspace.meeting;
    let session = &workspace.session;
    let body = match meeting.view {
        workshop::View::Matrix => workspace.mapping.view(session, true).map(Message::Mapping),
        _ => meeting.body(session).map(Message::Workshop),
    };
    let mut page = column![
        meeting.top_bar(session).map(Message::Workshop),
        container(body).height(Length::Fill),
    ]
    .spacing(space::S)
    .padding(space::M);
    if meeting.view == workshop::View::Present {
        page = page.push(meeting.capture(&session.doc).map(Message::Workshop));
    }
    page.into()
}

fn modal(content: Element<'_, Message>) -> Element<'_, Message> {
    opaque(
        mouse_area(
            center(opaque(content))
                .padding(space::L)
                .style(|_| container::Style {
                    background: Some(Color::from_rgba(0.0, 0.0, 0.0, 0.45).into()),
                    ..container::Style::default()
                }),
        )
        .on_press(Message::Command(Command::Escape)),
    )
}

fn toolbar(app: &App) -> Element<'_, Message> {
    let has_doc = app.session().is_some();
    let can_undo = app.session().is_some_and(|s| s.history.can_undo());
    let can_redo = app.session().is_some_and(|s| s.history.can_redo());
    let command = |c: Command| Some(Message::Command(c));
    let when = |on: bool, c: Command| on.then_some(Message::Command(c));
    let mut items = row![
        text("HTQ Studio").size(size::HEADING).font(theme::BOLD),
        tool("New", "New curriculum (Ctrl+N)", command(Command::New)),
        tool(
            "Open…",
            "Open a curriculum (Ctrl+O)",
            command(Command::Open)
        ),
        tool("Save", "Save (Ctrl+S)", when(has_doc, Command::Save)),
        tool(
            "Save as…",
            "Save under a new name (Ctrl+Shift+S)",
            when(has_doc, Command::SaveAs)
        ),
        tool("Undo", "Undo (Ctrl+Z)", when(can_undo, Command::Undo)),
        tool(
            "Redo",
            "Redo (Ctrl+Shift+Z or Ctrl+Y)",
            when(can_redo, Command::Redo)
        ),
        tool(
            "Search",
            "Search units, outcomes, criteria and KSBs (Ctrl+F)",
            when(has_doc, Command::Search)
        ),
        tool(
            "Export PDF…",
            "Export the specification PDF (Ctrl+E)",
            when(has_doc, Command::ExportPdf)
        ),
    ]
    .spacing(space::S)
    .align_y(Alignment::Center);
    if has_doc {
        items = items.push(structure::library_button().map(Message::Structure));
    }
    items = items
        .push(iced::widget::space::horizontal())
        .push(tool(
            "Workshop",
            "Workshop mode for a shared screen (F11)",
            command(Command::Workshop),
        ))
        .push(tool(
            "Light/dark",
            "Switch between light and dark",
            Some(Message::ToggleAppearance),
        ))
        .push(tool(
            "Shortcuts",
            "Keyboard shortcuts (F1)",
            command(Command::ShowShortcuts),
        ));
    container(items)
        .padding([space::S, space::M])
        .width(Length::Fill)
        .style(theme::chrome)
        .into()
}

fn nav<'a>(label: String, screen: Screen, current: &Screen) -> Element<'a, Message> {
    let selected = &screen == current;
    button(text(label).size(size::BODY))
        .width(Length::Fill)
        .padding([5, 10])
        .style(theme::nav_button(selected))
        .on_press(Message::Navigate(screen))
        .into()
}

fn sidebar(workspace: &Workspace) -> Element<'_, Message> {
    let session = &workspace.session;
    let current = &workspace.screen;
    let doc = &session.doc;
    let mut list = column![
        nav("Qualification".into(), Screen::Structure, current),
        nav("KSB mapping".into(), Screen::Mapping, current),
        nav("Standards and KSBs".into(), Screen::Standards, current),
        button(
            row![
                text("Findings").size(size::BODY).width(Length::Fill),
                count_badge(session.findings().len())
            ]
            .align_y(Alignment::Center)
        )
        .width(Length::Fill)
        .padding([5, 10])
        .style(theme::nav_button(current == &Screen::Findings))
        .on_press(Message::Navigate(Screen::Findings)),
        caption("Units"),
    ]
    .spacing(2);
    for unit in &doc.units {
        list = list.push(nav(
            format!("{}  {}", unit.number, unit.title),
            Screen::Unit(unit.id.clone()),
            current,
        ));
    }
    container(scrollable(list.padding(space::S)).height(Length::Fill))
        .width(250)
        .height(Length::Fill)
        .style(theme::chrome)
        .into()
}

fn status_bar<'a>(app: &'a App, workspace: &'a Workspace) -> Element<'a, Message> {
    let session = &workspace.session;
    let path = session.path.as_ref().map_or_else(
        || "New curriculum, never saved".to_owned(),
        |p| p.display().to_string(),
    );
    let busy: Vec<&str> = app.busy().map(super::Work::label).collect();
    let state = if !busy.is_empty() {
        busy.join(" ")
    } else if let Some(error) = &app.autosave_error {
        format!("Unsaved changes (autosave failed: {error})")
    } else if session.is_dirty() {
        "Unsaved changes".to_owned()
    } else if session.path.is_none() {
        String::new()
    } else {
        "All changes saved".to_owned()
    };
    let other = session
        .other_editor
        .as_ref()
        .map(|other| format!("{} on {} also has it open", other.user, other.host))
        .unwrap_or_default();
    container(
        row![
            text(path).size(size::SMALL).width(Length::Fill),
            text(other).size(size::SMALL),
            workspace.findings.summary(session).map(Message::Findings),
            text(state).size(size::SMALL),
            text(format!("Zoom {:.0}%", app.zoom * 100.0)).size(size::SMALL),
        ]
        .spacing(space::L)
        .align_y(Alignment::Center),
    )
    .padding([space::XS, space::M])
    .style(theme::chrome)
    .into()
}

fn banner_view(banner: &Banner) -> Element<'_, Message> {
    let (message, style, open): (&str, fn(&iced::Theme) -> container::Style, _) = match banner {
        Banner::Error(message) => (message.as_str(), theme::error_banner, None),
        Banner::Notice(message, path) => (message.as_str(), theme::notice_banner, path.clone()),
    };
    let mut items = row![text(message).width(Length::Fill)]
        .spacing(space::S)
        .align_y(Alignment::Center);
    if let Some(path) = open {
        items = items.push(secondary("Open", Some(Message::OpenExternally(path))));
    }
    items = items.push(secondary("Dismiss", Some(Message::DismissBanner)));
    container(items)
        .padding(space::S)
        .width(Length::Fill)
        .style(style)
        .into()
}

fn prompt(pending: &Pending) -> Element<'_, Message> {
    let doing = match pending {
        Pending::New => "starting a new curriculum",
        Pending::Open | Pending::OpenPath(_) => "opening another file",
        Pending::Restore(_) => "opening the recovered work",
        Pending::Close => "closing",
        Pending::Quit(_) => "quitting",
    };
    container(
        column![
            heading("Save your changes?"),
            text(format!(
                "This curriculum has changes that are not saved. Save them before {doing}?"
            )),
            row![
                primary("Save", Some(Message::Prompt(Choice::Save))),
                secondary("Discard changes", Some(Message::Prompt(Choice::Discard))),
                secondary("Cancel", Some(Message::Prompt(Choice::Cancel))),
            ]
            .spacing(space::S),
        ]
        .spacing(space::M),
    )
    .padding(space::L)
    .max_width(560)
    .style(theme::card)
    .into()
}

fn conflict_view(conflict: &Conflict) -> Element<'_, Message> {
    let name = conflict.path.file_name().map_or_else(
        || conflict.path.display().to_string(),
        |n| n.to_string_lossy().into_owned(),
    );
    let mut body = column![
        heading("Someone else changed this file"),
        text(format!(
            "{name} changed on disk after you opened it (a git pull, or a colleague on a shared \
             drive). Saving now would overwrite their changes. Your own changes are safe here \
             until you choose."
        )),
    ]
    .spacing(space::M);
    if let Some(theirs) = &conflict.theirs {
        let lines = theirs.changes.iter().take(12).map(|change| {
            text(format!("• {}", change.description))
                .size(size::SMALL)
                .into()
        });
        body = body.push(
            column![
                text(format!(
                    "Your version differs from theirs in {}:",
                    counted(theirs.changes.len(), "place", "places")
                ))
                .font(theme::BOLD),
                Column::with_children(lines).spacing(2),
            ]
            .spacing(space::XS),
        );
    }
    body = body.push(
        row![
            secondary("Compare", Some(Message::Resolve(Resolution::Compare))),
            secondary("Save mine as…", Some(Message::Resolve(Resolution::SaveAs))),
            secondary(
                "Reload theirs (drop mine)",
                Some(Message::Resolve(Resolution::Reload))
            ),
            secondary(
                "Overwrite theirs",
                Some(Message::Resolve(Resolution::Overwrite))
            ),
            primary("Cancel", Some(Message::Resolve(Resolution::Cancel))),
        ]
        .spacing(space::S),
    );
    container(scrollable(body))
        .padding(space::L)
        .max_width(820)
        .style(theme::card)
        .into()
}

fn recoveries_view<'a>(offers: &[(usize, &'a files::RecoveryOffer)]) -> Element<'a, Message> {
    let mut body = column![
        heading("Unsaved work was found"),
        text("HTQ Studio did not close cleanly last time. This work was saved for you:"),
    ]
    .spacing(space::M);
    for &(index, offer) in offers {
        let name = offer.recovery.original.as_ref().map_or_else(
            || "A new curriculum (never saved)".to_owned(),
            |p| p.display().to_string(),
        );
        let shown = offer
            .differences
            .iter()
            .take(6)
            .map(|line| text(format!("• {line}")).size(size::SMALL).into());
        let more = offer.differences.len().saturating_sub(6);
        body = body.push(
            container(
                column![
                    text(name).font(theme::BOLD),
                    text(format!(
                        "Last edit kept {}; {} from the file:",
                        offer.recovery.written_at_label(),
                        counted(offer.differences.len(), "difference", "differences")
                    ))
                    .size(size::SMALL),
                    Column::with_children(shown).spacing(2),
                    text(if more > 0 {
                        format!("… and {more} more")
                    } else {
                        String::new()
                    })
                    .size(size::SMALL),
                    row![
                        primary("Restore", Some(Message::Recover(index, true))),
                        secondary("Discard", Some(Message::Recover(index, false))),
                    ]
                    .spacing(space::S),
                ]
                .spacing(space::XS),
            )
            .padding(space::S)
            .style(container::bordered_box),
        );
    }
    if offers.iter().any(|(_, offer)| !offer.for_open_file) {
        let label = if offers.iter().any(|(_, offer)| offer.for_open_file) {
            "Decide later about the others"
        } else {
            "Decide later"
        };
        body = body.push(secondary(label, Some(Message::RecoverLater)));
    }
    container(scrollable(body))
        .padding(space::L)
        .max_width(820)
        .style(theme::card)
        .into()
}

fn shortcuts_list<'a>() -> Element<'a, Message> {
    let rows = shortcuts::LIST.iter().map(|(keys, what)| {
        row![text(*keys).font(theme::BOLD).width(280), text(*what)]
            .spacing(space::M)
            .into()
    });
    container(
        column![
            heading("Keyboard shortcuts"),
            Column::with_children(rows).spacing(space::XS),
            secondary("Close", Some(Message::Command(Command::ShowShortcuts))),
        ]
        .spacing(space::M),
    )
    .padding(space::L)
    .style(theme::card)
    .into()
}

fn start_screen(app: &App) -> Element<'_, Message> {
    let file_button = |path: &std::path::Path| -> Element<'_, Message> {
        let label = path.file_name().map_or_else(
            || path.display().to_string(),
            |n| n.to_string_lossy().into_owned(),
        );
        button(
            column![
                text(label).font(theme::BOLD),
                text(path.display().to_string())
                    .size(size::SMALL)
                    .style(theme::muted),
            ]
            .spacing(2),
        )
        .style(button::text)
        .width(Length::Fill)
        .on_press(Message::OpenPath(path.to_path_buf()))
        .into()
    };
    let mut recent = column![heading("Recent files")].spacing(space::XS);
    if app.recent.is_empty() {
        recent = recent.push(text("No recent files yet.").style(theme::muted));
    }
    for path in &app.recent {
        recent = recent.push(file_button(path));
    }
    let mut examples = column![heading("Examples")].spacing(space::XS);
    for path in &app.examples {
        examples = examples.push(file_button(path));
    }
    center(
        container(
            column![
                text("HTQ Studio").size(size::TITLE * 1.5).font(theme::BOLD),
                text("Design Higher Technical Qualifications: units, outcomes and criteria, KSB mapping with pathway coverage, and the specification PDF."),
                row![
                    primary("New curriculum", Some(Message::Command(Command::New))),
                    secondary("Open…", Some(Message::Command(Command::Open))),
                ]
                .spacing(space::S),
                column![
                    caption("No file dialog on this desktop? Type the path of a curriculum:"),
                    row![
                        text_input("/path/to/curriculum.ron", &app.typed_path)
                            .on_input(Message::TypedPath)
                            .on_submit(Message::OpenPath(app.typed_path.clone().into()))
                            .padding(6),
                        secondary(
                            "Open path",
                            (!app.typed_path.trim().is_empty())
                                .then(|| Message::OpenPath(app.typed_path.trim().into()))
                        ),
                    ]
                    .spacing(space::S),
                ]
                .spacing(space::XS),
                recent,
                examples,
            ]
            .spacing(space::L),
        )
        .padding(space::L)
        .max_width(760)
        .style(theme::card),
    )
    .into()
}
