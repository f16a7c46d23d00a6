//! The words a registration list uses for yes and no, genders, roles and
//! statuses, read into the plan's vocabulary. Real registration systems have
//! their own words: Indico's registration states (Complete, Pending,
//! Withdrawn, Rejected), pretix's order states (paid, pending, canceled,
//! expired), and forms whose answers are sentences ("Yes, I need a visa
//! letter", "None").

use crate::text::fold;
use crate::vocabulary::{Gender, ParticipantRole, ParticipantStatus};
use serde::{Deserialize, Serialize};
use specta::Type;

/// A kind of answer the plan reads into its own words: what a column of
/// genders, roles, statuses or yes/no answers holds.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, Type)]
#[serde(rename_all = "snake_case")]
pub enum ValueKind {
    Gender,
    Role,
    Status,
    YesNo,
}

impl ValueKind {
    /// The plan's words for this kind, which a person maps a file's word to.
    pub fn choices(self) -> Vec<&'static str> {
        match self {
            ValueKind::Gender => Gender::ALL.iter().map(|g| g.as_str()).collect(),
            ValueKind::Role => ParticipantRole::ALL.iter().map(|r| r.as_str()).collect(),
            ValueKind::Status => ParticipantStatus::ALL.iter().map(|s| s.as_str()).collect(),
            ValueKind::YesNo => vec!["yes", "no"],
        }
    }

    /// The plan's word `text` is read as (one of [`ValueKind::choices`];
    /// `None` for an empty cell, which leaves the default); why not when the
    /// plan does not read it.
    pub fn reading(self, text: &str) -> Result<Option<&'static str>, String> {
        match self {
            ValueKind::Gender => parse_gender(text).map(|g| g.map(Gender::as_str)),
            ValueKind::Role => parse_role(text).map(|r| r.map(ParticipantRole::as_str)),
            ValueKind::Status => parse_status(text).map(|s| s.map(ParticipantStatus::as_str)),
            ValueKind::YesNo => {
                let empty = text.trim().is_empty();
                parse_yes_no(text).map(|yes| (!empty).then_some(if yes { "yes" } else { "no" }))
            }
        }
    }
}

/// A yes/no answer: the word itself, or a sentence that starts with it.
pub(super) fn parse_yes_no(text: &str) -> Result<bool, String> {
    let folded = fold(text);
    match folded.as_str() {
        "" | "no" | "n" | "false" | "0" | "not needed" | "none" => return Ok(false),
        "yes" | "y" | "true" | "1" | "x" | "needed" | "required" => return Ok(true),
        _ => {}
    }
    match folded.split(' ').next() {
        Some("yes") => Ok(true),
        Some("no") => Ok(false),
        _ => Err(format!("'{}' is not yes or no (visa letter)", text.trim())),
    }
}

/// A free-text need ("Vegetarian"), or nothing when the answer says there is none.
pub(super) fn nothing_or(text: &str) -> &str {
    match fold(text).as_str() {
        "none" | "no" | "n a" | "na" | "nil" | "nothing" | "no need" | "not applicable" => "",
        _ => text,
    }
}

pub(super) fn parse_gender(text: &str) -> Result<Option<Gender>, String> {
    match fold(text).as_str() {
        "" => Ok(None),
        "f" | "female" | "woman" | "w" => Ok(Some(Gender::Female)),
        "m" | "male" | "man" => Ok(Some(Gender::Male)),
        "other" | "non binary" | "nonbinary" | "diverse" | "x" => Ok(Some(Gender::Other)),
        "undisclosed" | "prefer not to say" | "n a" | "na" | "unknown" => Ok(Some(Gender::Undisclosed)),
        _ => Err(format!("'{}' is not a gender this plan records (female, male, other, undisclosed)", text.trim())),
    }
}

pub(super) fn parse_role(text: &str) -> Result<Option<ParticipantRole>, String> {
    let folded = fold(text);
    match folded.as_str() {
        "" => Ok(None),
        "hod" | "head" | "head of delegation" | "delegation head" | "chef de delegation" => {
            Ok(Some(ParticipantRole::Head))
        }
        "delegate" | "participant" | "member of delegation" => Ok(Some(ParticipantRole::Member)),
        _ => ParticipantRole::parse(&folded).map(Some).ok_or_else(|| {
            format!(
                "'{}' is not a role (head, member, speaker, moderator, expert, observer, rapporteur, staff)",
                text.trim()
            )
        }),
    }
}

/// A status, in the plan's words or a registration system's: a complete or
/// paid registration is confirmed, a pending one nominated (put forward, not
/// yet accepted), a withdrawn, cancelled or expired one cancelled, a rejected
/// one declined.
pub(super) fn parse_status(text: &str) -> Result<Option<ParticipantStatus>, String> {
    let folded = fold(text);
    match folded.as_str() {
        "" => Ok(None),
        "registered" | "pending" | "awaiting approval" => Ok(Some(ParticipantStatus::Nominated)),
        "complete" | "completed" | "paid" | "approved" | "accepted" => Ok(Some(ParticipantStatus::Confirmed)),
        "present" | "checked in" => Ok(Some(ParticipantStatus::Attended)),
        "canceled" | "withdrawn" | "expired" => Ok(Some(ParticipantStatus::Cancelled)),
        "rejected" => Ok(Some(ParticipantStatus::Declined)),
        _ => ParticipantStatus::parse(&folded).map(Some).ok_or_else(|| {
            format!("'{}' is not a status (invited, nominated, confirmed, attended, declined, cancelled)", text.trim())
        }),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn registration_systems_words_are_read_as_the_plans() {
        assert_eq!(ValueKind::Status.reading("Complete"), Ok(Some("confirmed")));
        assert_eq!(ValueKind::Status.reading("Pending"), Ok(Some("nominated")));
        assert_eq!(ValueKind::YesNo.reading("Yes, I will apply"), Ok(Some("yes")));
        assert_eq!(ValueKind::Role.reading("HoD"), Ok(Some("head")));
    }

    #[test]
    fn every_choice_offered_is_read() {
        for kind in [ValueKind::Gender, ValueKind::Role, ValueKind::Status, ValueKind::YesNo] {
            for choice in kind.choices() {
                assert_eq!(kind.reading(choice), Ok(Some(choice)), "{kind:?} {choice}");
            }
            assert!(kind.reading("Blue moon").is_err(), "{kind:?}");
            assert_eq!(kind.reading(" "), Ok(None), "{kind:?}: an empty cell keeps the default");
        }
    }

    #[test]
    fn yes_no_gender_role_and_status_words() {
        assert_eq!(parse_yes_no("Yes"), Ok(true));
        assert_eq!(parse_yes_no(""), Ok(false));
        assert!(parse_yes_no("maybe").is_err());
        assert_eq!(parse_gender("F"), Ok(Some(Gender::Female)));
        assert_eq!(parse_gender("Prefer not to say"), Ok(Some(Gender::Undisclosed)));
        assert_eq!(parse_role("HoD"), Ok(Some(ParticipantRole::Head)));
        assert_eq!(parse_role("Head of Delegation"), Ok(Some(ParticipantRole::Head)));
        assert!(parse_role("boss").is_err());
        assert_eq!(parse_status("Confirmed"), Ok(Some(ParticipantStatus::Confirmed)));
    }

    #[test]
    fn a_forms_answer_is_yes_or_no_by_its_first_word() {
        assert_eq!(parse_yes_no("Yes, I need a visa invitation letter"), Ok(true));
        assert_eq!(parse_yes_no("No, I hold a passport that needs no visa"), Ok(false));
        assert!(parse_yes_no("Not sure yet").is_err(), "'not' is no answer");
        assert_eq!(nothing_or("N/A"), "");
        assert_eq!(nothing_or("None"), "");
        assert_eq!(nothing_or("Vegetarian, no nuts"), "Vegetarian, no nuts");
    }

    #[test]
    fn registration_systems_states_are_statuses() {
        let cases = [
            ("Complete", ParticipantStatus::Confirmed),
            ("Pending", ParticipantStatus::Nominated),
            ("Withdrawn", ParticipantStatus::Cancelled),
            ("Rejected", ParticipantStatus::Declined),
            ("paid", ParticipantStatus::Confirmed),
            ("expired", ParticipantStatus::Cancelled),
            ("Checked in", ParticipantStatus::Attended),
        ];
        for (state, status) in cases {
            assert_eq!(parse_status(state), Ok(Some(status)), "{state}");
        }
    }
}
