//! The structure proof: the workbook holds what taizhang writes and nothing else. Its sheets
//! are the schema's, all shown; no row is hidden and the ledger sheets hide exactly the
//! columns taizhang hides; no cell holds a formula but the summary's, whose formulas are the
//! schema's to the letter (every program recalculates on opening, so a formula is what a
//! reader sees, whatever result is stored); no cell holds content outside the ranges taizhang
//! writes; the summary's labels and as-of date are the schema's.

use super::{At, Discrepancy, Hideable, NotChecked, Outcome, Proof, ProofKind, Scope};
use crate::schema::SheetKind;
use crate::schema::ledger::Col;
use crate::schema::sources::{
    COLUMN_DIGEST_ROW, LABEL_COL, RECORD_ROW, SourcesCol, TABLE_ROW, VALUE_COL,
};
use crate::schema::summary::{self, Content, Ranges, TABLE_HEADER_ROW, total_label};
use crate::source::consolidated::{Consolidated, Written};
use crate::source::grid::{CellRef, CellValue, Sheet};
use crate::source::written::{Marks, SheetState};
use std::collections::{HashMap, HashSet};

/// A formula as a spreadsheet program may write it back: without the leading `=`, the
/// `_xlfn.` prefixes, white space and the quotes around sheet names outside string literals,
/// and with names in upper case. Two formulas equal after this compute the same.
///
/// ```ignore
/// assert_eq!(normalize("='整改台账'!$A$2 + 1"), normalize("整改台账!$A$2+1"));
/// ```
pub(crate) fn normalize(f: &str) -> String {
    let f = f.trim();
    let f = f.strip_prefix('=').unwrap_or(f);
    let f = f.replace("_xlfn.", "").replace("_xlws.", "");
    let mut out = String::with_capacity(f.len());
    let mut in_string = false;
    for c in f.chars() {
        if c == '"' {
            in_string = !in_string;
            out.push(c);
        } else if in_string {
            out.push(c);
        } else if c == '\'' || c.is_whitespace() {
            continue;
        } else {
            out.push(c.to_ascii_uppercase());
        }
    }
    out
}

/// The ledger sheets' ranges the summary's formulas count over (name, last row 1-based), as
/// the run's record gives them: its sheets and row count, each sheet but the last as full as
/// the first is read (the split is [`crate::schema::MAX_DATA_ROWS`] rows). The rows as read
/// where the record does not say.
fn ledger_ranges(c: &Consolidated, per_sheet: &HashMap<String, u64>) -> Vec<(String, u32)> {
    let read = |name: &str| per_sheet.get(name).copied().unwrap_or(0);
    let names: Vec<String> = if c.meta.ledger_sheets.is_empty() {
        c.ledger_sheets.clone()
    } else {
        c.meta.ledger_sheets.clone()
    };
    let total = c.meta.ledger_rows;
    let per = names.first().map_or(0, |n| read(n));
    let k = names.len() as u64;
    names
        .iter()
        .enumerate()
        .map(|(i, name)| {
            let rows = match total {
                Some(t) if k == 1 => t,
                Some(t) if (i as u64) + 1 == k => t.saturating_sub(per * (k - 1)),
                Some(_) => per,
                None => read(name),
            };
            (
                name.clone(),
                (rows.min(u64::from(u32::MAX - 1)) as u32 + 1).max(2),
            )
        })
        .collect()
}

fn show(v: &CellValue) -> String {
    v.display()
}

/// The structure proof.
pub fn check(
    c: &Consolidated,
    per_sheet: &HashMap<String, u64>,
    out: &mut Vec<Discrepancy>,
) -> Proof {
    let before = out.len();
    let Some(w) = &c.written else {
        return Proof {
            kind: ProofKind::Structure,
            outcome: Outcome::NotChecked(NotChecked::NotXlsx),
            scope: Scope::Structure {
                sheets: 0,
                formulas: 0,
            },
        };
    };
    let ledger = ledger_ranges(c, per_sheet);
    sheets(c, w, &ledger, out);
    for m in &w.marks {
        hidden(c, m, out);
        if m.name != c.summary_sheet {
            for f in &m.formulas {
                out.push(Discrepancy::FormulaAdded {
                    at: At::new(&m.name, f.cell),
                    formula: f.text.clone(),
                });
            }
        }
    }
    for (sheet, cell, text) in &w.stray {
        out.push(Discrepancy::CellAdded {
            at: At::new(sheet, *cell),
            found: text.clone(),
        });
    }
    sources_cells(c, &w.sources, out);
    let formulas = summary_cells(c, w, &ledger, out);
    Proof {
        kind: ProofKind::Structure,
        outcome: Outcome::of(out, before),
        scope: Scope::Structure {
            sheets: w.marks.len(),
            formulas,
        },
    }
}

/// Sheets added or missing, and sheets not shown.
fn sheets(c: &Consolidated, w: &Written, ledger: &[(String, u32)], out: &mut Vec<Discrepancy>) {
    let names: HashSet<&str> = w.marks.iter().map(|m| m.name.as_str()).collect();
    for m in &w.marks {
        let ours = match SheetKind::of_name(&m.name) {
            Some((SheetKind::Ledger(_), l)) => {
                l == c.lang && ledger.iter().any(|(n, _)| *n == m.name)
            }
            Some((_, l)) => l == c.lang,
            None => false,
        };
        if !ours {
            out.push(Discrepancy::SheetAdded {
                sheet: m.name.clone(),
            });
        }
    }
    let recorded: Vec<String> = if c.meta.ledger_sheets.is_empty() {
        ledger.iter().map(|(n, _)| n.clone()).collect()
    } else {
        c.meta.ledger_sheets.clone()
    };
    let expected = std::iter::once(c.summary_sheet.clone())
        .chain(recorded)
        .chain(std::iter::once(SheetKind::Findings(1).name(c.lang)))
        .chain(std::iter::once(c.sources_sheet.clone()));
    for name in expected {
        if !names.contains(name.as_str()) {
            out.push(Discrepancy::SheetMissing { sheet: name });
        }
    }
}

/// Rows, columns and sheets hidden or shown other than taizhang left them.
fn hidden(c: &Consolidated, m: &Marks, out: &mut Vec<Discrepancy>) {
    let mut push = |what| {
        out.push(Discrepancy::HiddenState {
            sheet: m.name.clone(),
            what,
        })
    };
    if m.state != SheetState::Visible {
        push(Hideable::Sheet(m.state));
    }
    if m.rows_hidden_by_default {
        push(Hideable::AllRows);
    }
    for r in &m.hidden_rows {
        push(Hideable::Row(*r));
    }
    let is_ledger =
        matches!(SheetKind::of_name(&m.name), Some((SheetKind::Ledger(_), l)) if l == c.lang);
    // A column merge hides may be shown (opening a group conceals nothing); a column it shows
    // may not be hidden.
    let hidden_by_merge = |col: u32| {
        is_ledger
            && Col::ALL
                .into_iter()
                .any(|c| c.is_hidden() && u32::from(c.index()) == col)
    };
    for col in &m.hidden_cols {
        if !hidden_by_merge(*col) {
            push(Hideable::Column(*col));
        }
    }
}

/// Cells of the sources sheet outside its title, its record, its column digests and its
/// inputs table.
fn sources_cells(c: &Consolidated, s: &Sheet, out: &mut Vec<Discrepancy>) {
    let digests = c.meta.column_digests.len() as u32;
    let inputs = c.sources.iter().map(|e| e.row).max().unwrap_or(TABLE_ROW);
    let table_width = SourcesCol::ALL.len() as u32;
    let allowed = |row: u32, col: u32| {
        (row == 0 && col == 0)
            || ((RECORD_ROW..COLUMN_DIGEST_ROW + digests).contains(&row)
                && (u32::from(LABEL_COL)..=u32::from(VALUE_COL)).contains(&col))
            || ((TABLE_ROW..=inputs).contains(&row) && col < table_width)
    };
    for r in &s.rows {
        for cell in r.cells.iter().filter(|x| !allowed(r.index, x.col)) {
            out.push(Discrepancy::CellAdded {
                at: At::new(&s.name, CellRef::new(r.index, cell.col)),
                found: show(&cell.value),
            });
        }
    }
}

/// The summary against [`summary::cells`]: every formula the schema's (and only there), every
/// label and the as-of date as written, nothing else. Returns the formulas compared.
fn summary_cells(
    c: &Consolidated,
    w: &Written,
    ledger: &[(String, u32)],
    out: &mut Vec<Discrepancy>,
) -> usize {
    let s = &w.summary;
    let lang = c.lang;
    let communities: Vec<&str> = c.communities.iter().map(|r| r.label.as_str()).collect();
    let categories: Vec<&str> = c.categories.iter().map(|r| r.label.as_str()).collect();
    let findings = if w.findings_sheets.is_empty() {
        vec![(SheetKind::Findings(1).name(lang), 2)]
    } else {
        w.findings_sheets
            .iter()
            .map(|(n, last)| (n.clone(), (*last).max(2)))
            .collect()
    };
    let ranges = Ranges {
        ledger,
        findings: &findings,
    };
    let as_of = c
        .meta
        .as_of
        .or(c.summary_as_of)
        .unwrap_or(chrono::NaiveDate::MIN);
    let expected: HashMap<(u32, u32), Content> =
        summary::cells(&communities, &categories, &ranges, as_of, lang)
            .into_iter()
            .map(|((r, col), v)| ((r, u32::from(col)), v))
            .collect();
    let marks = w.marks.iter().find(|m| m.name == s.name);
    let formulas: HashMap<(u32, u32), &str> = marks
        .map(|m| {
            m.formulas
                .iter()
                .map(|f| ((f.cell.row, f.cell.col), f.text.as_str()))
                .collect()
        })
        .unwrap_or_default();
    let at = |(r, col): (u32, u32)| At::new(&s.name, CellRef::new(r, col));
    let mut compared = 0;
    // The total row is found by its label; without it the table cannot be laid against the
    // schema (the summary proof says so).
    if c.total.is_none()
        || s.value(TABLE_HEADER_ROW + 1 + communities.len() as u32, 0)
            .map(show)
            .as_deref()
            != Some(total_label(lang))
    {
        return 0;
    }
    let mut keys: Vec<&(u32, u32)> = expected.keys().collect();
    keys.sort();
    for key in keys {
        let want = &expected[key];
        let found_formula = formulas.get(key).copied();
        match want {
            Content::Free => {}
            Content::Formula(f) => {
                compared += 1;
                match found_formula {
                    Some(now) if normalize(now) == normalize(f) => {}
                    now => out.push(Discrepancy::FormulaChanged {
                        at: at(*key),
                        expected: f.trim_start_matches('=').to_string(),
                        found: now.unwrap_or_default().to_string(),
                    }),
                }
            }
            // A label of the print layout may also be missing (a workbook written before it).
            Content::Text(t) | Content::Optional(t) => {
                let now = s.value(key.0, key.1).map(show).unwrap_or_default();
                let may_be_empty = matches!(want, Content::Optional(_));
                if let Some(f) = found_formula {
                    out.push(Discrepancy::FormulaAdded {
                        at: at(*key),
                        formula: f.to_string(),
                    });
                } else if now != *t && !(may_be_empty && now.is_empty()) {
                    out.push(Discrepancy::LabelChanged {
                        at: at(*key),
                        expected: t.clone(),
                        found: now,
                    });
                }
            }
            Content::Date(d) => {
                let ok = match s.value(key.0, key.1) {
                    Some(CellValue::Date(x)) => x.date() == *d,
                    _ => false,
                };
                if let Some(f) = found_formula {
                    out.push(Discrepancy::FormulaAdded {
                        at: at(*key),
                        formula: f.to_string(),
                    });
                } else if !ok {
                    out.push(Discrepancy::LabelChanged {
                        at: at(*key),
                        expected: d.format("%Y-%m-%d").to_string(),
                        found: s.value(key.0, key.1).map(show).unwrap_or_default(),
                    });
                }
            }
        }
    }
    for r in &s.rows {
        for cell in &r.cells {
            if !expected.contains_key(&(r.index, cell.col)) {
                out.push(Discrepancy::CellAdded {
                    at: at((r.index, cell.col)),
                    found: show(&cell.value),
                });
            }
        }
    }
    for key in formulas.keys() {
        if !expected.contains_key(key) && s.value(key.0, key.1).is_none() {
            out.push(Discrepancy::FormulaAdded {
                at: at(*key),
                formula: formulas[key].to_string(),
            });
        }
    }
    compared
}

/// The summary's formula cells with no stored result.
pub(crate) fn uncached(c: &Consolidated) -> usize {
    c.written
        .as_ref()
        .and_then(|w| w.marks.iter().find(|m| m.name == c.summary_sheet))
        .map_or(0, |m| m.formulas.iter().filter(|f| !f.cached).count())
}

#[cfg(test)]
mod tests {
    use super::normalize;

    #[test]
    fn formulas_compare_as_programs_write_them_back() {
        assert_eq!(
            normalize("=COUNTIFS('整改台账'!$B$2:$B$57,$A$6)"),
            normalize("COUNTIFS(整改台账!$B$2:$B$57,$A$6)")
        );
        assert_eq!(normalize("=_xlfn.IFS(A1>0, 1)"), normalize("ifs(A1>0,1)"));
        // Inside a string, case, quotes and spaces count.
        assert_ne!(normalize("=\"a b\"&A1"), normalize("=\"ab\"&A1"));
        assert_ne!(normalize("=\"已完成\""), normalize("=\"推进中\""));
        assert_ne!(normalize("=29+11"), normalize("=COUNT(A:A)"));
    }
}
