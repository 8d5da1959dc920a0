//! Helpers of the date and datetime methods (`methods.rs`): `replace()`'s fields, the
//! `timezone.utc` test, and the named tuples `isocalendar()` and `timetuple()` give.

use super::named_tuple;
use crate::core::interp::call::Kw;
use crate::core::interp::value::Value;
use crate::core::interp::{Interp, R};

impl Interp<'_> {
    /// The fields of `date.replace(...)` / `datetime.replace(...)`: `current` (year,
    /// month, day[, hour, minute, second, microsecond]) with the positional and keyword
    /// arguments put in.
    pub(super) fn replaced_fields(
        &mut self,
        current: &[i64],
        args: &[Value],
        kw: &Kw,
    ) -> R<Vec<i64>> {
        let names = &crate::core::interp::builtins::DATETIME_FIELDS[..current.len()];
        self.replaced_fields_named(current, names, args, kw)
    }

    /// As [`Self::replaced_fields`], the fields called `names`.
    pub(super) fn replaced_fields_named(
        &mut self,
        current: &[i64],
        names: &[&str],
        args: &[Value],
        kw: &Kw,
    ) -> R<Vec<i64>> {
        let mut f = current.to_vec();
        if args.len() > f.len() {
            return self.raise(
                "TypeError",
                format!(
                    "replace() takes at most {} arguments ({} given)",
                    f.len(),
                    args.len()
                ),
            );
        }
        for (i, a) in args.iter().enumerate() {
            f[i] = self.int_arg(a)?;
        }
        for (k, v) in kw {
            match names.iter().position(|n| **n == **k) {
                Some(i) => f[i] = self.int_arg(v)?,
                None => {
                    return self.raise(
                        "TypeError",
                        format!("'{k}' is an invalid keyword argument for replace()"),
                    );
                }
            }
        }
        Ok(f)
    }
}

/// `timezone.utc` (and `datetime.UTC`), the one time zone scripts have.
pub(crate) fn is_utc(v: &Value) -> bool {
    matches!(v, Value::Builtin(n) if &**n == "timezone.utc")
}

/// `date.isocalendar()`: (ISO year, week, weekday), as a tuple.
pub(super) fn iso_calendar(d: &crate::core::py::datetime::Date) -> Value {
    let (y, w, wd) = d.isocalendar();
    named_tuple(
        "IsoCalendarDate",
        &["year", "week", "weekday"],
        vec![Value::int(y), Value::int(w as i64), Value::int(wd as i64)],
    )
}

/// `date.timetuple()` / `datetime.timetuple()`: a `time.struct_time` (no daylight
/// saving flag known: `tm_isdst=-1`).
pub(super) fn time_tuple(d: &crate::core::py::datetime::Date, [h, m, s]: [i64; 3]) -> Value {
    let yday = d.strftime("%j").parse::<i64>().unwrap_or(1);
    let fields = [
        "tm_year", "tm_mon", "tm_mday", "tm_hour", "tm_min", "tm_sec", "tm_wday", "tm_yday",
        "tm_isdst",
    ];
    let values = [
        d.year() as i64,
        d.month() as i64,
        d.day() as i64,
        h,
        m,
        s,
        d.weekday() as i64,
        yday,
        -1,
    ];
    named_tuple(
        "struct_time",
        &fields,
        values.into_iter().map(Value::int).collect(),
    )
}
