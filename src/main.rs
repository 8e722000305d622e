//! The `taizhang` command: parses the command line, runs one command, maps the outcome to an
//! exit code (0 success, 1 findings of error severity or a failed verification, 2 usage errors
//! and failures to write output).

mod cmd;

use clap::Parser;
use std::process::ExitCode;

/// A closed pipe (`taizhang verify … | head`) ends the program as it ends `cat`: by SIGPIPE,
/// quietly, instead of a failed write reported as an internal error.
#[cfg(unix)]
fn default_sigpipe() {
    // SAFETY: signal(2) with SIG_DFL installs no handler and is called before any thread starts.
    unsafe {
        libc::signal(libc::SIGPIPE, libc::SIG_DFL);
    }
}

/// An interruption (Ctrl-C, SIGTERM, SIGHUP) removes the temporary files of writes under way,
/// so nothing half-written is left beside the outputs, and exits 130.
fn clean_up_on_interrupt() {
    let _ = ctrlc::set_handler(|| {
        taizhang::write::remove_pending();
        std::process::exit(130);
    });
}

fn main() -> ExitCode {
    #[cfg(unix)]
    default_sigpipe();
    taizhang::crash::install_hook();
    clean_up_on_interrupt();
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
            let text = format!("{e:#}");
            eprintln!(
                "taizhang: error: {}",
                taizhang::output::terminal_text(&text)
            );
            ExitCode::from(2)
        }
    }
}
