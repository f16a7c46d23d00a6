//! The write side of the participant import: rows already read from a file
//! (by `roundtable-documents`) are checked with the same rules as a person
//! typing them, matched to the event's delegations and people, and written in
//! one transaction. This is the only place that writes imports.
//!
//! Each row becomes a new participant (`created`), changes the participant
//! with the same e-mail address in this event (`updated`: person and
//! membership fields the file gives), or is `rejected` with the reason.
//! Preview and commit run the very same code: the preview inside a
//! transaction that is rolled back, the commit inside [`Store::write`], which
//! refuses — and so writes nothing at all — when any row is rejected.

use crate::countries::{self, Country};
use crate::delegation::{self, Delegation, DelegationInput};
use crate::error::{Error, Result};
use crate::event;
use crate::participant::{self, MembershipInput};
use crate::person::{self, PersonInput};
use crate::store::Store;
use crate::vocabulary::{DelegationKind, Gender, ParticipantRole, ParticipantStatus};
use rusqlite::{Connection, OptionalExtension, params};
use serde::{Deserialize, Serialize};
use specta::Type;
use std::collections::HashMap;
use uuid::Uuid;

/// One row of a participant list, as text from the file, already split into fields.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, Type)]
pub struct ImportRow {
    /// The line (CSV) or row (spreadsheet) number in the file, for the report.
    pub line: u32,
    pub honorific: String,
    pub given_name: String,
    pub family_name: String,
    pub position: String,
    pub organisation: String,
    pub email: String,
    pub phone: String,
    pub gender: String,
    /// A country name or ISO code.
    pub country: String,
    /// A delegation's name (or a country).
    pub delegation: String,
    pub role: String,
    pub status: String,
    /// Yes/no.
    pub visa_letter_needed: String,
    pub dietary_needs: String,
    pub accessibility_needs: String,
    pub accommodation: String,
    pub arrival: String,
    pub departure: String,
    pub notes: String,
}

/// What happens to a row.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, Type)]
#[serde(rename_all = "snake_case")]
pub enum RowAction {
    Create,
    Update,
    Reject,
}

/// The outcome of one row.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Type)]
pub struct RowOutcome {
    pub line: u32,
    pub action: RowAction,
    /// The person's name as read.
    pub name: String,
    /// The delegation the row joins, when known.
    pub delegation: String,
    /// Why the row is rejected.
    pub reason: Option<String>,
}

/// What an import does (dry run) or did (commit).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Type)]
pub struct ImportReport {
    pub rows: Vec<RowOutcome>,
    /// Delegations the import creates, by name.
    pub new_delegations: Vec<String>,
    pub created: u32,
    pub updated: u32,
    pub rejected: u32,
    /// True once written.
    pub committed: bool,
}

fn fold(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.trim().chars() {
        let c = match c {
            'à' | 'á' | 'â' | 'ã' | 'ä' | 'å' | 'ā' | 'ă' | 'ạ' | 'ả' | 'ấ' | 'ầ' | 'ậ' => 'a',
            'ç' => 'c',
            'è' | 'é' | 'ê' | 'ë' | 'ē' | 'ệ' | 'ế' => 'e',
            'ì' | 'í' | 'î' | 'ï' => 'i',
            'ò' | 'ó' | 'ô' | 'õ' | 'ö' | 'ø' | 'ơ' | 'ộ' => 'o',
            'ù' | 'ú' | 'û' | 'ü' | 'ư' => 'u',
            'ñ' => 'n',
            'ý' | 'ÿ' => 'y',
            c => c,
        };
        if c.is_alphanumeric() {
            out.extend(c.to_lowercase());
        } else if !out.ends_with(' ') && !out.is_empty() {
            out.push(' ');
        }
    }
    out.trim_end().to_owned()
}

const ALIASES: &[(&str, &str)] = &[
    ("lao pdr", "LA"),
    ("laos", "LA"),
    ("lao", "LA"),
    ("vietnam", "VN"),
    ("viet nam", "VN"),
    ("the philippines", "PH"),
    ("philippines the", "PH"),
    ("burma", "MM"),
    ("kyrgyz republic", "KG"),
    ("east timor", "TL"),
    ("timor leste", "TL"),
    ("south korea", "KR"),
    ("republic of korea", "KR"),
    ("korea", "KR"),
    ("north korea", "KP"),
    ("iran", "IR"),
    ("russia", "RU"),
    ("turkey", "TR"),
    ("syria", "SY"),
    ("tanzania", "TZ"),
    ("bolivia", "BO"),
    ("venezuela", "VE"),
    ("moldova", "MD"),
    ("brunei", "BN"),
    ("usa", "US"),
    ("united states", "US"),
    ("united states of america", "US"),
    ("uk", "GB"),
    ("united kingdom", "GB"),
    ("great britain", "GB"),
    ("czech republic", "CZ"),
    ("ivory coast", "CI"),
    ("cote d ivoire", "CI"),
    ("cape verde", "CV"),
    ("swaziland", "SZ"),
    ("macedonia", "MK"),
    ("palestine", "PS"),
    ("taiwan", "TW"),
    ("hong kong sar", "HK"),
    ("dr congo", "CD"),
    ("drc", "CD"),
];

/// The country a person wrote: an ISO code, the English short name, the name
/// without its ", Republic of" tail, or a common alias ("Lao PDR", "Viet Nam",
/// "The Philippines"), in any case and with or without accents or punctuation.
pub fn match_country(text: &str) -> Option<&'static Country> {
    let text = text.trim();
    if text.is_empty() {
        return None;
    }
    if let Some(c) = countries::find(text) {
        return Some(c);
    }
    let wanted = fold(text);
    let wanted = wanted.strip_prefix("the ").unwrap_or(&wanted).to_owned();
    if let Some((_, code)) = ALIASES.iter().find(|(alias, _)| *alias == wanted) {
        return countries::by_code(code);
    }
    // "Bolivia" for "Bolivia, Plurinational State of".
    countries::all().iter().find(|c| fold(c.name) == wanted || fold(c.name.split(',').next().unwrap_or("")) == wanted)
}

fn parse_yes_no(text: &str) -> std::result::Result<bool, String> {
    match fold(text).as_str() {
        "" | "no" | "n" | "false" | "0" | "not needed" | "none" => Ok(false),
        "yes" | "y" | "true" | "1" | "x" | "needed" | "required" => Ok(true),
        _ => Err(format!("'{}' is not yes or no (visa letter)", text.trim())),
    }
}

fn parse_gender(text: &str) -> std::result::Result<Option<Gender>, String> {
    match fold(text).as_str() {
        "" => Ok(None),
        "f" | "female" | "woman" | "w" => Ok(Some(Gender::Female)),
        "m" | "male" | "man" => Ok(Some(Gender::Male)),
        "other" | "non binary" | "nonbinary" | "diverse" | "x" => Ok(Some(Gender::Other)),
        "undisclosed" | "prefer not to say" | "n a" | "na" | "unknown" => Ok(Some(Gender::Undisclosed)),
        _ => Err(format!("'{}' is not a gender this plan records (female, male, other, undisclosed)", text.trim())),
    }
}

fn parse_role(text: &str) -> std::result::Result<Option<ParticipantRole>, String> {
    let folded = fold(text);
    match folded.as_str() {
        "" => Ok(None),
        "hod" | "head" | "head of delegation" | "delegation head" | "chef de delegation" => {
            Ok(Some(ParticipantRole::Head))
        }
        "delegate" | "participant" | "member of delegation" => Ok(Some(ParticipantRole::Member)),
        _ => ParticipantRole::parse(&folded).map(Some).ok_or_else(|| {
            format!(
                "'{}' is not a role (head, member, speaker, moderator, expert, observer, rapporteur, staff)",
                text.trim()
            )
        }),
    }
}

fn parse_status(text: &str) -> std::result::Result<Option<ParticipantStatus>, String> {
    let folded = fold(text);
    match folded.as_str() {
        "" => Ok(None),
        "registered" => Ok(Some(ParticipantStatus::Nominated)),
        "present" => Ok(Some(ParticipantStatus::Attended)),
        "canceled" => Ok(Some(ParticipantStatus::Cancelled)),
        _ => ParticipantStatus::parse(&folded).map(Some).ok_or_else(|| {
            format!("'{}' is not a status (invited, nominated, confirmed, attended, declined, cancelled)", text.trim())
        }),
    }
}

/// The delegation a row joins: an existing one, one created earlier in this import, or a new one.
fn resolve_delegation(
    conn: &Connection,
    event_id: Uuid,
    row: &ImportRow,
    created: &mut Vec<String>,
) -> std::result::Result<Delegation, String> {
    let find_by_name = |name: &str| -> Result<Option<Delegation>> {
        let id: Option<Uuid> = conn
            .query_row(
                "SELECT id FROM delegation WHERE event_id = ?1 AND name = ?2 COLLATE NOCASE",
                params![event_id, name.trim()],
                |r| r.get(0),
            )
            .optional()?;
        id.map(|id| delegation::ensure_exists(conn, id)).transpose()
    };
    let find_country = |code: &str| -> Result<Option<Delegation>> {
        let id: Option<Uuid> = conn
            .query_row(
                "SELECT id FROM delegation WHERE event_id = ?1 AND kind = 'country' AND country_code = ?2",
                params![event_id, code],
                |r| r.get(0),
            )
            .optional()?;
        id.map(|id| delegation::ensure_exists(conn, id)).transpose()
    };
    let storage = |e: Error| e.to_string();
    let mut create = |input: DelegationInput| -> std::result::Result<Delegation, String> {
        let d = delegation::insert(conn, event_id, &input).map_err(storage)?;
        created.push(d.name.clone());
        Ok(d)
    };
    for text in [row.delegation.trim(), row.country.trim()].into_iter().filter(|t| !t.is_empty()) {
        if let Some(d) = find_by_name(text).map_err(storage)? {
            return Ok(d);
        }
        if let Some(country) = match_country(text) {
            if let Some(d) = find_country(country.alpha2).map_err(storage)? {
                return Ok(d);
            }
            return create(DelegationInput {
                kind: Some(DelegationKind::Country),
                country_code: Some(country.alpha2.to_owned()),
                ..DelegationInput::default()
            });
        }
        match fold(text).as_str() {
            "experts" | "expert" | "expert group" => {
                return create(DelegationInput { kind: Some(DelegationKind::ExpertGroup), ..Default::default() });
            }
            "organising team" | "organizing team" | "secretariat" => {
                return create(DelegationInput { kind: Some(DelegationKind::OrganisingTeam), ..Default::default() });
            }
            _ => {}
        }
        if let Some(org) = find_organisation(conn, text).map_err(storage)? {
            return create(DelegationInput {
                kind: Some(DelegationKind::Organisation),
                organisation_id: Some(org),
                ..Default::default()
            });
        }
    }
    match (row.delegation.trim(), row.country.trim()) {
        ("", "") => Err("No country or delegation given".to_owned()),
        (d, "") | ("", d) => Err(format!("'{d}' is neither a country nor a delegation of this event")),
        (d, c) => Err(format!("Neither '{d}' nor '{c}' is a country or a delegation of this event")),
    }
}

fn find_organisation(conn: &Connection, name: &str) -> Result<Option<Uuid>> {
    Ok(conn
        .query_row(
            "SELECT id FROM organisation WHERE name = ?1 COLLATE NOCASE OR short_name = ?1 COLLATE NOCASE",
            [name.trim()],
            |r| r.get(0),
        )
        .optional()?)
}

/// The display name of a row.
fn row_name(row: &ImportRow) -> String {
    [row.honorific.trim(), row.given_name.trim(), row.family_name.trim()]
        .into_iter()
        .filter(|s| !s.is_empty())
        .collect::<Vec<_>>()
        .join(" ")
}

/// `new` where the file gives a value, else what is already recorded.
fn or_kept(new: &str, kept: &str) -> String {
    if new.trim().is_empty() { kept.to_owned() } else { new.trim().to_owned() }
}

/// Checks and writes one row; on error nothing of the row is left (savepoint).
fn apply_row(
    conn: &Connection,
    event_id: Uuid,
    row: &ImportRow,
    new_delegations: &mut Vec<String>,
) -> std::result::Result<(RowAction, String), String> {
    if row.family_name.trim().is_empty() {
        return Err("Family name is missing".to_owned());
    }
    let gender = parse_gender(&row.gender)?;
    let role = parse_role(&row.role)?;
    let status = parse_status(&row.status)?;
    let visa = parse_yes_no(&row.visa_letter_needed)?;
    let email = Some(row.email.trim().to_owned()).filter(|e| !e.is_empty());
    // Validate the person's own fields before anything else is looked up.
    let person_input = PersonInput {
        honorific: row.honorific.clone(),
        given_name: row.given_name.clone(),
        family_name: row.family_name.clone(),
        position: row.position.clone(),
        organisation: row.organisation.clone(),
        email: email.clone(),
        phone: row.phone.clone(),
        gender,
        languages: Vec::new(),
    };
    let mut person = person_input.validated(Uuid::now_v7()).map_err(|e| e.to_string())?;
    let delegation = resolve_delegation(conn, event_id, row, new_delegations)?;
    let known = match &person.email {
        Some(email) => person::by_email(conn, email).map_err(|e| e.to_string())?,
        None => None,
    };
    let existing: Option<participant::Participant> = match &known {
        Some(p) => conn
            .query_row(
                "SELECT id FROM participant WHERE event_id = ?1 AND person_id = ?2",
                params![event_id, p.id],
                |r| r.get::<_, Uuid>(0),
            )
            .optional()
            .map_err(|e| e.to_string())?
            .map(|id| participant::ensure_exists(conn, id))
            .transpose()
            .map_err(|e| e.to_string())?,
        None => None,
    };
    let membership = |current: Option<&participant::Participant>| MembershipInput {
        delegation_id: delegation.id,
        role: role.or(current.map(|c| c.role)),
        status: status.or(current.map(|c| c.status)),
        travel_funded_by: current.and_then(|c| c.travel_funded_by),
        arrival: Some(row.arrival.trim().to_owned())
            .filter(|s| !s.is_empty())
            .or_else(|| current.and_then(|c| c.arrival).map(|a| a.format("%Y-%m-%d %H:%M").to_string())),
        departure: Some(row.departure.trim().to_owned())
            .filter(|s| !s.is_empty())
            .or_else(|| current.and_then(|c| c.departure).map(|a| a.format("%Y-%m-%d %H:%M").to_string())),
        visa_letter_needed: if row.visa_letter_needed.trim().is_empty() {
            current.is_some_and(|c| c.visa_letter_needed)
        } else {
            visa
        },
        accommodation: or_kept(&row.accommodation, current.map_or("", |c| &c.accommodation)),
        dietary_needs: or_kept(&row.dietary_needs, current.map_or("", |c| &c.dietary_needs)),
        accessibility_needs: or_kept(&row.accessibility_needs, current.map_or("", |c| &c.accessibility_needs)),
        notes: or_kept(&row.notes, current.map_or("", |c| &c.notes)),
    };
    let person_id = match &known {
        Some(k) => {
            // The file's values replace the recorded ones; blank cells keep them.
            person.id = k.id;
            person.honorific = or_kept(&row.honorific, &k.honorific);
            person.given_name = or_kept(&row.given_name, &k.given_name);
            person.position = or_kept(&row.position, &k.position);
            person.organisation = or_kept(&row.organisation, &k.organisation);
            person.phone = or_kept(&row.phone, &k.phone);
            person.gender = gender.unwrap_or(k.gender);
            person.languages = k.languages.clone();
            person::update(conn, k.id, &person).map_err(|e| e.to_string())?;
            k.id
        }
        None => {
            person::insert(conn, &person).map_err(|e| e.to_string())?;
            person.id
        }
    };
    let delegation_name = delegation.name.clone();
    match existing {
        Some(current) => {
            participant::update(conn, current.id, &membership(Some(&current))).map_err(|e| e.to_string())?;
            Ok((RowAction::Update, delegation_name))
        }
        None => {
            participant::insert(conn, event_id, person_id, &membership(None)).map_err(|e| e.to_string())?;
            Ok((RowAction::Create, delegation_name))
        }
    }
}

/// Runs every row inside the open transaction `conn`.
fn apply(conn: &Connection, event_id: Uuid, rows: &[ImportRow]) -> Result<ImportReport> {
    event::ensure_exists(conn, event_id)?;
    let mut report = ImportReport {
        rows: Vec::with_capacity(rows.len()),
        new_delegations: Vec::new(),
        created: 0,
        updated: 0,
        rejected: 0,
        committed: false,
    };
    let mut seen: HashMap<String, u32> = HashMap::new();
    for row in rows {
        let name = row_name(row);
        let email_key = row.email.trim().to_lowercase();
        let outcome = if let Some(first) = seen.get(&email_key).filter(|_| !email_key.is_empty()) {
            Err(format!("The e-mail address {} is also on line {first} of this file", row.email.trim()))
        } else {
            conn.execute_batch("SAVEPOINT import_row")?;
            let mut created_here = Vec::new();
            let result = apply_row(conn, event_id, row, &mut created_here);
            if result.is_ok() {
                conn.execute_batch("RELEASE import_row")?;
                report.new_delegations.extend(created_here);
            } else {
                conn.execute_batch("ROLLBACK TO import_row; RELEASE import_row")?;
            }
            result
        };
        if !email_key.is_empty() {
            seen.entry(email_key).or_insert(row.line);
        }
        report.rows.push(match outcome {
            Ok((action, delegation)) => {
                match action {
                    RowAction::Create => report.created += 1,
                    _ => report.updated += 1,
                }
                RowOutcome { line: row.line, action, name, delegation, reason: None }
            }
            Err(reason) => {
                report.rejected += 1;
                let delegation =
                    if row.delegation.trim().is_empty() { row.country.trim() } else { row.delegation.trim() };
                RowOutcome {
                    line: row.line,
                    action: RowAction::Reject,
                    name,
                    delegation: delegation.to_owned(),
                    reason: Some(reason),
                }
            }
        });
    }
    Ok(report)
}

impl Store {
    /// What importing `rows` into the event would do, row by row; writes nothing.
    pub fn preview_import(&mut self, event_id: Uuid, rows: &[ImportRow]) -> Result<ImportReport> {
        let tx = self.conn.transaction()?;
        let report = apply(&tx, event_id, rows)?;
        tx.rollback()?;
        Ok(report)
    }

    /// Imports `rows` into the event, all or nothing: when any row would be
    /// rejected nothing is written and the error says how many and why.
    pub fn commit_import(&mut self, event_id: Uuid, rows: &[ImportRow]) -> Result<ImportReport> {
        if rows.is_empty() {
            return Err(Error::invalid("file", "The file has no participants to import"));
        }
        self.write(|tx| {
            let mut report = apply(tx, event_id, rows)?;
            if report.rejected > 0 {
                let first = report.rows.iter().find(|r| r.action == RowAction::Reject);
                let detail = first
                    .map(|r| format!(" (line {}: {})", r.line, r.reason.as_deref().unwrap_or_default()))
                    .unwrap_or_default();
                return Err(Error::Validation {
                    field: Some("file"),
                    message: format!(
                        "Nothing was imported: {} of {} rows cannot be taken{detail}. Correct them, or remove them from the file, and import again.",
                        report.rejected,
                        rows.len()
                    ),
                });
            }
            report.committed = true;
            Ok(report)
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn countries_are_found_by_name_alias_or_code() {
        let code = |t: &str| match_country(t).map(|c| c.alpha2);
        assert_eq!(code("Lao PDR"), Some("LA"));
        assert_eq!(code("Laos"), Some("LA"));
        assert_eq!(code("Viet Nam"), Some("VN"));
        assert_eq!(code("Vietnam"), Some("VN"));
        assert_eq!(code("The Philippines"), Some("PH"));
        assert_eq!(code("philippines"), Some("PH"));
        assert_eq!(code("KHM"), Some("KH"));
        assert_eq!(code("th"), Some("TH"));
        assert_eq!(code("Iran"), Some("IR"));
        assert_eq!(code("Bolivia"), Some("BO"));
        assert_eq!(code("Türkiye"), Some("TR"));
        assert_eq!(code("Timor-Leste"), Some("TL"));
        assert_eq!(code("Atlantis"), None);
        assert_eq!(code(""), None);
    }

    #[test]
    fn yes_no_gender_role_and_status_words() {
        assert_eq!(parse_yes_no("Yes"), Ok(true));
        assert_eq!(parse_yes_no(""), Ok(false));
        assert!(parse_yes_no("maybe").is_err());
        assert_eq!(parse_gender("F"), Ok(Some(Gender::Female)));
        assert_eq!(parse_gender("Prefer not to say"), Ok(Some(Gender::Undisclosed)));
        assert_eq!(parse_role("HoD"), Ok(Some(ParticipantRole::Head)));
        assert_eq!(parse_role("Head of Delegation"), Ok(Some(ParticipantRole::Head)));
        assert!(parse_role("boss").is_err());
        assert_eq!(parse_status("Confirmed"), Ok(Some(ParticipantStatus::Confirmed)));
    }
}
