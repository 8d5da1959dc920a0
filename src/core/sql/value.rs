//! Bound parameter values as SQLite receives them.

use std::fmt;
use std::rc::Rc;

/// A value bound to a `?` placeholder (SQLite's storage classes).
#[derive(Debug, Clone, PartialEq)]
pub enum SqlValue {
    /// SQL NULL (Python `None`).
    Null,
    /// A 64-bit integer (Python `int`, and `bool` as 0/1).
    Integer(i64),
    /// A double (Python `float`).
    Real(f64),
    /// Text (Python `str`, and dates/datetimes/decimals/JSON after type processing);
    /// shared, so a Python `str` binds and a loaded column becomes one without a copy.
    Text(Rc<str>),
    /// Bytes (Python `bytes`).
    Blob(Vec<u8>),
    /// A Python value the driver cannot bind (a `list` compared with a column): kept in
    /// the statement so that running it raises sqlite3's `ProgrammingError` with the
    /// statement and its parameters, as SQLAlchemy does, instead of failing where the
    /// expression was built.
    Refused(Rc<RefusedParam>),
}

/// The [`RefusedParam::type_name`] of a Python `int` beyond 64 bits: refused with the
/// driver's `OverflowError`, not its `ProgrammingError`.
pub const BIG_INT: &str = "int";

/// A parameter SQLite cannot bind: its Python type's name and `repr()`.
#[derive(Debug, Clone, PartialEq)]
pub struct RefusedParam {
    /// The Python type's name (`list`).
    pub type_name: String,
    /// The value's `repr()`, as the statement's parameters show it.
    pub repr: String,
}

impl SqlValue {
    /// Text value from anything string-like.
    pub fn text(s: impl Into<Rc<str>>) -> Self {
        SqlValue::Text(s.into())
    }

    /// Python `repr()` of the value as the sqlite3 driver would receive it (used for logs).
    pub fn py_repr(&self) -> String {
        match self {
            SqlValue::Null => "None".to_string(),
            SqlValue::Integer(i) => i.to_string(),
            SqlValue::Real(f) => py_float_repr(*f),
            SqlValue::Text(s) => py_str_repr(s),
            SqlValue::Blob(b) => {
                let mut out = String::from("b'");
                for &c in b {
                    match c {
                        b'\\' => out.push_str("\\\\"),
                        b'\'' => out.push_str("\\'"),
                        b'\n' => out.push_str("\\n"),
                        b'\r' => out.push_str("\\r"),
                        b'\t' => out.push_str("\\t"),
                        0x20..=0x7e => out.push(c as char),
                        _ => out.push_str(&format!("\\x{c:02x}")),
                    }
                }
                out.push('\'');
                out
            }
            SqlValue::Refused(r) => r.repr.clone(),
        }
    }
}

/// Python's `repr(float)` (shortest round-trip form, `.0` for integral values).
pub fn py_float_repr(f: f64) -> String {
    if f.is_nan() {
        return "nan".into();
    }
    if f.is_infinite() {
        return if f > 0.0 { "inf".into() } else { "-inf".into() };
    }
    let abs = f.abs();
    if abs != 0.0 && !(1e-4..1e16).contains(&abs) {
        // scientific: Rust gives e.g. "1e16"; Python gives "1e+16"
        let s = format!("{f:e}");
        let (mant, exp) = s.split_once('e').unwrap_or((&s, "0"));
        let exp: i32 = exp.parse().unwrap_or(0);
        return format!("{mant}e{}{:02}", if exp < 0 { '-' } else { '+' }, exp.abs());
    }
    let s = format!("{f}");
    if s.contains('.') { s } else { format!("{s}.0") }
}

/// Python's `repr(str)` (single quotes unless the text contains `'` and no `"`).
pub fn py_str_repr(s: &str) -> String {
    let quote = if s.contains('\'') && !s.contains('"') {
        '"'
    } else {
        '\''
    };
    let mut out = String::with_capacity(s.len() + 2);
    out.push(quote);
    for c in s.chars() {
        match c {
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            c if c == quote => {
                out.push('\\');
                out.push(c);
            }
            c if (c as u32) < 0x20 || c as u32 == 0x7f => {
                out.push_str(&format!("\\x{:02x}", c as u32))
            }
            c => out.push(c),
        }
    }
    out.push(quote);
    out
}

impl fmt::Display for SqlValue {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.py_repr())
    }
}

impl From<i64> for SqlValue {
    fn from(v: i64) -> Self {
        SqlValue::Integer(v)
    }
}
impl From<i32> for SqlValue {
    fn from(v: i32) -> Self {
        SqlValue::Integer(v.into())
    }
}
impl From<bool> for SqlValue {
    fn from(v: bool) -> Self {
        SqlValue::Integer(v.into())
    }
}
impl From<f64> for SqlValue {
    fn from(v: f64) -> Self {
        SqlValue::Real(v)
    }
}
impl From<&str> for SqlValue {
    fn from(v: &str) -> Self {
        SqlValue::Text(Rc::from(v))
    }
}
impl From<String> for SqlValue {
    fn from(v: String) -> Self {
        SqlValue::Text(Rc::from(v))
    }
}
impl<T: Into<SqlValue>> From<Option<T>> for SqlValue {
    fn from(v: Option<T>) -> Self {
        v.map_or(SqlValue::Null, Into::into)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reprs() {
        assert_eq!(SqlValue::Null.py_repr(), "None");
        assert_eq!(SqlValue::Real(21.5).py_repr(), "21.5");
        assert_eq!(SqlValue::Real(10.0).py_repr(), "10.0");
        assert_eq!(SqlValue::Real(0.1 + 0.2).py_repr(), "0.30000000000000004");
        assert_eq!(SqlValue::Real(1e16).py_repr(), "1e+16");
        assert_eq!(SqlValue::text("it's").py_repr(), "\"it's\"");
        assert_eq!(SqlValue::text("a\nb").py_repr(), "'a\\nb'");
        assert_eq!(SqlValue::Blob(vec![0, 65]).py_repr(), "b'\\x00A'");
    }
}
