#![no_main]
//! The deadline grammar never panics, and what it reads is a real day or a word form.
use libfuzzer_sys::fuzz_target;
use taizhang::value::deadline::{Deadline, parse_deadline};

fuzz_target!(|data: &[u8]| {
    if data.is_empty() {
        return;
    }
    let year = 1900 + i32::from(data[0]) * 2;
    let text = String::from_utf8_lossy(&data[1..]);
    if let Some(p) = parse_deadline(&text, year) {
        if let Deadline::Date(d) = p.deadline {
            // A date read back from its canonical text is the same date.
            let again = parse_deadline(&p.deadline.canonical(), year).map(|x| x.deadline);
            assert_eq!(again, Some(Deadline::Date(d)));
        }
    }
});
