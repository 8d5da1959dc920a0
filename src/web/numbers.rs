//! Numbers for the page, through JavaScript: parsing (`parseFloat`), fixed decimals
//! (`toFixed`) and shortest digits (`toExponential`). The UI's wasm then carries
//! neither Rust's float parser (and its tables) nor its float formatting; the worker
//! keeps Rust's formatting, and parses through [`parse_decimal`] too. Results can differ from Rust's only where a value lies exactly halfway
//! between two candidates (`toFixed` rounds those up, `{:.1}` to even).

use js_sys::Number;
use wasm_bindgen::prelude::*;

#[wasm_bindgen]
extern "C" {
    /// A JavaScript number.
    #[wasm_bindgen(js_name = Number)]
    type JsNumber;
    /// `Number.prototype.toExponential()` without an argument: as many digits as it
    /// takes to read back as the same number.
    #[wasm_bindgen(method, js_name = toExponential)]
    fn to_exponential_shortest(this: &JsNumber) -> String;
}

/// JavaScript's `parseFloat` (correctly rounded too); `None` when infinite.
pub fn parse_float(text: &str) -> Option<f64> {
    let f = Number::parse_float(text);
    f.is_finite().then_some(f)
}

/// JavaScript's `parseFloat` of decimal text (see [`crate::core::py::float_text`]):
/// infinite beyond the float range, `None` for what is not a number.
pub fn parse_decimal(text: &str) -> Option<f64> {
    let f = Number::parse_float(text);
    (!f.is_nan()).then_some(f)
}

/// `x` with `digits` decimals (`toFixed`), e.g. `fixed(1.25, 1)` is `1.3`.
pub fn fixed(x: f64, digits: u8) -> String {
    Number::from(x)
        .to_fixed(digits)
        .map(String::from)
        .unwrap_or_default()
}

/// The shortest digits of a finite float and the decimal exponent of the first, from
/// `toExponential()` (`"1.2345e+3"` → `("12345", 3)`); see [`crate::json::ShortestDigits`].
pub fn shortest_digits(f: f64) -> (String, i32) {
    let sci = JsValue::from_f64(f.abs())
        .unchecked_into::<JsNumber>()
        .to_exponential_shortest();
    let (mantissa, exp) = sci.split_once('e').unwrap_or((&sci, "0"));
    let digits = mantissa.chars().filter(|c| *c != '.').collect();
    (digits, exp.trim_start_matches('+').parse().unwrap_or(0))
}

/// A byte count for people (`512 B`, `1.5 KB`): `core::workspace::human_bytes` with the
/// decimals from [`fixed`].
pub fn human_bytes(n: f64) -> String {
    const UNITS: [&str; 5] = ["B", "KB", "MB", "GB", "TB"];
    let mut v = n.max(0.0);
    let mut u = 0;
    while v >= 1024.0 && u < UNITS.len() - 1 {
        v /= 1024.0;
        u += 1;
    }
    if u == 0 {
        format!("{} B", fixed(v, 0))
    } else {
        format!("{} {}", fixed(v, 1), UNITS[u])
    }
}
