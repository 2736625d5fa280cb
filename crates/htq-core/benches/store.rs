//! Load and save speed of the file store: the large synthetic curriculum and, when present,
//! the shipped medtech curriculum. Targets in release: large load and save under 20 ms each.
//! Also loading and checking a curriculum whose mandatory list names one unit a million
//! times: under 1 s each (linear time; a quadratic check took 25 s).

use criterion::{Criterion, criterion_group, criterion_main};
use htq_core::model::Curriculum;
use htq_core::model::synthetic::{Size, curriculum};
use htq_core::{analysis, store};
use std::hint::black_box;
use std::path::Path;

fn measure(c: &mut Criterion, name: &str, doc: &Curriculum) {
    let text = store::to_string(doc);
    let path = Path::new(name);
    c.bench_function(&format!("load {name}"), |b| {
        b.iter(|| store::from_str(black_box(&text), path))
    });
    c.bench_function(&format!("to_string {name}"), |b| {
        b.iter(|| store::to_string(black_box(doc)))
    });
    let Ok(folder) = tempfile::tempdir() else {
        return;
    };
    let target = folder.path().join("curriculum.ron");
    c.bench_function(&format!("save {name}"), |b| {
        b.iter(|| store::save(&target, black_box(doc)))
    });
}

/// The large curriculum with its mandatory list naming its first mandatory unit a million
/// times, and its text with that list written compactly (one line, under the size limit).
fn million_entry_list() -> (Curriculum, String) {
    let mut doc = curriculum(Size::LARGE);
    let rules = &mut doc.qualification.rules;
    let first = rules
        .mandatory
        .first()
        .cloned()
        .unwrap_or_else(|| "u0".into());
    rules.mandatory = vec![first.clone(); 1_000_000];
    let mut base = doc.clone();
    base.qualification.rules.mandatory = vec![first.clone()];
    let one = format!("mandatory: [\n                \"{first}\",\n            ]");
    let million = format!("mandatory: [{}]", format!("\"{first}\",").repeat(1_000_000));
    let text = store::to_string(&base).replacen(&one, &million, 1);
    (doc, text)
}

fn repeated_entries(c: &mut Criterion) {
    let (doc, text) = million_entry_list();
    let path = Path::new("million.ron");
    c.bench_function("load a 1,000,000-entry mandatory list", |b| {
        b.iter(|| store::from_str(black_box(&text), path))
    });
    c.bench_function("check a 1,000,000-entry mandatory list", |b| {
        b.iter(|| analysis::check(black_box(&doc)))
    });
}

fn store_benches(c: &mut Criterion) {
    repeated_entries(c);
    measure(c, "large", &curriculum(Size::LARGE));
    let shipped = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../curricula/medtech-htq.ron");
    if let Ok(doc) = store::load(&shipped) {
        measure(c, "medtech-htq", &doc);
    }
}

criterion_group!(benches, store_benches);
criterion_main!(benches);
