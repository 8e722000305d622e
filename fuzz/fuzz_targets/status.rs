#![no_main]
//! The status vocabulary never panics.
use libfuzzer_sys::fuzz_target;
use taizhang::value::status::StatusVocabulary;

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    let _ = StatusVocabulary::default().parse(&text);
});
