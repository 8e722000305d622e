//! `taizhang split INPUT... -o FOLDER [--return-by YYYY-MM-DD] [--as-of …]`
//!
//! 挂单整改: one list per unit, named after it — a notice addressed to the unit, then its
//! measures in the standard layout with what taizhang found wrong in each row and the hidden
//! ID that carries each measure into the next round (`merge --follows`).

use crate::cmd::ReadArgs;
use anyhow::Context;
use chrono::NaiveDate;
use clap::Args;
use std::path::PathBuf;
use taizhang::pipeline::{default_threads, process_in_order};
use taizhang::tally::Tally;
use taizhang::workbook::split::Splitter;
use taizhang::{messages, write};

/// Arguments of `split`.
#[derive(Debug, Args)]
pub struct SplitArgs {
    /// A consolidated workbook, or ledger files or folders.
    #[arg(required = true, value_name = "INPUT")]
    pub inputs: Vec<PathBuf>,
    /// The folder to write the lists into (made if missing): one `<unit>.xlsx` each.
    #[arg(short, long, value_name = "FOLDER")]
    pub output: PathBuf,
    /// The day the units must return their lists by, YYYY-MM-DD (said on each notice).
    #[arg(long, value_name = "YYYY-MM-DD", value_parser = crate::cmd::day)]
    pub return_by: Option<NaiveDate>,
    /// The unit and the paper.
    #[command(flatten)]
    pub print: crate::cmd::PrintArgs,
    /// Options shared with the other commands.
    #[command(flatten)]
    pub read: ReadArgs,
}

/// Runs `split`.
pub fn run(args: SplitArgs) -> anyhow::Result<u8> {
    let mut settings = args.read.settings()?;
    args.print.apply(&mut settings);
    let inputs = crate::cmd::inputs(&args.inputs, &settings, true)?;
    let (lists, unreadable) = split_inputs(&inputs, &args.output, &settings, args.return_by)?;
    for l in &lists {
        println!(
            "{}",
            taizhang::output::terminal_text(&messages::run::wrote_list(
                &l.path.display().to_string(),
                l.measures,
                l.to_fix,
                settings.lang
            ))
        );
    }
    crate::cmd::say_unreadable(&unreadable, settings.lang);
    Ok(0)
}

/// A list written: where, and how many measures and rows to fix it holds.
pub struct Written {
    /// The file.
    pub path: PathBuf,
    /// Its measures.
    pub measures: usize,
    /// Its rows with something to fix.
    pub to_fix: usize,
}

/// Writes each unit's list of inputs already found and screened into `folder`. Shared with
/// `serve`. Returns the lists written and the findings of the files that could not be read.
pub fn split_inputs(
    inputs: &[taizhang::source::Input],
    folder: &std::path::Path,
    settings: &taizhang::config::Settings,
    return_by: Option<NaiveDate>,
) -> anyhow::Result<(Vec<Written>, Vec<taizhang::finding::Finding>)> {
    if folder.is_file() {
        anyhow::bail!(messages::run::not_a_folder(
            &folder.display().to_string(),
            settings.lang
        ));
    }
    let mut tally = Tally::new(settings.as_of);
    tally.keep_findings = false;
    let mut splitter = Splitter::new(settings);
    let mut unreadable = Vec::new();
    process_in_order(inputs, settings, default_threads(), |_, r| {
        tally.add_file(&r, settings);
        unreadable.extend(crate::cmd::unreadable_of(&r));
        splitter.add(&r);
        Ok::<(), std::io::Error>(())
    })
    .context("reading")?;
    if tally.ledgers == 0 {
        return Err(crate::cmd::no_ledger(&tally, settings));
    }
    // A list never replaces an input.
    for list in splitter.lists() {
        let path = folder.join(taizhang::schema::split::file_name(&list.unit));
        write::refuse_inputs(&path, inputs)?;
    }
    let written = splitter
        .write(folder, return_by)
        .context("writing the lists")?;
    let lists = splitter
        .lists()
        .iter()
        .zip(written)
        .map(|(list, path)| Written {
            path,
            measures: list.measures(),
            to_fix: list.rows_to_fix(),
        })
        .collect();
    Ok((lists, unreadable))
}
