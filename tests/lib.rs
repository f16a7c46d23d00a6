//! Shared fixtures of the organiser's-jobs tests in `jobs/`.
//!
//! Every test gets its own plan store on a file in a temporary folder (the
//! same WAL-mode SQLite file the app uses, not an in-memory copy), and builds
//! what it needs through the public API of `roundtable_core` only: the tests
//! see the store as the desktop shell and the CLI do.
//!
//! [`bangkok_dialogue`] is the small event most jobs start from: the
//! three-day regional dialogue on migrant protection in Bangkok, 21 to 23
//! September 2022, with its agenda days filled in. [`Team`] is several
//! laptops sharing one team folder, for the jobs that plan together.

pub mod readers;

use roundtable_core::{
    AgendaDay, Delegation, DelegationInput, Error, ErrorKind, Event, EventFormat, EventInput, Field, Gender,
    MembershipInput, ParticipantRole, ParticipantStatus, ParticipantView, PersonInput, Result, Session, SessionInput,
    SessionKind, SessionPersonInput, SessionRole, Store,
};
use rusqlite::{Connection, OpenFlags};
use std::ops::{Deref, DerefMut};
use std::path::{Path, PathBuf};
use tempfile::TempDir;
use uuid::Uuid;

/// A plan store on a file in its own temporary folder, removed when dropped.
///
/// It dereferences to [`Store`], so tests call the store's methods on it and
/// pass `&mut plan` wherever a `&mut Store` is wanted.
pub struct TempStore {
    // Declared first so the connection closes before the folder goes.
    store: Store,
    dir: TempDir,
}

impl TempStore {
    /// The store's file.
    pub fn path(&self) -> PathBuf {
        self.dir.path().join("plan.sqlite3")
    }
}

impl Deref for TempStore {
    type Target = Store;
    fn deref(&self) -> &Store {
        &self.store
    }
}

impl DerefMut for TempStore {
    fn deref_mut(&mut self) -> &mut Store {
        &mut self.store
    }
}

/// A new, empty plan store on a temporary file.
pub fn store() -> TempStore {
    let dir = tempfile::tempdir().expect("a temporary folder");
    let store = Store::open(&dir.path().join("plan.sqlite3")).expect("a new plan store opens");
    TempStore { store, dir }
}

/// What the organiser types for the Bangkok dialogue (21–23 September 2022).
pub fn bangkok_input() -> EventInput {
    EventInput {
        title: "Regional Dialogue on Migrant Protection in South-East Asia".into(),
        format: Some(EventFormat::Dialogue),
        host_city: "Bangkok".into(),
        host_country: "TH".into(),
        venue: "United Nations Conference Centre".into(),
        time_zone: "Asia/Bangkok".into(),
        start_date: "2022-09-21".into(),
        end_date: "2022-09-23".into(),
        priorities: vec!["Access to protection services".into(), "Alternatives to immigration detention".into()],
        sdgs: vec![10, 16, 17],
        languages: vec!["English".into()],
        ..EventInput::default()
    }
}

/// The Bangkok dialogue as a draft event with its three agenda days.
pub fn bangkok_dialogue(store: &mut Store) -> Event {
    let event = store.create_event(&bangkok_input()).expect("the Bangkok dialogue is valid");
    store.fill_days(event.id).expect("its days are filled in");
    event
}

/// Another event of the plan (the MIEUX round-table, 5–6 March 2018), to show
/// that records of one event do not leak into another.
pub fn mieux_round_table(store: &mut Store) -> Event {
    let event = store
        .create_event(&EventInput {
            title: "MIEUX Regional Round-table: Asia".into(),
            format: Some(EventFormat::RoundTable),
            host_city: "Bangkok".into(),
            host_country: "TH".into(),
            time_zone: "Asia/Bangkok".into(),
            start_date: "2018-03-05".into(),
            end_date: "2018-03-06".into(),
            ..EventInput::default()
        })
        .expect("the MIEUX round-table is valid");
    store.fill_days(event.id).expect("its days are filled in");
    event
}

/// The examples loaded, and the id of the one whose title holds `title_part`.
pub fn example(store: &mut Store, title_part: &str) -> Uuid {
    roundtable_core::examples::load(store).expect("the examples load");
    store.list_events().unwrap().into_iter().find(|e| e.title.contains(title_part)).expect("example loaded").id
}

/// A country delegation (`code` is ISO 3166-1), named after the country.
pub fn country(store: &mut Store, event_id: Uuid, code: &str, quota: Option<u32>) -> Delegation {
    store
        .create_delegation(
            event_id,
            &DelegationInput { country_code: Some(code.into()), quota, ..DelegationInput::default() },
        )
        .unwrap_or_else(|e| panic!("delegation of {code}: {e}"))
}

/// A person as the registration form gives them.
pub fn person(given: &str, family: &str, gender: Gender) -> PersonInput {
    PersonInput { given_name: given.into(), family_name: family.into(), gender: Some(gender), ..PersonInput::default() }
}

/// Membership of `delegation` with a role and a status.
pub fn member_of(delegation: Uuid, role: ParticipantRole, status: ParticipantStatus) -> MembershipInput {
    MembershipInput { delegation_id: delegation, role: Some(role), status: Some(status), ..MembershipInput::default() }
}

/// Registers a new person in `delegation` of `event_id`.
pub fn register(
    store: &mut Store,
    event_id: Uuid,
    delegation: Uuid,
    who: (&str, &str, Gender),
    role: ParticipantRole,
    status: ParticipantStatus,
) -> ParticipantView {
    let (given, family, gender) = who;
    store
        .register_participant(event_id, &person(given, family, gender), &member_of(delegation, role, status))
        .unwrap_or_else(|e| panic!("registering {given} {family}: {e}"))
        .registered
}

/// The agenda day of `event_id` on `date` (`YYYY-MM-DD`).
pub fn day(store: &Store, event_id: Uuid, date: &str) -> AgendaDay {
    store
        .days(event_id)
        .expect("the event's days")
        .into_iter()
        .find(|d| d.date.to_string() == date)
        .unwrap_or_else(|| panic!("no agenda day on {date}"))
}

/// What the organiser types for a session on `day` from `start` to `end` (`HH:MM`).
pub fn session_input(day: Uuid, start: &str, end: &str, title: &str) -> SessionInput {
    SessionInput {
        day_id: day,
        start_time: start.into(),
        end_time: end.into(),
        title: title.into(),
        kind: Some(SessionKind::Panel),
        ..SessionInput::default()
    }
}

/// A panel on `day` with `speakers`.
pub fn panel(store: &mut Store, day: Uuid, (start, end): (&str, &str), title: &str, speakers: &[Uuid]) -> Session {
    let input = SessionInput {
        people: speakers
            .iter()
            .map(|&participant_id| SessionPersonInput { participant_id, role: SessionRole::Speaker })
            .collect(),
        ..session_input(day, start, end, title)
    };
    store.create_session(&input).unwrap_or_else(|e| panic!("session '{title}': {e}"))
}

/// The error of a refused operation, after checking its kind and field.
#[track_caller]
pub fn refused<T: std::fmt::Debug>(result: Result<T>, kind: ErrorKind, field: Option<Field>) -> Error {
    let error = match result {
        Ok(value) => panic!("expected a {kind:?} error, but it was accepted: {value:?}"),
        Err(error) => error,
    };
    assert_eq!(error.kind(), kind, "kind of: {error}");
    assert_eq!(error.field(), field, "field of: {error}");
    error
}

/// How many people the plan holds.
pub fn people_count(store: &Store) -> usize {
    store.search_people("", u32::MAX).expect("people").len()
}

/// The chunk files of a team folder (one sub-folder per plan file), in name order.
pub fn chunk_files(folder: &std::path::Path) -> Vec<PathBuf> {
    let mut files: Vec<PathBuf> = std::fs::read_dir(folder)
        .expect("the team folder")
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.is_dir())
        .flat_map(|d| std::fs::read_dir(d).expect("a sub-folder").filter_map(|e| e.ok().map(|e| e.path())))
        .filter(|p| p.extension().is_some_and(|e| e == "rtops"))
        .collect();
    files.sort();
    files
}

/// Laptops and their team folder: each a plan file in a temporary folder
/// of its own, meeting only in the team folder.
pub struct Team {
    pub dir: TempDir,
    pub laptops: Vec<Store>,
}

impl Team {
    /// `n` laptops, the first holding the Bangkok dialogue, the others joining with empty plans.
    pub fn new(n: usize) -> (Team, uuid::Uuid) {
        let dir = tempfile::tempdir().unwrap();
        std::fs::create_dir(dir.path().join("team")).unwrap();
        let mut laptops: Vec<Store> =
            (0..n).map(|i| Store::open(&dir.path().join(format!("laptop-{i}.rtplan"))).unwrap()).collect();
        let event = bangkok_dialogue(&mut laptops[0]).id;
        let mut team = Team { dir, laptops };
        team.exchange();
        (team, event)
    }

    pub fn folder(&self) -> PathBuf {
        self.dir.path().join("team")
    }

    pub fn sync(&mut self, laptop: usize) -> roundtable_core::SyncReport {
        let folder = self.folder();
        self.laptops[laptop].sync_folder(&folder).unwrap()
    }

    /// Every laptop syncs, twice round, so that each has seen every other's changes.
    pub fn exchange(&mut self) {
        for _ in 0..2 {
            for laptop in 0..self.laptops.len() {
                self.sync(laptop);
            }
        }
    }

    /// Every laptop holds what the first holds, table by table, and the same disagreements.
    pub fn assert_same(&self) {
        let first = tables(self.laptops[0].path().unwrap());
        let listed = |store: &Store| -> Vec<(String, Option<String>)> {
            store.disagreements().unwrap().into_iter().map(|d| (d.id, d.shown)).collect()
        };
        for (i, laptop) in self.laptops.iter().enumerate().skip(1) {
            assert_eq!(tables(laptop.path().unwrap()), first, "laptop {i} holds another plan than laptop 0");
            assert_eq!(listed(laptop), listed(&self.laptops[0]), "laptop {i} lists other disagreements");
        }
    }
}

/// Every row of every planning table (the counters included), as text.
pub fn tables(plan: &Path) -> Vec<String> {
    let conn = Connection::open_with_flags(plan, OpenFlags::SQLITE_OPEN_READ_ONLY).unwrap();
    let names: Vec<String> = conn
        .prepare(
            "SELECT name FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE 'journal%'
             AND name NOT LIKE 'person_search%' AND name NOT LIKE 'sqlite%' ORDER BY name",
        )
        .unwrap()
        .query_map([], |r| r.get(0))
        .unwrap()
        .collect::<rusqlite::Result<_>>()
        .unwrap();
    let mut rows = Vec::new();
    for name in names {
        let mut statement = conn.prepare(&format!("SELECT * FROM \"{name}\"")).unwrap();
        let width = statement.column_count();
        let mut table: Vec<String> = statement
            .query_map([], |r| {
                let values: Vec<String> =
                    (0..width).map(|i| format!("{:?}", r.get::<_, rusqlite::types::Value>(i).unwrap())).collect();
                Ok(format!("{name}: {}", values.join(" | ")))
            })
            .unwrap()
            .collect::<rusqlite::Result<_>>()
            .unwrap();
        table.sort();
        rows.extend(table);
    }
    rows
}
