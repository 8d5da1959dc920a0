//! Statements: simple statements, compound statements, blocks and imports.

use super::args::TargetCtx;
use super::{PResult, Parser};
use crate::core::diag::{Diagnostic, Span};
use crate::core::lang::ast::*;
use crate::core::syntax::{Op, TokenKind, is_keyword};

impl Parser<'_> {
    /// Statements until end of input, or until a DEDENT when `in_block`.
    pub(super) fn statements(&mut self, in_block: bool) -> Vec<Stmt> {
        let mut out = Vec::new();
        loop {
            match self.kind() {
                TokenKind::EndOfFile => break,
                TokenKind::Dedent => {
                    if in_block {
                        break;
                    }
                    self.bump();
                }
                TokenKind::Newline => {
                    self.bump();
                }
                TokenKind::Indent => {
                    self.start_line();
                    let span = self.span();
                    self.report(
                        Diagnostic::error(span, "unexpected indent")
                            .with_hint("remove the extra indentation"),
                    );
                    let inner = self.indented_statements();
                    out.extend(inner);
                }
                _ => self.statement(&mut out),
            }
        }
        out
    }

    fn statement(&mut self, out: &mut Vec<Stmt>) {
        self.start_line();
        let start = self.span().start;
        let compound = match self.kind() {
            TokenKind::Name(n) => {
                matches!(
                    n.as_str(),
                    "if" | "while" | "for" | "try" | "with" | "def" | "class" | "async"
                ) || (n == "match" && self.looks_like_match())
            }
            TokenKind::Op(Op::At) => true,
            _ => false,
        };
        if compound {
            match self.compound(start, Vec::new()) {
                Ok(s) => out.push(s),
                Err(()) => self.skip_compound(),
            }
        } else if self.simple_line(out).is_err() {
            // A block after a broken line (`else:` without `if`...) belongs to it.
            self.skip_line();
            self.skip_block();
            self.skip_silently = false;
        }
    }

    /// `match x:` (a soft keyword): `match` then something expression-like, line ending in `:`.
    fn looks_like_match(&self) -> bool {
        let starts_expr = match self.nth(1) {
            TokenKind::Name(n) => {
                !is_keyword(n) || ["None", "True", "False", "not", "lambda"].contains(&n.as_str())
            }
            TokenKind::Int(_) | TokenKind::Float(_) | TokenKind::Str(_) | TokenKind::FString(_) => {
                true
            }
            TokenKind::Op(op) => matches!(
                op,
                Op::LParen | Op::LBracket | Op::LBrace | Op::Minus | Op::Star
            ),
            _ => false,
        };
        if !starts_expr {
            return false;
        }
        let mut i = self.pos + 1;
        while i + 1 < self.toks.len()
            && !matches!(
                self.toks[i + 1].kind,
                TokenKind::Newline | TokenKind::EndOfFile
            )
        {
            i += 1;
        }
        self.toks[i].kind.is_op(Op::Colon)
    }

    pub(super) fn line_of(&self, offset: usize) -> usize {
        self.lines.line_of(offset)
    }

    /// After a header's `:`: an indented block, or simple statements on the same line.
    pub(super) fn block(&mut self, what: &str, header_start: usize) -> Vec<Stmt> {
        if !matches!(self.kind(), TokenKind::Newline | TokenKind::EndOfFile) {
            let mut body = Vec::new();
            if self.simple_line(&mut body).is_err() {
                self.skip_line();
            }
            return body;
        }
        self.eat_newline();
        if !matches!(self.kind(), TokenKind::Indent) {
            let line = self.line_of(header_start);
            let span = self.span();
            self.line_has_error = false;
            self.report(
                Diagnostic::error(
                    span,
                    format!("expected an indented block after {what} on line {line}"),
                )
                .with_hint(
                    "indent the statements that belong to it, e.g. with 4 spaces (or write 'pass')",
                ),
            );
            return Vec::new();
        }
        self.indented_statements()
    }

    /// At an INDENT: the statements of the block through its DEDENT (the whole block
    /// is skipped when nesting is too deep).
    pub(super) fn indented_statements(&mut self) -> Vec<Stmt> {
        let body = if self.blocks >= super::MAX_BLOCKS {
            let span = self.span();
            self.fail_hint(
                span,
                "too many statically nested blocks",
                "move the inner part into a function",
            )
        } else {
            self.blocks += 1;
            let r = self.nested(|p| {
                p.bump();
                Ok(p.statements(true))
            });
            self.blocks -= 1;
            r
        };
        match body {
            Ok(body) => {
                if matches!(self.kind(), TokenKind::Dedent) {
                    self.bump();
                }
                body
            }
            Err(()) => {
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
                Vec::new()
            }
        }
    }

    pub(super) fn eat_newline(&mut self) {
        if matches!(self.kind(), TokenKind::Newline) {
            self.bump();
        }
    }

    /// Expects the `:` ending a compound-statement header.
    pub(super) fn header_colon(&mut self) -> PResult<()> {
        if self.at_op(Op::Colon) {
            self.bump();
            return Ok(());
        }
        if self.at_op(Op::Eq) {
            let span = self.span();
            return self.fail_hint(
                span,
                "invalid syntax. Maybe you meant '==' or ':=' instead of '='?",
                "'==' compares two values",
            );
        }
        let at = Span::at(self.prev_end);
        if self.at_kw("if") && self.toks[self.pos.saturating_sub(1)].kind.is_name("else") {
            return self.fail_hint(at, "expected ':'", "write 'elif' instead of 'else if'");
        }
        self.fail_hint(
            at,
            "expected ':'",
            "the header line of a block ends with ':'",
        )
    }

    /// Simple statements separated by `;`, then NEWLINE.
    pub(super) fn simple_line(&mut self, out: &mut Vec<Stmt>) -> PResult<()> {
        loop {
            let s = self.small_stmt()?;
            out.push(s);
            if self.eat_op(Op::Semi) {
                if matches!(self.kind(), TokenKind::Newline | TokenKind::EndOfFile) {
                    break;
                }
                continue;
            }
            break;
        }
        match self.kind() {
            TokenKind::Newline => {
                self.bump();
                Ok(())
            }
            TokenKind::EndOfFile => Ok(()),
            _ => self.invalid_syntax(),
        }
    }

    fn small_stmt(&mut self) -> PResult<Stmt> {
        let start = self.span().start;
        let first = self.span();
        let kw = match self.kind() {
            TokenKind::Name(n) => n.clone(),
            _ => String::new(),
        };
        let kind = match kw.as_str() {
            "pass" => {
                self.bump();
                StmtKind::Pass
            }
            "break" | "continue" => {
                self.bump();
                if self.loop_depth == 0 {
                    let msg = if kw == "break" {
                        "'break' outside loop"
                    } else {
                        "'continue' not properly in loop"
                    };
                    self.report(Diagnostic::error(first, msg));
                }
                if kw == "break" {
                    StmtKind::Break
                } else {
                    StmtKind::Continue
                }
            }
            "return" => {
                self.bump();
                if self.func_depth == 0 {
                    self.report(Diagnostic::error(first, "'return' outside function"));
                }
                let value = if self.at_simple_end() {
                    None
                } else {
                    Some(self.star_expressions()?)
                };
                StmtKind::Return(value)
            }
            "raise" => {
                self.bump();
                let (mut exc, mut cause) = (None, None);
                if !self.at_simple_end() {
                    exc = Some(self.expression()?);
                    if self.eat_kw("from") {
                        cause = Some(self.expression()?);
                    }
                }
                StmtKind::Raise { exc, cause }
            }
            "global" | "nonlocal" => {
                self.bump();
                let mut names = vec![self.ident()?];
                while self.eat_op(Op::Comma) {
                    names.push(self.ident()?);
                }
                if kw == "global" {
                    StmtKind::Global(names)
                } else {
                    if self.func_depth == 0 {
                        self.report(Diagnostic::error(
                            first,
                            "nonlocal declaration not allowed at module level",
                        ));
                    }
                    StmtKind::Nonlocal(names)
                }
            }
            "del" => {
                self.bump();
                let mut targets = Vec::new();
                loop {
                    let t = self.bitwise_or()?;
                    self.check_target(&t, TargetCtx::Del)?;
                    targets.push(t);
                    if !self.eat_op(Op::Comma) || self.at_simple_end() {
                        break;
                    }
                }
                StmtKind::Delete(targets)
            }
            "assert" => {
                self.bump();
                let test = self.expression()?;
                let msg = if self.eat_op(Op::Comma) {
                    Some(self.expression()?)
                } else {
                    None
                };
                StmtKind::Assert { test, msg }
            }
            "import" => self.import()?,
            "from" => self.import_from()?,
            "print" if self.looks_like_print_statement() => {
                let mut end = first.end;
                while !matches!(self.kind(), TokenKind::Newline | TokenKind::EndOfFile) {
                    end = self.bump().end;
                }
                return self.fail_hint(
                    Span::new(start, end),
                    "Missing parentheses in call to 'print'. Did you mean print(...)?",
                    "Python 3 needs print(...)",
                );
            }
            _ => return self.expr_stmt(start),
        };
        Ok(Stmt {
            kind,
            span: self.since(start),
        })
    }

    fn looks_like_print_statement(&self) -> bool {
        match self.nth(1) {
            TokenKind::Str(_) | TokenKind::FString(_) | TokenKind::Int(_) | TokenKind::Float(_) => {
                true
            }
            TokenKind::Name(n) => !is_keyword(n),
            _ => false,
        }
    }

    fn at_simple_end(&self) -> bool {
        matches!(
            self.kind(),
            TokenKind::Newline | TokenKind::EndOfFile | TokenKind::Op(Op::Semi)
        )
    }

    /// Expression statement, assignment, augmented or annotated assignment.
    fn expr_stmt(&mut self, start: usize) -> PResult<Stmt> {
        let first = self.star_expressions_or_yield()?;
        if self.at_op(Op::Colon) {
            self.bump();
            let what = match &first.kind {
                ExprKind::Name(_) | ExprKind::Attribute { .. } | ExprKind::Subscript { .. } => None,
                ExprKind::Tuple(_) => Some("only single target (not tuple) can be annotated"),
                ExprKind::List(_) => Some("only single target (not list) can be annotated"),
                _ => Some("illegal target for annotation"),
            };
            if let Some(msg) = what {
                return self.fail(first.span, msg);
            }
            let annotation = self.expression()?;
            let value = if self.eat_op(Op::Eq) {
                Some(self.star_expressions_or_yield()?)
            } else {
                None
            };
            let kind = StmtKind::AnnAssign {
                target: first,
                annotation,
                value,
            };
            return Ok(Stmt {
                kind,
                span: self.since(start),
            });
        }
        if let TokenKind::Op(op) = *self.kind()
            && let Some(bin) = aug_op(op)
        {
            self.check_target(&first, TargetCtx::AugAssign)?;
            self.bump();
            let value = self.star_expressions_or_yield()?;
            let kind = StmtKind::AugAssign {
                target: first,
                op: bin,
                value,
            };
            return Ok(Stmt {
                kind,
                span: self.since(start),
            });
        }
        if self.at_op(Op::Eq) {
            let mut exprs = vec![first];
            while self.eat_op(Op::Eq) {
                exprs.push(self.star_expressions_or_yield()?);
            }
            let value = exprs
                .pop()
                .unwrap_or_else(|| Expr::new(ExprKind::Error, Span::at(start)));
            for t in &exprs {
                self.check_target(t, TargetCtx::Assign)?;
            }
            let kind = StmtKind::Assign {
                targets: exprs,
                value,
            };
            return Ok(Stmt {
                kind,
                span: self.since(start),
            });
        }
        if let ExprKind::Starred(_) = first.kind {
            return self.fail(first.span, "can't use starred expression here");
        }
        Ok(Stmt {
            kind: StmtKind::Expr(first),
            span: self.since(start),
        })
    }

    fn dotted_name(&mut self) -> PResult<Ident> {
        let first = self.ident()?;
        let mut name = first.name;
        let start = first.span.start;
        while self.at_op(Op::Dot) {
            self.bump();
            let part = self.ident()?;
            name.push('.');
            name.push_str(&part.name);
        }
        Ok(Ident {
            name,
            span: self.since(start),
        })
    }

    fn import(&mut self) -> PResult<StmtKind> {
        self.bump();
        let mut names = Vec::new();
        loop {
            let name = self.dotted_name()?;
            let start = name.span.start;
            let asname = if self.eat_kw("as") {
                Some(self.ident()?)
            } else {
                None
            };
            names.push(Alias {
                name,
                asname,
                span: self.since(start),
            });
            if !self.eat_op(Op::Comma) {
                break;
            }
        }
        Ok(StmtKind::Import(names))
    }

    fn import_from(&mut self) -> PResult<StmtKind> {
        self.bump();
        let mut level = 0;
        loop {
            if self.eat_op(Op::Dot) {
                level += 1;
            } else if self.eat_op(Op::Ellipsis) {
                level += 3;
            } else {
                break;
            }
        }
        let module = if self.at_kw("import") && level > 0 {
            None
        } else {
            Some(self.dotted_name()?)
        };
        if !self.eat_kw("import") {
            let at = self.span();
            return self.fail(at, "expected 'import'");
        }
        let mut names = Vec::new();
        if self.at_op(Op::Star) {
            let t = self.bump();
            names.push(Alias {
                name: Ident {
                    name: "*".into(),
                    span: t,
                },
                asname: None,
                span: t,
            });
            return Ok(StmtKind::ImportFrom {
                module,
                level,
                names,
            });
        }
        let paren = self.eat_op(Op::LParen);
        loop {
            let name = self.ident()?;
            let start = name.span.start;
            let asname = if self.eat_kw("as") {
                Some(self.ident()?)
            } else {
                None
            };
            names.push(Alias {
                name,
                asname,
                span: self.since(start),
            });
            if !self.eat_op(Op::Comma) {
                break;
            }
            if paren && self.at_op(Op::RParen) {
                break;
            }
            if !paren && self.at_simple_end() {
                let at = self.span();
                return self.fail_hint(
                    at,
                    "trailing comma not allowed without surrounding parentheses",
                    "remove the last ','",
                );
            }
        }
        if paren {
            self.expect_op(Op::RParen)?;
        }
        Ok(StmtKind::ImportFrom {
            module,
            level,
            names,
        })
    }
}

fn aug_op(op: Op) -> Option<BinOp> {
    Some(match op {
        Op::PlusEq => BinOp::Add,
        Op::MinusEq => BinOp::Sub,
        Op::StarEq => BinOp::Mult,
        Op::AtEq => BinOp::MatMult,
        Op::SlashEq => BinOp::Div,
        Op::PercentEq => BinOp::Mod,
        Op::StarStarEq => BinOp::Pow,
        Op::ShlEq => BinOp::LShift,
        Op::ShrEq => BinOp::RShift,
        Op::PipeEq => BinOp::BitOr,
        Op::CaretEq => BinOp::BitXor,
        Op::AmpEq => BinOp::BitAnd,
        Op::SlashSlashEq => BinOp::FloorDiv,
        _ => return None,
    })
}

#[cfg(test)]
mod tests {
    use crate::core::lang::ast::*;
    use crate::core::lang::parse;

    fn stmts(src: &str) -> Vec<StmtKind> {
        let p = parse(src);
        assert!(p.diagnostics.is_empty(), "{src}: {:?}", p.diagnostics);
        p.module.body.into_iter().map(|s| s.kind).collect()
    }

    #[test]
    fn assignments() {
        let s = stmts("a = b = 1\nx += 2\ny: int\nz: Optional[str] = None\n");
        assert!(matches!(&s[0], StmtKind::Assign { targets, .. } if targets.len() == 2));
        assert!(matches!(&s[1], StmtKind::AugAssign { op: BinOp::Add, .. }));
        assert!(matches!(&s[2], StmtKind::AnnAssign { value: None, .. }));
        assert!(matches!(&s[3], StmtKind::AnnAssign { value: Some(_), .. }));
    }

    #[test]
    fn imports() {
        let s = stmts(
            "import a.b as c, d\nfrom ..x.y import (p as q, r,)\nfrom . import z\nfrom m import *\n",
        );
        let StmtKind::Import(names) = &s[0] else {
            panic!()
        };
        assert_eq!(names[0].name.name, "a.b");
        assert_eq!(names[0].asname.as_ref().map(|n| n.name.as_str()), Some("c"));
        assert!(matches!(&s[1], StmtKind::ImportFrom { level: 2, names, .. } if names.len() == 2));
        assert!(matches!(
            &s[2],
            StmtKind::ImportFrom {
                level: 1,
                module: None,
                ..
            }
        ));
        assert!(matches!(&s[3], StmtKind::ImportFrom { names, .. } if names[0].name.name == "*"));
    }

    #[test]
    fn simple_statements_on_one_line() {
        let s = stmts("a = 1; b = 2; pass;\nassert a, 'msg'\nglobal g, h\nraise\n");
        assert_eq!(s.len(), 6);
        assert!(matches!(&s[3], StmtKind::Assert { msg: Some(_), .. }));
        assert!(matches!(&s[4], StmtKind::Global(n) if n.len() == 2));
        assert!(matches!(
            &s[5],
            StmtKind::Raise {
                exc: None,
                cause: None
            }
        ));
    }

    #[test]
    fn soft_keyword_match_is_a_name() {
        let s = stmts("match = re.match(p, s)\nmatch.group(1)\nprint(match)\n");
        assert_eq!(s.len(), 3);
    }
}
