//! Job 5, continued: the registration lists organisers really get, in the exact
//! layouts of Indico, Google Forms, Microsoft Forms and pretix, import with the
//! right fields and statuses without a column mapped by hand.

use roundtable_core::{ParticipantFilter, ParticipantStatus, ParticipantView, Store};
use roundtable_documents::import::{self, ImportPreview};
use roundtable_tests::*;
use uuid::Uuid;

/// The file imported as it would be from the wizard with the guessed mapping.
fn import(plan: &mut Store, event: Uuid, bytes: &[u8]) -> ImportPreview {
    let table = import::read_bytes(bytes, None).unwrap_or_else(|e| panic!("{e}"));
    let done = import::commit(plan, event, &table, None).unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(done.report.rejected, 0, "{:?}", done.report.rows);
    done
}

fn by_family_name<'a>(list: &'a [ParticipantView], family: &str) -> &'a ParticipantView {
    list.iter().find(|p| p.person.family_name == family).unwrap_or_else(|| panic!("{family} is not listed"))
}

fn imported(plan: &mut Store, bytes: &[u8]) -> Vec<ParticipantView> {
    let event = bangkok_dialogue(plan);
    import(plan, event.id, bytes);
    plan.list_participants(event.id, &ParticipantFilter::default()).unwrap()
}

#[test]
fn an_indico_registrant_list_keeps_affiliations_and_registration_states() {
    const INDICO: &str = "\
ID,Name,Title,First Name,Last Name,Email Address,Affiliation,Position,Country,Phone Number,Registration date,Registration state
1,Phuchphop Mongkolnavin,H.E.,Phuchphop,Mongkolnavin,phuchphop@mfa.go.th,Ministry of Foreign Affairs,Deputy Director-General,Thailand,+66 2 203 5000,2022-08-01 10:02,Complete
2,Sok Chanthy,Mr,Sok,Chanthy,sok@interior.gov.kh,Ministry of Interior,Deputy Director,Cambodia,,2022-08-03 16:40,Pending
3,Bounmy Sisavath,Ms,Bounmy,Sisavath,bounmy@molsw.gov.la,Ministry of Labour and Social Welfare,Director,Lao PDR,,2022-08-04 09:12,Withdrawn
4,Hương Nguyễn,Ms,Hương,Nguyễn,huong@mofa.gov.vn,Ministry of Foreign Affairs,Official,Viet Nam,,2022-08-05 11:30,Rejected
";
    let mut plan = store();
    let list = imported(&mut plan, INDICO.as_bytes());
    let thai = by_family_name(&list, "Mongkolnavin");
    assert_eq!(
        (thai.person.honorific.as_str(), thai.person.given_name.as_str(), thai.person.organisation.as_str()),
        ("H.E.", "Phuchphop", "Ministry of Foreign Affairs"),
        "Affiliation is the organisation, First and Last Name beat Name"
    );
    assert_eq!(thai.person.position, "Deputy Director-General");
    let states = ["Mongkolnavin", "Chanthy", "Sisavath", "Nguyễn"].map(|f| by_family_name(&list, f).participant.status);
    use ParticipantStatus::*;
    assert_eq!(states, [Confirmed, Nominated, Cancelled, Declined], "Complete, Pending, Withdrawn, Rejected");
}

#[test]
fn a_google_forms_sheet_keeps_positions_and_answers_about_visas_and_diets() {
    const FORMS: &str = "\
Timestamp,Email address,Full name,Country,Organization,Position / job title,Do you need a visa invitation letter?,Dietary requirements
2022/08/01 10:02:11 AM GMT+7,maria.santos@dfa.gov.ph,Maria Santos,Philippines,Department of Foreign Affairs,Assistant Secretary,\"Yes, I will apply for a visa\",Vegetarian
2022/08/02 3:15:40 PM GMT+7,budi@kemlu.go.id,Budi Santoso,Indonesia,Ministry of Foreign Affairs,Director,No,None
";
    let mut plan = store();
    let list = imported(&mut plan, FORMS.as_bytes());
    let maria = by_family_name(&list, "Santos");
    assert_eq!(maria.person.given_name, "Maria");
    assert_eq!(maria.person.email.as_deref(), Some("maria.santos@dfa.gov.ph"));
    assert_eq!(maria.person.position, "Assistant Secretary");
    assert_eq!(maria.person.organisation, "Department of Foreign Affairs");
    assert!(maria.participant.visa_letter_needed);
    assert_eq!(maria.participant.dietary_needs, "Vegetarian");
    let budi = by_family_name(&list, "Santoso");
    assert!(!budi.participant.visa_letter_needed);
    assert_eq!(budi.participant.dietary_needs, "", "'None' is no need");
}

#[test]
fn countries_written_in_spanish_french_or_with_abbreviations_and_symbols_find_their_delegation() {
    const FORMS: &str = "\
Timestamp,Email address,Full name,Country,Organization
2018/05/02 10:02:11 AM GMT-5,ana@mirex.gob.do,Ana Peralta,República Dominicana,Ministerio de Relaciones Exteriores
2018/05/02 11:15:40 AM GMT-5,ravi@foreign.gov.tt,Ravi Maharaj,Trinidad & Tobago,Ministry of Foreign Affairs
2018/05/03 09:01:00 AM GMT-5,june@govt.lc,June Joseph,St. Lucia,Department of External Affairs
2018/05/03 09:30:00 AM GMT-5,marie@mae.ht,Marie Pierre,Haïti,Ministère des Affaires étrangères
2018/05/03 10:00:00 AM GMT-5,luis@sre.gob.mx,Luis Ortega,México,Secretaría de Relaciones Exteriores
";
    let mut plan = store();
    let list = imported(&mut plan, FORMS.as_bytes());
    for (family, country) in
        [("Peralta", "DO"), ("Maharaj", "TT"), ("Joseph", "LC"), ("Pierre", "HT"), ("Ortega", "MX")]
    {
        assert_eq!(by_family_name(&list, family).country_code.as_deref(), Some(country), "{family}");
    }
}

#[test]
fn full_names_are_split_where_safe_and_a_guess_says_so() {
    const FORMS: &str = "\
Timestamp,Email address,Full name,Country
2018/05/02 10:02:11 AM GMT-5,mj@sre.gob.mx,María José García López,México
2018/05/02 10:05:00 AM GMT-5,ana@dfa.gov.ph,Ana de la Cruz,Philippines
2018/05/02 10:07:00 AM GMT-5,huong@mofa.gov.vn,NGUYEN Thi Huong,Viet Nam
2018/05/02 10:09:00 AM GMT-5,sok@mfa.gov.kh,Sok Chanthy,Cambodia
";
    let mut plan = store();
    let event = bangkok_dialogue(&mut plan);
    let table = import::read_bytes(FORMS.as_bytes(), None).unwrap();
    let preview = import::preview(&plan, event.id, &table, None).unwrap();
    let notes: Vec<(u32, bool)> = preview.report.rows.iter().map(|r| (r.line, r.note.is_some())).collect();
    assert_eq!(notes, [(2, true), (3, false), (4, false), (5, false)], "only the guessed name asks to be checked");
    let note = preview.report.rows[0].note.as_deref().unwrap();
    assert!(note.contains("“María José”") && note.contains("“García López”"), "{note}");

    import(&mut plan, event.id, FORMS.as_bytes());
    let list = plan.list_participants(event.id, &ParticipantFilter::default()).unwrap();
    let names = |family: &str| {
        let p = &by_family_name(&list, family).person;
        (p.given_name.clone(), p.family_name.clone())
    };
    assert_eq!(names("García López"), ("María José".into(), "García López".into()), "the double surname kept whole");
    assert_eq!(names("de la Cruz"), ("Ana".into(), "de la Cruz".into()));
    assert_eq!(names("NGUYEN"), ("Thi Huong".into(), "NGUYEN".into()), "the family name in capitals, first");
    assert_eq!(names("Chanthy"), ("Sok".into(), "Chanthy".into()));
}

#[test]
fn a_pretix_attendee_list_takes_the_name_parts_the_company_and_the_order_state() {
    const PRETIX: &str = "\
Order code,Attendee name,Attendee name: Title,Attendee name: Given name,Attendee name: Family name,Attendee email,Company,Attendee address: Country,Order status
Q7RTX,Dr Ana Ramos,Dr,Ana,Ramos,ana.ramos@dfa.gov.ph,Department of Foreign Affairs,Philippines,paid
K2LMN,Chea Sophal,Mr,Sophal,Chea,sophal@interior.gov.kh,Ministry of Interior,Cambodia,pending
";
    let table = import::read_bytes(PRETIX.as_bytes(), None).unwrap();
    use roundtable_documents::import::ImportField::*;
    assert_eq!(
        import::guess_mapping(&table.headers).columns,
        [
            None,
            None,
            Some(Honorific),
            Some(GivenName),
            Some(FamilyName),
            Some(Email),
            Some(Organisation),
            Some(Country),
            Some(Status)
        ]
    );
    let mut plan = store();
    let list = imported(&mut plan, PRETIX.as_bytes());
    let ana = by_family_name(&list, "Ramos");
    assert_eq!(
        (ana.person.honorific.as_str(), ana.person.organisation.as_str()),
        ("Dr", "Department of Foreign Affairs")
    );
    assert_eq!(ana.participant.status, ParticipantStatus::Confirmed, "paid");
    assert_eq!(by_family_name(&list, "Chea").participant.status, ParticipantStatus::Nominated, "pending");
}

#[test]
fn a_microsoft_forms_workbook_takes_the_answers_not_the_anonymous_respondent() {
    let headers = [
        "ID",
        "Start time",
        "Completion time",
        "Email",
        "Name",
        "Last modified time",
        "Full name",
        "E-mail address",
        "Organization",
        "Job title",
        "Country",
    ];
    let row = [
        "1",
        "8/1/22 10:02:11",
        "8/1/22 10:09:40",
        "anonymous",
        "anonymous",
        "",
        "Siti Rahman",
        "siti@kln.gov.my",
        "Ministry of Foreign Affairs",
        "Principal Assistant Secretary",
        "Malaysia",
    ];
    let mut workbook = rust_xlsxwriter::Workbook::new();
    let sheet = workbook.add_worksheet();
    sheet.set_name("Sheet1").unwrap();
    for (c, (h, v)) in headers.iter().zip(row).enumerate() {
        sheet.write_string(0, c as u16, *h).unwrap();
        sheet.write_string(1, c as u16, v).unwrap();
    }
    let bytes = workbook.save_to_buffer().unwrap();
    let mut plan = store();
    let list = imported(&mut plan, &bytes);
    let siti = by_family_name(&list, "Rahman");
    assert_eq!(siti.person.given_name, "Siti");
    assert_eq!(siti.person.email.as_deref(), Some("siti@kln.gov.my"));
    assert_eq!(siti.person.position, "Principal Assistant Secretary");
    assert_eq!(siti.delegation_name, "Malaysia");
}
