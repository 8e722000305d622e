//! The deadline grammar of spec 2.2: `整改时限` (and `完成时间`, which uses the same grammar).
//!
//! | written | means |
//! |---|---|
//! | a date cell, `2023年6月30日`, `2023年6月30日前`, `2023-06-30`, `2023/6/30`, `2023.6.30`, `2023.06.30前` | that day |
//! | `2023年6月`, `2023年6月底`, `2023年6月底前`, `2023年6月末`, `2023.6` | the last day of that month |
//! | `2023年底`, `2023年年底前`, `2023年末` | 31 December |
//! | `2023年上半年` / `2023年下半年` | 30 June / 31 December |
//! | `2023年第二季度`, `2023年二季度末`, `2023年Q2` | the last day of the quarter |
//! | `2023年9月上旬` / `中旬` / `下旬` | the 10th / the 20th / the last day of the month |
//! | `6月30日前`, `6月底前` | as above, in the year of the as-of date ([`ParsedDeadline::year_inferred`]) |
//! | `2023年3月至6月`, `2023.3-2023.6` | the end of the range |
//! | `立行立改`, `立即整改`, `即知即改`, `即查即改`, `立查立改`, `边查边改`, `当场整改`, `现场整改`, `当场改正`, `现场纠正` | [`Deadline::Immediate`]: due on the day the row was found when a column gives it (`检查日期`), else on the feedback date |
//! | `长期坚持`, `长期`, `持续推进`, `持续整改`, `常态化`, `常态` | [`Deadline::LongTerm`]: no date, never overdue |
//! | `15日内`, `30天内`, `限期7日`, `一个月内`, `5个工作日内` | that many days (months, working days by the 2024–2026 holiday notices) after the day the row was found (`检查日期`, or a line above the header: `检查时间：…`); else unreadable |
//! | `次月底前`, `下月底前` | the end of the month after the day the row was found |
//!
//! Full-width digits, spaces and line breaks are ignored; a leading `截至`/`截止`/`于` and trailing
//! `前`/`之前`/`以前`/`为止`/`完成` are allowed around any dated form. A cell that names two
//! deadlines separated by a comma or `并` (`立行立改,长期坚持`) is read by its first part when
//! every part is readable. Anything else is unreadable (`bad-deadline`).

use crate::value::text::{half_width, is_punct, is_space, numeral_value};
use chrono::{Datelike, NaiveDate};
use regex::Regex;
use serde::Serialize;
use std::sync::LazyLock;

/// When a measure is due.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(tag = "kind", content = "date", rename_all = "snake_case")]
pub enum Deadline {
    /// Due on this day.
    Date(NaiveDate),
    /// `立行立改`: due on the feedback date when one is configured; without one an immediate
    /// measure that is not done counts as overdue.
    Immediate,
    /// `长期坚持`: no date, never overdue.
    LongTerm,
}

impl Deadline {
    /// The day the measure is due, given the feedback date for immediate measures.
    ///
    /// ```
    /// use chrono::NaiveDate;
    /// use taizhang::value::deadline::Deadline;
    /// let fb = NaiveDate::from_ymd_opt(2022, 12, 30);
    /// assert_eq!(Deadline::Immediate.due_date(fb), fb);
    /// assert_eq!(Deadline::LongTerm.due_date(fb), None);
    /// ```
    pub fn due_date(&self, feedback_date: Option<NaiveDate>) -> Option<NaiveDate> {
        match self {
            Deadline::Date(d) => Some(*d),
            Deadline::Immediate => feedback_date,
            Deadline::LongTerm => None,
        }
    }

    /// The canonical text: `2023-06-30`, `立行立改` or `长期坚持`. It parses back to itself.
    pub fn canonical(&self) -> String {
        match self {
            Deadline::Date(d) => d.format("%Y-%m-%d").to_string(),
            Deadline::Immediate => "立行立改".to_string(),
            Deadline::LongTerm => "长期坚持".to_string(),
        }
    }
}

/// A deadline read from text, with whether its year had to be taken from the as-of date.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ParsedDeadline {
    /// The deadline.
    pub deadline: Deadline,
    /// The text gave no year (`6月底前`): the year of the as-of date was used.
    pub year_inferred: bool,
}

/// Reads a deadline written as text. `default_year` is the year of the as-of date, used when the
/// text gives none. Returns `None` for text the grammar does not read.
///
/// ```
/// use chrono::NaiveDate;
/// use taizhang::value::deadline::{parse_deadline, Deadline};
/// let d = |y, m, d| Deadline::Date(NaiveDate::from_ymd_opt(y, m, d).unwrap());
/// assert_eq!(parse_deadline("2023年6月底前", 2023).unwrap().deadline, d(2023, 6, 30));
/// assert_eq!(parse_deadline("2023年第一季度", 2023).unwrap().deadline, d(2023, 3, 31));
/// assert_eq!(parse_deadline("2023.3-2023.6", 2023).unwrap().deadline, d(2023, 6, 30));
/// assert!(parse_deadline("6月底前", 2024).unwrap().year_inferred);
/// assert_eq!(parse_deadline("长期坚持", 2023).unwrap().deadline, Deadline::LongTerm);
/// assert!(parse_deadline("尽快", 2023).is_none());
/// ```
pub fn parse_deadline(text: &str, default_year: i32) -> Option<ParsedDeadline> {
    let s: String = half_width(text).chars().filter(|c| !is_space(*c)).collect();
    if s.is_empty() || s.chars().count() > 80 {
        return None;
    }
    if let Some(p) = parse_single(&s, default_year) {
        return Some(p);
    }
    // Several deadlines in one cell: every part must read; the first one governs.
    let parts: Vec<&str> = s
        .split([',', '、', ';', '/'])
        .flat_map(|p| p.split('并'))
        .map(|p| p.trim_start_matches(['且', '及']))
        .filter(|p| !p.is_empty())
        .collect();
    if parts.len() < 2 {
        return None;
    }
    let parsed: Option<Vec<ParsedDeadline>> = parts
        .iter()
        .map(|p| parse_single(p, default_year))
        .collect();
    parsed.and_then(|v| v.into_iter().next())
}

fn parse_single(s: &str, default_year: i32) -> Option<ParsedDeadline> {
    const IMMEDIATE: [&str; 14] = [
        "立行立改",
        "立即整改",
        "即知即改",
        "即查即改",
        "立查立改",
        "边查边改",
        "当场整改",
        "现场整改",
        "当场改正",
        "现场改正",
        "当场纠正",
        "现场纠正",
        "当即整改",
        "立即",
    ];
    const LONG_TERM: [&str; 6] = ["长期坚持", "长期", "持续推进", "持续", "常态化", "常态"];
    let words = strip_affixes(s);
    if IMMEDIATE.iter().any(|w| words.starts_with(w)) && is_word_tail(words, &IMMEDIATE) {
        return Some(ParsedDeadline {
            deadline: Deadline::Immediate,
            year_inferred: false,
        });
    }
    if LONG_TERM.iter().any(|w| words.starts_with(w)) && is_word_tail(words, &LONG_TERM) {
        return Some(ParsedDeadline {
            deadline: Deadline::LongTerm,
            year_inferred: false,
        });
    }
    if let Some((date, inferred)) = parse_point(words, None, default_year) {
        return Some(ParsedDeadline {
            deadline: Deadline::Date(date),
            year_inferred: inferred,
        });
    }
    parse_range(words, default_year)
}

/// A span a deadline counts from a day the row names: `15日内`, `30天以内`, `限期7日`,
/// `一个月内`, `5个工作日内`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Within {
    /// That many days after.
    Days(u32),
    /// That many months after (the same day of the month, or the month's last).
    Months(u32),
    /// The end of the month after (`次月底前`, `下月底前`).
    NextMonthEnd,
    /// That many working days after, by the State Council's calendar of the years it knows
    /// ([`working_day`]); none for a span reaching a year it does not.
    WorkingDays(u32),
}

impl Within {
    /// The day due when the span starts on `from`.
    pub(crate) fn after(self, from: NaiveDate) -> Option<NaiveDate> {
        match self {
            Within::Days(n) => from.checked_add_days(chrono::Days::new(u64::from(n))),
            Within::Months(n) => from.checked_add_months(chrono::Months::new(n)),
            Within::NextMonthEnd => {
                let next = from
                    .with_day(1)?
                    .checked_add_months(chrono::Months::new(1))?;
                month_end(next.year(), next.month())
            }
            Within::WorkingDays(n) => {
                let mut day = from;
                let mut left = n;
                while left > 0 {
                    day = day.succ_opt()?;
                    if working_day(day)? {
                        left -= 1;
                    }
                }
                Some(day)
            }
        }
    }
}

/// Days off and weekend days worked (调休) by year, as the State Council's notices on each year's
/// holidays set them (国务院办公厅关于2024年、2025年、2026年部分节假日安排的通知): (month, first
/// day, last day) off, and (month, day) worked.
#[allow(clippy::type_complexity)]
const CALENDARS: [(i32, &[(u32, u32, u32)], &[(u32, u32)]); 3] = [
    (
        2024,
        &[
            (1, 1, 1),
            (2, 10, 17),
            (4, 4, 6),
            (5, 1, 5),
            (6, 10, 10),
            (9, 15, 17),
            (10, 1, 7),
        ],
        &[
            (2, 4),
            (2, 18),
            (4, 7),
            (4, 28),
            (5, 11),
            (9, 14),
            (9, 29),
            (10, 12),
        ],
    ),
    (
        2025,
        &[
            (1, 1, 1),
            (1, 28, 31),
            (2, 1, 4),
            (4, 4, 6),
            (5, 1, 5),
            (5, 31, 31),
            (6, 1, 2),
            (10, 1, 8),
        ],
        &[(1, 26), (2, 8), (4, 27), (9, 28), (10, 11)],
    ),
    (
        2026,
        &[
            (1, 1, 3),
            (2, 15, 23),
            (4, 4, 6),
            (5, 1, 5),
            (6, 19, 21),
            (9, 25, 27),
            (10, 1, 7),
        ],
        &[(1, 4), (2, 14), (2, 28), (5, 9), (9, 20), (10, 10)],
    ),
];

/// True when a day is a working day in China, false when it is a day off; `None` for a year
/// whose holidays taizhang does not know (a span over it is not counted: `bad-deadline`).
pub(crate) fn working_day(day: NaiveDate) -> Option<bool> {
    let (_, off, worked) = CALENDARS.iter().find(|(y, _, _)| *y == day.year())?;
    let (m, d) = (day.month(), day.day());
    if worked.contains(&(m, d)) {
        return Some(true);
    }
    if off
        .iter()
        .any(|(om, a, b)| *om == m && (*a..=*b).contains(&d))
    {
        return Some(false);
    }
    Some(!matches!(
        day.weekday(),
        chrono::Weekday::Sat | chrono::Weekday::Sun
    ))
}

static WITHIN: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"^(?:限期|须在|应在|要求)?([0-9]{1,3}|[一二两三四五六七八九十]{1,3})(个)?(工作日|日|天|月)(?:内|以内)?(?:整改完毕|整改到位|完成整改|整改完成|整改|完成)?$",
    )
});

/// The span of a deadline counted from the day a row was found, if the text is one.
pub(crate) fn within(text: &str) -> Option<Within> {
    let s: String = half_width(text).chars().filter(|c| !is_space(*c)).collect();
    if ["次月底", "次月末", "下月底", "下月末"].iter().any(|w| {
        s.strip_prefix(w)
            .is_some_and(|r| ["", "前", "之前"].contains(&r))
    }) {
        return Some(Within::NextMonthEnd);
    }
    if s.chars().count() > 16 {
        return None;
    }
    let c = WITHIN.captures(&s)?;
    let n = c.get(1)?.as_str();
    let n = numeral_value(n)?;
    // `限期7日` needs no `内`; a bare `7日` is a day of a month, not a span.
    let bounded = s.contains('内') || s.starts_with(['限', '须', '应', '要']);
    if n == 0 || !bounded {
        return None;
    }
    match (c.get(3)?.as_str(), c.get(2).is_some()) {
        ("月", true) => Some(Within::Months(n)),
        ("月", false) => None,
        ("工作日", _) => Some(Within::WorkingDays(n)),
        _ => Some(Within::Days(n)),
    }
}

static DEFINED: LazyLock<Regex> = LazyLock::new(|| {
    re(r#"[“"「『]([^”"」』]{1,16})[”"」』](?:是指|系指|即指|指|即|为)([^；;，,。“"「『]{2,40})"#)
});

/// Terms a sheet's notes define (`说明：“2025年汛前”指2025年4月30日前；…`): each quoted term
/// and what it is said to mean, as written.
///
/// ```text
/// “2025年汛前”指2025年4月30日前；“长期”指…  →  [("2025年汛前", "2025年4月30日前"), ("长期", "…")]
/// ```
pub(crate) fn defined_terms(text: &str) -> Vec<(String, String)> {
    DEFINED
        .captures_iter(text)
        .filter_map(|c| {
            let term = c.get(1)?.as_str().trim();
            let meaning = c.get(2)?.as_str().trim();
            (!term.is_empty() && !meaning.is_empty())
                .then(|| (term.to_string(), meaning.to_string()))
        })
        // A meaning that says its day in a bracket (`审计报告出具次月15日前（2025年4月15日前）`):
        // the bracket too, tried after the whole.
        .flat_map(|(term, meaning)| {
            let inner = meaning
                .split_once(['（', '('])
                .and_then(|(_, rest)| rest.split_once(['）', ')']))
                .map(|(inner, _)| (term.clone(), inner.trim().to_string()))
                .filter(|(_, inner)| !inner.is_empty());
            std::iter::once((term, meaning)).chain(inner)
        })
        .collect()
}

/// A word form (`长期坚持`) may be followed only by more words of its kind or by a verb such as
/// `推进`/`落实`; a date or anything else after it makes the text unreadable.
fn is_word_tail(s: &str, words: &[&str]) -> bool {
    let Some(w) = words
        .iter()
        .filter(|w| s.starts_with(**w))
        .max_by_key(|w| w.len())
    else {
        return false;
    };
    let rest = &s[w.len()..];
    const TAILS: [&str; 8] = [
        "坚持", "推进", "落实", "整改", "开展", "执行", "完成", "抓好",
    ];
    let mut rest = rest;
    while !rest.is_empty() {
        match TAILS.iter().find(|t| rest.starts_with(**t)) {
            Some(t) => rest = &rest[t.len()..],
            None => return false,
        }
    }
    true
}

/// Removes the words around a date that do not change it: `截至…`, `…前`, `…之前完成`.
fn strip_affixes(s: &str) -> &str {
    let mut s = s.trim_matches(|c: char| is_punct(c) && c != '(' && c != ')');
    loop {
        let before = s.len();
        for p in ["截至", "截止到", "截止", "于", "在"] {
            if let Some(rest) = s.strip_prefix(p)
                && !rest.is_empty()
            {
                s = rest;
            }
        }
        for suffix in [
            "完成整改",
            "整改完成",
            "整改到位",
            "完成",
            "之前",
            "以前",
            "为止",
            "前",
            "止",
            "内",
        ] {
            if let Some(rest) = s.strip_suffix(suffix)
                && !rest.is_empty()
            {
                s = rest;
            }
        }
        s = s.trim_end_matches(['.', ',', ';', '。', '、']);
        if s.len() == before {
            return s;
        }
    }
}

static DAY_CN: LazyLock<Regex> =
    LazyLock::new(|| re(r"^(?:(\d{4})年)?(\d{1,2})月(\d{1,2})[日号]?$"));
static DAY_ISO: LazyLock<Regex> = LazyLock::new(|| {
    re(r"^(\d{4})([-/.])(\d{1,2})([-/.])(\d{1,2})(?:日)?(?:\d{1,2}:\d{2}(?::\d{2})?)?$")
});
static DAY_COMPACT: LazyLock<Regex> = LazyLock::new(|| re(r"^(\d{4})(\d{2})(\d{2})$"));
static MONTH_CN: LazyLock<Regex> =
    LazyLock::new(|| re(r"^(?:(\d{4})年)?(\d{1,2})月份?(?:底|末|月底|月末)?$"));
static MONTH_ISO: LazyLock<Regex> =
    LazyLock::new(|| re(r"^(\d{4})[-/.](\d{1,2})(?:月)?(?:底|末)?$"));
static YEAR_END: LazyLock<Regex> = LazyLock::new(|| re(r"^(\d{4})年(?:年底|年末|底|末)$"));
static HALF: LazyLock<Regex> = LazyLock::new(|| re(r"^(?:(\d{4})年)?(上|下)半年(?:底|末)?$"));
static QUARTER: LazyLock<Regex> =
    LazyLock::new(|| re(r"^(?:(\d{4})年?)?(?:第?([一二三四1-4])季度|[Qq]([1-4]))(?:末|底)?$"));
/// A third of a month: `2025年9月上旬` (the 10th), `中旬` (the 20th), `下旬` (its last day).
static TEN_DAYS: LazyLock<Regex> =
    LazyLock::new(|| re(r"^(?:(\d{4})年)?(\d{1,2})月(上|中|下)旬(?:末|底)?$"));

fn re(pattern: &str) -> Regex {
    // The patterns are constants of this module; a test compiles every one of them.
    Regex::new(pattern).unwrap_or_else(|e| panic!("deadline pattern {pattern}: {e}"))
}

/// One point in time. `ctx_year` is the year of the start of a range, for its end.
/// Returns the date and whether its year was inferred from `default_year`.
fn parse_point(s: &str, ctx_year: Option<i32>, default_year: i32) -> Option<(NaiveDate, bool)> {
    let year = |m: Option<regex::Match>| -> (i32, bool) {
        match m.and_then(|m| m.as_str().parse().ok()) {
            Some(y) => (y, false),
            None => match ctx_year {
                Some(y) => (y, false),
                None => (default_year, true),
            },
        }
    };
    let num = |m: Option<regex::Match>| -> Option<u32> { m?.as_str().parse().ok() };
    let valid_year = |y: i32| (1900..=2200).contains(&y);

    if let Some(c) = DAY_ISO.captures(s) {
        // The two separators must agree: `2023-06-30`, `2023/6/30`, `2023.6.30`.
        if c.get(2).map(|m| m.as_str()) != c.get(4).map(|m| m.as_str()) {
            return None;
        }
        let y: i32 = c.get(1)?.as_str().parse().ok()?;
        let d = NaiveDate::from_ymd_opt(y, num(c.get(3))?, num(c.get(5))?)?;
        return valid_year(y).then_some((d, false));
    }
    if let Some(c) = DAY_COMPACT.captures(s) {
        let y: i32 = c.get(1)?.as_str().parse().ok()?;
        let d = NaiveDate::from_ymd_opt(y, num(c.get(2))?, num(c.get(3))?)?;
        return valid_year(y).then_some((d, false));
    }
    if let Some(c) = DAY_CN.captures(s) {
        let (y, inferred) = year(c.get(1));
        let d = NaiveDate::from_ymd_opt(y, num(c.get(2))?, num(c.get(3))?)?;
        return valid_year(y).then_some((d, inferred));
    }
    if let Some(c) = MONTH_CN.captures(s) {
        let (y, inferred) = year(c.get(1));
        return valid_year(y)
            .then(|| month_end(y, num(c.get(2))?))
            .flatten()
            .map(|d| (d, inferred));
    }
    if let Some(c) = MONTH_ISO.captures(s) {
        let y: i32 = c.get(1)?.as_str().parse().ok()?;
        return valid_year(y)
            .then(|| month_end(y, num(c.get(2))?))
            .flatten()
            .map(|d| (d, false));
    }
    if let Some(c) = YEAR_END.captures(s) {
        let y: i32 = c.get(1)?.as_str().parse().ok()?;
        return valid_year(y)
            .then(|| NaiveDate::from_ymd_opt(y, 12, 31))
            .flatten()
            .map(|d| (d, false));
    }
    if let Some(c) = HALF.captures(s) {
        let (y, inferred) = year(c.get(1));
        let month = if c.get(2)?.as_str() == "上" { 6 } else { 12 };
        return valid_year(y)
            .then(|| month_end(y, month))
            .flatten()
            .map(|d| (d, inferred));
    }
    if let Some(c) = TEN_DAYS.captures(s) {
        let (y, inferred) = year(c.get(1));
        let m = num(c.get(2))?;
        let d = match c.get(3)?.as_str() {
            "上" => NaiveDate::from_ymd_opt(y, m, 10),
            "中" => NaiveDate::from_ymd_opt(y, m, 20),
            _ => month_end(y, m),
        }?;
        return valid_year(y).then_some((d, inferred));
    }
    if let Some(c) = QUARTER.captures(s) {
        let (y, inferred) = year(c.get(1));
        let q = numeral_value(c.get(2).or(c.get(3))?.as_str())?;
        return valid_year(y)
            .then(|| month_end(y, q * 3))
            .flatten()
            .map(|d| (d, inferred));
    }
    None
}

/// `2023年3月至6月`, `2023.3-2023.6`, `2023年3月1日到2023年6月30日`: the end of the range.
fn parse_range(s: &str, default_year: i32) -> Option<ParsedDeadline> {
    for (i, c) in s.char_indices() {
        if !matches!(c, '至' | '到' | '-' | '—' | '~' | '～' | '–' | '－') {
            continue;
        }
        let (left, right) = (&s[..i], &s[i + c.len_utf8()..]);
        if left.is_empty() || right.is_empty() {
            continue;
        }
        let Some((start, start_inferred)) = parse_point(strip_affixes(left), None, default_year)
        else {
            continue;
        };
        let ctx = Some(start.year());
        if let Some((end, _)) = parse_point(strip_affixes(right), ctx, default_year)
            && end >= start
        {
            return Some(ParsedDeadline {
                deadline: Deadline::Date(end),
                year_inferred: start_inferred,
            });
        }
    }
    None
}

/// The last day of a month, or `None` for a month that does not exist.
pub(crate) fn month_end(year: i32, month: u32) -> Option<NaiveDate> {
    if !(1..=12).contains(&month) {
        return None;
    }
    let (ny, nm) = if month == 12 {
        (year + 1, 1)
    } else {
        (year, month + 1)
    };
    NaiveDate::from_ymd_opt(ny, nm, 1)?.pred_opt()
}

#[cfg(test)]
mod tests {
    #[test]
    fn notes_define_terms() {
        let d = super::defined_terms(
            "说明：1.“2025年汛前”指2025年4月30日前；2.“长期”指纳入日常管护，不计逾期。",
        );
        assert_eq!(
            d,
            vec![
                ("2025年汛前".to_string(), "2025年4月30日前".to_string()),
                ("长期".to_string(), "纳入日常管护".to_string()),
            ]
        );
        assert_eq!(
            super::defined_terms("注：\"年底前\"即12月31日前"),
            vec![("年底前".to_string(), "12月31日前".to_string())]
        );
        assert!(super::defined_terms("复查结果填“已整改”“限期整改中”“拒不整改”").is_empty());
        assert!(super::defined_terms("说明：请如实填写").is_empty());
        // A day in a bracket after the meaning is tried too.
        assert!(
            super::defined_terms("说明：“次月15日前”指审计报告出具次月15日前（2025年4月15日前）。")
                .contains(&("次月15日前".to_string(), "2025年4月15日前".to_string()))
        );
    }

    use super::*;

    fn date(y: i32, m: u32, d: u32) -> Deadline {
        Deadline::Date(NaiveDate::from_ymd_opt(y, m, d).unwrap())
    }

    fn read(s: &str) -> Option<Deadline> {
        parse_deadline(s, 2023).map(|p| p.deadline)
    }

    #[test]
    fn patterns_compile() {
        for r in [
            &DAY_CN,
            &DAY_ISO,
            &DAY_COMPACT,
            &MONTH_CN,
            &MONTH_ISO,
            &YEAR_END,
            &HALF,
            &QUARTER,
        ] {
            assert!(!r.as_str().is_empty());
        }
    }

    #[test]
    fn days() {
        for s in [
            "2023年6月30日",
            "2023年6月30日前",
            "2023-06-30",
            "2023/6/30",
            "2023.6.30",
            "2023.06.30前",
            "2023年06月30日之前",
            " 2023 年 6 月 30 日 ",
            "截至2023年6月30日",
            "2023-06-30 00:00:00",
            "20230630",
            "2023年6月30号",
        ] {
            assert_eq!(read(s), Some(date(2023, 6, 30)), "{s}");
        }
    }

    #[test]
    fn months() {
        for s in [
            "2023年6月",
            "2023年6月底",
            "2023年6月底前",
            "2023年6月末",
            "2023.6",
            "2023年6月份",
            "2023年6月底前完成",
        ] {
            assert_eq!(read(s), Some(date(2023, 6, 30)), "{s}");
        }
        assert_eq!(read("2024年2月底"), Some(date(2024, 2, 29)));
        assert_eq!(read("2023年12月"), Some(date(2023, 12, 31)));
    }

    #[test]
    fn years_halves_quarters() {
        for s in ["2023年底", "2023年年底前", "2023年末", "2023年下半年"] {
            assert_eq!(read(s), Some(date(2023, 12, 31)), "{s}");
        }
        assert_eq!(read("2023年上半年"), Some(date(2023, 6, 30)));
        assert_eq!(read("2023年第二季度"), Some(date(2023, 6, 30)));
        assert_eq!(read("2023年二季度末"), Some(date(2023, 6, 30)));
        assert_eq!(read("2023年第1季度"), Some(date(2023, 3, 31)));
        assert_eq!(read("2023年四季度"), Some(date(2023, 12, 31)));
        assert_eq!(read("2025年Q2"), Some(date(2025, 6, 30)));
        assert_eq!(read("2025Q4"), Some(date(2025, 12, 31)));
        assert_eq!(read("2025年9月中旬"), Some(date(2025, 9, 20)));
        assert_eq!(read("2025年9月上旬前"), Some(date(2025, 9, 10)));
        assert_eq!(read("2025年2月下旬"), Some(date(2025, 2, 28)));
    }

    #[test]
    fn year_is_inferred_from_the_as_of_date() {
        let p = parse_deadline("6月30日前", 2024).unwrap();
        assert_eq!(p.deadline, date(2024, 6, 30));
        assert!(p.year_inferred);
        let p = parse_deadline("6月底前", 2024).unwrap();
        assert_eq!(p.deadline, date(2024, 6, 30));
        assert!(p.year_inferred);
        assert!(!parse_deadline("2023年6月底前", 2024).unwrap().year_inferred);
    }

    #[test]
    fn ranges_give_their_end() {
        assert_eq!(read("2023年3月至6月"), Some(date(2023, 6, 30)));
        assert_eq!(read("2023.3-2023.6"), Some(date(2023, 6, 30)));
        assert_eq!(read("2023年3月1日到2023年6月15日"), Some(date(2023, 6, 15)));
        assert_eq!(read("2023年3月-12月底"), Some(date(2023, 12, 31)));
        assert_eq!(read("2023.6-2023.3"), None, "an end before its start");
    }

    #[test]
    fn words() {
        assert_eq!(read("立行立改"), Some(Deadline::Immediate));
        assert_eq!(read("即查即改"), Some(Deadline::Immediate));
        assert_eq!(read("立即整改"), Some(Deadline::Immediate));
        for s in [
            "长期坚持",
            "长期",
            "持续推进",
            "持续整改",
            "常态化",
            "常态化推进",
        ] {
            assert_eq!(read(s), Some(Deadline::LongTerm), "{s}");
        }
        assert_eq!(read("立行立改,长期坚持"), Some(Deadline::Immediate));
        assert_eq!(read("长期坚持、2023年6月底前"), Some(Deadline::LongTerm));
    }

    #[test]
    fn spans_from_the_day_found() {
        assert_eq!(within("15日内"), Some(Within::Days(15)));
        assert_eq!(within("30天以内"), Some(Within::Days(30)));
        assert_eq!(within("限期7日"), Some(Within::Days(7)));
        assert_eq!(within("十五日内整改完毕"), Some(Within::Days(15)));
        assert_eq!(within("一个月内"), Some(Within::Months(1)));
        assert_eq!(within("３个月内完成"), Some(Within::Months(3)));
        assert_eq!(within("5个工作日内"), Some(Within::WorkingDays(5)));
        assert_eq!(within("次月底前"), Some(Within::NextMonthEnd));
        assert_eq!(within("限期3个工作日"), Some(Within::WorkingDays(3)));
        for s in ["15日", "6月内", "0日内", "2025年6月15日内", "尽快"] {
            assert_eq!(within(s), None, "{s}");
        }
        let d = |m, d| NaiveDate::from_ymd_opt(2025, m, d).unwrap();
        assert_eq!(Within::Days(15).after(d(3, 4)), Some(d(3, 19)));
        assert_eq!(Within::Months(1).after(d(1, 31)), Some(d(2, 28)));
        assert_eq!(Within::NextMonthEnd.after(d(3, 31)), Some(d(4, 30)));
        assert_eq!(Within::NextMonthEnd.after(d(1, 5)), Some(d(2, 28)));
        // Thursday 24 April 2025: Fri 25, Sun 27 (worked), Mon 28, Tue 29, Wed 30.
        assert_eq!(Within::WorkingDays(5).after(d(4, 24)), Some(d(4, 30)));
        // Over the National Day holiday: 30 Sep, then 9 Oct (Thu), 10 (Fri), 11 (Sat, worked).
        assert_eq!(Within::WorkingDays(4).after(d(9, 29)), Some(d(10, 11)));
        // A year whose holidays are not known counts nothing.
        let y = NaiveDate::from_ymd_opt(2027, 12, 30).unwrap();
        assert_eq!(Within::WorkingDays(5).after(y), None);
        assert_eq!(
            working_day(NaiveDate::from_ymd_opt(2023, 6, 1).unwrap()),
            None
        );
        assert_eq!(
            parse_deadline("当场整改", 2025).map(|p| p.deadline),
            Some(Deadline::Immediate)
        );
        assert_eq!(
            parse_deadline("当场改正", 2025).map(|p| p.deadline),
            Some(Deadline::Immediate)
        );
        // A span is no deadline of its own: the row's day makes it one.
        assert!(parse_deadline("15日内", 2025).is_none());
    }

    #[test]
    fn unreadable() {
        for s in [
            "",
            "尽快",
            "待定",
            "2023年13月",
            "2023年2月30日",
            "2023-6/30",
            "下月",
            "长期坚持2023",
            "立行立改,尽快",
            "0000年1月1日",
            "2023年",
        ] {
            assert_eq!(read(s), None, "{s}");
        }
    }

    #[test]
    fn canonical_text_parses_back() {
        for d in [date(2023, 6, 30), Deadline::Immediate, Deadline::LongTerm] {
            assert_eq!(read(&d.canonical()), Some(d));
        }
    }
}
