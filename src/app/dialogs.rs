//! The seam between the GUI and native file dialogs. The window asks a [`Dialogs`] value for
//! paths; the real one shows rfd dialogs off the UI thread, tests plug in a scripted one, so no
//! test ever opens a real dialog.

use std::future::Future;
use std::path::PathBuf;
use std::pin::Pin;
use std::sync::Arc;

/// A boxed future returning the chosen path (`None` when cancelled or no dialog could be shown).
pub type PathFuture = Pin<Box<dyn Future<Output = Option<PathBuf>> + Send>>;

/// What a file dialog is for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Purpose {
    /// Open a curriculum.
    OpenCurriculum,
    /// Save a curriculum under a new name.
    SaveCurriculum,
    /// Pick a curriculum to bring units in from.
    UnitLibrary,
    /// Pick an occupational standard (JSON or CSV).
    ImportStandard,
    /// Save the specification PDF.
    ExportPdf,
    /// Save the KSB mapping CSV.
    ExportCsv,
    /// Save the specification as a web page.
    ExportHtml,
    /// Save the qualification as a CASE package (JSON).
    ExportCase,
    /// Save the qualification-structure workbook (.xlsx).
    ExportStructureWorkbook,
    /// Save the KSB-mapping workbook (.xlsx).
    ExportMappingWorkbook,
    /// Pick another version of the curriculum to compare with.
    CompareWith,
    /// Save the panel minutes PDF.
    ExportMinutes,
}

/// What a file dialog asks for.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DialogRequest {
    /// What the file is for.
    pub purpose: Purpose,
    /// The file name offered when saving.
    pub suggested_name: String,
    /// The folder the dialog opens in: the open curriculum's, when it has one.
    pub folder: Option<PathBuf>,
}

/// Shows file dialogs.
pub trait Dialogs: Send + Sync {
    /// Asks for a path as `request` says.
    fn pick(&self, request: DialogRequest) -> PathFuture;
}

/// Native dialogs through rfd (desktop portal, falling back to zenity).
#[derive(Debug, Default)]
pub struct NativeDialogs;

impl Dialogs for NativeDialogs {
    fn pick(&self, request: DialogRequest) -> PathFuture {
        let DialogRequest {
            purpose,
            suggested_name,
            folder,
        } = request;
        let mut dialog = rfd::AsyncFileDialog::new();
        if let Some(folder) = folder {
            dialog = dialog.set_directory(folder);
        }
        Box::pin(async move {
            let handle = match save_as(purpose) {
                Some((title, filter, extensions)) => {
                    dialog
                        .set_title(title)
                        .add_filter(filter, extensions)
                        .set_file_name(suggested_name)
                        .save_file()
                        .await
                }
                None => {
                    let (title, filter, extensions) = open_as(purpose);
                    dialog
                        .set_title(title)
                        .add_filter(filter, extensions)
                        .pick_file()
                        .await
                }
            };
            handle.map(|file| file.path().to_path_buf())
        })
    }
}

/// Title, file type and extensions of a dialog picking an existing file for `purpose`.
fn open_as(purpose: Purpose) -> (&'static str, &'static str, &'static [&'static str]) {
    match purpose {
        Purpose::UnitLibrary => (
            "Bring units in from a curriculum",
            "HTQ curriculum",
            &["ron"],
        ),
        Purpose::CompareWith => ("Compare with another version", "HTQ curriculum", &["ron"]),
        Purpose::ImportStandard => (
            "Import an occupational standard",
            "Standard (JSON or CSV)",
            &["json", "csv"],
        ),
        _ => ("Open a curriculum", "HTQ curriculum", &["ron"]),
    }
}

/// Title, file type and extensions of the save dialog for `purpose`; `None` for the purposes
/// that pick an existing file.
fn save_as(purpose: Purpose) -> Option<(&'static str, &'static str, &'static [&'static str])> {
    Some(match purpose {
        Purpose::SaveCurriculum => ("Save curriculum as", "HTQ curriculum", &["ron"]),
        Purpose::ExportPdf => ("Export specification PDF", "PDF", &["pdf"]),
        Purpose::ExportMinutes => ("Export panel minutes PDF", "PDF", &["pdf"]),
        Purpose::ExportCsv => ("Export KSB mapping spreadsheet", "CSV", &["csv"]),
        Purpose::ExportHtml => ("Export specification web page", "Web page", &["html"]),
        Purpose::ExportCase => ("Export CASE package", "CASE package (JSON)", &["json"]),
        Purpose::ExportStructureWorkbook => (
            "Export qualification-structure workbook",
            "Excel workbook",
            &["xlsx"],
        ),
        Purpose::ExportMappingWorkbook => {
            ("Export KSB-mapping workbook", "Excel workbook", &["xlsx"])
        }
        Purpose::OpenCurriculum
        | Purpose::UnitLibrary
        | Purpose::CompareWith
        | Purpose::ImportStandard => return None,
    })
}

/// The dialogs a window uses, shared with the tasks it starts.
pub type SharedDialogs = Arc<dyn Dialogs>;
