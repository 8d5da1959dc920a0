//! [`Reader`]: a pull parser over JSON text (RFC 8259, as strict as serde_json).
//!
//! Typed decoders ask for what they expect next (`string`, `number`, `array`,
//! `object`, ...), so values go straight into their Rust types without a JSON tree in
//! between. Strings without escapes are borrowed from the text.

use super::error::{ErrorKind, JsonError};
use std::borrow::Cow;

/// How deeply arrays and objects may nest (serde_json's limit too).
pub const MAX_DEPTH: u32 = 128;

/// A position in a JSON text.
pub struct Reader<'a> {
    src: &'a str,
    pos: usize,
    depth: u32,
    parse_float: ParseFloat,
}

/// A number as it is written: its text and whether it is an integer (no fraction, no
/// exponent).
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Number<'a> {
    /// The number's text, e.g. `-12.5e3`.
    pub text: &'a str,
    /// True when the text has neither a fraction nor an exponent.
    pub integer: bool,
}

/// A JSON number classified as serde_json does: integers that fit stay integers
/// (non-negative ones as `U64`, negative ones as `I64`), anything else is an `F64`
/// (including `-0`, and integers too large for 64 bits).
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Num {
    /// A non-negative integer.
    U64(u64),
    /// A negative integer.
    I64(i64),
    /// A number with a fraction or exponent, `-0`, or an integer out of 64-bit range.
    F64(f64),
}

/// Turns a JSON number's text into a float; `None` when it overflows to infinity.
/// [`parse_float`] is the default; the page's UI passes JavaScript's `parseFloat`
/// instead, which saves its wasm module Rust's float parser and its tables.
pub type ParseFloat = fn(&str) -> Option<f64>;

/// Rust's float parser (correctly rounded); `None` for an infinite result.
pub fn parse_float(text: &str) -> Option<f64> {
    crate::core::py::float_text::parse_decimal(text).filter(|f| f.is_finite())
}

impl Number<'_> {
    /// The classification serde_json makes (see [`Num`]), floats read by `parse`;
    /// `None` when a float overflows to infinity.
    pub fn classify(&self, parse: ParseFloat) -> Option<Num> {
        if self.integer {
            match self.text.strip_prefix('-') {
                None => {
                    if let Ok(u) = self.text.parse::<u64>() {
                        return Some(Num::U64(u));
                    }
                }
                Some(digits) => {
                    if let Ok(s) = digits.parse::<u64>() {
                        let neg = (s as i64).wrapping_neg();
                        return Some(if neg >= 0 {
                            Num::F64(-(s as f64))
                        } else {
                            Num::I64(neg)
                        });
                    }
                }
            }
        }
        parse(self.text).map(Num::F64)
    }
}

impl<'a> Reader<'a> {
    /// A reader at the start of `src`.
    pub fn new(src: &'a str) -> Self {
        Self::with_float_parser(src, parse_float)
    }

    /// A reader at the start of `src` that reads floats with `parse_float`.
    pub fn with_float_parser(src: &'a str, parse_float: ParseFloat) -> Self {
        Reader {
            src,
            pos: 0,
            depth: 0,
            parse_float,
        }
    }

    /// A reader over `src` (e.g. a value's [`Reader::raw`] text) that reads floats as
    /// this one does.
    pub fn nested<'b>(&self, src: &'b str) -> Reader<'b> {
        Reader::with_float_parser(src, self.parse_float)
    }

    /// An error of `kind` at the current position.
    #[cold]
    pub fn error(&self, kind: ErrorKind) -> JsonError {
        JsonError::at(kind, self.src, self.pos)
    }

    fn expected(&self, what: &'static str) -> JsonError {
        self.error(ErrorKind::Expected(what))
    }

    fn byte(&self) -> Option<u8> {
        self.src.as_bytes().get(self.pos).copied()
    }

    fn rest(&self) -> &[u8] {
        self.src.as_bytes().get(self.pos..).unwrap_or_default()
    }

    /// The next byte after white space, not consumed (`None` at the end).
    pub fn peek(&mut self) -> Option<u8> {
        while let Some(b' ' | b'\t' | b'\n' | b'\r') = self.byte() {
            self.pos += 1;
        }
        self.byte()
    }

    fn eat(&mut self, b: u8) -> bool {
        let found = self.peek() == Some(b);
        if found {
            self.pos += 1;
        }
        found
    }

    fn expect(&mut self, b: u8, what: &'static str) -> Result<(), JsonError> {
        if self.eat(b) {
            Ok(())
        } else {
            Err(self.expected(what))
        }
    }

    fn word(&mut self, word: &'static str, what: &'static str) -> Result<(), JsonError> {
        self.peek();
        if self.rest().starts_with(word.as_bytes()) {
            self.pos += word.len();
            Ok(())
        } else {
            Err(self.expected(what))
        }
    }

    /// Checks that only white space is left.
    pub fn finish(&mut self) -> Result<(), JsonError> {
        match self.peek() {
            None => Ok(()),
            Some(_) => Err(self.error(ErrorKind::TrailingCharacters)),
        }
    }

    /// Consumes a `null` if one is next; true when it did.
    pub fn null(&mut self) -> Result<bool, JsonError> {
        if self.peek() == Some(b'n') {
            self.word("null", "`null`")?;
            Ok(true)
        } else {
            Ok(false)
        }
    }

    /// Reads `true` or `false`.
    pub fn bool(&mut self) -> Result<bool, JsonError> {
        match self.peek() {
            Some(b't') => self.word("true", "a boolean").map(|()| true),
            Some(b'f') => self.word("false", "a boolean").map(|()| false),
            _ => Err(self.expected("a boolean")),
        }
    }

    /// Reads a number (its text; see [`Number`]).
    pub fn number(&mut self) -> Result<Number<'a>, JsonError> {
        let start = match self.peek() {
            Some(b'-' | b'0'..=b'9') => self.pos,
            _ => return Err(self.expected("a number")),
        };
        if self.byte() == Some(b'-') {
            self.pos += 1;
        }
        match self.byte() {
            Some(b'0') => self.pos += 1,
            Some(b'1'..=b'9') => self.digits(),
            _ => return Err(self.expected("a digit")),
        }
        let mut integer = true;
        if self.byte() == Some(b'.') {
            integer = false;
            self.pos += 1;
            self.some_digits()?;
        }
        if let Some(b'e' | b'E') = self.byte() {
            integer = false;
            self.pos += 1;
            if let Some(b'+' | b'-') = self.byte() {
                self.pos += 1;
            }
            self.some_digits()?;
        }
        Ok(Number {
            text: self.src.get(start..self.pos).unwrap_or(""),
            integer,
        })
    }

    fn digits(&mut self) {
        while let Some(b'0'..=b'9') = self.byte() {
            self.pos += 1;
        }
    }

    fn some_digits(&mut self) -> Result<(), JsonError> {
        if !matches!(self.byte(), Some(b'0'..=b'9')) {
            return Err(self.expected("a digit"));
        }
        self.digits();
        Ok(())
    }

    /// Reads a non-negative integer.
    pub fn u64(&mut self) -> Result<u64, JsonError> {
        let n = self.number()?;
        if !n.integer || n.text.starts_with('-') {
            return Err(self.expected("a non-negative integer"));
        }
        n.text
            .parse()
            .map_err(|_| self.error(ErrorKind::OutOfRange))
    }

    /// Reads any number as a float (an error when it overflows to infinity).
    pub fn f64(&mut self) -> Result<f64, JsonError> {
        let n = self.number()?;
        (self.parse_float)(n.text).ok_or_else(|| self.error(ErrorKind::OutOfRange))
    }

    /// Reads a number classified as serde_json does (see [`Num`]).
    pub fn num(&mut self) -> Result<Num, JsonError> {
        let n = self.number()?;
        n.classify(self.parse_float)
            .ok_or_else(|| self.error(ErrorKind::OutOfRange))
    }

    /// Reads a string; borrowed from the text when it has no escapes.
    pub fn string(&mut self) -> Result<Cow<'a, str>, JsonError> {
        if self.peek() != Some(b'"') {
            return Err(self.expected("a string"));
        }
        self.pos += 1;
        let start = self.pos;
        // The scan stops only at ASCII bytes, so every slice is on a char boundary.
        loop {
            match self.byte() {
                Some(b'"') => {
                    let s = self.src.get(start..self.pos).unwrap_or("");
                    self.pos += 1;
                    return Ok(Cow::Borrowed(s));
                }
                Some(b'\\') => break,
                Some(0..=0x1f) => return Err(self.expected("a string without control characters")),
                Some(_) => self.pos += 1,
                None => return Err(self.expected("`\"` to end the string")),
            }
        }
        let mut out = String::from(self.src.get(start..self.pos).unwrap_or(""));
        loop {
            let run = self.pos;
            while let Some(b) = self.byte() {
                if b == b'"' || b == b'\\' || b < 0x20 {
                    break;
                }
                self.pos += 1;
            }
            out.push_str(self.src.get(run..self.pos).unwrap_or(""));
            match self.byte() {
                Some(b'"') => {
                    self.pos += 1;
                    return Ok(Cow::Owned(out));
                }
                Some(b'\\') => {
                    self.pos += 1;
                    self.escape(&mut out)?;
                }
                Some(_) => return Err(self.expected("a string without control characters")),
                None => return Err(self.expected("`\"` to end the string")),
            }
        }
    }

    fn escape(&mut self, out: &mut String) -> Result<(), JsonError> {
        let c = match self.byte() {
            Some(b'"') => '"',
            Some(b'\\') => '\\',
            Some(b'/') => '/',
            Some(b'b') => '\u{8}',
            Some(b'f') => '\u{c}',
            Some(b'n') => '\n',
            Some(b'r') => '\r',
            Some(b't') => '\t',
            Some(b'u') => {
                self.pos += 1;
                let hi = self.hex4()?;
                let code = match hi {
                    0xd800..=0xdbff => {
                        if !self.rest().starts_with(b"\\u") {
                            return Err(self.error(ErrorKind::LoneSurrogate));
                        }
                        self.pos += 2;
                        let lo = self.hex4()?;
                        if !(0xdc00..=0xdfff).contains(&lo) {
                            return Err(self.error(ErrorKind::LoneSurrogate));
                        }
                        0x10000 + ((hi - 0xd800) << 10) + (lo - 0xdc00)
                    }
                    0xdc00..=0xdfff => return Err(self.error(ErrorKind::LoneSurrogate)),
                    _ => hi,
                };
                out.push(char::from_u32(code).ok_or_else(|| self.error(ErrorKind::LoneSurrogate))?);
                return Ok(());
            }
            _ => return Err(self.expected("an escape (\\\" \\\\ \\/ \\b \\f \\n \\r \\t \\uXXXX)")),
        };
        self.pos += 1;
        out.push(c);
        Ok(())
    }

    fn hex4(&mut self) -> Result<u32, JsonError> {
        let digits = self
            .src
            .get(self.pos..self.pos + 4)
            .filter(|h| h.bytes().all(|b| b.is_ascii_hexdigit()))
            .ok_or_else(|| self.expected("four hex digits"))?;
        self.pos += 4;
        u32::from_str_radix(digits, 16).map_err(|_| self.expected("four hex digits"))
    }

    fn enter(&mut self) -> Result<(), JsonError> {
        self.depth += 1;
        if self.depth > MAX_DEPTH {
            return Err(self.error(ErrorKind::TooDeep));
        }
        Ok(())
    }

    /// Reads an array, calling `item` to read each element. (`dyn`, so that one copy
    /// of the loop serves every caller: this is shipped to the browser twice.)
    pub fn array(
        &mut self,
        item: &mut dyn FnMut(&mut Self) -> Result<(), JsonError>,
    ) -> Result<(), JsonError> {
        self.expect(b'[', "an array")?;
        self.enter()?;
        if !self.eat(b']') {
            loop {
                item(self)?;
                if !self.eat(b',') {
                    self.expect(b']', "`,` or `]`")?;
                    break;
                }
            }
        }
        self.depth -= 1;
        Ok(())
    }

    /// Reads an object, calling `field` with each key to read its value.
    pub fn object(
        &mut self,
        field: &mut dyn FnMut(&mut Self, &str) -> Result<(), JsonError>,
    ) -> Result<(), JsonError> {
        self.expect(b'{', "an object")?;
        self.enter()?;
        if !self.eat(b'}') {
            loop {
                if self.peek() != Some(b'"') {
                    return Err(self.expected("a string key"));
                }
                let key = self.string()?;
                self.expect(b':', "`:`")?;
                field(self, &key)?;
                if !self.eat(b',') {
                    self.expect(b'}', "`,` or `}`")?;
                    break;
                }
            }
        }
        self.depth -= 1;
        Ok(())
    }

    /// Reads an externally tagged enum value: `"Variant"`, or `{"Variant": body}`.
    /// `read` gets the variant's name and whether a body follows (it must read it).
    pub fn tagged<T>(
        &mut self,
        read: impl FnOnce(&mut Self, &str, bool) -> Result<T, JsonError>,
    ) -> Result<T, JsonError> {
        match self.peek() {
            Some(b'"') => {
                let name = self.string()?;
                read(self, &name, false)
            }
            Some(b'{') => {
                self.pos += 1;
                self.enter()?;
                let name = self.string()?;
                self.expect(b':', "`:`")?;
                let value = read(self, &name, true)?;
                self.expect(b'}', "`}` after the variant's value")?;
                self.depth -= 1;
                Ok(value)
            }
            _ => Err(self.expected("a variant name or an object with one key")),
        }
    }

    /// The body of a unit variant read by [`Reader::tagged`]: none, or `null`.
    pub fn unit(&mut self, body: bool) -> Result<(), JsonError> {
        if body && !self.null()? {
            return Err(self.expected("`null`"));
        }
        Ok(())
    }

    /// An error for a variant name nothing knows.
    pub fn unknown_variant(&self, name: &str) -> JsonError {
        self.error(ErrorKind::UnknownVariant(name.to_owned()))
    }

    /// Skips one value of any kind.
    pub fn skip(&mut self) -> Result<(), JsonError> {
        match self.peek() {
            Some(b'{') => self.object(&mut |r, _| r.skip()),
            Some(b'[') => self.array(&mut |r| r.skip()),
            Some(b'"') => self.string().map(drop),
            Some(b'n') => self.word("null", "a value"),
            Some(b't') => self.word("true", "a value"),
            Some(b'f') => self.word("false", "a value"),
            _ => self
                .number()
                .map(drop)
                .map_err(|_| self.expected("a value")),
        }
    }

    /// Skips one value and returns its text.
    pub fn raw(&mut self) -> Result<&'a str, JsonError> {
        self.peek();
        let start = self.pos;
        self.skip()?;
        Ok(self.src.get(start..self.pos).unwrap_or(""))
    }
}
