//! The arithmetic, bitwise and shift operators of [`BigUint`] and [`BigInt`], by value
//! and by reference, with each other and with primitive integers (as `num-bigint` has
//! them), all forwarded to one function per operation.

use super::{
    BigInt, BigUint, Ordering, Zero, add_digits, bitwise, cmp_digits, divrem, mul_digits,
    shl_digits, shr_digits, sub_digits,
};
use std::ops::{
    Add, AddAssign, BitAnd, BitAndAssign, BitOr, BitOrAssign, BitXor, BitXorAssign, Div, DivAssign,
    Mul, MulAssign, Rem, RemAssign, Shl, ShlAssign, Shr, ShrAssign, Sub, SubAssign,
};

fn u_add(a: &BigUint, b: &BigUint) -> BigUint {
    BigUint::from_digits(add_digits(&a.d, &b.d))
}
fn u_sub(a: &BigUint, b: &BigUint) -> BigUint {
    assert!(
        cmp_digits(&a.d, &b.d) != Ordering::Less,
        "attempt to subtract with overflow"
    );
    BigUint::from_digits(sub_digits(&a.d, &b.d))
}
fn u_mul(a: &BigUint, b: &BigUint) -> BigUint {
    BigUint::from_digits(mul_digits(&a.d, &b.d))
}
fn u_div(a: &BigUint, b: &BigUint) -> BigUint {
    BigUint::from_digits(divrem(&a.d, &b.d).0)
}
fn u_rem(a: &BigUint, b: &BigUint) -> BigUint {
    BigUint::from_digits(divrem(&a.d, &b.d).1)
}
fn u_bits(a: &BigUint, b: &BigUint, f: impl Fn(u32, u32) -> u32) -> BigUint {
    let n = a.d.len().max(b.d.len());
    let at = |d: &[u32], i: usize| d.get(i).copied().unwrap_or(0);
    BigUint::from_digits((0..n).map(|i| f(at(&a.d, i), at(&b.d, i))).collect())
}
fn u_and(a: &BigUint, b: &BigUint) -> BigUint {
    u_bits(a, b, |x, y| x & y)
}
fn u_or(a: &BigUint, b: &BigUint) -> BigUint {
    u_bits(a, b, |x, y| x | y)
}
fn u_xor(a: &BigUint, b: &BigUint) -> BigUint {
    u_bits(a, b, |x, y| x ^ y)
}

fn i_add(a: &BigInt, b: &BigInt) -> BigInt {
    if a.neg == b.neg {
        return BigInt::new(a.neg, u_add(&a.mag, &b.mag));
    }
    match a.mag.cmp(&b.mag) {
        Ordering::Less => BigInt::new(b.neg, u_sub(&b.mag, &a.mag)),
        _ => BigInt::new(a.neg, u_sub(&a.mag, &b.mag)),
    }
}
fn i_sub(a: &BigInt, b: &BigInt) -> BigInt {
    i_add(a, &BigInt::new(!b.neg, b.mag.clone()))
}
fn i_mul(a: &BigInt, b: &BigInt) -> BigInt {
    BigInt::new(a.neg != b.neg, u_mul(&a.mag, &b.mag))
}
fn i_div(a: &BigInt, b: &BigInt) -> BigInt {
    BigInt::new(a.neg != b.neg, u_div(&a.mag, &b.mag))
}
fn i_rem(a: &BigInt, b: &BigInt) -> BigInt {
    BigInt::new(a.neg, u_rem(&a.mag, &b.mag))
}
fn i_and(a: &BigInt, b: &BigInt) -> BigInt {
    bitwise(a, b, |x, y| x & y)
}
fn i_or(a: &BigInt, b: &BigInt) -> BigInt {
    bitwise(a, b, |x, y| x | y)
}
fn i_xor(a: &BigInt, b: &BigInt) -> BigInt {
    bitwise(a, b, |x, y| x ^ y)
}

macro_rules! binop {
    ($t:ty, $tr:ident, $m:ident, $tra:ident, $ma:ident, $f:ident) => {
        impl $tr<&$t> for &$t {
            type Output = $t;
            fn $m(self, o: &$t) -> $t {
                $f(self, o)
            }
        }
        impl $tr<$t> for $t {
            type Output = $t;
            fn $m(self, o: $t) -> $t {
                $f(&self, &o)
            }
        }
        impl $tr<&$t> for $t {
            type Output = $t;
            fn $m(self, o: &$t) -> $t {
                $f(&self, o)
            }
        }
        impl $tr<$t> for &$t {
            type Output = $t;
            fn $m(self, o: $t) -> $t {
                $f(self, &o)
            }
        }
        impl $tra<&$t> for $t {
            fn $ma(&mut self, o: &$t) {
                *self = $f(self, o);
            }
        }
        impl $tra<$t> for $t {
            fn $ma(&mut self, o: $t) {
                *self = $f(self, &o);
            }
        }
    };
}

macro_rules! primop {
    ($t:ty, $p:ty, $tr:ident, $m:ident, $tra:ident, $ma:ident, $f:ident) => {
        impl $tr<$p> for $t {
            type Output = $t;
            fn $m(self, o: $p) -> $t {
                $f(&self, &<$t>::from(o))
            }
        }
        impl $tr<$p> for &$t {
            type Output = $t;
            fn $m(self, o: $p) -> $t {
                $f(self, &<$t>::from(o))
            }
        }
        impl $tr<$t> for $p {
            type Output = $t;
            fn $m(self, o: $t) -> $t {
                $f(&<$t>::from(self), &o)
            }
        }
        impl $tr<&$t> for $p {
            type Output = $t;
            fn $m(self, o: &$t) -> $t {
                $f(&<$t>::from(self), o)
            }
        }
        impl $tra<$p> for $t {
            fn $ma(&mut self, o: $p) {
                *self = $f(self, &<$t>::from(o));
            }
        }
    };
}

macro_rules! ops_of {
    ($t:ty, u, [$($p:ty),*]) => {
        binop!($t, Add, add, AddAssign, add_assign, u_add);
        binop!($t, Sub, sub, SubAssign, sub_assign, u_sub);
        binop!($t, Mul, mul, MulAssign, mul_assign, u_mul);
        binop!($t, Div, div, DivAssign, div_assign, u_div);
        binop!($t, Rem, rem, RemAssign, rem_assign, u_rem);
        binop!($t, BitAnd, bitand, BitAndAssign, bitand_assign, u_and);
        binop!($t, BitOr, bitor, BitOrAssign, bitor_assign, u_or);
        binop!($t, BitXor, bitxor, BitXorAssign, bitxor_assign, u_xor);
        $(
            primop!($t, $p, Add, add, AddAssign, add_assign, u_add);
            primop!($t, $p, Sub, sub, SubAssign, sub_assign, u_sub);
            primop!($t, $p, Mul, mul, MulAssign, mul_assign, u_mul);
            primop!($t, $p, Div, div, DivAssign, div_assign, u_div);
            primop!($t, $p, Rem, rem, RemAssign, rem_assign, u_rem);
        )*
    };
    ($t:ty, i, [$($p:ty),*]) => {
        binop!($t, Add, add, AddAssign, add_assign, i_add);
        binop!($t, Sub, sub, SubAssign, sub_assign, i_sub);
        binop!($t, Mul, mul, MulAssign, mul_assign, i_mul);
        binop!($t, Div, div, DivAssign, div_assign, i_div);
        binop!($t, Rem, rem, RemAssign, rem_assign, i_rem);
        binop!($t, BitAnd, bitand, BitAndAssign, bitand_assign, i_and);
        binop!($t, BitOr, bitor, BitOrAssign, bitor_assign, i_or);
        binop!($t, BitXor, bitxor, BitXorAssign, bitxor_assign, i_xor);
        $(
            primop!($t, $p, Add, add, AddAssign, add_assign, i_add);
            primop!($t, $p, Sub, sub, SubAssign, sub_assign, i_sub);
            primop!($t, $p, Mul, mul, MulAssign, mul_assign, i_mul);
            primop!($t, $p, Div, div, DivAssign, div_assign, i_div);
            primop!($t, $p, Rem, rem, RemAssign, rem_assign, i_rem);
        )*
    };
}

ops_of!(BigUint, u, [u32, u64]);
ops_of!(BigInt, i, [u32, u64, i32, i64, i128]);

fn shift_amount<S: TryInto<usize>>(n: S) -> usize {
    n.try_into()
        .unwrap_or_else(|_| panic!("attempt to shift by a negative or huge amount"))
}

fn u_shl(a: &BigUint, n: usize) -> BigUint {
    BigUint::from_digits(shl_digits(&a.d, n))
}
fn u_shr(a: &BigUint, n: usize) -> BigUint {
    BigUint::from_digits(shr_digits(&a.d, n))
}
fn i_shl(a: &BigInt, n: usize) -> BigInt {
    BigInt::new(a.neg, u_shl(&a.mag, n))
}
/// Floors, as an arithmetic shift of the two's complement does.
fn i_shr(a: &BigInt, n: usize) -> BigInt {
    if !a.neg {
        return BigInt::new(false, u_shr(&a.mag, n));
    }
    // -(((m - 1) >> n) + 1)
    let m1 = u_sub(&a.mag, &BigUint::from(1u32));
    BigInt::new(true, u_add(&u_shr(&m1, n), &BigUint::from(1u32)))
}

macro_rules! shifts {
    ($t:ty, $shl:ident, $shr:ident, [$($p:ty),*]) => {$(
        impl Shl<$p> for $t {
            type Output = $t;
            fn shl(self, n: $p) -> $t {
                $shl(&self, shift_amount(n))
            }
        }
        impl Shl<$p> for &$t {
            type Output = $t;
            fn shl(self, n: $p) -> $t {
                $shl(self, shift_amount(n))
            }
        }
        impl Shr<$p> for $t {
            type Output = $t;
            fn shr(self, n: $p) -> $t {
                $shr(&self, shift_amount(n))
            }
        }
        impl Shr<$p> for &$t {
            type Output = $t;
            fn shr(self, n: $p) -> $t {
                $shr(self, shift_amount(n))
            }
        }
        impl ShlAssign<$p> for $t {
            fn shl_assign(&mut self, n: $p) {
                *self = $shl(self, shift_amount(n));
            }
        }
        impl ShrAssign<$p> for $t {
            fn shr_assign(&mut self, n: $p) {
                *self = $shr(self, shift_amount(n));
            }
        }
    )*};
}

shifts!(BigUint, u_shl, u_shr, [usize, u64, u32, i32, i64]);
shifts!(BigInt, i_shl, i_shr, [usize, u64, u32, i32, i64]);

impl std::iter::Sum for BigUint {
    fn sum<I: Iterator<Item = BigUint>>(iter: I) -> Self {
        iter.fold(BigUint::zero(), |a, b| a + b)
    }
}
