//! `--lang` on every command that prints, days in the forms ledgers write, and a blank template
//! checked.

use crate::support::root;
use crate::support::run_json as run;

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
    assert!(text.contains("结论：核验通过。"), "{text}");
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
        ("zh_CN.UTF-8", "不是日期：“2023/13/1”"),
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

/// What the program prints, both streams, and its exit code, with `LANG` set to `lang`.
fn said(args: &[&str], lang: &str) -> (String, i32) {
    let o = assert_cmd::Command::cargo_bin("taizhang")
        .unwrap()
        .env("LANG", lang)
        .env_remove("LC_ALL")
        .current_dir(root())
        .args(args)
        .output()
        .unwrap();
    let text = format!(
        "{}{}",
        String::from_utf8_lossy(&o.stdout),
        String::from_utf8_lossy(&o.stderr)
    );
    (text, o.status.code().unwrap_or(-1))
}

/// Text with no run of three or more Latin letters, but for the words a command line holds
/// (command names, options, placeholders of patterns, file names).
fn latin_words(text: &str) -> Vec<String> {
    let allowed = [
        "taizhang",
        "check",
        "columns",
        "merge",
        "convert",
        "template",
        "verify",
        "diff",
        "report",
        "split",
        "help",
        "json",
        "human",
        "xlsx",
        "docx",
        "txt",
        "csv",
        "lang",
        "format",
        "output",
        "YYYY",
        "OUT",
        "ROUND",
        "OLD",
        "NEW",
        "CHANGES",
        "CONSOLIDATED",
        "measures",
        "problems",
        "done",
        "samples",
        "bad",
        "as",
        "of",
        "due",
        "soon",
        "days",
        "feedback",
        "date",
        "include",
        "hidden",
        "config",
        "strict",
        "threads",
        "follows",
        "unit",
        "paper",
        "return",
        "by",
        "sheet",
        "community",
        "sources",
        "expect",
        "title",
        "version",
        "serve",
        "port",
        "listen",
        "open",
        "UTF",
        "accept",
        "uncertain",
    ];
    text.split(|c: char| !c.is_ascii_alphabetic())
        .filter(|w| w.len() >= 3 && !allowed.contains(w))
        .map(str::to_string)
        .collect()
}

#[test]
fn help_and_usage_errors_speak_chinese_by_default_and_english_when_asked() {
    for args in [
        vec!["--help"],
        vec!["help"],
        vec!["help", "merge"],
        vec!["merge", "--help"],
        vec!["verify", "--help"],
        vec!["split", "--help"],
    ] {
        let (text, code) = said(&args, "zh_CN.UTF-8");
        assert_eq!(code, 0, "{args:?}: {text}");
        assert!(text.contains("用法："), "{args:?}: {text}");
        assert_eq!(latin_words(&text), Vec::<String>::new(), "{args:?}: {text}");
    }
    let (text, _) = said(&["merge", "--help"], "zh_CN.UTF-8");
    assert!(text.contains("要生成的汇总工作簿"), "{text}");
    let (text, code) = said(&["merge", "--bad"], "zh_CN.UTF-8");
    assert_eq!(code, 2);
    assert!(text.contains("无法识别的参数“--bad”"), "{text}");
    assert_eq!(latin_words(&text), Vec::<String>::new(), "{text}");
    let (text, code) = said(&["check", "--as-of", "2023/13/1", "samples"], "zh_CN.UTF-8");
    assert_eq!(code, 2);
    assert!(text.contains("不是日期"), "{text}");
    assert_eq!(latin_words(&text), Vec::<String>::new(), "{text}");
    let (text, code) = said(&["check", "--format", "xml", "samples"], "C");
    assert_eq!(code, 2);
    assert!(text.contains("可选：human、json"), "{text}");
    let (text, code) = said(&["verify", "README.md"], "C");
    assert_eq!(code, 2);
    assert!(
        text.contains("扩展名为.md的文件不是taizhang读取的表格"),
        "{text}"
    );
    assert_eq!(latin_words(&text), vec!["README".to_string()], "{text}");

    // English when asked, by --lang or by LANG.
    let (text, code) = said(&["merge", "--bad", "--lang", "en"], "zh_CN.UTF-8");
    assert_eq!(code, 2);
    assert!(text.contains("unexpected argument '--bad'"), "{text}");
    let (text, _) = said(&["--help"], "en_GB.UTF-8");
    assert!(text.contains("Usage:"), "{text}");
    assert!(!text.contains("用法"), "{text}");
    let (text, _) = said(&["verify", "README.md", "--lang", "en"], "C");
    assert!(text.contains("files with the extension .md"), "{text}");
    assert!(!text.contains("不支持"), "{text}");
}
