//! Erasing a person's personal data, on request (*Erase person*) or by the
//! plan's retention setting, so that nothing of it stays in the plan file.
//!
//! An erased person's seats stay as anonymous seats ("Erased participant",
//! with the delegation, role, status and gender they had): an event's report
//! and its delegations' counts still add up, and no one can be told apart
//! by name, contact, position, organisation, logistics or speaking role.
//! The data leaves the file too: the change journal's operations on the
//! erased rows are rewritten to the erased values, the search index removes
//! its words at once (secure-delete), freed pages are overwritten (`secure_delete`), the index
//! is merged and the write-ahead log is emptied into the file. Backups taken
//! before still hold the person until the rotation removes them; the
//! erasure says which and until when, and can remove them.

use crate::backup::BackupInfo;
use crate::error::{Error, Result};
use crate::plan_setting;
use crate::store::Store;
use chrono::{DateTime, Months, NaiveDate, Utc};
use rusqlite::{Connection, OpenFlags, OptionalExtension};
use serde::Serialize;
use specta::Type;
use std::path::Path;
use uuid::Uuid;

/// Why a retention of 0 months is refused.
/// The plan setting of [`Store::retention_months`].
const RETENTION_KEY: &str = "retention_months";

const MONTHS_AT_LEAST_ONE: &str = "Keep personal data for at least one month, or turn retention off";

/// The name an erased person's seats carry.
pub const ERASED_NAME: &str = "Erased participant";

/// What an erasure did, and where the person's data still is.
#[derive(Debug, Clone, PartialEq, Serialize, Type)]
pub struct Erasure {
    /// Seats kept as anonymous seats, one per event the person took part in.
    pub seats_kept_anonymous: u32,
    /// Speaking, chairing… roles in sessions, removed.
    pub session_roles_removed: u32,
    /// Backups that still hold the person (taken before the erasure).
    pub backups_holding: Vec<BackupInfo>,
    /// When the last of them is old enough to go: the rotation removes it then,
    /// as the plan is next opened or backed up.
    pub held_until: Option<DateTime<Utc>>,
    /// Backups removed because they held the person (when asked for).
    pub backups_removed: u32,
    /// Whether the plan file itself was cleared of the erased values; false
    /// while another program reads the plan (the next erasure or the app's
    /// next start clears it).
    pub file_cleared: bool,
}

/// People erased by the retention setting.
#[derive(Debug, Clone, PartialEq, Serialize, Type)]
pub struct RetentionReport {
    pub months: u32,
    pub people_erased: u32,
    pub seats_cleared: u32,
}

/// What a retention setting would erase if it were set now, to ask before it is.
#[derive(Debug, Clone, PartialEq, Serialize, Type)]
pub struct RetentionPreview {
    pub months: u32,
    /// Events that ended before this day have their personal data erased.
    pub ended_before: NaiveDate,
    /// Those events, the latest first.
    pub events: Vec<RetainedEvent>,
    /// People erased (they took part in none of the later events), not counting those erased already.
    pub people: u32,
}

/// An event the retention setting applies to.
#[derive(Debug, Clone, PartialEq, Serialize, Type)]
pub struct RetainedEvent {
    pub id: Uuid,
    pub title: String,
    pub end_date: NaiveDate,
}

/// The retention rule, in one place: the events that ended before the limit
/// (`?1`), and the people not yet erased who took part in none of the others.
const OLD_EVENTS: &str = "SELECT id FROM event WHERE end_date < ?1";

fn people_to_erase() -> String {
    format!(
        "SELECT person_id FROM (SELECT person_id FROM participant WHERE event_id IN ({OLD_EVENTS})
                                EXCEPT SELECT person_id FROM participant WHERE event_id NOT IN ({OLD_EVENTS}))
         JOIN person ON person.id = person_id
         WHERE family_name != '{ERASED_NAME}' OR email IS NOT NULL"
    )
}

/// The first day whose events the setting keeps: `months` before `today`.
fn retention_limit(today: NaiveDate, months: u32) -> NaiveDate {
    today.checked_sub_months(Months::new(months)).unwrap_or(NaiveDate::MIN)
}

const CLEAR_LOGISTICS: &str = "UPDATE participant SET travel_funded_by = NULL, arrival = NULL, departure = NULL,
     visa_letter_needed = 0, accommodation = '', dietary_needs = '', accessibility_needs = '', notes = ''";

/// Erases the people in `people` (a subquery over person ids taking one
/// parameter, `?1`) and returns how many people, seats and session roles.
fn erase_where(conn: &Connection, people: &str, parameter: &dyn rusqlite::ToSql) -> Result<(u32, u32, u32)> {
    let seats = format!("SELECT id FROM participant WHERE person_id IN ({people})");
    let roles = conn.execute(&format!("DELETE FROM session_person WHERE participant_id IN ({seats})"), [parameter])?;
    let seats_cleared = conn.execute(&format!("{CLEAR_LOGISTICS} WHERE person_id IN ({people})"), [parameter])?;
    let erased = conn.execute(
        &format!(
            "UPDATE person SET honorific = '', given_name = '', family_name = '{ERASED_NAME}', position = '',
             organisation = '', email = NULL, phone = '', languages = '[]' WHERE id IN ({people})"
        ),
        [parameter],
    )?;
    let count = |n: usize| u32::try_from(n).unwrap_or(u32::MAX);
    Ok((count(erased), count(seats_cleared), count(roles)))
}

/// Whether the backup at `file` holds the person's data.
fn backup_holds(file: &Path, person: Uuid) -> bool {
    let Ok(conn) = Connection::open_with_flags(file, OpenFlags::SQLITE_OPEN_READ_ONLY) else { return false };
    conn.query_row("SELECT family_name FROM person WHERE id = ?1", [person], |r| r.get::<_, String>(0))
        .optional()
        .ok()
        .flatten()
        .is_some_and(|name| name != ERASED_NAME)
}

impl Store {
    /// Erases a person's personal data from every event of the plan, and
    /// from the backups too when `with_backups` (which then cannot restore
    /// the plan to those moments).
    pub fn erase_person(&mut self, id: Uuid, with_backups: bool) -> Result<Erasure> {
        let (_, seats, roles) = self.transaction(|store| {
            let person = crate::person::ensure_exists(&store.conn, id)?;
            if person.family_name == ERASED_NAME && person.email.is_none() {
                return Err(Error::invalid(crate::Field::Id, "This person's data has already been erased"));
            }
            let erased = erase_where(&store.conn, "?1", &id)?;
            store.journal.record_erasure(&store.conn)?;
            Ok(erased)
        })?;
        let file_cleared = self.clear_erased_values()?;
        let holding: Vec<BackupInfo> = match self.backups() {
            Some(backups) => backups.list()?.into_iter().filter(|b| backup_holds(Path::new(&b.file), id)).collect(),
            None => Vec::new(),
        };
        let mut backups_removed = 0;
        if with_backups {
            for backup in &holding {
                std::fs::remove_file(&backup.file)?;
                backups_removed += 1;
            }
        }
        let backups_holding = if with_backups { Vec::new() } else { holding };
        let held_until = match self.backups() {
            Some(backups) => backups.mark_erased(&backups_holding)?,
            None => None,
        };
        Ok(Erasure {
            seats_kept_anonymous: seats,
            session_roles_removed: roles,
            backups_holding,
            held_until,
            backups_removed,
            file_cleared,
        })
    }

    /// Leaves no erased value in the file: merges the search index (dropping
    /// deleted entries) and empties the write-ahead log into the file, whose
    /// freed pages `secure_delete` has overwritten. False when a reader keeps
    /// the log from being emptied.
    pub(crate) fn clear_erased_values(&mut self) -> Result<bool> {
        self.write(|conn| Ok(conn.execute("INSERT INTO person_search (person_search) VALUES ('optimize')", [])?))?;
        if self.path().is_none() {
            return Ok(true);
        }
        let (busy, _, _): (i64, i64, i64) =
            self.conn.query_row("PRAGMA wal_checkpoint(TRUNCATE)", [], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))?;
        Ok(busy == 0)
    }

    /// The plan's retention setting: erase the personal data of events that
    /// ended more than this many months ago (`None`: kept until erased by hand).
    pub fn retention_months(&self) -> Result<Option<u32>> {
        let value = plan_setting::read(self.read(), RETENTION_KEY)?;
        Ok(value.and_then(|v| v.parse().ok()))
    }

    /// Sets or turns off the retention setting; it is applied at once and on every open.
    pub fn set_retention_months(&mut self, months: Option<u32>) -> Result<Option<RetentionReport>> {
        if months == Some(0) {
            return Err(Error::invalid(crate::Field::RetentionMonths, MONTHS_AT_LEAST_ONE));
        }
        self.write(|conn| match months {
            Some(months) => plan_setting::write(conn, RETENTION_KEY, &months.to_string()),
            None => plan_setting::clear(conn, RETENTION_KEY),
        })?;
        self.apply_retention(Utc::now().date_naive())
    }

    /// Erases what the retention setting no longer keeps, as of `today`: the
    /// logistics of every seat at an event that ended before the limit, and
    /// the people who took part in no later event.
    pub fn apply_retention(&mut self, today: NaiveDate) -> Result<Option<RetentionReport>> {
        let Some(months) = self.retention_months()? else { return Ok(None) };
        let limit = retention_limit(today, months).to_string();
        let (people_erased, seats_cleared) = self.transaction(|store| {
            let (people, seats_of_erased, _) = erase_where(&store.conn, &people_to_erase(), &limit)?;
            let seats = store.conn.execute(
                &format!(
                    "{CLEAR_LOGISTICS} WHERE event_id IN ({OLD_EVENTS}) AND (arrival IS NOT NULL OR departure IS NOT NULL
                          OR accommodation != '' OR dietary_needs != '' OR accessibility_needs != '' OR notes != ''
                          OR visa_letter_needed != 0 OR travel_funded_by IS NOT NULL)"
                ),
                [&limit],
            )?;
            store.journal.record_erasure(&store.conn)?;
            Ok((people, seats_of_erased.saturating_add(u32::try_from(seats).unwrap_or(u32::MAX))))
        })?;
        if people_erased + seats_cleared > 0 {
            self.clear_erased_values()?;
        }
        Ok(Some(RetentionReport { months, people_erased, seats_cleared }))
    }

    /// What setting retention to `months` would erase as of `today`, without erasing it.
    pub fn preview_retention(&self, months: u32, today: NaiveDate) -> Result<RetentionPreview> {
        if months == 0 {
            return Err(Error::invalid(crate::Field::RetentionMonths, MONTHS_AT_LEAST_ONE));
        }
        let ended_before = retention_limit(today, months);
        let limit = ended_before.to_string();
        let conn = self.read();
        let mut statement = conn.prepare(&format!(
            "SELECT id, title, end_date FROM event WHERE id IN ({OLD_EVENTS}) ORDER BY end_date DESC, title"
        ))?;
        let events = statement
            .query_map([&limit], |r| Ok(RetainedEvent { id: r.get(0)?, title: r.get(1)?, end_date: r.get(2)? }))?
            .collect::<rusqlite::Result<Vec<_>>>()?;
        let people: u32 =
            conn.query_row(&format!("SELECT count(*) FROM ({})", people_to_erase()), [&limit], |r| r.get(0))?;
        Ok(RetentionPreview { months, ended_before, events, people })
    }
}
