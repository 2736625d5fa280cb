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
                let content = container(screen).center_x(Length::Fill);
                match app.fit().sidebar() {
                    Some(width) => row![sidebar(workspace, width), content].into(),
                    None => content.into(),
                }
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
    if app.sidebar_open
        && app.fit().sidebar().is_none()
        && !app.workshop
        && let Some(workspace) = app.workspace()
    {
        layers = layers.push(sidebar_over(workspace));
    }
    if app.menu_open && !app.fit().full_toolbar() && !app.workshop {
        layers = layers.push(menu(app));
    }
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

/// One command of the tool bar: its label, what it does (the tooltip) and its message, or
/// `None` when it cannot be used now.
struct ToolCommand {
    label: &'static str,
    tip: &'static str,
    message: Option<Message>,
}

/// Every command of the tool bar, in order; `essential` ones stay on the bar at any width,
/// the others move into the menu when the window has no room for them.
fn tool_commands(app: &App) -> Vec<(bool, ToolCommand)> {
    let has_doc = app.session().is_some();
    let can_undo = app.session().is_some_and(|s| s.history.can_undo());
    let can_redo = app.session().is_some_and(|s| s.history.can_redo());
    let when = |on: bool, c: Command| on.then_some(Message::Command(c));
    let item = |essential, label, tip, message| {
        (
            essential,
            ToolCommand {
                label,
                tip,
                message,
            },
        )
    };
    let mut commands = vec![
        item(
            false,
            "New",
            "New curriculum (Ctrl+N)",
            when(true, Command::New),
        ),
        item(
            false,
            "Open…",
            "Open a curriculum (Ctrl+O)",
            when(true, Command::Open),
        ),
        item(true, "Save", "Save (Ctrl+S)", when(has_doc, Command::Save)),
        item(
            false,
            "Save as…",
            "Save under a new name (Ctrl+Shift+S)",
            when(has_doc, Command::SaveAs),
        ),
        item(true, "Undo", "Undo (Ctrl+Z)", when(can_undo, Command::Undo)),
        item(
            true,
            "Redo",
            "Redo (Ctrl+Shift+Z or Ctrl+Y)",
            when(can_redo, Command::Redo),
        ),
        item(
            false,
            "Search",
            "Search units, outcomes, criteria and KSBs (Ctrl+F)",
            when(has_doc, Command::Search),
        ),
        item(
            false,
            "Export PDF…",
            "Export the specification PDF (Ctrl+E)",
            when(has_doc, Command::ExportPdf),
        ),
        item(
            false,
            "Export web page…",
            "Export the specification as one accessible web page (HTML)",
            when(has_doc, Command::ExportHtml),
        ),
        item(
            false,
            "Export CASE…",
            "Export the qualification as a 1EdTech CASE 1.1 package for OpenSALT and learning platforms",
            when(has_doc, Command::ExportCase),
        ),
    ];
    if has_doc {
        commands.push(item(
            false,
            "Unit library…",
            "Bring units in from another curriculum file",
            Some(Message::Structure(structure::Message::PickLibrary)),
        ));
    }
    commands.extend([
        item(
            false,
            "Workshop",
            "Workshop mode for a shared screen (F11)",
            when(true, Command::Workshop),
        ),
        item(
            false,
            "Light/dark",
            "Switch between light and dark",
            Some(Message::ToggleAppearance),
        ),
        item(
            false,
            "Shortcuts",
            "Keyboard shortcuts (F1)",
            when(true, Command::ShowShortcuts),
        ),
    ]);
    commands
}

/// The tool bar: every command where there is room; otherwise the essential ones, a button
/// for the folded side bar and a menu holding the rest.
fn toolbar(app: &App) -> Element<'_, Message> {
    let fit = app.fit();
    let commands = tool_commands(app);
    let mut items = row![].spacing(space::S).align_y(Alignment::Center);
    if fit.sidebar().is_none() && app.workspace().is_some() {
        items = items.push(tool(
            "☰ Contents",
            "Show the qualification, the units and the other screens",
            Some(Message::ToggleSidebar),
        ));
    }
    if !fit.narrow() {
        items = items.push(text("HTQ Studio").size(size::HEADING).font(theme::BOLD));
    }
    if fit.full_toolbar() {
        let (file_and_edit, window): (Vec<_>, Vec<_>) = commands
            .into_iter()
            .map(|(_, command)| command)
            .partition(|command| !matches!(command.label, "Workshop" | "Light/dark" | "Shortcuts"));
        for command in file_and_edit {
            items = items.push(tool(command.label, command.tip, command.message));
        }
        items = items.push(iced::widget::space::horizontal());
        for command in window {
            items = items.push(tool(command.label, command.tip, command.message));
        }
    } else {
        for (_, command) in commands.into_iter().filter(|(essential, _)| *essential) {
            items = items.push(tool(command.label, command.tip, command.message));
        }
        items = items.push(iced::widget::space::horizontal()).push(tool(
            "Menu ▾",
            "More commands: new, open, save as, search, export, workshop …",
            Some(Message::ToggleMenu),
        ));
    }
    container(items)
        .padding([space::S, space::M])
        .width(Length::Fill)
        .style(theme::chrome)
        .into()
}

/// The menu of the commands the tool bar has no room for, under its button.
fn menu(app: &App) -> Element<'_, Message> {
    let entries = tool_commands(app)
        .into_iter()
        .filter(|(essential, _)| !essential)
        .map(|(_, command)| {
            button(text(command.label).size(size::BODY))
                .width(Length::Fill)
                .padding([6, 14])
                .style(button::text)
                .on_press_maybe(
                    command
                        .message
                        .map(|message| Message::FromMenu(Box::new(message))),
                )
                .into()
        });
    let card = container(Column::with_children(entries).spacing(2).width(220))
        .padding(space::XS)
        .style(theme::card);
    opaque(
        mouse_area(
            container(opaque(card))
                .width(Length::Fill)
                .height(Length::Fill)
                .align_right(Length::Fill)
                .padding(iced::Padding {
                    top: 44.0,
                    right: space::M,
                    bottom: 0.0,
                    left: 0.0,
                }),
        )
        .on_press(Message::ToggleMenu),
    )
}

/// The folded side bar, shown over the content from the left.
fn sidebar_over(workspace: &Workspace) -> Element<'_, Message> {
    opaque(
        mouse_area(
            row![
                opaque(sidebar(workspace, 280.0)),
                container(text(""))
                    .width(Length::Fill)
                    .height(Length::Fill)
                    .style(|_| container::Style {
                        background: Some(Color::from_rgba(0.0, 0.0, 0.0, 0.25).into()),
                        ..container::Style::default()
                    }),
            ]
            .padding(iced::Padding {
                top: 44.0,
                ..iced::Padding::ZERO
            }),
        )
        .on_press(Message::ToggleSidebar),
    )
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

fn sidebar(workspace: &Workspace, width: f32) -> Element<'_, Message> {
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
        .width(width)
        .height(Length::Fill)
        .style(theme::chrome)
        .into()
}

fn status_bar<'a>(app: &'a App, workspace: &'a Workspace) -> Element<'a, Message> {
    let session = &workspace.session;
    let narrow = app.fit().narrow();
    let path = session.path.as_ref().map_or_else(
        || "New curriculum, never saved".to_owned(),
        |p| {
            if narrow {
                session.display_name()
            } else {
                p.display().to_string()
            }
        },
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
    // The start screen scrolls: at a small window or a large zoom the recent files and the
    // examples stay reachable.
    scrollable(
        container(
            container(column![
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
            .spacing(space::L))
            .padding(space::L)
            .max_width(760)
            .style(theme::card),
        )
        .center_x(Length::Fill)
        .padding(space::L),
    )
    .height(Length::Fill)
    .into()
}
