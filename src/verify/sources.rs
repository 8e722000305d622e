//! The sources proof (`--sources`): each recorded input found by name and its SHA-256
//! compared; a changed source, or one whose rows were edited in the workbook, is re-read and
//! compared row by row, each discrepancy named by its cell on both sides.

use super::{At, Discrepancy, Proof, ProofKind, Scope};
use crate::config::Settings;
use crate::pipeline::process_file;
use crate::row::{RowPlace, row_values};
use crate::schema::ledger::Col;
use crate::schema::sources::SourcesCol;
use crate::source::consolidated::{Consolidated, LedgerRow};
use crate::source::grid::CellRef;
use crate::source::{self, Input};
use crate::value::header::Field;
use std::collections::{BTreeMap, HashMap, HashSet};
use std::path::PathBuf;

/// The last part of a recorded path, written with `/` or with Windows' `\\`; the `\\xNN` escape
/// of a byte that is not UTF-8 ([`source::display_path`]) is not a separator.
fn file_name(p: &str) -> String {
    let b = p.as_bytes();
    let escape = |i: usize| {
        b.get(i + 1) == Some(&b'x')
            && b.get(i + 2..i + 4)
                .is_some_and(|h| h.iter().all(u8::is_ascii_hexdigit))
    };
    let start = (0..b.len())
        .rev()
        .find(|&i| b[i] == b'/' || (b[i] == b'\\' && !escape(i)))
        .map_or(0, |i| i + 1);
    p[start..].to_string()
}

/// What became of a recorded source before the ledger rows are read.
enum State {
    /// Not among the sources given.
    Missing,
    /// Found, but it cannot be read now (and could at merge).
    Unreadable(crate::source::SourceError),
    /// Found and hashed.
    Hashed {
        /// Its SHA-256 now.
        now: String,
    },
}

/// The sources found for a workbook's recorded inputs and their hashes, known before the ledger
/// rows stream by, so that only the rows of changed sources are kept.
pub(crate) struct Plan {
    found: Vec<Input>,
    /// For each recorded input: the found input it is, and its state.
    entries: Vec<(Option<usize>, State)>,
}

impl Plan {
    /// The recorded paths of the sources that changed: their rows are compared.
    pub(crate) fn changed(&self, c: &Consolidated) -> HashSet<String> {
        c.sources
            .iter()
            .zip(&self.entries)
            .filter(|(e, (_, st))| matches!(st, State::Hashed { now } if *now != e.sha256))
            .map(|(e, _)| e.path.clone())
            .collect()
    }

    /// The recorded paths of unchanged sources with edited rows: their rows are compared too.
    pub(crate) fn edited_unchanged(
        &self,
        c: &Consolidated,
        edited: &[LedgerRow],
    ) -> HashSet<String> {
        let changed = self.changed(c);
        let edited: HashSet<String> = edited.iter().map(|r| r.text(Col::SourceFile)).collect();
        c.sources
            .iter()
            .zip(&self.entries)
            .filter(|(e, (_, st))| matches!(st, State::Hashed { .. }) && !changed.contains(&e.path))
            .filter(|(e, _)| edited.contains(&e.path))
            .map(|(e, _)| e.path.clone())
            .collect()
    }
}

/// Finds and hashes the recorded sources among `paths` (in parallel, as merge reads them).
pub(crate) fn plan(c: &Consolidated, s: &Settings, paths: &[PathBuf]) -> Plan {
    let found = source::discover(paths);
    let mut by_name: BTreeMap<String, Vec<usize>> = BTreeMap::new();
    for (k, i) in found.iter().enumerate() {
        by_name.entry(i.file_name()).or_default().push(k);
    }
    let picks: Vec<Option<usize>> = c
        .sources
        .iter()
        .map(|entry| {
            let candidates = by_name
                .get(&file_name(&entry.path))
                .cloned()
                .unwrap_or_default();
            candidates
                .iter()
                .copied()
                .find(|k| {
                    let d = &found[*k].display;
                    d.ends_with(&entry.path) || entry.path.ends_with(d.as_str())
                })
                .or(candidates.first().copied())
        })
        .collect();
    let hash = |(entry, pick): (&crate::source::consolidated::SourceEntry, &Option<usize>)| {
        let Some(k) = pick else {
            return State::Missing;
        };
        let input = &found[*k];
        let loaded = match &input.problem {
            Some(p) => Err(p.clone()),
            None => source::load(&input.path, &s.limits).map(|l| l.sha256),
        };
        match loaded {
            Ok(now) => State::Hashed { now },
            // Unreadable at merge too (no SHA-256 recorded): nothing has changed.
            Err(_) if entry.sha256.is_empty() => State::Hashed { now: String::new() },
            Err(e) => State::Unreadable(e),
        }
    };
    let pairs: Vec<_> = c.sources.iter().zip(&picks).collect();
    let states: Vec<State> = crate::pool::map(&pairs, crate::pool::default_threads(), |p| hash(*p))
        .into_iter()
        .map(|s| {
            // A file whose hashing panicked is a file that cannot be read now.
            s.unwrap_or_else(|p| State::Unreadable(source::SourceError::ReaderFailed(p.0)))
        })
        .collect();
    Plan {
        entries: picks.into_iter().zip(states).collect(),
        found,
    }
}

/// The sources proof: `rows` holds the ledger rows of every source to compare (changed, or with
/// edited rows), by recorded path; `edited` the rows whose digest differs.
pub(crate) fn check(
    c: &Consolidated,
    s: &Settings,
    plan: &Plan,
    edited: &[LedgerRow],
    rows: &HashMap<String, Vec<LedgerRow>>,
    out: &mut Vec<Discrepancy>,
) -> Proof {
    let before = out.len();
    let mut compared = 0;
    let mut used = HashSet::new();
    let no_rows = Vec::new();
    for (entry, (pick, state)) in c.sources.iter().zip(&plan.entries) {
        let Some(k) = pick else {
            out.push(Discrepancy::SourceMissing {
                at: At::new(
                    &c.sources_sheet,
                    CellRef::new(entry.row, SourcesCol::File.index().into()),
                ),
                path: entry.path.clone(),
            });
            continue;
        };
        let input = &plan.found[*k];
        used.insert(*k);
        compared += 1;
        let sha_cell = At::new(
            &c.sources_sheet,
            CellRef::new(entry.row, SourcesCol::Sha256.index().into()),
        );
        let now = match state {
            State::Missing => continue,
            State::Unreadable(e) => {
                out.push(Discrepancy::SourceUnreadable {
                    at: sha_cell,
                    file: input.display.clone(),
                    error: e.clone(),
                });
                continue;
            }
            State::Hashed { now } => now,
        };
        let changed = *now != entry.sha256;
        if changed {
            out.push(Discrepancy::SourceChanged {
                at: sha_cell,
                file: input.display.clone(),
                expected: entry.sha256.clone(),
                found: now.clone(),
            });
        }
        let has_edits = edited
            .iter()
            .any(|r| r.get(Col::SourceFile).canonical_is(&entry.path));
        if changed || has_edits {
            let of_source = rows.get(&entry.path).unwrap_or(&no_rows);
            compare_rows(s, of_source, input, c.parent_column, out);
        }
    }
    for (k, i) in plan.found.iter().enumerate() {
        if !used.contains(&k) {
            out.push(Discrepancy::SourceNew {
                file: i.display.clone(),
            });
        }
    }
    Proof {
        kind: ProofKind::Sources,
        outcome: super::Outcome::of(out, before),
        scope: Scope::Sources {
            found: compared,
            recorded: c.sources.len(),
        },
    }
}

/// Re-reads a source and compares its rows with the ledger rows that came from it (their
/// parent only when the workbook was written with the parent column: `parent`).
fn compare_rows(
    s: &Settings,
    rows: &[LedgerRow],
    input: &Input,
    parent: bool,
    out: &mut Vec<Discrepancy>,
) {
    let result = process_file(input, s);
    // (sheet, source row, item) → ledger row
    let mut ledger_rows: BTreeMap<(String, String, usize), &LedgerRow> = BTreeMap::new();
    let mut counts: HashMap<(String, String), usize> = HashMap::new();
    for r in rows {
        let k = (r.text(Col::SourceSheet), r.text(Col::SourceRow));
        let n = counts.entry(k.clone()).or_insert(0);
        ledger_rows.insert((k.0, k.1, *n), r);
        *n += 1;
    }
    let mut matched = HashSet::new();
    for l in &result.ledgers {
        let mut item: HashMap<usize, usize> = HashMap::new();
        for m in &l.measures {
            let k = item.entry(m.row).or_insert(0);
            let row = l.row_of(m);
            let key = (l.sheet.clone(), (row.row + 1).to_string(), *k);
            *k += 1;
            let values = row_values(
                l,
                m,
                RowPlace {
                    no: 0,
                    problem_no: 0,
                },
                false,
                None,
                s,
            );
            let source_cell = |f: Option<Field>| {
                let col = f.and_then(|f| l.layout.column_of(f)).unwrap_or(0);
                format!("{}!{}", l.sheet, CellRef::new(row.row, col))
            };
            let Some(lr) = ledger_rows.get(&key) else {
                out.push(Discrepancy::SourceRowMissing {
                    file: input.display.clone(),
                    source_cell: source_cell(Some(Field::Measure)),
                    measure: m.text.clone(),
                });
                continue;
            };
            matched.insert(key.clone());
            // A workbook written before the parent column has no parent to compare.
            let compared = |c: &Col| c.is_from_source() && (parent || !c.is_optional());
            for col in Col::ALL.into_iter().filter(compared) {
                let want = values[col.index() as usize].canonical();
                let have = lr.text(col);
                if want != have {
                    out.push(Discrepancy::SourceMismatch {
                        at: At::of_row(lr, col),
                        column: col,
                        file: input.display.clone(),
                        source_cell: source_cell(col.field()),
                        expected: want,
                        found: have,
                    });
                }
            }
        }
    }
    for (key, lr) in &ledger_rows {
        if !matched.contains(key) {
            out.push(Discrepancy::LedgerRowUnsourced {
                at: At::of_row(lr, Col::No),
                file: input.display.clone(),
                source_cell: format!("{}!A{}", key.0, key.1),
            });
        }
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn file_names_of_recorded_paths() {
        assert_eq!(super::file_name("./a/b.xlsx"), "b.xlsx");
        assert_eq!(super::file_name("D:\\台账\\庆利.xlsx"), "庆利.xlsx");
        assert_eq!(super::file_name("./\\xFF\\xFE.csv"), "\\xFF\\xFE.csv");
        assert_eq!(super::file_name("x\\xzz.csv"), "xzz.csv");
        assert_eq!(super::file_name("plain"), "plain");
    }
}
