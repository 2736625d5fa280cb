//! Helpers shared by integration tests. Each test binary uses only part of them.
#![allow(dead_code)]

pub mod journey;
pub mod ui;
