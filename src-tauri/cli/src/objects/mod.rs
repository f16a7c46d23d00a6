//! One module per object of the plan: its verbs and flags (clap), and how
//! each verb is carried out through the core's public `Store` API.

pub mod backup;
pub mod day;
pub mod delegation;
pub mod event;
pub mod export;
pub mod follow_up;
pub mod funding;
pub mod import;
pub mod journal;
pub mod media;
pub mod organisation;
pub mod organiser;
pub mod outcome;
pub mod participant;
pub mod person;
pub mod plan;
pub mod reference;
pub mod series;
pub mod session;
