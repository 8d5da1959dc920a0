//! Name lists packed into one string each, the names separated by single spaces. A
//! `&[&str]` costs the page's download a pointer and a length per name (8 bytes that
//! gzip compresses poorly); a packed list costs only its text. A list that is looked up
//! ([`has`], [`find`]) keeps its names in ascending byte order.

/// The names of a packed list.
pub fn iter(list: &'static str) -> impl Iterator<Item = &'static str> {
    list.split(' ')
}

/// The name of `list` equal to `name`, as the list's `'static` text.
pub fn find(list: &'static str, name: &str) -> Option<&'static str> {
    position(list, name).map(|at| &list[at..at + name.len()])
}

/// True when `name` is one of the names of `list`.
pub fn has(list: &str, name: &str) -> bool {
    position(list, name).is_some()
}

/// Where the name of `list` equal to `name` starts: a binary search over the text, so
/// the names of a list looked up must be in ascending byte order (checked in debug
/// builds). These lookups sit on hot paths (every builtin name, every `str`/`list`
/// method, `db.<attribute>`): a scan took thousands of instructions per lookup.
fn position(list: &str, name: &str) -> Option<usize> {
    debug_assert!(
        list.split(' ')
            .zip(list.split(' ').skip(1))
            .all(|(a, b)| a < b),
        "a packed name list out of order: {list}"
    );
    let (b, name) = (list.as_bytes(), name.as_bytes());
    // (`lo` is where a name starts, `hi` where one ends: the names between them are left.)
    let (mut lo, mut hi) = (0, b.len());
    while lo < hi {
        let mid = lo + (hi - lo) / 2;
        let start = (b[lo..mid].iter().rposition(|&c| c == b' ')).map_or(lo, |p| lo + p + 1);
        let end = (b[start..hi].iter().position(|&c| c == b' ')).map_or(hi, |p| start + p);
        match b[start..end].cmp(name) {
            std::cmp::Ordering::Equal => return Some(start),
            std::cmp::Ordering::Less => lo = end + 1,
            std::cmp::Ordering::Greater if start == 0 => return None,
            std::cmp::Ordering::Greater => hi = start - 1,
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn lookups() {
        let l = "add all alter and as";
        for w in l.split(' ') {
            assert!(has(l, w), "{w}");
        }
        for w in ["", "a", "ad", "adds", "zz", "al", "aa", "as ", "and as"] {
            assert!(!has(l, w), "{w}");
        }
        assert_eq!(find(l, "and"), Some("and"));
        assert_eq!(iter(l).count(), 5);
        assert!(has("x", "x") && !has("x", "y") && !has("x", "a"));
    }

    proptest! {
        #[test]
        fn sorted_search_agrees_with_a_scan(
            mut words in prop::collection::btree_set("[a-d]{1,4}", 1..40),
            probe in "[a-d]{0,5}",
        ) {
            words.insert("b".into());
            let list = words.iter().cloned().collect::<Vec<_>>().join(" ");
            prop_assert_eq!(has(&list, &probe), words.contains(&probe));
            for w in &words {
                prop_assert!(has(&list, w));
                prop_assert_eq!(position(&list, w).map(|at| &list[at..at + w.len()]), Some(w.as_str()));
            }
        }
    }
}
