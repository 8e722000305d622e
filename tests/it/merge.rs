//! `taizhang merge`, `convert` and `template`, read back with calamine: sheets, rows, formulas
//! and their cached results, hashes, digests, the print setup, and the safety of writing.

use crate::support;

use crate::support::root;
use assert_cmd::Command;
use calamine::{Data, Reader, Xlsx, open_workbook};
use serde_json::Value;
use sha2::{Digest, Sha256};
use std::io::Read;
use std::path::{Path, PathBuf};

fn taizhang(dir: &Path, args: &[&str]) -> std::process::Output {
    Command::cargo_bin("taizhang")
        .unwrap()
        .current_dir(dir)
        .args(args)
        .output()
        .unwrap()
}

fn merge_samples(dir: &Path, extra: &[&str]) -> PathBuf {
    let out = dir.join("out.xlsx");
    let samples = root().join("samples");
    let mut args = vec![
        "merge",
        samples.to_str().unwrap(),
        "-o",
        out.to_str().unwrap(),
        "--as-of",
        "2023-03-30",
    ];
    args.extend_from_slice(extra);
    let o = taizhang(dir, &args);
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    out
}

fn text(d: &Data) -> String {
    match d {
        Data::Empty => String::new(),
        Data::String(s) => s.clone(),
        Data::Float(f) => taizhang::value::text::format_number(*f),
        Data::Int(i) => i.to_string(),
        Data::DateTime(dt) => dt
            .as_datetime()
            .map(|d| d.format("%Y-%m-%d").to_string())
            .unwrap_or_default(),
        other => other.to_string(),
    }
}

fn sheet(path: &Path, name: &str) -> Vec<Vec<String>> {
    let mut wb: Xlsx<_> = open_workbook(path).unwrap();
    let r = wb.worksheet_range(name).unwrap();
    let (r0, c0) = r.start().unwrap_or((0, 0));
    let (h, w) = (r.end().unwrap().0 + 1, r.end().unwrap().1 + 1);
    let mut out = vec![vec![String::new(); w as usize]; h as usize];
    for (i, row) in r.rows().enumerate() {
        for (j, c) in row.iter().enumerate() {
            out[i + r0 as usize][j + c0 as usize] = text(c);
        }
    }
    out
}

fn check_json(path: &Path, as_of: &str) -> Value {
    let o = taizhang(
        &root(),
        &[
            "check",
            path.to_str().unwrap(),
            "--as-of",
            as_of,
            "--format",
            "json",
        ],
    );
    serde_json::from_slice(&o.stdout).unwrap()
}

fn zip_part(path: &Path, part: &str) -> String {
    let mut z = zip::ZipArchive::new(std::fs::File::open(path).unwrap()).unwrap();
    let mut s = String::new();
    z.by_name(part).unwrap().read_to_string(&mut s).unwrap();
    s
}

#[test]
fn the_workbook_has_four_sheets_one_ledger_row_per_measure_and_right_totals() {
    let dir = tempfile::tempdir().unwrap();
    let out = merge_samples(dir.path(), &[]);
    let wb: Xlsx<_> = open_workbook(&out).unwrap();
    assert_eq!(wb.sheet_names(), ["汇总", "整改台账", "校验结果", "来源"]);

    let ledger = sheet(&out, "整改台账");
    assert_eq!(ledger.len(), 1 + 56, "a header and one row per measure");
    assert_eq!(ledger[0][0], "序号");
    let check = check_json(&root().join("samples"), "2023-03-30");
    let status_col = ledger[0].iter().position(|h| h == "状态").unwrap();
    let done = ledger
        .iter()
        .skip(1)
        .filter(|r| r[status_col] == "已完成")
        .count();
    assert_eq!(
        done as u64,
        check["totals"]["measures_done"].as_u64().unwrap()
    );

    // Summary: cached values equal the check's counters, for every unit and the total.
    let summary = sheet(&out, "汇总");
    let header = summary.iter().position(|r| r[0] == "单位").unwrap();
    let keys = taizhang::schema::summary::COLUMNS;
    for row in summary
        .iter()
        .skip(header + 1)
        .take_while(|r| !r[0].is_empty())
    {
        let expected = if row[0] == "合计" {
            check["totals"].clone()
        } else {
            check["communities"]
                .as_array()
                .unwrap()
                .iter()
                .find(|c| c["community"] == row[0].as_str())
                .unwrap_or_else(|| panic!("{} in the check", row[0]))
                .clone()
        };
        for (i, col) in keys.iter().enumerate().skip(1).take(13) {
            let key = col.key();
            assert_eq!(row[i], expected[key].to_string(), "{} {key}", row[0]);
        }
    }
    assert!(summary[2][0].starts_with("截至2023年3月30日，共反馈问题30个，已完成整改19个；制定整改措施56项，已完成29项，长期坚持7项；逾期2项。"));

    // The numbers are formulas.
    let mut wb: Xlsx<_> = open_workbook(&out).unwrap();
    let f = wb.worksheet_formula("汇总").unwrap();
    let formulas: Vec<String> = f.used_cells().map(|(_, _, s)| s.clone()).collect();
    assert!(
        formulas.iter().any(|s| s.contains("COUNTIFS('整改台账'!")),
        "{formulas:?}"
    );
    assert!(formulas.iter().filter(|s| s.contains("COUNT")).count() >= 13 * 7);
}

#[test]
fn sources_hold_every_input_hash_and_the_digest_matches_the_rows() {
    let dir = tempfile::tempdir().unwrap();
    let out = merge_samples(dir.path(), &[]);
    let sources = sheet(&out, "来源");
    let flat: Vec<&String> = sources.iter().flatten().collect();
    for entry in std::fs::read_dir(root().join("samples")).unwrap() {
        let p = entry.unwrap().path();
        let name = p.file_name().unwrap().to_string_lossy().to_string();
        if !taizhang::source::is_candidate_name(&name) {
            continue;
        }
        let sha: String = Sha256::digest(std::fs::read(&p).unwrap())
            .iter()
            .map(|b| format!("{b:02x}"))
            .collect();
        assert!(flat.iter().any(|c| **c == sha), "{name} {sha}");
    }
    let value_of = |label: &str| {
        sources
            .iter()
            .find(|r| r[1] == label)
            .map(|r| r[2].clone())
            .unwrap_or_else(|| panic!("no {label}"))
    };
    let digest = value_of("台账摘要(SHA-256)");
    assert_eq!(digest.len(), 64);
    assert_eq!(value_of("台账行数"), "56");
    assert_eq!(value_of("截至日期"), "2023-03-30");
    let custom = zip_part(&out, "docProps/custom.xml");
    assert!(
        custom.contains(&digest),
        "the digest is a custom property too"
    );

    // Recompute the digest from the cells as calamine reads them.
    let ledger = sheet(&out, "整改台账");
    let n = ledger[0].len() - 1;
    // The digests start with the headers' names: the cells without their line breaks.
    let headers: Vec<String> = ledger[0][..n]
        .iter()
        .map(|h| taizhang::schema::ledger::unbroken(h))
        .collect();
    let mut d = taizhang::schema::digest::LedgerDigest::new(&headers);
    for row in &ledger[1..] {
        let rd = d.add_row(&row[..n]);
        assert_eq!(rd, row[n], "row digest");
    }
    assert_eq!(d.finish().0, digest);
}

#[test]
fn every_source_data_cell_survives_in_the_ledger_sheet() {
    let dir = tempfile::tempdir().unwrap();
    let out = merge_samples(dir.path(), &["--include-hidden"]);
    let ledger = sheet(&out, "整改台账");
    let col = |h: &str| ledger[0].iter().position(|x| x == h).unwrap();
    let (file_c, sheet_c, row_c) = (col("来源文件"), col("来源工作表"), col("来源行"));
    let settings =
        taizhang::config::Settings::new(chrono::NaiveDate::from_ymd_opt(2023, 3, 30).unwrap());
    let mut checked = 0;
    for input in taizhang::source::discover(&[root().join("samples")]) {
        let r = taizhang::pipeline::process_file(&input, &settings);
        let rel = format!("{}", input.path.display());
        let bytes = std::fs::read(&input.path).unwrap();
        let ext = input
            .path
            .extension()
            .unwrap()
            .to_string_lossy()
            .to_string();
        let format = taizhang::source::sniff(&bytes, &ext).unwrap();
        let stem = input
            .path
            .file_stem()
            .unwrap()
            .to_string_lossy()
            .to_string();
        let sheets = taizhang::source::parse(&bytes, format, &stem, &settings.limits).unwrap();
        for l in &r.ledgers {
            let src = sheets.iter().find(|s| s.name == l.sheet).unwrap();
            for dr in &l.rows {
                let rows: Vec<&Vec<String>> = ledger
                    .iter()
                    .filter(|x| x[file_c].ends_with(&rel) || rel.ends_with(&x[file_c]))
                    .filter(|x| x[sheet_c] == l.sheet && x[row_c] == (dr.row + 1).to_string())
                    .collect();
                assert!(!rows.is_empty(), "{rel} {} row {}", l.sheet, dr.row + 1);
                for cell in &src.row(dr.row).unwrap().cells {
                    let t = cell.value.display();
                    let found = rows.iter().any(|x| x.iter().any(|c| c.contains(t.trim())));
                    assert!(
                        found,
                        "{rel} {}!{}: {t:?} is not in the ledger sheet",
                        l.sheet,
                        taizhang::source::grid::CellRef::new(dr.row, cell.col)
                    );
                    checked += 1;
                }
            }
        }
    }
    assert!(checked > 300, "{checked} cells checked");
}

#[test]
fn print_and_view_setup() {
    let dir = tempfile::tempdir().unwrap();
    let out = merge_samples(dir.path(), &[]);
    let ws = zip_part(&out, "xl/worksheets/sheet2.xml");
    assert!(ws.contains(r#"orientation="landscape""#), "landscape");
    assert!(ws.contains(r#"paperSize="9""#), "A4");
    assert!(
        ws.contains(r#"fitToHeight="0""#) && ws.contains(r#"fitToPage="1""#),
        "fit to one page wide"
    );
    assert!(ws.contains("第 &amp;P 页 共 &amp;N 页"), "page numbers");
    assert!(ws.contains(r#"state="frozen""#), "frozen header");
    assert!(ws.contains("<autoFilter"), "filter");
    assert!(ws.contains("<conditionalFormatting"), "overdue rows marked");
    assert!(
        ws.contains("<dataValidation") && ws.contains("已完成,长期坚持,推进中,未开始"),
        "status drop-down"
    );
    assert!(
        ws.contains(r#"wrapText="1""#)
            || zip_part(&out, "xl/styles.xml").contains(r#"wrapText="1""#)
    );
    let book = zip_part(&out, "xl/workbook.xml");
    assert!(
        book.contains("_xlnm.Print_Titles"),
        "header repeated on every page"
    );
    let core = zip_part(&out, "docProps/core.xml");
    assert!(
        core.contains("2023-03-30T00:00:00Z"),
        "creation time pinned to the as-of date"
    );
    assert!(core.contains("巡察整改落实情况汇总"));
}

#[test]
fn same_inputs_give_the_same_bytes_whatever_the_threads() {
    let dir = tempfile::tempdir().unwrap();
    let a = std::fs::read(merge_samples(dir.path(), &["--threads", "1"])).unwrap();
    let b = std::fs::read(merge_samples(dir.path(), &["--threads", "4"])).unwrap();
    let c = std::fs::read(merge_samples(dir.path(), &[])).unwrap();
    assert!(a == b && b == c, "byte-identical");
}

#[test]
fn writing_onto_an_input_or_an_impossible_path_fails_cleanly() {
    let dir = tempfile::tempdir().unwrap();
    let input = dir.path().join("庆利.xlsx");
    std::fs::copy(root().join("samples/庆利社区整改台账.xlsx"), &input).unwrap();
    let before = std::fs::read(&input).unwrap();
    let o = taizhang(
        dir.path(),
        &["merge", ".", "-o", "./庆利.xlsx", "--as-of", "2023-03-30"],
    );
    assert_eq!(o.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&o.stderr).contains("它是输入文件之一"));
    assert_eq!(
        std::fs::read(&input).unwrap(),
        before,
        "the input is untouched"
    );

    for bad in [
        "/nonexistent-dir/out.xlsx",
        "/dev/full",
        "庆利.xlsx/out.xlsx",
    ] {
        let o = taizhang(
            dir.path(),
            &["merge", "庆利.xlsx", "-o", bad, "--as-of", "2023-03-30"],
        );
        assert_eq!(o.status.code(), Some(2), "{bad}");
        let err = String::from_utf8_lossy(&o.stderr);
        // A device is refused by its name before anything is written.
        assert!(
            err.contains("无法写入") || err.contains("应以 .xlsx 结尾"),
            "{bad}: {err}"
        );
    }
    let names: Vec<String> = std::fs::read_dir(dir.path())
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().to_string())
        .collect();
    assert_eq!(names, ["庆利.xlsx"], "no partial or temporary file is left");
}

#[test]
fn json_report_english_names_and_the_command_less_form() {
    let dir = tempfile::tempdir().unwrap();
    let json = dir.path().join("r.json");
    let out = merge_samples(
        dir.path(),
        &["--json", json.to_str().unwrap(), "--lang", "en"],
    );
    let wb: Xlsx<_> = open_workbook(&out).unwrap();
    assert_eq!(
        wb.sheet_names(),
        ["Summary", "Ledger", "Findings", "Sources"]
    );
    let v: Value = serde_json::from_slice(&std::fs::read(&json).unwrap()).unwrap();
    assert_eq!(v["totals"]["measures"], 56);

    let o = taizhang(
        dir.path(),
        &[
            root().join("samples").to_str().unwrap(),
            "--as-of",
            "2023-03-30",
        ],
    );
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    let default = dir.path().join("汇总_2023-03-30.xlsx");
    assert!(default.exists());
    assert!(String::from_utf8_lossy(&o.stdout).contains("汇总_2023-03-30.xlsx"));
}

#[test]
fn strict_exits_1_on_errors() {
    let dir = tempfile::tempdir().unwrap();
    let samples = root().join("samples");
    let o = taizhang(
        dir.path(),
        &[
            "merge",
            samples.to_str().unwrap(),
            "-o",
            "o.xlsx",
            "--as-of",
            "2023-03-30",
            "--strict",
        ],
    );
    assert_eq!(o.status.code(), Some(1));
    assert!(
        dir.path().join("o.xlsx").exists(),
        "the workbook is written anyway"
    );
}

#[test]
fn a_long_ledger_continues_on_a_second_sheet() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("o.xlsx");
    let settings =
        taizhang::config::Settings::new(chrono::NaiveDate::from_ymd_opt(2023, 3, 30).unwrap());
    let mut book = taizhang::workbook::Consolidator::new(&settings).unwrap();
    book.set_max_rows(20);
    for input in taizhang::source::discover(&[root().join("samples")]) {
        book.add_file(&taizhang::pipeline::process_file(&input, &settings))
            .unwrap();
    }
    let report = book.finish(&out).unwrap();
    let wb: Xlsx<_> = open_workbook(&out).unwrap();
    assert_eq!(
        wb.sheet_names(),
        [
            "汇总",
            "整改台账",
            "整改台账(2)",
            "整改台账(3)",
            "校验结果",
            "来源"
        ]
    );
    let rows: usize = ["整改台账", "整改台账(2)", "整改台账(3)"]
        .iter()
        .map(|s| sheet(&out, s).len() - 1)
        .sum();
    assert_eq!(
        rows as u64,
        report.totals[taizhang::model::Counter::Measures]
    );
    let mut wb: Xlsx<_> = open_workbook(&out).unwrap();
    let f = wb.worksheet_formula("汇总").unwrap();
    assert!(f.used_cells().any(|(_, _, s)| s.contains("'整改台账(3)'!")));
    let summary = sheet(&out, "汇总");
    let total = summary.iter().find(|r| r[0] == "合计").unwrap();
    assert_eq!(total[3], "56");
}

/// Rows prepared on several threads — numbered by their turns, compressed per file, split
/// across ledger sheets mid-file — give the bytes of rows added one file at a time.
#[test]
fn rows_prepared_in_parallel_across_sheet_breaks_give_the_same_bytes() {
    let dir = tempfile::tempdir().unwrap();
    let settings =
        taizhang::config::Settings::new(chrono::NaiveDate::from_ymd_opt(2023, 3, 30).unwrap());
    let inputs = taizhang::source::discover(&[root().join("samples")]);
    let one = dir.path().join("one.xlsx");
    let mut book = taizhang::workbook::Consolidator::new(&settings).unwrap();
    book.set_max_rows(7);
    for input in &inputs {
        book.add_file(&taizhang::pipeline::process_file(input, &settings))
            .unwrap();
    }
    book.finish(&one).unwrap();
    for threads in [2, 3, 8] {
        let many = dir.path().join(format!("many{threads}.xlsx"));
        let mut book = taizhang::workbook::Consolidator::new(&settings).unwrap();
        book.set_max_rows(7);
        let preparer = book.preparer();
        taizhang::pipeline::process_in_order_with(
            &inputs,
            &settings,
            threads,
            |i, r| preparer.prepare(i, r),
            |_, p| book.add_prepared(p),
        )
        .unwrap();
        book.finish(&many).unwrap();
        assert!(
            std::fs::read(&one).unwrap() == std::fs::read(&many).unwrap(),
            "{threads} threads: byte-identical"
        );
    }
    let wb: Xlsx<_> = open_workbook(&one).unwrap();
    assert_eq!(
        wb.sheet_names()
            .iter()
            .filter(|n| n.starts_with("整改台账"))
            .count(),
        8,
        "56 rows at 7 a sheet"
    );
    let numbers: Vec<String> = wb
        .sheet_names()
        .iter()
        .filter(|n| n.starts_with("整改台账"))
        .flat_map(|n| sheet(&one, n).into_iter().skip(1).map(|r| r[0].clone()))
        .collect();
    let want: Vec<String> = (1..=56).map(|n| n.to_string()).collect();
    assert_eq!(numbers, want, "running numbers continue across sheets");
}

#[test]
fn convert_round_trips_through_check_and_the_template_checks_clean() {
    let dir = tempfile::tempdir().unwrap();
    let keys = &support::COUNTER_KEYS[..10];
    for name in [
        "庆利社区整改台账.xlsx",
        "自强社区整改台账.xls",
        "重庆路南社区整改台账.ods",
        "重庆路北社区整改台账.csv",
        "自强街道党工委巡察整改台账.xlsx",
    ] {
        let src = root().join("samples").join(name);
        let want = check_json(&src, "2023-03-30");
        for ext in ["xlsx", "csv"] {
            let out = dir.path().join(format!("c.{ext}"));
            let o = taizhang(
                dir.path(),
                &[
                    "convert",
                    src.to_str().unwrap(),
                    "-o",
                    out.to_str().unwrap(),
                    "--as-of",
                    "2023-03-30",
                ],
            );
            assert!(
                o.status.success(),
                "{name}: {}",
                String::from_utf8_lossy(&o.stderr)
            );
            let got = check_json(&out, "2023-03-30");
            for k in keys {
                assert_eq!(got["totals"][k], want["totals"][k], "{name} → {ext}: {k}");
            }
            if ext == "csv" {
                let bytes = std::fs::read(&out).unwrap();
                assert!(bytes.starts_with(&[0xEF, 0xBB, 0xBF]), "UTF-8 BOM");
            }
        }
        let out = dir.path().join("c.json");
        taizhang(
            dir.path(),
            &[
                "convert",
                src.to_str().unwrap(),
                "-o",
                out.to_str().unwrap(),
                "--as-of",
                "2023-03-30",
            ],
        );
        let v: Value = serde_json::from_slice(&std::fs::read(&out).unwrap()).unwrap();
        assert_eq!(
            v.as_array().unwrap().len() as u64,
            want["totals"]["measures"].as_u64().unwrap()
        );
        assert!(v[0]["deadline"]["kind"].is_string());
        assert!(v[0]["status"]["category"].is_string());
    }
    // A workbook with two ledgers needs --sheet.
    let beian = root().join("samples/北安社区整改台账.xlsx");
    let o = taizhang(
        dir.path(),
        &["convert", beian.to_str().unwrap(), "-o", "b.xlsx"],
    );
    assert_eq!(o.status.code(), Some(2));
    let o = taizhang(
        dir.path(),
        &[
            "convert",
            beian.to_str().unwrap(),
            "-o",
            "b.xlsx",
            "--sheet",
            "北安社区",
        ],
    );
    assert!(o.status.success());

    let tpl = dir.path().join("t.xlsx");
    let o = taizhang(
        dir.path(),
        &[
            "template",
            "-o",
            tpl.to_str().unwrap(),
            "--community",
            "北安社区",
        ],
    );
    assert!(o.status.success());
    let v = check_json(&tpl, "2023-03-30");
    // Blank, it has no structural finding, and says it is blank.
    let rules: Vec<&str> = v["findings"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| f["rule"].as_str().unwrap())
        .collect();
    assert_eq!(rules, ["no-data"], "{v}");
    assert_eq!(v["inputs"][0]["ledgers"][0]["header_row"], 4);
    assert_eq!(v["communities"][0]["community"], "北安社区");
}

#[test]
fn csv_cells_that_look_like_formulas_are_neutralised() {
    let dir = tempfile::tempdir().unwrap();
    let src = dir.path().join("x.csv");
    std::fs::write(
        &src,
        "序号,反馈问题,整改措施,责任领导,责任科室,责任人,整改时限,完成情况\n1,=HYPERLINK(\"http://x\"),+1 措施,@王,-党办,李,2023年6月,推进中\n",
    )
    .unwrap();
    let out = dir.path().join("y.csv");
    let o = taizhang(dir.path(), &["convert", "x.csv", "-o", "y.csv"]);
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    let text = String::from_utf8(std::fs::read(&out).unwrap()).unwrap();
    assert!(text.contains("\"'=HYPERLINK(\"\"http://x\"\")\""), "{text}");
    assert!(text.contains(",'+1 措施,'@王,'-党办,"), "{text}");
}

#[test]
fn a_consolidated_workbook_is_read_back_as_ledgers() {
    let dir = tempfile::tempdir().unwrap();
    let out = merge_samples(dir.path(), &[]);
    let v = check_json(&out, "2023-03-30");
    let want = check_json(&root().join("samples"), "2023-03-30");
    for k in [
        "problems",
        "problems_done",
        "measures",
        "measures_done",
        "overdue",
        "due_soon",
    ] {
        assert_eq!(v["totals"][k], want["totals"][k], "{k}");
    }
    assert_eq!(v["communities"].as_array().unwrap().len(), 6);
    // Two sub-districts' workbooks merged into one at district level.
    let district = dir.path().join("district.xlsx");
    let other = dir.path().join("另一街道.xlsx");
    std::fs::copy(&out, &other).unwrap();
    let o = taizhang(
        dir.path(),
        &[
            "merge",
            out.to_str().unwrap(),
            other.to_str().unwrap(),
            out.to_str().unwrap(),
            "-o",
            district.to_str().unwrap(),
            "--as-of",
            "2023-03-30",
        ],
    );
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    let d = check_json(&district, "2023-03-30");
    assert_eq!(
        d["totals"]["measures"], 56,
        "each file once, though named twice, and a byte-identical copy read once"
    );
}

/// Three ledgers, the first and last of the same unit, as CSV exports.
fn unit_in_two_runs(dir: &Path) -> Vec<PathBuf> {
    let head = "社区,序号,反馈问题,整改措施,责任领导,责任科室,责任人,整改时限,完成情况\n";
    let files = [
        (
            "a1.csv",
            "甲社区,1,台账不全,补齐台账,王一,党建办,李二,2023年1月底前,已完成\n\
             甲社区,2,走访不够,每月走访,王一,综治办,赵三,2023年2月底前,推进中\n",
        ),
        (
            "b.csv",
            "乙社区,1,制度缺失,建立制度,孙四,社区办,周五,2023年3月底前,推进中\n",
        ),
        (
            "a2.csv",
            "甲社区,1,宣传不足,开展宣传,王一,党建办,吴六,2023年1月底前,推进中\n\
             甲社区,2,经费不清,公开经费,王一,财务室,郑七,2023年12月底前,未开始\n",
        ),
    ];
    files
        .iter()
        .map(|(name, rows)| {
            let p = dir.join(name);
            std::fs::write(&p, format!("{head}{rows}")).unwrap();
            p
        })
        .collect()
}

#[test]
fn a_unit_whose_rows_come_in_two_runs_numbers_its_problems_as_its_ledger_column_does() {
    let dir = tempfile::tempdir().unwrap();
    let inputs = unit_in_two_runs(dir.path());
    let out = dir.path().join("out.xlsx");
    let mut args = vec!["merge".to_string()];
    args.extend(inputs.iter().map(|p| p.display().to_string()));
    args.extend(["-o", out.to_str().unwrap(), "--as-of", "2023-06-30"].map(String::from));
    let args: Vec<&str> = args.iter().map(String::as_str).collect();
    let o = taizhang(dir.path(), &args);
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    let ledger = sheet(&out, "整改台账");
    let header = &ledger[0];
    let col = |h: &str| {
        header
            .iter()
            .position(|x| taizhang::schema::ledger::unbroken(x) == h)
            .unwrap()
    };
    let (unit, number) = (col("社区"), col("问题编号"));
    let units: Vec<&str> = ledger[1..].iter().map(|r| r[unit].as_str()).collect();
    assert_eq!(units, ["甲社区", "甲社区", "乙社区", "甲社区", "甲社区"]);
    let v = check_json(&out, "2023-06-30");
    let want = check_json(dir.path(), "2023-06-30");
    // The same counters; the sources' warnings are `unit-in-two-files`, which one workbook
    // cannot have.
    let without_warnings = |v: &Value| {
        let mut v = v.clone();
        v["totals"]["warnings"] = Value::Null;
        for c in v["communities"].as_array_mut().unwrap() {
            c["warnings"] = Value::Null;
        }
        (v["totals"].clone(), v["communities"].clone())
    };
    assert_eq!(without_warnings(&v), without_warnings(&want));
    assert_eq!(want["totals"]["warnings"], 2);
    // Every finding on a row names the problem by the number that row holds.
    let mut named = 0;
    for f in v["findings"].as_array().unwrap() {
        let (Some(cell), Some(msg)) = (f["cell"].as_str(), f["message"].as_str()) else {
            continue;
        };
        let Some(n) = msg
            .strip_prefix("问题")
            .and_then(|m| m.split('措').next())
            .and_then(|d| d.parse::<u32>().ok())
        else {
            continue;
        };
        let row: usize = cell
            .trim_start_matches(char::is_alphabetic)
            .parse()
            .unwrap();
        assert_eq!(ledger[row - 1][number], n.to_string(), "{msg} at {cell}");
        named += 1;
    }
    assert!(named >= 2, "the overdue measures of both runs are named");
    // The first and the last run are one unit in the read-back as in the sources.
    assert_eq!(v["communities"].as_array().unwrap().len(), 2);
}

#[test]
fn consolidated_workbooks_among_other_inputs_merge_the_same_whatever_the_threads() {
    let dir = tempfile::tempdir().unwrap();
    let inputs = unit_in_two_runs(dir.path());
    let first = dir.path().join("first.xlsx");
    let o = taizhang(
        dir.path(),
        &[
            "merge",
            inputs[0].to_str().unwrap(),
            inputs[1].to_str().unwrap(),
            "-o",
            first.to_str().unwrap(),
        ],
    );
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    let samples = merge_samples(dir.path(), &[]);
    let mut outputs = Vec::new();
    for threads in ["1", "2", "3"] {
        let out = dir.path().join(format!("t{threads}.xlsx"));
        let o = taizhang(
            dir.path(),
            &[
                "merge",
                first.to_str().unwrap(),
                inputs[2].to_str().unwrap(),
                samples.to_str().unwrap(),
                "-o",
                out.to_str().unwrap(),
                "--as-of",
                "2023-03-30",
                "--threads",
                threads,
            ],
        );
        assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
        outputs.push(sheet(&out, "整改台账"));
        let sources = sheet(&out, "来源");
        let listed = sources
            .iter()
            .filter(|r| {
                r.iter()
                    .any(|c| c.ends_with(".xlsx") || c.ends_with(".csv"))
            })
            .count();
        assert_eq!(listed, 3, "one row for each input, whatever its parts");
    }
    assert_eq!(outputs[0], outputs[1]);
    assert_eq!(outputs[0], outputs[2]);
    let units: Vec<&str> = outputs[0][1..].iter().map(|r| r[1].as_str()).collect();
    assert_eq!(&units[..3], ["甲社区", "甲社区", "乙社区"]);
}

#[test]
fn paper_a3_sets_every_sheet_of_the_workbook_and_the_template_on_a3() {
    use std::io::Read;
    let dir = tempfile::tempdir().unwrap();
    let wb = merge_samples(dir.path(), &["--paper", "a3", "--unit", "自强街道"]);
    let t = dir.path().join("t.xlsx");
    let o = taizhang(dir.path(), &["template", "-o", "t.xlsx", "--paper", "a3"]);
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    for (file, sheets) in [(&wb, 4), (&t, 1)] {
        let mut zip = zip::ZipArchive::new(std::fs::File::open(file).unwrap()).unwrap();
        let names: Vec<String> = zip
            .file_names()
            .filter_map(|n| n.ok().map(|n| n.into_owned()))
            .filter(|n| n.starts_with("xl/worksheets/sheet"))
            .collect();
        assert_eq!(names.len(), sheets, "{names:?}");
        for n in names {
            let mut xml = String::new();
            zip.by_name(&n).unwrap().read_to_string(&mut xml).unwrap();
            assert!(xml.contains("paperSize=\"8\""), "{file:?} {n} is not on A3");
        }
    }
    let mut x: calamine::Xlsx<_> = calamine::open_workbook(&wb).unwrap();
    let s = calamine::Reader::worksheet_range(&mut x, "汇总").unwrap();
    assert_eq!(
        s.get_value((1, 11)).map(|v| v.to_string()).as_deref(),
        Some("自强街道")
    );
}
