//! The derived proof: the columns merge derives from a row — status category, due date,
//! overdue flag, problem done, numbering — against what the row's own cells give.

use super::{At, Discrepancy, Proof, ProofKind, Scope};
use crate::config::Settings;
use crate::layout::cells::{Parsed, read_deadline, read_status};
use crate::ledger::timing;
use crate::schema::ledger::{Col, Out, status_word, timing_word, yes_no};
use crate::source::consolidated::{Consolidated, LedgerRow};
use crate::source::grid::CellValue;
use std::collections::HashMap;

/// A ledger cell's value as a source cell, to read through the grammars again.
fn cell_value(o: &Out) -> Option<CellValue> {
    match o {
        Out::Empty => None,
        Out::Text(t) => Some(CellValue::Text(t.clone())),
        Out::Number(n) => Some(CellValue::Number(*n)),
        Out::Date(d) => Some(CellValue::Date(d.and_time(chrono::NaiveTime::MIN))),
    }
}

/// The derived proof.
pub fn check(c: &Consolidated, s: &Settings, out: &mut Vec<Discrepancy>) -> Proof {
    let before = out.len();
    let lang = c.lang;
    let mut mismatch = |r: &LedgerRow, col: Col, expected: String, found: String| {
        out.push(Discrepancy::DerivedValue {
            at: At::of_row(r, col),
            column: col,
            expected,
            found,
        });
    };
    // Problems: every measure of a problem closed → done.
    let mut problem_closed: HashMap<(String, String), bool> = HashMap::new();
    for (i, r) in c.rows.iter().enumerate() {
        if r.text(Col::No) != (i + 1).to_string() {
            mismatch(r, Col::No, (i + 1).to_string(), r.text(Col::No));
        }
        let status = cell_value(r.get(Col::StatusWritten)).and_then(|v| {
            match read_status(&v, &s.statuses, false) {
                Parsed::Ok(st) => Some(st),
                _ => None,
            }
        });
        let word = status_word(status, lang).to_string();
        if r.text(Col::Status) != word {
            mismatch(r, Col::Status, word, r.text(Col::Status));
        }
        let deadline = cell_value(r.get(Col::DeadlineWritten))
            .and_then(|v| read_deadline(&v, s.as_of).ok())
            .map(|p| p.deadline);
        let due = deadline.and_then(|d| d.due_date(s.feedback_date));
        let due_text = due
            .map(|d| d.format("%Y-%m-%d").to_string())
            .unwrap_or_default();
        if r.text(Col::DeadlineDate) != due_text {
            mismatch(r, Col::DeadlineDate, due_text, r.text(Col::DeadlineDate));
        }
        let t = timing(status, deadline, s)
            .map(|t| timing_word(t, lang).to_string())
            .unwrap_or_default();
        if r.text(Col::Timing) != t {
            mismatch(r, Col::Timing, t, r.text(Col::Timing));
        }
        let key = (r.text(Col::Community), r.text(Col::ProblemNo));
        let closed = status.is_some_and(|st| st.is_closed());
        problem_closed
            .entry(key)
            .and_modify(|v| *v &= closed)
            .or_insert(closed);
    }
    let mut measure_no: HashMap<(String, String), u64> = HashMap::new();
    for r in &c.rows {
        let key = (r.text(Col::Community), r.text(Col::ProblemNo));
        let want = yes_no(problem_closed.get(&key).copied().unwrap_or(false), lang).to_string();
        if r.text(Col::ProblemDone) != want {
            mismatch(r, Col::ProblemDone, want, r.text(Col::ProblemDone));
        }
        let n = measure_no.entry(key).or_insert(0);
        *n += 1;
        if r.text(Col::MeasureNo) != n.to_string() {
            mismatch(r, Col::MeasureNo, n.to_string(), r.text(Col::MeasureNo));
        }
    }
    Proof {
        kind: ProofKind::Derived,
        outcome: super::Outcome::of(out, before),
        scope: Scope::Derived { rows: c.rows.len() },
    }
}
