//! Set operations (`UNION`, `UNION ALL`, `INTERSECT`, `EXCEPT`) of queries: the compound
//! SELECT, and a query over it as a subquery (a legacy `q1.union(q2)`), whose columns are
//! read through the subquery's labels.

use crate::core::sql::expr::{Expr, TableRef};
use crate::core::sql::{Compound, FromItem, Select, SqlValue};

use super::mapper::{OrmError, Registry, anon_alias};
use super::query::{Query, subquery_labels, through_subquery};

impl Query {
    /// A query over `(part1 UNION part2 ...) AS anon_1`: the parts compiled as they are,
    /// every column of theirs reached through the subquery by its label (`post.id` →
    /// `anon_1.post_id`) in this query's columns and clauses.
    pub(super) fn compile_set(
        &self,
        reg: &Registry,
        op: Compound,
        parts: &[Query],
        columns: Vec<Expr>,
    ) -> Result<Select, OrmError> {
        let mut first = compound_of(reg, op, parts)?;
        let anon = anon_alias("anon");
        // A column of the query that is not a table's (a function, an expression) is
        // read from the subquery by the label it has there, an anonymous one
        // (`count(sale.id) AS count_1` → `anon_1.count_1`) unless it was labelled.
        let mut by_label: Vec<Option<Expr>> = vec![None; first.columns.len()];
        for (c, outer) in first.columns.iter_mut().zip(by_label.iter_mut()) {
            let name = match c {
                Expr::Column { .. } => continue,
                Expr::Label { name, .. } => name.clone(),
                _ => {
                    let TableRef::Anon { id, .. } = anon_alias("anon") else {
                        continue;
                    };
                    *c = c.clone().anon_label(id);
                    let Expr::Label { name, .. } = c else {
                        continue;
                    };
                    name.clone()
                }
            };
            *outer = Some(Expr::col_of(&anon, name));
        }
        if by_label.len() != columns.len() {
            by_label = vec![None; columns.len()];
        }
        let labels = subquery_labels(&first);
        let adapt = |e: &Expr| through_subquery(e, &labels, &anon);
        let adapt_all = |v: &[Expr]| v.iter().map(adapt).collect::<Vec<_>>();
        let columns = (columns.iter().zip(by_label))
            .map(|(c, l)| l.unwrap_or_else(|| adapt(c)))
            .collect();
        Ok(Select {
            columns,
            label_style: self.style,
            distinct: self.distinct,
            from: vec![FromItem::Subquery {
                select: Box::new(first),
                alias: anon.clone(),
                cte: None,
            }],
            where_: adapt_all(&self.where_),
            group_by: adapt_all(&self.group_by),
            having: adapt_all(&self.having),
            order_by: adapt_all(&self.order_by),
            limit: self.limit.map(|n| Expr::bind(SqlValue::Integer(n))),
            offset: self.offset.map(|n| Expr::bind(SqlValue::Integer(n))),
            compound: vec![],
            correlate: self.correlate.clone(),
        })
    }
}

/// The first of `parts` compiled, the others joined to it by `op` (`UNION`...).
pub(super) fn compound_of(
    reg: &Registry,
    op: Compound,
    parts: &[Query],
) -> Result<Select, OrmError> {
    let mut selects = parts
        .iter()
        .map(|p| p.compile(reg))
        .collect::<Result<Vec<_>, _>>()?
        .into_iter();
    let mut first = selects
        .next()
        .ok_or_else(|| OrmError("a set operation needs queries".into()))?;
    first.compound = selects.map(|s| (op, s)).collect();
    Ok(first)
}
