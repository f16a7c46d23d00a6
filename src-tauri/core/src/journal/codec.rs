//! How the journal writes down a row's key and a row's fields, so that an
//! operation can be read back into the same SQLite values on any laptop.
//!
//! A field set by an operation keeps its SQLite value as it is (the journal's
//! `value` column takes any type). A whole row (an insert, or the row a delete
//! removed) is a JSON object by column name, so a later version that adds a
//! column still reads it; blobs (the UUID keys) are `{"blob": "hex"}`, which
//! JSON cannot otherwise hold. A key is the UUID's 16 bytes for tables keyed by
//! one id, and the key columns as a JSON array for the others (an organiser
//! role, a speaker in a session, a plan setting).

use rusqlite::types::Value;
use serde_json::{Map, Number, Value as Json};

/// A SQLite value as JSON.
pub(crate) fn to_json(value: &Value) -> Json {
    match value {
        Value::Null => Json::Null,
        Value::Integer(n) => Json::Number((*n).into()),
        Value::Real(x) => Number::from_f64(*x).map_or(Json::Null, Json::Number),
        Value::Text(text) => Json::String(text.clone()),
        Value::Blob(bytes) => Json::Object(Map::from_iter([("blob".to_owned(), Json::String(hex(bytes)))])),
    }
}

/// A SQLite value from its JSON form; `None` when it is no such form.
pub(crate) fn from_json(json: &Json) -> Option<Value> {
    Some(match json {
        Json::Null => Value::Null,
        Json::Bool(b) => Value::Integer(i64::from(*b)),
        Json::Number(n) => match n.as_i64() {
            Some(whole) => Value::Integer(whole),
            None => Value::Real(n.as_f64()?),
        },
        Json::String(text) => Value::Text(text.clone()),
        Json::Object(map) => Value::Blob(unhex(map.get("blob")?.as_str()?)?),
        Json::Array(_) => return None,
    })
}

/// Bytes as lower-case hex.
pub(crate) fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

/// Bytes from hex; `None` when it is no hex.
pub(crate) fn unhex(text: &str) -> Option<Vec<u8>> {
    if !text.len().is_multiple_of(2) {
        return None;
    }
    (0..text.len()).step_by(2).map(|i| u8::from_str_radix(text.get(i..i + 2)?, 16).ok()).collect()
}

/// A row's fields as the JSON text an insert or delete operation keeps,
/// written straight into one string (an import encodes a row per person).
pub(crate) fn encode_row(columns: &[String], values: &[Value]) -> String {
    let mut text = String::with_capacity(32 * columns.len());
    text.push('{');
    for (n, (column, value)) in columns.iter().zip(values).enumerate() {
        if n > 0 {
            text.push(',');
        }
        push_json_string(&mut text, column);
        text.push(':');
        match value {
            Value::Null => text.push_str("null"),
            Value::Integer(number) => text.push_str(&number.to_string()),
            Value::Text(value) => push_json_string(&mut text, value),
            other => text.push_str(&to_json(other).to_string()),
        }
    }
    text.push('}');
    text
}

/// `text` as a JSON string literal, appended.
fn push_json_string(out: &mut String, text: &str) {
    // Serialising a string cannot fail.
    out.push_str(&serde_json::to_string(text).unwrap_or_default());
}

/// A row's fields back from an operation's JSON text, by column name.
pub(crate) fn decode_row(text: &str) -> Option<Vec<(String, Value)>> {
    let Json::Object(fields) = serde_json::from_str(text).ok()? else { return None };
    fields.into_iter().map(|(column, json)| Some((column, from_json(&json)?))).collect()
}

/// The journal's key for a row whose key columns hold `values`: the bytes of a
/// lone blob key (`raw`), else the values as a JSON array.
pub(crate) fn encode_key(raw: bool, values: &[&Value]) -> Vec<u8> {
    match values {
        [Value::Blob(bytes)] if raw => bytes.clone(),
        _ => Json::Array(values.iter().map(|v| to_json(v)).collect()).to_string().into_bytes(),
    }
}

/// The key columns' values back from a journal key.
pub(crate) fn decode_key(raw: bool, key: &[u8]) -> Option<Vec<Value>> {
    if raw {
        return Some(vec![Value::Blob(key.to_vec())]);
    }
    let Json::Array(values) = serde_json::from_slice(key).ok()? else { return None };
    values.iter().map(from_json).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_sqlite_value_comes_back_as_it_went() {
        let values = [
            Value::Null,
            Value::Integer(-42),
            Value::Real(2.5),
            Value::Text("Nguyễn \"Ánh\"".into()),
            Value::Blob(vec![0, 1, 0xfe, 0xff]),
        ];
        let columns: Vec<String> = (0..values.len()).map(|i| format!("c{i}")).collect();
        let decoded = decode_row(&encode_row(&columns, &values)).unwrap();
        assert_eq!(decoded.into_iter().map(|(_, v)| v).collect::<Vec<_>>(), values);
    }

    #[test]
    fn keys_are_raw_ids_or_json_arrays() {
        let id = Value::Blob(vec![7; 16]);
        assert_eq!(encode_key(true, &[&id]), vec![7; 16]);
        assert_eq!(decode_key(true, &[7; 16]).unwrap(), std::slice::from_ref(&id));
        let role = Value::Text("host".into());
        let composite = encode_key(false, &[&id, &role]);
        assert_eq!(decode_key(false, &composite).unwrap(), [id, role]);
        assert_eq!(decode_key(false, b"not json"), None);
    }
}
