//! [`Json`]: a whole JSON value in memory, for the JSON import (a list of objects of
//! any shape). It behaves as `serde_json::Value` does without its `preserve_order`
//! feature: object keys are sorted (a key given twice keeps its last value), numbers
//! are classified as [`Num`], and [`Json::to_text`] writes compact JSON.

use super::reader::{Num, Reader};
use super::writer::{write_f64, write_str};
use super::{ErrorKind, FromJson, JsonError, ToJson};

/// A JSON value.
#[derive(Debug, Clone, PartialEq)]
pub enum Json {
    /// `null`.
    Null,
    /// `true` or `false`.
    Bool(bool),
    /// A number.
    Number(Num),
    /// A string.
    String(String),
    /// An array.
    Array(Vec<Json>),
    /// An object: its members sorted by key, each key once (a sorted vector rather than
    /// a `BTreeMap`: one more B-tree instantiation is ~8 KB of the worker's wasm).
    Object(Vec<(String, Json)>),
}

impl Json {
    /// An object's value for `key` (`None` for a missing key, or when not an object).
    pub fn get(&self, key: &str) -> Option<&Json> {
        match self {
            Json::Object(map) => map
                .binary_search_by(|(k, _)| k.as_str().cmp(key))
                .ok()
                .map(|i| &map[i].1),
            _ => None,
        }
    }

    /// The value as compact JSON text (object keys in sorted order).
    pub fn to_text(&self) -> String {
        super::to_string(self)
    }
}

impl ToJson for Num {
    fn to_json(&self, out: &mut String) {
        use std::fmt::Write;
        match self {
            Num::U64(u) => {
                let _ = write!(out, "{u}");
            }
            Num::I64(i) => {
                let _ = write!(out, "{i}");
            }
            Num::F64(f) => write_f64(out, *f),
        }
    }
}

impl ToJson for Json {
    fn to_json(&self, out: &mut String) {
        match self {
            Json::Null => out.push_str("null"),
            Json::Bool(b) => b.to_json(out),
            Json::Number(n) => n.to_json(out),
            Json::String(s) => write_str(out, s),
            Json::Array(items) => items.to_json(out),
            Json::Object(map) => {
                out.push('{');
                for (i, (k, v)) in map.iter().enumerate() {
                    if i > 0 {
                        out.push(',');
                    }
                    write_str(out, k);
                    out.push(':');
                    v.to_json(out);
                }
                out.push('}');
            }
        }
    }
}

/// Members in document order → sorted by key, a key given twice keeping its last value
/// (what inserting them into a `BTreeMap` one by one gives).
fn sorted_members(mut members: Vec<(String, Json)>) -> Vec<(String, Json)> {
    // Stable: of equal keys, the later member stays after the earlier one.
    crate::core::sort::sort_by(&mut members, |a, b| a.0.cmp(&b.0));
    let mut out: Vec<(String, Json)> = Vec::with_capacity(members.len());
    for (key, value) in members {
        match out.last_mut() {
            Some(last) if last.0 == key => last.1 = value,
            _ => out.push((key, value)),
        }
    }
    out
}

impl FromJson for Json {
    fn from_json(r: &mut Reader<'_>) -> Result<Self, JsonError> {
        Ok(match r.peek() {
            Some(b'{') => {
                let mut members = Vec::new();
                r.object(&mut |r, key| {
                    members.push((key.to_owned(), Json::from_json(r)?));
                    Ok(())
                })?;
                Json::Object(sorted_members(members))
            }
            Some(b'[') => Json::Array(Vec::from_json(r)?),
            Some(b'"') => Json::String(r.string()?.into_owned()),
            Some(b't' | b'f') => Json::Bool(r.bool()?),
            Some(b'n') => {
                r.null()?;
                Json::Null
            }
            Some(b'-' | b'0'..=b'9') => Json::Number(r.num()?),
            _ => return Err(r.error(ErrorKind::Expected("a value"))),
        })
    }
}
