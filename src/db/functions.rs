//! `sum()`, `total()` and `avg()` as SQLite 3.40.1 computes them (the version the real
//! library ran): doubles added naively left to right (newer SQLite sums with
//! Kahan-Babuska-Neumaier compensation, which changes the last digit of float
//! aggregates), an integer sum that fails with `integer overflow`, usable as window
//! functions (`sumInverse`). Registered on every connection, over the built-ins.

use rusqlite::functions::{Aggregate, Context, FunctionFlags, WindowAggregate};
use rusqlite::types::ValueRef;
use rusqlite::{Connection, Error, ffi};

/// 3.40.1's `SumCtx`.
#[derive(Default)]
pub(super) struct SumCtx {
    /// Floating point sum.
    r_sum: f64,
    /// Integer sum.
    i_sum: i64,
    /// Number of non-NULL values summed.
    cnt: i64,
    /// Integer overflow seen.
    overflow: bool,
    /// A non-integer value was summed.
    approx: bool,
}

/// A value as `sqlite3_value_numeric_type` sees it, with its `sqlite3_value_double`.
pub(super) enum Num {
    Null,
    Int(i64),
    /// REAL, or text/blob that is not an integer (its double).
    Real(f64),
}

/// SQLite's whitespace (`sqlite3Isspace`).
fn is_space(c: char) -> bool {
    matches!(c, ' ' | '\t' | '\n' | '\x0b' | '\x0c' | '\r')
}

/// The longest prefix of `s` that reads as a number, as a double (`sqlite3AtoF`).
pub(super) fn prefix_double(s: &str) -> f64 {
    let s = s.trim_start_matches(is_space);
    let b = s.as_bytes();
    let mut end = 0;
    let mut i = 0;
    if i < b.len() && (b[i] == b'+' || b[i] == b'-') {
        i += 1;
    }
    let mut digits = false;
    while i < b.len() && b[i].is_ascii_digit() {
        i += 1;
        digits = true;
        end = i;
    }
    if i < b.len() && b[i] == b'.' {
        i += 1;
        while i < b.len() && b[i].is_ascii_digit() {
            i += 1;
            digits = true;
            end = i;
        }
    }
    if digits && i < b.len() && (b[i] == b'e' || b[i] == b'E') {
        let mut j = i + 1;
        if j < b.len() && (b[j] == b'+' || b[j] == b'-') {
            j += 1;
        }
        let start = j;
        while j < b.len() && b[j].is_ascii_digit() {
            j += 1;
        }
        if j > start {
            end = j;
        }
    }
    if !digits {
        return 0.0;
    }
    crate::core::py::float_text::parse_decimal(&s[..end]).unwrap_or(0.0)
}

/// Text under numeric affinity (`applyNumericAffinity`): an integer when it is a
/// well-formed one that fits, else its double.
fn text_num(s: &str) -> Num {
    let t = s.trim_matches(is_space);
    let intlike = {
        let d = t.strip_prefix(['+', '-']).unwrap_or(t);
        !d.is_empty() && d.bytes().all(|c| c.is_ascii_digit())
    };
    if intlike && let Ok(i) = t.parse::<i64>() {
        return Num::Int(i);
    }
    Num::Real(prefix_double(s))
}

impl Num {
    /// The argument of a call.
    pub(super) fn of(v: ValueRef<'_>) -> Num {
        match v {
            ValueRef::Null => Num::Null,
            ValueRef::Integer(i) => Num::Int(i),
            ValueRef::Real(f) => Num::Real(f),
            ValueRef::Text(t) | ValueRef::Blob(t) => text_num(&String::from_utf8_lossy(t)),
        }
    }
}

impl SumCtx {
    /// `sumStep`.
    pub(super) fn step(&mut self, n: Num) {
        match n {
            Num::Null => {}
            Num::Int(v) => {
                self.cnt += 1;
                self.r_sum += v as f64;
                if !self.approx && !self.overflow {
                    match self.i_sum.checked_add(v) {
                        Some(s) => self.i_sum = s,
                        None => {
                            self.approx = true;
                            self.overflow = true;
                        }
                    }
                }
            }
            Num::Real(f) => {
                self.cnt += 1;
                self.r_sum += f;
                self.approx = true;
            }
        }
    }

    /// `sumInverse`.
    pub(super) fn inverse(&mut self, n: Num) {
        match n {
            Num::Null => {}
            Num::Int(v) if !self.approx => {
                self.cnt -= 1;
                self.r_sum -= v as f64;
                self.i_sum = self.i_sum.wrapping_sub(v);
            }
            Num::Int(v) => {
                self.cnt -= 1;
                self.r_sum -= v as f64;
            }
            Num::Real(f) => {
                self.cnt -= 1;
                self.r_sum -= f;
            }
        }
    }
}

/// A computed aggregate.
#[derive(Debug, PartialEq)]
pub(super) enum Out {
    Null,
    Int(i64),
    Real(f64),
}

impl rusqlite::types::ToSql for Out {
    fn to_sql(&self) -> rusqlite::Result<rusqlite::types::ToSqlOutput<'_>> {
        use rusqlite::types::{ToSqlOutput, Value};
        Ok(ToSqlOutput::Owned(match self {
            Out::Null => Value::Null,
            Out::Int(i) => Value::Integer(*i),
            Out::Real(f) => Value::Real(*f),
        }))
    }
}

/// Which of the three.
#[derive(Clone, Copy)]
pub(super) enum Kind {
    Sum,
    Total,
    Avg,
}

impl Kind {
    /// `sumFinalize` / `totalFinalize` / `avgFinalize` (also their `xValue`).
    pub(super) fn result(self, p: Option<&SumCtx>) -> Result<Out, &'static str> {
        match (self, p) {
            (Kind::Total, p) => Ok(Out::Real(p.map_or(0.0, |p| p.r_sum))),
            (_, None) => Ok(Out::Null),
            (_, Some(p)) if p.cnt <= 0 => Ok(Out::Null),
            (Kind::Avg, Some(p)) => Ok(Out::Real(p.r_sum / p.cnt as f64)),
            (Kind::Sum, Some(p)) if p.overflow => Err("integer overflow"),
            (Kind::Sum, Some(p)) if p.approx => Ok(Out::Real(p.r_sum)),
            (Kind::Sum, Some(p)) => Ok(Out::Int(p.i_sum)),
        }
    }
}

fn finish(kind: Kind, p: Option<&SumCtx>) -> rusqlite::Result<Out> {
    kind.result(p)
        .map_err(|m| Error::SqliteFailure(ffi::Error::new(ffi::SQLITE_ERROR), Some(m.to_string())))
}

impl Aggregate<SumCtx, Out> for Kind {
    fn init(&self, _: &mut Context<'_>) -> rusqlite::Result<SumCtx> {
        Ok(SumCtx::default())
    }

    fn step(&self, ctx: &mut Context<'_>, acc: &mut SumCtx) -> rusqlite::Result<()> {
        acc.step(Num::of(ctx.get_raw(0)));
        Ok(())
    }

    fn finalize(&self, _: &mut Context<'_>, acc: Option<SumCtx>) -> rusqlite::Result<Out> {
        finish(*self, acc.as_ref())
    }
}

impl WindowAggregate<SumCtx, Out> for Kind {
    fn value(&self, acc: Option<&mut SumCtx>) -> rusqlite::Result<Out> {
        finish(*self, acc.map(|a| &*a))
    }

    fn inverse(&self, ctx: &mut Context<'_>, acc: &mut SumCtx) -> rusqlite::Result<()> {
        acc.inverse(Num::of(ctx.get_raw(0)));
        Ok(())
    }
}

/// Registers `sum`, `total` and `avg` (one argument, aggregate and window), `floor`,
/// `round` and `regexp` on `conn`.
pub(super) fn register(conn: &Connection) -> rusqlite::Result<()> {
    let flags = FunctionFlags::SQLITE_UTF8
        | FunctionFlags::SQLITE_DETERMINISTIC
        | FunctionFlags::SQLITE_INNOCUOUS;
    for (name, kind) in [
        ("sum", Kind::Sum),
        ("total", Kind::Total),
        ("avg", Kind::Avg),
    ] {
        conn.create_window_function(name, 1, flags, kind)?;
    }
    // SQLAlchemy's pysqlite dialect registers Python's `math.floor` as `floor()` on every
    // connection (it returns an int; `//` compiles to `FLOOR(a / b)`): so does this one,
    // over SQLite's own `floor()`, which returns a real.
    conn.create_scalar_function("floor", 1, flags, |ctx| {
        let raised =
            || rusqlite::Error::UserFunctionError("user-defined function raised exception".into());
        match ctx.get_raw(0) {
            ValueRef::Integer(i) => Ok(i),
            ValueRef::Real(f) => {
                let f = f.floor();
                // (A float beyond SQLite's integers is Python's OverflowError.)
                if (-9.223_372_036_854_776e18..9.223_372_036_854_776e18).contains(&f) {
                    Ok(f as i64)
                } else {
                    Err(raised())
                }
            }
            // (math.floor of None, a str or bytes is Python's TypeError.)
            _ => Err(raised()),
        }
    })?;
    super::round::register(conn)?;
    fifteen_digit_floats(conn);
    super::regexp::register(conn)
}

/// A float becomes text with 15 significant digits (`'x=' || (0.1 + 0.2)` is `x=0.3`,
/// `CAST(1.0 / 3 AS TEXT)` is `0.333333333333333`), as in SQLite 3.40.1; newer SQLite
/// keeps 17 digits unless the connection asks (`SQLITE_DBCONFIG_FP_DIGITS`).
#[allow(unsafe_code)]
fn fifteen_digit_floats(conn: &Connection) {
    const SQLITE_DBCONFIG_FP_DIGITS: std::ffi::c_int = 1023;
    // SAFETY: the handle is this open connection's, used on this thread; the option
    // takes an int and an int pointer that may be null (the setting is not read back).
    unsafe {
        ffi::sqlite3_db_config(
            conn.handle(),
            SQLITE_DBCONFIG_FP_DIGITS,
            15 as std::ffi::c_int,
            std::ptr::null_mut::<std::ffi::c_int>(),
        );
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn run(kind: Kind, vals: &[Num]) -> Result<Out, &'static str> {
        let mut p: Option<SumCtx> = None;
        for v in vals {
            let n = match v {
                Num::Null => Num::Null,
                Num::Int(i) => Num::Int(*i),
                Num::Real(f) => Num::Real(*f),
            };
            p.get_or_insert_with(SumCtx::default).step(n);
        }
        kind.result(p.as_ref())
    }

    #[test]
    fn naive_double_sum() {
        let v = [Num::Real(0.1), Num::Real(0.2), Num::Real(0.3)];
        assert_eq!(run(Kind::Sum, &v), Ok(Out::Real(0.1 + 0.2 + 0.3)));
        assert_eq!(run(Kind::Avg, &v), Ok(Out::Real((0.1 + 0.2 + 0.3) / 3.0)));
    }

    #[test]
    fn integers_nulls_and_overflow() {
        assert_eq!(
            run(Kind::Sum, &[Num::Int(2), Num::Null, Num::Int(3)]),
            Ok(Out::Int(5))
        );
        assert_eq!(run(Kind::Sum, &[Num::Null]), Ok(Out::Null));
        assert_eq!(run(Kind::Total, &[]), Ok(Out::Real(0.0)));
        assert_eq!(run(Kind::Avg, &[]), Ok(Out::Null));
        assert_eq!(
            run(Kind::Sum, &[Num::Int(i64::MAX), Num::Int(1)]),
            Err("integer overflow")
        );
        assert_eq!(
            run(Kind::Total, &[Num::Int(i64::MAX), Num::Int(1)]),
            Ok(Out::Real(i64::MAX as f64 + 1.0))
        );
    }

    #[test]
    fn text_under_numeric_affinity() {
        assert!(matches!(text_num(" 12 "), Num::Int(12)));
        assert!(matches!(text_num("1.5"), Num::Real(f) if f == 1.5));
        assert!(matches!(text_num("3abc"), Num::Real(f) if f == 3.0));
        assert!(matches!(text_num("abc"), Num::Real(f) if f == 0.0));
        assert!(matches!(text_num("1e3"), Num::Real(f) if f == 1000.0));
    }
}
