//! Spreadsheet formats read through calamine: xlsx/xlsm, xlsb, xls and ods.
//!
//! xlsx and xlsb are read cell by cell (calamine's cell readers), so a sheet whose dimension
//! claims `A1:XFD1048576` costs only the cells it really holds. xls and ods are read by
//! calamine as dense ranges, after [`crate::source::guard`] and [`crate::source::ods`] have
//! checked their size.

use crate::source::grid::{Cell, CellRef, CellValue, Merge, Row, Sheet, Visibility};
use crate::source::guard::Limits;
use crate::source::{Format, SourceError, ods};
use calamine::{Data, DataRef, Dimensions, Reader, SheetType, SheetVisible};
use std::io::Cursor;

const MAX_ROW: u32 = 1_048_575;
const MAX_COL: u32 = 16_383;

/// Converts one calamine value; `None` for an empty cell.
fn value_of(v: DataRef<'_>) -> Option<CellValue> {
    Some(match v {
        DataRef::Empty => return None,
        DataRef::Int(i) => CellValue::Number(i as f64),
        DataRef::Float(f) => CellValue::Number(f),
        DataRef::String(s) => CellValue::Text(s),
        DataRef::SharedString(s) => CellValue::Text(s.to_string()),
        DataRef::Bool(b) => CellValue::Bool(b),
        DataRef::DateTime(dt) => {
            if dt.is_datetime() {
                match dt.as_datetime() {
                    Some(d) => CellValue::Date(d),
                    None => CellValue::Number(dt.as_f64()),
                }
            } else {
                CellValue::Number(dt.as_f64())
            }
        }
        DataRef::DateTimeIso(s) => iso_date(&s).map_or(CellValue::Text(s), CellValue::Date),
        DataRef::DurationIso(s) => {
            CellValue::Text(crate::source::grid::time_of_duration(&s).unwrap_or(s))
        }
        DataRef::Error(e) => CellValue::Error(e.to_string()),
    })
}

fn value_of_data(v: &Data) -> Option<CellValue> {
    value_of(match v {
        Data::Empty => DataRef::Empty,
        Data::Int(i) => DataRef::Int(*i),
        Data::Float(f) => DataRef::Float(*f),
        Data::String(s) => DataRef::SharedString(s),
        Data::Bool(b) => DataRef::Bool(*b),
        Data::DateTime(d) => DataRef::DateTime(*d),
        Data::DateTimeIso(s) => DataRef::DateTimeIso(s.clone()),
        Data::DurationIso(s) => DataRef::DurationIso(s.clone()),
        Data::Error(e) => DataRef::Error(e.clone()),
    })
}

fn iso_date(s: &str) -> Option<chrono::NaiveDateTime> {
    let s = s.trim();
    chrono::NaiveDateTime::parse_from_str(s, "%Y-%m-%dT%H:%M:%S%.f")
        .or_else(|_| chrono::NaiveDateTime::parse_from_str(s, "%Y-%m-%dT%H:%M:%S"))
        .ok()
        .or_else(|| {
            chrono::NaiveDate::parse_from_str(s, "%Y-%m-%d")
                .ok()
                .map(|d| d.and_time(chrono::NaiveTime::MIN))
        })
}

fn merge_of(d: &Dimensions) -> Option<Merge> {
    let (r1, c1) = d.start;
    let (r2, c2) = d.end;
    (r1 <= r2 && c1 <= c2 && r2 <= MAX_ROW && c2 <= MAX_COL).then(|| Merge {
        first: CellRef::new(r1, c1),
        last: CellRef::new(r2, c2),
    })
}

fn visibility(v: SheetVisible) -> Visibility {
    match v {
        SheetVisible::Visible => Visibility::Visible,
        _ => Visibility::Hidden,
    }
}

/// Collects cells with the per-sheet limits applied.
/// Collects a sheet's cells as a reader delivers them: straight into rows while they come in
/// order (as xlsx, xls and ods deliver them), so no second copy of the sheet is ever held; a
/// reader that goes back falls back to sorting at the end.
struct CellSink<'l> {
    rows: Vec<Row>,
    unordered: Vec<(u32, u32, CellValue)>,
    count: usize,
    limits: &'l Limits,
    sheet: String,
}

impl<'l> CellSink<'l> {
    fn new(sheet: &str, limits: &'l Limits) -> CellSink<'l> {
        CellSink {
            rows: Vec::new(),
            unordered: Vec::new(),
            count: 0,
            limits,
            sheet: sheet.to_string(),
        }
    }

    fn push(&mut self, row: u32, col: u32, value: CellValue) -> Result<(), SourceError> {
        if row > MAX_ROW || col > MAX_COL {
            return Err(SourceError::Corrupt(format!(
                "sheet {}: a cell at row {}, column {} lies outside any sheet",
                self.sheet,
                row as u64 + 1,
                col as u64 + 1
            )));
        }
        if value.is_blank() {
            return Ok(());
        }
        if self.count >= self.limits.max_cells_per_sheet {
            return Err(SourceError::TooLarge(format!(
                "sheet {} has more than {} non-empty cells",
                self.sheet, self.limits.max_cells_per_sheet
            )));
        }
        self.count += 1;
        if !self.unordered.is_empty() {
            self.unordered.push((row, col, value));
            return Ok(());
        }
        match self.rows.last_mut() {
            Some(last) if last.index == row && last.cells.last().is_none_or(|c| c.col < col) => {
                last.cells.push(Cell { col, value });
            }
            Some(last) if last.index < row => {
                // Rows of a sheet are alike: room for as many cells as the row before.
                let mut cells = Vec::with_capacity(last.cells.len().max(1));
                cells.push(Cell { col, value });
                self.rows.push(Row { index: row, cells });
            }
            None => self.rows.push(Row {
                index: row,
                cells: vec![Cell { col, value }],
            }),
            Some(_) => {
                // Out of order: sort at the end.
                self.unordered = std::mem::take(&mut self.rows)
                    .into_iter()
                    .flat_map(|r| r.cells.into_iter().map(move |c| (r.index, c.col, c.value)))
                    .collect();
                self.unordered.push((row, col, value));
            }
        }
        Ok(())
    }

    fn into_sheet(self, visibility: Visibility, merges: Vec<Merge>, known: bool) -> Sheet {
        let mut s = if self.unordered.is_empty() {
            let mut s = Sheet::new(self.sheet);
            s.rows = self.rows;
            s
        } else {
            Sheet::from_cells(self.sheet, self.unordered)
        };
        s.visibility = visibility;
        s.merges = merges;
        s.merges_known = known;
        s
    }
}

fn check_merges(sheet: &str, n: usize, limits: &Limits) -> Result<(), SourceError> {
    if n > limits.max_merges_per_sheet {
        return Err(SourceError::TooLarge(format!(
            "sheet {sheet} has more than {} merged regions",
            limits.max_merges_per_sheet
        )));
    }
    Ok(())
}

fn check_sheet_count(n: usize, limits: &Limits) -> Result<(), SourceError> {
    if n > limits.max_sheets {
        return Err(SourceError::TooLarge(format!(
            "{n} sheets (limit {})",
            limits.max_sheets
        )));
    }
    Ok(())
}

/// Reads every worksheet of a workbook in one of calamine's formats.
pub(crate) fn read_sheets(
    bytes: &[u8],
    format: Format,
    limits: &Limits,
) -> Result<Vec<Sheet>, SourceError> {
    match format {
        Format::Xlsx | Format::Xlsm => read_xlsx(bytes, limits),
        Format::Xlsb => read_xlsb(bytes, limits),
        Format::Xls => read_xls(bytes, limits),
        Format::Ods => read_ods(bytes, limits),
        Format::Csv => Err(SourceError::Unsupported(
            crate::source::Unsupported::CsvAsWorkbook,
        )),
    }
}

fn read_xlsx(bytes: &[u8], limits: &Limits) -> Result<Vec<Sheet>, SourceError> {
    let mut wb = calamine::Xlsx::new(Cursor::new(bytes)).map_err(SourceError::from_xlsx)?;
    // Worksheet parts by sheet name, to scan for merged regions without parsing the sheet's
    // XML a second time; where the package is unusual, calamine finds them instead.
    let parts = zip::ZipArchive::new(Cursor::new(bytes))
        .ok()
        .and_then(|mut z| crate::source::package::sheet_parts(&mut z).ok());
    let metas = wb.sheets_metadata().to_vec();
    check_sheet_count(metas.len(), limits)?;
    let mut sheets = Vec::new();
    for meta in metas {
        if meta.typ != SheetType::WorkSheet {
            continue;
        }
        let merges: Vec<Merge> = match parts.as_ref().and_then(|p| p.get(&meta.name)) {
            Some(part) => scan_merges(bytes, part, limits)?,
            None => wb
                .merge_cells_by_sheet_name(&meta.name)
                .map_err(SourceError::from_xlsx)?
                .iter()
                .filter_map(merge_of)
                .collect(),
        };
        check_merges(&meta.name, merges.len(), limits)?;
        let mut sink = CellSink::new(&meta.name, limits);
        let mut reader = match wb.worksheet_cells_reader(&meta.name) {
            Ok(r) => r,
            Err(calamine::XlsxError::NotAWorksheet(_)) => continue,
            Err(e) => return Err(SourceError::from_xlsx(e)),
        };
        // Numbers in a percentage format are percentages: `80%` is a progress, not 0.8.
        let percent: Vec<bool> = reader
            .styles()
            .iter()
            .map(|s| {
                s.number_format
                    .as_ref()
                    .is_some_and(|f| f.format_code.contains('%'))
            })
            .collect();
        while let Some((cell, style)) = reader
            .next_cell_with_style_id()
            .map_err(SourceError::from_xlsx)?
        {
            let (r, c) = cell.get_position();
            if let Some(v) = value_of(cell.get_value().clone()) {
                let v = match v {
                    CellValue::Number(n) if percent.get(style).copied().unwrap_or(false) => {
                        CellValue::Percent(n)
                    }
                    v => v,
                };
                sink.push(r, c, v)?;
            }
        }
        drop(reader);
        sheets.push(sink.into_sheet(visibility(meta.visible), merges, true));
    }
    Ok(sheets)
}

/// The merged regions of a worksheet part, found by scanning its inflated bytes for
/// `<mergeCell ref="…"/>` (with any namespace prefix) rather than parsing it as XML again.
fn scan_merges(bytes: &[u8], part: &str, limits: &Limits) -> Result<Vec<Merge>, SourceError> {
    use std::io::Read;
    let mut zip = zip::ZipArchive::new(Cursor::new(bytes))
        .map_err(|e| SourceError::Corrupt(format!("zip container: {e}")))?;
    let mut f = zip
        .by_name(part)
        .map_err(|e| SourceError::Corrupt(format!("{part}: {e}")))?;
    let finder = memchr::memmem::Finder::new(b"mergeCell");
    let mut merges = Vec::new();
    let mut buf = vec![0u8; 1 << 18];
    let mut carry: Vec<u8> = Vec::new();
    loop {
        let n = f
            .read(&mut buf)
            .map_err(|e| SourceError::Corrupt(format!("{part}: {e}")))?;
        if n == 0 {
            break;
        }
        carry.extend_from_slice(&buf[..n]);
        let mut consumed = 0;
        for at in finder.find_iter(&carry) {
            if at < consumed {
                continue;
            }
            let Some(end) = memchr::memchr(b'>', &carry[at..]).map(|e| at + e) else {
                break; // the element continues in the next chunk
            };
            let is_element = at > 0
                && matches!(carry[at - 1], b'<' | b':')
                && carry.get(at + 9).is_some_and(|c| c.is_ascii_whitespace());
            if is_element && let Some(m) = merge_ref(&carry[at..end]) {
                merges.push(m);
                if merges.len() > limits.max_merges_per_sheet {
                    return Err(SourceError::TooLarge(format!(
                        "more than {} merged regions in one sheet",
                        limits.max_merges_per_sheet
                    )));
                }
            }
            consumed = end;
        }
        // Keep what may hold the start of an element cut by the chunk's end.
        let keep_from = consumed.max(carry.len().saturating_sub(512));
        carry.drain(..keep_from);
    }
    Ok(merges)
}

/// `ref="B3:C7"` in a `mergeCell` element.
fn merge_ref(tag: &[u8]) -> Option<Merge> {
    let at = memchr::memmem::find(tag, b"ref=")? + 4;
    let quote = *tag.get(at)?;
    let rest = &tag[at + 1..];
    let value = &rest[..memchr::memchr(quote, rest)?];
    let value = std::str::from_utf8(value).ok()?;
    let (a, b) = value.split_once(':').unwrap_or((value, value));
    let (first, last) = (CellRef::parse(a)?, CellRef::parse(b)?);
    (first.row <= last.row && first.col <= last.col && last.row <= MAX_ROW && last.col <= MAX_COL)
        .then_some(Merge { first, last })
}

fn read_xlsb(bytes: &[u8], limits: &Limits) -> Result<Vec<Sheet>, SourceError> {
    let mut wb = calamine::Xlsb::new(Cursor::new(bytes)).map_err(SourceError::from_xlsb)?;
    let metas = wb.sheets_metadata().to_vec();
    check_sheet_count(metas.len(), limits)?;
    let mut sheets = Vec::new();
    for meta in metas {
        if meta.typ != SheetType::WorkSheet {
            continue;
        }
        let mut sink = CellSink::new(&meta.name, limits);
        let mut reader = wb
            .worksheet_cells_reader(&meta.name)
            .map_err(SourceError::from_xlsb)?;
        while let Some(cell) = reader.next_cell().map_err(SourceError::from_xlsb)? {
            let (r, c) = cell.get_position();
            if let Some(v) = value_of(cell.get_value().clone()) {
                sink.push(r, c, v)?;
            }
        }
        drop(reader);
        sheets.push(sink.into_sheet(visibility(meta.visible), Vec::new(), false));
    }
    Ok(sheets)
}

fn collect_range<'l>(
    name: &str,
    range: &calamine::Range<Data>,
    limits: &'l Limits,
) -> Result<CellSink<'l>, SourceError> {
    let (r0, c0) = range.start().unwrap_or((0, 0));
    let mut sink = CellSink::new(name, limits);
    for (r, c, v) in range.used_cells() {
        if let Some(v) = value_of_data(v) {
            sink.push(r0 + r as u32, c0 + c as u32, v)?;
        }
    }
    Ok(sink)
}

fn read_xls(bytes: &[u8], limits: &Limits) -> Result<Vec<Sheet>, SourceError> {
    let mut wb = calamine::Xls::new(Cursor::new(bytes)).map_err(SourceError::from_xls)?;
    let metas = wb.sheets_metadata().to_vec();
    check_sheet_count(metas.len(), limits)?;
    let mut sheets = Vec::new();
    for meta in metas {
        if meta.typ != SheetType::WorkSheet {
            continue;
        }
        let range = wb
            .worksheet_range(&meta.name)
            .map_err(SourceError::from_xls)?;
        let merges: Vec<Merge> = wb
            .merge_cells_by_sheet_name(&meta.name)
            .unwrap_or_default()
            .iter()
            .filter_map(merge_of)
            .collect();
        check_merges(&meta.name, merges.len(), limits)?;
        let sink = collect_range(&meta.name, &range, limits)?;
        drop(range);
        sheets.push(sink.into_sheet(visibility(meta.visible), merges, true));
    }
    Ok(sheets)
}

fn read_ods(bytes: &[u8], limits: &Limits) -> Result<Vec<Sheet>, SourceError> {
    let shapes = ods::table_shapes(bytes, limits.max_merges_per_sheet)?;
    let mut total = 0u64;
    for (name, shape) in &shapes {
        let (rows, cols) = shape.used;
        let cells = rows.saturating_mul(cols);
        if cells > limits.max_dense_cells as u64 {
            return Err(SourceError::TooLarge(format!(
                "sheet {name} spans {rows} rows by {cols} columns (limit {} cells)",
                limits.max_dense_cells
            )));
        }
        total = total.saturating_add(cells);
        if total > limits.max_dense_cells as u64 {
            return Err(SourceError::TooLarge(format!(
                "its {} sheets span more than {} cells together",
                shapes.len(),
                limits.max_dense_cells
            )));
        }
    }
    let mut wb = match calamine::Ods::new(Cursor::new(bytes)) {
        Ok(wb) => wb,
        Err(calamine::OdsError::Password) => return Err(SourceError::Encrypted),
        // calamine stops at whitespace between cells; read such files with our own reader.
        Err(first) => {
            return ods::read_sheets(bytes, limits).map_err(|second| match second {
                SourceError::Corrupt(_) => SourceError::from_ods(first),
                other => other,
            });
        }
    };
    let metas = wb.sheets_metadata().to_vec();
    check_sheet_count(metas.len(), limits)?;
    let mut sheets = Vec::new();
    for meta in metas {
        let range = wb
            .worksheet_range(&meta.name)
            .map_err(SourceError::from_ods)?;
        let sink = collect_range(&meta.name, &range, limits)?;
        drop(range);
        let merges = shapes
            .get(&meta.name)
            .map(|t| t.merges.clone())
            .unwrap_or_default();
        sheets.push(sink.into_sheet(visibility(meta.visible), merges, true));
    }
    Ok(sheets)
}
