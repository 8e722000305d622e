//! Issue 28 item 6 in the consolidated workbook: each ledger row carries its unit's parent (the
//! level above it: a section row's office over its retailers), the summary rolls the units up
//! by parent in formulas over those cells, `verify` re-derives that table and catches a forged
//! parent number or parent cell, and workbooks written before the parent column still verify
//! and compare.

use crate::support::{ledger_rows, root, run_json as run};
use crate::verify::{edit_part, kinds_and_cells};
use serde_json::Value;
use std::path::{Path, PathBuf};

/// The dev set's ledger whose section rows (`一、城关市场管理所`) name the offices over the
/// retailers that are its units: two offices, two retailers each.
fn offices() -> PathBuf {
    root().join("tests/fixtures/dev9/files/XX县烟草专卖局卷烟零售户市场检查整改登记表.xlsx")
}

const AS_OF: &str = "2025-10-31";

fn merge(dir: &Path, src: &Path, out: &str, as_of: &str) -> PathBuf {
    let (_, code, text) = run(
        dir,
        &["merge", src.to_str().unwrap(), "-o", out, "--as-of", as_of],
    );
    assert_eq!(code, 0, "{text}");
    dir.join(out)
}

fn verify(dir: &Path, wb: &Path, extra: &[&str]) -> (Value, i32) {
    let mut args = vec!["verify", wb.to_str().unwrap(), "--format", "json"];
    args.extend_from_slice(extra);
    let (v, code, text) = run(dir, &args);
    assert!(code == 0 || code == 1, "{text}");
    (v, code)
}

/// The summary sheet's cells as calamine shows them (cached results of the formulas).
fn summary_rows(workbook: &Path) -> Vec<Vec<String>> {
    use calamine::Reader;
    let mut wb = calamine::open_workbook_auto(workbook).unwrap();
    wb.worksheet_range("汇总")
        .unwrap()
        .rows()
        .map(|r| r.iter().map(|c| c.to_string()).collect())
        .collect()
}

/// The rows of the table by parent: its header row's index (0-based) and the rows below it
/// up to the first empty one; `None` without the table.
fn by_parent(rows: &[Vec<String>]) -> Option<(usize, Vec<Vec<String>>)> {
    let label = rows.iter().position(|r| r[0] == "按上级单位")?;
    let header = label + 1;
    let body = rows[header + 1..]
        .iter()
        .take_while(|r| !r[0].is_empty())
        .cloned()
        .collect();
    Some((header, body))
}

/// The 1-based row of the summary whose first cell is `label`, as an A1 row number.
fn row_of(rows: &[Vec<String>], label: &str) -> usize {
    rows.iter().position(|r| r[0] == label).unwrap() + 1
}

#[test]
fn the_summary_rolls_the_units_up_by_parent_from_the_rows() {
    let dir = tempfile::tempdir().unwrap();
    let wb = merge(dir.path(), &offices(), "m.xlsx", AS_OF);
    // Every ledger row names its unit's office in the parent column (Z, after the ID).
    let ledger = ledger_rows(&wb);
    assert_eq!(ledger[0][25], "上级\n单位");
    assert_eq!(ledger[0][26], "行校验码");
    for r in &ledger[1..] {
        let want = match r[1].as_str() {
            "城关福满多便利店" | "好又多超市（建设路店）" => "城关市场管理所",
            "老街烟酒商行" | "惠民副食店" => "东关市场管理所",
            other => panic!("unit {other}"),
        };
        assert_eq!(r[25], want, "{r:?}");
    }
    assert_eq!(ledger.len(), 17);
    // The table by parent: after the category table, the category table's columns.
    let rows = summary_rows(&wb);
    let (header, body) = by_parent(&rows).expect("a table by parent");
    assert_eq!(
        rows[header][..5],
        ["上级单位", "问题", "已整改\n问题", "措施", "已完成"]
    );
    assert!(header > row_of(&rows, "按问题类别"));
    assert!(rows[header + 1 + body.len() + 1][0].starts_with("制表人"));
    let names: Vec<&str> = body.iter().map(|r| r[0].as_str()).collect();
    assert_eq!(names, ["城关市场管理所", "东关市场管理所"]);
    // Each counter the sum of its units' on the unit table, and what check's JSON rolls up.
    let (v, code, text) = run(
        dir.path(),
        &[
            "check",
            offices().to_str().unwrap(),
            "--as-of",
            AS_OF,
            "--format",
            "json",
        ],
    );
    assert!(code == 0 || code == 1, "{text}");
    let keys = [
        "problems",
        "problems_done",
        "measures",
        "measures_done",
        "measures_long_term",
        "measures_in_progress",
        "measures_not_started",
        "measures_unknown_status",
        "overdue",
        "due_soon",
    ];
    let units_of = |parent: &str| -> Vec<usize> {
        let p = v["parents"]
            .as_array()
            .unwrap()
            .iter()
            .find(|p| p["name"] == parent)
            .unwrap();
        p["communities"]
            .as_array()
            .unwrap()
            .iter()
            .map(|u| row_of(&rows, u.as_str().unwrap()) - 1)
            .collect()
    };
    for (row, parent) in body.iter().zip(v["parents"].as_array().unwrap()) {
        assert_eq!(row[0], parent["name"].as_str().unwrap());
        let under = units_of(&row[0]);
        assert_eq!(under.len(), 2);
        for (i, k) in keys.iter().enumerate() {
            let shown: u64 = row[i + 1].parse().unwrap();
            let sum: u64 = under
                .iter()
                .map(|u| rows[*u][i + 1].parse::<u64>().unwrap())
                .sum();
            assert_eq!(shown, sum, "{} {k}", row[0]);
            assert_eq!(shown, parent[k].as_u64().unwrap(), "{} {k}", row[0]);
        }
    }
    // The numbers, counted by hand in the ledger: 8 measures each, 2 and 3 done, 5 and 4
    // overdue.
    assert_eq!(body[0][1..5], ["8", "2", "8", "2"]);
    assert_eq!(body[1][1..5], ["8", "3", "8", "3"]);
    assert_eq!((body[0][9].as_str(), body[1][9].as_str()), ("5", "4"));
    let (r, code) = verify(dir.path(), &wb, &["--sources", offices().to_str().unwrap()]);
    assert_eq!(code, 0, "{r:#}");
}

#[test]
fn units_without_a_parent_have_no_table_and_an_empty_column() {
    let dir = tempfile::tempdir().unwrap();
    let wb = merge(dir.path(), &root().join("samples"), "m.xlsx", "2023-03-30");
    let ledger = ledger_rows(&wb);
    assert_eq!(ledger[0][25], "上级\n单位");
    assert!(ledger[1..].iter().all(|r| r[25].is_empty()));
    let rows = summary_rows(&wb);
    assert!(by_parent(&rows).is_none());
    assert!(!rows.iter().flatten().any(|c| c == "上级单位"));
}

#[test]
fn a_forged_parent_number_fails_verify() {
    let dir = tempfile::tempdir().unwrap();
    let wb = merge(dir.path(), &offices(), "m.xlsx", AS_OF);
    let row = row_of(&summary_rows(&wb), "城关市场管理所");
    let bad = dir.path().join("bad.xlsx");
    // 城关市场管理所's measures (D) claimed as 9 instead of 8.
    let cell = format!("<c r=\"D{row}\"");
    edit_part(&wb, &bad, "xl/worksheets/sheet1.xml", |s| {
        let at = s.find(&cell).unwrap();
        let v = at + s[at..].find("<v>").unwrap();
        let end = v + s[v..].find("</v>").unwrap() + 4;
        assert_eq!(&s[v..end], "<v>8</v>");
        format!("{}<v>9</v>{}", &s[..v], &s[end..])
    });
    let (v, code) = verify(dir.path(), &bad, &[]);
    assert_eq!(code, 1, "{v:#}");
    assert_eq!(
        kinds_and_cells(&v),
        [("summary-value".to_string(), format!("D{row}"))],
        "{v:#}"
    );
}

#[test]
fn a_parent_cell_changed_on_a_ledger_row_fails_verify() {
    let dir = tempfile::tempdir().unwrap();
    let wb = merge(dir.path(), &offices(), "m.xlsx", AS_OF);
    let rows = summary_rows(&wb);
    let (a, b) = (
        row_of(&rows, "城关市场管理所"),
        row_of(&rows, "东关市场管理所"),
    );
    let bad = dir.path().join("bad.xlsx");
    // The first row moved from one office to the other behind the tool's back.
    edit_part(&wb, &bad, "xl/worksheets/sheet2.xml", |s| {
        let at = s.find("<c r=\"Z2\"").unwrap();
        let end = at + s[at..].find("</c>").unwrap();
        let cell = s[at..end].replacen("城关市场管理所", "东关市场管理所", 1);
        format!("{}{cell}{}", &s[..at], &s[end..])
    });
    let (v, code) = verify(dir.path(), &bad, &[]);
    assert_eq!(code, 1, "{v:#}");
    let found = kinds_and_cells(&v);
    for want in [
        ("summary-value", format!("D{a}")),
        ("summary-value", format!("D{b}")),
        ("cell-edited", "Z2".to_string()),
    ] {
        assert!(
            found.contains(&(want.0.to_string(), want.1.clone())),
            "{want:?} in {found:?}"
        );
    }
    assert!(found.iter().any(|(k, _)| k == "digest"), "{found:?}");
}

#[test]
fn a_parent_the_summary_does_not_show_fails_verify() {
    let dir = tempfile::tempdir().unwrap();
    let wb = merge(dir.path(), &offices(), "m.xlsx", AS_OF);
    let bad = dir.path().join("bad.xlsx");
    // Every row of 东关 under an office the table does not have.
    edit_part(&wb, &bad, "xl/worksheets/sheet2.xml", |s| {
        s.replace(">东关市场管理所<", ">西关市场管理所<")
    });
    let (v, code) = verify(dir.path(), &bad, &[]);
    assert_eq!(code, 1, "{v:#}");
    let missing: Vec<&Value> = v["discrepancies"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|d| d["kind"] == "summary-missing")
        .collect();
    assert_eq!(missing.len(), 1, "{v:#}");
    assert_eq!(missing[0]["expected"], "西关市场管理所", "{v:#}");
}

#[test]
fn a_merge_of_merged_workbooks_keeps_the_parents() {
    let dir = tempfile::tempdir().unwrap();
    let first = merge(dir.path(), &offices(), "m.xlsx", AS_OF);
    let again = merge(dir.path(), &first, "again.xlsx", AS_OF);
    let (_, body) = by_parent(&summary_rows(&again)).expect("a table by parent");
    let (_, was) = by_parent(&summary_rows(&first)).unwrap();
    let names = |b: &[Vec<String>]| -> Vec<(String, String)> {
        b.iter().map(|r| (r[0].clone(), r[3].clone())).collect()
    };
    assert_eq!(names(&body), names(&was));
    let (v, code) = verify(dir.path(), &again, &[]);
    assert_eq!(code, 0, "{v:#}");
}

/// The consolidated workbook of the samples as taizhang wrote it before the parent column:
/// 26 columns, its inputs' table a row higher on the sources sheet.
fn before_parent() -> PathBuf {
    root().join("tests/fixtures/merged-before-parent.xlsx")
}

#[test]
fn a_workbook_written_before_the_parent_column_still_verifies() {
    let old = before_parent();
    let ledger = ledger_rows(&old);
    assert_eq!(ledger[0].len(), 26);
    assert_eq!(ledger[0][25], "行校验码");
    let samples = root().join("samples");
    let (v, code) = verify(&root(), &old, &["--sources", samples.to_str().unwrap()]);
    assert_eq!(code, 0, "{v:#}");
    let names: Vec<&str> = v["checks"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| c["name"].as_str().unwrap())
        .collect();
    assert_eq!(
        names,
        ["structure", "summary", "derived", "integrity", "sources"]
    );
    // Its digests still name an edited cell.
    let dir = tempfile::tempdir().unwrap();
    let bad = dir.path().join("bad.xlsx");
    edit_part(&old, &bad, "xl/worksheets/sheet2.xml", |s| {
        s.replacen("增设小区党群服务站2个", "增设小区党群服务站3个", 1)
    });
    let (v, code) = verify(dir.path(), &bad, &[]);
    assert_eq!(code, 1);
    let found = kinds_and_cells(&v);
    assert!(
        found.contains(&("cell-edited".into(), "G5".into())),
        "{found:?}"
    );
}

#[test]
fn diff_of_a_workbook_before_the_parent_column_and_one_with_it_finds_no_change() {
    let dir = tempfile::tempdir().unwrap();
    let new = merge(dir.path(), &root().join("samples"), "m.xlsx", "2023-03-30");
    let (v, code, text) = run(
        dir.path(),
        &[
            "diff",
            before_parent().to_str().unwrap(),
            new.to_str().unwrap(),
            "--format",
            "json",
        ],
    );
    assert_eq!(code, 0, "{text}");
    assert_eq!(v["changes"].as_array().map(Vec::len), Some(0), "{v:#}");
}
