//! The fields of a ledger and the header words that name them (spec 2.1).
//!
//! Matching ignores spaces, line breaks, full/half-width punctuation and the content of
//! parentheses, so `责任人\n(姓名)`, `整改时限:` and ` 责 任 人 ` all name `person`. A header that
//! equals a word names its field; otherwise the longest word it contains decides
//! (`具体整改措施` → `measure`, `实际完成时间` → `completed_on`).

use crate::value::text::{half_width_char, is_punct, is_space, numeral_value};
use regex::Regex;
use serde::{Deserialize, Serialize};
use std::fmt;
use std::sync::LazyLock;

/// A column's meaning in a ledger.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Field {
    /// 序号: the problem's or row's number.
    Seq,
    /// 问题类别: the category (方面) of the problem.
    Category,
    /// 反馈问题: the problem the inspectors found.
    Problem,
    /// 整改措施: a rectification measure.
    Measure,
    /// 责任领导: the responsible leader.
    Leader,
    /// 责任科室: the responsible office.
    Department,
    /// 责任人: the responsible person.
    Person,
    /// 整改时限: the deadline.
    Deadline,
    /// 完成情况: the status.
    Status,
    /// 完成时间: when the measure was completed.
    CompletedOn,
    /// 备注: a note.
    Note,
    /// 被检查单位 / 所在村(社区): the unit (unit, town, bureau, company) a row belongs to,
    /// when one sheet holds several.
    Unit,
    /// 措施ID: the measure's stable ID ([`crate::value::id`]), in the lists `split` sends out
    /// and every workbook taizhang writes.
    Id,
}

impl Field {
    /// Every field: those of the standard ledger, in the order of its columns, then the unit.
    pub const ALL: [Field; 13] = [
        Field::Seq,
        Field::Category,
        Field::Problem,
        Field::Measure,
        Field::Leader,
        Field::Department,
        Field::Person,
        Field::Deadline,
        Field::Status,
        Field::CompletedOn,
        Field::Note,
        Field::Unit,
        Field::Id,
    ];

    /// The fields of the standard ledger, in the order of its columns: every field but the
    /// unit, which a unit's own ledger does not need.
    pub(crate) const STANDARD: [Field; 11] = [
        Field::Seq,
        Field::Category,
        Field::Problem,
        Field::Measure,
        Field::Leader,
        Field::Department,
        Field::Person,
        Field::Deadline,
        Field::Status,
        Field::CompletedOn,
        Field::Note,
    ];

    /// The fields a ledger cannot be counted without: a missing column is a `missing-column`
    /// error whatever kind of ledger it is.
    pub const CORE: [Field; 4] = [
        Field::Problem,
        Field::Measure,
        Field::Deadline,
        Field::Status,
    ];

    /// The fields that say who is responsible; a ledger needs at least one of them.
    pub const RESPONSIBLE: [Field; 3] = [Field::Leader, Field::Department, Field::Person];

    /// The field's index in [`Field::ALL`].
    pub(crate) fn index(self) -> usize {
        self as usize
    }

    /// The fields every data row must fill where the ledger has their column (`missing-cell`
    /// otherwise), unless the configuration says which are required.
    pub const REQUIRED: [Field; 7] = [
        Field::Problem,
        Field::Measure,
        Field::Leader,
        Field::Department,
        Field::Person,
        Field::Deadline,
        Field::Status,
    ];

    /// True when the field is required.
    pub fn is_required(self) -> bool {
        Field::REQUIRED.contains(&self)
    }

    /// The snake_case name used in JSON and the configuration file.
    pub fn key(self) -> &'static str {
        match self {
            Field::Seq => "seq",
            Field::Category => "category",
            Field::Problem => "problem",
            Field::Measure => "measure",
            Field::Leader => "leader",
            Field::Department => "department",
            Field::Person => "person",
            Field::Deadline => "deadline",
            Field::Status => "status",
            Field::CompletedOn => "completed_on",
            Field::Note => "note",
            Field::Unit => "unit",
            Field::Id => "id",
        }
    }

    /// Parses a key as written by [`Field::key`].
    pub fn from_key(key: &str) -> Option<Field> {
        Field::ALL.into_iter().find(|f| f.key() == key)
    }

    /// The standard Chinese header, as the template and the consolidated workbook write it.
    pub(crate) fn standard_header(self) -> &'static str {
        match self {
            Field::Seq => "序号",
            Field::Category => "问题类别",
            Field::Problem => "反馈问题",
            Field::Measure => "整改措施",
            Field::Leader => "责任领导",
            Field::Department => "责任科室",
            Field::Person => "责任人",
            Field::Deadline => "整改时限",
            Field::Status => "完成情况",
            Field::CompletedOn => "完成时间",
            Field::Note => "备注",
            Field::Unit => "所属单位",
            Field::Id => "措施ID",
        }
    }

    /// The English header, for `--lang en`.
    pub(crate) fn english_header(self) -> &'static str {
        match self {
            Field::Seq => "No.",
            Field::Category => "Category",
            Field::Problem => "Problem",
            Field::Measure => "Measure",
            Field::Leader => "Leader",
            Field::Department => "Department",
            Field::Person => "Person",
            Field::Deadline => "Deadline",
            Field::Status => "Status",
            Field::CompletedOn => "Completed on",
            Field::Note => "Note",
            Field::Unit => "Unit",
            Field::Id => "Measure ID",
        }
    }
}

impl fmt::Display for Field {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.key())
    }
}

/// The built-in header words of spec 2.1, and the unit's.
pub(crate) const BUILTIN_WORDS: [(Field, &[&str]); 13] = [
    (Field::Seq, &["序号", "编号", "问题序号", "No"]),
    (
        Field::Category,
        &[
            "问题类别",
            "问题分类",
            "类别",
            "反馈意见类别",
            "方面",
            "问题类型",
        ],
    ),
    (
        Field::Problem,
        &[
            "反馈问题",
            "存在问题",
            "问题描述",
            "具体问题",
            "问题表现",
            "巡察反馈问题",
            "问题",
            // A proposal's or a deputy's suggestion's subject (`案由`, 政协提案, 人大建议).
            "案由",
        ],
    ),
    (
        Field::Measure,
        // How an item is to be put right (`整改方式`: 拆除复耕, 补办用地手续).
        &[
            "整改措施",
            "整改举措",
            "具体措施",
            "措施",
            "整改方式",
            "处置方式",
            // A task list's task of rectification (`整改任务`), under a problem list's number.
            "整改任务",
        ],
    ),
    (Field::Leader, &["责任领导", "牵头领导", "分管领导"]),
    (
        Field::Department,
        &["责任科室", "责任部门", "责任单位", "牵头科室", "牵头部门"],
    ),
    (
        Field::Person,
        &["责任人", "责任人员", "具体责任人", "经办人"],
    ),
    (
        Field::Deadline,
        &["整改时限", "完成时限", "整改期限", "时限", "计划完成时间"],
    ),
    (
        Field::Status,
        &[
            "完成情况",
            "整改进展",
            "整改情况",
            "进展情况",
            "整改状态",
            "是否完成",
        ],
    ),
    (
        Field::CompletedOn,
        &["完成时间", "实际完成时间", "销号时间", "完成日期"],
    ),
    (Field::Note, &["备注"]),
    (
        Field::Unit,
        &[
            "被检查单位",
            "被巡察单位",
            "被巡视单位",
            "被审计单位",
            "被督察单位",
            "所属单位",
            "所在单位",
            "单位名称",
            // The one who tendered, held to its tender's faults (`招标人`, `招标单位`).
            "招标人",
            "招标单位",
            // The one a court's judgment is enforced against (`涉党政机关执行案件`).
            "被执行人",
            "被执行单位",
        ],
    ),
    (
        Field::Id,
        &["措施ID", "事项ID", "整改ID", "ID", "Measure ID"],
    ),
];

/// The period a header of a status written period by period names, and its other words:
/// `5月进展` → (202505 without a year: 5, `进展`), `2025年5月份进展情况` → (202505,
/// `进展情况`), `第二季度进展` → (2 × 3 months: 6, `进展`). Only for words of a status
/// (进展, 情况, 进度, 状态, 落实).
pub(crate) fn period_of(header: &str) -> Option<(u32, String)> {
    static PERIOD: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(
            r"^(?:(\d{4})年)?(?:(\d{1,2}|[一二三四五六七八九十]{1,3})月份?|第?([1-4一二三四])季度)(.+)$",
        )
        .expect("a valid pattern")
    });
    let h = normalize_header(header);
    let c = PERIOD.captures(&h)?;
    let year: u32 = c.get(1).map_or(Some(0), |y| y.as_str().parse().ok())?;
    let months = match (c.get(2), c.get(3)) {
        (Some(m), _) => numeral_value(m.as_str()).filter(|m| (1..=12).contains(m))?,
        (None, Some(q)) => numeral_value(q.as_str()).filter(|q| (1..=4).contains(q))? * 3,
        _ => return None,
    };
    let words = c.get(4)?.as_str().to_string();
    ["进展", "情况", "进度", "状态", "落实"]
        .iter()
        .any(|w| words.contains(w))
        .then_some((year * 100 + months, words))
}

/// Folds a header cell's text into the form words are matched in: half-width, lower case,
/// without spaces, punctuation or the content of parentheses.
///
/// ```
/// use taizhang::value::header::normalize_header;
/// assert_eq!(normalize_header("责任人\n(姓名)"), "责任人");
/// assert_eq!(normalize_header(" 整改 时限: "), "整改时限");
/// assert_eq!(normalize_header("No."), "no");
/// ```
pub fn normalize_header(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut depth = 0usize;
    for c in text.chars().map(half_width_char) {
        match c {
            '(' | '[' | '【' | '〔' | '{' => depth += 1,
            ')' | ']' | '】' | '〕' | '}' => depth = depth.saturating_sub(1),
            _ if depth > 0 => {}
            c if is_space(c) || is_punct(c) => {}
            c => out.extend(c.to_lowercase()),
        }
    }
    out
}

/// The header words in force: the built-in ones plus any the configuration adds.
///
/// ```
/// use taizhang::value::header::{Field, HeaderVocabulary};
/// let v = HeaderVocabulary::default();
/// assert_eq!(v.field_of("具体整改措施"), Some(Field::Measure));
/// assert_eq!(v.field_of("责任人\n(姓名)"), Some(Field::Person));
/// assert_eq!(v.field_of("联系电话"), None);
/// ```
#[derive(Debug, Clone)]
pub struct HeaderVocabulary {
    /// (normalised word, field), longest first.
    words: Vec<(String, Field)>,
    /// Every character of the words, stems, boosters and modifiers: a header with none of
    /// them names no field, and is known to at once.
    chars: std::collections::HashSet<char>,
}

impl Default for HeaderVocabulary {
    fn default() -> Self {
        let mut v = HeaderVocabulary {
            words: Vec::new(),
            chars: std::collections::HashSet::new(),
        };
        for f in Field::ALL {
            for w in stems(f).iter().chain(boosters(f)).chain(negatives(f)) {
                v.chars.extend(w.chars());
            }
        }
        for w in NOT_A_FIELD {
            v.chars.extend(w.chars());
        }
        for (field, words) in BUILTIN_WORDS {
            for w in words {
                v.add(field, w);
            }
        }
        v
    }
}

impl HeaderVocabulary {
    /// Adds a header word for a field. A word already known is moved to the new field.
    pub(crate) fn add(&mut self, field: Field, word: &str) {
        let word = normalize_header(word);
        if word.is_empty() {
            return;
        }
        self.words.retain(|(w, _)| *w != word);
        self.chars.extend(word.chars());
        self.words.push((word, field));
        self.words
            .sort_by_key(|w| std::cmp::Reverse(w.0.chars().count()));
    }

    /// The field a header cell names, if any: an exact word first, else the longest word the
    /// header contains. Headers longer than 20 characters are sentences, not headers.
    pub fn field_of(&self, header: &str) -> Option<Field> {
        let h = normalize_header(header);
        if h.is_empty() || h.chars().count() > 20 {
            return None;
        }
        if let Some((_, f)) = self.words.iter().find(|(w, _)| *w == h) {
            return Some(*f);
        }
        self.words
            .iter()
            .find(|(w, _)| h.contains(w.as_str()))
            .map(|(_, f)| *f)
    }
}

/// Words in a header that make a column mean something else than the field a word of it names
/// (`问题来源` is where a problem came from, `涉及金额` an amount), field by field.
fn negatives(f: Field) -> &'static [&'static str] {
    match f {
        Field::Problem => &[
            "来源",
            "性质",
            "类型",
            "类别",
            "分类",
            "等级",
            "编号",
            "序号",
            "原因",
            "领域",
            // Who raised it: `诉求人`, `来信人`, `反映人`.
            "诉求人",
            "来信人",
            "来电人",
            "举报人",
            "投诉人",
            "反映人",
            "信访人",
            // When: `来电日期`, `投诉时间`.
            "日期",
            "时间",
            // What the inspector advises doing is a measure, not a suggestion handled.
            "整改建议",
            "处理建议",
            "处置建议",
        ],
        Field::Measure => &["目标", "标准", "依据", "效果", "成效"],
        Field::Status => &[
            "上月", "本月", "上期", "本期", "上周", "本周", "原因", "回访", "评价", "满意",
            // A flag of time, not of the work: `超期状态`, `是否逾期`, `超时状态`.
            "超期", "逾期", "超时",
        ],
        Field::Deadline => &[
            "实际", "发现", "检查", "来电", "受理", "交办", "验收", "复查", "复核", "录入", "填报",
            "审核", "反馈", "下发", "通报", "办结", "销号", "登记", "完结", "排查", "创建",
            // A penalty's day: `处罚决定日期`, `立案日期`; a citizen's rating or a call back
            // (`评价时间`, `回访时间`).
            "处罚", "决定", "立案", "评价", "回访",
        ],
        Field::CompletedOn => &[
            "计划",
            "承诺",
            "要求",
            "规定",
            "限期",
            "预计",
            "发现",
            "检查",
            "来电",
            "受理",
            "交办",
            "验收",
            "复查",
            "复核",
            "录入",
            "填报",
            "审核",
            "反馈",
            "下发",
            "通报",
            "登记",
            "排查",
            "创建",
            "处罚",
            "决定",
            "立案",
            "评价",
            "回访",
            // The day a deadline was put off to (`调整后期限`, `延期至`), or the one first set
            // (`原定期限`), is a deadline.
            "延期",
            "延时",
            "调整后",
            "变更后",
            "原定",
            "原计划",
        ],
        Field::Person | Field::Leader => &[
            "复查", "复核", "检查", "填报", "录入", "审核", "来电", "回访", "验收",
        ],
        Field::Department => &INSPECTED,
        // Third parties that serve the unit (`维保单位`, `检测单位`, `监理单位`) are not it.
        Field::Unit => &[
            "责任",
            "牵头",
            "配合",
            "协办",
            "主办",
            "维保",
            "维护",
            "检测",
            "检验",
            "监理",
            // A unit's code is no unit's name: `被检查单位编码`.
            "编码",
            "代码",
            "编号",
            // The winner of a tender is not the one a tendering inspection holds to it.
            "中标",
            "投标",
            // Who held it before a change (`原牵头单位（调整前）`).
            "调整前",
            "原牵头",
            "原责任",
        ],
        Field::Seq | Field::Category | Field::Note | Field::Id => &[],
    }
}

/// How a header of the ones inspected or audited begins: `被检查单位`, `受检单位`, `受审核部门`.
pub(crate) const INSPECTED: [&str; 3] = ["被", "受检", "受审"];

/// Words of the day an item was found on a patrol, a visit or a system's push (`巡林日期`,
/// `暗访时间`, `推送日期`): no deadline and no completion date, and the day spans count from.
pub(crate) const VISIT_WORDS: [&str; 7] = ["巡林", "巡河", "巡湖", "巡查", "巡检", "暗访", "推送"];

/// Words that make a header no field's at all: amounts, counts, contacts, evidence.
const NOT_A_FIELD: [&str; 13] = [
    "金额",
    "万元",
    "资金",
    "数量",
    "个数",
    "电话",
    "地址",
    "照片",
    "附件",
    "佐证",
    "材料",
    "证明",
    // The column of a list `split` sent: what taizhang found wrong in the row.
    "需整改事项",
];

/// Words a header of the field often holds without any of its full header words.
fn stems(f: Field) -> &'static [&'static str] {
    match f {
        Field::Seq => &["序号", "编号"],
        Field::Category => &["类别", "类型", "分类", "方面", "领域", "性质", "板块"],
        Field::Problem => &[
            "问题",
            "隐患",
            "诉求",
            "事项",
            "情形",
            "表现",
            "不足",
            "来信",
            "来电",
            "投诉",
            "举报",
            "案件",
            "反映",
            // A grid or emergency system's item: `事件描述`, `事件内容`; a dispute mediated
            // (`纠纷简要情况`).
            "事件",
            "纠纷",
            // A tax or audit system's risk to answer: `风险描述`, `风险事项`.
            "风险",
            // An audit's nonconformity: `不符合事实描述`, `不符合项`.
            "不符合",
            // A supervised task: `重点工作任务`, `督办任务` (a task list's `任务` alone may be a
            // measure's breakdown).
            "工作任务",
            "重点任务",
            "督办任务",
            // What a supervision or a task list hands out: `督办内容`, `交办内容`, `任务内容`.
            "督办内容",
            "交办内容",
            "任务内容",
            // A deputy's suggestion or a member's proposal handled by an office: `建议标题`,
            // `提案内容`.
            "建议",
            "提案",
        ],
        // `整改意见`, `整改要求`: what the inspector asked, the measure where no
        // column says `措施`.
        Field::Measure => &[
            "措施",
            "举措",
            "办法",
            "对策",
            "做法",
            "整改意见",
            "整改要求",
            "整改方案",
            "整改建议",
            // What a check asks of the one checked (`核查要求`, `处置要求`).
            "核查要求",
            "处置要求",
        ],
        Field::Leader => &["领导"],
        Field::Department => &["部门", "科室", "处室", "股室", "单位"],
        Field::Person => &["责任人", "经办人", "联系人", "负责人", "承办人", "办理人"],
        Field::Deadline | Field::CompletedOn => &["时限", "期限", "时间", "日期"],
        // `当前环节`, `办理节点`: the step of a workflow an item is at.
        Field::Status => &[
            "情况",
            "进展",
            "进度",
            "状态",
            "是否",
            "完成率",
            "落实",
            "环节",
            "节点",
            // `复查结果`, `整改结果`, `核查结果`: what a review found of the work; `验证结论`
            // its verdict (an inspection's own verdict, `检查结论`, `年检结论`, is the finding).
            "结果",
            "验证结论",
            "验收结论",
            "复查结论",
            "复核结论",
            "核查结论",
            // A review's verdict on the work (`追踪评价`: 已改进, 部分改进, 未改进).
            "追踪评价",
            "跟踪评价",
            "整改评价",
        ],
        Field::Note => &["备注", "说明"],
        Field::Unit => &[
            "单位",
            "社区",
            "村",
            "乡镇",
            "镇",
            "乡",
            "街道",
            "企业",
            "公司",
            "合作社",
        ],
        Field::Id => &[],
    }
}

/// Words that make a stem's header more surely the field's: `承诺办结时间` is a deadline,
/// `销号日期` a completion date.
fn boosters(f: Field) -> &'static [&'static str] {
    match f {
        Field::Deadline => &[
            "计划", "承诺", "要求", "规定", "限期", "预计", "时限", "期限",
        ],
        Field::CompletedOn => &["实际", "完成", "办结", "销号", "完结"],
        Field::Unit => &["被", "所在", "所属", "名称"],
        // The state of the rectification itself (`整改是否到位`), more surely than another
        // process's beside it (`信用修复情况`).
        Field::Status => &["整改"],
        // `诉求内容`, `隐患描述`, `督办事项`, `信访事项`: what an item is, in a ticket, a
        // hazard, a task, a petition.
        // `检查发现情形`, `发现问题`: what an inspection found.
        Field::Problem => &[
            "内容", "描述", "名称", "督办", "督查", "交办", "反映", "信访", "发现", "标题",
        ],
        _ => &[],
    }
}

/// How strongly a header names each field, from its words alone: the header evidence of
/// column assignment, indexed like [`Field::ALL`].
///
/// - a header that is a word of the vocabulary names that field (1.0) and no other;
/// - one that contains a field's word names it less surely (0.55 to 0.9, more the more of the
///   header the word covers; the field with the longest word wins over the others);
/// - one that contains only a field's stem (`隐患描述`, `办理状态`, `销号日期`) hints at it (0.35),
///   more with a booster (`承诺…时间` for a deadline);
/// - a word that changes the meaning (`问题来源`, `上月进展`, `发现日期`, `复查人`, `涉及金额`)
///   counts against (−0.5).
///
/// Headers longer than 20 characters are sentences, not headers, and name nothing.
pub(crate) fn header_evidence(vocab: &HeaderVocabulary, header: &str) -> [f64; 13] {
    let mut out = [0.0; 13];
    let h = normalize_header(header);
    let len = h.chars().count();
    if h.is_empty() || len > 20 || !h.chars().any(|c| vocab.chars.contains(&c)) {
        return out;
    }
    // A place whose bracket says which level of unit it gives (`所在地（乡镇+村）`,
    // `属地（街道）`): the bracketed word is the key one.
    if ["所在地", "属地", "所属地", "所在区域", "辖区", "地点"].contains(&h.as_str())
        && let Some((_, inner)) = header.split_once(['(', '（'])
        && ["乡镇", "镇", "乡", "街道", "社区", "村"]
            .iter()
            .any(|w| inner.contains(w))
    {
        out[Field::Unit.index()] = 0.6;
        return out;
    }
    // A system's own column of states, alone (`状态`: `处置中`, or codes a legend reads):
    // surer than a stem, less than a word (`办理状态` stays a stem's hint).
    if h == "状态" {
        out[Field::Status.index()] = 0.6;
        return out;
    }
    if let Some((_, f)) = vocab.words.iter().find(|(w, _)| *w == h) {
        out[f.index()] = 1.0;
        return out;
    }
    // The longest word of each field the header contains.
    let mut longest = [0usize; 13];
    for (w, f) in &vocab.words {
        if h.contains(w.as_str()) {
            let n = w.chars().count();
            longest[f.index()] = longest[f.index()].max(n);
        }
    }
    let top = longest.iter().copied().max().unwrap_or(0);
    // A count (`发现问题数`, `整改数`): a summary's column, no field of an item.
    let not_a_field = NOT_A_FIELD.iter().any(|w| h.contains(w)) || (len >= 3 && h.ends_with('数'));
    for f in Field::ALL {
        let i = f.index();
        let mut s: f64 = 0.0;
        if longest[i] > 0 {
            s = 0.55 + 0.35 * longest[i] as f64 / len as f64;
            if longest[i] < top {
                s *= 0.6;
            }
        }
        if stems(f).iter().any(|w| h.contains(w)) {
            s = s.max(0.35);
        }
        let boosted = boosters(f).iter().any(|w| h.contains(w));
        if boosted && s > 0.0 {
            s += 0.25;
            // `被审计村`, `被检查企业`: the one inspected, more surely the unit than a place
            // it lies in (`所属乡镇`).
            if f == Field::Unit && h.starts_with('被') {
                s += 0.1;
            }
        }
        // `追踪评价`, `整改评价`: a review's verdict on the work, its state — not the public's
        // rating of a service (`回访评价`, `满意度评价`).
        let work_reviewed = f == Field::Status
            && h.ends_with("评价")
            && ["追踪", "跟踪", "整改"].iter().any(|w| h.contains(w));
        let against = (negatives(f).iter().any(|w| h.contains(w)) && !work_reviewed)
            // The day of a patrol, a visit or a push is the day found (`巡林日期`) — unless the
            // header says the work's own day (`巡查整改完成时间`, `巡查问题整改时限`).
            || (matches!(f, Field::Deadline | Field::CompletedOn)
                && VISIT_WORDS.iter().any(|w| h.contains(w))
                && !boosted);
        // `承诺办结时间`: a deadline's booster outweighs the completion word beside it.
        let against = against && !(f == Field::Deadline && boosted);
        if against || not_a_field {
            s = -0.5;
        }
        // What an inspection or a test found (`检查结果`, `抽检结论`, `年检结论`) is the finding,
        // not the work's state — but `抽检不合格整改情况` is the work's.
        if f == Field::Status
            && (h.ends_with("结果") || h.ends_with("结论"))
            && ["检查", "抽检", "检测", "检验", "年检"]
                .iter()
                .any(|w| h.contains(w))
        {
            s = -0.5;
        }
        // `是否集体访`, `是否越级`: a yes/no of something else than the work being done.
        if f == Field::Status && h.starts_with("是否") && !yes_no_of_the_work(&h) {
            s = -0.5;
        }
        out[i] = s.min(1.0);
    }
    out
}

/// True for the header of a column of the days deadlines were put off to (`延期期限`, `延期至`,
/// `调整后时限`, `延时…`), read with the deadline beside it.
pub(crate) fn extends_deadline(label: &str) -> bool {
    let h = normalize_header(label.rsplit('/').next().unwrap_or(label));
    ["延期", "延时", "调整后", "变更后"]
        .iter()
        .any(|w| h.contains(w))
        // The day a put-off was asked for (`延期申请时间`) is none.
        && !["申请", "提出", "报送"].iter().any(|w| h.contains(w))
        && ["期限", "时限", "日期", "时间", "至"]
            .iter()
            .any(|w| h.contains(w))
}

/// True for a header of the deadline first set, since replaced (`原定期限`, `原计划完成时间`,
/// `原整改时限`).
pub(crate) fn superseded_deadline(header: &str) -> bool {
    let h = normalize_header(header);
    h.starts_with('原')
        && ["期限", "时限", "日期", "时间"]
            .iter()
            .any(|w| h.contains(w))
}

/// True for a yes/no header about the work being done: `是否完成`, `是否整改到位`, `是否办结`,
/// `是否化解`.
pub(crate) fn yes_no_of_the_work(h: &str) -> bool {
    [
        "完成", "整改", "办结", "销号", "到位", "落实", "化解", "解决", "结案", "闭环", "关闭",
        "办理", "处理", "处置",
    ]
    .iter()
    .any(|w| h.contains(w))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_builtin_word_names_its_field() {
        let v = HeaderVocabulary::default();
        for (field, words) in BUILTIN_WORDS {
            for w in words {
                assert_eq!(v.field_of(w), Some(field), "{w}");
            }
        }
    }

    #[test]
    fn spaces_breaks_punctuation_and_parentheses_are_ignored() {
        let v = HeaderVocabulary::default();
        assert_eq!(v.field_of("责 任 人"), Some(Field::Person));
        assert_eq!(v.field_of("责任\r\n领导"), Some(Field::Leader));
        assert_eq!(v.field_of("整改时限:"), Some(Field::Deadline));
        assert_eq!(v.field_of("责任单位(盖章)"), Some(Field::Department));
        assert_eq!(v.field_of("*整改措施"), Some(Field::Measure));
        assert_eq!(v.field_of("完成情况\u{3000}"), Some(Field::Status));
        assert_eq!(v.field_of("NO."), Some(Field::Seq));
        assert_eq!(v.field_of("序号(编号)"), Some(Field::Seq));
    }

    #[test]
    fn a_yes_no_of_something_else_is_no_status() {
        let e = |h: &str| header_evidence(&HeaderVocabulary::default(), h)[Field::Status.index()];
        assert!(e("是否完成") > 0.9);
        assert!(e("是否整改到位") > 0.3);
        assert!(e("是否集体访") < 0.0);
        assert!(e("是否越级") < 0.0);
    }

    #[test]
    fn suggestions_and_ways_of_putting_right_name_their_fields() {
        let e = |h: &str, f: Field| header_evidence(&HeaderVocabulary::default(), h)[f.index()];
        // A deputy's suggestion by its title; the way a land-use 图斑 is put right; a task list's
        // task of rectification.
        assert!(e("建议标题", Field::Problem) >= 0.35);
        assert!(e("提案内容", Field::Problem) >= 0.35);
        for h in ["整改方式", "处置方式", "整改任务"] {
            assert!(e(h, Field::Measure) > 0.9, "{h}");
        }
        // `整改建议` stays what the inspector asked for: a measure.
        assert!(e("整改建议", Field::Measure) > e("整改建议", Field::Problem));
    }

    #[test]
    fn the_tenderer_and_the_co_op_are_units_not_the_winner() {
        let e = |h: &str| header_evidence(&HeaderVocabulary::default(), h)[Field::Unit.index()];
        // (`场所名称` names the venue by the layout's rule of names, with its values.)
        assert!(e("所属合作社") >= 0.35);
        assert!(e("招标人") > 0.9);
        assert!(e("中标单位") < 0.0);
        assert!(e("被执行人") > 0.9);
        assert!(e("原牵头单位（调整前）") < 0.0);
    }

    #[test]
    fn exact_words_beat_contained_ones() {
        let v = HeaderVocabulary::default();
        assert_eq!(v.field_of("计划完成时间"), Some(Field::Deadline));
        assert_eq!(v.field_of("实际完成时间"), Some(Field::CompletedOn));
        assert_eq!(v.field_of("问题序号"), Some(Field::Seq));
        assert_eq!(v.field_of("具体责任人"), Some(Field::Person));
        assert_eq!(v.field_of("整改完成时限"), Some(Field::Deadline));
        assert_eq!(v.field_of("巡察反馈问题"), Some(Field::Problem));
    }

    #[test]
    fn other_words_name_nothing() {
        let v = HeaderVocabulary::default();
        for h in [
            "",
            "联系电话",
            "佐证材料",
            "庆利社区党委巡察反馈意见整改落实情况台账",
        ] {
            assert_eq!(v.field_of(h), None, "{h}");
        }
    }

    #[test]
    fn configured_words() {
        let mut v = HeaderVocabulary::default();
        v.add(Field::Person, "联系人");
        assert_eq!(v.field_of("联系人"), Some(Field::Person));
    }

    #[test]
    fn periods_of_a_status_written_month_by_month() {
        assert_eq!(period_of("5月进展"), Some((5, "进展".to_string())));
        assert_eq!(
            period_of("十二月份进展情况"),
            Some((12, "进展情况".to_string()))
        );
        assert_eq!(
            period_of("2025年3月进展"),
            Some((202_503, "进展".to_string()))
        );
        assert_eq!(period_of("第二季度进展"), Some((6, "进展".to_string())));
        for h in ["进展情况", "5月份", "13月进展", "5月完成时限", "上月进展"] {
            assert_eq!(period_of(h), None, "{h}");
        }
    }

    #[test]
    fn evidence_from_headers() {
        let v = HeaderVocabulary::default();
        let e = |h: &str, f: Field| header_evidence(&v, h)[f.index()];
        assert_eq!(e("整改措施", Field::Measure), 1.0);
        assert!(e("所在地\n（乡镇+村）", Field::Unit) >= 0.5);
        assert!(e("属地（街道）", Field::Unit) >= 0.5);
        assert_eq!(e("所在地", Field::Unit), 0.0);
        assert!(
            e("整改要求", Field::Measure) > 0.0,
            "a weak match, not erased"
        );
        assert_eq!(e("整改措施", Field::Problem), 0.0);
        // A word with modifiers names its field less surely.
        assert!(e("审计发现问题", Field::Problem) > 0.55);
        assert!(e("审计发现问题", Field::Problem) < 1.0);
        // Modifiers that change the meaning count against.
        assert!(e("问题来源", Field::Problem) < 0.0);
        assert!(e("涉及金额(万元)", Field::Problem) <= 0.0);
        assert!(e("资金整改进度", Field::Status) < 0.0);
        assert!(e("上月进展", Field::Status) < 0.0);
        assert!(e("发现日期", Field::Deadline) < 0.0);
        assert!(e("排查日期", Field::CompletedOn) < 0.0);
        assert!(e("创建时间", Field::CompletedOn) < 0.0);
        assert!(e("验收日期", Field::CompletedOn) < 0.0);
        assert!(e("复查人", Field::Person) < 0.0);
        assert!(e("巡林日期", Field::CompletedOn) < 0.0);
        assert!(e("巡林日期", Field::Deadline) < 0.0);
        assert!(e("巡查整改完成时间", Field::CompletedOn) > 0.5);
        assert!(e("整改目标", Field::Measure) <= 0.0);
        // Stems hint; boosters make them surer.
        assert!((e("办理状态", Field::Status) - 0.35).abs() < 1e-9);
        // `状态` alone: a system's column of states.
        assert!((e("状态", Field::Status) - 0.6).abs() < 1e-9);
        assert!(e("承诺办结时间", Field::Deadline) > 0.5);
        assert!(e("承诺办结时间", Field::CompletedOn) < 0.0);
        assert!(e("办结时间", Field::CompletedOn) > 0.5);
        assert!(e("办结时间", Field::Deadline) < 0.0);
        assert!(e("被检查单位", Field::Unit) > 0.9);
        assert!(e("追踪评价", Field::Status) >= 0.35);
        assert!(e("评价时间", Field::CompletedOn) < 0.0);
        assert!(e("回访时间", Field::CompletedOn) < 0.0);
        assert!(e("回访评价", Field::Status) < 0.0);
        assert!(e("所在乡镇", Field::Unit) > 0.5);
        // What an item is in other kinds of tracking.
        assert!(e("诉求内容", Field::Problem) >= 0.45);
        assert!(e("督办事项", Field::Problem) >= 0.45);
        assert!(e("督办内容", Field::Problem) >= 0.35);
        assert!(e("任务内容", Field::Problem) >= 0.35);
        assert!(e("诉求人", Field::Problem) < 0.45);
        // An audit's nonconformity, a review's verdict; an inspection's own verdict is none.
        assert!(e("不符合事实描述", Field::Problem) >= 0.35);
        assert!(e("不符合项编号", Field::Problem) < 0.0);
        assert!(e("验证结论", Field::Status) >= 0.35);
        assert!(e("检查结果", Field::Status) < 0.0);
        assert!(e("抽检结论", Field::Status) < 0.0);
        assert!(e("抽检不合格整改情况", Field::Status) > 0.5);
        assert!(e("复查结果", Field::Status) >= 0.35);
        assert!(e("检查发现情形", Field::Problem) > 0.5);
        assert!(e("重点工作任务", Field::Problem) >= 0.35);
        assert!(e("任务来源", Field::Problem) <= 0.0);
        assert!(e("发现日期", Field::Problem) < 0.0);
        assert!(superseded_deadline("原定期限"));
        assert!(!superseded_deadline("完成期限"));
        assert!(e("处罚决定日期", Field::CompletedOn) < 0.0);
        assert!(e("调整后期限", Field::CompletedOn) < 0.0);
        assert!(e("处罚决定日期", Field::Deadline) < 0.0);
        assert!(e("整改是否到位", Field::Status) > e("信用修复情况", Field::Status));
        assert!(e("年检结论", Field::Status) <= 0.0);
        // The department audited is no responsible department.
        assert!(e("受审核部门", Field::Department) < 0.0);
        // The longest word decides among fields.
        assert!(e("整改完成情况", Field::Status) > e("整改完成情况", Field::CompletedOn));
        assert!(e("问题整改措施", Field::Measure) > e("问题整改措施", Field::Problem));
        // Sentences name nothing.
        assert!(
            header_evidence(&v, "本表由各社区于每月5日前报送街道党工委办公室备案审核")
                .iter()
                .all(|x| *x == 0.0)
        );
    }

    #[test]
    fn keys_round_trip() {
        for f in Field::ALL {
            assert_eq!(Field::from_key(f.key()), Some(f));
            assert_eq!(
                HeaderVocabulary::default().field_of(f.standard_header()),
                Some(f)
            );
        }
    }
}
