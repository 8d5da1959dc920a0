//! What a SELECT's FROM and ORDER BY / GROUP BY need from its expressions: the tables (and
//! aliases, subqueries) columns name, and string label references (`order_by('name')`)
//! resolved as SQLAlchemy's `_label_resolve_dict` does.

use crate::core::sql::FromItem;
use crate::core::sql::expr::{Expr, TableRef};

use super::mapper::{OrmError, Registry};
use super::query::subquery_label;

/// `order_by('name')` / `group_by('name')`: each label reference resolved against the
/// selected columns (by label, or by `table_column`) and then the FROM items' columns by
/// key (the last FROM item naming it wins): a label renders as its name, a column as
/// itself; any other name is SQLAlchemy's CompileError.
pub fn resolve_label_refs(
    exprs: &[Expr],
    columns: &[Expr],
    froms: &[FromItem],
    reg: &Registry,
) -> Result<Vec<Expr>, OrmError> {
    if !exprs.iter().any(has_label_ref) {
        return Ok(exprs.to_vec());
    }
    let mut with_cols: Vec<(String, Expr)> = vec![];
    let put = |list: &mut Vec<(String, Expr)>, k: String, e: Expr| match list
        .iter_mut()
        .find(|(n, _)| *n == k)
    {
        Some(slot) => slot.1 = e,
        None => list.push((k, e)),
    };
    for c in columns {
        match c {
            Expr::Column {
                table: Some(TableRef::Named(t)),
                name,
            } => put(&mut with_cols, format!("{t}_{name}"), c.clone()),
            Expr::Label { name, .. } => {
                put(&mut with_cols, name.clone(), Expr::LabelRef(name.clone()))
            }
            _ => {}
        }
    }
    let mut only_froms = vec![];
    for f in froms {
        from_columns(f, reg, &mut |k, e| put(&mut only_froms, k, e));
    }
    for (k, e) in only_froms {
        if !with_cols.iter().any(|(n, _)| *n == k) {
            with_cols.push((k, e));
        }
    }
    let mut missing = None;
    for e in exprs {
        find_label_refs(e, &mut |n| {
            if missing.is_none() && !with_cols.iter().any(|(k, _)| k == n) {
                missing = Some(n.to_string());
            }
        });
    }
    if let Some(n) = missing {
        return Err(OrmError(format!(
            "{LABEL_REF_ERROR} Textual SQL expression '{n}' should be explicitly declared as text('{n}')"
        )));
    }
    Ok(exprs
        .iter()
        .map(|e| {
            e.transform(&|x| match x {
                Expr::LabelRef(n) => with_cols
                    .iter()
                    .find(|(k, _)| k == n)
                    .map(|(_, e)| e.clone()),
                _ => None,
            })
        })
        .collect())
}

/// The start of the CompileError an unresolvable label reference raises.
pub const LABEL_REF_ERROR: &str =
    "Can't resolve label reference for ORDER BY / GROUP BY / DISTINCT etc.";

/// Calls `f` with the name of each label reference in `e` (ORDER BY items are labels
/// references, possibly inside `desc()` / `nulls_last()`).
fn find_label_refs(e: &Expr, f: &mut dyn FnMut(&str)) {
    match e {
        Expr::LabelRef(n) => f(n),
        Expr::Order { expr, .. } | Expr::Nulls { expr, .. } => find_label_refs(expr, f),
        _ => {}
    }
}

fn has_label_ref(e: &Expr) -> bool {
    let mut found = false;
    find_label_refs(e, &mut |_| found = true);
    found
}

/// The columns a FROM item offers, by key, with the expression each stands for.
fn from_columns(f: &FromItem, reg: &Registry, put: &mut dyn FnMut(String, Expr)) {
    match f {
        FromItem::Table(t) => {
            if let Some(table) = reg.metadata.table(t) {
                for c in &table.columns {
                    put(c.key.clone(), Expr::col(t, c.name.clone()));
                }
            }
        }
        FromItem::Alias { table, alias } => {
            if let Some(table) = reg.metadata.table(table) {
                for c in &table.columns {
                    put(c.key.clone(), Expr::col_of(alias, c.name.clone()));
                }
            }
        }
        FromItem::Subquery { select, alias, .. } => {
            for c in &select.columns {
                let key = match c {
                    Expr::Column {
                        table: Some(TableRef::Named(t)),
                        name,
                    } => subquery_label(select.label_style, t, name),
                    Expr::Column { name, .. } => name.clone(),
                    Expr::Label { name, .. } => name.clone(),
                    _ => continue,
                };
                put(key.clone(), Expr::col_of(alias, key));
            }
        }
        FromItem::Join { left, right, .. } => {
            from_columns(left, reg, put);
            from_columns(right, reg, put);
        }
    }
}

/// Tables/aliases an expression refers to (not descending into subqueries), in order.
pub fn collect_tables(e: &Expr, out: &mut Vec<TableRef>) {
    let mut refs = Vec::new();
    collect_refs(e, &mut refs);
    for r in refs {
        if !out.contains(&r) && !matches!(&r, TableRef::Anon { base, .. } if base == "anon") {
            out.push(r);
        }
    }
}

/// Every table reference `e`'s columns name, subqueries' aliases (`anon_N`) included.
pub(super) fn collect_refs(e: &Expr, out: &mut Vec<TableRef>) {
    let mut push = |r: &TableRef| {
        if !out.contains(r) {
            out.push(r.clone());
        }
    };
    match e {
        Expr::Column { table: Some(t), .. } => push(t),
        Expr::Binary { left, right, .. } => {
            collect_refs(left, out);
            collect_refs(right, out);
        }
        Expr::List { items, .. } | Expr::Func { args: items, .. } => {
            items.iter().for_each(|i| collect_refs(i, out))
        }
        Expr::Unary { operand: x, .. }
        | Expr::Order { expr: x, .. }
        | Expr::Nulls { expr: x, .. }
        | Expr::Label { expr: x, .. }
        | Expr::Grouping(x)
        | Expr::AsBoolean { expr: x, .. }
        | Expr::Cast { expr: x, .. } => collect_refs(x, out),
        Expr::Filter { func, cond } => {
            collect_refs(func, out);
            collect_refs(cond, out);
        }
        // (A window's PARTITION BY / ORDER BY columns are FROM sources too.)
        Expr::Over {
            func,
            partition_by,
            order_by,
            ..
        } => {
            collect_refs(func, out);
            partition_by
                .iter()
                .chain(order_by)
                .for_each(|x| collect_refs(x, out));
        }
        Expr::Case {
            subject,
            whens,
            else_,
        } => {
            if let Some(x) = subject {
                collect_refs(x, out);
            }
            for (c, v) in whens {
                collect_refs(c, out);
                collect_refs(v, out);
            }
            if let Some(x) = else_ {
                collect_refs(x, out);
            }
        }
        _ => {}
    }
}
