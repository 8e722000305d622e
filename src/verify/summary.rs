//! The summary proof: every number on the summary, recomputed from the ledger rows as they now
//! stand (and the findings rows), against the summary's cached value; the report sentence too.

use super::{
    At, Discrepancy, NotChecked, Outcome, Proof, ProofKind, Scope, add_finding_counts,
    add_row_counts,
};
use crate::model::Counters;
use crate::schema::ledger::Col;
use crate::schema::summary::{is_no_category, sentence, written_before};
use crate::source::consolidated::{Consolidated, LedgerRow, SummaryRow};
use std::collections::{HashMap, HashSet};

/// Counters recomputed from every row in one pass: by unit (with their findings), by
/// category and by parent (rows only), and over everything; the units and the parents of the
/// rows in order of their first row.
#[derive(Debug, Default)]
pub(crate) struct Grouped {
    pub(crate) units: HashMap<String, Counters>,
    categories: HashMap<String, Counters>,
    /// By the parent column (rows without a parent are under none).
    parents: HashMap<String, Counters>,
    /// The rows' parents, in order of first row.
    of_parents: Vec<String>,
    pub(crate) totals: Counters,
    /// The rows' units, in order of first row.
    pub(crate) of_rows: Vec<String>,
    seen: HashSet<String>,
    pub(crate) rows: usize,
}

impl Grouped {
    /// Counts the findings rows of `c` (with the rows or after them: the counts add).
    pub(crate) fn findings(&mut self, c: &Consolidated) {
        for f in &c.findings {
            add_finding_counts(
                self.units.entry(f.unit.clone()).or_default(),
                f.severity,
                f.count,
            );
            add_finding_counts(&mut self.totals, f.severity, f.count);
        }
    }

    /// Counts one row.
    pub(crate) fn row(&mut self, r: &LedgerRow, lang: crate::Lang) {
        self.rows += 1;
        let unit = r.text(Col::Unit);
        add_row_counts(self.units.entry(unit.clone()).or_default(), r, lang);
        let category = r.text(Col::Category).trim().to_string();
        add_row_counts(self.categories.entry(category).or_default(), r, lang);
        let parent = r.get(Col::Parent).canonical_cow();
        if !parent.is_empty() {
            match self.parents.get_mut(parent.as_ref()) {
                Some(k) => add_row_counts(k, r, lang),
                None => {
                    let mut k = Counters::default();
                    add_row_counts(&mut k, r, lang);
                    self.parents.insert(parent.to_string(), k);
                    self.of_parents.push(parent.into_owned());
                }
            }
        }
        add_row_counts(&mut self.totals, r, lang);
        if !self.seen.contains(&unit) {
            self.seen.insert(unit.clone());
            self.of_rows.push(unit);
        }
    }
}

fn compare_row(
    c: &Consolidated,
    row: &SummaryRow,
    want: &Counters,
    out: &mut Vec<Discrepancy>,
) -> usize {
    let mut n = 0;
    for (column, cell) in &row.cells {
        let Some(expected) = column.value(want) else {
            continue;
        };
        n += 1;
        let ok = cell.value.is_some_and(|v| (v - expected).abs() < 1e-4);
        if !ok {
            out.push(Discrepancy::SummaryValue {
                at: At::new(&c.summary_sheet, cell.cell),
                row: row.label.clone(),
                column: *column,
                expected,
                found: cell.value,
            });
        }
    }
    n
}

/// The summary proof. When formula cells store no result the numbers every reader shows
/// are unknown: the proof is not made ([`NotChecked::NoStoredResults`]), never passed.
pub(crate) fn check(c: &Consolidated, g: &Grouped, out: &mut Vec<Discrepancy>) -> Proof {
    let missing = super::structure::uncached(c);
    if missing > 0 {
        return Proof {
            kind: ProofKind::Summary,
            outcome: Outcome::NotChecked(NotChecked::NoStoredResults { cells: missing }),
            scope: Scope::Summary {
                figures: 0,
                rows: g.rows,
            },
        };
    }
    let before = out.len();
    let mut compared = 0;
    for row in &c.units {
        let want = g.units.get(&row.label).copied().unwrap_or_default();
        compared += compare_row(c, row, &want, out);
    }
    let totals = g.totals;
    match &c.total {
        Some(t) => compared += compare_row(c, t, &totals, out),
        None => out.push(Discrepancy::SummaryTotalMissing {
            sheet: c.summary_sheet.clone(),
        }),
    }
    for row in &c.categories {
        let name = if is_no_category(&row.label, c.lang) {
            String::new()
        } else {
            row.label.clone()
        };
        let want = g
            .categories
            .get(&name)
            .copied()
            .unwrap_or_default()
            .without_findings();
        compared += compare_row(c, row, &want, out);
    }
    for row in &c.parents {
        let want = g
            .parents
            .get(&row.label)
            .copied()
            .unwrap_or_default()
            .without_findings();
        compared += compare_row(c, row, &want, out);
    }
    // Parents in the rows but not in the table by parent (or no table), in order of first row.
    let parents_shown: HashSet<&str> = c.parents.iter().map(|x| x.label.as_str()).collect();
    for name in g
        .of_parents
        .iter()
        .filter(|n| !parents_shown.contains(n.as_str()))
    {
        out.push(Discrepancy::SummaryParentMissing {
            sheet: c.summary_sheet.clone(),
            parent: name.clone(),
        });
    }
    // Units in the rows but not on the summary, in order of first row.
    let on_summary: HashSet<&str> = c.units.iter().map(|x| x.label.as_str()).collect();
    for name in g
        .of_rows
        .iter()
        .filter(|n| !on_summary.contains(n.as_str()))
    {
        out.push(Discrepancy::SummaryUnitMissing {
            sheet: c.summary_sheet.clone(),
            unit: name.clone(),
        });
    }
    if let (Some((cell, text)), Some(as_of)) = (&c.sentence, c.meta.as_of) {
        compared += 1;
        let want = sentence(&totals, as_of, c.lang);
        if *text != want && *text != written_before(&want) {
            out.push(Discrepancy::SummarySentence {
                at: At::new(&c.summary_sheet, *cell),
                expected: want,
                found: text.clone(),
            });
        }
    }
    Proof {
        kind: ProofKind::Summary,
        outcome: Outcome::of(out, before),
        scope: Scope::Summary {
            figures: compared,
            rows: g.rows,
        },
    }
}
