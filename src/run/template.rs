//! Template: the blank standard ledger units fill in next round — title, a note on filling
//! it in, the meta row, the standard header with a note on each column, a status drop-down, a
//! deadline hint, print setup and a footer. Filled in, it checks with no structural finding.

use super::{RunError, expect_extension};
use crate::Lang;
use crate::config::Paper;
use crate::schema::template::standard_columns;
use crate::workbook::template::{StdLedger, standard_workbook};
use std::path::PathBuf;

/// The template to write.
#[derive(Debug, Clone)]
pub struct TemplateRequest {
    /// The file to write (`.xlsx`).
    pub output: PathBuf,
    /// The unit the ledger is for (its title and 填报单位).
    pub unit: Option<String>,
    /// The paper it prints on.
    pub paper: Paper,
    /// The language of the messages (the ledger itself is the standard Chinese one).
    pub lang: Lang,
}

/// Writes the blank standard ledger.
///
/// ```no_run
/// use taizhang::run::{self, TemplateRequest};
///
/// run::template::template(&TemplateRequest {
///     output: "庆利社区台账.xlsx".into(),
///     unit: Some("庆利社区".into()),
///     paper: taizhang::config::Paper::A4,
///     lang: taizhang::Lang::Zh,
/// })?;
/// # Ok::<(), run::RunError>(())
/// ```
pub fn template(req: &TemplateRequest) -> Result<(), RunError> {
    expect_extension(&req.output, "-o", "xlsx", req.lang)?;
    let l = StdLedger {
        unit: req.unit.clone(),
        columns: standard_columns(),
        rows: Vec::new(),
        blank_rows: 30,
        date: None,
        paper: req.paper,
    };
    let mut wb = standard_workbook(&l).map_err(RunError::BuildingTemplate)?;
    crate::write::write_atomic(&req.output, |f| {
        wb.save_to_writer(f).map_err(|e| e.to_string())
    })?;
    Ok(())
}
