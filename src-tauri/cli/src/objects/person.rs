//! `roundtable person …`: the people of the plan, reused across events
//! (their participation in one event is `roundtable participant …`).

use crate::refs;
use crate::render::table;
use crate::run::{Outcome, WithId, deleted, output, parse_opt, set, set_list, set_optional};
use clap::{Args, Subcommand};
use roundtable_core::Field;
use roundtable_core::{ApiError, Person, PersonInput, Store};

#[derive(Debug, Subcommand)]
pub enum PersonCommand {
    /// People by family name; --search finds a part of a name, e-mail or organisation.
    ///
    /// Example: roundtable person list --search rahma
    List {
        #[arg(long)]
        search: Option<String>,
        /// At most this many.
        #[arg(long, default_value_t = 200)]
        limit: u32,
    },
    /// One person.
    ///
    /// Example: roundtable person show "Siti Rahma"
    Show {
        /// The person's id, name or e-mail.
        person: String,
    },
    /// Create a person (to add to events with `participant add --person`).
    ///
    /// Example: roundtable person create --given-name Siti --family-name Rahma --email siti@example.org
    #[command(visible_alias = "add")]
    Create(PersonFields),
    /// Change the fields given, keep the others (in every event the person takes part in).
    ///
    /// Example: roundtable person update "Siti Rahma" --position "Director-General"
    Update {
        person: String,
        #[command(flatten)]
        fields: PersonFields,
    },
    /// Delete a person and their participation in every event.
    ///
    /// Example: roundtable person delete "Siti Rahma"
    #[command(visible_alias = "remove")]
    Delete { person: String },
    /// Erase a person's personal data from every event; their seats stay as anonymous seats, so counts add up.
    ///
    /// Example: roundtable person erase "Siti Rahma" --with-backups
    Erase {
        person: String,
        /// Also delete the backups that still hold the person (the plan can then no longer go back to those moments).
        #[arg(long)]
        with_backups: bool,
    },
}

/// A person's fields, shared with `participant add` and `participant update`.
#[derive(Debug, Args)]
pub struct PersonFields {
    /// "H.E.", "Dr", "Ms"…
    #[arg(long)]
    pub honorific: Option<String>,
    /// Given name(s).
    #[arg(long = "given-name")]
    pub given_name: Option<String>,
    /// Family name (required for a new person).
    #[arg(long = "family-name")]
    pub family_name: Option<String>,
    /// Position or title, e.g. Director-General.
    #[arg(long)]
    pub position: Option<String>,
    /// Ministry or organisation, as the person writes it.
    #[arg(long)]
    pub organisation: Option<String>,
    /// E-mail address ("" for none).
    #[arg(long)]
    pub email: Option<String>,
    /// Phone number.
    #[arg(long)]
    pub phone: Option<String>,
    /// female, male, other, undisclosed.
    #[arg(long)]
    pub gender: Option<String>,
    /// A language the person speaks; repeat for several ("" for none).
    #[arg(long = "speaks")]
    pub languages: Option<Vec<String>>,
}

impl PersonFields {
    /// Whether any of the person's flags was given.
    pub fn any(&self) -> bool {
        [
            &self.honorific,
            &self.given_name,
            &self.family_name,
            &self.position,
            &self.organisation,
            &self.email,
            &self.phone,
            &self.gender,
        ]
        .iter()
        .any(|f| f.is_some())
            || self.languages.is_some()
    }

    pub fn apply(&self, input: &mut PersonInput) -> Result<(), ApiError> {
        set(&mut input.honorific, &self.honorific);
        set(&mut input.given_name, &self.given_name);
        set(&mut input.family_name, &self.family_name);
        set(&mut input.position, &self.position);
        set(&mut input.organisation, &self.organisation);
        set(&mut input.phone, &self.phone);
        set_optional(&mut input.email, &self.email);
        set_list(&mut input.languages, &self.languages);
        if self.gender.is_some() {
            input.gender = parse_opt(Field::Gender, self.gender.as_deref())?;
        }
        Ok(())
    }
}

/// The input that would write the person back as it is.
pub fn input_of(p: &Person) -> PersonInput {
    PersonInput {
        honorific: p.honorific.clone(),
        given_name: p.given_name.clone(),
        family_name: p.family_name.clone(),
        position: p.position.clone(),
        organisation: p.organisation.clone(),
        email: p.email.clone(),
        phone: p.phone.clone(),
        gender: Some(p.gender),
        languages: p.languages.clone(),
    }
}

/// A person's card: name, position, contact.
pub fn text(p: &Person) -> String {
    let mut lines = vec![p.full_name.clone(), format!("ID {}", p.id)];
    let at = [p.position.as_str(), p.organisation.as_str()].into_iter().filter(|s| !s.is_empty()).collect::<Vec<_>>();
    if !at.is_empty() {
        lines.push(at.join(", "));
    }
    lines.extend(p.email.as_ref().map(|e| format!("E-mail: {e}")));
    if !p.phone.is_empty() {
        lines.push(format!("Phone: {}", p.phone));
    }
    lines.push(format!("Gender: {}", p.gender.label()));
    if !p.languages.is_empty() {
        lines.push(format!("Languages: {}", p.languages.join(", ")));
    }
    lines.join("\n")
}

pub fn run(store: &mut Store, command: &PersonCommand, json: bool) -> Outcome {
    match command {
        PersonCommand::List { search, limit } => {
            let people = store.search_people(search.as_deref().unwrap_or(""), *limit)?;
            output(json, &people, || {
                table(
                    &["ID", "NAME", "E-MAIL", "ORGANISATION"],
                    people
                        .iter()
                        .map(|p| {
                            vec![
                                p.id.to_string(),
                                p.full_name.clone(),
                                p.email.clone().unwrap_or_default(),
                                p.organisation.clone(),
                            ]
                        })
                        .collect(),
                )
            })
        }
        PersonCommand::Show { person } => {
            let p = store.person(refs::person(store, person)?)?;
            output(json, &p, || text(&p))
        }
        PersonCommand::Create(fields) => {
            let mut input = PersonInput::default();
            fields.apply(&mut input)?;
            let p = store.create_person(&input)?;
            output(json, &p, || format!("Created {} ({}).", p.full_name, p.id))
        }
        PersonCommand::Update { person, fields } => {
            let p = store.person(refs::person(store, person)?)?;
            let mut input = input_of(&p);
            fields.apply(&mut input)?;
            let p = store.update_person(p.id, &input)?;
            output(json, &p, || format!("Updated {} ({}).", p.full_name, p.id))
        }
        PersonCommand::Delete { person } => {
            let p = store.person(refs::person(store, person)?)?;
            store.delete_person(p.id)?;
            deleted(json, "person", &p.full_name, p.id)
        }
        PersonCommand::Erase { person, with_backups } => {
            let p = store.person(refs::person(store, person)?)?;
            let erasure = store.erase_person(p.id, *with_backups)?;
            output(json, &WithId { id: p.id, record: &erasure }, || erased(&p.full_name, &erasure))
        }
    }
}

/// What an erasure did and where the person still is, in words.
fn erased(name: &str, erasure: &roundtable_core::Erasure) -> String {
    let mut text = format!(
        "Erased {name}: {} seat(s) kept as anonymous seats, {} session role(s) removed.",
        erasure.seats_kept_anonymous, erasure.session_roles_removed
    );
    if erasure.backups_removed > 0 {
        text.push_str(&format!(" {} backup(s) that held them were deleted.", erasure.backups_removed));
    }
    if let Some(until) = erasure.held_until {
        text.push_str(&format!(
            " {} backup(s) still hold them until {}, and are deleted the next time the plan is opened or backed up after that (--with-backups deletes them now).",
            erasure.backups_holding.len(),
            roundtable_core::shown::date(until.date_naive())
        ));
    }
    if !erasure.file_cleared {
        text.push_str(" Another program has the plan open: the file is cleared of them when it closes the plan.");
    }
    text
}
