//! Check: every input read, its findings handed on as they come, in input order, and the
//! counters by unit — for people, or as the JSON document of spec 5.

use super::{Inputs, RunError};
use crate::Lang;
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

/// The findings of [`check`] as CSV for a spreadsheet, written to `out` as they come: a
/// byte-order mark (so that Excel reads it as UTF-8), then a row per finding — severity, rule
/// by name, unit, file, sheet, cell, message and the rule's id last. The column names,
/// severities and rule names are in `lang`, the messages in the run's language; a cell that
/// looks like a formula is neutralised ([`crate::convert::csv_safe`]).
///
/// ```no_run
/// use taizhang::config::Settings;
/// use taizhang::run::{self, CheckRequest, Inputs};
///
/// let settings = Settings::new(chrono::NaiveDate::from_ymd_opt(2023, 3, 30).unwrap());
/// let req = CheckRequest { inputs: Inputs::paths(["ledgers"]), settings };
/// let mut csv = Vec::new();
/// run::check::check_csv(&req, taizhang::Lang::Zh, &mut csv)?;
/// # Ok::<(), run::RunError>(())
/// ```
pub fn check_csv(req: &CheckRequest, lang: Lang, out: &mut dyn Write) -> Result<Tally, RunError> {
    use crate::convert::csv_safe;
    use crate::model::Severity;
    let spooling = |e: csv::Error| RunError::SpoolingFindings(e.into());
    out.write_all(b"\xEF\xBB\xBF")
        .map_err(RunError::SpoolingFindings)?;
    let mut w = csv::Writer::from_writer(out);
    let header = match lang {
        Lang::Zh => [
            "级别",
            "规则",
            "单位",
            "文件",
            "工作表",
            "单元格",
            "说明",
            "规则ID",
        ],
        Lang::En => [
            "Severity", "Rule", "Unit", "File", "Sheet", "Cell", "Message", "Rule ID",
        ],
    };
    w.write_record(header).map_err(spooling)?;
    let messages = req.settings.lang;
    let tally = check(req, &mut |f| {
        let severity = match (f.severity(), lang) {
            (Severity::Error, Lang::Zh) => "错误",
            (Severity::Warning, Lang::Zh) => "警告",
            (Severity::Info, Lang::Zh) => "提示",
            (Severity::Error, Lang::En) => "error",
            (Severity::Warning, Lang::En) => "warning",
            (Severity::Info, Lang::En) => "info",
        };
        w.write_record([
            severity,
            crate::messages::findings::rule_name(f.rule, lang),
            &csv_safe(&f.unit),
            &csv_safe(&f.file),
            &csv_safe(&f.sheet),
            &f.cell.map(|c| c.to_string()).unwrap_or_default(),
            &csv_safe(&crate::messages::findings::message(f, messages)),
            f.rule.id(),
        ])
        .map_err(std::io::Error::from)
    })?;
    w.flush().map_err(RunError::SpoolingFindings)?;
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
