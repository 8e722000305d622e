//! A use case's failure in words: each [`RunError`] variant said through the functions of
//! [`crate::messages`] (what was being done: [`errors::doing`]; why: the cause's own words), in
//! one exhaustive `match` — a variant added without its words does not compile.

use super::RunError;
use crate::Lang;
use crate::messages::errors::{self, Doing};
use crate::messages::run as m;

impl RunError {
    /// The failure in a language: what was being done and why, down to the system's reason.
    ///
    /// ```
    /// use taizhang::{Lang, run::RunError};
    /// let e = RunError::Reading(std::io::Error::from(std::io::ErrorKind::PermissionDenied));
    /// assert_eq!(e.said(Lang::Zh), "读取台账时出错：没有权限");
    /// ```
    pub fn said(&self, lang: Lang) -> String {
        let io = |e: &std::io::Error| errors::io_error(e, lang);
        let workbook = |e: &crate::workbook::WorkbookError| e.said(lang);
        let xlsx = |e: &rust_xlsxwriter::XlsxError| errors::xlsx_error(e, lang);
        let doing = |d: Doing<'_>, cause: String| errors::doing(d, &cause, lang);
        match self {
            RunError::NoInputs { paths, .. } => m::no_inputs(paths, lang),
            RunError::NoLedger { files, unread, .. } => m::no_ledger_read(*files, unread, lang),
            RunError::WrongExtension {
                path,
                option,
                expected,
                ..
            } => m::wrong_extension(path, option, expected, lang),
            RunError::OutputExtension { path, allowed, .. } => {
                m::output_extension(path, allowed, lang)
            }
            RunError::JsonIsOutput { path, .. } => m::json_is_output(path, lang),
            RunError::NotAFolder { path, .. } => m::not_a_folder(path, lang),
            RunError::NoInputGiven { .. } => errors::no_input_given(lang),
            RunError::NotAPath {
                arg, suggestion, ..
            } => errors::not_a_path(arg, *suggestion, lang),
            RunError::SourcesMissing { path, .. } => m::sources_missing(path, lang),
            RunError::UnreadableInput { file, cause, .. } => m::unreadable_input(file, cause, lang),
            RunError::WhichLedger { file, which, .. } => super::convert::refusal(file, which, lang),
            RunError::Follows { shown, cause } => {
                doing(Doing::Follows(shown), errors::read_error(cause, lang))
            }
            RunError::StartingWorkbook(w) => doing(Doing::StartingWorkbook, workbook(w)),
            RunError::WritingLedgerSheet(w) => doing(Doing::WritingLedgerSheet, workbook(w)),
            RunError::WritingFindings(w) => doing(Doing::WritingFindings, workbook(w)),
            RunError::WritingWorkbook(w) => doing(Doing::WritingWorkbook, workbook(w)),
            RunError::BuildingWorkbook(x) => doing(Doing::BuildingWorkbook, xlsx(x)),
            RunError::BuildingTemplate(x) => doing(Doing::BuildingTemplate, xlsx(x)),
            RunError::TemporaryFile(e) => doing(Doing::TemporaryFile, io(e)),
            RunError::SpoolingFindings(e) => doing(Doing::SpoolingFindings, io(e)),
            RunError::Reading(e) => doing(Doing::Reading, io(e)),
            RunError::WritingLists(s) => doing(Doing::WritingLists, s.said(lang)),
            RunError::StartingDraft(e) => doing(Doing::StartingDraft, io(e)),
            RunError::Drafting(e) => doing(Doing::Drafting, io(e)),
            RunError::Workbook(w) => workbook(w),
            RunError::Consolidated(r) => errors::read_error(r, lang),
            RunError::Diff(d) => errors::diff_error(d, lang),
            RunError::Write(w) => w.said(lang),
            RunError::Io(e) => io(e),
            RunError::Json(j) => errors::json_error(j, lang),
        }
    }
}

/// An error as the last line of a command says it, in `lang`: the first link of its chain
/// ([`source`](std::error::Error::source)) of a type taizhang knows, said whole (what was
/// being done, and why, down to the system's reason); a link before it is already in the run's
/// language and said as it is.
///
/// ```
/// use taizhang::{Lang, run};
/// let e = std::io::Error::from(std::io::ErrorKind::PermissionDenied);
/// assert_eq!(run::error_text(&e, Lang::Zh), "没有权限");
/// ```
pub fn error_text(e: &(dyn std::error::Error + 'static), lang: Lang) -> String {
    let mut parts: Vec<String> = Vec::new();
    let mut link = Some(e);
    while let Some(l) = link {
        if let Some(text) = known(l, lang) {
            parts.push(text);
            break;
        }
        parts.push(l.to_string());
        link = l.source();
    }
    parts.join(lang.pick("：", ": "))
}

/// An error of a type taizhang knows, in words; `None` for any other.
fn known(link: &(dyn std::error::Error + 'static), lang: Lang) -> Option<String> {
    use crate::{config, diff, source, workbook, write};
    if let Some(e) = link.downcast_ref::<RunError>() {
        Some(e.said(lang))
    } else if let Some(e) = link.downcast_ref::<write::WriteError>() {
        Some(e.said(lang))
    } else if let Some(e) = link.downcast_ref::<workbook::WorkbookError>() {
        Some(e.said(lang))
    } else if let Some(e) = link.downcast_ref::<workbook::split::SplitError>() {
        Some(e.said(lang))
    } else if let Some(e) = link.downcast_ref::<config::ConfigError>() {
        Some(errors::config_error(e, lang))
    } else if let Some(e) = link.downcast_ref::<source::consolidated::ReadError>() {
        Some(errors::read_error(e, lang))
    } else if let Some(e) = link.downcast_ref::<diff::DiffError>() {
        Some(errors::diff_error(e, lang))
    } else if let Some(e) = link.downcast_ref::<source::SourceError>() {
        Some(crate::messages::source_error(e, lang))
    } else {
        let e = link.downcast_ref::<std::io::Error>()?;
        Some(errors::io_error(e, lang))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::diff::DiffError;
    use crate::source::SourceError;
    use crate::source::consolidated::{Lacks, ReadError};
    use crate::workbook::WorkbookError;
    use crate::workbook::split::SplitError;
    use crate::write::WriteError;
    use std::io;
    use std::path::PathBuf;

    fn has_chinese(s: &str) -> bool {
        s.chars().any(|c| ('\u{4e00}'..='\u{9fff}').contains(&c))
    }

    fn io_of(kind: io::ErrorKind) -> io::Error {
        io::Error::new(kind, "os says")
    }

    fn xlsx() -> rust_xlsxwriter::XlsxError {
        rust_xlsxwriter::XlsxError::SheetnameCannotBeBlank(String::new())
    }

    fn workbook_errors() -> Vec<WorkbookError> {
        vec![
            WorkbookError::Xlsx(xlsx()),
            WorkbookError::Write(WriteError::NoFolder {
                path: PathBuf::from("gone/a.xlsx"),
                folder: PathBuf::from("gone"),
            }),
            WorkbookError::WriterStopped("broken".into()),
        ]
    }

    /// Every variant of RunError, said in Chinese (holding Chinese) and in English (holding
    /// none: the examples' names are Latin). A variant left out of this list is a variant a
    /// reviewer sees missing; one left out of `said` does not compile.
    #[test]
    fn every_run_error_is_said_in_both_languages() {
        let lang = Lang::Zh;
        let read = || ReadError::NotConsolidated {
            path: "r0.xlsx".into(),
            lacks: Lacks::Summary,
        };
        let mut all = vec![
            RunError::NoInputs {
                paths: vec!["in".into()],
                lang,
            },
            RunError::NoLedger {
                files: 0,
                unread: Vec::new(),
                lang,
            },
            RunError::WrongExtension {
                path: "a.txt".into(),
                option: "-o",
                expected: "xlsx",
                lang,
            },
            RunError::OutputExtension {
                path: "a.pdf".into(),
                allowed: &["docx", "md"],
                lang,
            },
            RunError::JsonIsOutput {
                path: "a.xlsx".into(),
                lang,
            },
            RunError::NotAFolder {
                path: "a.xlsx".into(),
                lang,
            },
            RunError::NoInputGiven { lang },
            RunError::NotAPath {
                arg: "chk".into(),
                suggestion: Some("check"),
                lang,
            },
            RunError::NotAPath {
                arg: "nosuch".into(),
                suggestion: None,
                lang,
            },
            RunError::SourcesMissing {
                path: "src".into(),
                lang,
            },
            RunError::UnreadableInput {
                file: "a.xlsx".into(),
                cause: SourceError::Empty,
                lang,
            },
            RunError::WhichLedger {
                file: "a.xlsx".into(),
                which: crate::run::convert::Which::NoneFound,
                lang,
            },
            RunError::Follows {
                shown: "r0.xlsx".into(),
                cause: read(),
            },
            RunError::BuildingWorkbook(xlsx()),
            RunError::BuildingTemplate(xlsx()),
            RunError::TemporaryFile(io_of(io::ErrorKind::StorageFull)),
            RunError::SpoolingFindings(io_of(io::ErrorKind::StorageFull)),
            RunError::Reading(io_of(io::ErrorKind::PermissionDenied)),
            RunError::WritingLists(SplitError::Folder {
                path: "lists".into(),
                source: io_of(io::ErrorKind::PermissionDenied),
            }),
            RunError::StartingDraft(io_of(io::ErrorKind::StorageFull)),
            RunError::Drafting(io_of(io::ErrorKind::StorageFull)),
            RunError::Consolidated(read()),
            RunError::Diff(DiffError::Spool(io_of(io::ErrorKind::StorageFull))),
            RunError::Write(WriteError::IsInput {
                path: PathBuf::from("a.xlsx"),
            }),
            RunError::Io(io_of(io::ErrorKind::NotFound)),
            RunError::Json(serde_json::from_str::<u8>("x").expect_err("x is not a number")),
        ];
        for w in workbook_errors() {
            all.push(RunError::StartingWorkbook(w));
        }
        for w in workbook_errors() {
            all.push(RunError::WritingLedgerSheet(w));
        }
        for w in workbook_errors() {
            all.push(RunError::WritingFindings(w));
        }
        for w in workbook_errors() {
            all.push(RunError::WritingWorkbook(w));
        }
        for w in workbook_errors() {
            all.push(RunError::Workbook(w));
        }
        for e in &all {
            let (zh, en) = (e.said(Lang::Zh), e.said(Lang::En));
            assert!(has_chinese(&zh), "no Chinese: {zh}");
            assert!(!has_chinese(&en), "Chinese in English: {en}");
            assert!(
                !zh.contains("os says"),
                "the system's English in Chinese: {zh}"
            );
        }
    }
}
