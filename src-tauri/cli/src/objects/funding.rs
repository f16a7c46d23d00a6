//! `roundtable funding …`: who funds an event, through which programme, how
//! much and for what, and the line the programme prints for it.

use crate::refs;
use crate::render::table;
use crate::run::{Outcome, deleted, output, set_optional, set_parsed_list};
use clap::{Args, Subcommand};
use roundtable_core::{ApiError, Field, Funding, FundingInput, Store, funding};

#[derive(Debug, Subcommand)]
pub enum FundingCommand {
    /// The funding of an event, and the acknowledgement line.
    ///
    /// Example: roundtable funding list --event "Round-table: Asia"
    List {
        /// The event: its id, or a part of its title that only it has.
        #[arg(long)]
        event: String,
    },
    /// One funding.
    ///
    /// Example: roundtable funding show "European Union" --event "Round-table: Asia"
    Show {
        /// The funding's id, funder or programme.
        funding: String,
        /// The event: its id, or a part of its title that only it has.
        #[arg(long)]
        event: String,
    },
    /// Record a funder's support for an event.
    ///
    /// Example: roundtable funding add --event "Regional dialogue" --funder "European Union" --programme MIEUX
    /// --amount 50000 --currency EUR --cover delegates_travel --cover venue
    #[command(visible_alias = "add")]
    Create {
        /// The event: its id, or a part of its title that only it has.
        #[arg(long)]
        event: String,
        #[command(flatten)]
        fields: FundingFields,
    },
    /// Change the fields given, keep the others.
    ///
    /// Example: roundtable funding update "European Union" --event "Regional dialogue"
    /// --acknowledgement "Funded by the European Union"
    Update {
        funding: String,
        /// The event: its id, or a part of its title that only it has.
        #[arg(long)]
        event: String,
        #[command(flatten)]
        fields: FundingFields,
    },
    /// Delete a funding.
    ///
    /// Example: roundtable funding delete "European Union" --event "Regional dialogue"
    #[command(visible_alias = "remove")]
    Delete {
        funding: String,
        /// The event: its id, or a part of its title that only it has.
        #[arg(long)]
        event: String,
    },
}

#[derive(Debug, Args)]
pub struct FundingFields {
    /// The funding organisation's id, name or short name.
    #[arg(long)]
    pub funder: Option<String>,
    /// The funder's programme ("" for none).
    #[arg(long)]
    pub programme: Option<String>,
    /// Whole units of the currency; 0 for none.
    #[arg(long)]
    pub amount: Option<u32>,
    /// ISO 4217 code, e.g. EUR ("" for none).
    #[arg(long)]
    pub currency: Option<String>,
    /// delegates_travel, accommodation, venue, interpretation, catering, publication, other; repeat for several.
    #[arg(long)]
    pub cover: Option<Vec<String>>,
    /// The line printed on the programme ("" for the built one).
    #[arg(long)]
    pub acknowledgement: Option<String>,
}

fn apply(store: &Store, fields: &FundingFields, input: &mut FundingInput) -> Result<(), ApiError> {
    if let Some(funder) = &fields.funder {
        input.funder_id = refs::organisation(store, funder)?;
    }
    set_optional(&mut input.programme, &fields.programme);
    set_optional(&mut input.currency, &fields.currency);
    set_optional(&mut input.acknowledgement, &fields.acknowledgement);
    if let Some(amount) = fields.amount {
        input.amount = Some(amount).filter(|a| *a > 0);
    }
    set_parsed_list(Field::Covers, &mut input.covers, &fields.cover)
}

fn text(f: &Funding) -> String {
    let amount = match (f.amount, &f.currency) {
        (Some(amount), Some(currency)) => format!("{amount} {currency}"),
        _ => "amount not given".into(),
    };
    let covers = f.covers.iter().map(|c| c.label()).collect::<Vec<_>>().join(", ");
    let mut lines = vec![format!("{} {}", f.funder_name, f.programme.as_deref().unwrap_or("")).trim_end().to_owned()];
    lines.push(format!("ID {}", f.id));
    lines.push(format!("{amount}{}", if covers.is_empty() { String::new() } else { format!(" for {covers}") }));
    lines.extend(f.acknowledgement.as_ref().map(|a| format!("Acknowledgement: {a}")));
    lines.join("\n")
}

pub fn run(store: &mut Store, command: &FundingCommand, json: bool) -> Outcome {
    match command {
        FundingCommand::List { event } => {
            let all = store.event_fundings(refs::event(store, event)?)?;
            output(json, &all, || {
                let mut out = table(
                    &["ID", "FUNDER", "PROGRAMME", "AMOUNT"],
                    all.iter()
                        .map(|f| {
                            let amount = f.amount.map(|a| format!("{a} {}", f.currency.as_deref().unwrap_or("")));
                            vec![
                                f.id.to_string(),
                                f.funder_name.clone(),
                                f.programme.clone().unwrap_or_default(),
                                amount.unwrap_or_default(),
                            ]
                        })
                        .collect(),
                );
                if let Some(line) = funding::acknowledgement_line(&all) {
                    out.push_str(&format!("\n\n{line}"));
                }
                out
            })
        }
        FundingCommand::Show { funding, event } => {
            let f = store.funding(refs::funding(store, refs::event(store, event)?, funding)?)?;
            output(json, &f, || text(&f))
        }
        FundingCommand::Create { event, fields } => {
            let event_id = refs::event(store, event)?;
            let mut input = FundingInput::default();
            apply(store, fields, &mut input)?;
            if fields.funder.is_none() {
                return Err(crate::run::invalid(Field::FunderId, "Name the funder with --funder ORGANISATION"));
            }
            let f = store.add_funding(event_id, &input)?;
            output(json, &f, || format!("Added the funding of {} ({}).", f.funder_name, f.id))
        }
        FundingCommand::Update { funding, event, fields } => {
            let f = store.funding(refs::funding(store, refs::event(store, event)?, funding)?)?;
            let mut input = FundingInput {
                funder_id: f.funder_id,
                programme: f.programme,
                amount: f.amount,
                currency: f.currency,
                covers: f.covers,
                acknowledgement: f.acknowledgement,
            };
            apply(store, fields, &mut input)?;
            let f = store.update_funding(f.id, &input)?;
            output(json, &f, || format!("Updated the funding of {} ({}).", f.funder_name, f.id))
        }
        FundingCommand::Delete { funding, event } => {
            let f = store.funding(refs::funding(store, refs::event(store, event)?, funding)?)?;
            store.delete_funding(f.id)?;
            deleted(json, "funding of", &f.funder_name, f.id)
        }
    }
}
