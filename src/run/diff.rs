//! Diff: what changed between two rounds of consolidated workbooks — postponed deadlines and
//! removed measures first, then status, responsibility and text changes, then added measures —
//! and, when asked, the changes as a workbook.

use super::{RunError, expect_extension};
use crate::Lang;
use crate::diff::{Changes, Matching, diff_files};
use crate::source::Input;
use crate::source::consolidated::Consolidated;
use crate::source::guard::Limits;
use crate::workbook::changes::write_changes;
use std::path::PathBuf;

/// The two rounds to compare.
#[derive(Debug, Clone)]
pub struct DiffRequest {
    /// The earlier consolidated workbook.
    pub old: PathBuf,
    /// The later consolidated workbook.
    pub new: PathBuf,
    /// Also the changes as a workbook, to this file (`.xlsx`).
    pub output: Option<PathBuf>,
    /// The language of the changes (default: the new workbook's).
    pub lang: Option<Lang>,
    /// The limits the workbooks are read within.
    pub limits: Limits,
}

impl DiffRequest {
    /// The changes from `old` to `new`, in the new workbook's language, written nowhere.
    pub fn new(old: impl Into<PathBuf>, new: impl Into<PathBuf>) -> DiffRequest {
        DiffRequest {
            old: old.into(),
            new: new.into(),
            output: None,
            lang: None,
            limits: Limits::default(),
        }
    }
}

/// The changes between two rounds.
pub struct Diffed {
    /// The changes, in their temporary file, read back as they are iterated.
    pub changes: Changes,
    /// The later workbook, as read.
    pub new: Consolidated,
    /// How the measures of the two rounds were matched.
    pub matching: Matching,
    /// The language the changes are said in.
    pub lang: Lang,
}

/// Compares the rounds, and writes the changes' workbook when the request names one.
///
/// ```no_run
/// use taizhang::run::{self, DiffRequest};
///
/// let diffed = run::diff::diff(&DiffRequest::new("汇总_第一轮.xlsx", "汇总_第二轮.xlsx"))?;
/// for change in diffed.changes.iter() {
///     println!("{:?}", change?);
/// }
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
pub fn diff(req: &DiffRequest) -> Result<Diffed, RunError> {
    let (changes, new, matching) = diff_files(&req.old, &req.new, &req.limits)?;
    let lang = req.lang.unwrap_or(new.lang);
    if let Some(out) = &req.output {
        expect_extension(out, "-o", "xlsx", lang)?;
        let inputs = [Input::new(&req.old), Input::new(&req.new)];
        crate::write::refuse_inputs(out, &inputs)?;
        // The workbook writer holds its cells until it saves: the changes are gathered for it.
        let all = changes.iter().collect::<std::io::Result<Vec<_>>>()?;
        write_changes(&all, lang, new.meta.as_of, out)?;
    }
    Ok(Diffed {
        changes,
        new,
        matching,
        lang,
    })
}
