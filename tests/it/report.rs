//! `taizhang report`: the draft follows the seed report's structure, its totals sentence states
//! the same counters as the consolidated workbook, and every problem and measure appears once.

use crate::support;

use crate::support::root;
use assert_cmd::Command;
use std::path::Path;

fn report(dir: &Path, inputs: &[&Path], out: &str) -> String {
    let mut args = vec!["report".to_string()];
    args.extend(inputs.iter().map(|p| p.to_str().unwrap().to_string()));
    args.extend(
        [
            "-o",
            out,
            "--as-of",
            "2023-03-30",
            "--unit",
            "中共自强街道党工委",
        ]
        .map(String::from),
    );
    let o = Command::cargo_bin("taizhang")
        .unwrap()
        .current_dir(dir)
        .args(&args)
        .output()
        .unwrap();
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    std::fs::read_to_string(dir.join(out)).unwrap_or_default()
}

#[test]
fn the_subdistrict_draft_has_the_seed_reports_structure() {
    let dir = tempfile::tempdir().unwrap();
    let ledger = root().join("samples/自强街道党工委巡察整改台账.xlsx");
    let text = report(dir.path(), &[&ledger], "r.txt");
    let lines: Vec<&str> = text.lines().collect();
    assert_eq!(lines[0], "中共自强街道党工委巡察整改进展情况报告");
    let pos = |l: &str| {
        lines
            .iter()
            .position(|x| *x == l)
            .unwrap_or_else(|| panic!("no line {l}"))
    };
    assert!(pos("一、整改工作总体情况") < pos("二、对反馈意见整改落实情况"));
    assert!(pos("二、对反馈意见整改落实情况") < pos("三、下步工作打算"));
    assert!(text.contains(&taizhang::value::text::full_width_punct(
        "截至2023年3月30日,制定的15项整改措施,已经完成落实15项;反馈的10个具体问题,已完成整改10个。"
    )));
    assert!(
        lines
            .iter()
            .filter(|l| l.starts_with("【待填写\u{FF1A}"))
            .count()
            >= 4,
        "placeholders, no invented prose"
    );

    // Headings and problem lines as the seed report words them.
    let seed = std::fs::read_to_string(root().join("tests/fixtures/seed/000_48f62c6afe5f513b.txt"))
        .expect("the seed report is in tests/fixtures/seed");
    let headings: Vec<&&str> = lines
        .iter()
        .filter(|l| l.starts_with('\u{FF08}') && l.contains("方面问题的整改情况"))
        .collect();
    assert_eq!(headings.len(), 3);
    for h in headings {
        // The seed report writes half-width marks; the draft writes a 公文's full-width ones.
        let seed = taizhang::value::text::full_width_punct(&seed);
        assert!(seed.contains(*h), "{h} is a heading of the seed report");
    }
    for l in lines
        .iter()
        .filter(|l| l.starts_with(|c: char| c.is_ascii_digit()) || l.starts_with(['(', '\u{FF08}']))
    {
        let head: String = l
            .chars()
            .take_while(|c| !matches!(*c, '(' | ':' | '。' | '\u{FF08}' | '\u{FF1A}'))
            .collect();
        let head = head.trim_start_matches(|c: char| {
            c.is_ascii_digit() || matches!(c, '.' | '(' | ')' | '\u{FF08}' | '\u{FF09}')
        });
        assert!(
            seed.contains(head),
            "{head:?} is worded as in the seed report"
        );
    }
    assert!(
        text.contains(&taizhang::value::text::full_width_punct(
            "1.针对党建引领社会参与仍有差距问题:\n(1)针对城市党建联盟运行效果不佳问题("
        )),
        "{text}"
    );
    assert!(
        text.contains(&taizhang::value::text::full_width_punct(
            "从“选、育、管、用”各环节推进建立统一融合机制,一是优化“三长”队伍年龄结构"
        )),
        "the lead before 一是 is kept"
    );
}

#[test]
fn totals_match_the_consolidated_workbook_and_every_measure_appears_once_in_order() {
    let dir = tempfile::tempdir().unwrap();
    let samples = root().join("samples");
    let text = report(dir.path(), &[&samples], "r.txt");
    // The same counters as the summary of the consolidated workbook.
    let o = Command::cargo_bin("taizhang")
        .unwrap()
        .current_dir(dir.path())
        .args([
            "merge",
            samples.to_str().unwrap(),
            "-o",
            "m.xlsx",
            "--as-of",
            "2023-03-30",
        ])
        .output()
        .unwrap();
    assert!(o.status.success());
    use calamine::{DataType, Reader};
    let mut wb: calamine::Xlsx<_> = calamine::open_workbook(dir.path().join("m.xlsx")).unwrap();
    let r = wb.worksheet_range("汇总").unwrap();
    let total = r.rows().find(|row| row[0] == "合计").unwrap().to_vec();
    let n = |i: usize| total[i].as_f64().unwrap() as u64;
    let sentence = taizhang::value::text::full_width_punct(&format!(
        "截至2023年3月30日,制定的{}项整改措施,已经完成落实{}项,长期坚持{}项,正在推进{}项,尚未开始{}项,完成情况不明{}项,其中逾期{}项;反馈的{}个具体问题,已完成整改{}个。",
        n(3),
        n(4),
        n(5),
        n(6),
        n(7),
        n(8),
        n(9),
        n(1),
        n(2)
    ));
    assert!(text.contains(&sentence), "{sentence}\n{text}");

    // Every problem and measure of every ledger, once; within a category, in ledger order.
    let settings =
        taizhang::config::Settings::new(chrono::NaiveDate::from_ymd_opt(2023, 3, 30).unwrap());
    let mut measures = 0;
    for input in taizhang::source::discover(&[samples]) {
        let r = taizhang::pipeline::process_file(&input, &settings);
        for l in &r.ledgers {
            let mut last: Option<(String, usize)> = None;
            for p in &l.problems {
                let tail: String = p.text.chars().skip_while(|c| *c != ':').skip(1).collect();
                let key = if tail.is_empty() {
                    p.text.clone()
                } else {
                    tail
                };
                let key = taizhang::value::text::full_width_punct(key.trim_end_matches('。'));
                assert_eq!(text.matches(&key).count(), 1, "{key} appears once");
                let at = text.find(&key).unwrap();
                let category = p.category.clone().unwrap_or_default();
                if let Some((c, before)) = &last
                    && *c == category
                {
                    assert!(at > *before, "{key} comes after the problem before it");
                }
                last = Some((category, at));
                let mut from = at;
                let mut said: Vec<String> = Vec::new();
                for m in &p.measures {
                    // A measure twice under its problem is said once.
                    let key = taizhang::value::id::match_key(&l.measures[*m].text);
                    if said.contains(&key) {
                        measures += 1;
                        continue;
                    }
                    said.push(key);
                    let t = taizhang::value::text::full_width_punct(
                        l.measures[*m].text.trim_end_matches(['。', ';']),
                    );
                    let t = t.trim_end_matches(['。', ';', '\u{FF1B}']);
                    let found = text[from..]
                        .find(t)
                        .unwrap_or_else(|| panic!("{t} after its problem"));
                    from += found + t.len();
                    measures += 1;
                }
            }
        }
    }
    assert_eq!(measures, 56);
}

#[test]
fn markdown_text_and_docx_say_the_same_and_a_consolidated_input_gives_the_same_draft() {
    let dir = tempfile::tempdir().unwrap();
    let samples = root().join("samples");
    let txt = report(dir.path(), &[&samples], "r.txt");
    let md = report(dir.path(), &[&samples], "r.md");
    let from_md: Vec<String> = md
        .lines()
        .filter(|l| !l.is_empty())
        .map(|l| l.trim_start_matches('#').trim().to_string())
        .collect();
    let from_txt: Vec<String> = txt.lines().map(str::to_string).collect();
    assert_eq!(from_md, from_txt);

    report(dir.path(), &[&samples], "r.docx");
    let mut z =
        zip::ZipArchive::new(std::fs::File::open(dir.path().join("r.docx")).unwrap()).unwrap();
    let mut xml = String::new();
    std::io::Read::read_to_string(&mut z.by_name("word/document.xml").unwrap(), &mut xml).unwrap();
    for line in from_txt.iter().take(12) {
        assert!(xml.contains(line.as_str()), "{line} is in the document");
    }
    assert!(
        xml.contains("仿宋_GB2312") && xml.contains("黑体"),
        "official-document fonts"
    );

    // A consolidated workbook as the input gives the same draft.
    let o = Command::cargo_bin("taizhang")
        .unwrap()
        .current_dir(dir.path())
        .args([
            "merge",
            samples.to_str().unwrap(),
            "-o",
            "m.xlsx",
            "--as-of",
            "2023-03-30",
        ])
        .output()
        .unwrap();
    assert!(o.status.success());
    let again = report(dir.path(), &[&dir.path().join("m.xlsx")], "r2.txt");
    assert_eq!(again, txt);
}

#[test]
#[ignore = "needs LibreOffice (soffice)"]
fn the_docx_opens_in_libreoffice_with_chinese_text_intact() {
    support::soffice();
    let dir = tempfile::tempdir().unwrap();
    let ledger = root().join("samples/自强街道党工委巡察整改台账.xlsx");
    report(dir.path(), &[&ledger], "r.docx");
    assert!(support::lo_convert(
        &dir.path().join("r.docx"),
        "txt:Text",
        dir.path(),
        dir.path()
    ));
    let text = std::fs::read_to_string(dir.path().join("r.txt")).unwrap();
    let text = text.trim_start_matches('\u{feff}');
    assert!(text.contains("二、对反馈意见整改落实情况"), "{text}");
    assert!(
        text.contains("截至2023年3月30日\u{FF0C}制定的15项整改措施\u{FF0C}已经完成落实15项"),
        "{text}"
    );
}

#[test]
fn the_report_of_the_samples_has_no_half_width_mark_between_chinese_characters() {
    let dir = tempfile::tempdir().unwrap();
    let samples = root().join("samples");
    for out in ["r.txt", "r.md"] {
        let text = report(dir.path(), &[&samples], out);
        let chars: Vec<char> = text.chars().collect();
        let han = |c: char| ('\u{4E00}'..='\u{9FFF}').contains(&c);
        let bad: Vec<String> = chars
            .windows(3)
            .filter(|w| han(w[0]) && ",;:!?()".contains(w[1]) && han(w[2]))
            .map(|w| w.iter().collect())
            .collect();
        assert!(bad.is_empty(), "{out}: {bad:?}");
        // The prose is full-width too.
        assert!(
            text.contains("\u{FF0C}制定的56项整改措施\u{FF0C}"),
            "{text}"
        );
    }
}

#[test]
fn the_console_says_when_the_ledgers_had_errors() {
    let dir = tempfile::tempdir().unwrap();
    let run = |input: &Path| {
        let o = assert_cmd::Command::cargo_bin("taizhang")
            .unwrap()
            .current_dir(dir.path())
            .args([
                "report",
                input.to_str().unwrap(),
                "-o",
                "r.txt",
                "--as-of",
                "2023-03-30",
            ])
            .output()
            .unwrap();
        assert!(o.status.success());
        String::from_utf8_lossy(&o.stderr).into_owned()
    };
    // The samples hold 5 planted errors; the sub-district's own ledger none.
    assert!(run(&root().join("samples")).contains("有5条错误"));
    assert!(!run(&root().join("samples/自强街道党工委巡察整改台账.xlsx")).contains("错误"));
}

#[test]
#[ignore = "needs LibreOffice (soffice), poppler-utils and a Chinese font"]
fn the_docx_ends_with_the_chart_of_measures_by_unit() {
    use std::io::Read;
    support::soffice();
    let dir = tempfile::tempdir().unwrap();
    report(dir.path(), &[&root().join("samples")], "r.docx");
    let docx = dir.path().join("r.docx");
    let mut zip = zip::ZipArchive::new(std::fs::File::open(&docx).unwrap()).unwrap();
    let name = zip
        .file_names()
        .filter_map(|n| n.ok().map(|n| n.into_owned()))
        .find(|n| n.starts_with("word/media/") && n.ends_with(".png"))
        .expect("the chart is in the document");
    let mut png_bytes = Vec::new();
    zip.by_name(&name)
        .unwrap()
        .read_to_end(&mut png_bytes)
        .unwrap();
    // Every paragraph and picture has an id of its own (Word keeps w14:paraId unique).
    let mut xml = String::new();
    zip.by_name("word/document.xml")
        .unwrap()
        .read_to_string(&mut xml)
        .unwrap();
    for key in ["w14:paraId=\"", "<wp:docPr id=\""] {
        let ids: Vec<&str> = xml
            .split(key)
            .skip(1)
            .filter_map(|r| r.split('"').next())
            .collect();
        let unique: std::collections::HashSet<&&str> = ids.iter().collect();
        assert!(!ids.is_empty(), "{key}");
        assert_eq!(unique.len(), ids.len(), "{key} ids repeat: {ids:?}");
    }
    let decoder = png::Decoder::new(std::io::Cursor::new(png_bytes));
    let mut reader = decoder.read_info().unwrap();
    let mut px = vec![0; reader.output_buffer_size().unwrap()];
    let info = reader.next_frame(&mut px).unwrap();
    let (w, channels) = (info.width as usize, info.color_type.samples());
    // The longest black line of a row of pixels: (where it starts, how long it is).
    let black_run = |y: usize| {
        let (mut best, mut start, mut run) = ((0, 0), 0, 0);
        for x in 0..w {
            if px[(y * w + x) * channels] < 0x20 {
                if run == 0 {
                    start = x;
                }
                run += 1;
                if run > best.1 {
                    best = (start, run);
                }
            } else {
                run = 0;
            }
        }
        best
    };
    // The axis: the plot's bottom line, under six rows of 64 pixels below a 110-pixel title,
    // from the axis at the left to 220 pixels before the right edge.
    let (x0, axis) = black_run(110 + 64 * 6 - 1);
    assert_eq!(x0 + axis, w - 220, "the axis ends at the plot's right edge");
    assert!(axis > w / 2, "axis {axis} of {w} pixels");
    // The scale runs to 16: the most measures (党工委's 15) rounded up to a tick of 2. Each
    // bar's top border is the longest black line of its row and starts at the axis; its
    // length follows the unit's measures (北安 6, 庆利 6, 自强 9, 党工委 15, 路北 12, 路南 8,
    // in the report's order).
    let measures = [6.0, 6.0, 9.0, 15.0, 12.0, 8.0];
    let bars: Vec<(usize, usize)> = (0..6).map(|i| black_run(110 + 64 * i + 11)).collect();
    for ((start, len), m) in bars.iter().zip(measures) {
        let want = m * axis as f64 / 16.0;
        assert!(
            *start == x0 && (*len as f64 - want).abs() <= 2.0,
            "bars {bars:?} for measures {measures:?}, axis {x0}+{axis}"
        );
    }
    // Printed: the attachment on a page of its own, the picture on it.
    let pdfs = dir.path().join("pdf");
    assert!(support::lo_convert(&docx, "pdf", &pdfs, dir.path()));
    let pdf = pdfs.join("r.pdf");
    let out = std::process::Command::new("pdftotext")
        .arg(&pdf)
        .arg("-")
        .output()
        .unwrap();
    let pages: Vec<String> = String::from_utf8_lossy(&out.stdout)
        .split('\u{c}')
        .map(|p| p.chars().filter(|c| !c.is_whitespace()).collect())
        .collect();
    let last = pages.iter().rposition(|p| !p.is_empty()).unwrap();
    assert!(pages[last].starts_with("附件"), "{}", pages[last]);
    let images = std::process::Command::new("pdfimages")
        .arg("-list")
        .arg(&pdf)
        .output()
        .unwrap();
    let list = String::from_utf8_lossy(&images.stdout);
    let on_last = list
        .lines()
        .skip(2)
        .filter(|l| l.split_whitespace().next() == Some(&(last + 1).to_string()))
        .count();
    assert_eq!(on_last, 1, "{list}");
}
