//! Load and save speed of the file store: the large synthetic curriculum and, when present,
//! the shipped medtech curriculum. Targets in release: large load and save under 20 ms each.

use criterion::{Criterion, criterion_group, criterion_main};
use htq_studio::model::Curriculum;
use htq_studio::model::synthetic::{Size, curriculum};
use htq_studio::store;
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

fn store_benches(c: &mut Criterion) {
    measure(c, "large", &curriculum(Size::LARGE));
    let shipped = Path::new(env!("CARGO_MANIFEST_DIR")).join("curricula/medtech-htq.ron");
    if let Ok(doc) = store::load(&shipped) {
        measure(c, "medtech-htq", &doc);
    }
}

criterion_group!(benches, store_benches);
criterion_main!(benches);
