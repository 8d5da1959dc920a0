//! Rendering INSERT, UPDATE and DELETE, and their RETURNING clauses.

use super::*;

impl Renderer {
    /// `UPDATE t SET c=? WHERE ...`; the default dialect names a SET value's bind after
    /// its column (`name=:name`).
    pub(super) fn update(&mut self, u: &Update) -> String {
        self.enclosing.push(vec![TableRef::Named(u.table.clone())]);
        let mut sets = Vec::with_capacity(u.set.len());
        for (c, v) in &u.set {
            // (A `literal()` SET value is bound as a plain value is.)
            let v = v.unwrap_literal();
            let val = match (self.dialect, v) {
                (Dialect::Generic, Expr::Bind(b, _)) if !self.literal_binds => {
                    self.named.push((c.clone(), vec![b.clone()], false));
                    format!(":{c}")
                }
                (Dialect::Sqlite, Expr::Bind(b, _)) if self.postcompile => {
                    self.named.push((c.clone(), vec![b.clone()], false));
                    self.params.push(b.clone());
                    "?".into()
                }
                (_, v) => self.expr(v, Ctx::Normal),
            };
            sets.push(format!("{}={val}", self.q(c)));
        }
        let mut s = format!("UPDATE {} SET {}", self.q(&u.table), sets.join(", "));
        if !u.from.is_empty() {
            let from: Vec<_> = u.from.iter().map(|t| self.q(t)).collect();
            s.push_str(" FROM ");
            s.push_str(&from.join(", "));
        }
        if !u.where_.is_empty() {
            s.push_str(" WHERE ");
            s.push_str(&self.and_list(&u.where_));
        }
        self.returning(&mut s, &u.table, &u.returning);
        s
    }

    /// ` RETURNING a, b` (nothing when there are no columns).
    pub(super) fn returning(&mut self, s: &mut String, table: &str, cols: &[String]) {
        if !cols.is_empty() {
            // (The default dialect names each column with its table: `str(stmt)`.)
            let r: Vec<String> = match self.dialect {
                Dialect::Sqlite => cols.iter().map(|c| quote(c).into_owned()).collect(),
                Dialect::Generic => cols
                    .iter()
                    .map(|c| format!("{}.{}", self.q(table), self.q(c)))
                    .collect(),
            };
            s.push_str(" RETURNING ");
            s.push_str(&r.join(", "));
        }
    }

    /// `DELETE FROM t WHERE ...`.
    pub(super) fn delete(&mut self, d: &Delete) -> String {
        self.enclosing.push(vec![TableRef::Named(d.table.clone())]);
        let mut s = format!("DELETE FROM {}", self.q(&d.table));
        for t in &d.from {
            s.push_str(" , ");
            s.push_str(&self.q(t));
        }
        if !d.where_.is_empty() {
            s.push_str(" WHERE ");
            s.push_str(&self.and_list(&d.where_));
        }
        self.returning(&mut s, &d.table, &d.returning);
        s
    }

    pub(super) fn insert(&mut self, i: &Insert) -> String {
        let mut s = String::from("INSERT ");
        for p in &i.prefixes {
            s.push_str(p);
            s.push(' ');
        }
        s.push_str("INTO ");
        s.push_str(&quote(&i.table));
        if i.columns.is_empty() {
            s.push_str(" DEFAULT VALUES");
        } else {
            let cols: Vec<String> = i.columns.iter().map(|c| quote(c).into_owned()).collect();
            let rows: Vec<String> = i
                .rows
                .iter()
                .map(|row| {
                    let vals: Vec<String> = row.iter().map(|v| self.expr(v, Ctx::Normal)).collect();
                    format!("({})", vals.join(", "))
                })
                .collect();
            s.push_str(&format!(
                " ({}) VALUES {}",
                cols.join(", "),
                rows.join(", ")
            ));
        }
        if let Some(oc) = &i.on_conflict {
            s.push(' ');
            s.push_str(&self.on_conflict(oc));
        }
        self.returning(&mut s, &i.table, &i.returning);
        s
    }

    /// SQLite's upsert clause, as SQLAlchemy's SQLite compiler writes it: the target's
    /// columns without their table and its condition with literal values; `c = v` pairs
    /// with a grouped value; the update's condition with its table.
    pub(super) fn on_conflict(&mut self, oc: &OnConflict) -> String {
        let mut target = String::new();
        if !oc.target.is_empty() {
            let cols: Vec<String> = oc.target.iter().map(|c| self.q(c).into_owned()).collect();
            target = format!("({}) ", cols.join(", "));
            if let Some(w) = &oc.target_where {
                target.push_str("WHERE ");
                target.push_str(&render_ddl_expr(w));
                target.push(' ');
            }
        }
        let Some(set) = &oc.set else {
            return format!("ON CONFLICT {target}DO NOTHING");
        };
        let pairs: Vec<String> = set
            .iter()
            .map(|(c, v)| {
                format!(
                    "{} = {}",
                    self.q(c),
                    self.expr(&v.clone().self_group(None), Ctx::Normal)
                )
            })
            .collect();
        let mut s = format!("ON CONFLICT {target}DO UPDATE SET {}", pairs.join(", "));
        if let Some(w) = &oc.where_ {
            s.push_str(" WHERE ");
            s.push_str(&self.expr(w, Ctx::Normal));
        }
        s
    }
}
