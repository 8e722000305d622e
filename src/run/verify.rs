//! Verify: the proofs of a consolidated workbook — its totals follow from its rows, its rows
//! were not edited after merge, its rows match its sources, and published figures are what it
//! says.

use super::RunError;
use crate::Lang;
use crate::source::consolidated::{Consolidated, open_consolidated};
use crate::source::guard::Limits;
use crate::verify::claims::Claim;
use crate::verify::{Options, Verdict, verify_opened};
use std::path::PathBuf;

/// The workbook to prove, and against what.
#[derive(Debug, Clone)]
pub struct VerifyRequest {
    /// The consolidated workbook written by `taizhang merge`.
    pub workbook: PathBuf,
    /// The source files or folders, to compare with what the workbook records.
    pub sources: Vec<PathBuf>,
    /// Published figures.
    pub claims: Vec<Claim>,
    /// The language of the verdict (default: the workbook's).
    pub lang: Option<Lang>,
    /// The limits the files are read within.
    pub limits: Limits,
}

impl VerifyRequest {
    /// The proofs of a workbook by itself: no sources, no published figure.
    pub fn new(workbook: impl Into<PathBuf>) -> VerifyRequest {
        VerifyRequest {
            workbook: workbook.into(),
            sources: Vec::new(),
            claims: Vec::new(),
            lang: None,
            limits: Limits::default(),
        }
    }
}

/// The workbook as read, and its verdict.
pub struct Verified {
    /// The workbook.
    pub workbook: Consolidated,
    /// The verdict: its conclusion and every discrepancy.
    pub verdict: Verdict,
    /// The language the verdict is said in.
    pub lang: Lang,
}

/// Proves the workbook. A path of `sources` that does not exist is the caller's mistake, not
/// the workbook's: refused before the workbook is read.
///
/// ```no_run
/// use taizhang::run::{self, VerifyRequest};
///
/// let mut req = VerifyRequest::new("汇总.xlsx");
/// req.sources = vec!["ledgers".into()];
/// req.claims = vec!["measures=30".parse()?];
/// let v = run::verify::verify(&req)?;
/// println!("{:?}", v.verdict.conclusion);
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
pub fn verify(req: &VerifyRequest) -> Result<Verified, RunError> {
    if let Some(p) = req
        .sources
        .iter()
        .find(|p| std::fs::symlink_metadata(p).is_err())
    {
        return Err(RunError::SourcesMissing {
            path: p.display().to_string(),
            lang: Lang::Zh,
        });
    }
    let opened = open_consolidated(&req.workbook, &req.limits)?;
    let (workbook, verdict) = verify_opened(
        opened,
        &Options {
            sources: req.sources.clone(),
            claims: req.claims.clone(),
        },
        &req.limits,
    )?;
    let lang = req.lang.unwrap_or(workbook.lang);
    Ok(Verified {
        workbook,
        verdict,
        lang,
    })
}
