//! The value table: a file's own words for genders, roles, statuses and yes/no
//! answers ("Complete", "Sí", "HoD"), each listed once per column with the
//! rows that carry it and what the plan reads it as ("Pending" as nominated),
//! or nothing when it does not read it, and the words the person maps them to
//! (in the wizard, or `--map-value COLUMN:TEXT=VALUE`), which every row of
//! that column then takes, a reading the plan had included. An unknown word
//! stops only its own rows.

use super::Table;
use super::fields::{ColumnMapping, ImportField};
use roundtable_core::import::ValueKind;
use roundtable_core::text::fold;
use serde::{Deserialize, Serialize};
use specta::Type;

/// A file's word in one column, read as one of the plan's words.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Type)]
pub struct ValueChoice {
    /// The column, from 0.
    pub column: u32,
    /// The word as the file has it (matched without case or accents).
    pub text: String,
    /// The plan's word it stands for: one of [`UnknownValue::choices`].
    pub value: String,
}

/// A word of a column of genders, roles, statuses or yes/no answers, with
/// the lines that carry it and how the plan reads it.
#[derive(Debug, Clone, PartialEq, Serialize, Type)]
pub struct ValueReading {
    pub column: u32,
    pub header: String,
    pub kind: ValueKind,
    pub text: String,
    pub lines: Vec<u32>,
    /// The plan's word it is read as; `None`: the plan does not read it (its rows stop).
    pub reads_as: Option<String>,
    /// The plan's words it can be mapped to.
    pub choices: Vec<String>,
}

/// The kind of answer a field's column holds, if it holds one of the plan's words.
pub fn kind_of(field: ImportField) -> Option<ValueKind> {
    match field {
        ImportField::Gender => Some(ValueKind::Gender),
        ImportField::Role => Some(ValueKind::Role),
        ImportField::Status => Some(ValueKind::Status),
        ImportField::VisaLetterNeeded => Some(ValueKind::YesNo),
        _ => None,
    }
}

/// The cell of `column` as the rows take it: the mapped word when the table maps it.
pub fn mapped<'a>(mapping: &'a ColumnMapping, column: usize, cell: &'a str) -> &'a str {
    let folded = fold(cell);
    mapping
        .values
        .iter()
        .find(|choice| choice.column as usize == column && fold(&choice.text) == folded)
        .map_or(cell, |choice| choice.value.as_str())
}

/// Every word of the table's value columns, once per column in the order
/// first met, with its lines and its reading; empty cells are left out.
pub fn readings(table: &Table, mapping: &ColumnMapping) -> Vec<ValueReading> {
    let mut found: Vec<ValueReading> = Vec::new();
    for (column, field) in mapping.columns.iter().enumerate() {
        let Some(kind) = field.and_then(kind_of) else { continue };
        for (line, cells) in &table.rows {
            let Some(cell) = cells.get(column).map(|c| c.trim()).filter(|c| !c.is_empty()) else { continue };
            let column = column as u32;
            match found.iter_mut().find(|u| u.column == column && fold(&u.text) == fold(cell)) {
                Some(known) => known.lines.push(*line),
                None => found.push(ValueReading {
                    column,
                    header: table.headers.get(column as usize).cloned().unwrap_or_default(),
                    kind,
                    text: cell.to_owned(),
                    lines: vec![*line],
                    reads_as: kind.reading(mapped(mapping, column as usize, cell)).ok().flatten().map(str::to_owned),
                    choices: kind.choices().into_iter().map(str::to_owned).collect(),
                }),
            }
        }
    }
    found
}

/// Checks that every choice names a column of values and one of its words.
pub fn check_choices(mapping: &ColumnMapping, headers: &[String]) -> Option<String> {
    mapping.values.iter().find_map(|choice| {
        let header = headers.get(choice.column as usize)?;
        let Some(kind) = mapping.columns.get(choice.column as usize).copied().flatten().and_then(kind_of) else {
            return Some(format!("Column '{header}' holds no genders, roles, statuses or yes/no answers to map"));
        };
        let choices = kind.choices();
        (!choices.contains(&choice.value.as_str())).then(|| {
            format!("'{}' is not one of the words for column '{header}': {}", choice.value, choices.join(", "))
        })
    })
}
