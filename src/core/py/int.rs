//! Python `int`: an `i64` fast path that promotes to a big integer on overflow and
//! demotes back when the value fits again.

use std::cmp::Ordering;
use std::fmt;

use crate::core::py::bignum::{BigInt, BigUint, Sign};
use num_integer::Integer;
use num_traits::{One, Signed, ToPrimitive, Zero};

use super::error::{PyErr, PyResult};
use super::float::float_pow;

/// Largest result size (in bits) that `**` and `<<` will build before raising
/// `MemoryError`, so user code cannot allocate gigabytes.
pub const MAX_INT_BITS: u64 = 1 << 23;

/// CPython's default `sys.get_int_max_str_digits()`.
pub const MAX_STR_DIGITS: usize = 4300;

/// A Python `int`. Invariant: `Big` only holds values outside the `i64` range.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub enum Int {
    /// A value that fits in `i64`.
    Small(i64),
    /// A value that does not fit in `i64` (boxed: an `Int`, and so a `Value`, stays two
    /// words).
    Big(Box<BigInt>),
}

/// Result of `int ** int`: an int, or a float when the exponent is negative.
#[derive(Clone, Debug, PartialEq)]
pub enum IntOrFloat {
    /// Non-negative exponent.
    Int(Int),
    /// Negative exponent (Python converts both operands to float).
    Float(f64),
}

impl From<i64> for Int {
    fn from(v: i64) -> Self {
        Int::Small(v)
    }
}

impl From<bool> for Int {
    fn from(v: bool) -> Self {
        Int::Small(i64::from(v))
    }
}

impl From<BigInt> for Int {
    fn from(v: BigInt) -> Self {
        Int::from_bigint(v)
    }
}

impl Int {
    /// Wraps a big integer, demoting to `Small` when it fits.
    pub fn from_bigint(v: BigInt) -> Self {
        match v.to_i64() {
            Some(s) => Int::Small(s),
            None => Int::Big(Box::new(v)),
        }
    }

    /// Wraps an unsigned big integer.
    pub fn from_biguint(v: BigUint) -> Self {
        Int::from_bigint(BigInt::from_biguint(Sign::Plus, v))
    }

    /// The value as a big integer.
    pub fn to_bigint(&self) -> BigInt {
        match self {
            Int::Small(v) => BigInt::from(*v),
            Int::Big(b) => (**b).clone(),
        }
    }

    /// The value as `i64` when it fits.
    pub fn to_i64(&self) -> Option<i64> {
        match self {
            Int::Small(v) => Some(*v),
            Int::Big(_) => None,
        }
    }

    /// `x == 0`.
    pub fn is_zero(&self) -> bool {
        matches!(self, Int::Small(0))
    }

    /// `x < 0`.
    pub fn is_negative(&self) -> bool {
        match self {
            Int::Small(v) => *v < 0,
            Int::Big(b) => b.is_negative(),
        }
    }

    /// `int(x)` for a float: truncates toward zero.
    pub fn from_f64(x: f64) -> PyResult<Int> {
        if x.is_nan() {
            return Err(PyErr::value("cannot convert float NaN to integer"));
        }
        if x.is_infinite() {
            return Err(PyErr::overflow("cannot convert float infinity to integer"));
        }
        let t = x.trunc();
        if t.abs() < 9.2e18 {
            return Ok(Int::Small(t as i64));
        }
        let bits = t.abs().to_bits();
        let exp = ((bits >> 52) & 0x7ff) as i64 - 1075;
        let mant = (bits & ((1u64 << 52) - 1)) | (1u64 << 52);
        // |t| >= 2^63 so exp > 0.
        let mag = BigInt::from(mant) << (exp.max(0) as usize);
        Ok(Int::from_bigint(if t < 0.0 { -mag } else { mag }))
    }

    /// `float(x)`, correctly rounded; `OverflowError` when too large.
    pub fn to_f64(&self) -> PyResult<f64> {
        match self {
            Int::Small(v) => Ok(*v as f64),
            Int::Big(b) => {
                let f = big_to_f64(b.magnitude());
                if f.is_infinite() {
                    return Err(PyErr::overflow("int too large to convert to float"));
                }
                Ok(if b.is_negative() { -f } else { f })
            }
        }
    }

    /// `x + y`.
    pub fn add(&self, o: &Int) -> Int {
        if let (Int::Small(a), Int::Small(b)) = (self, o)
            && let Some(r) = a.checked_add(*b)
        {
            return Int::Small(r);
        }
        Int::from_bigint(self.to_bigint() + o.to_bigint())
    }

    /// `x - y`.
    pub fn sub(&self, o: &Int) -> Int {
        if let (Int::Small(a), Int::Small(b)) = (self, o)
            && let Some(r) = a.checked_sub(*b)
        {
            return Int::Small(r);
        }
        Int::from_bigint(self.to_bigint() - o.to_bigint())
    }

    /// `x * y`.
    pub fn mul(&self, o: &Int) -> Int {
        if let (Int::Small(a), Int::Small(b)) = (self, o)
            && let Some(r) = a.checked_mul(*b)
        {
            return Int::Small(r);
        }
        Int::from_bigint(self.to_bigint() * o.to_bigint())
    }

    /// `-x`.
    pub fn neg(&self) -> Int {
        match self {
            Int::Small(a) if *a != i64::MIN => Int::Small(-a),
            _ => Int::from_bigint(-self.to_bigint()),
        }
    }

    /// `abs(x)`.
    pub fn abs(&self) -> Int {
        if self.is_negative() {
            self.neg()
        } else {
            self.clone()
        }
    }

    /// `divmod(x, y)` with floor semantics.
    pub fn divmod(&self, o: &Int) -> PyResult<(Int, Int)> {
        if o.is_zero() {
            return Err(PyErr::zero_div("integer division or modulo by zero"));
        }
        if let (Int::Small(a), Int::Small(b)) = (self, o)
            && let (Some(q), Some(r)) = (a.checked_div(*b), a.checked_rem(*b))
        {
            if r != 0 && ((r < 0) != (*b < 0)) {
                return Ok((Int::Small(q - 1), Int::Small(r + b)));
            }
            return Ok((Int::Small(q), Int::Small(r)));
        }
        let (q, r) = self.to_bigint().div_mod_floor(&o.to_bigint());
        Ok((Int::from_bigint(q), Int::from_bigint(r)))
    }

    /// `x // y`.
    pub fn floordiv(&self, o: &Int) -> PyResult<Int> {
        Ok(self.divmod(o)?.0)
    }

    /// `x % y`.
    pub fn modulo(&self, o: &Int) -> PyResult<Int> {
        if o.is_zero() {
            return Err(PyErr::zero_div("integer modulo by zero"));
        }
        Ok(self.divmod(o)?.1)
    }

    /// `x / y`: correctly rounded float result.
    pub fn truediv(&self, o: &Int) -> PyResult<f64> {
        if o.is_zero() {
            return Err(PyErr::zero_div("division by zero"));
        }
        const LIM: i64 = 1 << 53;
        if let (Int::Small(a), Int::Small(b)) = (self, o)
            && (-LIM..=LIM).contains(a)
            && (-LIM..=LIM).contains(b)
        {
            return Ok(*a as f64 / *b as f64);
        }
        let neg = self.is_negative() != o.is_negative();
        let n = self.to_bigint().magnitude().clone();
        let d = o.to_bigint().magnitude().clone();
        if n.is_zero() {
            return Ok(if neg { -0.0 } else { 0.0 });
        }
        let diff = n.bits() as i64 - d.bits() as i64;
        if diff > 1025 {
            return Err(PyErr::overflow(
                "integer division result too large for a float",
            ));
        }
        if diff < -1100 {
            return Ok(if neg { -0.0 } else { 0.0 });
        }
        let shift = 55 - diff;
        let (n2, d2) = if shift >= 0 {
            (n << (shift as usize), d)
        } else {
            (n, d << ((-shift) as usize))
        };
        let (mut q, r) = n2.div_rem(&d2);
        if !r.is_zero() {
            q |= BigUint::one();
        }
        let qf = q.to_u64().map(|v| v as f64).unwrap_or(f64::INFINITY);
        let f = ldexp(qf, -shift);
        if f.is_infinite() {
            return Err(PyErr::overflow(
                "integer division result too large for a float",
            ));
        }
        Ok(if neg { -f } else { f })
    }

    /// `x ** y` (no modulus). A negative exponent gives a float like CPython.
    pub fn pow(&self, exp: &Int) -> PyResult<IntOrFloat> {
        if exp.is_negative() {
            let b = self.to_f64()?;
            let e = exp.to_f64()?;
            return float_pow(b, e).map(IntOrFloat::Float);
        }
        match self {
            Int::Small(0) => return Ok(IntOrFloat::Int(Int::Small(i64::from(exp.is_zero())))),
            Int::Small(1) => return Ok(IntOrFloat::Int(Int::Small(1))),
            Int::Small(-1) => {
                let odd = match exp {
                    Int::Small(e) => e & 1 == 1,
                    Int::Big(b) => b.is_odd(),
                };
                return Ok(IntOrFloat::Int(Int::Small(if odd { -1 } else { 1 })));
            }
            _ => {}
        }
        let e = match exp.to_i64() {
            Some(e) => e as u64,
            None => return Err(PyErr::memory()),
        };
        let bits = self.bit_length();
        if bits.saturating_sub(1).saturating_mul(e) > MAX_INT_BITS {
            return Err(PyErr::memory());
        }
        if let (Int::Small(b), Ok(e32)) = (self, u32::try_from(e))
            && let Some(r) = b.checked_pow(e32)
        {
            return Ok(IntOrFloat::Int(Int::Small(r)));
        }
        let e32 = u32::try_from(e).map_err(|_| PyErr::memory())?;
        Ok(IntOrFloat::Int(Int::from_bigint(num_traits::pow(
            self.to_bigint(),
            e32 as usize,
        ))))
    }

    /// `pow(x, y, m)`.
    pub fn pow_mod(&self, exp: &Int, m: &Int) -> PyResult<Int> {
        if m.is_zero() {
            return Err(PyErr::value("pow() 3rd argument cannot be 0"));
        }
        if exp.is_negative() {
            return Err(PyErr::value("base is not invertible for the given modulus"));
        }
        let mb = m.to_bigint();
        let r = self.to_bigint().modpow(&exp.to_bigint(), &mb.abs());
        // modpow returns a value in [0, |m|); Python's result has the sign of m.
        let r = if mb.is_negative() && !r.is_zero() {
            r + mb
        } else {
            r
        };
        Ok(Int::from_bigint(r))
    }

    fn shift_count(o: &Int) -> PyResult<Option<u64>> {
        if o.is_negative() {
            return Err(PyErr::value("negative shift count"));
        }
        Ok(o.to_i64().map(|v| v as u64))
    }

    /// `x << y`.
    pub fn shl(&self, o: &Int) -> PyResult<Int> {
        let n = Int::shift_count(o)?;
        if self.is_zero() {
            return Ok(Int::Small(0));
        }
        let n = n.ok_or_else(PyErr::memory)?;
        if self.bit_length().saturating_add(n) > MAX_INT_BITS {
            return Err(PyErr::memory());
        }
        if let Int::Small(a) = self
            && n < 63
            && let Some(r) = a.checked_mul(1i64 << n)
        {
            return Ok(Int::Small(r));
        }
        Ok(Int::from_bigint(self.to_bigint() << (n as usize)))
    }

    /// `x >> y` (arithmetic, rounds toward negative infinity).
    pub fn shr(&self, o: &Int) -> PyResult<Int> {
        let n = Int::shift_count(o)?;
        let n = match n {
            Some(n) if n < self.bit_length() + 1 => n,
            _ => return Ok(Int::Small(if self.is_negative() { -1 } else { 0 })),
        };
        match self {
            Int::Small(a) => Ok(Int::Small(a >> n.min(63))),
            Int::Big(b) => Ok(Int::from_bigint(&**b >> (n as usize))),
        }
    }

    /// `x & y`.
    pub fn bitand(&self, o: &Int) -> Int {
        match (self, o) {
            (Int::Small(a), Int::Small(b)) => Int::Small(a & b),
            _ => Int::from_bigint(self.to_bigint() & o.to_bigint()),
        }
    }

    /// `x | y`.
    pub fn bitor(&self, o: &Int) -> Int {
        match (self, o) {
            (Int::Small(a), Int::Small(b)) => Int::Small(a | b),
            _ => Int::from_bigint(self.to_bigint() | o.to_bigint()),
        }
    }

    /// `x ^ y`.
    pub fn bitxor(&self, o: &Int) -> Int {
        match (self, o) {
            (Int::Small(a), Int::Small(b)) => Int::Small(a ^ b),
            _ => Int::from_bigint(self.to_bigint() ^ o.to_bigint()),
        }
    }

    /// `~x` (= `-x - 1`).
    pub fn invert(&self) -> Int {
        match self {
            Int::Small(a) => Int::Small(!a),
            Int::Big(b) => Int::from_bigint(-&**b - 1),
        }
    }

    /// `x.bit_length()`.
    pub fn bit_length(&self) -> u64 {
        match self {
            Int::Small(a) => u64::from(64 - a.unsigned_abs().leading_zeros()),
            Int::Big(b) => b.bits(),
        }
    }

    /// Exact comparison with a float like CPython (`None` when `f` is NaN).
    pub fn cmp_f64(&self, f: f64) -> Option<Ordering> {
        if f.is_nan() {
            return None;
        }
        if f.is_infinite() {
            return Some(if f > 0.0 {
                Ordering::Less
            } else {
                Ordering::Greater
            });
        }
        let t = f.trunc();
        let ti = Int::from_f64(t).ok()?;
        match self.cmp(&ti) {
            Ordering::Equal => {
                let fr = f - t;
                Some(if fr > 0.0 {
                    Ordering::Less
                } else if fr < 0.0 {
                    Ordering::Greater
                } else {
                    Ordering::Equal
                })
            }
            o => Some(o),
        }
    }

    /// `x == f` for a float, exact.
    pub fn eq_f64(&self, f: f64) -> bool {
        self.cmp_f64(f) == Some(Ordering::Equal)
    }

    /// `round(x, ndigits)` for an int (half-even to a multiple of `10**-ndigits`).
    pub fn round(&self, ndigits: i64) -> Int {
        if ndigits >= 0 {
            return self.clone();
        }
        let k = ndigits.unsigned_abs();
        // 10^k > 2 * |x| means the result is 0 (bit_length * log10(2) < k - 1).
        if k > self.bit_length() / 3 + 2 {
            return Int::Small(0);
        }
        let p = num_traits::pow(BigUint::from(10u32), k as usize);
        let big = self.to_bigint();
        let mag = big.magnitude();
        let (q, r) = mag.div_rem(&p);
        let twice = &r << 1usize;
        let up = match twice.cmp(&p) {
            Ordering::Greater => true,
            Ordering::Less => false,
            Ordering::Equal => q.bit(0),
        };
        let q = if up { q + 1u32 } else { q };
        let res = BigInt::from_biguint(Sign::Plus, q * p);
        Int::from_bigint(if big.is_negative() { -res } else { res })
    }
}

/// Correctly rounded (half-even) conversion of a big magnitude to f64 (may be inf).
fn big_to_f64(m: &BigUint) -> f64 {
    let bits = m.bits();
    if bits <= 64 {
        return m.to_u64().map(|v| v as f64).unwrap_or(0.0);
    }
    if bits > 1100 {
        return f64::INFINITY;
    }
    let shift = bits - 64;
    let top = m >> (shift as usize);
    let mut t = top.to_u64().unwrap_or(u64::MAX);
    if m.trailing_zeros().unwrap_or(0) < shift {
        t |= 1;
    }
    ldexp(t as f64, shift as i64)
}

/// `x * 2^e` without intermediate overflow/underflow.
fn ldexp(mut x: f64, mut e: i64) -> f64 {
    while e > 1000 {
        x *= 2f64.powi(1000);
        e -= 1000;
        if x.is_infinite() {
            return x;
        }
    }
    while e < -1000 {
        x *= 2f64.powi(-1000);
        e += 1000;
    }
    x * 2f64.powi(e as i32)
}

macro_rules! int_binop {
    ($tr:ident, $m:ident, $call:ident) => {
        impl std::ops::$tr<&Int> for &Int {
            type Output = Int;
            fn $m(self, o: &Int) -> Int {
                Int::$call(self, o)
            }
        }
    };
}
int_binop!(Add, add, add);
int_binop!(Sub, sub, sub);
int_binop!(Mul, mul, mul);
int_binop!(BitAnd, bitand, bitand);
int_binop!(BitOr, bitor, bitor);
int_binop!(BitXor, bitxor, bitxor);

impl std::ops::Neg for &Int {
    type Output = Int;
    fn neg(self) -> Int {
        Int::neg(self)
    }
}

impl std::ops::Not for &Int {
    type Output = Int;
    /// `~x`.
    fn not(self) -> Int {
        self.invert()
    }
}

impl PartialOrd for Int {
    fn partial_cmp(&self, other: &Self) -> Option<Ordering> {
        Some(self.cmp(other))
    }
}

impl Ord for Int {
    fn cmp(&self, other: &Self) -> Ordering {
        match (self, other) {
            (Int::Small(a), Int::Small(b)) => a.cmp(b),
            _ => self.to_bigint().cmp(&other.to_bigint()),
        }
    }
}

impl fmt::Display for Int {
    /// Decimal digits (no digit limit; use [`Int::to_py_str`] for Python's `str`).
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Int::Small(v) => write!(f, "{v}"),
            Int::Big(b) => write!(f, "{b}"),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn i(v: i64) -> Int {
        Int::Small(v)
    }
    fn p(s: &str) -> Int {
        Int::from_str_radix(s, 10).unwrap()
    }

    #[test]
    fn promotion_and_demotion() {
        let big = i(i64::MAX).add(&i(1));
        assert!(matches!(big, Int::Big(_)));
        assert_eq!(big.to_string(), "9223372036854775808");
        assert_eq!(big.sub(&i(1)), i(i64::MAX));
        assert_eq!(
            i(i64::MIN).floordiv(&i(-1)).unwrap().to_string(),
            "9223372036854775808"
        );
        assert_eq!(i(i64::MIN).neg().to_string(), "9223372036854775808");
        assert_eq!(i(3).mul(&i(i64::MAX)).to_string(), "27670116110564327421");
    }

    #[test]
    fn operator_traits() {
        assert_eq!(&i(2) + &i(3), i(5));
        assert_eq!(&i(2) - &i(3), i(-1));
        assert_eq!(&i(i64::MAX) * &i(2), i(i64::MAX).mul(&i(2)));
        assert_eq!(-&i(5), i(-5));
        assert_eq!(!&i(5), i(-6));
        assert_eq!(&i(6) & &i(3), i(2));
        assert_eq!(&i(6) | &i(3), i(7));
        assert_eq!(&i(6) ^ &i(3), i(5));
    }

    #[test]
    fn floor_semantics() {
        assert_eq!(i(-7).floordiv(&i(2)), Ok(i(-4)));
        assert_eq!(i(-7).modulo(&i(2)), Ok(i(1)));
        assert_eq!(i(7).modulo(&i(-2)), Ok(i(-1)));
        assert_eq!(
            i(1).floordiv(&i(0)).unwrap_err().message,
            "integer division or modulo by zero"
        );
        assert_eq!(
            i(1).modulo(&i(0)).unwrap_err().message,
            "integer modulo by zero"
        );
        assert_eq!(
            i(1).truediv(&i(0)).unwrap_err().to_string(),
            "ZeroDivisionError: division by zero"
        );
    }

    #[test]
    fn true_division() {
        let e30 = p("1000000000000000000000000000000");
        let f = e30.truediv(&i(30000000000)).unwrap();
        assert_eq!(
            crate::core::py::float::float_repr(f),
            "3.333333333333333e+19"
        );
        let a = i(1).shl(&i(1000)).unwrap().add(&i(1));
        let b = i(1).shl(&i(990)).unwrap();
        assert_eq!(a.truediv(&b), Ok(1024.0));
        let m = p("-100000000000000000000").truediv(&i(7)).unwrap();
        assert_eq!(
            crate::core::py::float::float_repr(m),
            "-1.4285714285714287e+19"
        );
        let huge = i(10).pow(&i(400)).unwrap();
        let IntOrFloat::Int(huge) = huge else {
            panic!()
        };
        assert_eq!(
            huge.truediv(&i(1)).unwrap_err().to_string(),
            "OverflowError: integer division result too large for a float"
        );
        assert_eq!(
            huge.to_f64().unwrap_err().message,
            "int too large to convert to float"
        );
        assert_eq!(
            crate::core::py::float::float_repr(i(0).truediv(&i(-1)).unwrap()),
            "-0.0"
        );
    }

    #[test]
    fn to_float_rounding() {
        let a = i(1).shl(&i(64)).unwrap().add(&i(1 << 11));
        assert_eq!(
            crate::core::py::float::float_repr(a.to_f64().unwrap()),
            "1.8446744073709552e+19"
        );
        let b = a.add(&i(1));
        assert_eq!(
            crate::core::py::float::float_repr(b.to_f64().unwrap()),
            "1.8446744073709556e+19"
        );
    }

    #[test]
    fn powers_and_bits() {
        assert_eq!(i(2).pow(&i(-2)), Ok(IntOrFloat::Float(0.25)));
        assert_eq!(
            i(0).pow(&i(-1)).unwrap_err().to_string(),
            "ZeroDivisionError: 0.0 cannot be raised to a negative power"
        );
        assert_eq!(
            i(2).pow(&i(100)).unwrap(),
            IntOrFloat::Int(p("1267650600228229401496703205376"))
        );
        assert_eq!(
            i(7).pow(&i(1 << 40)).unwrap_err().kind,
            crate::core::py::PyErrKind::MemoryError
        );
        assert_eq!(i(-1).pow(&i(1 << 40)), Ok(IntOrFloat::Int(i(1))));
        assert_eq!(
            i(1).shl(&i(-1)).unwrap_err().to_string(),
            "ValueError: negative shift count"
        );
        assert_eq!(
            i(1).shr(&i(-1)).unwrap_err().message,
            "negative shift count"
        );
        assert_eq!(
            i(1).shl(&p("9223372036854775808")).unwrap_err().to_string(),
            "MemoryError"
        );
        assert_eq!(i(-1).shr(&i(1)), Ok(i(-1)));
        assert_eq!(i(-1).shr(&i(100)), Ok(i(-1)));
        assert_eq!(i(-1).shl(&i(100)).unwrap().shr(&i(99)), Ok(i(-2)));
        assert_eq!(i(5).invert(), i(-6));
        assert_eq!(i(-5).bitand(&i(3)), i(3));
        assert_eq!(i(-5).bitor(&i(3)), i(-5));
        assert_eq!(i(-5).bitxor(&i(3)), i(-8));
        assert_eq!(i(1).shl(&i(64)).unwrap().bit_length(), 65);
        assert_eq!(i(-255).bit_length(), 8);
        assert_eq!(i(0).bit_length(), 0);
        assert_eq!(
            i(2).pow_mod(&i(3), &i(0)).unwrap_err().message,
            "pow() 3rd argument cannot be 0"
        );
        assert_eq!(i(2).pow_mod(&i(10), &i(-7)), Ok(i(-5)));
    }

    #[test]
    fn float_comparisons() {
        let big = i(1).shl(&i(53)).unwrap().add(&i(1));
        let f = big.to_f64().unwrap();
        assert!(!big.eq_f64(f));
        assert_eq!(big.cmp_f64(f), Some(Ordering::Greater));
        assert_eq!(i(5).cmp_f64(5.5), Some(Ordering::Less));
        assert_eq!(i(-5).cmp_f64(-5.5), Some(Ordering::Greater));
        assert_eq!(i(1).cmp_f64(f64::NAN), None);
        assert_eq!(
            p("1".repeat(400).as_str()).cmp_f64(f64::INFINITY),
            Some(Ordering::Less)
        );
        assert!(i(1).eq_f64(1.0));
    }

    #[test]
    fn rounding() {
        assert_eq!(i(15).round(-1), i(20));
        assert_eq!(i(25).round(-1), i(20));
        assert_eq!(i(-25).round(-1), i(-20));
        assert_eq!(i(5).round(-1), i(0));
        assert_eq!(i(123).round(-5), i(0));
        assert_eq!(i(123).round(2), i(123));
        assert_eq!(i(7).round(i64::MIN), i(0));
    }

    #[test]
    fn from_float() {
        assert_eq!(Int::from_f64(3.9), Ok(i(3)));
        assert_eq!(Int::from_f64(-3.9), Ok(i(-3)));
        assert_eq!(
            Int::from_f64(1e20).unwrap().to_string(),
            "100000000000000000000"
        );
        assert_eq!(
            Int::from_f64(-1e20).unwrap().to_string(),
            "-100000000000000000000"
        );
    }

    proptest::proptest! {
        #[test]
        fn matches_i128(a in proptest::prelude::any::<i64>(), b in proptest::prelude::any::<i64>()) {
            let (x, y) = (i(a), i(b));
            let (a2, b2) = (i128::from(a), i128::from(b));
            proptest::prop_assert_eq!(x.add(&y).to_string(), (a2 + b2).to_string());
            proptest::prop_assert_eq!(x.sub(&y).to_string(), (a2 - b2).to_string());
            proptest::prop_assert_eq!(x.mul(&y).to_string(), (a2 * b2).to_string());
            if b != 0 {
                let (q, r) = (a2 / b2, a2 % b2);
                let (q, r) = if r != 0 && ((r < 0) != (b2 < 0)) { (q - 1, r + b2) } else { (q, r) };
                proptest::prop_assert_eq!(x.floordiv(&y).unwrap().to_string(), q.to_string());
                proptest::prop_assert_eq!(x.modulo(&y).unwrap().to_string(), r.to_string());
            }
            proptest::prop_assert_eq!(x.cmp(&y), a.cmp(&b));
        }
    }
}
