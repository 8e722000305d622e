//! Fields assigned to columns as a whole: every (column, field) pair is scored from the
//! header's words and the column's values, and the assignment with the best total wins, each
//! column holding at most one field — rather than the first column that contains a word.
//!
//! A field is given a column only when the pair's evidence reaches [`THRESHOLD`]. The fields a
//! ledger cannot be counted without ([`Field::CORE`]) weigh a little more in the total, so a
//! lone `整改完成时间` column is the deadline rather than a completion date with no deadline.
//! A field whose second-best column comes within [`MARGIN`] of its best is *close*: the ledger
//! says so (`ambiguous-column`) and the configuration can settle it.

use crate::value::header::Field;

/// The least evidence for a field to be given a column.
pub(crate) const THRESHOLD: f64 = 0.45;

/// Two columns whose evidence for a field is nearer than this are close.
pub(crate) const MARGIN: f64 = 0.15;

/// What weighs more in the total for the fields a ledger cannot be counted without.
const CORE_WEIGHT: f64 = 0.3;

/// The evidence that a column holds a field.
#[derive(Debug, Clone, Copy, Default, PartialEq)]
pub(crate) struct Evidence {
    /// From the header's words ([`crate::value::header::header_evidence`]).
    pub(crate) header: f64,
    /// From the column's values.
    pub(crate) values: f64,
    /// The configuration fixes the field to this column.
    pub(crate) fixed: bool,
}

impl Evidence {
    /// The pair's score: header and values together (a fixed pair beats any other).
    pub(crate) fn total(&self) -> f64 {
        if self.fixed {
            10.0
        } else {
            self.header + self.values
        }
    }
}

/// Why a column was chosen for a field.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub(crate) enum Because {
    /// The configuration says so.
    Config,
    /// The header names the field, and the values agree.
    HeaderAndValues,
    /// The header names the field.
    Header,
    /// The values are the field's, whatever the header says.
    Values,
}

impl Because {
    /// The key JSON writes (`header`, `values`, `header+values`, `config`).
    pub(crate) fn key(self) -> &'static str {
        match self {
            Because::Config => "config",
            Because::HeaderAndValues => "header+values",
            Because::Header => "header",
            Because::Values => "values",
        }
    }

    fn of(e: &Evidence) -> Because {
        if e.fixed {
            Because::Config
        } else if e.header >= 0.35 && e.values >= 0.15 {
            Because::HeaderAndValues
        } else if e.header >= e.values {
            Because::Header
        } else {
            Because::Values
        }
    }
}

/// A field's column, as chosen.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Choice {
    /// The field.
    pub(crate) field: Field,
    /// The column (0-based).
    pub(crate) col: u32,
    /// The pair's evidence.
    pub(crate) evidence: Evidence,
    /// Why.
    pub(crate) because: Because,
    /// The next best column for the field and its score, if any reaches the threshold.
    pub(crate) runner_up: Option<(u32, f64)>,
}

/// A field with two close columns: the one chosen and the other.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Close {
    /// The field.
    pub(crate) field: Field,
    /// The column chosen.
    pub(crate) chosen: u32,
    /// The column that comes close.
    pub(crate) other: u32,
}

/// The assignment of fields to columns: `evidence[k]` is column `cols[k]`'s evidence for each
/// field (indexed like [`Field::ALL`]). Returns the choices in field order and the close ones.
pub(crate) fn assign(cols: &[u32], evidence: &[[Evidence; 13]]) -> (Vec<Choice>, Vec<Close>) {
    // Only the columns that may hold a field take part.
    let usable: Vec<usize> = (0..cols.len().min(evidence.len()))
        .filter(|k| {
            evidence[*k]
                .iter()
                .any(|e| e.fixed || e.total() >= THRESHOLD)
        })
        .collect();
    let cols: Vec<u32> = usable.iter().map(|k| cols[*k]).collect();
    let evidence: Vec<[Evidence; 13]> = usable.iter().map(|k| evidence[*k]).collect();
    let n = Field::ALL.len();
    let m = cols.len();
    // Costs of fields (rows) by columns then "no column" (one per field): the assignment with
    // the least cost is the one with the best total.
    const FORBIDDEN: f64 = 1e9;
    let width = m + n;
    let mut cost = vec![vec![0.0; width]; n];
    for f in Field::ALL {
        let i = f.index();
        let weight = if Field::CORE.contains(&f) {
            CORE_WEIGHT
        } else {
            0.0
        };
        for k in 0..width {
            cost[i][k] = if k < m {
                let e = &evidence[k][i];
                if e.fixed || e.total() >= THRESHOLD {
                    // The leftmost of equal columns wins.
                    -(e.total() + weight) + 1e-6 * k as f64
                } else {
                    FORBIDDEN
                }
            } else {
                0.0
            };
        }
    }
    let of_field = hungarian(&cost);
    let mut taken: Vec<Option<Field>> = vec![None; m];
    let mut choices = Vec::new();
    for f in Field::ALL {
        let k = of_field[f.index()];
        if k >= m || cost[f.index()][k] >= FORBIDDEN {
            continue;
        }
        taken[k] = Some(f);
        let e = evidence[k][f.index()];
        let runner_up = (0..m)
            .filter(|j| *j != k)
            .map(|j| (j, evidence[j][f.index()].total()))
            .filter(|(_, t)| *t >= THRESHOLD)
            .max_by(|a, b| a.1.total_cmp(&b.1).then(b.0.cmp(&a.0)))
            .map(|(j, t)| (cols[j], t));
        choices.push(Choice {
            field: f,
            col: cols[k],
            evidence: e,
            because: Because::of(&e),
            runner_up,
        });
    }
    let mut close = Vec::new();
    for c in &choices {
        if c.evidence.fixed {
            continue;
        }
        let Some(k) = cols.iter().position(|x| *x == c.col) else {
            continue;
        };
        for j in 0..m {
            let e = &evidence[j][c.field.index()];
            if j == k || e.fixed || e.total() < THRESHOLD {
                continue;
            }
            // Two columns whose headers both are the field's word are a duplicate column,
            // not a doubt.
            if e.header >= 0.99 && c.evidence.header >= 0.99 {
                continue;
            }
            let better_elsewhere =
                taken[j].is_some_and(|g| evidence[j][g.index()].total() >= e.total());
            if c.evidence.total() - e.total() < MARGIN && !better_elsewhere {
                close.push(Close {
                    field: c.field,
                    chosen: c.col,
                    other: cols[j],
                });
            }
        }
    }
    (choices, close)
}

/// The least-cost assignment of rows to distinct columns (as many columns as rows or more):
/// for each row, its column. The Hungarian method, in O(rows² × columns).
fn hungarian(cost: &[Vec<f64>]) -> Vec<usize> {
    let n = cost.len();
    let m = cost.first().map_or(0, Vec::len);
    if n == 0 || m < n {
        return vec![usize::MAX; n];
    }
    // 1-based potentials and matching, as in the classic formulation.
    let mut u = vec![0.0; n + 1];
    let mut v = vec![0.0; m + 1];
    let mut p = vec![0usize; m + 1];
    let mut way = vec![0usize; m + 1];
    for i in 1..=n {
        p[0] = i;
        let mut j0 = 0usize;
        let mut minv = vec![f64::INFINITY; m + 1];
        let mut used = vec![false; m + 1];
        loop {
            used[j0] = true;
            let i0 = p[j0];
            let mut delta = f64::INFINITY;
            let mut j1 = 0usize;
            for j in 1..=m {
                if used[j] {
                    continue;
                }
                let cur = cost[i0 - 1][j - 1] - u[i0] - v[j];
                if cur < minv[j] {
                    minv[j] = cur;
                    way[j] = j0;
                }
                if minv[j] < delta {
                    delta = minv[j];
                    j1 = j;
                }
            }
            for j in 0..=m {
                if used[j] {
                    u[p[j]] += delta;
                    v[j] -= delta;
                } else {
                    minv[j] -= delta;
                }
            }
            j0 = j1;
            if p[j0] == 0 {
                break;
            }
        }
        loop {
            let j1 = way[j0];
            p[j0] = p[j1];
            j0 = j1;
            if j0 == 0 {
                break;
            }
        }
    }
    let mut of_row = vec![usize::MAX; n];
    for j in 1..=m {
        if p[j] > 0 {
            of_row[p[j] - 1] = j - 1;
        }
    }
    of_row
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ev(pairs: &[(Field, f64)]) -> [Evidence; 13] {
        let mut e = [Evidence::default(); 13];
        for (f, h) in pairs {
            e[f.index()].header = *h;
        }
        e
    }

    fn col_of(choices: &[Choice], f: Field) -> Option<u32> {
        choices.iter().find(|c| c.field == f).map(|c| c.col)
    }

    #[test]
    fn the_best_total_wins_not_the_first_column_with_a_word() {
        // Column 0 names the problem weakly and the category strongly; column 1 names the
        // problem strongly: the whole is best with each in its own.
        let cols = [0, 1];
        let e = [
            ev(&[(Field::Problem, 0.6), (Field::Category, 0.7)]),
            ev(&[(Field::Problem, 1.0)]),
        ];
        let (c, close) = assign(&cols, &e);
        assert_eq!(col_of(&c, Field::Problem), Some(1));
        assert_eq!(col_of(&c, Field::Category), Some(0));
        assert!(close.is_empty());
    }

    #[test]
    fn weak_evidence_gives_no_column() {
        let (c, _) = assign(&[0], &[ev(&[(Field::Note, 0.3)])]);
        assert!(c.is_empty());
    }

    #[test]
    fn a_core_field_takes_a_lone_column_it_shares() {
        let (c, _) = assign(
            &[5],
            &[ev(&[(Field::CompletedOn, 0.9), (Field::Deadline, 0.7)])],
        );
        assert_eq!(col_of(&c, Field::Deadline), Some(5));
        assert_eq!(col_of(&c, Field::CompletedOn), None);
    }

    #[test]
    fn close_columns_are_said_and_exact_twins_are_not() {
        let (c, close) = assign(
            &[2, 3],
            &[ev(&[(Field::Status, 0.6)]), ev(&[(Field::Status, 0.55)])],
        );
        assert_eq!(col_of(&c, Field::Status), Some(2));
        assert_eq!(
            close,
            [Close {
                field: Field::Status,
                chosen: 2,
                other: 3
            }]
        );
        let (c, close) = assign(
            &[2, 3],
            &[ev(&[(Field::Person, 1.0)]), ev(&[(Field::Person, 1.0)])],
        );
        assert_eq!(col_of(&c, Field::Person), Some(2), "the leftmost of equals");
        assert!(close.is_empty());
    }

    #[test]
    fn configuration_fixes_a_field() {
        let mut a = ev(&[(Field::Status, 1.0)]);
        let mut b = ev(&[]);
        b[Field::Status.index()].fixed = true;
        a[Field::Note.index()].header = 0.5;
        let (c, close) = assign(&[0, 1], &[a, b]);
        assert_eq!(col_of(&c, Field::Status), Some(1));
        assert_eq!(
            c.iter().find(|x| x.field == Field::Status).unwrap().because,
            Because::Config
        );
        assert!(close.is_empty());
    }

    #[test]
    fn hungarian_finds_the_least_cost() {
        let cost = vec![
            vec![4.0, 1.0, 3.0],
            vec![2.0, 0.0, 5.0],
            vec![3.0, 2.0, 2.0],
        ];
        assert_eq!(hungarian(&cost), vec![1, 0, 2]);
    }
}

#[cfg(test)]
mod examples {
    //! The examples of crate-private items, once in their documentation.

    /// `layout::assign::assign`
    #[test]
    fn assign_assign() {
        use crate::layout::assign::{Evidence, assign};
        use crate::value::header::Field;
        let mut a = [Evidence::default(); 13];
        let mut b = [Evidence::default(); 13];
        a[Field::Deadline.index()].header = 0.6;
        a[Field::CompletedOn.index()].header = 0.7;
        b[Field::CompletedOn.index()].header = 1.0;
        let (choices, _) = assign(&[3, 4], &[a, b]);
        let col = |f: Field| choices.iter().find(|c| c.field == f).map(|c| c.col);
        assert_eq!(
            (col(Field::Deadline), col(Field::CompletedOn)),
            (Some(3), Some(4))
        );
    }
}
