//! Roundtable Planner's core: the domain of regional round-tables and
//! high-level dialogues (series, events, organisations and funding,
//! delegations and participants, the agenda), its validation, and the SQLite
//! plan store with the queries the screens need.
//!
//! It has no Tauri dependency: the desktop shell and the `roundtable` CLI are
//! thin layers over [`Store`], and everything here builds and tests without a
//! display.

pub mod agenda;
pub mod backup;
mod bulk;
pub mod collation;
pub mod conflicts;
pub mod countries;
pub mod delegation;
pub mod delegation_workflow;
pub mod erasure;
pub mod error;
pub mod event;
pub mod examples;
pub mod field;
pub mod funding;
pub mod holders;
pub mod import;
pub mod journal;
pub mod media;
pub mod next_stop;
pub mod organisation;
pub mod outcome;
pub mod overview;
pub mod owner_only;
pub mod participant;
pub mod person;
pub mod plan_check;
pub mod plan_file;
pub mod plan_search;
mod plan_setting;
#[cfg(test)]
mod query_plans;
pub mod readiness;
pub mod series;
pub mod shown;
pub mod store;
pub mod text;
pub mod tracker;
pub mod validate;
pub mod vocabulary;

pub use agenda::{
    Agenda, AgendaDay, AgendaDayInput, AgendaDayView, Session, SessionInput, SessionPerson, SessionPersonInput,
};
pub use backup::{BackupInfo, Backups};
pub use conflicts::{Conflict, ConflictKind};
pub use delegation::{Delegation, DelegationInput};
pub use delegation_workflow::{DelegationWorkflow, DelegationWorkflowInput};
pub use erasure::{Erasure, RetainedEvent, RetentionPreview, RetentionReport};
pub use error::{ApiError, Checks, Error, ErrorKind, Problem, Result};
pub use event::{Event, EventInput, EventSummary};
pub use field::Field;
pub use funding::{Funding, FundingInput};
pub use import::{ImportReport, ImportRow, ImportStep, RowAction, RowOutcome};
pub use journal::{
    Activity, Change, Decision, Disagreement, DisagreementOption, HISTORY_DAYS, HistoryFilter, Installation,
    MergeReport, OptionKind, Rename, SyncReport, UndoStep,
};
pub use media::{MediaContact, MediaContactInput};
pub use next_stop::NextStopInput;
pub use organisation::{EventOrganiser, Organisation, OrganisationInput};
pub use outcome::{FollowUp, FollowUpInput, Outcome, OutcomeInput};
pub use overview::{EventOverview, SeriesStop};
pub use participant::{MembershipInput, Participant, ParticipantFilter, ParticipantView, Registration};
pub use person::{Person, PersonInput};
pub use plan_check::{DamagedRow, PlanCheck};
pub use plan_search::{EventHit, Participation, PersonHit, PlanSearch, SessionHit};
pub use readiness::{ReadinessItem, ReadinessKind, ReadinessSeverity, ReadinessTab};
pub use series::{Series, SeriesInput};
pub use store::Store;
pub use tracker::{DelegationTracker, TrackerCounts, TrackerRow};
pub use vocabulary::*;
