//! [`Cell`]: a value as the console's grid shows it, read straight from the row JSON
//! the engine writes ([`Value::write_json`]), so that the page never turns numbers into
//! floats and back (its wasm carries no float parsing or formatting).

use super::value::{Value, blob_display, blob_of};
use crate::json::{JsonError, Reader};

/// One grid cell: its text, and what kind of value it shows.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Cell {
    /// SQL NULL.
    Null,
    /// An INTEGER or REAL, as written (`42`, `1.5`, `1e-7`).
    Number(String),
    /// TEXT.
    Text(String),
    /// A BLOB, as [`blob_display`] shows it.
    Blob(String),
}

impl Cell {
    /// The text shown (`None` for NULL): for JSON written by [`Value::write_json`], the
    /// same as [`Value::display`].
    pub fn text(&self) -> Option<&str> {
        match self {
            Cell::Null => None,
            Cell::Number(s) | Cell::Text(s) | Cell::Blob(s) => Some(s),
        }
    }

    /// Reads one value of a row: numbers keep their text, booleans show as 0/1, and
    /// arrays and objects other than `{"blob": "<hex>"}` as their JSON text.
    pub fn read_json(r: &mut Reader<'_>) -> Result<Cell, JsonError> {
        Ok(match r.peek() {
            Some(b'"') => Cell::Text(r.string()?.into_owned()),
            Some(b'n') => {
                r.null()?;
                Cell::Null
            }
            Some(b't' | b'f') => Cell::Number(if r.bool()? { "1" } else { "0" }.into()),
            Some(b'[' | b'{') => {
                let text = r.raw()?;
                match blob_of(r.nested(text)) {
                    Some(bytes) => Cell::Blob(blob_display(&bytes)),
                    None => Cell::Text(text.to_owned()),
                }
            }
            _ => Cell::Number(r.number()?.text.to_owned()),
        })
    }
}

impl From<Value> for Cell {
    fn from(v: Value) -> Cell {
        match (&v, v.display()) {
            (_, None) => Cell::Null,
            (Value::Integer(_) | Value::Real(_), Some(s)) => Cell::Number(s),
            (Value::Blob(_), Some(s)) => Cell::Blob(s),
            (_, Some(s)) => Cell::Text(s),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn any_value() -> impl Strategy<Value = Value> {
        prop_oneof![
            Just(Value::Null),
            any::<i64>().prop_map(Value::Integer),
            any::<u64>().prop_map(|b| Value::Real(f64::from_bits(b))),
            any::<String>().prop_map(Value::Text),
            proptest::collection::vec(any::<u8>(), 0..80).prop_map(Value::Blob),
        ]
    }

    proptest! {
        /// What the grid shows from the wire is what it showed from decoded values.
        #[test]
        fn cells_show_what_values_show(v in any_value()) {
            let mut json = String::new();
            v.write_json(&mut json);
            let cell = Cell::read_json(&mut Reader::new(&json)).unwrap();
            let mut r = Reader::new(&json);
            let through_value = Value::read_json(&mut r).unwrap();
            prop_assert_eq!(cell.text().map(str::to_owned), through_value.display());
            prop_assert_eq!(cell, Cell::from(through_value));
        }
    }
}
