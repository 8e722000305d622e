//! The rows of the ledger and findings sheets, written as SpreadsheetML and compressed as they
//! come.
//!
//! A consolidated ledger has millions of cells of a few kinds; writing them through a general
//! workbook writer costs a format look-up and several copies per cell. These functions write the
//! `<row>` elements of `sheetData` directly — inline strings, numbers, and dates in the
//! workbook's date style ([`super::DATE_STYLE`]). The ledger's rows are written and compressed
//! on the reading threads ([`super::prepare`]); the findings' rows here, by [`RowFile`]. Either
//! way the compressed rows are joined to the worksheet part rust_xlsxwriter writes (header row,
//! columns, filter, print setup) when the workbook is finished ([`crate::pack::finish_package`]).

use crate::pack::deflate::{Deflated, Deflater};
use crate::schema::ledger::Out;
use crate::value::text::column_letters;

/// Chunks of this many bytes go to the compressor.
pub(crate) const CHUNK: usize = 256 * 1024;

/// Appends `<row r="…"` (with a height in points when the row needs more than one line) and
/// `>`. `row` is the row number's digits.
pub(crate) fn push_row_open(b: &mut Vec<u8>, row: &[u8], height: Option<f64>) {
    b.extend_from_slice(b"<row r=\"");
    b.extend_from_slice(row);
    b.push(b'"');
    if let Some(h) = height {
        b.extend_from_slice(b" ht=\"");
        b.extend_from_slice(crate::value::text::format_number(h).as_bytes());
        b.extend_from_slice(b"\" customHeight=\"1\"");
    }
    b.push(b'>');
}

/// Appends one cell: `col` its column letters, `row` its row number's digits, `date_style` the
/// style index of date cells. An empty value writes nothing.
pub(crate) fn push_cell(b: &mut Vec<u8>, col: &str, row: &[u8], v: &Out, date_style: &[u8]) {
    push_styled_cell(b, col, row, v, date_style, None)
}

/// [`push_cell`], with text and number cells in style `style` (the workbook's default format
/// when `None`).
pub(crate) fn push_styled_cell(
    b: &mut Vec<u8>,
    col: &str,
    row: &[u8],
    v: &Out,
    date_style: &[u8],
    style: Option<&[u8]>,
) {
    match v {
        Out::Empty => {}
        Out::Text(t) => {
            push_cell_open(b, col, row, style);
            push_text_rest(b, t);
        }
        Out::Number(n) => {
            push_cell_open(b, col, row, style);
            b.extend_from_slice(b"><v>");
            b.extend_from_slice(crate::value::text::format_number(*n).as_bytes());
            b.extend_from_slice(b"</v></c>");
        }
        Out::Date(d) => match excel_serial(*d) {
            Some(serial) => {
                push_cell_open(b, col, row, Some(date_style));
                b.extend_from_slice(b"><v>");
                push_u64(b, serial);
                b.extend_from_slice(b"</v></c>");
            }
            // No serial shows a day before 1900: written as the text of the date.
            None => {
                push_cell_open(b, col, row, style);
                push_text_rest(b, &d.format("%Y-%m-%d").to_string());
            }
        },
    }
}

/// Appends `<c r="…"` and, with a style, ` s="…"`: a cell up to the end of its attributes.
fn push_cell_open(b: &mut Vec<u8>, col: &str, row: &[u8], style: Option<&[u8]>) {
    b.extend_from_slice(b"<c r=\"");
    b.extend_from_slice(col.as_bytes());
    b.extend_from_slice(row);
    b.push(b'"');
    if let Some(s) = style {
        b.extend_from_slice(b" s=\"");
        b.extend_from_slice(s);
        b.push(b'"');
    }
}

/// Appends a cell of inline text.
pub(crate) fn push_text_cell(b: &mut Vec<u8>, col: &str, row: &[u8], t: &str) {
    push_cell_open(b, col, row, None);
    push_text_rest(b, t);
}

/// The rest of an inline text cell after `<c r="…"` and its attributes.
fn push_text_rest(b: &mut Vec<u8>, t: &str) {
    b.extend_from_slice(b" t=\"inlineStr\"><is><t");
    if needs_preserve(t) {
        b.extend_from_slice(b" xml:space=\"preserve\"");
    }
    b.push(b'>');
    escape_text(t, b);
    b.extend_from_slice(b"</t></is></c>");
}

/// Rows of one sheet below its header row (row 1, unless [`RowFile::starting_at`] says
/// otherwise), compressed as they are written.
#[derive(Debug)]
pub(crate) struct RowFile {
    deflater: Deflater,
    buf: Vec<u8>,
    letters: Vec<String>,
    date_style: Vec<u8>,
    digits: Vec<u8>,
    /// The number (1-based) of the first row.
    first: u32,
    /// Data rows written.
    pub(crate) rows: u32,
}

impl RowFile {
    /// A new, empty sheet of `columns` columns whose date cells take style `date_style`,
    /// compressed at deflate `level`.
    pub(crate) fn new(columns: u16, date_style: u32, level: u32) -> std::io::Result<RowFile> {
        Ok(RowFile {
            deflater: Deflater::new(level)?,
            buf: Vec::with_capacity(CHUNK + 64 * 1024),
            letters: (0..columns).map(|c| column_letters(u32::from(c))).collect(),
            date_style: date_style.to_string().into_bytes(),
            digits: Vec::with_capacity(8),
            first: 2,
            rows: 0,
        })
    }

    /// The same, with the first row at `row` (1-based) rather than 2.
    pub(crate) fn starting_at(mut self, row: u32) -> RowFile {
        self.first = row;
        self
    }

    /// The number of the next row, as digits.
    fn next_row(&mut self) -> u32 {
        let r = self.first + self.rows;
        self.digits.clear();
        push_u64(&mut self.digits, u64::from(r));
        r
    }

    fn flush_full(&mut self) -> std::io::Result<()> {
        self.rows += 1;
        if self.buf.len() >= CHUNK {
            let chunk = std::mem::replace(&mut self.buf, Vec::with_capacity(CHUNK + 64 * 1024));
            self.deflater.send(chunk)?;
        }
        Ok(())
    }

    /// Writes the next row: its height in points when it needs more than one line, and its
    /// cells in column order (an empty value writes no cell).
    pub(crate) fn write_row(&mut self, height: Option<f64>, cells: &[&Out]) -> std::io::Result<()> {
        self.next_row();
        push_row_open(&mut self.buf, &self.digits, height);
        for (v, col) in cells.iter().zip(&self.letters) {
            push_cell(&mut self.buf, col, &self.digits, v, &self.date_style);
        }
        self.buf.extend_from_slice(b"</row>");
        self.flush_full()
    }

    /// Ends the rows and returns them compressed (a stream that does not end: the part's
    /// tail follows).
    pub(crate) fn finish(mut self) -> std::io::Result<Deflated> {
        let last = std::mem::take(&mut self.buf);
        self.deflater.finish(last)
    }
}

/// Appends the decimal digits of `n`.
pub(crate) fn push_u64(b: &mut Vec<u8>, n: u64) {
    let mut tmp = [0u8; 20];
    let mut i = tmp.len();
    let mut n = n;
    loop {
        i -= 1;
        tmp[i] = b'0' + (n % 10) as u8;
        n /= 10;
        if n == 0 {
            break;
        }
    }
    b.extend_from_slice(&tmp[i..]);
}

/// The Excel serial number of a day (1900 date system), as Excel shows it: Excel counts a
/// 1900-02-29 that never was (serial 60), so days before 1900-03-01 count from 1899-12-31
/// (1900-01-01 is 1) and later ones from 1899-12-30. `None` before 1900-01-01, which no serial
/// shows.
pub(crate) fn excel_serial(d: chrono::NaiveDate) -> Option<u64> {
    let day = |y, m, dd| chrono::NaiveDate::from_ymd_opt(y, m, dd).unwrap_or_default();
    let epoch = if d < day(1900, 3, 1) {
        day(1899, 12, 31)
    } else {
        day(1899, 12, 30)
    };
    let n = (d - epoch).num_days();
    (n >= 1).then_some(n as u64)
}

fn needs_preserve(s: &str) -> bool {
    s.starts_with(char::is_whitespace)
        || s.ends_with(char::is_whitespace)
        || s.contains(['\n', '\t'])
}

/// Escapes text for a cell: XML's `&`, `<`, `>`; control characters and `\r` as Excel's
/// `_xHHHH_`; and a literal `_xHHHH_` in the text as `_x005F_xHHHH_`, so it reads back as itself.
pub(crate) fn escape_text(s: &str, b: &mut Vec<u8>) {
    let bytes = s.as_bytes();
    let mut start = 0;
    let mut i = 0;
    while i < bytes.len() {
        let c = bytes[i];
        let rep: Option<&[u8]> = match c {
            b'&' => Some(b"&amp;"),
            b'<' => Some(b"&lt;"),
            b'>' => Some(b"&gt;"),
            _ => None,
        };
        if let Some(rep) = rep {
            b.extend_from_slice(&bytes[start..i]);
            b.extend_from_slice(rep);
            i += 1;
            start = i;
            continue;
        }
        if (c < 0x20 && c != b'\t' && c != b'\n') || (c == b'_' && is_escape_at(bytes, i)) {
            b.extend_from_slice(&bytes[start..i]);
            if c == b'_' {
                b.extend_from_slice(b"_x005F");
            } else {
                b.extend_from_slice(format!("_x{:04X}_", c).as_bytes());
                i += 1;
                start = i;
                continue;
            }
            start = i;
            i += 1;
            continue;
        }
        // U+FFFE and U+FFFF are not XML characters.
        if c == 0xEF
            && bytes.get(i + 1) == Some(&0xBF)
            && matches!(bytes.get(i + 2), Some(0xBE | 0xBF))
        {
            b.extend_from_slice(&bytes[start..i]);
            b.extend_from_slice(if bytes[i + 2] == 0xBE {
                b"_xFFFE_"
            } else {
                b"_xFFFF_"
            });
            i += 3;
            start = i;
            continue;
        }
        i += 1;
    }
    b.extend_from_slice(&bytes[start..]);
}

/// True when `_xHHHH_` starts at `i`.
fn is_escape_at(bytes: &[u8], i: usize) -> bool {
    bytes.len() >= i + 7
        && bytes[i + 1] == b'x'
        && bytes[i + 2..i + 6].iter().all(u8::is_ascii_hexdigit)
        && bytes[i + 6] == b'_'
}

#[cfg(test)]
mod tests {
    use super::*;

    fn esc(s: &str) -> String {
        let mut b = Vec::new();
        escape_text(s, &mut b);
        String::from_utf8(b).unwrap()
    }

    #[test]
    fn escaping() {
        assert_eq!(esc("a&b<c>"), "a&amp;b&lt;c&gt;");
        assert_eq!(esc("x\u{1}y"), "x_x0001_y");
        assert_eq!(esc("a\r\nb"), "a_x000D_\nb");
        assert_eq!(esc("_x000D_"), "_x005F_x000D_");
        assert_eq!(esc("庆利_社区"), "庆利_社区");
        assert_eq!(esc("\u{FFFE}"), "_xFFFE_");
    }

    #[test]
    fn serials_as_excel_shows_them() {
        let d = |y, m, d| chrono::NaiveDate::from_ymd_opt(y, m, d).unwrap();
        assert_eq!(excel_serial(d(2023, 6, 30)), Some(45107));
        assert_eq!(excel_serial(d(1900, 1, 1)), Some(1));
        assert_eq!(excel_serial(d(1900, 2, 28)), Some(59));
        // Serial 60 is Excel's 1900-02-29, which no calendar has.
        assert_eq!(excel_serial(d(1900, 3, 1)), Some(61));
        assert_eq!(excel_serial(d(1899, 12, 31)), None);
    }
}
