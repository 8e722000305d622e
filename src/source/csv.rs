//! CSV ledgers: UTF-8 (with or without BOM), UTF-16/32 with a BOM, else GB18030 — the default
//! encoding of CSV saved by Chinese Excel and WPS.
//!
//! The delimiter is a `sep=` first line when there is one, else whichever of `,` `\t` `;` `|`
//! splits the first lines most consistently. Quoted fields may hold line breaks; each record is
//! one row of the grid, whatever the line it started on.

use crate::source::SourceError;
use crate::source::grid::{CellValue, Sheet};
use crate::source::guard::Limits;
use encoding_rs::{GB18030, UTF_16BE, UTF_16LE};

/// The text encodings a CSV file is read in.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum TextEncoding {
    /// UTF-8, with or without a byte-order mark.
    Utf8,
    /// UTF-16 (little or big endian), with a byte-order mark.
    Utf16,
    /// UTF-32 (little or big endian), with a byte-order mark.
    Utf32,
    /// GB18030 (a superset of GBK and GB2312).
    Gb18030,
}

/// Decodes CSV bytes to text, choosing the encoding as the module describes.
pub(crate) fn decode(bytes: &[u8]) -> Result<(String, TextEncoding), SourceError> {
    if let Some(rest) = bytes.strip_prefix(&[0xEF, 0xBB, 0xBF]) {
        return String::from_utf8(rest.to_vec())
            .map(|s| (s, TextEncoding::Utf8))
            .map_err(|e| {
                SourceError::Corrupt(format!(
                    "the file starts with a UTF-8 byte-order mark but byte {} is not UTF-8",
                    e.utf8_error().valid_up_to() + 3
                ))
            });
    }
    if bytes.starts_with(&[0xFF, 0xFE, 0, 0]) || bytes.starts_with(&[0, 0, 0xFE, 0xFF]) {
        return decode_utf32(bytes).map(|s| (s, TextEncoding::Utf32));
    }
    if bytes.starts_with(&[0xFF, 0xFE]) || bytes.starts_with(&[0xFE, 0xFF]) {
        let enc = if bytes[0] == 0xFF { UTF_16LE } else { UTF_16BE };
        let (text, had_errors) = enc.decode_with_bom_removal(bytes);
        if had_errors {
            return Err(SourceError::Corrupt(
                "the file starts with a UTF-16 byte-order mark but is not UTF-16 text".into(),
            ));
        }
        return Ok((text.into_owned(), TextEncoding::Utf16));
    }
    if let Some(enc) = bomless_utf16_or_32(bytes) {
        return Ok(enc);
    }
    if let Some(pos) = bytes.iter().position(|b| *b == 0) {
        return Err(SourceError::Unsupported(
            crate::source::Unsupported::Binary(pos),
        ));
    }
    match std::str::from_utf8(bytes) {
        Ok(s) => Ok((s.to_string(), TextEncoding::Utf8)),
        Err(utf8) => {
            let (text, _, had_errors) = GB18030.decode(bytes);
            if had_errors {
                Err(SourceError::Unsupported(
                    crate::source::Unsupported::Encoding(utf8.valid_up_to()),
                ))
            } else {
                Ok((text.into_owned(), TextEncoding::Gb18030))
            }
        }
    }
}

/// UTF-16 or UTF-32 text without a byte-order mark, recognised by where its NUL bytes fall:
/// delimiters and digits put a NUL in every other byte (UTF-16) or in the top bytes of every
/// four (UTF-32), at one parity only. The decoded text must also read as text (no stray control
/// or private-use characters), so binary noise is not taken for it.
fn bomless_utf16_or_32(bytes: &[u8]) -> Option<(String, TextEncoding)> {
    let n = bytes.len().min(8192);
    if n < 8 || !bytes.contains(&0) {
        return None;
    }
    let head = &bytes[..n - n % 4];
    let zeros_at = |k: usize, m: usize| head.iter().skip(k).step_by(m).filter(|b| **b == 0).count();
    let quarter = head.len() / 4;
    let readable = |s: &str| {
        let bad = s
            .chars()
            .filter(|c| {
                (c.is_control() && !matches!(c, '\t' | '\n' | '\r'))
                    || ('\u{E000}'..='\u{F8FF}').contains(c)
                    || matches!(c, '\u{FFFE}' | '\u{FFFF}' | '\u{FFFD}')
            })
            .count();
        bad * 100 <= s.chars().count()
    };
    let utf32 = |le: bool| -> Option<String> {
        let mut out = String::new();
        for c in bytes.chunks_exact(4) {
            let v = if le {
                u32::from_le_bytes([c[0], c[1], c[2], c[3]])
            } else {
                u32::from_be_bytes([c[0], c[1], c[2], c[3]])
            };
            out.push(char::from_u32(v)?);
        }
        Some(out)
    };
    if bytes.len().is_multiple_of(4) {
        let le = zeros_at(3, 4) == quarter && zeros_at(2, 4) * 10 >= quarter * 9;
        let be = zeros_at(0, 4) == quarter && zeros_at(1, 4) * 10 >= quarter * 9;
        if (le || be)
            && let Some(s) = utf32(le).filter(|s| readable(s))
        {
            return Some((s, TextEncoding::Utf32));
        }
    }
    if !bytes.len().is_multiple_of(2) {
        return None;
    }
    let (odd, even) = (zeros_at(1, 2), zeros_at(0, 2));
    let enc = if odd > 0 && odd >= 3 * even {
        UTF_16LE
    } else if even > 0 && even >= 3 * odd {
        UTF_16BE
    } else {
        return None;
    };
    let (text, _, had_errors) = enc.decode(bytes);
    (!had_errors && readable(&text)).then(|| (text.into_owned(), TextEncoding::Utf16))
}

fn decode_utf32(bytes: &[u8]) -> Result<String, SourceError> {
    let le = bytes[0] == 0xFF;
    let mut out = String::with_capacity(bytes.len() / 4);
    for (i, c) in bytes[4..].chunks(4).enumerate() {
        let [a, b, c2, d] = c else {
            return Err(SourceError::Corrupt(
                "UTF-32 text ends mid-character".into(),
            ));
        };
        let v = if le {
            u32::from_le_bytes([*a, *b, *c2, *d])
        } else {
            u32::from_be_bytes([*a, *b, *c2, *d])
        };
        out.push(char::from_u32(v).ok_or_else(|| {
            SourceError::Corrupt(format!("invalid UTF-32 character at offset {}", 4 + 4 * i))
        })?);
    }
    Ok(out)
}

/// Picks the delimiter and returns it with the text that follows a `sep=` line, if any.
fn delimiter(text: &str) -> (u8, &str) {
    let first = text.lines().next().unwrap_or("");
    if let Some(sep) = first.trim().strip_prefix("sep=")
        && sep.len() == 1
    {
        let rest = text.split_once('\n').map_or("", |(_, r)| r);
        return (sep.as_bytes()[0], rest);
    }
    let sample: Vec<&str> = text.lines().take(20).collect();
    let mut best = (b',', 0usize);
    for d in [b',', b'\t', b';', b'|'] {
        let counts: Vec<usize> = sample
            .iter()
            .map(|l| count_outside_quotes(l, d as char))
            .collect();
        let lines_with = counts.iter().filter(|c| **c > 0).count();
        if lines_with > best.1 {
            best = (d, lines_with);
        }
    }
    (best.0, text)
}

fn count_outside_quotes(line: &str, d: char) -> usize {
    let mut quoted = false;
    line.chars()
        .filter(|c| {
            if *c == '"' {
                quoted = !quoted;
            }
            !quoted && *c == d
        })
        .count()
}

/// Reads a CSV file into one sheet named after the file.
pub(crate) fn read_csv(
    bytes: &[u8],
    sheet_name: &str,
    limits: &Limits,
) -> Result<Sheet, SourceError> {
    let (text, _) = decode(bytes)?;
    let (delim, body) = delimiter(&text);
    let mut reader = csv::ReaderBuilder::new()
        .has_headers(false)
        .flexible(true)
        .delimiter(delim)
        .from_reader(body.as_bytes());
    let mut cells: Vec<(u32, u32, CellValue)> = Vec::new();
    let mut record = csv::StringRecord::new();
    let mut row: u32 = 0;
    loop {
        match reader.read_record(&mut record) {
            Ok(false) => break,
            Ok(true) => {}
            Err(e) => {
                return Err(SourceError::Corrupt(format!(
                    "CSV record {}: {e}",
                    row as u64 + 1
                )));
            }
        }
        if row as u64 >= 1_048_576 {
            return Err(SourceError::TooLarge(
                "more than 1,048,576 rows in one CSV file".into(),
            ));
        }
        if record.len() > 16_384 {
            return Err(SourceError::TooLarge(format!(
                "row {} has {} fields (a sheet holds at most 16,384 columns)",
                row + 1,
                record.len()
            )));
        }
        for (col, field) in record.iter().enumerate() {
            if !field.trim().is_empty() {
                if cells.len() >= limits.max_cells_per_sheet {
                    return Err(SourceError::TooLarge(format!(
                        "more than {} non-empty cells",
                        limits.max_cells_per_sheet
                    )));
                }
                cells.push((row, col as u32, CellValue::Text(field.to_string())));
            }
        }
        row += 1;
    }
    let mut sheet = Sheet::from_cells(sheet_name, cells);
    sheet.merges_known = false;
    Ok(sheet)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn read(bytes: &[u8]) -> Sheet {
        read_csv(bytes, "s", &Limits::default()).unwrap()
    }

    fn text(s: &Sheet, r: u32, c: u32) -> String {
        s.value(r, c).map(|v| v.display()).unwrap_or_default()
    }

    #[test]
    fn utf8_with_and_without_bom() {
        let s = read("序号,反馈问题\n1,问题一\n".as_bytes());
        assert_eq!(text(&s, 1, 1), "问题一");
        let mut b = vec![0xEF, 0xBB, 0xBF];
        b.extend_from_slice("序号,反馈问题\n".as_bytes());
        assert_eq!(text(&read(&b), 0, 0), "序号");
    }

    #[test]
    fn gb18030() {
        let (b, _, _) = GB18030.encode("序号,整改措施\r\n1,\"一是召开会议;\r\n二是制定方案\"\r\n");
        let s = read(&b);
        assert_eq!(text(&s, 1, 1), "一是召开会议;\r\n二是制定方案");
    }

    #[test]
    fn utf16_and_utf32_with_bom() {
        let mut b = vec![0xFF, 0xFE];
        for u in "a;b\n社区;2\n".encode_utf16() {
            b.extend_from_slice(&u.to_le_bytes());
        }
        let s = read(&b);
        assert_eq!(text(&s, 1, 0), "社区");
        let mut b = vec![0, 0, 0xFE, 0xFF];
        for c in "x,社区\n".chars() {
            b.extend_from_slice(&(c as u32).to_be_bytes());
        }
        assert_eq!(text(&read(&b), 0, 1), "社区");
    }

    #[test]
    fn utf16_and_utf32_without_bom() {
        let le: Vec<u8> = "序号,反馈问题\n1,问题\n"
            .encode_utf16()
            .flat_map(|u| u.to_le_bytes())
            .collect();
        assert_eq!(text(&read(&le), 1, 1), "问题");
        let be: Vec<u8> = "a,b,c\n1,2,社区\n"
            .encode_utf16()
            .flat_map(|u| u.to_be_bytes())
            .collect();
        assert_eq!(text(&read(&be), 1, 2), "社区");
        let le32: Vec<u8> = "a,b\n1,社区\n"
            .chars()
            .flat_map(|c| (c as u32).to_le_bytes())
            .collect();
        assert_eq!(text(&read(&le32), 1, 1), "社区");
    }

    #[test]
    fn delimiters_and_sep_line() {
        let s = read(b"sep=;\na;b\n1;2\n");
        assert_eq!(text(&s, 1, 1), "2");
        let s = read(b"a\tb\tc\n1\t2\t3\n");
        assert_eq!(text(&s, 1, 2), "3");
        let s = read(b"a|b\r1|2\r");
        assert_eq!(text(&s, 1, 1), "2");
    }

    #[test]
    fn binary_noise_is_refused() {
        let e = read_csv(&[0x50, 0x4B, 0x00, 0x01, 0xFF], "s", &Limits::default()).unwrap_err();
        assert!(e.to_string().contains("binary"), "{e}");
        let e = read_csv(&[0xFF, 0xFF, 0x81, 0x20], "s", &Limits::default()).unwrap_err();
        assert!(e.to_string().contains("GB18030"), "{e}");
    }
}

#[cfg(test)]
mod examples {
    //! The examples of crate-private items, once in their documentation.

    /// `source::csv::decode`
    #[test]
    fn csv_decode() {
        use crate::source::csv::{TextEncoding, decode};
        let (gbk, _, _) = encoding_rs::GB18030.encode("庆利社区");
        assert_eq!(
            decode(&gbk).unwrap(),
            ("庆利社区".to_string(), TextEncoding::Gb18030)
        );
    }
}
