//! Values stored in and read from SQLite, and their wire encoding.

use crate::json::{
    ErrorKind, FromJson, JsonError, Notation, Num, Reader, ShortestDigits, lay_out, shortest_digits,
};

/// One SQLite value.
#[derive(Debug, Clone, PartialEq)]
pub enum Value {
    /// SQL NULL.
    Null,
    /// 64-bit integer.
    Integer(i64),
    /// 64-bit float.
    Real(f64),
    /// UTF-8 text.
    Text(String),
    /// Bytes.
    Blob(Vec<u8>),
}

impl Value {
    /// Reads column `i` of a row.
    #[cfg(feature = "db")]
    pub fn from_row(row: &rusqlite::Row<'_>, i: usize) -> rusqlite::Result<Value> {
        use rusqlite::types::ValueRef;
        Ok(match row.get_ref(i)? {
            ValueRef::Null => Value::Null,
            ValueRef::Integer(v) => Value::Integer(v),
            ValueRef::Real(v) => Value::Real(v),
            ValueRef::Text(t) => Value::Text(String::from_utf8_lossy(t).into_owned()),
            ValueRef::Blob(b) => Value::Blob(b.to_vec()),
        })
    }

    /// Appends this value as JSON: INTEGER as a number without a fraction, REAL always
    /// with a fraction or exponent (so a reader can tell them apart: Rust's `{:?}`,
    /// non-finite as strings `"Infinity"`, `"-Infinity"`), TEXT as a string, BLOB as
    /// `{"blob":"<hex>"}`.
    pub fn write_json(&self, out: &mut String) {
        self.write_json_with(out, shortest_digits);
    }

    /// [`Value::write_json`], with a REAL's digits from `digits`.
    pub fn write_json_with(&self, out: &mut String, digits: ShortestDigits) {
        use std::fmt::Write;
        match self {
            Value::Null => out.push_str("null"),
            Value::Integer(i) => {
                let _ = write!(out, "{i}");
            }
            Value::Real(f) => {
                if f.is_finite() {
                    let (d, exp) = digits(*f);
                    lay_out(out, f.is_sign_negative(), &d, exp, Notation::Debug);
                } else if f.is_nan() {
                    out.push_str("null");
                } else if *f > 0.0 {
                    out.push_str("\"Infinity\"");
                } else {
                    out.push_str("\"-Infinity\"");
                }
            }
            Value::Text(s) => write_json_str(out, s),
            Value::Blob(b) => {
                out.push_str("{\"blob\":\"");
                for byte in b {
                    let _ = write!(out, "{byte:02x}");
                }
                out.push_str("\"}");
            }
        }
    }

    /// Reads a value written by [`Value::write_json`]. Any other JSON reads too:
    /// booleans as 0/1, integers beyond `i64` as REAL, arrays and objects other than
    /// `{"blob": "<hex>"}` as their JSON text as it is.
    pub fn read_json(r: &mut Reader<'_>) -> Result<Value, JsonError> {
        Ok(match r.peek() {
            Some(b'"') => Value::Text(r.string()?.into_owned()),
            Some(b'[' | b'{') => {
                let text = r.raw()?;
                match blob_of(r.nested(text)) {
                    Some(bytes) => Value::Blob(bytes),
                    None => Value::Text(text.to_owned()),
                }
            }
            Some(b't' | b'f') => Value::Integer(i64::from(r.bool()?)),
            Some(b'n') => {
                r.null()?;
                Value::Null
            }
            _ => number_value(r)?,
        })
    }

    /// How the console shows the value in a grid cell (`None` for NULL).
    pub fn display(&self) -> Option<String> {
        match self {
            Value::Null => None,
            Value::Integer(i) => Some(i.to_string()),
            Value::Real(f) => Some(format_real(*f)),
            Value::Text(s) => Some(s.clone()),
            Value::Blob(b) => Some(blob_display(b)),
        }
    }
}

/// How the console shows a BLOB: `x'00FF'`, the first 64 bytes (then `…`).
pub fn blob_display(b: &[u8]) -> String {
    use std::fmt::Write;
    let mut s = String::from("x'");
    for byte in b.iter().take(64) {
        let _ = write!(s, "{byte:02X}");
    }
    if b.len() > 64 {
        s.push('…');
    }
    s.push('\'');
    s
}

/// Formats a REAL the way SQLite's shell does for round numbers (`1.0`) while keeping
/// every significant digit (`0.1`, `1.5e-07`).
pub fn format_real(f: f64) -> String {
    if f.is_nan() {
        "NaN".into()
    } else if f.is_infinite() {
        if f > 0.0 { "Inf".into() } else { "-Inf".into() }
    } else {
        // (Rust's `{:?}` of a float, without its `Debug` code in the download.)
        let (digits, exp) = shortest_digits(f);
        let mut out = String::new();
        lay_out(
            &mut out,
            f.is_sign_negative(),
            &digits,
            exp,
            Notation::Debug,
        );
        out
    }
}

fn write_json_str(out: &mut String, s: &str) {
    use std::fmt::Write;
    out.push('"');
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            c if (c as u32) < 0x20 || c == '\u{2028}' || c == '\u{2029}' => {
                let _ = write!(out, "\\u{:04x}", c as u32);
            }
            c => out.push(c),
        }
    }
    out.push('"');
}

/// The bytes of an object's `"blob"` (a hex string), if it is an object with one.
pub(crate) fn blob_of(mut r: Reader<'_>) -> Option<Vec<u8>> {
    let mut blob = None;
    r.object(&mut |r, key| {
        if key == "blob" && r.peek() == Some(b'"') {
            blob = decode_hex(&r.string()?);
            Ok(())
        } else {
            r.skip()
        }
    })
    .ok()?;
    blob
}

fn decode_hex(s: &str) -> Option<Vec<u8>> {
    if !s.len().is_multiple_of(2) || !s.is_ascii() {
        return None;
    }
    (0..s.len())
        .step_by(2)
        .map(|i| u8::from_str_radix(&s[i..i + 2], 16).ok())
        .collect()
}

#[cfg(feature = "db")]
impl rusqlite::ToSql for Value {
    fn to_sql(&self) -> rusqlite::Result<rusqlite::types::ToSqlOutput<'_>> {
        use rusqlite::types::{ToSqlOutput, ValueRef};
        Ok(ToSqlOutput::Borrowed(match self {
            Value::Null => ValueRef::Null,
            Value::Integer(i) => ValueRef::Integer(*i),
            Value::Real(f) => ValueRef::Real(*f),
            Value::Text(s) => ValueRef::Text(s.as_bytes()),
            Value::Blob(b) => ValueRef::Blob(b),
        }))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn roundtrip(v: Value) {
        let mut s = String::new();
        v.write_json(&mut s);
        let mut r = Reader::new(&s);
        assert_eq!(Value::read_json(&mut r).unwrap(), v, "{s}");
        r.finish().unwrap();
    }

    #[test]
    fn json_keeps_integer_and_real_apart() {
        roundtrip(Value::Integer(1));
        roundtrip(Value::Real(1.0));
        roundtrip(Value::Real(-2.5e-300));
        roundtrip(Value::Integer(i64::MIN));
        roundtrip(Value::Text("a\"b\\c\n\u{1}é".into()));
        roundtrip(Value::Blob(vec![0, 255, 16]));
        roundtrip(Value::Null);
    }

    #[test]
    fn other_json_reads_as_its_text() {
        let text = r#"[{"blob":"00"},{"b":1, "a":[]},[1,2.0],18446744073709551615,-0,false,"x"]"#;
        let mut r = Reader::new(text);
        let mut got = Vec::new();
        r.array(&mut |r| {
            got.push(Value::read_json(r)?);
            Ok(())
        })
        .unwrap();
        assert_eq!(
            got,
            [
                Value::Blob(vec![0]),
                Value::Text(r#"{"b":1, "a":[]}"#.into()),
                Value::Text("[1,2.0]".into()),
                Value::Real(18446744073709551615.0),
                Value::Real(-0.0),
                Value::Integer(0),
                Value::Text("x".into()),
            ]
        );
    }

    proptest::proptest! {
        #[test]
        fn reals_are_written_as_rust_debug_formats_them(bits in proptest::num::u64::ANY) {
            let f = f64::from_bits(bits);
            proptest::prop_assume!(f.is_finite());
            let mut s = String::new();
            Value::Real(f).write_json(&mut s);
            proptest::prop_assert_eq!(s, format!("{f:?}"));
        }
    }

    #[test]
    fn reals_of_every_magnitude_are_written_as_rust_debug_formats_them() {
        for f in [
            0.0,
            -0.0,
            1.0,
            -1.5,
            1e-4,
            9.99e-5,
            1e-5,
            1e15,
            1e16,
            9999999999999998.0,
            1.5e300,
            5e-324,
            f64::MAX,
            0.1 + 0.2,
            123456.789,
        ] {
            let mut s = String::new();
            Value::Real(f).write_json(&mut s);
            assert_eq!(s, format!("{f:?}"));
        }
    }

    #[test]
    fn display_distinguishes_null_from_text_null() {
        assert_eq!(Value::Null.display(), None);
        assert_eq!(
            Value::Text("NULL".into()).display().as_deref(),
            Some("NULL")
        );
        assert_eq!(Value::Real(3.0).display().as_deref(), Some("3.0"));
    }
}

/// A number as SQLite gets it: integers that fit `i64` as INTEGER, anything else
/// (fractions, exponents, `-0`, integers out of range) as REAL.
fn number_value(r: &mut Reader<'_>) -> Result<Value, JsonError> {
    Ok(match r.num()? {
        Num::U64(u) => i64::try_from(u)
            .map(Value::Integer)
            .unwrap_or(Value::Real(u as f64)),
        Num::I64(i) => Value::Integer(i),
        Num::F64(f) => Value::Real(f),
    })
}

/// A parameter as the JS API sends it — a plain JSON scalar — read straight into a
/// [`Value`] (no intermediate JSON tree): numbers with a fraction or exponent become
/// REAL, other numbers INTEGER (REAL beyond `i64`), strings TEXT, booleans 0/1, `null`
/// NULL, and `{"blob": "<hex>"}` a BLOB. Arrays and other objects are an error.
#[derive(Debug, Clone, PartialEq)]
pub struct Param(pub Value);

impl FromJson for Param {
    fn from_json(r: &mut Reader<'_>) -> Result<Self, JsonError> {
        let invalid = |r: &Reader<'_>, m: String| r.error(ErrorKind::Invalid(m));
        Ok(Param(match r.peek() {
            Some(b'"') => Value::Text(r.string()?.into_owned()),
            Some(b't' | b'f') => Value::Integer(i64::from(r.bool()?)),
            Some(b'n') => {
                r.null()?;
                Value::Null
            }
            Some(b'{') => {
                let mut blob = None;
                r.object(&mut |r, key| {
                    if key != "blob" || blob.is_some() {
                        return Err(invalid(
                            r,
                            format!("cannot bind an object with key `{key}`"),
                        ));
                    }
                    let hex = r.string()?;
                    blob =
                        Some(decode_hex(&hex).ok_or_else(|| invalid(r, "blob is not hex".into()))?);
                    Ok(())
                })?;
                Value::Blob(blob.ok_or_else(|| invalid(r, "cannot bind an empty object".into()))?)
            }
            Some(b'-' | b'0'..=b'9') => number_value(r)?,
            _ => {
                return Err(r.error(ErrorKind::Expected(
                    "a number, string, boolean, null or {\"blob\": hex}",
                )));
            }
        }))
    }
}

/// serde's view of a [`Param`] (tests only: the protocol codec is checked against it).
/// Deserializing is the serde implementation the codec replaced.
#[cfg(test)]
mod param_serde {
    use super::{Param, Value, decode_hex};

    impl serde::Serialize for Param {
        fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
            use serde::ser::SerializeMap;
            match &self.0 {
                Value::Null => s.serialize_unit(),
                Value::Integer(i) => s.serialize_i64(*i),
                Value::Real(f) => s.serialize_f64(*f),
                Value::Text(t) => s.serialize_str(t),
                Value::Blob(b) => {
                    let hex: String = b.iter().map(|x| format!("{x:02x}")).collect();
                    let mut m = s.serialize_map(Some(1))?;
                    m.serialize_entry("blob", &hex)?;
                    m.end()
                }
            }
        }
    }

    impl<'de> serde::Deserialize<'de> for Param {
        fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
            struct V;
            impl<'de> serde::de::Visitor<'de> for V {
                type Value = Param;
                fn expecting(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                    f.write_str("a number, string, boolean, null or {\"blob\": hex}")
                }
                fn visit_bool<E>(self, v: bool) -> Result<Param, E> {
                    Ok(Param(Value::Integer(v as i64)))
                }
                fn visit_i64<E>(self, v: i64) -> Result<Param, E> {
                    Ok(Param(Value::Integer(v)))
                }
                fn visit_u64<E: serde::de::Error>(self, v: u64) -> Result<Param, E> {
                    Ok(Param(
                        i64::try_from(v)
                            .map(Value::Integer)
                            .unwrap_or(Value::Real(v as f64)),
                    ))
                }
                fn visit_f64<E>(self, v: f64) -> Result<Param, E> {
                    Ok(Param(Value::Real(v)))
                }
                fn visit_str<E>(self, v: &str) -> Result<Param, E> {
                    Ok(Param(Value::Text(v.to_owned())))
                }
                fn visit_unit<E>(self) -> Result<Param, E> {
                    Ok(Param(Value::Null))
                }
                fn visit_map<A: serde::de::MapAccess<'de>>(
                    self,
                    mut map: A,
                ) -> Result<Param, A::Error> {
                    let mut blob = None;
                    while let Some(key) = map.next_key::<String>()? {
                        if key == "blob" && blob.is_none() {
                            let hex: String = map.next_value()?;
                            blob = Some(
                                decode_hex(&hex)
                                    .ok_or_else(|| serde::de::Error::custom("blob is not hex"))?,
                            );
                        } else {
                            return Err(serde::de::Error::custom(format!(
                                "cannot bind an object with key `{key}`"
                            )));
                        }
                    }
                    blob.map(|b| Param(Value::Blob(b)))
                        .ok_or_else(|| serde::de::Error::custom("cannot bind an empty object"))
                }
            }
            d.deserialize_any(V)
        }
    }
}

#[cfg(test)]
mod param_tests {
    use super::*;

    #[test]
    fn params_keep_integer_real_text_null_blob_apart() {
        let got: Vec<Param> =
            crate::json::from_str(r#"[1, 1.0, -2.5e3, "x", null, true, {"blob": "00ff"}]"#)
                .unwrap();
        let want = [
            Value::Integer(1),
            Value::Real(1.0),
            Value::Real(-2500.0),
            Value::Text("x".into()),
            Value::Null,
            Value::Integer(1),
            Value::Blob(vec![0, 255]),
        ];
        assert_eq!(got.into_iter().map(|p| p.0).collect::<Vec<_>>(), want);
        let bad = |text: &str| {
            crate::json::from_str::<Vec<Param>>(text)
                .unwrap_err()
                .to_string()
        };
        assert!(bad(r#"[[1]]"#).starts_with("expected a number, string"));
        assert!(bad(r#"[{"nope": 1}]"#).starts_with("cannot bind an object with key `nope`"));
        assert!(bad(r#"[{}]"#).starts_with("cannot bind an empty object"));
        assert!(bad(r#"[{"blob": "0g"}]"#).starts_with("blob is not hex"));
        assert!(bad(r#"[{"blob": "00", "blob": "11"}]"#).contains("key `blob`"));
    }
}
