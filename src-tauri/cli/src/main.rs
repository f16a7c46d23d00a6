//! `roundtable`: the plan store from the command line, for scripts, tests and
//! organisers who prefer a terminal. Human-readable output by default, JSON
//! with `--json`; errors go to stderr with a non-zero exit.

mod args;
mod render;
mod run;

use clap::Parser;
use std::io::Write;
use std::process::ExitCode;

fn main() -> ExitCode {
    let cli = args::Cli::parse();
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
            if cli.json {
                eprintln!("{}", serde_json::to_string(&error).unwrap_or_else(|_| error.message.clone()));
            } else {
                eprintln!("roundtable: {}", error.message);
            }
            ExitCode::FAILURE
        }
    }
}
