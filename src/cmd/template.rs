//! `taizhang template -o OUT.xlsx [--community NAME]`
//!
//! The blank standard ledger communities should fill in next round: title, a note on filling it
//! in, the meta row, the standard header with a note on each column, a status drop-down, a
//! deadline hint, print setup and a footer. Filled in, it checks with no structural finding.

use clap::Args;
use std::path::PathBuf;
use taizhang::run::TemplateRequest;
use taizhang::{Lang, messages};

/// Arguments of `template`.
#[derive(Debug, Args)]
pub struct TemplateArgs {
    /// The file to write (.xlsx).
    #[arg(short, long, value_name = "OUT.xlsx")]
    pub output: PathBuf,
    /// The community the ledger is for (its title and 填报单位).
    #[arg(long, value_name = "NAME")]
    pub community: Option<String>,
    /// The paper it prints on: a4 (default) or a3.
    #[arg(long, value_enum, default_value_t = crate::cmd::PaperArg::A4)]
    pub paper: crate::cmd::PaperArg,
    /// Language of the messages: zh (default) or en. The ledger itself is the standard
    /// Chinese one.
    #[arg(long, value_enum)]
    pub lang: Option<crate::cmd::LangArg>,
}

/// Runs `template`.
pub fn run(args: TemplateArgs) -> anyhow::Result<u8> {
    let req = TemplateRequest {
        output: args.output,
        unit: args.community,
        paper: args.paper.into(),
        lang: args.lang.map_or(Lang::Zh, Lang::from),
    };
    taizhang::run::template::template(&req)?;
    let shown = req.output.display().to_string();
    println!("{}", messages::run::wrote(&shown, req.lang));
    Ok(0)
}
