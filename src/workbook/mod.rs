//! Writing workbooks: the consolidated workbook of `taizhang merge` (spec 6), as
//! [`crate::schema`] describes it; the changes workbook of `taizhang diff -o` (`changes`);
//! the standard ledger of `template` and `convert` (`template`).
//!
//! Each file's measures become ledger rows on the thread that read the file (`prepare`):
//! placed in input order by their turn, written as XML and compressed there. [`Consolidator`]
//! takes the prepared files in input order and appends their rows to a temporary file per
//! ledger sheet, keeping only what the other sheets need: counters by unit and by
//! category, the findings (spooled to disk, `spool`), the inputs, and the digests. The workbook
//! is then finished — rust_xlsxwriter writes the summary (`summary`), the sheets' headers and
//! setup (`style`), the sources (`sources`) — and packed by `pack` with the rows
//! (`rows`) spliced in, whole or not at all ([`crate::write`]).

pub(crate) mod changes;
pub(crate) mod prepare;
pub(crate) mod rows;
pub(crate) mod sources;
pub(crate) mod split;
pub(crate) mod spool;
pub(crate) mod style;
pub(crate) mod summary;
pub(crate) mod template;

/// What [`Consolidator::preparer`] and [`Consolidator::add_prepared`] hand over, and what a
/// list refuses ([`crate::run::RunError`]): named here, their modules are internal.
pub use prepare::{PreparedFile, Preparer};
pub use split::SplitError;

use crate::config::Settings;
use crate::model::{Counters, Timing};
use crate::pack::{self, deflate};
use crate::pipeline::FileResult;
use crate::schema::digest::LedgerDigest;
use crate::schema::findings::FindingsCol;
use crate::schema::ledger::{
    Col, Out, digested_headers, status_choices, status_prompt, timing_word,
};
use crate::schema::sources::{SourcesCol, TABLE_ROW};
use crate::schema::{MAX_DATA_ROWS, SheetKind, properties};
use crate::tally::Tally;
use crate::value::text::column_letters;
use prepare::Turns;
use rust_xlsxwriter::{
    ConditionalFormatFormula, DataValidation, DocProperties, ExcelDateTime, Workbook, Worksheet,
    XlsxError,
};
use std::path::Path;
use std::sync::Arc;
use style::{Formats, Widths, print_setup};

/// The deflate level of the workbook's parts: with 2, merging 200 ledgers of 500 rows takes
/// about 0.8 of the time it takes with zlib's default 6, for a file about 25 % larger
/// (measured in BENCHMARKS.md).
pub(crate) const ZIP_LEVEL: u8 = 2;

/// The style index of the ledger's date cells, written with the rows long before the workbook's
/// styles are: the date format is the first the workbook registers after its default (index
/// 0). Checked when the workbook is finished.
pub(crate) const DATE_STYLE: u32 = 1;

/// The style index of the ledger's centred cells ([`Col::is_centred`]): the format registered
/// after the date's. Checked when the workbook is finished.
pub(crate) const CENTRED_STYLE: u32 = 2;

/// Errors while building the workbook.
#[derive(Debug, thiserror::Error)]
pub enum WorkbookError {
    /// rust_xlsxwriter refused.
    #[error("building the workbook: {0}")]
    Xlsx(#[from] XlsxError),
    /// The file could not be written.
    #[error(transparent)]
    Write(#[from] crate::write::WriteError),
    /// The writer stopped inside rust_xlsxwriter (it panics when its temporary files cannot be
    /// written, as on a full disk).
    #[error("cannot write the workbook: {0} (is the disk, or the temporary folder, full?)")]
    WriterStopped(String),
}

impl WorkbookError {
    /// Why the workbook could not be built or written, in a language.
    pub(crate) fn said(&self, lang: crate::Lang) -> String {
        use crate::messages::errors;
        match self {
            WorkbookError::Xlsx(x) => errors::doing(
                errors::Doing::BuildingWorkbook,
                &errors::xlsx_error(x, lang),
                lang,
            ),
            WorkbookError::Write(w) => w.said(lang),
            WorkbookError::WriterStopped(m) => errors::writer_stopped(m, lang),
        }
    }
}

/// Counters by category (or by parent), for the summary's breakdowns.
#[derive(Debug, Clone, Default)]
pub(crate) struct CategoryCounters {
    /// (category, counters) in order of first appearance; an empty name is "no category".
    pub(crate) rows: Vec<(String, Counters)>,
}

impl CategoryCounters {
    /// Adds other counters by category, keeping the order of first appearance.
    pub(crate) fn merge(&mut self, other: &CategoryCounters) {
        for (name, c) in &other.rows {
            self.get(name).add(c);
        }
    }

    /// The counters of a category, added when it is new.
    pub(crate) fn get(&mut self, name: &str) -> &mut Counters {
        let i = match self.rows.iter().position(|(n, _)| n == name) {
            Some(i) => i,
            None => {
                self.rows.push((name.to_string(), Counters::default()));
                self.rows.len() - 1
            }
        };
        &mut self.rows[i].1
    }
}

/// Builds the consolidated workbook from files' results, in input order.
pub struct Consolidator<'s> {
    settings: &'s Settings,
    wb: Workbook,
    fmt: Formats,
    summary_ix: usize,
    sources_ix: usize,
    /// The ledger's rows, compressed, one file per ledger sheet.
    ledger: Vec<deflate::SegmentFile>,
    /// Where files' rows go.
    turns: Arc<Turns>,
    /// The findings, until the findings sheets are written.
    spool: spool::FindingSpool,
    /// The inputs' rows of the sources sheet, written as the files come.
    sources: rows::RowFile,
    digest: LedgerDigest,
    widths: Widths,
    categories: CategoryCounters,
    parents: CategoryCounters,
    report: Tally,
    /// The record of a file that comes in parts, until its last part.
    pending: Option<crate::pipeline::InputRecord>,
    max_rows: u32,
}

impl<'s> Consolidator<'s> {
    /// A new workbook for a run with these settings.
    pub fn new(settings: &'s Settings) -> Result<Consolidator<'s>, WorkbookError> {
        let lang = settings.lang;
        let mut wb = Workbook::new();
        // Body cells take the workbook's default format (宋体, wrapped, centred vertically), so
        // the ledger's millions of cells are written without a per-cell format to look up.
        wb.set_default_format(&style::default_cell(), 20, 64)?;
        wb.set_zip_compression_level(ZIP_LEVEL);
        // The date format first, so that its index is DATE_STYLE.
        let fmt = Formats::default();
        wb.register_format(&fmt.date);
        wb.register_format(&fmt.centred);
        let summary = wb.add_worksheet();
        summary.set_name(SheetKind::Summary.name(lang))?;
        let summary_ix = 0;
        let mut c = Consolidator {
            settings,
            wb,
            fmt,
            summary_ix,
            sources_ix: 0,
            ledger: Vec::new(),
            turns: Arc::new(Turns::default()),
            spool: spool::FindingSpool::new(lang)
                .map_err(|e| WorkbookError::WriterStopped(e.to_string()))?,
            sources: Self::new_row_file(SourcesCol::ALL.len())?.starting_at(TABLE_ROW + 2),
            digest: LedgerDigest::new(&digested_headers(lang)),
            widths: prepare::ledger_widths(),
            categories: CategoryCounters::default(),
            parents: CategoryCounters::default(),
            report: {
                let mut t = Tally::new(settings.as_of);
                t.keep_findings = false;
                t.keep_inputs = false;
                t
            },
            pending: None,
            max_rows: MAX_DATA_ROWS,
        };
        let sources = c.wb.add_worksheet();
        sources.set_name(SheetKind::Sources.name(lang))?;
        c.sources_ix = c.wb.worksheets_mut().len() - 1;
        for (i, col) in Col::ALL.iter().enumerate() {
            c.widths.see(i, col.header_cell(lang));
        }
        Ok(c)
    }

    /// Continues the ledger and findings sheets on a new sheet after this many data rows
    /// (default and most `MAX_DATA_ROWS`, what a sheet holds).
    pub fn set_max_rows(&mut self, rows: u32) {
        self.max_rows = rows.clamp(1, MAX_DATA_ROWS);
    }

    /// Keeps every finding and every input's record in the report too (for `--json`), besides
    /// writing them to the findings and sources sheets as they come.
    pub(crate) fn keep_details(&mut self, keep: bool) {
        self.report.keep_findings = keep;
        self.report.keep_inputs = keep;
    }

    /// The tally so far.
    pub(crate) fn report(&self) -> &Tally {
        &self.report
    }

    /// Prepares files' results for this workbook; its `prepare` runs on the reading
    /// threads, and every file's result must go through it, in any order, then to
    /// [`Consolidator::add_prepared`] in input order.
    pub fn preparer(&self) -> Preparer<'s> {
        Preparer::new(self.settings, Arc::clone(&self.turns), self.max_rows)
    }

    /// Adds one file's result: its measures become rows of the ledger sheet.
    pub fn add_file(&mut self, r: &FileResult) -> Result<(), WorkbookError> {
        let p = self.preparer().prepare(self.turns.next(), r.clone());
        self.add_prepared(p)
    }

    /// Adds findings of the run that belong to no file's ledgers (a merge that follows a round:
    /// the measures that did not come back), counted for their units.
    pub(crate) fn add_findings(
        &mut self,
        findings: &[crate::finding::Finding],
    ) -> Result<(), WorkbookError> {
        for f in findings {
            self.report.add_finding(f);
            self.spool
                .push(f)
                .map_err(|e| WorkbookError::WriterStopped(e.to_string()))?;
        }
        Ok(())
    }

    /// Adds one file's prepared result, in input order: its rows are appended to the ledger.
    pub fn add_prepared(&mut self, p: PreparedFile) -> Result<(), WorkbookError> {
        crate::crash::contain(|| self.add_prepared_inner(p)).map_err(stopped)?
    }

    fn new_row_file(columns: usize) -> Result<rows::RowFile, WorkbookError> {
        rows::RowFile::new(columns as u16, DATE_STYLE, u32::from(ZIP_LEVEL))
            .map_err(|e| WorkbookError::WriterStopped(e.to_string()))
    }

    fn add_prepared_inner(&mut self, p: PreparedFile) -> Result<(), WorkbookError> {
        let io = |e: std::io::Error| WorkbookError::WriterStopped(e.to_string());
        if let Some(why) = &p.failed {
            return Err(WorkbookError::WriterStopped(format!(
                "the rows of {} could not be prepared: {why}",
                p.record.path
            )));
        }
        let added = self.report.add_counted(
            p.part,
            &p.record,
            p.ledgers.iter().map(|(c, n)| (c.as_str(), n)),
            &p.findings,
        );
        for f in p.findings.iter().chain(&added) {
            self.spool.push(f).map_err(io)?;
        }
        // A file in parts has one row on the sources sheet, with all its ledgers.
        let record = match self.pending.take() {
            Some(mut first) if p.part.index > 0 => {
                first.absorb(&p.record);
                first
            }
            _ => p.record.clone(),
        };
        if p.part.last {
            let (cells, height) =
                sources::source_row(self.report.files, &record, self.settings.lang);
            let refs: Vec<&Out> = cells.iter().collect();
            self.sources.write_row(height, &refs).map_err(io)?;
        } else {
            self.pending = Some(record);
        }
        self.digest.add_hashed_rows(&p.hashes);
        self.digest.add_column_cells(&p.columns);
        for (sheet, seg) in &p.segments {
            while self.ledger.len() <= *sheet {
                self.ledger.push(deflate::SegmentFile::new().map_err(io)?);
            }
            self.ledger[*sheet].append(seg).map_err(io)?;
        }
        self.categories.merge(&p.categories);
        self.parents.merge(&p.parents);
        self.widths.merge(&p.widths);
        Ok(())
    }

    /// The data rows of each ledger sheet.
    fn ledger_counts(&self) -> Vec<u32> {
        let max = u64::from(self.max_rows);
        let total = self.digest.rows();
        let sheets = total.div_ceil(max).max(1);
        (0..sheets)
            .map(|k| (total - (k * max).min(total)).min(max) as u32)
            .collect()
    }

    /// Writes the findings, errors first, into row files (one per findings sheet) and adds the
    /// findings sheets — header, widths, filter, print setup — to the workbook. Returns the row
    /// files and the sheets' indices.
    fn add_findings_sheets(
        &mut self,
        spool: spool::FindingSpool,
    ) -> Result<(Vec<rows::RowFile>, Vec<usize>), WorkbookError> {
        let io = |e: std::io::Error| WorkbookError::WriterStopped(e.to_string());
        let lang = self.settings.lang;
        let mut widths = Widths::new(FindingsCol::ALL.iter().map(|c| c.max_width()).collect())
            .with_mins(FindingsCol::ALL.iter().map(|c| c.min_width()).collect());
        for (i, c) in FindingsCol::ALL.iter().enumerate() {
            widths.see(i, c.header(lang));
        }
        let columns = FindingsCol::ALL.len();
        let mut files: Vec<rows::RowFile> = vec![Self::new_row_file(columns)?];
        for (k, cells) in spool.cells().map_err(io)?.enumerate() {
            let cells = cells.map_err(io)?;
            if files.last().is_some_and(|f| f.rows >= self.max_rows) {
                files.push(Self::new_row_file(columns)?);
            }
            let mut out: Vec<Out> = Vec::with_capacity(columns);
            out.push(Out::Number((k + 1) as f64));
            let mut lines = 1;
            for (i, c) in cells.into_iter().enumerate() {
                if c.is_empty() {
                    out.push(Out::Empty);
                    continue;
                }
                let t = crate::schema::ledger::fit_cell(&c).into_owned();
                lines = lines.max(widths.see_lines(i + 1, &t));
                out.push(Out::Text(t));
            }
            let refs: Vec<&Out> = out.iter().collect();
            let Some(file) = files.last_mut() else {
                break;
            };
            let height = style::row_height(lines);
            file.write_row(height, &refs).map_err(io)?;
        }
        let mut indices = Vec::new();
        for (n, f) in files.iter().enumerate() {
            let name = SheetKind::Findings(n + 1).name(lang);
            let fmt = self.fmt.header.clone();
            let ws = self.wb.add_worksheet();
            ws.set_name(&name)?;
            for c in FindingsCol::ALL {
                ws.write_string_with_format(0, c.index(), c.header(lang), &fmt)?;
            }
            print_setup(ws, self.settings.paper, Some(&name), 0)?;
            widths.apply(ws)?;
            for c in FindingsCol::ALL.iter().filter(|c| !c.is_printed()) {
                ws.set_column_hidden(c.index())?;
            }
            ws.autofilter(0, 0, f.rows.max(1), columns as u16 - 1)?;
            indices.push(self.wb.worksheets_mut().len() - 1);
        }
        Ok((files, indices))
    }

    /// Adds the ledger sheets to the workbook: their header row, widths, filter, conditional
    /// formats, drop-down and print setup over the rows each will hold. The rows themselves are
    /// spliced in when the package is written ([`crate::pack::finish_package`]). Returns the
    /// sheets' indices.
    fn add_ledger_sheets(&mut self) -> Result<Vec<usize>, WorkbookError> {
        let lang = self.settings.lang;
        let timing_col = column_letters(u32::from(Col::Timing.index()));
        let status_col = Col::Status.index();
        let last_col = Col::RowDigest.index();
        let statuses = status_choices(lang);
        let counts = self.ledger_counts();
        let mut indices = Vec::new();
        for (k, rows) in counts.into_iter().enumerate() {
            let name = SheetKind::Ledger(k + 1).name(lang);
            let header = self.fmt.header.clone();
            let ws = self.wb.add_worksheet();
            ws.set_name(&name)?;
            ws.set_row_height(0, 30)?;
            for c in Col::ALL {
                ws.write_string_with_format(0, c.index(), c.header_cell(lang), &header)?;
            }
            print_setup(ws, self.settings.paper, Some(&name), 0)?;
            self.widths.apply(ws)?;
            ws.set_column_width(Col::RowDigest.index(), 18)?;
            for (first, last) in Col::GROUPS {
                ws.group_columns_collapsed(first.index(), last.index())?;
            }
            ws.set_column_hidden(Col::RowDigest.index())?;
            let last = rows.max(1);
            ws.set_print_area(0, 0, last, Col::LAST_PRINTED.index())?;
            ws.autofilter(0, 0, last, last_col)?;
            let overdue = ConditionalFormatFormula::new()
                .set_rule(
                    format!("=${timing_col}2=\"{}\"", timing_word(Timing::Overdue, lang)).as_str(),
                )
                .set_format(&self.fmt.overdue);
            let soon = ConditionalFormatFormula::new()
                .set_rule(
                    format!("=${timing_col}2=\"{}\"", timing_word(Timing::DueSoon, lang)).as_str(),
                )
                .set_format(&self.fmt.due_soon);
            ws.add_conditional_format(1, 0, last, last_col - 1, &overdue)?;
            ws.add_conditional_format(1, 0, last, last_col - 1, &soon)?;
            let (title, message) = status_prompt(lang);
            let dv = DataValidation::new()
                .allow_list_strings(&statuses)?
                .set_input_title(title)?
                .set_input_message(message)?;
            ws.add_data_validation(1, status_col, last, status_col, &dv)?;
            indices.push(self.wb.worksheets_mut().len() - 1);
        }
        Ok(indices)
    }

    /// Finishes the workbook and writes it to `out`, whole or not at all. Returns the report.
    pub fn finish(self, out: &Path) -> Result<Tally, WorkbookError> {
        crate::crash::contain(|| self.finish_inner(out)).map_err(stopped)?
    }

    fn finish_inner(mut self, out: &Path) -> Result<Tally, WorkbookError> {
        let ledger_indices = self.add_ledger_sheets()?;
        if self.turns.rows() != self.digest.rows() {
            return Err(WorkbookError::WriterStopped(format!(
                "{} rows were placed but {} written",
                self.turns.rows(),
                self.digest.rows()
            )));
        }
        let counts = self.ledger_counts();
        let ledger_ranges: Vec<(String, u32)> = counts
            .iter()
            .enumerate()
            .map(|(k, r)| {
                (
                    SheetKind::Ledger(k + 1).name(self.settings.lang),
                    (r + 1).max(2),
                )
            })
            .collect();
        let spool = std::mem::replace(
            &mut self.spool,
            spool::FindingSpool::new(self.settings.lang)
                .map_err(|e| WorkbookError::WriterStopped(e.to_string()))?,
        );
        let (finding_files, finding_indices) = self.add_findings_sheets(spool)?;
        let findings_ranges: Vec<(String, u32)> = finding_files
            .iter()
            .enumerate()
            .map(|(k, f)| {
                (
                    SheetKind::Findings(k + 1).name(self.settings.lang),
                    (f.rows + 1).max(2),
                )
            })
            .collect();
        let (digest, col_digests) = self.digest.clone().finish();
        let rows = self.digest.rows();
        {
            let ws = self.wb.worksheet_from_index(self.summary_ix)?;
            summary::write_summary(
                ws,
                &self.fmt,
                self.settings,
                &self.report,
                summary::Breakdowns {
                    categories: &self.categories,
                    parents: &self.parents,
                },
                &ledger_ranges,
                &findings_ranges,
            )?;
        }
        {
            let ledger_names: Vec<String> = ledger_ranges.iter().map(|(n, _)| n.clone()).collect();
            let ws = self.wb.worksheet_from_index(self.sources_ix)?;
            sources::write_sources(
                ws,
                &self.fmt,
                self.settings,
                &ledger_names,
                rows,
                &digest,
                &col_digests,
                self.report.files,
            )?;
        }
        // Sheet order: summary, ledger sheets, findings sheets, sources.
        let order: Vec<usize> = std::iter::once(self.summary_ix)
            .chain(ledger_indices.iter().copied())
            .chain(finding_indices.iter().copied())
            .chain(std::iter::once(self.sources_ix))
            .collect();
        let mut sheets: Vec<Option<Worksheet>> = std::mem::take(self.wb.worksheets_mut())
            .into_iter()
            .map(Some)
            .collect();
        *self.wb.worksheets_mut() = order.iter().filter_map(|i| sheets[*i].take()).collect();

        let lang = self.settings.lang;
        let created = excel_date(self.settings.as_of)?;
        let props = DocProperties::new()
            .set_title(properties::title(lang))
            .set_subject(properties::subject(lang))
            .set_author(properties::AUTHOR)
            .set_keywords(properties::keywords(lang))
            .set_comment(format!("taizhang {}", crate::VERSION))
            .set_creation_datetime(&created)
            .set_custom_property(properties::VERSION, crate::VERSION)
            .set_custom_property(
                properties::AS_OF,
                self.settings.as_of.format("%Y-%m-%d").to_string(),
            )
            .set_custom_property(properties::LEDGER_DIGEST, digest.as_str())
            .set_custom_property(properties::LEDGER_ROWS, rows.to_string());
        self.wb.set_properties(&props);
        let mut wb = self.wb;
        let mut book =
            tempfile::tempfile().map_err(|e| WorkbookError::WriterStopped(e.to_string()))?;
        wb.save_to_writer(&mut book)?;
        drop(wb);
        let io = |e: std::io::Error| WorkbookError::WriterStopped(e.to_string());
        let mut splices = Vec::new();
        let mut ledger = self.ledger.into_iter();
        for (k, rows) in counts.iter().enumerate() {
            let file = match ledger.next() {
                Some(f) => f,
                None => deflate::SegmentFile::new().map_err(io)?,
            };
            splices.push(pack::Splice {
                sheet: SheetKind::Ledger(k + 1).name(lang),
                last_row: rows + 1,
                rows: file.finish().map_err(io)?,
                last_col: column_letters(u32::from(Col::RowDigest.index())),
            });
        }
        splices.push(pack::Splice {
            sheet: SheetKind::Sources.name(lang),
            last_row: TABLE_ROW + 1 + self.sources.rows,
            rows: self.sources.finish().map_err(io)?,
            last_col: column_letters(SourcesCol::ALL.len() as u32 - 1),
        });
        for (k, r) in finding_files.into_iter().enumerate() {
            splices.push(pack::Splice {
                sheet: SheetKind::Findings(k + 1).name(lang),
                last_row: r.rows + 1,
                rows: r.finish().map_err(io)?,
                last_col: column_letters(FindingsCol::ALL.len() as u32 - 1),
            });
        }
        use std::io::Seek;
        book.rewind()
            .map_err(|e| WorkbookError::WriterStopped(e.to_string()))?;
        crate::write::write_atomic(out, |f| {
            pack::finish_package(
                &book,
                splices,
                (DATE_STYLE, style::DATE_CODE),
                CENTRED_STYLE,
                u32::from(ZIP_LEVEL),
                f,
            )
        })?;
        Ok(self.report)
    }
}

/// The error for a panic inside rust_xlsxwriter, without its source location.
fn stopped(panic: String) -> WorkbookError {
    let message = panic.split(" at /").next().unwrap_or(&panic).to_string();
    WorkbookError::WriterStopped(message)
}

/// A date as rust_xlsxwriter takes it.
pub(crate) fn excel_date(d: chrono::NaiveDate) -> Result<ExcelDateTime, XlsxError> {
    use chrono::Datelike;
    ExcelDateTime::from_ymd(
        d.year().clamp(1900, 9999) as u16,
        d.month() as u8,
        d.day() as u8,
    )
}
