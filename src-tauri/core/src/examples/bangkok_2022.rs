//! The High-level Regional Dialogue on Migrant Protection in South-East Asia,
//! Bangkok, 21–23 September 2022 (`shared/seeds/000_a4b43447371044f4.txt`).
//!
//! The press release gives the facts recorded here: the three governments,
//! the organisers and funders, the two speakers it quotes, the priorities, the
//! final day's theme, the media contacts and the SDGs. "Thirty-six
//! participants from the three delegations" are the twelve-member government
//! delegations of Indonesia, Malaysia and Thailand; the organisers' five staff
//! come on top, in one delegation per organiser, so the event lists 41. All of
//! them but Phuchphop Mongkolnavin and Stuart Simpson are fictional, and so
//! are the rooms and the hour-by-hour programme.

use super::{Example, Org, Roster, Sample, SessionRow, Stay, agenda, country, group, organisation, p};
use crate::error::Result;
use crate::event::{Event, EventInput};
use crate::funding::FundingInput;
use crate::media::MediaContactInput;
use crate::outcome::OutcomeInput;
use crate::store::Store;
use crate::vocabulary::Gender::{Female as F, Male as M};
use crate::vocabulary::ParticipantRole::{Head, Member, Moderator, Rapporteur, Speaker};
use crate::vocabulary::SessionKind::{Break, Closing, Lunch, Opening, Panel, Plenary, WorkingGroup};
use crate::vocabulary::SessionRole::{Chair, Moderator as Moderates, Rapporteur as Reports, Speaker as Speaks};
use crate::vocabulary::{DelegationKind, EventFormat, EventStatus, OrganisationKind, OrganiserRole, ParticipantStatus};

pub(super) const TITLE: &str = "High-level Regional Dialogue on Migrant Protection in South-East Asia";

pub(super) const DIALOGUE: Example = Example { title: TITLE, start_date: "2022-09-21", facts, content };

const IOM_THAILAND: Org = Org {
    name: "International Organization for Migration, Thailand",
    short_name: "IOM Thailand",
    kind: OrganisationKind::InternationalOrganisation,
    country: Some("TH"),
    website: Some("https://thailand.iom.int"),
};
const OHCHR: Org = Org {
    name: "Office of the United Nations High Commissioner for Human Rights",
    short_name: "OHCHR",
    kind: OrganisationKind::InternationalOrganisation,
    country: None,
    website: Some("https://www.ohchr.org"),
};
const IDC: Org = Org {
    name: "International Detention Coalition",
    short_name: "IDC",
    kind: OrganisationKind::CivilSociety,
    country: None,
    website: Some("https://idcoalition.org"),
};
const PRM: Org = Org {
    name: "U.S. Department of State Bureau of Population, Refugees and Migration",
    short_name: "PRM",
    kind: OrganisationKind::Donor,
    country: Some("US"),
    website: Some("https://www.state.gov"),
};
const BALI_PROCESS_RSO: Org = Org {
    name: "Bali Process Regional Support Office",
    short_name: "Bali Process RSO",
    kind: OrganisationKind::InternationalOrganisation,
    country: Some("TH"),
    website: None,
};

fn facts(_: &mut Store) -> Result<EventInput> {
    Ok(EventInput {
        title: TITLE.into(),
        format: Some(EventFormat::Dialogue),
        host_city: "Bangkok".into(),
        host_country: "TH".into(),
        time_zone: "Asia/Bangkok".into(),
        start_date: "2022-09-21".into(),
        end_date: "2022-09-23".into(),
        // Built as confirmed; marked held and reported once its content is in.
        status: Some(EventStatus::Confirmed),
        objectives: "Exchange experiences, best practices and challenges in promoting safe, orderly and regular \
            migration and protecting migrants' rights, as Indonesia, Malaysia and Thailand recover from the effects \
            of the COVID-19 pandemic; identify progress, challenges and priorities in migration cooperation as more \
            borders reopen; and identify areas of cooperation and partnerships among the three governments."
            .into(),
        priorities: [
            "Access to protection services for migrants",
            "Legal frameworks against migrant smuggling and trafficking in persons",
            "Pathways for dignified return and readmission",
            "Alternatives to immigration detention",
            "Stranded migrants and rescue at sea",
        ]
        .map(Into::into)
        .to_vec(),
        sdgs: vec![10, 16, 17],
        languages: ["English", "Bahasa Indonesia", "Malay", "Thai"].map(Into::into).to_vec(),
        notes: "The dialogue follows the national consultations in Indonesia, Malaysia and Thailand on the findings \
            of the desk review \"Sustainable Solutions for the Management of Irregular Migration: Return, \
            Readmission, Protection and Alternatives to Detention\".\n\
            The 36 participants the press release counts are the three government delegations; the organisers' \
            staff are listed separately. Only Phuchphop Mongkolnavin and Stuart Simpson are named in the press \
            release: the other participants, the venue's rooms, the hour-by-hour programme and the \
            interpretation languages are samples for this example."
            .into(),
        ..EventInput::default()
    })
}

const GUESTS: Stay = Stay {
    status: ParticipantStatus::Attended,
    languages: &[],
    arrival: Some("2022-09-20 16:00"),
    departure: Some("2022-09-24 10:00"),
    accommodation: "Conference hotel, Bangkok",
};

#[rustfmt::skip]
const INDONESIA: &[Sample] = &[
    p("Ms", "Dewi", "Anggraini", F, Head, "Director for the Protection of Indonesian Citizens", "Ministry of Foreign Affairs, Indonesia").diet("Halal"),
    p("Mr", "Arief", "Wicaksono", M, Member, "Deputy Director for Immigration Detention", "Directorate General of Immigration, Indonesia"),
    p("Ms", "Ratna", "Kusumawati", F, Member, "Head of Section, Protection of Migrant Workers", "Indonesian Migrant Workers Protection Agency (BP2MI)"),
    p("Mr", "Bambang", "Suryadi", M, Member, "Police Senior Commissioner, Trafficking in Persons Sub-directorate", "Indonesian National Police"),
    p("Ms", "Siti", "Rahmawati", F, Member, "Deputy Director for the Protection of Migrant Workers", "Ministry of Manpower, Indonesia"),
    p("Mr", "Hendra", "Gunawan", M, Member, "Assistant Deputy for Transnational Crime", "Coordinating Ministry for Political, Legal and Security Affairs, Indonesia"),
    p("Ms", "Nur Aini", "Lestari", F, Member, "Assistant Deputy for the Protection of Women from Trafficking", "Ministry of Women's Empowerment and Child Protection, Indonesia"),
    p("Mr", "Yusuf", "Hidayat", M, Member, "Head of Sub-directorate, Deportation and Return", "Directorate General of Immigration, Indonesia"),
    p("Mr", "Agus", "Prasetyo", M, Member, "First Secretary", "Embassy of the Republic of Indonesia, Bangkok"),
    p("Ms", "Indah", "Permatasari", F, Member, "Policy Analyst, Directorate of Human Rights and Humanitarian Affairs", "Ministry of Foreign Affairs, Indonesia"),
    p("Mr", "Rizky", "Pratama", M, Member, "Head of Section, International Cooperation", "National Search and Rescue Agency (BASARNAS), Indonesia"),
    p("Dr", "Wulan", "Handayani", F, Member, "Senior Legal Analyst, Directorate of Legal Affairs and International Treaties", "Ministry of Foreign Affairs, Indonesia"),
];

#[rustfmt::skip]
const MALAYSIA: &[Sample] = &[
    p("Mr", "Mohd Azlan", "Abdullah", M, Head, "Under-Secretary, Anti-Trafficking in Persons and Anti-Smuggling of Migrants Secretariat", "Ministry of Home Affairs, Malaysia").diet("Halal"),
    p("Ms", "Nurul Huda", "Ismail", F, Member, "Principal Assistant Secretary, Foreign Workers Management Division", "Ministry of Home Affairs, Malaysia"),
    p("Mr", "Chee Keong", "Lim", M, Member, "Deputy Director, Enforcement Division", "Immigration Department of Malaysia"),
    p("Ms", "Kavitha", "Subramaniam", F, Member, "Senior Federal Counsel", "Attorney General's Chambers, Malaysia"),
    p("Mr", "Ahmad Faizal", "Hassan", M, Member, "Assistant Commissioner of Police, Anti-Trafficking in Persons Unit", "Royal Malaysia Police"),
    p("Ms", "Siti Aishah", "Rahman", F, Member, "Principal Assistant Secretary, Multilateral Affairs", "Ministry of Foreign Affairs, Malaysia"),
    p("Mr", "Khairul Anuar", "Yusof", M, Member, "Maritime Commander, Search and Rescue Division", "Malaysian Maritime Enforcement Agency"),
    p("Ms", "Mei Ling", "Tan", F, Member, "Director, Immigration Depot Management Division", "Immigration Department of Malaysia"),
    p("Mr", "Rajesh", "Nair", M, Member, "Principal Assistant Director", "Labour Department of Peninsular Malaysia, Ministry of Human Resources"),
    p("Ms", "Farah Nadia", "Zainal", F, Member, "Assistant Director, Victim Protection Section", "Department of Social Welfare, Malaysia"),
    p("Mr", "Hafiz", "Rosli", M, Member, "Assistant Secretary", "National Security Council, Malaysia"),
    p("Ms", "Aminah", "Othman", F, Member, "Second Secretary", "Embassy of Malaysia, Bangkok"),
];

#[rustfmt::skip]
const THAILAND: &[Sample] = &[
    p("Mr", "Phuchphop", "Mongkolnavin", M, Head, "Deputy Director-General, Department of International Organizations", "Ministry of Foreign Affairs, Thailand").named(),
    p("Ms", "Pimchanok", "Srisawat", F, Member, "Director, Social Division, Department of International Organizations", "Ministry of Foreign Affairs, Thailand"),
    p("Pol. Col.", "Somchai", "Rattanakorn", M, Member, "Superintendent, Immigration Bureau", "Royal Thai Police"),
    p("Ms", "Supaporn", "Inthawong", F, Member, "Director, Anti-Trafficking in Persons Division", "Ministry of Social Development and Human Security, Thailand"),
    p("Mr", "Anucha", "Wongsuwan", M, Member, "Director, Foreign Workers Administration Office", "Department of Employment, Ministry of Labour, Thailand"),
    p("Ms", "Kanokwan", "Thongdee", F, Member, "Public Prosecutor, Department of Anti-Human Trafficking Litigation", "Office of the Attorney General, Thailand"),
    p("Mr", "Thanawat", "Boonmee", M, Member, "Director, International Affairs, Rights and Liberties Protection Department", "Ministry of Justice, Thailand"),
    p("Ms", "Nattaya", "Prasertsuk", F, Member, "Counsellor, Department of Consular Affairs", "Ministry of Foreign Affairs, Thailand"),
    p("Capt.", "Wichai", "Sangthong", M, Member, "Director, Maritime Security Operations", "Thai Maritime Enforcement Command Center, Royal Thai Navy"),
    p("Ms", "Araya", "Chanthawong", F, Member, "Social Development Specialist, Department of Children and Youth", "Ministry of Social Development and Human Security, Thailand"),
    p("Mr", "Krit", "Sombatsiri", M, Member, "Policy and Plan Analyst, Department of Provincial Administration", "Ministry of Interior, Thailand"),
    p("Ms", "Ratchanee", "Saelim", F, Member, "Second Secretary, Department of International Organizations", "Ministry of Foreign Affairs, Thailand"),
];

#[rustfmt::skip]
const IOM_STAFF: &[Sample] = &[
    p("Mr", "Stuart", "Simpson", M, Speaker, "Deputy Regional Director for Asia and the Pacific", "International Organization for Migration (IOM)").named(),
    p("Ms", "Jirapa", "Intharasuk", F, Moderator, "Programme Manager, Migrant Protection and Assistance", "IOM Thailand"),
    p("Ms", "Hannah", "Whitford", F, Rapporteur, "Project Officer, Protection", "IOM Thailand").diet("Vegetarian"),
];
#[rustfmt::skip]
const OHCHR_STAFF: &[Sample] = &[
    p("Ms", "Claire", "Dubois", F, Speaker, "Human Rights Officer (Migration)", "OHCHR Regional Office for South-East Asia"),
];
#[rustfmt::skip]
const IDC_STAFF: &[Sample] = &[
    p("Mr", "Joel", "Fernandez", M, Speaker, "Asia Pacific Programme Manager", "International Detention Coalition"),
];

const THEMES: [&str; 3] = [
    "Context: migration in South-East Asia and the findings of the desk review",
    "Priorities for migrant protection",
    "Areas of cooperation and partnerships",
];

const HALL: &str = "Plenary hall";
const ROOM_1: &str = "Meeting room 1";
const ROOM_2: &str = "Meeting room 2";
const FOYER: &str = "Foyer";
const RESTAURANT: &str = "Restaurant";

#[rustfmt::skip]
const SESSIONS: &[SessionRow] = &[
    (0, "09:00", "09:45", Opening, HALL, "Opening session", "Opening remarks by the Ministry of Foreign Affairs of Thailand and the co-organisers.",
        &[(Chair, "Intharasuk"), (Speaks, "Mongkolnavin"), (Speaks, "Simpson"), (Speaks, "Dubois"), (Speaks, "Fernandez")]),
    (0, "09:45", "10:15", Break, FOYER, "Group photo and coffee break", "", &[]),
    (0, "10:15", "11:30", Plenary, HALL, "Migration in South-East Asia after COVID-19: trends, risks and vulnerabilities",
        "Migrants in the subregion doubled from 5.1 million in 2000 to 10.6 million in 2020, two-thirds of them from within \
         the region; in 2021, 62 per cent of the vulnerable migrants IOM assisted in Asia and the Pacific were victims of trafficking.",
        &[(Chair, "Anggraini"), (Speaks, "Intharasuk")]),
    (0, "11:30", "12:30", Panel, HALL, "Findings of the desk review and the national consultations",
        "Sustainable Solutions for the Management of Irregular Migration: Return, Readmission, Protection and Alternatives to Detention.",
        &[(Moderates, "Simpson"), (Speaks, "Wicaksono"), (Speaks, "Ismail"), (Speaks, "Srisawat")]),
    (0, "12:30", "13:30", Lunch, RESTAURANT, "Lunch", "", &[]),
    (0, "13:30", "15:00", Panel, HALL, "Strengthening access to protection services for migrants", "",
        &[(Moderates, "Dubois"), (Speaks, "Kusumawati"), (Speaks, "Zainal"), (Speaks, "Chanthawong")]),
    (0, "15:00", "15:30", Break, FOYER, "Coffee break", "", &[]),
    (0, "15:30", "17:00", Panel, HALL, "Reinforcing legal frameworks against migrant smuggling and trafficking in persons", "",
        &[(Moderates, "Intharasuk"), (Speaks, "Suryadi"), (Speaks, "Subramaniam"), (Speaks, "Thongdee")]),
    (0, "17:00", "17:15", Plenary, HALL, "Summary of the day", "", &[(Reports, "Whitford")]),

    (1, "09:00", "09:15", Plenary, HALL, "Recap of the first day", "", &[(Reports, "Whitford")]),
    (1, "09:15", "10:30", Panel, HALL, "Identifying pathways for dignified return and readmission", "",
        &[(Moderates, "Simpson"), (Speaks, "Hidayat"), (Speaks, "Lim"), (Speaks, "Prasertsuk")]),
    (1, "10:30", "11:00", Break, FOYER, "Coffee break", "", &[]),
    (1, "11:00", "12:30", Panel, HALL, "Implementing alternatives to immigration detention", "",
        &[(Moderates, "Fernandez"), (Speaks, "Wicaksono"), (Speaks, "Tan"), (Speaks, "Rattanakorn"), (Speaks, "Dubois")]),
    (1, "12:30", "13:30", Lunch, RESTAURANT, "Lunch", "", &[]),
    (1, "13:30", "15:00", Panel, HALL, "Responding to the needs of stranded migrants, including rescue at sea", "",
        &[(Moderates, "Intharasuk"), (Speaks, "Pratama"), (Speaks, "Yusof"), (Speaks, "Sangthong")]),
    (1, "15:00", "15:30", Break, FOYER, "Coffee break", "", &[]),
    (1, "15:30", "17:00", WorkingGroup, HALL, "National working group: Indonesia", "The delegation sets out its priorities for regional cooperation.",
        &[(Chair, "Anggraini"), (Reports, "Permatasari")]),
    (1, "15:30", "17:00", WorkingGroup, ROOM_1, "National working group: Malaysia", "The delegation sets out its priorities for regional cooperation.",
        &[(Chair, "Abdullah"), (Reports, "Othman")]),
    (1, "15:30", "17:00", WorkingGroup, ROOM_2, "National working group: Thailand", "The delegation sets out its priorities for regional cooperation.",
        &[(Chair, "Mongkolnavin"), (Reports, "Saelim")]),

    (2, "09:00", "10:30", Plenary, HALL, "Report-back from the national working groups", "",
        &[(Chair, "Dubois"), (Speaks, "Permatasari"), (Speaks, "Othman"), (Speaks, "Saelim")]),
    (2, "10:30", "11:00", Break, FOYER, "Coffee break", "", &[]),
    (2, "11:00", "12:15", Panel, HALL, "Areas of cooperation and partnerships among Indonesia, Malaysia and Thailand", "",
        &[(Moderates, "Simpson"), (Speaks, "Gunawan"), (Speaks, "Rahman"), (Speaks, "Boonmee")]),
    (2, "12:15", "13:00", Closing, HALL, "Closing session: the way forward", "",
        &[(Chair, "Mongkolnavin"), (Speaks, "Simpson"), (Speaks, "Dubois"), (Speaks, "Fernandez"), (Reports, "Whitford")]),
    (2, "13:00", "14:00", Lunch, RESTAURANT, "Farewell lunch", "", &[]),
];

const OUTCOMES: [&str; 3] = [
    "The three delegations identified priorities in migration cooperation as more borders reopen: strengthening \
     access to protection services for migrants; reinforcing legal frameworks for counter-smuggling and \
     trafficking; identifying pathways for dignified return and readmission; and implementing alternatives to \
     immigration detention.",
    "With irregular migration trends recurring within the region, the delegations discussed strategies for \
     responding to the needs of stranded migrants, including in the context of rescue at sea.",
    "On the final day, the government delegations identified areas of cooperation and partnerships.",
];

fn content(store: &mut Store, event: &Event) -> Result<()> {
    let id = event.id;
    for (org, role) in [
        (IOM_THAILAND, OrganiserRole::LeadOrganiser),
        (OHCHR, OrganiserRole::CoOrganiser),
        (IDC, OrganiserRole::CoOrganiser),
    ] {
        let org_id = organisation(store, &org)?;
        store.assign_organiser(id, org_id, role)?;
    }
    // Each funding carries its own line; the overview prints them one after the other.
    let fundings = [
        (
            PRM,
            Some("Asia Regional Migration Program"),
            "Made possible with financial support from the U.S. Department of State Bureau of Population, Refugees \
             and Migration, through the Asia Regional Migration Program.",
        ),
        (BALI_PROCESS_RSO, None, "The Bali Process Regional Support Office also provided financial support."),
    ];
    for (funder, programme, line) in fundings {
        let funder_id = organisation(store, &funder)?;
        store.assign_organiser(id, funder_id, OrganiserRole::Funder)?;
        store.add_funding(
            id,
            &FundingInput {
                funder_id,
                programme: programme.map(Into::into),
                acknowledgement: Some(line.into()),
                ..FundingInput::default()
            },
        )?;
    }

    let mut roster = Roster::new(id);
    let indonesia = country(store, id, "ID", None, 12)?;
    roster.join(store, indonesia, &Stay { languages: &["Bahasa Indonesia", "English"], ..GUESTS }, INDONESIA)?;
    let malaysia = country(store, id, "MY", None, 12)?;
    roster.join(store, malaysia, &Stay { languages: &["Malay", "English"], ..GUESTS }, MALAYSIA)?;
    let thailand = country(store, id, "TH", None, 12)?;
    let at_home = Stay { languages: &["Thai", "English"], arrival: None, departure: None, accommodation: "", ..GUESTS };
    roster.join(store, thailand, &at_home, THAILAND)?;
    let staff = Stay { languages: &["English"], ..at_home };
    for (org, name, members) in
        [(IOM_THAILAND, Some("IOM"), IOM_STAFF), (OHCHR, None, OHCHR_STAFF), (IDC, None, IDC_STAFF)]
    {
        let org_id = organisation(store, &org)?;
        let delegation = group(store, id, DelegationKind::Organisation, name, Some(org_id), None)?;
        roster.join(store, delegation, &staff, members)?;
    }

    agenda(store, event, &THEMES, SESSIONS, &roster)?;

    for (name, email, phone) in
        [("Itayi Viriri", "iviriri@iom.int", "+66 65 939 0934"), ("Miko Alazas", "aalazas@iom.int", "+66 65 119 0912")]
    {
        let contact = MediaContactInput {
            name: name.into(),
            organisation: "IOM".into(),
            city: "Bangkok".into(),
            email: Some(email.into()),
            phone: phone.into(),
        };
        store.add_media_contact(id, &contact)?;
    }
    for summary in OUTCOMES {
        store.add_outcome(id, &OutcomeInput { country_code: None, summary: summary.into() })?;
    }
    store.set_event_status(id, EventStatus::Held)?;
    store.set_event_status(id, EventStatus::Reported)?;
    Ok(())
}
