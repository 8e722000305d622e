//! Digests of the ledger sheet, so that an edit made after `merge` can be found (spec 6, 7).
//!
//! Digests are computed over cell *values*, not bytes, so a workbook re-saved by Excel, WPS or
//! LibreOffice without edits still verifies. Each cell contributes its canonical text
//! ([`super::columns::Out::canonical`]); cells are separated by U+001F and rows end with U+001E.
//!
//! - the **row digest** of a data row: the first 16 hex digits of SHA-256 over its cells (every
//!   column but the digest column itself); stored in the row's last (hidden) column;
//! - the **column digest** of a column: the first 16 hex digits of SHA-256 over that column's
//!   cells in every data row; stored in `来源`. A changed cell shows as the intersection of a
//!   changed row and a changed column;
//! - the **ledger digest**: SHA-256 over the header row (its cells as above) followed by the full
//!   SHA-256 of every data row; stored in `来源` and as the custom document property
//!   `taizhang.ledger_digest`.

use sha2::{Digest, Sha256};

const CELL: char = '\u{1f}';
const ROW: char = '\u{1e}';

fn hex(bytes: &[u8], digits: usize) -> String {
    let mut s = String::with_capacity(digits);
    for b in bytes {
        if s.len() >= digits {
            break;
        }
        s.push_str(&format!("{b:02x}"));
    }
    s.truncate(digits);
    s
}

fn row_hash(cells: &[String]) -> [u8; 32] {
    let mut h = Sha256::new();
    for c in cells {
        h.update(c.as_bytes());
        h.update([CELL as u8]);
    }
    h.finalize().into()
}

/// The digest of one row's canonical cells.
///
/// ```
/// use taizhang::workbook::digest::row_digest;
/// let d = row_digest(&["1".to_string(), "庆利社区".to_string()]);
/// assert_eq!(d.len(), 16);
/// assert_ne!(d, row_digest(&["1".to_string(), "庆利社区 ".to_string()]));
/// ```
pub fn row_digest(cells: &[String]) -> String {
    hex(&row_hash(cells), 16)
}

/// Accumulates the ledger digest and the column digests, row by row.
#[derive(Debug, Clone)]
pub struct LedgerDigest {
    whole: Sha256,
    columns: Vec<Sha256>,
    rows: u64,
}

impl LedgerDigest {
    /// Starts with the header row (every column but the digest column).
    pub fn new(header: &[String]) -> LedgerDigest {
        let mut whole = Sha256::new();
        for c in header {
            whole.update(c.as_bytes());
            whole.update([CELL as u8]);
        }
        whole.update([ROW as u8]);
        LedgerDigest {
            whole,
            columns: vec![Sha256::new(); header.len()],
            rows: 0,
        }
    }

    /// Adds one data row's canonical cells; returns its row digest.
    pub fn add_row(&mut self, cells: &[String]) -> String {
        for (c, h) in cells.iter().zip(self.columns.iter_mut()) {
            h.update(c.as_bytes());
            h.update([ROW as u8]);
        }
        let row = row_hash(cells);
        self.whole.update(row);
        self.rows += 1;
        hex(&row, 16)
    }

    /// Number of data rows added.
    pub fn rows(&self) -> u64 {
        self.rows
    }

    /// The ledger digest (64 hex digits) and the column digests (16 hex digits each).
    pub fn finish(self) -> (String, Vec<String>) {
        let whole = hex(&self.whole.finalize(), 64);
        let cols = self
            .columns
            .into_iter()
            .map(|h| hex(&h.finalize(), 16))
            .collect();
        (whole, cols)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn s(v: &[&str]) -> Vec<String> {
        v.iter().map(|x| x.to_string()).collect()
    }

    #[test]
    fn one_changed_cell_changes_its_row_and_its_column_only() {
        let header = s(&["a", "b"]);
        let rows = [s(&["1", "x"]), s(&["2", "y"])];
        let mut d1 = LedgerDigest::new(&header);
        let r1: Vec<String> = rows.iter().map(|r| d1.add_row(r)).collect();
        let (w1, c1) = d1.finish();
        let mut d2 = LedgerDigest::new(&header);
        let r2: Vec<String> = [s(&["1", "x"]), s(&["2", "z"])]
            .iter()
            .map(|r| d2.add_row(r))
            .collect();
        let (w2, c2) = d2.finish();
        assert_ne!(w1, w2);
        assert_eq!(r1[0], r2[0]);
        assert_ne!(r1[1], r2[1]);
        assert_eq!(c1[0], c2[0]);
        assert_ne!(c1[1], c2[1]);
        assert_eq!(w1.len(), 64);
    }

    #[test]
    fn cell_boundaries_matter() {
        assert_ne!(row_digest(&s(&["ab", ""])), row_digest(&s(&["a", "b"])));
    }
}
