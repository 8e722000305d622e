//! The seam between "where the cells come from" and "what the cells mean": a sparse grid of
//! cell values with its merged regions. Every format reader produces one [`Sheet`] per sheet;
//! nothing after this module knows which format a ledger was.

use crate::value::text::{column_letters, format_number};
use chrono::NaiveDateTime;
use std::fmt;

/// A position in a sheet, 0-based; shown in A1 notation.
///
/// ```
/// use taizhang::source::grid::CellRef;
/// assert_eq!(CellRef::new(11, 6).to_string(), "G12");
/// assert_eq!(CellRef::parse("AA3"), Some(CellRef::new(2, 26)));
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct CellRef {
    /// Row, from 0 (row 1 in a spreadsheet).
    pub row: u32,
    /// Column, from 0 (column A).
    pub col: u32,
}

impl CellRef {
    /// A cell at a 0-based row and column.
    pub fn new(row: u32, col: u32) -> CellRef {
        CellRef { row, col }
    }

    /// Parses an A1 reference such as `G12` or `$G$12`.
    pub fn parse(a1: &str) -> Option<CellRef> {
        let s = a1.replace('$', "");
        let split = s.find(|c: char| c.is_ascii_digit())?;
        let (letters, digits) = s.split_at(split);
        if letters.is_empty()
            || letters.len() > 3
            || !letters.chars().all(|c| c.is_ascii_alphabetic())
        {
            return None;
        }
        let mut col: u32 = 0;
        for c in letters.chars() {
            col = col * 26 + (c.to_ascii_uppercase() as u32 - 'A' as u32 + 1);
        }
        let row: u32 = digits.parse().ok()?;
        (row >= 1).then(|| CellRef::new(row - 1, col - 1))
    }
}

impl fmt::Display for CellRef {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}{}", column_letters(self.col), self.row as u64 + 1)
    }
}

/// A rectangle of merged cells, inclusive on every side.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Merge {
    /// The top-left cell, which holds the value.
    pub first: CellRef,
    /// The bottom-right cell.
    pub last: CellRef,
}

impl Merge {
    /// True for a merge that spans more than one row.
    pub(crate) fn is_vertical(&self) -> bool {
        self.last.row > self.first.row
    }

    /// Number of columns the merge spans.
    pub(crate) fn width(&self) -> u32 {
        self.last.col - self.first.col + 1
    }
}

/// One cell's value. Empty cells are not stored.
#[derive(Debug, Clone, PartialEq)]
pub enum CellValue {
    /// Text, as written.
    Text(String),
    /// A number without a date format.
    Number(f64),
    /// A date (or date and time) cell, already converted from its date system.
    Date(NaiveDateTime),
    /// A number with a percentage format, as a fraction (`80%` is 0.8).
    Percent(f64),
    /// TRUE or FALSE.
    Bool(bool),
    /// An error value such as `#REF!`.
    Error(String),
}

/// A date and time as a spreadsheet shows it: `2023-06-30`, `2023-06-30 14:30`, or a time of
/// day alone (`14:30`, `08:05:30`) for a serial below 1 (read as 1899-12-30 or -31).
fn show_date_time(d: &NaiveDateTime) -> String {
    let t = d.time();
    let time = if chrono::Timelike::second(&t) == 0 {
        t.format("%H:%M").to_string()
    } else {
        t.format("%H:%M:%S").to_string()
    };
    let serial_below_one = d.date()
        < chrono::NaiveDate::from_ymd_opt(1900, 1, 1).unwrap_or_default()
        && d.date() >= chrono::NaiveDate::from_ymd_opt(1899, 12, 30).unwrap_or_default();
    if serial_below_one {
        time
    } else if t == chrono::NaiveTime::MIN {
        d.format("%Y-%m-%d").to_string()
    } else {
        format!("{} {time}", d.format("%Y-%m-%d"))
    }
}

/// A time of day written as an ISO 8601 duration (`PT14H30M00S`, what ODS and calamine give for
/// a time cell) as a spreadsheet shows it (`14:30`); `None` for anything else or 24 hours and
/// more.
pub(crate) fn time_of_duration(s: &str) -> Option<String> {
    let rest = s.trim().strip_prefix("PT")?;
    let (mut h, mut m, mut sec) = (0u32, 0u32, 0f64);
    let mut num = String::new();
    for c in rest.chars() {
        match c {
            '0'..='9' | '.' => num.push(c),
            'H' => h = std::mem::take(&mut num).parse().ok()?,
            'M' => m = std::mem::take(&mut num).parse().ok()?,
            'S' => sec = std::mem::take(&mut num).parse().ok()?,
            _ => return None,
        }
    }
    if !num.is_empty() || h >= 24 || m >= 60 || !(0.0..60.0).contains(&sec) {
        return None;
    }
    let whole = sec.round() as u32;
    Some(if whole == 0 || whole == 60 {
        format!("{h:02}:{m:02}")
    } else {
        format!("{h:02}:{m:02}:{whole:02}")
    })
}

impl CellValue {
    /// The value as a clerk sees it: numbers without a trailing `.0`, dates as `2023-06-30`.
    ///
    /// ```
    /// use taizhang::source::grid::CellValue;
    /// assert_eq!(CellValue::Number(3.0).display(), "3");
    /// assert_eq!(CellValue::Number(2.5).display(), "2.5");
    /// ```
    pub fn display(&self) -> String {
        match self {
            CellValue::Text(s) => s.clone(),
            CellValue::Number(n) => format_number(*n),
            CellValue::Date(d) => show_date_time(d),
            CellValue::Percent(p) => format!("{}%", format_number((p * 1e8).round() / 1e6)),
            CellValue::Bool(b) => if *b { "TRUE" } else { "FALSE" }.to_string(),
            CellValue::Error(e) => e.clone(),
        }
    }

    /// True for text that is empty or only spaces.
    pub(crate) fn is_blank(&self) -> bool {
        matches!(self, CellValue::Text(s) if s.chars().all(crate::value::text::is_space))
    }
}

/// One non-empty cell of a row.
#[derive(Debug, Clone, PartialEq)]
pub struct Cell {
    /// Column, from 0.
    pub col: u32,
    /// Its value.
    pub value: CellValue,
}

/// The non-empty cells of one row, ordered by column.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Row {
    /// Row, from 0.
    pub index: u32,
    /// Cells ordered by column.
    pub cells: Vec<Cell>,
}

/// Whether a sheet shows in the workbook's tab bar.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Visibility {
    /// Shown.
    Visible,
    /// Hidden (or "very hidden") by its author.
    Hidden,
}

/// One sheet: its rows of non-empty cells, ordered by row, and its merged regions.
#[derive(Debug, Clone, PartialEq)]
pub struct Sheet {
    /// The sheet's name as its tab shows it.
    pub name: String,
    /// Whether it is hidden.
    pub visibility: Visibility,
    /// Non-empty rows, ordered by index.
    pub rows: Vec<Row>,
    /// Merged regions.
    pub merges: Vec<Merge>,
    /// True when the format carries merged regions and they were read (xlsx, xls, ods); false
    /// for CSV and xlsb, where spec 2.3's continuation rule stands in for them.
    pub merges_known: bool,
}

impl Sheet {
    /// An empty visible sheet.
    pub(crate) fn new(name: impl Into<String>) -> Sheet {
        Sheet {
            name: name.into(),
            visibility: Visibility::Visible,
            rows: Vec::new(),
            merges: Vec::new(),
            merges_known: false,
        }
    }

    /// The row with this index, if it has any cell.
    pub fn row(&self, index: u32) -> Option<&Row> {
        self.rows
            .binary_search_by_key(&index, |r| r.index)
            .ok()
            .map(|i| &self.rows[i])
    }

    /// The value stored in a cell (not following merges).
    pub fn value(&self, row: u32, col: u32) -> Option<&CellValue> {
        let r = self.row(row)?;
        r.cells
            .binary_search_by_key(&col, |c| c.col)
            .ok()
            .map(|i| &r.cells[i].value)
    }

    /// An index of the merged regions for fast look-ups by cell.
    pub(crate) fn merge_index(&self) -> MergeIndex {
        MergeIndex::new(&self.merges, self.width())
    }

    /// One past the last row index that holds a cell.
    pub(crate) fn height(&self) -> u32 {
        self.rows.last().map_or(0, |r| r.index + 1)
    }

    /// One past the last column index that holds a cell.
    pub(crate) fn width(&self) -> u32 {
        self.rows
            .iter()
            .filter_map(|r| r.cells.last())
            .map(|c| c.col + 1)
            .max()
            .unwrap_or(0)
    }

    /// Number of stored cells.
    pub fn cell_count(&self) -> usize {
        self.rows.iter().map(|r| r.cells.len()).sum()
    }

    /// Builds a sheet from cells in any order; blank text cells are dropped, duplicates keep the
    /// last value. Used by readers whose cells do not arrive row by row.
    pub fn from_cells(name: impl Into<String>, mut cells: Vec<(u32, u32, CellValue)>) -> Sheet {
        cells.retain(|(_, _, v)| !v.is_blank());
        Sheet::from_written_cells(name, cells)
    }

    /// Builds a sheet from cells in any order, keeping every cell given (blank text too);
    /// duplicates keep the last value. For reading back what taizhang wrote exactly.
    pub(crate) fn from_written_cells(
        name: impl Into<String>,
        mut cells: Vec<(u32, u32, CellValue)>,
    ) -> Sheet {
        // Readers deliver cells row by row; sort only when they did not.
        if !cells
            .windows(2)
            .all(|w| (w[0].0, w[0].1) <= (w[1].0, w[1].1))
        {
            cells.sort_by_key(|(r, c, _)| (*r, *c));
        }
        cells.dedup_by(|b, a| {
            if a.0 == b.0 && a.1 == b.1 {
                std::mem::swap(&mut a.2, &mut b.2);
                true
            } else {
                false
            }
        });
        let mut sheet = Sheet::new(name);
        // Each row's cells in one allocation of the right size.
        let mut counts: Vec<usize> = Vec::new();
        for w in cells.chunk_by(|a, b| a.0 == b.0) {
            counts.push(w.len());
        }
        sheet.rows.reserve_exact(counts.len());
        let mut counts = counts.into_iter();
        for (r, c, v) in cells {
            if sheet.rows.last().is_none_or(|last| last.index != r) {
                sheet.rows.push(Row {
                    index: r,
                    cells: Vec::with_capacity(counts.next().unwrap_or(1)),
                });
            }
            if let Some(last) = sheet.rows.last_mut() {
                last.cells.push(Cell { col: c, value: v });
            }
        }
        sheet
    }
}

/// Merged regions indexed by column, for look-ups in O(log n).
#[derive(Debug, Clone, Default)]
pub(crate) struct MergeIndex {
    /// For each column, (first row, last row, merge) ordered by first row.
    by_col: Vec<Vec<(u32, u32, Merge)>>,
}

impl MergeIndex {
    /// Indexes merges over columns `0..width`; parts of merges beyond `width` hold no values and
    /// are left out.
    pub(crate) fn new(merges: &[Merge], width: u32) -> MergeIndex {
        let mut by_col: Vec<Vec<(u32, u32, Merge)>> = vec![Vec::new(); width as usize];
        for m in merges {
            for col in m.first.col..=m.last.col.min(width.saturating_sub(1)) {
                by_col[col as usize].push((m.first.row, m.last.row, *m));
            }
        }
        for v in &mut by_col {
            v.sort_by_key(|(first, _, _)| *first);
        }
        MergeIndex { by_col }
    }

    /// The merge covering a cell, if any.
    pub(crate) fn at(&self, row: u32, col: u32) -> Option<&Merge> {
        let v = self.by_col.get(col as usize)?;
        let i = v.partition_point(|(first, _, _)| *first <= row);
        let (_, last, m) = v.get(i.checked_sub(1)?)?;
        (row <= *last).then_some(m)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a1_round_trip() {
        for (r, c) in [
            (0, 0),
            (11, 6),
            (1048575, 16383),
            (5, 25),
            (5, 26),
            (5, 701),
            (5, 702),
        ] {
            let cr = CellRef::new(r, c);
            assert_eq!(CellRef::parse(&cr.to_string()), Some(cr));
        }
        assert_eq!(CellRef::new(1048575, 16383).to_string(), "XFD1048576");
        assert_eq!(CellRef::parse("A0"), None);
        assert_eq!(CellRef::parse("12"), None);
    }

    #[test]
    fn from_cells_sorts_and_keeps_the_last_duplicate() {
        let s = Sheet::from_cells(
            "s",
            vec![
                (2, 1, CellValue::Text("b".into())),
                (0, 0, CellValue::Text("a".into())),
                (2, 1, CellValue::Text("c".into())),
                (1, 0, CellValue::Text("  ".into())),
            ],
        );
        assert_eq!(s.rows.len(), 2);
        assert_eq!(s.value(2, 1), Some(&CellValue::Text("c".into())));
        assert_eq!(s.value(1, 0), None);
        assert_eq!(s.height(), 3);
        assert_eq!(s.width(), 2);
    }

    #[test]
    fn merge_index_finds_covering_merges() {
        let m = |r1, c1, r2, c2| Merge {
            first: CellRef::new(r1, c1),
            last: CellRef::new(r2, c2),
        };
        let merges = [m(0, 0, 0, 5), m(3, 1, 6, 1), m(8, 1, 9, 2)];
        let idx = MergeIndex::new(&merges, 4);
        assert_eq!(idx.at(0, 3), Some(&merges[0]));
        assert_eq!(idx.at(5, 1), Some(&merges[1]));
        assert_eq!(idx.at(7, 1), None);
        assert_eq!(idx.at(9, 2), Some(&merges[2]));
        assert_eq!(idx.at(2, 1), None);
        assert_eq!(idx.at(0, 9), None);
    }
}

#[cfg(test)]
mod examples {
    //! The examples of crate-private items, once in their documentation.

    /// `source::grid::time_of_duration`
    #[test]
    fn grid_time_of_duration() {
        use crate::source::grid::time_of_duration;
        assert_eq!(time_of_duration("PT14H30M00S").as_deref(), Some("14:30"));
        assert_eq!(time_of_duration("PT08H05M30S").as_deref(), Some("08:05:30"));
        assert_eq!(time_of_duration("PT36H00M00S"), None);
        assert_eq!(time_of_duration("P1D"), None);
    }
}
