//! Which delegation an imported row joins: one of the event's, found by its
//! delegation text or its country text (a name, an alias or a code), the
//! experts or the organising team, or a new one for an organisation of the
//! plan. Nothing is written here.

use super::ImportRow;
use crate::countries;
use crate::delegation::DelegationInput;
use crate::error::Result;
use crate::text::fold;
use crate::vocabulary::DelegationKind;
use rusqlite::{Connection, OptionalExtension, params};
use uuid::Uuid;

/// The delegation a row's texts name: one of the event's, or one to create.
#[derive(Debug, Clone)]
pub(super) enum Target {
    Existing { id: Uuid, name: String },
    New(DelegationInput),
}

/// The delegation a row joins, looked up by its delegation text, then its country text: an
/// existing delegation by name, a country (by name, alias or code), the experts or the
/// organising team, or an organisation of the plan. Nothing is written here.
pub(super) fn resolve_delegation(
    conn: &Connection,
    event_id: Uuid,
    row: &ImportRow,
) -> std::result::Result<Target, String> {
    let storage = |e: rusqlite::Error| e.to_string();
    let mut by_name = conn
        .prepare_cached("SELECT id, name FROM delegation WHERE event_id = ?1 AND fold(name) = fold(?2)")
        .map_err(storage)?;
    let mut by_country = conn
        .prepare_cached(
            "SELECT id, name FROM delegation WHERE event_id = ?1 AND kind = 'country' AND country_code = ?2",
        )
        .map_err(storage)?;
    let mut by_kind = conn
        .prepare_cached(
            "SELECT id, name FROM delegation WHERE event_id = ?1 AND kind = ?2 AND organisation_id IS ?3 \
             ORDER BY name LIMIT 1",
        )
        .map_err(storage)?;
    let existing = |(id, name): (Uuid, String)| Target::Existing { id, name };
    for text in [row.delegation.trim(), row.country.trim()].into_iter().filter(|t| !t.is_empty()) {
        if let Some(found) =
            by_name.query_row(params![event_id, text], |r| Ok((r.get(0)?, r.get(1)?))).optional().map_err(storage)?
        {
            return Ok(existing(found));
        }
        if let Some(country) = countries::match_country(text) {
            let found = by_country
                .query_row(params![event_id, country.alpha2], |r| Ok((r.get(0)?, r.get(1)?)))
                .optional()
                .map_err(storage)?;
            return Ok(found.map_or_else(
                || {
                    Target::New(DelegationInput {
                        kind: Some(DelegationKind::Country),
                        country_code: Some(country.alpha2.to_owned()),
                        ..DelegationInput::default()
                    })
                },
                existing,
            ));
        }
        // The event's delegation of that kind (and organisation) when it has one, else a new one:
        // "Secretariat" on three rows is one organising team, whatever it came to be called.
        let kind = match fold(text).as_str() {
            "experts" | "expert" | "expert group" => Some((DelegationKind::ExpertGroup, None)),
            "organising team" | "organizing team" | "secretariat" => Some((DelegationKind::OrganisingTeam, None)),
            _ => find_organisation(conn, text)
                .map_err(|e| e.to_string())?
                .map(|org| (DelegationKind::Organisation, Some(org))),
        };
        if let Some((kind, organisation_id)) = kind {
            let found = by_kind
                .query_row(params![event_id, kind.as_str(), organisation_id], |r| Ok((r.get(0)?, r.get(1)?)))
                .optional()
                .map_err(storage)?;
            return Ok(found.map_or_else(
                || Target::New(DelegationInput { kind: Some(kind), organisation_id, ..DelegationInput::default() }),
                existing,
            ));
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
        .prepare_cached("SELECT id FROM organisation WHERE fold(name) = fold(?1) OR fold(short_name) = fold(?1)")?
        .query_row([name.trim()], |r| r.get(0))
        .optional()?)
}
