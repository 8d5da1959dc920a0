//! Python's `decimal.Decimal` in the default context (prec 28, ROUND_HALF_EVEN,
//! Emax 999999, Emin -999999; InvalidOperation, DivisionByZero and Overflow trapped).
//! Formatting lives in `decimal_format.rs`.

use std::cmp::Ordering;

use num_bigint::BigUint;
use num_integer::Integer;
use num_traits::{One, ToPrimitive, Zero};

use super::error::{PyErr, PyErrKind, PyResult};
use super::int::Int;

/// Context precision.
pub const PREC: u64 = 28;
/// Context Emax.
pub const EMAX: i64 = 999_999;
/// Context Emin.
pub const EMIN: i64 = -999_999;
const ETINY: i64 = EMIN - PREC as i64 + 1;
/// Largest exponent magnitude accepted when parsing (keeps arithmetic bounded).
const MAX_PARSE_EXP: i64 = 1 << 40;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Kind {
    Finite,
    Inf,
    NaN,
}

/// A `decimal.Decimal`: sign, coefficient, exponent (or Infinity / NaN).
#[derive(Clone, Debug)]
pub struct Decimal {
    negative: bool,
    coef: BigUint,
    exp: i64,
    kind: Kind,
}

fn signal(kind: PyErrKind, cls: &str) -> PyErr {
    PyErr::new(kind, format!("[<class 'decimal.{cls}'>]"))
}
fn invalid_op() -> PyErr {
    signal(PyErrKind::InvalidOperation, "InvalidOperation")
}
fn conversion_syntax() -> PyErr {
    signal(PyErrKind::InvalidOperation, "ConversionSyntax")
}
fn division_undefined() -> PyErr {
    signal(PyErrKind::InvalidOperation, "DivisionUndefined")
}
fn division_impossible() -> PyErr {
    signal(PyErrKind::InvalidOperation, "DivisionImpossible")
}
fn division_by_zero() -> PyErr {
    signal(PyErrKind::DivisionByZero, "DivisionByZero")
}
fn overflow() -> PyErr {
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
fn round_digits(coef: &BigUint, exp: i64, drop: u64, sticky: bool) -> (BigUint, i64) {
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
    fn finite(negative: bool, coef: BigUint, exp: i64) -> Decimal {
        Decimal {
            negative,
            coef,
            exp,
            kind: Kind::Finite,
        }
    }

    fn special(negative: bool, kind: Kind) -> Decimal {
        Decimal {
            negative,
            coef: BigUint::zero(),
            exp: 0,
            kind,
        }
    }

    /// Rounds to the context precision and checks the exponent limits.
    fn finalize(negative: bool, coef: BigUint, exp: i64, sticky: bool) -> PyResult<Decimal> {
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
        let t = s.trim_matches(super::strings::is_py_space);
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

    /// SQLAlchemy `Numeric(p, scale)` on SQLite: the stored float/int is read back as
    /// `Decimal('%.{scale}f' % value)` (default scale 10 when the column has none).
    pub fn from_sqlite_numeric(value: &SqliteNumber, scale: u32) -> PyResult<Decimal> {
        let x = match value {
            SqliteNumber::Int(i) => i.to_f64()?,
            SqliteNumber::Float(f) => *f,
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

    /// `d + o`.
    pub fn add(&self, o: &Decimal) -> PyResult<Decimal> {
        if self.is_nan() || o.is_nan() {
            return Ok(Decimal::special(false, Kind::NaN));
        }
        match (self.kind, o.kind) {
            (Kind::Inf, Kind::Inf) if self.negative != o.negative => return Err(invalid_op()),
            (Kind::Inf, _) => return Ok(self.clone()),
            (_, Kind::Inf) => return Ok(o.clone()),
            _ => {}
        }
        let (x, y) = if self.exp >= o.exp {
            (self, o)
        } else {
            (o, self)
        };
        if y.coef.is_zero() || x.coef.is_zero() {
            let (nz, z) = if y.coef.is_zero() { (x, y) } else { (y, x) };
            if nz.coef.is_zero() {
                let neg = self.negative && o.negative;
                return Decimal::finite(neg, BigUint::zero(), x.exp.min(y.exp)).round_ctx();
            }
            let target = nz.exp.min(z.exp);
            let room = PREC.saturating_sub(ndigits(&nz.coef)) as i64;
            let pad = (nz.exp - target).min(room).max(0);
            return Decimal::finalize(
                nz.negative,
                &nz.coef * pow10(pad as u64),
                nz.exp - pad,
                false,
            );
        }
        let mut y = y.clone();
        let adj_x = x.exp + ndigits(&x.coef) as i64 - 1;
        let adj_y = y.exp + ndigits(&y.coef) as i64 - 1;
        if x.exp - y.exp > PREC as i64 + 5 && adj_y < adj_x - PREC as i64 - 2 {
            // y only matters as a sticky digit below the rounding position.
            y = Decimal::finite(
                y.negative,
                BigUint::one(),
                x.exp.min(adj_x - PREC as i64 - 2) - 1,
            );
        }
        let cx = &x.coef * pow10((x.exp - y.exp) as u64);
        let cy = &y.coef;
        let exp = y.exp;
        let (neg, coef) = if x.negative == y.negative {
            (x.negative, cx + cy)
        } else if cx >= *cy {
            (x.negative, cx - cy)
        } else {
            (y.negative, cy - cx)
        };
        let neg = if coef.is_zero() {
            x.negative && y.negative
        } else {
            neg
        };
        Decimal::finalize(neg, coef, exp, false)
    }

    fn round_ctx(self) -> PyResult<Decimal> {
        Decimal::finalize(self.negative, self.coef, self.exp, false)
    }

    /// `-d` (zero results are positive, like CPython).
    pub fn neg(&self) -> PyResult<Decimal> {
        let mut r = self.clone();
        r.negative = !self.negative;
        if self.is_zero() {
            r.negative = false;
        }
        if r.kind == Kind::Finite {
            r.round_ctx()
        } else {
            Ok(r)
        }
    }

    /// `+d` (rounds to the context).
    pub fn pos(&self) -> PyResult<Decimal> {
        let mut r = self.clone();
        if self.is_zero() {
            r.negative = false;
        }
        if r.kind == Kind::Finite {
            r.round_ctx()
        } else {
            Ok(r)
        }
    }

    /// `abs(d)`.
    pub fn abs(&self) -> PyResult<Decimal> {
        let mut r = self.clone();
        r.negative = false;
        if r.kind == Kind::Finite {
            r.round_ctx()
        } else {
            Ok(r)
        }
    }

    /// `d - o`.
    pub fn sub(&self, o: &Decimal) -> PyResult<Decimal> {
        let mut n = o.clone();
        n.negative = !o.negative;
        self.add(&n)
    }

    /// `d * o`.
    pub fn mul(&self, o: &Decimal) -> PyResult<Decimal> {
        let neg = self.negative != o.negative;
        if self.is_nan() || o.is_nan() {
            return Ok(Decimal::special(false, Kind::NaN));
        }
        if self.is_infinite() || o.is_infinite() {
            if self.is_zero() || o.is_zero() {
                return Err(invalid_op());
            }
            return Ok(Decimal::special(neg, Kind::Inf));
        }
        let exp = self.exp.checked_add(o.exp).ok_or_else(overflow)?;
        Decimal::finalize(neg, &self.coef * &o.coef, exp, false)
    }

    /// `d / o` (correctly rounded, ideal exponent `e1 - e2` for exact results).
    pub fn div(&self, o: &Decimal) -> PyResult<Decimal> {
        let neg = self.negative != o.negative;
        if self.is_nan() || o.is_nan() {
            return Ok(Decimal::special(false, Kind::NaN));
        }
        match (self.kind, o.kind) {
            (Kind::Inf, Kind::Inf) => return Err(invalid_op()),
            (Kind::Inf, _) => return Ok(Decimal::special(neg, Kind::Inf)),
            (_, Kind::Inf) => return Ok(Decimal::finite(neg, BigUint::zero(), ETINY)),
            _ => {}
        }
        if o.coef.is_zero() {
            return Err(if self.coef.is_zero() {
                division_undefined()
            } else {
                division_by_zero()
            });
        }
        let ideal = self.exp - o.exp;
        if self.coef.is_zero() {
            return Decimal::finalize(neg, BigUint::zero(), ideal, false);
        }
        let (da, db) = (ndigits(&self.coef) as i64, ndigits(&o.coef) as i64);
        let k = (PREC as i64 + db - da + 1).max(0);
        let (mut q, r) = (&self.coef * pow10(k as u64)).div_rem(&o.coef);
        let mut exp = ideal - k;
        if r.is_zero() {
            while exp < ideal && (&q % 10u32).is_zero() {
                q /= 10u32;
                exp += 1;
            }
            Decimal::finalize(neg, q, exp, false)
        } else {
            Decimal::finalize(neg, q, exp, true)
        }
    }

    /// Integer quotient and remainder magnitudes for `//` and `%` (`None` = quotient 0).
    fn int_div_parts(&self, o: &Decimal) -> PyResult<(BigUint, BigUint, i64)> {
        let adj_a = self.exp + ndigits(&self.coef) as i64 - 1;
        let adj_b = o.exp + ndigits(&o.coef) as i64 - 1;
        let m = self.exp.min(o.exp);
        if self.coef.is_zero() || adj_a < adj_b {
            // |a| < |b|: quotient 0, remainder a.
            return Ok((
                BigUint::zero(),
                self.coef.clone() * pow10((self.exp - m) as u64),
                m,
            ));
        }
        if adj_a - adj_b > PREC as i64 {
            return Err(division_impossible());
        }
        let num = &self.coef * pow10((self.exp - m) as u64);
        let den = &o.coef * pow10((o.exp - m) as u64);
        let (q, r) = num.div_rem(&den);
        if ndigits(&q) > PREC {
            return Err(division_impossible());
        }
        Ok((q, r, m))
    }

    /// `d // o` (truncates toward zero, like Python's Decimal).
    pub fn floordiv(&self, o: &Decimal) -> PyResult<Decimal> {
        let neg = self.negative != o.negative;
        if self.is_nan() || o.is_nan() {
            return Ok(Decimal::special(false, Kind::NaN));
        }
        match (self.kind, o.kind) {
            (Kind::Inf, Kind::Inf) => return Err(invalid_op()),
            (Kind::Inf, _) => return Ok(Decimal::special(neg, Kind::Inf)),
            (_, Kind::Inf) => return Ok(Decimal::finite(neg, BigUint::zero(), 0)),
            _ => {}
        }
        if o.coef.is_zero() {
            return Err(if self.coef.is_zero() {
                division_undefined()
            } else {
                division_by_zero()
            });
        }
        let (q, _, _) = self.int_div_parts(o)?;
        Decimal::finalize(neg, q, 0, false)
    }

    /// `d % o` (sign of the dividend).
    pub fn rem(&self, o: &Decimal) -> PyResult<Decimal> {
        if self.is_nan() || o.is_nan() {
            return Ok(Decimal::special(false, Kind::NaN));
        }
        if self.is_infinite() {
            return Err(invalid_op());
        }
        if o.is_infinite() {
            return self.round_ctx_clone();
        }
        if o.coef.is_zero() {
            return Err(if self.coef.is_zero() {
                division_undefined()
            } else {
                invalid_op()
            });
        }
        let (_, r, m) = self.int_div_parts(o)?;
        Decimal::finalize(self.negative, r, m, false)
    }

    fn round_ctx_clone(&self) -> PyResult<Decimal> {
        self.clone().round_ctx()
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
        match (self.kind, q.kind) {
            (Kind::NaN, _) | (_, Kind::NaN) => Ok(Decimal::special(false, Kind::NaN)),
            (Kind::Inf, Kind::Inf) => Ok(self.clone()),
            (Kind::Inf, _) | (_, Kind::Inf) => Err(invalid_op()),
            _ => self.quantize_exp(q.exp),
        }
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
                    format!("{}e{}", self.coef.to_str_radix(10), self.exp)
                        .parse::<f64>()
                        .unwrap_or(f64::NAN)
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

/// A numeric value as SQLite hands it back for a `NUMERIC` column.
#[derive(Clone, Debug, PartialEq)]
pub enum SqliteNumber {
    /// INTEGER storage class.
    Int(Int),
    /// REAL storage class.
    Float(f64),
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
        for bad in ["", "1e", "_1", "1__0", "1.2.3", "e5", "--1", "1e+"] {
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
