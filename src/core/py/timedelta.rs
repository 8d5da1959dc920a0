//! Python `datetime.timedelta`: days, seconds, microseconds normalized like CPython.

use std::cmp::Ordering;

use crate::core::py::bignum::BigInt;
use num_integer::Integer;
use num_traits::{Signed, ToPrimitive, Zero};

use super::error::{PyErr, PyResult};
use super::int::Int;

/// Largest `|days|` of a timedelta.
pub const MAX_DAYS: i64 = 999_999_999;
/// Microseconds per day.
pub const US_PER_DAY: i128 = 86_400_000_000;

/// A `datetime.timedelta`. Invariants: `0 <= seconds < 86400`, `0 <= microseconds < 10^6`,
/// `|days| <= 999999999`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct TimeDelta {
    /// Days (may be negative).
    pub(super) days: i64,
    /// Seconds in `0..86400`.
    pub(super) seconds: i64,
    /// Microseconds in `0..1_000_000`.
    pub(super) microseconds: i64,
}

/// A numeric constructor argument of `timedelta(...)`.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum TdNum {
    /// An int.
    Int(i64),
    /// A float.
    Float(f64),
}

/// Keyword arguments of `timedelta(days, seconds, microseconds, milliseconds, minutes, hours, weeks)`.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct TimeDeltaArgs {
    /// `days=`
    pub days: TdNum,
    /// `seconds=`
    pub seconds: TdNum,
    /// `microseconds=`
    pub microseconds: TdNum,
    /// `milliseconds=`
    pub milliseconds: TdNum,
    /// `minutes=`
    pub minutes: TdNum,
    /// `hours=`
    pub hours: TdNum,
    /// `weeks=`
    pub weeks: TdNum,
}

impl Default for TimeDeltaArgs {
    fn default() -> Self {
        let z = TdNum::Int(0);
        TimeDeltaArgs {
            days: z,
            seconds: z,
            microseconds: z,
            milliseconds: z,
            minutes: z,
            hours: z,
            weeks: z,
        }
    }
}

/// CPython: days beyond a C `int` fail the conversion first, then the range check.
fn days_error(days: &BigInt) -> PyErr {
    if days.to_i32().is_some() {
        PyErr::overflow(format!("days={days}; must have magnitude <= 999999999"))
    } else {
        PyErr::overflow("Python int too large to convert to C int")
    }
}

fn round_half_even_div(num: &BigInt, den: &BigInt) -> BigInt {
    let (q, r) = num.div_mod_floor(den);
    let twice: BigInt = &r + &r;
    let den_abs = den.abs();
    let r2 = if den.is_negative() { -twice } else { twice };
    match r2.cmp(&den_abs) {
        Ordering::Greater => q + 1,
        Ordering::Less => q,
        Ordering::Equal => {
            if q.is_odd() {
                q + 1
            } else {
                q
            }
        }
    }
}

/// `(numerator, denominator)` of a finite float, exactly.
fn float_ratio(f: f64) -> PyResult<(BigInt, BigInt)> {
    if f.is_nan() {
        return Err(PyErr::value("cannot convert NaN to integer ratio"));
    }
    if f.is_infinite() {
        return Err(PyErr::overflow("cannot convert Infinity to integer ratio"));
    }
    if f == 0.0 {
        return Ok((BigInt::zero(), BigInt::from(1)));
    }
    let bits = f.abs().to_bits();
    let raw_exp = ((bits >> 52) & 0x7ff) as i64;
    let frac = bits & ((1u64 << 52) - 1);
    let (mant, exp) = if raw_exp == 0 {
        (frac, -1074)
    } else {
        (frac | (1 << 52), raw_exp - 1075)
    };
    let tz = mant.trailing_zeros() as i64;
    let (mant, exp) = (mant >> tz, exp + tz);
    let m = BigInt::from(mant) * if f < 0.0 { -1 } else { 1 };
    if exp >= 0 {
        Ok((m << (exp as usize), BigInt::from(1)))
    } else {
        Ok((m, BigInt::from(1) << ((-exp) as usize)))
    }
}

impl TimeDelta {
    /// `td.days`.
    pub fn days(&self) -> i64 {
        self.days
    }
    /// `td.seconds` (0..86400).
    pub fn seconds(&self) -> i64 {
        self.seconds
    }
    /// `td.microseconds` (0..1000000).
    pub fn microseconds(&self) -> i64 {
        self.microseconds
    }

    /// `timedelta(0)`.
    pub const ZERO: TimeDelta = TimeDelta {
        days: 0,
        seconds: 0,
        microseconds: 0,
    };

    /// Builds from a total number of microseconds (`OverflowError` beyond ±999999999 days).
    pub fn from_micros(total: i128) -> PyResult<TimeDelta> {
        let days = total.div_euclid(US_PER_DAY);
        let rem = total.rem_euclid(US_PER_DAY);
        if days.abs() > i128::from(MAX_DAYS) {
            return Err(days_error(&BigInt::from(days)));
        }
        Ok(TimeDelta {
            days: days as i64,
            seconds: (rem / 1_000_000) as i64,
            microseconds: (rem % 1_000_000) as i64,
        })
    }

    fn from_big_micros(total: &BigInt) -> PyResult<TimeDelta> {
        match total.to_i128() {
            Some(t) => TimeDelta::from_micros(t),
            None => Err(days_error(&total.div_floor(&BigInt::from(US_PER_DAY)))),
        }
    }

    /// `timedelta(days, seconds, microseconds)` with integer arguments.
    pub fn new(days: i64, seconds: i64, microseconds: i64) -> PyResult<TimeDelta> {
        let t = i128::from(days) * US_PER_DAY
            + i128::from(seconds) * 1_000_000
            + i128::from(microseconds);
        TimeDelta::from_micros(t)
    }

    /// `timedelta(**kwargs)` with int or float arguments (fractions rounded half-even to µs).
    pub fn from_args(a: &TimeDeltaArgs) -> PyResult<TimeDelta> {
        let units: [(TdNum, i128); 7] = [
            (a.weeks, 7 * US_PER_DAY),
            (a.days, US_PER_DAY),
            (a.hours, 3_600_000_000),
            (a.minutes, 60_000_000),
            (a.seconds, 1_000_000),
            (a.milliseconds, 1_000),
            (a.microseconds, 1),
        ];
        // Mirrors CPython's delta_new/accum: integer parts are exact, each fractional part
        // is scaled in float arithmetic, and the leftover is rounded half-even at the end.
        let mut whole = BigInt::zero();
        let mut leftover = 0.0f64;
        for (v, unit) in units {
            match v {
                TdNum::Int(i) => whole += BigInt::from(i128::from(i) * unit),
                TdNum::Float(f) => {
                    whole += Int::from_f64(f)?.to_bigint() * unit;
                    let fracpart = f - f.trunc();
                    if fracpart != 0.0 {
                        let scaled = unit as f64 * fracpart;
                        whole += BigInt::from(scaled.trunc() as i128);
                        leftover += scaled - scaled.trunc();
                    }
                }
            }
        }
        if leftover != 0.0 {
            let mut whole_us = leftover.round();
            if (whole_us - leftover).abs() == 0.5 {
                let odd = if whole.is_odd() { 1.0 } else { 0.0 };
                whole_us = 2.0 * ((leftover + odd) * 0.5).round() - odd;
            }
            whole += BigInt::from(whole_us as i128);
        }
        TimeDelta::from_big_micros(&whole)
    }

    /// Total microseconds.
    pub fn total_micros(&self) -> i128 {
        i128::from(self.days) * US_PER_DAY
            + i128::from(self.seconds) * 1_000_000
            + i128::from(self.microseconds)
    }

    /// `td.total_seconds()`.
    pub fn total_seconds(&self) -> f64 {
        let us = Int::from_bigint(BigInt::from(self.total_micros()));
        us.truediv(&Int::from(1_000_000)).unwrap_or(0.0)
    }

    /// `a + b`.
    pub fn add(&self, o: &TimeDelta) -> PyResult<TimeDelta> {
        TimeDelta::from_micros(self.total_micros() + o.total_micros())
    }

    /// `a - b`.
    pub fn sub(&self, o: &TimeDelta) -> PyResult<TimeDelta> {
        TimeDelta::from_micros(self.total_micros() - o.total_micros())
    }

    /// `-td`.
    pub fn neg(&self) -> PyResult<TimeDelta> {
        TimeDelta::from_micros(-self.total_micros())
    }

    /// `abs(td)`.
    pub fn abs(&self) -> PyResult<TimeDelta> {
        if self.days < 0 { self.neg() } else { Ok(*self) }
    }

    /// `td * n`.
    pub fn mul_int(&self, n: &Int) -> PyResult<TimeDelta> {
        TimeDelta::from_big_micros(&(BigInt::from(self.total_micros()) * n.to_bigint()))
    }

    /// `td * f` (exact, rounded half-even to µs).
    pub fn mul_float(&self, f: f64) -> PyResult<TimeDelta> {
        let (n, d) = float_ratio(f)?;
        TimeDelta::from_big_micros(&round_half_even_div(
            &(BigInt::from(self.total_micros()) * n),
            &d,
        ))
    }

    /// `td / n` (rounded half-even to µs).
    pub fn div_int(&self, n: &Int) -> PyResult<TimeDelta> {
        if n.is_zero() {
            return Err(PyErr::zero_div("integer division or modulo by zero"));
        }
        TimeDelta::from_big_micros(&round_half_even_div(
            &BigInt::from(self.total_micros()),
            &n.to_bigint(),
        ))
    }

    /// `td / f`.
    pub fn div_float(&self, f: f64) -> PyResult<TimeDelta> {
        let (n, d) = float_ratio(f)?;
        if n.is_zero() {
            return Err(PyErr::zero_div("integer division or modulo by zero"));
        }
        TimeDelta::from_big_micros(&round_half_even_div(
            &(BigInt::from(self.total_micros()) * d),
            &n,
        ))
    }

    /// `td // n`.
    pub fn floordiv_int(&self, n: &Int) -> PyResult<TimeDelta> {
        if n.is_zero() {
            return Err(PyErr::zero_div("integer division or modulo by zero"));
        }
        TimeDelta::from_big_micros(&BigInt::from(self.total_micros()).div_floor(&n.to_bigint()))
    }

    fn micros_int(&self) -> Int {
        Int::from_bigint(BigInt::from(self.total_micros()))
    }

    /// `a / b` → float.
    pub fn div_td(&self, o: &TimeDelta) -> PyResult<f64> {
        self.micros_int().truediv(&o.micros_int())
    }

    /// `a // b` → int.
    pub fn floordiv_td(&self, o: &TimeDelta) -> PyResult<Int> {
        self.micros_int().floordiv(&o.micros_int())
    }

    /// `a % b` → timedelta.
    pub fn mod_td(&self, o: &TimeDelta) -> PyResult<TimeDelta> {
        let r = self.micros_int().modulo(&o.micros_int())?;
        TimeDelta::from_big_micros(&r.to_bigint())
    }

    /// `repr(td)`: `datetime.timedelta(days=1, seconds=3600)`.
    pub fn repr(&self) -> String {
        let mut parts = Vec::new();
        if self.days != 0 {
            parts.push(format!("days={}", self.days));
        }
        if self.seconds != 0 {
            parts.push(format!("seconds={}", self.seconds));
        }
        if self.microseconds != 0 {
            parts.push(format!("microseconds={}", self.microseconds));
        }
        if parts.is_empty() {
            parts.push("0".into());
        }
        format!("datetime.timedelta({})", parts.join(", "))
    }

    /// `str(td)`: `1 day, 1:00:00`, `-1 day, 23:59:59.999999`.
    pub fn to_str(&self) -> String {
        let (hh, rem) = (self.seconds / 3600, self.seconds % 3600);
        let mut s = format!("{}:{:02}:{:02}", hh, rem / 60, rem % 60);
        if self.days != 0 {
            let plural = if self.days.abs() != 1 { "s" } else { "" };
            s = format!("{} day{}, {}", self.days, plural, s);
        }
        if self.microseconds != 0 {
            s.push_str(&format!(".{:06}", self.microseconds));
        }
        s
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn td(d: i64, s: i64, us: i64) -> TimeDelta {
        TimeDelta::new(d, s, us).unwrap()
    }
    fn args(f: impl FnOnce(&mut TimeDeltaArgs)) -> PyResult<TimeDelta> {
        let mut a = TimeDeltaArgs::default();
        f(&mut a);
        TimeDelta::from_args(&a)
    }

    #[test]
    fn construction_and_repr() {
        assert_eq!(
            td(1, 3600, 0).repr(),
            "datetime.timedelta(days=1, seconds=3600)"
        );
        assert_eq!(TimeDelta::ZERO.repr(), "datetime.timedelta(0)");
        assert_eq!(
            td(0, -1, 0).repr(),
            "datetime.timedelta(days=-1, seconds=86399)"
        );
        assert_eq!(td(0, 0, 5).repr(), "datetime.timedelta(microseconds=5)");
        assert_eq!(
            args(|a| a.hours = TdNum::Float(-25.5)).unwrap().repr(),
            "datetime.timedelta(days=-2, seconds=81000)"
        );
        assert_eq!(
            args(|a| {
                a.weeks = TdNum::Int(1);
                a.milliseconds = TdNum::Float(1.5)
            })
            .unwrap()
            .repr(),
            "datetime.timedelta(days=7, microseconds=1500)"
        );
        assert_eq!(
            args(|a| a.seconds = TdNum::Float(0.5e-6)).unwrap().repr(),
            "datetime.timedelta(0)"
        );
        assert_eq!(
            args(|a| a.seconds = TdNum::Float(1.5e-6)).unwrap().repr(),
            "datetime.timedelta(microseconds=2)"
        );
        assert_eq!(
            args(|a| a.microseconds = TdNum::Float(-0.5))
                .unwrap()
                .repr(),
            "datetime.timedelta(0)"
        );
        assert_eq!(
            args(|a| a.days = TdNum::Float(1e9))
                .unwrap_err()
                .to_string(),
            "OverflowError: days=1000000000; must have magnitude <= 999999999"
        );
        assert_eq!(
            TimeDelta::new(999999999, 86400, 0).unwrap_err().message,
            "days=1000000000; must have magnitude <= 999999999"
        );
        assert_eq!(
            args(|a| a.seconds = TdNum::Float(f64::INFINITY))
                .unwrap_err()
                .to_string(),
            "OverflowError: cannot convert float infinity to integer"
        );
        assert_eq!(
            args(|a| a.seconds = TdNum::Float(f64::NAN))
                .unwrap_err()
                .to_string(),
            "ValueError: cannot convert float NaN to integer"
        );
        assert_eq!(
            td(-1, 5, 7).repr(),
            "datetime.timedelta(days=-1, seconds=5, microseconds=7)"
        );
        assert_eq!(
            td(999999999, 86399, 999999).repr(),
            "datetime.timedelta(days=999999999, seconds=86399, microseconds=999999)"
        );
    }

    #[test]
    fn str_form() {
        assert_eq!(td(1, 3600, 0).to_str(), "1 day, 1:00:00");
        assert_eq!(td(0, -1, 0).to_str(), "-1 day, 23:59:59");
        assert_eq!(td(2, 0, 5).to_str(), "2 days, 0:00:00.000005");
        assert_eq!(td(-2, 3 * 3600, 0).to_str(), "-2 days, 3:00:00");
        assert_eq!(TimeDelta::ZERO.to_str(), "0:00:00");
        assert_eq!(td(0, 30 * 3600, 0).to_str(), "1 day, 6:00:00");
        assert_eq!(td(0, 0, -1).to_str(), "-1 day, 23:59:59.999999");
        assert_eq!(td(-999999999, 0, 0).to_str(), "-999999999 days, 0:00:00");
    }

    #[test]
    fn arithmetic() {
        let h = td(0, 3600, 0);
        let m7 = td(0, 420, 0);
        assert_eq!(
            h.mul_float(2.5).unwrap().repr(),
            "datetime.timedelta(seconds=9000)"
        );
        assert_eq!(h.div_td(&m7).unwrap(), 8.571428571428571);
        assert_eq!(h.floordiv_td(&m7).unwrap(), Int::from(8));
        assert_eq!(
            h.mod_td(&m7).unwrap().repr(),
            "datetime.timedelta(seconds=240)"
        );
        assert_eq!(
            h.div_int(&Int::from(3)).unwrap().repr(),
            "datetime.timedelta(seconds=1200)"
        );
        assert_eq!(
            h.floordiv_int(&Int::from(7)).unwrap().repr(),
            "datetime.timedelta(seconds=514, microseconds=285714)"
        );
        assert_eq!(td(1, 0, 1).total_seconds(), 86400.000001);
        assert_eq!(
            td(1, 0, 0).div_int(&Int::from(0)).unwrap_err().to_string(),
            "ZeroDivisionError: integer division or modulo by zero"
        );
        assert_eq!(
            td(1, 0, 0)
                .div_td(&TimeDelta::ZERO)
                .unwrap_err()
                .to_string(),
            "ZeroDivisionError: division by zero"
        );
        assert_eq!(
            td(0, 1, 0).div_float(0.0).unwrap_err().message,
            "integer division or modulo by zero"
        );
        assert_eq!(
            td(0, 1, 0).mul_float(f64::NAN).unwrap_err().to_string(),
            "ValueError: cannot convert NaN to integer ratio"
        );
        assert_eq!(
            td(0, 1, 0).mod_td(&TimeDelta::ZERO).unwrap_err().message,
            "integer modulo by zero"
        );
        let s7 = td(0, 7, 0);
        let n2 = td(0, -2, 0);
        assert_eq!(s7.div_td(&n2).unwrap(), -3.5);
        assert_eq!(s7.floordiv_td(&n2).unwrap(), Int::from(-4));
        assert_eq!(
            s7.mod_td(&n2).unwrap().repr(),
            "datetime.timedelta(days=-1, seconds=86399)"
        );
        assert_eq!(
            td(0, -7, 0).floordiv_int(&Int::from(2)).unwrap().repr(),
            "datetime.timedelta(days=-1, seconds=86396, microseconds=500000)"
        );
        assert_eq!(
            td(0, 0, -7).div_int(&Int::from(2)).unwrap().repr(),
            "datetime.timedelta(days=-1, seconds=86399, microseconds=999996)"
        );
        assert_eq!(
            td(0, 0, 5).div_int(&Int::from(2)).unwrap().repr(),
            "datetime.timedelta(microseconds=2)"
        );
        assert_eq!(
            td(0, 0, 7).div_int(&Int::from(2)).unwrap().repr(),
            "datetime.timedelta(microseconds=4)"
        );
        assert_eq!(
            h.mul_int(&Int::from(-1)).unwrap().repr(),
            "datetime.timedelta(days=-1, seconds=82800)"
        );
        assert_eq!(
            td(0, 0, 1).mul_float(0.5).unwrap().repr(),
            "datetime.timedelta(0)"
        );
        assert_eq!(
            td(0, 0, 3).mul_float(0.5).unwrap().repr(),
            "datetime.timedelta(microseconds=2)"
        );
        assert_eq!(
            td(0, 1, 0).div_int(&Int::from(3)).unwrap().repr(),
            "datetime.timedelta(microseconds=333333)"
        );
        assert_eq!(
            td(1, 1, 0).neg().unwrap().repr(),
            "datetime.timedelta(days=-2, seconds=86399)"
        );
        assert_eq!(
            td(-1, 0, 0).abs().unwrap().repr(),
            "datetime.timedelta(days=1)"
        );
        assert_eq!(
            td(1, 0, 0)
                .mul_int(&Int::from(1_000_000_000))
                .unwrap_err()
                .message,
            "days=1000000000; must have magnitude <= 999999999"
        );
        assert_eq!(
            td(1, 0, 0).mul_float(1.5e9).unwrap_err().message,
            "days=1500000000; must have magnitude <= 999999999"
        );
    }
}
