//! Reading participant lists that registration forms and colleagues produce:
//! CSV (comma, semicolon or tab; UTF-8 with or without BOM, UTF-16 with BOM,
//! Windows-1252 otherwise) and spreadsheets (XLSX, XLS, ODS via calamine).
//!
//! The file becomes a header row and text cells ([`Table`]); the headers are
//! recognised ("Given name", "Surname", "E-mail", …, any case, accents and
//! punctuation ignored) into a [`ColumnMapping`] the user can correct; the
//! mapping turns the cells into the core's [`ImportRow`]s, which the core
//! checks and writes in one transaction (`roundtable_core::import`).
//!
//! Whatever the file, the outcome is rows or a readable error: a binary,
//! empty, header-only, ragged or oversized file is refused before anything
//! is looked up, and no input makes this code panic.

use crate::error::{Error, Result};
use roundtable_core::text::fold;
use roundtable_core::{ImportReport, ImportRow, Store};
use serde::{Deserialize, Serialize};
use specta::Type;
use std::path::Path;
use uuid::Uuid;

/// Largest file accepted.
pub const MAX_BYTES: usize = 50 * 1024 * 1024;
/// Most data rows accepted.
pub const MAX_ROWS: usize = 200_000;

/// A field of the import a column can feed.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, Type)]
#[serde(rename_all = "snake_case")]
pub enum ImportField {
    Honorific,
    GivenName,
    FamilyName,
    /// Honorific, given and family name in one cell ("Dr Maria Santos").
    FullName,
    Position,
    Organisation,
    Email,
    Phone,
    Gender,
    Country,
    Delegation,
    Role,
    Status,
    VisaLetterNeeded,
    DietaryNeeds,
    AccessibilityNeeds,
    Accommodation,
    Arrival,
    Departure,
    Notes,
}

impl ImportField {
    pub const ALL: &'static [ImportField] = &[
        ImportField::Honorific,
        ImportField::GivenName,
        ImportField::FamilyName,
        ImportField::FullName,
        ImportField::Position,
        ImportField::Organisation,
        ImportField::Email,
        ImportField::Phone,
        ImportField::Gender,
        ImportField::Country,
        ImportField::Delegation,
        ImportField::Role,
        ImportField::Status,
        ImportField::VisaLetterNeeded,
        ImportField::DietaryNeeds,
        ImportField::AccessibilityNeeds,
        ImportField::Accommodation,
        ImportField::Arrival,
        ImportField::Departure,
        ImportField::Notes,
    ];

    /// The English label shown in the mapping step.
    pub fn label(self) -> &'static str {
        match self {
            ImportField::Honorific => "Honorific",
            ImportField::GivenName => "Given name",
            ImportField::FamilyName => "Family name",
            ImportField::FullName => "Full name",
            ImportField::Position => "Position",
            ImportField::Organisation => "Organisation",
            ImportField::Email => "E-mail",
            ImportField::Phone => "Phone",
            ImportField::Gender => "Gender",
            ImportField::Country => "Country",
            ImportField::Delegation => "Delegation",
            ImportField::Role => "Role",
            ImportField::Status => "Status",
            ImportField::VisaLetterNeeded => "Visa letter needed",
            ImportField::DietaryNeeds => "Dietary needs",
            ImportField::AccessibilityNeeds => "Accessibility needs",
            ImportField::Accommodation => "Accommodation",
            ImportField::Arrival => "Arrival",
            ImportField::Departure => "Departure",
            ImportField::Notes => "Notes",
        }
    }

    /// Folded header texts that mean this field.
    fn synonyms(self) -> &'static [&'static str] {
        match self {
            ImportField::Honorific => {
                &["title", "honorific", "salutation", "prefix", "civility", "mr ms", "courtesy title"]
            }
            ImportField::GivenName => &["first name", "given name", "given names", "forename", "firstname", "first"],
            ImportField::FamilyName => &["surname", "family name", "last name", "lastname", "last"],
            ImportField::FullName => &["name", "full name", "participant", "participant name", "fullname"],
            ImportField::Position => {
                &["position", "job title", "function", "designation", "post", "job", "position title"]
            }
            ImportField::Organisation => &[
                "organisation",
                "organization",
                "ministry",
                "institution",
                "agency",
                "department",
                "employer",
                "ministry organisation",
                "ministry organization",
                "organisation ministry",
                "organization ministry",
                "ministry institution",
            ],
            ImportField::Email => &["email", "e mail", "email address", "e mail address", "mail"],
            ImportField::Phone => &["phone", "telephone", "tel", "mobile", "phone number", "mobile number", "whatsapp"],
            ImportField::Gender => &["gender", "sex"],
            ImportField::Country => &["country", "nationality", "country of origin", "member state", "state"],
            ImportField::Delegation => &["delegation", "group", "team"],
            ImportField::Role => &["role", "participant role", "role in delegation", "capacity"],
            ImportField::Status => &["status", "registration status", "participation status"],
            ImportField::VisaLetterNeeded => {
                &["visa", "visa letter", "visa letter needed", "visa required", "needs visa", "visa needed"]
            }
            ImportField::DietaryNeeds => {
                &["dietary", "dietary needs", "dietary requirements", "diet", "dietary restrictions", "food"]
            }
            ImportField::AccessibilityNeeds => &["accessibility", "accessibility needs", "special needs", "mobility"],
            ImportField::Accommodation => &["accommodation", "hotel", "lodging"],
            ImportField::Arrival => &["arrival", "arrival date", "arrival time", "arrival date and time", "arrives"],
            ImportField::Departure => {
                &["departure", "departure date", "departure time", "departure date and time", "departs"]
            }
            ImportField::Notes => &["notes", "note", "remarks", "comments", "comment"],
        }
    }
}

/// For each column of the file, the field it feeds (`None`: ignored).
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, Type)]
pub struct ColumnMapping {
    pub columns: Vec<Option<ImportField>>,
}

/// A file read as a table of text.
#[derive(Debug, Clone, PartialEq, Serialize, Type)]
pub struct Table {
    /// "CSV (semicolon-separated, UTF-8 with BOM)", "XLSX sheet 'Participants'".
    pub format: String,
    /// The sheets of a spreadsheet (empty for CSV).
    pub sheets: Vec<String>,
    pub headers: Vec<String>,
    /// Data rows with their line numbers in the file.
    pub rows: Vec<(u32, Vec<String>)>,
}

/// What the import would do, with what was read, for the preview screen.
#[derive(Debug, Clone, PartialEq, Serialize, Type)]
pub struct ImportPreview {
    pub format: String,
    pub sheets: Vec<String>,
    pub headers: Vec<String>,
    pub mapping: ColumnMapping,
    /// The first few data rows as read, for checking the mapping.
    pub sample: Vec<Vec<String>>,
    /// What in the mapping stops the rows from being checked at all (no
    /// family-name column…); the report is then empty until it is corrected.
    pub problem: Option<String>,
    pub report: ImportReport,
}

/// The field a header names, if any.
pub fn recognise(header: &str) -> Option<ImportField> {
    let folded = fold(header);
    let folded = folded.trim_end_matches(" optional").trim_end_matches(" if any");
    ImportField::ALL.iter().copied().find(|f| f.synonyms().contains(&folded))
}

/// The mapping guessed from the headers; a field is taken by its first column only.
pub fn guess_mapping(headers: &[String]) -> ColumnMapping {
    let mut taken = Vec::new();
    let columns = headers
        .iter()
        .map(|h| {
            let field = recognise(h).filter(|f| !taken.contains(f));
            if let Some(f) = field {
                taken.push(f);
            }
            field
        })
        .collect();
    ColumnMapping { columns }
}

/// What in the mapping stops every row from being read, in words for the mapping step.
fn mapping_problem(mapping: &ColumnMapping, headers: &[String]) -> Option<String> {
    if mapping.columns.len() != headers.len() {
        return Some(format!("The mapping has {} columns but the file has {}", mapping.columns.len(), headers.len()));
    }
    let has = |f: ImportField| mapping.columns.contains(&Some(f));
    if !has(ImportField::FamilyName) && !has(ImportField::FullName) {
        return Some("No column holds the family name (or the full name); choose one in the mapping".into());
    }
    if !has(ImportField::Country) && !has(ImportField::Delegation) {
        return Some("No column holds the country or the delegation; choose one in the mapping".into());
    }
    ImportField::ALL
        .iter()
        .find(|f| mapping.columns.iter().filter(|c| **c == Some(**f)).count() > 1)
        .map(|f| format!("Two columns are mapped to {}; keep one", f.label()))
}

const HONORIFICS: &[&str] = &[
    "h.e.",
    "he",
    "h.e",
    "mr",
    "mr.",
    "mrs",
    "mrs.",
    "ms",
    "ms.",
    "miss",
    "dr",
    "dr.",
    "prof",
    "prof.",
    "professor",
    "hon.",
    "hon",
    "sir",
    "dame",
    "amb.",
    "ambassador",
    "mx",
    "mx.",
];

/// "H.E. Mr Phuchphop Mongkolnavin" → ("H.E. Mr", "Phuchphop", "Mongkolnavin"); "Santos, Maria" → ("", "Maria", "Santos").
pub fn split_full_name(full: &str) -> (String, String, String) {
    let full = full.trim();
    if let Some((family, given)) = full.split_once(',') {
        return (String::new(), given.trim().to_owned(), family.trim().to_owned());
    }
    let words: Vec<&str> = full.split_whitespace().collect();
    let titles = words.iter().take_while(|w| HONORIFICS.contains(&w.to_lowercase().as_str())).count();
    let titles = titles.min(words.len().saturating_sub(1));
    let honorific = words[..titles].join(" ");
    let rest = &words[titles..];
    match rest {
        [] => (honorific, String::new(), String::new()),
        [only] => (honorific, String::new(), (*only).to_owned()),
        [given @ .., family] => (honorific, given.join(" "), (*family).to_owned()),
    }
}

/// The core's rows from the table and a mapping.
pub fn to_rows(table: &Table, mapping: &ColumnMapping) -> Result<Vec<ImportRow>> {
    if let Some(problem) = mapping_problem(mapping, &table.headers) {
        return Err(Error::Unreadable(problem));
    }
    Ok(table
        .rows
        .iter()
        .map(|(line, cells)| {
            let mut row = ImportRow { line: *line, ..ImportRow::default() };
            let mut full_name = String::new();
            for (field, cell) in mapping.columns.iter().zip(cells) {
                let cell = cell.trim().to_owned();
                let Some(field) = field else { continue };
                let slot = match field {
                    ImportField::Honorific => &mut row.honorific,
                    ImportField::GivenName => &mut row.given_name,
                    ImportField::FamilyName => &mut row.family_name,
                    ImportField::FullName => &mut full_name,
                    ImportField::Position => &mut row.position,
                    ImportField::Organisation => &mut row.organisation,
                    ImportField::Email => &mut row.email,
                    ImportField::Phone => &mut row.phone,
                    ImportField::Gender => &mut row.gender,
                    ImportField::Country => &mut row.country,
                    ImportField::Delegation => &mut row.delegation,
                    ImportField::Role => &mut row.role,
                    ImportField::Status => &mut row.status,
                    ImportField::VisaLetterNeeded => &mut row.visa_letter_needed,
                    ImportField::DietaryNeeds => &mut row.dietary_needs,
                    ImportField::AccessibilityNeeds => &mut row.accessibility_needs,
                    ImportField::Accommodation => &mut row.accommodation,
                    ImportField::Arrival => &mut row.arrival,
                    ImportField::Departure => &mut row.departure,
                    ImportField::Notes => &mut row.notes,
                };
                *slot = cell;
            }
            if row.family_name.is_empty() && !full_name.is_empty() {
                let (honorific, given, family) = split_full_name(&full_name);
                if row.honorific.is_empty() {
                    row.honorific = honorific;
                }
                if row.given_name.is_empty() {
                    row.given_name = given;
                }
                row.family_name = family;
            }
            row
        })
        .collect())
}

// ---------------------------------------------------------------- reading

fn looks_like_spreadsheet(bytes: &[u8]) -> bool {
    bytes.starts_with(b"PK\x03\x04") || bytes.starts_with(&[0xD0, 0xCF, 0x11, 0xE0])
}

/// The text of a CSV file and the name of its encoding.
fn decode(bytes: &[u8]) -> Result<(String, &'static str)> {
    let (text, name) = if let Some(rest) = bytes.strip_prefix(b"\xEF\xBB\xBF") {
        (String::from_utf8_lossy(rest).into_owned(), "UTF-8 with BOM")
    } else if bytes.starts_with(&[0xFF, 0xFE]) {
        (encoding_rs::UTF_16LE.decode_with_bom_removal(bytes).0.into_owned(), "UTF-16 LE")
    } else if bytes.starts_with(&[0xFE, 0xFF]) {
        (encoding_rs::UTF_16BE.decode_with_bom_removal(bytes).0.into_owned(), "UTF-16 BE")
    } else if let Ok(text) = std::str::from_utf8(bytes) {
        (text.to_owned(), "UTF-8")
    } else {
        (encoding_rs::WINDOWS_1252.decode_without_bom_handling(bytes).0.into_owned(), "Windows-1252")
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

fn finish(format: String, sheets: Vec<String>, mut records: Vec<(u32, Vec<String>)>) -> Result<Table> {
    records.retain(|(_, cells)| cells.iter().any(|c| !c.trim().is_empty()));
    if records.is_empty() {
        return Err(Error::Unreadable("The file is empty: there is no header row and no participant".into()));
    }
    let (_, mut headers) = records.remove(0);
    while headers.last().is_some_and(|h| h.trim().is_empty()) {
        headers.pop();
    }
    if records.is_empty() {
        return Err(Error::Unreadable("The file has a header row but no participants below it".into()));
    }
    if records.len() > MAX_ROWS {
        return Err(Error::Unreadable(format!(
            "The file has {} rows; at most {MAX_ROWS} can be imported at once. Split it into smaller files.",
            records.len()
        )));
    }
    if headers.iter().all(|h| recognise(h).is_none()) {
        return Err(Error::Unreadable(
            "The first row does not name any column this import knows (e.g. 'Family name', 'Country', 'E-mail'); \
             the first row must be the header"
                .into(),
        ));
    }
    for (line, cells) in records.iter_mut() {
        if cells.len() > headers.len() {
            if cells[headers.len()..].iter().all(|c| c.trim().is_empty()) {
                cells.truncate(headers.len());
            } else {
                return Err(Error::Unreadable(format!(
                    "Line {line} has {} cells but the header has {} columns; the file is malformed (a missing quote or an extra separator?)",
                    cells.len(),
                    headers.len()
                )));
            }
        }
        cells.resize(headers.len(), String::new());
    }
    Ok(Table { format, sheets, headers, rows: records })
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

fn read_csv(bytes: &[u8]) -> Result<Table> {
    let (text, encoding) = decode(bytes)?;
    let delimiter = sniff_delimiter(&text);
    let mut reader =
        csv::ReaderBuilder::new().has_headers(false).flexible(true).delimiter(delimiter).from_reader(text.as_bytes());
    let mut records = Vec::new();
    // Line numbers as a text editor or spreadsheet shows them, counted from the
    // records' byte offsets: the csv crate's own line count goes wrong on CRLF.
    let mut lines = LineCounter::new(text.as_bytes());
    for record in reader.records() {
        let record = record.map_err(|e| {
            let line = e.position().map_or(0, |p| LineCounter::new(text.as_bytes()).line_at(p.byte()));
            Error::Unreadable(format!("The CSV file cannot be read at line {line}: {e}"))
        })?;
        let line = record.position().map_or(0, |p| lines.line_at(p.byte()));
        records.push((line, record.iter().map(str::to_owned).collect()));
        if records.len() > MAX_ROWS + 1 {
            return Err(Error::Unreadable(format!(
                "The file has more than {MAX_ROWS} rows; at most {MAX_ROWS} can be imported at once. Split it into smaller files."
            )));
        }
    }
    // Quotes come in pairs ("" inside a quoted cell is a pair too); an odd count
    // means a cell was opened and never closed, and swallowed the rest of the file.
    if text.bytes().filter(|b| *b == b'"').count() % 2 == 1 {
        let line = records.last().map_or(1, |(line, _)| *line);
        return Err(Error::Unreadable(format!(
            "Line {line} opens a quoted cell (\") that is never closed; the file is malformed"
        )));
    }
    finish(format!("CSV ({}, {encoding})", delimiter_name(delimiter)), Vec::new(), records)
}

fn cell_text(cell: &calamine::Data) -> String {
    use calamine::Data;
    match cell {
        Data::Empty => String::new(),
        Data::String(s) => s.clone(),
        Data::Float(f) if f.fract() == 0.0 && f.abs() < 1e15 => format!("{}", *f as i64),
        Data::Float(f) => f.to_string(),
        Data::Int(i) => i.to_string(),
        Data::Bool(b) => if *b { "yes" } else { "no" }.to_owned(),
        Data::DateTime(d) => d.as_datetime().map_or_else(|| d.to_string(), |t| t.format("%Y-%m-%d %H:%M").to_string()),
        Data::DateTimeIso(s) | Data::DurationIso(s) => s.clone(),
        Data::Error(e) => format!("#{e:?}"),
    }
}

fn read_spreadsheet(bytes: &[u8], sheet: Option<&str>) -> Result<Table> {
    use calamine::Reader;
    let mut workbook = calamine::open_workbook_auto_from_rs(std::io::Cursor::new(bytes.to_vec()))
        .map_err(|e| Error::Unreadable(format!("The spreadsheet cannot be opened: {e}")))?;
    let sheets = workbook.sheet_names();
    let name = match sheet {
        Some(wanted) => sheets.iter().find(|s| s.eq_ignore_ascii_case(wanted.trim())).cloned().ok_or_else(|| {
            Error::Unreadable(format!("The workbook has no sheet called '{wanted}'; it has: {}", sheets.join(", ")))
        })?,
        None => sheets.first().cloned().ok_or_else(|| Error::Unreadable("The workbook has no sheets".into()))?,
    };
    let range = workbook
        .worksheet_range(&name)
        .map_err(|e| Error::Unreadable(format!("The sheet '{name}' cannot be read: {e}")))?;
    let first_row = range.start().map_or(0, |(r, _)| r);
    if range.height() > MAX_ROWS + 1 {
        return Err(Error::Unreadable(format!(
            "The sheet has {} rows; at most {MAX_ROWS} can be imported at once. Split it into smaller files.",
            range.height()
        )));
    }
    let records = range
        .rows()
        .enumerate()
        .map(|(i, cells)| (first_row + i as u32 + 1, cells.iter().map(cell_text).collect()))
        .collect();
    finish(format!("Spreadsheet, sheet '{name}'"), sheets, records)
}

/// Reads a participant list from the bytes of a file.
pub fn read_bytes(bytes: &[u8], sheet: Option<&str>) -> Result<Table> {
    if bytes.len() > MAX_BYTES {
        return Err(Error::Unreadable(format!(
            "The file is {} MB; at most {} MB can be imported",
            bytes.len() / (1024 * 1024),
            MAX_BYTES / (1024 * 1024)
        )));
    }
    if bytes.iter().all(|b| b.is_ascii_whitespace()) {
        return Err(Error::Unreadable("The file is empty: there is no header row and no participant".into()));
    }
    if looks_like_spreadsheet(bytes) { read_spreadsheet(bytes, sheet) } else { read_csv(bytes) }
}

/// Reads a participant list from a file on disk.
pub fn read_file(path: &Path, sheet: Option<&str>) -> Result<Table> {
    let size = std::fs::metadata(path)
        .map_err(|e| Error::Unreadable(format!("{} cannot be opened: {e}", path.display())))?
        .len();
    if size > MAX_BYTES as u64 {
        return Err(Error::Unreadable(format!(
            "The file is {} MB; at most {} MB can be imported",
            size / (1024 * 1024),
            MAX_BYTES / (1024 * 1024)
        )));
    }
    let bytes =
        std::fs::read(path).map_err(|e| Error::Unreadable(format!("{} cannot be read: {e}", path.display())))?;
    read_bytes(&bytes, sheet)
}

fn preview_of(table: &Table, mapping: ColumnMapping, problem: Option<String>, report: ImportReport) -> ImportPreview {
    ImportPreview {
        format: table.format.clone(),
        sheets: table.sheets.clone(),
        headers: table.headers.clone(),
        mapping,
        sample: table.rows.iter().take(5).map(|(_, cells)| cells.clone()).collect(),
        problem,
        report,
    }
}

/// The dry run: what importing the table would do, writing nothing. A mapping
/// that cannot be used is not an error here but the preview's `problem`, so
/// the mapping step can show the file's columns and let it be corrected.
pub fn preview(store: &Store, event_id: Uuid, table: &Table, mapping: Option<ColumnMapping>) -> Result<ImportPreview> {
    let mapping = mapping.unwrap_or_else(|| guess_mapping(&table.headers));
    if let Some(problem) = mapping_problem(&mapping, &table.headers) {
        let nothing = store.preview_import(event_id, &[])?;
        return Ok(preview_of(table, mapping, Some(problem), nothing));
    }
    let rows = to_rows(table, &mapping)?;
    let report = store.preview_import(event_id, &rows)?;
    Ok(preview_of(table, mapping, None, report))
}

/// The import, all or nothing.
pub fn commit(
    store: &mut Store,
    event_id: Uuid,
    table: &Table,
    mapping: Option<ColumnMapping>,
) -> Result<ImportPreview> {
    let mapping = mapping.unwrap_or_else(|| guess_mapping(&table.headers));
    let rows = to_rows(table, &mapping)?;
    let report = store.commit_import(event_id, &rows)?;
    Ok(preview_of(table, mapping, None, report))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn table(bytes: &[u8]) -> Table {
        read_bytes(bytes, None).unwrap()
    }

    fn err(bytes: &[u8]) -> String {
        read_bytes(bytes, None).unwrap_err().to_string()
    }

    #[test]
    fn headers_are_recognised_in_any_case_and_spelling() {
        let cases = [
            ("First name", ImportField::GivenName),
            ("GIVEN NAME", ImportField::GivenName),
            ("Surname", ImportField::FamilyName),
            ("Family-name", ImportField::FamilyName),
            ("Last Name:", ImportField::FamilyName),
            ("Name", ImportField::FullName),
            ("Country", ImportField::Country),
            ("Délégation", ImportField::Delegation),
            ("Title", ImportField::Honorific),
            ("Job title", ImportField::Position),
            ("Organization", ImportField::Organisation),
            ("Ministry", ImportField::Organisation),
            ("E-mail", ImportField::Email),
            ("Email address", ImportField::Email),
            ("Phone", ImportField::Phone),
            ("Sex", ImportField::Gender),
            ("Role", ImportField::Role),
            ("Status", ImportField::Status),
            ("Visa", ImportField::VisaLetterNeeded),
            ("Dietary requirements", ImportField::DietaryNeeds),
        ];
        for (header, field) in cases {
            assert_eq!(recognise(header), Some(field), "{header}");
        }
        assert_eq!(recognise("Favourite colour"), None);
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

    #[test]
    fn bad_files_get_clear_errors() {
        assert!(err(b"").contains("empty"));
        assert!(err(b"  \n\n").contains("empty"));
        assert!(err(b"Family name,Country\n").contains("no participants"));
        assert!(err(b"Family name,Country\nSok,Cambodia,extra\n").contains("Line 2 has 3 cells"));
        assert!(
            err(b"\x00\x01\x02\x03binary\x00\x00\xff\xfe\x00").contains("binary")
                || err(b"\x00\x01\x02\x03binary\x00\x00").contains("binary")
        );
        assert!(err(b"a,b\n1,2\n").contains("does not name any column"));
        assert!(err(b"PK\x03\x04garbage that is no zip").contains("cannot be opened"));
        // Trailing empty cells are not raggedness.
        assert_eq!(table(b"Family name,Country\nSok,Cambodia,,\n").rows[0].1.len(), 2);
    }

    #[test]
    fn full_names_are_split_with_their_honorifics() {
        assert_eq!(
            split_full_name("H.E. Mr Phuchphop Mongkolnavin"),
            ("H.E. Mr".into(), "Phuchphop".into(), "Mongkolnavin".into())
        );
        assert_eq!(split_full_name("Santos, Maria"), (String::new(), "Maria".into(), "Santos".into()));
        assert_eq!(split_full_name("Dr Sok"), ("Dr".into(), String::new(), "Sok".into()));
        assert_eq!(split_full_name("Mr"), (String::new(), String::new(), "Mr".into()));
    }

    #[test]
    fn a_mapping_without_a_name_or_a_country_is_refused() {
        let t = table(b"Family name,Country,Email\nSok,KH,a@b.org\n");
        let mapping = ColumnMapping { columns: vec![None, Some(ImportField::Country), Some(ImportField::Email)] };
        assert!(to_rows(&t, &mapping).unwrap_err().to_string().contains("family name"));
        let mapping = ColumnMapping { columns: vec![Some(ImportField::FamilyName), None, None] };
        assert!(to_rows(&t, &mapping).unwrap_err().to_string().contains("country"));
        let rows = to_rows(&t, &guess_mapping(&t.headers)).unwrap();
        assert_eq!(rows[0].family_name, "Sok");
        assert_eq!(rows[0].line, 2);
    }
}
