//! Raw deflate for the workbook's large parts, done while the rows are still coming.
//!
//! A sheet's rows are compressed as they are written — the ledger's on the reading threads,
//! file by file ([`Segment`]), the findings' on a thread of their own ([`Deflater`]) — each
//! piece ending with a sync flush, on a byte boundary, without ending the stream. The part is
//! assembled when the workbook is finished: the sheet's head, the pieces of rows in order, and
//! the sheet's tail, which ends the stream ([`final_segment`]); its CRC-32 is combined from
//! theirs ([`crc32fast::Hasher::combine`]). Nothing is inflated or compressed twice.

use crate::pool::{self, Feed};
use flate2::{Compress, Compression, FlushCompress, Status};
use std::io::{self, BufWriter, Seek, Write};

/// Compressed rows written to a temporary file, with what a zip entry needs of them.
#[derive(Debug)]
pub(crate) struct Deflated {
    /// The compressed bytes, rewound.
    pub(crate) file: std::fs::File,
    /// The CRC-32 state over the uncompressed bytes.
    pub(crate) crc: crc32fast::Hasher,
    /// Uncompressed bytes.
    pub(crate) raw_len: u64,
    /// Compressed bytes.
    pub(crate) len: u64,
}

/// Compresses `input` into `out` (appending); `flush` as zlib's.
fn deflate_into(
    z: &mut Compress,
    mut input: &[u8],
    flush: FlushCompress,
    out: &mut Vec<u8>,
) -> io::Result<()> {
    loop {
        if out.capacity() - out.len() < 64 * 1024 {
            out.reserve(256 * 1024);
        }
        let before = z.total_in();
        let status = z
            .compress_vec(input, out, flush)
            .map_err(|e| io::Error::other(e.to_string()))?;
        input = &input[(z.total_in() - before) as usize..];
        let room_left = out.capacity() > out.len();
        match flush {
            FlushCompress::Finish if status == Status::StreamEnd => return Ok(()),
            FlushCompress::Finish => {}
            _ if input.is_empty() && room_left => return Ok(()),
            _ => {}
        }
    }
}

/// A deflate segment that ends on a byte boundary without ending the stream, and its CRC-32:
/// the head of a part.
pub(crate) fn segment(input: &[u8], level: u32) -> io::Result<(Vec<u8>, crc32fast::Hasher)> {
    whole_segment(input, level, FlushCompress::Sync)
}

fn whole_segment(
    input: &[u8],
    level: u32,
    flush: FlushCompress,
) -> io::Result<(Vec<u8>, crc32fast::Hasher)> {
    let mut z = Compress::new(Compression::new(level), false);
    let mut out = Vec::with_capacity(input.len() / 2 + 64);
    deflate_into(&mut z, input, flush, &mut out)?;
    let mut crc = crc32fast::Hasher::new();
    crc.update(input);
    Ok((out, crc))
}

/// A deflate segment that ends the stream, and its CRC-32: the tail of a part.
pub(crate) fn final_segment(input: &[u8], level: u32) -> io::Result<(Vec<u8>, crc32fast::Hasher)> {
    whole_segment(input, level, FlushCompress::Finish)
}

/// Compresses a run of bytes given in pieces into one segment that ends on a byte boundary
/// without ending the stream: a reading thread's rows of one sheet.
#[derive(Debug)]
pub(crate) struct Segment {
    z: Compress,
    /// The compressed bytes so far.
    pub(crate) bytes: Vec<u8>,
    /// The CRC-32 state over the bytes given.
    pub(crate) crc: crc32fast::Hasher,
    /// The bytes given.
    pub(crate) raw_len: u64,
}

impl Segment {
    /// An empty segment at a deflate level (0–9).
    pub(crate) fn new(level: u32) -> Segment {
        Segment {
            z: Compress::new(Compression::new(level), false),
            bytes: Vec::new(),
            crc: crc32fast::Hasher::new(),
            raw_len: 0,
        }
    }

    /// Compresses more bytes.
    pub(crate) fn write(&mut self, input: &[u8]) -> io::Result<()> {
        self.crc.update(input);
        self.raw_len += input.len() as u64;
        deflate_into(&mut self.z, input, FlushCompress::None, &mut self.bytes)
    }

    /// Ends the segment on a byte boundary.
    pub(crate) fn finish(mut self) -> io::Result<Segment> {
        deflate_into(&mut self.z, &[], FlushCompress::Sync, &mut self.bytes)?;
        self.bytes.shrink_to_fit();
        Ok(self)
    }
}

/// Segments of one part's rows gathered in order in a temporary file.
#[derive(Debug)]
pub(crate) struct SegmentFile {
    w: BufWriter<std::fs::File>,
    crc: crc32fast::Hasher,
    raw_len: u64,
    len: u64,
}

impl SegmentFile {
    /// An empty file.
    pub(crate) fn new() -> io::Result<SegmentFile> {
        Ok(SegmentFile {
            w: BufWriter::with_capacity(1 << 20, tempfile::tempfile()?),
            crc: crc32fast::Hasher::new(),
            raw_len: 0,
            len: 0,
        })
    }

    /// Appends a finished segment.
    pub(crate) fn append(&mut self, s: &Segment) -> io::Result<()> {
        self.w.write_all(&s.bytes)?;
        self.crc.combine(&s.crc);
        self.raw_len += s.raw_len;
        self.len += s.bytes.len() as u64;
        Ok(())
    }

    /// The segments, rewound.
    pub(crate) fn finish(self) -> io::Result<Deflated> {
        let mut file = self.w.into_inner().map_err(|e| e.into_error())?;
        file.rewind()?;
        Ok(Deflated {
            file,
            crc: self.crc,
            raw_len: self.raw_len,
            len: self.len,
        })
    }
}

/// Compresses the chunks it is sent on several threads, each chunk a segment of its own
/// ([`Segment`]), gathered in the order sent into a temporary file: [`Deflater`] for a part
/// too large for one thread to keep up with (a long report's document). What is sent may be
/// made into bytes on those threads too ([`ParallelDeflater::rendering`]).
pub(crate) struct ParallelDeflater<J: Send + 'static = Vec<u8>> {
    feed: Option<Feed<J, io::Result<Deflated>>>,
    sent: usize,
}

impl<J: Send + 'static> std::fmt::Debug for ParallelDeflater<J> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("ParallelDeflater")
            .field("sent", &self.sent)
            .finish_non_exhaustive()
    }
}

/// What a compressing thread's end says: its result, or why it stopped.
fn ended(feed: Option<Feed<impl Send, io::Result<Deflated>>>) -> io::Result<Deflated> {
    match feed.map(Feed::finish) {
        Some(Ok(r)) => r,
        Some(Err(_)) => Err(io::Error::other("the compressing thread failed")),
        None => Err(io::Error::other("the stream was already finished")),
    }
}

impl<J: Send + 'static> ParallelDeflater<J> {
    /// Starts a stream at a deflate level (0–9) on `threads` threads, each job sent made into
    /// the bytes to compress by `render` on the thread that compresses it.
    pub(crate) fn rendering(
        level: u32,
        threads: usize,
        render: impl Fn(J) -> io::Result<Vec<u8>> + Send + Sync + 'static,
    ) -> io::Result<ParallelDeflater<J>> {
        let threads = threads.max(1);
        // The jobs are compressed on `threads` threads and their segments gathered in order
        // on the feed's thread, at most `2 × threads` jobs between sent and gathered.
        let feed = Feed::spawn("deflate-order", threads * 2, move |jobs| {
            let compress = |job: J| {
                render(job).and_then(|chunk| {
                    let mut seg = Segment::new(level);
                    seg.write(&chunk).and_then(|()| seg.finish())
                })
            };
            pool::ordered(jobs, threads, threads * 2, compress, |segments| {
                let mut file = SegmentFile::new()?;
                for seg in segments {
                    file.append(&seg.map_err(|p| io::Error::other(p.to_string()))??)?;
                }
                file.finish()
            })
        })?;
        Ok(ParallelDeflater {
            feed: Some(feed),
            sent: 0,
        })
    }

    /// Sends a job to be compressed after those before it.
    pub(crate) fn send(&mut self, job: J) -> io::Result<()> {
        match self.feed.as_mut().map(|f| f.send(job)) {
            Some(Ok(())) => {
                self.sent += 1;
                Ok(())
            }
            _ => Err(ended(self.feed.take())
                .err()
                .unwrap_or_else(|| io::Error::other("the compressing threads stopped early"))),
        }
    }

    /// Returns the compressed bytes of every job sent, which end on a byte boundary without
    /// ending the stream.
    pub(crate) fn finish(mut self) -> io::Result<Deflated> {
        ended(self.feed.take())
    }
}

/// Compresses the chunks it is sent on a thread of its own into a temporary file.
#[derive(Debug)]
pub(crate) struct Deflater {
    feed: Option<Feed<Vec<u8>, io::Result<Deflated>>>,
}

impl Deflater {
    /// Starts a stream at a deflate level (0–9).
    pub(crate) fn new(level: u32) -> io::Result<Deflater> {
        let file = tempfile::tempfile()?;
        let feed = Feed::spawn(
            "deflate",
            8,
            move |chunks: std::sync::mpsc::IntoIter<Vec<u8>>| {
                let mut z = Compress::new(Compression::new(level), false);
                let mut w = BufWriter::with_capacity(1 << 20, file);
                let mut crc = crc32fast::Hasher::new();
                let mut out = Vec::with_capacity(512 * 1024);
                let mut raw_len = 0u64;
                let mut len = 0u64;
                for chunk in chunks {
                    crc.update(&chunk);
                    raw_len += chunk.len() as u64;
                    out.clear();
                    deflate_into(&mut z, &chunk, FlushCompress::None, &mut out)?;
                    w.write_all(&out)?;
                    len += out.len() as u64;
                }
                out.clear();
                deflate_into(&mut z, &[], FlushCompress::Sync, &mut out)?;
                w.write_all(&out)?;
                len += out.len() as u64;
                let mut file = w.into_inner().map_err(|e| e.into_error())?;
                file.rewind()?;
                Ok(Deflated {
                    file,
                    crc,
                    raw_len,
                    len,
                })
            },
        )?;
        Ok(Deflater { feed: Some(feed) })
    }

    /// Sends a chunk to be compressed. Fails with the thread's error when it has stopped.
    pub(crate) fn send(&mut self, chunk: Vec<u8>) -> io::Result<()> {
        match self.feed.as_mut().map(|f| f.send(chunk)) {
            Some(Ok(())) => Ok(()),
            _ => Err(ended(self.feed.take())
                .err()
                .unwrap_or_else(|| io::Error::other("the compressing thread stopped early"))),
        }
    }

    /// Sends the last chunk and returns the compressed bytes, which end on a byte boundary
    /// without ending the stream.
    pub(crate) fn finish(mut self, last: Vec<u8>) -> io::Result<Deflated> {
        if !last.is_empty() {
            self.send(last)?;
        }
        ended(self.feed.take())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_segment_carries_its_crc() {
        let (bytes, crc) = segment(b"<worksheet>", 2).unwrap();
        assert!(!bytes.is_empty());
        assert_eq!(crc.clone().finalize(), crc32fast::hash(b"<worksheet>"));
    }
    use std::io::Read;

    #[test]
    fn a_head_segment_and_a_streamed_rest_inflate_to_the_whole() {
        let head = b"<worksheet><sheetData>".repeat(100);
        let rows: Vec<Vec<u8>> = (0..50)
            .map(|i| {
                format!("<row r=\"{i}\"><c><v>{i}</v></c></row>")
                    .repeat(2000)
                    .into_bytes()
            })
            .collect();
        let tail = b"</sheetData></worksheet>";
        let (seg, mut crc) = segment(&head, 2).unwrap();
        let mut d = Deflater::new(2).unwrap();
        for r in &rows[..25] {
            d.send(r.clone()).unwrap();
        }
        let mut rest = d.finish(Vec::new()).unwrap();
        let mut piece = Segment::new(2);
        for r in &rows[25..] {
            piece.write(r).unwrap();
        }
        let piece = piece.finish().unwrap();
        let (end, end_crc) = final_segment(tail, 2).unwrap();
        let mut all = seg.clone();
        rest.file.read_to_end(&mut all).unwrap();
        assert_eq!(all.len() as u64, seg.len() as u64 + rest.len);
        all.extend_from_slice(&piece.bytes);
        all.extend_from_slice(&end);
        let mut whole = head.clone();
        for r in &rows {
            whole.extend_from_slice(r);
        }
        whole.extend_from_slice(tail);
        let mut inflated = Vec::new();
        flate2::read::DeflateDecoder::new(&all[..])
            .read_to_end(&mut inflated)
            .unwrap();
        assert!(inflated == whole, "the segments inflate to the whole part");
        assert_eq!(
            head.len() as u64 + rest.raw_len + piece.raw_len + tail.len() as u64,
            whole.len() as u64
        );
        crc.combine(&rest.crc);
        crc.combine(&piece.crc);
        crc.combine(&end_crc);
        assert_eq!(crc.finalize(), crc32fast::hash(&whole));
    }

    #[test]
    fn an_empty_stream_is_a_valid_end() {
        let (seg, _) = segment(b"", 2).unwrap();
        let mut rest = Deflater::new(2).unwrap().finish(Vec::new()).unwrap();
        let mut all = seg;
        rest.file.read_to_end(&mut all).unwrap();
        all.extend_from_slice(&final_segment(b"", 2).unwrap().0);
        let mut inflated = Vec::new();
        flate2::read::DeflateDecoder::new(&all[..])
            .read_to_end(&mut inflated)
            .unwrap();
        assert!(inflated.is_empty());
    }

    #[test]
    fn chunks_compressed_on_several_threads_inflate_to_the_whole_in_order() {
        let chunk = |i: u32| {
            format!("<w:p>第{i}段</w:p>")
                .repeat(500 + i as usize * 37)
                .into_bytes()
        };
        let chunks: Vec<Vec<u8>> = (0..40u32).map(chunk).collect();
        let whole = chunks.concat();
        // Bytes sent as they are, and jobs made into the same bytes on the threads.
        let mut sent = ParallelDeflater::rendering(2, 3, Ok).unwrap();
        for c in &chunks {
            sent.send(c.clone()).unwrap();
        }
        let mut rendered = ParallelDeflater::rendering(2, 3, move |i: u32| Ok(chunk(i))).unwrap();
        for i in 0..40u32 {
            rendered.send(i).unwrap();
        }
        for z in [sent.finish().unwrap(), rendered.finish().unwrap()] {
            let mut d = z;
            let mut all = Vec::new();
            d.file.read_to_end(&mut all).unwrap();
            assert_eq!(all.len() as u64, d.len);
            all.extend_from_slice(&final_segment(b"", 2).unwrap().0);
            let mut inflated = Vec::new();
            flate2::read::DeflateDecoder::new(&all[..])
                .read_to_end(&mut inflated)
                .unwrap();
            assert!(inflated == whole, "in the order sent");
            assert_eq!(d.raw_len, whole.len() as u64);
            assert_eq!(d.crc.clone().finalize(), crc32fast::hash(&whole));
        }
    }
}
