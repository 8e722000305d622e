//! The integrity proof: the ledger digest, the row digests and the column digests recorded at
//! merge time against the cells now. A changed cell is where a changed row meets a changed
//! column.

use super::{At, Discrepancy, Proof, ProofKind, Scope};
use crate::schema::digest::LedgerDigest;
use crate::schema::ledger::{Col, digested};
use crate::source::consolidated::Consolidated;
use crate::source::grid::CellRef;
use std::collections::{HashMap, HashSet};

/// The integrity proof; also returns the rows (indices into [`Consolidated::rows`]) whose
/// digest differs, for the sources proof.
pub fn check(c: &Consolidated, out: &mut Vec<Discrepancy>) -> (Proof, Vec<usize>) {
    let before = out.len();
    let mut d = LedgerDigest::new(&c.header);
    let mut edited_rows = Vec::new();
    for (i, r) in c.rows.iter().enumerate() {
        let cells = r.canonical();
        let now = d.add_row(&cells);
        if now != r.digest {
            edited_rows.push(i);
        }
    }
    let (whole, cols) = d.finish();
    let recorded_cols: HashMap<&str, &str> = c
        .meta
        .column_digests
        .iter()
        .map(|(h, d)| (h.as_str(), d.as_str()))
        .collect();
    let changed_cols: Vec<Col> = digested()
        .zip(&cols)
        .filter(|(col, d)| {
            recorded_cols
                .get(col.header(c.lang))
                .is_some_and(|r| r != d)
        })
        .map(|(col, _)| col)
        .collect();
    let digest_ok = whole == c.meta.ledger_digest;
    if !digest_ok {
        out.push(Discrepancy::LedgerDigest {
            expected: c.meta.ledger_digest.clone(),
            found: whole.clone(),
        });
    }
    if let Some(p) = &c.property_digest
        && *p != c.meta.ledger_digest
    {
        out.push(Discrepancy::PropertyDigest {
            property: p.clone(),
            recorded: c.meta.ledger_digest.clone(),
        });
    }
    for &i in &edited_rows {
        let r = &c.rows[i];
        if changed_cols.is_empty() {
            out.push(Discrepancy::RowEdited {
                at: At::new(&r.sheet, CellRef::new(r.row, Col::RowDigest.index().into())),
            });
        }
        for col in &changed_cols {
            out.push(Discrepancy::CellEdited {
                at: At::of_row(r, *col),
                column: *col,
                found: r.text(*col),
            });
        }
    }
    // Rows removed or added: the running numbers and the recorded count.
    if let Some(n) = c.meta.ledger_rows
        && n != c.rows.len() as u64
    {
        out.push(Discrepancy::RowCount {
            expected: n,
            found: c.rows.len() as u64,
        });
        let present: HashSet<String> = c.rows.iter().map(|r| r.text(Col::No)).collect();
        for k in 1..=n {
            if !present.contains(&k.to_string()) {
                out.push(Discrepancy::RowRemoved { no: k });
            }
        }
    }
    let passed = out.len() == before && digest_ok;
    (
        Proof {
            kind: ProofKind::Integrity,
            outcome: if passed {
                super::Outcome::Passed
            } else {
                super::Outcome::Failed
            },
            scope: Scope::Integrity {
                rows: c.rows.len(),
                columns: cols.len(),
            },
        },
        edited_rows,
    )
}
