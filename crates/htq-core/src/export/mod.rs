//! Exports of a curriculum: the specification PDF an awarding body would publish.
//!
//! `specification_pdf` is the single entry point for the PDF (the GUI calls it off the UI
//! thread, the CLI from `export --pdf`). Inside, the work runs in three pure steps and one
//! IO-free emit: `specification`, `structure` and `appendix` turn the curriculum into blocks
//! of text; `typeset`, `table`, `furniture` and `wrap` measure and place them on pages
//! (metrics from `fonts`); `pdf` puts the document together with printpdf (fonts, links,
//! outline and metadata) around page content streams that `content` writes from the placed
//! boxes. `html` writes the same blocks as one accessible web page. `mapping_csv` writes the
//! KSB mapping spreadsheet and `workbooks` the submission workbooks. `minutes` writes the panel
//! record, as its own PDF (`minutes_pdf`) or as an appendix of the specification.
//! Nothing here reads or writes files.

mod appendix;
mod case;
mod content;
mod deflate;
mod fonts;
mod furniture;
mod html;
pub mod mapping_csv;
mod minutes;
mod pdf;
mod specification;
mod structure;
mod table;
mod typeset;
mod workbooks;
mod wrap;

#[cfg(test)]
mod layout_tests;

pub use case::case_json;
pub use html::specification_html;
pub use minutes::minutes_pdf;
pub use specification::specification_pdf;
pub use workbooks::{mapping_xlsx, structure_xlsx};

/// Options for the specification PDF.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct PdfOptions {
    /// Export only the unit with this number (e.g. "4017"); `None` exports every unit.
    pub unit: Option<String>,
    /// Append the panel's minutes (attendance, decisions, open actions) as an appendix; only
    /// for the whole specification.
    pub include_minutes: bool,
    /// When the PDF is made, written as its creation date; `None` writes no date, so the same
    /// curriculum always gives the same bytes.
    pub created: Option<time::OffsetDateTime>,
}

/// Why an export failed, in words a curriculum designer understands.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum ExportError {
    /// A bundled font could not be read.
    #[error(
        "the bundled font {0} could not be read; the program may be damaged, please reinstall it"
    )]
    Font(String),
    /// The unit asked for is not in the curriculum.
    #[error("there is no unit numbered {0} in this curriculum")]
    UnitNotFound(String),
    /// The PDF could not be written.
    #[error("the PDF could not be put together: {0}")]
    Pdf(String),
    /// A workbook could not be put together.
    #[error("the workbook could not be put together: {0}")]
    Workbook(String),
}
