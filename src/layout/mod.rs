//! Finding the ledger in a sheet (spec 2): its header row or rows, which column holds which
//! field, its data rows, its footer and the unit it belongs to.
//!
//! Columns are chosen by evidence, as one assignment (`assign`): every (column, field) pair
//! is scored from the header's words (`crate::value::header::header_evidence`) and from the
//! column's values (`evidence`), and the assignment with the best total wins. The
//! configuration can fix any field to a column. The header is the row (or two rows, a merged
//! group cell such as `责任主体` over `责任领导 | 责任科室 | 责任人`), within the first 20 rows of
//! the sheet, whose assignment is best; it must name at least three fields by their headers,
//! `problem` or `measure` among them. Rows above the header are title and meta rows; rows from
//! the first footer row (`填报人:…`, `审核人:…`, `联系电话:…`, `注:…`) down are the footer.
//! Everything between is data.

pub(crate) mod assign;
pub(crate) mod cells;
pub(crate) mod evidence;

use crate::config::{ColumnSpec, Settings};
use crate::source::grid::{CellValue, MergeIndex, Sheet};
use crate::value::header::{Field, HeaderVocabulary, header_evidence, normalize_header};
use crate::value::text::column_letters;
use crate::value::text::squash;
use assign::{Choice, Close, Evidence};

/// How many rows from the top of a sheet the header is looked for in.
pub(crate) const HEADER_SEARCH_ROWS: u32 = 20;

/// How many rows from the top of a sheet its kind is read from: a title, a meta row and a
/// header of up to four rows, with room to spare.
pub(crate) const KIND_ROWS: u32 = 8;

/// A column of a ledger.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Column {
    /// Column index, from 0.
    pub(crate) col: u32,
    /// The field it holds; `None` for an extra column.
    pub(crate) field: Option<Field>,
    /// Its header as written (both rows of a two-row header joined by `/`), or its column
    /// letter when it has no header.
    pub(crate) label: String,
}

/// Where a ledger's unit name was found.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize, Hash)]
#[serde(rename_all = "snake_case")]
pub enum UnitSource {
    /// The configuration file's `[communities]` table.
    Config,
    /// A title or meta row (`…社区…台账`, `填报单位:…`).
    Title,
    /// The sheet's name.
    SheetName,
    /// The file's name.
    FileName,
    /// The unit column of the sheet (a consolidated workbook's unit column too).
    Column,
}

/// The kind of tracking a ledger belongs to, from the words of its file name, sheet name,
/// title and headers: it decides which columns a ledger must have and which header names
/// the rows' unit.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub(crate) enum Kind {
    /// 巡察 or 巡视 rectification: the published report promises a leader, an office and a
    /// person for every item, so all three columns are required.
    Inspection,
    /// A hazard register (隐患): one row, one hazard with its measure.
    Hazard,
    /// A ticket export (12345, 工单, 诉求, 市长信箱, a 数字城管 system's 案件): one row, one
    /// ticket.
    Ticket,
    /// A supervised task list (督办, 督查): one row, one task; the lead unit (牵头单位) is the
    /// unit held to it.
    Task,
    /// Any other rectification ledger.
    #[default]
    Other,
}

impl Kind {
    /// True for registers whose rows are items with no separate measure rows: a missing
    /// measure column is no error there, the row is the measure.
    pub(crate) fn is_register(self) -> bool {
        matches!(self, Kind::Hazard | Kind::Ticket | Kind::Task)
    }

    /// The kind a text names, if any.
    fn named_in(text: &str) -> Option<Kind> {
        if text.contains("巡察") || text.contains("巡视") {
            Some(Kind::Inspection)
        } else if [
            "督办",
            "督查事项",
            "督查台账",
            "重点工作",
            "重点任务",
            "任务清单",
        ]
        .iter()
        .any(|w| text.contains(w))
        {
            Some(Kind::Task)
        } else if [
            "12345", "热线", "工单", "诉求", "信箱", "来信", "来电", "案件",
        ]
        .iter()
        .any(|w| text.contains(w))
        {
            Some(Kind::Ticket)
        } else if text.contains("隐患") {
            Some(Kind::Hazard)
        } else {
            None
        }
    }

    /// The kind of a sheet: named by the file's name, the sheet's name, or else the short texts
    /// (titles, meta rows, headers) of its first [`KIND_ROWS`] rows, the first that names one.
    pub(crate) fn of_sheet(sheet: &Sheet, file_name: &str) -> Kind {
        let top = sheet.rows.first().map_or(0, |r| r.index);
        let texts = sheet
            .rows
            .iter()
            .take_while(|r| r.index < top.saturating_add(KIND_ROWS))
            .flat_map(|r| r.cells.iter())
            .filter_map(|c| match &c.value {
                // Titles and headers are short; a sentence of data says nothing of the kind.
                CellValue::Text(t) if t.len() <= 240 => Some(t.as_str()),
                _ => None,
            });
        std::iter::once(file_name)
            .chain(std::iter::once(sheet.name.as_str()))
            .chain(texts)
            .find_map(Kind::named_in)
            .unwrap_or_default()
    }

    /// Headers that name the rows' unit in ledgers of this kind: the lead unit of a task
    /// list, the handling unit of a ticket, the contractor of a hazard register.
    fn unit_headers(self) -> &'static [&'static str] {
        match self {
            Kind::Task => &["牵头单位", "责任单位", "主办单位", "承办单位", "牵头部门"],
            Kind::Ticket => &[
                "承办单位",
                "办理单位",
                "处置单位",
                "主办单位",
                "责任单位",
                "承办部门",
                "处置部门",
            ],
            Kind::Hazard => &["施工单位", "参建单位", "受检单位", "所属标段", "标段"],
            Kind::Inspection | Kind::Other => &[],
        }
    }
}

/// The ledger found in a sheet.
#[derive(Debug, Clone, PartialEq)]
pub struct Layout {
    /// First header row, from 0.
    pub(crate) header_row: u32,
    /// 1 or 2.
    pub(crate) header_height: u32,
    /// Every column with a header or with data, ordered by index.
    pub(crate) columns: Vec<Column>,
    /// Columns that name a field already named further left: (field, column).
    pub(crate) duplicates: Vec<(Field, u32)>,
    /// First data row.
    pub(crate) data_start: u32,
    /// One past the last data row: the first footer row, or the end of the sheet.
    pub(crate) data_end: u32,
    /// The unit a title or meta row names.
    pub(crate) title_unit: Option<String>,
    /// The organisation the sheet's title begins with, of any kind (`永宁县教育局` of
    /// `永宁县教育局政府网站和政务新媒体检查问题整改台账`): the sheet's own unit when nothing
    /// else names it.
    pub(crate) title_organisation: Option<String>,
    /// The organisation the title begins with, kept when [`Layout::title_organisation`] is
    /// dropped because the workbook's titles name only one (which may be the inspector's):
    /// the sheet's unit when its file's name names none at all (`附件3.xlsx`).
    pub(crate) lone_title_organisation: Option<String>,
    /// True when the workbook is one sheet per unit named by the sheets' names alone
    /// (`青山社`, `白马社`, `城关社` under one header): set by the workbook's reading, not here.
    pub(crate) named_by_sheet: bool,
    /// Cells of a unit column a CSV wrote once for a run of rows (a merged cell saved by WPS or
    /// Excel on its first row only), as the merges they were: read down like merges.
    pub(crate) ditto: Vec<crate::source::grid::Merge>,
    /// True when a title above the header ends with the sheet's name in brackets
    /// (`…整改追踪表（心血管内科）` on the sheet `心血管内科`): the sheet names whose it is.
    pub(crate) title_names_sheet: bool,
    /// Whether enumerated measure cells are split into items (false for a consolidated
    /// workbook, whose measures are split already).
    pub(crate) split_measures: bool,
    /// Each field's column and why it was chosen, in field order.
    pub(crate) choices: Vec<Choice>,
    /// Fields whose second-best column came close to the one chosen.
    pub(crate) close: Vec<Close>,
    /// True when the status column holds progress as numbers (0.8, or 80 out of 100).
    pub(crate) progress_status: bool,
    /// The kind of tracking the ledger belongs to.
    pub(crate) kind: Kind,
    /// A status written period by period (`3月进展`, `4月进展` …), its columns from the
    /// earliest period to the latest; the status column is the latest, and a row's state is
    /// its latest period written. Empty for a sheet with one status column.
    pub(crate) status_series: Vec<u32>,
    /// A state ticked (`√`) under sub-columns that name the states (`完成情况` over `已完成 |
    /// 正在推进 | 未启动`): each column and the state its sub-header names. Empty otherwise.
    pub(crate) ticked: Vec<(u32, String)>,
    /// The states a legend gives the codes of the status column (`1` → `待处置`): from a sheet
    /// of codes in the workbook (`字段 | 代码 | 含义`) or a legend beside the table
    /// ([`status_codes`]). Empty without one.
    pub(crate) status_codes: Vec<(u32, String)>,
}

impl Layout {
    /// The column of a field, if the ledger has one.
    pub(crate) fn column_of(&self, field: Field) -> Option<u32> {
        self.columns
            .iter()
            .find(|c| c.field == Some(field))
            .map(|c| c.col)
    }

    /// The required fields without a column: those the configuration requires, or else
    /// [`Field::CORE`], and for responsibility the person when none of [`Field::RESPONSIBLE`]
    /// has a column.
    pub(crate) fn missing_fields(&self, required: Option<&[Field]>) -> Vec<Field> {
        let missing = |f: &Field| self.column_of(*f).is_none();
        match required {
            Some(fields) => fields.iter().copied().filter(missing).collect(),
            None => {
                let mut out: Vec<Field> = Field::CORE
                    .into_iter()
                    .filter(missing)
                    // A register's row is its own measure.
                    .filter(|f| !(*f == Field::Measure && self.kind.is_register()))
                    .collect();
                if self.kind == Kind::Inspection {
                    // A 巡察 or 巡视 report names the leader, the office and the person of
                    // every item.
                    out.extend(Field::RESPONSIBLE.into_iter().filter(missing));
                } else if Field::RESPONSIBLE.iter().all(missing) && missing(&Field::Unit) {
                    // Who is responsible: a leader, an office, a person, or the unit whose
                    // rows they are (a 12345 ledger's 承办单位).
                    out.push(Field::Person);
                }
                out.sort();
                out
            }
        }
    }

    /// The fields each data row must fill, of those the ledger has a column for: the ones the
    /// configuration requires, or else [`Field::REQUIRED`].
    pub(crate) fn fields_to_fill(&self, required: Option<&[Field]>) -> Vec<Field> {
        required
            .unwrap_or(&Field::REQUIRED)
            .iter()
            .copied()
            .filter(|f| self.column_of(*f).is_some())
            .collect()
    }

    /// The choice made for a field, if it has a column.
    pub(crate) fn choice(&self, field: Field) -> Option<&Choice> {
        self.choices.iter().find(|c| c.field == field)
    }

    /// A layout of known columns (a consolidated workbook read back, a configuration): the
    /// header in `header_row`, data below it to `data_end`.
    pub(crate) fn known(header_row: u32, columns: Vec<Column>, data_end: u32) -> Layout {
        let choices = columns
            .iter()
            .filter_map(|c| {
                Some(Choice {
                    field: c.field?,
                    col: c.col,
                    evidence: Evidence {
                        header: 1.0,
                        values: 0.0,
                        fixed: true,
                    },
                    because: assign::Because::Header,
                    runner_up: None,
                })
            })
            .collect();
        Layout {
            header_row,
            header_height: 1,
            columns,
            duplicates: Vec::new(),
            data_start: header_row + 1,
            data_end,
            title_unit: None,
            title_organisation: None,
            lone_title_organisation: None,
            named_by_sheet: false,
            ditto: Vec::new(),
            title_names_sheet: false,
            split_measures: true,
            choices,
            close: Vec::new(),
            progress_status: false,
            kind: Kind::Other,
            status_series: Vec::new(),
            ticked: Vec::new(),
            status_codes: Vec::new(),
        }
    }
}

fn text_at(sheet: &Sheet, row: u32, col: u32) -> Option<&str> {
    match sheet.value(row, col)? {
        CellValue::Text(s) if !s.trim().is_empty() => Some(s.as_str()),
        _ => None,
    }
}

/// Header cells of one candidate: (column, field, label).
type HeaderCells = Vec<(u32, Option<Field>, String)>;

fn distinct_fields(cells: &HeaderCells) -> Vec<Field> {
    let mut f: Vec<Field> = cells.iter().filter_map(|c| c.1).collect();
    f.sort();
    f.dedup();
    f
}

/// How many fields the cells name by their words or stems (header evidence 0.35 at least).
fn stem_fields(vocab: &HeaderVocabulary, cells: &HeaderCells) -> usize {
    let mut named: Vec<Field> = cells
        .iter()
        .filter_map(|(_, _, label)| {
            let e = header_evidence(vocab, label);
            Field::ALL
                .into_iter()
                .filter(|f| e[f.index()] >= 0.35)
                .max_by(|a, b| e[a.index()].total_cmp(&e[b.index()]))
        })
        .collect();
    named.sort();
    named.dedup();
    named.len()
}

fn single_row(sheet: &Sheet, row: u32, vocab: &HeaderVocabulary) -> HeaderCells {
    let Some(r) = sheet.row(row) else {
        return Vec::new();
    };
    r.cells
        .iter()
        .filter_map(|c| match &c.value {
            CellValue::Text(s) if !s.trim().is_empty() => {
                Some((c.col, vocab.field_of(s), s.trim().to_string()))
            }
            _ => None,
        })
        .collect()
}

/// The two-row reading of rows `row` and `row + 1`, when row `row + 1` is a row of sub-headers
/// under group cells of row `row`.
fn two_rows(
    sheet: &Sheet,
    merges: &MergeIndex,
    row: u32,
    vocab: &HeaderVocabulary,
) -> Option<HeaderCells> {
    let below = sheet.row(row + 1)?;
    // A row of sentences is the first data row, not a second header row: it is never eaten.
    if below.cells.iter().any(|c| match &c.value {
        CellValue::Text(t) => t.contains('。') || t.trim().chars().count() > 24,
        _ => true,
    }) {
        return None;
    }
    // The top row of a two-row header names fields itself (序号, 反馈问题 …) beside its groups,
    // by their words or — a row of short texts only — their stems (`检查发现情形`,
    // `企业安全负责人`).
    let top_cells = single_row(sheet, row, vocab);
    if distinct_fields(&top_cells).len() < 2
        && (top_cells.len() < 3
            || top_cells.iter().any(|(_, _, l)| l.chars().count() > 12)
            || stem_fields(vocab, &top_cells) < 2)
    {
        return None;
    }
    let top = sheet.row(row);
    let mut cols: Vec<u32> = below.cells.iter().map(|c| c.col).collect();
    if let Some(t) = top {
        cols.extend(t.cells.iter().map(|c| c.col));
    }
    // A header merged down from a band row above this one (`序号`, `承储库点` over three rows
    // whose lower two are read here) is this band's too.
    let from_above = |col: u32| {
        merges
            .at(row, col)
            .filter(|m| m.first.row < row && m.first.col == col && m.is_vertical())
            .and_then(|m| text_at(sheet, m.first.row, m.first.col))
            .map(str::to_string)
    };
    for r in row.saturating_sub(2)..row {
        if let Some(above) = sheet.row(r) {
            cols.extend(
                above
                    .cells
                    .iter()
                    .map(|c| c.col)
                    .filter(|col| from_above(*col).is_some()),
            );
        }
    }
    cols.sort_unstable();
    cols.dedup();
    let mut out = Vec::new();
    let mut grouped = false;
    let mut last_group: Option<(u32, String)> = None;
    for col in cols {
        // The top cell: its own text, or the text of a group cell merged over it, or (without
        // merge information) the nearest group text to its left when the top cell is empty.
        let own_top = text_at(sheet, row, col).map(str::to_string);
        let merged_top = merges
            .at(row, col)
            .filter(|m| m.first.row == row && m.width() > 1)
            .and_then(|m| text_at(sheet, row, m.first.col))
            .map(str::to_string);
        let bottom = text_at(sheet, row + 1, col)
            .filter(|_| merges.at(row, col).is_none_or(|m| !m.is_vertical()))
            .map(str::to_string);
        let top = own_top
            .clone()
            .or(merged_top.clone())
            .or_else(|| from_above(col))
            .or_else(|| {
                if sheet.merges_known {
                    None
                } else {
                    last_group.as_ref().map(|(_, t)| t.clone())
                }
            });
        if let Some(t) = &own_top {
            last_group = vocab.field_of(t).is_none().then(|| (col, t.clone()));
        }
        let bottom_field = bottom.as_deref().and_then(|b| vocab.field_of(b));
        let top_is_group =
            merged_top.is_some() || top.as_deref().is_some_and(|t| vocab.field_of(t).is_none());
        // Sub-headers under a group cell merged over them (`整改责任单位` over `施工 | 监理`)
        // make a band, whatever their words.
        if (bottom_field.is_some() && top_is_group) || (bottom.is_some() && merged_top.is_some()) {
            grouped = true;
        }
        let (field, label) = match (&top, &bottom) {
            (Some(t), Some(b))
                if bottom_field.is_some() || top_is_group || merged_top.is_some() =>
            {
                let label = if t == b {
                    b.clone()
                } else {
                    format!("{t}/{b}")
                };
                (bottom_field.or_else(|| vocab.field_of(t)), label)
            }
            (Some(t), _) => (vocab.field_of(t), t.clone()),
            (None, Some(b)) => (bottom_field, b.clone()),
            (None, None) => continue,
        };
        out.push((col, field, label));
    }
    grouped.then_some(out)
}

/// A reading of a header row (or two): its columns and their labels.
struct Candidate {
    row: u32,
    height: u32,
    cells: HeaderCells,
    /// The columns whose header cell is merged across several columns: a group's cell
    /// (`整改责任单位` over 施工 | 监理), no column's own header.
    groups: Vec<u32>,
}

/// Header evidence by header text: the first rows of a sheet repeat their texts (names,
/// statuses, dates), so each is scored once.
#[derive(Default)]
struct HeaderMemo(std::collections::HashMap<String, [f64; 13]>);

impl HeaderMemo {
    fn get(&mut self, vocab: &HeaderVocabulary, label: &str) -> [f64; 13] {
        if let Some(e) = self.0.get(label) {
            return *e;
        }
        let e = header_evidence(vocab, label);
        self.0.insert(label.to_string(), e);
        e
    }
}

/// The evidence of a candidate's header cells: for each labelled column, its evidence by field.
fn header_evidence_of(
    cells: &HeaderCells,
    vocab: &HeaderVocabulary,
    fixed: &[(Field, ColumnSpec)],
    memo: &mut HeaderMemo,
    kind: Kind,
    groups: &[u32],
) -> Vec<(u32, [Evidence; 13])> {
    let named_by_kind = |label: &str| {
        label.len() <= 60
            && kind
                .unit_headers()
                .contains(&normalize_header(label).as_str())
    };
    // In a register the unit held to an item is the one its kind names (`承办单位`), else the
    // responsible organisation (`责任部门`): a place (`所属街道`) is then no unit.
    let by_kind = cells.iter().any(|(_, _, l)| named_by_kind(l));
    let held = |col: u32, label: &str| {
        named_by_kind(label)
            || (kind.is_register()
                && !by_kind
                && !groups.contains(&col)
                && responsible_organisation(label))
    };
    let claimed = kind.is_register() && cells.iter().any(|(c, _, l)| held(*c, l));
    cells
        .iter()
        .map(|(col, _, label)| {
            let mut h = memo.get(vocab, label);
            if held(*col, label) {
                // The kind's own word is sure; a responsible organisation's header names the
                // unit nearly as surely (`承办部门`, `处置单位`, `整改责任/责任部门`).
                h[Field::Unit.index()] = if named_by_kind(label) {
                    1.0
                } else {
                    h[Field::Unit.index()]
                        .max(h[Field::Department.index()])
                        .max(0.8)
                };
                h[Field::Department.index()] = h[Field::Department.index()].min(0.3);
            } else if claimed {
                h[Field::Unit.index()] = h[Field::Unit.index()].min(-0.5);
            }
            let mut e = [Evidence::default(); 13];
            for f in Field::ALL {
                e[f.index()].header = h[f.index()];
            }
            for (f, spec) in fixed {
                let hit = match spec {
                    ColumnSpec::Letter(c) => c == col,
                    ColumnSpec::Header(t) => {
                        normalize_header(t) == normalize_header(label) || t.trim() == label.trim()
                    }
                };
                if hit {
                    e[f.index()].fixed = true;
                }
            }
            (*col, e)
        })
        .collect()
}

/// True for the header of an organisation held responsible for the rows: the last part of a
/// compound header (`整改责任/责任部门`) ends in an organisation's word and the header says
/// responsibility (`责任单位`, `承办部门`, `处理单位`, `转办单位`, `整改责任/责任部门`); one that
/// cooperates, assigns, receives or checks (`配合单位`, `交办单位`, `受理单位`, `检查单位`) is
/// not.
pub(crate) fn responsible_organisation(label: &str) -> bool {
    let whole = normalize_header(label);
    let last = normalize_header(label.rsplit(['/', '／']).next().unwrap_or(label));
    let n = last.chars().count();
    (2..=8).contains(&n)
        && [
            "单位", "部门", "科室", "处室", "股室", "部室", "车间", "班组", "方",
            // `承办主体`, `整改主体`, `责任主体`.
            "主体",
        ]
        .iter()
        .any(|w| last.ends_with(w))
        && [
            "责任", "承办", "办理", "处置", "处理", "整改", "牵头", "主办", "转办", "执行", "落实",
            "实施", "归口",
        ]
        .iter()
        .any(|w| whole.contains(w))
        // Who helps, who assigns, who receives, checks or supervises (`监管责任单位`, `主管部门`):
        // not who answers for the item.
        && ![
            "配合", "协办", "协助", "检查", "复查", "督办", "交办", "受理", "派发", "发现", "填报",
            "监管", "主管",
        ]
        .iter()
        .any(|w| whole.contains(w))
}

/// True for a header of a column of units: an organisation held responsible at the level of a
/// unit (`责任单位`, `牵头单位`, `承办单位` — not `责任部门` or `责任科室`, offices inside one), or
/// the name of what was inspected (`医疗机构名称`, `学校名称`, `被检查单位`).
pub(crate) fn names_units(label: &str) -> bool {
    let last = normalize_header(label.rsplit(['/', '／']).next().unwrap_or(label));
    let named = last.ends_with("名称");
    let last = last.strip_suffix("名称").unwrap_or(&last);
    // The name of an organisation of a kind (`药店名称`, `水库名称`, `站点名称`).
    // A room is inside a unit (`实验室名称`, `档案室名称`), a clinic is one (`卫生室名称`).
    (named
        && last.chars().count() >= 2
        && evidence::organisation_name(&format!("某{last}"))
        && (!last.ends_with('室') || evidence::is_unit_name(&format!("某{last}"))))
        // The department inspected or audited (`受审核部门`, `被检查科室`).
        || (crate::value::header::INSPECTED.iter().any(|p| last.starts_with(p))
            && ["部门", "科室", "处室", "单位"].iter().any(|w| last.ends_with(w))
            && last.chars().count() <= 8)
        || (responsible_organisation(label) && last.ends_with("单位"))
        // The village, community or township held to the rows: `责任村（社区）`, `责任乡镇`.
        || (last.starts_with("责任")
            && ["村", "社区", "乡镇", "镇", "乡", "街道", "镇街", "村居"]
                .contains(&&last["责任".len()..]))
        || (last.chars().count() <= 8
            && ([
                "被检查单位",
                "受检单位",
                "被检单位",
                "检查对象",
                "排查对象",
                "单位",
                "企业",
                "学校",
                "园所",
                "机构",
                "医院",
                "场所",
                "门店",
                "商户",
                "经营者",
                "经营户",
                "经营主体",
                // The party a penalty was decided against: `当事人名称`.
                "当事人",
                "店名",
                "店铺",
                "库点",
            ]
            .iter()
            .any(|w| last.ends_with(w))
                || unit_kind_of_household(last))
            && !names_the_inspector(last)
            // Where in the unit a problem is (`问题场所`: 会议室, 档案室) is no unit.
            && !["问题", "隐患"].iter().any(|p| last.starts_with(p))
            && ![
                "填报单位",
                "配合单位",
                "协办单位",
                "交办单位",
                "派单单位",
                "受理单位",
                // Third parties serving the unit inspected.
                "维保单位",
                "维护单位",
                "检测单位",
                "检验单位",
                "监理单位",
            ]
            .iter()
            .any(|w| last.ends_with(w)))
}

/// True for a header that is a kind of unit by itself (`司法所`, `派出所`, `卫生院`, `中队`),
/// two to five characters, over names of that kind (`城关镇司法所`, `白沙镇司法所`, four in
/// five at least): the column names the units — not a place below them (`自然村（组）` over
/// `东山一组`) or a modifier's kind (`服务小区` over `锦绣花园`).
fn names_its_kind(label: &str, names: impl FnOnce() -> Vec<String>) -> bool {
    let last = normalize_header(label.rsplit(['/', '／']).next().unwrap_or(label));
    // The kind the rows belong to (`所属派出所`, `所在卫生院`).
    let last = ["所属", "所在"]
        .iter()
        .find_map(|p| last.strip_prefix(p))
        .map_or(last.clone(), str::to_string);
    let n = last.chars().count();
    let some = format!("某{last}");
    (2..=5).contains(&n)
        && evidence::organisation_name(&some)
        && !["室", "科", "处", "部", "办", "组"]
            .iter()
            .any(|w| last.ends_with(w))
        && !names_the_inspector(&last)
        && !HELD.iter().any(|w| last.starts_with(w))
        && {
            let names = names();
            names.len() >= 2
                && names
                    .iter()
                    .filter(|t| t.ends_with(last.as_str()) && t.chars().count() > n)
                    .count()
                    * 5
                    >= names.len() * 4
        }
}

/// True for an office inside an organisation, named without one (`教务处`, `生产部`, `办公室`,
/// `财务股`, `党建办`): not a station, a branch or a team of its own (`运管所`, `路政大队`).
pub(crate) fn office_inside(name: &str) -> bool {
    let n = name.chars().count();
    (2..=7).contains(&n)
        && ["处", "科", "室", "股", "部", "组", "办", "办公室"]
            .iter()
            .any(|w| name.ends_with(w))
        && !office_of_its_own(name)
        && ![
            "县", "市", "区", "省", "镇", "乡", "街道", "村", "社区", "中共",
        ]
        .iter()
        .any(|w| name.starts_with(w))
}

/// True for an office that is an organisation of its own, named with its place
/// (`青溪县市场监督管理局`, `市医保局`, `县委办公室`), or a unit's name (`县人民医院`): no section
/// inside one (`综合科`, `办公室`).
fn office_of_its_own(name: &str) -> bool {
    evidence::is_unit_name(name)
        || (evidence::organisation_name(name)
            && !is_section(name)
            && name
                .chars()
                .take(6)
                .any(|c| matches!(c, '县' | '市' | '区' | '省' | '州' | '旗')))
}

/// The runs of rows a column's cells stand for when a CSV wrote a merged cell once, on its
/// first row (`凤山街道` over five rows, then `滨江街道` …), as merges: among the data rows of
/// three cells at least, the column is filled on the first, not on all, each value differs from
/// the one before, and another column is filled on exactly the same rows (the runs' contact,
/// phone or place, merged alike). A column merely left blank here and there has no such twin.
fn ditto_runs(
    sheet: &Sheet,
    col: u32,
    data_start: u32,
    data_end: u32,
) -> Option<Vec<crate::source::grid::Merge>> {
    use crate::source::grid::{CellRef, Merge};
    let rows: Vec<&crate::source::grid::Row> = sheet
        .rows
        .iter()
        .filter(|r| (data_start..data_end).contains(&r.index))
        .filter(|r| r.cells.iter().filter(|x| !x.value.is_blank()).count() >= 3)
        .collect();
    let filled_at = |c: u32| -> Vec<usize> {
        rows.iter()
            .enumerate()
            .filter(|(_, r)| r.cells.iter().any(|x| x.col == c && !x.value.is_blank()))
            .map(|(k, _)| k)
            .collect()
    };
    let mine = filled_at(col);
    if mine.first() != Some(&0) || mine.len() < 2 || mine.len() == rows.len() {
        return None;
    }
    let texts: Vec<String> = mine
        .iter()
        .filter_map(|k| text_at(sheet, rows[*k].index, col).map(squash))
        .collect();
    if texts.len() != mine.len() || texts.windows(2).any(|w| w[0] == w[1]) {
        return None;
    }
    let others: std::collections::BTreeSet<u32> = rows
        .iter()
        .flat_map(|r| r.cells.iter().map(|x| x.col))
        .filter(|c| *c != col)
        .collect();
    let twins: Vec<u32> = others
        .into_iter()
        .filter(|c| filled_at(*c) == mine)
        .collect();
    if twins.is_empty() {
        return None;
    }
    // The twins were merged alike (`街道责任人`, `联系电话` beside `责任街道`).
    let mut runs = Vec::new();
    for c in std::iter::once(col).chain(twins) {
        for (i, k) in mine.iter().enumerate() {
            let end = mine.get(i + 1).map_or(rows.len(), |n| *n) - 1;
            if end > *k {
                runs.push(Merge {
                    first: CellRef::new(rows[*k].index, c),
                    last: CellRef::new(rows[end].index, c),
                });
            }
        }
    }
    Some(runs)
}

/// What follows `附件` and its number at the start of a file's name (`附件3` → ``,
/// `附件2：自然资源局…` → `：自然资源局…`); `None` for a name not beginning with `附件`.
pub(crate) fn after_annex(stem: &str) -> Option<&str> {
    stem.strip_prefix("附件").map(|r| {
        r.trim_start_matches(|c: char| c.is_ascii_digit() || "一二三四五六七八九十".contains(c))
    })
}

/// A file's name without its extension, and the organisation it begins with or names:
/// `张庄村台账` → `张庄村`, `县林业局巡察整改台账` → `县林业局`; `None` for a name that names none
/// (`附件3`, `风险应对任务清单_导出_20251030`). A clerk's number in front
/// (`04_县水利局审计整改台账`) or the annex it is sent as (`附件2：自然资源局巡察整改台账`) is no
/// part of it.
pub(crate) fn named_by_file(file_name: &str) -> (String, Option<String>) {
    let stem = std::path::Path::new(file_name)
        .file_stem()
        .map(|s| s.to_string_lossy().into_owned())
        .unwrap_or_else(|| file_name.to_string());
    let stem_named = after_annex(&stem)
        .map(|r| r.trim_start_matches(|c: char| "：:、_-. ".contains(c)))
        .unwrap_or(&stem);
    // A clerk's number may carry a letter (`e01_`, `A3-`).
    let numbered = stem_named
        .trim_start_matches(|c: char| c.is_ascii_alphabetic())
        .trim_start_matches(|c: char| c.is_ascii_digit());
    let stem_named = match numbered.strip_prefix(['_', '-', '.', ' ']) {
        Some(rest) if numbered.len() < stem_named.len() => rest,
        _ => stem_named,
    };
    let squashed =
        squash(stem_named.trim_start_matches(|c: char| c.is_ascii_digit() || "_-. ".contains(c)));
    // Three characters at least: `各部门巡察整改台账` names no `各部`.
    let prefix = || evidence::organisation_prefix(&squashed).filter(|p| p.chars().count() >= 3);
    let named = unit_in_text(&squashed)
        .or_else(|| {
            // The organisation the name begins with, when it holds the unit a kind's word
            // finds in it (`县农业农村局…`, not `农业农村`).
            let kind = unit_in_title(&squashed)?;
            Some(
                prefix()
                    .filter(|p| p.contains(kind.as_str()))
                    .unwrap_or(kind),
            )
        })
        .or_else(prefix);
    // An inspector's file about the one it inspected (`县审计局对县供销社…`) names that one.
    let named = match named {
        Some(n) if names_an_inspector(&n) => inspected_after(&squashed, &n).or(Some(n)),
        other => other,
    };
    // A name that is an organisation's whole (`城关镇人民政府.xlsx`) names it as it is.
    let named = if evidence::organisation_name(&squashed) {
        Some(stem.clone())
    } else {
        named
    };
    (stem, named)
}

/// True for an organisation whose work is inspecting, auditing or supervising others
/// (`永宁县审计局`, `县委巡察办`, `第三巡察组`, `县纪委监委`): a title beginning with it may be
/// the inspector's heading over the inspected's items.
pub(crate) fn names_an_inspector(org: &str) -> bool {
    [
        "审计局",
        "审计署",
        "审计厅",
        "巡察",
        "巡视",
        "纪委",
        "监委",
        "督查",
        "督察",
        "检查组",
        "考核办",
    ]
    .iter()
    .any(|w| org.contains(w))
}

/// The organisation an inspector's heading names after `对` or `关于` (`县审计局对县供销社…`,
/// `县审计局关于县供销合作社联合社2024年度…`): the one inspected.
fn inspected_after(s: &str, inspector: &str) -> Option<String> {
    let rest = s.strip_prefix(inspector)?;
    let rest = rest
        .strip_prefix('对')
        .or_else(|| rest.strip_prefix("关于"))?;
    evidence::organisation_prefix(rest).filter(|o| o.chars().count() >= 3)
}

/// The words a title ends with in brackets (`…追踪表（心血管内科）` → `心血管内科`), squashed.
fn bracketed_at_the_end(title: &str) -> Option<String> {
    let t = squash(title);
    let inner = t.strip_suffix(['）', ')'])?;
    let open = inner.rfind(['（', '('])?;
    let bracket = inner[open..].chars().next()?;
    let name = &inner[open + bracket.len_utf8()..];
    (!name.is_empty()).then(|| name.to_string())
}

/// True for a header naming who inspected, assessed or audited (`检查单位`, `测评机构`,
/// `评估单位`, `审计组`), not the one inspected (`被检查单位`, `受检单位`, `检查对象`).
fn names_the_inspector(last: &str) -> bool {
    !crate::value::header::INSPECTED
        .iter()
        .any(|p| last.starts_with(p))
        && [
            "检查", "测评", "评估", "评审", "审计", "督查", "督导", "考核", "核查", "验收", "巡查",
            "巡察", "巡视", "督察",
        ]
        .iter()
        .any(|w| last.contains(w))
        && ["单位", "机构", "组", "方", "公司"]
            .iter()
            .any(|w| last.ends_with(w))
}

/// True for a header of households in business inspected (`零售户`, `个体户`, `业户`, `用户`),
/// not a client or an account (`客户名称`, `收款账户`).
fn unit_kind_of_household(last: &str) -> bool {
    let l = last.strip_suffix("名称").unwrap_or(last);
    ([
        "零售户",
        "个体户",
        "个体工商户",
        "业户",
        "经营户",
        "用户",
        "农户",
        "养殖户",
        "种植户",
    ]
    .iter()
    .any(|w| l.ends_with(w))
        // Any kind of household named (`取水户名称`, `排污户名称`).
        || (l.ends_with('户') && l.chars().count() >= 3))
        && !["客户", "账户", "开户"].iter().any(|w| l.ends_with(w))
}

/// True for the name of a section inside an organisation (`办公室`, `建筑管理股`, `城建档案室`,
/// `财务科`): ending in 股, 室, 科 or 组, and naming no organisation of its own before it
/// (`县委办公室`, `县政府办公室`, `城关镇党政办公室` are units of their own).
pub(crate) fn is_section(name: &str) -> bool {
    ["股", "室", "科", "组"].iter().any(|w| name.ends_with(w))
        && !["县", "市", "区", "省", "镇", "乡", "街道", "村"]
            .iter()
            .any(|w| name.starts_with(w))
        && !name
            .char_indices()
            .map(|(i, _)| i)
            .skip(2)
            .any(|i| evidence::organisation_name(&name[..i]))
}

/// Words of a header naming who is held to an item or works with them (`责任单位`, `牵头单位`,
/// `配合单位`): not the institutions inspected.
pub(crate) const HELD: [&str; 6] = ["责任", "牵头", "主办", "承办", "配合", "协办"];

/// How two columns group rows, from each row's pair of values: (each value of the first
/// stands with one of the second, each of the second with one of the first). Both: the same
/// grouping under other names; the first only: the first's groups lie within the second's.
pub(crate) fn grouping<T: std::hash::Hash + Eq + Clone>(
    pairs: impl Iterator<Item = (T, T)>,
) -> (bool, bool) {
    let mut ab: std::collections::HashMap<T, T> = std::collections::HashMap::new();
    let mut ba: std::collections::HashMap<T, T> = std::collections::HashMap::new();
    let (mut within, mut same) = (true, true);
    for (x, y) in pairs {
        within &= *ab.entry(x.clone()).or_insert_with(|| y.clone()) == y;
        same &= *ba.entry(y).or_insert_with(|| x.clone()) == x;
    }
    (within, same)
}

/// True for the header of a place rather than of an organisation held to the rows: a
/// sub-district, township or village where something is (`所属街道`, `所在乡镇`, `所在地（乡镇+村）`).
pub(crate) fn is_place(label: &str) -> bool {
    let h = crate::value::header::normalize_header(label);
    let h = h.strip_suffix("名称").unwrap_or(&h);
    let h = ["所属", "所在"]
        .iter()
        .find_map(|p| h.strip_prefix(p))
        .unwrap_or(h);
    [
        "街道",
        "乡镇",
        "镇",
        "乡",
        "社区",
        "村",
        "行政村",
        "镇街",
        "乡镇街道",
        "地",
        "属地",
        "辖区",
    ]
    .contains(&h)
}

/// True when a title's unit is the level above the names of a column: a group over its
/// companies (`远山集团有限公司` over `远山物流有限公司`), a sub-district over its communities,
/// a township over its villages, a county's government over its bureaus, an authority (a
/// sub-district, a township, a bureau) over the businesses and institutions it inspects
/// (restaurants, shops, companies, schools, depots). Most of the names must be of the level
/// below.
pub(crate) fn above_the_column(title: &str, names: &[String]) -> bool {
    // Names of the level below: ending with one of `ends`, not holding `not` (the level
    // above's own word).
    let below = |ends: &[&str], not: Option<&str>| {
        let n = names
            .iter()
            .filter(|x| ends.iter().any(|e| x.ends_with(e)) && not.is_none_or(|w| !x.contains(w)))
            .count();
        !names.is_empty() && n * 10 >= names.len() * 6
    };
    let t = squash(title);
    let government = ["人民政府", "县委", "区委", "市委"]
        .iter()
        .any(|w| t.ends_with(w));
    // An authority over the businesses and institutions it inspects: a sub-district, a
    // township or a bureau over restaurants, shops, companies, schools.
    let authority = government
        || ["街道", "镇", "乡", "局", "委", "所", "站", "队", "中心"]
            .iter()
            .any(|w| t.ends_with(w))
        || t.contains("街道办");
    let inspected = [
        "公司",
        "厂",
        "店",
        "馆",
        "坊",
        "餐厅",
        "食堂",
        "超市",
        "商场",
        "酒店",
        "宾馆",
        "学校",
        "幼儿园",
        "医院",
        "诊所",
        "卫生院",
        "养老院",
        "敬老院",
        "加油站",
        "合作社",
        "库",
    ];
    (t.contains("集团") && below(&["公司"], Some("集团")))
        || ((t.ends_with("街道") || t.contains("街道办") || t.contains("街道党"))
            && below(&["社区"], Some("街道")))
        || ((t.ends_with('镇') || t.ends_with('乡')) && below(&["村"], Some("镇")))
        || (government && below(&["局", "委", "办"], Some("政府")))
        || (authority && !t.contains("集团") && below(&inspected, None))
}

/// True for a meta row naming who filed the sheet (`填报单位：…`, `编制单位：…`), not whose
/// items it lists.
fn filer_label(text: &str) -> bool {
    let s = squash(text);
    [
        "填报单位",
        "报送单位",
        "编制单位",
        "填表单位",
        "制表单位",
        "编报单位",
    ]
    .iter()
    .any(|l| s.starts_with(l))
}

/// The unit a sheet's name names (`和平社区`, `青石镇`), if any.
pub(crate) fn unit_in_sheet_name(sheet_name: &str) -> Option<String> {
    let s = squash(sheet_name);
    unit_before(&s, "社区")
        .or_else(|| unit_in_title(&s))
        // A sheet per unit inspected, named by it (`青云山风景区`, `城关镇敬老院`): a unit's
        // kind, not an office's (`县审计局`, `第三巡察组` may be where the problems came from).
        .or_else(|| evidence::is_unit_name(&s).then_some(s))
}

/// True for a sheet's name that may name a unit of its own in a workbook of one sheet per unit:
/// two to twelve characters with a Chinese one, and no word of a period, a summary or a form
/// (`Sheet1`, `3月`, `一季度`, `汇总`, `总台账`, `问题清单`, `填报说明`).
pub(crate) fn names_a_unit_of_its_own(name: &str) -> bool {
    let n = name.chars().count();
    (2..=12).contains(&n)
        && name.chars().any(is_han)
        && ![
            "月", "季度", "年", "周", "期", "汇总", "合计", "统计", "台账", "清单", "总表", "明细",
            "说明", "模板", "附件", "目录", "记录", "报表", "表", "第", "轮", "批",
        ]
        .iter()
        .any(|w| name.contains(w))
}

/// How good a reading is, and whether it is a ledger header at all: it must name at least three
/// fields by their headers, `problem` or `measure` among them.
fn judge(choices: &[Choice]) -> Option<f64> {
    let named: Vec<Field> = choices
        .iter()
        .filter(|c| c.evidence.fixed || c.evidence.header >= 0.35)
        .map(|c| c.field)
        .collect();
    let core = named.contains(&Field::Problem) || named.contains(&Field::Measure);
    (named.len() >= 3 && core).then(|| choices.iter().map(|c| c.evidence.total().min(2.0)).sum())
}

/// The first footer row at or below `from`, or the end of the sheet.
fn data_end_from(sheet: &Sheet, from: u32) -> u32 {
    sheet
        .rows
        .iter()
        .filter(|r| r.index >= from)
        .find(|r| is_footer_row(r) && block_unit_line(r).is_none())
        .map_or(sheet.height(), |r| r.index)
}

/// The unit a line opening a block of rows names (`单位：XX华昌化工有限公司` | `检查日期：…`): a
/// sheet of blocks stacked one under another, each under its unit's line and its own header.
/// The line holds a label of the one inspected and an organisation's name, and at most one
/// other label and its value; a filer's line (`填报单位：`) opens no block.
pub(crate) fn block_unit_line(row: &crate::source::grid::Row) -> Option<String> {
    // Most rows are data: their first cell holds no label.
    let mut filled = row.cells.iter().filter(|c| !c.value.is_blank());
    let first = match &filled.next()?.value {
        CellValue::Text(s) if s.contains([':', '：']) => s.as_str(),
        _ => return None,
    };
    let mut rest: Vec<&str> = filled
        .take(3)
        .map(|c| match &c.value {
            CellValue::Text(s) => s.as_str(),
            _ => "",
        })
        .collect();
    // The label alone in its cell, the name in the next (`被检查单位：` | `乙公司`).
    let label_alone = squash(first).ends_with([':', '：']);
    let named_next = if label_alone && !rest.is_empty() {
        Some(rest.remove(0))
    } else {
        None
    };
    if rest.len() > 1 || !rest.iter().all(|t| is_label_value(t)) {
        return None;
    }
    // Two labels in one cell are kept apart by a run of spaces (`单位：X　　检查日期：…`).
    let s = squash(&apart(&format!("{first}{}", named_next.unwrap_or(""))));
    let name = [
        "被检查单位",
        "受检单位",
        "检查对象",
        "企业名称",
        "单位名称",
        "单位",
    ]
    .iter()
    .find_map(|l| s.strip_prefix(l))?
    .strip_prefix([':', '：'])?;
    let name: String = name
        .chars()
        .take_while(|c| !matches!(c, ':' | '：' | ',' | '，' | ';' | '；' | '(' | '（'))
        .collect();
    evidence::organisation_name(&name).then_some(name)
}

/// Finds the ledger in a sheet, or `None` when no row in the first 20 names enough fields.
/// `file_name` selects the columns the configuration fixes for the file.
pub fn find_layout(sheet: &Sheet, settings: &Settings, file_name: &str) -> Option<Layout> {
    let vocab = &settings.headers;
    let fixed = settings.fixed_columns(file_name, &sheet.name);
    let top = sheet.rows.first()?.index;
    let merges = sheet.merge_index();
    let mut memo = HeaderMemo::default();
    let kind = Kind::of_sheet(sheet, file_name);
    // Every reading of the first rows, judged by their headers alone; and those that name
    // their problem by a stem only, tried when no other reading is one.
    let mut judged: Vec<(f64, Candidate)> = Vec::new();
    let mut by_stem: Vec<(f64, Candidate)> = Vec::new();
    for r in sheet
        .rows
        .iter()
        .map(|r| r.index)
        .take_while(|i| *i < top.saturating_add(HEADER_SEARCH_ROWS))
    {
        let mut readings = vec![(1u32, single_row(sheet, r, vocab))];
        if let Some(two) = two_rows(sheet, &merges, r, vocab) {
            readings.push((2, two));
        }
        for (height, cells) in readings {
            let groups: Vec<u32> = if height == 1 {
                cells
                    .iter()
                    .map(|(col, _, _)| *col)
                    .filter(|col| {
                        merges
                            .at(r, *col)
                            .is_some_and(|m| m.first.col == *col && m.last.col > *col)
                    })
                    .collect()
            } else {
                Vec::new()
            };
            let ev = header_evidence_of(&cells, vocab, &fixed, &mut memo, kind, &groups);
            // A header names three fields at least: a row that cannot is not one.
            let naming = ev
                .iter()
                .filter(|(_, e)| e.iter().any(|x| x.fixed || x.header >= 0.35))
                .count();
            if naming < 3 {
                continue;
            }
            let cols: Vec<u32> = ev.iter().map(|(c, _)| *c).collect();
            let es: Vec<[Evidence; 13]> = ev.iter().map(|(_, e)| *e).collect();
            let (choices, _) = assign::assign(&cols, &es);
            // A problem named by its stem alone (`诉求摘要`, `信访事项`) is below the threshold
            // of a field by its header; where no reading names one, its values decide below.
            // Else a measure named by its stem (`核查要求`, `处置要求`).
            let by_stem_of = |field: Field| {
                ev.iter()
                    .filter(|(col, _)| !choices.iter().any(|x| x.col == *col))
                    .filter(|(_, e)| e[field.index()].header >= 0.35)
                    .max_by(|a, b| {
                        a.1[field.index()]
                            .header
                            .total_cmp(&b.1[field.index()].header)
                    })
                    .map(|(col, e)| (field, col, e))
            };
            if !choices
                .iter()
                .any(|x| matches!(x.field, Field::Problem | Field::Measure))
                && let Some((field, col, e)) =
                    by_stem_of(Field::Problem).or_else(|| by_stem_of(Field::Measure))
            {
                let mut with_stem = choices.clone();
                with_stem.push(Choice {
                    field,
                    col: *col,
                    evidence: e[field.index()],
                    because: assign::Because::Header,
                    runner_up: None,
                });
                if let Some(score) = judge(&with_stem) {
                    by_stem.push((
                        score,
                        Candidate {
                            row: r,
                            height,
                            cells: cells.clone(),
                            groups: groups.clone(),
                        },
                    ));
                }
            }
            if let Some(score) = judge(&choices) {
                judged.push((
                    score,
                    Candidate {
                        row: r,
                        height,
                        cells,
                        groups,
                    },
                ));
            }
        }
    }
    if judged.is_empty() {
        judged = by_stem;
    }
    // A group over sub-headers that name states (`完成情况` over `已完成 | 正在推进 | 未启动`) is a
    // header of two rows: its second row is no data.
    let states_below: Vec<u32> = judged
        .iter()
        .filter(|(_, c)| c.height == 2)
        .filter(|(_, c)| {
            let below: Vec<u32> = sheet
                .rows
                .iter()
                .map(|r| r.index)
                .filter(|i| *i >= c.row + 2)
                .take(5)
                .collect();
            ticked_states(sheet, &c.cells, &below, &settings.statuses, vocab).len() >= 2
        })
        .map(|(_, c)| c.row)
        .collect();
    judged.retain(|(_, c)| !(c.height == 1 && states_below.contains(&c.row)));
    // A row holding a group's cell over sub-headers (`测评情况` over `测评机构 | 测评结论`) read
    // alone would take the sub-headers for data: its two-row reading wins where it names as much.
    let two_rows: Vec<(u32, f64)> = judged
        .iter()
        .filter(|(_, c)| c.height == 2)
        .map(|(s, c)| (c.row, *s))
        .collect();
    judged.retain(|(s, c)| {
        !(c.height == 1
            && !c.groups.is_empty()
            && two_rows.iter().any(|(r, t)| *r == c.row && *t >= *s - 1e-9))
    });
    // A header repeated further down (each block of a sheet of stacked blocks under its own
    // copy) is the first one's: the rows between are the table's.
    let mut seen: std::collections::HashSet<(u32, Vec<String>)> = Default::default();
    judged.retain(|(_, c)| {
        seen.insert((
            c.height,
            c.cells.iter().map(|(_, _, l)| l.clone()).collect(),
        ))
    });
    // The two best readings, by their headers, are weighed with their values too.
    let mut order: Vec<usize> = (0..judged.len()).collect();
    order.sort_by(|a, b| judged[*b].0.total_cmp(&judged[*a].0).then(a.cmp(b)));
    let mut best: Option<(f64, Layout)> = None;
    let top_score = order.first().map_or(0.0, |k| judged[*k].0);
    for &k in order.iter().take(2) {
        // A reading far behind the best by its headers is not worth its values.
        if judged[k].0 < top_score * 0.8 {
            continue;
        }
        let c = &judged[k].1;
        let layout = with_values(sheet, &merges, c, settings, &fixed, &mut memo, kind);
        let Some(score) = judge(&layout.choices) else {
            continue;
        };
        if best.as_ref().is_none_or(|(b, _)| score > *b + 1e-9) {
            best = Some((score, layout));
        }
    }
    best.map(|(_, l)| l)
}

/// The layout of a reading, its fields assigned by header and values together.
fn with_values(
    sheet: &Sheet,
    merges: &MergeIndex,
    c: &Candidate,
    settings: &Settings,
    fixed: &[(Field, ColumnSpec)],
    memo: &mut HeaderMemo,
    kind: Kind,
) -> Layout {
    let vocab = &settings.headers;
    let mut data_start = c.row + c.height;
    // A row of column numbers or codes under the header is neither header nor data, nor is
    // a row of notes on how to fill the columns in (`（注明日期）`, `（到位/部分/尚未）`).
    // Nor is a note line right under it on how to fill a column in (`注：整改状态填代码（A-已完成
    // B-整改中 C-未启动）`) when rows of data follow: no footer yet.
    let data_follows = |at: u32| {
        sheet
            .rows
            .iter()
            .filter(|r| r.index > at)
            .take(3)
            .any(|r| r.cells.iter().filter(|x| !x.value.is_blank()).count() >= 3)
    };
    while sheet.row(data_start).is_some_and(|r| {
        is_column_number_row(r, c.cells.len())
            || is_notes_row(r)
            || (is_note_line(r) && data_follows(r.index))
    }) {
        data_start += 1;
    }
    let data_end = data_end_from(sheet, data_start);
    let sample: Vec<u32> = sheet
        .rows
        .iter()
        .filter(|r| (data_start..data_end).contains(&r.index))
        .filter(|r| r.cells.iter().any(|x| !x.value.is_blank()))
        .take(evidence::SAMPLE_ROWS)
        .map(|r| r.index)
        .collect();
    let year = chrono::Datelike::year(&settings.as_of);
    // The first cell that names a unit (after a label, or `…社区`), else a unit of
    // another kind a title names (`东区分公司…`).
    let above = || {
        sheet
            .rows
            .iter()
            .take_while(|r| r.index < c.row)
            .flat_map(|r| r.cells.iter())
            .filter_map(|c| match &c.value {
                CellValue::Text(s) => Some(s.as_str()),
                _ => None,
            })
    };
    let title_unit = above()
        .find_map(unit_in_text)
        .or_else(|| above().find_map(unit_in_title));
    // Nothing above the header names the sheet's own unit but its filer (`填报单位：县卫健委`),
    // and neither does the sheet's name: a column naming several units may hold them.
    let own_unit_unnamed = match above().find(|t| unit_in_text(t).is_some()) {
        Some(t) => filer_label(t),
        None => title_unit.is_none() && unit_in_sheet_name(&sheet.name).is_none(),
    };
    let mut ev = header_evidence_of(&c.cells, vocab, fixed, memo, kind, &c.groups);
    // A column whose header names the unit (`所在乡镇`, `社区`) leaves the others as they are.
    let own_unit_unnamed =
        own_unit_unnamed && !ev.iter().any(|(_, e)| e[Field::Unit.index()].header >= 0.5);
    let mut features = Vec::with_capacity(ev.len());
    let mut ditto: Vec<crate::source::grid::Merge> = Vec::new();
    for (col, e) in ev.iter_mut() {
        let mut f = evidence::features(sheet, merges, *col, &sample, &settings.statuses, year);
        // A unit column a CSV wrote once per run of rows (`凤山街道` then blanks) is whole.
        if f.filled < 0.6
            && !sheet.merges_known
            && c.cells.iter().any(|(x, _, l)| x == col && names_units(l))
            && let Some(runs) = ditto_runs(sheet, *col, data_start, data_end)
        {
            f.filled = 1.0;
            ditto.extend(runs);
        }
        for field in Field::ALL {
            e[field.index()].values = evidence::value_evidence(field, &f);
        }
        // Organisations as paths or labelled cells: the header's word against a unit
        // (`责任部门`) weakens the match, it does not erase it.
        if f.paths.max(f.labelled) >= 0.6 {
            let u = &mut e[Field::Unit.index()];
            u.header = u.header.max(0.0);
        }
        // Units held to the rows or inspected (`责任单位/牵头单位`, `医疗机构名称`), two or more
        // row by row, in a sheet that names no unit of its own: the rows' units.
        let label = c.cells.iter().find(|(x, _, _)| x == col).map(|(_, _, l)| l);
        let names = || -> Vec<String> {
            sample
                .iter()
                .filter_map(|r| match sheet.value(*r, *col) {
                    Some(CellValue::Text(t)) => Some(squash(t)),
                    _ => None,
                })
                .collect()
        };
        // A header naming the names of the ones inspected (`经营者名称`, `企业名称`) needs fewer of
        // them to look like organisations' (`川味小厨`, `老王面馆`).
        let named_as_such = label.is_some_and(|l| {
            normalize_header(l.rsplit(['/', '／']).next().unwrap_or(l)).ends_with("名称")
                && names_units(l)
        });
        let units_in_column = !c.groups.contains(col)
            && label.is_some_and(|l| names_units(l) || names_its_kind(l, names))
            && f.orgs >= if named_as_such { 0.3 } else { 0.6 }
            && f.filled >= 0.6
            && f.org_names >= if named_as_such { 1 } else { 2 };
        // Or a title naming the level above them (`远山集团有限公司` over its companies).
        let below_the_title = || {
            title_unit
                .as_deref()
                .is_some_and(|t| above_the_column(t, &names()))
        };
        // A column of the ones inspected or audited (`受审核部门`, `被检查单位`) holds the units
        // whatever the title names: the inspected, not the inspector or their organisation.
        let inspected = label.is_some_and(|l| {
            let h = crate::value::header::normalize_header(l);
            crate::value::header::INSPECTED
                .iter()
                .any(|p| h.starts_with(p))
        });
        // A column of departments (`部门名称`, `责任部门`) in a sheet that names no unit of its
        // own, each row's a county's or city's office of its own (`青溪县市场监督管理局`), not
        // sections inside one (`综合科`): the offices are the units.
        let offices_of_their_own = own_unit_unnamed
            && !c.groups.contains(col)
            && f.filled >= 0.6
            && label.is_some_and(|l| normalize_header(l).contains("部门"))
            && {
                let names = names();
                let own: Vec<&String> = names.iter().filter(|t| office_of_its_own(t)).collect();
                let distinct: std::collections::BTreeSet<&&String> = own.iter().collect();
                distinct.len() >= 2 && own.len() * 5 >= names.len() * 4
            };
        if (units_in_column && (own_unit_unnamed || inspected || below_the_title()))
            || offices_of_their_own
        {
            let u = &mut e[Field::Unit.index()];
            u.header = u.header.max(0.8);
            let d = &mut e[Field::Department.index()];
            d.header = d.header.min(0.3);
        }
        features.push(f);
    }
    // Columns without a header may be fixed by their letter; they hold no field otherwise.
    let headed: std::collections::HashSet<u32> = c.cells.iter().map(|(col, _, _)| *col).collect();
    let mut extra: std::collections::BTreeSet<u32> = std::collections::BTreeSet::new();
    for r in sheet
        .rows
        .iter()
        .filter(|r| (data_start..data_end).contains(&r.index))
    {
        for x in &r.cells {
            if !headed.contains(&x.col) {
                extra.insert(x.col);
            }
        }
    }
    let extra_cols: Vec<u32> = extra.into_iter().collect();
    for col in &extra_cols {
        let mut e = [Evidence::default(); 13];
        for (f, spec) in fixed {
            if *spec == ColumnSpec::Letter(*col) {
                e[f.index()].fixed = true;
            }
        }
        if e.iter().any(|x| x.fixed) {
            ev.push((*col, e));
        }
    }
    let cols: Vec<u32> = ev.iter().map(|(c, _)| *c).collect();
    let es: Vec<[Evidence; 13]> = ev.iter().map(|(_, e)| *e).collect();
    let (mut choices, mut close) = assign::assign(&cols, &es);
    // A place (`所属街道`) chosen for the unit beside a column of the organisations inspected
    // there (`物业服务企业`) that groups the rows the same, one organisation to a place: the
    // rows are the organisations' (a place with several is a doubt `check` names).
    let label_of = |col: u32| {
        c.cells
            .iter()
            .find(|(x, _, _)| *x == col)
            .map(|(_, _, l)| l)
    };
    if let Some(k) = choices.iter().position(|x| x.field == Field::Unit)
        && label_of(choices[k].col).is_some_and(|l| is_place(l))
    {
        let place = choices[k].col;
        let text = |r: u32, col: u32| sheet.value(r, col).map(|v| squash(&v.display()));
        // Every row, not a sample: one place with a second organisation further down is a
        // doubt `check` must see.
        let rows: Vec<u32> = sheet
            .rows
            .iter()
            .filter(|r| (data_start..data_end).contains(&r.index))
            .map(|r| r.index)
            .collect();
        let one_to_one = |col: u32| {
            rows.iter()
                .all(|r| text(*r, place).is_some() == text(*r, col).is_some())
                && grouping(rows.iter().map(|r| (text(*r, place), text(*r, col)))) == (true, true)
        };
        // Or a column of a kind of unit (`所属派出所` over `云川县公安局城关派出所`) each place lies
        // within: the places are where its rows are, the unit the one that acts.
        let places_within = |col: u32| {
            let names = || {
                rows.iter()
                    .filter_map(|r| text(*r, col))
                    .take(evidence::SAMPLE_ROWS)
                    .collect::<Vec<String>>()
            };
            label_of(col).is_some_and(|l| names_its_kind(l, names))
                && rows
                    .iter()
                    .all(|r| text(*r, place).is_none() || text(*r, col).is_some())
                && grouping(rows.iter().map(|r| (text(*r, place), text(*r, col)))).0
        };
        let inspected = ev.iter().enumerate().find_map(|(i, (col, _))| {
            let l = label_of(*col)?;
            let h = normalize_header(l);
            let f = features.get(i)?;
            (!choices.iter().any(|x| x.col == *col)
                && names_units(l)
                && !is_place(l)
                && !HELD.iter().any(|w| h.contains(w))
                && f.orgs >= 0.6
                && f.org_names >= 2
                && one_to_one(*col))
            .then_some(*col)
        });
        let inspected = inspected.or_else(|| {
            ev.iter().enumerate().find_map(|(i, (col, _))| {
                let f = features.get(i)?;
                (!choices.iter().any(|x| x.col == *col)
                    && f.orgs >= 0.6
                    && f.org_names >= 2
                    && places_within(*col))
                .then_some(*col)
            })
        });
        if let Some(col) = inspected {
            choices[k].col = col;
            choices[k].runner_up = None;
            close.retain(|x| x.field != Field::Unit);
        }
    }
    // A register's responsible column holding the sections of one organisation (`办公室`,
    // `建筑管理股`, `城建档案室`) under a line naming that organisation (`填报单位：县住房和城乡
    // 建设局`): the sections are its departments, and the organisation is the unit. Without
    // such a line (an organisation's own export) the sections are the units.
    if kind.is_register()
        && title_unit
            .as_deref()
            .is_some_and(evidence::organisation_name)
        && let Some(k) = choices.iter().position(|x| x.field == Field::Unit)
        && !choices[k].evidence.fixed
    {
        let col = choices[k].col;
        let texts: Vec<String> = sample
            .iter()
            .filter_map(|r| sheet.value(*r, col))
            .map(|v| squash(&v.display()))
            .filter(|t| !t.is_empty())
            .collect();
        let sections = texts.iter().filter(|t| is_section(t)).count();
        if texts.len() >= 3 && sections * 10 >= texts.len() * 8 {
            let mut choice = choices.remove(k);
            close.retain(|x| x.field != Field::Unit);
            if !choices.iter().any(|x| x.field == Field::Department) {
                choice.field = Field::Department;
                choices.push(choice);
                choices.sort_by_key(|x| x.field.index());
            }
        }
    }
    // No column is the status by header and values together, but one names it by its header
    // over sentences of progress (`办理情况`: `已办结。联合…`, `正在办理。…`): the state is read
    // from each sentence's first words, and a sheet whose sentences mostly do not read is
    // `uncertain-reading` (see `check`).
    if !choices.iter().any(|x| x.field == Field::Status)
        && let Some((col, e)) = ev
            .iter()
            .zip(&features)
            .filter(|((col, _), f)| !choices.iter().any(|x| x.col == *col) && f.long >= 0.5)
            .map(|(x, _)| x)
            .filter(|(_, e)| e[Field::Status.index()].header >= 0.35)
            .max_by(|a, b| {
                a.1[Field::Status.index()]
                    .header
                    .total_cmp(&b.1[Field::Status.index()].header)
            })
    {
        choices.push(Choice {
            field: Field::Status,
            col: *col,
            evidence: e[Field::Status.index()],
            because: assign::Because::Header,
            runner_up: None,
        });
        choices.sort_by_key(|x| x.field.index());
    }
    // A status written month by month: the latest month is the status column, and its
    // months are no rivals of it.
    // Beside a current state of its own (`当前状态`), the months stand behind it: read only
    // where it is blank.
    let status_series = status_series(&c.cells, &choices);
    // A state ticked under sub-headers naming the states: the status, read by its tick.
    let ticked = ticked_states(sheet, &c.cells, &sample, &settings.statuses, vocab);
    if let Some((first, _)) = ticked.first() {
        let e = ev
            .iter()
            .find(|(col, _)| col == first)
            .map(|(_, e)| e[Field::Status.index()])
            .unwrap_or_default();
        choices.retain(|x| x.field == Field::Status || !ticked.iter().any(|(c, _)| *c == x.col));
        match choices.iter_mut().find(|x| x.field == Field::Status) {
            Some(s) => {
                s.col = *first;
                s.evidence = e;
                s.runner_up = None;
            }
            None => {
                choices.push(Choice {
                    field: Field::Status,
                    col: *first,
                    evidence: e,
                    because: assign::Because::Header,
                    runner_up: None,
                });
                choices.sort_by_key(|x| x.field.index());
            }
        }
        close.retain(|x| x.field != Field::Status);
    }
    // A current state named so (`当前状态`, `目前进展`, `最新状态`) is the status, the months
    // behind it.
    if !status_series.is_empty()
        && let Some((col, e)) = ev.iter().find(|(col, e)| {
            !status_series.contains(col)
                && !choices
                    .iter()
                    .any(|x| x.col == *col && x.field != Field::Status)
                && e[Field::Status.index()].header >= 0.35
                && c.cells.iter().any(|(x, _, l)| {
                    x == col
                        && ["当前", "目前", "最新", "现状"]
                            .iter()
                            .any(|w| l.contains(w))
                })
        })
        && let Some(status) = choices.iter_mut().find(|x| x.field == Field::Status)
    {
        status.col = *col;
        status.evidence = e[Field::Status.index()];
        close.retain(|x| x.field != Field::Status);
    }
    let beside = !status_series.is_empty()
        && choices
            .iter()
            .any(|x| x.field == Field::Status && !status_series.contains(&x.col));
    close.retain(|x| {
        !(x.field == Field::Status
            && status_series.contains(&x.other)
            && (beside || status_series.contains(&x.chosen)))
    });
    if !beside
        && let (Some(latest), Some(status)) = (
            status_series.last(),
            choices.iter_mut().find(|x| x.field == Field::Status),
        )
        && let Some((_, e)) = ev.iter().find(|(col, _)| col == latest)
    {
        status.col = *latest;
        status.evidence = e[Field::Status.index()];
    }
    // The deadline first set (`原定期限`) gives way to the one that replaced it (`完成期限`) —
    // not to a column of days put off to (`调整后期限`), which rows fill only where extended.
    let label_at = |col: u32| {
        c.cells
            .iter()
            .find(|(x, _, _)| *x == col)
            .map_or("", |(_, _, l)| l.as_str())
    };
    // Nor is a column of days put off to the deadline itself when the deadline's own column
    // stands beside it: it is read with it, row by row.
    if let Some(d) = choices.iter().position(|x| x.field == Field::Deadline)
        && let chosen = label_at(choices[d].col)
        && let (first_set, put_off) = (
            crate::value::header::superseded_deadline(chosen),
            crate::value::header::extends_deadline(chosen),
        )
        && (first_set || put_off)
        && let Some((col, e)) = ev
            .iter()
            .filter(|(col, _)| !choices.iter().any(|x| x.col == *col))
            .filter(|(col, e)| {
                let l = label_at(*col);
                e[Field::Deadline.index()].header >= 0.35
                    && !crate::value::header::extends_deadline(l)
                    && (put_off || !crate::value::header::superseded_deadline(l))
            })
            .max_by(|a, b| {
                a.1[Field::Deadline.index()]
                    .total()
                    .total_cmp(&b.1[Field::Deadline.index()].total())
            })
    {
        if let Some(d) = choices.iter_mut().find(|x| x.field == Field::Deadline) {
            d.col = *col;
            d.evidence = e[Field::Deadline.index()];
        }
        close.retain(|x| x.field != Field::Deadline);
    }
    let field_of = |col: u32| choices.iter().find(|x| x.col == col).map(|x| x.field);

    let mut columns = Vec::new();
    let mut duplicates = Vec::new();
    for (col, e) in &ev {
        let label = c
            .cells
            .iter()
            .find(|(x, _, _)| x == col)
            .map(|(_, _, l)| l.clone())
            .unwrap_or_else(|| column_letters(*col));
        let field = field_of(*col);
        if field.is_none() {
            // A column whose header names a field another column holds is a second column of
            // that field, kept as an extra column.
            let best = Field::ALL
                .into_iter()
                .max_by(|a, b| e[a.index()].header.total_cmp(&e[b.index()].header));
            if let Some(f) = best
                && e[f.index()].header >= 0.55
                && field_of_any(&choices, f)
                && !close.iter().any(|x| x.field == f && x.other == *col)
                && !status_series.contains(col)
                // The day a deadline was put off to (`延期时限`) is read with it.
                && !(f == Field::Deadline && crate::value::header::extends_deadline(&label))
            {
                duplicates.push((f, *col));
            }
        }
        columns.push(Column {
            col: *col,
            field,
            label,
        });
    }
    // Columns that hold data but have no header are kept as extra columns.
    for col in extra_cols {
        if !columns.iter().any(|k| k.col == col) {
            columns.push(Column {
                col,
                field: None,
                label: column_letters(col),
            });
        }
    }
    columns.sort_by_key(|c| c.col);
    duplicates.sort_by_key(|(_, col)| *col);
    let progress_status = choices
        .iter()
        .find(|x| x.field == Field::Status)
        .and_then(|x| ev.iter().position(|(col, _)| *col == x.col))
        .and_then(|k| features.get(k))
        .is_some_and(|f| f.progress >= 0.5);

    Layout {
        header_row: c.row,
        header_height: c.height,
        columns,
        duplicates,
        data_start,
        data_end,
        title_unit,
        title_organisation: above().find_map(title_organisation),
        lone_title_organisation: None,
        named_by_sheet: false,
        ditto,
        title_names_sheet: above().any(|t| bracketed_at_the_end(t) == Some(squash(&sheet.name))),
        split_measures: true,
        choices,
        close,
        progress_status,
        kind,
        status_series,
        ticked,
        status_codes: Vec::new(),
    }
}

/// True for a tick mark, the whole of a cell: `√`, `✓`, `✔`, `☑`, `●`.
pub(crate) fn is_tick(v: &CellValue) -> bool {
    matches!(v, CellValue::Text(t) if matches!(t.trim(), "√" | "✓" | "✔" | "☑" | "●"))
}

/// The columns of a state ticked under sub-headers naming the states (`完成情况/已完成`,
/// `完成情况/正在推进`, `完成情况/未启动`): two at least under one group, each sub-header a state
/// that reads, and their cells in the sample ticks or blank, one tick at least.
fn ticked_states(
    sheet: &Sheet,
    cells: &HeaderCells,
    sample: &[u32],
    statuses: &crate::value::status::StatusVocabulary,
    vocab: &HeaderVocabulary,
) -> Vec<(u32, String)> {
    let mut groups: Vec<(&str, Vec<(u32, String)>)> = Vec::new();
    for (col, _, label) in cells {
        let Some((group, state)) = label.rsplit_once('/') else {
            continue;
        };
        // A state word, not a bare yes/no (`是否逾期` over `是 | 否` asks something else), under
        // a group naming the work's state (`完成情况`, `整改进展`).
        if statuses.parse(state).is_none()
            || ["是", "否"].contains(&state.trim())
            || header_evidence(vocab, group)[Field::Status.index()] < 0.35
        {
            continue;
        }
        match groups.iter_mut().find(|(g, _)| *g == group) {
            Some((_, members)) => members.push((*col, state.to_string())),
            None => groups.push((group, vec![(*col, state.to_string())])),
        }
    }
    groups
        .into_iter()
        .map(|(_, members)| members)
        .find(|members| {
            let values = || {
                members.iter().flat_map(|(col, _)| {
                    sample
                        .iter()
                        .filter_map(move |r| sheet.value(*r, *col).filter(|v| !v.is_blank()))
                })
            };
            members.len() >= 2 && values().all(is_tick) && values().next().is_some()
        })
        .unwrap_or_default()
}

/// The texts of a sheet outside its table — the title and meta rows above the header, the
/// notes and footers below the data — where a sheet defines its terms and codes.
pub(crate) fn note_texts<'a>(sheet: &'a Sheet, layout: &Layout) -> impl Iterator<Item = &'a str> {
    // A note line between the header and the data (`注：整改状态填代码…`) is one too.
    let header = layout.header_row..layout.header_row + layout.header_height;
    let data = layout.data_start..layout.data_end;
    let table = move |r: &u32| header.contains(r) || data.contains(r);
    sheet
        .rows
        .iter()
        .filter(move |r| !table(&r.index))
        .flat_map(|r| r.cells.iter())
        .filter_map(|c| match &c.value {
            CellValue::Text(t) => Some(t.as_str()),
            _ => None,
        })
}

/// The codes of a sheet's status column that a legend explains: a row of another sheet
/// of the workbook naming the column, a code and its meaning (`状态 | 1 | 待处置（已派遣…）`),
/// or a legend in the status header's bracket or in a note above or below the table that
/// names the column (`状态：1-待处置；2-处置中；3-已办结`). Codes are kept only when the
/// legend gives two at least.
pub(crate) fn status_codes(
    sheets: &[Sheet],
    sheet: &Sheet,
    layout: &Layout,
    statuses: &crate::value::status::StatusVocabulary,
) -> Vec<(u32, String)> {
    let Some(col) = layout.column_of(Field::Status) else {
        return Vec::new();
    };
    // Only a column of codes: most of its cells a number.
    let (mut codes_seen, mut filled) = (0usize, 0usize);
    for r in sheet
        .rows
        .iter()
        .filter(|r| (layout.data_start..layout.data_end).contains(&r.index))
    {
        if let Some(v) = sheet.value(r.index, col).filter(|v| !v.is_blank()) {
            filled += 1;
            codes_seen += usize::from(cells::status_code(v).is_some());
        }
    }
    if filled == 0 || codes_seen * 2 < filled {
        return Vec::new();
    }
    let Some(label) = layout
        .columns
        .iter()
        .find(|c| c.col == col)
        .map(|c| c.label.clone())
    else {
        return Vec::new();
    };
    let name = normalize_header(&label);
    if name.is_empty() {
        return Vec::new();
    }
    // A legend is kept when every state it gives reads.
    let reads = |codes: Vec<(u32, String)>| -> Option<Vec<(u32, String)>> {
        (codes.len() >= 2 && codes.iter().all(|(_, m)| statuses.parse(m).is_some()))
            .then_some(codes)
    };
    // The header's own bracket: `状态（1待处置 2处置中 3已办结）`.
    if let Some(codes) = reads(crate::value::status::code_legend(&label)) {
        return codes;
    }
    // A note beside the table naming the column, a colon or a bracket after the name
    // (`状态：1-待处置；2-处置中；3-已办结`; not `1.状态栏按系统导出填写；2.…`).
    for t in note_texts(sheet, layout) {
        let squashed = squash(t);
        let Some(i) = squashed.find(name.as_str()) else {
            continue;
        };
        let rest = &squashed[i + name.len()..];
        // `整改状态填代码（A-已完成…）`, `状态填写：1-…`: what to write, then the legend.
        let rest = ["填写代码", "填代码", "填写", "代码", "填"]
            .iter()
            .find_map(|w| rest.strip_prefix(w))
            .unwrap_or(rest);
        if rest.starts_with([':', '(', '（'])
            && let Some(codes) = reads(crate::value::status::code_legend(rest))
        {
            return codes;
        }
    }
    // A sheet of codes: the column's name, a code, its meaning, on a row.
    let mut codes: Vec<(u32, String)> = Vec::new();
    for other in sheets.iter().filter(|s| s.name != sheet.name) {
        for r in &other.rows {
            let cells: Vec<&CellValue> = r.cells.iter().map(|c| &c.value).collect();
            for w in cells.windows(3) {
                let [CellValue::Text(field), code, CellValue::Text(meaning)] = w else {
                    continue;
                };
                let Some(code) = cells::status_code(code) else {
                    continue;
                };
                if normalize_header(field) == name && !codes.iter().any(|(k, _)| *k == code) {
                    // The state before its explanation: `待处置（已派遣，…）`.
                    let state = meaning.split(['(', '（']).next().unwrap_or(meaning);
                    codes.push((code, state.trim().to_string()));
                }
            }
        }
    }
    reads(codes).unwrap_or_default()
}

/// The columns of a status written period by period (`3月进展`, `4月进展`, `5月份进展情况`,
/// `第二季度进展`), from the earliest period to the latest, when the status chosen is one of
/// them: two or more headers of the same words but their period. Empty otherwise.
fn status_series(cells: &[(u32, Option<Field>, String)], choices: &[Choice]) -> Vec<u32> {
    let Some(status) = choices.iter().find(|x| x.field == Field::Status) else {
        return Vec::new();
    };
    let of = |col: u32| {
        cells
            .iter()
            .find(|(x, _, _)| *x == col)
            .and_then(|(_, _, l)| crate::value::header::period_of(l))
    };
    // The status column's own words, or — beside a current state (`当前状态`) some rows leave
    // blank — those of the most months written of the work's progress (`1月进展` … `10月进展`).
    let words = match of(status.col) {
        Some((_, w)) => w,
        None => {
            let mut counts: Vec<(String, usize)> = Vec::new();
            for (col, _, _) in cells {
                if let Some((_, w)) = of(*col)
                    && ["进展", "情况", "进度", "状态"]
                        .iter()
                        .any(|s| w.contains(s))
                {
                    match counts.iter_mut().find(|(x, _)| *x == w) {
                        Some((_, n)) => *n += 1,
                        None => counts.push((w, 1)),
                    }
                }
            }
            match counts.into_iter().max_by_key(|(_, n)| *n) {
                Some((w, n)) if n >= 2 => w,
                _ => return Vec::new(),
            }
        }
    };
    let mut series: Vec<(u32, u32)> = cells
        .iter()
        .filter_map(|(col, _, _)| match of(*col) {
            Some((period, w)) if w == words => Some((period, *col)),
            _ => None,
        })
        .collect();
    // Months without a year may run over the year's end (`11月`, `12月`, `1月`): then the
    // order written, left to right, is the order of time.
    if series.iter().any(|(period, _)| *period > 100) {
        series.sort();
    } else {
        series.sort_by_key(|(_, col)| *col);
    }
    series.dedup_by_key(|(period, _)| *period);
    if series.len() < 2 {
        return Vec::new();
    }
    series.into_iter().map(|(_, col)| col).collect()
}

/// True for a row of one note (`注：…`, `说明：…`, `填表说明：…`): a single text opening a footer.
fn is_note_line(row: &crate::source::grid::Row) -> bool {
    let mut filled = row.cells.iter().filter(|c| !c.value.is_blank());
    match (filled.next(), filled.next()) {
        (Some(c), None) => matches!(&c.value, CellValue::Text(t) if is_footer_text(t)),
        _ => false,
    }
}

/// True for a row of notes under a header: every cell that holds something is a bracketed
/// note (`（注明日期）`, `(填到位/部分/尚未)`), two of them at least.
fn is_notes_row(row: &crate::source::grid::Row) -> bool {
    let texts: Vec<String> = row
        .cells
        .iter()
        .filter(|c| !c.value.is_blank())
        .map(|c| match &c.value {
            CellValue::Text(t) => squash(t),
            _ => String::new(),
        })
        .collect();
    texts.len() >= 2
        && texts
            .iter()
            .all(|t| t.starts_with('(') && t.ends_with(')') && t.chars().count() <= 30)
}

/// True for a row of column numbers or codes under a header: at least three cells, at least
/// half as many as the header's, each a number or a code counting up by one from left to
/// right (`1 2 3 …`, `(1) (2) …`, `① ② …`, `A B C …`).
pub(crate) fn is_column_number_row(row: &crate::source::grid::Row, header_cells: usize) -> bool {
    let cells: Vec<&crate::source::grid::Cell> =
        row.cells.iter().filter(|c| !c.value.is_blank()).collect();
    if cells.len() < 3 || cells.len() * 2 < header_cells {
        return false;
    }
    let number = |v: &CellValue| -> Option<i64> {
        match v {
            CellValue::Number(n) if n.fract() == 0.0 => Some(*n as i64),
            CellValue::Text(t) if t.len() <= 24 => {
                let t: String = squash(t)
                    .chars()
                    .filter(|c| !matches!(c, '(' | ')' | '[' | ']' | '【' | '】'))
                    .collect();
                if let Ok(n) = t.parse::<i64>() {
                    return Some(n);
                }
                let mut ch = t.chars();
                match (ch.next(), ch.next()) {
                    (Some(c @ '①'..='⑳'), None) => Some(c as i64 - '①' as i64 + 1),
                    (Some(c @ 'A'..='Z'), None) => Some(c as i64 - 'A' as i64 + 1),
                    (Some(c @ 'a'..='z'), None) => Some(c as i64 - 'a' as i64 + 1),
                    _ => None,
                }
            }
            _ => None,
        }
    };
    let mut prev: Option<i64> = None;
    for c in cells {
        let Some(n) = number(&c.value) else {
            return false;
        };
        if prev.is_some_and(|p| n != p + 1) {
            return false;
        }
        prev = Some(n);
    }
    true
}

fn field_of_any(choices: &[Choice], f: Field) -> bool {
    choices.iter().any(|c| c.field == f)
}

/// Words that open a footer row.
const FOOTER_WORDS: [&str; 28] = [
    "填写说明",
    "填表说明",
    "填报说明",
    "填写要求",
    "附:",
    "附表说明",
    "填报人",
    "填表人",
    "制表人",
    "审核人",
    "审批人",
    "联系电话",
    "联系人",
    "负责人",
    "单位负责人",
    "主要负责人",
    "分管负责人",
    "填报日期",
    "填报时间",
    "报送日期",
    "签字",
    "签名",
    "盖章",
    "审核:",
    "注:",
    "说明:",
    "备注:",
    "附件:",
];

/// True for a footer row: its first non-empty cell opens with a footer word (`填报人:`,
/// `审核人:`, `联系电话:`, `注:` …), or it holds at most three cells and each reads
/// `label:value` with a short label (`制表:张三`, `单位(盖章):`), or its cells are signers'
/// labels each followed by its value in a cell of its own (`审计组组长：` | `高丽娟` |
/// `审计人员：` | `刘军、林秀英`).
pub(crate) fn is_footer_row(row: &crate::source::grid::Row) -> bool {
    let mut cells = row
        .cells
        .iter()
        .filter(|c| !c.value.is_blank())
        .map(|c| match &c.value {
            CellValue::Text(s) => s.as_str(),
            _ => "",
        });
    let Some(first) = cells.next() else {
        return false;
    };
    if is_footer_text(first) {
        return true;
    }
    // A row's first cell is most often data: only a label's row is looked at further.
    if !first.contains([':', '：']) {
        return false;
    }
    if is_label_value(first) {
        let rest: Vec<&str> = cells.clone().take(3).collect();
        if rest.len() <= 2 && rest.iter().all(|c| is_label_value(c)) {
            return true;
        }
    }
    // Labels and their values in cells of their own: `审计组组长：` | `高丽娟` | `审计人员：` |
    // `刘军、林秀英`.
    if !is_bare_label(first) {
        return false;
    }
    let all: Vec<&str> = std::iter::once(first).chain(cells.take(7)).collect();
    all.len() <= 6
        && all.len().is_multiple_of(2)
        && all.chunks(2).all(|p| {
            is_bare_label(p[0]) && p[1].chars().count() <= 30 && !p[1].contains([':', '：'])
        })
}

/// `审计人员：`: a label of two to eight characters naming who signs or when (`…人`, `…长`,
/// `…员`, `…日期`, `…时间`, `…电话`) and its colon, the value in the next cell — not a field of
/// the table (`责任单位：`).
fn is_bare_label(s: &str) -> bool {
    let s = squash(s);
    let Some(label) = s.strip_suffix(':') else {
        return false;
    };
    let label: String = label.chars().filter(|c| !matches!(c, '(' | ')')).collect();
    (2..=8).contains(&label.chars().count())
        && label.chars().all(is_han)
        && [
            "人", "长", "员", "日期", "时间", "电话", "签字", "签名", "盖章",
        ]
        .iter()
        .any(|w| label.ends_with(w))
}

/// `制表:张三`: a label of two to eight characters, a colon and at most 30 characters.
pub(crate) fn is_label_value(s: &str) -> bool {
    if !s.contains([':', '：']) {
        return false;
    }
    let s = squash(s);
    let Some(i) = s.find(':') else {
        return false;
    };
    let label: String = s[..i].chars().filter(|c| !matches!(c, '(' | ')')).collect();
    let n = label.chars().count();
    let value = s[i + 1..].chars().count();
    (2..=8).contains(&n) && label.chars().all(is_han) && value <= 30
}

/// True for text that opens a footer (see [`is_footer_row`]).
pub(crate) fn is_footer_text(s: &str) -> bool {
    // The words are short: the first characters are enough (every row's first cell comes
    // here, so only they are copied).
    let head: String = s
        .chars()
        .map(crate::value::text::half_width_char)
        .filter(|c| !crate::value::text::is_space(*c))
        .take(20)
        .collect();
    // A signature line: `被检查单位负责人（签字）：`, `检查人员签名：`.
    if ["签字", "签名", "签章", "盖章"]
        .iter()
        .any(|w| head.contains(w))
        && head.contains(':')
    {
        return true;
    }
    let s: String = head.chars().take(12).collect();
    if FOOTER_WORDS.iter().any(|w| s.starts_with(w)) {
        return true;
    }

    // `注` alone opens a footer only when a colon, a numbering or a bracket follows it.
    if let Some(rest) = s.strip_prefix('注') {
        return rest.starts_with([':', '、', '1', '①', '(', '.']);
    }
    false
}

/// The unit a title or meta row names: `填报单位:庆利社区` → `庆利社区`;
/// `自强街道庆利社区党委巡察反馈意见整改落实情况台账` → `庆利社区`.
pub(crate) fn unit_in_text(text: &str) -> Option<String> {
    labelled_unit(text).or_else(|| unit_before(&squash(text), "社区"))
}

/// The unit a meta row names after a label: `填报单位:…`, `被审计单位:…`.
pub(crate) fn labelled_unit(text: &str) -> Option<String> {
    // Two labels in one cell are kept apart by a run of spaces (`被审计单位：X　　审计报告文号：…`):
    // the first label's value ends there.
    let s = squash(&apart(text));
    for label in [
        "项目名称",
        "工程名称",
        "填报单位",
        "报送单位",
        "单位名称",
        "责任单位",
        "被审计单位",
        "被审单位",
        "受检单位",
        "整改单位",
        "被检查单位",
        "被巡察单位",
        "被巡视单位",
        "被督察单位",
        // A school's own sheet: `学校：XX县第一小学`.
        "被检查学校",
        "受检学校",
        "学校名称",
        "学校",
    ] {
        if let Some(rest) = s.strip_prefix(label) {
            // A stamp's place after the label is read past: `被审计单位(盖章):…`.
            let rest = match rest.strip_prefix(['(', '（']) {
                Some(r) if r.chars().take(6).any(|c| matches!(c, ')' | '）')) => {
                    r.split_once([')', '）']).map_or(r, |(_, after)| after)
                }
                _ => rest,
            };
            let rest = rest.trim_start_matches([':', '：', ';']);
            let mut name: String = rest
                .chars()
                .take_while(|c| !matches!(c, ':' | '(' | ',' | ';' | '。'))
                .collect();
            // A label run into the name (`机械工程学院审计报告文号:…`): the organisation it
            // begins with.
            if rest[name.len()..].starts_with(':')
                && !evidence::organisation_name(&name)
                && let Some(org) = evidence::organisation_prefix(&name)
            {
                name = org;
            }
            // Cut at a following label such as `填报日期`.
            let name = [
                "填报日期",
                "填报时间",
                "填报人",
                "日期",
                "时间",
                "截至",
                "截止",
            ]
            .iter()
            .filter_map(|l| name.find(l))
            .min()
            .map_or(name.as_str(), |i| &name[..i])
            .to_string();
            if !name.is_empty() {
                return Some(name);
            }
        }
    }
    None
}

/// A text with each run of spaces that keeps two parts apart (two or more, or an ideographic
/// space or a tab) written as `;`.
pub(crate) fn apart(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut run = String::new();
    for c in text.trim().chars() {
        if c.is_whitespace() {
            run.push(c);
            continue;
        }
        if !run.is_empty() {
            let wide = run.chars().count() >= 2 || run.contains(['\u{3000}', '\t']);
            out.push_str(if wide { ";" } else { " " });
            run.clear();
        }
        out.push(c);
    }
    out
}

/// The organisation a sheet's title begins with (`永宁县教育局` of
/// `永宁县教育局政府网站和政务新媒体检查问题整改台账`): the shortest beginning of Chinese
/// characters that ends with the word of an office or institution and leaves the title's words
/// after it. None for a line with a label (`填报单位：…`) or shorter than eight characters.
pub(crate) fn title_organisation(text: &str) -> Option<String> {
    const ENDS: [&str; 17] = [
        "局",
        "委",
        "委员会",
        "管委会",
        "办公室",
        "政府",
        "中心",
        "医院",
        "卫生院",
        "公司",
        "集团",
        "学校",
        "学院",
        "大学",
        "中学",
        "小学",
        "幼儿园",
    ];
    let s = squash(text);
    if s.contains([':', '：']) || s.chars().count() < 8 {
        return None;
    }
    let han: usize = s
        .char_indices()
        .take_while(|(_, c)| is_han(*c))
        .last()
        .map_or(0, |(i, c)| i + c.len_utf8());
    let ends: Vec<usize> = s[..han]
        .char_indices()
        .map(|(i, c)| i + c.len_utf8())
        .filter(|end| (3..=16).contains(&s[..*end].chars().count()) && *end < s.len())
        .collect();
    // The word ending there, if any, and where it begins.
    let word_at = |end: usize| {
        ENDS.iter()
            .filter(|w| s[..end].ends_with(*w))
            .map(|w| end - w.len())
            .min()
    };
    let first = ends.iter().copied().find(|e| word_at(*e).is_some())?;
    // A longer word over the one found is the name's end: `…委员会`, not `…委`; `…管委会`.
    let end = ends
        .iter()
        .copied()
        .filter(|e| *e > first && word_at(*e).is_some_and(|start| start < first))
        .max()
        .unwrap_or(first);
    let org = &s[..end];
    if names_an_inspector(org) {
        return inspected_after(&s, org).or_else(|| Some(org.to_string()));
    }
    Some(org.to_string())
}

/// The kinds of unit a title may name, by the word that ends the unit's name.
pub(crate) const UNIT_KINDS: [&str; 7] = ["社区", "分公司", "公司", "街道", "镇", "乡", "村"];

/// The unit a title names, of any kind: `东区分公司审计整改台账` → `东区分公司`.
pub(crate) fn unit_in_title(text: &str) -> Option<String> {
    let s = squash(text);
    let unit = UNIT_KINDS.iter().find_map(|k| unit_before(&s, k))?;
    // An organisation within it named right after (`城关镇敬老院` of `XX县城关镇敬老院2025年…`).
    let at = s.find(unit.as_str())?;
    // Sixteen characters at most make a name.
    let run: String = s[at..]
        .chars()
        .take_while(|c| is_han(*c))
        .take(16)
        .collect();
    let longer = run
        .char_indices()
        .map(|(i, c)| i + c.len_utf8())
        .filter(|end| *end > unit.len())
        .filter(|end| {
            let name = &run[..*end];
            evidence::is_unit_name(name)
                // A place or a word after the place is no institution: `城关镇农村`,
                // `青石镇乡村`, `东城街道辖区企业`.
                && !["村", "镇", "乡", "街道", "社区", "企业", "小区"]
                    .iter()
                    .any(|w| name.ends_with(w))
                // A name ends where its word ends: `九小场所` is no `九小场`.
                && !(name.ends_with('场') && run[*end..].starts_with('所'))
        })
        .max();
    // A village or community named right after its township (`城关镇张庄村…`,
    // `青山镇李家村村民委员会…`) is the unit, not the township.
    let after = &s[at + unit.len()..];
    if ["镇", "乡", "街道"].iter().any(|k| unit.ends_with(k))
        && let Some(v) = ["社区", "村"].iter().find_map(|k| unit_before(after, k))
        && after.starts_with(v.as_str())
        && v.chars().count() >= 3
    {
        return Some(v);
    }
    Some(longer.map_or(unit, |end| run[..end].to_string()))
}

/// The kind of a unit: the word of [`UNIT_KINDS`] its name ends with.
pub(crate) fn unit_kind(name: &str) -> Option<&'static str> {
    UNIT_KINDS.iter().copied().find(|k| name.ends_with(k))
}

/// The name ending in `suffix` (e.g. `社区`) inside a text, without the district, street or year
/// in front of it.
pub(crate) fn unit_before(s: &str, suffix: &str) -> Option<String> {
    let at = s.find(suffix)?;
    // `乡镇`, `乡村` are words (`县乡镇党委`, `乡村振兴`), no township's name.
    if suffix == "乡" && s[at + suffix.len()..].starts_with(['镇', '村']) {
        return None;
    }
    let head: String = s[..at]
        .chars()
        .rev()
        .take_while(|c| is_han(*c) || c.is_ascii_alphanumeric())
        .collect::<Vec<_>>()
        .into_iter()
        .rev()
        .collect();
    let mut name = head.as_str();
    for cut in [
        "街道办事处",
        "街道",
        "办事处",
        "镇",
        "乡",
        "区委",
        "区",
        "县",
        "市",
        "年",
        "关于",
        "中共",
        // `县委第一巡察组反馈城关镇党委…`: the one fed back to, not the inspectors.
        "反馈",
        "组",
        // `县市场监督管理局对县恒达纺织有限公司…`: the one inspected, after `对`.
        "局对",
        "组对",
        "委对",
        "办对",
        "队对",
    ] {
        // A company's name holds its place (`永宁县恒达纺织有限公司`): the place stays.
        let place = matches!(
            cut,
            "街道办事处" | "街道" | "办事处" | "镇" | "乡" | "区委" | "区" | "县" | "市"
        );
        if place && suffix.ends_with("公司") {
            continue;
        }
        if let Some(i) = name.rfind(cut) {
            let rest = &name[i + cut.len()..];
            if !rest.is_empty() {
                name = rest;
            }
        }
    }
    let name = name.trim_start_matches(|c: char| c.is_ascii_digit());
    // `农村`, `乡村` are words, no village's name (`县农业农村局`, `乡村振兴`).
    if suffix == "村" && (name.ends_with('农') || name.ends_with('乡')) {
        return None;
    }
    // An office or a year before the word is its work's topic, no unit (`民政局社区工作专项检查`,
    // `司法局2025年社区矫正…`), and so is a community's kind of work (`社区矫正`, `社区戒毒`).
    if ["局", "委", "办", "厅", "部", "年"]
        .iter()
        .any(|w| name.ends_with(w))
        || (suffix == "社区"
            && ["矫正", "戒毒", "康复"]
                .iter()
                .any(|w| s[at + suffix.len()..].starts_with(w)))
    {
        return None;
    }
    // A one-character name before a one-character kind is a word, not a unit: `农村`, `乡镇`.
    let too_short = suffix.chars().count() == 1 && name.chars().count() < 2;
    (!name.is_empty() && !too_short).then(|| format!("{name}{suffix}"))
}

fn is_han(c: char) -> bool {
    matches!(c as u32, 0x4E00..=0x9FFF | 0x3400..=0x4DBF | 0xF900..=0xFAFF | 0x20000..=0x2FFFF)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::source::grid::{CellRef, Merge};

    fn settings() -> Settings {
        Settings::new(chrono::NaiveDate::from_ymd_opt(2023, 3, 30).unwrap())
    }

    fn sheet(rows: &[&[&str]]) -> Sheet {
        let mut cells = Vec::new();
        for (r, row) in rows.iter().enumerate() {
            for (c, v) in row.iter().enumerate() {
                if !v.is_empty() {
                    cells.push((r as u32, c as u32, CellValue::Text(v.to_string())));
                }
            }
        }
        Sheet::from_cells("s", cells)
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
    fn finds_a_one_row_header_below_title_and_meta_rows() {
        let s = sheet(&[
            &["庆利社区党委巡察反馈意见整改落实情况台账"],
            &[
                "填报单位:庆利社区",
                "",
                "",
                "",
                "",
                "填报日期:2023年3月30日",
            ],
            HEADER,
            &[
                "1",
                "问题",
                "措施",
                "王",
                "党办",
                "李",
                "2023年6月",
                "已完成",
            ],
            &["填报人:张三", "", "", "审核人:李四"],
            &["注:完成情况填写已完成或推进中"],
        ]);
        let l = find_layout(&s, &settings(), "f.xlsx").unwrap();
        assert_eq!(l.header_row, 2);
        assert_eq!(l.header_height, 1);
        assert_eq!((l.data_start, l.data_end), (3, 4));
        assert_eq!(l.column_of(Field::Status), Some(7));
        assert!(l.missing_fields(None).is_empty());
        assert_eq!(l.title_unit.as_deref(), Some("庆利社区"));
    }

    #[test]
    fn finds_a_two_row_header_under_a_merged_group_cell() {
        let mut s = sheet(&[
            &[
                "序号",
                "反馈问题",
                "整改措施",
                "责任主体",
                "",
                "",
                "整改时限",
                "完成情况",
            ],
            &["", "", "", "责任领导", "责任科室", "责任人", "", ""],
            &[
                "1",
                "问题",
                "措施",
                "王",
                "党办",
                "李",
                "2023年6月",
                "已完成",
            ],
        ]);
        let m = |r1, c1, r2, c2| Merge {
            first: CellRef::new(r1, c1),
            last: CellRef::new(r2, c2),
        };
        s.merges = vec![m(0, 3, 0, 5), m(0, 0, 1, 0), m(0, 1, 1, 1), m(0, 2, 1, 2)];
        s.merges_known = true;
        let l = find_layout(&s, &settings(), "f.xlsx").unwrap();
        assert_eq!((l.header_row, l.header_height, l.data_start), (0, 2, 2));
        assert_eq!(l.column_of(Field::Leader), Some(3));
        assert_eq!(l.column_of(Field::Person), Some(5));
        assert_eq!(l.columns[3].label, "责任主体/责任领导");
        assert!(l.missing_fields(None).is_empty());
    }

    #[test]
    fn a_two_row_header_whose_top_row_names_fields_by_stems() {
        let mut s = sheet(&[
            &[
                "序号",
                "运输企业",
                "检查时间",
                "检查发现情形",
                "整改落实",
                "",
                "",
                "企业安全负责人",
            ],
            &["", "", "", "", "处置措施", "完成期限", "进展", ""],
            &[
                "1",
                "XX县顺达客运有限公司",
                "2023-03-12",
                "终端离线",
                "检修终端",
                "立行立改",
                "已完成",
                "王敏",
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
            m(0, 4, 0, 6),
            m(0, 7, 1, 7),
        ];
        s.merges_known = true;
        let l = find_layout(&s, &settings(), "f.xlsx").unwrap();
        assert_eq!((l.header_row, l.header_height, l.data_start), (0, 2, 2));
        assert_eq!(l.column_of(Field::Problem), Some(3));
        assert_eq!(l.column_of(Field::Measure), Some(4));
        assert_eq!(l.column_of(Field::Status), Some(6));
    }

    #[test]
    fn a_state_ticked_under_sub_headers_naming_the_states() {
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
        assert_eq!((l.header_height, l.data_start), (2, 2));
        let states: Vec<&str> = l.ticked.iter().map(|(_, s)| s.as_str()).collect();
        assert_eq!(states, ["已完成", "正在推进", "未启动"]);
        assert_eq!(l.column_of(Field::Status), Some(5));
    }

    #[test]
    fn a_note_line_right_under_the_header_is_no_footer() {
        let s = sheet(&[
            &[
                "序号",
                "被检查企业",
                "检查发现问题",
                "整改要求",
                "完成期限",
                "整改状态",
            ],
            &["注：整改状态填写已完成、整改中或未启动。"],
            &[
                "1",
                "XX安居房屋租赁有限公司",
                "未办理网签备案",
                "补办备案",
                "2023.5.31",
                "已完成",
            ],
            &[
                "2",
                "XX安居房屋租赁有限公司",
                "租金周期超过3个月",
                "调整周期",
                "2023.4.30",
                "整改中",
            ],
            &[
                "3",
                "XX链家房地产经纪有限公司",
                "房源信息未公示",
                "公示房源",
                "2023.4.15",
                "未启动",
            ],
            &["审核人：赵建华"],
        ]);
        let l = find_layout(&s, &settings(), "f.xlsx").unwrap();
        assert_eq!((l.header_row, l.data_start, l.data_end), (0, 2, 5));
    }

    #[test]
    fn months_of_progress_stand_behind_a_current_state() {
        let s = sheet(&[
            &[
                "序号",
                "重点工作任务",
                "责任单位",
                "责任人",
                "完成时限",
                "1月进展",
                "2月进展",
                "3月进展",
                "当前状态",
            ],
            &[
                "1",
                "重大项目谋划储备入库",
                "县发展和改革局",
                "林",
                "2023年6月30日",
                "推进中：已梳理项目30个",
                "推进中：已梳理项目30个",
                "已完成：入库项目42个",
                "已完成",
            ],
            &[
                "2",
                "争取中央预算内投资",
                "县发展和改革局",
                "吴",
                "2023年12月31日",
                "推进中：申报项目8个",
                "推进中：申报项目8个",
                "推进中：已争取资金1.2亿元",
                "",
            ],
            &[
                "3",
                "社会信用体系建设",
                "县商务局",
                "张",
                "长期坚持",
                "长期坚持：按月归集",
                "长期坚持：按月归集",
                "长期坚持：按月归集",
                "长期坚持",
            ],
            &[
                "4",
                "春季消费促进活动",
                "县商务局",
                "郭",
                "2023年4月30日",
                "推进中：制定活动方案",
                "已完成：举办活动3场",
                "",
                "",
            ],
            &[
                "5",
                "农产品冷链物流中心建设",
                "县商务局",
                "郭",
                "2023年12月31日",
                "未启动",
                "未启动",
                "未启动",
                "未启动",
            ],
        ]);
        let l = find_layout(&s, &settings(), "督查台账.xlsx").unwrap();
        // The current state or the latest month: either way the months are the series read
        // where the state is blank, and no rival of it.
        assert!(matches!(l.column_of(Field::Status), Some(7 | 8)), "{l:?}");
        assert_eq!(l.status_series, vec![5, 6, 7]);
    }

    #[test]
    fn finds_a_two_row_header_without_merge_information() {
        let s = sheet(&[
            &[
                "序号",
                "反馈问题",
                "整改措施",
                "责任主体",
                "",
                "",
                "整改时限",
                "完成情况",
            ],
            &["", "", "", "责任领导", "责任科室", "责任人", "", ""],
            &[
                "1",
                "问题",
                "措施",
                "王",
                "党办",
                "李",
                "2023年6月",
                "已完成",
            ],
        ]);
        let l = find_layout(&s, &settings(), "f.xlsx").unwrap();
        assert_eq!(l.header_height, 2);
        assert!(l.missing_fields(None).is_empty());
    }

    #[test]
    fn duplicate_and_extra_columns() {
        let s = sheet(&[
            &[
                "序号",
                "反馈问题",
                "整改措施",
                "责任人",
                "责任人",
                "佐证材料",
            ],
            &[
                "1",
                "问题",
                "措施",
                "甲",
                "乙",
                "会议记录",
                "",
                "无表头的值",
            ],
        ]);
        let l = find_layout(&s, &settings(), "f.xlsx").unwrap();
        assert_eq!(l.duplicates, vec![(Field::Person, 4)]);
        assert_eq!(l.columns.len(), 7);
        assert_eq!(l.columns[6].label, "H");
        assert_eq!(l.columns[6].field, None);
    }

    #[test]
    fn sheets_without_enough_header_words_have_no_ledger() {
        let s = sheet(&[&["说明"], &["本表为填报说明"], &["问题", "备注"]]);
        assert!(find_layout(&s, &settings(), "f.xlsx").is_none());
    }

    #[test]
    fn the_header_must_be_in_the_first_twenty_rows() {
        let mut rows: Vec<&[&str]> = vec![&["x"]; 20];
        rows.push(HEADER);
        assert!(find_layout(&sheet(&rows), &settings(), "f.xlsx").is_none());
        rows.remove(0);
        assert!(find_layout(&sheet(&rows), &settings(), "f.xlsx").is_some());
    }

    #[test]
    fn label_value_rows_are_footers() {
        let s = sheet(&[
            HEADER,
            &[
                "1",
                "问题",
                "措施",
                "王",
                "党办",
                "李",
                "2023年6月",
                "已完成",
            ],
            &["制表:张三", "", "", "", "单位(盖章):"],
        ]);
        let l = find_layout(&s, &settings(), "f.xlsx").unwrap();
        assert_eq!(l.data_end, 2);
        assert!(!is_label_value(
            "问题:党建工作薄弱,班子成员学习不够深入,理论武装不够扎实,需要进一步整改落实到位"
        ));
    }

    #[test]
    fn a_responsible_organisation_by_its_header() {
        for h in [
            "责任单位",
            "承办部门",
            "处理单位",
            "转办单位",
            "整改责任/责任部门",
            "承办方",
            "归口单位",
        ] {
            assert!(responsible_organisation(h), "{h}");
        }
        for h in [
            "配合单位",
            "交办单位",
            "受理单位",
            "检查单位",
            "所属街道",
            "整改责任单位/施工",
            "责任人",
            "派单对象",
        ] {
            assert!(!responsible_organisation(h), "{h}");
        }
    }

    #[test]
    fn unit_names() {
        assert_eq!(
            unit_in_text("2023年庆利社区整改台账").as_deref(),
            Some("庆利社区")
        );
        assert_eq!(
            unit_in_text("填报单位:自强街道党工委  填报日期:2023年3月30日").as_deref(),
            Some("自强街道党工委")
        );
        assert_eq!(unit_in_text("整改落实情况台账"), None);
    }
}

#[cfg(test)]
mod examples {
    //! The examples of crate-private items, once in their documentation.

    #[test]
    fn labels_and_values_in_cells_of_their_own_are_a_footer() {
        use crate::source::grid::{Cell, CellValue, Row};
        let row = |texts: &[&str]| Row {
            index: 20,
            cells: texts
                .iter()
                .enumerate()
                .map(|(i, t)| Cell {
                    col: 2 * i as u32,
                    value: CellValue::Text(t.to_string()),
                })
                .collect(),
        };
        assert!(crate::layout::is_footer_row(&row(&[
            "审计组组长：",
            "高丽娟",
            "审计人员：",
            "刘军、林秀英"
        ])));
        assert!(!crate::layout::is_footer_row(&row(&[
            "1",
            "石桥村",
            "白条入账",
            "2025年4月30日"
        ])));
        assert!(!crate::layout::is_footer_row(&row(&[
            "问题：",
            "高丽娟",
            "措施"
        ])));
        // A field of the table with its value is no signer's line.
        assert!(!crate::layout::is_footer_row(&row(&[
            "责任单位：",
            "县住建局"
        ])));
    }

    #[test]
    fn sections_are_inside_an_organisation() {
        for s in ["办公室", "建筑管理股", "城建档案室", "财务科", "人事股"] {
            assert!(crate::layout::is_section(s), "{s}");
        }
        for s in [
            "县委办公室",
            "县政府办公室",
            "城关镇党政办公室",
            "县纪委监委第三审查调查室",
        ] {
            assert!(!crate::layout::is_section(s), "{s}");
        }
    }

    #[test]
    fn households_in_business_name_units_clients_do_not() {
        use crate::layout::names_units;
        for h in [
            "零售户名称",
            "个体工商户",
            "业户名称",
            "燃气用户",
            "取水户名称",
        ] {
            assert!(names_units(h), "{h}");
        }
        // The department inspected or audited.
        assert!(names_units("受审核部门"));
        assert!(names_units("被检查科室"));
        // Who supervises answers for nothing: `监管责任单位`, `主管部门`.
        assert!(!crate::layout::responsible_organisation("监管责任单位"));
        assert!(!crate::layout::responsible_organisation("行业主管部门"));
        assert!(crate::layout::responsible_organisation("整改责任单位"));
        // The village or township held to the rows.
        assert!(names_units("责任村（社区）"));
        assert!(names_units("责任乡镇"));
        assert_eq!(
            crate::layout::labelled_unit("学校：XX县第一小学").as_deref(),
            Some("XX县第一小学")
        );
        for h in ["客户名称", "收款账户名称", "开户行"] {
            assert!(!names_units(h), "{h}");
        }
        // Who inspected or assessed is no unit; the one inspected is.
        for h in ["测评情况/测评机构", "检查单位", "评估机构", "审计组"] {
            assert!(!names_units(h), "{h}");
        }
        for h in ["被检查单位", "受检单位", "检查对象", "备案单位"] {
            assert!(names_units(h), "{h}");
        }
        let these = |v: &'static [&'static str]| {
            move || v.iter().map(|s| s.to_string()).collect::<Vec<_>>()
        };
        assert!(crate::layout::names_its_kind(
            "司法所",
            these(&["城关镇司法所", "白沙镇司法所", "城关镇司法所"])
        ));
        assert!(!crate::layout::names_its_kind(
            "自然村（组）",
            these(&["东山一组", "东山二组"])
        ));
        assert!(!crate::layout::names_its_kind(
            "服务小区",
            these(&["锦绣花园", "阳光小区"])
        ));
        assert!(!crate::layout::names_its_kind(
            "责任站所",
            these(&["林业站", "水利站"])
        ));
        assert!(!crate::layout::names_its_kind(
            "巡查组",
            these(&["第一巡查组", "第二巡查组"])
        ));
        for h in ["科室", "处室", "实验室名称", "楼宇及房间号"] {
            assert!(!names_units(h), "{h}");
        }
    }

    /// `layout::is_footer_text`
    #[test]
    fn is_footer_text() {
        use crate::layout::is_footer_text;
        assert!(is_footer_text("填报人:张三    审核人:李四"));
        assert!(is_footer_text("注:1.完成情况填写已完成、推进中或未开始"));
        assert!(!is_footer_text("注重发挥党员作用"));
    }

    /// `layout::unit_in_text`
    #[test]
    fn unit_in_text() {
        use crate::layout::unit_in_text;
        assert_eq!(
            unit_in_text("填报单位:庆利社区").as_deref(),
            Some("庆利社区")
        );
        assert_eq!(
            unit_in_text("南关区自强街道重庆路北社区党委巡察反馈意见落实进展情况台账").as_deref(),
            Some("重庆路北社区")
        );
        assert_eq!(unit_in_text("填报日期:2023年3月30日"), None);
        assert_eq!(
            unit_in_text("青溪县司法局2025年社区矫正执法检查问题整改台账"),
            None
        );
        assert_eq!(unit_in_text("城关镇社区矫正工作台账"), None);
        assert_eq!(
            crate::layout::unit_in_title("城关镇张庄村巡察整改台账").as_deref(),
            Some("张庄村")
        );
        assert_eq!(
            crate::layout::unit_in_title("青山镇李家村村民委员会巡察整改台账").as_deref(),
            Some("李家村")
        );
        assert_eq!(
            crate::layout::unit_in_title("永宁县乡镇党委巡察整改台账"),
            None
        );
        assert_eq!(
            crate::layout::unit_in_title("城关镇农村人居环境整治台账").as_deref(),
            Some("城关镇")
        );
        assert_eq!(
            unit_in_text("被审计单位（盖章）：县卫健委").as_deref(),
            Some("县卫健委")
        );
        // Two labels in one cell, apart or run together.
        for t in [
            "被审计单位：机械工程学院\u{3000}\u{3000}审计报告文号：X大审〔2025〕3号",
            "被审计单位：  机械工程学院    审计报告文号：X大审〔2025〕3号",
            "被审计单位：机械工程学院审计报告文号：X大审〔2025〕3号",
        ] {
            assert_eq!(unit_in_text(t).as_deref(), Some("机械工程学院"), "{t}");
        }
    }

    /// `layout::unit_in_title`
    #[test]
    fn unit_in_title() {
        use crate::layout::unit_in_title;
        assert_eq!(
            unit_in_title("东区分公司审计整改台账").as_deref(),
            Some("东区分公司")
        );
        assert_eq!(
            unit_in_title("庆利社区党委巡察反馈意见整改落实情况台账").as_deref(),
            Some("庆利社区")
        );
        // The institution named right after the place, not a word after it.
        assert_eq!(
            unit_in_title("XX县城关镇敬老院2025年养老机构服务质量检查问题整改台账").as_deref(),
            Some("城关镇敬老院")
        );
        for (title, unit) in [
            ("县委第一巡察组反馈城关镇党委问题整改台账", "城关镇"),
            ("城关镇农村人居环境整治问题整改台账", "城关镇"),
            ("东城街道辖区企业安全隐患排查整改台账", "东城街道"),
            ("青石镇乡村振兴问题整改台账", "青石镇"),
        ] {
            assert_eq!(unit_in_title(title).as_deref(), Some(unit), "{title}");
        }
        // `农村` is a word, no village: `县农业农村局` is no `农业农村`.
        assert_eq!(
            unit_in_title("县农业农村局2024年度预算执行审计整改台账"),
            None
        );
        assert_eq!(
            unit_in_title("省级生态环境保护督察反馈问题整改落实台账"),
            None
        );
        assert_eq!(
            unit_in_title("XX县2024年农村集体聚餐食品安全整改台账"),
            None
        );
        // A company's name keeps its county; a community's is read without its township.
        assert_eq!(
            unit_in_title("永宁县恒达纺织有限公司").as_deref(),
            Some("永宁县恒达纺织有限公司")
        );
        assert_eq!(
            unit_in_title("城关镇东关社区巡察整改台账").as_deref(),
            Some("东关社区")
        );
        // A bureau's work on communities names no community; a name ends where its word ends.
        assert_eq!(unit_in_title("永宁县民政局社区工作专项检查整改台账"), None);
        assert_eq!(
            unit_in_title("东关街道九小场所消防安全检查问题整改台账").as_deref(),
            Some("东关街道")
        );
        // The one inspected, after `对`, not the inspector before it.
        assert_eq!(
            unit_in_title("永宁县市场监督管理局对永宁县恒达纺织有限公司检查发现问题整改台账")
                .as_deref(),
            Some("永宁县恒达纺织有限公司")
        );
    }

    /// `layout::names_a_unit_of_its_own`
    #[test]
    fn names_a_unit_of_its_own() {
        use crate::layout::names_a_unit_of_its_own;
        for name in ["青山社", "白马社", "城关镇", "一车间"] {
            assert!(names_a_unit_of_its_own(name), "{name}");
        }
        for name in [
            "Sheet1",
            "3月",
            "一季度",
            "汇总",
            "总台账",
            "问题清单",
            "填报说明",
            "第一批",
        ] {
            assert!(!names_a_unit_of_its_own(name), "{name}");
        }
        // Where in a unit a problem is names no unit.
        assert!(!crate::layout::names_units("问题场所"));
        assert!(crate::layout::names_units("场所名称"));
    }

    /// `layout::title_organisation`
    #[test]
    fn title_organisation() {
        use crate::layout::title_organisation;
        for (title, org) in [
            (
                "永宁县教育局政府网站和政务新媒体检查问题整改台账",
                "永宁县教育局",
            ),
            (
                "永宁县城市管理综合行政执法局政府网站和政务新媒体检查问题整改台账",
                "永宁县城市管理综合行政执法局",
            ),
            ("县农业农村局2024年度预算执行审计整改台账", "县农业农村局"),
            // A longer word over the first one found ends the name.
            (
                "永宁县发展和改革委员会2025年审计整改台账",
                "永宁县发展和改革委员会",
            ),
            (
                "永宁经济开发区管委会安全检查整改台账",
                "永宁经济开发区管委会",
            ),
        ] {
            assert_eq!(title_organisation(title).as_deref(), Some(org), "{title}");
        }
        // A label's line, a title naming no organisation first, a name alone.
        for line in [
            "填报单位：永宁县乡村振兴局",
            "关于巡察反馈问题整改情况的台账",
            "永宁县教育局",
        ] {
            assert_eq!(title_organisation(line), None, "{line}");
        }
    }
}
