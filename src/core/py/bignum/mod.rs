//! Arbitrary-precision integers for Python's `int` and `decimal`: [`BigUint`] (a
//! magnitude) and [`BigInt`] (sign and magnitude), with the operations `int.rs`,
//! `decimal*.rs`, `timedelta.rs` and `float.rs` use, under the names and with the
//! semantics of the `num-bigint` crate they replace (which the tests check them against):
//! `/` and `%` truncate, `Integer::div_floor`/`mod_floor` floor, `>>` of a negative number
//! floors and `&`/`|`/`^`/`!` act on two's complement.
//!
//! Schoolbook multiplication and Knuth's long division on 32-bit digits: the numbers
//! here are at most a few thousand digits (CPython's `int` ↔ `str` limit is 4300), and
//! the worker's download is what this module saves (a smaller copy of what the crate
//! does with Karatsuba, Toom-3 and Burnikel–Ziegler, which such sizes never reach).

use std::cmp::Ordering;
use std::fmt;
use std::ops::{Neg, Not};

use num_integer::Integer;
use num_traits::{Num, One, Signed, ToPrimitive, Zero};

mod digits;
mod ops;

use digits::{
    add_digits, cmp_digits, divrem_digit, divrem_digits, mul_digits, shl_digits, shr_digits,
    sub_digits, trim,
};
#[cfg(test)]
mod tests;

/// A non-negative integer: 32-bit digits, least significant first, no leading zero
/// digits (zero has none).
#[derive(Clone, Default, PartialEq, Eq, Hash)]
pub struct BigUint {
    d: Vec<u32>,
}

/// The sign of a [`BigInt`].
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Sign {
    /// Below zero.
    Minus,
    /// Zero.
    NoSign,
    /// Above zero.
    Plus,
}

/// A signed integer: a sign and a magnitude (zero is never negative).
#[derive(Clone, Default, PartialEq, Eq, Hash)]
pub struct BigInt {
    neg: bool,
    mag: BigUint,
}

// ---- BigUint -----------------------------------------------------------------------

impl BigUint {
    fn from_digits(d: Vec<u32>) -> Self {
        BigUint { d: trim(d) }
    }

    /// Significant bits (0 for zero).
    pub fn bits(&self) -> u64 {
        match self.d.last() {
            None => 0,
            Some(&top) => self.d.len() as u64 * 32 - u64::from(top.leading_zeros()),
        }
    }

    /// Bit `i` (the least significant is bit 0).
    pub fn bit(&self, i: u64) -> bool {
        let w = (i / 32) as usize;
        self.d.get(w).is_some_and(|&x| x >> (i % 32) & 1 == 1)
    }

    /// The number of zero bits below the lowest one; `None` for zero.
    pub fn trailing_zeros(&self) -> Option<u64> {
        let i = self.d.iter().position(|&x| x != 0)?;
        Some(i as u64 * 32 + u64::from(self.d[i].trailing_zeros()))
    }

    /// `self ** exp`.
    pub fn pow(&self, exp: u32) -> Self {
        let mut result = BigUint::one();
        let mut base = self.clone();
        let mut e = exp;
        while e > 0 {
            if e & 1 == 1 {
                result = &result * &base;
            }
            e >>= 1;
            if e > 0 {
                base = &base * &base;
            }
        }
        result
    }

    /// `self ** exp % modulus` (`modulus` not zero).
    pub fn modpow(&self, exp: &BigUint, modulus: &BigUint) -> Self {
        let mut result = BigUint::one() % modulus;
        let mut base = self % modulus;
        for i in 0..exp.bits() {
            if exp.bit(i) {
                result = &(&result * &base) % modulus;
            }
            base = &(&base * &base) % modulus;
        }
        result
    }

    /// The integer square root (the largest `r` with `r * r <= self`).
    pub fn sqrt(&self) -> Self {
        if self.d.is_empty() {
            return BigUint::zero();
        }
        // Newton's iteration from above: 2^ceil(bits / 2) >= sqrt(self).
        let mut x = BigUint::one() << self.bits().div_ceil(2) as usize;
        loop {
            let y = (&x + &(self / &x)) >> 1usize;
            if y >= x {
                return x;
            }
            x = y;
        }
    }

    /// The digits in base `radix` (2..=36), lowercase.
    pub fn to_str_radix(&self, radix: u32) -> String {
        assert!((2..=36).contains(&radix), "radix out of range");
        if self.d.is_empty() {
            return "0".into();
        }
        // Peel off the largest power of the radix that fits a digit, repeatedly.
        let (mut chunk, mut per) = (radix, 1usize);
        while let Some(next) = chunk.checked_mul(radix) {
            chunk = next;
            per += 1;
        }
        let mut parts = Vec::new();
        let mut rest = self.d.clone();
        while !rest.is_empty() {
            let (q, r) = divrem_digit(&rest, chunk);
            parts.push(r);
            rest = q;
        }
        let mut out = String::with_capacity(parts.len() * per);
        for (i, part) in parts.iter().rev().enumerate() {
            let mut digits = Vec::with_capacity(per);
            let mut p = *part;
            while p > 0 {
                digits.push(char::from_digit(p % radix, radix).unwrap_or('0'));
                p /= radix;
            }
            if i > 0 {
                digits.resize(per, '0');
            }
            out.extend(digits.iter().rev());
        }
        out
    }

    /// Parses digits in base `radix` (2..=36; `_` separators allowed between digits, as
    /// `num-bigint` takes them); `None` for anything else, or no digits.
    pub fn parse_bytes(bytes: &[u8], radix: u32) -> Option<Self> {
        let mut d: Vec<u32> = Vec::new();
        let mut any = false;
        let mut last_underscore = true;
        for &b in bytes {
            if b == b'_' {
                if last_underscore {
                    return None;
                }
                last_underscore = true;
                continue;
            }
            let v = (b as char).to_digit(radix)?;
            last_underscore = false;
            any = true;
            // d = d * radix + v
            let mut carry = u64::from(v);
            for x in d.iter_mut() {
                let t = u64::from(*x) * u64::from(radix) + carry;
                *x = t as u32;
                carry = t >> 32;
            }
            if carry != 0 {
                d.push(carry as u32);
            }
        }
        (any && !last_underscore).then(|| BigUint::from_digits(d))
    }

    fn to_f64_rounded(&self) -> f64 {
        let bits = self.bits();
        if bits <= 64 {
            return self.to_u64().unwrap_or(0) as f64;
        }
        let shift = bits - 64;
        let top = (self >> shift as usize).to_u64().unwrap_or(u64::MAX);
        // Any bit shifted out sets the lowest kept bit, so the conversion below rounds as
        // the exact value would (to nearest, ties to even).
        let sticky = self.trailing_zeros().is_some_and(|t| t < shift);
        let f = (top | u64::from(sticky)) as f64;
        if shift > 1100 {
            return f64::INFINITY;
        }
        f * 2f64.powi(shift as i32)
    }
}

impl fmt::Display for BigUint {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.pad_integral(true, "", &self.to_str_radix(10))
    }
}

impl fmt::Debug for BigUint {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Display::fmt(self, f)
    }
}

impl PartialOrd for BigUint {
    fn partial_cmp(&self, other: &Self) -> Option<Ordering> {
        Some(self.cmp(other))
    }
}

impl Ord for BigUint {
    fn cmp(&self, other: &Self) -> Ordering {
        cmp_digits(&self.d, &other.d)
    }
}

impl From<u32> for BigUint {
    fn from(v: u32) -> Self {
        BigUint::from(u64::from(v))
    }
}

impl From<u64> for BigUint {
    fn from(v: u64) -> Self {
        BigUint::from_digits(vec![v as u32, (v >> 32) as u32])
    }
}

impl From<u128> for BigUint {
    fn from(v: u128) -> Self {
        BigUint::from_digits((0..4).map(|i| (v >> (32 * i)) as u32).collect())
    }
}

impl Zero for BigUint {
    fn zero() -> Self {
        BigUint { d: Vec::new() }
    }
    fn is_zero(&self) -> bool {
        self.d.is_empty()
    }
}

impl One for BigUint {
    fn one() -> Self {
        BigUint { d: vec![1] }
    }
    fn is_one(&self) -> bool {
        self.d == [1]
    }
}

impl ToPrimitive for BigUint {
    fn to_i64(&self) -> Option<i64> {
        self.to_u64().and_then(|v| i64::try_from(v).ok())
    }
    fn to_u64(&self) -> Option<u64> {
        match self.d.len() {
            0 => Some(0),
            1 => Some(u64::from(self.d[0])),
            2 => Some(u64::from(self.d[0]) | (u64::from(self.d[1]) << 32)),
            _ => None,
        }
    }
    fn to_i128(&self) -> Option<i128> {
        self.to_u128().and_then(|v| i128::try_from(v).ok())
    }
    fn to_u128(&self) -> Option<u128> {
        (self.d.len() <= 4).then(|| {
            self.d
                .iter()
                .enumerate()
                .fold(0u128, |acc, (i, &x)| acc | (u128::from(x) << (32 * i)))
        })
    }
    fn to_f64(&self) -> Option<f64> {
        Some(self.to_f64_rounded())
    }
}

impl Num for BigUint {
    type FromStrRadixErr = ParseBigIntError;
    fn from_str_radix(s: &str, radix: u32) -> Result<Self, ParseBigIntError> {
        BigUint::parse_bytes(s.as_bytes(), radix).ok_or(ParseBigIntError)
    }
}

impl Integer for BigUint {
    fn div_floor(&self, other: &Self) -> Self {
        self / other
    }
    fn mod_floor(&self, other: &Self) -> Self {
        self % other
    }
    fn gcd(&self, other: &Self) -> Self {
        let (mut a, mut b) = (self.clone(), other.clone());
        while !b.is_zero() {
            let r = &a % &b;
            a = b;
            b = r;
        }
        a
    }
    fn lcm(&self, other: &Self) -> Self {
        if self.is_zero() || other.is_zero() {
            return BigUint::zero();
        }
        &(self / &self.gcd(other)) * other
    }
    fn is_multiple_of(&self, other: &Self) -> bool {
        if other.is_zero() {
            return self.is_zero();
        }
        (self % other).is_zero()
    }
    fn is_even(&self) -> bool {
        !self.bit(0)
    }
    fn is_odd(&self) -> bool {
        self.bit(0)
    }
    fn div_rem(&self, other: &Self) -> (Self, Self) {
        let (q, r) = divrem(&self.d, &other.d);
        (BigUint::from_digits(q), BigUint::from_digits(r))
    }
}

fn divrem(a: &[u32], b: &[u32]) -> (Vec<u32>, Vec<u32>) {
    assert!(!b.is_empty(), "attempt to divide by zero");
    divrem_digits(a, b)
}

/// A string that is not a number in the radix asked for.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ParseBigIntError;

impl fmt::Display for ParseBigIntError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("invalid digit found in string")
    }
}

// ---- BigInt ------------------------------------------------------------------------

impl BigInt {
    fn new(neg: bool, mag: BigUint) -> Self {
        BigInt {
            neg: neg && !mag.is_zero(),
            mag,
        }
    }

    /// A signed number from a sign and a magnitude (`NoSign` makes zero).
    pub fn from_biguint(sign: Sign, mag: BigUint) -> Self {
        match sign {
            Sign::NoSign => BigInt::zero(),
            s => BigInt::new(s == Sign::Minus, mag),
        }
    }

    /// The sign.
    pub fn sign(&self) -> Sign {
        match (self.neg, self.mag.is_zero()) {
            (_, true) => Sign::NoSign,
            (true, _) => Sign::Minus,
            _ => Sign::Plus,
        }
    }

    /// The absolute value, as a [`BigUint`].
    pub fn magnitude(&self) -> &BigUint {
        &self.mag
    }

    /// Bits of the magnitude.
    pub fn bits(&self) -> u64 {
        self.mag.bits()
    }

    /// Bit `i` of the two's complement representation (infinitely sign-extended).
    pub fn bit(&self, i: u64) -> bool {
        if !self.neg {
            return self.mag.bit(i);
        }
        // -m in two's complement is !(m - 1).
        !(&self.mag - &BigUint::one()).bit(i)
    }

    /// The number of zero bits below the lowest one; `None` for zero.
    pub fn trailing_zeros(&self) -> Option<u64> {
        self.mag.trailing_zeros()
    }

    /// `self ** exp`.
    pub fn pow(&self, exp: u32) -> Self {
        BigInt::new(self.neg && exp % 2 == 1, self.mag.pow(exp))
    }

    /// `self ** exp` modulo `modulus`, as `num-bigint` gives it: in `[0, |m|)` for a
    /// positive modulus (negative bases are reduced first); `exp` not negative.
    pub fn modpow(&self, exp: &BigInt, modulus: &BigInt) -> Self {
        assert!(!exp.neg, "negative exponentiation is not supported");
        assert!(
            !modulus.mag.is_zero(),
            "attempt to calculate with zero modulus"
        );
        let r = self.mag.modpow(&exp.mag, &modulus.mag);
        let r = if self.neg && exp.mag.bit(0) && !r.is_zero() {
            &modulus.mag - &r
        } else {
            r
        };
        // The result takes the modulus's sign, as `num-bigint` does.
        if modulus.neg && !r.is_zero() {
            BigInt::new(true, &modulus.mag - &r)
        } else {
            BigInt::new(false, r)
        }
    }

    /// The digits in base `radix`, with a `-` for a negative number.
    pub fn to_str_radix(&self, radix: u32) -> String {
        let digits = self.mag.to_str_radix(radix);
        if self.neg {
            format!("-{digits}")
        } else {
            digits
        }
    }

    /// Parses an optional sign and digits in base `radix` (see [`BigUint::parse_bytes`]).
    pub fn parse_bytes(bytes: &[u8], radix: u32) -> Option<Self> {
        let (neg, digits) = match bytes.first() {
            Some(b'-') => (true, &bytes[1..]),
            Some(b'+') => (false, &bytes[1..]),
            _ => (false, bytes),
        };
        BigUint::parse_bytes(digits, radix).map(|m| BigInt::new(neg, m))
    }

    /// The magnitude when the number is not negative.
    pub fn to_biguint(&self) -> Option<BigUint> {
        (!self.neg).then(|| self.mag.clone())
    }
}

impl fmt::Display for BigInt {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.pad_integral(!self.neg, "", &self.mag.to_str_radix(10))
    }
}

impl fmt::Debug for BigInt {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Display::fmt(self, f)
    }
}

impl PartialOrd for BigInt {
    fn partial_cmp(&self, other: &Self) -> Option<Ordering> {
        Some(self.cmp(other))
    }
}

impl Ord for BigInt {
    fn cmp(&self, other: &Self) -> Ordering {
        match (self.neg, other.neg) {
            (false, true) => Ordering::Greater,
            (true, false) => Ordering::Less,
            (false, false) => self.mag.cmp(&other.mag),
            (true, true) => other.mag.cmp(&self.mag),
        }
    }
}

impl From<BigUint> for BigInt {
    fn from(mag: BigUint) -> Self {
        BigInt::new(false, mag)
    }
}

macro_rules! from_signed {
    ($($t:ty => $u:ty),*) => {$(
        impl From<$t> for BigInt {
            fn from(v: $t) -> Self {
                BigInt::new(v < 0, BigUint::from(v.unsigned_abs() as $u))
            }
        }
    )*};
}
from_signed!(i32 => u64, i64 => u64, i128 => u128);

macro_rules! from_unsigned {
    ($($t:ty),*) => {$(
        impl From<$t> for BigInt {
            fn from(v: $t) -> Self {
                BigInt::new(false, BigUint::from(v))
            }
        }
    )*};
}
from_unsigned!(u32, u64, u128);

impl Zero for BigInt {
    fn zero() -> Self {
        BigInt::default()
    }
    fn is_zero(&self) -> bool {
        self.mag.is_zero()
    }
}

impl One for BigInt {
    fn one() -> Self {
        BigInt::new(false, BigUint::one())
    }
}

impl ToPrimitive for BigInt {
    fn to_i64(&self) -> Option<i64> {
        let m = self.mag.to_u64()?;
        if self.neg {
            if m <= 1 << 63 {
                Some((m as i64).wrapping_neg())
            } else {
                None
            }
        } else {
            i64::try_from(m).ok()
        }
    }
    fn to_u64(&self) -> Option<u64> {
        if self.neg { None } else { self.mag.to_u64() }
    }
    fn to_i128(&self) -> Option<i128> {
        let m = self.mag.to_u128()?;
        if self.neg {
            if m <= 1 << 127 {
                Some((m as i128).wrapping_neg())
            } else {
                None
            }
        } else {
            i128::try_from(m).ok()
        }
    }
    fn to_u128(&self) -> Option<u128> {
        if self.neg { None } else { self.mag.to_u128() }
    }
    fn to_f64(&self) -> Option<f64> {
        let f = self.mag.to_f64_rounded();
        Some(if self.neg { -f } else { f })
    }
}

impl Num for BigInt {
    type FromStrRadixErr = ParseBigIntError;
    fn from_str_radix(s: &str, radix: u32) -> Result<Self, ParseBigIntError> {
        BigInt::parse_bytes(s.as_bytes(), radix).ok_or(ParseBigIntError)
    }
}

impl Signed for BigInt {
    fn abs(&self) -> Self {
        BigInt::new(false, self.mag.clone())
    }
    fn abs_sub(&self, other: &Self) -> Self {
        if self <= other {
            BigInt::zero()
        } else {
            self - other
        }
    }
    fn signum(&self) -> Self {
        match self.sign() {
            Sign::Minus => -BigInt::one(),
            Sign::NoSign => BigInt::zero(),
            Sign::Plus => BigInt::one(),
        }
    }
    fn is_positive(&self) -> bool {
        !self.neg && !self.mag.is_zero()
    }
    fn is_negative(&self) -> bool {
        self.neg
    }
}

impl Integer for BigInt {
    fn div_floor(&self, other: &Self) -> Self {
        self.div_mod_floor(other).0
    }
    fn mod_floor(&self, other: &Self) -> Self {
        self.div_mod_floor(other).1
    }
    fn div_mod_floor(&self, other: &Self) -> (Self, Self) {
        let (q, r) = self.div_rem(other);
        if !r.is_zero() && r.neg != other.neg {
            (q - BigInt::one(), r + other)
        } else {
            (q, r)
        }
    }
    fn gcd(&self, other: &Self) -> Self {
        BigInt::new(false, self.mag.gcd(&other.mag))
    }
    fn lcm(&self, other: &Self) -> Self {
        BigInt::new(false, self.mag.lcm(&other.mag))
    }
    fn is_multiple_of(&self, other: &Self) -> bool {
        self.mag.is_multiple_of(&other.mag)
    }
    fn is_even(&self) -> bool {
        self.mag.is_even()
    }
    fn is_odd(&self) -> bool {
        self.mag.is_odd()
    }
    fn div_rem(&self, other: &Self) -> (Self, Self) {
        let (q, r) = self.mag.div_rem(&other.mag);
        (
            BigInt::new(self.neg != other.neg, q),
            BigInt::new(self.neg, r),
        )
    }
}

/// Applies a bitwise operation to two's complement representations (infinitely
/// sign-extended) and returns the signed result.
fn bitwise(a: &BigInt, b: &BigInt, f: impl Fn(u32, u32) -> u32) -> BigInt {
    let n = a.mag.d.len().max(b.mag.d.len()) + 1;
    let twos = |x: &BigInt| -> Vec<u32> {
        let mut d = x.mag.d.clone();
        d.resize(n, 0);
        if x.neg {
            // !(m - 1) == -m
            let mut borrow = true;
            for v in d.iter_mut() {
                let (s, o) = v.overflowing_sub(u32::from(borrow));
                *v = !s;
                borrow = o;
            }
        }
        d
    };
    let (x, y) = (twos(a), twos(b));
    let mut r: Vec<u32> = x.iter().zip(&y).map(|(&p, &q)| f(p, q)).collect();
    let neg = r[n - 1] >> 31 == 1;
    if neg {
        // back from two's complement: m = !r + 1
        let mut carry = true;
        for v in r.iter_mut() {
            let (s, o) = (!*v).overflowing_add(u32::from(carry));
            *v = s;
            carry = o;
        }
    }
    BigInt::new(neg, BigUint::from_digits(r))
}

impl Neg for BigInt {
    type Output = BigInt;
    fn neg(self) -> BigInt {
        BigInt::new(!self.neg, self.mag)
    }
}

impl Neg for &BigInt {
    type Output = BigInt;
    fn neg(self) -> BigInt {
        BigInt::new(!self.neg, self.mag.clone())
    }
}

impl Not for BigInt {
    type Output = BigInt;
    fn not(self) -> BigInt {
        -(self + BigInt::one())
    }
}

impl Not for &BigInt {
    type Output = BigInt;
    fn not(self) -> BigInt {
        -(self + BigInt::one())
    }
}
