//! Job 5: import the participant lists that registration forms produce, with
//! a clear report of every row that could not be taken; all rows or none.

use roundtable_core::{
    ErrorKind, Gender, ParticipantFilter, ParticipantRole, ParticipantStatus, PersonInput, RowAction, Store,
};
use roundtable_documents::import::{self, ColumnMapping, ImportField, ImportPreview, Table};
use roundtable_tests::*;
use uuid::Uuid;

fn read(bytes: &[u8]) -> Table {
    import::read_bytes(bytes, None).unwrap_or_else(|e| panic!("{e}"))
}

fn dry_run(plan: &mut Store, event: Uuid, bytes: &[u8]) -> ImportPreview {
    import::preview(plan, event, &read(bytes), None).unwrap()
}

fn commit(plan: &mut Store, event: Uuid, bytes: &[u8]) -> ImportPreview {
    import::commit(plan, event, &read(bytes), None).unwrap_or_else(|e| panic!("{e}"))
}

fn participants(plan: &Store, event: Uuid) -> Vec<roundtable_core::ParticipantView> {
    plan.list_participants(event, &ParticipantFilter::default()).unwrap()
}

const FORM: &str = "\
Title,First name,Surname,Country,Position,Ministry,E-mail,Phone,Gender,Role,Visa,Dietary
H.E.,Phuchphop,Mongkolnavin,Thailand,Deputy Director-General,Ministry of Foreign Affairs,phuchphop@mfa.go.th,+66 2 203 5000,M,Head of delegation,no,
Ms,Bounmy,Sisavath,Lao PDR,Director,Ministry of Labour and Social Welfare,bounmy@molsw.gov.la,,F,Head,yes,Vegetarian
Mr,Sok,Chanthy,KHM,Deputy Director,Ministry of Interior,sok@interior.gov.kh,,Male,member,Yes,Halal
Ms,Nguyễn Thị,Hương,Viet Nam,Official,Ministry of Foreign Affairs,huong@mofa.gov.vn,,female,,,
";

#[test]
fn a_registration_form_becomes_participants_with_new_delegations_shown_first() {
    let mut plan = store();
    let event = bangkok_dialogue(&mut plan);
    country(&mut plan, event.id, "TH", None);

    let preview = dry_run(&mut plan, event.id, FORM.as_bytes());
    assert_eq!(preview.report.created, 4);
    assert_eq!(preview.report.rejected, 0);
    assert_eq!(preview.report.new_delegations, ["Lao People’s Democratic Republic", "Cambodia", "Viet Nam"]);
    assert_eq!(preview.mapping.columns[2], Some(ImportField::FamilyName));
    assert!(preview.format.contains("comma") && preview.format.contains("UTF-8"));
    assert!(participants(&plan, event.id).is_empty(), "a dry run writes nothing");
    assert_eq!(plan.list_delegations(event.id).unwrap().len(), 1);

    let done = commit(&mut plan, event.id, FORM.as_bytes());
    assert!(done.report.committed);
    assert_eq!(
        done.report,
        ImportPreview { report: done.report.clone(), ..preview.clone() }.report,
        "the commit does what the preview said"
    );
    let list = participants(&plan, event.id);
    assert_eq!(list.len(), 4);
    let huong = list.iter().find(|p| p.person.family_name == "Hương").unwrap();
    assert_eq!(huong.person.given_name, "Nguyễn Thị");
    assert_eq!(huong.person.gender, Gender::Female);
    assert_eq!(huong.delegation_name, "Viet Nam");
    let bounmy = list.iter().find(|p| p.person.family_name == "Sisavath").unwrap();
    assert_eq!(bounmy.participant.role, ParticipantRole::Head);
    assert!(bounmy.participant.visa_letter_needed);
    assert_eq!(bounmy.participant.dietary_needs, "Vegetarian");
    let head = list.iter().find(|p| p.person.family_name == "Mongkolnavin").unwrap();
    assert_eq!(head.person.honorific, "H.E.");
    assert_eq!(head.person.phone, "+66 2 203 5000");
    assert_eq!(plan.list_delegations(event.id).unwrap().len(), 4);
}

#[test]
fn every_encoding_and_delimiter_reads_the_same() {
    let semicolon = FORM.replace(',', ";");
    let tab = FORM.replace(',', "\t");
    let mut bom = b"\xEF\xBB\xBF".to_vec();
    bom.extend(semicolon.as_bytes());
    let mut utf16le = vec![0xFF, 0xFE];
    utf16le.extend(tab.replace('\n', "\r\n").encode_utf16().flat_map(u16::to_le_bytes));
    let mut utf16be = vec![0xFE, 0xFF];
    utf16be.extend(FORM.encode_utf16().flat_map(u16::to_be_bytes));
    let expected = read(FORM.as_bytes());
    for (what, bytes) in [
        ("semicolon", semicolon.into_bytes()),
        ("tab", tab.into_bytes()),
        ("BOM", bom),
        ("UTF-16 LE", utf16le),
        ("UTF-16 BE", utf16be),
    ] {
        let table = read(&bytes);
        assert_eq!(table.headers, expected.headers, "{what}");
        let cells = |t: &Table| t.rows.iter().map(|(_, c)| c.clone()).collect::<Vec<_>>();
        assert_eq!(cells(&table), cells(&expected), "{what}");
    }
    // Windows-1252, as older Excel saves "CSV" on a Western-European Windows.
    let cp1252 = b"Family name;Given name;Country;Organisation\nM\xFCller;J\xFCrgen;Germany;Ausw\xE4rtiges Amt \x96 Referat 508\n";
    let table = read(cp1252);
    assert_eq!(table.rows[0].1, ["Müller", "Jürgen", "Germany", "Auswärtiges Amt – Referat 508"]);
    assert!(table.format.contains("Windows-1252"));
}

#[test]
fn spreadsheets_are_read_from_the_first_or_a_named_sheet() {
    let mut workbook = rust_xlsxwriter::Workbook::new();
    let notes = workbook.add_worksheet();
    notes.set_name("Read me").unwrap();
    notes.write_string(0, 0, "Registration export, do not edit").unwrap();
    let sheet = workbook.add_worksheet();
    sheet.set_name("Registrations").unwrap();
    for (c, h) in ["Name", "Country", "Email", "Arrival"].iter().enumerate() {
        sheet.write_string(0, c as u16, *h).unwrap();
    }
    sheet.write_string(1, 0, "Dr Maria Santos").unwrap();
    sheet.write_string(1, 1, "The Philippines").unwrap();
    sheet.write_string(1, 2, "maria.santos@dfa.gov.ph").unwrap();
    sheet.write_string(1, 3, "2018-03-04 18:30").unwrap();
    sheet.write_string(2, 0, "Santos, Jose").unwrap();
    sheet.write_string(2, 1, "PH").unwrap();
    let bytes = workbook.save_to_buffer().unwrap();

    let first = import::read_bytes(&bytes, None).unwrap_err().to_string();
    assert!(first.contains("no participants") || first.contains("does not name"), "{first}");
    let table = import::read_bytes(&bytes, Some("registrations")).unwrap();
    assert_eq!(table.sheets, ["Read me", "Registrations"]);
    assert_eq!(table.rows.len(), 2);
    assert_eq!(table.rows[0].0, 2, "spreadsheet row numbers as Excel shows them");
    let missing = import::read_bytes(&bytes, Some("Sheet9")).unwrap_err().to_string();
    assert!(missing.contains("no sheet called 'Sheet9'") && missing.contains("Registrations"), "{missing}");

    let mut plan = store();
    let event = mieux_round_table(&mut plan);
    let done = import::commit(&mut plan, event.id, &table, None).unwrap();
    assert_eq!(done.report.created, 2);
    let list = participants(&plan, event.id);
    let maria = list.iter().find(|p| p.person.given_name == "Maria").unwrap();
    assert_eq!((maria.person.honorific.as_str(), maria.person.family_name.as_str()), ("Dr", "Santos"));
    assert_eq!(maria.delegation_name, "Philippines");
    assert_eq!(maria.participant.arrival.unwrap().to_string(), "2018-03-04 18:30:00");
    assert!(list.iter().any(|p| p.person.given_name == "Jose" && p.person.family_name == "Santos"));
}

#[test]
fn the_user_corrects_the_mapping() {
    let mut plan = store();
    let event = bangkok_dialogue(&mut plan);
    let file = "Nom,Prénom,Pays,Notes\nSok,Chanthy,Cambodia,arrives late\n";
    let table = read(file.as_bytes());
    let guessed = import::guess_mapping(&table.headers);
    assert_eq!(guessed.columns, [None, None, None, Some(ImportField::Notes)]);
    // The preview still shows the file, with what stops it, so the mapping can be corrected.
    let unusable = import::preview(&plan, event.id, &table, None).unwrap();
    assert!(unusable.problem.as_deref().unwrap().contains("family name"), "{:?}", unusable.problem);
    assert_eq!(unusable.headers, ["Nom", "Prénom", "Pays", "Notes"]);
    assert_eq!(unusable.sample, [["Sok", "Chanthy", "Cambodia", "arrives late"]]);
    assert_eq!((unusable.report.created, unusable.report.rows.len()), (0, 0));
    let refused = import::commit(&mut plan, event.id, &table, None).unwrap_err().to_string();
    assert!(refused.contains("family name"), "{refused}");
    assert!(participants(&plan, event.id).is_empty());
    let only_names = ColumnMapping {
        columns: vec![Some(ImportField::FamilyName), Some(ImportField::GivenName), None, Some(ImportField::Notes)],
        values: Vec::new(),
    };
    let still = import::preview(&plan, event.id, &table, Some(only_names)).unwrap();
    assert!(still.problem.as_deref().unwrap().contains("country"), "{:?}", still.problem);
    let corrected = ColumnMapping {
        columns: vec![Some(ImportField::FamilyName), Some(ImportField::GivenName), Some(ImportField::Country), None],
        values: Vec::new(),
    };
    let done = import::commit(&mut plan, event.id, &table, Some(corrected)).unwrap();
    assert_eq!(done.report.created, 1);
    let sok = &participants(&plan, event.id)[0];
    assert_eq!((sok.person.given_name.as_str(), sok.participant.notes.as_str()), ("Chanthy", ""));
}

#[test]
fn a_known_email_updates_the_participant_instead_of_duplicating() {
    let mut plan = store();
    let event = bangkok_dialogue(&mut plan);
    let thailand = country(&mut plan, event.id, "TH", None);
    plan.register_participant(
        event.id,
        &PersonInput {
            email: Some("Phuchphop@MFA.go.th".into()),
            phone: "+66 1".into(),
            ..person("Phuchphop", "Mongkolnavin", Gender::Male)
        },
        &member_of(thailand.id, ParticipantRole::Member, ParticipantStatus::Invited),
    )
    .unwrap();
    let people_before = people_count(&plan);
    let preview = dry_run(&mut plan, event.id, FORM.as_bytes());
    assert_eq!((preview.report.created, preview.report.updated), (3, 1));
    assert_eq!(preview.report.rows[0].action, RowAction::Update);
    commit(&mut plan, event.id, FORM.as_bytes());
    assert_eq!(people_count(&plan), people_before + 3);
    let list = participants(&plan, event.id);
    let updated = list.iter().find(|p| p.person.family_name == "Mongkolnavin").unwrap();
    assert_eq!(updated.person.position, "Deputy Director-General");
    assert_eq!(updated.person.phone, "+66 2 203 5000");
    assert_eq!(updated.participant.role, ParticipantRole::Head);
    assert_eq!(updated.participant.status, ParticipantStatus::Invited, "a blank cell keeps what was recorded");

    // Importing the same file again changes nothing and duplicates no one.
    let again = commit(&mut plan, event.id, FORM.as_bytes());
    assert_eq!((again.report.created, again.report.updated), (0, 4));
    assert_eq!(participants(&plan, event.id).len(), 4);
}

#[test]
fn every_row_that_cannot_be_taken_is_rejected_with_its_reason_and_nothing_is_imported() {
    let mut plan = store();
    let event = bangkok_dialogue(&mut plan);
    country(&mut plan, event.id, "TH", None);
    let file = "\
Given name,Family name,Country,Email,Role,Gender,Visa
Ana,Good,Thailand,ana@example.org,,,
Bo,,Thailand,bo@example.org,,,
Cy,Mail,Thailand,not-an-email,,,
Di,Where,Atlantis,di@example.org,,,
Ed,HeadOne,Thailand,ed@example.org,head,,
Fa,HeadTwo,Thailand,fa@example.org,Head of delegation,,
Gi,Twice,Thailand,ana@example.org,,,
Ha,Role,Thailand,ha@example.org,boss,,
Io,Sex,Thailand,io@example.org,,maybe,
Jo,Visa,Thailand,jo@example.org,,,perhaps
Ka,Nowhere,,ka@example.org,,,
";
    let preview = dry_run(&mut plan, event.id, file.as_bytes());
    let reasons: Vec<(u32, RowAction, String)> =
        preview.report.rows.iter().map(|r| (r.line, r.action, r.reason.clone().unwrap_or_default())).collect();
    let reason = |line: u32| reasons.iter().find(|r| r.0 == line).unwrap().2.clone();
    assert_eq!(reasons[0].1, RowAction::Create);
    assert!(reason(3).contains("Family name"), "{}", reason(3));
    assert!(reason(4).contains("not an e-mail address"), "{}", reason(4));
    assert!(reason(5).contains("'Atlantis' is neither a country nor a delegation"), "{}", reason(5));
    assert_eq!(reasons[4].1, RowAction::Create, "the first head is taken");
    assert!(reason(7).contains("already has a head of delegation"), "{}", reason(7));
    assert!(reason(8).contains("also on line 2"), "{}", reason(8));
    assert!(reason(9).contains("not a role"), "{}", reason(9));
    assert!(reason(10).contains("not a gender"), "{}", reason(10));
    assert!(reason(11).contains("not yes or no"), "{}", reason(11));
    assert!(reason(12).contains("No country or delegation"), "{}", reason(12));
    assert_eq!((preview.report.created, preview.report.rejected), (2, 9));

    let refused = import::commit(&mut plan, event.id, &read(file.as_bytes()), None).unwrap_err();
    let api: roundtable_core::ApiError = refused.into();
    assert_eq!(api.kind, ErrorKind::Validation);
    assert!(api.message.contains("Nothing was imported: 9 of 11 rows"), "{}", api.message);
    assert!(participants(&plan, event.id).is_empty());
}

#[test]
fn a_file_whose_last_row_is_bad_imports_nothing_not_even_its_new_delegations() {
    let mut plan = store();
    let event = bangkok_dialogue(&mut plan);
    let people = people_count(&plan);
    let mut file = String::from("Family name,Country,Email\n");
    for i in 0..50 {
        file.push_str(&format!("Person{i},Cambodia,p{i}@example.org\n"));
    }
    file.push_str("Broken,Cambodia,broken@@example\n");
    assert!(import::commit(&mut plan, event.id, &read(file.as_bytes()), None).is_err());
    assert_eq!(people_count(&plan), people);
    assert!(plan.list_delegations(event.id).unwrap().is_empty(), "the Cambodian delegation is not left behind");
    assert!(participants(&plan, event.id).is_empty());
}

#[test]
fn a_rejected_row_leaves_no_delegation_for_the_rows_after_it_and_names_find_the_ones_made() {
    let mut plan = store();
    let event = bangkok_dialogue(&mut plan);
    plan.create_organisation(&roundtable_core::OrganisationInput {
        name: "International Centre for Migration Policy Development".into(),
        short_name: Some("ICMPD".into()),
        ..roundtable_core::OrganisationInput::default()
    })
    .unwrap();
    // A group that took the name "Thailand" without being Thailand's delegation.
    plan.create_delegation(
        event.id,
        &roundtable_core::DelegationInput {
            kind: Some(roundtable_core::DelegationKind::OrganisingTeam),
            name: Some("Thailand".into()),
            ..roundtable_core::DelegationInput::default()
        },
    )
    .unwrap();
    let file = "\
Family name,Country,Delegation,Arrival
Early,Nepal,,soon
Second,NP,,
Third,,nepal,
Fourth,,Experts,
Fifth,,EXPERTS,
Sixth,,icmpd,
Seventh,Nepal,Atlantis,
Eighth,TH,,later
";
    let preview = dry_run(&mut plan, event.id, file.as_bytes());
    let rows: Vec<(RowAction, &str, &str)> = preview
        .report
        .rows
        .iter()
        .map(|r| (r.action, r.delegation.as_str(), r.reason.as_deref().unwrap_or("")))
        .collect();
    assert_eq!(rows[0], (RowAction::Reject, "Nepal", "'soon' is not a valid arrival; write it as YYYY-MM-DD HH:MM"));
    let icmpd = "International Centre for Migration Policy Development";
    assert_eq!(
        rows[1..7],
        [
            (RowAction::Create, "Nepal", ""),
            (RowAction::Create, "Nepal", ""),
            (RowAction::Create, "Experts", ""),
            (RowAction::Create, "Experts", ""),
            (RowAction::Create, icmpd, ""),
            (RowAction::Create, "Nepal", ""),
        ]
    );
    assert_eq!(
        rows[7],
        (RowAction::Reject, "TH", "A delegation called 'Thailand' already exists at this event"),
        "a clash of the new delegation's name is found before the row's other faults"
    );
    assert_eq!(preview.report.new_delegations, ["Nepal", "Experts", icmpd], "each made once, by the row that stays");
    assert_eq!(plan.list_delegations(event.id).unwrap().len(), 1, "a dry run writes nothing");
}

#[test]
fn heads_on_record_and_heads_in_the_file_are_one_per_delegation_and_known_people_are_reused() {
    let mut plan = store();
    let event = bangkok_dialogue(&mut plan);
    let enrol = |plan: &mut Store, event: Uuid, code: &str, who: PersonInput, role, status| {
        let delegation = country(plan, event, code, None);
        plan.register_participant(event, &who, &member_of(delegation.id, role, status)).unwrap();
    };
    let head = PersonInput { email: Some("head@mfa.go.th".into()), ..person("Sihasak", "Phuangketkeow", Gender::Male) };
    enrol(&mut plan, event.id, "TH", head, ParticipantRole::Head, ParticipantStatus::Confirmed);
    // Someone of another event, known to the plan by e-mail address.
    let other = mieux_round_table(&mut plan).id;
    let known = PersonInput { email: Some("maria@dfa.gov.ph".into()), ..person("Maria", "Santos", Gender::Female) };
    enrol(&mut plan, other, "PH", known, ParticipantRole::Member, ParticipantStatus::Attended);
    let people_before = people_count(&plan);
    let file = "\
Given name,Family name,Country,Email,Role,Status,Position
Anan,Rival,Thailand,anan@mfa.go.th,Head,,
Sihasak,Phuangketkeow,Thailand,HEAD@mfa.go.th,Member,,Adviser
Anan,Rival,Thailand,anan2@mfa.go.th,Head,,
Decl,Ined,Thailand,declined@mfa.go.th,Head,Declined,
Late,Comer,Thailand,late@mfa.go.th,Head,,
Maria,Santos,Philippines,Maria@DFA.gov.ph,,,Director
";
    let preview = dry_run(&mut plan, event.id, file.as_bytes());
    let rows: Vec<(RowAction, &str)> =
        preview.report.rows.iter().map(|r| (r.action, r.reason.as_deref().unwrap_or(""))).collect();
    assert_eq!(
        rows,
        [
            (RowAction::Reject, "Thailand already has a head of delegation: Sihasak Phuangketkeow"),
            (RowAction::Update, ""),
            (RowAction::Create, ""),
            (RowAction::Create, ""),
            (RowAction::Reject, "Thailand already has a head of delegation: Anan Rival"),
            (RowAction::Create, ""),
        ],
        "the head on record steps down on line 3, so line 4's head is taken"
    );
    assert_eq!(preview.report.new_delegations, ["Philippines"]);

    let valid: String =
        file.lines().enumerate().filter(|(i, _)| ![1, 5].contains(i)).map(|(_, l)| format!("{l}\n")).collect();
    let done = commit(&mut plan, event.id, valid.as_bytes());
    assert_eq!((done.report.created, done.report.updated), (3, 1));
    assert_eq!(people_count(&plan), people_before + 2, "Maria Santos is the plan's person, not a copy");
    let list = participants(&plan, event.id);
    let role = |family: &str| list.iter().find(|p| p.person.family_name == family).unwrap().participant.role;
    assert_eq!((role("Phuangketkeow"), role("Rival")), (ParticipantRole::Member, ParticipantRole::Head));
    let maria = list.iter().find(|p| p.person.family_name == "Santos").unwrap();
    assert_eq!((maria.person.position.as_str(), maria.delegation_name.as_str()), ("Director", "Philippines"));
    assert_eq!(
        maria.person.email.as_deref(),
        Some("Maria@DFA.gov.ph"),
        "the file's spelling replaces the recorded one"
    );
}

#[test]
fn malformed_empty_huge_and_binary_files_get_clear_errors() {
    let message = |bytes: &[u8]| import::read_bytes(bytes, None).unwrap_err().to_string();
    assert!(message(b"").contains("empty"));
    assert!(message(b"Family name,Country\r\n").contains("header row but no participants"));
    assert!(message(b"Family name,Country\nSok,Cambodia\nChan,Cambodia,Phnom Penh\n").contains("Line 3 has 3 cells"));
    assert!(
        message(b"Family name,Country\n\"Sok,Cambodia\n").contains("Line")
            || message(b"Family name,Country\n\"Sok,Cambodia\n").contains("line")
    );
    let png = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x10\x00\x00\x00\x10\x08\x06\x00\x00\x00";
    assert!(message(png).contains("binary"), "{}", message(png));
    assert!(message(b"PK\x03\x04\x14\x00\x00\x00broken zip").contains("cannot be opened"));

    let dir = tempfile::tempdir().unwrap();
    let huge = dir.path().join("huge.csv");
    std::fs::File::create(&huge).unwrap().set_len(import::MAX_BYTES as u64 + 1).unwrap();
    let error = import::read_file(&huge, None).unwrap_err().to_string();
    assert!(error.contains("at most 50 MB"), "{error}");
    assert!(
        import::read_file(&dir.path().join("missing.csv"), None).unwrap_err().to_string().contains("cannot be opened")
    );

    let mut many = String::from("Family name,Country\n");
    for i in 0..=import::MAX_ROWS {
        many.push_str(&format!("P{i},KH\n"));
    }
    let error = message(many.as_bytes());
    assert!(error.contains("at most 200000 rows") || error.contains("more than 200000"), "{error}");
}

#[test]
fn rows_under_the_same_team_or_organisation_join_one_delegation() {
    let mut plan = store();
    let event = bangkok_dialogue(&mut plan);
    plan.create_organisation(&roundtable_core::OrganisationInput {
        name: "International Centre for Migration Policy Development".into(),
        short_name: Some("ICMPD".into()),
        ..Default::default()
    })
    .unwrap();
    let file = "\
Surname,Given name,Delegation,Email
Arnold,Eva,Secretariat,eva@example.org
Brun,Paul,Secretariat,paul@example.org
Costa,Ines,organising team,ines@example.org
Dima,Ion,ICMPD,ion@example.org
Ekman,Sara,ICMPD,sara@example.org
Fox,Leo,Experts,leo@example.org
Gray,Mia,expert,mia@example.org
";
    let preview = dry_run(&mut plan, event.id, file.as_bytes());
    assert_eq!(preview.report.rejected, 0, "{:#?}", preview.report.rows);
    assert_eq!(preview.report.new_delegations.len(), 3, "{:?}", preview.report.new_delegations);
    commit(&mut plan, event.id, file.as_bytes());
    let delegations = plan.list_delegations(event.id).unwrap();
    assert_eq!(delegations.len(), 3, "{delegations:#?}");
    let list = participants(&plan, event.id);
    let in_delegation_of =
        |family: &str| list.iter().find(|p| p.person.family_name == family).unwrap().participant.delegation_id;
    assert_eq!(in_delegation_of("Arnold"), in_delegation_of("Costa"));
    assert_eq!(in_delegation_of("Dima"), in_delegation_of("Ekman"));
    assert_eq!(in_delegation_of("Fox"), in_delegation_of("Gray"));

    // A second file later joins the same delegations rather than making new ones.
    commit(&mut plan, event.id, b"Surname,Delegation\nHolm,Secretariat\nIvo,ICMPD\n");
    assert_eq!(plan.list_delegations(event.id).unwrap().len(), 3);
}

#[test]
fn a_list_longer_than_one_statement_imports_whole_and_a_corrected_copy_updates_it() {
    let mut plan = store();
    let event = bangkok_dialogue(&mut plan);
    // More rows than one multi-row statement binds (32,766 parameters: 2,340 participations).
    let rows = 5_000;
    let file = |position: &str| {
        let mut csv = String::from("Given name,Family name,Country,Email,Role,Position\n");
        for i in 0..rows {
            let (country, role) = (["Thailand", "Cambodia", "Lao PDR"][i % 3], if i < 3 { "Head" } else { "" });
            csv.push_str(&format!("Given{i},Family{i},{country},person{i}@example.org,{role},{position}\n"));
        }
        csv
    };
    let done = commit(&mut plan, event.id, file("Officer").as_bytes());
    assert_eq!((done.report.created, done.report.rejected), (rows as u32, 0));
    let listed = plan.list_events().unwrap().into_iter().find(|e| e.id == event.id).unwrap();
    assert_eq!((listed.delegations, listed.participants), (3, rows as u32), "the home list's counts follow");
    let found = plan.search_people("Family4999", 10).unwrap();
    assert_eq!(found.len(), 1, "the last statement's people are in the search index");

    let again = commit(&mut plan, event.id, file("Director").as_bytes());
    assert_eq!((again.report.created, again.report.updated), (0, rows as u32));
    let list = participants(&plan, event.id);
    assert_eq!(list.len(), rows);
    assert!(list.iter().all(|p| p.person.position == "Director"));
    let heads = list.iter().filter(|p| p.participant.role == ParticipantRole::Head).count();
    assert_eq!(heads, 3, "each head keeps the seat the first import gave");
    assert_eq!(plan.search_people("Family4999", 10).unwrap()[0].position, "Director");
}
