//! Text side of `date`/`datetime`: ISO 8601 parsing (`fromisoformat`, 3.11 rules) and
//! `strftime` in the C locale.

use super::datetime::{Date, MAXYEAR, MINYEAR, days_before_year, is_leap, iso_week1_monday};
use super::error::{PyErr, PyResult};

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

pub(super) fn digits(b: &[u8]) -> Option<i64> {
    if b.is_empty() || !b.iter().all(u8::is_ascii_digit) {
        return None;
    }
    Some(b.iter().fold(0i64, |a, &d| a * 10 + i64::from(d - b'0')))
}

/// Parses an ISO date occupying all of `b`; `Ok(None)` = syntax error.
pub(super) fn parse_iso_date(b: &[u8]) -> PyResult<Option<Date>> {
    let Some(year) = b.get(..4).and_then(digits) else {
        return Ok(None);
    };
    let rest = &b[4..];
    let (week_part, ext) = match rest {
        [b'-', b'W', r @ ..] => (Some(r), true),
        [b'W', r @ ..] => (Some(r), false),
        _ => (None, rest.first() == Some(&b'-')),
    };
    if let Some(w) = week_part {
        let (week, day) = match (w, ext) {
            ([a, b2], _) => (digits(&[*a, *b2]), Some(1)),
            ([a, b2, b'-', d], true) => (digits(&[*a, *b2]), digits(&[*d])),
            ([a, b2, d], false) => (digits(&[*a, *b2]), digits(&[*d])),
            _ => return Ok(None),
        };
        let (Some(week), Some(day)) = (week, day) else {
            return Ok(None);
        };
        if !(MINYEAR..=MAXYEAR).contains(&year) {
            return Err(PyErr::value(format!("year {year} is out of range")));
        }
        let jan1_wd = (days_before_year(year) + 1 + 6) % 7;
        let max_week = if jan1_wd == 3 || (jan1_wd == 2 && is_leap(year)) {
            53
        } else {
            52
        };
        if !(1..=max_week).contains(&week) || !(1..=7).contains(&day) {
            return Ok(None);
        }
        let ord = iso_week1_monday(year) + (week - 1) * 7 + (day - 1);
        return Date::fromordinal(ord).map(Some);
    }
    let (m, d) = match (rest, ext) {
        ([b'-', m1, m2, b'-', d1, d2], true) => (digits(&[*m1, *m2]), digits(&[*d1, *d2])),
        ([m1, m2, d1, d2], false) => (digits(&[*m1, *m2]), digits(&[*d1, *d2])),
        _ => return Ok(None),
    };
    match (m, d) {
        (Some(m), Some(d)) => Date::new(year, m, d).map(Some),
        _ => Ok(None),
    }
}

/// Parses `HH[:MM[:SS[.f+]]]` or `HH[MM[SS[.f+]]]`; fraction separator `.` or `,`
/// (digits beyond microseconds are ignored). A UTC offset is rejected (naive only).
pub(super) fn parse_iso_time(t: &[u8]) -> Option<(i64, i64, i64, i64)> {
    let h = digits(t.get(..2)?)?;
    let mut pos = 2;
    let mut comps = [h, 0, 0];
    let colon = t.get(2) == Some(&b':');
    let mut n = 1;
    while n < 3 && pos < t.len() {
        if colon {
            if t[pos] != b':' {
                break;
            }
            pos += 1;
        } else if !t[pos].is_ascii_digit() {
            break;
        }
        comps[n] = digits(t.get(pos..pos + 2)?)?;
        pos += 2;
        n += 1;
    }
    let mut us = 0;
    if pos < t.len() {
        if n == 3 && (t[pos] == b'.' || t[pos] == b',') {
            pos += 1;
            let start = pos;
            while pos < t.len() && t[pos].is_ascii_digit() {
                pos += 1;
            }
            if pos == start {
                return None;
            }
            let frac = &t[start..pos];
            us = (0..6).fold(0i64, |v, i| {
                v * 10 + frac.get(i).map_or(0, |d| i64::from(d - b'0'))
            });
        }
        if pos < t.len() {
            return None;
        }
    }
    Some((comps[0], comps[1], comps[2], us))
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
        let Some(k) = it.next() else {
            out.push('%');
            break;
        };
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
            other => format!("%{other}"),
        };
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
