//! The ledger sheet's rows, written as SpreadsheetML straight into a temporary file.
//!
//! A consolidated ledger has millions of cells of a few kinds; writing them through a general
//! workbook writer costs a format look-up and several copies per cell. This writer produces the
//! `<row>` elements of `sheetData` directly — inline strings, numbers, and dates in a style whose
//! index is only known once the rest of the workbook is written, so date cells carry a
//! placeholder that [`super::package`] replaces. The rows are spliced into the worksheet part
//! rust_xlsxwriter writes (with its header row, columns, filter and print setup) when the
//! workbook is finished.

use super::columns::Out;
use crate::source::grid::column_letters;
use std::io::{BufWriter, Seek, Write};

/// The byte standing for the date style's index in `s="…"` until the index is known.
pub const DATE_STYLE_PLACEHOLDER: u8 = 0x01;

/// Rows of one ledger sheet, in a temporary file.
#[derive(Debug)]
pub struct RowFile {
    out: BufWriter<std::fs::File>,
    buf: Vec<u8>,
    letters: Vec<String>,
    /// Data rows written.
    pub rows: u32,
}

impl RowFile {
    /// A new, empty row file for a sheet of `columns` columns.
    pub fn new(columns: u16) -> std::io::Result<RowFile> {
        Ok(RowFile {
            out: BufWriter::with_capacity(1 << 20, tempfile::tempfile()?),
            buf: Vec::with_capacity(4096),
            letters: (0..columns).map(|c| column_letters(u32::from(c))).collect(),
            rows: 0,
        })
    }

    /// Writes one row (0-based `row`), its height in points when it needs more than one line,
    /// and its cells in column order (an empty value writes no cell).
    pub fn write_row(
        &mut self,
        row: u32,
        height: Option<f64>,
        cells: &[&Out],
    ) -> std::io::Result<()> {
        let r = row + 1;
        let b = &mut self.buf;
        b.clear();
        b.extend_from_slice(b"<row r=\"");
        push_u64(b, u64::from(r));
        b.push(b'"');
        if let Some(h) = height {
            b.extend_from_slice(b" ht=\"");
            b.extend_from_slice(crate::source::grid::format_number(h).as_bytes());
            b.extend_from_slice(b"\" customHeight=\"1\"");
        }
        b.push(b'>');
        for (i, v) in cells.iter().enumerate() {
            let col = &self.letters[i];
            match v {
                Out::Empty => continue,
                Out::Text(t) => {
                    b.extend_from_slice(b"<c r=\"");
                    b.extend_from_slice(col.as_bytes());
                    push_u64(b, u64::from(r));
                    b.extend_from_slice(b"\" t=\"inlineStr\"><is><t");
                    if needs_preserve(t) {
                        b.extend_from_slice(b" xml:space=\"preserve\"");
                    }
                    b.push(b'>');
                    escape_text(t, b);
                    b.extend_from_slice(b"</t></is></c>");
                }
                Out::Number(n) => {
                    b.extend_from_slice(b"<c r=\"");
                    b.extend_from_slice(col.as_bytes());
                    push_u64(b, u64::from(r));
                    b.extend_from_slice(b"\"><v>");
                    b.extend_from_slice(crate::source::grid::format_number(*n).as_bytes());
                    b.extend_from_slice(b"</v></c>");
                }
                Out::Date(d) => {
                    b.extend_from_slice(b"<c r=\"");
                    b.extend_from_slice(col.as_bytes());
                    push_u64(b, u64::from(r));
                    b.extend_from_slice(b"\" s=\"");
                    b.push(DATE_STYLE_PLACEHOLDER);
                    b.extend_from_slice(b"\"><v>");
                    push_u64(b, excel_serial(*d));
                    b.extend_from_slice(b"</v></c>");
                }
            }
        }
        b.extend_from_slice(b"</row>");
        self.out.write_all(b)?;
        self.rows += 1;
        Ok(())
    }

    /// The rows written, rewound for reading.
    pub fn into_file(self) -> std::io::Result<std::fs::File> {
        let mut f = self.out.into_inner().map_err(|e| e.into_error())?;
        f.rewind()?;
        Ok(f)
    }
}

fn push_u64(b: &mut Vec<u8>, n: u64) {
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

/// The Excel serial number of a day (1900 date system).
pub fn excel_serial(d: chrono::NaiveDate) -> u64 {
    let epoch = chrono::NaiveDate::from_ymd_opt(1899, 12, 30).unwrap_or_default();
    (d - epoch).num_days().max(0) as u64
}

fn needs_preserve(s: &str) -> bool {
    s.starts_with(char::is_whitespace)
        || s.ends_with(char::is_whitespace)
        || s.contains(['\n', '\t'])
}

/// Escapes text for a cell: XML's `&`, `<`, `>`; control characters and `\r` as Excel's
/// `_xHHHH_`; and a literal `_xHHHH_` in the text as `_x005F_xHHHH_`, so it reads back as itself.
pub fn escape_text(s: &str, b: &mut Vec<u8>) {
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
    fn serials() {
        assert_eq!(
            excel_serial(chrono::NaiveDate::from_ymd_opt(2023, 6, 30).unwrap()),
            45107
        );
    }
}
