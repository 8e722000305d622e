//! The look of the consolidated workbook: formats, column widths that fit Chinese text, and the
//! print setup an office expects (A4 landscape, fit to one page wide, header row repeated on every
//! page, `第 &P 页 共 &N 页` in the footer).

use crate::config::Paper;
use crate::value::text::display_width;
use rust_xlsxwriter::{Color, Format, FormatAlign, FormatBorder, Worksheet, XlsxError};

/// The formats the workbook uses.
#[derive(Debug, Clone)]
pub struct Formats {
    /// Sheet titles.
    pub title: Format,
    /// Header cells.
    pub header: Format,
    /// Body text, wrapped.
    pub text: Format,
    /// Body numbers, centred.
    pub number: Format,
    /// Body dates, `yyyy-mm-dd`.
    pub date: Format,
    /// Body cells centred: numbers, and text in columns of dates and short words.
    pub centred: Format,
    /// Percentages.
    pub percent: Format,
    /// The total row.
    pub total: Format,
    /// The total row's percentages.
    pub total_percent: Format,
    /// Labels in key–value blocks.
    pub label: Format,
    /// Plain wrapped text without borders.
    pub plain: Format,
    /// A line to write on: a bottom border only.
    pub blank_line: Format,
    /// Fill of overdue rows (conditional format).
    pub overdue: Format,
    /// Fill of due-soon rows (conditional format).
    pub due_soon: Format,
}

impl Default for Formats {
    fn default() -> Self {
        Formats::sized(10.5)
    }
}

impl Formats {
    /// The formats with body text of `points` (titles stay 16 pt).
    pub fn sized(points: f64) -> Formats {
        let base = Format::new()
            .set_font_name("宋体")
            .set_font_size(points)
            .set_align(FormatAlign::VerticalCenter);
        let boxed = base.clone().set_border(FormatBorder::Thin);
        Formats {
            title: base
                .clone()
                .set_font_name("黑体")
                .set_font_size(16)
                .set_bold()
                .set_align(FormatAlign::Center),
            header: boxed
                .clone()
                .set_bold()
                .set_text_wrap()
                .set_align(FormatAlign::Center)
                .set_background_color(Color::RGB(0xD9E1F2)),
            text: boxed.clone().set_text_wrap(),
            number: boxed.clone().set_align(FormatAlign::Center),
            date: default_cell()
                .set_align(FormatAlign::Center)
                .set_num_format("yyyy-mm-dd"),
            centred: default_cell().set_align(FormatAlign::Center),
            percent: boxed
                .clone()
                .set_align(FormatAlign::Center)
                .set_num_format("0.0%"),
            total: boxed
                .clone()
                .set_bold()
                .set_align(FormatAlign::Center)
                .set_background_color(Color::RGB(0xF2F2F2)),
            total_percent: boxed
                .clone()
                .set_bold()
                .set_align(FormatAlign::Center)
                .set_num_format("0.0%")
                .set_background_color(Color::RGB(0xF2F2F2)),
            label: base.clone().set_bold(),
            blank_line: base
                .clone()
                .set_border_bottom(FormatBorder::Thin)
                .set_align(FormatAlign::Center),
            plain: base.set_text_wrap(),
            overdue: Format::new().set_background_color(Color::RGB(0xFFC7CE)),
            due_soon: Format::new().set_background_color(Color::RGB(0xFFEB9C)),
        }
    }
}

/// The workbook's default cell format: 宋体 10.5 pt, wrapped, centred vertically. Table sheets
/// print their gridlines instead of drawing a border on every cell.
pub fn default_cell() -> Format {
    Format::new()
        .set_font_name("宋体")
        .set_font_size(10.5)
        .set_text_wrap()
        .set_align(FormatAlign::VerticalCenter)
}

/// Tracks the widest text of each column, counting CJK characters as two (rust_xlsxwriter's
/// autofit undercounts them), and the longest line of multi-line texts.
#[derive(Debug, Clone)]
pub struct Widths {
    widest: Vec<usize>,
    caps: Vec<f64>,
}

impl Widths {
    /// Widths for columns with these caps (in character units).
    pub fn new(caps: Vec<f64>) -> Widths {
        Widths {
            widest: vec![0; caps.len()],
            caps,
        }
    }

    /// Notes a text written in a column.
    pub fn see(&mut self, col: usize, text: &str) {
        if let Some(w) = self.widest.get_mut(col)
            && *w < self.caps.get(col).copied().unwrap_or(60.0) as usize
        {
            let longest = text.lines().map(display_width).max().unwrap_or(0);
            *w = (*w).max(longest);
        }
    }

    /// Notes a text written in a column and returns the lines it takes there (see
    /// [`Widths::lines`]), measuring it once.
    pub fn see_lines(&mut self, col: usize, text: &str) -> usize {
        let cap = self.caps.get(col).copied().unwrap_or(60.0);
        let room = (cap as usize).max(2);
        let mut lines = 0;
        let mut longest = 0;
        for l in text.lines() {
            let w = display_width(l);
            longest = longest.max(w);
            lines += w.div_ceil(room).max(1);
        }
        if let Some(w) = self.widest.get_mut(col) {
            *w = (*w).max(longest);
        }
        lines.max(1)
    }

    /// Takes the wider of each column's widths from `other` (the same columns).
    pub fn merge(&mut self, other: &Widths) {
        for (w, o) in self.widest.iter_mut().zip(&other.widest) {
            *w = (*w).max(*o);
        }
    }

    /// Notes a number written in a column.
    pub fn see_len(&mut self, col: usize, len: usize) {
        if let Some(w) = self.widest.get_mut(col) {
            *w = (*w).max(len);
        }
    }

    /// The number of lines a text takes in a column when it wraps at the column's cap: exact
    /// for the final widths, which are the widest text or the cap, whichever is smaller.
    pub fn lines(&self, col: usize, text: &str) -> usize {
        let cap = self.caps.get(col).copied().unwrap_or(60.0);
        let room = (cap as usize).max(2);
        text.lines()
            .map(|l| display_width(l).div_ceil(room).max(1))
            .sum::<usize>()
            .max(1)
    }

    /// Sets every column's width: the widest text plus padding, within 6 and its cap.
    pub fn apply(&self, ws: &mut Worksheet) -> Result<(), XlsxError> {
        for (i, w) in self.widest.iter().enumerate() {
            let cap = self.caps.get(i).copied().unwrap_or(60.0);
            let width = (*w as f64 + 2.0).clamp(6.0_f64.min(cap), cap);
            ws.set_column_width(i as u16, width)?;
        }
        Ok(())
    }
}

/// Sets up a table sheet for printing: landscape on `paper`, fit to one page wide, the rows up
/// to `header_row` repeated on every page, page numbers in the footer, the header row frozen.
pub fn print_setup(
    ws: &mut Worksheet,
    paper: Paper,
    title: Option<&str>,
    header_row: u32,
) -> Result<(), XlsxError> {
    ws.set_landscape();
    ws.set_paper_size(paper.excel_code());
    ws.set_print_fit_to_pages(1, 0);
    ws.set_repeat_rows(0, header_row)?;
    ws.set_margins(0.4, 0.4, 0.6, 0.6, 0.3, 0.3);
    ws.set_print_center_horizontally(true);
    // A sheet with a title row of its own prints it (repeated with the header rows); a page
    // header would say it twice.
    if let Some(title) = title {
        ws.set_header(format!("&C&\"黑体,Bold\"&14{title}"));
    }
    ws.set_footer("&C第 &P 页 共 &N 页");
    ws.set_print_gridlines(true);
    ws.set_freeze_panes(header_row + 1, 0)?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lines_of_wrapped_text() {
        let w = Widths::new(vec![10.0]);
        assert_eq!(w.lines(0, "短"), 1);
        assert_eq!(w.lines(0, "一二三四五六"), 2);
        assert_eq!(w.lines(0, "一\n二\n三"), 3);
    }

    #[test]
    fn widths_count_chinese_twice_and_respect_caps() {
        let mut w = Widths::new(vec![10.0, 50.0]);
        w.see(0, "庆利社区");
        w.see(1, "短\n一行很长很长的中文文字");
        assert_eq!(w.widest, vec![8, 22]);
        w.see(0, "这一段文字远远超过了这一列的宽度上限");
        assert_eq!(w.widest[0], 36);
        w.see(0, "更多");
        assert_eq!(w.widest[0], 36, "a column at its cap is not measured again");
    }
}
