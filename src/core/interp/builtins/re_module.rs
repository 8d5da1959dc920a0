//! Python's `re` module: `re.compile`, `search`, `match`, `fullmatch`, `findall`,
//! `finditer`, `sub`, `subn`, `split`, `escape`, the flags, `re.error`, and the
//! `Pattern` and `Match` objects, over the engine of `core::py::regex`.

use std::rc::Rc;

use crate::core::interp::call::Kw;
use crate::core::interp::orm::Native;
use crate::core::interp::value::Value;
use crate::core::interp::{Interp, R};
use crate::core::py::regex::{self, Mode, ReError, Regex, Spans, flags, template};

/// A compiled pattern (`re.Pattern`).
#[derive(Debug)]
pub struct RePattern {
    /// The engine's program.
    pub re: Regex,
    /// The pattern as given.
    pub pattern: Rc<str>,
}

/// A match (`re.Match`).
pub struct ReMatch {
    /// The pattern that matched.
    pub pattern: Rc<RePattern>,
    /// The same, as the object scripts see (`m.re is p`).
    pub pattern_value: Value,
    /// The searched string.
    pub string: Rc<str>,
    /// Its characters (spans index them).
    pub chars: Rc<[char]>,
    /// Group 0 and every group: character spans.
    pub spans: Vec<Option<(usize, usize)>>,
    /// `pos` and `endpos` of the search.
    pub pos: usize,
    /// See `pos`.
    pub endpos: usize,
}

/// The string a search runs over, and its bounds.
struct Subject {
    string: Rc<str>,
    chars: Rc<[char]>,
    pos: usize,
    endpos: usize,
}

/// The module's functions, as `re.<name>` builtins.
pub const FUNCTIONS: &str = "compile escape findall finditer fullmatch match purge search \
    split sub subn";

/// A flag constant's value.
pub fn flag_value(name: &str) -> Option<i64> {
    let v = match name {
        "I" | "IGNORECASE" => flags::IGNORECASE,
        "L" | "LOCALE" => flags::LOCALE,
        "M" | "MULTILINE" => flags::MULTILINE,
        "S" | "DOTALL" => flags::DOTALL,
        "U" | "UNICODE" => flags::UNICODE,
        "X" | "VERBOSE" => flags::VERBOSE,
        "A" | "ASCII" => flags::ASCII,
        "NOFLAG" => 0,
        _ => return None,
    };
    Some(i64::from(v))
}

/// Binds positional and keyword arguments to `names` (`None`: not given).
fn bind(
    me: &Interp<'_>,
    func: &str,
    args: Vec<Value>,
    kw: Kw,
    names: &[&str],
) -> R<Vec<Option<Value>>> {
    if args.len() > names.len() {
        return me.raise(
            "TypeError",
            format!(
                "{func}() takes at most {} arguments ({} given)",
                names.len(),
                args.len()
            ),
        );
    }
    let mut out: Vec<Option<Value>> = args.into_iter().map(Some).collect();
    out.resize(names.len(), None);
    for (k, v) in kw {
        match names.iter().position(|n| **n == *k) {
            Some(i) => out[i] = Some(v),
            None => {
                return me.raise(
                    "TypeError",
                    format!("{func}() got an unexpected keyword argument '{k}'"),
                );
            }
        }
    }
    Ok(out)
}

impl Interp<'_> {
    fn re_error(&self, e: ReError) -> Box<crate::core::interp::Exc> {
        let v = self.new_exc("re.error", &e.to_string());
        if let Value::Instance(i) = &v {
            let mut d = i.dict.borrow_mut();
            d.insert(Rc::from("msg"), Value::str(&e.msg));
            let pos = e.pos.map_or(Value::None, |p| Value::int(p as i64));
            d.insert(Rc::from("pos"), pos);
        }
        self.exc_value_at(v)
    }

    /// The text of a `string` argument.
    fn re_text(&self, v: Option<&Value>) -> R<Rc<str>> {
        match v {
            Some(Value::Str(s)) => Ok(s.clone()),
            Some(v) => {
                let t = self.type_name(v);
                self.raise(
                    "TypeError",
                    format!("expected string or bytes-like object, got '{t}'"),
                )
            }
            None => self.raise("TypeError", "missing required argument 'string'"),
        }
    }

    fn re_flags(&self, v: Option<&Value>) -> R<u32> {
        match v {
            None => Ok(0),
            Some(Value::Int(i)) => Ok(i.to_i64().unwrap_or(0) as u32),
            Some(Value::Bool(b)) => Ok(u32::from(*b)),
            Some(v) => {
                let t = self.type_name(v);
                self.raise(
                    "TypeError",
                    format!("unsupported operand type(s) for &: '{t}' and 'int'"),
                )
            }
        }
    }

    /// `re.compile(pattern, flags)` (a compiled pattern passes through).
    fn re_compile(&self, pattern: Option<&Value>, flags: u32) -> R<Rc<RePattern>> {
        match pattern {
            Some(Value::Native(n)) if let Native::RePattern(p) = &**n => {
                if flags != 0 {
                    return self.raise(
                        "ValueError",
                        "cannot process flags argument with a compiled pattern",
                    );
                }
                Ok(p.clone())
            }
            Some(Value::Str(s)) => {
                let re = Regex::new(s, flags).map_err(|e| self.re_error(e))?;
                Ok(Rc::new(RePattern {
                    re,
                    pattern: s.clone(),
                }))
            }
            Some(v) => {
                let t = self.type_name(v);
                self.raise(
                    "TypeError",
                    format!("first argument must be string or compiled pattern, not {t}"),
                )
            }
            None => self.raise("TypeError", "missing required argument 'pattern'"),
        }
    }

    /// `re.<name>(...)`.
    pub fn call_re(&mut self, name: &str, args: Vec<Value>, kw: Kw) -> R<Value> {
        match name {
            "compile" => {
                let a = bind(self, name, args, kw, &["pattern", "flags"])?;
                let f = self.re_flags(a[1].as_ref())?;
                let p = self.re_compile(a[0].as_ref(), f)?;
                Ok(Value::Native(Rc::new(Native::RePattern(p))))
            }
            "search" | "match" | "fullmatch" | "findall" | "finditer" | "split" => {
                let names: &[&str] = if name == "split" {
                    &["pattern", "string", "maxsplit", "flags"]
                } else {
                    &["pattern", "string", "flags"]
                };
                let a = bind(self, name, args, kw, names)?;
                let f = self.re_flags(a[names.len() - 1].as_ref())?;
                let p = self.re_compile(a[0].as_ref(), f)?;
                let pv = Value::Native(Rc::new(Native::RePattern(p.clone())));
                let mut rest: Vec<Value> =
                    a[1..names.len() - 1].iter().flatten().cloned().collect();
                if rest.is_empty() {
                    rest.push(Value::None);
                }
                self.pattern_method(&p, &pv, name, rest, vec![])
            }
            "sub" | "subn" => {
                let a = bind(
                    self,
                    name,
                    args,
                    kw,
                    &["pattern", "repl", "string", "count", "flags"],
                )?;
                let f = self.re_flags(a[4].as_ref())?;
                let p = self.re_compile(a[0].as_ref(), f)?;
                let pv = Value::Native(Rc::new(Native::RePattern(p.clone())));
                let rest: Vec<Value> = a[1..4].iter().flatten().cloned().collect();
                self.pattern_method(&p, &pv, name, rest, vec![])
            }
            "escape" => {
                let a = bind(self, name, args, kw, &["pattern"])?;
                let s = self.re_text(a[0].as_ref())?;
                Ok(Value::str(&regex::escape(&s)))
            }
            "purge" => Ok(Value::None),
            _ => self.unsupported(&format!("`re.{name}`")),
        }
    }

    /// A search of `p` in `string[pos:endpos]` (`Mode`), as a `Match` or `None`.
    fn re_find(
        &mut self,
        (p, pv): (&Rc<RePattern>, &Value),
        string: Rc<str>,
        pos: Option<&Value>,
        endpos: Option<&Value>,
        mode: Mode,
    ) -> R<Value> {
        let chars: Rc<[char]> = string.chars().collect();
        let (pos, endpos) = self.re_bounds(chars.len(), pos, endpos)?;
        let found =
            p.re.find(&chars[..endpos], pos, mode, None)
                .map_err(|e| self.re_error(e))?;
        let subject = Subject {
            string,
            chars,
            pos,
            endpos,
        };
        Ok(match found {
            Some(spans) => Self::re_match_value(p, pv, &subject, spans),
            None => Value::None,
        })
    }

    fn re_bounds(
        &mut self,
        len: usize,
        pos: Option<&Value>,
        endpos: Option<&Value>,
    ) -> R<(usize, usize)> {
        let clamp = |v: i64| v.clamp(0, len as i64) as usize;
        let pos = match pos {
            None | Some(Value::None) => 0,
            Some(v) => clamp(self.as_index(v)?),
        };
        let endpos = match endpos {
            None | Some(Value::None) => len,
            Some(v) => clamp(self.as_index(v)?),
        };
        Ok((pos, endpos.max(pos)))
    }

    fn re_match_value(p: &Rc<RePattern>, pv: &Value, subject: &Subject, spans: Spans) -> Value {
        Value::Native(Rc::new(Native::ReMatch(Rc::new(ReMatch {
            pattern: p.clone(),
            pattern_value: pv.clone(),
            string: subject.string.clone(),
            chars: subject.chars.clone(),
            spans,
            pos: subject.pos,
            endpos: subject.endpos,
        }))))
    }

    /// Every match of `p` in `string` (at most `limit` unless 0).
    fn re_all(&mut self, p: &Rc<RePattern>, chars: &[char], limit: usize) -> R<Vec<Spans>> {
        p.re.find_all(chars, limit).map_err(|e| self.re_error(e))
    }

    fn span_text(chars: &[char], s: Option<(usize, usize)>) -> Value {
        match s {
            Some((a, b)) => Value::str(&chars[a..b].iter().collect::<String>()),
            None => Value::None,
        }
    }

    /// Methods of a `Pattern`.
    pub fn pattern_method(
        &mut self,
        p: &Rc<RePattern>,
        pv: &Value,
        name: &str,
        args: Vec<Value>,
        kw: Kw,
    ) -> R<Value> {
        match name {
            "search" | "match" | "fullmatch" | "findall" | "finditer" => {
                let a = bind(self, name, args, kw, &["string", "pos", "endpos"])?;
                let string = self.re_text(a[0].as_ref())?;
                let mode = match name {
                    "match" => Mode::Match,
                    "fullmatch" => Mode::Full,
                    "search" => Mode::Search,
                    _ => {
                        let chars: Rc<[char]> = string.chars().collect();
                        let (pos, endpos) =
                            self.re_bounds(chars.len(), a[1].as_ref(), a[2].as_ref())?;
                        let subject = Subject {
                            string,
                            chars,
                            pos,
                            endpos,
                        };
                        return self.re_iterate((p, pv), name, &subject);
                    }
                };
                self.re_find((p, pv), string, a[1].as_ref(), a[2].as_ref(), mode)
            }
            "sub" | "subn" => {
                let a = bind(self, name, args, kw, &["repl", "string", "count"])?;
                let string = self.re_text(a[1].as_ref())?;
                let count = match a[2].as_ref() {
                    None => 0,
                    Some(v) => self.as_index(v)?.max(0) as usize,
                };
                let chars: Rc<[char]> = string.chars().collect();
                let repl = a[0].clone().unwrap_or(Value::None);
                let pieces = match &repl {
                    Value::Str(r) => Some(template::parse(r, &p.re).map_err(|e| {
                        if e.msg.starts_with("unknown group name") {
                            self.exc_value_at(self.new_exc("IndexError", &e.msg))
                        } else {
                            self.re_error(e)
                        }
                    })?),
                    _ => None,
                };
                let matches = self.re_all(p, &chars, count)?;
                let subject = Subject {
                    string: string.clone(),
                    chars: chars.clone(),
                    pos: 0,
                    endpos: chars.len(),
                };
                let n = matches.len();
                let mut out = String::new();
                let mut last = 0;
                for spans in matches {
                    let (s, e) = spans[0].unwrap_or((last, last));
                    out.extend(&chars[last..s]);
                    match &pieces {
                        Some(pieces) => out.push_str(&template::expand(pieces, &chars, &spans)),
                        None => {
                            let m = Self::re_match_value(p, pv, &subject, spans);
                            let r = self.call(&repl, vec![m], vec![])?;
                            match r {
                                Value::Str(s) => out.push_str(&s),
                                other => {
                                    let t = self.type_name(&other);
                                    return self.raise(
                                        "TypeError",
                                        format!("expected str instance, {t} found"),
                                    );
                                }
                            }
                        }
                    }
                    last = e;
                }
                out.extend(&chars[last..]);
                Ok(if name == "subn" {
                    Value::tuple(vec![Value::str(&out), Value::int(n as i64)])
                } else {
                    Value::str(&out)
                })
            }
            "split" => {
                let a = bind(self, name, args, kw, &["string", "maxsplit"])?;
                let string = self.re_text(a[0].as_ref())?;
                let max = match a[1].as_ref() {
                    None => 0,
                    Some(v) => self.as_index(v)?,
                };
                if max < 0 {
                    return Ok(Value::list(vec![Value::Str(string)]));
                }
                let chars: Vec<char> = string.chars().collect();
                let mut out = vec![];
                let mut last = 0;
                for spans in self.re_all(p, &chars, max as usize)? {
                    let (s, e) = spans[0].unwrap_or((last, last));
                    out.push(Value::str(&chars[last..s].iter().collect::<String>()));
                    out.extend(spans[1..].iter().map(|g| Self::span_text(&chars, *g)));
                    last = e;
                }
                out.push(Value::str(&chars[last..].iter().collect::<String>()));
                Ok(Value::list(out))
            }
            _ => self.no_attr("re.Pattern", name),
        }
    }

    /// `findall` / `finditer` over `chars[pos:endpos]`.
    fn re_iterate(
        &mut self,
        (p, pv): (&Rc<RePattern>, &Value),
        name: &str,
        subject: &Subject,
    ) -> R<Value> {
        let chars = &subject.chars;
        let text = &chars[..subject.endpos];
        let mut found = vec![];
        let mut at = subject.pos;
        let mut not_empty_at = None;
        while at <= text.len() {
            let m =
                p.re.find(text, at, Mode::Search, not_empty_at)
                    .map_err(|e| self.re_error(e))?;
            let Some(spans) = m else { break };
            let (s, e) = spans[0].unwrap_or((at, at));
            not_empty_at = (s == e).then_some(e);
            at = e;
            found.push(spans);
        }
        let items: Vec<Value> = found
            .into_iter()
            .map(|spans| {
                if name == "finditer" {
                    return Self::re_match_value(p, pv, subject, spans);
                }
                let text = |s| match s {
                    Some((a, b)) => Value::str(&chars[a..b].iter().collect::<String>()),
                    None => Value::str(""),
                };
                match spans.len() {
                    1 => text(spans[0]),
                    2 => text(spans[1]),
                    _ => Value::tuple(spans[1..].iter().map(|g| text(*g)).collect()),
                }
            })
            .collect();
        Ok(if name == "finditer" {
            Value::Native(Rc::new(Native::Iter(std::cell::RefCell::new((items, 0)))))
        } else {
            Value::list(items)
        })
    }

    /// `Pattern` attributes (methods come back bound).
    pub fn pattern_attr(&mut self, p: &Rc<RePattern>, this: &Value, name: &str) -> R<Value> {
        match name {
            "pattern" => Ok(Value::Str(p.pattern.clone())),
            "flags" => Ok(Value::int(i64::from(p.re.flags))),
            "groups" => Ok(Value::int(p.re.groups as i64)),
            "groupindex" => Ok(Value::dict_of(
                p.re.names
                    .iter()
                    .map(|(n, g)| (Value::str(n), Value::int(*g as i64)))
                    .collect(),
            )),
            "search" | "match" | "fullmatch" | "findall" | "finditer" | "sub" | "subn"
            | "split" => Ok(Value::BuiltinMethod(Rc::new((
                this.clone(),
                Rc::from(name),
            )))),
            _ => self.no_attr("re.Pattern", name),
        }
    }

    /// The group number a `group()` argument names.
    fn group_number(&mut self, m: &ReMatch, g: &Value) -> R<usize> {
        let n = match g {
            Value::Int(_) | Value::Bool(_) => {
                let i = self.as_index(g)?;
                usize::try_from(i)
                    .ok()
                    .filter(|&i| i <= m.pattern.re.groups)
            }
            Value::Str(s) => m.pattern.re.group_index(s),
            _ => None,
        };
        match n {
            Some(n) => Ok(n),
            None => self.raise("IndexError", "no such group"),
        }
    }

    fn group_text(m: &ReMatch, g: usize, default: &Value) -> Value {
        match m.spans[g] {
            Some((a, b)) => Value::str(&m.chars[a..b].iter().collect::<String>()),
            None => default.clone(),
        }
    }

    /// `Match` attributes (methods come back bound).
    pub fn match_attr(&mut self, m: &Rc<ReMatch>, this: &Value, name: &str) -> R<Value> {
        match name {
            "string" => Ok(Value::Str(m.string.clone())),
            "re" => Ok(m.pattern_value.clone()),
            "pos" => Ok(Value::int(m.pos as i64)),
            "endpos" => Ok(Value::int(m.endpos as i64)),
            "lastindex" | "lastgroup" => {
                // the group that closed last: the one ending last, the outermost on a tie
                let mut best: Option<(usize, usize, usize)> = None;
                for (g, s) in m.spans.iter().enumerate().skip(1) {
                    if let Some((a, b)) = s
                        && best.is_none_or(|(_, bb, ba)| *b > bb || (*b == bb && *a < ba))
                    {
                        best = Some((g, *b, *a));
                    }
                }
                Ok(match (best, name) {
                    (None, _) => Value::None,
                    (Some((g, ..)), "lastindex") => Value::int(g as i64),
                    (Some((g, ..)), _) => m
                        .pattern
                        .re
                        .names
                        .iter()
                        .find(|(_, n)| *n == g)
                        .map_or(Value::None, |(n, _)| Value::str(n)),
                })
            }
            "group" | "groups" | "groupdict" | "start" | "end" | "span" | "expand" => Ok(
                Value::BuiltinMethod(Rc::new((this.clone(), Rc::from(name)))),
            ),
            _ => self.no_attr("re.Match", name),
        }
    }

    /// Methods of a `Match`.
    pub fn match_method(
        &mut self,
        m: &Rc<ReMatch>,
        name: &str,
        args: Vec<Value>,
        kw: Kw,
    ) -> R<Value> {
        match name {
            "group" => {
                if !kw.is_empty() {
                    return self.raise("TypeError", "group() takes no keyword arguments");
                }
                if args.is_empty() {
                    return Ok(Self::group_text(m, 0, &Value::None));
                }
                let mut out = vec![];
                for g in &args {
                    let n = self.group_number(m, g)?;
                    out.push(Self::group_text(m, n, &Value::None));
                }
                Ok(if out.len() == 1 {
                    out.pop().unwrap_or(Value::None)
                } else {
                    Value::tuple(out)
                })
            }
            "groups" | "groupdict" => {
                let a = bind(self, name, args, kw, &["default"])?;
                let d = a[0].clone().unwrap_or(Value::None);
                Ok(if name == "groups" {
                    Value::tuple(
                        (1..m.spans.len())
                            .map(|g| Self::group_text(m, g, &d))
                            .collect(),
                    )
                } else {
                    Value::dict_of(
                        m.pattern
                            .re
                            .names
                            .iter()
                            .map(|(n, g)| (Value::str(n), Self::group_text(m, *g, &d)))
                            .collect(),
                    )
                })
            }
            "start" | "end" | "span" => {
                let g = match args.first() {
                    Some(g) => self.group_number(m, g)?,
                    None => 0,
                };
                let (a, b) = m.spans[g].map_or((-1, -1), |(a, b)| (a as i64, b as i64));
                Ok(match name {
                    "start" => Value::int(a),
                    "end" => Value::int(b),
                    _ => Value::tuple(vec![Value::int(a), Value::int(b)]),
                })
            }
            "expand" => {
                let a = bind(self, name, args, kw, &["template"])?;
                let t = self.re_text(a[0].as_ref())?;
                let pieces = template::parse(&t, &m.pattern.re).map_err(|e| self.re_error(e))?;
                Ok(Value::str(&template::expand(&pieces, &m.chars, &m.spans)))
            }
            _ => self.no_attr("re.Match", name),
        }
    }

    /// `m[g]`.
    pub fn match_getitem(&mut self, m: &Rc<ReMatch>, key: &Value) -> R<Value> {
        let n = self.group_number(m, key)?;
        Ok(Self::group_text(m, n, &Value::None))
    }

    /// `repr()` of a `Pattern`.
    pub fn pattern_repr(&mut self, p: &RePattern) -> R<String> {
        let pat = self.repr(&Value::Str(p.pattern.clone()))?;
        let shown = p.re.flags & !flags::UNICODE;
        if shown == 0 {
            return Ok(format!("re.compile({pat})"));
        }
        let names: Vec<String> = flags::NAMES
            .iter()
            .filter(|(_, v)| shown & v != 0)
            .map(|(n, _)| format!("re.{n}"))
            .collect();
        Ok(format!("re.compile({pat}, {})", names.join("|")))
    }

    /// `repr()` of a `Match`.
    pub fn match_repr(&mut self, m: &ReMatch) -> R<String> {
        let (a, b) = m.spans[0].unwrap_or((0, 0));
        let text = self.repr(&Self::group_text(m, 0, &Value::None))?;
        Ok(format!("<re.Match object; span=({a}, {b}), match={text}>"))
    }
}
