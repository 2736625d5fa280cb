//! The command line: with no subcommand it opens the editor window; `check` and `fmt` run the
//! same store and analysis code as the window, for scripts and CI over folders of curricula.
//!
//! Adding a subcommand is one variant of [`Command`] with its arguments, one function taking
//! those arguments and a [`Console`], and one arm in [`main`]. Nothing here panics on bad
//! input: every failure is a message and an exit code.

mod occupations;

use crate::analysis::{self, Severity};
use crate::store;
use crate::words::counted;
use crate::{export, import};
use clap::{Args, Parser, Subcommand};
use occupations::{claim, report, unclaim};
use std::io::{self, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

/// Exit code when a check found errors or `fmt --check` found files to rewrite.
const FOUND_PROBLEMS: u8 = 1;
/// Exit code when a file could not be read, parsed or written, or the arguments were wrong.
const UNUSABLE: u8 = 2;

/// Design Higher Technical Qualifications: units, outcomes, KSB mapping and pathway coverage.
#[derive(Debug, Parser)]
#[command(name = "htq-studio", version, args_conflicts_with_subcommands = true)]
struct Cli {
    #[command(subcommand)]
    command: Option<Command>,
    /// Curriculum file (.ron) to open in the editor.
    file: Option<PathBuf>,
    /// Open in workshop mode: large type for a panel meeting on a projector.
    #[arg(long)]
    workshop: bool,
}

#[derive(Debug, Subcommand)]
enum Command {
    /// Check curricula and print every error, warning and hint.
    ///
    /// Exit code 0: no errors; 1: errors found; 2: a file could not be read.
    Check(CheckArgs),
    /// Rewrite curricula in canonical form (comments are not kept).
    ///
    /// Exit code 0: done; 1 (with --check): some files would change; 2: a file could not be
    /// read or written.
    Fmt(FmtArgs),
    /// Add an occupational standard to a curriculum, or update it to a newer version.
    ///
    /// Reads a standards API record (.json) or a spreadsheet saved as CSV with columns
    /// code,kind,text. On an update, mappings whose KSBs still exist are kept and the others
    /// are listed. Exit code 0: saved; 2: a file could not be read, merged or written.
    ImportStandard(ImportStandardArgs),
    /// Write exports of a curriculum.
    ///
    /// Exit code 0: written; 1: the PDF could not be put together; 2: a file could not be
    /// read or written.
    Export(ExportArgs),
    /// Claim an occupation: the qualification is submitted against this standard (and, for a
    /// core-and-options standard, the options named); its coverage is then checked.
    ///
    /// Claiming a standard already claimed replaces its options. Exit code 0: saved; 2: the
    /// file could not be read or written, or it has no such standard or option.
    Claim(ClaimArgs),
    /// Stop claiming an occupation: the standard stays in the file for reference only.
    ///
    /// Exit code 0: saved; 2: the file could not be read or written, or does not claim it.
    Unclaim(UnclaimArgs),
    /// Print one line per claimed occupation: met in every pathway, or in how many, with a
    /// programme that misses it.
    ///
    /// Exit code 0: no errors; 1: `check` finds errors; 2: the file could not be read.
    Report(ReportArgs),
}

#[derive(Debug, Args)]
struct ClaimArgs {
    /// Curriculum file (.ron); it is saved in place.
    file: PathBuf,
    /// Reference of a standard in the file, such as ST0220.
    standard: String,
    /// An option the qualification claims, by its title (repeat for several).
    #[arg(long = "option", value_name = "TITLE")]
    options: Vec<String>,
}

#[derive(Debug, Args)]
struct UnclaimArgs {
    /// Curriculum file (.ron); it is saved in place.
    file: PathBuf,
    /// Reference of the claimed standard, such as ST0220.
    standard: String,
}

#[derive(Debug, Args)]
struct ReportArgs {
    /// Curriculum file (.ron) to report on.
    file: PathBuf,
}

#[derive(Debug, Args)]
struct CheckArgs {
    /// Curriculum files to check.
    #[arg(required = true)]
    files: Vec<PathBuf>,
}

#[derive(Debug, Args)]
struct FmtArgs {
    /// Only list the files that are not in canonical form; change nothing.
    #[arg(long)]
    check: bool,
    /// Curriculum files to rewrite.
    #[arg(required = true)]
    files: Vec<PathBuf>,
}

#[derive(Debug, Args)]
struct ImportStandardArgs {
    /// The standard: a .json record from the standards API or a .csv (code,kind,text).
    file: PathBuf,
    /// Curriculum file (.ron) to add the standard to; it is saved in place.
    #[arg(long, value_name = "CURRICULUM.ron")]
    into: PathBuf,
    /// Reference such as ST0220: names a CSV's standard, or picks a record from a JSON list.
    #[arg(long)]
    reference: Option<String>,
    /// Title of the occupation, for a CSV (default: from the file name).
    #[arg(long)]
    title: Option<String>,
    /// Level of the standard, for a CSV (default: from the file name, else 4).
    #[arg(long, value_parser = clap::value_parser!(u8).range(1..=8))]
    level: Option<u8>,
    /// Print what would change without saving.
    #[arg(long)]
    dry_run: bool,
}

#[derive(Debug, Args)]
#[command(group(clap::ArgGroup::new("output").required(true).multiple(true)))]
struct ExportArgs {
    /// Curriculum file (.ron) to export.
    file: PathBuf,
    /// Write the KSB mapping spreadsheet here (CSV, UTF-8 with a byte order mark for Excel).
    #[arg(long, value_name = "OUT.csv", group = "output")]
    mapping_csv: Option<PathBuf>,
    /// Write the qualification-structure workbook here (units, rules of combination, credit
    /// totals), as approval bodies ask for it.
    #[arg(long, value_name = "OUT.xlsx", group = "output")]
    structure_xlsx: Option<PathBuf>,
    /// Write the KSB-mapping workbook here: a sheet per claimed occupation, a row per KSB.
    #[arg(long, value_name = "OUT.xlsx", group = "output")]
    mapping_xlsx: Option<PathBuf>,
    /// Write the specification PDF here.
    #[arg(long, value_name = "OUT.pdf", group = "output")]
    pdf: Option<PathBuf>,
    /// Write the specification as one accessible web page here.
    #[arg(long, value_name = "OUT.html", group = "output")]
    html: Option<PathBuf>,
    /// Write the qualification as a 1EdTech CASE 1.1 package (JSON) here.
    #[arg(long, value_name = "OUT.json", group = "output")]
    case: Option<PathBuf>,
    /// Only this unit in the PDF, by its number (e.g. 4017).
    #[arg(long, value_name = "NUMBER", requires = "pdf")]
    unit: Option<String>,
    /// Append the panel's minutes to the specification PDF as an appendix.
    #[arg(long, requires = "pdf", conflicts_with = "unit")]
    with_minutes: bool,
    /// Write the panel's minutes (attendance, decisions, open actions) here as a PDF.
    #[arg(long, value_name = "OUT.pdf", group = "output")]
    minutes: Option<PathBuf>,
}

/// Where a command prints: results to `out`, problems with files to `err`.
///
/// Printing never fails a command: if the reader went away (`| head`), output just stops.
pub struct Console<'a> {
    out: &'a mut dyn Write,
    err: &'a mut dyn Write,
}

impl Console<'_> {
    /// Prints a line of results.
    fn say(&mut self, line: std::fmt::Arguments<'_>) {
        let _ = writeln!(self.out, "{line}");
    }

    /// Prints a line about a problem.
    fn complain(&mut self, line: std::fmt::Arguments<'_>) {
        let _ = writeln!(self.err, "{line}");
    }
}

/// Parses the command line and runs it.
pub fn main() -> ExitCode {
    let cli = match Cli::try_parse() {
        Ok(cli) => cli,
        Err(error) => {
            let _ = error.print();
            return if error.use_stderr() {
                ExitCode::from(UNUSABLE)
            } else {
                ExitCode::SUCCESS
            };
        }
    };
    let (mut stdout, mut stderr) = (io::stdout(), io::stderr());
    let mut console = Console {
        out: &mut stdout,
        err: &mut stderr,
    };
    match cli.command {
        None => open_editor(cli.file, cli.workshop, &mut console),
        Some(Command::Check(args)) => check(&args, &mut console),
        Some(Command::Fmt(args)) => fmt(&args, &mut console),
        Some(Command::ImportStandard(args)) => import_standard(&args, &mut console),
        Some(Command::Export(args)) => export(&args, &mut console),
        Some(Command::Claim(args)) => claim(&args, &mut console),
        Some(Command::Unclaim(args)) => unclaim(&args, &mut console),
        Some(Command::Report(args)) => report(&args, &mut console),
    }
}

/// Opens the editor window.
fn open_editor(file: Option<PathBuf>, workshop: bool, console: &mut Console) -> ExitCode {
    match crate::app::run(file, workshop) {
        Ok(()) => ExitCode::SUCCESS,
        Err(message) => {
            console.complain(format_args!("error: {message}"));
            ExitCode::from(FOUND_PROBLEMS)
        }
    }
}

/// `check FILE...`: one line per finding, `LEVEL: FILE: PLACE: MESSAGE`, then a summary.
fn check(args: &CheckArgs, console: &mut Console) -> ExitCode {
    let mut counts = [0usize; Severity::ALL.len()];
    let mut unreadable = 0;
    for path in &args.files {
        let doc = match store::load(path) {
            Ok(doc) => doc,
            Err(error) => {
                console.complain(format_args!("error: {error}"));
                unreadable += 1;
                continue;
            }
        };
        for finding in analysis::check(&doc) {
            console.say(format_args!(
                "{}: {}: {}: {}",
                finding.severity,
                path.display(),
                finding.location.describe(&doc),
                finding.message
            ));
            if let Some(slot) = Severity::ALL.iter().position(|s| *s == finding.severity) {
                counts[slot] += 1;
            }
        }
    }
    let [errors, warnings, hints] = counts;
    console.say(format_args!(
        "{}, {}, {}",
        counted(errors, "error", "errors"),
        counted(warnings, "warning", "warnings"),
        counted(hints, "hint", "hints")
    ));
    if unreadable > 0 {
        console.complain(format_args!(
            "{} could not be read",
            counted(unreadable, "file", "files")
        ));
        ExitCode::from(UNUSABLE)
    } else if errors > 0 {
        ExitCode::from(FOUND_PROBLEMS)
    } else {
        ExitCode::SUCCESS
    }
}

/// `fmt [--check] FILE...`: rewrites each file in canonical form, or lists those that differ.
fn fmt(args: &FmtArgs, console: &mut Console) -> ExitCode {
    let mut would_change = 0;
    let mut failed = 0;
    for path in &args.files {
        let outcome = if args.check {
            check_canonical(path)
        } else {
            rewrite_canonical(path)
        };
        match outcome {
            Ok(Formatted::Already) => {}
            Ok(Formatted::WouldChange) => {
                console.say(format_args!("would reformat {}", path.display()));
                would_change += 1;
            }
            Ok(Formatted::Rewritten(written)) => {
                tell_notes(console, &written);
                console.say(format_args!("formatted {}", path.display()));
            }
            Err(message) => {
                console.complain(format_args!("error: {message}"));
                failed += 1;
            }
        }
    }
    if failed > 0 {
        ExitCode::from(UNUSABLE)
    } else if would_change > 0 {
        ExitCode::from(FOUND_PROBLEMS)
    } else {
        ExitCode::SUCCESS
    }
}

/// What `fmt` did to one file.
enum Formatted {
    /// It was in canonical form already.
    Already,
    /// It is not in canonical form (`--check`).
    WouldChange,
    /// It was rewritten.
    Rewritten(store::Written),
}

/// Whether the file at `path` is in canonical form; changes nothing.
fn check_canonical(path: &Path) -> Result<Formatted, String> {
    let text = store::read(path).map_err(|error| error.to_string())?;
    let doc = store::from_str(&text, path).map_err(|error| error.to_string())?;
    Ok(if text == store::to_string(&doc) {
        Formatted::Already
    } else {
        Formatted::WouldChange
    })
}

/// Rewrites the file at `path` in canonical form, holding it against other commands meanwhile.
fn rewrite_canonical(path: &Path) -> Result<Formatted, String> {
    let rewrite = store::Rewrite::open(path).map_err(|error| error.to_string())?;
    let doc = rewrite.curriculum().map_err(|error| error.to_string())?;
    if rewrite.text() == store::to_string(&doc) {
        return Ok(Formatted::Already);
    }
    let written = rewrite.save(&doc, &[]).map_err(|error| error.to_string())?;
    Ok(Formatted::Rewritten(written))
}

/// `import-standard FILE --into CURRICULUM.ron`: merges the standard as one edit, saves the
/// curriculum (unless `--dry-run`) and prints what happened to the mappings; a save that is
/// refused prints only why.
fn import_standard(args: &ImportStandardArgs, console: &mut Console) -> ExitCode {
    let options = import::ReadOptions {
        reference: args.reference.clone(),
        title: args.title.clone(),
        level: args.level,
    };
    let merged = store::check_output(&args.into, &[&args.file])
        .map_err(|error| error.to_string())
        .and_then(|()| store::Rewrite::open(&args.into).map_err(|error| error.to_string()))
        .and_then(|rewrite| {
            let mut doc = rewrite.curriculum().map_err(|error| error.to_string())?;
            let read =
                import::read_standard_with(&args.file, &options).map_err(|e| e.to_string())?;
            let (edit, report) =
                import::import_into(&doc, read.standard).map_err(|e| e.to_string())?;
            doc.apply(edit)
                .map_err(|e| format!("cannot add the standard: {e}"))?;
            Ok((rewrite, doc, report, read.warnings))
        });
    let (rewrite, doc, report, warnings) = match merged {
        Ok(merged) => merged,
        Err(message) => {
            console.complain(format_args!("error: {message}"));
            return ExitCode::from(UNUSABLE);
        }
    };
    for warning in &warnings {
        console.complain(format_args!("warning: {}: {warning}", args.file.display()));
    }
    if args.dry_run {
        console.say(format_args!("{}", report.summary()));
        console.say(format_args!("dry run: {} not changed", args.into.display()));
        return ExitCode::SUCCESS;
    }
    match rewrite.save(&doc, &[&args.file]) {
        Ok(written) => {
            tell_notes(console, &written);
            console.say(format_args!("{}", report.summary()));
            console.say(format_args!("saved {}", args.into.display()));
            ExitCode::SUCCESS
        }
        Err(error) => {
            console.complain(format_args!("error: {error}"));
            ExitCode::from(UNUSABLE)
        }
    }
}

/// `export FILE [--mapping-csv OUT.csv] [--structure-xlsx OUT.xlsx] [--mapping-xlsx OUT.xlsx]
/// [--pdf OUT.pdf [--unit NUMBER | --with-minutes]] [--html OUT.html] [--case OUT.json]
/// [--minutes OUT.pdf]`:
/// writes each export asked for.
fn export(args: &ExportArgs, console: &mut Console) -> ExitCode {
    let outputs: Vec<&Path> = [
        &args.mapping_csv,
        &args.structure_xlsx,
        &args.mapping_xlsx,
        &args.pdf,
        &args.html,
        &args.case,
        &args.minutes,
    ]
    .into_iter()
    .flatten()
    .map(PathBuf::as_path)
    .collect();
    if let Err(message) = check_outputs(&args.file, &outputs) {
        console.complain(format_args!("error: {message}"));
        return ExitCode::from(UNUSABLE);
    }
    let doc = match store::load(&args.file) {
        Ok(doc) => doc,
        Err(error) => {
            console.complain(format_args!("error: {error}"));
            return ExitCode::from(UNUSABLE);
        }
    };
    if let Some(out) = &args.mapping_csv {
        let csv = export::mapping_csv::mapping_csv(&doc);
        if let Some(failed) = write_export(console, &args.file, out, Ok(csv.into_bytes())) {
            return failed;
        }
    }
    if let Some(out) = &args.structure_xlsx
        && let Some(failed) = write_export(console, &args.file, out, export::structure_xlsx(&doc))
    {
        return failed;
    }
    if let Some(out) = &args.mapping_xlsx
        && let Some(failed) = write_export(console, &args.file, out, export::mapping_xlsx(&doc))
    {
        return failed;
    }
    if let Some(out) = &args.pdf {
        let options = export::PdfOptions {
            unit: args.unit.clone(),
            include_minutes: args.with_minutes,
            created: Some(made_at()),
        };
        let made = export::specification_pdf(&doc, &options);
        if let Some(failed) = write_export(console, &args.file, out, made) {
            return failed;
        }
    }
    if let Some(out) = &args.html
        && let Some(failed) = write_export(
            console,
            &args.file,
            out,
            export::specification_html(&doc).map(String::into_bytes),
        )
    {
        return failed;
    }
    if let Some(out) = &args.case
        && let Some(failed) = write_export(
            console,
            &args.file,
            out,
            Ok(export::case_json(&doc, made_at()).into_bytes()),
        )
    {
        return failed;
    }
    if let Some(out) = &args.minutes
        && let Some(failed) = write_export(
            console,
            &args.file,
            out,
            export::minutes_pdf(&doc, Some(made_at())),
        )
    {
        return failed;
    }
    ExitCode::SUCCESS
}

/// When an export is made: `SOURCE_DATE_EPOCH` (seconds since 1970, the convention of
/// reproducible builds) when it is set, otherwise now.
fn made_at() -> time::OffsetDateTime {
    std::env::var("SOURCE_DATE_EPOCH")
        .ok()
        .and_then(|seconds| seconds.trim().parse::<i64>().ok())
        .and_then(|seconds| time::OffsetDateTime::from_unix_timestamp(seconds).ok())
        .unwrap_or_else(time::OffsetDateTime::now_utc)
}

/// Refuses, before anything is written, outputs that would destroy the curriculum `source`
/// (the same file by any name or link), that are no files, or that name one file twice.
fn check_outputs(source: &Path, outputs: &[&Path]) -> Result<(), String> {
    for (at, out) in outputs.iter().enumerate() {
        store::check_output(out, &[source]).map_err(|error| error.to_string())?;
        if let Some(earlier) = outputs[..at]
            .iter()
            .find(|earlier| same_place(earlier, out))
        {
            return Err(format!(
                "{} and {} are the same file; give each export its own file name",
                earlier.display(),
                out.display()
            ));
        }
    }
    Ok(())
}

/// Whether two output paths name the same place, whether or not a file is there yet.
fn same_place(a: &Path, b: &Path) -> bool {
    let existing_same = store::check_output(a, &[b])
        .is_err_and(|error| matches!(error, store::SaveError::SameAsInput { .. }));
    existing_same || place(a) == place(b)
}

/// `path` with its folder made absolute and its links resolved, where the folder exists.
fn place(path: &Path) -> Option<PathBuf> {
    let name = path.file_name()?;
    let folder = match path.parent() {
        Some(folder) if !folder.as_os_str().is_empty() => folder,
        _ => Path::new("."),
    };
    Some(std::fs::canonicalize(folder).ok()?.join(name))
}

/// Prints what the user should know about how a file was written.
fn tell_notes(console: &mut Console<'_>, written: &store::Written) {
    for note in &written.notes {
        console.complain(format_args!("note: {note}"));
    }
}

/// Writes an export made from `source` to `out` through the store's one write path, or says
/// why not; `Some(code)` when it failed.
fn write_export(
    console: &mut Console<'_>,
    source: &Path,
    out: &Path,
    made: Result<Vec<u8>, export::ExportError>,
) -> Option<ExitCode> {
    let bytes = match made {
        Ok(bytes) => bytes,
        Err(error) => {
            console.complain(format_args!("error: {}: {error}", source.display()));
            return Some(ExitCode::from(FOUND_PROBLEMS));
        }
    };
    let options = store::WriteOptions {
        inputs: &[source],
        expected: None,
    };
    match store::write_output(out, &bytes, &options) {
        Ok(written) => {
            tell_notes(console, &written);
            console.say(format_args!("wrote {}", out.display()));
            None
        }
        Err(error) => {
            console.complain(format_args!("error: {error}"));
            Some(ExitCode::from(UNUSABLE))
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use clap::CommandFactory;

    #[test]
    fn the_command_line_is_well_formed() {
        Cli::command().debug_assert();
    }

    #[test]
    fn a_file_alone_opens_the_editor() {
        let cli = Cli::try_parse_from(["htq-studio", "c.ron", "--workshop"]);
        assert!(matches!(
            cli,
            Ok(Cli {
                command: None,
                file: Some(_),
                workshop: true
            })
        ));
    }

    #[test]
    fn check_needs_a_file() {
        assert!(Cli::try_parse_from(["htq-studio", "check"]).is_err());
    }

    #[test]
    fn counts_read_naturally() {
        assert_eq!(counted(1, "error", "errors"), "1 error");
        assert_eq!(counted(0, "error", "errors"), "0 errors");
    }
}
