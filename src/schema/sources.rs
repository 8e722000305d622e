//! The sources sheet `来源` / `Sources`: the run's record (as-of date, tool version,
//! configuration, ledger sheets, rows, ledger digest), the column digests, and a table of every
//! input with its SHA-256, size, format and what was read from it.
//!
//! ```text
//! row 1   title, merged across the table
//! row 3…  <label> | <value>          in columns B and C: the record, then one line per
//!                                    column digest (`列摘要:<header>`)
//!         (a blank row)
//! TABLE_ROW  序号 | 文件 | 字节数 | 格式 | 读取的台账 | 错误 | SHA-256
//!         one row per input
//! ```
//!
//! Only the inputs' table prints, without its SHA-256: the record (the configuration's TOML,
//! the digests) and the hashes are for `verify` and auditors on screen, not for paper. The
//! record's values are merged across the table's columns from C. A workbook written before had
//! the SHA-256 third; readers find the table's columns by their headers.

use super::ledger;
use crate::Lang;

/// The title row (0-based).
pub(crate) const TITLE_ROW: u32 = 0;
/// The first row of the run's record.
pub(crate) const RECORD_ROW: u32 = 2;
/// The column of the record's labels (B).
pub(crate) const LABEL_COL: u16 = 1;
/// The column of the record's values (C).
pub(crate) const VALUE_COL: u16 = 2;

/// The sheet's title.
pub(crate) fn title(lang: Lang) -> &'static str {
    lang.pick("数据来源与校验信息", "Sources and digests")
}

/// One line of the run's record.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub(crate) enum Record {
    /// The as-of date, `YYYY-MM-DD`.
    AsOf,
    /// `taizhang <version>`.
    Version,
    /// The configuration in force, as TOML.
    Config,
    /// The ledger sheets' names, joined by `、`.
    LedgerSheets,
    /// The number of ledger rows.
    LedgerRows,
    /// The ledger digest.
    LedgerDigest,
    /// The ledger digest of the round this workbook follows (`merge --follows`); empty for a
    /// first round.
    Follows,
}

impl Record {
    /// Every line, in sheet order.
    pub(crate) const ALL: [Record; 7] = [
        Record::AsOf,
        Record::Version,
        Record::Config,
        Record::LedgerSheets,
        Record::LedgerRows,
        Record::LedgerDigest,
        Record::Follows,
    ];

    /// The line's label.
    pub(crate) fn label(self, lang: Lang) -> &'static str {
        let (zh, en) = match self {
            Record::AsOf => ("截至日期", "As of"),
            Record::Version => ("工具版本", "Tool version"),
            Record::Config => ("配置", "Configuration"),
            Record::LedgerSheets => ("台账工作表", "Ledger sheets"),
            Record::LedgerRows => ("台账行数", "Ledger rows"),
            Record::LedgerDigest => ("台账摘要(SHA-256)", "Ledger digest (SHA-256)"),
            Record::Follows => (
                "接续上一轮(其台账摘要)",
                "Follows the round (its ledger digest)",
            ),
        };
        lang.pick(zh, en)
    }

    /// The row (0-based) of the line.
    pub(crate) fn row(self) -> u32 {
        RECORD_ROW + Record::ALL.iter().position(|r| *r == self).unwrap_or(0) as u32
    }
}

/// How the ledger sheets are joined in [`Record::LedgerSheets`].
pub(crate) const SHEET_SEPARATOR: &str = "、";

/// The label of a column digest: the prefix, then the column's header.
pub(crate) fn column_digest_label(lang: Lang) -> &'static str {
    lang.pick("列摘要:", "Column digest: ")
}

/// The row (0-based) of the first column digest.
pub(crate) const COLUMN_DIGEST_ROW: u32 = RECORD_ROW + Record::ALL.len() as u32;

/// The row (0-based) of the inputs table's header: below the record, the column digests and a
/// blank row. The inputs follow it, one row each.
pub(crate) const TABLE_ROW: u32 = table_row(ledger::Col::ALL.len() as u32 - 1);

/// The row (0-based) of the inputs table's header below `digests` column digests: a workbook
/// written before the ledger had its parent column ([`ledger::Col::is_optional`]) has one
/// fewer, and its table one row higher; readers find it from the digests they read.
pub(crate) const fn table_row(digests: u32) -> u32 {
    COLUMN_DIGEST_ROW + digests + 1
}

/// A column of the inputs table.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub(crate) enum SourcesCol {
    /// Running number.
    No,
    /// The file as given to merge.
    File,
    /// SHA-256 of its bytes.
    Sha256,
    /// Its size.
    Bytes,
    /// Its format.
    Format,
    /// The ledgers read from it.
    Ledgers,
    /// Why it could not be read.
    Error,
}

impl SourcesCol {
    /// Every column, in sheet order.
    pub(crate) const ALL: [SourcesCol; 7] = [
        SourcesCol::No,
        SourcesCol::File,
        SourcesCol::Bytes,
        SourcesCol::Format,
        SourcesCol::Ledgers,
        SourcesCol::Error,
        SourcesCol::Sha256,
    ];

    /// The last column of the print area: every column but the SHA-256, which is last.
    pub(crate) const LAST_PRINTED: SourcesCol = SourcesCol::Error;

    /// The column's index (0-based).
    pub(crate) fn index(self) -> u16 {
        SourcesCol::ALL.iter().position(|c| *c == self).unwrap_or(0) as u16
    }

    /// The header in a language.
    pub(crate) fn header(self, lang: Lang) -> &'static str {
        let (zh, en) = match self {
            SourcesCol::No => ("序号", "No."),
            SourcesCol::File => ("文件", "File"),
            SourcesCol::Sha256 => ("SHA-256", "SHA-256"),
            SourcesCol::Bytes => ("字节数", "Bytes"),
            SourcesCol::Format => ("格式", "Format"),
            SourcesCol::Ledgers => ("读取的台账", "Ledgers read"),
            SourcesCol::Error => ("错误", "Error"),
        };
        lang.pick(zh, en)
    }

    /// The column's width.
    pub(crate) fn width(self) -> f64 {
        match self {
            // The printed ones together no more than the ledger's printed columns
            // (ledger::PRINTED_WIDTH): 9 pt or more on A4 landscape. The SHA-256, not
            // printed, wraps onto two lines.
            SourcesCol::No => 5.0,
            SourcesCol::File => 30.0,
            SourcesCol::Bytes => 8.0,
            SourcesCol::Format => 6.0,
            SourcesCol::Ledgers => 44.0,
            SourcesCol::Error => 30.0,
            SourcesCol::Sha256 => 34.0,
        }
    }
}
