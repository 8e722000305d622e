//! Issue 12, output hygiene: an interrupted write leaves no temporary file, outputs follow the
//! umask, a closed pipe ends the program quietly, and control characters or Markdown in ledger
//! text reach no output raw.

use crate::support::root;
use assert_cmd::Command;
use std::io::Read;
use std::path::Path;
use std::time::Duration;

fn taizhang(dir: &Path, args: &[&str]) -> std::process::Output {
    Command::cargo_bin("taizhang")
        .unwrap()
        .current_dir(dir)
        .args(args)
        .timeout(Duration::from_secs(120))
        .output()
        .unwrap()
}

const HEADER: &str = "序号,反馈问题,整改措施,责任领导,责任科室,责任人,整改时限,完成情况";

/// A ledger of `rows` measures, every one overdue on 2023-03-30 (a finding each).
fn big_csv(path: &Path, rows: usize, status: &str) {
    let mut s = format!("{HEADER}\n");
    for i in 0..rows {
        s.push_str(&format!(
            "{},问题{},措施第{i}项,王,党办,李,2023年1月底前,{status}\n",
            i + 1,
            i / 3
        ));
    }
    std::fs::write(path, s).unwrap();
}

fn names_in(dir: &Path) -> Vec<String> {
    let mut v: Vec<String> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    v.sort();
    v
}

#[cfg(unix)]
#[test]
fn an_interrupted_write_leaves_no_temporary_file() {
    let dir = tempfile::tempdir().unwrap();
    let samples = root().join("samples");
    let marker = dir.path().join("paused");
    for signal in [15, 2] {
        // SIGTERM, SIGINT.
        // Interrupted once the output is complete, just before it is renamed into place.
        let args = [
            "merge",
            samples.to_str().unwrap(),
            "-o",
            "out.xlsx",
            "--as-of",
            "2023-03-30",
        ];
        let child = crate::support::spawn_paused_before_rename(dir.path(), &args, &marker);
        let sent = std::process::Command::new("kill")
            .args([format!("-{signal}"), child.id().to_string()])
            .status()
            .unwrap();
        assert!(sent.success());
        let status = child.wait_with_output().unwrap().status;
        assert_eq!(status.code(), Some(130), "signal {signal}");
        assert_eq!(
            names_in(dir.path()),
            ["paused"],
            "signal {signal}: no temporary file, nothing half-written"
        );
        std::fs::remove_file(&marker).unwrap();
    }
}

#[cfg(unix)]
#[test]
fn outputs_follow_the_umask_and_replaced_files_keep_their_mode() {
    use std::os::unix::fs::PermissionsExt;
    let dir = tempfile::tempdir().unwrap();
    let samples = root().join("samples");
    let s = samples.to_str().unwrap();
    let exe = assert_cmd::cargo::cargo_bin("taizhang");
    let mode = |p: &str| {
        std::fs::metadata(dir.path().join(p))
            .unwrap()
            .permissions()
            .mode()
            & 0o777
    };
    for (umask, name, want) in [
        ("077", "a.xlsx", 0o600),
        ("022", "b.xlsx", 0o644),
        ("027", "c.md", 0o640),
    ] {
        let cmd = if name.ends_with(".md") {
            "report"
        } else {
            "merge"
        };
        let o = std::process::Command::new("sh")
            .current_dir(dir.path())
            .arg("-c")
            .arg(format!(
                "umask {umask}; exec \"$0\" {cmd} \"$1\" -o {name} --as-of 2023-03-30"
            ))
            .arg(&exe)
            .arg(s)
            .output()
            .unwrap();
        assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
        assert_eq!(mode(name), want, "umask {umask}");
    }
    std::fs::set_permissions(
        dir.path().join("b.xlsx"),
        std::fs::Permissions::from_mode(0o640),
    )
    .unwrap();
    let o = taizhang(
        dir.path(),
        &["merge", s, "-o", "b.xlsx", "--as-of", "2023-03-31"],
    );
    assert!(o.status.success());
    assert_eq!(mode("b.xlsx"), 0o640, "the replaced file's mode is kept");
}

/// Runs taizhang with its output into a pipe that is closed after the first bytes.
#[cfg(unix)]
fn into_closed_pipe(dir: &Path, args: &[&str]) -> (std::process::ExitStatus, String) {
    let mut child = std::process::Command::new(assert_cmd::cargo::cargo_bin("taizhang"))
        .current_dir(dir)
        .args(args)
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    let mut out = child.stdout.take().unwrap();
    let mut first = [0u8; 16];
    out.read_exact(&mut first).unwrap();
    drop(out);
    let mut err = String::new();
    child
        .stderr
        .take()
        .unwrap()
        .read_to_string(&mut err)
        .unwrap();
    (child.wait().unwrap(), err)
}

#[cfg(unix)]
#[test]
fn a_closed_pipe_ends_the_program_quietly() {
    use std::os::unix::process::ExitStatusExt;
    let dir = tempfile::tempdir().unwrap();
    big_csv(&dir.path().join("a.csv"), 6000, "推进中");
    big_csv(&dir.path().join("b.csv"), 6000, "已完成");
    for (src, out) in [("a.csv", "a.xlsx"), ("b.csv", "b.xlsx")] {
        let o = taizhang(
            dir.path(),
            &["merge", src, "-o", out, "--as-of", "2023-03-30"],
        );
        assert!(o.status.success());
    }
    // Sources that changed in every row: thousands of discrepancies.
    std::fs::create_dir(dir.path().join("now")).unwrap();
    std::fs::copy(dir.path().join("b.csv"), dir.path().join("now/a.csv")).unwrap();
    for args in [
        vec!["check", "a.csv", "--as-of", "2023-03-30"],
        vec!["diff", "a.xlsx", "b.xlsx"],
        vec!["verify", "a.xlsx", "--sources", "now", "--format", "json"],
    ] {
        let (status, err) = into_closed_pipe(dir.path(), &args);
        assert!(
            status.code() == Some(0) || status.signal() == Some(13),
            "{args:?}: {status:?}"
        );
        assert!(err.is_empty(), "{args:?}: no message, got {err}");
    }
}

/// A ledger whose text holds control characters, terminal escapes, Markdown and HTML.
fn hostile_text_csv(dir: &Path) {
    std::fs::write(
        dir.join("戊社区台账.csv"),
        format!(
            "{HEADER},备注\n1,\"# 假标题\n<script>alert(1)</script>\",\"*加粗*[链接](http://x)\u{1b}[2J\u{7}清屏\",王,党办,李,\"\u{1b}[31m待定\",推进中,\"回车\r覆盖\u{b}垂直\"\n"
        ),
    )
    .unwrap();
}

fn has_raw_controls(b: &[u8]) -> bool {
    b.iter()
        .any(|&c| (c < 0x20 && !matches!(c, b'\n' | b'\t' | b'\r')) || c == 0x7f)
}

#[test]
fn control_characters_are_escaped_in_the_workbook_and_read_back_as_written() {
    use calamine::{Reader, Xlsx, open_workbook};
    let dir = tempfile::tempdir().unwrap();
    hostile_text_csv(dir.path());
    let o = taizhang(
        dir.path(),
        &[
            "merge",
            "戊社区台账.csv",
            "-o",
            "m.xlsx",
            "--as-of",
            "2023-03-30",
        ],
    );
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    let mut z =
        zip::ZipArchive::new(std::fs::File::open(dir.path().join("m.xlsx")).unwrap()).unwrap();
    let mut escaped = 0;
    for i in 0..z.len() {
        let mut f = z.by_index(i).unwrap();
        let name = f.name().unwrap().to_string();
        let mut b = Vec::new();
        f.read_to_end(&mut b).unwrap();
        assert!(
            !has_raw_controls(&b),
            "{name} holds a raw control character"
        );
        escaped += String::from_utf8_lossy(&b).matches("_x001B_").count();
    }
    assert!(
        escaped >= 2,
        "the escapes are written as _x001B_ ({escaped})"
    );
    let mut wb: Xlsx<_> = open_workbook(dir.path().join("m.xlsx")).unwrap();
    let ledger = wb.worksheet_range("整改台账").unwrap();
    let measure = ledger.get_value((1, 6)).unwrap().to_string();
    assert_eq!(measure, "*加粗*[链接](http://x)\u{1b}[2J\u{7}清屏");
    let findings = wb.worksheet_range("校验结果").unwrap();
    assert!(
        findings
            .rows()
            .any(|r| r.iter().any(|c| *c == "\u{1b}[31m待定")),
        "the bad deadline is on the findings sheet as written"
    );
    let o = taizhang(
        dir.path(),
        &["verify", "m.xlsx", "--sources", "戊社区台账.csv"],
    );
    assert_eq!(
        o.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&o.stdout)
    );
}

#[test]
fn control_characters_reach_the_terminal_escaped() {
    let dir = tempfile::tempdir().unwrap();
    hostile_text_csv(dir.path());
    let o = taizhang(
        dir.path(),
        &["check", "戊社区台账.csv", "--as-of", "2023-03-30"],
    );
    let out = String::from_utf8_lossy(&o.stdout);
    assert!(!has_raw_controls(&o.stdout), "{out}");
    assert!(out.contains("\\x1B[31m"), "{out}");
    let o = taizhang(dir.path(), &["columns", "戊社区台账.csv"]);
    assert!(!has_raw_controls(&o.stdout));
}

#[test]
fn reports_hold_no_control_character_and_markdown_cannot_inject() {
    let dir = tempfile::tempdir().unwrap();
    hostile_text_csv(dir.path());
    for out in ["r.docx", "r.md", "r.txt"] {
        let o = taizhang(
            dir.path(),
            &[
                "report",
                "戊社区台账.csv",
                "-o",
                out,
                "--as-of",
                "2023-03-30",
            ],
        );
        assert!(
            o.status.success(),
            "{out}: {}",
            String::from_utf8_lossy(&o.stderr)
        );
    }
    // The document's XML is well formed and holds no control character.
    let mut z =
        zip::ZipArchive::new(std::fs::File::open(dir.path().join("r.docx")).unwrap()).unwrap();
    let mut xml = String::new();
    z.by_name("word/document.xml")
        .unwrap()
        .read_to_string(&mut xml)
        .unwrap();
    assert!(!has_raw_controls(xml.as_bytes()));
    let mut r = quick_xml::Reader::from_str(&xml);
    loop {
        match r.read_event() {
            Ok(quick_xml::events::Event::Eof) => break,
            Ok(_) => {}
            Err(e) => panic!("document.xml: {e}"),
        }
    }
    assert!(xml.contains("清屏"));
    let txt = std::fs::read(dir.path().join("r.txt")).unwrap();
    assert!(!has_raw_controls(&txt));
    let md = std::fs::read_to_string(dir.path().join("r.md")).unwrap();
    assert!(!has_raw_controls(md.as_bytes()));
    assert!(!md.contains("<script>"), "{md}");
    assert!(md.contains("&lt;script&gt;"), "{md}");
    assert!(!md.lines().any(|l| l.starts_with("# 假标题")), "{md}");
    assert!(md.contains("\\*加粗\\*\\[链接\\]"), "{md}");
    assert_eq!(
        md.lines().filter(|l| l.starts_with("# ")).count(),
        1,
        "one title only: {md}"
    );
}

#[test]
fn convert_of_a_sheet_of_several_units_names_them_and_converts_none_of_them_in_part() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    let samples = root().join("samples");
    let m = taizhang(
        d,
        &[
            "merge",
            samples.to_str().unwrap(),
            "-o",
            "m.xlsx",
            "--as-of",
            "2023-03-30",
        ],
    );
    assert!(m.status.success(), "{}", String::from_utf8_lossy(&m.stderr));
    for sheet in [None, Some("整改台账")] {
        let mut args = vec!["convert", "m.xlsx", "-o", "c.csv"];
        if let Some(s) = sheet {
            args.extend(["--sheet", s]);
        }
        let out = taizhang(d, &args);
        let err = String::from_utf8_lossy(&out.stderr);
        assert!(!out.status.success(), "{sheet:?}: {err}");
        for unit in [
            "北安社区",
            "庆利社区",
            "自强社区",
            "重庆路南社区",
            "重庆路北社区",
        ] {
            assert!(
                err.contains(&format!("整改台账({unit})")),
                "{sheet:?}: {err}"
            );
        }
        assert!(!d.join("c.csv").exists(), "{sheet:?}: nothing written");
    }
}
