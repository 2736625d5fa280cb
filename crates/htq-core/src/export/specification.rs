//! The specification document: what an awarding body publishes for a qualification. Cover,
//! contents, summary, structure (rules of combination and unit tables), one section per unit,
//! then the KSB mapping appendix. Turns the curriculum into typesetting blocks and lays them
//! out so the contents show the pages where the headings really landed.

use super::fonts::{Face, Fonts};
use super::furniture::add_running_heads;
use super::pdf::{Metadata, render};
use super::table::{Table, cell};
use super::typeset::{ACCENT, Block, Bookmark, Geometry, Layout, MUTED, Para, TextStyle, lay_out};
use super::{ExportError, PdfOptions, appendix, minutes, structure};
use crate::model::{CriterionNumbers, Curriculum, Unit, outcome_label};
use crate::words::counted;
use std::collections::HashMap;

/// The specification PDF of `doc` (or of one unit, see `PdfOptions::unit`).
pub fn specification_pdf(doc: &Curriculum, options: &PdfOptions) -> Result<Vec<u8>, ExportError> {
    let fonts = Fonts::load()?;
    let layout = specification_layout(fonts, doc, options)?;
    let qualification = &doc.qualification;
    let metadata = Metadata {
        title: fonts.clean(&qualification.title),
        author: fonts.clean(&qualification.awarding_body),
        subject: format!("Specification: {}", fonts.clean(&qualification.title)),
        keywords: vec![
            "Higher Technical Qualification".into(),
            "specification".into(),
            qualification.kind.label().into(),
            format!("Level {}", qualification.level),
        ],
        created: options.created,
    };
    render(&layout, Geometry::A4, &metadata)
}

/// The placed pages of the specification, running heads included.
pub(crate) fn specification_layout(
    fonts: &Fonts,
    doc: &Curriculum,
    options: &PdfOptions,
) -> Result<Layout, ExportError> {
    let mut writer = Writer {
        fonts,
        blocks: Vec::new(),
    };
    match &options.unit {
        Some(number) => {
            let (index, unit) = doc
                .units
                .iter()
                .enumerate()
                .find(|(_, unit)| unit.number.trim() == number.trim())
                .ok_or_else(|| ExportError::UnitNotFound(number.clone()))?;
            writer.unit(doc, index, unit, 0);
        }
        None => writer.whole(doc, options.include_minutes),
    }
    let geometry = Geometry::A4;
    let mut layout = lay_out_with_contents(fonts, geometry, &writer.blocks);
    let title = fonts.clean(&doc.qualification.title);
    let footer = [
        doc.qualification.issue.trim(),
        doc.qualification.issue_date.trim(),
    ]
    .iter()
    .filter(|part| !part.is_empty())
    .map(|part| fonts.clean(part))
    .collect::<Vec<_>>()
    .join(" – ");
    let skip_cover = options.unit.is_none();
    add_running_heads(fonts, &mut layout, geometry, &title, &footer, skip_cover);
    Ok(layout)
}

/// Lays out `blocks` so that contents lines show the pages their headings land on. The body
/// after the contents (everything from the page break that ends them) is laid out once on
/// its own; only the cover and contents are laid out again as the page numbers become
/// known, and the body is moved back by the number of pages they take.
pub(crate) fn lay_out_with_contents(fonts: &Fonts, geometry: Geometry, blocks: &[Block]) -> Layout {
    let body_start = blocks
        .iter()
        .rposition(|block| matches!(block, Block::Contents { .. }))
        .and_then(|last| {
            let after = blocks.get(last..)?;
            let page_break = after
                .iter()
                .position(|block| matches!(block, Block::PageBreak))?;
            Some(last + page_break + 1)
        });
    let Some((front, body)) = body_start.and_then(|start| blocks.split_at_checked(start)) else {
        return lay_out(fonts, geometry, blocks, &HashMap::new());
    };
    let body = lay_out(fonts, geometry, body, &HashMap::new());
    let mut numbers = HashMap::new();
    let mut front_layout = lay_out(fonts, geometry, front, &numbers);
    for _ in 0..4 {
        let front_pages = front_layout.pages.len().saturating_sub(1);
        let landed: HashMap<String, usize> = front_layout
            .anchors
            .iter()
            .map(|(anchor, page)| (anchor.clone(), page + 1))
            .chain(
                body.anchors
                    .iter()
                    .map(|(anchor, page)| (anchor.clone(), front_pages + page + 1)),
            )
            .collect();
        if landed == numbers {
            break;
        }
        numbers = landed;
        front_layout = lay_out(fonts, geometry, front, &numbers);
    }
    match front_layout.pages.pop() {
        Some(last) if last.items.is_empty() => {
            let front_pages = front_layout.pages.len();
            let mut layout = front_layout;
            layout.pages.extend(body.pages);
            layout.anchors.extend(
                body.anchors
                    .into_iter()
                    .map(|(anchor, page)| (anchor, front_pages + page)),
            );
            layout
                .bookmarks
                .extend(body.bookmarks.into_iter().map(|bookmark| Bookmark {
                    page: front_pages + bookmark.page,
                    ..bookmark
                }));
            layout
        }
        _ => lay_out(fonts, geometry, blocks, &numbers),
    }
}

/// The blocks of the whole specification, as the PDF sets them (the HTML page is made from
/// the same blocks, so the two never differ in what they say).
pub(crate) fn specification_blocks(
    fonts: &Fonts,
    doc: &Curriculum,
    with_minutes: bool,
) -> Vec<Block> {
    let mut writer = Writer {
        fonts,
        blocks: Vec::new(),
    };
    writer.whole(doc, with_minutes);
    writer.blocks
}

/// Anchor of the unit at `index`.
pub(crate) fn unit_anchor(index: usize) -> String {
    format!("unit-{index}")
}

/// Collects blocks, cleaning every piece of curriculum text on the way in.
pub(crate) struct Writer<'a> {
    pub fonts: &'a Fonts,
    pub blocks: Vec<Block>,
}

impl Writer<'_> {
    pub fn clean(&self, text: &str) -> String {
        self.fonts.clean(text.trim())
    }

    pub fn heading(&mut self, level: u8, text: &str, anchor: Option<String>, outline: Option<u8>) {
        let text = self.clean(text);
        self.blocks.push(Block::Heading {
            level,
            text,
            anchor,
            outline,
        });
    }

    pub fn para(&mut self, para: Para) {
        let text = self.clean(&para.text);
        let lead = self.clean(&para.lead);
        self.blocks.push(Block::Para(Para { text, lead, ..para }));
    }

    /// Body paragraphs, one per non-empty line of `text`.
    pub fn prose(&mut self, text: &str) {
        for line in text.lines().filter(|line| !line.trim().is_empty()) {
            self.para(Para::body(line));
        }
    }

    pub fn table(&mut self, mut table: Table) {
        for row in &mut table.rows {
            for paras in row.iter_mut() {
                for para in paras.iter_mut() {
                    para.text = self.fonts.clean(para.text.trim());
                    para.lead = self.fonts.clean(para.lead.trim());
                }
            }
        }
        self.blocks.push(Block::Table(table));
    }

    fn contents(&mut self, level: u8, text: &str, anchor: String) {
        let text = self.clean(text);
        self.blocks.push(Block::Contents {
            level,
            text,
            anchor,
        });
    }

    fn whole(&mut self, doc: &Curriculum, with_minutes: bool) {
        self.cover(doc);
        self.contents_page(doc, with_minutes);
        self.summary(doc);
        self.structure(doc);
        self.blocks.push(Block::PageBreak);
        self.heading(1, "3 Units", Some("units".into()), Some(0));
        self.prose(if doc.units.is_empty() {
            "The qualification has no units yet."
        } else {
            "Each unit sets out its learning outcomes, essential content and the criteria learners must meet for a Pass, Merit or Distinction."
        });
        for (index, unit) in doc.units.iter().enumerate() {
            if index > 0 {
                self.blocks.push(Block::PageBreak);
            }
            self.unit(doc, index, unit, 1);
        }
        appendix::write(self, doc);
        if with_minutes {
            minutes::write(self, doc, minutes::APPENDIX_TITLE);
        }
    }

    fn cover(&mut self, doc: &Curriculum) {
        let q = &doc.qualification;
        let big = TextStyle::new(Face::Bold, 26.0, ACCENT);
        let sub = TextStyle::new(Face::Regular, 14.0, ACCENT);
        self.blocks.push(Block::Gap(0.0));
        self.para(Para::styled(
            q.awarding_body.as_str(),
            TextStyle::new(Face::Bold, 12.0, MUTED),
        ));
        self.blocks.push(Block::Gap(150.0));
        self.para(Para::styled(q.title.as_str(), big));
        self.para(Para::styled(
            format!("{} · Level {}", q.kind.label(), q.level),
            sub,
        ));
        self.para(Para::styled("Specification", sub.with_face(Face::Italic)));
        self.blocks.push(Block::Gap(60.0));
        let facts = [
            ("Awarding body", q.awarding_body.clone()),
            ("Total credits", q.total_credits.to_string()),
            ("Issue", q.issue.clone()),
            ("Date of issue", q.issue_date.clone()),
        ];
        for (label, value) in facts {
            if !value.trim().is_empty() {
                self.para(Para {
                    space_after: 3.0,
                    ..Para::labelled(label, value, 110.0)
                });
            }
        }
        self.blocks.push(Block::PageBreak);
    }

    fn contents_page(&mut self, doc: &Curriculum, with_minutes: bool) {
        self.heading(1, "Contents", None, Some(0));
        self.contents(1, "1 Qualification summary", "summary".into());
        self.contents(1, "2 Qualification structure", "structure".into());
        self.contents(1, "3 Units", "units".into());
        for (index, unit) in doc.units.iter().enumerate() {
            self.contents(2, &unit_title(unit), unit_anchor(index));
        }
        self.contents(1, "Appendix: KSB mapping", "appendix".into());
        for (index, standard) in doc.standards.iter().enumerate() {
            let title = format!("{} {}", standard.reference, standard.title);
            self.contents(2, &title, appendix::standard_anchor(index));
        }
        if with_minutes {
            self.contents(1, minutes::APPENDIX_TITLE, minutes::ANCHOR.into());
        }
        self.blocks.push(Block::PageBreak);
    }

    fn summary(&mut self, doc: &Curriculum) {
        let q = &doc.qualification;
        self.heading(
            1,
            "1 Qualification summary",
            Some("summary".into()),
            Some(0),
        );
        let mut facts = Table::new(&[0.32, 0.68], &[]);
        facts.shade_first_column = true;
        facts.push_texts(&["Qualification".into(), q.title.clone()]);
        let tqt = u64::from(q.total_credits) * 10;
        facts.push_texts(&["Type".into(), q.kind.label().into()]);
        facts.push_texts(&["Level".into(), q.level.to_string()]);
        facts.push_texts(&["Total credits".into(), q.total_credits.to_string()]);
        facts.push_texts(&[
            "Total qualification time".into(),
            counted(tqt, "hour", "hours"),
        ]);
        facts.push_texts(&["Number of units".into(), doc.units.len().to_string()]);
        self.table(facts);
        let sections = [
            ("Purpose", &q.purpose),
            ("Who the qualification is for", &q.audience),
            ("Progression", &q.progression),
        ];
        for (title, text) in sections {
            if !text.trim().is_empty() {
                self.heading(2, title, None, None);
                self.prose(text);
            }
        }
        if !doc.standards.is_empty() {
            self.heading(2, "Occupational standards", None, None);
            self.prose("The qualification is designed to align with these occupational standards:");
            for standard in &doc.standards {
                let mut text = format!("{} (Level {}", standard.title, standard.level);
                if !standard.version.trim().is_empty() {
                    text.push_str(&format!(", version {}", standard.version));
                }
                text.push(')');
                text.push_str(if standard.illustrative {
                    ". Knowledge, skills and behaviours written for illustration."
                } else {
                    ". Knowledge, skills and behaviours quoted from the published standard \
                     (contains public sector information licensed under the Open Government \
                     Licence v3.0)."
                });
                if !standard.summary.trim().is_empty() {
                    text.push_str(&format!(" {}", standard.summary.trim()));
                }
                self.para(Para::labelled(standard.reference.as_str(), text, 52.0));
            }
        }
    }

    fn structure(&mut self, doc: &Curriculum) {
        let rules = &doc.qualification.rules;
        self.blocks.push(Block::PageBreak);
        self.heading(
            1,
            "2 Qualification structure",
            Some("structure".into()),
            Some(0),
        );
        self.heading(2, "Rules of combination", None, None);
        for sentence in structure::rules_in_words(doc) {
            self.para(Para::bullet(sentence));
        }
        self.blocks.push(Block::Gap(6.0));
        self.table(structure::rules_table(doc));
        let mandatory: Vec<&Unit> = doc
            .units
            .iter()
            .filter(|u| doc.is_mandatory(&u.id))
            .collect();
        self.heading(2, "Mandatory units", None, None);
        if mandatory.is_empty() {
            self.prose(
                "There are no mandatory units: every unit is chosen from the optional groups.",
            );
        } else {
            self.table(unit_table(&mandatory));
        }
        for group in &rules.groups {
            self.heading(2, &group.title, None, None);
            self.prose(&structure::group_bounds(group));
            let units: Vec<&Unit> = group.units.iter().filter_map(|id| doc.unit(id)).collect();
            self.table(unit_table(&units));
        }
    }

    /// One unit's section; `depth` is its outline depth (1 under "Units", 0 when alone).
    fn unit(&mut self, doc: &Curriculum, index: usize, unit: &Unit, depth: u8) {
        self.heading(1, &unit_title(unit), Some(unit_anchor(index)), Some(depth));
        let mut facts = vec![
            format!("Level {}", unit.level),
            counted(unit.credits, "credit", "credits"),
            format!("{} GLH", unit.glh),
            unit.theme.label().to_owned(),
        ];
        facts.push(if doc.is_mandatory(&unit.id) {
            "Mandatory".into()
        } else {
            "Optional".into()
        });
        if !unit.regulator_code.trim().is_empty() {
            facts.push(format!("Unit code {}", unit.regulator_code.trim()));
        }
        self.para(Para {
            space_after: 8.0,
            ..Para::styled(
                facts.join("  |  "),
                TextStyle {
                    colour: MUTED,
                    ..TextStyle::BODY.with_face(Face::Bold)
                },
            )
        });
        if !unit.introduction.trim().is_empty() {
            self.heading(2, "Introduction", None, None);
            self.prose(&unit.introduction);
        }
        if !unit.outcomes.is_empty() {
            self.heading(2, "Learning outcomes", None, None);
            self.prose("By the end of this unit students will be able to:");
            for (o, outcome) in unit.outcomes.iter().enumerate() {
                self.para(Para {
                    space_after: 3.0,
                    ..Para::labelled(outcome_label(o), outcome.text.as_str(), 30.0)
                });
            }
        }
        self.essential_content(unit);
        self.criteria(unit);
        if !unit.resources.is_empty() {
            self.heading(2, "Recommended resources", None, None);
            for resource in &unit.resources {
                self.para(Para {
                    space_after: 3.0,
                    ..Para::labelled(resource.kind.label(), resource.text.as_str(), 62.0)
                });
            }
        }
        let links: Vec<String> = unit
            .links
            .iter()
            .filter_map(|id| doc.unit(id))
            .map(unit_title)
            .collect();
        if !links.is_empty() {
            self.heading(2, "Links to other units", None, None);
            self.prose("This unit links to:");
            for link in links {
                self.para(Para::bullet(link));
            }
        }
    }

    fn essential_content(&mut self, unit: &Unit) {
        if unit.outcomes.iter().all(|o| o.content.is_empty()) {
            return;
        }
        self.heading(2, "Essential content", None, None);
        for (o, outcome) in unit.outcomes.iter().enumerate() {
            self.heading(
                3,
                &format!("{} {}", outcome_label(o), outcome.text.trim()),
                None,
                None,
            );
            for topic in &outcome.content {
                let style = TextStyle::BODY.with_face(Face::BoldItalic);
                self.para(Para {
                    space_after: 2.0,
                    keep_with_next: true,
                    ..Para::styled(topic.heading.as_str(), style)
                });
                for point in &topic.points {
                    self.para(Para::bullet(point.as_str()));
                }
                self.blocks.push(Block::Gap(4.0));
            }
        }
    }

    fn criteria(&mut self, unit: &Unit) {
        if unit.outcomes.is_empty() {
            return;
        }
        self.heading(2, "Learning outcomes and assessment criteria", None, None);
        let numbers = CriterionNumbers::of(unit);
        let mut table = Table::new(
            &[0.25, 0.27, 0.24, 0.24],
            &["Learning outcome", "Pass", "Merit", "Distinction"],
        );
        table.shade_first_column = true;
        for (o, outcome) in unit.outcomes.iter().enumerate() {
            let mut row = vec![vec![Para {
                lead_face: Face::Bold,
                ..Para::labelled(outcome_label(o), outcome.text.as_str(), 24.0)
                    .restyled(cell("").style)
            }]];
            for band in crate::model::Band::ALL {
                let paras = outcome
                    .criteria
                    .iter()
                    .filter(|c| c.band == band)
                    .map(|c| Para {
                        space_after: 4.0,
                        ..Para::labelled(numbers.get(&c.id), c.text.as_str(), 20.0)
                            .restyled(cell("").style)
                    })
                    .collect();
                row.push(paras);
            }
            table.rows.push(row);
        }
        self.table(table);
    }
}

impl Para {
    /// The same paragraph in another text style (the lead keeps its face).
    pub fn restyled(self, style: TextStyle) -> Self {
        Self { style, ..self }
    }
}

/// "Unit 4017: Title".
pub(crate) fn unit_title(unit: &Unit) -> String {
    format!("Unit {}: {}", unit.number.trim(), unit.title.trim())
}

fn unit_table(units: &[&Unit]) -> Table {
    let mut table = Table::new(
        &[0.1, 0.42, 0.09, 0.1, 0.09, 0.2],
        &["Unit", "Title", "Level", "Credits", "GLH", "Theme"],
    );
    for unit in units {
        table.push_texts(&[
            unit.number.clone(),
            unit.title.clone(),
            unit.level.to_string(),
            unit.credits.to_string(),
            unit.glh.to_string(),
            unit.theme.label().into(),
        ]);
    }
    table
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::synthetic::{Size, curriculum};
    use std::path::Path;

    #[test]
    fn contents_and_body_laid_out_apart_match_one_pass_over_everything() {
        let fonts = Fonts::load().unwrap();
        let shipped = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../curricula/medtech-htq.ron");
        let shipped = crate::store::load(&shipped).unwrap();
        for doc in [shipped, curriculum(Size::LARGE)] {
            let mut writer = Writer {
                fonts,
                blocks: Vec::new(),
            };
            writer.whole(&doc, true);
            let apart = lay_out_with_contents(fonts, Geometry::A4, &writer.blocks);
            let numbers = apart
                .anchors
                .iter()
                .map(|(anchor, page)| (anchor.clone(), page + 1))
                .collect();
            let whole = lay_out(fonts, Geometry::A4, &writer.blocks, &numbers);
            assert!(apart.pages.len() > 20);
            assert_eq!(apart.pages, whole.pages);
            assert_eq!(apart.anchors, whole.anchors);
            assert_eq!(apart.bookmarks, whole.bookmarks);
        }
    }
}
