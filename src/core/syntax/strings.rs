//! String, bytes and f-string literals: finding their end, decoding escapes,
//! and splitting f-strings into literal text and replacement fields.

use super::lexer::Lexer;
use super::token::{FField, FPiece, TokenKind};
use crate::core::diag::Span;

/// F-string format specs may nest fields this deep (CPython allows 2).
const MAX_FSTRING_NESTING: usize = 2;

/// What one backslash escape decodes to.
enum Escape {
    /// A character (text) / an ASCII byte.
    Char(char),
    /// A numeric escape: a code point for text, a byte value for bytes.
    Code(u32),
    /// Nothing (backslash-newline, or an error already reported).
    Nothing,
    /// Not an escape: keep the backslash, then read the next character normally.
    Keep,
}

impl Lexer<'_> {
    /// Lexes a string literal whose prefix (lowercased) starts at `start`; `self.pos`
    /// is at the opening quote.
    pub(super) fn string(&mut self, start: usize, prefix: &str) {
        let raw = prefix.contains('r');
        let bytes = prefix.contains('b');
        let fstr = prefix.contains('f');
        let q = self.peek().unwrap_or('"');
        let triple_q = if q == '"' { "\"\"\"" } else { "'''" };
        let triple = self.src[self.pos..].starts_with(triple_q);
        let qlen = if triple { 3 } else { 1 };
        self.pos += qlen;
        let content_start = self.pos;
        let content_end;
        loop {
            let Some(c) = self.peek() else {
                let end = self.src.len();
                let last = if self.src.ends_with('\n') {
                    end - 1
                } else {
                    end
                };
                let line = self.line_of(last);
                let what = if triple {
                    "unterminated triple-quoted string literal"
                } else {
                    "unterminated string literal"
                };
                self.error(
                    Span::new(start, start + qlen),
                    format!("{what} (detected at line {line})"),
                );
                content_end = self.pos;
                break;
            };
            if c == '\\' {
                self.pos += 1;
                if let Some(n) = self.peek() {
                    self.pos += n.len_utf8();
                    if n == '\r' && self.peek() == Some('\n') {
                        self.pos += 1;
                    }
                }
                continue;
            }
            if (c == '\n' || c == '\r') && !triple {
                let line = self.line_of(self.pos);
                self.error(
                    Span::new(start, start + qlen),
                    format!("unterminated string literal (detected at line {line})"),
                );
                content_end = self.pos;
                break;
            }
            if triple && self.src[self.pos..].starts_with(triple_q) || !triple && c == q {
                content_end = self.pos;
                self.pos += qlen;
                break;
            }
            self.pos += c.len_utf8();
        }
        let kind = if fstr {
            let pieces = self.fpieces(content_start, content_end, raw, 0).0;
            TokenKind::FString(pieces)
        } else if bytes {
            TokenKind::Bytes(self.decode_bytes(content_start, content_end, raw))
        } else {
            TokenKind::Str(self.decode_text(content_start, content_end, raw))
        };
        self.push_token(kind, start);
    }

    /// Decodes the escape whose backslash is at `i`; returns it and the offset after it.
    fn escape(&mut self, i: usize, end: usize, bytes: bool) -> (Escape, usize) {
        let Some(c) = self.src[..end].get(i + 1..).and_then(|s| s.chars().next()) else {
            return (Escape::Keep, i + 1);
        };
        let after = i + 1 + c.len_utf8();
        let simple = |ch: char| (Escape::Char(ch), after);
        match c {
            '\n' => (Escape::Nothing, after),
            '\r' => {
                let next = if self.src[..end]
                    .get(after..)
                    .is_some_and(|s| s.starts_with('\n'))
                {
                    after + 1
                } else {
                    after
                };
                (Escape::Nothing, next)
            }
            '\\' => simple('\\'),
            '\'' => simple('\''),
            '"' => simple('"'),
            'a' => simple('\x07'),
            'b' => simple('\x08'),
            'f' => simple('\x0c'),
            'n' => simple('\n'),
            'r' => simple('\r'),
            't' => simple('\t'),
            'v' => simple('\x0b'),
            '0'..='7' => {
                let mut j = i + 1;
                let mut v = 0u32;
                while j < end && j < i + 4 && (b'0'..=b'7').contains(&self.src.as_bytes()[j]) {
                    v = v * 8 + u32::from(self.src.as_bytes()[j] - b'0');
                    j += 1;
                }
                (Escape::Code(v), j)
            }
            'x' => self.hex_escape(i, end, 2, "\\xXX"),
            'u' if !bytes => self.hex_escape(i, end, 4, "\\uXXXX"),
            'U' if !bytes => self.hex_escape(i, end, 8, "\\UXXXXXXXX"),
            'N' if !bytes => {
                let rest = &self.src[after..end];
                let close = if rest.starts_with('{') {
                    rest.find('}')
                } else {
                    None
                };
                let stop = close.map_or(after, |k| after + k + 1);
                self.error_hint(
                    Span::new(i, stop),
                    "\\N{...} escapes are not supported in ormlab scripts",
                    "write the character itself, or use \\u followed by its 4 hex digits",
                );
                (Escape::Nothing, stop)
            }
            _ => (Escape::Keep, i + 1),
        }
    }

    fn hex_escape(&mut self, i: usize, end: usize, n: usize, what: &str) -> (Escape, usize) {
        let digits_start = i + 2;
        let avail = &self.src.as_bytes()[digits_start.min(end)..end];
        let count = avail
            .iter()
            .take(n)
            .take_while(|b| b.is_ascii_hexdigit())
            .count();
        if count < n {
            let stop = digits_start + count;
            self.error(
                Span::new(i, stop),
                format!("(unicode error) truncated {what} escape"),
            );
            return (Escape::Nothing, stop);
        }
        let text = &self.src[digits_start..digits_start + n];
        let v = u32::from_str_radix(text, 16).unwrap_or(0);
        if n > 2 && char::from_u32(v).is_none() {
            self.error(
                Span::new(i, digits_start + n),
                "(unicode error) illegal Unicode character",
            );
            return (Escape::Nothing, digits_start + n);
        }
        (Escape::Code(v), digits_start + n)
    }

    /// Decodes a text literal's content `start..end`.
    fn decode_text(&mut self, start: usize, end: usize, raw: bool) -> String {
        let mut out = String::with_capacity(end - start);
        let mut i = start;
        while i < end {
            let Some(c) = self.src[i..end].chars().next() else {
                break;
            };
            i = self.text_char(c, i, end, raw, &mut out);
        }
        out
    }

    /// Appends the (decoded) character at `i` to `out`; returns the next offset.
    fn text_char(&mut self, c: char, i: usize, end: usize, raw: bool, out: &mut String) -> usize {
        if c == '\r' {
            out.push('\n');
            return if self.src[..end]
                .get(i + 1..)
                .is_some_and(|s| s.starts_with('\n'))
            {
                i + 2
            } else {
                i + 1
            };
        }
        if c != '\\' || raw {
            out.push(c);
            return i + c.len_utf8();
        }
        let (esc, next) = self.escape(i, end, false);
        match esc {
            Escape::Char(ch) => out.push(ch),
            Escape::Code(v) => out.push(char::from_u32(v).unwrap_or('\u{fffd}')),
            Escape::Nothing => {}
            Escape::Keep => out.push('\\'),
        }
        next
    }

    /// Decodes a bytes literal's content `start..end`.
    fn decode_bytes(&mut self, start: usize, end: usize, raw: bool) -> Vec<u8> {
        let mut out = Vec::with_capacity(end - start);
        let mut i = start;
        let mut reported = false;
        while i < end {
            let Some(c) = self.src[i..end].chars().next() else {
                break;
            };
            if !c.is_ascii() {
                if !reported {
                    reported = true;
                    self.error(
                        Span::new(i, i + c.len_utf8()),
                        "bytes can only contain ASCII literal characters",
                    );
                }
                i += c.len_utf8();
                continue;
            }
            if c == '\r' {
                out.push(b'\n');
                i += if self.src.as_bytes().get(i + 1) == Some(&b'\n') && i + 1 < end {
                    2
                } else {
                    1
                };
                continue;
            }
            if c != '\\' || raw {
                out.push(c as u8);
                i += 1;
                continue;
            }
            let (esc, next) = self.escape(i, end, true);
            match esc {
                Escape::Char(ch) => out.push(ch as u8),
                Escape::Code(v) => out.push((v & 0xff) as u8),
                Escape::Nothing => {}
                Escape::Keep => out.push(b'\\'),
            }
            i = next;
        }
        out
    }

    /// Splits f-string content `i..end` into pieces. Inside a format spec (`depth > 0`)
    /// it stops at the first unmatched `}` and returns its offset.
    fn fpieces(
        &mut self,
        mut i: usize,
        end: usize,
        raw: bool,
        depth: usize,
    ) -> (Vec<FPiece>, usize) {
        let mut pieces = Vec::new();
        let mut lit = String::new();
        let mut lit_start = i;
        while i < end {
            let Some(c) = self.src[i..end].chars().next() else {
                break;
            };
            let next = self.src[..end].get(i + 1..).and_then(|s| s.chars().next());
            if c == '{' {
                if depth == 0 && next == Some('{') {
                    lit.push('{');
                    i += 2;
                    continue;
                }
                flush(&mut pieces, &mut lit, lit_start, i);
                let (field, after) = self.ffield(i, end, raw, depth);
                pieces.push(FPiece::Field(field));
                i = after;
                lit_start = i;
                continue;
            }
            if c == '}' {
                if depth > 0 {
                    break;
                }
                if next == Some('}') {
                    lit.push('}');
                    i += 2;
                    continue;
                }
                self.error_hint(
                    Span::new(i, i + 1),
                    "f-string: single '}' is not allowed",
                    "write '}}' for a literal brace",
                );
                i += 1;
                continue;
            }
            i = self.text_char(c, i, end, raw, &mut lit);
        }
        flush(&mut pieces, &mut lit, lit_start, i);
        (pieces, i)
    }

    /// Scans one replacement field whose `{` is at `open`; returns it and the offset after `}`.
    fn ffield(&mut self, open: usize, end: usize, raw: bool, depth: usize) -> (FField, usize) {
        let expr_start = open + 1;
        let mut i = expr_start;
        let mut stack: Vec<char> = Vec::new();
        let mut reported = false;
        let b = self.src.as_bytes();
        let mut stop = None;
        while i < end {
            let c = b[i];
            match c {
                b'\'' | b'"' => {
                    let triple = i + 2 < end && b[i + 1] == c && b[i + 2] == c;
                    let ql = if triple { 3 } else { 1 };
                    let mut j = i + ql;
                    let mut closed = false;
                    while j < end {
                        if b[j] == c && (!triple || (j + 2 < end && b[j + 1] == c && b[j + 2] == c))
                        {
                            j += ql;
                            closed = true;
                            break;
                        }
                        j += 1;
                    }
                    if !closed && !reported {
                        reported = true;
                        self.error(Span::new(i, j), "f-string: unterminated string");
                    }
                    i = j;
                    continue;
                }
                b'\\' if !reported => {
                    reported = true;
                    self.error(
                        Span::new(i, i + 1),
                        "f-string expression part cannot include a backslash",
                    );
                }
                b'#' if !reported => {
                    reported = true;
                    self.error(
                        Span::new(i, i + 1),
                        "f-string expression part cannot include '#'",
                    );
                }
                b'(' | b'[' | b'{' => stack.push(c as char),
                b')' | b']' | b'}' if stack.pop().is_none() => {
                    if c == b'}' {
                        stop = Some('}');
                        break;
                    }
                    if !reported {
                        reported = true;
                        self.error(
                            Span::new(i, i + 1),
                            format!("f-string: unmatched '{}'", c as char),
                        );
                    }
                }
                b'!' if stack.is_empty() && b.get(i + 1) != Some(&b'=') => {
                    stop = Some('!');
                    break;
                }
                b'!' => i += 1,
                b':' if stack.is_empty() => {
                    stop = Some(':');
                    break;
                }
                b'=' if stack.is_empty() => {
                    let prev = if i > expr_start { b[i - 1] } else { b' ' };
                    if b.get(i + 1) == Some(&b'=') {
                        i += 1;
                    } else if !matches!(prev, b'=' | b'!' | b'<' | b'>') {
                        stop = Some('=');
                        break;
                    }
                }
                _ => {}
            }
            i += 1;
        }
        let expr_end = i.min(end);
        let mut field = FField {
            expr_span: Span::new(expr_start, expr_end),
            debug: None,
            conversion: None,
            spec: None,
            span: Span::new(open, expr_end),
        };
        if self.src[expr_start..expr_end].trim().is_empty() && stop.is_some() {
            self.error(
                Span::new(open, expr_end + 1),
                "f-string: empty expression not allowed",
            );
            reported = true;
        }
        if stop == Some('=') {
            i += 1;
            while i < end && (b[i] == b' ' || b[i] == b'\t') {
                i += 1;
            }
            field.debug = Some(Span::new(expr_start, i));
            stop = match b.get(i) {
                Some(b'!') if i < end => Some('!'),
                Some(b':') if i < end => Some(':'),
                Some(b'}') if i < end => Some('}'),
                _ => None,
            };
        }
        if stop == Some('!') {
            i += 1;
            let conv = self.src[..end].get(i..).and_then(|s| s.chars().next());
            match conv {
                Some(ch @ ('r' | 's' | 'a')) => {
                    field.conversion = Some((ch, Span::new(i, i + 1)));
                    i += 1;
                }
                Some(ch) if ch != '}' && ch != ':' => {
                    self.error(
                        Span::new(i, i + ch.len_utf8()),
                        format!("f-string: invalid conversion character '{ch}': expected 's', 'r', or 'a'"),
                    );
                    reported = true;
                    i += ch.len_utf8();
                }
                _ => {
                    self.error(
                        Span::new(i.min(end), i.min(end)),
                        "f-string: missing conversion character",
                    );
                    reported = true;
                }
            }
            stop = match b.get(i) {
                Some(b':') if i < end => Some(':'),
                Some(b'}') if i < end => Some('}'),
                _ => None,
            };
        }
        if stop == Some(':') {
            i += 1;
            if depth >= MAX_FSTRING_NESTING {
                self.error(
                    Span::new(open, i),
                    "f-string: expressions nested too deeply",
                );
                reported = true;
            }
            let (spec, after) = self.fpieces(i, end, raw, depth + 1);
            field.spec = Some(spec);
            i = after;
            stop = if i < end && b[i] == b'}' {
                Some('}')
            } else {
                None
            };
        }
        if stop == Some('}') {
            i += 1;
        } else if !reported {
            self.error_hint(
                Span::new(open, open + 1),
                "f-string: expecting '}'",
                "close the replacement field with '}'",
            );
        }
        field.span = Span::new(open, i.min(end));
        (field, i.min(end).max(open + 1))
    }
}

fn flush(pieces: &mut Vec<FPiece>, lit: &mut String, start: usize, end: usize) {
    if !lit.is_empty() {
        pieces.push(FPiece::Literal {
            text: std::mem::take(lit),
            span: Span::new(start, end),
        });
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn one(src: &str) -> (TokenKind, Vec<String>) {
        let (toks, diags) = Lexer::new(src).run();
        (
            toks[0].kind.clone(),
            diags.into_iter().map(|d| d.message).collect(),
        )
    }

    #[test]
    fn escapes() {
        assert_eq!(
            one(r#"'a\n\t\\\'\"\x41\u00e9\U0001F600\101'"#).0,
            TokenKind::Str("a\n\t\\'\"Aé😀A".into())
        );
        assert_eq!(one(r"r'a\n'").0, TokenKind::Str("a\\n".into()));
        assert_eq!(
            one(r"b'\x00\xffa\u'").0,
            TokenKind::Bytes(vec![0, 255, b'a', b'\\', b'u'])
        );
        assert_eq!(one("'a\\\nb'").0, TokenKind::Str("ab".into()));
        assert_eq!(one(r"'\d'").0, TokenKind::Str("\\d".into()));
        assert_eq!(one("'''a\r\nb'''").0, TokenKind::Str("a\nb".into()));
    }

    #[test]
    fn string_errors() {
        assert_eq!(
            one("'abc\nx").1,
            vec!["unterminated string literal (detected at line 1)"]
        );
        assert_eq!(
            one("'''abc\n\nx").1,
            vec!["unterminated triple-quoted string literal (detected at line 3)"]
        );
        assert_eq!(
            one(r"'\x4'").1,
            vec!["(unicode error) truncated \\xXX escape"]
        );
        assert_eq!(
            one("b'é'").1,
            vec!["bytes can only contain ASCII literal characters"]
        );
        assert_eq!(
            one(r"'\N{DASH}'").1,
            vec!["\\N{...} escapes are not supported in ormlab scripts"]
        );
    }

    #[test]
    fn fstring_pieces() {
        let (k, d) = one("f'a{{b}}{x!r:>{w}.2f} {y=}'");
        assert!(d.is_empty(), "{d:?}");
        let TokenKind::FString(p) = k else { panic!() };
        assert_eq!(p.len(), 4);
        assert!(matches!(&p[0], FPiece::Literal { text, .. } if text == "a{b}"));
        let FPiece::Field(f) = &p[1] else { panic!() };
        assert_eq!(f.conversion.map(|c| c.0), Some('r'));
        assert_eq!(f.spec.as_ref().map(|s| s.len()), Some(3));
        let FPiece::Field(g) = &p[3] else { panic!() };
        assert!(g.debug.is_some());
    }

    #[test]
    fn fstring_errors() {
        assert_eq!(
            one("f'{}'").1,
            vec!["f-string: empty expression not allowed"]
        );
        assert_eq!(one("f'{x'").1, vec!["f-string: expecting '}'"]);
        assert_eq!(one("f'}'").1, vec!["f-string: single '}' is not allowed"]);
        assert_eq!(
            one("f'{x!z}'").1,
            vec!["f-string: invalid conversion character 'z': expected 's', 'r', or 'a'"]
        );
        assert!(
            one("f'{a != b} {a == b} {a >= b} {d[\"k\"]} {f(x=1)}'")
                .1
                .is_empty()
        );
    }
}
