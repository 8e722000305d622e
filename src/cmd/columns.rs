//! `taizhang columns FILE... [--config FILE] [--lang zh|en]`
//!
//! Shows, for every ledger of the inputs, the column each field was read from and why (its
//! header, its values, the configuration), and the next best column: the mapping to see and,
//! through `[columns]` in the configuration, to correct.

use crate::cmd::ReadArgs;
use clap::Args;
use std::io::Write;
use std::path::PathBuf;
use taizhang::output;
use taizhang::run::columns::{columns, require_ledgers_in};

/// Arguments of `columns`.
#[derive(Debug, Args)]
pub struct ColumnsArgs {
    /// Ledger files or folders.
    #[arg(required = true, value_name = "INPUT")]
    pub inputs: Vec<PathBuf>,
    /// Options shared with the other commands.
    #[command(flatten)]
    pub read: ReadArgs,
}

/// Runs `columns`: the mapping of every ledger, then the error when none was read.
pub fn run(args: ColumnsArgs) -> anyhow::Result<u8> {
    let settings = args.read.settings()?;
    let inputs = taizhang::run::Inputs::paths(args.inputs);
    let records = columns(&inputs, &settings)?;
    let text = output::columns::render(&records, settings.lang);
    let _ = std::io::stdout().lock().write_all(text.as_bytes());
    require_ledgers_in(&records, &settings)?;
    Ok(0)
}
