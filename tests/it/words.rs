//! Chinese wherever a user looks (issue 27, items 4 and 6): full-width marks in the sentences
//! taizhang writes, the 截至 date as 2023年3月30日, 单位 over units that are not all
//! units, counters named in Chinese, and a consolidated workbook judged on its own date.

use crate::support::run_json as run;
use calamine::{Reader, open_workbook_auto};
use std::io::Read;
use std::path::{Path, PathBuf};

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// `merge INPUT… -o OUT --as-of 2023-03-30` in `dir`, which must succeed.
fn merge(dir: &Path, inputs: &[&str], out: &str) {
    let mut args = vec!["merge"];
    args.extend_from_slice(inputs);
    args.extend_from_slice(&["-o", out, "--as-of", "2023-03-30", "--lang", "zh"]);
    let (_, code, text) = run(dir, &args);
    assert_eq!(code, 0, "{text}");
}

/// Every cell of a sheet as text, row by row.
fn sheet_text(file: &Path, sheet: &str) -> Vec<Vec<String>> {
    let mut wb = open_workbook_auto(file).unwrap();
    let range = wb.worksheet_range(sheet).unwrap();
    range
        .rows()
        .map(|r| r.iter().map(|c| c.to_string()).collect())
        .collect()
}

/// A part of an xlsx package as text.
fn part(file: &Path, name: &str) -> String {
    let mut z = zip::ZipArchive::new(std::fs::File::open(file).unwrap()).unwrap();
    let mut s = String::new();
    z.by_name(name).unwrap().read_to_string(&mut s).unwrap();
    s
}

/// The half-width marks a Chinese sentence must not hold, outside what it quotes (“…”: the
/// ledgers' own text).
fn half_width_marks(s: &str) -> Vec<char> {
    let mut quoted = 0;
    s.chars()
        .filter(|c| {
            match c {
                '“' => quoted += 1,
                '”' => quoted -= 1,
                _ => {}
            }
            quoted == 0 && ",;:()".contains(*c)
        })
        .collect()
}

#[test]
fn a_consolidated_workbook_is_judged_on_its_own_date() {
    let dir = tempfile::tempdir().unwrap();
    let samples = root().join("samples");
    merge(dir.path(), &[samples.to_str().unwrap()], "r1.xlsx");

    // split without --as-of: the workbook's day (1 overdue at 北安社区), not today's (3).
    let (_, code, text) = run(dir.path(), &["split", "r1.xlsx", "-o", "lists"]);
    assert_eq!(code, 0, "{text}");
    let notice: String = sheet_text(&dir.path().join("lists/北安社区.xlsx"), "整改通知")
        .concat()
        .concat();
    assert!(notice.contains("截至2023年3月30日"), "{notice}");
    assert!(notice.contains("已逾期1项"), "{notice}");

    // check and report the same.
    let (v, code, text) = run(dir.path(), &["check", "r1.xlsx", "--format", "json"]);
    assert_eq!(code, 1, "{text}");
    assert_eq!(v["as_of"], "2023-03-30");
    assert_eq!(v["totals"]["overdue"], 2);
    let (_, code, text) = run(dir.path(), &["report", "r1.xlsx", "-o", "r.txt"]);
    assert_eq!(code, 0, "{text}");
    let report = std::fs::read_to_string(dir.path().join("r.txt")).unwrap();
    assert!(report.contains("截至2023年3月30日"), "{report}");

    // --as-of still says otherwise.
    let (_, code, text) = run(
        dir.path(),
        &["split", "r1.xlsx", "-o", "later", "--as-of", "2024-06-30"],
    );
    assert_eq!(code, 0, "{text}");
    let notice: String = sheet_text(&dir.path().join("later/北安社区.xlsx"), "整改通知")
        .concat()
        .concat();
    assert!(notice.contains("截至2024年6月30日"), "{notice}");
    assert!(!notice.contains("已逾期1项"), "{notice}");
}

#[test]
fn the_summary_says_its_date_units_and_sentence_in_chinese() {
    let dir = tempfile::tempdir().unwrap();
    let samples = root().join("samples");
    merge(dir.path(), &[samples.to_str().unwrap()], "all.xlsx");
    let all = dir.path().join("all.xlsx");
    let summary = sheet_text(&all, "汇总");
    // 自强街道党工委 is not a unit: the column says 单位.
    assert_eq!(summary[4][0], "单位");
    let sentence = &summary[2][0];
    assert!(
        sentence.starts_with("截至2023年3月30日，共反馈问题30个，"),
        "{sentence}"
    );
    assert_eq!(half_width_marks(sentence), Vec::<char>::new(), "{sentence}");

    // The as-of date shows as 2023年3月30日: B2's number format.
    let sheet = part(&all, "xl/worksheets/sheet1.xml");
    let b2 = &sheet[sheet.find("<c r=\"B2\"").unwrap()..];
    let s = b2[b2.find(" s=\"").unwrap() + 4..]
        .split('"')
        .next()
        .unwrap();
    let styles = part(&all, "xl/styles.xml");
    let xfs = &styles[styles.find("<cellXfs").unwrap()..];
    let xf = xfs
        .split("<xf ")
        .nth(s.parse::<usize>().unwrap() + 1)
        .unwrap();
    let id = xf[xf.find("numFmtId=\"").unwrap() + 10..]
        .split('"')
        .next()
        .unwrap();
    let fmt = &styles[styles.find(&format!("<numFmt numFmtId=\"{id}\"")).unwrap()..];
    let code = fmt[fmt.find("formatCode=\"").unwrap() + 12..]
        .split('"')
        .next()
        .unwrap()
        .replace("&quot;", "\"");
    assert_eq!(code, "yyyy\"年\"m\"月\"d\"日\"");

    // Units only: 社区.
    let a = samples.join("庆利社区整改台账.xlsx");
    let b = samples.join("北安社区整改台账.xlsx");
    merge(
        dir.path(),
        &[a.to_str().unwrap(), b.to_str().unwrap()],
        "two.xlsx",
    );
    let summary = sheet_text(&dir.path().join("two.xlsx"), "汇总");
    assert_eq!(summary[4][0], "社区");

    // Both workbooks verify.
    for wb in ["all.xlsx", "two.xlsx"] {
        let (_, code, text) = run(dir.path(), &["verify", wb]);
        assert_eq!(code, 0, "{wb}: {text}");
    }
}

#[test]
fn sentences_on_the_terminal_and_the_notices_take_full_width_marks() {
    let dir = tempfile::tempdir().unwrap();
    let samples = root().join("samples");
    let (_, _, text) = run(
        dir.path(),
        &[
            "check",
            samples.to_str().unwrap(),
            "--as-of",
            "2023-03-30",
            "--lang",
            "zh",
        ],
    );
    let last = text
        .lines()
        .find(|l| l.starts_with("截至"))
        .unwrap_or_else(|| panic!("{text}"));
    assert_eq!(
        last,
        "截至2023年3月30日：6个文件，6个单位；问题30个，已整改19个；措施56项，已完成29项；错误5条，警告6条，提示4条。"
    );
    merge(dir.path(), &[samples.to_str().unwrap()], "r1.xlsx");
    let (_, code, text) = run(
        dir.path(),
        &[
            "split",
            "r1.xlsx",
            "-o",
            "lists",
            "--return-by",
            "2023-04-15",
        ],
    );
    assert_eq!(code, 0, "{text}");
    for line in text.lines() {
        assert_eq!(half_width_marks(line), Vec::<char>::new(), "{line}");
    }
    for entry in std::fs::read_dir(dir.path().join("lists")).unwrap() {
        let file = entry.unwrap().path();
        for row in sheet_text(&file, "整改通知") {
            for cell in row {
                assert_eq!(half_width_marks(&cell), Vec::<char>::new(), "{cell}");
            }
        }
    }
}

#[test]
fn verify_takes_counters_by_their_chinese_names() {
    let dir = tempfile::tempdir().unwrap();
    let samples = root().join("samples");
    merge(dir.path(), &[samples.to_str().unwrap()], "r1.xlsx");
    let (v, code, text) = run(
        dir.path(),
        &[
            "verify",
            "r1.xlsx",
            "--expect",
            "措施=56",
            "--expect",
            "已完成措施=29",
            "--expect",
            "北安社区：措施=6",
            "--expect",
            "单位=6",
            "--expect",
            "measures=56",
            "--format",
            "json",
        ],
    );
    assert_eq!(code, 0, "{text}");
    assert_eq!(v["verified"], true);
    let (_, code, text) = run(dir.path(), &["verify", "r1.xlsx", "--expect", "逾期=3"]);
    assert_eq!(code, 1, "{text}");
    let (_, code, text) = run(
        dir.path(),
        &["verify", "r1.xlsx", "--expect", "措施们=56", "--lang", "zh"],
    );
    assert_eq!(code, 2, "{text}");
    assert!(
        text.contains("没有“措施们”这一项；可写：单位、问题、已整改问题、措施、已完成"),
        "{text}"
    );
}

/// The program's output in `dir` with `LANG` set: both streams, and the exit code.
fn said(dir: &Path, lang: &str, args: &[&str]) -> (String, i32) {
    let o = assert_cmd::Command::cargo_bin("taizhang")
        .unwrap()
        .current_dir(dir)
        .env("LANG", lang)
        .env_remove("LC_ALL")
        .args(args)
        .output()
        .unwrap();
    (
        String::from_utf8_lossy(&o.stdout).to_string() + &String::from_utf8_lossy(&o.stderr),
        o.status.code().unwrap_or(-1),
    )
}

#[test]
fn failures_are_said_in_chinese_with_their_cause() {
    let dir = tempfile::tempdir().unwrap();
    let samples = root().join("samples");
    let samples = samples.to_str().unwrap();
    let zh = "C.UTF-8";
    // The operating system's reason, in Chinese, not its English.
    let long = format!("{}.xlsx", "长".repeat(100));
    let (text, code) = said(dir.path(), zh, &["merge", samples, "-o", &long]);
    assert_eq!(code, 2, "{text}");
    assert!(
        text.contains("taizhang：错误：写入工作簿时出错：无法写入")
            && text.contains("：文件名过长或含有不允许的字符"),
        "{text}"
    );
    assert!(!text.contains("os error"), "{text}");
    // TOML's mistakes: where, and what, in Chinese.
    std::fs::write(dir.path().join("bad.toml"), "due_soon_days = 7\nx = [\n").unwrap();
    let (text, code) = said(dir.path(), zh, &["check", samples, "--config", "bad.toml"]);
    assert_eq!(code, 2, "{text}");
    assert!(
        text.contains("配置文件bad.toml有误：第2行第6列：括号或引号没有结束"),
        "{text}"
    );
    std::fs::write(dir.path().join("typo.toml"), "due_soon_day = 7\n").unwrap();
    let (text, _) = said(dir.path(), zh, &["check", samples, "--config", "typo.toml"]);
    assert!(
        text.contains("第1行第1列：没有“due_soon_day”这一项"),
        "{text}"
    );
    let (text, _) = said(dir.path(), zh, &["check", samples, "--config", "gone.toml"]);
    assert!(text.contains("无法读取配置文件gone.toml：不存在"), "{text}");
    // A folder that does not exist: what was being done, and why.
    let (text, _) = said(dir.path(), zh, &["merge", samples, "-o", "gone/x.xlsx"]);
    assert!(
        text.contains("taizhang：错误：写入工作簿时出错：无法写入gone/x.xlsx：文件夹gone不存在"),
        "{text}"
    );
    // The same in English, by --lang or by LANG.
    let (text, _) = said(
        dir.path(),
        zh,
        &["merge", samples, "-o", "gone/x.xlsx", "--lang", "en"],
    );
    assert!(
        text.contains("taizhang: error: writing the workbook: cannot write gone/x.xlsx"),
        "{text}"
    );
    let (text, _) = said(
        dir.path(),
        "en_US.UTF-8",
        &["check", samples, "--as-of", "2023-03-30"],
    );
    assert!(
        text.contains("As of 2023-03-30: 6 file(s), 6 units;"),
        "{text}"
    );
}

/// The language of a command-line value's mistake follows --lang as well as LANG: one place.
#[test]
fn a_days_mistake_is_said_in_the_language_of_lang() {
    let dir = tempfile::tempdir().unwrap();
    let samples = root().join("samples");
    let samples = samples.to_str().unwrap();
    let (text, code) = said(
        dir.path(),
        "C.UTF-8",
        &["check", samples, "--as-of", "2023/13/1", "--lang", "en"],
    );
    assert_eq!(code, 2, "{text}");
    assert!(text.contains("not a day: \"2023/13/1\""), "{text}");
    let (text, _) = said(
        dir.path(),
        "en_US.UTF-8",
        &["check", samples, "--as-of", "2023/13/1", "--lang", "zh"],
    );
    assert!(text.contains("不是日期：“2023/13/1”"), "{text}");
}
