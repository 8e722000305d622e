//! `diff`'s changes on a terminal: grouped by kind, postponements and removals first.

use crate::Lang;
use crate::diff::Change;
use crate::messages::diff::{kind_word, no_changes};
use crate::messages::excerpt;
use std::fmt::Write;

/// The changes for people.
pub fn render(changes: &[Change], lang: Lang) -> String {
    let mut s = String::new();
    if changes.is_empty() {
        let _ = writeln!(s, "{}", no_changes(lang));
        return s;
    }
    let mut current = "";
    for c in changes {
        let head = kind_word(c, lang);
        if head != current {
            let count = changes
                .iter()
                .filter(|x| kind_word(x, lang) == head)
                .count();
            let _ = writeln!(s, "\n{head}({count})");
            current = head;
        }
        let what = format!(
            "{} · {} · {}",
            c.community,
            excerpt(&c.problem),
            excerpt(&c.measure)
        );
        match (&c.old, &c.new) {
            (Some(o), Some(n)) => {
                let _ = writeln!(
                    s,
                    "  {what}\n      {}: {o} → {n}  ({} → {})",
                    c.field.map(|f| f.key()).unwrap_or(""),
                    c.old_cell.as_deref().unwrap_or(""),
                    c.new_cell.as_deref().unwrap_or("")
                );
            }
            _ => {
                let cell = c
                    .old_cell
                    .as_deref()
                    .or(c.new_cell.as_deref())
                    .unwrap_or("");
                let _ = writeln!(s, "  {what}  ({cell})");
            }
        }
    }
    super::terminal_text(&s).into_owned()
}
