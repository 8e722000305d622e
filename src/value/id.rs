//! A measure's stable ID (`措施ID`): assigned once, carried by every workbook taizhang writes
//! afterwards, so that a measure is the same measure from one round to the next whatever a
//! unit does to the order, the formatting or the file format of its list.
//!
//! An ID is 60 bits written as twelve characters of Crockford's base 32 in three groups,
//! `7K3M-X9QP-2HAV`: no `I`, `L`, `O` or `U`, so it survives being read aloud or retyped (a
//! retyped `i`/`l` reads as `1`, `o` as `0`; case and the dashes do not matter).
//!
//! A measure that has none is given one derived from what identifies it — its unit, its
//! problem's and its own text (without spaces or punctuation, half-width, lower case) and how
//! many measures with the same texts come before it — so that merging the same sources again
//! gives the same IDs, and a consolidated workbook written before IDs existed is read with the
//! IDs a merge of its sources gives.

use sha2::{Digest, Sha256};
use std::fmt;

const ALPHABET: &[u8; 32] = b"0123456789ABCDEFGHJKMNPQRSTVWXYZ";

/// A measure's ID.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub(crate) struct MeasureId(u64);

impl MeasureId {
    /// A value to start from before IDs are assigned.
    pub(crate) const UNASSIGNED: MeasureId = MeasureId(0);

    /// Reads an ID as written: twelve base-32 characters, with or without the dashes between
    /// groups of four, in either case; `I`/`L` read as `1` and `O` as `0`. Anything else is
    /// no ID.
    pub(crate) fn parse(text: &str) -> Option<MeasureId> {
        let t = text.trim();
        let mut v: u64 = 0;
        let mut n = 0;
        let mut dashes = 0;
        for c in t.chars() {
            if c == '-' {
                dashes += 1;
                continue;
            }
            let d = match c.to_ascii_uppercase() {
                'I' | 'L' => 1,
                'O' => 0,
                u => ALPHABET.iter().position(|a| char::from(*a) == u)? as u64,
            };
            v = (v << 5) | d;
            n += 1;
            if n > 12 {
                return None;
            }
        }
        (n == 12 && (dashes == 0 || (dashes == 2 && dash_places_ok(t)))).then_some(MeasureId(v))
    }

    /// The ID derived for a measure that has none (see the module's documentation): `unit`,
    /// `problem` and `measure` as the ledger holds them, `occurrence` the number of measures
    /// with the same unit and texts before it (from 0).
    #[cfg(test)]
    pub(crate) fn derive(unit: &str, problem: &str, measure: &str, occurrence: u32) -> MeasureId {
        Deriver::new(unit, problem).id(measure, occurrence)
    }
}

/// `MeasureId::derive` for the measures of one problem: the unit and the problem's text
/// are hashed once.
#[derive(Debug, Clone)]
pub(crate) struct Deriver(Sha256);

impl Deriver {
    /// The hash of a unit and a problem's text, ready for its measures.
    pub(crate) fn new(unit: &str, problem: &str) -> Deriver {
        let mut h = Sha256::new();
        h.update(unit.trim().as_bytes());
        h.update([0x1f]);
        feed_key(&mut h, problem);
        Deriver(h)
    }

    /// The ID of a measure of the problem.
    pub(crate) fn id(&self, measure: &str, occurrence: u32) -> MeasureId {
        let mut h = self.0.clone();
        feed_key(&mut h, measure);
        h.update(occurrence.to_le_bytes());
        let d: [u8; 32] = h.finalize().into();
        let mut b = [0u8; 8];
        b.copy_from_slice(&d[..8]);
        MeasureId(u64::from_be_bytes(b) >> 4)
    }
}

/// Feeds `match_key(text)` and a separator to the hash, without building the key.
fn feed_key(h: &mut Sha256, text: &str) {
    let mut buf = [0u8; 256];
    let mut n = 0;
    for c in folded(text) {
        if n + 4 > buf.len() {
            h.update(&buf[..n]);
            n = 0;
        }
        n += c.encode_utf8(&mut buf[n..]).len();
    }
    h.update(&buf[..n]);
    h.update([0x1f]);
}

fn dash_places_ok(t: &str) -> bool {
    let groups: Vec<&str> = t.split('-').collect();
    groups.len() == 3 && groups.iter().all(|g| g.chars().count() == 4)
}

impl fmt::Display for MeasureId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let mut s = [0u8; 14];
        let mut k = 0;
        for i in 0..12 {
            if i == 4 || i == 8 {
                s[k] = b'-';
                k += 1;
            }
            let d = (self.0 >> (5 * (11 - i))) & 31;
            s[k] = ALPHABET[d as usize];
            k += 1;
        }
        f.write_str(std::str::from_utf8(&s).unwrap_or_default())
    }
}

/// The form two texts are compared in when a measure is matched by its text: without spaces
/// or punctuation, half-width, lower case.
///
/// ```
/// use taizhang::value::id::match_key;
/// assert_eq!(match_key(" 召开 专题会议。"), "召开专题会议");
/// assert_eq!(match_key("ＡＢ,c"), "abc");
/// ```
pub fn match_key(s: &str) -> String {
    use crate::value::text::{half_width_char, is_punct, is_space};
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        // The CJK ideographs are neither space nor punctuation, and have no case.
        if ('\u{4E00}'..='\u{9FFF}').contains(&c) {
            out.push(c);
        } else if !is_space(c) && !is_punct(c) {
            out.extend(lower(half_width_char(c)));
        }
    }
    out
}

/// The characters of [`match_key`].
fn folded(s: &str) -> impl Iterator<Item = char> + '_ {
    use crate::value::text::{half_width_char, is_punct, is_space};
    s.chars()
        .filter(|c| !is_space(*c) && !is_punct(*c))
        .map(half_width_char)
        .flat_map(lower)
}

/// A character in lower case: at once for ASCII and the CJK blocks, which have no case.
fn lower(c: char) -> Lower {
    if c.is_ascii() {
        Lower::One(Some(c.to_ascii_lowercase()))
    } else if ('\u{2E80}'..='\u{9FFF}').contains(&c) || ('\u{F900}'..='\u{FAFF}').contains(&c) {
        Lower::One(Some(c))
    } else {
        Lower::Many(c.to_lowercase())
    }
}

enum Lower {
    One(Option<char>),
    Many(std::char::ToLowercase),
}

impl Iterator for Lower {
    type Item = char;

    fn next(&mut self) -> Option<char> {
        match self {
            Lower::One(c) => c.take(),
            Lower::Many(it) => it.next(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn aliases_and_malformed_forms() {
        let id = MeasureId::parse("0000-0000-0011").unwrap();
        assert_eq!(MeasureId::parse("oooo-oooo-ooil"), Some(id));
        assert_eq!(MeasureId::parse("0000-00000-011"), None);
        assert_eq!(MeasureId::parse("0000-0000-001U"), None);
        assert_eq!(MeasureId::parse("0000-0000-00111"), None);
        assert_eq!(MeasureId::parse(""), None);
        assert_eq!(MeasureId::parse("2023-06-30"), None);
    }

    proptest! {
        #[test]
        fn match_key_is_its_folded_characters(s in "[ a-zA-Z0-9,。、中文ＡＢ\u{3000}\u{A0}ΣÅİ]{0,24}") {
            prop_assert_eq!(match_key(&s), folded(&s).collect::<String>());
        }


        #[test]
        fn every_id_reads_back_from_its_text(v in 0u64..(1 << 60)) {
            let id = MeasureId(v);
            let text = id.to_string();
            prop_assert_eq!(text.len(), 14);
            prop_assert_eq!(MeasureId::parse(&text), Some(id));
            prop_assert_eq!(MeasureId::parse(&text.to_lowercase().replace('-', "")), Some(id));
        }

        #[test]
        fn parse_never_panics(s in "\\PC{0,20}") {
            let _ = MeasureId::parse(&s);
        }

        #[test]
        fn derived_ids_hash_the_match_keys(u in "\\PC{0,8}", p in "\\PC{0,300}", m in "\\PC{0,8}") {
            // The same as hashing the keys built whole.
            let mut h = Sha256::new();
            for part in [u.trim(), &match_key(&p), &match_key(&m)] {
                h.update(part.as_bytes());
                h.update([0x1f]);
            }
            h.update(0u32.to_le_bytes());
            let d: [u8; 32] = h.finalize().into();
            let mut b = [0u8; 8];
            b.copy_from_slice(&d[..8]);
            prop_assert_eq!(MeasureId::derive(&u, &p, &m, 0), MeasureId(u64::from_be_bytes(b) >> 4));
        }

        #[test]
        fn derived_ids_read_back(u in "\\PC{0,8}", p in "\\PC{0,8}", m in "\\PC{0,8}", k in 0u32..5) {
            let id = MeasureId::derive(&u, &p, &m, k);
            prop_assert_eq!(MeasureId::parse(&id.to_string()), Some(id));
        }
    }
}

#[cfg(test)]
mod examples {
    //! The examples of crate-private items, once in their documentation.

    /// `value::id::MeasureId`
    #[test]
    fn id_measure_id() {
        use crate::value::id::MeasureId;
        let id = MeasureId::parse(" 7k3m-x9qp-2hav ").unwrap();
        assert_eq!(id.to_string(), "7K3M-X9QP-2HAV");
        assert_eq!(MeasureId::parse("7K3MX9QP2HAV"), Some(id));
        assert_eq!(MeasureId::parse("1"), None);
        assert_eq!(MeasureId::parse("整改措施"), None);
    }

    /// `value::id::MeasureId::derive`
    #[test]
    fn id_measure_id_derive() {
        use crate::value::id::MeasureId;
        let a = MeasureId::derive("庆利社区", "学习不深入", "召开专题会议", 0);
        assert_eq!(
            a,
            MeasureId::derive("庆利社区", " 学习不深入。", "召开 专题会议", 0)
        );
        assert_ne!(
            a,
            MeasureId::derive("庆利社区", "学习不深入", "召开专题会议", 1)
        );
        assert_ne!(
            a,
            MeasureId::derive("新华社区", "学习不深入", "召开专题会议", 0)
        );
    }

    /// `value::id::Deriver`
    #[test]
    fn id_deriver() {
        use crate::value::id::{Deriver, MeasureId};
        let d = Deriver::new("庆利社区", "学习不深入");
        assert_eq!(
            d.id("召开专题会议", 1),
            MeasureId::derive("庆利社区", "学习不深入", "召开专题会议", 1)
        );
    }
}
