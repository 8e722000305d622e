//! Columns: for every ledger of the inputs, the column each field was read from and why (its
//! header, its values, the configuration), and the next best column.

use super::{Inputs, RunError, require_ledgers};
use crate::config::Settings;
use crate::pipeline::{InputRecord, Part, default_threads, process_in_order_with};
use crate::tally::Tally;

/// The inputs' records, one a file (a file read in parts is one record with all its ledgers),
/// each ledger with the mapping of its columns; [`require_ledgers_in`] says when none held a
/// ledger.
///
/// ```no_run
/// use taizhang::config::Settings;
/// use taizhang::run::{self, Inputs};
///
/// let settings = Settings::new(chrono::NaiveDate::from_ymd_opt(2023, 3, 30).unwrap());
/// let records = run::columns::columns(&Inputs::paths(["ledgers"]), &settings)?;
/// print!("{}", taizhang::output::columns::render(&records, settings.lang));
/// run::columns::require_ledgers_in(&records, &settings)?;
/// # Ok::<(), run::RunError>(())
/// ```
pub fn columns(inputs: &Inputs, settings: &Settings) -> Result<Vec<InputRecord>, RunError> {
    let inputs = inputs.resolve(settings)?;
    let mut records: Vec<InputRecord> = Vec::new();
    process_in_order_with(
        &inputs,
        settings,
        default_threads(),
        |_, r| (r.part, r.record),
        |_, (part, r)| {
            match records.last_mut() {
                Some(first) if part.index > 0 => first.absorb(&r),
                _ => records.push(r),
            }
            Ok::<(), std::convert::Infallible>(())
        },
    )
    .ok();
    Ok(records)
}

/// Fails when no record holds a ledger, with why each gave none.
pub fn require_ledgers_in(records: &[InputRecord], settings: &Settings) -> Result<(), RunError> {
    if records.iter().any(|r| !r.ledgers.is_empty()) {
        return Ok(());
    }
    let mut t = Tally::new(settings.as_of);
    for r in records {
        t.add_counted(Part::WHOLE, r, std::iter::empty(), &[]);
    }
    require_ledgers(&t, settings)
}
