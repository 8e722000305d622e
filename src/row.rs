//! A measure as a row of the consolidated ledger sheet: the values `merge` writes for it and
//! `verify` derives again from a re-read source, in the columns of
//! [`crate::schema::ledger::Col`].

use crate::config::Settings;
use crate::layout::cells::Parsed;
use crate::ledger::{FieldCell, Ledger, Measure};
use crate::model::Timing;
use crate::schema::ledger::{Col, Out, fit_cell, status_word, timing_word, yes_no};
use crate::source::grid::{CellRef, CellValue};
use crate::value::deadline::Deadline;
use crate::value::header::Field;

/// Where a measure's row stands in the consolidated ledger.
#[derive(Debug, Clone, Copy)]
pub(crate) struct RowPlace {
    /// Running number of the row.
    pub(crate) no: u64,
    /// The problem's number within its unit.
    pub(crate) problem_no: u64,
}

/// A field's cell as the ledger sheet holds it: days as dates; a date with a time of day, a
/// time alone and everything else as its text ([`CellValue::display`]).
fn out_of_cell(c: Option<&FieldCell>) -> Out {
    match c.map(|c| &c.value) {
        None => Out::Empty,
        Some(CellValue::Date(d)) if d.time() == chrono::NaiveTime::MIN && is_day(d.date()) => {
            Out::Date(d.date())
        }
        Some(v) => Out::text(v.display()),
    }
}

/// A day a spreadsheet shows as a date: from 1900-01-01 on (serial 1).
fn is_day(d: chrono::NaiveDate) -> bool {
    d >= chrono::NaiveDate::from_ymd_opt(1900, 1, 1).unwrap_or(chrono::NaiveDate::MIN)
}

/// The values of a measure's row, in [`Col::ALL`] order, without the digest (the last column).
pub(crate) fn row_values(
    ledger: &Ledger,
    m: &Measure,
    place: RowPlace,
    problem_done: bool,
    timing: Option<Timing>,
    s: &Settings,
) -> Vec<Out> {
    let row = ledger.row_of(m);
    let lang = s.lang;
    let field = |f: Field| match row.get(f) {
        // A progress written as a number reads back as the percentage it is.
        Some(c) if f == Field::Status && ledger.layout.progress_status => match c.value {
            CellValue::Number(n) => {
                Out::text(CellValue::Percent(if n <= 1.0 { n } else { n / 100.0 }).display())
            }
            _ => out_of_cell(Some(c)),
        },
        other => out_of_cell(other),
    };
    let deadline_date = match row.deadline {
        Parsed::Ok(p) => match p.deadline {
            Deadline::Date(d) => Out::Date(d),
            Deadline::Immediate => s.feedback_date.map_or(Out::Empty, Out::Date),
            Deadline::LongTerm => Out::Empty,
        },
        _ => Out::Empty,
    };
    let extras: Vec<String> = row
        .extras
        .iter()
        .map(|(i, v)| {
            let label = &ledger.layout.columns[*i].label;
            // A list `split` sent holds the other columns as this sheet does: kept as they are.
            if Col::from_header(label) == Some(Col::Extras) {
                v.text()
            } else {
                format!("{label}:{}", v.text())
            }
        })
        .collect();
    let mut v = Vec::with_capacity(Col::ALL.len() - 1);
    for col in Col::ALL {
        v.push(match col {
            Col::No => Out::Number(place.no as f64),
            Col::Unit => Out::text(ledger.unit.clone()),
            Col::ProblemNo => Out::Number(place.problem_no as f64),
            Col::MeasureNo => Out::Number(f64::from(m.number)),
            Col::Measure => Out::text(m.text.clone()),
            Col::DeadlineDate => deadline_date.clone(),
            Col::Status => Out::text(status_word(row.status.ok(), lang)),
            Col::Timing => timing.map_or(Out::Empty, |t| Out::text(timing_word(t, lang))),
            Col::ProblemDone => Out::text(yes_no(problem_done, lang)),
            Col::MeasureCell => match m.item {
                Some(_) => field(Field::Measure),
                None => Out::Empty,
            },
            Col::Extras => Out::text(extras.join("\n")),
            Col::SourceFile => Out::text(ledger.file.clone()),
            Col::SourceSheet => Out::text(ledger.locate(CellRef::new(row.row, 0)).0),
            Col::SourceRow => {
                Out::Number(f64::from(ledger.locate(CellRef::new(row.row, 0)).1.row) + 1.0)
            }
            Col::Id => Out::text(m.id.to_string()),
            Col::Parent => Out::text(ledger.parent.clone().unwrap_or_default()),
            Col::RowDigest => continue,
            other => match other.field() {
                Some(f) => field(f),
                None => Out::Empty,
            },
        });
    }
    // Every text cut to what a cell holds (a `cell-too-long` finding names the source cell).
    for o in &mut v {
        if let Out::Text(t) = o
            && let std::borrow::Cow::Owned(cut) = fit_cell(t)
        {
            *t = cut;
        }
    }
    v
}
