//! HTQ Studio: design Higher Technical Qualifications.
//!
//! Layers, arrows pointing down only: `app` (iced GUI) and `cli` sit on `export`, `import`,
//! `analysis` and `store`, which sit on `model`. Nothing imports `app`.

pub mod analysis;
pub mod app;
pub mod cli;
pub mod export;
pub mod import;
pub mod model;
pub mod store;
