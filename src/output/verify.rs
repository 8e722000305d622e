//! `verify`'s verdict on a terminal: the heading, a line per proof, the discrepancies and the
//! conclusion.

use crate::Lang;
use crate::messages::verify::{
    conclusion, discrepancies_label, discrepancy, heading, proof_detail,
};
use crate::source::consolidated::Consolidated;
use crate::verify::Verdict;
use std::fmt::Write;

/// At most this many discrepancies are listed; the rest are counted.
const LISTED: usize = 500;

/// The verdict for people.
pub fn render(c: &Consolidated, v: &Verdict, lang: Lang) -> String {
    let mut s = String::new();
    let as_of = c.meta.as_of.map(|d| d.to_string()).unwrap_or_default();
    let _ = writeln!(s, "{}", heading(&c.path, &c.meta.version, &as_of, lang));
    if let Some(d) = &c.meta.follows {
        let _ = writeln!(s, "  {}", crate::messages::verify::follows(d, lang));
    }
    for p in &v.proofs {
        let mark = match p.outcome {
            crate::verify::Outcome::Passed => "✓",
            crate::verify::Outcome::Failed => "✗",
            crate::verify::Outcome::NotChecked(_) => "?",
        };
        let _ = writeln!(
            s,
            "  {mark} {}{}{}",
            crate::messages::verify::proof_name(p.kind, lang),
            crate::messages::colon(lang),
            proof_detail(p, lang)
        );
    }
    if !v.discrepancies.is_empty() {
        let _ = writeln!(s, "{}", discrepancies_label(lang));
        for d in v.discrepancies.iter().take(LISTED) {
            let _ = writeln!(s, "  [{}] {}", d.kind().id(), discrepancy(d, lang));
        }
        if v.discrepancies.len() > LISTED {
            let _ = writeln!(s, "  … {}", v.discrepancies.len() - LISTED);
        }
    }
    let _ = writeln!(s, "{}", conclusion(v, lang));
    super::terminal_text(&s).into_owned()
}
