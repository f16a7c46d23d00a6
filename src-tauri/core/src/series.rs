//! Series: a programme of events (a tour of capitals) whose results feed one
//! publication.

use crate::error::{Error, Result};
use crate::field::Field;
use crate::plan_check::SkipDamaged;
use crate::store::Store;
use crate::validate::{self, LINE_MAX, TEXT_MAX};
use rusqlite::{OptionalExtension, Row, params};
use serde::{Deserialize, Serialize};
use specta::Type;
use uuid::Uuid;

/// A series of events.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Type)]
pub struct Series {
    pub id: Uuid,
    pub title: String,
    pub description: String,
}

/// What a person types to create or change a series.
#[derive(Debug, Clone, Default, Serialize, Deserialize, Type)]
pub struct SeriesInput {
    pub title: String,
    pub description: String,
}

impl SeriesInput {
    fn validated(&self) -> Result<SeriesInput> {
        Ok(SeriesInput {
            title: validate::required(Field::Title, "Series title", &self.title, LINE_MAX)?,
            description: validate::limited(Field::Description, "Description", &self.description, TEXT_MAX)?,
        })
    }
}

pub(crate) fn from_row(row: &Row<'_>) -> rusqlite::Result<Series> {
    Ok(Series { id: row.get("id")?, title: row.get("title")?, description: row.get("description")? })
}

impl Store {
    /// Creates a series; its title must be new.
    pub fn create_series(&mut self, input: &SeriesInput) -> Result<Series> {
        self.transaction(|s| {
            let input = input.validated()?;
            let id = Uuid::now_v7();
            s.write(|tx| {
                ensure_title_free(tx, &input.title, None)?;
                tx.execute(
                    "INSERT INTO series (id, title, description) VALUES (?1, ?2, ?3)",
                    params![id, input.title, input.description],
                )?;
                Ok(())
            })?;
            s.series(id)
        })
    }

    /// Changes a series.
    pub fn update_series(&mut self, id: Uuid, input: &SeriesInput) -> Result<Series> {
        self.transaction(|s| {
            let input = input.validated()?;
            s.write(|tx| {
                ensure_title_free(tx, &input.title, Some(id))?;
                let changed = tx.execute(
                    "UPDATE series SET title = ?2, description = ?3 WHERE id = ?1",
                    params![id, input.title, input.description],
                )?;
                if changed == 0 {
                    return Err(Error::NotFound { what: "Series" });
                }
                Ok(())
            })?;
            s.series(id)
        })
    }

    /// Deletes a series; its events stay, outside any series.
    pub fn delete_series(&mut self, id: Uuid) -> Result<()> {
        self.back_up(crate::BackupReason::BeforeDelete)?;
        let deleted = self.write(|tx| Ok(tx.execute("DELETE FROM series WHERE id = ?1", [id])?))?;
        if deleted == 0 {
            return Err(Error::NotFound { what: "Series" });
        }
        Ok(())
    }

    /// One series.
    pub fn series(&self, id: Uuid) -> Result<Series> {
        self.read()
            .query_row("SELECT * FROM series WHERE id = ?1", [id], from_row)
            .optional()?
            .ok_or(Error::NotFound { what: "Series" })
    }

    /// Every series, by title.
    pub fn list_series(&self) -> Result<Vec<Series>> {
        let mut stmt = self.read().prepare("SELECT * FROM series ORDER BY title COLLATE unicode")?;
        let rows = stmt.query_map([], from_row)?;
        Ok(rows.skip_damaged()?)
    }

    /// The series with this title (folded: any case, with or without accents), if there is one.
    /// The series with this title (any case or accents), made when there is
    /// none; called inside an action, it is kept only if the action is.
    pub fn series_titled(&mut self, input: &SeriesInput) -> Result<Series> {
        self.transaction(|s| match s.find_series(&input.title)? {
            Some(found) => Ok(found),
            None => s.create_series(input),
        })
    }

    pub fn find_series(&self, title: &str) -> Result<Option<Series>> {
        Ok(self
            .read()
            .query_row("SELECT * FROM series WHERE fold(title) = fold(?1)", [title.trim()], from_row)
            .optional()?)
    }
}

fn ensure_title_free(conn: &rusqlite::Connection, title: &str, except: Option<Uuid>) -> Result<()> {
    let taken: Option<Uuid> = conn
        .query_row("SELECT id FROM series WHERE fold(title) = fold(?1) AND id IS NOT ?2", params![title, except], |r| {
            r.get(0)
        })
        .optional()?;
    match taken {
        Some(_) => Err(Error::duplicate(Field::Title, format!("A series called '{title}' already exists"))),
        None => Ok(()),
    }
}
