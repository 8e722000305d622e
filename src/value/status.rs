//! The status vocabulary of spec 2.2: `完成情况` and its synonyms.
//!
//! A status is judged by its leading words, so `已完成。召开了专题会议…` is done. Among the words a
//! cell starts with, the longest wins over its prefix: `已完成并长期坚持` is long-term, not done.
//!
//! | category | words |
//! |---|---|
//! | done | 已完成, 完成, 已整改, 整改完成, 已整改完成, 已销号, 已落实, 办结, 是 |
//! | long_term | 长期坚持, 长期推进, 持续整改, 常态化推进, 已完成并长期坚持 |
//! | in_progress | 推进中, 正在推进, 整改中, 正在整改, 持续推进, 部分完成, 进行中, 未完成 |
//! | not_started | 未开始, 未启动, 否 |
//!
//! One further form is read as done: `已于2023年3月15日完成` (`已于` … `完成`/`整改`/`落实`/`办结`,
//! with no `未` in it). The configuration file can add words to any category.

use crate::value::text::{half_width_char, is_punct, is_space};
use serde::{Deserialize, Serialize};
use std::fmt;

/// The category of a measure's status. A cell no word reads has no category: it counts under
/// `measures_unknown_status` and gets a `bad-status` finding.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Status {
    /// 已完成: the measure is carried out.
    Done,
    /// 长期坚持: carried out and continued; never overdue.
    LongTerm,
    /// 推进中: under way.
    InProgress,
    /// 未开始: not begun.
    NotStarted,
}

impl Status {
    /// Every category, in the order reports list them.
    pub const ALL: [Status; 4] = [
        Status::Done,
        Status::LongTerm,
        Status::InProgress,
        Status::NotStarted,
    ];

    /// The snake_case name used in JSON and the configuration file (`done`, `long_term` …).
    pub fn key(self) -> &'static str {
        match self {
            Status::Done => "done",
            Status::LongTerm => "long_term",
            Status::InProgress => "in_progress",
            Status::NotStarted => "not_started",
        }
    }

    /// The standard Chinese word for the category, as the consolidated workbook and the
    /// template's drop-down write it.
    pub fn standard_word(self) -> &'static str {
        match self {
            Status::Done => "已完成",
            Status::LongTerm => "长期坚持",
            Status::InProgress => "推进中",
            Status::NotStarted => "未开始",
        }
    }

    /// Parses a key as written by [`Status::key`].
    pub fn from_key(key: &str) -> Option<Status> {
        Status::ALL.into_iter().find(|s| s.key() == key)
    }

    /// True for the categories that close a measure: done and long-term.
    pub fn is_closed(self) -> bool {
        matches!(self, Status::Done | Status::LongTerm)
    }
}

impl fmt::Display for Status {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.key())
    }
}

/// The built-in words of spec 2.2, by category.
pub const BUILTIN_WORDS: [(Status, &[&str]); 4] = [
    (
        Status::Done,
        &[
            "已完成",
            "完成",
            "已整改",
            "整改完成",
            "已整改完成",
            "已销号",
            "已落实",
            "办结",
            "是",
        ],
    ),
    (
        Status::LongTerm,
        &[
            "长期坚持",
            "长期推进",
            "持续整改",
            "常态化推进",
            "已完成并长期坚持",
        ],
    ),
    (
        Status::InProgress,
        &[
            "推进中",
            "正在推进",
            "整改中",
            "正在整改",
            "持续推进",
            "部分完成",
            "进行中",
            "未完成",
        ],
    ),
    (Status::NotStarted, &["未开始", "未启动", "否"]),
];

/// The status words in force: the built-in ones plus any the configuration adds.
///
/// ```
/// use taizhang::value::status::{Status, StatusVocabulary};
/// let v = StatusVocabulary::default();
/// assert_eq!(v.parse("已完成。召开专题会议3次"), Some(Status::Done));
/// assert_eq!(v.parse("已完成并长期坚持"), Some(Status::LongTerm));
/// assert_eq!(v.parse("未完成"), Some(Status::InProgress));
/// assert_eq!(v.parse("看情况"), None);
/// ```
#[derive(Debug, Clone)]
pub struct StatusVocabulary {
    /// (word, category), longest words first so the first prefix found is the longest.
    words: Vec<(String, Status)>,
}

impl Default for StatusVocabulary {
    fn default() -> Self {
        let mut v = StatusVocabulary { words: Vec::new() };
        for (status, words) in BUILTIN_WORDS {
            for w in words {
                v.add(status, w);
            }
        }
        v
    }
}

impl StatusVocabulary {
    /// Adds a word to a category. A word already known is moved to the new category.
    pub fn add(&mut self, status: Status, word: &str) {
        let word: String = word
            .chars()
            .map(half_width_char)
            .filter(|c| !is_space(*c))
            .collect();
        if word.is_empty() {
            return;
        }
        self.words.retain(|(w, _)| *w != word);
        self.words.push((word, status));
        self.words
            .sort_by_key(|w| std::cmp::Reverse(w.0.chars().count()));
    }

    /// The category of a status cell's text, or `None` when no word reads it.
    pub fn parse(&self, text: &str) -> Option<Status> {
        let s: String = text
            .chars()
            .map(half_width_char)
            .filter(|c| !is_space(*c))
            .collect();
        let s = s.trim_start_matches(is_punct);
        if s.is_empty() {
            return None;
        }
        for (word, status) in &self.words {
            if let Some(rest) = s.strip_prefix(word.as_str()) {
                // A one-character word (是, 否) must stand alone: `是否…` is not "yes".
                if word.chars().count() == 1 && rest.chars().next().is_some_and(|c| !is_punct(c)) {
                    continue;
                }
                return Some(*status);
            }
        }
        done_on_a_date(s).then_some(Status::Done)
    }
}

/// `已于2023年3月15日完成整改`: done, on a date the cell names.
fn done_on_a_date(s: &str) -> bool {
    let Some(rest) = s.strip_prefix("已于") else {
        return false;
    };
    let head: String = rest.chars().take(30).collect();
    !head.contains('未')
        && ["完成", "整改", "落实", "办结", "销号"]
            .iter()
            .any(|w| head.contains(w))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parse(s: &str) -> Option<Status> {
        StatusVocabulary::default().parse(s)
    }

    #[test]
    fn every_builtin_word_reads_as_its_category() {
        for (status, words) in BUILTIN_WORDS {
            for w in words {
                assert_eq!(parse(w), Some(status), "{w}");
            }
        }
    }

    #[test]
    fn leading_words_decide() {
        assert_eq!(parse("已完成。召开了专题会议"), Some(Status::Done));
        assert_eq!(parse(" 已完成整改\n"), Some(Status::Done));
        assert_eq!(parse("已整改完成"), Some(Status::Done));
        assert_eq!(parse("正在推进,已完成60%"), Some(Status::InProgress));
        assert_eq!(parse("已完成并长期坚持"), Some(Status::LongTerm));
        assert_eq!(parse("持续推进"), Some(Status::InProgress));
        assert_eq!(parse("持续整改"), Some(Status::LongTerm));
        assert_eq!(parse("√已完成"), Some(Status::Done));
    }

    #[test]
    fn single_character_words_stand_alone() {
        assert_eq!(parse("是"), Some(Status::Done));
        assert_eq!(parse("否"), Some(Status::NotStarted));
        assert_eq!(parse("是。"), Some(Status::Done));
        assert_eq!(parse("是否完成待核实"), None);
    }

    #[test]
    fn done_on_a_date_form() {
        assert_eq!(parse("已于2023年3月15日完成整改"), Some(Status::Done));
        assert_eq!(parse("已于3月底前落实"), Some(Status::Done));
        assert_eq!(parse("已于3月开始,尚未完成"), None);
    }

    #[test]
    fn unknown_words() {
        for s in ["", "看情况", "计划6月完成", "待定", "ok"] {
            assert_eq!(parse(s), None, "{s}");
        }
    }

    #[test]
    fn configured_words_extend_and_override() {
        let mut v = StatusVocabulary::default();
        v.add(Status::Done, "已办结");
        v.add(Status::InProgress, "完成");
        assert_eq!(v.parse("已办结"), Some(Status::Done));
        assert_eq!(v.parse("完成"), Some(Status::InProgress));
        assert_eq!(v.parse("已完成"), Some(Status::Done));
    }

    #[test]
    fn keys_round_trip() {
        for s in Status::ALL {
            assert_eq!(Status::from_key(s.key()), Some(s));
            assert_eq!(parse(s.standard_word()), Some(s));
        }
    }
}
