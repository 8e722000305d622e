//! `diff` in words: the kinds of change.

use crate::Lang;
use crate::diff::{Change, ChangeKind};

/// The word for a change's kind (a later deadline is a postponement).
pub fn kind_word(c: &Change, lang: Lang) -> &'static str {
    match (c.kind, c.postponed) {
        (ChangeKind::DeadlineChanged, true) => lang.pick("延期", "postponed"),
        (ChangeKind::DeadlineChanged, false) => lang.pick("时限变更", "deadline changed"),
        (ChangeKind::Removed, _) => lang.pick("删除", "removed"),
        (ChangeKind::Added, _) => lang.pick("新增", "added"),
        (ChangeKind::StatusChanged, _) => lang.pick("状态变更", "status changed"),
        (ChangeKind::ResponsibilityChanged, _) => lang.pick("责任变更", "responsibility changed"),
        (ChangeKind::TextChanged, _) => lang.pick("文字修改", "text changed"),
    }
}

/// What `diff` says when the rounds do not differ.
pub fn no_changes(lang: Lang) -> &'static str {
    lang.pick("两轮台账没有变化。", "No changes between the two rounds.")
}
