//! The rules of spec 3, one function per rule, each named after its rule id
//! (`missing-cell` → [`missing_cell`]).
//!
//! File- and sheet-level rules ([`unreadable_file`], [`no_ledger`], [`sheet_skipped`],
//! [`hidden_sheet`]) take what they report on; ledger-level rules take a built [`Ledger`] and
//! the run's [`Settings`]. [`check_ledger`] runs every ledger-level rule and orders the findings
//! by cell.

use crate::Lang;
use crate::config::Settings;
use crate::finding::{Finding, Rule};
use crate::ledger::{FieldCell, Ledger, Measure, Parsed};
use crate::source::SourceError;
use crate::source::grid::CellRef;
use crate::value::deadline::Deadline;
use crate::value::header::Field;
use crate::value::status::Status;
use crate::value::text::{
    collapse_spaces, half_width_char, is_punct, is_space, numeral_value, squash,
};
use chrono::NaiveDate;
use std::collections::{HashMap, HashSet};

fn say(lang: Lang, zh: String, en: String) -> String {
    match lang {
        Lang::Zh => zh,
        Lang::En => en,
    }
}

/// A short excerpt of a text for messages: its first 24 characters.
pub fn excerpt(s: &str) -> String {
    let s = collapse_spaces(s);
    if s.chars().count() > 24 {
        let head: String = s.chars().take(24).collect();
        format!("{head}…")
    } else {
        s
    }
}

fn field_name(f: Field, lang: Lang) -> &'static str {
    match lang {
        Lang::Zh => f.standard_header(),
        Lang::En => f.english_header(),
    }
}

fn status_name(s: Option<Status>, lang: Lang) -> &'static str {
    match (s, lang) {
        (Some(s), Lang::Zh) => s.standard_word(),
        (Some(s), Lang::En) => s.key(),
        (None, Lang::Zh) => "无法识别",
        (None, Lang::En) => "unreadable",
    }
}

fn ymd(d: NaiveDate) -> String {
    d.format("%Y-%m-%d").to_string()
}

fn at(ledger: &Ledger, rule: Rule, cell: Option<CellRef>, field: Option<Field>) -> Finding {
    let mut f = Finding::new(rule, &ledger.file, String::new());
    f.sheet = ledger.sheet.clone();
    f.cell = cell;
    f.community = ledger.community.clone();
    f.field = field;
    f
}

// ---- file- and sheet-level rules ----

/// `unreadable-file`: the file cannot be opened or parsed; the message says why.
pub fn unreadable_file(file: &str, err: &SourceError, lang: Lang) -> Finding {
    let reason = err.describe(lang);
    Finding::new(
        Rule::UnreadableFile,
        file,
        say(
            lang,
            format!("无法读取:{reason}"),
            format!("cannot read: {reason}"),
        ),
    )
}

/// `no-ledger`: no sheet of the file has a recognisable header.
pub fn no_ledger(file: &str, sheets: usize, lang: Lang) -> Finding {
    Finding::new(
        Rule::NoLedger,
        file,
        say(
            lang,
            format!(
                "{sheets}个工作表中均未找到台账表头(前20行内应有“反馈问题”“整改措施”“责任人”“整改时限”“完成情况”等列名)"
            ),
            format!(
                "none of its {sheets} sheet(s) has a ledger header (column names such as 反馈问题, 整改措施, 责任人, 整改时限, 完成情况 within the first 20 rows)"
            ),
        ),
    )
}

/// `sheet-skipped`: a sheet without a header in a workbook that has a ledger elsewhere.
pub fn sheet_skipped(file: &str, sheet: &str, lang: Lang) -> Finding {
    let mut f = Finding::new(
        Rule::SheetSkipped,
        file,
        say(
            lang,
            format!("工作表“{sheet}”没有台账表头,已跳过"),
            format!("sheet {sheet} has no ledger header; skipped"),
        ),
    );
    f.sheet = sheet.to_string();
    f
}

/// `hidden-sheet`: a hidden sheet that holds a ledger header; skipped unless asked for.
pub fn hidden_sheet(file: &str, sheet: &str, community: &str, lang: Lang) -> Finding {
    let mut f = Finding::new(
        Rule::HiddenSheet,
        file,
        say(
            lang,
            format!("隐藏工作表“{sheet}”中有台账,已跳过;如需读取请使用 --include-hidden"),
            format!(
                "hidden sheet {sheet} holds a ledger; skipped (use --include-hidden to read it)"
            ),
        ),
    );
    f.sheet = sheet.to_string();
    f.community = community.to_string();
    f
}

// ---- ledger-level rules ----

/// Runs every ledger-level rule and orders the findings by cell, then rule.
pub fn check_ledger(ledger: &Ledger, settings: &Settings) -> Vec<Finding> {
    let mut out = Vec::new();
    out.extend(missing_column(ledger, settings));
    out.extend(duplicate_column(ledger, settings));
    out.extend(missing_cell(ledger, settings));
    out.extend(bad_deadline(ledger, settings));
    out.extend(bad_status(ledger, settings));
    out.extend(bad_date(ledger, settings));
    out.extend(year_inferred(ledger, settings));
    out.extend(overdue(ledger, settings));
    out.extend(due_soon(ledger, settings));
    out.extend(done_late(ledger, settings));
    out.extend(duplicate_measure(ledger, settings));
    out.extend(numbering(ledger, settings));
    out.sort_by_key(|f| (f.cell.map(|c| (c.row, c.col)), f.rule));
    out
}

/// `missing-column`: a required field has no column.
pub fn missing_column(ledger: &Ledger, s: &Settings) -> Vec<Finding> {
    ledger
        .layout
        .missing_fields()
        .into_iter()
        .map(|field| {
            let mut f = at(ledger, Rule::MissingColumn, None, Some(field));
            let name = field_name(field, s.lang);
            let row = ledger.header_row_1based();
            f.message = say(
                s.lang,
                format!("第{row}行表头中缺少必填列“{name}”"),
                format!("the header in row {row} has no column for {name}"),
            );
            f
        })
        .collect()
}

/// `duplicate-column`: two columns name the same field; the first is used, the second kept as an
/// extra column.
pub fn duplicate_column(ledger: &Ledger, s: &Settings) -> Vec<Finding> {
    let header = ledger.layout.header_row;
    ledger
        .layout
        .duplicates
        .iter()
        .map(|(field, col)| {
            let cell = CellRef::new(header + ledger.layout.header_height - 1, *col);
            let mut f = at(ledger, Rule::DuplicateColumn, Some(cell), Some(*field));
            let first = ledger.layout.column_of(*field).unwrap_or(0);
            let first = crate::source::grid::column_letters(first);
            let name = field_name(*field, s.lang);
            f.message = say(
                s.lang,
                format!("“{name}”列重复:使用{first}列,本列作为附加列保留"),
                format!("a second column for {name}: column {first} is used, this one is kept as an extra column"),
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
pub fn missing_cell(ledger: &Ledger, s: &Settings) -> Vec<Finding> {
    let mut out = Vec::new();
    for row in &ledger.rows {
        for field in Field::REQUIRED {
            let Some(col) = ledger.layout.column_of(field) else {
                continue;
            };
            if row.get(field).is_some() {
                continue;
            }
            let mut f = at(
                ledger,
                Rule::MissingCell,
                Some(CellRef::new(row.row, col)),
                Some(field),
            );
            let name = field_name(field, s.lang);
            f.message = say(s.lang, format!("“{name}”为空"), format!("{name} is empty"));
            f.value = Some(String::new());
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

/// `bad-deadline`: a deadline no rule of spec 2.2 reads.
pub fn bad_deadline(ledger: &Ledger, s: &Settings) -> Vec<Finding> {
    per_source_cell(
        ledger,
        Field::Deadline,
        |r| (r.deadline == Parsed::Bad).then_some(()),
        |cell, ()| {
            let mut f = at(
                ledger,
                Rule::BadDeadline,
                Some(cell.source),
                Some(Field::Deadline),
            );
            let v = cell.text();
            f.message = say(
                s.lang,
                format!(
                    "无法识别整改时限“{}”:请写明日期(如2023年6月30日、2023年6月底前),或写“立行立改”“长期坚持”",
                    excerpt(&v)
                ),
                format!(
                    "cannot read the deadline \"{}\": write a date (2023年6月30日, 2023年6月底前) or 立行立改 / 长期坚持",
                    excerpt(&v)
                ),
            );
            f.value = Some(v);
            f
        },
    )
}

/// `bad-status`: a status no rule of spec 2.2 reads.
pub fn bad_status(ledger: &Ledger, s: &Settings) -> Vec<Finding> {
    per_source_cell(
        ledger,
        Field::Status,
        |r| (r.status == Parsed::Bad).then_some(()),
        |cell, ()| {
            let mut f = at(
                ledger,
                Rule::BadStatus,
                Some(cell.source),
                Some(Field::Status),
            );
            let v = cell.text();
            f.message = say(
                s.lang,
                format!(
                    "无法识别完成情况“{}”:应以“已完成”“长期坚持”“推进中”“未开始”等开头",
                    excerpt(&v)
                ),
                format!(
                    "cannot read the status \"{}\": it should start with 已完成, 长期坚持, 推进中 or 未开始",
                    excerpt(&v)
                ),
            );
            f.value = Some(v);
            f
        },
    )
}

/// `bad-date`: a completion date no rule reads.
pub fn bad_date(ledger: &Ledger, s: &Settings) -> Vec<Finding> {
    per_source_cell(
        ledger,
        Field::CompletedOn,
        |r| (r.completed_on == Parsed::Bad).then_some(()),
        |cell, ()| {
            let mut f = at(
                ledger,
                Rule::BadDate,
                Some(cell.source),
                Some(Field::CompletedOn),
            );
            let v = cell.text();
            f.message = say(
                s.lang,
                format!("无法识别完成时间“{}”", excerpt(&v)),
                format!("cannot read the completion date \"{}\"", excerpt(&v)),
            );
            f.value = Some(v);
            f
        },
    )
}

/// `year-inferred`: a deadline without a year; the as-of date's year is used.
pub fn year_inferred(ledger: &Ledger, s: &Settings) -> Vec<Finding> {
    per_source_cell(
        ledger,
        Field::Deadline,
        |r| match r.deadline {
            Parsed::Ok(p) if p.year_inferred => Some(p.deadline),
            _ => None,
        },
        |cell, d| {
            let mut f = at(
                ledger,
                Rule::YearInferred,
                Some(cell.source),
                Some(Field::Deadline),
            );
            let v = cell.text();
            f.message = say(
                s.lang,
                format!("整改时限“{}”未写年份,按{}理解", excerpt(&v), d.canonical()),
                format!(
                    "the deadline \"{}\" has no year; read as {}",
                    excerpt(&v),
                    d.canonical()
                ),
            );
            f.value = Some(v);
            f
        },
    )
}

/// Where a measure stands against its deadline on the as-of date.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Timing {
    /// Past its deadline and neither done nor long-term.
    Overdue,
    /// Due within the window and in progress or not started.
    DueSoon,
}

/// The timing of a measure with this status and deadline (spec 3, `overdue` and `due-soon`).
///
/// ```
/// use chrono::NaiveDate;
/// use taizhang::check::{timing, Timing};
/// use taizhang::config::Settings;
/// use taizhang::value::{deadline::Deadline, status::Status};
/// let s = Settings::new(NaiveDate::from_ymd_opt(2023, 3, 30).unwrap());
/// let d = |m, day| Some(Deadline::Date(NaiveDate::from_ymd_opt(2023, m, day).unwrap()));
/// assert_eq!(timing(Some(Status::InProgress), d(3, 1), &s), Some(Timing::Overdue));
/// assert_eq!(timing(Some(Status::Done), d(3, 1), &s), None);
/// assert_eq!(timing(Some(Status::NotStarted), d(4, 10), &s), Some(Timing::DueSoon));
/// assert_eq!(timing(Some(Status::InProgress), Some(Deadline::Immediate), &s), Some(Timing::Overdue));
/// assert_eq!(timing(None, Some(Deadline::LongTerm), &s), None);
/// ```
pub fn timing(status: Option<Status>, deadline: Option<Deadline>, s: &Settings) -> Option<Timing> {
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
pub fn measure_timing(ledger: &Ledger, m: &Measure, s: &Settings) -> Option<Timing> {
    timing(ledger.status_of(m), ledger.deadline_of(m), s)
}

fn measure_label(ledger: &Ledger, m: &Measure, lang: Lang) -> String {
    let p = &ledger.problems[m.problem];
    match lang {
        Lang::Zh => format!("问题{}措施{}“{}”", p.number, m.number, excerpt(&m.text)),
        Lang::En => format!(
            "problem {} measure {} \"{}\"",
            p.number,
            m.number,
            excerpt(&m.text)
        ),
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

fn due_text(ledger: &Ledger, m: &Measure, s: &Settings) -> String {
    match ledger.deadline_of(m) {
        Some(d) => match d.due_date(s.feedback_date) {
            Some(day) => ymd(day),
            None => d.canonical(),
        },
        None => String::new(),
    }
}

/// `overdue`: deadline strictly before the as-of date and status neither done nor long-term;
/// one finding per measure.
pub fn overdue(ledger: &Ledger, s: &Settings) -> Vec<Finding> {
    ledger
        .measures
        .iter()
        .filter(|m| measure_timing(ledger, m, s) == Some(Timing::Overdue))
        .map(|m| {
            let mut f = at(
                ledger,
                Rule::Overdue,
                deadline_cell(ledger, m),
                Some(Field::Deadline),
            );
            let label = measure_label(ledger, m, s.lang);
            let due = due_text(ledger, m, s);
            let st = status_name(ledger.status_of(m), s.lang);
            f.message = say(
                s.lang,
                format!("{label}已超过整改时限{due},完成情况为“{st}”"),
                format!("{label} is past its deadline {due}; status: {st}"),
            );
            f.value = Some(ledger.row_of(m).text(Field::Deadline));
            f
        })
        .collect()
}

/// `due-soon`: as-of ≤ deadline ≤ as-of + window, status in progress or not started.
pub fn due_soon(ledger: &Ledger, s: &Settings) -> Vec<Finding> {
    ledger
        .measures
        .iter()
        .filter(|m| measure_timing(ledger, m, s) == Some(Timing::DueSoon))
        .map(|m| {
            let mut f = at(
                ledger,
                Rule::DueSoon,
                deadline_cell(ledger, m),
                Some(Field::Deadline),
            );
            let label = measure_label(ledger, m, s.lang);
            let due = due_text(ledger, m, s);
            f.message = say(
                s.lang,
                format!("{label}将于{due}到期"),
                format!("{label} is due on {due}"),
            );
            f.value = Some(ledger.row_of(m).text(Field::Deadline));
            f
        })
        .collect()
}

/// `done-late`: completed after the deadline; one finding per measure.
pub fn done_late(ledger: &Ledger, s: &Settings) -> Vec<Finding> {
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
            let mut f = at(ledger, Rule::DoneLate, cell, Some(Field::CompletedOn));
            let label = measure_label(ledger, m, s.lang);
            f.message = say(
                s.lang,
                format!("{label}完成时间{}晚于整改时限{}", ymd(done), ymd(due)),
                format!(
                    "{label} was completed on {}, after its deadline {}",
                    ymd(done),
                    ymd(due)
                ),
            );
            f.value = Some(row.text(Field::CompletedOn));
            f
        })
        .collect()
}

/// `duplicate-measure`: the same measure text twice under the same problem.
pub fn duplicate_measure(ledger: &Ledger, s: &Settings) -> Vec<Finding> {
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
                    let mut f = at(
                        ledger,
                        Rule::DuplicateMeasure,
                        Some(cell.at),
                        Some(Field::Measure),
                    );
                    f.message = say(
                        s.lang,
                        format!(
                            "问题{}下措施{}与措施{}重复:“{}”",
                            p.number,
                            m.number,
                            n,
                            excerpt(&m.text)
                        ),
                        format!(
                            "problem {}: measure {} repeats measure {}: \"{}\"",
                            p.number,
                            m.number,
                            n,
                            excerpt(&m.text)
                        ),
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

/// The number a `seq` cell holds: `3`, `3.`, `3、`, `(3)`, `三`, `第3项`.
pub fn seq_number(text: &str) -> Option<u32> {
    let t = squash(text);
    let t = t
        .trim_start_matches(['(', '第'])
        .trim_end_matches([')', '.', '、', '项']);
    numeral_value(t)
}

/// `numbering`: `seq` values that skip or repeat. Each `seq` cell counts once (a merged one
/// too); a value repeated on consecutive rows numbers one problem and is not a repeat; the
/// numbering may start again under each category.
pub fn numbering(ledger: &Ledger, s: &Settings) -> Vec<Finding> {
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
            prev = None;
            seen_values.clear();
        }
        if prev == Some(n) {
            continue;
        }
        let problem = if seen_values.contains(&n) || prev.is_some_and(|p| n < p) {
            Some(say(
                s.lang,
                format!("序号{n}重复或顺序颠倒"),
                format!("seq {n} repeats or is out of order"),
            ))
        } else {
            prev.filter(|p| n > p + 1).map(|p| {
                say(
                    s.lang,
                    format!("序号从{p}跳到{n}"),
                    format!("seq jumps from {p} to {n}"),
                )
            })
        };
        if let Some(message) = problem {
            let mut f = at(ledger, Rule::Numbering, Some(cell.source), Some(Field::Seq));
            f.message = message;
            f.value = Some(cell.text());
            out.push(f);
        }
        seen_values.insert(n);
        prev = Some(n);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::layout::find_layout;
    use crate::ledger::build_ledger;
    use crate::source::grid::{CellValue, Sheet};

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
        let layout = find_layout(&sheet, &s.headers).unwrap();
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
            rules(&numbering(&l, &s)),
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
