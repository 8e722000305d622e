//! Showing a [`crate::report::Report`]: on a terminal ([`human`]) or as the JSON document of
//! spec 5 ([`json`]). Output never re-derives facts; it only formats the report.

pub mod human;
pub mod json;
