//! Property tests for the grammars: what they read is written and read back the same, reads the
//! same however it is typed, and is made of the text it was read from.

use chrono::NaiveDate;
use proptest::prelude::*;
use taizhang::value::deadline::{Deadline, parse_deadline};
use taizhang::value::enumeration::{EnumStyle, split_enumeration};
use taizhang::value::header::{HeaderVocabulary, normalize_header};
use taizhang::value::status::StatusVocabulary;

/// The same text as a Chinese keyboard may type it: ASCII as its full-width form, and after
/// each character `gaps[i]` of a space, an ideographic space, a line break or nothing.
fn widened(s: &str, gaps: &[usize]) -> String {
    let mut out = String::new();
    for (i, c) in s.chars().enumerate() {
        out.push(match c {
            '!'..='~' => char::from_u32(c as u32 + 0xFEE0).unwrap(),
            _ => c,
        });
        out.push_str(["", " ", "\u{3000}", "\n"][gaps.get(i).copied().unwrap_or(0)]);
    }
    out
}

/// A status as ledgers write it: a built-in word, alone or followed by more text (`已完成。召开
/// 了…`), a percentage, or a mark.
fn written_status() -> impl Strategy<Value = String> {
    let words: Vec<&str> = taizhang::value::status::BUILTIN_WORDS
        .iter()
        .flat_map(|(_, words)| words.iter().copied())
        .collect();
    prop_oneof![
        (prop::sample::select(words), "|[。,;:(].{0,10}").prop_map(|(w, t)| format!("{w}{t}")),
        (0u32..=100, prop::option::of(0u32..10)).prop_map(|(n, d)| match d {
            Some(d) if n < 100 => format!("{n}.{d}%"),
            _ => format!("{n}%"),
        }),
        prop::sample::select(vec!["√", "✓", "×", "x", "X"]).prop_map(str::to_string),
    ]
}

/// The marker of item `n` in a style: `一是`, `1.`, `1、`, `(1)`, `(一)`, `①`.
fn marker(style: EnumStyle, n: u32) -> String {
    use taizhang::value::text::chinese_numeral;
    match style {
        EnumStyle::Shi => format!("{}是", chinese_numeral(n)),
        EnumStyle::Dot => format!("{n}."),
        EnumStyle::Comma => format!("{n}、"),
        EnumStyle::Paren => format!("({n})"),
        EnumStyle::ParenChinese => format!("({})", chinese_numeral(n)),
        EnumStyle::Circled => char::from_u32(0x2460 + n - 1).unwrap().to_string(),
    }
}

/// A deadline as ledgers write it (the forms of `src/value/deadline.rs`), with the words
/// allowed around it.
fn written_deadline() -> impl Strategy<Value = String> {
    let date = any_date();
    let form = (date, 0usize..14, 1u32..=4).prop_map(|(d, form, q)| {
        use chrono::Datelike;
        let (y, m, day) = (d.year(), d.month(), d.day());
        match form {
            0 => format!("{y}年{m}月{day}日"),
            1 => format!("{y}-{m:02}-{day:02}"),
            2 => format!("{y}/{m}/{day}"),
            3 => format!("{y}.{m}.{day}"),
            4 => format!("{y}年{m}月"),
            5 => format!("{y}年{m}月底"),
            6 => format!("{y}.{m}"),
            7 => format!("{y}年底"),
            8 => format!("{y}年{}半年", if m <= 6 { "上" } else { "下" }),
            9 => format!("{y}年第{}季度", ["一", "二", "三", "四"][q as usize - 1]),
            // Without a year the day is read in any year: 2月29日 is not a day of most of them.
            10 => format!("{m}月{}日", if (m, day) == (2, 29) { 28 } else { day }),
            11 => format!("{y}年{}月至{m}月", m.min(q)),
            12 => "立行立改".to_string(),
            _ => "长期坚持".to_string(),
        }
    });
    let before = prop::sample::select(vec!["", "截至", "于"]);
    let after = prop::sample::select(vec!["", "前", "之前", "完成", "以前"]);
    (before, form, after).prop_map(|(b, f, a)| format!("{b}{f}{a}"))
}

fn any_date() -> impl Strategy<Value = NaiveDate> {
    (1990i32..2100, 1u32..=12, 1u32..=31)
        .prop_filter_map("a real day", |(y, m, d)| NaiveDate::from_ymd_opt(y, m, d))
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(2000))]

    #[test]
    fn a_day_on_the_command_line_reads_in_every_form(d in any_date(), s in "[0-9０-９年月日号.\\-/ ]{0,16}") {
        use chrono::Datelike;
        use taizhang::value::text::parse_day;
        let _ = parse_day(&s);
        for form in [
            d.format("%Y-%m-%d").to_string(),
            format!("{}/{}/{}", d.year(), d.month(), d.day()),
            format!("{}.{}.{}", d.year(), d.month(), d.day()),
            d.format("%Y%m%d").to_string(),
            format!("{}年{}月{}日", d.year(), d.month(), d.day()),
        ] {
            prop_assert_eq!(parse_day(&form), Some(d), "{}", form);
        }
    }

    #[test]
    fn a_deadline_read_is_written_and_read_back_the_same(s in written_deadline(), year in 1900i32..2200, other in 1900i32..2200) {
        // Every text of the grammar reads, and its canonical text reads back to the same
        // deadline, in any year.
        let p = parse_deadline(&s, year).expect(&s);
        let text = p.deadline.canonical();
        let back = parse_deadline(&text, other).expect(&text);
        prop_assert_eq!(back.deadline, p.deadline, "{} -> {}", s, text);
        prop_assert!(!back.year_inferred);
    }

    #[test]
    fn any_deadline_read_is_written_and_read_back_the_same(s in "\\PC{0,40}|[0-9年月日号底末前至到.\\-/上下半季度第一二三四立行改长期坚持]{0,24}") {
        if let Some(p) = parse_deadline(&s, 2023) {
            let text = p.deadline.canonical();
            prop_assert_eq!(parse_deadline(&text, 1999).map(|b| b.deadline), Some(p.deadline), "{}", s);
        }
    }

    #[test]
    fn a_deadline_reads_the_same_in_full_width_and_spaced(s in written_deadline(), gaps in prop::collection::vec(0usize..4, 40)) {
        // What a Chinese keyboard makes of the same text: full-width digits and marks, spaces.
        let typed = widened(&s, &gaps);
        let read = parse_deadline(&s, 2023);
        prop_assert!(read.is_some(), "{}", s);
        prop_assert_eq!(parse_deadline(&typed, 2023), read, "{:?}", typed);
    }

    #[test]
    fn a_formatted_date_parses_back_to_itself(d in any_date(), style in 0usize..6) {
        let text = match style {
            0 => d.format("%Y年%-m月%-d日").to_string(),
            1 => d.format("%Y-%m-%d").to_string(),
            2 => d.format("%Y/%-m/%-d").to_string(),
            3 => d.format("%Y.%m.%d前").to_string(),
            4 => d.format("%Y年%m月%d日之前").to_string(),
            _ => Deadline::Date(d).canonical(),
        };
        let p = parse_deadline(&text, 2000).expect(&text);
        prop_assert_eq!(p.deadline, Deadline::Date(d));
        prop_assert!(!p.year_inferred);
    }

    #[test]
    fn a_month_reads_as_its_last_day(d in any_date()) {
        let text = d.format("%Y年%-m月底前").to_string();
        let got = parse_deadline(&text, 2000).unwrap().deadline;
        let Deadline::Date(end) = got else { panic!("{text}") };
        prop_assert_eq!(end.format("%Y-%m").to_string(), d.format("%Y-%m").to_string());
        prop_assert!(end >= d);
        prop_assert!(end.succ_opt().is_none_or(|n| n.format("%m").to_string() != end.format("%m").to_string()));
    }

    #[test]
    fn a_status_reads_the_same_in_full_width_and_spaced(s in written_status(), gaps in prop::collection::vec(0usize..4, 40)) {
        // Every word, percentage and mark reads, and reads the same typed in full width with
        // spaces and line breaks.
        let vocabulary = StatusVocabulary::default();
        let typed = widened(&s, &gaps);
        prop_assert!(vocabulary.parse(&s).is_some(), "{}", s);
        prop_assert_eq!(vocabulary.parse(&typed), vocabulary.parse(&s), "{:?}", typed);
    }

    #[test]
    fn any_status_reads_the_same_in_full_width_and_spaced(s in "\\PC{0,20}", gaps in prop::collection::vec(0usize..4, 20)) {
        let vocabulary = StatusVocabulary::default();
        prop_assert_eq!(vocabulary.parse(&widened(&s, &gaps)), vocabulary.parse(&s), "{:?}", s);
    }

    #[test]
    fn enumeration_items_are_parts_of_the_cell(s in "[一二三四是1234.、()()①②③;。 甲乙丙丁]{0,40}") {
        if let Some(e) = split_enumeration(&s) {
            prop_assert!(e.items.len() >= 2);
            for (i, item) in e.items.iter().enumerate() {
                prop_assert_eq!(item.number as usize, i + 1);
                prop_assert!(!item.text.is_empty());
                prop_assert!(s.contains(item.text));
            }
        }
    }

    #[test]
    fn enumeration_items_written_again_split_into_the_same_items(
        lead in "([甲乙]{1,4}[,。: ])?",
        items in prop::collection::vec("[ ,、()。]{0,2}[甲乙丙丁是][甲乙丙丁是;。 ,、()()]{0,6}", 2..8),
        style in 0usize..6,
    ) {
        // A list in one style, its items with punctuation and spaces around their words.
        let styles = [EnumStyle::Shi, EnumStyle::Dot, EnumStyle::Comma, EnumStyle::Paren, EnumStyle::ParenChinese, EnumStyle::Circled];
        let cell: String = std::iter::once(lead)
            .chain(items.iter().enumerate().map(|(i, t)| format!("{}{t};", marker(styles[style], i as u32 + 1))))
            .collect();
        let e = split_enumeration(&cell).expect(&cell);
        prop_assert_eq!(e.style, styles[style]);
        prop_assert_eq!(e.items.len(), items.len());
        // Its items, written again as a list in the same style (a space after each marker, a
        // semicolon after each item), split into the same items.
        let again: String = e.items.iter().map(|i| format!("{} {};", marker(e.style, i.number), i.text)).collect();
        let back = split_enumeration(&again).expect(&again);
        prop_assert_eq!(back.style, e.style);
        prop_assert_eq!(back.items, e.items, "{:?} -> {:?}", cell, again);
    }

    #[test]
    fn any_enumeration_written_again_splits_into_the_same_items(s in "\\PC{0,80}|[一二三四是1234.、()()①②③;。 甲乙丙丁]{0,40}") {
        if let Some(e) = split_enumeration(&s) {
            let again: String = e.items.iter().map(|i| format!("{} {};", marker(e.style, i.number), i.text)).collect();
            let back = split_enumeration(&again).expect(&again);
            prop_assert_eq!(back.items, e.items, "{:?} -> {:?}", s, again);
        }
    }

    #[test]
    fn numbered_lists_split_into_their_items(items in prop::collection::vec("[甲乙丙丁戊己庚辛]{1,6}", 2..9), style in 0usize..4) {
        let text: String = items
            .iter()
            .enumerate()
            .map(|(i, t)| match style {
                0 => format!("{}是{t};", taizhang::value::text::chinese_numeral(i as u32 + 1)),
                1 => format!("{}.{t};", i + 1),
                2 => format!("({}){t};", i + 1),
                _ => format!("{}{t}", char::from_u32(0x2460 + i as u32).unwrap()),
            })
            .collect();
        let e = split_enumeration(&text).expect(&text);
        let got: Vec<&str> = e.items.iter().map(|i| i.text).collect();
        prop_assert_eq!(got, items.iter().map(String::as_str).collect::<Vec<_>>());
    }

    #[test]
    fn header_normalisation_is_idempotent(s in "\\PC{0,30}") {
        let once = normalize_header(&s);
        prop_assert_eq!(normalize_header(&once), once.clone());
        let _ = HeaderVocabulary::default().field_of(&s);
    }
}
