//! The summary sheet `汇总` / `Summary`: its title, the as-of date, the report sentence, the
//! table of counters by unit with a total row, the table by category and, when units have a
//! level above them, the table by parent — where each cell is, what it says and the formula
//! each number is.
//!
//! ```text
//! row 1  title, merged across the table
//! row 2  截至日期 | <as-of date> | … | 填报单位 | <the unit, free>
//! row 3  the report sentence, merged across the table (a formula over the total row)
//! row 5  单位 | 问题 | 已整改问题 | 措施 | … | 完成率        (TABLE_HEADER_ROW)
//!        one row per unit, then 合计
//!        (a blank row)
//!        按问题类别
//!        问题类别 | 问题 | … | 临期 | 完成率
//!        one row per category
//!        (a blank row)
//!        按上级单位                                    (only when a unit has a parent)
//!        上级单位 | 问题 | … | 临期 | 完成率
//!        one row per parent, in order of first row
//!        (a blank row)
//!        制表人: <free> | 审核人: <free> | 日期: <free>     (signature row)
//!        the chart of measures by unit, on a page of its own
//! ```
//!
//! The free cells are the clerk's to fill in (by hand on paper, or typed): `verify` accepts
//! whatever they hold.
//!
//! Every number is a formula over the ledger and findings sheets (`COUNTIFS`, or `SUMPRODUCT`
//! where a name would be read as a pattern) that also carries its computed result. The formulas
//! are built here, so the writer writes them and `verify` can check them.

use super::ledger::{Col, status_word, timing_word, yes_no};
use crate::Lang;
use crate::model::{Counter, Counters, Severity, Timing};
use crate::value::status::Status;
use chrono::NaiveDate;

/// The title row (0-based), merged across the table.
pub(crate) const TITLE_ROW: u32 = 0;
/// The row of the as-of date: its label in column A, the date in column B.
pub(crate) const AS_OF_ROW: u32 = 1;
/// The column of the as-of date.
pub(crate) const AS_OF_COL: u16 = 1;
/// The row of the report sentence, merged across the table; the formula is in column A.
pub(crate) const SENTENCE_ROW: u32 = 2;
/// The header row of the unit table.
pub(crate) const TABLE_HEADER_ROW: u32 = 4;
/// The column of the unit's label, on the as-of row.
pub(crate) const UNIT_LABEL_COL: u16 = 10;
/// The first column of the unit's free cells (to the table's last), on the as-of row.
pub(crate) const UNIT_COL: u16 = 11;
/// The signature row's labels (制表人, 审核人, 日期), each followed by free cells up to the
/// next label's column (or the table's last).
pub(crate) const SIGNATURE_COLS: [u16; 3] = [0, 5, 10];

/// The label of the unit that compiles the summary.
pub(crate) fn unit_label(lang: Lang) -> &'static str {
    lang.pick("填报单位：", "Compiled by:")
}

/// The signature row's labels, in [`SIGNATURE_COLS`] order.
pub(crate) fn signature_labels(lang: Lang) -> [&'static str; 3] {
    if lang == Lang::Zh {
        ["制表人：", "审核人：", "日期："]
    } else {
        ["Prepared by:", "Checked by:", "Date:"]
    }
}

/// The free cells of a row from `first` to `last` (inclusive).
fn free_cells(row: u32, first: u16, last: u16) -> impl Iterator<Item = ((u32, u16), Content)> {
    (first..=last).map(move |c| ((row, c), Content::Free))
}

/// The A1 reference of the as-of date cell (`B2`).
#[cfg(test)]
pub(crate) fn as_of_cell() -> String {
    format!(
        "{}{}",
        crate::value::text::column_letters(u32::from(AS_OF_COL)),
        AS_OF_ROW + 1
    )
}

/// The sheet's title in a language.
pub(crate) fn title(lang: Lang) -> &'static str {
    lang.pick("巡察整改落实情况汇总", "Rectification progress: summary")
}

/// The label of the as-of date.
pub(crate) fn as_of_label(lang: Lang) -> &'static str {
    lang.pick("截至日期", "As of")
}

/// The first header of the unit table: `社区` when every unit is a unit (its name
/// ends in 社区), else `单位`.
pub(crate) fn name_header<'a>(
    names: impl IntoIterator<Item = &'a str>,
    lang: Lang,
) -> &'static str {
    let mut names = names.into_iter().peekable();
    let any = names.peek().is_some();
    if any && names.all(|n| n.trim().ends_with("社区")) {
        lang.pick("社区", "Community")
    } else {
        SummaryCol::Name.header(lang)
    }
}

/// The label of the total row.
pub(crate) fn total_label(lang: Lang) -> &'static str {
    lang.pick("合计", "Total")
}

/// The label above the category table.
pub(crate) fn by_category_label(lang: Lang) -> &'static str {
    lang.pick("按问题类别", "By category")
}

/// The first header of the category table.
pub(crate) fn category_header(lang: Lang) -> &'static str {
    lang.pick("问题类别", "Category")
}

/// The label above the table by parent (the level above the units: `Col::Parent`).
pub(crate) fn by_parent_label(lang: Lang) -> &'static str {
    lang.pick("按上级单位", "By parent")
}

/// The first header of the table by parent.
pub(crate) fn parent_header(lang: Lang) -> &'static str {
    lang.pick("上级单位", "Parent")
}

/// What the category table shows for measures without a category.
pub(crate) fn no_category(lang: Lang) -> &'static str {
    lang.pick("（未分类）", "(no category)")
}

/// True for the category label of measures without one, as written now or before its Chinese
/// took full-width marks (`(未分类)`).
pub(crate) fn is_no_category(label: &str, lang: Lang) -> bool {
    label == no_category(lang) || label == written_before(no_category(lang))
}

/// A summary text as taizhang wrote it before its Chinese took full-width marks (`，；：（）`):
/// a workbook written then is proven as written.
pub(crate) fn written_before(t: &str) -> String {
    t.chars()
        .map(|c| match c {
            '，' => ',',
            '；' => ';',
            '：' => ':',
            '（' => '(',
            '）' => ')',
            c => c,
        })
        .collect()
}

/// A column of the summary's tables.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum SummaryCol {
    /// The unit (or category) the row counts.
    Name,
    /// A counter.
    Count(Counter),
    /// Measures done or long-term over all measures.
    CompletionRate,
}

/// The unit table's columns, in order.
pub const COLUMNS: [SummaryCol; 15] = [
    SummaryCol::Name,
    SummaryCol::Count(Counter::Problems),
    SummaryCol::Count(Counter::ProblemsDone),
    SummaryCol::Count(Counter::Measures),
    SummaryCol::Count(Counter::MeasuresDone),
    SummaryCol::Count(Counter::MeasuresLongTerm),
    SummaryCol::Count(Counter::MeasuresInProgress),
    SummaryCol::Count(Counter::MeasuresNotStarted),
    SummaryCol::Count(Counter::MeasuresUnknownStatus),
    SummaryCol::Count(Counter::Overdue),
    SummaryCol::Count(Counter::DueSoon),
    SummaryCol::Count(Counter::Errors),
    SummaryCol::Count(Counter::Warnings),
    SummaryCol::Count(Counter::Infos),
    SummaryCol::CompletionRate,
];

/// The category table's columns: the unit table's without the findings' counters.
pub(crate) fn category_columns() -> Vec<SummaryCol> {
    COLUMNS
        .into_iter()
        .filter(|c| !matches!(c, SummaryCol::Count(k) if k.counts_findings()))
        .collect()
}

impl Counter {
    /// The counter's header in the summary's tables (and the terminal's table).
    pub(crate) fn header(self, lang: Lang) -> &'static str {
        let (zh, en) = match self {
            Counter::Problems => ("问题", "Problems"),
            Counter::ProblemsDone => ("已整改问题", "Problems done"),
            Counter::Measures => ("措施", "Measures"),
            Counter::MeasuresDone => ("已完成", "Done"),
            Counter::MeasuresLongTerm => ("长期坚持", "Long-term"),
            Counter::MeasuresInProgress => ("推进中", "In progress"),
            Counter::MeasuresNotStarted => ("未开始", "Not started"),
            Counter::MeasuresUnknownStatus => ("状态不明", "Unknown status"),
            Counter::Overdue => ("逾期", "Overdue"),
            Counter::DueSoon => ("临期", "Due soon"),
            Counter::Errors => ("错误", "Errors"),
            Counter::Warnings => ("警告", "Warnings"),
            Counter::Infos => ("提示", "Infos"),
        };
        lang.pick(zh, en)
    }
}

impl SummaryCol {
    /// The column's header in the unit table.
    pub(crate) fn header(self, lang: Lang) -> &'static str {
        match self {
            SummaryCol::Name => lang.pick("单位", "Unit"),
            SummaryCol::Count(c) => c.header(lang),
            SummaryCol::CompletionRate => lang.pick("完成率", "Completion rate"),
        }
    }

    /// The header cell as written: the header with its lines broken between words (`长期`
    /// over `坚持`), so that the columns of counters are narrow enough for the summary to print
    /// at 10.5 pt or more and no word breaks.
    pub(crate) fn header_cell(self, lang: Lang) -> &'static str {
        match (self, lang) {
            (SummaryCol::Count(Counter::ProblemsDone), Lang::Zh) => "已整改\n问题",
            (SummaryCol::Count(Counter::MeasuresLongTerm), Lang::Zh) => "长期\n坚持",
            (SummaryCol::Count(Counter::MeasuresUnknownStatus), Lang::Zh) => "状态\n不明",
            _ => self.header(lang),
        }
    }

    /// The column a header names in a language.
    #[cfg(test)]
    pub(crate) fn from_header(text: &str, lang: Lang) -> Option<SummaryCol> {
        let text = crate::schema::ledger::unbroken(text);
        COLUMNS.into_iter().find(|c| c.header(lang) == text)
    }

    /// The key JSON and messages name the column by (`measures_done`, `completion_rate`).
    pub fn key(self) -> &'static str {
        match self {
            SummaryCol::Name => "community",
            SummaryCol::Count(c) => c.key(),
            SummaryCol::CompletionRate => "completion_rate",
        }
    }

    /// The column's value for a row with these counters.
    pub(crate) fn value(self, c: &Counters) -> Option<f64> {
        match self {
            SummaryCol::Name => None,
            SummaryCol::Count(k) => Some(c[k] as f64),
            SummaryCol::CompletionRate => Some(c.completion_rate()),
        }
    }
}

/// Where the rows of the summary are, for a workbook of these units and categories.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Layout {
    /// The number of unit rows.
    pub(crate) units: u32,
    /// The number of category rows.
    pub(crate) categories: u32,
    /// The number of parent rows (none: no table by parent).
    pub(crate) parents: u32,
}

impl Layout {
    /// The row of the `k`-th unit (from 0).
    pub(crate) fn unit_row(&self, k: u32) -> u32 {
        TABLE_HEADER_ROW + 1 + k
    }

    /// The total row.
    pub(crate) fn total_row(&self) -> u32 {
        TABLE_HEADER_ROW + 1 + self.units
    }

    /// The row of the label above the category table.
    pub(crate) fn by_category_row(&self) -> u32 {
        self.total_row() + 2
    }

    /// The header row of the category table.
    pub(crate) fn category_header_row(&self) -> u32 {
        self.total_row() + 3
    }

    /// The row of the `k`-th category (from 0).
    pub(crate) fn category_row(&self, k: u32) -> u32 {
        self.category_header_row() + 1 + k
    }

    /// The row of the label above the table by parent: after the category table and a blank
    /// row.
    pub(crate) fn by_parent_row(&self) -> u32 {
        self.category_row(self.categories) + 1
    }

    /// The header row of the table by parent.
    pub(crate) fn parent_header_row(&self) -> u32 {
        self.by_parent_row() + 1
    }

    /// The row of the `k`-th parent (from 0).
    pub(crate) fn parent_row(&self, k: u32) -> u32 {
        self.parent_header_row() + 1 + k
    }

    /// The signature row: after the last table and a blank row.
    pub(crate) fn signature_row(&self) -> u32 {
        if self.parents == 0 {
            self.category_row(self.categories) + 1
        } else {
            self.parent_row(self.parents) + 1
        }
    }

    /// The row the chart starts on, on a page of its own.
    pub(crate) fn chart_row(&self) -> u32 {
        self.signature_row() + 2
    }
}

/// Shows a completion rate as the formula's cached result: up to six decimals, no trailing
/// zeros.
pub(crate) fn format_rate(x: f64) -> String {
    let s = format!("{x:.6}");
    let s = s.trim_end_matches('0').trim_end_matches('.');
    if s.is_empty() {
        "0".into()
    } else {
        s.to_string()
    }
}

/// The report sentence: "截至2023年3月30日，共反馈问题16个，已完成整改16个；制定整改措施30项，已完成30项。",
/// with long-term and overdue counts added when they are not zero.
pub(crate) fn sentence(c: &Counters, as_of: NaiveDate, lang: Lang) -> String {
    let parts = sentence_parts(as_of, lang);
    let mut s = format!(
        "{}{}{}{}{}{}{}{}{}",
        parts[0],
        c[Counter::Problems],
        parts[1],
        c[Counter::ProblemsDone],
        parts[2],
        c[Counter::Measures],
        parts[3],
        c[Counter::MeasuresDone],
        parts[4]
    );
    if c[Counter::MeasuresLongTerm] > 0 {
        s.push_str(&format!(
            "{}{}{}",
            parts[5],
            c[Counter::MeasuresLongTerm],
            parts[6]
        ));
    }
    if c[Counter::Overdue] > 0 {
        s.push_str(&format!("{}{}{}", parts[7], c[Counter::Overdue], parts[8]));
    }
    s.push_str(parts[9].as_str());
    s
}

fn sentence_parts(as_of: NaiveDate, lang: Lang) -> [String; 10] {
    match lang {
        Lang::Zh => [
            format!("截至{}，共反馈问题", as_of.format("%Y年%-m月%-d日")),
            "个，已完成整改".into(),
            "个；制定整改措施".into(),
            "项，已完成".into(),
            "项".into(),
            "，长期坚持".into(),
            "项".into(),
            "；逾期".into(),
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

fn letter_of(col: SummaryCol) -> String {
    let i = COLUMNS.iter().position(|c| *c == col).unwrap_or(0);
    crate::value::text::column_letters(i as u32)
}

/// The report sentence's formula over the total row (0-based `total_row`).
pub(crate) fn sentence_formula(total_row: u32, as_of: NaiveDate, lang: Lang) -> String {
    let t = total_row + 1;
    let parts = sentence_parts(as_of, lang);
    let q = |x: &str| format!("\"{}\"", x.replace('"', "\"\""));
    let l = |c: Counter| letter_of(SummaryCol::Count(c));
    let (p, pd, m, md, lt, od) = (
        l(Counter::Problems),
        l(Counter::ProblemsDone),
        l(Counter::Measures),
        l(Counter::MeasuresDone),
        l(Counter::MeasuresLongTerm),
        l(Counter::Overdue),
    );
    format!(
        "={}&{p}{t}&{}&{pd}{t}&{}&{m}{t}&{}&{md}{t}&{}&IF({lt}{t}>0,{}&{lt}{t}&{},\"\")&IF({od}{t}>0,{}&{od}{t}&{},\"\")&{}",
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
    )
}

/// The completion rate's formula in a row (0-based), over that row's counters.
pub(crate) fn rate_formula(row: u32) -> String {
    let n = row + 1;
    let (d, e, f) = (
        letter_of(SummaryCol::Count(Counter::Measures)),
        letter_of(SummaryCol::Count(Counter::MeasuresDone)),
        letter_of(SummaryCol::Count(Counter::MeasuresLongTerm)),
    );
    format!("=IF({d}{n}=0,0,({e}{n}+{f}{n})/{d}{n})")
}

/// The sheets a counter's formula counts over: the ledger sheets and the findings sheets, each
/// with its last row (1-based).
#[derive(Debug, Clone, Copy)]
pub(crate) struct Ranges<'a> {
    /// The ledger sheets.
    pub(crate) ledger: &'a [(String, u32)],
    /// The findings sheets.
    pub(crate) findings: &'a [(String, u32)],
}

/// What a row of counters counts: a unit, a category, or everything (the total row).
#[derive(Debug, Clone, Copy)]
pub(crate) enum RowOf<'a> {
    /// The rows of a unit, whose name is in column A of summary row `row` (0-based).
    Unit {
        /// The unit.
        name: &'a str,
        /// Its summary row.
        row: u32,
    },
    /// The rows of a category (empty: no category), named in column A of summary row `row`.
    Category {
        /// The category.
        name: &'a str,
        /// Its summary row.
        row: u32,
    },
    /// The rows of the units under a parent (never empty), named in column A of summary row
    /// `row`.
    Parent {
        /// The parent.
        name: &'a str,
        /// Its summary row.
        row: u32,
    },
    /// Every row.
    Total,
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

fn quote_sheet(sheet: &str) -> String {
    sheet.replace('\'', "''")
}

/// `Σ over sheets COUNTIFS(...)`, or SUMPRODUCT when a criterion cannot be a COUNTIFS pattern.
fn count_formula(ranges: &[(String, u32)], crits: &[(u16, Crit)], exact: bool) -> String {
    let terms: Vec<String> = ranges
        .iter()
        .map(|(sheet, last)| {
            let range = |col: u16| {
                let c = crate::value::text::column_letters(u32::from(col));
                format!("'{}'!${c}$2:${c}${last}", quote_sheet(sheet))
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

/// `Σ COUNT(No column)`: every data row of the ledger sheets.
fn count_rows(ledger: &[(String, u32)]) -> String {
    let terms: Vec<String> = ledger
        .iter()
        .map(|(sheet, last)| {
            let c = crate::value::text::column_letters(u32::from(Col::No.index()));
            format!("COUNT('{}'!${c}$2:${c}${last})", quote_sheet(sheet))
        })
        .collect();
    format!("={}", terms.join("+"))
}

/// The formula of one counter in a row of counters.
pub(crate) fn counter_formula(
    counter: Counter,
    of: RowOf<'_>,
    r: &Ranges<'_>,
    lang: Lang,
) -> String {
    let (name, row, by_col) = match of {
        RowOf::Unit { name, row } => (Some(name), row, Col::Unit.index()),
        RowOf::Category { name, row } => (Some(name), row, Col::Category.index()),
        RowOf::Parent { name, row } => (Some(name), row, Col::Parent.index()),
        RowOf::Total => (None, 0, Col::Unit.index()),
    };
    let cell = format!("$A${}", row + 1);
    let exact = name.is_some_and(|n| !plain_criterion(n));
    let name_crit = |col: u16| -> Vec<(u16, Crit)> {
        match name {
            Some("") => vec![(col, Crit::Blank)],
            Some(_) => vec![(col, Crit::Cell(&cell))],
            None => Vec::new(),
        }
    };
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
        use super::findings::FindingsCol;
        let mut crits = vec![(
            FindingsCol::Severity.index(),
            Crit::Text(super::findings::severity_word(sev, lang)),
        )];
        crits.extend(name_crit(FindingsCol::Unit.index()));
        count_formula(r.findings, &crits, exact)
    };
    match counter {
        Counter::Problems => ledger(vec![first()]),
        Counter::ProblemsDone => ledger(vec![
            first(),
            (Col::ProblemDone.index(), Crit::Text(yes_no(true, lang))),
        ]),
        Counter::Measures => ledger(vec![]),
        Counter::MeasuresDone => ledger(status(Some(Status::Done))),
        Counter::MeasuresLongTerm => ledger(status(Some(Status::LongTerm))),
        Counter::MeasuresInProgress => ledger(status(Some(Status::InProgress))),
        Counter::MeasuresNotStarted => ledger(status(Some(Status::NotStarted))),
        Counter::MeasuresUnknownStatus => ledger(status(None)),
        Counter::Overdue => ledger(timing(Timing::Overdue)),
        Counter::DueSoon => ledger(timing(Timing::DueSoon)),
        Counter::Errors => severity(Severity::Error),
        Counter::Warnings => severity(Severity::Warning),
        Counter::Infos => severity(Severity::Info),
    }
}

/// The formula of a cell of a row of counters, or `None` for the name column.
pub(crate) fn cell_formula(
    col: SummaryCol,
    row: u32,
    of: RowOf<'_>,
    r: &Ranges<'_>,
    lang: Lang,
) -> Option<String> {
    match col {
        SummaryCol::Name => None,
        SummaryCol::Count(c) => Some(counter_formula(c, of, r, lang)),
        SummaryCol::CompletionRate => Some(rate_formula(row)),
    }
}

/// What taizhang writes in a cell of the summary.
#[derive(Debug, Clone, PartialEq)]
pub(crate) enum Content {
    /// A text: the title, a label, a unit's or category's name.
    Text(String),
    /// A header cell ([`SummaryCol::header_cell`]): its text with its line breaks, or without
    /// them as a workbook written before the headers were broken between words has it
    /// ([`crate::schema::ledger::unbroken`]).
    Header(String),
    /// The as-of date.
    Date(NaiveDate),
    /// A formula (with its leading `=`), written with its computed result.
    Formula(String),
    /// A cell for the clerk to fill in (the unit, the signatures): anything or nothing.
    Free,
    /// A label of the print layout (`填报单位:`, `制表人:` …): the text, or nothing in a
    /// workbook written before the summary had it.
    Optional(String),
}

/// Every cell of a summary and what taizhang writes there: for a summary whose unit rows
/// and category rows name `units` and `categories` (the names as the sheet shows them:
/// [`no_category`] for the category row of measures without one), over `ranges`. A cell not
/// listed holds nothing. [`crate::workbook`] writes exactly these; `verify` reads the sheet
/// against them.
#[cfg(test)]
pub(crate) fn cells(
    units: &[&str],
    categories: &[&str],
    parents: &[&str],
    ranges: &Ranges<'_>,
    as_of: NaiveDate,
    lang: Lang,
) -> Vec<((u32, u16), Content)> {
    let mut out = Vec::new();
    each_cell(
        units,
        categories,
        parents,
        ranges,
        as_of,
        lang,
        &mut |at, c| out.push((at, c)),
    );
    out
}

/// `cells` one at a time, in the same order, without holding them: `each` gets every cell
/// and its content. For a reader of a summary of thousands of rows.
pub(crate) fn each_cell(
    units: &[&str],
    categories: &[&str],
    parents: &[&str],
    ranges: &Ranges<'_>,
    as_of: NaiveDate,
    lang: Lang,
    each: &mut dyn FnMut((u32, u16), Content),
) {
    let layout = Layout {
        units: units.len() as u32,
        categories: categories.len() as u32,
        parents: parents.len() as u32,
    };
    let text = |s: &str| Content::Text(s.to_string());
    each((TITLE_ROW, 0), text(title(lang)));
    each((AS_OF_ROW, 0), text(as_of_label(lang)));
    each((AS_OF_ROW, AS_OF_COL), Content::Date(as_of));
    each(
        (SENTENCE_ROW, 0),
        Content::Formula(sentence_formula(layout.total_row(), as_of, lang)),
    );
    for (i, c) in COLUMNS.iter().enumerate() {
        let header = match c {
            SummaryCol::Name => name_header(units.iter().copied(), lang),
            _ => c.header_cell(lang),
        };
        each(
            (TABLE_HEADER_ROW, i as u16),
            Content::Header(header.to_string()),
        );
    }
    let mut counters = |row: u32, label: &str, of: RowOf<'_>, columns: &[SummaryCol]| {
        each((row, 0), text(label));
        for (i, col) in columns.iter().enumerate() {
            if let Some(f) = cell_formula(*col, row, of, ranges, lang) {
                each((row, i as u16), Content::Formula(f));
            }
        }
    };
    for (k, name) in units.iter().enumerate() {
        let row = layout.unit_row(k as u32);
        counters(row, name, RowOf::Unit { name, row }, &COLUMNS);
    }
    counters(
        layout.total_row(),
        total_label(lang),
        RowOf::Total,
        &COLUMNS,
    );
    let cat_columns = category_columns();
    for (k, label) in categories.iter().enumerate() {
        let row = layout.category_row(k as u32);
        let name = if is_no_category(label, lang) {
            ""
        } else {
            label
        };
        counters(row, label, RowOf::Category { name, row }, &cat_columns);
    }
    for (k, name) in parents.iter().enumerate() {
        let row = layout.parent_row(k as u32);
        counters(row, name, RowOf::Parent { name, row }, &cat_columns);
    }
    each((layout.by_category_row(), 0), text(by_category_label(lang)));
    for (i, c) in cat_columns.iter().enumerate() {
        let label = match c {
            SummaryCol::Name => category_header(lang),
            other => other.header_cell(lang),
        };
        each(
            (layout.category_header_row(), i as u16),
            Content::Header(label.to_string()),
        );
    }
    if !parents.is_empty() {
        each((layout.by_parent_row(), 0), text(by_parent_label(lang)));
        for (i, c) in cat_columns.iter().enumerate() {
            let label = match c {
                SummaryCol::Name => parent_header(lang),
                other => other.header_cell(lang),
            };
            each(
                (layout.parent_header_row(), i as u16),
                Content::Header(label.to_string()),
            );
        }
    }
    let last = COLUMNS.len() as u16 - 1;
    let optional = |s: &str| Content::Optional(s.to_string());
    each((AS_OF_ROW, UNIT_LABEL_COL), optional(unit_label(lang)));
    for (at, c) in free_cells(AS_OF_ROW, UNIT_COL, last) {
        each(at, c);
    }
    let sig = layout.signature_row();
    let labels = signature_labels(lang);
    for (k, col) in SIGNATURE_COLS.iter().enumerate() {
        each((sig, *col), optional(labels[k]));
        let end = SIGNATURE_COLS.get(k + 1).map_or(last, |n| n - 1);
        for (at, c) in free_cells(sig, col + 1, end) {
            each(at, c);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_schema_lists_each_cell_once() {
        // verify lays the summary against the cells one at a time: a cell listed twice would
        // be judged twice.
        let ledger = [("整改台账".to_string(), 57)];
        let findings = [("校验结果".to_string(), 17)];
        let r = Ranges {
            ledger: &ledger,
            findings: &findings,
        };
        let d = NaiveDate::from_ymd_opt(2023, 3, 30).unwrap();
        for lang in [Lang::Zh, Lang::En] {
            for (units, cats, ups) in [(0, 0, 0), (1, 0, 0), (3, 2, 0), (3, 0, 1), (40, 7, 3)] {
                let names: Vec<String> = (0..units).map(|k| format!("单位{k}")).collect();
                let names: Vec<&str> = names.iter().map(String::as_str).collect();
                let cat: Vec<String> = (0..cats).map(|k| format!("类{k}")).collect();
                let cat: Vec<&str> = cat.iter().map(String::as_str).collect();
                let up: Vec<String> = (0..ups).map(|k| format!("乡镇{k}")).collect();
                let up: Vec<&str> = up.iter().map(String::as_str).collect();
                let all = cells(&names, &cat, &up, &r, d, lang);
                let mut keys: Vec<(u32, u16)> = all.iter().map(|(k, _)| *k).collect();
                keys.sort_unstable();
                let n = keys.len();
                keys.dedup();
                assert_eq!(keys.len(), n, "{units} units, {cats} categories, {lang:?}");
                assert!(
                    all.iter()
                        .filter(|(_, c)| matches!(c, Content::Formula(_)))
                        .count()
                        > units
                );
            }
        }
    }

    #[test]
    fn headers_are_unique_and_read_back() {
        for lang in [Lang::Zh, Lang::En] {
            for c in COLUMNS {
                assert_eq!(SummaryCol::from_header(c.header(lang), lang), Some(c));
            }
        }
        assert_eq!(category_columns().len(), 12);
    }

    #[test]
    fn the_layout_follows_the_number_of_units() {
        let l = Layout {
            units: 6,
            categories: 2,
            parents: 0,
        };
        assert_eq!(l.unit_row(0), 5);
        assert_eq!(l.total_row(), 11);
        assert_eq!(l.category_header_row(), 14);
        assert_eq!(l.category_row(1), 16);
        assert_eq!(l.signature_row(), 18);
        assert_eq!(as_of_cell(), "B2");
        // Two parents: their table after the categories' and a blank row, then the signatures.
        let l = Layout { parents: 2, ..l };
        assert_eq!(l.by_parent_row(), 18);
        assert_eq!(l.parent_header_row(), 19);
        assert_eq!(l.parent_row(1), 21);
        assert_eq!(l.signature_row(), 23);
    }

    #[test]
    fn names_that_would_be_patterns_are_matched_exactly() {
        let ledger = [("整改台账".to_string(), 10)];
        let findings = [("校验结果".to_string(), 2)];
        let r = Ranges {
            ledger: &ledger,
            findings: &findings,
        };
        let f = counter_formula(
            Counter::Measures,
            RowOf::Unit {
                name: "*社区",
                row: 5,
            },
            &r,
            Lang::Zh,
        );
        assert_eq!(f, "=SUMPRODUCT(('整改台账'!$B$2:$B$10=$A$6))");
        let f = counter_formula(
            Counter::Measures,
            RowOf::Category { name: "", row: 9 },
            &r,
            Lang::Zh,
        );
        assert_eq!(f, "=SUMPRODUCT(('整改台账'!$E$2:$E$10=\"\"))");
        // A parent's rows are those whose parent column (Z) names it.
        let f = counter_formula(
            Counter::MeasuresDone,
            RowOf::Parent {
                name: "城关市场管理所",
                row: 20,
            },
            &r,
            Lang::Zh,
        );
        assert_eq!(
            f,
            "=COUNTIFS('整改台账'!$Z$2:$Z$10,$A$21,'整改台账'!$N$2:$N$10,\"已完成\")"
        );
    }
}

#[cfg(test)]
mod examples {
    //! The examples of crate-private items, once in their documentation.

    /// `schema::summary::name_header`
    #[test]
    fn summary_name_header() {
        use crate::{Lang, schema::summary::name_header};
        assert_eq!(name_header(["庆利社区", "自强社区"], Lang::Zh), "社区");
        assert_eq!(
            name_header(["庆利社区", "自强街道党工委"], Lang::Zh),
            "单位"
        );
    }

    /// `schema::summary::written_before`
    #[test]
    fn summary_written_before() {
        use crate::schema::summary::written_before;
        assert_eq!(
            written_before("截至2023年3月30日，共反馈问题"),
            "截至2023年3月30日,共反馈问题"
        );
    }

    /// `schema::summary::format_rate`
    #[test]
    fn summary_format_rate() {
        assert_eq!(crate::schema::summary::format_rate(0.625), "0.625");
        assert_eq!(crate::schema::summary::format_rate(0.0), "0");
    }

    /// `schema::summary::sentence`
    #[test]
    fn summary_sentence() {
        use crate::{
            Lang,
            model::{Counter, Counters},
            schema::summary::sentence,
        };
        let mut c = Counters::default();
        c[Counter::Problems] = 16;
        c[Counter::ProblemsDone] = 16;
        c[Counter::Measures] = 30;
        c[Counter::MeasuresDone] = 30;
        let d = chrono::NaiveDate::from_ymd_opt(2023, 3, 30).unwrap();
        assert_eq!(
            sentence(&c, d, Lang::Zh),
            "截至2023年3月30日，共反馈问题16个，已完成整改16个；制定整改措施30项，已完成30项。"
        );
    }

    /// `schema::summary::counter_formula`
    #[test]
    fn summary_counter_formula() {
        use crate::{
            Lang,
            model::Counter,
            schema::summary::{Ranges, RowOf, counter_formula},
        };
        let ledger = [("整改台账".to_string(), 57)];
        let findings = [("校验结果".to_string(), 17)];
        let r = Ranges {
            ledger: &ledger,
            findings: &findings,
        };
        assert_eq!(
            counter_formula(Counter::Measures, RowOf::Total, &r, Lang::Zh),
            "=COUNT('整改台账'!$A$2:$A$57)"
        );
        assert_eq!(
            counter_formula(
                Counter::Errors,
                RowOf::Unit {
                    name: "庆利社区",
                    row: 5
                },
                &r,
                Lang::Zh
            ),
            "=COUNTIFS('校验结果'!$B$2:$B$17,\"错误\",'校验结果'!$D$2:$D$17,$A$6)"
        );
    }

    /// `schema::summary::cells`
    #[test]
    fn summary_cells() {
        use crate::{
            Lang,
            schema::summary::{Content, Ranges, cells},
        };
        let ledger = [("整改台账".to_string(), 57)];
        let findings = [("校验结果".to_string(), 17)];
        let r = Ranges {
            ledger: &ledger,
            findings: &findings,
        };
        let d = chrono::NaiveDate::from_ymd_opt(2023, 3, 30).unwrap();
        let all = cells(&["庆利社区"], &[], &[], &r, d, Lang::Zh);
        assert!(all.contains(&((1, 1), Content::Date(d))));
        assert!(all.contains(&((5, 0), Content::Text("庆利社区".into()))));
        assert!(all.contains(&((6, 0), Content::Text("合计".into()))));
    }

    /// `schema::summary::each_cell`
    #[test]
    fn summary_each_cell() {
        use crate::{
            Lang,
            schema::summary::{Content, Ranges, each_cell},
        };
        let ledger = [("整改台账".to_string(), 57)];
        let findings = [("校验结果".to_string(), 17)];
        let r = Ranges {
            ledger: &ledger,
            findings: &findings,
        };
        let d = chrono::NaiveDate::from_ymd_opt(2023, 3, 30).unwrap();
        let mut formulas = 0;
        each_cell(&["庆利社区"], &[], &[], &r, d, Lang::Zh, &mut |_, c| {
            formulas += usize::from(matches!(c, Content::Formula(_)))
        });
        assert!(formulas > 0);
    }
}
