//! Benchmarks at organiser scale and beyond: a deterministic generator of a
//! large plan (years of events across many series), and the timing of every
//! query and command the UI uses on it and of the exports and imports,
//! reported as medians and p99.

pub mod documents;
pub mod generate;
pub mod journal;
pub mod measure;
pub mod startup;
