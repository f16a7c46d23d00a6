//! Gender balance on panels. A session whose two or more speakers are all of
//! one gender (an all-male panel, or all women) gets a warning in the agenda
//! and an item in the event's readiness, unless the event's organisers have
//! switched the check off for it (a women's leadership round-table, say).
//! Speakers only: the chair or moderator is not on the panel. A speaker whose
//! gender is undisclosed leaves the panel unjudged: nothing is assumed.

use super::SessionPerson;
use crate::error::{Error, Result};
use crate::event;
use crate::store::Store;
use crate::vocabulary::{Gender, SessionRole};
use serde::{Deserialize, Serialize};
use specta::Type;
use uuid::Uuid;

/// A session's speakers by gender.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize, Type)]
pub struct SpeakerGenders {
    pub female: u32,
    pub male: u32,
    pub other: u32,
    pub undisclosed: u32,
}

impl SpeakerGenders {
    /// The split of the speakers among `people`.
    pub fn of(people: &[SessionPerson]) -> SpeakerGenders {
        let mut split = SpeakerGenders::default();
        for person in people.iter().filter(|p| p.role == SessionRole::Speaker) {
            *match person.gender {
                Gender::Female => &mut split.female,
                Gender::Male => &mut split.male,
                Gender::Other => &mut split.other,
                Gender::Undisclosed => &mut split.undisclosed,
            } += 1;
        }
        split
    }

    fn speakers(&self) -> u32 {
        self.female + self.male + self.other + self.undisclosed
    }

    /// What the agenda says of a panel of two or more speakers all of one gender, if it is one.
    pub fn single_gender_warning(&self) -> Option<String> {
        let speakers = self.speakers();
        let who = match (self.female, self.male, self.other) {
            _ if speakers < 2 || self.undisclosed > 0 => return None,
            (n, 0, 0) if n == speakers => "women",
            (0, n, 0) if n == speakers => "men",
            (0, 0, n) if n == speakers => "of the gender 'Other'",
            _ => return None,
        };
        Some(format!("All {speakers} speakers are {who}"))
    }
}

impl Store {
    /// Switches the check for panels of one gender on or off for an event.
    pub fn set_panel_balance_check(&mut self, event_id: Uuid, on: bool) -> Result<event::Event> {
        self.transaction(|s| {
            let changed = s.write(|tx| {
                Ok(tx.execute(
                    "UPDATE event SET check_panel_balance = ?2 WHERE id = ?1",
                    rusqlite::params![event_id, on],
                )?)
            })?;
            if changed == 0 {
                return Err(Error::NotFound { what: "Event" });
            }
            s.event(event_id)
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn split(female: u32, male: u32, other: u32, undisclosed: u32) -> Option<String> {
        SpeakerGenders { female, male, other, undisclosed }.single_gender_warning()
    }

    #[test]
    fn a_panel_of_two_or_more_of_one_known_gender_is_flagged_and_nothing_else_is() {
        assert_eq!(split(0, 4, 0, 0).as_deref(), Some("All 4 speakers are men"));
        assert_eq!(split(3, 0, 0, 0).as_deref(), Some("All 3 speakers are women"));
        assert_eq!(split(0, 0, 2, 0).as_deref(), Some("All 2 speakers are of the gender 'Other'"));
        assert_eq!(split(0, 1, 0, 0), None, "one speaker is no panel");
        assert_eq!(split(1, 3, 0, 0), None);
        assert_eq!(split(0, 3, 0, 1), None, "an undisclosed gender is not assumed");
        assert_eq!(split(0, 0, 0, 0), None);
    }
}
