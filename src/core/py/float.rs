//! Python `float` semantics: repr, formatting digits, floor division/modulo, rounding, parsing.

use super::error::{PyErr, PyResult};
use super::int::Int;

/// Shortest round-trip decimal digits of a finite, non-zero `|x|`: `(digits, exp)` meaning
/// `d.ddd × 10^exp` (digits has no leading or trailing zeros).
///
/// Rust finds the shortest length; when two candidates of that length round-trip
/// (the value is an exact tie between them), CPython picks the correctly rounded one
/// (half-even), so the digits are recomputed with exact rounding at that length.
fn shortest_digits(x: f64) -> (String, i32) {
    let (d, _) = split_exp(&format!("{:e}", x.abs()));
    rounded_digits(x, d.len())
}

/// `|x|` rounded (half-even, exactly) to `sig` significant digits: `(digits, exp)`, digits
/// has exactly `sig` characters (`sig >= 1`).
fn rounded_digits(x: f64, sig: usize) -> (String, i32) {
    let p = sig.saturating_sub(1);
    split_exp(&format!("{:.*e}", p, x.abs()))
}

/// Splits Rust's `{:e}` output `d.ddde-5` into (`dddd`, -5).
fn split_exp(s: &str) -> (String, i32) {
    let (mant, exp) = s.split_once('e').unwrap_or((s, "0"));
    let digits: String = mant.chars().filter(|c| c.is_ascii_digit()).collect();
    (digits, exp.parse().unwrap_or(0))
}

/// Writes `digits × 10^exp` (one digit before the point) in fixed notation; `min_frac`
/// pads zeros after the point; `force_point` keeps a trailing `.` when there are no decimals.
fn fixed_from_digits(digits: &str, exp: i32, min_frac: usize, force_point: bool) -> String {
    let mut out = String::new();
    let n = digits.len() as i64;
    let e = i64::from(exp);
    let frac: String;
    if e < 0 {
        out.push('0');
        let zeros = (-e - 1) as usize;
        frac = "0".repeat(zeros) + digits;
    } else {
        let int_len = e + 1;
        if n <= int_len {
            out.push_str(digits);
            out.push_str(&"0".repeat((int_len - n) as usize));
            frac = String::new();
        } else {
            out.push_str(&digits[..int_len as usize]);
            frac = digits[int_len as usize..].to_string();
        }
    }
    let mut frac = frac;
    while frac.len() < min_frac {
        frac.push('0');
    }
    if !frac.is_empty() {
        out.push('.');
        out.push_str(&frac);
    } else if force_point {
        out.push('.');
    }
    out
}

/// Writes `digits × 10^exp` in scientific notation (`1.5e-05`).
fn sci_from_digits(digits: &str, exp: i32, upper: bool, force_point: bool) -> String {
    let mut out = String::new();
    out.push_str(&digits[..1]);
    if digits.len() > 1 {
        out.push('.');
        out.push_str(&digits[1..]);
    } else if force_point {
        out.push('.');
    }
    out.push(if upper { 'E' } else { 'e' });
    out.push(if exp < 0 { '-' } else { '+' });
    out.push_str(&format!("{:02}", exp.unsigned_abs()));
    out
}

/// `repr(x)` / `str(x)` for a Python float, byte-for-byte like CPython.
pub fn float_repr(x: f64) -> String {
    let body = format_float_abs(x, FloatStyle::Repr, None, false, false);
    if x.is_sign_negative() && !x.is_nan() {
        format!("-{body}")
    } else {
        body
    }
}

/// Presentation style for [`format_float_abs`].
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum FloatStyle {
    /// `repr()`/`str()`, and the format spec with no type (precision optional).
    Repr,
    /// `f` / `F` (`upper`).
    Fixed,
    /// `e` / `E`.
    Exp,
    /// `g` / `G` / `n`.
    General,
    /// `%` (value × 100, fixed, then `%`).
    Percent,
}

/// Formats `|x|` (the sign is the caller's business) in `style` with optional precision,
/// `alternate` (`#`) and `upper` (`E`, `F`, `G`) as CPython's `format()` does.
pub fn format_float_abs(
    x: f64,
    style: FloatStyle,
    precision: Option<usize>,
    alternate: bool,
    upper: bool,
) -> String {
    let a = x.abs();
    if !a.is_finite() {
        let s = if a.is_nan() { "nan" } else { "inf" };
        let s = if upper {
            s.to_ascii_uppercase()
        } else {
            s.to_string()
        };
        return if style == FloatStyle::Percent {
            s + "%"
        } else {
            s
        };
    }
    match style {
        FloatStyle::Fixed => {
            let p = precision.unwrap_or(6);
            let mut s = format!("{:.*}", p, a);
            if alternate && p == 0 {
                s.push('.');
            }
            s
        }
        FloatStyle::Percent => {
            let p = precision.unwrap_or(6);
            let y = a * 100.0;
            if y.is_infinite() {
                return if upper { "INF%" } else { "inf%" }.to_string();
            }
            let mut s = format!("{:.*}", p, y);
            if alternate && p == 0 {
                s.push('.');
            }
            s.push('%');
            s
        }
        FloatStyle::Exp => {
            let p = precision.unwrap_or(6);
            let (d, e) = if a == 0.0 {
                ("0".repeat(p + 1), 0)
            } else {
                rounded_digits(a, p + 1)
            };
            sci_from_digits(&d, e, upper, alternate)
        }
        FloatStyle::General => {
            let p = precision.unwrap_or(6).max(1);
            general(a, p, alternate, upper, false)
        }
        FloatStyle::Repr => match precision {
            None => {
                if a == 0.0 {
                    return "0.0".to_string();
                }
                let (d, e) = shortest_digits(a);
                if !(-4..16).contains(&e) {
                    sci_from_digits(&d, e, upper, alternate)
                } else {
                    let s = fixed_from_digits(&d, e, 0, false);
                    if s.contains('.') { s } else { s + ".0" }
                }
            }
            Some(p) => general(a, p.max(1), alternate, upper, true),
        },
    }
}

/// `g` formatting of a finite `a >= 0` with `p >= 1` significant digits.
fn general(a: f64, p: usize, alternate: bool, upper: bool, add_dot_0: bool) -> String {
    let (mut d, e) = if a == 0.0 {
        ("0".to_string(), 0)
    } else {
        rounded_digits(a, p)
    };
    if !alternate {
        while d.len() > 1 && d.ends_with('0') {
            d.pop();
        }
    }
    let limit = if add_dot_0 { p as i64 - 1 } else { p as i64 };
    let use_sci = e < -4 || i64::from(e) >= limit;
    if use_sci {
        sci_from_digits(&d, e, upper, alternate)
    } else {
        let mut s = if alternate {
            // Keep `p` significant digits.
            let frac = (p as i64 - 1 - i64::from(e)).max(0) as usize;
            fixed_from_digits(&d, e, frac, true)
        } else {
            fixed_from_digits(&d, e, 0, false)
        };
        if add_dot_0 && !s.contains('.') {
            s.push_str(".0");
        }
        s
    }
}

/// Python's `x % y` for floats.
pub fn float_mod(x: f64, y: f64) -> PyResult<f64> {
    if y == 0.0 {
        return Err(PyErr::zero_div("float modulo"));
    }
    let mut m = x % y;
    if m != 0.0 {
        if (y < 0.0) != (m < 0.0) {
            m += y;
        }
    } else {
        m = 0.0f64.copysign(y);
    }
    Ok(m)
}

fn divmod_core(x: f64, y: f64) -> (f64, f64) {
    let mut m = x % y;
    let mut div = (x - m) / y;
    if m != 0.0 {
        if (y < 0.0) != (m < 0.0) {
            m += y;
            div -= 1.0;
        }
    } else {
        m = 0.0f64.copysign(y);
    }
    let fd = if div != 0.0 {
        let mut f = div.floor();
        if div - f > 0.5 {
            f += 1.0;
        }
        f
    } else {
        0.0f64.copysign(x / y)
    };
    (fd, m)
}

/// Python's `x // y` for floats.
pub fn float_floordiv(x: f64, y: f64) -> PyResult<f64> {
    if y == 0.0 {
        return Err(PyErr::zero_div("float floor division by zero"));
    }
    Ok(divmod_core(x, y).0)
}

/// Python's `divmod(x, y)` for floats.
pub fn float_divmod(x: f64, y: f64) -> PyResult<(f64, f64)> {
    if y == 0.0 {
        return Err(PyErr::zero_div("float divmod()"));
    }
    Ok(divmod_core(x, y))
}

/// Python's `x / y` for floats.
pub fn float_truediv(x: f64, y: f64) -> PyResult<f64> {
    if y == 0.0 {
        return Err(PyErr::zero_div("float division by zero"));
    }
    Ok(x / y)
}

/// Python's `x ** y` for floats (complex results are reported as `ValueError`).
pub fn float_pow(x: f64, y: f64) -> PyResult<f64> {
    if x == 0.0 && y < 0.0 && y.is_finite() {
        return Err(PyErr::zero_div("0.0 cannot be raised to a negative power"));
    }
    if x < 0.0 && x.is_finite() && y.is_finite() && y.fract() != 0.0 {
        return Err(PyErr::value("complex results are not supported"));
    }
    let r = x.powf(y);
    if r.is_infinite() && x.is_finite() && y.is_finite() {
        return Err(PyErr::overflow("(34, 'Numerical result out of range')"));
    }
    Ok(r)
}

/// `round(x)`: round half to even, returning an int.
pub fn float_round_to_int(x: f64) -> PyResult<Int> {
    Int::from_f64(x.round_ties_even())
}

/// `round(x, ndigits)`: correctly rounded (half-even on the exact binary value) like CPython.
pub fn float_round(x: f64, ndigits: i64) -> f64 {
    if !x.is_finite() || x == 0.0 {
        return x;
    }
    if ndigits > 323 {
        return x;
    }
    if ndigits < -308 {
        return 0.0 * x;
    }
    if ndigits >= 0 {
        let s = format!("{:.*}", ndigits as usize, x);
        let r = super::float_text::parse_decimal(&s).unwrap_or(x);
        if r.is_infinite() {
            return x;
        }
        return r;
    }
    // Negative ndigits: round to a multiple of 10^k on the exact integer/fraction value.
    let k = ndigits.unsigned_abs() as u32;
    let neg = x < 0.0;
    let (n, frac_nonzero) = exact_trunc_abs(x);
    let p = crate::core::py::bignum::BigUint::from(10u32).pow(k);
    let q = &n / &p;
    let r = &n % &p;
    let twice = &r * 2u32;
    let round_up = match twice.cmp(&p) {
        std::cmp::Ordering::Greater => true,
        std::cmp::Ordering::Less => false,
        std::cmp::Ordering::Equal => frac_nonzero || q.bit(0),
    };
    let q = if round_up { q + 1u32 } else { q };
    let res = Int::from_biguint(q * p).to_f64().unwrap_or(f64::INFINITY);
    if neg { -res } else { res }
}

/// The exact integer part of `|x|` and whether a fractional part exists.
fn exact_trunc_abs(x: f64) -> (crate::core::py::bignum::BigUint, bool) {
    let a = x.abs();
    let t = a.trunc();
    let n = Int::from_f64(t)
        .map(|i| i.to_bigint().magnitude().clone())
        .unwrap_or_default();
    (n, a != t)
}

/// `float(s)` for a string: whitespace stripped, underscores between digits, `inf`/`nan`.
pub fn parse_float(s: &str) -> PyResult<f64> {
    let err = || {
        PyErr::value(format!(
            "could not convert string to float: {}",
            super::strings::str_repr(s)
        ))
    };
    let ascii = super::strings::decimal_and_space_to_ascii(s);
    let t = ascii.trim_matches(super::strings::is_py_space);
    let (sign, body) = match t.as_bytes().first() {
        Some(b'+') => (1.0, &t[1..]),
        Some(b'-') => (-1.0, &t[1..]),
        _ => (1.0, t),
    };
    let lower = body.to_ascii_lowercase();
    match lower.as_str() {
        "inf" | "infinity" => return Ok(sign * f64::INFINITY),
        "nan" => return Ok(f64::NAN.copysign(sign)),
        _ => {}
    }
    if !valid_float_literal(body) {
        return Err(err());
    }
    let clean: String = body.chars().filter(|&c| c != '_').collect();
    let v = super::float_text::parse_decimal(&clean).ok_or_else(err)?;
    Ok(sign * v)
}

/// Checks `digits ['.' [digits]] | '.' digits` then optional exponent, with single
/// underscores only between digits.
fn valid_float_literal(s: &str) -> bool {
    let b = s.as_bytes();
    let mut i = 0;
    let digit_part = |i: &mut usize| -> bool {
        let start = *i;
        while *i < b.len() {
            let underscore_ok =
                b[*i] == b'_' && *i > start && b.get(*i + 1).is_some_and(|c| c.is_ascii_digit());
            if b[*i].is_ascii_digit() || underscore_ok {
                *i += 1;
            } else {
                break;
            }
        }
        *i > start
    };
    let int_ok = digit_part(&mut i);
    let mut frac_ok = false;
    if i < b.len() && b[i] == b'.' {
        i += 1;
        frac_ok = digit_part(&mut i);
    }
    if !int_ok && !frac_ok {
        return false;
    }
    if i < b.len() && (b[i] == b'e' || b[i] == b'E') {
        i += 1;
        if i < b.len() && (b[i] == b'+' || b[i] == b'-') {
            i += 1;
        }
        if !digit_part(&mut i) {
            return false;
        }
    }
    i == b.len()
}

/// `float.is_integer()`.
pub fn float_is_integer(x: f64) -> bool {
    x.is_finite() && x.fract() == 0.0
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn repr_matches_cpython() {
        let cases: &[(f64, &str)] = &[
            (1.0, "1.0"),
            (0.1, "0.1"),
            (1e16, "1e+16"),
            (1.5e-5, "1.5e-05"),
            (f64::INFINITY, "inf"),
            (f64::NEG_INFINITY, "-inf"),
            (f64::NAN, "nan"),
            (-0.0, "-0.0"),
            (0.0, "0.0"),
            (123456789012345.6, "123456789012345.6"),
            (1e22, "1e+22"),
            (0.0001, "0.0001"),
            (0.00001, "1e-05"),
            (9999999999999998.0, "9999999999999998.0"),
            (0.1 + 0.2, "0.30000000000000004"),
            (1.7976931348623157e308, "1.7976931348623157e+308"),
            (5e-324, "5e-324"),
            (2.5, "2.5"),
            (-123.456, "-123.456"),
            (1e100, "1e+100"),
            (819749904125048.2, "819749904125048.2"),
            (100.0, "100.0"),
            (1234567.0, "1234567.0"),
        ];
        for &(x, want) in cases {
            assert_eq!(float_repr(x), want, "{x:?}");
        }
    }

    #[test]
    fn format_styles() {
        // python3 -c "print(format(1.0,'.3'), format(1e20,''), format(123.0,'.3'), ...)"
        let f = |x: f64, st, p, alt, up| format_float_abs(x, st, p, alt, up);
        assert_eq!(f(1.0, FloatStyle::Repr, Some(3), false, false), "1.0");
        assert_eq!(
            f(123.0, FloatStyle::Repr, Some(3), false, false),
            "1.23e+02"
        );
        assert_eq!(f(12.0, FloatStyle::Repr, Some(3), false, false), "12.0");
        assert_eq!(f(1.0, FloatStyle::Repr, Some(1), false, false), "1e+00");
        assert_eq!(f(0.0, FloatStyle::Repr, Some(1), false, false), "0e+00");
        assert_eq!(f(1.5, FloatStyle::Repr, Some(3), true, false), "1.50");
        assert_eq!(f(15.0, FloatStyle::Repr, Some(3), true, false), "15.0");
        assert_eq!(
            f(1234.0, FloatStyle::Repr, Some(3), false, false),
            "1.23e+03"
        );
        assert_eq!(f(1e20, FloatStyle::Repr, None, false, false), "1e+20");
        assert_eq!(f(0.5, FloatStyle::General, None, false, false), "0.5");
        assert_eq!(f(1e-5, FloatStyle::General, None, false, false), "1e-05");
        assert_eq!(
            f(123456789.0, FloatStyle::General, None, false, false),
            "1.23457e+08"
        );
        assert_eq!(f(1.0, FloatStyle::General, None, true, false), "1.00000");
        assert_eq!(f(0.0, FloatStyle::General, None, true, false), "0.00000");
        assert_eq!(
            f(100.0, FloatStyle::General, Some(2), false, false),
            "1e+02"
        );
        assert_eq!(
            f(100.0, FloatStyle::General, Some(2), true, false),
            "1.0e+02"
        );
        assert_eq!(f(1.23456, FloatStyle::Fixed, Some(2), false, false), "1.23");
        assert_eq!(f(3.0, FloatStyle::Fixed, Some(0), true, false), "3.");
        assert_eq!(f(2.5, FloatStyle::Fixed, Some(0), false, false), "2");
        assert_eq!(
            f(12345.678, FloatStyle::Exp, None, false, false),
            "1.234568e+04"
        );
        assert_eq!(f(12345.678, FloatStyle::Exp, Some(0), false, true), "1E+04");
        assert_eq!(f(0.0, FloatStyle::Exp, Some(2), false, false), "0.00e+00");
        assert_eq!(
            f(0.256, FloatStyle::Percent, Some(1), false, false),
            "25.6%"
        );
        assert_eq!(
            f(f64::INFINITY, FloatStyle::Fixed, None, false, true),
            "INF"
        );
        assert_eq!(f(1e-4, FloatStyle::Repr, Some(3), false, false), "0.0001");
        assert_eq!(f(0.0, FloatStyle::Repr, Some(3), false, false), "0.0");
    }

    #[test]
    fn floor_div_and_mod() {
        assert_eq!(float_floordiv(-7.5, 2.0), Ok(-4.0));
        assert_eq!(float_mod(-7.5, 2.0), Ok(0.5));
        assert_eq!(float_mod(7.5, -2.0), Ok(-0.5));
        assert_eq!(float_repr(float_mod(-0.0, 1.0).unwrap()), "0.0");
        assert_eq!(float_repr(float_mod(0.0, -1.0).unwrap()), "-0.0");
        assert!(float_floordiv(f64::INFINITY, 1.0).unwrap().is_nan());
        assert_eq!(
            float_mod(1.0, 0.0).unwrap_err().to_string(),
            "ZeroDivisionError: float modulo"
        );
        assert_eq!(
            float_floordiv(1.0, 0.0).unwrap_err().to_string(),
            "ZeroDivisionError: float floor division by zero"
        );
        assert_eq!(
            float_divmod(1.0, 0.0).unwrap_err().message,
            "float divmod()"
        );
        assert_eq!(
            float_truediv(1.0, 0.0).unwrap_err().message,
            "float division by zero"
        );
        assert_eq!(
            float_pow(0.0, -1.0).unwrap_err().message,
            "0.0 cannot be raised to a negative power"
        );
        assert_eq!(
            float_pow(10.0, 400.0).unwrap_err().message,
            "(34, 'Numerical result out of range')"
        );
    }

    #[test]
    fn rounding() {
        assert_eq!(float_round(2.675, 2), 2.67);
        assert_eq!(float_round(25.4, -1), 30.0);
        assert_eq!(float_round(15.0, -1), 20.0);
        assert_eq!(float_round(25.0, -1), 20.0);
        assert_eq!(float_round(1e300, -400), 0.0);
        assert_eq!(float_round(1.23, 400), 1.23);
        assert_eq!(float_round_to_int(0.5).unwrap().to_string(), "0");
        assert_eq!(float_round_to_int(1.5).unwrap().to_string(), "2");
        assert_eq!(float_round_to_int(-0.5).unwrap().to_string(), "0");
        assert_eq!(
            float_round_to_int(f64::INFINITY).unwrap_err().to_string(),
            "OverflowError: cannot convert float infinity to integer"
        );
        assert_eq!(
            float_round_to_int(f64::NAN).unwrap_err().to_string(),
            "ValueError: cannot convert float NaN to integer"
        );
    }

    #[test]
    fn parsing() {
        assert_eq!(parse_float("  3.5 "), Ok(3.5));
        assert_eq!(parse_float(" 1_0.5 "), Ok(10.5));
        assert_eq!(parse_float("1e5"), Ok(100000.0));
        assert_eq!(parse_float("-Infinity"), Ok(f64::NEG_INFINITY));
        assert_eq!(parse_float("1e500"), Ok(f64::INFINITY));
        assert!(parse_float("nan").unwrap().is_nan());
        assert_eq!(parse_float(".5"), Ok(0.5));
        assert_eq!(parse_float("5."), Ok(5.0));
        for bad in [
            "x", "", "1__0", "_1", "1_", "1e", ".", "1.2.3", "infx", "0x10",
        ] {
            assert_eq!(
                parse_float(bad).unwrap_err().to_string(),
                format!(
                    "ValueError: could not convert string to float: {}",
                    crate::core::py::strings::str_repr(bad)
                )
            );
        }
        assert!(float_is_integer(2.0));
        assert!(!float_is_integer(2.5));
        assert!(!float_is_integer(f64::INFINITY));
    }

    proptest::proptest! {
        #[test]
        fn repr_round_trips(bits in proptest::prelude::any::<u64>()) {
            let x = f64::from_bits(bits);
            if x.is_finite() {
                let s = float_repr(x);
                proptest::prop_assert_eq!(s.parse::<f64>().unwrap().to_bits(), x.to_bits());
            }
        }
    }
}
