//! Replacement templates of `re.sub` and `Match.expand`: `\1`, `\g<2>`, `\g<name>` and
//! character escapes, with CPython 3.11's errors.

use super::{ReError, Regex};

/// A piece of a parsed template.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Piece {
    /// Literal text.
    Lit(String),
    /// A group's text (empty when it did not take part).
    Group(usize),
}

/// Parses `repl` for `re`.
pub fn parse(repl: &str, re: &Regex) -> Result<Vec<Piece>, ReError> {
    let chars: Vec<char> = repl.chars().collect();
    let mut out = vec![];
    let mut lit = String::new();
    let mut i = 0;
    let err = |msg: String, pos: usize| ReError {
        msg,
        pos: Some(pos),
    };
    let group = |n: usize, pos: usize| -> Result<Piece, ReError> {
        if n > re.groups {
            return Err(err(format!("invalid group reference {n}"), pos));
        }
        Ok(Piece::Group(n))
    };
    while i < chars.len() {
        let c = chars[i];
        if c != '\\' {
            lit.push(c);
            i += 1;
            continue;
        }
        let start = i;
        let Some(&e) = chars.get(i + 1) else {
            return Err(err("bad escape (end of pattern)".into(), start));
        };
        i += 2;
        let piece = match e {
            'g' => {
                if chars.get(i) != Some(&'<') {
                    return Err(err("missing <".into(), i));
                }
                let from = i + 1;
                let Some(len) = chars[from..].iter().position(|&c| c == '>') else {
                    return Err(err("missing >, unterminated name".into(), from));
                };
                let name: String = chars[from..from + len].iter().collect();
                i = from + len + 1;
                if name.is_empty() {
                    return Err(err("missing group name".into(), from));
                }
                if name.bytes().all(|b| b.is_ascii_digit()) {
                    let n = name.parse::<usize>().unwrap_or(usize::MAX);
                    Some(group(n, from)?)
                } else {
                    match re.group_index(&name) {
                        Some(n) => Some(Piece::Group(n)),
                        None => {
                            let valid = name
                                .chars()
                                .next()
                                .is_some_and(|c| c == '_' || c.is_alphabetic())
                                && name.chars().all(|c| c == '_' || c.is_alphanumeric());
                            return Err(if valid {
                                ReError {
                                    msg: format!("unknown group name '{name}'"),
                                    pos: None,
                                }
                            } else {
                                err(format!("bad character in group name '{name}'"), from)
                            });
                        }
                    }
                }
            }
            '0' => {
                // an octal escape
                let mut v = 0u32;
                let mut k = 0;
                while k < 2 && chars.get(i).and_then(|d| d.to_digit(8)).is_some() {
                    v = v * 8 + chars[i].to_digit(8).unwrap_or(0);
                    i += 1;
                    k += 1;
                }
                lit.push(char::from_u32(v).unwrap_or('\0'));
                None
            }
            '1'..='9' => {
                let mut n = e.to_digit(10).unwrap_or(0) as usize;
                if let Some(d) = chars.get(i).and_then(|d| d.to_digit(10)) {
                    let octal = e <= '7'
                        && d <= 7
                        && chars.get(i + 1).and_then(|x| x.to_digit(8)).is_some();
                    if octal {
                        let v = (n as u32) * 64 + d * 8 + chars[i + 1].to_digit(8).unwrap_or(0);
                        i += 2;
                        if v > 0o377 {
                            let text: String = chars[start..i].iter().collect();
                            return Err(err(
                                format!("octal escape value {text} outside of range 0-0o377"),
                                start,
                            ));
                        }
                        lit.push(char::from_u32(v).unwrap_or('\0'));
                        continue;
                    }
                    n = n * 10 + d as usize;
                    i += 1;
                }
                Some(group(n, start + 1)?)
            }
            'n' => {
                lit.push('\n');
                None
            }
            't' => {
                lit.push('\t');
                None
            }
            'r' => {
                lit.push('\r');
                None
            }
            'f' => {
                lit.push('\x0c');
                None
            }
            'v' => {
                lit.push('\x0b');
                None
            }
            'a' => {
                lit.push('\x07');
                None
            }
            'b' => {
                lit.push('\x08');
                None
            }
            '\\' => {
                lit.push('\\');
                None
            }
            e if e.is_ascii_alphabetic() => {
                return Err(err(format!("bad escape \\{e}"), start));
            }
            e => {
                lit.push('\\');
                lit.push(e);
                None
            }
        };
        if let Some(p) = piece {
            if !lit.is_empty() {
                out.push(Piece::Lit(std::mem::take(&mut lit)));
            }
            out.push(p);
        }
    }
    if !lit.is_empty() {
        out.push(Piece::Lit(lit));
    }
    Ok(out)
}

/// The template filled in for one match.
pub fn expand(pieces: &[Piece], text: &[char], spans: &[Option<(usize, usize)>]) -> String {
    let mut s = String::new();
    for p in pieces {
        match p {
            Piece::Lit(l) => s.push_str(l),
            Piece::Group(g) => {
                if let Some(Some((a, b))) = spans.get(*g) {
                    s.extend(&text[*a..*b]);
                }
            }
        }
    }
    s
}
