//! A whole row as this plan file keeps it in an insert or delete operation:
//! compact bytes, not the JSON a row travels in between laptops.
//!
//! Why: in JSON (column names, `{"blob": hex}` ids) an import of 100,000
//! participants wrote 676 bytes per participant into the journal, four
//! times the rows themselves, and writing them was most of what the journal
//! added to the import. An image is
//!
//! ```text
//! 1 · shape (8 bytes, little-endian) · per column: a tag and its value
//! ```
//!
//! with integers as zig-zag varints and texts and blobs as a varint length
//! and their bytes. The column names are kept once per table layout, a
//! *shape* in `journal_shape`, named by a hash of the table's name and its
//! columns: every laptop names a layout alike, and an image written before a
//! migration added a column still reads by name. Operations written by
//! earlier versions, the starting state and every operation received from a
//! teammate hold the JSON form ([`super::codec`]); both forms are read here,
//! and a row leaves for the team folder in JSON ([`shared`]), which every
//! version reads.

use super::codec::{decode_row, encode_row};
use super::schema::Schema;
use crate::error::Result;
use rusqlite::Connection;
use rusqlite::functions::FunctionFlags;
use rusqlite::types::{Value, ValueRef};
use std::collections::HashMap;
use std::sync::{Arc, LazyLock, PoisonError, RwLock};

/// The first byte of an image in this form.
const FORM: u8 = 1;
const NULL: u8 = 0;
const INTEGER: u8 = 1;
const REAL: u8 = 2;
const TEXT: u8 = 3;
const BLOB: u8 = 4;

/// Column names by shape, for every plan file this process opened. A shape
/// is named by its content, so one map serves them all.
static SHAPES: LazyLock<RwLock<HashMap<i64, Arc<[String]>>>> = LazyLock::new(RwLock::default);

/// The shape of a table with these journalled columns: a hash of its name
/// and columns (FNV-1a, 64 bits), the same in every version and on every
/// laptop, so it must never change.
pub(crate) fn shape_of(table: &str, columns: &[String]) -> i64 {
    let mut named = Vec::with_capacity(16 * (columns.len() + 1));
    for name in std::iter::once(table).chain(columns.iter().map(String::as_str)) {
        named.extend_from_slice(name.as_bytes());
        named.push(0);
    }
    i64::from_le_bytes(crate::backup::fnv1a(&named).to_le_bytes())
}

/// Keeps the shapes of `schema`'s tables in the plan (a writer's
/// connection) and reads every shape the plan holds, so that its images can
/// be read, whichever version wrote them. Only a shape the plan lacks (the
/// first opening after a migration) is written: an opening writes nothing else here.
pub(crate) fn keep_shapes(conn: &Connection, schema: &Schema) -> Result<()> {
    let known = read_shapes(conn)?;
    let mut keep = conn.prepare("INSERT OR IGNORE INTO journal_shape (id, tbl, columns) VALUES (?1, ?2, ?3)")?;
    for table in schema.tables.iter().filter(|t| !known.contains(&t.shape)) {
        let columns = serde_json::to_string(&table.columns).unwrap_or_default();
        keep.execute(rusqlite::params![table.shape, table.name, columns])?;
        SHAPES.write().unwrap_or_else(PoisonError::into_inner).insert(table.shape, table.columns.as_slice().into());
    }
    Ok(())
}

/// Reads every shape the plan holds (a reader's connection); their ids.
pub(crate) fn read_shapes(conn: &Connection) -> Result<Vec<i64>> {
    let shapes: Vec<(i64, String)> = conn
        .prepare("SELECT id, columns FROM journal_shape")?
        .query_map([], |r| Ok((r.get(0)?, r.get(1)?)))?
        .collect::<rusqlite::Result<_>>()?;
    let mut known = SHAPES.write().unwrap_or_else(PoisonError::into_inner);
    for (id, columns) in &shapes {
        if let Ok(columns) = serde_json::from_str::<Vec<String>>(columns) {
            known.entry(*id).or_insert_with(|| columns.into());
        }
    }
    Ok(shapes.into_iter().map(|(id, _)| id).collect())
}

/// A row's values (in its table's order) as an image of `shape`.
pub(crate) fn encode<'v>(shape: i64, values: impl Iterator<Item = ValueRef<'v>>) -> Vec<u8> {
    let mut bytes = Vec::with_capacity(128);
    bytes.push(FORM);
    bytes.extend_from_slice(&shape.to_le_bytes());
    for value in values {
        match value {
            ValueRef::Null => bytes.push(NULL),
            ValueRef::Integer(number) => {
                bytes.push(INTEGER);
                push_varint(&mut bytes, u64::from_le_bytes(((number << 1) ^ (number >> 63)).to_le_bytes()));
            }
            ValueRef::Real(x) => {
                bytes.push(REAL);
                bytes.extend_from_slice(&x.to_le_bytes());
            }
            ValueRef::Text(text) => push_bytes(&mut bytes, TEXT, text),
            ValueRef::Blob(blob) => push_bytes(&mut bytes, BLOB, blob),
        }
    }
    bytes
}

fn push_bytes(out: &mut Vec<u8>, tag: u8, bytes: &[u8]) {
    out.push(tag);
    push_varint(out, u64::try_from(bytes.len()).unwrap_or(u64::MAX));
    out.extend_from_slice(bytes);
}

fn push_varint(out: &mut Vec<u8>, mut n: u64) {
    while n >= 0x80 {
        out.push(u8::try_from(n & 0x7f).unwrap_or_default() | 0x80);
        n >>= 7;
    }
    out.push(u8::try_from(n).unwrap_or_default());
}

/// A row's fields back from what an insert or delete operation holds, by
/// column name, in the order written: an image, or the JSON text of
/// earlier versions and of teammates. `None` when it is neither.
pub(crate) fn decode(value: &Value) -> Option<Vec<(String, Value)>> {
    match value {
        Value::Blob(bytes) => decode_image(bytes),
        Value::Text(text) => decode_row(text),
        _ => None,
    }
}

fn decode_image(bytes: &[u8]) -> Option<Vec<(String, Value)>> {
    let (&form, rest) = bytes.split_first()?;
    if form != FORM || rest.len() < 8 {
        return None;
    }
    let (shape, mut rest) = rest.split_at(8);
    let shape = i64::from_le_bytes(shape.try_into().ok()?);
    let columns = SHAPES.read().unwrap_or_else(PoisonError::into_inner).get(&shape)?.clone();
    let mut fields = Vec::with_capacity(columns.len());
    for column in columns.iter() {
        let (&tag, after) = rest.split_first()?;
        rest = after;
        let value = match tag {
            NULL => Value::Null,
            INTEGER => {
                let n = take_varint(&mut rest)?;
                let zigzag = i64::from_le_bytes((n >> 1).to_le_bytes());
                Value::Integer(zigzag ^ -i64::from_le_bytes((n & 1).to_le_bytes()))
            }
            REAL => {
                let (x, after) = rest.split_at_checked(8)?;
                rest = after;
                Value::Real(f64::from_le_bytes(x.try_into().ok()?))
            }
            TEXT | BLOB => {
                let length = usize::try_from(take_varint(&mut rest)?).ok()?;
                let (content, after) = rest.split_at_checked(length)?;
                rest = after;
                if tag == TEXT {
                    Value::Text(String::from_utf8_lossy(content).into_owned())
                } else {
                    Value::Blob(content.to_vec())
                }
            }
            _ => return None,
        };
        fields.push((column.clone(), value));
    }
    rest.is_empty().then_some(fields)
}

fn take_varint(bytes: &mut &[u8]) -> Option<u64> {
    let mut n = 0_u64;
    for shift in (0..64).step_by(7) {
        let (&byte, rest) = bytes.split_first()?;
        *bytes = rest;
        n |= u64::from(byte & 0x7f) << shift;
        if byte & 0x80 == 0 {
            return Some(n);
        }
    }
    None
}

/// What an operation holds as a teammate reads it: the row of an insert or
/// delete (no `column`) as the JSON text of [`encode_row`], a field's value
/// as it is.
pub(crate) fn shared(column: Option<&str>, value: Value) -> Value {
    match &value {
        Value::Blob(bytes) if column.is_none() => match decode_image(bytes) {
            Some(fields) => {
                let (columns, values): (Vec<String>, Vec<Value>) = fields.into_iter().unzip();
                Value::Text(encode_row(&columns, &values))
            }
            None => value,
        },
        _ => value,
    }
}

/// Registers on `conn` the SQL functions over images, for the statements
/// that write or search many rows at once:
/// - `journal_image(table number, its journalled columns…)`: the row's image
///   (the rows of an import, recorded by one statement);
/// - `journal_field(image, column)`: one field of an insert's or delete's
///   row, in either form (`NULL` when it holds no such field).
pub(crate) fn register(conn: &Connection, schema: Arc<Schema>) -> Result<()> {
    let flags = FunctionFlags::SQLITE_UTF8 | FunctionFlags::SQLITE_DETERMINISTIC;
    conn.create_scalar_function("journal_image", -1, flags, move |ctx| {
        let number = usize::try_from(ctx.get::<i64>(0)?).unwrap_or(usize::MAX);
        let table = schema
            .tables
            .get(number)
            .ok_or_else(|| rusqlite::Error::UserFunctionError("unknown journalled table".into()))?;
        Ok(encode(table.shape, (1..=table.columns.len()).map(|i| ctx.get_raw(i))))
    })?;
    conn.create_scalar_function("journal_field", 2, flags, |ctx| {
        let column: String = ctx.get(1)?;
        let fields = decode(&ctx.get::<Value>(0)?).unwrap_or_default();
        Ok(fields.into_iter().find(|(name, _)| *name == column).map_or(Value::Null, |(_, value)| value))
    })?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn remember(shape: i64, columns: &[String]) {
        SHAPES.write().unwrap().insert(shape, columns.into());
    }

    #[test]
    fn every_sqlite_value_comes_back_as_it_went_and_leaves_as_json() {
        let values = [
            Value::Null,
            Value::Integer(0),
            Value::Integer(-42),
            Value::Integer(i64::MIN),
            Value::Integer(i64::MAX),
            Value::Real(2.5),
            Value::Text("Nguyễn \"Ánh\"".into()),
            Value::Text(String::new()),
            Value::Blob(vec![0, 1, 0xfe, 0xff]),
        ];
        let columns: Vec<String> = (0..values.len()).map(|i| format!("c{i}")).collect();
        let shape = shape_of("every_value", &columns);
        remember(shape, &columns);
        let image = encode(shape, values.iter().map(ValueRef::from));
        let decoded = decode(&Value::Blob(image.clone())).unwrap();
        assert_eq!(decoded.iter().map(|(c, _)| c).collect::<Vec<_>>(), columns.iter().collect::<Vec<_>>());
        assert_eq!(decoded.iter().map(|(_, v)| v.clone()).collect::<Vec<_>>(), values);
        let Value::Text(json) = shared(None, Value::Blob(image.clone())) else { panic!("a row leaves as JSON text") };
        assert_eq!(decode(&Value::Text(json)), Some(decoded));
        // A field's blob (an id) leaves as it is.
        assert_eq!(shared(Some("c8"), Value::Blob(image.clone())), Value::Blob(image.clone()));
        // Cut short, one byte too many, or of a shape this plan does not hold: no row.
        assert_eq!(decode(&Value::Blob(image[..image.len() - 1].to_vec())), None);
        assert_eq!(decode(&Value::Blob([image.as_slice(), &[0]].concat())), None);
        let unknown = encode(shape_of("unknown", &columns), values.iter().map(ValueRef::from));
        assert_eq!(decode(&Value::Blob(unknown)), None);
    }

    #[test]
    fn a_shape_names_its_table_and_columns() {
        let columns = ["id".to_owned(), "title".to_owned()];
        assert_eq!(shape_of("session", &columns), shape_of("session", &columns));
        assert_ne!(shape_of("session", &columns), shape_of("event", &columns));
        assert_ne!(shape_of("session", &columns), shape_of("session", &columns[..1]));
        // Fixed for ever: images already written name their shape by it
        // (FNV-1a of "session\0id\0title\0", as computed apart from this code).
        assert_eq!(shape_of("session", &columns), 8_733_523_869_082_250_674);
    }
}
