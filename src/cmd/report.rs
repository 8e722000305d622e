//! `taizhang report INPUT... -o OUT.{docx,md,txt} [--as-of …] [--unit NAME] [--title …]`
//!
//! Drafts the published progress report from the ledgers (or a consolidated workbook): the
//! totals sentence, then every category, problem and measure in ledger order. What only the
//! clerk can write is left as marked placeholders (【待填写:……】).

use crate::cmd::ReadArgs;
use clap::Args;
use std::path::PathBuf;
use taizhang::messages;
use taizhang::run::ReportRequest;

/// Arguments of `report`.
#[derive(Debug, Args)]
pub struct ReportArgs {
    /// Ledger files or folders, or a consolidated workbook.
    #[arg(required = true, value_name = "INPUT")]
    pub inputs: Vec<PathBuf>,
    /// The draft to write: .docx, .md or .txt.
    #[arg(short, long, value_name = "OUT")]
    pub output: PathBuf,
    /// The unit publishing the report (its title and closing).
    #[arg(long, value_name = "NAME")]
    pub unit: Option<String>,
    /// The report's title.
    #[arg(long, value_name = "TITLE")]
    pub title: Option<String>,
    /// A .docx without the chart of measures by unit as its attachment.
    #[arg(long)]
    pub no_chart: bool,
    /// Options shared with the other commands.
    #[command(flatten)]
    pub read: ReadArgs,
}

/// Runs `report`.
pub fn run(args: ReportArgs) -> anyhow::Result<u8> {
    let mut settings = args.read.settings()?;
    let req = ReportRequest {
        inputs: crate::cmd::found(&args.read, args.inputs, &mut settings)?,
        output: args.output,
        publisher: args.unit,
        title: args.title,
        chart: !args.no_chart,
        settings,
    };
    let lang = req.settings.lang;
    let drafted = taizhang::run::report::report(&req)?;
    if let Some(m) = &drafted.no_chart {
        eprintln!("{m}");
    }
    let d = &drafted.draft;
    let (p, m) = d.counts();
    let path = req.output.display().to_string();
    let line = messages::run::wrote_report(&path, d.sections.len(), p, m, &d.sentence(), lang);
    println!("{}", taizhang::output::terminal_text(&line));
    crate::cmd::say_unreadable(&drafted.unreadable, lang);
    let errors = drafted.tally.totals[taizhang::model::Counter::Errors];
    if errors > 0 {
        eprintln!("{}", messages::run::report_from_errors(errors, lang));
    }
    Ok(0)
}
