//! One ledger in a standard form (`taizhang convert`): the standard columns, one row per
//! measure, as a workbook in the template's layout, as CSV, or as JSON records.

use crate::config::Settings;
use crate::layout::cells::Parsed;
use crate::ledger::Ledger;
use crate::ledger::measure_timing;
use crate::model::Timing;
use crate::schema::template::StdColumn;
use crate::source::grid::CellValue;
use crate::value::deadline::Deadline;
use crate::value::header::Field;
use crate::workbook::template::StdLedger;
use serde::Serialize;

/// The standard form of a ledger: the fields the source has, in standard order, then its extra
/// columns, then every measure's ID (hidden in a workbook); one row per measure. An enumerated cell's items become rows of their own; text
/// before its first item is kept at the front of the first item.
pub(crate) fn standard_ledger(ledger: &Ledger) -> StdLedger {
    let mut columns: Vec<StdColumn> = Field::ALL
        .into_iter()
        .filter(|f| *f != Field::Id && ledger.layout.column_of(*f).is_some())
        .map(StdColumn::Field)
        .collect();
    let extras: Vec<usize> = ledger
        .layout
        .columns
        .iter()
        .enumerate()
        .filter(|(_, c)| c.field.is_none())
        .map(|(i, _)| i)
        .collect();
    columns.extend(
        extras
            .iter()
            .map(|i| StdColumn::Extra(ledger.layout.columns[*i].label.clone())),
    );
    columns.push(StdColumn::Field(Field::Id));
    let mut rows = Vec::with_capacity(ledger.measures.len());
    for m in &ledger.measures {
        let row = ledger.row_of(m);
        let values = columns
            .iter()
            .map(|c| match c {
                StdColumn::Field(Field::Measure) => {
                    let mut text = m.text.clone();
                    if m.item.is_some_and(|(n, _)| n == 1) {
                        let cell = row.text(Field::Measure);
                        if let Some(e) = crate::value::enumeration::split_enumeration(&cell)
                            && !e.lead.is_empty()
                        {
                            text = format!("{}{}", e.lead, text);
                        }
                    }
                    (!text.is_empty()).then_some(CellValue::Text(text))
                }
                StdColumn::Field(Field::Id) => Some(CellValue::Text(m.id.to_string())),
                StdColumn::Field(f) => row.get(*f).map(|c| c.value.clone()),
                StdColumn::Extra(label) => row
                    .extras
                    .iter()
                    .find(|(i, _)| ledger.layout.columns[*i].label == *label)
                    .map(|(_, v)| v.value.clone()),
            })
            .collect();
        rows.push(values);
    }
    StdLedger {
        unit: Some(ledger.unit.clone()),
        columns,
        rows,
        blank_rows: 0,
        date: None,
        paper: crate::config::Paper::A4,
    }
}

/// A cell of a CSV written for Excel: text that Excel would read as a formula (`=`, `+`, `-`,
/// `@`, a tab or a carriage return first) gets a leading apostrophe.
///
/// ```
/// assert_eq!(taizhang::convert::csv_safe("=SUM(A1)"), "'=SUM(A1)");
/// assert_eq!(taizhang::convert::csv_safe("已完成"), "已完成");
/// ```
pub fn csv_safe(s: &str) -> String {
    if s.starts_with(['=', '+', '-', '@', '\t', '\r']) {
        format!("'{s}")
    } else {
        s.to_string()
    }
}

/// The standard form as CSV: UTF-8 with a byte-order mark (so Excel opens it in Chinese),
/// CRLF line ends, formula-looking cells neutralised.
pub(crate) fn to_csv(l: &StdLedger) -> Vec<u8> {
    let mut w = csv::WriterBuilder::new()
        .terminator(csv::Terminator::CRLF)
        .from_writer(vec![0xEF, 0xBB, 0xBF]);
    let header: Vec<String> = l.columns.iter().map(|c| csv_safe(&c.header())).collect();
    let _ = w.write_record(&header);
    for row in &l.rows {
        let cells: Vec<String> = row
            .iter()
            .map(|v| {
                v.as_ref()
                    .map(|v| csv_safe(&v.display()))
                    .unwrap_or_default()
            })
            .collect();
        let _ = w.write_record(&cells);
    }
    w.into_inner().unwrap_or_default()
}

/// A deadline in a JSON record.
#[derive(Debug, Clone, Serialize)]
pub(crate) struct DeadlineRecord {
    /// As written.
    pub(crate) written: String,
    /// `date`, `immediate`, `long_term`, `unreadable` or `empty`.
    pub(crate) kind: &'static str,
    /// The due day, `YYYY-MM-DD`, when there is one.
    pub(crate) date: Option<String>,
    /// True when the year was taken from the as-of date.
    pub(crate) year_inferred: bool,
}

/// A status in a JSON record.
#[derive(Debug, Clone, Serialize)]
pub(crate) struct StatusRecord {
    /// As written.
    pub(crate) written: String,
    /// `done`, `long_term`, `in_progress`, `not_started`, or `unknown`.
    pub(crate) category: &'static str,
}

/// One measure as a JSON record.
#[derive(Debug, Clone, Serialize)]
pub(crate) struct MeasureRecord {
    /// The unit.
    #[serde(rename = "community")]
    pub(crate) unit: String,
    /// The problem's number in the ledger.
    pub(crate) problem_number: u32,
    /// `序号` as written.
    pub(crate) seq: Option<String>,
    /// The category.
    pub(crate) category: Option<String>,
    /// The problem.
    pub(crate) problem: String,
    /// The measure's number within its problem.
    pub(crate) measure_number: u32,
    /// The measure.
    pub(crate) measure: String,
    /// 责任领导.
    pub(crate) leader: Option<String>,
    /// 责任科室.
    pub(crate) department: Option<String>,
    /// 责任人.
    pub(crate) person: Option<String>,
    /// 整改时限.
    pub(crate) deadline: DeadlineRecord,
    /// 完成情况.
    pub(crate) status: StatusRecord,
    /// 完成时间, `YYYY-MM-DD` when read, else as written.
    pub(crate) completed_on: Option<String>,
    /// 备注.
    pub(crate) note: Option<String>,
    /// `overdue`, `due_soon` or none, on the as-of date.
    pub(crate) timing: Option<&'static str>,
    /// Extra columns.
    pub(crate) extras: Vec<ExtraRecord>,
    /// The measure's ID.
    pub(crate) id: String,
    /// Where the row came from.
    pub(crate) source: SourceRecord,
}

/// An extra column's value.
#[derive(Debug, Clone, Serialize)]
pub(crate) struct ExtraRecord {
    /// The column's header.
    pub(crate) column: String,
    /// The value.
    pub(crate) value: String,
}

/// Where a record came from.
#[derive(Debug, Clone, Serialize)]
pub(crate) struct SourceRecord {
    /// The file.
    pub(crate) file: String,
    /// The sheet.
    pub(crate) sheet: String,
    /// The row, 1-based.
    pub(crate) row: u32,
}

/// The measures of a ledger as JSON records.
pub(crate) fn records(ledger: &Ledger, s: &Settings) -> Vec<MeasureRecord> {
    ledger
        .measures
        .iter()
        .map(|m| {
            let row = ledger.row_of(m);
            let p = &ledger.problems[m.problem];
            let opt = |f: Field| row.get(f).map(|c| c.text());
            let deadline = match row.deadline {
                Parsed::Empty => DeadlineRecord {
                    written: String::new(),
                    kind: "empty",
                    date: None,
                    year_inferred: false,
                },
                Parsed::Bad => DeadlineRecord {
                    written: row.text(Field::Deadline),
                    kind: "unreadable",
                    date: None,
                    year_inferred: false,
                },
                Parsed::Ok(pd) => DeadlineRecord {
                    written: row.text(Field::Deadline),
                    kind: match pd.deadline {
                        Deadline::Date(_) => "date",
                        Deadline::Immediate => "immediate",
                        Deadline::LongTerm => "long_term",
                    },
                    date: pd
                        .deadline
                        .due_date(s.feedback_date)
                        .map(|d| d.format("%Y-%m-%d").to_string()),
                    year_inferred: pd.year_inferred,
                },
            };
            MeasureRecord {
                unit: ledger.unit.clone(),
                problem_number: p.number,
                seq: opt(Field::Seq),
                category: opt(Field::Category),
                problem: p.text.clone(),
                measure_number: m.number,
                measure: m.text.clone(),
                leader: opt(Field::Leader),
                department: opt(Field::Department),
                person: opt(Field::Person),
                deadline,
                status: StatusRecord {
                    written: row.text(Field::Status),
                    category: row.status.ok().map_or("unknown", |st| st.key()),
                },
                completed_on: match row.completed_on {
                    Parsed::Ok(d) => Some(d.format("%Y-%m-%d").to_string()),
                    _ => opt(Field::CompletedOn),
                },
                note: opt(Field::Note),
                timing: measure_timing(ledger, m, s).map(|t| match t {
                    Timing::Overdue => "overdue",
                    Timing::DueSoon => "due_soon",
                }),
                id: m.id.to_string(),
                extras: row
                    .extras
                    .iter()
                    .map(|(i, v)| ExtraRecord {
                        column: ledger.layout.columns[*i].label.clone(),
                        value: v.text(),
                    })
                    .collect(),
                source: SourceRecord {
                    file: ledger.file.clone(),
                    sheet: ledger.sheet.clone(),
                    row: row.row + 1,
                },
            }
        })
        .collect()
}
