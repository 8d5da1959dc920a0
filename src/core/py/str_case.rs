//! Python `str` case mapping and character-class predicates (`title`, `casefold`,
//! `isdigit`, `istitle`, ...). Re-exported from [`super::strings`].

use super::strings::{decimal_value, in_ranges, is_printable, is_py_space};
use super::unicode_tables::{ALPHA, CASE_IGNORABLE, CASEFOLD_SPECIAL, DIGIT_NOT_DECIMAL};

/// `c.isalpha()` (Unicode letter categories L*).
pub fn is_alpha(c: char) -> bool {
    in_ranges(&ALPHA, c)
}

/// `c.isdigit()`.
pub fn is_digit(c: char) -> bool {
    decimal_value(c).is_some() || in_ranges(&DIGIT_NOT_DECIMAL, c)
}

fn is_titlecase_char(c: char) -> bool {
    matches!(c as u32, 0x1C5 | 0x1C8 | 0x1CB | 0x1F2 | 0x1F88..=0x1F8F | 0x1F98..=0x1F9F | 0x1FA8..=0x1FAF | 0x1FBC | 0x1FCC | 0x1FFC)
}

fn is_cased(c: char) -> bool {
    c.is_lowercase() || c.is_uppercase() || is_titlecase_char(c)
}

fn push_title(out: &mut String, c: char) {
    match c {
        'ß' => out.push_str("Ss"),
        '\u{1C4}'..='\u{1C6}' => out.push('\u{1C5}'),
        '\u{1C7}'..='\u{1C9}' => out.push('\u{1C8}'),
        '\u{1CA}'..='\u{1CC}' => out.push('\u{1CB}'),
        '\u{1F1}'..='\u{1F3}' => out.push('\u{1F2}'),
        'ﬀ' => out.push_str("Ff"),
        'ﬁ' => out.push_str("Fi"),
        'ﬂ' => out.push_str("Fl"),
        'ﬃ' => out.push_str("Ffi"),
        'ﬄ' => out.push_str("Ffl"),
        'ﬅ' | 'ﬆ' => out.push_str("St"),
        _ if is_titlecase_char(c) => out.push(c),
        _ => super::case::push_upper(out, c),
    }
}

/// `s.lower()`.
pub fn lower(s: &str) -> String {
    super::case::lower(s)
}

/// `s.upper()`.
pub fn upper(s: &str) -> String {
    super::case::upper(s)
}

/// `s.casefold()` (lowercase plus the common full case foldings: ß, ligatures, final sigma).
pub fn casefold(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match special_fold(c) {
            Some(f) => out.push_str(f),
            None => super::case::push_lower(&mut out, c),
        }
    }
    out
}

/// The full case folding of `c` when it is not its lowercase (read from
/// `CASEFOLD_SPECIAL`'s encoding).
fn special_fold(c: char) -> Option<&'static str> {
    let (bytes, mut i, mut cp) = (CASEFOLD_SPECIAL, 0, 0u32);
    while i < bytes.len() {
        let (mut gap, mut shift) = (0u32, 0);
        while let Some(&b) = bytes.get(i) {
            i += 1;
            gap |= u32::from(b & 0x7F) << shift;
            shift += 7;
            if b & 0x80 == 0 {
                break;
            }
        }
        cp += gap;
        let len = usize::from(*bytes.get(i)?);
        let text = bytes.get(i + 1..i + 1 + len)?;
        i += 1 + len;
        if cp == c as u32 {
            return std::str::from_utf8(text).ok();
        }
        if cp > c as u32 {
            return None;
        }
    }
    None
}

/// Whether the capital sigma at `i` is word-final (CPython's `handle_capital_sigma`).
fn final_sigma(cs: &[char], i: usize) -> bool {
    let before = cs[..i]
        .iter()
        .rev()
        .find(|&&c| !in_ranges(&CASE_IGNORABLE, c));
    if !before.is_some_and(|&c| is_cased(c)) {
        return false;
    }
    let after = cs[i + 1..]
        .iter()
        .find(|&&c| !in_ranges(&CASE_IGNORABLE, c));
    !after.is_some_and(|&c| is_cased(c))
}

/// Lowercases `cs[i]` into `out`, applying the final-sigma rule.
fn push_lower(out: &mut String, cs: &[char], i: usize) {
    if cs[i] == 'Σ' {
        out.push(if final_sigma(cs, i) { 'ς' } else { 'σ' });
    } else {
        super::case::push_lower(out, cs[i]);
    }
}

/// `s.title()`.
pub fn title(s: &str) -> String {
    let cs: Vec<char> = s.chars().collect();
    let mut out = String::with_capacity(s.len());
    let mut prev_cased = false;
    for (i, &c) in cs.iter().enumerate() {
        if prev_cased {
            push_lower(&mut out, &cs, i);
        } else {
            push_title(&mut out, c);
        }
        prev_cased = is_cased(c);
    }
    out
}

/// `s.capitalize()` (first character title-cased, the rest lowercased).
pub fn capitalize(s: &str) -> String {
    let cs: Vec<char> = s.chars().collect();
    let mut out = String::with_capacity(s.len());
    for (i, &c) in cs.iter().enumerate() {
        if i == 0 {
            push_title(&mut out, c);
        } else {
            push_lower(&mut out, &cs, i);
        }
    }
    out
}

/// `s.swapcase()`.
pub fn swapcase(s: &str) -> String {
    let cs: Vec<char> = s.chars().collect();
    let mut out = String::with_capacity(s.len());
    for (i, &c) in cs.iter().enumerate() {
        if c.is_uppercase() {
            push_lower(&mut out, &cs, i);
        } else if c.is_lowercase() {
            super::case::push_upper(&mut out, c);
        } else {
            out.push(c);
        }
    }
    out
}

/// `s.isdigit()`.
pub fn isdigit(s: &str) -> bool {
    !s.is_empty() && s.chars().all(is_digit)
}

/// `s.isdecimal()`.
pub fn isdecimal(s: &str) -> bool {
    !s.is_empty() && s.chars().all(|c| decimal_value(c).is_some())
}

/// `s.isnumeric()` (approximated by Unicode Nd/Nl/No plus digits).
pub fn isnumeric(s: &str) -> bool {
    !s.is_empty() && s.chars().all(|c| c.is_numeric() || is_digit(c))
}

/// `s.isalpha()`.
pub fn isalpha(s: &str) -> bool {
    !s.is_empty() && s.chars().all(is_alpha)
}

/// `s.isalnum()`.
pub fn isalnum(s: &str) -> bool {
    !s.is_empty()
        && s.chars()
            .all(|c| is_alpha(c) || is_digit(c) || c.is_numeric())
}

/// `s.isspace()`.
pub fn isspace(s: &str) -> bool {
    !s.is_empty() && s.chars().all(is_py_space)
}

/// `s.isprintable()`.
pub fn isprintable(s: &str) -> bool {
    s.chars().all(is_printable)
}

/// `s.isupper()`.
pub fn isupper(s: &str) -> bool {
    let mut cased = false;
    for c in s.chars() {
        if c.is_lowercase() || is_titlecase_char(c) {
            return false;
        }
        cased |= c.is_uppercase();
    }
    cased
}

/// `s.islower()`.
pub fn islower(s: &str) -> bool {
    let mut cased = false;
    for c in s.chars() {
        if c.is_uppercase() || is_titlecase_char(c) {
            return false;
        }
        cased |= c.is_lowercase();
    }
    cased
}

/// `s.istitle()`.
pub fn istitle(s: &str) -> bool {
    let mut cased = false;
    let mut prev = false;
    for c in s.chars() {
        if c.is_uppercase() || is_titlecase_char(c) {
            if prev {
                return false;
            }
            prev = true;
            cased = true;
        } else if c.is_lowercase() {
            if !prev {
                return false;
            }
            prev = true;
            cased = true;
        } else {
            prev = false;
        }
    }
    cased
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn case_mapping() {
        assert_eq!(title("hello wORLD 3rd o'neil"), "Hello World 3Rd O'Neil");
        assert_eq!(title("ßtraße ǆ"), "Sstraße ǅ");
        assert_eq!(capitalize("hELLO World"), "Hello world");
        assert_eq!(capitalize("ßa"), "Ssa");
        assert_eq!(swapcase("Hello ß"), "hELLO SS");
        assert_eq!(upper("ß"), "SS");
        assert_eq!(lower("İ"), "i\u{307}");
        assert_eq!(lower("ΣΑΣ"), "σας");
        assert_eq!(casefold("Straße"), "strasse");
    }

    #[test]
    fn predicates() {
        let got = [
            isdigit("²"),
            isdecimal("²"),
            isnumeric("½"),
            isalpha("ा"),
            isalnum("abc1"),
            isalpha(""),
            isspace(" \t"),
            isspace(""),
            isupper("ABC1"),
            islower("abc"),
            isupper("1"),
            istitle("Hello World"),
            istitle("Hello world"),
            istitle("ǅ"),
            isupper("ǅ"),
        ];
        let want = [
            true, false, true, false, true, false, true, false, true, true, false, true, false,
            true, false,
        ];
        assert_eq!(got, want);
        assert_eq!(decimal_value('٣'), Some(3));
        assert_eq!(decimal_value('a'), None);
    }
}
