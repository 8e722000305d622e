//! The use cases as library calls (`taizhang::run`): the same bytes as the command line, and
//! refusals as typed errors.

use crate::support::{ledger_rows, root};
use chrono::NaiveDate;
use taizhang::config::Settings;
use taizhang::model::Counter;
use taizhang::run::{self, Inputs, MergeRequest, RunError};

fn as_of() -> NaiveDate {
    NaiveDate::from_ymd_opt(2023, 3, 30).unwrap()
}

fn settings() -> Settings {
    let mut s = Settings::new(as_of());
    s.lang = taizhang::Lang::Zh;
    s
}

#[test]
fn a_merge_through_the_library_writes_the_workbook_the_command_writes() {
    let dir = tempfile::tempdir().unwrap();
    let samples = root().join("samples");
    let by_lib = dir.path().join("lib.xlsx");
    let mut req = MergeRequest::new(Inputs::paths([&samples]), &by_lib, settings());
    req.json = Some(dir.path().join("lib.json"));
    let tally = run::merge(&req).unwrap();
    assert_eq!(tally.totals[Counter::Measures], 56);
    assert_eq!(tally.totals[Counter::Problems], 30);
    assert_eq!(tally.units.len(), 6);

    let by_cli = dir.path().join("cli.xlsx");
    let out = assert_cmd::Command::cargo_bin("taizhang")
        .unwrap()
        .args(["merge", samples.to_str().unwrap(), "-o"])
        .arg(&by_cli)
        .args(["--as-of", "2023-03-30", "--lang", "zh"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0), "{out:?}");
    assert_eq!(
        std::fs::read(&by_lib).unwrap(),
        std::fs::read(&by_cli).unwrap(),
        "the library's workbook and the command's differ"
    );
    let json: serde_json::Value =
        serde_json::from_slice(&std::fs::read(dir.path().join("lib.json")).unwrap()).unwrap();
    assert_eq!(json["totals"]["measures"], 56);
    assert_eq!(json["totals"]["communities"], 6, "the JSON keeps its keys");
    assert!(ledger_rows(&by_lib).len() > 56);
}

#[test]
fn refusals_are_typed_and_write_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let samples = root().join("samples");

    // An output that is not .xlsx.
    let csv = dir.path().join("out.csv");
    let req = MergeRequest::new(Inputs::paths([&samples]), &csv, settings());
    match run::merge(&req) {
        Err(RunError::WrongExtension {
            option, expected, ..
        }) => assert_eq!((option, expected), ("-o", "xlsx")),
        other => panic!("{:?}", other.map(|t| t.files)),
    }
    assert!(!csv.exists());

    // The round followed named as the output.
    let out = dir.path().join("out.xlsx");
    let mut req = MergeRequest::new(Inputs::paths([&samples]), &out, settings());
    req.follows = Some(out.clone());
    assert!(matches!(
        run::merge(&req),
        Err(RunError::Write(taizhang::write::WriteError::IsInput { .. }))
    ));

    // A folder with no spreadsheet.
    let empty = dir.path().join("empty");
    std::fs::create_dir(&empty).unwrap();
    let req = MergeRequest::new(Inputs::paths([&empty]), &out, settings());
    match run::merge(&req) {
        Err(e @ RunError::NoInputs { .. }) => {
            assert!(e.to_string().contains("没有写出任何文件"), "{e}")
        }
        other => panic!("{:?}", other.map(|t| t.files)),
    }

    // A spreadsheet with no ledger in it.
    let none = dir.path().join("none");
    std::fs::create_dir(&none).unwrap();
    std::fs::write(none.join("a.csv"), "甲,乙\n1,2\n").unwrap();
    let req = MergeRequest::new(Inputs::paths([&none]), &out, settings());
    match run::merge(&req) {
        Err(RunError::NoLedger { files, unread, .. }) => {
            assert_eq!(files, 1);
            assert_eq!(unread.len(), 1);
        }
        other => panic!("{:?}", other.map(|t| t.files)),
    }
    assert!(!out.exists(), "nothing written");
}

#[test]
fn split_and_report_through_the_library() {
    let dir = tempfile::tempdir().unwrap();
    let samples = root().join("samples");
    let split = run::split::split(&run::SplitRequest {
        inputs: Inputs::paths([&samples]),
        folder: dir.path().join("lists"),
        return_by: None,
        settings: settings(),
    })
    .unwrap();
    assert_eq!(split.lists.len(), 6);
    assert_eq!(split.lists.iter().map(|l| l.measures).sum::<usize>(), 56);
    for l in &split.lists {
        assert!(l.path.is_file(), "{}", l.path.display());
    }

    let md = dir.path().join("report.md");
    let drafted = run::report::report(&run::ReportRequest {
        inputs: Inputs::paths([&samples]),
        output: md.clone(),
        publisher: Some("某街道".into()),
        title: None,
        chart: false,
        settings: settings(),
    })
    .unwrap();
    assert_eq!(drafted.draft.counts().1, 56);
    let text = std::fs::read_to_string(&md).unwrap();
    assert!(text.contains("某街道巡察整改进展情况报告"), "{text}");

    match run::report::report(&run::ReportRequest {
        output: dir.path().join("report.pdf"),
        ..run::ReportRequest {
            inputs: Inputs::paths([&samples]),
            output: md,
            publisher: None,
            title: None,
            chart: false,
            settings: settings(),
        }
    }) {
        Err(RunError::OutputExtension { allowed, .. }) => {
            assert_eq!(allowed, ["docx", "md", "txt"])
        }
        Err(e) => panic!("{e}"),
        Ok(_) => panic!("a .pdf report was written"),
    }
}

/// The findings CSV as the page wrote it before `run::check::check_csv`: the JSON document of
/// `check` read back and each finding's fields put in a row — kept here as the oracle the
/// typed writer must match byte for byte.
fn findings_csv_through_json(json: &[u8], lang: taizhang::Lang) -> Vec<u8> {
    use taizhang::Lang;
    let v: serde_json::Value = serde_json::from_slice(json).unwrap();
    let mut w = csv::Writer::from_writer(Vec::new());
    let header = if lang == Lang::Zh {
        [
            "级别",
            "规则",
            "单位",
            "文件",
            "工作表",
            "单元格",
            "说明",
            "规则ID",
        ]
    } else {
        [
            "Severity", "Rule", "Unit", "File", "Sheet", "Cell", "Message", "Rule ID",
        ]
    };
    w.write_record(header).unwrap();
    for f in v["findings"].as_array().unwrap() {
        let field = |k: &str| taizhang::convert::csv_safe(f[k].as_str().unwrap_or_default());
        let severity = match (f["severity"].as_str(), lang) {
            (Some("error"), Lang::Zh) => "错误".to_string(),
            (Some("warning"), Lang::Zh) => "警告".to_string(),
            (Some("info"), Lang::Zh) => "提示".to_string(),
            _ => field("severity"),
        };
        let rule = f["rule"]
            .as_str()
            .and_then(taizhang::finding::Rule::from_id)
            .map_or_else(
                || field("rule"),
                |r| taizhang::messages::findings::rule_name(r, lang).to_string(),
            );
        w.write_record([
            severity,
            rule,
            field("community"),
            field("file"),
            field("sheet"),
            field("cell"),
            field("message"),
            field("rule"),
        ])
        .unwrap();
    }
    let mut bytes = b"\xEF\xBB\xBF".to_vec();
    bytes.extend(w.into_inner().unwrap());
    bytes
}

#[test]
fn the_findings_csv_is_written_from_the_findings_as_the_json_gave_it() {
    use taizhang::Lang;
    // The samples and the fixtures' ledgers of other shapes: findings of every severity.
    let inputs = Inputs::paths([
        root().join("samples"),
        root().join("tests/fixtures/dialects"),
        root().join("tests/fixtures/unseen"),
    ]);
    for run_lang in [Lang::Zh, Lang::En] {
        let mut settings = settings();
        settings.lang = run_lang;
        let req = run::CheckRequest {
            inputs: inputs.clone(),
            settings,
        };
        let mut json = Vec::new();
        run::check::check_json(&req, &mut json).unwrap();
        for lang in [Lang::Zh, Lang::En] {
            let mut csv = Vec::new();
            let tally = run::check::check_csv(&req, lang, &mut csv).unwrap();
            assert!(tally.totals[Counter::Measures] > 56);
            let want = findings_csv_through_json(&json, lang);
            assert!(
                csv == want,
                "run in {run_lang:?}, page in {lang:?}: {} bytes, {} through JSON",
                csv.len(),
                want.len()
            );
            let rows = csv::Reader::from_reader(&csv[3..]).records().count();
            let findings: serde_json::Value = serde_json::from_slice(&json).unwrap();
            assert_eq!(rows, findings["findings"].as_array().unwrap().len());
            assert!(rows > 10, "{rows} findings: not a trivial comparison");
        }
    }
}
