//! An xlsx package read as it is written, for proving a consolidated workbook: every cell with
//! its formula text and whether a result is stored for it, text exactly as written (white
//! space kept), each sheet's state (visible, hidden, very hidden), and the rows and columns
//! marked hidden. calamine gives values only; a forged workbook hides in what it leaves out.
//!
//! The package passes the same container checks as every source ([`super::guard`]) before a
//! part is inflated. A worksheet's XML is scanned by `source::scan` (its rows are most of the
//! package's bytes); the other parts are read with quick-xml.

use super::SourceError;
use super::grid::{CellRef, CellValue, Sheet, Visibility};
use super::guard::Limits;
use quick_xml::events::{BytesStart, Event};
use std::collections::HashMap;
use std::io::{Cursor, Read};

/// Excel's last row and column (0-based).
const MAX_ROW: u32 = 1_048_575;
const MAX_COL: u32 = 16_383;

/// Whether a sheet's tab is shown.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub(crate) enum SheetState {
    /// Shown.
    Visible,
    /// Hidden; the user can show it again.
    Hidden,
    /// Hidden so that only a program can show it again (`veryHidden`).
    VeryHidden,
}

impl SheetState {
    fn of_attr(v: &str) -> SheetState {
        match v {
            "hidden" => SheetState::Hidden,
            "veryHidden" => SheetState::VeryHidden,
            _ => SheetState::Visible,
        }
    }

    /// The word the workbook's XML uses (`visible`, `hidden`, `veryHidden`).
    pub(crate) fn key(self) -> &'static str {
        match self {
            SheetState::Visible => "visible",
            SheetState::Hidden => "hidden",
            SheetState::VeryHidden => "veryHidden",
        }
    }
}

/// A cell that holds a formula.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct FormulaCell {
    /// The cell.
    pub(crate) cell: CellRef,
    /// The formula as written, without a leading `=`; empty for a cell that shares another
    /// cell's formula (`<f t="shared" si="…"/>`).
    pub(crate) text: String,
    /// True when a result is stored with it (what every program that does not recalculate
    /// shows).
    pub(crate) cached: bool,
}

/// How a reader keeps a sheet's formulas.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Formulas {
    /// Their texts ([`Marks::formulas`]).
    Texts,
    /// Their digests only ([`Marks::digests`]): 16 bytes a formula, for a sheet of many that
    /// is compared with the formulas it should hold.
    Digests,
    /// Not at all, for a reader of the values only.
    Ignored,
}

/// A formula kept as the first 16 bytes of the SHA-256 of its normalized text (without the
/// leading `=`, the `_xlfn.` prefixes, white space and the quotes around sheet names outside
/// string literals, names in upper case): what a summary's formulas are compared by, in 16
/// bytes each instead of their texts (a summary of 5,000 units holds 70,000 formulas of 200
/// bytes).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub(crate) struct FormulaDigest([u8; 16]);

impl FormulaDigest {
    /// The digest of a formula as written (with or without its `=`).
    pub(crate) fn of(formula: &str) -> FormulaDigest {
        use sha2::Digest;
        let d = sha2::Sha256::digest(normalized_formula(formula).as_bytes());
        let mut out = [0u8; 16];
        out.copy_from_slice(&d[..16]);
        FormulaDigest(out)
    }
}

/// A formula cell kept by its digest ([`Formulas::Digests`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct DigestedFormula {
    /// The cell.
    pub(crate) cell: CellRef,
    /// Its formula's digest; for a cell sharing another's formula, that of the empty text.
    pub(crate) digest: FormulaDigest,
    /// True when a result is stored with it.
    pub(crate) cached: bool,
}

/// A formula as a spreadsheet program may write it back: without the leading `=`, the
/// `_xlfn.` prefixes, white space and the quotes around sheet names outside string literals,
/// and with names in upper case. Two formulas equal after this compute the same.
pub(crate) fn normalized_formula(f: &str) -> String {
    let f = f.trim();
    let f = f.strip_prefix('=').unwrap_or(f);
    let f = f.replace("_xlfn.", "").replace("_xlws.", "");
    let mut out = String::with_capacity(f.len());
    let mut in_string = false;
    for c in f.chars() {
        if c == '"' {
            in_string = !in_string;
            out.push(c);
        } else if in_string {
            out.push(c);
        } else if c == '\'' || c.is_whitespace() {
            continue;
        } else {
            out.push(c.to_ascii_uppercase());
        }
    }
    out
}

/// What a worksheet holds besides its cells' values.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Marks {
    /// The sheet's name.
    pub(crate) name: String,
    /// Its state.
    pub(crate) state: SheetState,
    /// Its formula cells, in sheet order (read with [`Formulas::Texts`]).
    pub(crate) formulas: Vec<FormulaCell>,
    /// Its formula cells by their digests, in sheet order (read with [`Formulas::Digests`]).
    pub(crate) digests: Vec<DigestedFormula>,
    /// The rows marked hidden (0-based), in order.
    pub(crate) hidden_rows: Vec<u32>,
    /// True when rows are hidden unless shown (`<sheetFormatPr zeroHeight="1">`).
    pub(crate) rows_hidden_by_default: bool,
    /// The columns marked hidden (0-based), in order.
    pub(crate) hidden_cols: Vec<u32>,
}

/// One worksheet as written.
#[derive(Debug, Clone)]
pub(crate) struct WrittenSheet {
    /// Its cells: the stored values (a formula's stored result), text as written. Blank text
    /// is kept; only empty text and cells with no value are left out.
    pub(crate) cells: Sheet,
    /// Its state, formulas and hidden rows and columns.
    pub(crate) marks: Marks,
}

/// The worksheets of an xlsx package, in workbook order.
#[derive(Debug, Clone, Default)]
pub(crate) struct WrittenBook {
    /// The worksheets.
    pub(crate) sheets: Vec<WrittenSheet>,
}

impl WrittenBook {
    /// The sheets' cells and their marks, apart.
    pub(crate) fn into_parts(self) -> (Vec<Sheet>, Vec<Marks>) {
        self.sheets.into_iter().map(|s| (s.cells, s.marks)).unzip()
    }
}

/// Reads an xlsx (or xlsm) package: every worksheet with its formulas, states and hidden rows
/// and columns. Fails as a source does ([`SourceError`]) on a package that is not sound.
pub(crate) fn read_written(bytes: &[u8], limits: &Limits) -> Result<WrittenBook, SourceError> {
    let mut p = Package::open(Cursor::new(bytes), bytes.len() as u64, limits)?;
    let mut sheets = Vec::new();
    for name in p.sheet_names() {
        sheets.push(p.read_sheet(&name)?);
    }
    Ok(WrittenBook { sheets })
}

/// One worksheet of a package: its name, state and part.
#[derive(Debug, Clone)]
struct Worksheet {
    name: String,
    state: SheetState,
    part: String,
}

/// An xlsx package opened for reading sheet by sheet — whole ([`Package::read_sheet`]) or row
/// by row, holding one row at a time ([`Package::stream_sheet`]). The shared strings and the
/// styles are read when it opens; nothing else until a sheet is asked for.
pub(crate) struct Package<R: Read + std::io::Seek> {
    zip: zip::ZipArchive<R>,
    sheets: Vec<Worksheet>,
    strings: Vec<String>,
    styles: Vec<Shown>,
    date1904: bool,
    limits: Limits,
}

impl<R: Read + std::io::Seek> Package<R> {
    /// Opens a package of `len` bytes, after the container checks.
    pub(crate) fn open(reader: R, len: u64, limits: &Limits) -> Result<Package<R>, SourceError> {
        let zip = zip::ZipArchive::new(reader)
            .map_err(|e| SourceError::Corrupt(format!("zip container: {e}")))?;
        Package::from_archive(zip, len, limits)
    }

    /// [`Package::open`] on an archive already opened.
    pub(crate) fn from_archive(
        mut zip: zip::ZipArchive<R>,
        len: u64,
        limits: &Limits,
    ) -> Result<Package<R>, SourceError> {
        let limits = limits.for_file(len as usize);
        super::guard::archive::check_archive(&mut zip, len, &limits)?;
        let book_part = officedocument_part(&mut zip).unwrap_or_else(|| "xl/workbook.xml".into());
        let book = part_bytes(&mut zip, &book_part, &limits)?
            .ok_or_else(|| SourceError::Corrupt(format!("{book_part} is missing")))?;
        let dir = book_part
            .rsplit_once('/')
            .map_or("", |(d, _)| d)
            .to_string();
        let rels_part = format!(
            "{dir}/_rels/{}.rels",
            book_part.rsplit('/').next().unwrap_or("")
        );
        let rels = part_bytes(&mut zip, &rels_part, &limits)?.unwrap_or_default();
        let targets = relationships(&rels, &dir)?;
        let (entries, date1904) = workbook_sheets(&book)?;
        if entries.len() > limits.max_sheets {
            return Err(SourceError::TooLarge(format!(
                "{} sheets (at most {})",
                entries.len(),
                limits.max_sheets
            )));
        }
        let part_of = |kind: &str| {
            targets
                .iter()
                .find(|t| t.kind.ends_with(kind))
                .map(|t| t.target.clone())
        };
        let strings = match part_of("/sharedStrings") {
            Some(p) => match part_bytes(&mut zip, &p, &limits)? {
                Some(b) => shared_strings(&b, &limits)?,
                None => Vec::new(),
            },
            None => Vec::new(),
        };
        let styles = match part_of("/styles") {
            Some(p) => match part_bytes(&mut zip, &p, &limits)? {
                Some(b) => styles(&b)?,
                None => Vec::new(),
            },
            None => Vec::new(),
        };
        let sheets = entries
            .into_iter()
            .filter_map(|e| {
                let t = targets.iter().find(|t| t.id == e.rel)?;
                t.kind.ends_with("/worksheet").then(|| Worksheet {
                    name: e.name,
                    state: e.state,
                    part: t.target.clone(),
                })
            })
            .collect();
        Ok(Package {
            zip,
            sheets,
            strings,
            styles,
            date1904,
            limits,
        })
    }

    /// The ledger digest of the package's custom document properties, if it has one.
    pub(crate) fn custom_digest(&mut self) -> Option<String> {
        let mut xml = String::new();
        self.zip
            .by_name("docProps/custom.xml")
            .ok()?
            .take(1 << 20)
            .read_to_string(&mut xml)
            .ok()?;
        let key = crate::schema::properties::LEDGER_DIGEST;
        let rest = &xml[xml.find(key)?..];
        let open = rest.find("<vt:lpwstr>")? + "<vt:lpwstr>".len();
        let close = rest[open..].find("</vt:lpwstr>")?;
        Some(rest[open..open + close].trim().to_string())
    }

    /// The worksheets' names, in workbook order.
    pub(crate) fn sheet_names(&self) -> Vec<String> {
        self.sheets.iter().map(|s| s.name.clone()).collect()
    }

    /// Reads a worksheet whole.
    pub(crate) fn read_sheet(&mut self, name: &str) -> Result<WrittenSheet, SourceError> {
        self.read_sheet_with(name, Formulas::Texts)
    }

    /// Reads a worksheet whole, its formulas kept as `formulas` says.
    pub(crate) fn read_sheet_with(
        &mut self,
        name: &str,
        formulas: Formulas,
    ) -> Result<WrittenSheet, SourceError> {
        let mut cells = Vec::new();
        let marks = self.stream_sheet_with(name, formulas, &mut |_, row| {
            cells.append(row);
            Ok(())
        })?;
        let mut sheet = Sheet::from_written_cells(name, cells);
        sheet.visibility = match marks.state {
            SheetState::Visible => Visibility::Visible,
            _ => Visibility::Hidden,
        };
        Ok(WrittenSheet {
            cells: sheet,
            marks,
        })
    }

    /// Reads a worksheet row by row: `on_row` gets each row's index and its cells (row, column,
    /// value), in sheet order, and may take them. Returns the sheet's marks.
    pub(crate) fn stream_sheet(
        &mut self,
        name: &str,
        on_row: &mut OnRow<'_>,
    ) -> Result<Marks, SourceError> {
        self.stream_sheet_with(name, Formulas::Texts, on_row)
    }

    /// [`Package::stream_sheet`], the formulas kept as `formulas` says.
    pub(crate) fn stream_sheet_with(
        &mut self,
        name: &str,
        formulas: Formulas,
        on_row: &mut OnRow<'_>,
    ) -> Result<Marks, SourceError> {
        let Some(w) = self.sheets.iter().find(|s| s.name == name).cloned() else {
            return Err(SourceError::Corrupt(format!("no sheet {name}")));
        };
        let part = self
            .zip
            .by_name(&w.part)
            .map_err(|err| SourceError::Corrupt(format!("{}: {err}", w.part)))?;
        let ctx = SheetContext {
            strings: &self.strings,
            styles: &self.styles,
            date1904: self.date1904,
            limits: &self.limits,
            formulas,
        };
        let mut marks =
            stream_sheet(part, name, &ctx, on_row).map_err(|err| err.in_part(&w.part))?;
        marks.state = w.state;
        Ok(marks)
    }

    /// Reads a worksheet row by row on `threads` threads as well as this one: one inflates the
    /// part and cuts it into chunks at row ends, the others parse the chunks and turn their rows
    /// into `T` with `make`, and this one hands them to `on_batch` in sheet order. The rows up to
    /// the first row's end (the header) go to `first`, here, before any other row is made — so
    /// `make` may use what `first` learnt. A chunk whose rows do not give their positions is
    /// parsed here, in order. `skip`, asked once the header is read, names the columns whose
    /// cells after it are not read at all (their values never made, their formulas not marked):
    /// for a reader that has no use for them. Returns the sheet's marks.
    pub(crate) fn stream_sheet_parallel<T, M>(
        &mut self,
        name: &str,
        threads: usize,
        first: &mut OnRow<'_>,
        skip: &dyn Fn() -> Vec<bool>,
        make: &M,
        on_batch: &mut dyn FnMut(Vec<T>),
    ) -> Result<Marks, SourceError>
    where
        T: Send,
        M: Fn(u32, &mut Vec<(u32, u32, CellValue)>) -> Option<T> + Sync,
        R: Send,
    {
        let Some(w) = self.sheets.iter().find(|s| s.name == name).cloned() else {
            return Err(SourceError::Corrupt(format!("no sheet {name}")));
        };
        let in_part = |e: SourceError| e.in_part(&w.part);
        let mut part = self
            .zip
            .by_name(&w.part)
            .map_err(|err| SourceError::Corrupt(format!("{}: {err}", w.part)))?;
        let ctx = SheetContext {
            strings: &self.strings,
            styles: &self.styles,
            date1904: self.date1904,
            limits: &self.limits,
            formulas: Formulas::Texts,
        };
        let mut p = SheetParser::new(&ctx, name, Some(0));
        let mut carry = Vec::new();
        let Some(head) = next_chunk(&mut part, &mut carry, true, Vec::new()).map_err(in_part)?
        else {
            let mut marks = p.marks();
            marks.state = w.state;
            return Ok(marks);
        };
        p.feed(&head, first).map_err(in_part)?;
        let skip = skip();
        p.skip = &skip;
        let skip_ref: &[bool] = &skip;
        let threads = threads.max(1);
        let in_flight = threads * 4;
        /// What a worker made of a chunk.
        enum Parsed<'c, T> {
            Done(Vec<T>, SheetParser<'c>),
            InOrder(Vec<u8>),
            Failed(SourceError),
        }
        let failure: std::sync::Mutex<Option<SourceError>> = std::sync::Mutex::new(None);
        // The chunks' buffers, back from the parsers for the next chunks: a few megabytes
        // allocated once instead of a megabyte mapped and cleared for every chunk.
        let spares: std::sync::Mutex<Vec<Vec<u8>>> = std::sync::Mutex::new(vec![head]);
        let spares = &spares;
        let give_back = move |chunk: Vec<u8>| {
            if let Ok(mut s) = spares.lock() {
                s.push(chunk);
            }
        };
        let ctx_ref = &ctx;
        let failed = &failure;
        // The chunks, cut on a thread of their own as the part is inflated.
        let chunks = std::iter::from_fn(move || {
            let spare = spares
                .lock()
                .ok()
                .and_then(|mut s| s.pop())
                .unwrap_or_default();
            match next_chunk(&mut part, &mut carry, false, spare) {
                Ok(c) => c,
                Err(e) => {
                    if let Ok(mut f) = failed.lock() {
                        *f = Some(e);
                    }
                    None
                }
            }
        });
        let parse = |chunk: Vec<u8>| {
            let mut wp = SheetParser::new(ctx_ref, name, None);
            wp.skip = skip_ref;
            let mut made = Vec::new();
            let fed = wp.feed(&chunk, &mut |i, cells| {
                if let Some(t) = make(i, cells) {
                    made.push(t);
                }
                Ok(())
            });
            match fed {
                Err(e) => Parsed::Failed(e),
                Ok(()) if wp.needs_order => Parsed::InOrder(chunk),
                Ok(()) => {
                    give_back(chunk);
                    Parsed::Done(made, wp)
                }
            }
        };
        let result = crate::pool::ordered(chunks, threads, in_flight, parse, |parsed| {
            for parsed in parsed {
                match parsed.map_err(|p| SourceError::ReaderFailed(p.0))? {
                    Parsed::Done(made, wp) => {
                        on_batch(made);
                        p.absorb(wp);
                    }
                    Parsed::InOrder(chunk) => {
                        let mut made = Vec::new();
                        p.feed(&chunk, &mut |i, cells| {
                            if let Some(t) = make(i, cells) {
                                made.push(t);
                            }
                            Ok(())
                        })?;
                        give_back(chunk);
                        on_batch(made);
                    }
                    Parsed::Failed(e) => return Err(e),
                }
                if p.count > ctx_ref.limits.max_cells_per_sheet {
                    return Err(SourceError::TooLarge(format!(
                        "sheet {name} has more than {} non-empty cells",
                        ctx_ref.limits.max_cells_per_sheet
                    )));
                }
            }
            Ok(())
        });
        result.map_err(in_part)?;
        if let Some(e) = failure.into_inner().ok().flatten() {
            return Err(in_part(e));
        }
        let mut marks = p.marks();
        marks.state = w.state;
        Ok(marks)
    }
}

trait InPart {
    fn in_part(self, part: &str) -> SourceError;
}

impl InPart for SourceError {
    fn in_part(self, part: &str) -> SourceError {
        match self {
            SourceError::Corrupt(m) => SourceError::Corrupt(format!("{part}: {m}")),
            other => other,
        }
    }
}

/// A part's bytes, inflated, or `None` when the package has no such part.
fn part_bytes<R: Read + std::io::Seek>(
    zip: &mut zip::ZipArchive<R>,
    name: &str,
    limits: &Limits,
) -> Result<Option<Vec<u8>>, SourceError> {
    let f = match zip.by_name(name) {
        Ok(f) => f,
        Err(zip::result::ZipError::FileNotFound) => return Ok(None),
        Err(e) => return Err(SourceError::Corrupt(format!("{name}: {e}"))),
    };
    let mut b = Vec::new();
    f.take(limits.max_part_bytes)
        .read_to_end(&mut b)
        .map_err(|e| SourceError::Corrupt(format!("{name}: {e}")))?;
    Ok(Some(b))
}

/// The main part the package's relationships name (`xl/workbook.xml`).
fn officedocument_part<R: Read + std::io::Seek>(zip: &mut zip::ZipArchive<R>) -> Option<String> {
    let mut s = Vec::new();
    zip.by_name("_rels/.rels")
        .ok()?
        .take(1 << 20)
        .read_to_end(&mut s)
        .ok()?;
    relationships(&s, "")
        .ok()?
        .into_iter()
        .find(|r| r.kind.ends_with("/officeDocument"))
        .map(|r| r.target)
}

struct Relationship {
    id: String,
    kind: String,
    /// The part's name in the package, without a leading `/`.
    target: String,
}

fn attr(e: &BytesStart, name: &str) -> Option<String> {
    e.attributes()
        .flatten()
        .find(|a| a.key.as_ref() == name || a.key.local_name().as_ref() == name)
        .map(|a| {
            a.normalized_value(quick_xml::XmlVersion::Implicit1_0)
                .map_or_else(|_| a.value.to_string(), |v| v.into_owned())
        })
}

fn is_true(v: Option<String>) -> bool {
    matches!(v.as_deref(), Some("1" | "true"))
}

fn xml_error(e: quick_xml::Error) -> SourceError {
    SourceError::Corrupt(format!("XML: {e}"))
}

fn scan_error(e: super::scan::ScanError) -> SourceError {
    SourceError::Corrupt(format!("XML: {e}"))
}

/// A relationship's target as a part name: relative to `dir` unless it starts with `/`.
fn resolve(dir: &str, target: &str) -> String {
    let joined = match target.strip_prefix('/') {
        Some(abs) => abs.to_string(),
        None if dir.is_empty() => target.to_string(),
        None => format!("{dir}/{target}"),
    };
    let mut parts: Vec<&str> = Vec::new();
    for p in joined.split('/') {
        match p {
            "" | "." => {}
            ".." => {
                parts.pop();
            }
            p => parts.push(p),
        }
    }
    parts.join("/")
}

fn relationships(xml: &[u8], dir: &str) -> Result<Vec<Relationship>, SourceError> {
    let mut r = quick_xml::Reader::from_reader(xml);
    let mut buf = Vec::new();
    let mut out = Vec::new();
    loop {
        match r.read_event_into(&mut buf).map_err(xml_error)? {
            Event::Start(e) | Event::Empty(e) if e.local_name().as_ref() == "Relationship" => {
                if let (Some(id), Some(target)) = (attr(&e, "Id"), attr(&e, "Target")) {
                    let external = attr(&e, "TargetMode").as_deref() == Some("External");
                    if !external {
                        out.push(Relationship {
                            id,
                            kind: attr(&e, "Type").unwrap_or_default(),
                            target: resolve(dir, &target),
                        });
                    }
                }
            }
            Event::Eof => break,
            _ => {}
        }
        buf.clear();
    }
    Ok(out)
}

struct SheetEntry {
    name: String,
    rel: String,
    state: SheetState,
}

fn workbook_sheets(xml: &[u8]) -> Result<(Vec<SheetEntry>, bool), SourceError> {
    let mut r = quick_xml::Reader::from_reader(xml);
    let mut buf = Vec::new();
    let mut out = Vec::new();
    let mut date1904 = false;
    loop {
        match r.read_event_into(&mut buf).map_err(xml_error)? {
            Event::Start(e) | Event::Empty(e) => match e.local_name().as_ref() {
                "sheet" => {
                    let rel = e
                        .attributes()
                        .flatten()
                        .find(|a| a.key.local_name().as_ref() == "id")
                        .map(|a| a.value.to_string());
                    if let (Some(name), Some(rel)) = (attr(&e, "name"), rel) {
                        out.push(SheetEntry {
                            name,
                            rel,
                            state: SheetState::of_attr(&attr(&e, "state").unwrap_or_default()),
                        });
                    }
                }
                "workbookPr" => date1904 = is_true(attr(&e, "date1904")),
                _ => {}
            },
            Event::Eof => break,
            _ => {}
        }
        buf.clear();
    }
    Ok((out, date1904))
}

/// Decodes Excel's `_xHHHH_` escapes (a character XML cannot hold, or a literal `_x` when
/// written `_x005F_`).
pub(crate) fn unescape_x(s: &str) -> std::borrow::Cow<'_, str> {
    if !s.contains("_x") {
        return std::borrow::Cow::Borrowed(s);
    }
    let b = s.as_bytes();
    let mut out = String::with_capacity(s.len());
    let mut i = 0;
    let mut start = 0;
    while i + 7 <= b.len() {
        if b[i] == b'_'
            && b[i + 1] == b'x'
            && b[i + 6] == b'_'
            && b[i + 2..i + 6].iter().all(u8::is_ascii_hexdigit)
        {
            let code = u32::from_str_radix(&s[i + 2..i + 6], 16).unwrap_or(0xFFFD);
            out.push_str(&s[start..i]);
            out.push(char::from_u32(code).unwrap_or('\u{FFFD}'));
            i += 7;
            start = i;
        } else {
            i += 1;
        }
    }
    out.push_str(&s[start..]);
    std::borrow::Cow::Owned(out)
}

/// Appends an entity or character reference's character.
fn push_ref(out: &mut String, r: &quick_xml::events::BytesRef) {
    if let Some(c) = super::scan::reference(&r.xml10_content()) {
        out.push(c);
    }
}

fn shared_strings(xml: &[u8], limits: &Limits) -> Result<Vec<String>, SourceError> {
    let mut r = quick_xml::Reader::from_reader(xml);
    let mut buf = Vec::new();
    let mut out = Vec::new();
    let mut cur = String::new();
    let (mut in_t, mut in_phonetic) = (false, 0u32);
    let mut total = 0u64;
    loop {
        match r.read_event_into(&mut buf).map_err(xml_error)? {
            Event::Start(e) => match e.local_name().as_ref() {
                "si" => cur.clear(),
                "t" => in_t = true,
                "rPh" => in_phonetic += 1,
                _ => {}
            },
            Event::Empty(e) if e.local_name().as_ref() == "si" => out.push(String::new()),
            Event::Text(t) if in_t && in_phonetic == 0 => cur.push_str(&t.xml10_content()),
            Event::CData(t) if in_t && in_phonetic == 0 => cur.push_str(t.as_ref()),
            Event::GeneralRef(g) if in_t && in_phonetic == 0 => push_ref(&mut cur, &g),
            Event::End(e) => match e.local_name().as_ref() {
                "t" => in_t = false,
                "rPh" => in_phonetic = in_phonetic.saturating_sub(1),
                "si" => {
                    total += cur.len() as u64;
                    if total > limits.max_part_bytes {
                        return Err(SourceError::TooLarge("shared strings".into()));
                    }
                    out.push(unescape_x(&cur).into_owned());
                }
                _ => {}
            },
            Event::Eof => break,
            _ => {}
        }
        buf.clear();
    }
    Ok(out)
}

/// How a cell style shows a number.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Shown {
    Number,
    Date,
    Percent,
}

/// True for a number format that shows a date or a time.
fn is_date_code(code: &str) -> bool {
    let mut in_quote = false;
    let mut in_bracket = false;
    let mut prev = ' ';
    for c in code.chars() {
        match c {
            '"' => in_quote = !in_quote,
            '[' if !in_quote => in_bracket = true,
            ']' if !in_quote => in_bracket = false,
            _ if in_quote || in_bracket || prev == '\\' => {}
            'y' | 'Y' | 'd' | 'D' | 'h' | 'H' | 's' | 'S' | 'm' | 'M' => return true,
            _ => {}
        }
        prev = c;
    }
    false
}

fn shown_of(id: u32, custom: &HashMap<u32, String>) -> Shown {
    match custom.get(&id) {
        Some(code) if code.contains('%') => Shown::Percent,
        Some(code) if code != "General" && is_date_code(code) => Shown::Date,
        Some(_) => Shown::Number,
        None => match id {
            9 | 10 => Shown::Percent,
            14..=22 | 27..=36 | 45..=47 | 50..=58 => Shown::Date,
            _ => Shown::Number,
        },
    }
}

fn styles(xml: &[u8]) -> Result<Vec<Shown>, SourceError> {
    let mut r = quick_xml::Reader::from_reader(xml);
    let mut buf = Vec::new();
    let mut custom = HashMap::new();
    let mut ids = Vec::new();
    let mut in_xfs = false;
    loop {
        match r.read_event_into(&mut buf).map_err(xml_error)? {
            Event::Start(e) | Event::Empty(e) => match e.local_name().as_ref() {
                "numFmt" => {
                    if let (Some(id), Some(code)) = (attr(&e, "numFmtId"), attr(&e, "formatCode"))
                        && let Ok(id) = id.trim().parse::<u32>()
                    {
                        custom.insert(id, code);
                    }
                }
                "cellXfs" => in_xfs = true,
                "xf" if in_xfs => ids.push(
                    attr(&e, "numFmtId")
                        .and_then(|v| v.trim().parse::<u32>().ok())
                        .unwrap_or(0),
                ),
                _ => {}
            },
            Event::End(e) if e.local_name().as_ref() == "cellXfs" => in_xfs = false,
            Event::Eof => break,
            _ => {}
        }
        buf.clear();
    }
    Ok(ids.into_iter().map(|id| shown_of(id, &custom)).collect())
}

struct SheetContext<'a> {
    strings: &'a [String],
    styles: &'a [Shown],
    date1904: bool,
    limits: &'a Limits,
    formulas: Formulas,
}

/// A cell's type (its `t` attribute).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Kind {
    Number,
    Shared,
    Inline,
    Str,
    Bool,
    Error,
    Date,
}

impl Kind {
    fn of(t: &str) -> Kind {
        match t {
            "s" => Kind::Shared,
            "inlineStr" => Kind::Inline,
            "str" => Kind::Str,
            "b" => Kind::Bool,
            "e" => Kind::Error,
            "d" => Kind::Date,
            _ => Kind::Number,
        }
    }
}

/// An A1 reference (`G12`) read from its bytes; `None` when it is not one.
fn cell_ref(b: &[u8]) -> Option<CellRef> {
    let letters = b.iter().take_while(|c| c.is_ascii_alphabetic()).count();
    if letters == 0 || letters > 3 || letters == b.len() {
        return None;
    }
    let mut col: u32 = 0;
    for c in &b[..letters] {
        col = col * 26 + u32::from(c.to_ascii_uppercase() - b'A' + 1);
    }
    let mut row: u32 = 0;
    for c in &b[letters..] {
        if !c.is_ascii_digit() {
            return None;
        }
        row = row.checked_mul(10)?.checked_add(u32::from(c - b'0'))?;
    }
    (row >= 1).then(|| CellRef::new(row - 1, col - 1))
}

/// The cell being read.
struct OpenCell {
    at: CellRef,
    kind: Kind,
    style: usize,
    formula: Option<String>,
    value: Option<String>,
    inline: String,
    has_inline: bool,
}

/// Where a child's text goes.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Sink {
    Nothing,
    Formula,
    Value,
    Inline,
}

fn date_of(serial: f64, date1904: bool) -> Option<chrono::NaiveDateTime> {
    calamine::ExcelDateTime::new(serial, calamine::ExcelDateTimeType::DateTime, date1904)
        .as_datetime()
}

impl OpenCell {
    fn value(&mut self, ctx: &SheetContext) -> Option<CellValue> {
        // Text moves out of the cell when it holds no escape (nearly always).
        let owned = |s: &mut String| match unescape_x(s) {
            std::borrow::Cow::Borrowed(_) => std::mem::take(s),
            std::borrow::Cow::Owned(o) => o,
        };
        if self.kind == Kind::Inline {
            return Some(CellValue::Text(owned(&mut self.inline)));
        }
        if self.kind == Kind::Str {
            return Some(CellValue::Text(owned(self.value.as_mut()?)));
        }
        let v = self.value.as_deref();
        Some(match self.kind {
            Kind::Shared => {
                let i: usize = v?.trim().parse().ok()?;
                CellValue::Text(ctx.strings.get(i)?.clone())
            }
            Kind::Inline | Kind::Str => return None,
            Kind::Bool => CellValue::Bool(v?.trim() == "1" || v?.trim() == "true"),
            Kind::Error => CellValue::Error(v?.to_string()),
            Kind::Date => {
                let t = v?.trim();
                chrono::NaiveDateTime::parse_from_str(t, "%Y-%m-%dT%H:%M:%S%.f")
                    .or_else(|_| chrono::NaiveDateTime::parse_from_str(t, "%Y-%m-%dT%H:%M:%S"))
                    .ok()
                    .or_else(|| {
                        chrono::NaiveDate::parse_from_str(t, "%Y-%m-%d")
                            .ok()
                            .map(|d| d.and_time(chrono::NaiveTime::MIN))
                    })
                    .map_or_else(|| CellValue::Text(t.to_string()), CellValue::Date)
            }
            Kind::Number => {
                let t = v?.trim();
                if t.is_empty() {
                    return None;
                }
                let n: f64 = match t.parse() {
                    Ok(n) => n,
                    Err(_) => return Some(CellValue::Text(t.to_string())),
                };
                match ctx.styles.get(self.style).copied().unwrap_or(Shown::Number) {
                    Shown::Date => {
                        date_of(n, ctx.date1904).map_or(CellValue::Number(n), CellValue::Date)
                    }
                    Shown::Percent => CellValue::Percent(n),
                    Shown::Number => CellValue::Number(n),
                }
            }
        })
    }

    /// True when a result is stored: a `<v>` with content, or inline text.
    fn cached(&self) -> bool {
        self.value.as_deref().is_some_and(|v| !v.is_empty()) || self.has_inline
    }
}

/// What takes each row of a streamed sheet: its index and its cells (row, column, value).
pub(crate) type OnRow<'a> =
    dyn FnMut(u32, &mut Vec<(u32, u32, CellValue)>) -> Result<(), SourceError> + 'a;

/// A worksheet's XML parsed from consecutive chunks, each ending at a row's end (`</row>`), so
/// that no cell spans two chunks. Keeps what it learns of the sheet (formulas, hidden rows and
/// columns) and the position of the next row, when it knows it.
struct SheetParser<'c> {
    ctx: &'c SheetContext<'c>,
    name: String,
    cells: Vec<(u32, u32, CellValue)>,
    count: usize,
    formulas: Vec<FormulaCell>,
    digests: Vec<DigestedFormula>,
    hidden_rows: Vec<u32>,
    hidden_cols: Vec<u32>,
    rows_hidden_by_default: bool,
    row: u32,
    /// The index of the next row, for a row that does not give its own (`None`: unknown, in a
    /// chunk parsed out of order).
    next_row: Option<u32>,
    /// A row gave no index where the next row's was unknown: the chunk must be parsed in order.
    needs_order: bool,
    /// The columns whose cells are passed over (true at a column's index).
    skip: &'c [bool],
}

impl<'c> SheetParser<'c> {
    fn new(ctx: &'c SheetContext<'c>, name: &str, next_row: Option<u32>) -> SheetParser<'c> {
        SheetParser {
            ctx,
            name: name.to_string(),
            cells: Vec::new(),
            count: 0,
            formulas: Vec::new(),
            digests: Vec::new(),
            hidden_rows: Vec::new(),
            hidden_cols: Vec::new(),
            rows_hidden_by_default: false,
            row: 0,
            next_row,
            needs_order: false,
            skip: &[],
        }
    }

    fn outside(&self, row: u32, col: u32) -> SourceError {
        SourceError::Corrupt(format!(
            "sheet {}: a cell at row {}, column {} lies outside any sheet",
            self.name,
            row as u64 + 1,
            col as u64 + 1
        ))
    }

    /// Parses one chunk, handing each finished row to `on_row`.
    fn feed(&mut self, chunk: &[u8], on_row: &mut OnRow<'_>) -> Result<(), SourceError> {
        use super::scan::{Scanner, Token, push_text};
        // A chunk starts and ends inside the sheet's elements.
        let mut r = Scanner::new(chunk).map_err(scan_error)?;
        let mut open_row: Option<u32> = None;
        let mut next_col = 0u32;
        let mut cell: Option<OpenCell> = None;
        let mut into = Sink::Nothing;
        let mut in_phonetic = 0u32;
        while let Some(token) = r.next_token().map_err(scan_error)? {
            match token {
                Token::Start(e) | Token::Empty(e) => {
                    let empty = matches!(token, Token::Empty(_));
                    match e.local_name() {
                        "sheetFormatPr" => {
                            self.rows_hidden_by_default = is_true(e.attr("zeroHeight"))
                        }
                        "col" if is_true(e.attr("hidden")) => {
                            let n = |k| {
                                e.attr(k)
                                    .and_then(|v| v.trim().parse::<u32>().ok())
                                    .unwrap_or(1)
                            };
                            let (min, max) = (n("min").max(1), n("max").min(MAX_COL + 1));
                            self.hidden_cols.extend((min..=max).map(|c| c - 1));
                        }
                        "row" => {
                            if let Some(r) = open_row.take() {
                                on_row(r, &mut self.cells)?;
                                self.cells.clear();
                            }
                            let (mut number, mut hidden) = (None, false);
                            for (key, value) in e.attributes() {
                                match key {
                                    "r" => number = value.trim().parse::<u32>().ok(),
                                    "hidden" => hidden = matches!(value, "1" | "true"),
                                    _ => {}
                                }
                            }
                            self.row = match (number, self.next_row) {
                                (Some(n), _) if n >= 1 => n - 1,
                                (_, Some(n)) => n,
                                (_, None) => {
                                    self.needs_order = true;
                                    return Ok(());
                                }
                            };
                            if self.row > MAX_ROW {
                                return Err(self.outside(self.row, 0));
                            }
                            self.next_row = Some(self.row + 1);
                            next_col = 0;
                            if !empty {
                                open_row = Some(self.row);
                            }
                            if hidden {
                                self.hidden_rows.push(self.row);
                            }
                        }
                        "c" => {
                            let (mut at, mut kind, mut style) = (None, Kind::Number, 0usize);
                            for (key, value) in e.attributes() {
                                match key {
                                    "r" => at = cell_ref(value.as_bytes()),
                                    "t" => kind = Kind::of(value),
                                    "s" => style = value.trim().parse().unwrap_or(0),
                                    _ => {}
                                }
                            }
                            let at = at.unwrap_or(CellRef::new(self.row, next_col));
                            if at.row > MAX_ROW || at.col > MAX_COL {
                                return Err(self.outside(at.row, at.col));
                            }
                            next_col = at.col + 1;
                            if self.skip.get(at.col as usize) == Some(&true) {
                                // Its children find no open cell: nothing of it is kept.
                                continue;
                            }
                            let c = OpenCell {
                                at,
                                kind,
                                style,
                                formula: None,
                                value: None,
                                inline: String::new(),
                                has_inline: false,
                            };
                            if empty {
                                self.finish_cell(c)?;
                            } else {
                                cell = Some(c);
                            }
                        }
                        "f" => {
                            if let Some(c) = cell.as_mut() {
                                c.formula = Some(String::new());
                                if !empty {
                                    into = Sink::Formula;
                                }
                            }
                        }
                        "v" => {
                            if let Some(c) = cell.as_mut() {
                                c.value = Some(String::new());
                                if !empty {
                                    into = Sink::Value;
                                }
                            }
                        }
                        "is" => {
                            if let Some(c) = cell.as_mut() {
                                c.has_inline = true;
                            }
                        }
                        "t" if !empty && cell.as_ref().is_some_and(|c| c.has_inline) => {
                            into = Sink::Inline;
                        }
                        "rPh" if !empty => in_phonetic += 1,
                        _ => {}
                    }
                }
                Token::Text(t) if into != Sink::Nothing && in_phonetic == 0 => {
                    if let Some(c) = cell.as_mut()
                        && let Some(out) = sink_of(c, into)
                    {
                        push_text(out, t).map_err(scan_error)?;
                    }
                }
                Token::CData(t) if into != Sink::Nothing && in_phonetic == 0 => {
                    if let Some(c) = cell.as_mut()
                        && let Some(out) = sink_of(c, into)
                    {
                        out.push_str(t);
                    }
                }
                Token::End(name) => match name {
                    "row" => {
                        if let Some(r) = open_row.take() {
                            on_row(r, &mut self.cells)?;
                            self.cells.clear();
                        }
                    }
                    "f" | "v" | "t" => into = Sink::Nothing,
                    "rPh" => in_phonetic = in_phonetic.saturating_sub(1),
                    "c" => {
                        if let Some(c) = cell.take() {
                            self.finish_cell(c)?;
                        }
                        into = Sink::Nothing;
                    }
                    _ => {}
                },
                _ => {}
            }
        }
        // Cells outside any finished <row> element (no writer does that) count as a row.
        if !self.cells.is_empty() {
            on_row(open_row.unwrap_or(self.row), &mut self.cells)?;
            self.cells.clear();
        }
        Ok(())
    }

    fn finish_cell(&mut self, mut c: OpenCell) -> Result<(), SourceError> {
        if let Some(f) = &c.formula {
            match self.ctx.formulas {
                Formulas::Texts => self.formulas.push(FormulaCell {
                    cell: c.at,
                    text: f.clone(),
                    cached: c.cached(),
                }),
                Formulas::Digests => self.digests.push(DigestedFormula {
                    cell: c.at,
                    digest: FormulaDigest::of(f),
                    cached: c.cached(),
                }),
                Formulas::Ignored => {}
            }
        }
        match c.value(self.ctx) {
            None => {}
            Some(CellValue::Text(t)) if t.is_empty() => {}
            Some(v) => {
                self.count += 1;
                if self.count > self.ctx.limits.max_cells_per_sheet {
                    return Err(SourceError::TooLarge(format!(
                        "sheet {} has more than {} non-empty cells",
                        self.name, self.ctx.limits.max_cells_per_sheet
                    )));
                }
                self.cells.push((c.at.row, c.at.col, v));
            }
        }
        Ok(())
    }

    /// Takes in what a parser of later chunks learnt (in order).
    fn absorb(&mut self, later: SheetParser<'_>) {
        self.formulas.extend(later.formulas);
        self.digests.extend(later.digests);
        self.hidden_rows.extend(later.hidden_rows);
        self.hidden_cols.extend(later.hidden_cols);
        self.rows_hidden_by_default |= later.rows_hidden_by_default;
        self.count += later.count;
        if later.next_row.is_some() {
            self.next_row = later.next_row;
            self.row = later.row;
        }
    }

    fn marks(mut self) -> Marks {
        self.hidden_cols.sort_unstable();
        self.hidden_cols.dedup();
        Marks {
            name: self.name,
            state: SheetState::Visible,
            formulas: self.formulas,
            digests: self.digests,
            hidden_rows: self.hidden_rows,
            rows_hidden_by_default: self.rows_hidden_by_default,
            hidden_cols: self.hidden_cols,
        }
    }
}

/// Bytes read at a time from a sheet's part.
const CHUNK: usize = 1 << 20;

/// Reads the next chunk of a sheet's XML into `buf` (emptied first; a buffer of an earlier
/// chunk, so its room is reused), after `carry`, the rest of the last read: up to the end of
/// the last whole row in it (`</row>`), or everything at the end of the part. `first` ends the
/// chunk at the first row's end instead (the header, read before the rest). Returns `None` at
/// the end.
fn next_chunk<R: Read>(
    part: &mut R,
    carry: &mut Vec<u8>,
    first: bool,
    mut buf: Vec<u8>,
) -> Result<Option<Vec<u8>>, SourceError> {
    buf.clear();
    buf.append(carry);
    loop {
        let end = if first {
            memchr::memmem::find(&buf, b"</row>")
        } else {
            memchr::memmem::rfind(&buf, b"</row>")
        };
        if let Some(at) = end {
            let cut = at + b"</row>".len();
            carry.extend_from_slice(&buf[cut..]);
            buf.truncate(cut);
            return Ok(Some(buf));
        }
        // Room for a chunk more, exactly: a buffer reused for chunk after chunk stays at a
        // chunk and a row, where `reserve` would double it whenever a row carried over is
        // longer than the last.
        if buf.capacity() - buf.len() < CHUNK {
            buf.reserve_exact(CHUNK);
        }
        let n = part
            .by_ref()
            .take(CHUNK as u64)
            .read_to_end(&mut buf)
            .map_err(|e| SourceError::Corrupt(format!("inflating: {e}")))?;
        if n == 0 {
            return Ok((!buf.is_empty()).then_some(buf));
        }
    }
}

/// Parses a sheet read from `part` in order, on this thread.
fn stream_sheet<R: Read>(
    mut part: R,
    name: &str,
    ctx: &SheetContext,
    on_row: &mut OnRow<'_>,
) -> Result<Marks, SourceError> {
    let mut p = SheetParser::new(ctx, name, Some(0));
    let mut carry = Vec::new();
    let mut spare = Vec::new();
    while let Some(chunk) = next_chunk(&mut part, &mut carry, false, spare)? {
        p.feed(&chunk, on_row)?;
        spare = chunk;
    }
    Ok(p.marks())
}

/// The text of `c` that character data goes to.
fn sink_of(c: &mut OpenCell, into: Sink) -> Option<&mut String> {
    match into {
        Sink::Formula => Some(c.formula.get_or_insert_with(String::new)),
        Sink::Value => Some(c.value.get_or_insert_with(String::new)),
        Sink::Inline => Some(&mut c.inline),
        Sink::Nothing => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escapes_decode() {
        assert_eq!(unescape_x("a_x000D_b"), "a\rb");
        assert_eq!(unescape_x("_x005F_x0041_"), "_x0041_");
        assert_eq!(unescape_x("plain_x"), "plain_x");
        assert_eq!(unescape_x("_xZZZZ_"), "_xZZZZ_");
    }

    #[test]
    fn date_formats() {
        assert!(is_date_code("yyyy-mm-dd"));
        assert!(is_date_code("yyyy\"年\"m\"月\"d\"日\""));
        assert!(is_date_code("[$-F800]dddd"));
        assert!(is_date_code("h:mm"));
        assert!(!is_date_code("0.00%"));
        assert!(!is_date_code("\"day\"0"));
        assert!(!is_date_code("[Red]0.00"));
        assert!(!is_date_code("#,##0"));
    }

    #[test]
    fn cell_references() {
        assert_eq!(cell_ref(b"G12"), Some(CellRef::new(11, 6)));
        assert_eq!(
            cell_ref(b"XFD1048576"),
            Some(CellRef::new(1_048_575, 16_383))
        );
        assert_eq!(cell_ref(b"A0"), None);
        assert_eq!(cell_ref(b"12"), None);
        assert_eq!(cell_ref(b"ABCD1"), None);
        assert_eq!(cell_ref(b"A"), None);
        assert_eq!(cell_ref(b"A99999999999"), None);
    }

    #[test]
    fn part_names_resolve() {
        assert_eq!(
            resolve("xl", "worksheets/sheet1.xml"),
            "xl/worksheets/sheet1.xml"
        );
        assert_eq!(
            resolve("xl", "/xl/worksheets/sheet1.xml"),
            "xl/worksheets/sheet1.xml"
        );
        assert_eq!(
            resolve("xl/worksheets", "../sharedStrings.xml"),
            "xl/sharedStrings.xml"
        );
        assert_eq!(resolve("", "xl/workbook.xml"), "xl/workbook.xml");
    }

    fn sheet_of(xml: &str) -> WrittenSheet {
        let ctx = SheetContext {
            strings: &["共享".to_string()],
            styles: &[Shown::Number, Shown::Date],
            date1904: false,
            limits: &Limits::default(),
            formulas: Formulas::Texts,
        };
        let mut cells = Vec::new();
        let marks = stream_sheet(xml.as_bytes(), "S", &ctx, &mut |_, row| {
            cells.append(row);
            Ok(())
        })
        .unwrap();
        WrittenSheet {
            cells: Sheet::from_written_cells("S", cells),
            marks,
        }
    }

    #[test]
    fn cells_formulas_and_hidden_marks() {
        let s = sheet_of(
            r#"<worksheet><sheetFormatPr zeroHeight="0"/><cols><col min="2" max="3" hidden="1"/></cols><sheetData>
            <row r="1"><c r="A1" t="inlineStr"><is><t xml:space="preserve">   </t></is></c><c r="B1" t="s"><v>0</v></c></row>
            <row r="3" hidden="true"><c r="A3"><f>1+1</f><v>2</v></c><c r="B3" t="str"><f>"a"&amp;"b"</f><v></v></c><c r="C3" s="1"><v>1</v></c></row>
            </sheetData></worksheet>"#,
        );
        assert_eq!(s.cells.value(0, 0), Some(&CellValue::Text("   ".into())));
        assert_eq!(s.cells.value(0, 1), Some(&CellValue::Text("共享".into())));
        assert_eq!(s.cells.value(2, 0), Some(&CellValue::Number(2.0)));
        assert_eq!(
            s.cells.value(2, 2),
            Some(&CellValue::Date(
                chrono::NaiveDate::from_ymd_opt(1900, 1, 1)
                    .unwrap()
                    .and_time(chrono::NaiveTime::MIN)
            ))
        );
        let m = &s.marks;
        assert_eq!(
            m.formulas,
            vec![
                FormulaCell {
                    cell: CellRef::new(2, 0),
                    text: "1+1".into(),
                    cached: true
                },
                FormulaCell {
                    cell: CellRef::new(2, 1),
                    text: "\"a\"&\"b\"".into(),
                    cached: false
                },
            ]
        );
        assert_eq!(m.hidden_rows, vec![2]);
        assert_eq!(m.hidden_cols, vec![1, 2]);
        assert!(!m.rows_hidden_by_default);
    }

    /// A package of one sheet around `sheet_xml`.
    fn package(sheet_xml: &str) -> Vec<u8> {
        use std::io::Write;
        let mut out = Cursor::new(Vec::new());
        let mut z = zip::ZipWriter::new(&mut out);
        let opts = zip::write::SimpleFileOptions::default()
            .compression_method(zip::CompressionMethod::Deflated);
        let parts = [
            ("_rels/.rels", r#"<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>"#.to_string()),
            ("xl/workbook.xml", r#"<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="S" sheetId="1" r:id="rId1"/></sheets></workbook>"#.to_string()),
            ("xl/_rels/workbook.xml.rels", r#"<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/></Relationships>"#.to_string()),
            ("xl/worksheets/sheet1.xml", sheet_xml.to_string()),
        ];
        for (name, text) in parts {
            z.start_file(name, opts).unwrap();
            z.write_all(text.as_bytes()).unwrap();
        }
        z.finish().unwrap();
        out.into_inner()
    }

    #[test]
    fn parallel_reading_gives_the_rows_and_marks_of_reading_in_order() {
        // Over a megabyte of rows, some without their index (parsed in order), some hidden,
        // entities and escapes in the text, a formula now and then.
        let mut xml = String::from(
            r#"<worksheet><cols><col min="3" max="3" hidden="1"/></cols><sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>head</t></is></c></row>"#,
        );
        for i in 2..40_000u32 {
            let r = if i % 1000 == 7 {
                String::new()
            } else {
                format!(r#" r="{i}""#)
            };
            let hidden = if i % 777 == 0 { r#" hidden="1""# } else { "" };
            xml.push_str(&format!(
                r#"<row{r}{hidden}><c t="inlineStr"><is><t>行{i} &amp; _x000D_</t></is></c><c><v>{i}</v></c>{}</row>"#,
                if i % 5000 == 0 { "<c><f>1+1</f><v>2</v></c>" } else { "" }
            ));
        }
        xml.push_str("</sheetData></worksheet>");
        let bytes = package(&xml);
        assert!(xml.len() > 2 * CHUNK);
        let mut p = Package::open(
            Cursor::new(&bytes[..]),
            bytes.len() as u64,
            &Limits::default(),
        )
        .unwrap();
        let mut seq = Vec::new();
        let m1 = p
            .stream_sheet("S", &mut |i, cells| {
                seq.push((i, cells.clone()));
                Ok(())
            })
            .unwrap();
        for threads in [1, 2, 3] {
            let mut par = Vec::new();
            let mut first = Vec::new();
            let m2 = p
                .stream_sheet_parallel(
                    "S",
                    threads,
                    &mut |i, cells| {
                        first.push((i, cells.clone()));
                        Ok(())
                    },
                    &Vec::new,
                    &|i, cells: &mut Vec<(u32, u32, CellValue)>| Some((i, cells.clone())),
                    &mut |batch| par.extend(batch),
                )
                .unwrap();
            first.extend(par);
            assert_eq!(first.len(), seq.len(), "{threads} threads");
            assert!(
                first == seq,
                "{threads} threads: the same rows in the same order"
            );
            assert_eq!(m1, m2);
        }
        assert_eq!(seq.len(), 40_000 - 1);
        assert_eq!(seq[7_000].1[0].2, CellValue::Text("行7001 & \r".into()));
        assert_eq!(m1.hidden_cols, vec![2]);
        assert_eq!(m1.hidden_rows.len(), 39_999 / 777);
        assert_eq!(m1.formulas.len(), 7);
    }
}

#[cfg(test)]
mod examples {
    //! The examples of crate-private items, once in their documentation.

    /// `source::written::FormulaDigest::of`
    #[test]
    fn written_formula_digest_of() {
        use crate::source::written::FormulaDigest;
        assert_eq!(
            FormulaDigest::of("=COUNTIFS('整改台账'!$B$2:$B$57, $A$6)"),
            FormulaDigest::of("COUNTIFS(整改台账!$B$2:$B$57,$A$6)")
        );
        assert_ne!(
            FormulaDigest::of("=\"已完成\""),
            FormulaDigest::of("=\"推进中\"")
        );
    }
}
