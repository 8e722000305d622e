//! Cell values: the grammars of spec 2.1–2.3 as pure functions.
//!
//! - [`header`]: the fields of a ledger and the header words that name them;
//! - [`deadline`]: `整改时限` written as a date, a month, a quarter, `立行立改` or `长期坚持`;
//! - [`status`]: `完成情况` words and their categories;
//! - [`enumeration`]: measure cells that hold several numbered measures;
//! - [`id`]: a measure's stable ID across rounds;
//! - [`text`]: the normalisation all of them share.

pub mod deadline;
pub mod enumeration;
pub mod header;
pub mod id;
pub mod status;
pub mod text;
