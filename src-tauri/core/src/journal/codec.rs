//! How the journal writes down a row's key and a row's fields, so that an
//! operation can be read back into the same SQLite values on any laptop.
//!
//! A field set by an operation keeps its SQLite value as it is (the journal's
//! `value` column takes any type). A whole row (an insert, or the row a delete
//! removed) travels between laptops as a JSON object by column name, so a
//! later version that adds a column still reads it; blobs (the UUID keys) are
//! `{"blob": "hex"}`, which JSON cannot otherwise hold. Inside a plan file a
//! row is kept more compactly ([`super::image`]). A key is the UUID's 16 bytes for tables keyed by
//! one id, and the key columns as a JSON array for the others (an organiser
//! role, a speaker in a session, a plan setting).

use rusqlite::types::{Value, ValueRef};
use serde::de::{Deserialize, Deserializer, Error as _, MapAccess, Visitor};
use serde_json::{Map, Number, Value as Json};
use std::fmt;

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
    const DIGITS: &[u8; 16] = b"0123456789abcdef";
    let mut text = String::with_capacity(2 * bytes.len());
    for byte in bytes {
        text.push(char::from(DIGITS[usize::from(byte >> 4)]));
        text.push(char::from(DIGITS[usize::from(byte & 0xf)]));
    }
    text
}

/// Bytes from hex; `None` when it is no hex.
pub(crate) fn unhex(text: &str) -> Option<Vec<u8>> {
    if !text.len().is_multiple_of(2) {
        return None;
    }
    (0..text.len()).step_by(2).map(|i| u8::from_str_radix(text.get(i..i + 2)?, 16).ok()).collect()
}

/// A row's fields as the JSON text a row travels in between laptops (and
/// the starting state keeps), written straight into one string.
pub(crate) fn encode_row(columns: &[String], values: &[Value]) -> String {
    let values = values.iter().map(ValueRef::from);
    let mut text = Vec::with_capacity(48 * columns.len());
    text.push(b'{');
    for (n, (column, value)) in columns.iter().zip(values).enumerate() {
        if n > 0 {
            text.push(b',');
        }
        push_json_string(&mut text, column);
        text.push(b':');
        match value {
            ValueRef::Null => text.extend_from_slice(b"null"),
            ValueRef::Integer(number) => text.extend_from_slice(number.to_string().as_bytes()),
            ValueRef::Text(bytes) => push_json_string(&mut text, &String::from_utf8_lossy(bytes)),
            ValueRef::Real(x) => text.extend_from_slice(to_json(&Value::Real(x)).to_string().as_bytes()),
            ValueRef::Blob(bytes) => {
                text.extend_from_slice(b"{\"blob\":\"");
                text.extend_from_slice(hex(bytes).as_bytes());
                text.extend_from_slice(b"\"}");
            }
        }
    }
    text.push(b'}');
    // Only JSON's own bytes and valid UTF-8 strings went in.
    String::from_utf8(text).unwrap_or_default()
}

/// `text` as a JSON string literal, appended.
fn push_json_string(out: &mut Vec<u8>, text: &str) {
    // Writing a string into a vector cannot fail.
    serde_json::to_writer(out, text).ok();
}

/// A row's fields back from an operation's JSON text, by column name, in
/// the order written; `None` when the text is no such row.
pub(crate) fn decode_row(text: &str) -> Option<Vec<(String, Value)>> {
    serde_json::from_str::<Fields>(text).ok().map(|fields| fields.0)
}

/// A row's fields read straight from its JSON text (one is read for every
/// row a merge or an undo writes), without building a JSON tree first.
struct Fields(Vec<(String, Value)>);

impl<'de> Deserialize<'de> for Fields {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> std::result::Result<Self, D::Error> {
        struct Object;
        impl<'de> Visitor<'de> for Object {
            type Value = Fields;
            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("a row as a JSON object")
            }
            fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> std::result::Result<Fields, A::Error> {
                let mut fields = Vec::with_capacity(map.size_hint().unwrap_or(16));
                while let Some((column, FieldValue(value))) = map.next_entry::<String, FieldValue>()? {
                    fields.push((column, value));
                }
                Ok(Fields(fields))
            }
        }
        deserializer.deserialize_map(Object)
    }
}

/// One field's value in its JSON form ([`to_json`]), read as [`from_json`] reads it.
struct FieldValue(Value);

impl<'de> Deserialize<'de> for FieldValue {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> std::result::Result<Self, D::Error> {
        struct Any;
        impl<'de> Visitor<'de> for Any {
            type Value = FieldValue;
            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("null, a number, a string or {\"blob\": hex}")
            }
            fn visit_unit<E>(self) -> std::result::Result<FieldValue, E> {
                Ok(FieldValue(Value::Null))
            }
            fn visit_bool<E>(self, b: bool) -> std::result::Result<FieldValue, E> {
                Ok(FieldValue(Value::Integer(i64::from(b))))
            }
            fn visit_i64<E>(self, n: i64) -> std::result::Result<FieldValue, E> {
                Ok(FieldValue(Value::Integer(n)))
            }
            fn visit_u64<E>(self, n: u64) -> std::result::Result<FieldValue, E> {
                // Beyond SQLite's integers, a real, as serde_json's own numbers give it.
                #[allow(clippy::cast_precision_loss)]
                Ok(FieldValue(i64::try_from(n).map_or(Value::Real(n as f64), Value::Integer)))
            }
            fn visit_f64<E>(self, x: f64) -> std::result::Result<FieldValue, E> {
                Ok(FieldValue(Value::Real(x)))
            }
            fn visit_str<E>(self, text: &str) -> std::result::Result<FieldValue, E> {
                Ok(FieldValue(Value::Text(text.to_owned())))
            }
            fn visit_string<E>(self, text: String) -> std::result::Result<FieldValue, E> {
                Ok(FieldValue(Value::Text(text)))
            }
            fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> std::result::Result<FieldValue, A::Error> {
                let mut blob = None;
                while let Some(name) = map.next_key::<std::borrow::Cow<'de, str>>()? {
                    let text: std::borrow::Cow<'de, str> = map.next_value()?;
                    if name == "blob" {
                        blob = Some(unhex(&text).ok_or_else(|| A::Error::custom("a blob that is not hex"))?);
                    }
                }
                blob.map(|bytes| FieldValue(Value::Blob(bytes)))
                    .ok_or_else(|| A::Error::custom("an object that is no blob"))
            }
        }
        deserializer.deserialize_any(Any)
    }
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
        assert_eq!(decoded.iter().map(|(c, _)| c).collect::<Vec<_>>(), columns.iter().collect::<Vec<_>>());
        assert_eq!(decoded.into_iter().map(|(_, v)| v).collect::<Vec<_>>(), values);
        assert_eq!(decode_row(r#"{"a":true,"b":18446744073709551615}"#).unwrap()[0].1, Value::Integer(1));
        for not_a_row in [r#"{"a":[1]}"#, r#"{"a":{"blob":"0g"}}"#, r#"{"a":{"text":"x"}}"#, "[1]", "{"] {
            assert_eq!(decode_row(not_a_row), None, "{not_a_row}");
        }
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
