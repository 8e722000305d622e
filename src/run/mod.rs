//! The use cases: what each command does, as a library call with a typed request and a typed
//! result. The binary (`src/cmd/`) and the page only turn their arguments into a request, and
//! the result into what they print or answer.
//!
//! | use case | request | result |
//! |---|---|---|
//! | [`merge()`] | [`MergeRequest`] | the run's [`Tally`], the workbook written |
//! | [`check::check`], [`check::check_json`] | [`CheckRequest`] | the run's [`Tally`], each finding handed on |
//! | [`split::split`] | [`SplitRequest`] | the lists written ([`split::Split`]) |
//! | [`report::report`] | [`ReportRequest`] | the draft written ([`report::Drafted`]) |
//! | [`verify::verify`] | [`VerifyRequest`] | the workbook read and its verdict |
//! | [`diff::diff`] | [`DiffRequest`] | the changes ([`diff::Diffed`]) |
//! | [`convert::convert`] | [`ConvertRequest`] | the ledger converted ([`convert::Converted`]) |
//! | [`columns::columns`] | [`Inputs`] | the inputs' records, with the column of every field |
//! | [`template::template`] | [`TemplateRequest`] | the blank standard ledger written |
//!
//! Every failure is a [`RunError`]: a refused request (a wrong extension, an input that is also
//! an output, no ledger read) worded in the run's language, or what failed while it ran.
//!
//! ```no_run
//! use taizhang::config::Settings;
//! use taizhang::run::{self, Inputs, MergeRequest};
//!
//! let settings = Settings::new(chrono::NaiveDate::from_ymd_opt(2023, 3, 30).unwrap());
//! let req = MergeRequest::new(Inputs::paths(["ledgers"]), "汇总.xlsx", settings);
//! let tally = run::merge(&req)?;
//! println!("{} files, {} units", tally.files, tally.units.len());
//! # Ok::<(), run::RunError>(())
//! ```

pub mod check;
pub mod columns;
pub mod convert;
pub mod diff;
pub mod merge;
pub mod report;
mod said;
pub mod split;
pub mod template;
pub mod verify;

pub use check::CheckRequest;
pub use convert::ConvertRequest;
pub use diff::DiffRequest;
pub use merge::{MergeRequest, merge, merge_with};
pub use report::ReportRequest;
pub use said::error_text;
pub use split::SplitRequest;
pub use template::TemplateRequest;
pub use verify::VerifyRequest;

use crate::Lang;
use crate::config::Settings;
use crate::messages;
use crate::pipeline;
use crate::source::{self, Input};
use crate::tally::{Tally, Unread};
use crate::write::WriteError;
use std::borrow::Cow;
use std::path::{Path, PathBuf};

/// Why a use case failed. The refusals are worded in the language they carry (the run's); the
/// failures while running name what was being done, with the cause as their
/// [`source`](std::error::Error::source).
#[derive(Debug, thiserror::Error)]
pub enum RunError {
    /// The paths given hold no spreadsheet at all.
    #[error("{}", messages::run::no_inputs(paths, *lang))]
    NoInputs {
        /// The paths, as shown.
        paths: Vec<String>,
        /// The language of the message.
        lang: Lang,
    },
    /// The inputs gave no ledger: nothing is written.
    #[error("{}", messages::run::no_ledger_read(*files, unread, *lang))]
    NoLedger {
        /// The files read.
        files: u64,
        /// Those that gave no ledger, and why.
        unread: Vec<Unread>,
        /// The language of the message.
        lang: Lang,
    },
    /// An output's name does not end in the extension of what is written there.
    #[error("{}", messages::run::wrong_extension(path, option, expected, *lang))]
    WrongExtension {
        /// The output, as shown.
        path: String,
        /// The option that names it (`-o`, `--json`).
        option: &'static str,
        /// The extension expected.
        expected: &'static str,
        /// The language of the message.
        lang: Lang,
    },
    /// An output's extension is none of the formats the use case writes.
    #[error("{}", messages::run::output_extension(path, allowed, *lang))]
    OutputExtension {
        /// The output, as shown.
        path: String,
        /// The extensions written.
        allowed: &'static [&'static str],
        /// The language of the message.
        lang: Lang,
    },
    /// `--json` names the workbook's file.
    #[error("{}", messages::run::json_is_output(path, *lang))]
    JsonIsOutput {
        /// The file, as shown.
        path: String,
        /// The language of the message.
        lang: Lang,
    },
    /// The folder to write into is a file.
    #[error("{}", messages::run::not_a_folder(path, *lang))]
    NotAFolder {
        /// The path, as shown.
        path: String,
        /// The language of the message.
        lang: Lang,
    },
    /// Neither a command nor an input was given.
    #[error("{}", messages::errors::no_input_given(*lang))]
    NoInputGiven {
        /// The language of the message.
        lang: Lang,
    },
    /// A path of the command-less form does not exist: perhaps a mistyped command.
    #[error("{}", messages::errors::not_a_path(arg, *suggestion, *lang))]
    NotAPath {
        /// The argument, as given.
        arg: String,
        /// The command it perhaps meant.
        suggestion: Option<&'static str>,
        /// The language of the message.
        lang: Lang,
    },
    /// A path of `--sources` does not exist.
    #[error("{}", messages::run::sources_missing(path, *lang))]
    SourcesMissing {
        /// The path, as shown.
        path: String,
        /// The language of the message.
        lang: Lang,
    },
    /// The one input of a conversion could not be read.
    #[error("{}", messages::run::unreadable_input(file, cause, *lang))]
    UnreadableInput {
        /// The input, as shown.
        file: String,
        /// Why.
        cause: source::SourceError,
        /// The language of the message.
        lang: Lang,
    },
    /// The one ledger to convert is not found, or not the only one.
    #[error("{}", convert::refusal(file, which, *lang))]
    WhichLedger {
        /// The input, as shown.
        file: String,
        /// What was found instead of one ledger.
        which: convert::Which,
        /// The language of the message.
        lang: Lang,
    },
    /// The round of `--follows` could not be read.
    #[error("--follows {shown}")]
    Follows {
        /// The round's workbook, as shown.
        shown: String,
        /// Why.
        #[source]
        cause: source::consolidated::ReadError,
    },
    /// The workbook could not be started.
    #[error("starting the workbook")]
    StartingWorkbook(#[source] crate::workbook::WorkbookError),
    /// A file's rows could not be added to the ledger sheet.
    #[error("writing the ledger sheet")]
    WritingLedgerSheet(#[source] crate::workbook::WorkbookError),
    /// The findings of the run could not be added.
    #[error("writing the findings")]
    WritingFindings(#[source] crate::workbook::WorkbookError),
    /// The workbook could not be saved.
    #[error("writing the workbook")]
    WritingWorkbook(#[source] crate::workbook::WorkbookError),
    /// A standard workbook could not be built.
    #[error("building the workbook")]
    BuildingWorkbook(#[source] rust_xlsxwriter::XlsxError),
    /// The blank template could not be built.
    #[error("building the template")]
    BuildingTemplate(#[source] rust_xlsxwriter::XlsxError),
    /// The temporary file the JSON findings wait in could not be made.
    #[error("a temporary file")]
    TemporaryFile(#[source] std::io::Error),
    /// The findings could not be spooled or handed on.
    #[error("spooling the findings")]
    SpoolingFindings(#[source] std::io::Error),
    /// The inputs could not be read.
    #[error("reading")]
    Reading(#[source] std::io::Error),
    /// The lists could not be written.
    #[error("writing the lists")]
    WritingLists(#[source] crate::workbook::split::SplitError),
    /// The draft could not be started.
    #[error("starting the draft")]
    StartingDraft(#[source] std::io::Error),
    /// The draft could not be written.
    #[error("drafting")]
    Drafting(#[source] std::io::Error),
    /// A workbook could not be written.
    #[error(transparent)]
    Workbook(#[from] crate::workbook::WorkbookError),
    /// A consolidated workbook could not be read.
    #[error(transparent)]
    Consolidated(#[from] source::consolidated::ReadError),
    /// The rounds could not be compared.
    #[error(transparent)]
    Diff(#[from] crate::diff::DiffError),
    /// An output could not be written.
    #[error(transparent)]
    Write(#[from] WriteError),
    /// Reading or writing failed.
    #[error(transparent)]
    Io(#[from] std::io::Error),
    /// Records could not be put as JSON.
    #[error(transparent)]
    Json(#[from] serde_json::Error),
}

/// What a run reads.
#[derive(Debug, Clone)]
pub enum Inputs {
    /// Files and folders as a command line names them: every supported file below a folder,
    /// screened so that nothing is counted twice (`pipeline::screen`); with `own_outputs`
    /// false taizhang's own workbooks are never read (the command-less form).
    Paths {
        /// The files and folders.
        paths: Vec<PathBuf>,
        /// Whether a consolidated workbook taizhang wrote is read.
        own_outputs: bool,
    },
    /// Inputs already found and screened.
    Found(Vec<Input>),
}

impl Inputs {
    /// Files and folders, taizhang's own workbooks read as any other.
    pub fn paths<P: Into<PathBuf>>(paths: impl IntoIterator<Item = P>) -> Inputs {
        Inputs::Paths {
            paths: paths.into_iter().map(Into::into).collect(),
            own_outputs: true,
        }
    }

    /// The inputs: found and screened for paths; fails when the paths hold no spreadsheet.
    pub fn resolve(&self, settings: &Settings) -> Result<Cow<'_, [Input]>, RunError> {
        match self {
            Inputs::Found(found) => Ok(Cow::Borrowed(found)),
            Inputs::Paths { paths, own_outputs } => {
                let mut inputs = source::discover(paths);
                if inputs.is_empty() {
                    return Err(RunError::NoInputs {
                        paths: paths.iter().map(|p| source::display_path(p)).collect(),
                        lang: settings.lang,
                    });
                }
                pipeline::screen(
                    &mut inputs,
                    settings,
                    pipeline::default_threads(),
                    *own_outputs,
                );
                Ok(Cow::Owned(inputs))
            }
        }
    }
}

/// The days consolidated workbooks among the inputs record, earliest first, when no as-of date
/// was stated (`stated`, or the configuration's): a run over them judges on their own day, the
/// latest, set in `settings`. `split 汇总.xlsx` lists what the workbook found overdue, not what
/// is overdue today. Nothing when a day was stated.
pub fn judge_on_recorded_day(
    settings: &mut Settings,
    inputs: &[Input],
    stated: bool,
) -> Vec<chrono::NaiveDate> {
    if stated || settings.config.as_of.is_some() {
        return Vec::new();
    }
    let days = source::consolidated::recorded_days(inputs, &settings.limits);
    if let Some(last) = days.last() {
        settings.as_of = *last;
    }
    days
}

/// What a long run says as it goes (a progress bar); every step does nothing by default.
pub trait Progress {
    /// The run starts on this many inputs.
    fn start(&self, _inputs: usize) {}
    /// An input (or a part of one) has been added; its path as shown.
    fn added(&self, _input: &str) {}
    /// The outputs are being saved.
    fn saving(&self) {}
    /// The run is over, or read no ledger.
    fn finish(&self) {}
}

/// No progress said.
impl Progress for () {}

/// Fails, when the run read no ledger, with why each input gave none.
pub fn require_ledgers(tally: &Tally, settings: &Settings) -> Result<(), RunError> {
    if tally.ledgers > 0 {
        return Ok(());
    }
    Err(RunError::NoLedger {
        files: tally.files,
        unread: tally.unread.clone(),
        lang: settings.lang,
    })
}

/// Fails when an output's name does not end in the extension of what is written there.
pub(crate) fn expect_extension(
    path: &Path,
    option: &'static str,
    expected: &'static str,
    lang: Lang,
) -> Result<(), RunError> {
    let ok = path
        .extension()
        .and_then(|e| e.to_str())
        .is_some_and(|e| e.eq_ignore_ascii_case(expected));
    if ok {
        Ok(())
    } else {
        Err(RunError::WrongExtension {
            path: path.display().to_string(),
            option,
            expected,
            lang,
        })
    }
}

/// An output's extension in lower case, when it is one of `allowed`.
fn extension_of(
    path: &Path,
    allowed: &'static [&'static str],
    lang: Lang,
) -> Result<String, RunError> {
    let ext = path
        .extension()
        .and_then(|e| e.to_str())
        .map(str::to_ascii_lowercase)
        .unwrap_or_default();
    if allowed.contains(&ext.as_str()) {
        Ok(ext)
    } else {
        Err(RunError::OutputExtension {
            path: path.display().to_string(),
            allowed,
            lang,
        })
    }
}
