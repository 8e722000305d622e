//! Writes the summary sheet as [`crate::schema::summary`] describes it: every number a formula
//! that carries its computed result, so Excel, WPS, LibreOffice and readers that never
//! recalculate all show the right number.

use super::CategoryCounters;
use super::style::{Formats, print_setup};
use crate::config::Settings;
use crate::model::Counter;
use crate::model::Counters;
use crate::schema::summary::{
    self as schema, AS_OF_COL, AS_OF_ROW, COLUMNS, Layout, Ranges, RowOf, SENTENCE_ROW, SummaryCol,
    TABLE_HEADER_ROW, TITLE_ROW, cell_formula, format_rate,
};
use crate::tally::Tally;
use rust_xlsxwriter::{
    Chart, ChartDataLabel, ChartDataLabelPosition, ChartFont, ChartFormat, ChartLegendPosition,
    ChartLine, ChartMarker, ChartPatternFill, ChartPatternFillType, ChartSolidFill, ChartType,
    Color, Formula, Worksheet, XlsxError,
};

/// The statuses the chart stacks, in order, each with its fill: solid black to white through
/// patterns, so that it reads printed in black and white.
const STACKED: [(Counter, Option<ChartPatternFillType>, u32); 5] = [
    (Counter::MeasuresDone, None, 0x404040),
    (
        Counter::MeasuresLongTerm,
        Some(ChartPatternFillType::DiagonalStripesWideUpwards),
        0x000000,
    ),
    (
        Counter::MeasuresInProgress,
        Some(ChartPatternFillType::Dotted50Percent),
        0x000000,
    ),
    (Counter::MeasuresNotStarted, None, 0xFFFFFF),
    (
        Counter::MeasuresUnknownStatus,
        Some(ChartPatternFillType::SmallCheckerboard),
        0x000000,
    ),
];

/// The chart of measures by unit: a column per unit stacked by status, over the
/// unit table's cells, with the number of overdue measures (`overdue`, by unit) written
/// number over the columns.
fn progress_chart(sheet: &str, layout: &Layout, overdue: &[u64], lang: crate::Lang) -> Chart {
    let first = layout.unit_row(0);
    let last = layout.total_row() - 1;
    let col = |k: Counter| {
        COLUMNS
            .iter()
            .position(|c| *c == SummaryCol::Count(k))
            .unwrap_or(0) as u16
    };
    let mut font = ChartFont::new();
    // 12 pt: printed at the sheet's scale (90 % or more) still 10.5 pt or more.
    font.set_name("宋体").set_size(12);
    let mut bold = font.clone();
    bold.set_bold();
    let mut chart = Chart::new(ChartType::ColumnStacked);
    for (k, pattern, rgb) in STACKED {
        let c = col(k);
        let mut format = ChartFormat::new();
        match pattern {
            Some(p) => format.set_pattern_fill(
                ChartPatternFill::new()
                    .set_pattern(p)
                    .set_foreground_color(Color::RGB(rgb))
                    .set_background_color(Color::White),
            ),
            None => format.set_solid_fill(ChartSolidFill::new().set_color(Color::RGB(rgb))),
        };
        format.set_border(ChartLine::new().set_color(Color::Black).set_width(0.75));
        chart
            .add_series()
            // The word itself: the header cell breaks its line between words.
            .set_name(SummaryCol::Count(k).header(lang))
            .set_categories((sheet, first, 0, last, 0))
            .set_values((sheet, first, c, last, c))
            .set_format(&mut format)
            .set_gap(60);
    }
    // The overdue measures written over each column ("逾期3"), none where there are none: a
    // series over the measures (the columns' tops) with neither line nor marker.
    let measures = col(Counter::Measures);
    let labels: Vec<ChartDataLabel> = overdue
        .iter()
        .map(|n| {
            let mut l = ChartDataLabel::new();
            if *n == 0 {
                l.set_hidden();
            } else {
                let text = if lang == crate::Lang::Zh {
                    format!("逾期{n}")
                } else {
                    format!("{n} overdue")
                };
                l.set_value(&text)
                    .set_position(ChartDataLabelPosition::Above)
                    .set_font(&bold);
            }
            l
        })
        .collect();
    let mut marks = Chart::new(ChartType::Line);
    marks
        .add_series()
        .set_name(lang.pick("逾期", "Overdue"))
        .set_categories((sheet, first, 0, last, 0))
        .set_values((sheet, first, measures, last, measures))
        .set_format(ChartFormat::new().set_no_line())
        .set_marker(ChartMarker::new().set_none())
        .set_custom_data_labels(&labels);
    chart.combine(&marks);
    chart
        .title()
        .set_name(lang.pick("各单位整改措施完成情况", "Measures by unit and status"))
        .set_font(ChartFont::new().set_name("黑体").set_size(14).set_bold());
    chart.x_axis().set_font(&font);
    chart
        .y_axis()
        .set_name(lang.pick("措施（项）", "Measures"))
        .set_name_font(&font)
        .set_font(&font)
        .set_major_gridlines_line(ChartLine::new().set_color(Color::RGB(0xBFBFBF)));
    chart
        .legend()
        .set_position(ChartLegendPosition::Bottom)
        .set_font(&font)
        .delete_entries(&[STACKED.len()]);
    chart
}

/// The widest the names' column gets, in character units: 11 characters of 12 pt.
const NAME_WIDTH: f64 = 26.0;

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

/// The counters of the summary's tables after the unit table: by category, and by parent
/// (no table when empty).
pub(crate) struct Breakdowns<'a> {
    /// By category.
    pub(crate) categories: &'a CategoryCounters,
    /// By parent.
    pub(crate) parents: &'a CategoryCounters,
}

/// Writes the summary sheet: `ledger` and `findings` are the sheets (and last rows) its
/// formulas count over.
pub(crate) fn write_summary(
    ws: &mut Worksheet,
    fmt: &Formats,
    s: &Settings,
    report: &Tally,
    by: Breakdowns<'_>,
    ledger: &[(String, u32)],
    findings: &[(String, u32)],
) -> Result<(), XlsxError> {
    let Breakdowns {
        categories,
        parents,
    } = by;
    let lang = s.lang;
    // The summary is one page: its tables in 12 pt; the as-of date as a Chinese reader
    // writes it (2023年3月30日), in English as the ledger's dates.
    let date = &fmt
        .date
        .clone()
        .set_num_format(lang.pick(super::style::ZH_DATE_CODE, super::style::DATE_CODE));
    let fmt = &Formats::sized(12.0);
    let table = Table {
        columns: &COLUMNS,
        ranges: Ranges { ledger, findings },
        fmt,
        lang,
    };
    let layout = Layout {
        units: report.units.len() as u32,
        categories: categories.rows.len() as u32,
        parents: parents.rows.len() as u32,
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
    // The date over three narrow columns of counters.
    ws.merge_range(AS_OF_ROW, AS_OF_COL, AS_OF_ROW, AS_OF_COL + 2, "", date)?;
    ws.write_datetime_with_format(AS_OF_ROW, AS_OF_COL, super::excel_date(s.as_of)?, date)?;
    // Labels before a blank line, right-aligned: a label longer than its narrow column shows
    // over the empty cell on its left instead of being cut by the line on its right.
    let label_right = fmt
        .label
        .clone()
        .set_align(rust_xlsxwriter::FormatAlign::Right);

    for (i, c) in COLUMNS.iter().enumerate() {
        let header = match c {
            SummaryCol::Name => {
                schema::name_header(report.units.iter().map(|c| c.unit.as_str()), lang)
            }
            _ => c.header_cell(lang),
        };
        ws.write_string_with_format(TABLE_HEADER_ROW, i as u16, header, &fmt.header)?;
    }
    for (k, c) in report.units.iter().enumerate() {
        let row = layout.unit_row(k as u32);
        table.write(
            ws,
            &CounterRow {
                row,
                label: &c.unit,
                of: RowOf::Unit { name: &c.unit, row },
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
            other => other.header_cell(lang),
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

    // By parent, when a unit has one.
    if !parents.rows.is_empty() {
        ws.write_string_with_format(
            layout.by_parent_row(),
            0,
            schema::by_parent_label(lang),
            &fmt.label,
        )?;
        for (i, c) in cat_columns.iter().enumerate() {
            let label = match c {
                SummaryCol::Name => schema::parent_header(lang),
                other => other.header_cell(lang),
            };
            ws.write_string_with_format(layout.parent_header_row(), i as u16, label, &fmt.header)?;
        }
        for (k, (name, counters)) in parents.rows.iter().enumerate() {
            let row = layout.parent_row(k as u32);
            cat_table.write(
                ws,
                &CounterRow {
                    row,
                    label: name,
                    of: RowOf::Parent { name, row },
                    counters,
                    total: false,
                },
            )?;
        }
    }

    // The unit, and the lines to sign.
    let last = width - 1;
    ws.write_string_with_format(
        AS_OF_ROW,
        schema::UNIT_LABEL_COL,
        schema::unit_label(lang),
        &label_right,
    )?;
    ws.merge_range(
        AS_OF_ROW,
        schema::UNIT_COL,
        AS_OF_ROW,
        last,
        s.compiler.as_deref().unwrap_or(""),
        &fmt.blank_line,
    )?;
    let sig = layout.signature_row();
    ws.set_row_height(sig, 30)?;
    let labels = schema::signature_labels(lang);
    for (k, col) in schema::SIGNATURE_COLS.iter().enumerate() {
        let f = if *col == 0 { &fmt.label } else { &label_right };
        ws.write_string_with_format(sig, *col, labels[k], f)?;
        let end = schema::SIGNATURE_COLS.get(k + 1).map_or(last, |n| n - 2);
        ws.merge_range(sig, col + 1, sig, end, "", &fmt.blank_line)?;
    }

    let names = report
        .units
        .iter()
        .map(|c| c.unit.as_str())
        .chain(categories.rows.iter().map(|(n, _)| n.as_str()))
        .chain(parents.rows.iter().map(|(n, _)| n.as_str()));
    let widest = names
        .map(crate::value::text::display_width)
        .max()
        .unwrap_or(10);
    // The columns in character units of the sheet's 10.5 pt (a 12-pt character is 16/7 of
    // them): the names as wide as the widest within NAME_WIDTH (longer ones wrap), each counter
    // as wide as its header's longest line in bold; all of them add up to what A4 landscape
    // holds at 90 % where LibreOffice's unit is widest (see schema::ledger::PRINTED_WIDTH),
    // 10.8 pt.
    let in_units = |display: usize| display as f64 * 8.0 / 7.0;
    let name_width = (in_units(widest) + 1.0).clamp(12.0, NAME_WIDTH);
    ws.set_column_width(0, name_width)?;
    // The chart's width in pixels: the table's, as Excel lays out columns (7 pixels a unit
    // and 5 of padding), so the chart never makes the page wider than the table.
    let mut table_px = 7.0 * name_width + 5.0;
    let rate_in_categories = cat_columns
        .iter()
        .position(|c| *c == SummaryCol::CompletionRate)
        .unwrap_or(0);
    for (i, c) in COLUMNS.iter().enumerate().skip(1) {
        let header = c
            .header_cell(lang)
            .lines()
            .map(crate::value::text::display_width)
            .max()
            .unwrap_or(4);
        let w = (in_units(header) + 1.0).ceil().max(6.0);
        // The rate, in either table (the category table has no findings' counters).
        let w = if *c == SummaryCol::CompletionRate || i == rate_in_categories {
            w.max(8.0)
        } else {
            w
        };
        ws.set_column_width(i as u16, w)?;
        table_px += 7.0 * w + 5.0;
    }
    ws.set_row_height(TABLE_HEADER_ROW, 34)?;
    let room = ((NAME_WIDTH - 1.0) * 7.0 / 8.0) as usize;
    let label_rows = report
        .units
        .iter()
        .enumerate()
        .map(|(k, c)| (layout.unit_row(k as u32), c.unit.as_str()))
        .chain(
            categories
                .rows
                .iter()
                .enumerate()
                .map(|(k, (n, _))| (layout.category_row(k as u32), n.as_str())),
        )
        .chain(
            parents
                .rows
                .iter()
                .enumerate()
                .map(|(k, (n, _))| (layout.parent_row(k as u32), n.as_str())),
        );
    for r in [
        TABLE_HEADER_ROW + 1..=total_row,
        layout.category_row(0)..=layout.signature_row(),
    ] {
        for row in r {
            ws.set_row_height(row, 20)?;
        }
    }
    for (row, label) in label_rows {
        let lines = super::style::wrapped_lines(label, room);
        if lines > 1 {
            ws.set_row_height(row, 16.0 * lines as f64 + 4.0)?;
        }
    }
    ws.set_row_height(layout.category_header_row(), 34)?;
    if !parents.rows.is_empty() {
        ws.set_row_height(layout.parent_header_row(), 34)?;
    }
    if !report.units.is_empty() {
        ws.set_page_breaks(&[layout.chart_row()])?;
        let mut chart = progress_chart(
            ws.name().as_str(),
            &layout,
            &report
                .units
                .iter()
                .map(|c| c.counters[Counter::Overdue])
                .collect::<Vec<_>>(),
            lang,
        );
        chart
            .set_width(table_px as u32)
            .set_height((table_px / 2.0) as u32);
        ws.insert_chart(layout.chart_row(), 0, &chart)?;
    }
    // Only the title repeats: the chart has a page of its own.
    print_setup(ws, s.paper, None, TITLE_ROW)?;
    // The tables have borders; gridlines would box the title and signature rows too.
    ws.set_print_gridlines(false);
    ws.set_freeze_panes(0, 0)?;
    ws.set_active(true);
    Ok(())
}
