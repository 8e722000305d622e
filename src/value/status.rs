//! The status vocabulary of spec 2.2: `完成情况` and its synonyms.
//!
//! A status is judged by its leading words, so `已完成。召开了专题会议…` is done. Among the words a
//! cell starts with, the longest wins over its prefix: `已完成并长期坚持` is long-term, not done.
//!
//! | category | words |
//! |---|---|
//! | done | 已完成, 完成, 已整改, 整改完成, 已整改完成, 已销号, 已落实, 办结, 是, and the 办结/销号 family: 已办结, 办理完毕, 已完结, 完结, 销号, 待销号 (done, waiting to be closed off), 已处理, 处理完毕, 已解决, 整改到位 |
//! | long_term | 长期坚持, 长期推进, 持续整改, 常态化推进, 已完成并长期坚持 |
//! | in_progress | 推进中, 正在推进, 整改中, 正在整改, 持续推进, 部分完成, 进行中, 未完成, 办理中, 正在办理, 处理中, 正在处理, 未办结, 未完结, 未销号, 未解决, 未到位, 未整改到位, 部分整改, 部分改正, 部分纠正 |
//! | not_started | 未开始, 未启动, 否, 未整改, 尚未整改, 尚未开始, 未处理, 未落实 |
//!
//! Further forms:
//! - `已于2023年3月15日完成` (`已于` … `完成`/`整改`/`落实`/`办结`, with no `未` in it) is done;
//! - an overdue marker in front is read past: `逾期未整改` is not started, `逾期完成` done;
//! - so is a topic in front: `整改已完成` is done, `整改未完成` in progress;
//! - a check mark alone (`√`, `✓`) is done, a cross alone (`×`, `✗`) not started;
//! - a percentage (`80%`) is progress: 100% done, 0% not started, anything between in progress;
//! - negation never reads as done: a cell that would read as done but says `尚未`, `未完成`,
//!   `不到位` … in its first words is in progress.
//!
//! The configuration file can add words to any category.

use crate::value::text::{half_width_char, is_punct, is_space, squash};
use regex::Regex;
use serde::{Deserialize, Serialize};
use std::fmt;
use std::sync::LazyLock;

/// The category of a measure's status. A cell no word reads has no category: it counts under
/// `measures_unknown_status` and gets a `bad-status` finding.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Status {
    /// 已完成: the measure is carried out.
    Done,
    /// 长期坚持: carried out and continued; never overdue.
    LongTerm,
    /// 推进中: under way.
    InProgress,
    /// 未开始: not begun.
    NotStarted,
}

impl Status {
    /// Every category, in the order reports list them.
    pub(crate) const ALL: [Status; 4] = [
        Status::Done,
        Status::LongTerm,
        Status::InProgress,
        Status::NotStarted,
    ];

    /// The snake_case name used in JSON and the configuration file (`done`, `long_term` …).
    pub fn key(self) -> &'static str {
        match self {
            Status::Done => "done",
            Status::LongTerm => "long_term",
            Status::InProgress => "in_progress",
            Status::NotStarted => "not_started",
        }
    }

    /// The standard Chinese word for the category, as the consolidated workbook and the
    /// template's drop-down write it.
    pub(crate) fn standard_word(self) -> &'static str {
        match self {
            Status::Done => "已完成",
            Status::LongTerm => "长期坚持",
            Status::InProgress => "推进中",
            Status::NotStarted => "未开始",
        }
    }

    /// Parses a key as written by [`Status::key`].
    pub fn from_key(key: &str) -> Option<Status> {
        Status::ALL.into_iter().find(|s| s.key() == key)
    }

    /// True for the categories that close a measure: done and long-term.
    pub(crate) fn is_closed(self) -> bool {
        matches!(self, Status::Done | Status::LongTerm)
    }
}

impl fmt::Display for Status {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.key())
    }
}

/// The built-in words of spec 2.2, by category.
pub const BUILTIN_WORDS: [(Status, &[&str]); 4] = [
    (
        Status::Done,
        &[
            "已完成",
            "完成",
            "已整改",
            "整改完成",
            "已整改完成",
            "已销号",
            "已落实",
            "办结",
            "是",
            "已办结",
            "办理完毕",
            "已完结",
            "完结",
            "销号",
            "待销号",
            "已处理",
            "处理完毕",
            "已解决",
            "整改到位",
        ],
    ),
    (
        Status::LongTerm,
        &[
            "长期坚持",
            "长期推进",
            "持续整改",
            "常态化推进",
            "已完成并长期坚持",
        ],
    ),
    (
        Status::InProgress,
        &[
            "推进中",
            "正在推进",
            "整改中",
            "正在整改",
            "持续推进",
            "部分完成",
            "进行中",
            "未完成",
            "办理中",
            "正在办理",
            "处理中",
            "正在处理",
            "未办结",
            "未完结",
            "未销号",
            "未解决",
            "未到位",
            "未整改到位",
            "部分整改",
            "部分改正",
            "部分纠正",
        ],
    ),
    (
        Status::NotStarted,
        &[
            "未开始",
            "未启动",
            "否",
            "未整改",
            "尚未整改",
            "尚未开始",
            "未处理",
            "未落实",
        ],
    ),
];

/// The status words in force: the built-in ones plus any the configuration adds.
///
/// ```
/// use taizhang::value::status::{Status, StatusVocabulary};
/// let v = StatusVocabulary::default();
/// assert_eq!(v.parse("已完成。召开专题会议3次"), Some(Status::Done));
/// assert_eq!(v.parse("已完成并长期坚持"), Some(Status::LongTerm));
/// assert_eq!(v.parse("未完成"), Some(Status::InProgress));
/// assert_eq!(v.parse("看情况"), None);
/// ```
#[derive(Debug, Clone)]
pub struct StatusVocabulary {
    /// (word, category), longest words first so the first prefix found is the longest.
    words: Vec<(String, Status)>,
}

impl Default for StatusVocabulary {
    fn default() -> Self {
        let mut v = StatusVocabulary { words: Vec::new() };
        for (status, words) in BUILTIN_WORDS {
            for w in words {
                v.add(status, w);
            }
        }
        v
    }
}

impl StatusVocabulary {
    /// Adds a word to a category. A word already known is moved to the new category.
    pub(crate) fn add(&mut self, status: Status, word: &str) {
        let word: String = word
            .chars()
            .map(half_width_char)
            .filter(|c| !is_space(*c))
            .collect();
        if word.is_empty() {
            return;
        }
        self.words.retain(|(w, _)| *w != word);
        self.words.push((word, status));
        self.words
            .sort_by_key(|w| std::cmp::Reverse(w.0.chars().count()));
    }

    /// The category of a status cell's text, or `None` when no word reads it.
    pub fn parse(&self, text: &str) -> Option<Status> {
        let s: String = text
            .chars()
            .map(half_width_char)
            .filter(|c| !is_space(*c))
            .collect();
        match s.as_str() {
            "√" | "✓" | "✔" => return Some(Status::Done),
            "×" | "✗" | "✘" | "x" | "X" => return Some(Status::NotStarted),
            _ => {}
        }
        if let Some(p) = percentage(&s) {
            return Some(of_progress(p));
        }
        // A share said done (`完成80%`, `已完成进度60%`, `完成率80%`, `完成约80%以上`): the first
        // share in its first clause is its progress, not done.
        // Also after a word of the time (`目前已完成80%`, `现已完成90%`, `截至目前已完成80%`).
        let now = [
            "截至目前",
            "截止目前",
            "截至当前",
            "目前",
            "当前",
            "现已",
            "现",
        ]
        .iter()
        .find_map(|w| s.strip_prefix(w))
        .unwrap_or(&s);
        if ["已完成", "完成", "进度"]
            .iter()
            .any(|w| now.starts_with(w))
            && let Some(p) = first_share(now)
        {
            return Some(of_progress(p));
        }
        let s = s.trim_start_matches(is_punct);
        // A review's verdict and what followed it (`不合格，已整改到位`): the second clause, never
        // done when it waits for a review, a step of the work, or is done only in the main.
        if let Some(v) = verdict(s, |t| {
            self.leading(t)
                .or_else(|| by_form(t))
                .map(|x| unless_held_back(x, t))
        }) {
            return Some(v);
        }
        let status = self
            .leading(s)
            .or_else(|| {
                // Read past an overdue marker or a topic in front: `逾期未整改`, `整改已完成`.
                let rest = PREFIXES.iter().find_map(|p| s.strip_prefix(p))?;
                self.leading(rest.trim_start_matches(is_punct))
            })
            .or_else(|| by_form(s))
            .or_else(|| {
                // A sentence that opens with a state kept up for good or under way:
                // `常态化开展，每月通报`, `序时推进，已开工10个`, `进度滞后，设备未到货` — not with
                // one read as done, nor when a later clause says the work done
                // (`已约谈企业负责人，现已整改到位`: unread, and said so).
                let first: String = s.chars().take_while(|c| !is_punct(*c)).collect();
                let later = &s[first.len()..];
                let done_later = ["完成", "完毕", "到位", "办结", "销号", "已整改", "全部整改"]
                    .iter()
                    .any(|w| later.contains(w));
                by_form(&first)
                    .filter(|x| matches!(x, Status::LongTerm | Status::InProgress))
                    .filter(|_| !done_later)
            })?;
        // Negation never reads as done, nor does work waiting for its review or for a step
        // of the work itself (`已撤离人员待加固`).
        // Nor does work done only in the main or for a stage (`基本完成`, `阶段性办结`).
        Some(unless_held_back(status, s))
    }

    /// The category the first words of a text name.
    fn leading(&self, s: &str) -> Option<Status> {
        if s.is_empty() {
            return None;
        }
        for (word, status) in &self.words {
            if let Some(rest) = s.strip_prefix(word.as_str()) {
                // A one-character word (是, 否) must stand alone: `是否…` is not "yes".
                if word.chars().count() == 1 && rest.chars().next().is_some_and(|c| !is_punct(c)) {
                    continue;
                }
                return Some(*status);
            }
        }
        done_on_a_date(s).then_some(Status::Done)
    }
}

static LEGEND: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?:^|[^0-9A-Za-z])([0-9]{1,2}|[A-Z])\s*[-－—=＝:：.．、]?\s*([^0-9A-Za-z\s,，;；、/|（()）]{2,12})",
    )
        .expect("the legend's pattern is valid")
});

/// The codes a legend gives states (`1-待处置；2-处置中；3-已办结`, `（1待处置 2处置中 3已办结）`):
/// each code and the words it stands for, when two codes at least are given.
///
/// ```text
/// 状态：1-待处置；2-处置中；3-已办结  →  [(1, "待处置"), (2, "处置中"), (3, "已办结")]
/// ```
pub(crate) fn code_legend(text: &str) -> Vec<(u32, String)> {
    // Codes run together once spaces are gone (`A-已完成B-整改中`) stand apart again.
    static RUN_TOGETHER: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"([0-9]{1,2}|[A-Z])([-－—=＝:：．、])").expect("a valid pattern")
    });
    let t = crate::value::text::half_width(text);
    let t = RUN_TOGETHER.replace_all(&t, " $1$2");
    let mut out: Vec<(u32, String)> = Vec::new();
    for c in LEGEND.captures_iter(&t) {
        let (Some(code), Some(word)) = (c.get(1), c.get(2)) else {
            continue;
        };
        let Some(code) = letter_or_number_code(code.as_str()) else {
            continue;
        };
        if !out.iter().any(|(k, _)| *k == code) {
            out.push((code, word.as_str().to_string()));
        }
    }
    if out.len() >= 2 { out } else { Vec::new() }
}

/// A legend's code as a number: `1`…`99` themselves, a capital letter `A`…`Z` as 101…126 (a
/// system's drop-down of `A-已完成 B-整改中 C-未启动`).
pub(crate) fn letter_or_number_code(code: &str) -> Option<u32> {
    let mut chars = code.chars();
    match (chars.next(), chars.next()) {
        (Some(c), None) if c.is_ascii_uppercase() => Some(101 + (c as u32 - 'A' as u32)),
        _ => code.parse::<u32>().ok().filter(|n| *n < 100),
    }
}

/// True when a state says the work is done only in the main or for a stage: `基本完成`,
/// `基本整改到位`, `阶段性办结`, `初步完成`.
fn hedged(s: &str) -> bool {
    ["基本", "阶段性", "初步", "大部分"]
        .iter()
        .any(|w| s.starts_with(w))
        // Done in part only: `已完成部分整改`, `部分完成`, `已完成大部分`, `完成了一半`; done for a
        // stage or a draft (`已完成第一阶段`, `已完成阶段性任务`, `已完成初稿`); in the main
        // (`已基本整改`).
        || [
            "部分整改",
            "部分完成",
            "已完成部分",
            "部分改正",
            "部分纠正",
            "大部分",
            "一半",
            "阶段性",
            "第一阶段",
            "第二阶段",
            "初稿",
            "已基本",
            "基本完成",
            "基本整改",
            "基本到位",
        ]
        .iter()
        .any(|w| s.contains(w))
        // Being done (`完成中`, `整改中`): under way.
        || (s.ends_with('中') && s.chars().count() <= 4)
}

/// What may stand before a status word without changing it: an overdue marker, a topic.
const PREFIXES: [&str; 12] = [
    "已逾期",
    "逾期",
    "超期",
    "整改",
    "问题",
    "工作",
    "该项",
    "此项",
    "目前",
    "现已",
    "截至目前",
    "已经",
];

/// True when the first words of a status say it is not done.
fn negated(s: &str) -> bool {
    let head: String = s.chars().take(24).collect();
    [
        "尚未",
        "未完成",
        "未整改",
        "未办结",
        "未落实",
        "未到位",
        "不到位",
        "未销号",
        "没有完成",
        "无法完成",
        "未能",
    ]
    .iter()
    .any(|w| head.contains(w))
}

/// Reviews a piece of work waits for after it is reported done: `待复查`, `待验收`, `审核中`.
const REVIEWS: [&str; 9] = [
    "审核", "审批", "复查", "复核", "验收", "确认", "核实", "评估", "核查",
];

/// True when a status says the work waits for a review (`已整改待复查`, `待验收`, `验收中`):
/// reported done, not yet done.
fn under_review(s: &str) -> bool {
    let head: String = s.chars().take(16).collect();
    // `办结待审`: a reply waiting for its review, whatever the review is called.
    head.contains("待审")
        || REVIEWS.iter().any(|r| {
            head.contains(&format!("待{r}"))
                || head.contains(&format!("{r}中"))
                || head.contains(&format!("正在{r}"))
        })
}

/// True when a state, past its first word, waits for more work (`已撤离人员待加固`,
/// `已停用待维修`): `待` before anything but the steps after the work (`待回访`, `待销号`).
fn waits_for_work(s: &str) -> bool {
    s.char_indices().skip(1).take(15).any(|(i, c)| {
        c == '待'
            // `接待`, `对待`, `期待`: a word, no waiting.
            && !["接", "对", "期", "招", "看"]
                .iter()
                .any(|w| s[..i].ends_with(w))
            && !AFTER_DONE
                .iter()
                .chain(["销号", "确认"].iter())
                .any(|w| s[i + c.len_utf8()..].starts_with(w))
    })
}

/// A state read as done is under way when its text holds the work back: a negation, a review
/// waited for, a step of the work still to come, or work done only in the main or in part.
fn unless_held_back(status: Status, s: &str) -> Status {
    if status == Status::Done && (negated(s) || under_review(s) || waits_for_work(s) || hedged(s)) {
        Status::InProgress
    } else {
        status
    }
}

/// A review's verdict and what followed it, two clauses (`有效，同意关闭`, `无效，重新整改`,
/// `不合格，已整改到位`): the second clause's state — what was done after the verdict.
fn verdict(s: &str, read: impl Fn(&str) -> Option<Status>) -> Option<Status> {
    let (head, rest) = s.split_once(['，', ','])?;
    if rest.contains(['，', ',', '；', ';', '。']) {
        return None;
    }
    [
        "有效",
        "合格",
        "通过",
        "同意",
        "无效",
        "不合格",
        "不通过",
        "未通过",
    ]
    .contains(&head)
    .then(|| read(rest))
    .flatten()
}

/// The steps a ticket waits for after it is handled: `待回访`, `待评价`, `待归档`, `待结案`.
const AFTER_DONE: [&str; 5] = ["回访", "评价", "归档", "测评", "结案"];

/// What follows `已` in a state that is not done: a ticket accepted, signed for, passed on,
/// sent back, put off or past its day (`已受理`, `已退回`, `已超期`).
const NOT_DONE_AFTER_YI: [&str; 47] = [
    "受理", "签收", "接收", "派单", "派发", "分派", "派遣", "转办", "交办", "登记", "上报", "提交",
    "退回", "驳回", "回退", "撤回", "超期", "逾期", "延期", "延时", "挂起", "暂停",
    // A first step only: a case opened, a talk held, a notice or plan sent, work begun or
    // begun in part (`已立案`, `已约谈`, `已下发通知`, `已制定方案`, `已开工`, `已部分整改`).
    "立案", "约谈", "下发", "发函", "通知", "挂牌", "部署", "启动", "开工", "部分", "初步", "制定",
    "拟定", "研究", "对接", "联系", "安排", "申请", "开展", "调查", "勘查", "召开", "协调", "走访",
    "督促",
];

/// What follows `已` in a state of work only planned or ordered — when a plan or a paper is
/// its object (`已列入大修计划`, `已纳入年度计划`, `已编制方案`, `已下达整改通知`): the bare step may be
/// the measure itself, done (`已编制` a plan to be drawn up, `已告知` a party to be told).
const PLANNED_AFTER_YI: [&str; 9] = [
    "列入", "纳入", "编制", "报批", "立项", "下达", "发出", "送达", "告知",
];

/// The papers a planned step names: `计划`, `方案`, `通知`, `文书`, `决定书`.
const PLANS: [&str; 6] = ["计划", "方案", "通知", "文书", "决定书", "清单"];

/// What follows `已` in a state that sends the work back to its start.
const BACK_TO_START: [&str; 5] = ["退回", "驳回", "回退", "撤回", "退单"];

/// A state word read by its form, for the words no list holds — a system's own states,
/// written as a short word (at most eight characters, no sentence): `待…` not started (`待整改`,
/// `待签收`; `待审核`, `待验收` wait for a review: in progress; `待回访`, `待评价` wait only for
/// the steps after the work: done), `…中` in progress (`延期办理中`, and `…滞后`, `序时…`),
/// `长期…`/`常态…`/`持续…` long-term (`长期管控`), `已…` done (`已关闭`, `已回访`) unless what follows says otherwise (`已受理` in progress,
/// `已退回` not started), `…完成`/`…完毕`/关闭/销号/归档 done, `…推进` in progress; a negation
/// (`未…`, `不…`) is never done; a refusal (`拒不整改`) is not begun.
///
/// ```
/// use taizhang::value::status::{Status, StatusVocabulary};
/// let v = StatusVocabulary::default();
/// assert_eq!(v.parse("待签收"), Some(Status::NotStarted));
/// assert_eq!(v.parse("已关闭"), Some(Status::Done));
/// assert_eq!(v.parse("已受理"), Some(Status::InProgress));
/// assert_eq!(v.parse("待验收"), Some(Status::InProgress));
/// assert_eq!(v.parse("按序时推进"), Some(Status::InProgress));
/// assert_eq!(v.parse("长期管控"), Some(Status::LongTerm));
/// assert_eq!(v.parse("部分改进"), Some(Status::InProgress));
/// ```
pub(crate) fn by_form(s: &str) -> Option<Status> {
    if s.len() > 8 * 4 {
        return None;
    }
    let n = s.chars().count();
    if !(2..=8).contains(&n) || s.chars().any(|c| is_punct(c) || c.is_ascii_digit()) {
        return None;
    }
    let has = |w: &str| s.contains(w);
    // A question (`是否完成待核实`) states nothing.
    if s.starts_with("是否") {
        return None;
    }
    // Done in part (`部分改进`, `部分落实`, `部分到位`): under way.
    if s.starts_with("部分") && n >= 4 {
        return Some(Status::InProgress);
    }
    // Refused (`拒不整改`, `拒绝整改`, `拒不配合`): not begun, whatever may follow.
    if s.starts_with('拒') && n >= 3 {
        return Some(Status::NotStarted);
    }
    if ["未", "不", "没", "无法", "尚未"]
        .iter()
        .any(|w| s.starts_with(w))
    {
        return Some(
            if ["受理", "签收", "启动", "开始", "派单", "接收"]
                .iter()
                .any(|w| has(w))
            {
                Status::NotStarted
            } else {
                Status::InProgress
            },
        );
    }
    // A state kept up for good: `长期管控`, `长期跟踪`, `常态化管理`, `持续监管`, also when put
    // there (`纳入长期化解`, `转入常态化管理`).
    let kept_up = |t: &str| {
        ["长期", "常态", "持续", "长效", "日常"]
            .iter()
            .any(|w| t.starts_with(w))
    };
    if kept_up(s)
        || ["纳入", "转入", "列入", "转为"].iter().any(|p| {
            s.trim_start_matches('已')
                .strip_prefix(p)
                .is_some_and(kept_up)
        })
    {
        return Some(Status::LongTerm);
    }
    // A review passed (`复查合格`, `验收合格`) is done; one failed (`复查不合格`) is not.
    if s.ends_with("合格")
        && (s == "合格"
            || REVIEWS
                .iter()
                .chain(["检查", "检验", "检测"].iter())
                .any(|r| s.starts_with(r)))
    {
        return Some(if has("不合格") {
            Status::InProgress
        } else {
            Status::Done
        });
    }
    // Closed down while it is put right (`停产整改`, `停业整顿`, `停梯整改`): under way.
    if s.starts_with('停') && (has("整改") || has("整顿")) {
        return Some(Status::InProgress);
    }
    // Put right while the inspector was there (`当场整改`, `现场纠正`): done.
    if ["当场", "现场", "当即"].iter().any(|w| s.starts_with(w))
        && ["整改", "改正", "纠正", "处置", "整治"]
            .iter()
            .any(|w| has(w))
    {
        return Some(Status::Done);
    }
    // Ordered by an inspector (`责令整改`, `责令停用整改`), or handled again after a caller
    // was not satisfied (`重办`, `重新办理`, `重新交办`): under way.
    if s.starts_with("责令") || s.starts_with("重办") || s.starts_with("重新") {
        return Some(Status::InProgress);
    }
    // Being done now (`正在落实`), a request waiting for its answer (`申请延期`, `申请退办`),
    // a reply waiting for its review (`答复待审核`, `处置完毕待核查`) or refused by it
    // (`核查未通过`, `审核不通过`): under way.
    if s.starts_with("正在")
        || s.starts_with("申请")
        || under_review(s)
        || has("未通过")
        || has("不通过")
    {
        return Some(Status::InProgress);
    }
    if let Some(rest) = s.strip_prefix('待')
        && REVIEWS.iter().any(|r| rest.starts_with(r))
    {
        return Some(Status::InProgress);
    }
    // The steps after the work is done: a ticket waiting for its call-back, rating or filing
    // (`待回访`, `待评价`, `待归档`) was handled.
    if let Some(rest) = s.strip_prefix('待')
        && AFTER_DONE.iter().any(|r| rest.starts_with(r))
    {
        return Some(Status::Done);
    }
    // Put off, past its day, held, behind or on schedule: under way.
    if [
        "延期", "延时", "超期", "逾期", "挂起", "暂停", "滞后", "序时",
    ]
    .iter()
    .any(|w| has(w))
    {
        return Some(Status::InProgress);
    }
    if let Some(rest) = s.strip_prefix('待') {
        return (rest.chars().count() >= 2).then_some(Status::NotStarted);
    }
    if let Some(rest) = s.strip_prefix('已') {
        if BACK_TO_START.iter().any(|w| rest.starts_with(w)) {
            return Some(Status::NotStarted);
        }
        // A first step, unless the work is said done after it (`已督促整改完毕`).
        if NOT_DONE_AFTER_YI.iter().any(|w| rest.starts_with(w))
            && !["完成", "完毕", "到位", "办结"]
                .iter()
                .any(|w| rest.ends_with(w))
        {
            return Some(Status::InProgress);
        }
        if PLANNED_AFTER_YI.iter().any(|w| rest.starts_with(w))
            && PLANS.iter().any(|w| rest.contains(w))
            && !["完成", "完毕", "到位", "办结"]
                .iter()
                .any(|w| rest.contains(w))
        {
            return Some(Status::InProgress);
        }
        return (!rest.is_empty()).then_some(Status::Done);
    }
    if s.ends_with('中') || s.ends_with("推进") {
        return Some(Status::InProgress);
    }
    // A workflow's step as the state (`当前环节`): a review or a unit's handling under way
    // (`审核`, `承办单位办理`), a call-back or filing after the work (`回访`, `归档`) done.
    if REVIEWS.contains(&s) {
        return Some(Status::InProgress);
    }
    if AFTER_DONE.contains(&s) {
        return Some(Status::Done);
    }
    if ["办理", "处理", "处置", "核实", "调查"]
        .iter()
        .any(|w| s.ends_with(w))
    {
        return Some(Status::InProgress);
    }
    if ["完成", "完毕", "关闭", "销号", "归档", "办结", "结案"]
        .iter()
        .any(|w| s.ends_with(w))
    {
        return Some(Status::Done);
    }
    if BACK_TO_START
        .iter()
        .any(|w| s.starts_with(w) || s.ends_with(w))
    {
        return Some(Status::NotStarted);
    }
    None
}

/// True for a state saying the row is no item at all: a ticket voided, withdrawn by the one
/// who raised it, or a duplicate merged into another (`作废`, `已撤单`, `已撤销`, `重复来信`,
/// `重复工单（已合并）`, `无效工单`). Only a whole short state reads so, its bracketed note
/// aside; a state that merely mentions one (`已办结（重复）`) is read as it begins.
pub(crate) fn is_void(text: &str) -> bool {
    // A state is short; a sentence is no void state, nor is a state without one of the
    // words' first characters (most states: passed by without a copy).
    if text.len() > 48 || !text.contains(['作', '撤', '重', '无', '合', '不']) {
        return false;
    }
    let s = squash(text);
    let head = s.split(['(', '（', '[', '【']).next().unwrap_or("");
    if head.is_empty() || head.chars().count() > 8 {
        return false;
    }
    let head = head.strip_prefix('已').unwrap_or(head);
    // A duplicate of another ticket (`重复件`, `重复来电`), not a petitioner's second visit
    // (`重复来访`), which is work still to do.
    let duplicate = head.strip_prefix("重复").is_some_and(|rest| {
        rest.is_empty()
            || [
                "件", "来信", "来电", "工单", "诉求", "投诉", "举报", "登记", "受理", "派单",
                "提交", "反映",
            ]
            .iter()
            .any(|w| rest.starts_with(w))
    });
    duplicate
        || ["作废", "撤单", "撤销", "合并"]
            .iter()
            .any(|w| head.starts_with(w))
        // A ticket without grounds (`无效工单`, `无效诉求`), not a review's verdict
        // (`无效，重新整改`: the work must be done again).
        // (`无效` alone may be either: no void, a state that does not read).
        || head.strip_prefix("无效").is_some_and(|rest| {
            ["工单", "件", "诉求", "来电", "投诉", "举报", "信件"]
                .iter()
                .any(|w| rest.starts_with(w))
        })
        // Not applicable to the unit (`不涉及`, `不适用`): no item.
        || ["不涉及", "不适用"].contains(&head)
}

/// The entries of a log in one cell, in the order written (`；`, `;` or a line apart).
pub(crate) fn log_entries(text: &str) -> Vec<&str> {
    text.split(['；', ';', '\n'])
        .map(str::trim)
        .filter(|e| !e.is_empty())
        .collect()
}

/// The state of a log of dated entries in one cell (`3月14日：已交办；4月22日：已办结，工资已支付`,
/// `2025.5.6 已约谈\n2025.6.1 正在整改`): its latest entry's, read as a state — done or
/// long-term only when the entry says so (`已办结`, `纳入长期化解`), under way when it reports
/// any other step. `None` when the cell is no such log or its latest entry reads as nothing.
pub(crate) fn log_state(vocab: &StatusVocabulary, text: &str) -> Option<Status> {
    static DATED: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"^(?:\d{4}[年./-])?\d{1,2}[月./-]\d{1,2}[日号]?[:：，, ]*(.+)$")
            .expect("a valid pattern")
    });
    let entries = log_entries(text);
    let last = entries.last()?;
    // Every entry is dated: a log, not a sentence that happens to hold a date.
    if !entries.iter().all(|e| DATED.is_match(e)) {
        return None;
    }
    let what = DATED.captures(last)?.get(1)?.as_str();
    let first: String = what.chars().take_while(|c| !is_punct(*c)).collect();
    // Done only when the report says the work is done, not by the form of a step taken.
    let says_done = [
        "办结", "完成", "完毕", "到位", "销号", "解决", "化解", "结案", "关闭", "闭环", "整改",
        "处理", "落实", "答复", "回复",
    ]
    .iter()
    .any(|w| first.contains(w));
    Some(match vocab.parse(what).or_else(|| by_form(&first)) {
        Some(Status::Done) if says_done => Status::Done,
        Some(Status::LongTerm) => Status::LongTerm,
        Some(Status::NotStarted) => Status::NotStarted,
        _ => Status::InProgress,
    })
}

/// A percentage written as text, `80%` or `80.5%`, as a fraction (0.8).
/// The first share (`80%`) in a text's first clause, as a fraction.
fn first_share(s: &str) -> Option<f64> {
    let clause: String = s
        .chars()
        .take_while(|c| !is_punct(*c) || matches!(c, '.' | '%'))
        .collect();
    let at = clause.find('%')?;
    let digits: String = clause[..at]
        .chars()
        .rev()
        .take_while(|c| c.is_ascii_digit() || *c == '.')
        .collect::<Vec<_>>()
        .into_iter()
        .rev()
        .collect();
    percentage(&format!("{digits}%"))
}

fn percentage(s: &str) -> Option<f64> {
    let n = s.strip_suffix('%')?;
    let x: f64 = n.parse().ok()?;
    (0.0..=100.0).contains(&x).then_some(x / 100.0)
}

/// The status a progress (a fraction, 0 to 1) means: all of it done, none of it not started,
/// anything between in progress.
pub(crate) fn of_progress(p: f64) -> Status {
    if p >= 1.0 - 1e-9 {
        Status::Done
    } else if p <= 1e-9 {
        Status::NotStarted
    } else {
        Status::InProgress
    }
}

/// `已于2023年3月15日完成整改`: done, on a date the cell names.
fn done_on_a_date(s: &str) -> bool {
    let Some(rest) = s.strip_prefix("已于") else {
        return false;
    };
    let head: String = rest.chars().take(30).collect();
    !head.contains('未')
        && ["完成", "整改", "落实", "办结", "销号"]
            .iter()
            .any(|w| head.contains(w))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parse(s: &str) -> Option<Status> {
        StatusVocabulary::default().parse(s)
    }

    #[test]
    fn every_builtin_word_reads_as_its_category() {
        for (status, words) in BUILTIN_WORDS {
            for w in words {
                assert_eq!(parse(w), Some(status), "{w}");
            }
        }
    }

    #[test]
    fn leading_words_decide() {
        assert_eq!(parse("已完成。召开了专题会议"), Some(Status::Done));
        assert_eq!(parse(" 已完成整改\n"), Some(Status::Done));
        assert_eq!(parse("已整改完成"), Some(Status::Done));
        assert_eq!(parse("正在推进,已完成60%"), Some(Status::InProgress));
        assert_eq!(parse("已完成并长期坚持"), Some(Status::LongTerm));
        assert_eq!(parse("持续推进"), Some(Status::InProgress));
        assert_eq!(parse("持续整改"), Some(Status::LongTerm));
        assert_eq!(parse("长期管控"), Some(Status::LongTerm));
        assert_eq!(parse("常态化管理"), Some(Status::LongTerm));
        assert_eq!(parse("持续监管"), Some(Status::LongTerm));
        assert_eq!(parse("常态化开展，每月通报一次。"), Some(Status::LongTerm));
        // A meeting held is a first step: under way.
        assert_eq!(parse("已召开专题会议，正在研究"), Some(Status::InProgress));
        assert_eq!(parse("√已完成"), Some(Status::Done));
    }

    #[test]
    fn single_character_words_stand_alone() {
        assert_eq!(parse("是"), Some(Status::Done));
        assert_eq!(parse("否"), Some(Status::NotStarted));
        assert_eq!(parse("是。"), Some(Status::Done));
        assert_eq!(parse("是否完成待核实"), None);
    }

    #[test]
    fn done_on_a_date_form() {
        assert_eq!(parse("已于2023年3月15日完成整改"), Some(Status::Done));
        assert_eq!(parse("已于3月底前落实"), Some(Status::Done));
        assert_eq!(parse("已于3月开始,尚未完成"), None);
    }

    #[test]
    fn the_banjie_and_xiaohao_family() {
        assert_eq!(parse("已办结"), Some(Status::Done));
        assert_eq!(parse("已办结待销号"), Some(Status::Done));
        assert_eq!(parse("待销号"), Some(Status::Done));
        assert_eq!(parse("办理中"), Some(Status::InProgress));
        assert_eq!(parse("未办结"), Some(Status::InProgress));
        assert_eq!(parse("逾期未办结"), Some(Status::InProgress));
        assert_eq!(parse("逾期完成"), Some(Status::Done));
    }

    #[test]
    fn negation_never_reads_as_done() {
        assert_eq!(parse("未整改"), Some(Status::NotStarted));
        assert_eq!(parse("逾期未整改"), Some(Status::NotStarted));
        assert_eq!(parse("整改未完成"), Some(Status::InProgress));
        assert_eq!(parse("整改已完成"), Some(Status::Done));
        assert_eq!(parse("未整改到位"), Some(Status::InProgress));
        assert_eq!(parse("已完成方案编制,尚未实施"), Some(Status::InProgress));
        assert_eq!(parse("已整改,但整改不到位"), Some(Status::InProgress));
        for s in ["未完成", "尚未整改", "未销号", "未落实", "未解决"] {
            assert_ne!(parse(s), Some(Status::Done), "{s}");
        }
    }

    #[test]
    fn marks_and_percentages() {
        assert_eq!(parse("√"), Some(Status::Done));
        assert_eq!(parse("×"), Some(Status::NotStarted));
        assert_eq!(parse("100%"), Some(Status::Done));
        assert_eq!(parse("60%"), Some(Status::InProgress));
        assert_eq!(parse("0%"), Some(Status::NotStarted));
        assert_eq!(parse("60%"), Some(Status::InProgress));
        assert_eq!(parse("120%"), None);
    }

    #[test]
    fn legends_give_codes_their_states() {
        let l = super::code_legend("状态：1-待处置；2-处置中；3-已办结");
        assert_eq!(
            l,
            vec![
                (1, "待处置".to_string()),
                (2, "处置中".to_string()),
                (3, "已办结".to_string())
            ]
        );
        assert_eq!(super::code_legend("（1待处置 2处置中 3已办结）").len(), 3);
        assert_eq!(super::code_legend("1.未整改、2.已整改").len(), 2);
        assert!(super::code_legend("2025年4月30日前完成").is_empty());
        assert!(super::code_legend("待处置").is_empty());
        assert_eq!(
            super::code_legend("整改状态填代码（A-已完成 B-整改中 C-未启动）"),
            vec![
                (101, "已完成".to_string()),
                (102, "整改中".to_string()),
                (103, "未启动".to_string())
            ]
        );
        assert!(super::code_legend("A级旅游景区复核").is_empty());
        assert_eq!(super::code_legend("A-已完成B-整改中C-未启动").len(), 3);
    }

    #[test]
    fn state_words_by_their_form() {
        for (s, want) in [
            ("待整改", Status::NotStarted),
            ("待签收", Status::NotStarted),
            ("待受理", Status::NotStarted),
            ("待审核", Status::InProgress),
            ("办结待审", Status::InProgress),
            ("重办", Status::InProgress),
            ("重新交办", Status::InProgress),
            ("待验收", Status::InProgress),
            ("待复查", Status::InProgress),
            ("审核中", Status::InProgress),
            ("延期办理", Status::InProgress),
            ("已超期", Status::InProgress),
            ("已受理", Status::InProgress),
            ("已立案", Status::InProgress),
            ("已约谈", Status::InProgress),
            ("已制定方案", Status::InProgress),
            ("已部分整改", Status::InProgress),
            ("已开工", Status::InProgress),
            ("已挂牌督办", Status::InProgress),
            ("已退回", Status::NotStarted),
            ("已驳回", Status::NotStarted),
            ("已退单", Status::NotStarted),
            ("承办单位办理", Status::InProgress),
            ("审核", Status::InProgress),
            ("回访", Status::Done),
            ("纳入长期化解", Status::LongTerm),
            ("日常管控", Status::LongTerm),
            ("已撤离人员待加固", Status::InProgress),
            ("当场整改", Status::Done),
            ("部分改正", Status::InProgress),
            ("复查合格", Status::Done),
            ("拒不整改", Status::NotStarted),
            ("基本完成", Status::InProgress),
            ("完成80%", Status::InProgress),
            ("已完成进度60%", Status::InProgress),
            ("完成率80%", Status::InProgress),
            ("完成约80%以上", Status::InProgress),
            ("已完成80%，剩余部分6月底前完成", Status::InProgress),
            ("已完成100%", Status::Done),
            // Said with a word of the time, in part, for a stage, in the main, being done.
            ("目前已完成80%", Status::InProgress),
            ("现已完成90%", Status::InProgress),
            ("截至目前已完成80%", Status::InProgress),
            ("完成了一半", Status::InProgress),
            ("已完成大部分", Status::InProgress),
            ("已完成阶段性任务", Status::InProgress),
            ("已完成第一阶段", Status::InProgress),
            ("已完成初稿", Status::InProgress),
            ("已基本整改", Status::InProgress),
            ("完成中", Status::InProgress),
            ("目前已完成", Status::Done),
            ("已整改到位", Status::Done),
            ("阶段性办结", Status::InProgress),
            ("拒绝整改", Status::NotStarted),
            ("复查不合格", Status::InProgress),
            ("停梯整改", Status::InProgress),
            ("现场纠正", Status::Done),
            ("已关闭", Status::Done),
            ("已回访", Status::Done),
            ("关闭", Status::Done),
            ("整改完毕", Status::Done),
            ("按序时推进", Status::InProgress),
            ("达到序时进度", Status::InProgress),
            ("未达序时进度", Status::InProgress),
            ("进度滞后", Status::InProgress),
            ("待回访", Status::Done),
            ("待评价", Status::Done),
            ("待归档", Status::Done),
            ("正在落实", Status::InProgress),
            ("答复待审核", Status::InProgress),
            ("处置完毕待核查", Status::InProgress),
            ("核查未通过", Status::InProgress),
            ("审核不通过", Status::InProgress),
            ("申请退办", Status::InProgress),
            ("申请延时", Status::InProgress),
            ("尚未启动", Status::NotStarted),
            ("待结案", Status::Done),
            ("已延时", Status::InProgress),
            ("长效推进", Status::LongTerm),
            ("未验收", Status::InProgress),
            ("未签收", Status::NotStarted),
        ] {
            assert_eq!(parse(s), Some(want), "{s}");
        }
        // Sentences are not read by form, but for a first clause under way.
        assert_eq!(
            parse("序时推进,已开工10个,完工4个"),
            Some(Status::InProgress)
        );
        assert_eq!(parse("进度滞后,主要设备尚未到货"), Some(Status::InProgress));
        // A first step then the work done is no sure state: unread, and said so.
        assert_eq!(parse("已约谈企业负责人,现已整改到位"), None);
        assert_eq!(parse("已督促整改完毕"), Some(Status::Done));
        assert_eq!(parse("已接待并答复"), Some(Status::Done));
        // Work begun is under way, alone or as a first clause.
        assert_eq!(parse("已开工,正在施工"), Some(Status::InProgress));
        assert_eq!(parse("已更换灯具,已验收"), None);
        assert_eq!(parse("已送检合格并建立台账制度"), None);
    }

    #[test]
    fn work_waiting_for_review_is_not_done() {
        assert_eq!(parse("已整改待复查"), Some(Status::InProgress));
        assert_eq!(parse("已整改待验收"), Some(Status::InProgress));
        assert_eq!(parse("已完成,待审核"), Some(Status::InProgress));
        // Waiting to be closed off is done (spec 2.2).
        assert_eq!(parse("已办结待销号"), Some(Status::Done));
    }

    #[test]
    fn unknown_words() {
        for s in ["", "看情况", "计划6月完成", "待定", "ok"] {
            assert_eq!(parse(s), None, "{s}");
        }
    }

    #[test]
    fn configured_words_extend_and_override() {
        let mut v = StatusVocabulary::default();
        v.add(Status::Done, "已办结");
        v.add(Status::InProgress, "完成");
        assert_eq!(v.parse("已办结"), Some(Status::Done));
        assert_eq!(v.parse("完成"), Some(Status::InProgress));
        assert_eq!(v.parse("已完成"), Some(Status::Done));
    }

    #[test]
    fn a_log_is_at_its_latest_entry() {
        let v = StatusVocabulary::default();
        let log = |t: &str| log_state(&v, t);
        assert_eq!(
            log("3月14日：已交办；3月28日：已约谈企业负责人；4月22日：已办结，工资已全部支付"),
            Some(Status::Done)
        );
        assert_eq!(
            log("4月8日：已交办；4月25日：已调查核实，正在重新核算"),
            Some(Status::InProgress)
        );
        assert_eq!(
            log("3月18日：已交办；5月6日：纳入长期化解"),
            Some(Status::LongTerm)
        );
        assert_eq!(
            log("6月20日：已办结；7月8日：重复来访，重新办理"),
            Some(Status::InProgress)
        );
        assert_eq!(log("2025.5.6 已约谈\n2025.6.1 已整改"), Some(Status::Done));
        // No log: a sentence, or a date that is not an entry's.
        assert_eq!(log("已办结，6月5日回访满意"), None);
        assert_eq!(log(""), None);
    }

    #[test]
    fn void_states_are_no_items() {
        for s in [
            "作废",
            "已作废",
            "已撤单",
            "撤销",
            "重复来信",
            "重复工单（已合并）",
            "已合并",
            "无效工单",
        ] {
            assert!(is_void(s), "{s}");
        }
        for s in [
            "已办结（重复）",
            "已办结",
            "已撤回",
            "退回",
            "",
            "作废后重新派单并已由承办单位办结回复",
            "重复来访",
        ] {
            assert!(!is_void(s), "{s}");
        }
    }

    #[test]
    fn verdicts_plans_and_what_does_not_apply() {
        let v = StatusVocabulary::default();
        assert_eq!(v.parse("有效，同意关闭"), Some(Status::Done));
        assert_eq!(v.parse("无效，重新整改"), Some(Status::InProgress));
        assert_eq!(v.parse("合格，已销号"), Some(Status::Done));
        assert_eq!(v.parse("不合格，已整改到位"), Some(Status::Done));
        assert_eq!(v.parse("不合格，已整改"), Some(Status::Done));
        assert_eq!(v.parse("通过，整改中"), Some(Status::InProgress));
        for w in [
            "不合格，已整改待验收",
            "合格，基本完成",
            "通过，阶段性办结",
            "合格，已完成部分整改",
            "合格，已整改完毕正在验收",
            "已完成部分整改",
        ] {
            assert_eq!(v.parse(w), Some(Status::InProgress), "{w}");
        }
        // A first step, then the work said done: not read as under way.
        assert_ne!(
            v.parse("已下达整改通知，企业已整改"),
            Some(Status::InProgress)
        );
        // Not a verdict: a sentence of three clauses, or a first clause of something else.
        assert_eq!(v.parse("有效，同意关闭，待归档"), None);
        assert_eq!(v.parse("设备，已更换"), None);
        assert_eq!(v.parse("已列入大修计划"), Some(Status::InProgress));
        assert_eq!(v.parse("已纳入年度计划"), Some(Status::InProgress));
        assert_eq!(v.parse("已编制方案"), Some(Status::InProgress));
        assert_eq!(v.parse("已下达整改通知"), Some(Status::InProgress));
        // The bare step may be the measure itself: done.
        for w in [
            "已编制",
            "已纳入",
            "已告知",
            "已送达",
            "已立项",
            "已编制完成并印发",
        ] {
            assert_eq!(v.parse(w), Some(Status::Done), "{w}");
        }
        assert_eq!(v.parse("已纳入长期管理"), Some(Status::LongTerm));
        assert!(is_void("不涉及"));
        assert!(is_void("不适用"));
        assert!(is_void("无效工单"));
        assert!(!is_void("无效"));
        assert!(!is_void("无效，重新整改"));
        assert!(!is_void("不涉及整改的部分已完成"));
    }

    #[test]
    fn keys_round_trip() {
        for s in Status::ALL {
            assert_eq!(Status::from_key(s.key()), Some(s));
            assert_eq!(parse(s.standard_word()), Some(s));
        }
    }
}

#[cfg(test)]
mod examples {
    //! The examples of crate-private items, once in their documentation.

    /// `value::status::of_progress`
    #[test]
    fn status_of_progress() {
        use crate::value::status::{Status, of_progress};
        assert_eq!(of_progress(1.0), Status::Done);
        assert_eq!(of_progress(0.6), Status::InProgress);
        assert_eq!(of_progress(0.0), Status::NotStarted);
    }
}
