//! `--lang` on every command that prints, days in the forms ledgers write, and a blank template
//! checked.

mod support;

use std::path::PathBuf;
use support::run_json as run;

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

#[test]
fn verify_diff_and_template_take_lang() {
    let dir = tempfile::tempdir().unwrap();
    let wb = root().join("tests/fixtures/roundtrip/round1.xlsx");
    let wb = wb.to_str().unwrap();
    let (_, code, text) = run(dir.path(), &["verify", wb, "--lang", "en"]);
    assert_eq!(code, 0, "{text}");
    assert!(text.starts_with("Verifying "), "{text}");
    assert!(text.contains("Verdict: verified."), "{text}");
    let (_, code, text) = run(dir.path(), &["verify", wb]);
    assert_eq!(code, 0, "{text}");
    assert!(text.contains("结论:核验通过。"), "{text}");
    let (_, code, text) = run(dir.path(), &["diff", wb, wb, "--lang", "en"]);
    assert_eq!(code, 0, "{text}");
    assert!(
        text.contains("No changes between the two rounds."),
        "{text}"
    );
    let (_, code, text) = run(dir.path(), &["template", "-o", "t.xlsx", "--lang", "en"]);
    assert_eq!(code, 0, "{text}");
    assert!(text.starts_with("wrote t.xlsx"), "{text}");

    // The template, blank, is a ledger with nothing in it: said, not passed over.
    let (v, code, text) = run(dir.path(), &["check", "t.xlsx", "--format", "json"]);
    assert_eq!(code, 0, "{text}");
    let rules: Vec<&str> = v["findings"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| f["rule"].as_str().unwrap())
        .collect();
    assert_eq!(rules, ["no-data"], "{v:#}");
}

#[test]
fn days_on_the_command_line_as_ledgers_write_them() {
    let want = run(
        &root(),
        &[
            "check",
            "samples",
            "--as-of",
            "2023-03-30",
            "--format",
            "json",
        ],
    )
    .0;
    for day in ["2023/3/30", "2023.3.30", "20230330", "2023年3月30日"] {
        let (v, code, text) = run(
            &root(),
            &["check", "samples", "--as-of", day, "--format", "json"],
        );
        assert_eq!(code, 1, "{day}: {text}");
        assert_eq!(v["totals"], want["totals"], "{day}");
        assert_eq!(v["as_of"], "2023-03-30");
    }
    for (lang, says) in [
        ("zh_CN.UTF-8", "不是日期:“2023/13/1”"),
        ("en_US.UTF-8", "not a day: \"2023/13/1\""),
    ] {
        let o = assert_cmd::Command::cargo_bin("taizhang")
            .unwrap()
            .current_dir(root())
            .env("LANG", lang)
            .args(["check", "samples", "--as-of", "2023/13/1"])
            .output()
            .unwrap();
        let text = String::from_utf8_lossy(&o.stderr);
        assert_eq!(o.status.code(), Some(2), "{text}");
        assert!(text.contains(says), "{lang}: {text}");
    }
}
