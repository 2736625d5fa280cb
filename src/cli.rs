//! The command line: with no subcommand it opens the editor window; `check` and `fmt` run the
//! same store and analysis code as the window, for scripts and CI over folders of curricula.
//!
//! Adding a subcommand is one variant of [`Command`] with its arguments, one function taking
//! those arguments and a [`Console`], and one arm in [`main`]. Nothing here panics on bad
//! input: every failure is a message and an exit code.

use crate::analysis::{self, Severity};
use crate::store;
use clap::{Args, Parser, Subcommand};
use std::io::{self, Write};
use std::path::PathBuf;
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
        let loaded = store::read(path).and_then(|text| {
            let doc = store::from_str(&text, path)?;
            Ok((text, doc))
        });
        let (text, doc) = match loaded {
            Ok(loaded) => loaded,
            Err(error) => {
                console.complain(format_args!("error: {error}"));
                failed += 1;
                continue;
            }
        };
        if text == store::to_string(&doc) {
            continue;
        }
        if args.check {
            console.say(format_args!("would reformat {}", path.display()));
            would_change += 1;
        } else if let Err(error) = store::save(path, &doc) {
            console.complain(format_args!("error: {error}"));
            failed += 1;
        } else {
            console.say(format_args!("formatted {}", path.display()));
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

/// `1 error`, `3 errors`.
fn counted(n: usize, one: &str, many: &str) -> String {
    format!("{n} {}", if n == 1 { one } else { many })
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
