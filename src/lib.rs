//! # taizhang — rectification ledgers (整改台账), read, checked, consolidated and proven
//!
//! After a district inspection every community sends its sub-district a workbook listing each
//! problem the inspectors found, the measures taken, who is responsible and by when. taizhang
//! reads such workbooks in whatever layout and format each community used, checks them against
//! the rules of the ledger specification, consolidates them into one workbook an office can
//! print, and lets an auditor prove that workbook afterwards.
//!
//! The data flows one way, and the modules follow it:
//!
//! 1. [`source`] — from a file to sheets of cells with their merged regions;
//! 2. [`layout`] — finding the ledger in a sheet: header rows, data rows, footer, community;
//! 3. [`value`] — the grammars of deadlines, statuses, enumerations and header words;
//! 4. [`ledger`] — the model: problems and their measures;
//! 5. [`check`] — the rules, one function per rule id; [`counters`] — the counters;
//! 6. [`report`] — the result of a run, which [`output`] shows on a terminal or as JSON.
//!
//! [`pipeline`] runs steps 1–5 for one file; [`config`] holds a run's settings.
//!
//! ```no_run
//! use taizhang::{config::Settings, pipeline, report::Report, source};
//! let settings = Settings::new(chrono::NaiveDate::from_ymd_opt(2023, 3, 30).unwrap());
//! let mut report = Report::new(settings.as_of);
//! for input in source::discover(&["samples".into()]) {
//!     report.add_file(&pipeline::process_file(&input, &settings), &settings);
//! }
//! println!("{} measures", report.totals.measures);
//! ```

pub mod check;
pub mod config;
pub mod convert;
pub mod counters;
pub mod crash;
pub mod diff;
pub mod finding;
pub mod layout;
pub mod ledger;
pub mod output;
pub mod pipeline;
pub mod progress;
pub mod report;
pub mod source;
pub mod value;
pub mod verify;
pub mod workbook;
pub mod write;

use serde::{Deserialize, Serialize};

/// The tool's version, as reports and workbooks record it.
pub const VERSION: &str = env!("CARGO_PKG_VERSION");

/// The language of messages, sheet names and headers.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Lang {
    /// Chinese (the default).
    #[default]
    Zh,
    /// English.
    En,
}

impl Lang {
    /// Picks the text for this language.
    ///
    /// ```
    /// assert_eq!(taizhang::Lang::En.pick("问题", "problems"), "problems");
    /// ```
    pub fn pick<'a>(self, zh: &'a str, en: &'a str) -> &'a str {
        match self {
            Lang::Zh => zh,
            Lang::En => en,
        }
    }
}

impl std::str::FromStr for Lang {
    type Err = String;

    fn from_str(s: &str) -> Result<Lang, String> {
        match s {
            "zh" => Ok(Lang::Zh),
            "en" => Ok(Lang::En),
            _ => Err(format!("unknown language {s} (use zh or en)")),
        }
    }
}
