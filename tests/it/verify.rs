//! `taizhang verify` and `taizhang diff` on workbooks merged here, edited behind the tool's back
//! at the XML level, re-saved by LibreOffice, and compared across two rounds.

use crate::support::root;
use crate::support::run_json as run;
use serde_json::Value;
use std::io::{Read, Write};
use std::path::{Path, PathBuf};

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

/// Copies a zip, passing one part through `edit`.
pub(crate) fn edit_part(src: &Path, dst: &Path, part: &str, edit: impl Fn(String) -> String) {
    let mut zin = zip::ZipArchive::new(std::fs::File::open(src).unwrap()).unwrap();
    let mut zout = zip::ZipWriter::new(std::fs::File::create(dst).unwrap());
    let opts = zip::write::SimpleFileOptions::default()
        .compression_method(zip::CompressionMethod::Deflated);
    let mut edited = false;
    for i in 0..zin.len() {
        let mut f = zin.by_index(i).unwrap();
        let name = f.name().unwrap().to_string();
        let mut data = Vec::new();
        f.read_to_end(&mut data).unwrap();
        if name == part {
            let before = String::from_utf8(data).unwrap();
            let after = edit(before.clone());
            assert_ne!(before, after, "the edit changed {part}");
            data = after.into_bytes();
            edited = true;
        }
        zout.start_file(name, opts).unwrap();
        zout.write_all(&data).unwrap();
    }
    zout.finish().unwrap();
    assert!(edited, "{part} is in the workbook");
}

pub(crate) fn kinds_and_cells(v: &Value) -> Vec<(String, String)> {
    v["discrepancies"]
        .as_array()
        .unwrap()
        .iter()
        .map(|d| {
            (
                d["kind"].as_str().unwrap().to_string(),
                d["cell"].as_str().unwrap_or("").to_string(),
            )
        })
        .collect()
}

#[test]
fn an_untouched_workbook_verifies_with_and_without_its_sources() {
    let dir = tempfile::tempdir().unwrap();
    let wb = merge(dir.path(), &root().join("samples"), "m.xlsx", "2023-03-30");
    let (v, code) = verify(dir.path(), &wb, &[]);
    assert_eq!(code, 0, "{v:#}");
    assert_eq!(v["verified"], true);
    let names: Vec<&str> = v["checks"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| c["name"].as_str().unwrap())
        .collect();
    assert_eq!(names, ["structure", "summary", "derived", "integrity"]);
    let samples = root().join("samples");
    let (v, code) = verify(dir.path(), &wb, &["--sources", samples.to_str().unwrap()]);
    assert_eq!(code, 0, "{v:#}");
    assert_eq!(v["checks"][4]["name"], "sources");
}

/// Every dev set a session opened, merged untouched, verifies: the deadlines and states `check`
/// reads from beyond a row (a span from the day found, `汛前` explained by a note, a code a
/// legend explains, a blank state beside the day finished) are taken as stated, not re-derived
/// from the row alone into a false `derived-value` (a cold review's merge of its own ledgers
/// failed verify untouched).
#[test]
fn untouched_workbooks_of_the_dev_sets_verify() {
    let dir = tempfile::tempdir().unwrap();
    for set in ["dev9", "dev10", "dev18", "dev25"] {
        let src = root().join("tests/fixtures").join(set).join("files");
        for as_of in ["2025-04-30", "2025-10-31"] {
            let out = format!("{set}-{as_of}.xlsx");
            let (_, code, text) = run(
                dir.path(),
                &["merge", src.to_str().unwrap(), "-o", &out, "--as-of", as_of],
            );
            assert!(code == 0 || code == 1, "{text}");
            let (v, code) = verify(dir.path(), &dir.path().join(&out), &[]);
            assert_eq!(code, 0, "{set} {as_of}: {:?}", kinds_and_cells(&v));
        }
    }
    let rows = [
        "序号,被检查单位,检查日期,存在问题,整改措施,整改时限,整改情况,完成时间",
        "1,甲公司,2025-04-01,消防通道堵塞,清理通道,7日内,整改中,",
        "2,甲公司,2025-04-01,灭火器过期,更换灭火器,立即整改,,2025-04-02",
        "3,乙公司,2025-04-20,电线私拉,规范布线,15日内,未整改,",
    ];
    std::fs::write(dir.path().join("spans.csv"), rows.join("\r\n")).unwrap();
    let wb = merge(
        dir.path(),
        &dir.path().join("spans.csv"),
        "spans.xlsx",
        "2025-04-30",
    );
    let (v, code) = verify(dir.path(), &wb, &[]);
    assert_eq!(code, 0, "{:?}", kinds_and_cells(&v));
}

#[test]
fn a_workbook_resaved_by_libreoffice_still_verifies() {
    let fixture = root().join("tests/fixtures/samples-merged-libreoffice.xlsx");
    let samples = root().join("samples");
    let (v, code) = verify(&root(), &fixture, &["--sources", samples.to_str().unwrap()]);
    assert_eq!(code, 0, "{v:#}");
}

#[test]
fn an_edited_ledger_cell_fails_and_is_named() {
    let dir = tempfile::tempdir().unwrap();
    let wb = merge(dir.path(), &root().join("samples"), "m.xlsx", "2023-03-30");
    let bad = dir.path().join("bad.xlsx");
    // The ledger sheet holds inline strings: change one measure's text.
    edit_part(&wb, &bad, "xl/worksheets/sheet2.xml", |s| {
        s.replacen("增设小区党群服务站2个", "增设小区党群服务站3个", 1)
    });
    let (v, code) = verify(dir.path(), &bad, &[]);
    assert_eq!(code, 1);
    assert_eq!(v["verified"], false);
    let found = kinds_and_cells(&v);
    assert!(
        found.contains(&("cell-edited".into(), "G5".into())),
        "{found:?}"
    );
    assert!(found.iter().any(|(k, _)| k == "digest"));
}

#[test]
fn an_edited_shared_string_fails_and_is_named() {
    let dir = tempfile::tempdir().unwrap();
    let fixture = root().join("tests/fixtures/samples-merged-libreoffice.xlsx");
    let bad = dir.path().join("bad.xlsx");
    edit_part(&fixture, &bad, "xl/sharedStrings.xml", |s| {
        s.replacen(
            ">每周开展一次环境卫生检查<",
            ">每月开展一次环境卫生检查<",
            1,
        )
    });
    let (v, code) = verify(dir.path(), &bad, &[]);
    assert_eq!(code, 1);
    let found = kinds_and_cells(&v);
    assert!(
        found.contains(&("cell-edited".into(), "G3".into())),
        "{found:?}"
    );
}

#[test]
fn an_edited_summary_number_fails_and_is_named() {
    let dir = tempfile::tempdir().unwrap();
    let wb = merge(dir.path(), &root().join("samples"), "m.xlsx", "2023-03-30");
    let bad = dir.path().join("bad.xlsx");
    // 庆利社区's measures (D7) claimed as 8 instead of 6.
    edit_part(&wb, &bad, "xl/worksheets/sheet1.xml", |s| {
        let at = s.find(r#"<c r="D7""#).unwrap();
        let v = at + s[at..].find("<v>").unwrap();
        format!(
            "{}<v>8</v>{}",
            &s[..v],
            &s[v + s[v..].find("</v>").unwrap() + 4..]
        )
    });
    let (v, code) = verify(dir.path(), &bad, &[]);
    assert_eq!(code, 1);
    let d = v["discrepancies"].as_array().unwrap();
    assert_eq!(d.len(), 1, "{d:#?}");
    assert_eq!(d[0]["kind"], "summary-value");
    assert_eq!(d[0]["cell"], "D7");
    assert_eq!(d[0]["expected"], "6");
    assert_eq!(d[0]["found"], "8");
}

#[test]
fn a_source_changed_after_merge_is_caught_and_named() {
    let dir = tempfile::tempdir().unwrap();
    let src = dir.path().join("src");
    std::fs::create_dir(&src).unwrap();
    for f in ["重庆路北社区整改台账.csv", "庆利社区整改台账.xlsx"] {
        std::fs::copy(root().join("samples").join(f), src.join(f)).unwrap();
    }
    let wb = merge(dir.path(), &src, "m.xlsx", "2023-03-30");
    // The unit changes a status in its CSV after the merge.
    let csv = src.join("重庆路北社区整改台账.csv");
    let bytes = std::fs::read(&csv).unwrap();
    let (text, _, _) = encoding_rs::GB18030.decode(&bytes);
    let changed = text.replacen("常态化,已完成", "常态化,推进中", 1);
    assert_ne!(text, changed);
    std::fs::write(&csv, encoding_rs::GB18030.encode(&changed).0).unwrap();
    std::fs::write(src.join("新来的.csv"), "a,b\n").unwrap();
    let (v, code) = verify(dir.path(), &wb, &["--sources", src.to_str().unwrap()]);
    assert_eq!(code, 1);
    let d = v["discrepancies"].as_array().unwrap();
    let changed: Vec<&Value> = d.iter().filter(|x| x["kind"] == "source-changed").collect();
    assert_eq!(changed.len(), 1, "{d:#?}");
    assert!(
        changed[0]["source_file"]
            .as_str()
            .unwrap()
            .ends_with("重庆路北社区整改台账.csv")
    );
    let rows: Vec<&Value> = d
        .iter()
        .filter(|x| x["kind"] == "source-mismatch")
        .collect();
    assert_eq!(rows.len(), 1, "{d:#?}");
    assert_eq!(rows[0]["source_cell"], "重庆路北社区整改台账!H8");
    assert_eq!(rows[0]["expected"], "推进中");
    assert_eq!(rows[0]["found"], "已完成");
    assert!(d.iter().any(|x| x["kind"] == "source-new"));
    // A source that is gone.
    std::fs::remove_file(src.join("庆利社区整改台账.xlsx")).unwrap();
    let (v, _) = verify(dir.path(), &wb, &["--sources", src.to_str().unwrap()]);
    assert!(
        v["discrepancies"]
            .as_array()
            .unwrap()
            .iter()
            .any(|x| x["kind"] == "source-missing")
    );
}

#[test]
fn true_claims_pass_and_false_ones_fail() {
    let dir = tempfile::tempdir().unwrap();
    let wb = merge(dir.path(), &root().join("samples"), "m.xlsx", "2023-03-30");
    let (v, code) = verify(
        dir.path(),
        &wb,
        &[
            "--expect",
            "measures=56",
            "--expect",
            "problems=30",
            "--expect",
            "庆利社区:measures_done=3",
            "--expect",
            "communities=6",
        ],
    );
    assert_eq!(code, 0, "{v:#}");
    let (v, code) = verify(
        dir.path(),
        &wb,
        &["--expect", "measures=30", "--expect", "problems_done=19"],
    );
    assert_eq!(code, 1);
    let d = v["discrepancies"].as_array().unwrap();
    assert_eq!(d.len(), 1);
    assert_eq!(
        (
            d[0]["kind"].as_str(),
            d[0]["expected"].as_str(),
            d[0]["found"].as_str()
        ),
        (Some("claim"), Some("30"), Some("56"))
    );
    let (_, code, text) = run(dir.path(), &["verify", "m.xlsx", "--expect", "bogus=1"]);
    assert_eq!(code, 2, "{text}");
}

#[test]
fn a_file_that_is_not_a_consolidated_workbook_cannot_be_verified() {
    let sample = root().join("samples/庆利社区整改台账.xlsx");
    let (_, code, text) = run(&root(), &["verify", sample.to_str().unwrap()]);
    assert_eq!(code, 2);
    assert!(
        text.contains("不是 taizhang merge 生成的汇总工作簿"),
        "{text}"
    );
}

const ROUND_1: &str = "庆利社区整改台账,,,,,,,
序号,反馈问题,整改措施,责任领导,责任科室,责任人,整改时限,完成情况
1,阵地不足,增设服务站,王,党办,李,2023年6月30日,推进中
,,制定管理制度,王,党办,李,2023年3月31日,推进中
2,走访不深入,建立走访制度,王,网格办,刘,2023年2月28日,已完成
,,每月更新民情台账,王,网格办,刘,长期坚持,长期坚持
3,微心愿兑现慢,跟踪督办,王,党办,张,2023年4月30日,推进中
";

#[test]
fn diff_reports_a_postponement_a_status_change_an_addition_and_a_removal_and_nothing_else() {
    let dir = tempfile::tempdir().unwrap();
    for (d, text) in [
        ("r1", ROUND_1.to_string()),
        (
            "r2",
            ROUND_1
                .replace("2023年6月30日,推进中", "2023年9月30日,推进中")
                .replace("2023年3月31日,推进中", "2023年3月31日,已完成")
                .replace(",,每月更新民情台账,王,网格办,刘,长期坚持,长期坚持\n", "")
                + ",,公示兑现情况,王,党办,张,2023年5月31日,未开始\n",
        ),
    ] {
        std::fs::create_dir(dir.path().join(d)).unwrap();
        std::fs::write(dir.path().join(d).join("庆利.csv"), text).unwrap();
    }
    merge(dir.path(), &dir.path().join("r1"), "old.xlsx", "2023-04-01");
    merge(dir.path(), &dir.path().join("r2"), "new.xlsx", "2023-04-15");
    let (v, code, text) = run(
        dir.path(),
        &[
            "diff",
            "old.xlsx",
            "new.xlsx",
            "--format",
            "json",
            "-o",
            "changes.xlsx",
        ],
    );
    assert_eq!(code, 0, "{text}");
    let got: Vec<(String, String, String, String, bool)> = v["changes"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| {
            (
                c["kind"].as_str().unwrap().to_string(),
                c["measure"].as_str().unwrap().to_string(),
                c["old"].as_str().unwrap_or("").to_string(),
                c["new"].as_str().unwrap_or("").to_string(),
                c["postponed"].as_bool().unwrap(),
            )
        })
        .collect();
    let want = vec![
        (
            "deadline-changed".to_string(),
            "增设服务站".to_string(),
            "2023-06-30".to_string(),
            "2023-09-30".to_string(),
            true,
        ),
        (
            "removed".into(),
            "每月更新民情台账".into(),
            "".into(),
            "".into(),
            false,
        ),
        (
            "status-changed".into(),
            "制定管理制度".into(),
            "推进中".into(),
            "已完成".into(),
            false,
        ),
        (
            "added".into(),
            "公示兑现情况".into(),
            "".into(),
            "".into(),
            false,
        ),
    ];
    assert_eq!(got, want);
    // The human report leads with the postponement and the removal.
    let (_, _, text) = run(dir.path(), &["diff", "old.xlsx", "new.xlsx"]);
    let first = text.find("延期").unwrap();
    assert!(
        first < text.find("删除").unwrap()
            && text.find("删除").unwrap() < text.find("状态变更").unwrap(),
        "{text}"
    );
    // The workbook holds the same changes.
    use calamine::Reader;
    let mut wb: calamine::Xlsx<_> =
        calamine::open_workbook(dir.path().join("changes.xlsx")).unwrap();
    let r = wb.worksheet_range("变更").unwrap();
    assert_eq!(r.height(), 5);
}

#[test]
fn small_text_edits_match_as_text_changes_not_as_removal_and_addition() {
    let dir = tempfile::tempdir().unwrap();
    for (d, text) in [
        ("r1", ROUND_1.to_string()),
        (
            "r2",
            ROUND_1
                .replace("建立走访制度", "建立网格员走访制度")
                .replace("李,2023年3月31日", "赵,2023年3月31日"),
        ),
    ] {
        std::fs::create_dir(dir.path().join(d)).unwrap();
        std::fs::write(dir.path().join(d).join("庆利.csv"), text).unwrap();
    }
    merge(dir.path(), &dir.path().join("r1"), "old.xlsx", "2023-04-01");
    merge(dir.path(), &dir.path().join("r2"), "new.xlsx", "2023-04-01");
    let (v, _, _) = run(
        dir.path(),
        &["diff", "old.xlsx", "new.xlsx", "--format", "json"],
    );
    let kinds: Vec<(&str, &str)> = v["changes"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| {
            (
                c["kind"].as_str().unwrap(),
                c["field"].as_str().unwrap_or(""),
            )
        })
        .collect();
    assert_eq!(
        kinds,
        [
            ("responsibility-changed", "person"),
            ("text-changed", "measure")
        ]
    );
}

#[test]
fn diff_of_the_files_streamed_equals_diff_of_the_workbooks_read_whole() {
    // Two units, the first in two runs of rows (two files), a measure twice under one problem,
    // a rewritten measure (matched by similarity), a removal, an addition, a status change.
    let head = "社区,序号,反馈问题,整改措施,责任领导,责任科室,责任人,整改时限,完成情况\n";
    let a1 = "甲社区,1,台账不全,补齐台账,王一,党建办,李二,2023年1月底前,推进中\n\
              甲社区,1,台账不全,补齐台账,王一,党建办,李二,2023年2月底前,推进中\n\
              甲社区,2,走访不够,每月走访困难群众并建立走访台账,王一,综治办,赵三,2023年2月底前,推进中\n";
    let b = "乙社区,1,制度缺失,建立制度,孙四,社区办,周五,2023年3月底前,推进中\n\
             乙社区,2,公开不及时,每季度公开财务,孙四,财务室,周五,2023年3月底前,推进中\n";
    let a2 = "甲社区,1,宣传不足,开展宣传,王一,党建办,吴六,2023年1月底前,推进中\n";
    let dir = tempfile::tempdir().unwrap();
    let rounds = [
        (a1.to_string(), b.to_string(), a2.to_string()),
        (
            a1.replacen("2023年2月底前,推进中\n甲", "2023年2月底前,已完成\n甲", 1)
                .replace(
                    "每月走访困难群众并建立走访台账",
                    "每月走访困难群众并建立走访工作台账",
                ),
            b.replace(
                "乙社区,2,公开不及时,每季度公开财务,孙四,财务室,周五,2023年3月底前,推进中\n",
                "",
            ),
            a2.to_string() + "甲社区,2,经费不清,公开经费,王一,财务室,郑七,2023年12月底前,未开始\n",
        ),
    ];
    let mut books = Vec::new();
    for (k, (x, y, z)) in rounds.iter().enumerate() {
        let d = dir.path().join(format!("r{k}"));
        std::fs::create_dir(&d).unwrap();
        for (name, rows) in [("a1.csv", x), ("b.csv", y), ("a2.csv", z)] {
            std::fs::write(d.join(name), format!("{head}{rows}")).unwrap();
        }
        books.push(merge(dir.path(), &d, &format!("r{k}.xlsx"), "2023-04-01"));
    }
    let limits = taizhang::source::guard::Limits::default();
    let read = |p: &Path| taizhang::source::consolidated::read_consolidated(p, &limits).unwrap();
    let whole = taizhang::diff::diff(&read(&books[0]), &read(&books[1]));
    let (spooled, new, _) = taizhang::diff::diff_files(&books[0], &books[1], &limits).unwrap();
    let streamed: Vec<taizhang::diff::Change> =
        spooled.iter().collect::<std::io::Result<_>>().unwrap();
    assert_eq!(spooled.len(), streamed.len() as u64);
    let json = |c: &[taizhang::diff::Change]| serde_json::to_value(c).unwrap();
    assert_eq!(json(&streamed), json(&whole));
    // The same text as the slice gives, printed from the spool.
    let mut printed = Vec::new();
    taizhang::output::diff::render_to(
        &mut printed,
        spooled.iter(),
        &spooled.rank_counts(),
        &spooled.unit_counts(),
        taizhang::diff::Matching::ByIdAndText,
        taizhang::Lang::Zh,
    )
    .unwrap();
    assert_eq!(
        String::from_utf8(printed).unwrap(),
        taizhang::output::diff::render(
            &whole,
            taizhang::diff::Matching::ByIdAndText,
            taizhang::Lang::Zh
        )
    );
    let mut json_bytes = Vec::new();
    taizhang::output::json::changes_to(
        &mut json_bytes,
        spooled.iter(),
        taizhang::diff::Matching::ById,
    )
    .unwrap();
    assert_eq!(
        String::from_utf8(json_bytes).unwrap(),
        taizhang::output::json::changes(&whole, taizhang::diff::Matching::ById)
    );
    assert_eq!(new.lang, taizhang::Lang::Zh);
    let kinds: Vec<&str> = streamed
        .iter()
        .map(|c| match c.kind {
            taizhang::diff::ChangeKind::Removed => "removed",
            taizhang::diff::ChangeKind::StatusChanged => "status",
            taizhang::diff::ChangeKind::TextChanged => "text",
            taizhang::diff::ChangeKind::Added => "added",
            _ => "other",
        })
        .collect();
    assert_eq!(
        kinds,
        ["removed", "status", "text", "added"],
        "{streamed:#?}"
    );
    // The second of the two equal measures changed status, not the first.
    let status = &streamed[1];
    assert_eq!(
        status.old_cell.as_deref(),
        Some("整改台账!N3"),
        "{status:#?}"
    );
}
