//! The commands, one file each, and the options they share. A command file wires library calls
//! together; the rules live in the library.

pub mod check;
pub mod columns;
pub mod convert;
pub mod diff;
pub mod merge;
pub mod report;
pub mod template;
pub mod verify;

use anyhow::Context;
use chrono::NaiveDate;
use clap::{Args, Parser, Subcommand, ValueEnum};
use std::path::PathBuf;
use taizhang::Lang;
use taizhang::config::{ConfigFile, Settings};

/// taizhang — read, check and consolidate rectification ledgers (整改台账).
///
/// Without a command, `taizhang FILE...` or `taizhang FOLDER` merges the ledgers into
/// `汇总_<as-of>.xlsx` in the current folder (what dropping files on the program does).
#[derive(Debug, Parser)]
#[command(name = "taizhang", version, about, long_about = None, args_conflicts_with_subcommands = true)]
pub struct Cli {
    /// What to do.
    #[command(subcommand)]
    pub command: Option<Command>,
    /// Ledger files or folders to merge when no command is given.
    #[arg(value_name = "INPUT")]
    pub inputs: Vec<PathBuf>,
    /// Options for the command-less merge.
    #[command(flatten)]
    pub read: ReadArgs,
}

/// The commands.
#[derive(Debug, Subcommand)]
pub enum Command {
    /// Read ledgers and report every finding and the counters by community.
    Check(check::CheckArgs),
    /// Show the column each field of each ledger is read from, and why.
    Columns(columns::ColumnsArgs),
    /// Write the consolidated workbook: summary, ledger, findings, sources.
    Merge(merge::MergeArgs),
    /// Write one ledger in the standard form (.xlsx, .csv or .json).
    Convert(convert::ConvertArgs),
    /// Write the blank standard ledger for communities to fill in.
    Template(template::TemplateArgs),
    /// Prove a consolidated workbook: totals, edits, sources, published figures.
    Verify(verify::VerifyArgs),
    /// What changed between two rounds of consolidated workbooks.
    Diff(diff::DiffArgs),
    /// Draft the published progress report from the ledgers (.docx, .md or .txt).
    Report(report::ReportArgs),
}

/// Output language.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum LangArg {
    /// Chinese.
    Zh,
    /// English.
    En,
}

impl From<LangArg> for Lang {
    fn from(l: LangArg) -> Lang {
        match l {
            LangArg::Zh => Lang::Zh,
            LangArg::En => Lang::En,
        }
    }
}

/// Options every command that reads ledgers shares.
#[derive(Debug, Clone, Args)]
pub struct ReadArgs {
    /// The day findings and counters are judged on, YYYY-MM-DD (default: today).
    #[arg(long, value_name = "YYYY-MM-DD")]
    pub as_of: Option<NaiveDate>,
    /// A deadline within this many days of the as-of date is due soon (default 14).
    #[arg(long, value_name = "DAYS")]
    pub due_soon_days: Option<u32>,
    /// The day the problems were fed back; 立行立改 measures are due on it.
    #[arg(long, value_name = "YYYY-MM-DD")]
    pub feedback_date: Option<NaiveDate>,
    /// Read ledgers on hidden sheets too.
    #[arg(long)]
    pub include_hidden: bool,
    /// A configuration file (header words, status words, community names, defaults).
    #[arg(long, value_name = "FILE")]
    pub config: Option<PathBuf>,
    /// Language of messages: zh (default) or en.
    #[arg(long, value_enum)]
    pub lang: Option<LangArg>,
}

impl ReadArgs {
    /// The settings: the configuration file's, then the command line's over them.
    pub fn settings(&self) -> anyhow::Result<Settings> {
        let config = match &self.config {
            Some(p) => ConfigFile::load(p)?,
            None => ConfigFile::default(),
        };
        let today = chrono::Local::now().date_naive();
        let mut s = Settings::from_config(config, today);
        if let Some(d) = self.as_of {
            s.as_of = d;
        }
        if let Some(d) = self.due_soon_days {
            s.due_soon_days = d;
        }
        if let Some(d) = self.feedback_date {
            s.feedback_date = Some(d);
        }
        if self.include_hidden {
            s.include_hidden = true;
        }
        if let Some(l) = self.lang {
            s.lang = l.into();
        }
        Ok(s)
    }
}

/// Runs the command; returns the exit code.
pub fn run(cli: Cli) -> anyhow::Result<u8> {
    match cli.command {
        Some(Command::Check(a)) => check::run(a).context("check"),
        Some(Command::Columns(a)) => columns::run(a).context("columns"),
        Some(Command::Merge(a)) => merge::run(a).context("merge"),
        Some(Command::Convert(a)) => convert::run(a).context("convert"),
        Some(Command::Template(a)) => template::run(a).context("template"),
        Some(Command::Verify(a)) => verify::run(a).context("verify"),
        Some(Command::Diff(a)) => diff::run(a).context("diff"),
        Some(Command::Report(a)) => report::run(a).context("report"),
        None if cli.inputs.is_empty() => {
            anyhow::bail!("no input: give ledger files or folders, or a command (see --help)")
        }
        None => {
            let settings = cli.read.settings()?;
            let out = PathBuf::from(taizhang::messages::run::bare_output_name(
                settings.as_of,
                settings.lang,
            ));
            merge::merge(&cli.inputs, &out, None, false, None, &settings).context("merge")
        }
    }
}

/// True when standard output is a terminal and NO_COLOR is not set.
pub fn color_stdout() -> bool {
    use std::io::IsTerminal;
    std::io::stdout().is_terminal() && std::env::var_os("NO_COLOR").is_none()
}
