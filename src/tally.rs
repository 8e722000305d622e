//! The tally of a run: its inputs, the counters by unit and in total, and its findings —
//! the one value every output (terminal, JSON, workbook) is made from (spec 4 and 5).

use crate::config::Settings;
use crate::finding::Finding;
use crate::model::{Counter, Counters};
use crate::pipeline::{FileResult, InputRecord, Part};
use chrono::NaiveDate;
use serde::Serialize;

/// One unit's counters.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct UnitCounters {
    /// The unit.
    #[serde(rename = "community")]
    pub unit: String,
    /// Its counters.
    #[serde(flatten)]
    pub counters: Counters,
}

/// The totals of spec 5: the number of units and the counters over all of them.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Totals {
    /// Number of units.
    #[serde(rename = "communities")]
    pub units: u64,
    /// Counters over all ledgers and findings.
    #[serde(flatten)]
    pub counters: Counters,
}

/// The tally of a run.
#[derive(Debug, Clone, PartialEq)]
pub struct Tally {
    /// The as-of date.
    pub as_of: NaiveDate,
    /// Every input, in input order (kept only when [`Tally::keep_inputs`] is set).
    pub inputs: Vec<InputRecord>,
    /// The number of inputs, kept or not.
    pub files: u64,
    /// Counters by unit, in order of first appearance.
    pub units: Vec<UnitCounters>,
    /// Counters over everything.
    pub totals: Counters,
    /// Every finding, in input order (kept only when [`Tally::keep_findings`] is set).
    pub findings: Vec<Finding>,
    /// Whether findings are kept in [`Tally::findings`] (they are always counted). A merge
    /// that writes no JSON spools them to disk instead, so memory does not grow with them.
    pub keep_findings: bool,
    /// Whether input records are kept in [`Tally::inputs`]. A merge that writes no JSON
    /// writes them to the sources sheet as they come instead.
    pub keep_inputs: bool,
    /// Ledgers counted.
    pub ledgers: u64,
    /// The first inputs that gave no ledger, and why (at most [`UNREAD_KEPT`]): what a run
    /// that reads no ledger at all says before it stops.
    pub unread: Vec<Unread>,
    /// Sheets whose reading is uncertain and whose numbers are not counted
    /// (`uncertain-reading`).
    pub left_out: u64,
    /// The file each unit's first ledger came from: its number in `files_of_units`.
    unit_files: std::collections::HashMap<String, usize>,
    /// The files units came from, each once (a consolidated workbook holds thousands).
    files_of_units: Vec<String>,
    /// The ledgers of the current file's parts so far.
    file_ledgers: usize,
    /// Ledgers of the current file left out as uncertain, over its parts.
    file_left_out: usize,
}

/// How many inputs without a ledger [`Tally::unread`] keeps.
pub const UNREAD_KEPT: usize = 5;

/// An input that gave no ledger.
#[derive(Debug, Clone, PartialEq)]
pub struct Unread {
    /// The input.
    pub path: String,
    /// Why it could not be read, if so.
    pub error: Option<crate::source::SourceError>,
    /// Why it was not read, if so.
    pub skipped: Option<crate::source::Skip>,
    /// Its ledgers read with doubt (`uncertain-reading`) and left out of the totals.
    pub uncertain: usize,
}

impl Tally {
    /// An empty tally for an as-of date.
    pub fn new(as_of: NaiveDate) -> Tally {
        Tally {
            as_of,
            inputs: Vec::new(),
            units: Vec::new(),
            totals: Counters::default(),
            findings: Vec::new(),
            keep_findings: true,
            keep_inputs: true,
            files: 0,
            ledgers: 0,
            unread: Vec::new(),
            left_out: 0,
            unit_files: std::collections::HashMap::new(),
            files_of_units: Vec::new(),
            file_ledgers: 0,
            file_left_out: 0,
        }
    }

    /// The counters of a unit, created on first use. Looked for from the last: a unit's
    /// ledgers and findings come together, after the units before it.
    pub fn unit_mut(&mut self, name: &str) -> &mut Counters {
        let i = match self.units.iter().rposition(|c| c.unit == name) {
            Some(i) => i,
            None => {
                self.units.push(UnitCounters {
                    unit: name.to_string(),
                    counters: Counters::default(),
                });
                self.units.len() - 1
            }
        };
        &mut self.units[i].counters
    }

    /// Adds one file's result: its record, its ledgers' counters and its findings.
    pub fn add_file(&mut self, r: &FileResult, settings: &Settings) {
        let counted = r.ledger_counters(settings);
        self.add_counted(
            r.part,
            &r.record,
            r.ledgers
                .iter()
                .map(|l| l.unit.as_str())
                .zip(counted.iter()),
            &r.findings,
        );
    }

    /// Adds one file from its record, the counters of its ledgers by unit (in order) and
    /// its findings: [`Tally::add_file`] once the ledgers have been counted. Returns the
    /// findings the tally itself adds: `unit-in-two-files` for a unit whose ledger an earlier
    /// file holds too (both are counted; the clerk decides which to keep).
    ///
    /// A file that comes in several parts ([`Part`]) is one file: its first part counts it,
    /// later parts add their ledgers to its record.
    pub fn add_counted<'a>(
        &mut self,
        part: Part,
        record: &InputRecord,
        ledgers: impl IntoIterator<Item = (&'a str, &'a Counters)>,
        findings: &[Finding],
    ) -> Vec<Finding> {
        if part.index == 0 {
            self.files += 1;
            self.file_ledgers = 0;
            self.file_left_out = 0;
            if self.keep_inputs {
                self.inputs.push(record.clone());
            }
        } else if let Some(kept) = self.inputs.last_mut().filter(|_| self.keep_inputs) {
            kept.absorb(record);
        }
        self.file_ledgers += record.ledgers.len();
        self.file_left_out += record.left_out.len();
        if part.last && self.file_ledgers == 0 && self.unread.len() < UNREAD_KEPT {
            self.unread.push(Unread {
                path: record.path.clone(),
                error: record.error.clone(),
                skipped: record.skipped.clone(),
                uncertain: self.file_left_out,
            });
        }
        let mut added = Vec::new();
        for (unit, c) in ledgers {
            self.ledgers += 1;
            self.unit_mut(unit).add(c);
            self.totals.add(c);
            match self
                .unit_files
                .get(unit)
                .and_then(|k| self.files_of_units.get(*k))
            {
                Some(first) if *first != record.path => {
                    let already = added.iter().any(|f: &Finding| f.unit == unit);
                    if !already {
                        let mut f = Finding::new(
                            crate::finding::Rule::UnitInTwoFiles,
                            &record.path,
                            crate::finding::Fact::UnitInTwoFiles {
                                first: first.clone(),
                            },
                        );
                        f.unit = unit.to_string();
                        added.push(f);
                    }
                }
                Some(_) => {}
                None => {
                    if self.files_of_units.last() != Some(&record.path) {
                        self.files_of_units.push(record.path.clone());
                    }
                    let k = self.files_of_units.len() - 1;
                    self.unit_files.insert(unit.to_string(), k);
                }
            }
        }
        for f in findings.iter().chain(added.iter()) {
            self.add_finding(f);
        }
        added
    }

    /// Adds a finding to the counters (and the list, when findings are kept).
    pub fn add_finding(&mut self, f: &Finding) {
        if f.fact.leaves_the_sheet_out() {
            self.left_out += 1;
        }
        if !f.unit.is_empty() {
            self.unit_mut(&f.unit).add_severity(f.severity());
        }
        self.totals.add_severity(f.severity());
        if self.keep_findings {
            self.findings.push(f.clone());
        }
    }

    /// True when there is a finding of error severity.
    pub fn has_errors(&self) -> bool {
        self.totals[Counter::Errors] > 0
    }

    /// Findings ordered errors first, then warnings, then infos, each in input order.
    pub fn findings_by_severity(&self) -> Vec<&Finding> {
        let mut v: Vec<&Finding> = self.findings.iter().collect();
        v.sort_by_key(|f| f.severity());
        v
    }

    /// The totals as spec 5 writes them.
    pub fn totals(&self) -> Totals {
        Totals {
            units: self.units.len() as u64,
            counters: self.totals,
        }
    }

    /// Counts by severity: (errors, warnings, infos).
    pub fn severity_counts(&self) -> (u64, u64, u64) {
        let c = |s: crate::model::Severity| {
            self.findings.iter().filter(|f| f.severity() == s).count() as u64
        };
        use crate::model::Severity::*;
        (c(Error), c(Warning), c(Info))
    }
}
