//! The ledger model: problems and their measures, read from a sheet's data rows (spec 2.3).
//!
//! Building a ledger resolves what the sheet's layout leaves implicit:
//! - **fill-down**: a cell merged over several rows (or columns) is that value in each of them;
//! - **continuation**: a row whose `seq`, `category` and `problem` cells are all empty and not
//!   merged continues the problem above;
//! - **section rows**: a row that holds only a heading (`一、落实基层治理政治责任方面`, merged across
//!   the table or numbered `一、`/`(一)`) names the category of the rows below it;
//! - **enumeration**: a measure cell written `一是…二是…` is one measure per item;
//! - **problem identity**: a problem is its merged block, else its `seq`, else its text.
//!
//! Every value keeps the cell it came from, so every finding can name a source cell.

use crate::config::Settings;
use crate::layout::cells::{Parsed, read_completed_on, read_deadline, read_status};
use crate::layout::{Column, Layout, UnitSource};
use crate::model::{Counters, Timing};
use crate::source::grid::{CellRef, CellValue, MergeIndex, Sheet};
use crate::value::deadline::{Deadline, ParsedDeadline};
use crate::value::enumeration::split_enumeration;
use crate::value::header::Field;
use crate::value::header::normalize_header;
use crate::value::id::MeasureId;
use crate::value::status::Status;
use crate::value::text::{collapse_spaces, is_punct, is_space, numeral_value};
use chrono::NaiveDate;
use std::collections::{HashMap, HashSet};

/// A field's value in a data row, with the cell it came from.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct FieldCell {
    /// The cell of this row in the field's column.
    pub(crate) at: CellRef,
    /// The cell that holds the value: `at` itself, the top-left cell of a merge covering it, or
    /// for a continuation row the cell of the row above.
    pub(crate) source: CellRef,
    /// The value.
    pub(crate) value: CellValue,
}

impl FieldCell {
    /// True when the value was filled in from another cell (a merge or a continuation).
    pub(crate) fn is_filled(&self) -> bool {
        self.at != self.source
    }

    /// The value as text (see [`CellValue::display`]).
    pub(crate) fn text(&self) -> String {
        self.value.display()
    }
}

/// One data row of a ledger sheet.
#[derive(Debug, Clone, PartialEq)]
pub struct DataRow {
    /// Row in the sheet, from 0.
    pub row: u32,
    /// Field values after fill-down, indexed like [`Field::ALL`].
    pub(crate) fields: [Option<FieldCell>; 13],
    /// Values of the extra columns: (index into [`Layout::columns`], value).
    pub(crate) extras: Vec<(usize, FieldCell)>,
    /// The deadline, read.
    pub(crate) deadline: Parsed<ParsedDeadline>,
    /// The status, read.
    pub(crate) status: Parsed<Status>,
    /// The completion date, read.
    pub(crate) completed_on: Parsed<NaiveDate>,
    /// True when this row continues the problem above (spec 2.3).
    pub(crate) continues: bool,
    /// When the status cell says otherwise than the latest report of a log beside it (counted
    /// as written): the status cell, the log's cell and its latest entry.
    pub(crate) stale: Option<(FieldCell, CellRef, String)>,
    /// The day the row was found, as its own column gives it (`检查日期`, `交办日期`).
    pub(crate) found_on: Option<NaiveDate>,
}

impl DataRow {
    /// A field's value, if any.
    pub(crate) fn get(&self, field: Field) -> Option<&FieldCell> {
        self.fields[field_index(field)].as_ref()
    }

    /// A field's value as text (empty when none).
    pub(crate) fn text(&self, field: Field) -> String {
        self.get(field).map(FieldCell::text).unwrap_or_default()
    }
}

/// The index of a field in [`Field::ALL`].
pub(crate) fn field_index(field: Field) -> usize {
    field.index()
}

/// A problem the inspectors fed back.
#[derive(Debug, Clone, PartialEq)]
pub struct Problem {
    /// Its number in the ledger, from 1.
    pub(crate) number: u32,
    /// Its `seq` as written.
    pub(crate) seq: Option<String>,
    /// Its category.
    pub category: Option<String>,
    /// Its text.
    pub text: String,
    /// Its first data row: index into [`Ledger::rows`].
    pub(crate) first_row: usize,
    /// Its measures, in sheet order: indices into [`Ledger::measures`].
    pub measures: Vec<usize>,
}

/// A rectification measure: one data row, or one item of an enumerated measure cell.
#[derive(Debug, Clone, PartialEq)]
pub struct Measure {
    /// Its problem: index into [`Ledger::problems`].
    pub(crate) problem: usize,
    /// Its row: index into [`Ledger::rows`].
    pub(crate) row: usize,
    /// Its number within the problem, from 1.
    pub(crate) number: u32,
    /// For an item of an enumerated cell: (item number, item count).
    pub(crate) item: Option<(u32, u32)>,
    /// Its text (an item's text without its marker).
    pub text: String,
    /// Its stable ID: the one its row carries, else one derived
    /// (`crate::value::id::MeasureId::derive`).
    pub(crate) id: MeasureId,
    /// The cell the ID was read from; `None` for an ID derived here.
    pub(crate) id_cell: Option<CellRef>,
}

/// One ledger: the data of one ledger sheet.
#[derive(Debug, Clone, PartialEq)]
pub struct Ledger {
    /// The file, as reports name it.
    pub(crate) file: String,
    /// The sheet's name.
    pub sheet: String,
    /// The unit.
    pub(crate) unit: String,
    /// Where the unit's name was found.
    pub(crate) unit_source: UnitSource,
    /// The sheet's layout.
    pub(crate) layout: Layout,
    /// True when the source format records merged regions.
    pub(crate) merges_known: bool,
    /// Data rows, in sheet order.
    pub rows: Vec<DataRow>,
    /// Problems, in sheet order.
    pub problems: Vec<Problem>,
    /// Measures, in sheet order.
    pub measures: Vec<Measure>,
    /// Section rows: (row, heading as written).
    pub(crate) sections: Vec<(u32, String)>,
    /// For a sheet whose unit column decides its rows' units: the unit its title, sheet name or
    /// configuration names when that is none of the column's units (on the sheet's first
    /// ledger only).
    pub(crate) overridden: Option<(String, UnitSource)>,
    /// True for the first (or only) ledger of its sheet, which carries the sheet's own
    /// findings (its columns); false for the other units of a sheet split by unit.
    pub(crate) first_of_sheet: bool,
    /// For a ledger read from rows placed anew (a consolidated workbook's `整改台账`,
    /// `整改台账(2)` … read as one, or a unit's rows of them): where each run of rows came from —
    /// its first row as numbered here, the sheet, and that row's place in the sheet. Empty for
    /// a ledger read where it stands.
    pub(crate) parts: Vec<(u32, String, u32)>,
    /// Rows below the footer (`填报人:` …) that hold a problem, a measure, a deadline or a
    /// status in two of those columns: measures typed where they are not read (on the sheet's
    /// first ledger only).
    pub(crate) below_footer: Vec<u32>,
    /// True for one unit's share of a sheet whose rows several units share (a unit column):
    /// its numbers are the sheet's, so a gap between them is another unit's rows.
    pub(crate) shares_sheet: bool,
    /// The level above the rows' units, when the sheet names one: the organisation a title or
    /// meta row names over a unit column (`单位名称：华东化工有限公司` over its departments), or
    /// the part every hierarchy path shares (`机务段` of `机务段>检修车间>…`).
    pub(crate) parent: Option<String>,
    /// Rows not counted: those whose state says they are no item (`作废`, `重复来信`,
    /// `已撤单`), named by a `void-row` finding, and copies of a row above (the same ticket
    /// exported twice), named by a `repeated-row` finding.
    pub(crate) set_aside: Vec<SetAside>,
}

/// A row a ledger does not count, and why.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct SetAside {
    /// The cell to name: the state's cell of a void row, the first cell of a copy.
    pub(crate) cell: CellRef,
    /// The row's unit cell as written (empty without one).
    pub(crate) unit: String,
    /// Why.
    pub(crate) why: Aside,
}

/// Why a row is not counted.
#[derive(Debug, Clone, PartialEq)]
pub(crate) enum Aside {
    /// Its state voids it ([`crate::value::status::is_void`]): the state as written.
    Void(String),
    /// It repeats every cell of a row above (0-based row) that carries an identifier: the
    /// identifier.
    CopyOf(u32, String),
}

impl Ledger {
    /// Keeps the measures `keep` says yes to (by their index), and the problems that keep a
    /// measure, numbered anew; the rows stay (their cells are still the sheet's).
    pub(crate) fn retain_measures(&mut self, keep: impl Fn(usize) -> bool) {
        let mut new_index = vec![None; self.measures.len()];
        let mut measures = Vec::with_capacity(self.measures.len());
        for (i, m) in self.measures.iter().enumerate() {
            if keep(i) {
                new_index[i] = Some(measures.len());
                measures.push(m.clone());
            }
        }
        let mut problems = Vec::with_capacity(self.problems.len());
        let mut problem_index = vec![None; self.problems.len()];
        for (i, p) in self.problems.iter().enumerate() {
            let mine: Vec<usize> = p.measures.iter().filter_map(|m| new_index[*m]).collect();
            if mine.is_empty() {
                continue;
            }
            problem_index[i] = Some(problems.len());
            let mut p = p.clone();
            p.number = problems.len() as u32 + 1;
            p.measures = mine;
            problems.push(p);
        }
        for m in &mut measures {
            m.problem = problem_index[m.problem].unwrap_or(0);
        }
        self.measures = measures;
        self.problems = problems;
    }

    /// Where a cell of this ledger is: its sheet and its place there (for a ledger read from
    /// several sheets as one, the sheet the row came from).
    pub(crate) fn locate(&self, cell: CellRef) -> (String, CellRef) {
        match self
            .parts
            .iter()
            .rev()
            .find(|(start, _, _)| cell.row >= *start)
        {
            Some((start, name, at)) => {
                (name.clone(), CellRef::new(cell.row - start + at, cell.col))
            }
            None => (self.sheet.clone(), cell),
        }
    }

    /// The data row of a measure.
    pub(crate) fn row_of(&self, m: &Measure) -> &DataRow {
        &self.rows[m.row]
    }

    /// The status category of a measure, if its status reads.
    pub(crate) fn status_of(&self, m: &Measure) -> Option<Status> {
        self.rows[m.row].status.ok()
    }

    /// The deadline of a measure, if it reads.
    pub(crate) fn deadline_of(&self, m: &Measure) -> Option<Deadline> {
        self.rows[m.row].deadline.ok().map(|p| p.deadline)
    }

    /// True when every measure of the problem is done or long-term (spec 2.3).
    pub(crate) fn problem_done(&self, p: &Problem) -> bool {
        !p.measures.is_empty()
            && p.measures.iter().all(|m| {
                self.status_of(&self.measures[*m])
                    .is_some_and(Status::is_closed)
            })
    }

    /// The header row as a spreadsheet shows it (1-based).
    pub(crate) fn header_row_1based(&self) -> u32 {
        self.layout.header_row + 1
    }
}

/// Decides a ledger's unit (spec 2.3): the configuration, then a title or meta row, then
/// the sheet's name when it names a unit, then the file's name.
pub(crate) fn unit_of(
    settings: &Settings,
    file_name: &str,
    sheet: &str,
    layout: &Layout,
) -> (String, UnitSource) {
    if let Some(c) = settings.unit_for_file(file_name) {
        return (c.to_string(), UnitSource::Config);
    }
    if layout.named_by_sheet {
        return (crate::value::text::squash(sheet), UnitSource::SheetName);
    }
    // A party body stands for its organisation (`中共XX县交通运输局党组` → `XX县交通运输局`), and
    // so does a section of it filing the sheet (`XX县中医医院医务科` → `XX县中医医院`).
    let own = |name: String| {
        let name = crate::layout::evidence::organisation_of_party_body(&name).unwrap_or(name);
        let name = village_of_its_body(&name).unwrap_or(name);
        // `被巡察单位：县文化和旅游局党组`: the bureau its Party group leads.
        let name = crate::value::text::squash(&name)
            .strip_suffix("党组")
            .filter(|o| crate::layout::evidence::organisation_name(o) && o.chars().count() >= 3)
            .map_or(name, str::to_string);
        let squashed = crate::value::text::squash(&name);
        match crate::layout::evidence::organisation_prefix(&squashed) {
            Some(org)
                if squashed.strip_prefix(org.as_str()).is_some_and(|rest| {
                    !rest.is_empty()
                        && (crate::layout::is_section(rest) || rest.ends_with("办公室"))
                }) && crate::layout::evidence::is_unit_name(&org) =>
            {
                org
            }
            _ => name,
        }
    };
    // An office of the unit the sheet is named by filing it (`填报单位：城关镇综治中心`,
    // `中共白沙镇委员会政法委员办公室` on the sheet `白沙镇`): the sheet's unit.
    if let (Some(t), Some(named)) = (&layout.title_unit, crate::layout::unit_in_sheet_name(sheet)) {
        let t = crate::value::text::squash(t);
        let body = t.strip_prefix("中共").unwrap_or(&t);
        if body.len() > named.len() && body.starts_with(named.as_str()) {
            return (named, UnitSource::SheetName);
        }
    }
    if let Some(c) = layout.title_unit.as_ref().map(|c| own(c.clone()))
        && !filing_section(&c)
    {
        return (c, UnitSource::Title);
    }
    if let Some(c) = crate::layout::unit_in_sheet_name(sheet) {
        return (c, UnitSource::SheetName);
    }
    if let Some(c) = &layout.title_organisation {
        return (own(c.clone()), UnitSource::Title);
    }
    let (stem, named) = crate::layout::named_by_file(file_name);
    // The title naming the file's organisation in full (`永宁县自然资源局…` over
    // `自然资源局巡察整改台账.xlsx`) names it better.
    // So does a title naming in full the bureau the file's name shortens (`卫健局` of
    // `永宁县卫生健康局`, `县发改委` of `县发展和改革委员会`).
    if let (Some(n), Some(t)) = (&named, &layout.lone_title_organisation)
        && let full = crate::value::text::squash(t)
        && full.len() > n.len()
        && (full.ends_with(n.as_str()) || shortens(n, &full))
        && !crate::layout::names_an_inspector(t)
    {
        return (own(t.clone()), UnitSource::Title);
    }
    // A file whose name names no organisation at all (`附件3.xlsx`) is its title's, unless the
    // title names who inspected or audited (`县审计局…审计…`): then the file's name stays, and
    // says nothing.
    let by_inspector = named
        .as_deref()
        .is_some_and(crate::layout::names_an_inspector);
    if (named.is_none() || by_inspector)
        && let Some(org) = &layout.lone_title_organisation
        && !crate::layout::names_an_inspector(org)
    {
        return (own(org.clone()), UnitSource::Title);
    }
    (own(named.unwrap_or(stem)), UnitSource::FileName)
}

/// True for a section alone (`填报单位：狱政管理科`, `生产技术部`, `县供销社业务科`): it files the
/// sheet for an organisation it does not name, so it is no unit; the sheet's or the file's name
/// may name the unit. A Party branch (`县财政局机关第一党支部`) is a unit of its own.
pub(crate) fn filing_section(name: &str) -> bool {
    let s = crate::value::text::squash(name);
    ["股", "室", "科", "组", "部", "处"]
        .iter()
        .any(|w| s.ends_with(w))
        && !s.ends_with("支部")
        // A Party group stands for its organisation (`县文化和旅游局党组`).
        && !s.ends_with("党组")
        && !s
            .char_indices()
            .map(|(i, _)| i)
            .skip(2)
            .any(|i| crate::layout::evidence::is_unit_name(&s[..i]))
}

/// The identifier a row carries, if any: a cell of a ticket's or case's number
/// (`2025040900555`, `GD20250310001`, `XF-DB-2025-001`) — six characters or more of
/// letters, digits and dashes, four digits at least, no date.
fn identifier(r: &crate::source::grid::Row) -> Option<String> {
    let id_like = |t: &str| {
        t.len() >= 6
            && t.len() <= 40
            && t.bytes().filter(u8::is_ascii_digit).count() >= 4
            && t.bytes()
                .all(|c| c.is_ascii_alphanumeric() || c == b'-' || c == b'_')
            && !looks_like_a_date(t)
    };
    r.cells.iter().find_map(|c| match &c.value {
        CellValue::Text(t) => {
            let t = t.trim();
            id_like(t).then(|| t.to_string())
        }
        CellValue::Number(n) if n.fract() == 0.0 && *n >= 100_000.0 => {
            let t = format!("{n}");
            id_like(&t).then_some(t)
        }
        _ => None,
    })
}

/// True for a text written like a date (`2025-03-10`, `20250310`, `2025_3_10`), which is no
/// identifier.
fn looks_like_a_date(t: &str) -> bool {
    let parts: Vec<&str> = t.split(['-', '_']).collect();
    let year = |p: &str| p.len() == 4 && (p.starts_with("19") || p.starts_with("20"));
    match parts.as_slice() {
        [one] => one.len() == 8 && one.bytes().all(|b| b.is_ascii_digit()) && year(&one[..4]),
        [y, rest @ ..] => {
            year(y)
                && rest.len() <= 2
                && rest
                    .iter()
                    .all(|p| (1..=2).contains(&p.len()) && p.bytes().all(|b| b.is_ascii_digit()))
        }
        [] => false,
    }
}

/// A row's cells that hold something, as (column, text).
fn row_cells(r: &crate::source::grid::Row) -> Vec<(u32, String)> {
    r.cells
        .iter()
        .filter(|c| !c.value.is_blank())
        .map(|c| (c.col, c.value.display()))
        .collect()
}

use crate::value::status::log_entries as entries;

/// The last entry written in a log of dated entries in one cell.
fn latest_entry(text: &str) -> String {
    entries(text)
        .last()
        .copied()
        .unwrap_or_default()
        .to_string()
}

/// The value of a cell after fill-down: its own value, else the value of the top-left cell of
/// a merge covering it (when that cell lies within the data rows or in this row).
fn resolve(
    sheet: &Sheet,
    merges: &MergeIndex,
    own: &crate::source::grid::Row,
    col: u32,
    data_start: u32,
) -> Option<FieldCell> {
    let row = own.index;
    let at = CellRef::new(row, col);
    let here = own
        .cells
        .binary_search_by_key(&col, |c| c.col)
        .ok()
        .map(|i| &own.cells[i].value);
    if let Some(v) = here {
        return (!v.is_blank()).then(|| FieldCell {
            at,
            source: at,
            value: v.clone(),
        });
    }
    let m = merges.at(row, col)?;
    if m.first == at || (m.first.row < data_start && m.first.row != row) {
        return None;
    }
    let v = sheet.value(m.first.row, m.first.col)?;
    (!v.is_blank()).then(|| FieldCell {
        at,
        source: m.first,
        value: v.clone(),
    })
}

/// The heading of a section row, if the row is one: its only own cell is merged across at
/// least three columns, or (without merge information) numbered like `一、` or `(一)`.
fn section_heading(
    sheet: &Sheet,
    merges: &MergeIndex,
    layout: &Layout,
    row: u32,
) -> Option<(CellRef, String)> {
    let r = sheet.row(row)?;
    let mut own = r.cells.iter().filter(|c| !c.value.is_blank());
    let (Some(only), None) = (own.next(), own.next()) else {
        return None;
    };
    let CellValue::Text(text) = &only.value else {
        return None;
    };
    let field = layout
        .columns
        .iter()
        .find(|c| c.col == only.col)
        .and_then(|c| c.field);
    if matches!(
        field,
        Some(Field::Measure | Field::Status | Field::Deadline)
    ) {
        return None;
    }
    let wide = merges.at(row, only.col).is_some_and(|m| {
        m.first == CellRef::new(row, only.col) && m.width() >= 3 && !m.is_vertical()
    });
    let numbered = {
        let t = crate::value::text::squash(text);
        let head: String = t
            .chars()
            .take_while(|c| "一二三四五六七八九十".contains(*c))
            .collect();
        (!head.is_empty() && t[head.len()..].starts_with('、'))
            || (t.starts_with('(')
                && t.find(')').is_some_and(|i| {
                    numeral_value(&t[1..i]).is_some()
                        && !t[1..i].chars().all(|c| c.is_ascii_digit())
                }))
    };
    (wide || numbered).then(|| (CellRef::new(row, only.col), text.trim().to_string()))
}

/// The day found a label names among cells (`检查日期：2025年3月12日`, `交办时间：…`,
/// `反馈日期：…`): the surest label first, a whole day (no deadline `…前`, no month alone).
fn labelled_found_day<'a>(
    cells: impl Iterator<Item = &'a crate::source::grid::Cell>,
    as_of: NaiveDate,
) -> Option<NaiveDate> {
    cells
        .filter_map(|c| match &c.value {
            CellValue::Text(t) => Some(t),
            _ => None,
        })
        // Two labels in one cell are kept apart by a run of spaces (`单位：X　　检查日期：…`).
        .flat_map(|t| {
            crate::layout::apart(t)
                .split(';')
                .map(str::to_string)
                .collect::<Vec<_>>()
        })
        .filter_map(|t| {
            let s = crate::value::text::squash(&t);
            let (label, rest) = s.split_once(':')?;
            // The days a sheet may name, the surest first: a check's or an assignment's day,
            // then a feedback's.
            let rank = [
                "检查日期",
                "检查时间",
                "交办日期",
                "交办时间",
                "督查日期",
                "巡察反馈日期",
                "评审反馈日期",
                "反馈日期",
                "反馈时间",
            ]
            .iter()
            .position(|l| *l == label)?;
            let day: String = rest
                .chars()
                .take_while(|c| !matches!(c, ',' | ';'))
                .collect();
            // A whole day, not a deadline (`…前`) or a month (`2025年3月`).
            let whole = day.contains('日')
                || day.chars().filter(|c| matches!(c, '-' | '/' | '.')).count() == 2;
            if day.contains('前') || !whole {
                return None;
            }
            let d = read_completed_on(&CellValue::Text(day.trim().to_string()), as_of).ok()?;
            Some((rank, d))
        })
        .min_by_key(|(rank, _)| *rank)
        .map(|(_, d)| d)
}

/// Key deciding which rows belong to one problem.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
enum ProblemKey {
    Merge(CellRef),
    Seq(String),
    Text(String),
}

/// True for a row that sums others: its first cell says so (`合计`, `总计`, `小计`, `共计`,
/// `朝阳社区小计`).
fn is_total_row(r: &crate::source::grid::Row) -> bool {
    let Some(first) = r.cells.iter().find(|c| !c.value.is_blank()) else {
        return false;
    };
    let CellValue::Text(t) = &first.value else {
        return false;
    };
    if t.len() > 64 {
        return false;
    }
    let t = crate::value::text::squash(t);
    let t = t.trim_end_matches([':', '：']);
    (t.chars().count() <= 16
        && ["合计", "总计", "小计", "共计", "累计"]
            .iter()
            .any(|w| t == *w || t.ends_with(w)))
        || record_count_row(r)
}

/// True for a row of an export's count of its records among its labels only, in one cell or
/// several (`共13条记录` | `导出时间：…`, `共2条记录　　导出时间：…`, `导出时间：…` | `共2条记录`).
fn record_count_row(r: &crate::source::grid::Row) -> bool {
    // Most rows hold no count: a look at their texts, no copy.
    if !r
        .cells
        .iter()
        .any(|c| matches!(&c.value, CellValue::Text(t) if t.contains('共') || t.contains("合计")))
    {
        return false;
    }
    let mut counts = 0;
    for c in r.cells.iter().filter(|c| !c.value.is_blank()) {
        let CellValue::Text(t) = &c.value else {
            return false;
        };
        for part in crate::layout::apart(t).split(';') {
            let part = crate::value::text::squash(part);
            if is_record_count(&part) {
                counts += 1;
            } else if !crate::layout::is_label_value(&part) {
                return false;
            }
        }
    }
    counts == 1
}

/// True for an export's count of its records, alone on its row: `共13条记录`, `共计13条`,
/// `合计：13项`.
fn is_record_count(t: &str) -> bool {
    let Some(rest) = ["共计", "合计", "共"]
        .iter()
        .find_map(|p| t.strip_prefix(p))
        .map(|r| r.trim_start_matches([':', '：']))
    else {
        return false;
    };
    let digits = rest.chars().take_while(char::is_ascii_digit).count();
    let rest = &rest[digits..];
    // A page's number after it: `共2条记录第1页`.
    let rest = match rest.find("第") {
        Some(i) if rest[i..].ends_with('页') => &rest[..i],
        _ => rest,
    };
    digits > 0 && ["条记录", "条数据", "条", "项", "件", "行"].contains(&rest)
}

/// The labels of a layout's field columns, normalized, for [`repeats_header`]: (column, label).
fn header_labels(layout: &Layout) -> Vec<(u32, String)> {
    layout
        .columns
        .iter()
        .filter(|c| !c.label.is_empty() && c.field.is_some())
        .map(|c| {
            let own = c.label.rsplit('/').next().unwrap_or(&c.label);
            (c.col, normalize_header(own))
        })
        .filter(|(_, l)| !l.is_empty())
        .collect()
}

/// True for a row that repeats the header's labels (a header printed again on each page): at
/// least half of the labelled columns hold their label again.
fn repeats_header(r: &crate::source::grid::Row, labels: &[(u32, String)]) -> bool {
    if labels.len() < 3 {
        return false;
    }
    let mut same = 0;
    for x in &r.cells {
        let CellValue::Text(t) = &x.value else {
            continue;
        };
        // A header is short: a longer cell is data and is not normalized.
        if t.len() > 90 {
            continue;
        }
        if let Some((_, l)) = labels.iter().find(|(c, _)| *c == x.col)
            && normalize_header(t) == *l
        {
            same += 1;
        }
    }
    same * 2 >= labels.len()
}

/// Builds the ledger of a sheet from its layout.
pub fn build_ledger(
    sheet: &Sheet,
    layout: Layout,
    file: &str,
    file_name: &str,
    settings: &Settings,
) -> Ledger {
    let (unit, unit_source) = unit_of(settings, file_name, &sheet.name, &layout);
    let merges = if layout.ditto.is_empty() {
        sheet.merge_index()
    } else {
        MergeIndex::new(
            &[&sheet.merges[..], &layout.ditto[..]].concat(),
            sheet.width(),
        )
    };
    let col_of: Vec<Option<u32>> = Field::ALL.iter().map(|f| layout.column_of(*f)).collect();
    let extra_cols: Vec<(usize, &Column)> = layout
        .columns
        .iter()
        .enumerate()
        .filter(|(_, c)| c.field.is_none())
        .collect();

    // A column of the days deadlines were put off to (`延期期限`, `延期至`, `调整后时限`),
    // beside the deadline.
    let extended = col_of[field_index(Field::Deadline)].and(
        extra_cols
            .iter()
            .map(|(_, c)| c)
            .find(|c| crate::value::header::extends_deadline(&c.label))
            .map(|c| c.col),
    );
    // A column of the days rows were found (`检查日期`, `排查时间`, `受理时间`), from which a
    // deadline written as a span (`15日内`) counts.
    let found_on = col_of[field_index(Field::Deadline)].and(
        extra_cols
            .iter()
            .map(|(_, c)| c)
            .find(|c| {
                let h = normalize_header(c.label.rsplit('/').next().unwrap_or(&c.label));
                // Not `反馈时间`: in many ledgers the day a unit reported back.
                [
                    "检查", "排查", "发现", "受理", "交办", "立案", "登记", "派单", "派遣", "督查",
                    "抽查", "下达", "通知", "来电", "来信", "处罚", "决定",
                ]
                .iter()
                .chain(crate::value::header::VISIT_WORDS.iter())
                .any(|w| h.starts_with(w))
                    && ["日期", "时间", "时", "日"].iter().any(|w| h.ends_with(w))
            })
            .map(|c| c.col),
    );
    // Columns of progress reports beside the status (`办理进展`, `整改进度`), which may hold a
    // log of dated entries.
    let logs: Vec<u32> = extra_cols
        .iter()
        .map(|(_, c)| c)
        .filter(|c| !layout.status_series.contains(&c.col))
        .filter(|c| {
            let h = normalize_header(&c.label);
            ["进展", "进度", "过程", "记录", "动态"]
                .iter()
                .any(|w| h.contains(w))
        })
        .map(|c| c.col)
        .collect();
    let labels = header_labels(&layout);
    let mut rows: Vec<DataRow> = Vec::with_capacity(sheet.rows.len());
    // Deadlines as written repeat down a ledger (`2023年6月底前`): each text is read once.
    let mut deadlines: HashMap<String, Parsed<ParsedDeadline>> = HashMap::new();
    // The day the sheet's problems were found or fed back, when a line above its header says it
    // (`反馈日期：2025年3月20日`, `检查时间：…`): the day spans and immediate measures count from
    // where no column gives a row's own.
    let sheet_found = labelled_found_day(
        sheet
            .rows
            .iter()
            .take_while(|r| r.index < layout.header_row)
            .flat_map(|r| r.cells.iter()),
        settings.as_of,
    );
    // A term the sheet's notes define as a day (`说明：“2025年汛前”指2025年4月30日前`) is that
    // day wherever it stands as a deadline.
    for t in crate::layout::note_texts(sheet, &layout) {
        for (term, meaning) in crate::value::deadline::defined_terms(t) {
            let day = read_deadline(&CellValue::Text(meaning), settings.as_of);
            if matches!(day, Parsed::Ok(_)) {
                deadlines.insert(term, day);
            }
        }
    }
    let mut sections = Vec::new();
    let mut set_aside = Vec::new();
    // The unit of the last row read, counted or not; the void state of the last row, if it
    // was set aside as void.
    let mut last_unit: Option<FieldCell> = None;
    let mut voided: Option<String> = None;
    let mut seen_rows: HashMap<u64, u32> = HashMap::new();
    let mut section: Option<FieldCell> = None;
    // Blocks stacked one under another, each under its unit's line (`单位：X`) and its own copy
    // of the header: the first block's line stands above the header.
    let in_data =
        |x: &&crate::source::grid::Row| (layout.data_start..layout.data_end).contains(&x.index);
    // Or a title naming another unit over the header repeated (`城南社区巡察整改台账`, then
    // `序号 | 反馈问题 | …` again): a second table stacked under the first.
    let data_rows: Vec<&crate::source::grid::Row> = sheet
        .rows
        .iter()
        .filter(in_data)
        .filter(|x| x.cells.iter().any(|c| !c.value.is_blank()))
        .collect();
    let titled_block = |k: usize| -> Option<String> {
        let x = data_rows[k];
        let mut filled = x.cells.iter().filter(|c| !c.value.is_blank());
        let (Some(c), None) = (filled.next(), filled.next()) else {
            return None;
        };
        let CellValue::Text(t) = &c.value else {
            return None;
        };
        data_rows
            .get(k + 1)
            .is_some_and(|next| repeats_header(next, &labels))
            .then(|| crate::layout::unit_in_text(t).or_else(|| crate::layout::unit_in_title(t)))
            .flatten()
    };
    let block_lines: HashMap<u32, String> = (0..data_rows.len())
        .filter_map(|k| {
            crate::layout::block_unit_line(data_rows[k])
                .or_else(|| titled_block(k))
                .map(|n| (data_rows[k].index, n))
        })
        .collect();
    let stacked = !block_lines.is_empty();
    // A unit column names the rows' units itself; the lines only open the blocks.
    let own_units = col_of[field_index(Field::Unit)].is_none();
    let mut block: Option<(u32, String)> = None;
    if stacked && own_units {
        block = sheet
            .rows
            .iter()
            .rev()
            .filter(|x| x.index < layout.header_row)
            .take(2)
            .find_map(|x| crate::layout::block_unit_line(x).map(|n| (x.index, n)));
    }
    let mut block_found: Option<NaiveDate> = None;
    for r in sheet
        .rows
        .iter()
        .filter(|r| (layout.data_start..layout.data_end).contains(&r.index))
    {
        if r.cells.iter().all(|c| c.value.is_blank()) {
            continue;
        }
        // A total row (`合计`, `朝阳社区小计`) sums rows; the header repeated on a printed
        // page's top is the header: neither is an item.
        if is_total_row(r) || repeats_header(r, &labels) {
            continue;
        }
        // A line opening another block of rows (`单位：XX新能源材料有限公司`): the rows below
        // are that unit's, and the day it names is their day found.
        if let Some(name) = block_lines.get(&r.index) {
            if own_units {
                block = Some((r.index, name.clone()));
            }
            block_found = labelled_found_day(r.cells.iter(), settings.as_of);
            continue;
        }
        if let Some((at, heading)) = section_heading(sheet, &merges, &layout, r.index) {
            sections.push((r.index, heading.clone()));
            section = Some(FieldCell {
                at,
                source: at,
                value: CellValue::Text(strip_heading_number(&heading)),
            });
            continue;
        }
        let mut fields: [Option<FieldCell>; 13] = Default::default();
        for (i, col) in col_of.iter().enumerate() {
            if let Some(col) = col {
                fields[i] = resolve(sheet, &merges, r, *col, layout.data_start);
            }
        }
        // A note in the margin (`已核对` beside the table, a formula counting its rows) on a
        // row whose fields' own cells are all empty is no item.
        if r.cells
            .iter()
            .filter(|c| !c.value.is_blank())
            .all(|c| !col_of.contains(&Some(c.col)))
            && layout.ticked.is_empty()
            && layout.status_series.is_empty()
        {
            continue;
        }
        // A state ticked under its sub-header (`√` under `已完成`): that sub-header's state.
        if !layout.ticked.is_empty() {
            let ticks: Vec<(FieldCell, &String)> = layout
                .ticked
                .iter()
                .filter_map(|(col, state)| {
                    let cell = resolve(sheet, &merges, r, *col, layout.data_start)?;
                    crate::layout::is_tick(&cell.value).then_some((cell, state))
                })
                .collect();
            // Two ticks or more on a row say no one state: the row's state does not read.
            let several = ticks.len() > 1;
            let states: Vec<&str> = ticks.iter().map(|(_, s)| s.as_str()).collect();
            let joined = states.join("、");
            fields[field_index(Field::Status)] =
                ticks.into_iter().next().map(|(cell, state)| FieldCell {
                    value: CellValue::Text(if several {
                        format!("多处打√：{joined}")
                    } else {
                        state.clone()
                    }),
                    ..cell
                });
        }
        // A status written month by month is the latest month written.
        if fields[field_index(Field::Status)].is_none() {
            fields[field_index(Field::Status)] = layout
                .status_series
                .iter()
                .rev()
                .find_map(|col| resolve(sheet, &merges, r, *col, layout.data_start));
        }
        let extras = extra_cols
            .iter()
            .filter_map(|(i, c)| {
                resolve(sheet, &merges, r, c.col, layout.data_start).map(|v| (*i, v))
            })
            .collect();
        if let Some((at, name)) = &block {
            fields[field_index(Field::Unit)] = Some(FieldCell {
                at: CellRef::new(r.index, 0),
                source: CellRef::new(*at, 0),
                value: CellValue::Text(name.clone()),
            });
        }
        let ci = field_index(Field::Category);
        if fields[ci].is_none()
            && let Some(s) = &section
        {
            fields[ci] = Some(FieldCell {
                at: CellRef::new(r.index, col_of[ci].unwrap_or(s.at.col)),
                source: s.source,
                value: s.value.clone(),
            });
        }
        // Continuation (spec 2.3): seq, category and problem all empty and not merged.
        let is_empty_unmerged = |f: Field| match col_of[field_index(f)] {
            None => true,
            Some(col) => {
                sheet.value(r.index, col).is_none_or(CellValue::is_blank)
                    && merges.at(r.index, col).is_none()
            }
        };
        let continues_above = is_empty_unmerged(Field::Seq)
            && is_empty_unmerged(Field::Category)
            && is_empty_unmerged(Field::Problem)
            && fields[field_index(Field::Problem)].is_none();
        let continues = !rows.is_empty() && continues_above;
        if continues && let Some(prev) = rows.last() {
            for f in [Field::Seq, Field::Category, Field::Problem] {
                let i = field_index(f);
                if fields[i].is_none()
                    && let Some(p) = &prev.fields[i]
                {
                    fields[i] = Some(FieldCell {
                        at: CellRef::new(r.index, col_of[i].unwrap_or(p.at.col)),
                        source: p.source,
                        value: p.value.clone(),
                    });
                }
            }
        }
        let deadline = match fields[field_index(Field::Deadline)]
            .as_ref()
            .map(|f| &f.value)
        {
            None => Parsed::Empty,
            Some(v @ CellValue::Text(t)) => match deadlines.get(t) {
                Some(p) => *p,
                None => *deadlines
                    .entry(t.clone())
                    .or_insert(read_deadline(v, settings.as_of)),
            },
            Some(v) => read_deadline(v, settings.as_of),
        };
        // The day the row's own column says it was found, read once: a span (`15日内`) counts
        // from the day the row was found (its own, its block's or its sheet's), and an
        // immediate measure (`当场整改`) is due that day.
        let own_found = found_on
            .and_then(|col| resolve(sheet, &merges, r, col, layout.data_start))
            .and_then(|c| read_completed_on(&c.value, settings.as_of).ok());
        let found = || own_found.or(block_found).or(sheet_found);
        let on = |day: Option<NaiveDate>| {
            day.map(|due| {
                Parsed::Ok(ParsedDeadline {
                    deadline: Deadline::Date(due),
                    year_inferred: false,
                })
            })
        };
        let deadline = match (&deadline, &fields[field_index(Field::Deadline)]) {
            (
                Parsed::Bad,
                Some(FieldCell {
                    value: CellValue::Text(t),
                    ..
                }),
            ) => crate::value::deadline::within(t)
                .and_then(|span| on(found().and_then(|day| span.after(day))))
                .unwrap_or(deadline),
            (Parsed::Ok(p), _) if p.deadline == Deadline::Immediate => {
                on(found()).unwrap_or(deadline)
            }
            _ => deadline,
        };
        // A day the deadline was put off to (`延期期限`), where one is written, is the day due.
        let deadline =
            match extended.and_then(|col| resolve(sheet, &merges, r, col, layout.data_start)) {
                Some(c) => match read_deadline(&c.value, settings.as_of) {
                    p @ Parsed::Ok(_) => {
                        fields[field_index(Field::Deadline)] = Some(c);
                        p
                    }
                    _ => deadline,
                },
                None => deadline,
            };
        // A blank unit cell is the unit of the row above (clerks write it once per group),
        // a row set aside too.
        let ui = field_index(Field::Unit);
        if fields[ui].is_none()
            && let Some(col) = col_of[ui]
            && let Some(prev) = &last_unit
        {
            fields[ui] = Some(FieldCell {
                at: CellRef::new(r.index, col),
                source: prev.source,
                value: prev.value.clone(),
            });
        }
        if fields[ui].is_some() {
            last_unit.clone_from(&fields[ui]);
        }
        let mut status = fields[field_index(Field::Status)]
            .as_ref()
            .map_or(Parsed::Empty, |f| {
                // A code a legend explains (`3` → `已办结`) reads as its meaning.
                let legend = (!layout.status_codes.is_empty())
                    .then(|| crate::layout::cells::status_code(&f.value))
                    .flatten()
                    .and_then(|k| layout.status_codes.iter().find(|(c, _)| *c == k));
                match legend {
                    Some((_, meaning)) => settings
                        .statuses
                        .parse(meaning)
                        .map_or(Parsed::Bad, Parsed::Ok),
                    None => read_status(&f.value, &settings.statuses, layout.progress_status),
                }
            });
        // Beside a log of dated reports, a status left blank is the log's latest report; a
        // status that says otherwise than the latest of two reports or more is counted as
        // written, and named by a `stale-status` finding (one report is a note, no history).
        let mut stale = None;
        if let Some((cell, st)) = logs.iter().find_map(|col| {
            let cell = resolve(sheet, &merges, r, *col, layout.data_start)?;
            let CellValue::Text(t) = &cell.value else {
                return None;
            };
            let st = crate::value::status::log_state(&settings.statuses, t)?;
            Some((cell, st))
        }) {
            match status {
                Parsed::Empty => {
                    status = Parsed::Ok(st);
                    fields[field_index(Field::Status)] = Some(cell);
                }
                Parsed::Ok(written)
                    if written != st
                        && !(written.is_closed() && st.is_closed())
                        && entries(&cell.text()).len() >= 2 =>
                {
                    stale = fields[field_index(Field::Status)]
                        .as_ref()
                        .map(|w| (w.clone(), cell.at, latest_entry(&cell.text())));
                }
                _ => {}
            }
        }
        let completed_on = fields[field_index(Field::CompletedOn)]
            .as_ref()
            .map_or(Parsed::Empty, |f| {
                read_completed_on(&f.value, settings.as_of)
            });
        // A state left blank beside the day the work was finished (`完成时间`: a day, not a
        // plan such as `12月底前`, on or before the as-of date) is done; the blank cell is still
        // named by `missing-cell`.
        if status == Parsed::Empty
            && let Parsed::Ok(day) = completed_on
            && day <= settings.as_of
            && fields[field_index(Field::CompletedOn)]
                .as_ref()
                .is_some_and(|f| finished_on_a_day(&f.value, settings.as_of))
        {
            status = Parsed::Ok(Status::Done);
        }
        let unit_text = || {
            fields[ui]
                .as_ref()
                .map(|u| collapse_spaces(&u.text()))
                .unwrap_or_default()
        };
        // A ticket voided or merged into another is no item: set aside and named, with the
        // rows that continue it.
        let void_word = match &fields[field_index(Field::Status)] {
            Some(FieldCell {
                value: CellValue::Text(word),
                ..
            }) if crate::value::status::is_void(word) => Some(crate::value::text::squash(word)),
            _ => voided.clone().filter(|_| continues_above),
        };
        if let Some(word) = void_word {
            let cell = fields[field_index(Field::Status)]
                .as_ref()
                .map_or(CellRef::new(r.index, 0), |c| c.at);
            set_aside.push(SetAside {
                cell,
                unit: unit_text(),
                why: Aside::Void(word.clone()),
            });
            voided = Some(word);
            continue;
        }
        voided = None;
        // In a register (tickets, hazards, cases), a row repeating every cell of one above,
        // its identifier too, is the same item written twice.
        // (Rows are kept by a hash of their cells, and compared cell by cell when two meet.)
        if layout.kind.is_register()
            && let Some(id) = identifier(r)
        {
            let key = {
                use std::hash::{Hash, Hasher};
                let mut h = std::collections::hash_map::DefaultHasher::new();
                row_cells(r).hash(&mut h);
                h.finish()
            };
            let copy_of = seen_rows.get(&key).copied().filter(|first| {
                sheet
                    .row(*first)
                    .is_some_and(|f| row_cells(f) == row_cells(r))
            });
            match copy_of {
                Some(first) => {
                    set_aside.push(SetAside {
                        cell: CellRef::new(r.index, 0),
                        unit: unit_text(),
                        why: Aside::CopyOf(first, id),
                    });
                    continue;
                }
                None => {
                    seen_rows.entry(key).or_insert(r.index);
                }
            }
        }
        rows.push(DataRow {
            row: r.index,
            fields,
            extras,
            deadline,
            status,
            completed_on,
            continues,
            stale,
            found_on: own_found,
        });
    }

    let shared = units_at_their_level(&mut rows);

    // Problems and measures.
    let mut problems: Vec<Problem> = Vec::new();
    let mut measures: Vec<Measure> = Vec::new();
    // A problem is one within its unit, category and section: a number that starts again
    // under each section row (`一、城关供电所` … `二、马庄供电所`) starts another problem.
    let mut known: HashMap<(String, String, Option<u32>, ProblemKey), usize> = HashMap::new();
    let mut prev: Option<usize> = None;
    let mut in_section: (usize, Option<u32>) = (0, None);
    for (i, row) in rows.iter().enumerate() {
        while let Some((at, _)) = sections.get(in_section.0).filter(|(at, _)| *at < row.row) {
            in_section = (in_section.0 + 1, Some(*at));
        }
        let pi = match prev.filter(|_| row.continues) {
            Some(p) => p,
            None => {
                let vertical = col_of[field_index(Field::Problem)]
                    .and_then(|col| merges.at(row.row, col))
                    .filter(|m| m.is_vertical() && m.first.row >= layout.data_start);
                let key = match (vertical, row.get(Field::Seq)) {
                    (Some(m), _) => ProblemKey::Merge(m.first),
                    (None, Some(seq)) => ProblemKey::Seq(collapse_spaces(&seq.text())),
                    (None, None) => ProblemKey::Text(collapse_spaces(&row.text(Field::Problem))),
                };
                let category = collapse_spaces(&row.text(Field::Category));
                let unit = collapse_spaces(&row.text(Field::Unit));
                *known
                    .entry((unit, category, in_section.1, key))
                    .or_insert_with(|| {
                        problems.push(Problem {
                            number: problems.len() as u32 + 1,
                            seq: row.get(Field::Seq).map(FieldCell::text),
                            category: row.get(Field::Category).map(FieldCell::text),
                            text: row.text(Field::Problem).trim().to_string(),
                            first_row: i,
                            measures: Vec::new(),
                        });
                        problems.len() - 1
                    })
            }
        };
        prev = Some(pi);
        let cell = row.text(Field::Measure);
        // A problem's own line over its measures' rows (`一、医疗机构监管不到位` with neither
        // measure, deadline nor state, its measures on the rows that continue it) is no measure.
        if cell.trim_matches(is_space).is_empty()
            && row.get(Field::Deadline).is_none()
            && row.get(Field::Status).is_none()
            && rows
                .get(i + 1)
                .is_some_and(|next| next.continues && !next.text(Field::Measure).trim().is_empty())
        {
            continue;
        }
        let split = if layout.split_measures {
            split_enumeration(&cell)
        } else {
            None
        };
        let items: Vec<String> = match split {
            Some(e) => e.items.iter().map(|it| it.text.to_string()).collect(),
            None => vec![cell.trim_matches(is_space).to_string()],
        };
        let count = items.len() as u32;
        for (k, text) in items.into_iter().enumerate() {
            let number = problems[pi].measures.len() as u32 + 1;
            problems[pi].measures.push(measures.len());
            measures.push(Measure {
                problem: pi,
                row: i,
                number,
                item: (count > 1).then_some((k as u32 + 1, count)),
                text,
                id: MeasureId::UNASSIGNED,
                id_cell: None,
            });
        }
    }
    assign_ids(&mut measures, &rows, &problems, &unit);
    let data_cols: Vec<u32> = [
        Field::Problem,
        Field::Measure,
        Field::Deadline,
        Field::Status,
    ]
    .iter()
    .filter_map(|f| col_of[field_index(*f)])
    .collect();
    let below_footer: Vec<u32> = sheet
        .rows
        .iter()
        .filter(|r| r.index >= layout.data_end && !crate::layout::is_footer_row(r))
        .filter(|r| {
            data_cols
                .iter()
                .filter(|c| sheet.value(r.index, **c).is_some_and(|v| !v.is_blank()))
                .count()
                >= 2
        })
        .map(|r| r.index)
        .collect();

    Ledger {
        file: file.to_string(),
        sheet: sheet.name.clone(),
        unit,
        unit_source,
        layout,
        merges_known: sheet.merges_known,
        rows,
        problems,
        measures,
        sections,
        overridden: None,
        first_of_sheet: true,
        parts: Vec::new(),
        below_footer,
        shares_sheet: false,
        parent: shared,
        set_aside,
    }
}

/// A unit cell's text to the unit's name, if it says more than the name.
type Rename = dyn Fn(&str) -> Option<String>;

/// The rows' units as a clerk reports them, where the unit column writes more than a name: the
/// responsible organisation of a labelled cell (`责任部门:办公室;配合部门:财务科` → `办公室`), the
/// lead of a cell naming several (`县卫健局（牵头）、县医保局` → `县卫健局`), and
/// of hierarchy paths (`机务段>检修车间>电机班组`) the first level below the part all rows share
/// (`检修车间`), the levels below it rolled up into it. The cell keeps its place; its value is
/// the unit's name.
fn units_at_their_level(rows: &mut [DataRow]) -> Option<String> {
    use crate::layout::evidence::{labelled_organisation, lead_organisation, path_parts};
    let ui = field_index(Field::Unit);
    let texts: Vec<String> = rows
        .iter()
        .filter_map(|r| r.fields[ui].as_ref().map(FieldCell::text))
        .collect();
    if texts.is_empty() {
        return None;
    }
    let mut shared = None;
    let share = |f: &dyn Fn(&str) -> bool| {
        texts.iter().filter(|t| f(t)).count() as f64 / texts.len() as f64
    };
    let paths = share(&|t| path_parts(t).is_some());
    let rename: Box<Rename> =
        if paths < 0.6 || share(&|t| labelled_organisation(t).is_some()) >= 0.6 {
            // Cells naming several organisations name the lead: the cell's unit is the lead
            // (`牵头单位：县住建局\n配合单位：…`, `县卫健局（牵头）、…`, `县农业农村局\n各乡镇`).
            if share(&|t| lead_organisation(t).is_some()) == 0.0 {
                return None;
            }
            Box::new(lead_organisation)
        } else {
            let paths: Vec<Vec<String>> = texts.iter().filter_map(|t| path_parts(t)).collect();
            // A few teams, each at the end of its path and none above another's
            // (`县城管局/执法大队/一中队`, `…/二中队`, `城关镇人民政府/执法办公室`): the teams are
            // the units. Many (a depot's seventy), or an office that holds rows of its own
            // above others' (`机务段>运用车间` over `机务段>运用车间>整备班组`): the level below
            // the part all rows share, the levels below it rolled up into it.
            let leaves: HashSet<&Vec<String>> = paths.iter().collect();
            let above_another = leaves
                .iter()
                .any(|a| leaves.iter().any(|b| b.len() > a.len() && b.starts_with(a)));
            // Two teams of one name under different offices (`一大队/一中队`, `二大队/一中队`)
            // are told apart only by their paths: then the level below the shared part.
            let names: HashSet<&String> = leaves.iter().filter_map(|p| p.last()).collect();
            // Communities or villages of one name in two townships, written as one name each
            // (`城关镇东关社区`, `新城镇东关社区`): two units, named as written.
            let written_whole = texts
                .iter()
                .all(|t| !t.contains(crate::layout::evidence::PATH_SEPARATORS));
            if written_whole
                && names.len() < leaves.len()
                && !above_another
                && paths.iter().all(|p| p.len() == 2)
            {
                return None;
            }
            if leaves.len() <= 12
                && names.len() == leaves.len()
                && !above_another
                && paths.iter().all(|p| p.len() >= 2)
            {
                let above: HashSet<&[String]> = paths.iter().map(|p| &p[..p.len() - 1]).collect();
                if let [one] = above.into_iter().collect::<Vec<_>>().as_slice()
                    && let Some(last) = one.last()
                {
                    shared = Some(last.clone());
                }
                for r in rows.iter_mut() {
                    if let Some(cell) = r.fields[ui].as_mut()
                        && let Some(name) = path_parts(&cell.text()).and_then(|p| p.last().cloned())
                    {
                        cell.value = CellValue::Text(name);
                    }
                }
                return shared;
            }
            // The level: the first whose parts differ among the rows (`城关镇` of `城关镇东关村`
            // when the townships differ; `检修车间` under a depot every row shares).
            let deepest = paths.iter().map(Vec::len).max().unwrap_or(0);
            let level = (0..deepest)
                .find(|k| {
                    let mut seen = std::collections::HashSet::new();
                    paths.iter().filter_map(|p| p.get(*k)).for_each(|x| {
                        seen.insert(x.clone());
                    });
                    seen.len() > 1
                })
                .unwrap_or(1);
            // The part above the level, when every path shares it.
            let above: std::collections::HashSet<&String> = paths
                .iter()
                .filter_map(|p| p.get(level.checked_sub(1)?))
                .collect();
            if let ([one], true) = (
                above.into_iter().collect::<Vec<_>>().as_slice(),
                paths.iter().all(|p| p.len() > level),
            ) {
                shared = Some((*one).clone());
            }
            Box::new(move |t: &str| {
                let p = path_parts(t)?;
                p.get(level).or(p.last()).cloned()
            })
        };
    for r in rows.iter_mut() {
        if let Some(cell) = r.fields[ui].as_mut()
            && let Some(name) = rename(&cell.text())
        {
            cell.value = CellValue::Text(name);
        }
    }
    shared
}

/// Gives every measure its ID: the one its row's ID cell holds (for an enumerated cell, its
/// first item; the others are new measures), else one derived from its unit (the row's unit
/// cell, else the ledger's), its problem's and its own text and the number of measures with
/// the same before it — never one a row of the ledger carries.
fn assign_ids(measures: &mut [Measure], rows: &[DataRow], problems: &[Problem], ledger_unit: &str) {
    let carried: std::collections::HashSet<MeasureId> = measures
        .iter()
        .filter_map(|m| carried_id(&rows[m.row], m))
        .map(|(id, _)| id)
        .collect();
    let mut seen: HashMap<MeasureId, u32> = HashMap::new();
    // The unit and problem hashed once for the measures of a problem that follow each other.
    let mut deriver: Option<((usize, String), crate::value::id::Deriver)> = None;
    for m in measures.iter_mut() {
        let row = &rows[m.row];
        if let Some((id, cell)) = carried_id(row, m) {
            m.id = id;
            m.id_cell = Some(cell);
            continue;
        }
        let unit = match row.get(Field::Unit) {
            Some(c) => collapse_spaces(&c.text()),
            None => String::new(),
        };
        let unit = if unit.is_empty() {
            ledger_unit.to_string()
        } else {
            unit
        };
        let key = (m.problem, unit);
        let d = match &deriver {
            Some((k, d)) if *k == key => d,
            _ => {
                let d = crate::value::id::Deriver::new(&key.1, &problems[m.problem].text);
                &deriver.insert((key, d)).1
            }
        };
        let first = d.id(&m.text, 0);
        let n = seen.entry(first).or_insert(0);
        let mut id = first;
        loop {
            if *n > 0 {
                id = d.id(&m.text, *n);
            }
            *n += 1;
            if !carried.contains(&id) {
                break;
            }
        }
        m.id = id;
        m.id_cell = None;
    }
}

/// The ID a measure's row carries, with its cell: for the first item of an enumerated cell
/// or a measure of its own.
fn carried_id(row: &DataRow, m: &Measure) -> Option<(MeasureId, CellRef)> {
    if m.item.is_some_and(|(k, _)| k > 1) {
        return None;
    }
    let cell = row.get(Field::Id).filter(|c| !c.is_filled())?;
    let id = match &cell.value {
        CellValue::Text(t) => MeasureId::parse(t)?,
        _ => return None,
    };
    Some((id, cell.at))
}

/// The ledgers of a sheet: one, or one per unit when the sheet has a unit column (in order of
/// each unit's first row).
pub(crate) fn build_ledgers(
    sheet: &Sheet,
    layout: Layout,
    file: &str,
    file_name: &str,
    settings: &Settings,
) -> Vec<Ledger> {
    let has_units = layout.column_of(Field::Unit).is_some();
    let mut ledger = build_ledger(sheet, layout, file, file_name, settings);
    // Blocks under their units' lines gave rows their units (no unit column).
    let in_blocks = !has_units
        && ledger
            .rows
            .iter()
            .any(|r| r.fields[field_index(Field::Unit)].is_some());
    if in_blocks && settings.unit_for_file(file_name).is_none() {
        return split_by_unit(ledger);
    }
    if !has_units && settings.unit_for_file(file_name).is_none() && units_in_sections(&mut ledger) {
        return split_by_unit(ledger);
    }
    if has_units && !within_the_sheets_unit(&ledger) {
        one_name_for_one_unit(&mut ledger);
        let sections_above = offices_above(&mut ledger);
        let mut out = split_by_unit(ledger);
        places_above(&mut out);
        // Each unit under one section's organisation has it as its parent.
        for l in &mut out {
            let under: HashSet<&String> = l
                .rows
                .iter()
                .filter_map(|r| sections_above.iter().rev().find(|(at, _)| *at < r.row))
                .map(|(_, n)| n)
                .collect();
            if let [one] = under.into_iter().collect::<Vec<_>>().as_slice() {
                l.parent = Some((*one).clone());
            }
        }
        out
    } else {
        vec![ledger]
    }
}

/// True when `short` is the usual shortening of `full`: its characters in `full` in order,
/// ending as `full` ends (`局`; `委` for `委员会`), three characters at least and fewer than
/// `full`'s (`卫健局` of `永宁县卫生健康局`, `县发改委` of `县发展和改革委员会`).
fn shortens(short: &str, full: &str) -> bool {
    let full = full.strip_suffix("员会").unwrap_or(full);
    let s: Vec<char> = short.chars().collect();
    let f: Vec<char> = full.chars().collect();
    if s.len() < 3 || s.len() >= f.len() || s.last() != f.last() {
        return false;
    }
    let mut rest = f.iter();
    s.iter().all(|c| rest.any(|x| x == c))
}

/// A village's committee and collective economy, written after its name
/// (`新华村村民委员会`, `东山村股份经济合作社`): the village.
const VILLAGE_BODIES: [&str; 6] = [
    "股份经济合作社",
    "经济合作社",
    "股份合作社",
    "经济联合社",
    "村民委员会",
    "村委会",
];

/// The village a body of its own stands for: its collective economy (`东山村股份经济合作社`,
/// `东山村经济联合社`), its committee (`东山村村民委员会`) or its party branch
/// (`东山村党支部`) — audited or inspected, it is the village's ledger.
fn village_of_its_body(name: &str) -> Option<String> {
    let s = crate::value::text::squash(name);
    VILLAGE_BODIES
        .iter()
        .chain(&["党总支部委员会", "党支部委员会", "党总支", "党支部"])
        .find_map(|b| s.strip_suffix(b))
        .filter(|v| v.ends_with('村') && v.chars().count() >= 3)
        .map(str::to_string)
}

/// The key under which a unit column's names are one unit's: without white space, and
/// without the government or office a township's or sub-district's name may carry
/// (`青山镇人民政府` is `青山镇`, `城关街道办事处` is `城关街道`).
fn unit_key(name: &str) -> String {
    let s = crate::value::text::squash(name);
    for (suffix, after) in [
        ("人民政府", &["镇", "乡", "县", "区", "市"][..]),
        ("政府", &["镇", "乡"][..]),
        ("办事处", &["街道"][..]),
        ("办", &["街道"][..]),
        ("居民委员会", &["社区"][..]),
        ("居委会", &["社区"][..]),
    ]
    .into_iter()
    .chain(VILLAGE_BODIES.iter().map(|b| (*b, &["村"][..])))
    {
        if let Some(rest) = s.strip_suffix(suffix)
            && after.iter().any(|w| rest.ends_with(w))
        {
            return rest.to_string();
        }
    }
    s
}

/// One name for one unit: the names a unit column writes one unit by (`青山镇人民政府` and
/// `青山镇`; `XX电子 科技有限公司` with a space and without) are read as the shortest of them
/// (the first by its characters on a tie): a name that does not depend on how many rows each
/// form has, so another round's rows keep their unit.
fn one_name_for_one_unit(l: &mut Ledger) {
    let ui = field_index(Field::Unit);
    let mut forms: HashMap<String, Vec<String>> = HashMap::new();
    for r in &l.rows {
        let Some(c) = &r.fields[ui] else { continue };
        let name = collapse_spaces(&c.text());
        let f = forms.entry(unit_key(&name)).or_default();
        if !f.contains(&name) {
            f.push(name);
        }
    }
    let chosen: HashMap<String, String> = forms
        .into_iter()
        .filter(|(_, f)| f.len() > 1)
        .filter_map(|(k, f)| {
            f.into_iter()
                .min_by(|a, b| a.chars().count().cmp(&b.chars().count()).then(a.cmp(b)))
                .map(|n| (k, n))
        })
        .collect();
    if chosen.is_empty() {
        return;
    }
    for r in &mut l.rows {
        let Some(c) = r.fields[ui].as_mut() else {
            continue;
        };
        if let Some(n) = chosen.get(&unit_key(&collapse_spaces(&c.text()))) {
            c.value = CellValue::Text(n.clone());
        }
    }
}

/// A place column (`所属乡镇`, `所在街道`) beside the unit column that holds one place for each
/// unit's rows: the level above the units (`龙泉镇` over its villages), each unit's parent.
fn places_above(ledgers: &mut [Ledger]) {
    let Some(first) = ledgers.first() else {
        return;
    };
    let unit_col = first.layout.column_of(Field::Unit);
    let places: Vec<usize> = first
        .layout
        .columns
        .iter()
        .enumerate()
        .filter(|(_, c)| Some(c.col) != unit_col && crate::layout::is_place(&c.label))
        .map(|(k, _)| k)
        .collect();
    for k in places {
        let one_each: Option<Vec<String>> = ledgers
            .iter()
            .map(|l| {
                let mut seen: Vec<String> = Vec::new();
                for r in &l.rows {
                    if let Some((_, v)) = r.extras.iter().find(|(i, _)| *i == k) {
                        let t = collapse_spaces(&v.text());
                        if !t.is_empty() && !seen.contains(&t) {
                            seen.push(t);
                        }
                    }
                }
                match seen.as_slice() {
                    [one] => Some(one.clone()),
                    _ => None,
                }
            })
            .collect();
        // A place that groups the units (fewer places than units), none of them named above
        // by the sheet already: a ticket per bureau each in its own community is no level.
        if let Some(parents) = one_each {
            let distinct: HashSet<&String> = parents.iter().collect();
            if distinct.len() < ledgers.len() && ledgers.iter().all(|l| l.parent.is_none()) {
                for (l, p) in ledgers.iter_mut().zip(parents) {
                    if l.unit != p {
                        l.parent = Some(p);
                    }
                }
            }
            return;
        }
    }
}

/// True for a cell that gives the day something was finished: a date, or a text naming a day
/// with its year and no `前` (not `2026年12月底前`, not `6月30日`).
pub(crate) fn finished_on_a_day(v: &CellValue, as_of: NaiveDate) -> bool {
    match v {
        CellValue::Date(_) => true,
        CellValue::Text(t) => {
            !t.contains('前')
                && !t.contains('底')
                && matches!(
                    crate::value::deadline::parse_deadline(t, chrono::Datelike::year(&as_of)),
                    Some(ParsedDeadline {
                        deadline: Deadline::Date(_),
                        year_inferred: false,
                    })
                )
        }
        _ => false,
    }
}

/// The name a section heading gives: without its number and a bracket after the name
/// (`一、城关镇（4项）` → `城关镇`).
fn section_name(heading: &str) -> String {
    let t = strip_heading_number(heading);
    let t = crate::value::text::squash(&t);
    // A label before the name (`测站名称：青山水文站`) is no part of it; an organisation
    // before its counts is the name (`青山镇：问题2个，已整改2个`).
    let t = match t.split_once([':', '：']) {
        Some((label, rest))
            if label.chars().count() <= 8
                && !rest.is_empty()
                && !crate::layout::evidence::organisation_name(label) =>
        {
            rest
        }
        _ => t.as_str(),
    };
    let cut = t.find(['(', '（', ':', '：', ';']).unwrap_or(t.len());
    t[..cut].to_string()
}

/// Sections that name organisations over a column of units (`城关市场管理所` over the retailers
/// it inspects): the level above the units under them, no category. Returns each section's row
/// and name (empty when a section names no organisation), and takes them out of the rows'
/// and problems' categories.
fn offices_above(l: &mut Ledger) -> Vec<(u32, String)> {
    let names: Vec<(u32, String)> = l
        .sections
        .iter()
        .map(|(r, h)| (*r, section_name(h)))
        .collect();
    if names.is_empty()
        || !names
            .iter()
            .all(|(_, n)| crate::layout::evidence::organisation_name(n))
    {
        return Vec::new();
    }
    let ci = field_index(Field::Category);
    let rows: HashSet<u32> = names.iter().map(|(r, _)| *r).collect();
    let mut cleared = HashSet::new();
    for r in &mut l.rows {
        if r.fields[ci]
            .as_ref()
            .is_some_and(|c| rows.contains(&c.source.row))
        {
            r.fields[ci] = None;
            cleared.insert(r.row);
        }
    }
    for p in &mut l.problems {
        if l.rows
            .get(p.first_row)
            .is_some_and(|r| cleared.contains(&r.row))
        {
            p.category = None;
        }
    }
    names
}

/// Units written only in section rows (`一、城关镇（4项）`, `二、县自然资源局`): when every
/// section heading of a sheet without a unit column names an organisation (two at least), each
/// row is its section's unit's, and the section is no category. Returns true when it is so.
fn units_in_sections(l: &mut Ledger) -> bool {
    let names: Vec<(u32, String)> = l
        .sections
        .iter()
        .map(|(r, h)| (*r, section_name(h)))
        .collect();
    let distinct: HashSet<&String> = names.iter().map(|(_, n)| n).collect();
    if distinct.len() < 2
        || !names
            .iter()
            .all(|(_, n)| crate::layout::evidence::organisation_name(n))
    {
        return false;
    }
    let ui = field_index(Field::Unit);
    let ci = field_index(Field::Category);
    for r in &mut l.rows {
        let Some((at, n)) = names.iter().rev().find(|(row, _)| *row < r.row) else {
            continue;
        };
        let cell = CellRef::new(*at, 0);
        r.fields[ui] = Some(FieldCell {
            at: CellRef::new(r.row, 0),
            source: cell,
            value: CellValue::Text(n.clone()),
        });
        if r.fields[ci].as_ref().is_some_and(|c| c.source.row == *at) {
            r.fields[ci] = None;
        }
    }
    true
}

/// True when a unit column names what lies within the unit the sheet itself names (a
/// township's sheet `青石镇` listing `青石镇鑫源石材厂`, `青石镇农贸市场` …): most of its names
/// begin with the sheet's unit, so they are the places inspected there, and the rows are the
/// sheet's unit's.
fn within_the_sheets_unit(l: &Ledger) -> bool {
    if !matches!(
        l.unit_source,
        UnitSource::Title | UnitSource::SheetName | UnitSource::Config
    ) {
        return false;
    }
    let ui = field_index(Field::Unit);
    let names: Vec<String> = l
        .rows
        .iter()
        .filter_map(|r| r.fields[ui].as_ref())
        .map(|c| collapse_spaces(&c.text()))
        .collect();
    let inside = names
        .iter()
        .filter(|n| n.len() > l.unit.len() && n.starts_with(l.unit.as_str()))
        .count();
    !names.is_empty() && inside * 10 >= names.len() * 6
}

/// A ledger's problems split by the unit of each problem's first row (rows without a unit
/// stay with the ledger's own unit); each part numbered anew.
fn split_by_unit(whole: Ledger) -> Vec<Ledger> {
    let unit_of = |p: &Problem| {
        let u = collapse_spaces(&whole.rows[p.first_row].text(Field::Unit));
        if u.is_empty() { whole.unit.clone() } else { u }
    };
    let mut units: Vec<String> = Vec::new();
    let mut problem_unit = Vec::with_capacity(whole.problems.len());
    for p in &whole.problems {
        let u = unit_of(p);
        let k = match units.iter().position(|x| *x == u) {
            Some(k) => k,
            None => {
                units.push(u);
                units.len() - 1
            }
        };
        problem_unit.push(k);
    }
    // A sheet whose every row was set aside keeps its one ledger, to name them.
    if units.is_empty() {
        return vec![whole];
    }
    let sheet_unit = (whole.unit.clone(), whole.unit_source);
    // What the sheet names above its units: the part its paths share, else its title's
    // organisation when that is of another kind than theirs (below).
    let mut parent = whole.parent.clone();
    // A title or sheet name of a unit of the same kind as the column's (a sheet copied from
    // another company's file), not of the unit above them (a sub-district's units).
    let kind = crate::layout::unit_kind(&sheet_unit.0);
    let named_by_sheet = matches!(
        whole.unit_source,
        UnitSource::Title | UnitSource::SheetName | UnitSource::Config
    ) && kind.is_some()
        && units.iter().any(|u| crate::layout::unit_kind(u) == kind)
        // A group over its companies is the level above them, not one of them.
        && !crate::layout::above_the_column(&sheet_unit.0, &units);
    if parent.is_none()
        && !named_by_sheet
        && matches!(
            whole.unit_source,
            UnitSource::Title | UnitSource::SheetName | UnitSource::Config
        )
        && !units.contains(&sheet_unit.0)
    {
        parent = Some(sheet_unit.0.clone());
    }
    // One unit whose measures hold every row (a consolidated workbook's run of rows, read a
    // unit at a time): the same ledger as the general path below gives, moved, not copied.
    let every_row_a_measure = whole.measures.len() == whole.rows.len()
        && whole.measures.iter().enumerate().all(|(i, m)| m.row == i)
        && whole
            .problems
            .iter()
            .all(|p| p.first_row < whole.rows.len());
    if let ([unit], true) = (units.as_slice(), every_row_a_measure) {
        let mut one = whole;
        let last_row = one.rows.last().map(|r| r.row);
        one.sections
            .retain(|(r, _)| last_row.is_some_and(|l| *r <= l));
        one.overridden = (named_by_sheet && *unit != sheet_unit.0).then_some(sheet_unit);
        one.unit = unit.clone();
        one.unit_source = UnitSource::Column;
        one.first_of_sheet = true;
        one.parent = parent;
        return vec![one];
    }
    let mut out = Vec::with_capacity(units.len());
    for (k, unit) in units.iter().enumerate() {
        let mine: Vec<usize> = (0..whole.problems.len())
            .filter(|p| problem_unit[*p] == k)
            .collect();
        let mut row_index: HashMap<usize, usize> = HashMap::new();
        let mut rows: Vec<usize> = mine
            .iter()
            .flat_map(|p| whole.problems[*p].measures.iter())
            .map(|m| whole.measures[*m].row)
            .collect();
        rows.sort_unstable();
        rows.dedup();
        for (i, r) in rows.iter().enumerate() {
            row_index.insert(*r, i);
        }
        let mut problems = Vec::with_capacity(mine.len());
        let mut measures = Vec::new();
        let mut order: Vec<(usize, usize)> = Vec::new(); // (old measure, new problem)
        for (new_p, old_p) in mine.iter().enumerate() {
            let p = &whole.problems[*old_p];
            problems.push(Problem {
                number: new_p as u32 + 1,
                seq: p.seq.clone(),
                category: p.category.clone(),
                text: p.text.clone(),
                first_row: row_index.get(&p.first_row).copied().unwrap_or(0),
                measures: Vec::new(),
            });
            order.extend(p.measures.iter().map(|m| (*m, new_p)));
        }
        // Measures in sheet order, as the whole ledger has them.
        order.sort_unstable();
        for (old_m, new_p) in order {
            let m = &whole.measures[old_m];
            problems[new_p].measures.push(measures.len());
            measures.push(Measure {
                problem: new_p,
                row: row_index.get(&m.row).copied().unwrap_or(0),
                number: m.number,
                item: m.item,
                text: m.text.clone(),
                id: m.id,
                id_cell: m.id_cell,
            });
        }
        let first_row = rows.first().map(|r| whole.rows[*r].row);
        let last_row = rows.last().map(|r| whole.rows[*r].row);
        let sections = whole
            .sections
            .iter()
            .filter(|(r, _)| first_row.is_some_and(|f| *r >= f) || k == 0)
            .filter(|(r, _)| last_row.is_some_and(|l| *r <= l))
            .cloned()
            .collect();
        out.push(Ledger {
            file: whole.file.clone(),
            sheet: whole.sheet.clone(),
            unit: unit.clone(),
            unit_source: UnitSource::Column,
            layout: whole.layout.clone(),
            merges_known: whole.merges_known,
            rows: rows.iter().map(|r| whole.rows[*r].clone()).collect(),
            problems,
            measures,
            sections,
            overridden: (k == 0 && named_by_sheet && !units.contains(&sheet_unit.0))
                .then(|| sheet_unit.clone()),
            first_of_sheet: k == 0,
            parts: whole.parts.clone(),
            below_footer: if k == 0 {
                whole.below_footer.clone()
            } else {
                Vec::new()
            },
            shares_sheet: units.len() > 1,
            parent: parent.clone(),
            set_aside: whole
                .set_aside
                .iter()
                .filter(|v| v.unit == *unit || (k == 0 && !units.contains(&v.unit)))
                .cloned()
                .collect(),
        });
    }
    out
}

/// The timing of a measure with this status and deadline (spec 3, `overdue` and `due-soon`).
pub(crate) fn timing(
    status: Option<Status>,
    deadline: Option<Deadline>,
    s: &Settings,
) -> Option<Timing> {
    let deadline = deadline?;
    if status.is_some_and(Status::is_closed) {
        return None;
    }
    let due = match deadline.due_date(s.feedback_date) {
        Some(d) => d,
        None if deadline == Deadline::Immediate => return Some(Timing::Overdue),
        None => return None,
    };
    if due < s.as_of {
        return Some(Timing::Overdue);
    }
    let window_end = s.as_of + chrono::Days::new(u64::from(s.due_soon_days));
    let open = matches!(status, Some(Status::InProgress | Status::NotStarted));
    (open && due <= window_end).then_some(Timing::DueSoon)
}

/// The timing of a measure of a ledger.
pub(crate) fn measure_timing(ledger: &Ledger, m: &Measure, s: &Settings) -> Option<Timing> {
    timing(ledger.status_of(m), ledger.deadline_of(m), s)
}

/// The counters of one ledger's problems and measures (spec 4; the findings' counters are
/// added by the run).
pub fn counters(ledger: &Ledger, s: &Settings) -> Counters {
    let mut c = Counters::default();
    for p in &ledger.problems {
        c.add_problem(ledger.problem_done(p));
    }
    for m in &ledger.measures {
        c.add_measure(ledger.status_of(m), measure_timing(ledger, m, s));
    }
    c
}

/// The ledgers of a consolidated workbook's ledger sheets, read as one (a problem that spills
/// from `整改台账` onto `整改台账(2)` is one problem): one ledger per unit, in order of
/// first row, with the columns the [`crate::schema`] gives (the unit column as the unit)
/// and measures as the sheets hold them (not split again). The sheets share their columns.
pub(crate) fn from_consolidated(
    sheets: &[&Sheet],
    columns: &crate::source::consolidated::LedgerColumns,
    file: &str,
    file_name: &str,
    settings: &Settings,
) -> Vec<Ledger> {
    let Some(first) = sheets.first() else {
        return Vec::new();
    };
    // One sheet of every sheet's rows, numbered on; each further sheet's header left out.
    let mut all = Sheet::new(first.name.clone());
    all.visibility = first.visibility;
    all.merges_known = true;
    let mut parts = Vec::new();
    let mut next = 0u32;
    for (k, s) in sheets.iter().enumerate() {
        if k > 0 {
            // Each further sheet's rows follow its header row, as in the sheet itself.
            parts.push((next, s.name.clone(), 1));
        }
        for r in &s.rows {
            if k > 0 && r.index == crate::schema::ledger::HEADER_ROW {
                continue;
            }
            let index = if k == 0 { r.index } else { next + r.index - 1 };
            all.rows.push(crate::source::grid::Row {
                index,
                cells: r.cells.clone(),
            });
        }
        next = all.height();
    }
    let mut ledgers = from_consolidated_sheet(&all, columns, file, file_name, settings);
    for l in &mut ledgers {
        l.parts = parts.clone();
    }
    ledgers
}

/// The ledgers of consecutive rows of a consolidated workbook's ledger sheets (one unit's, or
/// part of one, as [`crate::pipeline::process_file_parts`] streams them), in the workbook's
/// language: the rows placed one after another under the consolidated header, each finding
/// located back at its sheet and row ([`Ledger::locate`]).
pub(crate) fn from_consolidated_rows(
    rows: Vec<crate::source::consolidated::LedgerRow>,
    lang: crate::Lang,
    file: &str,
    file_name: &str,
    settings: &Settings,
) -> Vec<Ledger> {
    use crate::schema::ledger::{Out, digested};
    let Some(name) = rows.first().map(|r| r.sheet.clone()) else {
        return Vec::new();
    };
    let width = digested().count();
    let mut cells: Vec<(u32, u32, CellValue)> = Vec::with_capacity(rows.len() * width / 2);
    cells.extend(
        digested()
            .enumerate()
            .map(|(i, c)| (0, i as u32, CellValue::Text(c.header(lang).to_string()))),
    );
    let mut parts: Vec<(u32, String, u32)> = Vec::new();
    let mut previous: Option<(String, u32)> = None;
    for (j, r) in rows.into_iter().enumerate() {
        let at = j as u32 + 1;
        let follows =
            matches!(&previous, Some((sheet, row)) if *sheet == r.sheet && row + 1 == r.row);
        if !follows {
            parts.push((at, r.sheet.clone(), r.row));
        }
        for (i, v) in r.values.into_iter().enumerate() {
            let value = match v {
                Out::Empty => continue,
                Out::Text(t) => CellValue::Text(t),
                Out::Number(n) => CellValue::Number(n),
                Out::Date(d) => CellValue::Date(d.and_time(chrono::NaiveTime::MIN)),
            };
            cells.push((at, i as u32, value));
        }
        match &mut previous {
            Some((sheet, row)) if *sheet == r.sheet => *row = r.row,
            _ => previous = Some((r.sheet, r.row)),
        }
    }
    let mut sheet = Sheet::from_written_cells(name, cells);
    sheet.merges_known = true;
    let Some(columns) = crate::source::consolidated::LedgerColumns::of(&sheet) else {
        return Vec::new();
    };
    let mut ledgers = from_consolidated_sheet(&sheet, &columns, file, file_name, settings);
    for l in &mut ledgers {
        l.parts = parts.clone();
    }
    ledgers
}

fn from_consolidated_sheet(
    sheet: &Sheet,
    columns: &crate::source::consolidated::LedgerColumns,
    file: &str,
    file_name: &str,
    settings: &Settings,
) -> Vec<Ledger> {
    use crate::schema::ledger::{Col, HEADER_ROW};
    let lang = columns.lang;
    let cols: Vec<Column> = Col::ALL
        .iter()
        .filter(|c| c.is_read_as_input())
        .filter_map(|c| {
            Some(Column {
                col: columns.col(*c)?,
                field: c.input_field(),
                label: c.header(lang).to_string(),
            })
        })
        .collect();
    let mut layout = Layout::known(HEADER_ROW, cols, sheet.height());
    layout.split_measures = false;
    let mut ledgers = build_ledgers(sheet, layout, file, file_name, settings);
    // Each unit keeps the level above it its rows name (one name: a merge of merged workbooks
    // rolls the districts' units up as they were).
    if let Some(at) = columns.col(Col::Parent) {
        for l in &mut ledgers {
            let mut named = l.rows.iter().map(|r| {
                sheet
                    .value(r.row, at)
                    .map(|v| v.display().trim().to_string())
                    .unwrap_or_default()
            });
            let first = named.next().unwrap_or_default();
            if !first.is_empty() && named.all(|n| n == first) {
                l.parent = Some(first);
            }
        }
    }
    ledgers
}

/// `一、落实…方面` → `落实…方面`; `(二)党建引领` → `党建引领`.
fn strip_heading_number(s: &str) -> String {
    let t = s.trim();
    let after_num = t.trim_start_matches(|c: char| "一二三四五六七八九十0123456789".contains(c));
    if after_num.len() < t.len()
        && let Some(rest) = after_num.strip_prefix(['、', '.', '．'])
    {
        return rest.trim().to_string();
    }
    if let Some(rest) = t.strip_prefix(['(', '（'])
        && let Some(i) = rest.find([')', '）'])
    {
        let close = rest[i..].chars().next().map_or(1, char::len_utf8);
        return rest[i + close..].trim().to_string();
    }
    t.trim_start_matches(is_punct).to_string()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::layout::find_layout;
    use crate::source::grid::Merge;

    fn sheet(rows: &[&[&str]]) -> Sheet {
        let mut cells = Vec::new();
        for (r, row) in rows.iter().enumerate() {
            for (c, v) in row.iter().enumerate() {
                if !v.is_empty() {
                    cells.push((r as u32, c as u32, CellValue::Text(v.to_string())));
                }
            }
        }
        Sheet::from_cells("台账", cells)
    }

    fn settings() -> Settings {
        Settings::new(NaiveDate::from_ymd_opt(2023, 3, 30).unwrap())
    }

    fn build(s: &Sheet) -> Ledger {
        let l = find_layout(s, &settings(), "f.xlsx").unwrap();
        build_ledger(s, l, "f.xlsx", "f.xlsx", &settings())
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
    ];

    #[test]
    fn a_void_rows_continuation_is_set_aside_with_it() {
        let h: &[&str] = &[
            "序号",
            "反馈问题",
            "整改措施",
            "责任人",
            "整改时限",
            "完成情况",
        ];
        let s = sheet(&[
            h,
            &["1", "问题甲", "措施一", "李", "2023年6月底", "作废"],
            &["", "", "措施二", "李", "2023年6月底", "已完成"],
            &["2", "问题乙", "措施三", "王", "2023年6月底", "已完成"],
            &["3", "问题丙", "措施四", "赵", "2023年6月底", "推进中"],
        ]);
        let l = build(&s);
        assert_eq!(l.measures.len(), 2);
        assert_eq!(l.problems.len(), 2);
        assert_eq!(l.set_aside.len(), 2);
        assert!(
            l.set_aside
                .iter()
                .all(|a| a.why == Aside::Void("作废".to_string()))
        );
    }

    #[test]
    fn a_files_name_gives_the_organisation_it_names() {
        let s = sheet(&[
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
            ],
        ]);
        let l = find_layout(&s, &settings(), "f.xlsx").unwrap();
        for (file, want) in [
            ("张庄村台账.xlsx", "张庄村"),
            ("县林业局巡察整改台账.xlsx", "县林业局"),
            ("庆利社区.xlsx", "庆利社区"),
            ("城关镇.xlsx", "城关镇"),
            ("2024年整改台账.xlsx", "2024年整改台账"),
        ] {
            let (unit, from) = unit_of(&settings(), file, "台账", &l);
            assert_eq!(
                (unit.as_str(), from),
                (want, UnitSource::FileName),
                "{file}"
            );
        }
    }

    #[test]
    fn merged_problem_cells_fill_down() {
        let mut s = sheet(&[
            HEADER,
            &[
                "1",
                "问题甲",
                "措施一",
                "王",
                "党办",
                "李",
                "2023年6月底",
                "已完成",
            ],
            &["", "", "措施二", "王", "党办", "赵", "长期坚持", "长期坚持"],
            &[
                "2",
                "问题乙",
                "措施三",
                "王",
                "党办",
                "李",
                "2023年1月",
                "推进中",
            ],
        ]);
        s.merges = vec![
            Merge {
                first: CellRef::new(1, 0),
                last: CellRef::new(2, 0),
            },
            Merge {
                first: CellRef::new(1, 1),
                last: CellRef::new(2, 1),
            },
        ];
        s.merges_known = true;
        let l = build(&s);
        assert_eq!(l.problems.len(), 2);
        assert_eq!(l.measures.len(), 3);
        assert_eq!(l.rows[1].text(Field::Problem), "问题甲");
        assert!(l.rows[1].get(Field::Problem).unwrap().is_filled());
        assert!(!l.rows[1].continues);
        assert!(l.problem_done(&l.problems[0]));
        assert!(!l.problem_done(&l.problems[1]));
    }

    #[test]
    fn blank_problem_cells_continue_the_problem_above() {
        let s = sheet(&[
            HEADER,
            &[
                "1",
                "问题甲",
                "措施一",
                "王",
                "党办",
                "李",
                "2023年6月底",
                "已完成",
            ],
            &[
                "",
                "",
                "措施二",
                "王",
                "党办",
                "赵",
                "2023年6月底",
                "已完成",
            ],
            &[
                "2",
                "问题乙",
                "措施三",
                "王",
                "党办",
                "李",
                "2023年6月底",
                "已完成",
            ],
        ]);
        let l = build(&s);
        assert_eq!(l.problems.len(), 2);
        assert!(l.rows[1].continues);
        assert_eq!(l.rows[1].text(Field::Problem), "问题甲");
        assert_eq!(l.problems[0].measures, vec![0, 1]);
    }

    #[test]
    fn enumerated_cells_are_several_measures() {
        let s = sheet(&[
            HEADER,
            &[
                "1",
                "问题甲",
                "一是召开会议;二是制定方案;三是督查",
                "王",
                "党办",
                "李",
                "2023年6月底",
                "已完成",
            ],
        ]);
        let l = build(&s);
        assert_eq!(l.measures.len(), 3);
        assert_eq!(l.measures[2].text, "督查");
        assert_eq!(l.measures[2].item, Some((3, 3)));
        assert_eq!(l.measures[2].number, 3);
    }

    #[test]
    fn blocks_stacked_under_their_units_lines_are_those_units() {
        let h: &[&str] = &["序号", "隐患描述", "整改措施", "整改期限", "整改情况"];
        let s = sheet(&[
            &["XX化工园区特殊作业检查隐患整改台账"],
            &["填报单位：XX化工园区安全生产监督管理局"],
            &[
                "单位：XX华昌化工有限公司",
                "",
                "",
                "检查日期：2023年3月12日",
            ],
            h,
            &["1", "作业票不全", "重新审批", "立行立改", "整改中"],
            &["2", "未设监护人", "配备监护人", "2023年6月30日", "已整改"],
            &[
                "单位：XX新能源材料有限公司",
                "",
                "",
                "检查日期：2023年3月20日",
            ],
            h,
            &["1", "可燃物未清理", "清理", "立行立改", "已整改"],
            &["共3条记录"],
            &["填表人：吴秀英"],
        ]);
        let l = find_layout(&s, &settings(), "f.xlsx").unwrap();
        // The first header, not its copy further down.
        assert_eq!(l.header_row, 3);
        let ls = build_ledgers(&s, l, "f.xlsx", "f.xlsx", &settings());
        let got: Vec<(&str, usize)> = ls.iter().map(|l| (l.unit.as_str(), l.rows.len())).collect();
        assert_eq!(
            got,
            vec![("XX华昌化工有限公司", 2), ("XX新能源材料有限公司", 1)]
        );
        // `立行立改` is due on its block's day found: the first block's, before the as-of date.
        let first = &ls[0];
        assert_eq!(
            first.deadline_of(&first.measures[0]),
            Some(crate::value::deadline::Deadline::Date(
                NaiveDate::from_ymd_opt(2023, 3, 12).unwrap()
            ))
        );
    }

    #[test]
    fn a_ticked_state_is_its_sub_headers() {
        use crate::source::grid::Merge;
        let mut s = sheet(&[
            &[
                "序号",
                "积水点位",
                "整改措施",
                "责任单位",
                "完成时限",
                "完成情况",
                "",
                "",
                "备注",
            ],
            &["", "", "", "", "", "已完成", "正在推进", "未启动", ""],
            &[
                "1",
                "人民路口",
                "新建雨水井4座",
                "县住房和城乡建设局",
                "2023年6月底前",
                "√",
                "",
                "",
                "",
            ],
            &[
                "2",
                "火车站下穿通道",
                "增设强排泵站",
                "县住房和城乡建设局",
                "2023年5月31日前",
                "",
                "√",
                "",
                "",
            ],
            &[
                "3",
                "滨河路管网",
                "更换管道300米",
                "县城市管理局",
                "2023年9月底前",
                "",
                "",
                "√",
                "",
            ],
            // Two ticks: no one state.
            &[
                "4",
                "解放路口",
                "疏通管网",
                "县城市管理局",
                "2023年9月底前",
                "√",
                "",
                "√",
                "",
            ],
        ]);
        let m = |r1, c1, r2, c2| Merge {
            first: CellRef::new(r1, c1),
            last: CellRef::new(r2, c2),
        };
        s.merges = vec![
            m(0, 0, 1, 0),
            m(0, 1, 1, 1),
            m(0, 2, 1, 2),
            m(0, 3, 1, 3),
            m(0, 4, 1, 4),
            m(0, 5, 0, 7),
            m(0, 8, 1, 8),
        ];
        s.merges_known = true;
        let l = find_layout(&s, &settings(), "f.xlsx").unwrap();
        let ls = build_ledgers(&s, l, "f.xlsx", "f.xlsx", &settings());
        let states: Vec<Option<Status>> = ls
            .iter()
            .flat_map(|l| l.measures.iter().map(move |m| l.status_of(m)))
            .collect();
        assert_eq!(
            states,
            [
                Some(Status::Done),
                Some(Status::InProgress),
                Some(Status::NotStarted),
                None
            ]
        );
    }

    #[test]
    fn an_exports_count_of_records_is_no_item() {
        for t in [
            "共13条记录",
            "共计13条",
            "合计：13项",
            "共 5 条",
            "共 2 条记录 第 1 页",
        ] {
            let t = crate::value::text::squash(t);
            assert!(is_record_count(&t), "{t}");
        }
        for t in ["共同整改", "共13家企业未整改", "13条"] {
            assert!(!is_record_count(t), "{t}");
        }
    }

    #[test]
    fn sections_of_offices_over_a_unit_column_are_parents_not_categories() {
        let h: &[&str] = &["序号", "被检查单位", "检查发现问题", "整改时限", "完成情况"];
        let s = sheet(&[
            h,
            &["一、城关市场管理所"],
            &["1", "福满多便利店", "未明码标价", "2023年6月底", "已整改"],
            &["2", "好又多超市", "台账不全", "2023年6月底", "整改中"],
            &["二、东关市场管理所"],
            &["3", "老街烟酒商行", "超量存储", "2023年6月底", "拒不整改"],
        ]);
        let l = find_layout(&s, &settings(), "f.xlsx").unwrap();
        let ls = build_ledgers(&s, l, "f.xlsx", "f.xlsx", &settings());
        let got: Vec<(&str, Option<&str>, Option<&str>)> = ls
            .iter()
            .map(|l| {
                (
                    l.unit.as_str(),
                    l.parent.as_deref(),
                    l.problems[0].category.as_deref(),
                )
            })
            .collect();
        assert_eq!(
            got,
            vec![
                ("福满多便利店", Some("城关市场管理所"), None),
                ("好又多超市", Some("城关市场管理所"), None),
                ("老街烟酒商行", Some("东关市场管理所"), None),
            ]
        );
    }

    #[test]
    fn a_span_counts_from_the_day_a_line_above_the_header_gives() {
        let h: &[&str] = &[
            "序号",
            "反馈问题",
            "整改措施",
            "责任人",
            "整改时限",
            "完成情况",
        ];
        let s = sheet(&[
            &["反馈日期：2023年3月1日"],
            h,
            &["1", "问题甲", "措施一", "李", "15日内", "推进中"],
            &["2", "问题乙", "措施二", "王", "次月底前", "推进中"],
        ]);
        let l = build(&s);
        let due: Vec<Option<NaiveDate>> = l
            .rows
            .iter()
            .map(|r| match r.deadline {
                Parsed::Ok(ParsedDeadline {
                    deadline: Deadline::Date(d),
                    ..
                }) => Some(d),
                _ => None,
            })
            .collect();
        assert_eq!(
            due,
            vec![
                NaiveDate::from_ymd_opt(2023, 3, 16),
                NaiveDate::from_ymd_opt(2023, 4, 30)
            ]
        );
        // A deadline to report back is no day found, and a check's day comes before a
        // feedback's.
        let s = sheet(&[
            &[
                "反馈时间：2023年3月15日前",
                "反馈日期：2023年3月10日",
                "检查时间：2023年3月2日",
            ],
            h,
            &["1", "问题甲", "措施一", "李", "15日内", "推进中"],
        ]);
        let l = build(&s);
        assert_eq!(
            l.rows[0].deadline,
            Parsed::Ok(ParsedDeadline {
                deadline: Deadline::Date(NaiveDate::from_ymd_opt(2023, 3, 17).unwrap()),
                year_inferred: false,
            })
        );
    }

    #[test]
    fn a_term_the_notes_define_is_the_day_they_say() {
        let h: &[&str] = &[
            "序号",
            "反馈问题",
            "整改措施",
            "责任人",
            "整改时限",
            "完成情况",
        ];
        let s = sheet(&[
            h,
            &["1", "问题甲", "措施一", "李", "2023年汛前", "推进中"],
            &["2", "问题乙", "措施二", "王", "2023年6月底", "推进中"],
            &["说明：“2023年汛前”指2023年3月15日前。"],
        ]);
        let l = build(&s);
        assert_eq!(l.measures.len(), 2);
        assert_eq!(
            l.rows[0].deadline,
            Parsed::Ok(ParsedDeadline {
                deadline: Deadline::Date(NaiveDate::from_ymd_opt(2023, 3, 15).unwrap()),
                year_inferred: false,
            })
        );
    }

    #[test]
    fn a_few_teams_at_the_ends_of_their_paths_are_the_units() {
        let units = |paths: &[&str]| -> Vec<String> {
            let h: &[&str] = &["序号", "责任单位", "反馈问题", "整改时限", "完成情况"];
            let mut rows: Vec<Vec<&str>> = vec![h.to_vec()];
            let seqs = ["1", "2", "3", "4"];
            for (k, p) in paths.iter().enumerate() {
                rows.push(vec![seqs[k], p, "问题", "2023年6月底", "已完成"]);
            }
            let rows: Vec<&[&str]> = rows.iter().map(Vec::as_slice).collect();
            let s = sheet(&rows);
            let l = find_layout(&s, &settings(), "f.xlsx").unwrap();
            build_ledgers(&s, l, "f.xlsx", "f.xlsx", &settings())
                .into_iter()
                .map(|l| l.unit)
                .collect()
        };
        assert_eq!(
            units(&[
                "县城市管理局/综合执法大队/一中队",
                "县城市管理局/综合执法大队/二中队",
                "城关镇人民政府/综合行政执法办公室",
            ]),
            ["一中队", "二中队", "综合行政执法办公室"]
        );
        // Two teams of one name: told apart by the level below the part the paths share.
        assert_eq!(
            units(&["县城市管理局/一大队/一中队", "县城市管理局/二大队/一中队"]),
            ["一大队", "二大队"]
        );
        // An office with rows of its own above a team's: the level below the shared part.
        assert_eq!(
            units(&[
                "机务段>运用车间",
                "机务段>运用车间>整备班组",
                "机务段>检修车间>电机班组"
            ]),
            ["运用车间", "检修车间"]
        );
    }

    #[test]
    fn a_blank_state_beside_a_day_finished_is_done_not_beside_a_plan() {
        let h: &[&str] = &[
            "序号",
            "反馈问题",
            "整改措施",
            "整改时限",
            "完成时间",
            "完成情况",
        ];
        let s = sheet(&[
            h,
            &[
                "1",
                "问题甲",
                "措施一",
                "2023年3月31日",
                "2023年3月15日",
                "",
            ],
            &[
                "2",
                "问题乙",
                "措施二",
                "2023年6月30日",
                "2023年6月底前",
                "",
            ],
            &["3", "问题丙", "措施三", "2023年6月30日", "2023年5月2日", ""],
            &["4", "问题丁", "措施四", "2023年6月30日", "", "推进中"],
        ]);
        let l = build(&s);
        let got: Vec<Parsed<Status>> = l.rows.iter().map(|r| r.status).collect();
        // As of 2023-03-30: a day finished before it is done; a plan, or a day after it, is not.
        assert_eq!(
            got,
            vec![
                Parsed::Ok(Status::Done),
                Parsed::Empty,
                Parsed::Empty,
                Parsed::Ok(Status::InProgress)
            ]
        );
    }

    #[test]
    fn a_number_starting_again_under_a_section_starts_another_problem() {
        let s = sheet(&[
            &[
                "序号",
                "隐患类别",
                "隐患内容",
                "治理措施",
                "治理时限",
                "治理进展",
            ],
            &["一、城关供电所"],
            &[
                "1",
                "树障",
                "导线与树木距离不足",
                "修剪",
                "2025.6.30",
                "已消缺",
            ],
            &[
                "2",
                "设备缺陷",
                "台架锈蚀",
                "更换台架",
                "2025.6.30",
                "治理中",
            ],
            &["二、马庄供电所"],
            &["1", "杆塔", "电杆倾斜", "扶正", "2025.6.30", "已消缺"],
            &["2", "设备缺陷", "配变重过载", "增容", "2025.9.30", "治理中"],
        ]);
        let l = build(&s);
        assert_eq!(l.rows.len(), 4);
        // `2 设备缺陷` under each section: two problems, one measure each.
        assert_eq!(l.problems.len(), 4);
        assert!(l.problems.iter().all(|p| p.measures.len() == 1));
    }

    #[test]
    fn section_rows_name_the_category() {
        let s = sheet(&[
            HEADER,
            &["一、落实基层治理政治责任方面"],
            &[
                "1",
                "问题甲",
                "措施一",
                "王",
                "党办",
                "李",
                "2023年6月底",
                "已完成",
            ],
        ]);
        let l = build(&s);
        assert_eq!(l.rows.len(), 1);
        assert_eq!(l.sections.len(), 1);
        assert_eq!(l.rows[0].text(Field::Category), "落实基层治理政治责任方面");
        assert_eq!(
            l.problems[0].category.as_deref(),
            Some("落实基层治理政治责任方面")
        );
    }

    #[test]
    fn values_are_read_through_their_grammars() {
        let s = sheet(&[
            HEADER,
            &[
                "1",
                "问题甲",
                "措施一",
                "王",
                "党办",
                "李",
                "尽快",
                "看情况",
            ],
        ]);
        let l = build(&s);
        assert_eq!(l.rows[0].deadline, Parsed::Bad);
        assert_eq!(l.rows[0].status, Parsed::Bad);
    }

    #[test]
    fn heading_numbers_are_stripped() {
        assert_eq!(strip_heading_number("一、党建方面"), "党建方面");
        assert_eq!(strip_heading_number("(二)作风方面"), "作风方面");
        assert_eq!(strip_heading_number("（一）东湖村"), "东湖村");
        assert_eq!(strip_heading_number("作风方面"), "作风方面");
    }

    #[test]
    fn a_sections_name_is_read_past_its_label_and_notes() {
        assert_eq!(
            section_name(
                "测站名称：青山水文站（国家基本水文站，站码60412300）    检查日期：2025年3月18日"
            ),
            "青山水文站"
        );
        assert_eq!(section_name("一、城关镇（4项）"), "城关镇");
        // An organisation before its counts is the name, no label.
        assert_eq!(section_name("一、青山镇：问题2个，已整改2个"), "青山镇");
    }

    #[test]
    fn one_unit_is_one_key_whatever_its_form() {
        assert_eq!(unit_key("青山镇人民政府"), "青山镇");
        assert_eq!(unit_key("城关街道办事处"), "城关街道");
        assert_eq!(unit_key("XX电子 科技有限公司"), "XX电子科技有限公司");
        assert_eq!(unit_key("白石乡政府"), "白石乡");
        assert_eq!(unit_key("城关街道办"), "城关街道");
        assert_eq!(unit_key("新华村村民委员会"), "新华村");
        assert_eq!(unit_key("新华村股份经济合作社"), "新华村");
        assert_eq!(
            village_of_its_body("东山村股份经济合作社").as_deref(),
            Some("东山村")
        );
        assert_eq!(
            village_of_its_body("东山村党支部").as_deref(),
            Some("东山村")
        );
        assert!(shortens("卫健局", "永宁县卫生健康局"));
        assert!(shortens("县发改委", "县发展和改革委员会"));
        assert!(shortens("县人社局", "县人力资源和社会保障局"));
        assert!(!shortens("县财政局", "县审计局"));
        assert!(!shortens("教育局", "教育局"));
        // A cooperative of a trade is no village's body.
        assert_eq!(village_of_its_body("青山果蔬专业合作社"), None);
        assert_eq!(unit_key("青山社区居民委员会"), "青山社区");
        // A township's Party committee is another body.
        assert_eq!(unit_key("青山镇党委"), "青山镇党委");
        // A government's office is an office of its own.
        assert_eq!(unit_key("县人民政府办公室"), "县人民政府办公室");
    }
}

#[cfg(test)]
mod examples {
    //! The examples of crate-private items, once in their documentation.

    /// `ledger::timing`
    #[test]
    fn timing() {
        use crate::config::Settings;
        use crate::ledger::timing;
        use crate::model::Timing;
        use crate::value::{deadline::Deadline, status::Status};
        use chrono::NaiveDate;
        let s = Settings::new(NaiveDate::from_ymd_opt(2023, 3, 30).unwrap());
        let d = |m, day| {
            Some(Deadline::Date(
                NaiveDate::from_ymd_opt(2023, m, day).unwrap(),
            ))
        };
        assert_eq!(
            timing(Some(Status::InProgress), d(3, 1), &s),
            Some(Timing::Overdue)
        );
        assert_eq!(timing(Some(Status::Done), d(3, 1), &s), None);
        assert_eq!(
            timing(Some(Status::NotStarted), d(4, 10), &s),
            Some(Timing::DueSoon)
        );
        assert_eq!(
            timing(Some(Status::InProgress), Some(Deadline::Immediate), &s),
            Some(Timing::Overdue)
        );
        assert_eq!(timing(None, Some(Deadline::LongTerm), &s), None);
    }
}
