//! Expressions, from `lambda` and conditional expressions down to atoms and displays.

use super::{PResult, Parser};
use crate::core::lang::ast::*;
use crate::core::syntax::{Op, TokenKind, is_keyword};

/// Binary operator precedence (higher binds tighter), for precedence climbing.
fn binop(op: Op) -> Option<(BinOp, u8)> {
    Some(match op {
        Op::Pipe => (BinOp::BitOr, 1),
        Op::Caret => (BinOp::BitXor, 2),
        Op::Amp => (BinOp::BitAnd, 3),
        Op::Shl => (BinOp::LShift, 4),
        Op::Shr => (BinOp::RShift, 4),
        Op::Plus => (BinOp::Add, 5),
        Op::Minus => (BinOp::Sub, 5),
        Op::Star => (BinOp::Mult, 6),
        Op::Slash => (BinOp::Div, 6),
        Op::SlashSlash => (BinOp::FloorDiv, 6),
        Op::Percent => (BinOp::Mod, 6),
        Op::At => (BinOp::MatMult, 6),
        _ => return None,
    })
}

impl Parser<'_> {
    pub(super) fn mk(&self, kind: ExprKind, start: usize) -> Expr {
        Expr::new(kind, self.since(start))
    }

    /// Can the current token start an expression?
    pub(super) fn starts_expr(&self) -> bool {
        match self.kind() {
            TokenKind::Name(n) => {
                !is_keyword(n)
                    || matches!(
                        n.as_str(),
                        "None" | "True" | "False" | "not" | "lambda" | "await"
                    )
            }
            TokenKind::Int(_)
            | TokenKind::Float(_)
            | TokenKind::Imaginary(_)
            | TokenKind::Str(_)
            | TokenKind::Bytes(_)
            | TokenKind::FString(_) => true,
            TokenKind::Op(op) => matches!(
                op,
                Op::LParen
                    | Op::LBracket
                    | Op::LBrace
                    | Op::Minus
                    | Op::Plus
                    | Op::Tilde
                    | Op::Ellipsis
            ),
            _ => false,
        }
    }

    /// `expression`: conditional expression or lambda.
    pub(super) fn expression(&mut self) -> PResult<Expr> {
        self.nested(|p| {
            if p.at_kw("lambda") {
                return p.lambda();
            }
            let start = p.span().start;
            let body = p.disjunction()?;
            if !p.at_kw("if") {
                return Ok(body);
            }
            p.bump();
            let test = p.disjunction()?;
            if !p.eat_kw("else") {
                let at = p.span();
                return p.fail(at, "expected 'else' after 'if' expression");
            }
            let orelse = p.expression()?;
            let kind = ExprKind::IfExp {
                test: Box::new(test),
                body: Box::new(body),
                orelse: Box::new(orelse),
            };
            Ok(p.mk(kind, start))
        })
    }

    fn lambda(&mut self) -> PResult<Expr> {
        let start = self.bump().start;
        let params = self.parameters(false)?;
        self.expect_op(Op::Colon)?;
        self.func_depth += 1;
        let body = self.expression();
        self.func_depth -= 1;
        let kind = ExprKind::Lambda {
            params: std::rc::Rc::new(params),
            body: std::rc::Rc::new(body?),
        };
        Ok(self.mk(kind, start))
    }

    /// `named_expression`: `name := value` or an expression.
    pub(super) fn named_expression(&mut self) -> PResult<Expr> {
        if matches!(self.kind(), TokenKind::Name(_)) && self.nth(1).is_op(Op::ColonEq) {
            let start = self.span().start;
            let target = self.ident()?;
            self.bump();
            let value = self.expression()?;
            let kind = ExprKind::NamedExpr {
                target,
                value: Box::new(value),
            };
            return Ok(self.mk(kind, start));
        }
        let e = self.expression()?;
        if self.at_op(Op::ColonEq) {
            let span = e.span;
            return self.fail(
                span,
                format!("cannot use assignment expressions with {}", e.describe()),
            );
        }
        Ok(e)
    }

    /// `*x` or a named expression (list/tuple/set elements).
    pub(super) fn star_named_expression(&mut self) -> PResult<Expr> {
        if self.at_op(Op::Star) {
            let start = self.bump().start;
            let inner = self.bitwise_or()?;
            return Ok(self.mk(ExprKind::Starred(Box::new(inner)), start));
        }
        self.named_expression()
    }

    /// Comma-separated expressions (a tuple when there is a comma), `*x` allowed.
    pub(super) fn star_expressions(&mut self) -> PResult<Expr> {
        self.comma_tuple(Self::star_expression)
    }

    /// One `item`, or several separated by commas (a trailing comma allowed) as a tuple.
    fn comma_tuple(&mut self, item: fn(&mut Self) -> PResult<Expr>) -> PResult<Expr> {
        let start = self.span().start;
        let first = item(self)?;
        if !self.at_op(Op::Comma) {
            return Ok(first);
        }
        let mut items = vec![first];
        while self.eat_op(Op::Comma) {
            if !self.starts_expr() && !self.at_op(Op::Star) {
                break;
            }
            items.push(item(self)?);
        }
        Ok(self.mk(ExprKind::Tuple(items), start))
    }

    fn star_expression(&mut self) -> PResult<Expr> {
        if self.at_op(Op::Star) {
            let start = self.bump().start;
            let inner = self.bitwise_or()?;
            return Ok(self.mk(ExprKind::Starred(Box::new(inner)), start));
        }
        self.expression()
    }

    /// `yield` expressions or [`Self::star_expressions`].
    pub(super) fn star_expressions_or_yield(&mut self) -> PResult<Expr> {
        if self.at_kw("yield") {
            self.yield_expr()
        } else {
            self.star_expressions()
        }
    }

    pub(super) fn yield_expr(&mut self) -> PResult<Expr> {
        let t = self.bump();
        self.unsupported(t, "'yield' is", "build and return a list instead");
        let start = t.start;
        if self.eat_kw("from") {
            let e = self.expression()?;
            return Ok(self.mk(ExprKind::YieldFrom(Box::new(e)), start));
        }
        let value = if self.starts_expr() || self.at_op(Op::Star) {
            Some(Box::new(self.star_expressions()?))
        } else {
            None
        };
        Ok(self.mk(ExprKind::Yield(value), start))
    }

    /// Targets of `for` and comprehensions: `a`, `a, b`, `(a, b), *c`.
    pub(super) fn target_list(&mut self) -> PResult<Expr> {
        self.comma_tuple(Self::star_target)
    }

    /// One target: `*x` or an expression at `|` level (so `in` is not swallowed).
    pub(super) fn star_target(&mut self) -> PResult<Expr> {
        if self.at_op(Op::Star) {
            let start = self.bump().start;
            let inner = self.bitwise_or()?;
            return Ok(self.mk(ExprKind::Starred(Box::new(inner)), start));
        }
        self.bitwise_or()
    }

    pub(super) fn disjunction(&mut self) -> PResult<Expr> {
        self.boolop("or", BoolOp::Or)
    }

    fn conjunction(&mut self) -> PResult<Expr> {
        self.boolop("and", BoolOp::And)
    }

    fn boolop(&mut self, kw: &str, op: BoolOp) -> PResult<Expr> {
        let start = self.span().start;
        let operand = |p: &mut Self| {
            if op == BoolOp::Or {
                p.conjunction()
            } else {
                p.inversion()
            }
        };
        let first = operand(self)?;
        if !self.at_kw(kw) {
            return Ok(first);
        }
        let mut values = vec![first];
        while self.eat_kw(kw) {
            values.push(operand(self)?);
        }
        Ok(self.mk(ExprKind::BoolOp { op, values }, start))
    }

    fn inversion(&mut self) -> PResult<Expr> {
        if self.at_kw("not") {
            let start = self.bump().start;
            let operand = self.nested(|p| p.inversion())?;
            return Ok(self.mk(
                ExprKind::UnaryOp {
                    op: UnaryOp::Not,
                    operand: Box::new(operand),
                },
                start,
            ));
        }
        self.comparison()
    }

    fn cmp_op(&self) -> Option<(CmpOp, usize)> {
        Some(match self.kind() {
            TokenKind::Op(Op::EqEq) => (CmpOp::Eq, 1),
            TokenKind::Op(Op::NotEq) => (CmpOp::NotEq, 1),
            TokenKind::Op(Op::Lt) => (CmpOp::Lt, 1),
            TokenKind::Op(Op::Le) => (CmpOp::LtE, 1),
            TokenKind::Op(Op::Gt) => (CmpOp::Gt, 1),
            TokenKind::Op(Op::Ge) => (CmpOp::GtE, 1),
            TokenKind::Name(n) if n == "in" => (CmpOp::In, 1),
            TokenKind::Name(n) if n == "not" && self.nth(1).is_name("in") => (CmpOp::NotIn, 2),
            TokenKind::Name(n) if n == "is" && self.nth(1).is_name("not") => (CmpOp::IsNot, 2),
            TokenKind::Name(n) if n == "is" => (CmpOp::Is, 1),
            _ => return None,
        })
    }

    fn comparison(&mut self) -> PResult<Expr> {
        let start = self.span().start;
        let left = self.bitwise_or()?;
        let Some(_) = self.cmp_op() else {
            return Ok(left);
        };
        let (mut ops, mut comparators) = (Vec::new(), Vec::new());
        while let Some((op, n)) = self.cmp_op() {
            for _ in 0..n {
                self.bump();
            }
            ops.push(op);
            comparators.push(self.bitwise_or()?);
        }
        Ok(self.mk(
            ExprKind::Compare {
                left: Box::new(left),
                ops,
                comparators,
            },
            start,
        ))
    }

    /// Binary operators from `|` down to `*`, by precedence climbing.
    pub(super) fn bitwise_or(&mut self) -> PResult<Expr> {
        self.binary(1)
    }

    fn binary(&mut self, min_prec: u8) -> PResult<Expr> {
        let mut chain = 0;
        let r = self.binary_chain(min_prec, &mut chain);
        self.depth -= chain;
        r
    }

    fn binary_chain(&mut self, min_prec: u8, chain: &mut usize) -> PResult<Expr> {
        let start = self.span().start;
        let mut left = self.factor()?;
        while let TokenKind::Op(op) = *self.kind() {
            let Some((bin, prec)) = binop(op) else { break };
            if prec < min_prec {
                break;
            }
            self.bump();
            if !self.starts_expr() && !self.at_kw("await") {
                return self.invalid_syntax();
            }
            let right = self.binary(prec + 1)?;
            self.deepen(chain)?;
            left = self.mk(
                ExprKind::BinOp {
                    left: Box::new(left),
                    op: bin,
                    right: Box::new(right),
                },
                start,
            );
        }
        Ok(left)
    }

    /// Unary `+`, `-`, `~`, then `**`.
    fn factor(&mut self) -> PResult<Expr> {
        let op = match self.kind() {
            TokenKind::Op(Op::Plus) => UnaryOp::UAdd,
            TokenKind::Op(Op::Minus) => UnaryOp::USub,
            TokenKind::Op(Op::Tilde) => UnaryOp::Invert,
            _ => return self.power(),
        };
        let start = self.bump().start;
        let operand = self.nested(|p| p.factor())?;
        Ok(self.mk(
            ExprKind::UnaryOp {
                op,
                operand: Box::new(operand),
            },
            start,
        ))
    }

    fn power(&mut self) -> PResult<Expr> {
        let start = self.span().start;
        let base = self.await_primary()?;
        if !self.eat_op(Op::StarStar) {
            return Ok(base);
        }
        let exp = self.nested(|p| p.factor())?;
        Ok(self.mk(
            ExprKind::BinOp {
                left: Box::new(base),
                op: BinOp::Pow,
                right: Box::new(exp),
            },
            start,
        ))
    }

    fn await_primary(&mut self) -> PResult<Expr> {
        if self.at_kw("await") {
            let t = self.bump();
            self.unsupported(t, "'await' is", "call the function directly");
            let inner = self.nested(|p| p.primary())?;
            return Ok(self.mk(ExprKind::Await(Box::new(inner)), t.start));
        }
        self.primary()
    }

    /// An atom followed by `.name`, `(args)` and `[index]`.
    fn primary(&mut self) -> PResult<Expr> {
        let mut chain = 0;
        let r = self.primary_chain(&mut chain);
        self.depth -= chain;
        r
    }

    fn primary_chain(&mut self, chain: &mut usize) -> PResult<Expr> {
        let start = self.span().start;
        let mut e = self.atom()?;
        loop {
            if self.eat_op(Op::Dot) {
                let attr = self.ident()?;
                self.deepen(chain)?;
                e = self.mk(
                    ExprKind::Attribute {
                        value: Box::new(e),
                        attr,
                    },
                    start,
                );
            } else if self.at_op(Op::LParen) {
                self.bump();
                let (args, keywords) = self.call_arguments()?;
                self.deepen(chain)?;
                e = self.mk(
                    ExprKind::Call {
                        func: Box::new(e),
                        args,
                        keywords,
                    },
                    start,
                );
            } else if self.at_op(Op::LBracket) {
                self.bump();
                let slice = self.slices()?;
                self.expect_close(Op::RBracket, start)?;
                self.deepen(chain)?;
                e = self.mk(
                    ExprKind::Subscript {
                        value: Box::new(e),
                        slice: Box::new(slice),
                    },
                    start,
                );
            } else {
                break;
            }
        }
        Ok(e)
    }

    fn slices(&mut self) -> PResult<Expr> {
        let start = self.span().start;
        let first = self.slice()?;
        if !self.at_op(Op::Comma) {
            return Ok(first);
        }
        let mut items = vec![first];
        while self.eat_op(Op::Comma) {
            if self.at_op(Op::RBracket) {
                break;
            }
            items.push(self.slice()?);
        }
        Ok(self.mk(ExprKind::Tuple(items), start))
    }

    fn slice(&mut self) -> PResult<Expr> {
        let start = self.span().start;
        if self.at_op(Op::Star) {
            return self.star_named_expression();
        }
        let lower = if self.at_op(Op::Colon) {
            None
        } else {
            Some(self.named_expression()?)
        };
        if !self.at_op(Op::Colon) {
            return lower.ok_or(());
        }
        self.bump();
        let bound = |p: &mut Self| -> PResult<Option<Box<Expr>>> {
            if p.at_op(Op::Colon) || p.at_op(Op::Comma) || p.at_op(Op::RBracket) {
                Ok(None)
            } else {
                Ok(Some(Box::new(p.expression()?)))
            }
        };
        let upper = bound(self)?;
        let step = if self.eat_op(Op::Colon) {
            bound(self)?
        } else {
            None
        };
        let kind = ExprKind::Slice {
            lower: lower.map(Box::new),
            upper,
            step,
        };
        Ok(self.mk(kind, start))
    }

    /// An identifier that is not a keyword.
    pub(super) fn ident(&mut self) -> PResult<Ident> {
        match self.kind() {
            TokenKind::Name(n) if !is_keyword(n) => {
                let name = n.clone();
                let span = self.bump();
                Ok(Ident { name, span })
            }
            _ => self.invalid_syntax(),
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::core::lang::ast::*;
    use crate::core::lang::parse;
    use crate::core::lang::unparse::unparse_expr;

    /// The expression of a one-line expression statement.
    fn e(src: &str) -> Expr {
        let p = parse(src);
        assert!(p.diagnostics.is_empty(), "{src}: {:?}", p.diagnostics);
        match p.module.body.into_iter().next().map(|s| s.kind) {
            Some(StmtKind::Expr(e)) => e,
            other => panic!("{other:?}"),
        }
    }

    #[test]
    fn precedence() {
        assert!(matches!(
            e("-x ** 2").kind,
            ExprKind::UnaryOp {
                op: UnaryOp::USub,
                ..
            }
        ));
        assert!(matches!(
            e("not a in b").kind,
            ExprKind::UnaryOp {
                op: UnaryOp::Not,
                ..
            }
        ));
        let ExprKind::BinOp { op, left, .. } = e("a - b - c").kind else {
            panic!()
        };
        assert_eq!(op, BinOp::Sub);
        assert!(matches!(left.kind, ExprKind::BinOp { op: BinOp::Sub, .. }));
        let ExprKind::BinOp { op, right, .. } = e("a ** b ** c").kind else {
            panic!()
        };
        assert_eq!(op, BinOp::Pow);
        assert!(matches!(right.kind, ExprKind::BinOp { op: BinOp::Pow, .. }));
        assert!(matches!(
            e("a | b & c").kind,
            ExprKind::BinOp {
                op: BinOp::BitOr,
                ..
            }
        ));
        assert!(matches!(
            e("a or b and c").kind,
            ExprKind::BoolOp { op: BoolOp::Or, .. }
        ));
        assert_eq!(unparse_expr(&e("(a + b) * c")), "(a + b) * c");
    }

    #[test]
    fn comparison_chains_and_conditionals() {
        let ExprKind::Compare { ops, .. } = e("a < b <= c is not d not in e").kind else {
            panic!()
        };
        assert_eq!(ops, vec![CmpOp::Lt, CmpOp::LtE, CmpOp::IsNot, CmpOp::NotIn]);
        let ExprKind::IfExp { orelse, .. } = e("a if b else c if d else f").kind else {
            panic!()
        };
        assert!(matches!(orelse.kind, ExprKind::IfExp { .. }));
        assert!(matches!(
            e("lambda: a if b else c").kind,
            ExprKind::Lambda { .. }
        ));
    }

    #[test]
    fn displays_and_comprehensions() {
        assert!(matches!(e("{}").kind, ExprKind::Dict(ref v) if v.is_empty()));
        assert!(matches!(e("{1}").kind, ExprKind::Set(_)));
        assert!(matches!(e("()").kind, ExprKind::Tuple(ref v) if v.is_empty()));
        assert!(matches!(e("(1)").kind, ExprKind::Int(IntValue::Small(1))));
        assert!(matches!(e("(1,)").kind, ExprKind::Tuple(ref v) if v.len() == 1));
        let ExprKind::ListComp { generators, .. } = e("[x for a in b if c if d for x in a]").kind
        else {
            panic!()
        };
        assert_eq!(generators.len(), 2);
        assert_eq!(generators[0].ifs.len(), 2);
        assert!(matches!(
            e("{k: v for k, v in d.items()}").kind,
            ExprKind::DictComp { .. }
        ));
        assert!(
            matches!(e("sum(x for x in y)").kind, ExprKind::Call { ref args, .. } if matches!(args[0].kind, ExprKind::GeneratorExp { .. }))
        );
    }

    #[test]
    fn subscripts_and_slices() {
        let ExprKind::Subscript { slice, .. } = e("a[::-1]").kind else {
            panic!()
        };
        assert!(matches!(
            slice.kind,
            ExprKind::Slice {
                lower: None,
                upper: None,
                step: Some(_)
            }
        ));
        let ExprKind::Subscript { slice, .. } = e("Dict[str, int]").kind else {
            panic!()
        };
        assert!(matches!(slice.kind, ExprKind::Tuple(ref v) if v.len() == 2));
        let ExprKind::Subscript { slice, .. } = e("m[1:2, 3]").kind else {
            panic!()
        };
        assert!(
            matches!(slice.kind, ExprKind::Tuple(ref v) if matches!(v[0].kind, ExprKind::Slice { .. }))
        );
    }
}
