//! Files that once killed the window, kept as regression cases: each is
//! refused with a message an organiser can act on, and all of them together
//! is read in bounded memory (the process's peak from just before the read
//! stays under 300 MB; the files ask for up to terabytes).
//!
//! The files are built here rather than kept as binaries, so that each one
//! says what it holds: a cell at XFD1048576, a row reference past u32, a
//! shared string of 200 MB packed into a few hundred KB, a count of shared
//! strings in the billions, a sheet that unpacks past its limit, a header of
//! a million columns.

mod support;

use roundtable_documents::import::{MAX_COLUMNS, read_bytes};
use std::io::{Cursor, Write};
use support::*;
use zip::write::SimpleFileOptions;

const SHEET: &str = "xl/worksheets/sheet1.xml";

/// The reader's message for a file it must refuse, checked to be read in
/// bounded memory: the peak is measured from just before the read.
fn refusal(bytes: &[u8]) -> String {
    reset_peak_rss();
    let read = read_bytes(bytes, None);
    let peak = peak_rss_mb();
    assert!(peak < 300, "peak resident memory {peak} MB while reading");
    match read {
        Ok(table) => panic!("read as {} rows: {:?}", table.rows.len(), table.headers),
        Err(e) => e.to_string(),
    }
}

/// A workbook whose part `name` is `repeat` copies of `unit` between `head`
/// and `tail`, packed without ever holding the whole part in memory.
fn packed(name: &str, head: &str, unit: &str, repeat: usize, tail: &str) -> Vec<u8> {
    let options = SimpleFileOptions::default().compression_method(zip::CompressionMethod::Deflated).large_file(true);
    let mut zip = zip::ZipWriter::new(Cursor::new(Vec::new()));
    for (part, bytes) in parts_of(&seed_workbook()) {
        if part != name {
            zip.start_file(part.as_str(), options).unwrap();
            zip.write_all(&bytes).unwrap();
        }
    }
    zip.start_file(name, options).unwrap();
    zip.write_all(head.as_bytes()).unwrap();
    let chunk = unit.repeat(1024);
    for _ in 0..repeat / 1024 {
        zip.write_all(chunk.as_bytes()).unwrap();
    }
    zip.write_all(tail.as_bytes()).unwrap();
    zip.finish().unwrap().into_inner()
}

#[test]
fn every_hostile_file_is_refused_with_a_message_in_bounded_memory() {
    // One cell at the sheet's last column and row: calamine's whole-sheet read
    // asked for 549,755,813,888 bytes.
    let far = with_part(SHEET, sheet_xml("A1:XFD1048576", &[("XFD1048576", "x")]));
    assert!(far.len() < 10_000);
    let message = refusal(&far);
    assert!(
        message.contains("column 16384") && message.contains(&format!("at most {MAX_COLUMNS} columns")),
        "{message}"
    );

    // A row reference past u32: an overflow panic in debug, a 350 GB box in release.
    let message = refusal(&with_part(SHEET, sheet_xml("A1:B2", &[("A99999999999", "x")])));
    assert!(message.contains("beyond the last row a workbook can have"), "{message}");

    // One shared string of 200 MB, packed small.
    let shared = packed(
        "xl/sharedStrings.xml",
        r#"<?xml version="1.0" encoding="UTF-8"?><sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="1" uniqueCount="1"><si><t>"#,
        "a",
        200 * 1024 * 1024,
        "</t></si></sst>",
    );
    assert!(shared.len() < 2 * 1024 * 1024, "{} bytes", shared.len());
    let message = refusal(&shared);
    assert!(message.contains("sharedStrings.xml unpacks to more than 32 MB"), "{message}");

    // Shared strings that claim 343 billion entries: calamine reserved room for
    // them first (found by the mutation fuzzer, a 343 GB allocation abort).
    let claimed = with_part(
        "xl/sharedStrings.xml",
        br#"<?xml version="1.0" encoding="UTF-8"?><sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="1" uniqueCount="343079215104"><si><t>Sok</t></si></sst>"#.to_vec(),
    );
    let message = refusal(&claimed);
    assert!(message.contains("claims 343079215104 different texts"), "{message}");

    // A sheet of 110 MB of rows.
    let rows = packed(
        SHEET,
        r#"<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>"#,
        "<row/>",
        110 * 1024 * 1024 / 6,
        "</sheetData></worksheet>",
    );
    let message = refusal(&rows);
    assert!(message.contains("unpacks to more than 100 MB"), "{message}");

    // A 1 MB CSV whose header has a million empty columns reads as its two columns…
    let mut csv = String::from("Family name,Country");
    csv.push_str(&",".repeat(1_000_000));
    csv.push_str("\nSok,KH\n");
    reset_peak_rss();
    assert_eq!(read_bytes(csv.as_bytes(), None).unwrap().headers, ["Family name", "Country"]);
    assert!(peak_rss_mb() < 300);
    // …and a header of a million named columns is refused.
    let mut wide = String::from("Family name,Country");
    wide.push_str(&",x".repeat(1_000_000));
    wide.push_str("\nSok,KH\n");
    assert!(refusal(wide.as_bytes()).contains("at most 256 columns"));

    // Formats whose readers build the whole sheet on opening are refused with the way out.
    let ods = zip_of(
        &[
            ("mimetype".into(), b"application/vnd.oasis.opendocument.spreadsheet".to_vec()),
            ("content.xml".into(), b"<office:document-content/>".to_vec()),
        ],
        false,
    );
    assert!(refusal(&ods).contains("OpenDocument"));
    assert!(refusal(&[0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1, 0, 0, 0, 0]).contains("Excel 97"));
}

#[test]
fn an_empty_formatted_cell_far_down_does_not_stop_the_list() {
    let xml = String::from_utf8(sheet_xml("A1:XFD1048576", &[]))
        .unwrap()
        .replace("</sheetData>", r#"<row r="1048576"><c r="XFD1048576" s="0"/></row></sheetData>"#);
    let table = read_bytes(&with_part(SHEET, xml.into_bytes()), None).unwrap();
    assert_eq!(table.headers, ["Family name", "Country"]);
    assert_eq!(table.rows, [(2, vec!["Sok".to_owned(), "KH".to_owned()])]);
}

#[test]
fn a_real_workbook_reads_with_its_lines_dates_and_booleans() {
    let table = read_bytes(&seed_workbook(), None).unwrap();
    assert_eq!(table.sheets, ["Participants"]);
    assert_eq!(table.headers.len(), 6);
    assert_eq!(table.rows.iter().map(|(line, _)| *line).collect::<Vec<_>>(), [2, 3, 4]);
    assert_eq!(table.rows[0].1[..4], ["Maria", "Santos", "Philippines", "Maria@example.org"]);
    assert_eq!(table.rows[0].1[4], "46287.5");
    assert_eq!(table.rows[1].1[5], "yes");
}
