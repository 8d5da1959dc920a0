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
                    self.bump();
                    self.report(
                        Diagnostic::error(span, "unexpected indent")
                            .with_hint("remove the extra indentation"),
                    );
                    if let Ok(inner) = self.nested(|p| Ok(p.statements(true))) {
                        out.extend(inner);
                    }
                    if matches!(self.kind(), TokenKind::Dedent) {
                        self.bump();
                    }
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
            self.skip_line();
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

    fn line_of(&self, offset: usize) -> usize {
        let offset = offset.min(self.src.len());
        self.src.as_bytes()[..offset]
            .iter()
            .filter(|&&b| b == b'\n')
            .count()
            + 1
    }

    /// After a header's `:`: an indented block, or simple statements on the same line.
    fn block(&mut self, what: &str, header_start: usize) -> Vec<Stmt> {
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
        self.bump();
        let body = self.nested(|p| Ok(p.statements(true))).unwrap_or_default();
        if matches!(self.kind(), TokenKind::Dedent) {
            self.bump();
        }
        body
    }

    fn eat_newline(&mut self) {
        if matches!(self.kind(), TokenKind::Newline) {
            self.bump();
        }
    }

    /// Expects the `:` ending a compound-statement header.
    fn header_colon(&mut self) -> PResult<()> {
        if self.at_op(Op::Colon) {
            self.bump();
            return Ok(());
        }
        if self.at_op(Op::Eq) {
            let span = self.span();
            return self.fail(
                span,
                "invalid syntax. Maybe you meant '==' or ':=' instead of '='?",
            );
        }
        let at = Span::at(self.prev_end);
        if self.at_kw("if") && self.toks[self.pos.saturating_sub(1)].kind.is_name("else") {
            return self.fail_hint(at, "expected ':'", "write 'elif' instead of 'else if'");
        }
        self.fail(at, "expected ':'")
    }

    fn compound(&mut self, start: usize, decorators: Vec<Expr>) -> PResult<Stmt> {
        let kw = match self.kind() {
            TokenKind::Name(n) => n.clone(),
            _ => String::new(),
        };
        if self.at_op(Op::At) {
            return self.decorated(start);
        }
        if !decorators.is_empty() && kw != "def" && kw != "class" && kw != "async" {
            let span = self.span();
            return self.fail_hint(
                span,
                "invalid syntax",
                "a decorator must be followed by 'def' or 'class'",
            );
        }
        match kw.as_str() {
            "if" => self.if_stmt(start),
            "while" => self.while_stmt(start),
            "for" => self.for_stmt(start),
            "try" => self.try_stmt(start),
            "with" => self.with_stmt(start),
            "def" => self.def_stmt(start, decorators),
            "class" => self.class_stmt(start, decorators),
            "async" => {
                let span = self.span();
                self.unsupported(
                    span,
                    "'async' is",
                    "write ordinary (synchronous) code: 'def', 'for', 'with'",
                );
                Err(())
            }
            _ => {
                let span = self.span();
                self.unsupported(span, "'match' statements are", "use if/elif/else");
                Err(())
            }
        }
    }

    fn decorated(&mut self, start: usize) -> PResult<Stmt> {
        let mut decorators = Vec::new();
        while self.eat_op(Op::At) {
            let d = self.named_expression()?;
            decorators.push(d);
            if !matches!(self.kind(), TokenKind::Newline) {
                return self.invalid_syntax();
            }
            self.bump();
            self.start_line();
        }
        self.compound(start, decorators)
    }

    fn if_stmt(&mut self, start: usize) -> PResult<Stmt> {
        self.bump();
        let test = self.named_expression()?;
        self.header_colon()?;
        let body = self.block("'if' statement", start);
        let mut clauses = vec![(start, test, body)];
        let mut orelse = Vec::new();
        loop {
            if self.at_kw("elif") {
                self.start_line();
                let s = self.span().start;
                self.bump();
                let header = self
                    .named_expression()
                    .and_then(|t| self.header_colon().map(|_| t));
                match header {
                    Ok(test) => {
                        let body = self.block("'elif' statement", s);
                        clauses.push((s, test, body));
                    }
                    Err(()) => {
                        self.skip_line();
                        self.skip_block();
                    }
                }
            } else if self.at_kw("else") {
                self.start_line();
                let s = self.span().start;
                self.bump();
                if self.header_colon().is_ok() {
                    orelse = self.block("'else' statement", s);
                } else {
                    self.skip_line();
                    self.skip_block();
                }
                break;
            } else {
                break;
            }
        }
        let end = self.prev_end;
        while let Some((s, test, body)) = clauses.pop() {
            let stmt = Stmt {
                kind: StmtKind::If { test, body, orelse },
                span: Span::new(s, end),
            };
            if clauses.is_empty() {
                return Ok(stmt);
            }
            orelse = vec![stmt];
        }
        self.invalid_syntax()
    }

    /// An optional `else:` clause after a loop or `try`.
    fn else_clause(&mut self) -> Vec<Stmt> {
        if !self.at_kw("else") {
            return Vec::new();
        }
        self.start_line();
        let s = self.span().start;
        self.bump();
        if self.header_colon().is_ok() {
            self.block("'else' statement", s)
        } else {
            self.skip_line();
            self.skip_block();
            Vec::new()
        }
    }

    fn loop_body(&mut self, what: &str, start: usize) -> Vec<Stmt> {
        self.loop_depth += 1;
        let body = self.block(what, start);
        self.loop_depth -= 1;
        body
    }

    fn while_stmt(&mut self, start: usize) -> PResult<Stmt> {
        self.bump();
        let test = self.named_expression()?;
        self.header_colon()?;
        let body = self.loop_body("'while' statement", start);
        let orelse = self.else_clause();
        Ok(Stmt {
            kind: StmtKind::While { test, body, orelse },
            span: self.since(start),
        })
    }

    fn for_stmt(&mut self, start: usize) -> PResult<Stmt> {
        self.bump();
        let target = self.target_list()?;
        self.check_target(&target, TargetCtx::For)?;
        if !self.eat_kw("in") {
            let at = if self.at_op(Op::Colon) {
                Span::at(self.prev_end)
            } else {
                self.span()
            };
            return self.fail(at, "expected 'in'");
        }
        let iter = self.star_expressions()?;
        self.header_colon()?;
        let body = self.loop_body("'for' statement", start);
        let orelse = self.else_clause();
        Ok(Stmt {
            kind: StmtKind::For {
                target,
                iter,
                body,
                orelse,
            },
            span: self.since(start),
        })
    }

    fn try_stmt(&mut self, start: usize) -> PResult<Stmt> {
        self.bump();
        self.header_colon()?;
        let body = self.block("'try' statement", start);
        let mut handlers = Vec::new();
        while self.at_kw("except") {
            self.start_line();
            let s = self.span().start;
            self.bump();
            match self.except_header(s) {
                Ok((typ, name, span)) => {
                    let body = self.block("'except' statement", s);
                    handlers.push(ExceptHandler {
                        typ,
                        name,
                        body,
                        span,
                    });
                }
                Err(()) => {
                    self.skip_line();
                    self.skip_block();
                }
            }
        }
        let orelse = if handlers.is_empty() {
            Vec::new()
        } else {
            self.else_clause()
        };
        let mut finalbody = Vec::new();
        let mut has_finally = false;
        if self.at_kw("finally") {
            self.start_line();
            has_finally = true;
            let s = self.span().start;
            self.bump();
            if self.header_colon().is_ok() {
                finalbody = self.block("'finally' statement", s);
            } else {
                self.skip_line();
                self.skip_block();
            }
        }
        if handlers.is_empty() && !has_finally {
            self.start_line();
            let span = self.span();
            return self.fail(span, "expected 'except' or 'finally' block");
        }
        Ok(Stmt {
            kind: StmtKind::Try {
                body,
                handlers,
                orelse,
                finalbody,
            },
            span: self.since(start),
        })
    }

    fn except_header(&mut self, start: usize) -> PResult<(Option<Expr>, Option<Ident>, Span)> {
        if self.at_op(Op::Star) {
            let span = self.span();
            self.unsupported(span, "'except*' is", "use a plain 'except'");
            return Err(());
        }
        let mut typ = None;
        let mut name = None;
        if !self.at_op(Op::Colon) {
            let t = self.expression()?;
            if self.at_op(Op::Comma) {
                let first = t.span.start;
                while self.eat_op(Op::Comma) {
                    if self.at_op(Op::Colon) || self.at_kw("as") {
                        break;
                    }
                    self.expression()?;
                }
                let span = self.since(first);
                return self.fail_hint(
                    span,
                    "multiple exception types must be parenthesized",
                    "write 'except (A, B):'",
                );
            }
            typ = Some(t);
            if self.eat_kw("as") {
                name = Some(self.ident()?);
            }
        }
        self.header_colon()?;
        Ok((typ, name, self.since(start)))
    }

    fn with_stmt(&mut self, start: usize) -> PResult<Stmt> {
        self.bump();
        let mut items = Vec::new();
        let parenthesized = self.at_op(Op::LParen) && self.parenthesized_with_items();
        if parenthesized {
            self.bump();
        }
        loop {
            let context = self.expression()?;
            let mut target = None;
            if self.eat_kw("as") {
                let t = self.star_target()?;
                self.check_target(&t, TargetCtx::With)?;
                target = Some(t);
            }
            items.push(WithItem { context, target });
            if !self.eat_op(Op::Comma) {
                break;
            }
            if parenthesized && self.at_op(Op::RParen) {
                break;
            }
        }
        if parenthesized {
            self.expect_op(Op::RParen)?;
        }
        self.header_colon()?;
        let body = self.block("'with' statement", start);
        Ok(Stmt {
            kind: StmtKind::With { items, body },
            span: self.since(start),
        })
    }

    /// `with (a as b, c):` rather than `with (a) as b:`: an `as` or a trailing `,` directly
    /// inside the parentheses, which are followed by `:`.
    fn parenthesized_with_items(&self) -> bool {
        let mut depth = 0usize;
        let mut found = false;
        for t in &self.toks[self.pos..] {
            match &t.kind {
                TokenKind::Op(Op::LParen | Op::LBracket | Op::LBrace) => depth += 1,
                TokenKind::Op(Op::RParen | Op::RBracket | Op::RBrace) => {
                    depth = depth.saturating_sub(1);
                    if depth == 0 {
                        return found;
                    }
                }
                TokenKind::Name(n) if n == "as" && depth == 1 => found = true,
                TokenKind::Op(Op::Comma) if depth == 1 => found = true,
                TokenKind::Newline | TokenKind::EndOfFile => return false,
                _ => {}
            }
        }
        false
    }

    fn def_stmt(&mut self, start: usize, decorators: Vec<Expr>) -> PResult<Stmt> {
        self.bump();
        let name = self.ident()?;
        self.expect_op(Op::LParen)?;
        let params = self.parameters(true)?;
        self.expect_op(Op::RParen)?;
        let returns = if self.eat_op(Op::Arrow) {
            Some(self.expression()?)
        } else {
            None
        };
        self.header_colon()?;
        let saved_loops = std::mem::replace(&mut self.loop_depth, 0);
        self.func_depth += 1;
        let body = self.block("function definition", start);
        self.func_depth -= 1;
        self.loop_depth = saved_loops;
        let def = FunctionDef {
            name,
            params,
            returns,
            body,
            decorators,
        };
        Ok(Stmt {
            kind: StmtKind::FunctionDef(Box::new(def)),
            span: self.since(start),
        })
    }

    fn class_stmt(&mut self, start: usize, decorators: Vec<Expr>) -> PResult<Stmt> {
        self.bump();
        let name = self.ident()?;
        let (mut bases, mut keywords) = (Vec::new(), Vec::new());
        if self.eat_op(Op::LParen) {
            (bases, keywords) = self.call_arguments()?;
        }
        self.header_colon()?;
        let saved_loops = std::mem::replace(&mut self.loop_depth, 0);
        let saved_funcs = std::mem::replace(&mut self.func_depth, 0);
        let body = self.block("class definition", start);
        self.loop_depth = saved_loops;
        self.func_depth = saved_funcs;
        let class = ClassDef {
            name,
            bases,
            keywords,
            body,
            decorators,
        };
        Ok(Stmt {
            kind: StmtKind::ClassDef(Box::new(class)),
            span: self.since(start),
        })
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
