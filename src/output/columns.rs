//! `taizhang columns`: the column each field of each ledger was read from, why, and the column
//! that came next.

use crate::Lang;
use crate::messages::run::{
    because, columns_heading, field_name, left_out_mark, no_ledger_in, runner_up,
};
use crate::pipeline::InputRecord;
use crate::value::text::display_width;
use std::fmt::Write;

fn pad(s: &str, width: usize) -> String {
    format!("{s}{}", " ".repeat(width.saturating_sub(display_width(s))))
}

/// The mapping of every ledger of the inputs: one block per sheet (a sheet of several units
/// once), one line per field.
pub fn render(inputs: &[InputRecord], lang: Lang) -> String {
    let mut out = String::new();
    for input in inputs {
        if input.ledgers.is_empty() && input.left_out.is_empty() {
            let _ = writeln!(out, "{}\n", no_ledger_in(&input.path, lang));
            continue;
        }
        // The sheets read with doubt and left out of the totals first — their mapping is what
        // the clerk confirms or corrects, as the page lists them first — then those counted.
        for (ledgers, doubtful) in [(&input.left_out, true), (&input.ledgers, false)] {
            let mut sheets: Vec<&str> = Vec::new();
            for l in ledgers.iter() {
                if !sheets.contains(&l.sheet.as_str()) {
                    sheets.push(&l.sheet);
                }
            }
            for sheet in sheets {
                let of_sheet: Vec<_> = ledgers.iter().filter(|l| l.sheet == sheet).collect();
                let units: Vec<&str> = of_sheet.iter().map(|l| l.unit.as_str()).collect();
                let first = of_sheet[0];
                let mut heading =
                    columns_heading(&input.path, sheet, first.header_row, &units, lang);
                if doubtful {
                    heading.push_str(left_out_mark(lang));
                }
                let _ = writeln!(out, "{heading}");
                for (f, c) in first.columns.0.iter() {
                    let name = pad(field_name(*f, lang), 12);
                    match c {
                        Some(c) => {
                            let mut line = format!(
                                "  {name}{} {}  {}",
                                pad(&c.column, 3),
                                pad(&format!("“{}”", c.header), 24),
                                because(c.because, lang)
                            );
                            if let Some(r) = &c.runner_up {
                                line.push_str(&format!("  ({})", runner_up(r, lang)));
                            }
                            let _ = writeln!(out, "{}", line.trim_end());
                        }
                        None => {
                            let _ = writeln!(out, "  {name}—");
                        }
                    }
                }
                out.push('\n');
            }
        }
    }
    super::terminal_text(&out).into_owned()
}
