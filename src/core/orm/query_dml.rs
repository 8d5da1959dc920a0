//! The bulk DML a `Query` states: `query.update({...})` and `query.delete()` (and the
//! constructs `table.update()` / `table.delete()` make) as [`Update`] / [`Delete`] values.

use crate::core::sql::expr::Expr;
use crate::core::sql::{Delete, Update};

use super::mapper::{OrmError, Registry};
use super::query::Query;
use super::schema::Table;

impl Query {
    /// Bulk `query.update({...})`: SET in table column order, the query's WHERE.
    pub fn update_statement(
        &self,
        reg: &Registry,
        values: Vec<(&str, Expr)>,
    ) -> Result<Update, OrmError> {
        let table = self.dml_table(reg, "update")?;
        let mut set = Vec::new();
        for c in &table.columns {
            if let Some((_, v)) = values.iter().find(|(k, _)| *k == c.key || *k == c.name) {
                set.push((c.name.clone(), v.clone().self_group(None)));
            }
        }
        let where_ = self.where_with_polymorphic(reg);
        Ok(Update {
            table: table.name.clone(),
            set,
            from: extra_froms(&table.name, &where_),
            where_,
            returning: vec![],
        })
    }

    /// The table an UPDATE or DELETE writes: its entity's, or the plain table it was made
    /// from (`table.update()`, `table.delete()`).
    fn dml_table<'r>(&self, reg: &'r Registry, what: &str) -> Result<&'r Table, OrmError> {
        if let Some(class) = self.filter_by_class(reg) {
            return reg.table_of(&class);
        }
        self.select_from
            .first()
            .and_then(|t| reg.metadata.table(t))
            .ok_or_else(|| OrmError(format!("{what}() needs an entity")))
    }

    /// Bulk `query.delete()`.
    pub fn delete_statement(&self, reg: &Registry) -> Result<Delete, OrmError> {
        let table = self.dml_table(reg, "delete")?.name.clone();
        let where_ = self.where_with_polymorphic(reg);
        Ok(Delete {
            from: extra_froms(&table, &where_),
            table,
            where_,
            returning: vec![],
        })
    }
}

/// The tables other than `table` that `where_` names, in order (SQLAlchemy's
/// `_extra_froms` of an UPDATE or DELETE).
fn extra_froms(table: &str, where_: &[Expr]) -> Vec<String> {
    let mut refs = vec![];
    for w in where_ {
        super::froms::collect_tables(w, &mut refs);
    }
    refs.into_iter()
        .filter_map(|r| match r {
            crate::core::sql::TableRef::Named(t) if t != table => Some(t),
            _ => None,
        })
        .collect()
}
