//! `taizhang diff OLD.xlsx NEW.xlsx [-o CHANGES.xlsx] [--format human|json]`
//!
//! What changed between two rounds of consolidated workbooks: postponed deadlines and removed
//! measures first, then status, responsibility and text changes, then added measures.

use crate::cmd::check::Format;
use clap::Args;
use std::path::PathBuf;
use taizhang::output;
use taizhang::run::DiffRequest;

/// Arguments of `diff`.
#[derive(Debug, Args)]
pub struct DiffArgs {
    /// The earlier consolidated workbook.
    #[arg(value_name = "OLD.xlsx")]
    pub old: PathBuf,
    /// The later consolidated workbook.
    #[arg(value_name = "NEW.xlsx")]
    pub new: PathBuf,
    /// Also write the changes as a workbook.
    #[arg(short, long, value_name = "CHANGES.xlsx")]
    pub output: Option<PathBuf>,
    /// Output format.
    #[arg(long, value_enum, default_value_t = Format::Human)]
    pub format: Format,
    /// Language of the changes: zh or en (default: the new workbook's).
    #[arg(long, value_enum)]
    pub lang: Option<crate::cmd::LangArg>,
}

/// Runs `diff`.
pub fn run(args: DiffArgs) -> anyhow::Result<u8> {
    let mut req = DiffRequest::new(args.old, args.new);
    req.output = args.output;
    req.lang = args.lang.map(taizhang::Lang::from);
    let d = taizhang::run::diff::diff(&req)?;
    // The changes are read back from their temporary file as they are printed.
    let stdout = std::io::stdout();
    let mut w = std::io::BufWriter::new(stdout.lock());
    let changes = &d.changes;
    match args.format {
        Format::Json => output::json::changes_to(&mut w, changes.iter(), d.matching)?,
        Format::Human => output::diff::render_to(
            &mut w,
            changes.iter(),
            &changes.rank_counts(),
            &changes.unit_counts(),
            d.matching,
            d.lang,
        )?,
    }
    std::io::Write::flush(&mut w)?;
    Ok(0)
}
