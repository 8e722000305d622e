//! What changed between two rounds of consolidated workbooks (`taizhang diff`).
//!
//! **By ID.** When the new round follows the old one (`merge --follows`: its `来源` records the
//! old round's ledger digest), measures are matched by their IDs only ([`Matching::ById`]):
//! exact, nothing guessed — a row the unit added has no ID of the old round and is added, an
//! ID that did not come back is removed, whatever the texts say.
//!
//! **By ID, then by text.** Otherwise measures are matched within each unit: first by ID
//! (both rounds written by taizhang carry them; a source merged again gives unchanged measures
//! the same IDs), then by problem and measure text exactly (after
//! removing spaces and punctuation), then — for what is left — by similarity, so that small
//! edits to a text still match. Similarity is the Dice coefficient of the two texts' character
//! bigrams; a pair matches when its measures are at least 0.6 alike and its problems at least
//! 0.5 alike, best pairs first. What is left unmatched was removed (old) or added (new).
//!
//! For each matched pair: a different status category is `status-changed`; a different due date
//! `deadline-changed` (a later date is a postponement); a different completion date
//! `completed-on-changed`; a different leader, office or person `responsibility-changed`; a
//! different problem or measure text `text-changed`.

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
    /// The completion date changed (filled in, most often).
    CompletedOnChanged,
}

impl ChangeKind {
    /// Every kind, in the order of the enum (its index is how a spooled change records it).
    pub(crate) const ALL: [ChangeKind; 7] = [
        ChangeKind::Added,
        ChangeKind::Removed,
        ChangeKind::StatusChanged,
        ChangeKind::DeadlineChanged,
        ChangeKind::ResponsibilityChanged,
        ChangeKind::TextChanged,
        ChangeKind::CompletedOnChanged,
    ];
}

/// How `diff` matched the measures of the two rounds.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Matching {
    /// By ID only: the new round follows the old.
    ById,
    /// By ID, then by text, then by similarity.
    ByIdAndText,
}

impl Matching {
    /// How two rounds are matched: by ID only when `new` records that it follows `old`.
    pub(crate) fn of(
        old: &crate::source::consolidated::Meta,
        new: &crate::source::consolidated::Meta,
    ) -> Matching {
        match &new.follows {
            Some(d) if !old.ledger_digest.is_empty() && *d == old.ledger_digest => Matching::ById,
            _ => Matching::ByIdAndText,
        }
    }
}

/// A field whose change `diff` reports: the consolidated column compared.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct ChangedField(pub Col);

impl ChangedField {
    /// The field's key, as JSON and the changes workbook write it (`status`, `deadline`,
    /// `leader`, `department`, `person`, `problem`, `measure`).
    pub(crate) fn key(self) -> &'static str {
        match self.0 {
            Col::Status => "status",
            Col::DeadlineDate => "deadline",
            Col::Leader => "leader",
            Col::Department => "department",
            Col::Person => "person",
            Col::Problem => "problem",
            Col::Measure => "measure",
            Col::CompletedOn => "completed_on",
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
    /// The unit.
    #[serde(rename = "community")]
    pub(crate) unit: String,
    /// The problem (new text when there is one).
    pub(crate) problem: String,
    /// The measure (new text when there is one).
    pub(crate) measure: String,
    /// The field that changed, for field changes.
    pub(crate) field: Option<ChangedField>,
    /// The old value.
    pub(crate) old: Option<String>,
    /// The new value.
    pub(crate) new: Option<String>,
    /// The old row's cell (`整改台账!L12`).
    pub old_cell: Option<String>,
    /// The new row's cell.
    pub(crate) new_cell: Option<String>,
    /// For a deadline change: the new date is later.
    pub(crate) postponed: bool,
    /// The measure's ID (the new row's when there is one).
    pub(crate) id: Option<String>,
    /// For a measure added or removed: its status and deadline as its row has them.
    pub(crate) standing: Option<Standing>,
}

/// Where an added or removed measure stood.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub(crate) struct Standing {
    /// Its status category's word.
    pub(crate) status: String,
    /// Its due date (`YYYY-MM-DD`), else its deadline as written.
    pub(crate) deadline: String,
}

fn norm(s: &str) -> String {
    crate::value::id::match_key(s)
}

/// The Dice coefficient of two texts' character bigrams, 0 to 1.
pub(crate) fn similarity(a: &str, b: &str) -> f64 {
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

/// Matched pairs (old, new, whether their problem and measure texts are the same after
/// [`norm`]), the old rows left (removed) and the new rows left (added).
type Pairs = (Vec<(usize, usize, bool)>, Vec<usize>, Vec<usize>);

fn pairs(old: &[&LedgerRow], new: &[&LedgerRow], matching: Matching) -> Pairs {
    let id = |r: &&LedgerRow| crate::value::id::MeasureId::parse(&r.get(Col::Id).canonical_cow());
    let old_ids: Vec<_> = old.iter().map(id).collect();
    let new_ids: Vec<_> = new.iter().map(id).collect();
    let mut load = |o: &[usize], n: &[usize]| {
        Ok((
            o.iter().map(|i| old[*i].clone()).collect(),
            n.iter().map(|j| new[*j].clone()).collect(),
        ))
    };
    // Rows in memory cannot fail to load.
    pairs_of(&old_ids, &new_ids, matching, &mut load).unwrap_or_default()
}

/// The rows of a unit the text passes need, by their indices among its old and new rows.
type Loader<'a> =
    dyn FnMut(&[usize], &[usize]) -> std::io::Result<(Vec<LedgerRow>, Vec<LedgerRow>)> + 'a;

/// [`pairs`] from the rows' IDs (`old_ids`, `new_ids`, in row order), loading through `load`
/// only the rows the ID pass leaves for the text passes: a unit matched by ID is never
/// in memory as rows.
fn pairs_of(
    old_ids: &[Option<crate::value::id::MeasureId>],
    new_ids: &[Option<crate::value::id::MeasureId>],
    matching: Matching,
    load: &mut Loader<'_>,
) -> std::io::Result<Pairs> {
    use crate::value::id::MeasureId;
    // By ID first: an ID appears once in a round (a repeat is a `duplicate-id` finding; its
    // second row is left to the passes below).
    let mut by_id: HashMap<MeasureId, usize> = HashMap::new();
    for (j, k) in new_ids.iter().enumerate() {
        if let Some(k) = k {
            by_id.entry(*k).or_insert(j);
        }
    }
    let mut matched = Vec::new();
    let mut used_new = vec![false; new_ids.len()];
    let mut rest_old: Vec<usize> = Vec::new();
    for (i, k) in old_ids.iter().enumerate() {
        match k.and_then(|k| by_id.remove(&k)) {
            Some(j) => {
                matched.push((i, j, false));
                used_new[j] = true;
            }
            None => rest_old.push(i),
        }
    }
    let rest_new: Vec<usize> = (0..new_ids.len()).filter(|j| !used_new[*j]).collect();
    if matching == Matching::ById {
        return Ok((matched, rest_old, rest_new));
    }
    if rest_old.is_empty() || rest_new.is_empty() {
        return Ok((matched, rest_old, rest_new));
    }
    let (ro, rn) = load(&rest_old, &rest_new)?;
    let old_row: HashMap<usize, &LedgerRow> = rest_old.iter().copied().zip(&ro).collect();
    let new_row: HashMap<usize, &LedgerRow> = rest_new.iter().copied().zip(&rn).collect();
    let key = |r: &LedgerRow| {
        (
            norm(&r.get(Col::Problem).canonical_cow()),
            norm(&r.get(Col::Measure).canonical_cow()),
        )
    };
    let mut by_key: HashMap<(String, String), VecDeque<usize>> = HashMap::new();
    for (j, r) in rest_new.iter().zip(&rn) {
        by_key.entry(key(r)).or_default().push_back(*j);
    }
    let mut left_old = Vec::new();
    for (i, r) in rest_old.iter().zip(&ro) {
        match by_key.get_mut(&key(r)).and_then(VecDeque::pop_front) {
            Some(j) => {
                matched.push((*i, j, true));
                used_new[j] = true;
            }
            None => left_old.push(*i),
        }
    }
    let left_new: Vec<usize> = rest_new.into_iter().filter(|j| !used_new[*j]).collect();
    // Fuzzy pass over what is left, best pairs first.
    let mut candidates = Vec::new();
    if left_old.len().saturating_mul(left_new.len()) <= 4_000_000 {
        for &i in &left_old {
            for &j in &left_new {
                let (a, b) = (old_row[&i], new_row[&j]);
                let m = similarity(&a.text(Col::Measure), &b.text(Col::Measure));
                if m < 0.6 {
                    continue;
                }
                let p = similarity(&a.text(Col::Problem), &b.text(Col::Problem));
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
            matched.push((i, j, false));
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
    Ok((matched, removed, added))
}

/// The changes of one unit's measures, from its old rows to its new ones, in the order
/// of the rows: matched pairs' changes, then removals, then additions.
fn unit_changes(unit: &str, o: &[&LedgerRow], n: &[&LedgerRow], matching: Matching) -> Vec<Change> {
    let found = pairs(o, n, matching);
    // Rows in memory cannot fail to load.
    changes_of(unit, found, &mut |i| Ok(o[i].clone()), &mut |j| {
        Ok(n[j].clone())
    })
    .unwrap_or_default()
}

/// The changes of one unit from its matched pairs, removed and added rows (by their
/// indices among its old and new rows), each row loaded through `old_row` or `new_row` when
/// its change is made: matched pairs' changes in the order of the old rows, then removals,
/// then additions.
fn changes_of(
    unit: &str,
    (mut matched, removed, added): Pairs,
    old_row: &mut dyn FnMut(usize) -> std::io::Result<LedgerRow>,
    new_row: &mut dyn FnMut(usize) -> std::io::Result<LedgerRow>,
) -> std::io::Result<Vec<Change>> {
    let mut changes = Vec::new();
    matched.sort();
    // `r` is the row whose texts the change shows: the new one when there is one.
    let base = |kind, a: Option<&LedgerRow>, b: Option<&LedgerRow>, r: &LedgerRow| Change {
        kind,
        unit: unit.to_string(),
        problem: r.text(Col::Problem),
        measure: r.text(Col::Measure),
        field: None,
        old: None,
        new: None,
        old_cell: a.map(|a| a.cell(Col::Measure)),
        new_cell: b.map(|b| b.cell(Col::Measure)),
        postponed: false,
        id: Some(r.text(Col::Id)).filter(|i| !i.is_empty()),
        standing: matches!(kind, ChangeKind::Added | ChangeKind::Removed).then(|| {
            let (date, written) = deadline_of(r);
            Standing {
                status: r.text(Col::Status),
                deadline: date.map(|d| d.to_string()).unwrap_or(written),
            }
        }),
    };
    let same = |a: &LedgerRow, b: &LedgerRow, col: Col| {
        a.get(col).canonical_cow() == b.get(col).canonical_cow()
    };
    for (i, j, same_texts) in matched {
        let (a, b) = (&old_row(i)?, &new_row(j)?);
        let field_change = |kind, col: Col| {
            let mut c = base(kind, Some(a), Some(b), b);
            c.field = Some(ChangedField(col));
            c.old = Some(a.text(col));
            c.new = Some(b.text(col));
            c.old_cell = Some(a.cell(col));
            c.new_cell = Some(b.cell(col));
            c
        };
        // By category, whatever language each workbook was written in.
        let category = |r: &LedgerRow| {
            let w = r.text(Col::Status);
            crate::schema::ledger::status_of_word(&w, crate::Lang::Zh)
                .or_else(|| crate::schema::ledger::status_of_word(&w, crate::Lang::En))
                .ok_or(w)
        };
        if category(a) != category(b) {
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
        if !same(a, b, Col::CompletedOn) {
            changes.push(field_change(
                ChangeKind::CompletedOnChanged,
                Col::CompletedOn,
            ));
        }
        for col in [Col::Leader, Col::Department, Col::Person] {
            if !same(a, b, col) {
                changes.push(field_change(ChangeKind::ResponsibilityChanged, col));
            }
        }
        // A pair matched by its texts has the same texts, after `norm`, by definition.
        for col in [Col::Problem, Col::Measure] {
            if !same_texts && !same(a, b, col) && norm(&a.text(col)) != norm(&b.text(col)) {
                changes.push(field_change(ChangeKind::TextChanged, col));
            }
        }
    }
    for i in removed {
        let r = old_row(i)?;
        changes.push(base(ChangeKind::Removed, Some(&r), None, &r));
    }
    for j in added {
        let r = new_row(j)?;
        changes.push(base(ChangeKind::Added, None, Some(&r), &r));
    }
    Ok(changes)
}

/// The units of both rounds in order of first appearance (the old round's rows, then
/// the new's), each with its number.
#[derive(Debug, Default)]
struct Units {
    order: Vec<String>,
    index: HashMap<String, usize>,
}

impl Units {
    fn of(&mut self, unit: &str) -> usize {
        if let Some(i) = self.index.get(unit) {
            return *i;
        }
        self.order.push(unit.to_string());
        self.index.insert(unit.to_string(), self.order.len() - 1);
        self.order.len() - 1
    }
}

/// The number of places in the order of changes ([`rank`]).
pub(crate) const RANKS: usize = 8;

/// A change's place in the order an inspector reads them: postponements, then removals,
/// statuses, completion dates, other deadline changes, responsibility, texts, additions.
pub(crate) fn rank(c: &Change) -> usize {
    match (c.kind, c.postponed) {
        (ChangeKind::DeadlineChanged, true) => 0,
        (ChangeKind::Removed, _) => 1,
        (ChangeKind::StatusChanged, _) => 2,
        (ChangeKind::CompletedOnChanged, _) => 3,
        (ChangeKind::DeadlineChanged, false) => 4,
        (ChangeKind::ResponsibilityChanged, _) => 5,
        (ChangeKind::TextChanged, _) => 6,
        (ChangeKind::Added, _) => 7,
    }
}

/// Every unit's changes, in unit order, postponements and removals first.
fn in_order(mut by_unit: Vec<Vec<Change>>) -> Vec<Change> {
    let mut changes: Vec<Change> = by_unit.iter_mut().flat_map(std::mem::take).collect();
    changes.sort_by_key(rank);
    changes
}

/// Where a unit's changes of each rank are in the spool: (offset, bytes, count).
type RankBlocks = [(u64, u64, u64); RANKS];

/// The changes of [`diff_files`], in their order, waiting in a temporary file: in memory only
/// how many of each rank each unit has and where they are; the changes are read back one
/// at a time ([`Changes::iter`]), so memory does not grow with them.
#[derive(Debug)]
pub struct Changes {
    file: std::fs::File,
    /// By unit, in unit order: for each rank, (offset, bytes, count).
    blocks: Vec<(String, RankBlocks)>,
}

fn put_opt(w: &mut Vec<u8>, s: Option<&str>) {
    match s {
        None => w.push(0),
        Some(t) => {
            w.push(1);
            // Writing to a Vec cannot fail but on a text over 4 GB, which no cell holds.
            let _ = put_str(w, t);
        }
    }
}

fn get_opt(r: &mut impl std::io::Read) -> std::io::Result<Option<String>> {
    match get_bytes::<1>(r)? {
        [0] => Ok(None),
        _ => Ok(Some(get_str(r)?)),
    }
}

fn put_change(w: &mut Vec<u8>, c: &Change) {
    let kind = ChangeKind::ALL
        .iter()
        .position(|k| *k == c.kind)
        .unwrap_or(0);
    w.push(kind as u8);
    w.push(u8::from(c.postponed));
    let field = c.field.map_or(u16::MAX, |f| f.0.index());
    w.extend_from_slice(&field.to_le_bytes());
    for t in [&c.unit, &c.problem, &c.measure] {
        put_opt(w, Some(t));
    }
    for t in [&c.old, &c.new, &c.old_cell, &c.new_cell, &c.id] {
        put_opt(w, t.as_deref());
    }
    put_opt(w, c.standing.as_ref().map(|s| s.status.as_str()));
    put_opt(w, c.standing.as_ref().map(|s| s.deadline.as_str()));
}

fn get_change(r: &mut impl std::io::Read) -> std::io::Result<Change> {
    let damaged = || std::io::Error::other("a damaged temporary file");
    let [kind, postponed] = get_bytes::<2>(r)?;
    let kind = *ChangeKind::ALL.get(usize::from(kind)).ok_or_else(damaged)?;
    let field = u16::from_le_bytes(get_bytes(r)?);
    let field = match field {
        u16::MAX => None,
        i => Some(ChangedField(
            *Col::ALL.get(usize::from(i)).ok_or_else(damaged)?,
        )),
    };
    let mut text = || get_opt(r).and_then(|t| t.ok_or_else(damaged));
    let (unit, problem, measure) = (text()?, text()?, text()?);
    Ok(Change {
        kind,
        unit,
        problem,
        measure,
        field,
        old: get_opt(r)?,
        new: get_opt(r)?,
        old_cell: get_opt(r)?,
        new_cell: get_opt(r)?,
        postponed: postponed == 1,
        id: get_opt(r)?,
        standing: match (get_opt(r)?, get_opt(r)?) {
            (Some(status), Some(deadline)) => Some(Standing { status, deadline }),
            _ => None,
        },
    })
}

/// Where the comparing threads put each unit's changes.
struct ChangeSpool {
    file: std::io::BufWriter<std::fs::File>,
    at: u64,
    blocks: HashMap<String, RankBlocks>,
}

impl ChangeSpool {
    fn put(&mut self, unit: &str, changes: &[Change]) -> std::io::Result<()> {
        use std::io::Write;
        let mut index = [(0, 0, 0); RANKS];
        for (r, slot) in index.iter_mut().enumerate() {
            let mut buf = Vec::new();
            let mut n = 0;
            for c in changes.iter().filter(|c| rank(c) == r) {
                put_change(&mut buf, c);
                n += 1;
            }
            self.file.write_all(&buf)?;
            *slot = (self.at, buf.len() as u64, n);
            self.at += buf.len() as u64;
        }
        self.blocks.insert(unit.to_string(), index);
        Ok(())
    }
}

impl Changes {
    /// How many changes.
    pub fn len(&self) -> u64 {
        self.blocks
            .iter()
            .flat_map(|(_, b)| b.iter())
            .map(|b| b.2)
            .sum()
    }

    /// True when there is no change.
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// How many changes of each rank (`rank`).
    pub fn rank_counts(&self) -> [u64; RANKS] {
        let mut out = [0; RANKS];
        for (_, b) in &self.blocks {
            for (r, x) in b.iter().enumerate() {
                out[r] += x.2;
            }
        }
        out
    }

    /// Each unit's changes by rank, in order of its first change in the order of
    /// [`Changes::iter`].
    pub fn unit_counts(&self) -> Vec<(&str, [u64; RANKS])> {
        let mut out: Vec<(&str, [u64; RANKS])> = Vec::new();
        for r in 0..RANKS {
            for (c, b) in &self.blocks {
                if b[r].2 > 0 && !out.iter().any(|(u, _)| *u == c.as_str()) {
                    out.push((c.as_str(), b.map(|x| x.2)));
                }
            }
        }
        out
    }

    /// The changes in their order: by rank, then unit, then the unit's rows.
    pub fn iter(&self) -> impl Iterator<Item = std::io::Result<Change>> + '_ {
        (0..RANKS)
            .flat_map(move |r| self.blocks.iter().map(move |(_, b)| b[r]))
            .filter(|b| b.2 > 0)
            .flat_map(move |(offset, len, count)| {
                use std::io::{Read, Seek};
                let mut f = &self.file;
                let read = f.seek(std::io::SeekFrom::Start(offset)).and_then(|_| {
                    let mut buf = vec![0u8; len as usize];
                    f.read_exact(&mut buf)?;
                    Ok(buf)
                });
                let (mut cursor, mut failed) = match read {
                    Ok(buf) => (std::io::Cursor::new(buf), None),
                    Err(e) => (std::io::Cursor::new(Vec::new()), Some(e)),
                };
                (0..count).map_while(move |_| {
                    if let Some(e) = failed.take() {
                        return Some(Err(e));
                    }
                    Some(get_change(&mut cursor))
                })
            })
    }
}

/// The changes from `old` to `new` (workbooks read with their rows), postponements and
/// removals first. [`diff_files`] gives the same changes from the files, reading each once.
pub fn diff(old: &Consolidated, new: &Consolidated) -> Vec<Change> {
    let matching = Matching::of(&old.meta, &new.meta);
    let mut units = Units::default();
    let mut rows: Vec<(Vec<&LedgerRow>, Vec<&LedgerRow>)> = Vec::new();
    for (side, r) in old
        .rows
        .iter()
        .map(|r| (0, r))
        .chain(new.rows.iter().map(|r| (1, r)))
    {
        let i = units.of(&r.get(Col::Unit).canonical_cow());
        if rows.len() <= i {
            rows.push((Vec::new(), Vec::new()));
        }
        if side == 0 {
            rows[i].0.push(r);
        } else {
            rows[i].1.push(r);
        }
    }
    in_order(
        units
            .order
            .iter()
            .zip(&rows)
            .map(|(c, (o, n))| unit_changes(c, o, n, matching))
            .collect(),
    )
}

/// Why `diff` of two files stopped.
#[derive(Debug, thiserror::Error)]
pub enum DiffError {
    /// A workbook could not be read.
    #[error(transparent)]
    Read(#[from] crate::source::consolidated::ReadError),
    /// The temporary files the rows wait in failed.
    #[error("temporary files: {0}")]
    Spool(#[from] std::io::Error),
}

/// The columns of a row that `diff` compares or shows.
const KEPT: [Col; 11] = [
    Col::Unit,
    Col::Id,
    Col::CompletedOn,
    Col::Problem,
    Col::Measure,
    Col::Status,
    Col::DeadlineDate,
    Col::DeadlineWritten,
    Col::Leader,
    Col::Department,
    Col::Person,
];

/// One round's rows, cut by unit into temporary files (a grace hash join): the rows of
/// a unit are in the file its name hashes to, in the same file for both rounds.
struct Spool {
    files: Vec<std::io::BufWriter<std::fs::File>>,
    /// A read row's values: up to the last kept column (`LedgerRow::get` reads those beyond
    /// as empty).
    width: usize,
    sheets: Vec<String>,
    units: Units,
    /// The file of each unit, by its number.
    partition: Vec<usize>,
}

fn put_str(w: &mut impl std::io::Write, s: &str) -> std::io::Result<()> {
    let len = u32::try_from(s.len()).map_err(std::io::Error::other)?;
    w.write_all(&len.to_le_bytes())?;
    w.write_all(s.as_bytes())
}

fn get_bytes<const N: usize>(r: &mut impl std::io::Read) -> std::io::Result<[u8; N]> {
    let mut b = [0u8; N];
    r.read_exact(&mut b)?;
    Ok(b)
}

fn get_str(r: &mut impl std::io::Read) -> std::io::Result<String> {
    let len = u32::from_le_bytes(get_bytes(r)?) as usize;
    let mut b = vec![0u8; len];
    r.read_exact(&mut b)?;
    String::from_utf8(b).map_err(std::io::Error::other)
}

/// The file a unit's rows go to: FNV-1a of its name, the same in both rounds.
fn partition_of(unit: &str, partitions: usize) -> usize {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for b in unit.bytes() {
        h ^= u64::from(b);
        h = h.wrapping_mul(0x0000_0100_0000_01b3);
    }
    (h % partitions.max(1) as u64) as usize
}

impl Spool {
    fn new(partitions: usize) -> std::io::Result<Spool> {
        let files = (0..partitions)
            .map(|_| {
                Ok(std::io::BufWriter::with_capacity(
                    1 << 12,
                    tempfile::tempfile()?,
                ))
            })
            .collect::<std::io::Result<_>>()?;
        Ok(Spool {
            files,
            width: KEPT
                .iter()
                .map(|c| usize::from(c.index()) + 1)
                .max()
                .unwrap_or(0),
            sheets: Vec::new(),
            units: Units::default(),
            partition: Vec::new(),
        })
    }

    fn push(&mut self, r: &LedgerRow) -> std::io::Result<()> {
        use crate::schema::ledger::Out;
        use std::io::Write;
        let name = r.get(Col::Unit).canonical_cow();
        let c = self.units.of(&name);
        if self.partition.len() <= c {
            self.partition.push(partition_of(&name, self.files.len()));
        }
        let sheet = match self.sheets.iter().position(|s| *s == r.sheet) {
            Some(k) => k,
            None => {
                self.sheets.push(r.sheet.clone());
                self.sheets.len() - 1
            }
        };
        let w = &mut self.files[self.partition[c]];
        w.write_all(&(c as u32).to_le_bytes())?;
        w.write_all(&(sheet as u32).to_le_bytes())?;
        w.write_all(&r.row.to_le_bytes())?;
        for col in KEPT {
            match r.get(col) {
                Out::Empty => w.write_all(&[0])?,
                Out::Text(t) => {
                    w.write_all(&[1])?;
                    put_str(w, t)?;
                }
                Out::Number(n) => {
                    w.write_all(&[2])?;
                    w.write_all(&n.to_le_bytes())?;
                }
                Out::Date(d) => {
                    w.write_all(&[3])?;
                    w.write_all(&chrono::Datelike::num_days_from_ce(d).to_le_bytes())?;
                }
            }
        }
        Ok(())
    }

    /// Ends the writing: the files, rewound, with their lengths.
    fn finish(&mut self) -> std::io::Result<Vec<(std::fs::File, u64)>> {
        use std::io::Seek;
        std::mem::take(&mut self.files)
            .into_iter()
            .map(|w| {
                let mut f = w.into_inner().map_err(|e| e.into_error())?;
                let len = f.stream_position()?;
                f.rewind()?;
                Ok((f, len))
            })
            .collect()
    }

    /// One record's row and its unit's number, from a reader at the record's start.
    fn record(&self, r: &mut impl std::io::Read) -> std::io::Result<(usize, LedgerRow)> {
        use crate::schema::ledger::Out;
        let c = u32::from_le_bytes(get_bytes(r)?) as usize;
        let sheet = u32::from_le_bytes(get_bytes(r)?) as usize;
        let row = u32::from_le_bytes(get_bytes(r)?);
        let mut values = vec![Out::Empty; self.width];
        for col in KEPT {
            let [tag] = get_bytes::<1>(r)?;
            let v = match tag {
                0 => Out::Empty,
                1 => Out::Text(get_str(r)?),
                2 => Out::Number(f64::from_le_bytes(get_bytes(r)?)),
                3 => {
                    let days = i32::from_le_bytes(get_bytes(r)?);
                    Out::Date(
                        chrono::NaiveDate::from_num_days_from_ce_opt(days)
                            .ok_or_else(|| std::io::Error::other("a date out of range"))?,
                    )
                }
                _ => return Err(std::io::Error::other("a damaged temporary file")),
            };
            if let Some(slot) = values.get_mut(usize::from(col.index())) {
                *slot = v;
            }
        }
        let row = LedgerRow {
            sheet: self.sheets.get(sheet).cloned().unwrap_or_default(),
            row,
            values,
            digest: String::new(),
        };
        Ok((c, row))
    }

    /// The keys of one file's rows, in order: each row's unit, ID and place. The rows
    /// themselves are read again, one at a time, when a change needs them ([`Rows`]).
    fn keys(&self, file: &std::fs::File, len: u64) -> std::io::Result<Vec<Key>> {
        use crate::value::id::MeasureId;
        use std::io::Seek;
        let mut start = file;
        start.rewind()?;
        let mut r = Counted {
            inner: std::io::BufReader::with_capacity(1 << 16, file),
            at: 0,
        };
        let mut keys = Vec::new();
        while r.at < len {
            let at = r.at;
            let unit = u32::from_le_bytes(get_bytes(&mut r)?) as usize;
            // The sheet and the row, then the values: only the ID is read, the rest skipped.
            skip(&mut r, 8)?;
            let mut id = None;
            for col in KEPT {
                match (get_bytes::<1>(&mut r)?, col) {
                    ([1], Col::Id) => id = MeasureId::parse(&get_str(&mut r)?),
                    ([1], _) => {
                        let n = u32::from_le_bytes(get_bytes(&mut r)?);
                        skip(&mut r, u64::from(n))?;
                    }
                    ([2], _) => skip(&mut r, 8)?,
                    ([3], _) => skip(&mut r, 4)?,
                    ([0], _) => {}
                    _ => return Err(std::io::Error::other("a damaged temporary file")),
                }
            }
            keys.push(Key { unit, id, at });
        }
        Ok(keys)
    }
}

/// Reads past `n` bytes.
fn skip<R: std::io::Read>(r: &mut R, n: u64) -> std::io::Result<()> {
    let copied = std::io::copy(&mut std::io::Read::take(r, n), &mut std::io::sink())?;
    if copied < n {
        return Err(std::io::Error::other("a damaged temporary file"));
    }
    Ok(())
}

/// A reader that counts the bytes read through it.
struct Counted<R> {
    inner: R,
    at: u64,
}

impl<R: std::io::Read> std::io::Read for Counted<R> {
    fn read(&mut self, buf: &mut [u8]) -> std::io::Result<usize> {
        let n = self.inner.read(buf)?;
        self.at += n as u64;
        Ok(n)
    }
}

/// A row's key in a spool file: its unit's number, its ID, where its record starts.
struct Key {
    unit: usize,
    id: Option<crate::value::id::MeasureId>,
    at: u64,
}

/// The rows of a spool file, read one at a time by where they start: forward within the
/// buffer where it can (the rows of a change come mostly in file order).
struct Rows<'f> {
    spool: &'f Spool,
    r: Counted<std::io::BufReader<&'f std::fs::File>>,
}

impl<'f> Rows<'f> {
    fn new(spool: &'f Spool, file: &'f std::fs::File) -> Rows<'f> {
        Rows {
            spool,
            r: Counted {
                inner: std::io::BufReader::with_capacity(1 << 16, file),
                // Unknown until the first seek.
                at: u64::MAX,
            },
        }
    }

    fn at(&mut self, at: u64) -> std::io::Result<LedgerRow> {
        use std::io::Seek;
        if at != self.r.at {
            match at.checked_sub(self.r.at) {
                Some(ahead) if ahead < 1 << 15 => {
                    self.r.inner.seek_relative(ahead as i64)?;
                }
                _ => {
                    self.r.inner.seek(std::io::SeekFrom::Start(at))?;
                }
            }
            self.r.at = at;
        }
        Ok(self.spool.record(&mut self.r)?.1)
    }
}

/// Compares the units of one spool file of each round (the same units' rows, as
/// they hash to the same file): matched by their rows' keys, each change made from its two
/// rows read again from the files. Memory holds the keys, not the rows.
#[allow(clippy::too_many_arguments)]
fn compare_file(
    old: &Spool,
    of: &std::fs::File,
    ol: u64,
    new: &Spool,
    nf: &std::fs::File,
    nl: u64,
    matching: Matching,
    found: &std::sync::Mutex<ChangeSpool>,
) -> std::io::Result<()> {
    let (ok, nk) = (old.keys(of, ol)?, new.keys(nf, nl)?);
    let name = |s: &Spool, c: usize| s.units.order.get(c).cloned().unwrap_or_default();
    let mut groups: HashMap<String, (Vec<&Key>, Vec<&Key>)> = HashMap::new();
    for k in &ok {
        groups.entry(name(old, k.unit)).or_default().0.push(k);
    }
    for k in &nk {
        groups.entry(name(new, k.unit)).or_default().1.push(k);
    }
    let (mut orows, mut nrows) = (Rows::new(old, of), Rows::new(new, nf));
    for (c, (o, n)) in groups {
        let oids: Vec<_> = o.iter().map(|k| k.id).collect();
        let nids: Vec<_> = n.iter().map(|k| k.id).collect();
        let pairs = pairs_of(&oids, &nids, matching, &mut |io, jn| {
            let a = io
                .iter()
                .map(|i| orows.at(o[*i].at))
                .collect::<std::io::Result<Vec<_>>>()?;
            let b = jn
                .iter()
                .map(|j| nrows.at(n[*j].at))
                .collect::<std::io::Result<Vec<_>>>()?;
            Ok((a, b))
        })?;
        let changes = changes_of(&c, pairs, &mut |i| orows.at(o[i].at), &mut |j| {
            nrows.at(n[j].at)
        })?;
        found
            .lock()
            .map_err(|_| std::io::Error::other("a comparing thread failed"))?
            .put(&c, &changes)?;
    }
    Ok(())
}

/// Reads one round into a spool, its rows streamed.
fn spool_round(
    opened: crate::source::consolidated::Opened,
    partitions: usize,
) -> Result<(Spool, Consolidated), DiffError> {
    let mut spool = Spool::new(partitions)?;
    let mut failed: Option<std::io::Error> = None;
    let c = opened.rows(&mut |_, r| {
        if failed.is_none() {
            failed = spool.push(&r).err();
        }
    })?;
    match failed {
        Some(e) => Err(e.into()),
        None => Ok((spool, c)),
    }
}

/// The changes from the consolidated workbook `old` to `new`, as [`diff`] of the two read
/// whole gives them, reading each file once as a stream, the two at once: the rows wait in
/// temporary files cut by unit, and the rows of one file of each round (a share of the
/// units) are in memory at a time. Returns the new workbook's record too (its language
/// and as-of date), without rows, and how the rounds were matched.
pub fn diff_files(
    old: &std::path::Path,
    new: &std::path::Path,
    limits: &crate::source::guard::Limits,
) -> Result<(Changes, Consolidated, Matching), DiffError> {
    use crate::source::consolidated::open_consolidated_rows;
    let size = |p: &std::path::Path| std::fs::metadata(p).map(|m| m.len()).unwrap_or(0);
    // About 1 MB of workbook to a file: a few MB of rows in memory at once.
    let partitions = ((size(old) + size(new)) / (1 << 20)).clamp(4, 240) as usize;
    let old = open_consolidated_rows(old, limits)?;
    let new = open_consolidated_rows(new, limits)?;
    let (old, new) = crate::pool::join(
        || spool_round(old, partitions),
        || spool_round(new, partitions),
    );
    let failed = |p: crate::pool::Panicked| DiffError::from(std::io::Error::other(p.to_string()));
    let (mut old, old_book) = old.map_err(failed)??;
    let (mut new, new_book) = new.map_err(failed)??;
    let matching = Matching::of(&old_book.meta, &new_book.meta);
    let files: Vec<_> = old.finish()?.into_iter().zip(new.finish()?).collect();
    // Each file's units compared, on two threads.
    let found = std::sync::Mutex::new(ChangeSpool {
        file: std::io::BufWriter::with_capacity(1 << 16, tempfile::tempfile()?),
        at: 0,
        blocks: HashMap::new(),
    });
    for done in crate::pool::map(&files, 2, |((of, ol), (nf, nl))| {
        // The keys of both rounds' rows; a unit's rows are read when its changes need them,
        // one at a time.
        compare_file(&old, of, *ol, &new, nf, *nl, matching, &found)
    }) {
        done.map_err(|p| std::io::Error::other(p.to_string()))??;
    }
    let found = found.into_inner().unwrap_or_else(|e| e.into_inner());
    let mut blocks = found.blocks;
    let file = found.file.into_inner().map_err(|e| e.into_error())?;
    // Units in order of first appearance: the old round's, then the new's.
    let mut order = old.units;
    for c in &new.units.order {
        order.of(c);
    }
    let blocks = order
        .order
        .into_iter()
        .filter_map(|c| {
            let b = blocks.remove(&c)?;
            Some((c, b))
        })
        .collect();
    Ok((Changes { file, blocks }, new_book, matching))
}

#[cfg(test)]
mod examples {
    //! The examples of crate-private items, once in their documentation.

    /// `diff::similarity`
    #[test]
    fn similarity() {
        use crate::diff::similarity;
        assert_eq!(similarity("召开专题会议", "召开专题会议"), 1.0);
        assert!(similarity("召开专题会议3次", "召开专题会议4次") > 0.6);
        assert!(similarity("召开专题会议", "增设服务站") < 0.2);
    }
}
