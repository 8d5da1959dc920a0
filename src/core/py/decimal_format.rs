//! `format(Decimal, spec)`, following CPython's `Decimal.__format__` (libmpdec): types
//! `e E f F g G n %` or none (`G`-like), `,` grouping, `z`; anything else is
//! `ValueError: invalid format string`.

use crate::core::py::bignum::BigUint;
use num_traits::Zero;

use super::decimal::{Decimal, ndigits, pow10};
use super::error::{PyErr, PyResult};
use super::format_spec::{
    Align, FormatSpec, MAX_WIDTH, assemble_number, assemble_number_ext, parse_spec,
};

fn bad() -> PyErr {
    PyErr::value("invalid format string")
}

/// Rounds to `n` significant digits (half-even).
fn round_sig(coef: &BigUint, exp: i64, n: u64) -> (BigUint, i64) {
    let d = ndigits(coef);
    if coef.is_zero() || d <= n {
        return (coef.clone(), exp);
    }
    let (c, e) = round_at(coef, exp, d - n);
    if ndigits(&c) > n {
        (c / 10u32, e + 1)
    } else {
        (c, e)
    }
}

fn round_at(coef: &BigUint, exp: i64, drop: u64) -> (BigUint, i64) {
    Decimal::from_parts(false, coef.clone(), exp).quantize_unbounded(exp + drop as i64)
}

/// Rescales to exponent `target` (half-even), padding zeros when needed.
fn rescale(coef: &BigUint, exp: i64, target: i64) -> PyResult<(BigUint, i64)> {
    if exp >= target {
        let pad = (exp - target) as u64;
        if pad > MAX_WIDTH as u64 {
            return Err(PyErr::memory());
        }
        Ok((coef * pow10(pad), target))
    } else {
        Ok(round_at(coef, exp, (target - exp) as u64))
    }
}

fn pad_plain(s: &str, f: &FormatSpec) -> String {
    let len = s.chars().count();
    if len >= f.width {
        return s.to_string();
    }
    let total = f.width - len;
    let fill = if f.fill == '0' && f.align == Some(Align::AfterSign) {
        ' '
    } else {
        f.fill
    };
    let (l, r) = match f.align.unwrap_or(Align::Right) {
        Align::Left => (0, total),
        Align::Right | Align::AfterSign => (total, 0),
        Align::Center => (total / 2, total - total / 2),
    };
    let mut out = String::new();
    out.extend(std::iter::repeat_n(fill, l));
    out.push_str(s);
    out.extend(std::iter::repeat_n(fill, r));
    out
}

/// Position just after `[[fill]align][sign][z][#]`, and whether an alignment was given.
fn after_flags(c: &[char]) -> (usize, bool) {
    let is_align = |ch: char| matches!(ch, '<' | '>' | '^' | '=');
    let mut i = 0;
    let mut aligned = false;
    if c.len() >= 2 && is_align(c[1]) {
        i = 2;
        aligned = true;
    } else if c.first().is_some_and(|&ch| is_align(ch)) {
        i = 1;
        aligned = true;
    }
    if c.get(i).is_some_and(|&ch| matches!(ch, '+' | '-' | ' ')) {
        i += 1;
    }
    if c.get(i) == Some(&'z') {
        i += 1;
    }
    if c.get(i) == Some(&'#') {
        i += 1;
    }
    (i, aligned)
}

/// libmpdec rejects the `0` flag after an explicit alignment, and a width starting with
/// `0` after the `0` flag.
fn bad_zero_pad(spec: &str) -> bool {
    let c: Vec<char> = spec.chars().collect();
    let (i, aligned) = after_flags(&c);
    c.get(i) == Some(&'0') && (aligned || c.get(i + 1) == Some(&'0'))
}

/// Whether the spec uses the `0` flag (as opposed to an explicit `0` fill).
fn zero_flag(spec: &str) -> bool {
    let c: Vec<char> = spec.chars().collect();
    let (i, aligned) = after_flags(&c);
    !aligned && c.get(i) == Some(&'0')
}

/// `format(d, spec)` for a Decimal.
pub fn format_decimal(d: &Decimal, spec: &str) -> PyResult<String> {
    if spec.is_empty() {
        return Ok(d.to_str());
    }
    let f = parse_spec(spec, "decimal.Decimal", true).map_err(|e| {
        if e.kind == super::error::PyErrKind::MemoryError {
            e
        } else {
            bad()
        }
    })?;
    if f.alternate || f.grouping == Some('_') || bad_zero_pad(spec) {
        return Err(bad());
    }
    let ty = f.ty.unwrap_or('G');
    if !matches!(ty, 'e' | 'E' | 'f' | 'F' | 'g' | 'G' | 'n' | '%') {
        return Err(bad());
    }
    let sign_for = |neg: bool| -> &'static str {
        if neg {
            "-"
        } else {
            match f.sign {
                Some('+') => "+",
                Some(' ') => " ",
                _ => "",
            }
        }
    };
    if d.is_nan() || d.is_infinite() {
        let body = if d.is_nan() { "NaN" } else { "Infinity" };
        let pct = if ty == '%' { "%" } else { "" };
        if zero_flag(spec) {
            // The `0` flag pads specials with spaces, right-aligned.
            return Ok(pad_plain(
                &format!("{}{body}{pct}", sign_for(d.is_signed())),
                &f,
            ));
        }
        return Ok(assemble_number(
            &f,
            sign_for(d.is_signed()),
            "",
            &format!("{body}{pct}"),
            "",
            3,
        ));
    }
    let (neg, coef, exp) = d.parts();
    let mut coef = coef.clone();
    let mut exp = exp;
    if ty == '%' {
        exp += 2;
    }
    let precision = f.precision.map(|p| {
        if matches!(ty, 'g' | 'G' | 'n') && p == 0 {
            1
        } else {
            p
        }
    });
    if let Some(p) = precision {
        match ty {
            'e' | 'E' => {
                (coef, exp) = round_sig(&coef, exp, p as u64 + 1);
                let d = ndigits(&coef);
                if !coef.is_zero() && d < p as u64 + 1 {
                    let pad = p as u64 + 1 - d;
                    coef *= pow10(pad);
                    exp -= pad as i64;
                }
            }
            'f' | 'F' | '%' => (coef, exp) = rescale(&coef, exp, -(p as i64))?,
            _ => (coef, exp) = round_sig(&coef, exp, p as u64),
        }
    }
    if coef.is_zero() && exp > 0 && matches!(ty, 'f' | 'F' | '%') {
        exp = 0;
    }
    let zero = coef.is_zero();
    let neg = neg && !(zero && f.no_neg_0);
    let digits = coef.to_str_radix(10);
    let len = digits.len() as i64;
    let leftdigits = exp + len;
    let dotplace = match ty {
        'e' | 'E' => {
            if zero && let Some(p) = precision {
                1 - p as i64
            } else {
                1
            }
        }
        'f' | 'F' | '%' => leftdigits,
        _ => {
            if exp <= 0 && leftdigits > -6 {
                leftdigits
            } else {
                1
            }
        }
    };
    if dotplace.unsigned_abs() > MAX_WIDTH as u64 {
        return Err(PyErr::memory());
    }
    let (intpart, fracpart) = if dotplace < 0 {
        ("0".to_string(), "0".repeat((-dotplace) as usize) + &digits)
    } else if dotplace > len {
        (
            digits.clone() + &"0".repeat((dotplace - len) as usize),
            String::new(),
        )
    } else {
        let (a, b) = digits.split_at(dotplace as usize);
        (
            if a.is_empty() {
                "0".to_string()
            } else {
                a.to_string()
            },
            b.to_string(),
        )
    };
    let exp_out = leftdigits - dotplace;
    let mut rest = String::new();
    if !fracpart.is_empty() {
        rest.push('.');
        rest.push_str(&fracpart);
    }
    if exp_out != 0 || matches!(ty, 'e' | 'E') {
        let echar = if matches!(ty, 'E' | 'G') { 'E' } else { 'e' };
        rest.push_str(&format!("{echar}{exp_out:+}"));
    }
    if ty == '%' {
        rest.push('%');
    }
    Ok(assemble_number_ext(
        &f,
        sign_for(neg),
        "",
        &intpart,
        &rest,
        3,
        zero_flag(spec),
    ))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn fmt(v: &str, spec: &str) -> String {
        match format_decimal(&Decimal::parse(v).unwrap(), spec) {
            Ok(s) => s,
            Err(e) => e.to_string(),
        }
    }

    #[test]
    fn decimal_formats() {
        let cases: &[(&str, &str, &str)] = &[
            ("1234.5678", ".2f", "1234.57"),
            ("1234.5678", ",.2f", "1,234.57"),
            ("1234.5678", "", "1234.5678"),
            ("1234.5678", "e", "1.2345678e+3"),
            ("1234.5678", ".2e", "1.23e+3"),
            ("1234.5678", "g", "1234.5678"),
            ("1234.5678", ".2g", "1.2e+3"),
            ("1234.5678", ".6g", "1234.57"),
            ("0.5", "%", "50%"),
            ("0.5", ".1%", "50.0%"),
            ("1E+2", "f", "100"),
            ("1E+2", "", "1E+2"),
            ("0E+3", "f", "0"),
            ("-0.001", ".2f", "-0.00"),
            ("-0.001", "z.2f", "0.00"),
            ("12.5", ">10", "      12.5"),
            ("12.5", "010.2f", "0000012.50"),
            ("1234567", ",", "1,234,567"),
            ("NaN", "10", "       NaN"),
            ("-Infinity", ".2f", "-Infinity"),
            ("0.00001234", "", "0.00001234"),
            ("0.00001234", "g", "0.00001234"),
            ("1.5", "E", "1.5E+0"),
            ("1.23E+7", ".3G", "1.23E+7"),
            ("0", ".3e", "0.000e+3"),
            ("0.000", "e", "0e-3"),
            ("2.5", ".0f", "2"),
            ("123", ".1e", "1.2e+2"),
            ("1.5", "n", "1.5"),
            ("1E+5", ".2", "1E+5"),
            ("1E+30", ",", "1E+30"),
            ("1234.5678", ".2", "1.2E+3"),
            ("1234.5678", ".0", "1E+3"),
            ("1234.5", ".2n", "1.2e+3"),
            ("0.000001234", ".2", "0.0000012"),
            ("1E+2", ".3", "1E+2"),
            ("12", ".0g", "1e+1"),
            ("123.456", "+.1f", "+123.5"),
            ("-5", " ", "-5"),
            ("1.5", "0>6", "0001.5"),
            ("1.5", "*^9.3f", "**1.500**"),
            ("1E+2", "%", "10000%"),
            ("NaN", "+", "+NaN"),
            ("-NaN", "", "-NaN"),
            ("Infinity", "010", "  Infinity"),
            ("0.5", ".0f", "0"),
            ("1.5", ".0f", "2"),
            ("-0", "f", "-0"),
            ("-0.0", "z", "0.0"),
            ("1.5", "d", "ValueError: invalid format string"),
            ("1.5", "#.0f", "ValueError: invalid format string"),
            ("5", "x", "ValueError: invalid format string"),
            ("1.5", "c", "ValueError: invalid format string"),
            ("123", "_", "ValueError: invalid format string"),
        ];
        for &(v, spec, want) in cases {
            assert_eq!(fmt(v, spec), want, "{v} {spec:?}");
        }
        assert!(fmt("1E+100000", ".2f").starts_with("1000000000"));
        assert_eq!(fmt("1E+2000000", ".2f"), "MemoryError");
    }
}
