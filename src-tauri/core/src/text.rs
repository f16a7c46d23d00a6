//! How text is compared when people look for it: one folding rule for every
//! match in the plan (search, import matching, duplicate checks), so "Nguyễn",
//! "nguyen" and "NGUYEN" are the same name wherever they are typed.
//!
//! Folding decomposes the text (Unicode NFKD), drops the diacritical marks the
//! decomposition exposes (the combining diacritics of Latin, Greek and
//! Cyrillic letters; the vowel and tone signs of Thai or Devanagari are
//! letters of their words and stay), lowers the case, and turns every run of spaces and
//! punctuation into one space. It is for matching only: names are stored and
//! shown as typed, and ordering is a collator's job.
//!
//! SQL uses the same rule through the `fold(text)` function registered on
//! every connection of the store ([`register`]); the people search index holds
//! folded text.

use rusqlite::Connection;
use rusqlite::functions::FunctionFlags;
use unicode_normalization::UnicodeNormalization;
use unicode_normalization::char::is_combining_mark;

/// `text` folded for matching: marks off, lower case, punctuation and
/// whitespace as single spaces, trimmed.
pub fn fold(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut pending_space = false;
    for c in text.nfkd().filter(|c| !is_diacritic(*c)) {
        // The signs of Thai or Devanagari words are marks, not separators.
        if !c.is_alphanumeric() && !is_combining_mark(c) {
            pending_space = !out.is_empty();
            continue;
        }
        if pending_space {
            out.push(' ');
            pending_space = false;
        }
        match c {
            // Letters that carry their mark inside them and do not decompose.
            'ß' | 'ẞ' => out.push_str("ss"),
            'æ' | 'Æ' => out.push_str("ae"),
            'œ' | 'Œ' => out.push_str("oe"),
            'ø' | 'Ø' => out.push('o'),
            'đ' | 'Đ' | 'ð' | 'Ð' => out.push('d'),
            'ł' | 'Ł' => out.push('l'),
            'ı' => out.push('i'),
            c => out.extend(c.to_lowercase()),
        }
    }
    out
}

/// A combining diacritical mark: an accent, cedilla, hook or tone mark over or
/// under a letter.
fn is_diacritic(c: char) -> bool {
    matches!(c, '\u{0300}'..='\u{036F}' | '\u{1AB0}'..='\u{1AFF}' | '\u{1DC0}'..='\u{1DFF}' | '\u{20D0}'..='\u{20FF}' | '\u{FE20}'..='\u{FE2F}')
}

/// Registers `fold(text)` on `conn`, for queries, triggers and the search index.
/// NULL folds to NULL.
pub fn register(conn: &Connection) -> rusqlite::Result<()> {
    conn.create_scalar_function(
        "fold",
        1,
        FunctionFlags::SQLITE_UTF8 | FunctionFlags::SQLITE_DETERMINISTIC | FunctionFlags::SQLITE_INNOCUOUS,
        |ctx| Ok(ctx.get::<Option<String>>(0)?.map(|text| fold(&text))),
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn accents_case_and_spacing_fold_away() {
        for spelling in ["Nguyễn", "nguyen", "NGUYEN", "Nguyen", " NGUYỄN ", "Nguye\u{302}\u{303}n"] {
            assert_eq!(fold(spelling), "nguyen", "{spelling}");
        }
        assert_eq!(fold("José"), fold("JOSE"));
        assert_eq!(fold("Côte d’Ivoire"), "cote d ivoire");
        assert_eq!(fold("  Jean--Pierre\t\tO'Brien "), "jean pierre o brien");
        assert_eq!(fold("Đặng Thị Ánh"), "dang thi anh");
        assert_eq!(fold("Łódź Straße Søren"), "lodz strasse soren");
        assert_eq!(fold("E-mail (optional)"), "e mail optional");
        assert_eq!(fold("Ｆｕｌｌ　width"), "full width");
        assert_eq!(fold("Ελένη"), "ελενη");
        assert_eq!(fold("Йорданов"), "иорданов", "Cyrillic breve as an accent");
        assert_eq!(fold("วงศ์สวัสดิ์"), "วงศ์สวัสดิ์", "Thai signs are part of the word");
        assert_eq!(fold("— "), "");
    }

    #[test]
    fn sql_folds_like_rust() {
        let conn = Connection::open_in_memory().unwrap();
        register(&conn).unwrap();
        let folded: String = conn.query_row("SELECT fold(?1)", ["São Tomé"], |r| r.get(0)).unwrap();
        assert_eq!(folded, "sao tome");
        let null: Option<String> = conn.query_row("SELECT fold(NULL)", [], |r| r.get(0)).unwrap();
        assert_eq!(null, None);
    }
}
