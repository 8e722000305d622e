//! A consolidated workbook read back, by the [`crate::schema`]: sheets by their names, columns
//! by their headers, cells by their places — never by guessing.
//!
//! - `ledger_sheets` recognises the ledger sheets among a file's sheets, so `check`, `merge`
//!   and `report` take a consolidated workbook as an input like any other ledger (a district
//!   merging its sub-districts' workbooks);
//! - [`read_consolidated`] reads everything `verify` and `diff` need: the ledger rows with
//!   their digests, the summary's cached numbers, the findings, the sources and the record of
//!   the run.

use crate::Lang;
use crate::model::Severity;
use crate::schema::findings::{FindingsCol, severity_of_word};
use crate::schema::ledger::{Col, HEADER_ROW, Out, digested_of};
use crate::schema::sources::{
    COLUMN_DIGEST_ROW, LABEL_COL, Record, SHEET_SEPARATOR, SourcesCol, TABLE_ROW, VALUE_COL,
    column_digest_label, table_row,
};
use crate::schema::summary::{
    AS_OF_COL, AS_OF_ROW, COLUMNS, Layout, SENTENCE_ROW, SummaryCol, TABLE_HEADER_ROW,
    category_columns, category_header, parent_header, total_label,
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
pub(crate) fn out_of(v: Option<&CellValue>) -> Out {
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
pub(crate) struct LedgerColumns {
    /// The language the headers are written in.
    pub(crate) lang: Lang,
    at: HashMap<Col, u32>,
}

impl LedgerColumns {
    /// The columns of a sheet whose header row names every column of the consolidated ledger
    /// (the row digest may be missing, and the columns a workbook written before had not:
    /// [`Col::is_optional`]), in one language.
    pub(crate) fn of(sheet: &Sheet) -> Option<LedgerColumns> {
        let header = sheet.row(HEADER_ROW)?;
        LedgerColumns::of_cells(header.cells.iter().map(|c| (c.col, &c.value)))
    }

    /// The columns a header row's cells (column, value) name, as [`LedgerColumns::of`].
    pub(crate) fn of_cells<'a>(
        cells: impl Iterator<Item = (u32, &'a CellValue)> + Clone,
    ) -> Option<LedgerColumns> {
        [Lang::Zh, Lang::En].into_iter().find_map(|lang| {
            let mut at = HashMap::new();
            for (col, v) in cells.clone() {
                let text = crate::schema::ledger::unbroken(&v.display());
                if let Some(k) = Col::ALL.into_iter().find(|k| k.header(lang) == text) {
                    at.entry(k).or_insert(col);
                }
            }
            crate::schema::ledger::digested()
                .all(|c| c.is_optional() || at.contains_key(&c))
                .then_some(LedgerColumns { lang, at })
        })
    }

    /// The sheet column (0-based) of a column, if the sheet has it.
    pub(crate) fn col(&self, c: Col) -> Option<u32> {
        self.at.get(&c).copied()
    }

    /// True at the sheet index of each column `wanted` says no to, as far as the last column.
    fn unwanted(&self, wanted: fn(Col) -> bool) -> Vec<bool> {
        let width = self.at.values().max().map_or(0, |m| *m as usize + 1);
        let mut skip = vec![false; width];
        for (c, at) in &self.at {
            skip[*at as usize] = !wanted(*c);
        }
        skip
    }
}

/// The ledger sheets among a file's sheets, when the file is a consolidated workbook: the
/// sheets named `整改台账`, `整改台账(2)` … (or `Ledger` …) whose header row is the
/// consolidated header, with their columns, in sheet order.
pub(crate) fn ledger_sheets(sheets: &[Sheet]) -> Vec<(usize, LedgerColumns)> {
    sheets
        .iter()
        .enumerate()
        .filter(|(_, s)| matches!(SheetKind::of_name(&s.name), Some((SheetKind::Ledger(_), _))))
        .filter_map(|(i, s)| LedgerColumns::of(s).map(|c| (i, c)))
        .collect()
}

/// One row of a ledger sheet.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct LedgerRow {
    /// The sheet.
    pub(crate) sheet: String,
    /// The row, from 0.
    pub(crate) row: u32,
    /// The values, in [`Col::ALL`] order without the digest column.
    pub(crate) values: Vec<Out>,
    /// The digest stored in the row.
    pub(crate) digest: String,
}

impl LedgerRow {
    /// The value in a column.
    pub(crate) fn get(&self, c: Col) -> &Out {
        self.values.get(c.index() as usize).unwrap_or(&Out::Empty)
    }

    /// The value in a column as text (its canonical form).
    pub(crate) fn text(&self, c: Col) -> String {
        self.get(c).canonical()
    }

    /// `整改台账!G12` for a column of this row.
    pub(crate) fn cell(&self, c: Col) -> String {
        format!(
            "{}!{}",
            self.sheet,
            CellRef::new(self.row, c.index().into())
        )
    }
}

/// A number cached in a summary cell.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct SummaryCell {
    /// The cell.
    pub(crate) cell: CellRef,
    /// The cached value (`None` when the cell is empty or not a number).
    pub(crate) value: Option<f64>,
}

/// A row of the summary's tables: a unit, the total, or a category.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct SummaryRow {
    /// What the first cell says.
    pub(crate) label: String,
    /// Each counter column's cell.
    pub(crate) cells: Vec<(SummaryCol, SummaryCell)>,
}

/// Rows of the findings sheet with the same severity, rule and unit: one entry with
/// their number, so that a workbook of many findings is not held row by row.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct FindingRow {
    /// Severity.
    pub(crate) severity: Option<Severity>,
    /// Rule id.
    pub(crate) rule: String,
    /// Unit.
    pub(crate) unit: String,
    /// How many rows say this.
    pub(crate) count: u64,
}

/// Findings rows counted by their severity, rule and unit, in order of first row.
#[derive(Debug, Default)]
struct FindingCounts {
    rows: Vec<FindingRow>,
    at: HashMap<(Option<Severity>, String, String), usize>,
}

impl FindingCounts {
    fn add(&mut self, severity: Option<Severity>, rule: String, unit: String) {
        let key = (severity, rule, unit);
        match self.at.get(&key) {
            Some(i) => self.rows[*i].count += 1,
            None => {
                self.at.insert(key.clone(), self.rows.len());
                self.rows.push(FindingRow {
                    severity: key.0,
                    rule: key.1,
                    unit: key.2,
                    count: 1,
                });
            }
        }
    }
}

/// An input recorded on the sources sheet.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct SourceEntry {
    /// The path as given to merge.
    pub(crate) path: String,
    /// SHA-256.
    pub(crate) sha256: String,
    /// Size in bytes.
    pub(crate) bytes: u64,
    /// The row on the sources sheet, from 0.
    pub(crate) row: u32,
}

/// The run's record on the sources sheet.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Meta {
    /// The as-of date (`None`: missing, or it does not read; see `as_of_text`).
    pub(crate) as_of: Option<NaiveDate>,
    /// The as-of date's cell as written.
    pub(crate) as_of_text: String,
    /// The ledger sheets recorded.
    pub(crate) ledger_sheets: Vec<String>,
    /// The number of ledger rows's cell as written.
    pub(crate) ledger_rows_text: String,
    /// `taizhang 0.1.0`.
    pub(crate) version: String,
    /// The configuration in force, as TOML.
    pub(crate) config: String,
    /// The number of ledger rows (`None`: missing, or it does not read).
    pub(crate) ledger_rows: Option<u64>,
    /// The ledger digest.
    pub(crate) ledger_digest: String,
    /// The ledger digest of the round it follows, if it records one.
    pub follows: Option<String>,
    /// The column digests: (header, digest).
    pub(crate) column_digests: Vec<(String, String)>,
}

/// A consolidated workbook, read back.
#[derive(Debug, Clone)]
pub struct Consolidated {
    /// The file.
    pub(crate) path: String,
    /// The language it was written in.
    pub lang: Lang,
    /// The summary sheet's name.
    pub(crate) summary_sheet: String,
    /// The sources sheet's name.
    pub(crate) sources_sheet: String,
    /// The report sentence: its cell and cached text.
    pub(crate) sentence: Option<(CellRef, String)>,
    /// Unit rows of the summary.
    pub(crate) units: Vec<SummaryRow>,
    /// The total row.
    pub(crate) total: Option<SummaryRow>,
    /// Category rows.
    pub(crate) categories: Vec<SummaryRow>,
    /// Parent rows (none: no table by parent).
    pub(crate) parents: Vec<SummaryRow>,
    /// The ledger sheets, in order.
    pub(crate) ledger_sheets: Vec<String>,
    /// The ledger header (without the digest column) the digests start with: the columns
    /// [`Consolidated::parent_column`] says the workbook was written with.
    pub(crate) header: Vec<String>,
    /// True when the workbook was written with the parent column ([`Col::Parent`]): its
    /// record has the column's digest (or no column digests at all). A workbook written
    /// before has not, and its digests cover the other columns.
    pub(crate) parent_column: bool,
    /// Every ledger row, in order.
    pub(crate) rows: Vec<LedgerRow>,
    /// Every finding row.
    pub(crate) findings: Vec<FindingRow>,
    /// Every input.
    pub(crate) sources: Vec<SourceEntry>,
    /// The run's record.
    pub meta: Meta,
    /// The ledger digest stored as a custom document property, if any.
    pub(crate) property_digest: Option<String>,
    /// The as-of date on the summary.
    pub(crate) summary_as_of: Option<NaiveDate>,
    /// What the workbook holds besides values, for the structure proof: `None` for a workbook
    /// not in xlsx, whose formulas and hidden states are not read.
    pub(crate) written: Option<Written>,
}

/// Most cells outside the written columns kept for the structure proof; past it they are
/// counted.
pub(crate) const STRAY_KEPT: usize = 1000;

/// What a consolidated xlsx workbook holds besides its values.
#[derive(Debug, Clone)]
pub(crate) struct Written {
    /// Every worksheet's state, formulas and hidden rows and columns, in workbook order; the
    /// summary's formulas are in [`Written::summary_formulas`] instead.
    pub(crate) marks: Vec<crate::source::written::Marks>,
    /// The summary sheet as written, but for the stored results of the cells the schema
    /// fills with a formula (a summary of thousands of units holds tens of thousands): its
    /// formulas are in [`Written::summary_formulas`], and what they count is proven from the
    /// rows.
    pub(crate) summary: Sheet,
    /// The summary's formula cells, in sheet order, by their digests (their texts:
    /// [`summary_formula_texts`]).
    pub(crate) summary_formulas: Vec<crate::source::written::DigestedFormula>,
    /// The limits the workbook was read within (to read it again).
    pub(crate) limits: Limits,
    /// The cells of the sources sheet outside its title, its record, its column digests and
    /// its inputs table, in sheet order, with their values.
    pub(crate) sources_beyond: Vec<(CellRef, CellValue)>,
    /// The findings sheets and their last data row (1-based, 1 when empty), in order.
    pub(crate) findings_sheets: Vec<(String, u32)>,
    /// Cells with content beyond the columns taizhang writes on the ledger and findings
    /// sheets (sheet, cell, text), at most [`STRAY_KEPT`].
    pub(crate) stray: Vec<(String, CellRef, String)>,
    /// How many such cells there are.
    pub(crate) stray_count: usize,
    /// Every worksheet's name, in workbook order.
    pub(crate) order: Vec<String>,
}

/// The summary without the stored results of the cells [`crate::schema::summary::each_cell`]
/// fills with a formula, for a summary whose unit and category rows `c` read.
fn summary_as_verified(
    mut s: Sheet,
    c: &Consolidated,
    ledger_names: &[String],
    findings_sheets: &[(String, u32)],
) -> Sheet {
    use crate::schema::summary::{Content, Ranges, each_cell};
    let units: Vec<&str> = c.units.iter().map(|r| r.label.as_str()).collect();
    let categories: Vec<&str> = c.categories.iter().map(|r| r.label.as_str()).collect();
    let parents: Vec<&str> = c.parents.iter().map(|r| r.label.as_str()).collect();
    // Where the formulas are does not depend on the ranges they count over.
    let ledger: Vec<(String, u32)> = ledger_names.iter().map(|n| (n.clone(), 2)).collect();
    let ranges = Ranges {
        ledger: &ledger,
        findings: findings_sheets,
    };
    let mut formulas: Vec<(u32, u32)> = Vec::new();
    each_cell(
        &units,
        &categories,
        &parents,
        &ranges,
        NaiveDate::MIN,
        c.lang,
        &mut |(row, col), content| {
            if matches!(content, Content::Formula(_)) {
                formulas.push((row, u32::from(col)));
            }
        },
    );
    formulas.sort_unstable();
    for r in &mut s.rows {
        r.cells
            .retain(|x| formulas.binary_search(&(r.index, x.col)).is_err());
        r.cells.shrink_to_fit();
    }
    s
}

/// The cells of a sources sheet outside its title, its record, its column digests and its
/// inputs table (as `c` read them).
fn sources_beyond(s: &Sheet, c: &Consolidated) -> Vec<(CellRef, CellValue)> {
    let digests = c.meta.column_digests.len() as u32;
    let table = table_row(digests);
    let inputs = c.sources.iter().map(|e| e.row).max().unwrap_or(table);
    let table_width = SourcesCol::ALL.len() as u32;
    let record_row = crate::schema::sources::RECORD_ROW;
    let allowed = |row: u32, col: u32| {
        (row == 0 && col == 0)
            || ((record_row..COLUMN_DIGEST_ROW + digests).contains(&row)
                && (u32::from(LABEL_COL)..=u32::from(VALUE_COL)).contains(&col))
            || ((table..=inputs).contains(&row) && col < table_width)
    };
    let mut out = Vec::new();
    for r in &s.rows {
        for cell in r.cells.iter().filter(|x| !allowed(r.index, x.col)) {
            out.push((CellRef::new(r.index, cell.col), cell.value.clone()));
        }
    }
    out
}

/// The texts of the summary's formulas in `cells` (in sheet order), read again from the
/// workbook: for the few a proof reports, whose texts were not kept. A cell holding no
/// formula now gets an empty text.
pub(crate) fn summary_formula_texts(
    c: &Consolidated,
    cells: &[CellRef],
    limits: &Limits,
) -> Result<Vec<String>, ReadError> {
    let src = |cause| ReadError::Source {
        path: c.path.clone(),
        cause,
    };
    let (file, meta) = source::open_regular(Path::new(&c.path), limits).map_err(src)?;
    let marks = contained(src, || {
        let mut pkg = crate::source::written::Package::open(
            std::io::BufReader::new(file),
            meta.len(),
            limits,
        )?;
        pkg.stream_sheet(&c.summary_sheet, &mut |_, _| Ok(()))
    })?;
    let key = |at: &CellRef| (at.row, at.col);
    let mut marks = marks;
    marks.formulas.sort_by_key(|f| key(&f.cell));
    Ok(cells
        .iter()
        .map(|at| {
            marks
                .formulas
                .binary_search_by_key(&key(at), |f| key(&f.cell))
                .map(|i| marks.formulas[i].text.clone())
                .unwrap_or_default()
        })
        .collect())
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
pub(crate) fn is_taizhang_workbook(bytes: &[u8]) -> bool {
    custom_digest(bytes).is_some()
}

/// The inputs a consolidated workbook records on its sources sheet: (path, SHA-256) each, or
/// `None` when the file is not a workbook taizhang wrote. Only its zip directory, custom
/// properties and sources sheet are read, never the whole file.
pub(crate) fn recorded_sources_of_file(
    path: &Path,
    limits: &Limits,
) -> Option<Vec<(String, String)>> {
    if !is_taizhang_file(path, limits) {
        return None;
    }
    let (file, meta) = source::open_regular(path, limits).ok()?;
    let read = crate::crash::contain(|| -> Option<Vec<(String, String)>> {
        let mut pkg = crate::source::written::Package::open(
            std::io::BufReader::new(file),
            meta.len(),
            limits,
        )
        .ok()?;
        let names = pkg.sheet_names();
        for lang in [Lang::Zh, Lang::En] {
            let name = SheetKind::Sources.name(lang);
            if !names.contains(&name) {
                continue;
            }
            let sheet = pkg.read_sheet(&name).ok()?;
            let (sources, _) = sources_and_meta(&sheet.cells, lang);
            return Some(sources.into_iter().map(|s| (s.path, s.sha256)).collect());
        }
        Some(Vec::new())
    });
    Some(read.ok().flatten().unwrap_or_default())
}

/// The as-of date a consolidated workbook taizhang wrote records for its run (its sources
/// sheet's record), read without its rows; `None` for any other file, or one whose record
/// gives no date.
pub(crate) fn recorded_as_of(path: &Path, limits: &Limits) -> Option<NaiveDate> {
    if !is_taizhang_file(path, limits) {
        return None;
    }
    open_consolidated_rows(path, limits)
        .ok()?
        .workbook()
        .meta
        .as_of
}

/// The as-of dates the consolidated workbooks among `inputs` record, earliest first, each
/// once: the day a run over them judges on is the last, unless one is stated.
pub(crate) fn recorded_days(inputs: &[crate::source::Input], limits: &Limits) -> Vec<NaiveDate> {
    let mut days: Vec<NaiveDate> = inputs
        .iter()
        .filter(|i| i.problem.is_none())
        .filter_map(|i| recorded_as_of(&i.path, limits))
        .collect();
    days.sort();
    days.dedup();
    days
}

/// [`is_taizhang_workbook`] for a file, reading only its zip directory and custom
/// properties: whether to stream it ([`open_consolidated`]) rather than load it.
pub(crate) fn is_taizhang_file(path: &Path, limits: &Limits) -> bool {
    let Ok((file, _)) = source::open_regular(path, limits) else {
        return false;
    };
    let Ok(z) = zip::ZipArchive::new(std::io::BufReader::new(file)) else {
        return false;
    };
    custom_digest_of(z).is_some()
}

fn custom_digest(bytes: &[u8]) -> Option<String> {
    custom_digest_of(zip::ZipArchive::new(std::io::Cursor::new(bytes)).ok()?)
}

fn custom_digest_of<R: std::io::Read + std::io::Seek>(mut z: zip::ZipArchive<R>) -> Option<String> {
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

/// Reads a consolidated workbook, its ledger rows included (`Consolidated::rows`). For a large
/// workbook prefer `open_consolidated`, which streams the rows.
pub fn read_consolidated(path: &Path, limits: &Limits) -> Result<Consolidated, ReadError> {
    let opened = open_consolidated(path, limits)?;
    let mut rows = Vec::new();
    let mut c = opened.rows(&mut |_, r| rows.push(r))?;
    c.rows = rows;
    Ok(c)
}

/// Where the ledger rows of an opened workbook come from.
enum RowSource {
    /// An xlsx package, read sheet by sheet as its rows are asked for.
    Xlsx(Box<crate::source::written::Package<std::io::BufReader<std::fs::File>>>),
    /// The sheets of a workbook in another format, read whole.
    Sheets(Vec<Sheet>),
}

/// A consolidated workbook opened: its sources sheet and record read ([`Opened::workbook`],
/// with no rows yet), its ledger rows still to come, one at a time ([`Opened::rows`]) — so a
/// workbook of millions of rows is proven in little memory. The summary and the findings
/// of an xlsx workbook are read after the rows, by [`Opened::rows`]; those of a workbook in
/// another format, read whole, are there from the start.
pub(crate) struct Opened {
    c: Consolidated,
    source: RowSource,
    /// The ledger sheets, in workbook order.
    ledger_names: Vec<String>,
    /// The columns read ([`Opened::only`]); the others' cells are passed over.
    wanted: fn(Col) -> bool,
    /// What is read after the rows, for verify.
    rest: Option<Rest>,
}

/// What of an xlsx workbook opened for verify is read after its ledger rows: the summary (but
/// for its as-of date), the findings sheets and any sheet taizhang did not write. Nothing of
/// them is needed while the rows go by, and they grow with the units, not the rows.
struct Rest {
    summary_name: String,
    /// The sources sheet's cells outside its tables, and its marks (read before the rows).
    sources_beyond: Vec<(CellRef, CellValue)>,
    sources_marks: crate::source::written::Marks,
    /// Every worksheet's name, in workbook order.
    order: Vec<String>,
    /// The limits the workbook is read within.
    limits: Limits,
}

impl Rest {
    /// Reads the summary, the findings sheets and the sheets taizhang did not write into `c`
    /// (whose ledger sheets are `ledger_names`), and sets [`Consolidated::written`].
    fn read(
        self,
        pkg: &mut crate::source::written::Package<std::io::BufReader<std::fs::File>>,
        c: &mut Consolidated,
        ledger_names: &[String],
    ) -> Result<(), ReadError> {
        let src = |cause| ReadError::Source {
            path: c.path.clone(),
            cause,
        };
        let lang = c.lang;
        // The summary, its formulas kept by their digests.
        let mut summary = contained(src, || {
            pkg.read_sheet_with(
                &self.summary_name,
                crate::source::written::Formulas::Digests,
            )
        })?;
        let mut summary_formulas = std::mem::take(&mut summary.marks.digests);
        summary_formulas.sort_by_key(|f| (f.cell.row, f.cell.col));
        summary_formulas.shrink_to_fit();
        let mut marks = vec![summary.marks, self.sources_marks];
        let mut findings = FindingCounts::default();
        let mut findings_sheets = Vec::new();
        let mut strays = Strays::default();
        let width = FindingsCol::ALL.len() as u32;
        for name in self
            .order
            .iter()
            .filter(|n| sheet_is(n, lang, |k| matches!(k, SheetKind::Findings(_))))
        {
            let mut header_ok = false;
            let mut id_col = false;
            let mut last = 1u32;
            let m = contained(src, || {
                pkg.stream_sheet(name, &mut |index, cells| {
                    last = last.max(index + 1);
                    strays.see(name, index, cells, width);
                    let at = |c: FindingsCol| {
                        let col = u32::from(c.index());
                        text_of(cells.iter().find(|(_, k, _)| *k == col).map(|(_, _, v)| v))
                    };
                    if index == 0 {
                        header_ok = findings_header_ok(&at, lang);
                        id_col = at(FindingsCol::RuleId) == FindingsCol::RuleId.header(lang);
                    } else if header_ok {
                        findings.add(
                            severity_of_word(&at(FindingsCol::Severity), lang),
                            at(if id_col {
                                FindingsCol::RuleId
                            } else {
                                FindingsCol::Rule
                            }),
                            at(FindingsCol::Unit),
                        );
                    }
                    Ok(())
                })
            })?;
            if header_ok {
                findings_sheets.push((name.clone(), last));
            }
            marks.push(m);
        }
        // Any other sheet (one taizhang did not write): its marks, for the structure proof.
        for name in &self.order {
            let known = *name == self.summary_name
                || *name == c.sources_sheet
                || ledger_names.contains(name)
                || sheet_is(name, lang, |k| matches!(k, SheetKind::Findings(_)));
            if !known {
                marks.push(contained(src, || {
                    pkg.stream_sheet(name, &mut |_, _| Ok(()))
                })?);
            }
        }
        let tables = SummaryTables::of(&summary.cells, lang);
        c.sentence = tables.sentence;
        c.units = tables.units;
        c.total = tables.total;
        c.categories = tables.categories;
        c.parents = tables.parents;
        c.summary_as_of = tables.as_of;
        c.findings = findings.rows;
        let summary = summary_as_verified(summary.cells, c, ledger_names, &findings_sheets);
        c.written = Some(Written {
            marks,
            summary,
            sources_beyond: self.sources_beyond,
            summary_formulas,
            limits: self.limits,
            findings_sheets,
            stray: strays.kept,
            stray_count: strays.count,
            order: self.order,
        });
        Ok(())
    }
}

/// Cells beyond the written columns of a sheet: kept (at most [`STRAY_KEPT`]) and counted.
#[derive(Default)]
struct Strays {
    kept: Vec<(String, CellRef, String)>,
    count: usize,
}

impl Strays {
    fn absorb(&mut self, other: Strays) {
        self.count += other.count;
        for k in other.kept {
            if self.kept.len() < STRAY_KEPT {
                self.kept.push(k);
            }
        }
    }

    fn see(&mut self, sheet: &str, index: u32, cells: &[(u32, u32, CellValue)], width: u32) {
        for (_, col, v) in cells.iter().filter(|(_, col, _)| *col >= width) {
            self.count += 1;
            if self.kept.len() < STRAY_KEPT {
                self.kept
                    .push((sheet.to_string(), CellRef::new(index, *col), v.display()));
            }
        }
    }
}

impl Opened {
    /// Reads only the columns `wanted` says yes to: the others' cells are passed over unread
    /// and their values in each [`LedgerRow`] are empty (the row digest: ""). For a reader that
    /// has no use for them — the numbering and derived columns, when the rows are read as a
    /// ledger again.
    pub(crate) fn only(mut self, wanted: fn(Col) -> bool) -> Opened {
        self.wanted = wanted;
        self
    }

    /// The workbook as read so far: its record, sources and as-of date — everything but
    /// [`Consolidated::rows`] (empty), the ledger sheets' marks and stray cells, and for an
    /// xlsx workbook the summary's tables, the findings and [`Consolidated::written`] (which
    /// [`Opened::rows`] adds).
    pub(crate) fn workbook(&self) -> &Consolidated {
        &self.c
    }

    /// Streams the ledger rows in sheet order: `on_row` gets the workbook (as
    /// [`Opened::workbook`]) and each row. Returns the workbook with the ledger sheets' names,
    /// marks and stray cells filled in (and no rows), and — opened by [`open_consolidated`] —
    /// the summary, findings and other sheets read after the rows.
    pub(crate) fn rows(
        mut self,
        on_row: &mut dyn FnMut(&Consolidated, LedgerRow),
    ) -> Result<Consolidated, ReadError> {
        let path = self.c.path.clone();
        let src = |cause| ReadError::Source {
            path: path.clone(),
            cause,
        };
        let lang = self.c.lang;
        let width = Col::ALL.len() as u32;
        let wanted = self.wanted;
        let mut read_sheets = Vec::new();
        let mut strays = Strays::default();
        let mut ledger_marks = Vec::new();
        let c = &self.c;
        match &mut self.source {
            RowSource::Xlsx(pkg) => {
                let threads = crate::pool::default_threads();
                for name in &self.ledger_names {
                    let cols: std::sync::OnceLock<Option<LedgerColumns>> =
                        std::sync::OnceLock::new();
                    let mut head_strays = Strays::default();
                    // Rows in the header's chunk after the header (none, as taizhang writes).
                    let early: std::cell::RefCell<Vec<LedgerRow>> = Default::default();
                    /// A row as a worker makes it: the ledger row, and any cell beyond the
                    /// written columns.
                    struct Made {
                        row: Option<LedgerRow>,
                        strays: Strays,
                    }
                    let make = |index: u32, cells: &mut Vec<(u32, u32, CellValue)>| {
                        let mut strays = Strays::default();
                        strays.see(name, index, cells, width);
                        let row = cols
                            .get()
                            .and_then(|k| k.as_ref())
                            .map(|k| ledger_row(name, index, cells, k, wanted));
                        Some(Made { row, strays })
                    };
                    let marks = crate::crash::contain(|| {
                        pkg.stream_sheet_parallel(
                            name,
                            threads,
                            &mut |index, cells| {
                                head_strays.see(name, index, cells, width);
                                if index == HEADER_ROW {
                                    let _ = cols.set(
                                        LedgerColumns::of_cells(
                                            cells.iter().map(|(_, col, v)| (*col, v)),
                                        )
                                        .filter(|k| k.lang == lang),
                                    );
                                } else if let Some(Some(k)) = cols.get() {
                                    early
                                        .borrow_mut()
                                        .push(ledger_row(name, index, cells, k, wanted));
                                }
                                Ok(())
                            },
                            &|| match cols.get() {
                                Some(Some(k)) => k.unwanted(wanted),
                                _ => Vec::new(),
                            },
                            &make,
                            &mut |batch| {
                                for r in early.borrow_mut().drain(..) {
                                    on_row(c, r);
                                }
                                for m in batch {
                                    strays.absorb(m.strays);
                                    if let Some(r) = m.row {
                                        on_row(c, r);
                                    }
                                }
                            },
                        )
                    })
                    .map_err(|m| src(SourceError::ReaderFailed(m)))?
                    .map_err(src)?;
                    strays.absorb(head_strays);
                    for r in early.into_inner() {
                        on_row(c, r);
                    }
                    if cols.get().is_some_and(Option::is_some) {
                        read_sheets.push(name.clone());
                    }
                    ledger_marks.push(marks);
                }
            }
            RowSource::Sheets(sheets) => {
                for s in sheets
                    .iter()
                    .filter(|s| self.ledger_names.contains(&s.name))
                {
                    let Some(k) = LedgerColumns::of(s).filter(|k| k.lang == lang) else {
                        continue;
                    };
                    read_sheets.push(s.name.clone());
                    for r in s.rows.iter().filter(|r| r.index > HEADER_ROW) {
                        let mut cells: Vec<(u32, u32, CellValue)> = r
                            .cells
                            .iter()
                            .map(|x| (r.index, x.col, x.value.clone()))
                            .collect();
                        on_row(c, ledger_row(&s.name, r.index, &mut cells, &k, wanted));
                    }
                }
            }
        }
        if read_sheets.is_empty() {
            return Err(ReadError::NotConsolidated {
                path,
                lacks: Lacks::LedgerSheet,
            });
        }
        let mut c = self.c;
        if let (Some(rest), RowSource::Xlsx(pkg)) = (self.rest, &mut self.source) {
            rest.read(pkg, &mut c, &self.ledger_names)?;
        }
        c.ledger_sheets = read_sheets;
        if let Some(w) = c.written.as_mut() {
            w.marks.extend(ledger_marks);
            let order = w.order.clone();
            w.marks.sort_by_key(|m| {
                order
                    .iter()
                    .position(|n| *n == m.name)
                    .unwrap_or(usize::MAX)
            });
            w.stray_count += strays.count;
            let mut kept = strays.kept;
            kept.append(&mut w.stray);
            kept.truncate(STRAY_KEPT);
            w.stray = kept;
        }
        Ok(c)
    }
}

/// One data row of a ledger sheet, by its columns; the cells' values are taken (those of the
/// columns `wanted`).
fn ledger_row(
    sheet: &str,
    index: u32,
    cells: &mut [(u32, u32, CellValue)],
    k: &LedgerColumns,
    wanted: fn(Col) -> bool,
) -> LedgerRow {
    let mut take = |c: Col| -> Option<CellValue> {
        if !wanted(c) {
            return None;
        }
        let col = k.col(c)?;
        let i = cells.binary_search_by_key(&col, |(_, c, _)| *c).ok()?;
        Some(std::mem::replace(&mut cells[i].2, CellValue::Bool(false)))
    };
    let mut values = Vec::with_capacity(Col::ALL.len());
    values.extend(crate::schema::ledger::digested().map(|c| out_of_owned(take(c))));
    let digest = match take(Col::RowDigest) {
        Some(CellValue::Text(t)) => t,
        Some(v) => v.display(),
        None => String::new(),
    };
    LedgerRow {
        sheet: sheet.to_string(),
        row: index,
        values,
        digest,
    }
}

/// [`out_of`] on a value it may take.
fn out_of_owned(v: Option<CellValue>) -> Out {
    match v {
        Some(CellValue::Text(s)) if s.is_empty() => Out::Empty,
        Some(CellValue::Text(s)) => Out::Text(s),
        other => out_of(other.as_ref()),
    }
}

fn contained<T>(
    src: impl Fn(SourceError) -> ReadError,
    f: impl FnOnce() -> Result<T, SourceError>,
) -> Result<T, ReadError> {
    crate::crash::contain(f)
        .map_err(|m| src(SourceError::ReaderFailed(m)))?
        .map_err(src)
}

/// Opens a consolidated workbook: reads its sources sheet, its record and the summary's as-of
/// date, and checks it is one; the ledger rows are read by [`Opened::rows`], and after them
/// the summary, the findings sheets and any sheet taizhang did not write.
pub(crate) fn open_consolidated(path: &Path, limits: &Limits) -> Result<Opened, ReadError> {
    open_reading(path, limits, true)
}

/// [`open_consolidated`] for a reader of the ledger rows only (`check`, `merge`, `report`,
/// `diff`): of the sources sheet only the record is read, and the summary, the findings
/// sheets and any sheet taizhang did not write not at all, so [`Consolidated::sources`],
/// [`Consolidated::findings`], [`Consolidated::units`], [`Consolidated::categories`] and
/// [`Consolidated::parents`] are empty and [`Consolidated::total`],
/// [`Consolidated::sentence`] and [`Consolidated::summary_as_of`] `None`, and nothing is kept
/// for the structure proof ([`Consolidated::written`] is `None`). What verify needs is never
/// taken from such a workbook.
pub(crate) fn open_consolidated_rows(path: &Path, limits: &Limits) -> Result<Opened, ReadError> {
    open_reading(path, limits, false)
}

fn open_reading(path: &Path, limits: &Limits, everything: bool) -> Result<Opened, ReadError> {
    let p = path.display().to_string();
    let src = |cause| ReadError::Source {
        path: p.clone(),
        cause,
    };
    let not = |lacks: Lacks| ReadError::NotConsolidated {
        path: p.clone(),
        lacks,
    };
    let (mut file, meta) = source::open_regular(path, limits).map_err(src)?;
    let mut head = [0u8; 4];
    let n = file
        .read(&mut head)
        .map_err(|e| src(SourceError::from(e)))?;
    std::io::Seek::rewind(&mut file).map_err(|e| src(SourceError::from(e)))?;
    let ext = path.extension().and_then(|e| e.to_str()).unwrap_or("");
    if !head[..n].starts_with(b"PK") {
        // Not a zip package: what it is, for the message.
        let format =
            source::sniff(&source::load(path, limits).map_err(src)?.bytes, ext).map_err(src)?;
        return Err(not(Lacks::Format(format)));
    }
    let mut zip = zip::ZipArchive::new(std::io::BufReader::new(file))
        .map_err(|e| src(SourceError::Corrupt(format!("zip container: {e}"))))?;
    let format = source::format_of_zip(&mut zip, ext).map_err(src)?;
    if !matches!(format, Format::Xlsx | Format::Xlsm | Format::Ods) {
        return Err(not(Lacks::Format(format)));
    }
    if format == Format::Ods {
        return open_sheets(path, &p, format, limits);
    }
    let mut pkg = contained(src, || {
        crate::source::written::Package::from_archive(zip, meta.len(), limits)
    })?;
    let order = pkg.sheet_names();
    let lang = order
        .iter()
        .find_map(|n| match SheetKind::of_name(n) {
            Some((SheetKind::Ledger(_), l)) => Some(l),
            _ => None,
        })
        .ok_or_else(|| not(Lacks::LedgerSheet))?;
    let summary_name = SheetKind::Summary.name(lang);
    let sources_name = SheetKind::Sources.name(lang);
    if !order.contains(&summary_name) {
        return Err(not(Lacks::Summary));
    }
    if !order.contains(&sources_name) {
        return Err(not(Lacks::Sources));
    }
    // While the rows go by, the summary gives only its as-of date (the date the derived
    // columns are judged by when the record lacks one); the rest of it, the findings sheets
    // and any sheet taizhang did not write are read after the rows ([`Rest`]): a city's
    // summary and findings are tens of thousands of cells, which verify needs only at the end
    // and a reader of the rows never.
    let summary_head = match everything {
        true => contained(src, || rows_before(&mut pkg, &summary_name, AS_OF_ROW + 1))?,
        false => Sheet::new(summary_name.clone()),
    };
    // The sources sheet: its record, and for verify its inputs table (a row per input).
    let (sources, sources_marks) = match everything {
        true => {
            let w = contained(src, || pkg.read_sheet(&sources_name))?;
            (w.cells, Some(w.marks))
        }
        false => (
            contained(src, || rows_before(&mut pkg, &sources_name, TABLE_ROW))?,
            None,
        ),
    };
    let ledger_names: Vec<String> = order
        .iter()
        .filter(|n| sheet_is(n, lang, |k| matches!(k, SheetKind::Ledger(_))))
        .cloned()
        .collect();
    let property = pkg.custom_digest();
    let c =
        consolidated_of(&p, lang, &summary_head, &sources, Vec::new(), property).map_err(not)?;
    let rest = sources_marks.map(|sources_marks| Rest {
        summary_name,
        sources_beyond: sources_beyond(&sources, &c),
        sources_marks,
        order,
        limits: *limits,
    });
    Ok(Opened {
        c,
        source: RowSource::Xlsx(Box::new(pkg)),
        ledger_names,
        wanted: |_| true,
        rest,
    })
}

/// Whether `name` is the name of a sheet of the `kind` taizhang writes, in `lang`.
fn sheet_is(name: &str, lang: Lang, kind: fn(&SheetKind) -> bool) -> bool {
    matches!(SheetKind::of_name(name), Some((k, l)) if l == lang && kind(&k))
}

/// The cells of a sheet's rows before `end` (0-based), the rest of it passed over.
fn rows_before(
    pkg: &mut crate::source::written::Package<std::io::BufReader<std::fs::File>>,
    name: &str,
    end: u32,
) -> Result<Sheet, SourceError> {
    let mut cells = Vec::new();
    pkg.stream_sheet_with(
        name,
        crate::source::written::Formulas::Ignored,
        &mut |index, row| {
            if index < end {
                cells.append(row);
            }
            Ok(())
        },
    )?;
    Ok(Sheet::from_written_cells(name, cells))
}

/// Opens a consolidated workbook in a format other than xlsx, read whole by the sources'
/// readers: nothing for the structure proof.
fn open_sheets(path: &Path, p: &str, format: Format, limits: &Limits) -> Result<Opened, ReadError> {
    let src = |cause| ReadError::Source {
        path: p.to_string(),
        cause,
    };
    let not = |lacks: Lacks| ReadError::NotConsolidated {
        path: p.to_string(),
        lacks,
    };
    let bytes = source::load(path, limits).map_err(src)?.bytes;
    let sheets = contained(src, || source::parse(&bytes, format, "", limits))?;
    let ledgers = ledger_sheets(&sheets);
    let lang = ledgers
        .first()
        .map(|(_, c)| c.lang)
        .ok_or_else(|| not(Lacks::LedgerSheet))?;
    let find = |kind: SheetKind| sheets.iter().find(|s| s.name == kind.name(lang));
    let summary = find(SheetKind::Summary).ok_or_else(|| not(Lacks::Summary))?;
    let sources_sheet = find(SheetKind::Sources).ok_or_else(|| not(Lacks::Sources))?;
    let findings = findings_rows(&sheets, lang);
    let c = consolidated_of(
        p,
        lang,
        summary,
        sources_sheet,
        findings,
        custom_digest(&bytes),
    )
    .map_err(not)?;
    let ledger_names = ledgers
        .iter()
        .map(|(i, _)| sheets[*i].name.clone())
        .collect();
    Ok(Opened {
        c,
        source: RowSource::Sheets(sheets),
        ledger_names,
        wanted: |_| true,
        rest: None,
    })
}

/// What the summary's cells say: its tables' rows, its as-of date and its sentence.
struct SummaryTables {
    units: Vec<SummaryRow>,
    total: Option<SummaryRow>,
    categories: Vec<SummaryRow>,
    parents: Vec<SummaryRow>,
    as_of: Option<NaiveDate>,
    sentence: Option<(CellRef, String)>,
}

impl SummaryTables {
    fn of(summary: &Sheet, lang: Lang) -> SummaryTables {
        let (units, total) =
            counter_table(summary, TABLE_HEADER_ROW, &COLUMNS, Some(total_label(lang)));
        let layout = Layout {
            units: units.len() as u32,
            categories: 0,
            parents: 0,
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
        // The table by parent, when the summary has one (a workbook written before has none).
        let layout = Layout {
            categories: categories.len() as u32,
            ..layout
        };
        let parents = match summary.value(layout.parent_header_row(), 0) {
            Some(v) if v.display() == parent_header(lang) => {
                counter_table(
                    summary,
                    layout.parent_header_row(),
                    &category_columns(),
                    None,
                )
                .0
            }
            _ => Vec::new(),
        };
        let as_of = match summary.value(AS_OF_ROW, AS_OF_COL.into()) {
            Some(CellValue::Date(d)) => Some(d.date()),
            Some(v) => NaiveDate::parse_from_str(v.display().trim(), "%Y-%m-%d").ok(),
            None => None,
        };
        let sentence = summary
            .value(SENTENCE_ROW, 0)
            .map(|v| (CellRef::new(SENTENCE_ROW, 0), v.display()));
        SummaryTables {
            units,
            total,
            categories,
            parents,
            as_of,
            sentence,
        }
    }
}

/// The workbook from its summary and sources sheets and its findings rows (no ledger rows).
fn consolidated_of(
    path: &str,
    lang: Lang,
    summary: &Sheet,
    sources_sheet: &Sheet,
    findings: Vec<FindingRow>,
    property_digest: Option<String>,
) -> Result<Consolidated, Lacks> {
    let SummaryTables {
        units,
        total,
        categories,
        parents,
        as_of: summary_as_of,
        sentence,
    } = SummaryTables::of(summary, lang);
    let (sources, meta) = sources_and_meta(sources_sheet, lang);
    if meta.ledger_digest.is_empty() {
        return Err(Lacks::LedgerDigest);
    }
    let parent_header = Col::Parent.header(lang);
    let parent_column = meta.column_digests.is_empty()
        || meta.column_digests.iter().any(|(h, _)| h == parent_header);
    Ok(Consolidated {
        path: path.to_string(),
        lang,
        summary_sheet: summary.name.clone(),
        sources_sheet: sources_sheet.name.clone(),
        sentence,
        units,
        total,
        categories,
        parents,
        ledger_sheets: Vec::new(),
        header: digested_of(parent_column)
            .map(|c| c.header(lang).to_string())
            .collect(),
        parent_column,
        rows: Vec::new(),
        findings,
        sources,
        meta,
        property_digest,
        summary_as_of,
        written: None,
    })
}

/// True when a findings sheet's header row (`at` a column) is the findings header: every
/// column's header, the rule's id's too or, as a workbook written before it had one, without.
fn findings_header_ok(at: &dyn Fn(FindingsCol) -> String, lang: Lang) -> bool {
    FindingsCol::ALL
        .iter()
        .filter(|c| **c != FindingsCol::RuleId)
        .all(|c| at(*c) == c.header(lang))
}

/// The rows of every findings sheet whose header row is the findings header.
fn findings_rows(sheets: &[Sheet], lang: Lang) -> Vec<FindingRow> {
    let header_ok = |s: &Sheet| {
        findings_header_ok(
            &|c: FindingsCol| text_of(s.value(0, c.index().into())),
            lang,
        )
    };
    sheets
        .iter()
        .filter(|s| {
            matches!(SheetKind::of_name(&s.name), Some((SheetKind::Findings(_), l)) if l == lang)
        })
        .filter(|s| header_ok(s))
        .fold(FindingCounts::default(), |mut counts, s| {
            let id_col = text_of(s.value(0, FindingsCol::RuleId.index().into()))
                == FindingsCol::RuleId.header(lang);
            for r in s.rows.iter().filter(|r| r.index > 0) {
                let at = |c: FindingsCol| text_of(s.value(r.index, c.index().into()));
                counts.add(
                    severity_of_word(&at(FindingsCol::Severity), lang),
                    at(if id_col {
                        FindingsCol::RuleId
                    } else {
                        FindingsCol::Rule
                    }),
                    at(FindingsCol::Unit),
                );
            }
            counts
        })
        .rows
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
            Record::Follows => meta.follows = Some(v.trim().to_string()).filter(|d| !d.is_empty()),
        }
    }
    let prefix = column_digest_label(lang);
    let mut row = COLUMN_DIGEST_ROW;
    while let Some(h) = at(row, LABEL_COL).strip_prefix(prefix) {
        meta.column_digests
            .push((h.to_string(), at(row, VALUE_COL)));
        row += 1;
    }
    // The table's columns by their headers: a workbook written before had the SHA-256 third.
    // Its row is below the digests read (one fewer in a workbook written before the parent).
    let table = table_row(meta.column_digests.len() as u32);
    let width = SourcesCol::ALL.len() as u16;
    let col_of = |c: SourcesCol| (0..width).find(|k| at(table, *k) == c.header(lang));
    let cols: Option<Vec<u16>> = SourcesCol::ALL.iter().map(|c| col_of(*c)).collect();
    let col = |c: SourcesCol| {
        cols.as_ref()
            .map_or(c.index(), |v| v[usize::from(c.index())])
    };
    let mut sources = Vec::new();
    if cols.is_some() {
        for r in sheet.rows.iter().filter(|r| r.index > table) {
            if !matches!(
                sheet.value(r.index, col(SourcesCol::No).into()),
                Some(CellValue::Number(_))
            ) {
                continue;
            }
            sources.push(SourceEntry {
                path: at(r.index, col(SourcesCol::File)),
                sha256: at(r.index, col(SourcesCol::Sha256)),
                bytes: match sheet.value(r.index, col(SourcesCol::Bytes).into()) {
                    Some(CellValue::Number(n)) => *n as u64,
                    _ => 0,
                },
                row: r.index,
            });
        }
    }
    (sources, meta)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn header_row(without: &[Col]) -> Vec<(u32, CellValue)> {
        Col::ALL
            .into_iter()
            .filter(|c| !without.contains(c))
            .enumerate()
            .map(|(i, c)| (i as u32, CellValue::Text(c.header_cell(Lang::Zh).into())))
            .collect()
    }

    fn columns(without: &[Col]) -> Option<LedgerColumns> {
        let cells = header_row(without);
        LedgerColumns::of_cells(cells.iter().map(|(c, v)| (*c, v)))
    }

    #[test]
    fn a_ledger_header_written_before_the_parent_column_is_still_the_consolidated_header() {
        let now = columns(&[]).expect("the header as written now");
        assert_eq!(now.col(Col::Parent), Some(25));
        assert_eq!(now.col(Col::RowDigest), Some(26));
        let before = columns(&[Col::Parent]).expect("the header as written before");
        assert_eq!(before.col(Col::Parent), None);
        assert_eq!(before.col(Col::RowDigest), Some(25));
        // Any other column missing: not the consolidated header.
        assert!(columns(&[Col::Id]).is_none());
        assert!(columns(&[Col::Parent, Col::Category]).is_none());
        // The inputs' table sits below the column digests the workbook has.
        assert_eq!(TABLE_ROW, table_row(26));
        assert_eq!(table_row(25) + 1, TABLE_ROW);
    }
}
