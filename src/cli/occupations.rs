//! `claim`, `unclaim` and `report`: the occupations a qualification is submitted against, and
//! how every valid programme reaches them.

use super::{ClaimArgs, Console, FOUND_PROBLEMS, ReportArgs, UNUSABLE, UnclaimArgs, tell_notes};
use crate::analysis::{self, Location, Severity};
use crate::model::{Claim, Curriculum, Edit, Standard};
use crate::store;
use crate::words::counted;
use std::process::ExitCode;

/// `claim FILE ST0950 [--option TITLE]...`: sets the claim on that standard, saves, and prints
/// what the check now says about it (a level that does not suit, an option still to name).
pub(super) fn claim(args: &ClaimArgs, console: &mut Console) -> ExitCode {
    rewrite_claims(&args.file, console, |doc| {
        let standard = find_standard(doc, &args.standard)?;
        let options = args
            .options
            .iter()
            .map(|title| option_title(standard, title))
            .collect::<Result<Vec<_>, _>>()?;
        if options.is_empty() && !standard.options.is_empty() {
            return Err(format!(
                "{} is a core-and-options standard: name the option claimed with --option \
                 (one of {})",
                standard.reference.trim(),
                quoted_titles(standard)
            ));
        }
        let id = standard.id.clone();
        let done = match options.as_slice() {
            [] => format!("claimed {}", standard.reference.trim()),
            _ => format!(
                "claimed {} with {}",
                standard.reference.trim(),
                options
                    .iter()
                    .map(|o| format!("\"{o}\""))
                    .collect::<Vec<_>>()
                    .join(", ")
            ),
        };
        let mut claims = doc.qualification.claims.clone();
        let claim = Claim {
            standard: id.clone(),
            options,
        };
        match claims.iter_mut().find(|c| c.standard == id) {
            Some(existing) => *existing = claim,
            None => claims.push(claim),
        }
        Ok((claims, done))
    })
}

/// `unclaim FILE ST0950`: drops the claim; the standard stays for reference.
pub(super) fn unclaim(args: &UnclaimArgs, console: &mut Console) -> ExitCode {
    rewrite_claims(&args.file, console, |doc| {
        let standard = find_standard(doc, &args.standard)?;
        let claims = &doc.qualification.claims;
        if !claims.iter().any(|c| c.standard == standard.id) {
            return Err(format!(
                "the qualification does not claim {}",
                standard.reference.trim()
            ));
        }
        let kept = claims
            .iter()
            .filter(|c| c.standard != standard.id)
            .cloned()
            .collect();
        Ok((
            kept,
            format!(
                "unclaimed {}; it stays in the file for reference",
                standard.reference.trim()
            ),
        ))
    })
}

/// Reads `path` holding it against other commands, replaces its claims with what `change`
/// makes of the document, saves, and prints what the check says at the standards claimed.
fn rewrite_claims(
    path: &std::path::Path,
    console: &mut Console,
    change: impl FnOnce(&Curriculum) -> Result<(Vec<Claim>, String), String>,
) -> ExitCode {
    let changed = store::Rewrite::open(path)
        .map_err(|error| error.to_string())
        .and_then(|rewrite| {
            let mut doc = rewrite.curriculum().map_err(|error| error.to_string())?;
            let (claims, done) = change(&doc)?;
            doc.apply(Edit::SetClaims(claims))
                .map_err(|error| format!("cannot change the claims: {error}"))?;
            let written = rewrite.save(&doc, &[]).map_err(|error| error.to_string())?;
            Ok((doc, written, done))
        });
    let (doc, written, done) = match changed {
        Ok(changed) => changed,
        Err(message) => {
            console.complain(format_args!("error: {}: {message}", path.display()));
            return ExitCode::from(UNUSABLE);
        }
    };
    tell_notes(console, &written);
    console.say(format_args!("{done}"));
    for finding in analysis::check(&doc) {
        let at_claim = match &finding.location {
            Location::Standard(id) => doc.qualification.claims.iter().any(|c| &c.standard == id),
            Location::Qualification => finding.kind == analysis::FindingKind::Coverage,
            _ => false,
        };
        if at_claim {
            console.say(format_args!("{}: {}", finding.severity, finding.message));
        }
    }
    console.say(format_args!("saved {}", path.display()));
    ExitCode::SUCCESS
}

/// `report FILE`: one line per claimed occupation, then whether some programme reaches none;
/// exits as `check` would.
pub(super) fn report(args: &ReportArgs, console: &mut Console) -> ExitCode {
    let doc = match store::load(&args.file) {
        Ok(doc) => doc,
        Err(error) => {
            console.complain(format_args!("error: {error}"));
            return ExitCode::from(UNUSABLE);
        }
    };
    let analysis = analysis::analyse(&doc);
    if analysis.occupations.occupations.is_empty() {
        console.say(format_args!(
            "{} claims no occupation: claim one with `htq-studio claim {} REFERENCE`",
            args.file.display(),
            args.file.display()
        ));
    }
    for entry in &analysis.occupations.occupations {
        console.say(format_args!(
            "{}: {}",
            entry.occupation.name,
            entry.summary(&doc)
        ));
    }
    let several = analysis.occupations.occupations.len() > 1;
    match analysis.occupations.reaching_none {
        Some(0) | None => {}
        Some(_) if !several => {}
        Some(none) => console.say(format_args!(
            "{} reach none of the claimed occupations",
            counted(none, "valid programme", "valid programmes")
        )),
    }
    let errors = analysis
        .findings
        .iter()
        .filter(|f| f.severity == Severity::Error)
        .count();
    if errors > 0 {
        console.say(format_args!(
            "{} in all: run `htq-studio check {}` for the list",
            counted(errors, "error", "errors"),
            args.file.display()
        ));
        ExitCode::from(FOUND_PROBLEMS)
    } else {
        ExitCode::SUCCESS
    }
}

/// The standard of `doc` whose reference (or id) is `reference`, ignoring case and spaces.
fn find_standard<'a>(doc: &'a Curriculum, reference: &str) -> Result<&'a Standard, String> {
    let wanted = reference.trim();
    doc.standards
        .iter()
        .find(|s| s.reference.trim().eq_ignore_ascii_case(wanted))
        .or_else(|| doc.standards.iter().find(|s| s.id.as_str() == wanted))
        .ok_or_else(|| {
            let references: Vec<&str> = doc.standards.iter().map(|s| s.reference.trim()).collect();
            if references.is_empty() {
                format!("there is no standard {wanted} in the file (it has none; add one with import-standard)")
            } else {
                format!(
                    "there is no standard {wanted} in the file (it has {})",
                    references.join(", ")
                )
            }
        })
}

/// The title of `standard`'s option written `title` (ignoring case and spaces).
fn option_title(standard: &Standard, title: &str) -> Result<String, String> {
    let wanted = title.trim();
    standard
        .options
        .iter()
        .find(|o| o.title.trim().eq_ignore_ascii_case(wanted))
        .map(|o| o.title.clone())
        .ok_or_else(|| match standard.options.as_slice() {
            [] => format!("{} has no options", standard.reference.trim()),
            _ => format!(
                "{} has no option \"{wanted}\" (it has {})",
                standard.reference.trim(),
                quoted_titles(standard)
            ),
        })
}

/// The titles of `standard`'s options, quoted and listed.
fn quoted_titles(standard: &Standard) -> String {
    standard
        .options
        .iter()
        .map(|o| format!("\"{}\"", o.title.trim()))
        .collect::<Vec<_>>()
        .join(", ")
}
