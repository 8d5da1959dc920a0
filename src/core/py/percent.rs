//! printf-style `%` formatting of strings: `"%-5s|%05.2f|%(name)r" % args`.
//!
//! The interpreter owns the value type; it passes arguments through [`PercentArg`], which
//! supplies `str()`, `repr()`, `ascii()` and the numeric view of an object.

use super::error::{PyErr, PyErrKind, PyResult};
use super::float::{FloatStyle, format_float_abs};
use super::int::Int;

/// The numeric view of an argument.
#[derive(Clone, Debug)]
pub enum PercentNum {
    /// An `int` (or `bool`).
    Int(Int),
    /// A `float`.
    Float(f64),
    /// A `decimal.Decimal` (`%d` uses `int(d)`, `%f`/`%e`/`%g` use `float(d)`).
    Decimal(super::decimal::Decimal),
    /// Anything else.
    NotNumber,
}

/// One `%` argument as seen by the formatter.
pub trait PercentArg {
    /// `str(x)`.
    fn py_str(&self) -> PyResult<String>;
    /// `repr(x)`.
    fn py_repr(&self) -> PyResult<String>;
    /// `ascii(x)` (default: `repr` with non-ASCII escaped).
    fn py_ascii(&self) -> PyResult<String> {
        Ok(ascii_escape(&self.py_repr()?))
    }
    /// The numeric view (`int`, `bool`, `float`).
    fn number(&self) -> PercentNum;
    /// `type(x).__name__`, for error messages.
    fn type_name(&self) -> String;
    /// The string value when `x` is a `str` (for `%c`).
    fn as_str(&self) -> Option<String> {
        None
    }
    /// Whether `x` is a mapping (`dict`), usable with `%(key)s`.
    fn is_mapping(&self) -> bool {
        false
    }
    /// `x[key]` for mappings (`KeyError` when missing).
    fn get_item(&self, key: &str) -> PyResult<Box<dyn PercentArg + '_>> {
        let _ = key;
        Err(PyErr::type_err("format requires a mapping"))
    }
}

/// A `dict` on the right of `%` (`'%(name)s' % {'name': ...}`): its string-keyed items,
/// and its own `str()` for a plain `%s`.
pub struct MappingArg {
    /// The items with string keys, in order.
    pub items: Vec<(String, SimpleArg)>,
    /// `str(d)` / `repr(d)`.
    pub text: String,
}

impl PercentArg for MappingArg {
    fn py_str(&self) -> PyResult<String> {
        Ok(self.text.clone())
    }
    fn py_repr(&self) -> PyResult<String> {
        Ok(self.text.clone())
    }
    fn number(&self) -> PercentNum {
        PercentNum::NotNumber
    }
    fn type_name(&self) -> String {
        "dict".into()
    }
    fn is_mapping(&self) -> bool {
        true
    }
    fn get_item(&self, key: &str) -> PyResult<Box<dyn PercentArg + '_>> {
        self.items
            .iter()
            .find(|(k, _)| k == key)
            .map(|(_, v)| Box::new(v.clone()) as Box<dyn PercentArg>)
            .ok_or_else(|| key_error(key))
    }
}

/// The right operand of `fmt % args`.
pub enum PercentArgs<'a> {
    /// A tuple: each conversion consumes the next element.
    Tuple(Vec<&'a dyn PercentArg>),
    /// Any non-tuple object (a single argument, or a mapping for `%(key)s`).
    Single(&'a dyn PercentArg),
}

/// A plain argument with precomputed `str`/`repr` (convenient for simple values and tests).
#[derive(Clone, Debug)]
pub struct SimpleArg {
    /// `str(x)`.
    pub str_value: String,
    /// `repr(x)`.
    pub repr_value: String,
    /// Numeric view.
    pub num: PercentNum,
    /// `type(x).__name__`.
    pub type_name: String,
    /// `Some(s)` when `x` is a `str`.
    pub string: Option<String>,
}

impl SimpleArg {
    /// An `int` argument.
    pub fn int(v: Int) -> Self {
        SimpleArg {
            str_value: v.to_string(),
            repr_value: v.to_string(),
            num: PercentNum::Int(v),
            type_name: "int".into(),
            string: None,
        }
    }
    /// A `float` argument.
    pub fn float(v: f64) -> Self {
        let r = super::float::float_repr(v);
        SimpleArg {
            str_value: r.clone(),
            repr_value: r,
            num: PercentNum::Float(v),
            type_name: "float".into(),
            string: None,
        }
    }
    /// A `str` argument.
    pub fn str(s: &str) -> Self {
        SimpleArg {
            str_value: s.to_string(),
            repr_value: super::strings::str_repr(s),
            num: PercentNum::NotNumber,
            type_name: "str".into(),
            string: Some(s.to_string()),
        }
    }
    /// Any other object, given its `str`, `repr` and type name.
    pub fn other(str_value: &str, repr_value: &str, type_name: &str) -> Self {
        SimpleArg {
            str_value: str_value.to_string(),
            repr_value: repr_value.to_string(),
            num: PercentNum::NotNumber,
            type_name: type_name.to_string(),
            string: None,
        }
    }
}

impl PercentArg for SimpleArg {
    fn py_str(&self) -> PyResult<String> {
        Ok(self.str_value.clone())
    }
    fn py_repr(&self) -> PyResult<String> {
        Ok(self.repr_value.clone())
    }
    fn number(&self) -> PercentNum {
        self.num.clone()
    }
    fn type_name(&self) -> String {
        self.type_name.clone()
    }
    fn as_str(&self) -> Option<String> {
        self.string.clone()
    }
}

/// `ascii()` escaping of an already-`repr`'d string: non-ASCII → `\xNN`, `\uNNNN`, `\UNNNNNNNN`.
pub fn ascii_escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        let cp = c as u32;
        if cp < 0x80 {
            out.push(c);
        } else if cp < 0x100 {
            out.push_str(&format!("\\x{cp:02x}"));
        } else if cp < 0x10000 {
            out.push_str(&format!("\\u{cp:04x}"));
        } else {
            out.push_str(&format!("\\U{cp:08x}"));
        }
    }
    out
}

struct ArgCursor<'a> {
    args: &'a PercentArgs<'a>,
    next: usize,
    single_used: bool,
}

impl<'a> ArgCursor<'a> {
    fn next_arg(&mut self) -> PyResult<&'a dyn PercentArg> {
        let err = || PyErr::type_err("not enough arguments for format string");
        match self.args {
            PercentArgs::Tuple(v) => {
                let a = v.get(self.next).copied().ok_or_else(err)?;
                self.next += 1;
                Ok(a)
            }
            PercentArgs::Single(a) => {
                if self.single_used {
                    return Err(err());
                }
                self.single_used = true;
                Ok(*a)
            }
        }
    }
}

/// Value of a `*` width (`c_int = false`, C `ssize_t`) or precision (C `int`).
fn star_value(a: &dyn PercentArg, c_int: bool) -> PyResult<i64> {
    match a.number() {
        PercentNum::Int(i) if a.type_name() != "float" => {
            let v = i.to_i64();
            if c_int && v.and_then(|v| i32::try_from(v).ok()).is_none() {
                return Err(PyErr::overflow("Python int too large to convert to C int"));
            }
            v.ok_or_else(|| PyErr::overflow("Python int too large to convert to C ssize_t"))
        }
        _ => Err(PyErr::type_err("* wants int")),
    }
}

fn pad_to(s: String, width: usize, left: bool) -> String {
    let n = s.chars().count();
    if n >= width {
        return s;
    }
    let fill = " ".repeat(width - n);
    if left { s + &fill } else { fill + &s }
}

/// `fmt % args`.
pub fn percent_format(fmt: &str, args: PercentArgs<'_>) -> PyResult<String> {
    let chars: Vec<char> = fmt.chars().collect();
    let mapping: Option<&dyn PercentArg> = match &args {
        PercentArgs::Single(a) if a.is_mapping() => Some(*a),
        _ => None,
    };
    let mut cur = ArgCursor {
        args: &args,
        next: 0,
        single_used: false,
    };
    let mut out = String::with_capacity(fmt.len());
    let mut pos = 0;
    while pos < chars.len() {
        let c = chars[pos];
        pos += 1;
        if c != '%' {
            out.push(c);
            continue;
        }
        if chars.get(pos) == Some(&'%') {
            out.push('%');
            pos += 1;
            continue;
        }
        // Mapping key.
        let mut keyed: Option<Box<dyn PercentArg + '_>> = None;
        if chars.get(pos) == Some(&'(') {
            let Some(m) = mapping else {
                return Err(PyErr::type_err("format requires a mapping"));
            };
            pos += 1;
            let start = pos;
            let mut depth = 1;
            while pos < chars.len() {
                match chars[pos] {
                    '(' => depth += 1,
                    ')' => {
                        depth -= 1;
                        if depth == 0 {
                            break;
                        }
                    }
                    _ => {}
                }
                pos += 1;
            }
            if pos >= chars.len() {
                return Err(PyErr::value("incomplete format key"));
            }
            let key: String = chars[start..pos].iter().collect();
            pos += 1;
            keyed = Some(m.get_item(&key)?);
            // CPython replaces the argument list by the looked-up value.
            cur.single_used = true;
        }
        let (mut left, mut plus, mut space, mut alt, mut zero) =
            (false, false, false, false, false);
        while let Some(&f) = chars.get(pos) {
            match f {
                '-' => left = true,
                '+' => plus = true,
                ' ' => space = true,
                '#' => alt = true,
                '0' => zero = true,
                _ => break,
            }
            pos += 1;
        }
        let mut width: usize = 0;
        if chars.get(pos) == Some(&'*') {
            pos += 1;
            let w = star_value(cur.next_arg()?, false)?;
            if w < 0 {
                left = true;
            }
            width = usize::try_from(w.unsigned_abs()).unwrap_or(usize::MAX);
        } else {
            width = read_num(&chars, &mut pos, width)?;
        }
        let mut precision: Option<usize> = None;
        if chars.get(pos) == Some(&'.') {
            pos += 1;
            if chars.get(pos) == Some(&'*') {
                pos += 1;
                let p = star_value(cur.next_arg()?, true)?;
                precision = Some(usize::try_from(p.max(0)).unwrap_or(0));
            } else {
                precision = Some(read_num(&chars, &mut pos, 0)?);
            }
        }
        if width > super::format_spec::MAX_WIDTH
            || precision.unwrap_or(0) > super::format_spec::MAX_WIDTH
        {
            return Err(PyErr::memory());
        }
        let Some(&conv) = chars.get(pos) else {
            return Err(PyErr::value("incomplete format"));
        };
        let conv_index = pos;
        pos += 1;
        let arg: &dyn PercentArg = match &keyed {
            Some(b) => b.as_ref(),
            None => cur.next_arg()?,
        };
        let num_sign = |neg: bool| -> &'static str {
            if neg {
                "-"
            } else if plus {
                "+"
            } else if space {
                " "
            } else {
                ""
            }
        };
        let numeric = |sign: &str, prefix: &str, body: &str| -> String {
            let len = sign.chars().count() + prefix.len() + body.chars().count();
            if zero && !left && len < width {
                format!("{sign}{prefix}{}{body}", "0".repeat(width - len))
            } else {
                pad_to(format!("{sign}{prefix}{body}"), width, left)
            }
        };
        let piece = match conv {
            's' | 'r' | 'a' => {
                let s = match conv {
                    's' => arg.py_str()?,
                    'r' => arg.py_repr()?,
                    _ => arg.py_ascii()?,
                };
                let s = match precision {
                    Some(p) => s.chars().take(p).collect(),
                    None => s,
                };
                pad_to(s, width, left)
            }
            'd' | 'i' | 'u' | 'x' | 'X' | 'o' => {
                let n = match (arg.number(), conv) {
                    (PercentNum::Int(i), _) => i,
                    (PercentNum::Float(f), 'd' | 'i' | 'u') => Int::from_f64(f)?,
                    (PercentNum::Decimal(d), 'd' | 'i' | 'u') => d.to_int()?,
                    (PercentNum::NotNumber, 'd' | 'i' | 'u') => {
                        return Err(PyErr::type_err(format!(
                            "%{conv} format: a real number is required, not {}",
                            arg.type_name()
                        )));
                    }
                    _ => {
                        return Err(PyErr::type_err(format!(
                            "%{conv} format: an integer is required, not {}",
                            arg.type_name()
                        )));
                    }
                };
                let (radix, prefix) = match conv {
                    'x' => (16, "0x"),
                    'X' => (16, "0X"),
                    'o' => (8, "0o"),
                    _ => (10, ""),
                };
                let mut digits = if radix == 10 {
                    n.abs().to_py_str()?
                } else {
                    n.abs_to_str_radix(radix)
                };
                if conv == 'X' {
                    digits = digits.to_ascii_uppercase();
                }
                if let Some(p) = precision
                    && digits.len() < p
                {
                    digits = "0".repeat(p - digits.len()) + &digits;
                }
                numeric(
                    num_sign(n.is_negative()),
                    if alt { prefix } else { "" },
                    &digits,
                )
            }
            'e' | 'E' | 'f' | 'F' | 'g' | 'G' => {
                let x = match arg.number() {
                    PercentNum::Float(f) => f,
                    PercentNum::Int(i) => i.to_f64()?,
                    PercentNum::Decimal(d) => d.to_f64(),
                    PercentNum::NotNumber => {
                        return Err(PyErr::type_err(format!(
                            "must be real number, not {}",
                            arg.type_name()
                        )));
                    }
                };
                let style = match conv {
                    'e' | 'E' => FloatStyle::Exp,
                    'f' | 'F' => FloatStyle::Fixed,
                    _ => FloatStyle::General,
                };
                let body = format_float_abs(
                    x,
                    style,
                    Some(precision.unwrap_or(6)),
                    alt,
                    conv.is_ascii_uppercase(),
                );
                numeric(num_sign(x.is_sign_negative() && !x.is_nan()), "", &body)
            }
            'c' => {
                let ch = match (arg.number(), arg.as_str()) {
                    (PercentNum::Int(i), _) if arg.type_name() != "float" => i
                        .to_i64()
                        .and_then(|v| u32::try_from(v).ok())
                        .and_then(char::from_u32)
                        .ok_or_else(|| PyErr::overflow("%c arg not in range(0x110000)"))?,
                    (_, Some(s)) if s.chars().count() == 1 => s.chars().next().unwrap_or(' '),
                    _ => return Err(PyErr::type_err("%c requires int or char")),
                };
                pad_to(ch.to_string(), width, left)
            }
            other => {
                let shown = if (' '..'\u{7f}').contains(&other) {
                    other
                } else {
                    '?'
                };
                return Err(PyErr::value(format!(
                    "unsupported format character '{shown}' (0x{:x}) at index {conv_index}",
                    other as u32
                )));
            }
        };
        out.push_str(&piece);
    }
    let leftover = match &args {
        PercentArgs::Tuple(v) => cur.next < v.len(),
        PercentArgs::Single(_) => !cur.single_used && mapping.is_none(),
    };
    if leftover {
        return Err(PyErr::type_err(
            "not all arguments converted during string formatting",
        ));
    }
    Ok(out)
}

fn read_num(chars: &[char], pos: &mut usize, init: usize) -> PyResult<usize> {
    let mut v = init;
    while let Some(d) = chars.get(*pos).and_then(|c| c.to_digit(10)) {
        v = v
            .checked_mul(10)
            .and_then(|x| x.checked_add(d as usize))
            .ok_or_else(|| PyErr::value("width too big"))?;
        *pos += 1;
    }
    Ok(v)
}

/// `KeyError` for a missing `%(key)s` mapping key (for [`PercentArg::get_item`] implementors).
pub fn key_error(key: &str) -> PyErr {
    PyErr::new(PyErrKind::KeyError, super::strings::str_repr(key))
}

#[cfg(test)]
mod tests {
    use super::*;

    struct Map(Vec<(String, SimpleArg)>);

    impl PercentArg for Map {
        fn py_str(&self) -> PyResult<String> {
            Ok("{...}".into())
        }
        fn py_repr(&self) -> PyResult<String> {
            Ok("{...}".into())
        }
        fn number(&self) -> PercentNum {
            PercentNum::NotNumber
        }
        fn type_name(&self) -> String {
            "dict".into()
        }
        fn is_mapping(&self) -> bool {
            true
        }
        fn get_item(&self, key: &str) -> PyResult<Box<dyn PercentArg + '_>> {
            self.0
                .iter()
                .find(|(k, _)| k == key)
                .map(|(_, v)| Box::new(v.clone()) as Box<dyn PercentArg>)
                .ok_or_else(|| key_error(key))
        }
    }

    fn i(v: i64) -> SimpleArg {
        SimpleArg::int(Int::from(v))
    }
    fn f(v: f64) -> SimpleArg {
        SimpleArg::float(v)
    }
    fn s(v: &str) -> SimpleArg {
        SimpleArg::str(v)
    }
    fn fmt(t: &str, args: &[SimpleArg]) -> String {
        let v: Vec<&dyn PercentArg> = args.iter().map(|a| a as &dyn PercentArg).collect();
        match percent_format(t, PercentArgs::Tuple(v)) {
            Ok(s) => s,
            Err(e) => e.to_string(),
        }
    }
    fn fmt1(t: &str, a: &dyn PercentArg) -> String {
        match percent_format(t, PercentArgs::Single(a)) {
            Ok(s) => s,
            Err(e) => e.to_string(),
        }
    }

    #[test]
    fn conversions() {
        assert_eq!(fmt("%s %r", &[s("a"), s("a")]), "a 'a'");
        assert_eq!(fmt1("%d", &f(3.9)), "3");
        assert_eq!(
            fmt(
                "%5d|%-5d|%05d|%+d|% d",
                &[i(42), i(42), i(42), i(42), i(42)]
            ),
            "   42|42   |00042|+42| 42"
        );
        assert_eq!(fmt1("%.3d", &i(5)), "005");
        assert_eq!(
            fmt(
                "%x %X %o %#x %#o %#X",
                &[i(255), i(255), i(255), i(255), i(255), i(255)]
            ),
            "ff FF 377 0xff 0o377 0XFF"
        );
        assert_eq!(fmt("%c%c", &[i(65), s("b")]), "Ab");
        assert_eq!(
            fmt(
                "%f %e %g %E %G %F",
                &[f(1.5), f(1.5), f(1.5), f(1.5), f(1.5), f(1.5)]
            ),
            "1.500000 1.500000e+00 1.5 1.500000E+00 1.5 1.500000"
        );
        assert_eq!(
            fmt(
                "%.2f|%10.3f|%-10.1f|%010.2f|%+.1e",
                &[f(1.23456), f(2.5), f(2.5), f(-2.5), f(12345.678)]
            ),
            "1.23|     2.500|2.5       |-000002.50|+1.2e+04"
        );
        assert_eq!(
            fmt("%#g %g %#.0f %.0e", &[f(1.0), f(1e20), f(3.0), f(15.0)]),
            "1.00000 1e+20 3. 2e+01"
        );
        assert_eq!(
            fmt(
                "%05f|%-6f|%+f",
                &[f(f64::INFINITY), f(f64::NAN), f(f64::INFINITY)]
            ),
            "00inf|nan   |+inf"
        );
        assert_eq!(
            fmt("%*d|%-*d|%.*f", &[i(5), i(1), i(4), i(2), i(2), f(1.23456)]),
            "    1|2   |1.23"
        );
        assert_eq!(fmt("%%", &[]), "%");
        assert_eq!(fmt1("%.1s", &s("abc")), "a");
        assert_eq!(fmt1("%10.2s|", &s("abc")), "        ab|");
        assert_eq!(fmt1("%x", &i(-255)), "-ff");
        assert_eq!(fmt1("%#x", &i(-255)), "-0xff");
        assert_eq!(fmt1("%-#8x|", &i(255)), "0xff    |");
        assert_eq!(fmt1("%08.3f", &f(-1.23456)), "-001.235");
        assert_eq!(fmt("%i %u", &[i(1), i(2)]), "1 2");
        assert_eq!(fmt1("%a", &s("é")), "'\\xe9'");
        assert_eq!(fmt1("%r", &s("é")), "'é'");
        assert_eq!(fmt1("%s%%", &i(5)), "5%");
        assert_eq!(fmt1("% 05d", &i(5)), " 0005");
        assert_eq!(fmt1("%+05d", &i(-5)), "-0005");
        assert_eq!(fmt1("%0-5d|", &i(5)), "5    |");
        assert_eq!(fmt("%.0f %.0f", &[f(0.5), f(1.5)]), "0 2");
        assert_eq!(fmt1("%#.3x", &i(5)), "0x005");
        assert_eq!(fmt1("%.3x", &i(-5)), "-005");
        assert_eq!(fmt1("%c", &i(0x1F600)), "😀");
        assert_eq!(
            fmt1("x", &SimpleArg::other("[]", "[]", "list")),
            "not all arguments converted during string formatting"
                .to_string()
                .replace("not", "TypeError: not")
        );
        assert_eq!(
            fmt1("%s", &SimpleArg::other("[1, 2]", "[1, 2]", "list")),
            "[1, 2]"
        );
    }

    #[test]
    fn errors() {
        let none = SimpleArg::other("None", "None", "NoneType");
        assert_eq!(
            fmt1("%x", &f(3.0)),
            "TypeError: %x format: an integer is required, not float"
        );
        assert_eq!(
            fmt1("%d", &s("a")),
            "TypeError: %d format: a real number is required, not str"
        );
        assert_eq!(
            fmt1("%f", &s("a")),
            "TypeError: must be real number, not str"
        );
        assert_eq!(fmt1("%c", &s("ab")), "TypeError: %c requires int or char");
        assert_eq!(fmt1("%c", &f(1.5)), "TypeError: %c requires int or char");
        assert_eq!(
            fmt1("%c", &i(-1)),
            "OverflowError: %c arg not in range(0x110000)"
        );
        assert_eq!(
            fmt("%s", &[]),
            "TypeError: not enough arguments for format string"
        );
        assert_eq!(
            fmt("%s %s", &[i(1)]),
            "TypeError: not enough arguments for format string"
        );
        assert_eq!(
            fmt("%s", &[i(1), i(2)]),
            "TypeError: not all arguments converted during string formatting"
        );
        assert_eq!(
            fmt1("x", &i(5)),
            "TypeError: not all arguments converted during string formatting"
        );
        assert_eq!(fmt("x", &[]), "x");
        assert_eq!(
            fmt("%(a)s", &[i(1)]),
            "TypeError: format requires a mapping"
        );
        assert_eq!(fmt1("%(a)s", &i(5)), "TypeError: format requires a mapping");
        assert_eq!(fmt("%", &[]), "ValueError: incomplete format");
        assert_eq!(
            fmt1("%y", &i(1)),
            "ValueError: unsupported format character 'y' (0x79) at index 1"
        );
        assert_eq!(
            fmt1("abc %é", &i(1)),
            "ValueError: unsupported format character '?' (0xe9) at index 5"
        );
        assert_eq!(
            fmt1("%5%", &i(1)),
            "ValueError: unsupported format character '%' (0x25) at index 2"
        );
        assert_eq!(
            fmt("%5%", &[]),
            "TypeError: not enough arguments for format string"
        );
        assert_eq!(fmt("%*d", &[s("a"), i(1)]), "TypeError: * wants int");
        assert_eq!(fmt1("%.", &i(1)), "ValueError: incomplete format");
        assert_eq!(
            fmt("%s %*s", &[i(1)]),
            "TypeError: not enough arguments for format string"
        );
        assert_eq!(
            fmt1("%d", &f(f64::NAN)),
            "ValueError: cannot convert float NaN to integer"
        );
        assert_eq!(
            fmt1("%d", &f(f64::INFINITY)),
            "OverflowError: cannot convert float infinity to integer"
        );
        assert_eq!(
            fmt1("%d", &none),
            "TypeError: %d format: a real number is required, not NoneType"
        );
        assert_eq!(
            fmt1("%.2f", &none),
            "TypeError: must be real number, not NoneType"
        );
        assert_eq!(
            fmt1("%x", &none),
            "TypeError: %x format: an integer is required, not NoneType"
        );
        assert_eq!(fmt1("%s", &none), "None");
        assert_eq!(
            fmt("%d %d", &[i(1), i(2), i(3)]),
            "TypeError: not all arguments converted during string formatting"
        );
    }

    #[test]
    fn mappings() {
        let m = Map(vec![
            ("a".into(), i(1)),
            ("b".into(), s("x")),
            (" a ".into(), i(1)),
            ("(a)".into(), i(1)),
        ]);
        assert_eq!(fmt1("%(a)s %(b)r", &m), "1 'x'");
        assert_eq!(fmt1("%(a)s %(a)s", &m), "1 1");
        assert_eq!(fmt1("%(a)d", &m), "1");
        assert_eq!(fmt1("%(z)s", &m), "KeyError: 'z'");
        assert_eq!(fmt1("%(a", &m), "ValueError: incomplete format key");
        assert_eq!(fmt1("%(a)", &m), "ValueError: incomplete format");
        assert_eq!(
            fmt1("%(a)s %s", &m),
            "TypeError: not enough arguments for format string"
        );
        assert_eq!(fmt1("%s %(a)s", &m), "{...} 1");
        assert_eq!(fmt1("%( a )s", &m), "1");
        assert_eq!(fmt1("%((a))s", &m), "1");
        assert_eq!(fmt1("%s", &m), "{...}");
        assert_eq!(fmt1("x", &m), "x");
    }
}
