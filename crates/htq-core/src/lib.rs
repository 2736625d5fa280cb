//! The core of HTQ Studio, with no GUI in its dependency tree: the curriculum document and its
//! edits (`model`), pure checks and pathway coverage (`analysis`), curriculum files (`store`),
//! occupational standards read in (`import`) and the specification written out (`export`).
//!
//! Layers, arrows pointing down only: `export` and `import` sit on `analysis` and `store`,
//! which sit on `model`; `model` imports nothing of ours. `words` (counted nouns for
//! messages) is a leaf any layer may use. The window and the command line are
//! in the `htq-studio` crate, which nothing here may import.

pub mod analysis;
pub mod export;
pub mod import;
pub mod model;
pub mod store;
pub mod words;
