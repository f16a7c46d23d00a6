//! From the bytes of a file to a [`Table`], within limits that hold while
//! the file is parsed: a participant list is small, so a file that claims a
//! cell in column XFD, a row a billion lines down, a string of a gigabyte or
//! a million columns is refused before it takes the memory it asks for.
//!
//! The limits are counted as rows arrive ([`Rows`]), by both readers; a
//! reader library that panics on a malformed file (an overflowing cell
//! reference) is fenced so that the panic becomes a message too.

use super::Table;
use super::csv_file::read_csv;
use super::fields::recognise;
use super::xlsx_file::read_xlsx;
use crate::error::{Error, Result};
use std::path::Path;

/// Largest file accepted.
pub const MAX_BYTES: usize = 50 * 1024 * 1024;
/// Most data rows accepted.
pub const MAX_ROWS: usize = 200_000;
/// Most columns a row may have (the old Excel's limit; forms have a few dozen).
pub const MAX_COLUMNS: usize = 256;
/// Longest cell, in characters: the most an Excel cell holds.
pub const MAX_CELL_CHARS: usize = 32_767;
/// Most cells in a file: 200,000 rows of 15 columns.
pub const MAX_CELLS: usize = 3_000_000;

/// The rows of a file as they are read, held to the limits before they are kept.
#[derive(Default)]
pub(super) struct Rows {
    records: Vec<(u32, Vec<String>)>,
    cells: usize,
}

impl Rows {
    /// Keeps the row found at `line`; its trailing empty cells are dropped,
    /// and a row of empty cells is not kept.
    pub(super) fn push<'a>(&mut self, line: u32, cells: impl IntoIterator<Item = &'a str>) -> Result<()> {
        let mut kept = Vec::new();
        let mut width = 0;
        for (column, cell) in cells.into_iter().enumerate() {
            if cell.trim().is_empty() {
                if kept.len() < MAX_COLUMNS {
                    kept.push(String::new());
                }
                continue;
            }
            if column >= MAX_COLUMNS {
                return Err(too_wide(line, column + 1));
            }
            check_cell(line, column, cell)?;
            kept.push(cell.to_owned());
            width = column + 1;
        }
        self.keep(line, kept, width)
    }

    /// Keeps a row built cell by cell (a spreadsheet's), already held to the
    /// column and cell limits by [`Rows::check_cell`].
    pub(super) fn push_built(&mut self, line: u32, mut cells: Vec<String>) -> Result<()> {
        let width = cells.iter().rposition(|c| !c.trim().is_empty()).map_or(0, |last| last + 1);
        cells.truncate(width);
        self.keep(line, cells, width)
    }

    fn keep(&mut self, line: u32, mut cells: Vec<String>, width: usize) -> Result<()> {
        if width == 0 {
            return Ok(());
        }
        cells.truncate(width);
        self.cells += width;
        if self.cells > MAX_CELLS {
            return Err(Error::Unreadable(format!(
                "The file holds more than {MAX_CELLS} cells; at most {MAX_ROWS} rows of 15 columns can be imported at once. \
                 Split it into smaller files."
            )));
        }
        if self.records.len() > MAX_ROWS {
            return Err(too_long());
        }
        self.records.push((line, cells));
        Ok(())
    }

    /// The line of the last row kept.
    pub(super) fn last_line(&self) -> Option<u32> {
        self.records.last().map(|(line, _)| *line)
    }

    /// A cell held to the limits before it is placed in a row.
    pub(super) fn check_cell(line: u32, column: usize, text: &str) -> Result<()> {
        if column >= MAX_COLUMNS {
            return Err(too_wide(line, column + 1));
        }
        check_cell(line, column, text)
    }
}

fn check_cell(line: u32, column: usize, text: &str) -> Result<()> {
    if text.len() > MAX_CELL_CHARS && text.chars().count() > MAX_CELL_CHARS {
        return Err(Error::Unreadable(format!(
            "Line {line}, column {} holds {} characters; a cell can hold at most {MAX_CELL_CHARS}",
            column + 1,
            text.chars().count()
        )));
    }
    Ok(())
}

fn too_wide(line: u32, columns: usize) -> Error {
    Error::Unreadable(format!(
        "Line {line} has a value in column {columns}; a participant list can have at most {MAX_COLUMNS} columns"
    ))
}

fn too_long() -> Error {
    Error::Unreadable(format!(
        "The file has more than {MAX_ROWS} rows; at most {MAX_ROWS} can be imported at once. Split it into smaller files."
    ))
}

/// The header and data rows of what was read, with the file's own checks.
pub(super) fn finish(format: String, sheets: Vec<String>, rows: Rows) -> Result<Table> {
    let mut records = rows.records;
    if records.is_empty() {
        return Err(Error::Unreadable("The file is empty: there is no header row and no participant".into()));
    }
    let (_, headers) = records.remove(0);
    if records.is_empty() {
        return Err(Error::Unreadable("The file has a header row but no participants below it".into()));
    }
    if records.len() > MAX_ROWS {
        return Err(too_long());
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
            return Err(Error::Unreadable(format!(
                "Line {line} has {} cells but the header has {} columns; the file is malformed (a missing quote or an extra separator?)",
                cells.len(),
                headers.len()
            )));
        }
        cells.resize(headers.len(), String::new());
    }
    Ok(Table { format, sheets, headers, rows: records })
}

fn looks_like_zip(bytes: &[u8]) -> bool {
    bytes.starts_with(b"PK\x03\x04")
}

fn looks_like_old_excel(bytes: &[u8]) -> bool {
    bytes.starts_with(&[0xD0, 0xCF, 0x11, 0xE0])
}

/// Reads a participant list from the bytes of a file.
pub fn read_bytes(bytes: &[u8], sheet: Option<&str>) -> Result<Table> {
    if bytes.len() > MAX_BYTES {
        return Err(too_big(bytes.len() as u64));
    }
    if bytes.iter().all(|b| b.is_ascii_whitespace()) {
        return Err(Error::Unreadable("The file is empty: there is no header row and no participant".into()));
    }
    if looks_like_old_excel(bytes) {
        return Err(Error::Unreadable(
            "This is an Excel 97–2003 workbook (.xls), which cannot be read safely; open it in Excel or LibreOffice, \
             save it as .xlsx or .csv and import that"
                .into(),
        ));
    }
    // The readers are libraries parsing hostile bytes: a panic in one (an
    // overflowing cell reference in a damaged sheet) is this file's error,
    // never the window's end.
    let read =
        std::panic::catch_unwind(|| if looks_like_zip(bytes) { read_xlsx(bytes, sheet) } else { read_csv(bytes) });
    read.unwrap_or_else(|_| {
        Err(Error::Unreadable("The file is damaged: its contents contradict each other and cannot be read".into()))
    })
}

fn too_big(size: u64) -> Error {
    Error::Unreadable(format!(
        "The file is {} MB; at most {} MB can be imported",
        size / (1024 * 1024),
        MAX_BYTES / (1024 * 1024)
    ))
}

/// Reads a participant list from a file on disk.
pub fn read_file(path: &Path, sheet: Option<&str>) -> Result<Table> {
    let size = std::fs::metadata(path)
        .map_err(|e| Error::Unreadable(format!("{} cannot be opened: {e}", path.display())))?
        .len();
    if size > MAX_BYTES as u64 {
        return Err(too_big(size));
    }
    let bytes =
        std::fs::read(path).map_err(|e| Error::Unreadable(format!("{} cannot be read: {e}", path.display())))?;
    read_bytes(&bytes, sheet)
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
    fn bad_files_get_clear_errors() {
        assert!(err(b"").contains("empty"));
        assert!(err(b"  \n\n").contains("empty"));
        assert!(err(b"Family name,Country\n").contains("no participants"));
        assert!(err(b"Family name,Country\nSok,Cambodia,extra\n").contains("Line 2 has 3 cells"));
        assert!(err(b"\x00\x01\x02\x03binary\x00\x00\xff\xfe\x00").contains("binary"));
        assert!(err(b"a,b\n1,2\n").contains("does not name any column"));
        assert!(err(b"PK\x03\x04garbage that is no zip").contains("cannot be opened"));
        assert!(err(&[0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1]).contains("save it as .xlsx"));
        // Trailing empty cells are not raggedness.
        assert_eq!(table(b"Family name,Country\nSok,Cambodia,,\n").rows[0].1.len(), 2);
    }

    #[test]
    fn a_row_wider_than_the_limit_or_a_cell_longer_than_excel_holds_is_refused() {
        let mut wide = String::from("Family name,Country");
        wide.push_str(&",x".repeat(MAX_COLUMNS));
        wide.push_str("\nSok,KH\n");
        assert!(err(wide.as_bytes()).contains("at most 256 columns"), "{}", err(wide.as_bytes()));

        // A million empty columns in the header are trailing emptiness, not width.
        let mut empty_columns = String::from("Family name,Country");
        empty_columns.push_str(&",".repeat(1_000_000));
        empty_columns.push_str("\nSok,KH\n");
        assert_eq!(table(empty_columns.as_bytes()).headers, ["Family name", "Country"]);

        let long = format!("Family name,Country,Notes\nSok,KH,{}\n", "n".repeat(MAX_CELL_CHARS + 1));
        assert!(err(long.as_bytes()).contains("Line 2, column 3 holds 32768 characters"), "{}", err(long.as_bytes()));
        let longest = format!("Family name,Country,Notes\nSok,KH,{}\n", "é".repeat(MAX_CELL_CHARS));
        assert_eq!(table(longest.as_bytes()).rows[0].1[2].chars().count(), MAX_CELL_CHARS);
    }

    #[test]
    fn more_cells_than_the_limit_are_refused_while_reading() {
        let mut rows = Rows::default();
        let row: Vec<&str> = vec!["x"; 200];
        let mut refused = None;
        for line in 1..=(MAX_CELLS / 200 + 1) {
            if let Err(e) = rows.push(line as u32, row.iter().copied()) {
                refused = Some((line, e.to_string()));
                break;
            }
        }
        let (line, message) = refused.expect("refused");
        assert_eq!(line, MAX_CELLS / 200 + 1);
        assert!(message.contains("more than 3000000 cells"), "{message}");
    }
}
