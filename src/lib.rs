//! # taizhang — rectification ledgers (整改台账), read, checked, consolidated and proven
//!
//! After an inspection every unit concerned sends a workbook listing each problem the
//! inspectors found, the measures taken, who is responsible and by when. taizhang reads such
//! workbooks in whatever layout and format each unit used, checks them against the rules of
//! the ledger specification, consolidates them into one workbook an office can print, and lets
//! an auditor prove that workbook afterwards.
//!
//! ## Module map
//!
//! The data flows one way, and the modules follow it; a module imports only modules above it
//! in this list (`tests/it/layering.rs` holds the order):
//!
//! | layer | module | what it does |
//! |---|---|---|
//! | foundation | [`crash`] | a reader that panics costs only its file |
//! | | `pool` | threads in one place: ordered parallel maps, a producer and its consumer |
//! | | `lang` | Chinese or English ([`Lang`]) |
//! | | [`value`] | the grammars of cell values: text, header words, deadlines, statuses, enumerations |
//! | | [`model`] | the model's vocabulary: timing, severities, counters |
//! | | [`schema`] | the consolidated workbook, described once: sheets, columns, cells, formulas, digests |
//! | sources | [`source`] | files → sheets of cells; limits; a consolidated workbook read back by the schema |
//! | | [`config`] | a run's settings |
//! | layout | [`layout`] | the ledger in a sheet: header rows, columns → fields, data rows, unit |
//! | ledger model | [`ledger`] | problems and measures; timing and counters of a ledger |
//! | checks | [`finding`] | findings: rule, severity, location and typed facts |
//! | | [`check`] | the rules of spec 3, one function per rule |
//! | | `round` | the round a merge follows: IDs sent out and come back |
//! | | [`pipeline`] | one file from bytes to ledgers and findings; a run in parallel |
//! | | [`tally`] | a run's inputs, counters and findings |
//! | | `row` | a measure as a row of the consolidated ledger |
//! | | [`verify`] | the proofs of a consolidated workbook, with typed discrepancies |
//! | | [`diff`] | what changed between two rounds |
//! | words | [`messages`] | every fact in Chinese or English |
//! | outputs | [`output`] | the terminal and JSON |
//! | | [`write`](mod@write) | files written whole or not at all |
//! | | `pack` | the zip packer: rows compressed elsewhere, spliced into a package |
//! | | [`workbook`] | the consolidated workbook, the changes workbook, the standard ledger |
//! | | [`convert`] | one ledger in the standard form (xlsx, csv, json) |
//! | | `report` | the published progress report, drafted (.docx, .md, .txt) |
//! | use cases | [`run`] | each command as a call: a typed request, a typed result, a [`run::RunError`] |
//! | adapters | [`page`] | the clerks' page (`taizhang serve`): HTTP requests into the calls of [`run`] |
//!
//! A module named without a link is internal (`pub(crate)`); a linked one is public for what a
//! library user, the binary, the tests and the fuzz targets reach through it, the rest of it
//! `pub(crate)` (`#![warn(unreachable_pub)]` keeps it so).
//!
//! The binary (`src/main.rs`, `src/cmd/`) parses the command line into the requests of [`run`]
//! (or [`page::ServeRequest`]) and prints their results; only it imports [`page`].
//!
//! ```no_run
//! use taizhang::{config::Settings, model::Counter, pipeline, source, tally::Tally};
//! let settings = Settings::new(chrono::NaiveDate::from_ymd_opt(2023, 3, 30).unwrap());
//! let mut tally = Tally::new(settings.as_of);
//! for input in source::discover(&["samples".into()]) {
//!     tally.add_file(&pipeline::process_file(&input, &settings), &settings);
//! }
//! println!("{} measures", tally.totals[Counter::Measures]);
//! ```

#![warn(missing_docs)]
#![warn(unreachable_pub)]

pub mod check;
pub mod config;
pub mod convert;
pub mod crash;
pub mod diff;
pub mod finding;
pub(crate) mod lang;
pub mod layout;
pub mod ledger;
pub mod messages;
pub mod model;
pub mod output;
pub(crate) mod pack;
pub mod page;
pub mod pipeline;
pub(crate) mod pool;
pub(crate) mod report;
pub(crate) mod round;
pub(crate) mod row;
pub mod run;
pub mod schema;
pub mod source;
pub mod tally;
pub mod value;
pub mod verify;
pub mod workbook;
pub mod write;

pub use lang::Lang;

/// The tool's version, as reports and workbooks record it.
pub const VERSION: &str = env!("CARGO_PKG_VERSION");
