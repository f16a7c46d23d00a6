//! The command line's grammar: `roundtable OBJECT VERB [REF] [--FIELD VALUE…]`.
//! Each object's verbs and flags live in its own module under `objects/`.

use crate::objects::{
    backup, day, delegation, event, export, follow_up, funding, import, journal, media, organisation, organiser,
    outcome, participant, person, plan, reference, series, session,
};
use clap::{Parser, Subcommand};
use std::path::PathBuf;

/// Plan regional round-tables and dialogues: events, delegations, participants and agendas.
///
/// Every object has the same verbs: `list`, `show REF`, `create` (or `add`), `update REF` (changes only the
/// flags given), `delete REF` (or `remove`). REF is an id or a part of a name or title that only one record
/// has; records of an event (delegations, participants, days, sessions…) are named within `--event REF`.
#[derive(Debug, Parser)]
#[command(name = "roundtable", version, about, long_about)]
pub struct Cli {
    /// The plan store (SQLite file); default: $ROUNDTABLE_DB, else the app's data directory.
    #[arg(long, global = true, value_name = "PATH")]
    pub db: Option<PathBuf>,
    /// Print JSON instead of text: a list is an array of objects with an `id`, a record an object with an `id`;
    /// errors go to stderr as {kind, message, field}.
    #[arg(long, global = true)]
    pub json: bool,
    #[command(subcommand)]
    pub command: Command,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// The example events from the seed articles.
    #[command(subcommand)]
    Example(reference::ExampleCommand),
    /// ISO 3166-1 countries and their codes.
    #[command(subcommand)]
    Country(reference::CountryCommand),
    /// Series of events (a tour of capitals).
    #[command(subcommand)]
    Series(series::SeriesCommand),
    /// Events: facts, status, readiness, the delegation tracker, the next stop.
    #[command(subcommand)]
    Event(event::EventCommand),
    /// Organisations of the plan (organisers, funders, delegations).
    #[command(subcommand, visible_alias = "org")]
    Organisation(organisation::OrganisationCommand),
    /// An organisation's role at an event (lead organiser, host, funder…).
    #[command(subcommand)]
    Organiser(organiser::OrganiserCommand),
    /// Who funds an event, how much, for what, and the acknowledgement line.
    #[command(subcommand)]
    Funding(funding::FundingCommand),
    /// Delegations of an event, with their quotas.
    #[command(subcommand)]
    Delegation(delegation::DelegationCommand),
    /// People of the plan, across events.
    #[command(subcommand)]
    Person(person::PersonCommand),
    /// Participants of an event: a person in a delegation, with role, status and logistics.
    #[command(subcommand)]
    Participant(participant::ParticipantCommand),
    /// Days of an event's agenda, with their themes.
    #[command(subcommand)]
    Day(day::DayCommand),
    /// Sessions of an event's agenda.
    #[command(subcommand)]
    Session(session::SessionCommand),
    /// Media contacts of an event.
    #[command(subcommand)]
    MediaContact(media::MediaContactCommand),
    /// Outcomes of an event, per country or for all.
    #[command(subcommand)]
    Outcome(outcome::OutcomeCommand),
    /// Follow-up actions of an event.
    #[command(subcommand)]
    FollowUp(follow_up::FollowUpCommand),
    /// Documents: the programme, the list of participants, badges, name plates.
    #[command(subcommand)]
    Export(export::ExportCommand),
    /// Participant lists from CSV or spreadsheet files.
    #[command(subcommand)]
    Import(import::ImportCommand),
    /// The plan's backups: taken before upgrades, imports and deletes and while editing; restore one.
    #[command(subcommand)]
    Backup(backup::BackupCommand),
    /// Settings of the whole plan: how long personal data of past events is kept.
    #[command(subcommand)]
    Plan(plan::PlanCommand),
    /// Take back this plan file's last action, whole (an import, a delete with what it took with it).
    ///
    /// Example: roundtable undo
    Undo,
    /// Do again the action the last undo took back (until a new change is made).
    ///
    /// Example: roundtable redo
    Redo,
    /// Who changed what and when, the latest first: one line per action, or with --record that record's
    /// changes field by field with the values they replaced.
    ///
    /// Example: roundtable history --record 0192d3c4-5e6f-7a8b-9c0d-1e2f3a4b5c6d
    History(journal::HistoryArgs),
    /// Your name and organisation, shown to teammates beside your changes; set them with the flags.
    ///
    /// Example: roundtable whoami --name "Ana Reyes" --organisation "IOM Thailand"
    Whoami(journal::WhoamiArgs),
    /// Merge the plan with its team folder: teammates' changes come in, yours go out.
    ///
    /// Example: roundtable sync --folder ~/OneDrive/bangkok-dialogue
    Sync(journal::SyncArgs),
    /// What teammates changed differently, and deciding it.
    #[command(subcommand)]
    Disagreement(journal::DisagreementCommand),
}
