//! A consolidated workbook read back, by the [`crate::schema`]: sheets by their names, columns
//! by their headers, cells by their places — never by guessing.
//!
//! - [`ledger_sheets`] recognises the ledger sheets among a file's sheets, so `check`, `merge`
//!   and `report` take a consolidated workbook as an input like any other ledger (a district
//!   merging its sub-districts' workbooks);
//! - [`read_consolidated`] reads everything `verify` and `diff` need: the ledger rows with
//!   their digests, the summary's cached numbers, the findings, the sources and the record of
//!   the run.

use crate::Lang;
use crate::model::Severity;
use crate::schema::findings::{FindingsCol, severity_of_word};
use crate::schema::ledger::{Col, HEADER_ROW, Out, digested_headers};
use crate::schema::sources::{
    COLUMN_DIGEST_ROW, LABEL_COL, Record, SHEET_SEPARATOR, SourcesCol, TABLE_ROW, VALUE_COL,
    column_digest_label,
};
use crate::schema::summary::{
    AS_OF_COL, AS_OF_ROW, COLUMNS, Layout, SENTENCE_ROW, SummaryCol, TABLE_HEADER_ROW,
    category_columns, category_header, total_label,
};
use crate::schema::{SheetKind, properties};
use crate::source::grid::{CellRef, CellValue, Sheet};
use crate::source::{self, Format, SourceError, guard::Limits};
use chrono::NaiveDate;
use std::collections::HashMap;
use std::fmt;
use std::io::Read;
use std::path::Path;

/// What a workbook lacks to be a consolidated workbook.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Lacks {
    /// It is not an Office Open XML or OpenDocument workbook.
    Format(Format),
    /// No sheet is a ledger sheet with the consolidated header.
    LedgerSheet,
    /// No summary sheet.
    Summary,
    /// No sources sheet.
    Sources,
    /// No ledger digest on the sources sheet.
    LedgerDigest,
}

impl fmt::Display for Lacks {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Lacks::Format(x) => write!(f, "a {x} file"),
            Lacks::LedgerSheet => f.write_str("no ledger sheet with the consolidated header"),
            Lacks::Summary => f.write_str("no summary sheet"),
            Lacks::Sources => f.write_str("no sources sheet"),
            Lacks::LedgerDigest => f.write_str("no ledger digest on the sources sheet"),
        }
    }
}

/// Why a file could not be read as a consolidated workbook.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
pub enum ReadError {
    /// The file could not be read at all.
    #[error("{path}: {cause}")]
    Source {
        /// The file.
        path: String,
        /// Why (part of the message, not a separate source, so it is said once).
        cause: SourceError,
    },
    /// The file is a workbook, but not one taizhang wrote.
    #[error("{path}: not a consolidated workbook written by taizhang merge ({lacks})")]
    NotConsolidated {
        /// The file.
        path: String,
        /// What is missing.
        lacks: Lacks,
    },
}

/// The value of a cell as the ledger sheet holds it.
pub fn out_of(v: Option<&CellValue>) -> Out {
    match v {
        None => Out::Empty,
        Some(CellValue::Text(s)) if s.is_empty() => Out::Empty,
        Some(CellValue::Text(s)) => Out::Text(s.clone()),
        Some(CellValue::Number(n)) | Some(CellValue::Percent(n)) => Out::Number(*n),
        Some(CellValue::Date(d)) if d.time() == chrono::NaiveTime::MIN => Out::Date(d.date()),
        Some(other) => Out::Text(other.display()),
    }
}

fn text_of(v: Option<&CellValue>) -> String {
    v.map(CellValue::display).unwrap_or_default()
}

/// Where each column of a ledger sheet is, found by the headers of its header row.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LedgerColumns {
    /// The language the headers are written in.
    pub lang: Lang,
    at: HashMap<Col, u32>,
}

impl LedgerColumns {
    /// The columns of a sheet whose header row names every column of the consolidated ledger
    /// (the row digest may be missing), in one language.
    pub fn of(sheet: &Sheet) -> Option<LedgerColumns> {
        let header = sheet.row(HEADER_ROW)?;
        [Lang::Zh, Lang::En].into_iter().find_map(|lang| {
            let mut at = HashMap::new();
            for c in &header.cells {
                let text = c.value.display();
                if let Some(col) = Col::ALL.into_iter().find(|k| k.header(lang) == text.trim()) {
                    at.entry(col).or_insert(c.col);
                }
            }
            crate::schema::ledger::digested()
                .all(|c| at.contains_key(&c))
                .then_some(LedgerColumns { lang, at })
        })
    }

    /// The sheet column (0-based) of a column, if the sheet has it.
    pub fn col(&self, c: Col) -> Option<u32> {
        self.at.get(&c).copied()
    }
}

/// The ledger sheets among a file's sheets, when the file is a consolidated workbook: the
/// sheets named `整改台账`, `整改台账(2)` … (or `Ledger` …) whose header row is the
/// consolidated header, with their columns, in sheet order.
pub fn ledger_sheets(sheets: &[Sheet]) -> Vec<(usize, LedgerColumns)> {
    sheets
        .iter()
        .enumerate()
        .filter(|(_, s)| matches!(SheetKind::of_name(&s.name), Some((SheetKind::Ledger(_), _))))
        .filter_map(|(i, s)| LedgerColumns::of(s).map(|c| (i, c)))
        .collect()
}

/// One row of a ledger sheet.
#[derive(Debug, Clone, PartialEq)]
pub struct LedgerRow {
    /// The sheet.
    pub sheet: String,
    /// The row, from 0.
    pub row: u32,
    /// The values, in [`Col::ALL`] order without the digest column.
    pub values: Vec<Out>,
    /// The digest stored in the row.
    pub digest: String,
}

impl LedgerRow {
    /// The value in a column.
    pub fn get(&self, c: Col) -> &Out {
        self.values.get(c.index() as usize).unwrap_or(&Out::Empty)
    }

    /// The value in a column as text (its canonical form).
    pub fn text(&self, c: Col) -> String {
        self.get(c).canonical()
    }

    /// `整改台账!G12` for a column of this row.
    pub fn cell(&self, c: Col) -> String {
        format!(
            "{}!{}",
            self.sheet,
            CellRef::new(self.row, c.index().into())
        )
    }

    /// The canonical cells the digests are computed over.
    pub fn canonical(&self) -> Vec<String> {
        self.values.iter().map(Out::canonical).collect()
    }
}

/// A number cached in a summary cell.
#[derive(Debug, Clone, PartialEq)]
pub struct SummaryCell {
    /// The cell.
    pub cell: CellRef,
    /// The cached value (`None` when the cell is empty or not a number).
    pub value: Option<f64>,
}

/// A row of the summary's tables: a community, the total, or a category.
#[derive(Debug, Clone, PartialEq)]
pub struct SummaryRow {
    /// What the first cell says.
    pub label: String,
    /// Each counter column's cell.
    pub cells: Vec<(SummaryCol, SummaryCell)>,
}

/// A row of the findings sheet.
#[derive(Debug, Clone, PartialEq)]
pub struct FindingRow {
    /// Severity.
    pub severity: Option<Severity>,
    /// Rule id.
    pub rule: String,
    /// Community.
    pub community: String,
}

/// An input recorded on the sources sheet.
#[derive(Debug, Clone, PartialEq)]
pub struct SourceEntry {
    /// The path as given to merge.
    pub path: String,
    /// SHA-256.
    pub sha256: String,
    /// Size in bytes.
    pub bytes: u64,
    /// The row on the sources sheet, from 0.
    pub row: u32,
}

/// The run's record on the sources sheet.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Meta {
    /// The as-of date (`None`: missing, or it does not read; see `as_of_text`).
    pub as_of: Option<NaiveDate>,
    /// The as-of date's cell as written.
    pub as_of_text: String,
    /// The ledger sheets recorded.
    pub ledger_sheets: Vec<String>,
    /// The number of ledger rows's cell as written.
    pub ledger_rows_text: String,
    /// `taizhang 0.1.0`.
    pub version: String,
    /// The configuration in force, as TOML.
    pub config: String,
    /// The number of ledger rows (`None`: missing, or it does not read).
    pub ledger_rows: Option<u64>,
    /// The ledger digest.
    pub ledger_digest: String,
    /// The column digests: (header, digest).
    pub column_digests: Vec<(String, String)>,
}

/// A consolidated workbook, read back.
#[derive(Debug, Clone)]
pub struct Consolidated {
    /// The file.
    pub path: String,
    /// The language it was written in.
    pub lang: Lang,
    /// The summary sheet's name.
    pub summary_sheet: String,
    /// The sources sheet's name.
    pub sources_sheet: String,
    /// The report sentence: its cell and cached text.
    pub sentence: Option<(CellRef, String)>,
    /// Community rows of the summary.
    pub communities: Vec<SummaryRow>,
    /// The total row.
    pub total: Option<SummaryRow>,
    /// Category rows.
    pub categories: Vec<SummaryRow>,
    /// The ledger sheets, in order.
    pub ledger_sheets: Vec<String>,
    /// The ledger header (without the digest column).
    pub header: Vec<String>,
    /// Every ledger row, in order.
    pub rows: Vec<LedgerRow>,
    /// Every finding row.
    pub findings: Vec<FindingRow>,
    /// Every input.
    pub sources: Vec<SourceEntry>,
    /// The run's record.
    pub meta: Meta,
    /// The ledger digest stored as a custom document property, if any.
    pub property_digest: Option<String>,
    /// The as-of date on the summary.
    pub summary_as_of: Option<NaiveDate>,
    /// What the workbook holds besides values, for the structure proof: `None` for a workbook
    /// not in xlsx, whose formulas and hidden states are not read.
    pub written: Option<Written>,
}

/// Most cells outside the written columns kept for the structure proof; past it they are
/// counted.
pub const STRAY_KEPT: usize = 1000;

/// What a consolidated xlsx workbook holds besides its values.
#[derive(Debug, Clone)]
pub struct Written {
    /// Every worksheet's state, formulas and hidden rows and columns, in workbook order.
    pub marks: Vec<crate::source::written::Marks>,
    /// The summary sheet as written.
    pub summary: Sheet,
    /// The sources sheet as written.
    pub sources: Sheet,
    /// The findings sheets and their last data row (1-based, 1 when empty), in order.
    pub findings_sheets: Vec<(String, u32)>,
    /// Cells with content beyond the columns taizhang writes on the ledger and findings
    /// sheets (sheet, cell, text), at most [`STRAY_KEPT`].
    pub stray: Vec<(String, CellRef, String)>,
    /// How many such cells there are.
    pub stray_count: usize,
}

fn number_of(v: Option<&CellValue>) -> Option<f64> {
    match v? {
        CellValue::Number(n) | CellValue::Percent(n) => Some(*n),
        CellValue::Text(t) => t.trim().parse().ok(),
        _ => None,
    }
}

/// The rows of a table of counters below its header row, each cell read at the column the
/// schema gives it (`columns`, in sheet order), until a row whose first cell is empty (or,
/// when given, is `last_label`, which is read and returned apart).
fn counter_table(
    sheet: &Sheet,
    header_row: u32,
    columns: &[SummaryCol],
    last_label: Option<&str>,
) -> (Vec<SummaryRow>, Option<SummaryRow>) {
    let mut rows = Vec::new();
    let mut row = header_row + 1;
    loop {
        let label = text_of(sheet.value(row, 0));
        if label.is_empty() {
            return (rows, None);
        }
        let cells = columns
            .iter()
            .enumerate()
            .filter(|(_, k)| **k != SummaryCol::Name)
            .map(|(i, k)| {
                (
                    *k,
                    SummaryCell {
                        cell: CellRef::new(row, i as u32),
                        value: number_of(sheet.value(row, i as u32)),
                    },
                )
            })
            .collect();
        let r = SummaryRow {
            label: label.clone(),
            cells,
        };
        if last_label == Some(label.as_str()) {
            return (rows, Some(r));
        }
        rows.push(r);
        row += 1;
    }
}

/// True when a file's bytes are a workbook taizhang wrote: a zip package whose custom document
/// properties hold the ledger digest.
pub fn is_taizhang_workbook(bytes: &[u8]) -> bool {
    custom_digest(bytes).is_some()
}

/// The inputs a consolidated workbook records on its sources sheet: (path, SHA-256) each, or
/// `None` when the bytes are not a workbook taizhang wrote. Only the sources sheet is read.
pub fn recorded_sources(bytes: &[u8], limits: &Limits) -> Option<Vec<(String, String)>> {
    if !is_taizhang_workbook(bytes) {
        return None;
    }
    for lang in [Lang::Zh, Lang::En] {
        let name = SheetKind::Sources.name(lang);
        let sheet =
            crate::crash::contain(|| crate::source::formats::read_xlsx_sheet(bytes, &name, limits));
        if let Ok(Ok(Some(sheet))) = sheet {
            let (sources, _) = sources_and_meta(&sheet, lang);
            return Some(sources.into_iter().map(|s| (s.path, s.sha256)).collect());
        }
    }
    Some(Vec::new())
}

fn custom_digest(bytes: &[u8]) -> Option<String> {
    let mut z = zip::ZipArchive::new(std::io::Cursor::new(bytes)).ok()?;
    let mut xml = String::new();
    z.by_name("docProps/custom.xml")
        .ok()?
        .take(1 << 20)
        .read_to_string(&mut xml)
        .ok()?;
    let at = xml.find(properties::LEDGER_DIGEST)?;
    let rest = &xml[at..];
    let open = rest.find("<vt:lpwstr>")? + "<vt:lpwstr>".len();
    let close = rest[open..].find("</vt:lpwstr>")?;
    Some(rest[open..open + close].trim().to_string())
}

/// Reads a consolidated workbook.
pub fn read_consolidated(path: &Path, limits: &Limits) -> Result<Consolidated, ReadError> {
    let p = path.display().to_string();
    let src = |cause| ReadError::Source {
        path: p.clone(),
        cause,
    };
    let loaded = source::load(path, limits).map_err(src)?;
    let ext = path.extension().and_then(|e| e.to_str()).unwrap_or("");
    let format = source::sniff(&loaded.bytes, ext).map_err(src)?;
    let not = |lacks: Lacks| ReadError::NotConsolidated {
        path: p.clone(),
        lacks,
    };
    if !matches!(format, Format::Xlsx | Format::Xlsm | Format::Ods) {
        return Err(not(Lacks::Format(format)));
    }
    // xlsx is read as written (formulas, stored results, hidden states, text as it is); other
    // formats through the sources' readers, with nothing for the structure proof.
    let (sheets, marks) = match format {
        Format::Xlsx | Format::Xlsm => {
            let book = crate::crash::contain(|| {
                crate::source::written::read_written(&loaded.bytes, limits)
            })
            .map_err(|m| src(SourceError::ReaderFailed(m)))?
            .map_err(src)?;
            let (sheets, marks) = book.into_parts();
            (sheets, Some(marks))
        }
        _ => (
            crate::crash::contain(|| source::parse(&loaded.bytes, format, "", limits))
                .map_err(|m| src(SourceError::ReaderFailed(m)))?
                .map_err(src)?,
            None,
        ),
    };
    let ledgers = ledger_sheets(&sheets);
    let lang = ledgers
        .first()
        .map(|(_, c)| c.lang)
        .ok_or_else(|| not(Lacks::LedgerSheet))?;
    let find = |kind: SheetKind| sheets.iter().find(|s| s.name == kind.name(lang));
    let summary = find(SheetKind::Summary).ok_or_else(|| not(Lacks::Summary))?;
    let sources_sheet = find(SheetKind::Sources).ok_or_else(|| not(Lacks::Sources))?;

    let mut rows = Vec::new();
    for (i, cols) in ledgers.iter().filter(|(_, c)| c.lang == lang) {
        let s = &sheets[*i];
        for r in s.rows.iter().filter(|r| r.index > HEADER_ROW) {
            let values = crate::schema::ledger::digested()
                .map(|c| out_of(cols.col(c).and_then(|col| s.value(r.index, col))))
                .collect();
            rows.push(LedgerRow {
                sheet: s.name.clone(),
                row: r.index,
                values,
                digest: text_of(
                    cols.col(Col::RowDigest)
                        .and_then(|col| s.value(r.index, col)),
                ),
            });
        }
    }

    let (communities, total) =
        counter_table(summary, TABLE_HEADER_ROW, &COLUMNS, Some(total_label(lang)));
    let layout = Layout {
        communities: communities.len() as u32,
        categories: 0,
    };
    let categories = match summary.value(layout.category_header_row(), 0) {
        Some(v) if v.display() == category_header(lang) => {
            counter_table(
                summary,
                layout.category_header_row(),
                &category_columns(),
                None,
            )
            .0
        }
        _ => Vec::new(),
    };
    let summary_as_of = match summary.value(AS_OF_ROW, AS_OF_COL.into()) {
        Some(CellValue::Date(d)) => Some(d.date()),
        Some(v) => NaiveDate::parse_from_str(v.display().trim(), "%Y-%m-%d").ok(),
        None => None,
    };
    let sentence = summary
        .value(SENTENCE_ROW, 0)
        .map(|v| (CellRef::new(SENTENCE_ROW, 0), v.display()));

    let findings = findings_rows(&sheets, lang);
    let (sources, meta) = sources_and_meta(sources_sheet, lang);
    if meta.ledger_digest.is_empty() {
        return Err(not(Lacks::LedgerDigest));
    }
    let written = marks.map(|marks| written_of(&sheets, marks, summary, sources_sheet, lang));
    Ok(Consolidated {
        path: p,
        lang,
        summary_sheet: summary.name.clone(),
        sources_sheet: sources_sheet.name.clone(),
        sentence,
        communities,
        total,
        categories,
        ledger_sheets: ledgers
            .iter()
            .map(|(i, _)| sheets[*i].name.clone())
            .collect(),
        header: digested_headers(lang),
        rows,
        findings,
        sources,
        meta,
        property_digest: custom_digest(&loaded.bytes),
        summary_as_of,
        written,
    })
}

/// The structure of a workbook read as written: its marks, its summary and sources sheets,
/// its findings sheets' extent, and any cell beyond the columns of its ledger and findings
/// sheets.
fn written_of(
    sheets: &[Sheet],
    marks: Vec<crate::source::written::Marks>,
    summary: &Sheet,
    sources: &Sheet,
    lang: Lang,
) -> Written {
    let mut stray = Vec::new();
    let mut stray_count = 0;
    let mut findings_sheets = Vec::new();
    for s in sheets {
        let width = match SheetKind::of_name(&s.name) {
            Some((SheetKind::Ledger(_), l)) if l == lang => Col::ALL.len(),
            Some((SheetKind::Findings(_), l)) if l == lang => {
                findings_sheets.push((s.name.clone(), s.height().max(1)));
                FindingsCol::ALL.len()
            }
            _ => continue,
        } as u32;
        for r in &s.rows {
            for c in r.cells.iter().filter(|c| c.col >= width) {
                stray_count += 1;
                if stray.len() < STRAY_KEPT {
                    stray.push((
                        s.name.clone(),
                        CellRef::new(r.index, c.col),
                        c.value.display(),
                    ));
                }
            }
        }
    }
    Written {
        marks,
        summary: summary.clone(),
        sources: sources.clone(),
        findings_sheets,
        stray,
        stray_count,
    }
}

/// The rows of every findings sheet whose header row is the findings header.
fn findings_rows(sheets: &[Sheet], lang: Lang) -> Vec<FindingRow> {
    let header_ok = |s: &Sheet| {
        FindingsCol::ALL
            .iter()
            .all(|c| text_of(s.value(0, (*c).index().into())) == c.header(lang))
    };
    sheets
        .iter()
        .filter(|s| {
            matches!(SheetKind::of_name(&s.name), Some((SheetKind::Findings(_), l)) if l == lang)
        })
        .filter(|s| header_ok(s))
        .flat_map(|s| {
            s.rows.iter().filter(|r| r.index > 0).map(move |r| {
                let at = |c: FindingsCol| text_of(s.value(r.index, c.index().into()));
                FindingRow {
                    severity: severity_of_word(&at(FindingsCol::Severity), lang),
                    rule: at(FindingsCol::Rule),
                    community: at(FindingsCol::Community),
                }
            })
        })
        .collect()
}

/// The inputs table and the run's record of the sources sheet.
fn sources_and_meta(sheet: &Sheet, lang: Lang) -> (Vec<SourceEntry>, Meta) {
    let at = |row: u32, col: u16| text_of(sheet.value(row, col.into()));
    let mut meta = Meta::default();
    for rec in Record::ALL {
        if at(rec.row(), LABEL_COL) != rec.label(lang) {
            continue;
        }
        let v = at(rec.row(), VALUE_COL);
        match rec {
            Record::AsOf => {
                meta.as_of = match sheet.value(rec.row(), VALUE_COL.into()) {
                    Some(CellValue::Date(d)) => Some(d.date()),
                    _ => NaiveDate::parse_from_str(v.trim(), "%Y-%m-%d").ok(),
                };
                meta.as_of_text = v;
            }
            Record::Version => meta.version = v,
            Record::Config => meta.config = v,
            Record::LedgerSheets => {
                meta.ledger_sheets = v
                    .split(SHEET_SEPARATOR)
                    .filter(|n| !n.is_empty())
                    .map(str::to_string)
                    .collect()
            }
            Record::LedgerRows => {
                meta.ledger_rows = v.trim().parse().ok();
                meta.ledger_rows_text = v;
            }
            Record::LedgerDigest => meta.ledger_digest = v.trim().to_string(),
        }
    }
    let prefix = column_digest_label(lang);
    let mut row = COLUMN_DIGEST_ROW;
    while let Some(h) = at(row, LABEL_COL).strip_prefix(prefix) {
        meta.column_digests
            .push((h.to_string(), at(row, VALUE_COL)));
        row += 1;
    }
    let header_ok = SourcesCol::ALL
        .iter()
        .all(|c| at(TABLE_ROW, c.index()) == c.header(lang));
    let mut sources = Vec::new();
    if header_ok {
        for r in sheet.rows.iter().filter(|r| r.index > TABLE_ROW) {
            if !matches!(
                sheet.value(r.index, SourcesCol::No.index().into()),
                Some(CellValue::Number(_))
            ) {
                continue;
            }
            sources.push(SourceEntry {
                path: at(r.index, SourcesCol::File.index()),
                sha256: at(r.index, SourcesCol::Sha256.index()),
                bytes: match sheet.value(r.index, SourcesCol::Bytes.index().into()) {
                    Some(CellValue::Number(n)) => *n as u64,
                    _ => 0,
                },
                row: r.index,
            });
        }
    }
    (sources, meta)
}
