//! Specification PDF export: the shipped medtech curriculum and the large synthetic one
//! (60 units, 1,200 criteria). Targets: under 50 ms and under 300 ms in release.

use criterion::{Criterion, criterion_group, criterion_main};
use htq_core::export::{PdfOptions, specification_pdf};
use htq_core::model::synthetic::{Size, curriculum};
use std::hint::black_box;
use std::path::Path;

fn export(c: &mut Criterion) {
    let options = PdfOptions::default();
    let shipped = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../curricula/medtech-htq.ron");
    match htq_core::store::load(&shipped) {
        Ok(doc) => {
            if let Ok(pdf) = specification_pdf(&doc, &options) {
                println!("medtech-htq.ron: {} bytes", pdf.len());
            }
            c.bench_function("specification_pdf medtech-htq.ron", |b| {
                b.iter(|| specification_pdf(black_box(&doc), &options))
            });
        }
        Err(error) => eprintln!("skipping the shipped curriculum: {error}"),
    }
    let large = curriculum(Size::LARGE);
    if let Ok(pdf) = specification_pdf(&large, &options) {
        println!("synthetic LARGE: {} bytes", pdf.len());
    }
    let mut group = c.benchmark_group("large");
    group.sample_size(20);
    group.bench_function("specification_pdf synthetic LARGE (60 units)", |b| {
        b.iter(|| specification_pdf(black_box(&large), &options))
    });
    group.finish();
}

criterion_group!(benches, export);
criterion_main!(benches);
