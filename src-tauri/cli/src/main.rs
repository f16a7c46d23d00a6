//! `roundtable`: the plan store from the command line, for scripts, tests and
//! organisers who prefer a terminal. Human-readable output by default, JSON
//! with `--json`; errors go to stderr with a non-zero exit.

mod args;
mod objects;
mod refs;
mod render;
mod run;

use clap::Parser;
use clap::error::ErrorKind as ClapErrorKind;
use roundtable_core::{ApiError, ErrorKind};
use std::io::Write;
use std::process::ExitCode;

fn report(error: &ApiError, json: bool) {
    if json {
        eprintln!("{}", serde_json::to_string(error).unwrap_or_else(|_| error.message.clone()));
    } else {
        eprintln!("roundtable: {}", error.message);
    }
}

/// The command as another program's busy message names it: its words
/// (`roundtable import participants`), never the values it was given.
fn command_words() -> String {
    let matches = <args::Cli as clap::CommandFactory>::command().try_get_matches().ok();
    let mut words = vec!["roundtable".to_owned()];
    let mut at = matches.as_ref();
    while let Some((name, sub)) = at.and_then(clap::ArgMatches::subcommand) {
        words.push(name.to_owned());
        at = Some(sub);
    }
    format!("`{}`", words.join(" "))
}

fn main() -> ExitCode {
    let cli = match args::Cli::try_parse() {
        Ok(cli) => cli,
        // A command line that does not parse is a validation error like any
        // other under --json; help and version are printed as clap prints them.
        Err(error)
            if std::env::args().any(|a| a == "--json")
                && !matches!(error.kind(), ClapErrorKind::DisplayHelp | ClapErrorKind::DisplayVersion) =>
        {
            let message =
                error.render().to_string().lines().next().unwrap_or_default().trim_start_matches("error: ").to_owned();
            report(&ApiError { kind: ErrorKind::Validation, message, field: None, problems: Vec::new() }, true);
            return ExitCode::from(2);
        }
        Err(error) => error.exit(),
    };
    roundtable_core::holders::set_program(command_words());
    match run::run(&cli) {
        Ok(output) => {
            if !output.is_empty() {
                match writeln!(std::io::stdout().lock(), "{output}") {
                    Ok(()) => {}
                    // A reader that stopped early (`| head`) is not an error of ours.
                    Err(error) if error.kind() == std::io::ErrorKind::BrokenPipe => {}
                    Err(error) => {
                        eprintln!("roundtable: cannot write the output: {error}");
                        return ExitCode::FAILURE;
                    }
                }
            }
            ExitCode::SUCCESS
        }
        Err(error) => {
            report(&error, cli.json);
            ExitCode::FAILURE
        }
    }
}
