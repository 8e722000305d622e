//! The ledger model's shared vocabulary: what every layer above the grammars counts and
//! compares by — where a measure stands against its deadline ([`Timing`]), how serious a
//! finding is ([`Severity`]), and the counters of spec 4 ([`Counter`], [`Counters`]).
//!
//! These are plain values without behaviour tied to files or sheets, so the schema of the
//! consolidated workbook, the readers, the checks and the outputs can all name them.

use crate::value::status::Status;
use serde::{Serialize, Serializer};
use std::ops::{Index, IndexMut};

/// Where a measure stands against its deadline on the as-of date (spec 3, `overdue` and
/// `due-soon`); a measure that is neither has no timing.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Timing {
    /// Past its deadline and neither done nor long-term.
    Overdue,
    /// Due within the window and in progress or not started.
    DueSoon,
}

/// How serious a finding is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    /// Must be fixed; `check` exits with 1.
    Error,
    /// Should be looked at.
    Warning,
    /// For the record.
    Info,
}

impl Severity {
    /// Every severity, most serious first.
    pub const ALL: [Severity; 3] = [Severity::Error, Severity::Warning, Severity::Info];

    /// `error`, `warning` or `info`, as JSON writes it.
    pub fn key(self) -> &'static str {
        match self {
            Severity::Error => "error",
            Severity::Warning => "warning",
            Severity::Info => "info",
        }
    }

    /// The counter that counts findings of this severity.
    ///
    /// ```
    /// use taizhang::model::{Counter, Severity};
    /// assert_eq!(Severity::Warning.counter(), Counter::Warnings);
    /// ```
    pub fn counter(self) -> Counter {
        match self {
            Severity::Error => Counter::Errors,
            Severity::Warning => Counter::Warnings,
            Severity::Info => Counter::Infos,
        }
    }
}

/// One counter of spec 4.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Counter {
    /// Problems.
    Problems,
    /// Problems whose every measure is done or long-term.
    ProblemsDone,
    /// Measures.
    Measures,
    /// Measures done.
    MeasuresDone,
    /// Measures long-term.
    MeasuresLongTerm,
    /// Measures in progress.
    MeasuresInProgress,
    /// Measures not started.
    MeasuresNotStarted,
    /// Measures whose status is empty or unreadable.
    MeasuresUnknownStatus,
    /// Measures past their deadline and not done.
    Overdue,
    /// Measures due within the window.
    DueSoon,
    /// Findings of error severity.
    Errors,
    /// Findings of warning severity.
    Warnings,
    /// Findings of info severity.
    Infos,
}

impl Counter {
    /// Every counter, in the order of spec 4.
    pub const ALL: [Counter; 13] = [
        Counter::Problems,
        Counter::ProblemsDone,
        Counter::Measures,
        Counter::MeasuresDone,
        Counter::MeasuresLongTerm,
        Counter::MeasuresInProgress,
        Counter::MeasuresNotStarted,
        Counter::MeasuresUnknownStatus,
        Counter::Overdue,
        Counter::DueSoon,
        Counter::Errors,
        Counter::Warnings,
        Counter::Infos,
    ];

    /// The counters of measures by status, one of which counts each measure.
    pub const BY_STATUS: [Counter; 5] = [
        Counter::MeasuresDone,
        Counter::MeasuresLongTerm,
        Counter::MeasuresInProgress,
        Counter::MeasuresNotStarted,
        Counter::MeasuresUnknownStatus,
    ];

    /// The counter's key, as JSON and `--expect` write it (`measures_done`).
    pub fn key(self) -> &'static str {
        match self {
            Counter::Problems => "problems",
            Counter::ProblemsDone => "problems_done",
            Counter::Measures => "measures",
            Counter::MeasuresDone => "measures_done",
            Counter::MeasuresLongTerm => "measures_long_term",
            Counter::MeasuresInProgress => "measures_in_progress",
            Counter::MeasuresNotStarted => "measures_not_started",
            Counter::MeasuresUnknownStatus => "measures_unknown_status",
            Counter::Overdue => "overdue",
            Counter::DueSoon => "due_soon",
            Counter::Errors => "errors",
            Counter::Warnings => "warnings",
            Counter::Infos => "infos",
        }
    }

    /// The counter with this key.
    ///
    /// ```
    /// use taizhang::model::Counter;
    /// assert_eq!(Counter::from_key("due_soon"), Some(Counter::DueSoon));
    /// assert_eq!(Counter::from_key("bogus"), None);
    /// ```
    pub fn from_key(key: &str) -> Option<Counter> {
        Counter::ALL.into_iter().find(|c| c.key() == key)
    }

    /// The counter of measures with this status (`None`: unknown status).
    pub fn of_status(status: Option<Status>) -> Counter {
        match status {
            Some(Status::Done) => Counter::MeasuresDone,
            Some(Status::LongTerm) => Counter::MeasuresLongTerm,
            Some(Status::InProgress) => Counter::MeasuresInProgress,
            Some(Status::NotStarted) => Counter::MeasuresNotStarted,
            None => Counter::MeasuresUnknownStatus,
        }
    }

    /// The counter of measures with this timing.
    pub fn of_timing(timing: Timing) -> Counter {
        match timing {
            Timing::Overdue => Counter::Overdue,
            Timing::DueSoon => Counter::DueSoon,
        }
    }

    /// True for the counters of findings (errors, warnings, infos).
    pub fn counts_findings(self) -> bool {
        matches!(self, Counter::Errors | Counter::Warnings | Counter::Infos)
    }

    fn index(self) -> usize {
        self as usize
    }
}

/// The counters of spec 4, indexed by [`Counter`]. Each measure falls into exactly one status
/// counter. Serialized as a map from each key to its value, in the order of [`Counter::ALL`].
///
/// ```
/// use taizhang::model::{Counter, Counters};
/// let mut c = Counters::default();
/// c[Counter::Measures] = 30;
/// c[Counter::MeasuresDone] += 24;
/// assert_eq!(c[Counter::Measures], 30);
/// assert!((c.completion_rate() - 0.8).abs() < 1e-9);
/// ```
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Counters([u64; 13]);

impl Index<Counter> for Counters {
    type Output = u64;

    fn index(&self, c: Counter) -> &u64 {
        &self.0[c.index()]
    }
}

impl IndexMut<Counter> for Counters {
    fn index_mut(&mut self, c: Counter) -> &mut u64 {
        &mut self.0[c.index()]
    }
}

impl Counters {
    /// Adds one measure: its status counter, and its timing counter when it has one.
    pub fn add_measure(&mut self, status: Option<Status>, timing: Option<Timing>) {
        self[Counter::Measures] += 1;
        self[Counter::of_status(status)] += 1;
        if let Some(t) = timing {
            self[Counter::of_timing(t)] += 1;
        }
    }

    /// Adds one problem, done or not.
    pub fn add_problem(&mut self, done: bool) {
        self[Counter::Problems] += 1;
        if done {
            self[Counter::ProblemsDone] += 1;
        }
    }

    /// Adds one finding of this severity.
    pub fn add_severity(&mut self, s: Severity) {
        self[s.counter()] += 1;
    }

    /// Adds another set of counters.
    pub fn add(&mut self, o: &Counters) {
        for (a, b) in self.0.iter_mut().zip(o.0) {
            *a += b;
        }
    }

    /// The same counters with the findings' counters at zero.
    pub fn without_findings(mut self) -> Counters {
        for c in [Counter::Errors, Counter::Warnings, Counter::Infos] {
            self[c] = 0;
        }
        self
    }

    /// Share of measures done or long-term, 0 to 1 (0 when there are no measures).
    pub fn completion_rate(&self) -> f64 {
        let measures = self[Counter::Measures];
        if measures == 0 {
            0.0
        } else {
            (self[Counter::MeasuresDone] + self[Counter::MeasuresLongTerm]) as f64 / measures as f64
        }
    }
}

impl Serialize for Counters {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        use serde::ser::SerializeMap;
        let mut m = s.serialize_map(Some(Counter::ALL.len()))?;
        for c in Counter::ALL {
            m.serialize_entry(c.key(), &self[c])?;
        }
        m.end()
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
        assert_eq!(c[Counter::Measures], 5);
        let sum: u64 = Counter::BY_STATUS.iter().map(|k| c[*k]).sum();
        assert_eq!(sum, c[Counter::Measures]);
        assert_eq!((c[Counter::Overdue], c[Counter::DueSoon]), (1, 1));
        assert!((c.completion_rate() - 0.4).abs() < 1e-9);
    }

    #[test]
    fn every_counter_has_its_own_slot_and_adds() {
        let mut b = Counters::default();
        for (i, k) in Counter::ALL.iter().enumerate() {
            b[*k] = i as u64 + 1;
        }
        let mut a = Counters::default();
        a.add(&b);
        a.add(&b);
        for (i, k) in Counter::ALL.iter().enumerate() {
            assert_eq!(a[*k], 2 * (i as u64 + 1));
            assert_eq!(Counter::from_key(k.key()), Some(*k));
        }
        assert_eq!(a.without_findings()[Counter::Errors], 0);
    }

    #[test]
    fn serialized_in_the_order_of_spec_4() {
        let mut c = Counters::default();
        c[Counter::Infos] = 4;
        let j = serde_json::to_string(&c).unwrap();
        assert!(j.starts_with("{\"problems\":0,\"problems_done\":0"), "{j}");
        assert!(j.ends_with("\"infos\":4}"), "{j}");
    }
}
