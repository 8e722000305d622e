//! An `.xls` workbook stream's records, scanned before calamine reads them.

use super::Limits;
use crate::source::SourceError;

/// What a BIFF workbook stream's records say before calamine reads it.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub(crate) struct BiffShape {
    /// For each sheet the workbook lists (its `BOUNDSHEET` records, in order), the box of its
    /// value cells: (rows, columns); (0, 0) for a sheet without cells.
    pub(crate) sheets: Vec<(u64, u64)>,
}

/// The records of a BIFF stream from an offset: (type, data), as calamine walks them (a
/// record cut short by the end of the stream ends the walk).
fn biff_records(stream: &[u8], from: usize) -> impl Iterator<Item = (u16, &[u8])> {
    let mut at = from;
    std::iter::from_fn(move || {
        let head = stream.get(at..at + 4)?;
        let typ = u16::from_le_bytes([head[0], head[1]]);
        let len = usize::from(u16::from_le_bytes([head[2], head[3]]));
        let data = stream.get(at + 4..at + 4 + len)?;
        at += 4 + len;
        Some((typ, data))
    })
}

fn u16_at(d: &[u8], o: usize) -> Option<u32> {
    Some(u32::from(u16::from_le_bytes([*d.get(o)?, *d.get(o + 1)?])))
}

fn u32_at(d: &[u8], o: usize) -> Option<u32> {
    Some(u32::from_le_bytes(d.get(o..o + 4)?.try_into().ok()?))
}

/// An upper bound of the UTF-8 bytes of each string of a shared-string table (`SST` and its
/// `CONTINUE` records), walked as calamine walks it: 3 bytes per declared character.
fn sst_text_bytes(pieces: &[&[u8]]) -> Vec<u64> {
    let mut lens = Vec::new();
    let Some((first, rest)) = pieces.split_first() else {
        return lens;
    };
    let mut cur: &[u8] = first.get(8..).unwrap_or(&[]);
    let mut rest = rest.iter();
    loop {
        if cur.is_empty() {
            match rest.next() {
                Some(p) => {
                    cur = p;
                    if cur.is_empty() {
                        lens.push(0);
                    }
                    continue;
                }
                None => return lens,
            }
        }
        if cur.len() < 3 {
            return lens;
        }
        let cch = u64::from(u16::from_le_bytes([cur[0], cur[1]]));
        let flags = cur[2];
        cur = &cur[3..];
        let mut skip = 0usize;
        if flags & 0x8 != 0 {
            let Some(runs) = u16_at(cur, 0) else {
                return lens;
            };
            skip += runs as usize * 4;
            cur = &cur[2..];
        }
        if flags & 0x4 != 0 {
            let Some(ext) = u32_at(cur, 0) else {
                return lens;
            };
            skip += ext as usize;
            cur = &cur[4..];
        }
        lens.push(cch * 3);
        // The characters, which may go on in CONTINUE records, each opening with a flags byte.
        let (mut left, mut wide) = (cch as usize, flags & 1 != 0);
        loop {
            let width = if wide { 2 } else { 1 };
            let take = left.min(cur.len() / width);
            cur = &cur[take * width..];
            left -= take;
            if left == 0 {
                break;
            }
            match rest.next() {
                Some(p) if !p.is_empty() => {
                    wide = p[0] & 1 != 0;
                    cur = &p[1..];
                }
                _ => return lens,
            }
        }
        // Rich-text runs and phonetic data, which may also go on in CONTINUE records.
        while skip > 0 {
            if cur.is_empty() {
                match rest.next() {
                    Some(p) => cur = p,
                    None => return lens,
                }
                continue;
            }
            let n = skip.min(cur.len());
            cur = &cur[n..];
            skip -= n;
        }
    }
}

/// Scans an `.xls` workbook stream's records before calamine reads it, as calamine will: a
/// `FILEPASS` record means the workbook is encrypted (XOR obfuscation or RC4, which calamine
/// reads as garbage). calamine then reads *every* sheet the workbook lists, at whatever offset
/// it gives (two entries may name the same substream), into dense boxes of values and of
/// formulas, reserving room for the cells a `DIMENSIONS` record declares and copying a shared
/// string into each cell that refers to it. So each listed sheet's declared and used boxes are
/// held to [`Limits::max_dense_cells`], the sum of the used boxes over all listed sheets too,
/// and the text the cells of all sheets will hold (shared strings copied, formulas written
/// out; upper bounds) to [`Limits::max_text_bytes`].
pub(crate) fn check_biff(stream: &[u8], limits: &Limits) -> Result<BiffShape, SourceError> {
    let mut shape = BiffShape::default();
    let mut offsets = Vec::new();
    let mut sst: Vec<&[u8]> = Vec::new();
    let mut in_sst = false;
    let mut longest_name = 0u64;
    for (typ, data) in biff_records(stream, 0) {
        match typ {
            0x002F => return Err(SourceError::Encrypted),
            0x0085 => {
                offsets.extend(u32_at(data, 0));
                longest_name = longest_name.max(data.get(6).map_or(0, |&n| u64::from(n)));
            }
            0x0018 => longest_name = longest_name.max(data.get(3).map_or(0, |&n| u64::from(n))),
            0x00FC => {
                sst = vec![data];
                in_sst = true;
                continue;
            }
            0x003C if in_sst => {
                sst.push(data);
                continue;
            }
            0x000A => break,
            _ => {}
        }
        in_sst = false;
    }
    if offsets.len() > limits.max_sheets {
        return Err(SourceError::TooLarge(format!(
            "{} sheets (limit {})",
            offsets.len(),
            limits.max_sheets
        )));
    }
    let strings = sst_text_bytes(&sst);
    // A formula's text grows from its tokens: a 5-byte name or sheet reference becomes the
    // name (up to 255 characters), a function token its name and parentheses.
    let formula_growth = 8 + longest_name * 3 / 5;
    let dense = limits.max_dense_cells as u64;
    let (mut cells_total, mut text_total) = (0u64, 0u64);
    for (i, &offset) in offsets.iter().enumerate() {
        let sheet = i + 1;
        let too_large = |what: String| SourceError::TooLarge(format!("sheet {sheet} {what}"));
        // (first row, last row, first column, last column) of the values and of the formulas
        let mut values: Option<(u32, u32, u32, u32)> = None;
        let mut formulas: Option<(u32, u32, u32, u32)> = None;
        let widen = |b: &mut Option<(u32, u32, u32, u32)>, r: u32, c0: u32, c1: u32| {
            let b = b.get_or_insert((r, r, c0, c1));
            *b = (b.0.min(r), b.1.max(r), b.2.min(c0), b.3.max(c1));
        };
        let (mut seen_bof, mut depth) = (false, 0usize);
        for (typ, data) in biff_records(stream, offset as usize) {
            if depth > 0 {
                match typ {
                    0x0809 => depth += 1,
                    0x000A => depth -= 1,
                    _ => {}
                }
                continue;
            }
            let rc = || Some((u16_at(data, 0)?, u16_at(data, 2)?));
            match typ {
                0x0809 if seen_bof => depth += 1,
                0x0809 => seen_bof = true,
                0x000A => break,
                0x002F => return Err(SourceError::Encrypted),
                0x0200 => {
                    let dims = match data.len() {
                        10 => (
                            u16_at(data, 0),
                            u16_at(data, 2),
                            u16_at(data, 4),
                            u16_at(data, 6),
                        ),
                        14 | 16 => (
                            u32_at(data, 0),
                            u32_at(data, 4),
                            u16_at(data, 8),
                            u16_at(data, 10),
                        ),
                        _ => continue,
                    };
                    let (Some(rf), Some(rl), Some(cf), Some(cl)) = dims else {
                        continue;
                    };
                    let cf = if 0xFF < cf || cl < cf { 0 } else { cf };
                    let (er, ec) = if rl >= 1 && cl >= 1 {
                        (rl - 1, cl - 1)
                    } else {
                        (rf, cf)
                    };
                    let rows = u64::from(er.wrapping_sub(rf).wrapping_add(1));
                    let cols = u64::from(ec.wrapping_sub(cf).wrapping_add(1));
                    if rows.saturating_mul(cols) > dense {
                        return Err(too_large(format!(
                            "declares {rows} rows by {cols} columns (limit {dense} cells)"
                        )));
                    }
                }
                // NUMBER, LABEL, RSTRING, BOOLERR, RK
                0x0203 | 0x0204 | 0x00D6 | 0x0205 | 0x027E => {
                    if let Some((r, c)) = rc() {
                        widen(&mut values, r, c, c);
                    }
                }
                // LABELSST: the cell copies its shared string
                0x00FD => {
                    if let (Some((r, c)), Some(idx)) = (rc(), u32_at(data, 6))
                        && let Some(len) = strings.get(idx as usize)
                    {
                        widen(&mut values, r, c, c);
                        text_total += len;
                    }
                }
                // FORMULA: a value (or a STRING record after it) and the formula's text
                0x0006 => {
                    if let Some((r, c)) = rc() {
                        widen(&mut values, r, c, c);
                        widen(&mut formulas, r, c, c);
                        text_total += data.len() as u64 * formula_growth;
                    }
                }
                // MULRK: row, first column, …, last column
                0x00BD if data.len() >= 6 => {
                    if let (Some((r, c0)), Some(c1)) = (rc(), u16_at(data, data.len() - 2)) {
                        widen(&mut values, r, c0, c1.max(c0));
                    }
                }
                _ => {}
            }
        }
        let area = |b: Option<(u32, u32, u32, u32)>| {
            b.map_or((0, 0), |(r0, r1, c0, c1)| {
                (u64::from(r1 - r0) + 1, u64::from(c1 - c0) + 1)
            })
        };
        let (rows, cols) = area(values);
        if rows * cols > dense {
            return Err(too_large(format!(
                "spans {rows} rows by {cols} columns (limit {dense} cells)"
            )));
        }
        let (frows, fcols) = area(formulas);
        cells_total += rows * cols + frows * fcols;
        if cells_total > dense {
            return Err(SourceError::TooLarge(format!(
                "its {} sheets span more than {dense} cells together",
                offsets.len()
            )));
        }
        if text_total > limits.max_text_bytes {
            return Err(SourceError::TooLarge(format!(
                "its cells' text would take more than {} MiB once read",
                limits.max_text_bytes >> 20
            )));
        }
        shape.sheets.push((rows, cols));
    }
    Ok(shape)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn record(typ: u16, data: &[u8]) -> Vec<u8> {
        let mut v = typ.to_le_bytes().to_vec();
        v.extend_from_slice(&(data.len() as u16).to_le_bytes());
        v.extend_from_slice(data);
        v
    }

    /// A BIFF8 stream: globals (with the given extra records) listing `sheets`, then the sheets.
    fn biff(globals_extra: &[Vec<u8>], sheets: &[Vec<Vec<u8>>], listed: &[usize]) -> Vec<u8> {
        let bof = |dt: u8| record(0x0809, &[0, 6, dt, 0]);
        let boundsheet = |at: u32| {
            let mut d = at.to_le_bytes().to_vec();
            d.extend_from_slice(&[0, 0, 1, 0, b'S']);
            record(0x0085, &d)
        };
        let bodies: Vec<Vec<u8>> = sheets
            .iter()
            .map(|recs| {
                [vec![bof(0x10)], recs.clone(), vec![record(0x000A, &[])]]
                    .concat()
                    .concat()
            })
            .collect();
        let globals_len = |n: usize| {
            bof(5).len()
                + globals_extra.iter().map(Vec::len).sum::<usize>()
                + n * boundsheet(0).len()
                + 4
        };
        let mut at = globals_len(listed.len());
        let mut starts = Vec::new();
        for b in &bodies {
            starts.push(at as u32);
            at += b.len();
        }
        let mut out = bof(5);
        for r in globals_extra {
            out.extend_from_slice(r);
        }
        for &i in listed {
            out.extend(boundsheet(starts[i]));
        }
        out.extend(record(0x000A, &[]));
        for b in bodies {
            out.extend(b);
        }
        out
    }

    fn number(r: u16, c: u16) -> Vec<u8> {
        let mut d = r.to_le_bytes().to_vec();
        d.extend_from_slice(&c.to_le_bytes());
        d.extend_from_slice(&[0; 10]);
        record(0x0203, &d)
    }

    #[test]
    fn biff_records_reveal_encryption_and_oversized_sheets() {
        let limits = Limits::default();
        let ok = biff(&[], &[vec![number(0, 0), number(9, 3)]], &[0]);
        assert_eq!(check_biff(&ok, &limits).unwrap().sheets, vec![(10, 4)]);
        let big = biff(&[], &[vec![number(0, 0), number(65535, 255)]], &[0]);
        let err = check_biff(&big, &limits).unwrap_err();
        assert!(
            err.to_string().contains("65536 rows by 256 columns"),
            "{err}"
        );
        let enc = biff(&[record(0x002F, &[0, 0, 1, 2, 3, 4])], &[], &[]);
        assert!(matches!(
            check_biff(&enc, &limits),
            Err(SourceError::Encrypted)
        ));
    }

    #[test]
    fn biff_dimensions_and_sheets_listed_twice_count() {
        let limits = Limits::default();
        // DIMENSIONS declaring 2^32 - 1 rows (as the fuzzer found), 10 columns.
        let mut dims = 0u32.to_le_bytes().to_vec();
        dims.extend_from_slice(&u32::MAX.to_le_bytes());
        dims.extend_from_slice(&[0, 0, 10, 0, 0, 0]);
        let declared = biff(&[], &[vec![record(0x0200, &dims), number(0, 0)]], &[0]);
        let err = check_biff(&declared, &limits).unwrap_err();
        assert!(err.to_string().contains("declares"), "{err}");
        // 2000 x 1000 cells: within the limit once, over it when listed five times.
        let sheet = vec![number(0, 0), number(1999, 999)];
        let once = biff(&[], std::slice::from_ref(&sheet), &[0]);
        assert_eq!(
            check_biff(&once, &limits).unwrap().sheets,
            vec![(2000, 1000)]
        );
        let five = biff(&[], &[sheet], &[0, 0, 0, 0, 0]);
        let err = check_biff(&five, &limits).unwrap_err();
        assert!(err.to_string().contains("5 sheets span more than"), "{err}");
    }

    #[test]
    fn biff_shared_strings_copied_into_many_cells_count() {
        // One shared string of 60,000 wide characters, split over a CONTINUE record.
        let mut sst = 1u32.to_le_bytes().to_vec();
        sst.extend_from_slice(&1u32.to_le_bytes());
        sst.extend_from_slice(&60_000u16.to_le_bytes());
        sst.push(1);
        sst.extend(std::iter::repeat_n(0x41, 8000));
        let mut cont = vec![1u8];
        cont.extend(std::iter::repeat_n(0x41, 8000));
        assert_eq!(sst_text_bytes(&[&sst, &cont]), vec![180_000]);
        let labelsst = |r: u16, c: u16| {
            let mut d = r.to_le_bytes().to_vec();
            d.extend_from_slice(&c.to_le_bytes());
            d.extend_from_slice(&[0, 0, 0, 0, 0, 0]);
            record(0x00FD, &d)
        };
        let globals = [record(0x00FC, &sst), record(0x003C, &cont)];
        let few: Vec<_> = (0..100).map(|r| labelsst(r, 0)).collect();
        assert!(check_biff(&biff(&globals, &[few], &[0]), &Limits::default()).is_ok());
        // 6,000 cells of 180,000 bytes each: more than 1 GiB once read.
        let many: Vec<_> = (0..6000).map(|r| labelsst(r, 0)).collect();
        let err = check_biff(&biff(&globals, &[many], &[0]), &Limits::default()).unwrap_err();
        assert!(err.to_string().contains("text would take"), "{err}");
    }
}
