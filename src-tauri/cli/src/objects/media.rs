//! `roundtable media-contact …`: the people a press release names for more information.

use crate::refs;
use crate::render::table;
use crate::run::{Outcome, deleted, output, set, set_optional};
use clap::{Args, Subcommand};
use roundtable_core::{MediaContact, MediaContactInput, Store};

#[derive(Debug, Subcommand)]
pub enum MediaContactCommand {
    /// The media contacts of an event, in the order they were added.
    ///
    /// Example: roundtable media-contact list --event "Regional dialogue"
    List {
        /// The event: its id, or a part of its title that only it has.
        #[arg(long)]
        event: String,
    },
    /// One media contact.
    ///
    /// Example: roundtable media-contact show Kanya --event "Regional dialogue"
    Show {
        /// The contact's id, name or e-mail.
        contact: String,
        /// The event: its id, or a part of its title that only it has.
        #[arg(long)]
        event: String,
    },
    /// Add a media contact.
    ///
    /// Example: roundtable media-contact add --event "Regional dialogue" --name "Kanya Suk" --organisation "IOM Thailand"
    /// --city Bangkok --email kanya@example.org
    #[command(visible_alias = "add")]
    Create {
        /// The event: its id, or a part of its title that only it has.
        #[arg(long)]
        event: String,
        #[command(flatten)]
        fields: MediaContactFields,
    },
    /// Change the fields given, keep the others.
    ///
    /// Example: roundtable media-contact update Kanya --event "Regional dialogue" --phone "+66 2 343 9300"
    Update {
        contact: String,
        /// The event: its id, or a part of its title that only it has.
        #[arg(long)]
        event: String,
        #[command(flatten)]
        fields: MediaContactFields,
    },
    /// Delete a media contact.
    ///
    /// Example: roundtable media-contact delete Kanya --event "Regional dialogue"
    #[command(visible_alias = "remove")]
    Delete {
        contact: String,
        /// The event: its id, or a part of its title that only it has.
        #[arg(long)]
        event: String,
    },
}

#[derive(Debug, Args)]
pub struct MediaContactFields {
    /// The contact's name.
    #[arg(long)]
    pub name: Option<String>,
    /// The contact's organisation.
    #[arg(long)]
    pub organisation: Option<String>,
    /// The contact's city.
    #[arg(long)]
    pub city: Option<String>,
    /// E-mail address ("" for none).
    #[arg(long)]
    pub email: Option<String>,
    /// Phone number.
    #[arg(long)]
    pub phone: Option<String>,
}

fn apply(fields: &MediaContactFields, input: &mut MediaContactInput) {
    set(&mut input.name, &fields.name);
    set(&mut input.organisation, &fields.organisation);
    set(&mut input.city, &fields.city);
    set_optional(&mut input.email, &fields.email);
    set(&mut input.phone, &fields.phone);
}

fn line(m: &MediaContact) -> Vec<String> {
    vec![m.id.to_string(), m.name.clone(), m.organisation.clone(), m.email.clone().unwrap_or_default(), m.phone.clone()]
}

const HEADER: [&str; 5] = ["ID", "NAME", "ORGANISATION", "E-MAIL", "PHONE"];

fn find(store: &Store, event: &str, contact: &str) -> Result<MediaContact, roundtable_core::ApiError> {
    let event_id = refs::event(store, event)?;
    let id = refs::media_contact(store, event_id, contact)?;
    Ok(store.media_contacts(event_id)?.into_iter().find(|m| m.id == id).expect("the contact was just found"))
}

pub fn run(store: &mut Store, command: &MediaContactCommand, json: bool) -> Outcome {
    match command {
        MediaContactCommand::List { event } => {
            let all = store.media_contacts(refs::event(store, event)?)?;
            output(json, &all, || table(&HEADER, all.iter().map(line).collect()))
        }
        MediaContactCommand::Show { contact, event } => {
            let m = find(store, event, contact)?;
            output(json, &m, || table(&HEADER, vec![line(&m)]))
        }
        MediaContactCommand::Create { event, fields } => {
            let event_id = refs::event(store, event)?;
            let mut input = MediaContactInput::default();
            apply(fields, &mut input);
            let m = store.add_media_contact(event_id, &input)?;
            output(json, &m, || format!("Added the media contact {} ({}).", m.name, m.id))
        }
        MediaContactCommand::Update { contact, event, fields } => {
            let m = find(store, event, contact)?;
            let mut input = MediaContactInput {
                name: m.name,
                organisation: m.organisation,
                city: m.city,
                email: m.email,
                phone: m.phone,
            };
            apply(fields, &mut input);
            let m = store.update_media_contact(m.id, &input)?;
            output(json, &m, || format!("Updated the media contact {} ({}).", m.name, m.id))
        }
        MediaContactCommand::Delete { contact, event } => {
            let m = find(store, event, contact)?;
            store.delete_media_contact(m.id)?;
            deleted(json, "media contact", &m.name, m.id)
        }
    }
}
