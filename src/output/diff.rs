//! `diff`'s changes on a terminal: grouped by kind, postponements and removals first.

use crate::Lang;
use crate::diff::Change;
use crate::diff::Matching;
use crate::messages::diff::{by_unit_heading, kind_word, matching_line, no_changes};
use crate::messages::excerpt;
use std::fmt::Write;

/// The changes for people: how the rounds were matched, the changes by kind, then what each
/// unit changed, counted by kind.
pub fn render(changes: &[Change], matching: Matching, lang: Lang) -> String {
    let mut s = String::new();
    let _ = writeln!(s, "{}", matching_line(matching, lang));
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
    let _ = writeln!(s, "\n{}", by_unit_heading(lang));
    for (unit, kinds) in by_unit(changes, lang) {
        let counts: Vec<String> = kinds.iter().map(|(k, n)| format!("{k}{n}")).collect();
        let _ = writeln!(s, "  {unit}:{}", counts.join(lang.pick("、", ", ")));
    }
    super::terminal_text(&s).into_owned()
}

/// Each unit's changes counted by kind, units in order of their first change, kinds in the
/// order they are listed.
fn by_unit(changes: &[Change], lang: Lang) -> Vec<(&str, Vec<(&'static str, usize)>)> {
    let mut out: Vec<(&str, Vec<(&'static str, usize)>)> = Vec::new();
    for c in changes {
        let k = match out.iter().position(|(u, _)| *u == c.community) {
            Some(k) => k,
            None => {
                out.push((c.community.as_str(), Vec::new()));
                out.len() - 1
            }
        };
        let word = kind_word(c, lang);
        match out[k].1.iter_mut().find(|(w, _)| *w == word) {
            Some((_, n)) => *n += 1,
            None => out[k].1.push((word, 1)),
        }
    }
    out
}
