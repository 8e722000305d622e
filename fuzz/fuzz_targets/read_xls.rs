#![no_main]
//! Whole-file reading of .xls bytes, as `check` reads a file: the readers run contained (a
//! panic inside calamine costs only the file), everything after them — layout, ledger, rules —
//! runs bare, so a panic there is found. Nothing may abort, hang or grow without bound.
use libfuzzer_sys::fuzz_target;
use taizhang::config::Settings;
use taizhang::pipeline::{analyse_sheets, read_contained};
use taizhang::source::{Input, sniff};

fuzz_target!(|data: &[u8]| {
    let settings = Settings::new(chrono::NaiveDate::from_ymd_opt(2023, 3, 30).unwrap());
    let Ok(format) = sniff(data, "xls") else {
        return;
    };
    let Ok(sheets) = read_contained(data, format, "fuzz", &settings.limits) else {
        return;
    };
    let _ = analyse_sheets(&Input::new("fuzz.xls"), String::new(), data.len() as u64, format, sheets, &settings);
});
