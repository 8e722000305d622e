//! `diff`'s changes on a terminal: grouped by kind, postponements and removals first, then
//! what each unit changed.

use crate::Lang;
use crate::diff::{Change, Matching, RANKS, rank};
use crate::messages::diff::{by_unit_heading, matching_line, no_changes, rank_word};
use crate::messages::excerpt;
use std::io::Write;

/// The changes for people: how the rounds were matched, the changes by kind, then what each
/// unit changed, counted by kind.
pub fn render(changes: &[Change], matching: Matching, lang: Lang) -> String {
    let mut counts = [0u64; RANKS];
    let mut units: Vec<(&str, [u64; RANKS])> = Vec::new();
    for c in changes {
        counts[rank(c)] += 1;
        match units.iter_mut().find(|(u, _)| *u == c.unit) {
            Some((_, n)) => n[rank(c)] += 1,
            None => {
                let mut n = [0; RANKS];
                n[rank(c)] = 1;
                units.push((&c.unit, n));
            }
        }
    }
    let mut out = Vec::new();
    // Writing to memory does not fail.
    let _ = render_to(
        &mut out,
        changes.iter().cloned().map(Ok),
        &counts,
        &units,
        matching,
        lang,
    );
    String::from_utf8_lossy(&out).into_owned()
}

/// [`render`] written as the changes come (in their order), given how many there are of each
/// rank and each unit's counts by rank (in order of its first change).
pub fn render_to(
    w: &mut dyn Write,
    changes: impl Iterator<Item = std::io::Result<Change>>,
    counts: &[u64; RANKS],
    units: &[(&str, [u64; RANKS])],
    matching: Matching,
    lang: Lang,
) -> std::io::Result<()> {
    let put = |w: &mut dyn Write, s: &str| w.write_all(super::terminal_text(s).as_bytes());
    put(w, &format!("{}\n", matching_line(matching, lang)))?;
    if counts.iter().all(|n| *n == 0) {
        return put(w, &format!("{}\n", no_changes(lang)));
    }
    let mut current = None;
    for c in changes {
        let c = c?;
        let r = rank(&c);
        if current != Some(r) {
            put(
                w,
                &format!(
                    "\n{}{}\n",
                    rank_word(r, lang),
                    crate::messages::parenthesized(&counts[r].to_string(), lang)
                ),
            )?;
            current = Some(r);
        }
        let what = format!(
            "{} · {} · {}",
            c.unit,
            excerpt(&c.problem),
            excerpt(&c.measure)
        );
        let empty = |v: &str| crate::messages::diff::or_empty(v, lang);
        let line = match (&c.old, &c.new) {
            (Some(o), Some(n)) => format!(
                "  {what}\n      {}{}{} → {}  ({} → {})\n",
                c.field
                    .map(|f| crate::messages::diff::field_word(f, lang))
                    .unwrap_or(""),
                crate::messages::colon(lang),
                empty(o),
                empty(n),
                c.old_cell.as_deref().unwrap_or(""),
                c.new_cell.as_deref().unwrap_or("")
            ),
            _ => {
                let cell = c
                    .old_cell
                    .as_deref()
                    .or(c.new_cell.as_deref())
                    .unwrap_or("");
                match &c.standing {
                    Some(st) => format!(
                        "  {what}  ({cell})\n      {}\n",
                        crate::messages::diff::standing(&st.status, &st.deadline, lang)
                    ),
                    None => format!("  {what}  ({cell})\n"),
                }
            }
        };
        put(w, &line)?;
    }
    put(w, &format!("\n{}\n", by_unit_heading(lang)))?;
    for (unit, n) in units {
        let counts: Vec<String> = (0..RANKS)
            .filter(|r| n[*r] > 0)
            .map(|r| format!("{}{}", rank_word(r, lang), n[r]))
            .collect();
        put(
            w,
            &format!(
                "  {unit}{}{}\n",
                crate::messages::colon(lang),
                counts.join(lang.pick("、", ", "))
            ),
        )?;
    }
    Ok(())
}
