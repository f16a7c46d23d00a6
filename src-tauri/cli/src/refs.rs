//! REF: how a command line names a record. An id always works; otherwise any
//! part of a name or title that only one record has (a name given whole wins
//! over a longer one that contains it). When several records match, the error
//! lists them with their ids, so the next command line can name one exactly.
//! Participants are named by their person's name or e-mail within `--event`.

use crate::run::error;
use roundtable_core::text::fold;
use roundtable_core::{ApiError, ErrorKind, ParticipantFilter, ParticipantView, Store, countries};
use uuid::Uuid;

/// One record a reference may name: its id, the names it answers to, and
/// the line that shows it in the list of candidates.
pub(crate) struct Named {
    pub id: Uuid,
    pub names: Vec<String>,
    pub label: String,
}

/// How many candidates an ambiguous name lists.
const LISTED: usize = 12;

/// The one candidate that `reference` names; `what` is the kind of record, in the singular.
pub(crate) fn pick(what: &str, reference: &str, candidates: Vec<Named>) -> Result<Uuid, ApiError> {
    if let Ok(id) = Uuid::parse_str(reference.trim()) {
        return candidates
            .iter()
            .find(|c| c.id == id)
            .map(|c| c.id)
            .ok_or_else(|| error(ErrorKind::NotFound, format!("No {what} has the id {id}")));
    }
    // Names compared as search compares them: without regard to case or accents.
    let wanted = fold(reference);
    if wanted.is_empty() {
        return Err(error(ErrorKind::Validation, format!("Name the {what} by its id or by a part of its name")));
    }
    let exact: Vec<&Named> = candidates.iter().filter(|c| c.names.iter().any(|n| fold(n) == wanted)).collect();
    let matches = if exact.is_empty() {
        candidates.iter().filter(|c| c.names.iter().any(|n| fold(n).contains(&wanted))).collect()
    } else {
        exact
    };
    match matches.as_slice() {
        [one] => Ok(one.id),
        [] => Err(error(ErrorKind::NotFound, format!("No {what} matches '{}'", reference.trim()))),
        many => Err(error(
            ErrorKind::Validation,
            format!("'{}' matches {} {what}s; give one's id:\n{}", reference.trim(), many.len(), listed(many)),
        )),
    }
}

/// The candidates' lines, the first [`LISTED`] of them.
fn listed(many: &[&Named]) -> String {
    let mut lines: Vec<String> = many.iter().take(LISTED).map(|c| format!("  {}  {}", c.id, c.label)).collect();
    if many.len() > LISTED {
        lines.push(format!("  … and {} more; give more of the name", many.len() - LISTED));
    }
    lines.join("\n")
}

/// The event named by an id or by a part of its title.
pub(crate) fn event(store: &Store, reference: &str) -> Result<Uuid, ApiError> {
    if let Ok(id) = Uuid::parse_str(reference.trim()) {
        return Ok(store.event(id)?.id);
    }
    let candidates = store
        .list_events()?
        .into_iter()
        .map(|e| Named {
            id: e.id,
            label: format!("{} ({})", e.title, roundtable_core::shown::date(e.start_date)),
            names: vec![e.title],
        })
        .collect();
    pick("event", reference, candidates)
}

pub(crate) fn series(store: &Store, reference: &str) -> Result<Uuid, ApiError> {
    let candidates = store
        .list_series()?
        .into_iter()
        .map(|s| Named { id: s.id, label: s.title.clone(), names: vec![s.title] })
        .collect();
    pick("series", reference, candidates)
}

pub(crate) fn organisation(store: &Store, reference: &str) -> Result<Uuid, ApiError> {
    let candidates = store
        .list_organisations()?
        .into_iter()
        .map(|o| Named {
            id: o.id,
            label: o.name.clone(),
            names: [Some(o.name), o.short_name].into_iter().flatten().collect(),
        })
        .collect();
    pick("organisation", reference, candidates)
}

/// A person of the plan, by id, name or e-mail address.
pub(crate) fn person(store: &Store, reference: &str) -> Result<Uuid, ApiError> {
    if let Ok(id) = Uuid::parse_str(reference.trim()) {
        return Ok(store.person(id)?.id);
    }
    // The search index matches a phrase within one field: "Siti Rahma" is
    // looked up word by word, and `pick` then compares whole names.
    let mut found: Vec<roundtable_core::Person> = Vec::new();
    for word in std::iter::once(reference.trim()).chain(reference.split_whitespace()) {
        for person in store.search_people(word, 200)? {
            if !found.iter().any(|p| p.id == person.id) {
                found.push(person);
            }
        }
    }
    let candidates = found
        .into_iter()
        .map(|p| Named {
            id: p.id,
            label: format!("{} {}", p.full_name, p.email.as_deref().unwrap_or("")).trim_end().to_owned(),
            names: [
                Some(p.full_name),
                Some(format!("{} {}", p.given_name, p.family_name)),
                Some(p.family_name),
                p.email,
            ]
            .into_iter()
            .flatten()
            .collect(),
        })
        .collect();
    pick("person", reference, candidates)
}

/// The names a participant answers to: the person's names and e-mail.
fn participant_named(p: ParticipantView) -> Named {
    Named {
        id: p.participant.id,
        label: format!("{} ({}, {})", p.person.full_name, p.delegation_name, p.participant.role.label()),
        names: [
            Some(p.person.full_name),
            Some(format!("{} {}", p.person.given_name, p.person.family_name)),
            Some(p.person.family_name),
            p.person.email,
        ]
        .into_iter()
        .flatten()
        .collect(),
    }
}

/// A participant of the event, by id, person's name or e-mail.
pub(crate) fn participant(store: &Store, event_id: Uuid, reference: &str) -> Result<Uuid, ApiError> {
    let all = store.list_participants(event_id, &ParticipantFilter::default())?;
    pick("participant", reference, all.into_iter().map(participant_named).collect())
}

/// A delegation of the event, by id, name or country (code or name).
pub(crate) fn delegation(store: &Store, event_id: Uuid, reference: &str) -> Result<Uuid, ApiError> {
    let candidates =
        store
            .list_delegations(event_id)?
            .into_iter()
            .map(|d| {
                let country = d.country_code.as_deref().and_then(countries::by_code);
                let mut names = vec![d.name.clone()];
                names.extend(country.into_iter().flat_map(|c| {
                    [c.alpha2.to_owned(), c.alpha3.to_owned(), c.name.to_owned(), c.iso_name.to_owned()]
                }));
                Named { id: d.id, label: d.name, names }
            })
            .collect();
    pick("delegation", reference, candidates)
}

/// A day of the event's agenda, by id, date (YYYY-MM-DD) or theme.
pub(crate) fn day(store: &Store, event_id: Uuid, reference: &str) -> Result<Uuid, ApiError> {
    let candidates = store
        .days(event_id)?
        .into_iter()
        .map(|d| Named {
            id: d.id,
            label: format!("{} {}", d.date, d.theme).trim_end().to_owned(),
            names: vec![d.date.to_string(), d.theme],
        })
        .collect();
    pick("day", reference, candidates)
}

/// A session of the event, by id or title.
pub(crate) fn session(store: &Store, event_id: Uuid, reference: &str) -> Result<Uuid, ApiError> {
    let candidates = store
        .agenda(event_id)?
        .days
        .into_iter()
        .flat_map(|d| d.sessions)
        .map(|s| Named {
            id: s.id,
            label: format!("{} {}–{}  {}", s.date, s.start_time.format("%H:%M"), s.end_time.format("%H:%M"), s.title),
            names: vec![s.title],
        })
        .collect();
    pick("session", reference, candidates)
}

/// A funding of the event, by id, funder or programme.
pub(crate) fn funding(store: &Store, event_id: Uuid, reference: &str) -> Result<Uuid, ApiError> {
    let candidates = store
        .event_fundings(event_id)?
        .into_iter()
        .map(|f| Named {
            id: f.id,
            label: format!("{} {}", f.funder_name, f.programme.as_deref().unwrap_or("")).trim_end().to_owned(),
            names: [Some(f.funder_name), f.programme].into_iter().flatten().collect(),
        })
        .collect();
    pick("funding", reference, candidates)
}

/// A media contact of the event, by id, name or e-mail.
pub(crate) fn media_contact(store: &Store, event_id: Uuid, reference: &str) -> Result<Uuid, ApiError> {
    let candidates = store
        .media_contacts(event_id)?
        .into_iter()
        .map(|m| Named {
            id: m.id,
            label: m.name.clone(),
            names: [Some(m.name), m.email].into_iter().flatten().collect(),
        })
        .collect();
    pick("media contact", reference, candidates)
}

/// An outcome of the event, by id, country (code or name) or a part of its summary.
pub(crate) fn outcome(store: &Store, event_id: Uuid, reference: &str) -> Result<Uuid, ApiError> {
    let candidates = store
        .outcomes(event_id)?
        .into_iter()
        .map(|o| Named {
            id: o.id,
            label: format!(
                "{}: {}",
                o.country_name.as_deref().unwrap_or("All"),
                o.summary.chars().take(60).collect::<String>()
            ),
            names: [o.country_code, o.country_name, Some(o.summary)].into_iter().flatten().collect(),
        })
        .collect();
    pick("outcome", reference, candidates)
}

/// A follow-up of the event, by id, a part of its action, or its owner.
pub(crate) fn follow_up(store: &Store, event_id: Uuid, reference: &str) -> Result<Uuid, ApiError> {
    let candidates = store
        .follow_ups(event_id)?
        .into_iter()
        .map(|f| Named { id: f.id, label: f.action.chars().take(70).collect(), names: vec![f.action, f.owner] })
        .collect();
    pick("follow-up", reference, candidates)
}
