//! Python `str` semantics: `repr`, and the methods whose behaviour is non-trivial.
//! Every position is a character index (Python's code point index), never a byte offset.

use super::error::{PyErr, PyResult};
use super::slice::{normalize_index, slice_indices};
use super::unicode_tables::{DECIMAL_ZEROS, NON_PRINTABLE};

pub use super::str_case::{
    capitalize, casefold, is_alpha, is_digit, isalnum, isalpha, isdecimal, isdigit, islower,
    isnumeric, isprintable, isspace, istitle, isupper, lower, swapcase, title, upper,
};

/// Largest string (in bytes) that `str * n`, `zfill`, `center`… will build before
/// raising `MemoryError`.
pub const MAX_STR_BYTES: usize = 1 << 28;

/// A table of code point ranges as `unicode_tables.rs` stores it: per range, the LEB128
/// varints of its start's distance from the previous range's end and of its end's from
/// its start. Decoded into `(start, end)` pairs at its first use.
pub struct Ranges {
    bytes: &'static [u8],
    decoded: std::sync::OnceLock<Vec<(u32, u32)>>,
}

impl Ranges {
    /// The table of `bytes`.
    pub const fn new(bytes: &'static [u8]) -> Ranges {
        Ranges {
            bytes,
            decoded: std::sync::OnceLock::new(),
        }
    }

    /// The `(start, end)` pairs, inclusive, in order.
    pub fn pairs(&self) -> &[(u32, u32)] {
        self.decoded.get_or_init(|| {
            let mut it = self.bytes.iter();
            let mut next = || {
                let (mut n, mut shift) = (0u32, 0);
                for &b in it.by_ref() {
                    n |= u32::from(b & 0x7F) << shift;
                    shift += 7;
                    if b & 0x80 == 0 {
                        return Some(n);
                    }
                }
                None
            };
            let mut out = Vec::new();
            let mut prev = 0;
            while let (Some(gap), Some(len)) = (next(), next()) {
                let start = prev + gap;
                prev = start + len;
                out.push((start, prev));
            }
            out
        })
    }
}

pub(crate) fn in_ranges(table: &Ranges, c: char) -> bool {
    let cp = c as u32;
    table
        .pairs()
        .binary_search_by(|&(a, b)| {
            if b < cp {
                std::cmp::Ordering::Less
            } else if a > cp {
                std::cmp::Ordering::Greater
            } else {
                std::cmp::Ordering::Equal
            }
        })
        .is_ok()
}

/// Python's `str.isspace()` for one character (also what `strip()`/`split()` remove).
pub fn is_py_space(c: char) -> bool {
    matches!(c, '\u{1c}'..='\u{1f}') || c.is_whitespace()
}

/// `c.isprintable()`.
pub fn is_printable(c: char) -> bool {
    !in_ranges(&NON_PRINTABLE, c)
}

/// The decimal value of `c` when `c.isdecimal()`.
pub fn decimal_value(c: char) -> Option<u32> {
    let cp = c as u32;
    if c.is_ascii_digit() {
        return Some(cp - 0x30);
    }
    let i = DECIMAL_ZEROS.partition_point(|&z| z <= cp);
    let z = *DECIMAL_ZEROS.get(i.checked_sub(1)?)?;
    (cp < z + 10).then_some(cp - z)
}

/// CPython's `_PyUnicode_TransformDecimalAndSpaceToASCII`: Unicode decimal digits become
/// ASCII digits and Unicode whitespace becomes a space (used by `float()` and `Decimal()`).
pub fn decimal_and_space_to_ascii(s: &str) -> String {
    s.chars()
        .map(|c| {
            if c.is_ascii() {
                c
            } else if let Some(d) = decimal_value(c) {
                char::from_digit(d, 10).unwrap_or(c)
            } else if is_py_space(c) {
                ' '
            } else {
                c
            }
        })
        .collect()
}

/// `repr(s)`: quote selection and escapes exactly like CPython.
pub fn str_repr(s: &str) -> String {
    let quote = if s.contains('\'') && !s.contains('"') {
        '"'
    } else {
        '\''
    };
    let mut out = String::with_capacity(s.len() + 2);
    out.push(quote);
    for c in s.chars() {
        match c {
            '\\' => out.push_str("\\\\"),
            '\t' => out.push_str("\\t"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            c if c == quote => {
                out.push('\\');
                out.push(c);
            }
            c if (c as u32) < 0x20 || c as u32 == 0x7f => {
                out.push_str(&format!("\\x{:02x}", c as u32));
            }
            c if (c as u32) < 0x7f => out.push(c),
            c if is_printable(c) => out.push(c),
            c => {
                let cp = c as u32;
                if cp < 0x100 {
                    out.push_str(&format!("\\x{cp:02x}"));
                } else if cp < 0x10000 {
                    out.push_str(&format!("\\u{cp:04x}"));
                } else {
                    out.push_str(&format!("\\U{cp:08x}"));
                }
            }
        }
    }
    out.push(quote);
    out
}

fn chars(s: &str) -> Vec<char> {
    s.chars().collect()
}

fn check_size(bytes: usize) -> PyResult<()> {
    if bytes > MAX_STR_BYTES {
        Err(PyErr::memory())
    } else {
        Ok(())
    }
}

/// `s.split(sep, maxsplit)` (`sep=None` splits on whitespace runs; `maxsplit < 0` = all).
pub fn split(s: &str, sep: Option<&str>, maxsplit: i64) -> PyResult<Vec<String>> {
    let mut max = if maxsplit < 0 {
        usize::MAX
    } else {
        maxsplit as usize
    };
    match sep {
        Some("") => Err(PyErr::value("empty separator")),
        Some(sep) => {
            let mut out = Vec::new();
            let mut rest = s;
            while max > 0 {
                match rest.find(sep) {
                    Some(i) => {
                        out.push(rest[..i].to_string());
                        rest = &rest[i + sep.len()..];
                        max -= 1;
                    }
                    None => break,
                }
            }
            out.push(rest.to_string());
            Ok(out)
        }
        None => {
            let mut out = Vec::new();
            let mut rest = s.trim_start_matches(is_py_space);
            while !rest.is_empty() {
                if max == 0 {
                    out.push(rest.to_string());
                    break;
                }
                let end = rest.find(is_py_space).unwrap_or(rest.len());
                out.push(rest[..end].to_string());
                rest = rest[end..].trim_start_matches(is_py_space);
                max -= 1;
            }
            Ok(out)
        }
    }
}

/// `s.rsplit(sep, maxsplit)`.
pub fn rsplit(s: &str, sep: Option<&str>, maxsplit: i64) -> PyResult<Vec<String>> {
    let mut max = if maxsplit < 0 {
        usize::MAX
    } else {
        maxsplit as usize
    };
    match sep {
        Some("") => Err(PyErr::value("empty separator")),
        Some(sep) => {
            let mut out = Vec::new();
            let mut rest = s;
            while max > 0 {
                match rest.rfind(sep) {
                    Some(i) => {
                        out.push(rest[i + sep.len()..].to_string());
                        rest = &rest[..i];
                        max -= 1;
                    }
                    None => break,
                }
            }
            out.push(rest.to_string());
            out.reverse();
            Ok(out)
        }
        None => {
            let mut out = Vec::new();
            let mut rest = s.trim_end_matches(is_py_space);
            while !rest.is_empty() {
                if max == 0 {
                    out.push(rest.to_string());
                    break;
                }
                let start = rest
                    .rfind(is_py_space)
                    .map(|i| i + rest[i..].chars().next().map_or(1, char::len_utf8))
                    .unwrap_or(0);
                out.push(rest[start..].to_string());
                rest = rest[..start].trim_end_matches(is_py_space);
                max -= 1;
            }
            out.reverse();
            Ok(out)
        }
    }
}

fn is_line_break(c: char) -> bool {
    matches!(
        c,
        '\n' | '\r'
            | '\x0b'
            | '\x0c'
            | '\x1c'
            | '\x1d'
            | '\x1e'
            | '\u{85}'
            | '\u{2028}'
            | '\u{2029}'
    )
}

/// `s.splitlines(keepends)`.
pub fn splitlines(s: &str, keepends: bool) -> Vec<String> {
    let mut out = Vec::new();
    let mut start = 0;
    let mut it = s.char_indices().peekable();
    while let Some((i, c)) = it.next() {
        if is_line_break(c) {
            let mut end = i + c.len_utf8();
            if c == '\r' && it.peek().map(|p| p.1) == Some('\n') {
                it.next();
                end += 1;
            }
            out.push(
                if keepends {
                    &s[start..end]
                } else {
                    &s[start..i]
                }
                .to_string(),
            );
            start = end;
        }
    }
    if start < s.len() {
        out.push(s[start..].to_string());
    }
    out
}

/// `s.strip(chars)` (`None` = whitespace).
pub fn strip(s: &str, chars: Option<&str>) -> String {
    rstrip(&lstrip(s, chars), chars)
}

/// `s.lstrip(chars)`.
pub fn lstrip(s: &str, chars: Option<&str>) -> String {
    match chars {
        None => s.trim_start_matches(is_py_space).to_string(),
        Some(cs) => s.trim_start_matches(|c| cs.contains(c)).to_string(),
    }
}

/// `s.rstrip(chars)`.
pub fn rstrip(s: &str, chars: Option<&str>) -> String {
    match chars {
        None => s.trim_end_matches(is_py_space).to_string(),
        Some(cs) => s.trim_end_matches(|c| cs.contains(c)).to_string(),
    }
}

fn padded(s: &str, left: usize, right: usize, fill: char) -> PyResult<String> {
    check_size(s.len() + (left + right).saturating_mul(fill.len_utf8()))?;
    let mut out = String::new();
    out.extend(std::iter::repeat_n(fill, left));
    out.push_str(s);
    out.extend(std::iter::repeat_n(fill, right));
    Ok(out)
}

/// `s.center(width, fill)` with CPython's placement of the odd padding character.
pub fn center(s: &str, width: i64, fill: char) -> PyResult<String> {
    let len = s.chars().count() as i64;
    if width <= len {
        return Ok(s.to_string());
    }
    let marg = width - len;
    let left = marg / 2 + (marg & width & 1);
    padded(s, left as usize, (marg - left) as usize, fill)
}

/// `s.ljust(width, fill)`.
pub fn ljust(s: &str, width: i64, fill: char) -> PyResult<String> {
    let len = s.chars().count() as i64;
    if width <= len {
        return Ok(s.to_string());
    }
    padded(s, 0, (width - len) as usize, fill)
}

/// `s.rjust(width, fill)`.
pub fn rjust(s: &str, width: i64, fill: char) -> PyResult<String> {
    let len = s.chars().count() as i64;
    if width <= len {
        return Ok(s.to_string());
    }
    padded(s, (width - len) as usize, 0, fill)
}

/// `s.zfill(width)`.
pub fn zfill(s: &str, width: i64) -> PyResult<String> {
    let len = s.chars().count() as i64;
    if width <= len {
        return Ok(s.to_string());
    }
    let pad = (width - len) as usize;
    check_size(s.len() + pad)?;
    let (sign, rest) = match s.chars().next() {
        Some(c @ ('+' | '-')) => (c.to_string(), &s[1..]),
        _ => (String::new(), s),
    };
    Ok(format!("{sign}{}{rest}", "0".repeat(pad)))
}

/// `s.partition(sep)`.
pub fn partition(s: &str, sep: &str) -> PyResult<(String, String, String)> {
    if sep.is_empty() {
        return Err(PyErr::value("empty separator"));
    }
    Ok(match s.find(sep) {
        Some(i) => (
            s[..i].to_string(),
            sep.to_string(),
            s[i + sep.len()..].to_string(),
        ),
        None => (s.to_string(), String::new(), String::new()),
    })
}

/// `s.rpartition(sep)`.
pub fn rpartition(s: &str, sep: &str) -> PyResult<(String, String, String)> {
    if sep.is_empty() {
        return Err(PyErr::value("empty separator"));
    }
    Ok(match s.rfind(sep) {
        Some(i) => (
            s[..i].to_string(),
            sep.to_string(),
            s[i + sep.len()..].to_string(),
        ),
        None => (String::new(), String::new(), s.to_string()),
    })
}

/// CPython's ADJUST_INDICES for `find`/`count`/`startswith` start and end arguments.
fn adjust(start: Option<i64>, end: Option<i64>, len: usize) -> (i64, i64) {
    let len = len as i64;
    let fix = |v: i64| {
        if v < 0 {
            v.saturating_add(len).max(0)
        } else {
            v
        }
    };
    (fix(start.unwrap_or(0)), fix(end.unwrap_or(len)).min(len))
}

fn find_chars(hay: &[char], needle: &[char], from_right: bool) -> Option<usize> {
    if needle.len() > hay.len() {
        return None;
    }
    let n = hay.len() - needle.len();
    if from_right {
        (0..=n).rev().find(|&i| hay[i..i + needle.len()] == *needle)
    } else {
        (0..=n).find(|&i| hay[i..i + needle.len()] == *needle)
    }
}

fn find_impl(s: &str, sub: &str, start: Option<i64>, end: Option<i64>, right: bool) -> i64 {
    let hay = chars(s);
    let (a, b) = adjust(start, end, hay.len());
    let sub = chars(sub);
    if a > hay.len() as i64 || b < a {
        return -1;
    }
    let window = &hay[a as usize..b as usize];
    match find_chars(window, &sub, right) {
        Some(i) => a + i as i64,
        None => -1,
    }
}

/// `s.find(sub, start, end)` → character index or -1.
pub fn find(s: &str, sub: &str, start: Option<i64>, end: Option<i64>) -> i64 {
    find_impl(s, sub, start, end, false)
}

/// `s.rfind(sub, start, end)`.
pub fn rfind(s: &str, sub: &str, start: Option<i64>, end: Option<i64>) -> i64 {
    find_impl(s, sub, start, end, true)
}

/// `s.index(sub, start, end)` (`ValueError: substring not found`).
pub fn index(s: &str, sub: &str, start: Option<i64>, end: Option<i64>) -> PyResult<usize> {
    let r = find(s, sub, start, end);
    usize::try_from(r).map_err(|_| PyErr::value("substring not found"))
}

/// `s.rindex(sub, start, end)`.
pub fn rindex(s: &str, sub: &str, start: Option<i64>, end: Option<i64>) -> PyResult<usize> {
    let r = rfind(s, sub, start, end);
    usize::try_from(r).map_err(|_| PyErr::value("substring not found"))
}

/// `s.count(sub, start, end)` (non-overlapping).
pub fn count(s: &str, sub: &str, start: Option<i64>, end: Option<i64>) -> usize {
    let hay = chars(s);
    let (a, b) = adjust(start, end, hay.len());
    if a > hay.len() as i64 || b < a {
        return 0;
    }
    let window = &hay[a as usize..b as usize];
    let sub = chars(sub);
    if sub.is_empty() {
        return window.len() + 1;
    }
    let mut n = 0;
    let mut i = 0;
    while i + sub.len() <= window.len() {
        if window[i..i + sub.len()] == *sub {
            n += 1;
            i += sub.len();
        } else {
            i += 1;
        }
    }
    n
}

/// `s.replace(old, new, count)` (`count < 0` = all).
pub fn replace(s: &str, old: &str, new: &str, count: i64) -> PyResult<String> {
    let max = if count < 0 {
        usize::MAX
    } else {
        count as usize
    };
    if old.is_empty() {
        let n = s.chars().count() + 1;
        check_size(s.len().saturating_add(n.min(max).saturating_mul(new.len())))?;
        let mut out = String::new();
        let mut done = 0;
        for c in s.chars() {
            if done < max {
                out.push_str(new);
                done += 1;
            }
            out.push(c);
        }
        if done < max {
            out.push_str(new);
        }
        return Ok(out);
    }
    if new.len() > old.len() {
        let hits = s.matches(old).count().min(max);
        check_size(
            s.len()
                .saturating_add(hits.saturating_mul(new.len() - old.len())),
        )?;
    }
    Ok(s.replacen(old, new, max))
}

fn tail_match(s: &str, fixes: &[&str], start: Option<i64>, end: Option<i64>, at_end: bool) -> bool {
    let hay = chars(s);
    let (a, b) = adjust(start, end, hay.len());
    if a > hay.len() as i64 || b < a {
        return false;
    }
    let window = &hay[a as usize..b as usize];
    fixes.iter().any(|f| {
        let f = chars(f);
        if at_end {
            window.ends_with(&f)
        } else {
            window.starts_with(&f)
        }
    })
}

/// `s.startswith(prefix_or_tuple, start, end)`.
pub fn startswith(s: &str, prefixes: &[&str], start: Option<i64>, end: Option<i64>) -> bool {
    tail_match(s, prefixes, start, end, false)
}

/// `s.endswith(suffix_or_tuple, start, end)`.
pub fn endswith(s: &str, suffixes: &[&str], start: Option<i64>, end: Option<i64>) -> bool {
    tail_match(s, suffixes, start, end, true)
}

/// `s.expandtabs(tabsize)`.
pub fn expandtabs(s: &str, tabsize: i64) -> PyResult<String> {
    let mut out = String::with_capacity(s.len());
    let mut col: usize = 0;
    for c in s.chars() {
        match c {
            '\t' => {
                if tabsize > 0 {
                    let ts = usize::try_from(tabsize).unwrap_or(usize::MAX);
                    let n = ts - (col % ts);
                    check_size(out.len().saturating_add(n))?;
                    out.extend(std::iter::repeat_n(' ', n));
                    col = col.saturating_add(n);
                }
            }
            '\n' | '\r' => {
                out.push(c);
                col = 0;
            }
            _ => {
                out.push(c);
                col += 1;
            }
        }
    }
    Ok(out)
}

/// `s * n` (empty for `n <= 0`).
pub fn repeat(s: &str, n: i64) -> PyResult<String> {
    if n <= 0 || s.is_empty() {
        return Ok(String::new());
    }
    let total = s
        .len()
        .checked_mul(usize::try_from(n).unwrap_or(usize::MAX))
        .ok_or_else(PyErr::memory)?;
    check_size(total)?;
    Ok(s.repeat(n as usize))
}

/// `s[start:stop:step]` by character index.
pub fn str_slice(
    s: &str,
    start: Option<i64>,
    stop: Option<i64>,
    step: Option<i64>,
) -> PyResult<String> {
    if s.is_ascii() {
        let sl = slice_indices(s.len(), start, stop, step)?;
        let b = s.as_bytes();
        return Ok(sl
            .iter()
            .filter_map(|i| b.get(i).map(|&c| c as char))
            .collect());
    }
    let cs = chars(s);
    let sl = slice_indices(cs.len(), start, stop, step)?;
    Ok(sl.iter().filter_map(|i| cs.get(i)).collect())
}

/// `s[i]` (`IndexError: string index out of range`).
pub fn char_at(s: &str, i: i64) -> PyResult<char> {
    let len = s.chars().count();
    let j = normalize_index(i, len, "string")?;
    s.chars()
        .nth(j)
        .ok_or_else(|| PyErr::index("string index out of range"))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn v(xs: &[&str]) -> Vec<String> {
        xs.iter().map(|s| s.to_string()).collect()
    }

    #[test]
    fn repr_cases() {
        assert_eq!(str_repr("it's"), r#""it's""#);
        assert_eq!(str_repr("say \"hi\""), r#"'say "hi"'"#);
        assert_eq!(str_repr("both ' \""), r#"'both \' "'"#);
        assert_eq!(str_repr("a\nb\tc\\d\r"), r"'a\nb\tc\\d\r'");
        assert_eq!(
            str_repr("\x00\x7f\u{80}\u{a0}\u{ad}\u{e9}"),
            r"'\x00\x7f\x80\xa0\xadé'"
        );
        assert_eq!(
            str_repr("\u{200b}\u{2028}\u{feff}€日本\u{1f600}\u{e0001}\u{e000}"),
            "'\\u200b\\u2028\\ufeff€日本😀\\U000e0001\\ue000'"
        );
        assert_eq!(str_repr("\x1b[0m"), r"'\x1b[0m'");
        assert_eq!(str_repr(""), "''");
    }

    #[test]
    fn splitting() {
        assert_eq!(split("  a b  c  ", None, -1).unwrap(), v(&["a", "b", "c"]));
        assert_eq!(split("  a b  c  ", None, 1).unwrap(), v(&["a", "b  c  "]));
        assert_eq!(rsplit("  a b  c  ", None, 1).unwrap(), v(&["  a b", "c"]));
        assert_eq!(
            split("a,b,,c", Some(","), -1).unwrap(),
            v(&["a", "b", "", "c"])
        );
        assert_eq!(split("a,b,,c", Some(","), 1).unwrap(), v(&["a", "b,,c"]));
        assert_eq!(rsplit("a,b,,c", Some(","), 1).unwrap(), v(&["a,b,", "c"]));
        assert_eq!(split("", Some(","), -1).unwrap(), v(&[""]));
        assert_eq!(split("", None, -1).unwrap(), Vec::<String>::new());
        assert_eq!(
            split("a", Some(""), -1).unwrap_err().to_string(),
            "ValueError: empty separator"
        );
        assert_eq!(
            split("a\u{3000}b\x1cc", None, -1).unwrap(),
            v(&["a", "b", "c"])
        );
        assert_eq!(split("ab", Some("ab"), -1).unwrap(), v(&["", ""]));
        assert_eq!(
            rsplit("a\u{3000}b c", None, -1).unwrap(),
            v(&["a", "b", "c"])
        );
        assert_eq!(
            splitlines("a\nb\r\nc\rd\x0be\x1cf\u{2028}g\n", false),
            v(&["a", "b", "c", "d", "e", "f", "g"])
        );
        assert_eq!(splitlines("a\nb\r\n", true), v(&["a\n", "b\r\n"]));
        assert_eq!(splitlines("", false), Vec::<String>::new());
    }

    #[test]
    fn case_and_strip() {
        assert_eq!(strip("xxhixx", Some("x")), "hi");
        assert_eq!(strip("  hi \n", None), "hi");
        assert_eq!(lstrip("abcba", Some("ab")), "cba");
        assert_eq!(rstrip("abcba", Some("ab")), "abc");
    }

    #[test]
    fn padding() {
        assert_eq!(center("abc", 6, ' ').unwrap(), " abc  ");
        assert_eq!(center("ab", 5, ' ').unwrap(), "  ab ");
        assert_eq!(center("ab", 6, '*').unwrap(), "**ab**");
        assert_eq!(center("abc", 2, ' ').unwrap(), "abc");
        assert_eq!(ljust("ab", 5, '-').unwrap(), "ab---");
        assert_eq!(rjust("ab", 5, ' ').unwrap(), "   ab");
        assert_eq!(zfill("-42", 6).unwrap(), "-00042");
        assert_eq!(zfill("+x", 4).unwrap(), "+00x");
        assert_eq!(zfill("abc", 2).unwrap(), "abc");
        assert_eq!(zfill("", 3).unwrap(), "000");
        assert_eq!(
            center("a", i64::MAX, ' ').unwrap_err().to_string(),
            "MemoryError"
        );
    }

    #[test]
    fn searching() {
        let t = |a: &str, b: &str, c: &str| (a.to_string(), b.to_string(), c.to_string());
        assert_eq!(partition("a-b-c", "-").unwrap(), t("a", "-", "b-c"));
        assert_eq!(rpartition("a-b-c", "-").unwrap(), t("a-b", "-", "c"));
        assert_eq!(partition("abc", "x").unwrap(), t("abc", "", ""));
        assert_eq!(rpartition("abc", "x").unwrap(), t("", "", "abc"));
        assert_eq!(partition("a", "").unwrap_err().message, "empty separator");
        assert_eq!(find("héllo", "l", None, None), 2);
        assert_eq!(rfind("héllo", "l", None, None), 3);
        assert_eq!(find("héllo", "l", Some(-2), None), 3);
        assert_eq!(find("abc", "", Some(5), None), -1);
        assert_eq!(find("abc", "", Some(3), None), 3);
        assert_eq!(find("hello", "l", Some(1), Some(3)), 2);
        assert_eq!(
            index("abc", "x", None, None).unwrap_err().to_string(),
            "ValueError: substring not found"
        );
        assert_eq!(
            rindex("abc", "x", None, None).unwrap_err().message,
            "substring not found"
        );
        assert_eq!(count("aaaa", "aa", None, None), 2);
        assert_eq!(count("abc", "", None, None), 4);
        assert_eq!(count("abc", "", Some(1), Some(2)), 2);
        assert_eq!(replace("aaa", "a", "b", 2).unwrap(), "bba");
        assert_eq!(replace("abc", "", "-", -1).unwrap(), "-a-b-c-");
        assert_eq!(replace("abc", "", "-", 2).unwrap(), "-a-bc");
        assert_eq!(replace("abc", "b", "", -1).unwrap(), "ac");
        assert!(startswith("hello", &["x", "he"], None, None));
        assert!(!endswith("hello", &["lo"], Some(0), Some(4)));
        assert!(!startswith("hello", &[""], Some(6), None));
        assert!(startswith("hello", &[""], Some(5), None));
    }

    #[test]
    fn misc() {
        assert_eq!(
            expandtabs("a\tb\n12345\tc", 8).unwrap(),
            "a       b\n12345   c"
        );
        assert_eq!(expandtabs("a\tb", 4).unwrap(), "a   b");
        assert_eq!(expandtabs("\t", 0).unwrap(), "");
        assert_eq!(repeat("ab", 3).unwrap(), "ababab");
        assert_eq!(repeat("ab", -1).unwrap(), "");
        assert_eq!(
            repeat("ab", i64::MAX).unwrap_err().to_string(),
            "MemoryError"
        );
        assert_eq!(str_slice("héllo", None, None, Some(-1)).unwrap(), "olléh");
        assert_eq!(
            str_slice("hello", Some(5), Some(0), Some(-2)).unwrap(),
            "ol"
        );
        assert_eq!(char_at("héllo", 1), Ok('é'));
        assert_eq!(
            char_at("abc", 5).unwrap_err().to_string(),
            "IndexError: string index out of range"
        );
    }
}
