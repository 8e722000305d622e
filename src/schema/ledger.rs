//! The ledger sheet `整改台账` / `Ledger`: one row per measure under a header row, its columns,
//! the words its derived columns hold, and the canonical text of its cells.
//!
//! One definition serves the writer, the digests, the reader of a consolidated workbook and
//! `verify`, so they cannot drift apart.

use crate::Lang;
use crate::model::Timing;
use crate::value::header::Field;
use crate::value::status::Status;
use chrono::NaiveDate;

/// The header row (0-based): the first row of every ledger sheet.
pub(crate) const HEADER_ROW: u32 = 0;

/// A column of the ledger sheet.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Col {
    /// Running number of the row.
    No,
    /// The unit.
    Unit,
    /// The problem's number within its unit.
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
    /// The measure's stable ID (`crate::value::id::MeasureId`).
    Id,
    /// The level above the unit (`Ledger::parent`): a section row's organisation over its
    /// units, a 乡镇 over its villages; empty where the unit has none. A workbook written
    /// before it had no such column; readers take such a workbook as written.
    Parent,
    /// The row's digest (see [`super::digest`]).
    RowDigest,
}

impl Col {
    /// Every column, in sheet order.
    pub const ALL: [Col; 27] = [
        Col::No,
        Col::Unit,
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
        Col::Id,
        Col::Parent,
        Col::RowDigest,
    ];

    /// The columns printed and shown when the workbook opens: what the unit wrote and what a
    /// clerk reads on paper, from `序号` to `备注`, fourteen columns that print on A4 landscape at
    /// 9 pt or more. The others are grouped (collapsed, with a `+` to open them) or, for the
    /// digest, hidden: the category, the deadline as a date and the status category (each
    /// beside what the ledger wrote, which is printed), and the technical columns after `备注`.
    pub fn is_printed(self) -> bool {
        self.index() <= Col::LAST_PRINTED.index()
            && !matches!(self, Col::Category | Col::DeadlineDate | Col::Status)
    }

    /// The last column of the print area.
    pub(crate) const LAST_PRINTED: Col = Col::Note;

    /// The collapsed groups, each from its first to its last column: every column but the
    /// printed ones and the digest.
    pub(crate) const GROUPS: [(Col, Col); 4] = [
        (Col::Category, Col::Category),
        (Col::DeadlineDate, Col::DeadlineDate),
        (Col::Status, Col::Status),
        (Col::Extras, Col::Parent),
    ];

    /// True for the columns the ledger sheet hides: the collapsed groups and the digest; every
    /// other column is shown.
    pub(crate) fn is_hidden(self) -> bool {
        !self.is_printed()
    }

    /// True for the columns whose cells are centred, text or not: numbers, dates and the short
    /// words of the derived columns, so that a date written as text lines up with a date cell.
    pub(crate) fn is_centred(self) -> bool {
        matches!(
            self,
            Col::No
                | Col::ProblemNo
                | Col::MeasureNo
                | Col::DeadlineWritten
                | Col::DeadlineDate
                | Col::Status
                | Col::Timing
                | Col::ProblemDone
                | Col::CompletedOn
                | Col::Seq
                | Col::SourceRow
        )
    }

    /// The column's index (0-based) in the sheet.
    pub fn index(self) -> u16 {
        Col::ALL.iter().position(|c| *c == self).unwrap_or(0) as u16
    }

    /// The header in a language.
    pub(crate) fn header(self, lang: Lang) -> &'static str {
        let (zh, en) = match self {
            Col::No => ("序号", "No."),
            Col::Unit => ("社区", "Community"),
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
            Col::Id => ("措施ID", "Measure ID"),
            Col::Parent => ("上级单位", "Parent"),
            Col::RowDigest => ("行校验码", "Row digest"),
        };
        lang.pick(zh, en)
    }

    /// The column a header names, in either language.
    pub(crate) fn from_header(text: &str) -> Option<Col> {
        let t = unbroken(text);
        let t = t.as_str();
        Col::ALL
            .into_iter()
            .find(|c| c.header(Lang::Zh) == t || c.header(Lang::En) == t)
    }

    /// The source field the column carries, if one.
    pub(crate) fn field(self) -> Option<Field> {
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
            Col::Id => Field::Id,
            _ => return None,
        })
    }

    /// The field the column is read as when a consolidated workbook is an input (to `check`,
    /// `merge`, `report`): the unit is the unit, and the problem number stands for `seq`,
    /// so problems keep their identity across units' sheets.
    pub(crate) fn input_field(self) -> Option<Field> {
        match self {
            Col::Unit => Some(Field::Unit),
            Col::ProblemNo => Some(Field::Seq),
            Col::Seq => None,
            other => other.field(),
        }
    }

    /// True for the columns a source determines: those a re-read source must give again
    /// (what a clerk wrote, where it was), as opposed to the numbering and the derived
    /// columns of the merge.
    pub(crate) fn is_from_source(self) -> bool {
        self.field().is_some()
            || matches!(
                self,
                Col::Unit | Col::MeasureCell | Col::Extras | Col::SourceRow | Col::Parent
            )
    }

    /// True for a column a consolidated workbook written before it had may lack (the parent):
    /// readers take such a workbook's rows without it, and its digests as written then.
    pub(crate) fn is_optional(self) -> bool {
        self == Col::Parent
    }

    /// True for the columns carried over as extra columns when a consolidated workbook is an
    /// input: everything a source held that is not a field.
    pub(crate) fn is_carried(self) -> bool {
        matches!(
            self,
            Col::Extras
                | Col::Seq
                | Col::MeasureCell
                | Col::SourceFile
                | Col::SourceSheet
                | Col::SourceRow
        )
    }

    /// True for the columns a consolidated workbook read as a ledger again (an input to
    /// `check`, `merge`, `report`) is read from: the fields and what is carried. The numbering,
    /// the derived columns and the row digest are the merge's, made again from these.
    pub(crate) fn is_read_as_input(self) -> bool {
        self.input_field().is_some() || self.is_carried()
    }

    /// The header cell as written: the header with its lines broken between words, so that a
    /// narrow column shows `问题` over `编号` and never `问题编` over `号`. Readers take the
    /// cell without its line breaks ([`unbroken`]) as the header.
    pub(crate) fn header_cell(self, lang: Lang) -> &'static str {
        if lang == Lang::En {
            return self.header(lang);
        }
        match self {
            Col::ProblemNo => "问题\n编号",
            Col::MeasureNo => "措施\n编号",
            Col::Leader => "责任\n领导",
            Col::Department => "责任\n科室",
            Col::DeadlineWritten => "整改时限\n(原文)",
            Col::StatusWritten => "完成情况\n(原文)",
            Col::Timing => "时限\n状态",
            Col::CompletedOn => "完成\n时间",
            Col::Parent => "上级\n单位",
            other => other.header(lang),
        }
    }

    /// The widest the column gets, in character units (a Chinese character of the sheet's
    /// 10.5 pt is two); longer texts wrap within it. The printed columns' caps add up to
    /// `PRINTED_WIDTH`, what A4 landscape holds at 9 pt or more as LibreOffice prints it.
    pub(crate) fn max_width(self) -> f64 {
        match self {
            Col::No | Col::ProblemNo | Col::MeasureNo | Col::Timing => 5.0,
            Col::Unit => 8.0,
            Col::Leader | Col::Department | Col::Person => 7.0,
            Col::Problem => 15.0,
            Col::Measure => 16.0,
            // A date as written (`2023年12月31日`) on one line.
            Col::DeadlineWritten => 15.0,
            Col::CompletedOn => 14.0,
            Col::StatusWritten => 9.0,
            Col::Note => 8.0,
            Col::SourceRow => 7.0,
            Col::Id => 15.0,
            Col::MeasureCell => 40.0,
            Col::Category => 14.0,
            Col::Extras => 18.0,
            Col::SourceFile => 36.0,
            _ => 12.0,
        }
    }

    /// The least width of the column: its header's longest line (bold) and, for the columns
    /// of dates, a date cell (`2023-03-20`), so that neither breaks.
    pub(crate) fn min_width(self) -> f64 {
        let header = self
            .header_cell(Lang::Zh)
            .lines()
            .map(crate::value::text::display_width)
            .max()
            .unwrap_or(0) as f64
            + 1.0;
        match self {
            Col::DeadlineWritten | Col::CompletedOn | Col::DeadlineDate => header.max(11.0),
            _ => header,
        }
    }
}

/// The sum of the printed columns' caps ([`Col::max_width`]), in character units: A4
/// landscape's width less its margins holds it at 88 % in LibreOffice, whose character unit is
/// wider than Excel's where 宋体 is not installed (DejaVu Sans's digit, 6.7 pt at 10.5 pt
/// against 宋体's 5.25), so the sheet's 10.5 pt prints at 9 pt or more; Excel and WPS print
/// it at 100 %.
#[cfg(test)]
pub(crate) const PRINTED_WIDTH: f64 = 126.0;

/// A header cell's text without the line breaks it is written with (`Col::header_cell`):
/// what readers compare with the header.
pub fn unbroken(cell: &str) -> String {
    cell.lines().map(str::trim).collect::<String>()
}

/// A value as the ledger sheet holds it.
#[derive(Debug, Clone, PartialEq)]
pub(crate) enum Out {
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
    pub(crate) fn canonical(&self) -> String {
        match self {
            Out::Empty => String::new(),
            Out::Text(s) => s.replace("\r\n", "\n"),
            Out::Number(n) => crate::value::text::format_number(*n),
            Out::Date(d) => d.format("%Y-%m-%d").to_string(),
        }
    }

    /// [`Out::canonical`], borrowed where the value already is its canonical text.
    pub(crate) fn canonical_cow(&self) -> std::borrow::Cow<'_, str> {
        match self {
            Out::Empty => std::borrow::Cow::Borrowed(""),
            Out::Text(t) if !t.contains('\r') => std::borrow::Cow::Borrowed(t),
            other => std::borrow::Cow::Owned(other.canonical()),
        }
    }

    /// True when the canonical text is `s`.
    pub(crate) fn canonical_is(&self, s: &str) -> bool {
        self.canonical_cow() == s
    }

    /// Text, or [`Out::Empty`] for an empty text.
    pub(crate) fn text(s: impl Into<String>) -> Out {
        let s = s.into();
        if s.is_empty() {
            Out::Empty
        } else {
            Out::Text(s)
        }
    }
}

/// A text cut to what a cell holds ([`crate::schema::MAX_CELL_CHARS`] characters), ending in a
/// marker that gives its full length; shorter text unchanged. Every longer source cell is also
/// a `cell-too-long` finding, so the cut is never silent.
pub(crate) fn fit_cell(s: &str) -> std::borrow::Cow<'_, str> {
    let max = crate::schema::MAX_CELL_CHARS;
    if s.len() <= max || s.chars().count() <= max {
        return std::borrow::Cow::Borrowed(s);
    }
    let total = s.chars().count();
    let note = format!("…[截断:原文{total}字]");
    let keep: String = s.chars().take(max - note.chars().count()).collect();
    std::borrow::Cow::Owned(keep + &note)
}

/// The word for a status category in a language (`状态不明`/`unknown` when none).
pub(crate) fn status_word(s: Option<Status>, lang: Lang) -> &'static str {
    match (s, lang) {
        (Some(s), Lang::Zh) => s.standard_word(),
        (Some(s), Lang::En) => s.key(),
        (None, l) => l.pick("状态不明", "unknown"),
    }
}

/// The word for a timing in a language.
pub(crate) fn timing_word(t: Timing, lang: Lang) -> &'static str {
    match t {
        Timing::Overdue => lang.pick("逾期", "overdue"),
        Timing::DueSoon => lang.pick("临期", "due soon"),
    }
}

/// The words for a problem being done or not.
pub(crate) fn yes_no(done: bool, lang: Lang) -> &'static str {
    match (done, lang) {
        (true, l) => l.pick("是", "yes"),
        (false, l) => l.pick("否", "no"),
    }
}

/// The status category a `状态` cell names: `Some(None)` for the unknown status's word, `None`
/// for a word that is none of them.
pub(crate) fn status_of_word(word: &str, lang: Lang) -> Option<Option<Status>> {
    Status::ALL
        .into_iter()
        .map(Some)
        .chain([None])
        .find(|s| status_word(*s, lang) == word)
}

/// The timing a `时限状态` cell names: `Some(None)` for an empty cell, `None` for other text.
pub(crate) fn timing_of_word(word: &str, lang: Lang) -> Option<Option<Timing>> {
    if word.is_empty() {
        return Some(None);
    }
    [Timing::Overdue, Timing::DueSoon]
        .into_iter()
        .find(|t| timing_word(*t, lang) == word)
        .map(Some)
}

/// The words of the status drop-down: every category, then the unknown status.
pub(crate) fn status_choices(lang: Lang) -> Vec<&'static str> {
    Status::ALL
        .iter()
        .map(|s| status_word(Some(*s), lang))
        .chain([status_word(None, lang)])
        .collect()
}

/// The title and message the status drop-down shows.
pub(crate) fn status_prompt(lang: Lang) -> (&'static str, &'static str) {
    (
        lang.pick("状态", "Status"),
        lang.pick(
            "已完成、长期坚持、推进中、未开始",
            "done, long-term, in progress, not started",
        ),
    )
}

/// The columns a ledger sheet's digests cover: every column but the row digest, in order.
pub(crate) fn digested() -> impl Iterator<Item = Col> {
    Col::ALL.into_iter().filter(|c| *c != Col::RowDigest)
}

/// The columns the digests of a workbook cover: [`digested`], without the optional columns
/// ([`Col::is_optional`]) when the workbook was written before it had them (`all` false).
pub(crate) fn digested_of(all: bool) -> impl Iterator<Item = Col> {
    digested().filter(move |c| all || !c.is_optional())
}

/// The header cells the digests start with: [`digested`] columns' headers.
pub(crate) fn digested_headers(lang: Lang) -> Vec<String> {
    digested().map(|c| c.header(lang).to_string()).collect()
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
    fn every_column_is_printed_grouped_or_the_digest() {
        let grouped = |c: Col| {
            Col::GROUPS
                .iter()
                .any(|(a, b)| (a.index()..=b.index()).contains(&c.index()))
        };
        for c in Col::ALL {
            let ways = [c.is_printed(), grouped(c), c == Col::RowDigest];
            assert_eq!(ways.iter().filter(|w| **w).count(), 1, "{c:?}");
        }
        let printed: Vec<Col> = Col::ALL.into_iter().filter(|c| c.is_printed()).collect();
        assert_eq!(printed.len(), 14);
        let width: f64 = printed.iter().map(|c| c.max_width()).sum();
        assert!(width <= PRINTED_WIDTH, "{width}");
        for c in Col::ALL {
            assert!(c.min_width() <= c.max_width(), "{c:?}");
            assert_eq!(unbroken(c.header_cell(Lang::Zh)), c.header(Lang::Zh));
        }
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

#[cfg(test)]
mod examples {
    //! The examples of crate-private items, once in their documentation.

    /// `schema::ledger::Col::is_read_as_input`
    #[test]
    fn ledger_col_is_read_as_input() {
        use crate::schema::ledger::Col;
        assert!(Col::Measure.is_read_as_input() && Col::SourceRow.is_read_as_input());
        assert!(!Col::Status.is_read_as_input() && !Col::RowDigest.is_read_as_input());
    }

    /// `schema::ledger::fit_cell`
    #[test]
    fn ledger_fit_cell() {
        use crate::schema::{MAX_CELL_CHARS, ledger::fit_cell};
        assert_eq!(fit_cell("短"), "短");
        let long = "字".repeat(40_000);
        let cut = fit_cell(&long);
        assert_eq!(cut.chars().count(), MAX_CELL_CHARS);
        assert!(cut.ends_with("…[截断:原文40000字]"));
    }
}
