//! `Decimal` rounding, powers, conversions and comparisons, plus SQLAlchemy's
//! `Numeric` reading on SQLite.

use std::cmp::Ordering;

use crate::core::py::bignum::BigUint;
use num_integer::Integer;
use num_traits::{One, ToPrimitive, Zero};

use super::decimal::{
    Decimal, EMAX, ETINY, Kind, PREC, invalid_op, ndigits, overflow, pow10, round_digits,
};
use super::error::{PyErr, PyResult};
use super::int::Int;

/// A numeric value as SQLite hands it back for a `NUMERIC` column.
#[derive(Clone, Debug, PartialEq)]
pub enum SqliteNumber {
    /// INTEGER storage class.
    Int(Int),
    /// REAL storage class.
    Float(f64),
    /// TEXT storage class (SQLAlchemy's `'%.2f' % value` then raises `TypeError`).
    Text(String),
}

impl Decimal {
    /// What SQLAlchemy's `Numeric` binds on SQLite: `float(d)` (stored as REAL).
    pub fn to_sqlite_bind(&self) -> f64 {
        self.to_f64()
    }

    /// `d.sqrt()`: correctly rounded, ideal exponent `floor(exp / 2)` for exact roots.
    pub fn sqrt(&self) -> PyResult<Decimal> {
        match self.kind {
            Kind::NaN => return Ok(self.clone()),
            Kind::Inf if !self.negative => return Ok(self.clone()),
            Kind::Inf => return Err(invalid_op()),
            Kind::Finite => {}
        }
        let ideal = self.exp.div_euclid(2);
        if self.coef.is_zero() {
            return Decimal::finalize(self.negative, BigUint::zero(), ideal, false);
        }
        if self.negative {
            return Err(invalid_op());
        }
        let (mut c, mut e) = (self.coef.clone(), self.exp);
        if e.rem_euclid(2) == 1 {
            c *= 10u32;
            e -= 1;
        }
        let half_digits = ndigits(&c).div_ceil(2) as i64;
        let t = (PREC as i64 + 1 - half_digits).max(0);
        c *= pow10(2 * t as u64);
        e -= 2 * t;
        let mut r = c.sqrt();
        let exact = &r * &r == c;
        let mut exp = e / 2;
        if exact {
            while exp < ideal && (&r % 10u32).is_zero() {
                r /= 10u32;
                exp += 1;
            }
        }
        Decimal::finalize(false, r, exp, !exact)
    }

    /// `d.normalize()`: rounded to the context, trailing zeros stripped (zero → `0`/`-0`).
    pub fn normalize(&self) -> PyResult<Decimal> {
        if self.kind != Kind::Finite {
            return Ok(self.clone());
        }
        let mut r = self.clone().round_ctx()?;
        if r.coef.is_zero() {
            r.exp = 0;
            return Ok(r);
        }
        while r.exp < EMAX && (&r.coef % 10u32).is_zero() {
            r.coef /= 10u32;
            r.exp += 1;
        }
        Ok(r)
    }

    /// `d ** o`: integral exponents (any Decimal whose value is an integer) are supported;
    /// other exponents raise `ValueError` (not implemented here).
    pub fn pow(&self, o: &Decimal) -> PyResult<Decimal> {
        if self.is_nan() || o.is_nan() {
            return Ok(Decimal::special(false, Kind::NaN));
        }
        if o.kind == Kind::Finite {
            let n = o.to_int()?;
            if Decimal::from_int(&n).num_eq(o) {
                return self.pow_int(&n);
            }
        }
        Err(PyErr::value(
            "Decimal power with a non-integer exponent is not supported",
        ))
    }

    /// SQLAlchemy `Numeric(p, scale)` on SQLite: the stored float/int is read back as
    /// `Decimal('%.{scale}f' % value)` (default scale 10 when the column has none).
    pub fn from_sqlite_numeric(value: &SqliteNumber, scale: u32) -> PyResult<Decimal> {
        let x = match value {
            SqliteNumber::Int(i) => i.to_f64()?,
            SqliteNumber::Float(f) => *f,
            SqliteNumber::Text(_) => return Err(PyErr::type_err("must be real number, not str")),
        };
        let body = super::float::format_float_abs(
            x,
            super::float::FloatStyle::Fixed,
            Some(scale as usize),
            false,
            false,
        );
        let sign = if x.is_sign_negative() && !x.is_nan() {
            "-"
        } else {
            ""
        };
        Decimal::parse(&format!("{sign}{body}"))
    }

    /// `d ** n` for an integer exponent (exact power rounded once; very large powers are
    /// computed with guard digits).
    pub fn pow_int(&self, n: &Int) -> PyResult<Decimal> {
        if self.is_nan() {
            return Ok(self.clone());
        }
        let odd = n.bitand(&Int::from(1)) == Int::from(1);
        let neg = self.negative && odd;
        if self.is_infinite() {
            return Ok(if n.is_zero() {
                Decimal::finite(false, BigUint::one(), 0)
            } else if n.is_negative() {
                Decimal::finite(neg, BigUint::zero(), ETINY)
            } else {
                Decimal::special(neg, Kind::Inf)
            });
        }
        if self.coef.is_zero() {
            if n.is_zero() {
                return Err(invalid_op());
            }
            if n.is_negative() {
                return Ok(Decimal::special(neg, Kind::Inf));
            }
            let e = n
                .to_i64()
                .and_then(|k| self.exp.checked_mul(k))
                .unwrap_or(EMAX);
            return Decimal::finalize(neg, BigUint::zero(), e, false);
        }
        let k = n.abs().to_i64().ok_or_else(overflow)?;
        let d = ndigits(&self.coef);
        let (coef, exp, sticky) = if d.saturating_mul(k as u64) <= 4000 {
            (
                num_traits::pow(self.coef.clone(), k as usize),
                self.exp.checked_mul(k).ok_or_else(overflow)?,
                false,
            )
        } else {
            self.pow_guarded(k)?
        };
        if exp + ndigits(&coef) as i64 - 1 > EMAX + 1 && !n.is_negative() {
            return Err(overflow());
        }
        if n.is_negative() {
            let p = Decimal::finite(false, coef, exp);
            let one = Decimal::finite(false, BigUint::one(), 0);
            let mut r = one.div(&p)?;
            r.negative = neg;
            return Ok(r);
        }
        Decimal::finalize(neg, coef, exp, sticky)
    }

    /// Square-and-multiply keeping 60 significant digits plus a sticky flag.
    fn pow_guarded(&self, k: i64) -> PyResult<(BigUint, i64, bool)> {
        const KEEP: u64 = 60;
        let trim = |c: BigUint, e: i64, s: bool| -> (BigUint, i64, bool) {
            let d = ndigits(&c);
            if d <= KEEP {
                return (c, e, s);
            }
            let p = pow10(d - KEEP);
            let (q, r) = c.div_rem(&p);
            (q, e + (d - KEEP) as i64, s || !r.is_zero())
        };
        let (mut rc, mut re, mut rs) = (BigUint::one(), 0i64, false);
        let (mut bc, mut be, mut bs) = (self.coef.clone(), self.exp, false);
        let mut k = k;
        while k > 0 {
            if k & 1 == 1 {
                (rc, re, rs) = trim(
                    &rc * &bc,
                    re.checked_add(be).ok_or_else(overflow)?,
                    rs || bs,
                );
            }
            k >>= 1;
            if k > 0 {
                (bc, be, bs) = trim(&bc * &bc, be.checked_mul(2).ok_or_else(overflow)?, bs);
            }
            if re.abs() > 4 * EMAX || be.abs() > 4 * EMAX {
                return Err(overflow());
            }
        }
        Ok((rc, re, rs))
    }

    /// `d.quantize(Decimal(10) ** exp)` with ROUND_HALF_EVEN.
    pub fn quantize_exp(&self, exp: i64) -> PyResult<Decimal> {
        match self.kind {
            Kind::NaN => return Ok(self.clone()),
            Kind::Inf => return Err(invalid_op()),
            Kind::Finite => {}
        }
        if !(ETINY..=EMAX).contains(&exp) {
            return Err(invalid_op());
        }
        if self.coef.is_zero() {
            return Ok(Decimal::finite(self.negative, BigUint::zero(), exp));
        }
        let d = ndigits(&self.coef) as i64;
        let (coef, e) = if self.exp >= exp {
            if d + (self.exp - exp) > PREC as i64 {
                return Err(invalid_op());
            }
            (&self.coef * pow10((self.exp - exp) as u64), exp)
        } else {
            round_digits(&self.coef, self.exp, (exp - self.exp) as u64, false)
        };
        if ndigits(&coef) > PREC {
            return Err(invalid_op());
        }
        Ok(Decimal::finite(self.negative, coef, e))
    }

    /// Rescale to `exp` (half-even) without the precision check (for formatting).
    pub(crate) fn quantize_unbounded(&self, exp: i64) -> (BigUint, i64) {
        if self.exp >= exp {
            return (self.coef.clone(), self.exp);
        }
        round_digits(&self.coef, self.exp, (exp - self.exp) as u64, false)
    }

    /// `d.quantize(q)`.
    pub fn quantize(&self, q: &Decimal) -> PyResult<Decimal> {
        self.quantize_rounding(q, Rounding::HalfEven)
    }

    /// `d.quantize(q, rounding=...)`.
    pub fn quantize_rounding(&self, q: &Decimal, rounding: Rounding) -> PyResult<Decimal> {
        match (self.kind, q.kind) {
            (Kind::NaN, _) | (_, Kind::NaN) => Ok(Decimal::special(false, Kind::NaN)),
            (Kind::Inf, Kind::Inf) => Ok(self.clone()),
            (Kind::Inf, _) | (_, Kind::Inf) => Err(invalid_op()),
            _ if rounding == Rounding::HalfEven => self.quantize_exp(q.exp),
            _ => {
                if !(ETINY..=EMAX).contains(&q.exp) {
                    return Err(invalid_op());
                }
                if self.exp >= q.exp || self.coef.is_zero() {
                    return self.quantize_exp(q.exp);
                }
                let drop = (q.exp - self.exp) as u64;
                let coef = rounding.apply(&self.coef, drop, self.negative);
                if ndigits(&coef) > PREC {
                    return Err(invalid_op());
                }
                Ok(Decimal::finite(self.negative, coef, q.exp))
            }
        }
    }

    /// `d.to_integral_value(rounding)`: rounded to an integer of exponent 0 (a
    /// non-negative exponent, an infinity or NaN is kept as it is).
    pub fn to_integral_value(&self, rounding: Rounding) -> Decimal {
        if self.kind != Kind::Finite || self.exp >= 0 {
            return self.clone();
        }
        // (Past all the digits, dropping more changes nothing but the cost.)
        let drop = self.exp.unsigned_abs().min(ndigits(&self.coef) + 2);
        let coef = rounding.apply(&self.coef, drop, self.negative);
        Decimal::finite(self.negative, coef, 0)
    }

    /// `round(d, n)` → Decimal (`quantize` to exponent `-n`).
    pub fn round_ndigits(&self, n: i64) -> PyResult<Decimal> {
        self.quantize_exp(n.checked_neg().ok_or_else(invalid_op)?)
    }

    /// `round(d)` → int (half-even).
    pub fn round_to_int(&self) -> PyResult<Int> {
        self.check_int_convertible()?;
        if self.exp >= 0 {
            return self.to_int();
        }
        let (c, _) = round_digits(&self.coef, self.exp, (-self.exp) as u64, false);
        let v = Int::from_biguint(c);
        Ok(if self.negative { v.neg() } else { v })
    }

    fn check_int_convertible(&self) -> PyResult<()> {
        match self.kind {
            Kind::NaN => Err(PyErr::value("cannot convert NaN to integer")),
            Kind::Inf => Err(PyErr::overflow("cannot convert Infinity to integer")),
            Kind::Finite => Ok(()),
        }
    }

    /// `int(d)` (truncates toward zero).
    pub fn to_int(&self) -> PyResult<Int> {
        self.check_int_convertible()?;
        let mag = if self.exp >= 0 {
            let bits = ndigits(&self.coef) as i64 + self.exp;
            if bits.saturating_mul(4) > super::int::MAX_INT_BITS as i64 {
                return Err(PyErr::memory());
            }
            &self.coef * pow10(self.exp as u64)
        } else if -self.exp > ndigits(&self.coef) as i64 {
            BigUint::zero()
        } else {
            &self.coef / pow10((-self.exp) as u64)
        };
        let v = Int::from_biguint(mag);
        Ok(if self.negative { v.neg() } else { v })
    }

    /// `float(d)` (correctly rounded).
    pub fn to_f64(&self) -> f64 {
        match self.kind {
            Kind::NaN => f64::NAN,
            Kind::Inf => {
                if self.negative {
                    f64::NEG_INFINITY
                } else {
                    f64::INFINITY
                }
            }
            Kind::Finite => {
                let adjusted = self.exp + ndigits(&self.coef) as i64 - 1;
                let v = if self.coef.is_zero() || adjusted < -400 {
                    0.0
                } else if adjusted > 400 {
                    f64::INFINITY
                } else {
                    let text = format!("{}e{}", self.coef.to_str_radix(10), self.exp);
                    super::float_text::parse_decimal(&text).unwrap_or(f64::NAN)
                };
                if self.negative { -v } else { v }
            }
        }
    }

    /// Numeric comparison; `None` when either side is NaN.
    pub fn compare(&self, o: &Decimal) -> Option<Ordering> {
        if self.is_nan() || o.is_nan() {
            return None;
        }
        let sgn = |d: &Decimal| -> i8 {
            if d.is_zero() {
                0
            } else if d.negative {
                -1
            } else {
                1
            }
        };
        let (sa, sb) = (sgn(self), sgn(o));
        if sa != sb {
            return Some(sa.cmp(&sb));
        }
        if sa == 0 {
            return Some(Ordering::Equal);
        }
        let mag = match (self.kind, o.kind) {
            (Kind::Inf, Kind::Inf) => Ordering::Equal,
            (Kind::Inf, _) => Ordering::Greater,
            (_, Kind::Inf) => Ordering::Less,
            _ => {
                let adj_a = self.exp + ndigits(&self.coef) as i64;
                let adj_b = o.exp + ndigits(&o.coef) as i64;
                if adj_a != adj_b {
                    adj_a.cmp(&adj_b)
                } else {
                    let m = self.exp.min(o.exp);
                    let a = &self.coef * pow10((self.exp - m) as u64);
                    let b = &o.coef * pow10((o.exp - m) as u64);
                    a.cmp(&b)
                }
            }
        };
        Some(if sa < 0 { mag.reverse() } else { mag })
    }

    /// Ordering for `<`, `<=`, `>`, `>=` (`InvalidOperation` with NaN, like CPython).
    pub fn cmp_ordering(&self, o: &Decimal) -> PyResult<Ordering> {
        self.compare(o).ok_or_else(invalid_op)
    }

    /// `d == o`.
    pub fn num_eq(&self, o: &Decimal) -> bool {
        self.compare(o) == Some(Ordering::Equal)
    }

    /// Exact comparison with an int.
    pub fn compare_int(&self, n: &Int) -> Option<Ordering> {
        self.compare(&Decimal::from_int(n))
    }

    /// Exact comparison with a float (`None` for NaN).
    pub fn compare_f64(&self, x: f64) -> Option<Ordering> {
        self.compare(&Decimal::from_f64(x))
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
    fn to_integral_value() {
        // expectations: CPython's decimal
        let cases = [
            ("12.30", Rounding::HalfEven, "Decimal('12')"),
            ("2.5", Rounding::HalfEven, "Decimal('2')"),
            ("-2.5", Rounding::HalfUp, "Decimal('-3')"),
            ("-2.1", Rounding::Floor, "Decimal('-3')"),
            ("0.001", Rounding::Up, "Decimal('1')"),
            ("1E-50", Rounding::Ceiling, "Decimal('1')"),
            ("1E+2", Rounding::HalfEven, "Decimal('1E+2')"),
            ("-0.4", Rounding::HalfEven, "Decimal('-0')"),
        ];
        for (x, rounding, want) in cases {
            assert_eq!(d(x).to_integral_value(rounding).repr(), want, "{x}");
        }
    }

    #[test]
    fn sqrt_normalize() {
        let cases: &[(&str, &str, &str)] = &[
            (
                "2",
                "Decimal('1.414213562373095048801688724')",
                "Decimal('2')",
            ),
            ("4", "Decimal('2')", "Decimal('4')"),
            ("0.04", "Decimal('0.2')", "Decimal('0.04')"),
            ("100", "Decimal('10')", "Decimal('1E+2')"),
            (
                "1E+3",
                "Decimal('31.62277660168379331998893544')",
                "Decimal('1E+3')",
            ),
            (
                "1E-3",
                "Decimal('0.03162277660168379331998893544')",
                "Decimal('0.001')",
            ),
            ("0", "Decimal('0')", "Decimal('0')"),
            ("-0", "Decimal('-0')", "Decimal('-0')"),
            ("0.0", "Decimal('0.0')", "Decimal('0')"),
            ("1.00", "Decimal('1.0')", "Decimal('1')"),
            ("2.25", "Decimal('1.5')", "Decimal('2.25')"),
            (
                "12345678901234567890",
                "Decimal('3513641828.820144253093654173')",
                "Decimal('1.234567890123456789E+19')",
            ),
            ("Infinity", "Decimal('Infinity')", "Decimal('Infinity')"),
            (
                "10",
                "Decimal('3.162277660168379331998893544')",
                "Decimal('1E+1')",
            ),
            (
                "0.1",
                "Decimal('0.3162277660168379331998893544')",
                "Decimal('0.1')",
            ),
        ];
        for &(v, sq, norm) in cases {
            assert_eq!(r(d(v).sqrt()), sq, "{v}");
            assert_eq!(r(d(v).normalize()), norm, "{v}");
        }
        assert_eq!(
            r(d("-4").sqrt()),
            "decimal.InvalidOperation: [<class 'decimal.InvalidOperation'>]"
        );
        assert_eq!(r(d("2").pow(&d("2.0"))), "Decimal('4')");
        assert_eq!(r(d("2").pow(&d("1E+1"))), "Decimal('1024')");
        assert_eq!(r(d("1.5").pow(&d("2"))), "Decimal('2.25')");
        assert!(d("2").pow(&d("0.5")).is_err());
    }

    #[test]
    fn powers() {
        let p = |a: &str, n: i64| r(d(a).pow_int(&Int::from(n)));
        assert_eq!(p("1.1", 2), "Decimal('1.21')");
        assert_eq!(p("2", -2), "Decimal('0.25')");
        assert_eq!(p("2", 100), "Decimal('1.267650600228229401496703205E+30')");
        assert_eq!(p("1.5", 3), "Decimal('3.375')");
        assert_eq!(p("10", 30), "Decimal('1.000000000000000000000000000E+30')");
        assert_eq!(p("0.1", -3), "Decimal('1E+3')");
        assert_eq!(p("0", -1), "Decimal('Infinity')");
        assert_eq!(
            p("0", 0),
            "decimal.InvalidOperation: [<class 'decimal.InvalidOperation'>]"
        );
        assert_eq!(
            p("1.0000001", 100000),
            "Decimal('1.010050166579143007794674060')"
        );
        assert_eq!(
            p("10", 1000000),
            "decimal.Overflow: [<class 'decimal.Overflow'>]"
        );
    }

    #[test]
    fn quantize_round_convert() {
        let q = |a: &str, b: &str| r(d(a).quantize(&d(b)));
        assert_eq!(q("123.456", "0.01"), "Decimal('123.46')");
        assert_eq!(q("2.675", "0.01"), "Decimal('2.68')");
        assert_eq!(q("2.665", "0.01"), "Decimal('2.66')");
        assert_eq!(q("-2.665", "0.01"), "Decimal('-2.66')");
        assert_eq!(q("1234.5", "1"), "Decimal('1234')");
        assert_eq!(q("1234.5", "1E+1"), "Decimal('1.23E+3')");
        assert_eq!(
            q("1e30", "0.01"),
            "decimal.InvalidOperation: [<class 'decimal.InvalidOperation'>]"
        );
        assert_eq!(q("5", "1E+1"), "Decimal('0E+1')");
        assert_eq!(q("25", "1E+1"), "Decimal('2E+1')");
        assert_eq!(q("0.0001", "1.00"), "Decimal('0.00')");
        assert_eq!(q("-0.001", "0.01"), "Decimal('-0.00')");
        assert_eq!(d("2.5").round_to_int().unwrap(), Int::from(2));
        assert_eq!(d("3.5").round_to_int().unwrap(), Int::from(4));
        assert_eq!(r(d("2.675").round_ndigits(2)), "Decimal('2.68')");
        assert_eq!(r(d("1234").round_ndigits(-2)), "Decimal('1.2E+3')");
        assert_eq!(
            d("NaN").round_to_int().unwrap_err().to_string(),
            "ValueError: cannot convert NaN to integer"
        );
        assert_eq!(d("-7.9").to_int().unwrap(), Int::from(-7));
        assert_eq!(d("1E+10").to_int().unwrap(), Int::from(10_000_000_000));
        assert_eq!(
            d("Infinity").to_int().unwrap_err().to_string(),
            "OverflowError: cannot convert Infinity to integer"
        );
        assert_eq!(d("0.1").to_f64(), 0.1);
        assert_eq!(d("1e400").to_f64(), f64::INFINITY);
        assert!(d("-0").is_zero());
    }

    #[test]
    fn comparisons() {
        assert!(d("1.30").num_eq(&d("1.3")));
        assert_eq!(d("1.5").compare_int(&Int::from(2)), Some(Ordering::Less));
        assert_eq!(d("0.1").compare_f64(0.1), Some(Ordering::Less));
        assert_eq!(d("0.5").compare_f64(0.5), Some(Ordering::Equal));
        assert_eq!(d("1.1").compare_f64(1.1), Some(Ordering::Less));
        assert_eq!(d("1").compare_f64(1.0), Some(Ordering::Equal));
        assert!(!d("NaN").num_eq(&d("1")));
        assert_eq!(
            d("NaN").cmp_ordering(&d("1")).unwrap_err().to_string(),
            "decimal.InvalidOperation: [<class 'decimal.InvalidOperation'>]"
        );
        assert_eq!(d("-Infinity").compare(&d("-1E+999")), Some(Ordering::Less));
        assert_eq!(d("-0").compare(&d("0")), Some(Ordering::Equal));
        assert_eq!(d("-2").compare(&d("-10")), Some(Ordering::Greater));
    }

    #[test]
    fn sqlite_numeric() {
        // Verified with SQLAlchemy 2.0.58 (cython processors): Numeric(10, 2) and friends.
        let f =
            |v: f64, scale: u32| r(Decimal::from_sqlite_numeric(&SqliteNumber::Float(v), scale));
        let i = |v: i64, scale: u32| {
            r(Decimal::from_sqlite_numeric(
                &SqliteNumber::Int(Int::from(v)),
                scale,
            ))
        };
        assert_eq!(f(0.35, 2), "Decimal('0.35')");
        assert_eq!(f(19.999, 2), "Decimal('20.00')");
        assert_eq!(f(2.675, 2), "Decimal('2.67')");
        assert_eq!(i(1, 2), "Decimal('1.00')");
        assert_eq!(i(10, 2), "Decimal('10.00')");
        assert_eq!(f(1e20, 2), "Decimal('100000000000000000000.00')");
        assert_eq!(f(0.005, 2), "Decimal('0.01')");
        assert_eq!(f(0.015, 2), "Decimal('0.01')");
        assert_eq!(f(-0.005, 2), "Decimal('-0.01')");
        assert_eq!(f(123456789.125, 2), "Decimal('123456789.12')");
        assert_eq!(f(0.35, 10), "Decimal('0.3500000000')");
        assert_eq!(f(19.999, 10), "Decimal('19.9990000000')");
        assert_eq!(f(2.5, 0), "Decimal('2')");
        assert_eq!(f(19.999, 0), "Decimal('20')");
        assert_eq!(
            r(Decimal::from_sqlite_numeric(
                &SqliteNumber::Text("1.5".into()),
                2
            )),
            "TypeError: must be real number, not str"
        );
    }
}

/// The `decimal` module's rounding modes (`ROUND_HALF_UP`...).
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum Rounding {
    /// `ROUND_HALF_EVEN` (the default context's).
    HalfEven,
    /// `ROUND_HALF_UP`: ties away from zero.
    HalfUp,
    /// `ROUND_HALF_DOWN`: ties toward zero.
    HalfDown,
    /// `ROUND_DOWN`: toward zero.
    Down,
    /// `ROUND_UP`: away from zero.
    Up,
    /// `ROUND_CEILING`: toward +infinity.
    Ceiling,
    /// `ROUND_FLOOR`: toward -infinity.
    Floor,
    /// `ROUND_05UP`: away from zero when the last kept digit is 0 or 5, else toward zero.
    ZeroFiveUp,
}

impl Rounding {
    /// The mode named by one of the module's constants (`'ROUND_HALF_UP'`...).
    pub fn from_name(name: &str) -> Option<Rounding> {
        Some(match name {
            "ROUND_HALF_EVEN" => Rounding::HalfEven,
            "ROUND_HALF_UP" => Rounding::HalfUp,
            "ROUND_HALF_DOWN" => Rounding::HalfDown,
            "ROUND_DOWN" => Rounding::Down,
            "ROUND_UP" => Rounding::Up,
            "ROUND_CEILING" => Rounding::Ceiling,
            "ROUND_FLOOR" => Rounding::Floor,
            "ROUND_05UP" => Rounding::ZeroFiveUp,
            _ => return None,
        })
    }

    /// `coef` with its `drop` low digits dropped, rounded in this mode (`negative`: the
    /// sign of the number).
    fn apply(self, coef: &BigUint, drop: u64, negative: bool) -> BigUint {
        let p = pow10(drop);
        let (q, r) = if drop > ndigits(coef) + 1 {
            (BigUint::zero(), coef.clone())
        } else {
            coef.div_rem(&p)
        };
        if r.is_zero() {
            return q;
        }
        let half = (&r + &r).cmp(&p);
        let up = match self {
            Rounding::HalfEven => {
                half == Ordering::Greater || (half == Ordering::Equal && q.is_odd())
            }
            Rounding::HalfUp => half != Ordering::Less,
            Rounding::HalfDown => half == Ordering::Greater,
            Rounding::Down => false,
            Rounding::Up => true,
            Rounding::Ceiling => !negative,
            Rounding::Floor => negative,
            Rounding::ZeroFiveUp => {
                let last = (&q % 10u32).to_u32().unwrap_or(0);
                last == 0 || last == 5
            }
        };
        if up { q + 1u32 } else { q }
    }
}
