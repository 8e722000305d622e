//! The derived proof: the columns merge derives from a row — status category, due date,
//! overdue flag, problem done, numbering — against what the row's own cells give.

use super::{At, Discrepancy, Proof, ProofKind, Scope};
use crate::config::Settings;
use crate::layout::cells::{Parsed, read_deadline, read_status};
use crate::ledger::timing;
use crate::schema::ledger::{Col, Out, status_word, timing_word, yes_no};
use crate::source::consolidated::LedgerRow;
use crate::source::grid::CellValue;

/// A ledger cell's value as a source cell, to read through the grammars again.
fn cell_value(o: &Out) -> Option<CellValue> {
    match o {
        Out::Empty => None,
        Out::Text(t) => Some(CellValue::Text(t.clone())),
        Out::Number(n) => Some(CellValue::Number(*n)),
        Out::Date(d) => Some(CellValue::Date(d.and_time(chrono::NaiveTime::MIN))),
    }
}

/// What the problem-level checks need of a row, kept until its problem's rows are all seen.
struct Pending {
    at_done: At,
    at_no: At,
    problem_done: String,
    measure_no: String,
    closed: bool,
}

/// The derived proof, row by row. The rows of a unit are consecutive (the ledger is in unit
/// order), but a problem's rows need not be (a unit that sorted its list by something else),
/// so the current unit's rows are held by problem.
pub(crate) struct Derived {
    lang: crate::Lang,
    rows: usize,
    /// Mismatches of the row-level columns, in row order.
    row_level: Vec<Discrepancy>,
    /// Mismatches of problem done and measure number, problem by problem.
    problem_level: Vec<Discrepancy>,
    current: Option<String>,
    /// The current unit's problems, in order of first row, each with its rows.
    pending: Vec<(String, Vec<Pending>)>,
}

impl Derived {
    /// A proof for rows in this language.
    pub(crate) fn new(lang: crate::Lang) -> Derived {
        Derived {
            lang,
            rows: 0,
            row_level: Vec::new(),
            problem_level: Vec::new(),
            current: None,
            pending: Vec::new(),
        }
    }

    /// Checks one row (the rows come in ledger order).
    pub(crate) fn row(&mut self, r: &LedgerRow, s: &Settings) {
        let lang = self.lang;
        self.rows += 1;
        let i = self.rows;
        let out = &mut self.row_level;
        let mut mismatch = |col: Col, expected: String, found: String| {
            out.push(Discrepancy::DerivedValue {
                at: At::of_row(r, col),
                column: col,
                expected,
                found,
            });
        };
        if !r.get(Col::No).canonical_is(&i.to_string()) {
            mismatch(Col::No, i.to_string(), r.text(Col::No));
        }
        let status = cell_value(r.get(Col::StatusWritten)).and_then(|v| {
            match read_status(&v, &s.statuses, false) {
                Parsed::Ok(st) => Some(st),
                _ => None,
            }
        });
        let word = status_word(status, lang);
        if !r.get(Col::Status).canonical_is(word) {
            mismatch(Col::Status, word.to_string(), r.text(Col::Status));
        }
        let deadline = cell_value(r.get(Col::DeadlineWritten))
            .and_then(|v| read_deadline(&v, s.as_of).ok())
            .map(|p| p.deadline);
        let due = deadline.and_then(|d| d.due_date(s.feedback_date));
        let due_text = due
            .map(|d| d.format("%Y-%m-%d").to_string())
            .unwrap_or_default();
        if !r.get(Col::DeadlineDate).canonical_is(&due_text) {
            mismatch(Col::DeadlineDate, due_text, r.text(Col::DeadlineDate));
        }
        let t = timing(status, deadline, s)
            .map(|t| timing_word(t, lang))
            .unwrap_or_default();
        if !r.get(Col::Timing).canonical_is(t) {
            mismatch(Col::Timing, t.to_string(), r.text(Col::Timing));
        }
        let unit = r.text(Col::Unit);
        if self.current.as_ref() != Some(&unit) {
            self.flush();
            self.current = Some(unit);
        }
        let problem = r.text(Col::ProblemNo);
        // The problem of the row before, most often; else one seen earlier in the unit.
        let k = match self.pending.iter().rposition(|(p, _)| *p == problem) {
            Some(k) => k,
            None => {
                self.pending.push((problem, Vec::new()));
                self.pending.len() - 1
            }
        };
        self.pending[k].1.push(Pending {
            at_done: At::of_row(r, Col::ProblemDone),
            at_no: At::of_row(r, Col::MeasureNo),
            problem_done: r.text(Col::ProblemDone),
            measure_no: r.text(Col::MeasureNo),
            closed: status.is_some_and(|st| st.is_closed()),
        });
    }

    /// The problem-level checks of the current unit's problems: done when every measure is
    /// closed; measures numbered from 1.
    fn flush(&mut self) {
        for (_, rows) in std::mem::take(&mut self.pending) {
            self.flush_problem(rows);
        }
    }

    fn flush_problem(&mut self, rows: Vec<Pending>) {
        let done = rows.iter().all(|p| p.closed);
        let want = yes_no(done, self.lang);
        for (n, p) in rows.into_iter().enumerate() {
            if p.problem_done != want {
                self.problem_level.push(Discrepancy::DerivedValue {
                    at: p.at_done,
                    column: Col::ProblemDone,
                    expected: want.to_string(),
                    found: p.problem_done,
                });
            }
            let n = (n + 1).to_string();
            if p.measure_no != n {
                self.problem_level.push(Discrepancy::DerivedValue {
                    at: p.at_no,
                    column: Col::MeasureNo,
                    expected: n,
                    found: p.measure_no,
                });
            }
        }
    }

    /// The proof, its discrepancies added to `out`.
    pub(crate) fn finish(mut self, out: &mut Vec<Discrepancy>) -> Proof {
        self.flush();
        let before = out.len();
        out.append(&mut self.row_level);
        out.append(&mut self.problem_level);
        Proof {
            kind: ProofKind::Derived,
            outcome: super::Outcome::of(out, before),
            scope: Scope::Derived { rows: self.rows },
        }
    }
}
