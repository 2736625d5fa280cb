//! Window benchmarks on the large synthetic curriculum (60 units, 240 outcomes, 1,200
//! criteria, 3 standards of 60 KSBs, 1,000 mappings):
//! - one edit in the unit editor: update (edit + undo history + all checks + pathway coverage)
//!   and building the view; target < 8 ms in release;
//! - one mapping edit, which changes coverage and so re-solves the pathways;
//! - building the 240 x 180 mapping matrix view, and scrolling it; target < 8 ms.

use criterion::{Criterion, criterion_group, criterion_main};
use htq_studio::app::screen::{mapping, unit};
use htq_studio::app::{App, Message, NativeDialogs, Screen};
use htq_studio::model::TextField;
use htq_studio::model::synthetic::{Size, curriculum};
use std::hint::black_box;
use std::sync::Arc;

fn large_app() -> App {
    App::with_document(curriculum(Size::LARGE), None, Arc::new(NativeDialogs))
}

fn edit(c: &mut Criterion) {
    let mut app = large_app();
    let _ = app.update(Message::Navigate(Screen::Unit("u30".into())));
    let mut n = 0u64;
    c.bench_function("gui/edit: update + checks + view (large)", |b| {
        b.iter(|| {
            n += 1;
            let _ = app.update(Message::Unit(unit::Message::Text(
                TextField::UnitTitle("u30".into()),
                format!("Synthetic Unit 31 revision {n}"),
            )));
            black_box(app.view());
        });
    });
}

fn mapping_edit(c: &mut Criterion) {
    let mut app = large_app();
    let _ = app.update(Message::Navigate(Screen::Mapping));
    c.bench_function(
        "gui/edit that changes coverage: update + re-solve + view (large)",
        |b| {
            b.iter(|| {
                let _ = app.update(Message::Mapping(mapping::Message::Cycle(
                    "u40-lo1".into(),
                    "st1-k7".into(),
                )));
                black_box(app.view());
            });
        },
    );
}

fn matrix(c: &mut Criterion) {
    let mut app = large_app();
    let _ = app.update(Message::Navigate(Screen::Mapping));
    c.bench_function("gui/mapping view 240x180 (large)", |b| {
        b.iter(|| black_box(app.view()));
    });
    let mut down = true;
    c.bench_function("gui/mapping scroll + view (large)", |b| {
        b.iter(|| {
            down = !down;
            let _ = app.update(Message::Mapping(mapping::Message::Scroll(if down {
                3
            } else {
                -3
            })));
            black_box(app.view());
        });
    });
}

criterion_group!(benches, edit, mapping_edit, matrix);
criterion_main!(benches);
