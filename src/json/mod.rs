//! JSON as the page ↔ worker protocol and the JSON import use it: a small pull
//! [`Reader`], writers, and the [`ToJson`] / [`FromJson`] traits the protocol's types
//! implement by hand (see `engine::codec`). The text is what serde_json reads and
//! writes for the same types (externally tagged enums, `null` for `None`, tuples as
//! arrays), without carrying serde_json's generic code in the wasm modules.
//!
//! Pure and dependency-free: no panics on any input; nesting is limited to
//! [`reader::MAX_DEPTH`].

mod error;
pub mod reader;
mod tree;
mod writer;

#[cfg(test)]
mod tests;

pub use error::{ErrorKind, JsonError};
pub use reader::{Num, Number, ParseFloat, Reader, parse_float};
pub use tree::Json;
pub use writer::{
    Notation, ObjectWriter, ShortestDigits, lay_out, shortest_digits, write_f64, write_str,
    write_variant,
};

/// A value that writes itself as JSON.
pub trait ToJson {
    /// Appends this value's JSON text to `out`.
    fn to_json(&self, out: &mut String);
}

/// A value that reads itself from JSON.
pub trait FromJson: Sized {
    /// Reads one value.
    fn from_json(r: &mut Reader<'_>) -> Result<Self, JsonError>;

    /// The value of a field that is absent from its object: `None` for `Option`s
    /// (as serde does), no value (an error) for everything else.
    fn missing() -> Option<Self> {
        None
    }
}

/// The JSON text of a value.
pub fn to_string<T: ToJson + ?Sized>(value: &T) -> String {
    let mut out = String::new();
    value.to_json(&mut out);
    out
}

/// Reads a whole text as one value (white space around it is fine, anything else is not).
pub fn from_str<T: FromJson>(text: &str) -> Result<T, JsonError> {
    from_str_with(text, parse_float)
}

/// [`from_str`], reading floats with `parse_float`.
pub fn from_str_with<T: FromJson>(text: &str, parse_float: ParseFloat) -> Result<T, JsonError> {
    let mut r = Reader::with_float_parser(text, parse_float);
    let value = T::from_json(&mut r)?;
    r.finish()?;
    Ok(value)
}

/// JSON text kept as it is (row data travels as raw arrays, so the page gets plain
/// arrays from one `JSON.parse` and nothing in between rebuilds them).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RawJson(String);

impl RawJson {
    /// Wraps `text`, which must be one JSON value (it is written by this crate's
    /// writers: nothing checks it again).
    pub fn new(text: String) -> Self {
        RawJson(text)
    }

    /// The JSON text.
    pub fn get(&self) -> &str {
        &self.0
    }
}

impl ToJson for RawJson {
    fn to_json(&self, out: &mut String) {
        out.push_str(&self.0);
    }
}

impl FromJson for RawJson {
    fn from_json(r: &mut Reader<'_>) -> Result<Self, JsonError> {
        r.raw().map(|text| RawJson(text.to_owned()))
    }
}

#[cfg(test)]
impl serde::Serialize for RawJson {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        use serde::ser::Error;
        serde_json::value::RawValue::from_string(self.0.clone())
            .map_err(S::Error::custom)?
            .serialize(s)
    }
}

#[cfg(test)]
impl<'de> serde::Deserialize<'de> for RawJson {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        Box::<serde_json::value::RawValue>::deserialize(d).map(|r| RawJson(r.get().to_owned()))
    }
}

impl ToJson for bool {
    fn to_json(&self, out: &mut String) {
        out.push_str(if *self { "true" } else { "false" });
    }
}

impl FromJson for bool {
    fn from_json(r: &mut Reader<'_>) -> Result<Self, JsonError> {
        r.bool()
    }
}

macro_rules! unsigned {
    ($($t:ty),*) => {$(
        impl ToJson for $t {
            fn to_json(&self, out: &mut String) {
                use std::fmt::Write;
                let _ = write!(out, "{self}");
            }
        }

        impl FromJson for $t {
            fn from_json(r: &mut Reader<'_>) -> Result<Self, JsonError> {
                let n = r.u64()?;
                <$t>::try_from(n).map_err(|_| r.error(ErrorKind::OutOfRange))
            }
        }
    )*};
}
unsigned!(u32, u64, usize);

impl ToJson for f64 {
    fn to_json(&self, out: &mut String) {
        write_f64(out, *self);
    }
}

impl FromJson for f64 {
    fn from_json(r: &mut Reader<'_>) -> Result<Self, JsonError> {
        r.f64()
    }
}

impl ToJson for str {
    fn to_json(&self, out: &mut String) {
        write_str(out, self);
    }
}

impl ToJson for String {
    fn to_json(&self, out: &mut String) {
        write_str(out, self);
    }
}

impl FromJson for String {
    fn from_json(r: &mut Reader<'_>) -> Result<Self, JsonError> {
        r.string().map(|s| s.into_owned())
    }
}

impl<T: ToJson> ToJson for Option<T> {
    fn to_json(&self, out: &mut String) {
        match self {
            Some(v) => v.to_json(out),
            None => out.push_str("null"),
        }
    }
}

impl<T: FromJson> FromJson for Option<T> {
    fn from_json(r: &mut Reader<'_>) -> Result<Self, JsonError> {
        if r.null()? {
            Ok(None)
        } else {
            T::from_json(r).map(Some)
        }
    }

    fn missing() -> Option<Self> {
        Some(None)
    }
}

impl<T: ToJson> ToJson for [T] {
    fn to_json(&self, out: &mut String) {
        out.push('[');
        for (i, v) in self.iter().enumerate() {
            if i > 0 {
                out.push(',');
            }
            v.to_json(out);
        }
        out.push(']');
    }
}

impl<T: ToJson> ToJson for Vec<T> {
    fn to_json(&self, out: &mut String) {
        self.as_slice().to_json(out);
    }
}

impl<T: FromJson> FromJson for Vec<T> {
    fn from_json(r: &mut Reader<'_>) -> Result<Self, JsonError> {
        let mut items = Vec::new();
        r.array(&mut |r| {
            items.push(T::from_json(r)?);
            Ok(())
        })?;
        Ok(items)
    }
}

impl<A: ToJson, B: ToJson> ToJson for (A, B) {
    fn to_json(&self, out: &mut String) {
        out.push('[');
        self.0.to_json(out);
        out.push(',');
        self.1.to_json(out);
        out.push(']');
    }
}

impl<A: FromJson, B: FromJson> FromJson for (A, B) {
    fn from_json(r: &mut Reader<'_>) -> Result<Self, JsonError> {
        let (mut a, mut b, mut n) = (None, None, 0);
        r.array(&mut |r| {
            match n {
                0 => a = Some(A::from_json(r)?),
                1 => b = Some(B::from_json(r)?),
                _ => return Err(r.error(ErrorKind::Expected("an array of 2 elements"))),
            }
            n += 1;
            Ok(())
        })?;
        match (a, b) {
            (Some(a), Some(b)) => Ok((a, b)),
            _ => Err(r.error(ErrorKind::Expected("an array of 2 elements"))),
        }
    }
}

impl<T: ToJson + ?Sized> ToJson for &T {
    fn to_json(&self, out: &mut String) {
        (**self).to_json(out);
    }
}

impl<T: ToJson + ?Sized> ToJson for Box<T> {
    fn to_json(&self, out: &mut String) {
        (**self).to_json(out);
    }
}

impl<T: FromJson> FromJson for Box<T> {
    fn from_json(r: &mut Reader<'_>) -> Result<Self, JsonError> {
        T::from_json(r).map(Box::new)
    }
}

/// Reads a field's value into its slot (a field given twice is an error).
pub fn read_field<T: FromJson>(
    r: &mut Reader<'_>,
    slot: &mut Option<T>,
    name: &'static str,
) -> Result<(), JsonError> {
    if slot.is_some() {
        return Err(r.error(ErrorKind::DuplicateField(name)));
    }
    *slot = Some(T::from_json(r)?);
    Ok(())
}

/// A field's value once its object is read ([`FromJson::missing`] when it was absent).
pub fn take_field<T: FromJson>(
    r: &Reader<'_>,
    slot: Option<T>,
    name: &'static str,
) -> Result<T, JsonError> {
    slot.or_else(T::missing)
        .ok_or_else(|| r.error(ErrorKind::MissingField(name)))
}

/// A field's JSON name: the Rust name, or the literal given after a colon.
macro_rules! field_name {
    ($field:ident) => {
        stringify!($field)
    };
    ($field:ident, $name:literal) => {
        $name
    };
}
pub(crate) use field_name;

/// Reads a JSON object into a struct (or struct variant) literal:
/// `read_fields!(r, Path { a, b: "jsonName" })` is a `Result<Path, JsonError>`.
/// Unknown keys are skipped; missing fields are an error unless they are `Option`s.
macro_rules! read_fields {
    ($r:expr, $($path:ident)::+ { $($field:ident $(: $name:literal)?),* $(,)? }) => {{
        let r: &mut $crate::json::Reader<'_> = $r;
        $( let mut $field = None; )*
        r.object(&mut |r, key| match key {
            $( $crate::json::field_name!($field $(, $name)?) => $crate::json::read_field(
                r, &mut $field, $crate::json::field_name!($field $(, $name)?)), )*
            _ => r.skip(),
        })
        .and_then(|()| {
            Ok($($path)::+ {
                $( $field: $crate::json::take_field(
                    r, $field, $crate::json::field_name!($field $(, $name)?))?, )*
            })
        })
    }};
}
pub(crate) use read_fields;

/// Writes the listed fields of `$value` (a struct, or bindings of a struct variant) as
/// a JSON object.
macro_rules! write_fields {
    ($out:expr, { $($field:ident $(: $name:literal)? = $value:expr),* $(,)? }) => {{
        let mut o = $crate::json::ObjectWriter::new($out);
        $( o.field($crate::json::field_name!($field $(, $name)?), $value); )*
        o.end();
    }};
}
pub(crate) use write_fields;

/// [`ToJson`] and [`FromJson`] for a struct with named fields, as a JSON object with
/// the fields in declaration order: `json_struct!(Span { start, end })`.
macro_rules! json_struct {
    ($ty:ident { $($field:ident $(: $name:literal)?),* $(,)? }) => {
        impl $crate::json::ToJson for $ty {
            fn to_json(&self, out: &mut String) {
                $crate::json::write_fields!(out, { $($field $(: $name)? = &self.$field),* });
            }
        }

        impl $crate::json::FromJson for $ty {
            fn from_json(
                r: &mut $crate::json::Reader<'_>,
            ) -> Result<Self, $crate::json::JsonError> {
                $crate::json::read_fields!(r, $ty { $($field $(: $name)?),* })
            }
        }
    };
}
pub(crate) use json_struct;
