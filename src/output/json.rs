//! The JSON documents: `check --format json` (spec 5), `verify --format json` and
//! `diff --format json`. Field names are a contract; messages are in the run's language.

use crate::Lang;
use crate::diff::Change;
use crate::finding::Finding;
use crate::messages;
use crate::pipeline::{InputRecord, LedgerRecord};
use crate::tally::Tally;
use crate::verify::{Discrepancy, Proof, Verdict};
use serde::Serialize;

#[derive(Serialize)]
struct Input<'a> {
    path: &'a str,
    sha256: &'a str,
    bytes: u64,
    format: &'a str,
    error: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    skipped: Option<String>,
    ledgers: &'a [LedgerRecord],
    /// The sheets read with doubt and left out of the totals, with their columns.
    #[serde(skip_serializing_if = "<[_]>::is_empty")]
    uncertain: &'a [LedgerRecord],
}

impl<'a> Input<'a> {
    fn of(r: &'a InputRecord, lang: Lang) -> Input<'a> {
        Input {
            path: &r.path,
            sha256: &r.sha256,
            bytes: r.bytes,
            format: &r.format,
            error: messages::run::input_error(r, lang),
            skipped: messages::run::input_skipped(r, lang),
            ledgers: &r.ledgers,
            uncertain: &r.left_out,
        }
    }
}

#[derive(Serialize)]
struct FindingJson<'a> {
    severity: crate::model::Severity,
    rule: crate::finding::Rule,
    file: &'a str,
    sheet: &'a str,
    cell: String,
    #[serde(rename = "community")]
    unit: &'a str,
    field: Option<crate::value::header::Field>,
    message: String,
    value: Option<&'a str>,
}

impl<'a> FindingJson<'a> {
    fn of(f: &'a Finding, lang: Lang) -> FindingJson<'a> {
        FindingJson {
            severity: f.severity(),
            rule: f.rule,
            file: &f.file,
            sheet: &f.sheet,
            cell: f.cell.map(|c| c.to_string()).unwrap_or_default(),
            unit: &f.unit,
            field: f.field,
            message: messages::findings::message(f, lang),
            value: f.value.as_deref(),
        }
    }
}

#[derive(Serialize)]
struct Totals {
    #[serde(rename = "communities")]
    units: u64,
    #[serde(flatten)]
    counters: crate::model::Counters,
}

#[derive(Serialize)]
struct Unit<'a> {
    #[serde(rename = "community")]
    unit: &'a str,
    /// The level above it its ledgers name, when they name one.
    #[serde(skip_serializing_if = "Option::is_none")]
    parent: Option<&'a str>,
    #[serde(flatten)]
    counters: crate::model::Counters,
}

/// A level above the units, its units' counters rolled up.
#[derive(Serialize)]
struct Parent<'a> {
    name: &'a str,
    #[serde(rename = "communities")]
    units: Vec<&'a str>,
    #[serde(flatten)]
    counters: crate::model::Counters,
}

#[derive(Serialize)]
struct CheckDoc<'a> {
    tool: &'static str,
    version: &'static str,
    as_of: String,
    inputs: Vec<Input<'a>>,
    totals: Totals,
    #[serde(rename = "communities")]
    units: Vec<Unit<'a>>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    parents: Vec<Parent<'a>>,
    findings: Vec<FindingJson<'a>>,
}

fn pretty<T: Serialize>(doc: &T) -> String {
    let mut s =
        serde_json::to_string_pretty(doc).unwrap_or_else(|e| format!("{{\"error\": \"{e}\"}}"));
    s.push('\n');
    s
}

/// The tally as the JSON document of spec 5, pretty-printed, ending with a newline.
pub(crate) fn check(t: &Tally, lang: Lang) -> String {
    check_doc(t, lang, t.findings.iter())
}

fn check_doc<'a>(t: &'a Tally, lang: Lang, findings: impl Iterator<Item = &'a Finding>) -> String {
    // A unit's parent: the one its ledgers name, when they agree on one (None: they do not).
    let mut parents_named: std::collections::HashMap<&str, Option<&'a str>> =
        std::collections::HashMap::new();
    for l in t.inputs.iter().flat_map(|r| r.ledgers.iter()) {
        let p = l.parent.as_deref();
        parents_named
            .entry(l.unit.as_str())
            .and_modify(|seen| {
                if *seen != p {
                    *seen = None;
                }
            })
            .or_insert(p);
    }
    let parent_of = |unit: &str| parents_named.get(unit).copied().flatten();
    let units: Vec<Unit<'a>> = t
        .units
        .iter()
        .map(|c| Unit {
            unit: &c.unit,
            parent: parent_of(&c.unit),
            counters: c.counters,
        })
        .collect();
    let mut parents: Vec<Parent<'a>> = Vec::new();
    for u in &units {
        let Some(name) = u.parent else { continue };
        let i = match parents.iter().position(|p| p.name == name) {
            Some(i) => i,
            None => {
                parents.push(Parent {
                    name,
                    units: Vec::new(),
                    counters: Default::default(),
                });
                parents.len() - 1
            }
        };
        parents[i].units.push(u.unit);
        parents[i].counters.add(&u.counters);
    }
    pretty(&CheckDoc {
        tool: "taizhang",
        version: crate::VERSION,
        as_of: t.as_of.format("%Y-%m-%d").to_string(),
        inputs: t.inputs.iter().map(|r| Input::of(r, lang)).collect(),
        totals: Totals {
            units: t.units.len() as u64,
            counters: t.totals,
        },
        units,
        parents,
        findings: findings.map(|f| FindingJson::of(f, lang)).collect(),
    })
}

/// The JSON document of [`check`] written as the findings come, so that memory holds none of
/// them: each finding goes to a temporary file as it is found ([`CheckJson::push`]), and
/// [`CheckJson::finish`] writes the document — the same bytes as [`check`] of a tally that
/// kept them — with the findings copied from there.
pub(crate) struct CheckJson {
    spool: std::io::BufWriter<std::fs::File>,
    count: u64,
    lang: Lang,
}

/// The indentation of an element of the document's findings array.
const FINDING_INDENT: &str = "    ";

impl CheckJson {
    /// A writer with an empty spool.
    pub(crate) fn new(lang: Lang) -> std::io::Result<CheckJson> {
        Ok(CheckJson {
            spool: std::io::BufWriter::new(tempfile::tempfile()?),
            count: 0,
            lang,
        })
    }

    /// Adds a finding, after those before it.
    pub(crate) fn push(&mut self, f: &Finding) -> std::io::Result<()> {
        use std::io::Write;
        let text = serde_json::to_string_pretty(&FindingJson::of(f, self.lang))
            .map_err(std::io::Error::other)?;
        if self.count > 0 {
            self.spool.write_all(b",\n")?;
        }
        for (i, line) in text.split('\n').enumerate() {
            if i > 0 {
                self.spool.write_all(b"\n")?;
            }
            self.spool.write_all(FINDING_INDENT.as_bytes())?;
            self.spool.write_all(line.as_bytes())?;
        }
        self.count += 1;
        Ok(())
    }

    /// Writes the document: the tally's inputs and counters, and the findings pushed.
    pub(crate) fn finish(self, t: &Tally, out: &mut dyn std::io::Write) -> std::io::Result<()> {
        use std::io::Seek;
        let doc = check_doc(t, self.lang, std::iter::empty());
        if self.count == 0 {
            return out.write_all(doc.as_bytes());
        }
        const EMPTY: &str = "\"findings\": []\n}\n";
        let head = doc
            .strip_suffix(EMPTY)
            .ok_or_else(|| std::io::Error::other("the document does not end with its findings"))?;
        out.write_all(head.as_bytes())?;
        out.write_all(b"\"findings\": [\n")?;
        let mut spool = self.spool.into_inner().map_err(|e| e.into_error())?;
        spool.rewind()?;
        std::io::copy(&mut spool, out)?;
        out.write_all(b"\n  ]\n}\n")
    }
}

#[derive(Serialize)]
struct ProofJson {
    name: &'static str,
    passed: bool,
    outcome: &'static str,
    detail: String,
}

#[derive(Serialize)]
struct DiscrepancyJson<'a> {
    kind: &'static str,
    sheet: Option<&'a str>,
    cell: Option<String>,
    expected: Option<String>,
    found: Option<String>,
    source_file: Option<&'a str>,
    source_cell: Option<&'a str>,
    message: String,
}

impl<'a> DiscrepancyJson<'a> {
    fn of(d: &'a Discrepancy, lang: Lang) -> DiscrepancyJson<'a> {
        DiscrepancyJson {
            kind: d.kind().id(),
            sheet: d.sheet(),
            cell: d.at().map(|a| a.cell.to_string()),
            expected: d.expected(),
            found: d.found(),
            source_file: d.source_file(),
            source_cell: d.source_cell(),
            message: messages::verify::discrepancy(d, lang),
        }
    }
}

#[derive(Serialize)]
struct VerdictDoc<'a> {
    verified: bool,
    verdict: &'static str,
    follows: Option<&'a str>,
    checks: Vec<ProofJson>,
    discrepancies: Vec<DiscrepancyJson<'a>>,
}

fn proof(p: &Proof, lang: Lang) -> ProofJson {
    ProofJson {
        name: p.kind.key(),
        passed: p.passed(),
        outcome: p.outcome.key(),
        detail: messages::verify::proof_detail(p, lang),
    }
}

/// A verdict as JSON; `follows`: the ledger digest of the round the workbook records it
/// follows.
pub fn verdict(v: &Verdict, follows: Option<&str>, lang: Lang) -> String {
    pretty(&VerdictDoc {
        verified: v.verified,
        verdict: v.conclusion.key(),
        follows,
        checks: v.proofs.iter().map(|p| proof(p, lang)).collect(),
        discrepancies: v
            .discrepancies
            .iter()
            .map(|d| DiscrepancyJson::of(d, lang))
            .collect(),
    })
}

#[derive(Serialize)]
struct ChangesDoc<'a> {
    matching: crate::diff::Matching,
    changes: &'a [Change],
}

/// The changes of `diff` as JSON, with how the rounds were matched.
pub fn changes(changes: &[Change], matching: crate::diff::Matching) -> String {
    pretty(&ChangesDoc { matching, changes })
}

/// [`changes`] written as the changes come: the same bytes, without holding them.
pub fn changes_to(
    w: &mut dyn std::io::Write,
    changes: impl Iterator<Item = std::io::Result<Change>>,
    matching: crate::diff::Matching,
) -> std::io::Result<()> {
    use serde::ser::{Error, SerializeStruct};
    struct Stream<I>(std::cell::RefCell<Option<I>>);
    impl<I: Iterator<Item = std::io::Result<Change>>> Serialize for Stream<I> {
        fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
            let it = self
                .0
                .borrow_mut()
                .take()
                .ok_or_else(|| S::Error::custom("read twice"))?;
            let mut failed = None;
            let r = s.collect_seq(it.map_while(|c| match c {
                Ok(c) => Some(c),
                Err(e) => {
                    failed = Some(e);
                    None
                }
            }));
            match failed {
                Some(e) => Err(S::Error::custom(e)),
                None => r,
            }
        }
    }
    struct Doc<I> {
        matching: crate::diff::Matching,
        changes: Stream<I>,
    }
    impl<I: Iterator<Item = std::io::Result<Change>>> Serialize for Doc<I> {
        fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
            let mut st = s.serialize_struct("ChangesDoc", 2)?;
            st.serialize_field("matching", &self.matching)?;
            st.serialize_field("changes", &self.changes)?;
            st.end()
        }
    }
    let doc = Doc {
        matching,
        changes: Stream(std::cell::RefCell::new(Some(changes))),
    };
    let mut buffered = std::io::BufWriter::new(w);
    serde_json::to_writer_pretty(&mut buffered, &doc).map_err(std::io::Error::other)?;
    std::io::Write::write_all(&mut buffered, b"\n")?;
    std::io::Write::flush(&mut buffered)
}

#[cfg(test)]
mod examples {
    //! The examples of crate-private items, once in their documentation.

    /// `output::json::CheckJson`
    #[test]
    fn json_check_json() {
        use crate::output::json::{CheckJson, check};
        use crate::tally::Tally;
        let t = Tally::new(chrono::NaiveDate::from_ymd_opt(2023, 3, 30).unwrap());
        let mut out = Vec::new();
        CheckJson::new(crate::Lang::Zh)
            .unwrap()
            .finish(&t, &mut out)
            .unwrap();
        assert_eq!(String::from_utf8(out).unwrap(), check(&t, crate::Lang::Zh));
    }
}
