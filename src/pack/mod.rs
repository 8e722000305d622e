//! The zip packer: a workbook package finished with rows compressed elsewhere.
//!
//! The worksheet parts rust_xlsxwriter wrote for the ledger, findings and sources sheets (header
//! rows, columns, filter, conditional formats, print setup) get rows spliced into their
//! `sheetData`; every other part is copied as written, without being inflated again. The rows
//! arrive already deflated in sync-flushed segments ([`deflate`]), so they can be compressed on
//! many threads and joined here in order, with their CRC-32s combined ([`zipout`]).
//!
//! The interface is narrow: [`deflate::Segment`] and [`deflate::Deflater`] compress rows,
//! [`deflate::SegmentFile`] collects a sheet's segments, and [`finish_package`] writes the
//! package with each [`Splice`] in place.

pub(crate) mod deflate;
pub(crate) mod zipout;

use crate::source::package::{attr, part_text, sheet_parts};
use deflate::Deflated;
use std::collections::HashMap;
use std::io::{Read, Seek, Write};
use zipout::{Method, ZipOut};

/// A sheet's rows, to go into the worksheet part of the sheet of that name.
pub(crate) struct Splice {
    /// The sheet's name.
    pub(crate) sheet: String,
    /// Its rows, compressed as they were written (not ending the stream).
    pub(crate) rows: Deflated,
    /// The last row (1-based) the sheet holds, for its dimension.
    pub(crate) last_row: u32,
    /// Its last column's letters, for its dimension.
    pub(crate) last_col: String,
}

/// Adds to `w` the deflated entry `name` whose data is `head`, then the bytes `body` holds
/// compressed apart, then `tail`: the head and the tail are compressed here at `level` as the
/// segments before and after the body, and the three CRCs combined. A part made mostly of rows
/// compressed as they came (a sheet, a document's body) is written without inflating them.
pub(crate) fn add_around<W: Write>(
    w: &mut ZipOut<W>,
    name: &str,
    head: &[u8],
    mut body: Deflated,
    tail: &[u8],
    level: u32,
) -> std::io::Result<()> {
    let (head_z, mut crc) = deflate::segment(head, level)?;
    let (tail_z, tail_crc) = deflate::final_segment(tail, level)?;
    crc.combine(&body.crc);
    crc.combine(&tail_crc);
    let size = (head.len() + tail.len()) as u64 + body.raw_len;
    let compressed = (head_z.len() + tail_z.len()) as u64 + body.len;
    w.add(
        name,
        Method::Deflated,
        crc.finalize(),
        size,
        compressed,
        |out| {
            out.write_all(&head_z)?;
            std::io::copy(&mut body.file, out)?;
            out.write_all(&tail_z)
        },
    )
}

/// The name of entry `i` of a zip package.
pub(crate) fn entry_name<R: Read + Seek>(
    zip: &mut zip::ZipArchive<R>,
    i: usize,
) -> Result<String, String> {
    let f = zip.by_index_raw(i).map_err(|e| e.to_string())?;
    Ok(f.name().map_err(|e| e.to_string())?.into_owned())
}

/// Copies entry `i` of `zip` into `w` as it is stored, without inflating it.
pub(crate) fn copy_entry<R: Read + Seek, W: Write>(
    zip: &mut zip::ZipArchive<R>,
    i: usize,
    w: &mut ZipOut<W>,
) -> Result<(), String> {
    let mut f = zip.by_index_raw(i).map_err(|e| e.to_string())?;
    let name = f.name().map_err(|e| e.to_string())?.into_owned();
    let method = match f.compression() {
        zip::CompressionMethod::Stored => Method::Stored,
        zip::CompressionMethod::Deflated => Method::Deflated,
        other => return Err(format!("{name}: unexpected compression {other:?}")),
    };
    let (crc, size, compressed) = (f.crc32(), f.size(), f.compressed_size());
    w.add(&name, method, crc, size, compressed, |out| {
        std::io::copy(&mut f, out).map(|_| ())
    })
    .map_err(|e| e.to_string())
}

/// The `<xf …>` element of cell format `index` in `styles.xml`, with its children.
fn cell_format(styles: &str, index: u32) -> Option<&str> {
    let start = styles.find("<cellXfs")?;
    let end = start + styles[start..].find("</cellXfs>")?;
    let mut rest = &styles[start..end];
    let mut k = 0;
    loop {
        let at = rest[1..].find("<xf")? + 1;
        rest = &rest[at..];
        let next = rest[1..].find("<xf").map_or(rest.len(), |n| n + 1);
        if k == index {
            return Some(&rest[..next]);
        }
        k += 1;
    }
}

/// The number format code of cell format `index` in `styles.xml`, when it has one of its own.
fn number_format_code(styles: &str, index: u32) -> Option<String> {
    let id = attr(cell_format(styles, index)?, "numFmtId")?;
    let at = styles.find(&format!("<numFmt numFmtId=\"{id}\""))?;
    let end = at + styles[at..].find('>')?;
    attr(&styles[at..end], "formatCode")
}

/// Writes the finished package to `out`: `book` is the workbook rust_xlsxwriter wrote, whose
/// cell format `date_style` has the number format `date_code` the rows' date cells were written
/// to show, and whose cell format `centred_style` is centred (both checked here: rows and
/// styles must agree).
pub(crate) fn finish_package<R: Read + Seek, W: Write>(
    book: R,
    splices: Vec<Splice>,
    (date_style, date_code): (u32, &str),
    centred_style: u32,
    level: u32,
    out: W,
) -> Result<(), String> {
    let mut zip = zip::ZipArchive::new(book).map_err(|e| e.to_string())?;
    let parts = sheet_parts(&mut zip)?;
    {
        let styles = part_text(&mut zip, "xl/styles.xml")?;
        if !cell_format(&styles, centred_style)
            .is_some_and(|xf| xf.contains("horizontal=\"center\""))
        {
            return Err(format!(
                "the rows' centred cells were written in style {centred_style}, which is not centred"
            ));
        }
        let found = number_format_code(&styles, date_style);
        if found.as_deref().map(|c| c.replace("&quot;", "\"")) != Some(date_code.to_string()) {
            return Err(format!(
                "the rows' dates were written in style {date_style}, whose number format is \
                 {found:?}, not {date_code}"
            ));
        }
    }
    let mut by_part: HashMap<String, Splice> = HashMap::new();
    for s in splices {
        let part = parts
            .get(&s.sheet)
            .ok_or_else(|| format!("no part for sheet {}", s.sheet))?
            .clone();
        by_part.insert(part, s);
    }
    let err = |e: std::io::Error| e.to_string();
    let mut w = ZipOut::new(std::io::BufWriter::with_capacity(1 << 20, out));
    for i in 0..zip.len() {
        let name = entry_name(&mut zip, i)?;
        let Some(splice) = by_part.remove(&name) else {
            copy_entry(&mut zip, i, &mut w)?;
            continue;
        };
        let xml = part_text(&mut zip, &name)?;
        let cut = xml
            .rfind("</sheetData>")
            .ok_or_else(|| format!("{name}: no sheetData"))?;
        let (head, tail) = xml.split_at(cut);
        let head = patch_dimension(head, &format!("A1:{}{}", splice.last_col, splice.last_row));
        add_around(
            &mut w,
            &name,
            head.as_bytes(),
            splice.rows,
            tail.as_bytes(),
            level,
        )
        .map_err(err)?;
    }
    if let Some(part) = by_part.keys().next() {
        return Err(format!("{part}: not in the workbook"));
    }
    w.finish().and_then(|mut b| b.flush()).map_err(err)?;
    Ok(())
}

fn patch_dimension(head: &str, range: &str) -> String {
    match head.find("<dimension ref=\"") {
        Some(at) => {
            let start = at + "<dimension ref=\"".len();
            match head[start..].find('"') {
                Some(end) => format!("{}{}{}", &head[..start], range, &head[start + end..]),
                None => head.to_string(),
            }
        }
        None => head.to_string(),
    }
}
