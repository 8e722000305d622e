//! Writes the sources sheet as [`crate::schema::sources`] describes it: the run's record, the
//! column digests, and the inputs' table (its rows written as the files come).

use super::style::{Formats, Widths, print_setup};
use crate::Lang;
use crate::config::{ConfigFile, Settings};
use crate::messages;
use crate::pipeline::InputRecord;
use crate::schema::ledger::{Out, digested_headers};
use crate::schema::sources::{
    self as schema, COLUMN_DIGEST_ROW, LABEL_COL, Record, SHEET_SEPARATOR, SourcesCol, TABLE_ROW,
    TITLE_ROW, VALUE_COL, column_digest_label,
};

fn widths() -> Widths {
    Widths::new(SourcesCol::ALL.iter().map(|c| c.width()).collect())
}

fn lines(col: SourcesCol, t: &str) -> usize {
    widths().lines(col.index().into(), t)
}

/// One input's row of the inputs table (its number from 1, its file, hash, size, format, the
/// ledgers read from it, its error), and the row's height when it needs more than a line.
pub(crate) fn source_row(k: u64, input: &InputRecord, lang: Lang) -> (Vec<Out>, Option<f64>) {
    // Each ledger read, then the columns its sheet was read from (once for a sheet of several
    // units).
    let mut text: Vec<String> = Vec::new();
    for (i, l) in input.ledgers.iter().enumerate() {
        text.push(messages::run::ledger_read(l, lang));
        let last_of_sheet = input.ledgers.get(i + 1).is_none_or(|n| n.sheet != l.sheet);
        if last_of_sheet {
            text.push(messages::run::mapping_line(&l.columns, lang));
        }
    }
    let ledgers = text.join("\n");
    let error = messages::run::input_error(input, lang)
        .or_else(|| messages::run::input_skipped(input, lang))
        .unwrap_or_default();
    let n = lines(SourcesCol::Ledgers, &ledgers)
        .max(lines(SourcesCol::Error, &error))
        .max(lines(SourcesCol::File, &input.path));
    let cells = SourcesCol::ALL
        .iter()
        .map(|c| match c {
            SourcesCol::No => Out::Number(k as f64),
            SourcesCol::File => Out::text(input.path.clone()),
            SourcesCol::Sha256 => Out::text(input.sha256.clone()),
            SourcesCol::Bytes => Out::Number(input.bytes as f64),
            SourcesCol::Format => Out::text(input.format.clone()),
            SourcesCol::Ledgers => Out::text(ledgers.clone()),
            SourcesCol::Error => Out::text(error.clone()),
        })
        .collect();
    (cells, super::style::row_height(n))
}

/// Writes the sources sheet but for its inputs' rows: the title, the run's record, the column
/// digests, and the header of the inputs' table at [`TABLE_ROW`].
#[allow(clippy::too_many_arguments)]
pub(crate) fn write_sources(
    ws: &mut rust_xlsxwriter::Worksheet,
    fmt: &Formats,
    s: &Settings,
    ledger_sheets: &[String],
    rows: u64,
    digest: &str,
    column_digests: &[String],
    inputs: u64,
) -> Result<(), rust_xlsxwriter::XlsxError> {
    let lang = s.lang;
    let last = SourcesCol::ALL.len() as u16 - 1;
    ws.merge_range(
        TITLE_ROW,
        0,
        TITLE_ROW,
        last,
        schema::title(lang),
        &fmt.title,
    )?;
    for rec in Record::ALL {
        let v = match rec {
            Record::AsOf => s.as_of.format("%Y-%m-%d").to_string(),
            Record::Version => format!("taizhang {}", crate::VERSION),
            Record::Config => effective_config(s),
            Record::LedgerSheets => ledger_sheets.join(SHEET_SEPARATOR),
            Record::LedgerRows => rows.to_string(),
            Record::LedgerDigest => digest.to_string(),
            Record::Follows => s.follows.clone().unwrap_or_default(),
        };
        let n = super::style::wrapped_lines(&v, value_room());
        if n > 1 {
            ws.set_row_height(rec.row(), 13.5 * n.min(40) as f64)?;
        }
        ws.write_string_with_format(rec.row(), LABEL_COL, rec.label(lang), &fmt.label)?;
        ws.merge_range(rec.row(), VALUE_COL, rec.row(), last, "", &fmt.plain)?;
        ws.write_string_with_format(rec.row(), VALUE_COL, v, &fmt.plain)?;
    }
    let headers = digested_headers(lang);
    for (row, (h, d)) in (COLUMN_DIGEST_ROW..).zip(headers.iter().zip(column_digests)) {
        ws.write_string_with_format(
            row,
            LABEL_COL,
            format!("{}{h}", column_digest_label(lang)),
            &fmt.label,
        )?;
        ws.merge_range(row, VALUE_COL, row, last, "", &fmt.plain)?;
        ws.write_string_with_format(row, VALUE_COL, d, &fmt.plain)?;
    }
    for c in SourcesCol::ALL {
        ws.write_string_with_format(TABLE_ROW, c.index(), c.header(lang), &fmt.header)?;
    }
    ws.autofilter(TABLE_ROW, 0, TABLE_ROW + inputs.max(1) as u32, last)?;
    for c in SourcesCol::ALL {
        ws.set_column_width(c.index(), c.width())?;
    }
    // The title as the page's header: the title row is not in the print area.
    print_setup(ws, s.paper, Some(schema::title(lang)), 0)?;
    // Only the inputs' table prints, without its SHA-256 (the last column): the record above
    // it (configuration, digests) and the hashes are for verify and auditors on screen.
    ws.set_print_area(
        TABLE_ROW,
        0,
        TABLE_ROW + inputs.max(1) as u32,
        SourcesCol::LAST_PRINTED.index(),
    )?;
    ws.set_repeat_rows(TABLE_ROW, TABLE_ROW)?;
    Ok(())
}

/// The characters a line of the record's values holds: they are merged across the table's
/// columns from [`VALUE_COL`].
fn value_room() -> usize {
    let w: f64 = SourcesCol::ALL
        .iter()
        .skip(usize::from(VALUE_COL))
        .map(|c| c.width())
        .sum();
    (w - super::style::PADDING).max(2.0) as usize
}

/// The settings in force, as the TOML of a configuration file.
pub(crate) fn effective_config(s: &Settings) -> String {
    let c = ConfigFile {
        as_of: Some(s.as_of),
        due_soon_days: Some(s.due_soon_days),
        feedback_date: s.feedback_date,
        include_hidden: Some(s.include_hidden),
        accept_uncertain: s.accept_uncertain.then_some(true),
        lang: Some(s.lang),
        headers: s.config.headers.clone(),
        statuses: s.config.statuses.clone(),
        units: s.config.units.clone(),
        required: s.config.required.clone(),
        columns: s.config.columns.clone(),
    };
    toml::to_string(&c).unwrap_or_default()
}
