//! The round a merge follows (`merge --follows ROUND.xlsx`): the measures sent out, by ID, so
//! that what comes back is reconciled (对账销号) — every ID accounted for.
//!
//! - an ID the round does not have is `unknown-id`;
//! - an ID two ledgers of the run carry is `duplicate-id` (within one ledger the check says it);
//! - an ID of the round that no input carries is `id-not-returned`, named at its cell in the
//!   round's workbook.
//!
//! Rows without an ID are `new-measure` findings of the check. The merge records the round's
//! ledger digest in its own `来源`, so `verify` and `diff` know which round it follows.

use crate::finding::{Fact, Finding, MeasureRef, Rule};
use crate::ledger::Ledger;
use crate::schema::ledger::Col;
use crate::source::consolidated::{ReadError, open_consolidated_rows};
use crate::source::grid::CellRef;
use crate::value::header::Field;
use crate::value::id::MeasureId;
use std::collections::HashMap;
use std::path::Path;

/// A measure of the round followed, as its workbook holds it.
#[derive(Debug, Clone)]
struct Sent {
    unit: String,
    problem: String,
    measure: String,
    sheet: String,
    cell: CellRef,
}

/// A measure's ID in a ledger of the run, with where: what [`Round::take`] reconciles, in
/// input order, after the ledgers themselves are gone.
#[derive(Debug, Clone)]
pub(crate) struct Carried {
    id: MeasureId,
    /// True when the row carries it; false for one derived (a source without IDs merged
    /// again gives its measures the IDs the round gave them, if their texts are the same).
    in_row: bool,
    unit: String,
    file: String,
    sheet: String,
    cell: CellRef,
}

/// The IDs of a ledger's measures, carried or derived, each at its ID cell (a derived one
/// at its measure's cell).
pub(crate) fn carried(ledger: &Ledger) -> Vec<Carried> {
    ledger
        .measures
        .iter()
        .map(|m| {
            let at = m.id_cell.unwrap_or_else(|| {
                let row = ledger.row_of(m);
                row.get(Field::Measure)
                    .map_or(crate::source::grid::CellRef::new(row.row, 0), |c| c.at)
            });
            let (sheet, cell) = ledger.locate(at);
            Carried {
                id: m.id,
                in_row: m.id_cell.is_some(),
                unit: ledger.unit.clone(),
                file: ledger.file.clone(),
                sheet,
                cell,
            }
        })
        .collect()
}

/// The round followed: its measures by ID, and which have come back.
#[derive(Debug)]
pub(crate) struct Round {
    path: String,
    digest: String,
    order: Vec<MeasureId>,
    sent: HashMap<MeasureId, Sent>,
}

/// The IDs come back so far in a run: where each came first (file, sheet, cell).
#[derive(Debug, Default)]
pub(crate) struct Back(HashMap<MeasureId, (String, String, CellRef)>);

impl Round {
    /// Reads the round's consolidated workbook (`path` as findings name it).
    pub(crate) fn read(
        file: &Path,
        path: &str,
        limits: &crate::source::guard::Limits,
    ) -> Result<Round, ReadError> {
        let mut order = Vec::new();
        let mut sent = HashMap::new();
        let opened = open_consolidated_rows(file, limits)?;
        let book = opened.rows(&mut |_, r| {
            let Some(id) = MeasureId::parse(&r.text(Col::Id)) else {
                return;
            };
            if sent.contains_key(&id) {
                return;
            }
            order.push(id);
            sent.insert(
                id,
                Sent {
                    unit: r.text(Col::Unit),
                    problem: r.text(Col::Problem),
                    measure: r.text(Col::Measure),
                    sheet: r.sheet.clone(),
                    cell: CellRef::new(r.row, Col::Id.index().into()),
                },
            );
        })?;
        Ok(Round {
            path: path.to_string(),
            digest: book.meta.ledger_digest,
            order,
            sent,
        })
    }

    /// The round's ledger digest, as its `来源` records it.
    pub(crate) fn digest(&self) -> &str {
        &self.digest
    }

    /// `unknown-id` for the IDs of a ledger the round does not have.
    pub(crate) fn unknown_ids(&self, ledger: &Ledger) -> Vec<Finding> {
        ledger
            .measures
            .iter()
            .filter(|m| !self.sent.contains_key(&m.id))
            .filter_map(|m| Some((m, m.id_cell?)))
            .map(|(m, id_cell)| {
                let fact = Fact::UnknownId {
                    measure: MeasureRef {
                        problem: ledger.problems[m.problem].number,
                        measure: m.number,
                        text: m.text.clone(),
                    },
                    id: m.id.to_string(),
                };
                let mut f = Finding::new(Rule::UnknownId, &ledger.file, fact);
                let (sheet, cell) = ledger.locate(id_cell);
                f.sheet = sheet;
                f.cell = Some(cell);
                f.unit = ledger.unit.clone();
                f.field = Some(Field::Id);
                f.value = Some(m.id.to_string());
                f
            })
            .collect()
    }

    /// Marks a file's IDs as come back, in input order: `duplicate-id` for one its rows carry
    /// that an earlier file of the run has already (a repeat within one ledger is the check's).
    pub(crate) fn take(back: &mut Back, carried: &[Carried]) -> Vec<Finding> {
        let mut out = Vec::new();
        for c in carried {
            match back.0.get(&c.id) {
                Some((file, sheet, cell)) if *file != c.file && c.in_row => {
                    let fact = Fact::DuplicateId {
                        id: c.id.to_string(),
                        first: (format!("{file}:{sheet}"), *cell),
                    };
                    let mut f = Finding::new(Rule::DuplicateId, &c.file, fact);
                    f.sheet = c.sheet.clone();
                    f.cell = Some(c.cell);
                    f.unit = c.unit.clone();
                    f.field = Some(Field::Id);
                    f.value = Some(c.id.to_string());
                    out.push(f);
                }
                Some(_) => {}
                None => {
                    back.0
                        .insert(c.id, (c.file.clone(), c.sheet.clone(), c.cell));
                }
            }
        }
        out
    }

    /// `id-not-returned` for every measure of the round whose ID no file carried, in the
    /// round's order, named at its ID cell in the round's workbook.
    pub(crate) fn not_returned(&self, back: &Back) -> Vec<Finding> {
        self.order
            .iter()
            .filter(|id| !back.0.contains_key(id))
            .filter_map(|id| Some((id, self.sent.get(id)?)))
            .map(|(id, s)| {
                let fact = Fact::IdNotReturned {
                    id: id.to_string(),
                    problem: s.problem.clone(),
                    measure: s.measure.clone(),
                };
                let mut f = Finding::new(Rule::IdNotReturned, &self.path, fact);
                f.sheet = s.sheet.clone();
                f.cell = Some(s.cell);
                f.unit = s.unit.clone();
                f.field = Some(Field::Id);
                f.value = Some(id.to_string());
                f
            })
            .collect()
    }
}
