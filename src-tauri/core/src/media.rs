//! Media contacts of an event: the people the press release names for more
//! information.

use crate::error::{Error, Result};
use crate::event;
use crate::field::Field;
use crate::plan_check::SkipDamaged;
use crate::store::Store;
use crate::validate::{self, LINE_MAX};
use rusqlite::{OptionalExtension, Row, params};
use serde::{Deserialize, Serialize};
use specta::Type;
use uuid::Uuid;

/// A media contact.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Type)]
pub struct MediaContact {
    pub id: Uuid,
    pub event_id: Uuid,
    pub name: String,
    pub organisation: String,
    pub city: String,
    pub email: Option<String>,
    pub phone: String,
}

/// What a person types for a media contact.
#[derive(Debug, Clone, Default, Serialize, Deserialize, Type)]
pub struct MediaContactInput {
    pub name: String,
    pub organisation: String,
    pub city: String,
    pub email: Option<String>,
    pub phone: String,
}

impl MediaContactInput {
    fn validated(&self, id: Uuid, event_id: Uuid) -> Result<MediaContact> {
        let contact = MediaContact {
            id,
            event_id,
            name: validate::required(Field::Name, "Name", &self.name, LINE_MAX)?,
            organisation: validate::limited(Field::Organisation, "Organisation", &self.organisation, LINE_MAX)?,
            city: validate::limited(Field::City, "City", &self.city, LINE_MAX)?,
            email: validate::email(Field::Email, self.email.as_deref())?,
            phone: validate::limited(Field::Phone, "Phone", &self.phone, 60)?,
        };
        if contact.email.is_none() && contact.phone.is_empty() {
            return Err(Error::invalid(
                Field::Email,
                "Give an e-mail address or a phone number for the press to reach",
            ));
        }
        Ok(contact)
    }
}

pub(crate) fn from_row(row: &Row<'_>) -> rusqlite::Result<MediaContact> {
    Ok(MediaContact {
        id: row.get("id")?,
        event_id: row.get("event_id")?,
        name: row.get("name")?,
        organisation: row.get("organisation")?,
        city: row.get("city")?,
        email: row.get("email")?,
        phone: row.get("phone")?,
    })
}

impl Store {
    /// Adds a media contact to an event.
    pub fn add_media_contact(&mut self, event_id: Uuid, input: &MediaContactInput) -> Result<MediaContact> {
        let c = input.validated(Uuid::now_v7(), event_id)?;
        self.write(|tx| {
            event::ensure_exists(tx, event_id)?;
            tx.execute(
                "INSERT INTO media_contact (id, event_id, name, organisation, city, email, phone, position)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, (SELECT COALESCE(MAX(position), 0) + 1 FROM media_contact WHERE event_id = ?2))",
                params![c.id, c.event_id, c.name, c.organisation, c.city, c.email, c.phone],
            )?;
            Ok(())
        })?;
        Ok(c)
    }

    /// Changes a media contact.
    pub fn update_media_contact(&mut self, id: Uuid, input: &MediaContactInput) -> Result<MediaContact> {
        self.transaction(|s| {
            let event_id: Uuid = s
                .read()
                .query_row("SELECT event_id FROM media_contact WHERE id = ?1", [id], |r| r.get(0))
                .optional()?
                .ok_or(Error::NotFound { what: "Media contact" })?;
            let c = input.validated(id, event_id)?;
            s.write(|tx| {
                tx.execute(
                    "UPDATE media_contact SET name = ?2, organisation = ?3, city = ?4, email = ?5, phone = ?6 WHERE id = ?1",
                    params![id, c.name, c.organisation, c.city, c.email, c.phone],
                )?;
                Ok(())
            })?;
            Ok(c)
        })
    }

    /// Removes a media contact.
    pub fn delete_media_contact(&mut self, id: Uuid) -> Result<()> {
        let deleted = self.write(|tx| Ok(tx.execute("DELETE FROM media_contact WHERE id = ?1", [id])?))?;
        if deleted == 0 {
            return Err(Error::NotFound { what: "Media contact" });
        }
        Ok(())
    }

    /// The media contacts of an event, in the order they were added.
    pub fn media_contacts(&self, event_id: Uuid) -> Result<Vec<MediaContact>> {
        event::ensure_exists(self.read(), event_id)?;
        let mut stmt =
            self.read().prepare_cached("SELECT * FROM media_contact WHERE event_id = ?1 ORDER BY position")?;
        let rows = stmt.query_map([event_id], from_row)?;
        Ok(rows.skip_damaged()?)
    }
}
