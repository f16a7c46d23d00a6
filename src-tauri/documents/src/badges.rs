//! Badges and name plates, as PDF sheets ready for the printer.
//!
//! A badge carries the name with its honorific, the delegation (the country
//! for a government) and the role; eight 90 × 60 mm badges fit an A4 sheet,
//! the size of common badge holders. A name plate (tent card) carries the
//! name large and the country, one per landscape A4 folded in two, every
//! name at one size: the largest at which the event's longest name fits.
//! A list with nobody on it is refused, not printed as a blank page.

use crate::error::{Error, Result};
use crate::participants::ParticipantList;
use crate::typeset;
use serde::Serialize;

const BADGES: &str = include_str!("templates/badges.typ");
const NAME_PLATES: &str = include_str!("templates/name_plates.typ");

#[derive(Serialize)]
struct Badge<'a> {
    honorific: &'a str,
    name: &'a str,
    delegation: &'a str,
    organisation: &'a str,
    role: &'a str,
}

#[derive(Serialize)]
struct Badges<'a> {
    event_title: &'a str,
    /// The event's dates and place: "21–23 September 2022 · Bangkok, Thailand".
    subtitle: &'a str,
    badges: Vec<Badge<'a>>,
}

#[derive(Serialize)]
struct Plate<'a> {
    name: &'a str,
    delegation: &'a str,
}

#[derive(Serialize)]
struct Plates<'a> {
    event_title: &'a str,
    plates: Vec<Plate<'a>>,
}

/// Refuses a list with nobody on it: `what` would be a blank page.
fn someone_on(list: &ParticipantList, what: &str) -> Result<()> {
    if list.total > 0 {
        return Ok(());
    }
    Err(Error::Empty(format!(
        "Nobody at “{}” holds a seat (nobody is registered, or everyone declined or was cancelled): there are no {what} to print.",
        list.event_title
    )))
}

/// Badges for everyone on the list, in list order.
pub fn badges(list: &ParticipantList) -> Result<Vec<u8>> {
    someone_on(list, "badges")?;
    let badges = list
        .rows()
        .map(|(d, p)| Badge {
            honorific: &p.honorific,
            name: &p.plain_name,
            delegation: d.country.as_deref().unwrap_or(&d.name),
            // A government's ministry says more than the country twice.
            organisation: if p.organisation == d.name { "" } else { &p.organisation },
            role: &p.role,
        })
        .collect();
    typeset::pdf(BADGES, &Badges { event_title: &list.event_title, subtitle: &list.subtitle, badges })
}

/// Name plates for everyone on the list, in list order.
pub fn name_plates(list: &ParticipantList) -> Result<Vec<u8>> {
    someone_on(list, "name plates")?;
    let plates = list
        .rows()
        .map(|(d, p)| Plate { name: &p.full_name, delegation: d.country.as_deref().unwrap_or(&d.name) })
        .collect();
    typeset::pdf(NAME_PLATES, &Plates { event_title: &list.event_title, plates })
}
