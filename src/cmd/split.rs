//! `taizhang split INPUT... -o FOLDER [--return-by YYYY-MM-DD] [--as-of …]`
//!
//! 挂单整改: one list per unit, named after it — a notice addressed to the unit, then its
//! measures in the standard layout with what taizhang found wrong in each row and the hidden
//! ID that carries each measure into the next round (`merge --follows`).

use crate::cmd::ReadArgs;
use chrono::NaiveDate;
use clap::Args;
use std::path::PathBuf;
use taizhang::messages;
use taizhang::run::SplitRequest;

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
    let req = SplitRequest {
        inputs: crate::cmd::found(&args.read, args.inputs, &mut settings)?,
        folder: args.output,
        return_by: args.return_by,
        settings,
    };
    let split = taizhang::run::split::split(&req)?;
    let lang = req.settings.lang;
    for l in &split.lists {
        let path = l.path.display().to_string();
        let line = messages::run::wrote_list(&path, l.measures, l.to_fix, lang);
        println!("{}", taizhang::output::terminal_text(&line));
    }
    crate::cmd::say_unreadable(&split.unreadable, lang);
    Ok(0)
}
