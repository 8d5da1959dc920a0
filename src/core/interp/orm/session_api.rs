//! `db.session.*` methods and statement execution (`text()`, DML selects).

use std::cell::RefCell;
use std::rc::Rc;

use super::super::call::Kw;
use super::super::value::{Instance, Value};
use super::super::{Interp, R};
use super::Native;
use super::dispatch::{ellipses_repr, kwget, nv};
use super::model::Status;
use super::query::QueryObj;
use super::result::{ResultKind, ResultObj};

impl Interp<'_> {
    /// `db.session.<name>(...)`.
    pub fn session_method(&mut self, name: &str, args: Vec<Value>, kw: Kw) -> R<Value> {
        let mut args = args;
        if let Some((_, p)) = kw.iter().find(|(k, _)| &**k == "params")
            && args.len() == 1
        {
            args.push(p.clone());
        }
        // (A script's call was checked against the method's signature already; `first`
        // keeps a call made otherwise from indexing nothing.)
        let first = args.first().cloned().unwrap_or(Value::None);
        match name {
            "bulk_insert_mappings" | "bulk_update_mappings" | "bulk_save_objects" => {
                self.session_bulk(name, args, kw)
            }
            // (Each begins the session's transaction, if none is under way: no BEGIN is
            // sent until a statement needs the connection.)
            "add" => {
                self.session_add(&first)?;
                self.orm.autobegun = true;
                Ok(Value::None)
            }
            "add_all" => {
                for v in self.iterate(&first)? {
                    self.session_add(&v)?;
                }
                self.orm.autobegun = true;
                Ok(Value::None)
            }
            "delete" => {
                self.session_delete(&first)?;
                self.orm.autobegun = true;
                Ok(Value::None)
            }
            "commit" => {
                self.commit()?;
                Ok(Value::None)
            }
            "rollback" => {
                self.rollback()?;
                Ok(Value::None)
            }
            "flush" => {
                self.flush()?;
                Ok(Value::None)
            }
            "close" | "remove" => {
                self.close_session();
                Ok(Value::None)
            }
            "expire_all" => {
                for i in self.orm.identity_order.clone() {
                    self.expire(&i);
                }
                Ok(Value::None)
            }
            "expire" | "refresh" => {
                let i = self.mapped_instance_arg(args.first())?;
                let i = &i;
                if self.status(i) != super::model::Status::Persistent {
                    return self.raise(
                        "InvalidRequestError",
                        format!(
                            "Instance '<{} at 0x7f0000000000>' is not persistent within this Session",
                            i.class.name
                        ),
                    );
                }
                // `expire(obj, ['a', 'b'])`: those attributes only
                let names = match args.get(1).or_else(|| kwget(&kw, "attribute_names")) {
                    Some(Value::None) | None => None,
                    Some(v) => Some(self.iterate(v)?),
                };
                let i = i.clone();
                let mut first_column = None;
                match &names {
                    Some(names) => {
                        self.expire_attributes(&i, names)?;
                        let m = i.class.model_info();
                        first_column = (names.iter())
                            .filter_map(|n| match n {
                                Value::Str(s) => self.attr_slot(m.as_ref()?, s),
                                _ => None,
                            })
                            .next();
                    }
                    None => {
                        // (What the `refresh-expire` cascade reaches, `cascade='all'`, is
                        // expired with it: found first, as expiring unloads the
                        // relationships it goes through.)
                        let mut stack = vec![i.clone()];
                        let mut reached = vec![];
                        let mut seen = crate::core::interp::value::FxSet::default();
                        seen.insert(Rc::as_ptr(&i) as usize);
                        while let Some(x) = stack.pop() {
                            for r in self.cascaded(&x, "refresh-expire") {
                                if seen.insert(Rc::as_ptr(&r) as usize) {
                                    stack.push(r.clone());
                                    reached.push(r);
                                }
                            }
                        }
                        self.expire(&i);
                        for r in &reached {
                            if self.status(r) == super::model::Status::Persistent {
                                self.expire(r);
                            }
                        }
                    }
                }
                let i = &i;
                if name == "refresh" {
                    // `session.refresh()` loads with a 2.0 `select()`: columns unlabeled;
                    // `refresh(obj, ['a'])` the attributes named, loaded together.
                    self.orm.plain_refresh = true;
                    let r = match first_column {
                        Some(c) => self.load_deferred_column(i, c).map(|_| ()),
                        None => self.refresh_instance(i),
                    };
                    self.orm.plain_refresh = false;
                    // (A row gone is "Could not refresh" here, where reading an expired
                    // attribute raises ObjectDeletedError.)
                    if let Err(e) = &r
                        && self.exc_matches(&e.value, &self.exc["ObjectDeletedError"].clone())
                    {
                        return self.raise(
                            "InvalidRequestError",
                            format!(
                                "Could not refresh instance '<{} at 0x7f0000000000>'",
                                i.class.name
                            ),
                        );
                    }
                    r?;
                }
                Ok(Value::None)
            }
            "expunge" => {
                if let Some(v) = args.first()
                    && !matches!(v, Value::Instance(i) if i.class.model_info().is_some())
                {
                    let v = v.clone();
                    self.unmapped_instance(&v)?;
                }
                if let Some(Value::Instance(i)) = args.first() {
                    if !matches!(
                        self.status(i),
                        super::model::Status::Persistent | super::model::Status::Pending
                    ) {
                        return self.raise(
                            "InvalidRequestError",
                            format!(
                                "Instance <{} at 0x7f0000000000> is not present in this Session",
                                i.class.name
                            ),
                        );
                    }
                    // The object and what its `expunge` cascade reaches (loaded
                    // relationships only, as SQLAlchemy's `cascade_iterator` walks them).
                    let mut stack = vec![i.clone()];
                    let mut seen = crate::core::interp::value::FxSet::default();
                    seen.insert(Rc::as_ptr(i) as usize);
                    while let Some(x) = stack.pop() {
                        if matches!(
                            self.status(&x),
                            super::model::Status::Persistent | super::model::Status::Pending
                        ) {
                            self.forget(&x);
                            // (A pending deletion goes with it.)
                            self.orm.deleted.retain(|d| !Rc::ptr_eq(d, &x));
                            if let Some(s) = x.orm.borrow_mut().as_mut() {
                                s.to_delete = false;
                                s.redeleted = false;
                                s.status = if s.identity.is_some() {
                                    super::model::Status::Detached
                                } else {
                                    super::model::Status::Transient
                                };
                            }
                        }
                        for r in self.cascaded(&x, "expunge") {
                            if seen.insert(Rc::as_ptr(&r) as usize) {
                                stack.push(r);
                            }
                        }
                    }
                }
                Ok(Value::None)
            }
            // `Session.object_session(obj)`: the session the object is in, else None.
            "object_session" => match args.first() {
                Some(Value::Instance(i)) if i.class.model_info().is_some() => {
                    self.state_attr(&i.clone(), "session")
                }
                Some(other) => {
                    let other = other.clone();
                    self.unmapped_instance(&other)?;
                    Ok(Value::None)
                }
                None => self.raise(
                    "TypeError",
                    "Session.object_session() missing 1 required positional argument: 'instance'",
                ),
            },
            "expunge_all" => {
                self.expunge_all();
                Ok(Value::None)
            }
            "merge" => match args.first() {
                Some(Value::Instance(src)) => {
                    let src = src.clone();
                    self.merge(&src)
                }
                Some(other) => {
                    let other = other.clone();
                    self.unmapped_instance(&other).map(|()| Value::None)
                }
                None => self.raise(
                    "TypeError",
                    "Session.merge() missing 1 required positional argument: 'instance'",
                ),
            },
            // `get_one()`: `get()`, raising when nothing is found.
            "get_one" => {
                let found = self.session_method("get", args, kw)?;
                if matches!(found, Value::None) {
                    return self.raise("NoResultFound", "No row was found when one was required");
                }
                Ok(found)
            }
            "get" => {
                let Some(Value::Class(c)) = args.first().filter(|c| match c {
                    Value::Class(c) => c.model_info().is_some(),
                    _ => false,
                }) else {
                    // (What `inspect()` makes of anything but a mapped class.)
                    let t = match args.first() {
                        Some(Value::Class(_)) => "<class 'type'>".to_owned(),
                        Some(v) => format!("<class '{}'>", self.type_name(v)),
                        None => {
                            return self.raise(
                                "TypeError",
                                "Session.get() missing 2 required positional arguments: 'entity' and 'ident'",
                            );
                        }
                    };
                    return self.raise(
                        "NoInspectionAvailable",
                        format!("No inspection system is available for object of type {t}"),
                    );
                };
                self.configure_mappers()?;
                let class = c.name.to_string();
                let (options, columns) = match kw.iter().find(|(k, _)| &**k == "options") {
                    Some((_, v)) => {
                        let items = self.iterate(v)?;
                        (self.options_of(&items)?, self.column_options_of(&items))
                    }
                    None => (vec![], vec![]),
                };
                // `populate_existing=True` (not in `execution_options={...}`: SQLAlchemy's
                // `get()` looks in the identity map first whatever those say).
                let populate = match kw.iter().find(|(k, _)| &**k == "populate_existing") {
                    Some((_, v)) => self.truthy(v)?,
                    None => false,
                };
                let pk = args.get(1).unwrap_or(&Value::None);
                if !populate {
                    return self.get_by_pk(&class, pk, &options, &columns);
                }
                let outer = std::mem::replace(&mut self.orm.populate_existing, true);
                let found = self.get_by_pk(&class, pk, &options, &columns);
                self.orm.populate_existing = outer;
                found
            }
            "query" => {
                self.configure_mappers()?;
                let (es, mut ents) = self.entities_from(&args)?;
                super::query::legacy_row_keys(&es, &mut ents);
                let mut q = crate::core::orm::query::Query::legacy(es);
                q.poly_classes = self.poly_classes(&args);
                Ok(nv(Native::Query(Box::new(QueryObj {
                    dml: None,
                    sync: None,
                    returning: vec![],
                    q,
                    legacy: true,
                    ents,
                    core: false,
                    class: self.orm.query_class.clone(),
                }))))
            }
            "execute" => {
                let Some(stmt) = args.first() else {
                    return self.raise(
                        "TypeError",
                        "execute() missing 1 required positional argument: 'statement'",
                    );
                };
                // (An ORM statement configures the mappers when it runs.)
                if matches!(stmt, Value::Native(n) if matches!(&**n, Native::Query(q) if q.dml.is_none()))
                {
                    self.configure_mappers()?;
                }
                match stmt {
                    Value::Native(n) => match &**n {
                        Native::Insert(ins) => {
                            let ins = ins.clone();
                            self.execute_insert(&ins, args.get(1))
                        }
                        Native::Query(q) if q.dml.is_some() => {
                            let mut q = q.clone();
                            // `execute(stmt, execution_options={...})` over the statement's own.
                            if let Some((_, opts)) =
                                kw.iter().find(|(k, _)| &**k == "execution_options")
                            {
                                for (k, v) in self.mapping_items(opts)? {
                                    if matches!(&k, Value::Str(s) if &**s == "synchronize_session")
                                    {
                                        q.sync = Some(v);
                                    }
                                }
                            }
                            // `execute(update(M), [{...}, ...])`: ORM bulk UPDATE by primary key.
                            if let (Some(Some(_)), Some(rows @ Value::List(_))) =
                                (&q.dml, args.get(1))
                            {
                                let rows = rows.clone();
                                return self.update_by_primary_key(&q, &rows);
                            }
                            match q.core {
                                true => self.without_autoflush(|it| it.execute_dml(&q)),
                                false => self.execute_dml(&q),
                            }
                        }
                        // `execute(stmt, {'name': value})`: values for the statement's
                        // named parameters (those of its text() parts).
                        Native::Query(q) if matches!(args.get(1), Some(Value::Dict(_))) => {
                            let q = q.clone();
                            let with =
                                self.query_method(&q, "params", vec![args[1].clone()], vec![])?;
                            match &with {
                                Value::Native(n) if let Native::Query(q) = &**n => {
                                    let q = q.clone();
                                    self.execute_select(&q)
                                }
                                _ => self.execute_select(&q),
                            }
                        }
                        Native::Query(q) => {
                            let q = q.clone();
                            self.execute_select(&q)
                        }
                        Native::Text(..) | Native::TextTyped(..) => {
                            let (text, types) = match &**n {
                                Native::TextTyped(t, ty) => (t.clone(), ty.clone()),
                                _ => (n.clone(), Rc::from([])),
                            };
                            let Native::Text(sql, binds) = &*text else {
                                return Ok(Value::None);
                            };
                            let (sql, binds) = (sql.clone(), binds.clone());
                            let sets = match args.get(1) {
                                Some(Value::List(l)) => l.borrow().clone(),
                                Some(p) => vec![p.clone()],
                                None => vec![Value::None],
                            };
                            self.execute_text_typed(&sql, &binds, sets, &types)
                        }
                        _ => self.not_executable(stmt),
                    },
                    Value::Str(s) => self.raise("ArgumentError", {
                        let r = ellipses_repr(s);
                        format!(
                            "Textual SQL expression {r} should be explicitly declared as text({r})"
                        )
                    }),
                    _ => self.not_executable(stmt),
                }
            }
            "scalar" | "scalars" => {
                let r = self.session_method("execute", args, kw)?;
                let Value::Native(rn) = r else {
                    return Ok(Value::None);
                };
                self.result_method(rn, name, vec![], vec![])
            }
            "begin" => {
                let s = self.session_begin()?;
                Ok(nv(Native::SessionScope(s)))
            }
            "begin_nested" => {
                let s = self.session_begin_nested()?;
                Ok(nv(Native::SessionScope(s)))
            }
            // The session's own connection (its transaction begun, as `connection()` begins it).
            "connection" => {
                self.begin()?;
                Ok(super::dispatch::nv(super::Native::Connection(
                    std::cell::Cell::new(Some(false)),
                    false,
                )))
            }
            // (A failed flush leaves its transaction open, inactive, until `rollback()`.)
            "in_transaction" => Ok(Value::Bool(
                self.orm.in_tx || self.orm.autobegun || self.orm.failed.is_some(),
            )),
            // The transaction in progress (the root one; the innermost savepoint's for
            // `get_nested_transaction`), or None.
            "get_transaction" => Ok(
                if self.orm.in_tx || self.orm.autobegun || self.orm.failed.is_some() {
                    nv(Native::SessionScope(
                        super::session::scopes::SessionScope::Begin,
                    ))
                } else {
                    Value::None
                },
            ),
            "get_nested_transaction" => Ok(match self.orm.savepoints.len() {
                0 => Value::None,
                n => nv(Native::SessionScope(
                    super::session::scopes::SessionScope::Nested(n),
                )),
            }),
            "in_nested_transaction" => Ok(Value::Bool(!self.orm.savepoints.is_empty())),
            "is_modified" => {
                let Some(Value::Instance(i)) = args.first() else {
                    return Ok(Value::Bool(false));
                };
                let i = i.clone();
                let pending = matches!(self.status(&i), Status::Transient | Status::Pending);
                Ok(Value::Bool(match pending {
                    true => self.state_modified(&i),
                    false => self.is_dirty(&i),
                }))
            }
            _ => self.no_attr("Session", name),
        }
    }

    pub(crate) fn session_set_items(&mut self, k: u8) -> R<Vec<Value>> {
        Ok(match k {
            0 => self
                .orm
                .new
                .iter()
                .map(|i| Value::Instance(i.clone()))
                .collect(),
            1 => {
                // Every persistent object modified (an attribute set, even to the value it
                // had: `is_modified()` tells), not marked for deletion.
                let mut out = vec![];
                for i in &self.orm.modified {
                    if i.orm
                        .borrow()
                        .as_ref()
                        .is_some_and(|s| s.status == Status::Persistent && !s.to_delete)
                    {
                        out.push(Value::Instance(i.clone()));
                    }
                }
                out
            }
            _ => self
                .orm
                .deleted
                .iter()
                .map(|i| Value::Instance(i.clone()))
                .collect(),
        })
    }

    /// `session.execute(update(M), [{...}, ...])`: SQLAlchemy's ORM bulk UPDATE by primary
    /// key: each record's key picks the row, its other keys are set (records setting the
    /// same columns in a row run as one executemany), and the objects of those keys in the
    /// session take the new values.
    fn update_by_primary_key(&mut self, q: &QueryObj, records: &Value) -> R<Value> {
        let class = q.q.filter_by_class(&self.orm.reg).unwrap_or_default();
        let Some(m) = self.orm.classes.get(&*class).and_then(|c| c.model_info()) else {
            return self.raise(
                "InvalidRequestError",
                "update() of a class that is not mapped",
            );
        };
        let Ok(table) = self.orm.reg.table_of(&class).cloned() else {
            return self.raise(
                "InvalidRequestError",
                "update() of a class that is not mapped",
            );
        };
        // (The session's transaction begins before the records are checked.)
        self.begin()?;
        if !q.q.where_.is_empty() {
            if matches!(q.sync, Some(Value::None)) {
                return self.unsupported("a bulk UPDATE by primary key with WHERE criteria");
            }
            return self.raise(
                "InvalidRequestError",
                "bulk synchronize of persistent objects not supported when using bulk update with additional WHERE criteria right now.  add synchronize_session=None execution option to bypass synchronize of persistent objects.",
            );
        }
        let mut rows: Vec<Vec<(usize, Value)>> = vec![];
        for record in self.iterate(records)? {
            let mut cells = vec![];
            for (k, v) in self.mapping_items(&record)? {
                if let Value::Str(k) = &k
                    && let Some(i) = m.column_index(k)
                {
                    cells.push((i, v));
                }
            }
            if m.pk.iter().any(|pi| !cells.iter().any(|(i, _)| i == pi)) {
                let cols: Vec<String> =
                    m.pk.iter()
                        .filter(|pi| !cells.iter().any(|(i, _)| i == *pi))
                        .map(|&pi| format!("{}.{}", table.name, table.columns[pi].name))
                        .collect();
                return self.raise(
                    "InvalidRequestError",
                    format!(
                        "No primary key value supplied for column(s) {}; per-row ORM Bulk UPDATE by Primary Key requires that records contain primary key values (Background on this error at: https://sqlalche.me/e/20/bupq)",
                        cols.join(", ")
                    ),
                );
            }
            crate::core::sort::sort_by_key(&mut cells, |c| c.0);
            rows.push(cells);
        }
        self.autoflush()?;
        self.bulk_update(&m, rows.clone())?;
        // The objects of those keys in the session take the values, as loaded.
        for cells in rows {
            let mut key = vec![];
            let mut set = vec![];
            for (i, v) in &cells {
                if m.pk.contains(i) {
                    let sv = self.to_sql(v, m.types.get(*i))?;
                    key.push(self.from_sql(&sv, m.types.get(*i))?);
                } else {
                    let sv = self.to_sql_stored(v, &table.columns[*i].ty)?;
                    set.push((
                        table.columns[*i].name.clone(),
                        crate::core::sql::Expr::bind(sv),
                    ));
                }
            }
            let k = super::model::IdentityKey::new(&m.table, super::model::identity_key(&key));
            if let Some(obj) = self.identity_get(&k) {
                self.bulk_apply_update(&table, &set, &[], &[obj])?;
            }
        }
        let mut ro = ResultObj::rows(Rc::new(vec![]), vec![]);
        ro.kind = ResultKind::NoRows;
        ro.bulk = true;
        Ok(nv(Native::Result(RefCell::new(ro))))
    }

    /// `session.execute(v)` of something that is no statement: SQLAlchemy's
    /// `ArgumentError`, naming it by its repr.
    fn not_executable(&mut self, v: &Value) -> R<Value> {
        let r = self.repr(v)?;
        self.raise(
            "ArgumentError",
            format!("Executable SQL or text() construct expected, got {r}."),
        )
    }

    /// `session.execute(update(M).where(...).values(...))` / `delete(M).where(...)`.
    pub fn execute_dml(&mut self, q: &QueryObj) -> R<Value> {
        // A plain table's statement (`table.update()`, `table.delete()`): Core DML, with
        // no objects to synchronize.
        if q.q.filter_by_class(&self.orm.reg).is_none() {
            let st = self.dml_statement(q)?;
            let r = self.run_stmt(&st, true)?;
            // (`returning(...)`: the rows its columns gave.)
            let returning = match &st {
                crate::core::sql::Statement::Update(u) => &u.returning,
                crate::core::sql::Statement::Delete(d) => &d.returning,
                _ => &Vec::new(),
            };
            let mut ro = match self.dml_table(q, "") {
                Some(table) if !returning.is_empty() => {
                    self.returned_result(&table, returning, None, &r.rows)?
                }
                _ => {
                    let mut ro = ResultObj::rows(Rc::new(vec![]), vec![]);
                    ro.kind = ResultKind::NoRows;
                    ro
                }
            };
            ro.rowcount = r.rowcount;
            return Ok(nv(Native::Result(RefCell::new(ro))));
        }
        let name = if matches!(q.dml, Some(Some(_))) {
            "update"
        } else {
            "delete"
        };
        let args = match &q.dml {
            Some(Some(vals)) => vec![Value::dict_of(
                vals.iter()
                    .map(|(k, v)| (Value::Str(k.clone()), v.clone()))
                    .collect(),
            )],
            _ => vec![],
        };
        let mut lq = q.clone();
        lq.legacy = true;
        lq.dml = None;
        let kw = match &q.sync {
            Some(v) => vec![(Rc::from("synchronize_session"), v.clone())],
            None => vec![],
        };
        let done = self.bulk_dml(&lq, &lq, name, args, kw)?;
        let ro = done.returned.unwrap_or_else(|| {
            let mut ro = ResultObj::rows(Rc::new(vec![]), vec![]);
            ro.kind = ResultKind::NoRows;
            ro.rowcount = done.count;
            ro
        });
        Ok(nv(Native::Result(RefCell::new(ro))))
    }
}

/// What one `merge()` call has done: each source object's merged object (by address),
/// and the (source object, `Class.relationship`) pairs it was reached through.
#[derive(Default)]
struct MergeMemo {
    done: crate::core::interp::value::FxMap<usize, Value>,
    via: crate::core::interp::value::FxSet<(usize, String)>,
}

impl Interp<'_> {
    /// `session.merge(obj)`: the object of the same identity in this session (from the
    /// identity map, else loaded by primary key) gets `obj`'s set attributes and is
    /// returned; with no such row, a new pending copy of `obj` is. An object already in
    /// the session is returned as it is.
    pub fn merge(&mut self, src: &Rc<Instance>) -> R<Value> {
        // (What is pending is flushed first; the merge itself loads without flushing.)
        self.autoflush()?;
        let mut memo = MergeMemo::default();
        self.without_autoflush(|i| i.merge_into(src, &mut memo))
    }

    /// `merge()` of `src` and, along relationships whose cascade includes `merge` (the
    /// default), of the objects it holds loaded.
    fn merge_into(&mut self, src: &Rc<Instance>, memo: &mut MergeMemo) -> R<Value> {
        if let Some(done) = memo.done.get(&(Rc::as_ptr(src) as usize)) {
            return Ok(done.clone());
        }
        let Some(m) = src.class.model_info() else {
            let v = Value::Instance(src.clone());
            return self.unmapped_instance(&v).map(|()| Value::None);
        };
        if matches!(self.status(src), Status::Persistent | Status::Pending) {
            return Ok(Value::Instance(src.clone()));
        }
        // The identity of a detached object (its attributes may be expired), else the
        // primary key attributes as set.
        let identity = src
            .orm
            .borrow()
            .as_ref()
            .and_then(|s| s.identity.clone())
            .map(|i| i.into_values());
        let pk: Vec<Value> = match identity {
            Some(ids) => ids,
            None => {
                m.pk.iter()
                    .map(|&i| super::model::column_attr(src, i).unwrap_or(Value::None))
                    .collect()
            }
        };
        let found = if !pk.is_empty() && pk.iter().all(|v| !matches!(v, Value::None)) {
            let key = match pk.as_slice() {
                [one] => one.clone(),
                many => Value::tuple(many.to_vec()),
            };
            self.get_by_pk(&m.class, &key, &[], &[])?
        } else {
            Value::None
        };
        let target = match found {
            Value::Instance(t) => t,
            _ => {
                // No row: a new pending object with `src`'s state (not `src` itself).
                let Value::Instance(t) = self.blank_instance(&src.class) else {
                    return Ok(Value::None);
                };
                self.session_add(&Value::Instance(t.clone()))?;
                t
            }
        };
        // An expired target loads first, as SQLAlchemy's merge does.
        self.ensure_loaded(&target)?;
        let tv = Value::Instance(target.clone());
        memo.done.insert(Rc::as_ptr(src) as usize, tv.clone());
        for (i, (key, _)) in m.columns.iter().enumerate() {
            if let Some(v) = super::model::column_attr(src, i) {
                self.setattr(&tv, key, v)?;
            }
        }
        // Relationships the source holds loaded: their objects are merged too, and the
        // target holds the merged ones.
        // (A relationship whose other side led here is not merged back: SQLAlchemy's
        // `_recursive` check, so a child's parent keeps its other children.)
        let rels: Vec<(String, String)> = self
            .orm
            .reg
            .mapper(&m.class)
            .map(|mp| {
                mp.relationships
                    .iter()
                    .filter(|r| r.cascade_set().iter().any(|c| c == "merge"))
                    .map(|r| {
                        let back = self
                            .reverse_name(&m.class, r)
                            .map(|b| format!("{}.{b}", r.target))
                            .unwrap_or_default();
                        (r.name.clone(), back)
                    })
                    .collect()
            })
            .unwrap_or_default();
        let me = Rc::as_ptr(src) as usize;
        for (name, back) in rels {
            if memo.via.contains(&(me, back)) {
                continue;
            }
            let through = format!("{}.{name}", m.class);
            let held = src.dict.borrow().get(name.as_str()).cloned();
            let merged = match held {
                Some(Value::Instance(o)) => {
                    memo.via.insert((Rc::as_ptr(&o) as usize, through));
                    self.merge_into(&o, memo)?
                }
                Some(Value::List(l)) => {
                    // (The target's collection loads first, so the items it holds come
                    // from the identity map.)
                    if self.status(&target) == Status::Persistent {
                        self.getattr(&tv, &name)?;
                    }
                    let items = l.borrow().clone();
                    let mut out = Vec::with_capacity(items.len());
                    for it in items {
                        out.push(match it {
                            Value::Instance(o) => {
                                memo.via.insert((Rc::as_ptr(&o) as usize, through.clone()));
                                self.merge_into(&o, memo)?
                            }
                            other => other,
                        });
                    }
                    Value::list(out)
                }
                Some(Value::None) => Value::None,
                _ => continue,
            };
            self.setattr(&tv, &name, merged)?;
        }
        Ok(tv)
    }

    /// A model instance made without calling `__init__` (what SQLAlchemy's
    /// `new_instance()` makes for merge and loading).
    fn blank_instance(&mut self, class: &Rc<crate::core::interp::value::Class>) -> Value {
        let inst = Rc::new(Instance {
            class: class.clone(),
            dict: std::cell::RefCell::new(Default::default()),
            orm: std::cell::RefCell::new(None),
        });
        self.note_cycle_root(crate::core::interp::teardown::CycleRoot::Instance(
            Rc::downgrade(&inst),
        ));
        if let Some(m) = class.model_info() {
            self.init_model_instance(&inst, &m);
        }
        Value::Instance(inst)
    }
}
