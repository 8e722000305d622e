//! Issue 12, values kept: serial dates as Excel shows them (before 1900-03-01 too), times of
//! day, a cell over the cell limit (a finding naming it; the workbook holds it cut), sheets
//! named with spaces only, a problem spanning two ledger sheets, error cells. Each is written
//! here, merged, read back with calamine and verified against its source.

use crate::support;

use crate::support::root;
use crate::support::run_json as run;
use calamine::{Data, Reader, Xlsx, open_workbook};
use rust_xlsxwriter::{ExcelDateTime, Format, Workbook};
use serde_json::Value;
use std::path::{Path, PathBuf};

const HEADER: [&str; 9] = [
    "序号",
    "反馈问题",
    "整改措施",
    "责任领导",
    "责任科室",
    "责任人",
    "整改时限",
    "完成情况",
    "备注",
];

/// Merges `src` (a file in `dir`) into `m.xlsx` and verifies it against its source.
fn merge_and_verify(dir: &Path, src: &str) -> PathBuf {
    let (_, code, text) = run(
        dir,
        &["merge", src, "-o", "m.xlsx", "--as-of", "2023-03-30"],
    );
    assert_eq!(code, 0, "{text}");
    let (v, code, text) = run(
        dir,
        &["verify", "m.xlsx", "--sources", src, "--format", "json"],
    );
    assert_eq!(code, 0, "the untouched workbook verifies: {text}");
    assert_eq!(v["verdict"], "verified");
    dir.join("m.xlsx")
}

/// The ledger sheet's column of a header, read with calamine.
fn ledger_column(wb: &Path, header: &str) -> Vec<Data> {
    let mut x: Xlsx<_> = open_workbook(wb).unwrap();
    let r = x.worksheet_range("整改台账").unwrap();
    let col = r
        .rows()
        .next()
        .unwrap()
        .iter()
        .position(|h| *h == header)
        .unwrap();
    r.rows().skip(1).map(|row| row[col].clone()).collect()
}

#[test]
fn dates_before_1900_03_01_and_times_of_day_are_kept_as_excel_shows_them() {
    let dir = tempfile::tempdir().unwrap();
    let mut wb = Workbook::new();
    let ws = wb.add_worksheet();
    let date = Format::new().set_num_format("yyyy-mm-dd");
    let time = Format::new().set_num_format("hh:mm");
    let stamp = Format::new().set_num_format("yyyy-mm-dd hh:mm");
    for (i, h) in HEADER.iter().enumerate() {
        ws.write_string(0, i as u16, *h).unwrap();
    }
    let notes: [(&str, ExcelDateTime, &Format); 5] = [
        ("a", ExcelDateTime::from_ymd(1900, 1, 1).unwrap(), &date),
        ("b", ExcelDateTime::from_ymd(1900, 2, 28).unwrap(), &date),
        ("c", ExcelDateTime::from_ymd(1900, 3, 1).unwrap(), &date),
        ("d", ExcelDateTime::from_hms(14, 30, 0).unwrap(), &time),
        (
            "e",
            ExcelDateTime::parse_from_str("2023-05-06T09:15:00").unwrap(),
            &stamp,
        ),
    ];
    for (k, (p, when, fmt)) in notes.iter().enumerate() {
        let r = k as u32 + 1;
        ws.write_number(r, 0, f64::from(r)).unwrap();
        ws.write_string(r, 1, format!("问题{p}")).unwrap();
        ws.write_string(r, 2, format!("措施{p}")).unwrap();
        for c in 3..6 {
            ws.write_string(r, c, "王").unwrap();
        }
        ws.write_string(r, 6, "2023年6月底前").unwrap();
        ws.write_string(r, 7, "推进中").unwrap();
        ws.write_datetime_with_format(r, 8, when, fmt).unwrap();
    }
    wb.save(dir.path().join("甲社区台账.xlsx")).unwrap();
    let out = merge_and_verify(dir.path(), "甲社区台账.xlsx");
    let notes = ledger_column(&out, "备注");
    let shown: Vec<String> = notes
        .iter()
        .map(|d| match d {
            Data::DateTime(x) => x.as_datetime().unwrap().format("%Y-%m-%d").to_string(),
            other => other.to_string(),
        })
        .collect();
    assert_eq!(
        shown,
        [
            "1900-01-01",
            "1900-02-28",
            "1900-03-01",
            "14:30",
            "2023-05-06 09:15"
        ]
    );
    // The serials themselves are Excel's: 1, 59 and 61 (60 is Excel's 1900-02-29).
    let serials: Vec<f64> = notes[..3]
        .iter()
        .map(|d| match d {
            Data::DateTime(x) => x.as_f64(),
            other => panic!("{other:?}"),
        })
        .collect();
    assert_eq!(serials, [1.0, 59.0, 61.0]);
}

#[test]
fn a_cell_over_the_limit_is_a_finding_naming_it_and_is_held_cut() {
    let dir = tempfile::tempdir().unwrap();
    let long = "整".repeat(40_000);
    std::fs::write(
        dir.path().join("乙社区台账.csv"),
        format!(
            "{}\n1,问题,{long},王,党办,李,2023年6月,推进中,\n",
            HEADER.join(",")
        ),
    )
    .unwrap();
    let (v, _, text) = run(
        dir.path(),
        &[
            "check",
            "乙社区台账.csv",
            "--format",
            "json",
            "--as-of",
            "2023-03-30",
        ],
    );
    let f: Vec<&Value> = v["findings"]
        .as_array()
        .unwrap_or_else(|| panic!("{text}"))
        .iter()
        .filter(|f| f["rule"] == "cell-too-long")
        .collect();
    assert_eq!(f.len(), 1, "{v:#}");
    assert_eq!(f[0]["severity"], "error");
    assert_eq!(f[0]["cell"], "C2");
    assert!(f[0]["file"].as_str().unwrap().contains("乙社区台账.csv"));
    assert!(f[0]["message"].as_str().unwrap().contains("40000"));
    let out = merge_and_verify(dir.path(), "乙社区台账.csv");
    let measure = ledger_column(&out, "整改措施")[0].to_string();
    assert_eq!(measure.chars().count(), 32_767);
    assert!(
        measure.ends_with("…[截断:原文40000字]"),
        "{}",
        &measure[measure.len() - 60..]
    );
}

#[test]
fn a_sheet_named_with_spaces_only_survives_the_round_trip() {
    let dir = tempfile::tempdir().unwrap();
    let mut wb = Workbook::new();
    let ws = wb.add_worksheet();
    ws.set_name("   ").unwrap();
    for (i, h) in HEADER.iter().enumerate() {
        ws.write_string(0, i as u16, *h).unwrap();
    }
    let row = [
        "1",
        "问题",
        "措施",
        "王",
        "党办",
        "李",
        "2023年6月",
        "已完成",
        "",
    ];
    for (i, v) in row.iter().enumerate() {
        ws.write_string(1, i as u16, *v).unwrap();
    }
    wb.save(dir.path().join("丙社区台账.xlsx")).unwrap();
    let out = merge_and_verify(dir.path(), "丙社区台账.xlsx");
    assert_eq!(ledger_column(&out, "来源工作表")[0].to_string(), "   ");
}

#[test]
fn a_problem_whose_measures_spill_onto_the_next_ledger_sheet_is_one_problem() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("m.xlsx");
    let settings =
        taizhang::config::Settings::new(chrono::NaiveDate::from_ymd_opt(2023, 3, 30).unwrap());
    let key = |r: &[Data]| (r[1].to_string(), r[2].to_string());
    // Sheets small enough that the 56 rows take several, split inside a problem.
    let spans = (20..40).any(|max_rows| {
        let mut book = taizhang::workbook::Consolidator::new(&settings).unwrap();
        book.set_max_rows(max_rows);
        for input in taizhang::source::discover(&[root().join("samples")]) {
            book.add_file(&taizhang::pipeline::process_file(&input, &settings))
                .unwrap();
        }
        book.finish(&out).unwrap();
        let mut x: Xlsx<_> = open_workbook(&out).unwrap();
        let first = x.worksheet_range("整改台账").unwrap();
        let second = x.worksheet_range("整改台账(2)").unwrap();
        let last = first.rows().next_back().unwrap().to_vec();
        let next = second.rows().nth(1).unwrap().to_vec();
        key(&last) == key(&next) && next[3] != Data::Float(1.0)
    });
    assert!(spans, "a split inside a problem");
    let (v, _, text) = run(
        dir.path(),
        &[
            "check",
            "m.xlsx",
            "--format",
            "json",
            "--as-of",
            "2023-03-30",
        ],
    );
    assert_eq!(v["totals"]["problems"], 30, "{text}");
    assert_eq!(v["totals"]["measures"], 56);
    let (v, code, _) = run(dir.path(), &["verify", "m.xlsx", "--format", "json"]);
    assert_eq!(code, 0, "{v:#}");
}

#[test]
fn an_error_cell_is_missing_and_named_not_a_person() {
    let dir = tempfile::tempdir().unwrap();
    let mut cells = String::new();
    for (i, h) in HEADER.iter().take(8).enumerate() {
        let col = (b'A' + i as u8) as char;
        cells.push_str(&format!(
            r#"<c r="{col}1" t="inlineStr"><is><t>{h}</t></is></c>"#
        ));
    }
    let row2 = r#"<c r="A2"><v>1</v></c><c r="B2" t="inlineStr"><is><t>问题</t></is></c><c r="C2" t="inlineStr"><is><t>措施</t></is></c><c r="D2" t="inlineStr"><is><t>王</t></is></c><c r="E2" t="inlineStr"><is><t>党办</t></is></c><c r="F2" t="e"><f>VLOOKUP(B2,名单!A:B,2,0)</f><v>#N/A</v></c><c r="G2" t="inlineStr"><is><t>2023年6月</t></is></c><c r="H2" t="inlineStr"><is><t>推进中</t></is></c>"#;
    let sheet = format!(
        r#"<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData><row r="1">{cells}</row><row r="2">{row2}</row></sheetData></worksheet>"#
    );
    std::fs::write(
        dir.path().join("丁社区台账.xlsx"),
        support::xlsx_with_sheet(&sheet, None),
    )
    .unwrap();
    let (v, _, text) = run(
        dir.path(),
        &[
            "check",
            "丁社区台账.xlsx",
            "--format",
            "json",
            "--as-of",
            "2023-03-30",
        ],
    );
    let f: Vec<&Value> = v["findings"]
        .as_array()
        .unwrap_or_else(|| panic!("{text}"))
        .iter()
        .filter(|f| f["rule"] == "missing-cell")
        .collect();
    assert_eq!(f.len(), 1, "{v:#}");
    assert_eq!(f[0]["cell"], "F2");
    assert!(
        f[0]["message"].as_str().unwrap().contains("#N/A"),
        "{}",
        f[0]
    );
}
