//! The plan's choice of country names, kept in its settings (so that a team
//! folder brings every organiser's copy to the same choice and every export of
//! the plan names countries alike, whoever makes it).

use super::CountryNames;
use crate::error::Result;
use crate::plan_setting;
use crate::store::Store;
use rusqlite::Connection;

const KEY: &str = "country_names";

/// The naming of the plan behind `conn` (the UN's names unless set).
pub(crate) fn country_names_in(conn: &Connection) -> Result<CountryNames> {
    Ok(plan_setting::read(conn, KEY)?.as_deref().map_or(CountryNames::Un, CountryNames::from_stored))
}

impl Store {
    /// How the plan names countries in its screens and documents.
    pub fn country_names(&self) -> Result<CountryNames> {
        country_names_in(self.read())
    }

    /// Names countries the UN's way or ISO's in every screen and document of the plan.
    pub fn set_country_names(&mut self, names: CountryNames) -> Result<()> {
        self.write(|conn| plan_setting::write(conn, KEY, names.stored()))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_plan_names_countries_the_uns_way_until_set_otherwise_and_keeps_the_choice() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("plan.sqlite");
        let mut store = Store::open(&path).unwrap();
        assert_eq!(store.country_names().unwrap(), CountryNames::Un);
        store.set_country_names(CountryNames::Iso).unwrap();
        drop(store);
        let mut store = Store::open(&path).unwrap();
        assert_eq!(store.country_names().unwrap(), CountryNames::Iso);
        store.set_country_names(CountryNames::Un).unwrap();
        assert_eq!(store.country_names().unwrap(), CountryNames::Un);
    }
}
