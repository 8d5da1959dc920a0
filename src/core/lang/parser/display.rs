//! Atoms: names, literals, parenthesized expressions, list/set/dict displays,
//! comprehensions, and the closing-bracket check shared with calls and subscripts.

use super::{PResult, Parser};
use crate::core::diag::Span;
use crate::core::lang::ast::*;
use crate::core::syntax::{Op, TokenKind, is_keyword};

impl Parser<'_> {
    /// Expects the closing bracket of a display or call that started at `start`;
    /// suggests a missing comma when another expression follows.
    pub(super) fn expect_close(&mut self, close: Op, start: usize) -> PResult<()> {
        if self.eat_op(close) {
            return Ok(());
        }
        if self.starts_expr() {
            let span = Span::new(self.prev_start_of_element(start), self.span().end);
            return self.fail_hint(
                span,
                "invalid syntax. Perhaps you forgot a comma?",
                "separate the items with ','",
            );
        }
        self.invalid_syntax()
    }

    /// Start of the last element before the current token (for the comma hint).
    fn prev_start_of_element(&self, fallback: usize) -> usize {
        let mut depth = 0usize;
        let mut i = self.pos;
        while i > 0 {
            i -= 1;
            let t = &self.toks[i];
            match &t.kind {
                TokenKind::Op(Op::RParen | Op::RBracket | Op::RBrace) => depth += 1,
                TokenKind::Op(Op::LParen | Op::LBracket | Op::LBrace) => {
                    if depth == 0 {
                        return self.toks.get(i + 1).map_or(fallback, |t| t.span.start);
                    }
                    depth -= 1;
                }
                TokenKind::Op(Op::Comma | Op::Colon | Op::Eq) if depth == 0 => {
                    return self.toks.get(i + 1).map_or(fallback, |t| t.span.start);
                }
                _ => {}
            }
        }
        fallback
    }

    pub(super) fn atom(&mut self) -> PResult<Expr> {
        let start = self.span().start;
        match self.kind() {
            TokenKind::Name(n) => {
                let kind = match n.as_str() {
                    "None" => ExprKind::None,
                    "True" => ExprKind::Bool(true),
                    "False" => ExprKind::Bool(false),
                    _ if is_keyword(n) => return self.invalid_syntax(),
                    _ => ExprKind::Name(n.clone()),
                };
                self.bump();
                Ok(self.mk(kind, start))
            }
            TokenKind::Int(_) | TokenKind::Float(_) | TokenKind::Imaginary(_) => self.number(),
            TokenKind::Str(_) | TokenKind::Bytes(_) | TokenKind::FString(_) => self.strings(),
            TokenKind::Op(Op::Ellipsis) => {
                self.bump();
                Ok(self.mk(ExprKind::Ellipsis, start))
            }
            TokenKind::Op(Op::LParen) => self.paren(),
            TokenKind::Op(Op::LBracket) => self.list_display(),
            TokenKind::Op(Op::LBrace) => self.brace_display(),
            _ => self.invalid_syntax(),
        }
    }

    pub(super) fn paren(&mut self) -> PResult<Expr> {
        let start = self.bump().start;
        if self.eat_op(Op::RParen) {
            return Ok(self.mk(ExprKind::Tuple(Vec::new()), start));
        }
        if self.at_kw("yield") {
            let e = self.yield_expr()?;
            self.expect_close(Op::RParen, start)?;
            return Ok(e);
        }
        let first = self.star_named_expression()?;
        if self.at_kw("for") || self.at_kw("async") {
            let generators = self.comprehension_clauses()?;
            self.expect_close(Op::RParen, start)?;
            return Ok(self.mk(
                ExprKind::GeneratorExp {
                    elt: Box::new(first),
                    generators,
                },
                start,
            ));
        }
        if !self.at_op(Op::Comma) {
            self.expect_close(Op::RParen, start)?;
            if let ExprKind::Starred(_) = first.kind {
                return self.fail(first.span, "cannot use starred expression here");
            }
            return Ok(first);
        }
        let items = self.rest_of_sequence(first, Op::RParen, start)?;
        Ok(self.mk(ExprKind::Tuple(items), start))
    }

    /// After the first element and at a `,`: the remaining elements and the closer.
    fn rest_of_sequence(&mut self, first: Expr, close: Op, start: usize) -> PResult<Vec<Expr>> {
        let mut items = vec![first];
        while self.eat_op(Op::Comma) {
            if self.at_op(close) {
                break;
            }
            items.push(self.star_named_expression()?);
        }
        self.expect_close(close, start)?;
        Ok(items)
    }

    pub(super) fn list_display(&mut self) -> PResult<Expr> {
        let start = self.bump().start;
        if self.eat_op(Op::RBracket) {
            return Ok(self.mk(ExprKind::List(Vec::new()), start));
        }
        let first = self.star_named_expression()?;
        if self.at_kw("for") || self.at_kw("async") {
            let generators = self.comprehension_clauses()?;
            self.expect_close(Op::RBracket, start)?;
            return Ok(self.mk(
                ExprKind::ListComp {
                    elt: Box::new(first),
                    generators,
                },
                start,
            ));
        }
        let items = self.rest_of_sequence(first, Op::RBracket, start)?;
        Ok(self.mk(ExprKind::List(items), start))
    }

    pub(super) fn brace_display(&mut self) -> PResult<Expr> {
        let start = self.bump().start;
        if self.eat_op(Op::RBrace) {
            return Ok(self.mk(ExprKind::Dict(Vec::new()), start));
        }
        let first_is_unpack = self.at_op(Op::StarStar);
        if !first_is_unpack {
            let first = self.star_named_expression()?;
            if !self.at_op(Op::Colon) {
                if self.at_kw("for") || self.at_kw("async") {
                    let generators = self.comprehension_clauses()?;
                    self.expect_close(Op::RBrace, start)?;
                    return Ok(self.mk(
                        ExprKind::SetComp {
                            elt: Box::new(first),
                            generators,
                        },
                        start,
                    ));
                }
                let items = self.rest_of_sequence(first, Op::RBrace, start)?;
                return Ok(self.mk(ExprKind::Set(items), start));
            }
            self.bump();
            let value = self.expression()?;
            if self.at_kw("for") || self.at_kw("async") {
                let generators = self.comprehension_clauses()?;
                self.expect_close(Op::RBrace, start)?;
                let kind = ExprKind::DictComp {
                    key: Box::new(first),
                    value: Box::new(value),
                    generators,
                };
                return Ok(self.mk(kind, start));
            }
            let mut items = vec![DictItem::Pair(first, value)];
            if self.eat_op(Op::Comma) && !self.at_op(Op::RBrace) {
                self.dict_items(&mut items)?;
            }
            self.expect_close(Op::RBrace, start)?;
            return Ok(self.mk(ExprKind::Dict(items), start));
        }
        let mut items = Vec::new();
        self.dict_items(&mut items)?;
        self.expect_close(Op::RBrace, start)?;
        Ok(self.mk(ExprKind::Dict(items), start))
    }

    fn dict_items(&mut self, items: &mut Vec<DictItem>) -> PResult<()> {
        loop {
            if self.eat_op(Op::StarStar) {
                items.push(DictItem::Unpack(self.bitwise_or()?));
            } else {
                let key = self.expression()?;
                if !self.at_op(Op::Colon) {
                    let at = Span::at(self.prev_end);
                    return self.fail(at, "':' expected after dictionary key");
                }
                self.bump();
                let value = self.expression()?;
                items.push(DictItem::Pair(key, value));
            }
            if !self.eat_op(Op::Comma) || self.at_op(Op::RBrace) {
                return Ok(());
            }
        }
    }

    /// One or more `for target in iter [if cond]...` clauses.
    pub(super) fn comprehension_clauses(&mut self) -> PResult<Vec<Comprehension>> {
        let mut out = Vec::new();
        loop {
            if self.at_kw("async") {
                let span = self.span();
                self.unsupported(span, "'async' is", "use an ordinary 'for'");
                return Err(());
            }
            if !self.eat_kw("for") {
                break;
            }
            let target = self.target_list()?;
            self.check_target(&target, super::args::TargetCtx::For)?;
            if !self.eat_kw("in") {
                let at = self.span();
                return self.fail(at, "expected 'in'");
            }
            let iter = self.disjunction()?;
            let mut ifs = Vec::new();
            while self.eat_kw("if") {
                ifs.push(self.disjunction()?);
            }
            out.push(Comprehension { target, iter, ifs });
        }
        Ok(out)
    }
}

#[cfg(test)]
mod tests {
    use crate::core::diag::LineIndex;
    use crate::core::lang::ast::*;
    use crate::core::lang::parse;

    #[test]
    fn dict_and_set_displays() {
        let p = parse("d = {**a, 'k': 1, **b,}\ns = {*a, 1}\n");
        assert!(p.diagnostics.is_empty(), "{:?}", p.diagnostics);
        let StmtKind::Assign { value, .. } = &p.module.body[0].kind else {
            panic!()
        };
        let ExprKind::Dict(items) = &value.kind else {
            panic!()
        };
        assert_eq!(items.len(), 3);
        assert!(matches!(items[2], DictItem::Unpack(_)));
    }

    #[test]
    fn missing_comma_hint_spans_both_items() {
        let src = "x = {'a': 1,\n     'b' 'c': 2, 'd': 3 'e': 4}\n";
        let p = parse(src);
        let idx = LineIndex::new(src);
        let d = &p.diagnostics[0];
        assert_eq!(d.message, "invalid syntax. Perhaps you forgot a comma?");
        assert_eq!(idx.line_col(d.span.start).to_string(), "2:23");
        assert_eq!(d.hint.as_deref(), Some("separate the items with ','"));
    }
}
