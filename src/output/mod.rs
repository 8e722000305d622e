//! Showing results on a terminal or as JSON: a run's [`crate::tally::Tally`] ([`human`],
//! [`json`]), `verify`'s verdict ([`verify`]) and `diff`'s changes ([`diff`]). Output never
//! re-derives facts; it lays out what [`crate::messages`] says of them.

pub mod columns;
pub mod diff;
pub mod human;
pub mod json;
pub mod verify;
