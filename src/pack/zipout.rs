//! The zip container of the consolidated workbook, written entry by entry from data that is
//! already compressed: parts copied from the workbook rust_xlsxwriter wrote, and ledger parts
//! assembled from deflate segments ([`super::deflate`]).
//!
//! Entries carry their sizes and CRC-32 in the local header (no data descriptors), a fixed
//! timestamp (1980-01-01, so the same inputs give the same bytes), and ZIP64 fields only where
//! a size or an offset needs them: LibreOffice refuses a ZIP64 entry it could have done without.

use std::io::{self, Write};

/// How an entry's data is stored.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Method {
    /// As is.
    Stored,
    /// Raw deflate.
    Deflated,
}

impl Method {
    fn code(self) -> u16 {
        match self {
            Method::Stored => 0,
            Method::Deflated => 8,
        }
    }
}

/// What the central directory records of an entry.
#[derive(Debug, Clone)]
struct Entry {
    name: String,
    method: Method,
    crc: u32,
    compressed: u64,
    size: u64,
    offset: u64,
}

/// Counts what goes through to the writer.
struct Counting<W> {
    inner: W,
    written: u64,
}

impl<W: Write> Write for Counting<W> {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        let n = self.inner.write(buf)?;
        self.written += n as u64;
        Ok(n)
    }
    fn flush(&mut self) -> io::Result<()> {
        self.inner.flush()
    }
}

/// A zip archive being written.
pub(crate) struct ZipOut<W: Write> {
    w: Counting<W>,
    entries: Vec<Entry>,
    /// Sizes and offsets from this value on are written as ZIP64 fields (0xFFFFFFFF in use;
    /// lower only in tests).
    zip64_from: u64,
}

const MAX32: u64 = 0xFFFF_FFFF;
/// 1980-01-01 00:00 in MS-DOS date and time.
const DOS_DATE: u16 = (1 << 5) | 1;
const DOS_TIME: u16 = 0;

impl<W: Write> ZipOut<W> {
    /// An empty archive writing to `w`.
    pub(crate) fn new(w: W) -> ZipOut<W> {
        ZipOut {
            w: Counting {
                inner: w,
                written: 0,
            },
            entries: Vec::new(),
            zip64_from: MAX32,
        }
    }

    #[cfg(test)]
    /// Uses ZIP64 fields for sizes and offsets from `n` on (for tests of the ZIP64 layout
    /// without writing 4 GiB).
    #[doc(hidden)]
    pub(crate) fn zip64_from(mut self, n: u64) -> Self {
        self.zip64_from = n.min(MAX32);
        self
    }

    /// Adds an entry whose `compressed` bytes `data` writes (already compressed by `method`);
    /// `crc` and `size` are those of the uncompressed content. Fails when `data` writes another
    /// number of bytes.
    pub(crate) fn add(
        &mut self,
        name: &str,
        method: Method,
        crc: u32,
        size: u64,
        compressed: u64,
        data: impl FnOnce(&mut dyn Write) -> io::Result<()>,
    ) -> io::Result<()> {
        let offset = self.w.written;
        let big = size >= self.zip64_from || compressed >= self.zip64_from;
        let mut h = Vec::with_capacity(64 + name.len());
        put32(&mut h, 0x0403_4b50);
        put16(&mut h, if big { 45 } else { 20 });
        put16(&mut h, flags(name));
        put16(&mut h, method.code());
        put16(&mut h, DOS_TIME);
        put16(&mut h, DOS_DATE);
        put32(&mut h, crc);
        let (c32, s32) = if big {
            (MAX32, MAX32)
        } else {
            (compressed, size)
        };
        put32(&mut h, c32 as u32);
        put32(&mut h, s32 as u32);
        put16(&mut h, name.len() as u16);
        put16(&mut h, if big { 20 } else { 0 });
        h.extend_from_slice(name.as_bytes());
        if big {
            put16(&mut h, 0x0001);
            put16(&mut h, 16);
            put64(&mut h, size);
            put64(&mut h, compressed);
        }
        self.w.write_all(&h)?;
        let before = self.w.written;
        data(&mut self.w)?;
        let wrote = self.w.written - before;
        if wrote != compressed {
            return Err(io::Error::other(format!(
                "{name}: {wrote} bytes written where {compressed} were announced"
            )));
        }
        self.entries.push(Entry {
            name: name.to_string(),
            method,
            crc,
            compressed,
            size,
            offset,
        });
        Ok(())
    }

    /// Writes the central directory and returns the writer.
    pub(crate) fn finish(mut self) -> io::Result<W> {
        let start = self.w.written;
        let z = self.zip64_from;
        let mut cd = Vec::new();
        for e in &self.entries {
            let mut extra = Vec::new();
            if e.size >= z {
                put64(&mut extra, e.size);
            }
            if e.compressed >= z {
                put64(&mut extra, e.compressed);
            }
            if e.offset >= z {
                put64(&mut extra, e.offset);
            }
            let big = !extra.is_empty() || e.size >= z || e.compressed >= z;
            let clip = |v: u64| if v >= z { MAX32 } else { v } as u32;
            put32(&mut cd, 0x0201_4b50);
            put16(&mut cd, if big { 45 } else { 20 });
            put16(&mut cd, if big { 45 } else { 20 });
            put16(&mut cd, flags(&e.name));
            put16(&mut cd, e.method.code());
            put16(&mut cd, DOS_TIME);
            put16(&mut cd, DOS_DATE);
            put32(&mut cd, e.crc);
            put32(&mut cd, clip(e.compressed));
            put32(&mut cd, clip(e.size));
            put16(&mut cd, e.name.len() as u16);
            put16(
                &mut cd,
                if extra.is_empty() {
                    0
                } else {
                    extra.len() as u16 + 4
                },
            );
            put16(&mut cd, 0); // comment
            put16(&mut cd, 0); // disk
            put16(&mut cd, 0); // internal attributes
            put32(&mut cd, 0); // external attributes
            put32(&mut cd, clip(e.offset));
            cd.extend_from_slice(e.name.as_bytes());
            if !extra.is_empty() {
                put16(&mut cd, 0x0001);
                put16(&mut cd, extra.len() as u16);
                cd.extend_from_slice(&extra);
            }
        }
        self.w.write_all(&cd)?;
        let size = cd.len() as u64;
        let count = self.entries.len() as u64;
        let mut end = Vec::new();
        let zip64 = count >= 0xFFFF || size >= z || start >= z;
        if zip64 {
            let at = self.w.written;
            put32(&mut end, 0x0606_4b50);
            put64(&mut end, 44);
            put16(&mut end, 45);
            put16(&mut end, 45);
            put32(&mut end, 0);
            put32(&mut end, 0);
            put64(&mut end, count);
            put64(&mut end, count);
            put64(&mut end, size);
            put64(&mut end, start);
            put32(&mut end, 0x0706_4b50);
            put32(&mut end, 0);
            put64(&mut end, at);
            put32(&mut end, 1);
        }
        let clip16 = |v: u64| {
            if zip64 && v >= 0xFFFF {
                0xFFFF
            } else {
                v as u16
            }
        };
        let clip32 = |v: u64| if v >= z { MAX32 } else { v } as u32;
        put32(&mut end, 0x0605_4b50);
        put16(&mut end, 0);
        put16(&mut end, 0);
        put16(&mut end, clip16(count));
        put16(&mut end, clip16(count));
        put32(&mut end, clip32(size));
        put32(&mut end, clip32(start));
        put16(&mut end, 0);
        self.w.write_all(&end)?;
        self.w.flush()?;
        Ok(self.w.inner)
    }
}

/// General-purpose flags: bit 11 when the name is not ASCII (it is UTF-8).
fn flags(name: &str) -> u16 {
    if name.is_ascii() { 0 } else { 1 << 11 }
}

fn put16(v: &mut Vec<u8>, x: u16) {
    v.extend_from_slice(&x.to_le_bytes());
}

fn put32(v: &mut Vec<u8>, x: u32) {
    v.extend_from_slice(&x.to_le_bytes());
}

fn put64(v: &mut Vec<u8>, x: u64) {
    v.extend_from_slice(&x.to_le_bytes());
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_stored_entry_reads_back() {
        let data = b"hello";
        let mut z = ZipOut::new(Vec::new());
        z.add(
            "a.txt",
            Method::Stored,
            crc32fast::hash(data),
            data.len() as u64,
            data.len() as u64,
            |w| w.write_all(data),
        )
        .unwrap();
        let bytes = z.finish().unwrap();
        let mut zip = zip::ZipArchive::new(std::io::Cursor::new(bytes)).unwrap();
        assert_eq!(zip.by_name("a.txt").unwrap().size(), 5);
    }
    use std::io::{Cursor, Read};

    fn archive(zip64_from: u64) -> Vec<u8> {
        let texts: Vec<Vec<u8>> = (0..3)
            .map(|i| format!("part {i} ").repeat(200 * (i + 1)).into_bytes())
            .collect();
        let mut z = ZipOut::new(Vec::new()).zip64_from(zip64_from);
        for (i, t) in texts.iter().enumerate() {
            if i == 1 {
                let (seg, _) = crate::pack::deflate::segment(t, 6).unwrap();
                // A sync-flushed segment is not final: end the stream with an empty final block.
                let mut data = seg;
                data.extend_from_slice(&[0x03, 0x00]);
                let n = data.len() as u64;
                z.add(
                    "xl/中文.xml",
                    Method::Deflated,
                    crc32fast::hash(t),
                    t.len() as u64,
                    n,
                    |w| w.write_all(&data),
                )
                .unwrap();
            } else {
                z.add(
                    &format!("p{i}.txt"),
                    Method::Stored,
                    crc32fast::hash(t),
                    t.len() as u64,
                    t.len() as u64,
                    |w| w.write_all(t),
                )
                .unwrap();
            }
        }
        z.finish().unwrap()
    }

    fn read_back(bytes: Vec<u8>) -> Vec<(String, String)> {
        let mut zip = zip::ZipArchive::new(Cursor::new(bytes)).unwrap();
        (0..zip.len())
            .map(|i| {
                let mut f = zip.by_index(i).unwrap();
                let mut s = String::new();
                f.read_to_string(&mut s).unwrap();
                (f.name().unwrap().to_string(), s)
            })
            .collect()
    }

    #[test]
    fn entries_read_back_with_and_without_zip64() {
        let plain = read_back(archive(MAX32));
        assert_eq!(plain.len(), 3);
        assert_eq!(plain[1].0, "xl/中文.xml");
        assert!(plain[1].1.starts_with("part 1 part 1"));
        assert_eq!(plain[2].1.len(), "part 2 ".len() * 600);
        // Every size and offset above 10 bytes as ZIP64 fields: the same content.
        assert_eq!(read_back(archive(10)), plain);
    }

    #[test]
    fn zip64_only_where_needed() {
        let bytes = archive(MAX32);
        assert!(!bytes.windows(4).any(|w| w == [0x50, 0x4b, 0x06, 0x06]));
        let bytes = archive(10);
        assert!(bytes.windows(4).any(|w| w == [0x50, 0x4b, 0x06, 0x06]));
    }

    #[test]
    fn a_wrong_announced_size_is_an_error() {
        let mut z = ZipOut::new(Vec::new());
        let err = z
            .add("a", Method::Stored, 0, 3, 3, |w| w.write_all(b"ab"))
            .unwrap_err();
        assert!(err.to_string().contains("announced"));
    }
}
