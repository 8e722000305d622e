#![no_main]
//! Enumeration splitting never panics; items are numbered 1, 2, 3 … and are parts of the cell.
use libfuzzer_sys::fuzz_target;
use taizhang::value::enumeration::split_enumeration;

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    if let Some(e) = split_enumeration(&text) {
        assert!(e.items.len() >= 2);
        for (i, item) in e.items.iter().enumerate() {
            assert_eq!(item.number as usize, i + 1);
            assert!(!item.text.is_empty());
            assert!(text.contains(item.text));
        }
    }
});
