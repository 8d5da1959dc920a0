//! The order in which CPython iterates a set.
//!
//! ormlab keeps a set's members in insertion order; CPython walks its hash table's
//! slots, so `{3, 1, 2}` prints as `{1, 2, 3}`. Where CPython's hashes are fixed
//! (ints, bools, integral floats and tuples of them) the slot order is reproduced by
//! replaying the members' insertions into a model of CPython's set table (3.11
//! `Objects/setobject.c`: 8 slots to start, 9 linear probes then perturbation, growth
//! at 60 % fill). Strings hash with SipHash-1-3 under a key that `PYTHONHASHSEED=0`
//! (the reference outputs' setting) makes all zeros, so their order is CPython's
//! too. Objects and NaN hash by address in CPython, so no order is "the" order: sets
//! holding them keep insertion order. `None` hashes by address too, but its hash's low
//! 16 bits are the same on every run of the reference CPython (3.11.7, a static object
//! at a fixed offset in an aligned mapping): the bits a small set's slot takes, so
//! sets holding it get CPython's order (a tuple holding it, which mixes all the bits,
//! does not).

use super::value::{Dict, HKey, Value};
use crate::core::py::Int;

/// `sys.hash_info.modulus`: CPython hashes numbers modulo this prime.
const MODULUS: u64 = (1 << 61) - 1;
const LINEAR_PROBES: u64 = 9;
const PERTURB_SHIFT: u32 = 5;

/// The set's members in CPython's iteration order.
pub fn ordered_members(d: &Dict) -> Vec<Value> {
    let members: Vec<&Value> = d.iter().map(|(k, _)| k).collect();
    let mut hashes = Vec::with_capacity(members.len());
    for m in &members {
        match m.hkey().as_ref().and_then(member_hash) {
            Some(h) => hashes.push(h),
            None => return members.into_iter().cloned().collect(),
        }
    }
    let mut table = Table::new();
    if d.presize > 0 {
        table.resize(d.presize);
    }
    for (i, h) in hashes.into_iter().enumerate() {
        table.add(h, i);
    }
    table
        .slots
        .iter()
        .flatten()
        .map(|&(_, i)| members[i].clone())
        .collect()
}

/// The members of a set display of three or more constants (`{'a', 'b', 'c'}`) in the
/// order CPython's set gets them: such a display compiles to a frozenset constant,
/// which the compiler builds from the items and rebuilds from its own slot order when
/// it merges constants; the code object rebuilds it once more when interning its
/// strings replaces one (an identifier-like string some module already interned:
/// assumed here for every identifier-like member, the likelier case for tutorial
/// words). `SET_UPDATE` then copies it. `None` when a member's hash is not fixed (the
/// order stays the items').
pub fn constant_display_order(d: &Dict) -> Option<(Vec<Value>, usize)> {
    let mut members: Vec<Value> = d.iter().map(|(k, _)| k.clone()).collect();
    let hashes: Vec<u64> = members
        .iter()
        .map(|m| m.hkey().as_ref().and_then(member_hash))
        .collect::<Option<_>>()?;
    let interned = members.iter().any(|m| {
        matches!(m, Value::Str(s) if s.len() > 1
            && s.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'_'))
    });
    // (`SET_UPDATE` into the empty set presizes it when the members would fill 60 %
    // of 8 slots; the frozenset is then added in its slot order, otherwise copied:
    // the last build is the replay of `ordered_members`.)
    let n = members.len();
    let presize = if n * 5 >= 21 { n * 2 } else { 0 };
    let builds = usize::from(interned) + 1 + usize::from(presize > 0);
    let mut order: Vec<usize> = (0..n).collect();
    for _ in 0..builds {
        let mut table = Table::new();
        for &i in &order {
            table.add(hashes[i], i);
        }
        order = table.slots.iter().flatten().map(|&(_, i)| i).collect();
    }
    let mut slots: Vec<Option<Value>> = members.drain(..).map(Some).collect();
    let members = order.into_iter().filter_map(|i| slots[i].take()).collect();
    Some((members, presize))
}

/// A set of string members as CPython's set table holds it: the members in its
/// iteration order, and the table's size.
pub struct StrSet<'a> {
    /// The members, in the order the set iterates them.
    pub members: Vec<&'a str>,
    /// The table's number of slots.
    pub size: usize,
}

impl<'a> StrSet<'a> {
    /// The set `keys` make when added in this order to an empty set (presized for
    /// `presize` members when not 0).
    pub fn build(keys: impl IntoIterator<Item = &'a str>, presize: usize) -> Self {
        let keys: Vec<&'a str> = keys.into_iter().collect();
        let mut table = Table::new();
        if presize > 0 {
            table.resize(presize);
        }
        for (i, k) in keys.iter().enumerate() {
            table.add(str_hash(k), i);
        }
        let members = table
            .slots
            .iter()
            .flatten()
            .map(|&(_, i)| keys[i])
            .collect();
        StrSet {
            members,
            size: table.slots.len(),
        }
    }

    /// Its copy without the members `drop` refuses (`set_merge` into an empty set, as
    /// `set.copy()` and `difference()` make one, then the discards): a table of the same
    /// size is copied slot for slot, else the members are added again in this order.
    pub fn copy_without(&self, drop: impl Fn(&str) -> bool) -> Self {
        let n = self.members.len();
        let presize = if n * 5 >= 21 { n * 2 } else { 0 };
        let target = if presize > 0 {
            Table::size_for(presize)
        } else {
            8
        };
        let copy = if target == self.size {
            StrSet {
                members: self.members.clone(),
                size: self.size,
            }
        } else {
            StrSet::build(self.members.iter().copied(), presize)
        };
        StrSet {
            members: copy.members.into_iter().filter(|k| !drop(k)).collect(),
            size: copy.size,
        }
    }
}

/// The size CPython's `a | b` presizes its result for (`set_merge` of `a` into an
/// empty set, then of `b`), `a` and `b` holding `a_len` and `b_len` members.
pub fn union_presize(a_len: usize, b_len: usize) -> usize {
    let mut presize = 0;
    let mut mask = 7;
    if a_len * 5 >= mask * 3 {
        presize = a_len * 2;
        mask = Table::size_for(presize) - 1;
    }
    if (a_len + b_len) * 5 >= mask * 3 {
        presize = (a_len + b_len) * 2;
    }
    presize
}

/// `hash(v)` as CPython gives it for a key whose hash is the same on every run (numbers,
/// strings, tuples of them); `None` for the others.
pub fn python_hash(k: &HKey) -> Option<i64> {
    cpython_hash(k).map(|h| h as i64)
}

/// `hash(None)` of one run of the reference CPython: its low bits, the only ones a set
/// of fewer than 2**16 slots reads before its perturbation (which long probe chains
/// alone reach), are every run's.
const NONE_HASH: u64 = 8_760_065_153_982;

/// The hash a set's slot is found from: [`cpython_hash`], and `None`'s.
fn member_hash(k: &HKey) -> Option<u64> {
    match k {
        HKey::None => Some(NONE_HASH),
        _ => cpython_hash(k),
    }
}

/// CPython's `hash()` of a key, where it is the same on every run.
fn cpython_hash(k: &HKey) -> Option<u64> {
    match k {
        HKey::Int(Int::Small(v)) => Some(int_hash(*v)),
        HKey::Int(Int::Big(b)) => Some(big_hash(&b.to_string())),
        HKey::Float(bits) => float_hash(f64::from_bits(*bits)),
        HKey::Str(s) => Some(str_hash(s)),
        // (A class's `__hash__`, as `hash()` gives it: -1 is -2.)
        HKey::User(h, _) => Some(if *h == -1 { -2i64 as u64 } else { *h as u64 }),
        HKey::Tuple(items) => {
            // Objects/tupleobject.c (xxHash-based, 64-bit).
            const P1: u64 = 11400714785074694791;
            const P2: u64 = 14029467366897019727;
            const P5: u64 = 2870177450012600261;
            let mut acc = P5;
            for it in items {
                let lane = cpython_hash(it)?;
                acc = acc.wrapping_add(lane.wrapping_mul(P2));
                acc = acc.rotate_left(31);
                acc = acc.wrapping_mul(P1);
            }
            acc = acc.wrapping_add((items.len() as u64) ^ (P5 ^ 3527539));
            Some(if acc == u64::MAX { 1546275796 } else { acc })
        }
        _ => None,
    }
}

/// `hash(int)`: the value modulo 2**61 - 1, keeping its sign; -1 becomes -2.
fn int_hash(v: i64) -> u64 {
    let m = v.unsigned_abs() % MODULUS;
    let h = if v < 0 { -(m as i64) } else { m as i64 };
    (if h == -1 { -2 } else { h }) as u64
}

/// `hash()` of an int beyond `i64`, from its decimal digits (modulo 2**61 - 1).
fn big_hash(digits: &str) -> u64 {
    let (neg, digits) = match digits.strip_prefix('-') {
        Some(d) => (true, d),
        None => (false, digits),
    };
    let m = digits.bytes().fold(0u128, |h, d| {
        (h * 10 + u128::from(d.wrapping_sub(b'0'))) % u128::from(MODULUS)
    }) as i64;
    let h = if neg { -m } else { m };
    (if h == -1 { -2 } else { h }) as u64
}

/// `hash(float)` of a non-integral float (`Python/pyhash.c` `_Py_HashDouble`); `None`
/// for NaN, which hashes by address.
fn float_hash(v: f64) -> Option<u64> {
    const BITS: i32 = 61;
    if v.is_nan() {
        return None;
    }
    if v.is_infinite() {
        return Some(if v > 0.0 { 314159 } else { (-314159i64) as u64 });
    }
    let (mut m, mut e) = frexp(v);
    let sign: i64 = if m < 0.0 {
        m = -m;
        -1
    } else {
        1
    };
    let mut x: u64 = 0;
    while m != 0.0 {
        x = ((x << 28) & MODULUS) | x >> (BITS - 28);
        m *= 268_435_456.0;
        e -= 28;
        let y = m as u64;
        m -= y as f64;
        x += y;
        if x >= MODULUS {
            x -= MODULUS;
        }
    }
    let e = if e >= 0 {
        e % BITS
    } else {
        BITS - 1 - ((-1 - e) % BITS)
    };
    x = ((x << e) & MODULUS) | x >> (BITS - e);
    let x = (x as i64).wrapping_mul(sign) as u64;
    Some(if x == u64::MAX { (-2i64) as u64 } else { x })
}

/// C's `frexp`: `v = m * 2**e` with `0.5 <= |m| < 1` (for a finite, non-zero `v`).
fn frexp(v: f64) -> (f64, i32) {
    if v == 0.0 {
        return (v, 0);
    }
    let bits = v.to_bits();
    let exp = ((bits >> 52) & 0x7ff) as i32;
    if exp == 0 {
        // Subnormal: scale into the normal range first.
        let (m, e) = frexp(v * f64::powi(2.0, 64));
        return (m, e - 64);
    }
    let m = f64::from_bits((bits & !(0x7ff << 52)) | (1022 << 52));
    (m, exp - 1022)
}

/// `hash(str)`: SipHash-1-3 with the all-zero key of `PYTHONHASHSEED=0`, over the
/// string's PEP 393 storage (1, 2 or 4 bytes a character, little-endian).
fn str_hash(s: &str) -> u64 {
    if s.is_empty() {
        return 0;
    }
    let widest = s.chars().map(u32::from).max().unwrap_or(0);
    let width = if widest < 0x100 {
        1
    } else if widest < 0x10000 {
        2
    } else {
        4
    };
    let mut bytes = Vec::with_capacity(s.len() * width);
    for c in s.chars() {
        bytes.extend_from_slice(&u32::from(c).to_le_bytes()[..width]);
    }
    let h = siphash13(&bytes);
    if h == u64::MAX { (-2i64) as u64 } else { h }
}

/// SipHash-1-3 with a zero key, as `Python/pyhash.c` computes it.
fn siphash13(data: &[u8]) -> u64 {
    let mut v = [
        0x736f_6d65_7073_6575u64,
        0x646f_7261_6e64_6f6d,
        0x6c79_6765_6e65_7261,
        0x7465_6462_7974_6573,
    ];
    fn round(v: &mut [u64; 4]) {
        v[0] = v[0].wrapping_add(v[1]);
        v[2] = v[2].wrapping_add(v[3]);
        v[1] = v[1].rotate_left(13) ^ v[0];
        v[3] = v[3].rotate_left(16) ^ v[2];
        v[0] = v[0].rotate_left(32);
        v[2] = v[2].wrapping_add(v[1]);
        v[0] = v[0].wrapping_add(v[3]);
        v[1] = v[1].rotate_left(17) ^ v[2];
        v[3] = v[3].rotate_left(21) ^ v[0];
        v[2] = v[2].rotate_left(32);
    }
    let mut chunks = data.chunks_exact(8);
    for c in &mut chunks {
        let mut w = [0u8; 8];
        w.copy_from_slice(c);
        let mi = u64::from_le_bytes(w);
        v[3] ^= mi;
        round(&mut v);
        v[0] ^= mi;
    }
    let mut tail = [0u8; 8];
    tail[..chunks.remainder().len()].copy_from_slice(chunks.remainder());
    let b = ((data.len() as u64) << 56) | u64::from_le_bytes(tail);
    v[3] ^= b;
    round(&mut v);
    v[0] ^= b;
    v[2] ^= 0xff;
    round(&mut v);
    round(&mut v);
    round(&mut v);
    (v[0] ^ v[1]) ^ (v[2] ^ v[3])
}

/// A model of CPython's set table: slots of (hash, member index).
struct Table {
    slots: Vec<Option<(u64, usize)>>,
    fill: usize,
}

impl Table {
    fn new() -> Self {
        Table {
            slots: vec![None; 8],
            fill: 0,
        }
    }

    fn mask(&self) -> u64 {
        self.slots.len() as u64 - 1
    }

    /// `set_add_entry` for a key not yet in the set.
    fn add(&mut self, hash: u64, member: usize) {
        let mask = self.mask();
        let slot = self.free_slot(hash, mask);
        self.slots[slot] = Some((hash, member));
        self.fill += 1;
        if (self.fill as u64) * 5 >= mask * 3 {
            let used = self.fill;
            self.resize(if used > 50000 { used * 2 } else { used * 4 });
        }
    }

    /// The first free slot on `hash`'s probe sequence.
    fn free_slot(&self, hash: u64, mask: u64) -> usize {
        let mut i = hash & mask;
        let mut perturb = hash;
        loop {
            let probes = if i + LINEAR_PROBES <= mask {
                LINEAR_PROBES
            } else {
                0
            };
            for j in i..=i + probes {
                if self.slots[j as usize].is_none() {
                    return j as usize;
                }
            }
            perturb >>= PERTURB_SHIFT;
            i = (i.wrapping_mul(5).wrapping_add(1).wrapping_add(perturb)) & mask;
        }
    }

    /// The smallest power of two above `minused` (at least 8).
    fn size_for(minused: usize) -> usize {
        let mut size = 8;
        while size <= minused {
            size <<= 1;
        }
        size
    }

    /// `set_table_resize`: a table of the smallest power of two above `minused`, the
    /// old entries reinserted in slot order.
    fn resize(&mut self, minused: usize) {
        let size = Self::size_for(minused);
        let old = std::mem::replace(&mut self.slots, vec![None; size]);
        let mask = self.mask();
        for (hash, member) in old.into_iter().flatten() {
            let slot = self.free_slot(hash, mask);
            self.slots[slot] = Some((hash, member));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Figures from CPython 3.11 under `PYTHONHASHSEED=0`.
    #[test]
    fn hashes_match_cpython() {
        let h = |v: i64| v as u64;
        assert_eq!(str_hash("a"), h(4644417185603328019));
        assert_eq!(str_hash(""), 0);
        assert_eq!(str_hash("hello world!"), h(839851713330019024));
        assert_eq!(str_hash("é"), h(6047309291227476195));
        assert_eq!(str_hash("€"), h(-5529981157763016009));
        assert_eq!(str_hash("😀"), h(-3536540696076613844));
        assert_eq!(float_hash(1.5), Some(h(1152921504606846977)));
        assert_eq!(float_hash(-2.25), Some(h(-576460752303423490)));
        assert_eq!(float_hash(1e300), Some(h(1224995262755759164)));
        assert_eq!(big_hash("1180591620717411303424"), 512);
    }
}
