//! Findings (spec 3): what a clerk must fix, each with its rule, severity and source cell, and
//! the facts that make it — typed, so that [`crate::messages`] can say them in either language.

use crate::model::Severity;
use crate::source::SourceError;
use crate::source::grid::CellRef;
use crate::value::deadline::Deadline;
use crate::value::header::Field;
use crate::value::status::Status;
use chrono::NaiveDate;
use serde::{Serialize, Serializer};
use std::fmt;

/// The rules of spec 3. Each rule has one fixed severity ([`Rule::severity`]); its checking
/// function in [`crate::check`] carries its name.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Rule {
    /// `unreadable-file`: the file cannot be opened or parsed.
    UnreadableFile,
    /// `no-ledger`: no sheet of the file has a recognisable header.
    NoLedger,
    /// `sheet-skipped`: a sheet without a header in a workbook that has a ledger elsewhere.
    SheetSkipped,
    /// `hidden-sheet`: a hidden sheet that holds a ledger, skipped unless asked for.
    HiddenSheet,
    /// `missing-column`: a required field has no column.
    MissingColumn,
    /// `duplicate-column`: two columns name the same field.
    DuplicateColumn,
    /// `missing-cell`: a required field is empty in a data row.
    MissingCell,
    /// `bad-deadline`: a deadline no rule of spec 2.2 reads.
    BadDeadline,
    /// `bad-status`: a status no rule of spec 2.2 reads.
    BadStatus,
    /// `bad-date`: a completion date no rule reads.
    BadDate,
    /// `year-inferred`: a deadline without a year.
    YearInferred,
    /// `overdue`: past its deadline and neither done nor long-term.
    Overdue,
    /// `due-soon`: due within the window and not yet done.
    DueSoon,
    /// `done-late`: completed after its deadline.
    DoneLate,
    /// `duplicate-measure`: the same measure twice under one problem.
    DuplicateMeasure,
    /// `numbering`: `seq` values that skip or repeat.
    Numbering,
    /// `ambiguous-column`: two columns are close for one field.
    AmbiguousColumn,
    /// `unit-mismatch`: the title, sheet name or configuration names another unit than the
    /// sheet's unit column.
    UnitMismatch,
    /// `duplicate-file`: an input whose bytes are those of an input before it; read once.
    DuplicateFile,
    /// `own-output`: a consolidated workbook taizhang wrote, not read as a source.
    OwnOutput,
    /// `unit-in-two-files`: the same unit's ledger in two different files; both are counted.
    UnitInTwoFiles,
    /// `cell-too-long`: a cell holds more characters than a spreadsheet cell can (32,767); the
    /// consolidated workbook holds it cut, with a marker.
    CellTooLong,
    /// `duplicate-id`: two measures carry the same ID (a row copied with its hidden ID
    /// column); the IDs of a round can no longer tell them apart.
    DuplicateId,
    /// `bad-id`: an ID cell that holds no ID taizhang wrote (retyped or overwritten); the
    /// measure is given a new one.
    BadId,
    /// `new-measure`: a row without an ID in a list that carries IDs — a measure the unit
    /// added; it is given one.
    NewMeasure,
    /// `id-not-returned`: a measure of the round a merge follows (`--follows`) whose ID no
    /// input carries: removed by its unit, or its list not returned.
    IdNotReturned,
    /// `unknown-id`: an ID the round a merge follows does not have.
    UnknownId,
    /// `no-data`: a ledger sheet with a header and no measure under it (a blank template).
    NoData,
    /// `rows-after-footer`: measures typed below the footer (`填报人:` …), where they are not
    /// read.
    RowsAfterFooter,
    /// `repeated-row`: rows of a sheet that repeat rows of another sheet of the workbook (a
    /// master sheet and the period sheets copying its rows), counted once, as the sheet with
    /// the most measures has them; or a row of a register repeating every cell of a row above,
    /// its identifier too (a ticket exported twice), counted once.
    RepeatedRow,
    /// `stale-status`: a status cell that says otherwise than the latest of the dated reports
    /// in the log beside it (`办理进展`); counted as written.
    StaleStatus,
    /// `void-row`: rows whose state says they are no item (a ticket voided, withdrawn or a
    /// duplicate merged into another: `作废`, `已撤单`, `重复来信`); not counted.
    VoidRow,
    /// `uncertain-reading`: the columns of a sheet are read with too little evidence; its
    /// numbers are left out of the totals unless the clerk confirms the reading.
    UncertainReading,
}

impl Rule {
    /// Every rule, in the order of spec 3.
    pub const ALL: [Rule; 33] = [
        Rule::UnreadableFile,
        Rule::NoLedger,
        Rule::SheetSkipped,
        Rule::HiddenSheet,
        Rule::MissingColumn,
        Rule::DuplicateColumn,
        Rule::MissingCell,
        Rule::BadDeadline,
        Rule::BadStatus,
        Rule::BadDate,
        Rule::YearInferred,
        Rule::Overdue,
        Rule::DueSoon,
        Rule::DoneLate,
        Rule::DuplicateMeasure,
        Rule::Numbering,
        Rule::AmbiguousColumn,
        Rule::UnitMismatch,
        Rule::DuplicateFile,
        Rule::OwnOutput,
        Rule::UnitInTwoFiles,
        Rule::CellTooLong,
        Rule::DuplicateId,
        Rule::BadId,
        Rule::NewMeasure,
        Rule::IdNotReturned,
        Rule::UnknownId,
        Rule::NoData,
        Rule::RowsAfterFooter,
        Rule::RepeatedRow,
        Rule::VoidRow,
        Rule::StaleStatus,
        Rule::UncertainReading,
    ];

    /// The rule's id, as JSON writes it (`missing-cell`).
    pub fn id(self) -> &'static str {
        match self {
            Rule::UnreadableFile => "unreadable-file",
            Rule::NoLedger => "no-ledger",
            Rule::SheetSkipped => "sheet-skipped",
            Rule::HiddenSheet => "hidden-sheet",
            Rule::MissingColumn => "missing-column",
            Rule::DuplicateColumn => "duplicate-column",
            Rule::MissingCell => "missing-cell",
            Rule::BadDeadline => "bad-deadline",
            Rule::BadStatus => "bad-status",
            Rule::BadDate => "bad-date",
            Rule::YearInferred => "year-inferred",
            Rule::Overdue => "overdue",
            Rule::DueSoon => "due-soon",
            Rule::DoneLate => "done-late",
            Rule::DuplicateMeasure => "duplicate-measure",
            Rule::Numbering => "numbering",
            Rule::AmbiguousColumn => "ambiguous-column",
            Rule::UnitMismatch => "unit-mismatch",
            Rule::DuplicateFile => "duplicate-file",
            Rule::OwnOutput => "own-output",
            Rule::UnitInTwoFiles => "unit-in-two-files",
            Rule::CellTooLong => "cell-too-long",
            Rule::DuplicateId => "duplicate-id",
            Rule::BadId => "bad-id",
            Rule::NewMeasure => "new-measure",
            Rule::IdNotReturned => "id-not-returned",
            Rule::UnknownId => "unknown-id",
            Rule::NoData => "no-data",
            Rule::RowsAfterFooter => "rows-after-footer",
            Rule::RepeatedRow => "repeated-row",
            Rule::VoidRow => "void-row",
            Rule::StaleStatus => "stale-status",
            Rule::UncertainReading => "uncertain-reading",
        }
    }

    /// The rule with this id.
    pub fn from_id(id: &str) -> Option<Rule> {
        Rule::ALL.into_iter().find(|r| r.id() == id)
    }

    /// The rule's severity (spec 3).
    pub fn severity(self) -> Severity {
        match self {
            Rule::UnreadableFile
            | Rule::NoLedger
            | Rule::MissingColumn
            | Rule::MissingCell
            | Rule::BadDeadline
            | Rule::BadStatus
            | Rule::Overdue
            | Rule::CellTooLong
            | Rule::DuplicateId
            | Rule::UncertainReading => Severity::Error,
            Rule::HiddenSheet
            | Rule::DuplicateColumn
            | Rule::BadDate
            | Rule::DueSoon
            | Rule::DoneLate
            | Rule::DuplicateMeasure
            | Rule::Numbering
            | Rule::AmbiguousColumn
            | Rule::DuplicateFile
            | Rule::OwnOutput
            | Rule::UnitInTwoFiles
            | Rule::BadId
            | Rule::IdNotReturned
            | Rule::UnknownId
            | Rule::NoData
            | Rule::RepeatedRow
            | Rule::VoidRow
            | Rule::StaleStatus => Severity::Warning,
            Rule::RowsAfterFooter => Severity::Error,
            Rule::SheetSkipped | Rule::YearInferred | Rule::UnitMismatch | Rule::NewMeasure => {
                Severity::Info
            }
        }
    }
}

impl fmt::Display for Rule {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.id())
    }
}

impl Serialize for Rule {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(self.id())
    }
}

/// A measure as a finding names it: its problem's number, its own number within the problem,
/// and its text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MeasureRef {
    /// The problem's number in its ledger, from 1.
    pub problem: u32,
    /// The measure's number within its problem, from 1.
    pub measure: u32,
    /// The measure's text.
    pub text: String,
}

/// When a measure is due: a day, or a deadline without one (`立行立改` with no feedback date).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Due {
    /// On this day.
    Day(NaiveDate),
    /// As this deadline says, with no day to name.
    Deadline(Deadline),
}

/// What is wrong with a ledger's numbering.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum NumberingFault {
    /// A number that was used before, or is smaller than the one before it.
    Repeats(u32),
    /// A number that skips: from the first to the second.
    Jumps(u32, u32),
}

/// The facts behind a finding, one variant per rule; what a message says, typed.
#[derive(Debug, Clone, PartialEq)]
pub enum Fact {
    /// `unreadable-file`: why the file could not be read.
    Unreadable(SourceError),
    /// `no-ledger`: how many sheets the file has.
    NoLedger {
        /// The number of sheets.
        sheets: usize,
    },
    /// `sheet-skipped`.
    SheetSkipped,
    /// `sheet-skipped`: a list beside the workbook's tracking sheet (a problem list, a list of
    /// who answers for each task) with neither a status nor a deadline column: no progress is
    /// tracked on it.
    CompanionSheet {
        /// The sheet of the workbook that tracks progress.
        tracked: String,
    },
    /// `hidden-sheet`.
    HiddenSheet,
    /// `missing-column`: the (first) header row, 1-based.
    MissingColumn {
        /// The header row.
        header_row: u32,
    },
    /// `duplicate-column`: the column that is used (0-based).
    DuplicateColumn {
        /// The column used for the field.
        used: u32,
    },
    /// `missing-cell`: empty, or an error value such as `#N/A` (which is not content).
    MissingCell {
        /// The error value, when the cell holds one.
        error: Option<String>,
    },
    /// `bad-deadline`: the cell's text is the finding's value.
    BadDeadline,
    /// `bad-status`: the finding's value is the word; `also` the other cells of the sheet's
    /// unit holding the same word, in sheet order.
    BadStatus {
        /// The other cells with the same word.
        also: Vec<CellRef>,
    },
    /// `bad-date`.
    BadDate,
    /// `year-inferred`: how the deadline was read.
    YearInferred {
        /// The deadline with the inferred year.
        read_as: Deadline,
    },
    /// `overdue`.
    Overdue {
        /// The measure.
        measure: MeasureRef,
        /// When it was due.
        due: Due,
        /// Its status, if it reads.
        status: Option<Status>,
    },
    /// `due-soon`.
    DueSoon {
        /// The measure.
        measure: MeasureRef,
        /// When it is due.
        due: Due,
    },
    /// `done-late`.
    DoneLate {
        /// The measure.
        measure: MeasureRef,
        /// When it was completed.
        done: NaiveDate,
        /// When it was due.
        due: NaiveDate,
    },
    /// `duplicate-measure`.
    DuplicateMeasure {
        /// The problem's number.
        problem: u32,
        /// The measure that repeats.
        measure: u32,
        /// The measure it repeats.
        repeats: u32,
        /// The measure's text.
        text: String,
    },
    /// `numbering`.
    Numbering(NumberingFault),
    /// `ambiguous-column`: the column used for the finding's field and the one that comes
    /// close, each with its header.
    AmbiguousColumn {
        /// The column used (0-based) and its header.
        chosen: (u32, String),
        /// The other column and its header.
        other: (u32, String),
    },
    /// `duplicate-file`, `own-output`: why the input is not read.
    Skipped(crate::source::Skip),
    /// `unit-in-two-files`: the other file that holds a ledger of the finding's unit.
    UnitInTwoFiles {
        /// The file read first.
        first: String,
    },
    /// `duplicate-id`: the ID and where it came first (sheet and cell).
    DuplicateId {
        /// The ID.
        id: String,
        /// The sheet and cell of its first row.
        first: (String, CellRef),
    },
    /// `bad-id`: the measure the ID cell belongs to.
    BadId {
        /// The measure.
        measure: MeasureRef,
    },
    /// `new-measure`: the measure without an ID and the one it is given.
    NewMeasure {
        /// The measure.
        measure: MeasureRef,
        /// The ID given.
        id: String,
    },
    /// `id-not-returned`: the measure of the followed round whose ID did not come back.
    IdNotReturned {
        /// The ID.
        id: String,
        /// The problem's text.
        problem: String,
        /// The measure's text.
        measure: String,
    },
    /// `unknown-id`: an ID the followed round does not have.
    UnknownId {
        /// The measure.
        measure: MeasureRef,
        /// The ID.
        id: String,
    },
    /// `rows-after-footer`: how many rows, and the footer row they are below (1-based).
    RowsAfterFooter {
        /// The rows.
        rows: usize,
        /// The footer's first row.
        footer_row: u32,
    },
    /// `no-data`: the ledger's header row (1-based).
    NoData {
        /// The header row.
        header_row: u32,
    },
    /// `cell-too-long`: how many characters the cell holds.
    CellTooLong {
        /// Its length in characters.
        chars: usize,
    },
    /// `repeated-row`: how many rows of the finding's sheet repeat rows of another sheet, and
    /// the sheet whose rows are counted.
    RepeatedRow {
        /// The rows that repeat.
        rows: usize,
        /// The sheet counted.
        kept: String,
    },
    /// `stale-status`: the status as written, the log's column (0-based) and its latest entry.
    StaleStatus {
        /// The status cell's text.
        written: String,
        /// The log's column.
        log_col: u32,
        /// The log's latest entry.
        entry: String,
    },
    /// `repeated-row` within a sheet: the finding's row repeats every cell of an earlier row
    /// (1-based), its identifier too, and is counted once.
    CopiedRow {
        /// The row it repeats (1-based).
        of_row: u32,
        /// The identifier both rows carry.
        id: String,
    },
    /// `void-row`: how many rows of the finding's unit in its sheet are no item, and their
    /// states as written (each once, in sheet order).
    VoidRows {
        /// The rows not counted.
        rows: usize,
        /// Their states.
        words: Vec<String>,
    },
    /// `uncertain-reading`: the field read with too little evidence, the column it is read
    /// from and the best alternative, the share of its cells the field's grammar reads (in
    /// percent), and whether the sheet's numbers are left out of the totals.
    UncertainReading {
        /// The column used (0-based) and its header.
        chosen: (u32, String),
        /// The best other column and its header, if one reads better.
        other: Option<(u32, String)>,
        /// The share of the chosen column's cells read, in percent.
        read: u32,
        /// The share of the other column's cells read, in percent.
        other_read: u32,
        /// True when the sheet's numbers are not counted.
        left_out: bool,
    },
    /// `uncertain-reading` of the unit: a sheet whose unit is only its file's name, title or
    /// sheet name while a column of it names units (or, in a register, organisations) row by
    /// row.
    UncertainUnit {
        /// The unit taken from the file's name, the title or the sheet's name.
        guessed: String,
        /// Where it was taken from.
        from: crate::layout::UnitSource,
        /// The column of organisations (0-based) and its header.
        other: (u32, String),
        /// How many different organisations it names.
        names: u32,
        /// True when the sheet's numbers are not counted.
        left_out: bool,
    },
    /// `uncertain-reading` of the unit column: two columns name units about as surely.
    AmbiguousUnit {
        /// The column used (0-based) and its header.
        chosen: (u32, String),
        /// The other column and its header.
        other: (u32, String),
        /// True when the sheet's numbers are not counted.
        left_out: bool,
    },
    /// `uncertain-reading` of a status or deadline column: two columns came close, and they
    /// read differently on some rows.
    AmbiguousState {
        /// The field.
        field: Field,
        /// The column used (0-based) and its header.
        chosen: (u32, String),
        /// The other column and its header.
        other: (u32, String),
        /// The rows the two read differently.
        differ: u32,
        /// The rows both read.
        compared: u32,
        /// True when the sheet's numbers are not counted.
        left_out: bool,
    },
    /// `uncertain-reading` of a unit column that names a different unit on nearly every row.
    UnitPerRow {
        /// The unit column (0-based) and its header.
        column: (u32, String),
        /// The sheet's data rows.
        rows: u32,
        /// How many units the column names.
        units: u32,
        /// True when the sheet's numbers are not counted.
        left_out: bool,
    },
    /// `uncertain-reading` of the unit: the sheet names only the section that filed it
    /// (`填报单位：青溪县人民武装部`, or `办公室`), no column names units, and the file's name names
    /// no organisation (`附件1.xlsx`).
    FilerOnly {
        /// The filing section the sheet names.
        filer: String,
        /// The file's name, which the items would be counted under.
        guessed: String,
        /// True when the sheet's numbers are not counted.
        left_out: bool,
    },
    /// `uncertain-reading` of the unit: nothing names the sheet's unit — no title or meta row,
    /// no column of units, and the file's name names no organisation (`附件1.xlsx`); a title
    /// naming only who inspected (`县委第三巡察组反馈问题整改台账`) names no unit either.
    UnitUnnamed {
        /// The file's name, which the items would be counted under.
        guessed: String,
        /// The inspector a title names, if one does.
        inspector: Option<String>,
        /// True when the sheet's numbers are not counted.
        left_out: bool,
    },
    /// `unit-mismatch`: the unit the sheet names and where it names it; the rows' units come
    /// from the unit column.
    UnitMismatch {
        /// The unit named.
        named: String,
        /// Where.
        by: crate::layout::UnitSource,
    },
}

impl Fact {
    /// True for an `uncertain-reading` whose sheet's numbers are left out of the totals.
    pub(crate) fn leaves_the_sheet_out(&self) -> bool {
        match self {
            Fact::UncertainReading { left_out, .. }
            | Fact::UncertainUnit { left_out, .. }
            | Fact::AmbiguousUnit { left_out, .. }
            | Fact::AmbiguousState { left_out, .. }
            | Fact::UnitPerRow { left_out, .. }
            | Fact::FilerOnly { left_out, .. }
            | Fact::UnitUnnamed { left_out, .. } => *left_out,
            _ => false,
        }
    }
}

/// One finding.
#[derive(Debug, Clone, PartialEq)]
pub struct Finding {
    /// The rule.
    pub rule: Rule,
    /// The file, as reports name it.
    pub file: String,
    /// The sheet; empty for file-level findings.
    pub sheet: String,
    /// The cell in the source sheet; `None` for file- and sheet-level findings.
    pub cell: Option<CellRef>,
    /// The unit; empty when unknown.
    pub unit: String,
    /// The field concerned, if one.
    pub field: Option<Field>,
    /// The cell's original text, when there is a cell.
    pub value: Option<String>,
    /// What makes the finding.
    pub fact: Fact,
}

impl Finding {
    /// A finding of a rule about a file.
    pub fn new(rule: Rule, file: &str, fact: Fact) -> Finding {
        Finding {
            rule,
            file: file.to_string(),
            sheet: String::new(),
            cell: None,
            unit: String::new(),
            field: None,
            value: None,
            fact,
        }
    }

    /// The rule's severity.
    pub fn severity(&self) -> Severity {
        self.rule.severity()
    }

    /// `file:sheet!cell`, `file:sheet` or `file`.
    pub fn location(&self) -> String {
        match (&self.sheet, &self.cell) {
            (s, _) if s.is_empty() => self.file.clone(),
            (s, Some(c)) => format!("{}:{}!{}", self.file, s, c),
            (s, None) => format!("{}:{}", self.file, s),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rule_ids_round_trip_and_severities_follow_the_spec() {
        for r in Rule::ALL {
            assert_eq!(Rule::from_id(r.id()), Some(r));
        }
        assert_eq!(Rule::Overdue.severity(), Severity::Error);
        assert_eq!(Rule::DueSoon.severity(), Severity::Warning);
        assert_eq!(Rule::YearInferred.severity(), Severity::Info);
    }

    #[test]
    fn locations() {
        let mut f = Finding::new(
            Rule::MissingCell,
            "a.xlsx",
            Fact::MissingCell { error: None },
        );
        f.sheet = "台账".into();
        f.cell = Some(CellRef::new(11, 6));
        f.field = Some(Field::Person);
        f.value = Some(String::new());
        assert_eq!(f.severity(), Severity::Error);
        assert_eq!(f.location(), "a.xlsx:台账!G12");
    }
}
