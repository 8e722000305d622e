//! One input file from bytes to ledgers and findings, and a run over many files.
//!
//! [`process_file`] is the unit of work: it reads one file, finds the ledgers on its sheets,
//! builds them and checks them. It shares nothing with other files, so files can be processed
//! in parallel; [`crate::tally::Tally`] then adds the results up in input order.

use crate::check;
use crate::config::Settings;
use crate::crash;
use crate::finding::Finding;
use crate::layout::find_layout;
use crate::ledger::{Ledger, build_ledgers, unit_of};
use crate::model::Counters;
use crate::source::grid::Visibility;
use crate::source::{self, Format, Input, SourceError};
use crate::value::header::Field;
use serde::Serialize;
use std::path::Path;

/// The column a field was read from, as the JSON report and the sources sheet list it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub(crate) struct MappedColumn {
    /// Its letters (`E`).
    pub(crate) column: String,
    /// Its header as written.
    pub(crate) header: String,
    /// Why it was chosen.
    #[serde(serialize_with = "because_key")]
    pub(crate) because: crate::layout::assign::Because,
    /// The next best column for the field, if one came near enough to count (`F`).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub(crate) runner_up: Option<String>,
}

fn because_key<S: serde::Serializer>(
    b: &crate::layout::assign::Because,
    s: S,
) -> Result<S::Ok, S::Error> {
    s.serialize_str(b.key())
}

/// Which column each field was read from: every field of [`Field::ALL`], in order, with its
/// column or none. Serialized as a map from the field's key. Shared, not copied, by the
/// ledgers read the same way (the units of one consolidated sheet: thousands).
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub(crate) struct Mapping(pub std::sync::Arc<[(Field, Option<MappedColumn>)]>);

impl Serialize for Mapping {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        use serde::ser::SerializeMap;
        let mut m = s.serialize_map(Some(self.0.len()))?;
        for (f, c) in self.0.iter() {
            m.serialize_entry(f.key(), c)?;
        }
        m.end()
    }
}

impl Mapping {
    /// The mapping of a ledger's layout.
    pub(crate) fn of(layout: &crate::layout::Layout) -> Mapping {
        let label = |col: u32| {
            layout
                .columns
                .iter()
                .find(|c| c.col == col)
                .map(|c| c.label.clone())
                .unwrap_or_default()
        };
        Mapping(
            Field::ALL
                .into_iter()
                .map(|f| {
                    let c = layout.choice(f).map(|c| MappedColumn {
                        column: crate::value::text::column_letters(c.col),
                        header: label(c.col),
                        because: c.because,
                        runner_up: c
                            .runner_up
                            .map(|(col, _)| crate::value::text::column_letters(col)),
                    });
                    (f, c)
                })
                .collect(),
        )
    }
}

/// What was read from one ledger sheet, as the JSON report lists it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub(crate) struct LedgerRecord {
    /// The sheet.
    pub(crate) sheet: String,
    /// The unit.
    #[serde(rename = "community")]
    pub(crate) unit: String,
    /// The (first) header row, 1-based.
    pub(crate) header_row: u32,
    /// Data rows read.
    pub(crate) data_rows: u32,
    /// The column each field was read from.
    pub(crate) columns: Mapping,
    /// Where the unit's name was found (`title`, `column`, `file_name` …).
    pub(crate) unit_from: crate::layout::UnitSource,
    /// How surely the sheet was read.
    pub(crate) reading: check::Reading,
    /// The level above its unit the sheet names, if any.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub(crate) parent: Option<String>,
}

impl LedgerRecord {
    /// The record of a ledger read.
    pub(crate) fn of(l: &Ledger, reading: check::Reading) -> LedgerRecord {
        LedgerRecord {
            sheet: l.sheet.clone(),
            unit: l.unit.clone(),
            header_row: l.header_row_1based(),
            data_rows: l.rows.len() as u32,
            columns: Mapping::of(&l.layout),
            unit_from: l.unit_source,
            reading,
            parent: l.parent.clone(),
        }
    }

    /// The records of ledgers, each sheet's (its ledgers follow one another) with the sheet's
    /// reading.
    pub(crate) fn of_sheets(ledgers: &[Ledger], settings: &Settings) -> Vec<LedgerRecord> {
        let mut out = Vec::with_capacity(ledgers.len());
        for sheet in ledgers.chunk_by(|a, b| a.file == b.file && a.sheet == b.sheet) {
            let r = check::reading(sheet, settings);
            out.extend(sheet.iter().map(|l| LedgerRecord::of(l, r)));
        }
        out
    }
}

/// One input file, as the JSON report and the `来源` sheet list it.
#[derive(Debug, Clone, PartialEq)]
pub struct InputRecord {
    /// The file, as given or found.
    pub(crate) path: String,
    /// SHA-256 of its bytes (empty when it could not be read).
    pub(crate) sha256: String,
    /// Its size in bytes.
    pub(crate) bytes: u64,
    /// Its format (`xlsx` …), or its extension when it is not a supported format.
    pub(crate) format: String,
    /// Why it could not be read, if it could not.
    pub error: Option<SourceError>,
    /// The ledgers read from it.
    pub(crate) ledgers: Vec<LedgerRecord>,
    /// Why it was not read though it could be, if it was not.
    pub(crate) skipped: Option<source::Skip>,
    /// The ledgers of its sheets read with doubt (`uncertain-reading`) and not counted: their
    /// columns, for the clerk to correct or confirm.
    pub(crate) left_out: Vec<LedgerRecord>,
}

impl InputRecord {
    /// Adds a later part's record of the same file: its ledgers follow, and its error is kept
    /// when there was none.
    pub(crate) fn absorb(&mut self, later: &InputRecord) {
        for l in &later.ledgers {
            let mut l = l.clone();
            // A consolidated sheet's units are read the same way: one mapping for them all.
            if let Some(before) = self.ledgers.last()
                && before.columns == l.columns
            {
                l.columns = before.columns.clone();
            }
            self.ledgers.push(l);
        }
        self.left_out.extend(later.left_out.iter().cloned());
        if self.error.is_none() {
            self.error.clone_from(&later.error);
        }
    }
}

/// Which part of a file's result a [`FileResult`] is. A file is one part, except a
/// consolidated workbook, whose ledgers come a unit at a time as its rows stream by
/// (`process_file_parts`); every part carries the file's record with that part's ledgers.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Part {
    /// From 0.
    pub(crate) index: usize,
    /// True for the file's last part.
    pub(crate) last: bool,
}

impl Part {
    /// The one part of a file read whole.
    pub(crate) const WHOLE: Part = Part {
        index: 0,
        last: true,
    };
}

/// Everything one file yields.
#[derive(Debug, Clone)]
pub struct FileResult {
    /// Which part of the file's result this is.
    pub(crate) part: Part,
    /// The file's record.
    pub record: InputRecord,
    /// Its ledgers, in sheet order.
    pub ledgers: Vec<Ledger>,
    /// Its findings: file-level first, then by sheet and cell.
    pub findings: Vec<Finding>,
    /// The counters of each ledger (spec 4), in the order of `ledgers`: counted on the thread
    /// that read the file.
    pub(crate) counters: Vec<Counters>,
}

/// What a report needs of one file: its record, the counters of its ledgers by unit,
/// and its findings — a [`FileResult`] without its ledgers, which [`FileResult::counted`]
/// drops on the thread that read them.
#[derive(Debug, Clone)]
pub(crate) struct Counted {
    /// Which part of the file's result this is.
    pub(crate) part: Part,
    /// The file's record.
    pub(crate) record: InputRecord,
    /// Each ledger's unit and counters, in sheet order.
    pub(crate) ledgers: Vec<(String, Counters)>,
    /// Its findings.
    pub(crate) findings: Vec<Finding>,
}

impl FileResult {
    /// The counters of each ledger: those counted on the reading thread, or counted now for a
    /// result built without them.
    pub(crate) fn ledger_counters(&self, settings: &Settings) -> Vec<Counters> {
        if self.counters.len() == self.ledgers.len() {
            return self.counters.clone();
        }
        self.ledgers
            .iter()
            .map(|l| crate::ledger::counters(l, settings))
            .collect()
    }

    /// Adds a later part of the same file: its ledgers, findings and counters follow.
    pub(crate) fn absorb(&mut self, later: FileResult) {
        if self.counters.len() == self.ledgers.len() && later.counters.len() == later.ledgers.len()
        {
            self.counters.extend(later.counters);
        } else {
            self.counters.clear();
        }
        self.ledgers.extend(later.ledgers);
        self.findings.extend(later.findings);
        self.record.absorb(&later.record);
        self.part.last = later.part.last;
    }

    /// The result without its ledgers, only their units and counters.
    pub(crate) fn counted(self, settings: &Settings) -> Counted {
        let counters = self.ledger_counters(settings);
        Counted {
            part: self.part,
            record: self.record,
            ledgers: self
                .ledgers
                .into_iter()
                .map(|l| l.unit)
                .zip(counters)
                .collect(),
            findings: self.findings,
        }
    }
}

fn extension(path: &Path) -> String {
    path.extension()
        .map(|e| e.to_string_lossy().to_ascii_lowercase())
        .unwrap_or_default()
}

/// Reads, finds, builds and checks the ledgers of one file. Never panics and never fails: a
/// file that cannot be read yields an `unreadable-file` finding.
pub fn process_file(input: &Input, settings: &Settings) -> FileResult {
    let mut whole: Option<FileResult> = None;
    process_file_parts(input, settings, &mut |part| match whole.as_mut() {
        Some(w) => w.absorb(part),
        None => whole = Some(part),
    });
    whole.unwrap_or_else(|| {
        let err = SourceError::ReaderFailed("no result".into());
        failed(input, String::new(), 0, extension(&input.path), &err)
    })
}

/// Processes one input, handing its result to `emit` in parts ([`Part`]): one part for a file
/// read whole; for a consolidated workbook taizhang wrote, one part per unit (a unit's rows are
/// consecutive) as its rows stream by, so the workbook is never held whole.
pub(crate) fn process_file_parts(
    input: &Input,
    settings: &Settings,
    emit: &mut dyn FnMut(FileResult),
) {
    crash::set_current_file(Some(&input.display));
    let mut emitted = 0usize;
    let mut counted = |r: FileResult| {
        emitted += 1;
        emit(r)
    };
    let outcome = crash::contain(|| process_inner(input, settings, &mut counted));
    if let Err(panic) = outcome {
        let err = SourceError::ReaderFailed(panic);
        let mut r = failed(input, String::new(), 0, extension(&input.path), &err);
        r.part = Part {
            index: emitted,
            last: true,
        };
        emit(r);
    }
    crash::set_current_file(None);
}

/// The result of an input screened out: its record (hash, size, format) and a finding that
/// says why it is not read.
fn skipped(input: &Input, skip: &source::Skip, settings: &Settings) -> FileResult {
    let (sha256, bytes, format) = match source::load(&input.path, &settings.limits) {
        Ok(l) => {
            let format = source::sniff(&l.bytes, &extension(&input.path))
                .map(|f| f.name().to_string())
                .unwrap_or_else(|_| extension(&input.path));
            (l.sha256, l.bytes.len() as u64, format)
        }
        Err(e) => return failed(input, String::new(), 0, extension(&input.path), &e),
    };
    let rule = match skip {
        source::Skip::Duplicate { .. } => crate::finding::Rule::DuplicateFile,
        _ => crate::finding::Rule::OwnOutput,
    };
    FileResult {
        part: Part::WHOLE,
        record: InputRecord {
            path: input.display.clone(),
            sha256,
            bytes,
            format,
            error: None,
            ledgers: Vec::new(),
            skipped: Some(skip.clone()),
            left_out: Vec::new(),
        },
        ledgers: Vec::new(),
        findings: vec![Finding::new(
            rule,
            &input.display,
            crate::finding::Fact::Skipped(skip.clone()),
        )],
        counters: Vec::new(),
    }
}

/// Screens the inputs before they are read, so that nothing is counted twice: an input whose
/// bytes are those of an input before it is a copy, read once; a consolidated workbook taizhang
/// wrote is not read again when the inputs it records are among these ones (or ever, in the
/// command-less form: `own_outputs = false`). Each input is hashed on `threads` threads.
pub(crate) fn screen(inputs: &mut [Input], settings: &Settings, threads: usize, own_outputs: bool) {
    let hashes: Vec<Option<(String, bool)>> = crate::pool::map(inputs, threads, |input| {
        if input.problem.is_some() {
            return None;
        }
        // Hashed in blocks: a large workbook is never held whole here.
        let (sha256, _) = source::hash_file(&input.path, &settings.limits).ok()?;
        let ours = crate::source::consolidated::is_taizhang_file(&input.path, &settings.limits);
        Some((sha256, ours))
    })
    .into_iter()
    // An input whose screening panicked is read as any other, where the panic costs its file.
    .map(|h| h.ok().flatten())
    .collect();
    let all: std::collections::HashMap<&str, &str> = hashes
        .iter()
        .zip(inputs.iter())
        .filter_map(|(h, i)| {
            h.as_ref()
                .map(|(sha, _)| (sha.as_str(), i.display.as_str()))
        })
        .collect();
    let mut skips: Vec<Option<source::Skip>> = vec![None; inputs.len()];
    // Among identical files the original is the first whose name is not a copy's
    // (`…- 副本.xlsx`, `…(1).xlsx`, `… - Copy.xlsx`); the others are copies of it.
    let mut groups: std::collections::HashMap<&str, Vec<usize>> = std::collections::HashMap::new();
    for (k, h) in hashes.iter().enumerate() {
        if let Some((sha, _)) = h {
            groups.entry(sha.as_str()).or_default().push(k);
        }
    }
    for members in groups.values().filter(|m| m.len() > 1) {
        let original = members
            .iter()
            .copied()
            .find(|k| !looks_like_a_copy(&inputs[*k].file_name()))
            .unwrap_or(members[0]);
        for k in members.iter().copied().filter(|k| *k != original) {
            skips[k] = Some(source::Skip::Duplicate {
                of: inputs[original].display.clone(),
            });
        }
    }
    for (k, (h, input)) in hashes.iter().zip(inputs.iter()).enumerate() {
        let Some((_, ours)) = h else { continue };
        if skips[k].is_some() || !ours {
            continue;
        }
        if !own_outputs {
            skips[k] = Some(source::Skip::OwnOutput);
            continue;
        }
        let recorded =
            crate::source::consolidated::recorded_sources_of_file(&input.path, &settings.limits)
                .unwrap_or_default();
        let mut among: Vec<String> = Vec::new();
        for (_, sha) in &recorded {
            if let Some(p) = all.get(sha.as_str())
                && !among.iter().any(|x| x == p)
            {
                among.push(p.to_string());
            }
        }
        if !among.is_empty() {
            skips[k] = Some(source::Skip::OutputOfInputs { sources: among });
        }
    }
    for (input, skip) in inputs.iter_mut().zip(skips) {
        input.skip = skip;
    }
}

/// True for the names people give copies: `…- 副本`, `…副本`, `…(1)`, `… - Copy`, `…copy`.
fn looks_like_a_copy(name: &str) -> bool {
    let stem = std::path::Path::new(name)
        .file_stem()
        .map(|s| s.to_string_lossy().into_owned())
        .unwrap_or_default();
    let stem = crate::value::text::squash(&stem).to_lowercase();
    stem.ends_with("副本")
        || stem.ends_with("copy")
        || stem.contains("副本(")
        || stem
            .strip_suffix(')')
            .and_then(|s| s.rsplit_once('('))
            .is_some_and(|(_, n)| !n.is_empty() && n.chars().all(|c| c.is_ascii_digit()))
}

fn failed(
    input: &Input,
    sha256: String,
    bytes: u64,
    format: String,
    err: &SourceError,
) -> FileResult {
    FileResult {
        part: Part::WHOLE,
        record: InputRecord {
            path: input.display.clone(),
            sha256,
            bytes,
            format,
            error: Some(err.clone()),
            ledgers: Vec::new(),
            skipped: None,
            left_out: Vec::new(),
        },
        ledgers: Vec::new(),
        findings: vec![check::unreadable_file(&input.display, err)],
        counters: Vec::new(),
    }
}

fn process_inner(input: &Input, settings: &Settings, emit: &mut dyn FnMut(FileResult)) {
    let ext = extension(&input.path);
    if let Some(e) = &input.problem {
        return emit(failed(input, String::new(), 0, ext, e));
    }
    if let Some(skip) = &input.skip {
        return emit(skipped(input, skip, settings));
    }
    // A consolidated workbook is read back as it streams, a unit at a time, never whole.
    if matches!(ext.as_str(), "xlsx" | "xlsm")
        && crate::source::consolidated::is_taizhang_file(&input.path, &settings.limits)
    {
        let format = if ext == "xlsm" {
            Format::Xlsm
        } else {
            Format::Xlsx
        };
        return match source::hash_file(&input.path, &settings.limits) {
            Ok((sha256, bytes)) => consolidated_parts(input, sha256, bytes, format, settings, emit),
            Err(e) => emit(failed(input, String::new(), 0, ext, &e)),
        };
    }
    let loaded = match source::load(&input.path, &settings.limits) {
        Ok(l) => l,
        Err(e) => return emit(failed(input, String::new(), 0, ext, &e)),
    };
    let bytes = loaded.bytes.len() as u64;
    let format = match source::sniff(&loaded.bytes, &ext) {
        Ok(f) => f,
        Err(e) => return emit(failed(input, loaded.sha256, bytes, ext, &e)),
    };
    let stem = input
        .path
        .file_stem()
        .map(|s| s.to_string_lossy().into_owned())
        .unwrap_or_default();
    let sheets = match read_contained(&loaded.bytes, format, &stem, &settings.limits) {
        Ok(s) => s,
        Err(e) => {
            return emit(failed(
                input,
                loaded.sha256,
                bytes,
                format.name().into(),
                &e,
            ));
        }
    };
    drop(loaded.bytes);
    emit(analyse_sheets(
        input,
        loaded.sha256,
        bytes,
        format,
        sheets,
        settings,
    ))
}

/// What a consolidated workbook's read failed on, as a file's error.
fn cause_of(e: crate::source::consolidated::ReadError) -> SourceError {
    match e {
        crate::source::consolidated::ReadError::Source { cause, .. } => cause,
        other => SourceError::Corrupt(other.to_string()),
    }
}

/// A consolidated workbook's ledgers, a unit at a time (its rows are consecutive), each
/// checked and handed on as it is built.
fn consolidated_parts(
    input: &Input,
    sha256: String,
    bytes: u64,
    format: Format,
    settings: &Settings,
    emit: &mut dyn FnMut(FileResult),
) {
    use crate::schema::ledger::Col;
    use crate::source::consolidated::{LedgerRow, open_consolidated_rows};
    let opened = match open_consolidated_rows(&input.path, &settings.limits) {
        // The numbering, derived columns and digests are made again from the rest.
        // The parent too, to give each unit the level above it again.
        Ok(o) => o.only(|c| c.is_read_as_input() || c == Col::Parent),
        Err(e) => {
            let err = cause_of(e);
            return emit(failed(input, sha256, bytes, format.name().into(), &err));
        }
    };
    let lang = opened.workbook().lang;
    let file = input.display.as_str();
    let file_name = input.file_name();
    let mut index = 0usize;
    let mut first_of_file = true;
    let mut numbered: std::collections::HashMap<String, u32> = std::collections::HashMap::new();
    let mut build = |rows: &mut Vec<LedgerRow>, last: bool, emit: &mut dyn FnMut(FileResult)| {
        let mut ledgers = crate::ledger::from_consolidated_rows(
            std::mem::take(rows),
            lang,
            file,
            &file_name,
            settings,
        );
        for l in &mut ledgers {
            // The once-per-sheet findings (a missing column …) are the file's, said once.
            l.first_of_sheet = first_of_file;
            first_of_file = false;
            // A unit whose rows come in several runs (its ledgers came from several files)
            // numbers its problems on, as the whole sheet read at once does.
            let before = numbered.entry(l.unit.clone()).or_insert(0u32);
            for p in &mut l.problems {
                p.number += *before;
            }
            if let Some(p) = l.problems.last() {
                *before = p.number;
            }
        }
        let mut findings = Vec::new();
        for l in &ledgers {
            findings.extend(check::check_ledger(l, settings));
        }
        let mut r = file_result(
            input,
            sha256.clone(),
            bytes,
            format,
            ledgers,
            findings,
            settings,
        );
        r.part = Part { index, last };
        index += 1;
        emit(r);
    };
    let mut rows: Vec<LedgerRow> = Vec::new();
    let read = opened.rows(&mut |_, r| {
        if rows
            .last()
            .is_some_and(|prev| prev.get(Col::Unit) != r.get(Col::Unit))
        {
            build(&mut rows, false, emit);
        }
        rows.push(r);
    });
    if let Err(e) = read {
        let err = cause_of(e);
        let mut r = failed(input, sha256, bytes, format.name().into(), &err);
        r.part = Part { index, last: true };
        return emit(r);
    }
    build(&mut rows, true, emit);
}

/// Reads a file's sheets with any panic inside the readers (calamine's, or ours) turned into
/// [`SourceError::ReaderFailed`]. A consolidated workbook taizhang wrote is read as written
/// (`source::written`): its text exactly, white space and all, as `verify` reads it.
pub fn read_contained(
    bytes: &[u8],
    format: Format,
    name: &str,
    limits: &crate::source::guard::Limits,
) -> Result<Vec<source::grid::Sheet>, SourceError> {
    if matches!(format, Format::Xlsx | Format::Xlsm)
        && crate::source::consolidated::is_taizhang_workbook(bytes)
    {
        return crash::contain(|| source::written::read_written(bytes, limits))
            .map_err(SourceError::ReaderFailed)?
            .map(|b| b.into_parts().0);
    }
    crash::contain(|| source::parse(bytes, format, name, limits))
        .map_err(SourceError::ReaderFailed)?
}

/// One sheet per unit, named by the sheets' names alone (`青山社`, `白马社` under one header,
/// every sheet read as the same unit otherwise, `XX县供销合作社`): each sheet is its name's —
/// only when every sheet's name ends as that unit's kind does (`社`), so that sheets split by
/// state, category, office or person (`已完成`, `党建办`, `张三`) stay the one unit's.
fn name_sheets_by_their_units(
    sheets: &[source::grid::Sheet],
    layouts: &mut [Option<crate::layout::Layout>],
    settings: &Settings,
    file_name: &str,
) {
    use crate::layout::UnitSource;
    let read: Vec<(usize, &crate::layout::Layout)> = layouts
        .iter()
        .enumerate()
        .filter_map(|(i, l)| Some((i, l.as_ref()?)))
        .filter(|(i, _)| sheets[*i].visibility != Visibility::Hidden || settings.include_hidden)
        .collect();
    let Some((_, first)) = read.first() else {
        return;
    };
    let labels = |l: &crate::layout::Layout| -> Vec<String> {
        l.columns.iter().map(|c| c.label.clone()).collect()
    };
    let header = labels(first);
    let units: std::collections::HashSet<(String, UnitSource)> = read
        .iter()
        .map(|(i, l)| unit_of(settings, file_name, &sheets[*i].name, l))
        .collect();
    let names: std::collections::HashSet<String> = read
        .iter()
        .map(|(i, _)| crate::value::text::squash(&sheets[*i].name))
        .collect();
    let ends: std::collections::HashSet<Option<char>> =
        names.iter().map(|n| n.chars().last()).collect();
    let one_header = read.len() >= 2
        && names.len() == read.len()
        && read
            .iter()
            .all(|(_, l)| labels(l) == header && l.column_of(Field::Unit).is_none());
    let per_unit = one_header
        && names
            .iter()
            .all(|n| crate::layout::names_a_unit_of_its_own(n))
        && match units.iter().collect::<Vec<_>>().as_slice() {
            [(unit, UnitSource::FileName | UnitSource::Title)] => {
                ends.len() == 1 && ends.contains(&crate::value::text::squash(unit).chars().last())
            }
            _ => false,
        };
    // Or each sheet's title names its sheet (`…追踪表（心血管内科）` on `心血管内科`), every
    // sheet read as one unit otherwise: a workbook of the wards', offices' or branches' own.
    let per_unit = per_unit
        || (one_header
            && read.iter().all(|(_, l)| l.title_names_sheet)
            && names
                .iter()
                .all(|n| crate::layout::evidence::organisation_name(n))
            && units.len() == 1);
    if per_unit {
        let at: Vec<usize> = read.iter().map(|(i, _)| *i).collect();
        for i in at {
            if let Some(l) = layouts[i].as_mut() {
                l.named_by_sheet = true;
            }
        }
    }
}

/// Titles name each sheet's own organisation only when they name different ones (a workbook
/// of departments' returns, `Sheet1`…`Sheet4`); one title alone may name the inspector
/// (`永宁县审计局…审计查出问题整改台账` in the audited bureau's file).
fn keep_titles_that_differ(layouts: &mut [Option<crate::layout::Layout>]) {
    let organisations: std::collections::HashSet<&String> = layouts
        .iter()
        .flatten()
        .filter_map(|l| l.title_organisation.as_ref())
        .collect();
    if organisations.len() < 2 {
        for l in layouts.iter_mut().flatten() {
            l.lone_title_organisation = l.title_organisation.take();
        }
    }
}

/// The texts of a sheet's cells, squashed.
fn texts_of(sheet: &source::grid::Sheet) -> std::collections::HashSet<String> {
    sheet
        .rows
        .iter()
        .flat_map(|r| r.cells.iter())
        .filter_map(|c| match &c.value {
            source::grid::CellValue::Text(t) => Some(crate::value::text::squash(t)),
            _ => None,
        })
        .collect()
}

/// True when a column of the sheet's rows holds codes (`WT01`, `RW-03`: letters or dashes
/// with digits), two at least, and four in five of them are among `names`, another sheet's
/// texts: the sheet lists what that sheet tracks.
fn codes_named_in(
    sheet: &source::grid::Sheet,
    layout: &crate::layout::Layout,
    names: &std::collections::HashSet<String>,
) -> bool {
    let is_code = |t: &str| {
        (2..=24).contains(&t.chars().count())
            && t.chars().any(|c| c.is_ascii_digit())
            && t.chars().any(|c| c.is_ascii_alphabetic() || c == '-')
            && t.chars()
                .all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_')
    };
    let mut by_col: std::collections::HashMap<u32, (usize, usize)> = Default::default();
    for r in sheet
        .rows
        .iter()
        .filter(|r| (layout.data_start..layout.data_end).contains(&r.index))
    {
        for c in &r.cells {
            if let source::grid::CellValue::Text(t) = &c.value {
                let t = crate::value::text::squash(t);
                if is_code(&t) {
                    let e = by_col.entry(c.col).or_default();
                    e.0 += 1;
                    e.1 += usize::from(names.contains(&t));
                }
            }
        }
    }
    by_col
        .values()
        .any(|(codes, named)| *codes >= 2 && named * 5 >= codes * 4)
}

/// Finds, builds and checks the ledgers of a file's sheets.
pub fn analyse_sheets(
    input: &Input,
    sha256: String,
    bytes: u64,
    format: Format,
    sheets: Vec<source::grid::Sheet>,
    settings: &Settings,
) -> FileResult {
    let file = input.display.as_str();
    let file_name = input.file_name();
    let mut ledgers = Vec::new();
    let mut findings = Vec::new();
    // A consolidated workbook (from `taizhang merge`) is read through its ledger sheets.
    let consolidated = crate::source::consolidated::ledger_sheets(&sheets);
    if !consolidated.is_empty() {
        // The parts of a ledger split over several sheets (one sheet holds at most a million
        // rows) are read as one; parts written with other columns are read on their own.
        let mut groups: Vec<(
            &crate::source::consolidated::LedgerColumns,
            Vec<&source::grid::Sheet>,
        )> = Vec::new();
        for (i, columns) in &consolidated {
            match groups.iter_mut().find(|(c, _)| *c == columns) {
                Some((_, parts)) => parts.push(&sheets[*i]),
                None => groups.push((columns, vec![&sheets[*i]])),
            }
        }
        for (columns, parts) in &groups {
            for l in crate::ledger::from_consolidated(parts, columns, file, &file_name, settings) {
                findings.extend(check::check_ledger(&l, settings));
                ledgers.push(l);
            }
        }
        return file_result(input, sha256, bytes, format, ledgers, findings, settings);
    }
    // `同上`, `〃` in a cell is the value of the cell above it, as a clerk reads it.
    let mut sheets = sheets;
    for s in &mut sheets {
        crate::layout::cells::read_dittos(s);
    }
    let mut layouts: Vec<_> = sheets
        .iter()
        .map(|s| {
            find_layout(s, settings, &file_name).map(|mut l| {
                l.status_codes = crate::layout::status_codes(&sheets, s, &l, &settings.statuses);
                l
            })
        })
        .collect();
    name_sheets_by_their_units(&sheets, &mut layouts, settings, &file_name);
    keep_titles_that_differ(&mut layouts);
    let any_ledger = layouts.iter().any(Option::is_some);
    if !any_ledger {
        findings.push(check::no_ledger(file, sheets.len()));
    }
    // A sheet that tracks progress (a status or a deadline column) makes a sheet that tracks none
    // and whose codes it names a list beside it (`问题清单`, `责任清单` beside `任务清单`, which
    // names their `WT01`, `RW01`); a sheet without such codes (a community's ledger without a
    // status column) stays a ledger.
    let tracks = |l: &crate::layout::Layout| {
        l.column_of(Field::Status).is_some()
            || l.column_of(Field::Deadline).is_some()
            || !l.ticked.is_empty()
    };
    // The tracking sheets' texts are gathered only for a workbook that has a sheet tracking
    // nothing (most have none: a sheet's every cell is not read twice for nothing).
    let untracked = layouts.iter().flatten().any(|l| !tracks(l));
    let tracking: Vec<(&source::grid::Sheet, std::collections::HashSet<String>)> = sheets
        .iter()
        .zip(&layouts)
        .filter(|(s, l)| {
            untracked
                && l.as_ref().is_some_and(tracks)
                && (s.visibility != Visibility::Hidden || settings.include_hidden)
        })
        .map(|(s, _)| (s, texts_of(s)))
        .collect();
    let list_beside = |sheet: &source::grid::Sheet, layout: &crate::layout::Layout| {
        if tracks(layout) {
            return None;
        }
        tracking
            .iter()
            .find(|(t, names)| !std::ptr::eq(*t, sheet) && codes_named_in(sheet, layout, names))
            .map(|(t, _)| t.name.clone())
    };
    // Each sheet's finding (skipped, hidden) or ledgers, in sheet order.
    let mut outcomes: Vec<Result<Vec<Ledger>, Option<Finding>>> = Vec::with_capacity(sheets.len());
    for (sheet, layout) in sheets.iter().zip(layouts) {
        outcomes.push(match layout {
            None if any_ledger => Err(Some(check::sheet_skipped(file, &sheet.name))),
            None => Err(None),
            Some(layout) if let Some(t) = list_beside(sheet, &layout) => {
                Err(Some(check::companion_sheet(file, &sheet.name, &t)))
            }
            Some(layout) if sheet.visibility == Visibility::Hidden && !settings.include_hidden => {
                let (unit, _) = unit_of(settings, &file_name, &sheet.name, &layout);
                Err(Some(check::hidden_sheet(file, &sheet.name, &unit)))
            }
            Some(layout) => Ok(build_ledgers(sheet, layout, file, &file_name, settings)),
        });
    }
    // Rows a sheet copies from another are counted once.
    let mut built: Vec<Vec<Ledger>> = outcomes
        .iter_mut()
        .map(|o| match o {
            Ok(ls) => std::mem::take(ls),
            Err(_) => Vec::new(),
        })
        .collect();
    let repeated = if built.len() > 1 {
        check::repeated_rows(&mut built)
    } else {
        Vec::new()
    };
    let mut left_out: Vec<Ledger> = Vec::new();
    for (outcome, sheet_ledgers) in outcomes.into_iter().zip(built) {
        match outcome {
            Err(f) => findings.extend(f),
            Ok(_) => {
                // A sheet read with too little evidence says so, and is not counted.
                if let Some(f) = check::uncertain_reading(&sheet_ledgers, settings) {
                    findings.push(f);
                    if !settings.accept_uncertain {
                        left_out.extend(sheet_ledgers);
                        continue;
                    }
                }
                for ledger in sheet_ledgers {
                    findings.extend(check::check_ledger(&ledger, settings));
                    ledgers.push(ledger);
                }
            }
        }
    }
    findings.extend(repeated);
    // A hidden sheet left unread belongs to a unit only when the file's ledgers count that
    // unit: a template's `XX社区` is no unit with nothing in it.
    for f in findings
        .iter_mut()
        .filter(|f| f.rule == crate::finding::Rule::HiddenSheet)
    {
        if !ledgers.iter().any(|l| l.unit == f.unit) {
            f.unit.clear();
        }
    }
    // A skipped sheet belongs to the file's unit when its ledgers agree on one.
    if let Some(first) = ledgers.first()
        && ledgers.iter().all(|l| l.unit == first.unit)
    {
        for f in findings
            .iter_mut()
            .filter(|f| f.rule == crate::finding::Rule::SheetSkipped)
        {
            f.unit = first.unit.clone();
        }
    }
    let mut result = file_result(input, sha256, bytes, format, ledgers, findings, settings);
    result.record.left_out = LedgerRecord::of_sheets(&left_out, settings);
    result
}

fn file_result(
    input: &Input,
    sha256: String,
    bytes: u64,
    format: Format,
    ledgers: Vec<Ledger>,
    findings: Vec<Finding>,
    settings: &Settings,
) -> FileResult {
    let records = LedgerRecord::of_sheets(&ledgers, settings);
    let counters = ledgers
        .iter()
        .map(|l| crate::ledger::counters(l, settings))
        .collect();
    FileResult {
        part: Part::WHOLE,
        record: InputRecord {
            path: input.display.clone(),
            sha256,
            bytes,
            format: format.name().to_string(),
            error: None,
            ledgers: records,
            skipped: None,
            left_out: Vec::new(),
        },
        ledgers,
        findings,
        counters,
    }
}

/// Processes inputs on `threads` threads and hands each result to `sink` in input order, so
/// the output does not depend on the number of threads. At most `2 × threads` results wait in
/// memory at once. A `sink` error stops the run and is returned.
///
/// A file that comes in parts ([`process_file_parts`], a consolidated workbook) hands each
/// part over as it is built; its parts wait for the files before it, so only one file's
/// parts are on their way at a time and memory holds one unit of it, not the whole workbook.
pub(crate) fn process_in_order<E>(
    inputs: &[Input],
    settings: &Settings,
    threads: usize,
    sink: impl FnMut(usize, FileResult) -> Result<(), E>,
) -> Result<(), E> {
    process_in_order_with(inputs, settings, threads, |_, r| r, sink)
}

/// `process_in_order`, with each result turned by `prepare` (given the input's index) on
/// the thread that read it — as `merge` prepares its rows there — before it goes to `sink`.
/// Every input whose processing starts is processed and prepared, even after `sink` fails,
/// and inputs start in order: `prepare` may wait for the inputs before its own. The parts of
/// one file reach `prepare` and `sink` in order, the last with `Part::last` set.
pub fn process_in_order_with<T: Send, E>(
    inputs: &[Input],
    settings: &Settings,
    threads: usize,
    prepare: impl Fn(usize, FileResult) -> T + Sync,
    mut sink: impl FnMut(usize, T) -> Result<(), E>,
) -> Result<(), E> {
    // One input still gets a thread of its own when more are asked for: a consolidated
    // workbook's parts are built there while `sink` takes the ones before.
    let threads = threads.max(1).min(inputs.len().max(2));
    crate::pool::ordered_parts(
        inputs.iter(),
        threads,
        threads * 2,
        |i, input, parts| {
            process_file_parts(input, settings, &mut |r| {
                let part = r.part;
                if part != Part::WHOLE {
                    // A file in parts goes when the files before it have gone.
                    parts.wait_turn();
                }
                parts.give(prepare(i, r), part.last);
            });
        },
        |i, t| match t {
            Ok(t) => sink(i, t),
            // A panic outside the reading of a file (which `process_file_parts` contains)
            // is a bug: it is raised here, where the binary's hook reports it.
            Err(crate::pool::Panicked(p)) => panic!("{p}"),
        },
    )
}

/// The number of threads to read with by default: the machine's cores (the one count
/// [`crate::pool`] keeps, offered here beside the functions that take it).
pub(crate) use crate::pool::default_threads;
