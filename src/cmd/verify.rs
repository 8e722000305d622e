//! `taizhang verify CONSOLIDATED.xlsx [--sources PATH...] [--expect KEY=N...] [--format human|json]`
//!
//! Proves a consolidated workbook: its totals follow from its rows, its rows were not edited
//! after merge, its rows match its sources, and published figures are what it says. Exit 0
//! verified, 1 not verified, 2 could not run.

use crate::cmd::check::Format;
use clap::Args;
use std::path::PathBuf;
use taizhang::verify::{Claim, Options, render, verify};
use taizhang::workbook::read::read_consolidated;

/// Arguments of `verify`.
#[derive(Debug, Args)]
pub struct VerifyArgs {
    /// The consolidated workbook written by `taizhang merge`.
    #[arg(value_name = "CONSOLIDATED.xlsx")]
    pub workbook: PathBuf,
    /// The source files or folders, to compare with what the workbook records.
    #[arg(long, value_name = "PATH", num_args = 1..)]
    pub sources: Vec<PathBuf>,
    /// A published figure: `measures=30`, `problems_done=16`, `庆利社区:measures=6`.
    #[arg(long = "expect", value_name = "KEY=N")]
    pub expect: Vec<Claim>,
    /// Output format.
    #[arg(long, value_enum, default_value_t = Format::Human)]
    pub format: Format,
}

/// Runs `verify`.
pub fn run(args: VerifyArgs) -> anyhow::Result<u8> {
    let limits = taizhang::source::guard::Limits::default();
    let c = read_consolidated(&args.workbook, &limits)?;
    let v = verify(
        &c,
        &Options {
            sources: args.sources,
            claims: args.expect,
        },
    );
    match args.format {
        Format::Json => println!("{}", serde_json::to_string_pretty(&v)?),
        Format::Human => print!("{}", render(&c, &v)),
    }
    Ok(if v.verified { 0 } else { 1 })
}
