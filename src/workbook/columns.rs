//! The columns of the consolidated `整改台账` sheet and the values of one measure's row.
//!
//! One definition serves the writer ([`super::Consolidator`]), the digests ([`super::digest`])
//! and the readers of a consolidated workbook (`verify`, `diff`), so they cannot drift apart.

use crate::Lang;
use crate::check::Timing;
use crate::config::Settings;
use crate::ledger::{FieldCell, Ledger, Measure, Parsed};
use crate::source::grid::{CellValue, format_number};
use crate::value::deadline::Deadline;
use crate::value::header::Field;
use crate::value::status::Status;
use chrono::NaiveDate;

/// A column of the ledger sheet.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Col {
    /// Running number of the row.
    No,
    /// The community.
    Community,
    /// The problem's number within its community.
    ProblemNo,
    /// The measure's number within its problem.
    MeasureNo,
    /// 问题类别.
    Category,
    /// 反馈问题.
    Problem,
    /// 整改措施 (one item of an enumerated cell).
    Measure,
    /// 责任领导.
    Leader,
    /// 责任科室.
    Department,
    /// 责任人.
    Person,
    /// 整改时限 as written.
    DeadlineWritten,
    /// 整改时限 as a date cell.
    DeadlineDate,
    /// 完成情况 as written.
    StatusWritten,
    /// The status category.
    Status,
    /// 逾期 / 临期.
    Timing,
    /// Whether the measure's problem is done.
    ProblemDone,
    /// 完成时间.
    CompletedOn,
    /// 备注.
    Note,
    /// 序号 as written.
    Seq,
    /// The whole measure cell as written, for items of an enumerated cell.
    MeasureCell,
    /// Extra columns of the source, as `label:value` lines.
    Extras,
    /// The source file.
    SourceFile,
    /// The source sheet.
    SourceSheet,
    /// The source row (1-based).
    SourceRow,
    /// The row's digest (see [`super::digest`]).
    RowDigest,
}

impl Col {
    /// Every column, in sheet order.
    pub const ALL: [Col; 25] = [
        Col::No,
        Col::Community,
        Col::ProblemNo,
        Col::MeasureNo,
        Col::Category,
        Col::Problem,
        Col::Measure,
        Col::Leader,
        Col::Department,
        Col::Person,
        Col::DeadlineWritten,
        Col::DeadlineDate,
        Col::StatusWritten,
        Col::Status,
        Col::Timing,
        Col::CompletedOn,
        Col::Note,
        Col::Extras,
        Col::ProblemDone,
        Col::Seq,
        Col::MeasureCell,
        Col::SourceFile,
        Col::SourceSheet,
        Col::SourceRow,
        Col::RowDigest,
    ];

    /// The columns printed and shown by default; the others are grouped (collapsed, with a `+`
    /// to open them) or, for the digest, hidden.
    pub fn is_printed(self) -> bool {
        self.index() <= Col::Extras.index()
    }

    /// The column's index (0-based) in the sheet.
    pub fn index(self) -> u16 {
        Col::ALL.iter().position(|c| *c == self).unwrap_or(0) as u16
    }

    /// The header in a language.
    pub fn header(self, lang: Lang) -> &'static str {
        let (zh, en) = match self {
            Col::No => ("序号", "No."),
            Col::Community => ("社区", "Community"),
            Col::ProblemNo => ("问题编号", "Problem No."),
            Col::MeasureNo => ("措施编号", "Measure No."),
            Col::Category => ("问题类别", "Category"),
            Col::Problem => ("反馈问题", "Problem"),
            Col::Measure => ("整改措施", "Measure"),
            Col::Leader => ("责任领导", "Leader"),
            Col::Department => ("责任科室", "Department"),
            Col::Person => ("责任人", "Person"),
            Col::DeadlineWritten => ("整改时限(原文)", "Deadline as written"),
            Col::DeadlineDate => ("整改时限", "Deadline"),
            Col::StatusWritten => ("完成情况(原文)", "Status as written"),
            Col::Status => ("状态", "Status"),
            Col::Timing => ("时限状态", "Timing"),
            Col::ProblemDone => ("问题已整改", "Problem done"),
            Col::CompletedOn => ("完成时间", "Completed on"),
            Col::Note => ("备注", "Note"),
            Col::Seq => ("原序号", "Seq as written"),
            Col::MeasureCell => ("措施原文", "Measure cell as written"),
            Col::Extras => ("其他列", "Other columns"),
            Col::SourceFile => ("来源文件", "Source file"),
            Col::SourceSheet => ("来源工作表", "Source sheet"),
            Col::SourceRow => ("来源行", "Source row"),
            Col::RowDigest => ("行校验码", "Row digest"),
        };
        lang.pick(zh, en)
    }

    /// The column a header names, in either language.
    pub fn from_header(text: &str) -> Option<Col> {
        let t = text.trim();
        Col::ALL
            .into_iter()
            .find(|c| c.header(Lang::Zh) == t || c.header(Lang::En) == t)
    }

    /// The source field the column carries, if one.
    pub fn field(self) -> Option<Field> {
        Some(match self {
            Col::Category => Field::Category,
            Col::Problem => Field::Problem,
            Col::Measure => Field::Measure,
            Col::Leader => Field::Leader,
            Col::Department => Field::Department,
            Col::Person => Field::Person,
            Col::DeadlineWritten => Field::Deadline,
            Col::StatusWritten => Field::Status,
            Col::CompletedOn => Field::CompletedOn,
            Col::Note => Field::Note,
            Col::Seq => Field::Seq,
            _ => return None,
        })
    }

    /// The widest the column gets; longer texts wrap within it.
    pub fn max_width(self) -> f64 {
        match self {
            Col::No | Col::ProblemNo | Col::MeasureNo | Col::SourceRow => 7.0,
            Col::Problem => 36.0,
            Col::Measure | Col::MeasureCell => 40.0,
            Col::Category => 14.0,
            Col::Community | Col::Leader | Col::Department | Col::Person => 10.0,
            Col::DeadlineWritten | Col::StatusWritten => 14.0,
            Col::Extras | Col::Note => 18.0,
            Col::SourceFile => 36.0,
            _ => 12.0,
        }
    }
}

/// A value as the ledger sheet holds it.
#[derive(Debug, Clone, PartialEq)]
pub enum Out {
    /// No value.
    Empty,
    /// Text.
    Text(String),
    /// A number.
    Number(f64),
    /// A date cell.
    Date(NaiveDate),
}

impl Out {
    /// The canonical text the digests are computed over: text with `\r\n` as `\n`, numbers as a
    /// spreadsheet's General format shows them, dates as `YYYY-MM-DD`, empty as nothing. A
    /// workbook re-saved by Excel, WPS or LibreOffice keeps these.
    pub fn canonical(&self) -> String {
        match self {
            Out::Empty => String::new(),
            Out::Text(s) => s.replace("\r\n", "\n"),
            Out::Number(n) => format_number(*n),
            Out::Date(d) => d.format("%Y-%m-%d").to_string(),
        }
    }

    /// [`Out::canonical`], borrowed where the value already is its canonical text.
    pub fn canonical_cow(&self) -> std::borrow::Cow<'_, str> {
        match self {
            Out::Empty => std::borrow::Cow::Borrowed(""),
            Out::Text(t) if !t.contains('\r') => std::borrow::Cow::Borrowed(t),
            other => std::borrow::Cow::Owned(other.canonical()),
        }
    }

    /// True when the canonical text is `s`.
    pub fn canonical_is(&self, s: &str) -> bool {
        self.canonical_cow() == s
    }

    fn text(s: impl Into<String>) -> Out {
        let s = s.into();
        if s.is_empty() {
            Out::Empty
        } else {
            Out::Text(s)
        }
    }

    fn of_cell(c: Option<&FieldCell>) -> Out {
        match c.map(|c| &c.value) {
            None => Out::Empty,
            Some(CellValue::Date(d)) => Out::Date(d.date()),
            Some(v) => Out::text(v.display()),
        }
    }
}

/// The word for a status category in a language (`状态不明`/`unknown` when none).
pub fn status_word(s: Option<Status>, lang: Lang) -> &'static str {
    match (s, lang) {
        (Some(s), Lang::Zh) => s.standard_word(),
        (Some(s), Lang::En) => s.key(),
        (None, l) => l.pick("状态不明", "unknown"),
    }
}

/// The word for a timing in a language.
pub fn timing_word(t: Timing, lang: Lang) -> &'static str {
    match t {
        Timing::Overdue => lang.pick("逾期", "overdue"),
        Timing::DueSoon => lang.pick("临期", "due soon"),
    }
}

/// The words for a problem being done or not.
pub fn yes_no(done: bool, lang: Lang) -> &'static str {
    match (done, lang) {
        (true, l) => l.pick("是", "yes"),
        (false, l) => l.pick("否", "no"),
    }
}

/// Where a measure's row stands in the consolidated ledger.
#[derive(Debug, Clone, Copy)]
pub struct RowPlace {
    /// Running number of the row.
    pub no: u64,
    /// The problem's number within its community.
    pub problem_no: u64,
}

/// The values of a measure's row, in [`Col::ALL`] order, without the digest (the last column).
pub fn row_values(
    ledger: &Ledger,
    m: &Measure,
    place: RowPlace,
    problem_done: bool,
    timing: Option<Timing>,
    s: &Settings,
) -> Vec<Out> {
    let row = ledger.row_of(m);
    let lang = s.lang;
    let field = |f: Field| Out::of_cell(row.get(f));
    let deadline_date = match row.deadline {
        Parsed::Ok(p) => match p.deadline {
            Deadline::Date(d) => Out::Date(d),
            Deadline::Immediate => s.feedback_date.map_or(Out::Empty, Out::Date),
            Deadline::LongTerm => Out::Empty,
        },
        _ => Out::Empty,
    };
    let extras: Vec<String> = row
        .extras
        .iter()
        .map(|(i, v)| format!("{}:{}", ledger.layout.columns[*i].label, v.text()))
        .collect();
    let mut v = Vec::with_capacity(Col::ALL.len() - 1);
    for col in Col::ALL {
        v.push(match col {
            Col::No => Out::Number(place.no as f64),
            Col::Community => Out::text(ledger.community.clone()),
            Col::ProblemNo => Out::Number(place.problem_no as f64),
            Col::MeasureNo => Out::Number(f64::from(m.number)),
            Col::Measure => Out::text(m.text.clone()),
            Col::DeadlineDate => deadline_date.clone(),
            Col::Status => Out::text(status_word(row.status.ok(), lang)),
            Col::Timing => timing.map_or(Out::Empty, |t| Out::text(timing_word(t, lang))),
            Col::ProblemDone => Out::text(yes_no(problem_done, lang)),
            Col::MeasureCell => match m.item {
                Some(_) => field(Field::Measure),
                None => Out::Empty,
            },
            Col::Extras => Out::text(extras.join("\n")),
            Col::SourceFile => Out::text(ledger.file.clone()),
            Col::SourceSheet => Out::text(ledger.sheet.clone()),
            Col::SourceRow => Out::Number(f64::from(row.row) + 1.0),
            Col::RowDigest => continue,
            other => match other.field() {
                Some(f) => field(f),
                None => Out::Empty,
            },
        });
    }
    v
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn headers_are_unique_and_read_back_in_both_languages() {
        for c in Col::ALL {
            assert_eq!(Col::from_header(c.header(Lang::Zh)), Some(c));
            assert_eq!(Col::from_header(c.header(Lang::En)), Some(c));
        }
        assert_eq!(Col::RowDigest.index() as usize, Col::ALL.len() - 1);
    }

    #[test]
    fn canonical_forms() {
        assert_eq!(Out::Number(3.0).canonical(), "3");
        assert_eq!(Out::Text("a\r\nb".into()).canonical(), "a\nb");
        assert_eq!(
            Out::Date(NaiveDate::from_ymd_opt(2023, 6, 30).unwrap()).canonical(),
            "2023-06-30"
        );
    }
}
