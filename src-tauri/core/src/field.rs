//! The input fields an error can belong to, as one closed list.
//!
//! The UI shows a message next to the field it names. With the names as an
//! enum, the generated TypeScript type is a union of these strings: a form
//! that lists a field the backend no longer has, or a renamed field, fails
//! the UI's typecheck instead of moving its message to the top of the form.

use serde::Serialize;
use specta::Type;

/// A field of an input a person fills in (an event's title, a session's start
/// time…), or the file or path of an import or export.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Type)]
#[serde(rename_all = "snake_case")]
pub enum Field {
    AccessibilityNeeds,
    AllowSameStop,
    Accommodation,
    Acknowledgement,
    Amount,
    Action,
    Arrival,
    City,
    CopiedTexts,
    CopyParticipants,
    CountryCode,
    Covers,
    Currency,
    Date,
    DayId,
    DelegationId,
    Departure,
    Description,
    DietaryNeeds,
    DueDate,
    Email,
    EndDate,
    EndTime,
    FamilyName,
    File,
    Format,
    FunderId,
    Gender,
    GivenName,
    Honorific,
    HostCity,
    HostCountry,
    Id,
    Kind,
    Languages,
    Name,
    Notes,
    Objectives,
    Organisation,
    OrganisationId,
    Owner,
    Path,
    People,
    PersonId,
    Phone,
    Position,
    Priorities,
    Programme,
    Quota,
    RetentionMonths,
    Role,
    Room,
    Sdgs,
    SeriesId,
    ShortName,
    StartDate,
    StartTime,
    Status,
    Summary,
    Theme,
    TimeZone,
    Title,
    TravelFundedBy,
    /// A value typed to decide a disagreement.
    Value,
    Venue,
    VersionDate,
    VisaLetterWeeks,
    Website,
}
