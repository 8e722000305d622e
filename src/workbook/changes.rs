//! The workbook of `taizhang diff -o CHANGES.xlsx`: one row per change, postponements and
//! removals first, in the consolidated workbook's look.

use super::style::{Formats, Widths, print_setup};
use super::{WorkbookError, excel_date};
use crate::Lang;
use crate::diff::Change;
use crate::messages::diff::kind_word;
use crate::schema::changes::{ChangesCol, postponed_word, sheet_name};
use crate::schema::properties;
use rust_xlsxwriter::Workbook;
use std::path::Path;

/// Writes the changes to `out`, whole or not at all.
pub(crate) fn write_changes(
    changes: &[Change],
    lang: Lang,
    as_of: Option<chrono::NaiveDate>,
    out: &Path,
) -> Result<(), WorkbookError> {
    let fmt = Formats::default();
    let mut wb = Workbook::new();
    let ws = wb.add_worksheet();
    let name = sheet_name(lang);
    ws.set_name(name)?;
    let mut widths = Widths::new(ChangesCol::ALL.iter().map(|c| c.max_width()).collect());
    for (i, c) in ChangesCol::ALL.iter().enumerate() {
        let h = c.header(lang);
        ws.write_string_with_format(0, i as u16, h, &fmt.header)?;
        widths.see(i, h);
    }
    for (k, c) in changes.iter().enumerate() {
        let row = k as u32 + 1;
        let cells = [
            kind_word(c, lang).to_string(),
            c.unit.clone(),
            c.problem.clone(),
            c.measure.clone(),
            c.field.map(|f| f.key().to_string()).unwrap_or_default(),
            c.old.clone().unwrap_or_default(),
            c.new.clone().unwrap_or_default(),
            c.old_cell.clone().unwrap_or_default(),
            c.new_cell.clone().unwrap_or_default(),
            if c.postponed {
                postponed_word(lang)
            } else {
                ""
            }
            .to_string(),
            c.id.clone().unwrap_or_default(),
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
    ws.autofilter(
        0,
        0,
        changes.len().max(1) as u32,
        ChangesCol::ALL.len() as u16 - 1,
    )?;
    print_setup(ws, crate::config::Paper::A4, Some(name), 0)?;
    if let Some(d) = as_of {
        let props = rust_xlsxwriter::DocProperties::new()
            .set_title(name)
            .set_author(properties::AUTHOR)
            .set_creation_datetime(&excel_date(d)?);
        wb.set_properties(&props);
    }
    crate::write::write_atomic(out, |f| wb.save_to_writer(f).map_err(|e| e.to_string()))?;
    Ok(())
}
