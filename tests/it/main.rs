//! The integration tests, one binary with a module per concern (a single binary links once).

mod support;

#[cfg(unix)] // starts the server under sh with a umask, stops it with kill
mod attacks;
mod corpus;
mod dialects;
mod docs;
mod faults;
mod forgery;
mod golden;
mod grammar_props;
mod hostile;
mod languages;
mod layering;
mod layouts;
mod libreoffice;
mod merge;
mod mutants;
mod outputs;
mod report;
mod rollup;
mod roundtrip;
mod run;
mod samples;
mod serve;
mod trust;
mod unseen;
mod values;
mod verify;
mod words;
