//! PDF typesetting with Typst used as a library.
//!
//! Each document is a fixed Typst template (`templates/*.typ`, written and
//! reviewed like code) plus its data as a JSON file the template loads with
//! `json("data.json")`. User text therefore never becomes Typst markup: a
//! name like `*#eval("…")` or `$x$` is a string value and prints as written,
//! with no escaping rules to get wrong. The small [`World`] below serves the
//! template, the data and the embedded fonts, and nothing from disk.

use crate::error::{Error, Result};
use crate::fonts;
use serde::Serialize;
use std::sync::OnceLock;
use typst::diag::{FileError, FileResult};
use typst::foundations::{Bytes, Datetime};
use typst::layout::PagedDocument;
use typst::syntax::{FileId, Source, VirtualPath};
use typst::text::{Font, FontBook};
use typst::utils::LazyHash;
use typst::{Library, LibraryExt, World};

struct Shared {
    library: LazyHash<Library>,
    book: LazyHash<FontBook>,
    fonts: Vec<Font>,
}

/// The library and fonts are parsed once per process.
fn shared() -> &'static Shared {
    static SHARED: OnceLock<Shared> = OnceLock::new();
    SHARED.get_or_init(|| {
        let fonts: Vec<Font> = fonts::FILES.iter().flat_map(|data| Font::iter(Bytes::new(*data))).collect();
        Shared { library: LazyHash::new(Library::default()), book: LazyHash::new(FontBook::from_fonts(&fonts)), fonts }
    })
}

/// One compilation: a template and its data.
struct Job {
    main: Source,
    data: Bytes,
}

fn data_id() -> FileId {
    FileId::new(None, VirtualPath::new("data.json"))
}

impl World for Job {
    fn library(&self) -> &LazyHash<Library> {
        &shared().library
    }

    fn book(&self) -> &LazyHash<FontBook> {
        &shared().book
    }

    fn main(&self) -> FileId {
        self.main.id()
    }

    fn source(&self, id: FileId) -> FileResult<Source> {
        if id == self.main.id() {
            Ok(self.main.clone())
        } else {
            Err(FileError::NotFound(id.vpath().as_rootless_path().into()))
        }
    }

    fn file(&self, id: FileId) -> FileResult<Bytes> {
        if id == data_id() {
            Ok(self.data.clone())
        } else {
            Err(FileError::NotFound(id.vpath().as_rootless_path().into()))
        }
    }

    fn font(&self, index: usize) -> Option<Font> {
        shared().fonts.get(index).cloned()
    }

    fn today(&self, _offset: Option<i64>) -> Option<Datetime> {
        // Templates print the version date they are given, never "today".
        None
    }
}

/// The family list as a Typst array literal, for `#set text(font: …)`.
fn families() -> String {
    let quoted: Vec<String> = fonts::FAMILIES.iter().map(|f| format!("\"{f}\"")).collect();
    format!("({},)", quoted.join(", "))
}

/// Typesets `template` (Typst source) with `data` (serialised to `data.json`) into a PDF.
pub fn pdf(template: &str, data: &impl Serialize) -> Result<Vec<u8>> {
    let json = serde_json::to_vec(data).map_err(|e| Error::Typeset(e.to_string()))?;
    let source = template.replace("FONT_FAMILIES", &families());
    let job =
        Job { main: Source::new(FileId::new(None, VirtualPath::new("main.typ")), source), data: Bytes::new(json) };
    let document: PagedDocument = typst::compile(&job).output.map_err(|errors| {
        Error::Typeset(errors.iter().map(|e| e.message.to_string()).collect::<Vec<_>>().join("; "))
    })?;
    typst_pdf::pdf(&document, &typst_pdf::PdfOptions::default())
        .map_err(|errors| Error::Typeset(errors.iter().map(|e| e.message.to_string()).collect::<Vec<_>>().join("; ")))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_embedded_family_is_known_to_the_typesetter() {
        let book = &shared().book;
        for family in fonts::FAMILIES {
            assert!(book.select_family(&family.to_lowercase()).next().is_some(), "{family} missing");
        }
    }

    #[test]
    fn user_text_is_data_not_markup() {
        let pdf = pdf(
            "#let d = json(\"data.json\")\n#set text(font: FONT_FAMILIES)\n#d.name",
            &serde_json::json!({"name": "*#panic(\"x\")* $x$ <a> @b"}),
        )
        .unwrap();
        assert!(pdf.starts_with(b"%PDF"));
    }
}
