//! The MIEUX Regional Round-tables 2018 (`shared/seeds/001_36145e3073aedc46.txt`):
//! the first stop, Bangkok, 5–6 March 2018, held and reported, and the next
//! stop, Mexico City, planned for late May 2018.
//!
//! The article gives the countries, the two experts from past missions and
//! the MIEUX team, the objectives, the results per country and what comes
//! next; it names no participant, so every person here is fictional, as are
//! the rooms and the programme. It names no funder either, so none is
//! recorded: ICMPD, whose programme MIEUX is, is the lead organiser.

use super::{Example, Org, Roster, Sample, SessionRow, Stay, agenda, country, group, organisation, p, series};
use crate::error::Result;
use crate::event::{Event, EventInput};
use crate::outcome::{FollowUpInput, OutcomeInput};
use crate::store::Store;
use crate::vocabulary::Gender::{Female as F, Male as M};
use crate::vocabulary::ParticipantRole::{Expert, Head, Member, Rapporteur, Staff};
use crate::vocabulary::SessionKind::{Break, Closing, Lunch, Opening, Panel, Plenary, WorkingGroup};
use crate::vocabulary::SessionRole::{Chair, Moderator as Moderates, Rapporteur as Reports, Speaker as Speaks};
use crate::vocabulary::{
    DelegationKind, EventFormat, EventStatus, FollowUpStatus, OrganisationKind, OrganiserRole, ParticipantStatus,
};

pub(super) const ASIA_TITLE: &str = "MIEUX Regional Round-table: Asia";
pub(super) const LATIN_AMERICA_TITLE: &str = "MIEUX Regional Round-table: Latin America and the Caribbean";

pub(super) const ASIA: Example =
    Example { title: ASIA_TITLE, start_date: "2018-03-05", facts: asia_facts, content: asia };
pub(super) const LATIN_AMERICA: Example = Example {
    title: LATIN_AMERICA_TITLE,
    start_date: "2018-05-29",
    facts: latin_america_facts,
    content: latin_america,
};

const SERIES_TITLE: &str = "MIEUX Regional Round-tables 2018";
const SERIES_DESCRIPTION: &str = "A year-long 'tour de capitales' of Regional Round-tables in Asia, Africa, and Latin \
    America and the Caribbean, on the occasion of MIEUX's 10-year anniversary: government officials and experts \
    reflect on what MIEUX means to them, how and why they engaged with it, what results its Actions achieved in \
    their institutions and countries, and how their governments benefit from them today. The results of all \
    round-tables feed an updated and comprehensive publication of MIEUX's good practices, due in early 2019.";

const ICMPD: Org = Org {
    name: "International Centre for Migration Policy Development",
    short_name: "ICMPD",
    kind: OrganisationKind::InternationalOrganisation,
    country: Some("AT"),
    website: Some("https://www.icmpd.org"),
};

fn asia_facts(store: &mut Store) -> Result<EventInput> {
    Ok(EventInput {
        series_id: Some(series(store, SERIES_TITLE, SERIES_DESCRIPTION)?),
        title: ASIA_TITLE.into(),
        format: Some(EventFormat::RoundTable),
        host_city: "Bangkok".into(),
        host_country: "TH".into(),
        time_zone: "Asia/Bangkok".into(),
        start_date: "2018-03-05".into(),
        end_date: "2018-03-06".into(),
        // Built as confirmed; marked held and reported once its content is in.
        status: Some(EventStatus::Confirmed),
        objectives: "Review ongoing and past MIEUX Actions with a fresh perspective, extract good practices and \
            examine MIEUX's longer-term impact: participants report back on the achievements they feel were \
            reached through MIEUX's interventions in their institutions and countries."
            .into(),
        priorities: ["Management of labour migration", "Fighting trafficking in human beings"].map(Into::into).to_vec(),
        languages: vec!["English".into()],
        notes: "The first stop of MIEUX's 2018 'tour de capitales'. Since 2009 MIEUX has implemented 17 Actions in \
            the region, mainly on labour migration and trafficking in human beings.\n\
            The article names no participant: the people, rooms and programme here are samples for this example."
            .into(),
        ..EventInput::default()
    })
}

const TRAVELLERS: Stay = Stay {
    status: ParticipantStatus::Attended,
    languages: &[],
    arrival: Some("2018-03-04 15:00"),
    departure: Some("2018-03-07 11:00"),
    accommodation: "Conference hotel, Bangkok",
};

#[rustfmt::skip]
const CAMBODIA: &[Sample] = &[
    p("Mr", "Sophal", "Chea", M, Head, "Deputy Director, Department of Anti-Human Trafficking and Juvenile Protection", "General Commissariat of National Police, Cambodia"),
    p("Ms", "Sreymom", "Keo", F, Member, "Chief of Bureau, General Department of Immigration", "Ministry of Interior, Cambodia"),
];
#[rustfmt::skip]
const KYRGYZSTAN: &[Sample] = &[
    p("Mr", "Nurlan", "Asanbekov", M, Head, "Head of the Migration Policy Department", "State Migration Service under the Government of the Kyrgyz Republic"),
    p("Ms", "Aizhan", "Osmonalieva", F, Member, "Chief Specialist, External Labour Migration Department", "State Migration Service under the Government of the Kyrgyz Republic").visa_letter(),
];
#[rustfmt::skip]
const LAO_PDR: &[Sample] = &[
    p("Mr", "Khamphet", "Phommachanh", M, Head, "Deputy Director-General, Department of Skills Development and Employment", "Ministry of Labour and Social Welfare, Lao PDR"),
    p("Ms", "Vilayvanh", "Sisouphanh", F, Member, "Head of Division, Department of Planning and Cooperation", "Ministry of Labour and Social Welfare, Lao PDR"),
    p("Ms", "Souksavanh", "Keomany", F, Member, "Statistician, National Migration Data Working Group", "Lao Statistics Bureau"),
];
// Burmese names have no family name: the whole name is kept in `family`. No head was named.
#[rustfmt::skip]
const MYANMAR: &[Sample] = &[
    p("Ms", "", "Khin Myat Thu", F, Member, "Deputy Director, Department of Labour", "Ministry of Labour, Immigration and Population, Myanmar"),
    p("Mr", "", "Aung Zaw Min", M, Member, "Police Major, Anti-Trafficking in Persons Division", "Myanmar Police Force"),
];
#[rustfmt::skip]
const PHILIPPINES: &[Sample] = &[
    p("Ms", "Maria Cristina", "Reyes", F, Head, "Director, Welfare and Employment Office", "Philippine Overseas Employment Administration"),
    p("Mr", "Jose Miguel", "Santos", M, Member, "Senior Labor and Employment Officer, Public Information Division", "Philippine Overseas Employment Administration"),
];
#[rustfmt::skip]
const THAILAND: &[Sample] = &[
    p("Ms", "Orawan", "Sukprasert", F, Head, "Director, Division of Anti-Trafficking in Persons", "Ministry of Social Development and Human Security, Thailand"),
    p("Pol. Lt. Col.", "Prasit", "Chaiwong", M, Member, "Deputy Superintendent, Anti-Trafficking in Persons Division", "Royal Thai Police"),
    p("Ms", "Duangjai", "Meesuk", F, Member, "First Secretary, Department of Consular Affairs", "Ministry of Foreign Affairs, Thailand"),
];
#[rustfmt::skip]
const TIMOR_LESTE: &[Sample] = &[
    p("Mr", "Domingos", "Ximenes", M, Head, "Superintendent, Border Patrol Unit", "National Police of Timor-Leste (PNTL)"),
    p("Ms", "Filomena", "Soares", F, Member, "Inspector, Migration Service", "National Police of Timor-Leste (PNTL)"),
];
#[rustfmt::skip]
const EXPERTS: &[Sample] = &[
    p("Ms", "Ana", "Ferreira", F, Expert, "Inspector and MIEUX expert on trafficking in human beings", "Immigration and Borders Service (SEF), Portugal"),
    p("Mr", "Pieter", "Janssens", M, Expert, "Senior Adviser and MIEUX expert on labour migration", "Federal Public Service Employment, Labour and Social Dialogue, Belgium"),
];
#[rustfmt::skip]
const MIEUX_TEAM: &[Sample] = &[
    p("Ms", "Elena", "Marchetti", F, Staff, "Programme Manager, MIEUX", "ICMPD"),
    p("Mr", "Tomás", "Novák", M, Staff, "Project Officer, MIEUX", "ICMPD"),
    p("Ms", "Sophie", "Laurent", F, Rapporteur, "Communication Officer, MIEUX", "ICMPD").diet("Vegetarian"),
];

/// A country delegation: ISO code, name when not the ISO one, quota (the
/// seats the government was offered), languages, members.
type CountryRow = (&'static str, Option<&'static str>, u32, &'static [&'static str], &'static [Sample]);

/// The seven governments, in protocol order.
#[rustfmt::skip]
const COUNTRIES: [CountryRow; 7] = [
    ("KH", None, 2, &["Khmer", "English"], CAMBODIA),
    ("KG", None, 2, &["Kyrgyz", "Russian", "English"], KYRGYZSTAN),
    ("LA", Some("Lao PDR"), 3, &["Lao", "English"], LAO_PDR),
    ("MM", None, 2, &["Burmese", "English"], MYANMAR),
    ("PH", None, 2, &["Filipino", "English"], PHILIPPINES),
    ("TH", None, 3, &["Thai", "English"], THAILAND),
    ("TL", None, 2, &["Tetum", "Portuguese", "English"], TIMOR_LESTE),
];

const THEMES: [&str; 2] =
    ["Ten years of MIEUX in Asia: reviewing ongoing and past Actions", "Good practices and MIEUX's longer-term impact"];

const ROOM: &str = "Plenary room";
const ROOM_A: &str = "Meeting room A";
const ROOM_B: &str = "Meeting room B";
const FOYER: &str = "Foyer";
const RESTAURANT: &str = "Restaurant";

#[rustfmt::skip]
const SESSIONS: &[SessionRow] = &[
    (0, "09:00", "09:30", Opening, ROOM, "Welcome and opening", "", &[(Chair, "Marchetti"), (Speaks, "Sukprasert")]),
    (0, "09:30", "10:30", Plenary, ROOM, "MIEUX 2008–2018: responding to migration needs in Asia",
        "17 Actions since 2009 on labour migration and trafficking in human beings; the Asia Regional Factsheet.",
        &[(Chair, "Marchetti"), (Speaks, "Novák")]),
    (0, "10:30", "11:00", Break, FOYER, "Coffee break", "", &[]),
    (0, "11:00", "12:30", Panel, ROOM, "Country reflections: trafficking in human beings and border management", "",
        &[(Moderates, "Ferreira"), (Speaks, "Chaiwong"), (Speaks, "Chea"), (Speaks, "Ximenes"), (Speaks, "Aung Zaw Min")]),
    (0, "12:30", "13:30", Lunch, RESTAURANT, "Lunch", "", &[]),
    (0, "13:30", "15:00", Panel, ROOM, "Country reflections: labour migration and migration policy", "",
        &[(Moderates, "Janssens"), (Speaks, "Phommachanh"), (Speaks, "Reyes"), (Speaks, "Asanbekov"), (Speaks, "Khin Myat Thu")]),
    (0, "15:00", "15:30", Break, FOYER, "Coffee break", "", &[]),
    (0, "15:30", "17:00", WorkingGroup, ROOM_A, "Working group A: trafficking in human beings and border management",
        "What results did MIEUX achieve in your institution, and how does it benefit from them today?",
        &[(Moderates, "Ferreira"), (Reports, "Meesuk")]),
    (0, "15:30", "17:00", WorkingGroup, ROOM_B, "Working group B: labour migration, data and policy",
        "What results did MIEUX achieve in your institution, and how does it benefit from them today?",
        &[(Moderates, "Janssens"), (Reports, "Sisouphanh")]),

    (1, "09:00", "10:30", Plenary, ROOM, "Report-back: achievements reached through MIEUX Actions", "",
        &[(Chair, "Novák"), (Speaks, "Meesuk"), (Speaks, "Sisouphanh")]),
    (1, "10:30", "11:00", Break, FOYER, "Coffee break", "", &[]),
    (1, "11:00", "12:30", Panel, ROOM, "Extracting good practices: ownership, peer-to-peer exchange and sustainability", "",
        &[(Moderates, "Marchetti"), (Speaks, "Ferreira"), (Speaks, "Janssens"), (Speaks, "Keomany"), (Speaks, "Osmonalieva")]),
    (1, "12:30", "13:30", Lunch, RESTAURANT, "Lunch", "", &[]),
    (1, "13:30", "15:00", Plenary, ROOM, "MIEUX's longer-term impact and the publication of good practices", "",
        &[(Chair, "Novák"), (Speaks, "Santos"), (Speaks, "Soares"), (Speaks, "Keo"), (Reports, "Laurent")]),
    (1, "15:00", "15:30", Closing, ROOM, "Conclusions and next steps", "The tour continues in Mexico City in late May.",
        &[(Chair, "Marchetti"), (Speaks, "Sukprasert"), (Reports, "Laurent")]),
];

/// The results the article reports, per country, in its own terms.
const OUTCOMES: [(Option<&str>, &str); 8] = [
    (
        Some("TH"),
        "Following a study visit to Belgium as part of a MIEUX Action, new networks were created between \
        Thai and EU authorities. They prompted the set-up of focal points for the repatriation and voluntary return \
        of Thai victims of trafficking (VoTs) from the EU back to Thailand.",
    ),
    (
        Some("TH"),
        "The Thai authorities reported that exposure to the protocol for VoTs operating in the EU prompted a \
        revision of Thailand's Protocol for victim protection, so that authorities can assist VoTs also outside \
        Victim Protection Shelters. The change in legislation is pending but due to pass in the coming months.",
    ),
    (
        Some("LA"),
        "The Ministry of Labour and Social Development brought together for the first time the National \
        Migration Data Working Group (NMDWG), an inter-ministerial working group, to collaborate on a MIEUX Action \
        aimed at setting up a national labour migration database.",
    ),
    (
        Some("PH"),
        "Officials of the Philippine Overseas Employment Administration were introduced to the concept of \
        social marketing through a MIEUX Action conducted between 2011 and 2013, and have since carried the \
        learnings into subsequent communication campaigns directed at Filipino migrant workers.",
    ),
    (
        Some("TL"),
        "Police officers involved in MIEUX training gained knowledge of EU methodologies, prompting a new \
        awareness of improvements needed in border management and trafficking in human beings, and in the \
        capacity-building of their staff in general (reported for Timor-Leste and Cambodia together).",
    ),
    (
        Some("KH"),
        "Police officers involved in MIEUX training gained knowledge of EU methodologies, prompting a new \
        awareness of improvements needed in border management and trafficking in human beings, and in the \
        capacity-building of their staff in general (reported for Timor-Leste and Cambodia together).",
    ),
    (
        Some("KG"),
        "As reported by the Kyrgyz authorities, MIEUX provided a unique opportunity to develop the \
        long-term vision for the National Migration Policy, which is now in the final stages of its ratification.",
    ),
    (
        None,
        "This non-exhaustive list of accomplishments bears witness to MIEUX's adaptability and flexibility, and to \
        the processes it has facilitated at national, regional and bilateral level between the EU and partner countries.",
    ),
];

/// A follow-up: country, action, owner, due date, status.
type FollowUpRow = (Option<&'static str>, &'static str, &'static str, Option<&'static str>, FollowUpStatus);

/// What the article says comes next.
const FOLLOW_UPS: [FollowUpRow; 4] = [
    (
        None,
        "Hold the next Regional Round-table in Mexico City (late May 2018) on Latin America and the Caribbean",
        "MIEUX team, ICMPD",
        Some("2018-05-29"),
        FollowUpStatus::InProgress,
    ),
    (
        None,
        "Publish an updated and comprehensive collection of MIEUX's good practices, built on the results of all \
        2018 Regional Round-tables (early 2019)",
        "MIEUX team, ICMPD",
        None,
        FollowUpStatus::Open,
    ),
    (
        Some("TH"),
        "Follow the revision of the Protocol for victim protection, due to pass in the coming months",
        "Thai authorities",
        None,
        FollowUpStatus::Open,
    ),
    (
        Some("KG"),
        "Follow the ratification of the National Migration Policy, in its final stages",
        "Kyrgyz authorities",
        None,
        FollowUpStatus::Open,
    ),
];

fn asia(store: &mut Store, event: &Event) -> Result<()> {
    let id = event.id;
    let icmpd = organisation(store, &ICMPD)?;
    store.assign_organiser(id, icmpd, OrganiserRole::LeadOrganiser)?;

    let mut roster = Roster::new(id);
    for (code, name, quota, languages, members) in COUNTRIES {
        let delegation = country(store, id, code, name, quota)?;
        let stay = match code {
            "TH" => Stay { languages, arrival: None, departure: None, accommodation: "", ..TRAVELLERS },
            _ => Stay { languages, ..TRAVELLERS },
        };
        roster.join(store, delegation, &stay, members)?;
    }
    let experts = group(store, id, DelegationKind::ExpertGroup, None, None, Some(2))?;
    roster.join(store, experts, &Stay { languages: &["English"], ..TRAVELLERS }, EXPERTS)?;
    let team = group(store, id, DelegationKind::OrganisingTeam, Some("MIEUX team"), None, None)?;
    roster.join(store, team, &Stay { languages: &["English", "French"], ..TRAVELLERS }, MIEUX_TEAM)?;

    agenda(store, event, &THEMES, SESSIONS, &roster)?;

    for (country_code, summary) in OUTCOMES {
        store.add_outcome(id, &OutcomeInput { country_code: country_code.map(Into::into), summary: summary.into() })?;
    }
    for (country_code, action, owner, due_date, status) in FOLLOW_UPS {
        let follow_up = FollowUpInput {
            country_code: country_code.map(Into::into),
            action: action.into(),
            owner: owner.into(),
            due_date: due_date.map(Into::into),
            status: Some(status),
        };
        store.add_follow_up(id, &follow_up)?;
    }
    store.set_event_status(id, EventStatus::Held)?;
    store.set_event_status(id, EventStatus::Reported)?;
    Ok(())
}

fn latin_america_facts(store: &mut Store) -> Result<EventInput> {
    Ok(EventInput {
        series_id: Some(series(store, SERIES_TITLE, SERIES_DESCRIPTION)?),
        title: LATIN_AMERICA_TITLE.into(),
        format: Some(EventFormat::RoundTable),
        host_city: "Mexico City".into(),
        host_country: "MX".into(),
        time_zone: "America/Mexico_City".into(),
        start_date: "2018-05-29".into(),
        end_date: "2018-05-30".into(),
        status: Some(EventStatus::Planned),
        objectives: "Extract good practices while reflecting on the impact and lessons learnt across Latin America \
            and the Caribbean as a result of MIEUX's work."
            .into(),
        languages: ["English", "Spanish"].map(Into::into).to_vec(),
        notes: "Late May 2018 (article); exact dates to be confirmed. The next stop after Bangkok (5–6 March 2018); \
            the working languages are assumed."
            .into(),
        ..EventInput::default()
    })
}

fn latin_america(store: &mut Store, event: &Event) -> Result<()> {
    let icmpd = organisation(store, &ICMPD)?;
    store.assign_organiser(event.id, icmpd, OrganiserRole::LeadOrganiser)?;
    store.fill_days(event.id)?;
    Ok(())
}
