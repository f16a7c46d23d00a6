//! Benchmarks at organiser scale and beyond: a deterministic generator of a
//! large plan (years of events across many series), and the timing of every
//! query and command the UI uses on it, reported as medians and p99.

pub mod generate;
pub mod measure;
pub mod startup;
