//! `check` over the real-world corpus in `tests/fixtures/corpus/` (files written by other
//! programs and people): every file ends in a report or in an `unreadable-file` finding with a
//! reason — never a panic, an abort or a hang. A reader that panics is contained, but it is a
//! bug: only the known upstream panics in [`KNOWN_READER_PANICS`] may.

use std::path::PathBuf;
use taizhang::config::Settings;
use taizhang::finding::Rule;
use taizhang::pipeline::process_file;
use taizhang::source::{Input, SourceError};

/// Files on which a dependency's reader panics (contained, reported as `unreadable-file`):
/// `poi/Simple.xlsb` makes calamine's xlsb reader index out of bounds.
const KNOWN_READER_PANICS: [&str; 1] = ["poi/Simple.xlsb"];

/// The corpus, copied into the repository with its licences (`tests/fixtures/corpus/README.md`).
fn corpus() -> PathBuf {
    let p = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/corpus");
    assert!(
        p.join("MANIFEST.tsv").exists(),
        "the real-world corpus is missing: expected {}",
        p.display()
    );
    p
}

/// (path, format, notes) of every file in the manifest.
fn manifest(root: &std::path::Path) -> Vec<(String, String, String)> {
    let text = std::fs::read_to_string(root.join("MANIFEST.tsv")).unwrap();
    let mut lines = text.lines();
    let header: Vec<&str> = lines.next().unwrap().split('\t').collect();
    let col = |name: &str| header.iter().position(|h| *h == name).unwrap();
    let (p, f, n) = (col("path"), col("format"), col("notes"));
    lines
        .map(|l| {
            let c: Vec<&str> = l.split('\t').collect();
            (c[p].to_string(), c[f].to_string(), c[n].to_string())
        })
        .collect()
}

/// True for files the manifest marks as encrypted, corrupt or hostile.
fn marked(format: &str, notes: &str) -> bool {
    let text = format!("{format} {notes}").to_lowercase();
    [
        "encrypt",
        "password",
        "corrupt",
        "hostile",
        "fuzz",
        "oom",
        "out-of-memory",
        "bomb",
        "attack",
        "denial",
        "dos ",
        "crash",
        "poc",
        "xxe",
        "entity",
        "loop",
        "truncat",
        "invalid",
    ]
    .iter()
    .any(|w| text.contains(w))
}

fn settings() -> Settings {
    Settings::new(chrono::NaiveDate::from_ymd_opt(2023, 3, 30).unwrap())
}

#[test]
fn every_unmarked_file_reads_or_fails_with_a_reason() {
    let root = corpus();
    let s = settings();
    let mut tally = [0usize; 3]; // read, no ledger, unreadable
    let files: Vec<_> = manifest(&root)
        .into_iter()
        .filter(|(_, f, n)| !marked(f, n))
        .collect();
    assert!(
        files.len() > 250,
        "the manifest lists the corpus ({} files)",
        files.len()
    );
    for (path, _, _) in &files {
        let input = Input::new(root.join(path));
        let r = process_file(&input, &s);
        if !r.ledgers.is_empty() {
            tally[0] += 1;
        } else if let Some(f) = r.findings.iter().find(|f| f.rule == Rule::UnreadableFile) {
            tally[2] += 1;
            let message = taizhang::messages::findings::message(f, taizhang::Lang::Zh);
            assert!(message.len() > 12, "{path}: a reason is given: {message}");
            if matches!(r.record.error, Some(SourceError::ReaderFailed(_))) {
                assert!(
                    KNOWN_READER_PANICS.contains(&path.as_str()),
                    "{path}: a reader panicked: {message}"
                );
            }
            assert!(
                r.record.error.is_some(),
                "{path}: the input record carries the error"
            );
        } else {
            assert!(
                r.findings.iter().any(|f| f.rule == Rule::NoLedger),
                "{path}: neither a ledger nor a finding saying why not"
            );
            tally[1] += 1;
        }
    }
    eprintln!(
        "corpus: {} files; {} with ledgers, {} without a ledger, {} unreadable",
        files.len(),
        tally[0],
        tally[1],
        tally[2]
    );
    assert!(
        tally[1] > 200,
        "most real spreadsheets are read (and hold no ledger)"
    );
}

#[test]
fn both_date_systems_give_the_same_dates() {
    let root = corpus();
    let limits = taizhang::source::guard::Limits::default();
    let mut seen = Vec::new();
    for f in [
        "calamine/date.xlsx",
        "calamine/date_1904.xlsx",
        "calamine/date_1904.xls",
        "calamine/date_1904.xlsb",
    ] {
        let path = root.join(f);
        let bytes = std::fs::read(&path).unwrap();
        let ext = path.extension().unwrap().to_str().unwrap();
        let format = taizhang::source::sniff(&bytes, ext).unwrap();
        let sheets = taizhang::source::parse(&bytes, format, "s", &limits).unwrap();
        let a1 = sheets[0].value(0, 0).unwrap().display();
        let a2 = sheets[0].value(1, 0).unwrap().display();
        seen.push((f, a1, a2));
    }
    for (f, a1, a2) in &seen {
        assert_eq!(
            (a1.as_str(), a2.as_str()),
            ("2021-01-01", "2021-01-02"),
            "{f}"
        );
    }
}

#[test]
fn merged_regions_are_read_from_xlsx_xls_and_ods() {
    let root = corpus();
    let limits = taizhang::source::guard::Limits::default();
    for (f, want) in [
        ("calamine/merge_cells.xls", 3usize),
        ("calamine/merged_cells.ods", 1),
        ("rust_xlsxwriter/merge_range01.xlsx", 1),
    ] {
        let path = root.join(f);
        let bytes = std::fs::read(&path).unwrap();
        let ext = path.extension().unwrap().to_str().unwrap();
        let format = taizhang::source::sniff(&bytes, ext).unwrap();
        let sheets = taizhang::source::parse(&bytes, format, "s", &limits).unwrap();
        assert_eq!(sheets[0].merges.len(), want, "{f}");
    }
}
