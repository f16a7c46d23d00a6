//! The Tauri commands, one file per area. Each gets the state, calls the core
//! and maps the error; nothing else happens here.

pub mod agenda;
pub mod app;
pub mod backups;
pub mod delegations;
pub mod documents;
pub mod events;
pub mod examples;
pub mod file_dialogs;
pub mod journal;
pub mod organisations;
pub mod participants;
pub mod personal_data;
pub mod plan_check;
pub mod plan_files;
pub mod plan_settings;
pub mod records;
pub mod search;
pub mod team;
