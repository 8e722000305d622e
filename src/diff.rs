//! What changed between two rounds of consolidated workbooks (`taizhang diff`).
//!
//! Measures are matched within each community: first by problem and measure text exactly (after
//! removing spaces and punctuation), then — for what is left — by similarity, so that small
//! edits to a text still match. Similarity is the Dice coefficient of the two texts' character
//! bigrams; a pair matches when its measures are at least 0.6 alike and its problems at least
//! 0.5 alike, best pairs first. What is left unmatched was removed (old) or added (new).
//!
//! For each matched pair: a different status category is `status-changed`; a different due date
//! `deadline-changed` (a later date is a postponement); a different leader, office or person
//! `responsibility-changed`; a different problem or measure text `text-changed`.

use crate::schema::ledger::Col;
use crate::source::consolidated::{Consolidated, LedgerRow};
use serde::{Serialize, Serializer};
use std::collections::{HashMap, HashSet, VecDeque};

/// What kind of change.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum ChangeKind {
    /// A measure in the new round that the old did not have.
    Added,
    /// A measure of the old round that the new does not have.
    Removed,
    /// The status category changed.
    StatusChanged,
    /// The due date changed.
    DeadlineChanged,
    /// The leader, office or person changed.
    ResponsibilityChanged,
    /// The problem or measure text changed.
    TextChanged,
}

/// A field whose change `diff` reports: the consolidated column compared.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ChangedField(pub Col);

impl ChangedField {
    /// The field's key, as JSON and the changes workbook write it (`status`, `deadline`,
    /// `leader`, `department`, `person`, `problem`, `measure`).
    pub fn key(self) -> &'static str {
        match self.0 {
            Col::Status => "status",
            Col::DeadlineDate => "deadline",
            Col::Leader => "leader",
            Col::Department => "department",
            Col::Person => "person",
            Col::Problem => "problem",
            Col::Measure => "measure",
            other => other.header(crate::Lang::En),
        }
    }
}

impl Serialize for ChangedField {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(self.key())
    }
}

/// One change.
#[derive(Debug, Clone, Serialize)]
pub struct Change {
    /// What kind.
    pub kind: ChangeKind,
    /// The community.
    pub community: String,
    /// The problem (new text when there is one).
    pub problem: String,
    /// The measure (new text when there is one).
    pub measure: String,
    /// The field that changed, for field changes.
    pub field: Option<ChangedField>,
    /// The old value.
    pub old: Option<String>,
    /// The new value.
    pub new: Option<String>,
    /// The old row's cell (`整改台账!L12`).
    pub old_cell: Option<String>,
    /// The new row's cell.
    pub new_cell: Option<String>,
    /// For a deadline change: the new date is later.
    pub postponed: bool,
}

fn norm(s: &str) -> String {
    s.chars()
        .filter(|c| !crate::value::text::is_space(*c) && !crate::value::text::is_punct(*c))
        .map(crate::value::text::half_width_char)
        .flat_map(char::to_lowercase)
        .collect()
}

/// The Dice coefficient of two texts' character bigrams, 0 to 1.
///
/// ```
/// use taizhang::diff::similarity;
/// assert_eq!(similarity("召开专题会议", "召开专题会议"), 1.0);
/// assert!(similarity("召开专题会议3次", "召开专题会议4次") > 0.6);
/// assert!(similarity("召开专题会议", "增设服务站") < 0.2);
/// ```
pub fn similarity(a: &str, b: &str) -> f64 {
    let (a, b) = (norm(a), norm(b));
    if a == b {
        return 1.0;
    }
    let grams = |s: &str| -> Vec<(char, char)> {
        let c: Vec<char> = s.chars().collect();
        if c.len() == 1 {
            return vec![(c[0], '\0')];
        }
        c.windows(2).map(|w| (w[0], w[1])).collect()
    };
    let (ga, gb) = (grams(&a), grams(&b));
    if ga.is_empty() || gb.is_empty() {
        return 0.0;
    }
    let mut counts: HashMap<(char, char), i32> = HashMap::new();
    for g in &ga {
        *counts.entry(*g).or_insert(0) += 1;
    }
    let mut common = 0;
    for g in &gb {
        if let Some(n) = counts.get_mut(g)
            && *n > 0
        {
            *n -= 1;
            common += 1;
        }
    }
    2.0 * common as f64 / (ga.len() + gb.len()) as f64
}

fn deadline_of(r: &LedgerRow) -> (Option<chrono::NaiveDate>, String) {
    let date = chrono::NaiveDate::parse_from_str(&r.text(Col::DeadlineDate), "%Y-%m-%d").ok();
    (date, r.text(Col::DeadlineWritten))
}

fn pairs(old: &[&LedgerRow], new: &[&LedgerRow]) -> (Vec<(usize, usize)>, Vec<usize>, Vec<usize>) {
    let key = |r: &LedgerRow| (norm(&r.text(Col::Problem)), norm(&r.text(Col::Measure)));
    let mut by_key: HashMap<(String, String), VecDeque<usize>> = HashMap::new();
    for (j, r) in new.iter().enumerate() {
        by_key.entry(key(r)).or_default().push_back(j);
    }
    let mut matched = Vec::new();
    let mut used_new = HashSet::new();
    let mut left_old = Vec::new();
    for (i, r) in old.iter().enumerate() {
        match by_key.get_mut(&key(r)).and_then(VecDeque::pop_front) {
            Some(j) => {
                matched.push((i, j));
                used_new.insert(j);
            }
            None => left_old.push(i),
        }
    }
    let left_new: Vec<usize> = (0..new.len()).filter(|j| !used_new.contains(j)).collect();
    // Fuzzy pass over what is left, best pairs first.
    let mut candidates = Vec::new();
    if left_old.len().saturating_mul(left_new.len()) <= 4_000_000 {
        for &i in &left_old {
            for &j in &left_new {
                let m = similarity(&old[i].text(Col::Measure), &new[j].text(Col::Measure));
                if m < 0.6 {
                    continue;
                }
                let p = similarity(&old[i].text(Col::Problem), &new[j].text(Col::Problem));
                if p < 0.5 {
                    continue;
                }
                candidates.push((0.65 * m + 0.35 * p, i, j));
            }
        }
    }
    candidates.sort_by(|a, b| b.0.total_cmp(&a.0).then(a.1.cmp(&b.1)).then(a.2.cmp(&b.2)));
    let (mut done_old, mut done_new) = (HashSet::new(), HashSet::new());
    for (_, i, j) in candidates {
        if !done_old.contains(&i) && !done_new.contains(&j) {
            done_old.insert(i);
            done_new.insert(j);
            matched.push((i, j));
        }
    }
    let removed = left_old
        .into_iter()
        .filter(|i| !done_old.contains(i))
        .collect();
    let added = left_new
        .into_iter()
        .filter(|j| !done_new.contains(j))
        .collect();
    (matched, removed, added)
}

/// The changes from `old` to `new`, postponements and removals first.
pub fn diff(old: &Consolidated, new: &Consolidated) -> Vec<Change> {
    let mut communities: Vec<String> = Vec::new();
    for r in old.rows.iter().chain(&new.rows) {
        let c = r.text(Col::Community);
        if !communities.contains(&c) {
            communities.push(c);
        }
    }
    let mut changes = Vec::new();
    for community in communities {
        let o: Vec<&LedgerRow> = old
            .rows
            .iter()
            .filter(|r| r.text(Col::Community) == community)
            .collect();
        let n: Vec<&LedgerRow> = new
            .rows
            .iter()
            .filter(|r| r.text(Col::Community) == community)
            .collect();
        let (mut matched, removed, added) = pairs(&o, &n);
        matched.sort();
        // `r` is the row whose texts the change shows: the new one when there is one.
        let base = |kind, a: Option<&LedgerRow>, b: Option<&LedgerRow>, r: &LedgerRow| Change {
            kind,
            community: community.clone(),
            problem: r.text(Col::Problem),
            measure: r.text(Col::Measure),
            field: None,
            old: None,
            new: None,
            old_cell: a.map(|a| a.cell(Col::Measure)),
            new_cell: b.map(|b| b.cell(Col::Measure)),
            postponed: false,
        };
        for (i, j) in matched {
            let (a, b) = (o[i], n[j]);
            let field_change = |kind, col: Col| {
                let mut c = base(kind, Some(a), Some(b), b);
                c.field = Some(ChangedField(col));
                c.old = Some(a.text(col));
                c.new = Some(b.text(col));
                c.old_cell = Some(a.cell(col));
                c.new_cell = Some(b.cell(col));
                c
            };
            if a.text(Col::Status) != b.text(Col::Status) {
                changes.push(field_change(ChangeKind::StatusChanged, Col::Status));
            }
            let ((da, wa), (db, wb)) = (deadline_of(a), deadline_of(b));
            let deadline_changed = match (da, db) {
                (Some(x), Some(y)) => x != y,
                _ => norm(&wa) != norm(&wb),
            };
            if deadline_changed {
                let mut c = field_change(ChangeKind::DeadlineChanged, Col::DeadlineDate);
                c.old = Some(da.map(|d| d.to_string()).unwrap_or(wa));
                c.new = Some(db.map(|d| d.to_string()).unwrap_or(wb));
                c.postponed = matches!((da, db), (Some(x), Some(y)) if y > x);
                changes.push(c);
            }
            for col in [Col::Leader, Col::Department, Col::Person] {
                if a.text(col) != b.text(col) {
                    changes.push(field_change(ChangeKind::ResponsibilityChanged, col));
                }
            }
            for col in [Col::Problem, Col::Measure] {
                if norm(&a.text(col)) != norm(&b.text(col)) {
                    changes.push(field_change(ChangeKind::TextChanged, col));
                }
            }
        }
        for i in removed {
            changes.push(base(ChangeKind::Removed, Some(o[i]), None, o[i]));
        }
        for j in added {
            changes.push(base(ChangeKind::Added, None, Some(n[j]), n[j]));
        }
    }
    // What an inspector looks for first: postponements, then removals, then the rest.
    changes.sort_by_key(|c| match (c.kind, c.postponed) {
        (ChangeKind::DeadlineChanged, true) => 0,
        (ChangeKind::Removed, _) => 1,
        (ChangeKind::StatusChanged, _) => 2,
        (ChangeKind::DeadlineChanged, false) => 3,
        (ChangeKind::ResponsibilityChanged, _) => 4,
        (ChangeKind::TextChanged, _) => 5,
        (ChangeKind::Added, _) => 6,
    });
    changes
}
