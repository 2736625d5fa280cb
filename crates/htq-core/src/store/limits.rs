//! Limits for files from strangers: size, nesting, binary content, encoding, emptiness.
//!
//! These checks run before parsing so that a hostile or accidental file (a photo renamed to
//! `.ron`, a truncated download, a gigabyte of brackets) ends in a clear message, never a
//! panic, a stack overflow or a frozen window.

use super::error::{LoadError, TextError};
use super::input::{self, InputError};
use super::position;
use std::fs::File;
use std::path::Path;

/// Largest curriculum file accepted, in bytes (16 MiB: hundreds of times a real one).
pub const MAX_BYTES: u64 = 16 * 1024 * 1024;

/// Deepest nesting of brackets accepted; a curriculum needs about ten.
pub const MAX_DEPTH: usize = 64;

/// Reads the file at `path` as text, refusing what is too big, binary or not UTF-8, and
/// anything that is not a regular file.
pub(super) fn read_text(path: &Path) -> Result<String, LoadError> {
    let file = input::open_regular(path).map_err(|error| unreadable(path, error))?;
    read_open_text(&file, path)
}

/// Reads an already opened file as text, as [`read_text`] does; `path` names it in messages.
pub(super) fn read_open_text(file: &File, path: &Path) -> Result<String, LoadError> {
    let bytes =
        input::read_open_limited(file, MAX_BYTES).map_err(|error| unreadable(path, error))?;
    if let Some(nul) = bytes.iter().position(|&byte| byte == 0) {
        let before = String::from_utf8_lossy(&bytes[..nul]);
        return Err(binary(position::end_of(&before)).in_file(path));
    }
    String::from_utf8(bytes).map_err(|error| {
        let valid = error.utf8_error().valid_up_to();
        let before = String::from_utf8_lossy(&error.as_bytes()[..valid]);
        LoadError::at(
            path,
            position::end_of(&before),
            "the file is not UTF-8 text here; save it as UTF-8 (or it is not a curriculum)",
        )
    })
}

/// Checks text already in memory: size, NUL characters, emptiness.
pub(super) fn check_text(text: &str) -> Result<(), TextError> {
    if text.len() as u64 > MAX_BYTES {
        return Err(too_big());
    }
    if let Some(nul) = text.find('\0') {
        return Err(binary(position::end_of(&text[..nul])));
    }
    if text.trim().is_empty() {
        return Err(TextError::whole(format!(
            "the file is empty; a curriculum starts with `(` and `format: {},`",
            super::FORMAT
        )));
    }
    Ok(())
}

/// The load error for an input that could not be read as a file.
pub(super) fn unreadable(path: &Path, error: InputError) -> LoadError {
    match error {
        InputError::Folder => {
            LoadError::whole_file(path, "this is a folder, not a curriculum file")
        }
        InputError::TooLarge { .. } => too_big().in_file(path),
        other => LoadError::whole_file(path, other.to_string()),
    }
}

fn too_big() -> TextError {
    TextError::whole(format!(
        "the file is larger than {} MiB, far more than any curriculum; it is not opened",
        MAX_BYTES / (1024 * 1024)
    ))
}

fn binary(place: (usize, usize)) -> TextError {
    TextError::at(
        place,
        "this is a binary file, not a curriculum (it contains a NUL byte)",
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn nul_is_located() {
        let error = check_text("(\n  ab\0").unwrap_err();
        assert_eq!((error.line, error.column), (2, 5));
        assert!(error.message.contains("binary"));
    }

    #[test]
    fn blank_text_is_empty() {
        let error = check_text(" \n\t\n").unwrap_err();
        assert!(error.message.contains("empty"));
        assert_eq!(error.line, 0);
    }

    #[test]
    fn oversized_text_is_refused() {
        let text = " ".repeat(MAX_BYTES as usize + 1);
        let error = check_text(&text).unwrap_err();
        assert!(error.message.contains("larger than 16 MiB"), "{error}");
    }
}
