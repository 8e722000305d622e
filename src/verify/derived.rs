//! The derived proof: the columns merge derives from a row — status category, due date,
//! overdue flag, problem done, numbering — against what the row's own cells give.

use super::{At, Discrepancy, Proof, ProofKind, Scope};
use crate::config::Settings;
use crate::layout::cells::{Parsed, read_completed_on, read_deadline, read_status};
use crate::ledger::timing;
use crate::schema::ledger::{Col, Out, status_word, timing_word, yes_no};
use crate::source::consolidated::LedgerRow;
use crate::source::grid::CellValue;
use crate::value::deadline::Deadline;
use crate::value::status::Status;

/// A ledger cell's value as a source cell, to read through the grammars again.
fn cell_value(o: &Out) -> Option<CellValue> {
    match o {
        Out::Empty => None,
        Out::Text(t) => Some(CellValue::Text(t.clone())),
        Out::Number(n) => Some(CellValue::Number(*n)),
        Out::Date(d) => Some(CellValue::Date(d.and_time(chrono::NaiveTime::MIN))),
    }
}

/// The status a row's own cells give, as `check` reads it: the state as written (a number as
/// progress where no word reads); a log's latest report where that is what was written; a
/// state left blank beside a day the work was finished, done. A code a legend beside the source
/// table explained (`3`) or a state read from elsewhere the row does not carry is taken as the
/// workbook states it — its row digest still proves it unedited.
fn derived_status(r: &LedgerRow, s: &Settings, lang: crate::Lang) -> Option<Status> {
    let stated = || crate::schema::ledger::status_of_word(&r.text(Col::Status), lang).flatten();
    let Some(v) = cell_value(r.get(Col::StatusWritten)) else {
        let done = cell_value(r.get(Col::CompletedOn)).is_some_and(|c| {
            read_completed_on(&c, s.as_of)
                .ok()
                .is_some_and(|d| d <= s.as_of)
                && crate::ledger::finished_on_a_day(&c, s.as_of)
        });
        return done.then_some(Status::Done);
    };
    for progress in [false, true] {
        if let Parsed::Ok(st) = read_status(&v, &s.statuses, progress) {
            return Some(st);
        }
    }
    if let CellValue::Text(t) = &v
        && let Some(st) = crate::value::status::log_state(&s.statuses, t)
    {
        return Some(st);
    }
    crate::layout::cells::status_code(&v).and(stated())
}

/// The deadline a row's own cells give. A span (`7日内`), an immediate measure (`立即整改`) or a
/// word the source explains beside its table (`汛前` by a `说明`, `次月15日前` from the month
/// found) counts from what the source says outside the row (a column kept among the extras, a
/// line above the header or below the table): its day is taken as the workbook states it.
fn derived_deadline(r: &LedgerRow, s: &Settings) -> Option<Deadline> {
    let written = cell_value(r.get(Col::DeadlineWritten))?;
    let read = read_deadline(&written, s.as_of).ok().map(|p| p.deadline);
    if matches!(read, None | Some(Deadline::Immediate))
        && let Some(CellValue::Date(d)) = cell_value(r.get(Col::DeadlineDate))
    {
        return Some(Deadline::Date(d.date()));
    }
    read
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
        let status = derived_status(r, s, lang);
        let word = status_word(status, lang);
        if !r.get(Col::Status).canonical_is(word) {
            mismatch(Col::Status, word.to_string(), r.text(Col::Status));
        }
        let deadline = derived_deadline(r, s);
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
