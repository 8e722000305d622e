//! The integrity proof: the ledger digest, the row digests and the column digests recorded at
//! merge time against the cells now. A changed cell is where a changed row meets a changed
//! column.

use super::{At, Discrepancy, Proof, ProofKind, Scope};
use crate::schema::digest::LedgerDigest;
use crate::schema::ledger::{Col, digested_of};
use crate::source::consolidated::{Consolidated, LedgerRow};
use crate::source::grid::CellRef;
use std::collections::HashMap;

/// The integrity proof, row by row: the digests accumulated, the rows whose digest differs
/// kept (to name their changed cells once the changed columns are known), the running numbers
/// seen marked in a bit set.
pub(crate) struct Integrity {
    digest: LedgerDigest,
    edited: Vec<LedgerRow>,
    present: Vec<u64>,
    recorded: Option<u64>,
    rows: usize,
    /// True when the digests cover the parent column (a workbook written with it).
    parent: bool,
}

impl Integrity {
    /// A proof for a workbook of this header and recorded row count, written with the parent
    /// column or (`parent` false) before it.
    pub(crate) fn new(header: &[String], parent: bool, recorded: Option<u64>) -> Integrity {
        let bits = recorded.unwrap_or(0).min(1 << 32);
        Integrity {
            digest: LedgerDigest::new(header),
            edited: Vec::new(),
            present: vec![0; bits.div_ceil(64) as usize],
            recorded,
            rows: 0,
            parent,
        }
    }

    /// Adds one row; true when its digest differs from the one stored in it.
    pub(crate) fn row(&mut self, r: &LedgerRow) -> bool {
        self.rows += 1;
        let cells: Vec<std::borrow::Cow<'_, str>> = digested_of(self.parent)
            .map(|c| r.get(c).canonical_cow())
            .collect();
        let now = self.digest.add_row_cells(cells.iter().map(|c| c.as_ref()));
        if let Ok(n) = r.get(Col::No).canonical_cow().parse::<u64>()
            && n >= 1
            && let Some(w) = self.present.get_mut(((n - 1) / 64) as usize)
        {
            *w |= 1 << ((n - 1) % 64);
        }
        let edited = now != r.digest;
        if edited {
            self.edited.push(r.clone());
        }
        edited
    }

    /// The rows whose digest differs.
    pub(crate) fn edited(&self) -> &[LedgerRow] {
        &self.edited
    }

    /// The proof, its discrepancies added to `out`.
    pub(crate) fn finish(self, c: &Consolidated, out: &mut Vec<Discrepancy>) -> Proof {
        let before = out.len();
        let (whole, cols) = self.digest.finish();
        let recorded_cols: HashMap<&str, &str> = c
            .meta
            .column_digests
            .iter()
            .map(|(h, d)| (h.as_str(), d.as_str()))
            .collect();
        let changed_cols: Vec<Col> = digested_of(self.parent)
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
        // The digest's column: one to the left in a workbook written before the parent
        // column, which stands just before it.
        let digest_col = u32::from(Col::RowDigest.index()) - u32::from(!self.parent);
        for r in &self.edited {
            if changed_cols.is_empty() {
                out.push(Discrepancy::RowEdited {
                    at: At::new(&r.sheet, CellRef::new(r.row, digest_col)),
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
        if let Some(n) = self.recorded
            && n != self.rows as u64
        {
            out.push(Discrepancy::RowCount {
                expected: n,
                found: self.rows as u64,
            });
            for k in 1..=n {
                let seen = self
                    .present
                    .get(((k - 1) / 64) as usize)
                    .is_some_and(|w| w & (1 << ((k - 1) % 64)) != 0);
                if !seen {
                    out.push(Discrepancy::RowRemoved { no: k });
                }
            }
        }
        let passed = out.len() == before && digest_ok;
        Proof {
            kind: ProofKind::Integrity,
            outcome: if passed {
                super::Outcome::Passed
            } else {
                super::Outcome::Failed
            },
            scope: Scope::Integrity {
                rows: self.rows,
                columns: cols.len(),
            },
        }
    }
}
