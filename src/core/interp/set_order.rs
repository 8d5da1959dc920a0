//! The order in which CPython iterates a set.
//!
//! ormlab keeps a set's members in insertion order; CPython walks its hash table's
//! slots, so `{3, 1, 2}` prints as `{1, 2, 3}`. Where CPython's hashes are fixed
//! (ints, bools, integral floats and tuples of them) the slot order is reproduced by
//! replaying the members' insertions into a model of CPython's set table (3.11
//! `Objects/setobject.c`: 8 slots to start, 9 linear probes then perturbation, growth
//! at 60 % fill). Strings and objects hash differently on every CPython run, so no
//! order is "the" order: those sets keep insertion order.

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
        match m.hkey().as_ref().and_then(cpython_hash) {
            Some(h) => hashes.push(h),
            None => return members.into_iter().cloned().collect(),
        }
    }
    let mut table = Table::new();
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

/// CPython's `hash()` of a key, where it is the same on every run.
fn cpython_hash(k: &HKey) -> Option<u64> {
    match k {
        HKey::Int(Int::Small(v)) => Some(int_hash(*v)),
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

    /// `set_table_resize`: a table of the smallest power of two above `minused`, the
    /// old entries reinserted in slot order.
    fn resize(&mut self, minused: usize) {
        let mut size = 8;
        while size <= minused {
            size <<= 1;
        }
        let old = std::mem::replace(&mut self.slots, vec![None; size]);
        let mask = self.mask();
        for (hash, member) in old.into_iter().flatten() {
            let slot = self.free_slot(hash, mask);
            self.slots[slot] = Some((hash, member));
        }
    }
}
