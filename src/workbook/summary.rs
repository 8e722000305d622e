//! Writes the summary sheet as [`crate::schema::summary`] describes it: every number a formula
//! that carries its computed result, so Excel, WPS, LibreOffice and readers that never
//! recalculate all show the right number.

use super::CategoryCounters;
use super::style::{Formats, print_setup};
use crate::config::Settings;
use crate::model::Counters;
use crate::schema::summary::{
    self as schema, AS_OF_COL, AS_OF_ROW, COLUMNS, Layout, Ranges, RowOf, SENTENCE_ROW, SummaryCol,
    TABLE_HEADER_ROW, TITLE_ROW, cell_formula, format_rate,
};
use crate::tally::Tally;
use rust_xlsxwriter::{Formula, Worksheet, XlsxError};

/// One row of counters.
struct CounterRow<'a> {
    row: u32,
    /// What the first cell shows.
    label: &'a str,
    /// What the row counts.
    of: RowOf<'a>,
    counters: &'a Counters,
    total: bool,
}

/// What every counter row of a table shares.
struct Table<'a> {
    columns: &'a [SummaryCol],
    ranges: Ranges<'a>,
    fmt: &'a Formats,
    lang: crate::Lang,
}

impl Table<'_> {
    fn write(&self, ws: &mut Worksheet, c: &CounterRow) -> Result<(), XlsxError> {
        let fmt = self.fmt;
        let (f_num, f_pct) = if c.total {
            (&fmt.total, &fmt.total_percent)
        } else {
            (&fmt.number, &fmt.percent)
        };
        ws.write_string_with_format(
            c.row,
            0,
            c.label,
            if c.total { &fmt.total } else { &fmt.text },
        )?;
        for (i, column) in self.columns.iter().enumerate() {
            let Some(text) = cell_formula(*column, c.row, c.of, &self.ranges, self.lang) else {
                continue;
            };
            let (result, format) = match column {
                SummaryCol::CompletionRate => (format_rate(c.counters.completion_rate()), f_pct),
                SummaryCol::Count(k) => (c.counters[*k].to_string(), f_num),
                SummaryCol::Name => continue,
            };
            ws.write_formula_with_format(
                c.row,
                i as u16,
                Formula::new(text).set_result(result),
                format,
            )?;
        }
        Ok(())
    }
}

/// Writes the summary sheet: `ledger` and `findings` are the sheets (and last rows) its
/// formulas count over.
pub fn write_summary(
    ws: &mut Worksheet,
    fmt: &Formats,
    s: &Settings,
    report: &Tally,
    categories: &CategoryCounters,
    ledger: &[(String, u32)],
    findings: &[(String, u32)],
) -> Result<(), XlsxError> {
    let lang = s.lang;
    let table = Table {
        columns: &COLUMNS,
        ranges: Ranges { ledger, findings },
        fmt,
        lang,
    };
    let layout = Layout {
        communities: report.communities.len() as u32,
        categories: categories.rows.len() as u32,
    };
    let width = COLUMNS.len() as u16;
    ws.set_row_height(TITLE_ROW, 32)?;
    ws.merge_range(
        TITLE_ROW,
        0,
        TITLE_ROW,
        width - 1,
        schema::title(lang),
        &fmt.title,
    )?;
    ws.write_string_with_format(AS_OF_ROW, 0, schema::as_of_label(lang), &fmt.label)?;
    ws.write_datetime_with_format(AS_OF_ROW, AS_OF_COL, super::excel_date(s.as_of)?, &fmt.date)?;

    for (i, c) in COLUMNS.iter().enumerate() {
        ws.write_string_with_format(TABLE_HEADER_ROW, i as u16, c.header(lang), &fmt.header)?;
    }
    for (k, c) in report.communities.iter().enumerate() {
        let row = layout.community_row(k as u32);
        table.write(
            ws,
            &CounterRow {
                row,
                label: &c.community,
                of: RowOf::Community {
                    name: &c.community,
                    row,
                },
                counters: &c.counters,
                total: false,
            },
        )?;
    }
    let total_row = layout.total_row();
    table.write(
        ws,
        &CounterRow {
            row: total_row,
            label: schema::total_label(lang),
            of: RowOf::Total,
            counters: &report.totals,
            total: true,
        },
    )?;

    // The report sentence, as a formula over the total row.
    ws.merge_range(SENTENCE_ROW, 0, SENTENCE_ROW, width - 1, "", &fmt.plain)?;
    ws.set_row_height(SENTENCE_ROW, 36)?;
    ws.write_formula_with_format(
        SENTENCE_ROW,
        0,
        Formula::new(schema::sentence_formula(total_row, s.as_of, lang))
            .set_result(schema::sentence(&report.totals, s.as_of, lang)),
        &fmt.plain,
    )?;

    // By category.
    ws.write_string_with_format(
        layout.by_category_row(),
        0,
        schema::by_category_label(lang),
        &fmt.label,
    )?;
    let cat_columns = schema::category_columns();
    for (i, c) in cat_columns.iter().enumerate() {
        let label = match c {
            SummaryCol::Name => schema::category_header(lang),
            other => other.header(lang),
        };
        ws.write_string_with_format(layout.category_header_row(), i as u16, label, &fmt.header)?;
    }
    let cat_table = Table {
        columns: &cat_columns,
        ranges: Ranges { ledger, findings },
        fmt,
        lang,
    };
    for (k, (name, counters)) in categories.rows.iter().enumerate() {
        let row = layout.category_row(k as u32);
        let label = if name.is_empty() {
            schema::no_category(lang)
        } else {
            name.as_str()
        };
        cat_table.write(
            ws,
            &CounterRow {
                row,
                label,
                of: RowOf::Category { name, row },
                counters,
                total: false,
            },
        )?;
    }

    let names = report
        .communities
        .iter()
        .map(|c| c.community.as_str())
        .chain(categories.rows.iter().map(|(n, _)| n.as_str()));
    let widest = names
        .map(crate::value::text::display_width)
        .max()
        .unwrap_or(10);
    ws.set_column_width(0, (widest as f64 + 2.0).clamp(12.0, 40.0))?;
    for c in 1..width {
        ws.set_column_width(c, 9.5)?;
    }
    ws.set_column_width(width - 1, 10)?;
    print_setup(ws, None, TABLE_HEADER_ROW)?;
    ws.set_freeze_panes(0, 0)?;
    ws.set_active(true);
    Ok(())
}
