//! Workbooks taken apart and put back together, so a test can write exactly
//! the XML a hostile or damaged file holds inside a zip Excel would open.
#![allow(dead_code)] // each test file uses its own share of the helpers

use std::io::{Cursor, Read, Write};
use zip::CompressionMethod;
use zip::write::SimpleFileOptions;

/// A small real workbook: a header and three participants, with text,
/// numbers, a date and a boolean, as rust_xlsxwriter (like Excel) writes it.
pub fn seed_workbook() -> Vec<u8> {
    let mut workbook = rust_xlsxwriter::Workbook::new();
    let sheet = workbook.add_worksheet().set_name("Participants").unwrap();
    let header = ["Given name", "Family name", "Country", "E-mail", "Arrival", "Visa"];
    for (column, text) in header.iter().enumerate() {
        sheet.write_string(0, column as u16, *text).unwrap();
    }
    let people =
        [("Maria", "Santos", "Philippines"), ("Sok", "Chan", "Cambodia"), ("Aigerim", "Sydykova", "Kyrgyzstan")];
    for (row, (given, family, country)) in people.iter().enumerate() {
        let row = row as u32 + 1;
        sheet.write_string(row, 0, *given).unwrap();
        sheet.write_string(row, 1, *family).unwrap();
        sheet.write_string(row, 2, *country).unwrap();
        sheet.write_string(row, 3, format!("{given}@example.org")).unwrap();
        sheet.write_number(row, 4, 46286.5 + f64::from(row)).unwrap();
        sheet.write_boolean(row, 5, row.is_multiple_of(2)).unwrap();
    }
    workbook.save_to_buffer().unwrap()
}

/// The parts of a zip, in order, unpacked.
pub fn parts_of(zip: &[u8]) -> Vec<(String, Vec<u8>)> {
    let mut archive = zip::ZipArchive::new(Cursor::new(zip)).unwrap();
    (0..archive.len())
        .map(|i| {
            let mut part = archive.by_index(i).unwrap();
            let mut bytes = Vec::new();
            part.read_to_end(&mut bytes).unwrap();
            (part.name().unwrap().into_owned(), bytes)
        })
        .collect()
}

/// A zip of these parts; `deflated` packs them as Excel does (and as a zip bomb is).
pub fn zip_of(parts: &[(String, Vec<u8>)], deflated: bool) -> Vec<u8> {
    let method = if deflated { CompressionMethod::Deflated } else { CompressionMethod::Stored };
    let options = SimpleFileOptions::default().compression_method(method).large_file(true);
    let mut zip = zip::ZipWriter::new(Cursor::new(Vec::new()));
    for (name, bytes) in parts {
        zip.start_file(name.as_str(), options).unwrap();
        zip.write_all(bytes).unwrap();
    }
    zip.finish().unwrap().into_inner()
}

/// The seed workbook with one part replaced (or added).
pub fn with_part(name: &str, bytes: Vec<u8>) -> Vec<u8> {
    let mut parts = parts_of(&seed_workbook());
    match parts.iter_mut().find(|(n, _)| n == name) {
        Some(part) => part.1 = bytes,
        None => parts.push((name.to_owned(), bytes)),
    }
    zip_of(&parts, true)
}

/// A worksheet part holding these cells (`r`, inline text) after a header row.
pub fn sheet_xml(dimension: &str, cells: &[(&str, &str)]) -> Vec<u8> {
    let mut xml = format!(
        r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><dimension ref="{dimension}"/><sheetData>
<row r="1"><c r="A1" t="inlineStr"><is><t>Family name</t></is></c><c r="B1" t="inlineStr"><is><t>Country</t></is></c></row>
<row r="2"><c r="A2" t="inlineStr"><is><t>Sok</t></is></c><c r="B2" t="inlineStr"><is><t>KH</t></is></c></row>
"#
    );
    for (reference, text) in cells {
        let row: String = reference.chars().skip_while(|c| c.is_ascii_alphabetic()).collect();
        xml.push_str(&format!(r#"<row r="{row}"><c r="{reference}" t="inlineStr"><is><t>{text}</t></is></c></row>"#));
    }
    xml.push_str("</sheetData></worksheet>");
    xml.into_bytes()
}

/// Starts this process's peak resident memory afresh (Linux: writing 5 to clear_refs).
pub fn reset_peak_rss() {
    std::fs::write("/proc/self/clear_refs", "5").unwrap();
}

/// This process's peak resident memory since the last reset, in MB (Linux's VmHWM).
pub fn peak_rss_mb() -> u64 {
    let status = std::fs::read_to_string("/proc/self/status").unwrap();
    let line = status.lines().find(|l| l.starts_with("VmHWM:")).unwrap();
    line.split_whitespace().nth(1).unwrap().parse::<u64>().unwrap() / 1024
}
