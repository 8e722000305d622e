//! Merge: the consolidated workbook (summary, ledger, findings, sources) of a run's inputs,
//! reconciled against the round it follows when there is one. Files are read in parallel and
//! written in input order, so the same inputs and as-of date give the same bytes.

use super::{Inputs, Progress, RunError, expect_extension, require_ledgers};
use crate::config::Settings;
use crate::output::json;
use crate::pipeline::{default_threads, process_in_order_with};
use crate::round::{Back, Round};
use crate::source::Input;
use crate::tally::Tally;
use crate::workbook::Consolidator;
use crate::write;
use std::path::PathBuf;

/// What to merge, and where to.
#[derive(Debug, Clone)]
pub struct MergeRequest {
    /// The ledgers.
    pub inputs: Inputs,
    /// The consolidated workbook to write (`.xlsx`).
    pub output: PathBuf,
    /// Also the JSON report of `check --format json`, to this file (`.json`).
    pub json: Option<PathBuf>,
    /// The consolidated workbook of the round these inputs follow: every ID is reconciled
    /// against it, and the new workbook records which round it follows.
    pub follows: Option<PathBuf>,
    /// Threads reading files (default: the machine's cores).
    pub threads: Option<usize>,
    /// The run's settings.
    pub settings: Settings,
}

impl MergeRequest {
    /// A merge of `inputs` into `output`, with no JSON report and no round followed.
    pub fn new(inputs: Inputs, output: impl Into<PathBuf>, settings: Settings) -> MergeRequest {
        MergeRequest {
            inputs,
            output: output.into(),
            json: None,
            follows: None,
            threads: None,
            settings,
        }
    }
}

/// Merges the inputs into the workbook (and the JSON report); returns the run's tally.
///
/// ```no_run
/// use taizhang::config::Settings;
/// use taizhang::run::{self, Inputs, MergeRequest};
///
/// let settings = Settings::new(chrono::NaiveDate::from_ymd_opt(2023, 3, 30).unwrap());
/// let mut req = MergeRequest::new(Inputs::paths(["第二轮"]), "汇总_第二轮.xlsx", settings);
/// req.follows = Some("汇总_第一轮.xlsx".into());
/// let tally = run::merge(&req)?;
/// assert!(tally.ledgers > 0);
/// # Ok::<(), run::RunError>(())
/// ```
pub fn merge(req: &MergeRequest) -> Result<Tally, RunError> {
    merge_with(req, &())
}

/// [`merge`], saying its progress as it goes.
pub fn merge_with(req: &MergeRequest, progress: &dyn Progress) -> Result<Tally, RunError> {
    let mut settings = req.settings.clone();
    let lang = settings.lang;
    let round = match &req.follows {
        Some(path) => {
            let shown = crate::source::display_path(path);
            if write::same_path(path, &req.output) {
                return Err(write::WriteError::IsInput {
                    path: req.output.clone(),
                }
                .into());
            }
            let round = Round::read(path, &shown, &settings.limits)
                .map_err(|cause| RunError::Follows { shown, cause })?;
            settings.follows = Some(round.digest().to_string());
            Some(round)
        }
        None => None,
    };
    expect_extension(&req.output, "-o", "xlsx", lang)?;
    if let Some(j) = &req.json {
        expect_extension(j, "--json", "json", lang)?;
        if write::same_path(j, &req.output) {
            return Err(RunError::JsonIsOutput {
                path: j.display().to_string(),
                lang,
            });
        }
    }
    let inputs = req.inputs.resolve(&settings)?;
    write::refuse_inputs(&req.output, &inputs)?;
    if let Some(j) = &req.json {
        write::refuse_inputs(j, &inputs)?;
    }
    progress.start(inputs.len());
    let tally = consolidate(req, &inputs, &settings, round.as_ref(), progress)?;
    if let Some(j) = &req.json {
        write::write_bytes(j, json::check(&tally, lang).as_bytes())?;
    }
    Ok(tally)
}

/// Writes the workbook of inputs found and screened, reconciling each file's IDs against the
/// round followed: the IDs it does not know, those that come back twice, and at the end those
/// that did not come back.
fn consolidate(
    req: &MergeRequest,
    inputs: &[Input],
    settings: &Settings,
    round: Option<&Round>,
    progress: &dyn Progress,
) -> Result<Tally, RunError> {
    let mut book = Consolidator::new(settings).map_err(RunError::StartingWorkbook)?;
    book.keep_details(req.json.is_some());
    let preparer = book.preparer();
    let mut back = Back::default();
    process_in_order_with(
        inputs,
        settings,
        req.threads.unwrap_or_else(default_threads),
        |i, mut r| {
            let mut carried = Vec::new();
            if let Some(round) = round {
                for l in &r.ledgers {
                    carried.extend(crate::round::carried(l));
                }
                let unknown: Vec<_> = r
                    .ledgers
                    .iter()
                    .flat_map(|l| round.unknown_ids(l))
                    .collect();
                r.findings.extend(unknown);
            }
            (preparer.prepare(i, r), carried)
        },
        |_, (mut p, carried)| {
            progress.added(&p.record.path);
            p.findings.extend(Round::take(&mut back, &carried));
            book.add_prepared(p)
        },
    )
    .map_err(RunError::WritingLedgerSheet)?;
    if let Some(round) = round {
        book.add_findings(&round.not_returned(&back))
            .map_err(RunError::WritingFindings)?;
    }
    if let Err(e) = require_ledgers(book.report(), settings) {
        progress.finish();
        return Err(e);
    }
    progress.saving();
    let tally = book
        .finish(&req.output)
        .map_err(RunError::WritingWorkbook)?;
    progress.finish();
    Ok(tally)
}

/// The merge of the command-less form (`taizhang FILE...`, what dropping files on the program
/// does): taizhang's own workbooks are not read, and the workbook is `汇总_<as-of>.xlsx` in the
/// current folder — or, the files `dropped` on the program in Explorer (whose current folder is
/// none the clerk chose), beside the first item dropped when its path is absolute.
///
/// It runs only on paths that exist: none given, or one that does not exist, is refused — the
/// first argument perhaps a mistyped command among `commands`, which the refusal then names.
///
/// ```
/// use taizhang::{config::Settings, run::{RunError, merge::bare}};
/// let settings = Settings::new(chrono::NaiveDate::from_ymd_opt(2023, 3, 30).unwrap());
/// let e = bare(vec!["chk".into()], &["check", "merge"], settings, false).unwrap_err();
/// assert!(matches!(e, RunError::NotAPath { suggestion: Some("check"), .. }));
/// ```
pub fn bare(
    paths: Vec<PathBuf>,
    commands: &[&'static str],
    settings: Settings,
    dropped: bool,
) -> Result<MergeRequest, RunError> {
    let lang = settings.lang;
    if paths.is_empty() {
        return Err(RunError::NoInputGiven { lang });
    }
    if let Some(p) = paths.iter().find(|p| std::fs::symlink_metadata(p).is_err()) {
        let arg = p.display().to_string();
        let suggestion = (paths.first() == Some(p))
            .then(|| suggest(&arg, commands))
            .flatten();
        return Err(RunError::NotAPath {
            arg,
            suggestion,
            lang,
        });
    }
    let name = crate::messages::run::bare_output_name(settings.as_of, lang);
    let output = dropped
        .then(|| beside_dropped(&paths, &name))
        .flatten()
        .unwrap_or_else(|| PathBuf::from(name));
    let inputs = Inputs::Paths {
        paths,
        own_outputs: false,
    };
    Ok(MergeRequest::new(inputs, output, settings))
}

/// Where a merge of files dropped on the program writes its workbook named `name`: in the
/// folder that holds the first item dropped (the folder the clerk dragged it from), so the
/// workbook appears beside the ledgers whatever folder Explorer started the program in.
/// `None` when that folder is unknown (a relative path); the current folder then.
fn beside_dropped(inputs: &[PathBuf], name: &str) -> Option<PathBuf> {
    let first = inputs.first()?;
    if !first.is_absolute() {
        return None;
    }
    let folder = first.parent()?;
    Some(folder.join(name))
}

/// The command a mistyped word most likely means: one edit away, or its start.
fn suggest(word: &str, commands: &[&'static str]) -> Option<&'static str> {
    let w = word.to_ascii_lowercase();
    commands
        .iter()
        .copied()
        .find(|c| (w.len() >= 2 && c.starts_with(w.as_str())) || strsim::levenshtein(&w, c) <= 2)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_workbook_of_a_drop_goes_beside_the_first_item_dropped() {
        let root = std::env::temp_dir();
        let folder = root.join("台账").join("北安区");
        let got = beside_dropped(std::slice::from_ref(&folder), "汇总_2026-12-07.xlsx")
            .expect("an absolute path has a folder");
        assert_eq!(got.parent(), Some(root.join("台账").as_path()));
        assert!(got.ends_with("汇总_2026-12-07.xlsx"));
        let file = root.join("台账").join("庆利社区.xlsx");
        let got = beside_dropped(&[file, folder], "汇总.xlsx").expect("absolute");
        assert_eq!(got.parent(), Some(root.join("台账").as_path()));
        // Typed in a console, relative to where it was typed: the current folder, as today.
        assert_eq!(
            beside_dropped(&[PathBuf::from("samples")], "汇总.xlsx"),
            None
        );
        assert_eq!(beside_dropped(&[], "汇总.xlsx"), None);
    }
}
