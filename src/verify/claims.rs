//! Published figures (`--expect measures=30 --expect 庆利社区:measures_done=6`) against the
//! counters of the ledger rows.

use super::summary::Grouped;
use super::{Discrepancy, Proof, ProofKind, Scope};
use crate::model::Counter;

/// What a claim counts: a counter of spec 4, or the number of units.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum ClaimKey {
    /// A counter.
    Counter(Counter),
    /// The number of units.
    Units,
}

impl ClaimKey {
    /// The key as written on the command line.
    pub(crate) fn key(self) -> &'static str {
        match self {
            ClaimKey::Counter(c) => c.key(),
            ClaimKey::Units => "communities",
        }
    }
}

/// A published figure to check: `measures=30`, or `庆利社区:measures_done=6`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Claim {
    /// The unit, or the totals when `None`.
    pub(crate) unit: Option<String>,
    /// What is counted.
    pub(crate) key: ClaimKey,
    /// The published value.
    pub(crate) value: u64,
}

/// Why a published figure could not be read.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum ClaimError {
    /// Not `KEY=N` nor `UNIT:KEY=N`.
    #[error("{claim}: write KEY=N or UNIT:KEY=N")]
    Form {
        /// The claim as written.
        claim: String,
    },
    /// The value is not a whole number.
    #[error("{claim}: {value} is not a whole number")]
    NotANumber {
        /// The claim as written.
        claim: String,
        /// The value as written.
        value: String,
    },
    /// The key names no counter.
    #[error("{claim}: unknown counter {key}")]
    UnknownCounter {
        /// The claim as written.
        claim: String,
        /// The key as written.
        key: String,
    },
}

impl ClaimKey {
    /// Every key a claim can count, in the summary's order.
    pub(crate) fn all() -> impl Iterator<Item = ClaimKey> {
        std::iter::once(ClaimKey::Units).chain(Counter::ALL.into_iter().map(ClaimKey::Counter))
    }

    /// The key a word names: its id (`measures_done`), the summary's header in Chinese or
    /// English (`措施`, `已完成`, `Measures`), or the counter said in full (`已完成措施`,
    /// `已整改问题`, `措施数`); `单位` or `社区` for the number of units.
    pub(crate) fn of_word(word: &str) -> Option<ClaimKey> {
        use crate::Lang;
        let w = word.trim();
        let w = w.strip_suffix('数').filter(|r| !r.is_empty()).unwrap_or(w);
        if ["communities", "units", "单位", "社区"].contains(&w) {
            return Some(ClaimKey::Units);
        }
        let counter = Counter::ALL.into_iter().find(|c| {
            c.key() == w
                || c.header(Lang::Zh) == w
                || c.header(Lang::En).eq_ignore_ascii_case(w)
                || full_word(*c) == Some(w)
        })?;
        Some(ClaimKey::Counter(counter))
    }
}

/// A counter said in full where the summary's header is short (`已完成` under 措施).
fn full_word(c: Counter) -> Option<&'static str> {
    match c {
        Counter::ProblemsDone => Some("已整改"),
        Counter::MeasuresDone => Some("已完成措施"),
        Counter::Overdue => Some("逾期措施"),
        Counter::DueSoon => Some("临期措施"),
        _ => None,
    }
}

impl std::str::FromStr for Claim {
    type Err = ClaimError;

    fn from_str(s: &str) -> Result<Claim, ClaimError> {
        let (lhs, value) = s.rsplit_once(['=', '＝']).ok_or_else(|| ClaimError::Form {
            claim: s.to_string(),
        })?;
        let value: u64 = crate::value::text::half_width(value.trim())
            .parse()
            .map_err(|_| ClaimError::NotANumber {
                claim: s.to_string(),
                value: value.to_string(),
            })?;
        let (unit, key) = match lhs.rsplit_once([':', '：']) {
            Some((c, k)) => (Some(c.trim().to_string()), k.trim().to_string()),
            None => (None, lhs.trim().to_string()),
        };
        let key = ClaimKey::of_word(&key).ok_or_else(|| ClaimError::UnknownCounter {
            claim: s.to_string(),
            key: key.clone(),
        })?;
        Ok(Claim { unit, key, value })
    }
}

/// The claims proof.
pub(crate) fn check(g: &Grouped, claims: &[Claim], out: &mut Vec<Discrepancy>) -> Proof {
    let before = out.len();
    for claim in claims {
        let actual = claimed_value(g, claim);
        if actual != claim.value {
            out.push(Discrepancy::Claim {
                claim: claim.clone(),
                actual,
            });
        }
    }
    Proof {
        kind: ProofKind::Claims,
        outcome: super::Outcome::of(out, before),
        scope: Scope::Claims {
            claims: claims.len(),
        },
    }
}

/// The value a claim states, recomputed from the rows (and, for findings, the findings rows).
pub(crate) fn claimed_value(g: &Grouped, claim: &Claim) -> u64 {
    match (&claim.unit, claim.key) {
        (Some(_), ClaimKey::Units) => 1,
        (Some(name), ClaimKey::Counter(k)) => g.units.get(name).map_or(0, |c| c[k]),
        (None, ClaimKey::Units) => g.of_rows.len() as u64,
        (None, ClaimKey::Counter(k)) => g.totals[k],
    }
}

#[cfg(test)]
mod examples {
    //! The examples of crate-private items, once in their documentation.

    /// `verify::claims::ClaimKey::of_word`
    #[test]
    fn claims_claim_key_of_word() {
        use crate::model::Counter;
        use crate::verify::claims::ClaimKey;
        assert_eq!(
            ClaimKey::of_word("措施"),
            Some(ClaimKey::Counter(Counter::Measures))
        );
        assert_eq!(
            ClaimKey::of_word("已完成措施"),
            Some(ClaimKey::Counter(Counter::MeasuresDone))
        );
        assert_eq!(ClaimKey::of_word("单位数"), Some(ClaimKey::Units));
        assert_eq!(ClaimKey::of_word("措施们"), None);
    }

    /// `verify::claims::Claim::from_str`
    #[test]
    fn claims_claim_from_str() {
        use crate::model::Counter;
        use crate::verify::claims::{Claim, ClaimKey};
        let c: Claim = "庆利社区:measures=6".parse().unwrap();
        assert_eq!(c.unit.as_deref(), Some("庆利社区"));
        assert_eq!((c.key, c.value), (ClaimKey::Counter(Counter::Measures), 6));
        let c: Claim = "庆利社区：已完成措施=3".parse().unwrap();
        assert_eq!(
            (c.key, c.value),
            (ClaimKey::Counter(Counter::MeasuresDone), 3)
        );
        assert!("bogus=1".parse::<Claim>().is_err());
    }
}
