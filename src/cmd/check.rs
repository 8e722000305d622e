//! `taizhang check INPUT... [--as-of YYYY-MM-DD] [--format human|json] [--config FILE]
//! [--lang zh|en]`
//!
//! Reads every input, prints the findings grouped by file and the counters by unit (or the
//! JSON document of spec 5), and exits with 1 when there is a finding of error severity.

use crate::cmd::{ReadArgs, color_stdout};
use clap::{Args, ValueEnum};
use std::io::Write;
use std::path::PathBuf;
use taizhang::output::human;
use taizhang::run::{CheckRequest, check, require_ledgers};

/// Output format.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum Format {
    /// Findings and a table, for people.
    Human,
    /// The JSON document of spec 5, for other tools.
    Json,
}

/// Arguments of `check`.
#[derive(Debug, Args)]
pub struct CheckArgs {
    /// Ledger files or folders (a folder means every supported file below it).
    #[arg(required = true, value_name = "INPUT")]
    pub inputs: Vec<PathBuf>,
    /// Output format.
    #[arg(long, value_enum, default_value_t = Format::Human)]
    pub format: Format,
    /// Options shared with the other commands.
    #[command(flatten)]
    pub read: ReadArgs,
}

/// Runs `check`. The findings are printed (or spooled, for JSON) as the files come, in input
/// order, so that memory holds none of them; the table and the totals follow.
pub fn run(args: CheckArgs) -> anyhow::Result<u8> {
    let mut settings = args.read.settings()?;
    let req = CheckRequest {
        inputs: crate::cmd::found(&args.read, args.inputs, &mut settings)?,
        settings,
    };
    let style = human::Style {
        color: color_stdout(),
        lang: req.settings.lang,
    };
    let mut out = std::io::BufWriter::new(std::io::stdout().lock());
    let tally = if args.format == Format::Json {
        check::check_json(&req, &mut out)?
    } else {
        let mut lines = human::FindingLines::new(style);
        // A closed pipe (`| head`) is not an error worth a message: printing stops, counting not.
        let mut printing = true;
        let tally = check::check(&req, &mut |f| {
            if printing {
                printing = out.write_all(lines.next(f).as_bytes()).is_ok();
            }
            Ok(())
        })?;
        if printing {
            let _ = out.write_all(human::tail(&tally, style, lines.any()).as_bytes());
        }
        tally
    };
    let _ = out.flush();
    drop(out);
    require_ledgers(&tally, &req.settings)?;
    Ok(if tally.has_errors() { 1 } else { 0 })
}
