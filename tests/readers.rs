//! The real readers the document tests open files with, so that what is
//! checked is what a person's program shows, not what our code meant to
//! write: poppler (pdftotext, pdfinfo, pdftoppm), LibreOffice, calamine.

use std::process::Command;

/// The text of a PDF as poppler's pdftotext reads it.
pub fn pdf_text(pdf: &[u8]) -> String {
    assert!(pdf.starts_with(b"%PDF-"), "not a PDF");
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("doc.pdf");
    std::fs::write(&path, pdf).unwrap();
    let out = Command::new("pdftotext").arg(&path).arg("-").output().expect("pdftotext (poppler-utils) is installed");
    assert!(out.status.success(), "pdftotext failed: {}", String::from_utf8_lossy(&out.stderr));
    String::from_utf8(out.stdout).unwrap()
}

/// `text` with every run of whitespace as one space: a PDF's lines joined as they read.
pub fn flat(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// The number of pages and the page size (points) as pdfinfo reports them.
pub fn pdf_info(pdf: &[u8]) -> (u32, String) {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("doc.pdf");
    std::fs::write(&path, pdf).unwrap();
    let out = Command::new("pdfinfo").arg(&path).output().expect("pdfinfo (poppler-utils) is installed");
    let text = String::from_utf8(out.stdout).unwrap();
    let pages = text.lines().find_map(|l| l.strip_prefix("Pages:")).unwrap().trim().parse().unwrap();
    let size = text.lines().find_map(|l| l.strip_prefix("Page size:")).unwrap().trim().to_owned();
    (pages, size)
}

/// Renders page `page` of a PDF to a PNG under target/documents-preview/ for a person to look at.
pub fn render_page(pdf: &[u8], name: &str, page: u32) {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../target/documents-preview");
    std::fs::create_dir_all(&dir).unwrap();
    let path = dir.join(format!("{name}.pdf"));
    std::fs::write(&path, pdf).unwrap();
    let status = Command::new("pdftoppm")
        .args(["-png", "-r", "80", "-f", &page.to_string(), "-l", &page.to_string(), "-singlefile"])
        .arg(&path)
        .arg(dir.join(name))
        .status()
        .expect("pdftoppm (poppler-utils) is installed");
    assert!(status.success());
    assert!(dir.join(format!("{name}.png")).exists());
}

/// `document` (named `name`) as LibreOffice opens it and saves it again as
/// `to` (headless, with a throwaway profile so it never touches the user's);
/// `options` are the import filter's, if any.
fn as_libreoffice_converts_it(document: &[u8], name: &str, to: &str, options: &[&str]) -> Vec<u8> {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join(name);
    std::fs::write(&path, document).unwrap();
    let profile = format!("-env:UserInstallation=file://{}", dir.path().join("profile").display());
    let out = Command::new("soffice")
        .args([profile.as_str(), "--headless"])
        .args(options)
        .args(["--convert-to", to, "--outdir"])
        .arg(dir.path())
        .arg(&path)
        .output()
        .expect("LibreOffice (soffice) is installed: bash scripts/setup.sh --tests");
    let converted = path.with_extension(to);
    assert!(converted.exists(), "LibreOffice did not open {name}: {}", String::from_utf8_lossy(&out.stderr));
    std::fs::read(converted).unwrap()
}

/// The DOCX as LibreOffice Writer opens it, printed to PDF.
pub fn docx_as_libreoffice_prints_it(docx: &[u8]) -> Vec<u8> {
    as_libreoffice_converts_it(docx, "programme.docx", "pdf", &[])
}

/// The XLSX as LibreOffice Calc prints it, to PDF (with the sheet's own print set-up).
pub fn xlsx_as_calc_prints_it(xlsx: &[u8]) -> Vec<u8> {
    as_libreoffice_converts_it(xlsx, "participants.xlsx", "pdf", &[])
}

/// The cells of a CSV as LibreOffice Calc shows them (opened as UTF-8 with
/// commas, as its import dialog proposes for this file).
pub fn csv_as_calc_shows_it(csv: &[u8]) -> Vec<Vec<String>> {
    let xlsx = as_libreoffice_converts_it(csv, "participants.csv", "xlsx", &["--infilter=CSV:44,34,76,1"]);
    read_xlsx(xlsx).remove(0).1
}

pub fn read_xlsx(bytes: Vec<u8>) -> Vec<(String, Vec<Vec<String>>)> {
    use calamine::Reader;
    let mut workbook = calamine::open_workbook_auto_from_rs(std::io::Cursor::new(bytes)).unwrap();
    workbook
        .sheet_names()
        .into_iter()
        .map(|name| {
            let range = workbook.worksheet_range(&name).unwrap();
            let rows = range.rows().map(|r| r.iter().map(|c| c.to_string()).collect()).collect();
            (name, rows)
        })
        .collect()
}

/// A word of a PDF as poppler places it: its page (from 1), its text and its
/// box in points (`pdftotext -bbox`): the box's height follows the font size.
#[derive(Debug, Clone, PartialEq)]
pub struct PlacedWord {
    pub page: usize,
    pub text: String,
    pub x: (f64, f64),
    pub y: (f64, f64),
}

impl PlacedWord {
    pub fn height(&self) -> f64 {
        self.y.1 - self.y.0
    }
}

/// Every word of a PDF with its page and box.
pub fn pdf_words(pdf: &[u8]) -> Vec<PlacedWord> {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("doc.pdf");
    std::fs::write(&path, pdf).unwrap();
    let out = Command::new("pdftotext").arg("-bbox").arg(&path).arg("-").output().expect("pdftotext is installed");
    let html = String::from_utf8(out.stdout).unwrap();
    let attribute = |tag: &str, name: &str| -> f64 {
        let start = tag.find(&format!("{name}=\"")).unwrap() + name.len() + 2;
        tag[start..].split('"').next().unwrap().parse().unwrap()
    };
    let mut words = Vec::new();
    for (page, body) in html.split("<page ").skip(1).enumerate() {
        for tag in body.split("<word ").skip(1) {
            let (attributes, rest) = tag.split_once('>').unwrap();
            let text = rest.split("</word>").next().unwrap().replace("&amp;", "&").replace("&apos;", "'");
            words.push(PlacedWord {
                page: page + 1,
                text,
                x: (attribute(attributes, "xMin"), attribute(attributes, "xMax")),
                y: (attribute(attributes, "yMin"), attribute(attributes, "yMax")),
            });
        }
    }
    words
}
