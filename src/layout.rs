//! Finding the ledger in a sheet (spec 2): its header row or rows, its data rows, its footer and
//! the community it belongs to.
//!
//! The header is the row, within the first 20 rows of the sheet, whose cells name the most
//! fields (see [`crate::value::header`]); it must name at least three fields, `problem` or
//! `measure` among them. A header may take two rows: a merged group cell such as `责任主体`
//! over the sub-headers `责任领导 | 责任科室 | 责任人`. Rows above the header are title and
//! meta rows; rows from the first footer row (`填报人:…`, `审核人:…`, `联系电话:…`, `注:…`)
//! down are the footer. Everything between is data.

use crate::source::grid::{CellValue, MergeIndex, Sheet};
use crate::value::header::{Field, HeaderVocabulary};
use crate::value::text::column_letters;
use crate::value::text::squash;

/// How many rows from the top of a sheet the header is looked for in.
pub const HEADER_SEARCH_ROWS: u32 = 20;

/// A column of a ledger.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Column {
    /// Column index, from 0.
    pub col: u32,
    /// The field it holds; `None` for an extra column.
    pub field: Option<Field>,
    /// Its header as written (both rows of a two-row header joined by `/`), or its column
    /// letter when it has no header.
    pub label: String,
}

/// Where a ledger's community name was found.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CommunitySource {
    /// The configuration file's `[communities]` table.
    Config,
    /// A title or meta row (`…社区…台账`, `填报单位:…`).
    Title,
    /// The sheet's name.
    SheetName,
    /// The file's name.
    FileName,
    /// The community column of a consolidated workbook.
    Consolidated,
}

/// The ledger found in a sheet.
#[derive(Debug, Clone, PartialEq)]
pub struct Layout {
    /// First header row, from 0.
    pub header_row: u32,
    /// 1 or 2.
    pub header_height: u32,
    /// Every column with a header or with data, ordered by index.
    pub columns: Vec<Column>,
    /// Columns that name a field already named further left: (field, column).
    pub duplicates: Vec<(Field, u32)>,
    /// First data row.
    pub data_start: u32,
    /// One past the last data row: the first footer row, or the end of the sheet.
    pub data_end: u32,
    /// The community a title or meta row names.
    pub title_community: Option<String>,
    /// The community of every row, when the sheet itself says (a consolidated workbook's
    /// ledger sheet, read one community at a time); it overrides everything else.
    pub fixed_community: Option<String>,
    /// Whether enumerated measure cells are split into items (false for a consolidated
    /// workbook, whose measures are split already).
    pub split_measures: bool,
}

impl Layout {
    /// The column of a field, if the ledger has one.
    pub fn column_of(&self, field: Field) -> Option<u32> {
        self.columns
            .iter()
            .find(|c| c.field == Some(field))
            .map(|c| c.col)
    }

    /// The required fields without a column.
    pub fn missing_fields(&self) -> Vec<Field> {
        Field::REQUIRED
            .into_iter()
            .filter(|f| self.column_of(*f).is_none())
            .collect()
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
    // The top row of a two-row header names fields itself (序号, 反馈问题 …) beside its groups.
    if distinct_fields(&single_row(sheet, row, vocab)).len() < 2 {
        return None;
    }
    if below
        .cells
        .iter()
        .any(|c| !matches!(c.value, CellValue::Text(_)))
    {
        return None;
    }
    let top = sheet.row(row);
    let mut cols: Vec<u32> = below.cells.iter().map(|c| c.col).collect();
    if let Some(t) = top {
        cols.extend(t.cells.iter().map(|c| c.col));
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
        let top = own_top.clone().or(merged_top.clone()).or_else(|| {
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
        if bottom_field.is_some() && top_is_group {
            grouped = true;
        }
        let (field, label) = match (&top, &bottom) {
            (Some(t), Some(b)) if bottom_field.is_some() || top_is_group => {
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

/// Finds the ledger in a sheet, or `None` when no row in the first 20 names enough fields.
pub fn find_layout(sheet: &Sheet, vocab: &HeaderVocabulary) -> Option<Layout> {
    let top = sheet.rows.first()?.index;
    let merges = sheet.merge_index();
    let mut best: Option<(usize, u32, u32, HeaderCells)> = None;
    for r in sheet
        .rows
        .iter()
        .map(|r| r.index)
        .take_while(|i| *i < top.saturating_add(HEADER_SEARCH_ROWS))
    {
        let mut candidates = vec![(1u32, single_row(sheet, r, vocab))];
        if let Some(two) = two_rows(sheet, &merges, r, vocab) {
            candidates.push((2, two));
        }
        for (height, cells) in candidates {
            let fields = distinct_fields(&cells);
            let score = fields.len();
            let names_core = fields.contains(&Field::Problem) || fields.contains(&Field::Measure);
            if score >= 3 && names_core && best.as_ref().is_none_or(|b| score > b.0) {
                best = Some((score, r, height, cells));
            }
        }
    }
    let (_, header_row, header_height, cells) = best?;

    let mut columns = Vec::new();
    let mut duplicates = Vec::new();
    let mut seen: Vec<Field> = Vec::new();
    for (col, field, label) in cells {
        let field = match field {
            Some(f) if seen.contains(&f) => {
                duplicates.push((f, col));
                None
            }
            Some(f) => {
                seen.push(f);
                Some(f)
            }
            None => None,
        };
        columns.push(Column { col, field, label });
    }

    let data_start = header_row + header_height;
    let data_end = sheet
        .rows
        .iter()
        .filter(|r| r.index >= data_start)
        .find(|r| is_footer_row(r))
        .map_or(sheet.height(), |r| r.index);

    // Columns that hold data but have no header are kept as extra columns.
    for r in sheet
        .rows
        .iter()
        .filter(|r| (data_start..data_end).contains(&r.index))
    {
        for c in &r.cells {
            if !columns.iter().any(|k| k.col == c.col) {
                columns.push(Column {
                    col: c.col,
                    field: None,
                    label: column_letters(c.col),
                });
            }
        }
    }
    columns.sort_by_key(|c| c.col);

    let title_community = sheet
        .rows
        .iter()
        .take_while(|r| r.index < header_row)
        .flat_map(|r| r.cells.iter())
        .filter_map(|c| match &c.value {
            CellValue::Text(s) => community_in_text(s),
            _ => None,
        })
        .next();

    Some(Layout {
        header_row,
        header_height,
        columns,
        duplicates,
        data_start,
        data_end,
        title_community,
        fixed_community: None,
        split_measures: true,
    })
}

/// Words that open a footer row.
const FOOTER_WORDS: [&str; 22] = [
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
/// `label:value` with a short label (`制表:张三`, `单位(盖章):`).
pub fn is_footer_row(row: &crate::source::grid::Row) -> bool {
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
    let rest: Vec<&str> = cells.take(3).collect();
    rest.len() <= 2 && is_label_value(first) && rest.iter().all(|c| is_label_value(c))
}

/// `制表:张三`: a label of two to eight characters, a colon and at most 30 characters.
fn is_label_value(s: &str) -> bool {
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
///
/// ```
/// use taizhang::layout::is_footer_text;
/// assert!(is_footer_text("填报人:张三    审核人:李四"));
/// assert!(is_footer_text("注:1.完成情况填写已完成、推进中或未开始"));
/// assert!(!is_footer_text("注重发挥党员作用"));
/// ```
pub fn is_footer_text(s: &str) -> bool {
    // The words are short: the first characters are enough.
    let s: String = s
        .chars()
        .map(crate::value::text::half_width_char)
        .filter(|c| !crate::value::text::is_space(*c))
        .take(12)
        .collect();
    if FOOTER_WORDS.iter().any(|w| s.starts_with(w)) {
        return true;
    }
    // `注` alone opens a footer only when a colon, a numbering or a bracket follows it.
    if let Some(rest) = s.strip_prefix('注') {
        return rest.starts_with([':', '、', '1', '①', '(', '.']);
    }
    false
}

/// The community a title or meta row names: `填报单位:庆利社区` → `庆利社区`;
/// `自强街道庆利社区党委巡察反馈意见整改落实情况台账` → `庆利社区`.
///
/// ```
/// use taizhang::layout::community_in_text;
/// assert_eq!(community_in_text("填报单位:庆利社区").as_deref(), Some("庆利社区"));
/// assert_eq!(
///     community_in_text("南关区自强街道重庆路北社区党委巡察反馈意见落实进展情况台账").as_deref(),
///     Some("重庆路北社区")
/// );
/// assert_eq!(community_in_text("填报日期:2023年3月30日"), None);
/// ```
pub fn community_in_text(text: &str) -> Option<String> {
    let s = squash(text);
    for label in ["填报单位", "报送单位", "单位名称", "责任单位"] {
        if let Some(rest) = s.strip_prefix(label) {
            let rest = rest.trim_start_matches([':', '：']);
            let name: String = rest
                .chars()
                .take_while(|c| !matches!(c, ':' | '(' | ',' | ';' | '。'))
                .collect();
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
    community_before(&s, "社区")
}

/// The name ending in `suffix` (e.g. `社区`) inside a text, without the district, street or year
/// in front of it.
pub fn community_before(s: &str, suffix: &str) -> Option<String> {
    let at = s.find(suffix)?;
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
    ] {
        if let Some(i) = name.rfind(cut) {
            let rest = &name[i + cut.len()..];
            if !rest.is_empty() {
                name = rest;
            }
        }
    }
    let name = name.trim_start_matches(|c: char| c.is_ascii_digit());
    (!name.is_empty()).then(|| format!("{name}{suffix}"))
}

fn is_han(c: char) -> bool {
    matches!(c as u32, 0x4E00..=0x9FFF | 0x3400..=0x4DBF | 0xF900..=0xFAFF | 0x20000..=0x2FFFF)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::source::grid::{CellRef, Merge};

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
        let l = find_layout(&s, &HeaderVocabulary::default()).unwrap();
        assert_eq!(l.header_row, 2);
        assert_eq!(l.header_height, 1);
        assert_eq!((l.data_start, l.data_end), (3, 4));
        assert_eq!(l.column_of(Field::Status), Some(7));
        assert!(l.missing_fields().is_empty());
        assert_eq!(l.title_community.as_deref(), Some("庆利社区"));
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
        let l = find_layout(&s, &HeaderVocabulary::default()).unwrap();
        assert_eq!((l.header_row, l.header_height, l.data_start), (0, 2, 2));
        assert_eq!(l.column_of(Field::Leader), Some(3));
        assert_eq!(l.column_of(Field::Person), Some(5));
        assert_eq!(l.columns[3].label, "责任主体/责任领导");
        assert!(l.missing_fields().is_empty());
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
        let l = find_layout(&s, &HeaderVocabulary::default()).unwrap();
        assert_eq!(l.header_height, 2);
        assert!(l.missing_fields().is_empty());
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
        let l = find_layout(&s, &HeaderVocabulary::default()).unwrap();
        assert_eq!(l.duplicates, vec![(Field::Person, 4)]);
        assert_eq!(l.columns.len(), 7);
        assert_eq!(l.columns[6].label, "H");
        assert_eq!(l.columns[6].field, None);
    }

    #[test]
    fn sheets_without_enough_header_words_have_no_ledger() {
        let s = sheet(&[&["说明"], &["本表为填报说明"], &["问题", "备注"]]);
        assert!(find_layout(&s, &HeaderVocabulary::default()).is_none());
    }

    #[test]
    fn the_header_must_be_in_the_first_twenty_rows() {
        let mut rows: Vec<&[&str]> = vec![&["x"]; 20];
        rows.push(HEADER);
        assert!(find_layout(&sheet(&rows), &HeaderVocabulary::default()).is_none());
        rows.remove(0);
        assert!(find_layout(&sheet(&rows), &HeaderVocabulary::default()).is_some());
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
        let l = find_layout(&s, &HeaderVocabulary::default()).unwrap();
        assert_eq!(l.data_end, 2);
        assert!(!is_label_value(
            "问题:党建工作薄弱,班子成员学习不够深入,理论武装不够扎实,需要进一步整改落实到位"
        ));
    }

    #[test]
    fn community_names() {
        assert_eq!(
            community_in_text("2023年庆利社区整改台账").as_deref(),
            Some("庆利社区")
        );
        assert_eq!(
            community_in_text("填报单位:自强街道党工委  填报日期:2023年3月30日").as_deref(),
            Some("自强街道党工委")
        );
        assert_eq!(community_in_text("整改落实情况台账"), None);
    }
}
