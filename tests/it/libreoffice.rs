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
    let root = PathBuf::from(env!("CARGO_MANIFEST_DIR"));
    // With a ledger whose units have parents: the table by parent is recalculated too.
    let offices =
        root.join("tests/fixtures/dev9/files/XX县烟草专卖局卷烟零售户市场检查整改登记表.xlsx");
    for input in taizhang::source::discover(&[root.join("samples"), offices]) {
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
    let by_parent = (0..ra.height() as u32)
        .find(|r| ra.get_value((*r, 0)).map(|v| v.to_string()) == Some("按上级单位".into()))
        .expect("a table by parent");
    assert_eq!(
        rb.get_value((by_parent + 2, 0)).map(|v| v.to_string()),
        Some("城关市场管理所".into())
    );
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

/// One word of a printed page as poppler's `pdftotext -bbox` gives it: its text and box.
struct Word {
    text: String,
    x0: f64,
    y0: f64,
    x1: f64,
    y1: f64,
}

/// The words of a PDF, page by page (poppler's `pdftotext -bbox`).
fn pdf_words(pdf: &std::path::Path) -> Vec<Vec<Word>> {
    let out = std::process::Command::new("pdftotext")
        .arg("-bbox")
        .arg(pdf)
        .arg("-")
        .output()
        .expect("pdftotext (poppler-utils) is installed");
    assert!(out.status.success());
    let html = String::from_utf8_lossy(&out.stdout).to_string();
    let attr = |w: &str, name: &str| -> f64 {
        w.split(&format!("{name}=\""))
            .nth(1)
            .and_then(|v| v.split('"').next())
            .and_then(|v| v.parse().ok())
            .unwrap()
    };
    html.split("<page ")
        .skip(1)
        .map(|page| {
            page.split("<word ")
                .skip(1)
                .map(|w| {
                    let text = w.split('>').nth(1).unwrap().split("</word").next().unwrap();
                    let text = text
                        .replace("&lt;", "<")
                        .replace("&gt;", ">")
                        .replace("&quot;", "\"")
                        .replace("&amp;", "&");
                    Word {
                        text,
                        x0: attr(w, "xMin"),
                        y0: attr(w, "yMin"),
                        x1: attr(w, "xMax"),
                        y1: attr(w, "yMax"),
                    }
                })
                .collect()
        })
        .collect()
}

fn is_chinese(c: char) -> bool {
    ('\u{4e00}'..='\u{9fff}').contains(&c)
}

/// The size of Chinese type as a reader sees it on each page: for every word of two or more
/// Chinese characters and nothing else, its advance (the box's width, or its height for a word
/// set vertically, as a chart's axis title) divided by its characters, in points. A Chinese
/// character is as wide as its type is high, whatever the font and the scaling.
fn chinese_sizes(words: &[Word]) -> Vec<f64> {
    words
        .iter()
        .filter(|w| w.text.chars().count() >= 2 && w.text.chars().all(is_chinese))
        .map(|w| (w.x1 - w.x0).max(w.y1 - w.y0) / w.text.chars().count() as f64)
        .collect()
}

fn smallest(sizes: &[f64]) -> f64 {
    sizes.iter().copied().fold(f64::INFINITY, f64::min)
}

#[test]
#[ignore = "needs LibreOffice (soffice) and poppler-utils"]
fn the_consolidated_workbook_prints_at_9_pt_and_its_summary_at_10_5_with_rows_whole() {
    support::soffice();
    let dir = tempfile::tempdir().unwrap();
    let wb = dir.path().join("汇总.xlsx");
    // The samples' folder named by its absolute path, as a folder dropped on the program is:
    // the sheets show it relative to the folder the clerk runs in.
    let root = env!("CARGO_MANIFEST_DIR");
    let samples = format!("{root}/samples");
    taizhang_ok(
        &[
            "merge",
            &samples,
            "--as-of",
            "2023-03-30",
            "--unit",
            "自强街道",
            "-o",
        ],
        &wb,
    );
    let ledger = part(&wb, "xl/worksheets/sheet2.xml");
    assert!(ledger.contains("paperSize=\"9\""), "A4");
    assert!(ledger.contains("orientation=\"landscape\""));
    let mut x: Xlsx<_> = open_workbook(&wb).unwrap();

    // Printed by LibreOffice: A4 landscape.
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
    let words = pdf_words(&pdf);
    let pages = pdf_pages(&pdf);
    assert_eq!(words.len(), pages.len());
    // The sheets print in order; a page is the summary's while the summary's title heads it.
    let is_summary = |p: &str| p.contains("巡察整改落实情况汇总");
    let is_sources = |p: &str| p.contains("数据来源与校验信息");
    let is_findings = |p: &str| p.contains("校验结果") && !is_sources(p);
    let is_ledger = |p: &str| !is_summary(p) && !is_sources(p) && !is_findings(p);
    let summary_pages = pages.iter().filter(|p| is_summary(p)).count();
    let ledger_pages = pages.iter().filter(|p| is_ledger(p)).count();
    assert!(
        summary_pages >= 2,
        "the tables and the chart: {summary_pages}"
    );
    assert!(ledger_pages >= 3, "{ledger_pages}");
    let mut report = Vec::new();
    for (k, (page, w)) in pages.iter().zip(&words).enumerate() {
        let sizes = chinese_sizes(w);
        assert!(
            sizes.len() >= 5,
            "page {}: {} Chinese words",
            k + 1,
            sizes.len()
        );
        let least = smallest(&sizes);
        report.push(format!("{}:{least:.2}", k + 1));
        if is_summary(page) {
            assert!(least >= 10.5, "summary page {}: {least:.2} pt", k + 1);
        } else {
            assert!(least >= 9.0, "page {}: {least:.2} pt", k + 1);
        }
        // Paper without technical noise: no absolute path, no rule's id (the findings name
        // their rules in Chinese), no hash, no configuration.
        let folder: String = root.chars().filter(|c| !c.is_whitespace()).collect();
        assert!(!page.contains(&folder), "page {}: {root}", k + 1);
        for rule in taizhang::finding::Rule::ALL {
            assert!(!page.contains(rule.id()), "page {}: {}", k + 1, rule.id());
        }
        for technical in ["SHA-256", "due_soon_days", "taizhang0.", "列摘要"] {
            assert!(!page.contains(technical), "page {}: {technical}", k + 1);
        }
    }
    assert!(
        pages
            .iter()
            .any(|p| is_findings(p) && p.contains("必填项为空"))
    );
    assert!(
        pages
            .iter()
            .any(|p| is_sources(p) && p.contains("samples/北安社区整改台账.xlsx"))
    );
    eprintln!("smallest Chinese by page, pt: {}", report.join(" "));

    // Every printed cell's text is printed whole, no date breaks inside, no header word breaks
    // inside: each line of a header cell, and each date written with 年月日, is one word of
    // the printed pages.
    let range = x.worksheet_range("整改台账").unwrap();
    let header_cells: Vec<String> = range
        .rows()
        .next()
        .unwrap()
        .iter()
        .map(|c| c.to_string())
        .collect();
    let printed: Vec<usize> = taizhang::schema::ledger::Col::ALL
        .iter()
        .filter(|c| c.is_printed())
        .map(|c| c.index() as usize)
        .collect();
    let ledger_words: Vec<&str> = pages
        .iter()
        .zip(&words)
        .filter(|(p, _)| is_ledger(p))
        .flat_map(|(_, w)| w.iter().map(|w| w.text.as_str()))
        .collect();
    for c in &printed {
        for line in header_cells[*c].lines() {
            assert!(
                ledger_words.contains(&line),
                "header line {line:?} is not one printed word"
            );
        }
    }
    let texts: Vec<&str> = range
        .rows()
        .skip(1)
        .flat_map(|r| printed.iter().filter_map(move |c| r[*c].get_string()))
        .collect();
    let mut dates = 0;
    for t in &texts {
        let chars: Vec<char> = t.chars().collect();
        // A date as written: digits 年 digits 月 digits 日.
        for (i, _) in chars.iter().enumerate().filter(|(_, c)| **c == '日') {
            let start = chars[..i]
                .iter()
                .rposition(|c| !(c.is_ascii_digit() || *c == '年' || *c == '月'))
                .map_or(0, |p| p + 1);
            let date: String = chars[start..=i].iter().collect();
            if date.contains('年')
                && date.contains('月')
                && date.starts_with(|c: char| c.is_ascii_digit())
            {
                dates += 1;
                assert!(
                    ledger_words.iter().any(|w| w.contains(&date)),
                    "{date} breaks on the page"
                );
            }
        }
    }
    assert!(dates >= 3, "{dates} dates written with 年月日");
    let all_ledger: String = pages.iter().filter(|p| is_ledger(p)).cloned().collect();
    let short = cut_off(texts.iter().copied(), &all_ledger);
    assert!(
        short.is_empty(),
        "printed fewer times than the cells hold: {short:?}"
    );
    for grouped in ["问题类别", "措施ID", "来源文件", "原序号"] {
        assert!(!all_ledger.contains(grouped), "{grouped} printed");
    }
    // Every row is as high as its text's lines in LibreOffice: the lines of the problem and
    // measure columns (the words of a line share its top) between a row's first line and the
    // next row's fit in the row's height.
    rows_hold_their_lines(&ledger, &pages, &words, &is_ledger);
}

/// Each data row of the ledger sheet is at least as high as the lines LibreOffice printed in
/// it. A row's band on the page is its height (the sheet's, at the page's scale: the printed
/// Chinese size over the sheet's 10.5 pt) around its number in the 序号 column, every cell
/// being centred vertically; the lines in it are the distinct tops of the words in the
/// measures' and the problems' columns whose middle is in the band; they must fit the band at
/// LibreOffice's line pitch (1.1 times the type).
fn rows_hold_their_lines(
    sheet_xml: &str,
    pages: &[String],
    words: &[Vec<Word>],
    is_ledger: &dyn Fn(&str) -> bool,
) {
    let heights: Vec<f64> = sheet_xml
        .split("<row ")
        .skip(2)
        .map(|r| {
            let open = &r[..r.find('>').unwrap()];
            open.split("ht=\"")
                .nth(1)
                .and_then(|v| v.split('"').next())
                .and_then(|v| v.parse().ok())
                .unwrap_or(15.0)
        })
        .collect();
    let mut rows_seen = 0;
    let mut most_lines = 0.0f64;
    for (page, w) in pages.iter().zip(words) {
        if !is_ledger(page) {
            continue;
        }
        let scale = smallest(&chinese_sizes(w)) / 10.5;
        let columns: Vec<&Word> = w
            .iter()
            .filter(|x| x.text == "整改措施" || x.text == "反馈问题")
            .collect();
        assert_eq!(columns.len(), 2, "the headers of the problems and measures");
        let header_bottom = columns[0].y1;
        let left = w.iter().map(|x| x.x0).fold(f64::INFINITY, f64::min);
        for number in w.iter().filter(|x| {
            x.y0 > header_bottom + 5.0
                && x.x0 < left + 30.0
                && x.text.chars().all(|c| c.is_ascii_digit())
        }) {
            let n: usize = number.text.parse().unwrap();
            let mid = (number.y0 + number.y1) / 2.0;
            let height = heights[n - 1] * scale;
            for col in &columns {
                // The column's text is left-aligned under its centred header: the left edge
                // most of the words reaching under the header start at.
                let mut starts: Vec<i64> = w
                    .iter()
                    .filter(|x| x.y0 > header_bottom && x.x0 <= col.x0 && x.x1 > col.x0)
                    .map(|x| (x.x0 * 10.0).round() as i64)
                    .collect();
                starts.sort();
                let edge = starts
                    .chunk_by(|a, b| a == b)
                    .max_by_key(|c| c.len())
                    .map(|c| c[0] as f64 / 10.0)
                    .expect("words under the header");
                let mut tops: Vec<f64> = w
                    .iter()
                    .filter(|x| (x.x0 - edge).abs() < 0.5)
                    .filter(|x| ((x.y0 + x.y1) / 2.0 - mid).abs() < height / 2.0)
                    .map(|x| x.y0)
                    .collect();
                tops.sort_by(f64::total_cmp);
                tops.dedup_by(|a, b| (*a - *b).abs() < 2.0);
                let lines = tops.len() as f64;
                most_lines = most_lines.max(lines);
                assert!(
                    lines * 1.1 * 10.5 * scale <= height + 1.0,
                    "row {n}: {lines} lines in {height:.1} pt"
                );
            }
            rows_seen += 1;
        }
    }
    assert!(rows_seen >= 50, "{rows_seen} rows measured");
    assert!(
        most_lines >= 3.0,
        "a row of three lines or more: {most_lines}"
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
    let words = pdf_words(&pdf);
    assert_eq!(words.len(), 1, "the page measured");
    let chinese = chinese_sizes(&words[0]);
    assert!(chinese.len() >= 10, "{} Chinese words", chinese.len());
    let least = smallest(&chinese);
    eprintln!("the template's smallest Chinese: {least:.2} pt");
    assert!(least >= 9.0, "{least:.2} pt");
    let pages = pdf_pages(&pdf);
    assert!(pages[0].contains("填表说明"), "{}", pages[0]);
    // Every header on one line.
    for h in [
        "问题类别",
        "反馈问题",
        "整改措施",
        "责任领导",
        "责任科室",
        "整改时限",
        "完成情况",
        "完成时间",
    ] {
        assert!(words[0].iter().any(|w| w.text == h), "{h} breaks");
    }
}

#[test]
#[ignore = "needs LibreOffice (soffice)"]
fn the_table_by_parent_prints_on_the_summary_and_the_parent_column_does_not() {
    support::soffice();
    let dir = tempfile::tempdir().unwrap();
    let wb = dir.path().join("汇总.xlsx");
    let offices = PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/dev9/files/XX县烟草专卖局卷烟零售户市场检查整改登记表.xlsx");
    taizhang_ok(
        &[
            "merge",
            offices.to_str().unwrap(),
            "--as-of",
            "2025-10-31",
            "-o",
        ],
        &wb,
    );
    let pdfs = dir.path().join("pdf");
    assert!(support::lo_convert(&wb, "pdf", &pdfs, dir.path()));
    let pdf = pdfs.join("汇总.pdf");
    let words = pdf_words(&pdf);
    let pages = pdf_pages(&pdf);
    assert_eq!(words.len(), pages.len());
    let is_summary = |p: &str| p.contains("巡察整改落实情况汇总");
    let summary: Vec<usize> = (0..pages.len())
        .filter(|k| is_summary(&pages[*k]))
        .collect();
    // The tables on the summary's first page, the parents' rows whole, at 10.5 pt or more.
    let first = &pages[summary[0]];
    for text in [
        "按问题类别",
        "按上级单位",
        "城关市场管理所",
        "东关市场管理所",
        "制表人",
    ] {
        assert!(first.contains(text), "{text} on the summary's first page");
    }
    for k in &summary {
        let least = smallest(&chinese_sizes(&words[*k]));
        assert!(least >= 10.5, "summary page {}: {least:.2} pt", k + 1);
    }
    // The ledger prints without the parent column (collapsed with the technical columns).
    let ledger: Vec<&String> = pages
        .iter()
        .filter(|p| !is_summary(p) && !p.contains("校验结果") && !p.contains("数据来源与校验信息"))
        .collect();
    assert!(!ledger.is_empty());
    for p in ledger {
        assert!(p.contains("备注"), "the ledger's printed header");
        assert!(!p.contains("上级"), "the parent column is not printed");
    }
}
