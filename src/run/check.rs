//! Check: every input read, its findings handed on as they come, in input order, and the
//! counters by unit — for people, or as the JSON document of spec 5.

use super::{Inputs, RunError};
use crate::config::Settings;
use crate::finding::Finding;
use crate::output::json::CheckJson;
use crate::pipeline;
use crate::tally::Tally;
use std::io::Write;

/// The ledgers to check.
#[derive(Debug, Clone)]
pub struct CheckRequest {
    /// The ledgers.
    pub inputs: Inputs,
    /// The run's settings.
    pub settings: Settings,
}

/// Reads the inputs in order, counting them, and hands every finding (the files' and those the
/// counting adds) to `each` as it comes: memory holds none of them. The ledgers are dropped on
/// the threads that built them. A run that read no ledger is not refused here (what it found
/// is said first): [`super::require_ledgers`] says so.
///
/// ```no_run
/// use taizhang::config::Settings;
/// use taizhang::run::{self, CheckRequest, Inputs};
///
/// let settings = Settings::new(chrono::NaiveDate::from_ymd_opt(2023, 3, 30).unwrap());
/// let req = CheckRequest { inputs: Inputs::paths(["ledgers"]), settings };
/// let tally = run::check::check(&req, &mut |f| {
///     println!("{}: {:?}", f.file, f.rule);
///     Ok(())
/// })?;
/// run::require_ledgers(&tally, &req.settings)?;
/// # Ok::<(), run::RunError>(())
/// ```
pub fn check(
    req: &CheckRequest,
    each: &mut dyn FnMut(&Finding) -> std::io::Result<()>,
) -> Result<Tally, RunError> {
    let settings = &req.settings;
    let inputs = req.inputs.resolve(settings)?;
    let mut tally = Tally::new(settings.as_of);
    tally.keep_findings = false;
    pipeline::process_in_order_with(
        &inputs,
        settings,
        pipeline::default_threads(),
        |_, r| r.counted(settings),
        |_, c| {
            let added = tally.add_counted(
                c.part,
                &c.record,
                c.ledgers.iter().map(|(n, k)| (n.as_str(), k)),
                &c.findings,
            );
            for f in c.findings.iter().chain(&added) {
                each(f)?;
            }
            Ok::<(), std::io::Error>(())
        },
    )
    .map_err(RunError::SpoolingFindings)?;
    Ok(tally)
}

/// Writes the JSON document of `check --format json` to `out`: the findings wait in a
/// temporary file until the totals that head the document are known.
pub fn check_json(req: &CheckRequest, out: &mut dyn Write) -> Result<Tally, RunError> {
    let mut spool = CheckJson::new(req.settings.lang).map_err(RunError::TemporaryFile)?;
    let tally = check(req, &mut |f| spool.push(f))?;
    spool.finish(&tally, out)?;
    Ok(tally)
}
