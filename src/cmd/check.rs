//! `taizhang check INPUT... [--as-of YYYY-MM-DD] [--format human|json] [--config FILE]
//! [--lang zh|en]`
//!
//! Reads every input, prints the findings grouped by file and the counters by community (or the
//! JSON document of spec 5), and exits with 1 when there is a finding of error severity.

use crate::cmd::{ReadArgs, color_stdout};
use anyhow::Context;
use clap::{Args, ValueEnum};
use std::io::Write;
use std::path::PathBuf;
use taizhang::output::{human, json};
use taizhang::{pipeline, tally::Tally};

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
    let settings = args.read.settings()?;
    let mut report = Tally::new(settings.as_of);
    report.keep_findings = false;
    let inputs = crate::cmd::inputs(&args.inputs, &settings, true)?;
    let style = human::Style {
        color: color_stdout(),
        lang: settings.lang,
    };
    let mut out = std::io::BufWriter::new(std::io::stdout().lock());
    if args.format == Format::Json {
        let report = json_of(&inputs, &settings, &mut out)?;
        let _ = out.flush();
        drop(out);
        if report.ledgers == 0 {
            return Err(crate::cmd::no_ledger(&report, &settings));
        }
        return Ok(if report.has_errors() { 1 } else { 0 });
    }
    let mut lines = human::FindingLines::new(style);
    // A closed pipe (`| head`) is not an error worth a message: printing stops, counting not.
    let mut printing = true;
    count(&inputs, &settings, &mut report, &mut |f| {
        if printing {
            printing = out.write_all(lines.next(f).as_bytes()).is_ok();
        }
        Ok(())
    })?;
    if printing {
        let _ = out.write_all(human::tail(&report, style, lines.any()).as_bytes());
    }
    let _ = out.flush();
    drop(out);
    if report.ledgers == 0 {
        return Err(crate::cmd::no_ledger(&report, &settings));
    }
    Ok(if report.has_errors() { 1 } else { 0 })
}

/// Writes the JSON document of `check --format json` for inputs already found and screened.
/// Shared with `serve`. Returns the run's tally.
pub fn json_of(
    inputs: &[taizhang::source::Input],
    settings: &taizhang::config::Settings,
    out: &mut dyn Write,
) -> anyhow::Result<Tally> {
    let mut report = Tally::new(settings.as_of);
    report.keep_findings = false;
    let mut spool = json::CheckJson::new(settings.lang).context("a temporary file")?;
    count(inputs, settings, &mut report, &mut |f| spool.push(f))?;
    spool.finish(&report, out)?;
    Ok(report)
}

/// Reads the inputs in order, counting them into `report` and handing every finding (the
/// files' and those the counting adds) to `each` as it comes. The ledgers are dropped on the
/// threads that built them; only their counters come here.
fn count(
    inputs: &[taizhang::source::Input],
    settings: &taizhang::config::Settings,
    report: &mut Tally,
    each: &mut dyn FnMut(&taizhang::finding::Finding) -> std::io::Result<()>,
) -> anyhow::Result<()> {
    pipeline::process_in_order_with(
        inputs,
        settings,
        pipeline::default_threads(),
        |_, r| r.counted(settings),
        |_, c| {
            let added = report.add_counted(
                c.part,
                &c.record,
                c.ledgers.iter().map(|(n, k)| (n.as_str(), k)),
                &c.findings,
            );
            for f in c.findings.iter().chain(&added) {
                each(f)?;
            }
            Ok::<(), std::io::Error>(())
        },
    )
    .context("spooling the findings")?;
    Ok(())
}
