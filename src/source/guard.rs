//! Safety checks on a file's container, made before any reader allocates for it.
//!
//! Spreadsheet readers trust the sizes and pointers a file declares. A hostile or corrupt file
//! can declare a part that inflates to gigabytes (a "zip bomb"), or a compound-file chain that
//! loops forever; calamine then allocates until the process aborts. These checks walk the
//! container first, within fixed [`Limits`], and turn such files into a clear
//! [`SourceError`] that names what is wrong and where.
//!
//! The limits follow Apache POI's `ZipSecureFile`: a part may inflate at most
//! [`Limits::max_part_bytes`], and a part larger than [`Limits::ratio_floor_bytes`] may not
//! inflate more than [`Limits::max_inflate_ratio`] times its compressed size (POI's default
//! 0.01). Unlike POI, a smaller part may: Excel writes parts that inflate 121-fold (a sheet of
//! long repeated strings in SheetJS's test files), which are no danger at 57 MB. What bounds
//! the work instead is the whole container, which may not inflate beyond that ratio times the
//! file's size once past the same floor. They are checked on the sizes each part declares; the
//! zip reader stops a part that inflates past its declaration, so a lying part fails as soon
//! as it lies.

use crate::source::SourceError;
use std::io::Cursor;

/// Resource limits for reading one file.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Limits {
    /// Largest input file read at all.
    pub max_file_bytes: u64,
    /// Largest inflated size of one part of a zip container.
    pub max_part_bytes: u64,
    /// Largest inflated size of all parts of a zip container together.
    pub max_total_bytes: u64,
    /// Largest ratio of inflated to compressed size of one part...
    pub max_inflate_ratio: u64,
    /// ...for parts that inflate beyond this many bytes (small parts compress well legitimately).
    pub ratio_floor_bytes: u64,
    /// Most parts in a zip container.
    pub max_parts: usize,
    /// Most non-empty cells in one sheet of a small file; a larger file may hold one cell per
    /// [`Limits::bytes_per_extra_cell`] of its size (see [`Limits::for_file`]).
    pub max_cells_per_sheet: usize,
    /// File bytes that allow one more cell per sheet beyond [`Limits::max_cells_per_sheet`].
    pub bytes_per_extra_cell: u64,
    /// Most bytes of text the cells of an `.xls` workbook may hold once read (its reader copies
    /// a shared string into every cell that uses it).
    pub max_text_bytes: u64,
    /// Most cells (empty ones included) in the box of a sheet that a reader stores densely
    /// (xls, ods): rows x columns between the first and the last used cell. Those readers
    /// hold every sheet at once, so the boxes of all a workbook's sheets together are held to
    /// it too.
    pub max_dense_cells: usize,
    /// Most merged regions in one sheet.
    pub max_merges_per_sheet: usize,
    /// Most (merge, column) pairs the merge index of one sheet may hold: merged regions times
    /// the columns each spans within the sheet's used width.
    pub max_merge_columns: u64,
    /// Most sheets in one workbook.
    pub max_sheets: usize,
}

impl Limits {
    /// The limits for a file of `bytes` bytes: a small file holds at most
    /// [`Limits::max_cells_per_sheet`] cells a sheet however well it compresses, so its memory
    /// stays bounded; a large one as many as its size allows (a full sheet of 1,048,576 rows
    /// from a 150 MB workbook).
    ///
    /// ```
    /// use taizhang::source::guard::Limits;
    /// let l = Limits::default();
    /// assert_eq!(l.for_file(10 << 20).max_cells_per_sheet, 20_000_000);
    /// assert_eq!(l.for_file(160_000_000).max_cells_per_sheet, 40_000_000);
    /// ```
    pub fn for_file(&self, bytes: usize) -> Limits {
        let by_size = (bytes as u64 / self.bytes_per_extra_cell.max(1)) as usize;
        Limits {
            max_cells_per_sheet: self.max_cells_per_sheet.max(by_size),
            ..*self
        }
    }
}

impl Default for Limits {
    fn default() -> Self {
        Limits {
            max_file_bytes: 512 << 20,
            // A full ledger sheet of taizhang's own (1,048,575 rows of 25 columns) is about 1.5
            // GiB of XML, compressed some 8 to 1: the ratio rule, not the size, finds bombs.
            max_part_bytes: 4 << 30,
            max_total_bytes: 16 << 30,
            max_inflate_ratio: 100,
            ratio_floor_bytes: 256 << 20,
            max_parts: 10_000,
            max_cells_per_sheet: 20_000_000,
            // taizhang's own full ledger sheet: 26 million cells in some 60 bytes each.
            bytes_per_extra_cell: 4,
            max_text_bytes: 1 << 30,
            max_dense_cells: 8_000_000,
            max_merges_per_sheet: 1_000_000,
            max_merge_columns: 4_000_000,
            max_sheets: 1_000,
        }
    }
}

/// Fails when indexing a sheet's merged regions by column would exceed the limit.
pub fn check_merge_index(
    sheet: &crate::source::grid::Sheet,
    limits: &Limits,
) -> Result<(), SourceError> {
    let width = sheet.width();
    let total: u64 = sheet
        .merges
        .iter()
        .filter(|m| m.first.col < width)
        .map(|m| u64::from(m.last.col.min(width.saturating_sub(1)) - m.first.col + 1))
        .sum();
    if total > limits.max_merge_columns {
        return Err(SourceError::TooLarge(format!(
            "sheet {}: its merged regions span {total} columns in all (limit {})",
            sheet.name, limits.max_merge_columns
        )));
    }
    Ok(())
}

/// Checks every part of a zip container against the limits by the sizes it declares, before
/// anything is inflated. A part that declares less than it inflates to is stopped by the zip
/// reader itself ("larger than its declared uncompressed size") as soon as it passes its
/// declaration, so declarations are binding and the limits hold without a pass of inflation.
pub fn check_zip(bytes: &[u8], limits: &Limits) -> Result<(), SourceError> {
    let mut zip = zip::ZipArchive::new(Cursor::new(bytes))
        .map_err(|e| SourceError::Corrupt(format!("zip container: {e}")))?;
    if zip.len() > limits.max_parts {
        return Err(SourceError::TooLarge(format!(
            "{} parts in the zip container (limit {})",
            zip.len(),
            limits.max_parts
        )));
    }
    let mut total: u64 = 0;
    for i in 0..zip.len() {
        let part = zip
            .by_index_raw(i)
            .map_err(|e| SourceError::Corrupt(format!("zip part #{i}: {e}")))?;
        if part.is_dir() {
            continue;
        }
        if part.encrypted() {
            return Err(SourceError::Encrypted);
        }
        let name = part.name().map(|n| n.into_owned()).unwrap_or_default();
        let declared = part.size();
        let compressed = part.compressed_size().max(1);
        if declared > limits.max_part_bytes
            || (declared > limits.ratio_floor_bytes
                && declared / compressed > limits.max_inflate_ratio)
        {
            return Err(too_big(&name, declared, limits));
        }
        total = total.saturating_add(declared);
        if total > limits.max_total_bytes {
            return Err(SourceError::TooLarge(format!(
                "the zip container inflates beyond {} MiB in all",
                limits.max_total_bytes >> 20
            )));
        }
    }
    let budget = limits
        .ratio_floor_bytes
        .max((bytes.len() as u64).saturating_mul(limits.max_inflate_ratio));
    if total > budget {
        return Err(SourceError::TooLarge(format!(
            "the zip container inflates to {} MiB, more than {}x its size: a decompression bomb",
            total >> 20,
            limits.max_inflate_ratio
        )));
    }
    Ok(())
}

fn too_big(name: &str, bytes: u64, limits: &Limits) -> SourceError {
    SourceError::TooLarge(format!(
        "zip part {name} inflates to more than {} MiB (or more than {}x its compressed size): \
         a decompression bomb or a sheet too large to read",
        (bytes.min(limits.max_part_bytes)) >> 20,
        limits.max_inflate_ratio
    ))
}

const FREESECT: u32 = 0xFFFF_FFFF;
const ENDOFCHAIN: u32 = 0xFFFF_FFFE;
const MAXREGSECT: u32 = 0xFFFF_FFFA;

/// What a compound file (the OLE container of `.xls` and of encrypted OOXML) holds, once its
/// structure has been checked.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CompoundFile {
    /// Names of the streams and storages in its directory.
    pub entries: Vec<String>,
    /// The content of the `Workbook` (or `Book`) stream, when there is one.
    pub workbook: Option<Vec<u8>>,
}

impl CompoundFile {
    /// True when the directory has an entry of this name (case-insensitive).
    pub fn has(&self, name: &str) -> bool {
        self.entries.iter().any(|e| e.eq_ignore_ascii_case(name))
    }
}

/// Walks a compound file's header, DIFAT, FAT, directory and every stream's sector chain, and
/// fails on a chain that loops or points outside the file.
pub fn check_cfb(bytes: &[u8]) -> Result<CompoundFile, SourceError> {
    let corrupt = |what: String| SourceError::Corrupt(format!("compound file: {what}"));
    if bytes.len() < 512 {
        return Err(corrupt(format!(
            "{} bytes is shorter than its header",
            bytes.len()
        )));
    }
    let u16_at = |o: usize| u16::from_le_bytes([bytes[o], bytes[o + 1]]);
    let u32_at = |b: &[u8], o: usize| -> u32 {
        b.get(o..o + 4)
            .map_or(ENDOFCHAIN, |s| u32::from_le_bytes([s[0], s[1], s[2], s[3]]))
    };
    if u16_at(0x1C) != 0xFFFE {
        return Err(corrupt("bad byte-order mark in the header".into()));
    }
    let shift = u16_at(0x1E);
    if shift != 9 && shift != 12 {
        return Err(corrupt(format!("sector shift {shift} (must be 9 or 12)")));
    }
    let mini_shift = u16_at(0x20);
    if mini_shift != 6 {
        return Err(corrupt(format!(
            "mini sector shift {mini_shift} (must be 6)"
        )));
    }
    let ssize = 1usize << shift;
    let nsec = (bytes.len().saturating_sub(ssize)).div_ceil(ssize) as u64;
    let sector = |id: u32| -> Option<&[u8]> {
        let start = (id as usize + 1).checked_mul(ssize)?;
        let s = bytes.get(start..)?;
        Some(&s[..ssize.min(s.len())])
    };
    let num_fat = u32_at(bytes, 0x2C) as u64;
    if num_fat > nsec {
        return Err(corrupt(format!(
            "header declares {num_fat} FAT sectors in a file of {nsec} sectors"
        )));
    }

    // DIFAT: 109 entries in the header, then a chain of DIFAT sectors.
    let mut fat_sectors: Vec<u32> = (0..109)
        .map(|i| u32_at(bytes, 0x4C + 4 * i))
        .filter(|s| *s <= MAXREGSECT)
        .collect();
    let mut difat = u32_at(bytes, 0x44);
    let mut seen = vec![false; nsec as usize];
    let mut steps = 0u64;
    while difat <= MAXREGSECT {
        if difat as u64 >= nsec {
            return Err(corrupt(format!(
                "DIFAT sector {difat} lies beyond the end of the file"
            )));
        }
        if std::mem::replace(&mut seen[difat as usize], true) {
            return Err(corrupt(format!("DIFAT chain loops at sector {difat}")));
        }
        steps += 1;
        if steps > nsec {
            return Err(corrupt("DIFAT chain longer than the file".into()));
        }
        let s = sector(difat).ok_or_else(|| corrupt(format!("DIFAT sector {difat} is missing")))?;
        let per = ssize / 4 - 1;
        fat_sectors.extend(
            (0..per)
                .map(|i| u32_at(s, 4 * i))
                .filter(|x| *x <= MAXREGSECT),
        );
        difat = u32_at(s, 4 * per);
    }
    if fat_sectors.len() as u64 > nsec {
        return Err(corrupt("more FAT sectors than sectors in the file".into()));
    }
    let mut fat: Vec<u32> = Vec::with_capacity(fat_sectors.len() * ssize / 4);
    for fs in &fat_sectors {
        let s = sector(*fs)
            .filter(|_| (*fs as u64) < nsec)
            .ok_or_else(|| corrupt(format!("FAT sector {fs} lies beyond the end of the file")))?;
        fat.extend((0..s.len() / 4).map(|i| u32_at(s, 4 * i)));
    }

    // Follows a chain in a FAT, checking for loops and ids beyond the table.
    let walk =
        |table: &[u32], start: u32, what: &str, limit: u64| -> Result<Vec<u32>, SourceError> {
            let mut chain = Vec::new();
            let mut visited = vec![false; table.len()];
            let mut id = start;
            while id != ENDOFCHAIN && id != FREESECT {
                let i = id as usize;
                if id > MAXREGSECT || i >= table.len() || id as u64 >= limit {
                    return Err(corrupt(format!(
                        "{what}: sector {id} lies beyond the end of the file"
                    )));
                }
                if std::mem::replace(&mut visited[i], true) {
                    return Err(corrupt(format!(
                        "{what}: sector chain loops at sector {id}"
                    )));
                }
                chain.push(id);
                id = table[i];
            }
            Ok(chain)
        };

    let dir_chain = walk(&fat, u32_at(bytes, 0x30), "directory", nsec)?;
    let mut dir: Vec<u8> = Vec::with_capacity(dir_chain.len() * ssize);
    for id in &dir_chain {
        dir.extend_from_slice(sector(*id).unwrap_or(&[]));
    }
    let mut entries = Vec::new();
    let mut streams: Vec<(String, u32, u64)> = Vec::new();
    let mut root: Option<(u32, u64)> = None;
    for e in dir.chunks_exact(128) {
        let typ = e[66];
        if typ == 0 {
            continue;
        }
        let name_len = (u16::from_le_bytes([e[64], e[65]]) as usize).min(64);
        let units: Vec<u16> = e[..name_len]
            .chunks_exact(2)
            .map(|c| u16::from_le_bytes([c[0], c[1]]))
            .take_while(|u| *u != 0)
            .collect();
        let name = String::from_utf16_lossy(&units);
        let start = u32_at(e, 116);
        let size = u64::from(u32_at(e, 120)) | (u64::from(u32_at(e, 124)) << 32);
        match typ {
            5 => root = Some((start, size)),
            2 => streams.push((name.clone(), start, size)),
            _ => {}
        }
        entries.push(name);
    }
    // An encrypted OOXML package is password-protected even when its streams are damaged.
    if entries.iter().any(|e| {
        e.eq_ignore_ascii_case("EncryptedPackage") || e.eq_ignore_ascii_case("EncryptionInfo")
    }) {
        return Err(SourceError::Encrypted);
    }
    let Some((root_start, root_size)) = root else {
        return Err(corrupt("no root entry in the directory".into()));
    };
    let mini_stream = walk(&fat, root_start, "mini stream", nsec)?;
    if (mini_stream.len() as u64) < root_size.div_ceil(ssize as u64) {
        return Err(corrupt("the mini stream is shorter than declared".into()));
    }
    let minifat_chain = walk(&fat, u32_at(bytes, 0x3C), "mini FAT", nsec)?;
    let mut minifat: Vec<u32> = Vec::new();
    for id in &minifat_chain {
        let s = sector(*id).unwrap_or(&[]);
        minifat.extend((0..s.len() / 4).map(|i| u32_at(s, 4 * i)));
    }
    let cutoff = u64::from(u32_at(bytes, 0x38));
    let mini_count = (mini_stream.len() * ssize / 64) as u64;
    let mut workbook = None;
    for (name, start, size) in &streams {
        if *size == 0 {
            continue;
        }
        let is_book = name.eq_ignore_ascii_case("Workbook") || name.eq_ignore_ascii_case("Book");
        if *size < cutoff {
            let chain = walk(&minifat, *start, &format!("stream {name}"), mini_count)?;
            if (chain.len() as u64) * 64 < *size {
                return Err(corrupt(format!("stream {name} is shorter than declared")));
            }
            if is_book && workbook.is_none() {
                let mut data = Vec::with_capacity(*size as usize);
                for id in chain {
                    let at = id as usize * 64;
                    let sec = mini_stream.get(at / ssize).and_then(|s| sector(*s));
                    if let Some(sec) = sec {
                        let off = at % ssize;
                        data.extend_from_slice(&sec[off.min(sec.len())..(off + 64).min(sec.len())]);
                    }
                }
                data.truncate(*size as usize);
                workbook = Some(data);
            }
        } else {
            let chain = walk(&fat, *start, &format!("stream {name}"), nsec)?;
            if (chain.len() as u64) * (ssize as u64) < *size {
                return Err(corrupt(format!("stream {name} is shorter than declared")));
            }
            if is_book && workbook.is_none() {
                let mut data = Vec::with_capacity(*size as usize);
                for id in chain {
                    data.extend_from_slice(sector(id).unwrap_or(&[]));
                }
                data.truncate(*size as usize);
                workbook = Some(data);
            }
        }
    }
    let _ = seen;
    Ok(CompoundFile { entries, workbook })
}

/// What a BIFF workbook stream's records say before calamine reads it.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct BiffShape {
    /// For each sheet the workbook lists (its `BOUNDSHEET` records, in order), the box of its
    /// value cells: (rows, columns); (0, 0) for a sheet without cells.
    pub sheets: Vec<(u64, u64)>,
}

/// The records of a BIFF stream from an offset: (type, data), as calamine walks them (a
/// record cut short by the end of the stream ends the walk).
fn biff_records(stream: &[u8], from: usize) -> impl Iterator<Item = (u16, &[u8])> {
    let mut at = from;
    std::iter::from_fn(move || {
        let head = stream.get(at..at + 4)?;
        let typ = u16::from_le_bytes([head[0], head[1]]);
        let len = usize::from(u16::from_le_bytes([head[2], head[3]]));
        let data = stream.get(at + 4..at + 4 + len)?;
        at += 4 + len;
        Some((typ, data))
    })
}

fn u16_at(d: &[u8], o: usize) -> Option<u32> {
    Some(u32::from(u16::from_le_bytes([*d.get(o)?, *d.get(o + 1)?])))
}

fn u32_at(d: &[u8], o: usize) -> Option<u32> {
    Some(u32::from_le_bytes(d.get(o..o + 4)?.try_into().ok()?))
}

/// An upper bound of the UTF-8 bytes of each string of a shared-string table (`SST` and its
/// `CONTINUE` records), walked as calamine walks it: 3 bytes per declared character.
fn sst_text_bytes(pieces: &[&[u8]]) -> Vec<u64> {
    let mut lens = Vec::new();
    let Some((first, rest)) = pieces.split_first() else {
        return lens;
    };
    let mut cur: &[u8] = first.get(8..).unwrap_or(&[]);
    let mut rest = rest.iter();
    loop {
        if cur.is_empty() {
            match rest.next() {
                Some(p) => {
                    cur = p;
                    if cur.is_empty() {
                        lens.push(0);
                    }
                    continue;
                }
                None => return lens,
            }
        }
        if cur.len() < 3 {
            return lens;
        }
        let cch = u64::from(u16::from_le_bytes([cur[0], cur[1]]));
        let flags = cur[2];
        cur = &cur[3..];
        let mut skip = 0usize;
        if flags & 0x8 != 0 {
            let Some(runs) = u16_at(cur, 0) else {
                return lens;
            };
            skip += runs as usize * 4;
            cur = &cur[2..];
        }
        if flags & 0x4 != 0 {
            let Some(ext) = u32_at(cur, 0) else {
                return lens;
            };
            skip += ext as usize;
            cur = &cur[4..];
        }
        lens.push(cch * 3);
        // The characters, which may go on in CONTINUE records, each opening with a flags byte.
        let (mut left, mut wide) = (cch as usize, flags & 1 != 0);
        loop {
            let width = if wide { 2 } else { 1 };
            let take = left.min(cur.len() / width);
            cur = &cur[take * width..];
            left -= take;
            if left == 0 {
                break;
            }
            match rest.next() {
                Some(p) if !p.is_empty() => {
                    wide = p[0] & 1 != 0;
                    cur = &p[1..];
                }
                _ => return lens,
            }
        }
        // Rich-text runs and phonetic data, which may also go on in CONTINUE records.
        while skip > 0 {
            if cur.is_empty() {
                match rest.next() {
                    Some(p) => cur = p,
                    None => return lens,
                }
                continue;
            }
            let n = skip.min(cur.len());
            cur = &cur[n..];
            skip -= n;
        }
    }
}

/// Scans an `.xls` workbook stream's records before calamine reads it, as calamine will: a
/// `FILEPASS` record means the workbook is encrypted (XOR obfuscation or RC4, which calamine
/// reads as garbage). calamine then reads *every* sheet the workbook lists, at whatever offset
/// it gives (two entries may name the same substream), into dense boxes of values and of
/// formulas, reserving room for the cells a `DIMENSIONS` record declares and copying a shared
/// string into each cell that refers to it. So each listed sheet's declared and used boxes are
/// held to [`Limits::max_dense_cells`], the sum of the used boxes over all listed sheets too,
/// and the text the cells of all sheets will hold (shared strings copied, formulas written
/// out; upper bounds) to [`Limits::max_text_bytes`].
pub fn check_biff(stream: &[u8], limits: &Limits) -> Result<BiffShape, SourceError> {
    let mut shape = BiffShape::default();
    let mut offsets = Vec::new();
    let mut sst: Vec<&[u8]> = Vec::new();
    let mut in_sst = false;
    let mut longest_name = 0u64;
    for (typ, data) in biff_records(stream, 0) {
        match typ {
            0x002F => return Err(SourceError::Encrypted),
            0x0085 => {
                offsets.extend(u32_at(data, 0));
                longest_name = longest_name.max(data.get(6).map_or(0, |&n| u64::from(n)));
            }
            0x0018 => longest_name = longest_name.max(data.get(3).map_or(0, |&n| u64::from(n))),
            0x00FC => {
                sst = vec![data];
                in_sst = true;
                continue;
            }
            0x003C if in_sst => {
                sst.push(data);
                continue;
            }
            0x000A => break,
            _ => {}
        }
        in_sst = false;
    }
    if offsets.len() > limits.max_sheets {
        return Err(SourceError::TooLarge(format!(
            "{} sheets (limit {})",
            offsets.len(),
            limits.max_sheets
        )));
    }
    let strings = sst_text_bytes(&sst);
    // A formula's text grows from its tokens: a 5-byte name or sheet reference becomes the
    // name (up to 255 characters), a function token its name and parentheses.
    let formula_growth = 8 + longest_name * 3 / 5;
    let dense = limits.max_dense_cells as u64;
    let (mut cells_total, mut text_total) = (0u64, 0u64);
    for (i, &offset) in offsets.iter().enumerate() {
        let sheet = i + 1;
        let too_large = |what: String| SourceError::TooLarge(format!("sheet {sheet} {what}"));
        // (first row, last row, first column, last column) of the values and of the formulas
        let mut values: Option<(u32, u32, u32, u32)> = None;
        let mut formulas: Option<(u32, u32, u32, u32)> = None;
        let widen = |b: &mut Option<(u32, u32, u32, u32)>, r: u32, c0: u32, c1: u32| {
            let b = b.get_or_insert((r, r, c0, c1));
            *b = (b.0.min(r), b.1.max(r), b.2.min(c0), b.3.max(c1));
        };
        let (mut seen_bof, mut depth) = (false, 0usize);
        for (typ, data) in biff_records(stream, offset as usize) {
            if depth > 0 {
                match typ {
                    0x0809 => depth += 1,
                    0x000A => depth -= 1,
                    _ => {}
                }
                continue;
            }
            let rc = || Some((u16_at(data, 0)?, u16_at(data, 2)?));
            match typ {
                0x0809 if seen_bof => depth += 1,
                0x0809 => seen_bof = true,
                0x000A => break,
                0x002F => return Err(SourceError::Encrypted),
                0x0200 => {
                    let dims = match data.len() {
                        10 => (
                            u16_at(data, 0),
                            u16_at(data, 2),
                            u16_at(data, 4),
                            u16_at(data, 6),
                        ),
                        14 | 16 => (
                            u32_at(data, 0),
                            u32_at(data, 4),
                            u16_at(data, 8),
                            u16_at(data, 10),
                        ),
                        _ => continue,
                    };
                    let (Some(rf), Some(rl), Some(cf), Some(cl)) = dims else {
                        continue;
                    };
                    let cf = if 0xFF < cf || cl < cf { 0 } else { cf };
                    let (er, ec) = if rl >= 1 && cl >= 1 {
                        (rl - 1, cl - 1)
                    } else {
                        (rf, cf)
                    };
                    let rows = u64::from(er.wrapping_sub(rf).wrapping_add(1));
                    let cols = u64::from(ec.wrapping_sub(cf).wrapping_add(1));
                    if rows.saturating_mul(cols) > dense {
                        return Err(too_large(format!(
                            "declares {rows} rows by {cols} columns (limit {dense} cells)"
                        )));
                    }
                }
                // NUMBER, LABEL, RSTRING, BOOLERR, RK
                0x0203 | 0x0204 | 0x00D6 | 0x0205 | 0x027E => {
                    if let Some((r, c)) = rc() {
                        widen(&mut values, r, c, c);
                    }
                }
                // LABELSST: the cell copies its shared string
                0x00FD => {
                    if let (Some((r, c)), Some(idx)) = (rc(), u32_at(data, 6))
                        && let Some(len) = strings.get(idx as usize)
                    {
                        widen(&mut values, r, c, c);
                        text_total += len;
                    }
                }
                // FORMULA: a value (or a STRING record after it) and the formula's text
                0x0006 => {
                    if let Some((r, c)) = rc() {
                        widen(&mut values, r, c, c);
                        widen(&mut formulas, r, c, c);
                        text_total += data.len() as u64 * formula_growth;
                    }
                }
                // MULRK: row, first column, …, last column
                0x00BD if data.len() >= 6 => {
                    if let (Some((r, c0)), Some(c1)) = (rc(), u16_at(data, data.len() - 2)) {
                        widen(&mut values, r, c0, c1.max(c0));
                    }
                }
                _ => {}
            }
        }
        let area = |b: Option<(u32, u32, u32, u32)>| {
            b.map_or((0, 0), |(r0, r1, c0, c1)| {
                (u64::from(r1 - r0) + 1, u64::from(c1 - c0) + 1)
            })
        };
        let (rows, cols) = area(values);
        if rows * cols > dense {
            return Err(too_large(format!(
                "spans {rows} rows by {cols} columns (limit {dense} cells)"
            )));
        }
        let (frows, fcols) = area(formulas);
        cells_total += rows * cols + frows * fcols;
        if cells_total > dense {
            return Err(SourceError::TooLarge(format!(
                "its {} sheets span more than {dense} cells together",
                offsets.len()
            )));
        }
        if text_total > limits.max_text_bytes {
            return Err(SourceError::TooLarge(format!(
                "its cells' text would take more than {} MiB once read",
                limits.max_text_bytes >> 20
            )));
        }
        shape.sheets.push((rows, cols));
    }
    Ok(shape)
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::io::Write;

    #[test]
    fn a_zip_bomb_is_refused_before_it_is_read() {
        let mut out = Cursor::new(Vec::new());
        {
            let mut w = zip::ZipWriter::new(&mut out);
            let opts = zip::write::SimpleFileOptions::default()
                .compression_method(zip::CompressionMethod::Deflated);
            w.start_file("xl/worksheets/sheet1.xml", opts).unwrap();
            let zeros = vec![b' '; 1 << 20];
            for _ in 0..40 {
                w.write_all(&zeros).unwrap();
            }
            w.finish().unwrap();
        }
        let limits = Limits {
            ratio_floor_bytes: 1 << 20,
            ..Limits::default()
        };
        let err = check_zip(out.get_ref(), &limits).unwrap_err();
        assert!(matches!(err, SourceError::TooLarge(_)), "{err}");
        assert!(err.to_string().contains("sheet1.xml"));
    }

    fn spaces_zip(parts: &[(&str, usize)]) -> Vec<u8> {
        let mut out = Cursor::new(Vec::new());
        {
            let mut w = zip::ZipWriter::new(&mut out);
            let opts = zip::write::SimpleFileOptions::default()
                .compression_method(zip::CompressionMethod::Deflated);
            for (name, len) in parts {
                w.start_file(*name, opts).unwrap();
                w.write_all(&vec![b' '; *len]).unwrap();
            }
            w.finish().unwrap();
        }
        out.into_inner()
    }

    #[test]
    fn small_parts_may_compress_well_but_not_the_whole_file_beyond_the_ratio() {
        let limits = Limits {
            ratio_floor_bytes: 1 << 20,
            ..Limits::default()
        };
        // One part of 0.9 MiB that compresses a thousandfold: below the floor, read.
        assert!(check_zip(&spaces_zip(&[("a.xml", 900 << 10)]), &limits).is_ok());
        // Three such parts: 2.7 MiB from a few kilobytes, over the floor and the ratio.
        let three = spaces_zip(&[
            ("a.xml", 900 << 10),
            ("b.xml", 900 << 10),
            ("c.xml", 900 << 10),
        ]);
        let err = check_zip(&three, &limits).unwrap_err();
        assert!(err.to_string().contains("more than 100x its size"), "{err}");
    }

    fn record(typ: u16, data: &[u8]) -> Vec<u8> {
        let mut v = typ.to_le_bytes().to_vec();
        v.extend_from_slice(&(data.len() as u16).to_le_bytes());
        v.extend_from_slice(data);
        v
    }

    /// A BIFF8 stream: globals (with the given extra records) listing `sheets`, then the sheets.
    fn biff(globals_extra: &[Vec<u8>], sheets: &[Vec<Vec<u8>>], listed: &[usize]) -> Vec<u8> {
        let bof = |dt: u8| record(0x0809, &[0, 6, dt, 0]);
        let boundsheet = |at: u32| {
            let mut d = at.to_le_bytes().to_vec();
            d.extend_from_slice(&[0, 0, 1, 0, b'S']);
            record(0x0085, &d)
        };
        let bodies: Vec<Vec<u8>> = sheets
            .iter()
            .map(|recs| {
                [vec![bof(0x10)], recs.clone(), vec![record(0x000A, &[])]]
                    .concat()
                    .concat()
            })
            .collect();
        let globals_len = |n: usize| {
            bof(5).len()
                + globals_extra.iter().map(Vec::len).sum::<usize>()
                + n * boundsheet(0).len()
                + 4
        };
        let mut at = globals_len(listed.len());
        let mut starts = Vec::new();
        for b in &bodies {
            starts.push(at as u32);
            at += b.len();
        }
        let mut out = bof(5);
        for r in globals_extra {
            out.extend_from_slice(r);
        }
        for &i in listed {
            out.extend(boundsheet(starts[i]));
        }
        out.extend(record(0x000A, &[]));
        for b in bodies {
            out.extend(b);
        }
        out
    }

    fn number(r: u16, c: u16) -> Vec<u8> {
        let mut d = r.to_le_bytes().to_vec();
        d.extend_from_slice(&c.to_le_bytes());
        d.extend_from_slice(&[0; 10]);
        record(0x0203, &d)
    }

    #[test]
    fn biff_records_reveal_encryption_and_oversized_sheets() {
        let limits = Limits::default();
        let ok = biff(&[], &[vec![number(0, 0), number(9, 3)]], &[0]);
        assert_eq!(check_biff(&ok, &limits).unwrap().sheets, vec![(10, 4)]);
        let big = biff(&[], &[vec![number(0, 0), number(65535, 255)]], &[0]);
        let err = check_biff(&big, &limits).unwrap_err();
        assert!(
            err.to_string().contains("65536 rows by 256 columns"),
            "{err}"
        );
        let enc = biff(&[record(0x002F, &[0, 0, 1, 2, 3, 4])], &[], &[]);
        assert!(matches!(
            check_biff(&enc, &limits),
            Err(SourceError::Encrypted)
        ));
    }

    #[test]
    fn biff_dimensions_and_sheets_listed_twice_count() {
        let limits = Limits::default();
        // DIMENSIONS declaring 2^32 - 1 rows (as the fuzzer found), 10 columns.
        let mut dims = 0u32.to_le_bytes().to_vec();
        dims.extend_from_slice(&u32::MAX.to_le_bytes());
        dims.extend_from_slice(&[0, 0, 10, 0, 0, 0]);
        let declared = biff(&[], &[vec![record(0x0200, &dims), number(0, 0)]], &[0]);
        let err = check_biff(&declared, &limits).unwrap_err();
        assert!(err.to_string().contains("declares"), "{err}");
        // 2000 x 1000 cells: within the limit once, over it when listed five times.
        let sheet = vec![number(0, 0), number(1999, 999)];
        let once = biff(&[], std::slice::from_ref(&sheet), &[0]);
        assert_eq!(
            check_biff(&once, &limits).unwrap().sheets,
            vec![(2000, 1000)]
        );
        let five = biff(&[], &[sheet], &[0, 0, 0, 0, 0]);
        let err = check_biff(&five, &limits).unwrap_err();
        assert!(err.to_string().contains("5 sheets span more than"), "{err}");
    }

    #[test]
    fn biff_shared_strings_copied_into_many_cells_count() {
        // One shared string of 60,000 wide characters, split over a CONTINUE record.
        let mut sst = 1u32.to_le_bytes().to_vec();
        sst.extend_from_slice(&1u32.to_le_bytes());
        sst.extend_from_slice(&60_000u16.to_le_bytes());
        sst.push(1);
        sst.extend(std::iter::repeat_n(0x41, 8000));
        let mut cont = vec![1u8];
        cont.extend(std::iter::repeat_n(0x41, 8000));
        assert_eq!(sst_text_bytes(&[&sst, &cont]), vec![180_000]);
        let labelsst = |r: u16, c: u16| {
            let mut d = r.to_le_bytes().to_vec();
            d.extend_from_slice(&c.to_le_bytes());
            d.extend_from_slice(&[0, 0, 0, 0, 0, 0]);
            record(0x00FD, &d)
        };
        let globals = [record(0x00FC, &sst), record(0x003C, &cont)];
        let few: Vec<_> = (0..100).map(|r| labelsst(r, 0)).collect();
        assert!(check_biff(&biff(&globals, &[few], &[0]), &Limits::default()).is_ok());
        // 6,000 cells of 180,000 bytes each: more than 1 GiB once read.
        let many: Vec<_> = (0..6000).map(|r| labelsst(r, 0)).collect();
        let err = check_biff(&biff(&globals, &[many], &[0]), &Limits::default()).unwrap_err();
        assert!(err.to_string().contains("text would take"), "{err}");
    }

    #[test]
    fn short_or_garbled_compound_files_are_corrupt() {
        assert!(matches!(
            check_cfb(&[0u8; 100]),
            Err(SourceError::Corrupt(_))
        ));
        let mut h = vec![0u8; 1024];
        h[..8].copy_from_slice(&[0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1]);
        assert!(
            check_cfb(&h)
                .unwrap_err()
                .to_string()
                .contains("byte-order")
        );
    }
}
