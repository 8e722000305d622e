//! The standard ledger layout: what `taizhang template` writes blank and `taizhang convert`
//! writes filled.
//!
//! Row 1 is the title, row 2 a note on how to fill the sheet in, row 3 the 填报单位/填报日期 meta
//! row, row 4 the standard header; data rows follow, then a footer (填报人/审核人/联系电话). Every
//! row above the header and the footer is one `check` reads as title, meta or footer, so a
//! template filled in by hand checks with no structural finding.

use super::excel_date;
use super::style::print_setup;
use crate::source::grid::CellValue;
use crate::value::header::Field;
use crate::value::status::Status;
use rust_xlsxwriter::{
    Color, DataValidation, Format, FormatAlign, FormatBorder, Note, Workbook, XlsxError,
};

/// The header row (0-based) of the standard layout.
pub const HEADER_ROW: u32 = 3;

/// A column of a standard ledger: a field, or an extra column carried over from a source.
#[derive(Debug, Clone, PartialEq)]
pub enum StdColumn {
    /// A field, with its standard header.
    Field(Field),
    /// An extra column with its header as written.
    Extra(String),
}

impl StdColumn {
    /// The header text: the field's standard Chinese header, or the extra column's own.
    pub fn header(&self) -> String {
        match self {
            StdColumn::Field(f) => f.standard_header().to_string(),
            StdColumn::Extra(s) => s.clone(),
        }
    }

    fn width(&self) -> f64 {
        match self {
            StdColumn::Field(Field::Seq) => 6.0,
            StdColumn::Field(Field::Problem) => 36.0,
            StdColumn::Field(Field::Measure) => 40.0,
            StdColumn::Field(Field::Category) => 14.0,
            StdColumn::Field(Field::Deadline | Field::CompletedOn) => 16.0,
            StdColumn::Field(Field::Note) | StdColumn::Extra(_) => 18.0,
            _ => 11.0,
        }
    }

    fn note(&self) -> Option<&'static str> {
        let StdColumn::Field(f) = self else {
            return None;
        };
        Some(match f {
            Field::Seq => "问题的序号:1、2、3……同一问题的多项措施可合并单元格。",
            Field::Category => "问题所属方面,如“党建引领基层治理方面”。",
            Field::Problem => "巡察反馈的具体问题,照反馈意见原文填写。",
            Field::Measure => "一项整改措施一行;也可在一格内写“一是……二是……”,按项计数。",
            Field::Leader => "牵头的班子成员。",
            Field::Department => "负责落实的科室或部门。",
            Field::Person => "具体经办人。",
            Field::Deadline => {
                "写明日期:2023年6月30日、2023年6月底前、2023年第二季度;或写“立行立改”“长期坚持”。"
            }
            Field::Status => "从下拉列表选择:已完成、长期坚持、推进中、未开始。",
            Field::CompletedOn => "实际完成的日期。",
            Field::Note => "其他需要说明的情况。",
        })
    }
}

/// The standard columns: every field in [`Field::ALL`] order.
pub fn standard_columns() -> Vec<StdColumn> {
    Field::ALL.into_iter().map(StdColumn::Field).collect()
}

/// What to write in a standard ledger.
#[derive(Debug, Clone)]
pub struct StdLedger {
    /// The community named in the title and the meta row (blank lines when `None`).
    pub community: Option<String>,
    /// The columns.
    pub columns: Vec<StdColumn>,
    /// Data rows, one value (or none) per column.
    pub rows: Vec<Vec<Option<CellValue>>>,
    /// Empty rows with borders to leave for filling in (the template).
    pub blank_rows: u32,
    /// The date of the meta row, if known.
    pub date: Option<chrono::NaiveDate>,
}

/// Writes a standard ledger into a new workbook.
pub fn standard_workbook(l: &StdLedger) -> Result<Workbook, XlsxError> {
    let mut wb = Workbook::new();
    let base = Format::new()
        .set_font_name("宋体")
        .set_font_size(11)
        .set_align(FormatAlign::VerticalCenter);
    let title = base
        .clone()
        .set_font_name("黑体")
        .set_font_size(16)
        .set_bold()
        .set_align(FormatAlign::Center);
    let note = base
        .clone()
        .set_font_size(9)
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

    let name = l.community.clone().unwrap_or_default();
    let last_col = l.columns.len().max(1) as u16 - 1;
    let ws = wb.add_worksheet();
    ws.set_name("整改台账")?;
    let title_text = if name.is_empty() {
        "______社区巡察反馈意见整改落实情况台账".to_string()
    } else {
        format!("{name}巡察反馈意见整改落实情况台账")
    };
    ws.set_row_height(0, 30)?;
    ws.merge_range(0, 0, 0, last_col, &title_text, &title)?;
    ws.set_row_height(1, 28)?;
    ws.merge_range(
        1,
        0,
        1,
        last_col,
        "填表说明:每项整改措施填写一行,同一问题的多项措施可合并“序号”“反馈问题”单元格;整改时限写明日期(如2023年6月30日、2023年6月底前),或写“立行立改”“长期坚持”;完成情况从下拉列表中选择。",
        &note,
    )?;
    let unit = if name.is_empty() {
        "            ".to_string()
    } else {
        name.clone()
    };
    ws.write_string_with_format(2, 0, format!("填报单位:{unit}"), &base)?;
    let when = match l.date {
        Some(d) => d.format("%Y年%-m月%-d日").to_string(),
        None => "    年  月  日".to_string(),
    };
    ws.write_string_with_format(
        2,
        last_col.saturating_sub(2),
        format!("填报日期:{when}"),
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
        for (i, v) in values.iter().enumerate() {
            let col = i as u16;
            match v {
                None => {
                    ws.write_blank(row, col, &cell)?;
                }
                Some(CellValue::Date(d)) => {
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
            .set_input_title("完成情况")?
            .set_input_message("已完成、长期坚持、推进中、未开始")?;
        ws.add_data_validation(
            HEADER_ROW + 1,
            sc as u16,
            last_data.max(HEADER_ROW + 200),
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
            .set_input_title("整改时限")?
            .set_input_message(
                "如:2023年6月30日、2023年6月底前、2023年第二季度、立行立改、长期坚持",
            )?;
        ws.add_data_validation(
            HEADER_ROW + 1,
            dc as u16,
            last_data.max(HEADER_ROW + 200),
            dc as u16,
            &dv,
        )?;
    }
    ws.write_string_with_format(row + 1, 0, "填报人:", &base)?;
    ws.write_string_with_format(row + 1, 3, "审核人:", &base)?;
    ws.write_string_with_format(row + 1, 6.min(last_col), "联系电话:", &base)?;
    print_setup(ws, &title_text, HEADER_ROW)?;
    ws.set_repeat_rows(HEADER_ROW, HEADER_ROW)?;
    Ok(wb)
}
