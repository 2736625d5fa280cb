//! `htq-studio`: with no subcommand, the GUI; otherwise the command line (see `cli`).

fn main() -> std::process::ExitCode {
    htq_studio::cli::main()
}
