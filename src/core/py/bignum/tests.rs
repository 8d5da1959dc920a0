//! `bignum` against the `num-bigint` crate it replaced (a dev-dependency): the same
//! random operands through both, every operation, compared as decimal text.

use super::{BigInt, BigUint};
use num_integer::Integer;
use num_traits::{Signed, ToPrimitive, Zero};
use proptest::prelude::*;

type Ref = num_bigint::BigInt;

/// Digits that hit carries and borrows: runs of all-ones, zeros, ones, random.
fn digit() -> impl Strategy<Value = u32> {
    prop_oneof![
        Just(0u32),
        Just(1),
        Just(u32::MAX),
        Just(0x8000_0000),
        any::<u32>()
    ]
}

fn operand() -> impl Strategy<Value = (bool, Vec<u32>)> {
    (any::<bool>(), prop::collection::vec(digit(), 0..7))
}

fn ours((neg, d): &(bool, Vec<u32>)) -> BigInt {
    let m = d.iter().rev().fold(BigUint::zero(), |acc, &x| {
        (acc << 32usize) + BigUint::from(x)
    });
    if *neg {
        -BigInt::from(m)
    } else {
        BigInt::from(m)
    }
}

fn theirs((neg, d): &(bool, Vec<u32>)) -> Ref {
    let m = num_bigint::BigUint::new(d.clone());
    let sign = if *neg {
        num_bigint::Sign::Minus
    } else {
        num_bigint::Sign::Plus
    };
    Ref::from_biguint(sign, m)
}

fn same(a: &BigInt, b: &Ref) -> Result<(), TestCaseError> {
    prop_assert_eq!(a.to_string(), b.to_string());
    Ok(())
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(2000))]

    #[test]
    fn arithmetic_matches(x in operand(), y in operand()) {
        let (a, b) = (ours(&x), ours(&y));
        let (ra, rb) = (theirs(&x), theirs(&y));
        same(&a, &ra)?;
        same(&(&a + &b), &(&ra + &rb))?;
        same(&(&a - &b), &(&ra - &rb))?;
        same(&(&a * &b), &(&ra * &rb))?;
        same(&(&a & &b), &(&ra & &rb))?;
        same(&(&a | &b), &(&ra | &rb))?;
        same(&(&a ^ &b), &(&ra ^ &rb))?;
        same(&!&a, &!&ra)?;
        prop_assert_eq!(a.cmp(&b), ra.cmp(&rb));
        prop_assert_eq!(a.bits(), ra.bits());
        prop_assert_eq!(a.to_i64(), ra.to_i64());
        prop_assert_eq!(a.to_i128(), ra.to_i128());
        prop_assert_eq!(a.to_u64(), ra.to_u64());
        prop_assert_eq!(a.to_f64(), ra.to_f64());
        prop_assert_eq!(a.trailing_zeros(), ra.trailing_zeros());
        for i in [0u64, 1, 31, 32, 33, 63, 64, 100, 250] {
            prop_assert_eq!(a.bit(i), ra.bit(i), "bit {}", i);
        }
        if !b.is_zero() {
            same(&(&a / &b), &(&ra / &rb))?;
            same(&(&a % &b), &(&ra % &rb))?;
            same(&a.div_floor(&b), &ra.div_floor(&rb))?;
            same(&a.mod_floor(&b), &ra.mod_floor(&rb))?;
            let (q, r) = a.div_rem(&b);
            let (rq, rr) = ra.div_rem(&rb);
            same(&q, &rq)?;
            same(&r, &rr)?;
            if !a.is_negative() {
                let e = BigInt::from(b.bits() as u32 % 70);
                same(&a.modpow(&e, &b), &ra.modpow(&Ref::from(b.bits() as u32 % 70), &rb))?;
            }
        }
        for n in [0usize, 1, 5, 31, 32, 33, 64, 95] {
            same(&(&a << n), &(&ra << n))?;
            same(&(&a >> n), &(&ra >> n))?;
        }
        same(&a.pow(3), &ra.pow(3u32))?;
        same(&a.abs(), &ra.abs())?;
        same(&a.gcd(&b), &ra.gcd(&rb))?;
        if !a.is_negative() {
            same(&BigInt::from(a.magnitude().sqrt()), &ra.sqrt())?;
        }
        for radix in [2u32, 8, 10, 16, 36] {
            prop_assert_eq!(a.to_str_radix(radix), ra.to_str_radix(radix));
            let text = ra.to_str_radix(radix);
            prop_assert_eq!(BigInt::parse_bytes(text.as_bytes(), radix), Some(a.clone()));
        }
    }

    #[test]
    fn small_operands_match(x in any::<i64>(), y in any::<i64>(), k in any::<u32>()) {
        let (a, b) = (BigInt::from(x), BigInt::from(y));
        let (ra, rb) = (Ref::from(x), Ref::from(y));
        same(&(&a * &b), &(&ra * &rb))?;
        same(&(a.clone() + k), &(ra.clone() + k))?;
        same(&(a.clone() - k), &(ra.clone() - k))?;
        same(&(a.clone() * k), &(ra.clone() * k))?;
        if k != 0 {
            same(&(a.clone() / k), &(ra.clone() / k))?;
            same(&(a.clone() % k), &(ra.clone() % k))?;
        }
        prop_assert_eq!(a.to_f64(), ra.to_f64());
    }
}

#[test]
fn edges() {
    let big = |s: &str| BigInt::parse_bytes(s.as_bytes(), 10).unwrap();
    assert_eq!(BigInt::parse_bytes(b"", 10), None);
    assert_eq!(BigInt::parse_bytes(b"-", 10), None);
    assert_eq!(BigInt::parse_bytes(b"1_000", 10), Some(BigInt::from(1000)));
    assert_eq!(BigInt::parse_bytes(b"_1", 10), None);
    assert_eq!(BigInt::parse_bytes(b"1__0", 10), None);
    assert_eq!(BigInt::parse_bytes(b"12a", 10), None);
    assert_eq!(big("-0").to_string(), "0");
    assert_eq!(format!("{:>6}", big("-12")), "   -12");
    assert_eq!(BigInt::from(i64::MIN).to_i64(), Some(i64::MIN));
    let huge = BigInt::from(10).pow(400);
    assert_eq!(huge.to_f64(), Some(f64::INFINITY));
    assert_eq!((-huge).to_f64(), Some(f64::NEG_INFINITY));
    // 2^53 + 1 rounds to even (2^53); 2^53 + 3 up to 2^53 + 4; with a sticky bit far below.
    let two53 = BigInt::from(1u64 << 53);
    assert_eq!((&two53 + 1u32).to_f64(), Some(9007199254740992.0));
    assert_eq!((&two53 + 3u32).to_f64(), Some(9007199254740996.0));
    let x = (BigInt::from((1u64 << 53) + 1) << 100usize) + 1u32;
    assert_eq!(x.to_f64(), Some(((1u64 << 53) + 2) as f64 * 2f64.powi(100)));
    assert_eq!(BigUint::from(0u32).sqrt(), BigUint::from(0u32));
    assert_eq!(BigUint::from(99u32).sqrt(), BigUint::from(9u32));
    assert_eq!(BigUint::from(100u32).sqrt(), BigUint::from(10u32));
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(200))]

    /// Products long enough for Karatsuba's split (balanced and not), and division by them.
    #[test]
    fn long_products_match(
        x in (any::<bool>(), prop::collection::vec(digit(), 30..260)),
        y in (any::<bool>(), prop::collection::vec(digit(), 30..140)),
    ) {
        let (a, b) = (ours(&x), ours(&y));
        let (ra, rb) = (theirs(&x), theirs(&y));
        same(&(&a * &b), &(&ra * &rb))?;
        same(&(&a * &a), &(&ra * &ra))?;
        if !rb.is_zero() {
            same(&(&(&a * &b) / &b), &(&(&ra * &rb) / &rb))?;
        }
    }
}
