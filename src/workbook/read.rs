//! Reading a consolidated workbook back: the rows of its ledger sheets, its summary's cached
//! numbers, its findings, its sources and the digests recorded at merge time.
//!
//! `verify` and `diff` work on a [`Consolidated`]; `check`, `merge` and `report` take a
//! consolidated workbook as an input through [`ledgers_from_sheets`], which turns its ledger
//! sheet back into the ledger model (one ledger per community, measures already split).

use super::columns::{Col, Out};
use super::summary::{SOURCE_LABELS, SUMMARY_COLUMNS, column_digest_label, sources_headers};
use super::{findings_headers, severity_word};
use crate::Lang;
use crate::config::Settings;
use crate::finding::Severity;
use crate::layout::{Column, Layout};
use crate::ledger::{Ledger, build_ledger};
use crate::source::grid::{CellRef, CellValue, Sheet};
use crate::source::{self, Format, SourceError, guard::Limits};
use crate::value::header::Field;
use chrono::NaiveDate;
use std::collections::HashMap;
use std::io::Read;
use std::path::Path;

/// Why a file could not be read as a consolidated workbook.
#[derive(Debug, thiserror::Error)]
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
    #[error("{path}: not a consolidated workbook written by taizhang merge ({why})")]
    NotConsolidated {
        /// The file.
        path: String,
        /// What is missing.
        why: String,
    },
}

/// The value of a cell as the ledger sheet holds it.
pub fn out_of(v: Option<&CellValue>) -> Out {
    match v {
        None => Out::Empty,
        Some(CellValue::Text(s)) if s.is_empty() => Out::Empty,
        Some(CellValue::Text(s)) => Out::Text(s.clone()),
        Some(CellValue::Number(n)) => Out::Number(*n),
        Some(CellValue::Date(d)) => Out::Date(d.date()),
        Some(other) => Out::Text(other.display()),
    }
}

fn text_of(v: Option<&CellValue>) -> String {
    v.map(CellValue::display).unwrap_or_default()
}

/// The language of a ledger sheet, when its first row is the consolidated header.
pub fn ledger_header_lang(sheet: &Sheet) -> Option<Lang> {
    let top = sheet.rows.first().filter(|r| r.index == 0)?;
    [Lang::Zh, Lang::En].into_iter().find(|lang| {
        Col::ALL
            .iter()
            .filter(|c| **c != Col::RowDigest)
            .all(|c| text_of(sheet.value(top.index, c.index().into())) == c.header(*lang))
    })
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
    /// The cached value (`None` when it is not a number).
    pub value: Option<f64>,
}

/// A row of the summary table: a community, the total, or a category.
#[derive(Debug, Clone, PartialEq)]
pub struct SummaryRow {
    /// What the first cell says.
    pub label: String,
    /// The counters by key ([`SUMMARY_COLUMNS`]).
    pub cells: Vec<(String, SummaryCell)>,
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
    /// The as-of date.
    pub as_of: Option<NaiveDate>,
    /// `taizhang 0.1.0`.
    pub version: String,
    /// The configuration in force, as TOML.
    pub config: String,
    /// The number of ledger rows.
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
}

fn summary_rows(
    sheet: &Sheet,
    lang: Lang,
) -> (Vec<SummaryRow>, Option<SummaryRow>, Vec<SummaryRow>) {
    let mut communities = Vec::new();
    let mut total = None;
    let mut categories = Vec::new();
    let first_header = lang.pick(SUMMARY_COLUMNS[0].1, SUMMARY_COLUMNS[0].2);
    let cat_header = lang.pick("问题类别", "Category");
    let total_label = lang.pick("合计", "Total");
    let mut mode = 0; // 0 before the table, 1 communities, 2 categories
    let mut keys: Vec<Option<String>> = Vec::new();
    for r in &sheet.rows {
        let first = text_of(sheet.value(r.index, 0));
        if first == first_header || first == cat_header {
            mode = if first == first_header { 1 } else { 2 };
            keys = r
                .cells
                .iter()
                .map(|c| {
                    let t = c.value.display();
                    SUMMARY_COLUMNS
                        .iter()
                        .find(|(_, zh, en)| lang.pick(zh, en) == t)
                        .map(|(k, _, _)| k.to_string())
                })
                .collect();
            continue;
        }
        if mode == 0 || first.is_empty() {
            if mode == 2 && first.is_empty() {
                mode = 0;
            }
            continue;
        }
        let cells = r
            .cells
            .iter()
            .zip(keys.iter())
            .skip(1)
            .filter_map(|(c, k)| {
                let k = k.clone()?;
                let value = match &c.value {
                    CellValue::Number(n) => Some(*n),
                    CellValue::Text(t) => t.trim().parse().ok(),
                    _ => None,
                };
                Some((
                    k,
                    SummaryCell {
                        cell: CellRef::new(r.index, c.col),
                        value,
                    },
                ))
            })
            .collect();
        let row = SummaryRow {
            label: first.clone(),
            cells,
        };
        match mode {
            1 if first == total_label => {
                total = Some(row);
                mode = 0;
            }
            1 => communities.push(row),
            _ => categories.push(row),
        }
    }
    (communities, total, categories)
}

fn custom_digest(bytes: &[u8]) -> Option<String> {
    let mut z = zip::ZipArchive::new(std::io::Cursor::new(bytes)).ok()?;
    let mut xml = String::new();
    z.by_name("docProps/custom.xml")
        .ok()?
        .take(1 << 20)
        .read_to_string(&mut xml)
        .ok()?;
    let at = xml.find("taizhang.ledger_digest")?;
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
    if !matches!(format, Format::Xlsx | Format::Xlsm | Format::Ods) {
        return Err(ReadError::NotConsolidated {
            path: p,
            why: format!("a {format} file"),
        });
    }
    let sheets = crate::crash::contain(|| source::parse(&loaded.bytes, format, "", limits))
        .map_err(|m| src(SourceError::ReaderFailed(m)))?
        .map_err(src)?;
    let not = |why: &str| ReadError::NotConsolidated {
        path: p.clone(),
        why: why.to_string(),
    };
    let ledger_sheets: Vec<&Sheet> = sheets
        .iter()
        .filter(|s| ledger_header_lang(s).is_some())
        .collect();
    let lang = ledger_sheets
        .first()
        .and_then(|s| ledger_header_lang(s))
        .ok_or_else(|| not("no ledger sheet with the consolidated header"))?;
    let names = super::SheetNames { lang };
    let summary = sheets
        .iter()
        .find(|s| s.name == names.summary())
        .ok_or_else(|| not("no summary sheet"))?;
    let sources_sheet = sheets
        .iter()
        .find(|s| s.name == names.sources())
        .ok_or_else(|| not("no sources sheet"))?;

    let header: Vec<String> = Col::ALL
        .iter()
        .filter(|c| **c != Col::RowDigest)
        .map(|c| c.header(lang).to_string())
        .collect();
    let mut rows = Vec::new();
    for s in &ledger_sheets {
        for r in s.rows.iter().filter(|r| r.index > 0) {
            let values = Col::ALL
                .iter()
                .filter(|c| **c != Col::RowDigest)
                .map(|c| out_of(s.value(r.index, c.index().into())))
                .collect();
            rows.push(LedgerRow {
                sheet: s.name.clone(),
                row: r.index,
                values,
                digest: text_of(s.value(r.index, Col::RowDigest.index().into())),
            });
        }
    }

    let (communities, total, categories) = summary_rows(summary, lang);
    let sentence = summary
        .rows
        .iter()
        .take(6)
        .flat_map(|r| r.cells.iter().map(move |c| (r.index, c)))
        .find(|(_, c)| {
            c.value.display().starts_with(lang.pick("截至", "As of "))
                && c.value.display().len() > 20
        })
        .map(|(r, c)| (CellRef::new(r, c.col), c.value.display()));

    let fh = findings_headers(lang);
    let findings = sheets
        .iter()
        .filter(|s| s.name.starts_with(&names.findings(1)))
        .filter(|s| text_of(s.value(0, 1)) == fh[1])
        .flat_map(|s| {
            s.rows.iter().filter(|r| r.index > 0).map(move |r| {
                let sev_text = text_of(s.value(r.index, 1));
                FindingRow {
                    severity: [Severity::Error, Severity::Warning, Severity::Info]
                        .into_iter()
                        .find(|x| severity_word(*x, lang) == sev_text),
                    rule: text_of(s.value(r.index, 2)),
                    community: text_of(s.value(r.index, 3)),
                }
            })
        })
        .collect();

    let sh = sources_headers(lang);
    let mut sources = Vec::new();
    let mut meta = Meta::default();
    let mut in_table = false;
    let digest_prefix = column_digest_label(lang);
    for r in &sources_sheet.rows {
        let b = text_of(sources_sheet.value(r.index, 1));
        let c = text_of(sources_sheet.value(r.index, 2));
        if b == sh[1] && c == sh[2] {
            in_table = true;
            continue;
        }
        let a = sources_sheet.value(r.index, 0);
        if in_table && matches!(a, Some(CellValue::Number(_))) {
            sources.push(SourceEntry {
                path: b,
                sha256: c,
                bytes: match sources_sheet.value(r.index, 3) {
                    Some(CellValue::Number(n)) => *n as u64,
                    _ => 0,
                },
                row: r.index,
            });
            continue;
        }
        in_table = false;
        if let Some(h) = b.strip_prefix(digest_prefix) {
            meta.column_digests.push((h.to_string(), c));
            continue;
        }
        let key = SOURCE_LABELS
            .iter()
            .find(|(_, zh, en)| lang.pick(zh, en) == b)
            .map(|x| x.0);
        match key {
            Some("as_of") => meta.as_of = NaiveDate::parse_from_str(c.trim(), "%Y-%m-%d").ok(),
            Some("version") => meta.version = c,
            Some("config") => meta.config = c,
            Some("ledger_rows") => meta.ledger_rows = c.trim().parse().ok(),
            Some("ledger_digest") => meta.ledger_digest = c.trim().to_string(),
            _ => {}
        }
    }
    if meta.ledger_digest.is_empty() {
        return Err(not("no ledger digest on the sources sheet"));
    }
    Ok(Consolidated {
        path: p,
        lang,
        summary_sheet: summary.name.clone(),
        sentence,
        communities,
        total,
        categories,
        ledger_sheets: ledger_sheets.iter().map(|s| s.name.clone()).collect(),
        header,
        rows,
        findings,
        sources,
        meta,
        property_digest: custom_digest(&loaded.bytes),
    })
}

/// The columns of the consolidated ledger sheet read as fields when it is an input; the
/// problem number stands for `seq`, so problems keep their identity.
fn field_of_col(c: Col) -> Option<Field> {
    Some(match c {
        Col::ProblemNo => Field::Seq,
        Col::Category => Field::Category,
        Col::Problem => Field::Problem,
        Col::Measure => Field::Measure,
        Col::Leader => Field::Leader,
        Col::Department => Field::Department,
        Col::Person => Field::Person,
        Col::DeadlineWritten => Field::Deadline,
        Col::StatusWritten => Field::Status,
        Col::CompletedOn => Field::CompletedOn,
        Col::Note => Field::Note,
        _ => return None,
    })
}

/// Columns carried over as extra columns: everything a source held that is not a field.
fn is_carried(c: Col) -> bool {
    matches!(
        c,
        Col::Extras
            | Col::Seq
            | Col::MeasureCell
            | Col::SourceFile
            | Col::SourceSheet
            | Col::SourceRow
    )
}

/// When the sheets are those of a consolidated workbook, its ledgers: one per ledger sheet and
/// community, measures as the sheet holds them (not split again).
pub fn ledgers_from_sheets(
    sheets: &[Sheet],
    file: &str,
    file_name: &str,
    settings: &Settings,
) -> Option<Vec<Ledger>> {
    let mut out = Vec::new();
    let mut found = false;
    for sheet in sheets {
        let Some(lang) = ledger_header_lang(sheet) else {
            continue;
        };
        found = true;
        let columns: Vec<Column> = Col::ALL
            .iter()
            .filter(|c| field_of_col(**c).is_some() || is_carried(**c))
            .map(|c| Column {
                col: c.index().into(),
                field: field_of_col(*c),
                label: c.header(lang).to_string(),
            })
            .collect();
        let community_col = u32::from(Col::Community.index());
        // The rows of each community, communities in order of first row: one pass.
        let header: Vec<_> = sheet
            .rows
            .iter()
            .filter(|r| r.index == 0)
            .cloned()
            .collect();
        let mut index: HashMap<String, usize> = HashMap::new();
        let mut groups: Vec<(String, Vec<crate::source::grid::Row>)> = Vec::new();
        for r in sheet.rows.iter().filter(|r| r.index > 0) {
            let c = text_of(sheet.value(r.index, community_col));
            let k = *index.entry(c.clone()).or_insert_with(|| {
                groups.push((c, header.clone()));
                groups.len() - 1
            });
            groups[k].1.push(r.clone());
        }
        for (community, rows) in groups {
            let part = Sheet {
                name: sheet.name.clone(),
                visibility: sheet.visibility,
                rows,
                merges: Vec::new(),
                merges_known: true,
            };
            let layout = Layout {
                header_row: 0,
                header_height: 1,
                columns: columns.clone(),
                duplicates: Vec::new(),
                data_start: 1,
                data_end: sheet.height(),
                title_community: None,
                fixed_community: Some(community),
                split_measures: false,
            };
            out.push(build_ledger(&part, layout, file, file_name, settings));
        }
    }
    found.then_some(out)
}
