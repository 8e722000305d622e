//! The list `taizhang split` sends each unit (挂单整改): a notice sheet `整改通知` addressed to
//! the unit, then its measures in the standard ledger layout ([`super::template`]) on
//! `整改台账`, one row per measure, with two columns more: `需整改事项` (what taizhang found
//! wrong in the row) and the hidden `措施ID` that carries the measure through the round.
//!
//! ```text
//! 整改通知   row 1  title                                  (NOTICE_TITLE_ROW)
//!            rows   addressee, as-of date, return-by date, counters, instructions,
//!                   the overdue and due-soon items, one line each, and the signature
//! 整改台账   the standard layout: title, note, meta row, header (template::HEADER_ROW), rows,
//!            a blank row and the footer
//! ```
//!
//! A returned list is read like any ledger: the notice sheet has no ledger header (its items
//! are lines of text, not a table), the ID column is recognised by its header and its values,
//! and `需整改事项` is an extra column, kept with the row.

use crate::schema::ledger::Col;
use crate::value::header::Field;

/// The notice sheet's name.
pub(crate) const NOTICE_SHEET: &str = "整改通知";

/// The notice's title row (0-based).
pub(crate) const NOTICE_TITLE_ROW: u32 = 0;

/// The header of the column of what taizhang found wrong in the row.
pub(crate) const TO_FIX_HEADER: &str = "需整改事项";

/// A column of the list's ledger sheet.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub(crate) enum ListCol {
    /// A field of the standard ledger, from the consolidated column that holds it as written.
    Field(Field),
    /// The other columns of the source, as the consolidated workbook holds them
    /// (`label:value` lines; read back as they are).
    Extras,
    /// What taizhang found wrong in the row.
    ToFix,
}

impl ListCol {
    /// The columns, in sheet order: the standard fields, the other columns (when a row has
    /// any), what to fix, and the ID.
    pub(crate) fn all(with_extras: bool) -> Vec<ListCol> {
        let mut v: Vec<ListCol> = Field::STANDARD.into_iter().map(ListCol::Field).collect();
        if with_extras {
            v.push(ListCol::Extras);
        }
        v.push(ListCol::ToFix);
        v.push(ListCol::Field(Field::Id));
        v
    }

    /// The header.
    pub(crate) fn header(self) -> &'static str {
        match self {
            ListCol::Field(f) => f.standard_header(),
            ListCol::Extras => Col::Extras.header(crate::Lang::Zh),
            ListCol::ToFix => TO_FIX_HEADER,
        }
    }

    /// The consolidated column the value comes from (`None`: what to fix, which taizhang
    /// writes from its findings). The problem's number within its unit stands for `序号`; the
    /// deadline, the status and the completion date as written.
    pub(crate) fn source(self) -> Option<Col> {
        Some(match self {
            ListCol::Field(Field::Seq) => Col::ProblemNo,
            ListCol::Field(Field::Category) => Col::Category,
            ListCol::Field(Field::Problem) => Col::Problem,
            ListCol::Field(Field::Measure) => Col::Measure,
            ListCol::Field(Field::Leader) => Col::Leader,
            ListCol::Field(Field::Department) => Col::Department,
            ListCol::Field(Field::Person) => Col::Person,
            ListCol::Field(Field::Deadline) => Col::DeadlineWritten,
            ListCol::Field(Field::Status) => Col::StatusWritten,
            ListCol::Field(Field::CompletedOn) => Col::CompletedOn,
            ListCol::Field(Field::Note) => Col::Note,
            ListCol::Field(Field::Unit) => Col::Unit,
            ListCol::Field(Field::Id) => Col::Id,
            ListCol::Extras => Col::Extras,
            ListCol::ToFix => return None,
        })
    }
}

/// The file name of a unit's list: its name with the characters no file name may hold
/// replaced by `_`, then `.xlsx`.
pub(crate) fn file_name(unit: &str) -> String {
    let clean: String = unit
        .trim()
        .chars()
        .map(|c| match c {
            '/' | '\\' | ':' | '*' | '?' | '"' | '<' | '>' | '|' => '_',
            c if c.is_control() => '_',
            c => c,
        })
        .collect();
    let clean = clean.trim_matches('.').to_string();
    if clean.is_empty() {
        "未命名单位.xlsx".to_string()
    } else {
        format!("{clean}.xlsx")
    }
}

/// The message of the ID column's validation, shown when someone types into it.
pub(crate) const ID_PROMPT: (&str, &str) = (
    "措施ID",
    "措施ID由台账系统生成，用于下一轮逐项对账，请勿修改；新增措施请插入新行并留空此列。",
);

#[cfg(test)]
mod examples {
    //! The examples of crate-private items, once in their documentation.

    /// `schema::split::file_name`
    #[test]
    fn split_file_name() {
        use crate::schema::split::file_name;
        assert_eq!(file_name("庆利社区"), "庆利社区.xlsx");
        assert_eq!(file_name("A/B:C"), "A_B_C.xlsx");
        assert_eq!(file_name(" "), "未命名单位.xlsx");
    }
}
