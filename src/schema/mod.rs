//! The consolidated workbook of `taizhang merge`, described once: its sheets and their names in
//! both languages, each sheet's columns, rows and cells, the words its derived cells hold and the
//! formulas of its summary. The writer ([`crate::workbook`]) writes from this description, the
//! reader ([`crate::source::consolidated`]) reads by it — by sheet name and header text, never
//! by guessing — and `verify` checks a workbook against it.
//!
//! The sheets, in order:
//!
//! 1. [`summary`] — `汇总` / `Summary`;
//! 2. [`ledger`] — `整改台账` / `Ledger`, continued on `整改台账(2)` … past `MAX_DATA_ROWS`;
//! 3. `findings` — `校验结果` / `Findings`, continued the same way;
//! 4. `sources` — `来源` / `Sources`.
//!
//! `changes` describes the workbook `taizhang diff -o` writes.

pub(crate) mod changes;
pub mod digest;
pub(crate) mod findings;
pub mod ledger;
pub(crate) mod sources;
pub(crate) mod split;
pub mod summary;
pub(crate) mod template;

use crate::Lang;

/// Data rows a sheet holds below its header row (Excel's 1,048,576 rows less the header).
pub(crate) const MAX_DATA_ROWS: u32 = 1_048_575;

/// Longest text a cell holds (Excel's limit).
pub(crate) const MAX_CELL_CHARS: usize = 32_767;

/// A sheet of the consolidated workbook.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub(crate) enum SheetKind {
    /// The summary.
    Summary,
    /// The `n`-th ledger sheet, from 1.
    Ledger(usize),
    /// The `n`-th findings sheet, from 1.
    Findings(usize),
    /// The sources sheet.
    Sources,
}

fn numbered(base: &str, n: usize) -> String {
    if n <= 1 {
        base.to_string()
    } else {
        format!("{base}({n})")
    }
}

impl SheetKind {
    /// The sheet's name in a language.
    pub(crate) fn name(self, lang: Lang) -> String {
        match self {
            SheetKind::Summary => lang.pick("汇总", "Summary").to_string(),
            SheetKind::Ledger(n) => numbered(lang.pick("整改台账", "Ledger"), n),
            SheetKind::Findings(n) => numbered(lang.pick("校验结果", "Findings"), n),
            SheetKind::Sources => lang.pick("来源", "Sources").to_string(),
        }
    }

    /// The sheet a name names, and its language.
    pub(crate) fn of_name(name: &str) -> Option<(SheetKind, Lang)> {
        for lang in [Lang::Zh, Lang::En] {
            for kind in [SheetKind::Summary, SheetKind::Sources] {
                if kind.name(lang) == name {
                    return Some((kind, lang));
                }
            }
            for (base, make) in [
                (
                    SheetKind::Ledger(1).name(lang),
                    SheetKind::Ledger as fn(usize) -> SheetKind,
                ),
                (SheetKind::Findings(1).name(lang), SheetKind::Findings),
            ] {
                if name == base {
                    return Some((make(1), lang));
                }
                let n = name
                    .strip_prefix(base.as_str())
                    .and_then(|r| r.strip_prefix('('))
                    .and_then(|r| r.strip_suffix(')'))
                    .filter(|r| !r.starts_with('0'))
                    .and_then(|r| r.parse::<usize>().ok())
                    .filter(|n| *n >= 2);
                if let Some(n) = n {
                    return Some((make(n), lang));
                }
            }
        }
        None
    }
}

/// The document properties of a consolidated workbook.
pub(crate) mod properties {
    use crate::Lang;

    /// The custom property holding the tool's version.
    pub(crate) const VERSION: &str = "taizhang.version";
    /// The custom property holding the as-of date.
    pub(crate) const AS_OF: &str = "taizhang.as_of";
    /// The custom property holding the ledger digest (as the sources sheet does).
    pub(crate) const LEDGER_DIGEST: &str = "taizhang.ledger_digest";
    /// The custom property holding the number of ledger rows.
    pub(crate) const LEDGER_ROWS: &str = "taizhang.ledger_rows";
    /// The author the workbook names.
    pub(crate) const AUTHOR: &str = "taizhang";

    /// The document's title.
    pub(crate) fn title(lang: Lang) -> &'static str {
        lang.pick(
            "巡察整改落实情况汇总",
            "Rectification ledgers, consolidated",
        )
    }

    /// The document's subject.
    pub(crate) fn subject(lang: Lang) -> &'static str {
        lang.pick("整改台账汇总", "Consolidated rectification ledger")
    }

    /// The document's keywords.
    pub(crate) fn keywords(lang: Lang) -> &'static str {
        lang.pick("整改台账,巡察整改", "rectification ledger")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_sheet_name_reads_back() {
        for lang in [Lang::Zh, Lang::En] {
            for kind in [
                SheetKind::Summary,
                SheetKind::Ledger(1),
                SheetKind::Ledger(12),
                SheetKind::Findings(1),
                SheetKind::Findings(2),
                SheetKind::Sources,
            ] {
                assert_eq!(SheetKind::of_name(&kind.name(lang)), Some((kind, lang)));
            }
        }
        assert_eq!(SheetKind::of_name("整改台账(02)"), None);
        assert_eq!(SheetKind::of_name("整改台账(x)"), None);
    }
}

#[cfg(test)]
mod examples {
    //! The examples of crate-private items, once in their documentation.

    /// `schema::SheetKind::name`
    #[test]
    fn sheet_kind_name() {
        use crate::{Lang, schema::SheetKind};
        assert_eq!(SheetKind::Ledger(2).name(Lang::Zh), "整改台账(2)");
        assert_eq!(SheetKind::Findings(1).name(Lang::En), "Findings");
    }

    /// `schema::SheetKind::of_name`
    #[test]
    fn sheet_kind_of_name() {
        use crate::{Lang, schema::SheetKind};
        assert_eq!(
            SheetKind::of_name("整改台账(3)"),
            Some((SheetKind::Ledger(3), Lang::Zh))
        );
        assert_eq!(
            SheetKind::of_name("Sources"),
            Some((SheetKind::Sources, Lang::En))
        );
        assert_eq!(SheetKind::of_name("整改台账(1)"), None);
        assert_eq!(SheetKind::of_name("Sheet1"), None);
    }
}
