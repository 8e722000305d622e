//! Digests of the ledger sheet, so that an edit made after `merge` can be found (spec 6, 7).
//!
//! Digests are computed over cell *values*, not bytes, so a workbook re-saved by Excel, WPS or
//! LibreOffice without edits still verifies. Each cell contributes its canonical text
//! (`super::ledger::Out::canonical`); cells are separated by U+001F and rows end with U+001E.
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
    const HEX: &[u8; 16] = b"0123456789abcdef";
    let mut s = String::with_capacity(digits + 1);
    for b in bytes {
        if s.len() >= digits {
            break;
        }
        s.push(HEX[usize::from(b >> 4)] as char);
        s.push(HEX[usize::from(b & 15)] as char);
    }
    s.truncate(digits);
    s
}

/// SHA-256 over a data row's canonical cells (every column but the digest column), each
/// followed by U+001F: the hash behind its row digest.
pub(crate) fn row_hash<'a>(cells: impl IntoIterator<Item = &'a str>) -> [u8; 32] {
    let mut h = Sha256::new();
    for c in cells {
        h.update(c.as_bytes());
        h.update([CELL as u8]);
    }
    h.finalize().into()
}

/// The first 16 hex digits of a row hash: the row digest.
pub(crate) fn short_hex(hash: &[u8; 32]) -> String {
    hex(hash, 16)
}

/// The digest of one row's canonical cells.
#[cfg(test)]
pub(crate) fn row_digest(cells: &[String]) -> String {
    hex(&row_hash(cells.iter().map(String::as_str)), 16)
}

/// The canonical cells of consecutive rows, column by column, ready for the column digests
/// ([`LedgerDigest::add_column_cells`]); collected on the thread that read the rows.
#[derive(Debug, Clone, Default)]
pub(crate) struct ColumnCells(Vec<Vec<u8>>);

impl ColumnCells {
    /// Empty, for rows of `columns` cells.
    pub(crate) fn new(columns: usize) -> ColumnCells {
        ColumnCells(vec![Vec::new(); columns])
    }

    /// Adds one row's canonical cells.
    pub(crate) fn push<'a>(&mut self, cells: impl IntoIterator<Item = &'a str>) {
        for (col, c) in self.0.iter_mut().zip(cells) {
            col.extend_from_slice(c.as_bytes());
            col.push(ROW as u8);
        }
    }
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
        let row = row_hash(cells.iter().map(String::as_str));
        self.whole.update(row);
        self.rows += 1;
        hex(&row, 16)
    }

    /// [`LedgerDigest::add_row`] over borrowed cells; returns the row digest.
    pub(crate) fn add_row_cells<'a>(
        &mut self,
        cells: impl Iterator<Item = &'a str> + Clone,
    ) -> String {
        for (c, h) in cells.clone().zip(self.columns.iter_mut()) {
            h.update(c.as_bytes());
            h.update([ROW as u8]);
        }
        let row = row_hash(cells);
        self.whole.update(row);
        self.rows += 1;
        hex(&row, 16)
    }

    /// Adds rows hashed beforehand ([`row_hash`]) whose cells are fed to the column digests
    /// with [`LedgerDigest::add_column_cells`]: the two together are [`LedgerDigest::add_row`]
    /// for each row.
    pub(crate) fn add_hashed_rows(&mut self, hashes: &[[u8; 32]]) {
        for h in hashes {
            self.whole.update(h);
        }
        self.rows += hashes.len() as u64;
    }

    /// Feeds each column the canonical cells of consecutive rows, as [`ColumnCells`] collected
    /// them.
    pub(crate) fn add_column_cells(&mut self, cells: &ColumnCells) {
        for (h, bytes) in self.columns.iter_mut().zip(&cells.0) {
            h.update(bytes);
        }
    }

    /// Number of data rows added.
    pub(crate) fn rows(&self) -> u64 {
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
    fn rows_hashed_beforehand_give_the_same_digests() {
        let header = s(&["no", "a", "b"]);
        let rows = [s(&["1", "x", "y"]), s(&["2", "x", "z\nw"])];
        let mut whole = LedgerDigest::new(&header);
        let direct: Vec<String> = rows.iter().map(|r| whole.add_row(r)).collect();
        let mut split = LedgerDigest::new(&header);
        let mut cols = ColumnCells::new(header.len());
        let mut hashes = Vec::new();
        for r in &rows {
            hashes.push(row_hash(r.iter().map(String::as_str)));
            cols.push(r.iter().map(String::as_str));
        }
        split.add_hashed_rows(&hashes);
        split.add_column_cells(&cols);
        let two_step: Vec<String> = hashes.iter().map(short_hex).collect();
        assert_eq!(direct, two_step);
        assert_eq!(whole.finish(), split.finish());
    }

    #[test]
    fn cell_boundaries_matter() {
        assert_ne!(row_digest(&s(&["ab", ""])), row_digest(&s(&["a", "b"])));
    }
}

#[cfg(test)]
mod examples {
    //! The examples of crate-private items, once in their documentation.

    /// `schema::digest::row_digest`
    #[test]
    fn digest_row_digest() {
        use crate::schema::digest::row_digest;
        let d = row_digest(&["1".to_string(), "庆利社区".to_string()]);
        assert_eq!(d.len(), 16);
        assert_ne!(d, row_digest(&["1".to_string(), "庆利社区 ".to_string()]));
    }
}
