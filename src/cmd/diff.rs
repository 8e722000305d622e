//! `taizhang diff OLD.xlsx NEW.xlsx [-o CHANGES.xlsx] [--format human|json]`
//!
//! What changed between two rounds of consolidated workbooks: postponed deadlines and removed
//! measures first, then status, responsibility and text changes, then added measures.

use crate::cmd::check::Format;
use clap::Args;
use std::path::PathBuf;
use taizhang::diff::diff_files;
use taizhang::output;
use taizhang::workbook::changes::write_changes;

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
    let limits = taizhang::source::guard::Limits::default();
    let (changes, new, matching) = diff_files(&args.old, &args.new, &limits)?;
    let lang = args.lang.map_or(new.lang, taizhang::Lang::from);
    if let Some(out) = &args.output {
        crate::cmd::expect_extension(out, "-o", "xlsx", lang)?;
        let inputs = [
            taizhang::source::Input::new(&args.old),
            taizhang::source::Input::new(&args.new),
        ];
        taizhang::write::refuse_inputs(out, &inputs)?;
        // The workbook writer holds its cells until it saves: the changes are gathered for it.
        let all = changes.iter().collect::<std::io::Result<Vec<_>>>()?;
        write_changes(&all, lang, new.meta.as_of, out)?;
    }
    // The changes are read back from their temporary file as they are printed.
    let stdout = std::io::stdout();
    let mut w = std::io::BufWriter::new(stdout.lock());
    match args.format {
        Format::Json => output::json::changes_to(&mut w, changes.iter(), matching)?,
        Format::Human => output::diff::render_to(
            &mut w,
            changes.iter(),
            &changes.rank_counts(),
            &changes.unit_counts(),
            matching,
            lang,
        )?,
    }
    std::io::Write::flush(&mut w)?;
    Ok(0)
}
