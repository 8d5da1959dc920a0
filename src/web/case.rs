//! Case mapping through JavaScript (`toLowerCase()` / `toUpperCase()`) for the crate's
//! pure code (see [`crate::core::py::case`]): the wasm modules then carry no case tables.

use js_sys::JsString;

/// `text` upper-cased when `upper`, else lower-cased, by JavaScript.
pub fn map(text: &str, upper: bool) -> String {
    let s = JsString::from(text);
    let out = if upper {
        s.to_upper_case()
    } else {
        s.to_lower_case()
    };
    out.into()
}
