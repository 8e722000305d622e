//! Finishing the consolidated workbook's package: the worksheet parts rust_xlsxwriter wrote for
//! the ledger sheets (header row, columns, filter, conditional formats, print setup) get the
//! rows of [`super::rows`] spliced into their `sheetData`; every other part is copied as written,
//! without being inflated again.

use super::rows::DATE_STYLE_PLACEHOLDER;
use std::collections::HashMap;
use std::io::{BufRead, BufReader, Read, Seek, Write};

/// A ledger sheet's rows, to go into the worksheet part of the sheet of that name.
pub struct Splice {
    /// The sheet's name.
    pub sheet: String,
    /// Its rows, as [`super::rows::RowFile`] wrote them.
    pub rows: std::fs::File,
    /// The last row (1-based) the sheet holds, for its dimension.
    pub last_row: u32,
    /// Its last column's letters, for its dimension.
    pub last_col: String,
}

fn attr(tag: &str, name: &str) -> Option<String> {
    let key = format!("{name}=\"");
    let at = tag.find(&key)? + key.len();
    let end = tag[at..].find('"')?;
    Some(tag[at..at + end].to_string())
}

fn part_text<R: Read + Seek>(zip: &mut zip::ZipArchive<R>, name: &str) -> Result<String, String> {
    let mut s = String::new();
    zip.by_name(name)
        .map_err(|e| format!("{name}: {e}"))?
        .read_to_string(&mut s)
        .map_err(|e| format!("{name}: {e}"))?;
    Ok(s)
}

/// Sheet names to their worksheet parts (`xl/worksheets/sheet2.xml`), from `xl/workbook.xml`
/// and its relationships.
pub fn sheet_parts<R: Read + Seek>(
    zip: &mut zip::ZipArchive<R>,
) -> Result<HashMap<String, String>, String> {
    let book = part_text(zip, "xl/workbook.xml")?;
    let rels = part_text(zip, "xl/_rels/workbook.xml.rels")?;
    let mut targets = HashMap::new();
    for rel in rels.split("<Relationship ").skip(1) {
        if let (Some(id), Some(t)) = (attr(rel, "Id"), attr(rel, "Target")) {
            targets.insert(
                id,
                format!("xl/{}", t.trim_start_matches('/').trim_start_matches("xl/")),
            );
        }
    }
    let mut out = HashMap::new();
    for sheet in book.split("<sheet ").skip(1) {
        if let (Some(name), Some(id)) = (attr(sheet, "name"), attr(sheet, "r:id")) {
            let name = name
                .replace("&amp;", "&")
                .replace("&lt;", "<")
                .replace("&gt;", ">")
                .replace("&quot;", "\"")
                .replace("&apos;", "'");
            if let Some(t) = targets.get(&id) {
                out.insert(name, t.clone());
            }
        }
    }
    Ok(out)
}

/// The style index (`s`) of a cell in a worksheet part.
fn cell_style(xml: &str, cell: &str) -> Option<String> {
    let at = xml.find(&format!("<c r=\"{cell}\""))?;
    let end = at + xml[at..].find('>')?;
    attr(&xml[at..end], "s")
}

/// Writes the finished package to `out`: `book` is the workbook rust_xlsxwriter wrote, whose
/// summary sheet `date_cell` holds a date in the format the ledger's date cells take.
pub fn finish_package<R: Read + Seek, W: Write + Seek>(
    book: R,
    splices: Vec<Splice>,
    date_cell: (&str, &str),
    level: i64,
    out: W,
) -> Result<(), String> {
    let mut zip = zip::ZipArchive::new(book).map_err(|e| e.to_string())?;
    let parts = sheet_parts(&mut zip)?;
    let date_style = {
        let part = parts
            .get(date_cell.0)
            .ok_or("the summary sheet is missing")?;
        let xml = part_text(&mut zip, part)?;
        cell_style(&xml, date_cell.1).ok_or("the date style is not found")?
    };
    let mut by_part: HashMap<String, Splice> = HashMap::new();
    for s in splices {
        let part = parts
            .get(&s.sheet)
            .ok_or_else(|| format!("no part for sheet {}", s.sheet))?
            .clone();
        by_part.insert(part, s);
    }
    let mut w = zip::ZipWriter::new(out);
    let opts = zip::write::SimpleFileOptions::default()
        .compression_method(zip::CompressionMethod::Deflated)
        .compression_level(Some(level))
        .last_modified_time(zip::DateTime::default());
    for i in 0..zip.len() {
        let name = zip
            .by_index_raw(i)
            .map_err(|e| e.to_string())?
            .name()
            .map_err(|e| e.to_string())?
            .into_owned();
        let Some(splice) = by_part.remove(&name) else {
            let f = zip.by_index_raw(i).map_err(|e| e.to_string())?;
            w.raw_copy_file(f).map_err(|e| e.to_string())?;
            continue;
        };
        let xml = part_text(&mut zip, &name)?;
        let cut = xml
            .rfind("</sheetData>")
            .ok_or_else(|| format!("{name}: no sheetData"))?;
        let (head, tail) = xml.split_at(cut);
        let head = patch_dimension(head, &format!("A1:{}{}", splice.last_col, splice.last_row));
        // Zip64 only where a part needs it: LibreOffice does not open a zip64 entry it could
        // have done without.
        let size = splice.rows.metadata().map(|m| m.len()).unwrap_or(u64::MAX);
        let large = size.saturating_add(xml.len() as u64) >= u64::from(u32::MAX);
        w.start_file(name.clone(), opts.large_file(large))
            .map_err(|e| e.to_string())?;
        w.write_all(head.as_bytes()).map_err(|e| e.to_string())?;
        let mut rows = BufReader::with_capacity(1 << 20, splice.rows);
        loop {
            let chunk = rows.fill_buf().map_err(|e| e.to_string())?;
            if chunk.is_empty() {
                break;
            }
            let n = chunk.len();
            let mut start = 0;
            for k in memchr::memchr_iter(DATE_STYLE_PLACEHOLDER, chunk) {
                w.write_all(&chunk[start..k]).map_err(|e| e.to_string())?;
                w.write_all(date_style.as_bytes())
                    .map_err(|e| e.to_string())?;
                start = k + 1;
            }
            w.write_all(&chunk[start..]).map_err(|e| e.to_string())?;
            rows.consume(n);
        }
        w.write_all(tail.as_bytes()).map_err(|e| e.to_string())?;
    }
    w.finish().map_err(|e| e.to_string())?;
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
