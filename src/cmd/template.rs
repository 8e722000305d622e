//! `taizhang template -o OUT.xlsx [--community NAME]`
//!
//! The blank standard ledger communities should fill in next round: title, a note on filling it
//! in, the meta row, the standard header with a note on each column, a status drop-down, a
//! deadline hint, print setup and a footer. Filled in, it checks with no structural finding.

use anyhow::Context;
use clap::Args;
use std::path::PathBuf;
use taizhang::schema::template::standard_columns;
use taizhang::workbook::template::{StdLedger, standard_workbook};
use taizhang::{Lang, messages, write};

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
    let lang = args.lang.map_or(Lang::Zh, Lang::from);
    crate::cmd::expect_extension(&args.output, "-o", "xlsx", lang)?;
    let l = StdLedger {
        community: args.community.clone(),
        columns: standard_columns(),
        rows: Vec::new(),
        blank_rows: 30,
        date: None,
        paper: args.paper.into(),
    };
    let mut wb = standard_workbook(&l).context("building the template")?;
    write::write_atomic(&args.output, |f| {
        wb.save_to_writer(f).map_err(|e| e.to_string())
    })?;
    println!(
        "{}",
        messages::run::wrote(&args.output.display().to_string(), lang)
    );
    Ok(0)
}
