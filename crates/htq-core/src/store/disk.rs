//! Noticing that someone else changed a file: fingerprints taken when a curriculum is loaded
//! or saved, and a save that refuses to overwrite a file that changed since.
//!
//! A fingerprint is the file's size, modification time and a hash of its bytes. Two
//! fingerprints name the same file contents when size and hash agree; the time is kept for
//! messages only, because copying, `touch` or a `git checkout` change it without changing a
//! byte, and coarse file-system clocks can miss a quick rewrite.

use super::error::SaveError;
use super::input;
use super::output::{WriteOptions, write_output};
use super::save::loadable_text;
use crate::model::Curriculum;
use std::io::{self, Read};
use std::path::Path;
use std::time::SystemTime;

/// What a curriculum file looked like when it was loaded or last saved.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Fingerprint {
    /// Size in bytes.
    pub len: u64,
    /// When the file was last modified, where the file system records it.
    pub modified: Option<SystemTime>,
    /// A hash of the whole contents.
    pub hash: u64,
}

impl Fingerprint {
    /// The fingerprint of the file at `path` now. The file is read in pieces, never whole;
    /// anything but a regular file is an error.
    pub fn of(path: &Path) -> io::Result<Fingerprint> {
        let mut file =
            input::open_regular(path).map_err(|error| io::Error::other(error.to_string()))?;
        let modified = file.metadata()?.modified().ok();
        let (mut hash, mut len) = (Fnv::new(), 0u64);
        let mut buffer = vec![0; 64 * 1024];
        loop {
            match file.read(&mut buffer) {
                Ok(0) => break,
                Ok(read) => {
                    hash.update(&buffer[..read]);
                    len += read as u64;
                }
                Err(error) if error.kind() == io::ErrorKind::Interrupted => {}
                Err(error) => return Err(error),
            }
        }
        Ok(Fingerprint {
            len,
            modified,
            hash: hash.finish(),
        })
    }

    /// The fingerprint of a file holding `bytes`, modified at `modified`.
    pub fn of_bytes(bytes: &[u8], modified: Option<SystemTime>) -> Fingerprint {
        Fingerprint {
            len: bytes.len() as u64,
            modified,
            hash: hash(bytes),
        }
    }

    /// Whether both fingerprints describe the same contents, whatever the file times say.
    pub fn same_contents(&self, other: &Fingerprint) -> bool {
        self.len == other.len && self.hash == other.hash
    }
}

/// Whether the file at `path` no longer has the contents `expected` describes: it was
/// rewritten, or it was deleted, moved away or cannot be read any more.
pub fn changed_since(path: &Path, expected: &Fingerprint) -> bool {
    match Fingerprint::of(path) {
        Ok(now) => !now.same_contents(expected),
        Err(_) => true,
    }
}

/// Saves `doc` to `path` atomically, unless the file changed since `expected` was taken.
///
/// `expected` is the fingerprint from when the document was loaded or last saved; pass
/// `None` for a first save or a "save as" the user already confirmed. Returns the new file's
/// fingerprint, to pass to the next save. A file that changed gives
/// [`SaveError::ChangedOnDisk`] and is left exactly as it is; so is the document. A document
/// HTQ Studio could not open again once saved gives [`SaveError::Unloadable`].
///
/// The file is checked when the save starts and again just before the new file replaces it,
/// under the lock other HTQ Studio commands take; another program writing the file in the
/// instant between that check and the rename is not noticed, and what it wrote is replaced
/// whole, never mixed with ours.
pub fn save_checked(
    path: &Path,
    doc: &Curriculum,
    expected: Option<&Fingerprint>,
) -> Result<Fingerprint, SaveError> {
    let text = loadable_text(path, doc)?;
    let options = WriteOptions {
        inputs: &[],
        expected,
    };
    write_output(path, text.as_bytes(), &options).map(|written| written.fingerprint)
}

/// A 64-bit FNV-1a hash: stable across runs, versions and machines, unlike the standard
/// library's hasher, so it can also name files.
pub(super) fn hash(bytes: &[u8]) -> u64 {
    let mut hash = Fnv::new();
    hash.update(bytes);
    hash.finish()
}

/// The FNV-1a hash of bytes given in pieces.
struct Fnv(u64);

impl Fnv {
    fn new() -> Fnv {
        Fnv(0xcbf2_9ce4_8422_2325)
    }

    fn update(&mut self, bytes: &[u8]) {
        const PRIME: u64 = 0x0100_0000_01b3;
        self.0 = bytes.iter().fold(self.0, |state, &byte| {
            (state ^ u64::from(byte)).wrapping_mul(PRIME)
        });
    }

    fn finish(&self) -> u64 {
        self.0
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::fs;

    #[test]
    fn the_hash_is_the_published_fnv_1a() {
        assert_eq!(hash(b""), 0xcbf2_9ce4_8422_2325);
        assert_eq!(hash(b"a"), 0xaf63_dc4c_8601_ec8c);
    }

    #[test]
    fn a_file_read_in_pieces_has_the_fingerprint_of_its_bytes() -> io::Result<()> {
        let folder = tempfile::tempdir()?;
        let path = folder.path().join("c.ron");
        let bytes: Vec<u8> = (0..200_000u32).map(|i| (i % 251) as u8).collect();
        std::fs::write(&path, &bytes)?;
        let read = Fingerprint::of(&path)?;
        assert!(read.same_contents(&Fingerprint::of_bytes(&bytes, None)));
        Ok(())
    }

    #[test]
    fn a_touched_file_has_the_same_contents() -> io::Result<()> {
        let folder = tempfile::tempdir()?;
        let path = folder.path().join("c.ron");
        fs::write(&path, "same")?;
        let before = Fingerprint::of(&path)?;
        fs::write(&path, "same")?;
        assert!(!changed_since(&path, &before));
        fs::write(&path, "sane")?;
        assert!(changed_since(&path, &before));
        Ok(())
    }

    #[test]
    fn a_deleted_file_has_changed() -> io::Result<()> {
        let folder = tempfile::tempdir()?;
        let path = folder.path().join("c.ron");
        fs::write(&path, "x")?;
        let before = Fingerprint::of(&path)?;
        fs::remove_file(&path)?;
        assert!(changed_since(&path, &before));
        Ok(())
    }
}
