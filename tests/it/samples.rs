//! `taizhang check` on the committed samples, held to `samples/expected.json`: the counters and
//! the planted defects worked out by hand from the samples' contents (the exact output is a
//! snapshot in `tests/fixtures/golden/check-json.stdout`, held by `golden.rs`).

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

fn counters(v: &Value, unit: &str) -> Value {
    v["communities"]
        .as_array()
        .unwrap()
        .iter()
        .find(|c| c["community"] == unit)
        .unwrap_or_else(|| panic!("no community {unit}"))
        .clone()
}

/// `samples/expected.json`: what check must find in the samples, worked out by hand.
fn expected() -> Value {
    serde_json::from_str(&std::fs::read_to_string(root().join("samples/expected.json")).unwrap())
        .unwrap()
}

#[test]
fn counters_by_unit_at_the_report_date() {
    let want = expected();
    let (v, code) = check_json(&["samples", "--as-of", "2023-03-30"]);
    assert_eq!(Some(code), want["exit_code"].as_i64().map(|c| c as i32));
    for c in want["communities"].as_array().unwrap() {
        let unit = c["community"].as_str().unwrap();
        let got = counters(&v, unit);
        for k in KEYS {
            assert_eq!(got[k], c[k], "{unit} {k}");
        }
    }
    assert_eq!(
        v["communities"].as_array().unwrap().len(),
        want["communities"].as_array().unwrap().len()
    );
    for k in KEYS.iter().chain(&["communities"]) {
        assert_eq!(v["totals"][k], want["totals"][k], "total {k}");
    }
    // The hand-worked counters add up to the hand-worked totals.
    for k in KEYS {
        let sum: u64 = want["communities"]
            .as_array()
            .unwrap()
            .iter()
            .map(|c| c[k].as_u64().unwrap())
            .sum();
        assert_eq!(Some(sum), want["totals"][k].as_u64(), "{k}");
    }
    assert_eq!(
        v["inputs"].as_array().unwrap().len(),
        6,
        "lock file and .txt are not inputs"
    );
}

use crate::support::COUNTER_KEYS as KEYS;

#[test]
fn overdue_counts_move_with_the_as_of_date() {
    // On 1 July 2023 everything due by 30 June and not closed is overdue; nothing is due soon.
    let (v, _) = check_json(&["samples", "--as-of", "2023-07-01"]);
    for (unit, overdue, errors) in [
        ("北安社区", 3, 3),
        ("庆利社区", 2, 3),
        ("自强社区", 1, 2),
        ("自强街道党工委", 0, 0),
        ("重庆路北社区", 6, 6),
        ("重庆路南社区", 4, 5),
    ] {
        let c = counters(&v, unit);
        assert_eq!(c["overdue"], overdue, "{unit}");
        assert_eq!(c["errors"], errors, "{unit}");
        assert_eq!(c["due_soon"], 0, "{unit}");
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
    let key = |f: &Value| {
        [
            f["severity"].as_str().unwrap().to_string(),
            f["rule"].as_str().unwrap().to_string(),
            f["file"]
                .as_str()
                .unwrap()
                .trim_start_matches("samples/")
                .to_string(),
            f["sheet"].as_str().unwrap().to_string(),
            f["cell"].as_str().unwrap_or_default().to_string(),
        ]
    };
    let mut got: Vec<[String; 5]> = v["findings"].as_array().unwrap().iter().map(key).collect();
    let mut planted: Vec<[String; 5]> = expected()["planted"]
        .as_array()
        .unwrap()
        .iter()
        .map(key)
        .collect();
    got.sort();
    planted.sort();
    assert_eq!(got, planted, "the planted defects and nothing else");
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
