//! `taizhang verify CONSOLIDATED.xlsx [--sources PATH...] [--expect KEY=N...] [--format human|json]`
//!
//! Proves a consolidated workbook: its totals follow from its rows, its rows were not edited
//! after merge, its rows match its sources, and published figures are what it says. Exit 0
//! verified, 1 not verified, 2 could not run or cannot be verified (a proof could not be made).

use crate::cmd::check::Format;
use clap::Args;
use std::path::PathBuf;
use taizhang::output;
use taizhang::run::VerifyRequest;
use taizhang::verify::Conclusion;
use taizhang::verify::claims::Claim;

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
    #[arg(long = "expect", value_name = "KEY=N", value_parser = claim)]
    pub expect: Vec<Claim>,
    /// Output format.
    #[arg(long, value_enum, default_value_t = Format::Human)]
    pub format: Format,
    /// Language of the verdict: zh or en (default: the workbook's).
    #[arg(long, value_enum)]
    pub lang: Option<crate::cmd::LangArg>,
}

/// A published figure on the command line (`措施=56`, `measures=56`, `庆利社区:已完成措施=3`),
/// its mistake said in the command line's language.
fn claim(s: &str) -> Result<Claim, taizhang::messages::cli::Said> {
    let said = |e| taizhang::messages::verify::claim_error(&e, crate::cmd::words::wanted_here());
    s.parse()
        .map_err(|e| taizhang::messages::cli::Said(said(e)))
}

/// Runs `verify`.
pub fn run(args: VerifyArgs) -> anyhow::Result<u8> {
    let mut req = VerifyRequest::new(args.workbook);
    req.sources = args.sources;
    req.claims = args.expect;
    req.lang = args.lang.map(taizhang::Lang::from);
    let v = taizhang::run::verify::verify(&req)?;
    let (c, verdict, lang) = (&v.workbook, &v.verdict, v.lang);
    match args.format {
        Format::Json => print!(
            "{}",
            output::json::verdict(verdict, c.meta.follows.as_deref(), lang)
        ),
        Format::Human => print!("{}", output::verify::render(c, verdict, lang)),
    }
    Ok(match verdict.conclusion {
        Conclusion::Verified => 0,
        Conclusion::NotVerified => 1,
        Conclusion::CannotVerify => 2,
    })
}
