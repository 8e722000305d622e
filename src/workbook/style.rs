//! The look of the consolidated workbook: formats, column widths that fit Chinese text, and the
//! print setup an office expects (A4 landscape, fit to one page wide, header row repeated on every
//! page, `第 &P 页 共 &N 页` in the footer).

use crate::config::Paper;
use crate::value::text::display_width;
use rust_xlsxwriter::{Color, Format, FormatAlign, FormatBorder, Worksheet, XlsxError};

/// The number format of the ledger's dates (the rows are written with it, [`super::DATE_STYLE`]).
pub(crate) const DATE_CODE: &str = "yyyy-mm-dd";

/// The number format of a date said in a Chinese sentence or label: `2023年3月30日`.
pub(crate) const ZH_DATE_CODE: &str = "yyyy\"年\"m\"月\"d\"日\"";

/// The formats the workbook uses.
#[derive(Debug, Clone)]
pub(crate) struct Formats {
    /// Sheet titles.
    pub(crate) title: Format,
    /// Header cells.
    pub(crate) header: Format,
    /// Body text, wrapped.
    pub(crate) text: Format,
    /// Body numbers, centred.
    pub(crate) number: Format,
    /// Body dates, `yyyy-mm-dd`.
    pub(crate) date: Format,
    /// Body cells centred: numbers, and text in columns of dates and short words.
    pub(crate) centred: Format,
    /// Percentages.
    pub(crate) percent: Format,
    /// The total row.
    pub(crate) total: Format,
    /// The total row's percentages.
    pub(crate) total_percent: Format,
    /// Labels in key–value blocks.
    pub(crate) label: Format,
    /// Plain wrapped text without borders.
    pub(crate) plain: Format,
    /// A line to write on: a bottom border only.
    pub(crate) blank_line: Format,
    /// Fill of overdue rows (conditional format).
    pub(crate) overdue: Format,
    /// Fill of due-soon rows (conditional format).
    pub(crate) due_soon: Format,
}

impl Default for Formats {
    fn default() -> Self {
        Formats::sized(10.5)
    }
}

impl Formats {
    /// The formats with body text of `points` (titles stay 16 pt).
    pub(crate) fn sized(points: f64) -> Formats {
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
                .set_num_format(DATE_CODE),
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
pub(crate) fn default_cell() -> Format {
    Format::new()
        .set_font_name("宋体")
        .set_font_size(10.5)
        .set_text_wrap()
        .set_align(FormatAlign::VerticalCenter)
}

/// The padding a column's width adds to its widest text, in character units: what Excel's
/// bold headers and LibreOffice's cell margins take beyond the text.
pub(crate) const PADDING: f64 = 1.0;

/// The lines a text takes when wrapped in `room` character units (a Chinese character is two,
/// see [`display_width`]), as an office program wraps it: between any two Chinese characters, at
/// spaces, and after a hyphen or slash; a run of Latin letters and digits (`2023-03-20`,
/// `3-5栋`'s `3-5`) stays whole unless it is longer than a line; closing punctuation (`,。;)`)
/// stays with the character before it and opening punctuation (`(《“`) with the character
/// after. A line break starts a line.
pub(crate) fn wrapped_lines(text: &str, room: usize) -> usize {
    let room = room.max(2);
    let mut lines = 0;
    for line in text.lines() {
        lines += 1;
        let mut used = 0usize;
        for unit in break_units(line) {
            let w = display_width(&unit);
            if used + w <= room {
                used += w;
                continue;
            }
            if used > 0 {
                lines += 1;
            }
            // A unit longer than a line breaks where it must.
            lines += (w.saturating_sub(1)) / room;
            used = w - (w.saturating_sub(1)) / room * room;
        }
    }
    lines.max(1)
}

/// The pieces of a line no renderer breaks inside (see [`wrapped_lines`]).
fn break_units(line: &str) -> Vec<String> {
    let opening = |c: char| "(([《“‘〈【「『".contains(c);
    let closing = |c: char| ")）]》”’〉】」』,，.。;；:：、!！?？%".contains(c);
    let latin = |c: char| c.is_ascii_alphanumeric() || "-./_%+".contains(c);
    let mut units: Vec<String> = Vec::new();
    let mut glue_next = false;
    for c in line.chars() {
        let joins_last = glue_next
            || closing(c)
            || (latin(c)
                && units
                    .last()
                    .and_then(|u| u.chars().last())
                    .is_some_and(|p| latin(p) && !"-/".contains(p)));
        match units.last_mut() {
            Some(u) if joins_last => u.push(c),
            _ => units.push(c.to_string()),
        }
        glue_next = opening(c);
    }
    units
}

/// Tracks the widest text of each column, counting CJK characters as two (rust_xlsxwriter's
/// autofit undercounts them), and the longest line of multi-line texts. A column is as wide as
/// its widest text plus [`PADDING`], within its least and its cap; a text wider than that wraps
/// in the column at its cap, so the lines a text takes are known when the row is written,
/// before the column's final width.
#[derive(Debug, Clone)]
pub(crate) struct Widths {
    widest: Vec<usize>,
    caps: Vec<f64>,
    mins: Vec<f64>,
}

impl Widths {
    /// Widths for columns with these caps (in character units), each at least 6 or its cap.
    pub(crate) fn new(caps: Vec<f64>) -> Widths {
        let mins = caps.iter().map(|c| c.min(6.0)).collect();
        Widths {
            widest: vec![0; caps.len()],
            caps,
            mins,
        }
    }

    /// The same with each column at least as wide as `mins` says (within its cap): what its
    /// header's longest line and a date take, so that neither breaks.
    pub(crate) fn with_mins(mut self, mins: Vec<f64>) -> Widths {
        for (m, (n, cap)) in self.mins.iter_mut().zip(mins.into_iter().zip(&self.caps)) {
            *m = n.min(*cap);
        }
        self
    }

    fn room(&self, col: usize) -> usize {
        let cap = self.caps.get(col).copied().unwrap_or(60.0);
        (cap - PADDING).floor().max(2.0) as usize
    }

    /// Notes a text written in a column.
    pub(crate) fn see(&mut self, col: usize, text: &str) {
        let room = self.room(col);
        if let Some(w) = self.widest.get_mut(col)
            && *w < room
        {
            let longest = text.lines().map(display_width).max().unwrap_or(0);
            *w = (*w).max(longest);
        }
    }

    /// Notes a text written in a column and returns the lines it takes there (see
    /// [`Widths::lines`]).
    pub(crate) fn see_lines(&mut self, col: usize, text: &str) -> usize {
        self.see(col, text);
        self.lines(col, text)
    }

    /// Takes the wider of each column's widths from `other` (the same columns).
    pub(crate) fn merge(&mut self, other: &Widths) {
        for (w, o) in self.widest.iter_mut().zip(&other.widest) {
            *w = (*w).max(*o);
        }
    }

    /// Notes a number written in a column.
    pub(crate) fn see_len(&mut self, col: usize, len: usize) {
        if let Some(w) = self.widest.get_mut(col) {
            *w = (*w).max(len);
        }
    }

    /// The number of lines a text takes in a column: one when it fits the column's cap, else
    /// as it wraps at the cap, which is then the column's width.
    pub(crate) fn lines(&self, col: usize, text: &str) -> usize {
        wrapped_lines(text, self.room(col))
    }

    /// The width a column is given: its widest text plus [`PADDING`], within its least and its
    /// cap.
    pub(crate) fn width(&self, col: usize) -> f64 {
        let cap = self.caps.get(col).copied().unwrap_or(60.0);
        let min = self.mins.get(col).copied().unwrap_or(6.0).min(cap);
        let w = self.widest.get(col).copied().unwrap_or(0);
        (w as f64 + PADDING).clamp(min, cap)
    }

    /// Sets every column's width (see [`Widths::width`]).
    pub(crate) fn apply(&self, ws: &mut Worksheet) -> Result<(), XlsxError> {
        for i in 0..self.widest.len() {
            ws.set_column_width(i as u16, self.width(i))?;
        }
        Ok(())
    }
}

/// The height in points of a row whose tallest cell takes `lines` lines of 10.5-pt text, or
/// `None` for one line (the sheet's default height): 13.5 points a line, as Excel and WPS lay
/// out 宋体, with a margin LibreOffice's cell padding takes; at most what a row can be.
pub(crate) fn row_height(lines: usize) -> Option<f64> {
    (lines > 1).then(|| (13.5 * lines as f64 + 3.0).min(409.0))
}

/// The left and right margins, in inches (7.6 mm): a landscape page's width less these is
/// what the printed columns share.
pub(crate) const MARGIN_SIDES: f64 = 0.3;

/// Sets up a table sheet for printing: landscape on `paper`, fit to one page wide, the rows up
/// to `header_row` repeated on every page, page numbers in the footer, the header row frozen.
pub(crate) fn print_setup(
    ws: &mut Worksheet,
    paper: Paper,
    title: Option<&str>,
    header_row: u32,
) -> Result<(), XlsxError> {
    ws.set_landscape();
    ws.set_paper_size(paper.excel_code());
    ws.set_print_fit_to_pages(1, 0);
    ws.set_repeat_rows(0, header_row)?;
    ws.set_margins(MARGIN_SIDES, MARGIN_SIDES, 0.6, 0.6, 0.3, 0.3);
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
        let w = Widths::new(vec![11.0]);
        assert_eq!(w.lines(0, "短"), 1);
        assert_eq!(w.lines(0, "一二三四五"), 1);
        assert_eq!(w.lines(0, "一二三四五六"), 2);
        assert_eq!(w.lines(0, "一\n二\n三"), 3);
    }

    #[test]
    fn dates_and_latin_words_stay_whole_and_punctuation_with_its_character() {
        // 10 units: `2023-03-20` fits a line of its own, not after two characters.
        assert_eq!(wrapped_lines("完成2023-03-20", 10), 2);
        assert_eq!(wrapped_lines("2023-03-20", 10), 1);
        // The comma does not start a line: `差,` moves down together.
        assert_eq!(wrapped_lines("一二三四差,五", 10), 2);
        assert_eq!(wrapped_lines("一二三四五,", 10), 2);
        // A word longer than a line breaks where it must.
        assert_eq!(wrapped_lines(&"a".repeat(25), 10), 3);
        assert_eq!(wrapped_lines("", 10), 1);
    }

    #[test]
    fn widths_count_chinese_twice_and_respect_caps() {
        let mut w = Widths::new(vec![10.0, 50.0]).with_mins(vec![7.0, 6.0]);
        w.see(0, "庆利社区");
        w.see(1, "短\n一行很长很长的中文文字");
        assert_eq!(w.widest, vec![8, 22]);
        assert_eq!((w.width(0), w.width(1)), (9.0, 23.0));
        w.see(0, "这一段文字远远超过了这一列的宽度上限");
        assert_eq!(w.widest[0], 36);
        assert_eq!(w.width(0), 10.0, "at its cap");
        w.see(0, "更多");
        assert_eq!(w.widest[0], 36, "a column at its cap is not measured again");
        let short = Widths::new(vec![10.0]).with_mins(vec![7.0]);
        assert_eq!(short.width(0), 7.0, "at least its least");
    }
}
