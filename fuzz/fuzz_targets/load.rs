//! Fuzzes the curriculum loader: arbitrary bytes, as raw UTF-8 where they are, and lossily
//! decoded otherwise. Loading must never panic, and whatever loads must survive a round trip
//! through the canonical text unchanged.

#![no_main]

use htq_core::store;
use libfuzzer_sys::fuzz_target;
use std::path::Path;

fuzz_target!(|data: &[u8]| {
    let path = Path::new("fuzz.ron");
    if let Ok(text) = std::str::from_utf8(data) {
        round_trip(text, path);
    }
    round_trip(&String::from_utf8_lossy(data), path);
});

/// Loads `text`; if it loads, its canonical form must load back to the same curriculum.
fn round_trip(text: &str, path: &Path) {
    if let Ok(doc) = store::from_str(text, path) {
        let canonical = store::to_string(&doc);
        match store::from_str(&canonical, path) {
            Ok(again) => assert_eq!(again, doc, "the canonical text loads differently"),
            Err(error) => panic!("the canonical text of a loaded file does not load: {error}"),
        }
    }
}
