//! The list of participants as an Excel workbook, for hotels, transport and
//! the organisers' own sorting: a real header row, frozen below the header,
//! filters on every column, widths that fit, rows as tall as their wrapped
//! text (Calc does not grow them itself: a long position overlapped the next
//! row), and a print set-up (A4, landscape when the columns are wide, fitted
//! to the page's width, the header row on every page, the event and page
//! numbers in the margins), so the list prints as it reads. Cells are written
//! as strings (never formulas), so user text cannot run as a formula here.

use crate::csv_export::{header, rows};
use crate::error::{Error, Result};
use crate::participants::ParticipantList;
use rust_xlsxwriter::{Color, Format, FormatBorder, Workbook, Worksheet};

fn err(e: rust_xlsxwriter::XlsxError) -> Error {
    Error::write("XLSX", e)
}

/// The widest a column gets, in characters; longer text wraps.
const WIDEST: usize = 45;
/// A line of text in the workbook's default font (Calibri 11), in points.
const LINE_HEIGHT: f64 = 15.0;
/// The longest row Excel draws, in points.
const TALLEST_ROW: f64 = 409.0;
/// The most characters Excel takes in a page header.
const HEADER_LIMIT: usize = 255;
/// Column widths past this many characters in all print on a landscape page.
const PORTRAIT_WIDTH: usize = 110;

/// The first `limit` characters of `text`, cut after a whole word where there is one.
fn cut_at_word(text: &str, limit: usize) -> String {
    if text.chars().count() <= limit {
        return text.to_owned();
    }
    let cut: String = text.chars().take(limit + 1).collect();
    match cut.rfind(' ') {
        Some(space) if space > 0 => cut[..space].trim_end().to_owned(),
        _ => text.chars().take(limit).collect(),
    }
}

/// A sheet name Excel accepts: at most 31 characters (cut after a whole word),
/// none of `[]:*?/\`, unique in the workbook.
fn sheet_name(name: &str, taken: &mut Vec<String>) -> String {
    let clean: String = name
        .chars()
        .map(|c| if matches!(c, '[' | ']' | ':' | '*' | '?' | '/' | '\\') { ' ' } else { c })
        .collect::<String>()
        .trim_matches(|c: char| c == '\'' || c.is_whitespace())
        .to_owned();
    let base: String = if clean.is_empty() { "Delegation".into() } else { clean };
    let mut candidate = cut_at_word(&base, 31);
    let mut n = 2;
    while taken.iter().any(|t| t.eq_ignore_ascii_case(&candidate)) {
        let suffix = format!(" ({n})");
        candidate = format!("{}{suffix}", cut_at_word(&base, 31 - suffix.chars().count()));
        n += 1;
    }
    taken.push(candidate.clone());
    candidate
}

/// Each column's width in characters: its longest cell, within bounds.
fn column_widths(head: &[&str], body: &[Vec<String>]) -> Vec<usize> {
    head.iter()
        .enumerate()
        .map(|(c, title)| {
            let longest = body.iter().map(|row| row.get(c).map_or(0, |s| s.chars().count())).max().unwrap_or(0);
            longest.max(title.chars().count() + 3).clamp(5, WIDEST) + 1
        })
        .collect()
}

/// The lines a row's tallest cell takes once wrapped in its column.
fn lines_of(row: &[String], widths: &[usize]) -> usize {
    row.iter()
        .zip(widths)
        .map(|(cell, &width)| cell.split('\n').map(|line| line.chars().count().div_ceil(width - 1).max(1)).sum())
        .max()
        .unwrap_or(1)
}

/// A4, landscape when the columns are wide, fitted to the page's width, the
/// header row repeated on every page, the event's title and the list's stage
/// and date above, page numbers below.
fn print_setup(sheet: &mut Worksheet, list: &ParticipantList, widths: &[usize]) -> Result<()> {
    const A4: u8 = 9;
    sheet.set_paper_size(A4);
    if widths.iter().sum::<usize>() > PORTRAIT_WIDTH {
        sheet.set_landscape();
    }
    sheet.set_print_fit_to_pages(1, 0);
    sheet.set_repeat_rows(0, 0).map_err(err)?;
    sheet.set_margins(0.5, 0.5, 0.75, 0.75, 0.3, 0.3);
    // "&" starts a code in a header: the text's own ampersands are doubled.
    let text = |t: &str| t.replace('&', "&&");
    let right = format!("&R{} · {}", text(&list.heading), text(&list.as_of));
    // Excel takes a header of 255 characters at most (rust_xlsxwriter drops a
    // longer one whole): a long title is cut to leave room for the rest.
    let room = HEADER_LIMIT.saturating_sub(right.encode_utf16().count() + 16);
    let mut title = text(&list.event_title);
    while title.encode_utf16().count() > room {
        title.pop();
    }
    sheet.set_header(format!("&L&\"-,Bold\"{}{right}", title.trim_end_matches('&')));
    sheet.set_footer("&RPage &P of &N");
    Ok(())
}

fn fill(sheet: &mut Worksheet, list: &ParticipantList, head: &[&str], body: &[Vec<String>]) -> Result<()> {
    let header_format = Format::new()
        .set_bold()
        .set_font_color(Color::White)
        .set_background_color(Color::RGB(0x1F4E79))
        .set_border_bottom(FormatBorder::Thin);
    let top = Format::new().set_align(rust_xlsxwriter::FormatAlign::Top);
    let wrap = top.clone().set_text_wrap();
    for (c, name) in head.iter().enumerate() {
        sheet.write_string_with_format(0, c as u16, *name, &header_format).map_err(err)?;
    }
    let widths = column_widths(head, body);
    for (r, row) in body.iter().enumerate() {
        for (c, cell) in row.iter().enumerate() {
            // The running number is a number, so sorting by it works.
            if c == 0
                && let Ok(n) = cell.parse::<f64>()
            {
                sheet.write_number_with_format(r as u32 + 1, 0, n, &top).map_err(err)?;
                continue;
            }
            sheet.write_string_with_format(r as u32 + 1, c as u16, cell, &wrap).map_err(err)?;
        }
        let lines = lines_of(row, &widths);
        if lines > 1 {
            sheet.set_row_height(r as u32 + 1, (LINE_HEIGHT * lines as f64).min(TALLEST_ROW)).map_err(err)?;
        }
    }
    for (c, &width) in widths.iter().enumerate() {
        sheet.set_column_width(c as u16, width as f64).map_err(err)?;
    }
    print_setup(sheet, list, &widths)?;
    sheet.set_freeze_panes(1, 0).map_err(err)?;
    let last_row = body.len().max(1) as u32;
    sheet.autofilter(0, 0, last_row, head.len() as u16 - 1).map_err(err)?;
    Ok(())
}

/// The list of participants as XLSX bytes: one sheet, or one per delegation.
pub fn participants(list: &ParticipantList, sheet_per_delegation: bool) -> Result<Vec<u8>> {
    let mut workbook = Workbook::new();
    let head = header(list);
    let all = rows(list);
    if sheet_per_delegation && !list.delegations.is_empty() {
        let mut taken = Vec::new();
        let mut start = 0;
        for d in &list.delegations {
            let body = &all[start..start + d.members.len()];
            start += d.members.len();
            let sheet = workbook.add_worksheet();
            sheet.set_name(sheet_name(&d.name, &mut taken)).map_err(err)?;
            fill(sheet, list, &head, body)?;
        }
    } else {
        let sheet = workbook.add_worksheet();
        sheet.set_name("Participants").map_err(err)?;
        fill(sheet, list, &head, &all)?;
    }
    workbook.save_to_buffer().map_err(err)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sheet_names_are_cleaned_shortened_and_unique() {
        let mut taken = Vec::new();
        assert_eq!(sheet_name("Lao People's Democratic Republic", &mut taken), "Lao People's Democratic");
        assert_eq!(sheet_name("A/B: [C]", &mut taken), "A B   C");
        assert_eq!(sheet_name("Lao People's Democratic Republic", &mut taken), "Lao People's Democratic (2)");
        assert_eq!(sheet_name("Lao People's Democratic Republic", &mut taken), "Lao People's Democratic (3)");
        assert_eq!(sheet_name("Organisationforeconomiccooperationanddevelopment", &mut taken).chars().count(), 31);
    }

    #[test]
    fn a_long_title_is_cut_so_the_page_header_stays() {
        let list = ParticipantList {
            event_title: "A & B ".repeat(60),
            subtitle: String::new(),
            heading: "Provisional list of participants".into(),
            as_of: "As of 12 September 2022 · Confirmed and attending participants only".into(),
            contacts: false,
            logistics: false,
            total: 0,
            delegations: Vec::new(),
        };
        let bytes = participants(&list, false).unwrap();
        let mut archive = zip::ZipArchive::new(std::io::Cursor::new(bytes)).unwrap();
        let mut sheet = String::new();
        std::io::Read::read_to_string(&mut archive.by_name("xl/worksheets/sheet1.xml").unwrap(), &mut sheet).unwrap();
        let header = sheet.split("<oddHeader>").nth(1).and_then(|h| h.split("</oddHeader>").next()).expect("a header");
        assert!(header.contains("Confirmed and attending participants only"), "{header}");
        assert!(header.contains("A &amp;&amp; B"), "the title, cut: {header}");
    }

    #[test]
    fn a_row_is_as_tall_as_its_longest_wrapped_cell() {
        let widths = [5, 46];
        assert_eq!(lines_of(&["1".into(), "short".into()], &widths), 1);
        assert_eq!(lines_of(&["1".into(), "x".repeat(46)], &widths), 2);
        assert_eq!(lines_of(&["1".into(), "one\ntwo".into()], &widths), 2);
    }
}
