//! Hand-written recursive-descent parser (precedence climbing for binary operators).
//!
//! Errors never abort: each one becomes a [`Diagnostic`], the parser skips to the end
//! of the logical line and goes on, so later mistakes are reported too. At most one
//! diagnostic is reported per logical line, and none when the tokenizer already
//! complained about that line.

mod args;
mod compound;
mod display;
mod expr;
mod literal;

pub use literal::int_value;
mod stmt;

use crate::core::diag::{Diagnostic, Span};
use crate::core::lang::ast::Module;
use crate::core::syntax::lexer::{Lexer, Lines};
use crate::core::syntax::{Op, Token, TokenKind};

/// Maximum depth of the syntax tree (nested expressions, operator and call chains, blocks):
/// deeper input is a diagnostic, so tree walkers can recurse safely.
pub const MAX_DEPTH: usize = 200;

/// Maximum number of nested indented blocks (CPython's limit too).
pub const MAX_BLOCKS: usize = 20;

/// Maximum nesting of parser recursion (brackets, unary operators, lambdas, blocks):
/// keeps the parser's own stack use bounded (about 20 KiB per level in debug builds).
pub const MAX_NESTING: usize = 40;

/// `Err(())` means a diagnostic was recorded (or deliberately suppressed).
pub(crate) type PResult<T> = Result<T, ()>;

/// Parser state over a token vector (comments removed).
pub(crate) struct Parser<'a> {
    src: &'a str,
    /// Line index of `src`.
    lines: Lines,
    toks: Vec<Token>,
    pos: usize,
    /// End offset of the last consumed token.
    prev_end: usize,
    diags: Vec<Diagnostic>,
    /// Start offsets of the tokenizer's diagnostics, sorted.
    lex_errors: Vec<usize>,
    /// Start offset of the current logical line.
    line_start: usize,
    /// A diagnostic was already reported for the current logical line.
    line_has_error: bool,
    depth: usize,
    /// Current parser recursion depth (see [`MAX_NESTING`]).
    nesting: usize,
    /// Current number of enclosing indented blocks (see [`MAX_BLOCKS`]).
    blocks: usize,
    /// The failed statement is an unsupported construct: skip its block unparsed.
    skip_silently: bool,
    /// Number of enclosing `def`s / lambdas (for `return`).
    func_depth: usize,
    /// Number of enclosing loops in the current function (for `break`/`continue`).
    loop_depth: usize,
}

/// Parses a whole script.
pub(crate) fn parse_module(src: &str) -> (Module, Vec<Diagnostic>) {
    let lines = Lines::new(src);
    let (tokens, lex_diags) = Lexer::with_lines(src, lines.clone()).run();
    let mut p = Parser::new(src, tokens, &lex_diags, 0, lines);
    let body = p.statements(false);
    let mut diags = lex_diags;
    diags.extend(p.diags);
    crate::core::sort::sort_by_key(&mut diags, |d| (d.span.start, d.span.end));
    // At most one diagnostic per logical line: the first one.
    let ends: Vec<usize> = p
        .toks
        .iter()
        .filter(|t| t.kind == TokenKind::Newline)
        .map(|t| t.span.end)
        .collect();
    let mut last_line = None;
    diags.retain(|d| {
        let line = ends.partition_point(|&e| e <= d.span.start);
        let keep = last_line != Some(line);
        last_line = Some(line);
        keep
    });
    (Module { body }, diags)
}

impl<'a> Parser<'a> {
    pub(crate) fn new(
        src: &'a str,
        tokens: Vec<Token>,
        lex_diags: &[Diagnostic],
        depth: usize,
        lines: Lines,
    ) -> Self {
        let toks: Vec<Token> = tokens
            .into_iter()
            .filter(|t| t.kind != TokenKind::Comment)
            .collect();
        let mut lex_errors: Vec<usize> = lex_diags.iter().map(|d| d.span.start).collect();
        crate::core::sort::sort(&mut lex_errors);
        Parser {
            src,
            lines,
            toks,
            pos: 0,
            prev_end: 0,
            diags: Vec::new(),
            lex_errors,
            line_start: 0,
            line_has_error: false,
            depth,
            nesting: 0,
            blocks: 0,
            skip_silently: false,
            func_depth: 0,
            loop_depth: 0,
        }
    }

    // ----- token cursor -------------------------------------------------------------

    fn tok(&self) -> &Token {
        let i = self.pos.min(self.toks.len().saturating_sub(1));
        &self.toks[i]
    }

    fn kind(&self) -> &TokenKind {
        &self.tok().kind
    }

    fn nth(&self, n: usize) -> &TokenKind {
        let i = (self.pos + n).min(self.toks.len().saturating_sub(1));
        &self.toks[i].kind
    }

    fn span(&self) -> Span {
        self.tok().span
    }

    /// Consumes the current token and returns its span.
    fn bump(&mut self) -> Span {
        let t = self.tok();
        let span = t.span;
        if !matches!(
            t.kind,
            TokenKind::Newline | TokenKind::Indent | TokenKind::Dedent | TokenKind::EndOfFile
        ) {
            self.prev_end = span.end;
        }
        if self.pos < self.toks.len() - 1 {
            self.pos += 1;
        }
        span
    }

    fn at_op(&self, op: Op) -> bool {
        self.kind().is_op(op)
    }

    fn at_kw(&self, kw: &str) -> bool {
        self.kind().is_name(kw)
    }

    fn eat_op(&mut self, op: Op) -> bool {
        if self.at_op(op) {
            self.bump();
            true
        } else {
            false
        }
    }

    fn eat_kw(&mut self, kw: &str) -> bool {
        if self.at_kw(kw) {
            self.bump();
            true
        } else {
            false
        }
    }

    /// Span from `start` to the end of the last consumed token.
    fn since(&self, start: usize) -> Span {
        Span::new(start, self.prev_end.max(start))
    }

    // ----- diagnostics --------------------------------------------------------------

    /// Did the tokenizer report something on the current logical line, at or before `at`?
    fn lex_error_before(&self, at: usize) -> bool {
        let i = self.lex_errors.partition_point(|&s| s < self.line_start);
        self.lex_errors.get(i).is_some_and(|&s| s <= at)
    }

    /// Records an error (unless this line already has one) and returns `Err(())`.
    fn fail<T>(&mut self, span: Span, msg: impl Into<String>) -> PResult<T> {
        self.report(Diagnostic::error(span, msg));
        Err(())
    }

    /// Like [`Self::fail`] with a hint.
    fn fail_hint<T>(&mut self, span: Span, msg: impl Into<String>, hint: &str) -> PResult<T> {
        self.report(Diagnostic::error(span, msg).with_hint(hint));
        Err(())
    }

    /// Records a diagnostic, at most one per logical line.
    fn report(&mut self, d: Diagnostic) {
        if self.line_has_error {
            return;
        }
        self.line_has_error = true;
        if !self.lex_error_before(d.span.start) {
            self.diags.push(d);
        }
    }

    /// Reports an unsupported construct at `span`.
    fn unsupported(&mut self, span: Span, what: &str, hint: &str) {
        self.skip_silently = true;
        self.report(
            Diagnostic::error(span, format!("{what} not supported in ormlab scripts"))
                .with_hint(hint),
        );
    }

    /// "invalid syntax" at the current token (the usual catch-all).
    fn invalid_syntax<T>(&mut self) -> PResult<T> {
        let t = self.tok().clone();
        match t.kind {
            TokenKind::EndOfFile | TokenKind::Newline => self.fail(t.span, "invalid syntax"),
            TokenKind::Indent => self.fail(t.span, "unexpected indent"),
            _ => self.fail(t.span, "invalid syntax"),
        }
    }

    /// Expects operator `op`; otherwise reports "expected 'op'" right after the previous token.
    fn expect_op(&mut self, op: Op) -> PResult<Span> {
        if self.at_op(op) {
            return Ok(self.bump());
        }
        if matches!(self.kind(), TokenKind::EndOfFile | TokenKind::Newline) || op == Op::Colon {
            let at = Span::at(self.prev_end);
            return self.fail(at, format!("expected '{op}'"));
        }
        self.invalid_syntax()
    }

    /// Runs `f` one nesting level deeper; too deep is a diagnostic, not a stack overflow.
    fn nested<T>(&mut self, f: impl FnOnce(&mut Self) -> PResult<T>) -> PResult<T> {
        if self.depth >= MAX_DEPTH || self.nesting >= MAX_NESTING {
            let span = self.span();
            let msg = match self.kind() {
                TokenKind::Op(Op::LParen | Op::LBracket | Op::LBrace) => {
                    "too many nested parentheses"
                }
                _ => "expression too deeply nested",
            };
            return self.fail_hint(span, msg, "split it into smaller parts using variables");
        }
        self.depth += 1;
        self.nesting += 1;
        let r = f(self);
        self.depth -= 1;
        self.nesting -= 1;
        r
    }

    /// Adds `n` to the depth for left-nested chains (`a.b.c`, `a+b+c`); checked like [`Self::nested`].
    fn deepen(&mut self, chain: &mut usize) -> PResult<()> {
        if self.depth >= MAX_DEPTH {
            let span = self.span();
            self.depth -= *chain;
            *chain = 0;
            return self.fail_hint(
                span,
                "expression too deeply nested",
                "split it into smaller parts using variables",
            );
        }
        self.depth += 1;
        *chain += 1;
        Ok(())
    }

    // ----- recovery -------------------------------------------------------------------

    /// Skips the rest of the logical line (through its NEWLINE).
    fn skip_line(&mut self) {
        loop {
            match self.kind() {
                TokenKind::EndOfFile => return,
                TokenKind::Newline => {
                    self.bump();
                    return;
                }
                _ => {
                    self.bump();
                }
            }
        }
    }

    /// After a failed compound-statement header: skip the line, its indented block,
    /// and the clauses that belong to it (`elif`, `else`, `except`, `finally`).
    fn skip_compound(&mut self) {
        self.skip_line();
        self.skip_block();
        while matches!(self.kind(), TokenKind::Name(n) if ["elif", "else", "except", "finally"].contains(&n.as_str()))
        {
            self.start_line();
            self.skip_line();
            self.skip_block();
        }
        self.skip_silently = false;
    }

    /// Parses (to find errors) and drops an indented block, if one follows; after an
    /// unsupported construct (`skip_silently`), drops it without looking inside.
    fn skip_block(&mut self) {
        if !matches!(self.kind(), TokenKind::Indent) {
            return;
        }
        if !self.skip_silently {
            let _ = self.indented_statements();
            return;
        }
        let mut level = 0usize;
        loop {
            match self.kind() {
                TokenKind::Indent => level += 1,
                TokenKind::Dedent => level = level.saturating_sub(1),
                TokenKind::EndOfFile => break,
                _ => {}
            }
            self.bump();
            if level == 0 {
                break;
            }
        }
    }

    fn start_line(&mut self) {
        self.line_start = self.span().start;
        self.line_has_error = false;
        self.skip_silently = false;
    }
}

#[cfg(test)]
pub(crate) mod tests;

#[cfg(test)]
mod error_tests;
