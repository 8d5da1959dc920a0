//! Primary-key lookup (`Query.get()`, `db.session.get()`, `get_or_404()`): the identity
//! map first, then one cached SELECT; and werkzeug's `NotFound` for the `*_or_404` forms.

use std::rc::Rc;

use crate::core::interp::call::Kw;
use crate::core::interp::value::Value;
use crate::core::interp::{Interp, R};
use crate::core::sql::SqlValue;

impl Interp<'_> {
    /// Primary-key lookup through the identity map, then the database (with `options`, the
    /// loader options of `session.get(..., options=[...])` / `Query.options()`, and
    /// `columns`, their column options: `defer`, `load_only`...).
    pub fn get_by_pk(
        &mut self,
        class: &str,
        pk: &Value,
        options: &[crate::core::orm::eager::LoaderOption],
        columns: &[crate::core::orm::query::ColumnLoad],
    ) -> R<Value> {
        let Some(cls) = self.orm.classes.get(class).cloned() else {
            return Ok(Value::None);
        };
        let Some(m) = cls.model_info() else {
            return Ok(Value::None);
        };
        // (A scalar or a tuple is read in place: no copy of the key values.)
        let owned: Vec<Value>;
        let ids: &[Value] = match pk {
            Value::Tuple(t) => t,
            Value::List(l) => {
                owned = l.borrow().clone();
                &owned
            }
            // (Counted first: a dict with too few names is the wrong number of values.)
            Value::Dict(d) if d.borrow().len() != m.pk.len() => {
                owned = vec![];
                &owned
            }
            Value::Dict(_) => {
                let mut v = vec![];
                for &pi in &m.pk {
                    let k = m.columns[pi].0.clone();
                    let Ok(item) = self.getitem(pk, &Value::Str(k)) else {
                        let names: Vec<String> =
                            m.pk.iter()
                                .map(|&i| format!("'{}'", m.columns[i].0))
                                .collect();
                        return self.raise(
                            "InvalidRequestError",
                            format!("Incorrect names of values in identifier to formulate primary key for session.get(); primary key attribute names are {} (synonym names are also accepted)", names.join(",")),
                        );
                    };
                    v.push(item);
                }
                owned = v;
                &owned
            }
            other => std::slice::from_ref(other),
        };
        if ids.len() != m.pk.len() {
            return self.raise(
                "InvalidRequestError",
                format!("Incorrect number of values in identifier to formulate primary key for session.get(); primary key columns are {}", m.pk.iter().map(|&i| format!("'{}.{}'", m.table, m.columns[i].1)).collect::<Vec<_>>().join(",")),
            );
        }
        // The key as bind parameters and as the identity map's values (a one-column key,
        // the common case, without vectors).
        let (one_sv, one_kv);
        let (many_sv, many_kv): (Vec<SqlValue>, Vec<Value>);
        let (conv, keyvals): (&[SqlValue], &[Value]) = if let ([id], [pi]) = (ids, &m.pk[..]) {
            let ty = m.types.get(*pi);
            one_sv = self.to_sql(id, ty)?;
            one_kv = self.from_sql(&one_sv, ty)?;
            (std::slice::from_ref(&one_sv), std::slice::from_ref(&one_kv))
        } else {
            let (mut svs, mut kvs) = (Vec::with_capacity(ids.len()), Vec::with_capacity(ids.len()));
            for (id, &pi) in ids.iter().zip(&m.pk) {
                let ty = m.types.get(pi);
                let sv = self.to_sql(id, ty)?;
                kvs.push(self.from_sql(&sv, ty)?);
                svs.push(sv);
            }
            (many_sv, many_kv) = (svs, kvs);
            (&many_sv[..], &many_kv[..])
        };
        let hk = crate::core::interp::orm::model::identity_key(keyvals);
        if let Some(found) = self
            .identity_get(&crate::core::interp::orm::model::IdentityKey::new(
                &m.table, hk,
            ))
            // (`populate_existing`: the row is loaded and overwrites the object.)
            .filter(|_| !self.orm.populate_existing)
        {
            // (An object of another class of the same table, a single-table hierarchy's:
            // not one of this class.)
            if !Rc::ptr_eq(&m.base, &m.class)
                && !Rc::ptr_eq(&found.class, &cls)
                && !crate::core::interp::orm::session::is_a(&found, &m.class)
            {
                return Ok(Value::None);
            }
            // An object marked for deletion is still returned until the flush (SQLAlchemy's
            // `get_from_identity`).
            let expired = found.orm.borrow().as_ref().is_some_and(|s| s.expired);
            if expired {
                match self.refresh_instance(&found) {
                    Ok(()) => {}
                    // (Its row is gone: SQLAlchemy's `_get_impl` takes it out of the
                    // session as deleted, `deleted` until the transaction ends.)
                    Err(e)
                        if self.exc_matches(&e.value, &self.exc["ObjectDeletedError"].clone()) =>
                    {
                        self.forget(&found);
                        if let Some(s) = found.orm.borrow_mut().as_mut() {
                            s.status = crate::core::interp::orm::model::Status::Deleted;
                        }
                        self.orm.deleted_in_tx.push(found.clone());
                        return Ok(Value::None);
                    }
                    Err(e) => return Err(e),
                }
            }
            return Ok(Value::Instance(found));
        }
        if let Some(v) = self.get_with_loaders(class, conv, options, columns)? {
            return Ok(v);
        }
        // The SELECT depends only on the class: rendered once, then reused with new
        // parameters (cached only when its parameters are exactly the key's values).
        let cache_key = Rc::as_ptr(&m) as usize;
        let mut params = None;
        let sql = match self.orm.get_sql.get(&cache_key) {
            Some((_, sql)) => sql.clone(),
            None => {
                let sel = match crate::core::orm::query::get_statement(
                    &self.orm.reg,
                    class,
                    conv.to_vec(),
                ) {
                    Ok(s) => s,
                    Err(e) => return self.raise(e.class(), e.0),
                };
                let r = crate::core::sql::render(&crate::core::sql::Statement::Select(sel));
                let sql: Rc<str> = Rc::from(r.sql.as_str());
                if r.params == conv {
                    // (The model info is kept alive with it: its address stays unique.)
                    self.orm.get_sql.insert(cache_key, (m.clone(), sql.clone()));
                } else {
                    // (A `column_property` with a bound value: its parameters come first.)
                    params = Some(r.params);
                }
                sql
            }
        };
        self.autoflush()?;
        let rows = self.run_flat_sql(sql, params.as_deref().unwrap_or(conv), true)?;
        let found = match rows.rows().next() {
            Some(r) => self.instance_of_class(&cls, &m, r, 0, true),
            None => Ok(Value::None),
        };
        self.recycle_rows(rows);
        found
    }

    /// `db.get_or_404(Model, id)` / `db.first_or_404(select)` / `db.one_or_404(select)`
    /// (`which`): the object, or a 404 (`description=` its text) when there is none.
    pub(crate) fn db_or_404(&mut self, which: &str, args: Vec<Value>, kw: &Kw) -> R<Value> {
        let desc = kw
            .iter()
            .find(|(k, _)| &**k == "description")
            .map(|(_, v)| v.clone());
        let v = if which == "get_or_404" {
            let class = match args.first() {
                Some(Value::Class(c)) => c.name.to_string(),
                _ => return self.raise("ArgumentError", "get_or_404() needs a model"),
            };
            self.get_by_pk(&class, args.get(1).unwrap_or(&Value::None), &[], &[])?
        } else {
            let r = self.session_method("execute", args, vec![])?;
            let Value::Native(rn) = r else {
                return Ok(Value::None);
            };
            let rr = self.result_method(rn, "scalars", vec![], vec![])?;
            let Value::Native(sn) = rr else {
                return Ok(Value::None);
            };
            let how = if which == "first_or_404" {
                "first"
            } else {
                "one"
            };
            match self.result_method(sn, how, vec![], vec![]) {
                // (`one_or_404()` returns the one row's value, even `None`.)
                Ok(v) if how == "one" => return Ok(v),
                Ok(v) => v,
                // (No row, or more than one: a 404; any other error stands.)
                Err(e)
                    if self.exc_matches(&e.value, &self.exc["NoResultFound"].clone())
                        || self
                            .exc_matches(&e.value, &self.exc["MultipleResultsFound"].clone()) =>
                {
                    Value::None
                }
                Err(e) => return Err(e),
            }
        };
        if matches!(v, Value::None) {
            return self.not_found(desc);
        }
        Ok(v)
    }

    /// Raises werkzeug's `NotFound` (404) with an optional description.
    pub fn not_found<T>(&mut self, description: Option<Value>) -> R<T> {
        let v = self.http_exception("NotFound", description)?;
        self.raise_value(v)
    }
}
