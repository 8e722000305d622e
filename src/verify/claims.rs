//! Published figures (`--expect measures=30 --expect 庆利社区:measures_done=6`) against the
//! counters of the ledger rows.

use super::summary::Grouped;
use super::{Discrepancy, Proof, ProofKind, Scope};
use crate::model::Counter;

/// What a claim counts: a counter of spec 4, or the number of communities.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ClaimKey {
    /// A counter.
    Counter(Counter),
    /// The number of communities.
    Communities,
}

impl ClaimKey {
    /// The key as written on the command line.
    pub fn key(self) -> &'static str {
        match self {
            ClaimKey::Counter(c) => c.key(),
            ClaimKey::Communities => "communities",
        }
    }
}

/// A published figure to check: `measures=30`, or `庆利社区:measures_done=6`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Claim {
    /// The community, or the totals when `None`.
    pub community: Option<String>,
    /// What is counted.
    pub key: ClaimKey,
    /// The published value.
    pub value: u64,
}

impl std::str::FromStr for Claim {
    type Err = String;

    /// ```
    /// use taizhang::verify::claims::{Claim, ClaimKey};
    /// use taizhang::model::Counter;
    /// let c: Claim = "庆利社区:measures=6".parse().unwrap();
    /// assert_eq!(c.community.as_deref(), Some("庆利社区"));
    /// assert_eq!((c.key, c.value), (ClaimKey::Counter(Counter::Measures), 6));
    /// assert!("bogus=1".parse::<Claim>().is_err());
    /// ```
    fn from_str(s: &str) -> Result<Claim, String> {
        let (lhs, value) = s
            .rsplit_once('=')
            .ok_or_else(|| format!("{s}: write KEY=N or COMMUNITY:KEY=N"))?;
        let value: u64 = value
            .trim()
            .parse()
            .map_err(|_| format!("{s}: {value} is not a whole number"))?;
        let (community, key) = match lhs.rsplit_once([':', ':']) {
            Some((c, k)) => (Some(c.trim().to_string()), k.trim().to_string()),
            None => (None, lhs.trim().to_string()),
        };
        let key = match key.as_str() {
            "communities" => ClaimKey::Communities,
            k => ClaimKey::Counter(Counter::from_key(k).ok_or_else(|| {
                let keys: Vec<&str> = Counter::ALL.iter().map(|c| c.key()).collect();
                format!(
                    "{s}: unknown counter {key} (one of: communities, {})",
                    keys.join(", ")
                )
            })?),
        };
        Ok(Claim {
            community,
            key,
            value,
        })
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
    match (&claim.community, claim.key) {
        (Some(_), ClaimKey::Communities) => 1,
        (Some(name), ClaimKey::Counter(k)) => g.communities.get(name).map_or(0, |c| c[k]),
        (None, ClaimKey::Communities) => g.of_rows.len() as u64,
        (None, ClaimKey::Counter(k)) => g.totals[k],
    }
}
