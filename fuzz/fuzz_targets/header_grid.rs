#![no_main]
//! Header detection, ledger building and every rule on arbitrary grids of cells: each cell is
//! three bytes (row, column, what) — header words, status words, deadlines, numbers, text — with
//! merged regions from the tail. Nothing may panic.
use libfuzzer_sys::fuzz_target;
use taizhang::config::Settings;
use taizhang::layout::find_layout;
use taizhang::ledger::build_ledger;
use taizhang::source::grid::{CellRef, CellValue, Merge, Sheet};

const WORDS: &[&str] = &[
    "序号", "问题类别", "反馈问题", "整改措施", "责任领导", "责任科室", "责任人", "整改时限", "完成情况",
    "完成时间", "备注", "责任主体", "已完成", "推进中", "长期坚持", "未开始", "2023年6月底前", "6月底前",
    "立行立改", "一是甲;二是乙", "1.甲 2.乙 3.丙", "填报人:张三", "注:说明", "一、党建方面", "某某社区台账",
    "填报单位:庆利社区", "看情况", "尽快", "", "(1)甲(2)乙", "①甲②乙", "1", "2", "3", "1(1)", "1(2)",
];

fuzz_target!(|data: &[u8]| {
    let split = data.len() - data.len() % 3;
    let (cells_part, merge_part) = data.split_at(split.min(data.len()));
    let mut cells = Vec::new();
    for c in cells_part.chunks_exact(3) {
        let (row, col, what) = (u32::from(c[0] % 40), u32::from(c[1] % 14), c[2]);
        let value = match what % 8 {
            0 => CellValue::Number(f64::from(what)),
            1 => CellValue::Date(
                chrono::NaiveDate::from_ymd_opt(2023, u32::from(what % 12) + 1, 1)
                    .unwrap()
                    .and_time(chrono::NaiveTime::MIN),
            ),
            _ => CellValue::Text(WORDS[usize::from(what) % WORDS.len()].to_string()),
        };
        cells.push((row, col, value));
    }
    let mut sheet = Sheet::from_cells("台账", cells);
    for m in merge_part.chunks(4) {
        if let [a, b, c, d] = m {
            let (r1, c1) = (u32::from(*a % 40), u32::from(*b % 14));
            sheet.merges.push(Merge {
                first: CellRef::new(r1, c1),
                last: CellRef::new(r1 + u32::from(*c % 5), c1 + u32::from(*d % 4)),
            });
        }
    }
    sheet.merges_known = !sheet.merges.is_empty();
    let settings = Settings::new(chrono::NaiveDate::from_ymd_opt(2023, 3, 30).unwrap());
    if let Some(layout) = find_layout(&sheet, &settings, "f.xlsx") {
        let ledger = build_ledger(&sheet, layout, "f.xlsx", "f.xlsx", &settings);
        let _ = taizhang::check::check_ledger(&ledger, &settings);
        let c = taizhang::ledger::counters(&ledger, &settings);
        let by_status: u64 = taizhang::model::Counter::BY_STATUS.iter().map(|k| c[*k]).sum();
        assert_eq!(c[taizhang::model::Counter::Measures], by_status);
    }
});
