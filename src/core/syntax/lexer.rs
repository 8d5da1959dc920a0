//! The tokenizer: source text to [`Token`]s, with Python's NEWLINE/INDENT/DEDENT rules.
//!
//! The lexer never panics and never stops early: an invalid character becomes an
//! [`TokenKind::Error`] token plus a diagnostic, and scanning goes on.

use super::token::{Op, Token, TokenKind};
use crate::core::diag::{Diagnostic, Span};
use std::rc::Rc;

/// Offsets of every `\n` in a source text, for quick line numbers.
#[derive(Debug, Clone)]
pub(crate) struct Lines(Rc<[usize]>);

impl Lines {
    /// Indexes `src`.
    pub(crate) fn new(src: &str) -> Self {
        let v: Vec<usize> = src
            .bytes()
            .enumerate()
            .filter(|&(_, b)| b == b'\n')
            .map(|(i, _)| i)
            .collect();
        Lines(v.into())
    }

    /// 1-based line number of byte `offset`.
    pub(crate) fn line_of(&self, offset: usize) -> usize {
        self.0.partition_point(|&nl| nl < offset) + 1
    }
}

/// More open brackets than this is an error (CPython's limit too).
pub(crate) const MAX_BRACKETS: usize = 200;
/// More indentation levels than this is an error (CPython's limit too).
pub(crate) const MAX_INDENT: usize = 100;

/// Tokenizer state. Positions are absolute byte offsets into `src`.
pub(crate) struct Lexer<'a> {
    pub(super) src: &'a str,
    pub(super) pos: usize,
    pub(super) tokens: Vec<Token>,
    pub(super) diags: Vec<Diagnostic>,
    /// Indentation stack: (column with tabs to 8, column with tabs as 1).
    indents: Vec<(usize, usize)>,
    /// Open brackets: the character and its offset.
    brackets: Vec<(char, usize)>,
    /// Lexing the expression of an f-string field: no NEWLINE/INDENT at all.
    nested: bool,
    lines: Lines,
    at_line_start: bool,
    line_has_tokens: bool,
    too_deep: bool,
}

impl<'a> Lexer<'a> {
    /// A lexer for the whole of `src`.
    pub(crate) fn new(src: &'a str) -> Self {
        Lexer::with_lines(src, Lines::new(src))
    }

    /// A lexer for the whole of `src`, whose line index is already known.
    pub(crate) fn with_lines(src: &'a str, lines: Lines) -> Self {
        let mut lx = Lexer {
            src,
            pos: 0,
            tokens: Vec::new(),
            diags: Vec::new(),
            indents: vec![(0, 0)],
            brackets: Vec::new(),
            nested: false,
            lines,
            at_line_start: true,
            line_has_tokens: false,
            too_deep: false,
        };
        if src.starts_with('\u{feff}') {
            lx.pos = '\u{feff}'.len_utf8();
        }
        lx
    }

    /// A lexer for `full[start..end]` as if inside brackets (f-string fields);
    /// spans stay absolute offsets into `full`.
    pub(crate) fn nested(full: &'a str, start: usize, end: usize, lines: Lines) -> Self {
        let end = end.min(full.len());
        let mut lx = Lexer::with_lines(&full[..end], lines);
        lx.pos = start.min(end);
        lx.nested = true;
        lx.at_line_start = false;
        lx
    }

    pub(super) fn peek(&self) -> Option<char> {
        self.src.get(self.pos..).and_then(|s| s.chars().next())
    }

    pub(super) fn peek_at(&self, i: usize) -> Option<char> {
        self.src.get(i..).and_then(|s| s.chars().next())
    }

    pub(super) fn error(&mut self, span: Span, msg: impl Into<String>) {
        self.diags.push(Diagnostic::error(span, msg));
    }

    pub(super) fn error_hint(&mut self, span: Span, msg: impl Into<String>, hint: &str) {
        self.diags
            .push(Diagnostic::error(span, msg).with_hint(hint));
    }

    /// 1-based line number of byte `offset`.
    pub(super) fn line_of(&self, offset: usize) -> usize {
        self.lines.line_of(offset)
    }

    fn push(&mut self, kind: TokenKind, start: usize, end: usize) {
        self.line_has_tokens = true;
        self.tokens.push(Token {
            kind,
            span: Span::new(start, end),
        });
    }

    pub(super) fn push_token(&mut self, kind: TokenKind, start: usize) {
        let end = self.pos;
        self.push(kind, start, end);
    }

    /// Runs to the end of input.
    pub(crate) fn run(mut self) -> (Vec<Token>, Vec<Diagnostic>) {
        loop {
            if self.at_line_start {
                self.at_line_start = false;
                self.indentation();
            }
            while let Some(c) = self.peek() {
                if c == ' ' || c == '\t' || c == '\x0c' {
                    self.pos += 1;
                } else {
                    break;
                }
            }
            let Some(c) = self.peek() else { break };
            let start = self.pos;
            match c {
                '#' => {
                    while let Some(c) = self.peek() {
                        if c == '\n' || c == '\r' {
                            break;
                        }
                        self.pos += c.len_utf8();
                    }
                    self.tokens.push(Token {
                        kind: TokenKind::Comment,
                        span: Span::new(start, self.pos),
                    });
                }
                '\n' | '\r' => {
                    self.pos += 1;
                    if c == '\r' && self.peek() == Some('\n') {
                        self.pos += 1;
                    }
                    if self.brackets.is_empty() && !self.nested {
                        if self.line_has_tokens {
                            self.tokens.push(Token {
                                kind: TokenKind::Newline,
                                span: Span::new(start, self.pos),
                            });
                        }
                        self.line_has_tokens = false;
                        self.at_line_start = true;
                    }
                }
                '\\' => {
                    self.pos += 1;
                    match self.peek() {
                        Some('\n') => self.pos += 1,
                        Some('\r') => {
                            self.pos += 1;
                            if self.peek() == Some('\n') {
                                self.pos += 1;
                            }
                        }
                        None => {
                            self.error(Span::new(start, self.pos), "unexpected EOF while parsing");
                        }
                        Some(_) => {
                            self.error(
                                Span::new(start, self.pos),
                                "unexpected character after line continuation character",
                            );
                            self.push_token(TokenKind::Error, start);
                        }
                    }
                }
                '0'..='9' => self.number(),
                '.' if matches!(self.peek_at(self.pos + 1), Some('0'..='9')) => self.number(),
                '"' | '\'' => self.string(start, ""),
                c if is_ident_start(c) => self.name(),
                _ => self.operator(c),
            }
        }
        let end = self.src.len();
        if self.line_has_tokens && !self.nested {
            self.tokens.push(Token {
                kind: TokenKind::Newline,
                span: Span::at(end),
            });
        }
        if !self.nested {
            if let Some(&(ch, at)) = self.brackets.last()
                && !self.too_deep
            {
                self.error(Span::new(at, at + 1), format!("'{ch}' was never closed"));
            }
            for _ in 1..self.indents.len() {
                self.tokens.push(Token {
                    kind: TokenKind::Dedent,
                    span: Span::at(end),
                });
            }
        }
        self.tokens.push(Token {
            kind: TokenKind::EndOfFile,
            span: Span::at(end),
        });
        (self.tokens, self.diags)
    }

    /// At the start of a physical line outside brackets: INDENT/DEDENT.
    fn indentation(&mut self) {
        let (mut col, mut alt) = (0usize, 0usize);
        while let Some(c) = self.peek() {
            match c {
                ' ' => {
                    col += 1;
                    alt += 1;
                }
                '\t' => {
                    col = (col / 8 + 1) * 8;
                    alt += 1;
                }
                '\x0c' => {
                    col = 0;
                    alt = 0;
                }
                _ => break,
            }
            self.pos += 1;
        }
        match self.peek() {
            None | Some('#') | Some('\n') | Some('\r') => return,
            Some('\\') => {
                // A line that starts with a continuation joins the next one; CPython
                // still measures its indentation, so do the same.
            }
            _ => {}
        }
        let here = Span::at(self.pos);
        let &(top, top_alt) = self.indents.last().unwrap_or(&(0, 0));
        if col == top {
            if alt != top_alt {
                self.inconsistent(here);
            }
        } else if col > top {
            if alt <= top_alt {
                self.inconsistent(here);
            }
            if self.indents.len() > MAX_INDENT {
                self.error(here, "too many levels of indentation");
            } else {
                self.indents.push((col, alt));
            }
            self.tokens.push(Token {
                kind: TokenKind::Indent,
                span: here,
            });
        } else {
            while self.indents.len() > 1 && col < self.indents[self.indents.len() - 1].0 {
                self.indents.pop();
                self.tokens.push(Token {
                    kind: TokenKind::Dedent,
                    span: here,
                });
            }
            let &(top, top_alt) = self.indents.last().unwrap_or(&(0, 0));
            if col != top {
                self.error_hint(
                    here,
                    "unindent does not match any outer indentation level",
                    "line the statement up with the block it belongs to",
                );
            } else if alt != top_alt {
                self.inconsistent(here);
            }
        }
    }

    fn inconsistent(&mut self, span: Span) {
        self.error_hint(
            span,
            "inconsistent use of tabs and spaces in indentation",
            "indent with spaces only",
        );
    }

    fn name(&mut self) {
        let start = self.pos;
        while let Some(c) = self.peek() {
            if is_ident_continue(c) {
                self.pos += c.len_utf8();
            } else {
                break;
            }
        }
        let text = &self.src[start..self.pos];
        if matches!(self.peek(), Some('"') | Some('\'')) && is_string_prefix(text) {
            let prefix = text.to_ascii_lowercase();
            self.string(start, &prefix);
            return;
        }
        let text = text.to_owned();
        self.push_token(TokenKind::Name(text), start);
    }

    /// Consumes digits accepted by `is_digit` with single underscores between them.
    /// Returns (consumed any digit, well formed).
    fn digits(
        &mut self,
        is_digit: fn(char) -> bool,
        allow_leading_underscore: bool,
    ) -> (bool, bool) {
        let mut any = false;
        let mut ok = true;
        let mut prev_underscore = false;
        while let Some(c) = self.peek() {
            if is_digit(c) {
                any = true;
                prev_underscore = false;
            } else if c == '_' {
                if prev_underscore || (!any && !allow_leading_underscore) {
                    ok = false;
                }
                prev_underscore = true;
            } else {
                break;
            }
            self.pos += 1;
        }
        if prev_underscore {
            ok = false;
        }
        (any, ok)
    }

    fn number(&mut self) {
        let start = self.pos;
        let bytes = self.src.as_bytes();
        let radix = if bytes[start] == b'0' {
            match bytes.get(start + 1) {
                Some(b'x' | b'X') => Some((
                    "hexadecimal",
                    (|c: char| c.is_ascii_hexdigit()) as fn(char) -> bool,
                )),
                Some(b'o' | b'O') => Some((
                    "octal",
                    (|c: char| ('0'..='7').contains(&c)) as fn(char) -> bool,
                )),
                Some(b'b' | b'B') => Some((
                    "binary",
                    (|c: char| c == '0' || c == '1') as fn(char) -> bool,
                )),
                _ => None,
            }
        } else {
            None
        };
        if let Some((what, pred)) = radix {
            self.pos += 2;
            let (any, ok) = self.digits(pred, true);
            let bad_tail = self
                .peek()
                .is_some_and(|c| c.is_ascii_alphanumeric() || c == '_');
            if !any || !ok || bad_tail {
                while self
                    .peek()
                    .is_some_and(|c| c.is_ascii_alphanumeric() || c == '_')
                {
                    self.pos += 1;
                }
                self.error(
                    Span::new(start, self.pos),
                    format!("invalid {what} literal"),
                );
            }
            let text = self.src[start..self.pos].to_owned();
            self.push_token(TokenKind::Int(text), start);
            return;
        }
        let dec = |c: char| c.is_ascii_digit();
        let mut well_formed = true;
        let mut is_float = false;
        if self.peek() != Some('.') {
            well_formed &= self.digits(dec, false).1;
        }
        if self.peek() == Some('.') {
            is_float = true;
            self.pos += 1;
            if self.peek().is_some_and(|c| c.is_ascii_digit()) {
                well_formed &= self.digits(dec, false).1;
            } else if self.peek() == Some('_') {
                well_formed = false;
                self.digits(dec, true);
            }
        }
        if matches!(self.peek(), Some('e' | 'E')) {
            let save = self.pos;
            self.pos += 1;
            if matches!(self.peek(), Some('+' | '-')) {
                self.pos += 1;
            }
            if self.peek().is_some_and(|c| c.is_ascii_digit()) {
                is_float = true;
                well_formed &= self.digits(dec, false).1;
            } else {
                self.pos = save;
                self.pos += 1;
                well_formed = false;
            }
        }
        let mut imaginary = false;
        if matches!(self.peek(), Some('j' | 'J')) {
            self.pos += 1;
            imaginary = true;
        }
        // A literal directly followed by a letter: `1abc` (but `1if x else y` is fine).
        if let Some(c) = self.peek()
            && is_ident_continue(c)
        {
            let rest = &self.src[self.pos..];
            let word: String = rest.chars().take_while(|&c| is_ident_continue(c)).collect();
            let keyword_ok =
                ["and", "else", "for", "if", "in", "is", "not", "or"].contains(&word.as_str());
            if !keyword_ok {
                self.pos += word.len();
                well_formed = false;
            }
        }
        let text = self.src[start..self.pos].to_owned();
        let span = Span::new(start, self.pos);
        if !well_formed {
            self.error(span, "invalid decimal literal");
        } else if !is_float
            && !imaginary
            && text.len() > 1
            && text.starts_with('0')
            && text.bytes().any(|b| (b'1'..=b'9').contains(&b))
        {
            self.error_hint(
                span,
                "leading zeros in decimal integer literals are not permitted; use an 0o prefix for octal integers",
                "write 0o17 for octal, or drop the leading zeros",
            );
        }
        let kind = if imaginary {
            TokenKind::Imaginary(text)
        } else if is_float {
            TokenKind::Float(text)
        } else {
            TokenKind::Int(text)
        };
        self.push_token(kind, start);
    }

    fn operator(&mut self, c: char) {
        let start = self.pos;
        let rest = &self.src[start..];
        let op = Op::ALL
            .iter()
            .copied()
            .find(|op| rest.starts_with(op.as_str()));
        let Some(op) = op else {
            self.pos += c.len_utf8();
            let span = Span::new(start, self.pos);
            if c.is_ascii() && !c.is_ascii_control() {
                self.error(span, "invalid syntax");
            } else if !printable(c) {
                self.error(
                    span,
                    format!("invalid non-printable character U+{:04X}", c as u32),
                );
            } else {
                self.error(
                    span,
                    format!("invalid character '{c}' (U+{:04X})", c as u32),
                );
            }
            self.push_token(TokenKind::Error, start);
            return;
        };
        self.pos += op.as_str().len();
        match op {
            Op::LParen | Op::LBracket | Op::LBrace => {
                if self.brackets.len() >= MAX_BRACKETS && !self.too_deep {
                    self.too_deep = true;
                    self.error_hint(
                        Span::new(start, self.pos),
                        "too many nested parentheses",
                        "split the expression using variables",
                    );
                }
                self.brackets.push((c, start));
            }
            Op::RParen | Op::RBracket | Op::RBrace => match self.brackets.pop() {
                None => {
                    if !self.nested {
                        self.error(Span::new(start, self.pos), format!("unmatched '{c}'"));
                    }
                }
                Some((open, at)) => {
                    let expected = match open {
                        '(' => ')',
                        '[' => ']',
                        _ => '}',
                    };
                    if expected != c {
                        let (l1, l2) = (self.line_of(at), self.line_of(start));
                        let msg = if l1 == l2 {
                            format!(
                                "closing parenthesis '{c}' does not match opening parenthesis '{open}'"
                            )
                        } else {
                            format!(
                                "closing parenthesis '{c}' does not match opening parenthesis '{open}' on line {l1}"
                            )
                        };
                        self.error(Span::new(start, self.pos), msg);
                    }
                }
            },
            _ => {}
        }
        self.push_token(TokenKind::Op(op), start);
    }
}

/// Can `c` start an identifier?
pub(crate) fn is_ident_start(c: char) -> bool {
    c == '_' || c.is_alphabetic()
}

/// Can `c` continue an identifier?
pub(crate) fn is_ident_continue(c: char) -> bool {
    c == '_' || c.is_alphanumeric()
}

fn is_string_prefix(text: &str) -> bool {
    matches!(
        text.to_ascii_lowercase().as_str(),
        "r" | "u" | "f" | "b" | "br" | "rb" | "fr" | "rf"
    )
}

/// Python's `str.isprintable()` for the characters a lexer meets outside strings: not a
/// control or format character, nor a separator other than the ASCII space (a
/// non-breaking space pasted from a web page is "non-printable" to Python).
fn printable(c: char) -> bool {
    !(c.is_control()
        || matches!(
            c,
            '\u{a0}'
                | '\u{ad}'
                | '\u{61c}'
                | '\u{1680}'
                | '\u{180e}'
                | '\u{2000}'..='\u{200f}'
                | '\u{2028}'..='\u{202f}'
                | '\u{205f}'..='\u{2064}'
                | '\u{2066}'..='\u{206f}'
                | '\u{3000}'
                | '\u{feff}'
                | '\u{fff9}'..='\u{fffb}'
        ))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn kinds(src: &str) -> Vec<String> {
        let (toks, _) = Lexer::new(src).run();
        toks.iter().map(|t| t.kind.describe()).collect()
    }

    fn errors(src: &str) -> Vec<String> {
        Lexer::new(src)
            .run()
            .1
            .into_iter()
            .map(|d| d.message)
            .collect()
    }

    #[test]
    fn indentation_tokens() {
        let k = kinds("if x:\n    y\n\n  # c\n    z\nw\n");
        let joined = k.join(" ");
        assert_eq!(
            joined,
            "NAME if NAME x OP : NEWLINE INDENT NAME y NEWLINE COMMENT NAME z NEWLINE DEDENT NAME w NEWLINE ENDMARKER"
        );
    }

    #[test]
    fn brackets_suppress_newlines() {
        let k = kinds("f(1,\n  2)\n");
        assert!(!k[..k.len() - 2].contains(&"NEWLINE".to_string()));
    }

    #[test]
    fn numbers() {
        assert_eq!(
            kinds("0x_ff 1_000 1.5e-3 .5 1. 3j 0")[..7].join(" "),
            "INT 0x_ff INT 1_000 FLOAT 1.5e-3 FLOAT .5 FLOAT 1. IMAGINARY 3j INT 0"
        );
        assert_eq!(
            errors("0777"),
            vec![
                "leading zeros in decimal integer literals are not permitted; use an 0o prefix for octal integers"
            ]
        );
        assert_eq!(errors("1__0"), vec!["invalid decimal literal"]);
        assert_eq!(errors("0x"), vec!["invalid hexadecimal literal"]);
        assert_eq!(errors("1abc"), vec!["invalid decimal literal"]);
        assert!(errors("1if x else 2").is_empty());
        assert!(errors("00 0_0 0.0 0e0").is_empty());
    }

    #[test]
    fn dedent_mismatch() {
        assert_eq!(
            errors("if x:\n    a\n  b\n"),
            vec!["unindent does not match any outer indentation level"]
        );
    }

    #[test]
    fn never_panics_on_odd_input() {
        for src in [
            "\\",
            "\\x",
            "(((",
            ")))",
            "'",
            "'''",
            "f'{",
            "\t\t x\n y",
            "\r\r\n",
            "é€",
            "\u{feff}x",
            "0b",
            "1e",
            "1_",
        ] {
            let _ = Lexer::new(src).run();
        }
    }
}
