//! Unicode case mapping: the one place every lower/upper-casing goes through
//! (`str.lower()`, `upper()`, `capitalize()`, `title()`, `swapcase()`, case-insensitive
//! regular expressions and `strptime` names, SQLAlchemy's lowercased names).
//!
//! ASCII text maps here. Other text maps through Rust's tables natively; a WebAssembly
//! build asks the browser instead ([`set_mapper`]: JavaScript's `toLowerCase()` /
//! `toUpperCase()`, the same full Unicode mappings, final sigma included), so the
//! download carries neither of Rust's two case tables (~9 KB gzip); the engine worker
//! and the page install it before they run anything.

/// A case mapper: `text` upper-cased when `upper`, else lower-cased.
pub type Mapper = fn(text: &str, upper: bool) -> String;

#[cfg(target_arch = "wasm32")]
static MAPPER: std::sync::OnceLock<Mapper> = std::sync::OnceLock::new();

/// Installs the platform's mapper (a WebAssembly build's browser glue does, at start;
/// native builds use Rust's tables and ignore this).
pub fn set_mapper(mapper: Mapper) {
    #[cfg(target_arch = "wasm32")]
    let _ = MAPPER.set(mapper);
    #[cfg(not(target_arch = "wasm32"))]
    let _ = mapper;
}

fn map(s: &str, upper: bool) -> String {
    if s.is_ascii() {
        return if upper {
            s.to_ascii_uppercase()
        } else {
            s.to_ascii_lowercase()
        };
    }
    #[cfg(target_arch = "wasm32")]
    {
        match MAPPER.get() {
            Some(m) => m(s, upper),
            // (Not installed: only ASCII letters change.)
            None if upper => s.to_ascii_uppercase(),
            None => s.to_ascii_lowercase(),
        }
    }
    // (Natively std's tables cost no download; clippy.toml keeps them out of the wasm.)
    #[cfg(not(target_arch = "wasm32"))]
    #[allow(clippy::disallowed_methods)]
    {
        if upper {
            s.to_uppercase()
        } else {
            s.to_lowercase()
        }
    }
}

/// `s` lower-cased (`str.lower()`).
pub fn lower(s: &str) -> String {
    map(s, false)
}

/// `s` upper-cased (`str.upper()`).
pub fn upper(s: &str) -> String {
    map(s, true)
}

/// Pushes character `c` lower-cased onto `out`: one or more characters (`'İ'` is `i`
/// and a dot above).
pub fn push_lower(out: &mut String, c: char) {
    if c.is_ascii() {
        out.push(c.to_ascii_lowercase());
    } else {
        out.push_str(&map(c.encode_utf8(&mut [0; 4]), false));
    }
}

/// Pushes character `c` upper-cased onto `out`: one or more characters (`'ß'` is `SS`).
pub fn push_upper(out: &mut String, c: char) {
    if c.is_ascii() {
        out.push(c.to_ascii_uppercase());
    } else {
        out.push_str(&map(c.encode_utf8(&mut [0; 4]), true));
    }
}

/// Character `c` lower-cased (see [`push_lower`]).
pub fn lower_char(c: char) -> String {
    let mut out = String::new();
    push_lower(&mut out, c);
    out
}

/// Character `c` upper-cased (see [`push_upper`]).
pub fn upper_char(c: char) -> String {
    let mut out = String::new();
    push_upper(&mut out, c);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn full_mappings() {
        assert_eq!(lower("ÀÉ Straße"), "àé straße");
        assert_eq!(upper("straße"), "STRASSE");
        assert_eq!(lower("ΟΔΟΣ"), "οδο\u{3c2}");
        assert_eq!(lower_char('İ'), "i\u{307}");
        assert_eq!(upper_char('ß'), "SS");
        assert_eq!(upper("abc"), "ABC");
    }
}
