//! The rules of spec 3, one function per rule, each named after its rule id
//! (`missing-cell` → `missing_cell`).
//!
//! File- and sheet-level rules (`unreadable_file`, `no_ledger`, `sheet_skipped`,
//! `hidden_sheet`) take what they report on; ledger-level rules take a built [`Ledger`] and
//! the run's [`Settings`]. [`check_ledger`] runs every ledger-level rule and orders the findings
//! by cell. A rule states facts ([`Fact`]); [`crate::messages`] words them.

use crate::config::Settings;
use crate::finding::{Due, Fact, Finding, MeasureRef, NumberingFault, Rule};
use crate::layout::cells::Parsed;
use crate::ledger::{Aside, FieldCell, Ledger, Measure, measure_timing};
use crate::model::Timing;
use crate::source::SourceError;
use crate::source::grid::CellRef;
use crate::value::header::Field;
use crate::value::text::{collapse_spaces, half_width_char, is_punct, is_space, seq_number};
use std::collections::{HashMap, HashSet};

fn at(
    ledger: &Ledger,
    rule: Rule,
    cell: Option<CellRef>,
    field: Option<Field>,
    fact: Fact,
) -> Finding {
    let mut f = Finding::new(rule, &ledger.file, fact);
    match cell {
        Some(c) => {
            let (sheet, c) = ledger.locate(c);
            f.sheet = sheet;
            f.cell = Some(c);
        }
        None => f.sheet = ledger.sheet.clone(),
    }
    f.unit = ledger.unit.clone();
    f.field = field;
    f
}

// ---- file- and sheet-level rules ----

/// `unreadable-file`: the file cannot be opened or parsed; the finding says why.
pub(crate) fn unreadable_file(file: &str, err: &SourceError) -> Finding {
    Finding::new(Rule::UnreadableFile, file, Fact::Unreadable(err.clone()))
}

/// `no-ledger`: no sheet of the file has a recognisable header.
pub(crate) fn no_ledger(file: &str, sheets: usize) -> Finding {
    Finding::new(Rule::NoLedger, file, Fact::NoLedger { sheets })
}

/// `sheet-skipped`: a sheet without a header in a workbook that has a ledger elsewhere.
pub(crate) fn sheet_skipped(file: &str, sheet: &str) -> Finding {
    let mut f = Finding::new(Rule::SheetSkipped, file, Fact::SheetSkipped);
    f.sheet = sheet.to_string();
    f
}

/// `sheet-skipped`: a sheet with neither a status nor a deadline column beside `tracked`, the
/// workbook's sheet that tracks progress.
pub(crate) fn companion_sheet(file: &str, sheet: &str, tracked: &str) -> Finding {
    let mut f = Finding::new(
        Rule::SheetSkipped,
        file,
        Fact::CompanionSheet {
            tracked: tracked.to_string(),
        },
    );
    f.sheet = sheet.to_string();
    f
}

/// `hidden-sheet`: a hidden sheet that holds a ledger header; skipped unless asked for.
pub(crate) fn hidden_sheet(file: &str, sheet: &str, unit: &str) -> Finding {
    let mut f = Finding::new(Rule::HiddenSheet, file, Fact::HiddenSheet);
    f.sheet = sheet.to_string();
    f.unit = unit.to_string();
    f
}

// ---- sheet- and workbook-level rules on built ledgers ----

/// A measure as the same item on two sheets, by what describes it and not by its place or its
/// state: its unit, problem, measure, deadline and who answers for it as written. A period
/// sheet that numbers its copies afresh still copies these; two items that differ in any of
/// them are two items. The day found is compared apart ([`found_apart`]).
fn identity(l: &Ledger, m: &Measure) -> Option<[String; 8]> {
    let row = l.row_of(m);
    let problem = collapse_spaces(&row.text(Field::Problem));
    if problem.is_empty() && m.text.is_empty() {
        return None;
    }
    let deadline = l.deadline_of(m).map_or_else(
        || collapse_spaces(&row.text(Field::Deadline)),
        |d| format!("{d:?}"),
    );
    Some([
        l.unit.clone(),
        problem,
        collapse_spaces(&m.text),
        m.item.map_or(0, |i| i.0).to_string(),
        deadline,
        collapse_spaces(&row.text(Field::Department)),
        collapse_spaces(&row.text(Field::Person)),
        collapse_spaces(&row.text(Field::Leader)),
    ])
}

/// True when two rows alike in all else were found on different days by their own columns
/// (`检查日期` of May, not April's): found again at another inspection, another item. A sheet
/// without such a column (a month sheet that leaves it out) says nothing against the copy.
fn found_apart(a: Option<chrono::NaiveDate>, b: Option<chrono::NaiveDate>) -> bool {
    matches!((a, b), (Some(x), Some(y)) if x != y)
}

/// `repeated-row`: the rows of a workbook's sheets that repeat rows of another of its sheets
/// (a master sheet and the period sheets that copy its rows, numbered as they are or afresh:
/// the same unit, problem, measure, deadline and responsible people) are counted once, as the sheet with the most measures has them (the master,
/// which holds the latest state); each sheet that loses rows to another gets one warning at
/// its first such row, with how many. `sheets` holds each sheet's ledgers, in sheet order; a
/// ledger left with no measure is removed.
pub(crate) fn repeated_rows(sheets: &mut [Vec<Ledger>]) -> Vec<Finding> {
    if sheets.iter().filter(|s| !s.is_empty()).count() < 2 {
        return Vec::new();
    }
    let size = |s: &Vec<Ledger>| s.iter().map(|l| l.measures.len()).sum::<usize>();
    let mut order: Vec<usize> = (0..sheets.len()).collect();
    order.sort_by_key(|k| std::cmp::Reverse(size(&sheets[*k])));
    // Each identity's sheets and the days their rows were found.
    let mut seen: HashMap<[String; 8], Vec<(usize, Option<chrono::NaiveDate>)>> = HashMap::new();
    let mut findings = Vec::new();
    for k in order {
        // (sheet kept) -> (count, first ledger and row of the repeats)
        let mut lost: Vec<(usize, usize, CellRef)> = Vec::new();
        let mut drop: Vec<Vec<bool>> = Vec::new();
        let mut mine = Vec::new();
        for l in &sheets[k] {
            let mut d = vec![false; l.measures.len()];
            for (mi, m) in l.measures.iter().enumerate() {
                let Some(id) = identity(l, m) else { continue };
                let found = l.row_of(m).found_on;
                let copied = seen.get(&id).and_then(|at| {
                    at.iter()
                        .find(|(s, f)| *s != k && !found_apart(*f, found))
                        .map(|(s, _)| *s)
                });
                match copied {
                    Some(other) => {
                        d[mi] = true;
                        let cell = CellRef::new(l.row_of(m).row, 0);
                        match lost.iter_mut().find(|x| x.0 == other) {
                            Some(x) => x.1 += 1,
                            None => lost.push((other, 1, cell)),
                        }
                    }
                    None => mine.push((id, found)),
                }
            }
            drop.push(d);
        }
        for (id, found) in mine {
            seen.entry(id).or_default().push((k, found));
        }
        if lost.is_empty() {
            continue;
        }
        let community = sheets[k]
            .first()
            .map(|l| l.unit.clone())
            .unwrap_or_default();
        for (other, rows, cell) in lost {
            let Some(kept) = sheets[other].first().map(|l| l.sheet.clone()) else {
                continue;
            };
            let Some(first) = sheets[k].first() else {
                continue;
            };
            let mut f = at(
                first,
                Rule::RepeatedRow,
                Some(cell),
                None,
                Fact::RepeatedRow { rows, kept },
            );
            f.unit = community.clone();
            findings.push(f);
        }
        for (l, d) in sheets[k].iter_mut().zip(drop) {
            l.retain_measures(|i| !d[i]);
        }
        sheets[k].retain(|l| !l.measures.is_empty());
    }
    findings
}

/// The share of a column's cells a field's grammar reads, over the rows of a sheet's ledgers:
/// (cells read, cells not empty).
fn read_share(ledgers: &[Ledger], col: u32, field: Field, settings: &Settings) -> (usize, usize) {
    let mut read = 0;
    let mut filled = 0;
    for l in ledgers {
        let k = l.layout.columns.iter().position(|c| c.col == col);
        let held = k.and_then(|k| l.layout.columns[k].field);
        if held == Some(field) {
            // The field's own column is read already, every row of it.
            for r in &l.rows {
                let ok = match field {
                    Field::Status => r.status.ok().is_some(),
                    _ => r.deadline.ok().is_some(),
                };
                if r.get(field).is_some() {
                    filled += 1;
                    read += usize::from(ok);
                }
            }
            continue;
        }
        for r in &l.rows {
            // Another column is judged by a sample of its cells.
            if filled >= ALTERNATIVE_SAMPLE {
                break;
            }
            let cell = match held {
                Some(f) => r.get(f),
                None => r.extras.iter().find(|(i, _)| Some(*i) == k).map(|(_, c)| c),
            };
            let Some(cell) = cell else { continue };
            filled += 1;
            // A status or a deadline is short: a long text is neither, and is not parsed.
            if matches!(&cell.value, crate::source::grid::CellValue::Text(t) if t.len() > 300) {
                continue;
            }
            let ok = match field {
                Field::Status => matches!(
                    crate::layout::cells::read_status(
                        &cell.value,
                        &settings.statuses,
                        l.layout.progress_status
                    ),
                    Parsed::Ok(_)
                ),
                _ => matches!(
                    crate::layout::cells::read_deadline(&cell.value, settings.as_of),
                    Parsed::Ok(_)
                ),
            };
            if ok {
                read += 1;
            }
        }
    }
    (read, filled)
}

/// How surely a sheet was read, in percent: the share of its status cells and of its deadline
/// cells that their grammars read (none when the sheet has no such column or no such cell), and
/// the confidence, the least of them (100 when there is neither). `uncertain-reading` is said
/// below [`SURE_SHARE`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
pub(crate) struct Reading {
    /// The least of the shares below, in percent.
    pub(crate) confidence: u32,
    /// The share of status cells that read, in percent.
    pub(crate) status_read: Option<u32>,
    /// The share of deadline cells that read, in percent.
    pub(crate) deadline_read: Option<u32>,
}

/// The `uncertain-reading` finding of a sheet on one of its fields. A sheet left out is no
/// unit's: its units are not counted.
fn uncertain(first: &Ledger, field: Field, fact: Fact, settings: &Settings) -> Finding {
    let mut f = at(first, Rule::UncertainReading, None, Some(field), fact);
    if !settings.accept_uncertain {
        f.unit.clear();
    }
    f
}

/// A unit column that names a different unit on nearly every row (at least 12 rows, nine in ten
/// of them a unit of their own) is doubtful: units answer for several items, so such a column is
/// more likely the places or objects inspected than the units held to the items.
fn unit_per_row(ledgers: &[Ledger], settings: &Settings) -> Option<Finding> {
    let first = ledgers.first()?;
    let layout = &first.layout;
    let choice = layout.choice(Field::Unit)?;
    if choice.evidence.fixed {
        return None;
    }
    let rows: usize = ledgers.iter().map(|l| l.rows.len()).sum();
    if rows < 12 || ledgers.len() * 10 < rows * 9 {
        return None;
    }
    let label = layout
        .columns
        .iter()
        .find(|c| c.col == choice.col)
        .map(|c| c.label.clone())
        .unwrap_or_default();
    let fact = Fact::UnitPerRow {
        column: (choice.col, label),
        rows: rows as u32,
        units: ledgers.len() as u32,
        left_out: !settings.accept_uncertain,
    };
    Some(uncertain(first, Field::Unit, fact, settings))
}

/// The text of a column's cell in each row of a sheet's ledgers, up to
/// [`ALTERNATIVE_SAMPLE`] rows: its field's value, else its value as an extra column.
fn column_texts(ledgers: &[Ledger], k: usize) -> Vec<Option<String>> {
    column_cells(ledgers, k)
        .into_iter()
        .take(ALTERNATIVE_SAMPLE)
        .map(|(_, t, _)| t)
        .collect()
}

/// The texts of the sheet's column `k` with their rows, in the ledgers' order, and whether
/// each was filled down from a merged cell above its row.
fn column_cells(ledgers: &[Ledger], k: usize) -> Vec<(u32, Option<String>, bool)> {
    let Some(c) = ledgers.first().and_then(|l| l.layout.columns.get(k)) else {
        return Vec::new();
    };
    ledgers
        .iter()
        .flat_map(|l| l.rows.iter())
        .map(|r| {
            let cell = match c.field {
                Some(f) => r.get(f),
                None => r.extras.iter().find(|(i, _)| *i == k).map(|(_, x)| x),
            };
            let text = cell
                .map(|x| crate::value::text::squash(&x.text()))
                .filter(|t| !t.is_empty());
            let merged = cell.is_some_and(|x| x.source.row < r.row);
            (r.row, text, merged)
        })
        .collect()
}

/// The unit of a sheet is doubtful when only its file's name, its title or its name names it
/// while one of its columns names units row by row (at least 60 % of its cells, two of them
/// at least): those may be the units its items are held to. In a register whose unit is its
/// file's name any column of organisations counts; otherwise a column whose header names units
/// (`责任单位`, `学校名称`, [`crate::layout::names_units`]) whose names do not lie within the
/// sheet's unit.
fn uncertain_unit(ledgers: &[Ledger], settings: &Settings) -> Option<Finding> {
    use crate::layout::UnitSource as S;
    let first = ledgers.first()?;
    let layout = &first.layout;
    if layout.column_of(Field::Unit).is_some()
        || !matches!(first.unit_source, S::FileName | S::Title | S::SheetName)
    {
        return None;
    }
    // In a register whose unit is its file's name any column of organisations may hold the
    // units; in a sheet whose file's name names no organisation at all
    // (`风险应对任务清单_导出_20251030`), any column of no field whose names are units' (companies,
    // schools), not the sheet's own offices.
    let any_organisation = layout.kind.is_register() && first.unit_source == S::FileName;
    let nameless = first.unit_source == S::FileName
        && !crate::layout::evidence::organisation_name(&first.unit);
    let own = crate::value::text::squash(&first.unit);
    let mut best: Option<(u32, usize)> = None;
    for (k, c) in layout.columns.iter().enumerate() {
        // Not a column of places (`问题位置`: `人民广场`, `东湖公园`; `隐患部位`: `仓库`).
        let place = ["地点", "位置", "地址", "点位", "区域", "部位"]
            .iter()
            .any(|w| c.label.contains(w));
        let guess = nameless && c.field.is_none() && !place;
        if place
            || matches!(c.field, Some(f) if f != Field::Department)
            || !(any_organisation || guess || crate::layout::names_units(&c.label))
        {
            continue;
        }
        let texts: Vec<String> = column_texts(ledgers, k).into_iter().flatten().collect();
        let is_org = |t: &str| {
            if guess && !any_organisation {
                crate::layout::evidence::is_unit_name(t)
            } else {
                crate::layout::evidence::organisation_name(t)
            }
        };
        // Offices inside the sheet's unit (`教务处`, `财务股`) are no units of their own.
        let orgs: Vec<&String> = texts
            .iter()
            .filter(|t| is_org(t) && !crate::layout::office_inside(t))
            .collect();
        let within = orgs
            .iter()
            .filter(|t| t.len() > own.len() && t.starts_with(own.as_str()))
            .count();
        let names: std::collections::BTreeSet<&String> = orgs.iter().copied().collect();
        if texts.len() >= 3
            && orgs.len() * 10 >= texts.len() * 6
            && names.len() >= 2
            && within * 10 < orgs.len() * 6
            && best.is_none_or(|(_, n)| names.len() > n)
        {
            best = Some((c.col, names.len()));
        }
    }
    let (col, names) = best?;
    let label = layout
        .columns
        .iter()
        .find(|c| c.col == col)
        .map(|c| c.label.clone())
        .unwrap_or_default();
    let fact = Fact::UncertainUnit {
        guessed: first.unit.clone(),
        from: first.unit_source,
        other: (col, label),
        names: names as u32,
        left_out: !settings.accept_uncertain,
    };
    Some(uncertain(first, Field::Unit, fact, settings))
}

/// The unit of a sheet is unknown when it names only the section that filed it (a filing
/// section is no unit), no column names units, and its file's name names no organisation: the
/// items would be counted under `附件1`.
fn filer_only(ledgers: &[Ledger], settings: &Settings) -> Option<Finding> {
    let first = ledgers.first()?;
    let filer = first.layout.title_unit.as_ref()?;
    if first.layout.column_of(Field::Unit).is_some()
        || first.unit_source != crate::layout::UnitSource::FileName
        || !crate::ledger::filing_section(filer)
        || crate::layout::evidence::organisation_name(&first.unit)
    {
        return None;
    }
    let fact = Fact::FilerOnly {
        filer: filer.clone(),
        guessed: first.unit.clone(),
        left_out: !settings.accept_uncertain,
    };
    Some(uncertain(first, Field::Unit, fact, settings))
}

/// The unit of a sheet is unknown when nothing names it: no meta row or column of units, a
/// file's name that is only the annex it was sent as (`附件1.xlsx`) or names no organisation
/// under a title naming only who inspected (`县委第三巡察组…`): the items would be counted
/// under the file's name. (A clerk's own file named `台账.xlsx` is theirs, as named.)
fn unit_unnamed(ledgers: &[Ledger], settings: &Settings) -> Option<Finding> {
    let first = ledgers.first()?;
    let layout = &first.layout;
    let (stem, named) = crate::layout::named_by_file(&first.file);
    // Only the annex it was sent as: `附件1`, not `附件` alone.
    let annex = stem != "附件" && crate::layout::after_annex(&stem) == Some("");
    if layout.column_of(Field::Unit).is_some()
        || first.unit_source != crate::layout::UnitSource::FileName
        || layout.title_unit.is_some()
        || named.is_some()
        || !(annex || layout.lone_title_organisation.is_some())
    {
        return None;
    }
    let fact = Fact::UnitUnnamed {
        guessed: first.unit.clone(),
        inspector: layout.lone_title_organisation.clone(),
        left_out: !settings.accept_uncertain,
    };
    Some(uncertain(first, Field::Unit, fact, settings))
}

/// The unit column is doubtful when another column names units about as surely (the layout
/// found them close) and the two group the rows differently: the units counted would depend
/// on the choice.
fn ambiguous_unit(ledgers: &[Ledger], settings: &Settings) -> Option<Finding> {
    let first = ledgers.first()?;
    let layout = &first.layout;
    let choice = layout.choice(Field::Unit)?;
    if choice.evidence.fixed {
        return None;
    }
    let index = |col: u32| layout.columns.iter().position(|c| c.col == col);
    let a = index(choice.col)?;
    let mut grouped_by_place = false;
    let b = match layout.close.iter().find(|c| c.field == Field::Unit) {
        Some(close) => index(close.other)?,
        // A place (`所属街道`, `所在乡镇`) chosen over a column of the institutions inspected
        // there (`机构名称`, `经营主体`): the rows may be either's.
        None if crate::layout::is_place(&layout.columns[a].label) => {
            (0..layout.columns.len()).find(|k| *k != a && inspected_column(ledgers, *k))?
        }
        // Rows grouped by place (`所属乡镇` merged down over each township's rows) with a column
        // of organisations held to them beside it: the sheet may be the places'.
        None => {
            grouped_by_place = true;
            (0..layout.columns.len()).find(|k| {
                *k != a
                    && crate::layout::is_place(&layout.columns[*k].label)
                    && in_runs(ledgers, *k)
            })?
        }
    };
    // The same grouping under other names is no doubt: each unit of one column is one unit
    // of the other.
    let (within, same) = crate::layout::grouping(
        column_texts(ledgers, a)
            .into_iter()
            .zip(column_texts(ledgers, b)),
    );
    // Each organisation within one place of those grouping the rows: the place describes it.
    if within && (same || grouped_by_place) {
        return None;
    }
    // The ones inspected (`被审计村`) each within one place of the other column (`所属乡镇`):
    // the place is the level above them, no rival.
    // So are the organisations named in a column of their own (`企业名称`) each within the
    // place it says they lie in (`所属乡镇`, `所在街道`): the place describes them.
    let ha = crate::value::header::normalize_header(&layout.columns[a].label);
    let hb = crate::value::header::normalize_header(&layout.columns[b].label);
    if within
        && crate::layout::is_place(&layout.columns[b].label)
        && (ha.starts_with('被')
            || (crate::layout::names_units(&layout.columns[a].label)
                && !crate::layout::is_place(&layout.columns[a].label)
                && ["所属", "所在"].iter().any(|p| hb.starts_with(p))))
    {
        return None;
    }
    let label = |k: usize| (layout.columns[k].col, layout.columns[k].label.clone());
    let fact = Fact::AmbiguousUnit {
        chosen: label(a),
        other: label(b),
        left_out: !settings.accept_uncertain,
    };
    Some(uncertain(first, Field::Unit, fact, settings))
}

/// True when the sheet's column `k` groups the rows as a clerk groups them, by merging: two
/// values at least, each merged down over one run of rows (in the sheet's order; blank rows
/// within a run belong to it), two rows a value on average. Rows merely sorted by the column (an
/// export sorted by street) do not group them.
fn in_runs(ledgers: &[Ledger], k: usize) -> bool {
    let mut cells = column_cells(ledgers, k);
    cells.sort_by_key(|(row, ..)| *row);
    let mut runs: Vec<&String> = Vec::new();
    let (mut rows, mut merged) = (0usize, 0usize);
    for (_, t, m) in &cells {
        match t {
            Some(t) if runs.last() != Some(&t) => runs.push(t),
            _ => {}
        }
        if !runs.is_empty() {
            rows += 1;
            merged += usize::from(*m);
        }
    }
    let distinct: std::collections::HashSet<&&String> = runs.iter().collect();
    distinct.len() >= 2
        && distinct.len() == runs.len()
        && rows >= 2 * runs.len()
        && merged * 2 >= rows - runs.len()
}

/// True for a column of the institutions inspected (`机构名称`, `经营主体`, `企业名称`): its header
/// names units ([`crate::layout::names_units`]) but none held responsible, and two or more
/// organisations fill most of it.
fn inspected_column(ledgers: &[Ledger], k: usize) -> bool {
    let Some(c) = ledgers.first().and_then(|l| l.layout.columns.get(k)) else {
        return false;
    };
    // Inspected, not held responsible: `责任单位` beside `所在乡镇` is the dialects' 督察 ledger,
    // whose rows are the townships'.
    let h = crate::value::header::normalize_header(&c.label);
    if !crate::layout::names_units(&c.label)
        || crate::layout::is_place(&c.label)
        || crate::layout::HELD.iter().any(|w| h.contains(w))
    {
        return false;
    }
    let texts: Vec<String> = column_texts(ledgers, k).into_iter().flatten().collect();
    let orgs: Vec<&String> = texts
        .iter()
        .filter(|t| crate::layout::evidence::organisation_name(t))
        .collect();
    let names: std::collections::BTreeSet<&&String> = orgs.iter().collect();
    texts.len() >= 3 && orgs.len() * 10 >= texts.len() * 6 && names.len() >= 2
}

/// A status or deadline column is doubtful when another column came close to it (the layout
/// found them close) and the two read differently on some rows (one in ten at least): the
/// numbers counted would depend on the choice.
fn ambiguous_state(ledgers: &[Ledger], settings: &Settings) -> Option<Finding> {
    let first = ledgers.first()?;
    let layout = &first.layout;
    let year = chrono::Datelike::year(&settings.as_of);
    for field in [Field::Status, Field::Deadline] {
        let Some(choice) = layout.choice(field) else {
            continue;
        };
        let Some(close) = layout.close.iter().find(|c| c.field == field) else {
            continue;
        };
        if choice.evidence.fixed || layout.status_series.contains(&close.other) {
            continue;
        }
        let index = |col: u32| layout.columns.iter().position(|c| c.col == col);
        let (Some(a), Some(b)) = (index(choice.col), index(close.other)) else {
            continue;
        };
        // The day a deadline was put off to is read with it, no rival of it.
        if field == Field::Deadline
            && crate::value::header::extends_deadline(&layout.columns[b].label)
        {
            continue;
        }
        // Nor is the deadline first set and since replaced (`原定期限`).
        if field == Field::Deadline
            && crate::value::header::superseded_deadline(&layout.columns[b].label)
        {
            continue;
        }
        let read = |t: &Option<String>| -> Option<String> {
            let t = t.as_deref()?;
            match field {
                Field::Status => settings
                    .statuses
                    .parse(t)
                    .map(|s| s.is_closed().to_string()),
                _ => {
                    crate::value::deadline::parse_deadline(t, year).map(|p| p.deadline.canonical())
                }
            }
        };
        let (mut compared, mut differ) = (0usize, 0usize);
        for (x, y) in column_texts(ledgers, a)
            .iter()
            .zip(column_texts(ledgers, b).iter())
        {
            if let (Some(x), Some(y)) = (read(x), read(y)) {
                compared += 1;
                differ += usize::from(x != y);
            }
        }
        if compared >= 3 && differ * 10 >= compared {
            let label = |k: usize| (layout.columns[k].col, layout.columns[k].label.clone());
            let fact = Fact::AmbiguousState {
                field,
                chosen: label(a),
                other: label(b),
                differ: differ as u32,
                compared: compared as u32,
                left_out: !settings.accept_uncertain,
            };
            return Some(uncertain(first, field, fact, settings));
        }
    }
    None
}

/// The reading of a sheet, from its ledgers (a sheet split by unit has several).
pub(crate) fn reading(ledgers: &[Ledger], settings: &Settings) -> Reading {
    let share = |field: Field| {
        let col = ledgers.first()?.layout.column_of(field)?;
        let (read, filled) = read_share(ledgers, col, field, settings);
        (filled > 0).then(|| (read as f64 * 100.0 / filled as f64).floor() as u32)
    };
    let (status_read, deadline_read) = (share(Field::Status), share(Field::Deadline));
    Reading {
        confidence: status_read
            .into_iter()
            .chain(deadline_read)
            .min()
            .unwrap_or(100),
        status_read,
        deadline_read,
    }
}

/// How many cells of another column are read to judge it as an alternative.
const ALTERNATIVE_SAMPLE: usize = 200;

/// The least share of a status or deadline column's cells that must read for a sheet's
/// reading to be sure.
pub(crate) const SURE_SHARE: f64 = 0.6;

/// `uncertain-reading`: a sheet whose status or deadline column is read with too little
/// evidence — fewer than [`SURE_SHARE`] of its cells read, or another column reads far better
/// (at least 80 %, and 30 points more) — unless the configuration fixes that column. The
/// finding names the field, the column used and the best other one. `ledgers` are the sheet's.
pub(crate) fn uncertain_reading(ledgers: &[Ledger], settings: &Settings) -> Option<Finding> {
    let first = ledgers.first()?;
    let layout = &first.layout;
    if let Some(f) = uncertain_unit(ledgers, settings)
        .or_else(|| filer_only(ledgers, settings))
        .or_else(|| unit_unnamed(ledgers, settings))
        .or_else(|| ambiguous_unit(ledgers, settings))
        .or_else(|| ambiguous_state(ledgers, settings))
        .or_else(|| unit_per_row(ledgers, settings))
    {
        return Some(f);
    }
    for field in [Field::Status, Field::Deadline] {
        let Some(choice) = layout.choice(field) else {
            continue;
        };
        if choice.evidence.fixed {
            continue;
        }
        let (read, filled) = read_share(ledgers, choice.col, field, settings);
        if filled < 3 {
            continue;
        }
        let share = read as f64 / filled as f64;
        // No other column can read 30 points more than one that reads over 70 %: the
        // alternatives are looked at only when they could matter.
        if share > 0.7 {
            continue;
        }
        let best = layout
            .columns
            .iter()
            .filter(|c| c.col != choice.col)
            .filter(|c| !matches!(c.field, Some(f) if Field::CORE.contains(&f)))
            .map(|c| {
                let (r, n) = read_share(ledgers, c.col, field, settings);
                (c, if n >= 3 { r as f64 / n as f64 } else { 0.0 })
            })
            .max_by(|a, b| a.1.total_cmp(&b.1));
        let better = best.filter(|(_, s)| *s >= 0.8 && *s >= share + 0.3);
        if share >= SURE_SHARE && better.is_none() {
            continue;
        }
        let label = |c: &crate::layout::Column| (c.col, c.label.clone());
        let chosen = layout
            .columns
            .iter()
            .find(|c| c.col == choice.col)
            .map(label)
            .unwrap_or((choice.col, String::new()));
        let other = better.or(best.filter(|(_, s)| *s > share));
        let fact = Fact::UncertainReading {
            chosen,
            other: other.map(|(c, _)| label(c)),
            read: (share * 100.0).round() as u32,
            other_read: other.map_or(0, |(_, s)| (s * 100.0).round() as u32),
            left_out: !settings.accept_uncertain,
        };
        return Some(uncertain(first, field, fact, settings));
    }
    None
}

// ---- ledger-level rules ----

/// Runs every ledger-level rule and orders the findings by cell, then rule. The rules on the
/// sheet's columns run for its first ledger only (a sheet split by unit says them once).
pub fn check_ledger(ledger: &Ledger, settings: &Settings) -> Vec<Finding> {
    let mut out = Vec::new();
    if ledger.first_of_sheet {
        out.extend(no_data(ledger));
        out.extend(rows_after_footer(ledger));
        out.extend(missing_column(ledger, settings));
        out.extend(duplicate_column(ledger));
        out.extend(ambiguous_column(ledger));
    }
    out.extend(missing_cell(ledger, settings));
    out.extend(bad_deadline(ledger));
    out.extend(bad_status(ledger));
    out.extend(bad_date(ledger));
    out.extend(year_inferred(ledger));
    out.extend(overdue(ledger, settings));
    out.extend(due_soon(ledger, settings));
    out.extend(done_late(ledger, settings));
    out.extend(duplicate_measure(ledger));
    out.extend(numbering(ledger));
    out.extend(unit_mismatch(ledger));
    out.extend(cell_too_long(ledger));
    out.extend(duplicate_id(ledger));
    out.extend(bad_id(ledger));
    out.extend(new_measure(ledger));
    out.extend(void_rows(ledger));
    out.extend(copied_rows(ledger));
    out.extend(stale_status(ledger));
    out.sort_by_key(|f| (f.cell.map(|c| (c.row, c.col)), f.rule));
    out
}

/// `void-row`: the rows of a unit that are no item by their state (`作废`, `重复来信`), at the
/// first, with how many and their states: a warning, as they are not counted.
pub(crate) fn void_rows(ledger: &Ledger) -> Vec<Finding> {
    // (unit, first cell, rows, words), units in the order met: a unit whose every row was
    // set aside is named too, under its own name.
    let mut by_unit: Vec<(String, CellRef, usize, Vec<String>)> = Vec::new();
    for v in &ledger.set_aside {
        let Aside::Void(word) = &v.why else { continue };
        let unit = if v.unit.is_empty() {
            ledger.unit.clone()
        } else {
            v.unit.clone()
        };
        let k = match by_unit.iter().position(|(u, ..)| *u == unit) {
            Some(k) => k,
            None => {
                by_unit.push((unit, v.cell, 0, Vec::new()));
                by_unit.len() - 1
            }
        };
        by_unit[k].2 += 1;
        if !by_unit[k].3.contains(word) {
            by_unit[k].3.push(word.clone());
        }
    }
    by_unit
        .into_iter()
        .map(|(unit, cell, rows, words)| {
            let mut f = at(
                ledger,
                Rule::VoidRow,
                Some(cell),
                Some(Field::Status),
                Fact::VoidRows { rows, words },
            );
            f.unit = unit;
            f
        })
        .collect()
}

/// `stale-status`: a status cell the latest of the dated reports in the log beside it
/// contradicts, named at the status cell; counted as written.
pub(crate) fn stale_status(ledger: &Ledger) -> Vec<Finding> {
    ledger
        .rows
        .iter()
        .filter_map(|r| {
            let (written, log, entry) = r.stale.as_ref()?;
            let fact = Fact::StaleStatus {
                written: written.text(),
                log_col: log.col,
                entry: entry.clone(),
            };
            Some(at(
                ledger,
                Rule::StaleStatus,
                Some(written.at),
                Some(Field::Status),
                fact,
            ))
        })
        .collect()
}

/// `repeated-row`: a row repeating every cell of a row above, its identifier too (the same
/// ticket exported twice): counted once, named at the copy.
pub(crate) fn copied_rows(ledger: &Ledger) -> Vec<Finding> {
    ledger
        .set_aside
        .iter()
        .filter_map(|v| match &v.why {
            Aside::CopyOf(of, id) => Some(at(
                ledger,
                Rule::RepeatedRow,
                Some(v.cell),
                None,
                Fact::CopiedRow {
                    of_row: of + 1,
                    id: id.clone(),
                },
            )),
            Aside::Void(_) => None,
        })
        .collect()
}

/// `rows-after-footer`: measures typed below the footer, where they are not read: an error
/// (they count for nothing until they are moved above it), at the first such row.
pub(crate) fn rows_after_footer(ledger: &Ledger) -> Vec<Finding> {
    let Some(first) = ledger.below_footer.first() else {
        return Vec::new();
    };
    let fact = Fact::RowsAfterFooter {
        rows: ledger.below_footer.len(),
        footer_row: ledger.layout.data_end + 1,
    };
    vec![at(
        ledger,
        Rule::RowsAfterFooter,
        Some(CellRef::new(*first, 0)),
        None,
        fact,
    )]
}

/// `no-data`: a ledger sheet whose header has no measure under it — a template sent back
/// blank, or rows typed where they are not read.
pub(crate) fn no_data(ledger: &Ledger) -> Vec<Finding> {
    if !ledger.measures.is_empty() || !ledger.below_footer.is_empty() {
        return Vec::new();
    }
    let fact = Fact::NoData {
        header_row: ledger.header_row_1based(),
    };
    vec![at(ledger, Rule::NoData, None, None, fact)]
}

/// `missing-column`: a required field has no column (see
/// [`crate::layout::Layout::missing_fields`]).
pub(crate) fn missing_column(ledger: &Ledger, s: &Settings) -> Vec<Finding> {
    let header_row = ledger.header_row_1based();
    ledger
        .layout
        .missing_fields(s.required())
        .into_iter()
        .map(|field| {
            at(
                ledger,
                Rule::MissingColumn,
                None,
                Some(field),
                Fact::MissingColumn { header_row },
            )
        })
        .collect()
}

/// `duplicate-column`: two columns name the same field; the first is used, the second kept as an
/// extra column.
pub(crate) fn duplicate_column(ledger: &Ledger) -> Vec<Finding> {
    let header = ledger.layout.header_row;
    ledger
        .layout
        .duplicates
        .iter()
        .map(|(field, col)| {
            let cell = CellRef::new(header + ledger.layout.header_height - 1, *col);
            let used = ledger.layout.column_of(*field).unwrap_or(0);
            let mut f = at(
                ledger,
                Rule::DuplicateColumn,
                Some(cell),
                Some(*field),
                Fact::DuplicateColumn { used },
            );
            f.value = ledger
                .layout
                .columns
                .iter()
                .find(|c| c.col == *col)
                .map(|c| c.label.clone());
            f
        })
        .collect()
}

/// `missing-cell`: a required field is empty in a data row (after fill-down).
pub(crate) fn missing_cell(ledger: &Ledger, s: &Settings) -> Vec<Finding> {
    let mut out = Vec::new();
    let fields = ledger.layout.fields_to_fill(s.required());
    // A problem's own line over its measures' rows holds no measure, and needs none.
    let measured: std::collections::HashSet<usize> =
        ledger.measures.iter().map(|m| m.row).collect();
    for (i, row) in ledger.rows.iter().enumerate() {
        if !measured.contains(&i) {
            continue;
        }
        for field in fields.iter().copied() {
            let Some(col) = ledger.layout.column_of(field) else {
                continue;
            };
            // An error value (`#N/A`, `#REF!`) is not content.
            let error = match row.get(field) {
                Some(FieldCell {
                    value: crate::source::grid::CellValue::Error(e),
                    ..
                }) => Some(e.clone()),
                Some(_) => continue,
                None => None,
            };
            let mut f = at(
                ledger,
                Rule::MissingCell,
                Some(CellRef::new(row.row, col)),
                Some(field),
                Fact::MissingCell {
                    error: error.clone(),
                },
            );
            f.value = Some(error.unwrap_or_default());
            out.push(f);
        }
    }
    out
}

/// Findings on a parsed field, once per source cell (a merged cell is reported once).
fn per_source_cell<T>(
    ledger: &Ledger,
    field: Field,
    pick: impl Fn(&crate::ledger::DataRow) -> Option<T>,
    mut make: impl FnMut(&FieldCell, T) -> Finding,
) -> Vec<Finding> {
    let mut seen = HashSet::new();
    let mut out = Vec::new();
    for row in &ledger.rows {
        let (Some(cell), Some(x)) = (row.get(field), pick(row)) else {
            continue;
        };
        if seen.insert(cell.source) {
            out.push(make(cell, x));
        }
    }
    out
}

/// A finding on a source cell whose text is the finding's value.
fn on_cell(ledger: &Ledger, rule: Rule, field: Field, cell: &FieldCell, fact: Fact) -> Finding {
    let mut f = at(ledger, rule, Some(cell.source), Some(field), fact);
    f.value = Some(cell.text());
    f
}

/// `bad-deadline`: a deadline no rule of spec 2.2 reads.
pub(crate) fn bad_deadline(ledger: &Ledger) -> Vec<Finding> {
    per_source_cell(
        ledger,
        Field::Deadline,
        |r| (r.deadline == Parsed::Bad).then_some(()),
        |cell, ()| {
            on_cell(
                ledger,
                Rule::BadDeadline,
                Field::Deadline,
                cell,
                Fact::BadDeadline,
            )
        },
    )
}

/// `bad-status`: a status no rule of spec 2.2 reads.
pub(crate) fn bad_status(ledger: &Ledger) -> Vec<Finding> {
    // One finding per word, at its first cell, naming the others: a system's state word that
    // does not read is one thing to teach, not one error per row.
    let mut words: Vec<(String, Finding)> = Vec::new();
    let mut seen = HashSet::new();
    for row in &ledger.rows {
        let Some(cell) = row.get(Field::Status) else {
            continue;
        };
        if row.status != Parsed::Bad || !seen.insert(cell.source) {
            continue;
        }
        let word = crate::value::text::squash(&cell.text());
        match words.iter_mut().find(|(w, _)| *w == word) {
            Some((_, f)) => {
                if let Fact::BadStatus { also } = &mut f.fact {
                    also.push(cell.source);
                }
            }
            None => {
                let f = on_cell(
                    ledger,
                    Rule::BadStatus,
                    Field::Status,
                    cell,
                    Fact::BadStatus { also: Vec::new() },
                );
                words.push((word, f));
            }
        }
    }
    words.into_iter().map(|(_, f)| f).collect()
}

/// `bad-date`: a completion date no rule reads.
pub(crate) fn bad_date(ledger: &Ledger) -> Vec<Finding> {
    per_source_cell(
        ledger,
        Field::CompletedOn,
        |r| (r.completed_on == Parsed::Bad).then_some(()),
        |cell, ()| {
            on_cell(
                ledger,
                Rule::BadDate,
                Field::CompletedOn,
                cell,
                Fact::BadDate,
            )
        },
    )
}

/// `year-inferred`: a deadline without a year; the as-of date's year is used.
pub(crate) fn year_inferred(ledger: &Ledger) -> Vec<Finding> {
    per_source_cell(
        ledger,
        Field::Deadline,
        |r| match r.deadline {
            Parsed::Ok(p) if p.year_inferred => Some(p.deadline),
            _ => None,
        },
        |cell, d| {
            on_cell(
                ledger,
                Rule::YearInferred,
                Field::Deadline,
                cell,
                Fact::YearInferred { read_as: d },
            )
        },
    )
}

fn measure_ref(ledger: &Ledger, m: &Measure) -> MeasureRef {
    MeasureRef {
        problem: ledger.problems[m.problem].number,
        measure: m.number,
        text: m.text.clone(),
    }
}

fn deadline_cell(ledger: &Ledger, m: &Measure) -> Option<CellRef> {
    let row = ledger.row_of(m);
    row.get(Field::Deadline).map(|c| c.at).or_else(|| {
        ledger
            .layout
            .column_of(Field::Deadline)
            .map(|col| CellRef::new(row.row, col))
    })
}

fn due_of(ledger: &Ledger, m: &Measure, s: &Settings) -> Option<Due> {
    let d = ledger.deadline_of(m)?;
    Some(match d.due_date(s.feedback_date) {
        Some(day) => Due::Day(day),
        None => Due::Deadline(d),
    })
}

/// A finding on a measure's deadline cell.
fn on_deadline(ledger: &Ledger, m: &Measure, rule: Rule, fact: Fact) -> Finding {
    let mut f = at(
        ledger,
        rule,
        deadline_cell(ledger, m),
        Some(Field::Deadline),
        fact,
    );
    f.value = Some(ledger.row_of(m).text(Field::Deadline));
    f
}

/// `overdue`: deadline strictly before the as-of date and status neither done nor long-term;
/// one finding per measure.
pub(crate) fn overdue(ledger: &Ledger, s: &Settings) -> Vec<Finding> {
    ledger
        .measures
        .iter()
        .filter(|m| measure_timing(ledger, m, s) == Some(Timing::Overdue))
        .filter_map(|m| {
            let fact = Fact::Overdue {
                measure: measure_ref(ledger, m),
                due: due_of(ledger, m, s)?,
                status: ledger.status_of(m),
            };
            Some(on_deadline(ledger, m, Rule::Overdue, fact))
        })
        .collect()
}

/// `due-soon`: as-of ≤ deadline ≤ as-of + window, status in progress or not started.
pub(crate) fn due_soon(ledger: &Ledger, s: &Settings) -> Vec<Finding> {
    ledger
        .measures
        .iter()
        .filter(|m| measure_timing(ledger, m, s) == Some(Timing::DueSoon))
        .filter_map(|m| {
            let fact = Fact::DueSoon {
                measure: measure_ref(ledger, m),
                due: due_of(ledger, m, s)?,
            };
            Some(on_deadline(ledger, m, Rule::DueSoon, fact))
        })
        .collect()
}

/// `done-late`: completed after the deadline; one finding per measure.
pub(crate) fn done_late(ledger: &Ledger, s: &Settings) -> Vec<Finding> {
    ledger
        .measures
        .iter()
        .filter_map(|m| {
            let row = ledger.row_of(m);
            let done = row.completed_on.ok()?;
            let due = ledger.deadline_of(m)?.due_date(s.feedback_date)?;
            (done > due).then_some((m, done, due))
        })
        .map(|(m, done, due)| {
            let row = ledger.row_of(m);
            let cell = row.get(Field::CompletedOn).map(|c| c.at);
            let fact = Fact::DoneLate {
                measure: measure_ref(ledger, m),
                done,
                due,
            };
            let mut f = at(ledger, Rule::DoneLate, cell, Some(Field::CompletedOn), fact);
            f.value = Some(row.text(Field::CompletedOn));
            f
        })
        .collect()
}

/// `duplicate-measure`: the same measure text twice under the same problem.
pub(crate) fn duplicate_measure(ledger: &Ledger) -> Vec<Finding> {
    let mut out = Vec::new();
    for p in &ledger.problems {
        // A problem with one measure cannot repeat it.
        if p.measures.len() < 2 {
            continue;
        }
        let mut first: HashMap<String, (CellRef, Option<u32>, u32)> = HashMap::new();
        for m in p.measures.iter().map(|i| &ledger.measures[*i]) {
            let key: String = m
                .text
                .chars()
                .map(half_width_char)
                .filter(|c| !is_space(*c) && !is_punct(*c))
                .collect();
            if key.is_empty() {
                continue;
            }
            let row = ledger.row_of(m);
            let Some(cell) = row.get(Field::Measure) else {
                continue;
            };
            let here = (cell.source, m.item.map(|i| i.0));
            match first.get(&key) {
                // The same cell merged over rows is one measure written once.
                Some((src, item, _)) if (*src, *item) == here => {}
                Some((_, _, n)) => {
                    let fact = Fact::DuplicateMeasure {
                        problem: p.number,
                        measure: m.number,
                        repeats: *n,
                        text: m.text.clone(),
                    };
                    let mut f = at(
                        ledger,
                        Rule::DuplicateMeasure,
                        Some(cell.at),
                        Some(Field::Measure),
                        fact,
                    );
                    f.value = Some(cell.text());
                    out.push(f);
                }
                None => {
                    first.insert(key, (here.0, here.1, m.number));
                }
            }
        }
    }
    out
}

/// `duplicate-id`: a measure whose ID a measure before it in the ledger carries (a row copied
/// with its hidden ID cell). Named at the later row's ID cell.
pub(crate) fn duplicate_id(ledger: &Ledger) -> Vec<Finding> {
    let mut first: HashMap<crate::value::id::MeasureId, CellRef> = HashMap::new();
    let mut out = Vec::new();
    for m in &ledger.measures {
        let Some(cell) = m.id_cell else { continue };
        match first.get(&m.id) {
            Some(at_first) => {
                let fact = Fact::DuplicateId {
                    id: m.id.to_string(),
                    first: ledger.locate(*at_first),
                };
                let mut f = at(ledger, Rule::DuplicateId, Some(cell), Some(Field::Id), fact);
                f.value = Some(m.id.to_string());
                out.push(f);
            }
            None => {
                first.insert(m.id, cell);
            }
        }
    }
    out
}

/// `bad-id`: an ID cell that holds something no ID reads as; the measure is given a new ID.
pub(crate) fn bad_id(ledger: &Ledger) -> Vec<Finding> {
    ledger
        .measures
        .iter()
        .filter(|m| m.id_cell.is_none() && m.item.is_none_or(|(k, _)| k == 1))
        .filter_map(|m| {
            let cell = ledger.row_of(m).get(Field::Id)?;
            if cell.is_filled() || cell.value.is_blank() {
                return None;
            }
            let fact = Fact::BadId {
                measure: measure_ref(ledger, m),
            };
            let mut f = at(ledger, Rule::BadId, Some(cell.at), Some(Field::Id), fact);
            f.value = Some(cell.text());
            Some(f)
        })
        .collect()
}

/// `new-measure`: in a ledger with an ID column, a measure whose row has no ID (or, for an
/// enumerated cell, an item after the first): one the unit added.
pub(crate) fn new_measure(ledger: &Ledger) -> Vec<Finding> {
    let Some(col) = ledger.layout.column_of(Field::Id) else {
        return Vec::new();
    };
    ledger
        .measures
        .iter()
        .filter(|m| m.id_cell.is_none())
        .filter(|m| {
            let row = ledger.row_of(m);
            m.item.is_some_and(|(k, _)| k > 1)
                || row
                    .get(Field::Id)
                    .is_none_or(|c| c.is_filled() || c.value.is_blank())
        })
        .map(|m| {
            let fact = Fact::NewMeasure {
                measure: measure_ref(ledger, m),
                id: m.id.to_string(),
            };
            let cell = CellRef::new(ledger.row_of(m).row, col);
            at(ledger, Rule::NewMeasure, Some(cell), Some(Field::Id), fact)
        })
        .collect()
}

/// `numbering`: `seq` values that skip or repeat. Each `seq` cell counts once (a merged one
/// too); a value repeated on consecutive rows numbers one problem and is not a repeat; the
/// numbering may start again at 1 under a new category (a jump is a jump, category or not); a
/// unit's share of a sheet several units share is numbered by the sheet, so only its repeats
/// count.
pub(crate) fn numbering(ledger: &Ledger) -> Vec<Finding> {
    let mut out = Vec::new();
    let mut seen_cells = HashSet::new();
    let mut seen_values = HashSet::new();
    let mut prev: Option<u32> = None;
    let mut category: Option<String> = None;
    for row in &ledger.rows {
        let Some(cell) = row.get(Field::Seq) else {
            continue;
        };
        if !seen_cells.insert(cell.source) {
            continue;
        }
        let Some(n) = seq_number(&cell.text()) else {
            continue;
        };
        // Ledgers often number problems anew under each category.
        let cat = row.get(Field::Category).map(|c| collapse_spaces(&c.text()));
        if cat != category {
            category = cat;
            if n == 1 {
                prev = None;
                seen_values.clear();
            }
        }
        if prev == Some(n) {
            continue;
        }
        let fault = if seen_values.contains(&n) || prev.is_some_and(|p| n < p) {
            Some(NumberingFault::Repeats(n))
        } else if ledger.shares_sheet {
            // The numbers between are other units' rows of the sheet.
            None
        } else {
            prev.filter(|p| n > p + 1)
                .map(|p| NumberingFault::Jumps(p, n))
        };
        if let Some(fault) = fault {
            let mut f = at(
                ledger,
                Rule::Numbering,
                Some(cell.source),
                Some(Field::Seq),
                Fact::Numbering(fault),
            );
            f.value = Some(cell.text());
            out.push(f);
        }
        seen_values.insert(n);
        prev = Some(n);
    }
    out
}

/// `ambiguous-column`: two columns are close for one field; the finding names both and the
/// configuration line that settles it. One per field, at the header of the column used.
pub(crate) fn ambiguous_column(ledger: &Ledger) -> Vec<Finding> {
    let label = |col: u32| {
        ledger
            .layout
            .columns
            .iter()
            .find(|c| c.col == col)
            .map(|c| c.label.clone())
            .unwrap_or_default()
    };
    let mut seen = HashSet::new();
    let header = ledger.layout.header_row + ledger.layout.header_height - 1;
    ledger
        .layout
        .close
        .iter()
        .filter(|c| seen.insert(c.field))
        .map(|c| {
            let fact = Fact::AmbiguousColumn {
                chosen: (c.chosen, label(c.chosen)),
                other: (c.other, label(c.other)),
            };
            let mut f = at(
                ledger,
                Rule::AmbiguousColumn,
                Some(CellRef::new(header, c.chosen)),
                Some(c.field),
                fact,
            );
            f.value = Some(label(c.chosen));
            f
        })
        .collect()
}

/// `unit-mismatch`: the sheet's title, name or configuration names a unit that none of the
/// rows' unit column names; the column wins. Said once per sheet.
pub(crate) fn unit_mismatch(ledger: &Ledger) -> Vec<Finding> {
    let Some((named, by)) = &ledger.overridden else {
        return Vec::new();
    };
    let fact = Fact::UnitMismatch {
        named: named.clone(),
        by: *by,
    };
    let cell = ledger
        .layout
        .column_of(Field::Unit)
        .map(|col| CellRef::new(ledger.layout.header_row, col));
    vec![at(
        ledger,
        Rule::UnitMismatch,
        cell,
        Some(Field::Unit),
        fact,
    )]
}

/// `cell-too-long`: a field's cell holds more than a spreadsheet cell can
/// ([`crate::schema::MAX_CELL_CHARS`]); the consolidated ledger holds it cut with a marker
/// ([`crate::schema::ledger::fit_cell`]), so the source must be fixed. Reported once per source
/// cell, with the start of its text.
pub(crate) fn cell_too_long(ledger: &Ledger) -> Vec<Finding> {
    let limit = crate::schema::MAX_CELL_CHARS;
    let mut out = Vec::new();
    for field in Field::ALL {
        out.extend(per_source_cell(
            ledger,
            field,
            |r| {
                let c = r.get(field)?;
                let t = match &c.value {
                    crate::source::grid::CellValue::Text(t) => t,
                    _ => return None,
                };
                // Bytes first: a text of no more bytes than the limit has no more characters.
                (t.len() > limit)
                    .then(|| t.chars().count())
                    .filter(|&n| n > limit)
            },
            |cell, chars| {
                let mut f = at(
                    ledger,
                    Rule::CellTooLong,
                    Some(cell.source),
                    Some(field),
                    Fact::CellTooLong { chars },
                );
                let start: String = cell.text().chars().take(40).collect();
                f.value = Some(start + "…");
                f
            },
        ));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::layout::find_layout;
    use crate::ledger::build_ledger;
    use crate::source::grid::{CellValue, Sheet};
    use chrono::NaiveDate;

    fn ledger(rows: &[&[&str]], s: &Settings) -> Ledger {
        let mut cells = Vec::new();
        for (r, row) in rows.iter().enumerate() {
            for (c, v) in row.iter().enumerate() {
                if !v.is_empty() {
                    cells.push((r as u32, c as u32, CellValue::Text(v.to_string())));
                }
            }
        }
        let sheet = Sheet::from_cells("台账", cells);
        let layout = find_layout(&sheet, s, "a.xlsx").unwrap();
        build_ledger(&sheet, layout, "a.xlsx", "a.xlsx", s)
    }

    fn settings() -> Settings {
        Settings::new(NaiveDate::from_ymd_opt(2023, 3, 30).unwrap())
    }

    const HEADER: &[&str] = &[
        "序号",
        "反馈问题",
        "整改措施",
        "责任领导",
        "责任科室",
        "责任人",
        "整改时限",
        "完成情况",
        "完成时间",
    ];

    fn rules(f: &[Finding]) -> Vec<(String, String)> {
        f.iter()
            .map(|f| {
                (
                    f.rule.id().to_string(),
                    f.cell.map(|c| c.to_string()).unwrap_or_default(),
                )
            })
            .collect()
    }

    #[test]
    fn a_clean_ledger_has_no_findings() {
        let s = settings();
        let l = ledger(
            &[
                HEADER,
                &[
                    "1",
                    "问题",
                    "措施",
                    "王",
                    "党办",
                    "李",
                    "2023年6月底",
                    "已完成",
                    "2023年3月1日",
                ],
            ],
            &s,
        );
        assert!(check_ledger(&l, &s).is_empty());
    }

    #[test]
    fn measures_below_the_footer_are_an_error_not_silence() {
        let s = settings();
        let row: &[&str] = &[
            "1",
            "问题",
            "措施",
            "王",
            "党办",
            "李",
            "2023年6月底",
            "已完成",
            "",
        ];
        let late: &[&str] = &[
            "2",
            "问题二",
            "措施二",
            "王",
            "党办",
            "李",
            "2023年6月底",
            "推进中",
            "",
        ];
        let l = ledger(&[HEADER, row, &["填报人:张三"], late, late], &s);
        assert_eq!(l.measures.len(), 1);
        let found = rules(&check_ledger(&l, &s));
        assert_eq!(found, [("rows-after-footer".to_string(), "A4".to_string())]);
        // A footer with nothing below it, or notes below it, is no finding.
        let l = ledger(
            &[
                HEADER,
                row,
                &["填报人:张三"],
                &["注:1.完成情况从下拉列表选择"],
            ],
            &s,
        );
        assert!(check_ledger(&l, &s).is_empty());
        // Blank: said.
        let l = ledger(&[HEADER], &s);
        assert_eq!(
            rules(&check_ledger(&l, &s)),
            [("no-data".to_string(), String::new())]
        );
    }

    #[test]
    fn ids_carried_copied_overwritten_and_missing() {
        let s = settings();
        let id = crate::value::id::MeasureId::derive("x", "y", "z", 0).to_string();
        let mut header = HEADER.to_vec();
        header.push("措施ID");
        let row = |seq: &'static str, m: &'static str, id: &str| -> Vec<String> {
            let mut r: Vec<String> = [
                seq,
                "问题",
                m,
                "王",
                "党办",
                "李",
                "2023年6月底",
                "已完成",
                "",
            ]
            .iter()
            .map(|s| s.to_string())
            .collect();
            r.push(id.to_string());
            r
        };
        let rows = [
            row("1", "措施一", &id),
            row("2", "措施二", &id),
            row("3", "措施三", "改过的编号"),
            row("4", "措施四", ""),
        ];
        let mut all: Vec<Vec<&str>> = vec![header.clone()];
        all.extend(rows.iter().map(|r| r.iter().map(String::as_str).collect()));
        let refs: Vec<&[&str]> = all.iter().map(Vec::as_slice).collect();
        let l = ledger(&refs, &s);
        assert_eq!(l.measures[0].id.to_string(), id);
        assert_eq!(l.measures[0].id_cell, Some(CellRef::new(1, 9)));
        // The copy keeps the ID and is named; the others are given new IDs of their own.
        let ids: HashSet<_> = l.measures[1..].iter().map(|m| m.id).collect();
        assert_eq!(ids.len(), 3);
        let found = rules(&check_ledger(&l, &s));
        assert_eq!(
            found,
            [
                ("duplicate-id".to_string(), "J3".to_string()),
                ("bad-id".to_string(), "J4".to_string()),
                ("new-measure".to_string(), "J5".to_string()),
            ]
        );
    }

    #[test]
    fn each_cell_rule_names_its_cell() {
        let s = settings();
        let l = ledger(
            &[
                HEADER,
                &[
                    "1",
                    "问题",
                    "措施",
                    "",
                    "党办",
                    "李",
                    "尽快",
                    "看情况",
                    "昨天",
                ],
                &[
                    "3",
                    "问题2",
                    "措施",
                    "王",
                    "党办",
                    "李",
                    "6月底前",
                    "推进中",
                    "",
                ],
                &[
                    "4",
                    "问题3",
                    "措施",
                    "王",
                    "党办",
                    "李",
                    "2023年3月10日",
                    "推进中",
                    "",
                ],
                &[
                    "5",
                    "问题4",
                    "措施",
                    "王",
                    "党办",
                    "李",
                    "2023年4月5日",
                    "未开始",
                    "",
                ],
                &[
                    "6",
                    "问题5",
                    "措施",
                    "王",
                    "党办",
                    "李",
                    "2023年3月1日",
                    "已完成",
                    "2023年3月5日",
                ],
                &[
                    "7",
                    "问题6",
                    "措施甲;",
                    "王",
                    "党办",
                    "李",
                    "长期坚持",
                    "长期坚持",
                    "",
                ],
                &[
                    "",
                    "",
                    "措施甲",
                    "王",
                    "党办",
                    "李",
                    "长期坚持",
                    "长期坚持",
                    "",
                ],
            ],
            &s,
        );
        let got = rules(&check_ledger(&l, &s));
        let want: Vec<(String, String)> = [
            ("missing-cell", "D2"),
            ("bad-deadline", "G2"),
            ("bad-status", "H2"),
            ("bad-date", "I2"),
            ("numbering", "A3"),
            ("year-inferred", "G3"),
            ("overdue", "G4"),
            ("due-soon", "G5"),
            ("done-late", "I6"),
            ("duplicate-measure", "C8"),
        ]
        .iter()
        .map(|(a, b)| (a.to_string(), b.to_string()))
        .collect();
        assert_eq!(got, want);
    }

    #[test]
    fn unreadable_status_past_its_deadline_is_overdue() {
        let s = settings();
        let l = ledger(
            &[
                HEADER,
                &["1", "问题", "措施", "王", "党办", "李", "2023年1月", "", ""],
            ],
            &s,
        );
        let got = rules(&check_ledger(&l, &s));
        assert!(got.contains(&("overdue".into(), "G2".into())), "{got:?}");
        assert!(
            got.contains(&("missing-cell".into(), "H2".into())),
            "{got:?}"
        );
    }

    #[test]
    fn immediate_measures_use_the_feedback_date() {
        use crate::ledger::timing;
        use crate::value::deadline::Deadline;
        use crate::value::status::Status;
        let mut s = settings();
        assert_eq!(
            timing(Some(Status::InProgress), Some(Deadline::Immediate), &s),
            Some(Timing::Overdue)
        );
        s.feedback_date = NaiveDate::from_ymd_opt(2023, 4, 1);
        assert_eq!(
            timing(Some(Status::InProgress), Some(Deadline::Immediate), &s),
            Some(Timing::DueSoon)
        );
        assert_eq!(
            timing(Some(Status::Done), Some(Deadline::Immediate), &s),
            None
        );
    }

    #[test]
    fn a_status_word_that_does_not_read_is_one_finding_naming_its_cells() {
        let s = settings();
        let row = |n: &'static str, status: &'static str| -> Vec<&'static str> {
            vec![
                n,
                "问题",
                "措施",
                "王",
                "党办",
                "李",
                "2023年6月30日",
                status,
                "",
            ]
        };
        let (a, b, c, d) = (
            row("1", "看情况"),
            row("2", "看 情况"),
            row("3", "已完成"),
            row("4", "看领导安排"),
        );
        let e = row("5", "看情况");
        let l = ledger(&[HEADER, &a, &b, &c, &d, &e], &s);
        let f = bad_status(&l);
        assert_eq!(
            rules(&f),
            [
                ("bad-status".to_string(), "H2".to_string()),
                ("bad-status".to_string(), "H5".to_string())
            ]
        );
        assert_eq!(
            f[0].fact,
            Fact::BadStatus {
                also: vec![CellRef::new(2, 7), CellRef::new(5, 7)]
            }
        );
        assert_eq!(f[1].fact, Fact::BadStatus { also: vec![] });
    }

    #[test]
    fn numbering_ignores_repeats_on_consecutive_rows() {
        let s = settings();
        let l = ledger(
            &[
                HEADER,
                &[
                    "1",
                    "问题",
                    "措施1",
                    "王",
                    "党办",
                    "李",
                    "长期坚持",
                    "已完成",
                    "",
                ],
                &[
                    "1",
                    "问题",
                    "措施2",
                    "王",
                    "党办",
                    "李",
                    "长期坚持",
                    "已完成",
                    "",
                ],
                &[
                    "2",
                    "问题2",
                    "措施",
                    "王",
                    "党办",
                    "李",
                    "长期坚持",
                    "已完成",
                    "",
                ],
                &[
                    "2",
                    "问题3",
                    "措施",
                    "王",
                    "党办",
                    "李",
                    "长期坚持",
                    "已完成",
                    "",
                ],
                &[
                    "1",
                    "问题4",
                    "措施",
                    "王",
                    "党办",
                    "李",
                    "长期坚持",
                    "已完成",
                    "",
                ],
            ],
            &s,
        );
        assert_eq!(l.problems.len(), 2);
        assert_eq!(
            rules(&numbering(&l)),
            vec![("numbering".into(), "A6".into())]
        );
    }

    #[test]
    fn seq_numbers() {
        assert_eq!(seq_number("3"), Some(3));
        assert_eq!(seq_number("(十二)"), Some(12));
        assert_eq!(seq_number("第3项"), Some(3));
        assert_eq!(seq_number("1.1"), None);
    }
}
