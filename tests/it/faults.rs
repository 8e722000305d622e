//! Faults around the files: interrupted and failed writes, inputs that vanish, change or cannot
//! be read, and a reader that panics. Each costs only what it must.

use crate::support;
use crate::support::root;
use assert_cmd::Command;
use std::path::{Path, PathBuf};

fn is_root() -> bool {
    std::process::Command::new("id")
        .arg("-u")
        .output()
        .map(|o| String::from_utf8_lossy(&o.stdout).trim() == "0")
        .unwrap_or(false)
}

fn settings() -> taizhang::config::Settings {
    taizhang::config::Settings::new(chrono::NaiveDate::from_ymd_opt(2023, 3, 30).unwrap())
}

fn big_csv(path: &Path, rows: usize) {
    let mut s = String::from("序号,反馈问题,整改措施,责任领导,责任科室,责任人,整改时限,完成情况\n");
    for i in 0..rows {
        s.push_str(&format!(
            "{},问题{},一是召开会议第{i}次;二是制定方案,王,党办,李,2023年6月底前,推进中\n",
            i + 1,
            i / 3
        ));
    }
    std::fs::write(path, s).unwrap();
}

fn names_in(dir: &Path) -> Vec<String> {
    let mut v: Vec<String> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().to_string())
        .collect();
    v.sort();
    v
}

#[test]
fn a_run_killed_mid_write_leaves_the_previous_output_whole() {
    use std::os::unix::process::ExitStatusExt;
    let dir = tempfile::tempdir().unwrap();
    let samples = root().join("samples");
    let merge = |input: &Path| {
        vec![
            "merge".to_string(),
            input.to_str().unwrap().to_string(),
            "-o".into(),
            "out.xlsx".into(),
            "--as-of".into(),
            "2023-03-30".into(),
        ]
    };
    let args = merge(&samples);
    let args: Vec<&str> = args.iter().map(String::as_str).collect();
    let o = Command::cargo_bin("taizhang")
        .unwrap()
        .current_dir(dir.path())
        .args(&args)
        .output()
        .unwrap();
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    let out = dir.path().join("out.xlsx");
    let previous = std::fs::read(&out).unwrap();
    // The previous output: the samples' 56 measures under one header row.
    assert_eq!(support::ledger_rows(&out).len(), 1 + 56);

    // The next run merges one unit (6 measures); it is killed once its output is
    // complete and synced, just before the rename.
    let one = merge(&samples.join("庆利社区整改台账.xlsx"));
    let one: Vec<&str> = one.iter().map(String::as_str).collect();
    let marker = dir.path().join("paused");
    let mut child = support::spawn_paused_before_rename(dir.path(), &one, &marker);
    assert_eq!(
        std::fs::read_to_string(&marker).unwrap(),
        "out.xlsx",
        "paused in the write of out.xlsx"
    );
    child.kill().unwrap(); // SIGKILL
    assert_eq!(child.wait().unwrap().signal(), Some(9));
    assert!(
        std::fs::read(&out).unwrap() == previous,
        "the previous output is whole"
    );
    assert_eq!(support::ledger_rows(&out).len(), 1 + 56);
    assert_eq!(
        support::names_in(dir.path()),
        ["out.xlsx", "paused"],
        "no temporary file is left"
    );

    // Let go at the same point, the same run puts its output in place.
    std::fs::remove_file(&marker).unwrap();
    let child = support::spawn_paused_before_rename(dir.path(), &one, &marker);
    assert!(std::fs::read(&out).unwrap() == previous, "not yet renamed");
    std::fs::remove_file(&marker).unwrap();
    let o = child.wait_with_output().unwrap();
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    assert_eq!(support::ledger_rows(&out).len(), 1 + 6);
    assert_eq!(support::names_in(dir.path()), ["out.xlsx"]);
}

#[test]
fn a_full_disk_is_a_clear_error_with_no_partial_file() {
    let dir = tempfile::tempdir().unwrap();
    let samples = root().join("samples");
    // At most 20 KiB per file (and SIGXFSZ ignored, so the write fails instead of killing).
    let o = std::process::Command::new("bash")
        .current_dir(dir.path())
        .arg("-c")
        .arg("trap '' XFSZ; ulimit -f 20; exec \"$0\" merge \"$1\" -o out.xlsx --as-of 2023-03-30")
        .arg(assert_cmd::cargo::cargo_bin("taizhang"))
        .arg(&samples)
        .output()
        .unwrap();
    assert_eq!(
        o.status.code(),
        Some(2),
        "{}",
        String::from_utf8_lossy(&o.stderr)
    );
    assert!(String::from_utf8_lossy(&o.stderr).contains("无法写入"));
    assert!(
        names_in(dir.path()).is_empty(),
        "{:?}",
        names_in(dir.path())
    );
}

#[test]
fn a_read_only_or_missing_folder_is_a_clear_error() {
    let dir = tempfile::tempdir().unwrap();
    let samples = root().join("samples");
    let target = if is_root() {
        // Permissions do not stop root; /proc is a file system nobody can create files in.
        PathBuf::from("/proc/taizhang-out.xlsx")
    } else {
        let ro = dir.path().join("ro");
        std::fs::create_dir(&ro).unwrap();
        let mut p = std::fs::metadata(&ro).unwrap().permissions();
        std::os::unix::fs::PermissionsExt::set_mode(&mut p, 0o555);
        std::fs::set_permissions(&ro, p).unwrap();
        ro.join("out.xlsx")
    };
    for t in [target, dir.path().join("no/such/folder/out.xlsx")] {
        let o = Command::cargo_bin("taizhang")
            .unwrap()
            .args([
                "merge",
                samples.to_str().unwrap(),
                "-o",
                t.to_str().unwrap(),
                "--as-of",
                "2023-03-30",
            ])
            .output()
            .unwrap();
        assert_eq!(o.status.code(), Some(2), "{}", t.display());
        assert!(
            String::from_utf8_lossy(&o.stderr).contains("无法写入"),
            "{}",
            String::from_utf8_lossy(&o.stderr)
        );
        assert!(!t.exists());
    }
}

#[test]
fn a_file_that_vanishes_after_listing_is_a_finding_and_the_run_goes_on() {
    let dir = tempfile::tempdir().unwrap();
    for f in ["庆利社区整改台账.xlsx", "重庆路北社区整改台账.csv"] {
        std::fs::copy(root().join("samples").join(f), dir.path().join(f)).unwrap();
    }
    let inputs = taizhang::source::discover(&[dir.path().to_path_buf()]);
    assert_eq!(inputs.len(), 2);
    std::fs::remove_file(dir.path().join("庆利社区整改台账.xlsx")).unwrap();
    let s = settings();
    let mut report = taizhang::tally::Tally::new(s.as_of);
    for i in &inputs {
        report.add_file(&taizhang::pipeline::process_file(i, &s), &s);
    }
    let gone = &report.findings[0];
    assert_eq!(gone.rule, taizhang::finding::Rule::UnreadableFile);
    let message = taizhang::messages::findings::message(gone, taizhang::Lang::Zh);
    assert!(message.contains("文件不存在"), "{message}");
    assert_eq!(
        report.totals[taizhang::model::Counter::Measures],
        12,
        "the other file is read"
    );
}

#[test]
fn a_file_that_changes_while_it_is_read_is_a_finding() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("growing.csv");
    big_csv(&path, 100_000);
    let stop = std::sync::Arc::new(std::sync::atomic::AtomicBool::new(false));
    let writer = {
        let (path, stop) = (path.clone(), stop.clone());
        std::thread::spawn(move || {
            use std::io::Write;
            let mut f = std::fs::OpenOptions::new().append(true).open(path).unwrap();
            while !stop.load(std::sync::atomic::Ordering::Relaxed) {
                let _ = f.write_all(b"1,x,y,z,z,z,2023,done\n");
            }
        })
    };
    let limits = taizhang::source::guard::Limits::default();
    let mut changed = 0;
    for _ in 0..50 {
        match taizhang::source::load(&path, &limits) {
            Err(taizhang::source::SourceError::Changed) => changed += 1,
            Ok(l) => assert_eq!(l.sha256, taizhang::source::sha256_hex(&l.bytes)),
            Err(e) => panic!("{e}"),
        }
        if changed >= 3 {
            break;
        }
    }
    stop.store(true, std::sync::atomic::Ordering::Relaxed);
    writer.join().unwrap();
    assert!(changed > 0, "a file growing while it is read is noticed");
    let msg = taizhang::messages::source_error(
        &taizhang::source::SourceError::Changed,
        taizhang::Lang::Zh,
    );
    assert!(msg.contains("读取过程中文件被修改"));
}

#[test]
#[ignore = "needs a non-root user: file permissions do not stop root's reads"]
fn an_unreadable_file_is_a_finding() {
    assert!(!is_root(), "run as a user other than root");
    let dir = tempfile::tempdir().unwrap();
    let p = dir.path().join("locked.csv");
    std::fs::write(&p, "a,b\n").unwrap();
    let mut perm = std::fs::metadata(&p).unwrap().permissions();
    std::os::unix::fs::PermissionsExt::set_mode(&mut perm, 0o000);
    std::fs::set_permissions(&p, perm).unwrap();
    let r = taizhang::pipeline::process_file(&taizhang::source::Input::new(&p), &settings());
    assert_eq!(r.findings[0].rule, taizhang::finding::Rule::UnreadableFile);
    assert!(
        taizhang::messages::findings::message(&r.findings[0], taizhang::Lang::Zh)
            .contains("无法读取文件")
    );
}

#[test]
fn a_reader_that_panics_costs_only_its_file() {
    let corpus = root().join("tests/fixtures/corpus/poi/Simple.xlsb");
    assert!(corpus.exists(), "the corpus is beside the project");
    let dir = tempfile::tempdir().unwrap();
    std::fs::copy(&corpus, dir.path().join("Simple.xlsb")).unwrap();
    std::fs::copy(
        root().join("samples/庆利社区整改台账.xlsx"),
        dir.path().join("庆利.xlsx"),
    )
    .unwrap();
    let o = Command::cargo_bin("taizhang")
        .unwrap()
        .args([
            "check",
            dir.path().to_str().unwrap(),
            "--format",
            "json",
            "--lang",
            "en",
            "--as-of",
            "2023-03-30",
        ])
        .output()
        .unwrap();
    assert_eq!(o.status.code(), Some(1));
    assert!(
        !String::from_utf8_lossy(&o.stderr).contains("panicked"),
        "no bare panic message"
    );
    let v: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
    let f = v["findings"]
        .as_array()
        .unwrap()
        .iter()
        .find(|f| f["file"].as_str().unwrap().ends_with("Simple.xlsb"))
        .unwrap();
    assert_eq!(f["rule"], "unreadable-file");
    assert!(
        f["message"].as_str().unwrap().contains("please report"),
        "{f}"
    );
    assert_eq!(v["totals"]["measures"], 6, "the other file is read");
}

#[test]
fn inputs_are_never_modified() {
    let dir = tempfile::tempdir().unwrap();
    let src = dir.path().join("in");
    std::fs::create_dir(&src).unwrap();
    for e in std::fs::read_dir(root().join("samples")).unwrap() {
        let p = e.unwrap().path();
        std::fs::copy(&p, src.join(p.file_name().unwrap())).unwrap();
    }
    let before: Vec<(String, Vec<u8>, std::time::SystemTime)> = names_in(&src)
        .into_iter()
        .map(|n| {
            let p = src.join(&n);
            (
                n,
                std::fs::read(&p).unwrap(),
                std::fs::metadata(&p).unwrap().modified().unwrap(),
            )
        })
        .collect();
    // Each command runs to its end: check exits 1 on the samples' planted errors.
    for (args, code) in [
        (vec!["check", "in"], 1),
        (vec!["merge", "in", "-o", "m.xlsx"], 0),
        (vec!["report", "in", "-o", "r.md"], 0),
        (
            vec!["convert", "in/庆利社区整改台账.xlsx", "-o", "c.csv"],
            0,
        ),
    ] {
        let o = Command::cargo_bin("taizhang")
            .unwrap()
            .current_dir(dir.path())
            .args(&args)
            .output()
            .unwrap();
        assert_eq!(
            o.status.code(),
            Some(code),
            "{args:?}: {}",
            String::from_utf8_lossy(&o.stderr)
        );
        if args[0] == "check" {
            assert!(String::from_utf8_lossy(&o.stdout).contains("庆利社区"));
        }
    }
    // And wrote what it was asked for, from every input.
    assert_eq!(
        support::ledger_rows(&dir.path().join("m.xlsx")).len(),
        1 + 56
    );
    let report = std::fs::read_to_string(dir.path().join("r.md")).unwrap();
    assert!(report.contains("56"), "{report}");
    let csv = std::fs::read_to_string(dir.path().join("c.csv")).unwrap();
    assert_eq!(csv.lines().count(), 1 + 6, "{csv}");
    for (n, bytes, mtime) in before {
        let p = src.join(&n);
        assert_eq!(std::fs::read(&p).unwrap(), bytes, "{n}");
        assert_eq!(
            std::fs::metadata(&p).unwrap().modified().unwrap(),
            mtime,
            "{n}"
        );
    }
}
