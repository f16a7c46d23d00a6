//! The value table: a file's own words for genders, roles, statuses and yes/no
//! answers ("Complete", "Sí", "HoD") that the plan does not read, listed once
//! per column with the rows that carry them, and the words the person maps
//! them to (in the wizard, or `--map-value COLUMN:TEXT=VALUE`), which every
//! row of that column then takes. An unknown word stops only its own rows.

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

/// A word the plan does not read in a column of genders, roles, statuses or
/// yes/no answers, with the lines that carry it.
#[derive(Debug, Clone, PartialEq, Serialize, Type)]
pub struct UnknownValue {
    pub column: u32,
    pub header: String,
    pub kind: ValueKind,
    pub text: String,
    pub lines: Vec<u32>,
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

/// Every word of the table the plan does not read, once per column, in the
/// order first met, with its lines.
pub fn unknown(table: &Table, mapping: &ColumnMapping) -> Vec<UnknownValue> {
    let mut found: Vec<UnknownValue> = Vec::new();
    for (column, field) in mapping.columns.iter().enumerate() {
        let Some(kind) = field.and_then(kind_of) else { continue };
        for (line, cells) in &table.rows {
            let Some(cell) = cells.get(column).map(|c| c.trim()) else { continue };
            if kind.reads(mapped(mapping, column, cell)).is_ok() {
                continue;
            }
            let column = column as u32;
            match found.iter_mut().find(|u| u.column == column && fold(&u.text) == fold(cell)) {
                Some(known) => known.lines.push(*line),
                None => found.push(UnknownValue {
                    column,
                    header: table.headers.get(column as usize).cloned().unwrap_or_default(),
                    kind,
                    text: cell.to_owned(),
                    lines: vec![*line],
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
