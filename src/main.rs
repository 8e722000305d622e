//! The `taizhang` command: parses the command line, runs one command, maps the outcome to an
//! exit code (0 success, 1 findings of error severity or a failed verification, 2 usage errors
//! and failures to write output).

mod cmd;

use clap::Parser;
use std::process::ExitCode;

fn main() -> ExitCode {
    taizhang::crash::install_hook();
    let cli = match cmd::Cli::try_parse() {
        Ok(c) => c,
        Err(e) => {
            let _ = e.print();
            return match e.kind() {
                clap::error::ErrorKind::DisplayHelp | clap::error::ErrorKind::DisplayVersion => {
                    ExitCode::SUCCESS
                }
                _ => ExitCode::from(2),
            };
        }
    };
    match cmd::run(cli) {
        Ok(code) => ExitCode::from(code),
        Err(e) => {
            eprintln!("taizhang: error: {e:#}");
            ExitCode::from(2)
        }
    }
}
