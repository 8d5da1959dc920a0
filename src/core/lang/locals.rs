//! The local names of a function body, as Python's compiler finds them: every name the
//! body binds (assignment and augmented assignment targets, `for` and `with ... as`
//! targets, `except ... as`, `del`, imports, nested `def` and `class` names, `:=`),
//! except those it declares `global` or `nonlocal`. Reading one before it is bound is
//! an `UnboundLocalError`, not a look into the enclosing scopes.

use super::ast::{Expr, ExprKind, Stmt, StmtKind};

/// The names local to a function whose body is `body` (its parameters not included).
pub fn local_names(body: &[Stmt]) -> Vec<String> {
    let mut bound = Vec::new();
    let mut declared = Vec::new();
    stmts(body, &mut bound, &mut declared);
    bound.retain(|n| !declared.contains(n));
    bound.sort();
    bound.dedup();
    bound
}

fn stmts(body: &[Stmt], bound: &mut Vec<String>, declared: &mut Vec<String>) {
    for s in body {
        stmt(s, bound, declared);
    }
}

fn stmt(s: &Stmt, bound: &mut Vec<String>, declared: &mut Vec<String>) {
    match &s.kind {
        StmtKind::Expr(e) => walrus(e, bound),
        StmtKind::Assign { targets, value } => {
            for t in targets {
                target(t, bound);
            }
            walrus(value, bound);
        }
        StmtKind::AugAssign { target: t, .. } => target(t, bound),
        StmtKind::AnnAssign {
            target: t, value, ..
        } => {
            // (An annotation alone binds nothing, but still makes the name local.)
            target(t, bound);
            if let Some(v) = value {
                walrus(v, bound);
            }
        }
        StmtKind::If { test, body, orelse } | StmtKind::While { test, body, orelse } => {
            walrus(test, bound);
            stmts(body, bound, declared);
            stmts(orelse, bound, declared);
        }
        StmtKind::For {
            target: t,
            body,
            orelse,
            ..
        } => {
            target(t, bound);
            stmts(body, bound, declared);
            stmts(orelse, bound, declared);
        }
        StmtKind::FunctionDef(f) => bound.push(f.name.name.clone()),
        StmtKind::ClassDef(c) => bound.push(c.name.name.clone()),
        StmtKind::Import(aliases) => {
            for a in aliases {
                let name = match &a.asname {
                    Some(n) => n.name.clone(),
                    None => a.name.name.split('.').next().unwrap_or("").to_owned(),
                };
                bound.push(name);
            }
        }
        StmtKind::ImportFrom { names, .. } => {
            for a in names {
                if a.name.name != "*" {
                    bound.push(a.asname.as_ref().unwrap_or(&a.name).name.clone());
                }
            }
        }
        StmtKind::Try {
            body,
            handlers,
            orelse,
            finalbody,
        } => {
            stmts(body, bound, declared);
            for h in handlers {
                if let Some(n) = &h.name {
                    bound.push(n.name.clone());
                }
                stmts(&h.body, bound, declared);
            }
            stmts(orelse, bound, declared);
            stmts(finalbody, bound, declared);
        }
        StmtKind::With { items, body } => {
            for it in items {
                if let Some(t) = &it.target {
                    target(t, bound);
                }
            }
            stmts(body, bound, declared);
        }
        StmtKind::Delete(targets) => {
            for t in targets {
                target(t, bound);
            }
        }
        StmtKind::Global(names) | StmtKind::Nonlocal(names) => {
            declared.extend(names.iter().map(|n| n.name.clone()));
        }
        _ => {}
    }
}

/// The names an assignment target binds (`a`, `a, (b, *c)`; not `a.x` or `a[i]`).
fn target(t: &Expr, bound: &mut Vec<String>) {
    match &t.kind {
        ExprKind::Name(n) => bound.push(n.to_string()),
        ExprKind::Tuple(items) | ExprKind::List(items) => {
            for i in items {
                target(i, bound);
            }
        }
        ExprKind::Starred(inner) => target(inner, bound),
        _ => {}
    }
}

/// The names `:=` binds at the top of an expression statement or condition.
fn walrus(e: &Expr, bound: &mut Vec<String>) {
    if let ExprKind::NamedExpr { target: t, .. } = &e.kind {
        bound.push(t.name.clone());
    }
}

#[cfg(test)]
mod tests {
    use super::local_names;

    fn locals_of(src: &str) -> Vec<String> {
        let m = crate::core::lang::parse(src);
        let Some(crate::core::lang::ast::StmtKind::FunctionDef(f)) =
            m.module.body.first().map(|s| &s.kind)
        else {
            panic!("not a def");
        };
        local_names(&f.body)
    }

    #[test]
    fn bound_names_minus_declared_ones() {
        let src = "def f():\n    global g\n    g = 1\n    a, (b, *c) = 1, (2, 3)\n    for i in x:\n        d += 1\n    with m as w:\n        pass\n    try:\n        pass\n    except E as e:\n        import os.path\n    x.y = 1\n    z[0] = 2\n";
        assert_eq!(locals_of(src), ["a", "b", "c", "d", "e", "i", "os", "w"]);
    }
}
