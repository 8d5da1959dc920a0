//! Parser for `str.format` templates: `"{} {name!r:>{w}} {0[1]} {a.b}"`.
//!
//! The interpreter resolves fields; this module splits a template into literal text and
//! replacement fields with CPython's numbering rules and error messages. CPython parses
//! lazily while rendering, so an error only surfaces after the preceding pieces were
//! rendered (and after their own lookup errors): [`ParsedFormat`] therefore keeps the
//! pieces parsed before the error plus the error itself, and the interpreter renders
//! the pieces in order, then raises `error`.

use super::error::{PyErr, PyErrKind, PyResult};

/// A parsed template (or nested format spec).
#[derive(Clone, Debug, PartialEq)]
pub struct ParsedFormat {
    /// Pieces successfully parsed, in order.
    pub pieces: Vec<FormatPiece>,
    /// The error to raise after rendering `pieces`, if parsing stopped early.
    pub error: Option<PyErr>,
}

/// One piece of a template.
#[derive(Clone, Debug, PartialEq)]
pub enum FormatPiece {
    /// Literal text (`{{`/`}}` already unescaped).
    Literal(String),
    /// A replacement field.
    Field(Box<ReplacementField>),
}

/// The argument a field refers to.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum FieldArg {
    /// Positional argument index (explicit, or assigned by automatic numbering).
    Positional(usize),
    /// Keyword argument name.
    Keyword(String),
}

/// One `.attr` or `[key]` step after the argument.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum FieldAccessor {
    /// `.name`
    Attr(String),
    /// `[123]` (all digits → integer index)
    Index(usize),
    /// `[key]` (anything else → string key)
    Key(String),
}

/// A replacement field `{arg.attr[key]!conv:spec}`.
#[derive(Clone, Debug, PartialEq)]
pub struct ReplacementField {
    /// The argument.
    pub arg: FieldArg,
    /// Attribute/index chain applied after looking the argument up.
    pub accessors: Vec<FieldAccessor>,
    /// Error in the chain, raised after looking up the argument and applying `accessors`.
    pub accessor_error: Option<PyErr>,
    /// `r`, `s`, `a` (or an invalid char: see [`check_conversion`]).
    pub conversion: Option<char>,
    /// The format spec as a template (nested fields), rendered after the value lookup.
    pub spec: ParsedFormat,
}

/// Raises `ValueError: Unknown conversion specifier x` for anything but `r`, `s`, `a`
/// (CPython checks it after looking the value up).
pub fn check_conversion(c: char) -> PyResult<()> {
    if matches!(c, 'r' | 's' | 'a') {
        Ok(())
    } else if (' '..='~').contains(&c) {
        Err(PyErr::value(format!("Unknown conversion specifier {c}")))
    } else {
        Err(PyErr::value(format!(
            "Unknown conversion specifier \\x{:x}",
            c as u32
        )))
    }
}

/// `IndexError: Replacement index 3 out of range for positional args tuple`.
pub fn replacement_index_error(i: usize) -> PyErr {
    PyErr::index(format!(
        "Replacement index {i} out of range for positional args tuple"
    ))
}

/// `KeyError: 'name'` for a missing keyword argument.
pub fn missing_key_error(name: &str) -> PyErr {
    PyErr::new(PyErrKind::KeyError, super::strings::str_repr(name))
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum Numbering {
    Unknown,
    Auto(usize),
    Manual,
}

struct Parser {
    numbering: Numbering,
}

/// Parses a `str.format` template.
pub fn parse_format_string(template: &str) -> ParsedFormat {
    let mut p = Parser {
        numbering: Numbering::Unknown,
    };
    let chars: Vec<char> = template.chars().collect();
    p.parse(&chars, 2)
}

fn parse_usize(s: &str) -> PyResult<Option<usize>> {
    if s.is_empty() || !s.bytes().all(|b| b.is_ascii_digit()) {
        return Ok(None);
    }
    s.parse::<usize>()
        .ok()
        .filter(|&v| v <= i64::MAX as usize)
        .map(Some)
        .ok_or_else(|| PyErr::value("Too many decimal digits in format string"))
}

impl Parser {
    fn parse(&mut self, s: &[char], depth: u32) -> ParsedFormat {
        let mut out = ParsedFormat {
            pieces: Vec::new(),
            error: None,
        };
        if depth == 0 {
            out.error = Some(PyErr::value("Max string recursion exceeded"));
            return out;
        }
        let mut pos = 0;
        let mut lit = String::new();
        while pos < s.len() {
            let c = s[pos];
            pos += 1;
            if c != '{' && c != '}' {
                lit.push(c);
                continue;
            }
            let next = s.get(pos).copied();
            if c == '}' {
                if next == Some('}') {
                    lit.push('}');
                    pos += 1;
                    continue;
                }
                push_lit(&mut out, &mut lit);
                out.error = Some(PyErr::value("Single '}' encountered in format string"));
                return out;
            }
            match next {
                None => {
                    push_lit(&mut out, &mut lit);
                    out.error = Some(PyErr::value("Single '{' encountered in format string"));
                    return out;
                }
                Some('{') => {
                    lit.push('{');
                    pos += 1;
                    continue;
                }
                Some(_) => {}
            }
            push_lit(&mut out, &mut lit);
            match self.field(s, &mut pos, depth) {
                Ok(f) => out.pieces.push(FormatPiece::Field(Box::new(f))),
                Err(e) => {
                    out.error = Some(e);
                    return out;
                }
            }
        }
        push_lit(&mut out, &mut lit);
        out
    }

    /// Parses a field starting just after `{`; leaves `pos` after the closing `}`.
    fn field(&mut self, s: &[char], pos: &mut usize, depth: u32) -> PyResult<ReplacementField> {
        let name_start = *pos;
        if name_start == s.len() {
            return Err(PyErr::value("Single '{' encountered in format string"));
        }
        let mut term = None;
        while *pos < s.len() {
            let c = s[*pos];
            *pos += 1;
            match c {
                '{' => return Err(PyErr::value("unexpected '{' in field name")),
                '[' => {
                    while *pos < s.len() && s[*pos] != ']' {
                        *pos += 1;
                    }
                }
                '}' | ':' | '!' => {
                    term = Some(c);
                    break;
                }
                _ => {}
            }
        }
        let Some(term) = term else {
            return Err(PyErr::value("expected '}' before end of string"));
        };
        let name: String = s[name_start..*pos - 1].iter().collect();
        let mut conversion = None;
        let mut spec_chars: &[char] = &[];
        let mut needs_expanding = false;
        if term == '!' || term == ':' {
            let mut closed = false;
            if term == '!' {
                let Some(&conv) = s.get(*pos) else {
                    return Err(PyErr::value(
                        "end of string while looking for conversion specifier",
                    ));
                };
                *pos += 1;
                conversion = Some(conv);
                if let Some(&c) = s.get(*pos) {
                    *pos += 1;
                    if c == '}' {
                        closed = true;
                    } else if c != ':' {
                        return Err(PyErr::value("expected ':' after conversion specifier"));
                    }
                }
            }
            if !closed {
                let start = *pos;
                let mut count = 1;
                loop {
                    let Some(&c) = s.get(*pos) else {
                        return Err(PyErr::value("unmatched '{' in format spec"));
                    };
                    *pos += 1;
                    if c == '{' {
                        needs_expanding = true;
                        count += 1;
                    } else if c == '}' {
                        count -= 1;
                        if count == 0 {
                            break;
                        }
                    }
                }
                spec_chars = &s[start..*pos - 1];
            }
        }
        let (arg, accessors, accessor_error) = self.field_name(&name)?;
        let spec = if needs_expanding {
            self.parse(spec_chars, depth - 1)
        } else {
            let text: String = spec_chars.iter().collect();
            ParsedFormat {
                pieces: if text.is_empty() {
                    Vec::new()
                } else {
                    vec![FormatPiece::Literal(text)]
                },
                error: None,
            }
        };
        Ok(ReplacementField {
            arg,
            accessors,
            accessor_error,
            conversion,
            spec,
        })
    }

    fn field_name(
        &mut self,
        name: &str,
    ) -> PyResult<(FieldArg, Vec<FieldAccessor>, Option<PyErr>)> {
        let split = name.find(['.', '[']).unwrap_or(name.len());
        let (first, rest) = name.split_at(split);
        let arg = if first.is_empty() {
            match self.numbering {
                Numbering::Manual => {
                    return Err(PyErr::value(
                        "cannot switch from manual field specification to automatic field numbering",
                    ));
                }
                Numbering::Unknown => {
                    self.numbering = Numbering::Auto(1);
                    FieldArg::Positional(0)
                }
                Numbering::Auto(n) => {
                    self.numbering = Numbering::Auto(n + 1);
                    FieldArg::Positional(n)
                }
            }
        } else if let Some(i) = parse_usize(first)? {
            if let Numbering::Auto(_) = self.numbering {
                return Err(PyErr::value(
                    "cannot switch from automatic field numbering to manual field specification",
                ));
            }
            self.numbering = Numbering::Manual;
            FieldArg::Positional(i)
        } else {
            FieldArg::Keyword(first.to_string())
        };
        let (accessors, err) = parse_accessors(rest);
        Ok((arg, accessors, err))
    }
}

fn push_lit(out: &mut ParsedFormat, lit: &mut String) {
    if !lit.is_empty() {
        out.pieces.push(FormatPiece::Literal(std::mem::take(lit)));
    }
}

fn parse_accessors(rest: &str) -> (Vec<FieldAccessor>, Option<PyErr>) {
    let mut out = Vec::new();
    let s: Vec<char> = rest.chars().collect();
    let mut pos = 0;
    while pos < s.len() {
        let c = s[pos];
        pos += 1;
        match c {
            '.' => {
                let start = pos;
                while pos < s.len() && s[pos] != '.' && s[pos] != '[' {
                    pos += 1;
                }
                if pos == start {
                    return (out, Some(PyErr::value("Empty attribute in format string")));
                }
                out.push(FieldAccessor::Attr(s[start..pos].iter().collect()));
            }
            '[' => {
                let start = pos;
                while pos < s.len() && s[pos] != ']' {
                    pos += 1;
                }
                if pos >= s.len() {
                    return (out, Some(PyErr::value("Missing ']' in format string")));
                }
                let key: String = s[start..pos].iter().collect();
                pos += 1;
                if key.is_empty() {
                    return (out, Some(PyErr::value("Empty attribute in format string")));
                }
                match parse_usize(&key) {
                    Ok(Some(i)) => out.push(FieldAccessor::Index(i)),
                    Ok(None) => out.push(FieldAccessor::Key(key)),
                    Err(e) => return (out, Some(e)),
                }
                if pos < s.len() && s[pos] != '.' && s[pos] != '[' {
                    return (
                        out,
                        Some(PyErr::value(
                            "Only '.' or '[' may follow ']' in format field specifier",
                        )),
                    );
                }
            }
            _ => {
                return (
                    out,
                    Some(PyErr::value(
                        "Only '.' or '[' may follow ']' in format field specifier",
                    )),
                );
            }
        }
    }
    (out, None)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn err(t: &str) -> String {
        parse_format_string(t)
            .error
            .map(|e| e.to_string())
            .unwrap_or_default()
    }

    fn lit(s: &str) -> FormatPiece {
        FormatPiece::Literal(s.to_string())
    }

    fn field(
        arg: FieldArg,
        acc: Vec<FieldAccessor>,
        conv: Option<char>,
        spec: Vec<FormatPiece>,
    ) -> FormatPiece {
        FormatPiece::Field(Box::new(ReplacementField {
            arg,
            accessors: acc,
            accessor_error: None,
            conversion: conv,
            spec: ParsedFormat {
                pieces: spec,
                error: None,
            },
        }))
    }

    #[test]
    fn full_example() {
        let p = parse_format_string("{} {name!r:>{w}} {0[1]} {a.b}");
        // Mixing auto ({}) and manual ({0}) fails at the third field, like CPython.
        assert_eq!(
            p.error.unwrap().to_string(),
            "ValueError: cannot switch from automatic field numbering to manual field specification"
        );
        assert_eq!(
            p.pieces,
            vec![
                field(FieldArg::Positional(0), vec![], None, vec![]),
                lit(" "),
                field(
                    FieldArg::Keyword("name".into()),
                    vec![],
                    Some('r'),
                    vec![
                        lit(">"),
                        field(FieldArg::Keyword("w".into()), vec![], None, vec![])
                    ]
                ),
                lit(" "),
            ]
        );
        let p = parse_format_string("{0[1]}{a.b[x][2]}{{x}}");
        assert_eq!(p.error, None);
        assert_eq!(
            p.pieces,
            vec![
                field(
                    FieldArg::Positional(0),
                    vec![FieldAccessor::Index(1)],
                    None,
                    vec![]
                ),
                field(
                    FieldArg::Keyword("a".into()),
                    vec![
                        FieldAccessor::Attr("b".into()),
                        FieldAccessor::Key("x".into()),
                        FieldAccessor::Index(2)
                    ],
                    None,
                    vec![]
                ),
                lit("{x}"),
            ]
        );
    }

    #[test]
    fn numbering_and_specs() {
        let p = parse_format_string("{:{}{}}");
        assert_eq!(
            p.pieces,
            vec![field(
                FieldArg::Positional(0),
                vec![],
                None,
                vec![
                    field(FieldArg::Positional(1), vec![], None, vec![]),
                    field(FieldArg::Positional(2), vec![], None, vec![])
                ]
            )]
        );
        let p = parse_format_string("{0[1:2]}{0[{]}{a b}{00}{ 0}");
        assert_eq!(p.error, None);
        assert_eq!(
            p.pieces,
            vec![
                field(
                    FieldArg::Positional(0),
                    vec![FieldAccessor::Key("1:2".into())],
                    None,
                    vec![]
                ),
                field(
                    FieldArg::Positional(0),
                    vec![FieldAccessor::Key("{".into())],
                    None,
                    vec![]
                ),
                field(FieldArg::Keyword("a b".into()), vec![], None, vec![]),
                field(FieldArg::Positional(0), vec![], None, vec![]),
                field(FieldArg::Keyword(" 0".into()), vec![], None, vec![]),
            ]
        );
        let p = parse_format_string("{!x}");
        assert_eq!(
            p.pieces,
            vec![field(FieldArg::Positional(0), vec![], Some('x'), vec![])]
        );
        assert_eq!(
            check_conversion('x').unwrap_err().to_string(),
            "ValueError: Unknown conversion specifier x"
        );
        assert_eq!(
            parse_format_string("{:{:{}}}").pieces.len(),
            1,
            "outer field parses; the nested spec carries the error"
        );
        let FormatPiece::Field(f) = &parse_format_string("{:{:{}}}").pieces[0] else {
            panic!()
        };
        let FormatPiece::Field(inner) = &f.spec.pieces[0] else {
            panic!()
        };
        assert_eq!(
            inner.spec.error.as_ref().unwrap().to_string(),
            "ValueError: Max string recursion exceeded"
        );
        assert_eq!(
            replacement_index_error(5).to_string(),
            "IndexError: Replacement index 5 out of range for positional args tuple"
        );
        assert_eq!(missing_key_error("x").to_string(), "KeyError: 'x'");
    }

    #[test]
    fn errors() {
        let cases: &[(&str, &str)] = &[
            (
                "{}{0}",
                "ValueError: cannot switch from automatic field numbering to manual field specification",
            ),
            (
                "{0}{}",
                "ValueError: cannot switch from manual field specification to automatic field numbering",
            ),
            ("}", "ValueError: Single '}' encountered in format string"),
            ("{", "ValueError: Single '{' encountered in format string"),
            ("a}b", "ValueError: Single '}' encountered in format string"),
            ("{0", "ValueError: expected '}' before end of string"),
            ("{0:", "ValueError: unmatched '{' in format spec"),
            ("{!}", "ValueError: unmatched '{' in format spec"),
            (
                "{!rr}",
                "ValueError: expected ':' after conversion specifier",
            ),
            ("{0[}", "ValueError: expected '}' before end of string"),
            (
                "{0:}}",
                "ValueError: Single '}' encountered in format string",
            ),
            ("{0:{1}", "ValueError: unmatched '{' in format spec"),
            ("{0:{{}}", "ValueError: unmatched '{' in format spec"),
            ("}}{", "ValueError: Single '{' encountered in format string"),
            (
                "{9999999999999999999999}",
                "ValueError: Too many decimal digits in format string",
            ),
            (
                "{!",
                "ValueError: end of string while looking for conversion specifier",
            ),
        ];
        for &(t, want) in cases {
            assert_eq!(err(t), want, "{t:?}");
        }
        let chain = |t: &str| {
            let p = parse_format_string(t);
            let FormatPiece::Field(f) = &p.pieces[0] else {
                panic!()
            };
            f.accessor_error
                .as_ref()
                .map(|e| e.to_string())
                .unwrap_or_default()
        };
        assert_eq!(
            chain("{0.}"),
            "ValueError: Empty attribute in format string"
        );
        assert_eq!(
            chain("{0[]}"),
            "ValueError: Empty attribute in format string"
        );
        assert_eq!(
            chain("{0..a}"),
            "ValueError: Empty attribute in format string"
        );
        assert_eq!(
            chain("{0[1]x}"),
            "ValueError: Only '.' or '[' may follow ']' in format field specifier"
        );
    }
}
