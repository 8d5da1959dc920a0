//! The boolean constructors: `and_()`, `or_()`, `not_()`, and SQLAlchemy's processing of the
//! clauses of an AND/OR list (`_process_clauses_for_boolean`).

use super::{Expr, Op, bx};

fn boolean(op: Op, clauses: Vec<Expr>) -> Expr {
    let mut clauses = boolean_clauses(op, clauses);
    if clauses.len() == 1 {
        return clauses.remove(0);
    }
    Expr::List { op, items: clauses }
}

/// SQLAlchemy's `_process_clauses_for_boolean`: the clauses an AND (a WHERE list, `and_`)
/// or an OR keeps, grouped against it. A `true()` in an AND (a `false()` in an OR)
/// drops out unless it is alone; a `false()` in an AND (`true()` in an OR) stands for
/// the whole list. One clause left is grouped as a condition, several against `op`.
pub fn boolean_clauses(op: Op, clauses: Vec<Expr>) -> Vec<Expr> {
    let continue_on = Expr::Bool(op == Op::And);
    let skip_on = Expr::Bool(op != Op::And);
    let mut kept: Vec<Expr> = Vec::with_capacity(clauses.len());
    let mut has_continue_on = false;
    for c in clauses {
        // (An empty `and_()` / `or_()` adds no criterion.)
        if matches!(&c, Expr::List { op: Op::And | Op::Or, items } if items.is_empty()) {
            continue;
        }
        if c == continue_on {
            has_continue_on = true;
        } else if c == skip_on {
            kept = vec![c];
            break;
        } else {
            kept.push(c);
        }
    }
    if kept.is_empty() && has_continue_on {
        kept.push(continue_on);
    }
    let against = if kept.len() > 1 { op } else { Op::AsBool };
    kept.into_iter()
        .map(|c| c.self_group(Some(against)))
        .collect()
}

/// `and_(a, b, ...)`.
pub fn and(clauses: Vec<Expr>) -> Expr {
    boolean(Op::And, clauses)
}

/// `or_(a, b, ...)`.
pub fn or(clauses: Vec<Expr>) -> Expr {
    boolean(Op::Or, clauses)
}

/// `not_(x)` / `~x`: comparisons flip their operator, anything else becomes `NOT x`
/// (grouped: `NOT (a OR b)`, `NOT (EXISTS (...))`).
pub fn not(e: Expr) -> Expr {
    match e {
        Expr::Bool(b) => Expr::Bool(!b),
        Expr::AsBoolean { expr, is_true } => Expr::AsBoolean {
            expr,
            is_true: !is_true,
        },
        Expr::Binary { left, op, right } if op.negated().is_some() => Expr::Binary {
            left,
            op: op.negated().unwrap_or(op),
            right,
        },
        Expr::Unary {
            op: Op::Not,
            operand,
        } => match *operand {
            Expr::Grouping(inner) => *inner,
            other => other,
        },
        other => Expr::Unary {
            op: Op::Not,
            operand: bx(other.self_group(Some(Op::Not))),
        },
    }
}
