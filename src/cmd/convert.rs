//! `taizhang convert INPUT -o OUT.xlsx|OUT.csv|OUT.json [--sheet NAME]`
//!
//! One ledger in a standard form: the template's layout (`.xlsx`), CSV in UTF-8 with a BOM
//! (`.csv`), or records with typed deadline and status (`.json`).

use crate::cmd::ReadArgs;
use clap::Args;
use std::path::PathBuf;
use taizhang::messages;
use taizhang::run::ConvertRequest;

/// Arguments of `convert`.
#[derive(Debug, Args)]
pub struct ConvertArgs {
    /// The ledger file.
    #[arg(value_name = "INPUT")]
    pub input: PathBuf,
    /// The file to write: .xlsx, .csv or .json.
    #[arg(short, long, value_name = "OUT")]
    pub output: PathBuf,
    /// The sheet to convert, when the workbook holds several ledgers.
    #[arg(long, value_name = "NAME")]
    pub sheet: Option<String>,
    /// Options shared with the other commands.
    #[command(flatten)]
    pub read: ReadArgs,
}

/// Runs `convert`.
pub fn run(args: ConvertArgs) -> anyhow::Result<u8> {
    let req = ConvertRequest {
        input: args.input,
        output: args.output,
        sheet: args.sheet,
        settings: args.read.settings()?,
    };
    let c = taizhang::run::convert::convert(&req)?;
    println!(
        "{}",
        taizhang::output::terminal_text(&messages::run::wrote_convert(
            &req.output.display().to_string(),
            &c.unit,
            &c.sheet,
            c.measures,
            req.settings.lang
        ))
    );
    Ok(0)
}
