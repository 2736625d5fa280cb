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
            let handle = match purpose {
                Purpose::OpenCurriculum | Purpose::UnitLibrary | Purpose::CompareWith => {
                    dialog
                        .set_title(match purpose {
                            Purpose::UnitLibrary => "Bring units in from a curriculum",
                            Purpose::CompareWith => "Compare with another version",
                            _ => "Open a curriculum",
                        })
                        .add_filter("HTQ curriculum", &["ron"])
                        .pick_file()
                        .await
                }
                Purpose::ImportStandard => {
                    dialog
                        .set_title("Import an occupational standard")
                        .add_filter("Standard (JSON or CSV)", &["json", "csv"])
                        .pick_file()
                        .await
                }
                Purpose::SaveCurriculum => {
                    dialog
                        .set_title("Save curriculum as")
                        .add_filter("HTQ curriculum", &["ron"])
                        .set_file_name(suggested_name)
                        .save_file()
                        .await
                }
                Purpose::ExportPdf | Purpose::ExportMinutes => {
                    dialog
                        .set_title(if purpose == Purpose::ExportMinutes {
                            "Export panel minutes PDF"
                        } else {
                            "Export specification PDF"
                        })
                        .add_filter("PDF", &["pdf"])
                        .set_file_name(suggested_name)
                        .save_file()
                        .await
                }
                Purpose::ExportCsv => {
                    dialog
                        .set_title("Export KSB mapping spreadsheet")
                        .add_filter("CSV", &["csv"])
                        .set_file_name(suggested_name)
                        .save_file()
                        .await
                }
                Purpose::ExportHtml => {
                    dialog
                        .set_title("Export specification web page")
                        .add_filter("Web page", &["html"])
                        .set_file_name(suggested_name)
                        .save_file()
                        .await
                }
                Purpose::ExportCase => {
                    dialog
                        .set_title("Export CASE package")
                        .add_filter("CASE package (JSON)", &["json"])
                        .set_file_name(suggested_name)
                        .save_file()
                        .await
                }
                Purpose::ExportStructureWorkbook | Purpose::ExportMappingWorkbook => {
                    dialog
                        .set_title(if purpose == Purpose::ExportStructureWorkbook {
                            "Export qualification-structure workbook"
                        } else {
                            "Export KSB-mapping workbook"
                        })
                        .add_filter("Excel workbook", &["xlsx"])
                        .set_file_name(suggested_name)
                        .save_file()
                        .await
                }
            };
            handle.map(|file| file.path().to_path_buf())
        })
    }
}

/// The dialogs a window uses, shared with the tasks it starts.
pub type SharedDialogs = Arc<dyn Dialogs>;
