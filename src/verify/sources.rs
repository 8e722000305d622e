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

/// The sources proof; `edited_rows` are the rows whose digest differs.
pub fn check(
    c: &Consolidated,
    s: &Settings,
    paths: &[PathBuf],
    edited_rows: &[usize],
    out: &mut Vec<Discrepancy>,
) -> Proof {
    let before = out.len();
    let found = source::discover(paths);
    let mut by_name: BTreeMap<String, Vec<&Input>> = BTreeMap::new();
    for i in &found {
        by_name.entry(i.file_name()).or_default().push(i);
    }
    let mut used: Vec<&Input> = Vec::new();
    let mut compared = 0;
    for entry in &c.sources {
        let name = file_name(&entry.path);
        let candidates = by_name.get(&name).cloned().unwrap_or_default();
        let input = candidates
            .iter()
            .find(|i| i.display.ends_with(&entry.path) || entry.path.ends_with(&i.display))
            .or(candidates.first())
            .copied();
        let Some(input) = input else {
            out.push(Discrepancy::SourceMissing {
                at: At::new(
                    &c.sources_sheet,
                    CellRef::new(entry.row, SourcesCol::File.index().into()),
                ),
                path: entry.path.clone(),
            });
            continue;
        };
        used.push(input);
        compared += 1;
        let sha_cell = At::new(
            &c.sources_sheet,
            CellRef::new(entry.row, SourcesCol::Sha256.index().into()),
        );
        let loaded = match &input.problem {
            Some(p) => Err(p.clone()),
            None => source::load(&input.path, &s.limits).map(|l| l.sha256),
        };
        let now = match loaded {
            Ok(sha) => sha,
            // Unreadable at merge too (no SHA-256 recorded): nothing has changed.
            Err(_) if entry.sha256.is_empty() => String::new(),
            Err(e) => {
                out.push(Discrepancy::SourceUnreadable {
                    at: sha_cell,
                    file: input.display.clone(),
                    error: e,
                });
                continue;
            }
        };
        let changed = now != entry.sha256;
        if changed {
            out.push(Discrepancy::SourceChanged {
                at: sha_cell,
                file: input.display.clone(),
                expected: entry.sha256.clone(),
                found: now,
            });
        }
        let has_edits = edited_rows
            .iter()
            .any(|i| c.rows[*i].text(Col::SourceFile) == entry.path);
        if changed || has_edits {
            compare_rows(c, s, entry.path.as_str(), input, out);
        }
    }
    for i in &found {
        if !used.iter().any(|u| u.path == i.path) {
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

/// Re-reads a source and compares its rows with the ledger rows that came from it.
fn compare_rows(
    c: &Consolidated,
    s: &Settings,
    recorded: &str,
    input: &Input,
    out: &mut Vec<Discrepancy>,
) {
    let result = process_file(input, s);
    // (sheet, source row, item) → ledger row
    let mut ledger_rows: BTreeMap<(String, String, usize), &LedgerRow> = BTreeMap::new();
    let mut counts: HashMap<(String, String), usize> = HashMap::new();
    for r in c
        .rows
        .iter()
        .filter(|r| r.text(Col::SourceFile) == recorded)
    {
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
            for col in Col::ALL.into_iter().filter(|c| c.from_source()) {
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
