//! The KSB mapping appendix: for every standard, each knowledge, skill and behaviour with the
//! units and learning outcomes that cover it, how fully, and whether every pathway a learner
//! may take through the qualification covers it (from `analysis::pathway_report`).

use super::specification::Writer;
use super::table::{Table, cell};
use super::typeset::{Block, Para};
use crate::analysis::{PathwayStatus, pathway_report};
use crate::model::{Coverage, Curriculum, KsbId, OutcomeId, outcome_label};
use crate::words::counted;
use std::collections::HashMap;

/// Anchor of the standard at `index`.
pub(crate) fn standard_anchor(index: usize) -> String {
    format!("standard-{index}")
}

/// What the pathway column says for a status.
fn pathway_label(status: &PathwayStatus) -> &'static str {
    match status {
        PathwayStatus::Mandatory => "All pathways",
        PathwayStatus::SomePathways { .. } => "Some pathways (gap)",
        PathwayStatus::Uncovered => "Not covered",
    }
}

/// Writes the appendix.
pub(crate) fn write(writer: &mut Writer<'_>, doc: &Curriculum) {
    writer.blocks.push(Block::PageBreak);
    writer.heading(1, "Appendix: KSB mapping", Some("appendix".into()), Some(0));
    if doc.standards.is_empty() {
        writer.prose("The qualification is not yet mapped to an occupational standard.");
        return;
    }
    let report = pathway_report(doc);
    let pathways: HashMap<&KsbId, &PathwayStatus> =
        report.ksbs.iter().map(|k| (&k.ksb, &k.status)).collect();
    let everywhere = report
        .ksbs
        .iter()
        .filter(|k| k.status == PathwayStatus::Mandatory)
        .count();
    writer.prose(&format!(
        "This appendix maps each knowledge (K), skill (S) and behaviour (B) statement of the \
         occupational standards to the learning outcomes that teach it. “Coverage” says whether \
         some outcome covers the statement fully or only in part. “Pathways” says whether every \
         combination of units a learner may take under the rules of combination covers it \
         (“All pathways”), only some do (“Some pathways (gap)”), or no unit covers it. \
         {everywhere} of {} covered in every pathway.",
        counted(report.ksbs.len(), "statement is", "statements are")
    ));
    if !report.any_valid_programme {
        writer.para(Para::body(
            "No combination of units satisfies the rules of combination, so pathway coverage \
             cannot be shown; check the structure section.",
        ));
    }
    let outcomes: HashMap<&OutcomeId, (usize, usize)> = doc
        .units
        .iter()
        .enumerate()
        .flat_map(|(u, unit)| {
            unit.outcomes
                .iter()
                .enumerate()
                .map(move |(o, lo)| (&lo.id, (u, o)))
        })
        .collect();
    let mut covering: HashMap<&KsbId, Vec<(usize, usize, Coverage)>> = HashMap::new();
    for mapping in &doc.mappings {
        if let Some(&(u, o)) = outcomes.get(&mapping.outcome) {
            covering
                .entry(&mapping.ksb)
                .or_default()
                .push((u, o, mapping.coverage));
        }
    }
    for (index, standard) in doc.standards.iter().enumerate() {
        let title = format!("{} {}", standard.reference.trim(), standard.title.trim());
        writer.heading(2, &title, Some(standard_anchor(index)), Some(1));
        let mut table = Table::new(
            &[0.08, 0.38, 0.26, 0.12, 0.16],
            &[
                "KSB",
                "Statement",
                "Units and outcomes",
                "Coverage",
                "Pathways",
            ],
        );
        for ksb in &standard.ksbs {
            let mut places = covering.get(&ksb.id).cloned().unwrap_or_default();
            places.sort_by_key(|(u, o, _)| (*u, *o));
            let coverage = if places.iter().any(|p| p.2 == Coverage::Full) {
                "Full"
            } else if places.is_empty() {
                "Not covered"
            } else {
                "Partial"
            };
            let units: Vec<Para> = places
                .iter()
                .filter_map(|&(u, o, level)| {
                    let unit = doc.units.get(u)?;
                    let partial = if level == Coverage::Partial {
                        " (partial)"
                    } else {
                        ""
                    };
                    Some(Para {
                        space_after: 1.0,
                        ..cell(&format!(
                            "{} {}{partial}",
                            unit.number.trim(),
                            outcome_label(o)
                        ))
                    })
                })
                .collect();
            let pathway = match doc.out_of_scope(&ksb.id) {
                Some(entry) => format!("Out of scope: {}", entry.reason.trim()),
                None => pathways
                    .get(&ksb.id)
                    .map_or("Not covered", |s| pathway_label(s))
                    .to_owned(),
            };
            table.rows.push(vec![
                vec![cell(&ksb.code)],
                vec![cell(&ksb.text)],
                if units.is_empty() {
                    vec![cell("–")]
                } else {
                    units
                },
                vec![cell(coverage)],
                vec![cell(&pathway)],
            ]);
        }
        writer.table(table);
    }
}
