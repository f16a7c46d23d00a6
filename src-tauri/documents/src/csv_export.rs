//! The list of participants as CSV for hotels, transport and mail merges
//! (with the logistics columns when asked).
//!
//! UTF-8 with a byte-order mark, because Excel otherwise reads UTF-8 as the
//! local code page and mangles every name outside Latin-1. A cell that starts
//! with `=`, `+`, `-`, `@`, a tab or a carriage return would be run as a
//! formula by spreadsheet programs (CSV injection); such cells get a leading
//! apostrophe, which the programs show as text. A phone number ("+66 2 123
//! 4567", "-" as a placeholder, "(02) 123-4567") calls nothing, and an
//! apostrophe in front of it is what Calc then shows: a cell made only of
//! digits, spaces, `+`, `-`, `(`, `)` and `.` is left as it is.

use crate::error::{Error, Result};
use crate::participants::ParticipantList;

/// The header row, in column order.
pub fn header(list: &ParticipantList) -> Vec<&'static str> {
    let mut header =
        vec!["No.", "Delegation", "Honorific", "Given name", "Family name", "Position", "Organisation", "Role"];
    if list.contacts {
        header.extend(["E-mail", "Phone"]);
    }
    if list.logistics {
        header.extend([
            "Status",
            "Arrival",
            "Departure",
            "Nights",
            "Accommodation",
            "Dietary needs",
            "Accessibility needs",
            "Visa letter",
            "Travel paid by",
        ]);
    }
    header
}

/// A cell neutralised against formula injection.
pub fn neutralise(cell: &str) -> String {
    let number_like = cell.chars().all(|c| c.is_ascii_digit() || matches!(c, ' ' | '+' | '-' | '(' | ')' | '.'));
    match cell.chars().next() {
        Some('=' | '+' | '-' | '@' | '\t' | '\r') if !number_like => format!("'{cell}"),
        _ => cell.to_owned(),
    }
}

/// Every row below the header, in list order, as plain text cells.
pub fn rows(list: &ParticipantList) -> Vec<Vec<String>> {
    list.rows()
        .enumerate()
        .map(|(i, (d, p))| {
            let mut row = vec![
                (i + 1).to_string(),
                d.name.clone(),
                p.honorific.clone(),
                p.given_name.clone(),
                p.family_name.clone(),
                p.position.clone(),
                p.organisation.clone(),
                p.role.clone(),
            ];
            if list.contacts {
                row.push(p.email.clone().unwrap_or_default());
                row.push(p.phone.clone().unwrap_or_default());
            }
            if let Some(l) = &p.logistics {
                row.extend([
                    l.status.clone(),
                    l.arrival.clone(),
                    l.departure.clone(),
                    l.nights.map(|n| n.to_string()).unwrap_or_default(),
                    l.accommodation.clone(),
                    l.dietary_needs.clone(),
                    l.accessibility_needs.clone(),
                    if l.visa_letter { "Yes" } else { "" }.to_owned(),
                    l.travel_paid_by.clone(),
                ]);
            }
            row
        })
        .collect()
}

/// The list of participants as CSV bytes.
pub fn participants(list: &ParticipantList) -> Result<Vec<u8>> {
    let mut out = b"\xEF\xBB\xBF".to_vec();
    {
        let mut writer = csv::WriterBuilder::new().terminator(csv::Terminator::CRLF).from_writer(&mut out);
        writer.write_record(header(list)).map_err(|e| Error::write("CSV", e))?;
        for row in rows(list) {
            writer.write_record(row.iter().map(|c| neutralise(c))).map_err(|e| Error::write("CSV", e))?;
        }
        writer.flush()?;
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn formula_starts_are_neutralised() {
        assert_eq!(neutralise("=HYPERLINK(\"x\")"), "'=HYPERLINK(\"x\")");
        assert_eq!(neutralise("+1+cmd|' /C calc'!A0"), "'+1+cmd|' /C calc'!A0");
        assert_eq!(neutralise("-2+3+cmd|' /C calc'!A0"), "'-2+3+cmd|' /C calc'!A0");
        assert_eq!(neutralise("+A1"), "'+A1");
        assert_eq!(neutralise("=1+1"), "'=1+1");
        assert_eq!(neutralise("@SUM(A1)"), "'@SUM(A1)");
        assert_eq!(neutralise("\tx"), "'\tx");
        assert_eq!(neutralise("Ms"), "Ms");
        assert_eq!(neutralise(""), "");
    }

    #[test]
    fn phone_numbers_are_left_as_they_are() {
        for phone in ["+66 2 123 4567", "-", "+1 (212) 963-1234", "-1", "+41.22.917.1234", "02 123 4567"] {
            assert_eq!(neutralise(phone), phone);
        }
    }
}
