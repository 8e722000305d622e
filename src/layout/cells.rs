//! Cells read through the grammars of [`crate::value`]: a deadline, a completion date, a
//! status — each empty, read, or unreadable.

use crate::source::grid::CellValue;
use crate::value::deadline::{Deadline, ParsedDeadline, parse_deadline};
use crate::value::status::{Status, StatusVocabulary, of_progress};
use chrono::{Datelike, NaiveDate};

/// A value read through a grammar.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Parsed<T> {
    /// The cell is empty (or there is no column).
    Empty,
    /// The grammar read it.
    Ok(T),
    /// The grammar does not read it.
    Bad,
}

impl<T: Copy> Parsed<T> {
    /// The value, when read.
    pub(crate) fn ok(&self) -> Option<T> {
        match self {
            Parsed::Ok(v) => Some(*v),
            _ => None,
        }
    }
}

/// Reads a deadline cell.
pub(crate) fn read_deadline(value: &CellValue, as_of: NaiveDate) -> Parsed<ParsedDeadline> {
    match value {
        CellValue::Date(d) => Parsed::Ok(ParsedDeadline {
            deadline: Deadline::Date(d.date()),
            year_inferred: false,
        }),
        CellValue::Text(s) => match parse_deadline(s, as_of.year()) {
            Some(p) => Parsed::Ok(p),
            None => Parsed::Bad,
        },
        CellValue::Number(n) if n.fract() == 0.0 && (19_000_101.0..=22_001_231.0).contains(n) => {
            match parse_deadline(&format!("{}", *n as i64), as_of.year()) {
                Some(p) => Parsed::Ok(p),
                None => Parsed::Bad,
            }
        }
        _ => Parsed::Bad,
    }
}

/// Reads a completion-date cell: the deadline grammar, but only dates.
pub(crate) fn read_completed_on(value: &CellValue, as_of: NaiveDate) -> Parsed<NaiveDate> {
    match read_deadline(value, as_of) {
        Parsed::Ok(ParsedDeadline {
            deadline: Deadline::Date(d),
            ..
        }) => Parsed::Ok(d),
        Parsed::Empty => Parsed::Empty,
        _ => Parsed::Bad,
    }
}

/// The code a status cell holds, if it holds one: a whole number below 100, as a number or
/// a text (`3`).
pub(crate) fn status_code(value: &CellValue) -> Option<u32> {
    match value {
        CellValue::Number(n) if n.fract() == 0.0 && (0.0..100.0).contains(n) => Some(*n as u32),
        CellValue::Text(t) => crate::value::status::letter_or_number_code(t.trim()),
        _ => None,
    }
}

/// Reads a status cell: words through the status vocabulary, a percentage (or, in a column of
/// progress, a number from 0 to 1 or to 100) as progress, TRUE/FALSE as yes/no.
pub(crate) fn read_status(
    value: &CellValue,
    statuses: &StatusVocabulary,
    progress: bool,
) -> Parsed<Status> {
    let read = match value {
        CellValue::Text(s) => statuses.parse(s),
        CellValue::Percent(p) => Some(of_progress(*p)),
        CellValue::Number(n) if progress && (0.0..=100.0).contains(n) => {
            Some(of_progress(if *n <= 1.0 { *n } else { n / 100.0 }))
        }
        CellValue::Bool(true) => Some(Status::Done),
        CellValue::Bool(false) => Some(Status::NotStarted),
        _ => None,
    };
    match read {
        Some(st) => Parsed::Ok(st),
        None => Parsed::Bad,
    }
}

/// True for a cell's text that says "as above": `同上`, `〃` (and its look-alikes), `同前`.
fn is_ditto(text: &str) -> bool {
    // Most cells are longer than any mark: known at once, without folding.
    text.len() <= 16
        && matches!(
            crate::value::text::squash(text).trim_end_matches(['。', '.']),
            "同上" | "同前" | "同上行" | "〃" | "\"" | "\"\"" | "”" | "“" | "''"
        )
}

/// Writes into each cell that says "as above" (`同上`, `〃`) the value of the cell above it in
/// its column, top down (so a run of them takes the first value), as a clerk reads the sheet.
/// A mark with nothing above it stays as written.
pub(crate) fn read_dittos(sheet: &mut crate::source::grid::Sheet) {
    // Most sheets have none: looked for first, without copying a cell.
    let any = sheet
        .rows
        .iter()
        .flat_map(|r| r.cells.iter())
        .any(|c| match &c.value {
            CellValue::Text(t) => is_ditto(t),
            _ => false,
        });
    if !any {
        return;
    }
    let mut above: std::collections::HashMap<u32, CellValue> = std::collections::HashMap::new();
    for row in &mut sheet.rows {
        for cell in &mut row.cells {
            if let CellValue::Text(t) = &cell.value
                && is_ditto(t)
                && let Some(v) = above.get(&cell.col)
            {
                cell.value = v.clone();
            }
            if cell.value.is_blank() {
                continue;
            }
            above.insert(cell.col, cell.value.clone());
        }
    }
}

#[cfg(test)]
mod examples {
    //! The examples of crate-private items, once in their documentation.

    /// `layout::cells::read_status`
    #[test]
    fn cells_read_status() {
        use crate::layout::cells::{Parsed, read_status};
        use crate::source::grid::CellValue;
        use crate::value::status::{Status, StatusVocabulary};
        let v = StatusVocabulary::default();
        assert_eq!(
            read_status(&CellValue::Percent(1.0), &v, false),
            Parsed::Ok(Status::Done)
        );
        assert_eq!(
            read_status(&CellValue::Number(0.5), &v, true),
            Parsed::Ok(Status::InProgress)
        );
        assert_eq!(read_status(&CellValue::Number(0.5), &v, false), Parsed::Bad);
    }

    #[test]
    fn dittos_take_the_value_above() {
        use crate::source::grid::{Cell, CellValue, Row, Sheet};
        let text = |s: &str| CellValue::Text(s.to_string());
        let mut sheet = Sheet::new("s");
        for (i, v) in ["责任单位", "城关镇", "同上", "〃", "青山镇", "同上。"]
            .iter()
            .enumerate()
        {
            sheet.rows.push(Row {
                index: i as u32,
                cells: vec![Cell {
                    col: 1,
                    value: text(v),
                }],
            });
        }
        super::read_dittos(&mut sheet);
        let got: Vec<String> = sheet
            .rows
            .iter()
            .map(|r| match &r.cells[0].value {
                CellValue::Text(t) => t.clone(),
                _ => String::new(),
            })
            .collect();
        assert_eq!(
            got,
            ["责任单位", "城关镇", "城关镇", "城关镇", "青山镇", "青山镇"]
        );
    }
}
