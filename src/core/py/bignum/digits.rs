//! Arithmetic on digit slices (32-bit digits, least significant first): what
//! [`super::BigUint`] and [`super::BigInt`] are built on.

use std::cmp::Ordering;

pub(super) fn trim(mut d: Vec<u32>) -> Vec<u32> {
    while d.last() == Some(&0) {
        d.pop();
    }
    d
}

pub(super) fn cmp_digits(a: &[u32], b: &[u32]) -> Ordering {
    a.len()
        .cmp(&b.len())
        .then_with(|| a.iter().rev().cmp(b.iter().rev()))
}

pub(super) fn add_digits(a: &[u32], b: &[u32]) -> Vec<u32> {
    let (a, b) = if a.len() >= b.len() { (a, b) } else { (b, a) };
    let mut out = Vec::with_capacity(a.len() + 1);
    let mut carry = 0u64;
    for (i, &x) in a.iter().enumerate() {
        let s = u64::from(x) + u64::from(b.get(i).copied().unwrap_or(0)) + carry;
        out.push(s as u32);
        carry = s >> 32;
    }
    if carry != 0 {
        out.push(carry as u32);
    }
    out
}

/// `a - b` for `a >= b`.
pub(super) fn sub_digits(a: &[u32], b: &[u32]) -> Vec<u32> {
    let mut out = Vec::with_capacity(a.len());
    let mut borrow = 0i64;
    for (i, &x) in a.iter().enumerate() {
        let t = i64::from(x) - i64::from(b.get(i).copied().unwrap_or(0)) - borrow;
        out.push(t as u32);
        borrow = i64::from(t < 0);
    }
    trim(out)
}

/// Below this many digits (of the shorter factor) the schoolbook product is faster than
/// Karatsuba's.
const KARATSUBA_MIN: usize = 40;

/// `a * b`: schoolbook for short factors, Karatsuba's three half-size products for long
/// ones (so `10 ** 1_000_000`, or `int()` of a decimal with a large exponent, takes
/// milliseconds, not seconds).
pub(super) fn mul_digits(a: &[u32], b: &[u32]) -> Vec<u32> {
    let (a, b) = if a.len() >= b.len() { (a, b) } else { (b, a) };
    if b.is_empty() {
        return Vec::new();
    }
    if b.len() < KARATSUBA_MIN {
        let mut out = vec![0u32; a.len() + b.len()];
        for (i, &x) in b.iter().enumerate() {
            let mut carry = 0u64;
            for (j, &y) in a.iter().enumerate() {
                let t = u64::from(x) * u64::from(y) + u64::from(out[i + j]) + carry;
                out[i + j] = t as u32;
                carry = t >> 32;
            }
            out[i + a.len()] = carry as u32;
        }
        return trim(out);
    }
    let mut out = vec![0u32; a.len() + b.len() + 1];
    if a.len() >= 2 * b.len() {
        // Unbalanced: `a` in pieces as long as `b`.
        for (k, piece) in a.chunks(b.len()).enumerate() {
            add_into(&mut out[k * b.len()..], &mul_digits(piece, b));
        }
        return trim(out);
    }
    let h = a.len() / 2;
    let (a0, a1) = a.split_at(h);
    let (b0, b1) = b.split_at(h);
    let z0 = mul_digits(a0, b0);
    let z2 = mul_digits(a1, b1);
    let mid = mul_digits(&add_digits(a0, a1), &add_digits(b0, b1));
    let z1 = sub_digits(&sub_digits(&mid, &z0), &z2);
    add_into(&mut out, &z0);
    add_into(&mut out[h..], &z1);
    add_into(&mut out[2 * h..], &z2);
    trim(out)
}

/// `out += x` (the sum fits in `out`).
pub(super) fn add_into(out: &mut [u32], x: &[u32]) {
    let mut carry = 0u64;
    let mut i = 0;
    while i < x.len() || carry != 0 {
        let s = u64::from(out[i]) + u64::from(x.get(i).copied().unwrap_or(0)) + carry;
        out[i] = s as u32;
        carry = s >> 32;
        i += 1;
    }
}

/// `a / d` and `a % d` for a one-digit divisor `d > 0`.
pub(super) fn divrem_digit(a: &[u32], d: u32) -> (Vec<u32>, u32) {
    let mut q = vec![0u32; a.len()];
    let mut r = 0u64;
    for i in (0..a.len()).rev() {
        let cur = (r << 32) | u64::from(a[i]);
        q[i] = (cur / u64::from(d)) as u32;
        r = cur % u64::from(d);
    }
    (trim(q), r as u32)
}

pub(super) fn shl_digits(a: &[u32], n: usize) -> Vec<u32> {
    if a.is_empty() {
        return Vec::new();
    }
    let (words, bits) = (n / 32, (n % 32) as u32);
    let mut out = vec![0u32; words];
    if bits == 0 {
        out.extend_from_slice(a);
    } else {
        let mut carry = 0u32;
        for &x in a {
            out.push((x << bits) | carry);
            carry = x >> (32 - bits);
        }
        if carry != 0 {
            out.push(carry);
        }
    }
    out
}

pub(super) fn shr_digits(a: &[u32], n: usize) -> Vec<u32> {
    let (words, bits) = (n / 32, (n % 32) as u32);
    if words >= a.len() {
        return Vec::new();
    }
    let a = &a[words..];
    if bits == 0 {
        return a.to_vec();
    }
    let mut out = Vec::with_capacity(a.len());
    for i in 0..a.len() {
        let hi = a.get(i + 1).map_or(0, |&h| h << (32 - bits));
        out.push((a[i] >> bits) | hi);
    }
    trim(out)
}

/// Knuth's algorithm D (TAOCP 4.3.1): `u / v` and `u % v` for `v` of two digits or more.
pub(super) fn divrem_digits(u: &[u32], v: &[u32]) -> (Vec<u32>, Vec<u32>) {
    if cmp_digits(u, v) == Ordering::Less {
        return (Vec::new(), u.to_vec());
    }
    if v.len() == 1 {
        let (q, r) = divrem_digit(u, v[0]);
        return (q, if r == 0 { Vec::new() } else { vec![r] });
    }
    let s = v[v.len() - 1].leading_zeros() as usize;
    let v = shl_digits(v, s);
    let len = u.len();
    let mut u = shl_digits(u, s);
    if u.len() == len {
        u.push(0);
    }
    let n = v.len();
    let m = u.len() - n;
    let mut q = vec![0u32; m];
    let (vt, vs) = (u64::from(v[n - 1]), u64::from(v[n - 2]));
    for j in (0..m).rev() {
        let num = (u64::from(u[j + n]) << 32) | u64::from(u[j + n - 1]);
        let mut qhat = num / vt;
        let mut rhat = num % vt;
        while qhat >> 32 != 0 || qhat * vs > ((rhat << 32) | u64::from(u[j + n - 2])) {
            qhat -= 1;
            rhat += vt;
            if rhat >> 32 != 0 {
                break;
            }
        }
        let mut borrow = 0i64;
        let mut carry = 0u64;
        for i in 0..n {
            let p = qhat * u64::from(v[i]) + carry;
            carry = p >> 32;
            let t = i64::from(u[i + j]) - borrow - (p & 0xffff_ffff) as i64;
            u[i + j] = t as u32;
            borrow = i64::from(t < 0);
        }
        let t = i64::from(u[j + n]) - borrow - carry as i64;
        u[j + n] = t as u32;
        if t < 0 {
            qhat -= 1;
            let mut c = 0u64;
            for i in 0..n {
                let s = u64::from(u[i + j]) + u64::from(v[i]) + c;
                u[i + j] = s as u32;
                c = s >> 32;
            }
            u[j + n] = u[j + n].wrapping_add(c as u32);
        }
        q[j] = qhat as u32;
    }
    u.truncate(n);
    (trim(q), shr_digits(&trim(u), s))
}
