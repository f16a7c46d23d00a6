//! Which country a registration list means: "RD", "República Dominicana",
//! "Trinidad & Tobago", "St. Lucia", "Bolivia (Plurinational State of)",
//! "Lao PDR". A name is matched by its ISO code, its ISO 3166 short name, the
//! UN's short names in English, Spanish and French, the names CLDR gives it
//! in those languages (with CLDR's short and
//! variant forms: `data/country-names-cldr.tsv`, written from the CLDR data by
//! `scripts/cldr-country-names.py`), or a common alias, compared by [`key`]:
//! without case, accents or punctuation, the small words of the three
//! languages left out and common abbreviations written out. A key that two
//! countries share matches neither: a wrong guess would put a person in
//! another country's delegation.

use super::{Country, all, by_code, find, rows, un_names};
use crate::text::fold;
use std::collections::HashMap;
use std::sync::OnceLock;

const CLDR_NAMES: &str = include_str!("../../data/country-names-cldr.tsv");

const ALIASES: &[(&str, &str)] = &[
    ("lao pdr", "LA"),
    ("laos", "LA"),
    ("lao", "LA"),
    ("vietnam", "VN"),
    ("viet nam", "VN"),
    ("the philippines", "PH"),
    ("philippines the", "PH"),
    ("burma", "MM"),
    ("kyrgyz republic", "KG"),
    ("east timor", "TL"),
    ("timor leste", "TL"),
    ("south korea", "KR"),
    ("republic of korea", "KR"),
    ("korea", "KR"),
    ("north korea", "KP"),
    ("iran", "IR"),
    ("russia", "RU"),
    ("turkey", "TR"),
    ("syria", "SY"),
    ("tanzania", "TZ"),
    ("bolivia", "BO"),
    ("venezuela", "VE"),
    ("moldova", "MD"),
    ("brunei", "BN"),
    ("usa", "US"),
    ("united states", "US"),
    ("united states of america", "US"),
    ("uk", "GB"),
    ("united kingdom", "GB"),
    ("great britain", "GB"),
    ("czech republic", "CZ"),
    ("ivory coast", "CI"),
    ("cote d ivoire", "CI"),
    ("cape verde", "CV"),
    ("swaziland", "SZ"),
    ("macedonia", "MK"),
    ("palestine", "PS"),
    ("taiwan", "TW"),
    ("hong kong sar", "HK"),
    ("dr congo", "CD"),
    ("drc", "CD"),
];

/// A name reduced to the words that tell countries apart.
fn key(name: &str) -> String {
    fold(name)
        .split(' ')
        .filter_map(|word| match word {
            // "and", "of", "the" in English, Spanish and French.
            "and" | "y" | "e" | "et" | "of" | "the" | "de" | "del" | "des" | "du" | "d" | "la" | "le" | "les" | "l"
            | "el" | "los" | "las" => None,
            "st" | "ste" | "sainte" => Some("saint"),
            "rep" => Some("republic"),
            "dem" => Some("democratic"),
            "fed" => Some("federated"),
            "is" | "isl" => Some("islands"),
            word => Some(word),
        })
        .collect::<Vec<_>>()
        .join(" ")
}

/// Names by their key; `None` where names of two countries share a key.
fn index<'a>(names: impl Iterator<Item = (&'a str, &'static Country)>) -> HashMap<String, Option<&'static Country>> {
    let mut index: HashMap<String, Option<&'static Country>> = HashMap::new();
    for (name, country) in names {
        let entry = index.entry(key(name)).or_insert(Some(country));
        if entry.is_some_and(|known| known.alpha2 != country.alpha2) {
            *entry = None;
        }
    }
    index
}

/// Every name of every country by its key (see [`index`]).
fn by_key() -> &'static HashMap<String, Option<&'static Country>> {
    static NAMES: OnceLock<HashMap<String, Option<&'static Country>>> = OnceLock::new();
    NAMES.get_or_init(|| {
        // "Korea, Republic of" is also written "Republic of Korea".
        let inverted: Vec<(String, &'static Country)> = all()
            .iter()
            .filter_map(|c| c.iso_name.split_once(", ").map(|(name, tail)| (format!("{tail} {name}"), c)))
            .collect();
        let un = un_names()
            .filter_map(|(code, names)| Some((by_code(code)?, names)))
            .flat_map(|(country, names)| names.map(|name| (name, country)));
        let cldr = rows(CLDR_NAMES).filter_map(|cells| match cells[..] {
            [code, _locale, name] => Some((name, by_code(code)?)),
            _ => None,
        });
        index(
            all()
                .iter()
                .flat_map(|c| [(c.name, c), (c.iso_name, c)])
                .chain(inverted.iter().map(|(name, c)| (name.as_str(), *c)))
                .chain(un)
                .chain(cldr),
        )
    })
}

/// The country a person wrote (see the module's documentation), or `None`
/// when no country, or more than one, goes by that name.
pub fn match_country(text: &str) -> Option<&'static Country> {
    let text = text.trim();
    if text.is_empty() {
        return None;
    }
    if let Some(c) = find(text) {
        return Some(c);
    }
    let wanted = fold(text);
    let wanted = wanted.strip_prefix("the ").unwrap_or(&wanted);
    if let Some((_, code)) = ALIASES.iter().find(|(alias, _)| *alias == wanted) {
        return by_code(code);
    }
    by_key().get(&key(text)).copied().flatten()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn spanish_french_and_cldr_english_names_abbreviations_and_symbols_match() {
        let code = |t: &str| match_country(t).map(|c| c.alpha2);
        for (text, expected) in [
            ("República Dominicana", "DO"),
            ("Republica Dominicana", "DO"),
            ("République dominicaine", "DO"),
            ("Dominican Rep.", "DO"),
            ("Trinidad & Tobago", "TT"),
            ("Trinidad y Tobago", "TT"),
            ("Trinité-et-Tobago", "TT"),
            ("St. Lucia", "LC"),
            ("Saint Lucia", "LC"),
            ("Santa Lucía", "LC"),
            ("Sainte-Lucie", "LC"),
            ("St Kitts & Nevis", "KN"),
            ("Bolivia (Plurinational State of)", "BO"),
            ("Bolivia (Estado Plurinacional de)", "BO"),
            ("Bolivie (État plurinational de)", "BO"),
            ("República Unida de Tanzanía", "TZ"),
            ("Korea, Republic of", "KR"),
            ("Bolivie", "BO"),
            ("Republic of Korea", "KR"),
            ("Corea del Sur", "KR"),
            ("Corée du Sud", "KR"),
            ("Côte d'Ivoire", "CI"),
            ("Costa de Marfil", "CI"),
            ("Ivory Coast", "CI"),
            ("Congo - Kinshasa", "CD"),
            ("República Democrática del Congo", "CD"),
            ("Congo", "CG"),
            ("México", "MX"),
            ("Mexique", "MX"),
            ("Brasil", "BR"),
            ("Viêt Nam", "VN"),
            ("Emiratos Árabes Unidos", "AE"),
            ("Royaume-Uni", "GB"),
            ("EE. UU.", "US"),
        ] {
            assert_eq!(code(text), Some(expected), "{text}");
        }
        assert_eq!(code("Atlantis"), None);
    }

    #[test]
    fn a_name_two_countries_share_matches_neither() {
        let (guinea, equatorial) = (by_code("GN").unwrap(), by_code("GQ").unwrap());
        let names = index([("Guinea", guinea), ("Guinée", guinea), ("Guinea", equatorial)].into_iter());
        assert_eq!(names.get("guinea"), Some(&None), "shared: matches neither");
        assert_eq!(names.get("guinee"), Some(&Some(guinea)), "one country's alone");
        // The shipped names share no key today; one that did would match no country, not the first.
        assert!(by_key().values().all(Option::is_some));
    }
}
