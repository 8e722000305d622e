//! Findings (spec 3): what a clerk must fix, each with its rule, severity and source cell.

use crate::source::grid::CellRef;
use crate::value::header::Field;
use serde::{Serialize, Serializer};
use std::fmt;

/// How serious a finding is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    /// Must be fixed; `check` exits with 1.
    Error,
    /// Should be looked at.
    Warning,
    /// For the record.
    Info,
}

impl Severity {
    /// `error`, `warning` or `info`.
    pub fn key(self) -> &'static str {
        match self {
            Severity::Error => "error",
            Severity::Warning => "warning",
            Severity::Info => "info",
        }
    }

    /// The Chinese word: 错误, 警告, 提示.
    pub fn chinese(self) -> &'static str {
        match self {
            Severity::Error => "错误",
            Severity::Warning => "警告",
            Severity::Info => "提示",
        }
    }
}

/// The rules of spec 3. Each rule has one fixed severity ([`Rule::severity`]); its checking
/// function in [`crate::check`] carries its name.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Rule {
    /// `unreadable-file`: the file cannot be opened or parsed.
    UnreadableFile,
    /// `no-ledger`: no sheet of the file has a recognisable header.
    NoLedger,
    /// `sheet-skipped`: a sheet without a header in a workbook that has a ledger elsewhere.
    SheetSkipped,
    /// `hidden-sheet`: a hidden sheet that holds a ledger, skipped unless asked for.
    HiddenSheet,
    /// `missing-column`: a required field has no column.
    MissingColumn,
    /// `duplicate-column`: two columns name the same field.
    DuplicateColumn,
    /// `missing-cell`: a required field is empty in a data row.
    MissingCell,
    /// `bad-deadline`: a deadline no rule of spec 2.2 reads.
    BadDeadline,
    /// `bad-status`: a status no rule of spec 2.2 reads.
    BadStatus,
    /// `bad-date`: a completion date no rule reads.
    BadDate,
    /// `year-inferred`: a deadline without a year.
    YearInferred,
    /// `overdue`: past its deadline and neither done nor long-term.
    Overdue,
    /// `due-soon`: due within the window and not yet done.
    DueSoon,
    /// `done-late`: completed after its deadline.
    DoneLate,
    /// `duplicate-measure`: the same measure twice under one problem.
    DuplicateMeasure,
    /// `numbering`: `seq` values that skip or repeat.
    Numbering,
}

impl Rule {
    /// Every rule, in the order of spec 3.
    pub const ALL: [Rule; 16] = [
        Rule::UnreadableFile,
        Rule::NoLedger,
        Rule::SheetSkipped,
        Rule::HiddenSheet,
        Rule::MissingColumn,
        Rule::DuplicateColumn,
        Rule::MissingCell,
        Rule::BadDeadline,
        Rule::BadStatus,
        Rule::BadDate,
        Rule::YearInferred,
        Rule::Overdue,
        Rule::DueSoon,
        Rule::DoneLate,
        Rule::DuplicateMeasure,
        Rule::Numbering,
    ];

    /// The rule's id, as JSON writes it (`missing-cell`).
    pub fn id(self) -> &'static str {
        match self {
            Rule::UnreadableFile => "unreadable-file",
            Rule::NoLedger => "no-ledger",
            Rule::SheetSkipped => "sheet-skipped",
            Rule::HiddenSheet => "hidden-sheet",
            Rule::MissingColumn => "missing-column",
            Rule::DuplicateColumn => "duplicate-column",
            Rule::MissingCell => "missing-cell",
            Rule::BadDeadline => "bad-deadline",
            Rule::BadStatus => "bad-status",
            Rule::BadDate => "bad-date",
            Rule::YearInferred => "year-inferred",
            Rule::Overdue => "overdue",
            Rule::DueSoon => "due-soon",
            Rule::DoneLate => "done-late",
            Rule::DuplicateMeasure => "duplicate-measure",
            Rule::Numbering => "numbering",
        }
    }

    /// The rule with this id.
    pub fn from_id(id: &str) -> Option<Rule> {
        Rule::ALL.into_iter().find(|r| r.id() == id)
    }

    /// The rule's severity (spec 3).
    pub fn severity(self) -> Severity {
        match self {
            Rule::UnreadableFile
            | Rule::NoLedger
            | Rule::MissingColumn
            | Rule::MissingCell
            | Rule::BadDeadline
            | Rule::BadStatus
            | Rule::Overdue => Severity::Error,
            Rule::HiddenSheet
            | Rule::DuplicateColumn
            | Rule::BadDate
            | Rule::DueSoon
            | Rule::DoneLate
            | Rule::DuplicateMeasure
            | Rule::Numbering => Severity::Warning,
            Rule::SheetSkipped | Rule::YearInferred => Severity::Info,
        }
    }

    /// What the rule checks, in a few words (for the README table and `--help`).
    pub fn summary(self, lang: crate::Lang) -> &'static str {
        use crate::Lang::*;
        match (self, lang) {
            (Rule::UnreadableFile, Zh) => "文件无法打开或解析",
            (Rule::UnreadableFile, En) => "the file cannot be opened or parsed",
            (Rule::NoLedger, Zh) => "文件中没有可识别表头的台账",
            (Rule::NoLedger, En) => "no sheet has a recognisable header",
            (Rule::SheetSkipped, Zh) => "工作表没有表头,已跳过",
            (Rule::SheetSkipped, En) => "a sheet without a header was skipped",
            (Rule::HiddenSheet, Zh) => "隐藏工作表中有台账,已跳过",
            (Rule::HiddenSheet, En) => "a hidden sheet holds a ledger; skipped",
            (Rule::MissingColumn, Zh) => "缺少必填列",
            (Rule::MissingColumn, En) => "a required field has no column",
            (Rule::DuplicateColumn, Zh) => "两列表示同一字段",
            (Rule::DuplicateColumn, En) => "two columns name the same field",
            (Rule::MissingCell, Zh) => "必填单元格为空",
            (Rule::MissingCell, En) => "a required cell is empty",
            (Rule::BadDeadline, Zh) => "整改时限无法识别",
            (Rule::BadDeadline, En) => "the deadline cannot be read",
            (Rule::BadStatus, Zh) => "完成情况无法识别",
            (Rule::BadStatus, En) => "the status cannot be read",
            (Rule::BadDate, Zh) => "完成时间无法识别",
            (Rule::BadDate, En) => "the completion date cannot be read",
            (Rule::YearInferred, Zh) => "时限未写年份,按截止日期所在年份理解",
            (Rule::YearInferred, En) => "the deadline has no year",
            (Rule::Overdue, Zh) => "已超过整改时限仍未完成",
            (Rule::Overdue, En) => "past its deadline and not done",
            (Rule::DueSoon, Zh) => "即将到期",
            (Rule::DueSoon, En) => "due within the window",
            (Rule::DoneLate, Zh) => "完成时间晚于整改时限",
            (Rule::DoneLate, En) => "completed after its deadline",
            (Rule::DuplicateMeasure, Zh) => "同一问题下整改措施重复",
            (Rule::DuplicateMeasure, En) => "the same measure twice under one problem",
            (Rule::Numbering, Zh) => "序号跳号或重号",
            (Rule::Numbering, En) => "seq values skip or repeat",
        }
    }
}

impl fmt::Display for Rule {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.id())
    }
}

impl Serialize for Rule {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(self.id())
    }
}

/// One finding.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Finding {
    /// The rule's severity.
    pub severity: Severity,
    /// The rule.
    pub rule: Rule,
    /// The file, as reports name it.
    pub file: String,
    /// The sheet; empty for file-level findings.
    pub sheet: String,
    /// The cell in the source sheet; `None` for file- and sheet-level findings.
    pub cell: Option<CellRef>,
    /// The community; empty when unknown.
    pub community: String,
    /// The field concerned, if one.
    pub field: Option<Field>,
    /// A sentence in the chosen language.
    pub message: String,
    /// The cell's original text, when there is a cell.
    pub value: Option<String>,
}

impl Finding {
    /// A finding of a rule, with its fixed severity.
    pub fn new(rule: Rule, file: &str, message: String) -> Finding {
        Finding {
            severity: rule.severity(),
            rule,
            file: file.to_string(),
            sheet: String::new(),
            cell: None,
            community: String::new(),
            field: None,
            message,
            value: None,
        }
    }

    /// `file:sheet!cell`, `file:sheet` or `file`.
    pub fn location(&self) -> String {
        match (&self.sheet, &self.cell) {
            (s, _) if s.is_empty() => self.file.clone(),
            (s, Some(c)) => format!("{}:{}!{}", self.file, s, c),
            (s, None) => format!("{}:{}", self.file, s),
        }
    }
}

impl Serialize for Finding {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        use serde::ser::SerializeStruct;
        let mut st = s.serialize_struct("Finding", 9)?;
        st.serialize_field("severity", &self.severity)?;
        st.serialize_field("rule", &self.rule)?;
        st.serialize_field("file", &self.file)?;
        st.serialize_field("sheet", &self.sheet)?;
        st.serialize_field(
            "cell",
            &self.cell.map(|c| c.to_string()).unwrap_or_default(),
        )?;
        st.serialize_field("community", &self.community)?;
        st.serialize_field("field", &self.field)?;
        st.serialize_field("message", &self.message)?;
        st.serialize_field("value", &self.value)?;
        st.end()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rule_ids_round_trip_and_severities_follow_the_spec() {
        for r in Rule::ALL {
            assert_eq!(Rule::from_id(r.id()), Some(r));
        }
        assert_eq!(Rule::Overdue.severity(), Severity::Error);
        assert_eq!(Rule::DueSoon.severity(), Severity::Warning);
        assert_eq!(Rule::YearInferred.severity(), Severity::Info);
    }

    #[test]
    fn json_shape() {
        let mut f = Finding::new(Rule::MissingCell, "a.xlsx", "责任人为空".into());
        f.sheet = "台账".into();
        f.cell = Some(CellRef::new(11, 6));
        f.field = Some(Field::Person);
        f.value = Some(String::new());
        let j = serde_json::to_value(&f).unwrap();
        assert_eq!(j["cell"], "G12");
        assert_eq!(j["rule"], "missing-cell");
        assert_eq!(j["severity"], "error");
        assert_eq!(j["field"], "person");
        assert_eq!(f.location(), "a.xlsx:台账!G12");
    }
}
