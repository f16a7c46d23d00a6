//! The two seed events of `shared/seeds/` as a ready-made plan: the Bangkok
//! regional dialogue on migrant protection (21–23 September 2022) and the
//! first MIEUX Regional Round-table (5–6 March 2018) in its 2018 series, with
//! the series' next stop in Mexico City. A new user thus sees the application
//! with real work in it, and every screen (tracker, agenda, overview, exports)
//! has something true to show.
//!
//! What the articles state is recorded as they state it. The people they do
//! not name are fictional samples: their participation's notes say so and
//! their e-mail addresses are at `example.org`. The content is fixed (no
//! randomness); only the records' ids differ from one plan to another.
//!
//! The examples are written through the public [`Store`] API only, as the app
//! and the CLI would write them, so they pass the same validation. That API
//! commits each call on its own, so an example event is built by a sequence of
//! writes; if one fails, the half-built event is deleted again, because a
//! later load recognises an example by its title and first day and would
//! otherwise skip it for good. Series, organisations and people are reused
//! when the plan has them already, so loading twice, or again after deleting
//! one example, duplicates nothing.

mod bangkok_2022;
mod mieux_2018;

use crate::agenda::{AgendaDayInput, SessionInput, SessionPersonInput};
use crate::delegation::DelegationInput;
use crate::error::{Error, Result};
use crate::event::{Event, EventInput};
use crate::field::Field;
use crate::organisation::OrganisationInput;
use crate::participant::MembershipInput;
use crate::person::PersonInput;
use crate::series::SeriesInput;
use crate::store::Store;
use crate::vocabulary::{
    DelegationKind, Gender, OrganisationKind, ParticipantRole, ParticipantStatus, SessionKind, SessionRole,
};
use serde::{Deserialize, Serialize};
use specta::Type;
use std::collections::HashMap;
use uuid::Uuid;

/// What loading the examples did. There are three example events: the
/// Bangkok dialogue of 2022, and the MIEUX round-tables in Bangkok (held) and
/// Mexico City (planned); `created + already_present` is always 3.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, Type)]
pub struct ExampleLoad {
    /// Example events created now.
    pub created: u32,
    /// Example events that were already in the plan and were left as they are.
    pub already_present: u32,
}

/// One example event: how to tell that a plan has it, and how to build it.
struct Example {
    /// The event's title; a plan has the example when an event has this
    /// title (in any case) and `start_date` as its first day.
    title: &'static str,
    /// `YYYY-MM-DD`.
    start_date: &'static str,
    /// The event's facts (finding or creating its series).
    facts: fn(&mut Store) -> Result<EventInput>,
    /// Everything else, the final status last.
    content: fn(&mut Store, &Event) -> Result<()>,
}

const EXAMPLES: [&Example; 3] = [&bangkok_2022::DIALOGUE, &mieux_2018::ASIA, &mieux_2018::LATIN_AMERICA];

/// Loads the example events that are not in the plan yet, in one transaction:
/// all of them or, when anything fails or the process dies, none. Loading twice
/// duplicates nothing.
pub fn load(store: &mut Store) -> Result<ExampleLoad> {
    store.transaction(load_missing)
}

fn load_missing(store: &mut Store) -> Result<ExampleLoad> {
    let present = store.list_events()?;
    let mut load = ExampleLoad { created: 0, already_present: 0 };
    for example in EXAMPLES {
        let there = present
            .iter()
            .any(|e| e.title.eq_ignore_ascii_case(example.title) && e.start_date.to_string() == example.start_date);
        if there {
            load.already_present += 1;
        } else {
            build(store, example)?;
            load.created += 1;
        }
    }
    Ok(load)
}

/// Creates one example event with its content (inside the loading transaction).
fn build(store: &mut Store, example: &Example) -> Result<()> {
    let facts = (example.facts)(store)?;
    let event = store.create_event(&facts)?;
    (example.content)(store, &event)
}

/// The note on the participation of every person an article does not name.
pub(super) const FICTIONAL: &str = "Sample participant (fictional)";
/// The note on the participation of a person an article names.
const NAMED: &str = "Named in the article on this event; position as the article gives it";

/// An organisation the examples refer to, reused when the plan has one of that name.
pub(super) struct Org {
    pub name: &'static str,
    pub short_name: &'static str,
    pub kind: OrganisationKind,
    pub country: Option<&'static str>,
    pub website: Option<&'static str>,
}

/// The organisation's id, creating it when the plan has none of that name.
pub(super) fn organisation(store: &mut Store, org: &Org) -> Result<Uuid> {
    if let Some(found) = store.find_organisation(org.name)? {
        return Ok(found.id);
    }
    let input = OrganisationInput {
        name: org.name.into(),
        short_name: Some(org.short_name.into()),
        kind: Some(org.kind),
        country_code: org.country.map(Into::into),
        website: org.website.map(Into::into),
    };
    Ok(store.create_organisation(&input)?.id)
}

/// The series' id, creating it when the plan has none of that title.
pub(super) fn series(store: &mut Store, title: &str, description: &str) -> Result<Uuid> {
    if let Some(found) = store.find_series(title)? {
        return Ok(found.id);
    }
    Ok(store.create_series(&SeriesInput { title: title.into(), description: description.into() })?.id)
}

/// A country delegation; `name` only where the plain ISO name reads oddly ("Lao PDR").
pub(super) fn country(store: &mut Store, event_id: Uuid, code: &str, name: Option<&str>, quota: u32) -> Result<Uuid> {
    let input = DelegationInput {
        kind: Some(DelegationKind::Country),
        country_code: Some(code.into()),
        name: name.map(Into::into),
        quota: Some(quota),
        ..DelegationInput::default()
    };
    Ok(store.create_delegation(event_id, &input)?.id)
}

/// An organisation's delegation, the experts or the organising team.
pub(super) fn group(
    store: &mut Store,
    event_id: Uuid,
    kind: DelegationKind,
    name: Option<&str>,
    organisation_id: Option<Uuid>,
    quota: Option<u32>,
) -> Result<Uuid> {
    let input = DelegationInput {
        kind: Some(kind),
        organisation_id,
        name: name.map(Into::into),
        quota,
        ..DelegationInput::default()
    };
    Ok(store.create_delegation(event_id, &input)?.id)
}

/// A participant of an example, as written in the tables of each event.
#[derive(Debug, Clone, Copy)]
pub(super) struct Sample {
    honorific: &'static str,
    given: &'static str,
    /// Also the participant's key in the event's session table, so unique per event.
    family: &'static str,
    gender: Gender,
    role: ParticipantRole,
    position: &'static str,
    organisation: &'static str,
    /// Named in the article: a real person, recorded without contact details.
    named: bool,
    dietary: &'static str,
    visa_letter: bool,
}

/// A fictional sample participant.
pub(super) const fn p(
    honorific: &'static str,
    given: &'static str,
    family: &'static str,
    gender: Gender,
    role: ParticipantRole,
    position: &'static str,
    organisation: &'static str,
) -> Sample {
    Sample {
        honorific,
        given,
        family,
        gender,
        role,
        position,
        organisation,
        named: false,
        dietary: "",
        visa_letter: false,
    }
}

impl Sample {
    /// The person is named in the article.
    pub(super) const fn named(self) -> Sample {
        Sample { named: true, ..self }
    }

    /// The person's dietary needs.
    pub(super) const fn diet(self, dietary: &'static str) -> Sample {
        Sample { dietary, ..self }
    }

    /// The person still needs a visa letter.
    pub(super) const fn visa_letter(self) -> Sample {
        Sample { visa_letter: true, ..self }
    }

    fn email(&self) -> String {
        let words: Vec<String> = [self.given, self.family]
            .iter()
            .flat_map(|part| part.split_whitespace())
            .map(|word| crate::text::fold(word).chars().filter(char::is_ascii_alphanumeric).collect())
            .collect();
        format!("{}@example.org", words.join("."))
    }
}

/// What the members of one delegation share: their status, languages, travel and stay.
pub(super) struct Stay {
    pub status: ParticipantStatus,
    pub languages: &'static [&'static str],
    /// `YYYY-MM-DD HH:MM`, venue time.
    pub arrival: Option<&'static str>,
    pub departure: Option<&'static str>,
    pub accommodation: &'static str,
}

/// The participants of one example event, by family name for the session table.
pub(super) struct Roster {
    event_id: Uuid,
    ids: HashMap<&'static str, Uuid>,
}

impl Roster {
    pub(super) fn new(event_id: Uuid) -> Roster {
        Roster { event_id, ids: HashMap::new() }
    }

    /// Registers `members` with the delegation. Fictional people are matched
    /// by their sample address, named people by their name, so someone already
    /// in the plan is not created twice.
    pub(super) fn join(
        &mut self,
        store: &mut Store,
        delegation_id: Uuid,
        stay: &Stay,
        members: &[Sample],
    ) -> Result<()> {
        for m in members {
            let membership = MembershipInput {
                delegation_id,
                role: Some(m.role),
                status: Some(stay.status),
                arrival: stay.arrival.map(Into::into),
                departure: stay.departure.map(Into::into),
                visa_letter_needed: m.visa_letter,
                accommodation: stay.accommodation.into(),
                dietary_needs: m.dietary.into(),
                notes: (if m.named { NAMED } else { FICTIONAL }).into(),
                ..MembershipInput::default()
            };
            let known = match m.named {
                true => store
                    .search_people(m.family, 50)?
                    .into_iter()
                    .find(|person| person.given_name == m.given && person.family_name == m.family),
                false => None,
            };
            let joined = match known {
                Some(person) => store.add_participant(self.event_id, person.id, &membership)?,
                None => {
                    let person = PersonInput {
                        honorific: m.honorific.into(),
                        given_name: m.given.into(),
                        family_name: m.family.into(),
                        position: m.position.into(),
                        organisation: m.organisation.into(),
                        email: (!m.named).then(|| m.email()),
                        gender: Some(m.gender),
                        languages: stay.languages.iter().map(|l| (*l).to_owned()).collect(),
                        ..PersonInput::default()
                    };
                    store.register_participant(self.event_id, &person, &membership)?.registered
                }
            };
            if self.ids.insert(m.family, joined.participant.id).is_some() {
                return Err(Error::invalid(
                    Field::FamilyName,
                    format!("Two example participants are called {}", m.family),
                ));
            }
        }
        Ok(())
    }

    fn id(&self, family: &str) -> Result<Uuid> {
        self.ids
            .get(family)
            .copied()
            .ok_or_else(|| Error::invalid(Field::People, format!("No example participant called {family}")))
    }
}

/// A session: day (0 = the first), start, end, kind, room, title,
/// description, and its people by family name.
pub(super) type SessionRow = (
    usize,
    &'static str,
    &'static str,
    SessionKind,
    &'static str,
    &'static str,
    &'static str,
    &'static [(SessionRole, &'static str)],
);

/// Gives every date of the event its day with the theme, and adds the sessions.
pub(super) fn agenda(
    store: &mut Store,
    event: &Event,
    themes: &[&str],
    sessions: &[SessionRow],
    roster: &Roster,
) -> Result<()> {
    let days = store.fill_days(event.id)?;
    if days.len() != themes.len() {
        return Err(Error::invalid(Field::Theme, format!("{} themes for {} days", themes.len(), days.len())));
    }
    for (day, theme) in days.iter().zip(themes) {
        store.update_day(day.id, &AgendaDayInput { date: day.date.to_string(), theme: (*theme).into() })?;
    }
    for &(day, start, end, kind, room, title, description, people) in sessions {
        let day = days
            .get(day)
            .ok_or_else(|| Error::invalid(Field::DayId, format!("'{title}' is on a day the event does not have")))?;
        let people = people
            .iter()
            .map(|&(role, family)| Ok(SessionPersonInput { participant_id: roster.id(family)?, role }))
            .collect::<Result<Vec<_>>>()?;
        store.create_session(&SessionInput {
            day_id: day.id,
            start_time: start.into(),
            end_time: end.into(),
            title: title.into(),
            kind: Some(kind),
            room: room.into(),
            description: description.into(),
            people,
            needs_review: false,
        })?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::funding::acknowledgement_line;
    use crate::participant::ParticipantFilter;
    use crate::vocabulary::{EventFormat, EventStatus, OrganiserRole};

    fn loaded() -> Store {
        let mut store = Store::open_in_memory().unwrap();
        assert_eq!(load(&mut store).unwrap(), ExampleLoad { created: 3, already_present: 0 });
        store
    }

    fn event(store: &Store, title: &str) -> Event {
        let id = store.list_events().unwrap().into_iter().find(|e| e.title == title).unwrap().id;
        store.event(id).unwrap()
    }

    #[test]
    fn the_three_example_events_have_their_dates_places_and_statuses() {
        let store = loaded();
        let dialogue = event(&store, bangkok_2022::TITLE);
        assert_eq!(
            (dialogue.start_date.to_string(), dialogue.end_date.to_string()),
            ("2022-09-21".into(), "2022-09-23".into())
        );
        assert_eq!((dialogue.host_city.as_str(), dialogue.host_country.as_str()), ("Bangkok", "TH"));
        assert_eq!(dialogue.time_zone, "Asia/Bangkok");
        assert_eq!((dialogue.format, dialogue.status), (EventFormat::Dialogue, EventStatus::Reported));
        assert_eq!(dialogue.sdgs, vec![10, 16, 17]);
        assert_eq!(dialogue.priorities.len(), 5);
        assert!(dialogue.notes.contains("Return, Readmission, Protection and Alternatives to Detention"));
        assert_eq!(dialogue.series_id, None);

        let asia = event(&store, mieux_2018::ASIA_TITLE);
        assert_eq!(
            (asia.start_date.to_string(), asia.end_date.to_string()),
            ("2018-03-05".into(), "2018-03-06".into())
        );
        assert_eq!(
            (asia.host_city.as_str(), asia.host_country.as_str(), asia.time_zone.as_str()),
            ("Bangkok", "TH", "Asia/Bangkok")
        );
        assert_eq!((asia.format, asia.status), (EventFormat::RoundTable, EventStatus::Reported));

        let next = event(&store, mieux_2018::LATIN_AMERICA_TITLE);
        assert_eq!((next.host_city.as_str(), next.host_country.as_str()), ("Mexico City", "MX"));
        assert_eq!(next.time_zone, "America/Mexico_City");
        assert_eq!(next.status, EventStatus::Planned);
        assert!(next.start_date.to_string().starts_with("2018-05-") && next.notes.contains("to be confirmed"));

        let series = store.series(asia.series_id.unwrap()).unwrap();
        assert_eq!(series.title, "MIEUX Regional Round-tables 2018");
        assert!(series.description.contains("early 2019"));
        let stops: Vec<String> = store.series_stops(series.id).unwrap().into_iter().map(|e| e.host_city).collect();
        assert_eq!(stops, ["Bangkok", "Mexico City"]);
    }

    #[test]
    fn the_dialogue_has_36_participants_in_its_three_government_delegations() {
        let store = loaded();
        let dialogue = event(&store, bangkok_2022::TITLE);
        let tracker = store.delegation_tracker(dialogue.id).unwrap();
        let countries: Vec<_> = tracker.rows.iter().filter(|r| r.kind == DelegationKind::Country).collect();
        let names: Vec<&str> = countries.iter().map(|r| r.name.as_str()).collect();
        assert_eq!(names, ["Indonesia", "Malaysia", "Thailand"]);
        assert_eq!(countries.iter().map(|r| r.counts.attended).sum::<u32>(), 36);
        for row in &countries {
            assert_eq!((row.counts.attended, row.counts.seats_taken, row.quota), (12, 12, Some(12)), "{}", row.name);
            assert_eq!((row.counts.female, row.counts.male), (6, 6), "{}", row.name);
            assert!(row.head.is_some(), "{} has no head", row.name);
        }
        assert_eq!(countries[2].head.as_deref(), Some("Mr Phuchphop Mongkolnavin"));
        // The organisers' staff come on top, in one delegation per organiser.
        let organisers: Vec<(&str, u32)> = tracker
            .rows
            .iter()
            .filter(|r| r.kind == DelegationKind::Organisation)
            .map(|r| (r.name.as_str(), r.counts.attended))
            .collect();
        assert_eq!(organisers.len(), 3);
        assert_eq!(organisers.iter().map(|o| o.1).sum::<u32>(), 5);
        assert_eq!(tracker.totals.attended, 41);
        assert_eq!(store.list_events().unwrap().iter().find(|e| e.id == dialogue.id).unwrap().participants, 41);

        let simpson = store
            .list_participants(
                dialogue.id,
                &ParticipantFilter { search: Some("Simpson".into()), ..ParticipantFilter::default() },
            )
            .unwrap();
        assert_eq!(simpson.len(), 1);
        assert_eq!(simpson[0].person.position, "Deputy Regional Director for Asia and the Pacific");
        assert_eq!(simpson[0].person.email, None);
    }

    #[test]
    fn the_dialogue_names_its_organisers_funders_and_media_contacts() {
        let store = loaded();
        let overview = store.event_overview(event(&store, bangkok_2022::TITLE).id).unwrap();
        let roles: Vec<(&str, OrganiserRole)> =
            overview.organisers.iter().map(|o| (o.short_name.as_deref().unwrap(), o.role)).collect();
        assert_eq!(
            &roles[..3],
            [
                ("IOM Thailand", OrganiserRole::LeadOrganiser),
                ("IDC", OrganiserRole::CoOrganiser),
                ("OHCHR", OrganiserRole::CoOrganiser)
            ]
        );
        assert_eq!(overview.fundings.len(), 2);
        assert_eq!(overview.fundings[0].programme.as_deref(), Some("Asia Regional Migration Program"));
        let line = overview.acknowledgement.unwrap();
        assert!(line.contains("U.S. Department of State Bureau of Population, Refugees and Migration"), "{line}");
        assert!(
            line.contains("Asia Regional Migration Program") && line.contains("Bali Process Regional Support Office"),
            "{line}"
        );
        let built = acknowledgement_line(&overview.fundings).unwrap();
        assert!(built.contains("Bali Process Regional Support Office"));
        let contacts: Vec<(&str, Option<&str>, &str)> =
            overview.media_contacts.iter().map(|c| (c.name.as_str(), c.email.as_deref(), c.phone.as_str())).collect();
        assert_eq!(
            contacts,
            [
                ("Itayi Viriri", Some("iviriri@iom.int"), "+66 65 939 0934"),
                ("Miko Alazas", Some("aalazas@iom.int"), "+66 65 119 0912")
            ]
        );
        assert!(overview.outcomes.iter().any(|o| o.summary.contains("rescue at sea")));
    }

    #[test]
    fn the_mieux_round_table_has_seven_countries_two_experts_and_the_team() {
        let store = loaded();
        let asia = event(&store, mieux_2018::ASIA_TITLE);
        let tracker = store.delegation_tracker(asia.id).unwrap();
        let codes: Vec<&str> = tracker.rows.iter().filter_map(|r| r.country_code.as_deref()).collect();
        assert_eq!(codes, ["KH", "KG", "LA", "MM", "PH", "TH", "TL"]);
        let lao = tracker.rows.iter().find(|r| r.country_code.as_deref() == Some("LA")).unwrap();
        assert_eq!(lao.name, "Lao PDR");
        let experts = tracker.rows.iter().find(|r| r.kind == DelegationKind::ExpertGroup).unwrap();
        assert_eq!(experts.counts.attended, 2);
        let team = tracker.rows.iter().find(|r| r.kind == DelegationKind::OrganisingTeam).unwrap();
        assert_eq!(team.name, "MIEUX team");
        assert!(team.counts.attended >= 2);
        // Something for the tracker to show: a delegation without a head, a visa letter still needed.
        let headless: Vec<&str> = tracker
            .rows
            .iter()
            .filter(|r| r.kind == DelegationKind::Country && r.head.is_none())
            .map(|r| r.name.as_str())
            .collect();
        assert_eq!(headless, ["Myanmar"]);
        assert_eq!(tracker.totals.visa_letters_needed, 1);
        assert_eq!(tracker.totals.attended, tracker.totals.seats_taken);
        assert!(tracker.rows.iter().all(|r| !r.over_quota));

        let overview = store.event_overview(asia.id).unwrap();
        assert_eq!(overview.organisers.len(), 1);
        assert_eq!(overview.organisers[0].short_name.as_deref(), Some("ICMPD"));
        assert!(overview.fundings.is_empty());
        let outcome_countries: Vec<&str> = overview.outcomes.iter().filter_map(|o| o.country_code.as_deref()).collect();
        for code in ["TH", "LA", "PH", "TL", "KH", "KG"] {
            assert!(outcome_countries.contains(&code), "no outcome for {code}");
        }
        assert!(overview.follow_ups.iter().any(|f| f.action.contains("early 2019")));
        assert!(overview.follow_ups.iter().any(|f| f.action.contains("Mexico City")));
    }

    #[test]
    fn the_agendas_are_complete_and_free_of_conflicts() {
        let store = loaded();
        for (title, days) in
            [(bangkok_2022::TITLE, 3), (mieux_2018::ASIA_TITLE, 2), (mieux_2018::LATIN_AMERICA_TITLE, 2)]
        {
            let id = event(&store, title).id;
            let agenda = store.agenda(id).unwrap();
            assert_eq!(agenda.days.len(), days, "{title}");
            assert!(agenda.conflicts.is_empty(), "{title}: {:?}", agenda.conflicts);
            assert!(store.event_overview(id).unwrap().conflicts.is_empty(), "{title}");
        }
        let dialogue = store.agenda(event(&store, bangkok_2022::TITLE).id).unwrap();
        assert_eq!(dialogue.days[2].day.theme, "Areas of cooperation and partnerships");
        let per_day: Vec<(usize, &str)> =
            dialogue.days.iter().map(|d| (d.sessions.len(), d.day.theme.as_str())).collect();
        assert!(per_day.iter().all(|(n, theme)| !theme.is_empty() && *n >= 5), "{per_day:?}");
        let opening = &dialogue.days[0].sessions[0];
        assert_eq!(opening.kind, SessionKind::Opening);
        let speakers: Vec<&str> = opening.people.iter().map(|p| p.name.as_str()).collect();
        assert!(
            speakers.contains(&"Mr Phuchphop Mongkolnavin") && speakers.contains(&"Mr Stuart Simpson"),
            "{speakers:?}"
        );
        let pauses = dialogue.days.iter().flat_map(|d| &d.sessions).filter(|s| s.kind.is_pause());
        assert!(pauses.clone().count() >= 6 && pauses.clone().all(|s| s.people.is_empty()));
        let mieux = store.agenda(event(&store, mieux_2018::ASIA_TITLE).id).unwrap();
        assert!(mieux.days.iter().all(|d| d.sessions.len() >= 6));
    }

    #[test]
    fn fictional_people_are_marked_and_every_person_is_one_record() {
        let store = loaded();
        let mut emails = Vec::new();
        let mut participations = 0;
        for title in [bangkok_2022::TITLE, mieux_2018::ASIA_TITLE] {
            for view in store.list_participants(event(&store, title).id, &ParticipantFilter::default()).unwrap() {
                participations += 1;
                match view.person.email {
                    Some(email) => {
                        assert!(email.ends_with("@example.org") && email.is_ascii(), "{email}");
                        assert_eq!(view.participant.notes, FICTIONAL);
                        emails.push(email);
                    }
                    None => assert!(["Mongkolnavin", "Simpson"].contains(&view.person.family_name.as_str())),
                }
            }
        }
        assert_eq!(participations, 41 + 21);
        emails.sort();
        emails.dedup();
        assert_eq!(emails.len(), participations - 2, "two fictional people share an address");
        assert_eq!(store.search_people("", 1000).unwrap().len(), participations);
    }

    #[test]
    fn loading_again_creates_nothing_and_recreates_only_what_was_deleted() {
        let mut store = loaded();
        let counts = |store: &Store| {
            (
                store.list_events().unwrap().len(),
                store.list_organisations().unwrap().len(),
                store.list_series().unwrap().len(),
                store.search_people("", 1000).unwrap().len(),
            )
        };
        let before = counts(&store);
        assert_eq!(before.0, 3);
        assert_eq!(load(&mut store).unwrap(), ExampleLoad { created: 0, already_present: 3 });
        assert_eq!(counts(&store), before);

        store.delete_event(event(&store, bangkok_2022::TITLE).id).unwrap();
        store.delete_event(event(&store, mieux_2018::LATIN_AMERICA_TITLE).id).unwrap();
        assert_eq!(load(&mut store).unwrap(), ExampleLoad { created: 2, already_present: 1 });
        // People, organisations and the series were found again, not duplicated.
        assert_eq!(counts(&store), before);
    }

    #[test]
    fn an_example_that_fails_halfway_leaves_nothing_behind() {
        fn content(store: &mut Store, event: &Event) -> Result<()> {
            country(store, event.id, "ID", None, 12)?;
            Err(Error::invalid(Field::Title, "fails after the first delegation"))
        }
        let failing = Example { content, ..bangkok_2022::DIALOGUE };
        let mut store = Store::open_in_memory().unwrap();
        let failed = store.transaction(|s| build(s, &failing));
        assert_eq!(failed.unwrap_err().field(), Some(Field::Title));
        assert!(store.list_events().unwrap().is_empty());
        // Its series and organisations, created before the failure, are gone too.
        assert!(store.list_series().unwrap().is_empty());
        assert!(store.list_organisations().unwrap().is_empty());
        assert_eq!(load(&mut store).unwrap().created, 3);
    }
}
