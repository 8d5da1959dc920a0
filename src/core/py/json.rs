//! Python's `json.dumps` / `json.loads` over a small insertion-ordered tree.

use super::error::{PyErr, PyErrKind, PyResult};
use super::float::float_repr;
use super::int::Int;

/// Maximum nesting depth for `loads`/`dumps` (CPython hits its recursion limit near here).
pub const MAX_DEPTH: usize = 990;

/// A JSON value (objects keep insertion order, like Python dicts).
#[derive(Clone, Debug, PartialEq)]
pub enum Json {
    /// `null` / `None`
    Null,
    /// `true` / `false`
    Bool(bool),
    /// An integer (arbitrary size).
    Int(Int),
    /// A float (`NaN`, `Infinity` allowed like Python's defaults).
    Float(f64),
    /// A float literal as written (what [`loads_raw_floats`] gives, for `parse_float=`).
    FloatText(String),
    /// A string.
    Str(String),
    /// A list.
    Array(Vec<Json>),
    /// A dict (keys unique, insertion-ordered).
    Object(Vec<(String, Json)>),
}

/// `indent=` of `json.dumps`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Indent {
    /// `indent=n` (negative values behave like 0).
    Spaces(i64),
    /// `indent="\t"`.
    Str(String),
}

/// Options of `json.dumps`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct DumpOptions {
    /// `indent=` (None: single line).
    pub indent: Option<Indent>,
    /// `sort_keys=`.
    pub sort_keys: bool,
    /// `separators=(item, key)`; None uses Python's default for the indent mode.
    pub separators: Option<(String, String)>,
    /// `ensure_ascii=` (default true).
    pub ensure_ascii: bool,
    /// `allow_nan=` (default true): false refuses NaN and the infinities.
    pub allow_nan: bool,
}

impl Default for DumpOptions {
    fn default() -> Self {
        DumpOptions {
            indent: None,
            sort_keys: false,
            separators: None,
            ensure_ascii: true,
            allow_nan: true,
        }
    }
}

/// Writes a JSON string literal like `json.dumps(str)`.
pub fn encode_str(s: &str, ensure_ascii: bool, out: &mut String) {
    out.push('"');
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            '\u{8}' => out.push_str("\\b"),
            '\u{c}' => out.push_str("\\f"),
            c if (c as u32) < 0x20 => out.push_str(&format!("\\u{:04x}", c as u32)),
            c if ensure_ascii && (c as u32) >= 0x7f => {
                let mut buf = [0u16; 2];
                for u in c.encode_utf16(&mut buf) {
                    out.push_str(&format!("\\u{u:04x}"));
                }
            }
            c => out.push(c),
        }
    }
    out.push('"');
}

/// `json.dumps(value, ...)`.
pub fn dumps(v: &Json, opts: &DumpOptions) -> PyResult<String> {
    let indent = opts.indent.as_ref().map(|i| match i {
        Indent::Spaces(n) => " ".repeat((*n).clamp(0, 1000) as usize),
        Indent::Str(s) => s.clone(),
    });
    let (item_sep, key_sep) = match &opts.separators {
        Some((a, b)) => (a.clone(), b.clone()),
        None if indent.is_some() => (",".to_string(), ": ".to_string()),
        None => (", ".to_string(), ": ".to_string()),
    };
    let mut out = String::new();
    let ctx = Enc {
        indent,
        item_sep,
        key_sep,
        opts,
    };
    ctx.write(v, 0, &mut out)?;
    Ok(out)
}

struct Enc<'a> {
    indent: Option<String>,
    item_sep: String,
    key_sep: String,
    opts: &'a DumpOptions,
}

impl Enc<'_> {
    fn newline(&self, level: usize, out: &mut String) {
        if let Some(ind) = &self.indent {
            out.push('\n');
            for _ in 0..level {
                out.push_str(ind);
            }
        }
    }

    fn write(&self, v: &Json, level: usize, out: &mut String) -> PyResult<()> {
        match v {
            Json::Null => out.push_str("null"),
            Json::Bool(b) => out.push_str(if *b { "true" } else { "false" }),
            Json::Int(i) => out.push_str(&i.to_py_str()?),
            Json::Float(f) if !f.is_finite() && !self.opts.allow_nan => {
                return Err(PyErr::new(
                    PyErrKind::ValueError,
                    "Out of range float values are not JSON compliant",
                ));
            }
            Json::Float(f) => {
                if f.is_nan() {
                    out.push_str("NaN");
                } else if f.is_infinite() {
                    out.push_str(if *f > 0.0 { "Infinity" } else { "-Infinity" });
                } else {
                    out.push_str(&float_repr(*f));
                }
            }
            Json::FloatText(t) => out.push_str(t),
            Json::Str(s) => encode_str(s, self.opts.ensure_ascii, out),
            Json::Array(items) => {
                if items.is_empty() {
                    out.push_str("[]");
                    return Ok(());
                }
                if level >= MAX_DEPTH {
                    return Err(PyErr::new(
                        PyErrKind::RecursionError,
                        "maximum recursion depth exceeded while encoding a JSON object",
                    ));
                }
                out.push('[');
                for (k, item) in items.iter().enumerate() {
                    if k > 0 {
                        out.push_str(&self.item_sep);
                    }
                    self.newline(level + 1, out);
                    self.write(item, level + 1, out)?;
                }
                self.newline(level, out);
                out.push(']');
            }
            Json::Object(members) => {
                if members.is_empty() {
                    out.push_str("{}");
                    return Ok(());
                }
                if level >= MAX_DEPTH {
                    return Err(PyErr::new(
                        PyErrKind::RecursionError,
                        "maximum recursion depth exceeded while encoding a JSON object",
                    ));
                }
                let mut refs: Vec<&(String, Json)> = members.iter().collect();
                if self.opts.sort_keys {
                    crate::core::sort::sort_by(&mut refs, |a, b| a.0.cmp(&b.0));
                }
                out.push('{');
                for (k, (key, val)) in refs.into_iter().enumerate() {
                    if k > 0 {
                        out.push_str(&self.item_sep);
                    }
                    self.newline(level + 1, out);
                    encode_str(key, self.opts.ensure_ascii, out);
                    out.push_str(&self.key_sep);
                    self.write(val, level + 1, out)?;
                }
                self.newline(level, out);
                out.push('}');
            }
        }
        Ok(())
    }
}

/// `json.loads(s)`.
pub fn loads(s: &str) -> PyResult<Json> {
    parse(s, false)
}

/// `json.loads(s, parse_float=...)`: floats kept as their literal text
/// ([`Json::FloatText`]), for the hook to read.
pub fn loads_raw_floats(s: &str) -> PyResult<Json> {
    parse(s, true)
}

fn parse(s: &str, raw_floats: bool) -> PyResult<Json> {
    let chars: Vec<char> = s.chars().collect();
    let p = Parser {
        s: &chars,
        raw_floats,
    };
    if chars.first() == Some(&'\u{feff}') {
        return Err(p.err("Unexpected UTF-8 BOM (decode using utf-8-sig)", 0));
    }
    let i = p.ws(0);
    let (v, end) = p.value(i, 0)?;
    let end = p.ws(end);
    if end != chars.len() {
        return Err(p.err("Extra data", end));
    }
    Ok(v)
}

struct Parser<'a> {
    s: &'a [char],
    /// Floats as their text ([`Json::FloatText`]).
    raw_floats: bool,
}

impl Parser<'_> {
    fn err(&self, msg: &str, pos: usize) -> PyErr {
        let before = &self.s[..pos.min(self.s.len())];
        let lineno = before.iter().filter(|&&c| c == '\n').count() + 1;
        let colno = match before.iter().rposition(|&c| c == '\n') {
            Some(nl) => pos - nl,
            None => pos + 1,
        };
        PyErr::new(
            PyErrKind::JSONDecodeError,
            format!("{msg}: line {lineno} column {colno} (char {pos})"),
        )
    }

    fn ws(&self, mut i: usize) -> usize {
        while matches!(self.s.get(i), Some(' ' | '\t' | '\n' | '\r')) {
            i += 1;
        }
        i
    }

    fn starts(&self, i: usize, lit: &str) -> bool {
        let n = lit.chars().count();
        self.s
            .get(i..i + n)
            .is_some_and(|w| w.iter().copied().eq(lit.chars()))
    }

    /// Parses one value starting at `i` (iteratively: nesting never uses the call stack).
    fn value(&self, i: usize, _depth: usize) -> PyResult<(Json, usize)> {
        enum Frame {
            Array(Vec<Json>),
            Object(Vec<(String, Json)>, String),
        }
        let mut stack: Vec<Frame> = Vec::new();
        let mut i = i;
        loop {
            // Parse a value at `i`, or open a container.
            let (mut v, mut e) = match self.s.get(i) {
                Some('[') => {
                    self.depth_check(stack.len() + 1, "array")?;
                    let j = self.ws(i + 1);
                    if self.s.get(j) == Some(&']') {
                        (Json::Array(Vec::new()), j + 1)
                    } else {
                        stack.push(Frame::Array(Vec::new()));
                        i = j;
                        continue;
                    }
                }
                Some('{') => {
                    self.depth_check(stack.len() + 1, "object")?;
                    let j = self.ws(i + 1);
                    if self.s.get(j) == Some(&'}') {
                        (Json::Object(Vec::new()), j + 1)
                    } else {
                        let (key, j) = self.key(j)?;
                        stack.push(Frame::Object(Vec::new(), key));
                        i = j;
                        continue;
                    }
                }
                _ => self.scalar(i)?,
            };
            // Attach the finished value to the enclosing containers.
            loop {
                let j = self.ws(e);
                match stack.last_mut() {
                    None => return Ok((v, e)),
                    Some(Frame::Array(items)) => {
                        items.push(v);
                        match self.s.get(j) {
                            Some(']') => {
                                let Some(Frame::Array(items)) = stack.pop() else {
                                    unreachable!()
                                };
                                v = Json::Array(items);
                                e = j + 1;
                            }
                            Some(',') => {
                                i = self.ws(j + 1);
                                break;
                            }
                            _ => return Err(self.err("Expecting ',' delimiter", j)),
                        }
                    }
                    Some(Frame::Object(members, key)) => {
                        let key = std::mem::take(key);
                        match members.iter_mut().find(|(k, _)| *k == key) {
                            Some(slot) => slot.1 = v,
                            None => members.push((key, v)),
                        }
                        match self.s.get(j) {
                            Some('}') => {
                                let Some(Frame::Object(members, _)) = stack.pop() else {
                                    unreachable!()
                                };
                                v = Json::Object(members);
                                e = j + 1;
                            }
                            Some(',') => {
                                let (k, next) = self.key(self.ws(j + 1))?;
                                if let Some(Frame::Object(_, slot)) = stack.last_mut() {
                                    *slot = k;
                                }
                                i = next;
                                break;
                            }
                            _ => return Err(self.err("Expecting ',' delimiter", j)),
                        }
                    }
                }
            }
        }
    }

    /// Parses `"key" :` at `i`, returning the key and the position of the value.
    fn key(&self, i: usize) -> PyResult<(String, usize)> {
        if self.s.get(i) != Some(&'"') {
            return Err(self.err("Expecting property name enclosed in double quotes", i));
        }
        let (key, e) = self.string(i)?;
        let j = self.ws(e);
        if self.s.get(j) != Some(&':') {
            return Err(self.err("Expecting ':' delimiter", j));
        }
        Ok((key, self.ws(j + 1)))
    }

    fn scalar(&self, i: usize) -> PyResult<(Json, usize)> {
        let expecting = || self.err("Expecting value", i);
        match self.s.get(i) {
            None => Err(expecting()),
            Some('"') => {
                let (s, e) = self.string(i)?;
                Ok((Json::Str(s), e))
            }
            Some('n') if self.starts(i, "null") => Ok((Json::Null, i + 4)),
            Some('t') if self.starts(i, "true") => Ok((Json::Bool(true), i + 4)),
            Some('f') if self.starts(i, "false") => Ok((Json::Bool(false), i + 5)),
            Some('N') if self.starts(i, "NaN") => Ok((Json::Float(f64::NAN), i + 3)),
            Some('I') if self.starts(i, "Infinity") => Ok((Json::Float(f64::INFINITY), i + 8)),
            Some('-') if self.starts(i, "-Infinity") => Ok((Json::Float(f64::NEG_INFINITY), i + 9)),
            Some(c) if *c == '-' || c.is_ascii_digit() => self.number(i).ok_or_else(expecting)?,
            Some(_) => Err(expecting()),
        }
    }

    fn number(&self, i: usize) -> Option<PyResult<(Json, usize)>> {
        let s = self.s;
        let digit = |k: usize| s.get(k).is_some_and(|c| c.is_ascii_digit());
        let mut j = i;
        if s.get(j) == Some(&'-') {
            j += 1;
        }
        if s.get(j) == Some(&'0') {
            j += 1;
        } else if digit(j) {
            while digit(j) {
                j += 1;
            }
        } else {
            return None;
        }
        let int_end = j;
        let mut is_float = false;
        if s.get(j) == Some(&'.') && digit(j + 1) {
            j += 1;
            while digit(j) {
                j += 1;
            }
            is_float = true;
        }
        if matches!(s.get(j), Some('e' | 'E')) {
            let mut k = j + 1;
            if matches!(s.get(k), Some('+' | '-')) {
                k += 1;
            }
            if digit(k) {
                while digit(k) {
                    k += 1;
                }
                j = k;
                is_float = true;
            }
        }
        let text: String = s[i..j].iter().collect();
        if is_float && self.raw_floats {
            return Some(Ok((Json::FloatText(text), j)));
        }
        if is_float {
            let f = super::float_text::parse_decimal(&text).unwrap_or(f64::NAN);
            return Some(Ok((Json::Float(f), j)));
        }
        let _ = int_end;
        Some(Int::from_str_radix(&text, 10).map(|v| (Json::Int(v), j)))
    }

    fn string(&self, start: usize) -> PyResult<(String, usize)> {
        let mut out = String::new();
        let mut i = start + 1;
        loop {
            let Some(&c) = self.s.get(i) else {
                return Err(self.err("Unterminated string starting at", start));
            };
            match c {
                '"' => return Ok((out, i + 1)),
                '\\' => {
                    let Some(&e) = self.s.get(i + 1) else {
                        return Err(self.err("Unterminated string starting at", start));
                    };
                    let simple = match e {
                        '"' => Some('"'),
                        '\\' => Some('\\'),
                        '/' => Some('/'),
                        'b' => Some('\u{8}'),
                        'f' => Some('\u{c}'),
                        'n' => Some('\n'),
                        'r' => Some('\r'),
                        't' => Some('\t'),
                        _ => None,
                    };
                    if let Some(ch) = simple {
                        out.push(ch);
                        i += 2;
                        continue;
                    }
                    if e != 'u' {
                        return Err(self.err("Invalid \\escape", i));
                    }
                    // CPython needs one more character after the four hex digits.
                    if i + 6 >= self.s.len() {
                        return Err(self.err("Invalid \\uXXXX escape", i + 1));
                    }
                    let hi = self
                        .hex4(i + 2)
                        .ok_or_else(|| self.err("Invalid \\uXXXX escape", i + 1))?;
                    i += 6;
                    let cp = if (0xD800..0xDC00).contains(&hi)
                        && i + 6 < self.s.len()
                        && self.s.get(i) == Some(&'\\')
                        && self.s.get(i + 1) == Some(&'u')
                    {
                        match self.hex4(i + 2) {
                            Some(lo) if (0xDC00..0xE000).contains(&lo) => {
                                i += 6;
                                0x10000 + ((hi - 0xD800) << 10) + (lo - 0xDC00)
                            }
                            Some(_) => hi,
                            None => return Err(self.err("Invalid \\uXXXX escape", i + 1)),
                        }
                    } else {
                        hi
                    };
                    // Lone surrogates cannot live in a Rust string: U+FFFD stands in.
                    out.push(char::from_u32(cp).unwrap_or('\u{fffd}'));
                }
                c if (c as u32) < 0x20 => return Err(self.err("Invalid control character at", i)),
                c => {
                    out.push(c);
                    i += 1;
                }
            }
        }
    }

    fn hex4(&self, i: usize) -> Option<u32> {
        let w = self.s.get(i..i + 4)?;
        let mut v = 0;
        for c in w {
            v = v * 16 + c.to_digit(16)?;
        }
        Some(v)
    }

    fn depth_check(&self, depth: usize, what: &str) -> PyResult<()> {
        if depth > MAX_DEPTH {
            return Err(PyErr::new(
                PyErrKind::RecursionError,
                format!(
                    "maximum recursion depth exceeded while decoding a JSON {what} from a unicode string"
                ),
            ));
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn obj(v: Vec<(&str, Json)>) -> Json {
        Json::Object(v.into_iter().map(|(k, v)| (k.to_string(), v)).collect())
    }
    fn int(v: i64) -> Json {
        Json::Int(Int::from(v))
    }
    fn d(v: &Json) -> String {
        dumps(v, &DumpOptions::default()).unwrap()
    }
    fn ind(v: &Json, i: Indent) -> String {
        dumps(
            v,
            &DumpOptions {
                indent: Some(i),
                ..DumpOptions::default()
            },
        )
        .unwrap()
    }
    fn err(s: &str) -> String {
        loads(s).unwrap_err().to_string()
    }

    #[test]
    fn dumping() {
        let v = obj(vec![
            ("a", int(1)),
            ("b", Json::Array(vec![int(1), Json::Float(2.5), Json::Null])),
        ]);
        assert_eq!(d(&v), r#"{"a": 1, "b": [1, 2.5, null]}"#);
        let s = Json::Str("é\n\"\\\u{0}\u{1f}\u{7f}\u{2028}😀".into());
        assert_eq!(
            d(&s),
            r#""\u00e9\n\"\\\u0000\u001f\u007f\u2028\ud83d\ude00""#
        );
        let opts = DumpOptions {
            ensure_ascii: false,
            ..DumpOptions::default()
        };
        assert_eq!(
            dumps(&Json::Str("é😀\u{7f}".into()), &opts).unwrap(),
            "\"é😀\u{7f}\""
        );
        let big = Int::from_str_radix("1000000000000000000000000000000", 10).unwrap();
        let arr = Json::Array(vec![
            Json::Float(1e16),
            Json::Float(1.0),
            Json::Float(f64::NAN),
            Json::Float(f64::INFINITY),
            Json::Float(f64::NEG_INFINITY),
            Json::Int(big),
            Json::Bool(true),
            Json::Bool(false),
        ]);
        assert_eq!(
            d(&arr),
            "[1e+16, 1.0, NaN, Infinity, -Infinity, 1000000000000000000000000000000, true, false]"
        );
        let nested = obj(vec![
            ("a", Json::Array(vec![int(1), obj(vec![("b", int(2))])])),
            ("c", obj(vec![])),
            ("d", Json::Array(vec![])),
        ]);
        assert_eq!(
            ind(&nested, Indent::Spaces(2)),
            "{\n  \"a\": [\n    1,\n    {\n      \"b\": 2\n    }\n  ],\n  \"c\": {},\n  \"d\": []\n}"
        );
        let a = Json::Array(vec![int(1), Json::Array(vec![int(2)])]);
        assert_eq!(ind(&a, Indent::Spaces(0)), "[\n1,\n[\n2\n]\n]");
        assert_eq!(
            ind(&obj(vec![("a", int(1))]), Indent::Str("\t".into())),
            "{\n\t\"a\": 1\n}"
        );
        assert_eq!(
            ind(
                &obj(vec![("a", Json::Array(vec![int(1), int(2)]))]),
                Indent::Spaces(-1)
            ),
            "{\n\"a\": [\n1,\n2\n]\n}"
        );
        let sorted = DumpOptions {
            sort_keys: true,
            ..DumpOptions::default()
        };
        assert_eq!(
            dumps(&obj(vec![("b", int(1)), ("a", int(2))]), &sorted).unwrap(),
            r#"{"a": 2, "b": 1}"#
        );
        let compact = DumpOptions {
            separators: Some((",".into(), ":".into())),
            ..DumpOptions::default()
        };
        assert_eq!(
            dumps(&Json::Array(vec![int(1), int(2)]), &compact).unwrap(),
            "[1,2]"
        );
        assert_eq!(ind(&Json::Array(vec![]), Indent::Spaces(2)), "[]");
        assert_eq!(
            ind(&Json::Array(vec![Json::Array(vec![])]), Indent::Spaces(2)),
            "[\n  []\n]"
        );
        assert_eq!(d(&Json::Float(-0.0)), "-0.0");
        assert_eq!(d(&Json::Float(1e-7)), "1e-07");
        assert_eq!(d(&Json::Str("\u{8}\u{c}".into())), r#""\b\f""#);
        let mut deep = Json::Array(vec![]);
        for _ in 0..2000 {
            deep = Json::Array(vec![deep]);
        }
        assert_eq!(
            dumps(&deep, &DumpOptions::default())
                .unwrap_err()
                .to_string(),
            "RecursionError: maximum recursion depth exceeded while encoding a JSON object"
        );
    }

    #[test]
    fn loading() {
        assert_eq!(loads(r#"{"a": 1}"#).unwrap(), obj(vec![("a", int(1))]));
        let v =
            loads("[1.5e3, -0, -0.0, 1E400, 12345678901234567890123, NaN, Infinity, -Infinity]")
                .unwrap();
        let Json::Array(items) = v else { panic!() };
        assert_eq!(items[0], Json::Float(1500.0));
        assert_eq!(items[1], int(0));
        assert!(matches!(items[2], Json::Float(f) if f == 0.0 && f.is_sign_negative()));
        assert_eq!(items[3], Json::Float(f64::INFINITY));
        assert_eq!(
            items[4],
            Json::Int(Int::from_str_radix("12345678901234567890123", 10).unwrap())
        );
        assert!(matches!(items[5], Json::Float(f) if f.is_nan()));
        assert_eq!(items[7], Json::Float(f64::NEG_INFINITY));
        assert_eq!(
            loads(r#""\ud83d\ude00 \u00e9""#).unwrap(),
            Json::Str("😀 é".into())
        );
        assert_eq!(loads(r#"{"a":1,"a":2}"#).unwrap(), obj(vec![("a", int(2))]));
        assert_eq!(loads("1e5").unwrap(), Json::Float(100000.0));
        assert_eq!(loads("-1.5E-3").unwrap(), Json::Float(-0.0015));
        assert_eq!(
            loads(r#"["a\/b"]"#).unwrap(),
            Json::Array(vec![Json::Str("a/b".into())])
        );
    }

    #[test]
    fn decode_errors() {
        let cases: &[(&str, &str)] = &[
            ("", "Expecting value: line 1 column 1 (char 0)"),
            (
                "{",
                "Expecting property name enclosed in double quotes: line 1 column 2 (char 1)",
            ),
            (
                "{\"a\"",
                "Expecting ':' delimiter: line 1 column 5 (char 4)",
            ),
            ("{\"a\":", "Expecting value: line 1 column 6 (char 5)"),
            (
                "{\"a\":1",
                "Expecting ',' delimiter: line 1 column 7 (char 6)",
            ),
            (
                "{\"a\":1,}",
                "Expecting property name enclosed in double quotes: line 1 column 8 (char 7)",
            ),
            ("[1,]", "Expecting value: line 1 column 4 (char 3)"),
            ("[1 2]", "Expecting ',' delimiter: line 1 column 4 (char 3)"),
            (
                "{a:1}",
                "Expecting property name enclosed in double quotes: line 1 column 2 (char 1)",
            ),
            ("1 2", "Extra data: line 1 column 3 (char 2)"),
            ("\n\n  x", "Expecting value: line 3 column 3 (char 4)"),
            (
                "\"abc",
                "Unterminated string starting at: line 1 column 1 (char 0)",
            ),
            ("\"a\\q\"", "Invalid \\escape: line 1 column 3 (char 2)"),
            (
                "\"a\\u12\"",
                "Invalid \\uXXXX escape: line 1 column 4 (char 3)",
            ),
            (
                "\"\u{1}\"",
                "Invalid control character at: line 1 column 2 (char 1)",
            ),
            ("[01]", "Expecting ',' delimiter: line 1 column 3 (char 2)"),
            ("-", "Expecting value: line 1 column 1 (char 0)"),
            ("1.", "Extra data: line 1 column 2 (char 1)"),
            ("tru", "Expecting value: line 1 column 1 (char 0)"),
            (
                "{\"a\":1 \"b\":2}",
                "Expecting ',' delimiter: line 1 column 8 (char 7)",
            ),
            ("[", "Expecting value: line 1 column 2 (char 1)"),
            ("]", "Expecting value: line 1 column 1 (char 0)"),
            ("  ", "Expecting value: line 1 column 3 (char 2)"),
            ("{\"a\":1}x", "Extra data: line 1 column 8 (char 7)"),
            ("[1,2", "Expecting ',' delimiter: line 1 column 5 (char 4)"),
            (
                "{\"a\" 1}",
                "Expecting ':' delimiter: line 1 column 6 (char 5)",
            ),
            (
                "\u{feff}1",
                "Unexpected UTF-8 BOM (decode using utf-8-sig): line 1 column 1 (char 0)",
            ),
        ];
        for &(s, want) in cases {
            assert_eq!(
                err(s),
                format!("json.decoder.JSONDecodeError: {want}"),
                "{s:?}"
            );
        }
        assert_eq!(
            err(&"[".repeat(100_000)),
            "RecursionError: maximum recursion depth exceeded while decoding a JSON array from a unicode string"
        );
        assert_eq!(
            err(&"{\"a\":".repeat(100_000)),
            "RecursionError: maximum recursion depth exceeded while decoding a JSON object from a unicode string"
        );
        assert!(err(&"1".repeat(5000)).starts_with("ValueError: Exceeds the limit (4300 digits)"));
    }
}
