//! Job: send delegations the list of participants. Read back as their
//! readers show it: calamine and LibreOffice Calc for the workbook, the csv
//! crate and Calc for the CSV, poppler for the PDF. Delegations in protocol
//! order, heads first; whom the list names and how it is marked; a workbook
//! that prints as it reads; a CSV that runs no formula and keeps phone numbers;
//! countries named as the UN or, when the plan says so, as ISO names them.

use roundtable_core::countries::CountryNames;
use roundtable_core::{
    ApiError, DelegationInput, DelegationKind, ErrorKind, Gender, MembershipInput, OrganisationInput,
    ParticipantFilter, ParticipantRole, ParticipantStatus, PersonInput, Store,
};
use roundtable_documents::export::{self, ParticipantsFormat, ProgrammeFormat};
use roundtable_documents::{ListedStatuses, ParticipantListOptions, ProgrammeOptions, Stage};
use roundtable_tests::readers::*;
use roundtable_tests::*;

#[test]
fn the_participants_spreadsheet_lists_delegations_in_protocol_order_heads_first() {
    let mut plan = store();
    let event = example(&mut plan, "Migrant Protection");
    let xlsx =
        export::participants(&plan, event, ParticipantsFormat::Xlsx, &ParticipantListOptions::default()).unwrap();
    let sheets = read_xlsx(xlsx);
    assert_eq!(sheets.len(), 1);
    let (name, rows) = &sheets[0];
    assert_eq!(name, "Participants");
    assert_eq!(
        rows[0],
        ["No.", "Delegation", "Honorific", "Given name", "Family name", "Position", "Organisation", "Role"]
    );
    let delegations: Vec<&str> = rows[1..].iter().map(|r| r[1].as_str()).collect();
    let first = |d: &str| delegations.iter().position(|x| *x == d).unwrap();
    assert!(first("Indonesia") < first("Malaysia") && first("Malaysia") < first("Thailand"));
    for d in ["Indonesia", "Malaysia", "Thailand"] {
        assert_eq!(rows[1 + first(d)][7], "Head of delegation", "{d}'s head comes first");
    }
    // The organisers' delegations come after the countries.
    let last_country = delegations.iter().rposition(|d| *d == "Thailand").unwrap();
    assert!(delegations[last_country + 1..].iter().all(|d| !["Indonesia", "Malaysia"].contains(d)));
    assert!(!rows[0].contains(&"E-mail".to_owned()), "contacts only when asked");

    let per_delegation = read_xlsx(
        export::participants(
            &plan,
            event,
            ParticipantsFormat::Xlsx,
            &ParticipantListOptions { contacts: true, sheet_per_delegation: true, ..Default::default() },
        )
        .unwrap(),
    );
    let names: Vec<&str> = per_delegation.iter().map(|(n, _)| n.as_str()).collect();
    assert_eq!(&names[..3], ["Indonesia", "Malaysia", "Thailand"]);
    assert!(per_delegation[0].1[0].contains(&"E-mail".to_owned()));
}

#[test]
fn the_participants_spreadsheet_prints_on_one_fitted_page_with_rows_as_tall_as_their_text() {
    let mut plan = store();
    let event = bangkok_dialogue(&mut plan);
    let thailand = country(&mut plan, event.id, "TH", None);
    let long = "Director of the Division of Consular Affairs, Department of International Organizations and Migration";
    for n in 0..21 {
        let input = PersonInput {
            position: if n % 10 == 3 { long.into() } else { "Officer".into() },
            email: Some(format!("officer{n}@mfa.go.th")),
            phone: "+66 2 643 5000".into(),
            ..person(&format!("Given{n}"), &format!("Family{n:02}"), Gender::Female)
        };
        let membership = member_of(thailand.id, ParticipantRole::Member, ParticipantStatus::Confirmed);
        plan.register_participant(event.id, &input, &membership).unwrap();
    }
    let options = ParticipantListOptions { contacts: true, ..Default::default() };
    let xlsx = export::participants(&plan, event.id, ParticipantsFormat::Xlsx, &options).unwrap();
    let printed = xlsx_as_calc_prints_it(&xlsx);
    render_page(&printed, "participants-xlsx-in-calc", 1);
    let (pages, size) = pdf_info(&printed);
    assert_eq!(pages, 1, "21 rows with contacts fit one page's width and height");
    assert!(size.starts_with("841.") || size.starts_with("842"), "A4 landscape: {size}");
    let text = pdf_text(&printed);
    assert!(text.contains(&event.title) && text.contains("Page 1 of 1"), "{text}");
    // The long position wraps, and its row grows: its last line is above the next row.
    let words = pdf_words(&printed);
    // The first of the two long positions (rows 3 and 13) is the upper one.
    let bottom_of = |word: &str| words.iter().filter(|w| w.text == word).map(|w| w.y.1).fold(f64::MAX, f64::min);
    let top_of = |word: &str| words.iter().find(|w| w.text == word).map(|w| w.y.0).unwrap();
    let position_bottom = bottom_of("Migration");
    let line = words.iter().find(|w| w.text == "Family03").unwrap().height();
    assert!(position_bottom > top_of("Family03") + 1.5 * line, "the position wraps in its cell");
    assert!(
        position_bottom < top_of("Family04"),
        "the row is as tall as its text: {position_bottom} vs {}",
        top_of("Family04")
    );
}

#[test]
fn the_participants_csv_has_a_bom_neutralised_formulas_and_protocol_order() {
    let mut plan = store();
    let event = bangkok_dialogue(&mut plan);
    let thailand = country(&mut plan, event.id, "TH", None);
    let indonesia = country(&mut plan, event.id, "ID", None);
    let team = plan
        .create_delegation(
            event.id,
            &DelegationInput { kind: Some(DelegationKind::OrganisingTeam), ..Default::default() },
        )
        .unwrap();
    register(
        &mut plan,
        event.id,
        thailand.id,
        ("Somchai", "Member", Gender::Male),
        ParticipantRole::Member,
        ParticipantStatus::Confirmed,
    );
    plan.register_participant(
        event.id,
        &PersonInput {
            position: "=HYPERLINK(\"http://evil\",\"x\")".into(),
            phone: "+66 2 123 4567".into(),
            email: Some("head@mfa.go.th".into()),
            ..person("Kanya", "Head", Gender::Female)
        },
        &MembershipInput {
            role: Some(ParticipantRole::Head),
            ..member_of(thailand.id, ParticipantRole::Head, ParticipantStatus::Confirmed)
        },
    )
    .unwrap();
    register(
        &mut plan,
        event.id,
        indonesia.id,
        ("Dewi", "Anggraini", Gender::Female),
        ParticipantRole::Head,
        ParticipantStatus::Nominated,
    );
    register(
        &mut plan,
        event.id,
        team.id,
        ("Ana", "Staff", Gender::Female),
        ParticipantRole::Staff,
        ParticipantStatus::Confirmed,
    );
    register(
        &mut plan,
        event.id,
        indonesia.id,
        ("No", "Show", Gender::Male),
        ParticipantRole::Member,
        ParticipantStatus::Declined,
    );

    let bytes = export::participants(
        &plan,
        event.id,
        ParticipantsFormat::Csv,
        &ParticipantListOptions { contacts: true, ..Default::default() },
    )
    .unwrap();
    assert!(bytes.starts_with(b"\xEF\xBB\xBF"), "UTF-8 BOM for Excel");
    let mut reader = csv::Reader::from_reader(&bytes[3..]);
    let header: Vec<String> = reader.headers().unwrap().iter().map(str::to_owned).collect();
    assert_eq!(header.last().unwrap(), "Phone");
    let rows: Vec<Vec<String>> = reader.records().map(|r| r.unwrap().iter().map(str::to_owned).collect()).collect();
    let families: Vec<&str> = rows.iter().map(|r| r[4].as_str()).collect();
    assert_eq!(
        families,
        ["Anggraini", "Head", "Member", "Staff"],
        "Indonesia, Thailand head first, then the team; declined left out"
    );
    assert_eq!(rows[1][5], "'=HYPERLINK(\"http://evil\",\"x\")");
    assert_eq!(rows[1][9], "+66 2 123 4567", "a phone number is no formula");
    assert_eq!(rows[1][8], "head@mfa.go.th");
    // Calc shows the formula as the text it is, and the phone number as typed.
    let calc = csv_as_calc_shows_it(&bytes);
    assert_eq!(calc[2][5], "'=HYPERLINK(\"http://evil\",\"x\")");
    assert_eq!(calc[2][9], "+66 2 123 4567");
    let without =
        export::participants(&plan, event.id, ParticipantsFormat::Csv, &ParticipantListOptions::default()).unwrap();
    assert!(!String::from_utf8(without).unwrap().contains("head@mfa.go.th"), "no contacts unless asked");
}

#[test]
fn the_list_says_whom_it_names_whether_it_is_final_and_as_of_which_day() {
    let mut plan = store();
    let event = bangkok_dialogue(&mut plan);
    let thailand = country(&mut plan, event.id, "TH", None);
    for (family, status) in [
        ("Confirmed", ParticipantStatus::Confirmed),
        ("Nominated", ParticipantStatus::Nominated),
        ("Attended", ParticipantStatus::Attended),
        ("Declined", ParticipantStatus::Declined),
    ] {
        register(&mut plan, event.id, thailand.id, ("Ana", family, Gender::Female), ParticipantRole::Member, status);
    }
    let as_of = chrono::NaiveDate::from_ymd_opt(2022, 9, 12);
    let list = |statuses, stage| {
        let options = ParticipantListOptions { statuses, stage, as_of, ..Default::default() };
        let pdf = export::participants(&plan, event.id, ParticipantsFormat::Pdf, &options).unwrap();
        flat(&pdf_text(&pdf))
    };
    let everyone = list(ListedStatuses::WithSeat, Some(Stage::Provisional));
    assert!(everyone.contains("PROVISIONAL LIST OF PARTICIPANTS"), "{everyone}");
    assert!(everyone.contains("As of 12 September 2022"), "{everyone}");
    assert!(!everyone.contains("only"), "the whole list says no more: {everyone}");
    for family in ["Confirmed", "Nominated", "Attended"] {
        assert!(everyone.contains(&format!("Ana {family}")), "{family} holds a seat: {everyone}");
    }
    assert!(!everyone.contains("Ana Declined"));

    let confirmed = list(ListedStatuses::Confirmed, Some(Stage::Final));
    assert!(confirmed.contains("FINAL LIST OF PARTICIPANTS"), "{confirmed}");
    assert!(confirmed.contains("As of 12 September 2022 · Confirmed participants only"), "{confirmed}");
    assert!(
        confirmed.contains("Ana Confirmed")
            && !confirmed.contains("Ana Nominated")
            && !confirmed.contains("Ana Attended")
    );
    let attended = list(ListedStatuses::ConfirmedAndAttended, None);
    assert!(
        attended.contains("Ana Confirmed") && attended.contains("Ana Attended") && !attended.contains("Ana Nominated")
    );
    // The event is not held yet: a list not marked otherwise is provisional.
    assert!(attended.contains("PROVISIONAL LIST"), "{attended}");

    // The workbook prints the same marking above its rows.
    let options = ParticipantListOptions { statuses: ListedStatuses::Confirmed, as_of, ..Default::default() };
    let xlsx = export::participants(&plan, event.id, ParticipantsFormat::Xlsx, &options).unwrap();
    let printed = pdf_text(&xlsx_as_calc_prints_it(&xlsx));
    // The page header's two sections share lines in poppler's reading.
    assert!(printed.contains("Provisional") && printed.contains("participants · As of 12 September 2022 · Confirmed"));
    assert_eq!(read_xlsx(xlsx)[0].1.len(), 2, "the header and the one confirmed person");
}

#[test]
fn hotels_and_transport_get_the_logistics_columns_in_excel_or_csv() {
    let mut plan = store();
    let event = bangkok_dialogue(&mut plan);
    let thailand = country(&mut plan, event.id, "TH", None);
    let iom = plan.create_organisation(&OrganisationInput { name: "IOM".into(), ..Default::default() }).unwrap();
    let membership = MembershipInput {
        arrival: Some("2022-09-20 14:30".into()),
        departure: Some("2022-09-23 18:00".into()),
        travel_funded_by: Some(iom.id),
        accommodation: "Centara Grand".into(),
        dietary_needs: "Halal".into(),
        visa_letter_needed: true,
        ..member_of(thailand.id, ParticipantRole::Head, ParticipantStatus::Confirmed)
    };
    plan.register_participant(event.id, &person("Kanya", "Srisuk", Gender::Female), &membership).unwrap();
    let who = ("Somchai", "Nominee", Gender::Male);
    register(&mut plan, event.id, thailand.id, who, ParticipantRole::Member, ParticipantStatus::Nominated);

    let options = |statuses| ParticipantListOptions { logistics: true, statuses, ..Default::default() };
    let xlsx = export::participants(&plan, event.id, ParticipantsFormat::Xlsx, &options(ListedStatuses::Confirmed));
    let sheet = &read_xlsx(xlsx.unwrap())[0].1;
    let column =
        |name: &str| sheet[0].iter().position(|h| h == name).unwrap_or_else(|| panic!("{name}: {:?}", sheet[0]));
    assert_eq!(sheet.len(), 2, "the header and the confirmed head of delegation");
    let row = &sheet[1];
    assert_eq!(row[column("Family name")], "Srisuk");
    assert_eq!(row[column("Status")], "Confirmed");
    assert_eq!(row[column("Arrival")], "2022-09-20 14:30");
    assert_eq!(row[column("Departure")], "2022-09-23 18:00");
    assert_eq!(row[column("Nights")], "3");
    assert_eq!(row[column("Accommodation")], "Centara Grand");
    assert_eq!(row[column("Dietary needs")], "Halal");
    assert_eq!(row[column("Visa letter")], "Yes");
    assert_eq!(row[column("Travel paid by")], "IOM");
    assert!(!sheet[0].contains(&"E-mail".to_owned()), "contacts only when asked");

    let csv =
        export::participants(&plan, event.id, ParticipantsFormat::Csv, &options(ListedStatuses::WithSeat)).unwrap();
    let calc = csv_as_calc_shows_it(&csv);
    assert_eq!(calc.len(), 3, "everyone with a seat: {calc:?}");
    assert!(calc[0].contains(&"Arrival".to_owned()) && calc.iter().any(|r| r.contains(&"Nominated".to_owned())));
    // Without the logistics, none of it.
    let plain =
        export::participants(&plan, event.id, ParticipantsFormat::Csv, &ParticipantListOptions::default()).unwrap();
    assert!(!String::from_utf8(plain).unwrap().contains("Halal"));

    let pdf = export::participants(&plan, event.id, ParticipantsFormat::Pdf, &options(ListedStatuses::WithSeat));
    let Err(refused) = pdf.map_err(ApiError::from) else { panic!("a PDF with logistics columns was written") };
    assert_eq!(refused.kind, ErrorKind::Validation);
    assert!(refused.message.contains("Excel or CSV"), "{}", refused.message);
}

/// The Bangkok dialogue with a country delegation and its confirmed head for each code.
fn heads_of(codes: [&str; 3]) -> (TempStore, roundtable_core::Event) {
    let mut plan = store();
    let event = bangkok_dialogue(&mut plan);
    for code in codes {
        let delegation = country(&mut plan, event.id, code, None);
        let who = ("Ana", code, Gender::Female);
        register(&mut plan, event.id, delegation.id, who, ParticipantRole::Head, ParticipantStatus::Confirmed);
    }
    (plan, event)
}

#[test]
fn accented_country_names_sort_among_their_letters() {
    let (plan, event) = heads_of(["CW", "CI", "CU"]);
    let csv =
        export::participants(&plan, event.id, ParticipantsFormat::Csv, &ParticipantListOptions::default()).unwrap();
    let mut reader = csv::Reader::from_reader(&csv[3..]);
    let delegations: Vec<String> = reader.records().map(|r| r.unwrap()[1].to_owned()).collect();
    assert_eq!(delegations, ["Côte d’Ivoire", "Cuba", "Curaçao"], "not by code point (Côte after Curaçao)");
    let tracker: Vec<String> = plan.list_delegations(event.id).unwrap().into_iter().map(|d| d.name).collect();
    assert_eq!(tracker, ["Côte d’Ivoire", "Cuba", "Curaçao"]);
}

#[test]
fn countries_are_named_and_ordered_as_the_united_nations_names_them() {
    let (plan, event) = heads_of(["BO", "KR", "PH"]);
    let pdf =
        export::participants(&plan, event.id, ParticipantsFormat::Pdf, &ParticipantListOptions::default()).unwrap();
    let text = flat(&pdf_text(&pdf));
    let at = |name: &str| text.find(name).unwrap_or_else(|| panic!("{name} not in: {text}"));
    // Not ISO's "Bolivia, Plurinational State of" and "Korea, Republic of" (under K).
    assert!(at("Bolivia (Plurinational State of)") < at("Philippines"));
    assert!(at("Philippines") < at("Republic of Korea"), "{text}");
}

#[test]
fn a_plan_set_to_iso_names_names_and_orders_countries_so_in_its_lists_and_documents() {
    let (mut plan, event) = heads_of(["BO", "KR", "PH"]);
    let typed = DelegationInput {
        country_code: Some("TH".into()),
        name: Some("Royal Thai Government".into()),
        ..DelegationInput::default()
    };
    plan.create_delegation(event.id, &typed).unwrap();
    let views = plan.list_participants(event.id, &ParticipantFilter::default()).unwrap();
    let bolivian = views.iter().find(|v| v.country_code.as_deref() == Some("BO")).unwrap().participant.id;
    let day = day(&plan, event.id, "2022-09-21");
    panel(&mut plan, day.id, ("10:00", "11:00"), "Regional cooperation", &[bolivian]);
    let names = |plan: &Store| -> Vec<String> {
        plan.list_delegations(event.id).unwrap().into_iter().map(|d| d.name).collect()
    };
    assert_eq!(
        names(&plan),
        ["Bolivia (Plurinational State of)", "Philippines", "Republic of Korea", "Royal Thai Government"]
    );

    plan.set_country_names(CountryNames::Iso).unwrap();
    let iso = ["Bolivia, Plurinational State of", "Korea, Republic of", "Philippines", "Royal Thai Government"];
    assert_eq!(names(&plan), iso, "ISO's names, ordered by them (Korea under K); a typed name stays");
    let tracker: Vec<String> = plan.delegation_tracker(event.id).unwrap().rows.into_iter().map(|r| r.name).collect();
    assert_eq!(tracker, iso);
    let listed: Vec<String> = plan
        .list_participants(event.id, &ParticipantFilter::default())
        .unwrap()
        .into_iter()
        .map(|v| v.delegation_name)
        .collect();
    assert_eq!(listed, iso[..3]);
    assert_eq!(plan.list_events().unwrap()[0].country_name, "Thailand");

    let pdf =
        export::participants(&plan, event.id, ParticipantsFormat::Pdf, &ParticipantListOptions::default()).unwrap();
    let text = flat(&pdf_text(&pdf));
    let at = |name: &str| text.find(name).unwrap_or_else(|| panic!("{name} not in: {text}"));
    assert!(at("Bolivia, Plurinational State of") < at("Korea, Republic of"));
    assert!(at("Korea, Republic of") < at("Philippines"), "{text}");
    assert!(!text.contains("Republic of Korea") && !text.contains("(Plurinational"), "{text}");
    let programme = export::programme(&plan, event.id, ProgrammeFormat::Pdf, &ProgrammeOptions::default()).unwrap();
    let text = flat(&pdf_text(&programme));
    assert!(text.contains("Bolivia, Plurinational State of"), "the speaker's delegation: {text}");

    plan.set_country_names(CountryNames::Un).unwrap();
    assert_eq!(names(&plan)[2], "Republic of Korea", "and back");
}
