//! What LibreOffice makes of the consolidated workbook: every summary formula, recalculated,
//! gives the value the tool cached. These tests need LibreOffice (`soffice`): they are ignored
//! by a plain `cargo test` and run by `.ci/run`, which installs it.

mod support;

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

#[test]
#[ignore = "needs LibreOffice (soffice) and poppler-utils"]
fn each_units_list_prints_with_nothing_cut_off() {
    support::soffice();
    let dir = tempfile::tempdir().unwrap();
    let root = PathBuf::from(env!("CARGO_MANIFEST_DIR"));
    let lists = dir.path().join("lists");
    let ok = assert_cmd::Command::cargo_bin("taizhang")
        .unwrap()
        .current_dir(&root)
        .args([
            "split",
            "samples",
            "--as-of",
            "2023-03-30",
            "--return-by",
            "2023-04-15",
            "-o",
        ])
        .arg(&lists)
        .output()
        .unwrap();
    assert!(
        ok.status.success(),
        "{}",
        String::from_utf8_lossy(&ok.stderr)
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
        let mut want: std::collections::HashMap<char, usize> = Default::default();
        let mut cells = 0;
        for r in sheet
            .rows()
            .skip(4)
            .filter(|r| !r[id].to_string().is_empty())
        {
            for (c, v) in r.iter().enumerate() {
                if let (false, calamine::Data::String(t)) = (c == id, v) {
                    cells += 1;
                    for ch in t.chars().filter(|c| !c.is_whitespace()) {
                        *want.entry(ch).or_default() += 1;
                    }
                }
            }
        }
        let mut got: std::collections::HashMap<char, usize> = Default::default();
        for ch in printed.chars() {
            *got.entry(ch).or_default() += 1;
        }
        let short: Vec<(char, usize, usize)> = want
            .iter()
            .filter(|(ch, n)| got.get(ch).copied().unwrap_or(0) < **n)
            .map(|(ch, n)| (*ch, *n, got.get(ch).copied().unwrap_or(0)))
            .collect();
        assert!(
            short.is_empty(),
            "{list:?}: printed fewer times than the cells hold: {short:?}"
        );
        assert!(cells > 10, "{cells}");
        // The hidden ID is not printed.
        assert!(!printed.contains("措施ID"), "{list:?}");
    }
}
