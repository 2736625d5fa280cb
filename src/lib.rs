//! HTQ Studio: design Higher Technical Qualifications. This crate is the window (`app`, iced)
//! and the command line (`cli`); everything they show, check, read and write is in the
//! GUI-free `htq_core` crate, whose modules are re-exported here under the same names.
//!
//! Layers, arrows pointing down only: `app` and `cli` sit on `htq_core` (`export`, `import`,
//! `analysis`, `store`, `model`). Nothing imports `app`.

pub mod app;
pub mod cli;

pub use htq_core::{analysis, export, import, model, store, words};
