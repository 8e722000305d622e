//! The `汇总` (summary) and `来源` (sources) sheets.
//!
//! Every number on the summary is a formula over the ledger and findings sheets (`COUNTIFS`, or
//! `SUMPRODUCT` where a name would be read as a pattern) that also carries its computed result,
//! so Excel, WPS, LibreOffice and readers that never recalculate all show the right number.

use super::columns::{Col, Out, status_word, timing_word, yes_no};
use super::style::{Formats, print_setup};
use super::{CategoryCounters, excel_date, severity_word};
use crate::Lang;
use crate::check::Timing;
use crate::config::{ConfigFile, Settings};
use crate::counters::Counters;
use crate::finding::Severity;
use crate::pipeline::InputRecord;
use crate::report::Report;
use crate::value::status::Status;
use rust_xlsxwriter::{Formula, Worksheet, XlsxError, utility::column_number_to_name};

/// The summary table's columns: (counter key, Chinese header, English header). The first column
/// holds the community (or category) and the last the completion rate.
pub const SUMMARY_COLUMNS: [(&str, &str, &str); 15] = [
    ("community", "社区", "Community"),
    ("problems", "问题", "Problems"),
    ("problems_done", "已整改问题", "Problems done"),
    ("measures", "措施", "Measures"),
    ("measures_done", "已完成", "Done"),
    ("measures_long_term", "长期坚持", "Long-term"),
    ("measures_in_progress", "推进中", "In progress"),
    ("measures_not_started", "未开始", "Not started"),
    ("measures_unknown_status", "状态不明", "Unknown status"),
    ("overdue", "逾期", "Overdue"),
    ("due_soon", "临期", "Due soon"),
    ("errors", "错误", "Errors"),
    ("warnings", "警告", "Warnings"),
    ("infos", "提示", "Infos"),
    ("completion_rate", "完成率", "Completion rate"),
];

/// Labels of the key–value block on the sources sheet: (key, Chinese, English).
pub const SOURCE_LABELS: [(&str, &str, &str); 6] = [
    ("as_of", "截至日期", "As of"),
    ("version", "工具版本", "Tool version"),
    ("config", "配置", "Configuration"),
    ("ledger_sheets", "台账工作表", "Ledger sheets"),
    ("ledger_rows", "台账行数", "Ledger rows"),
    (
        "ledger_digest",
        "台账摘要(SHA-256)",
        "Ledger digest (SHA-256)",
    ),
];

/// The prefix of a column digest's label on the sources sheet.
pub fn column_digest_label(lang: Lang) -> &'static str {
    lang.pick("列摘要:", "Column digest: ")
}

/// The sources table's headers.
pub fn sources_headers(lang: Lang) -> [&'static str; 7] {
    match lang {
        Lang::Zh => [
            "序号",
            "文件",
            "SHA-256",
            "字节数",
            "格式",
            "读取的台账",
            "错误",
        ],
        Lang::En => [
            "No.",
            "File",
            "SHA-256",
            "Bytes",
            "Format",
            "Ledgers read",
            "Error",
        ],
    }
}

/// The report sentence: "截至2023年3月30日,共反馈问题16个,已完成整改16个;制定整改措施30项,已完成30项。",
/// with long-term and overdue counts added when they are not zero.
///
/// ```
/// use taizhang::{Lang, counters::Counters, workbook::summary::summary_sentence};
/// let mut c = Counters::default();
/// (c.problems, c.problems_done, c.measures, c.measures_done) = (16, 16, 30, 30);
/// let d = chrono::NaiveDate::from_ymd_opt(2023, 3, 30).unwrap();
/// assert_eq!(
///     summary_sentence(&c, d, Lang::Zh),
///     "截至2023年3月30日,共反馈问题16个,已完成整改16个;制定整改措施30项,已完成30项。"
/// );
/// ```
pub fn summary_sentence(c: &Counters, as_of: chrono::NaiveDate, lang: Lang) -> String {
    let parts = sentence_parts(as_of, lang);
    let mut s = format!(
        "{}{}{}{}{}{}{}{}{}",
        parts[0],
        c.problems,
        parts[1],
        c.problems_done,
        parts[2],
        c.measures,
        parts[3],
        c.measures_done,
        parts[4]
    );
    if c.measures_long_term > 0 {
        s.push_str(&format!("{}{}{}", parts[5], c.measures_long_term, parts[6]));
    }
    if c.overdue > 0 {
        s.push_str(&format!("{}{}{}", parts[7], c.overdue, parts[8]));
    }
    s.push_str(parts[9].as_str());
    s
}

fn sentence_parts(as_of: chrono::NaiveDate, lang: Lang) -> [String; 10] {
    match lang {
        Lang::Zh => [
            format!("截至{},共反馈问题", as_of.format("%Y年%-m月%-d日")),
            "个,已完成整改".into(),
            "个;制定整改措施".into(),
            "项,已完成".into(),
            "项".into(),
            ",长期坚持".into(),
            "项".into(),
            ";逾期".into(),
            "项".into(),
            "。".into(),
        ],
        Lang::En => [
            format!("As of {}: ", as_of.format("%Y-%m-%d")),
            " problems fed back, ".into(),
            " rectified; ".into(),
            " measures, ".into(),
            " done".into(),
            ", ".into(),
            " long-term".into(),
            "; ".into(),
            " overdue".into(),
            ".".into(),
        ],
    }
}

/// A criterion on a column: equal to a cell, a number, a text, or empty.
enum Crit<'a> {
    Cell(&'a str),
    Number(u32),
    Text(&'a str),
    Blank,
}

/// True when a text can be a COUNTIFS criterion as is (no wildcard, no operator, short).
fn plain_criterion(s: &str) -> bool {
    s.chars().count() <= 255
        && !s.contains(['*', '?', '~'])
        && !s.starts_with(['=', '<', '>'])
        && !s.is_empty()
}

/// `Σ over sheets COUNTIFS(...)`, or SUMPRODUCT when a criterion cannot be a COUNTIFS pattern.
fn count_formula(ranges: &[(String, u32)], crits: &[(u16, Crit)], exact: bool) -> String {
    let terms: Vec<String> = ranges
        .iter()
        .map(|(sheet, last)| {
            let range = |col: u16| {
                let c = column_number_to_name(col);
                format!("'{}'!${c}$2:${c}${last}", sheet.replace('\'', "''"))
            };
            if exact {
                let factors: Vec<String> = crits
                    .iter()
                    .map(|(col, c)| {
                        let r = range(*col);
                        match c {
                            Crit::Cell(cell) => format!("({r}={cell})"),
                            Crit::Number(n) => format!("({r}={n})"),
                            Crit::Text(t) => format!("({r}=\"{}\")", t.replace('"', "\"\"")),
                            Crit::Blank => format!("({r}=\"\")"),
                        }
                    })
                    .collect();
                if factors.is_empty() {
                    format!("ROWS({})", range(0))
                } else {
                    format!("SUMPRODUCT({})", factors.join("*"))
                }
            } else {
                let args: Vec<String> = crits
                    .iter()
                    .map(|(col, c)| {
                        let r = range(*col);
                        match c {
                            Crit::Cell(cell) => format!("{r},{cell}"),
                            Crit::Number(n) => format!("{r},{n}"),
                            Crit::Text(t) => format!("{r},\"{}\"", t.replace('"', "\"\"")),
                            Crit::Blank => format!("{r},\"\""),
                        }
                    })
                    .collect();
                format!("COUNTIFS({})", args.join(","))
            }
        })
        .collect();
    format!("={}", terms.join("+"))
}

struct Ranges<'a> {
    ledger: &'a [(String, u32)],
    findings: &'a [(String, u32)],
}

/// The formula of one counter for a row that matches `by` = (column, cell holding the name,
/// the name) — a community or a category — or for the total row when `by` is `None`.
fn counter_formula(
    key: &str,
    by: Option<(u16, &str, &str)>,
    r: &Ranges,
    lang: Lang,
) -> Option<String> {
    let exact = by.is_some_and(|(_, _, name)| !plain_criterion(name));
    let name_crit = |col: u16| -> Vec<(u16, Crit)> {
        match by {
            Some((_, _, "")) => vec![(col, Crit::Blank)],
            Some((_, cell, _)) => vec![(col, Crit::Cell(cell))],
            None => Vec::new(),
        }
    };
    let by_col = by.map_or(Col::Community.index(), |(c, _, _)| c);
    let ledger = |extra: Vec<(u16, Crit)>| -> String {
        let mut crits = name_crit(by_col);
        crits.extend(extra);
        if crits.is_empty() {
            count_rows(r.ledger)
        } else {
            count_formula(r.ledger, &crits, exact)
        }
    };
    let status = |s: Option<Status>| vec![(Col::Status.index(), Crit::Text(status_word(s, lang)))];
    let first = || (Col::MeasureNo.index(), Crit::Number(1));
    let timing = |t: Timing| vec![(Col::Timing.index(), Crit::Text(timing_word(t, lang)))];
    let severity = |sev: Severity| {
        // Findings sheet: column 1 is the severity, column 3 the community.
        let mut crits = vec![(1u16, Crit::Text(severity_word(sev, lang)))];
        crits.extend(name_crit(3));
        count_formula(r.findings, &crits, exact)
    };
    Some(match key {
        "problems" => ledger(vec![first()]),
        "problems_done" => ledger(vec![
            first(),
            (Col::ProblemDone.index(), Crit::Text(yes_no(true, lang))),
        ]),
        "measures" => ledger(vec![]),
        "measures_done" => ledger(status(Some(Status::Done))),
        "measures_long_term" => ledger(status(Some(Status::LongTerm))),
        "measures_in_progress" => ledger(status(Some(Status::InProgress))),
        "measures_not_started" => ledger(status(Some(Status::NotStarted))),
        "measures_unknown_status" => ledger(status(None)),
        "overdue" => ledger(timing(Timing::Overdue)),
        "due_soon" => ledger(timing(Timing::DueSoon)),
        "errors" => severity(Severity::Error),
        "warnings" => severity(Severity::Warning),
        "infos" => severity(Severity::Info),
        _ => return None,
    })
}

/// `Σ COUNT(No column)`: every data row of the ledger sheets.
fn count_rows(ledger: &[(String, u32)]) -> String {
    let terms: Vec<String> = ledger
        .iter()
        .map(|(sheet, last)| {
            let c = column_number_to_name(Col::No.index());
            format!("COUNT('{}'!${c}$2:${c}${last})", sheet.replace('\'', "''"))
        })
        .collect();
    format!("={}", terms.join("+"))
}

/// One row of counters on the summary sheet.
struct CounterRow<'a> {
    row: u32,
    /// The name matched in the ledger (a community or a category; empty for "no category").
    name: &'a str,
    /// What the first cell shows.
    label: &'a str,
    /// The ledger column the name is matched in; `None` for the total row.
    by_col: Option<u16>,
    counters: &'a Counters,
    total: bool,
}

/// What every counter row shares.
struct Table<'a> {
    keys: &'a [&'a str],
    ranges: Ranges<'a>,
    fmt: &'a Formats,
    lang: Lang,
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
        let name_cell = format!("$A${}", c.row + 1);
        let letter = |key: &str| {
            column_number_to_name(self.keys.iter().position(|k| *k == key).unwrap_or(0) as u16)
        };
        for (i, key) in self.keys.iter().enumerate().skip(1) {
            let col = i as u16;
            if *key == "completion_rate" {
                let (d, e, f, n) = (
                    letter("measures"),
                    letter("measures_done"),
                    letter("measures_long_term"),
                    c.row + 1,
                );
                let formula = Formula::new(format!("=IF({d}{n}=0,0,({e}{n}+{f}{n})/{d}{n})"))
                    .set_result(format_rate(c.counters.completion_rate()));
                ws.write_formula_with_format(c.row, col, formula, f_pct)?;
                continue;
            }
            let by = c.by_col.map(|b| (b, name_cell.as_str(), c.name));
            let Some(text) = counter_formula(key, by, &self.ranges, self.lang) else {
                continue;
            };
            let value = c.counters.get(key).unwrap_or(0);
            ws.write_formula_with_format(
                c.row,
                col,
                Formula::new(text).set_result(value.to_string()),
                f_num,
            )?;
        }
        Ok(())
    }
}

fn format_rate(x: f64) -> String {
    let s = format!("{x:.6}");
    let s = s.trim_end_matches('0').trim_end_matches('.');
    if s.is_empty() {
        "0".into()
    } else {
        s.to_string()
    }
}

/// Writes the summary sheet.
pub fn write_summary(
    ws: &mut Worksheet,
    fmt: &Formats,
    s: &Settings,
    report: &Report,
    categories: &CategoryCounters,
    ledger: &[(String, u32)],
    findings: &[(String, u32)],
) -> Result<(), XlsxError> {
    let lang = s.lang;
    let keys: Vec<&str> = SUMMARY_COLUMNS.iter().map(|c| c.0).collect();
    let table = Table {
        keys: &keys,
        ranges: Ranges { ledger, findings },
        fmt,
        lang,
    };
    let width = SUMMARY_COLUMNS.len() as u16;
    ws.set_row_height(0, 32)?;
    ws.merge_range(
        0,
        0,
        0,
        width - 1,
        lang.pick("巡察整改落实情况汇总", "Rectification progress: summary"),
        &fmt.title,
    )?;
    ws.write_string_with_format(1, 0, lang.pick("截至日期", "As of"), &fmt.label)?;
    ws.write_datetime_with_format(1, 1, excel_date(s.as_of)?, &fmt.date)?;

    let header_row = 4u32;
    for (i, (_, zh, en)) in SUMMARY_COLUMNS.iter().enumerate() {
        ws.write_string_with_format(header_row, i as u16, lang.pick(zh, en), &fmt.header)?;
    }
    let mut row = header_row + 1;
    for c in &report.communities {
        table.write(
            ws,
            &CounterRow {
                row,
                name: &c.community,
                label: &c.community,
                by_col: Some(Col::Community.index()),
                counters: &c.counters,
                total: false,
            },
        )?;
        row += 1;
    }
    let total_row = row;
    table.write(
        ws,
        &CounterRow {
            row: total_row,
            name: "",
            label: lang.pick("合计", "Total"),
            by_col: None,
            counters: &report.totals,
            total: true,
        },
    )?;

    // The report sentence, as a formula over the total row.
    let t = total_row + 1;
    let parts = sentence_parts(s.as_of, lang);
    let q = |x: &str| format!("\"{}\"", x.replace('"', "\"\""));
    let formula = format!(
        "={}&B{t}&{}&C{t}&{}&D{t}&{}&E{t}&{}&IF(F{t}>0,{}&F{t}&{},\"\")&IF(J{t}>0,{}&J{t}&{},\"\")&{}",
        q(&parts[0]),
        q(&parts[1]),
        q(&parts[2]),
        q(&parts[3]),
        q(&parts[4]),
        q(&parts[5]),
        q(&parts[6]),
        q(&parts[7]),
        q(&parts[8]),
        q(&parts[9]),
    );
    ws.merge_range(2, 0, 2, width - 1, "", &fmt.plain)?;
    ws.set_row_height(2, 36)?;
    ws.write_formula_with_format(
        2,
        0,
        Formula::new(formula).set_result(summary_sentence(&report.totals, s.as_of, lang)),
        &fmt.plain,
    )?;

    // By category.
    let mut row = total_row + 3;
    ws.write_string_with_format(
        row - 1,
        0,
        lang.pick("按问题类别", "By category"),
        &fmt.label,
    )?;
    let cat_keys: Vec<&str> = keys
        .iter()
        .copied()
        .filter(|k| !matches!(*k, "errors" | "warnings" | "infos"))
        .collect();
    for (i, key) in cat_keys.iter().enumerate() {
        let (_, zh, en) = SUMMARY_COLUMNS
            .iter()
            .find(|c| c.0 == *key)
            .copied()
            .unwrap_or(("", "", ""));
        let label = if i == 0 {
            lang.pick("问题类别", "Category")
        } else {
            lang.pick(zh, en)
        };
        ws.write_string_with_format(row, i as u16, label, &fmt.header)?;
    }
    row += 1;
    let cat_table = Table {
        keys: &cat_keys,
        ranges: Ranges { ledger, findings },
        fmt,
        lang,
    };
    for (name, counters) in &categories.rows {
        let label = if name.is_empty() {
            lang.pick("(未分类)", "(no category)")
        } else {
            name.as_str()
        };
        cat_table.write(
            ws,
            &CounterRow {
                row,
                name,
                label,
                by_col: Some(Col::Category.index()),
                counters,
                total: false,
            },
        )?;
        row += 1;
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
    print_setup(ws, lang.pick("巡察整改落实情况汇总", "Summary"), header_row)?;
    ws.set_freeze_panes(0, 0)?;
    ws.set_active(true);
    Ok(())
}

/// The row (0-based) of the sources sheet's table header: below the title, the run's record
/// and the column digests, and a blank row. The inputs follow it, one row each, written as
/// the files come ([`source_row`]).
pub const SOURCES_TABLE_ROW: u32 = 2 + SOURCE_LABELS.len() as u32 + (Col::ALL.len() as u32 - 1) + 1;

/// The widths of the sources sheet's columns.
const SOURCES_WIDTHS: [f64; 7] = [6.0, 46.0, 66.0, 10.0, 8.0, 40.0, 30.0];

fn source_lines(col: usize, t: &str) -> usize {
    super::style::Widths::new(SOURCES_WIDTHS.to_vec()).lines(col, t)
}

/// One input's row of the sources table (its number from 1, its file, hash, size, format,
/// the ledgers read from it, its error), and the row's height when it needs more than a line.
pub fn source_row(k: u64, input: &InputRecord, lang: Lang) -> (Vec<Out>, Option<f64>) {
    let ledgers: Vec<String> = input
        .ledgers
        .iter()
        .map(|l| match lang {
            Lang::Zh => format!(
                "{}({},表头第{}行,{}行数据)",
                l.sheet, l.community, l.header_row, l.data_rows
            ),
            Lang::En => format!(
                "{} ({}, header row {}, {} data rows)",
                l.sheet, l.community, l.header_row, l.data_rows
            ),
        })
        .collect();
    let ledgers = ledgers.join("\n");
    let error = input.error.clone().unwrap_or_default();
    let lines = source_lines(5, &ledgers)
        .max(source_lines(6, &error))
        .max(source_lines(1, &input.path));
    let text = |t: String| {
        if t.is_empty() {
            Out::Empty
        } else {
            Out::Text(t)
        }
    };
    let cells = vec![
        Out::Number(k as f64),
        text(input.path.clone()),
        text(input.sha256.clone()),
        Out::Number(input.bytes as f64),
        text(input.format.clone()),
        text(ledgers),
        text(error),
    ];
    (cells, (lines > 1).then(|| 13.5 * lines.min(30) as f64))
}

/// Writes the sources sheet but for its inputs' rows: the title, the run's record (as-of date,
/// tool version, configuration, ledger sheets, rows, ledger digest), the column digests, and
/// the header of the inputs' table at [`SOURCES_TABLE_ROW`].
#[allow(clippy::too_many_arguments)]
pub fn write_sources(
    ws: &mut Worksheet,
    fmt: &Formats,
    s: &Settings,
    ledger_sheets: &[String],
    rows: u64,
    digest: &str,
    column_digests: &[String],
    inputs: u64,
) -> Result<(), XlsxError> {
    let lang = s.lang;
    ws.merge_range(
        0,
        0,
        0,
        6,
        lang.pick("数据来源与校验信息", "Sources and digests"),
        &fmt.title,
    )?;
    let mut row = 2u32;
    let config = effective_config(s);
    let values: [String; 6] = [
        s.as_of.format("%Y-%m-%d").to_string(),
        format!("taizhang {}", crate::VERSION),
        config,
        ledger_sheets.join("、"),
        rows.to_string(),
        digest.to_string(),
    ];
    // The record of the run: labels in column B, values in column C.
    for ((_, zh, en), v) in SOURCE_LABELS.iter().zip(values) {
        let lines = source_lines(2, &v);
        if lines > 1 {
            ws.set_row_height(row, 13.5 * lines.min(40) as f64)?;
        }
        ws.write_string_with_format(row, 1, lang.pick(zh, en), &fmt.label)?;
        ws.write_string_with_format(row, 2, v, &fmt.plain)?;
        row += 1;
    }
    let headers: Vec<&str> = Col::ALL
        .iter()
        .filter(|c| **c != Col::RowDigest)
        .map(|c| c.header(lang))
        .collect();
    for (h, d) in headers.iter().zip(column_digests) {
        ws.write_string_with_format(
            row,
            1,
            format!("{}{h}", column_digest_label(lang)),
            &fmt.label,
        )?;
        ws.write_string_with_format(row, 2, d, &fmt.plain)?;
        row += 1;
    }
    debug_assert_eq!(row + 1, SOURCES_TABLE_ROW);
    for (i, h) in sources_headers(lang).iter().enumerate() {
        ws.write_string_with_format(SOURCES_TABLE_ROW, i as u16, *h, &fmt.header)?;
    }
    ws.autofilter(
        SOURCES_TABLE_ROW,
        0,
        SOURCES_TABLE_ROW + inputs.max(1) as u32,
        6,
    )?;
    for (c, w) in SOURCES_WIDTHS.iter().enumerate() {
        ws.set_column_width(c as u16, *w)?;
    }
    print_setup(ws, lang.pick("数据来源与校验信息", "Sources"), 0)?;
    Ok(())
}

/// The settings in force, as the TOML of a configuration file.
pub fn effective_config(s: &Settings) -> String {
    let c = ConfigFile {
        as_of: Some(s.as_of),
        due_soon_days: Some(s.due_soon_days),
        feedback_date: s.feedback_date,
        include_hidden: Some(s.include_hidden),
        lang: Some(s.lang),
        headers: s.config.headers.clone(),
        statuses: s.config.statuses.clone(),
        communities: s.config.communities.clone(),
    };
    toml::to_string(&c).unwrap_or_default()
}
