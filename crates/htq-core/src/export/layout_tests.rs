//! Tests of the placed pages: margins, pagination rules, contents numbers, hostile content.

use super::PdfOptions;
use super::fonts::Fonts;
use super::specification::specification_layout;
use super::table::{Table, cell};
use super::typeset::{Block, Geometry, Item, Layout, Para, lay_out};
use crate::model::synthetic::{Size, curriculum};
use crate::model::{Band, ContentTopic, Criterion, Curriculum, LearningOutcome, Unit};
use std::collections::HashMap;

fn fonts() -> &'static Fonts {
    Fonts::load().unwrap()
}

/// Every text box lies inside the page's side margins, and body text inside the text area.
fn assert_inside_margins(layout: &Layout, geometry: Geometry) {
    let left = geometry.side - 0.01;
    let right = geometry.width - geometry.side + 0.01;
    for (page, items) in layout.pages.iter().enumerate() {
        for item in &items.items {
            match item {
                Item::Text {
                    x,
                    y,
                    width,
                    text,
                    style,
                } => {
                    assert!(
                        *x >= left && x + width <= right,
                        "page {page}: {text:?} at {x}+{width}"
                    );
                    let running_head = style.size < 9.0;
                    let inside = *y > geometry.top && *y <= geometry.bottom;
                    assert!(inside || running_head, "page {page}: {text:?} at y {y}");
                }
                Item::Fill { x, width, .. } | Item::Link { x, width, .. } => {
                    assert!(
                        *x >= left && x + width <= right,
                        "page {page}: box at {x}+{width}"
                    );
                }
                Item::Rule { x, x2, .. } => assert!(*x >= left && *x2 <= right),
            }
        }
    }
}

fn texts(layout: &Layout, page: usize) -> Vec<(f32, String)> {
    layout.pages[page]
        .items
        .iter()
        .filter_map(|item| match item {
            Item::Text { y, text, .. } => Some((*y, text.clone())),
            _ => None,
        })
        .collect()
}

fn hostile() -> Curriculum {
    let mut doc = curriculum(Size {
        units: 200,
        outcomes_per_unit: 2,
        criteria_per_outcome: 3,
        standards: 1,
        ksbs_per_standard: 10,
        mappings: 50,
    });
    let huge_word = "Ω".repeat(5000);
    let long_field = "word ".repeat(2000);
    doc.qualification.title = format!("Title {huge_word}");
    doc.qualification.purpose = long_field.clone();
    let unit = &mut doc.units[0];
    unit.title = format!("Emoji 🚀🎓 and שלום עולם and مرحبا {huge_word}");
    unit.introduction = long_field.clone();
    unit.outcomes[0].text = huge_word.clone();
    unit.outcomes[0].criteria[0].text = format!("{long_field} {huge_word}");
    unit.outcomes[0].content = vec![ContentTopic {
        id: "hostile-topic".into(),
        heading: huge_word.clone(),
        points: vec![long_field, String::new()],
    }];
    doc.units[1] = Unit {
        id: doc.units[1].id.clone(),
        number: String::new(),
        ..Default::default()
    };
    doc
}

#[test]
fn hostile_content_stays_inside_the_margins() {
    let fonts = fonts();
    let doc = hostile();
    let layout = specification_layout(fonts, &doc, &PdfOptions::default()).unwrap();
    assert!(layout.pages.len() > 400);
    assert_inside_margins(&layout, Geometry::A4);
    let body: Vec<String> = (0..layout.pages.len())
        .flat_map(|p| texts(&layout, p))
        .map(|t| t.1)
        .collect();
    assert!(
        body.iter().any(|t| t.contains("Emoji and")),
        "emoji dropped, text kept"
    );
}

#[test]
fn contents_numbers_are_the_pages_where_headings_land() {
    let fonts = fonts();
    let doc = curriculum(Size::LARGE);
    let layout = specification_layout(fonts, &doc, &PdfOptions::default()).unwrap();
    for (index, unit) in doc.units.iter().enumerate() {
        let title = format!("Unit {}: {}", unit.number, unit.title);
        let page = layout.anchors[&format!("unit-{index}")];
        assert!(
            texts(&layout, page).iter().any(|(_, t)| *t == title),
            "{title} not on page {page}"
        );
        let contents_line = (1..4)
            .flat_map(|p| texts(&layout, p))
            .position(|(_, t)| t == title);
        assert!(contents_line.is_some(), "{title} missing from contents");
    }
    let contents: Vec<String> = (1..4)
        .flat_map(|p| texts(&layout, p))
        .map(|t| t.1)
        .collect();
    let first_unit_page = (layout.anchors["unit-0"] + 1).to_string();
    let at = contents
        .iter()
        .position(|t| t == "Unit 4001: Synthetic Unit 1")
        .unwrap();
    assert_eq!(
        contents[at + 2],
        first_unit_page,
        "title, leader, then page number"
    );
    assert_inside_margins(&layout, Geometry::A4);
}

#[test]
fn a_heading_is_never_last_on_its_page() {
    let fonts = fonts();
    let geometry = Geometry::A4;
    let mut blocks = Vec::new();
    for n in 0..40 {
        blocks.push(Block::Heading {
            level: 2,
            text: format!("Heading {n}"),
            anchor: None,
            outline: None,
        });
        blocks.push(Block::Para(Para::body(
            "A paragraph of body text. ".repeat(n % 7 + 1),
        )));
    }
    let layout = lay_out(fonts, geometry, &blocks, &HashMap::new());
    assert!(layout.pages.len() > 1);
    for page in 0..layout.pages.len() {
        let last = texts(&layout, page).last().cloned().unwrap();
        assert!(
            !last.1.starts_with("Heading"),
            "page {page} ends with {last:?}"
        );
    }
}

#[test]
fn no_topic_sub_heading_ends_a_page_and_no_paragraph_leaves_one_line_over() {
    let fonts = fonts();
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../../curricula");
    for name in ["medtech-htq.ron", "medtech-htq-draft.ron"] {
        let doc = crate::store::load(&path.join(name)).unwrap();
        let layout = specification_layout(fonts, &doc, &PdfOptions::default()).unwrap();
        let topics: std::collections::HashSet<&str> = doc
            .units
            .iter()
            .flat_map(|u| &u.outcomes)
            .flat_map(|o| &o.content)
            .map(|t| t.heading.trim())
            .collect();
        for (page, placed) in layout.pages.iter().enumerate() {
            // The body's last line: the last text above the footer (running heads are small).
            let last = placed.items.iter().rev().find_map(|item| match item {
                Item::Text { text, style, .. } if style.size >= 9.0 => Some(text.as_str()),
                _ => None,
            });
            if let Some(last) = last {
                assert!(
                    !topics.contains(last.trim()),
                    "{name}: page {} ends with the sub-heading {last:?}",
                    page + 1
                );
            }
        }
    }
    // A long paragraph that would break with one line over goes over with two, wherever on
    // the page it starts.
    let geometry = Geometry::A4;
    let room = (geometry.bottom - geometry.top) as usize;
    for gap in (0..room).step_by(2) {
        let blocks = vec![
            Block::Para(Para::body("First line.")),
            Block::Gap(gap as f32),
            Block::Para(Para::body("Word ".repeat(120))),
        ];
        let layout = lay_out(fonts, geometry, &blocks, &HashMap::new());
        if layout.pages.len() > 1 {
            assert!(
                texts(&layout, 1).len() != 1,
                "one line over after a gap of {gap}"
            );
        }
    }
}

#[test]
fn table_header_repeats_and_rows_never_split_through_a_line() {
    let fonts = fonts();
    let geometry = Geometry::A4;
    let mut table = Table::new(&[0.3, 0.7], &["Code", "Statement"]);
    for n in 0..60 {
        table.rows.push(vec![
            vec![cell(&format!("K{n}"))],
            vec![cell(&"Long statement text. ".repeat(n % 9 + 1))],
        ]);
    }
    table.rows.push(vec![
        vec![cell("Giant")],
        vec![cell(&"Giant row text. ".repeat(900))],
    ]);
    let layout = lay_out(fonts, geometry, &[Block::Table(table)], &HashMap::new());
    assert!(layout.pages.len() > 3);
    for page in 0..layout.pages.len() {
        let lines = texts(&layout, page);
        assert_eq!(lines[0].1, "Code", "page {page} starts with the header");
        assert_eq!(lines[1].1, "Statement");
        for (y, text) in &lines {
            assert!(
                *y <= geometry.bottom,
                "page {page}: {text:?} below the text area at {y}"
            );
        }
    }
    for page in 0..layout.pages.len() - 1 {
        let codes: Vec<String> = texts(&layout, page)
            .into_iter()
            .map(|t| t.1)
            .filter(|t| t.starts_with('K'))
            .collect();
        let next: Vec<String> = texts(&layout, page + 1)
            .into_iter()
            .map(|t| t.1)
            .filter(|t| t.starts_with('K'))
            .collect();
        if let (Some(last), Some(first)) = (codes.last(), next.first()) {
            assert_ne!(
                last,
                first,
                "row {last} split across pages {page} and {}",
                page + 1
            );
        }
    }
    assert_inside_margins(&layout, geometry);
}

#[test]
fn one_unit_alone() {
    let fonts = fonts();
    let mut doc = curriculum(Size::LARGE);
    doc.units[3].outcomes = vec![LearningOutcome {
        id: "x".into(),
        text: "Explain “quotes” – dashes, café".into(),
        content: Vec::new(),
        criteria: vec![Criterion {
            id: "c".into(),
            band: Band::Merit,
            text: "Assess things".into(),
        }],
    }];
    let options = PdfOptions {
        unit: Some(doc.units[3].number.clone()),
        ..PdfOptions::default()
    };
    let layout = specification_layout(fonts, &doc, &options).unwrap();
    let all: Vec<String> = (0..layout.pages.len())
        .flat_map(|p| texts(&layout, p))
        .map(|t| t.1)
        .collect();
    assert!(all.contains(&"Unit 4004: Synthetic Unit 4".to_owned()));
    assert!(all.contains(&"M1".to_owned()));
    assert!(!all.iter().any(|t| t.contains("Synthetic Unit 5")));
    let missing = PdfOptions {
        unit: Some("9999".into()),
        ..PdfOptions::default()
    };
    assert!(specification_layout(fonts, &doc, &missing).is_err());
}

proptest::proptest! {
    #![proptest_config(proptest::prelude::ProptestConfig::with_cases(24))]
    #[test]
    fn any_text_stays_inside_the_margins(
        texts in proptest::collection::vec("\\PC{0,400}", 1..8),
        cell_text in "\\PC{0,600}",
    ) {
        let fonts = fonts();
        let clean: Vec<String> = texts.iter().map(|t| fonts.clean(t)).collect();
        let mut blocks: Vec<Block> = clean
            .iter()
            .flat_map(|t| {
                [
                    Block::Heading { level: 2, text: t.clone(), anchor: None, outline: None },
                    Block::Para(Para::bullet(t.clone())),
                ]
            })
            .collect();
        let mut table = Table::new(&[0.2, 0.8], &["A", "B"]);
        table.rows.push(vec![vec![cell(&fonts.clean(&cell_text))], vec![cell(&clean.join(" "))]]);
        blocks.push(Block::Table(table));
        let layout = lay_out(fonts, Geometry::A4, &blocks, &HashMap::new());
        assert_inside_margins(&layout, Geometry::A4);
    }
}
