//! The format-spec mini-language (`format()`, f-strings, `str.format`):
//! `[[fill]align][sign][z][#][0][width][grouping][.precision][type]`.

use super::error::{PyErr, PyResult};
use super::float::{FloatStyle, format_float_abs};
use super::int::Int;

/// Alignment in a format spec.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Align {
    /// `<`
    Left,
    /// `>`
    Right,
    /// `^`
    Center,
    /// `=` (padding between sign/prefix and digits)
    AfterSign,
}

/// A parsed format spec.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct FormatSpec {
    /// Fill character (default space).
    pub fill: char,
    /// Explicit alignment, if any.
    pub align: Option<Align>,
    /// `+`, `-` or ` `.
    pub sign: Option<char>,
    /// `z`: coerce negative zero to zero.
    pub no_neg_0: bool,
    /// `#`: alternate form.
    pub alternate: bool,
    /// Minimum width in characters.
    pub width: usize,
    /// `,` or `_`.
    pub grouping: Option<char>,
    /// Precision.
    pub precision: Option<usize>,
    /// Presentation type.
    pub ty: Option<char>,
}

/// Largest width/precision accepted before raising (keeps allocations bounded).
pub const MAX_WIDTH: usize = 1_000_000;

fn align_of(c: char) -> Option<Align> {
    match c {
        '<' => Some(Align::Left),
        '>' => Some(Align::Right),
        '^' => Some(Align::Center),
        '=' => Some(Align::AfterSign),
        _ => None,
    }
}

fn parse_number(chars: &[char], pos: &mut usize) -> PyResult<Option<usize>> {
    let start = *pos;
    let mut v: usize = 0;
    let mut overflow = false;
    while let Some(c) = chars.get(*pos).and_then(|c| c.to_digit(10)) {
        match v.checked_mul(10).and_then(|x| x.checked_add(c as usize)) {
            Some(n) if n <= i64::MAX as usize => v = n,
            _ => overflow = true,
        }
        *pos += 1;
    }
    if overflow {
        return Err(PyErr::value("Too many decimal digits in format string"));
    }
    if *pos == start {
        return Ok(None);
    }
    if v > MAX_WIDTH {
        return Err(PyErr::memory());
    }
    Ok(Some(v))
}

/// Parses `spec` for an object of type `type_name` (used in error messages), with the
/// type's default alignment (`'<'` for str, `'>'` for numbers).
pub fn parse_spec(spec: &str, type_name: &str, numeric: bool) -> PyResult<FormatSpec> {
    let chars: Vec<char> = spec.chars().collect();
    let mut f = FormatSpec {
        fill: ' ',
        align: None,
        sign: None,
        no_neg_0: false,
        alternate: false,
        width: 0,
        grouping: None,
        precision: None,
        ty: None,
    };
    let mut pos = 0;
    let mut fill_specified = false;
    if chars.len() >= 2 && align_of(chars[1]).is_some() {
        f.fill = chars[0];
        f.align = align_of(chars[1]);
        fill_specified = true;
        pos = 2;
    } else if let Some(a) = chars.first().and_then(|&c| align_of(c)) {
        f.align = Some(a);
        pos = 1;
    }
    if let Some(&c) = chars.get(pos)
        && matches!(c, '+' | '-' | ' ')
    {
        f.sign = Some(c);
        pos += 1;
    }
    if chars.get(pos) == Some(&'z') {
        f.no_neg_0 = true;
        pos += 1;
    }
    if chars.get(pos) == Some(&'#') {
        f.alternate = true;
        pos += 1;
    }
    if !fill_specified && chars.get(pos) == Some(&'0') {
        f.fill = '0';
        if f.align.is_none() && numeric {
            f.align = Some(Align::AfterSign);
        }
        pos += 1;
    }
    f.width = parse_number(&chars, &mut pos)?.unwrap_or(0);
    if let Some(&g) = chars.get(pos)
        && (g == ',' || g == '_')
    {
        f.grouping = Some(g);
        pos += 1;
        if let Some(&g2) = chars.get(pos) {
            if g2 == ',' && g == ',' {
                return Err(PyErr::value("Cannot specify ',' with ','."));
            }
            if g2 == ',' || g2 == '_' {
                if g2 != g {
                    return Err(PyErr::value("Cannot specify both ',' and '_'."));
                }
                return Err(PyErr::value(format!("Cannot specify '{g}' with '{g2}'.")));
            }
        }
    }
    if chars.get(pos) == Some(&'.') {
        pos += 1;
        match parse_number(&chars, &mut pos)? {
            Some(p) => f.precision = Some(p),
            None => return Err(PyErr::value("Format specifier missing precision")),
        }
    }
    let rest = chars.len() - pos;
    if rest > 1 {
        return Err(PyErr::value(format!(
            "Invalid format specifier '{spec}' for object of type '{type_name}'"
        )));
    }
    if rest == 1 {
        f.ty = chars.get(pos).copied();
    }
    if let Some(g) = f.grouping {
        let ok = match f.ty {
            None => true,
            Some(t) => {
                matches!(t, 'd' | 'e' | 'f' | 'g' | 'E' | 'G' | '%' | 'F')
                    || (g == '_' && matches!(t, 'b' | 'o' | 'x' | 'X'))
            }
        };
        if !ok {
            return Err(PyErr::value(format!(
                "Cannot specify '{g}' with '{}'.",
                f.ty.unwrap_or(' ')
            )));
        }
    }
    Ok(f)
}

fn unknown_code(t: char, type_name: &str) -> PyErr {
    let shown = if (' '..='~').contains(&t) {
        t.to_string()
    } else {
        format!("\\x{:x}", t as u32)
    };
    PyErr::value(format!(
        "Unknown format code '{shown}' for object of type '{type_name}'"
    ))
}

/// Pads `s` to the spec's width with its fill and alignment (`default` when none given).
fn pad(s: &str, f: &FormatSpec, default: Align) -> String {
    let len = s.chars().count();
    if len >= f.width {
        return s.to_string();
    }
    let total = f.width - len;
    let (left, right) = match f.align.unwrap_or(default) {
        Align::Left => (0, total),
        Align::Right | Align::AfterSign => (total, 0),
        Align::Center => (total / 2, total - total / 2),
    };
    let mut out = String::with_capacity(s.len() + total);
    out.extend(std::iter::repeat_n(f.fill, left));
    out.push_str(s);
    out.extend(std::iter::repeat_n(f.fill, right));
    out
}

/// `format(s, spec)` for a `str`.
pub fn format_str(s: &str, spec: &str) -> PyResult<String> {
    if spec.is_empty() {
        return Ok(s.to_string());
    }
    let f = parse_spec(spec, "str", false)?;
    if let (Some(g), None) = (f.grouping, f.ty) {
        return Err(PyErr::value(format!("Cannot specify '{g}' with 's'.")));
    }
    if let Some(t) = f.ty
        && t != 's'
    {
        return Err(unknown_code(t, "str"));
    }
    match f.sign {
        Some(' ') => return Err(PyErr::value("Space not allowed in string format specifier")),
        Some(_) => return Err(PyErr::value("Sign not allowed in string format specifier")),
        None => {}
    }
    if f.no_neg_0 {
        return Err(PyErr::value(
            "Negative zero coercion (z) not allowed in string format specifier",
        ));
    }
    if f.alternate {
        return Err(PyErr::value(
            "Alternate form (#) not allowed in string format specifier",
        ));
    }
    if f.align == Some(Align::AfterSign) {
        return Err(PyErr::value(
            "'=' alignment not allowed in string format specifier",
        ));
    }
    let body: String = match f.precision {
        Some(p) => s.chars().take(p).collect(),
        None => s.to_string(),
    };
    Ok(pad(&body, &f, Align::Left))
}

/// `format(obj, spec)` for objects whose `__format__` is `object.__format__`
/// (None, instances without `__format__`): `str(obj)` when spec is empty, else `TypeError`.
pub fn format_object(str_value: &str, type_name: &str, spec: &str) -> PyResult<String> {
    if spec.is_empty() {
        Ok(str_value.to_string())
    } else {
        Err(PyErr::type_err(format!(
            "unsupported format string passed to {type_name}.__format__"
        )))
    }
}

/// `format(b, spec)` for a `bool`: `'True'`/`'False'` for an empty spec, else as an int.
pub fn format_bool(b: bool, spec: &str) -> PyResult<String> {
    if spec.is_empty() {
        return Ok(if b { "True" } else { "False" }.to_string());
    }
    format_int_typed(&Int::from(b), spec, "bool")
}

/// Inserts grouping separators into ASCII `digits` every `group` digits, zero-padding
/// to `min_width` characters like CPython's `_PyUnicode_InsertThousandsGrouping`.
pub fn group_digits(digits: &str, sep: Option<char>, group: usize, min_width: usize) -> String {
    let Some(sep) = sep else {
        let n = digits.len();
        return if n < min_width {
            "0".repeat(min_width - n) + digits
        } else {
            digits.to_string()
        };
    };
    let d = digits.as_bytes();
    let mut remaining = d.len() as i64;
    let mut min_w = min_width as i64;
    let mut parts: Vec<String> = Vec::new();
    let mut use_sep = false;
    loop {
        let l = (group as i64).min(remaining.max(min_w).max(1));
        let zeros = (l - remaining).max(0);
        let n_chars = remaining.min(l).max(0);
        let mut chunk = String::new();
        chunk.extend(std::iter::repeat_n('0', zeros as usize));
        let end = remaining as usize;
        let start = end - n_chars as usize;
        chunk.push_str(std::str::from_utf8(d.get(start..end).unwrap_or(&[])).unwrap_or(""));
        if use_sep {
            chunk.push(sep);
        }
        parts.push(chunk);
        remaining -= n_chars;
        min_w -= l;
        if remaining <= 0 && min_w <= 0 {
            break;
        }
        min_w -= 1;
        use_sep = true;
    }
    parts.iter().rev().map(String::as_str).collect()
}

/// Assembles a formatted number: `sign` (possibly empty), `prefix` (`0x`…), integer
/// `digits` (ASCII, grouped here), and `rest` (fraction, exponent, `%`, already formatted).
pub fn assemble_number(
    f: &FormatSpec,
    sign: &str,
    prefix: &str,
    digits: &str,
    rest: &str,
    group_size: usize,
) -> String {
    assemble_number_ext(f, sign, prefix, digits, rest, group_size, true)
}

/// [`assemble_number`] where `group_zero_fill` says whether a `0` fill with `=` alignment
/// is grouped like digits (CPython's own formatters) or used as plain padding (libmpdec
/// with an explicit `0=`).
pub(crate) fn assemble_number_ext(
    f: &FormatSpec,
    sign: &str,
    prefix: &str,
    digits: &str,
    rest: &str,
    group_size: usize,
    group_zero_fill: bool,
) -> String {
    let numeric = digits
        .bytes()
        .all(|b| b.is_ascii_digit() || b.is_ascii_hexdigit());
    let fixed = sign.chars().count() + prefix.chars().count() + rest.chars().count();
    let zero_pad = group_zero_fill && f.fill == '0' && f.align == Some(Align::AfterSign);
    let min_width = if zero_pad && numeric {
        f.width.saturating_sub(fixed)
    } else {
        0
    };
    let grouped = if numeric {
        group_digits(digits, f.grouping, group_size, min_width)
    } else {
        digits.to_string()
    };
    let body_len = fixed + grouped.chars().count();
    let align = f.align.unwrap_or(Align::Right);
    if align == Align::AfterSign && body_len < f.width {
        let padn = f.width - body_len;
        let mut out = String::new();
        out.push_str(sign);
        out.push_str(prefix);
        out.extend(std::iter::repeat_n(f.fill, padn));
        out.push_str(&grouped);
        out.push_str(rest);
        return out;
    }
    let s = format!("{sign}{prefix}{grouped}{rest}");
    pad(&s, f, Align::Right)
}

fn sign_str(negative: bool, sign: Option<char>) -> &'static str {
    match (negative, sign) {
        (true, _) => "-",
        (false, Some('+')) => "+",
        (false, Some(' ')) => " ",
        _ => "",
    }
}

/// `format(n, spec)` for an `int`.
pub fn format_int(n: &Int, spec: &str) -> PyResult<String> {
    format_int_typed(n, spec, "int")
}

fn format_int_typed(n: &Int, spec: &str, type_name: &str) -> PyResult<String> {
    if spec.is_empty() {
        return n.to_py_str();
    }
    let f = parse_spec(spec, type_name, true)?;
    let t = f.ty.unwrap_or('d');
    match t {
        'e' | 'E' | 'f' | 'F' | 'g' | 'G' | '%' => return format_float_spec(n.to_f64()?, &f),
        'b' | 'c' | 'd' | 'o' | 'x' | 'X' | 'n' => {}
        _ => return Err(unknown_code(t, type_name)),
    }
    if f.precision.is_some() {
        return Err(PyErr::value(
            "Precision not allowed in integer format specifier",
        ));
    }
    if f.no_neg_0 {
        return Err(PyErr::value(
            "Negative zero coercion (z) not allowed in integer format specifier",
        ));
    }
    if t == 'c' {
        if f.sign.is_some() {
            return Err(PyErr::value(
                "Sign not allowed with integer format specifier 'c'",
            ));
        }
        if f.alternate {
            return Err(PyErr::value(
                "Alternate form (#) not allowed with integer format specifier 'c'",
            ));
        }
        let v = n
            .to_i64()
            .ok_or_else(|| PyErr::overflow("Python int too large to convert to C long"))?;
        let ch = u32::try_from(v)
            .ok()
            .and_then(char::from_u32)
            .ok_or_else(|| PyErr::overflow("%c arg not in range(0x110000)"))?;
        return Ok(pad(&ch.to_string(), &f, Align::Right));
    }
    let (radix, prefix, group) = match t {
        'b' => (2, "0b", 4),
        'o' => (8, "0o", 4),
        'x' => (16, "0x", 4),
        'X' => (16, "0X", 4),
        _ => (10, "", 3),
    };
    let mut digits = if radix == 10 {
        n.abs().to_py_str()?
    } else {
        n.abs_to_str_radix(radix)
    };
    if t == 'X' {
        digits = digits.to_ascii_uppercase();
    }
    let prefix = if f.alternate { prefix } else { "" };
    Ok(assemble_number(
        &f,
        sign_str(n.is_negative(), f.sign),
        prefix,
        &digits,
        "",
        group,
    ))
}

/// `format(x, spec)` for a `float`.
pub fn format_float(x: f64, spec: &str) -> PyResult<String> {
    if spec.is_empty() {
        return Ok(super::float::float_repr(x));
    }
    let f = parse_spec(spec, "float", true)?;
    format_float_spec(x, &f)
}

fn format_float_spec(x: f64, f: &FormatSpec) -> PyResult<String> {
    let (style, upper) = match f.ty {
        None => (FloatStyle::Repr, false),
        Some('e') => (FloatStyle::Exp, false),
        Some('E') => (FloatStyle::Exp, true),
        Some('f') => (FloatStyle::Fixed, false),
        Some('F') => (FloatStyle::Fixed, true),
        Some('g') | Some('n') => (FloatStyle::General, false),
        Some('G') => (FloatStyle::General, true),
        Some('%') => (FloatStyle::Percent, false),
        Some(t) => return Err(unknown_code(t, "float")),
    };
    let body = format_float_abs(x, style, f.precision, f.alternate, upper);
    let mut negative = x.is_sign_negative() && !x.is_nan();
    if negative && f.no_neg_0 && x.is_finite() && body.bytes().all(|b| !(b'1'..=b'9').contains(&b))
    {
        negative = false;
    }
    let split = body
        .find(|c: char| !c.is_ascii_digit())
        .unwrap_or(body.len());
    // `inf`/`nan` (also when `x * 100` overflows for `%`) are never grouped.
    let (digits, rest) = if split > 0 {
        body.split_at(split)
    } else {
        (body.as_str(), "")
    };
    Ok(assemble_number(
        f,
        sign_str(negative, f.sign),
        "",
        digits,
        rest,
        3,
    ))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn err(r: PyResult<String>) -> String {
        r.unwrap_err().to_string()
    }

    #[test]
    fn ints() {
        let i = |v: i64| Int::from(v);
        let cases: &[(i64, &str, &str)] = &[
            (42, "010", "0000000042"),
            (-42, "010", "-000000042"),
            (-42, "=+10", "-       42"),
            (42, "+", "+42"),
            (42, " ", " 42"),
            (255, "#x", "0xff"),
            (255, "#X", "0XFF"),
            (255, "#o", "0o377"),
            (255, "#b", "0b11111111"),
            (255, "08b", "11111111"),
            (1234567, ",", "1,234,567"),
            (1234567, "_", "1_234_567"),
            (1234567, "_x", "12_d687"),
            (-1234567, "012,", "-001,234,567"),
            (1234, "010,", "00,001,234"),
            (1234, "09,", "0,001,234"),
            (1234, "08,", "0,001,234"),
            (1234, "0=10,", "00,001,234"),
            (1234, "x=10,", "xxxxx1,234"),
            (12, "e", "1.200000e+01"),
            (12, "g", "12"),
            (12, "%", "1200.000000%"),
            (12, "n", "12"),
            (3, ".1%", "300.0%"),
            (-5, "x", "-5"),
            (-5, "#x", "-0x5"),
            (65, "c", "A"),
            (5, "c<3", "5cc"),
            (1, "<", "1"),
            (1, "=^5", "==1=="),
            (-3, "^7", "  -3   "),
            (-3, "*<7", "-3*****"),
            (-3, "*>7", "*****-3"),
            (255, "+#010x", "+0x00000ff"),
            (12345, "_o", "3_0071"),
            (12345, "_b", "11_0000_0011_1001"),
            (12345, "_X", "3039"),
            (123456789, "#012_x", "0x0_075b_cd15"),
            (12, "5", "   12"),
            (1, "0<5", "10000"),
            (1, "x<5", "1xxxx"),
        ];
        for &(v, spec, want) in cases {
            assert_eq!(format_int(&i(v), spec).unwrap(), want, "{v} {spec:?}");
        }
        let big = Int::from_str_radix("100000000000000000000", 10).unwrap();
        assert_eq!(
            format_int(&big, ",").unwrap(),
            "100,000,000,000,000,000,000"
        );
        let big30 = Int::from_str_radix("1000000000000000000000000000000", 10).unwrap();
        assert_eq!(
            format_int(&big30, "f").unwrap(),
            "1000000000000000019884624838656.000000"
        );
        assert_eq!(format_int(&big30, "e").unwrap(), "1.000000e+30");
        assert_eq!(format_int(&i(1), "c").unwrap(), "\u{1}");
    }

    #[test]
    fn int_errors() {
        let i = |v: i64| Int::from(v);
        let cases: &[(i64, &str, &str)] = &[
            (
                1,
                "s",
                "ValueError: Unknown format code 's' for object of type 'int'",
            ),
            (
                1,
                ".2d",
                "ValueError: Precision not allowed in integer format specifier",
            ),
            (1, ",,", "ValueError: Cannot specify ',' with ','."),
            (1, ",_", "ValueError: Cannot specify both ',' and '_'."),
            (1, "_,", "ValueError: Cannot specify both ',' and '_'."),
            (
                1,
                "z",
                "ValueError: Negative zero coercion (z) not allowed in integer format specifier",
            ),
            (-1, "c", "OverflowError: %c arg not in range(0x110000)"),
            (
                0x110000,
                "c",
                "OverflowError: %c arg not in range(0x110000)",
            ),
            (
                65,
                "+c",
                "ValueError: Sign not allowed with integer format specifier 'c'",
            ),
            (65, ",c", "ValueError: Cannot specify ',' with 'c'."),
            (
                1,
                "#c",
                "ValueError: Alternate form (#) not allowed with integer format specifier 'c'",
            ),
            (
                1,
                "q",
                "ValueError: Unknown format code 'q' for object of type 'int'",
            ),
            (1, "10.", "ValueError: Format specifier missing precision"),
            (
                1,
                "x,",
                "ValueError: Invalid format specifier 'x,' for object of type 'int'",
            ),
            (1, ",n", "ValueError: Cannot specify ',' with 'n'."),
            (
                1,
                "99999999999999999999",
                "ValueError: Too many decimal digits in format string",
            ),
            (
                1,
                ".99999999999999999999",
                "ValueError: Too many decimal digits in format string",
            ),
            (
                1,
                ".2z",
                "ValueError: Unknown format code 'z' for object of type 'int'",
            ),
            (
                1,
                "z+",
                "ValueError: Unknown format code '+' for object of type 'int'",
            ),
            (
                1,
                "+.2c",
                "ValueError: Precision not allowed in integer format specifier",
            ),
        ];
        for &(v, spec, want) in cases {
            assert_eq!(err(format_int(&i(v), spec)), want, "{v} {spec:?}");
        }
        assert_eq!(err(format_int(&i(1), "2000000")), "MemoryError");
    }

    #[test]
    fn floats() {
        let cases: &[(f64, &str, &str)] = &[
            (1234567.891, ",.2f", "1,234,567.89"),
            (1234567.891, "_", "1_234_567.891"),
            (0.5, "%", "50.000000%"),
            (0.5, ".0%", "50%"),
            (-0.0, "z.1f", "0.0"),
            (-0.001, "z.2f", "0.00"),
            (1e20, "", "1e+20"),
            (1.0, "e", "1.000000e+00"),
            (1.5, "n", "1.5"),
            (1.5, "", "1.5"),
            (f64::NAN, "010", "0000000nan"),
            (f64::NAN, "010,", "0000000nan"),
            (f64::NEG_INFINITY, "010", "-000000inf"),
            (f64::INFINITY, "=+10", "+      inf"),
            (-1.5, "010", "-0000001.5"),
            (1.5, "=10", "       1.5"),
            (1.23, "010.3", "0000001.23"),
            (12345.6789, "020,.2f", "0,000,000,012,345.68"),
            (3.0, "#", "3.0"),
            (3.0, "#.0", "3.e+00"),
            (-0.0, "", "-0.0"),
            (-0.0, "z", "0.0"),
            (-0.0, "z.3", "0.0"),
            (-1e-10, "z.2e", "-1.00e-10"),
            (-1e-10, "z%", "0.000000%"),
            (-0.0, "+z.1f", "+0.0"),
            (0.0, "+.1f", "+0.0"),
            (1e16, ".20", "10000000000000000.0"),
            (1e16, ".17", "1e+16"),
            (0.1, ".20", "0.10000000000000000555"),
            (123.456, ".1f", "123.5"),
            (0.0001234, ".2", "0.00012"),
            (1.0, ".0", "1e+00"),
            (1234.5, ",e", "1.234500e+03"),
            (1234.5, "_g", "1_234.5"),
            (12345678.9, ",g", "1.23457e+07"),
            (123456789.0, ",.12g", "123,456,789"),
            (f64::NAN, "+", "+nan"),
            (f64::NAN, "F", "NAN"),
            (-f64::NAN, "", "nan"),
        ];
        for &(v, spec, want) in cases {
            assert_eq!(format_float(v, spec).unwrap(), want, "{v} {spec:?}");
        }
        assert_eq!(
            err(format_float(1.5, "d")),
            "ValueError: Unknown format code 'd' for object of type 'float'"
        );
        assert_eq!(
            err(format_float(1.5, "c")),
            "ValueError: Unknown format code 'c' for object of type 'float'"
        );
        assert_eq!(
            err(format_float(1.0, ",x")),
            "ValueError: Cannot specify ',' with 'x'."
        );
        assert_eq!(
            err(format_float(1.0, ".f")),
            "ValueError: Format specifier missing precision"
        );
        assert_eq!(
            err(format_float(1.5, ",n")),
            "ValueError: Cannot specify ',' with 'n'."
        );
    }

    #[test]
    fn strings_and_objects() {
        assert_eq!(format_str("a", ".2s").unwrap(), "a");
        assert_eq!(format_str("abc", "^7").unwrap(), "  abc  ");
        assert_eq!(format_str("abc", "*^7").unwrap(), "**abc**");
        assert_eq!(format_str("abc", "<010").unwrap(), "abc0000000");
        assert_eq!(format_str("abc", "010").unwrap(), "abc0000000");
        assert_eq!(format_str("abc", "5").unwrap(), "abc  ");
        assert_eq!(format_str("é", "^5").unwrap(), "  é  ");
        assert_eq!(format_str("a", "\n^5").unwrap(), "\n\na\n\n");
        assert_eq!(format_str("hello", ".3").unwrap(), "hel");
        let cases: &[(&str, &str)] = &[
            (
                "d",
                "ValueError: Unknown format code 'd' for object of type 'str'",
            ),
            (
                "=",
                "ValueError: '=' alignment not allowed in string format specifier",
            ),
            (
                "+",
                "ValueError: Sign not allowed in string format specifier",
            ),
            (
                "-",
                "ValueError: Sign not allowed in string format specifier",
            ),
            (
                " ",
                "ValueError: Space not allowed in string format specifier",
            ),
            (
                "z",
                "ValueError: Negative zero coercion (z) not allowed in string format specifier",
            ),
            (
                "#",
                "ValueError: Alternate form (#) not allowed in string format specifier",
            ),
            (",", "ValueError: Cannot specify ',' with 's'."),
            (".", "ValueError: Format specifier missing precision"),
            (
                ".2z",
                "ValueError: Unknown format code 'z' for object of type 'str'",
            ),
            (
                "=10",
                "ValueError: '=' alignment not allowed in string format specifier",
            ),
        ];
        for &(spec, want) in cases {
            assert_eq!(
                format_str("abc", spec).map_err(|e| e.to_string()),
                Err(want.to_string()),
                "{spec:?}"
            );
        }
        assert_eq!(format_object("None", "NoneType", "").unwrap(), "None");
        assert_eq!(
            err(format_object("None", "NoneType", ">5")),
            "TypeError: unsupported format string passed to NoneType.__format__"
        );
        assert_eq!(format_bool(true, "").unwrap(), "True");
        assert_eq!(format_bool(true, "d").unwrap(), "1");
        assert_eq!(format_bool(true, ">5").unwrap(), "    1");
        assert_eq!(format_bool(true, ".2f").unwrap(), "1.00");
    }
}
