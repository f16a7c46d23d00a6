//! The fields a column of a participant list can feed, and the headers that
//! name them ("Given name", "Surname", "E-mail", … in any case, accents and
//! punctuation ignored): the mapping the import guesses and the user corrects.

use roundtable_core::text::fold;
use serde::{Deserialize, Serialize};
use specta::Type;

/// A field of the import a column can feed.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, Type)]
#[serde(rename_all = "snake_case")]
pub enum ImportField {
    Honorific,
    GivenName,
    FamilyName,
    /// Honorific, given and family name in one cell ("Dr Maria Santos").
    FullName,
    Position,
    Organisation,
    Email,
    Phone,
    Gender,
    Country,
    Delegation,
    Role,
    Status,
    VisaLetterNeeded,
    DietaryNeeds,
    AccessibilityNeeds,
    Accommodation,
    Arrival,
    Departure,
    Notes,
}

impl ImportField {
    pub const ALL: &'static [ImportField] = &[
        ImportField::Honorific,
        ImportField::GivenName,
        ImportField::FamilyName,
        ImportField::FullName,
        ImportField::Position,
        ImportField::Organisation,
        ImportField::Email,
        ImportField::Phone,
        ImportField::Gender,
        ImportField::Country,
        ImportField::Delegation,
        ImportField::Role,
        ImportField::Status,
        ImportField::VisaLetterNeeded,
        ImportField::DietaryNeeds,
        ImportField::AccessibilityNeeds,
        ImportField::Accommodation,
        ImportField::Arrival,
        ImportField::Departure,
        ImportField::Notes,
    ];

    /// The English label shown in the mapping step.
    pub fn label(self) -> &'static str {
        match self {
            ImportField::Honorific => "Honorific",
            ImportField::GivenName => "Given name",
            ImportField::FamilyName => "Family name",
            ImportField::FullName => "Full name",
            ImportField::Position => "Position",
            ImportField::Organisation => "Organisation",
            ImportField::Email => "E-mail",
            ImportField::Phone => "Phone",
            ImportField::Gender => "Gender",
            ImportField::Country => "Country",
            ImportField::Delegation => "Delegation",
            ImportField::Role => "Role",
            ImportField::Status => "Status",
            ImportField::VisaLetterNeeded => "Visa letter needed",
            ImportField::DietaryNeeds => "Dietary needs",
            ImportField::AccessibilityNeeds => "Accessibility needs",
            ImportField::Accommodation => "Accommodation",
            ImportField::Arrival => "Arrival",
            ImportField::Departure => "Departure",
            ImportField::Notes => "Notes",
        }
    }

    /// Folded header texts that mean this field.
    fn synonyms(self) -> &'static [&'static str] {
        match self {
            ImportField::Honorific => {
                &["title", "honorific", "salutation", "prefix", "civility", "mr ms", "courtesy title"]
            }
            ImportField::GivenName => &["first name", "given name", "given names", "forename", "firstname", "first"],
            ImportField::FamilyName => &["surname", "family name", "last name", "lastname", "last"],
            ImportField::FullName => &["name", "full name", "participant", "participant name", "fullname"],
            ImportField::Position => {
                &["position", "job title", "function", "designation", "post", "job", "position title"]
            }
            ImportField::Organisation => &[
                "organisation",
                "organization",
                "ministry",
                "institution",
                "agency",
                "department",
                "employer",
                "ministry organisation",
                "ministry organization",
                "organisation ministry",
                "organization ministry",
                "ministry institution",
            ],
            ImportField::Email => &["email", "e mail", "email address", "e mail address", "mail"],
            ImportField::Phone => &["phone", "telephone", "tel", "mobile", "phone number", "mobile number", "whatsapp"],
            ImportField::Gender => &["gender", "sex"],
            ImportField::Country => &["country", "nationality", "country of origin", "member state", "state"],
            ImportField::Delegation => &["delegation", "group", "team"],
            ImportField::Role => &["role", "participant role", "role in delegation", "capacity"],
            ImportField::Status => &["status", "registration status", "participation status"],
            ImportField::VisaLetterNeeded => {
                &["visa", "visa letter", "visa letter needed", "visa required", "needs visa", "visa needed"]
            }
            ImportField::DietaryNeeds => {
                &["dietary", "dietary needs", "dietary requirements", "diet", "dietary restrictions", "food"]
            }
            ImportField::AccessibilityNeeds => &["accessibility", "accessibility needs", "special needs", "mobility"],
            ImportField::Accommodation => &["accommodation", "hotel", "lodging"],
            ImportField::Arrival => &["arrival", "arrival date", "arrival time", "arrival date and time", "arrives"],
            ImportField::Departure => {
                &["departure", "departure date", "departure time", "departure date and time", "departs"]
            }
            ImportField::Notes => &["notes", "note", "remarks", "comments", "comment"],
        }
    }
}

/// For each column of the file, the field it feeds (`None`: ignored).
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, Type)]
pub struct ColumnMapping {
    pub columns: Vec<Option<ImportField>>,
}

/// The field a header names, if any.
pub fn recognise(header: &str) -> Option<ImportField> {
    let folded = fold(header);
    let folded = folded.trim_end_matches(" optional").trim_end_matches(" if any");
    ImportField::ALL.iter().copied().find(|f| f.synonyms().contains(&folded))
}

/// The mapping guessed from the headers; a field is taken by its first column only.
pub fn guess_mapping(headers: &[String]) -> ColumnMapping {
    let mut taken = Vec::new();
    let columns = headers
        .iter()
        .map(|h| {
            let field = recognise(h).filter(|f| !taken.contains(f));
            if let Some(f) = field {
                taken.push(f);
            }
            field
        })
        .collect();
    ColumnMapping { columns }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn headers_are_recognised_in_any_case_and_spelling() {
        let cases = [
            ("First name", ImportField::GivenName),
            ("GIVEN NAME", ImportField::GivenName),
            ("Surname", ImportField::FamilyName),
            ("Family-name", ImportField::FamilyName),
            ("Last Name:", ImportField::FamilyName),
            ("Name", ImportField::FullName),
            ("Country", ImportField::Country),
            ("Délégation", ImportField::Delegation),
            ("Title", ImportField::Honorific),
            ("Job title", ImportField::Position),
            ("Organization", ImportField::Organisation),
            ("Ministry", ImportField::Organisation),
            ("E-mail", ImportField::Email),
            ("Email address", ImportField::Email),
            ("Phone", ImportField::Phone),
            ("Sex", ImportField::Gender),
            ("Role", ImportField::Role),
            ("Status", ImportField::Status),
            ("Visa", ImportField::VisaLetterNeeded),
            ("Dietary requirements", ImportField::DietaryNeeds),
        ];
        for (header, field) in cases {
            assert_eq!(recognise(header), Some(field), "{header}");
        }
        assert_eq!(recognise("Favourite colour"), None);
    }
}
