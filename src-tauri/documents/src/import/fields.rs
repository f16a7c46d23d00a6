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
            ImportField::FullName => &[
                "name",
                "full name",
                "participant",
                "participant name",
                "fullname",
                "attendee name",
                "your name",
                "your full name",
                "name of participant",
            ],
            ImportField::Position => {
                &["position", "job title", "function", "designation", "post", "job", "position title", "your position"]
            }
            ImportField::Organisation => &[
                "organisation",
                "organization",
                "affiliation",
                "company",
                "organisation name",
                "organization name",
                "company name",
                "your organisation",
                "your organization",
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
            ImportField::Email => {
                &["email", "e mail", "email address", "e mail address", "mail", "attendee email", "your email"]
            }
            ImportField::Phone => &["phone", "telephone", "tel", "mobile", "phone number", "mobile number", "whatsapp"],
            ImportField::Gender => &["gender", "sex"],
            ImportField::Country => {
                &["country", "nationality", "country of origin", "country of residence", "member state", "state"]
            }
            ImportField::Delegation => &["delegation", "group", "team"],
            ImportField::Role => &["role", "participant role", "role in delegation", "capacity"],
            ImportField::Status => {
                &["status", "registration status", "registration state", "participation status", "order status"]
            }
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

/// For each column of the file, the field it feeds (`None`: ignored), and
/// the file's own words for the plan's values (the value table).
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, Type)]
pub struct ColumnMapping {
    pub columns: Vec<Option<ImportField>>,
    #[serde(default)]
    pub values: Vec<super::values::ValueChoice>,
}

/// The field a header names, if any: a name the field goes by ("Affiliation"),
/// the part after a group's colon (pretix: "Attendee name: Family name"),
/// alternatives with a slash that agree ("Position / job title"), or a form's
/// question about a visa, a diet or access ("Do you need a visa invitation letter?").
pub fn recognise(header: &str) -> Option<ImportField> {
    by_name(header)
        .or_else(|| header.rsplit_once(':').and_then(|(_, part)| by_name(part)))
        .or_else(|| alternatives(header))
        .or_else(|| question(header))
}

fn by_name(header: &str) -> Option<ImportField> {
    let folded = fold(header);
    let folded = folded.trim_end_matches(" optional").trim_end_matches(" if any");
    ImportField::ALL.iter().copied().find(|f| f.synonyms().contains(&folded))
}

/// "Position / job title": every part that names a field names the same one.
fn alternatives(header: &str) -> Option<ImportField> {
    if !header.contains('/') {
        return None;
    }
    let mut named = header.split('/').filter_map(by_name);
    let first = named.next()?;
    named.all(|f| f == first).then_some(first)
}

/// A form's question (four words or more, or ending in "?") about one of the
/// needs a registration form asks for.
fn question(header: &str) -> Option<ImportField> {
    let folded = fold(header);
    let words: Vec<&str> = folded.split(' ').collect();
    if words.len() < 4 && !header.trim_end().ends_with('?') {
        return None;
    }
    let asks = |keys: &[&str]| words.iter().any(|w| keys.contains(w));
    if asks(&["visa"]) {
        Some(ImportField::VisaLetterNeeded)
    } else if asks(&["dietary", "diet", "food", "allergies", "allergy"]) {
        Some(ImportField::DietaryNeeds)
    } else if asks(&["accessibility", "wheelchair", "disability", "mobility"]) {
        Some(ImportField::AccessibilityNeeds)
    } else {
        None
    }
}

/// The mapping guessed from the headers. A field is taken by its first column,
/// with two exceptions that real layouts need: given and family names beat a
/// full name (Indico lists "Name", "First Name" and "Last Name"), and the
/// respondent's account columns of a Microsoft Forms export ("Email" and "Name"
/// before "Last modified time", often "anonymous") give way to the form's own
/// questions and feed a field only when no question does.
pub fn guess_mapping(headers: &[String]) -> ColumnMapping {
    let respondent = respondent_columns(headers);
    let mut columns: Vec<Option<ImportField>> = vec![None; headers.len()];
    let mut taken = Vec::new();
    for pass in [false, true] {
        for (i, header) in headers.iter().enumerate() {
            if respondent.contains(&i) != pass {
                continue;
            }
            if let Some(field) = recognise(header).filter(|f| !taken.contains(f)) {
                taken.push(field);
                columns[i] = Some(field);
            }
        }
    }
    let split_name = taken.contains(&ImportField::GivenName) && taken.contains(&ImportField::FamilyName);
    if split_name {
        columns.iter_mut().filter(|c| **c == Some(ImportField::FullName)).for_each(|c| *c = None);
    }
    ColumnMapping { columns, values: Vec::new() }
}

/// The columns of a Microsoft Forms export that describe who filled the form in
/// (`ID, Start time, Completion time, Email, Name, Last modified time, …`).
fn respondent_columns(headers: &[String]) -> Vec<usize> {
    let folded: Vec<String> = headers.iter().map(|h| fold(h)).collect();
    let has = |name: &str| folded.iter().any(|h| h == name);
    if !(has("start time") && has("completion time")) {
        return Vec::new();
    }
    let end = folded.iter().position(|h| h == "last modified time").unwrap_or(folded.len().min(6));
    (0..end).filter(|&i| folded[i] == "email" || folded[i] == "name").collect()
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

    fn mapped(headers: &[&str]) -> Vec<Option<ImportField>> {
        guess_mapping(&headers.iter().map(|h| h.to_string()).collect::<Vec<_>>()).columns
    }

    #[test]
    fn real_registration_systems_headers_are_recognised() {
        use ImportField::*;
        let cases = [
            ("Affiliation", Organisation),
            ("Company", Organisation),
            ("Registration state", Status),
            ("Position / job title", Position),
            ("Attendee name: Given name", GivenName),
            ("Attendee name: Family name", FamilyName),
            ("Attendee name: Title", Honorific),
            ("Attendee email", Email),
            ("Do you need a visa invitation letter?", VisaLetterNeeded),
            ("Dietary requirements (if any)", DietaryNeeds),
            ("Do you have any food allergies or dietary restrictions?", DietaryNeeds),
            ("Do you need wheelchair access", AccessibilityNeeds),
        ];
        for (header, field) in cases {
            assert_eq!(recognise(header), Some(field), "{header}");
        }
        for unknown in ["Registration date", "Timestamp", "Visa number", "Name / E-mail", "What is your favourite food"]
        {
            let expected = (unknown == "What is your favourite food").then_some(DietaryNeeds);
            assert_eq!(recognise(unknown), expected, "{unknown}");
        }
    }

    #[test]
    fn given_and_family_names_beat_a_full_name_column() {
        use ImportField::*;
        let indico = [
            "ID",
            "Name",
            "Title",
            "First Name",
            "Last Name",
            "Email Address",
            "Affiliation",
            "Position",
            "Country",
            "Phone Number",
            "Registration date",
            "Registration state",
        ];
        assert_eq!(
            mapped(&indico),
            [
                None,
                None,
                Some(Honorific),
                Some(GivenName),
                Some(FamilyName),
                Some(Email),
                Some(Organisation),
                Some(Position),
                Some(Country),
                Some(Phone),
                None,
                Some(Status)
            ]
        );
        assert_eq!(mapped(&["Name", "Country"]), [Some(FullName), Some(Country)], "alone, the full name is taken");
    }

    #[test]
    fn a_microsoft_forms_respondent_gives_way_to_the_forms_questions() {
        use ImportField::*;
        let account = ["ID", "Start time", "Completion time", "Email", "Name", "Last modified time"];
        let asked: Vec<&str> = account.iter().copied().chain(["Your name", "Your email"]).collect();
        assert_eq!(mapped(&asked)[3..], [None, None, None, Some(FullName), Some(Email)]);
        let not_asked: Vec<&str> = account.iter().copied().chain(["Country"]).collect();
        assert_eq!(mapped(&not_asked)[3..5], [Some(Email), Some(FullName)], "no question asks: the account's");
    }
}
