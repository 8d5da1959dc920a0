//! A relationship's `primaryjoin=`/`secondaryjoin=` conditions: given as expressions, or
//! as strings evaluated (as SQLAlchemy does when it configures the mappers) once every
//! class they name is mapped, with `foreign()`/`remote()` annotations available.

use std::rc::Rc;

use crate::core::interp::orm::Native;
use crate::core::interp::value::{Scope, Value};
use crate::core::interp::{Interp, R};
use crate::core::lang::ast::StmtKind;
use crate::core::orm::mapper::{Relationship, pairs_of_condition};
use crate::core::sql::Expr;

impl Interp<'_> {
    /// Sets `rel`'s primaryjoin (`primary`) or secondaryjoin from condition `e`: its
    /// foreign-key pairs and (primaryjoin only) its other terms.
    pub(super) fn set_join_condition(
        &mut self,
        rel: &mut Relationship,
        primary: bool,
        e: &Expr,
    ) -> R<()> {
        let e = self.orm.resolve_specs(e);
        // The columns declared foreign: `foreign()` ones, `foreign_keys=` ones (a string
        // names a class attribute: its column).
        // (Only the `foreign()` columns this condition has: one made elsewhere, before it,
        // is not this relationship's.)
        let mut declared = std::mem::take(&mut self.orm.join_foreign);
        declared.retain(|(t, c)| mentions(&e, t, c));
        for fk in &rel.foreign_keys {
            let Some((owner, key)) = fk.rsplit_once('.') else {
                declared.push((String::new(), fk.clone()));
                continue;
            };
            let owner = owner.rsplit('.').next().unwrap_or(owner);
            let table = match self.orm.reg.table_of(owner) {
                Ok(t) => Some(t),
                Err(_) => self.orm.reg.metadata.table(owner),
            };
            declared.push(match table {
                Some(t) => (
                    t.name.clone(),
                    t.col_by_key(key).map_or(key, |c| &c.name).to_owned(),
                ),
                None => (owner.to_owned(), key.to_owned()),
            });
        }
        let Some((pairs, extra)) = pairs_of_condition(&self.orm.reg.metadata, &e, &declared) else {
            return Ok(());
        };
        if primary {
            rel.primaryjoin = Some(pairs);
            rel.primaryjoin_extra = extra;
        } else if extra.is_empty() {
            rel.secondaryjoin = Some(pairs);
        } else {
            return self.unsupported("a `secondaryjoin=` with conditions besides its foreign keys");
        }
        Ok(())
    }

    /// Evaluates the join strings and `order_by=` strings whose classes are all mapped
    /// now (the reverse side made by `backref=` takes a primaryjoin too).
    pub(super) fn resolve_join_strings(&mut self) -> R<()> {
        self.resolve_order_by_calls(false)?;
        self.resolve_join_calls(false)?;
        for mi in 0..self.orm.reg.mappers.len() {
            for ri in 0..self.orm.reg.mappers[mi].relationships.len() {
                let rel = &mut self.orm.reg.mappers[mi].relationships[ri];
                let orders = std::mem::take(&mut rel.order_by_strings);
                let mut kept = Vec::new();
                for (index, src) in orders {
                    match self.eval_join_string(&src) {
                        Some(e) => {
                            let e = self.orm.resolve_specs(&e);
                            let rel = &mut self.orm.reg.mappers[mi].relationships[ri];
                            if let Some(slot) = rel.order_by.get_mut(index) {
                                *slot = e;
                            }
                        }
                        None => kept.push((index, src)),
                    }
                }
                let rel = &mut self.orm.reg.mappers[mi].relationships[ri];
                rel.order_by_strings = kept;
                let pending = std::mem::take(&mut rel.join_strings);
                if pending.is_empty() {
                    continue;
                }
                let mut rel = rel.clone();
                for (primary, src) in pending {
                    match self.eval_join_string(&src) {
                        Some(e) => self.set_join_condition(&mut rel, primary, &e)?,
                        None => rel.join_strings.push((primary, src)),
                    }
                }
                self.mirror_to_backref(&rel);
                self.orm.reg.mappers[mi].relationships[ri] = rel;
            }
        }
        Ok(())
    }

    /// Calls the deferred `primaryjoin=lambda: ...` callables (see `join_calls`) whose
    /// classes exist now, setting the conditions they give; the others wait. `configuring`:
    /// every class is defined, and a callable failing raises its error.
    pub(crate) fn resolve_join_calls(&mut self, configuring: bool) -> R<()> {
        let calls = std::mem::take(&mut self.orm.join_calls);
        let mut calls = calls.into_iter();
        while let Some((owner, key, primary, f)) = calls.next() {
            let v = match self.call(&f, vec![], vec![]) {
                Ok(v) => v,
                // (It and those after it stay pending: the next configuration raises.)
                Err(e) if configuring => {
                    self.orm.join_calls.push((owner, key, primary, f));
                    self.orm.join_calls.extend(calls);
                    return Err(e);
                }
                Err(_) => {
                    self.orm.join_calls.push((owner, key, primary, f));
                    continue;
                }
            };
            let at = (self
                .orm
                .reg
                .mappers
                .iter()
                .position(|m| m.class_name == owner))
            .and_then(|mi| {
                let m = &self.orm.reg.mappers[mi];
                Some((mi, m.relationships.iter().position(|r| r.name == key)?))
            });
            match (self.as_sql(&v), at) {
                (Some(e), Some((mi, ri))) => {
                    let mut rel = self.orm.reg.mappers[mi].relationships[ri].clone();
                    self.set_join_condition(&mut rel, primary, &e.expr)?;
                    self.mirror_to_backref(&rel);
                    self.orm.reg.mappers[mi].relationships[ri] = rel;
                }
                _ if configuring => {}
                _ => self.orm.join_calls.push((owner, key, primary, f)),
            }
        }
        Ok(())
    }

    /// The reverse side `backref=` made takes the relationship's primaryjoin too.
    fn mirror_to_backref(&mut self, rel: &Relationship) {
        if let (Some(b), None) = (&rel.backref, &rel.secondary)
            && let Some(rev) = (self.orm.reg.mappers.iter_mut())
                .find(|m| m.class_name == rel.target)
                .and_then(|m| m.relationships.iter_mut().find(|r| r.name == *b))
        {
            rev.primaryjoin = rel.primaryjoin.clone();
            rev.primaryjoin_extra = rel.primaryjoin_extra.clone();
        }
    }

    /// Calls the deferred `order_by=lambda: ...` callables whose classes exist now, putting
    /// what they give in place of their placeholders; the others wait for the next time.
    /// `configuring`: the mappers are being configured (a model's first use), when every
    /// class is defined: a callable failing then raises its error, as SQLAlchemy's does.
    pub(crate) fn resolve_order_by_calls(&mut self, configuring: bool) -> R<()> {
        let calls = std::mem::take(&mut self.orm.order_by_calls);
        let mut calls = calls.into_iter();
        while let Some((owner, key, at, f)) = calls.next() {
            let v = match self.call(&f, vec![], vec![]) {
                Ok(v) => v,
                // (It and those after it stay pending: the next configuration raises.)
                Err(e) if configuring => {
                    self.orm.order_by_calls.push((owner, key, at, f));
                    self.orm.order_by_calls.extend(calls);
                    return Err(e);
                }
                Err(_) => {
                    self.orm.order_by_calls.push((owner, key, at, f));
                    continue;
                }
            };
            let Some(target) = self
                .orm
                .reg
                .mappers
                .iter()
                .find(|m| m.class_name == owner)
                .and_then(|m| {
                    m.relationships
                        .iter()
                        .find(|r| r.name == key)
                        .map(|r| r.target.clone())
                })
            else {
                // (A backref's relationship is made when its class is mapped: until then
                // the call waits.)
                if !configuring {
                    self.orm.order_by_calls.push((owner, key, at, f));
                }
                continue;
            };
            let (exprs, pending, deferred) = self.order_by_of(&v, &target, at)?;
            let Some(rel) = (self.orm.reg.mappers.iter_mut())
                .find(|m| m.class_name == owner)
                .and_then(|m| m.relationships.iter_mut().find(|r| r.name == key))
            else {
                continue;
            };
            if at < rel.order_by.len() {
                rel.order_by.splice(at..at + 1, exprs);
            }
            rel.pending_order_by.extend(pending);
            rel.order_by_strings.extend(deferred);
        }
        Ok(())
    }

    /// The SQL condition a join string gives, evaluated in the module's namespace with
    /// the mapped classes by name (SQLAlchemy's class registry); `None` while it names
    /// something not defined yet.
    pub(super) fn eval_join_string(&mut self, src: &str) -> Option<Expr> {
        self.eval_join_string_checked(src).ok().flatten()
    }

    /// [`Self::eval_join_string`] with the error its evaluation raises; a class's
    /// attribute that does not exist raises SQLAlchemy's "does not have a mapped column".
    pub(crate) fn eval_join_string_checked(&mut self, src: &str) -> R<Option<Expr>> {
        let module = crate::core::lang::parse(src.trim()).module;
        let [stmt] = &module.body[..] else {
            return Ok(None);
        };
        let StmtKind::Expr(e) = &stmt.kind else {
            return Ok(None);
        };
        let span = self.cur_span;
        let scope = Scope::new(Some(self.globals.clone()));
        let classes: Vec<(String, Value)> = (self.orm.classes.iter())
            .map(|(k, c)| (k.clone(), Value::Class(c.clone())))
            .collect();
        for (k, c) in classes {
            self.set_var(&scope, &k, c);
        }
        // `foreign(col)` / `remote(col)` annotate a column; the condition is the same.
        for f in ["foreign", "remote"] {
            let v = Value::Native(Rc::new(Native::SqlaFn(Rc::from(f))));
            self.set_var(&scope, f, v);
        }
        let outer = std::mem::replace(&mut self.orm.in_join_string, true);
        let v = self.eval(e, &scope);
        self.orm.in_join_string = outer;
        self.cur_span = span;
        Ok(match v? {
            v @ Value::Native(_) => self.as_sql(&v).map(|s| s.expr),
            _ => None,
        })
    }
}

/// True when `e` has the column `table.column`.
fn mentions(e: &Expr, table: &str, column: &str) -> bool {
    match e {
        Expr::Column {
            table: Some(crate::core::sql::TableRef::Named(t)),
            name,
        } => &**t == table && name == column,
        Expr::Binary { left, right, .. } => {
            mentions(left, table, column) || mentions(right, table, column)
        }
        Expr::List { items, .. } => items.iter().any(|x| mentions(x, table, column)),
        Expr::Grouping(inner) => mentions(inner, table, column),
        _ => false,
    }
}
