//! `from_statement(text(...))`: a mapped class's instances from the rows of textual SQL.

use crate::core::interp::orm::session::FlatRows;
use crate::core::interp::{Interp, R};
use crate::core::sql::{Expr, SqlValue};

use super::Ent;
use super::eager::Loaded;

impl Interp<'_> {
    /// `from_statement(text(...))` for one mapped class: the statement's rows, each column
    /// matched to the class's table by name (SQLAlchemy's textual-SQL mapping).
    pub(super) fn load_from_text(&mut self, text: &Expr, ents: &[Ent], single: bool) -> R<Loaded> {
        let [Ent::Class(class)] = ents else {
            return self.unsupported("`from_statement()` with anything but one mapped class");
        };
        let Expr::Text { sql, binds } = text else {
            return self.raise("ArgumentError", "from_statement() needs a text() construct");
        };
        let (pos, names) = crate::core::sql::text::positional(sql);
        let params: Vec<SqlValue> = names
            .iter()
            .map(|n| {
                binds
                    .iter()
                    .find(|(k, _)| k == n)
                    .map_or(SqlValue::Null, |(_, v)| v.clone())
            })
            .collect();
        self.autoflush()?;
        let res = self.run_sql_named(&pos, &params)?;
        let table = match self.orm.reg.table_of(class) {
            Ok(t) => t.clone(),
            Err(e) => return self.raise(e.class(), e.0),
        };
        let at: Vec<Option<usize>> = table
            .columns
            .iter()
            .map(|c| res.columns.iter().position(|n| *n == c.name))
            .collect();
        let mut rows = FlatRows {
            width: at.len(),
            values: Vec::with_capacity(at.len() * res.rows.len()),
        };
        for r in &res.rows {
            for i in &at {
                rows.values
                    .push(i.and_then(|i| r.get(i).cloned()).unwrap_or(SqlValue::Null));
            }
        }
        let instances = self.build_instances(class, rows)?;
        let (rows, instances) = if single {
            (Vec::new(), Some(instances))
        } else {
            (instances.into_iter().map(|v| vec![v]).collect(), None)
        };
        Ok(Loaded {
            rows,
            instances,
            multi_row: false,
            may_repeat: false,
        })
    }
}
