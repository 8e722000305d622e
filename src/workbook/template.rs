//! Writes the standard ledger ([`crate::schema::template`]): blank for `taizhang template`,
//! filled for `taizhang convert`. Every row above the header and the footer is one `check`
//! reads as title, meta or footer, so a template filled in by hand checks with no structural
//! finding.

use super::excel_date;
use super::style::print_setup;
use crate::schema::split::ID_PROMPT;
use crate::schema::template::{
    DEADLINE_PROMPT, FOOTER, HEADER_ROW, META_ROW, NOTE, NOTE_ROW, SHEET_NAME, STATUS_PROMPT,
    STATUS_WARNING, StdColumn, TITLE_ROW, VALIDATED_ROWS, date_cell, title, unit_cell,
};
use crate::source::grid::CellValue;
use crate::value::header::Field;
use crate::value::status::Status;
use rust_xlsxwriter::{
    Color, DataValidation, DataValidationErrorStyle, Format, FormatAlign, FormatBorder, Note,
    Workbook, XlsxError,
};

/// The height of a line of 11-pt text, in points.
const LINE_HEIGHT: f64 = 14.5;

/// What to write in a standard ledger.
#[derive(Debug, Clone)]
pub(crate) struct StdLedger {
    /// The unit named in the title and the meta row (blank lines when `None`).
    pub(crate) unit: Option<String>,
    /// The columns.
    pub(crate) columns: Vec<StdColumn>,
    /// Data rows, one value (or none) per column.
    pub(crate) rows: Vec<Vec<Option<CellValue>>>,
    /// Empty rows with borders to leave for filling in (the template).
    pub(crate) blank_rows: u32,
    /// The date of the meta row, if known.
    pub(crate) date: Option<chrono::NaiveDate>,
    /// The paper it prints on.
    pub(crate) paper: crate::config::Paper,
}

/// Writes a standard ledger into a new workbook.
pub(crate) fn standard_workbook(l: &StdLedger) -> Result<Workbook, XlsxError> {
    let mut wb = Workbook::new();
    standard_sheet(wb.add_worksheet(), l)?;
    Ok(wb)
}

/// Writes a standard ledger on a sheet: its title rows, header, rows, drop-downs and footer.
/// The status drop-down offers the standard words and warns about other text without
/// refusing it (`已完成。已召开会议` reads as done); an ID column ([`Field::Id`]) is hidden and
/// refuses typing.
pub(crate) fn standard_sheet(
    ws: &mut rust_xlsxwriter::Worksheet,
    l: &StdLedger,
) -> Result<(), XlsxError> {
    let base = Format::new()
        .set_font_name("宋体")
        .set_font_size(11)
        .set_align(FormatAlign::VerticalCenter);
    let title_format = base
        .clone()
        .set_font_name("黑体")
        .set_font_size(16)
        .set_bold()
        .set_align(FormatAlign::Center);
    let note = base
        .clone()
        // 11 pt, as the cells: the sheet scaled to fit its page still prints 9 pt or more.
        .set_font_size(11)
        .set_text_wrap()
        .set_font_color(Color::RGB(0x595959));
    let head = base
        .clone()
        .set_bold()
        .set_text_wrap()
        .set_align(FormatAlign::Center)
        .set_border(FormatBorder::Thin)
        .set_background_color(Color::RGB(0xD9E1F2));
    let cell = base.clone().set_text_wrap().set_border(FormatBorder::Thin);
    let date = cell.clone().set_num_format("yyyy\"年\"m\"月\"d\"日\"");

    let name = l.unit.clone().unwrap_or_default();
    let last_col = l.columns.len().max(1) as u16 - 1;
    ws.set_name(SHEET_NAME)?;
    let title_text = title(&name);
    ws.set_row_height(TITLE_ROW, 30)?;
    ws.merge_range(
        TITLE_ROW,
        0,
        TITLE_ROW,
        last_col,
        &title_text,
        &title_format,
    )?;
    ws.set_row_height(NOTE_ROW, 32)?;
    ws.merge_range(NOTE_ROW, 0, NOTE_ROW, last_col, NOTE, &note)?;
    ws.write_string_with_format(META_ROW, 0, unit_cell(&name), &base)?;
    ws.write_string_with_format(
        META_ROW,
        last_col.saturating_sub(2),
        date_cell(l.date),
        &base,
    )?;
    ws.set_row_height(HEADER_ROW, 30)?;
    for (i, c) in l.columns.iter().enumerate() {
        let col = i as u16;
        ws.write_string_with_format(HEADER_ROW, col, c.header(), &head)?;
        ws.set_column_width(col, c.width())?;
        if let Some(text) = c.note() {
            ws.insert_note(
                HEADER_ROW,
                col,
                &Note::new(text)
                    .set_author("taizhang")
                    .add_author_prefix(false),
            )?;
        }
    }

    let mut row = HEADER_ROW + 1;
    for values in &l.rows {
        // Tall enough for the longest wrapped value: nothing cut off on paper.
        let lines = values
            .iter()
            .zip(&l.columns)
            .filter(|(_, c)| **c != StdColumn::Field(Field::Id))
            .filter_map(|(v, c)| v.as_ref().map(|v| c.lines(&v.display())))
            .max()
            .unwrap_or(1);
        if lines > 1 {
            ws.set_row_height(row, (LINE_HEIGHT * lines as f64 + 3.0).min(409.0))?;
        }
        for (i, v) in values.iter().enumerate() {
            let col = i as u16;
            match v {
                None => {
                    ws.write_blank(row, col, &cell)?;
                }
                // A day as a date; a time of day, or a day before 1900, as the text it shows.
                Some(CellValue::Date(d))
                    if d.time() == chrono::NaiveTime::MIN
                        && chrono::Datelike::year(&d.date()) >= 1900 =>
                {
                    ws.write_datetime_with_format(row, col, excel_date(d.date())?, &date)?;
                }
                Some(CellValue::Number(n)) => {
                    ws.write_number_with_format(row, col, *n, &cell)?;
                }
                Some(other) => {
                    ws.write_string_with_format(row, col, other.display(), &cell)?;
                }
            }
        }
        row += 1;
    }
    for _ in 0..l.blank_rows {
        for col in 0..=last_col {
            ws.write_blank(row, col, &cell)?;
        }
        row += 1;
    }
    let last_data = row.saturating_sub(1).max(HEADER_ROW + 1);
    let status_col = l
        .columns
        .iter()
        .position(|c| *c == StdColumn::Field(Field::Status));
    if let Some(sc) = status_col {
        let words: Vec<&str> = Status::ALL.iter().map(|s| s.standard_word()).collect();
        let dv = DataValidation::new()
            .allow_list_strings(&words)?
            .set_input_title(STATUS_PROMPT.0)?
            .set_input_message(STATUS_PROMPT.1)?
            .set_error_style(DataValidationErrorStyle::Warning)
            .set_error_title(STATUS_PROMPT.0)?
            .set_error_message(STATUS_WARNING)?;
        ws.add_data_validation(
            HEADER_ROW + 1,
            sc as u16,
            last_data.max(HEADER_ROW + VALIDATED_ROWS),
            sc as u16,
            &dv,
        )?;
    }
    if let Some(dc) = l
        .columns
        .iter()
        .position(|c| *c == StdColumn::Field(Field::Deadline))
    {
        let dv = DataValidation::new()
            .allow_any_value()
            .set_input_title(DEADLINE_PROMPT.0)?
            .set_input_message(DEADLINE_PROMPT.1)?;
        ws.add_data_validation(
            HEADER_ROW + 1,
            dc as u16,
            last_data.max(HEADER_ROW + VALIDATED_ROWS),
            dc as u16,
            &dv,
        )?;
    }
    if let Some(ic) = l
        .columns
        .iter()
        .position(|c| *c == StdColumn::Field(Field::Id))
    {
        let ic = ic as u16;
        ws.set_column_hidden(ic)?;
        let dv = DataValidation::new()
            .allow_custom(rust_xlsxwriter::Formula::new("FALSE"))
            .set_input_title(ID_PROMPT.0)?
            .set_input_message(ID_PROMPT.1)?
            .set_error_title(ID_PROMPT.0)?
            .set_error_message(ID_PROMPT.1)?;
        ws.add_data_validation(
            HEADER_ROW + 1,
            ic,
            last_data.max(HEADER_ROW + VALIDATED_ROWS),
            ic,
            &dv,
        )?;
    }
    for (label, col) in FOOTER {
        ws.write_string_with_format(row + 1, col.min(last_col), label, &base)?;
    }
    print_setup(ws, l.paper, None, HEADER_ROW)?;
    ws.set_repeat_rows(HEADER_ROW, HEADER_ROW)?;
    if let Some(ic) = l
        .columns
        .iter()
        .position(|c| *c == StdColumn::Field(Field::Id))
    {
        // The hidden ID column is not printed: the print area ends before it when it is last.
        if ic as u16 == last_col && last_col > 0 {
            ws.set_print_area(0, 0, row + 1, last_col - 1)?;
        }
    }
    Ok(())
}
