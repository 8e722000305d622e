//! The standard ledger: the layout `taizhang template` writes blank, `taizhang convert` writes
//! filled, and `check` reads with no structural finding.
//!
//! ```text
//! row 1  title, merged across the table            (TITLE_ROW)
//! row 2  a note on how to fill the sheet in        (NOTE_ROW)
//! row 3  填报单位:… | … | 填报日期:…                (META_ROW)
//! row 4  the standard header                       (HEADER_ROW)
//!        data rows
//!        (a blank row)
//!        填报人: | 审核人: | 联系电话:               the footer
//! ```

use crate::value::header::Field;

/// The sheet's name.
pub(crate) const SHEET_NAME: &str = "整改台账";
/// The title row (0-based).
pub(crate) const TITLE_ROW: u32 = 0;
/// The row of the note on filling the sheet in.
pub(crate) const NOTE_ROW: u32 = 1;
/// The row of 填报单位 and 填报日期.
pub(crate) const META_ROW: u32 = 2;

/// The title for a unit (a blank to fill in when none is given).
pub(crate) fn title(unit: &str) -> String {
    if unit.is_empty() {
        "______社区巡察反馈意见整改落实情况台账".to_string()
    } else {
        format!("{unit}巡察反馈意见整改落实情况台账")
    }
}

/// The note on filling the sheet in.
pub(crate) const NOTE: &str = "填表说明：每项整改措施填写一行，同一问题的多项措施可合并“序号”“反馈问题”单元格；整改时限写明日期（如2023年6月30日、2023年6月底前），或写“立行立改”“长期坚持”；完成情况从下拉列表中选择。";

/// The meta row's unit cell (column A): `填报单位:…`.
pub(crate) fn unit_cell(unit: &str) -> String {
    let unit = if unit.is_empty() {
        "            "
    } else {
        unit
    };
    format!("填报单位：{unit}")
}

/// The meta row's date cell (three columns from the right): `填报日期:…`.
pub(crate) fn date_cell(date: Option<chrono::NaiveDate>) -> String {
    let when = match date {
        Some(d) => d.format("%Y年%-m月%-d日").to_string(),
        None => "    年  月  日".to_string(),
    };
    format!("填报日期：{when}")
}

/// The footer's labels and the columns they stand in (clamped to the table's width).
pub(crate) const FOOTER: [(&str, u16); 3] = [("填报人：", 0), ("审核人：", 3), ("联系电话：", 6)];

/// The status drop-down's title and message.
pub(crate) const STATUS_PROMPT: (&str, &str) = ("完成情况", "已完成、长期坚持、推进中、未开始");

/// What the status drop-down says of text that is none of its words (a warning: the text is
/// kept, and `check` reads it as it reads any status).
pub(crate) const STATUS_WARNING: &str = "不是下拉列表中的词语。如“已完成。已召开会议”可以保留；请确认能看出是已完成、长期坚持、推进中还是未开始。";

/// The deadline hint's title and message.
pub(crate) const DEADLINE_PROMPT: (&str, &str) = (
    "整改时限",
    "如：2023年6月30日、2023年6月底前、2023年第二季度、立行立改、长期坚持",
);

/// Rows below the header the drop-downs cover at least.
pub(crate) const VALIDATED_ROWS: u32 = 200;

/// The header row (0-based) of the standard layout.
pub(crate) const HEADER_ROW: u32 = 3;

/// A column of a standard ledger: a field, or an extra column carried over from a source.
#[derive(Debug, Clone, PartialEq)]
pub(crate) enum StdColumn {
    /// A field, with its standard header.
    Field(Field),
    /// An extra column with its header as written.
    Extra(String),
}

impl StdColumn {
    /// The header text: the field's standard Chinese header, or the extra column's own.
    pub(crate) fn header(&self) -> String {
        match self {
            StdColumn::Field(f) => f.standard_header().to_string(),
            StdColumn::Extra(s) => s.clone(),
        }
    }

    /// The column's width, in characters of the default font: chosen so that the standard
    /// columns and what-to-fix fit an A4 landscape page at about 90 % (11-pt text prints at
    /// 9.5 pt or more).
    pub(crate) fn width(&self) -> f64 {
        match self {
            // The template's columns add up to 124: A4 landscape holds them at 86 % where
            // LibreOffice's character unit is widest (Calibri's digit as DejaVu Sans, 7 pt at
            // 11 pt), so its 11 pt prints at 9 pt or more; every header on one line.
            StdColumn::Field(Field::Seq) => 5.0,
            StdColumn::Field(Field::Problem) => 18.0,
            StdColumn::Field(Field::Measure) => 22.0,
            StdColumn::Field(Field::Category) => 9.0,
            StdColumn::Field(Field::Deadline) => 13.0,
            StdColumn::Field(Field::CompletedOn) => 13.0,
            StdColumn::Field(Field::Status) => 9.0,
            StdColumn::Field(Field::Note) => 10.0,
            StdColumn::Field(Field::Person) => 7.0,
            StdColumn::Field(Field::Id) => 16.0,
            StdColumn::Extra(h) if h == crate::schema::split::TO_FIX_HEADER => 20.0,
            StdColumn::Extra(_) => 12.0,
            _ => 9.0,
        }
    }

    /// The lines a value takes in the column, wrapped (a Chinese character is two characters
    /// wide; a line break starts a line).
    pub(crate) fn lines(&self, text: &str) -> usize {
        // A little less than the width: a renderer wraps at word and punctuation breaks.
        let per_line = ((self.width() - 1.0) * 0.95).max(1.0);
        text.split('\n')
            .map(|l| {
                ((crate::value::text::display_width(l) as f64) / per_line)
                    .ceil()
                    .max(1.0) as usize
            })
            .sum()
    }

    /// The note on the column's header: how to fill it in.
    pub(crate) fn note(&self) -> Option<&'static str> {
        let StdColumn::Field(f) = self else {
            return None;
        };
        Some(match f {
            Field::Seq => "问题的序号：1、2、3……同一问题的多项措施可合并单元格。",
            Field::Category => "问题所属方面，如“党建引领基层治理方面”。",
            Field::Problem => "巡察反馈的具体问题，照反馈意见原文填写。",
            Field::Measure => "一项整改措施一行；也可在一格内写“一是……二是……”，按项计数。",
            Field::Leader => "牵头的班子成员。",
            Field::Department => "负责落实的科室或部门。",
            Field::Person => "具体经办人。",
            Field::Deadline => {
                "写明日期：2023年6月30日、2023年6月底前、2023年第二季度；或写“立行立改”“长期坚持”。"
            }
            Field::Status => "从下拉列表选择：已完成、长期坚持、推进中、未开始。",
            Field::CompletedOn => "实际完成的日期。",
            Field::Note => "其他需要说明的情况。",
            Field::Unit => "问题所属的单位：一表多单位时填写。",
            Field::Id => "台账系统给每项措施的编号，请勿修改；新增的措施留空。",
        })
    }
}

/// The standard columns: every field of [`Field::STANDARD`], in order.
pub(crate) fn standard_columns() -> Vec<StdColumn> {
    Field::STANDARD.into_iter().map(StdColumn::Field).collect()
}

#[cfg(test)]
mod examples {
    //! The examples of crate-private items, once in their documentation.

    /// `schema::template::StdColumn::lines`
    #[test]
    fn template_std_column_lines() {
        use crate::schema::template::StdColumn;
        use crate::value::header::Field;
        let c = StdColumn::Field(Field::Problem);
        assert_eq!(c.lines("短"), 1);
        assert_eq!(c.lines(&"字".repeat(12)), 2);
        assert_eq!(c.lines("一\n二"), 2);
    }
}
