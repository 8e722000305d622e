//! The lists of `taizhang split` ([`crate::schema::split`]): each unit's measures, with what
//! taizhang found wrong in each row and a notice addressed to the unit, one workbook per unit.
//!
//! [`Splitter`] takes the run's files in input order (a unit whose ledgers are in several files
//! gets one list with all of them, problems numbered on) and writes the lists at the end.

use super::template::{StdLedger, standard_sheet};
use crate::config::Settings;
use crate::finding::Finding;
use crate::ledger::{Ledger, measure_timing};
use crate::messages;
use crate::model::{Counter, Counters, Timing};
use crate::pipeline::FileResult;
use crate::row::{RowPlace, row_values};
use crate::schema::ledger::{Col, Out};
use crate::schema::split::{ListCol, NOTICE_SHEET, NOTICE_TITLE_ROW, file_name};
use crate::schema::template::StdColumn;
use crate::source::grid::{CellRef, CellValue};
use chrono::NaiveDate;
use rust_xlsxwriter::{Format, FormatAlign, Workbook, XlsxError};
use std::collections::HashMap;
use std::path::{Path, PathBuf};

/// One row of a list: the consolidated row's values and what to fix in it.
#[derive(Debug, Clone)]
struct ListRow {
    values: Vec<Out>,
    to_fix: Vec<String>,
}

/// An overdue or due-soon item, as the notice lists it.
#[derive(Debug, Clone)]
struct Item {
    problem_no: u64,
    problem: String,
    measure: String,
    deadline: String,
    status: String,
}

/// One unit's list.
#[derive(Debug, Clone, Default)]
pub(crate) struct UnitList {
    /// The unit.
    pub(crate) unit: String,
    /// Its counters (problems and measures; findings counted by severity).
    pub(crate) counters: Counters,
    rows: Vec<ListRow>,
    problems: u64,
    overdue: Vec<Item>,
    due_soon: Vec<Item>,
    /// Findings on no row of the list (a missing column, a file-level finding), as lines.
    general: Vec<String>,
}

impl UnitList {
    /// How many rows have something to fix.
    pub(crate) fn rows_to_fix(&self) -> usize {
        self.rows.iter().filter(|r| !r.to_fix.is_empty()).count()
    }

    /// How many measures the list holds.
    pub(crate) fn measures(&self) -> usize {
        self.rows.len()
    }
}

/// Collects the run's ledgers into one list per unit.
#[derive(Debug)]
pub(crate) struct Splitter<'s> {
    settings: &'s Settings,
    lists: Vec<UnitList>,
    index: HashMap<String, usize>,
}

/// Why `split` stopped.
#[derive(Debug, thiserror::Error)]
pub enum SplitError {
    /// A list could not be built.
    #[error("{unit}: building the list: {source}")]
    Xlsx {
        /// The unit.
        unit: String,
        /// Why.
        source: XlsxError,
    },
    /// A list could not be written.
    #[error(transparent)]
    Write(#[from] crate::write::WriteError),
    /// The folder could not be made.
    #[error("{path}: {source}")]
    Folder {
        /// The folder.
        path: String,
        /// Why.
        source: std::io::Error,
    },
}

impl SplitError {
    /// Why the lists could not be written, in a language.
    pub(crate) fn said(&self, lang: crate::Lang) -> String {
        use crate::messages::errors;
        match self {
            SplitError::Xlsx { unit, source } => {
                errors::list_failed(unit, &errors::xlsx_error(source, lang), lang)
            }
            SplitError::Write(w) => w.said(lang),
            SplitError::Folder { path, source } => {
                errors::folder_failed(path, &errors::io_error(source, lang), lang)
            }
        }
    }
}

impl<'s> Splitter<'s> {
    /// No lists yet.
    pub(crate) fn new(settings: &'s Settings) -> Splitter<'s> {
        Splitter {
            settings,
            lists: Vec::new(),
            index: HashMap::new(),
        }
    }

    /// The lists so far, in order of each unit's first ledger.
    pub(crate) fn lists(&self) -> &[UnitList] {
        &self.lists
    }

    fn list(&mut self, unit: &str) -> &mut UnitList {
        let k = match self.index.get(unit) {
            Some(k) => *k,
            None => {
                self.lists.push(UnitList {
                    unit: unit.to_string(),
                    ..UnitList::default()
                });
                self.index.insert(unit.to_string(), self.lists.len() - 1);
                self.lists.len() - 1
            }
        };
        &mut self.lists[k]
    }

    /// Adds one file's ledgers, each to its unit's list, with the file's findings: those on a
    /// measure's row go in the row's `需整改事项`, the others on the notice.
    pub(crate) fn add(&mut self, r: &FileResult) {
        let s = self.settings;
        let lang = s.lang;
        let mut on_row: HashMap<(&str, &str, u32), Vec<&Finding>> = HashMap::new();
        for f in &r.findings {
            if let Some(c) = f.cell {
                on_row
                    .entry((f.unit.as_str(), f.sheet.as_str(), c.row))
                    .or_default()
                    .push(f);
            }
        }
        // The rows of the file's measures: a finding on one goes in that row's `需整改事项`.
        let mut measure_rows: std::collections::HashSet<(String, String, u32)> =
            std::collections::HashSet::new();
        for l in &r.ledgers {
            let rows = self.rows_of(l, &on_row, &mut measure_rows);
            let counters = crate::ledger::counters(l, s);
            let list = self.list(&l.unit);
            list.counters.add(&counters);
            let (rows, items, problems) = rows;
            list.problems += problems;
            for (timing, item) in items {
                match timing {
                    Timing::Overdue => list.overdue.push(item),
                    Timing::DueSoon => list.due_soon.push(item),
                }
            }
            list.rows.extend(rows);
        }
        let placed: Vec<bool> = r
            .findings
            .iter()
            .map(|f| {
                f.cell.is_some_and(|c| {
                    measure_rows.contains(&(f.unit.clone(), f.sheet.clone(), c.row))
                })
            })
            .collect();
        for (k, f) in r.findings.iter().enumerate() {
            let unit = if f.unit.is_empty() {
                match r.ledgers.first() {
                    Some(l) => l.unit.clone(),
                    None => continue,
                }
            } else {
                f.unit.clone()
            };
            let list = self.list(&unit);
            list.counters.add_severity(f.severity());
            if !placed[k] {
                let at = match f.cell {
                    Some(c) if !f.sheet.is_empty() => format!("{}!{c}", f.sheet),
                    _ if !f.sheet.is_empty() => f.sheet.clone(),
                    _ => String::new(),
                };
                let file = std::path::Path::new(&f.file)
                    .file_name()
                    .map(|n| n.to_string_lossy().into_owned())
                    .unwrap_or_else(|| f.file.clone());
                let place = if at.is_empty() {
                    file
                } else {
                    format!("{file} {at}")
                };
                list.general.push(format!(
                    "{place}{}{}",
                    messages::colon(lang),
                    messages::findings::message(f, lang)
                ));
            }
        }
    }

    /// A ledger's rows for its unit's list, its overdue and due-soon items, and how many
    /// problems it numbers; each row's place (unit, sheet, row) goes in `measure_rows`.
    #[allow(clippy::type_complexity)]
    fn rows_of(
        &self,
        l: &Ledger,
        on_row: &HashMap<(&str, &str, u32), Vec<&Finding>>,
        measure_rows: &mut std::collections::HashSet<(String, String, u32)>,
    ) -> (Vec<ListRow>, Vec<(Timing, Item)>, u64) {
        let s = self.settings;
        let lang = s.lang;
        let offset = self
            .index
            .get(&l.unit)
            .map_or(0, |k| self.lists[*k].problems);
        let mut numbers: Vec<Option<u64>> = vec![None; l.problems.len()];
        let mut n = 0;
        let mut rows = Vec::with_capacity(l.measures.len());
        let mut items = Vec::new();
        for m in &l.measures {
            let problem_no = *numbers[m.problem].get_or_insert_with(|| {
                n += 1;
                offset + n
            });
            let timing = measure_timing(l, m, s);
            let place = RowPlace {
                no: rows.len() as u64 + 1,
                problem_no,
            };
            let done = l.problem_done(&l.problems[m.problem]);
            let mut values = row_values(l, m, place, done, timing, s);
            values[Col::Extras.index() as usize] = Out::text(own_extras(l, m));
            let (sheet, at) = l.locate(CellRef::new(l.row_of(m).row, 0));
            let mut to_fix: Vec<String> = Vec::new();
            if let Some(fs) = on_row.get(&(l.unit.as_str(), sheet.as_str(), at.row)) {
                for f in fs {
                    let text = messages::findings::message(f, lang);
                    if !to_fix.contains(&text) {
                        to_fix.push(text);
                    }
                }
            }
            measure_rows.insert((l.unit.clone(), sheet, at.row));
            if let Some(t) = timing {
                let get = |c: Col| values[c.index() as usize].canonical();
                items.push((
                    t,
                    Item {
                        problem_no,
                        problem: get(Col::Problem),
                        measure: get(Col::Measure),
                        deadline: get(Col::DeadlineWritten),
                        status: get(Col::StatusWritten),
                    },
                ));
            }
            rows.push(ListRow { values, to_fix });
        }
        (rows, items, n)
    }

    /// Writes every unit's list into `folder` (made if missing), each whole or not at all;
    /// returns the files written, in unit order.
    pub(crate) fn write(
        &self,
        folder: &Path,
        return_by: Option<NaiveDate>,
    ) -> Result<Vec<PathBuf>, SplitError> {
        std::fs::create_dir_all(folder).map_err(|e| SplitError::Folder {
            path: folder.display().to_string(),
            source: e,
        })?;
        let mut written = Vec::new();
        let mut names: HashMap<String, u32> = HashMap::new();
        for list in &self.lists {
            let mut name = file_name(&list.unit);
            // Two units whose names clean to the same file name get numbered files.
            let n = names.entry(name.clone()).or_insert(0);
            *n += 1;
            if *n > 1 {
                name = format!("{}({n}).xlsx", name.trim_end_matches(".xlsx"));
            }
            let path = folder.join(&name);
            let mut wb =
                list_workbook(list, self.settings, return_by).map_err(|e| SplitError::Xlsx {
                    unit: list.unit.clone(),
                    source: e,
                })?;
            crate::write::write_atomic(&path, |f| wb.save_to_writer(f).map_err(|e| e.to_string()))?;
            written.push(path);
        }
        Ok(written)
    }
}

/// The other columns a measure's source holds, for its list: a source's own extra columns as
/// `label:value` lines, a consolidated workbook's `其他列` as it is — but not the columns a
/// consolidated workbook carries for provenance (`原序号`, `来源文件` …): the list is the
/// next round's source.
fn own_extras(l: &Ledger, m: &crate::ledger::Measure) -> String {
    l.row_of(m)
        .extras
        .iter()
        .filter_map(|(i, v)| {
            let label = &l.layout.columns[*i].label;
            match Col::from_header(label) {
                Some(Col::Extras) => Some(v.text()),
                Some(_) => None,
                None => Some(format!("{label}:{}", v.text())),
            }
        })
        .filter(|t| !t.is_empty())
        .collect::<Vec<_>>()
        .join("\n")
}

fn cell_of(o: &Out) -> Option<CellValue> {
    match o {
        Out::Empty => None,
        Out::Text(t) => Some(CellValue::Text(t.clone())),
        Out::Number(n) => Some(CellValue::Number(*n)),
        Out::Date(d) => Some(CellValue::Date(d.and_time(chrono::NaiveTime::MIN))),
    }
}

/// A unit's list as a workbook: the notice, then the ledger sheet.
pub(crate) fn list_workbook(
    list: &UnitList,
    s: &Settings,
    return_by: Option<NaiveDate>,
) -> Result<Workbook, XlsxError> {
    let mut wb = Workbook::new();
    notice_sheet(wb.add_worksheet(), list, s, return_by)?;
    let with_extras = list
        .rows
        .iter()
        .any(|r| !matches!(r.values[Col::Extras.index() as usize], Out::Empty));
    let cols = ListCol::all(with_extras);
    let columns = cols
        .iter()
        .map(|c| match c {
            ListCol::Field(f) => StdColumn::Field(*f),
            other => StdColumn::Extra(other.header().to_string()),
        })
        .collect();
    let rows = list
        .rows
        .iter()
        .map(|r| {
            cols.iter()
                .map(|c| match c.source() {
                    Some(col) => cell_of(&r.values[col.index() as usize]),
                    None => (!r.to_fix.is_empty()).then(|| CellValue::Text(numbered(&r.to_fix))),
                })
                .collect()
        })
        .collect();
    let l = StdLedger {
        unit: Some(list.unit.clone()),
        columns,
        rows,
        blank_rows: 5,
        date: Some(s.as_of),
        paper: s.paper,
    };
    standard_sheet(wb.add_worksheet(), &l)?;
    Ok(wb)
}

/// Lines numbered `1.` `2.` …, or the one line as it is.
fn numbered(lines: &[String]) -> String {
    if lines.len() == 1 {
        return lines[0].clone();
    }
    lines
        .iter()
        .enumerate()
        .map(|(i, l)| format!("{}. {l}", i + 1))
        .collect::<Vec<_>>()
        .join("\n")
}

fn ymd_zh(d: NaiveDate) -> String {
    d.format("%Y年%-m月%-d日").to_string()
}

/// The notice addressed to the unit: what it has, what is overdue and due soon, what to do
/// and by when. Lines of text merged across the page (no table a reader could take for a
/// ledger), A4 portrait, 12 pt.
fn notice_sheet(
    ws: &mut rust_xlsxwriter::Worksheet,
    list: &UnitList,
    s: &Settings,
    return_by: Option<NaiveDate>,
) -> Result<(), XlsxError> {
    const LAST_COL: u16 = 5;
    // Characters of 12-pt 宋体 a line of the merged width holds, about.
    const LINE_CHARS: usize = 40;
    ws.set_name(NOTICE_SHEET)?;
    for c in 0..=LAST_COL {
        ws.set_column_width(c, 14.5)?;
    }
    let base = Format::new()
        .set_font_name("宋体")
        .set_font_size(12)
        .set_text_wrap()
        .set_align(FormatAlign::Top);
    let title = base
        .clone()
        .set_font_name("黑体")
        .set_font_size(18)
        .set_align(FormatAlign::Center)
        .set_align(FormatAlign::VerticalCenter);
    let heading = base.clone().set_font_name("黑体").set_font_size(14);
    let right = base.clone().set_align(FormatAlign::Right);
    let c = &list.counters;
    let mut lines: Vec<(String, &Format)> = Vec::new();
    lines.push((format!("{}：", list.unit), &base));
    let mut status = vec![
        format!("已完成{}项", c[Counter::MeasuresDone]),
        format!("长期坚持{}项", c[Counter::MeasuresLongTerm]),
        format!("推进中{}项", c[Counter::MeasuresInProgress]),
        format!("未开始{}项", c[Counter::MeasuresNotStarted]),
    ];
    if c[Counter::MeasuresUnknownStatus] > 0 {
        status.push(format!(
            "完成情况不明{}项",
            c[Counter::MeasuresUnknownStatus]
        ));
    }
    lines.push((
        format!(
            "    截至{}，你单位整改台账共有反馈问题{}个（已整改{}个），整改措施{}项，其中{}；已逾期{}项，{}天内到期{}项。",
            ymd_zh(s.as_of),
            c[Counter::Problems],
            c[Counter::ProblemsDone],
            c[Counter::Measures],
            status.join("、"),
            c[Counter::Overdue],
            s.due_soon_days,
            c[Counter::DueSoon],
        ),
        &base,
    ));
    let to_fix = list.rows_to_fix();
    lines.push((
        format!(
            "    经台账核查，{}项措施有需整改事项（错误{}条、警告{}条、提示{}条），已逐条写在《整改台账》工作表的“需整改事项”列。",
            to_fix,
            c[Counter::Errors],
            c[Counter::Warnings],
            c[Counter::Infos]
        ),
        &base,
    ));
    let when = match return_by {
        Some(d) => format!("请于{}前", ymd_zh(d)),
        None => "请尽快".to_string(),
    };
    lines.push((
        format!(
            "    {when}在《整改台账》工作表中逐项更新完成情况、完成时间和备注，核对责任人和整改时限，处理需整改事项后，将本文件交回（可用Excel、WPS或LibreOffice打开和保存）。"
        ),
        &base,
    ));
    lines.push((
        "    填写说明：1.请勿修改或删除隐藏的“措施ID”列，它用于下一轮逐项对账；2.新增措施请插入新行，“措施ID”留空；3.不再实施的措施可删除整行，并在交回时说明；4.行的顺序可以调整。".to_string(),
        &base,
    ));
    let item_lines = |items: &[Item]| -> Vec<String> {
        items
            .iter()
            .enumerate()
            .map(|(i, it)| {
                format!(
                    "{}. 问题{}“{}”：{}（整改时限：{}；完成情况：{}）",
                    i + 1,
                    it.problem_no,
                    messages::excerpt(&it.problem),
                    it.measure,
                    if it.deadline.is_empty() {
                        "未填写"
                    } else {
                        &it.deadline
                    },
                    if it.status.is_empty() {
                        "未填写"
                    } else {
                        &it.status
                    },
                )
            })
            .collect()
    };
    let mut sections: Vec<(String, Vec<String>)> = vec![
        (
            format!("一、已逾期事项（{}项）", list.overdue.len()),
            item_lines(&list.overdue),
        ),
        (
            format!(
                "二、{}天内到期事项（{}项）",
                s.due_soon_days,
                list.due_soon.len()
            ),
            item_lines(&list.due_soon),
        ),
    ];
    if !list.general.is_empty() {
        sections.push((
            format!("三、台账整体问题（{}条）", list.general.len()),
            list.general
                .iter()
                .enumerate()
                .map(|(i, g)| format!("{}. {g}", i + 1))
                .collect(),
        ));
    }
    let mut row = NOTICE_TITLE_ROW;
    ws.set_row_height(row, 36)?;
    ws.merge_range(
        row,
        0,
        row,
        LAST_COL,
        &format!("{}巡察反馈问题整改事项通知", list.unit),
        &title,
    )?;
    row += 2;
    let put = |ws: &mut rust_xlsxwriter::Worksheet,
               row: &mut u32,
               text: &str,
               f: &Format|
     -> Result<(), XlsxError> {
        let n: usize = text
            .split('\n')
            .map(|l| {
                crate::value::text::display_width(l)
                    .div_ceil(2 * LINE_CHARS)
                    .max(1)
            })
            .sum();
        ws.set_row_height(*row, 17.0 * n as f64 + 4.0)?;
        ws.merge_range(*row, 0, *row, LAST_COL, text, f)?;
        *row += 1;
        Ok(())
    };
    for (text, f) in &lines {
        put(ws, &mut row, text, f)?;
    }
    for (head, items) in &sections {
        row += 1;
        put(ws, &mut row, head, &heading)?;
        if items.is_empty() {
            put(ws, &mut row, "无。", &base)?;
        }
        for it in items {
            put(ws, &mut row, it, &base)?;
        }
    }
    row += 2;
    put(ws, &mut row, "制发单位：____________", &right)?;
    put(ws, &mut row, &format!("日期：{}", ymd_zh(s.as_of)), &right)?;
    ws.set_paper_size(s.paper.excel_code());
    ws.set_portrait();
    ws.set_print_fit_to_pages(1, 0);
    ws.set_margins(0.7, 0.7, 0.8, 0.8, 0.3, 0.3);
    ws.set_print_center_horizontally(true);
    ws.set_footer("&C第 &P 页 共 &N 页");
    ws.set_print_area(0, 0, row, LAST_COL)?;
    Ok(())
}
