//! `taizhang check` on the committed samples, held to `samples/expected.json` and to the
//! planted defects and counters worked out by hand from the samples' contents.

use crate::support::root;
use assert_cmd::Command;
use serde_json::Value;

fn check_json(args: &[&str]) -> (Value, i32) {
    let out = Command::cargo_bin("taizhang")
        .unwrap()
        .current_dir(root())
        .arg("check")
        .args(args)
        .args(["--format", "json"])
        .output()
        .unwrap();
    let v: Value = serde_json::from_slice(&out.stdout).expect("JSON on stdout");
    (v, out.status.code().unwrap_or(-1))
}

fn counters(v: &Value, community: &str) -> Value {
    v["communities"]
        .as_array()
        .unwrap()
        .iter()
        .find(|c| c["community"] == community)
        .unwrap_or_else(|| panic!("no community {community}"))
        .clone()
}

#[test]
fn samples_match_expected_json() {
    let (got, code) = check_json(&["samples", "--as-of", "2023-03-30"]);
    let want: Value = serde_json::from_str(
        &std::fs::read_to_string(root().join("samples/expected.json")).unwrap(),
    )
    .unwrap();
    assert_eq!(code, 1, "the samples hold planted errors");
    assert_eq!(got, want, "check output differs from samples/expected.json");
}

/// (community, problems, problems_done, measures, done, long_term, in_progress, not_started,
/// unknown, overdue, due_soon, errors, warnings, infos) — counted by hand from the samples.
const AS_OF_0330: [(&str, [u64; 13]); 6] = [
    // The 补充问题 sheet has 责任科室 and 责任人 but no 责任领导: no longer an error by default.
    ("北安社区", [4, 2, 6, 2, 1, 2, 1, 0, 1, 0, 1, 1, 1]),
    ("庆利社区", [3, 1, 6, 3, 1, 2, 0, 0, 1, 0, 2, 1, 1]),
    ("自强社区", [4, 2, 9, 4, 1, 3, 1, 0, 0, 1, 1, 2, 0]),
    (
        "自强街道党工委",
        [10, 10, 15, 15, 0, 0, 0, 0, 0, 0, 0, 0, 0],
    ),
    ("重庆路北社区", [5, 3, 12, 3, 3, 6, 0, 0, 0, 0, 0, 1, 2]),
    ("重庆路南社区", [4, 1, 8, 2, 1, 4, 0, 1, 0, 0, 1, 1, 0]),
];

use crate::support::COUNTER_KEYS as KEYS;

#[test]
fn counters_by_community_at_the_report_date() {
    let (v, _) = check_json(&["samples", "--as-of", "2023-03-30"]);
    for (community, want) in AS_OF_0330 {
        let c = counters(&v, community);
        for (k, w) in KEYS.iter().zip(want) {
            assert_eq!(c[*k], w, "{community} {k}");
        }
    }
    assert_eq!(v["totals"]["communities"], 6);
    assert_eq!(v["totals"]["problems"], 30);
    assert_eq!(v["totals"]["measures"], 56);
    assert_eq!(
        v["inputs"].as_array().unwrap().len(),
        6,
        "lock file and .txt are not inputs"
    );
}

#[test]
fn overdue_counts_move_with_the_as_of_date() {
    // On 1 July 2023 everything due by 30 June and not closed is overdue; nothing is due soon.
    let (v, _) = check_json(&["samples", "--as-of", "2023-07-01"]);
    for (community, overdue, errors) in [
        ("北安社区", 3, 3),
        ("庆利社区", 2, 3),
        ("自强社区", 1, 2),
        ("自强街道党工委", 0, 0),
        ("重庆路北社区", 6, 6),
        ("重庆路南社区", 4, 5),
    ] {
        let c = counters(&v, community);
        assert_eq!(c["overdue"], overdue, "{community}");
        assert_eq!(c["errors"], errors, "{community}");
        assert_eq!(c["due_soon"], 0, "{community}");
    }
    assert_eq!(v["totals"]["overdue"], 16);
    assert_eq!(
        v["totals"]["measures"], 56,
        "measures do not depend on the date"
    );
}

#[test]
fn every_planted_defect_is_reported_at_its_cell() {
    let (v, _) = check_json(&["samples", "--as-of", "2023-03-30"]);
    let planted = [
        ("missing-cell", "庆利社区整改台账.xlsx", "整改台账", "F10"),
        ("overdue", "庆利社区整改台账.xlsx", "整改台账", "G10"),
        ("hidden-sheet", "庆利社区整改台账.xlsx", "旧版台账", ""),
        ("sheet-skipped", "庆利社区整改台账.xlsx", "填表说明", ""),
        ("done-late", "自强社区整改台账.xls", "自强社区", "J6"),
        ("due-soon", "自强社区整改台账.xls", "自强社区", "H9"),
        ("bad-deadline", "自强社区整改台账.xls", "自强社区", "H10"),
        ("numbering", "重庆路南社区整改台账.ods", "Sheet1", "A7"),
        ("bad-status", "重庆路南社区整改台账.ods", "Sheet1", "H8"),
        (
            "year-inferred",
            "重庆路北社区整改台账.csv",
            "重庆路北社区整改台账",
            "G3",
        ),
        (
            "year-inferred",
            "重庆路北社区整改台账.csv",
            "重庆路北社区整改台账",
            "G5",
        ),
        (
            "duplicate-measure",
            "重庆路北社区整改台账.csv",
            "重庆路北社区整改台账",
            "C5",
        ),
        (
            "duplicate-column",
            "北安社区整改台账.xlsx",
            "北安社区",
            "G3",
        ),
        ("overdue", "北安社区整改台账.xlsx", "北安社区", "H7"),
        ("sheet-skipped", "北安社区整改台账.xlsx", "统计", ""),
    ];
    let findings = v["findings"].as_array().unwrap();
    let got: Vec<(String, String, String, String)> = findings
        .iter()
        .map(|f| {
            (
                f["rule"].as_str().unwrap().to_string(),
                f["file"]
                    .as_str()
                    .unwrap()
                    .trim_start_matches("samples/")
                    .to_string(),
                f["sheet"].as_str().unwrap().to_string(),
                f["cell"].as_str().unwrap().to_string(),
            )
        })
        .collect();
    for (rule, file, sheet, cell) in planted {
        let want = (
            rule.to_string(),
            file.to_string(),
            sheet.to_string(),
            cell.to_string(),
        );
        assert!(got.contains(&want), "missing {want:?}; got {got:#?}");
    }
    assert_eq!(
        got.len(),
        planted.len(),
        "nothing beyond the planted defects: {got:#?}"
    );
}

#[test]
fn a_configuration_that_requires_the_leader_finds_the_sheet_without_one() {
    let dir = tempfile::tempdir().unwrap();
    let config = dir.path().join("taizhang.toml");
    std::fs::write(
        &config,
        "required = [\"problem\", \"measure\", \"leader\", \"department\", \"person\", \"deadline\", \"status\"]\n",
    )
    .unwrap();
    let (v, _) = check_json(&[
        "samples",
        "--as-of",
        "2023-03-30",
        "--config",
        config.to_str().unwrap(),
    ]);
    let missing: Vec<(&str, &str)> = v["findings"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|f| f["rule"] == "missing-column")
        .map(|f| (f["sheet"].as_str().unwrap(), f["field"].as_str().unwrap()))
        .collect();
    assert_eq!(missing, [("补充问题", "leader")]);
    assert_eq!(counters(&v, "北安社区")["errors"], 2);
}

#[test]
fn human_output_names_file_sheet_and_cell_and_exits_1() {
    let out = Command::cargo_bin("taizhang")
        .unwrap()
        .current_dir(root())
        .args(["check", "samples", "--as-of", "2023-03-30"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(
        text.contains("samples/庆利社区整改台账.xlsx:整改台账!F10"),
        "{text}"
    );
    assert!(text.contains("[missing-cell]"));
    assert!(!text.contains("\x1b["), "no colour when piped");
    assert!(text.contains("合计"));
    let en = Command::cargo_bin("taizhang")
        .unwrap()
        .current_dir(root())
        .args(["check", "samples", "--as-of", "2023-03-30", "--lang", "en"])
        .output()
        .unwrap();
    let text = String::from_utf8(en.stdout).unwrap();
    assert!(text.contains("is empty"), "{text}");
    assert!(text.contains("total"));
}

#[test]
fn include_hidden_reads_the_hidden_ledger() {
    let (v, _) = check_json(&[
        "samples/庆利社区整改台账.xlsx",
        "--as-of",
        "2023-03-30",
        "--include-hidden",
    ]);
    let ledgers = v["inputs"][0]["ledgers"].as_array().unwrap();
    assert_eq!(ledgers.len(), 2);
    assert_eq!(ledgers[1]["sheet"], "旧版台账");
    assert!(
        !v["findings"]
            .as_array()
            .unwrap()
            .iter()
            .any(|f| f["rule"] == "hidden-sheet")
    );
}

#[test]
fn a_clean_ledger_exits_0() {
    let (v, code) = check_json(&[
        "samples/自强街道党工委巡察整改台账.xlsx",
        "--as-of",
        "2023-03-30",
    ]);
    assert_eq!(code, 0);
    assert_eq!(v["totals"]["problems"], 10);
    assert_eq!(v["totals"]["measures"], 15);
    assert_eq!(v["findings"].as_array().unwrap().len(), 0);
}
