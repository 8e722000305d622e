//! The `taizhang` command: parses the command line, runs one command, maps the outcome to an
//! exit code (0 success, 1 findings of error severity or a failed verification, 2 usage errors
//! and failures to write output).

mod cmd;

use clap::FromArgMatches;
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

/// The allocator: jemalloc, which gives freed pages back to the system at once
/// ([`MALLOC_CONF`]). With glibc's, a reader's long run of short-lived rows among a few
/// long-lived things per unit left its arenas fragmented and growing.
#[cfg(not(target_env = "msvc"))]
#[global_allocator]
static GLOBAL: tikv_jemallocator::Jemalloc = tikv_jemallocator::Jemalloc;

/// jemalloc's options, read before `main`: freed pages are purged at once rather than kept
/// for reuse for ten seconds (which, with the rows of a city's ledger going by, held tens of
/// megabytes freed but not given back).
#[cfg(not(target_env = "msvc"))]
#[unsafe(export_name = "_rjem_malloc_conf")]
static MALLOC_CONF: &[u8; 34] = b"dirty_decay_ms:0,muzzy_decay_ms:0\0";

fn main() -> ExitCode {
    #[cfg(unix)]
    default_sigpipe();
    taizhang::crash::install_hook();
    clean_up_on_interrupt();
    let args: Vec<std::ffi::OsString> = std::env::args_os().collect();
    let lang = cmd::words::wanted(&args);
    let mut command = cmd::words::command(lang);
    if lang == taizhang::Lang::Zh
        && let Some(help) = cmd::words::help_asked(&mut command, &args)
    {
        return match help {
            Ok(text) => {
                print!("{text}");
                ExitCode::SUCCESS
            }
            Err(text) => {
                eprint!("{text}");
                ExitCode::from(2)
            }
        };
    }
    let parsed = command
        .try_get_matches_from_mut(&args)
        .and_then(|m| cmd::Cli::from_arg_matches(&m));
    let cli = match parsed {
        Ok(c) => c,
        Err(e) => {
            use clap::error::ErrorKind;
            return match e.kind() {
                ErrorKind::DisplayHelp if lang == taizhang::Lang::Zh => {
                    print!("{}", cmd::words::help_text(&e.render().to_string()));
                    ExitCode::SUCCESS
                }
                ErrorKind::DisplayHelp | ErrorKind::DisplayVersion => {
                    let _ = e.print();
                    ExitCode::SUCCESS
                }
                ErrorKind::DisplayHelpOnMissingArgumentOrSubcommand => {
                    let _ = e.print();
                    ExitCode::from(2)
                }
                _ if lang == taizhang::Lang::Zh => {
                    eprint!("{}", cmd::words::usage_error(&e, &mut command, &args));
                    ExitCode::from(2)
                }
                _ => {
                    let _ = e.print();
                    ExitCode::from(2)
                }
            };
        }
    };
    match cmd::run(cli) {
        Ok(code) => ExitCode::from(code),
        Err(e) => {
            let text = cmd::words::error_text(&e, lang);
            let label = lang.pick("错误", "error");
            eprintln!(
                "taizhang: {label}: {}",
                taizhang::output::terminal_text(&text)
            );
            ExitCode::from(2)
        }
    }
}
