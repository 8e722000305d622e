//! Split (挂单整改): one list per unit, named after it — a notice addressed to the unit, then
//! its measures in the standard layout with what taizhang found wrong in each row and the
//! hidden ID that carries each measure into the next round (`merge --follows`).

use super::{Inputs, RunError, require_ledgers};
use crate::config::Settings;
use crate::finding::{Finding, Rule};
use crate::pipeline::{default_threads, process_in_order};
use crate::tally::Tally;
use crate::workbook::split::Splitter;
use crate::write;
use chrono::NaiveDate;
use std::path::PathBuf;

/// The lists to write.
#[derive(Debug, Clone)]
pub struct SplitRequest {
    /// A consolidated workbook, or ledgers.
    pub inputs: Inputs,
    /// The folder to write the lists into (made if missing): one `<unit>.xlsx` each.
    pub folder: PathBuf,
    /// The day the units must return their lists by (said on each notice).
    pub return_by: Option<NaiveDate>,
    /// The run's settings.
    pub settings: Settings,
}

/// A list written: where, and how many measures and rows to fix it holds.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Written {
    /// The file.
    pub path: PathBuf,
    /// Its measures.
    pub measures: usize,
    /// Its rows with something to fix.
    pub to_fix: usize,
}

/// The lists written, and the findings of the files that could not be read.
#[derive(Debug, Clone)]
pub struct Split {
    /// The lists, one a unit.
    pub lists: Vec<Written>,
    /// The unreadable files' findings.
    pub unreadable: Vec<Finding>,
}

/// Writes each unit's list into the folder.
///
/// ```no_run
/// use taizhang::config::Settings;
/// use taizhang::run::{self, Inputs, SplitRequest};
///
/// let split = run::split::split(&SplitRequest {
///     inputs: Inputs::paths(["汇总.xlsx"]),
///     folder: "清单".into(),
///     return_by: chrono::NaiveDate::from_ymd_opt(2023, 4, 15),
///     settings: Settings::new(chrono::NaiveDate::from_ymd_opt(2023, 3, 30).unwrap()),
/// })?;
/// for l in &split.lists {
///     println!("{}: {} measures", l.path.display(), l.measures);
/// }
/// # Ok::<(), run::RunError>(())
/// ```
pub fn split(req: &SplitRequest) -> Result<Split, RunError> {
    let settings = &req.settings;
    let inputs = req.inputs.resolve(settings)?;
    if req.folder.is_file() {
        return Err(RunError::NotAFolder {
            path: req.folder.display().to_string(),
            lang: settings.lang,
        });
    }
    let mut tally = Tally::new(settings.as_of);
    tally.keep_findings = false;
    let mut splitter = Splitter::new(settings);
    let mut unreadable = Vec::new();
    process_in_order(&inputs, settings, default_threads(), |_, r| {
        tally.add_file(&r, settings);
        unreadable.extend(unreadable_of(&r.findings));
        splitter.add(&r);
        Ok::<(), std::io::Error>(())
    })
    .map_err(RunError::Reading)?;
    require_ledgers(&tally, settings)?;
    // A list never replaces an input.
    for list in splitter.lists() {
        let path = req.folder.join(crate::schema::split::file_name(&list.unit));
        write::refuse_inputs(&path, &inputs)?;
    }
    let written = splitter
        .write(&req.folder, req.return_by)
        .map_err(RunError::WritingLists)?;
    let lists = splitter
        .lists()
        .iter()
        .zip(written)
        .map(|(list, path)| Written {
            path,
            measures: list.measures(),
            to_fix: list.rows_to_fix(),
        })
        .collect();
    Ok(Split { lists, unreadable })
}

/// The unreadable-file findings among a file's, kept to be said at the end.
pub(super) fn unreadable_of(findings: &[Finding]) -> impl Iterator<Item = Finding> + '_ {
    findings
        .iter()
        .filter(|f| f.rule == Rule::UnreadableFile)
        .cloned()
}
