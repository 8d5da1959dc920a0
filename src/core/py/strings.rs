//! Python `str` helpers.

/// Python's `str.isspace()` for one character (also what `strip()`/`split()` remove).
pub fn is_py_space(c: char) -> bool {
    matches!(c, '\u{1c}'..='\u{1f}') || c.is_whitespace()
}

/// `repr(s)`.
pub fn str_repr(s: &str) -> String {
    format!("'{s}'")
}
