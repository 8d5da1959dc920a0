//! Python's `decimal.Decimal` in the default context (prec 28, ROUND_HALF_EVEN,
//! Emax 999999, Emin -999999; InvalidOperation, DivisionByZero and Overflow trapped).
//! Arithmetic lives in `decimal_arith.rs`, formatting in `decimal_format.rs`.

use std::cmp::Ordering;

use crate::core::py::bignum::BigUint;
use num_integer::Integer;
use num_traits::{ToPrimitive, Zero};

use super::error::{PyErr, PyErrKind, PyResult};
use super::int::Int;

/// Context precision.
pub const PREC: u64 = 28;
/// Context Emax.
pub const EMAX: i64 = 999_999;
/// Context Emin.
pub const EMIN: i64 = -999_999;
pub(super) const ETINY: i64 = EMIN - PREC as i64 + 1;
/// Largest exponent magnitude accepted when parsing (keeps arithmetic bounded).
const MAX_PARSE_EXP: i64 = 1 << 40;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum Kind {
    Finite,
    Inf,
    NaN,
}

/// A `decimal.Decimal`: sign, coefficient, exponent (or Infinity / NaN).
#[derive(Clone, Debug)]
pub struct Decimal {
    pub(super) negative: bool,
    pub(super) coef: BigUint,
    pub(super) exp: i64,
    pub(super) kind: Kind,
}

pub(super) fn signal(kind: PyErrKind, cls: &str) -> PyErr {
    PyErr::new(kind, format!("[<class 'decimal.{cls}'>]"))
}
pub(super) fn invalid_op() -> PyErr {
    signal(PyErrKind::InvalidOperation, "InvalidOperation")
}
pub(super) fn conversion_syntax() -> PyErr {
    signal(PyErrKind::InvalidOperation, "ConversionSyntax")
}
pub(super) fn division_undefined() -> PyErr {
    signal(PyErrKind::InvalidOperation, "DivisionUndefined")
}
pub(super) fn division_impossible() -> PyErr {
    signal(PyErrKind::InvalidOperation, "DivisionImpossible")
}
pub(super) fn division_by_zero() -> PyErr {
    signal(PyErrKind::DivisionByZero, "DivisionByZero")
}
pub(super) fn overflow() -> PyErr {
    signal(PyErrKind::DecimalOverflow, "Overflow")
}

/// Number of decimal digits of `c` (1 for zero).
pub(crate) fn ndigits(c: &BigUint) -> u64 {
    if let Some(v) = c.to_u64() {
        return if v == 0 { 1 } else { u64::from(v.ilog10()) + 1 };
    }
    c.to_str_radix(10).len() as u64
}

pub(crate) fn pow10(n: u64) -> BigUint {
    num_traits::pow(BigUint::from(10u32), n as usize)
}

/// Drops `drop` low digits with half-even rounding (`sticky`: nonzero digits were already
/// discarded below these).
pub(super) fn round_digits(coef: &BigUint, exp: i64, drop: u64, sticky: bool) -> (BigUint, i64) {
    if drop == 0 {
        return (coef.clone(), exp);
    }
    if drop > ndigits(coef) + 1 {
        return (BigUint::zero(), exp + drop as i64);
    }
    let p = pow10(drop);
    let (q, r) = coef.div_rem(&p);
    let twice = &r + &r;
    let up = match twice.cmp(&p) {
        Ordering::Greater => true,
        Ordering::Less => false,
        Ordering::Equal => sticky || q.is_odd(),
    };
    (if up { q + 1u32 } else { q }, exp + drop as i64)
}

impl Decimal {
    pub(super) fn finite(negative: bool, coef: BigUint, exp: i64) -> Decimal {
        Decimal {
            negative,
            coef,
            exp,
            kind: Kind::Finite,
        }
    }

    pub(super) fn special(negative: bool, kind: Kind) -> Decimal {
        Decimal {
            negative,
            coef: BigUint::zero(),
            exp: 0,
            kind,
        }
    }

    /// Rounds to the context precision and checks the exponent limits.
    pub(super) fn finalize(
        negative: bool,
        coef: BigUint,
        exp: i64,
        sticky: bool,
    ) -> PyResult<Decimal> {
        let mut coef = coef;
        let mut exp = exp;
        let d = ndigits(&coef);
        if d > PREC {
            (coef, exp) = round_digits(&coef, exp, d - PREC, sticky);
            if ndigits(&coef) > PREC {
                coef /= 10u32;
                exp += 1;
            }
        }
        if exp < ETINY {
            if coef.is_zero() {
                exp = ETINY;
            } else {
                (coef, exp) = round_digits(&coef, exp, (ETINY - exp) as u64, sticky);
            }
        }
        if coef.is_zero() {
            exp = exp.min(EMAX);
        } else if exp + ndigits(&coef) as i64 - 1 > EMAX {
            return Err(overflow());
        }
        Ok(Decimal::finite(negative, coef, exp))
    }

    /// `Decimal(s)` for a string (whitespace, underscores, `NaN`, `Infinity`, `inf`).
    pub fn parse(s: &str) -> PyResult<Decimal> {
        // CPython maps Unicode digits/spaces to ASCII, strips, then drops every underscore.
        let ascii = super::strings::decimal_and_space_to_ascii(s);
        let t: String = ascii
            .trim_matches(super::strings::is_py_space)
            .chars()
            .filter(|&c| c != '_')
            .collect();
        let t = t.as_str();
        let (negative, body) = match t.as_bytes().first() {
            Some(b'-') => (true, &t[1..]),
            Some(b'+') => (false, &t[1..]),
            _ => (false, t),
        };
        let lower = body.to_ascii_lowercase();
        match lower.as_str() {
            "inf" | "infinity" => return Ok(Decimal::special(negative, Kind::Inf)),
            "nan" | "snan" => return Ok(Decimal::special(negative, Kind::NaN)),
            _ => {}
        }
        let b = body.as_bytes();
        let mut i = 0;
        let mut digits = String::new();
        let mut frac_len: i64 = 0;
        let read_digits = |i: &mut usize, out: &mut String| -> usize {
            let start = *i;
            let mut n = 0;
            while *i < b.len() {
                let c = b[*i];
                if c.is_ascii_digit() {
                    out.push(c as char);
                    n += 1;
                } else if c == b'_' && *i > start && b.get(*i + 1).is_some_and(u8::is_ascii_digit) {
                } else {
                    break;
                }
                *i += 1;
            }
            n
        };
        let n_int = read_digits(&mut i, &mut digits);
        let mut n_frac = 0;
        if i < b.len() && b[i] == b'.' {
            i += 1;
            n_frac = read_digits(&mut i, &mut digits);
            frac_len = n_frac as i64;
        }
        if n_int + n_frac == 0 {
            return Err(conversion_syntax());
        }
        let mut exp: i64 = 0;
        if i < b.len() && (b[i] == b'e' || b[i] == b'E') {
            i += 1;
            let eneg = match b.get(i) {
                Some(b'-') => {
                    i += 1;
                    true
                }
                Some(b'+') => {
                    i += 1;
                    false
                }
                _ => false,
            };
            let mut ed = String::new();
            if read_digits(&mut i, &mut ed) == 0 {
                return Err(conversion_syntax());
            }
            let ed = ed.trim_start_matches('0');
            exp = if ed.len() > 15 {
                MAX_PARSE_EXP + 1
            } else {
                ed.parse::<i64>().unwrap_or(0)
            };
            if exp > MAX_PARSE_EXP {
                return Err(conversion_syntax());
            }
            if eneg {
                exp = -exp;
            }
        }
        if i != b.len() {
            return Err(conversion_syntax());
        }
        let coef = BigUint::parse_bytes(digits.as_bytes(), 10).ok_or_else(conversion_syntax)?;
        Ok(Decimal::finite(negative, coef, exp - frac_len))
    }

    /// `Decimal(n)` for an int (exact).
    pub fn from_int(n: &Int) -> Decimal {
        Decimal::finite(n.is_negative(), n.to_bigint().magnitude().clone(), 0)
    }

    /// `Decimal(x)` for a float: the exact binary value.
    pub fn from_f64(x: f64) -> Decimal {
        if x.is_nan() {
            return Decimal::special(false, Kind::NaN);
        }
        if x.is_infinite() {
            return Decimal::special(x < 0.0, Kind::Inf);
        }
        let negative = x.is_sign_negative();
        if x == 0.0 {
            return Decimal::finite(negative, BigUint::zero(), 0);
        }
        let bits = x.abs().to_bits();
        let raw = ((bits >> 52) & 0x7ff) as i64;
        let frac = bits & ((1u64 << 52) - 1);
        let (mant, e) = if raw == 0 {
            (frac, -1074)
        } else {
            (frac | (1 << 52), raw - 1075)
        };
        let tz = mant.trailing_zeros() as i64;
        let (mant, e) = (mant >> tz, e + tz);
        if e >= 0 {
            Decimal::finite(negative, BigUint::from(mant) << (e as usize), 0)
        } else {
            let five = num_traits::pow(BigUint::from(5u32), (-e) as usize);
            Decimal::finite(negative, BigUint::from(mant) * five, e)
        }
    }

    /// `d.is_zero()`.
    pub fn is_zero(&self) -> bool {
        self.kind == Kind::Finite && self.coef.is_zero()
    }
    /// `d.is_nan()`.
    pub fn is_nan(&self) -> bool {
        self.kind == Kind::NaN
    }
    /// `d.is_infinite()`.
    pub fn is_infinite(&self) -> bool {
        self.kind == Kind::Inf
    }
    /// `d.is_signed()`.
    pub fn is_signed(&self) -> bool {
        self.negative
    }
    /// The exponent of a finite value.
    pub fn exponent(&self) -> i64 {
        self.exp
    }
    /// Coefficient digits of a finite value (`"0"` for zero).
    pub fn coefficient_digits(&self) -> String {
        self.coef.to_str_radix(10)
    }
    pub(crate) fn parts(&self) -> (bool, &BigUint, i64) {
        (self.negative, &self.coef, self.exp)
    }
    pub(crate) fn from_parts(negative: bool, coef: BigUint, exp: i64) -> Decimal {
        Decimal::finite(negative, coef, exp)
    }

    /// `str(d)` (scientific notation when the exponent is positive or the value is small).
    pub fn to_str(&self) -> String {
        let sign = if self.negative { "-" } else { "" };
        match self.kind {
            Kind::Inf => return format!("{sign}Infinity"),
            Kind::NaN => return format!("{sign}NaN"),
            Kind::Finite => {}
        }
        let digits = self.coef.to_str_radix(10);
        let len = digits.len() as i64;
        let adjusted = self.exp + len - 1;
        if self.exp <= 0 && adjusted >= -6 {
            if self.exp == 0 {
                return format!("{sign}{digits}");
            }
            let point = len + self.exp;
            if point > 0 {
                let (a, b) = digits.split_at(point as usize);
                format!("{sign}{a}.{b}")
            } else {
                format!("{sign}0.{}{digits}", "0".repeat((-point) as usize))
            }
        } else {
            let (a, b) = digits.split_at(1);
            let dot = if b.is_empty() {
                String::new()
            } else {
                format!(".{b}")
            };
            let esign = if adjusted < 0 { '-' } else { '+' };
            format!("{sign}{a}{dot}E{esign}{}", adjusted.unsigned_abs())
        }
    }

    /// `repr(d)`: `Decimal('1.50')`.
    pub fn repr(&self) -> String {
        format!("Decimal('{}')", self.to_str())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> Decimal {
        Decimal::parse(s).unwrap()
    }
    fn r(x: PyResult<Decimal>) -> String {
        match x {
            Ok(v) => v.repr(),
            Err(e) => e.to_string(),
        }
    }

    #[test]
    fn construction_and_str() {
        assert_eq!(
            r(Decimal::parse("abc")),
            "decimal.InvalidOperation: [<class 'decimal.ConversionSyntax'>]"
        );
        assert_eq!(
            Decimal::from_f64(0.1).repr(),
            "Decimal('0.1000000000000000055511151231257827021181583404541015625')"
        );
        let cases: &[(&str, &str)] = &[
            ("1.50", "Decimal('1.50')"),
            ("1E+2", "Decimal('1E+2')"),
            ("100", "Decimal('100')"),
            ("1e2", "Decimal('1E+2')"),
            ("0.00000001", "Decimal('1E-8')"),
            ("-0", "Decimal('-0')"),
            ("0E-8", "Decimal('0E-8')"),
            ("NaN", "Decimal('NaN')"),
            ("Infinity", "Decimal('Infinity')"),
            ("-inf", "Decimal('-Infinity')"),
            ("  1.5  ", "Decimal('1.5')"),
            ("1_000.5", "Decimal('1000.5')"),
            (".5", "Decimal('0.5')"),
            ("5.", "Decimal('5')"),
            ("1e1000000", "Decimal('1E+1000000')"),
            ("0.000001", "Decimal('0.000001')"),
            ("0.0000001", "Decimal('1E-7')"),
            ("123E-10", "Decimal('1.23E-8')"),
            ("-1.23E+5", "Decimal('-1.23E+5')"),
            ("0E+3", "Decimal('0E+3')"),
            (
                "1.23456789012345678901234567890",
                "Decimal('1.23456789012345678901234567890')",
            ),
        ];
        for &(s, want) in cases {
            assert_eq!(d(s).repr(), want, "{s}");
        }
        assert_eq!(d("_1").repr(), "Decimal('1')");
        assert_eq!(d("1__0").repr(), "Decimal('10')");
        assert_eq!(d("1e_5").repr(), "Decimal('1E+5')");
        for bad in ["", "1e", "1.2.3", "e5", "--1", "1e+"] {
            assert_eq!(
                r(Decimal::parse(bad)),
                "decimal.InvalidOperation: [<class 'decimal.ConversionSyntax'>]",
                "{bad}"
            );
        }
        assert_eq!(Decimal::from_f64(1.5).repr(), "Decimal('1.5')");
        assert_eq!(
            Decimal::from_f64(1e20).repr(),
            "Decimal('100000000000000000000')"
        );
        assert_eq!(Decimal::from_f64(-0.0).repr(), "Decimal('-0')");
        let big = Int::from_str_radix("1000000000000000000000000000000", 10).unwrap();
        assert_eq!(
            Decimal::from_int(&big).repr(),
            "Decimal('1000000000000000000000000000000')"
        );
    }

    #[test]
    fn arithmetic() {
        let two = Decimal::from_int(&Int::from(2));
        assert_eq!(r(d("1.10").add(&d("2.205"))), "Decimal('3.305')");
        assert_eq!(r(d("1.5").mul(&two)), "Decimal('3.0')");
        let cases: &[(&str, char, &str, &str)] = &[
            ("1", '/', "3", "Decimal('0.3333333333333333333333333333')"),
            ("10", '/', "4", "Decimal('2.5')"),
            ("1", '/', "8", "Decimal('0.125')"),
            ("100", '/', "10", "Decimal('10')"),
            (
                "1.00",
                '/',
                "3",
                "Decimal('0.3333333333333333333333333333')",
            ),
            ("2", '/', "3", "Decimal('0.6666666666666666666666666667')"),
            ("1e10", '/', "3", "Decimal('3333333333.333333333333333333')"),
            ("10", '/', "0.1", "Decimal('1.0E+2')"),
            (
                "1e-30",
                '/',
                "3",
                "Decimal('3.333333333333333333333333333E-31')",
            ),
            ("1.0", '/', "0.5", "Decimal('2')"),
            ("6", '/', "2", "Decimal('3')"),
            ("6.0", '/', "2", "Decimal('3.0')"),
            ("6", '/', "2.0", "Decimal('3')"),
            ("0", '/', "5", "Decimal('0')"),
            ("0.00", '/', "5", "Decimal('0.00')"),
            ("0", '/', "0.05", "Decimal('0E+2')"),
            (
                "1",
                '/',
                "0",
                "decimal.DivisionByZero: [<class 'decimal.DivisionByZero'>]",
            ),
            (
                "0",
                '/',
                "0",
                "decimal.InvalidOperation: [<class 'decimal.DivisionUndefined'>]",
            ),
            (
                "1",
                'f',
                "0",
                "decimal.DivisionByZero: [<class 'decimal.DivisionByZero'>]",
            ),
            (
                "0",
                'f',
                "0",
                "decimal.InvalidOperation: [<class 'decimal.DivisionUndefined'>]",
            ),
            (
                "1",
                '%',
                "0",
                "decimal.InvalidOperation: [<class 'decimal.InvalidOperation'>]",
            ),
            (
                "0",
                '%',
                "0",
                "decimal.InvalidOperation: [<class 'decimal.DivisionUndefined'>]",
            ),
            ("7", 'f', "2", "Decimal('3')"),
            ("-7", 'f', "2", "Decimal('-3')"),
            ("-7", '%', "2", "Decimal('-1')"),
            ("7.5", '%', "-2", "Decimal('1.5')"),
            (
                "1e30",
                'f',
                "1",
                "decimal.InvalidOperation: [<class 'decimal.DivisionImpossible'>]",
            ),
            ("1.5", '-', "1.5", "Decimal('0.0')"),
            ("1.50", '-', "1.5", "Decimal('0.00')"),
            ("0.1", '*', "0.2", "Decimal('0.02')"),
            (
                "12345678901234567890123456789",
                '+',
                "1",
                "Decimal('1.234567890123456789012345679E+28')",
            ),
            (
                "9999999999999999999999999999",
                '+',
                "1",
                "Decimal('1.000000000000000000000000000E+28')",
            ),
            (
                "1.23456789012345678901234567890",
                '+',
                "0",
                "Decimal('1.234567890123456789012345679')",
            ),
            (
                "1.23456789012345678901234567890",
                '*',
                "1",
                "Decimal('1.234567890123456789012345679')",
            ),
            ("0.3", '-', "0.1", "Decimal('0.2')"),
            ("5", '*', "0.20", "Decimal('1.00')"),
            ("0", '*', "1.50", "Decimal('0.00')"),
            ("NaN", '+', "1", "Decimal('NaN')"),
            ("Infinity", '+', "1", "Decimal('Infinity')"),
            (
                "Infinity",
                '-',
                "Infinity",
                "decimal.InvalidOperation: [<class 'decimal.InvalidOperation'>]",
            ),
            (
                "9E+999999",
                '*',
                "10",
                "decimal.Overflow: [<class 'decimal.Overflow'>]",
            ),
            ("1E+5", '+', "0", "Decimal('100000')"),
            (
                "1E+100",
                '+',
                "0",
                "Decimal('1.000000000000000000000000000E+100')",
            ),
            (
                "1E+100000",
                '+',
                "1",
                "Decimal('1.000000000000000000000000000E+100000')",
            ),
            (
                "1E+100000",
                '-',
                "1",
                "Decimal('1.000000000000000000000000000E+100000')",
            ),
        ];
        for &(a, op, b, want) in cases {
            let (a, b) = (d(a), d(b));
            let got = match op {
                '+' => a.add(&b),
                '-' => a.sub(&b),
                '*' => a.mul(&b),
                '/' => a.div(&b),
                'f' => a.floordiv(&b),
                _ => a.rem(&b),
            };
            assert_eq!(r(got), want, "{a:?} {op} {b:?}");
        }
        assert_eq!(r(d("0").neg()), "Decimal('0')");
        assert_eq!(r(d("-1.5").abs()), "Decimal('1.5')");
        assert_eq!(
            r(d("1.23456789012345678901234567890").pos()),
            "Decimal('1.234567890123456789012345679')"
        );
    }

    proptest::proptest! {
        #[test]
        fn str_repr_stable(coef in 0u64..u64::MAX, exp in -40i64..40, neg in proptest::prelude::any::<bool>()) {
            let s = format!("{}{}E{}", if neg { "-" } else { "" }, coef, exp);
            let a = Decimal::parse(&s).unwrap();
            let b = Decimal::parse(&a.to_str()).unwrap();
            proptest::prop_assert_eq!(a.repr(), b.repr());
        }
    }
}
