//! Span erasure: set every [`Span`] in a tree to the default, so that two trees can
//! be compared for structure only (used by round-trip tests).

use super::ast::*;
use crate::core::diag::Span;
use std::rc::Rc;

/// Sets every span in `module` to `Span::default()`.
pub fn strip_module(module: &mut Module) {
    strip_stmts(&mut module.body);
}

/// A copy of `module` without spans.
pub fn stripped(module: &Module) -> Module {
    let mut m = module.clone();
    strip_module(&mut m);
    m
}

fn strip_stmts(stmts: &mut [Stmt]) {
    for s in stmts {
        strip_stmt(s);
    }
}

fn id(i: &mut Ident) {
    i.span = Span::default();
}

fn opt(e: &mut Option<Expr>) {
    if let Some(e) = e {
        strip_expr(e);
    }
}

fn exprs(es: &mut [Expr]) {
    for e in es {
        strip_expr(e);
    }
}

fn params(p: &mut Parameters) {
    let all = p
        .posonly
        .iter_mut()
        .chain(p.args.iter_mut())
        .chain(p.vararg.iter_mut());
    for p in all.chain(p.kwonly.iter_mut()).chain(p.kwarg.iter_mut()) {
        p.span = Span::default();
        id(&mut p.name);
        opt(&mut p.annotation);
        opt(&mut p.default);
    }
}

fn keywords(ks: &mut [Keyword]) {
    for k in ks {
        k.span = Span::default();
        if let Some(a) = &mut k.arg {
            id(a);
        }
        strip_expr(&mut k.value);
    }
}

fn aliases(a: &mut [Alias]) {
    for a in a {
        a.span = Span::default();
        id(&mut a.name);
        if let Some(n) = &mut a.asname {
            id(n);
        }
    }
}

/// Sets every span in `s` to the default.
pub fn strip_stmt(s: &mut Stmt) {
    s.span = Span::default();
    match &mut s.kind {
        StmtKind::Expr(e) | StmtKind::Return(Some(e)) => strip_expr(e),
        StmtKind::Assign { targets, value } => {
            exprs(targets);
            strip_expr(value);
        }
        StmtKind::AugAssign { target, value, .. } => {
            strip_expr(target);
            strip_expr(value);
        }
        StmtKind::AnnAssign {
            target,
            annotation,
            value,
        } => {
            strip_expr(target);
            strip_expr(annotation);
            opt(value);
        }
        StmtKind::If { test, body, orelse } | StmtKind::While { test, body, orelse } => {
            strip_expr(test);
            strip_stmts(body);
            strip_stmts(orelse);
        }
        StmtKind::For {
            target,
            iter,
            body,
            orelse,
        } => {
            strip_expr(target);
            strip_expr(iter);
            strip_stmts(body);
            strip_stmts(orelse);
        }
        StmtKind::FunctionDef(f) => {
            id(&mut f.name);
            params(Rc::make_mut(&mut f.params));
            opt(&mut f.returns);
            strip_stmts(Rc::make_mut(&mut f.body).as_mut_slice());
            exprs(&mut f.decorators);
        }
        StmtKind::ClassDef(c) => {
            id(&mut c.name);
            exprs(&mut c.bases);
            keywords(&mut c.keywords);
            strip_stmts(&mut c.body);
            exprs(&mut c.decorators);
        }
        StmtKind::Import(a) => aliases(a),
        StmtKind::ImportFrom { module, names, .. } => {
            if let Some(m) = module {
                id(m);
            }
            aliases(names);
        }
        StmtKind::Try {
            body,
            handlers,
            orelse,
            finalbody,
        } => {
            strip_stmts(body);
            for h in handlers {
                h.span = Span::default();
                opt(&mut h.typ);
                if let Some(n) = &mut h.name {
                    id(n);
                }
                strip_stmts(&mut h.body);
            }
            strip_stmts(orelse);
            strip_stmts(finalbody);
        }
        StmtKind::Raise { exc, cause } => {
            opt(exc);
            opt(cause);
        }
        StmtKind::With { items, body } => {
            for i in items {
                strip_expr(&mut i.context);
                opt(&mut i.target);
            }
            strip_stmts(body);
        }
        StmtKind::Assert { test, msg } => {
            strip_expr(test);
            opt(msg);
        }
        StmtKind::Delete(es) => exprs(es),
        StmtKind::Global(ns) | StmtKind::Nonlocal(ns) => ns.iter_mut().for_each(id),
        StmtKind::Return(None) | StmtKind::Break | StmtKind::Continue | StmtKind::Pass => {}
    }
}

fn comps(gs: &mut [Comprehension]) {
    for g in gs {
        strip_expr(&mut g.target);
        strip_expr(&mut g.iter);
        exprs(&mut g.ifs);
    }
}

fn fparts(parts: &mut [FStringPart]) {
    for p in parts {
        if let FStringPart::Field(f) = p {
            f.span = Span::default();
            strip_expr(&mut f.expr);
            if let Some(spec) = &mut f.format_spec {
                fparts(spec);
            }
        }
    }
}

/// Sets every span in `e` to the default.
pub fn strip_expr(e: &mut Expr) {
    e.span = Span::default();
    match &mut e.kind {
        ExprKind::BoolOp { values, .. } => exprs(values),
        ExprKind::NamedExpr { target, value } => {
            id(target);
            strip_expr(value);
        }
        ExprKind::BinOp { left, right, .. } => {
            strip_expr(left);
            strip_expr(right);
        }
        ExprKind::UnaryOp { operand, .. } => strip_expr(operand),
        ExprKind::Lambda { params: p, body } => {
            params(Rc::make_mut(p));
            strip_expr(Rc::make_mut(body));
        }
        ExprKind::IfExp { test, body, orelse } => {
            strip_expr(test);
            strip_expr(body);
            strip_expr(orelse);
        }
        ExprKind::Dict(items) => {
            for i in items {
                match i {
                    DictItem::Pair(k, v) => {
                        strip_expr(k);
                        strip_expr(v);
                    }
                    DictItem::Unpack(v) => strip_expr(v),
                }
            }
        }
        ExprKind::Set(es) | ExprKind::List(es) | ExprKind::Tuple(es) => exprs(es),
        ExprKind::ListComp { elt, generators }
        | ExprKind::SetComp { elt, generators }
        | ExprKind::GeneratorExp { elt, generators } => {
            strip_expr(elt);
            comps(generators);
        }
        ExprKind::DictComp {
            key,
            value,
            generators,
        } => {
            strip_expr(key);
            strip_expr(value);
            comps(generators);
        }
        ExprKind::Await(v) | ExprKind::YieldFrom(v) | ExprKind::Starred(v) => strip_expr(v),
        ExprKind::Yield(v) => {
            if let Some(v) = v {
                strip_expr(v);
            }
        }
        ExprKind::Compare {
            left, comparators, ..
        } => {
            strip_expr(left);
            exprs(comparators);
        }
        ExprKind::Call {
            func,
            args,
            keywords: ks,
        } => {
            strip_expr(func);
            exprs(args);
            keywords(ks);
        }
        ExprKind::FString(parts) => fparts(parts),
        ExprKind::Attribute { value, attr } => {
            strip_expr(value);
            id(attr);
        }
        ExprKind::Subscript { value, slice } => {
            strip_expr(value);
            strip_expr(slice);
        }
        ExprKind::Slice { lower, upper, step } => {
            for b in [lower, upper, step].into_iter().flatten() {
                strip_expr(b);
            }
        }
        ExprKind::Name(_)
        | ExprKind::None
        | ExprKind::Bool(_)
        | ExprKind::Int(_)
        | ExprKind::Float(_)
        | ExprKind::Str(_)
        | ExprKind::Bytes(_)
        | ExprKind::Ellipsis
        | ExprKind::Error => {}
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::lang::parse;

    #[test]
    fn same_code_different_layout_is_equal_after_stripping() {
        let a = parse("x = f(a, b=1)[1:2]\n").module;
        let b = parse("x   =   f( a ,b = 1 ) [ 1 : 2 ]\n").module;
        assert_ne!(a, b);
        assert_eq!(stripped(&a), stripped(&b));
    }
}
