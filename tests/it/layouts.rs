//! Ledgers this project's samples do not hold, written here by other means: a CSV exported with
//! a UTF-8 BOM and a two-row header, an xlsx with section rows and no category column, one
//! workbook with a sheet per unit, repeated problem text instead of merges, and a
//! configuration file. Each is checked through the binary and its JSON.

use assert_cmd::Command;
use rust_xlsxwriter::{ExcelDateTime, Format, Workbook};
use serde_json::Value;
use std::path::Path;

fn check(dir: &Path, args: &[&str]) -> Value {
    let out = Command::cargo_bin("taizhang")
        .unwrap()
        .current_dir(dir)
        .arg("check")
        .args(args)
        .args(["--format", "json", "--as-of", "2023-03-30"])
        .output()
        .unwrap();
    serde_json::from_slice(&out.stdout)
        .unwrap_or_else(|e| panic!("{e}: {}", String::from_utf8_lossy(&out.stderr)))
}

fn findings(v: &Value) -> Vec<(String, String)> {
    v["findings"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| {
            (
                f["rule"].as_str().unwrap().to_string(),
                f["cell"].as_str().unwrap().to_string(),
            )
        })
        .collect()
}

#[test]
fn utf8_bom_csv_with_a_two_row_header_and_continuation_rows() {
    let dir = tempfile::tempdir().unwrap();
    let csv = "\u{feff}北安社区巡察整改台账,,,,,,,\n\
        序号,反馈问题,整改措施,责任主体,,,整改时限,完成情况\n\
        ,,,责任领导,责任科室,责任人,,\n\
        1,垃圾分类宣传不到位,开展入户宣传,王强,城建办,李梅,2023年2月底前,已完成\n\
        ,,设置分类督导员,王强,城建办,李梅,2023年4月5日,推进中\n\
        2,停车难,\"1.施划车位;2.错时共享\",王强,城建办,,2023年3月1日,推进中\n\
        填报人:李梅,,,,,,,\n";
    std::fs::write(dir.path().join("beian.csv"), csv).unwrap();
    let v = check(dir.path(), &["beian.csv"]);
    let c = &v["communities"][0];
    assert_eq!(c["community"], "北安社区");
    assert_eq!(c["problems"], 2);
    assert_eq!(c["measures"], 4);
    assert_eq!(c["measures_done"], 1);
    assert_eq!(c["overdue"], 2, "both items of problem 2");
    assert_eq!(c["due_soon"], 1);
    assert_eq!(v["inputs"][0]["ledgers"][0]["header_row"], 2);
    assert_eq!(
        findings(&v),
        vec![
            ("due-soon".to_string(), "G5".to_string()),
            ("missing-cell".to_string(), "F6".to_string()),
            ("overdue".to_string(), "G6".to_string()),
            ("overdue".to_string(), "G6".to_string()),
        ]
    );
}

#[test]
fn section_rows_and_a_sheet_per_unit() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("街道汇总.xlsx");
    let mut wb = Workbook::new();
    let date = Format::new().set_num_format("yyyy-mm-dd");
    for (name, done) in [("庆利社区", "已完成"), ("自强社区", "推进中")] {
        let ws = wb.add_worksheet();
        ws.set_name(name).unwrap();
        ws.write_string(0, 0, "巡察整改台账").unwrap();
        for (c, h) in [
            "序号",
            "反馈问题",
            "整改措施",
            "责任领导",
            "责任科室",
            "责任人",
            "整改时限",
            "完成情况",
        ]
        .iter()
        .enumerate()
        {
            ws.write_string(1, c as u16, *h).unwrap();
        }
        ws.merge_range(2, 0, 2, 7, "一、党建引领方面", &Format::new())
            .unwrap();
        let row =
            |ws: &mut rust_xlsxwriter::Worksheet, r: u32, seq: f64, p: &str, m: &str, st: &str| {
                ws.write_number(r, 0, seq).unwrap();
                ws.write_string(r, 1, p).unwrap();
                ws.write_string(r, 2, m).unwrap();
                for (c, v) in ["刘洋", "党建办", "陈晨"].iter().enumerate() {
                    ws.write_string(r, 3 + c as u16, *v).unwrap();
                }
                ws.write_datetime_with_format(
                    r,
                    6,
                    ExcelDateTime::from_ymd(2023, 3, 20).unwrap(),
                    &Format::new().set_num_format("yyyy-mm-dd"),
                )
                .unwrap();
                ws.write_string(r, 7, st).unwrap();
            };
        row(ws, 3, 1.0, "学习不深入", "制定学习计划", done);
        row(ws, 4, 1.0, "学习不深入", "开展专题学习", done);
        ws.merge_range(5, 0, 5, 7, "二、基层治理方面", &Format::new())
            .unwrap();
        row(ws, 6, 1.0, "议事会议少", "每月召开议事会", done);
        let _ = &date;
    }
    wb.save(&path).unwrap();
    let v = check(dir.path(), &["街道汇总.xlsx"]);
    let names: Vec<&str> = v["communities"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| c["community"].as_str().unwrap())
        .collect();
    assert_eq!(
        names,
        ["庆利社区", "自强社区"],
        "community from the sheet name"
    );
    for c in v["communities"].as_array().unwrap() {
        // seq 1 under two categories is two problems; the repeated seq 1 is one problem.
        assert_eq!(c["problems"], 2);
        assert_eq!(c["measures"], 3);
    }
    assert_eq!(v["communities"][0]["overdue"], 0);
    assert_eq!(v["communities"][1]["overdue"], 3);
    assert!(
        !findings(&v).iter().any(|(r, _)| r == "numbering"),
        "numbering restarts per section"
    );
}

#[test]
fn configuration_adds_words_and_names_units() {
    let dir = tempfile::tempdir().unwrap();
    // Words taizhang does not know: 跟踪员 (the person), 进展态势 (the status) and the
    // statuses 圆满收官 (done) and 收尾阶段 (in progress), which no word or form of a state
    // reads (已收官 and 未收官 read by their form: 已… done, 未… never done).
    let csv = "序号,问题,措施,牵头领导,牵头部门,跟踪员,时限,进展态势\n\
               1,问题甲,措施甲,王,党办,李,2023年6月底,圆满收官\n\
               2,问题乙,措施乙,王,党办,张,2023年6月底,收尾阶段\n";
    std::fs::write(dir.path().join("a1.csv"), csv).unwrap();
    let headers = "[headers]\nperson = [\"跟踪员\"]\nstatus = [\"进展态势\"]\n";
    let statuses = "[statuses]\ndone = [\"圆满收官\"]\nin_progress = [\"收尾阶段\"]\n";
    let units = "[communities]\n\"a?.csv\" = \"重庆路南社区\"\n";
    let run = |config: &str| {
        if config.is_empty() {
            return check(dir.path(), &["a1.csv"]);
        }
        std::fs::write(dir.path().join("taizhang.toml"), config).unwrap();
        check(dir.path(), &["a1.csv", "--config", "taizhang.toml"])
    };
    let column = |v: &Value, field: &str| {
        v["inputs"][0]["ledgers"][0]["columns"][field]["column"]
            .as_str()
            .map(str::to_string)
    };
    let rules = |v: &Value| -> Vec<String> { findings(v).into_iter().map(|(r, _)| r).collect() };
    let read = |v: &Value| {
        [
            "measures_done",
            "measures_in_progress",
            "measures_unknown_status",
        ]
        .map(|k| v["totals"][k].as_u64().unwrap())
    };

    // Without a configuration neither column is found and no status is read.
    let v = run("");
    assert_eq!(rules(&v), ["missing-column"]);
    assert_eq!((column(&v, "person"), column(&v, "status")), (None, None));
    assert_eq!(read(&v), [0, 0, 2]);
    assert_eq!(v["communities"][0]["community"], "a1");

    // [headers] finds the columns; their words are still unknown.
    let v = run(&format!("{headers}{units}"));
    assert_eq!(rules(&v), ["bad-status", "bad-status"]);
    assert_eq!(column(&v, "person").as_deref(), Some("F"));
    assert_eq!(column(&v, "status").as_deref(), Some("H"));
    assert_eq!(read(&v), [0, 0, 2]);
    assert_eq!(v["communities"][0]["community"], "重庆路南社区");

    // [statuses] reads the words (the column is found by them), not the person's header.
    let v = run(statuses);
    assert_eq!(rules(&v), Vec::<String>::new());
    assert_eq!(column(&v, "person"), None);
    assert_eq!(read(&v), [1, 1, 0]);

    // Both: every column and every status read.
    let v = run(&format!("{headers}{statuses}{units}"));
    assert_eq!(rules(&v), Vec::<String>::new());
    assert_eq!(column(&v, "person").as_deref(), Some("F"));
    assert_eq!(column(&v, "status").as_deref(), Some("H"));
    assert_eq!(read(&v), [1, 1, 0]);
    assert_eq!(v["communities"][0]["community"], "重庆路南社区");
    assert_eq!(v["communities"][0]["measures_done"], 1);
}

#[test]
fn files_that_are_not_ledgers() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("notes.csv"), "a,b\n1,2\n").unwrap();
    std::fs::write(dir.path().join("noise.csv"), [0u8, 159, 146, 150, 0, 1]).unwrap();
    std::fs::write(dir.path().join("fake.xlsx"), "not a zip").unwrap();
    std::fs::write(dir.path().join("readme.txt"), "hello").unwrap();
    std::fs::write(dir.path().join("~$lock.xlsx"), "x").unwrap();
    std::fs::write(dir.path().join(".hidden.xlsx"), "x").unwrap();
    let v = check(dir.path(), &["."]);
    let got = findings(&v);
    assert_eq!(
        v["inputs"].as_array().unwrap().len(),
        3,
        "txt, lock and hidden files are not inputs"
    );
    assert_eq!(
        got.iter().filter(|(r, _)| r == "unreadable-file").count(),
        2
    );
    assert_eq!(got.iter().filter(|(r, _)| r == "no-ledger").count(), 1);
    // Named explicitly, an unsupported file is an input and says why it cannot be read.
    let v = check(dir.path(), &["readme.txt", "missing.xlsx"]);
    let msgs: Vec<&str> = v["findings"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| f["message"].as_str().unwrap())
        .collect();
    assert!(msgs[0].contains(".txt"), "{msgs:?}");
    assert!(msgs[1].contains("不存在"), "{msgs:?}");
}
