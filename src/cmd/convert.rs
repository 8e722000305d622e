//! `taizhang convert INPUT -o OUT.xlsx|OUT.csv|OUT.json [--sheet NAME]`
//!
//! One ledger in a standard form: the template's layout (`.xlsx`), CSV in UTF-8 with a BOM
//! (`.csv`), or records with typed deadline and status (`.json`).

use crate::cmd::ReadArgs;
use anyhow::{Context, bail};
use clap::Args;
use std::path::PathBuf;
use taizhang::convert::{records, standard_ledger, to_csv};
use taizhang::pipeline::process_file;
use taizhang::workbook::template::standard_workbook;
use taizhang::{messages, source, write};

/// Arguments of `convert`.
#[derive(Debug, Args)]
pub struct ConvertArgs {
    /// The ledger file.
    #[arg(value_name = "INPUT")]
    pub input: PathBuf,
    /// The file to write: .xlsx, .csv or .json.
    #[arg(short, long, value_name = "OUT")]
    pub output: PathBuf,
    /// The sheet to convert, when the workbook holds several ledgers.
    #[arg(long, value_name = "NAME")]
    pub sheet: Option<String>,
    /// Options shared with the other commands.
    #[command(flatten)]
    pub read: ReadArgs,
}

/// Runs `convert`.
pub fn run(args: ConvertArgs) -> anyhow::Result<u8> {
    let settings = args.read.settings()?;
    let lang = settings.lang;
    let ext = args
        .output
        .extension()
        .and_then(|e| e.to_str())
        .map(str::to_ascii_lowercase)
        .unwrap_or_default();
    const WRITES: [&str; 3] = ["xlsx", "csv", "json"];
    if !WRITES.contains(&ext.as_str()) {
        bail!(messages::run::output_extension(
            &args.output.display().to_string(),
            &WRITES,
            lang
        ));
    }
    let input = source::Input::new(&args.input);
    write::refuse_inputs(&args.output, std::slice::from_ref(&input))?;
    let result = process_file(&input, &settings);
    if let Some(e) = &result.record.error {
        bail!(messages::run::unreadable_input(&input.display, e, lang));
    }
    // One ledger is converted: a sheet that holds several units' ledgers (a consolidated
    // workbook, a ledger with a unit column) is named with its units, never cut to its first.
    let unit_names = |ls: &[&taizhang::ledger::Ledger]| -> Vec<String> {
        ls.iter()
            .map(|l| format!("{}({})", l.sheet, l.community))
            .collect()
    };
    let ledger = match &args.sheet {
        Some(name) => {
            let on_sheet: Vec<&taizhang::ledger::Ledger> =
                result.ledgers.iter().filter(|l| &l.sheet == name).collect();
            match on_sheet.as_slice() {
                [one] => *one,
                [] => {
                    let mut names: Vec<&str> =
                        result.ledgers.iter().map(|l| l.sheet.as_str()).collect();
                    names.dedup();
                    bail!(messages::run::no_ledger_on_sheet(
                        &input.display,
                        name,
                        &names,
                        lang
                    ))
                }
                many => {
                    let names = unit_names(many);
                    let names: Vec<&str> = names.iter().map(String::as_str).collect();
                    bail!(messages::run::several_units_on_sheet(
                        &input.display,
                        name,
                        &names,
                        lang
                    ))
                }
            }
        }
        None => match result.ledgers.as_slice() {
            [one] => one,
            [] => bail!(messages::run::no_ledger_found(&input.display, lang)),
            many => {
                let all: Vec<&taizhang::ledger::Ledger> = many.iter().collect();
                let names = unit_names(&all);
                let names: Vec<&str> = names.iter().map(String::as_str).collect();
                bail!(messages::run::several_ledgers(&input.display, &names, lang))
            }
        },
    };
    let std = standard_ledger(ledger);
    match ext.as_str() {
        "xlsx" => {
            let mut wb = standard_workbook(&std).context("building the workbook")?;
            write::write_atomic(&args.output, |f| {
                wb.save_to_writer(f).map_err(|e| e.to_string())
            })?;
        }
        "csv" => write::write_bytes(&args.output, &to_csv(&std))?,
        _ => {
            let mut text = serde_json::to_string_pretty(&records(ledger, &settings))?;
            text.push('\n');
            write::write_bytes(&args.output, text.as_bytes())?;
        }
    }
    println!(
        "{}",
        taizhang::output::terminal_text(&messages::run::wrote_convert(
            &args.output.display().to_string(),
            &ledger.community,
            &ledger.sheet,
            ledger.measures.len(),
            lang
        ))
    );
    Ok(0)
}
