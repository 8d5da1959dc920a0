//! `Decimal` arithmetic in the default context: `+`, `-`, `*`, `/`, `//`, `%`, unary `-`/`+`,
//! `abs`, with CPython's signals (InvalidOperation, DivisionByZero, Overflow).

use crate::core::py::bignum::BigUint;
use num_integer::Integer;
use num_traits::{One, Zero};

use super::decimal::{
    Decimal, ETINY, Kind, PREC, division_by_zero, division_impossible, division_undefined,
    invalid_op, ndigits, overflow, pow10,
};
use super::error::PyResult;

impl Decimal {
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

    pub(super) fn round_ctx(self) -> PyResult<Decimal> {
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
}
