//! `roundtable series …`: series of events and their stops.

use crate::refs;
use crate::render::table;
use crate::run::{Outcome, deleted, output, set};
use clap::{Args, Subcommand};
use roundtable_core::shown;
use roundtable_core::{Series, SeriesInput, Store};

#[derive(Debug, Subcommand)]
pub enum SeriesCommand {
    /// Every series, by title.
    ///
    /// Example: roundtable series list
    List,
    /// A series with its stops.
    ///
    /// Example: roundtable series show "MIEUX 2018"
    Show { series: String },
    /// Create a series.
    ///
    /// Example: roundtable series create --title "Dialogues 2026" --description "A tour of ASEAN capitals"
    #[command(visible_alias = "add")]
    Create(SeriesFields),
    /// Change the fields given, keep the others.
    ///
    /// Example: roundtable series update "Dialogues 2026" --description "Six capitals"
    Update {
        series: String,
        #[command(flatten)]
        fields: SeriesFields,
    },
    /// Delete a series; its events stay, outside any series.
    ///
    /// Example: roundtable series delete "Dialogues 2026"
    #[command(visible_alias = "remove")]
    Delete { series: String },
}

#[derive(Debug, Args)]
pub struct SeriesFields {
    /// The series' title, e.g. "MIEUX 2018".
    #[arg(long)]
    pub title: Option<String>,
    /// What the series is for.
    #[arg(long)]
    pub description: Option<String>,
}

fn apply(fields: &SeriesFields, input: &mut SeriesInput) {
    set(&mut input.title, &fields.title);
    set(&mut input.description, &fields.description);
}

fn list(series: &[Series]) -> String {
    table(&["ID", "TITLE"], series.iter().map(|s| vec![s.id.to_string(), s.title.clone()]).collect())
}

pub fn run(store: &mut Store, command: &SeriesCommand, json: bool) -> Outcome {
    match command {
        SeriesCommand::List => {
            let all = store.list_series()?;
            output(json, &all, || list(&all))
        }
        SeriesCommand::Show { series } => {
            let series = store.series(refs::series(store, series)?)?;
            let stops = store.series_stops(series.id)?;
            let shown = serde_json::json!({ "id": series.id, "title": series.title, "description": series.description, "stops": stops });
            output(json, &shown, || {
                let mut lines = vec![series.title.clone(), format!("ID {}", series.id)];
                if !series.description.is_empty() {
                    lines.push(series.description.clone());
                }
                lines.push(String::new());
                lines.push(table(
                    &["FIRST DAY", "CITY", "STATUS", "EVENT"],
                    stops
                        .iter()
                        .map(|s| {
                            vec![
                                shown::date(s.start_date),
                                s.host_city.clone(),
                                s.status.label().into(),
                                s.title.clone(),
                            ]
                        })
                        .collect(),
                ));
                lines.join("\n")
            })
        }
        SeriesCommand::Create(fields) => {
            let mut input = SeriesInput::default();
            apply(fields, &mut input);
            let series = store.create_series(&input)?;
            output(json, &series, || format!("Created the series {} ({}).", series.title, series.id))
        }
        SeriesCommand::Update { series, fields } => {
            let current = store.series(refs::series(store, series)?)?;
            let mut input = SeriesInput { title: current.title, description: current.description };
            apply(fields, &mut input);
            let series = store.update_series(current.id, &input)?;
            output(json, &series, || format!("Updated the series {} ({}).", series.title, series.id))
        }
        SeriesCommand::Delete { series } => {
            let series = store.series(refs::series(store, series)?)?;
            store.delete_series(series.id)?;
            deleted(json, "series", &series.title, series.id)
        }
    }
}
