//! `datetime.strptime(s, format)` for the common directives, following CPython's
//! `_strptime` regular expressions (case-insensitive, whitespace runs match `\s+`,
//! alternatives tried in the same order as CPython's regex engine would).

use super::datetime::{Date, DateTime};
use super::error::{PyErr, PyResult};
use super::strings::{decimal_value, is_py_space, str_repr};

const MONTHS: [&str; 12] = [
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
];
const DAYS: [&str; 7] = [
    "monday",
    "tuesday",
    "wednesday",
    "thursday",
    "friday",
    "saturday",
    "sunday",
];

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Item {
    Directive(char),
    Space,
    Lit(char),
}

/// Alternatives of each numeric directive, in CPython's regex order.
fn alternatives(d: char) -> &'static [&'static str] {
    match d {
        'd' => &["3[01]", "[12]D", "0[1-9]", "[1-9]", " [1-9]"],
        'f' => &["DDDDDD", "DDDDD", "DDDD", "DDD", "DD", "D"],
        'H' => &["2[0-3]", "[0-1]D", "D"],
        'I' => &["1[0-2]", "0[1-9]", "[1-9]"],
        'j' => &[
            "36[0-6]", "3[0-5]D", "[12]DD", "0[1-9]D", "00[1-9]", "[1-9]D", "0[1-9]", "[1-9]",
        ],
        'm' => &["1[0-2]", "0[1-9]", "[1-9]"],
        'M' => &["[0-5]D", "D"],
        'S' => &["6[0-1]", "[0-5]D", "D"],
        'y' => &["DD"],
        'Y' => &["DDDD"],
        'w' => &["[0-6]"],
        'u' => &["[1-7]"],
        'U' | 'W' => &["5[0-3]", "[0-4]D", "D"],
        _ => &[],
    }
}

/// Matches a fixed-length template (`D` = any Unicode decimal digit, `[a-b]` classes).
fn match_template(tpl: &str, s: &[char], pos: usize) -> Option<usize> {
    let t: Vec<char> = tpl.chars().collect();
    let mut i = 0;
    let mut p = pos;
    while i < t.len() {
        let c = *s.get(p)?;
        match t[i] {
            'D' => {
                decimal_value(c)?;
                i += 1;
            }
            '[' => {
                let end = t[i..].iter().position(|&x| x == ']')? + i;
                let class = &t[i + 1..end];
                let mut ok = false;
                let mut k = 0;
                while k < class.len() {
                    if k + 2 < class.len() && class[k + 1] == '-' {
                        ok |= (class[k]..=class[k + 2]).contains(&c);
                        k += 3;
                    } else {
                        ok |= class[k] == c;
                        k += 1;
                    }
                }
                if !ok {
                    return None;
                }
                i = end + 1;
            }
            lit => {
                if lit != c {
                    return None;
                }
                i += 1;
            }
        }
        p += 1;
    }
    Some(p)
}

fn names_for(d: char) -> Vec<String> {
    let mut v: Vec<String> = match d {
        'B' => MONTHS.iter().map(|s| s.to_string()).collect(),
        'b' => MONTHS.iter().map(|s| s[..3].to_string()).collect(),
        'A' => DAYS.iter().map(|s| s.to_string()).collect(),
        'a' => DAYS.iter().map(|s| s[..3].to_string()).collect(),
        'p' => vec!["am".into(), "pm".into()],
        _ => Vec::new(),
    };
    // CPython sorts the alternatives longest first.
    crate::core::sort::sort_by_key(&mut v, |s| std::cmp::Reverse(s.len()));
    v
}

/// Candidate end positions for `item` at `pos`, in regex preference order.
fn candidates(item: Item, s: &[char], pos: usize) -> Vec<usize> {
    match item {
        Item::Lit(c) => match s.get(pos) {
            Some(&x) if super::case::lower_char(x) == super::case::lower_char(c) => vec![pos + 1],
            _ => Vec::new(),
        },
        Item::Space => {
            let mut end = pos;
            while s.get(end).is_some_and(|&c| is_py_space(c)) {
                end += 1;
            }
            (pos + 1..=end).rev().collect()
        }
        Item::Directive(d @ ('B' | 'b' | 'A' | 'a' | 'p')) => names_for(d)
            .iter()
            .filter(|n| {
                let len = n.chars().count();
                s.get(pos..pos + len)
                    .is_some_and(|w| super::case::lower(&w.iter().collect::<String>()) == **n)
            })
            .map(|n| pos + n.chars().count())
            .collect(),
        Item::Directive(d) => alternatives(d)
            .iter()
            .filter_map(|t| match_template(t, s, pos))
            .collect(),
    }
}

fn search(items: &[Item], s: &[char], pos: usize, ends: &mut Vec<usize>, budget: &mut u32) -> bool {
    let Some((&first, rest)) = items.split_first() else {
        return true;
    };
    for end in candidates(first, s, pos) {
        if *budget == 0 {
            return false;
        }
        *budget -= 1;
        ends.push(end);
        if search(rest, s, end, ends, budget) {
            return true;
        }
        ends.pop();
    }
    false
}

fn num(s: &[char]) -> i64 {
    s.iter()
        .filter_map(|&c| decimal_value(c))
        .fold(0i64, |a, d| a * 10 + i64::from(d))
}

impl DateTime {
    /// `datetime.strptime(s, format)` (C locale). Supported directives: `%Y %y %m %d %H %I
    /// %M %S %f %p %j %b %B %a %A %w %u %U %W %%`; `%z`, `%Z`, `%c`, `%x`, `%X`, `%G`,
    /// `%V` raise `ValueError` here.
    pub fn strptime(s: &str, format: &str) -> PyResult<DateTime> {
        let mut items = Vec::new();
        let mut it = format.chars().peekable();
        while let Some(c) = it.next() {
            if c == '%' {
                match it.next() {
                    None => {
                        return Err(PyErr::value(format!(
                            "stray % in format {}",
                            str_repr(format)
                        )));
                    }
                    Some('%') => items.push(Item::Lit('%')),
                    Some(d) if "YymdHIMSfpjbBaAwuUW".contains(d) => items.push(Item::Directive(d)),
                    Some(d) if "zZcxXGV".contains(d) => {
                        return Err(PyErr::value(format!(
                            "strptime directive %{d} is not supported"
                        )));
                    }
                    Some(d) => {
                        return Err(PyErr::value(format!(
                            "{} is a bad directive in format {}",
                            str_repr(&d.to_string()),
                            str_repr(format)
                        )));
                    }
                }
            } else if is_py_space(c) {
                while it.peek().is_some_and(|&n| is_py_space(n)) {
                    it.next();
                }
                items.push(Item::Space);
            } else {
                items.push(Item::Lit(c));
            }
        }
        let chars: Vec<char> = s.chars().collect();
        let mut ends = Vec::new();
        let mut budget = 100_000;
        if !search(&items, &chars, 0, &mut ends, &mut budget) {
            return Err(PyErr::value(format!(
                "time data {} does not match format {}",
                str_repr(s),
                str_repr(format)
            )));
        }
        let end = ends.last().copied().unwrap_or(0);
        if end < chars.len() {
            let rest: String = chars[end..].iter().collect();
            return Err(PyErr::value(format!("unconverted data remains: {rest}")));
        }
        let (mut year, mut month, mut day) = (None, 1i64, 1i64);
        let (mut hour, mut minute, mut second, mut micro) = (0i64, 0i64, 0i64, 0i64);
        let mut hour12: Option<i64> = None;
        let mut pm: Option<bool> = None;
        let mut julian: Option<i64> = None;
        let mut weekday: Option<i64> = None;
        let mut week: Option<(i64, bool)> = None;
        let mut start = 0;
        for (item, &e) in items.iter().zip(&ends) {
            let text = &chars[start..e];
            if let Item::Directive(d) = item {
                let v = num(text);
                match d {
                    'Y' => year = Some(v),
                    'y' => year = Some(if v <= 68 { v + 2000 } else { v + 1900 }),
                    'm' => month = v,
                    'd' => day = v,
                    'H' => hour = v,
                    'I' => hour12 = Some(v),
                    'M' => minute = v,
                    'S' => second = v,
                    'f' => micro = v * 10i64.pow(6 - text.len() as u32),
                    'j' => julian = Some(v),
                    'b' | 'B' => {
                        let name = super::case::lower(&text.iter().collect::<String>());
                        month = MONTHS
                            .iter()
                            .position(|m| m.starts_with(&name))
                            .map_or(1, |i| i as i64 + 1);
                    }
                    'p' => pm = Some(text.iter().any(|c| c.eq_ignore_ascii_case(&'p'))),
                    'w' => weekday = Some(if v == 0 { 6 } else { v - 1 }),
                    'u' => weekday = Some(v - 1),
                    'a' | 'A' => {
                        let name = super::case::lower(&text.iter().collect::<String>());
                        weekday = DAYS
                            .iter()
                            .position(|m| m.starts_with(&name))
                            .map(|i| i as i64);
                    }
                    'U' => week = Some((v, false)),
                    'W' => week = Some((v, true)),
                    _ => {}
                }
            }
            start = e;
        }
        if let Some(h) = hour12 {
            hour = match pm {
                Some(true) if h != 12 => h + 12,
                Some(false) if h == 12 => 0,
                _ => h,
            };
        }
        let leap_fix = year.is_none() && month == 2 && day == 29;
        let mut y = year.unwrap_or(if leap_fix { 1904 } else { 1900 });
        if julian.is_none()
            && let (Some(wd), Some((wk, starts_mon))) = (weekday, week)
        {
            let mut first = i64::from(Date::new(y, 1, 1)?.weekday());
            let mut dow = wd;
            if !starts_mon {
                first = (first + 1) % 7;
                dow = (dow + 1) % 7;
            }
            let week0_len = (7 - first) % 7;
            let mut j = if wk == 0 {
                1 + dow - first
            } else {
                1 + week0_len + 7 * (wk - 1) + dow
            };
            if j <= 0 {
                y -= 1;
                j += if Date::new(y, 2, 29).is_ok() {
                    366
                } else {
                    365
                };
            }
            julian = Some(j);
        }
        if let Some(j) = julian {
            let jan1 = Date::new(y, 1, 1)?.toordinal();
            let d = Date::fromordinal(jan1 + j - 1)?;
            month = i64::from(d.month());
            day = i64::from(d.day());
        }
        let y = if leap_fix { 1900 } else { y };
        DateTime::new(y, month, day, hour, minute, second, micro)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn p(s: &str, f: &str) -> String {
        DateTime::strptime(s, f)
            .map(|d| d.repr())
            .unwrap_or_else(|e| e.to_string())
    }

    #[test]
    fn strptime_like_cpython() {
        let cases: &[(&str, &str, &str)] = &[
            (
                "2024-03-15",
                "%Y-%m-%d",
                "datetime.datetime(2024, 3, 15, 0, 0)",
            ),
            (
                "2024-3-5",
                "%Y-%m-%d",
                "datetime.datetime(2024, 3, 5, 0, 0)",
            ),
            (
                "2024-13-01",
                "%Y-%m-%d",
                "ValueError: time data '2024-13-01' does not match format '%Y-%m-%d'",
            ),
            (
                "2024-02-30",
                "%Y-%m-%d",
                "ValueError: day is out of range for month",
            ),
            (
                "2024-03-15 14:30",
                "%Y-%m-%d %H:%M",
                "datetime.datetime(2024, 3, 15, 14, 30)",
            ),
            (
                "2024-03-15  14:30",
                "%Y-%m-%d %H:%M",
                "datetime.datetime(2024, 3, 15, 14, 30)",
            ),
            (
                "2024-03-15x",
                "%Y-%m-%d",
                "ValueError: unconverted data remains: x",
            ),
            (
                "15/03/24",
                "%d/%m/%y",
                "datetime.datetime(2024, 3, 15, 0, 0)",
            ),
            (
                "15/03/70",
                "%d/%m/%y",
                "datetime.datetime(1970, 3, 15, 0, 0)",
            ),
            (
                "March 5, 2024",
                "%B %d, %Y",
                "datetime.datetime(2024, 3, 5, 0, 0)",
            ),
            (
                "mar 5 2024",
                "%b %d %Y",
                "datetime.datetime(2024, 3, 5, 0, 0)",
            ),
            (
                "2:30 PM",
                "%I:%M %p",
                "datetime.datetime(1900, 1, 1, 14, 30)",
            ),
            (
                "12:30 am",
                "%I:%M %p",
                "datetime.datetime(1900, 1, 1, 0, 30)",
            ),
            ("2024 075", "%Y %j", "datetime.datetime(2024, 3, 15, 0, 0)"),
            ("1231", "%m%d", "datetime.datetime(1900, 12, 31, 0, 0)"),
            (
                "2024-03-15T14:30:05.123",
                "%Y-%m-%dT%H:%M:%S.%f",
                "datetime.datetime(2024, 3, 15, 14, 30, 5, 123000)",
            ),
            ("%", "%%", "datetime.datetime(1900, 1, 1, 0, 0)"),
            (
                "x",
                "%q",
                "ValueError: 'q' is a bad directive in format '%q'",
            ),
            ("x", "%", "ValueError: stray % in format '%'"),
            ("Fri 2024", "%a %Y", "datetime.datetime(2024, 1, 1, 0, 0)"),
            ("", "", "datetime.datetime(1900, 1, 1, 0, 0)"),
            ("5", "%d", "datetime.datetime(1900, 1, 5, 0, 0)"),
            (" 5", "%d", "datetime.datetime(1900, 1, 5, 0, 0)"),
            (
                "2024",
                "%Y%m",
                "ValueError: time data '2024' does not match format '%Y%m'",
            ),
            ("20240315", "%Y%m%d", "datetime.datetime(2024, 3, 15, 0, 0)"),
            (
                "1",
                "%H%M",
                "ValueError: time data '1' does not match format '%H%M'",
            ),
            ("123", "%H%M", "datetime.datetime(1900, 1, 1, 12, 3)"),
            (
                "1999-12-31 23:59:60",
                "%Y-%m-%d %H:%M:%S",
                "ValueError: second must be in 0..59",
            ),
            ("abc", "abc", "datetime.datetime(1900, 1, 1, 0, 0)"),
            ("ABC", "abc", "datetime.datetime(1900, 1, 1, 0, 0)"),
            (
                "2024-03-15",
                "%Y-%m-%d %H",
                "ValueError: time data '2024-03-15' does not match format '%Y-%m-%d %H'",
            ),
        ];
        for &(s, f, want) in cases {
            assert_eq!(p(s, f), want, "{s:?} {f:?}");
        }
    }
}
