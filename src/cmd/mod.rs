//! The commands, one file each, and the options they share. A command file wires library calls
//! together; the rules live in the library.

pub mod check;
pub mod columns;
pub mod convert;
pub mod desktop;
pub mod diff;
pub mod merge;
pub mod report;
pub mod serve;
pub mod split;
pub mod template;
pub mod verify;
pub mod words;

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
    /// Write each unit its own list to update and return (挂单整改), with the IDs that carry
    /// its measures into the next round.
    Split(split::SplitArgs),
    /// The page for clerks: drop the ledgers in a browser, see the counters and findings,
    /// download the workbook, the report and the lists; verify a workbook.
    Serve(serve::ServeArgs),
}

/// Output language.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum LangArg {
    /// Chinese.
    Zh,
    /// English.
    En,
}

/// The paper sheets print on.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum PaperArg {
    /// A4 (210 × 297 mm).
    A4,
    /// A3 (297 × 420 mm).
    A3,
}

impl From<PaperArg> for taizhang::config::Paper {
    fn from(p: PaperArg) -> taizhang::config::Paper {
        match p {
            PaperArg::A4 => taizhang::config::Paper::A4,
            PaperArg::A3 => taizhang::config::Paper::A3,
        }
    }
}

impl From<LangArg> for Lang {
    fn from(l: LangArg) -> Lang {
        match l {
            LangArg::Zh => Lang::Zh,
            LangArg::En => Lang::En,
        }
    }
}

/// A day on the command line, in the forms ledgers write (see
/// [`taizhang::value::text::parse_day`]); the message in the command line's language
/// ([`words::wanted_here`]).
pub fn day(s: &str) -> Result<NaiveDate, taizhang::messages::cli::Said> {
    let said = || taizhang::messages::run::not_a_day(s, crate::cmd::words::wanted_here());
    taizhang::value::text::parse_day(s).ok_or_else(|| taizhang::messages::cli::Said(said()))
}

/// How the workbooks a command writes print, and who compiles them.
#[derive(Debug, Clone, Args)]
pub struct PrintArgs {
    /// The unit that compiles the workbook, named on its summary.
    #[arg(long, value_name = "NAME")]
    pub unit: Option<String>,
    /// The paper the sheets print on: a4 (default) or a3.
    #[arg(long, value_enum, default_value_t = PaperArg::A4)]
    pub paper: PaperArg,
}

impl PrintArgs {
    /// Puts the compiling unit and the paper into the settings.
    pub fn apply(&self, s: &mut Settings) {
        s.compiler = self.unit.clone();
        s.paper = self.paper.into();
    }
}

/// Options every command that reads ledgers shares.
#[derive(Debug, Clone, Args)]
pub struct ReadArgs {
    /// The day findings and counters are judged on, YYYY-MM-DD (default: today); also
    /// 2023/3/30, 2023.3.30, 20230330 or 2023年3月30日.
    #[arg(long, value_name = "YYYY-MM-DD", value_parser = day)]
    pub as_of: Option<NaiveDate>,
    /// A deadline within this many days of the as-of date is due soon (default 14).
    #[arg(long, value_name = "DAYS")]
    pub due_soon_days: Option<u32>,
    /// The day the problems were fed back; 立行立改 measures are due on it.
    #[arg(long, value_name = "YYYY-MM-DD", value_parser = day)]
    pub feedback_date: Option<NaiveDate>,
    /// Read ledgers on hidden sheets too.
    #[arg(long)]
    pub include_hidden: bool,
    /// Count the numbers of sheets whose reading is uncertain (uncertain-reading) too.
    #[arg(long)]
    pub accept_uncertain: bool,
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
        if self.accept_uncertain {
            s.accept_uncertain = true;
        }
        // The language: --lang, else the configuration's, else LANG ([`words::wanted_here`],
        // the one place the command line's language is found).
        s.lang = match (self.lang, s.config.lang) {
            (Some(l), _) => l.into(),
            (None, Some(l)) => l,
            (None, None) => crate::cmd::words::wanted_here(),
        };
        Ok(s)
    }
}

/// The inputs of a reading command (check, split, report), found and screened. A run over
/// consolidated workbooks judges on their own as-of date unless `--as-of` or the configuration
/// states one ([`taizhang::run::judge_on_recorded_day`]); workbooks of different dates: the
/// latest, said on standard error.
pub fn found(
    read: &ReadArgs,
    paths: Vec<PathBuf>,
    settings: &mut Settings,
) -> anyhow::Result<taizhang::run::Inputs> {
    let inputs = taizhang::run::Inputs::paths(paths)
        .resolve(settings)?
        .into_owned();
    let days = taizhang::run::judge_on_recorded_day(settings, &inputs, read.as_of.is_some());
    if days.len() > 1 {
        let said = taizhang::messages::run::workbooks_of_days(&days, settings.lang);
        eprintln!("{said}");
    }
    Ok(taizhang::run::Inputs::Found(inputs))
}

/// Says each unreadable file on standard error, after what was written.
pub fn say_unreadable(findings: &[taizhang::finding::Finding], lang: Lang) {
    for f in findings {
        eprintln!(
            "{}",
            taizhang::output::terminal_text(&format!(
                "{}: {}",
                f.file,
                taizhang::messages::findings::message(f, lang)
            ))
        );
    }
}

/// The command names, for suggestions.
const COMMANDS: [&str; 11] = [
    "check", "columns", "merge", "convert", "template", "verify", "diff", "report", "split",
    "serve", "help",
];

/// Runs the command; returns the exit code.
pub fn run(cli: Cli) -> anyhow::Result<u8> {
    match cli.command {
        Some(Command::Check(a)) => check::run(a),
        Some(Command::Columns(a)) => columns::run(a),
        Some(Command::Merge(a)) => merge::run(a),
        Some(Command::Convert(a)) => convert::run(a),
        Some(Command::Template(a)) => template::run(a),
        Some(Command::Verify(a)) => verify::run(a),
        Some(Command::Diff(a)) => diff::run(a),
        Some(Command::Report(a)) => report::run(a),
        Some(Command::Split(a)) => split::run(a),
        Some(Command::Serve(a)) => serve::run(a),
        // Double-clicked in Explorer: the page, in the browser.
        None if cli.inputs.is_empty() && cfg!(windows) => {
            let lang = cli
                .read
                .lang
                .map_or_else(crate::cmd::words::wanted_here, Lang::from);
            println!("{}", taizhang::messages::run::opening_page(lang));
            serve::run(serve::ServeArgs::double_click(cli.read.lang))
        }
        None if cli.inputs.is_empty() => {
            let lang = cli.read.lang.map_or_else(words::wanted_here, Lang::from);
            Err(taizhang::run::RunError::NoInputGiven { lang }.into())
        }
        None => {
            // Anything but paths that exist is a mistake (`taizhang chk samples`), said with
            // the command perhaps meant.
            let settings = cli.read.settings()?;
            let dropped = desktop::started_by_explorer();
            let req = taizhang::run::merge::bare(cli.inputs, &COMMANDS, settings, dropped)?;
            merge::merge(&req, false)
        }
    }
}

/// True when standard output is a terminal and NO_COLOR is not set.
pub fn color_stdout() -> bool {
    use std::io::IsTerminal;
    std::io::stdout().is_terminal() && std::env::var_os("NO_COLOR").is_none()
}
