//! Every output of the samples, byte for byte, against the files in `tests/fixtures/golden/`:
//! the consolidated workbook (both languages, and its JSON), `check` (human in both languages,
//! JSON), `convert` (xlsx, csv, json), `template`, `report` (.docx, .md, .txt), `verify`
//! (human, JSON) and `diff` (human, JSON, workbook) of two rounds.
//!
//! The golden files were written by the commit before a restructuring, so a restructuring
//! that changes no behaviour changes no byte. A change that is meant to change an output
//! rewrites them (`cargo test --test golden -- --ignored write_golden_files`) and says why in
//! its commit.

use crate::support::root;
use std::path::Path;
use std::process::Command;

fn copy_dir(from: &Path, to: &Path) {
    std::fs::create_dir_all(to).unwrap();
    for e in std::fs::read_dir(from).unwrap() {
        let e = e.unwrap();
        if e.file_type().unwrap().is_file() {
            std::fs::copy(e.path(), to.join(e.file_name())).unwrap();
        }
    }
}

/// Runs the binary in `dir`; writes its standard output and exit code as `name.stdout` and
/// `name.code` into `out`.
fn run(dir: &Path, out: &Path, name: &str, args: &[&str]) {
    let o = Command::new(env!("CARGO_BIN_EXE_taizhang"))
        .current_dir(dir)
        .env("NO_COLOR", "1")
        .args(args)
        .output()
        .unwrap();
    std::fs::write(out.join(format!("{name}.stdout")), &o.stdout).unwrap();
    std::fs::write(
        out.join(format!("{name}.code")),
        format!("{}\n", o.status.code().unwrap_or(-1)),
    )
    .unwrap();
}

/// Round 2 of the samples: in 重庆路北's CSV the first `6月底前` becomes `9月底前` and the first
/// `推进中` becomes `已完成`.
fn round_two(dir: &Path) {
    copy_dir(&dir.join("samples"), &dir.join("r2"));
    let p = dir.join("r2").join("重庆路北社区整改台账.csv");
    let bytes = std::fs::read(&p).unwrap();
    let (text, _, bad) = encoding_rs::GB18030.decode(&bytes);
    assert!(!bad);
    let text = text
        .replacen("6月底前", "9月底前", 1)
        .replacen("推进中", "已完成", 1);
    let (bytes, _, bad) = encoding_rs::GB18030.encode(&text);
    assert!(!bad);
    std::fs::write(&p, bytes).unwrap();
}

/// Produces every output into `out`, running in `dir` (which gets a copy of the samples).
fn produce(dir: &Path, out: &Path) {
    copy_dir(&root().join("samples"), &dir.join("samples"));
    let a = "2023-03-30";
    run(dir, out, "check-zh", &["check", "samples", "--as-of", a]);
    run(
        dir,
        out,
        "check-en",
        &["check", "samples", "--as-of", a, "--lang", "en"],
    );
    run(
        dir,
        out,
        "check-json",
        &["check", "samples", "--as-of", a, "--format", "json"],
    );
    run(
        dir,
        out,
        "merge-zh",
        &[
            "merge",
            "samples",
            "-o",
            "merge-zh.xlsx",
            "--as-of",
            a,
            "--json",
            "merge-zh.json",
        ],
    );
    run(
        dir,
        out,
        "merge-en",
        &[
            "merge",
            "samples",
            "-o",
            "merge-en.xlsx",
            "--as-of",
            a,
            "--lang",
            "en",
        ],
    );
    for (name, input, output) in [
        (
            "convert-xlsx",
            "samples/庆利社区整改台账.xlsx",
            "convert.xlsx",
        ),
        (
            "convert-csv",
            "samples/重庆路北社区整改台账.csv",
            "convert.csv",
        ),
        (
            "convert-json",
            "samples/自强社区整改台账.xls",
            "convert.json",
        ),
        (
            "convert-ods",
            "samples/重庆路南社区整改台账.ods",
            "convert-ods.xlsx",
        ),
    ] {
        run(
            dir,
            out,
            name,
            &["convert", input, "-o", output, "--as-of", a],
        );
    }
    run(dir, out, "template", &["template", "-o", "template.xlsx"]);
    run(
        dir,
        out,
        "template-c",
        &[
            "template",
            "-o",
            "template-c.xlsx",
            "--community",
            "庆利社区",
        ],
    );
    run(
        dir,
        out,
        "report-docx",
        &[
            "report",
            "samples",
            "-o",
            "report.docx",
            "--as-of",
            a,
            "--unit",
            "中共自强街道工作委员会",
            // The chart is drawn with a font of the machine: its own test checks it.
            "--no-chart",
        ],
    );
    run(
        dir,
        out,
        "report-md",
        &["report", "samples", "-o", "report.md", "--as-of", a],
    );
    run(
        dir,
        out,
        "report-txt",
        &["report", "merge-zh.xlsx", "-o", "report.txt", "--as-of", a],
    );
    run(
        dir,
        out,
        "verify",
        &[
            "verify",
            "merge-zh.xlsx",
            "--sources",
            "samples",
            "--expect",
            "measures=56",
            "--expect",
            "measures_done=30",
        ],
    );
    run(
        dir,
        out,
        "verify-json",
        &["verify", "merge-zh.xlsx", "--format", "json"],
    );
    run(dir, out, "verify-en", &["verify", "merge-en.xlsx"]);
    round_two(dir);
    run(
        dir,
        out,
        "merge-r2",
        &[
            "merge",
            "r2",
            "-o",
            "merge-r2.xlsx",
            "--as-of",
            "2023-04-15",
        ],
    );
    run(
        dir,
        out,
        "diff",
        &["diff", "merge-zh.xlsx", "merge-r2.xlsx", "-o", "diff.xlsx"],
    );
    run(
        dir,
        out,
        "diff-json",
        &["diff", "merge-zh.xlsx", "merge-r2.xlsx", "--format", "json"],
    );
    // The written files, moved beside the captured outputs.
    for f in [
        "merge-zh.xlsx",
        "merge-zh.json",
        "merge-en.xlsx",
        "convert.xlsx",
        "convert.csv",
        "convert.json",
        "convert-ods.xlsx",
        "template.xlsx",
        "template-c.xlsx",
        "report.docx",
        "report.md",
        "report.txt",
        "merge-r2.xlsx",
        "diff.xlsx",
    ] {
        let from = dir.join(f);
        if from.exists() {
            std::fs::rename(&from, out.join(f)).unwrap();
        }
    }
}

/// The parts of a zip package, in order, with the creation and modification times of
/// `docProps/core.xml` masked: `template` and `convert` stamp the time they run.
fn parts(bytes: &[u8]) -> Option<Vec<(String, Vec<u8>)>> {
    use std::io::Read;
    let mut z = zip::ZipArchive::new(std::io::Cursor::new(bytes)).ok()?;
    let stamp = regex::Regex::new(r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ").unwrap();
    let mut out = Vec::new();
    for i in 0..z.len() {
        let mut f = z.by_index(i).ok()?;
        let mut data = Vec::new();
        f.read_to_end(&mut data).ok()?;
        let name = f.name().ok()?.into_owned();
        if name == "docProps/core.xml" {
            let text = String::from_utf8(data).ok()?;
            let masked = stamp.replace_all(&text, "TIME").into_owned();
            data = masked.into_bytes();
        }
        out.push((name, data));
    }
    Some(out)
}

/// True when two files are zip packages whose parts are the same but for their time stamps.
fn same_package(a: &[u8], b: &[u8]) -> bool {
    matches!((parts(a), parts(b)), (Some(x), Some(y)) if x == y)
}

/// Rewrites the golden files from this build: `cargo test --test golden -- --ignored`.
#[test]
#[ignore = "rewrites tests/fixtures/golden; run it when an output is meant to change"]
fn write_golden_files() {
    let work = tempfile::tempdir().unwrap();
    let out = tempfile::tempdir().unwrap();
    produce(work.path(), out.path());
    let golden = root().join("tests/fixtures/golden");
    let _ = std::fs::remove_dir_all(&golden);
    copy_dir(out.path(), &golden);
}

#[test]
fn every_output_of_the_samples_is_byte_for_byte_the_golden_one() {
    let work = tempfile::tempdir().unwrap();
    let out = tempfile::tempdir().unwrap();
    produce(work.path(), out.path());
    let golden = root().join("tests/fixtures/golden");
    let mut names: Vec<String> = std::fs::read_dir(&golden)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    let mut produced: Vec<String> = std::fs::read_dir(out.path())
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    produced.sort();
    assert_eq!(produced, names, "the same outputs are produced");
    let mut differ = Vec::new();
    for n in &names {
        let want = std::fs::read(golden.join(n)).unwrap();
        let got = std::fs::read(out.path().join(n)).unwrap();
        if want != got && !same_package(&want, &got) {
            differ.push(n.clone());
        }
    }
    assert!(
        differ.is_empty(),
        "outputs that differ from tests/fixtures/golden: {differ:?}"
    );
}
