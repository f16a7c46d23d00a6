//! ISO 3166-1 countries: codes checked on input, English short names for
//! display and for protocol order (country delegations alphabetically).
//!
//! Intergovernmental meetings name countries as the United Nations does
//! ("Bolivia (Plurinational State of)", "Republic of Korea", "United Kingdom
//! of Great Britain and Northern Ireland"), and sort them so: a country's
//! name is its UN short name where the UN has one (`data/un-names.tsv`, its
//! Member States, from UNTERM), else its ISO 3166 short name
//! (`data/iso3166-1.tsv`, from the ISO 3166 data that the pycountry package
//! publishes; the country crates on crates.io either lack the UN-style short
//! names or put articles in front of them), which is kept for matching. A plan
//! may name countries as ISO does instead ([`CountryNames`], a plan setting):
//! some funders and regional bodies ask for it.

use serde::{Deserialize, Serialize};
use specta::Type;
use std::sync::OnceLock;

const TABLE: &str = include_str!("../../data/iso3166-1.tsv");
const UN_NAMES: &str = include_str!("../../data/un-names.tsv");

/// One country of ISO 3166-1.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Type)]
pub struct Country {
    pub alpha2: &'static str,
    pub alpha3: &'static str,
    /// The UN's English short name, or the ISO one where the UN has none.
    pub name: &'static str,
    /// The ISO 3166 short name ("Korea, Republic of"), for matching only.
    #[serde(skip)]
    pub iso_name: &'static str,
}

/// The rows of a data file: tab-separated cells, comments left out.
fn rows(table: &'static str) -> impl Iterator<Item = Vec<&'static str>> {
    table.lines().filter(|line| !line.starts_with('#') && !line.is_empty()).map(|line| line.split('\t').collect())
}

/// The UN's short names of a Member State by alpha-2 code: English, Spanish, French.
pub(crate) fn un_names() -> impl Iterator<Item = (&'static str, [&'static str; 3])> {
    rows(UN_NAMES).filter_map(|cells| match cells[..] {
        [code, en, es, fr] => Some((code, [en, es, fr])),
        _ => None,
    })
}

/// Every country, ordered by alpha-2 code.
pub fn all() -> &'static [Country] {
    static COUNTRIES: OnceLock<Vec<Country>> = OnceLock::new();
    COUNTRIES.get_or_init(|| {
        let un: std::collections::HashMap<&str, &str> = un_names().map(|(code, [en, ..])| (code, en)).collect();
        rows(TABLE)
            .filter_map(|cells| match cells[..] {
                [alpha2, alpha3, iso_name, ..] => {
                    let name = un.get(alpha2).copied().unwrap_or(iso_name);
                    Some(Country { alpha2, alpha3, name, iso_name })
                }
                _ => None,
            })
            .collect()
    })
}

/// Every country with its name in `names`, in the collator's order: the pickers' list.
pub fn listed(names: CountryNames) -> Vec<Country> {
    let mut listed: Vec<Country> = all().iter().map(|c| Country { name: names.of(c), ..*c }).collect();
    listed.sort_by(|a, b| crate::collation::compare(a.name, b.name));
    listed
}

/// The country with this alpha-2 or alpha-3 code (any case).
pub fn by_code(code: &str) -> Option<&'static Country> {
    // Stored codes are upper-case alpha-2: found by halving the sorted table
    // (lists and their sorting look up a country per row); anything else by the full lookup.
    if let Ok(i) = all().binary_search_by(|c| c.alpha2.cmp(code)) {
        return Some(&all()[i]);
    }
    let code = code.trim();
    all().iter().find(|c| c.alpha2.eq_ignore_ascii_case(code) || c.alpha3.eq_ignore_ascii_case(code))
}

/// The country whose English short name (UN or ISO), or code, matches `text` (any case).
pub fn find(text: &str) -> Option<&'static Country> {
    let text = text.trim();
    by_code(text)
        .or_else(|| all().iter().find(|c| c.name.eq_ignore_ascii_case(text) || c.iso_name.eq_ignore_ascii_case(text)))
}

/// How a plan names countries in its screens and documents.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize, Type)]
#[serde(rename_all = "snake_case")]
pub enum CountryNames {
    /// The UN's short names ("Bolivia (Plurinational State of)"), ISO's where the UN has none.
    #[default]
    Un,
    /// ISO 3166's short names ("Bolivia, Plurinational State of").
    Iso,
}

impl CountryNames {
    /// The value kept in the plan's settings.
    pub(crate) fn stored(self) -> &'static str {
        match self {
            CountryNames::Un => "un",
            CountryNames::Iso => "iso",
        }
    }

    /// The naming a stored value means; anything else is the default.
    pub(crate) fn from_stored(value: &str) -> CountryNames {
        if value == CountryNames::Iso.stored() { CountryNames::Iso } else { CountryNames::Un }
    }

    /// The country's name in this naming.
    pub fn of(self, country: &Country) -> &'static str {
        match self {
            CountryNames::Un => country.name,
            CountryNames::Iso => country.iso_name,
        }
    }

    /// The English short name for an alpha-2 code in this naming, or the code itself when unknown.
    pub fn name_of(self, alpha2: &str) -> &str {
        by_code(alpha2).map_or(alpha2, |c| self.of(c))
    }
}

mod matching;
mod setting;
pub use matching::match_country;
pub(crate) use setting::country_names_in;

#[cfg(test)]
mod tests {
    use super::*;

    fn name_of(alpha2: &str) -> &str {
        CountryNames::Un.name_of(alpha2)
    }

    #[test]
    fn the_iso_naming_gives_iso_names_and_both_agree_where_the_un_has_no_name_of_its_own() {
        assert_eq!(CountryNames::Iso.name_of("BO"), "Bolivia, Plurinational State of");
        assert_eq!(CountryNames::Iso.name_of("KR"), "Korea, Republic of");
        assert_eq!(CountryNames::Iso.name_of("kgz"), "Kyrgyzstan");
        assert_eq!(CountryNames::Iso.name_of("XX"), "XX");
        assert_eq!(CountryNames::Iso.name_of("PS"), CountryNames::Un.name_of("PS"));
        assert_eq!(CountryNames::from_stored(CountryNames::Iso.stored()), CountryNames::Iso);
        assert_eq!(CountryNames::from_stored("garbled"), CountryNames::Un);
    }

    #[test]
    fn the_pickers_list_names_and_sorts_by_the_plans_naming() {
        let position = |list: &[Country], code: &str| list.iter().position(|c| c.alpha2 == code).unwrap();
        let un = listed(CountryNames::Un);
        assert_eq!(un.len(), all().len());
        assert!(position(&un, "CI") < position(&un, "CW"), "Côte d'Ivoire before Curaçao");
        assert!(position(&un, "AX") < position(&un, "AL"), "Åland Islands among the A's");
        assert!(position(&un, "KR") > position(&un, "PT"), "Republic of Korea under R");
        let iso = listed(CountryNames::Iso);
        assert_eq!(iso[position(&iso, "KR")].name, "Korea, Republic of");
        assert!(position(&iso, "KR") < position(&iso, "PT"), "Korea, Republic of under K");
    }

    #[test]
    fn table_holds_every_iso_country_with_un_style_names() {
        assert_eq!(all().len(), 249);
        assert_eq!(name_of("LA"), "Lao People’s Democratic Republic");
        assert_eq!(
            name_of("BO"),
            "Bolivia (Plurinational State of)",
            "the UN's name, not ISO's 'Bolivia, Plurinational State of'"
        );
        assert_eq!(name_of("KR"), "Republic of Korea");
        assert_eq!(name_of("PS"), "Palestine, State of", "not a Member State: the ISO name");
        assert_eq!(name_of("TL"), "Timor-Leste");
        assert_eq!(by_code("kgz").map(|c| c.alpha2), Some("KG"));
        assert_eq!(find("philippines").map(|c| c.alpha2), Some("PH"));
        assert!(by_code("XX").is_none());
    }

    #[test]
    fn names_are_found_for_every_code_in_any_case_and_unknown_codes_stay_as_typed() {
        assert!(all().windows(2).all(|w| w[0].alpha2 < w[1].alpha2), "by_code halves the table: keep it sorted");
        for country in all() {
            assert_eq!(name_of(country.alpha2), country.name);
        }
        assert_eq!(name_of("la"), "Lao People’s Democratic Republic");
        assert_eq!(name_of("KGZ"), "Kyrgyzstan");
        assert_eq!(name_of("XX"), "XX");
    }

    #[test]
    fn countries_are_found_by_name_alias_or_code() {
        let code = |t: &str| match_country(t).map(|c| c.alpha2);
        assert_eq!(code("Lao PDR"), Some("LA"));
        assert_eq!(code("Laos"), Some("LA"));
        assert_eq!(code("Viet Nam"), Some("VN"));
        assert_eq!(code("Vietnam"), Some("VN"));
        assert_eq!(code("The Philippines"), Some("PH"));
        assert_eq!(code("philippines"), Some("PH"));
        assert_eq!(code("KHM"), Some("KH"));
        assert_eq!(code("th"), Some("TH"));
        assert_eq!(code("Iran"), Some("IR"));
        assert_eq!(code("Bolivia"), Some("BO"));
        assert_eq!(code("Türkiye"), Some("TR"));
        assert_eq!(code("Timor-Leste"), Some("TL"));
        assert_eq!(code("CÔTE D’IVOIRE"), Some("CI"));
        assert_eq!(code("Cote d'Ivoire"), Some("CI"));
        assert_eq!(code("Türkiye"), code("turkiye"));
        assert_eq!(code("Atlantis"), None);
        assert_eq!(code(""), None);
    }
}
