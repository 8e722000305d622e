//! Findings held on disk until the workbook is finished: the findings sheet lists errors first,
//! so every finding must be seen before the first row is written, and a run over thousands of
//! files must not hold them all in memory. One temporary file per severity keeps each finding's
//! cells; [`FindingSpool::cells`] reads them back errors first.

use crate::Lang;
use crate::finding::Finding;
use crate::messages;
use crate::model::Severity;
use crate::schema::findings::{field_word, severity_word};
use std::io::{BufReader, BufWriter, Read, Seek, Write};

/// The cells of a findings row after its number: severity, rule's name, unit, file, sheet,
/// cell, field, message, value, rule's id.
pub(crate) type FindingCells = [String; 10];

/// Findings spooled by severity.
#[derive(Debug)]
pub(crate) struct FindingSpool {
    files: Vec<BufWriter<std::fs::File>>,
    /// How many findings of each severity (error, warning, info).
    pub(crate) counts: [u64; 3],
    lang: Lang,
}

fn rank(s: Severity) -> usize {
    match s {
        Severity::Error => 0,
        Severity::Warning => 1,
        Severity::Info => 2,
    }
}

impl FindingSpool {
    /// An empty spool writing its cells in a language.
    pub(crate) fn new(lang: Lang) -> std::io::Result<FindingSpool> {
        let files = (0..3)
            .map(|_| tempfile::tempfile().map(BufWriter::new))
            .collect::<Result<_, _>>()?;
        Ok(FindingSpool {
            files,
            counts: [0; 3],
            lang,
        })
    }

    /// Spools one finding.
    pub(crate) fn push(&mut self, f: &Finding) -> std::io::Result<()> {
        let lang = self.lang;
        let field = f.field.map(|x| field_word(x, lang)).unwrap_or_default();
        let message = messages::findings::message(f, lang);
        let cells: [&str; 10] = [
            severity_word(f.severity(), lang),
            messages::findings::rule_name(f.rule, lang),
            &f.unit,
            &f.file,
            &f.sheet,
            &f.cell.map(|c| c.to_string()).unwrap_or_default(),
            field,
            &message,
            f.value.as_deref().unwrap_or(""),
            f.rule.id(),
        ];
        let k = rank(f.severity());
        let w = &mut self.files[k];
        for c in cells {
            w.write_all(&(c.len() as u64).to_le_bytes())?;
            w.write_all(c.as_bytes())?;
        }
        self.counts[k] += 1;
        Ok(())
    }

    /// Every finding's cells, errors first, then warnings, then infos, each in input order.
    pub(crate) fn cells(
        self,
    ) -> std::io::Result<impl Iterator<Item = std::io::Result<FindingCells>>> {
        let mut readers = Vec::new();
        for (w, n) in self.files.into_iter().zip(self.counts) {
            let mut f = w.into_inner().map_err(|e| e.into_error())?;
            f.rewind()?;
            readers.push((BufReader::new(f), n));
        }
        Ok(readers.into_iter().flat_map(|(mut r, n)| {
            (0..n).map(move |_| {
                let mut cells: FindingCells = Default::default();
                for c in cells.iter_mut() {
                    let mut len = [0u8; 8];
                    r.read_exact(&mut len)?;
                    let mut bytes = vec![0u8; u64::from_le_bytes(len) as usize];
                    r.read_exact(&mut bytes)?;
                    *c = String::from_utf8(bytes)
                        .map_err(|e| std::io::Error::other(e.to_string()))?;
                }
                Ok(cells)
            })
        }))
    }
}
