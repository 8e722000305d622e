//! The fields of a ledger and the header words that name them (spec 2.1).
//!
//! Matching ignores spaces, line breaks, full/half-width punctuation and the content of
//! parentheses, so `责任人\n(姓名)`, `整改时限:` and ` 责 任 人 ` all name `person`. A header that
//! equals a word names its field; otherwise the longest word it contains decides
//! (`具体整改措施` → `measure`, `实际完成时间` → `completed_on`).

use crate::value::text::{half_width_char, is_punct, is_space};
use serde::{Deserialize, Serialize};
use std::fmt;

/// A column's meaning in a ledger.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Field {
    /// 序号: the problem's or row's number.
    Seq,
    /// 问题类别: the category (方面) of the problem.
    Category,
    /// 反馈问题: the problem the inspectors found.
    Problem,
    /// 整改措施: a rectification measure.
    Measure,
    /// 责任领导: the responsible leader.
    Leader,
    /// 责任科室: the responsible office.
    Department,
    /// 责任人: the responsible person.
    Person,
    /// 整改时限: the deadline.
    Deadline,
    /// 完成情况: the status.
    Status,
    /// 完成时间: when the measure was completed.
    CompletedOn,
    /// 备注: a note.
    Note,
}

impl Field {
    /// Every field, in the order of the standard ledger's columns.
    pub const ALL: [Field; 11] = [
        Field::Seq,
        Field::Category,
        Field::Problem,
        Field::Measure,
        Field::Leader,
        Field::Department,
        Field::Person,
        Field::Deadline,
        Field::Status,
        Field::CompletedOn,
        Field::Note,
    ];

    /// The fields every ledger must have a column for (`missing-column` otherwise) and every data
    /// row must fill (`missing-cell` otherwise).
    pub const REQUIRED: [Field; 7] = [
        Field::Problem,
        Field::Measure,
        Field::Leader,
        Field::Department,
        Field::Person,
        Field::Deadline,
        Field::Status,
    ];

    /// True when the field is required.
    pub fn is_required(self) -> bool {
        Field::REQUIRED.contains(&self)
    }

    /// The snake_case name used in JSON and the configuration file.
    pub fn key(self) -> &'static str {
        match self {
            Field::Seq => "seq",
            Field::Category => "category",
            Field::Problem => "problem",
            Field::Measure => "measure",
            Field::Leader => "leader",
            Field::Department => "department",
            Field::Person => "person",
            Field::Deadline => "deadline",
            Field::Status => "status",
            Field::CompletedOn => "completed_on",
            Field::Note => "note",
        }
    }

    /// Parses a key as written by [`Field::key`].
    pub fn from_key(key: &str) -> Option<Field> {
        Field::ALL.into_iter().find(|f| f.key() == key)
    }

    /// The standard Chinese header, as the template and the consolidated workbook write it.
    pub fn standard_header(self) -> &'static str {
        match self {
            Field::Seq => "序号",
            Field::Category => "问题类别",
            Field::Problem => "反馈问题",
            Field::Measure => "整改措施",
            Field::Leader => "责任领导",
            Field::Department => "责任科室",
            Field::Person => "责任人",
            Field::Deadline => "整改时限",
            Field::Status => "完成情况",
            Field::CompletedOn => "完成时间",
            Field::Note => "备注",
        }
    }

    /// The English header, for `--lang en`.
    pub fn english_header(self) -> &'static str {
        match self {
            Field::Seq => "No.",
            Field::Category => "Category",
            Field::Problem => "Problem",
            Field::Measure => "Measure",
            Field::Leader => "Leader",
            Field::Department => "Department",
            Field::Person => "Person",
            Field::Deadline => "Deadline",
            Field::Status => "Status",
            Field::CompletedOn => "Completed on",
            Field::Note => "Note",
        }
    }
}

impl fmt::Display for Field {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.key())
    }
}

/// The built-in header words of spec 2.1.
pub const BUILTIN_WORDS: [(Field, &[&str]); 11] = [
    (Field::Seq, &["序号", "编号", "问题序号", "No"]),
    (
        Field::Category,
        &[
            "问题类别",
            "问题分类",
            "类别",
            "反馈意见类别",
            "方面",
            "问题类型",
        ],
    ),
    (
        Field::Problem,
        &[
            "反馈问题",
            "存在问题",
            "问题描述",
            "具体问题",
            "问题表现",
            "巡察反馈问题",
            "问题",
        ],
    ),
    (
        Field::Measure,
        &["整改措施", "整改举措", "具体措施", "措施"],
    ),
    (Field::Leader, &["责任领导", "牵头领导", "分管领导"]),
    (
        Field::Department,
        &["责任科室", "责任部门", "责任单位", "牵头科室", "牵头部门"],
    ),
    (
        Field::Person,
        &["责任人", "责任人员", "具体责任人", "经办人"],
    ),
    (
        Field::Deadline,
        &["整改时限", "完成时限", "整改期限", "时限", "计划完成时间"],
    ),
    (
        Field::Status,
        &[
            "完成情况",
            "整改进展",
            "整改情况",
            "进展情况",
            "整改状态",
            "是否完成",
        ],
    ),
    (
        Field::CompletedOn,
        &["完成时间", "实际完成时间", "销号时间", "完成日期"],
    ),
    (Field::Note, &["备注"]),
];

/// Folds a header cell's text into the form words are matched in: half-width, lower case,
/// without spaces, punctuation or the content of parentheses.
///
/// ```
/// use taizhang::value::header::normalize_header;
/// assert_eq!(normalize_header("责任人\n(姓名)"), "责任人");
/// assert_eq!(normalize_header(" 整改 时限: "), "整改时限");
/// assert_eq!(normalize_header("No."), "no");
/// ```
pub fn normalize_header(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut depth = 0usize;
    for c in text.chars().map(half_width_char) {
        match c {
            '(' | '[' | '【' | '〔' | '{' => depth += 1,
            ')' | ']' | '】' | '〕' | '}' => depth = depth.saturating_sub(1),
            _ if depth > 0 => {}
            c if is_space(c) || is_punct(c) => {}
            c => out.extend(c.to_lowercase()),
        }
    }
    out
}

/// The header words in force: the built-in ones plus any the configuration adds.
///
/// ```
/// use taizhang::value::header::{Field, HeaderVocabulary};
/// let v = HeaderVocabulary::default();
/// assert_eq!(v.field_of("具体整改措施"), Some(Field::Measure));
/// assert_eq!(v.field_of("责任人\n(姓名)"), Some(Field::Person));
/// assert_eq!(v.field_of("联系电话"), None);
/// ```
#[derive(Debug, Clone)]
pub struct HeaderVocabulary {
    /// (normalised word, field), longest first.
    words: Vec<(String, Field)>,
}

impl Default for HeaderVocabulary {
    fn default() -> Self {
        let mut v = HeaderVocabulary { words: Vec::new() };
        for (field, words) in BUILTIN_WORDS {
            for w in words {
                v.add(field, w);
            }
        }
        v
    }
}

impl HeaderVocabulary {
    /// Adds a header word for a field. A word already known is moved to the new field.
    pub fn add(&mut self, field: Field, word: &str) {
        let word = normalize_header(word);
        if word.is_empty() {
            return;
        }
        self.words.retain(|(w, _)| *w != word);
        self.words.push((word, field));
        self.words
            .sort_by_key(|w| std::cmp::Reverse(w.0.chars().count()));
    }

    /// The field a header cell names, if any: an exact word first, else the longest word the
    /// header contains. Headers longer than 20 characters are sentences, not headers.
    pub fn field_of(&self, header: &str) -> Option<Field> {
        let h = normalize_header(header);
        if h.is_empty() || h.chars().count() > 20 {
            return None;
        }
        if let Some((_, f)) = self.words.iter().find(|(w, _)| *w == h) {
            return Some(*f);
        }
        self.words
            .iter()
            .find(|(w, _)| h.contains(w.as_str()))
            .map(|(_, f)| *f)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_builtin_word_names_its_field() {
        let v = HeaderVocabulary::default();
        for (field, words) in BUILTIN_WORDS {
            for w in words {
                assert_eq!(v.field_of(w), Some(field), "{w}");
            }
        }
    }

    #[test]
    fn spaces_breaks_punctuation_and_parentheses_are_ignored() {
        let v = HeaderVocabulary::default();
        assert_eq!(v.field_of("责 任 人"), Some(Field::Person));
        assert_eq!(v.field_of("责任\r\n领导"), Some(Field::Leader));
        assert_eq!(v.field_of("整改时限:"), Some(Field::Deadline));
        assert_eq!(v.field_of("责任单位(盖章)"), Some(Field::Department));
        assert_eq!(v.field_of("*整改措施"), Some(Field::Measure));
        assert_eq!(v.field_of("完成情况\u{3000}"), Some(Field::Status));
        assert_eq!(v.field_of("NO."), Some(Field::Seq));
        assert_eq!(v.field_of("序号(编号)"), Some(Field::Seq));
    }

    #[test]
    fn exact_words_beat_contained_ones() {
        let v = HeaderVocabulary::default();
        assert_eq!(v.field_of("计划完成时间"), Some(Field::Deadline));
        assert_eq!(v.field_of("实际完成时间"), Some(Field::CompletedOn));
        assert_eq!(v.field_of("问题序号"), Some(Field::Seq));
        assert_eq!(v.field_of("具体责任人"), Some(Field::Person));
        assert_eq!(v.field_of("整改完成时限"), Some(Field::Deadline));
        assert_eq!(v.field_of("巡察反馈问题"), Some(Field::Problem));
    }

    #[test]
    fn other_words_name_nothing() {
        let v = HeaderVocabulary::default();
        for h in [
            "",
            "联系电话",
            "佐证材料",
            "庆利社区党委巡察反馈意见整改落实情况台账",
        ] {
            assert_eq!(v.field_of(h), None, "{h}");
        }
    }

    #[test]
    fn configured_words() {
        let mut v = HeaderVocabulary::default();
        v.add(Field::Person, "联系人");
        assert_eq!(v.field_of("联系人"), Some(Field::Person));
    }

    #[test]
    fn keys_round_trip() {
        for f in Field::ALL {
            assert_eq!(Field::from_key(f.key()), Some(f));
            assert_eq!(
                HeaderVocabulary::default().field_of(f.standard_header()),
                Some(f)
            );
        }
    }
}
