//! Report: the published progress report drafted from the ledgers (or a consolidated
//! workbook) — the totals sentence, then every category, problem and measure in ledger order;
//! what only the clerk can write is left as marked placeholders (【待填写:……】).

use super::split::unreadable_of;
use super::{Inputs, RunError, extension_of, require_ledgers};
use crate::config::Settings;
use crate::finding::Finding;
use crate::messages;
use crate::model::Counters;
use crate::pipeline::{default_threads, process_in_order};
use crate::report::{Drafter, Format, chart, docx::write_docx};
use crate::tally::Tally;
use crate::write;
use std::io::Write;
use std::path::PathBuf;

/// The draft a report returns ([`Drafted::draft`]): named here, the report module is internal.
pub use crate::report::{Draft, Section};

/// The draft to write.
#[derive(Debug, Clone)]
pub struct ReportRequest {
    /// Ledgers, or a consolidated workbook.
    pub inputs: Inputs,
    /// The draft to write: `.docx`, `.md` or `.txt`.
    pub output: PathBuf,
    /// The unit publishing the report (发文单位: its title and closing).
    pub publisher: Option<String>,
    /// The report's title.
    pub title: Option<String>,
    /// A `.docx` ends with the chart of measures by unit (when a Chinese font is found).
    pub chart: bool,
    /// The run's settings.
    pub settings: Settings,
}

/// A draft written: the draft, the run's tally, the unreadable files' findings, and why the
/// `.docx` goes without its chart, if it does.
pub struct Drafted {
    /// The draft.
    pub draft: Draft,
    /// The run's counters.
    pub tally: Tally,
    /// The findings of the files that could not be read.
    pub unreadable: Vec<Finding>,
    /// Why the chart is not in the `.docx` (no Chinese font), when it is not.
    pub no_chart: Option<String>,
}

const WRITES: [&str; 3] = ["docx", "md", "txt"];

/// Drafts the report into the output, in the format its extension says.
///
/// ```no_run
/// use taizhang::config::Settings;
/// use taizhang::run::{self, Inputs, ReportRequest};
///
/// let drafted = run::report::report(&ReportRequest {
///     inputs: Inputs::paths(["汇总.xlsx"]),
///     output: "整改报告.docx".into(),
///     publisher: Some("某某街道".into()),
///     title: None,
///     chart: true,
///     settings: Settings::new(chrono::NaiveDate::from_ymd_opt(2023, 3, 30).unwrap()),
/// })?;
/// println!("{}", drafted.draft.sentence());
/// # Ok::<(), run::RunError>(())
/// ```
pub fn report(req: &ReportRequest) -> Result<Drafted, RunError> {
    let settings = &req.settings;
    let ext = extension_of(&req.output, &WRITES, settings.lang)?;
    let inputs = req.inputs.resolve(settings)?;
    write::refuse_inputs(&req.output, &inputs)?;
    let mut tally = Tally::new(settings.as_of);
    // The findings are counted, not kept: the draft says none of them; the unreadable files
    // are named at the end. Nor are the inputs' records (a consolidated workbook's lists its
    // thousands of units): the draft names no input.
    tally.keep_findings = false;
    tally.keep_inputs = false;
    let mut unreadable = Vec::new();
    // Each ledger is drafted as it comes and dropped: the draft keeps its text on disk.
    // The body is written as it is drafted, in the output's format.
    let format = Format::of_extension(&ext).ok_or_else(|| RunError::OutputExtension {
        path: req.output.display().to_string(),
        allowed: &WRITES,
        lang: settings.lang,
    })?;
    let mut drafter = Drafter::streaming(settings, format).map_err(RunError::StartingDraft)?;
    process_in_order(&inputs, settings, default_threads(), |_, r| {
        tally.add_file(&r, settings);
        unreadable.extend(unreadable_of(&r.findings));
        for l in &r.ledgers {
            drafter.add(l)?;
        }
        Ok::<(), std::io::Error>(())
    })
    .map_err(RunError::Drafting)?;
    require_ledgers(&tally, settings)?;
    let mut d = drafter
        .finish(&tally.totals, req.publisher.clone(), req.title.clone())
        .map_err(RunError::Drafting)?;
    // The docx ends with the chart of measures by unit, drawn with a Chinese font of the
    // system; without one it goes without, and says so.
    let mut no_chart = None;
    let fonts = if format == Format::Docx && req.chart {
        let found = chart::find_font();
        if found.is_none() {
            no_chart = Some(messages::run::no_chart_font(settings.lang));
        }
        found.map(|(_, fonts)| fonts)
    } else {
        None
    };
    let units: Vec<(String, Counters)> = match fonts {
        Some(_) => tally
            .units
            .iter()
            .map(|c| (c.unit.clone(), c.counters))
            .collect(),
        None => Vec::new(),
    };
    // The pages are drawn as the document is written, a few at a time.
    let chart = fonts
        .as_deref()
        .map(|fonts| chart::Pages::new(&units, fonts, settings.lang));
    write::write_atomic(&req.output, |f| match format {
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
        tally,
        unreadable,
        no_chart,
    })
}
