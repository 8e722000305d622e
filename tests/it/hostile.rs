//! Hostile inputs built here: each ends in a report or a clear error, within memory and time
//! (every run below is limited to 2 GiB of address space, and killed after a minute — a guard
//! against hangs, not a speed target; speed lives in the benchmarks).

use crate::support::*;
use serde_json::Value;
use std::path::Path;

const WORKBOOK_PARTS: [(&str, &str); 4] = [
    (
        "[Content_Types].xml",
        r#"<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/></Types>"#,
    ),
    (
        "_rels/.rels",
        r#"<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>"#,
    ),
    (
        "xl/workbook.xml",
        r#"<?xml version="1.0"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="S" sheetId="1" r:id="rId1"/></sheets></workbook>"#,
    ),
    (
        "xl/_rels/workbook.xml.rels",
        r#"<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/></Relationships>"#,
    ),
];

/// Checks one file; returns its only input's error (or None) and the findings' rules.
fn check_one(dir: &Path, name: &str, bytes: &[u8]) -> (Option<String>, Vec<String>) {
    std::fs::write(dir.join(name), bytes).unwrap();
    let (out, code, _) = run_limited(
        dir,
        &["check", name, "--format", "json", "--lang", "en"],
        60,
    );
    // Exit 2: no ledger was read; the report that says why is printed all the same.
    assert!(
        matches!(code, Some(0) | Some(1) | Some(2)),
        "{name}: exit {code:?}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    let v: Value = serde_json::from_slice(&out.stdout).unwrap();
    let err = v["inputs"][0]["error"].as_str().map(str::to_string);
    let rules = v["findings"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| f["rule"].as_str().unwrap().to_string())
        .collect();
    (err, rules)
}

#[test]
fn a_value_at_xfd1048576_costs_only_its_cells() {
    let dir = tempfile::tempdir().unwrap();
    let mut xml = sheet_xml(&[
        (1, vec![("A1".into(), "序号".into())]),
        (1048576, vec![("XFD1048576".into(), "远处".into())]),
    ]);
    xml = xml.replace(
        "<sheetData>",
        r#"<dimension ref="A1:XFD1048576"/><sheetData>"#,
    );
    let (err, rules) = check_one(dir.path(), "far.xlsx", &xlsx_with_sheet(&xml, None));
    assert_eq!(err, None);
    assert_eq!(rules, ["no-ledger"]);
}

#[test]
fn a_part_that_inflates_to_gigabytes_is_refused_whatever_size_it_declares() {
    let dir = tempfile::tempdir().unwrap();
    let bomb = deflate_zeros(3 << 30);
    assert!(bomb.len() < 20 << 20, "a small zip: {} bytes", bomb.len());
    let (within, within_size) = (deflate_zeros(900 << 20), 900u32 << 20);
    for (name, declared, bomb) in [
        ("honest.xlsx", u32::MAX, &bomb),
        ("liar.xlsx", 4096, &bomb),
        // Declared honestly and under the size limit: refused by its compression ratio.
        ("ratio.xlsx", within_size, &within),
    ] {
        let mut entries: Vec<(&str, Vec<u8>, u32, u32)> = WORKBOOK_PARTS
            .iter()
            .map(|(n, d)| {
                (
                    *n,
                    deflate_stored(d.as_bytes()),
                    d.len() as u32,
                    crc32(d.as_bytes()),
                )
            })
            .collect();
        // The bomb's checksum is never reached: reading stops at the limit.
        entries.push(("xl/worksheets/sheet1.xml", bomb.clone(), declared, 0));
        let (err, rules) = check_one(dir.path(), name, &raw_zip(&entries));
        let err = err.unwrap_or_default();
        // Refused on its declaration, or as soon as it inflates past what it declares.
        let why = err.contains("safety limit") || err.contains("larger than its declared");
        if name == "ratio.xlsx" {
            assert!(err.contains("100x"), "{err}");
        }
        assert!(why && err.contains("sheet1.xml"), "{name}: {err}");
        assert_eq!(rules, ["unreadable-file"]);
    }
}

#[test]
fn xml_entity_expansion_is_not_expanded() {
    let dir = tempfile::tempdir().unwrap();
    let mut doctype = String::from(r#"<?xml version="1.0"?><!DOCTYPE sst [<!ENTITY a0 "lol">"#);
    for i in 1..10 {
        doctype.push_str(&format!(
            r#"<!ENTITY a{i} "{}">"#,
            format!("&a{};", i - 1).repeat(10)
        ));
    }
    doctype.push_str("]>");
    let sst = format!(
        r#"{doctype}<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="1" uniqueCount="1"><si><t>&a9;</t></si></sst>"#
    );
    let sheet = r#"<?xml version="1.0"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData><row r="1"><c r="A1" t="s"><v>0</v></c></row></sheetData></worksheet>"#;
    let bytes = xlsx_with_sheet(sheet, Some(&sst));
    // The cell is not read as a billion "lol"s: the reader stops at the reference it does not
    // know, and says which, as written.
    let read = taizhang::source::parse(
        &bytes,
        taizhang::source::Format::Xlsx,
        "laughs",
        &taizhang::source::guard::Limits::default(),
    );
    let err = match read {
        Err(e) => e.to_string(),
        Ok(sheets) => panic!("read as {sheets:?}"),
    };
    assert!(
        err.contains("entity `&a9;`") && !err.contains("lol"),
        "{err}"
    );
    // Through the binary: the file is unreadable, and the finding says why.
    let (err, rules) = check_one(dir.path(), "laughs.xlsx", &bytes);
    let err = err.unwrap_or_default();
    assert!(
        err.contains("entity `&a9;`") && !err.contains("lol"),
        "{err}"
    );
    assert_eq!(rules, ["unreadable-file"]);
    // The same cell holding a reference XML defines is read, as its character.
    let plain = sst.replace(&doctype, "").replace("&a9;", "序号&amp;");
    let sheets = taizhang::source::parse(
        &xlsx_with_sheet(sheet, Some(&plain)),
        taizhang::source::Format::Xlsx,
        "plain",
        &taizhang::source::guard::Limits::default(),
    )
    .unwrap();
    assert_eq!(
        sheets[0].rows[0].cells[0].value,
        taizhang::source::grid::CellValue::Text("序号&".into())
    );
}

#[test]
fn shared_string_indexes_out_of_range_and_wild_row_numbers() {
    let dir = tempfile::tempdir().unwrap();
    let sst = r#"<?xml version="1.0"?><sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="1" uniqueCount="1"><si><t>序号</t></si></sst>"#;
    let cases = [
        (
            "sst.xlsx",
            r#"<c r="A1" t="s"><v>99999999</v></c><c r="B1" t="s"><v>-1</v></c>"#,
        ),
        ("neg.xlsx", r#"<c r="A-5" t="s"><v>0</v></c>"#),
        ("huge.xlsx", r#"<c r="A4294967297" t="s"><v>0</v></c>"#),
        ("col.xlsx", r#"<c r="ZZZZZZZ1" t="s"><v>0</v></c>"#),
    ];
    for (name, cells) in cases {
        let sheet = format!(
            r#"<?xml version="1.0"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData><row r="1">{cells}</row><row r="-7"/><row r="99999999999"/></sheetData></worksheet>"#
        );
        let (err, rules) = check_one(dir.path(), name, &xlsx_with_sheet(&sheet, Some(sst)));
        assert!(
            rules == ["no-ledger"] || (rules == ["unreadable-file"] && err.is_some()),
            "{name}: {rules:?} {err:?}"
        );
    }
}

#[test]
fn a_40_mb_csv_line_binary_noise_and_3000_columns() {
    let dir = tempfile::tempdir().unwrap();
    let long = "很长".repeat(7 << 20); // 42 MB of UTF-8
    let csv = format!(
        "序号,反馈问题,整改措施,责任领导,责任科室,责任人,整改时限,完成情况\n1,问题,{long},王,党办,李,长期坚持,推进中\n"
    );
    let (err, rules) = check_one(dir.path(), "long.csv", csv.as_bytes());
    // Read whole; longer than a cell holds, so a finding names the cell.
    assert_eq!((err, rules), (None, vec!["cell-too-long".to_string()]));
    let (out, code, _) = run_limited(
        dir.path(),
        &[
            "merge",
            "long.csv",
            "-o",
            "long.xlsx",
            "--as-of",
            "2023-03-30",
        ],
        60,
    );
    assert_eq!(code, Some(0), "{}", String::from_utf8_lossy(&out.stderr));

    let mut noise = vec![0u8; 1 << 20];
    let mut x: u32 = 2463534242;
    for b in noise.iter_mut() {
        x ^= x << 13;
        x ^= x >> 17;
        x ^= x << 5;
        *b = x as u8;
    }
    let (err, rules) = check_one(dir.path(), "noise.csv", &noise);
    assert_eq!(rules, ["unreadable-file"]);
    assert!(err.unwrap().contains("binary"));

    let mut header: Vec<String> = [
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
    .map(|s| s.to_string())
    .collect();
    header.extend((0..2992).map(|i| format!("附加{i}")));
    let row: Vec<String> = (0..3000)
        .map(|i| {
            if i == 0 {
                "1".into()
            } else {
                format!("值{i}")
            }
        })
        .collect();
    let csv = format!("{}\n{}\n", header.join(","), row.join(","));
    let (err, rules) = check_one(dir.path(), "wide.csv", csv.as_bytes());
    assert_eq!(err, None);
    assert!(
        rules.contains(&"bad-deadline".to_string()) && rules.contains(&"bad-status".to_string()),
        "{rules:?}"
    );
    let (out, code, _) = run_limited(
        dir.path(),
        &[
            "merge",
            "wide.csv",
            "-o",
            "wide.xlsx",
            "--as-of",
            "2023-03-30",
        ],
        60,
    );
    assert_eq!(code, Some(0), "{}", String::from_utf8_lossy(&out.stderr));
}

#[test]
fn deep_nesting() {
    let dir = tempfile::tempdir().unwrap();
    let depth = 200_000;
    let xml = format!(
        r#"<?xml version="1.0"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>x</t></is></c></row></sheetData><extLst>{}{}</extLst></worksheet>"#,
        "<ext>".repeat(depth),
        "</ext>".repeat(depth)
    );
    let (_, rules) = check_one(dir.path(), "deep.xlsx", &xlsx_with_sheet(&xml, None));
    assert!(
        rules == ["no-ledger"] || rules == ["unreadable-file"],
        "{rules:?}"
    );
}

/// Found by `fuzz/fuzz_targets/read_xls.rs`: a DIMENSIONS record declaring about 2^32 rows made
/// the reader reserve room for every declared cell and abort. The declared box is now counted
/// against the dense-cell limit before the sheet is read.
#[test]
fn an_xls_sheet_that_declares_billions_of_rows_is_refused_not_reserved() {
    let dir = tempfile::tempdir().unwrap();
    let fixture =
        Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/fuzz-xls-dimensions.xls");
    let bytes = std::fs::read(fixture).unwrap();
    let (err, rules) = check_one(dir.path(), "declared.xls", &bytes);
    let err = err.unwrap_or_default();
    assert!(
        err.contains("safety limit") && err.contains("declares"),
        "{err}"
    );
    assert_eq!(rules, ["unreadable-file"]);
}
