//! Property tests for the grammars: they never panic, and what they produce is consistent.

use chrono::NaiveDate;
use proptest::prelude::*;
use taizhang::value::deadline::{Deadline, parse_deadline};
use taizhang::value::enumeration::split_enumeration;
use taizhang::value::header::{HeaderVocabulary, normalize_header};
use taizhang::value::status::StatusVocabulary;

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
    fn deadline_never_panics(s in "\\PC{0,40}", year in 1900i32..2200) {
        let _ = parse_deadline(&s, year);
    }

    #[test]
    fn deadline_never_panics_on_date_like_text(s in "[0-9０-９年月日号底末前至到.\\-/ 上下半季度第一二三四立行改长期坚持]{0,24}") {
        let _ = parse_deadline(&s, 2023);
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
    fn status_never_panics(s in "\\PC{0,40}") {
        let _ = StatusVocabulary::default().parse(&s);
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
    fn enumeration_never_panics(s in "\\PC{0,80}") {
        let _ = split_enumeration(&s);
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
