//! Methods of `str`, including `str.format` templates.

use std::rc::Rc;

use crate::core::py::Int;
use crate::core::py::strings as ps;

use crate::core::interp::call::Kw;
use crate::core::interp::value::Value;
use crate::core::interp::{Interp, R};

impl Interp<'_> {
    /// `str.upper`, `str.split`, `str.format`... on the string `s`.
    /// `str.maketrans(x[, y[, z]])`: a dict of character codes for `str.translate` (from a
    /// dict of characters or codes, or two strings of equal length, plus characters to
    /// delete).
    pub(crate) fn str_maketrans(&mut self, args: &[Value]) -> R<Value> {
        let code = |c: char| Value::int(c as i64);
        let mut pairs: Vec<(Value, Value)> = vec![];
        match args {
            [Value::Dict(d)] => {
                let items: Vec<(Value, Value)> = d.borrow().iter().cloned().collect();
                for (k, v) in items {
                    let k = match &k {
                        Value::Str(t) if t.chars().count() == 1 => {
                            code(t.chars().next().unwrap_or('\0'))
                        }
                        Value::Int(_) => k.clone(),
                        Value::Str(_) => {
                            return self.raise(
                                "ValueError",
                                "string keys in translate table must be of length 1",
                            );
                        }
                        _ => {
                            return self.raise(
                                "TypeError",
                                "keys in translate table must be strings or integers",
                            );
                        }
                    };
                    pairs.push((k, v));
                }
            }
            [_] => {
                return self.raise(
                    "TypeError",
                    "if you give only one argument to maketrans it must be a dict",
                );
            }
            [Value::Str(x), Value::Str(y), rest @ ..] if rest.len() <= 1 => {
                if x.chars().count() != y.chars().count() {
                    return self.raise(
                        "ValueError",
                        "the first two maketrans arguments must have equal length",
                    );
                }
                for (a, b) in x.chars().zip(y.chars()) {
                    pairs.push((code(a), code(b)));
                }
                match rest.first() {
                    Some(Value::Str(z)) => {
                        for c in z.chars() {
                            pairs.push((code(c), Value::None));
                        }
                    }
                    Some(v) => {
                        let t = self.type_name(v);
                        return self.raise(
                            "TypeError",
                            format!("maketrans() argument 3 must be str, not {t}"),
                        );
                    }
                    None => {}
                }
            }
            [_, y, ..] if args.len() <= 3 && !matches!(y, Value::Str(_)) => {
                let t = self.type_name(y);
                return self.raise(
                    "TypeError",
                    format!("maketrans() argument 2 must be str, not {t}"),
                );
            }
            [_, _] | [_, _, _] => {
                return self.raise(
                    "TypeError",
                    "first maketrans argument must be a string if there is a second argument",
                );
            }
            _ => {
                return self.raise(
                    "TypeError",
                    format!("maketrans expected at most 3 arguments, got {}", args.len()),
                );
            }
        }
        let d = Value::dict_of(vec![]);
        for (k, v) in pairs {
            self.setitem(&d, k, v)?;
        }
        Ok(d)
    }

    pub(super) fn str_method(
        &mut self,
        s: Rc<str>,
        name: &str,
        args: Vec<Value>,
        kw: Kw,
    ) -> R<Value> {
        let st = |x: String| Ok(Value::str(&x));
        let a0 = |it: &mut Self| it.arg_str(&args, 0, name);
        match name {
            "upper" => st(crate::core::py::str_case::upper(&s)),
            "lower" => st(crate::core::py::str_case::lower(&s)),
            "title" => st(crate::core::py::str_case::title(&s)),
            "capitalize" => st(crate::core::py::str_case::capitalize(&s)),
            "swapcase" => st(crate::core::py::str_case::swapcase(&s)),
            "casefold" => st(crate::core::py::str_case::casefold(&s)),
            "expandtabs" => {
                let n = match args
                    .first()
                    .or(kw.iter().find(|(k, _)| &**k == "tabsize").map(|(_, v)| v))
                {
                    Some(v) => self.as_index(v)?,
                    None => 8,
                };
                st(self.py(ps::expandtabs(&s, n))?)
            }
            "strip" => {
                let c = a0(self)?;
                st(ps::strip(&s, c.as_deref()))
            }
            "lstrip" => {
                let c = a0(self)?;
                st(ps::lstrip(&s, c.as_deref()))
            }
            "rstrip" => {
                let c = a0(self)?;
                st(ps::rstrip(&s, c.as_deref()))
            }
            "split" | "rsplit" => {
                let sep = match args
                    .first()
                    .or(kw.iter().find(|k| &*k.0 == "sep").map(|k| &k.1))
                {
                    Some(Value::Str(x)) => Some(x.to_string()),
                    _ => None,
                };
                let max = match args
                    .get(1)
                    .or(kw.iter().find(|k| &*k.0 == "maxsplit").map(|k| &k.1))
                {
                    Some(v) => self.as_index(v)?,
                    None => -1,
                };
                let parts = if name == "split" {
                    self.py(ps::split(&s, sep.as_deref(), max))?
                } else {
                    self.py(ps::rsplit(&s, sep.as_deref(), max))?
                };
                Ok(Value::list(parts.iter().map(|p| Value::str(p)).collect()))
            }
            "splitlines" => Ok(Value::list(
                ps::splitlines(&s, {
                    let keep = args
                        .first()
                        .or(kw.iter().find(|k| &*k.0 == "keepends").map(|k| &k.1));
                    match keep {
                        Some(v) => self.truthy(v)?,
                        None => false,
                    }
                })
                .iter()
                .map(|p| Value::str(p))
                .collect(),
            )),
            "join" => {
                if !matches!(
                    args[0],
                    Value::List(_)
                        | Value::Tuple(_)
                        | Value::Str(_)
                        | Value::Dict(_)
                        | Value::Set(_)
                        | Value::Native(_)
                ) && !matches!(&args[0], Value::Instance(i) if i.class.lookup("__iter__").is_some())
                {
                    return self.raise("TypeError", "can only join an iterable");
                }
                let items = self.iterate(&args[0])?;
                let mut out = String::new();
                for (i, v) in items.iter().enumerate() {
                    if i > 0 {
                        out.push_str(&s);
                    }
                    match v {
                        Value::Str(x) => out.push_str(x),
                        other => {
                            let t = self.qual_type_name(other);
                            return self.raise(
                                "TypeError",
                                format!("sequence item {i}: expected str instance, {t} found"),
                            );
                        }
                    }
                }
                st(out)
            }
            "replace" => {
                let (Some(Value::Str(a)), Some(Value::Str(b))) = (args.first(), args.get(1)) else {
                    return self.raise("TypeError", "replace() argument must be str");
                };
                let n = match args.get(2) {
                    Some(v) => self.as_index(v)?,
                    None => -1,
                };
                st(self.py(ps::replace(&s, a, b, n))?)
            }
            "startswith" | "endswith" => {
                let pats: Vec<String> = match args.first() {
                    Some(Value::Str(x)) => vec![x.to_string()],
                    Some(Value::Tuple(t)) => t
                        .iter()
                        .filter_map(|v| {
                            if let Value::Str(x) = v {
                                Some(x.to_string())
                            } else {
                                None
                            }
                        })
                        .collect(),
                    _ => {
                        return self.raise(
                            "TypeError",
                            format!("{name} first arg must be str or a tuple of str"),
                        );
                    }
                };
                let refs: Vec<&str> = pats.iter().map(|x| x.as_str()).collect();
                let (from, to) = self.str_bounds(&args)?;
                Ok(Value::Bool(if name == "startswith" {
                    ps::startswith(&s, &refs, from, to)
                } else {
                    ps::endswith(&s, &refs, from, to)
                }))
            }
            "find" | "rfind" | "index" | "rindex" | "count" => {
                let Some(Value::Str(sub)) = args.first() else {
                    return self.raise("TypeError", "must be str");
                };
                let (from, to) = self.str_bounds(&args)?;
                Ok(Value::int(match name {
                    "find" => ps::find(&s, sub, from, to),
                    "rfind" => ps::rfind(&s, sub, from, to),
                    "index" => self.py(ps::index(&s, sub, from, to))? as i64,
                    "rindex" => match ps::rfind(&s, sub, from, to) {
                        -1 => return self.raise("ValueError", "substring not found"),
                        i => i,
                    },
                    _ => ps::count(&s, sub, from, to) as i64,
                }))
            }
            "zfill" => {
                let w = self.as_index(&args[0])?;
                st(self.py(ps::zfill(&s, w))?)
            }
            "ljust" | "rjust" | "center" => {
                let w = self.as_index(&args[0])?;
                let fill = match args.get(1) {
                    None => ' ',
                    Some(Value::Str(f)) if f.chars().count() == 1 => {
                        f.chars().next().unwrap_or(' ')
                    }
                    Some(Value::Str(_)) => {
                        return self.raise(
                            "TypeError",
                            "The fill character must be exactly one character long",
                        );
                    }
                    Some(other) => {
                        let t = self.type_name(other);
                        return self.raise(
                            "TypeError",
                            format!("The fill character must be a unicode character, not {t}"),
                        );
                    }
                };
                st(self.py(match name {
                    "ljust" => ps::ljust(&s, w, fill),
                    "rjust" => ps::rjust(&s, w, fill),
                    _ => ps::center(&s, w, fill),
                })?)
            }
            "partition" | "rpartition" => {
                let Some(Value::Str(sep)) = args.first() else {
                    return self.raise("TypeError", "must be str");
                };
                let (a, b, c) = self.py(if name == "partition" {
                    ps::partition(&s, sep)
                } else {
                    ps::rpartition(&s, sep)
                })?;
                Ok(Value::tuple(vec![
                    Value::str(&a),
                    Value::str(&b),
                    Value::str(&c),
                ]))
            }
            "removeprefix" => {
                let p = a0(self)?.unwrap_or_default();
                st(s.strip_prefix(p.as_str()).unwrap_or(&s).to_string())
            }
            "removesuffix" => {
                let p = a0(self)?.unwrap_or_default();
                st(s.strip_suffix(p.as_str()).unwrap_or(&s).to_string())
            }
            // (A static method: `s.maketrans(...)` ignores `s`.)
            "maketrans" => self.str_maketrans(&args),
            // `s.translate(table)`: each character's code looked up in the table (a dict or
            // any object with `__getitem__`): None deletes it, an int or a str replaces it,
            // a missing key keeps it.
            "translate" => {
                let Some(table) = args.first().cloned() else {
                    return self.raise(
                        "TypeError",
                        "str.translate() takes exactly one argument (0 given)",
                    );
                };
                let mut out = String::with_capacity(s.len());
                for c in s.chars() {
                    let key = Value::int(c as i64);
                    let got = match self.getitem(&table, &key) {
                        Ok(v) => Some(v),
                        Err(e) if self.exc_matches(&e.value, &self.exc["LookupError"].clone()) => {
                            None
                        }
                        Err(e) => return Err(e),
                    };
                    match got {
                        None => out.push(c),
                        Some(Value::None) => {}
                        Some(Value::Str(r)) => out.push_str(&r),
                        Some(v @ (Value::Int(_) | Value::Bool(_))) => {
                            let n = match &v {
                                Value::Int(i) => i.to_i64().unwrap_or(-1),
                                _ => self.as_index(&v)?,
                            };
                            match u32::try_from(n).ok().and_then(char::from_u32) {
                                Some(r) => out.push(r),
                                None => {
                                    return self.raise(
                                        "ValueError",
                                        "character mapping must be in range(0x110000)",
                                    );
                                }
                            }
                        }
                        Some(_) => {
                            return self.raise(
                                "TypeError",
                                "character mapping must return integer, None or str",
                            );
                        }
                    }
                }
                st(out)
            }
            "isdigit" | "isnumeric" | "isdecimal" => Ok(Value::Bool(
                !s.is_empty() && s.chars().all(|c| c.is_numeric()),
            )),
            "isalpha" => Ok(Value::Bool(
                !s.is_empty() && s.chars().all(|c| c.is_alphabetic()),
            )),
            "isalnum" => Ok(Value::Bool(
                !s.is_empty() && s.chars().all(|c| c.is_alphanumeric()),
            )),
            "isspace" => Ok(Value::Bool(!s.is_empty() && s.chars().all(ps::is_py_space))),
            "isupper" => Ok(Value::Bool(
                s.chars().any(|c| c.is_uppercase()) && !s.chars().any(|c| c.is_lowercase()),
            )),
            "islower" => Ok(Value::Bool(
                s.chars().any(|c| c.is_lowercase()) && !s.chars().any(|c| c.is_uppercase()),
            )),
            "isidentifier" => Ok(Value::Bool(
                !s.is_empty()
                    && !s.starts_with(|c: char| c.is_ascii_digit())
                    && s.chars().all(|c| c.is_alphanumeric() || c == '_'),
            )),
            "format" => self.str_format(&s, args, kw),
            // `format_map(mapping)`: named fields looked up in the mapping.
            "format_map" => {
                let Some(m) = args.first() else {
                    return self.raise(
                        "TypeError",
                        "format_map() takes exactly one argument (0 given)",
                    );
                };
                let mut named = vec![];
                for (k, v) in self.mapping_items(m)? {
                    if let Value::Str(k) = k {
                        named.push((k, v));
                    }
                }
                self.str_format(&s, vec![], named)
            }
            "isascii" => Ok(Value::Bool(s.is_ascii())),
            // Title case: every cased run starts with an uppercase letter, the rest lowercase.
            "istitle" => {
                let (mut cased, mut prev_cased, mut ok) = (false, false, true);
                for c in s.chars() {
                    if c.is_uppercase() {
                        ok &= !prev_cased;
                        prev_cased = true;
                        cased = true;
                    } else if c.is_lowercase() {
                        ok &= prev_cased;
                        prev_cased = true;
                        cased = true;
                    } else {
                        prev_cased = false;
                    }
                }
                Ok(Value::Bool(ok && cased))
            }
            "encode" => match args.first() {
                None => Ok(bytes_value(s.as_bytes())),
                Some(Value::Str(e))
                    if matches!(
                        e.to_ascii_lowercase().replace('_', "-").as_str(),
                        "utf-8" | "utf8"
                    ) =>
                {
                    Ok(bytes_value(s.as_bytes()))
                }
                Some(_) => self.unsupported("encodings other than UTF-8"),
            },
            _ => self.no_attr("str", name),
        }
    }

    fn str_format(&mut self, template: &str, args: Vec<Value>, kw: Kw) -> R<Value> {
        use crate::core::py::str_format as sf;
        let parsed = sf::parse_format_string(template);
        let _ = &parsed;
        // Simple implementation: {}, {0}, {name}, {x.attr}, {x[0]} with !r/!s and specs.
        let mut out = String::new();
        let chars: Vec<char> = template.chars().collect();
        let mut i = 0;
        let mut auto = 0usize;
        let mut manual: Option<bool> = None;
        while i < chars.len() {
            let c = chars[i];
            if c == '{' {
                if chars.get(i + 1) == Some(&'{') {
                    out.push('{');
                    i += 2;
                    continue;
                }
                if i + 1 == chars.len() {
                    return self.raise("ValueError", "Single '{' encountered in format string");
                }
                let mut depth = 1;
                let mut j = i + 1;
                while j < chars.len() && depth > 0 {
                    if chars[j] == '{' {
                        depth += 1;
                    } else if chars[j] == '}' {
                        depth -= 1;
                    }
                    j += 1;
                }
                if depth > 0 {
                    return self.raise("ValueError", "expected '}' before end of string");
                }
                let field: String = chars[i + 1..j - 1].iter().collect();
                let (head, spec) = match field.find(':') {
                    Some(p) => (field[..p].to_string(), field[p + 1..].to_string()),
                    None => (field.clone(), String::new()),
                };
                let (head, conv) = match head.find('!') {
                    Some(p) => (head[..p].to_string(), head[p + 1..].chars().next()),
                    None => (head, None),
                };
                let name_end = head.find(['.', '[']).unwrap_or(head.len());
                let first = &head[..name_end];
                if first.is_empty() && manual == Some(true)
                    || first.parse::<usize>().is_ok() && manual == Some(false)
                {
                    return self.raise(
                        "ValueError",
                        if first.is_empty() {
                            "cannot switch from manual field specification to automatic field numbering"
                        } else {
                            "cannot switch from automatic field numbering to manual field specification"
                        },
                    );
                }
                if first.is_empty() {
                    manual = Some(false);
                } else if first.parse::<usize>().is_ok() {
                    manual = Some(true);
                }
                let mut v =
                    if first.is_empty() {
                        let v = args.get(auto).cloned();
                        auto += 1;
                        match v {
                            Some(v) => v,
                            None => return self.raise(
                                "IndexError",
                                format!(
                                    "Replacement index {} out of range for positional args tuple",
                                    auto - 1
                                ),
                            ),
                        }
                    } else if let Ok(n) = first.parse::<usize>() {
                        match args.get(n) {
                            Some(v) => v.clone(),
                            None => return self.raise(
                                "IndexError",
                                format!(
                                    "Replacement index {n} out of range for positional args tuple"
                                ),
                            ),
                        }
                    } else {
                        match kw.iter().find(|k| &*k.0 == first) {
                            Some(k) => k.1.clone(),
                            None => return self.key_error(&Value::str(first)),
                        }
                    };
                let mut rest = &head[name_end..];
                while !rest.is_empty() {
                    if let Some(r) = rest.strip_prefix('.') {
                        let e = r.find(['.', '[']).unwrap_or(r.len());
                        v = self.getattr(&v, &r[..e])?;
                        rest = &r[e..];
                    } else if let Some(r) = rest.strip_prefix('[') {
                        let e = r.find(']').unwrap_or(r.len());
                        let key = &r[..e];
                        let k = match key.parse::<i64>() {
                            Ok(n) => Value::Int(Int::Small(n)),
                            Err(_) => Value::str(key),
                        };
                        v = self.getitem(&v, &k)?;
                        rest = r.get(e + 1..).unwrap_or("");
                    } else {
                        break;
                    }
                }
                // Fields nested in the spec (`{:>{}}`, `{0:>{1}}`, `{:{width}}`) take
                // their values first, continuing the automatic numbering.
                let spec = if spec.contains('{') {
                    let mut filled = String::new();
                    let mut rest = spec.as_str();
                    while let Some(a) = rest.find('{') {
                        filled.push_str(&rest[..a]);
                        let Some(b) = rest[a..].find('}') else {
                            return self.raise("ValueError", "unmatched '{' in format spec");
                        };
                        let name = &rest[a + 1..a + b];
                        let v = if name.is_empty() {
                            auto += 1;
                            args.get(auto - 1).cloned()
                        } else if let Ok(n) = name.parse::<usize>() {
                            args.get(n).cloned()
                        } else {
                            kw.iter().find(|k| &*k.0 == name).map(|k| k.1.clone())
                        };
                        let Some(v) = v else {
                            return self.raise(
                                "IndexError",
                                format!(
                                    "Replacement index {} out of range for positional args tuple",
                                    auto.saturating_sub(1)
                                ),
                            );
                        };
                        filled.push_str(&self.to_str(&v)?);
                        rest = &rest[a + b + 1..];
                    }
                    filled.push_str(rest);
                    filled
                } else {
                    spec
                };
                let v = match conv {
                    Some('r') => Value::str(&self.repr(&v)?),
                    Some('s') => Value::str(&self.to_str(&v)?),
                    Some('a') => {
                        let r = self.repr(&v)?;
                        Value::str(&crate::core::py::percent::ascii_escape(&r))
                    }
                    _ => v,
                };
                out.push_str(&self.format_value(&v, &spec)?);
                i = j;
            } else if c == '}' {
                if chars.get(i + 1) == Some(&'}') {
                    out.push('}');
                    i += 2;
                    continue;
                }
                return self.raise("ValueError", "Single '}' encountered in format string");
            } else {
                out.push(c);
                i += 1;
            }
        }
        Ok(Value::str(&out))
    }

    /// The optional `start` and `end` of `find()`, `startswith()`... (`None` for either is
    /// no bound).
    pub(crate) fn str_bounds(&mut self, args: &[Value]) -> R<(Option<i64>, Option<i64>)> {
        let mut out = [None, None];
        for (slot, v) in out.iter_mut().zip(args.iter().skip(1)) {
            if !matches!(v, Value::None) {
                *slot = Some(self.as_index(v)?);
            }
        }
        Ok((out[0], out[1]))
    }
}

/// A `bytes` value.
pub(crate) fn bytes_value(b: &[u8]) -> Value {
    Value::Native(Rc::new(crate::core::interp::orm::Native::Bytes(Rc::from(
        b,
    ))))
}
