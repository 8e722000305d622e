//! The counters of spec 4, for each community and in total.

use crate::check::{Timing, measure_timing};
use crate::config::Settings;
use crate::finding::{Finding, Severity};
use crate::ledger::Ledger;
use crate::value::status::Status;
use serde::Serialize;

/// The counters of spec 4. Each measure falls into exactly one status counter.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize)]
pub struct Counters {
    /// Problems.
    pub problems: u64,
    /// Problems whose every measure is done or long-term.
    pub problems_done: u64,
    /// Measures.
    pub measures: u64,
    /// Measures done.
    pub measures_done: u64,
    /// Measures long-term.
    pub measures_long_term: u64,
    /// Measures in progress.
    pub measures_in_progress: u64,
    /// Measures not started.
    pub measures_not_started: u64,
    /// Measures whose status is empty or unreadable.
    pub measures_unknown_status: u64,
    /// Measures past their deadline and not done.
    pub overdue: u64,
    /// Measures due within the window.
    pub due_soon: u64,
    /// Error findings.
    pub errors: u64,
    /// Warning findings.
    pub warnings: u64,
    /// Info findings.
    pub infos: u64,
}

/// The names of the counters, in the order of spec 4 (`problems` … `infos`).
pub const COUNTER_KEYS: [&str; 13] = [
    "problems",
    "problems_done",
    "measures",
    "measures_done",
    "measures_long_term",
    "measures_in_progress",
    "measures_not_started",
    "measures_unknown_status",
    "overdue",
    "due_soon",
    "errors",
    "warnings",
    "infos",
];

impl Counters {
    /// The counters of one ledger.
    pub fn of_ledger(ledger: &Ledger, s: &Settings) -> Counters {
        let mut c = Counters::default();
        c.add_ledger(ledger, s);
        c
    }

    /// Adds one ledger's problems and measures.
    pub fn add_ledger(&mut self, ledger: &Ledger, s: &Settings) {
        self.problems += ledger.problems.len() as u64;
        self.problems_done += ledger
            .problems
            .iter()
            .filter(|p| ledger.problem_done(p))
            .count() as u64;
        for m in &ledger.measures {
            self.add_measure(ledger.status_of(m), measure_timing(ledger, m, s));
        }
    }

    /// Adds one measure.
    pub fn add_measure(&mut self, status: Option<Status>, timing: Option<Timing>) {
        self.measures += 1;
        match status {
            Some(Status::Done) => self.measures_done += 1,
            Some(Status::LongTerm) => self.measures_long_term += 1,
            Some(Status::InProgress) => self.measures_in_progress += 1,
            Some(Status::NotStarted) => self.measures_not_started += 1,
            None => self.measures_unknown_status += 1,
        }
        match timing {
            Some(Timing::Overdue) => self.overdue += 1,
            Some(Timing::DueSoon) => self.due_soon += 1,
            None => {}
        }
    }

    /// Adds one finding to the severity counters.
    pub fn add_finding(&mut self, f: &Finding) {
        match f.severity {
            Severity::Error => self.errors += 1,
            Severity::Warning => self.warnings += 1,
            Severity::Info => self.infos += 1,
        }
    }

    /// Adds another set of counters.
    pub fn add(&mut self, o: &Counters) {
        for k in COUNTER_KEYS {
            let v = o.get(k).unwrap_or(0);
            if let Some(x) = self.get_mut(k) {
                *x += v;
            }
        }
    }

    /// A counter by its name.
    ///
    /// ```
    /// let mut c = taizhang::counters::Counters::default();
    /// c.measures = 30;
    /// assert_eq!(c.get("measures"), Some(30));
    /// assert_eq!(c.get("bogus"), None);
    /// ```
    pub fn get(&self, key: &str) -> Option<u64> {
        let mut c = *self;
        c.get_mut(key).map(|v| *v)
    }

    fn get_mut(&mut self, key: &str) -> Option<&mut u64> {
        Some(match key {
            "problems" => &mut self.problems,
            "problems_done" => &mut self.problems_done,
            "measures" => &mut self.measures,
            "measures_done" => &mut self.measures_done,
            "measures_long_term" => &mut self.measures_long_term,
            "measures_in_progress" => &mut self.measures_in_progress,
            "measures_not_started" => &mut self.measures_not_started,
            "measures_unknown_status" => &mut self.measures_unknown_status,
            "overdue" => &mut self.overdue,
            "due_soon" => &mut self.due_soon,
            "errors" => &mut self.errors,
            "warnings" => &mut self.warnings,
            "infos" => &mut self.infos,
            _ => return None,
        })
    }

    /// Share of measures done or long-term, 0 to 1 (0 when there are no measures).
    pub fn completion_rate(&self) -> f64 {
        if self.measures == 0 {
            0.0
        } else {
            (self.measures_done + self.measures_long_term) as f64 / self.measures as f64
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn each_measure_falls_into_one_status_counter() {
        let mut c = Counters::default();
        c.add_measure(Some(Status::Done), None);
        c.add_measure(Some(Status::LongTerm), None);
        c.add_measure(Some(Status::InProgress), Some(Timing::Overdue));
        c.add_measure(Some(Status::NotStarted), Some(Timing::DueSoon));
        c.add_measure(None, None);
        assert_eq!(c.measures, 5);
        let sum = c.measures_done
            + c.measures_long_term
            + c.measures_in_progress
            + c.measures_not_started
            + c.measures_unknown_status;
        assert_eq!(sum, c.measures);
        assert_eq!((c.overdue, c.due_soon), (1, 1));
        assert!((c.completion_rate() - 0.4).abs() < 1e-9);
    }

    #[test]
    fn every_key_is_readable_and_adds() {
        let mut a = Counters::default();
        let mut b = Counters::default();
        for (i, k) in COUNTER_KEYS.iter().enumerate() {
            *b.get_mut(k).unwrap() = i as u64 + 1;
        }
        a.add(&b);
        a.add(&b);
        for (i, k) in COUNTER_KEYS.iter().enumerate() {
            assert_eq!(a.get(k), Some(2 * (i as u64 + 1)));
        }
    }
}
