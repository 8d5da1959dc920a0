//! `round(x)` / `round(x, n)` as SQLite 3.40.1 computes them (the version the real
//! library ran). 3.40 rounds through its own `printf("%.*f")`, which nudges a value up
//! by `x * 3e-16` before adding the half-unit rounder, so a decimal halfway case stored
//! a little below its binary neighbour rounds up: `round(2.675, 2)` is 2.68 there,
//! where newer SQLite (and Python) give 2.67. The printf is followed step by step, in
//! doubles where 3.40 uses `long double` (which only matters past the 15th digit).

use rusqlite::Connection;
use rusqlite::functions::{Context, FunctionFlags};
use rusqlite::types::ValueRef;

/// `arRound[]` of 3.40's printf: half a unit in the last place of 0 to 9 decimals.
const HALF_UNITS: [f64; 10] = [
    5.0e-01, 5.0e-02, 5.0e-03, 5.0e-04, 5.0e-05, 5.0e-06, 5.0e-07, 5.0e-08, 5.0e-09, 5.0e-10,
];

/// Registers `round` with one and with two arguments on `conn`, over the built-in.
pub(super) fn register(conn: &Connection) -> rusqlite::Result<()> {
    let flags = FunctionFlags::SQLITE_UTF8
        | FunctionFlags::SQLITE_DETERMINISTIC
        | FunctionFlags::SQLITE_INNOCUOUS;
    for n_args in [1, 2] {
        conn.create_scalar_function("round", n_args, flags, |ctx: &Context<'_>| {
            let digits = if ctx.len() == 2 {
                match ctx.get_raw(1) {
                    ValueRef::Null => return Ok(None),
                    v => as_int(v).clamp(0, 30) as usize,
                }
            } else {
                0
            };
            Ok(match ctx.get_raw(0) {
                ValueRef::Null => None,
                v => Some(round(as_double(v), digits)),
            })
        })?;
    }
    Ok(())
}

/// 3.40.1's `roundFunc` on a double.
pub fn round(r: f64, digits: usize) -> f64 {
    if !(-4_503_599_627_370_496.0..=4_503_599_627_370_496.0).contains(&r) {
        // (No fractional part: nothing to round.)
        return r;
    }
    if digits == 0 {
        return (r + if r < 0.0 { -0.5 } else { 0.5 }) as i64 as f64;
    }
    crate::core::py::float_text::parse_decimal(&printf_fixed(r, digits)).unwrap_or(r)
}

/// 3.40.1's `printf("%.*f", digits, r)` (its `etFLOAT` conversion, 16 significant digits).
pub fn printf_fixed(r: f64, digits: usize) -> String {
    let mut out = String::new();
    let mut v = r;
    if v < 0.0 {
        v = -v;
        out.push('-');
    }
    let mut idx = digits & 0xfff;
    let mut rounder = HALF_UNITS[idx % 10];
    while idx >= 10 {
        rounder *= 1.0e-10;
        idx -= 10;
    }
    let ex = ((v.to_bits() >> 52) & 0x7ff) as i64 - 1023;
    if digits as i64 + ex / 3 < 15 {
        rounder += v * 3e-16;
    }
    v += rounder;
    if v.is_nan() {
        return "NaN".into();
    }
    let mut exp: i64 = 0;
    if v > 0.0 {
        let mut scale = 1.0;
        while v >= 1e100 * scale && exp <= 350 {
            scale *= 1e100;
            exp += 100;
        }
        while v >= 1e10 * scale && exp <= 350 {
            scale *= 1e10;
            exp += 10;
        }
        while v >= 10.0 * scale && exp <= 350 {
            scale *= 10.0;
            exp += 1;
        }
        v /= scale;
        while v < 1e-8 {
            v *= 1e8;
            exp -= 8;
        }
        while v < 1.0 {
            v *= 10.0;
            exp -= 1;
        }
        if exp > 350 {
            out.push_str("Inf");
            return out;
        }
    }
    let mut significant = 16;
    let mut digit = |v: &mut f64| {
        if significant == 0 {
            return '0';
        }
        significant -= 1;
        let d = (*v as i64).clamp(0, 9);
        *v = (*v - d as f64) * 10.0;
        char::from(b'0' + d as u8)
    };
    let mut e2 = exp;
    if e2 < 0 {
        out.push('0');
    } else {
        while e2 >= 0 {
            out.push(digit(&mut v));
            e2 -= 1;
        }
    }
    let mut precision = digits;
    if precision > 0 {
        out.push('.');
    }
    e2 += 1;
    while e2 < 0 && precision > 0 {
        out.push('0');
        precision -= 1;
        e2 += 1;
    }
    for _ in 0..precision {
        out.push(digit(&mut v));
    }
    out
}

/// `sqlite3_value_double()`: integers widened, text read by its numeric prefix.
fn as_double(v: ValueRef<'_>) -> f64 {
    match v {
        ValueRef::Integer(i) => i as f64,
        ValueRef::Real(f) => f,
        ValueRef::Text(t) | ValueRef::Blob(t) => {
            super::functions::prefix_double(&String::from_utf8_lossy(t))
        }
        ValueRef::Null => 0.0,
    }
}

/// `sqlite3_value_int()`: reals truncated, text read by its numeric prefix.
fn as_int(v: ValueRef<'_>) -> i64 {
    match v {
        ValueRef::Integer(i) => i,
        other => as_double(other) as i64,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn halfway_cases_round_up_as_in_sqlite_3_40() {
        assert_eq!(round(2.675, 2), 2.68);
        assert_eq!(round(8.245, 2), 8.25);
        assert_eq!(round(-2.675, 2), -2.68);
        assert_eq!(round(1.005, 2), 1.01);
        assert_eq!(round(15.375, 2), 15.38);
        assert_eq!(round(2.5, 0), 3.0);
        assert_eq!(round(-2.5, 0), -3.0);
        assert_eq!(round(0.1 + 0.2, 2), 0.3);
        assert_eq!(round(1234.5678, 1), 1234.6);
        assert_eq!(round(0.000123456, 5), 0.00012);
        assert_eq!(round(1e300, 2), 1e300);
    }

    #[test]
    fn fixed_point_text_like_sqlite_printf() {
        assert_eq!(printf_fixed(2.675, 2), "2.68");
        assert_eq!(printf_fixed(0.0, 3), "0.000");
        assert_eq!(printf_fixed(-0.004, 2), "-0.00");
        assert_eq!(printf_fixed(123.0, 0), "123");
        assert_eq!(printf_fixed(0.1, 20), "0.10000000000000000000");
    }
}
