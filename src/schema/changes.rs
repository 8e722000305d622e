//! The workbook of `taizhang diff -o CHANGES.xlsx`: one sheet `变更` / `Changes`, one row per
//! change under a header row.

use crate::Lang;

/// The sheet's name.
pub(crate) fn sheet_name(lang: Lang) -> &'static str {
    lang.pick("变更", "Changes")
}

/// A column of the changes sheet.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub(crate) enum ChangesCol {
    /// Running number.
    No,
    /// The kind of change.
    Change,
    /// The unit.
    Unit,
    /// The problem.
    Problem,
    /// The measure.
    Measure,
    /// The field that changed.
    Field,
    /// The old value.
    Old,
    /// The new value.
    New,
    /// The old row's cell.
    OldCell,
    /// The new row's cell.
    NewCell,
    /// Whether a deadline was postponed.
    Postponed,
    /// The measure's ID.
    Id,
}

impl ChangesCol {
    /// Every column, in sheet order.
    pub(crate) const ALL: [ChangesCol; 12] = [
        ChangesCol::No,
        ChangesCol::Change,
        ChangesCol::Unit,
        ChangesCol::Problem,
        ChangesCol::Measure,
        ChangesCol::Field,
        ChangesCol::Old,
        ChangesCol::New,
        ChangesCol::OldCell,
        ChangesCol::NewCell,
        ChangesCol::Postponed,
        ChangesCol::Id,
    ];

    /// The header in a language.
    pub(crate) fn header(self, lang: Lang) -> &'static str {
        let (zh, en) = match self {
            ChangesCol::No => ("序号", "No."),
            ChangesCol::Change => ("变化", "Change"),
            ChangesCol::Unit => ("社区", "Community"),
            ChangesCol::Problem => ("反馈问题", "Problem"),
            ChangesCol::Measure => ("整改措施", "Measure"),
            ChangesCol::Field => ("字段", "Field"),
            ChangesCol::Old => ("原值", "Old"),
            ChangesCol::New => ("新值", "New"),
            ChangesCol::OldCell => ("原位置", "Old cell"),
            ChangesCol::NewCell => ("新位置", "New cell"),
            ChangesCol::Postponed => ("延期", "Postponed"),
            ChangesCol::Id => ("措施ID", "Measure ID"),
        };
        lang.pick(zh, en)
    }

    /// The widest the column gets.
    pub(crate) fn max_width(self) -> f64 {
        match self {
            ChangesCol::No | ChangesCol::Postponed => 6.0,
            ChangesCol::Change | ChangesCol::Field => 10.0,
            ChangesCol::Unit => 12.0,
            ChangesCol::Problem => 36.0,
            ChangesCol::Measure => 40.0,
            _ => 16.0,
        }
    }
}

/// The word in the `延期` column of a postponed deadline.
pub(crate) fn postponed_word(lang: Lang) -> &'static str {
    lang.pick("是", "yes")
}
