//! `datetime.time` (naive): construction, attributes, `isoformat`/`str`/`repr`,
//! `strftime`, ordering, and SQLAlchemy's SQLite `TIME` storage (`HH:MM:SS.ffffff`).

use super::datetime::Date;
use super::error::{PyErr, PyResult};

/// A time of day.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Time {
    hour: u8,
    minute: u8,
    second: u8,
    microsecond: u32,
}

impl Time {
    /// `time(hour, minute, second, microsecond)` with CPython's range checks.
    pub fn new(h: i64, mi: i64, s: i64, us: i64) -> PyResult<Time> {
        if !(0..=23).contains(&h) {
            return Err(PyErr::value("hour must be in 0..23"));
        }
        if !(0..=59).contains(&mi) {
            return Err(PyErr::value("minute must be in 0..59"));
        }
        if !(0..=59).contains(&s) {
            return Err(PyErr::value("second must be in 0..59"));
        }
        if !(0..=999_999).contains(&us) {
            return Err(PyErr::value("microsecond must be in 0..999999"));
        }
        Ok(Time {
            hour: h as u8,
            minute: mi as u8,
            second: s as u8,
            microsecond: us as u32,
        })
    }

    /// `t.hour`.
    pub fn hour(&self) -> u32 {
        u32::from(self.hour)
    }
    /// `t.minute`.
    pub fn minute(&self) -> u32 {
        u32::from(self.minute)
    }
    /// `t.second`.
    pub fn second(&self) -> u32 {
        u32::from(self.second)
    }
    /// `t.microsecond`.
    pub fn microsecond(&self) -> u32 {
        self.microsecond
    }

    /// `t.isoformat(timespec)` (`str(t)` is `"auto"`).
    pub fn isoformat(&self, timespec: &str) -> PyResult<String> {
        let (h, m, s, us) = (self.hour, self.minute, self.second, self.microsecond);
        Ok(match timespec {
            "auto" if us != 0 => format!("{h:02}:{m:02}:{s:02}.{us:06}"),
            "auto" | "seconds" => format!("{h:02}:{m:02}:{s:02}"),
            "hours" => format!("{h:02}"),
            "minutes" => format!("{h:02}:{m:02}"),
            "milliseconds" => format!("{h:02}:{m:02}:{s:02}.{:03}", us / 1000),
            "microseconds" => format!("{h:02}:{m:02}:{s:02}.{us:06}"),
            _ => return Err(PyErr::value("Unknown timespec value")),
        })
    }

    /// `repr(t)`: `datetime.time(9, 30)`, trailing zero fields left out.
    pub fn repr(&self) -> String {
        let (h, m, s, us) = (self.hour, self.minute, self.second, self.microsecond);
        if us != 0 {
            format!("datetime.time({h}, {m}, {s}, {us})")
        } else if s != 0 {
            format!("datetime.time({h}, {m}, {s})")
        } else {
            format!("datetime.time({h}, {m})")
        }
    }

    /// `t.strftime(fmt)` (the date fields are 1900-01-01's, as in CPython).
    pub fn strftime(&self, fmt: &str) -> String {
        Date::new(1900, 1, 1)
            .map(|d| {
                d.strftime_at(
                    self.hour(),
                    self.minute(),
                    self.second(),
                    self.microsecond,
                    fmt,
                )
            })
            .unwrap_or_default()
    }

    /// SQLAlchemy's SQLite storage string for a `Time` column: `09:30:15.000000`.
    pub fn to_sqlite(&self) -> String {
        format!(
            "{:02}:{:02}:{:02}.{:06}",
            self.hour, self.minute, self.second, self.microsecond
        )
    }

    /// `time.fromisoformat(s)` (what SQLAlchemy reads a SQLite `TIME` value with), by
    /// 3.11's rules: `HH[:MM[:SS[.f...]]]`, a fraction of any length (past six digits
    /// ignored); naive only (a UTC offset raises `ValueError`).
    pub fn fromisoformat(s: &str) -> PyResult<Time> {
        let invalid = || super::datetime::invalid_isoformat(s);
        if !s.is_ascii() || s.is_empty() {
            return Err(invalid());
        }
        match super::datetime_text::parse_iso_time(s.as_bytes(), 0) {
            Some((h, m, sec, us, super::datetime_text::IsoTz::Naive)) => Time::new(h, m, sec, us),
            _ => Err(invalid()),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn text_forms() {
        let t = Time::new(9, 30, 15, 0).unwrap();
        assert_eq!(t.isoformat("auto").unwrap(), "09:30:15");
        assert_eq!(t.repr(), "datetime.time(9, 30, 15)");
        assert_eq!(t.to_sqlite(), "09:30:15.000000");
        assert_eq!(t.strftime("%H:%M %p"), "09:30 AM");
        assert_eq!(
            Time::fromisoformat("09:30:15.000120")
                .unwrap()
                .microsecond(),
            120
        );
        assert_eq!(
            Time::fromisoformat("09:30").unwrap().repr(),
            "datetime.time(9, 30)"
        );
        assert!(Time::fromisoformat("9:30").is_err());
        assert!(Time::new(24, 0, 0, 0).is_err());
    }
}
