//! Text normalisation shared by every grammar: full-width forms, spaces, punctuation.
//!
//! Ledgers are typed on Chinese keyboards, so the same word arrives as `2023年6月30日`,
//! `2023年6月30日` or `2023 年 6 月 30 日`. Every grammar first folds these forms together
//! with the functions here, so a rule is written once for the half-width form.

/// Folds full-width ASCII (`!` … `~`) to half-width and the ideographic space to a space.
pub(crate) fn half_width(s: &str) -> String {
    s.chars().map(half_width_char).collect()
}

/// The half-width form of one character (see [`half_width`]).
pub(crate) fn half_width_char(c: char) -> char {
    match c {
        '\u{FF01}'..='\u{FF5E}' => char::from_u32(c as u32 - 0xFEE0).unwrap_or(c),
        '\u{3000}' | '\u{A0}' => ' ',
        _ => c,
    }
}

/// True for any space-like character, including line breaks, the ideographic space and
/// the no-break space.
pub(crate) fn is_space(c: char) -> bool {
    c.is_whitespace() || c == '\u{3000}' || c == '\u{A0}' || c == '\u{FEFF}'
}

/// Half-width text with every space-like character removed.
pub(crate) fn squash(s: &str) -> String {
    s.chars()
        .map(half_width_char)
        .filter(|c| !is_space(*c))
        .collect()
}

/// True for punctuation a clerk may put around a word: ASCII punctuation, CJK
/// punctuation and the common bullet and check marks.
pub(crate) fn is_punct(c: char) -> bool {
    let c = half_width_char(c);
    c.is_ascii_punctuation()
        || matches!(
            c,
            '、' | '。'
                | '“'
                | '”'
                | '‘'
                | '’'
                | '《'
                | '》'
                | '【'
                | '】'
                | '〔'
                | '〕'
                | '「'
                | '」'
                | '·'
                | '…'
                | '—'
                | '–'
                | '※'
                | '★'
                | '☆'
                | '●'
                | '○'
                | '■'
                | '□'
                | '▲'
                | '√'
                | '✓'
                | '✔'
                | '×'
        )
}

/// Collapses every run of space-like characters to one space and trims the ends: the form in
/// which two texts are compared for "the same measure twice".
pub(crate) fn collapse_spaces(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for word in s.split(is_space).filter(|w| !w.is_empty()) {
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(word);
    }
    out
}

/// The value of a Chinese numeral from 一 to 九十九 (also 〇/零 and 两), or of ASCII digits.
pub(crate) fn numeral_value(s: &str) -> Option<u32> {
    if s.is_empty() {
        return None;
    }
    if s.chars().all(|c| c.is_ascii_digit()) {
        return if s.len() <= 6 { s.parse().ok() } else { None };
    }
    let digit = |c: char| -> Option<u32> {
        Some(match c {
            '〇' | '零' => 0,
            '一' => 1,
            '二' | '两' => 2,
            '三' => 3,
            '四' => 4,
            '五' => 5,
            '六' => 6,
            '七' => 7,
            '八' => 8,
            '九' => 9,
            _ => return None,
        })
    };
    let chars: Vec<char> = s.chars().collect();
    match chars.as_slice() {
        [a] if *a == '十' => Some(10),
        [a] => digit(*a).filter(|d| *d > 0),
        ['十', b] => digit(*b).filter(|d| *d > 0).map(|d| 10 + d),
        [a, '十'] => digit(*a).filter(|d| *d > 1).map(|d| d * 10),
        [a, '十', b] => {
            let (a, b) = (digit(*a)?, digit(*b)?);
            (a > 1 && b > 0).then_some(a * 10 + b)
        }
        _ => None,
    }
}

/// The Chinese numeral for 1 to 99 (一, 二 … 十, 十一 … 九十九), used to number items.
///
/// ```
/// assert_eq!(taizhang::value::text::chinese_numeral(23), "二十三");
/// ```
pub fn chinese_numeral(n: u32) -> String {
    const D: [&str; 10] = ["〇", "一", "二", "三", "四", "五", "六", "七", "八", "九"];
    match n {
        0..=9 => D[n as usize].to_string(),
        10 => "十".to_string(),
        11..=19 => format!("十{}", D[(n % 10) as usize]),
        20..=99 if n.is_multiple_of(10) => format!("{}十", D[(n / 10) as usize]),
        20..=99 => format!("{}十{}", D[(n / 10) as usize], D[(n % 10) as usize]),
        _ => n.to_string(),
    }
}

/// Display width of a text in terminal or spreadsheet columns: CJK characters count two.
pub(crate) fn display_width(s: &str) -> usize {
    unicode_width::UnicodeWidthStr::width(s)
}

/// Formats a number the way a spreadsheet's General format shows it.
pub fn format_number(n: f64) -> String {
    if n.is_finite() && n.fract() == 0.0 && n.abs() < 1e15 {
        format!("{}", n as i64)
    } else {
        format!("{n}")
    }
}

/// The column letters of a 0-based column: 0 → `A`, 26 → `AA`.
pub(crate) fn column_letters(col: u32) -> String {
    let mut n = col as u64 + 1;
    let mut out = Vec::new();
    while n > 0 {
        let r = ((n - 1) % 26) as u8;
        out.push((b'A' + r) as char);
        n = (n - 1) / 26;
    }
    out.iter().rev().collect()
}

/// The number a `seq` cell holds: `3`, `3.`, `3、`, `(3)`, `三`, `第3项`.
pub(crate) fn seq_number(text: &str) -> Option<u32> {
    let t = squash(text);
    let t = t
        .trim_start_matches(['(', '第'])
        .trim_end_matches([')', '.', '、', '项']);
    numeral_value(t)
}

/// A day written the ways ledgers write one: `2023-03-30`, `2023/3/30`, `2023.3.30`,
/// `20230330`, `2023年3月30日` (full-width digits too). A month alone (`2023年6月`), a day without
/// a year and a day that does not exist are none.
///
/// ```
/// use chrono::NaiveDate;
/// use taizhang::value::text::parse_day;
/// let d = NaiveDate::from_ymd_opt(2023, 3, 30);
/// for s in ["2023-03-30", "2023/3/30", "2023.3.30", "20230330", "2023年3月30日", " 2023年3月30号 "] {
///     assert_eq!(parse_day(s), d, "{s}");
/// }
/// assert_eq!(parse_day("2023年6月"), None);
/// assert_eq!(parse_day("2023/13/1"), None);
/// assert_eq!(parse_day("3月30日"), None);
/// ```
pub fn parse_day(text: &str) -> Option<chrono::NaiveDate> {
    let t = half_width(text);
    let t = t.trim();
    let t = t
        .strip_suffix('日')
        .or_else(|| t.strip_suffix('号'))
        .unwrap_or(t);
    let parts: Vec<&str> = t.split(['-', '/', '.', '年', '月']).collect();
    let (y, m, d) = match parts.as_slice() {
        [y, m, d] => (*y, *m, *d),
        [ymd] if ymd.len() == 8 && ymd.bytes().all(|b| b.is_ascii_digit()) => {
            (&ymd[..4], &ymd[4..6], &ymd[6..])
        }
        _ => return None,
    };
    let digits = |s: &str, max: usize| {
        (!s.is_empty() && s.len() <= max && s.bytes().all(|b| b.is_ascii_digit()))
            .then(|| s.parse::<u32>().ok())
            .flatten()
    };
    if y.len() != 4 {
        return None;
    }
    chrono::NaiveDate::from_ymd_opt(digits(y, 4)? as i32, digits(m, 2)?, digits(d, 2)?)
}

/// True for a character of Chinese text: CJK ideographs, and the full-width punctuation and
/// forms around them.
fn is_chinese(c: char) -> bool {
    matches!(c, '\u{2E80}'..='\u{9FFF}' | '\u{F900}'..='\u{FAFF}' | '\u{FF00}'..='\u{FFEF}' | '“' | '”' | '‘' | '’' | '…' | '—')
}

/// Chinese text with the half-width marks it holds between Chinese characters made full-width
/// (GB/T 15834): `,` `;` `:` `!` `?` after a Chinese character (and not before a Latin letter)
/// or before one (and not after a Latin letter or digit), and a pair of parentheses when either
/// of its sides touches Chinese. Numbers, dates and Latin text are left as they are.
///
/// ```
/// use taizhang::value::text::full_width_punct;
/// assert_eq!(
///     full_width_punct("截至2023年3月30日,已完成29项;逾期2项"),
///     "截至2023年3月30日\u{FF0C}已完成29项\u{FF1B}逾期2项"
/// );
/// assert_eq!(full_width_punct("措施(长期坚持)"), "措施\u{FF08}长期坚持\u{FF09}");
/// assert_eq!(full_width_punct("1,000 and A:B (x)"), "1,000 and A:B (x)");
/// assert_eq!(full_width_punct("版本v1.2,API:"), "版本v1.2,API:");
/// ```
pub fn full_width_punct(s: &str) -> String {
    full_width_punct_cow(s).into_owned()
}

/// [`full_width_punct`] without a copy of a text that has no half-width mark to change.
pub(crate) fn full_width_punct_cow(s: &str) -> std::borrow::Cow<'_, str> {
    let is_mark = |b: &u8| matches!(b, b',' | b';' | b':' | b'!' | b'?' | b'(' | b')');
    let Some(first) = s.bytes().position(|b| is_mark(&b)) else {
        return std::borrow::Cow::Borrowed(s);
    };
    let mut out = String::with_capacity(s.len() + 16);
    let mut parens: Vec<bool> = Vec::new();
    let han = |x: Option<char>| x.is_some_and(is_chinese);
    let latin = |x: Option<char>| x.is_some_and(|x| x.is_ascii_alphabetic());
    let digit = |x: Option<char>| x.is_some_and(|x| x.is_ascii_digit());
    let mut copied = 0;
    let mut at = first;
    let b = s.as_bytes();
    // The marks are ASCII: every other byte is copied as it is, a run at a time; a mark's
    // neighbours are the characters of the text as written.
    while at < b.len() {
        if !is_mark(&b[at]) {
            at += 1;
            continue;
        }
        out.push_str(&s[copied..at]);
        let prev = s[..at].chars().next_back();
        let next = s[at + 1..].chars().next();
        let mark = (han(prev) && !latin(next)) || (han(next) && !latin(prev) && !digit(prev));
        out.push(match b[at] {
            b',' if mark => '\u{FF0C}',
            b';' if mark => '\u{FF1B}',
            b':' if mark => '\u{FF1A}',
            b'!' if mark => '\u{FF01}',
            b'?' if mark => '\u{FF1F}',
            b'(' => {
                let full = han(prev) || han(next);
                parens.push(full);
                if full { '\u{FF08}' } else { '(' }
            }
            b')' => {
                let full = parens.pop().unwrap_or(han(prev) || han(next));
                if full { '\u{FF09}' } else { ')' }
            }
            other => char::from(other),
        });
        at += 1;
        copied = at;
    }
    out.push_str(&s[copied..]);
    std::borrow::Cow::Owned(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The first way of [`full_width_punct`], a character at a time: what the fast one must equal.
    fn full_width_punct_by_chars(s: &str) -> String {
        if !s
            .bytes()
            .any(|b| matches!(b, b',' | b';' | b':' | b'!' | b'?' | b'(' | b')'))
        {
            return s.to_string();
        }
        let chars: Vec<char> = s.chars().collect();
        let mut out = String::with_capacity(s.len() + 16);
        let mut parens: Vec<bool> = Vec::new();
        for (i, &c) in chars.iter().enumerate() {
            let prev = i.checked_sub(1).map(|k| chars[k]);
            let next = chars.get(i + 1).copied();
            let han = |x: Option<char>| x.is_some_and(is_chinese);
            let latin = |x: Option<char>| x.is_some_and(|x| x.is_ascii_alphabetic());
            let digit = |x: Option<char>| x.is_some_and(|x| x.is_ascii_digit());
            let mark = (han(prev) && !latin(next)) || (han(next) && !latin(prev) && !digit(prev));
            out.push(match c {
                ',' if mark => '\u{FF0C}',
                ';' if mark => '\u{FF1B}',
                ':' if mark => '\u{FF1A}',
                '!' if mark => '\u{FF01}',
                '?' if mark => '\u{FF1F}',
                '(' => {
                    let full = han(prev) || han(next);
                    parens.push(full);
                    if full { '\u{FF08}' } else { '(' }
                }
                ')' => {
                    let full = parens.pop().unwrap_or(han(prev) || han(next));
                    if full { '\u{FF09}' } else { ')' }
                }
                c => c,
            });
        }
        out
    }

    proptest::proptest! {
        #[test]
        fn full_width_punct_equals_its_character_at_a_time_form(
            s in "[,;:!?()a-zA-Z0-9 中文、。\u{FF08}\u{2014}\u{1F600}]{0,24}"
        ) {
            proptest::prop_assert_eq!(full_width_punct(&s), full_width_punct_by_chars(&s));
        }
    }

    #[test]
    fn half_width_folds_digits_letters_and_space() {
        assert_eq!(half_width("2023年6月"), "2023年6月");
        assert_eq!(half_width("No.1"), "No.1");
        assert_eq!(half_width("a\u{3000}b"), "a b");
    }

    #[test]
    fn squash_removes_all_spaces_and_breaks() {
        assert_eq!(squash("整改\r\n时限 \u{3000}"), "整改时限");
    }

    #[test]
    fn numerals_round_trip() {
        for n in 1..100 {
            assert_eq!(numeral_value(&chinese_numeral(n)), Some(n), "{n}");
        }
        assert_eq!(numeral_value("一十"), None);
        assert_eq!(numeral_value(""), None);
        assert_eq!(numeral_value("两"), Some(2));
    }

    #[test]
    fn collapse_spaces_normalises_runs() {
        assert_eq!(collapse_spaces("  a \n\t b  "), "a b");
    }

    #[test]
    fn widths_count_cjk_twice() {
        assert_eq!(display_width("庆利社区"), 8);
        assert_eq!(display_width("ab"), 2);
    }
}

#[cfg(test)]
mod examples {
    //! The examples of crate-private items, once in their documentation.

    /// `value::text::half_width`
    #[test]
    fn text_half_width() {
        assert_eq!(
            crate::value::text::half_width("2023.6.30(前)"),
            "2023.6.30(前)"
        );
    }

    /// `value::text::squash`
    #[test]
    fn text_squash() {
        assert_eq!(crate::value::text::squash(" 责任\n领导 "), "责任领导");
    }

    /// `value::text::numeral_value`
    #[test]
    fn text_numeral_value() {
        use crate::value::text::numeral_value;
        assert_eq!(numeral_value("十二"), Some(12));
        assert_eq!(numeral_value("二十"), Some(20));
        assert_eq!(numeral_value("7"), Some(7));
        assert_eq!(numeral_value("甲"), None);
    }
}
