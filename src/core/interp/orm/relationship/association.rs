//! Association rows of many-to-many relationships: inserted and deleted at flush as
//! collections change, and deleted with the object that owns them.

use std::rc::Rc;

use crate::core::interp::orm::model::Status;
use crate::core::interp::orm::{Instrumented, Native};
use crate::core::interp::value::{FxMap, Instance, Value};
use crate::core::interp::{Interp, R};
use crate::core::orm::mapper::RelKind;
use crate::core::sql::{Expr, Insert, SqlValue, Statement};

use super::snapshot;

/// The side of an association row's change: the object (by address), and the
/// relationship with its reverse (see [`Interp::relationship_pair`]).
type Side = (usize, Rc<str>);

/// An association row: its columns' values by name.
type Row = Vec<(String, SqlValue)>;

/// A row of `table` with `values` as a hashable key: each value tagged with its kind and
/// delimited, so that the key tells apart what `SqlValue`'s equality does. (Written out,
/// not `{:?}`: the release wasm is built without `Debug` formatting.)
fn row_key(table: &str, values: &[SqlValue]) -> String {
    use std::fmt::Write;
    let mut key = String::from(table);
    for v in values {
        let _ = match v {
            SqlValue::Null => write!(key, "\u{0}n"),
            SqlValue::Integer(i) => write!(key, "\u{0}i{i}"),
            SqlValue::Real(f) => write!(key, "\u{0}r{}", f.to_bits()),
            SqlValue::Text(t) => write!(key, "\u{0}t{}:{t}", t.len()),
            SqlValue::Blob(b) => {
                let _ = write!(key, "\u{0}b{}:", b.len());
                b.iter().try_for_each(|x| write!(key, "{x:02x}"))
            }
            SqlValue::Refused(r) => write!(key, "\u{0}x{}:{}", r.repr.len(), r.repr),
        };
    }
    key
}

impl Interp<'_> {
    /// True when `target`'s side of relationship `key` (of `class`) is a list that holds
    /// `parent`.
    fn listed_on_other_side(
        &self,
        class: &str,
        key: &str,
        target: &Rc<Instance>,
        parent: &Rc<Instance>,
    ) -> bool {
        let Ok(r) = self.orm.reg.relationship(class, key) else {
            return false;
        };
        let Some(rev) = self.reverse_name(class, r) else {
            return false;
        };
        match target.dict.borrow().get(rev.as_str()) {
            Some(Value::List(l)) => l
                .borrow()
                .iter()
                .any(|v| matches!(v, Value::Instance(i) if Rc::ptr_eq(i, parent))),
            _ => false,
        }
    }

    /// A many-to-many relationship and its reverse (`backref`/`back_populates`) named as
    /// one: the rows their two sides add are one change (SQLAlchemy's processed pairs),
    /// where two relationships over one table without that link add theirs each.
    fn relationship_pair(&self, class: &str, rel: &str) -> Rc<str> {
        let here = format!("{class}.{rel}");
        let there = (self.orm.reg.relationship(class, rel).ok()).and_then(|r| {
            let rev = self.reverse_name(class, r)?;
            Some(format!("{}.{rev}", r.target))
        });
        match there {
            Some(t) if t < here => Rc::from(format!("{t}|{here}").as_str()),
            Some(t) => Rc::from(format!("{here}|{t}").as_str()),
            None => Rc::from(here.as_str()),
        }
    }

    /// Inserts/deletes association rows for changed many-to-many collections.
    pub fn flush_secondary(&mut self) -> R<()> {
        let all: Vec<Rc<Instance>> = self.orm.identity_order.clone();
        // (Each insert names its side: the object and relationship whose change it is.)
        let mut inserts: Vec<(String, Row, Side)> = vec![];
        let mut deletes: Vec<(String, Vec<(String, SqlValue)>)> = vec![];
        // Dynamic relationships hold no collection: their appends and removes were
        // recorded as they happened.
        // (Per parent and relationship, as SQLAlchemy reads a collection's history:
        // its additions, then its removals.)
        let mut links = std::mem::take(&mut self.orm.dynamic_links);
        let mut group: crate::core::fxhash::FxMap<(usize, Rc<str>), usize> = Default::default();
        crate::core::sort::sort_by_cached_key(&mut links, |(p, k, _, added)| {
            let n = group.len();
            let at = Rc::as_ptr(p) as *const u8 as usize;
            (*group.entry((at, k.clone())).or_insert(n), !*added)
        });
        for (parent, key, target, added) in links {
            let Some(m) = parent.class.model_info() else {
                continue;
            };
            let Ok(r) = self.orm.reg.resolve(&m.class, &key) else {
                continue;
            };
            let Some(sec) = r.secondary.clone() else {
                continue;
            };
            // (An append mirrored from a list on the other side: that list's change
            // inserts the row.)
            if added && self.listed_on_other_side(&m.class, &key, &target, &parent) {
                continue;
            }
            if added && self.status(&target) == Status::Transient {
                self.not_in_session(&target, &parent, &key);
                continue;
            }
            let mut row = vec![];
            for (pairs, owner) in [(&r.primary, &parent), (&r.secondary_pairs, &target)] {
                for p in pairs {
                    let v = self.attr_by_col(owner, &p.referred.1);
                    row.push((
                        p.foreign.1.clone(),
                        self.to_sql(&v, None).unwrap_or(SqlValue::Null),
                    ));
                }
            }
            if added {
                let pair = self.relationship_pair(&m.class, &key);
                inserts.push((sec, row, (Rc::as_ptr(&parent) as usize, pair)));
            } else {
                deletes.push((sec, row));
            }
        }
        // Relationships resolved once per class, not once per object.
        let mut memo = super::RelsByClass::default();
        for inst in &all {
            let rels = self.rels_of(&mut memo, inst);
            for (rel, r) in rels.iter() {
                if r.kind != RelKind::ManyToMany {
                    continue;
                }
                let cur = inst.dict.borrow().get(rel.name.as_str()).cloned();
                let Some(Value::List(cur)) = cur else {
                    continue;
                };
                let cur = cur.borrow().clone();
                let old = inst
                    .orm
                    .borrow()
                    .as_ref()
                    .and_then(|s| s.rel_committed.get(rel.name.as_str()).cloned());
                let old: Vec<Value> = match old {
                    Some(Value::List(l)) => l.borrow().clone(),
                    _ => vec![],
                };
                let sec = r.secondary.clone().unwrap_or_default();
                let row_for = |it: &mut Self, target: &Rc<Instance>| -> Vec<(String, SqlValue)> {
                    let mut row = vec![];
                    for p in &r.primary {
                        let v = it.attr_by_col(inst, &p.referred.1);
                        row.push((
                            p.foreign.1.clone(),
                            it.to_sql(&v, None).unwrap_or(SqlValue::Null),
                        ));
                    }
                    for p in &r.secondary_pairs {
                        let v = it.attr_by_col(target, &p.referred.1);
                        row.push((
                            p.foreign.1.clone(),
                            it.to_sql(&v, None).unwrap_or(SqlValue::Null),
                        ));
                    }
                    row
                };
                // (Counted, not just looked for: an object appended again to a collection
                // already holding it is a second row, which the table refuses as
                // SQLAlchemy's flush finds.)
                let count = |list: &[Value], ci: &Rc<Instance>| {
                    list.iter()
                        .filter(|o| matches!(o, Value::Instance(x) if Rc::ptr_eq(x, ci)))
                        .count()
                };
                // The other side's collection on each target: when it is unloaded, the
                // backref recorded the append there as pending, and that side adds its row
                // whether or not this side held the object before.
                // (Its reverse's name and the relationship pair, found at the first append
                // only: most collections a flush looks at have none.)
                let mut names: Option<(Option<String>, Rc<str>)> = None;
                for (k, c) in cur.iter().enumerate() {
                    // (An entry beyond what the collection held before is an append.)
                    let Value::Instance(ci) = c else { continue };
                    if count(&cur[..=k], ci) <= count(&old, ci) {
                        continue;
                    }
                    let (rev, pair) = names.get_or_insert_with(|| match inst.class.model_info() {
                        Some(m) => (
                            self.reverse_name(&m.class, rel),
                            self.relationship_pair(&m.class, &rel.name),
                        ),
                        None => (None, Rc::from(rel.name.as_str())),
                    });
                    let pending_other = rev.as_deref().is_some_and(|rev| {
                        self.status(ci) == Status::Persistent && !ci.dict.borrow().contains_key(rev)
                    });
                    // (This side's history: an object it held before is no addition, and
                    // one appended twice is added twice; but the other side's pending append
                    // adds a row even for an object this side held, which the table may
                    // then refuse.)
                    if !pending_other && count(&old, ci) > 0 {
                        continue;
                    }
                    let side = (Rc::as_ptr(inst) as usize, pair.clone());
                    // (An object outside the session, put here by a backref, gets no row:
                    // SQLAlchemy warns.)
                    if self.status(ci) == Status::Transient {
                        self.not_in_session(ci, inst, &rel.name);
                        continue;
                    }
                    let row = row_for(self, ci);
                    inserts.push((sec.clone(), row, side));
                }
                for o in &old {
                    if let Value::Instance(oi) = o
                        && !cur
                            .iter()
                            .any(|c| matches!(c, Value::Instance(x) if Rc::ptr_eq(x, oi)))
                    {
                        let row = row_for(self, oi);
                        deletes.push((sec.clone(), row));
                    }
                }
                let snap = snapshot(&Value::list(cur.clone()));
                if let Some(s) = inst.orm.borrow_mut().as_mut() {
                    s.rel_committed.insert(Rc::from(rel.name.as_str()), snap);
                }
            }
        }
        // Like SQLAlchemy's unit of work: the rows of one association table go in ONE
        // executemany (deletes first), duplicates dropped.
        let mut statements: Vec<Statement> = vec![];
        for (table, row) in deletes {
            let Some(t) = self.orm.reg.metadata.table(&table).cloned() else {
                continue;
            };
            let mut vals: Vec<(String, SqlValue)> = vec![];
            for c in &t.columns {
                if let Some(v) = row.iter().find(|(k, _)| *k == c.name) {
                    vals.push(v.clone());
                }
            }
            let values: Vec<SqlValue> = vals.iter().map(|v| v.1.clone()).collect();
            if !self.orm.assoc_deleted.insert(row_key(&table, &values)) {
                continue;
            }
            let refs: Vec<(&str, SqlValue)> =
                vals.iter().map(|(k, v)| (k.as_str(), v.clone())).collect();
            let d = crate::core::orm::persist::delete_association(&t, &refs);
            statements.push(Statement::Delete(d));
        }
        self.run_batched(statements)?;
        // A row both sides of a two-way relationship add goes once (SQLAlchemy skips
        // the pairs the other side processed), but one collection holding an object
        // twice adds it twice: a row goes as many times as the side adding it most.
        let mut by_pair: Vec<(Rc<str>, Vec<Statement>)> = vec![];
        let mut done: FxMap<(String, Rc<str>), usize> = FxMap::default();
        let mut by_side: FxMap<(String, Side), usize> = FxMap::default();
        for (table, row, side) in inserts {
            let Some(t) = self.orm.reg.metadata.table(&table).cloned() else {
                continue;
            };
            let mut cols = vec![];
            let mut vals = vec![];
            // (The association table's other columns get their insert defaults, as
            // SQLAlchemy's Core INSERT gives them: a value or callable bound, a SQL
            // expression rendered.)
            let mut defaulted: Vec<(usize, Expr)> = vec![];
            for c in &t.columns {
                if let Some((_, v)) = row.iter().find(|(k, _)| *k == c.name) {
                    cols.push(c.name.clone());
                    vals.push(v.clone());
                } else if let Some(d) = self
                    .orm
                    .defaults
                    .get(&(t.name.clone(), c.name.clone()))
                    .and_then(|d| d[0].clone())
                {
                    let e = match self.as_sql(&d) {
                        Some(e) if matches!(&d, Value::Native(_)) => e.expr,
                        _ => {
                            let v = self.eval_default(&d)?;
                            Expr::bind(self.to_sql_stored(&v, &c.ty)?)
                        }
                    };
                    defaulted.push((cols.len(), e));
                    cols.push(c.name.clone());
                }
            }
            let key = row_key(&table, &vals);
            let pair = side.1.clone();
            let mine = by_side.entry((key.clone(), side)).or_insert(0);
            *mine += 1;
            let mine = *mine;
            // (Rows of unrelated relationships over one table are not merged.)
            let sent = done.entry((key, pair.clone())).or_insert(0);
            if *sent >= mine {
                continue;
            }
            *sent += 1;
            let mut exprs: Vec<Expr> = vals.into_iter().map(Expr::bind).collect();
            for (at, e) in defaulted {
                exprs.insert(at, e);
            }
            let insert = Statement::Insert(Insert {
                table: t.name.clone(),
                columns: cols,
                rows: vec![exprs],
                returning: vec![],
                prefixes: vec![],
                on_conflict: None,
            });
            // (Each relationship's rows are its own executemany, as each of SQLAlchemy's
            // dependency processors runs its own.)
            match by_pair.iter_mut().find(|(p, _)| *p == pair) {
                Some((_, list)) => list.push(insert),
                None => by_pair.push((pair, vec![insert])),
            }
        }
        for (_, statements) in by_pair {
            self.run_batched(statements)?;
        }
        Ok(())
    }

    /// Runs statements, consecutive ones with the same SQL text as one executemany.
    fn run_batched(&mut self, statements: Vec<Statement>) -> R<()> {
        let rendered: Vec<crate::core::sql::Rendered> =
            statements.iter().map(crate::core::sql::render).collect();
        let mut i = 0;
        while i < rendered.len() {
            let sql = &rendered[i].sql;
            let mut j = i + 1;
            while j < rendered.len() && rendered[j].sql == *sql {
                j += 1;
            }
            let n = if j - i == 1 {
                self.run_stmt(&statements[i], true)?.rowcount
            } else {
                let values: Vec<SqlValue> = rendered[i..j]
                    .iter()
                    .flat_map(|r| r.params.iter().cloned())
                    .collect();
                self.run_sql_many(sql, j - i, &values)?
            };
            // (SQLAlchemy checks that the DELETEs matched their rows, one each.)
            if let Statement::Delete(d) = &statements[i]
                && n != (j - i) as i64
            {
                return self.raise(
                    "StaleDataError",
                    format!("DELETE statement on table '{}' expected to delete {} row(s); Only {n} were matched.", d.table, j - i),
                );
            }
            i = j;
        }
        Ok(())
    }

    /// Takes an object being deleted out of its many-to-many collections (loading them),
    /// so that the next [`Self::flush_secondary`] deletes its association rows: the
    /// flush does so for all its deleted objects at once, one executemany per table
    /// (SQLAlchemy's many-to-many dependency processor). True when it had rows to take
    /// out (a collection it left, or a dynamic one).
    pub fn unlink_secondary(&mut self, inst: &Rc<Instance>) -> R<bool> {
        let Some(m) = inst.class.model_info() else {
            return Ok(false);
        };
        let mut unlinked = false;
        for (rel, r) in self.resolved_rels(&m.class) {
            if r.kind != RelKind::ManyToMany {
                continue;
            }
            let attr = Instrumented {
                class: m.class.clone(),
                key: Rc::from(rel.name.as_str()),
                column: None,
                via: None,
            };
            let items = match inst.dict.borrow().get(rel.name.as_str()).cloned() {
                Some(v) => v,
                None => Value::None,
            };
            let items = if matches!(items, Value::None) {
                self.load_relationship(inst, &attr)?
            } else {
                items
            };
            // A dynamic collection: its members are queried, and their rows go as
            // recorded removals.
            if let Value::Native(n) = &items
                && let Native::Dynamic(_, _, false) = &**n
            {
                let q = self.dynamic_query(inst, &rel.name)?;
                for t in self.query_all(&q)? {
                    if let Value::Instance(t) = t {
                        self.orm
                            .dynamic_links
                            .push((inst.clone(), attr.key.clone(), t, false));
                    }
                }
            }
            if let Value::List(l) = &items {
                if l.borrow().is_empty() {
                    continue;
                }
                l.borrow_mut().clear();
            }
            unlinked = true;
        }
        Ok(unlinked)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn row_keys_tell_apart_what_sql_values_do() {
        let key = |v: Vec<SqlValue>| row_key("t", &v);
        let one = key(vec![SqlValue::Integer(1), SqlValue::Integer(2)]);
        assert_eq!(one, key(vec![SqlValue::Integer(1), SqlValue::Integer(2)]));
        let others = [
            key(vec![SqlValue::Integer(2), SqlValue::Integer(1)]),
            key(vec![SqlValue::Integer(12)]),
            key(vec![SqlValue::Text("1".into()), SqlValue::Integer(2)]),
            key(vec![SqlValue::Real(1.0), SqlValue::Integer(2)]),
            key(vec![SqlValue::Null, SqlValue::Integer(2)]),
            key(vec![SqlValue::Text("1\u{0}i2".into())]),
            key(vec![SqlValue::Blob(vec![1]), SqlValue::Integer(2)]),
            row_key("u", &[SqlValue::Integer(1), SqlValue::Integer(2)]),
        ];
        for (i, k) in others.iter().enumerate() {
            assert_ne!(&one, k, "{i}");
            for (j, l) in others.iter().enumerate() {
                assert_eq!(i == j, k == l, "{i} {j}");
            }
        }
    }
}
