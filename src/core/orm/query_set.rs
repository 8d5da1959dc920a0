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
        let mut labels = subquery_labels(&first);
        // (A part that is itself a set operation selects its columns from its own
        // subquery: the query's columns are those, by position, `anon_2.user_id` read as
        // `anon_1.anon_2_user_id`.)
        for (c, inner) in columns.iter().zip(&first.columns) {
            if let (
                Expr::Column {
                    table: Some(TableRef::Named(t)),
                    name,
                },
                Expr::Column {
                    table: Some(a @ TableRef::Anon { .. }),
                    name: inner_name,
                },
            ) = (c, inner)
            {
                let label = match self.style {
                    crate::core::sql::LabelStyle::TablenamePlusCol => {
                        crate::core::sql::expr::anon_column_label(a, inner_name)
                    }
                    crate::core::sql::LabelStyle::DisambiguateOnly => Some(inner_name.clone()),
                };
                if let Some(l) = label {
                    labels.entry((t.clone(), name.clone())).or_insert(l);
                }
            }
        }
        let adapt = |e: &Expr| through_subquery(e, &labels, &anon);
        let adapt_all = |v: &[Expr]| v.iter().map(adapt).collect::<Vec<_>>();
        let mut sub = Some(FromItem::Subquery {
            select: Box::new(first),
            alias: anon.clone(),
            cte: None,
        });
        // (Its joins start from the subquery: joined from the entities' tables, then
        // those read as the subquery, the ON clauses through its labels.)
        let from = if self.joins.is_empty() {
            sub.take().into_iter().collect()
        } else {
            // (Only a set operation of one table's columns: with several entities, an
            // alias or an expression, where the joins start is not known here.)
            let table_of = |c: &Expr| match c {
                Expr::Column {
                    table: Some(TableRef::Named(t)),
                    ..
                } => Some(t.clone()),
                _ => None,
            };
            let table = columns.first().and_then(table_of);
            let Some(table) =
                table.filter(|t| columns.iter().all(|c| table_of(c).as_ref() == Some(t)))
            else {
                return Err(OrmError(format!(
                    "a join after a set operation of several entities, an alias or an expression{}",
                    super::mapper::UNSUPPORTED
                )));
            };
            let mut froms = vec![FromItem::table(&table)];
            for j in &self.joins {
                self.apply_join(reg, &mut froms, j)?;
            }
            froms
                .into_iter()
                .map(|f| through_set(f, &table, &mut sub, &adapt))
                .collect()
        };
        let columns = (columns.iter().zip(by_label))
            .map(|(c, l)| l.unwrap_or_else(|| adapt(c)))
            .collect();
        Ok(Select {
            columns,
            label_style: self.style,
            distinct: self.distinct,
            from,
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

/// A FROM item of a query over a set operation: the entity's table (the first met) is
/// the subquery `sub`, the ON clauses read its columns through it.
fn through_set(
    f: FromItem,
    table: &str,
    sub: &mut Option<FromItem>,
    adapt: &dyn Fn(&Expr) -> Expr,
) -> FromItem {
    match f {
        FromItem::Table(t) if t == table => match sub.take() {
            Some(s) => s,
            None => FromItem::Table(t),
        },
        FromItem::Join {
            left,
            right,
            on,
            outer,
            full,
        } => FromItem::Join {
            left: Box::new(through_set(*left, table, sub, adapt)),
            right: Box::new(through_set(*right, table, sub, adapt)),
            on: adapt(&on),
            outer,
            full,
        },
        other => other,
    }
}
