//! `taizhang report INPUT... -o OUT.{docx,md,txt} [--as-of …] [--unit NAME] [--title …]`
//!
//! Drafts the published progress report from the ledgers (or a consolidated workbook): the
//! totals sentence, then every category, problem and measure in ledger order. What only the
//! clerk can write is left as marked placeholders (【待填写:……】).

use crate::cmd::ReadArgs;
use anyhow::{Context, bail};
use clap::Args;
use std::io::Write;
use std::path::PathBuf;
use taizhang::pipeline::{default_threads, process_in_order};
use taizhang::report::{Drafter, Format, docx::write_docx};
use taizhang::tally::Tally;
use taizhang::{messages, write};

/// Arguments of `report`.
#[derive(Debug, Args)]
pub struct ReportArgs {
    /// Ledger files or folders, or a consolidated workbook.
    #[arg(required = true, value_name = "INPUT")]
    pub inputs: Vec<PathBuf>,
    /// The draft to write: .docx, .md or .txt.
    #[arg(short, long, value_name = "OUT")]
    pub output: PathBuf,
    /// The unit publishing the report (its title and closing).
    #[arg(long, value_name = "NAME")]
    pub unit: Option<String>,
    /// The report's title.
    #[arg(long, value_name = "TITLE")]
    pub title: Option<String>,
    /// A .docx without the chart of measures by unit as its attachment.
    #[arg(long)]
    pub no_chart: bool,
    /// Options shared with the other commands.
    #[command(flatten)]
    pub read: ReadArgs,
}

/// Runs `report`.
pub fn run(args: ReportArgs) -> anyhow::Result<u8> {
    let settings = args.read.settings()?;
    let ext = extension(&args.output);
    const WRITES: [&str; 3] = ["docx", "md", "txt"];
    if !WRITES.contains(&ext.as_str()) {
        bail!(messages::run::output_extension(
            &args.output.display().to_string(),
            &WRITES,
            settings.lang
        ));
    }
    let inputs = crate::cmd::inputs(&args.inputs, &settings, true)?;
    let drafted = draft(
        &inputs,
        &args.output,
        &settings,
        args.unit,
        args.title,
        !args.no_chart,
    )?;
    if let Some(m) = &drafted.no_chart {
        eprintln!("{m}");
    }
    let d = &drafted.draft;
    let (p, m) = d.counts();
    let report = &drafted.tally;
    let unreadable = &drafted.unreadable;
    println!(
        "{}",
        taizhang::output::terminal_text(&messages::run::wrote_report(
            &args.output.display().to_string(),
            d.sections.len(),
            p,
            m,
            &d.sentence(),
            settings.lang
        ))
    );
    crate::cmd::say_unreadable(unreadable, settings.lang);
    let errors = report.totals[taizhang::model::Counter::Errors];
    if errors > 0 {
        eprintln!(
            "{}",
            messages::run::report_from_errors(errors, settings.lang)
        );
    }
    Ok(0)
}

/// A draft written: the draft, the run's tally, the unreadable files' findings, and why the
/// `.docx` goes without its chart, if it does.
pub struct Drafted {
    /// The draft.
    pub draft: taizhang::report::Draft,
    /// The run's counters.
    pub tally: Tally,
    /// The findings of the files that could not be read.
    pub unreadable: Vec<taizhang::finding::Finding>,
    /// Why the chart is not in the `.docx` (no Chinese font), when it is not.
    pub no_chart: Option<String>,
}

/// Drafts the report of inputs already found and screened into `output` (.docx, .md or .txt
/// by its extension), with the chart in a `.docx` when `with_chart`. Shared with `serve`.
pub fn draft(
    inputs: &[taizhang::source::Input],
    output: &std::path::Path,
    settings: &taizhang::config::Settings,
    unit: Option<String>,
    title: Option<String>,
    with_chart: bool,
) -> anyhow::Result<Drafted> {
    let ext = extension(output);
    write::refuse_inputs(output, inputs)?;
    let mut report = Tally::new(settings.as_of);
    // The findings are counted, not kept: the draft says none of them; the unreadable files
    // are named at the end. Nor are the inputs' records (a consolidated workbook's lists its
    // thousands of units): the draft names no input.
    report.keep_findings = false;
    report.keep_inputs = false;
    let mut unreadable = Vec::new();
    // Each ledger is drafted as it comes and dropped: the draft keeps its text on disk.
    // The body is written as it is drafted, in the output's format.
    let format = Format::of_extension(&ext).ok_or_else(|| {
        anyhow::anyhow!(messages::run::output_extension(
            &output.display().to_string(),
            &["docx", "md", "txt"],
            settings.lang
        ))
    })?;
    let mut drafter = Drafter::streaming(settings, format).context("starting the draft")?;
    process_in_order(inputs, settings, default_threads(), |_, r| {
        report.add_file(&r, settings);
        unreadable.extend(crate::cmd::unreadable_of(&r));
        for l in &r.ledgers {
            drafter.add(l)?;
        }
        Ok::<(), std::io::Error>(())
    })
    .context("drafting")?;
    if report.ledgers == 0 {
        return Err(crate::cmd::no_ledger(&report, settings));
    }
    let mut d = drafter
        .finish(&report.totals, unit, title)
        .context("drafting")?;
    // The docx ends with the chart of measures by unit, drawn with a Chinese font of the
    // system; without one it goes without, and says so.
    let mut no_chart = None;
    let fonts = if format == Format::Docx && with_chart {
        let found = taizhang::report::chart::find_font();
        if found.is_none() {
            no_chart = Some(messages::run::no_chart_font(settings.lang));
        }
        found.map(|(_, fonts)| fonts)
    } else {
        None
    };
    let units: Vec<(String, taizhang::model::Counters)> = match fonts {
        Some(_) => report
            .communities
            .iter()
            .map(|c| (c.community.clone(), c.counters))
            .collect(),
        None => Vec::new(),
    };
    // The pages are drawn as the document is written, a few at a time.
    let chart = fonts
        .as_deref()
        .map(|fonts| taizhang::report::chart::Pages::new(&units, fonts, settings.lang));
    write::write_atomic(output, |f| match format {
        Format::Docx => write_docx(&mut d, chart.as_ref(), f),
        Format::Markdown => {
            let mut w = std::io::BufWriter::new(f);
            d.write_markdown(&mut w)
                .and_then(|()| w.flush())
                .map_err(|e| e.to_string())
        }
        Format::Text => {
            let mut w = std::io::BufWriter::new(f);
            d.write_text(&mut w)
                .and_then(|()| w.flush())
                .map_err(|e| e.to_string())
        }
    })?;
    Ok(Drafted {
        draft: d,
        tally: report,
        unreadable,
        no_chart,
    })
}

/// An output's extension in lower case (what is written there: docx, md or txt).
fn extension(path: &std::path::Path) -> String {
    path.extension()
        .and_then(|e| e.to_str())
        .map(str::to_ascii_lowercase)
        .unwrap_or_default()
}
