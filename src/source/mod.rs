//! Reading sources: from a path on the command line to [`grid::Sheet`]s.
//!
//! - [`discover`] turns the command line's paths into inputs: a directory means every supported
//!   file below it; lock files (`~$…`) and hidden files are skipped; a file named explicitly is
//!   always an input, even when it is not a spreadsheet (it then gets `unreadable-file`).
//! - [`load`] reads a file's bytes once, hashing them (SHA-256) and noticing a file that
//!   changes while it is read.
//! - [`sniff`] decides the format from the content, not the extension (an `.xls` saved as
//!   `.xlsx` is still read), and [`parse`] turns the bytes into sheets, after the container
//!   checks of [`guard`].
//!
//! Every file is read independently of every other, so files can be read in parallel and a
//! bad file never stops the others.

pub mod consolidated;
pub(crate) mod csv;
pub(crate) mod formats;
pub mod grid;
pub mod guard;
pub(crate) mod ods;
pub(crate) mod package;
pub(crate) mod scan;
pub(crate) mod written;

use grid::Sheet;
use guard::Limits;
use serde::Serialize;
use sha2::{Digest, Sha256};
use std::fmt;
use std::io::Read;
use std::path::{Path, PathBuf};

/// A spreadsheet format taizhang reads.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Format {
    /// Office Open XML workbook.
    Xlsx,
    /// Office Open XML workbook with macros (read like xlsx; macros are ignored).
    Xlsm,
    /// Excel binary workbook.
    Xlsb,
    /// Excel 97–2003 workbook (BIFF5/BIFF8), as WPS and old Excel write it.
    Xls,
    /// OpenDocument spreadsheet.
    Ods,
    /// Comma-separated values.
    Csv,
}

impl Format {
    /// The format an extension names, matched without regard to case.
    pub(crate) fn from_extension(ext: &str) -> Option<Format> {
        Some(match ext.to_ascii_lowercase().as_str() {
            "xlsx" => Format::Xlsx,
            "xlsm" => Format::Xlsm,
            "xlsb" => Format::Xlsb,
            "xls" => Format::Xls,
            "ods" => Format::Ods,
            "csv" => Format::Csv,
            _ => return None,
        })
    }

    /// The lower-case name, as JSON and the `来源` sheet write it.
    pub(crate) fn name(self) -> &'static str {
        match self {
            Format::Xlsx => "xlsx",
            Format::Xlsm => "xlsm",
            Format::Xlsb => "xlsb",
            Format::Xls => "xls",
            Format::Ods => "ods",
            Format::Csv => "csv",
        }
    }
}

impl fmt::Display for Format {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

/// What a file is, when it is not a format taizhang reads. The English text is `Display`;
/// [`crate::messages::source_error`] says it in either language.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Unsupported {
    /// Binary data where CSV text was expected: a NUL byte at this offset.
    Binary(usize),
    /// Text neither UTF-8 nor GB18030: the first byte that is not UTF-8.
    Encoding(usize),
    /// A folder, given as a file.
    Folder,
    /// Folders nested deeper than taizhang walks (32).
    TooDeep,
    /// A Word document.
    Word,
    /// An Excel 2.x–4.0 worksheet (BIFF2–4).
    OldExcel,
    /// A flat OpenDocument file (.fods).
    FlatOds,
    /// An XML or HTML file.
    Markup,
    /// An Apple Numbers document.
    Numbers,
    /// A zip archive that holds no spreadsheet.
    Zip,
    /// A file whose extension (this one) is not a spreadsheet's.
    Extension(String),
    /// CSV handed to the workbook reader (a wrong call, not a file's fault).
    CsvAsWorkbook,
}

impl fmt::Display for Unsupported {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Unsupported::Binary(pos) => {
                write!(f, "binary data (a NUL byte at offset {pos}), not CSV text")
            }
            Unsupported::Encoding(byte) => write!(
                f,
                "neither UTF-8 nor GB18030 text (byte {byte} is not UTF-8, and the file is not \
                 GB18030 either); save it as CSV UTF-8"
            ),
            Unsupported::Folder => f.write_str("a folder, not a file"),
            Unsupported::TooDeep => f.write_str("folders nested more than 32 deep"),
            Unsupported::Word => f.write_str("a Word document, not a spreadsheet"),
            Unsupported::OldExcel => {
                f.write_str("an Excel 2.x–4.0 worksheet (BIFF2–4); open it and save it as .xlsx")
            }
            Unsupported::FlatOds => {
                f.write_str("a flat OpenDocument file (.fods); save it as .ods or .xlsx")
            }
            Unsupported::Markup => {
                f.write_str("an XML or HTML file, not a workbook; open it and save it as .xlsx")
            }
            Unsupported::Numbers => {
                f.write_str("an Apple Numbers document; export it from Numbers as .xlsx")
            }
            Unsupported::Zip => f.write_str("a zip archive that holds no spreadsheet"),
            Unsupported::Extension(ext) => write!(
                f,
                "files with the extension .{ext} are not spreadsheets taizhang reads"
            ),
            Unsupported::CsvAsWorkbook => f.write_str("CSV is not a calamine format"),
        }
    }
}

/// Why a file could not be read. The English text is `Display`;
/// [`crate::messages::source_error`] says it in either language.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum SourceError {
    /// The file does not exist.
    #[error("file not found")]
    NotFound,
    /// The file could not be read from disk (the system's reason).
    #[error("cannot read the file: {0}")]
    Io(String),
    /// The workbook is encrypted.
    #[error("the file is password-protected: open it and save it again without a password")]
    Encrypted,
    /// The container or a part of it is damaged (the reader's own words).
    #[error("the file is corrupt: {0}")]
    Corrupt(String),
    /// The file is empty (0 bytes).
    #[error("the file is empty (0 bytes)")]
    Empty,
    /// The extension says a spreadsheet format, the content is not one.
    #[error("not a {0} file: its content is not a spreadsheet container")]
    NotOfFormat(Format),
    /// Not a format taizhang reads.
    #[error("unsupported format: {0}")]
    Unsupported(Unsupported),
    /// The file exceeds one of the safety limits.
    #[error("the file exceeds a safety limit: {0}")]
    TooLarge(String),
    /// The file changed on disk while it was being read.
    #[error("the file changed while it was being read; read it again when it is complete")]
    Changed,
    /// A reader failed inside a dependency; the run went on without this file.
    #[error("the spreadsheet reader failed on this file ({0}); please report it with the file")]
    ReaderFailed(String),
    /// A folder of the inputs could not be listed.
    #[error("cannot open the folder: {0}")]
    FolderUnreadable(String),
    /// A link that points to nothing.
    #[error("a link to a file or folder that does not exist")]
    DanglingLink,
    /// Links that lead back to where they start.
    #[error("a link that leads back to a folder already read (a loop of links)")]
    LinkLoop,
    /// Not a regular file: a FIFO, a socket or a device, which is never opened.
    #[error("not a regular file ({0}); it is not opened")]
    NotRegular(String),
}

impl From<std::io::Error> for SourceError {
    fn from(e: std::io::Error) -> SourceError {
        SourceError::Io(e.to_string())
    }
}

impl SourceError {
    fn from_xlsx(e: calamine::XlsxError) -> SourceError {
        match e {
            calamine::XlsxError::Password => SourceError::Encrypted,
            e => SourceError::Corrupt(format!("xlsx: {e}")),
        }
    }

    fn from_xlsb(e: calamine::XlsbError) -> SourceError {
        match e {
            calamine::XlsbError::Password => SourceError::Encrypted,
            e => SourceError::Corrupt(format!("xlsb: {e}")),
        }
    }

    fn from_xls(e: calamine::XlsError) -> SourceError {
        match e {
            calamine::XlsError::Password => SourceError::Encrypted,
            e => SourceError::Corrupt(format!("xls: {e}")),
        }
    }

    pub(crate) fn from_ods(e: calamine::OdsError) -> SourceError {
        match e {
            calamine::OdsError::Password => SourceError::Encrypted,
            e => SourceError::Corrupt(format!("ods: {e}")),
        }
    }
}

/// One input file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Input {
    /// Where it is.
    pub path: PathBuf,
    /// How reports name it: the path as given on the command line, or below the directory
    /// given there (`display_path`).
    pub display: String,
    /// Why it cannot be read, when the walk that found it knows already (a folder that cannot
    /// be listed, a dangling link, a loop of links).
    pub(crate) problem: Option<SourceError>,
    /// Why it is not read though it could be (a copy of another input …), once the inputs
    /// have been screened.
    pub(crate) skip: Option<Skip>,
}

/// Why an input that could be read is not.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Skip {
    /// Its bytes are those of an input before it.
    Duplicate {
        /// The input it copies.
        of: String,
    },
    /// A consolidated workbook taizhang wrote, in the command-less form (which never reads
    /// its own outputs back).
    OwnOutput,
    /// A consolidated workbook taizhang wrote from inputs of this run: reading it too would
    /// count them twice.
    OutputOfInputs {
        /// The inputs it was made from.
        sources: Vec<String>,
    },
}

impl Input {
    /// An input for a path, displayed as given.
    pub fn new(path: impl Into<PathBuf>) -> Input {
        let path = path.into();
        Input {
            display: display_path(&path),
            path,
            problem: None,
            skip: None,
        }
    }

    fn failed(path: PathBuf, problem: SourceError) -> Input {
        Input {
            problem: Some(problem),
            ..Input::new(path)
        }
    }

    /// The file's name without its folder.
    pub(crate) fn file_name(&self) -> String {
        self.path
            .file_name()
            .map(|n| display_path(Path::new(n)))
            .unwrap_or_else(|| self.display.clone())
    }
}

/// How a path is shown: as it is when it is UTF-8; else decoded as GB18030 when it decodes
/// cleanly (the names of files from Chinese Windows archives); else with the bytes that are not
/// UTF-8 escaped as `\xNN`. Two different paths are never shown alike.
///
/// Folders are separated by `/` on every system ([`forward_slashes`]): the paths go into
/// workbooks, JSON and the digests over them, which are the same bytes for the same inputs
/// whether the ledgers were merged on Windows or on Linux.
pub(crate) fn display_path(path: &Path) -> String {
    forward_slashes(display_native(path), std::path::MAIN_SEPARATOR)
}

/// `text` with the system's folder separator `separator` written as `/`. Only Windows has
/// another (`\`); on Linux a `\` is a character of a file's name and stays.
pub(crate) fn forward_slashes(text: String, separator: char) -> String {
    if separator == '/' || !text.contains(separator) {
        return text;
    }
    text.replace(separator, "/")
}

fn display_native(path: &Path) -> String {
    #[cfg(unix)]
    {
        use std::os::unix::ffi::OsStrExt;
        let bytes = path.as_os_str().as_bytes();
        if let Ok(s) = std::str::from_utf8(bytes) {
            return s.to_string();
        }
        let (text, _, bad) = encoding_rs::GB18030.decode(bytes);
        if !bad {
            return text.into_owned();
        }
        let mut out = String::new();
        for chunk in bytes.utf8_chunks() {
            out.push_str(chunk.valid());
            for b in chunk.invalid() {
                out.push_str(&format!("\\x{b:02X}"));
            }
        }
        out
    }
    #[cfg(not(unix))]
    {
        path.display().to_string()
    }
}

/// True for names that are never inputs when found in a directory: Excel's lock files
/// (`~$name.xlsx`), hidden files (`.name`) and names without a supported extension.
pub fn is_candidate_name(name: &str) -> bool {
    if name.starts_with("~$") || name.starts_with('.') {
        return false;
    }
    Path::new(name)
        .extension()
        .and_then(|e| e.to_str())
        .and_then(Format::from_extension)
        .is_some()
}

/// Expands the command line's paths into inputs, in order: files as given, directories as every
/// supported file below them, sorted by path. A file reached twice (named and inside a folder
/// named too) is an input once. A path that does not exist stays an input (its reading fails
/// with [`SourceError::NotFound`]). What a walk cannot follow — a folder it cannot list, a link
/// that points nowhere, links that loop — is an input too, one that fails saying why: nothing
/// is skipped silently.
pub fn discover(paths: &[PathBuf]) -> Vec<Input> {
    let mut out: Vec<Input> = Vec::new();
    let mut seen = std::collections::HashSet::new();
    let cwd = std::env::current_dir().ok();
    let mut push = |mut i: Input, given: &Path, out: &mut Vec<Input>| {
        let key = i.path.canonicalize().unwrap_or_else(|_| i.path.clone());
        if seen.insert(key) {
            i.display = display_path(&shown(&i.path, given, cwd.as_deref()));
            out.push(i);
        }
    };
    for p in paths {
        if p.is_dir() {
            let mut found = Vec::new();
            let mut folders = std::collections::HashSet::new();
            walk(p, 0, &mut folders, &mut found);
            found.sort_by(|a, b| a.path.cmp(&b.path));
            for f in found {
                push(f, p, &mut out);
            }
        } else {
            push(Input::new(p.clone()), p, &mut out);
        }
    }
    // Two inputs shown alike (the same names below two folders given from elsewhere) are
    // shown by their paths as given.
    let mut count = std::collections::HashMap::new();
    for i in &out {
        *count.entry(i.display.clone()).or_insert(0) += 1;
    }
    for i in &mut out {
        if count.get(&i.display).copied().unwrap_or(0) > 1 {
            i.display = display_path(&i.path);
        }
    }
    out
}

/// How an input found at `path` from the command line's `given` is shown on every sheet and
/// message: a relative path as it is; an absolute one below the current folder `cwd` relative to
/// it; any other absolute one from the given file or folder's own name on (`/home/x/台账/a.xlsx`
/// given as `/home/x/台账` is `台账/a.xlsx`), never with the folder the clerk ran it in or
/// dropped it from.
pub(crate) fn shown(path: &Path, given: &Path, cwd: Option<&Path>) -> PathBuf {
    if !path.is_absolute() {
        return path.to_path_buf();
    }
    if let Some(rest) = cwd.and_then(|c| path.strip_prefix(c).ok())
        && !rest.as_os_str().is_empty()
    {
        return rest.to_path_buf();
    }
    match given.parent().and_then(|p| path.strip_prefix(p).ok()) {
        Some(rest) if !rest.as_os_str().is_empty() => rest.to_path_buf(),
        _ => path.to_path_buf(),
    }
}

fn walk(
    dir: &Path,
    depth: usize,
    folders: &mut std::collections::HashSet<PathBuf>,
    out: &mut Vec<Input>,
) {
    // A folder reached again through a link is a loop.
    let key = dir.canonicalize().unwrap_or_else(|_| dir.to_path_buf());
    if !folders.insert(key) {
        out.push(Input::failed(dir.to_path_buf(), SourceError::LinkLoop));
        return;
    }
    if depth > 32 {
        out.push(Input::failed(
            dir.to_path_buf(),
            SourceError::Unsupported(Unsupported::TooDeep),
        ));
        return;
    }
    let entries = match std::fs::read_dir(dir) {
        Ok(e) => e,
        Err(e) => {
            out.push(Input::failed(
                dir.to_path_buf(),
                SourceError::FolderUnreadable(e.to_string()),
            ));
            return;
        }
    };
    for entry in entries {
        let entry = match entry {
            Ok(e) => e,
            Err(e) => {
                out.push(Input::failed(
                    dir.to_path_buf(),
                    SourceError::FolderUnreadable(e.to_string()),
                ));
                continue;
            }
        };
        let name = entry.file_name().to_string_lossy().into_owned();
        let path = entry.path();
        let kind = match entry.file_type() {
            Ok(k) => k,
            Err(e) => {
                out.push(Input::failed(path, SourceError::from(e)));
                continue;
            }
        };
        if name.starts_with('.') {
            continue;
        }
        if kind.is_symlink() {
            match std::fs::metadata(&path) {
                Err(e) if e.raw_os_error() == Some(40) => {
                    out.push(Input::failed(path, SourceError::LinkLoop));
                }
                Err(_) => out.push(Input::failed(path, SourceError::DanglingLink)),
                Ok(m) if m.is_dir() => walk(&path, depth + 1, folders, out),
                Ok(_) if is_candidate_name(&name) => out.push(Input::new(path)),
                Ok(_) => {}
            }
        } else if kind.is_dir() {
            walk(&path, depth + 1, folders, out);
        } else if is_candidate_name(&name) {
            out.push(Input::new(path));
        }
    }
}

/// A file's bytes, read once.
#[derive(Debug, Clone)]
pub struct Loaded {
    /// The content.
    pub bytes: Vec<u8>,
    /// SHA-256 of the content, lower-case hex.
    pub sha256: String,
}

/// Lower-case hex SHA-256 of some bytes.
///
/// ```
/// assert_eq!(
///     taizhang::source::sha256_hex(b""),
///     "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"
/// );
/// ```
pub fn sha256_hex(bytes: &[u8]) -> String {
    hex(&Sha256::digest(bytes))
}

/// Lower-case hex of a digest.
fn hex(digest: &[u8]) -> String {
    let mut s = String::with_capacity(2 * digest.len());
    for b in digest {
        s.push_str(&format!("{b:02x}"));
    }
    s
}

/// Opens a regular file no larger than the limits allow, looked at before it is opened
/// (opening a FIFO blocks until someone writes to it); returns it with its metadata.
pub(crate) fn open_regular(
    path: &Path,
    limits: &Limits,
) -> Result<(std::fs::File, std::fs::Metadata), SourceError> {
    let meta = std::fs::metadata(path).map_err(|e| match e.kind() {
        std::io::ErrorKind::NotFound if std::fs::symlink_metadata(path).is_ok() => {
            SourceError::DanglingLink
        }
        std::io::ErrorKind::NotFound => SourceError::NotFound,
        _ if e.raw_os_error() == Some(40) => SourceError::LinkLoop,
        _ => SourceError::from(e),
    })?;
    if meta.is_dir() {
        return Err(SourceError::Unsupported(Unsupported::Folder));
    }
    if !meta.is_file() {
        return Err(SourceError::NotRegular(file_kind(&meta).into()));
    }
    let file = std::fs::File::open(path).map_err(|e| match e.kind() {
        std::io::ErrorKind::NotFound => SourceError::NotFound,
        _ => SourceError::from(e),
    })?;
    let before = file.metadata()?;
    if !before.is_file() {
        return Err(SourceError::NotRegular(file_kind(&before).into()));
    }
    if before.len() > limits.max_file_bytes {
        return Err(SourceError::TooLarge(format!(
            "{} MiB (limit {} MiB)",
            before.len() >> 20,
            limits.max_file_bytes >> 20
        )));
    }
    Ok((file, before))
}

/// Reads a file read-only, within the size limit, and fails with [`SourceError::Changed`] when
/// its size or modification time changed while it was read.
pub fn load(path: &Path, limits: &Limits) -> Result<Loaded, SourceError> {
    let (mut file, before) = open_regular(path, limits)?;
    let mut bytes = Vec::with_capacity(before.len() as usize);
    (&mut file)
        .take(limits.max_file_bytes + 1)
        .read_to_end(&mut bytes)?;
    let after = std::fs::metadata(path).map_err(|e| match e.kind() {
        std::io::ErrorKind::NotFound => SourceError::Changed,
        _ => SourceError::from(e),
    })?;
    if bytes.len() as u64 != before.len()
        || after.len() != before.len()
        || after.modified().ok() != before.modified().ok()
    {
        return Err(SourceError::Changed);
    }
    let sha256 = sha256_hex(&bytes);
    Ok(Loaded { bytes, sha256 })
}

/// A file's SHA-256 and size, read in blocks rather than whole: what [`load`] would give for
/// its hash, with the same checks (a regular file, within the size limit, not changed while
/// read), in memory that does not grow with the file.
pub(crate) fn hash_file(path: &Path, limits: &Limits) -> Result<(String, u64), SourceError> {
    let (mut file, before) = open_regular(path, limits)?;
    let mut hasher = Sha256::new();
    let mut buf = vec![0u8; 1 << 18];
    let mut size = 0u64;
    loop {
        let n = match file.read(&mut buf) {
            Ok(0) => break,
            Ok(n) => n,
            Err(e) if e.kind() == std::io::ErrorKind::Interrupted => continue,
            Err(e) => return Err(e.into()),
        };
        hasher.update(&buf[..n]);
        size += n as u64;
        if size > before.len() {
            // Growing while read (and never past the limit open_regular checked).
            return Err(SourceError::Changed);
        }
    }
    let after = std::fs::metadata(path).map_err(|e| match e.kind() {
        std::io::ErrorKind::NotFound => SourceError::Changed,
        _ => SourceError::from(e),
    })?;
    if size != before.len()
        || after.len() != before.len()
        || after.modified().ok() != before.modified().ok()
    {
        return Err(SourceError::Changed);
    }
    Ok((hex(&hasher.finalize()), size))
}

/// What a file that is not a regular file is.
fn file_kind(m: &std::fs::Metadata) -> &'static str {
    #[cfg(unix)]
    {
        use std::os::unix::fs::FileTypeExt;
        let t = m.file_type();
        if t.is_fifo() {
            return "a FIFO";
        }
        if t.is_socket() {
            return "a socket";
        }
        if t.is_block_device() || t.is_char_device() {
            return "a device";
        }
    }
    let _ = m;
    "a special file"
}

/// Decides the format from the content, using the extension only for CSV and to tell xlsm
/// from xlsx.
pub fn sniff(bytes: &[u8], extension: &str) -> Result<Format, SourceError> {
    let by_ext = Format::from_extension(extension);
    if bytes.is_empty() {
        return match by_ext {
            Some(Format::Csv) => Ok(Format::Csv),
            _ => Err(SourceError::Empty),
        };
    }
    if bytes.starts_with(b"PK\x03\x04") || bytes.starts_with(b"PK\x05\x06") {
        let mut zip = zip::ZipArchive::new(std::io::Cursor::new(bytes))
            .map_err(|e| SourceError::Corrupt(format!("zip container: {e}")))?;
        return format_of_zip(&mut zip, extension);
    }
    if bytes.starts_with(&[0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1]) {
        let cfb = guard::cfb::check_cfb(bytes)?;
        if cfb.has("EncryptedPackage") || cfb.has("EncryptionInfo") {
            return Err(SourceError::Encrypted);
        }
        if cfb.has("Workbook") || cfb.has("Book") {
            return Ok(Format::Xls);
        }
        if cfb.has("WordDocument") {
            return Err(SourceError::Unsupported(Unsupported::Word));
        }
        return Err(SourceError::Corrupt(
            "compound file without a Workbook stream".into(),
        ));
    }
    if bytes.len() >= 4 && bytes[0] == 0x09 && matches!(bytes[1], 0x00 | 0x02 | 0x04 | 0x08) {
        return Err(SourceError::Unsupported(Unsupported::OldExcel));
    }
    let head = String::from_utf8_lossy(&bytes[..bytes.len().min(512)]).to_ascii_lowercase();
    if head.contains("<office:document") {
        return Err(SourceError::Unsupported(Unsupported::FlatOds));
    }
    let markup =
        head.trim_start().starts_with("<?xml") || head.contains("<html") || head.contains("<table");
    if markup && by_ext != Some(Format::Csv) {
        return Err(SourceError::Unsupported(Unsupported::Markup));
    }
    match by_ext {
        Some(Format::Csv) => Ok(Format::Csv),
        Some(f) => Err(SourceError::NotOfFormat(f)),
        None => Err(SourceError::Unsupported(Unsupported::Extension(
            extension.to_string(),
        ))),
    }
}

/// True when an OpenDocument package's manifest declares encrypted parts.
/// The format of a zip container, from the parts it holds (and, between xlsx and xlsm, the
/// extension).
pub(crate) fn format_of_zip<R: Read + std::io::Seek>(
    zip: &mut zip::ZipArchive<R>,
    extension: &str,
) -> Result<Format, SourceError> {
    let by_ext = Format::from_extension(extension);
    let names: Vec<String> = zip
        .file_names()
        .filter_map(|n| n.ok().map(|n| n.into_owned()))
        .collect();
    let has = |name: &str| names.iter().any(|n| n.eq_ignore_ascii_case(name));
    if has("xl/workbook.bin") {
        return Ok(Format::Xlsb);
    }
    if names
        .iter()
        .any(|n| n.to_ascii_lowercase().ends_with("workbook.xml"))
        || has("[Content_Types].xml") && names.iter().any(|n| n.starts_with("xl/"))
    {
        return Ok(if by_ext == Some(Format::Xlsm) {
            Format::Xlsm
        } else {
            Format::Xlsx
        });
    }
    if has("content.xml") {
        if ods_encrypted(zip) {
            return Err(SourceError::Encrypted);
        }
        return Ok(Format::Ods);
    }
    if names.iter().any(|n| n.ends_with(".iwa")) {
        return Err(SourceError::Unsupported(Unsupported::Numbers));
    }
    if has("word/document.xml") {
        return Err(SourceError::Unsupported(Unsupported::Word));
    }
    Err(SourceError::Unsupported(Unsupported::Zip))
}

fn ods_encrypted<R: Read + std::io::Seek>(zip: &mut zip::ZipArchive<R>) -> bool {
    let Ok(mut f) = zip.by_name("META-INF/manifest.xml") else {
        return false;
    };
    let mut text = String::new();
    let _ = (&mut f).take(4 << 20).read_to_string(&mut text);
    text.contains("encryption-data")
}

/// Reads a file's sheets, after the container checks. `name` names a CSV's one sheet.
pub fn parse(
    bytes: &[u8],
    format: Format,
    name: &str,
    limits: &Limits,
) -> Result<Vec<Sheet>, SourceError> {
    let limits = &limits.for_file(bytes.len());
    let sheets = parse_sheets(bytes, format, name, limits)?;
    for s in &sheets {
        guard::merges::check_merge_index(s, limits)?;
    }
    Ok(sheets)
}

fn parse_sheets(
    bytes: &[u8],
    format: Format,
    name: &str,
    limits: &Limits,
) -> Result<Vec<Sheet>, SourceError> {
    match format {
        Format::Csv => Ok(vec![csv::read_csv(bytes, name, limits)?]),
        Format::Xlsx | Format::Xlsm | Format::Xlsb | Format::Ods => {
            guard::archive::check_zip(bytes, limits)?;
            formats::read_sheets(bytes, format, limits)
        }
        Format::Xls => {
            let cfb = guard::cfb::check_cfb(bytes)?;
            if let Some(stream) = &cfb.workbook {
                guard::biff::check_biff(stream, limits)?;
            }
            drop(cfb);
            formats::read_sheets(bytes, format, limits)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn paths_are_shown_with_forward_slashes_on_every_system() {
        // What Windows' walk of `samples` gives, and what a clerk types in its console.
        assert_eq!(
            forward_slashes(r"samples\北安区\庆利社区.xlsx".to_string(), '\\'),
            "samples/北安区/庆利社区.xlsx"
        );
        assert_eq!(
            forward_slashes(r"C:\Users\文员\台账/a.csv".to_string(), '\\'),
            "C:/Users/文员/台账/a.csv"
        );
        // Relative as given: nothing made absolute, nothing dropped.
        assert_eq!(
            forward_slashes(r"..\台账\.\a.xlsx".to_string(), '\\'),
            "../台账/./a.xlsx"
        );
        // On Linux a backslash is part of a name and is kept.
        assert_eq!(
            forward_slashes(r"台账/a\b.xlsx".to_string(), '/'),
            r"台账/a\b.xlsx"
        );
        assert_eq!(
            display_path(Path::new(&format!(
                "samples{}a.xlsx",
                std::path::MAIN_SEPARATOR
            ))),
            "samples/a.xlsx"
        );
    }

    #[test]
    fn candidate_names() {
        assert!(is_candidate_name("庆利社区.xlsx"));
        assert!(is_candidate_name("A.CSV"));
        assert!(!is_candidate_name("~$庆利社区.xlsx"));
        assert!(!is_candidate_name(".hidden.xlsx"));
        assert!(!is_candidate_name("readme.txt"));
    }

    #[test]
    fn sniffing() {
        assert!(matches!(sniff(b"", "xlsx"), Err(SourceError::Empty)));
        assert_eq!(sniff(b"a,b\n", "csv").unwrap(), Format::Csv);
        assert!(matches!(
            sniff(b"a,b\n", "xlsx"),
            Err(SourceError::NotOfFormat(Format::Xlsx))
        ));
        assert!(matches!(
            sniff(b"hello", "txt"),
            Err(SourceError::Unsupported(_))
        ));
        assert!(matches!(
            sniff(&[0x09, 0x00, 0x04, 0x00, 0, 0], "xls"),
            Err(SourceError::Unsupported(_))
        ));
    }
}

#[cfg(test)]
mod examples {
    //! The examples of crate-private items, once in their documentation.

    /// `source::Format::from_extension`
    #[test]
    fn format_from_extension() {
        use crate::source::Format;
        assert_eq!(Format::from_extension("XLSX"), Some(Format::Xlsx));
        assert_eq!(Format::from_extension("docx"), None);
    }

    /// `source::display_path`
    #[test]
    fn display_path() {
        use std::path::Path;
        assert_eq!(
            crate::source::display_path(Path::new("庆利社区.xlsx")),
            "庆利社区.xlsx"
        );
    }

    /// `source::forward_slashes`
    #[test]
    fn forward_slashes() {
        use crate::source::forward_slashes;
        assert_eq!(
            forward_slashes(r"samples\北安\a.xlsx".into(), '\\'),
            "samples/北安/a.xlsx"
        );
        assert_eq!(forward_slashes(r"a\b.xlsx".into(), '/'), r"a\b.xlsx");
    }

    /// `source::shown`
    #[test]
    fn shown() {
        use crate::source::shown;
        use std::path::Path;
        let cwd = Some(Path::new("/home/x"));
        let at = |p: &str, g: &str| shown(Path::new(p), Path::new(g), cwd).display().to_string();
        assert_eq!(at("samples/a.xlsx", "samples"), "samples/a.xlsx");
        assert_eq!(
            at("/home/x/samples/a.xlsx", "/home/x/samples"),
            "samples/a.xlsx"
        );
        assert_eq!(at("/data/台账/甲/a.xlsx", "/data/台账"), "台账/甲/a.xlsx");
        assert_eq!(at("/data/a.xlsx", "/data/a.xlsx"), "a.xlsx");
        assert_eq!(at("/a.xlsx", "/"), "/a.xlsx");
    }

    /// `source::hash_file`
    #[test]
    fn hash_file() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("a.csv");
        std::fs::write(&path, b"abc").unwrap();
        let limits = crate::source::guard::Limits::default();
        let (sha, size) = crate::source::hash_file(&path, &limits).unwrap();
        assert_eq!(size, 3);
        assert_eq!(sha, crate::source::sha256_hex(b"abc"));
    }
}
