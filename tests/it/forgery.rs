//! Issue 12, verify proves what it says: workbooks forged at the XML level the ways a program
//! or a person would — a formula over a stale stored value, a cell typed over a formula, an
//! added cell or sheet, a hidden row, a very hidden sheet, stored results dropped, a record
//! that does not read, a source that cannot be read. Each fails `verify` (or cannot be
//! verified) and names the cell or sheet; the untouched workbook passes.

use crate::support::root;
use crate::support::run_json as run;
use serde_json::Value;
use std::io::{Read, Write};
use std::path::{Path, PathBuf};

/// The samples merged into `m.xlsx` in `dir`.
fn merged(dir: &Path) -> PathBuf {
    let samples = root().join("samples");
    let (_, code, text) = run(
        dir,
        &[
            "merge",
            samples.to_str().unwrap(),
            "-o",
            "m.xlsx",
            "--as-of",
            "2023-03-30",
        ],
    );
    assert_eq!(code, 0, "{text}");
    dir.join("m.xlsx")
}

fn verify(dir: &Path, wb: &Path, extra: &[&str]) -> (Value, i32) {
    let mut args = vec!["verify", wb.to_str().unwrap(), "--format", "json"];
    args.extend_from_slice(extra);
    let (v, code, text) = run(dir, &args);
    assert!(v.is_object(), "{text}");
    (v, code)
}

/// Copies a package, passing parts through `edit` (part name, text → text) and adding
/// `extra` parts.
fn forge(src: &Path, dst: &Path, edit: impl Fn(&str, String) -> String, extra: &[(&str, String)]) {
    let mut zin = zip::ZipArchive::new(std::fs::File::open(src).unwrap()).unwrap();
    let mut zout = zip::ZipWriter::new(std::fs::File::create(dst).unwrap());
    let opts = zip::write::SimpleFileOptions::default()
        .compression_method(zip::CompressionMethod::Deflated);
    for i in 0..zin.len() {
        let mut f = zin.by_index(i).unwrap();
        let name = f.name().unwrap().to_string();
        let mut data = Vec::new();
        f.read_to_end(&mut data).unwrap();
        if name.ends_with(".xml") || name.ends_with(".rels") {
            data = edit(&name, String::from_utf8(data).unwrap()).into_bytes();
        }
        zout.start_file(name, opts).unwrap();
        zout.write_all(&data).unwrap();
    }
    for (name, text) in extra {
        zout.start_file(*name, opts).unwrap();
        zout.write_all(text.as_bytes()).unwrap();
    }
    zout.finish().unwrap();
}

/// Replaces the first `from` in one part, asserting it is there.
fn in_part<'a>(part: &'a str, from: &'a str, to: &'a str) -> impl Fn(&str, String) -> String + 'a {
    move |name, text| {
        if name == part {
            assert!(text.contains(from), "{from} in {part}");
            text.replacen(from, to, 1)
        } else {
            text
        }
    }
}

/// The summary's cell element `r="…"`, whole.
fn cell_element(text: &str, cell: &str) -> String {
    let at = text.find(&format!("<c r=\"{cell}\"")).unwrap();
    let end = at + text[at..].find("</c>").unwrap() + 4;
    text[at..end].to_string()
}

fn kinds(v: &Value) -> Vec<(String, String, String)> {
    v["discrepancies"]
        .as_array()
        .unwrap()
        .iter()
        .map(|d| {
            (
                d["kind"].as_str().unwrap().to_string(),
                d["sheet"].as_str().unwrap_or("").to_string(),
                d["cell"].as_str().unwrap_or("").to_string(),
            )
        })
        .collect()
}

fn has(v: &Value, kind: &str, sheet: &str, cell: &str) -> bool {
    kinds(v)
        .iter()
        .any(|(k, s, c)| k == kind && s == sheet && c == cell)
}

#[test]
fn the_untouched_workbook_passes_every_check() {
    let dir = tempfile::tempdir().unwrap();
    let wb = merged(dir.path());
    let (v, code) = verify(dir.path(), &wb, &[]);
    assert_eq!(code, 0, "{v:#}");
    assert_eq!(v["verdict"], "verified");
    assert_eq!(v["checks"][0]["name"], "structure");
    assert_eq!(v["checks"][0]["outcome"], "passed");
}

#[test]
fn a_ledger_formula_over_its_stale_stored_value_fails_with_and_without_sources() {
    let dir = tempfile::tempdir().unwrap();
    let wb = merged(dir.path());
    let bad = dir.path().join("bad.xlsx");
    // N3 still stores 长期坚持, so the digests agree; every program shows 已完成.
    forge(
        &wb,
        &bad,
        in_part(
            "xl/worksheets/sheet2.xml",
            r#"<c r="N3" s="2" t="inlineStr"><is><t>长期坚持</t></is></c>"#,
            r#"<c r="N3" s="2" t="str"><f>"已完成"</f><v>长期坚持</v></c>"#,
        ),
        &[],
    );
    let samples = root().join("samples");
    for extra in [vec![], vec!["--sources", samples.to_str().unwrap()]] {
        let (v, code) = verify(dir.path(), &bad, &extra);
        assert_eq!(code, 1, "{v:#}");
        assert!(has(&v, "formula", "整改台账", "N3"), "{:?}", kinds(&v));
        assert_eq!(v["verdict"], "not-verified");
    }
}

#[test]
fn a_summary_formula_changed_under_its_old_stored_result_fails() {
    let dir = tempfile::tempdir().unwrap();
    let wb = merged(dir.path());
    let bad = dir.path().join("bad.xlsx");
    forge(
        &wb,
        &bad,
        |name, text| {
            if name != "xl/worksheets/sheet1.xml" {
                return text;
            }
            let old = cell_element(&text, "E12");
            assert!(old.contains("<v>29</v>"), "{old}");
            text.replacen(&old, r#"<c r="E12" s="8"><f>29+11</f><v>29</v></c>"#, 1)
        },
        &[],
    );
    let (v, code) = verify(dir.path(), &bad, &[]);
    assert_eq!(code, 1);
    let d = &v["discrepancies"].as_array().unwrap();
    assert_eq!(d.len(), 1, "{d:#?}");
    assert_eq!(d[0]["kind"], "formula");
    assert_eq!(d[0]["cell"], "E12");
    assert_eq!(d[0]["found"], "29+11");
    assert!(d[0]["expected"].as_str().unwrap().starts_with("COUNTIFS("));
}

#[test]
fn several_summary_formulas_changed_are_each_reported_with_their_own_text() {
    // verify keeps the summary's formulas as digests and reads the texts it reports again from
    // the workbook: each must come back at its own cell, in the sheet's order.
    let dir = tempfile::tempdir().unwrap();
    let wb = merged(dir.path());
    let bad = dir.path().join("bad.xlsx");
    forge(
        &wb,
        &bad,
        |name, text| {
            if name != "xl/worksheets/sheet1.xml" {
                return text;
            }
            let mut text = text;
            for (cell, formula) in [("F7", "1+1"), ("E12", "29+11"), ("C6", "SUM(B2:B3)")] {
                let old = cell_element(&text, cell);
                let v = old
                    .split("<v>")
                    .nth(1)
                    .and_then(|r| r.split("</v>").next())
                    .unwrap()
                    .to_string();
                let new = format!(r#"<c r="{cell}" s="8"><f>{formula}</f><v>{v}</v></c>"#);
                text = text.replacen(&old, &new, 1);
            }
            text
        },
        &[],
    );
    let (v, code) = verify(dir.path(), &bad, &[]);
    assert_eq!(code, 1);
    let d = v["discrepancies"].as_array().unwrap();
    let got: Vec<(&str, &str, &str)> = d
        .iter()
        .map(|x| {
            (
                x["kind"].as_str().unwrap(),
                x["cell"].as_str().unwrap(),
                x["found"].as_str().unwrap(),
            )
        })
        .collect();
    assert_eq!(
        got,
        [
            ("formula", "C6", "SUM(B2:B3)"),
            ("formula", "F7", "1+1"),
            ("formula", "E12", "29+11")
        ],
        "{d:#?}"
    );
}

#[test]
fn the_right_number_typed_over_a_formula_is_named_at_its_cell_not_as_a_wrong_value() {
    let dir = tempfile::tempdir().unwrap();
    let wb = merged(dir.path());
    let bad = dir.path().join("bad.xlsx");
    // I12 (unknown status, 1) typed in as a plain number: its neighbours stay formulas.
    forge(
        &wb,
        &bad,
        |name, text| {
            if name != "xl/worksheets/sheet1.xml" {
                return text;
            }
            let old = cell_element(&text, "I12");
            text.replacen(&old, r#"<c r="I12" s="8"><v>1</v></c>"#, 1)
        },
        &[],
    );
    let (v, code) = verify(dir.path(), &bad, &[]);
    assert_eq!(code, 1);
    let d = &v["discrepancies"].as_array().unwrap();
    assert_eq!(d.len(), 1, "{d:#?}");
    assert_eq!(
        (d[0]["kind"].as_str(), d[0]["cell"].as_str()),
        (Some("formula"), Some("I12"))
    );
    assert_eq!(d[0]["found"], "");
    assert!(
        d[0]["message"].as_str().unwrap().contains("typed over")
            || d[0]["message"].as_str().unwrap().contains("取代")
    );
}

#[test]
fn cells_added_beside_the_ledger_on_the_summary_and_on_the_sources_fail() {
    let dir = tempfile::tempdir().unwrap();
    let wb = merged(dir.path());
    for (part, from, to, sheet, cell) in [
        (
            "xl/worksheets/sheet2.xml",
            "</row><row r=\"4\"",
            "<c r=\"AB3\" t=\"inlineStr\"><is><t>已核实</t></is></c></row><row r=\"4\"",
            "整改台账",
            "AB3",
        ),
        (
            "xl/worksheets/sheet1.xml",
            "</row><row r=\"12\"",
            "<c r=\"Q11\" t=\"inlineStr\"><is><t>见附件</t></is></c></row><row r=\"12\"",
            "汇总",
            "Q11",
        ),
        (
            "xl/worksheets/sheet4.xml",
            "<c r=\"C5\"",
            "<c r=\"A5\" t=\"inlineStr\"><is><t>补充说明</t></is></c><c r=\"C5\"",
            "来源",
            "A5",
        ),
    ] {
        let bad = dir.path().join("bad.xlsx");
        let edit = |name: &str, text: String| -> String {
            if name != part {
                return text;
            }
            assert!(text.contains(from), "{from}");
            text.replacen(from, to, 1)
        };
        forge(&wb, &bad, edit, &[]);
        let (v, code) = verify(dir.path(), &bad, &[]);
        assert_eq!(code, 1, "{sheet}: {v:#}");
        assert!(
            has(&v, "cell-added", sheet, cell),
            "{sheet}: {:?}",
            kinds(&v)
        );
    }
}

#[test]
fn an_added_sheet_fails_and_is_named() {
    let dir = tempfile::tempdir().unwrap();
    let wb = merged(dir.path());
    let bad = dir.path().join("bad.xlsx");
    let sheet = r#"<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>另行统计:已完成40项</t></is></c></row></sheetData></worksheet>"#;
    forge(
        &wb,
        &bad,
        |name, text| {
            match name {
            "xl/workbook.xml" => text.replacen(
                "</sheets>",
                r#"<sheet name="附表" sheetId="9" r:id="rId99"/></sheets>"#,
                1,
            ),
            "xl/_rels/workbook.xml.rels" => text.replacen(
                "</Relationships>",
                r#"<Relationship Id="rId99" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet9.xml"/></Relationships>"#,
                1,
            ),
            "[Content_Types].xml" => text.replacen(
                "</Types>",
                r#"<Override PartName="/xl/worksheets/sheet9.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/></Types>"#,
                1,
            ),
            _ => text,
        }
        },
        &[("xl/worksheets/sheet9.xml", sheet.to_string())],
    );
    let (v, code) = verify(dir.path(), &bad, &[]);
    assert_eq!(code, 1, "{v:#}");
    assert!(has(&v, "sheet-added", "附表", ""), "{:?}", kinds(&v));
}

#[test]
fn a_hidden_ledger_row_and_a_very_hidden_findings_sheet_fail() {
    let dir = tempfile::tempdir().unwrap();
    let wb = merged(dir.path());
    let bad = dir.path().join("bad.xlsx");
    forge(
        &wb,
        &bad,
        in_part(
            "xl/worksheets/sheet2.xml",
            "<row r=\"5\"",
            "<row r=\"5\" hidden=\"1\"",
        ),
        &[],
    );
    let (v, code) = verify(dir.path(), &bad, &[]);
    assert_eq!(code, 1);
    let d = &v["discrepancies"].as_array().unwrap();
    assert_eq!(d.len(), 1, "{d:#?}");
    assert_eq!(d[0]["kind"], "hidden-state");
    assert_eq!(d[0]["sheet"], "整改台账");
    assert!(
        d[0]["message"].as_str().unwrap().contains("第5行"),
        "{}",
        d[0]
    );

    forge(
        &wb,
        &bad,
        in_part(
            "xl/workbook.xml",
            r#"<sheet name="校验结果" sheetId="3""#,
            r#"<sheet name="校验结果" state="veryHidden" sheetId="3""#,
        ),
        &[],
    );
    let (v, code) = verify(dir.path(), &bad, &[]);
    assert_eq!(code, 1);
    assert!(has(&v, "hidden-state", "校验结果", ""), "{:?}", kinds(&v));
    assert!(
        v["discrepancies"][0]["message"]
            .as_str()
            .unwrap()
            .contains("veryHidden")
    );
    // Opening a collapsed group of columns conceals nothing: it still verifies.
    forge(
        &wb,
        &bad,
        |name, text| {
            if name != "xl/worksheets/sheet2.xml" {
                return text;
            }
            let at = text.find(r#"<col min="19" max="19""#).expect("column S");
            let end = at + text[at..].find("/>").unwrap();
            let col = text[at..end].replacen(r#" hidden="1""#, "", 1);
            assert!(col.len() < end - at, "column S was hidden");
            format!("{}{col}{}", &text[..at], &text[end..])
        },
        &[],
    );
    let (v, code) = verify(dir.path(), &bad, &[]);
    assert_eq!(code, 0, "{:?}", kinds(&v));
    // Hiding a column merge shows is caught: 整改措施, G.
    forge(
        &wb,
        &bad,
        |name, text| {
            if name != "xl/worksheets/sheet2.xml" {
                return text;
            }
            let at = text
                .find(r#"<col min="7" max="7""#)
                .expect("G's col element");
            let end = at + text[at..].find("/>").unwrap();
            format!("{} hidden=\"1\"{}", &text[..end], &text[end..])
        },
        &[],
    );
    let (v, code) = verify(dir.path(), &bad, &[]);
    assert_eq!(code, 1);
    assert!(
        v["discrepancies"][0]["message"]
            .as_str()
            .unwrap()
            .contains("G列"),
        "{:?}",
        kinds(&v)
    );
}

#[test]
fn dropped_stored_results_cannot_be_verified_never_pass() {
    let dir = tempfile::tempdir().unwrap();
    let wb = merged(dir.path());
    let bad = dir.path().join("bad.xlsx");
    // What openpyxl writes back: the formulas, with no stored result.
    forge(
        &wb,
        &bad,
        |name, text| {
            if name != "xl/worksheets/sheet1.xml" {
                return text;
            }
            let mut out = String::new();
            let mut rest = text.as_str();
            while let Some(at) = rest.find("</f><v>") {
                out.push_str(&rest[..at + 4]);
                let end = at + rest[at..].find("</v>").unwrap() + 4;
                rest = &rest[end..];
            }
            out.push_str(rest);
            out
        },
        &[],
    );
    let (v, code) = verify(dir.path(), &bad, &[]);
    assert_eq!(code, 2, "{v:#}");
    assert_eq!(v["verdict"], "cannot-verify");
    assert_eq!(v["verified"], false);
    let summary = v["checks"]
        .as_array()
        .unwrap()
        .iter()
        .find(|c| c["name"] == "summary")
        .unwrap();
    assert_eq!(summary["outcome"], "not-checked");
    let detail = summary["detail"].as_str().unwrap();
    assert!(
        detail.contains("176") && detail.contains("LibreOffice"),
        "{detail}"
    );
    let (_, code, text) = run(dir.path(), &["verify", bad.to_str().unwrap()]);
    assert_eq!(code, 2);
    assert!(
        text.contains("无法核验") && !text.contains("结论：核验通过"),
        "{text}"
    );
}

#[test]
fn a_recorded_configuration_or_as_of_date_that_does_not_read_is_a_discrepancy() {
    let dir = tempfile::tempdir().unwrap();
    let wb = merged(dir.path());
    let bad = dir.path().join("bad.xlsx");
    forge(
        &wb,
        &bad,
        |name, text| {
            if name != "xl/worksheets/sheet4.xml" {
                return text;
            }
            let old = cell_element(&text, "C5");
            text.replacen(
                &old,
                r#"<c r="C5" t="inlineStr"><is><t>[[[不是配置</t></is></c>"#,
                1,
            )
        },
        &[],
    );
    let (v, code) = verify(dir.path(), &bad, &[]);
    assert_eq!(code, 1);
    assert!(has(&v, "record", "来源", "C5"), "{:?}", kinds(&v));

    forge(
        &wb,
        &bad,
        |name, text| {
            if name != "xl/worksheets/sheet4.xml" {
                return text;
            }
            let old = cell_element(&text, "C3");
            text.replacen(&old, "", 1)
        },
        &[],
    );
    let (v, code) = verify(dir.path(), &bad, &[]);
    assert_eq!(code, 1);
    assert!(has(&v, "record", "来源", "C3"), "{:?}", kinds(&v));
    let msg = v["discrepancies"]
        .as_array()
        .unwrap()
        .iter()
        .find(|d| d["kind"] == "record")
        .unwrap()["message"]
        .as_str()
        .unwrap()
        .to_string();
    assert!(msg.contains("截至日期"), "{msg}");
}

#[cfg(unix)]
#[test]
fn a_source_that_cannot_be_read_is_reported_as_unreadable_not_changed() {
    let dir = tempfile::tempdir().unwrap();
    let src = dir.path().join("src");
    std::fs::create_dir(&src).unwrap();
    for f in ["北安社区整改台账.xlsx", "庆利社区整改台账.xlsx"] {
        std::fs::copy(root().join("samples").join(f), src.join(f)).unwrap();
    }
    let (_, code, text) = run(
        dir.path(),
        &["merge", "src", "-o", "m.xlsx", "--as-of", "2023-03-30"],
    );
    assert_eq!(code, 0, "{text}");
    // The file is there by name, but its target is gone.
    std::fs::rename(
        src.join("庆利社区整改台账.xlsx"),
        dir.path().join("moved.xlsx"),
    )
    .unwrap();
    std::os::unix::fs::symlink("../gone.xlsx", src.join("庆利社区整改台账.xlsx")).unwrap();
    let (v, code) = verify(
        dir.path(),
        &dir.path().join("m.xlsx"),
        &["--sources", "src"],
    );
    assert_eq!(code, 1);
    let k = kinds(&v);
    assert!(k.iter().any(|(k, _, _)| k == "source-unreadable"), "{k:?}");
    assert!(!k.iter().any(|(k, _, _)| k == "source-changed"), "{k:?}");
}

#[test]
fn a_workbook_not_in_xlsx_cannot_be_verified() {
    // The samples' workbook saved as ODS by LibreOffice (committed once).
    let ods = root().join("tests/fixtures/samples-merged.ods");
    let (v, code) = verify(&root(), &ods, &[]);
    assert_eq!(code, 2, "{v:#}");
    assert_eq!(v["verdict"], "cannot-verify");
    assert_eq!(v["checks"][0]["outcome"], "not-checked");
}
