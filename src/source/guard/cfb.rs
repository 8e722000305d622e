//! The compound file (OLE) container of `.xls` and of encrypted OOXML, walked before any
//! reader trusts its chains.

use crate::source::SourceError;

const FREESECT: u32 = 0xFFFF_FFFF;
const ENDOFCHAIN: u32 = 0xFFFF_FFFE;
const MAXREGSECT: u32 = 0xFFFF_FFFA;

/// What a compound file (the OLE container of `.xls` and of encrypted OOXML) holds, once its
/// structure has been checked.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct CompoundFile {
    /// Names of the streams and storages in its directory.
    pub(crate) entries: Vec<String>,
    /// The content of the `Workbook` (or `Book`) stream, when there is one.
    pub(crate) workbook: Option<Vec<u8>>,
}

impl CompoundFile {
    /// True when the directory has an entry of this name (case-insensitive).
    pub(crate) fn has(&self, name: &str) -> bool {
        self.entries.iter().any(|e| e.eq_ignore_ascii_case(name))
    }
}

/// Walks a compound file's header, DIFAT, FAT, directory and every stream's sector chain, and
/// fails on a chain that loops or points outside the file.
pub(crate) fn check_cfb(bytes: &[u8]) -> Result<CompoundFile, SourceError> {
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

#[cfg(test)]
mod tests {
    use super::*;

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
