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
use taizhang::pipeline::{default_threads, process_in_order_with};

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

/// Runs `columns`.
pub fn run(args: ColumnsArgs) -> anyhow::Result<u8> {
    let settings = args.read.settings()?;
    let inputs = crate::cmd::inputs(&args.inputs, &settings, true)?;
    let mut records: Vec<taizhang::pipeline::InputRecord> = Vec::new();
    process_in_order_with(
        &inputs,
        &settings,
        default_threads(),
        |_, r| (r.part, r.record),
        |_, (part, r)| {
            // A file that comes in parts is one record with all its ledgers.
            match records.last_mut() {
                Some(first) if part.index > 0 => first.absorb(&r),
                _ => records.push(r),
            }
            Ok::<(), std::convert::Infallible>(())
        },
    )
    .ok();
    let text = output::columns::render(&records, settings.lang);
    let _ = std::io::stdout().lock().write_all(text.as_bytes());
    if records.iter().all(|r| r.ledgers.is_empty()) {
        let mut t = taizhang::tally::Tally::new(settings.as_of);
        for r in &records {
            t.add_counted(taizhang::pipeline::Part::WHOLE, r, std::iter::empty(), &[]);
        }
        return Err(crate::cmd::no_ledger(&t, &settings));
    }
    Ok(0)
}
