//! What LibreOffice makes of the consolidated workbook: every summary formula, recalculated,
//! gives the value the tool cached. These tests need LibreOffice (`soffice`): they are ignored
//! by a plain `cargo test` and run by `.ci/run`, which installs it.

use crate::support;

use calamine::{DataType, Reader, Xlsx, open_workbook};
use std::path::PathBuf;

#[test]
#[ignore = "needs LibreOffice (soffice)"]
fn libreoffice_recalculates_the_summary_to_the_cached_values() {
    support::soffice();
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("merged.xlsx");
    let settings =
        taizhang::config::Settings::new(chrono::NaiveDate::from_ymd_opt(2023, 3, 30).unwrap());
    let mut book = taizhang::workbook::Consolidator::new(&settings).unwrap();
    book.set_max_rows(25); // formulas over several ledger sheets
    let samples = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("samples");
    for input in taizhang::source::discover(&[samples]) {
        book.add_file(&taizhang::pipeline::process_file(&input, &settings))
            .unwrap();
    }
    book.finish(&out).unwrap();

    let recalc = dir.path().join("recalc");
    std::fs::create_dir_all(&recalc).unwrap();
    assert!(
        support::lo_convert(&out, "xlsx", &recalc, dir.path()),
        "LibreOffice converts"
    );
    let again = recalc.join("merged.xlsx");

    let mut a: Xlsx<_> = open_workbook(&out).unwrap();
    let mut b: Xlsx<_> = open_workbook(&again).unwrap();
    let ra = a.worksheet_range("汇总").unwrap();
    let rb = b.worksheet_range("汇总").unwrap();
    let formulas = a.worksheet_formula("汇总").unwrap();
    let mut compared = 0;
    for (r, c, f) in formulas.used_cells() {
        let (r0, c0) = formulas.start().unwrap();
        let pos = (r0 + r as u32, c0 + c as u32);
        let cached = ra.get_value(pos).cloned().unwrap_or_default();
        let recalculated = rb.get_value(pos).cloned().unwrap_or_default();
        let (x, y) = (cached.to_string(), recalculated.to_string());
        let close = match (cached.as_f64(), recalculated.as_f64()) {
            (Some(p), Some(q)) => (p - q).abs() < 1e-5,
            _ => x == y,
        };
        assert!(close, "{f} at {pos:?}: cached {x}, LibreOffice {y}");
        compared += 1;
    }
    assert!(compared > 100, "{compared} formulas compared");
}

#[test]
#[ignore = "needs LibreOffice (soffice)"]
fn a_workbook_resaved_by_libreoffice_now_still_verifies() {
    support::soffice();
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("m.xlsx");
    let samples = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("samples");
    let o = assert_cmd::Command::cargo_bin("taizhang")
        .unwrap()
        .args([
            "merge",
            samples.to_str().unwrap(),
            "-o",
            out.to_str().unwrap(),
            "--as-of",
            "2023-03-30",
        ])
        .output()
        .unwrap();
    assert!(o.status.success());
    let again = dir.path().join("again");
    std::fs::create_dir_all(&again).unwrap();
    assert!(support::lo_convert(&out, "xlsx", &again, dir.path()));
    let o = assert_cmd::Command::cargo_bin("taizhang")
        .unwrap()
        .args([
            "verify",
            again.join("m.xlsx").to_str().unwrap(),
            "--sources",
            samples.to_str().unwrap(),
        ])
        .output()
        .unwrap();
    assert_eq!(
        o.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&o.stdout)
    );
}

/// The text of a PDF's pages, by page (poppler's `pdftotext`), without spaces.
fn pdf_pages(pdf: &std::path::Path) -> Vec<String> {
    let out = std::process::Command::new("pdftotext")
        .arg(pdf)
        .arg("-")
        .output()
        .expect("pdftotext (poppler-utils) is installed");
    assert!(out.status.success());
    String::from_utf8_lossy(&out.stdout)
        .split('\u{c}')
        .map(|p| p.chars().filter(|c| !c.is_whitespace()).collect())
        .filter(|p: &String| !p.is_empty())
        .collect()
}

/// The page sizes of a PDF in points (poppler's `pdfinfo`), page by page.
fn pdf_page_sizes(pdf: &std::path::Path) -> Vec<(f64, f64)> {
    let out = std::process::Command::new("pdfinfo")
        .args(["-f", "1", "-l", "999"])
        .arg(pdf)
        .output()
        .expect("pdfinfo (poppler-utils) is installed");
    assert!(out.status.success(), "pdfinfo {pdf:?}");
    String::from_utf8_lossy(&out.stdout)
        .lines()
        .filter(|l| l.starts_with("Page") && l.contains("size:"))
        .filter_map(|l| {
            let size = l.split("size:").nth(1)?;
            let mut it = size.split_whitespace();
            let w: f64 = it.next()?.parse().ok()?;
            it.next();
            let h: f64 = it.next()?.parse().ok()?;
            Some((w, h))
        })
        .collect()
}

/// The characters the cells' texts hold more often than the printed pages show them, with
/// both counts: what a row too low or a column too narrow cuts off is not drawn, so every
/// character of the texts must be printed at least as often as the cells hold it (titles,
/// headers and footers only add to the printed count). Spaces are not counted.
fn cut_off<'a>(texts: impl Iterator<Item = &'a str>, printed: &str) -> Vec<(char, usize, usize)> {
    let mut want: std::collections::HashMap<char, usize> = Default::default();
    for t in texts {
        for ch in t.chars().filter(|c| !c.is_whitespace()) {
            *want.entry(ch).or_default() += 1;
        }
    }
    let mut got: std::collections::HashMap<char, usize> = Default::default();
    for ch in printed.chars() {
        *got.entry(ch).or_default() += 1;
    }
    want.iter()
        .filter(|(ch, n)| got.get(ch).copied().unwrap_or(0) < **n)
        .map(|(ch, n)| (*ch, *n, got.get(ch).copied().unwrap_or(0)))
        .collect()
}

/// Runs taizhang in the project's folder with `args` and then `out`; it must succeed.
fn taizhang_ok(args: &[&str], out: &std::path::Path) {
    let ok = assert_cmd::Command::cargo_bin("taizhang")
        .unwrap()
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .args(args)
        .arg(out)
        .output()
        .unwrap();
    assert!(
        ok.status.success(),
        "{}",
        String::from_utf8_lossy(&ok.stderr)
    );
}

#[test]
#[ignore = "needs LibreOffice (soffice) and poppler-utils"]
fn each_units_list_prints_with_nothing_cut_off() {
    support::soffice();
    let dir = tempfile::tempdir().unwrap();
    let lists = dir.path().join("lists");
    taizhang_ok(
        &[
            "split",
            "samples",
            "--as-of",
            "2023-03-30",
            "--return-by",
            "2023-04-15",
            "-o",
        ],
        &lists,
    );
    let pdfs = dir.path().join("pdf");
    for entry in std::fs::read_dir(&lists).unwrap() {
        let list = entry.unwrap().path();
        assert!(
            support::lo_convert(&list, "pdf", &pdfs, dir.path()),
            "{list:?}"
        );
        let pdf = pdfs.join(list.with_extension("pdf").file_name().unwrap());
        let pages = pdf_pages(&pdf);
        let sizes = pdf_page_sizes(&pdf);
        assert_eq!(pages.len(), sizes.len(), "{pdf:?}");
        // The notice on A4 portrait, the list on A4 landscape.
        let a4 = |(w, h): (f64, f64)| (w - 595.0).abs() < 3.0 && (h - 842.0).abs() < 3.0;
        assert!(a4(sizes[0]), "{sizes:?}");
        for s in &sizes[1..] {
            assert!(a4((s.1, s.0)), "landscape: {sizes:?}");
        }
        assert!(pages[0].contains("整改事项通知"), "{}", pages[0]);
        let smallest = smallest_type_by_page(&pdf);
        assert_eq!(smallest.len(), sizes.len(), "every page measured");
        assert!(
            smallest.iter().all(|s| *s >= 18),
            "{list:?}: half points by page {smallest:?}"
        );
        // Every cell's text shows whole: what a row too low cuts off is not drawn, so every
        // character of the texts must be printed at least as often as the cells hold it (the
        // title, header and footer only add to the printed count).
        let printed: String = pages[1..].concat();
        let mut wb = calamine::open_workbook_auto(&list).unwrap();
        let sheet = wb.worksheet_range("整改台账").unwrap();
        let header: Vec<String> = sheet
            .rows()
            .nth(3)
            .unwrap()
            .iter()
            .map(|c| c.to_string())
            .collect();
        let id = header.iter().position(|h| h == "措施ID").unwrap();
        let mut texts: Vec<String> = Vec::new();
        for r in sheet
            .rows()
            .skip(4)
            .filter(|r| !r[id].to_string().is_empty())
        {
            for (c, v) in r.iter().enumerate() {
                if let (false, calamine::Data::String(t)) = (c == id, v) {
                    texts.push(t.clone());
                }
            }
        }
        let cells = texts.len();
        let short = cut_off(texts.iter().map(String::as_str), &printed);
        assert!(
            short.is_empty(),
            "{list:?}: printed fewer times than the cells hold: {short:?}"
        );
        assert!(cells > 10, "{cells}");
        // The hidden ID is not printed.
        assert!(!printed.contains("措施ID"), "{list:?}");
    }
}

/// The smallest type on each page of a PDF, in half points (poppler's `pdftohtml -xml` at
/// zoom 3 gives sizes in units of 2/3 × 3 = 2 per point, rounded).
fn smallest_type_by_page(pdf: &std::path::Path) -> Vec<u32> {
    let out = std::process::Command::new("pdftohtml")
        .args(["-xml", "-i", "-stdout", "-zoom", "3"])
        .arg(pdf)
        .output()
        .expect("pdftohtml (poppler-utils) is installed");
    assert!(
        out.status.success(),
        "pdftohtml {pdf:?}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    let xml = String::from_utf8_lossy(&out.stdout);
    let size_of = |id: &str| -> Option<u32> {
        let at = xml.find(&format!("<fontspec id=\"{id}\" size=\""))?;
        let rest = &xml[at..];
        let v = rest.split("size=\"").nth(1)?.split('"').next()?;
        v.parse().ok()
    };
    // Every page has type, so a check over the pages cannot pass on none of them.
    let pages: Vec<u32> = xml
        .split("<page number=")
        .skip(1)
        .enumerate()
        .map(|(i, page)| {
            page.split("<text ")
                .skip(1)
                .filter_map(|t| t.split("font=\"").nth(1)?.split('"').next())
                .filter_map(size_of)
                .min()
                .unwrap_or_else(|| panic!("{pdf:?}: page {} has no text", i + 1))
        })
        .collect();
    assert!(!pages.is_empty(), "{pdf:?}: no page");
    pages
}

/// One part of a package, as text.
fn part(path: &std::path::Path, name: &str) -> String {
    use std::io::Read;
    let mut zip = zip::ZipArchive::new(std::fs::File::open(path).unwrap()).unwrap();
    let mut s = String::new();
    zip.by_name(name).unwrap().read_to_string(&mut s).unwrap();
    s
}

#[test]
#[ignore = "needs LibreOffice (soffice) and poppler-utils"]
fn the_consolidated_workbook_prints_legibly_with_nothing_cut_off() {
    support::soffice();
    let dir = tempfile::tempdir().unwrap();
    let wb = dir.path().join("汇总.xlsx");
    taizhang_ok(
        &[
            "merge",
            "samples",
            "--as-of",
            "2023-03-30",
            "--unit",
            "自强街道",
            "-o",
        ],
        &wb,
    );

    // The print setup chosen, as written.
    let book = part(&wb, "xl/workbook.xml");
    assert!(
        book.contains("<definedName name=\"_xlnm.Print_Area\" localSheetId=\"1\">整改台账!$A$1:$Q$57</definedName>"),
        "{book}"
    );
    let ledger = part(&wb, "xl/worksheets/sheet2.xml");
    assert!(ledger.contains("paperSize=\"9\""), "A4");
    assert!(ledger.contains("orientation=\"landscape\""));
    for col in [5, 12, 14] {
        // 问题类别, 整改时限 (the date) and 状态 are grouped, not printed.
        let at = ledger
            .find(&format!("<col min=\"{col}\" max=\"{col}\""))
            .unwrap();
        let el = &ledger[at..at + ledger[at..].find("/>").unwrap()];
        assert!(el.contains("hidden=\"1\""), "{el}");
    }
    // A row whose problem takes three lines is three lines high.
    let heights: Vec<f64> = ledger
        .split("<row ")
        .skip(2)
        .filter_map(|r| r.split("ht=\"").nth(1)?.split('"').next()?.parse().ok())
        .collect();
    assert!(heights.iter().any(|h| *h >= 40.0), "{heights:?}");
    let summary = part(&wb, "xl/worksheets/sheet1.xml");
    assert!(
        !summary.contains("gridLines=\"1\""),
        "the summary prints its borders only"
    );
    assert!(part(&wb, "xl/charts/chart1.xml").contains("<c:barChart>"));
    let mut x: Xlsx<_> = open_workbook(&wb).unwrap();
    let s = x.worksheet_range("汇总").unwrap();
    assert_eq!(
        s.get_value((1, 11)).map(|v| v.to_string()).as_deref(),
        Some("自强街道")
    );
    assert!(
        s.rows()
            .any(|r| r.first().map(|v| v.to_string()).as_deref() == Some("制表人:")),
        "the signature line"
    );

    // Printed by LibreOffice: A4 landscape, no type under 9 pt, nothing cut off.
    let pdfs = dir.path().join("pdf");
    assert!(support::lo_convert(&wb, "pdf", &pdfs, dir.path()));
    let pdf = pdfs.join("汇总.pdf");
    let sizes = pdf_page_sizes(&pdf);
    assert!(sizes.len() >= 5, "{sizes:?}");
    for (w, h) in &sizes {
        assert!(
            (w - 842.0).abs() < 3.0 && (h - 595.0).abs() < 3.0,
            "{sizes:?}"
        );
    }
    let smallest = smallest_type_by_page(&pdf);
    assert!(
        smallest.iter().all(|s| *s >= 18),
        "half points by page: {smallest:?}"
    );
    let pages = pdf_pages(&pdf);
    let ledger_pages: String = pages
        .iter()
        .filter(|p| p.contains("责任领导") && p.contains("完成情况(原文)时限状态"))
        .cloned()
        .collect();
    assert!(!ledger_pages.is_empty());
    for grouped in ["问题类别", "措施ID", "来源文件", "原序号"] {
        assert!(!ledger_pages.contains(grouped), "{grouped} printed");
    }
    let headers: Vec<String> = x
        .worksheet_range("整改台账")
        .unwrap()
        .rows()
        .next()
        .unwrap()
        .iter()
        .map(|c| c.to_string())
        .collect();
    let printed = [
        "序号",
        "社区",
        "问题编号",
        "措施编号",
        "反馈问题",
        "整改措施",
        "责任领导",
        "责任科室",
        "责任人",
        "整改时限(原文)",
        "完成情况(原文)",
        "时限状态",
        "完成时间",
        "备注",
    ];
    let cols: Vec<usize> = printed
        .iter()
        .map(|h| headers.iter().position(|x| x == h).unwrap())
        .collect();
    let range = x.worksheet_range("整改台账").unwrap();
    let texts: Vec<&str> = range
        .rows()
        .skip(1)
        .flat_map(|r| cols.iter().filter_map(move |c| r[*c].get_string()))
        .collect();
    let short = cut_off(texts.into_iter(), &ledger_pages);
    assert!(
        short.is_empty(),
        "printed fewer times than the cells hold: {short:?}"
    );
}

#[test]
#[ignore = "needs LibreOffice (soffice) and poppler-utils"]
fn the_template_prints_on_one_a4_landscape_page_at_9_pt_or_more() {
    support::soffice();
    let dir = tempfile::tempdir().unwrap();
    let t = dir.path().join("模板.xlsx");
    taizhang_ok(&["template", "--community", "庆利社区", "-o"], &t);
    let pdfs = dir.path().join("pdf");
    assert!(support::lo_convert(&t, "pdf", &pdfs, dir.path()));
    let pdf = pdfs.join("模板.pdf");
    let sizes = pdf_page_sizes(&pdf);
    assert_eq!(sizes.len(), 1, "{sizes:?}");
    assert!((sizes[0].0 - 842.0).abs() < 3.0, "{sizes:?}");
    let smallest = smallest_type_by_page(&pdf);
    assert_eq!(smallest.len(), 1, "the page measured");
    assert!(smallest.iter().all(|s| *s >= 18), "{smallest:?}");
    let pages = pdf_pages(&pdf);
    assert!(pages[0].contains("填表说明"), "{}", pages[0]);
}
