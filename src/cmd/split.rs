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
    if args.output.is_file() {
        anyhow::bail!(messages::run::not_a_folder(
            &args.output.display().to_string(),
            settings.lang
        ));
    }
    let mut tally = Tally::new(settings.as_of);
    tally.keep_findings = false;
    let mut splitter = Splitter::new(&settings);
    let mut unreadable = Vec::new();
    process_in_order(&inputs, &settings, default_threads(), |_, r| {
        tally.add_file(&r, &settings);
        unreadable.extend(crate::cmd::unreadable_of(&r));
        splitter.add(&r);
        Ok::<(), std::io::Error>(())
    })
    .context("reading")?;
    if tally.ledgers == 0 {
        return Err(crate::cmd::no_ledger(&tally, &settings));
    }
    // A list never replaces an input.
    for list in splitter.lists() {
        let path = args
            .output
            .join(taizhang::schema::split::file_name(&list.unit));
        write::refuse_inputs(&path, &inputs)?;
    }
    let written = splitter
        .write(&args.output, args.return_by)
        .context("writing the lists")?;
    for (list, path) in splitter.lists().iter().zip(&written) {
        println!(
            "{}",
            taizhang::output::terminal_text(&messages::run::wrote_list(
                &path.display().to_string(),
                list.measures(),
                list.rows_to_fix(),
                settings.lang
            ))
        );
    }
    crate::cmd::say_unreadable(&unreadable, settings.lang);
    Ok(0)
}
