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

/// The allocator: jemalloc, its freed pages given back to the system by [`give_back_freed`].
/// With glibc's, a reader's long run of short-lived rows among a few long-lived things per unit
/// left its arenas fragmented and growing.
#[cfg(not(windows))]
#[global_allocator]
static GLOBAL: tikv_jemallocator::Jemalloc = tikv_jemallocator::Jemalloc;

/// Gives the pages the program has freed back to the system every `every`, on a thread of its
/// own, for as long as the program runs.
///
/// jemalloc keeps freed pages for reuse for ten seconds; over a city's 2,500,000 rows going by
/// that held tens of megabytes freed but not given back, and the most held grew with the run.
/// Giving them back the moment they are freed (`dirty_decay_ms:0`) kept memory flat but made
/// the commands 10–45 % slower, paying a system call and fresh pages for each batch of rows
/// freed and allocated again. Every 20 ms, what was freed and not yet reused goes back: memory
/// nearly as flat (1–5 MiB more at 5,000 units), at the speed of keeping it (BENCHMARKS.md).
/// jemalloc's control that purges every arena's freed pages (4096 is its `MALLCTL_ARENAS_ALL`).
#[cfg(not(windows))]
const PURGE_ALL_ARENAS: &std::ffi::CStr = c"arena.4096.purge";

#[cfg(not(windows))]
fn give_back_freed(every: std::time::Duration) {
    let spawned = std::thread::Builder::new()
        .name("give-back-freed".into())
        .spawn(move || {
            loop {
                std::thread::sleep(every);
                // SAFETY: the purge control takes and returns nothing (null pointers, zero
                // length) and may be called from any thread.
                let failed = unsafe {
                    tikv_jemalloc_sys::mallctl(
                        PURGE_ALL_ARENAS.as_ptr(),
                        std::ptr::null_mut(),
                        std::ptr::null_mut(),
                        std::ptr::null_mut(),
                        0,
                    )
                } != 0;
                // A control jemalloc refuses once refuses always: the thread ends.
                if failed {
                    break;
                }
            }
        });
    // Without the thread the program runs as well, only holding more memory.
    drop(spawned);
}

#[cfg(windows)]
fn give_back_freed(_every: std::time::Duration) {}

/// How often freed pages go back: 20 ms while a command works through its inputs; once a
/// second for `serve`, which mostly waits.
fn give_back_period(cli: &cmd::Cli) -> std::time::Duration {
    match cli.command {
        Some(cmd::Command::Serve(_)) => std::time::Duration::from_secs(1),
        _ => std::time::Duration::from_millis(20),
    }
}

fn main() -> ExitCode {
    // Chinese in a Windows console window, whatever its code page; given back at the end.
    let _console = cmd::desktop::utf8_console();
    let code = run();
    // The window Explorer opened stays until its lines are read.
    cmd::desktop::wait_before_closing(cmd::words::wanted_here());
    code
}

fn run() -> ExitCode {
    #[cfg(unix)]
    default_sigpipe();
    taizhang::crash::install_hook();
    clean_up_on_interrupt();
    let args: Vec<std::ffi::OsString> = std::env::args_os().collect();
    let lang = taizhang::Lang::asked(&args);
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
                    print!(
                        "{}",
                        taizhang::messages::cli::help_text_zh(&e.render().to_string())
                    );
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
    give_back_freed(give_back_period(&cli));
    match cmd::run(cli) {
        Ok(code) => ExitCode::from(code),
        Err(e) => {
            let text = cmd::words::error_text(&e, lang);
            eprintln!(
                "{}",
                taizhang::output::terminal_text(&taizhang::messages::run::failed(&text, lang))
            );
            ExitCode::from(2)
        }
    }
}
