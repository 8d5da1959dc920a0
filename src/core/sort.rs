//! One sort for the whole crate: a stable merge sort of positions, compiled once.
//!
//! `slice::sort*` is generic over the element type and the comparison, so every call site
//! with its own type or closure adds its own copy of the standard library's sort (driftsort
//! and quicksort, 3–5 KB of wasm each). Here only the merge of positions is real code,
//! reached through a `dyn` comparison; what is generic per call site is the small loop that
//! moves the elements into their sorted places. The result is the standard library's stable
//! sort's: equal elements keep their order. (Python's `sorted` uses the same merge with
//! its own fallible comparison: `Interp::sorted`.)

use std::cmp::Ordering;

/// Sorts the positions `idx` (stable, `tmp` as long as `idx`, scratch): `take_right(l, r)`
/// says whether the element at position `r`, from the right run, goes before the one at
/// `l`, from the left run (that is, whether it is strictly less). A comparison that wants
/// to stop (an error) answers `false` from then on without comparing.
pub fn merge_sort_positions(
    idx: &mut [usize],
    tmp: &mut [usize],
    take_right: &mut dyn FnMut(usize, usize) -> bool,
) {
    let n = idx.len();
    if n <= 1 {
        return;
    }
    let mid = n / 2;
    {
        let (a, b) = idx.split_at_mut(mid);
        let (ta, tb) = tmp.split_at_mut(mid);
        merge_sort_positions(a, ta, take_right);
        merge_sort_positions(b, tb, take_right);
    }
    merge(idx, tmp, mid, take_right);
}

/// Merges the sorted runs `idx[..mid]` and `idx[mid..]` through `tmp` (as long as `idx`),
/// stably: `take_right(l, r)` as for [`merge_sort_positions`].
fn merge(
    idx: &mut [usize],
    tmp: &mut [usize],
    mid: usize,
    take_right: &mut dyn FnMut(usize, usize) -> bool,
) {
    let n = idx.len();
    let (mut i, mut j, mut k) = (0, mid, 0);
    while i < mid && j < n {
        if take_right(idx[i], idx[j]) {
            tmp[k] = idx[j];
            j += 1;
        } else {
            tmp[k] = idx[i];
            i += 1;
        }
        k += 1;
    }
    tmp[k..k + mid - i].copy_from_slice(&idx[i..mid]);
    k += mid - i;
    tmp[k..k + n - j].copy_from_slice(&idx[j..n]);
    idx.copy_from_slice(&tmp[..n]);
}

/// The positions of `0..n` sorted as CPython's `list.sort()` sorts them, making the same
/// first comparisons: runs found as `count_run` finds them (a strictly descending run is
/// reversed), each short run extended to `minrun` by binary insertion, then the runs merged
/// in order (stable). `less(a, b)`: whether the element at `a` is less than the one at `b`;
/// Python asks `later < earlier`, so a comparison that fails does so with the operands in
/// Python's order (`'<' not supported between instances of 'NoneType' and 'int'`). The
/// merges compare in a different order than CPython's galloping ones, with the same result
/// for a consistent order. With `reverse`, the positions are reversed before and after, as
/// CPython keeps `reverse=True` stable.
pub fn python_sort_positions(
    n: usize,
    reverse: bool,
    less: &mut dyn FnMut(usize, usize) -> bool,
) -> Vec<usize> {
    let mut idx: Vec<usize> = (0..n).collect();
    if reverse {
        idx.reverse();
    }
    let minrun = {
        let (mut m, mut r) = (n, 0);
        while m >= 64 {
            r |= m & 1;
            m >>= 1;
        }
        m + r
    };
    let mut runs: Vec<(usize, usize)> = vec![];
    let mut lo = 0;
    while lo < n {
        // count_run
        let mut len = 1;
        if lo + 1 < n {
            len = 2;
            if less(idx[lo + 1], idx[lo]) {
                while lo + len < n && less(idx[lo + len], idx[lo + len - 1]) {
                    len += 1;
                }
                idx[lo..lo + len].reverse();
            } else {
                while lo + len < n && !less(idx[lo + len], idx[lo + len - 1]) {
                    len += 1;
                }
            }
        }
        // binarysort up to minrun
        if len < minrun {
            let force = (n - lo).min(minrun);
            for start in lo + len..lo + force {
                let pivot = idx[start];
                let (mut l, mut r) = (lo, start);
                while l < r {
                    let p = l + ((r - l) >> 1);
                    if less(pivot, idx[p]) {
                        r = p;
                    } else {
                        l = p + 1;
                    }
                }
                idx.copy_within(l..start, l + 1);
                idx[l] = pivot;
            }
            len = force;
        }
        runs.push((lo, lo + len));
        lo += len;
    }
    // The runs merged pairwise, neighbours with neighbours (stable, n log n).
    let mut tmp = vec![0; n];
    while runs.len() > 1 {
        let mut merged = Vec::with_capacity(runs.len().div_ceil(2));
        for pair in runs.chunks(2) {
            let (lo, mid) = pair[0];
            let hi = match pair.get(1) {
                Some(&(_, hi)) => hi,
                None => {
                    merged.push((lo, mid));
                    continue;
                }
            };
            merge(&mut idx[lo..hi], &mut tmp[lo..hi], mid - lo, &mut |l, r| {
                less(r, l)
            });
            merged.push((lo, hi));
        }
        runs = merged;
    }
    if reverse {
        idx.reverse();
    }
    idx
}

/// The positions of `0..n` in the order `less_than(a, b)` (stable).
fn sorted_positions(n: usize, less_than: &mut dyn FnMut(usize, usize) -> bool) -> Vec<usize> {
    let mut idx: Vec<usize> = (0..n).collect();
    // Already in order (the flush's common case: one table): n - 1 comparisons.
    if (1..n).all(|i| !less_than(i, i - 1)) {
        return idx;
    }
    let mut tmp = vec![0; n];
    merge_sort_positions(&mut idx, &mut tmp, &mut |l, r| less_than(r, l));
    idx
}

/// Moves every element to its place: `order[k]` is the position of the element that goes
/// to `k` (a permutation of `0..v.len()`; consumed).
fn permute<T>(v: &mut [T], mut order: Vec<usize>) {
    const DONE: usize = usize::MAX;
    for start in 0..order.len() {
        let mut cur = start;
        while order[cur] != DONE {
            let src = order[cur];
            order[cur] = DONE;
            if src == start {
                break;
            }
            v.swap(cur, src);
            cur = src;
        }
    }
}

/// `v.sort_by(cmp)`: stable.
pub fn sort_by<T>(v: &mut [T], mut cmp: impl FnMut(&T, &T) -> Ordering) {
    let order = sorted_positions(v.len(), &mut |a, b| cmp(&v[a], &v[b]) == Ordering::Less);
    permute(v, order);
}

/// `v.sort()` (stable; for the types sorted here an unstable sort gives the same result).
pub fn sort<T: Ord>(v: &mut [T]) {
    sort_by(v, T::cmp);
}

/// `v.sort_by_key(key)`: stable; the key is computed for every comparison.
pub fn sort_by_key<T, K: Ord>(v: &mut [T], mut key: impl FnMut(&T) -> K) {
    sort_by(v, |a, b| key(a).cmp(&key(b)));
}

/// `v.sort_by_cached_key(key)`: stable; the key is computed once per element.
pub fn sort_by_cached_key<T, K: Ord>(v: &mut [T], key: impl FnMut(&T) -> K) {
    let keys: Vec<K> = v.iter().map(key).collect();
    let order = sorted_positions(v.len(), &mut |a, b| keys[a] < keys[b]);
    permute(v, order);
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A small deterministic generator (xorshift), so the test needs no dependency.
    fn numbers(seed: u64, n: usize, modulo: u64) -> Vec<u64> {
        let mut x = seed;
        (0..n)
            .map(|_| {
                x ^= x << 13;
                x ^= x >> 7;
                x ^= x << 17;
                x % modulo
            })
            .collect()
    }

    #[test]
    fn python_order_is_the_stable_sort() {
        for n in [0, 1, 2, 3, 7, 20, 33, 63, 64, 65, 100, 1000] {
            for modulo in [1, 3, 50, 1 << 40] {
                let keys = numbers(n as u64 * 17 + modulo, n, modulo);
                let mut expected: Vec<usize> = (0..n).collect();
                expected.sort_by_key(|&i| keys[i]);
                let got = python_sort_positions(n, false, &mut |a, b| keys[a] < keys[b]);
                assert_eq!(got, expected, "n={n} modulo={modulo}");
                // reverse=True: descending, equal keys in their first order
                let mut expected: Vec<usize> = (0..n).collect();
                expected.sort_by(|&a, &b| keys[b].cmp(&keys[a]));
                let got = python_sort_positions(n, true, &mut |a, b| keys[a] < keys[b]);
                assert_eq!(got, expected, "reverse n={n} modulo={modulo}");
            }
        }
    }

    #[test]
    fn python_first_comparisons() {
        // [5000, None, 1]: CPython first asks `None < 5000`.
        let mut asked = vec![];
        python_sort_positions(3, false, &mut |a, b| {
            asked.push((a, b));
            false
        });
        assert_eq!(asked[0], (1, 0));
    }

    #[test]
    fn same_as_the_standard_stable_sort() {
        for n in [0, 1, 2, 3, 7, 20, 33, 100, 1000] {
            for modulo in [1, 3, 50, 1 << 40] {
                let keys = numbers(n as u64 * 31 + modulo, n, modulo);
                // (key, original position): stability shows in the positions
                let items: Vec<(u64, usize)> = keys.iter().copied().zip(0..).collect();
                let mut expected = items.clone();
                expected.sort_by_key(|p| p.0);
                let mut got = items.clone();
                sort_by_key(&mut got, |p| p.0);
                assert_eq!(got, expected, "n={n} modulo={modulo}");
                let mut got = items.clone();
                sort_by_cached_key(&mut got, |p| p.0);
                assert_eq!(got, expected);
                let mut got = items.clone();
                sort_by(&mut got, |a, b| b.0.cmp(&a.0));
                let mut expected_rev = items.clone();
                expected_rev.sort_by_key(|b| std::cmp::Reverse(b.0));
                assert_eq!(got, expected_rev);
                let mut plain = keys.clone();
                sort(&mut plain);
                let mut expected_plain = keys;
                expected_plain.sort_unstable();
                assert_eq!(plain, expected_plain);
            }
        }
    }

    #[test]
    fn strings_move_without_copies() {
        let mut v: Vec<String> = ["pear", "apple", "fig", "apple", "kiwi"]
            .iter()
            .map(|s| s.to_string())
            .collect();
        sort(&mut v);
        assert_eq!(v, ["apple", "apple", "fig", "kiwi", "pear"]);
    }
}
