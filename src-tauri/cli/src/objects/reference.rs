//! `roundtable example …` and `roundtable country …`: the seed events, and
//! the country codes every country flag takes.

use crate::render::table;
use crate::run::{Outcome, WithId, output};
use clap::Subcommand;
use roundtable_core::text::fold;
use roundtable_core::{Store, countries, examples};

#[derive(Debug, Subcommand)]
pub enum ExampleCommand {
    /// Load the Bangkok 2022 dialogue and the MIEUX 2018 round-tables (never twice).
    ///
    /// Example: roundtable example load
    Load,
}

#[derive(Debug, Subcommand)]
pub enum CountryCommand {
    /// ISO 3166-1 countries by English short name, as the plan names them; --search finds a part of a name or a code.
    ///
    /// Example: roundtable country list --search lao
    List {
        #[arg(long)]
        search: Option<String>,
    },
}

pub fn example(store: &mut Store, command: &ExampleCommand, json: bool) -> Outcome {
    let ExampleCommand::Load = command;
    let loaded = examples::load(store)?;
    output(json, &loaded, || {
        format!("Loaded {} example event(s); {} already in the plan.", loaded.created, loaded.already_present)
    })
}

pub fn country(store: &Store, command: &CountryCommand, json: bool) -> Outcome {
    let CountryCommand::List { search } = command;
    let wanted = fold(search.as_deref().unwrap_or(""));
    let found: Vec<_> = countries::listed(store.country_names()?)
        .into_iter()
        .filter(|c| {
            wanted.is_empty()
                || fold(c.name).contains(&wanted)
                || fold(c.iso_name).contains(&wanted)
                || c.alpha2.eq_ignore_ascii_case(&wanted)
                || c.alpha3.eq_ignore_ascii_case(&wanted)
        })
        .collect();
    let shown: Vec<_> = found.iter().map(|c| WithId { id: c.alpha2, record: c }).collect();
    output(json, &shown, || {
        table(
            &["CODE", "ALPHA-3", "NAME"],
            found.iter().map(|c| vec![c.alpha2.into(), c.alpha3.into(), c.name.into()]).collect(),
        )
    })
}
