//! Writing JSON text: strings and floats exactly as serde_json writes them, and
//! [`ObjectWriter`] for objects.

use super::ToJson;
use std::fmt::Write;

/// Appends `s` as a JSON string, escaped as serde_json escapes: `"`, `\` and control
/// characters (`\b \t \n \f \r`, the others as `\u00XX`); everything else as it is.
pub fn write_str(out: &mut String, s: &str) {
    out.reserve(s.len() + 2);
    out.push('"');
    let mut start = 0;
    for (i, b) in s.bytes().enumerate() {
        let escape = match b {
            b'"' => "\\\"",
            b'\\' => "\\\\",
            b'\n' => "\\n",
            b'\r' => "\\r",
            b'\t' => "\\t",
            0x08 => "\\b",
            0x0c => "\\f",
            0..=0x1f => "",
            _ => continue,
        };
        // `i` is at an ASCII byte, so both slices are on char boundaries.
        out.push_str(s.get(start..i).unwrap_or(""));
        if escape.is_empty() {
            let _ = write!(out, "\\u{b:04x}");
        } else {
            out.push_str(escape);
        }
        start = i + 1;
    }
    out.push_str(s.get(start..).unwrap_or(""));
    out.push('"');
}

/// The shortest decimal digits that read back as a finite, non-negative float, and the
/// decimal exponent of the first: 1234.5 → `("12345", 3)`, 0 → `("0", 0)`.
/// [`shortest_digits`] is Rust's; the page's UI passes one made with JavaScript's
/// `toExponential()` (the same digits, except that of two equally close candidates
/// each may pick a different one), which saves its wasm Rust's float formatting.
pub type ShortestDigits = fn(f64) -> (String, i32);

/// Rust's shortest digits (see [`ShortestDigits`]).
pub fn shortest_digits(f: f64) -> (String, i32) {
    let sci = format!("{:e}", f.abs());
    let (mantissa, exp) = sci.split_once('e').unwrap_or((&sci, "0"));
    let digits = mantissa.chars().filter(|c| *c != '.').collect();
    (digits, exp.parse().unwrap_or(0))
}

/// How [`lay_out`] writes a float.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Notation {
    /// serde_json's: plain for decimal exponents -5..=15 (`0.00001`, `1e15` as
    /// `1000000000000000.0`), else `1.5e+16` / `1e-7`.
    Serde,
    /// Rust's `{:?}`: plain for decimal exponents -4..=15, else `1.5e16` / `1e-5`.
    Debug,
}

/// Appends a finite float given as its shortest `digits` and decimal exponent `exp`
/// (see [`ShortestDigits`]) in `notation`; plain forms always have a fraction (`1.0`).
pub fn lay_out(out: &mut String, negative: bool, digits: &str, exp: i32, notation: Notation) {
    if negative {
        out.push('-');
    }
    let n = digits.len() as i32;
    let min_plain = match notation {
        Notation::Serde => -5,
        Notation::Debug => -4,
    };
    if (min_plain..=15).contains(&exp) || digits == "0" {
        if exp >= n - 1 {
            out.push_str(digits);
            out.extend(std::iter::repeat_n('0', (exp - (n - 1)) as usize));
            out.push_str(".0");
        } else if exp >= 0 {
            let (int, frac) = digits.split_at(exp as usize + 1);
            out.push_str(int);
            out.push('.');
            out.push_str(frac);
        } else {
            out.push_str("0.");
            out.extend(std::iter::repeat_n('0', (-exp - 1) as usize));
            out.push_str(digits);
        }
    } else {
        let (head, tail) = digits.split_at(1.min(digits.len()));
        out.push_str(head);
        if !tail.is_empty() {
            out.push('.');
            out.push_str(tail);
        }
        out.push('e');
        if exp < 0 {
            out.push('-');
        } else if notation == Notation::Serde {
            out.push('+');
        }
        let _ = write!(out, "{}", exp.unsigned_abs());
    }
}

/// Appends a float as serde_json writes it (see [`Notation::Serde`]): the shortest
/// digits that read back as the same float; `null` when not finite. (Of two equally
/// short and close forms serde_json takes the even last digit, Rust's digits used here
/// may be the other: the same float either way.)
pub fn write_f64(out: &mut String, f: f64) {
    if !f.is_finite() {
        out.push_str("null");
        return;
    }
    let (digits, exp) = shortest_digits(f);
    lay_out(out, f.is_sign_negative(), &digits, exp, Notation::Serde);
}

/// Writes a JSON object field by field: `{"a":1,"b":"x"}`.
pub struct ObjectWriter<'a> {
    out: &'a mut String,
    first: bool,
}

impl<'a> ObjectWriter<'a> {
    /// Opens an object.
    pub fn new(out: &'a mut String) -> Self {
        out.push('{');
        ObjectWriter { out, first: true }
    }

    /// Appends one field. `name` must need no escaping (the protocol's field names).
    pub fn field<T: ToJson + ?Sized>(&mut self, name: &str, value: &T) -> &mut Self {
        if !self.first {
            self.out.push(',');
        }
        self.first = false;
        self.out.push('"');
        self.out.push_str(name);
        self.out.push_str("\":");
        value.to_json(self.out);
        self
    }

    /// Appends one field whose name comes from data (escaped as a JSON string).
    pub fn key<T: ToJson + ?Sized>(&mut self, key: &str, value: &T) -> &mut Self {
        if !self.first {
            self.out.push(',');
        }
        self.first = false;
        write_str(self.out, key);
        self.out.push(':');
        value.to_json(self.out);
        self
    }

    /// Closes the object.
    pub fn end(self) {
        self.out.push('}');
    }
}

/// Writes an externally tagged enum variant with a body: `{"Name":<body>}`.
pub fn write_variant(out: &mut String, name: &str, body: impl FnOnce(&mut String)) {
    out.push_str("{\"");
    out.push_str(name);
    out.push_str("\":");
    body(out);
    out.push('}');
}
