//! Excel workbooks (.xlsx), read cell by cell so that memory follows what
//! the sheet holds, not what it claims.
//!
//! Reading a sheet whole (calamine's `worksheet_range`) allocates the box
//! from its first to its last cell: one cell at XFD1048576 asks for half a
//! terabyte. Here the cells stream in, each held to the column, length and
//! count limits before it is kept. A workbook is a zip of XML parts, and a
//! 1.5 MB zip can unpack to gigabytes: every part is measured by unpacking
//! it (its declared size can lie) before calamine reads any of it, because
//! calamine keeps the shared strings whole in memory.
//!
//! OpenDocument and binary workbooks are refused with the way to convert
//! them: their readers build the whole box when the file is opened.

use super::Table;
use super::read::{MAX_CELLS, Rows, finish};
use crate::error::{Error, Result};
use calamine::{DataRef, Reader, Xlsx};
use std::io::{Cursor, Read};

/// Most bytes the shared strings may unpack to: each string is kept, with
/// its own allocation, while the sheet is read.
const MAX_SHARED_STRINGS_UNPACKED: u64 = 32 * 1024 * 1024;
/// Most bytes any other part may unpack to (a sheet of 100,000 rows of 15
/// columns is about 51 MB, its shared strings 11 MB).
const MAX_PART_UNPACKED: u64 = 100 * 1024 * 1024;
/// Most bytes the whole workbook may unpack to.
const MAX_UNPACKED: u64 = 160 * 1024 * 1024;
/// The last row a workbook can have.
const LAST_ROW: u32 = 1_048_576;
/// Most parts in a workbook (a sheet, its styles, drawings… a few dozen in practice).
const MAX_PARTS: usize = 10_000;

fn unopenable(error: impl std::fmt::Display) -> Error {
    Error::Unreadable(format!("The spreadsheet cannot be opened: {error}"))
}

fn megabytes(bytes: u64) -> u64 {
    bytes / (1024 * 1024)
}

/// Refuses a workbook whose parts unpack to more than a participant list
/// needs, and a zip that is not an Excel workbook.
fn check_parts(bytes: &[u8]) -> Result<()> {
    let mut zip = zip::ZipArchive::new(Cursor::new(bytes)).map_err(unopenable)?;
    if zip.len() > MAX_PARTS {
        return Err(unopenable(format!("it has {} parts, more than a workbook has", zip.len())));
    }
    let names: Vec<String> =
        zip.file_names().map(|n| n.map(|n| n.into_owned())).collect::<Result<_, _>>().map_err(unopenable)?;
    if names.iter().any(|n| n == "content.xml") {
        return Err(Error::Unreadable(
            "This is an OpenDocument spreadsheet (.ods); save it as .xlsx or .csv in LibreOffice and import that"
                .into(),
        ));
    }
    if names.iter().any(|n| n.ends_with(".bin") && n.starts_with("xl/worksheets/")) {
        return Err(Error::Unreadable(
            "This is an Excel binary workbook (.xlsb); save it as .xlsx or .csv in Excel and import that".into(),
        ));
    }
    let mut total = 0;
    for index in 0..zip.len() {
        let mut part = zip.by_index(index).map_err(unopenable)?;
        let name = part.name().map_err(unopenable)?.into_owned();
        let shared_strings = name.ends_with("sharedStrings.xml");
        let limit = if shared_strings { MAX_SHARED_STRINGS_UNPACKED } else { MAX_PART_UNPACKED };
        let mut bounded = std::io::BufReader::new((&mut part).take(limit + 1));
        if shared_strings {
            check_string_count(&mut bounded)?;
        }
        std::io::copy(&mut bounded, &mut std::io::sink()).map_err(unopenable)?;
        let unpacked = limit + 1 - bounded.get_ref().limit();
        if unpacked > limit {
            return Err(Error::Unreadable(format!(
                "The spreadsheet's part {name} unpacks to more than {} MB; a participant list this large cannot be \
                 imported at once. Split it into smaller files.",
                megabytes(limit)
            )));
        }
        total += unpacked;
        if total > MAX_UNPACKED {
            return Err(Error::Unreadable(format!(
                "The spreadsheet unpacks to more than {} MB; a participant list this large cannot be imported at once. \
                 Split it into smaller files.",
                megabytes(MAX_UNPACKED)
            )));
        }
    }
    Ok(())
}

/// Refuses shared strings that claim more entries than a participant list
/// has cells: calamine reserves room for the claimed count before reading one.
fn check_string_count(part: &mut impl std::io::BufRead) -> Result<()> {
    let mut xml = quick_xml::Reader::from_reader(part);
    let mut buf = Vec::new();
    loop {
        match xml.read_event_into(&mut buf) {
            Ok(quick_xml::events::Event::Start(tag) | quick_xml::events::Event::Empty(tag)) => {
                let claimed =
                    tag.try_get_attribute("uniqueCount").ok().flatten().map(|count| count.value.trim().to_owned());
                return match claimed {
                    Some(count) if count.parse::<usize>().is_ok_and(|n| n <= MAX_CELLS) => Ok(()),
                    Some(count) => Err(Error::Unreadable(format!(
                        "The spreadsheet claims {count} different texts, more than a participant list holds; the file is damaged"
                    ))),
                    None => Ok(()),
                };
            }
            Ok(quick_xml::events::Event::Eof) | Err(_) => return Ok(()),
            Ok(_) => buf.clear(),
        }
    }
}

/// A cell's value as the import reads it: numbers without a needless
/// decimal point, dates as ISO date and time, booleans as yes or no.
fn cell_text(cell: &DataRef<'_>) -> String {
    match cell {
        DataRef::Empty => String::new(),
        DataRef::String(s) | DataRef::DateTimeIso(s) | DataRef::DurationIso(s) => s.clone(),
        DataRef::SharedString(s) => (*s).to_owned(),
        DataRef::Float(f) if f.fract() == 0.0 && f.abs() < 1e15 => format!("{}", *f as i64),
        DataRef::Float(f) => f.to_string(),
        DataRef::Int(i) => i.to_string(),
        DataRef::Bool(b) => if *b { "yes" } else { "no" }.to_owned(),
        DataRef::DateTime(d) => {
            d.as_datetime().map_or_else(|| d.to_string(), |t| t.format("%Y-%m-%d %H:%M").to_string())
        }
        DataRef::Error(e) => format!("#{e:?}"),
    }
}

/// The chosen sheet (the first when none is named) of an .xlsx workbook.
pub(super) fn read_xlsx(bytes: &[u8], sheet: Option<&str>) -> Result<Table> {
    check_parts(bytes)?;
    let mut workbook: Xlsx<_> = Xlsx::new(Cursor::new(bytes)).map_err(unopenable)?;
    let sheets = workbook.sheet_names();
    let name = match sheet {
        Some(wanted) => sheets.iter().find(|s| s.eq_ignore_ascii_case(wanted.trim())).cloned().ok_or_else(|| {
            Error::Unreadable(format!("The workbook has no sheet called '{wanted}'; it has: {}", sheets.join(", ")))
        })?,
        None => sheets.first().cloned().ok_or_else(|| Error::Unreadable("The workbook has no sheets".into()))?,
    };
    let unreadable = |e: calamine::XlsxError| Error::Unreadable(format!("The sheet '{name}' cannot be read: {e}"));
    let mut cells = workbook.worksheet_cells_reader(&name).map_err(unreadable)?;
    let mut rows = Rows::default();
    let mut row: Option<(u32, Vec<String>)> = None;
    while let Some(cell) = cells.next_cell().map_err(unreadable)? {
        let (index, column) = cell.get_position();
        let line = index.saturating_add(1);
        if line > LAST_ROW {
            return Err(Error::Unreadable(format!(
                "The sheet '{name}' has a cell in row {line}, beyond the last row a workbook can have; the file is damaged"
            )));
        }
        if matches!(cell.get_value(), DataRef::Empty) {
            continue;
        }
        let text = cell_text(cell.get_value());
        let column = column as usize;
        Rows::check_cell(line, column, &text)?;
        match &mut row {
            Some((current, _)) if *current > line => {
                return Err(Error::Unreadable(format!(
                    "The sheet '{name}' lists row {line} after row {current}; open it in Excel or LibreOffice and \
                     save it again"
                )));
            }
            Some((current, _)) if *current == line => {}
            _ => {
                if let Some((done, kept)) = row.take() {
                    rows.push_built(done, kept)?;
                }
                row = Some((line, Vec::new()));
            }
        }
        if let Some((_, kept)) = &mut row {
            if kept.len() <= column {
                kept.resize(column + 1, String::new());
            }
            kept[column] = text;
        }
    }
    if let Some((done, kept)) = row {
        rows.push_built(done, kept)?;
    }
    finish(format!("Spreadsheet, sheet '{name}'"), sheets, rows)
}
