//! People: the person fields (honorific, names, position, organisation,
//! contact, gender for balance statistics, languages), reusable across events.

use crate::bulk;
use crate::error::{Checks, Error, Result};
use crate::field::Field;
use crate::store::Store;
use crate::validate::{self, LINE_MAX};
use crate::vocabulary::Gender;
use rusqlite::types::ToSqlOutput;
use rusqlite::{Connection, OptionalExtension, Row, ToSql};
use serde::{Deserialize, Serialize};
use specta::Type;
use std::collections::HashMap;
use uuid::Uuid;

pub(crate) mod search;

pub(crate) use search::deleting_people;
pub use search::{SEARCH_CANDIDATES, trigrams};

/// A person.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Type)]
pub struct Person {
    pub id: Uuid,
    /// "H.E.", "Dr", "Ms"…
    pub honorific: String,
    pub given_name: String,
    pub family_name: String,
    pub position: String,
    /// Ministry or organisation, as the person writes it.
    pub organisation: String,
    pub email: Option<String>,
    pub phone: String,
    pub gender: Gender,
    pub languages: Vec<String>,
    /// "H.E. Mr Phuchphop Mongkolnavin", see [`full_name`].
    pub full_name: String,
}

/// A person's name as every screen and document shows it: the honorific,
/// given and family names, each trimmed, the empty ones left out. Stored
/// people have it from the plan's generated column `person.full_name`, which
/// queries sort and search by; this is the same rule for people not stored
/// yet (a checked input, an import row), and a test holds the two together.
pub fn full_name(honorific: &str, given_name: &str, family_name: &str) -> String {
    [honorific.trim(), given_name.trim(), family_name.trim()]
        .into_iter()
        .filter(|part| !part.is_empty())
        .collect::<Vec<_>>()
        .join(" ")
}

/// What a person types to create or change a person.
#[derive(Debug, Clone, Default, Serialize, Deserialize, Type)]
pub struct PersonInput {
    pub honorific: String,
    pub given_name: String,
    pub family_name: String,
    pub position: String,
    pub organisation: String,
    pub email: Option<String>,
    pub phone: String,
    pub gender: Option<Gender>,
    pub languages: Vec<String>,
}

impl PersonInput {
    /// The checked person, or every problem of the input at once.
    pub(crate) fn validated(&self, id: Uuid) -> Result<Person> {
        let mut checks = Checks::default();
        let mut person = Person {
            id,
            honorific: checks.check(validate::limited(Field::Honorific, "Honorific", &self.honorific, 40)),
            given_name: checks.check(validate::limited(Field::GivenName, "Given name", &self.given_name, LINE_MAX)),
            family_name: checks.check(validate::required(
                Field::FamilyName,
                "Family name",
                &self.family_name,
                LINE_MAX,
            )),
            position: checks.check(validate::limited(Field::Position, "Position", &self.position, LINE_MAX)),
            organisation: checks.check(validate::limited(
                Field::Organisation,
                "Organisation",
                &self.organisation,
                LINE_MAX,
            )),
            email: checks.check(validate::email(Field::Email, self.email.as_deref())),
            phone: checks.check(validate::limited(Field::Phone, "Phone", &self.phone, 60)),
            gender: self.gender.unwrap_or(Gender::Undisclosed),
            languages: checks.check(validate::list(Field::Languages, "Language", &self.languages)),
            full_name: String::new(),
        };
        checks.done()?;
        person.full_name = full_name(&person.honorific, &person.given_name, &person.family_name);
        Ok(person)
    }
}

pub(crate) fn from_row(row: &Row<'_>) -> rusqlite::Result<Person> {
    from_row_with_id(row, "id")
}

/// A person from a row whose person id is in column `id` (a join names the
/// person's id apart from the row's own).
pub(crate) fn from_row_with_id(row: &Row<'_>, id: &str) -> rusqlite::Result<Person> {
    let languages: String = row.get("languages")?;
    Ok(Person {
        id: row.get(id)?,
        honorific: row.get("honorific")?,
        given_name: row.get("given_name")?,
        family_name: row.get("family_name")?,
        position: row.get("position")?,
        organisation: row.get("organisation")?,
        email: row.get("email")?,
        phone: row.get("phone")?,
        gender: row.get("gender")?,
        languages: serde_json::from_str(&languages)
            .map_err(|e| rusqlite::Error::FromSqlConversionFailure(0, rusqlite::types::Type::Text, Box::new(e)))?,
        full_name: row.get("full_name")?,
    })
}

/// Fails unless the person exists.
pub(crate) fn ensure_exists(conn: &Connection, id: Uuid) -> Result<Person> {
    conn.prepare_cached("SELECT * FROM person WHERE id = ?1")?
        .query_row([id], from_row)
        .optional()?
        .ok_or(Error::NotFound { what: "Person" })
}

/// The person with this e-mail address (any case), if any.
pub(crate) fn by_email(conn: &Connection, email: &str) -> Result<Option<Person>> {
    Ok(conn
        .prepare_cached("SELECT * FROM person WHERE email = ?1 COLLATE NOCASE")?
        .query_row([email], from_row)
        .optional()?)
}

/// The ids of every person with an e-mail address, by the address in ASCII
/// lower case (how `COLLATE NOCASE` compares); of two people with one
/// address, the first recorded, as [`by_email`] finds.
pub(crate) fn ids_by_email(conn: &Connection) -> Result<HashMap<String, Uuid>> {
    let mut statement = conn.prepare("SELECT email, id FROM person WHERE email IS NOT NULL ORDER BY rowid")?;
    let mut rows = statement.query([])?;
    let mut ids = HashMap::new();
    while let Some(row) = rows.next()? {
        let email: String = row.get(0)?;
        ids.entry(email.to_ascii_lowercase()).or_insert(row.get(1)?);
    }
    Ok(ids)
}

/// Inserts a checked person; the e-mail address must be new to the plan.
pub(crate) fn insert(conn: &Connection, p: &Person) -> Result<()> {
    refuse_taken_email(conn, p, None)?;
    insert_row(conn, p)
}

/// Fails when another person than `except` already has `p`'s e-mail address.
fn refuse_taken_email(conn: &Connection, p: &Person, except: Option<Uuid>) -> Result<()> {
    if let Some(email) = &p.email
        && let Some(other) = by_email(conn, email)?.filter(|o| Some(o.id) != except)
    {
        return Err(Error::duplicate(
            Field::Email,
            format!("{} already uses the e-mail address {email}", other.full_name),
        ));
    }
    Ok(())
}

/// Writes a new person whose e-mail address the caller has found unused.
pub(crate) fn insert_row(conn: &Connection, p: &Person) -> Result<()> {
    insert_rows(conn, [p])
}

/// The start and end of the statement that inserts person rows (see [`bulk::execute`]).
pub(crate) const INSERT: bulk::Around = (
    "INSERT INTO person (id, honorific, given_name, family_name, position, organisation, email, phone, gender, languages)
     VALUES",
    "",
);
/// The start and end of the statement that changes person rows by id (see [`bulk::execute`]).
pub(crate) const UPDATE: bulk::Around = (
    "UPDATE person SET honorific = v.column2, given_name = v.column3, family_name = v.column4,
        position = v.column5, organisation = v.column6, email = v.column7, phone = v.column8,
        gender = v.column9, languages = v.column10
     FROM (VALUES",
    ") AS v WHERE person.id = v.column1",
);

/// Writes new people, as [`insert_row`] does, in as few statements as SQLite allows.
pub(crate) fn insert_rows<'a>(conn: &Connection, people: impl IntoIterator<Item = &'a Person>) -> Result<()> {
    bulk::execute(conn, INSERT, people, values)
}

/// Changes a checked person; the e-mail address must not be another person's.
pub(crate) fn update(conn: &Connection, id: Uuid, p: &Person) -> Result<()> {
    ensure_exists(conn, id)?;
    refuse_taken_email(conn, p, Some(id))?;
    update_row(conn, p)
}

/// Writes the changes of an existing person (`p.id`) whose e-mail address the caller has found to be theirs.
pub(crate) fn update_row(conn: &Connection, p: &Person) -> Result<()> {
    update_rows(conn, [p])
}

/// Writes the changes of existing people, as [`update_row`] does, in as few statements as SQLite allows.
pub(crate) fn update_rows<'a>(conn: &Connection, people: impl IntoIterator<Item = &'a Person>) -> Result<()> {
    bulk::execute(conn, UPDATE, people, values)
}

/// The person's id and fields, in column order.
fn values(p: &Person) -> rusqlite::Result<[ToSqlOutput<'_>; 10]> {
    let languages =
        serde_json::to_string(&p.languages).map_err(|e| rusqlite::Error::ToSqlConversionFailure(e.into()))?;
    Ok([
        p.id.to_sql()?,
        p.honorific.to_sql()?,
        p.given_name.to_sql()?,
        p.family_name.to_sql()?,
        p.position.to_sql()?,
        p.organisation.to_sql()?,
        p.email.to_sql()?,
        p.phone.to_sql()?,
        p.gender.to_sql()?,
        ToSqlOutput::from(languages),
    ])
}

impl Store {
    /// Creates a person.
    pub fn create_person(&mut self, input: &PersonInput) -> Result<Person> {
        let person = input.validated(Uuid::now_v7())?;
        self.write(|tx| insert(tx, &person))?;
        Ok(person)
    }

    /// Changes a person (in every event they take part in).
    pub fn update_person(&mut self, id: Uuid, input: &PersonInput) -> Result<Person> {
        let p = input.validated(id)?;
        self.write(|tx| update(tx, id, &p))?;
        Ok(p)
    }

    /// Deletes a person and their participation in every event.
    pub fn delete_person(&mut self, id: Uuid) -> Result<()> {
        let deleted = self.write(|tx| Ok(tx.execute("DELETE FROM person WHERE id = ?1", [id])?))?;
        if deleted == 0 {
            return Err(Error::NotFound { what: "Person" });
        }
        Ok(())
    }

    /// One person.
    pub fn person(&self, id: Uuid) -> Result<Person> {
        ensure_exists(self.read(), id)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_e_mail_address_is_one_persons_whatever_its_case() {
        let mut store = Store::open_in_memory().unwrap();
        let with = |family: &str, email: &str| PersonInput {
            family_name: family.into(),
            email: Some(email.into()),
            ..PersonInput::default()
        };
        let first = store.create_person(&with("Sen", "sen@mfa.gov.kh")).unwrap();
        let second = store.create_person(&with("Chea", "chea@mfa.gov.kh")).unwrap();
        let refused = |result: Result<Person>| {
            let error = result.unwrap_err();
            assert_eq!((error.kind(), error.field()), (crate::ErrorKind::Duplicate, Some(Field::Email)), "{error}");
            assert!(error.to_string().contains("Sen already uses the e-mail address"), "{error}");
        };
        refused(store.create_person(&with("Sok", "SEN@mfa.gov.kh")));
        refused(store.update_person(second.id, &with("Chea", "sen@mfa.gov.kh")));
        // A person keeps their own address when other fields change.
        store.update_person(first.id, &with("Sen Sophal", "sen@mfa.gov.kh")).unwrap();
    }

    #[test]
    fn the_stored_full_name_and_the_rule_for_unsaved_people_agree() {
        let mut store = Store::open_in_memory().unwrap();
        let names = [
            ("H.E.", "Phuchphop", "Mongkolnavin"),
            ("", "Ana María", "López Aguilar"),
            ("Dr", "", "Sen"),
            ("", "", "Nguyen"),
            (" Ms ", "  Aiko ", " Tanaka  "),
        ];
        for (honorific, given_name, family_name) in names {
            let input = PersonInput {
                honorific: honorific.into(),
                given_name: given_name.into(),
                family_name: family_name.into(),
                ..PersonInput::default()
            };
            let unsaved = input.validated(Uuid::now_v7()).unwrap();
            let created = store.create_person(&input).unwrap();
            let stored = store.person(created.id).unwrap();
            assert_eq!(unsaved.full_name, stored.full_name, "{honorific}|{given_name}|{family_name}");
            assert!(!stored.full_name.contains("  ") && stored.full_name == stored.full_name.trim());
        }
    }
}
