//! `diff` in words: the kinds of change.

use crate::Lang;
use crate::diff::Change;

/// The word for a change's kind (a later deadline is a postponement).
pub(crate) fn kind_word(c: &Change, lang: Lang) -> &'static str {
    rank_word(crate::diff::rank(c), lang)
}

/// A changed field's name for people: its column's header in Chinese, its key in English.
pub(crate) fn field_word(f: crate::diff::ChangedField, lang: Lang) -> &'static str {
    match lang {
        Lang::Zh => f.0.header(Lang::Zh),
        Lang::En => f.key(),
    }
}

/// The line that says how the rounds were matched.
pub(crate) fn matching_line(m: crate::diff::Matching, lang: Lang) -> &'static str {
    match m {
        crate::diff::Matching::ById => lang.pick(
            "新一轮接续上一轮：按措施ID逐项比对，不按文字推测。",
            "The new round follows the old: measures matched by ID, nothing guessed from texts.",
        ),
        crate::diff::Matching::ByIdAndText => lang.pick(
            "新一轮未记录接续上一轮：先按措施ID，再按问题和措施文字比对。",
            "The new round does not record that it follows the old: measures matched by ID, then by their texts.",
        ),
    }
}

/// The heading of the changes by unit.
pub(crate) fn by_unit_heading(lang: Lang) -> &'static str {
    lang.pick("按单位", "By unit")
}

/// The word for the changes of a rank ([`crate::diff::rank`]): the same as [`kind_word`] of
/// each of them.
pub(crate) fn rank_word(rank: usize, lang: Lang) -> &'static str {
    match rank {
        0 => lang.pick("延期", "postponed"),
        1 => lang.pick("删除", "removed"),
        2 => lang.pick("状态变更", "status changed"),
        3 => lang.pick("完成时间变更", "completion date changed"),
        4 => lang.pick("时限变更", "deadline changed"),
        5 => lang.pick("责任变更", "responsibility changed"),
        6 => lang.pick("文字修改", "text changed"),
        _ => lang.pick("新增", "added"),
    }
}

/// A value as a change shows it: itself, or `(空)` / `(empty)` when there is none.
pub(crate) fn or_empty(v: &str, lang: Lang) -> String {
    if v.is_empty() {
        lang.pick("（空）", "(empty)").to_string()
    } else {
        v.to_string()
    }
}

/// An added or removed measure's status and deadline.
pub(crate) fn standing(status: &str, deadline: &str, lang: Lang) -> String {
    let or_empty = |v: &str| or_empty(v, lang);
    match lang {
        Lang::Zh => format!(
            "完成情况：{}；整改时限：{}",
            or_empty(status),
            or_empty(deadline)
        ),
        Lang::En => format!(
            "status: {}; deadline: {}",
            or_empty(status),
            or_empty(deadline)
        ),
    }
}

/// What `diff` says when the rounds do not differ.
pub(crate) fn no_changes(lang: Lang) -> &'static str {
    lang.pick("两轮台账没有变化。", "No changes between the two rounds.")
}
