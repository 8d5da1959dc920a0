//! werkzeug's URL handling as the test client needs it: query strings and rules with
//! converters (`<int:id>`, `<float:x>`, `<path:p>`, `<name>`).

use std::rc::Rc;

use crate::core::interp::value::Value;

/// `a=1&b=x%20y` as pairs (`+` and `%XX` decoded).
pub(super) fn parse_query(q: &str) -> Vec<(Rc<str>, Rc<str>)> {
    q.split('&')
        .filter(|p| !p.is_empty())
        .map(|p| {
            let (k, v) = p.split_once('=').unwrap_or((p, ""));
            (Rc::from(unquote(k).as_str()), Rc::from(unquote(v).as_str()))
        })
        .collect()
}

pub(super) fn unquote(s: &str) -> String {
    let b = s.as_bytes();
    let mut out = Vec::with_capacity(b.len());
    let mut i = 0;
    while i < b.len() {
        match b[i] {
            b'+' => out.push(b' '),
            b'%' if i + 2 < b.len() => {
                let hex = |c: u8| (c as char).to_digit(16);
                match (hex(b[i + 1]), hex(b[i + 2])) {
                    (Some(h), Some(l)) => {
                        out.push((h * 16 + l) as u8);
                        i += 2;
                    }
                    _ => out.push(b'%'),
                }
            }
            c => out.push(c),
        }
        i += 1;
    }
    String::from_utf8_lossy(&out).into_owned()
}

/// Matches `path` against `rule`: the view's keyword arguments, or `None`.
pub(super) fn match_rule(rule: &str, path: &str) -> Option<Vec<(Rc<str>, Value)>> {
    let mut out = vec![];
    let mut rest = path;
    let mut r = rule;
    while !r.is_empty() {
        match r.find('<') {
            Some(0) => {
                let end = r.find('>')?;
                let spec = &r[1..end];
                r = &r[end + 1..];
                let (conv, name) = spec.split_once(':').unwrap_or(("default", spec));
                // (A converter reads up to the next `/`, `path` to the rule's next literal.)
                let upto = match conv {
                    "path" => match r.split('<').next().filter(|l| !l.is_empty()) {
                        Some(lit) => rest.rfind(lit).unwrap_or(rest.len()),
                        None => rest.len(),
                    },
                    _ => rest.find('/').unwrap_or(rest.len()),
                };
                let text = &rest[..upto];
                if text.is_empty() {
                    return None;
                }
                rest = &rest[upto..];
                let v = match conv {
                    "int" => {
                        if !text.bytes().all(|b| b.is_ascii_digit()) {
                            return None;
                        }
                        Value::int(text.parse::<i64>().ok()?)
                    }
                    "float" => {
                        // (Werkzeug's `\d+\.\d+`.)
                        let (a, b) = text.split_once('.')?;
                        let digits =
                            |s: &str| !s.is_empty() && s.bytes().all(|c| c.is_ascii_digit());
                        if !digits(a) || !digits(b) {
                            return None;
                        }
                        Value::Float(crate::core::py::float_text::parse_decimal(text)?)
                    }
                    _ => Value::str(&unquote(text)),
                };
                out.push((Rc::from(name.trim()), v));
            }
            Some(i) => {
                rest = rest.strip_prefix(&r[..i])?;
                r = &r[i..];
            }
            None => {
                rest = rest.strip_prefix(r)?;
                r = "";
            }
        }
    }
    rest.is_empty().then_some(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rules_match_with_converters() {
        let m = |r: &str, p: &str| match_rule(r, p).map(|v| v.len());
        assert_eq!(m("/users", "/users"), Some(0));
        assert_eq!(m("/users", "/users/"), None);
        assert_eq!(m("/users/<int:id>", "/users/12"), Some(1));
        assert_eq!(m("/users/<int:id>", "/users/x"), None);
        assert_eq!(m("/hello/<name>", "/hello/bob"), Some(1));
        assert_eq!(m("/hello/<name>", "/hello/"), None);
        assert_eq!(m("/f/<path:p>/edit", "/f/a/b/edit"), Some(1));
        assert_eq!(m("/p/<float:x>", "/p/1.5"), Some(1));
        assert_eq!(unquote("a%20b+c%zz"), "a b c%zz");
    }
}
