//! `taizhang merge INPUT... -o OUT.xlsx [--as-of …] [--json FILE] [--config FILE] [--lang zh|en]
//! [--strict]`
//!
//! Writes the consolidated workbook (summary, ledger, findings, sources). Files are read in
//! parallel and written in input order, so the same inputs and as-of date give the same bytes.

use crate::cmd::ReadArgs;
use clap::Args;
use std::io::IsTerminal;
use std::path::PathBuf;
use taizhang::messages;
use taizhang::run::{Inputs, MergeRequest, Progress};

/// Arguments of `merge`.
#[derive(Debug, Args)]
pub struct MergeArgs {
    /// Ledger files or folders (a folder means every supported file below it).
    #[arg(required = true, value_name = "INPUT")]
    pub inputs: Vec<PathBuf>,
    /// The consolidated workbook to write (.xlsx).
    #[arg(short, long, value_name = "OUT.xlsx")]
    pub output: PathBuf,
    /// Also write the JSON report of `check --format json` to this file.
    #[arg(long, value_name = "FILE")]
    pub json: Option<PathBuf>,
    /// Exit with 1 when there is a finding of error severity (the workbook is written anyway).
    #[arg(long)]
    pub strict: bool,
    /// Threads reading files (default: the machine's cores).
    #[arg(long, value_name = "N")]
    pub threads: Option<usize>,
    /// The consolidated workbook of the round these inputs follow (the lists `split` sent out
    /// and the units returned): every ID is reconciled against it, and the new workbook
    /// records which round it follows.
    #[arg(long, value_name = "ROUND.xlsx")]
    pub follows: Option<PathBuf>,
    /// The unit and the paper.
    #[command(flatten)]
    pub print: crate::cmd::PrintArgs,
    /// Options shared with the other commands.
    #[command(flatten)]
    pub read: ReadArgs,
}

/// Runs `merge`.
pub fn run(args: MergeArgs) -> anyhow::Result<u8> {
    let mut settings = args.read.settings()?;
    args.print.apply(&mut settings);
    let req = MergeRequest {
        inputs: Inputs::paths(args.inputs),
        output: args.output,
        json: args.json,
        follows: args.follows,
        threads: args.threads,
        settings,
    };
    merge(&req, args.strict)
}

/// Merges, says what was written, and gives the exit code: 1 with `strict` when there is a
/// finding of error severity. Shared with the command-less form `taizhang FILE...`.
pub fn merge(req: &MergeRequest, strict: bool) -> anyhow::Result<u8> {
    let tally = taizhang::run::merge_with(req, &Bar::new(req.settings.lang))?;
    let line = messages::run::wrote_merge(
        &req.output.display().to_string(),
        tally.files,
        tally.units.len(),
        &tally.totals,
        req.settings.lang,
    );
    println!("{}", taizhang::output::terminal_text(&line));
    Ok(if strict && tally.has_errors() { 1 } else { 0 })
}

/// A progress bar on a terminal; nothing when standard error is not one.
struct Bar(std::cell::OnceCell<indicatif::ProgressBar>, taizhang::Lang);

impl Bar {
    fn new(lang: taizhang::Lang) -> Bar {
        Bar(std::cell::OnceCell::new(), lang)
    }
}

impl Progress for Bar {
    fn start(&self, inputs: usize) {
        if !std::io::stderr().is_terminal() || inputs < 2 {
            return;
        }
        let bar = indicatif::ProgressBar::new(inputs as u64);
        let style = indicatif::ProgressStyle::with_template("{bar:30} {pos}/{len} {wide_msg}")
            .unwrap_or_else(|_| indicatif::ProgressStyle::default_bar());
        bar.set_style(style);
        let _ = self.0.set(bar);
    }

    fn added(&self, input: &str) {
        if let Some(b) = self.0.get() {
            b.set_message(input.to_string());
            b.inc(1);
        }
    }

    fn saving(&self) {
        if let Some(b) = self.0.get() {
            b.set_message(messages::run::saving(self.1).to_string());
        }
    }

    fn finish(&self) {
        if let Some(b) = self.0.get() {
            b.finish_and_clear();
        }
    }
}
