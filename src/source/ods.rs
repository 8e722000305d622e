//! Merged regions of OpenDocument spreadsheets, read from `content.xml`.
//!
//! calamine reads ODS values but not their merged regions (`table:number-rows-spanned` and
//! `table:number-columns-spanned` on a cell). Ledgers merge problem cells over their measure
//! rows, and a responsible leader over several measures; without the spans those cells would
//! read as empty. This module walks the table structure once and returns each sheet's merges,
//! and the bounding box of its cells, so an oversized sheet is refused before it is read densely.

use crate::source::SourceError;
use crate::source::grid::{CellRef, CellValue, Merge};
use quick_xml::events::{BytesStart, Event};
use std::collections::HashMap;
use std::io::{BufReader, Cursor, Read};

const MAX_ROW: u64 = 1_048_576;
const MAX_COL: u64 = 16_384;

/// What the structure pass learns about one table.
#[derive(Debug, Default, Clone)]
pub(crate) struct TableShape {
    /// Merged regions.
    pub(crate) merges: Vec<Merge>,
    /// (rows, columns) of the box that holds every cell with content.
    pub(crate) used: (u64, u64),
}

/// Reads each table's merges and used box from an ODS file, by table name.
pub(crate) fn table_shapes(
    bytes: &[u8],
    max_merges: usize,
) -> Result<HashMap<String, TableShape>, SourceError> {
    let mut zip = zip::ZipArchive::new(Cursor::new(bytes))
        .map_err(|e| SourceError::Corrupt(format!("zip container: {e}")))?;
    let part = zip
        .by_name("content.xml")
        .map_err(|_| SourceError::Corrupt("content.xml is missing".into()))?;
    let mut xml = quick_xml::Reader::from_reader(BufReader::new(part));
    shapes_from_xml(&mut xml, max_merges)
}

fn attr(e: &BytesStart, name: &str) -> Option<u64> {
    e.attributes()
        .flatten()
        .find(|a| a.key.local_name().as_ref() == name)
        .and_then(|a| a.value.trim().parse().ok())
}

fn shapes_from_xml<R: Read + std::io::BufRead>(
    xml: &mut quick_xml::Reader<R>,
    max_merges: usize,
) -> Result<HashMap<String, TableShape>, SourceError> {
    let mut out: HashMap<String, TableShape> = HashMap::new();
    let mut buf = Vec::new();
    let mut table: Option<String> = None;
    let (mut row, mut col) = (0u64, 0u64);
    let mut row_repeat = 1u64;
    // Inside a cell with content: (row, col, repeat) to widen the used box when text appears.
    let mut open_cell: Option<(u64, u64, u64)> = None;
    loop {
        let ev = xml
            .read_event_into(&mut buf)
            .map_err(|e| SourceError::Corrupt(format!("content.xml: {e}")))?;
        let empty = matches!(ev, Event::Empty(_));
        match ev {
            Event::Start(ref e) | Event::Empty(ref e) => match e.local_name().as_ref() {
                "table" => {
                    let name = e
                        .attributes()
                        .flatten()
                        .find(|a| a.key.local_name().as_ref() == "name")
                        .map(|a| {
                            a.normalized_value(quick_xml::XmlVersion::Implicit1_0)
                                .map_or_else(|_| a.value.to_string(), |v| v.into_owned())
                        })
                        .unwrap_or_default();
                    out.entry(name.clone()).or_default();
                    table = Some(name);
                    row = 0;
                }
                "table-row" => {
                    col = 0;
                    row_repeat = attr(e, "number-rows-repeated").unwrap_or(1).max(1);
                    if empty {
                        row = row.saturating_add(row_repeat);
                    }
                }
                name @ ("table-cell" | "covered-table-cell") => {
                    let repeat = attr(e, "number-columns-repeated").unwrap_or(1).max(1);
                    let has_value = e
                        .attributes()
                        .flatten()
                        .any(|a| matches!(a.key.local_name().as_ref(), "value-type" | "value"));
                    if let Some(t) = table.as_ref().and_then(|t| out.get_mut(t)) {
                        if name == "table-cell" {
                            let rs = attr(e, "number-rows-spanned").unwrap_or(1);
                            let cs = attr(e, "number-columns-spanned").unwrap_or(1);
                            if (rs > 1 || cs > 1) && row < MAX_ROW && col < MAX_COL {
                                if t.merges.len() >= max_merges {
                                    return Err(SourceError::TooLarge(format!(
                                        "more than {max_merges} merged regions in sheet {}",
                                        table.as_deref().unwrap_or("")
                                    )));
                                }
                                let last_row = (row + rs.max(1) - 1).min(MAX_ROW - 1);
                                let last_col = (col + cs.max(1) - 1).min(MAX_COL - 1);
                                t.merges.push(Merge {
                                    first: CellRef::new(row as u32, col as u32),
                                    last: CellRef::new(last_row as u32, last_col as u32),
                                });
                            }
                        }
                        if has_value {
                            widen(t, row, row_repeat, col, repeat);
                        } else if !empty {
                            open_cell = Some((row, col, repeat));
                        }
                    }
                    col = col.saturating_add(repeat);
                }
                "p" | "span" | "s" | "a" => {
                    if let (Some((r, c, rep)), Some(t)) = (
                        open_cell.take(),
                        table.as_ref().and_then(|t| out.get_mut(t)),
                    ) {
                        widen(t, r, row_repeat, c, rep);
                    }
                }
                _ => {}
            },
            Event::Text(_) => {
                if let (Some((r, c, rep)), Some(t)) = (
                    open_cell.take(),
                    table.as_ref().and_then(|t| out.get_mut(t)),
                ) {
                    widen(t, r, row_repeat, c, rep);
                }
            }
            Event::End(ref e) => match e.local_name().as_ref() {
                "table-row" => row = row.saturating_add(row_repeat),
                "table-cell" | "covered-table-cell" => open_cell = None,
                "table" => table = None,
                _ => {}
            },
            Event::Eof => break,
            _ => {}
        }
        buf.clear();
    }
    Ok(out)
}

fn widen(t: &mut TableShape, row: u64, row_repeat: u64, col: u64, col_repeat: u64) {
    t.used.0 = t.used.0.max(row.saturating_add(row_repeat));
    t.used.1 = t.used.1.max(col.saturating_add(col_repeat));
}

/// A table being read: its name, its cells and its merged regions.
type TableRead = (String, Vec<(u32, u32, CellValue)>, Vec<Merge>);

/// A cell being read.
struct OpenCell {
    col: u64,
    repeat: u64,
    typed: Option<CellValue>,
    text: String,
    paragraphs: usize,
    /// Inside a `text:p`: white space there collapses to one space (ODF 1.2, 6.1.2).
    in_paragraph: bool,
    /// The last character came from collapsed white space.
    pending_space: bool,
}

impl OpenCell {
    fn push_text(&mut self, t: &str) {
        if !self.in_paragraph {
            return;
        }
        for ch in t.chars() {
            if ch.is_whitespace() {
                self.pending_space = true;
            } else {
                if self.pending_space && !self.text.is_empty() && !self.text.ends_with('\n') {
                    self.text.push(' ');
                }
                self.pending_space = false;
                self.text.push(ch);
            }
        }
    }

    fn push_literal(&mut self, t: &str) {
        if self.pending_space && !self.text.is_empty() && !self.text.ends_with('\n') {
            self.text.push(' ');
        }
        self.pending_space = false;
        self.text.push_str(t);
    }
}

fn attr_str(e: &BytesStart, name: &str) -> Option<String> {
    e.attributes()
        .flatten()
        .find(|a| a.key.local_name().as_ref() == name)
        .map(|a| {
            a.normalized_value(quick_xml::XmlVersion::Implicit1_0)
                .map_or_else(|_| a.value.to_string(), |v| v.into_owned())
        })
}

fn typed_value(e: &BytesStart) -> Option<CellValue> {
    let kind = attr_str(e, "value-type")?;
    match kind.as_str() {
        "float" | "percentage" | "currency" => attr_str(e, "value")?
            .trim()
            .parse()
            .ok()
            .map(CellValue::Number),
        "date" => {
            let v = attr_str(e, "date-value")?;
            chrono::NaiveDateTime::parse_from_str(v.trim(), "%Y-%m-%dT%H:%M:%S%.f")
                .or_else(|_| chrono::NaiveDateTime::parse_from_str(v.trim(), "%Y-%m-%dT%H:%M:%S"))
                .ok()
                .or_else(|| {
                    chrono::NaiveDate::parse_from_str(v.trim(), "%Y-%m-%d")
                        .ok()
                        .map(|d| d.and_time(chrono::NaiveTime::MIN))
                })
                .map(CellValue::Date)
                .or(Some(CellValue::Text(v)))
        }
        "boolean" => attr_str(e, "boolean-value").map(|b| CellValue::Bool(b.trim() == "true")),
        "time" => attr_str(e, "time-value")
            .map(|t| CellValue::Text(crate::source::grid::time_of_duration(&t).unwrap_or(t))),
        _ => attr_str(e, "string-value").map(CellValue::Text),
    }
}

/// Reads an ODS file's sheets with this module's own reader: the fallback when calamine cannot
/// (calamine stops at whitespace between cells, which some writers put there). Values, text
/// (`text:s` spaces, tabs, line breaks, several paragraphs), repeats and spans are read;
/// annotations are not cell text. Every sheet reads as visible.
pub(crate) fn read_sheets(
    bytes: &[u8],
    limits: &crate::source::guard::Limits,
) -> Result<Vec<crate::source::grid::Sheet>, SourceError> {
    use crate::source::grid::Sheet;
    let mut zip = zip::ZipArchive::new(Cursor::new(bytes))
        .map_err(|e| SourceError::Corrupt(format!("zip container: {e}")))?;
    let part = zip
        .by_name("content.xml")
        .map_err(|_| SourceError::Corrupt("content.xml is missing".into()))?;
    let mut xml = quick_xml::Reader::from_reader(BufReader::new(part));
    let mut sheets: Vec<TableRead> = Vec::new();
    let mut buf = Vec::new();
    let (mut row, mut row_repeat) = (0u64, 1u64);
    let mut col = 0u64;
    let mut row_cells: Vec<(u64, CellValue)> = Vec::new();
    let mut cell: Option<OpenCell> = None;
    let mut annotation = 0usize;
    let mut count = 0usize;
    let too_many = |name: &str| {
        SourceError::TooLarge(format!(
            "sheet {name} has more than {} non-empty cells",
            limits.max_cells_per_sheet
        ))
    };
    loop {
        let ev = xml
            .read_event_into(&mut buf)
            .map_err(|e| SourceError::Corrupt(format!("content.xml: {e}")))?;
        let empty = matches!(ev, Event::Empty(_));
        match ev {
            Event::Start(ref e) | Event::Empty(ref e) => match e.local_name().as_ref() {
                "table" if cell.is_none() => {
                    sheets.push((
                        attr_str(e, "name").unwrap_or_default(),
                        Vec::new(),
                        Vec::new(),
                    ));
                    row = 0;
                    count = 0;
                }
                "table-row" if cell.is_none() => {
                    col = 0;
                    row_cells.clear();
                    row_repeat = attr(e, "number-rows-repeated").unwrap_or(1).max(1);
                    if empty {
                        row = row.saturating_add(row_repeat);
                    }
                }
                name @ ("table-cell" | "covered-table-cell") if cell.is_none() => {
                    let repeat = attr(e, "number-columns-repeated").unwrap_or(1).max(1);
                    if name == "table-cell"
                        && let Some(t) = sheets.last_mut()
                    {
                        let rs = attr(e, "number-rows-spanned").unwrap_or(1);
                        let cs = attr(e, "number-columns-spanned").unwrap_or(1);
                        if (rs > 1 || cs > 1)
                            && row < MAX_ROW
                            && col < MAX_COL
                            && t.2.len() < limits.max_merges_per_sheet
                        {
                            t.2.push(Merge {
                                first: CellRef::new(row as u32, col as u32),
                                last: CellRef::new(
                                    (row + rs.max(1) - 1).min(MAX_ROW - 1) as u32,
                                    (col + cs.max(1) - 1).min(MAX_COL - 1) as u32,
                                ),
                            });
                        }
                    }
                    let open = OpenCell {
                        col,
                        repeat,
                        typed: typed_value(e),
                        text: String::new(),
                        paragraphs: 0,
                        in_paragraph: false,
                        pending_space: false,
                    };
                    col = col.saturating_add(repeat);
                    if empty {
                        if let Some(v) = open.typed {
                            row_cells.push((open.col, v));
                        }
                    } else {
                        cell = Some(open);
                    }
                }
                "annotation" if !empty => annotation += 1,
                "p" | "h" if annotation == 0 => {
                    if let Some(c) = cell.as_mut() {
                        if c.paragraphs > 0 {
                            c.text.push('\n');
                        }
                        c.paragraphs += 1;
                        c.in_paragraph = !empty;
                        c.pending_space = false;
                    }
                }
                "s" if annotation == 0 => {
                    if let Some(c) = cell.as_mut() {
                        let n = attr(e, "c").unwrap_or(1).min(1000);
                        c.push_literal(&" ".repeat(n as usize));
                    }
                }
                "tab" if annotation == 0 => {
                    if let Some(c) = cell.as_mut() {
                        c.push_literal("\t");
                    }
                }
                "line-break" if annotation == 0 => {
                    if let Some(c) = cell.as_mut() {
                        c.push_literal("\n");
                    }
                }
                _ => {}
            },
            Event::Text(ref t) if annotation == 0 => {
                if let Some(c) = cell.as_mut() {
                    c.push_text(&t.xml10_content());
                }
            }
            Event::CData(ref t) if annotation == 0 => {
                if let Some(c) = cell.as_mut() {
                    c.push_text(t.as_ref());
                }
            }
            Event::GeneralRef(ref r) if annotation == 0 => {
                if let Some(c) = cell.as_mut()
                    && let Some(ch) = super::scan::reference(&r.xml10_content())
                {
                    c.push_literal(&ch.to_string());
                }
            }
            Event::End(ref e) => match e.local_name().as_ref() {
                "annotation" => annotation = annotation.saturating_sub(1),
                "p" | "h" if annotation == 0 => {
                    if let Some(c) = cell.as_mut() {
                        c.in_paragraph = false;
                        c.pending_space = false;
                    }
                }
                "table-cell" | "covered-table-cell" => {
                    if let Some(c) = cell.take() {
                        let value = match c.typed {
                            Some(CellValue::Text(_)) | None if !c.text.is_empty() => {
                                Some(CellValue::Text(c.text))
                            }
                            other => other,
                        };
                        if let Some(v) = value {
                            for k in 0..c.repeat.min(MAX_COL.saturating_sub(c.col)) {
                                row_cells.push((c.col + k, v.clone()));
                            }
                        }
                    }
                }
                "table-row" => {
                    if let Some(t) = sheets.last_mut() {
                        let name = t.0.clone();
                        for k in 0..row_repeat.min(MAX_ROW.saturating_sub(row)) {
                            if row_cells.is_empty() {
                                break;
                            }
                            for (c, v) in &row_cells {
                                if *c >= MAX_COL {
                                    continue;
                                }
                                count += 1;
                                if count > limits.max_cells_per_sheet {
                                    return Err(too_many(&name));
                                }
                                t.1.push(((row + k) as u32, *c as u32, v.clone()));
                            }
                        }
                    }
                    row = row.saturating_add(row_repeat);
                    row_cells.clear();
                }
                _ => {}
            },
            Event::Eof => break,
            _ => {}
        }
        buf.clear();
    }
    Ok(sheets
        .into_iter()
        .map(|(name, cells, merges)| {
            let mut s = Sheet::from_cells(name, cells);
            s.merges = merges;
            s.merges_known = true;
            s
        })
        .collect())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn shapes(xml: &str) -> HashMap<String, TableShape> {
        let mut r = quick_xml::Reader::from_reader(xml.as_bytes());
        shapes_from_xml(&mut r, 100).unwrap()
    }

    #[test]
    fn spans_become_merges() {
        let xml = r#"<office:document-content><office:body><office:spreadsheet>
          <table:table table:name="台账">
            <table:table-row><table:table-cell table:number-columns-spanned="3" office:value-type="string"><text:p>标题</text:p></table:table-cell><table:covered-table-cell table:number-columns-repeated="2"/></table:table-row>
            <table:table-row table:number-rows-repeated="2"><table:table-cell/></table:table-row>
            <table:table-row><table:table-cell/><table:table-cell table:number-rows-spanned="2" office:value-type="string"><text:p>问题</text:p></table:table-cell></table:table-row>
          </table:table></office:spreadsheet></office:body></office:document-content>"#;
        let s = shapes(xml);
        let t = &s["台账"];
        assert_eq!(
            t.merges,
            vec![
                Merge {
                    first: CellRef::new(0, 0),
                    last: CellRef::new(0, 2)
                },
                Merge {
                    first: CellRef::new(3, 1),
                    last: CellRef::new(4, 1)
                }
            ]
        );
        assert_eq!(t.used, (4, 2));
    }

    #[test]
    fn huge_repeats_of_empty_cells_do_not_widen_the_used_box() {
        let xml = r#"<t:table table:name="S"><t:table-row table:number-rows-repeated="1048576"><t:table-cell table:number-columns-repeated="16384"/></t:table-row></t:table>"#;
        assert_eq!(shapes(xml)["S"].used, (0, 0));
    }
}
