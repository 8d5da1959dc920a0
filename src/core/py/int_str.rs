//! Python `int` text conversions: `int(s, base)` and `str(n)` with CPython's
//! 4300-digit limit.

use crate::core::py::bignum::BigInt;

use super::error::{PyErr, PyResult};
use super::int::{Int, MAX_STR_DIGITS};

impl Int {
    /// `bin(n)`: `-0b101`.
    pub fn bin(&self) -> String {
        self.prefixed(2, "0b")
    }

    /// `oct(n)`: `0o10`.
    pub fn oct(&self) -> String {
        self.prefixed(8, "0o")
    }

    /// `hex(n)`: `-0xff`.
    pub fn hex(&self) -> String {
        self.prefixed(16, "0x")
    }

    fn prefixed(&self, radix: u32, prefix: &str) -> String {
        let sign = if self.is_negative() { "-" } else { "" };
        format!("{sign}{prefix}{}", self.abs_to_str_radix(radix))
    }

    /// `int(s, base)`: surrounding whitespace, sign, optional prefix (base 0, 2, 8, 16),
    /// single underscores between digits; the 4300-digit limit applies to non-power-of-two bases.
    pub fn from_str_radix(s: &str, base: u32) -> PyResult<Int> {
        if base == 1 || base > 36 {
            return Err(PyErr::value("int() base must be >= 2 and <= 36, or 0"));
        }
        let err = || {
            PyErr::value(format!(
                "invalid literal for int() with base {}: {}",
                base,
                super::strings::str_repr(s)
            ))
        };
        let t = s.trim_matches(super::strings::is_py_space);
        let (neg, body) = match t.as_bytes().first() {
            Some(b'-') => (true, &t[1..]),
            Some(b'+') => (false, &t[1..]),
            _ => (false, t),
        };
        let lower = body.get(..2).map(|p| p.to_ascii_lowercase());
        let prefix_base = match lower.as_deref() {
            Some("0x") => Some(16),
            Some("0o") => Some(8),
            Some("0b") => Some(2),
            _ => None,
        };
        let (radix, digits, had_prefix) = match (base, prefix_base) {
            (0, Some(pb)) => (pb, &body[2..], true),
            (0, None) => (10, body, false),
            (b, Some(pb)) if b == pb => (b, &body[2..], true),
            (b, _) => (b, body, false),
        };
        // Underscore rules: allowed right after a prefix, otherwise only between digits.
        let mut clean = String::with_capacity(digits.len());
        let mut prev_digit = had_prefix;
        let mut prev_underscore = false;
        for c in digits.chars() {
            if c == '_' {
                if !prev_digit {
                    return Err(err());
                }
                prev_digit = false;
                prev_underscore = true;
                continue;
            }
            let d = c
                .to_digit(radix)
                .or_else(|| super::strings::decimal_value(c).filter(|d| *d < radix));
            match d {
                Some(d) => {
                    clean.push(char::from_digit(d, radix).unwrap_or('0'));
                    prev_digit = true;
                    prev_underscore = false;
                }
                None => return Err(err()),
            }
        }
        if clean.is_empty() || prev_underscore {
            return Err(err());
        }
        if base == 0
            && radix == 10
            && clean.len() > 1
            && clean.starts_with('0')
            && clean.bytes().any(|b| b != b'0')
        {
            return Err(err());
        }
        if !radix.is_power_of_two() && clean.len() > MAX_STR_DIGITS {
            return Err(PyErr::value(format!(
                "Exceeds the limit ({MAX_STR_DIGITS} digits) for integer string conversion: value has {} digits; use sys.set_int_max_str_digits() to increase the limit",
                clean.len()
            )));
        }
        let v = if clean.len() <= 15 {
            Int::Small(i64::from_str_radix(&clean, radix).map_err(|_| err())?)
        } else {
            Int::from_bigint(BigInt::parse_bytes(clean.as_bytes(), radix).ok_or_else(err)?)
        };
        Ok(if neg { v.neg() } else { v })
    }

    /// `str(x)` with CPython's 4300-digit limit (`ValueError` beyond it).
    pub fn to_py_str(&self) -> PyResult<String> {
        if let Int::Big(b) = self
            && b.bits() > 14_000
        {
            let s = b.to_string();
            let digits = s.trim_start_matches('-').len();
            if digits > MAX_STR_DIGITS {
                return Err(PyErr::value(format!(
                    "Exceeds the limit ({MAX_STR_DIGITS} digits) for integer string conversion; use sys.set_int_max_str_digits() to increase the limit"
                )));
            }
            return Ok(s);
        }
        Ok(self.to_string())
    }

    /// Magnitude digits in `radix` (2..=36, lowercase), without sign or prefix.
    pub fn abs_to_str_radix(&self, radix: u32) -> String {
        match self {
            Int::Small(a) => {
                let mut v = a.unsigned_abs();
                if v == 0 {
                    return "0".to_string();
                }
                let mut out = Vec::new();
                while v > 0 {
                    let d = (v % u64::from(radix)) as u32;
                    out.push(char::from_digit(d, radix).unwrap_or('0'));
                    v /= u64::from(radix);
                }
                out.iter().rev().collect()
            }
            Int::Big(b) => b.magnitude().to_str_radix(radix),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::py::int::IntOrFloat;

    fn i(v: i64) -> Int {
        Int::Small(v)
    }

    #[test]
    fn bin_oct_hex() {
        assert_eq!(i(-5).bin(), "-0b101");
        assert_eq!(i(8).oct(), "0o10");
        assert_eq!(i(-255).hex(), "-0xff");
        assert_eq!(i(0).hex(), "0x0");
        assert_eq!(
            i(1).shl(&i(70)).unwrap().bin(),
            format!("0b1{}", "0".repeat(70))
        );
    }

    #[test]
    fn parsing() {
        let ok = |s: &str, b: u32| Int::from_str_radix(s, b).map(|v| v.to_string());
        assert_eq!(ok(" 0x1f ", 0), Ok("31".into()));
        assert_eq!(ok("00", 0), Ok("0".into()));
        assert_eq!(ok("0x_1f", 16), Ok("31".into()));
        assert_eq!(ok("-0b101", 0), Ok("-5".into()));
        assert_eq!(ok("0o17", 0), Ok("15".into()));
        assert_eq!(ok("z", 36), Ok("35".into()));
        assert_eq!(ok(" -12 ", 10), Ok("-12".into()));
        assert_eq!(ok("+1_000", 10), Ok("1000".into()));
        assert_eq!(ok("٣", 10), Ok("3".into()));
        assert_eq!(
            ok("123456789012345678901234567890", 10),
            Ok("123456789012345678901234567890".into())
        );
        let err = |s: &str, b: u32| Int::from_str_radix(s, b).unwrap_err().to_string();
        assert_eq!(
            err("abc", 10),
            "ValueError: invalid literal for int() with base 10: 'abc'"
        );
        assert_eq!(
            err("010", 0),
            "ValueError: invalid literal for int() with base 0: '010'"
        );
        assert_eq!(
            err("1__0", 10),
            "ValueError: invalid literal for int() with base 10: '1__0'"
        );
        assert_eq!(
            err("_10", 10),
            "ValueError: invalid literal for int() with base 10: '_10'"
        );
        assert_eq!(
            err("", 10),
            "ValueError: invalid literal for int() with base 10: ''"
        );
        assert_eq!(
            err("12", 2),
            "ValueError: invalid literal for int() with base 2: '12'"
        );
        assert_eq!(
            err("0b", 0),
            "ValueError: invalid literal for int() with base 0: '0b'"
        );
        assert_eq!(
            err("10", 1),
            "ValueError: int() base must be >= 2 and <= 36, or 0"
        );
        assert_eq!(
            err(&"1".repeat(5000), 10),
            "ValueError: Exceeds the limit (4300 digits) for integer string conversion: value has 5000 digits; use sys.set_int_max_str_digits() to increase the limit"
        );
        let IntOrFloat::Int(big) = i(10).pow(&i(5000)).unwrap() else {
            panic!()
        };
        assert_eq!(
            big.to_py_str().unwrap_err().message,
            "Exceeds the limit (4300 digits) for integer string conversion; use sys.set_int_max_str_digits() to increase the limit"
        );
    }
}
