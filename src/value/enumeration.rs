//! Enumerated measure cells (spec 2.3): one cell that holds several measures.
//!
//! Ledgers written one row per problem list the measures inside one cell: `一是…二是…`, `1.…2.…`,
//! `1、…2、…`, `(1)…(2)…`, `(1)…(2)…`, `(一)…(二)…` or `①…②…`. Such a cell is several measures,
//! one per item, when the items are numbered in sequence from the first and there are at least
//! two of them. This is how the seed report's "30项整改措施" is counted from its ledgers.
//!
//! Text before the first item (`从"选、育、管、用"各环节推进,一是…`) is the cell's lead: it is
//! kept with the cell, never dropped. Markers must stand at a boundary — after the start of the
//! cell, a space or punctuation — so `1.5万元`, `2023.6` or `统一是` are not items.

use crate::value::text::{half_width_char, is_punct, is_space, numeral_value};

/// How the items of an enumerated cell are numbered.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum EnumStyle {
    /// `一是…二是…`
    Shi,
    /// `1.…2.…` (also with a full-width full stop)
    Dot,
    /// `1、…2、…`
    Comma,
    /// `(1)…(2)…` or `(1)…(2)…`
    Paren,
    /// `(一)…(二)…`
    ParenChinese,
    /// `①…②…`
    Circled,
}

impl EnumStyle {
    const ALL: [EnumStyle; 6] = [
        EnumStyle::Shi,
        EnumStyle::Dot,
        EnumStyle::Comma,
        EnumStyle::Paren,
        EnumStyle::ParenChinese,
        EnumStyle::Circled,
    ];
}

/// One item of an enumerated cell.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Item<'a> {
    /// Its number in the cell, from 1.
    pub number: u32,
    /// Its text without the marker and without trailing separators (`;` `。` …).
    pub text: &'a str,
}

/// A cell split into its items.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Enumeration<'a> {
    /// How the items are numbered.
    pub style: EnumStyle,
    /// Text before the first item (trimmed), often empty.
    pub(crate) lead: &'a str,
    /// The items, at least two, numbered 1, 2, 3 …
    pub items: Vec<Item<'a>>,
}

/// Splits an enumerated cell, or returns `None` when the cell is one measure.
///
/// ```
/// use taizhang::value::enumeration::split_enumeration;
/// let e = split_enumeration("一是召开部署会;二是制定任务分解表。").unwrap();
/// let items: Vec<&str> = e.items.iter().map(|i| i.text).collect();
/// assert_eq!(items, ["召开部署会", "制定任务分解表"]);
/// assert!(split_enumeration("投入1.5万元完成改造").is_none());
/// ```
pub fn split_enumeration(text: &str) -> Option<Enumeration<'_>> {
    let styles: Vec<EnumStyle> = EnumStyle::ALL
        .into_iter()
        .filter(|s| may_hold(text, *s))
        .collect();
    if styles.is_empty() {
        return None;
    }
    let chars: Vec<(usize, char)> = text.char_indices().collect();
    let mut best: Option<(usize, Enumeration)> = None;
    for style in styles {
        if let Some((first, e)) = split_with(text, &chars, style)
            && best.as_ref().is_none_or(|(f, _)| first < *f)
        {
            best = Some((first, e));
        }
    }
    best.map(|(_, e)| e)
}

/// False when `text` cannot hold a first and a second marker of `style`: the characters
/// every such pair needs are missing. A quick test before the character-by-character search.
fn may_hold(text: &str, style: EnumStyle) -> bool {
    let has = |cs: &[char]| text.contains(cs);
    match style {
        EnumStyle::Shi => text.contains('是') && has(&['一']) && has(&['二']),
        EnumStyle::Dot => has(&['.', '．']) && has(&['1', '１']) && has(&['2', '２']),
        EnumStyle::Comma => text.contains('、') && has(&['1', '１']) && has(&['2', '２']),
        EnumStyle::Paren => has(&['(', '（']) && has(&['1', '１']) && has(&['2', '２']),
        EnumStyle::ParenChinese => has(&['(', '（']) && has(&['一']) && has(&['二']),
        EnumStyle::Circled => text.contains('①') && text.contains('②'),
    }
}

/// Splits with one style; returns the char index of the first marker and the enumeration.
fn split_with<'a>(
    text: &'a str,
    chars: &[(usize, char)],
    style: EnumStyle,
) -> Option<(usize, Enumeration<'a>)> {
    // (char index of marker start, char index after marker)
    let mut markers: Vec<(usize, usize)> = Vec::new();
    let mut from = 0;
    let mut n = 1;
    loop {
        let want = Want::new(n);
        let Some((start, end)) =
            (from..chars.len()).find_map(|i| marker_at(chars, i, style, &want).map(|end| (i, end)))
        else {
            break;
        };
        markers.push((start, end));
        from = end;
        n += 1;
    }
    if markers.len() < 2 {
        return None;
    }
    let byte = |ci: usize| chars.get(ci).map_or(text.len(), |(b, _)| *b);
    let mut items = Vec::with_capacity(markers.len());
    for (k, (_, end)) in markers.iter().enumerate() {
        let stop = markers.get(k + 1).map_or(chars.len(), |(s, _)| *s);
        let item = clean_item(&text[byte(*end)..byte(stop)]);
        if item.is_empty() {
            return None;
        }
        items.push(Item {
            number: k as u32 + 1,
            text: item,
        });
    }
    let lead = text[..byte(markers[0].0)].trim_matches(is_space);
    Some((markers[0].0, Enumeration { style, lead, items }))
}

fn clean_item(s: &str) -> &str {
    s.trim_matches(|c: char| {
        is_space(c) || matches!(half_width_char(c), ';' | ',' | '、' | '。' | '.' | ':')
    })
}

/// True when the character before `i` allows a marker to start at `i`.
fn at_boundary(chars: &[(usize, char)], i: usize) -> bool {
    i == 0 || {
        let c = chars[i - 1].1;
        is_space(c) || (is_punct(c) && !matches!(half_width_char(c), '.' | '-' | '/'))
    }
}

fn is_cn_digit(c: char) -> bool {
    matches!(
        c,
        '一' | '二'
            | '三'
            | '四'
            | '五'
            | '六'
            | '七'
            | '八'
            | '九'
            | '十'
            | '〇'
            | '零'
            | '两'
            | '第'
    )
}

/// The number of the item a marker must carry, written both ways, worked out once per item
/// rather than at every character of the cell.
struct Want {
    n: u32,
    digits: Vec<char>,
    numeral: Vec<char>,
}

impl Want {
    fn new(n: u32) -> Want {
        let numeral = crate::value::text::chinese_numeral(n);
        Want {
            n,
            digits: n.to_string().chars().collect(),
            // Empty (never matched) unless the numeral reads back as `n`.
            numeral: match numeral_value(&numeral) == Some(n) {
                true => numeral.chars().collect(),
                false => Vec::new(),
            },
        }
    }
}

/// Reads the digits of the wanted number at `i`; returns the index after them.
fn digits_at(chars: &[(usize, char)], i: usize, want: &Want) -> Option<usize> {
    let mut j = i;
    for &w in &want.digits {
        if half_width_char(chars.get(j)?.1) != w {
            return None;
        }
        j += 1;
    }
    // `1` must not be the start of `12`.
    match chars.get(j) {
        Some((_, c)) if half_width_char(*c).is_ascii_digit() => None,
        _ => Some(j),
    }
}

/// Reads the Chinese numeral of the wanted number at `i`; returns the index after it.
fn cn_numeral_at(chars: &[(usize, char)], i: usize, want: &Want) -> Option<usize> {
    let len = want.numeral.len();
    let got = chars.get(i..i + len)?;
    (len > 0 && got.iter().zip(&want.numeral).all(|((_, c), w)| c == w)).then_some(i + len)
}

/// If the marker of item `n` in `style` starts at char `i`, the index just after it.
fn marker_at(chars: &[(usize, char)], i: usize, style: EnumStyle, want: &Want) -> Option<usize> {
    let n = want.n;
    let ch = |j: usize| chars.get(j).map(|(_, c)| half_width_char(*c));
    match style {
        EnumStyle::Shi => {
            let end = cn_numeral_at(chars, i, want)?;
            if ch(end)? != '是' {
                return None;
            }
            let ok = if n == 1 {
                at_boundary(chars, i)
            } else {
                i == 0 || !is_cn_digit(chars[i - 1].1)
            };
            ok.then_some(end + 1)
        }
        EnumStyle::Dot | EnumStyle::Comma => {
            if !at_boundary(chars, i) {
                return None;
            }
            let end = digits_at(chars, i, want)?;
            let sep = ch(end)?;
            let ok = match style {
                EnumStyle::Dot => sep == '.' && !ch(end + 1).is_some_and(|c| c.is_ascii_digit()),
                _ => sep == '、',
            };
            ok.then_some(end + 1)
        }
        EnumStyle::Paren | EnumStyle::ParenChinese => {
            if ch(i)? != '(' {
                return None;
            }
            let end = if style == EnumStyle::Paren {
                digits_at(chars, i + 1, want)?
            } else {
                cn_numeral_at(chars, i + 1, want)?
            };
            (ch(end)? == ')').then_some(end + 1)
        }
        EnumStyle::Circled => {
            let c = chars.get(i)?.1;
            (n <= 20 && c as u32 == 0x2460 + n - 1).then_some(i + 1)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn items(s: &str) -> Vec<String> {
        split_enumeration(s)
            .map(|e| e.items.iter().map(|i| i.text.to_string()).collect())
            .unwrap_or_default()
    }

    #[test]
    fn every_style_splits() {
        let want = vec!["召开会议".to_string(), "制定方案".to_string()];
        for s in [
            "一是召开会议;二是制定方案。",
            "一是召开会议。二是制定方案",
            "1.召开会议;2.制定方案",
            "1.召开会议\n2.制定方案",
            "1、召开会议 2、制定方案",
            "(1)召开会议;(2)制定方案",
            "(1)召开会议;(2)制定方案",
            "(一)召开会议;(二)制定方案",
            "①召开会议②制定方案",
        ] {
            assert_eq!(items(s), want, "{s}");
        }
    }

    #[test]
    fn lead_text_is_kept_apart() {
        let e = split_enumeration("从各环节推进,一是优化结构。二是制定方案").unwrap();
        assert_eq!(e.lead, "从各环节推进,");
        assert_eq!(e.items.len(), 2);
        assert_eq!(e.style, EnumStyle::Shi);
    }

    #[test]
    fn long_lists_and_two_digit_numbers() {
        let s: String = (1..=12).map(|n| format!("{n}.措施{n};")).collect();
        let got = items(&s);
        assert_eq!(got.len(), 12);
        assert_eq!(got[11], "措施12");
        let s: String = (1..=12)
            .map(|n| format!("{}是做法{n};", crate::value::text::chinese_numeral(n)))
            .collect();
        assert_eq!(items(&s).len(), 12);
    }

    #[test]
    fn not_enumerations() {
        for s in [
            "召开专题会议",
            "一是召开会议",
            "投入1.5万元,2.5万元",
            "2023.6.30前完成",
            "统一是关键,二是",
            "第1、2项",
            "1.",
            "1.2.",
            "二是先于一是",
        ] {
            assert!(split_enumeration(s).is_none(), "{s}");
        }
    }

    #[test]
    fn the_earliest_style_is_the_outer_one() {
        let e = split_enumeration("一是完善制度:(1)修订;(2)印发。二是加强督查").unwrap();
        assert_eq!(e.style, EnumStyle::Shi);
        assert_eq!(e.items[0].text, "完善制度:(1)修订;(2)印发");
    }

    #[test]
    fn items_are_numbered_in_sequence() {
        let e = split_enumeration("1.甲 2.乙 3.丙 5.丁").unwrap();
        assert_eq!(e.items.len(), 3);
        assert_eq!(e.items[2].text, "丙 5.丁");
        assert_eq!(e.items[2].number, 3);
    }
}
