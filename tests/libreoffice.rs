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
