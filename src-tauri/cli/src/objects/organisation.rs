//! `roundtable organisation …`: the organisations of the plan, reused
//! across events as organisers, funders and delegations.

use crate::refs;
use crate::render::table;
use crate::run::{Outcome, deleted, output, parse_opt, set, set_optional};
use clap::{Args, Subcommand};
use roundtable_core::Field;
use roundtable_core::countries::CountryNames;
use roundtable_core::{ApiError, Organisation, OrganisationInput, Store};

#[derive(Debug, Subcommand)]
pub enum OrganisationCommand {
    /// Every organisation, by name.
    ///
    /// Example: roundtable organisation list --json
    List,
    /// One organisation.
    ///
    /// Example: roundtable organisation show IOM
    Show { organisation: String },
    /// Create an organisation; its name must be new.
    ///
    /// Example: roundtable organisation create --name "International Organization for Migration" --short-name IOM
    /// --kind international_organisation
    #[command(visible_alias = "add")]
    Create(OrganisationFields),
    /// Change the fields given, keep the others.
    ///
    /// Example: roundtable organisation update IOM --website https://www.iom.int
    Update {
        organisation: String,
        #[command(flatten)]
        fields: OrganisationFields,
    },
    /// Delete an organisation that no event uses any more.
    ///
    /// Example: roundtable organisation delete IOM
    #[command(visible_alias = "remove")]
    Delete { organisation: String },
}

#[derive(Debug, Args)]
pub struct OrganisationFields {
    /// The organisation's full name.
    #[arg(long)]
    pub name: Option<String>,
    /// An acronym such as IOM ("" for none).
    #[arg(long = "short-name")]
    pub short_name: Option<String>,
    /// international_organisation, government, civil_society, donor, academic, other.
    #[arg(long)]
    pub kind: Option<String>,
    /// ISO 3166-1 code ("" for none).
    #[arg(long)]
    pub country: Option<String>,
    /// Its website ("" for none).
    #[arg(long)]
    pub website: Option<String>,
}

fn apply(fields: &OrganisationFields, input: &mut OrganisationInput) -> Result<(), ApiError> {
    set(&mut input.name, &fields.name);
    set_optional(&mut input.short_name, &fields.short_name);
    set_optional(&mut input.country_code, &fields.country);
    set_optional(&mut input.website, &fields.website);
    if fields.kind.is_some() {
        input.kind = parse_opt(Field::Kind, fields.kind.as_deref())?;
    }
    Ok(())
}

fn text(o: &Organisation, names: CountryNames) -> String {
    let mut lines = vec![o.name.clone(), format!("ID {}", o.id), format!("Kind: {}", o.kind.label())];
    lines.extend(o.short_name.as_ref().map(|s| format!("Short name: {s}")));
    lines.extend(o.country_code.as_ref().map(|c| format!("Country: {}", names.name_of(c))));
    lines.extend(o.website.as_ref().map(|w| format!("Website: {w}")));
    lines.join("\n")
}

pub fn run(store: &mut Store, command: &OrganisationCommand, json: bool) -> Outcome {
    match command {
        OrganisationCommand::List => {
            let all = store.list_organisations()?;
            output(json, &all, || {
                table(
                    &["ID", "SHORT", "KIND", "NAME"],
                    all.iter()
                        .map(|o| {
                            vec![
                                o.id.to_string(),
                                o.short_name.clone().unwrap_or_default(),
                                o.kind.label().into(),
                                o.name.clone(),
                            ]
                        })
                        .collect(),
                )
            })
        }
        OrganisationCommand::Show { organisation } => {
            let o = store.organisation(refs::organisation(store, organisation)?)?;
            let names = store.country_names()?;
            output(json, &o, || text(&o, names))
        }
        OrganisationCommand::Create(fields) => {
            let mut input = OrganisationInput::default();
            apply(fields, &mut input)?;
            let o = store.create_organisation(&input)?;
            output(json, &o, || format!("Created the organisation {} ({}).", o.name, o.id))
        }
        OrganisationCommand::Update { organisation, fields } => {
            let o = store.organisation(refs::organisation(store, organisation)?)?;
            let mut input = OrganisationInput {
                name: o.name,
                short_name: o.short_name,
                kind: Some(o.kind),
                country_code: o.country_code,
                website: o.website,
            };
            apply(fields, &mut input)?;
            let o = store.update_organisation(o.id, &input)?;
            output(json, &o, || format!("Updated the organisation {} ({}).", o.name, o.id))
        }
        OrganisationCommand::Delete { organisation } => {
            let o = store.organisation(refs::organisation(store, organisation)?)?;
            store.delete_organisation(o.id)?;
            deleted(json, "organisation", &o.name, o.id)
        }
    }
}
