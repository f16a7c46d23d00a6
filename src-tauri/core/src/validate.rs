//! Rules shared by every input: trimmed required text with a length limit,
//! e-mail addresses, ISO codes and IANA time zones.
//!
//! Text is cleaned at this boundary, whatever sent it (the window, the CLI, an
//! imported file): control characters (NUL, ESC and the rest) are removed, so
//! no stored name can carry a terminal escape sequence into `roundtable`'s
//! output or break a document's format; line breaks become `\n` in free text
//! and a space in a single line, so no lone CR reaches a calendar file.
//!
//! Each check names the field it concerns so the UI can show the message next
//! to it.

use crate::countries;
use crate::error::{Error, Result};
use crate::field::Field;

/// Longest single-line text (titles, names, rooms).
pub const LINE_MAX: usize = 300;
/// Longest free text (objectives, descriptions, outcomes).
pub const TEXT_MAX: usize = 20_000;

/// `value` trimmed; an error when it is empty or longer than `max` characters.
pub fn required(field: Field, label: &str, value: &str, max: usize) -> Result<String> {
    let value = limited(field, label, value, max)?;
    if value.is_empty() {
        return Err(Error::invalid(field, format!("{label} is required")));
    }
    Ok(value)
}

/// `value` cleaned and trimmed (may be empty); an error when longer than `max`
/// characters. A limit above [`LINE_MAX`] is free text, which keeps its line breaks.
pub fn limited(field: Field, label: &str, value: &str, max: usize) -> Result<String> {
    let cleaned = without_controls(value, max > LINE_MAX);
    let value = cleaned.trim();
    let length = value.chars().count();
    if length > max {
        return Err(Error::invalid(field, format!("{label} is too long ({length} characters; at most {max})")));
    }
    Ok(value.to_owned())
}

/// `text` without control characters; CRLF, CR and LF as one `\n` when `lines`
/// is true, else as a space; tabs kept in free text, a space in a line.
pub fn without_controls(text: &str, lines: bool) -> String {
    let mut out = String::with_capacity(text.len());
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '\r' | '\n' => {
                if c == '\r' {
                    chars.next_if_eq(&'\n');
                }
                out.push(if lines { '\n' } else { ' ' });
            }
            '\t' => out.push(if lines { '\t' } else { ' ' }),
            c if c.is_control() => {}
            c => out.push(c),
        }
    }
    out
}

/// An optional single line: `None` when absent or blank.
pub fn optional_line(field: Field, label: &str, value: Option<&str>) -> Result<Option<String>> {
    match value.map(str::trim).filter(|v| !v.is_empty()) {
        None => Ok(None),
        Some(v) => limited(field, label, v, LINE_MAX).map(Some),
    }
}

/// An optional e-mail address, checked for the shape name@domain.tld.
pub fn email(field: Field, value: Option<&str>) -> Result<Option<String>> {
    let Some(value) = optional_line(field, "E-mail", value)? else {
        return Ok(None);
    };
    let well_formed = value.split_once('@').is_some_and(|(local, domain)| {
        !local.is_empty()
            && domain.contains('.')
            && !domain.starts_with('.')
            && !domain.ends_with('.')
            && !domain.contains('@')
    }) && !value.chars().any(char::is_whitespace);
    if !well_formed {
        return Err(Error::invalid(field, format!("'{value}' is not an e-mail address")));
    }
    Ok(Some(value))
}

/// An ISO 3166-1 code (alpha-2 or alpha-3, any case), returned as alpha-2.
pub fn country(field: Field, value: &str) -> Result<String> {
    let value = value.trim();
    if value.is_empty() {
        return Err(Error::invalid(field, "Country is required"));
    }
    countries::by_code(value)
        .map(|c| c.alpha2.to_owned())
        .ok_or_else(|| Error::invalid(field, format!("'{value}' is not an ISO 3166-1 country code")))
}

/// An optional country code.
pub fn optional_country(field: Field, value: Option<&str>) -> Result<Option<String>> {
    match value.map(str::trim).filter(|v| !v.is_empty()) {
        None => Ok(None),
        Some(v) => country(field, v).map(Some),
    }
}

/// An IANA time zone name such as `Asia/Bangkok`.
pub fn time_zone(field: Field, value: &str) -> Result<String> {
    let value = value.trim();
    value.parse::<chrono_tz::Tz>().map(|tz| tz.name().to_owned()).map_err(|_| {
        Error::invalid(
            field,
            format!("'{value}' is not an IANA time zone (for example Asia/Bangkok or America/Mexico_City)"),
        )
    })
}

/// An optional ISO 4217 currency code: three letters, returned upper case.
pub fn currency(field: Field, value: Option<&str>) -> Result<Option<String>> {
    match value.map(str::trim).filter(|v| !v.is_empty()) {
        None => Ok(None),
        Some(v) if v.len() == 3 && v.chars().all(|c| c.is_ascii_alphabetic()) => Ok(Some(v.to_ascii_uppercase())),
        Some(v) => Err(Error::invalid(field, format!("'{v}' is not a three-letter currency code such as USD or EUR"))),
    }
}

/// Trimmed, non-empty, de-duplicated list items of at most `LINE_MAX` characters.
pub fn list(field: Field, label: &str, items: &[String]) -> Result<Vec<String>> {
    let mut out: Vec<String> = Vec::with_capacity(items.len());
    for item in items {
        let item = limited(field, label, item, LINE_MAX)?;
        if !item.is_empty() && !out.iter().any(|o| o.eq_ignore_ascii_case(&item)) {
            out.push(item);
        }
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn required_text_is_trimmed_and_bounded() {
        assert_eq!(required(Field::Title, "Title", "  Dialogue ", 10).unwrap(), "Dialogue");
        let empty = required(Field::Title, "Title", "   ", 10).unwrap_err();
        assert_eq!(empty.field(), Some(Field::Title));
        assert_eq!(empty.to_string(), "Title is required");
        assert!(
            required(Field::Title, "Title", "x".repeat(11).as_str(), 10).unwrap_err().to_string().contains("too long")
        );
    }

    #[test]
    fn emails_need_a_local_part_and_a_dotted_domain() {
        assert_eq!(email(Field::Email, Some(" iviriri@iom.int ")).unwrap().as_deref(), Some("iviriri@iom.int"));
        assert_eq!(email(Field::Email, Some("")).unwrap(), None);
        for bad in ["iom.int", "@iom.int", "a@iom", "a b@iom.int", "a@.int"] {
            assert!(email(Field::Email, Some(bad)).is_err(), "{bad} accepted");
        }
    }

    #[test]
    fn codes_and_time_zones_are_checked() {
        assert_eq!(country(Field::HostCountry, "tha").unwrap(), "TH");
        assert!(country(Field::HostCountry, "Thailandia").is_err());
        assert_eq!(time_zone(Field::TimeZone, "Asia/Bangkok").unwrap(), "Asia/Bangkok");
        assert!(time_zone(Field::TimeZone, "Bangkok").is_err());
        assert_eq!(currency(Field::Currency, Some("usd")).unwrap().as_deref(), Some("USD"));
        assert!(currency(Field::Currency, Some("US$")).is_err());
    }

    #[test]
    fn lists_drop_blanks_and_case_insensitive_duplicates() {
        let items = vec!["English".into(), " ".into(), "english".into(), "Thai".into()];
        assert_eq!(list(Field::Languages, "Language", &items).unwrap(), vec!["English", "Thai"]);
    }

    #[test]
    fn control_characters_never_reach_the_plan() {
        let line = limited(Field::Title, "Title", "Opening\r\nEND:VCALENDAR\rBEGIN\u{1b}[31m\0 red\u{7f}", LINE_MAX);
        assert_eq!(line.unwrap(), "Opening END:VCALENDAR BEGIN[31m red");
        let text = limited(Field::Description, "Description", " One\r\ntwo\rthree\n\tfour\u{0}\u{1b} ", TEXT_MAX);
        assert_eq!(text.unwrap(), "One\ntwo\nthree\n\tfour");
        assert_eq!(
            required(Field::Title, "Title", "\u{0}\u{1b}\r\n", LINE_MAX).unwrap_err().field(),
            Some(Field::Title)
        );
        assert_eq!(limited(Field::Title, "Title", "Nguyễn – Ελένη · วงศ์", LINE_MAX).unwrap(), "Nguyễn – Ελένη · วงศ์");
    }
}
