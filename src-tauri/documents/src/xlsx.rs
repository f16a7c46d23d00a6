//! The list of participants as an Excel workbook, for hotels, transport and
//! the organisers' own sorting: a real header row, frozen below the header,
//! filters on every column, widths that fit. Cells are written as strings
//! (never formulas), so user text cannot run as a formula here.

use crate::csv_export::{header, rows};
use crate::error::{Error, Result};
use crate::participants::ParticipantList;
use rust_xlsxwriter::{Color, Format, FormatBorder, Workbook, Worksheet};

fn err(e: rust_xlsxwriter::XlsxError) -> Error {
    Error::write("XLSX", e)
}

/// A sheet name Excel accepts: at most 31 characters, none of `[]:*?/\`, unique in the workbook.
fn sheet_name(name: &str, taken: &mut Vec<String>) -> String {
    let clean: String = name
        .chars()
        .map(|c| if matches!(c, '[' | ']' | ':' | '*' | '?' | '/' | '\\') { ' ' } else { c })
        .collect::<String>()
        .trim_matches(|c: char| c == '\'' || c.is_whitespace())
        .to_owned();
    let base: String = if clean.is_empty() { "Delegation".into() } else { clean.chars().take(31).collect() };
    let mut candidate = base.clone();
    let mut n = 2;
    while taken.iter().any(|t| t.eq_ignore_ascii_case(&candidate)) {
        let suffix = format!(" ({n})");
        candidate = format!("{}{suffix}", base.chars().take(31 - suffix.chars().count()).collect::<String>());
        n += 1;
    }
    taken.push(candidate.clone());
    candidate
}

fn fill(sheet: &mut Worksheet, head: &[&str], body: &[Vec<String>]) -> Result<()> {
    let header_format = Format::new()
        .set_bold()
        .set_font_color(Color::White)
        .set_background_color(Color::RGB(0x1F4E79))
        .set_border_bottom(FormatBorder::Thin);
    let wrap = Format::new().set_text_wrap().set_align(rust_xlsxwriter::FormatAlign::Top);
    for (c, title) in head.iter().enumerate() {
        sheet.write_string_with_format(0, c as u16, *title, &header_format).map_err(err)?;
    }
    for (r, row) in body.iter().enumerate() {
        for (c, cell) in row.iter().enumerate() {
            // The running number is a number, so sorting by it works.
            if c == 0
                && let Ok(n) = cell.parse::<f64>()
            {
                sheet.write_number(r as u32 + 1, 0, n).map_err(err)?;
                continue;
            }
            sheet.write_string_with_format(r as u32 + 1, c as u16, cell, &wrap).map_err(err)?;
        }
    }
    for (c, title) in head.iter().enumerate() {
        let longest = body.iter().map(|row| row.get(c).map_or(0, |s| s.chars().count())).max().unwrap_or(0);
        let width = longest.max(title.chars().count() + 3).clamp(5, 45);
        sheet.set_column_width(c as u16, width as f64 + 1.0).map_err(err)?;
    }
    sheet.set_freeze_panes(1, 0).map_err(err)?;
    let last_row = body.len().max(1) as u32;
    sheet.autofilter(0, 0, last_row, head.len() as u16 - 1).map_err(err)?;
    Ok(())
}

/// The list of participants as XLSX bytes: one sheet, or one per delegation.
pub fn participants(list: &ParticipantList, sheet_per_delegation: bool) -> Result<Vec<u8>> {
    let mut workbook = Workbook::new();
    let head = header(list.contacts);
    let all = rows(list);
    if sheet_per_delegation && !list.delegations.is_empty() {
        let mut taken = Vec::new();
        let mut start = 0;
        for d in &list.delegations {
            let body = &all[start..start + d.members.len()];
            start += d.members.len();
            let sheet = workbook.add_worksheet();
            sheet.set_name(sheet_name(&d.name, &mut taken)).map_err(err)?;
            fill(sheet, &head, body)?;
        }
    } else {
        let sheet = workbook.add_worksheet();
        sheet.set_name("Participants").map_err(err)?;
        fill(sheet, &head, &all)?;
    }
    workbook.save_to_buffer().map_err(err)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sheet_names_are_cleaned_shortened_and_unique() {
        let mut taken = Vec::new();
        assert_eq!(sheet_name("Lao People's Democratic Republic", &mut taken), "Lao People's Democratic Republi");
        assert_eq!(sheet_name("A/B: [C]", &mut taken), "A B   C");
        assert_eq!(sheet_name("Lao People's Democratic Republic", &mut taken), "Lao People's Democratic Rep (2)");
    }
}
