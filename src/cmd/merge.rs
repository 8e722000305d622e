//! `taizhang merge INPUT... -o OUT.xlsx [--as-of …] [--json FILE] [--config FILE] [--lang zh|en]
//! [--strict]`
//!
//! Writes the consolidated workbook (summary, ledger, findings, sources). Files are read in
//! parallel and written in input order, so the same inputs and as-of date give the same bytes.

use crate::cmd::ReadArgs;
use anyhow::Context;
use clap::Args;
use std::io::IsTerminal;
use std::path::{Path, PathBuf};
use taizhang::messages;
use taizhang::output::json;
use taizhang::pipeline::{default_threads, process_in_order_with};
use taizhang::round::{Back, Round};
use taizhang::workbook::Consolidator;
use taizhang::write;

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
    let round = match &args.follows {
        Some(path) => {
            let shown = path.display().to_string();
            if write::same_path(path, &args.output) {
                return Err(write::WriteError::IsInput {
                    path: args.output.clone(),
                }
                .into());
            }
            let round = Round::read(path, &shown, &settings.limits)
                .with_context(|| format!("--follows {shown}"))?;
            settings.follows = Some(round.digest().to_string());
            Some(round)
        }
        None => None,
    };
    merge(
        &args.inputs,
        &args.output,
        args.json.as_deref(),
        args.strict,
        args.threads,
        &settings,
        true,
        round.as_ref(),
    )
}

/// Merges inputs into a workbook; shared with the command-less form `taizhang FILE...`
/// (`own_outputs` false: it never reads taizhang's own workbooks).
#[allow(clippy::too_many_arguments)]
pub fn merge(
    inputs: &[PathBuf],
    output: &Path,
    json_out: Option<&Path>,
    strict: bool,
    threads: Option<usize>,
    settings: &taizhang::config::Settings,
    own_outputs: bool,
    round: Option<&Round>,
) -> anyhow::Result<u8> {
    let lang = settings.lang;
    crate::cmd::expect_extension(output, "-o", "xlsx", lang)?;
    if let Some(j) = json_out {
        crate::cmd::expect_extension(j, "--json", "json", lang)?;
        if write::same_path(j, output) {
            anyhow::bail!(messages::run::json_is_output(
                &j.display().to_string(),
                lang
            ));
        }
    }
    let inputs = crate::cmd::inputs(inputs, settings, own_outputs)?;
    let report = merge_inputs(&inputs, output, json_out, threads, settings, round, true)?;
    Ok(if strict && report.has_errors() { 1 } else { 0 })
}

/// Merges inputs already found and screened into a workbook (and the JSON report, with
/// `json_out`); says what it wrote when `say`. Shared with `serve`. Returns the run's tally.
pub fn merge_inputs(
    inputs: &[taizhang::source::Input],
    output: &Path,
    json_out: Option<&Path>,
    threads: Option<usize>,
    settings: &taizhang::config::Settings,
    round: Option<&Round>,
    say: bool,
) -> anyhow::Result<taizhang::tally::Tally> {
    write::refuse_inputs(output, inputs)?;
    if let Some(j) = json_out {
        write::refuse_inputs(j, inputs)?;
    }
    let bar = if say {
        progress(inputs.len() as u64)
    } else {
        None
    };
    let mut book = Consolidator::new(settings).context("starting the workbook")?;
    book.keep_details(json_out.is_some());
    let preparer = book.preparer();
    let mut back = Back::default();
    process_in_order_with(
        inputs,
        settings,
        threads.unwrap_or_else(default_threads),
        |i, mut r| {
            let mut carried = Vec::new();
            if let Some(round) = round {
                for l in &r.ledgers {
                    carried.extend(taizhang::round::carried(l));
                }
                let unknown: Vec<_> = r
                    .ledgers
                    .iter()
                    .flat_map(|l| round.unknown_ids(l))
                    .collect();
                r.findings.extend(unknown);
            }
            (preparer.prepare(i, r), carried)
        },
        |_, (mut p, carried)| {
            if let Some(b) = &bar {
                b.set_message(p.record.path.clone());
                b.inc(1);
            }
            p.findings.extend(Round::take(&mut back, &carried));
            book.add_prepared(p)
        },
    )
    .context("writing the ledger sheet")?;
    if let Some(round) = round {
        book.add_findings(&round.not_returned(&back))
            .context("writing the findings")?;
    }
    if book.report().ledgers == 0 {
        if let Some(b) = bar {
            b.finish_and_clear();
        }
        return Err(crate::cmd::no_ledger(book.report(), settings));
    }
    if let Some(b) = &bar {
        b.set_message(messages::run::saving(settings.lang).to_string());
    }
    let report = book.finish(output).context("writing the workbook")?;
    if let Some(b) = bar {
        b.finish_and_clear();
    }
    if let Some(j) = json_out {
        write::write_bytes(j, json::check(&report, settings.lang).as_bytes())?;
    }
    let line = messages::run::wrote_merge(
        &output.display().to_string(),
        report.files,
        report.communities.len(),
        &report.totals,
        settings.lang,
    );
    if say {
        println!("{}", taizhang::output::terminal_text(&line));
    }
    Ok(report)
}

/// A progress bar on a terminal; nothing when standard error is not one.
fn progress(len: u64) -> Option<indicatif::ProgressBar> {
    if !std::io::stderr().is_terminal() || len < 2 {
        return None;
    }
    let bar = indicatif::ProgressBar::new(len);
    let style = indicatif::ProgressStyle::with_template("{bar:30} {pos}/{len} {wide_msg}")
        .unwrap_or_else(|_| indicatif::ProgressStyle::default_bar());
    bar.set_style(style);
    Some(bar)
}
