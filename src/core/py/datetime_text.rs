//! Text side of `date`/`datetime`: ISO 8601 parsing (`fromisoformat`, 3.11 rules) and
//! `strftime` in the C locale.

use super::datetime::{Date, days_before_year, is_leap, iso_week1_monday};

const DAY_NAMES: [&str; 7] = [
    "Monday",
    "Tuesday",
    "Wednesday",
    "Thursday",
    "Friday",
    "Saturday",
    "Sunday",
];
const MONTH_NAMES: [&str; 12] = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];

/// Byte at `i`, or 0 past the end (CPython parses a NUL-terminated buffer).
fn at(b: &[u8], i: usize) -> u8 {
    b.get(i).copied().unwrap_or(0)
}

/// Exactly `n` ASCII digits at `p`.
fn parse_digits(b: &[u8], p: usize, n: usize) -> Option<(i64, usize)> {
    let mut v = 0i64;
    for k in 0..n {
        let c = at(b, p + k);
        if !c.is_ascii_digit() {
            return None;
        }
        v = v * 10 + i64::from(c - b'0');
    }
    Some((v, p + n))
}

/// ISO week date to (year, month, day); `None` for an invalid week or weekday.
fn iso_to_ymd(year: i64, week: i64, day: i64) -> Option<(i64, i64, i64)> {
    if !(1..=53).contains(&week) || !(-5000..=15000).contains(&year) {
        return None;
    }
    if week == 53 {
        let jan1_wd = (days_before_year(year) + 1 + 6).rem_euclid(7);
        if !(jan1_wd == 3 || (jan1_wd == 2 && is_leap(year))) {
            return None;
        }
    }
    if !(1..=7).contains(&day) {
        return None;
    }
    let d = Date::fromordinal(iso_week1_monday(year) + (week - 1) * 7 + day - 1).ok()?;
    Some((i64::from(d.year), i64::from(d.month), i64::from(d.day)))
}

/// CPython's `parse_isoformat_date`: the unvalidated (year, month, day) at the start of
/// `b` (`len` = length of the date part; trailing characters are not checked).
pub(super) fn parse_iso_date_raw(b: &[u8], len: usize) -> Option<(i64, i64, i64)> {
    let (year, mut p) = parse_digits(b, 0, 4)?;
    let sep = at(b, p) == b'-';
    if sep {
        p += 1;
    }
    if at(b, p) == b'W' {
        let (week, q) = parse_digits(b, p + 1, 2)?;
        p = q;
        let day = if p < len {
            if sep {
                if at(b, p) != b'-' {
                    return None;
                }
                p += 1;
            }
            parse_digits(b, p, 1)?.0
        } else {
            1
        };
        return iso_to_ymd(year, week, day);
    }
    let (month, q) = parse_digits(b, p, 2)?;
    p = q;
    if sep {
        if at(b, p) != b'-' {
            return None;
        }
        p += 1;
    }
    let (day, _) = parse_digits(b, p, 2)?;
    Some((year, month, day))
}

/// CPython's `_find_isoformat_datetime_separator`.
pub(super) fn iso_separator(b: &[u8]) -> Option<usize> {
    let len = b.len();
    if len == 7 {
        return Some(7);
    }
    if at(b, 4) == b'-' {
        if at(b, 5) != b'W' {
            return Some(10);
        }
        if len < 8 {
            return None;
        }
        if len > 8 && at(b, 8) == b'-' {
            if len == 9 {
                return None;
            }
            if len > 10 && at(b, 10).is_ascii_digit() {
                return Some(8);
            }
            return Some(10);
        }
        Some(8)
    } else if at(b, 4) == b'W' {
        let mut idx = 7;
        while idx < len && at(b, idx).is_ascii_digit() {
            idx += 1;
        }
        if idx < 9 {
            Some(idx)
        } else if idx % 2 == 0 {
            Some(7)
        } else {
            Some(8)
        }
    } else {
        Some(8)
    }
}

/// CPython's `parse_hh_mm_ss_ff` on `b[start..end]`: `([h, m, s], us, more)` where
/// `more` tells that the string does not end there.
fn parse_hh_mm_ss_ff(b: &[u8], start: usize, end: usize) -> Option<([i64; 3], i64, bool)> {
    let mut p = start;
    let mut vals = [0i64; 3];
    let mut has_sep = true;
    for (i, slot) in vals.iter_mut().enumerate() {
        let (v, q) = parse_digits(b, p, 2)?;
        *slot = v;
        let c = at(b, q);
        p = q + 1;
        if i == 0 {
            has_sep = c == b':';
        }
        if p >= end {
            return Some((vals, 0, c != 0));
        } else if has_sep && c == b':' {
            continue;
        } else if c == b'.' || c == b',' {
            break;
        } else if !has_sep {
            p -= 1;
        } else {
            return None;
        }
    }
    let to_parse = (end - p).min(6);
    let (mut us, mut q) = parse_digits(b, p, to_parse)?;
    if to_parse < 6 {
        us *= 10i64.pow(6 - to_parse as u32);
    }
    while at(b, q).is_ascii_digit() {
        q += 1;
    }
    Some((vals, us, at(b, q) != 0))
}

/// Time zone part found by [`parse_iso_time`].
pub(super) enum IsoTz {
    /// Naive.
    Naive,
    /// `Z`.
    Utc,
    /// `+HH:MM...`: offset in seconds and microseconds (signed).
    Offset(i64, i64),
}

/// CPython's `parse_isoformat_time` on `b[start..]`: `(h, m, s, us, tz)`, `None` if invalid.
pub(super) fn parse_iso_time(b: &[u8], start: usize) -> Option<(i64, i64, i64, i64, IsoTz)> {
    let end = b.len();
    let mut tz = start;
    loop {
        if matches!(at(b, tz), b'Z' | b'+' | b'-') {
            break;
        }
        tz += 1;
        if tz >= end {
            break;
        }
    }
    let ([h, m, s], us, more) = parse_hh_mm_ss_ff(b, start, tz)?;
    if tz == end {
        return if more {
            None
        } else {
            Some((h, m, s, us, IsoTz::Naive))
        };
    }
    if at(b, tz) == b'Z' {
        return if at(b, tz + 1) != 0 {
            None
        } else {
            Some((h, m, s, us, IsoTz::Utc))
        };
    }
    let sign = if at(b, tz) == b'-' { -1 } else { 1 };
    let ([th, tm, ts], tus, tmore) = parse_hh_mm_ss_ff(b, tz + 1, end)?;
    if tmore {
        return None;
    }
    Some((
        h,
        m,
        s,
        us,
        IsoTz::Offset(sign * (th * 3600 + tm * 60 + ts), sign * tus),
    ))
}

pub(super) fn strftime_impl(d: &Date, h: u32, mi: u32, s: u32, us: u32, fmt: &str) -> String {
    let mut out = String::new();
    let mut it = fmt.chars();
    let yday = d.toordinal() - days_before_year(i64::from(d.year));
    let wd = d.weekday();
    let wday_sun0 = (wd + 1) % 7;
    let h12 = if h.is_multiple_of(12) { 12 } else { h % 12 };
    while let Some(c) = it.next() {
        if c != '%' {
            out.push(c);
            continue;
        }
        let Some(mut k) = it.next() else {
            out.push('%');
            break;
        };
        // glibc's `-` flag: the number without its padding (`%-d` → `5`).
        let no_pad = k == '-';
        if no_pad {
            match it.next() {
                Some(k2) => k = k2,
                None => {
                    out.push_str("%-");
                    break;
                }
            }
        }
        let piece = match k {
            'Y' => d.year.to_string(),
            'y' => format!("{:02}", d.year % 100),
            'C' => (d.year / 100).to_string(),
            'm' => format!("{:02}", d.month),
            'd' => format!("{:02}", d.day),
            'e' => format!("{:2}", d.day),
            'H' => format!("{h:02}"),
            'k' => format!("{h:2}"),
            'I' => format!("{h12:02}"),
            'l' => format!("{h12:2}"),
            'M' => format!("{mi:02}"),
            'S' => format!("{s:02}"),
            'f' => format!("{us:06}"),
            'p' => (if h < 12 { "AM" } else { "PM" }).to_string(),
            'b' | 'h' => MONTH_NAMES[d.month as usize - 1][..3].to_string(),
            'B' => MONTH_NAMES[d.month as usize - 1].to_string(),
            'a' => DAY_NAMES[wd as usize][..3].to_string(),
            'A' => DAY_NAMES[wd as usize].to_string(),
            'j' => format!("{yday:03}"),
            'w' => wday_sun0.to_string(),
            'u' => (wd + 1).to_string(),
            'U' => format!("{:02}", (yday - 1 + 7 - i64::from(wday_sun0)) / 7),
            'W' => format!("{:02}", (yday - 1 + 7 - i64::from(wd)) / 7),
            'G' => d.isocalendar().0.to_string(),
            'g' => format!("{:02}", d.isocalendar().0 % 100),
            'V' => format!("{:02}", d.isocalendar().1),
            'D' | 'x' => format!("{:02}/{:02}/{:02}", d.month, d.day, d.year % 100),
            'T' | 'X' => format!("{h:02}:{mi:02}:{s:02}"),
            'R' => format!("{h:02}:{mi:02}"),
            'F' => format!("{}-{:02}-{:02}", d.year, d.month, d.day),
            'c' => format!(
                "{} {} {:2} {h:02}:{mi:02}:{s:02} {}",
                &DAY_NAMES[wd as usize][..3],
                &MONTH_NAMES[d.month as usize - 1][..3],
                d.day,
                d.year
            ),
            's' => {
                let epoch = (d.toordinal() - 719_163) * 86_400 + i64::from(h * 3600 + mi * 60 + s);
                epoch.to_string()
            }
            'n' => "\n".to_string(),
            't' => "\t".to_string(),
            'Z' | 'z' => String::new(),
            '%' => "%".to_string(),
            other if no_pad => format!("%-{other}"),
            other => format!("%{other}"),
        };
        if no_pad && piece.len() > 1 {
            let trimmed = piece.trim_start_matches(['0', ' ']);
            out.push_str(if trimmed.is_empty() { "0" } else { trimmed });
            continue;
        }
        out.push_str(&piece);
    }
    out
}

#[cfg(test)]
mod tests {
    use crate::core::py::datetime::{Date, DateTime};

    fn dt(y: i64, mo: i64, d: i64, h: i64, mi: i64, s: i64, us: i64) -> DateTime {
        DateTime::new(y, mo, d, h, mi, s, us).unwrap()
    }

    #[test]
    fn from_iso() {
        let ok = |s: &str| {
            DateTime::fromisoformat(s)
                .map(|d| d.repr())
                .unwrap_or_else(|e| e.to_string())
        };
        assert_eq!(ok("2024-03-15"), "datetime.datetime(2024, 3, 15, 0, 0)");
        assert_eq!(
            ok("2024-03-15T14:30"),
            "datetime.datetime(2024, 3, 15, 14, 30)"
        );
        assert_eq!(
            ok("2024-03-15 14:30:05.123"),
            "datetime.datetime(2024, 3, 15, 14, 30, 5, 123000)"
        );
        assert_eq!(ok("2024-03-15T14"), "datetime.datetime(2024, 3, 15, 14, 0)");
        assert_eq!(
            ok("20240315T143005"),
            "datetime.datetime(2024, 3, 15, 14, 30, 5)"
        );
        assert_eq!(
            ok("2024-03-15T14:30:05,5"),
            "datetime.datetime(2024, 3, 15, 14, 30, 5, 500000)"
        );
        assert_eq!(ok("2024-W11-5"), "datetime.datetime(2024, 3, 15, 0, 0)");
        assert_eq!(ok("2024W115"), "datetime.datetime(2024, 3, 15, 0, 0)");
        assert_eq!(ok("2024-W11"), "datetime.datetime(2024, 3, 11, 0, 0)");
        assert_eq!(
            ok("2024-03-15X14:30"),
            "datetime.datetime(2024, 3, 15, 14, 30)"
        );
        assert_eq!(
            ok("2024-03-15T14:30:05.123456789"),
            "datetime.datetime(2024, 3, 15, 14, 30, 5, 123456)"
        );
        assert_eq!(
            ok("2024-03-15T1430"),
            "datetime.datetime(2024, 3, 15, 14, 30)"
        );
        assert_eq!(
            ok("2024-03-15T143005.5"),
            "datetime.datetime(2024, 3, 15, 14, 30, 5, 500000)"
        );
        assert_eq!(
            ok("2024-02-30"),
            "ValueError: day is out of range for month"
        );
        assert_eq!(ok("2024-03-15T25:00"), "ValueError: hour must be in 0..23");
        assert_eq!(ok("2024-03-15T24:00"), "ValueError: hour must be in 0..23");
        for bad in [
            "bad",
            "2024-03-15T14:30:05.",
            "2024-03-15T14:3",
            "2024-03-15T",
            "2024-03-15 ",
            "2024-3-15",
            " 2024-03-15",
            "2024-03-15T14:30:5",
            "2024-W54-1",
        ] {
            assert_eq!(
                ok(bad),
                format!("ValueError: Invalid isoformat string: '{bad}'")
            );
        }
        let d = |s: &str| {
            Date::fromisoformat(s)
                .map(|d| d.repr())
                .unwrap_or_else(|e| e.to_string())
        };
        assert_eq!(d("2024-03-15"), "datetime.date(2024, 3, 15)");
        assert_eq!(d("20240315"), "datetime.date(2024, 3, 15)");
        assert_eq!(d("2024-W11-5"), "datetime.date(2024, 3, 15)");
        assert_eq!(
            d("2024-03-15T00:00"),
            "ValueError: Invalid isoformat string: '2024-03-15T00:00'"
        );
        assert_eq!(d("2024-13-01"), "ValueError: month must be in 1..12");
        assert_eq!(d("0000-01-01"), "ValueError: year 0 is out of range");
    }

    #[test]
    fn strftime_c_locale() {
        let x = dt(2024, 3, 5, 14, 3, 5, 7);
        assert_eq!(
            x.strftime("%Y %m %d %H %M %S %f %y %b %B %a %A %j %p %I %% %e %Z %z %D %T %F %c %x %X %U %W %w %u %G %V %h %C %k %l %s %q"),
            "2024 03 05 14 03 05 000007 24 Mar March Tue Tuesday 065 PM 02 %  5   03/05/24 14:03:05 2024-03-05 Tue Mar  5 14:03:05 2024 03/05/24 14:03:05 09 10 2 2 2024 10 Mar 20 14  2 1709647385 %q"
        );
        assert_eq!(dt(5, 1, 1, 0, 0, 0, 0).strftime("%Y %y"), "5 05");
        assert_eq!(dt(2024, 1, 1, 0, 0, 0, 0).strftime("%I %p"), "12 AM");
        assert_eq!(dt(2024, 1, 1, 12, 0, 0, 0).strftime("%I %p"), "12 PM");
        assert_eq!(
            dt(2024, 3, 15, 0, 0, 0, 0).strftime("%U %W %G %V %u %j"),
            "10 11 2024 11 5 075"
        );
        assert_eq!(
            dt(2023, 1, 1, 0, 0, 0, 0).strftime("%U %W %G %V %u %j %C"),
            "01 00 2022 52 7 001 20"
        );
        assert_eq!(dt(2021, 1, 3, 0, 0, 0, 0).strftime("%G %V"), "2020 53");
        assert_eq!(dt(2024, 12, 30, 0, 0, 0, 0).strftime("%G %V"), "2025 01");
    }
}
