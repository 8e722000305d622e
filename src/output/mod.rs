//! Showing results on a terminal or as JSON: a run's [`crate::tally::Tally`] ([`human`],
//! [`json`]), `verify`'s verdict ([`verify`]) and `diff`'s changes ([`diff`]). Output never
//! re-derives facts; it lays out what [`crate::messages`] says of them.

use std::borrow::Cow;

/// Text from the inputs made safe for a terminal: control characters (escape sequences,
/// carriage returns, backspaces, C1 controls) and the Unicode controls that reorder text are
/// shown as `\x1B` or `\u{202E}` instead of acting on the terminal; line breaks and tabs stay.
///
/// ```
/// use taizhang::output::terminal_text;
/// assert_eq!(terminal_text("推进中\x1b[2J"), "推进中\\x1B[2J");
/// assert_eq!(terminal_text("a\rb\u{202E}c"), "a\\x0Db\\u{202E}c");
/// assert_eq!(terminal_text("两行\n文字\t"), "两行\n文字\t");
/// ```
pub fn terminal_text(s: &str) -> Cow<'_, str> {
    let unsafe_char = |c: char| {
        (c.is_control() && c != '\n' && c != '\t')
            || matches!(c, '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}' | '\u{200E}' | '\u{200F}')
    };
    if !s.chars().any(unsafe_char) {
        return Cow::Borrowed(s);
    }
    let mut out = String::with_capacity(s.len() + 8);
    for c in s.chars() {
        if !unsafe_char(c) {
            out.push(c);
        } else if (c as u32) < 0x100 {
            out.push_str(&format!("\\x{:02X}", c as u32));
        } else {
            out.push_str(&format!("\\u{{{:X}}}", c as u32));
        }
    }
    Cow::Owned(out)
}

pub mod columns;
pub mod diff;
pub mod human;
pub mod json;
pub mod verify;
