//! Roundtable Planner's files: what organisers hand out and what they receive.
//!
//! Exports turn the plan store's queries into the documents delegations,
//! funders, hotels and the press open: the programme (PDF, DOCX, ICS, HTML),
//! the list of participants (PDF, XLSX, CSV), badges and name plates (PDF).
//! The import side parses participant lists (CSV, XLSX) into rows and a
//! column mapping; the core's `import` module checks and writes them.
//!
//! Kept apart from the core so that the core stays small and quick to build,
//! and apart from the Tauri shell so that the CLI, the tests and the
//! benchmarks use exactly the same code as the app. Every format builds from
//! one plain model ([`programme::Programme`], [`participants::ParticipantList`])
//! so the formats cannot disagree on content or order.

pub mod badges;
pub mod csv_export;
pub mod docx;
pub mod error;
pub mod export;
pub mod fonts;
pub mod html;
pub mod ics;
pub mod import;
pub mod participants;
pub mod pdf;
pub mod programme;
pub mod typeset;
pub mod xlsx;

pub use error::{Error, Result};
pub use participants::{ListedStatuses, ParticipantList, ParticipantListOptions};
pub use programme::{Programme, ProgrammeOptions, Stage};
