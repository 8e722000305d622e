//! Convert: one ledger in a standard form — the template's layout (`.xlsx`), CSV in UTF-8 with
//! a BOM (`.csv`), or records with typed deadline and status (`.json`).

use super::{RunError, extension_of};
use crate::Lang;
use crate::config::Settings;
use crate::convert::{records, standard_ledger, to_csv};
use crate::ledger::Ledger;
use crate::messages;
use crate::pipeline::process_file;
use crate::source::Input;
use crate::workbook::template::standard_workbook;
use crate::write;
use std::path::PathBuf;

/// The ledger to convert, and where to.
#[derive(Debug, Clone)]
pub struct ConvertRequest {
    /// The ledger file.
    pub input: PathBuf,
    /// The file to write: `.xlsx`, `.csv` or `.json`.
    pub output: PathBuf,
    /// The sheet to convert, when the file holds several ledgers.
    pub sheet: Option<String>,
    /// The run's settings.
    pub settings: Settings,
}

/// The ledger converted.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Converted {
    /// Its unit.
    pub unit: String,
    /// Its sheet.
    pub sheet: String,
    /// Its measures.
    pub measures: usize,
}

/// What the input held instead of the one ledger to convert. Names are `sheet(unit)` for
/// the ledgers of several units, sheet names otherwise.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Which {
    /// No ledger at all.
    NoneFound,
    /// Several ledgers, and no sheet named.
    Several(Vec<String>),
    /// No ledger on the sheet named; the sheets that have one.
    NoneOnSheet(String, Vec<String>),
    /// The ledgers of several units on the sheet named.
    SeveralOnSheet(String, Vec<String>),
}

/// Why the ledger to convert is not one, in `lang`.
pub(crate) fn refusal(file: &str, which: &Which, lang: Lang) -> String {
    fn strs(v: &[String]) -> Vec<&str> {
        v.iter().map(String::as_str).collect()
    }
    match which {
        Which::NoneFound => messages::run::no_ledger_found(file, lang),
        Which::Several(names) => messages::run::several_ledgers(file, &strs(names), lang),
        Which::NoneOnSheet(sheet, names) => {
            messages::run::no_ledger_on_sheet(file, sheet, &strs(names), lang)
        }
        Which::SeveralOnSheet(sheet, names) => {
            messages::run::several_units_on_sheet(file, sheet, &strs(names), lang)
        }
    }
}

/// Converts the one ledger of the input (or of the sheet named) into the output's form.
///
/// ```no_run
/// use taizhang::config::Settings;
/// use taizhang::run::{self, ConvertRequest};
///
/// let converted = run::convert::convert(&ConvertRequest {
///     input: "庆利社区.xls".into(),
///     output: "庆利社区.csv".into(),
///     sheet: None,
///     settings: Settings::new(chrono::NaiveDate::from_ymd_opt(2023, 3, 30).unwrap()),
/// })?;
/// println!("{} measures", converted.measures);
/// # Ok::<(), run::RunError>(())
/// ```
pub fn convert(req: &ConvertRequest) -> Result<Converted, RunError> {
    let settings = &req.settings;
    let lang = settings.lang;
    let ext = extension_of(&req.output, &["xlsx", "csv", "json"], lang)?;
    let input = Input::new(&req.input);
    write::refuse_inputs(&req.output, std::slice::from_ref(&input))?;
    let result = process_file(&input, settings);
    if let Some(e) = &result.record.error {
        return Err(RunError::UnreadableInput {
            file: input.display,
            cause: e.clone(),
            lang,
        });
    }
    let ledger = one_ledger(&result.ledgers, req.sheet.as_deref()).map_err(|which| {
        RunError::WhichLedger {
            file: input.display.clone(),
            which,
            lang,
        }
    })?;
    let std = standard_ledger(ledger);
    match ext.as_str() {
        "xlsx" => {
            let mut wb = standard_workbook(&std).map_err(RunError::BuildingWorkbook)?;
            write::write_atomic(&req.output, |f| {
                wb.save_to_writer(f).map_err(|e| e.to_string())
            })?;
        }
        "csv" => write::write_bytes(&req.output, &to_csv(&std))?,
        _ => {
            let mut text = serde_json::to_string_pretty(&records(ledger, settings))?;
            text.push('\n');
            write::write_bytes(&req.output, text.as_bytes())?;
        }
    }
    Ok(Converted {
        unit: ledger.unit.clone(),
        sheet: ledger.sheet.clone(),
        measures: ledger.measures.len(),
    })
}

/// The one ledger to convert. A sheet that holds several units' ledgers (a consolidated
/// workbook, a ledger with a unit column) is named with its units, never cut to its first.
fn one_ledger<'a>(ledgers: &'a [Ledger], sheet: Option<&str>) -> Result<&'a Ledger, Which> {
    let unit_names = |ls: &[&Ledger]| -> Vec<String> {
        ls.iter()
            .map(|l| format!("{}({})", l.sheet, l.unit))
            .collect()
    };
    let all: Vec<&Ledger> = ledgers.iter().collect();
    match sheet {
        Some(name) => {
            let on_sheet: Vec<&Ledger> = all.iter().copied().filter(|l| l.sheet == name).collect();
            match on_sheet.as_slice() {
                [one] => Ok(*one),
                [] => {
                    let mut names: Vec<String> = all.iter().map(|l| l.sheet.clone()).collect();
                    names.dedup();
                    Err(Which::NoneOnSheet(name.to_string(), names))
                }
                many => Err(Which::SeveralOnSheet(name.to_string(), unit_names(many))),
            }
        }
        None => match all.as_slice() {
            [one] => Ok(*one),
            [] => Err(Which::NoneFound),
            many => Err(Which::Several(unit_names(many))),
        },
    }
}
