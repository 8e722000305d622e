//! Ledgers of other inspections than 巡察, written by other offices and programs
//! (`tests/fixtures/dialects/`, see its `make.py`), read with no configuration: every unit's
//! counters, worked out by hand from the files, at two as-of dates, and the column every field
//! is read from.

use crate::support;

use serde_json::Value;
use std::path::{Path, PathBuf};
use std::process::Command;

fn fixtures() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/dialects")
}

fn check(dir: &Path, args: &[&str]) -> Value {
    let o = Command::new(env!("CARGO_BIN_EXE_taizhang"))
        .current_dir(dir)
        .arg("check")
        .args(args)
        .args(["--format", "json"])
        .output()
        .unwrap();
    serde_json::from_slice(&o.stdout).expect("JSON on stdout")
}

/// (unit, problems, problems_done, measures, done, long_term, in_progress, not_started,
/// unknown, overdue, due_soon).
type Want = (&'static str, [u64; 10]);

fn counters_hold(v: &Value, want: &[Want]) {
    let got: Vec<&str> = v["communities"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| c["community"].as_str().unwrap())
        .collect();
    let mut names: Vec<&str> = want.iter().map(|w| w.0).collect();
    let mut sorted = got.clone();
    sorted.sort();
    names.sort();
    assert_eq!(sorted, names, "the units");
    for (unit, counts) in want {
        let c = v["communities"]
            .as_array()
            .unwrap()
            .iter()
            .find(|c| c["community"] == *unit)
            .unwrap();
        for (k, n) in support::COUNTER_KEYS[..10].iter().zip(counts) {
            assert_eq!(c[*k], *n, "{unit} {k}");
        }
    }
}

/// The header each field of the first ledger of every input is read from (`None`: no column).
fn mapping(v: &Value) -> Vec<Vec<(String, Option<String>)>> {
    v["inputs"]
        .as_array()
        .unwrap()
        .iter()
        .map(|i| {
            let cols = i["ledgers"][0]["columns"].as_object().unwrap();
            cols.iter()
                .map(|(k, c)| (k.clone(), c["header"].as_str().map(str::to_string)))
                .collect()
        })
        .collect()
}

fn field<'a>(m: &'a [(String, Option<String>)], key: &str) -> Option<&'a str> {
    m.iter()
        .find(|(k, _)| k == key)
        .and_then(|(_, h)| h.as_deref())
}

fn rules(v: &Value) -> Vec<String> {
    v["findings"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| f["rule"].as_str().unwrap().to_string())
        .collect()
}

#[test]
fn an_enterprise_groups_audit_ledgers_with_percentage_progress() {
    let dir = fixtures().join("audit");
    let v = check(&dir, &[".", "--as-of", "2023-06-30"]);
    counters_hold(
        &v,
        &[
            ("集团一公司", [4, 2, 5, 2, 0, 2, 1, 0, 0, 2]),
            ("集团二公司", [3, 2, 5, 2, 0, 3, 0, 0, 0, 0]),
            ("集团三公司", [3, 1, 4, 1, 0, 3, 0, 0, 0, 1]),
        ],
    );
    for m in mapping(&v) {
        assert_eq!(field(&m, "problem"), Some("审计发现问题"), "not 问题来源");
        assert_eq!(field(&m, "category"), Some("问题类型"));
        assert_eq!(field(&m, "measure"), Some("整改措施"), "not 整改要求");
        assert_eq!(field(&m, "department"), Some("责任部门"));
        assert_eq!(field(&m, "person"), Some("责任人"));
        assert_eq!(field(&m, "deadline"), Some("整改期限"));
        assert_eq!(field(&m, "status"), Some("整改进度"), "not 资金整改进度");
        assert_eq!(field(&m, "completed_on"), Some("实际完成时间"));
        assert_eq!(field(&m, "leader"), None);
        assert_eq!(field(&m, "unit"), None, "the unit is in the meta row");
    }
    // No 责任领导 column, and none is missed: only what is really wrong or due is said.
    let mut r = rules(&v);
    r.sort();
    r.dedup();
    assert_eq!(r, ["done-late", "due-soon"]);
    let v = check(&dir, &[".", "--as-of", "2023-09-30"]);
    counters_hold(
        &v,
        &[
            ("集团一公司", [4, 2, 5, 2, 0, 2, 1, 0, 2, 1]),
            ("集团二公司", [3, 2, 5, 2, 0, 3, 0, 0, 3, 0]),
            ("集团三公司", [3, 1, 4, 1, 0, 3, 0, 0, 1, 0]),
        ],
    );
}

#[test]
fn a_countys_environmental_ledger_of_several_townships_saved_by_libreoffice() {
    let dir = fixtures().join("env");
    let v = check(&dir, &[".", "--as-of", "2023-06-30"]);
    counters_hold(
        &v,
        &[
            ("城关镇", [2, 1, 3, 1, 0, 0, 2, 0, 0, 0]),
            ("青石镇", [2, 0, 3, 0, 0, 0, 3, 0, 0, 2]),
            ("白水乡", [2, 2, 2, 2, 0, 0, 0, 0, 0, 0]),
        ],
    );
    let m = &mapping(&v)[0];
    assert_eq!(
        field(m, "unit"),
        Some("所在乡镇"),
        "the township merged down"
    );
    assert_eq!(field(m, "problem"), Some("问题描述"), "not 问题性质");
    assert_eq!(field(m, "measure"), Some("整改措施"), "not 整改目标");
    assert_eq!(field(m, "status"), Some("是否整改到位"), "not 上月进展");
    assert_eq!(field(m, "completed_on"), None, "验收日期 is another date");
    assert_eq!(field(m, "department"), Some("责任单位"));
    assert_eq!(field(m, "deadline"), Some("整改时限"));
    let v = check(&dir, &[".", "--as-of", "2023-09-30"]);
    counters_hold(
        &v,
        &[
            ("城关镇", [2, 1, 3, 1, 0, 0, 2, 0, 0, 0]),
            ("青石镇", [2, 0, 3, 0, 0, 0, 3, 0, 2, 1]),
            ("白水乡", [2, 2, 2, 2, 0, 0, 0, 0, 0, 0]),
        ],
    );
}

#[test]
fn a_towns_safety_hazards_exported_as_gb18030_csv() {
    let dir = fixtures().join("safety");
    let v = check(&dir, &[".", "--as-of", "2023-06-30"]);
    counters_hold(
        &v,
        &[
            ("华兴机械厂", [3, 2, 3, 2, 0, 1, 0, 0, 0, 1]),
            ("顺达物流公司", [3, 1, 4, 1, 0, 0, 3, 0, 1, 0]),
            ("新城商贸中心", [1, 1, 1, 1, 0, 0, 0, 0, 0, 0]),
        ],
    );
    let m = &mapping(&v)[0];
    assert_eq!(field(m, "unit"), Some("企业名称"));
    assert_eq!(field(m, "problem"), Some("隐患描述"), "not 隐患等级");
    assert_eq!(field(m, "person"), Some("整改责任人"), "not 复查人");
    assert_eq!(field(m, "deadline"), Some("整改期限"), "not 发现日期");
    assert_eq!(field(m, "status"), Some("整改情况"));
    assert_eq!(field(m, "completed_on"), Some("销号日期"));
    let v = check(&dir, &[".", "--as-of", "2023-09-30"]);
    counters_hold(
        &v,
        &[
            ("华兴机械厂", [3, 2, 3, 2, 0, 1, 0, 0, 1, 0]),
            ("顺达物流公司", [3, 1, 4, 1, 0, 0, 3, 0, 1, 2]),
            ("新城商贸中心", [1, 1, 1, 1, 0, 0, 0, 0, 0, 0]),
        ],
    );
}

#[test]
fn a_sub_districts_12345_tickets_saved_as_xls_by_libreoffice() {
    let dir = fixtures().join("hotline");
    let v = check(&dir, &[".", "--as-of", "2023-06-30"]);
    counters_hold(
        &v,
        &[
            ("和平社区", [3, 2, 4, 3, 0, 1, 0, 0, 1, 0]),
            ("建设社区", [2, 0, 2, 0, 0, 2, 0, 0, 1, 0]),
        ],
    );
    let m = &mapping(&v)[0];
    assert_eq!(field(m, "unit"), Some("承办单位"));
    assert_eq!(field(m, "problem"), Some("诉求内容"));
    assert_eq!(field(m, "measure"), Some("办理措施"));
    assert_eq!(field(m, "status"), Some("办理状态"), "not 回访情况");
    assert_eq!(field(m, "deadline"), Some("承诺办结时间"), "not 来电时间");
    assert_eq!(field(m, "completed_on"), Some("办结时间"));
    // The unit is who answers for a ticket: no responsibility column is missed.
    assert!(!rules(&v).contains(&"missing-column".to_string()));
    let v = check(&dir, &[".", "--as-of", "2023-09-30"]);
    counters_hold(
        &v,
        &[
            ("和平社区", [3, 2, 4, 3, 0, 1, 0, 0, 1, 0]),
            ("建设社区", [2, 0, 2, 0, 0, 2, 0, 0, 2, 0]),
        ],
    );
}

const CLOSE: &str = "序号,反馈问题,整改措施,责任人,整改时限,办理情况,处理进度\n\
                     1,问题甲,措施甲,李,2023年6月底,已完成,推进中\n\
                     2,问题乙,措施乙,王,2023年6月底,推进中,已完成\n";

#[test]
fn close_columns_are_said_with_the_fix_and_the_configuration_settles_them() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("a.csv"), CLOSE).unwrap();
    let v = check(
        dir.path(),
        &["a.csv", "--as-of", "2023-03-30", "--lang", "en"],
    );
    let f = v["findings"]
        .as_array()
        .unwrap()
        .iter()
        .find(|f| f["rule"] == "ambiguous-column")
        .expect("an ambiguous-column finding");
    assert_eq!(f["severity"], "warning");
    assert_eq!(f["field"], "status");
    let msg = f["message"].as_str().unwrap();
    assert!(
        msg.contains("column F") && msg.contains("column G"),
        "{msg}"
    );
    // The fix it names is for this sheet alone.
    let sheet = f["sheet"].as_str().unwrap();
    let line = format!("[[columns.files]] pattern = \"a.csv\" sheet = \"{sheet}\" status = \"G\"");
    assert!(msg.contains(&line), "{msg}");
    // The configuration settles it, by letter or by header, for one sheet, one file or every
    // file; the line the finding gives is the first.
    let per_sheet = line.replacen("]] ", "]]\n", 1).replace("\" ", "\"\n") + "\n";
    for config in [
        per_sheet.as_str(),
        "[columns]\nstatus = \"G\"\n",
        "[columns]\nstatus = \"处理进度\"\n",
        "[[columns.files]]\npattern = \"a*.csv\"\nstatus = \"G\"\n",
    ] {
        std::fs::write(dir.path().join("t.toml"), config).unwrap();
        let v = check(
            dir.path(),
            &["a.csv", "--as-of", "2023-03-30", "--config", "t.toml"],
        );
        assert!(rules(&v).is_empty(), "{config}: {:?}", rules(&v));
        let cols = &v["inputs"][0]["ledgers"][0]["columns"];
        assert_eq!(cols["status"]["header"], "处理进度", "{config}");
        assert_eq!(cols["status"]["because"], "config", "{config}");
        assert_eq!(v["totals"]["measures_done"], 1);
    }
}

#[test]
fn a_unit_column_wins_over_a_title_naming_another_unit() {
    let dir = tempfile::tempdir().unwrap();
    let csv = "东区分公司审计整改台账\n\
               序号,被审计单位,审计查出问题,整改措施,整改责任人,整改期限,整改情况\n\
               1,西区分公司,销售回款不及时,建立回款台账,冯涛,2023-05-31,已整改\n\
               2,北区分公司,业务招待费超预算,压减招待费,卢燕,2023-08-31,整改中\n";
    std::fs::write(dir.path().join("分公司.csv"), csv).unwrap();
    let v = check(dir.path(), &["分公司.csv", "--as-of", "2023-06-30"]);
    counters_hold(
        &v,
        &[
            ("西区分公司", [1, 1, 1, 1, 0, 0, 0, 0, 0, 0]),
            ("北区分公司", [1, 0, 1, 0, 0, 1, 0, 0, 0, 0]),
        ],
    );
    let f: Vec<&Value> = v["findings"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|f| f["rule"] == "unit-mismatch")
        .collect();
    assert_eq!(f.len(), 1, "once for the sheet");
    assert_eq!(f[0]["severity"], "info");
    assert!(f[0]["message"].as_str().unwrap().contains("东区分公司"));
}

#[test]
fn the_mapping_shows_field_column_reason_and_runner_up() {
    let o = Command::new(env!("CARGO_BIN_EXE_taizhang"))
        .current_dir(fixtures())
        .args([
            "columns",
            "audit/集团一公司审计整改台账.xlsx",
            "--lang",
            "en",
        ])
        .output()
        .unwrap();
    assert!(o.status.success());
    let text = String::from_utf8(o.stdout).unwrap();
    let line = |key: &str| {
        text.lines()
            .find(|l| l.trim_start().starts_with(key))
            .unwrap_or_else(|| panic!("{key} in {text}"))
            .to_string()
    };
    assert!(line("status ").contains("K   “整改进度”"), "{text}");
    assert!(line("status ").contains("header and values"), "{text}");
    assert!(line("leader ").contains('—'), "{text}");
    assert!(line("deadline ").contains("next best M"), "{text}");
}

/// Two ledgers kept aside while the evidence was tuned, checked at the end: a bureau's 巡视
/// ledger with other words for every field, and a company's audit ledger whose sheet was
/// copied from another branch's file and that lists problems without measures.
#[test]
fn the_ledgers_kept_aside_read_as_a_clerk_reads_them() {
    let dir = fixtures().join("holdout");
    let v = check(&dir, &[".", "--as-of", "2023-06-30"]);
    counters_hold(
        &v,
        &[
            ("清河县交通运输局", [4, 2, 5, 1, 1, 3, 0, 0, 0, 1]),
            ("西区分公司", [2, 1, 2, 1, 0, 0, 1, 0, 0, 1]),
            ("北区分公司", [1, 1, 1, 1, 0, 0, 0, 0, 0, 0]),
        ],
    );
    let m = mapping(&v);
    let path = |i: usize| v["inputs"][i]["path"].as_str().unwrap().to_string();
    let (b, c) = if path(0).contains("交通") {
        (0, 1)
    } else {
        (1, 0)
    };
    let bureau = &m[b];
    assert_eq!(field(bureau, "problem"), Some("存在问题及表现"));
    assert_eq!(field(bureau, "measure"), Some("落实举措"));
    assert_eq!(field(bureau, "leader"), Some("牵头领导"));
    assert_eq!(field(bureau, "department"), Some("责任处室"));
    assert_eq!(field(bureau, "person"), Some("具体经办人"));
    assert_eq!(field(bureau, "deadline"), Some("计划整改日期"));
    assert_eq!(field(bureau, "status"), Some("整改落实情况"));
    let branch = &m[c];
    assert_eq!(field(branch, "unit"), Some("被审计单位"));
    assert_eq!(field(branch, "deadline"), Some("承诺完成时间"));
    assert_eq!(field(branch, "status"), Some("是否整改完成"));
    assert_eq!(field(branch, "completed_on"), Some("整改完成日期"));
    assert_eq!(field(branch, "measure"), None);
    let r = rules(&v);
    // The branch ledger has no measure column: said once for its sheet, not once per unit.
    assert_eq!(r.iter().filter(|x| *x == "missing-column").count(), 1);
    assert_eq!(r.iter().filter(|x| *x == "unit-mismatch").count(), 1);
}
