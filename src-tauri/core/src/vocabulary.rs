//! The closed vocabularies of the domain: statuses, kinds and roles.
//!
//! Each is stored as its snake_case name in SQLite and sent the same way over
//! IPC, so the database, the CLI's JSON and the UI's TypeScript all read alike.
//! `label` is the English word a person sees in lists and exports, and
//! [`labels`] hands every vocabulary's labels to the UI (as a constant in
//! the generated bindings), so no label is written twice.

use rusqlite::types::{FromSql, FromSqlError, FromSqlResult, ToSql, ToSqlOutput, ValueRef};
use serde::{Deserialize, Serialize};
use specta::Type;

macro_rules! vocabulary {
    ($(#[$meta:meta])* $name:ident { $($variant:ident => $text:literal, $label:literal),+ $(,)? }) => {
        $(#[$meta])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize, Type)]
        #[serde(rename_all = "snake_case")]
        pub enum $name { $($variant),+ }

        impl $name {
            /// Every value, in the order people expect to see them.
            pub const ALL: &'static [$name] = &[$($name::$variant),+];

            /// The stored and serialised name.
            pub fn as_str(self) -> &'static str {
                match self { $($name::$variant => $text),+ }
            }

            /// The English word shown to people.
            pub fn label(self) -> &'static str {
                match self { $($name::$variant => $label),+ }
            }

            /// `[name, label]` of every value, in order.
            fn labelled() -> serde_json::Value {
                Self::ALL.iter().map(|v| serde_json::json!([v.as_str(), v.label()])).collect()
            }

            /// Reads a stored name or a label, ignoring case, spaces and dashes.
            pub fn parse(text: &str) -> Option<Self> {
                let wanted: String = text
                    .trim()
                    .chars()
                    .map(|c| if c == ' ' || c == '-' { '_' } else { c.to_ascii_lowercase() })
                    .collect();
                Self::ALL.iter().copied().find(|v| {
                    v.as_str() == wanted || v.label().to_ascii_lowercase().replace([' ', '-'], "_") == wanted
                })
            }
        }

        impl std::fmt::Display for $name {
            fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                f.write_str(self.label())
            }
        }

        impl std::str::FromStr for $name {
            type Err = String;
            fn from_str(text: &str) -> Result<Self, String> {
                Self::parse(text).ok_or_else(|| {
                    let known: Vec<&str> = Self::ALL.iter().map(|v| v.as_str()).collect();
                    format!("unknown {} '{}'; expected one of: {}", in_words(stringify!($name)), text, known.join(", "))
                })
            }
        }

        impl ToSql for $name {
            fn to_sql(&self) -> rusqlite::Result<ToSqlOutput<'_>> {
                Ok(ToSqlOutput::from(self.as_str()))
            }
        }

        impl FromSql for $name {
            fn column_result(value: ValueRef<'_>) -> FromSqlResult<Self> {
                let text = value.as_str()?;
                Self::ALL
                    .iter()
                    .copied()
                    .find(|v| v.as_str() == text)
                    .ok_or_else(|| {
                        let name = in_words(stringify!($name));
                        FromSqlError::Other(format!("'{text}' is not a {name} this version knows").into())
                    })
            }
        }
    };
}

/// A vocabulary's type name as people read it: `ParticipantStatus` → "participant status".
fn in_words(name: &str) -> String {
    let mut words = String::with_capacity(name.len() + 4);
    for (i, c) in name.chars().enumerate() {
        if c.is_uppercase() && i > 0 {
            words.push(' ');
        }
        words.extend(c.to_lowercase());
    }
    words
}

vocabulary!(
    /// Where an event stands in its life.
    EventStatus {
        Draft => "draft", "Draft",
        Planned => "planned", "Planned",
        Confirmed => "confirmed", "Confirmed",
        Held => "held", "Held",
        Reported => "reported", "Reported",
        Cancelled => "cancelled", "Cancelled",
    }
);

vocabulary!(
    /// What kind of meeting an event is.
    EventFormat {
        RoundTable => "round_table", "Round-table",
        Dialogue => "dialogue", "Dialogue",
        Consultation => "consultation", "Consultation",
        Workshop => "workshop", "Workshop",
        Conference => "conference", "Conference",
        ExpertMeeting => "expert_meeting", "Expert meeting",
    }
);

vocabulary!(
    /// What sort of body an organisation is.
    OrganisationKind {
        InternationalOrganisation => "international_organisation", "International organisation",
        Government => "government", "Government",
        CivilSociety => "civil_society", "Civil society",
        Donor => "donor", "Donor",
        Academic => "academic", "Academic",
        Other => "other", "Other",
    }
);

vocabulary!(
    /// The part an organisation plays at one event.
    OrganiserRole {
        LeadOrganiser => "lead_organiser", "Lead organiser",
        CoOrganiser => "co_organiser", "Co-organiser",
        Host => "host", "Host",
        Funder => "funder", "Funder",
        Partner => "partner", "Partner",
    }
);

vocabulary!(
    /// What a funding pays for.
    FundingCover {
        DelegatesTravel => "delegates_travel", "Delegates' travel",
        Accommodation => "accommodation", "Accommodation",
        Venue => "venue", "Venue",
        Interpretation => "interpretation", "Interpretation",
        Catering => "catering", "Catering",
        Publication => "publication", "Publication",
        Other => "other", "Other",
    }
);

vocabulary!(
    /// Whom a delegation represents.
    DelegationKind {
        Country => "country", "Country",
        Organisation => "organisation", "Organisation",
        ExpertGroup => "expert_group", "Experts",
        OrganisingTeam => "organising_team", "Organising team",
    }
);

vocabulary!(
    /// Gender, recorded for balance statistics only.
    Gender {
        Female => "female", "Female",
        Male => "male", "Male",
        Other => "other", "Other",
        Undisclosed => "undisclosed", "Undisclosed",
    }
);

vocabulary!(
    /// A participant's role within the delegation and the event.
    ParticipantRole {
        Head => "head", "Head of delegation",
        Member => "member", "Member",
        Speaker => "speaker", "Speaker",
        Moderator => "moderator", "Moderator",
        Expert => "expert", "Expert",
        Observer => "observer", "Observer",
        Rapporteur => "rapporteur", "Rapporteur",
        Staff => "staff", "Staff",
    }
);

vocabulary!(
    /// Where a participant stands in the invitation pipeline.
    ParticipantStatus {
        Invited => "invited", "Invited",
        Nominated => "nominated", "Nominated",
        Confirmed => "confirmed", "Confirmed",
        Attended => "attended", "Attended",
        Declined => "declined", "Declined",
        Cancelled => "cancelled", "Cancelled",
    }
);

impl ParticipantStatus {
    /// Whether the participant still holds a seat of the delegation's quota.
    pub fn holds_seat(self) -> bool {
        !matches!(self, ParticipantStatus::Declined | ParticipantStatus::Cancelled)
    }
}

vocabulary!(
    /// What happens in a session; breaks and meals are set apart in programmes.
    SessionKind {
        Opening => "opening", "Opening",
        Keynote => "keynote", "Keynote",
        Plenary => "plenary", "Plenary",
        Panel => "panel", "Panel",
        WorkingGroup => "working_group", "Working group",
        Break => "break", "Break",
        Lunch => "lunch", "Lunch",
        Closing => "closing", "Closing",
        SideEvent => "side_event", "Side event",
        StudyVisit => "study_visit", "Study visit",
    }
);

impl SessionKind {
    /// Breaks and meals: no speakers, set apart in the programme.
    pub fn is_pause(self) -> bool {
        matches!(self, SessionKind::Break | SessionKind::Lunch)
    }
}

vocabulary!(
    /// The part a participant plays in one session.
    SessionRole {
        Chair => "chair", "Chair",
        Moderator => "moderator", "Moderator",
        Speaker => "speaker", "Speaker",
        Rapporteur => "rapporteur", "Rapporteur",
    }
);

vocabulary!(
    /// How an invitation went to a delegation.
    InvitationChannel {
        NoteVerbale => "note_verbale", "Note verbale",
        Letter => "letter", "Letter",
        Email => "email", "E-mail",
    }
);

vocabulary!(
    /// How far a follow-up action has got.
    FollowUpStatus {
        Open => "open", "Open",
        InProgress => "in_progress", "In progress",
        Done => "done", "Done",
    }
);

vocabulary!(
    /// What becomes of the texts copied into a series' next stop.
    CopiedTexts {
        MarkForReview => "mark_for_review", "Copy them, marked for review",
        LeaveOut => "leave_out", "Leave them out",
    }
);

vocabulary!(
    /// Why a backup of the plan was taken.
    BackupReason {
        Requested => "requested", "Requested",
        BeforeMigration => "before_migration", "Before an upgrade",
        BeforeImport => "before_import", "Before an import",
        BeforeDelete => "before_delete", "Before a delete",
        BeforeRestore => "before_restore", "Before a restore",
        WhileEditing => "while_editing", "While editing",
    }
);

// Written out: the vocabulary macro's variants take no `#[default]`.
#[allow(clippy::derivable_impls)]
impl Default for CopiedTexts {
    fn default() -> Self {
        CopiedTexts::MarkForReview
    }
}

vocabulary!(
    /// What one operation of the change journal did to a row.
    ChangeKind {
        Insert => "insert", "Added",
        Set => "set", "Changed",
        Delete => "delete", "Deleted",
        Erase => "erase", "Erased",
    }
);

vocabulary!(
    /// A user action as the journal keeps it: made, the undo or redo of another,
    /// or an erasure of personal data (which is no undo step).
    StepKind {
        Do => "do", "Change",
        Undo => "undo", "Undo",
        Redo => "redo", "Redo",
        Erase => "erase", "Erasure",
    }
);

/// Every vocabulary's `[name, label]` pairs, in order, by the vocabulary's
/// snake_case name: `{"event_status": [["draft", "Draft"], …], …}`.
pub fn labels() -> serde_json::Value {
    serde_json::json!({
        "event_status": EventStatus::labelled(),
        "event_format": EventFormat::labelled(),
        "organisation_kind": OrganisationKind::labelled(),
        "organiser_role": OrganiserRole::labelled(),
        "funding_cover": FundingCover::labelled(),
        "delegation_kind": DelegationKind::labelled(),
        "gender": Gender::labelled(),
        "participant_role": ParticipantRole::labelled(),
        "participant_status": ParticipantStatus::labelled(),
        "session_kind": SessionKind::labelled(),
        "session_role": SessionRole::labelled(),
        "follow_up_status": FollowUpStatus::labelled(),
        "invitation_channel": InvitationChannel::labelled(),
        "copied_texts": CopiedTexts::labelled(),
        "backup_reason": BackupReason::labelled(),
        "change_kind": ChangeKind::labelled(),
        "step_kind": StepKind::labelled(),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_unknown_value_is_named_in_words() {
        let refused = "postponed".parse::<EventStatus>().unwrap_err();
        assert!(refused.starts_with("unknown event status 'postponed'; expected one of: draft"), "{refused}");
    }

    #[test]
    fn parse_accepts_stored_names_and_labels_in_any_case() {
        assert_eq!(ParticipantRole::parse("Head of delegation"), Some(ParticipantRole::Head));
        assert_eq!(ParticipantRole::parse("head"), Some(ParticipantRole::Head));
        assert_eq!(EventFormat::parse("Round-table"), Some(EventFormat::RoundTable));
        assert_eq!(SessionKind::parse("working group"), Some(SessionKind::WorkingGroup));
        assert_eq!(Gender::parse("unknown"), None);
    }

    #[test]
    fn from_str_lists_the_known_values_on_error() {
        let error = "chairperson".parse::<SessionRole>().unwrap_err();
        assert!(error.contains("chair, moderator, speaker, rapporteur"), "{error}");
    }
}
