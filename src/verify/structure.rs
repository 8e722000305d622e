//! The structure proof: the workbook holds what taizhang writes and nothing else. Its sheets
//! are the schema's, all shown; no row is hidden and the ledger sheets hide exactly the
//! columns taizhang hides; no cell holds a formula but the summary's, whose formulas are the
//! schema's to the letter (every program recalculates on opening, so a formula is what a
//! reader sees, whatever result is stored); no cell holds content outside the ranges taizhang
//! writes; the summary's labels and as-of date are the schema's.

use super::{At, Discrepancy, Hideable, NotChecked, Outcome, Proof, ProofKind, Scope};
use crate::schema::SheetKind;
use crate::schema::findings::FindingsCol;
use crate::schema::ledger::Col;
use crate::schema::ledger::unbroken;
use crate::schema::summary::{
    self, Content, Ranges, TABLE_HEADER_ROW, total_label, written_before,
};
use crate::source::consolidated::{Consolidated, Written, summary_formula_texts};
use crate::source::grid::{CellRef, CellValue, Sheet};
use crate::source::written::{FormulaDigest, Marks, SheetState};
use std::collections::{HashMap, HashSet};

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
pub(crate) fn check(
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
    for (cell, value) in &w.sources_beyond {
        out.push(Discrepancy::CellAdded {
            at: At::new(&c.sources_sheet, *cell),
            found: show(value),
        });
    }
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
    let is_findings =
        matches!(SheetKind::of_name(&m.name), Some((SheetKind::Findings(_), l)) if l == c.lang);
    let hidden_by_merge = |col: u32| {
        (is_ledger
            && Col::ALL
                .into_iter()
                .any(|c| c.is_hidden() && u32::from(c.index()) == col))
            || (is_findings
                && FindingsCol::ALL
                    .into_iter()
                    .any(|c| !c.is_printed() && u32::from(c.index()) == col))
    };
    for col in &m.hidden_cols {
        if !hidden_by_merge(*col) {
            push(Hideable::Column(*col));
        }
    }
}

/// The summary against [`summary::each_cell`]: every formula the schema's (and only there),
/// every label and the as-of date as written, nothing else. Returns the formulas compared.
/// The schema's cells are made one at a time and the summary's formulas compared by their
/// digests, so a summary of thousands of units is proven in little memory; the texts of the
/// formulas reported are read again from the workbook.
fn summary_cells(
    c: &Consolidated,
    w: &Written,
    ledger: &[(String, u32)],
    out: &mut Vec<Discrepancy>,
) -> usize {
    let s = &w.summary;
    let lang = c.lang;
    let units: Vec<&str> = c.units.iter().map(|r| r.label.as_str()).collect();
    let categories: Vec<&str> = c.categories.iter().map(|r| r.label.as_str()).collect();
    let parents: Vec<&str> = c.parents.iter().map(|r| r.label.as_str()).collect();
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
    // The total row is found by its label; without it the table cannot be laid against the
    // schema (the summary proof says so).
    if c.total.is_none()
        || s.value(TABLE_HEADER_ROW + 1 + units.len() as u32, 0)
            .map(show)
            .as_deref()
            != Some(total_label(lang))
    {
        return 0;
    }
    let formulas = &w.summary_formulas;
    let formula_at = |key: (u32, u32)| {
        formulas
            .binary_search_by_key(&key, |f| (f.cell.row, f.cell.col))
            .ok()
            .map(|i| &formulas[i])
    };
    /// A discrepancy found, with the cell it is at (sorted by it at the end) and whether it
    /// needs the found formula's text.
    enum Found {
        Done(Discrepancy),
        Changed { expected: String },
        Added,
    }
    let mut found: Vec<((u32, u32), Found)> = Vec::new();
    let mut expected_keys: Vec<(u32, u32)> = Vec::new();
    let mut compared = 0;
    let mut each = |key: (u32, u16), want: Content| {
        let key = (key.0, u32::from(key.1));
        expected_keys.push(key);
        let found_formula = formula_at(key);
        let may_be_empty = matches!(want, Content::Optional(_));
        let is_header = matches!(want, Content::Header(_));
        match want {
            Content::Free => {}
            Content::Formula(f) => {
                compared += 1;
                let digest = found_formula.map(|x| x.digest);
                if digest != Some(FormulaDigest::of(&f))
                    && digest != Some(FormulaDigest::of(&written_before(&f)))
                {
                    let expected = f.trim_start_matches('=').to_string();
                    found.push((key, Found::Changed { expected }));
                }
            }
            // A label of the print layout may also be missing (a workbook written before it).
            Content::Text(t) | Content::Optional(t) | Content::Header(t) => {
                let now = s.value(key.0, key.1).map(show).unwrap_or_default();
                let same = now == t || (is_header && unbroken(&now) == unbroken(&t));
                if found_formula.is_some() {
                    found.push((key, Found::Added));
                } else if !(same
                    || now == written_before(&t)
                    || key == (TABLE_HEADER_ROW, 0) && now == unit_header_before(lang)
                    || may_be_empty && now.is_empty())
                {
                    found.push((
                        key,
                        Found::Done(Discrepancy::LabelChanged {
                            at: at_of(s, key),
                            expected: t,
                            found: now,
                        }),
                    ));
                }
            }
            Content::Date(d) => {
                let ok = match s.value(key.0, key.1) {
                    Some(CellValue::Date(x)) => x.date() == d,
                    _ => false,
                };
                if found_formula.is_some() {
                    found.push((key, Found::Added));
                } else if !ok {
                    found.push((
                        key,
                        Found::Done(Discrepancy::LabelChanged {
                            at: at_of(s, key),
                            expected: d.format("%Y-%m-%d").to_string(),
                            found: s.value(key.0, key.1).map(show).unwrap_or_default(),
                        }),
                    ));
                }
            }
        }
    };
    summary::each_cell(
        &units,
        &categories,
        &parents,
        &ranges,
        as_of,
        lang,
        &mut each,
    );
    expected_keys.sort_unstable();
    let expected = |key: (u32, u32)| expected_keys.binary_search(&key).is_ok();
    // The schema's cells in their order (as it lists a cell once), then what is beyond it.
    found.sort_by_key(|(key, _)| *key);
    let mut extra = Vec::new();
    for r in &s.rows {
        for cell in &r.cells {
            if !expected((r.index, cell.col)) {
                extra.push(Discrepancy::CellAdded {
                    at: at_of(s, (r.index, cell.col)),
                    found: show(&cell.value),
                });
            }
        }
    }
    let mut beyond = Vec::new();
    for f in formulas {
        let key = (f.cell.row, f.cell.col);
        if !expected(key) && s.value(key.0, key.1).is_none() {
            beyond.push(key);
        }
    }
    // The texts of the formulas to report, read again (they are not kept).
    let wanted: Vec<CellRef> = found
        .iter()
        .filter(|(_, f)| !matches!(f, Found::Done(_)))
        .map(|(key, _)| *key)
        .chain(beyond.iter().copied())
        .filter(|key| formula_at(*key).is_some())
        .map(|(r, col)| CellRef::new(r, col))
        .collect();
    let texts: HashMap<(u32, u32), String> = if wanted.is_empty() {
        HashMap::new()
    } else {
        let read = summary_formula_texts(c, &wanted, &w.limits)
            .unwrap_or_else(|e| vec![format!("({e})"); wanted.len()]);
        wanted.iter().map(|at| (at.row, at.col)).zip(read).collect()
    };
    let text = |key: (u32, u32)| texts.get(&key).cloned().unwrap_or_default();
    for (key, f) in found {
        out.push(match f {
            Found::Done(d) => d,
            Found::Changed { expected } => Discrepancy::FormulaChanged {
                at: at_of(s, key),
                expected,
                found: text(key),
            },
            Found::Added => Discrepancy::FormulaAdded {
                at: at_of(s, key),
                formula: text(key),
            },
        });
    }
    out.append(&mut extra);
    for key in beyond {
        out.push(Discrepancy::FormulaAdded {
            at: at_of(s, key),
            formula: text(key),
        });
    }
    compared
}

fn at_of(s: &Sheet, (r, col): (u32, u32)) -> At {
    At::new(&s.name, CellRef::new(r, col))
}

/// The summary's formula cells with no stored result.
pub(crate) fn uncached(c: &Consolidated) -> usize {
    c.written.as_ref().map_or(0, |w| {
        w.summary_formulas.iter().filter(|f| !f.cached).count()
    })
}

/// The unit table's first header as taizhang wrote it before it said 单位 where the units
/// are not all units.
fn unit_header_before(lang: crate::Lang) -> &'static str {
    lang.pick("社区", "Community")
}

#[cfg(test)]
mod tests {
    use crate::source::written::normalized_formula as normalize;

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
