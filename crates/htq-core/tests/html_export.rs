//! The specification as a web page: valid HTML (Debian's `tidy` reports neither errors nor
//! warnings), one `h1`, headings that never skip a level, landmarks, every contents link
//! landing on a heading, tables with scoped header cells, and every unit, outcome and
//! criterion of both shipped curricula in the text, markup in curriculum text shown as text.

use htq_core::export::specification_html;
use htq_core::model::Curriculum;
use std::collections::HashSet;
use std::path::Path;
use std::process::Command;

fn shipped(name: &str) -> Curriculum {
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../../curricula")
        .join(name);
    htq_core::store::load(&path).expect("the shipped curriculum loads")
}

/// What `tidy` says about `html` (errors and warnings), and its exit status.
fn tidy(html: &str) -> (String, Option<i32>) {
    let dir = tempfile::tempdir().expect("a folder");
    let path = dir.path().join("spec.html");
    std::fs::write(&path, html).expect("written");
    let output = Command::new("tidy")
        .args(["-q", "-o", "/dev/null"])
        .arg(&path)
        .output()
        .expect("tidy (Debian package tidy) is needed for this test");
    (
        String::from_utf8_lossy(&output.stderr).into_owned(),
        output.status.code(),
    )
}

/// The values of `attribute="..."` in `html`.
fn attributes<'a>(html: &'a str, attribute: &str) -> Vec<&'a str> {
    let marker = format!("{attribute}=\"");
    html.match_indices(&marker)
        .filter_map(|(at, _)| {
            let rest = &html[at + marker.len()..];
            rest.find('"').map(|end| &rest[..end])
        })
        .collect()
}

#[test]
fn both_shipped_specifications_are_valid_accessible_pages_holding_every_word() {
    for name in ["medtech-htq.ron", "medtech-htq-draft.ron"] {
        let doc = shipped(name);
        let html = specification_html(&doc).expect("the page is made");
        let (said, status) = tidy(&html);
        assert_eq!((said.as_str(), status), ("", Some(0)), "{name}");

        assert!(html.starts_with("<!DOCTYPE html>\n<html lang=\"en-GB\">"));
        for landmark in [
            "<header>",
            "<nav aria-labelledby=\"contents\">",
            "<main>",
            "<footer>",
        ] {
            assert!(html.contains(landmark), "{name}: {landmark}");
        }
        assert_eq!(html.matches("<h1>").count(), 1, "{name}: one h1");
        let mut last = 1;
        for (at, _) in html.match_indices("<h") {
            let Some(rank) = html[at + 2..].chars().next().and_then(|c| c.to_digit(10)) else {
                continue;
            };
            assert!(rank <= last + 1, "{name}: h{last} then h{rank} at {at}");
            last = rank;
        }
        let ids: HashSet<&str> = attributes(&html, "id").into_iter().collect();
        for link in attributes(&html, "href") {
            let target = link.strip_prefix('#').expect("links stay in the page");
            assert!(ids.contains(target), "{name}: #{target} lands nowhere");
        }
        assert!(html.contains("<th scope=\"col\">Pass</th><th scope=\"col\">Merit</th>"));
        assert!(
            !html.contains("<th>"),
            "{name}: every header cell has a scope"
        );

        let text = html
            .replace("&#39;", "'")
            .replace("&amp;", "&")
            .replace("&quot;", "\"");
        for unit in &doc.units {
            assert!(text.contains(unit.title.trim()), "{name}: {}", unit.title);
            for outcome in &unit.outcomes {
                assert!(
                    text.contains(outcome.text.trim()),
                    "{name}: {}",
                    outcome.text
                );
                for criterion in &outcome.criteria {
                    assert!(
                        text.contains(criterion.text.trim()),
                        "{name}: {}",
                        criterion.text
                    );
                }
            }
        }
    }
}

#[test]
fn markup_in_the_curriculum_is_text_on_the_page() {
    let mut doc = shipped("medtech-htq.ron");
    doc.units[0].title = "<script>alert(1)</script> & <b>bold</b>".into();
    let html = specification_html(&doc).expect("the page is made");
    assert!(!html.contains("<script>") && !html.contains("<b>"));
    assert!(html.contains("&lt;script&gt;alert(1)&lt;/script&gt; &amp; &lt;b&gt;bold&lt;/b&gt;"));
    assert_eq!(tidy(&html).1, Some(0));
}
