//! Naive `datetime.date` and `datetime.datetime` with CPython 3.11 semantics, plus the
//! SQLAlchemy/SQLite string storage format. See [`super::timedelta`] for `timedelta`.

use super::datetime_text::{
    IsoTz, iso_separator, parse_iso_date_raw, parse_iso_time, strftime_impl,
};
use super::error::{PyErr, PyResult};
use super::timedelta::{TimeDelta, US_PER_DAY};

/// `datetime.MINYEAR`.
pub const MINYEAR: i64 = 1;
/// `datetime.MAXYEAR`.
pub const MAXYEAR: i64 = 9999;

const DAYS_IN_MONTH: [u32; 13] = [0, 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

pub(super) fn is_leap(y: i64) -> bool {
    y % 4 == 0 && (y % 100 != 0 || y % 400 == 0)
}

fn days_in_month(y: i64, m: u32) -> u32 {
    if m == 2 && is_leap(y) {
        29
    } else {
        DAYS_IN_MONTH[m as usize]
    }
}

pub(super) fn days_before_year(y: i64) -> i64 {
    let y = y - 1;
    y * 365 + y / 4 - y / 100 + y / 400
}

fn days_before_month(y: i64, m: u32) -> i64 {
    let mut d: i64 = (1..m).map(|k| i64::from(DAYS_IN_MONTH[k as usize])).sum();
    if m > 2 && is_leap(y) {
        d += 1;
    }
    d
}

fn overflow() -> PyErr {
    PyErr::overflow("date value out of range")
}

/// A `datetime.date`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Date {
    /// 1..=9999
    pub(super) year: i32,
    /// 1..=12
    pub(super) month: u32,
    /// 1..=31
    pub(super) day: u32,
}

impl Date {
    /// `d.year`.
    pub fn year(&self) -> i32 {
        self.year
    }
    /// `d.month`.
    pub fn month(&self) -> u32 {
        self.month
    }
    /// `d.day`.
    pub fn day(&self) -> u32 {
        self.day
    }

    /// `date(year, month, day)` with CPython's range errors.
    pub fn new(year: i64, month: i64, day: i64) -> PyResult<Date> {
        if !(MINYEAR..=MAXYEAR).contains(&year) {
            return Err(PyErr::value(format!("year {year} is out of range")));
        }
        if !(1..=12).contains(&month) {
            return Err(PyErr::value("month must be in 1..12"));
        }
        if day < 1 || day > i64::from(days_in_month(year, month as u32)) {
            return Err(PyErr::value("day is out of range for month"));
        }
        Ok(Date {
            year: year as i32,
            month: month as u32,
            day: day as u32,
        })
    }

    /// `d.toordinal()` (0001-01-01 is 1).
    pub fn toordinal(&self) -> i64 {
        let y = i64::from(self.year);
        days_before_year(y) + days_before_month(y, self.month) + i64::from(self.day)
    }

    /// `date.fromordinal(n)` (`OverflowError: date value out of range` outside 1..=3652059).
    pub fn fromordinal(n: i64) -> PyResult<Date> {
        if !(1..=3_652_059).contains(&n) {
            return Err(overflow());
        }
        // Estimate the year, then correct.
        let mut y = (n * 400 / 146_097).clamp(1, MAXYEAR);
        while days_before_year(y) >= n {
            y -= 1;
        }
        while days_before_year(y + 1) < n {
            y += 1;
        }
        let mut rem = n - days_before_year(y);
        let mut m = 1;
        while rem > i64::from(days_in_month(y, m)) {
            rem -= i64::from(days_in_month(y, m));
            m += 1;
        }
        Ok(Date {
            year: y as i32,
            month: m,
            day: rem as u32,
        })
    }

    /// `d.weekday()` (Monday = 0).
    pub fn weekday(&self) -> u32 {
        ((self.toordinal() + 6) % 7) as u32
    }

    /// `d.isoweekday()` (Monday = 1).
    pub fn isoweekday(&self) -> u32 {
        self.weekday() + 1
    }

    /// `d.isocalendar()` → (ISO year, ISO week, ISO weekday).
    pub fn isocalendar(&self) -> (i64, u32, u32) {
        let y = i64::from(self.year);
        let mut iy = y;
        let mut week1 = iso_week1_monday(iy);
        let today = self.toordinal();
        if today < week1 {
            iy -= 1;
            week1 = iso_week1_monday(iy);
        } else if today >= iso_week1_monday(iy + 1) {
            iy += 1;
            week1 = iso_week1_monday(iy);
        }
        let week = (today - week1) / 7 + 1;
        (iy, week as u32, self.isoweekday())
    }

    /// `repr(d)`: `datetime.date(2024, 1, 1)`.
    pub fn repr(&self) -> String {
        format!("datetime.date({}, {}, {})", self.year, self.month, self.day)
    }

    /// `str(d)` / `d.isoformat()`: `2024-01-01`.
    pub fn isoformat(&self) -> String {
        format!("{:04}-{:02}-{:02}", self.year, self.month, self.day)
    }

    /// `d + timedelta` (only whole days count, like CPython).
    pub fn add(&self, td: &TimeDelta) -> PyResult<Date> {
        Date::fromordinal(self.toordinal().checked_add(td.days).ok_or_else(overflow)?)
    }

    /// `d - timedelta`.
    pub fn sub(&self, td: &TimeDelta) -> PyResult<Date> {
        Date::fromordinal(self.toordinal().checked_sub(td.days).ok_or_else(overflow)?)
    }

    /// `d1 - d2`.
    pub fn sub_date(&self, o: &Date) -> PyResult<TimeDelta> {
        TimeDelta::new(self.toordinal() - o.toordinal(), 0, 0)
    }

    /// `d.replace(year=, month=, day=)`.
    pub fn replace(
        &self,
        year: Option<i64>,
        month: Option<i64>,
        day: Option<i64>,
    ) -> PyResult<Date> {
        Date::new(
            year.unwrap_or(i64::from(self.year)),
            month.unwrap_or(i64::from(self.month)),
            day.unwrap_or(i64::from(self.day)),
        )
    }

    /// `date.fromisoformat(s)` (3.11: `YYYY-MM-DD`, `YYYYMMDD`, ISO week dates).
    pub fn fromisoformat(s: &str) -> PyResult<Date> {
        let invalid = || invalid_isoformat(s);
        let b = s.as_bytes();
        if !s.is_ascii() || !matches!(b.len(), 7 | 8 | 10) {
            return Err(invalid());
        }
        let (y, m, d) = parse_iso_date_raw(b, b.len()).ok_or_else(invalid)?;
        Date::new(y, m, d)
    }

    /// `d.strftime(fmt)` (C locale).
    pub fn strftime(&self, fmt: &str) -> String {
        strftime_impl(self, 0, 0, 0, 0, fmt)
    }

    /// `strftime` of this date at a time of day (`time.strftime` formats on 1900-01-01).
    pub fn strftime_at(&self, h: u32, mi: u32, s: u32, us: u32, fmt: &str) -> String {
        strftime_impl(self, h, mi, s, us, fmt)
    }

    /// SQLAlchemy's SQLite storage string for a `Date` column: `2024-03-15`.
    pub fn to_sqlite(&self) -> String {
        self.isoformat()
    }

    /// Reads a `Date` column value stored by SQLAlchemy on SQLite (`date.fromisoformat`).
    pub fn from_sqlite(s: &str) -> PyResult<Date> {
        Date::fromisoformat(s)
    }
}

pub(super) fn iso_week1_monday(y: i64) -> i64 {
    let jan4 = days_before_year(y) + 4;
    let wd = (jan4 + 6) % 7;
    jan4 - wd
}

/// A `datetime.datetime` (microsecond precision): naive, or aware in UTC
/// (`tzinfo=timezone.utc`, the only time zone scripts get).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct DateTime {
    /// The date part.
    pub(super) date: Date,
    /// 0..=23
    pub(super) hour: u32,
    /// 0..=59
    pub(super) minute: u32,
    /// 0..=59
    pub(super) second: u32,
    /// 0..=999999
    pub(super) microsecond: u32,
    /// `tzinfo=timezone.utc`.
    pub(super) utc: bool,
}

impl DateTime {
    /// `dt.year`.
    pub fn year(&self) -> i32 {
        self.date.year
    }
    /// `dt.month`.
    pub fn month(&self) -> u32 {
        self.date.month
    }
    /// `dt.day`.
    pub fn day(&self) -> u32 {
        self.date.day
    }
    /// `dt.hour`.
    pub fn hour(&self) -> u32 {
        self.hour
    }
    /// `dt.minute`.
    pub fn minute(&self) -> u32 {
        self.minute
    }
    /// `dt.second`.
    pub fn second(&self) -> u32 {
        self.second
    }
    /// `dt.microsecond`.
    pub fn microsecond(&self) -> u32 {
        self.microsecond
    }

    /// `datetime(year, month, day, hour, minute, second, microsecond)`.
    pub fn new(y: i64, mo: i64, d: i64, h: i64, mi: i64, s: i64, us: i64) -> PyResult<DateTime> {
        let date = Date::new(y, mo, d)?;
        // (The time of day's range checks, once.)
        super::time_of_day::Time::new(h, mi, s, us)?;
        Ok(DateTime {
            date,
            hour: h as u32,
            minute: mi as u32,
            second: s as u32,
            microsecond: us as u32,
            utc: false,
        })
    }

    /// `datetime.combine(date, time)`.
    pub fn combine(d: Date, t: &super::time_of_day::Time) -> PyResult<DateTime> {
        DateTime::new(
            i64::from(d.year()),
            i64::from(d.month()),
            i64::from(d.day()),
            i64::from(t.hour()),
            i64::from(t.minute()),
            i64::from(t.second()),
            i64::from(t.microsecond()),
        )
    }

    /// `datetime.combine(d, time())`: midnight of `d` (what SQLAlchemy's SQLite `DateTime`
    /// type stores for a plain `date`).
    pub fn from_date(d: Date) -> DateTime {
        DateTime {
            date: d,
            hour: 0,
            minute: 0,
            second: 0,
            microsecond: 0,
            utc: false,
        }
    }

    /// True when aware (`tzinfo=timezone.utc`).
    pub fn is_utc(&self) -> bool {
        self.utc
    }

    /// The same wall time, aware in UTC (`true`) or naive.
    pub fn with_utc(mut self, utc: bool) -> DateTime {
        self.utc = utc;
        self
    }

    /// `dt.date()`.
    pub fn date(&self) -> Date {
        self.date
    }

    /// `repr(dt)`: `datetime.datetime(2024, 3, 15, 14, 30, 5)` (trailing zero fields dropped
    /// down to minutes, like CPython).
    pub fn repr(&self) -> String {
        let d = &self.date;
        let mut s = format!(
            "datetime.datetime({}, {}, {}, {}, {}",
            d.year, d.month, d.day, self.hour, self.minute
        );
        if self.microsecond != 0 {
            s.push_str(&format!(", {}, {}", self.second, self.microsecond));
        } else if self.second != 0 {
            s.push_str(&format!(", {}", self.second));
        }
        if self.utc {
            s.push_str(", tzinfo=datetime.timezone.utc");
        }
        s.push(')');
        s
    }

    /// `str(dt)`: `2024-03-15 14:30:05[.000120]`.
    pub fn to_str(&self) -> String {
        self.isoformat(' ', "auto").unwrap_or_default()
    }

    /// `dt.isoformat(sep, timespec)`; timespec in auto, hours, minutes, seconds,
    /// milliseconds, microseconds (`ValueError: Unknown timespec value` otherwise).
    pub fn isoformat(&self, sep: char, timespec: &str) -> PyResult<String> {
        let date = self.date.isoformat();
        let (h, m, s, us) = (self.hour, self.minute, self.second, self.microsecond);
        let time = match timespec {
            "auto" if us != 0 => format!("{h:02}:{m:02}:{s:02}.{us:06}"),
            "auto" | "seconds" => format!("{h:02}:{m:02}:{s:02}"),
            "hours" => format!("{h:02}"),
            "minutes" => format!("{h:02}:{m:02}"),
            "milliseconds" => format!("{h:02}:{m:02}:{s:02}.{:03}", us / 1000),
            "microseconds" => format!("{h:02}:{m:02}:{s:02}.{us:06}"),
            _ => return Err(PyErr::value("Unknown timespec value")),
        };
        let tz = if self.utc { "+00:00" } else { "" };
        Ok(format!("{date}{sep}{time}{tz}"))
    }

    /// `datetime.fromisoformat(s)` (3.11 rules; naive only: strings with a UTC offset
    /// raise `ValueError`).
    pub fn fromisoformat(s: &str) -> PyResult<DateTime> {
        let invalid = || invalid_isoformat(s);
        if !s.is_ascii() {
            // A non-ASCII separator is allowed by CPython; keep the common case simple.
            return Err(invalid());
        }
        let b = s.as_bytes();
        let sep = iso_separator(b).ok_or_else(invalid)?;
        let (y, mo, d) = parse_iso_date_raw(b, sep).ok_or_else(invalid)?;
        let (h, mi, sec, us, tz) = if sep < b.len() {
            parse_iso_time(b, sep + 1).ok_or_else(invalid)?
        } else {
            (0, 0, 0, 0, IsoTz::Naive)
        };
        let aware = || PyErr::value("fromisoformat: timezone-aware datetimes are not supported");
        match tz {
            IsoTz::Naive => {}
            IsoTz::Utc => return Ok(DateTime::new(y, mo, d, h, mi, sec, us)?.with_utc(true)),
            IsoTz::Offset(0, 0) => {
                return Ok(DateTime::new(y, mo, d, h, mi, sec, us)?.with_utc(true));
            }
            IsoTz::Offset(secs, micros) => {
                let off = TimeDelta::new(0, secs, micros)?;
                if off.total_micros().abs() >= US_PER_DAY {
                    return Err(PyErr::value(format!(
                        "offset must be a timedelta strictly between -timedelta(hours=24) and timedelta(hours=24), not {}.",
                        off.repr()
                    )));
                }
                // Range errors of the naive part would come after the offset check.
                DateTime::new(y, mo, d, h, mi, sec, us)?;
                return Err(aware());
            }
        }
        DateTime::new(y, mo, d, h, mi, sec, us)
    }

    fn day_micros(&self) -> i128 {
        (i128::from(self.hour) * 3600 + i128::from(self.minute) * 60 + i128::from(self.second))
            * 1_000_000
            + i128::from(self.microsecond)
    }

    fn total_micros(&self) -> i128 {
        i128::from(self.date.toordinal()) * US_PER_DAY + self.day_micros()
    }

    fn from_total_micros(t: i128) -> PyResult<DateTime> {
        let ord = t.div_euclid(US_PER_DAY);
        let rem = t.rem_euclid(US_PER_DAY);
        let date = Date::fromordinal(i64::try_from(ord).map_err(|_| overflow())?)?;
        let secs = (rem / 1_000_000) as u32;
        Ok(DateTime {
            date,
            hour: secs / 3600,
            minute: secs % 3600 / 60,
            second: secs % 60,
            microsecond: (rem % 1_000_000) as u32,
            utc: false,
        })
    }

    /// `dt + timedelta`.
    pub fn add(&self, td: &TimeDelta) -> PyResult<DateTime> {
        Ok(
            DateTime::from_total_micros(self.total_micros() + td.total_micros())?
                .with_utc(self.utc),
        )
    }

    /// `dt - timedelta`.
    pub fn sub(&self, td: &TimeDelta) -> PyResult<DateTime> {
        Ok(
            DateTime::from_total_micros(self.total_micros() - td.total_micros())?
                .with_utc(self.utc),
        )
    }

    /// `dt1 - dt2` (both naive or both aware).
    pub fn sub_datetime(&self, o: &DateTime) -> PyResult<TimeDelta> {
        if self.utc != o.utc {
            return Err(PyErr::new(
                super::error::PyErrKind::TypeError,
                "can't subtract offset-naive and offset-aware datetimes",
            ));
        }
        TimeDelta::from_micros(self.total_micros() - o.total_micros())
    }

    /// `dt.replace(...)` (each `None` keeps the current field).
    #[allow(clippy::too_many_arguments)]
    pub fn replace(
        &self,
        year: Option<i64>,
        month: Option<i64>,
        day: Option<i64>,
        hour: Option<i64>,
        minute: Option<i64>,
        second: Option<i64>,
        microsecond: Option<i64>,
    ) -> PyResult<DateTime> {
        DateTime::new(
            year.unwrap_or(i64::from(self.date.year)),
            month.unwrap_or(i64::from(self.date.month)),
            day.unwrap_or(i64::from(self.date.day)),
            hour.unwrap_or(i64::from(self.hour)),
            minute.unwrap_or(i64::from(self.minute)),
            second.unwrap_or(i64::from(self.second)),
            microsecond.unwrap_or(i64::from(self.microsecond)),
        )
    }

    /// `dt.strftime(fmt)` (C locale; `%Z`/`%z` empty for naive values).
    pub fn strftime(&self, fmt: &str) -> String {
        if self.utc && (fmt.contains("%z") || fmt.contains("%Z")) {
            return self
                .with_utc(false)
                .strftime(&fmt.replace("%z", "+0000").replace("%Z", "UTC"));
        }
        strftime_impl(
            &self.date,
            self.hour,
            self.minute,
            self.second,
            self.microsecond,
            fmt,
        )
    }

    /// SQLAlchemy's SQLite storage string for a `DateTime` column: `2024-03-15 14:30:05.000000`.
    pub fn to_sqlite(&self) -> String {
        format!(
            "{} {:02}:{:02}:{:02}.{:06}",
            self.date.isoformat(),
            self.hour,
            self.minute,
            self.second,
            self.microsecond
        )
    }

    /// Reads a `DateTime` column value (SQLAlchemy 2.0 uses `datetime.fromisoformat`).
    pub fn from_sqlite(s: &str) -> PyResult<DateTime> {
        DateTime::fromisoformat(s)
    }
}

/// CPython's `ValueError` for a string `fromisoformat` does not take.
pub(crate) fn invalid_isoformat(s: &str) -> PyErr {
    PyErr::value(format!(
        "Invalid isoformat string: {}",
        super::strings::str_repr(s)
    ))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn dt(y: i64, mo: i64, d: i64, h: i64, mi: i64, s: i64, us: i64) -> DateTime {
        DateTime::new(y, mo, d, h, mi, s, us).unwrap()
    }
    fn e<T: std::fmt::Debug>(r: PyResult<T>) -> String {
        r.unwrap_err().to_string()
    }

    #[test]
    fn constructors() {
        assert_eq!(
            e(DateTime::new(2024, 13, 1, 0, 0, 0, 0)),
            "ValueError: month must be in 1..12"
        );
        assert_eq!(
            e(DateTime::new(2024, 2, 30, 0, 0, 0, 0)),
            "ValueError: day is out of range for month"
        );
        assert_eq!(
            e(DateTime::new(0, 1, 1, 0, 0, 0, 0)),
            "ValueError: year 0 is out of range"
        );
        assert_eq!(
            e(DateTime::new(10000, 1, 1, 0, 0, 0, 0)),
            "ValueError: year 10000 is out of range"
        );
        assert_eq!(
            e(DateTime::new(2024, 1, 1, 24, 0, 0, 0)),
            "ValueError: hour must be in 0..23"
        );
        assert_eq!(
            e(DateTime::new(2024, 1, 1, 0, 60, 0, 0)),
            "ValueError: minute must be in 0..59"
        );
        assert_eq!(
            e(DateTime::new(2024, 1, 1, 0, 0, 60, 0)),
            "ValueError: second must be in 0..59"
        );
        assert_eq!(
            e(DateTime::new(2024, 1, 1, 0, 0, 0, 1000000)),
            "ValueError: microsecond must be in 0..999999"
        );
        assert_eq!(
            e(Date::new(2024, 0, 1)),
            "ValueError: month must be in 1..12"
        );
        assert_eq!(
            e(dt(2024, 1, 31, 0, 0, 0, 0).replace(None, Some(2), None, None, None, None, None)),
            "ValueError: day is out of range for month"
        );
        assert_eq!(
            dt(2024, 1, 31, 0, 0, 0, 0)
                .replace(None, Some(3), None, None, None, None, Some(5))
                .unwrap()
                .repr(),
            "datetime.datetime(2024, 3, 31, 0, 0, 0, 5)"
        );
        assert_eq!(
            e(Date::new(2024, 2, 29)
                .unwrap()
                .replace(Some(2023), None, None)),
            "ValueError: day is out of range for month"
        );
    }

    #[test]
    fn reprs() {
        assert_eq!(
            dt(2024, 3, 15, 14, 30, 5, 0).repr(),
            "datetime.datetime(2024, 3, 15, 14, 30, 5)"
        );
        assert_eq!(
            dt(2024, 3, 15, 14, 30, 0, 0).repr(),
            "datetime.datetime(2024, 3, 15, 14, 30)"
        );
        assert_eq!(
            dt(2024, 3, 15, 0, 0, 0, 0).repr(),
            "datetime.datetime(2024, 3, 15, 0, 0)"
        );
        assert_eq!(
            dt(2024, 3, 15, 0, 0, 0, 5).repr(),
            "datetime.datetime(2024, 3, 15, 0, 0, 0, 5)"
        );
        assert_eq!(
            dt(2024, 3, 15, 1, 0, 5, 5).repr(),
            "datetime.datetime(2024, 3, 15, 1, 0, 5, 5)"
        );
        assert_eq!(
            dt(2024, 3, 15, 14, 30, 5, 0).to_str(),
            "2024-03-15 14:30:05"
        );
        assert_eq!(
            dt(2024, 3, 15, 14, 30, 5, 120).to_str(),
            "2024-03-15 14:30:05.000120"
        );
        assert_eq!(
            Date::new(2024, 1, 1).unwrap().repr(),
            "datetime.date(2024, 1, 1)"
        );
        assert_eq!(Date::new(2024, 1, 1).unwrap().isoformat(), "2024-01-01");
        let x = dt(2024, 3, 15, 14, 30, 5, 120);
        assert_eq!(
            dt(2024, 3, 15, 14, 30, 5, 0)
                .isoformat('T', "auto")
                .unwrap(),
            "2024-03-15T14:30:05"
        );
        assert_eq!(
            x.isoformat(' ', "auto").unwrap(),
            "2024-03-15 14:30:05.000120"
        );
        assert_eq!(
            x.isoformat('T', "milliseconds").unwrap(),
            "2024-03-15T14:30:05.000"
        );
        assert_eq!(
            dt(2024, 3, 15, 14, 30, 5, 0)
                .isoformat('T', "microseconds")
                .unwrap(),
            "2024-03-15T14:30:05.000000"
        );
        assert_eq!(x.isoformat('T', "hours").unwrap(), "2024-03-15T14");
        assert_eq!(x.isoformat('T', "minutes").unwrap(), "2024-03-15T14:30");
        assert_eq!(
            e(x.isoformat('T', "bad")),
            "ValueError: Unknown timespec value"
        );
    }

    #[test]
    fn arithmetic() {
        let d = Date::new(2024, 3, 15).unwrap();
        assert_eq!(d.weekday(), 4);
        assert_eq!(d.isoweekday(), 5);
        assert_eq!(d.toordinal(), 738960);
        assert_eq!(Date::new(1, 1, 1).unwrap().toordinal(), 1);
        assert_eq!(Date::fromordinal(738960).unwrap(), d);
        let td = TimeDelta::new(20, 20 * 3600, 0).unwrap();
        assert_eq!(
            dt(2024, 3, 15, 10, 0, 0, 0).add(&td).unwrap().repr(),
            "datetime.datetime(2024, 4, 5, 6, 0)"
        );
        assert_eq!(
            dt(2024, 3, 15, 0, 0, 0, 0)
                .sub_datetime(&dt(2024, 1, 1, 12, 0, 0, 0))
                .unwrap()
                .repr(),
            "datetime.timedelta(days=73, seconds=43200)"
        );
        assert_eq!(
            dt(2024, 1, 1, 0, 0, 0, 0)
                .sub_datetime(&dt(2024, 3, 15, 12, 0, 0, 0))
                .unwrap()
                .repr(),
            "datetime.timedelta(days=-75, seconds=43200)"
        );
        let one = TimeDelta::new(1, 0, 0).unwrap();
        assert_eq!(
            Date::new(2024, 3, 1).unwrap().sub(&one).unwrap().repr(),
            "datetime.date(2024, 2, 29)"
        );
        assert_eq!(
            Date::new(2024, 3, 1)
                .unwrap()
                .sub_date(&Date::new(2023, 3, 1).unwrap())
                .unwrap()
                .repr(),
            "datetime.timedelta(days=366)"
        );
        assert_eq!(
            e(Date::new(9999, 12, 31).unwrap().add(&one)),
            "OverflowError: date value out of range"
        );
        assert_eq!(
            e(dt(1, 1, 1, 0, 0, 0, 0).sub(&one)),
            "OverflowError: date value out of range"
        );
        assert_eq!(
            dt(2024, 1, 1, 0, 0, 0, 0)
                .add(&TimeDelta::new(0, 0, -1).unwrap())
                .unwrap()
                .repr(),
            "datetime.datetime(2023, 12, 31, 23, 59, 59, 999999)"
        );
        assert_eq!(
            dt(2024, 3, 15, 1, 2, 3, 4).date().repr(),
            "datetime.date(2024, 3, 15)"
        );
        assert!(dt(2024, 1, 1, 0, 0, 0, 0) < dt(2024, 1, 1, 0, 0, 0, 1));
        for n in [1, 59, 60, 365, 366, 730_000, 3_652_059] {
            assert_eq!(Date::fromordinal(n).unwrap().toordinal(), n);
        }
    }

    #[test]
    fn sqlite_storage() {
        // Verified with SQLAlchemy 2.0.58: bind "%(year)04d-...%(microsecond)06d",
        // result via datetime.fromisoformat / date.fromisoformat.
        let x = dt(2024, 3, 15, 14, 30, 5, 0);
        assert_eq!(x.to_sqlite(), "2024-03-15 14:30:05.000000");
        assert_eq!(
            dt(5, 1, 2, 3, 4, 5, 6).to_sqlite(),
            "0005-01-02 03:04:05.000006"
        );
        assert_eq!(
            DateTime::from_sqlite("2024-03-15 14:30:05.000000").unwrap(),
            x
        );
        assert_eq!(DateTime::from_sqlite("2024-03-15 14:30:05").unwrap(), x);
        assert_eq!(
            DateTime::from_sqlite("2024-03-15").unwrap().repr(),
            "datetime.datetime(2024, 3, 15, 0, 0)"
        );
        assert_eq!(
            DateTime::from_sqlite("2024-03-15 14:30:05.5")
                .unwrap()
                .microsecond,
            500000
        );
        assert_eq!(
            e(DateTime::from_sqlite("bad")),
            "ValueError: Invalid isoformat string: 'bad'"
        );
        let d = Date::new(2024, 3, 15).unwrap();
        assert_eq!(d.to_sqlite(), "2024-03-15");
        assert_eq!(Date::from_sqlite("2024-03-15").unwrap(), d);
        assert_eq!(
            e(Date::from_sqlite("2024-03-15 14:30:05")),
            "ValueError: Invalid isoformat string: '2024-03-15 14:30:05'"
        );
    }
}
