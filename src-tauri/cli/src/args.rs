//! The command line's grammar.

use clap::{Args, Parser, Subcommand};
use std::path::PathBuf;

/// Plan regional round-tables and dialogues: events, delegations, participants and agendas.
#[derive(Debug, Parser)]
#[command(name = "roundtable", version, about)]
pub struct Cli {
    /// The plan store (SQLite file); default: $ROUNDTABLE_DB, else the app's data directory.
    #[arg(long, global = true, value_name = "PATH")]
    pub db: Option<PathBuf>,
    /// Print JSON instead of text (errors too, on stderr).
    #[arg(long, global = true)]
    pub json: bool,
    #[command(subcommand)]
    pub command: Command,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// The example events from the seed articles.
    #[command(subcommand)]
    Example(ExampleCommand),
    /// Events: list, show, create.
    #[command(subcommand)]
    Event(EventCommand),
    /// Delegations of an event.
    #[command(subcommand)]
    Delegation(DelegationCommand),
    /// Participants of an event.
    #[command(subcommand)]
    Participant(ParticipantCommand),
    /// Sessions of an event's agenda.
    #[command(subcommand)]
    Session(SessionCommand),
    /// Documents: the programme, the list of participants, badges, name plates.
    #[command(subcommand)]
    Export(ExportCommand),
    /// Participant lists from CSV or spreadsheet files.
    #[command(subcommand)]
    Import(ImportCommand),
}

#[derive(Debug, Subcommand)]
pub enum ExampleCommand {
    /// Load the Bangkok 2022 dialogue and the MIEUX 2018 round-table (never twice).
    Load,
}

#[derive(Debug, Subcommand)]
pub enum EventCommand {
    /// Every event, latest first.
    List,
    /// One event with its delegations, agenda and conflicts.
    Show {
        /// The event's id, or a part of its title that only it has.
        event: String,
    },
    /// Create an event with a day in the agenda for each of its dates.
    Create(Box<CreateEvent>),
    /// The delegation tracker of an event.
    Tracker {
        /// The event's id, or a part of its title that only it has.
        event: String,
    },
}

#[derive(Debug, Args)]
pub struct CreateEvent {
    #[arg(long)]
    pub title: String,
    #[arg(long)]
    pub city: String,
    /// ISO 3166-1 code of the host country.
    #[arg(long)]
    pub country: String,
    /// IANA time zone of the venue, e.g. Asia/Bangkok.
    #[arg(long = "time-zone")]
    pub time_zone: String,
    /// First day, YYYY-MM-DD.
    #[arg(long)]
    pub start: String,
    /// Last day, YYYY-MM-DD.
    #[arg(long)]
    pub end: String,
    #[arg(long, default_value = "")]
    pub venue: String,
    /// round_table, dialogue, consultation, workshop, conference, expert_meeting.
    #[arg(long)]
    pub format: Option<String>,
    /// draft, planned, confirmed, held, reported, cancelled.
    #[arg(long)]
    pub status: Option<String>,
    /// The series' title (created when new).
    #[arg(long)]
    pub series: Option<String>,
}

#[derive(Debug, Subcommand)]
pub enum DelegationCommand {
    /// Add a delegation: a country (--country) or a named group (--name, --kind).
    Add {
        /// The event's id, or a part of its title that only it has.
        #[arg(long)]
        event: String,
        /// ISO 3166-1 code, for a country delegation.
        #[arg(long)]
        country: Option<String>,
        /// The delegation's name (default: the country's name).
        #[arg(long)]
        name: Option<String>,
        /// country, organisation, expert_group, organising_team.
        #[arg(long)]
        kind: Option<String>,
        /// An existing organisation's name, for an organisation delegation.
        #[arg(long)]
        organisation: Option<String>,
        /// Seats offered.
        #[arg(long)]
        quota: Option<u32>,
    },
}

#[derive(Debug, Subcommand)]
pub enum ParticipantCommand {
    /// Register a person with a delegation of the event.
    Add(Box<AddParticipant>),
    /// The participants of an event in protocol order.
    List {
        #[arg(long)]
        event: String,
    },
}

#[derive(Debug, Args)]
pub struct AddParticipant {
    /// The event's id, or a part of its title that only it has.
    #[arg(long)]
    pub event: String,
    /// The delegation's id, name or country code.
    #[arg(long)]
    pub delegation: String,
    #[arg(long = "family-name")]
    pub family_name: String,
    #[arg(long = "given-name", default_value = "")]
    pub given_name: String,
    #[arg(long, default_value = "")]
    pub honorific: String,
    #[arg(long, default_value = "")]
    pub position: String,
    #[arg(long, default_value = "")]
    pub organisation: String,
    #[arg(long)]
    pub email: Option<String>,
    /// female, male, other, undisclosed.
    #[arg(long)]
    pub gender: Option<String>,
    /// head, member, speaker, moderator, expert, observer, rapporteur, staff.
    #[arg(long)]
    pub role: Option<String>,
    /// invited, nominated, confirmed, attended, declined, cancelled.
    #[arg(long)]
    pub status: Option<String>,
    /// A visa letter is still needed.
    #[arg(long = "visa-letter")]
    pub visa_letter: bool,
}

#[derive(Debug, Subcommand)]
pub enum SessionCommand {
    /// Add a session to a day of the event.
    Add(Box<AddSession>),
}

#[derive(Debug, Args)]
pub struct AddSession {
    /// The event's id, or a part of its title that only it has.
    #[arg(long)]
    pub event: String,
    /// The day, YYYY-MM-DD (added to the agenda when missing).
    #[arg(long)]
    pub date: String,
    /// Start, HH:MM in the venue's time.
    #[arg(long)]
    pub start: String,
    /// End, HH:MM in the venue's time.
    #[arg(long)]
    pub end: String,
    #[arg(long)]
    pub title: String,
    /// opening, keynote, plenary, panel, working_group, break, lunch, closing, side_event, study_visit.
    #[arg(long)]
    pub kind: Option<String>,
    #[arg(long, default_value = "")]
    pub room: String,
    /// A participant (id, e-mail or family name) who chairs the session.
    #[arg(long)]
    pub chair: Vec<String>,
    /// A participant (id, e-mail or family name) who speaks; repeat for several.
    #[arg(long)]
    pub speaker: Vec<String>,
}

#[derive(Debug, Subcommand)]
pub enum ExportCommand {
    /// The programme: pdf (print-ready A4), docx (editable), ics (calendars) or html.
    Programme {
        /// The event's id, or a part of its title that only it has.
        #[arg(long)]
        event: String,
        /// pdf, docx, ics or html.
        #[arg(long)]
        format: String,
        /// Mark it as the final programme (default: final once the event is held, else provisional).
        #[arg(long = "final", conflicts_with = "provisional")]
        final_: bool,
        /// Mark it as the provisional programme.
        #[arg(long)]
        provisional: bool,
        /// The version date printed with it, YYYY-MM-DD (default: today).
        #[arg(long = "version-date")]
        version_date: Option<String>,
        /// Where to write the file.
        #[arg(long)]
        out: PathBuf,
    },
    /// The list of participants by delegation in protocol order: pdf, xlsx or csv.
    Participants {
        #[arg(long)]
        event: String,
        /// pdf, xlsx or csv.
        #[arg(long)]
        format: String,
        /// Include e-mail addresses and phone numbers.
        #[arg(long)]
        contacts: bool,
        /// XLSX: one sheet per delegation.
        #[arg(long = "sheet-per-delegation")]
        sheet_per_delegation: bool,
        #[arg(long)]
        out: PathBuf,
    },
    /// Badges (PDF, eight 90 × 60 mm badges per A4 sheet).
    Badges {
        #[arg(long)]
        event: String,
        #[arg(long)]
        out: PathBuf,
    },
    /// Name plates (PDF, one tent card per landscape A4 sheet).
    NamePlates {
        #[arg(long)]
        event: String,
        #[arg(long)]
        out: PathBuf,
    },
}

#[derive(Debug, Subcommand)]
pub enum ImportCommand {
    /// Import participants from a CSV, XLSX, XLS or ODS file; all rows or none.
    Participants {
        #[arg(long)]
        event: String,
        /// The file to import.
        file: PathBuf,
        /// Only report what would be created, updated and rejected.
        #[arg(long = "dry-run")]
        dry_run: bool,
        /// The sheet of a workbook to read (default: the first).
        #[arg(long)]
        sheet: Option<String>,
        /// Correct the mapping: HEADER=FIELD (e.g. "Nom=family_name", "Notes=ignore"); repeat for several.
        #[arg(long = "map", value_name = "HEADER=FIELD")]
        map: Vec<String>,
    },
}
