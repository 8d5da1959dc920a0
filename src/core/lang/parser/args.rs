//! Call arguments, parameter lists and assignment-target checks.

use super::{PResult, Parser};
use crate::core::diag::Span;
use crate::core::lang::ast::*;
use crate::core::syntax::{Op, TokenKind};

/// Where a target appears (the error messages differ).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum TargetCtx {
    /// `t = value`.
    Assign,
    /// `t += value`.
    AugAssign,
    /// `for t in ...` and comprehensions.
    For,
    /// `with ... as t`.
    With,
    /// `del t`.
    Del,
}

impl Parser<'_> {
    /// Arguments of a call after its `(`, through the `)`.
    pub(super) fn call_arguments(&mut self) -> PResult<(Vec<Expr>, Vec<Keyword>)> {
        let open = self.prev_end.saturating_sub(1);
        let (mut args, mut keywords) = (Vec::new(), Vec::<Keyword>::new());
        let mut seen_unpack_kw = false;
        let mut genexp_at: Option<Span> = None;
        let mut count = 0;
        while !self.at_op(Op::RParen) {
            count += 1;
            let start = self.span().start;
            if self.at_op(Op::StarStar) {
                self.bump();
                let value = self.expression()?;
                seen_unpack_kw = true;
                keywords.push(Keyword {
                    arg: None,
                    value,
                    span: self.since(start),
                });
            } else if self.at_op(Op::Star) {
                self.bump();
                let value = self.expression()?;
                if seen_unpack_kw {
                    let span = self.since(start);
                    return self.fail(
                        span,
                        "iterable argument unpacking follows keyword argument unpacking",
                    );
                }
                args.push(Expr::new(
                    ExprKind::Starred(Box::new(value)),
                    self.since(start),
                ));
            } else if matches!(self.kind(), TokenKind::Name(n) if ["True", "False", "None"].contains(&n.as_str()))
                && self.nth(1).is_op(Op::Eq)
            {
                let span = self.span();
                let what = self.src.get(span.start..span.end).unwrap_or("").to_owned();
                return self.fail(span, format!("cannot assign to {what}"));
            } else if matches!(self.kind(), TokenKind::Name(_)) && self.nth(1).is_op(Op::Eq) {
                let arg = self.ident()?;
                self.bump();
                if self.at_op(Op::Comma) || self.at_op(Op::RParen) {
                    let at = self.span();
                    return self.fail(at, "expected argument value expression");
                }
                let value = self.expression()?;
                if keywords
                    .iter()
                    .any(|k| k.arg.as_ref().is_some_and(|a| a.name == arg.name))
                {
                    return self.fail(arg.span, format!("keyword argument repeated: {}", arg.name));
                }
                keywords.push(Keyword {
                    arg: Some(arg),
                    value,
                    span: self.since(start),
                });
            } else {
                let value = self.named_expression()?;
                if self.at_op(Op::Eq) {
                    let span = value.span.to(self.span());
                    return self.fail_hint(
                        span,
                        "expression cannot contain assignment, perhaps you meant \"==\"?",
                        "a keyword argument name must be a plain name",
                    );
                }
                let value = if self.at_kw("for") || self.at_kw("async") {
                    let generators = self.comprehension_clauses()?;
                    let e = Expr::new(
                        ExprKind::GeneratorExp {
                            elt: Box::new(value),
                            generators,
                        },
                        self.since(start),
                    );
                    genexp_at = Some(e.span);
                    e
                } else {
                    value
                };
                if !keywords.is_empty() {
                    let msg = if seen_unpack_kw {
                        "positional argument follows keyword argument unpacking"
                    } else {
                        "positional argument follows keyword argument"
                    };
                    return self.fail(value.span, msg);
                }
                args.push(value);
            }
            if !self.eat_op(Op::Comma) {
                break;
            }
        }
        if let Some(span) = genexp_at
            && count > 1
        {
            return self.fail_hint(
                span,
                "Generator expression must be parenthesized",
                "put it in its own ( )",
            );
        }
        self.expect_close(Op::RParen, open)?;
        Ok((args, keywords))
    }

    /// A parameter list, up to (not including) `)` for `def` or `:` for `lambda`.
    pub(super) fn parameters(&mut self, is_def: bool) -> PResult<Parameters> {
        let close = if is_def { Op::RParen } else { Op::Colon };
        let mut ps = Parameters::default();
        let mut seen_star = false;
        let mut seen_default = false;
        let mut names: Vec<String> = Vec::new();
        while !self.at_op(close) {
            let start = self.span().start;
            if ps.kwarg.is_some() {
                let at = self.span();
                return self.fail(at, "arguments cannot follow var-keyword argument");
            }
            if self.at_op(Op::Slash) {
                let at = self.bump();
                if seen_star || !ps.posonly.is_empty() || ps.args.is_empty() {
                    return self.fail(at, "invalid syntax");
                }
                ps.posonly = std::mem::take(&mut ps.args);
            } else if self.at_op(Op::StarStar) {
                self.bump();
                let p = self.param(is_def, false, start)?;
                self.check_dup(&mut names, &p.name)?;
                ps.kwarg = Some(p);
            } else if self.at_op(Op::Star) {
                let star = self.bump();
                if seen_star {
                    return self.fail(star, "* argument may appear only once");
                }
                seen_star = true;
                if self.at_op(Op::Comma) || self.at_op(close) {
                    let named_follows =
                        self.at_op(Op::Comma) && matches!(self.nth(1), TokenKind::Name(_));
                    if !named_follows {
                        return self.fail(star, "named arguments must follow bare *");
                    }
                } else {
                    let p = self.param(is_def, false, start)?;
                    self.check_dup(&mut names, &p.name)?;
                    ps.vararg = Some(p);
                }
            } else {
                let p = self.param(is_def, true, start)?;
                self.check_dup(&mut names, &p.name)?;
                if seen_star {
                    ps.kwonly.push(p);
                } else {
                    if p.default.is_some() {
                        seen_default = true;
                    } else if seen_default {
                        return self.fail(p.span, "non-default argument follows default argument");
                    }
                    ps.args.push(p);
                }
            }
            if !self.eat_op(Op::Comma) {
                break;
            }
        }
        if !self.at_op(close) {
            if is_def {
                return self.expect_close(Op::RParen, 0).and(Err(()));
            }
            return self.expect_op(Op::Colon).map(|_| ps);
        }
        Ok(ps)
    }

    fn param(&mut self, is_def: bool, allow_default: bool, start: usize) -> PResult<Param> {
        let name = self.ident()?;
        let annotation = if is_def && self.eat_op(Op::Colon) {
            Some(self.expression()?)
        } else {
            None
        };
        let default = if self.at_op(Op::Eq) {
            if !allow_default {
                let at = self.span();
                return self.fail(
                    at,
                    "var-positional and var-keyword arguments cannot have default values",
                );
            }
            self.bump();
            Some(self.expression()?)
        } else {
            None
        };
        Ok(Param {
            name,
            annotation,
            default,
            span: self.since(start),
        })
    }

    fn check_dup(&mut self, names: &mut Vec<String>, id: &Ident) -> PResult<()> {
        if names.contains(&id.name) {
            return self.fail(
                id.span,
                format!("duplicate argument '{}' in function definition", id.name),
            );
        }
        names.push(id.name.clone());
        Ok(())
    }

    /// Reports a target that cannot be assigned to (or deleted).
    pub(super) fn check_target(&mut self, e: &Expr, ctx: TargetCtx) -> PResult<()> {
        if ctx == TargetCtx::AugAssign {
            return match &e.kind {
                ExprKind::Name(_) | ExprKind::Attribute { .. } | ExprKind::Subscript { .. } => {
                    Ok(())
                }
                _ => {
                    let what = e.describe();
                    self.fail(
                        e.span,
                        format!("'{what}' is an illegal expression for augmented assignment"),
                    )
                }
            };
        }
        if let ExprKind::Starred(_) = e.kind
            && ctx != TargetCtx::Del
        {
            return self.fail(
                e.span,
                "starred assignment target must be in a list or tuple",
            );
        }
        self.check_target_inner(e, ctx, true)
    }

    fn check_target_inner(&mut self, e: &Expr, ctx: TargetCtx, top: bool) -> PResult<()> {
        match &e.kind {
            ExprKind::Name(_) | ExprKind::Attribute { .. } | ExprKind::Subscript { .. } => Ok(()),
            ExprKind::Tuple(items) | ExprKind::List(items) => {
                let stars = items
                    .iter()
                    .filter(|i| matches!(i.kind, ExprKind::Starred(_)))
                    .count();
                if stars > 1 && ctx != TargetCtx::Del {
                    return self.fail(e.span, "multiple starred expressions in assignment");
                }
                for item in items {
                    match &item.kind {
                        ExprKind::Starred(inner) if ctx != TargetCtx::Del => {
                            self.check_target_inner(inner, ctx, false)?
                        }
                        _ => self.check_target_inner(item, ctx, false)?,
                    }
                }
                Ok(())
            }
            _ => {
                let what = e.describe();
                let verb = if ctx == TargetCtx::Del {
                    "delete"
                } else {
                    "assign to"
                };
                let named = matches!(e.kind, ExprKind::None | ExprKind::Bool(_));
                if top && ctx == TargetCtx::Assign && !named {
                    self.fail_hint(
                        e.span,
                        format!("cannot {verb} {what} here. Maybe you meant '==' instead of '='?"),
                        "'=' assigns; '==' compares",
                    )
                } else {
                    self.fail(e.span, format!("cannot {verb} {what}"))
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::core::lang::ast::*;
    use crate::core::lang::parse;

    fn def(src: &str) -> FunctionDef {
        let p = parse(src);
        assert!(p.diagnostics.is_empty(), "{:?}", p.diagnostics);
        match p.module.body.into_iter().next().map(|s| s.kind) {
            Some(StmtKind::FunctionDef(f)) => *f,
            other => panic!("{other:?}"),
        }
    }

    #[test]
    fn parameter_kinds() {
        let f = def("def f(a, /, b: int = 1, *args: str, c, d=2, **kw) -> None:\n    pass\n");
        let names = |ps: &[Param]| ps.iter().map(|p| p.name.name.clone()).collect::<Vec<_>>();
        assert_eq!(names(&f.params.posonly), ["a"]);
        assert_eq!(names(&f.params.args), ["b"]);
        assert!(f.params.args[0].annotation.is_some() && f.params.args[0].default.is_some());
        assert_eq!(
            f.params.vararg.as_ref().map(|p| p.name.name.as_str()),
            Some("args")
        );
        assert_eq!(names(&f.params.kwonly), ["c", "d"]);
        assert_eq!(
            f.params.kwarg.as_ref().map(|p| p.name.name.as_str()),
            Some("kw")
        );
        let g = def("def g(*, key):\n    pass\n");
        assert!(g.params.vararg.is_none());
        assert_eq!(names(&g.params.kwonly), ["key"]);
    }

    #[test]
    fn call_arguments() {
        let p = parse("f(1, *a, x=2, *b, **c, y=3)\n");
        assert!(p.diagnostics.is_empty(), "{:?}", p.diagnostics);
        let StmtKind::Expr(Expr {
            kind: ExprKind::Call { args, keywords, .. },
            ..
        }) = &p.module.body[0].kind
        else {
            panic!()
        };
        assert_eq!(args.len(), 3);
        assert_eq!(keywords.len(), 3);
        assert!(keywords[1].arg.is_none());
    }

    #[test]
    fn targets() {
        assert!(parse("a, (b, *c), d.e, f[0] = x\n").diagnostics.is_empty());
        assert!(
            parse("[a, b] = x\nfor k, v in d.items(): pass\ndel a, b[1], c.d\n")
                .diagnostics
                .is_empty()
        );
        assert_eq!(
            parse("(a, f()) = x\n").diagnostics[0].message,
            "cannot assign to function call"
        );
        assert_eq!(
            parse("del (a + 1)\n").diagnostics[0].message,
            "cannot delete expression"
        );
    }
}
