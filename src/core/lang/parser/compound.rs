//! Compound statements: `if`, `while`, `for`, `try`, `with`, `def`, `class`, decorators.

use super::args::TargetCtx;
use super::{PResult, Parser};
use crate::core::diag::Span;
use crate::core::lang::ast::*;
use crate::core::syntax::{Op, TokenKind};

impl Parser<'_> {
    pub(super) fn compound(&mut self, start: usize, decorators: Vec<Expr>) -> PResult<Stmt> {
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
        let mut any_except = false;
        while self.at_kw("except") {
            any_except = true;
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
        if !any_except && !has_finally {
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
        // `lambda` parameters at the top level: their commas separate no items.
        let mut lambdas = 0usize;
        for (i, t) in self.toks.iter().enumerate().skip(self.pos) {
            match &t.kind {
                TokenKind::Op(Op::LParen | Op::LBracket | Op::LBrace) => depth += 1,
                TokenKind::Op(Op::RParen | Op::RBracket | Op::RBrace) => {
                    depth = depth.saturating_sub(1);
                    if depth == 0 {
                        let colon_follows = self
                            .toks
                            .get(i + 1)
                            .is_some_and(|t| t.kind.is_op(Op::Colon));
                        return found && colon_follows;
                    }
                }
                TokenKind::Name(n) if n == "as" && depth == 1 => found = true,
                TokenKind::Name(n) if n == "lambda" && depth == 1 => lambdas += 1,
                TokenKind::Op(Op::Colon) if depth == 1 && lambdas > 0 => lambdas -= 1,
                // A generator expression: `with (x for x in y):` is one expression.
                TokenKind::Name(n) if n == "for" && depth == 1 => return false,
                TokenKind::Op(Op::Comma) if depth == 1 && lambdas == 0 => found = true,
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
            params: std::rc::Rc::new(params),
            returns,
            body: std::rc::Rc::new(body),
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
    fn elif_chains_nest_in_orelse() {
        let s = stmts("if a:\n    x\nelif b:\n    y\nelif c:\n    z\nelse:\n    w\n");
        let StmtKind::If { orelse, .. } = &s[0] else {
            panic!()
        };
        let StmtKind::If { orelse, .. } = &orelse[0].kind else {
            panic!()
        };
        let StmtKind::If { orelse, .. } = &orelse[0].kind else {
            panic!()
        };
        assert!(matches!(orelse[0].kind, StmtKind::Expr(_)));
    }

    #[test]
    fn try_with_every_clause() {
        let s = stmts(
            "try:\n    a\nexcept (A, B) as e:\n    b\nexcept C:\n    c\nexcept:\n    d\nelse:\n    e\nfinally:\n    f\n",
        );
        let StmtKind::Try {
            handlers,
            orelse,
            finalbody,
            ..
        } = &s[0]
        else {
            panic!()
        };
        assert_eq!(handlers.len(), 3);
        assert_eq!(
            handlers[0].name.as_ref().map(|n| n.name.as_str()),
            Some("e")
        );
        assert!(handlers[2].typ.is_none());
        assert_eq!((orelse.len(), finalbody.len()), (1, 1));
    }

    #[test]
    fn with_a_parenthesized_generator_of_lambdas() {
        // Found by the unparse round-trip property test.
        let p = parse("with (lambda p, q: a for a in a):\n    pass\n");
        assert!(p.diagnostics.is_empty(), "{:?}", p.diagnostics);
        let p = parse("with (lambda p, q: a) as f, g:\n    pass\n");
        assert!(p.diagnostics.is_empty(), "{:?}", p.diagnostics);
    }

    #[test]
    fn with_items_decorators_and_classes() {
        let s = stmts(
            "with a as b, c:\n    pass\nwith (open(x) as f, open(y) as g):\n    pass\n@d1\n@d2.x(1)\nclass K(B, metaclass=M):\n    @property\n    def p(self): return 1\n",
        );
        assert!(
            matches!(&s[0], StmtKind::With { items, .. } if items.len() == 2 && items[1].target.is_none())
        );
        assert!(matches!(&s[1], StmtKind::With { items, .. } if items.len() == 2));
        let StmtKind::ClassDef(c) = &s[2] else {
            panic!()
        };
        assert_eq!(c.decorators.len(), 2);
        assert_eq!(
            c.keywords[0].arg.as_ref().map(|a| a.name.as_str()),
            Some("metaclass")
        );
        assert!(matches!(&c.body[0].kind, StmtKind::FunctionDef(f) if f.decorators.len() == 1));
    }

    #[test]
    fn loops_with_else() {
        let s = stmts(
            "for a, b in x:\n    break\nelse:\n    pass\nwhile x:\n    continue\nelse:\n    pass\n",
        );
        assert!(
            matches!(&s[0], StmtKind::For { target: Expr { kind: ExprKind::Tuple(_), .. }, orelse, .. } if orelse.len() == 1)
        );
        assert!(matches!(&s[1], StmtKind::While { orelse, .. } if orelse.len() == 1));
    }
}
