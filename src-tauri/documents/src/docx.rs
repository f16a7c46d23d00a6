//! The programme as an editable Word document (DOCX), for organisers who
//! adjust wording before sending it: real heading styles (so Word's
//! navigation pane and a table of contents work), one table per day with the
//! time in the first column, breaks shaded, and the acknowledgement at the end.
//! Opens in Word and LibreOffice; A4 with 2 cm margins.

use crate::error::{Error, Result};
use crate::programme::Programme;
use docx_rs::{
    AlignmentType, Docx, Footer, PageMargin, Paragraph, Run, RunFonts, Shading, Style, StyleType, Table, TableCell,
    TableRow, WidthType,
};

const ACCENT: &str = "1F4E79";
const MUTED: &str = "595959";
const TIME_WIDTH: usize = 1600;
const BODY_WIDTH: usize = 8000;

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
        .add_style(Style::new("Title", StyleType::Paragraph).name("Title").bold().size(40).color(ACCENT))
        .add_style(heading_style("Heading1", "heading 1", 28, 0))
        .add_style(heading_style("Heading2", "heading 2", 22, 1))
        .footer(Footer::new().add_paragraph(
            Paragraph::new().add_run(text(&format!("{} · {}", p.title, p.version_line())).size(16).color(MUTED)),
        ));

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
                rows.push(TableRow::new(vec![
                    time_cell(&time, true),
                    session_cell(vec![Paragraph::new().add_run(line)], true),
                ]));
                continue;
            }
            let mut paragraphs = vec![Paragraph::new().style("Heading2").add_run(text(&s.title))];
            let mut kind = Paragraph::new().add_run(text(&s.kind.to_uppercase()).size(16).color(ACCENT));
            if !s.room.is_empty() {
                kind = kind.add_run(text(&format!(" · {}", s.room)).size(16).color(MUTED));
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
            rows.push(TableRow::new(vec![time_cell(&time, false), session_cell(paragraphs, false)]));
        }
        if rows.is_empty() {
            doc = doc.add_paragraph(Paragraph::new().add_run(text("No sessions yet.").italic().color(MUTED)));
        } else {
            doc = doc.add_table(Table::new(rows).set_grid(vec![TIME_WIDTH, BODY_WIDTH]));
        }
    }
    if let Some(ack) = &p.acknowledgement {
        doc = doc
            .add_paragraph(Paragraph::new())
            .add_paragraph(Paragraph::new().align(AlignmentType::Left).add_run(text(ack).italic().size(18)));
    }
    let mut out = std::io::Cursor::new(Vec::new());
    doc.build().pack(&mut out).map_err(|e| Error::write("DOCX", e))?;
    Ok(out.into_inner())
}
