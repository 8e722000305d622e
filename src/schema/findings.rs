//! The findings sheet `校验结果` / `Findings` (continued on `校验结果(2)` … past a sheet's rows):
//! one row per finding, errors first, under a header row.

use crate::Lang;
use crate::model::Severity;
use crate::value::header::Field;

/// A column of the findings sheet.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub(crate) enum FindingsCol {
    /// Running number.
    No,
    /// The severity's word.
    Severity,
    /// The rule's id.
    Rule,
    /// The unit.
    Unit,
    /// The file.
    File,
    /// The sheet.
    Sheet,
    /// The cell, in A1 notation.
    Cell,
    /// The field's header.
    Field,
    /// The message.
    Message,
    /// The cell's original text.
    Value,
    /// The rule's id (`missing-cell`), hidden: the 规则 column shows the rule's name
    /// ([`crate::messages::findings::rule_name`]). A workbook written before has no such
    /// column, and the id in 规则.
    RuleId,
}

impl FindingsCol {
    /// Every column, in sheet order.
    pub(crate) const ALL: [FindingsCol; 11] = [
        FindingsCol::No,
        FindingsCol::Severity,
        FindingsCol::Rule,
        FindingsCol::Unit,
        FindingsCol::File,
        FindingsCol::Sheet,
        FindingsCol::Cell,
        FindingsCol::Field,
        FindingsCol::Message,
        FindingsCol::Value,
        FindingsCol::RuleId,
    ];

    /// The column's index (0-based).
    pub(crate) fn index(self) -> u16 {
        FindingsCol::ALL
            .iter()
            .position(|c| *c == self)
            .unwrap_or(0) as u16
    }

    /// The header in a language.
    pub(crate) fn header(self, lang: Lang) -> &'static str {
        let (zh, en) = match self {
            FindingsCol::No => ("序号", "No."),
            FindingsCol::Severity => ("严重程度", "Severity"),
            FindingsCol::Rule => ("规则", "Rule"),
            FindingsCol::Unit => ("社区", "Community"),
            FindingsCol::File => ("文件", "File"),
            FindingsCol::Sheet => ("工作表", "Sheet"),
            FindingsCol::Cell => ("单元格", "Cell"),
            FindingsCol::Field => ("字段", "Field"),
            FindingsCol::Message => ("说明", "Message"),
            FindingsCol::Value => ("原值", "Value"),
            FindingsCol::RuleId => ("规则ID", "Rule ID"),
        };
        lang.pick(zh, en)
    }

    /// The widest the column gets, in character units (a Chinese character is two); longer
    /// texts wrap. The caps add up to no more than the ledger's printed columns'
    /// (`crate::schema::ledger::PRINTED_WIDTH`), so the sheet prints at 9 pt or more.
    pub(crate) fn max_width(self) -> f64 {
        match self {
            FindingsCol::No => 5.0,
            FindingsCol::Severity => 9.0,
            FindingsCol::Rule => 12.0,
            FindingsCol::Unit => 8.0,
            FindingsCol::File => 18.0,
            FindingsCol::Sheet => 10.0,
            FindingsCol::Cell => 7.0,
            FindingsCol::Field => 9.0,
            FindingsCol::Message => 30.0,
            FindingsCol::Value => 13.0,
            FindingsCol::RuleId => 18.0,
        }
    }

    /// True for the columns that show and print: every one but the rule's id.
    pub(crate) fn is_printed(self) -> bool {
        self != FindingsCol::RuleId
    }

    /// The least width of the column: its header in bold on one line.
    pub(crate) fn min_width(self) -> f64 {
        crate::value::text::display_width(self.header(Lang::Zh)) as f64 + 1.0
    }
}

/// The word for a severity in the findings sheet (and in the summary's formulas).
pub(crate) fn severity_word(s: Severity, lang: Lang) -> &'static str {
    match (s, lang) {
        (Severity::Error, Lang::Zh) => "错误",
        (Severity::Warning, Lang::Zh) => "警告",
        (Severity::Info, Lang::Zh) => "提示",
        (s, Lang::En) => s.key(),
    }
}

/// The severity a word of the findings sheet names.
pub(crate) fn severity_of_word(word: &str, lang: Lang) -> Option<Severity> {
    Severity::ALL
        .into_iter()
        .find(|s| severity_word(*s, lang) == word)
}

/// The name of a field in the findings sheet: its standard header in Chinese, its English
/// header in English.
pub(crate) fn field_word(f: Field, lang: Lang) -> &'static str {
    match lang {
        Lang::Zh => f.standard_header(),
        Lang::En => f.english_header(),
    }
}
