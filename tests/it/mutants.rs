//! Mutants of the sample ledgers — truncated, bytes flipped, XML parts edited — each end in a
//! report or a clear error: read one by one in this process (a panic or an abort would end the
//! test), and all together by the binary within 2 GiB and a time limit.

use crate::support;

use crate::support::root;
use std::io::{Read, Write};
use std::path::Path;

struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }
}

/// An edit of a zip part: its name and bytes in, its new bytes (or `None` to drop it) out.
type PartEdit = dyn Fn(&str, Vec<u8>) -> Option<Vec<u8>>;

/// Rewrites the parts of a zip package through `edit`.
fn edit_zip(bytes: &[u8], edit: &PartEdit) -> Vec<u8> {
    let mut zin = zip::ZipArchive::new(std::io::Cursor::new(bytes)).unwrap();
    let mut out = std::io::Cursor::new(Vec::new());
    {
        let mut zout = zip::ZipWriter::new(&mut out);
        let opts = zip::write::SimpleFileOptions::default()
            .compression_method(zip::CompressionMethod::Deflated);
        for i in 0..zin.len() {
            let mut f = zin.by_index(i).unwrap();
            let name = f.name().unwrap().to_string();
            let mut data = Vec::new();
            f.read_to_end(&mut data).unwrap();
            if let Some(d) = edit(&name, data) {
                zout.start_file(name, opts).unwrap();
                zout.write_all(&d).unwrap();
            }
        }
        zout.finish().unwrap();
    }
    out.into_inner()
}

fn mutants(name: &str, bytes: &[u8], rng: &mut Rng) -> Vec<(String, Vec<u8>)> {
    let mut out = Vec::new();
    let n = bytes.len();
    for k in 1..8 {
        out.push((format!("trunc{k}-{name}"), bytes[..n * k / 8].to_vec()));
    }
    for at in [0, 1, 7, 100, n.saturating_sub(22), n - 1] {
        out.push((format!("cut{at}-{name}"), bytes[..at.min(n)].to_vec()));
    }
    for k in 0..24 {
        let mut b = bytes.to_vec();
        for _ in 0..(1 + k % 4) {
            let i = (rng.next() as usize) % n;
            b[i] ^= (rng.next() as u8) | 1;
        }
        out.push((format!("flip{k}-{name}"), b));
    }
    if bytes.starts_with(b"PK") {
        let xml_edits: Vec<(&str, Box<PartEdit>)> = vec![
            (
                "halfxml",
                Box::new(|n: &str, d: Vec<u8>| {
                    Some(if n.ends_with(".xml") {
                        d[..d.len() / 2].to_vec()
                    } else {
                        d
                    })
                }),
            ),
            (
                "illformed",
                Box::new(|n: &str, d: Vec<u8>| {
                    Some(if n.ends_with(".xml") {
                        String::from_utf8_lossy(&d)
                            .replacen("</", "<", 3)
                            .into_bytes()
                    } else {
                        d
                    })
                }),
            ),
            (
                "refs",
                Box::new(|n: &str, d: Vec<u8>| {
                    Some(if n.contains("sheet") || n == "content.xml" {
                        String::from_utf8_lossy(&d)
                            .replace(" r=\"", " r=\"ZZZZZZ99999999")
                            .replace(
                                "number-columns-repeated=\"",
                                "number-columns-repeated=\"99999",
                            )
                            .replace("number-rows-spanned=\"", "number-rows-spanned=\"9999999")
                            .into_bytes()
                    } else {
                        d
                    })
                }),
            ),
            (
                "values",
                Box::new(|n: &str, d: Vec<u8>| {
                    Some(if n.ends_with(".xml") {
                        String::from_utf8_lossy(&d)
                            .replace("<v>", "<v>1e999999")
                            .replace("office:value=\"", "office:value=\"NaN")
                            .into_bytes()
                    } else {
                        d
                    })
                }),
            ),
            (
                "nosst",
                Box::new(|n: &str, d: Vec<u8>| {
                    (!n.contains("sharedStrings") && !n.contains("styles")).then_some(d)
                }),
            ),
            (
                "noworkbook",
                Box::new(|n: &str, d: Vec<u8>| {
                    (!n.ends_with("workbook.xml") && n != "content.xml").then_some(d)
                }),
            ),
            (
                "mergebig",
                Box::new(|n: &str, d: Vec<u8>| {
                    Some(if n.contains("worksheets/sheet") {
                        String::from_utf8_lossy(&d)
                            .replace(
                                "<mergeCell ref=\"",
                                "<mergeCell ref=\"A1:XFD1048576\"/><mergeCell ref=\"",
                            )
                            .into_bytes()
                    } else {
                        d
                    })
                }),
            ),
        ];
        for (tag, f) in xml_edits {
            out.push((format!("{tag}-{name}"), edit_zip(bytes, f.as_ref())));
        }
    }
    out
}

fn all_mutants(dir: &Path) -> usize {
    let mut rng = Rng(0x9E37_79B9_7F4A_7C15);
    let mut count = 0;
    for e in std::fs::read_dir(root().join("samples")).unwrap() {
        let p = e.unwrap().path();
        let name = p.file_name().unwrap().to_string_lossy().to_string();
        if !taizhang::source::is_candidate_name(&name) {
            continue;
        }
        let bytes = std::fs::read(&p).unwrap();
        for (m, b) in mutants(&name, &bytes, &mut rng) {
            std::fs::write(dir.join(m), b).unwrap();
            count += 1;
        }
    }
    count
}

#[test]
fn every_mutant_ends_in_a_report_or_a_clear_error() {
    let dir = tempfile::tempdir().unwrap();
    let count = all_mutants(dir.path());
    assert!(count > 200, "{count} mutants");
    let settings =
        taizhang::config::Settings::new(chrono::NaiveDate::from_ymd_opt(2023, 3, 30).unwrap());
    let (mut read, mut unreadable) = (0, 0);
    for input in taizhang::source::discover(&[dir.path().to_path_buf()]) {
        let r = taizhang::pipeline::process_file(&input, &settings);
        match &r.record.error {
            Some(e) => {
                // A reader that panics is contained, but it is a bug, not a reason.
                assert!(
                    !matches!(e, taizhang::source::SourceError::ReaderFailed(_)),
                    "{}: a reader panicked: {e}",
                    input.display
                );
                assert!(
                    e.to_string().chars().count() > 6,
                    "{}: a reason: {e}",
                    input.display
                );
                unreadable += 1;
            }
            None => read += 1,
        }
    }
    eprintln!("mutants: {count}; read {read}, unreadable {unreadable}");
    assert_eq!(read + unreadable, count);

    // All together, through the binary, within 2 GiB and two minutes.
    let (out, code, secs) =
        support::run_limited(dir.path(), &["check", ".", "--format", "json"], 120);
    assert!(
        matches!(code, Some(0) | Some(1)),
        "exit {code:?}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(v["inputs"].as_array().unwrap().len(), count);
    eprintln!("one run over {count} mutants: {secs:.1}s");
}
