//! Job 4: hand out documents. The programme as print-ready PDF, editable
//! Word, calendar file and web page; the list of participants as PDF, Excel
//! and CSV; badges and name plates. Every file is read back with a reader that
//! is not the code that wrote it: pdftotext (poppler),
//! calamine, the csv crate, and the DOCX's own XML.

use roundtable_core::{Gender, ParticipantRole, ParticipantStatus, PersonInput};
use roundtable_documents::export::{self, ParticipantsFormat, ProgrammeFormat};
use roundtable_documents::{ParticipantListOptions, ProgrammeOptions, Stage};
use roundtable_tests::readers::*;
use roundtable_tests::*;
use std::io::Read;

fn position_of(text: &str, needle: &str) -> usize {
    text.find(needle).unwrap_or_else(|| panic!("'{needle}' not found in:\n{text}"))
}

/// The list below its title block (whose subtitle names the host country).
fn body(text: &str) -> &str {
    text.split_once(" delegations").map_or(text, |(_, rest)| rest)
}

fn in_order(text: &str, needles: &[&str]) {
    let positions: Vec<usize> = needles.iter().map(|n| position_of(text, n)).collect();
    assert!(positions.windows(2).all(|w| w[0] < w[1]), "{needles:?} out of order: {positions:?}");
}

#[test]
fn the_programme_pdf_is_a4_in_day_order_provisional_or_final_with_the_acknowledgement() {
    let mut plan = store();
    let event = example(&mut plan, "Migrant Protection");
    let options =
        ProgrammeOptions { stage: Some(Stage::Provisional), version_date: chrono::NaiveDate::from_ymd_opt(2022, 9, 1) };
    let pdf = export::programme(&plan, event, ProgrammeFormat::Pdf, &options).unwrap();
    let text = pdf_text(&pdf);
    let (pages, size) = pdf_info(&pdf);
    assert!(size.starts_with("595.") && size.contains("x 841."), "A4, got {size}");
    assert!((2..=8).contains(&pages), "{pages} pages");
    let flat = flat(&text);
    assert!(flat.contains("High-level Regional Dialogue on Migrant Protection in South-East Asia"), "{flat}");
    assert!(flat.contains("21–23 September 2022"));
    assert!(flat.contains("PROVISIONAL"));
    assert!(flat.contains("1 September 2022"));
    assert!(flat.contains("Asia/Bangkok"));
    assert!(flat.contains("UTC+07:00"));
    assert!(flat.contains("Organised by"));
    assert!(flat.contains("Phuchphop Mongkolnavin"));
    assert!(flat.contains("Made possible with financial support") || flat.contains("financial support"), "{flat}");
    in_order(&flat, &["Day 1", "Wednesday 21 September 2022", "Day 2", "Day 3", "Friday 23 September 2022"]);
    render_page(&pdf, "programme-bangkok", 1);

    // The dialogue has been held: its programme is final unless asked otherwise.
    assert_eq!(plan.event(event).unwrap().status, roundtable_core::EventStatus::Reported);
    let final_pdf = export::programme(&plan, event, ProgrammeFormat::Pdf, &ProgrammeOptions::default()).unwrap();
    let final_text = pdf_text(&final_pdf);
    assert!(final_text.contains("FINAL"));
    assert!(!final_text.contains("PROVISIONAL"));
}

#[test]
fn the_programme_docx_has_headings_and_a_table_per_day() {
    let mut plan = store();
    let event = example(&mut plan, "Migrant Protection");
    let docx = export::programme(&plan, event, ProgrammeFormat::Docx, &ProgrammeOptions::default()).unwrap();
    let mut archive = zip::ZipArchive::new(std::io::Cursor::new(docx)).expect("a DOCX is a zip");
    let mut xml = String::new();
    archive.by_name("word/document.xml").unwrap().read_to_string(&mut xml).unwrap();
    let mut styles = String::new();
    archive.by_name("word/styles.xml").unwrap().read_to_string(&mut styles).unwrap();
    assert!(styles.contains("Heading1"));
    assert!(xml.contains("High-level Regional Dialogue on Migrant Protection in South-East Asia"));
    assert_eq!(xml.matches("<w:tbl>").count(), 3, "one table per day");
    assert_eq!(xml.matches("w:val=\"Heading1\"").count(), 3);
    in_order(&xml, &["Day 1 · Wednesday 21 September 2022", "Day 2", "Day 3 · Friday 23 September 2022"]);
    assert!(xml.contains("Phuchphop Mongkolnavin"));
    assert!(xml.contains("FINAL"), "the dialogue was held: its programme is final");
}

#[test]
fn the_programme_docx_is_one_a_secretariat_sends_as_it_is() {
    let mut plan = store();
    let event = example(&mut plan, "Migrant Protection");
    let docx = export::programme(&plan, event, ProgrammeFormat::Docx, &ProgrammeOptions::default()).unwrap();
    let mut archive = zip::ZipArchive::new(std::io::Cursor::new(docx.clone())).expect("a DOCX is a zip");
    let part = |archive: &mut zip::ZipArchive<_>, name: &str| {
        let mut xml = String::new();
        archive.by_name(name).unwrap().read_to_string(&mut xml).unwrap();
        xml
    };
    let core = part(&mut archive, "docProps/core.xml");
    assert!(core.contains("<dc:title>High-level Regional Dialogue on Migrant Protection"), "{core}");
    assert!(core.contains("<dc:creator>International Organization for Migration"), "{core}");
    assert!(!core.contains("1970-01-01") && !core.contains("unknown"), "{core}");
    let xml = part(&mut archive, "word/document.xml");
    let rows = xml.matches("<w:tr>").count() + xml.matches("<w:tr ").count();
    assert_eq!(xml.matches("<w:cantSplit").count(), rows, "no session row splits across pages");
    let agenda = plan.agenda(event).unwrap();
    let titled = agenda.days.iter().flat_map(|d| &d.sessions).filter(|s| !s.kind.is_pause()).count();
    let kept = xml.matches("<w:keepNext").count();
    assert!(kept >= 3 + titled, "day headings and session titles keep with what follows: {kept}");
    assert!(!xml.contains("w:val=\"single\" w:sz=\"4\" w:space=\"0\" w:color=\"000000\""), "no heavy black grid");

    // As LibreOffice prints it: page numbers in the footer.
    let printed = pdf_text(&docx_as_libreoffice_prints_it(&docx));
    let (pages, _) = pdf_info(&docx_as_libreoffice_prints_it(&docx));
    assert!(printed.contains(&format!("Page 1 of {pages}")), "{printed}");
}

#[test]
fn parallel_sessions_are_marked_in_every_programme_format() {
    let mut plan = store();
    let event = bangkok_dialogue(&mut plan);
    let first_day = day(&plan, event.id, "2022-09-21");
    panel(&mut plan, first_day.id, ("09:00", "10:00"), "Opening plenary", &[]);
    panel(&mut plan, first_day.id, ("10:30", "12:00"), "Working group on return", &[]);
    panel(&mut plan, first_day.id, ("10:30", "12:00"), "Working group on detention", &[]);
    let options = ProgrammeOptions::default();
    let pdf = export::programme(&plan, event.id, ProgrammeFormat::Pdf, &options).unwrap();
    render_page(&pdf, "programme-parallel", 1);
    let pdf = flat(&pdf_text(&pdf));
    let docx = export::programme(&plan, event.id, ProgrammeFormat::Docx, &options).unwrap();
    let docx = docx_as_libreoffice_prints_it(&docx);
    render_page(&docx, "programme-parallel-docx-in-libreoffice", 1);
    let docx = flat(&pdf_text(&docx));
    let html = String::from_utf8(export::programme(&plan, event.id, ProgrammeFormat::Html, &options).unwrap()).unwrap();
    for (format, text) in [("PDF", &pdf), ("DOCX", &docx), ("HTML", &html.to_uppercase())] {
        assert_eq!(text.matches("PARALLEL SESSION 1 OF 2").count(), 1, "{format}: {text}");
        assert_eq!(text.matches("PARALLEL SESSION 2 OF 2").count(), 1, "{format}: {text}");
        let opening = text.find("OPENING PLENARY").or_else(|| text.find("Opening plenary")).unwrap();
        let first_mark = text.find("PARALLEL SESSION").unwrap();
        assert!(opening < first_mark, "{format}: the opening plenary is not parallel");
    }
}

#[test]
fn no_day_heading_is_left_alone_at_the_foot_of_a_page() {
    let mut plan = store();
    let event = bangkok_dialogue(&mut plan);
    let (first, second) = (day(&plan, event.id, "2022-09-21"), day(&plan, event.id, "2022-09-22"));
    panel(&mut plan, second.id, ("09:00", "10:00"), "Second day's opening", &[]);
    let description = "Delegations present their national approaches to the protection of migrants in \
                       vulnerable situations, followed by an open discussion of good practice.";
    // Day 1 grows by a session at a time, pushing day 2's heading down page 1 and past it.
    for n in 0..16u32 {
        let start = 8 * 60 + n * 35;
        let time = |m: u32| format!("{:02}:{:02}", m / 60, m % 60);
        let input = roundtable_core::SessionInput {
            description: description.into(),
            ..session_input(first.id, &time(start), &time(start + 30), &format!("Session {n}"))
        };
        plan.create_session(&input).unwrap();
        let pdf = export::programme(&plan, event.id, ProgrammeFormat::Pdf, &ProgrammeOptions::default()).unwrap();
        let words = pdf_words(&pdf);
        let heading = words
            .iter()
            .find(|w| {
                w.text == "2"
                    && words.iter().any(|d| d.page == w.page && d.text == "Day" && (d.y.0 - w.y.0).abs() < 1.0)
            })
            .expect("day 2's heading");
        // Above the footer (A4 is 842 points high, the footer under 2.2 cm), something follows the heading on its page.
        let follows = words.iter().any(|w| w.page == heading.page && w.y.0 > heading.y.1 + 2.0 && w.y.1 < 770.0);
        assert!(
            follows,
            "with {} sessions on day 1, day 2's heading is alone at the foot of page {}",
            n + 1,
            heading.page
        );
    }
}

#[test]
fn libreoffice_opens_both_seed_programmes_as_docx_with_their_days_and_sessions_in_order() {
    let mut plan = store();
    let bangkok = example(&mut plan, "Migrant Protection");
    let mieux = example(&mut plan, "Round-table: Asia");
    let options = ProgrammeOptions::default();

    let pdf =
        docx_as_libreoffice_prints_it(&export::programme(&plan, bangkok, ProgrammeFormat::Docx, &options).unwrap());
    let (pages, size) = pdf_info(&pdf);
    assert!(size.contains("(A4)"), "A4 in Writer too, got {size}");
    assert!((2..=8).contains(&pages), "{pages} pages");
    let text = flat(&pdf_text(&pdf));
    assert!(text.contains("High-level Regional Dialogue on Migrant Protection"), "{text}");
    assert!(text.contains("FINAL"));
    in_order(&text, &["Day 1", "09:00", "Opening session", "Day 2", "Day 3"]);
    assert!(text.contains("Phuchphop Mongkolnavin"));
    render_page(&pdf, "programme-bangkok-docx-in-libreoffice", 1);

    let pdf = docx_as_libreoffice_prints_it(&export::programme(&plan, mieux, ProgrammeFormat::Docx, &options).unwrap());
    in_order(&flat(&pdf_text(&pdf)), &["MIEUX", "Day 1", "Day 2"]);
}

#[test]
fn the_programme_html_is_one_self_contained_escaped_page() {
    let mut plan = store();
    let event = bangkok_dialogue(&mut plan);
    let thailand = country(&mut plan, event.id, "TH", None);
    let speaker = register(
        &mut plan,
        event.id,
        thailand.id,
        ("<b>Evil</b>", "O'Brien & Co", Gender::Male),
        ParticipantRole::Speaker,
        ParticipantStatus::Confirmed,
    );
    let day = day(&plan, event.id, "2022-09-21");
    panel(&mut plan, day.id, ("10:00", "11:00"), "Panel <script>alert(1)</script>", &[speaker.participant.id]);
    let html = String::from_utf8(
        export::programme(&plan, event.id, ProgrammeFormat::Html, &ProgrammeOptions::default()).unwrap(),
    )
    .unwrap();
    assert!(html.starts_with("<!DOCTYPE html>"));
    assert!(html.contains("Panel &lt;script&gt;alert(1)&lt;/script&gt;"));
    assert!(html.contains("&lt;b&gt;Evil&lt;/b&gt; O&#39;Brien &amp; Co"));
    assert!(!html.contains("<script"));
    assert!(!html.contains("<link") && !html.contains("src="), "no external resources");
    assert!(html.contains("<style>"));
    // Printed from a browser: A4, and no session row or heading split from what follows.
    assert!(html.contains("@page{size:A4") && html.contains("tr,li,footer{break-inside:avoid}"));
    assert!(html.contains("h2,.theme{break-after:avoid}"));
}

/// Whether `name` comes back out of the PDF's text. Typst writes a cluster
/// of several glyphs (Khmer subscripts, a Thai vowel over its consonant) with
/// an /ActualText that Chrome and Acrobat use but poppler does not: pdftotext
/// then repeats the cluster ("ใจดีดี"). The name is accepted when its letters
/// come back in order on one line; the rendered page is checked by eye.
fn extracted(text: &str, name: &str) -> bool {
    if text.contains(name) {
        return true;
    }
    let wanted: Vec<char> = name.chars().filter(|c| !c.is_whitespace()).collect();
    text.lines().any(|line| {
        let mut letters = wanted.iter().peekable();
        for c in line.chars() {
            if letters.peek() == Some(&&c) {
                letters.next();
            }
        }
        letters.peek().is_none()
    })
}

/// Names in the scripts our users' delegations write.
const NAMES: &[(&str, &str, &str)] = &[
    ("TH", "สมชาย", "ใจดี"),
    ("KH", "សុខ", "ចាន់ធី"),
    ("LA", "ບຸນມີ", "ສີສະຫວາດ"),
    ("MM", "အောင်", "ကျော်မင်း"),
    ("VN", "Nguyễn Thị", "Hương"),
    ("KG", "Айгүл", "Сыдыкова"),
    ("JO", "محمد", "الخطيب"),
];

#[test]
fn names_in_every_script_come_out_of_the_participants_pdf_badges_and_name_plates() {
    let mut plan = store();
    let event = bangkok_dialogue(&mut plan);
    for (code, given, family) in NAMES {
        let d = country(&mut plan, event.id, code, None);
        plan.register_participant(
            event.id,
            &PersonInput {
                honorific: "Dr".into(),
                position: "Director-General".into(),
                ..person(given, family, Gender::Undisclosed)
            },
            &member_of(d.id, ParticipantRole::Head, ParticipantStatus::Confirmed),
        )
        .unwrap();
    }
    let pdf =
        export::participants(&plan, event.id, ParticipantsFormat::Pdf, &ParticipantListOptions::default()).unwrap();
    render_page(&pdf, "participants-scripts", 1);
    let text = pdf_text(&pdf);
    for (_, given, family) in NAMES.iter().filter(|(c, ..)| *c != "JO") {
        assert!(extracted(&text, given), "{given} missing from:\n{text}");
        assert!(extracted(&text, family), "{family} missing from:\n{text}");
    }
    // Arabic is shaped into contextual forms; pdftotext gives the letters back, in visual or logical order.
    let arabic_letters = |s: &str| s.chars().filter(|c| ('\u{0600}'..='\u{06FF}').contains(c)).count();
    assert!(arabic_letters(&text) >= "محمدالخطيب".chars().count(), "Arabic missing from:\n{text}");
    // Protocol order by English short name: Cambodia, Jordan, Kyrgyzstan, Lao…, Myanmar, Thailand, Viet Nam.
    in_order(body(&text), &["Cambodia", "Jordan", "Kyrgyzstan", "Lao People", "Myanmar", "Thailand", "Viet Nam"]);

    let badges = export::badges(&plan, event.id).unwrap();
    let badge_text = pdf_text(&badges);
    assert!(
        extracted(&badge_text, "ใจดี") && badge_text.contains("Сыдыкова") && badge_text.contains("HEAD OF DELEGATION")
    );
    assert_eq!(pdf_info(&badges).0, 1, "seven badges fit one A4 sheet");
    render_page(&badges, "badges-scripts", 1);

    let plates = export::name_plates(&plan, event.id).unwrap();
    assert_eq!(pdf_info(&plates).0, NAMES.len() as u32, "one name plate per page");
    assert!(pdf_text(&plates).contains("Hương"));
    render_page(&plates, "name-plate", 1);
}

#[test]
fn both_seed_events_export_in_every_format() {
    let mut plan = store();
    for title in ["Migrant Protection", "Round-table: Asia"] {
        let event = example(&mut plan, title);
        for format in [ProgrammeFormat::Pdf, ProgrammeFormat::Docx, ProgrammeFormat::Ics, ProgrammeFormat::Html] {
            let bytes = export::programme(&plan, event, format, &ProgrammeOptions::default()).unwrap();
            assert!(bytes.len() > 500, "{title} {format:?}");
        }
        for format in [ParticipantsFormat::Pdf, ParticipantsFormat::Xlsx, ParticipantsFormat::Csv] {
            let bytes = export::participants(&plan, event, format, &ParticipantListOptions::default()).unwrap();
            assert!(bytes.len() > 200, "{title} {format:?}");
        }
        let list = pdf_text(
            &export::participants(&plan, event, ParticipantsFormat::Pdf, &ParticipantListOptions::default()).unwrap(),
        );
        if title == "Round-table: Asia" {
            in_order(
                body(&list),
                &["Cambodia", "Kyrgyzstan", "Lao People", "Myanmar", "Philippines", "Thailand", "Timor-Leste"],
            );
            let programme =
                export::programme(&plan, event, ProgrammeFormat::Pdf, &ProgrammeOptions::default()).unwrap();
            render_page(&programme, "programme-mieux", 1);
            render_page(
                &export::participants(&plan, event, ParticipantsFormat::Pdf, &ParticipantListOptions::default())
                    .unwrap(),
                "participants-mieux",
                1,
            );
        } else {
            in_order(body(&list), &["Indonesia", "Malaysia", "Thailand"]);
        }
        assert!(pdf_text(&export::badges(&plan, event).unwrap()).len() > 100);
        assert!(pdf_text(&export::name_plates(&plan, event).unwrap()).len() > 100);
    }
}

#[test]
fn an_export_is_written_whole_or_not_at_all() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("programme.ics");
    export::write_file(&path, b"BEGIN:VCALENDAR").unwrap();
    assert_eq!(std::fs::read(&path).unwrap(), b"BEGIN:VCALENDAR");
    assert!(export::write_file(&dir.path().join("missing/folder/x.pdf"), b"x").is_err());
    assert_eq!(std::fs::read_dir(dir.path()).unwrap().count(), 1, "no temporary file left behind");
}
