//! The programme as an editable Word document (DOCX), for organisers who
//! adjust wording before sending it, and one a secretariat can send as it is:
//! real heading styles (so Word's navigation pane and a table of contents
//! work) kept with what follows, one table per day with the time in the first
//! column, light rules between sessions, rows that never split across pages,
//! breaks shaded, parallel sessions marked, spacing between paragraphs, page
//! numbers, and the acknowledgement at the end; the file's properties name
//! the programme as its title, the organisers as its author and the export as
//! its date (docx-rs writes "unknown" and 1970 unless told, and cannot be
//! told the title or author: [`with_properties`] writes them). Opens in Word
//! and LibreOffice; A4 with 2 cm margins.

use crate::error::{Error, Result};
use crate::html::escape;
use crate::programme::Programme;
use docx_rs::{
    AlignmentType, BorderType, Docx, Footer, LineSpacing, NumPages, PageMargin, PageNum, Paragraph, Run, RunFonts,
    Shading, Style, StyleType, Table, TableBorder, TableBorderPosition, TableBorders, TableCell, TableCellMargins,
    TableRow, WidthType,
};
use std::io::{Read, Write};

const ACCENT: &str = "1F4E79";
const MUTED: &str = "595959";
const TIME_WIDTH: usize = 1600;
const BODY_WIDTH: usize = 8000;
const PARALLEL: &str = "7A3E9D";
const RULE: &str = "BFBFBF";

fn text(t: &str) -> Run {
    Run::new().add_text(t)
}

fn heading_style(id: &str, name: &str, size: usize, level: usize) -> Style {
    Style::new(id, StyleType::Paragraph).name(name).bold().size(size).color(ACCENT).outline_lvl(level)
}

fn session_cell(paragraphs: Vec<Paragraph>, shaded: bool) -> TableCell {
    let mut cell = TableCell::new().width(BODY_WIDTH, WidthType::Dxa);
    for p in paragraphs {
        cell = cell.add_paragraph(p);
    }
    if shaded { cell.shading(Shading::new().fill("F2F2F2")) } else { cell }
}

/// Light rules between sessions and under the day's table, none at the sides.
fn light_rules() -> TableBorders {
    let rule = |position| TableBorder::new(position).border_type(BorderType::Single).size(4).color(RULE);
    TableBorders::with_empty().set(rule(TableBorderPosition::InsideH)).set(rule(TableBorderPosition::Bottom))
}

/// Text for an XML element: escaped, and without the control characters XML
/// forbids (a title written into the plan by another program may hold them).
fn xml_text(text: &str) -> String {
    escape(&roundtable_core::validate::without_controls(text, false))
}

/// The packed document with its core properties (title, author, dates) written over docx-rs's.
fn with_properties(packed: Vec<u8>, p: &Programme) -> Result<Vec<u8>> {
    let now = chrono::Utc::now().format("%Y-%m-%dT%H:%M:%SZ").to_string();
    let core = format!(
        "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n<cp:coreProperties \
         xmlns:cp=\"http://schemas.openxmlformats.org/package/2006/metadata/core-properties\" \
         xmlns:dc=\"http://purl.org/dc/elements/1.1/\" xmlns:dcterms=\"http://purl.org/dc/terms/\" \
         xmlns:dcmitype=\"http://purl.org/dc/dcmitype/\" xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\">\
         <dc:title>{title}</dc:title><dc:subject>{subject}</dc:subject><dc:creator>{author}</dc:creator>\
         <cp:lastModifiedBy>{author}</cp:lastModifiedBy><dc:language>en</dc:language>\
         <dcterms:created xsi:type=\"dcterms:W3CDTF\">{now}</dcterms:created>\
         <dcterms:modified xsi:type=\"dcterms:W3CDTF\">{now}</dcterms:modified></cp:coreProperties>",
        title = xml_text(&format!("{} — {} programme", p.title, p.stage_label)),
        subject = xml_text(&p.version_line()),
        author = xml_text(&p.author),
    );
    let zip_error = |e: zip::result::ZipError| Error::write("DOCX", e);
    let mut packed = zip::ZipArchive::new(std::io::Cursor::new(packed)).map_err(zip_error)?;
    let mut out = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    let options = zip::write::SimpleFileOptions::default().compression_method(zip::CompressionMethod::Deflated);
    for i in 0..packed.len() {
        let mut part = packed.by_index(i).map_err(zip_error)?;
        let name = part.name().map_err(zip_error)?.into_owned();
        out.start_file(name.as_str(), options).map_err(zip_error)?;
        if name == "docProps/core.xml" {
            out.write_all(core.as_bytes())?;
        } else {
            let mut bytes = Vec::with_capacity(usize::try_from(part.size()).unwrap_or(0));
            part.read_to_end(&mut bytes)?;
            out.write_all(&bytes)?;
        }
    }
    Ok(out.finish().map_err(zip_error)?.into_inner())
}

fn time_cell(t: &str, shaded: bool) -> TableCell {
    let run = if shaded { text(t).color(MUTED) } else { text(t).bold() };
    let cell = TableCell::new().width(TIME_WIDTH, WidthType::Dxa).add_paragraph(Paragraph::new().add_run(run));
    if shaded { cell.shading(Shading::new().fill("F2F2F2")) } else { cell }
}

/// The programme as DOCX bytes.
pub fn programme(p: &Programme) -> Result<Vec<u8>> {
    let fonts = RunFonts::new().ascii("Calibri").hi_ansi("Calibri").cs("Noto Sans").east_asia("Noto Sans");
    let mut doc = Docx::new()
        .page_size(11906, 16838)
        .page_margin(PageMargin {
            top: 1134,
            left: 1134,
            bottom: 1134,
            right: 1134,
            header: 567,
            footer: 567,
            gutter: 0,
        })
        .default_fonts(fonts)
        .default_size(20)
        .default_line_spacing(LineSpacing::new().after(80))
        .add_style(Style::new("Title", StyleType::Paragraph).name("Title").bold().size(40).color(ACCENT))
        .add_style(heading_style("Heading1", "heading 1", 28, 0))
        .add_style(heading_style("Heading2", "heading 2", 22, 1))
        .add_style(Style::new("Footer", StyleType::Paragraph).name("footer").size(16).color(MUTED))
        .footer(
            Footer::new().add_paragraph(
                // The page number fields take the paragraph's style: small and grey like the text.
                Paragraph::new()
                    .style("Footer")
                    .add_run(text(&format!("{} · {} · Page ", p.title, p.version_line())))
                    .add_page_num(PageNum::new())
                    .add_run(text(" of "))
                    .add_num_pages(NumPages::new()),
            ),
        );

    doc = doc
        .add_paragraph(
            Paragraph::new()
                .add_run(text("PROGRAMME").bold().size(16).color(ACCENT))
                .add_run(text(&format!("    {} · {}", p.stage_label.to_uppercase(), p.version_date)).bold().size(16)),
        )
        .add_paragraph(Paragraph::new().style("Title").add_run(text(&p.title)));
    if let Some(series) = &p.series {
        doc = doc.add_paragraph(Paragraph::new().add_run(text(series).color(MUTED)));
    }
    let facts: Vec<&str> =
        [p.dates.as_str(), p.venue.as_str(), p.place.as_str()].into_iter().filter(|s| !s.is_empty()).collect();
    doc = doc.add_paragraph(Paragraph::new().add_run(text(&facts.join(" · ")).bold().size(22)));
    for line in &p.organiser_lines {
        doc = doc.add_paragraph(Paragraph::new().add_run(text(line)));
    }
    doc = doc.add_paragraph(Paragraph::new().add_run(text(&p.time_note).italic().color(MUTED)));

    for day in &p.days {
        doc = doc.add_paragraph(
            Paragraph::new().style("Heading1").keep_next(true).add_run(text(&format!("{} · {}", day.label, day.date))),
        );
        if !day.theme.is_empty() {
            doc = doc.add_paragraph(Paragraph::new().keep_next(true).add_run(text(&day.theme).italic()));
        }
        let mut rows = Vec::new();
        for s in &day.sessions {
            let time = format!("{}–{}", s.start, s.end);
            if s.pause {
                let mut line = text(&s.title).italic().color(MUTED);
                if !s.room.is_empty() {
                    line = line.add_text(format!(" · {}", s.room));
                }
                rows.push(
                    TableRow::new(vec![
                        time_cell(&time, true),
                        session_cell(vec![Paragraph::new().add_run(line)], true),
                    ])
                    .cant_split(),
                );
                continue;
            }
            let mut paragraphs = vec![Paragraph::new().style("Heading2").keep_next(true).add_run(text(&s.title))];
            let mut kind = Paragraph::new().add_run(text(&s.kind.to_uppercase()).size(16).color(ACCENT));
            if !s.room.is_empty() {
                kind = kind.add_run(text(&format!(" · {}", s.room)).size(16).color(MUTED));
            }
            if let Some(parallel) = &s.parallel {
                kind = kind.add_run(text(&format!(" · {}", parallel.to_uppercase())).bold().size(16).color(PARALLEL));
            }
            paragraphs.push(kind);
            if !s.description.is_empty() {
                paragraphs.push(Paragraph::new().add_run(text(&s.description)));
            }
            for person in &s.people {
                let mut line = Paragraph::new()
                    .add_run(text(&format!("{}: ", person.role)).color(MUTED))
                    .add_run(text(&person.name).bold());
                if !person.position.is_empty() {
                    line = line.add_run(text(&format!(", {}", person.position)));
                }
                if !person.delegation.is_empty() {
                    line = line.add_run(text(&format!(" ({})", person.delegation)).color(MUTED));
                }
                paragraphs.push(line);
            }
            rows.push(TableRow::new(vec![time_cell(&time, false), session_cell(paragraphs, false)]).cant_split());
        }
        if rows.is_empty() {
            doc = doc.add_paragraph(Paragraph::new().add_run(text("No sessions yet.").italic().color(MUTED)));
        } else {
            // Text kept off the rules: 0.1 cm above and below, 0.15 cm at the sides.
            let margins = TableCellMargins::new().margin(57, 85, 57, 85);
            doc = doc.add_table(
                Table::new(rows).set_grid(vec![TIME_WIDTH, BODY_WIDTH]).set_borders(light_rules()).margins(margins),
            );
        }
    }
    if let Some(ack) = &p.acknowledgement {
        doc = doc
            .add_paragraph(Paragraph::new())
            .add_paragraph(Paragraph::new().align(AlignmentType::Left).add_run(text(ack).italic().size(18)));
    }
    let mut out = std::io::Cursor::new(Vec::new());
    doc.build().pack(&mut out).map_err(|e| Error::write("DOCX", e))?;
    with_properties(out.into_inner(), p)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn property_text_is_escaped_and_free_of_what_xml_forbids() {
        assert_eq!(xml_text("Dialogue <A&B>\u{1}\u{1b}"), "Dialogue &lt;A&amp;B&gt;");
    }
}
