//! The workbook of `taizhang diff -o CHANGES.xlsx`: one row per change, postponements and
//! removals first, in the consolidated workbook's look.

use super::style::{Formats, Widths, print_setup};
use super::{WorkbookError, excel_date};
use crate::Lang;
use crate::diff::{Change, kind_word};
use rust_xlsxwriter::Workbook;
use std::path::Path;

/// The headers of the changes sheet.
pub fn headers(lang: Lang) -> [&'static str; 11] {
    match lang {
        Lang::Zh => [
            "序号",
            "变化",
            "社区",
            "反馈问题",
            "整改措施",
            "字段",
            "原值",
            "新值",
            "原位置",
            "新位置",
            "延期",
        ],
        Lang::En => [
            "No.",
            "Change",
            "Community",
            "Problem",
            "Measure",
            "Field",
            "Old",
            "New",
            "Old cell",
            "New cell",
            "Postponed",
        ],
    }
}

/// Writes the changes to `out`, whole or not at all.
pub fn write_changes(
    changes: &[Change],
    lang: Lang,
    as_of: Option<chrono::NaiveDate>,
    out: &Path,
) -> Result<(), WorkbookError> {
    let fmt = Formats::default();
    let mut wb = Workbook::new();
    let ws = wb.add_worksheet();
    let name = lang.pick("变更", "Changes");
    ws.set_name(name)?;
    let mut widths = Widths::new(vec![
        6.0, 10.0, 12.0, 36.0, 40.0, 10.0, 16.0, 16.0, 16.0, 16.0, 6.0,
    ]);
    for (i, h) in headers(lang).iter().enumerate() {
        ws.write_string_with_format(0, i as u16, *h, &fmt.header)?;
        widths.see(i, h);
    }
    for (k, c) in changes.iter().enumerate() {
        let row = k as u32 + 1;
        let cells = [
            kind_word(c, lang).to_string(),
            c.community.clone(),
            c.problem.clone(),
            c.measure.clone(),
            c.field.clone().unwrap_or_default(),
            c.old.clone().unwrap_or_default(),
            c.new.clone().unwrap_or_default(),
            c.old_cell.clone().unwrap_or_default(),
            c.new_cell.clone().unwrap_or_default(),
            if c.postponed {
                lang.pick("是", "yes")
            } else {
                ""
            }
            .to_string(),
        ];
        let lines = cells
            .iter()
            .enumerate()
            .map(|(i, t)| widths.lines(i + 1, t))
            .max()
            .unwrap_or(1);
        if lines > 1 {
            ws.set_row_height(row, 13.5 * lines.min(30) as f64)?;
        }
        ws.write_number_with_format(row, 0, (k + 1) as f64, &fmt.number)?;
        for (i, t) in cells.iter().enumerate() {
            widths.see(i + 1, t);
            ws.write_string_with_format(row, i as u16 + 1, t, &fmt.text)?;
        }
    }
    widths.apply(ws)?;
    ws.autofilter(0, 0, changes.len().max(1) as u32, 10)?;
    print_setup(ws, name, 0)?;
    if let Some(d) = as_of {
        let props = rust_xlsxwriter::DocProperties::new()
            .set_title(name)
            .set_author("taizhang")
            .set_creation_datetime(&excel_date(d)?);
        wb.set_properties(&props);
    }
    crate::write::write_atomic(out, |f| wb.save_to_writer(f).map_err(|e| e.to_string()))?;
    Ok(())
}
