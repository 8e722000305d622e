//! A file's measures made ready for the consolidated ledger on the thread that read the file.
//!
//! Rows are numbered in input order, so a file first takes its turn ([`Turns`]): as soon as its
//! ledgers are built and the file before it has taken its own turn, it learns how many rows —
//! and, in each of its units, how many problems — come before it, and adds its own. That
//! is all that is done in order. Everything else happens on the reading threads, in parallel
//! across files: each row's values, its XML, compressed ([`Segment`]), its row hash, its cells
//! for the column digests, the widths and the counters by category. The writer
//! ([`super::Consolidator`]) then only appends, in input order.

use super::rows::{CHUNK, push_row_open, push_styled_cell, push_text_cell, push_u64};
use super::style::Widths;
use super::{CENTRED_STYLE, CategoryCounters, DATE_STYLE, ZIP_LEVEL};
use crate::config::Settings;
use crate::finding::Finding;
use crate::ledger::{Ledger, measure_timing};
use crate::model::Counters;
use crate::pack::deflate::Segment;
use crate::pipeline::{FileResult, InputRecord, Part};
use crate::row::{RowPlace, row_values};
use crate::schema::digest::{self, ColumnCells};
use crate::schema::ledger::{Col, Out};
use crate::value::header::Field;
use crate::value::text::column_letters;
use std::borrow::Cow;
use std::collections::HashMap;
use std::sync::Arc;

/// Where files' rows go, handed out in input order.
#[derive(Debug, Default)]
pub(crate) struct Turns {
    placed: crate::pool::Turns<Placed>,
}

#[derive(Debug, Default)]
struct Placed {
    /// Rows placed so far.
    rows: u64,
    /// Problems placed so far, by unit.
    problems: HashMap<String, u64>,
}

/// What one ledger needs placed: its unit, its rows and its problems.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Need<'a> {
    /// Its unit.
    pub(crate) unit: &'a str,
    /// Its measures, one row each.
    pub(crate) rows: u64,
    /// Its problems that have measures.
    pub(crate) problems: u64,
}

/// Where one ledger's rows go.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Place {
    /// Rows before its first row in the consolidated ledger.
    pub(crate) rows_before: u64,
    /// Problems of its unit before its first problem.
    pub(crate) problems_before: u64,
}

impl Turns {
    /// Waits for file `i`'s turn (every file before it has had its own), then places its
    /// ledgers. Every index from 0 must take its turn, in any thread: once, or once for each
    /// of its parts in order, `last` set for the last — the turn passes on after it.
    pub(crate) fn take(&self, i: usize, needs: &[Need<'_>], last: bool) -> Vec<Place> {
        self.placed.take(i, last, |st| {
            let mut places = Vec::with_capacity(needs.len());
            for n in needs {
                let before = st.problems.get(n.unit).copied().unwrap_or(0);
                places.push(Place {
                    rows_before: st.rows,
                    problems_before: before,
                });
                st.rows += n.rows;
                if n.problems > 0 {
                    st.problems.insert(n.unit.to_string(), before + n.problems);
                }
            }
            places
        })
    }

    /// The index of the next file to take its turn.
    pub(crate) fn next(&self) -> usize {
        self.placed.next()
    }

    /// Rows placed so far.
    pub(crate) fn rows(&self) -> u64 {
        self.placed.read(|st| st.rows)
    }
}

/// One file's result with its rows ready: compressed XML by ledger sheet, row hashes, cells for
/// the column digests. The ledgers themselves are dropped: the rows hold all the workbook needs.
#[derive(Debug)]
pub struct PreparedFile {
    /// Which part of the file's result it is.
    pub(crate) part: Part,
    /// The file's record (with this part's ledgers).
    pub(crate) record: InputRecord,
    /// Its findings.
    pub(crate) findings: Vec<Finding>,
    /// Each ledger's unit and counters (spec 4), for the report.
    pub(crate) ledgers: Vec<(String, Counters)>,
    /// Its counters by category.
    pub(crate) categories: CategoryCounters,
    /// Its counters by parent (the rows' parent cells; rows without one under none).
    pub(crate) parents: CategoryCounters,
    /// The widths its rows need in the ledger sheet.
    pub(crate) widths: Widths,
    /// Its rows' hashes, in order.
    pub(crate) hashes: Vec<[u8; 32]>,
    /// Its rows' cells for the column digests.
    pub(crate) columns: ColumnCells,
    /// Its rows' XML, compressed, by ledger sheet (0 for the first), in order.
    pub(crate) segments: Vec<(usize, Segment)>,
    /// Why its rows could not be prepared, if they could not (a fault of this program: the
    /// merge must stop, not go on without them).
    pub(crate) failed: Option<String>,
}

/// The empty widths of the ledger sheet's columns.
pub(crate) fn ledger_widths() -> Widths {
    Widths::new(Col::ALL.iter().map(|c| c.max_width()).collect())
        .with_mins(Col::ALL.iter().map(|c| c.min_width()).collect())
}

/// Prepares files' results for a workbook; shared by the reading threads.
#[derive(Debug, Clone)]
pub struct Preparer<'s> {
    settings: &'s Settings,
    turns: Arc<Turns>,
    max_rows: u64,
    letters: Vec<String>,
    date_style: Vec<u8>,
    centred_style: Vec<u8>,
}

/// The number of each measure's problem within its ledger (from 1, in order of first
/// measure), and how many problems have measures.
fn local_problems(ledger: &Ledger) -> (Vec<u64>, u64) {
    let mut numbers: Vec<Option<u64>> = vec![None; ledger.problems.len()];
    let mut n = 0;
    let of_measure = ledger
        .measures
        .iter()
        .map(|m| {
            *numbers[m.problem].get_or_insert_with(|| {
                n += 1;
                n
            })
        })
        .collect();
    (of_measure, n)
}

impl<'s> Preparer<'s> {
    /// A preparer placing rows through `turns`, `max_rows` data rows to a ledger sheet.
    pub(crate) fn new(settings: &'s Settings, turns: Arc<Turns>, max_rows: u32) -> Preparer<'s> {
        Preparer {
            settings,
            turns,
            max_rows: u64::from(max_rows.max(1)),
            letters: (0..Col::ALL.len() as u32).map(column_letters).collect(),
            date_style: DATE_STYLE.to_string().into_bytes(),
            centred_style: CENTRED_STYLE.to_string().into_bytes(),
        }
    }

    /// Prepares the result of file `i` (input order, from 0). Every file must be prepared,
    /// whatever its result, so that the files after it get their turn.
    pub fn prepare(&self, i: usize, r: FileResult) -> PreparedFile {
        let counters = r.ledger_counters(self.settings);
        let FileResult {
            part,
            record,
            ledgers,
            findings,
            ..
        } = r;
        let problems: Vec<(Vec<u64>, u64)> = ledgers.iter().map(local_problems).collect();
        let needs: Vec<Need<'_>> = ledgers
            .iter()
            .zip(&problems)
            .map(|(l, (_, n))| Need {
                unit: &l.unit,
                rows: l.measures.len() as u64,
                problems: *n,
            })
            .collect();
        let places = self.turns.take(i, &needs, part.last);
        let mut p = PreparedFile {
            part,
            record,
            findings,
            ledgers: Vec::new(),
            categories: CategoryCounters::default(),
            parents: CategoryCounters::default(),
            widths: ledger_widths(),
            hashes: Vec::new(),
            columns: ColumnCells::new(Col::ALL.len() - 1),
            segments: Vec::new(),
            failed: None,
        };
        match crate::crash::contain(|| self.prepare_placed(&ledgers, &problems, &places, &mut p)) {
            Ok(Ok(())) => {}
            Ok(Err(e)) => p.failed = Some(e.to_string()),
            Err(panic) => p.failed = Some(panic),
        }
        p.ledgers = ledgers.into_iter().map(|l| l.unit).zip(counters).collect();
        p
    }

    fn prepare_placed(
        &self,
        ledgers: &[Ledger],
        problems: &[(Vec<u64>, u64)],
        places: &[Place],
        p: &mut PreparedFile,
    ) -> std::io::Result<()> {
        let s = self.settings;
        let level = u32::from(ZIP_LEVEL);
        let rows: usize = ledgers.iter().map(|l| l.measures.len()).sum();
        p.hashes.reserve(rows);
        let mut buf: Vec<u8> = Vec::with_capacity(CHUNK + 64 * 1024);
        let mut current: Option<(usize, Segment)> = None;
        let mut digits = Vec::with_capacity(8);
        for ((ledger, (of_measure, _)), place) in ledgers.iter().zip(problems).zip(places) {
            let done: Vec<bool> = ledger
                .problems
                .iter()
                .map(|pr| ledger.problem_done(pr))
                .collect();
            for (j, m) in ledger.measures.iter().enumerate() {
                let g = place.rows_before + j as u64;
                let sheet = (g / self.max_rows) as usize;
                if current.as_ref().is_none_or(|(k, _)| *k != sheet) {
                    if let Some((k, mut seg)) = current.take() {
                        seg.write(&buf)?;
                        buf.clear();
                        p.segments.push((k, seg.finish()?));
                    }
                    current = Some((sheet, Segment::new(level)));
                }
                let timing = measure_timing(ledger, m, s);
                let category = ledger.row_of(m).text(Field::Category);
                let cat = p.categories.get(category.trim());
                if m.number == 1 {
                    cat.add_problem(done[m.problem]);
                }
                cat.add_measure(ledger.status_of(m), timing);
                let place = RowPlace {
                    no: g + 1,
                    problem_no: place.problems_before + of_measure[j],
                };
                let mut values = row_values(ledger, m, place, done[m.problem], timing, s);
                // By parent, as the row's parent cell says (what the summary's formulas count).
                if let Out::Text(parent) = &values[Col::Parent.index() as usize] {
                    let up = p.parents.get(parent);
                    if m.number == 1 {
                        up.add_problem(done[m.problem]);
                    }
                    up.add_measure(ledger.status_of(m), timing);
                }
                let mut lines = 1;
                for (i, v) in values.iter_mut().enumerate() {
                    match v {
                        Out::Text(t) => {
                            let n = p.widths.see_lines(i, t);
                            if Col::ALL[i].is_printed() {
                                lines = lines.max(n);
                            }
                        }
                        Out::Number(_) => p.widths.see_len(i, v.canonical_cow().len()),
                        Out::Date(_) => p.widths.see_len(i, 10),
                        Out::Empty => {}
                    }
                }
                let canon: Vec<Cow<'_, str>> = values.iter().map(Out::canonical_cow).collect();
                let hash = digest::row_hash(canon.iter().map(|c| c.as_ref()));
                p.columns.push(canon.iter().map(|c| c.as_ref()));
                p.hashes.push(hash);
                digits.clear();
                push_u64(&mut digits, g % self.max_rows + 2);
                let height = super::style::row_height(lines);
                push_row_open(&mut buf, &digits, height);
                for ((v, col), c) in values.iter().zip(&self.letters).zip(Col::ALL) {
                    let style = c.is_centred().then_some(self.centred_style.as_slice());
                    push_styled_cell(&mut buf, col, &digits, v, &self.date_style, style);
                }
                let digest_col = &self.letters[Col::RowDigest.index() as usize];
                push_text_cell(&mut buf, digest_col, &digits, &digest::short_hex(&hash));
                buf.extend_from_slice(b"</row>");
                if buf.len() >= CHUNK
                    && let Some((_, seg)) = current.as_mut()
                {
                    seg.write(&buf)?;
                    buf.clear();
                }
            }
        }
        if let Some((k, mut seg)) = current.take() {
            seg.write(&buf)?;
            p.segments.push((k, seg.finish()?));
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn turns_place_files_in_input_order_whatever_order_they_come_in() {
        let turns = Arc::new(Turns::default());
        let need = |c: &'static str, rows, problems| Need {
            unit: c,
            rows,
            problems,
        };
        std::thread::scope(|s| {
            let t = Arc::clone(&turns);
            // File 2 asks first and waits for files 0 and 1.
            let late = s.spawn(move || t.take(2, &[need("甲", 1, 1)], true));
            std::thread::sleep(std::time::Duration::from_millis(50));
            assert_eq!(
                turns.take(0, &[need("甲", 3, 2), need("乙", 2, 1)], true),
                [
                    Place {
                        rows_before: 0,
                        problems_before: 0
                    },
                    Place {
                        rows_before: 3,
                        problems_before: 0
                    }
                ]
            );
            // File 1 comes in two parts: the turn passes on after the last.
            assert_eq!(
                turns.take(1, &[need("甲", 0, 0)], false),
                [Place {
                    rows_before: 5,
                    problems_before: 2
                }]
            );
            std::thread::sleep(std::time::Duration::from_millis(20));
            assert!(!late.is_finished());
            assert_eq!(turns.take(1, &[], true), []);
            assert_eq!(
                late.join().unwrap(),
                [Place {
                    rows_before: 5,
                    problems_before: 2
                }]
            );
        });
        assert_eq!((turns.next(), turns.rows()), (3, 6));
    }
}
