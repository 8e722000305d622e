//! 挂单整改、对账销号: the samples merged, split into one list per unit, each list edited as its
//! unit would and saved by LibreOffice as xlsx, xls or ods (committed under
//! `tests/fixtures/roundtrip/`, made by its `make.sh`), merged again with `--follows`, and
//! diffed: every edit reported exactly once, under its unit, both cells named, matched by ID.

use calamine::{Reader, open_workbook_auto};
use serde_json::Value;
use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

fn fixtures() -> PathBuf {
    root().join("tests/fixtures/roundtrip")
}

use crate::support::root;
use crate::support::run_json as run;

/// `taizhang merge INPUT -o OUT --as-of 2023-03-30 [EXTRA…]` in `dir`, which must succeed.
fn merge(dir: &Path, input: &str, out: &Path, extra: &[&str]) {
    let mut args = vec![
        "merge",
        input,
        "-o",
        out.to_str().unwrap(),
        "--as-of",
        "2023-03-30",
    ];
    args.extend_from_slice(extra);
    let (_, code, text) = run(dir, &args);
    assert_eq!(code, 0, "{text}");
}

fn counters_by_unit(v: &Value) -> Vec<(String, Value)> {
    v["communities"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| (c["community"].as_str().unwrap().to_string(), c.clone()))
        .collect()
}

/// The unit's counters without the `infos`: a list has one more (its notice sheet is
/// `sheet-skipped`, said once).
fn without_infos(mut c: Value) -> Value {
    let infos = c["infos"].as_u64().unwrap();
    c["infos"] = Value::Null;
    c["community"] = Value::Null;
    c["_infos"] = infos.into();
    c
}

#[test]
fn split_gives_each_unit_its_measures_counters_findings_and_ids() {
    let dir = tempfile::tempdir().unwrap();
    merge(&root(), "samples", &dir.path().join("r1.xlsx"), &[]);
    let lists = dir.path().join("lists");
    let (_, code, text) = run(
        dir.path(),
        &[
            "split",
            "r1.xlsx",
            "-o",
            "lists",
            "--as-of",
            "2023-03-30",
            "--return-by",
            "2023-04-15",
        ],
    );
    assert_eq!(code, 0, "{text}");
    let (whole, _, _) = run(
        dir.path(),
        &[
            "check",
            "r1.xlsx",
            "--as-of",
            "2023-03-30",
            "--format",
            "json",
        ],
    );
    let units = counters_by_unit(&whole);
    assert_eq!(units.len(), 6);
    for (unit, c) in &units {
        let file = lists.join(format!("{unit}.xlsx"));
        assert!(file.is_file(), "{unit}: {text}");
        let (one, _, out) = run(
            dir.path(),
            &[
                "check",
                file.to_str().unwrap(),
                "--as-of",
                "2023-03-30",
                "--format",
                "json",
            ],
        );
        let got = counters_by_unit(&one);
        assert_eq!(got.len(), 1, "{unit}: {out}");
        let (a, b) = (without_infos(c.clone()), without_infos(got[0].1.clone()));
        assert_eq!(
            a["_infos"].as_u64().unwrap() + 1,
            b["_infos"].as_u64().unwrap(),
            "{unit}"
        );
        let strip = |mut v: Value| {
            v["_infos"] = Value::Null;
            v
        };
        assert_eq!(
            strip(a),
            strip(b),
            "{unit}: the list counts as the workbook does"
        );
        let skipped: Vec<&Value> = one["findings"]
            .as_array()
            .unwrap()
            .iter()
            .filter(|f| f["rule"] == "sheet-skipped")
            .collect();
        assert_eq!(skipped.len(), 1);
        assert_eq!(skipped[0]["sheet"], "整改通知");

        // The list itself: the notice first, the ledger with what to fix and the IDs.
        let mut wb = open_workbook_auto(&file).unwrap();
        assert_eq!(wb.sheet_names(), ["整改通知", "整改台账"]);
        let notice = wb.worksheet_range("整改通知").unwrap();
        let notice_text: String = notice
            .rows()
            .flat_map(|r| r.iter().map(|c| c.to_string()))
            .collect();
        assert!(notice_text.contains(&format!("{unit}巡察反馈问题整改事项通知")));
        assert!(notice_text.contains("请于2023年4月15日前"), "{notice_text}");
        let ledger = wb.worksheet_range("整改台账").unwrap();
        let rows: Vec<Vec<String>> = ledger
            .rows()
            .map(|r| r.iter().map(|c| c.to_string()).collect())
            .collect();
        let header = &rows[3];
        let col = |h: &str| header.iter().position(|x| x == h).unwrap();
        let (id, to_fix, measure) = (col("措施ID"), col("需整改事项"), col("整改措施"));
        let data: Vec<&Vec<String>> = rows[4..]
            .iter()
            .filter(|r| !r[measure].is_empty() && !r[id].is_empty())
            .collect();
        assert_eq!(data.len() as u64, c["measures"].as_u64().unwrap(), "{unit}");
        let ids: BTreeSet<&str> = data.iter().map(|r| r[id].as_str()).collect();
        assert_eq!(ids.len(), data.len(), "{unit}: one ID each");
        for i in &ids {
            assert_eq!(i.len(), 14, "{i}");
        }
        if c["overdue"].as_u64().unwrap() > 0 {
            assert!(
                data.iter().any(|r| r[to_fix].contains("已超过整改时限")),
                "{unit}: the overdue row says so"
            );
            assert!(notice_text.contains("一、已逾期事项"));
        }
    }
    // The ID column is hidden: its <col> carries hidden="1".
    let sheet = zip_part(&lists.join("北安社区.xlsx"), "xl/worksheets/sheet2.xml");
    assert!(
        sheet.contains("hidden=\"1\""),
        "the ID column is hidden: {}",
        &sheet[..sheet.len().min(600)]
    );
}

fn zip_part(path: &Path, part: &str) -> String {
    use std::io::Read;
    let mut z = zip::ZipArchive::new(std::fs::File::open(path).unwrap()).unwrap();
    let mut s = String::new();
    z.by_name(part).unwrap().read_to_string(&mut s).unwrap();
    s
}

#[test]
fn the_round_fixture_is_what_merge_of_the_samples_gives_today() {
    // Run tests/fixtures/roundtrip/make.sh when this fails: the consolidated workbook changed.
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("r1.xlsx");
    merge(&root(), "samples", &out, &[]);
    // Every cell of every sheet: the summary, each measure's fields, statuses and texts, the
    // findings and the sources.
    let cells = |p: &Path| {
        let (v, _, _) = run(
            &root(),
            &["verify", p.to_str().unwrap(), "--format", "json"],
        );
        assert_eq!(v["verified"], true, "{v:#}");
        let mut wb = open_workbook_auto(p).unwrap();
        let mut sheets = Vec::new();
        for name in wb.sheet_names() {
            let rows: Vec<Vec<String>> = wb
                .worksheet_range(&name)
                .unwrap()
                .rows()
                .map(|r| r.iter().map(|c| c.to_string()).collect())
                .collect();
            sheets.push((name, rows));
        }
        sheets
    };
    let (got, want) = (cells(&out), cells(&fixtures().join("round1.xlsx")));
    let names =
        |s: &[(String, Vec<Vec<String>>)]| s.iter().map(|(n, _)| n.clone()).collect::<Vec<_>>();
    assert_eq!(names(&got), names(&want));
    for ((name, got), (_, want)) in got.iter().zip(&want) {
        assert_eq!(got.len(), want.len(), "{name}: rows");
        for (i, (g, w)) in got.iter().zip(want).enumerate() {
            assert_eq!(g, w, "{name}, row {}", i + 1);
        }
    }
    // What the ledger holds, by hand from the samples: 56 measures, 29 done.
    let ledger = &got[1].1;
    assert_eq!(ledger.len(), 1 + 56);
    let status = ledger[0].iter().position(|h| h == "状态").unwrap();
    assert_eq!(ledger.iter().filter(|r| r[status] == "已完成").count(), 29);
}

/// A change as the test expects it: (kind, unit, field, old, new, old cell, new cell).
type Expected = (
    &'static str,
    &'static str,
    &'static str,
    &'static str,
    &'static str,
    &'static str,
    &'static str,
);

#[test]
fn the_round_trip_reports_exactly_the_edits_matched_by_id() {
    let dir = tempfile::tempdir().unwrap();
    let r2 = dir.path().join("r2.xlsx");
    let json = dir.path().join("r2.json");
    let (_, code, text) = run(
        &fixtures(),
        &[
            "merge",
            "returned",
            "--follows",
            "round1.xlsx",
            "-o",
            r2.to_str().unwrap(),
            "--json",
            json.to_str().unwrap(),
            "--as-of",
            "2023-03-30",
        ],
    );
    assert_eq!(code, 0, "{text}");
    // Every file read, each in its format, one ledger each.
    let report: Value = serde_json::from_str(&std::fs::read_to_string(&json).unwrap()).unwrap();
    let formats: BTreeSet<&str> = report["inputs"]
        .as_array()
        .unwrap()
        .iter()
        .map(|i| i["format"].as_str().unwrap())
        .collect();
    assert_eq!(formats, ["ods", "xls", "xlsx"].into_iter().collect());
    let rules = |rule: &str| -> Vec<(String, String, String)> {
        report["findings"]
            .as_array()
            .unwrap()
            .iter()
            .filter(|f| f["rule"] == rule)
            .map(|f| {
                (
                    f["file"].as_str().unwrap().to_string(),
                    f["community"].as_str().unwrap().to_string(),
                    f["cell"].as_str().unwrap_or("").to_string(),
                )
            })
            .collect()
    };
    assert_eq!(
        rules("new-measure"),
        [(
            "returned/庆利社区.xls".into(),
            "庆利社区".into(),
            "M10".into()
        )]
    );
    assert_eq!(
        rules("id-not-returned"),
        [("round1.xlsx".into(), "庆利社区".into(), "Y9".into())]
    );
    assert!(rules("unknown-id").is_empty());
    assert!(rules("duplicate-id").is_empty());
    assert!(rules("bad-id").is_empty());

    // verify proves round 2 by its own digests and says which round it follows.
    let (v, code, _) = run(
        &fixtures(),
        &["verify", r2.to_str().unwrap(), "--format", "json"],
    );
    assert_eq!(code, 0, "{v:#}");
    let (v1, _, _) = run(&fixtures(), &["verify", "round1.xlsx", "--format", "json"]);
    assert_eq!(v1["follows"], Value::Null);
    assert!(v["follows"].as_str().is_some_and(|d| d.len() == 64));

    let (d, code, text) = run(
        &fixtures(),
        &[
            "diff",
            "round1.xlsx",
            r2.to_str().unwrap(),
            "--format",
            "json",
        ],
    );
    assert_eq!(code, 0, "{text}");
    assert_eq!(d["matching"], "by-id");
    let got: Vec<(String, String, String, String, String, String, String)> = d["changes"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| {
            let s = |k: &str| c[k].as_str().unwrap_or("").to_string();
            let kind = if c["postponed"] == true {
                "postponed".to_string()
            } else {
                s("kind")
            };
            (
                kind,
                s("community"),
                s("field"),
                s("old"),
                s("new"),
                s("old_cell"),
                s("new_cell"),
            )
        })
        .collect();
    let expected: [Expected; 11] = [
        (
            "postponed",
            "北安社区",
            "deadline",
            "2023-04-30",
            "2023-06-30",
            "整改台账!L6",
            "整改台账!L6",
        ),
        ("removed", "庆利社区", "", "", "", "整改台账!G9", ""),
        (
            "status-changed",
            "北安社区",
            "status",
            "推进中",
            "已完成",
            "整改台账!N5",
            "整改台账!N5",
        ),
        (
            "status-changed",
            "自强社区",
            "status",
            "推进中",
            "已完成",
            "整改台账!N21",
            "整改台账!N14",
        ),
        // The second of two measures with the same text, moved up a row by the unit: the
        // change is its own, at its own cells.
        (
            "status-changed",
            "重庆路北社区",
            "status",
            "推进中",
            "已完成",
            "整改台账!N44",
            "整改台账!N43",
        ),
        (
            "status-changed",
            "重庆路南社区",
            "status",
            "状态不明",
            "推进中",
            "整改台账!N55",
            "整改台账!N55",
        ),
        (
            "completed-on-changed",
            "北安社区",
            "completed_on",
            "",
            "2023年4月10日",
            "整改台账!P5",
            "整改台账!P5",
        ),
        (
            "completed-on-changed",
            "重庆路北社区",
            "completed_on",
            "",
            "2023年4月1日",
            "整改台账!P44",
            "整改台账!P43",
        ),
        (
            "responsibility-changed",
            "重庆路南社区",
            "person",
            "邓华",
            "王芳",
            "整改台账!J54",
            "整改台账!J54",
        ),
        // Rewritten beyond what text similarity matches: the same measure, by its ID.
        (
            "text-changed",
            "重庆路北社区",
            "measure",
            "建立微心愿认领、兑现台账",
            "搭建线上认领平台并每月公示兑现结果",
            "整改台账!G45",
            "整改台账!G45",
        ),
        ("added", "庆利社区", "", "", "", "", "整改台账!G13"),
    ];
    let want: Vec<(String, String, String, String, String, String, String)> = expected
        .iter()
        .map(|e| {
            (
                e.0.to_string(),
                e.1.to_string(),
                e.2.to_string(),
                e.3.to_string(),
                e.4.to_string(),
                e.5.to_string(),
                e.6.to_string(),
            )
        })
        .collect();
    assert_eq!(got, want);
}

#[test]
fn without_follows_the_same_edits_are_matched_by_id_then_text() {
    // A clerk who forgets --follows: IDs still match what came back, the record says nothing
    // of a round, and diff says it matched by ID and then by text.
    let dir = tempfile::tempdir().unwrap();
    let r2 = dir.path().join("r2.xlsx");
    merge(&fixtures(), "returned", &r2, &[]);
    let (d, _, text) = run(
        &fixtures(),
        &[
            "diff",
            "round1.xlsx",
            r2.to_str().unwrap(),
            "--format",
            "json",
        ],
    );
    assert_eq!(d["matching"], "by-id-and-text", "{text}");
    let kinds: Vec<&str> = d["changes"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| c["kind"].as_str().unwrap())
        .collect();
    assert_eq!(kinds.len(), 11, "{kinds:?}");
    let (_, _, human) = run(&fixtures(), &["diff", "round1.xlsx", r2.to_str().unwrap()]);
    assert!(human.contains("按单位"), "{human}");
    assert!(
        human.contains("重庆路北社区：状态变更1、完成时间变更1、文字修改1"),
        "{human}"
    );
}

/// The IDs of a folder of lists, by unit.
fn list_ids(folder: &Path) -> Vec<(String, Vec<String>)> {
    let mut out = Vec::new();
    let mut files: Vec<PathBuf> = std::fs::read_dir(folder)
        .unwrap()
        .map(|e| e.unwrap().path())
        .collect();
    files.sort();
    for f in files {
        let mut wb = open_workbook_auto(&f).unwrap();
        let sheet = wb.worksheet_range("整改台账").unwrap();
        let rows: Vec<Vec<String>> = sheet
            .rows()
            .map(|r| r.iter().map(|c| c.to_string()).collect())
            .collect();
        let id = rows[3].iter().position(|h| h == "措施ID").unwrap();
        let ids = rows[4..]
            .iter()
            .map(|r| r[id].clone())
            .filter(|i| !i.is_empty())
            .collect();
        out.push((f.file_name().unwrap().to_string_lossy().into_owned(), ids));
    }
    out
}

#[test]
fn split_of_the_sources_and_of_their_workbook_give_the_same_ids() {
    let dir = tempfile::tempdir().unwrap();
    let lists = |args: &[&str], out: &str| {
        let mut a = vec!["split"];
        a.extend_from_slice(args);
        let o = dir.path().join(out);
        a.extend_from_slice(&["-o", o.to_str().unwrap(), "--as-of", "2023-03-30"]);
        let (_, code, text) = run(&root(), &a);
        assert_eq!(code, 0, "{text}");
        list_ids(&o)
    };
    let from_sources = lists(&["samples"], "a");
    let from_workbook = lists(&["tests/fixtures/roundtrip/round1.xlsx"], "b");
    assert_eq!(from_sources.len(), 6);
    assert_eq!(from_sources, from_workbook);
    // An output folder that is a file is refused, and nothing is written.
    let file = dir.path().join("file.txt");
    std::fs::write(&file, "x").unwrap();
    let (_, code, text) = run(&root(), &["split", "samples", "-o", file.to_str().unwrap()]);
    assert_eq!(code, 2, "{text}");
    assert!(text.contains("不是文件夹"), "{text}");
}

#[test]
fn a_chinese_and_an_english_workbook_of_the_same_ledgers_do_not_differ() {
    // Statuses are compared by category, not by the word the workbook's language writes.
    let dir = tempfile::tempdir().unwrap();
    for (out, lang) in [("zh.xlsx", "zh"), ("en.xlsx", "en")] {
        let path = dir.path().join(out);
        let (_, code, text) = run(
            &root(),
            &[
                "merge",
                "samples",
                "-o",
                path.to_str().unwrap(),
                "--as-of",
                "2023-03-30",
                "--lang",
                lang,
            ],
        );
        assert_eq!(code, 0, "{text}");
    }
    let (d, code, text) = run(
        dir.path(),
        &["diff", "zh.xlsx", "en.xlsx", "--format", "json"],
    );
    assert_eq!(code, 0, "{text}");
    assert_eq!(d["changes"].as_array().map(Vec::len), Some(0), "{d:#}");
}
