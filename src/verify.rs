//! Proving a consolidated workbook (`taizhang verify`, spec 7): do its totals follow from its
//! rows, were rows edited after merge, do its rows match the sources, are published claims true.
//!
//! The checks, each passed or failed with its discrepancies:
//! - **summary**: every number on the summary, recomputed from the ledger rows as they now stand
//!   (and the findings rows), against the summary's cached value; the report sentence too;
//! - **derived**: the columns merge derives from a row (status category, due date, overdue
//!   flag, problem done, numbering) against what the row's own cells give;
//! - **integrity**: the ledger digest, the row digests and the column digests recorded at merge
//!   time against the cells now; a changed cell is where a changed row meets a changed column;
//! - **sources** (with `--sources`): each recorded input found by name and its SHA-256
//!   compared; changed sources re-read and compared row by row;
//! - **claims** (with `--expect`): published figures against the counters of the rows.

use crate::Lang;
use crate::check::timing;
use crate::config::{ConfigFile, Settings};
use crate::counters::{COUNTER_KEYS, Counters};
use crate::finding::Severity;
use crate::ledger::Parsed;
use crate::pipeline::process_file;
use crate::source::grid::{CellRef, CellValue};
use crate::source::{self, Input};
use crate::value::header::Field;
use crate::workbook::columns::{Col, Out, RowPlace, row_values, status_word, timing_word, yes_no};
use crate::workbook::digest::LedgerDigest;
use crate::workbook::read::{Consolidated, LedgerRow, SummaryRow};
use crate::workbook::summary::summary_sentence;
use serde::Serialize;
use std::collections::{BTreeMap, HashMap};
use std::path::PathBuf;

/// A published figure to check: `measures=30`, or `庆利社区:measures_done=6`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Claim {
    /// The community, or the totals when `None`.
    pub community: Option<String>,
    /// The counter (spec 4), or `communities`.
    pub key: String,
    /// The published value.
    pub value: u64,
}

impl std::str::FromStr for Claim {
    type Err = String;

    /// ```
    /// use taizhang::verify::Claim;
    /// let c: Claim = "庆利社区:measures=6".parse().unwrap();
    /// assert_eq!((c.community.as_deref(), c.key.as_str(), c.value), (Some("庆利社区"), "measures", 6));
    /// assert!("bogus=1".parse::<Claim>().is_err());
    /// ```
    fn from_str(s: &str) -> Result<Claim, String> {
        let (lhs, value) = s
            .rsplit_once('=')
            .ok_or_else(|| format!("{s}: write KEY=N or COMMUNITY:KEY=N"))?;
        let value: u64 = value
            .trim()
            .parse()
            .map_err(|_| format!("{s}: {value} is not a whole number"))?;
        let (community, key) = match lhs.rsplit_once([':', ':']) {
            Some((c, k)) => (Some(c.trim().to_string()), k.trim().to_string()),
            None => (None, lhs.trim().to_string()),
        };
        if !COUNTER_KEYS.contains(&key.as_str()) && key != "communities" {
            return Err(format!(
                "{s}: unknown counter {key} (one of: communities, {})",
                COUNTER_KEYS.join(", ")
            ));
        }
        Ok(Claim {
            community,
            key,
            value,
        })
    }
}

/// One check and its outcome.
#[derive(Debug, Clone, Serialize)]
pub struct Check {
    /// `summary`, `derived`, `integrity`, `sources` or `claims`.
    pub name: &'static str,
    /// True when it found nothing wrong.
    pub passed: bool,
    /// What was checked, in a sentence.
    pub detail: String,
}

/// One thing that does not agree.
#[derive(Debug, Clone, Default, Serialize)]
pub struct Discrepancy {
    /// What kind of disagreement (`summary-value`, `cell-edited`, `source-changed` …).
    pub kind: String,
    /// The sheet of the consolidated workbook, when there is one.
    pub sheet: Option<String>,
    /// The cell there.
    pub cell: Option<String>,
    /// What it should be.
    pub expected: Option<String>,
    /// What it is.
    pub found: Option<String>,
    /// The source file, when a source is concerned.
    pub source_file: Option<String>,
    /// The cell in the source (`sheet!G12`).
    pub source_cell: Option<String>,
    /// A sentence.
    pub message: String,
}

/// The outcome of `verify`.
#[derive(Debug, Clone, Serialize)]
pub struct Verdict {
    /// True when every check passed.
    pub verified: bool,
    /// The checks run.
    pub checks: Vec<Check>,
    /// Everything that did not agree.
    pub discrepancies: Vec<Discrepancy>,
}

/// What to verify besides the workbook itself.
#[derive(Debug, Clone, Default)]
pub struct Options {
    /// Source files or folders.
    pub sources: Vec<PathBuf>,
    /// Published figures.
    pub claims: Vec<Claim>,
}

fn say(lang: Lang, zh: String, en: String) -> String {
    match lang {
        Lang::Zh => zh,
        Lang::En => en,
    }
}

/// The settings a workbook was merged with, from the configuration it records.
pub fn recorded_settings(c: &Consolidated) -> Settings {
    let config = ConfigFile::parse(&c.meta.config).unwrap_or_default();
    let as_of = c
        .meta
        .as_of
        .or(config.as_of)
        .unwrap_or_else(|| chrono::Local::now().date_naive());
    let mut s = Settings::from_config(config, as_of);
    s.lang = c.lang;
    s
}

/// Adds one ledger row to counters (its measure, and its problem on the problem's first measure).
fn add_row_counts(k: &mut Counters, r: &LedgerRow, lang: Lang) {
    k.measures += 1;
    if r.get(Col::MeasureNo).canonical_is("1") {
        k.problems += 1;
        if r.get(Col::ProblemDone).canonical_is(yes_no(true, lang)) {
            k.problems_done += 1;
        }
    }
    let st = r.get(Col::Status);
    let status = crate::value::status::Status::ALL
        .into_iter()
        .find(|s| st.canonical_is(status_word(Some(*s), lang)));
    use crate::value::status::Status::*;
    match status {
        Some(Done) => k.measures_done += 1,
        Some(LongTerm) => k.measures_long_term += 1,
        Some(InProgress) => k.measures_in_progress += 1,
        Some(NotStarted) => k.measures_not_started += 1,
        None => k.measures_unknown_status += 1,
    }
    let t = r.get(Col::Timing);
    if t.canonical_is(timing_word(crate::check::Timing::Overdue, lang)) {
        k.overdue += 1;
    } else if t.canonical_is(timing_word(crate::check::Timing::DueSoon, lang)) {
        k.due_soon += 1;
    }
}

fn add_finding_counts(k: &mut Counters, severity: Option<Severity>) {
    match severity {
        Some(Severity::Error) => k.errors += 1,
        Some(Severity::Warning) => k.warnings += 1,
        Some(Severity::Info) => k.infos += 1,
        None => {}
    }
}

/// Counters recomputed from the ledger rows (and the findings rows) that `keep` selects.
pub fn counters_of(
    c: &Consolidated,
    keep: impl Fn(&LedgerRow) -> bool,
    community: Option<&str>,
) -> Counters {
    let mut k = Counters::default();
    for r in c.rows.iter().filter(|r| keep(r)) {
        add_row_counts(&mut k, r, c.lang);
    }
    for f in &c.findings {
        if community.is_some_and(|n| f.community != n) {
            continue;
        }
        add_finding_counts(&mut k, f.severity);
    }
    k
}

/// Counters recomputed from every row in one pass: by community (with their findings), by
/// category (rows only), and over everything.
struct Grouped {
    communities: HashMap<String, Counters>,
    categories: HashMap<String, Counters>,
    totals: Counters,
}

fn grouped(c: &Consolidated) -> Grouped {
    let mut g = Grouped {
        communities: HashMap::new(),
        categories: HashMap::new(),
        totals: Counters::default(),
    };
    for r in &c.rows {
        let community = r.text(Col::Community);
        add_row_counts(g.communities.entry(community).or_default(), r, c.lang);
        let category = r.text(Col::Category).trim().to_string();
        add_row_counts(g.categories.entry(category).or_default(), r, c.lang);
        add_row_counts(&mut g.totals, r, c.lang);
    }
    for f in &c.findings {
        add_finding_counts(
            g.communities.entry(f.community.clone()).or_default(),
            f.severity,
        );
        add_finding_counts(&mut g.totals, f.severity);
    }
    g
}

fn compare_row(
    c: &Consolidated,
    row: &SummaryRow,
    want: &Counters,
    out: &mut Vec<Discrepancy>,
) -> usize {
    let lang = c.lang;
    let mut n = 0;
    for (key, cell) in &row.cells {
        n += 1;
        let expected = if key == "completion_rate" {
            want.completion_rate()
        } else {
            want.get(key).unwrap_or(0) as f64
        };
        let ok = cell.value.is_some_and(|v| (v - expected).abs() < 1e-4);
        if !ok {
            let found = cell
                .value
                .map(crate::source::grid::format_number)
                .unwrap_or_default();
            let expected_s = if key == "completion_rate" {
                format!("{expected:.4}")
            } else {
                crate::source::grid::format_number(expected)
            };
            out.push(Discrepancy {
                kind: "summary-value".into(),
                sheet: Some(c.summary_sheet.clone()),
                cell: Some(cell.cell.to_string()),
                expected: Some(expected_s.clone()),
                found: Some(found.clone()),
                message: say(
                    lang,
                    format!(
                        "{}!{}({} {}):台账行计得{},表中为{}",
                        c.summary_sheet, cell.cell, row.label, key, expected_s, found
                    ),
                    format!(
                        "{}!{} ({} {}): the ledger rows give {}, the sheet shows {}",
                        c.summary_sheet, cell.cell, row.label, key, expected_s, found
                    ),
                ),
                ..Default::default()
            });
        }
    }
    n
}

fn summary_check(c: &Consolidated, out: &mut Vec<Discrepancy>) -> Check {
    let before = out.len();
    let mut compared = 0;
    let g = grouped(c);
    for row in &c.communities {
        let want = g.communities.get(&row.label).copied().unwrap_or_default();
        compared += compare_row(c, row, &want, out);
    }
    let totals = g.totals;
    if let Some(t) = &c.total {
        compared += compare_row(c, t, &totals, out);
    } else {
        out.push(Discrepancy {
            kind: "summary-missing".into(),
            sheet: Some(c.summary_sheet.clone()),
            message: say(
                c.lang,
                "汇总表缺少合计行".into(),
                "the summary has no total row".into(),
            ),
            ..Default::default()
        });
    }
    let none = c.lang.pick("(未分类)", "(no category)");
    for row in &c.categories {
        let name = if row.label == none {
            String::new()
        } else {
            row.label.clone()
        };
        let mut want = g.categories.get(&name).copied().unwrap_or_default();
        (want.errors, want.warnings, want.infos) = (0, 0, 0);
        compared += compare_row(c, row, &want, out);
    }
    // Communities in the rows but not on the summary, in order of first row.
    let on_summary: std::collections::HashSet<&str> =
        c.communities.iter().map(|x| x.label.as_str()).collect();
    let mut seen: std::collections::HashSet<String> = std::collections::HashSet::new();
    for r in &c.rows {
        let name = r.text(Col::Community);
        if !on_summary.contains(name.as_str()) && seen.insert(name.clone()) {
            out.push(Discrepancy {
                kind: "summary-missing".into(),
                sheet: Some(c.summary_sheet.clone()),
                expected: Some(name.clone()),
                message: say(
                    c.lang,
                    format!("台账中有“{name}”的行,汇总表中没有这个社区"),
                    format!("the ledger has rows of {name}, the summary has no row for it"),
                ),
                ..Default::default()
            });
        }
    }
    if let (Some((cell, text)), Some(as_of)) = (&c.sentence, c.meta.as_of) {
        compared += 1;
        let want = summary_sentence(&totals, as_of, c.lang);
        if *text != want {
            out.push(Discrepancy {
                kind: "summary-value".into(),
                sheet: Some(c.summary_sheet.clone()),
                cell: Some(cell.to_string()),
                expected: Some(want),
                found: Some(text.clone()),
                message: say(
                    c.lang,
                    format!("{}!{}的汇报句与台账行不符", c.summary_sheet, cell),
                    format!(
                        "{}!{}: the report sentence does not follow from the rows",
                        c.summary_sheet, cell
                    ),
                ),
                ..Default::default()
            });
        }
    }
    Check {
        name: "summary",
        passed: out.len() == before,
        detail: say(
            c.lang,
            format!("汇总表{compared}个数字由台账{}行重新计算", c.rows.len()),
            format!(
                "{compared} summary figures recomputed from {} ledger rows",
                c.rows.len()
            ),
        ),
    }
}

fn cell_value(o: &Out) -> Option<CellValue> {
    match o {
        Out::Empty => None,
        Out::Text(t) => Some(CellValue::Text(t.clone())),
        Out::Number(n) => Some(CellValue::Number(*n)),
        Out::Date(d) => Some(CellValue::Date(d.and_time(chrono::NaiveTime::MIN))),
    }
}

fn derived_check(c: &Consolidated, s: &Settings, out: &mut Vec<Discrepancy>) -> Check {
    let before = out.len();
    let lang = c.lang;
    let mut mismatch = |r: &LedgerRow, col: Col, expected: String, found: String| {
        out.push(Discrepancy {
            kind: "derived-value".into(),
            sheet: Some(r.sheet.clone()),
            cell: Some(CellRef::new(r.row, col.index().into()).to_string()),
            message: say(
                lang,
                format!(
                    "{}“{}”应为“{expected}”(由本行其他单元格得出),现为“{found}”",
                    r.cell(col),
                    col.header(lang)
                ),
                format!(
                    "{} ({}) should be \"{expected}\" from the row's other cells, is \"{found}\"",
                    r.cell(col),
                    col.header(lang)
                ),
            ),
            expected: Some(expected),
            found: Some(found),
            ..Default::default()
        });
    };
    // Problems: every measure of a problem closed → done.
    let mut problem_closed: HashMap<(String, String), bool> = HashMap::new();
    for (i, r) in c.rows.iter().enumerate() {
        if r.text(Col::No) != (i + 1).to_string() {
            mismatch(r, Col::No, (i + 1).to_string(), r.text(Col::No));
        }
        let status = cell_value(r.get(Col::StatusWritten)).and_then(|v| {
            match crate::ledger::read_status(&v, s) {
                Parsed::Ok(st) => Some(st),
                _ => None,
            }
        });
        let word = status_word(status, lang).to_string();
        if r.text(Col::Status) != word {
            mismatch(r, Col::Status, word, r.text(Col::Status));
        }
        let deadline = cell_value(r.get(Col::DeadlineWritten))
            .and_then(|v| crate::ledger::read_deadline(&v, s.as_of).ok())
            .map(|p| p.deadline);
        let due = deadline.and_then(|d| d.due_date(s.feedback_date));
        let due_text = due
            .map(|d| d.format("%Y-%m-%d").to_string())
            .unwrap_or_default();
        if r.text(Col::DeadlineDate) != due_text {
            mismatch(r, Col::DeadlineDate, due_text, r.text(Col::DeadlineDate));
        }
        let t = timing(status, deadline, s)
            .map(|t| timing_word(t, lang).to_string())
            .unwrap_or_default();
        if r.text(Col::Timing) != t {
            mismatch(r, Col::Timing, t, r.text(Col::Timing));
        }
        let key = (r.text(Col::Community), r.text(Col::ProblemNo));
        let closed = status.is_some_and(|st| st.is_closed());
        problem_closed
            .entry(key)
            .and_modify(|v| *v &= closed)
            .or_insert(closed);
    }
    let mut measure_no: HashMap<(String, String), u64> = HashMap::new();
    for r in &c.rows {
        let key = (r.text(Col::Community), r.text(Col::ProblemNo));
        let want = yes_no(problem_closed.get(&key).copied().unwrap_or(false), lang).to_string();
        if r.text(Col::ProblemDone) != want {
            mismatch(r, Col::ProblemDone, want, r.text(Col::ProblemDone));
        }
        let n = measure_no.entry(key).or_insert(0);
        *n += 1;
        if r.text(Col::MeasureNo) != n.to_string() {
            mismatch(r, Col::MeasureNo, n.to_string(), r.text(Col::MeasureNo));
        }
    }
    Check {
        name: "derived",
        passed: out.len() == before,
        detail: say(
            lang,
            format!(
                "每行的状态、时限日期、逾期标记、问题整改与编号由本行单元格重新得出({}行)",
                c.rows.len()
            ),
            format!(
                "status, due date, overdue flag, problem done and numbering re-derived for {} rows",
                c.rows.len()
            ),
        ),
    }
}

fn integrity_check(c: &Consolidated, out: &mut Vec<Discrepancy>) -> (Check, Vec<usize>) {
    let before = out.len();
    let lang = c.lang;
    let mut d = LedgerDigest::new(&c.header);
    let mut edited_rows = Vec::new();
    for (i, r) in c.rows.iter().enumerate() {
        let cells = r.canonical();
        let now = d.add_row(&cells);
        if now != r.digest {
            edited_rows.push(i);
        }
    }
    let (whole, cols) = d.finish();
    let recorded_cols: HashMap<&str, &str> = c
        .meta
        .column_digests
        .iter()
        .map(|(h, d)| (h.as_str(), d.as_str()))
        .collect();
    let changed_cols: Vec<Col> = Col::ALL
        .iter()
        .filter(|col| **col != Col::RowDigest)
        .zip(&cols)
        .filter(|(col, d)| recorded_cols.get(col.header(lang)).is_some_and(|r| r != d))
        .map(|(col, _)| *col)
        .collect();
    let digest_ok = whole == c.meta.ledger_digest;
    if !digest_ok {
        out.push(Discrepancy {
            kind: "digest".into(),
            expected: Some(c.meta.ledger_digest.clone()),
            found: Some(whole.clone()),
            message: say(
                lang,
                "台账内容摘要与生成时记录的不一致:台账在生成后被改动".into(),
                "the ledger digest differs from the one recorded at merge: the ledger was changed after merge".into(),
            ),
            ..Default::default()
        });
    }
    if let Some(p) = &c.property_digest
        && *p != c.meta.ledger_digest
    {
        out.push(Discrepancy {
            kind: "digest".into(),
            expected: Some(p.clone()),
            found: Some(c.meta.ledger_digest.clone()),
            message: say(
                lang,
                "“来源”表中记录的摘要与文档属性中的不一致".into(),
                "the digest on the sources sheet differs from the document property".into(),
            ),
            ..Default::default()
        });
    }
    for &i in &edited_rows {
        let r = &c.rows[i];
        let cols_here: Vec<&Col> = changed_cols.iter().collect();
        if cols_here.is_empty() {
            out.push(Discrepancy {
                kind: "row-edited".into(),
                sheet: Some(r.sheet.clone()),
                cell: Some(CellRef::new(r.row, Col::RowDigest.index().into()).to_string()),
                message: say(
                    lang,
                    format!("{}第{}行在生成后被改动(行校验码不符)", r.sheet, r.row + 1),
                    format!(
                        "{} row {} was changed after merge (its row digest differs)",
                        r.sheet,
                        r.row + 1
                    ),
                ),
                ..Default::default()
            });
        }
        for col in cols_here {
            out.push(Discrepancy {
                kind: "cell-edited".into(),
                sheet: Some(r.sheet.clone()),
                cell: Some(CellRef::new(r.row, col.index().into()).to_string()),
                found: Some(r.text(*col)),
                message: say(
                    lang,
                    format!(
                        "{}(“{}”)在生成后被改动,现为“{}”",
                        r.cell(*col),
                        col.header(lang),
                        r.text(*col)
                    ),
                    format!(
                        "{} ({}) was changed after merge; it now reads \"{}\"",
                        r.cell(*col),
                        col.header(lang),
                        r.text(*col)
                    ),
                ),
                ..Default::default()
            });
        }
    }
    // Rows removed or added: the running numbers and the recorded count.
    if let Some(n) = c.meta.ledger_rows
        && n != c.rows.len() as u64
    {
        out.push(Discrepancy {
            kind: "row-count".into(),
            expected: Some(n.to_string()),
            found: Some(c.rows.len().to_string()),
            message: say(
                lang,
                format!("台账应有{n}行,现有{}行", c.rows.len()),
                format!(
                    "the ledger had {n} rows at merge, it has {} now",
                    c.rows.len()
                ),
            ),
            ..Default::default()
        });
        let present: std::collections::HashSet<String> =
            c.rows.iter().map(|r| r.text(Col::No)).collect();
        for k in 1..=n {
            if !present.contains(&k.to_string()) {
                out.push(Discrepancy {
                    kind: "row-removed".into(),
                    expected: Some(k.to_string()),
                    message: say(
                        lang,
                        format!("序号为{k}的行已被删除"),
                        format!("the row numbered {k} was removed"),
                    ),
                    ..Default::default()
                });
            }
        }
    }
    let passed = out.len() == before && digest_ok;
    (
        Check {
            name: "integrity",
            passed,
            detail: say(
                lang,
                format!(
                    "台账摘要、{}个行校验码、{}个列摘要与生成时一致{}",
                    c.rows.len(),
                    cols.len(),
                    if passed { "" } else { "(不一致)" }
                ),
                format!(
                    "ledger digest, {} row digests and {} column digests against merge time",
                    c.rows.len(),
                    cols.len()
                ),
            ),
        },
        edited_rows,
    )
}

fn file_name(p: &str) -> String {
    p.rsplit(['/', '\\']).next().unwrap_or(p).to_string()
}

/// The columns a source determines, compared row by row with a re-read source.
const SOURCE_COLUMNS: [Col; 15] = [
    Col::Community,
    Col::Category,
    Col::Problem,
    Col::Measure,
    Col::Leader,
    Col::Department,
    Col::Person,
    Col::DeadlineWritten,
    Col::StatusWritten,
    Col::CompletedOn,
    Col::Note,
    Col::Seq,
    Col::MeasureCell,
    Col::Extras,
    Col::SourceRow,
];

fn sources_check(
    c: &Consolidated,
    s: &Settings,
    paths: &[PathBuf],
    edited_rows: &[usize],
    out: &mut Vec<Discrepancy>,
) -> Check {
    let before = out.len();
    let lang = c.lang;
    let found = source::discover(paths);
    let mut by_name: BTreeMap<String, Vec<&Input>> = BTreeMap::new();
    for i in &found {
        by_name.entry(i.file_name()).or_default().push(i);
    }
    let mut used: Vec<&Input> = Vec::new();
    let mut compared = 0;
    for entry in &c.sources {
        let name = file_name(&entry.path);
        let candidates = by_name.get(&name).cloned().unwrap_or_default();
        let input = candidates
            .iter()
            .find(|i| i.display.ends_with(&entry.path) || entry.path.ends_with(&i.display))
            .or(candidates.first())
            .copied();
        let Some(input) = input else {
            out.push(Discrepancy {
                kind: "source-missing".into(),
                sheet: Some(lang.pick("来源", "Sources").into()),
                cell: Some(CellRef::new(entry.row, 1).to_string()),
                source_file: Some(entry.path.clone()),
                message: say(
                    lang,
                    format!("来源文件{}在所给目录中找不到", entry.path),
                    format!("source {} is not in the given folders", entry.path),
                ),
                ..Default::default()
            });
            continue;
        };
        used.push(input);
        compared += 1;
        let now = source::load(&input.path, &s.limits)
            .map(|l| l.sha256)
            .unwrap_or_default();
        let changed = now != entry.sha256;
        if changed {
            out.push(Discrepancy {
                kind: "source-changed".into(),
                sheet: Some(lang.pick("来源", "Sources").into()),
                cell: Some(CellRef::new(entry.row, 2).to_string()),
                expected: Some(entry.sha256.clone()),
                found: Some(now),
                source_file: Some(input.display.clone()),
                message: say(
                    lang,
                    format!("来源文件{}在生成后被修改(SHA-256不符)", input.display),
                    format!(
                        "source {} changed after merge (SHA-256 differs)",
                        input.display
                    ),
                ),
                ..Default::default()
            });
        }
        let has_edits = edited_rows
            .iter()
            .any(|i| c.rows[*i].text(Col::SourceFile) == entry.path);
        if changed || has_edits {
            compare_rows(c, s, entry.path.as_str(), input, out);
        }
    }
    for i in &found {
        if !used.iter().any(|u| u.path == i.path) {
            out.push(Discrepancy {
                kind: "source-new".into(),
                source_file: Some(i.display.clone()),
                message: say(
                    lang,
                    format!("{}不在本汇总的来源中", i.display),
                    format!("{} is not among the sources of this workbook", i.display),
                ),
                ..Default::default()
            });
        }
    }
    Check {
        name: "sources",
        passed: out.len() == before,
        detail: say(
            lang,
            format!(
                "{}个来源文件中找到{compared}个并核对SHA-256",
                c.sources.len()
            ),
            format!(
                "{compared} of {} recorded sources found and their SHA-256 compared",
                c.sources.len()
            ),
        ),
    }
}

/// Re-reads a source and compares its rows with the ledger rows that came from it.
fn compare_rows(
    c: &Consolidated,
    s: &Settings,
    recorded: &str,
    input: &Input,
    out: &mut Vec<Discrepancy>,
) {
    let lang = c.lang;
    let result = process_file(input, s);
    // (sheet, source row, item) → ledger row
    let mut ledger_rows: BTreeMap<(String, String, usize), &LedgerRow> = BTreeMap::new();
    let mut counts: HashMap<(String, String), usize> = HashMap::new();
    for r in c
        .rows
        .iter()
        .filter(|r| r.text(Col::SourceFile) == recorded)
    {
        let k = (r.text(Col::SourceSheet), r.text(Col::SourceRow));
        let n = counts.entry(k.clone()).or_insert(0);
        ledger_rows.insert((k.0, k.1, *n), r);
        *n += 1;
    }
    let mut matched = std::collections::HashSet::new();
    for l in &result.ledgers {
        let mut item: HashMap<usize, usize> = HashMap::new();
        for m in &l.measures {
            let k = item.entry(m.row).or_insert(0);
            let row = l.row_of(m);
            let key = (l.sheet.clone(), (row.row + 1).to_string(), *k);
            *k += 1;
            let values = row_values(
                l,
                m,
                RowPlace {
                    no: 0,
                    problem_no: 0,
                },
                false,
                None,
                s,
            );
            let source_cell = |f: Option<Field>| {
                let col = f.and_then(|f| l.layout.column_of(f)).unwrap_or(0);
                format!("{}!{}", l.sheet, CellRef::new(row.row, col))
            };
            let Some(lr) = ledger_rows.get(&key) else {
                out.push(Discrepancy {
                    kind: "source-row-missing".into(),
                    source_file: Some(input.display.clone()),
                    source_cell: Some(source_cell(Some(Field::Measure))),
                    expected: Some(m.text.clone()),
                    message: say(
                        lang,
                        format!(
                            "来源{} {}的措施“{}”不在台账中",
                            input.display,
                            source_cell(Some(Field::Measure)),
                            m.text
                        ),
                        format!(
                            "the measure \"{}\" of {} {} is not in the ledger",
                            m.text,
                            input.display,
                            source_cell(Some(Field::Measure))
                        ),
                    ),
                    ..Default::default()
                });
                continue;
            };
            matched.insert(key.clone());
            for col in SOURCE_COLUMNS {
                let want = values[col.index() as usize].canonical();
                let have = lr.text(col);
                if want != have {
                    let sc = source_cell(col.field());
                    out.push(Discrepancy {
                        kind: "source-mismatch".into(),
                        sheet: Some(lr.sheet.clone()),
                        cell: Some(CellRef::new(lr.row, col.index().into()).to_string()),
                        expected: Some(want.clone()),
                        found: Some(have.clone()),
                        source_file: Some(input.display.clone()),
                        source_cell: Some(sc.clone()),
                        message: say(
                            lang,
                            format!(
                                "{}(“{}”)为“{have}”,来源{} {}为“{want}”",
                                lr.cell(col),
                                col.header(lang),
                                input.display,
                                sc
                            ),
                            format!(
                                "{} ({}) reads \"{have}\"; the source {} {} reads \"{want}\"",
                                lr.cell(col),
                                col.header(lang),
                                input.display,
                                sc
                            ),
                        ),
                    });
                }
            }
        }
    }
    for (key, lr) in &ledger_rows {
        if !matched.contains(key) {
            out.push(Discrepancy {
                kind: "ledger-row-unsourced".into(),
                sheet: Some(lr.sheet.clone()),
                cell: Some(CellRef::new(lr.row, 0).to_string()),
                source_file: Some(input.display.clone()),
                source_cell: Some(format!("{}!A{}", key.0, key.1)),
                message: say(
                    lang,
                    format!(
                        "{}第{}行在来源{}中已没有对应的措施",
                        lr.sheet,
                        lr.row + 1,
                        input.display
                    ),
                    format!(
                        "{} row {} no longer has a measure in the source {}",
                        lr.sheet,
                        lr.row + 1,
                        input.display
                    ),
                ),
                ..Default::default()
            });
        }
    }
}

fn claims_check(c: &Consolidated, claims: &[Claim], out: &mut Vec<Discrepancy>) -> Check {
    let before = out.len();
    let lang = c.lang;
    for claim in claims {
        let actual = match &claim.community {
            Some(name) => {
                let k = counters_of(c, |r| r.text(Col::Community) == *name, Some(name));
                if claim.key == "communities" {
                    1
                } else {
                    k.get(&claim.key).unwrap_or(0)
                }
            }
            None if claim.key == "communities" => {
                let mut names: Vec<String> =
                    c.rows.iter().map(|r| r.text(Col::Community)).collect();
                names.sort();
                names.dedup();
                names.len() as u64
            }
            None => counters_of(c, |_| true, None).get(&claim.key).unwrap_or(0),
        };
        if actual != claim.value {
            let who = claim
                .community
                .clone()
                .map(|n| format!("{n}:"))
                .unwrap_or_default();
            out.push(Discrepancy {
                kind: "claim".into(),
                expected: Some(claim.value.to_string()),
                found: Some(actual.to_string()),
                message: say(
                    lang,
                    format!(
                        "公布的{who}{}={}与台账不符:台账为{actual}",
                        claim.key, claim.value
                    ),
                    format!(
                        "the published {who}{}={} does not hold: the ledger gives {actual}",
                        claim.key, claim.value
                    ),
                ),
                ..Default::default()
            });
        }
    }
    Check {
        name: "claims",
        passed: out.len() == before,
        detail: say(
            lang,
            format!("核对{}个公布数字", claims.len()),
            format!("{} published figures checked", claims.len()),
        ),
    }
}

/// Verifies a consolidated workbook.
pub fn verify(c: &Consolidated, opts: &Options) -> Verdict {
    let s = recorded_settings(c);
    let mut d = Vec::new();
    let mut checks = vec![summary_check(c, &mut d), derived_check(c, &s, &mut d)];
    let (integrity, edited) = integrity_check(c, &mut d);
    checks.push(integrity);
    if !opts.sources.is_empty() {
        checks.push(sources_check(c, &s, &opts.sources, &edited, &mut d));
    }
    if !opts.claims.is_empty() {
        checks.push(claims_check(c, &opts.claims, &mut d));
    }
    Verdict {
        verified: checks.iter().all(|c| c.passed),
        checks,
        discrepancies: d,
    }
}

/// The verdict for people.
pub fn render(c: &Consolidated, v: &Verdict) -> String {
    use std::fmt::Write;
    let lang = c.lang;
    let mut s = String::new();
    let _ = writeln!(
        s,
        "{}",
        say(
            lang,
            format!(
                "核验 {}({},截至{})",
                c.path,
                c.meta.version,
                c.meta.as_of.map(|d| d.to_string()).unwrap_or_default()
            ),
            format!(
                "Verifying {} ({}, as of {})",
                c.path,
                c.meta.version,
                c.meta.as_of.map(|d| d.to_string()).unwrap_or_default()
            ),
        )
    );
    for check in &v.checks {
        let mark = if check.passed { "✓" } else { "✗" };
        let _ = writeln!(s, "  {mark} {}: {}", check.name, check.detail);
    }
    if !v.discrepancies.is_empty() {
        let _ = writeln!(s, "{}", lang.pick("不一致之处:", "Discrepancies:"));
        for d in v.discrepancies.iter().take(500) {
            let _ = writeln!(s, "  [{}] {}", d.kind, d.message);
        }
        if v.discrepancies.len() > 500 {
            let _ = writeln!(s, "  … {}", v.discrepancies.len() - 500);
        }
    }
    let _ = writeln!(
        s,
        "{}",
        match (lang, v.verified) {
            (Lang::Zh, true) => "结论:核验通过。".to_string(),
            (Lang::Zh, false) => format!("结论:核验未通过,共{}处不一致。", v.discrepancies.len()),
            (Lang::En, true) => "Verdict: verified.".to_string(),
            (Lang::En, false) => format!(
                "Verdict: NOT verified, {} discrepancies.",
                v.discrepancies.len()
            ),
        }
    );
    s
}
