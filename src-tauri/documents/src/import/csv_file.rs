//! CSV participant lists as registration forms and colleagues write them:
//! comma, semicolon or tab; UTF-8 with or without BOM, UTF-16 with BOM,
//! Windows-1252 otherwise. Line numbers are the ones a text editor or a
//! spreadsheet shows, so a rejected row can be found in the file.

use super::Table;
use super::read::{Rows, finish};
use crate::error::{Error, Result};
use std::borrow::Cow;

/// The text of a CSV file and the name of its encoding; a UTF-8 file is not copied.
fn decode(bytes: &[u8]) -> Result<(Cow<'_, str>, &'static str)> {
    let (text, name) = if let Some(rest) = bytes.strip_prefix(b"\xEF\xBB\xBF") {
        (String::from_utf8_lossy(rest), "UTF-8 with BOM")
    } else if bytes.starts_with(&[0xFF, 0xFE]) {
        (encoding_rs::UTF_16LE.decode_with_bom_removal(bytes).0, "UTF-16 LE")
    } else if bytes.starts_with(&[0xFE, 0xFF]) {
        (encoding_rs::UTF_16BE.decode_with_bom_removal(bytes).0, "UTF-16 BE")
    } else if let Ok(text) = std::str::from_utf8(bytes) {
        (Cow::Borrowed(text), "UTF-8")
    } else {
        (encoding_rs::WINDOWS_1252.decode_without_bom_handling(bytes).0, "Windows-1252")
    };
    // Text files do not hold NULs or many control characters; binaries do.
    let suspicious = text.chars().take(8192).filter(|c| c.is_control() && !matches!(c, '\n' | '\r' | '\t')).count();
    if text.contains('\0') || suspicious > 8 {
        return Err(Error::Unreadable(
            "This file is not a CSV or spreadsheet participant list (it looks like a binary file)".into(),
        ));
    }
    Ok((text, name))
}

/// The delimiter used in the header line: the most frequent of `,`, `;`, tab outside quotes.
fn sniff_delimiter(text: &str) -> u8 {
    let header = text.lines().find(|l| !l.trim().is_empty()).unwrap_or("");
    let mut counts = [(b',', 0usize), (b';', 0), (b'\t', 0)];
    let mut quoted = false;
    for c in header.bytes() {
        if c == b'"' {
            quoted = !quoted;
        } else if !quoted {
            for (d, n) in counts.iter_mut() {
                if *d == c {
                    *n += 1;
                }
            }
        }
    }
    counts.iter().max_by_key(|(_, n)| *n).filter(|(_, n)| *n > 0).map_or(b',', |(d, _)| *d)
}

fn delimiter_name(d: u8) -> &'static str {
    match d {
        b';' => "semicolon-separated",
        b'\t' => "tab-separated",
        _ => "comma-separated",
    }
}

/// The 1-based line of byte offsets into a text, asked for in increasing order.
struct LineCounter<'a> {
    text: &'a [u8],
    counted_to: usize,
    line: u32,
}

impl<'a> LineCounter<'a> {
    fn new(text: &'a [u8]) -> Self {
        LineCounter { text, counted_to: 0, line: 1 }
    }

    /// The line of the record reported at `byte`: the csv crate reports a CRLF
    /// file's record at the `\n` ending the line before, so line ends are skipped.
    fn line_at(&mut self, byte: u64) -> u32 {
        let mut byte = usize::try_from(byte).unwrap_or(usize::MAX).min(self.text.len());
        while self.text.get(byte).is_some_and(|b| *b == b'\n' || *b == b'\r') {
            byte += 1;
        }
        if byte > self.counted_to {
            let newlines = self.text[self.counted_to..byte].iter().filter(|b| **b == b'\n').count();
            self.line += u32::try_from(newlines).unwrap_or(u32::MAX);
            self.counted_to = byte;
        }
        self.line
    }
}

pub(super) fn read_csv(bytes: &[u8]) -> Result<Table> {
    let (text, encoding) = decode(bytes)?;
    let delimiter = sniff_delimiter(&text);
    let mut reader =
        csv::ReaderBuilder::new().has_headers(false).flexible(true).delimiter(delimiter).from_reader(text.as_bytes());
    let mut rows = Rows::default();
    // Line numbers as a text editor or spreadsheet shows them, counted from the
    // records' byte offsets: the csv crate's own line count goes wrong on CRLF.
    let mut lines = LineCounter::new(text.as_bytes());
    let mut record = csv::StringRecord::new();
    loop {
        match reader.read_record(&mut record) {
            Ok(true) => {}
            Ok(false) => break,
            Err(e) => {
                let line = e.position().map_or(0, |p| LineCounter::new(text.as_bytes()).line_at(p.byte()));
                return Err(Error::Unreadable(format!("The CSV file cannot be read at line {line}: {e}")));
            }
        }
        let line = record.position().map_or(0, |p| lines.line_at(p.byte()));
        rows.push(line, record.iter())?;
    }
    // Quotes come in pairs ("" inside a quoted cell is a pair too); an odd count
    // means a cell was opened and never closed, and swallowed the rest of the file.
    if text.bytes().filter(|b| *b == b'"').count() % 2 == 1 {
        let line = rows.last_line().unwrap_or(1);
        return Err(Error::Unreadable(format!(
            "Line {line} opens a quoted cell (\") that is never closed; the file is malformed"
        )));
    }
    finish(format!("CSV ({}, {encoding})", delimiter_name(delimiter)), Vec::new(), rows)
}

#[cfg(test)]
mod tests {
    use super::super::read_bytes;
    use super::*;

    fn table(bytes: &[u8]) -> Table {
        read_bytes(bytes, None).unwrap()
    }

    #[test]
    fn rows_carry_the_line_a_spreadsheet_shows_whatever_the_line_endings() {
        let lines = |bytes: &[u8]| table(bytes).rows.iter().map(|(line, _)| *line).collect::<Vec<_>>();
        assert_eq!(lines(b"Surname;Country\nSok;KH\nDupre;KH\n"), [2, 3]);
        assert_eq!(lines(b"Surname;Country\r\nSok;KH\r\nDupre;KH\r\n"), [2, 3]);
        assert_eq!(lines(b"Surname;Country\nSok;KH\r\nDupre;KH\r\n"), [2, 3]);
        // A quoted cell over two lines: the next row starts two lines further.
        assert_eq!(lines(b"Surname,Country,Notes\r\nSok,KH,\"arrives\r\nlate\"\r\nDupre,KH,\r\n"), [2, 4]);
    }

    #[test]
    fn delimiters_and_encodings_are_detected() {
        let comma = table(b"Family name,Country\nSok,Cambodia\n");
        assert!(comma.format.contains("comma"), "{}", comma.format);
        let semi = table("Nom;Family name;Country\nx;Nguyễn;Viet Nam\n".as_bytes());
        assert!(semi.format.contains("semicolon"));
        assert_eq!(semi.rows[0].1[1], "Nguyễn");
        let tab = table(b"Family name\tCountry\nSok\tCambodia\n");
        assert!(tab.format.contains("tab"));
        let bom = table(b"\xEF\xBB\xBFFamily name,Country\nSok,KH\n");
        assert_eq!(bom.headers[0], "Family name");
        assert!(bom.format.contains("BOM"));
        let mut utf16 = vec![0xFF, 0xFE];
        for u in "Family name,Country\r\nСыдыков,Kyrgyzstan\r\n".encode_utf16() {
            utf16.extend(u.to_le_bytes());
        }
        let t = table(&utf16);
        assert_eq!(t.rows[0].1[0], "Сыдыков");
        let mut utf16be = vec![0xFE, 0xFF];
        for u in "Family name,Country\nกมล,Thailand\n".encode_utf16() {
            utf16be.extend(u.to_be_bytes());
        }
        assert_eq!(table(&utf16be).rows[0].1[0], "กมล");
        // "Müller" in Windows-1252.
        let cp = table(b"Family name,Country\nM\xFCller,Germany\n");
        assert_eq!(cp.rows[0].1[0], "Müller");
        assert!(cp.format.contains("1252"));
    }
}
