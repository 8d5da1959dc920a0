//! Python slice and index normalization shared by str, list and tuple.

use super::error::{PyErr, PyResult};

/// A normalized slice, as `slice.indices(len)` plus the number of selected items.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct SliceIndices {
    /// First index (may be -1 or `len` when nothing is selected).
    pub start: i64,
    /// Stop index (exclusive, may be -1 for negative steps).
    pub stop: i64,
    /// Step (never 0).
    pub step: i64,
    /// Number of selected items.
    pub count: usize,
}

impl SliceIndices {
    /// The selected positions, in order.
    pub fn iter(&self) -> impl Iterator<Item = usize> + '_ {
        (0..self.count as i64).map(move |k| (self.start + k * self.step) as usize)
    }
}

/// Normalizes `seq[start:stop:step]` for a sequence of length `len` exactly like
/// `PySlice_AdjustIndices` (callers clamp Python ints beyond `i64` to `i64::MIN/MAX`).
pub fn slice_indices(
    len: usize,
    start: Option<i64>,
    stop: Option<i64>,
    step: Option<i64>,
) -> PyResult<SliceIndices> {
    let step = step.unwrap_or(1);
    if step == 0 {
        return Err(PyErr::value("slice step cannot be zero"));
    }
    let step = step.max(-i64::MAX);
    let len = i64::try_from(len).unwrap_or(i64::MAX);
    let adjust = |v: Option<i64>, default_neg: i64, default_pos: i64| -> i64 {
        match v {
            None => {
                if step < 0 {
                    default_neg
                } else {
                    default_pos
                }
            }
            Some(mut x) => {
                if x < 0 {
                    x = x.saturating_add(len);
                    if x < 0 {
                        x = if step < 0 { -1 } else { 0 };
                    }
                } else if x >= len {
                    x = if step < 0 { len - 1 } else { len };
                }
                x
            }
        }
    };
    let start = adjust(start, len - 1, 0);
    let stop = adjust(stop, -1, len);
    let count = if step < 0 {
        if stop < start {
            (start - stop - 1) / (-step) + 1
        } else {
            0
        }
    } else if start < stop {
        (stop - start - 1) / step + 1
    } else {
        0
    };
    Ok(SliceIndices {
        start,
        stop,
        step,
        count: count as usize,
    })
}

/// Normalizes a subscript `seq[i]` (negative counts from the end); `what` names the
/// sequence for the error: `"string"`, `"list"`, `"tuple"` → `IndexError: list index out of range`.
pub fn normalize_index(i: i64, len: usize, what: &str) -> PyResult<usize> {
    let len_i = i64::try_from(len).unwrap_or(i64::MAX);
    let j = if i < 0 { i.saturating_add(len_i) } else { i };
    if j < 0 || j >= len_i {
        return Err(PyErr::index(format!("{what} index out of range")));
    }
    Ok(j as usize)
}

/// Applies a slice to a slice of items, cloning the selected ones.
pub fn slice_vec<T: Clone>(
    items: &[T],
    start: Option<i64>,
    stop: Option<i64>,
    step: Option<i64>,
) -> PyResult<Vec<T>> {
    let s = slice_indices(items.len(), start, stop, step)?;
    Ok(s.iter().filter_map(|i| items.get(i).cloned()).collect())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sl(s: &str, a: Option<i64>, b: Option<i64>, c: Option<i64>) -> PyResult<String> {
        let v: Vec<char> = s.chars().collect();
        slice_vec(&v, a, b, c).map(|v| v.into_iter().collect())
    }

    #[test]
    fn python_slices() {
        assert_eq!(sl("hello", None, None, Some(-1)).unwrap(), "olleh");
        assert_eq!(sl("hello", Some(1), Some(4), Some(2)).unwrap(), "el");
        assert_eq!(sl("hello", Some(10), None, None).unwrap(), "");
        assert_eq!(sl("hello", Some(-100), Some(2), None).unwrap(), "he");
        assert_eq!(sl("hello", Some(5), Some(0), Some(-2)).unwrap(), "ol");
        assert_eq!(sl("hello", Some(-1), Some(-6), Some(-1)).unwrap(), "olleh");
        assert_eq!(sl("hello", Some(3), Some(1), None).unwrap(), "");
        assert_eq!(
            sl("hello", Some(i64::MIN), Some(i64::MAX), Some(i64::MIN)).unwrap(),
            ""
        );
        assert_eq!(
            sl("hello", None, None, Some(0)).unwrap_err().to_string(),
            "ValueError: slice step cannot be zero"
        );
        let s = slice_indices(10, Some(-3), None, None).unwrap();
        assert_eq!((s.start, s.stop, s.step, s.count), (7, 10, 1, 3));
        let s = slice_indices(10, None, None, Some(-3)).unwrap();
        assert_eq!((s.start, s.stop, s.step, s.count), (9, -1, -3, 4));
    }

    #[test]
    fn indexing() {
        assert_eq!(normalize_index(-1, 3, "list"), Ok(2));
        assert_eq!(
            normalize_index(5, 3, "string").unwrap_err().to_string(),
            "IndexError: string index out of range"
        );
        assert_eq!(
            normalize_index(-4, 3, "tuple").unwrap_err().message,
            "tuple index out of range"
        );
        assert_eq!(
            normalize_index(i64::MIN, 3, "list").unwrap_err().message,
            "list index out of range"
        );
    }
}
