//! Proving a consolidated workbook (`taizhang verify`, spec 7): do its totals follow from its
//! rows, were rows edited after merge, do its rows match the sources, are published claims true.
//!
//! The proofs, each passed or failed with its discrepancies:
//! - `structure`: the workbook holds what taizhang writes and nothing else — its sheets and
//!   their states, no formula outside the summary and the summary's formulas exactly the
//!   schema's, no cell outside the written ranges, no row or column hidden or shown that
//!   taizhang did not hide or show;
//! - `summary`: every number on the summary, recomputed from the ledger rows as they now
//!   stand (and the findings rows), against the summary's cached value; the report sentence
//!   too;
//! - `derived`: the columns merge derives from a row (status category, due date, overdue
//!   flag, problem done, numbering) against what the row's own cells give;
//! - `integrity`: the ledger digest, the row digests and the column digests recorded at merge
//!   time against the cells now; a changed cell is where a changed row meets a changed column;
//! - `sources` (with `--sources`): each recorded input found by name and its SHA-256
//!   compared; changed sources re-read and compared row by row;
//! - [`claims`] (with `--expect`): published figures against the counters of the rows.
//!
//! Every discrepancy is a typed `Discrepancy`; [`crate::messages`] words it.

pub mod claims;
pub(crate) mod derived;
pub(crate) mod integrity;
pub(crate) mod sources;
pub(crate) mod structure;
pub(crate) mod summary;

use crate::config::{ConfigFile, Settings};
use crate::model::{Counter, Counters, Severity};
use crate::schema::ledger::{Col, status_of_word, timing_of_word, yes_no};
use crate::schema::sources::Record;
use crate::schema::summary::SummaryCol;
use crate::source::consolidated::{Consolidated, LedgerRow};
use crate::source::grid::CellRef;
use crate::source::written::SheetState;
use crate::value::text::format_number;
use claims::Claim;
use std::collections::{HashMap, HashSet};
use std::path::PathBuf;

/// The proofs `verify` runs.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub(crate) enum ProofKind {
    /// The workbook's sheets, cells, formulas and hidden states against the schema.
    Structure,
    /// The summary's numbers against the rows.
    Summary,
    /// Each row's derived columns against its own cells.
    Derived,
    /// The digests recorded at merge time against the cells now.
    Integrity,
    /// The sources against what the workbook records.
    Sources,
    /// Published figures against the rows.
    Claims,
}

impl ProofKind {
    /// The proof's name as JSON writes it (`summary` …).
    pub(crate) fn key(self) -> &'static str {
        match self {
            ProofKind::Structure => "structure",
            ProofKind::Summary => "summary",
            ProofKind::Derived => "derived",
            ProofKind::Integrity => "integrity",
            ProofKind::Sources => "sources",
            ProofKind::Claims => "claims",
        }
    }
}

/// What a proof covered, for its line in the verdict.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Scope {
    /// Sheets, cells and formulas checked against the schema.
    Structure {
        /// Sheets.
        sheets: usize,
        /// Formulas compared with the schema's.
        formulas: usize,
    },
    /// Summary figures recomputed from ledger rows.
    Summary {
        /// Figures compared.
        figures: usize,
        /// Ledger rows.
        rows: usize,
    },
    /// Rows whose derived columns were re-derived.
    Derived {
        /// Ledger rows.
        rows: usize,
    },
    /// Digests compared.
    Integrity {
        /// Row digests.
        rows: usize,
        /// Column digests.
        columns: usize,
    },
    /// Recorded sources found and hashed.
    Sources {
        /// Sources found.
        found: usize,
        /// Sources recorded.
        recorded: usize,
    },
    /// Published figures checked.
    Claims {
        /// Figures.
        claims: usize,
    },
}

/// Why a proof could not be made.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum NotChecked {
    /// Formula cells store no result (a program that never calculates saved the workbook):
    /// the numbers every reader shows cannot be compared.
    NoStoredResults {
        /// Formula cells without a stored result.
        cells: usize,
    },
    /// The workbook is not in the xlsx format taizhang writes, whose formulas and hidden
    /// states can be read.
    NotXlsx,
}

/// How a proof ended.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Outcome {
    /// Nothing wrong was found.
    Passed,
    /// Something did not agree: see the discrepancies.
    Failed,
    /// The proof could not be made.
    NotChecked(NotChecked),
}

impl Outcome {
    /// Passed when nothing was added to the discrepancies since `before`, else failed.
    pub(crate) fn of(out: &[Discrepancy], before: usize) -> Outcome {
        if out.len() == before {
            Outcome::Passed
        } else {
            Outcome::Failed
        }
    }

    /// The outcome's key in JSON (`passed`, `failed`, `not-checked`).
    pub(crate) fn key(self) -> &'static str {
        match self {
            Outcome::Passed => "passed",
            Outcome::Failed => "failed",
            Outcome::NotChecked(_) => "not-checked",
        }
    }
}

/// One proof and its outcome.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Proof {
    /// Which proof.
    pub(crate) kind: ProofKind,
    /// How it ended.
    pub(crate) outcome: Outcome,
    /// What it covered.
    pub(crate) scope: Scope,
}

impl Proof {
    /// True when it passed.
    pub(crate) fn passed(&self) -> bool {
        self.outcome == Outcome::Passed
    }
}

/// The kind of a discrepancy, as JSON names it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub(crate) enum DiscrepancyKind {
    /// `summary-value`: a summary figure or the sentence does not follow from the rows.
    SummaryValue,
    /// `summary-missing`: a row the summary should have is not there.
    SummaryMissing,
    /// `derived-value`: a derived column does not follow from its row.
    DerivedValue,
    /// `digest`: the ledger digest differs.
    Digest,
    /// `row-edited`: a row's digest differs.
    RowEdited,
    /// `cell-edited`: a cell where a changed row meets a changed column.
    CellEdited,
    /// `row-count`: rows were added or removed.
    RowCount,
    /// `row-removed`: a running number is missing.
    RowRemoved,
    /// `source-missing`: a recorded source is not among the given ones.
    SourceMissing,
    /// `source-changed`: a source's SHA-256 differs.
    SourceChanged,
    /// `source-row-missing`: a source's measure is not in the ledger.
    SourceRowMissing,
    /// `source-mismatch`: a ledger cell differs from its source cell.
    SourceMismatch,
    /// `ledger-row-unsourced`: a ledger row no longer has a measure in its source.
    LedgerRowUnsourced,
    /// `source-new`: a given source is not among the recorded ones.
    SourceNew,
    /// `claim`: a published figure does not hold.
    Claim,
    /// `sheet-added`: a sheet taizhang did not write.
    SheetAdded,
    /// `sheet-missing`: a sheet taizhang wrote is not there.
    SheetMissing,
    /// `hidden-state`: a sheet, row or column hidden or shown other than taizhang left it.
    HiddenState,
    /// `cell-added`: content in a cell taizhang left empty.
    CellAdded,
    /// `formula`: a formula taizhang did not write, or a summary formula changed or removed.
    Formula,
    /// `record`: a value of the run's record that does not read.
    Record,
    /// `source-unreadable`: a recorded source found but not readable.
    SourceUnreadable,
}

impl DiscrepancyKind {
    /// The kind's id, as JSON writes it.
    pub(crate) fn id(self) -> &'static str {
        match self {
            DiscrepancyKind::SummaryValue => "summary-value",
            DiscrepancyKind::SummaryMissing => "summary-missing",
            DiscrepancyKind::DerivedValue => "derived-value",
            DiscrepancyKind::Digest => "digest",
            DiscrepancyKind::RowEdited => "row-edited",
            DiscrepancyKind::CellEdited => "cell-edited",
            DiscrepancyKind::RowCount => "row-count",
            DiscrepancyKind::RowRemoved => "row-removed",
            DiscrepancyKind::SourceMissing => "source-missing",
            DiscrepancyKind::SourceChanged => "source-changed",
            DiscrepancyKind::SourceRowMissing => "source-row-missing",
            DiscrepancyKind::SourceMismatch => "source-mismatch",
            DiscrepancyKind::LedgerRowUnsourced => "ledger-row-unsourced",
            DiscrepancyKind::SourceNew => "source-new",
            DiscrepancyKind::Claim => "claim",
            DiscrepancyKind::SheetAdded => "sheet-added",
            DiscrepancyKind::SheetMissing => "sheet-missing",
            DiscrepancyKind::HiddenState => "hidden-state",
            DiscrepancyKind::CellAdded => "cell-added",
            DiscrepancyKind::Formula => "formula",
            DiscrepancyKind::Record => "record",
            DiscrepancyKind::SourceUnreadable => "source-unreadable",
        }
    }
}

/// A cell of the consolidated workbook: its sheet and place.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct At {
    /// The sheet.
    pub(crate) sheet: String,
    /// The cell.
    pub(crate) cell: CellRef,
}

impl At {
    /// A cell of a sheet.
    pub(crate) fn new(sheet: &str, cell: CellRef) -> At {
        At {
            sheet: sheet.to_string(),
            cell,
        }
    }

    /// The cell of a ledger row in a column.
    pub(crate) fn of_row(r: &LedgerRow, col: Col) -> At {
        At::new(&r.sheet, CellRef::new(r.row, col.index().into()))
    }
}

impl std::fmt::Display for At {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}!{}", self.sheet, self.cell)
    }
}

/// What is hidden or shown: a sheet, a row, a column, or every row of a sheet.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Hideable {
    /// The sheet's tab, and its state now.
    Sheet(SheetState),
    /// A row (0-based), now hidden.
    Row(u32),
    /// Every row not marked otherwise, now hidden (`zeroHeight`).
    AllRows,
    /// A column (0-based) merge shows, now hidden.
    Column(u32),
}

/// One thing that does not agree, with the facts that say what and where.
#[derive(Debug, Clone, PartialEq)]
pub(crate) enum Discrepancy {
    /// A sheet taizhang did not write.
    SheetAdded {
        /// Its name.
        sheet: String,
    },
    /// A sheet taizhang wrote, missing.
    SheetMissing {
        /// Its name.
        sheet: String,
    },
    /// A sheet, row or column hidden or shown other than taizhang left it.
    HiddenState {
        /// The sheet.
        sheet: String,
        /// What.
        what: Hideable,
    },
    /// Content where taizhang wrote none.
    CellAdded {
        /// The cell.
        at: At,
        /// What it holds.
        found: String,
    },
    /// A formula where taizhang wrote a value or nothing, on any sheet.
    FormulaAdded {
        /// The cell.
        at: At,
        /// The formula.
        formula: String,
    },
    /// A summary formula that is not the one taizhang writes (`found` empty: replaced by a
    /// typed value).
    FormulaChanged {
        /// The cell.
        at: At,
        /// The schema's formula.
        expected: String,
        /// The formula now (without `=`), or empty.
        found: String,
    },
    /// A text or date cell taizhang wrote (a label, a header, the as-of date) that now says
    /// something else.
    LabelChanged {
        /// The cell.
        at: At,
        /// What taizhang writes there.
        expected: String,
        /// What it holds.
        found: String,
    },
    /// A value of the run's record (the as-of date, the configuration, the row count) that is
    /// missing or does not read.
    RecordUnreadable {
        /// Its cell on the sources sheet.
        at: At,
        /// Which value.
        record: Record,
        /// What the cell holds.
        found: String,
        /// Why it does not read.
        why: String,
    },
    /// A recorded source that was found but cannot be read.
    SourceUnreadable {
        /// Its SHA-256 cell on the sources sheet.
        at: At,
        /// The source as found.
        file: String,
        /// Why it cannot be read.
        error: crate::source::SourceError,
    },
    /// A summary figure differs from what the rows give.
    SummaryValue {
        /// The summary cell.
        at: At,
        /// The row's label (a unit, `合计`, a category).
        row: String,
        /// The column.
        column: SummaryCol,
        /// What the rows give.
        expected: f64,
        /// What the cell holds (`None`: empty or not a number).
        found: Option<f64>,
    },
    /// The report sentence differs from what the rows give.
    SummarySentence {
        /// The sentence's cell.
        at: At,
        /// What the rows give.
        expected: String,
        /// What the cell holds.
        found: String,
    },
    /// The summary has no total row.
    SummaryTotalMissing {
        /// The summary sheet.
        sheet: String,
    },
    /// The ledger has rows of a unit the summary has no row for.
    SummaryUnitMissing {
        /// The summary sheet.
        sheet: String,
        /// The unit.
        unit: String,
    },
    /// The ledger has rows under a parent the summary's table by parent has no row for.
    SummaryParentMissing {
        /// The summary sheet.
        sheet: String,
        /// The parent.
        parent: String,
    },
    /// A derived column differs from what its row's cells give.
    DerivedValue {
        /// The cell.
        at: At,
        /// The column.
        column: Col,
        /// What the row gives.
        expected: String,
        /// What the cell holds.
        found: String,
    },
    /// The ledger digest differs from the one recorded.
    LedgerDigest {
        /// Recorded.
        expected: String,
        /// Computed now.
        found: String,
    },
    /// The digest on the sources sheet differs from the document property.
    PropertyDigest {
        /// The property's.
        property: String,
        /// The sources sheet's.
        recorded: String,
    },
    /// A row's digest differs, and no single changed column explains it.
    RowEdited {
        /// The row's digest cell.
        at: At,
    },
    /// A cell where a changed row meets a changed column.
    CellEdited {
        /// The cell.
        at: At,
        /// Its column.
        column: Col,
        /// What it holds now.
        found: String,
    },
    /// The number of rows differs from the one recorded.
    RowCount {
        /// Recorded.
        expected: u64,
        /// Now.
        found: u64,
    },
    /// A running number is missing.
    RowRemoved {
        /// The number.
        no: u64,
    },
    /// A recorded source is not among the given sources.
    SourceMissing {
        /// Its row on the sources sheet.
        at: At,
        /// Its path as recorded.
        path: String,
    },
    /// A source's SHA-256 differs from the one recorded.
    SourceChanged {
        /// Its SHA-256 cell on the sources sheet.
        at: At,
        /// The source as found.
        file: String,
        /// Recorded.
        expected: String,
        /// Now.
        found: String,
    },
    /// A measure of a re-read source is not in the ledger.
    SourceRowMissing {
        /// The source.
        file: String,
        /// Its cell in the source (`sheet!G12`).
        source_cell: String,
        /// The measure.
        measure: String,
    },
    /// A ledger cell differs from its source cell.
    SourceMismatch {
        /// The ledger cell.
        at: At,
        /// Its column.
        column: Col,
        /// The source.
        file: String,
        /// The source cell (`sheet!G12`).
        source_cell: String,
        /// What the source gives.
        expected: String,
        /// What the ledger holds.
        found: String,
    },
    /// A ledger row no longer has a measure in its source.
    LedgerRowUnsourced {
        /// The row's first cell.
        at: At,
        /// The source.
        file: String,
        /// Where its measure was (`sheet!A12`).
        source_cell: String,
    },
    /// A given source is not among the recorded ones.
    SourceNew {
        /// The source.
        file: String,
    },
    /// A published figure does not hold.
    Claim {
        /// The claim.
        claim: Claim,
        /// What the rows give.
        actual: u64,
    },
}

impl Discrepancy {
    /// The kind.
    pub(crate) fn kind(&self) -> DiscrepancyKind {
        use Discrepancy as D;
        use DiscrepancyKind as K;
        match self {
            D::SummaryValue { .. } | D::SummarySentence { .. } => K::SummaryValue,
            D::SummaryTotalMissing { .. }
            | D::SummaryUnitMissing { .. }
            | D::SummaryParentMissing { .. } => K::SummaryMissing,
            D::DerivedValue { .. } => K::DerivedValue,
            D::LedgerDigest { .. } | D::PropertyDigest { .. } => K::Digest,
            D::RowEdited { .. } => K::RowEdited,
            D::CellEdited { .. } => K::CellEdited,
            D::RowCount { .. } => K::RowCount,
            D::RowRemoved { .. } => K::RowRemoved,
            D::SourceMissing { .. } => K::SourceMissing,
            D::SourceChanged { .. } => K::SourceChanged,
            D::SourceRowMissing { .. } => K::SourceRowMissing,
            D::SourceMismatch { .. } => K::SourceMismatch,
            D::LedgerRowUnsourced { .. } => K::LedgerRowUnsourced,
            D::SourceNew { .. } => K::SourceNew,
            D::Claim { .. } => K::Claim,
            D::SheetAdded { .. } => K::SheetAdded,
            D::SheetMissing { .. } => K::SheetMissing,
            D::HiddenState { .. } => K::HiddenState,
            D::CellAdded { .. } => K::CellAdded,
            D::FormulaAdded { .. } | D::FormulaChanged { .. } => K::Formula,
            D::LabelChanged { .. } => K::CellEdited,
            D::RecordUnreadable { .. } => K::Record,
            D::SourceUnreadable { .. } => K::SourceUnreadable,
        }
    }

    /// The cell of the consolidated workbook concerned, if one.
    pub(crate) fn at(&self) -> Option<&At> {
        use Discrepancy as D;
        match self {
            D::SummaryValue { at, .. }
            | D::SummarySentence { at, .. }
            | D::DerivedValue { at, .. }
            | D::RowEdited { at }
            | D::CellEdited { at, .. }
            | D::SourceMissing { at, .. }
            | D::SourceChanged { at, .. }
            | D::SourceMismatch { at, .. }
            | D::LedgerRowUnsourced { at, .. }
            | D::CellAdded { at, .. }
            | D::FormulaAdded { at, .. }
            | D::FormulaChanged { at, .. }
            | D::LabelChanged { at, .. }
            | D::RecordUnreadable { at, .. }
            | D::SourceUnreadable { at, .. } => Some(at),
            _ => None,
        }
    }

    /// The sheet of the consolidated workbook concerned, if one.
    pub(crate) fn sheet(&self) -> Option<&str> {
        match self {
            Discrepancy::SummaryTotalMissing { sheet }
            | Discrepancy::SummaryUnitMissing { sheet, .. }
            | Discrepancy::SummaryParentMissing { sheet, .. }
            | Discrepancy::SheetAdded { sheet }
            | Discrepancy::SheetMissing { sheet }
            | Discrepancy::HiddenState { sheet, .. } => Some(sheet),
            other => other.at().map(|a| a.sheet.as_str()),
        }
    }

    /// What it should be, as text.
    pub(crate) fn expected(&self) -> Option<String> {
        use Discrepancy as D;
        Some(match self {
            D::SummaryValue {
                column, expected, ..
            } => summary_figure(*column, *expected),
            D::SummarySentence { expected, .. }
            | D::DerivedValue { expected, .. }
            | D::LedgerDigest { expected, .. }
            | D::SourceChanged { expected, .. }
            | D::SourceMismatch { expected, .. }
            | D::FormulaChanged { expected, .. }
            | D::LabelChanged { expected, .. } => expected.clone(),
            D::SummaryUnitMissing { unit, .. } => unit.clone(),
            D::SummaryParentMissing { parent, .. } => parent.clone(),
            D::PropertyDigest { property, .. } => property.clone(),
            D::RowCount { expected, .. } => expected.to_string(),
            D::RowRemoved { no } => no.to_string(),
            D::SourceRowMissing { measure, .. } => measure.clone(),
            D::Claim { claim, .. } => claim.value.to_string(),
            _ => return None,
        })
    }

    /// What it is, as text.
    pub(crate) fn found(&self) -> Option<String> {
        use Discrepancy as D;
        Some(match self {
            D::SummaryValue { found, .. } => found.map(format_number).unwrap_or_default(),
            D::SummarySentence { found, .. }
            | D::DerivedValue { found, .. }
            | D::LedgerDigest { found, .. }
            | D::CellEdited { found, .. }
            | D::SourceChanged { found, .. }
            | D::SourceMismatch { found, .. }
            | D::CellAdded { found, .. }
            | D::FormulaChanged { found, .. }
            | D::LabelChanged { found, .. }
            | D::RecordUnreadable { found, .. } => found.clone(),
            D::FormulaAdded { formula, .. } => formula.clone(),
            D::PropertyDigest { recorded, .. } => recorded.clone(),
            D::RowCount { found, .. } => found.to_string(),
            D::Claim { actual, .. } => actual.to_string(),
            _ => return None,
        })
    }

    /// The source file concerned, if one.
    pub(crate) fn source_file(&self) -> Option<&str> {
        use Discrepancy as D;
        match self {
            D::SourceMissing { path, .. } => Some(path),
            D::SourceChanged { file, .. }
            | D::SourceRowMissing { file, .. }
            | D::SourceMismatch { file, .. }
            | D::LedgerRowUnsourced { file, .. }
            | D::SourceNew { file }
            | D::SourceUnreadable { file, .. } => Some(file),
            _ => None,
        }
    }

    /// The cell in the source concerned (`sheet!G12`), if one.
    pub(crate) fn source_cell(&self) -> Option<&str> {
        use Discrepancy as D;
        match self {
            D::SourceRowMissing { source_cell, .. }
            | D::SourceMismatch { source_cell, .. }
            | D::LedgerRowUnsourced { source_cell, .. } => Some(source_cell),
            _ => None,
        }
    }
}

/// A summary figure as text: a count as a spreadsheet shows it, a rate to four decimals.
pub(crate) fn summary_figure(column: SummaryCol, x: f64) -> String {
    if column == SummaryCol::CompletionRate {
        format!("{x:.4}")
    } else {
        format_number(x)
    }
}

/// What `verify` concludes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Conclusion {
    /// Every proof passed (exit 0).
    Verified,
    /// Something does not agree (exit 1).
    NotVerified,
    /// Nothing disagrees, but a proof could not be made: no verdict (exit 2).
    CannotVerify,
}

impl Conclusion {
    /// The conclusion's key in JSON.
    pub(crate) fn key(self) -> &'static str {
        match self {
            Conclusion::Verified => "verified",
            Conclusion::NotVerified => "not-verified",
            Conclusion::CannotVerify => "cannot-verify",
        }
    }
}

/// The outcome of `verify`.
#[derive(Debug, Clone, PartialEq)]
pub struct Verdict {
    /// True when every proof passed.
    pub(crate) verified: bool,
    /// The conclusion: verified, not verified, or no verdict.
    pub conclusion: Conclusion,
    /// The proofs run.
    pub(crate) proofs: Vec<Proof>,
    /// Everything that did not agree.
    pub(crate) discrepancies: Vec<Discrepancy>,
}

/// What to verify besides the workbook itself.
#[derive(Debug, Clone, Default)]
pub(crate) struct Options {
    /// Source files or folders.
    pub(crate) sources: Vec<PathBuf>,
    /// Published figures.
    pub(crate) claims: Vec<Claim>,
}

/// The settings a workbook was merged with, from the configuration and as-of date it records;
/// a value that does not read is a discrepancy ([`Discrepancy::RecordUnreadable`]), never a
/// default taken silently. `None` when no as-of date can be found at all (the derived
/// columns that depend on it cannot then be checked).
pub(crate) fn recorded_settings(c: &Consolidated, out: &mut Vec<Discrepancy>) -> Option<Settings> {
    let at = |r: Record| {
        At::new(
            &c.sources_sheet,
            CellRef::new(r.row(), crate::schema::sources::VALUE_COL.into()),
        )
    };
    let config = match ConfigFile::parse(&c.meta.config) {
        Ok(cfg) => cfg,
        Err(e) => {
            out.push(Discrepancy::RecordUnreadable {
                at: at(Record::Config),
                record: Record::Config,
                found: c.meta.config.clone(),
                why: e.to_string(),
            });
            ConfigFile::default()
        }
    };
    let as_of = match c.meta.as_of {
        Some(d) => Some(d),
        None => {
            out.push(Discrepancy::RecordUnreadable {
                at: at(Record::AsOf),
                record: Record::AsOf,
                found: c.meta.as_of_text.clone(),
                why: "YYYY-MM-DD".into(),
            });
            c.summary_as_of
        }
    };
    if c.meta.ledger_rows.is_none() {
        out.push(Discrepancy::RecordUnreadable {
            at: at(Record::LedgerRows),
            record: Record::LedgerRows,
            found: c.meta.ledger_rows_text.clone(),
            why: "0, 1, 2 …".into(),
        });
    }
    let mut s = Settings::from_config(config, as_of?);
    s.lang = c.lang;
    Some(s)
}

/// Adds one ledger row to counters (its measure, and its problem on the problem's first
/// measure), reading its derived columns' words.
pub(crate) fn add_row_counts(k: &mut Counters, r: &LedgerRow, lang: crate::Lang) {
    k[Counter::Measures] += 1;
    if r.get(Col::MeasureNo).canonical_is("1") {
        k.add_problem(r.get(Col::ProblemDone).canonical_is(yes_no(true, lang)));
    }
    let status = status_of_word(&r.text(Col::Status), lang).flatten();
    k[Counter::of_status(status)] += 1;
    if let Some(Some(t)) = timing_of_word(&r.text(Col::Timing), lang) {
        k[Counter::of_timing(t)] += 1;
    }
}

/// Adds `n` findings of a severity to counters.
pub(crate) fn add_finding_counts(k: &mut Counters, severity: Option<Severity>, n: u64) {
    if let Some(s) = severity {
        k[s.counter()] += n;
    }
}

/// What one pass over the ledger rows accumulates for every proof.
struct Pass {
    lang: crate::Lang,
    settings: Settings,
    grouped: summary::Grouped,
    derived: derived::Derived,
    integrity: integrity::Integrity,
    per_sheet: HashMap<String, u64>,
    /// The recorded sources whose rows are kept for the sources proof.
    keep: HashSet<String>,
    kept: HashMap<String, Vec<LedgerRow>>,
}

impl Pass {
    fn new(c: &Consolidated, settings: Settings, keep: HashSet<String>) -> Pass {
        Pass {
            lang: c.lang,
            grouped: summary::Grouped::default(),
            derived: derived::Derived::new(c.lang),
            integrity: integrity::Integrity::new(&c.header, c.parent_column, c.meta.ledger_rows),
            per_sheet: HashMap::new(),
            settings,
            keep,
            kept: HashMap::new(),
        }
    }

    fn row(&mut self, r: LedgerRow) {
        self.grouped.row(&r, self.lang);
        self.derived.row(&r, &self.settings);
        self.integrity.row(&r);
        match self.per_sheet.get_mut(&r.sheet) {
            Some(n) => *n += 1,
            None => {
                self.per_sheet.insert(r.sheet.clone(), 1);
            }
        }
        if !self.keep.is_empty() {
            let file = r.text(Col::SourceFile);
            if self.keep.contains(&file) {
                self.kept.entry(file).or_default().push(r);
            }
        }
    }
}

/// The settings the derived proof judges by: the recorded ones, or — when no as-of date can be
/// found at all (a discrepancy already) — today's.
fn judging_settings(c: &Consolidated, d: &mut Vec<Discrepancy>) -> Settings {
    recorded_settings(c, d).unwrap_or_else(|| {
        let mut s = Settings::new(chrono::Local::now().date_naive());
        s.lang = c.lang;
        s
    })
}

/// Verifies a consolidated workbook as it streams by: one pass over its ledger rows, holding
/// the counters, the digests and the current problem's rows — not the rows — besides the rows
/// of changed sources. A second pass is made only when rows of an unchanged source were edited
/// (to compare that source's rows). Returns the workbook (without its rows) and the verdict.
pub(crate) fn verify_opened(
    opened: crate::source::consolidated::Opened,
    opts: &Options,
    limits: &crate::source::guard::Limits,
) -> Result<(Consolidated, Verdict), crate::source::consolidated::ReadError> {
    let head = opened.workbook();
    let mut records = Vec::new();
    let s = judging_settings(head, &mut records);
    let plan = (!opts.sources.is_empty()).then(|| sources::plan(head, &s, &opts.sources));
    let keep = plan.as_ref().map(|p| p.changed(head)).unwrap_or_default();
    let mut pass = Pass::new(head, s, keep);
    let c = opened.rows(&mut |_, r| pass.row(r))?;
    let mut extra: HashMap<String, Vec<LedgerRow>> = HashMap::new();
    if let Some(p) = &plan {
        let need = p.edited_unchanged(&c, pass.integrity.edited());
        if !need.is_empty() {
            let again = crate::source::consolidated::open_consolidated(
                std::path::Path::new(&c.path),
                limits,
            )?;
            again.rows(&mut |_, r| {
                let file = r.text(Col::SourceFile);
                if need.contains(&file) {
                    extra.entry(file).or_default().push(r);
                }
            })?;
        }
    }
    let v = conclude(&c, opts, pass, plan, extra, records);
    Ok((c, v))
}

/// The proofs from what the pass accumulated, in their order, and the conclusion.
fn conclude(
    c: &Consolidated,
    opts: &Options,
    mut pass: Pass,
    plan: Option<sources::Plan>,
    extra: HashMap<String, Vec<LedgerRow>>,
    records: Vec<Discrepancy>,
) -> Verdict {
    let mut d = Vec::new();
    // The findings sheets are read after the rows.
    pass.grouped.findings(c);
    let structure = structure::check(c, &pass.per_sheet, &mut d);
    d.extend(records);
    let mut proofs = vec![structure, summary::check(c, &pass.grouped, &mut d)];
    proofs.push(pass.derived.finish(&mut d));
    let edited = pass.integrity.edited().to_vec();
    proofs.push(pass.integrity.finish(c, &mut d));
    if let Some(p) = &plan {
        let mut rows = pass.kept;
        rows.extend(extra);
        proofs.push(sources::check(c, &pass.settings, p, &edited, &rows, &mut d));
    }
    if !opts.claims.is_empty() {
        proofs.push(claims::check(&pass.grouped, &opts.claims, &mut d));
    }
    let conclusion = if !d.is_empty() || proofs.iter().any(|p| p.outcome == Outcome::Failed) {
        Conclusion::NotVerified
    } else if proofs.iter().all(Proof::passed) {
        Conclusion::Verified
    } else {
        Conclusion::CannotVerify
    };
    Verdict {
        verified: conclusion == Conclusion::Verified,
        conclusion,
        proofs,
        discrepancies: d,
    }
}
