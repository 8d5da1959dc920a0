//! Python protocols of library objects: iteration, len, indexing, truthiness, `in`,
//! context managers, and the printed-table capture (repr/str in `protocol/repr.rs`).

mod repr;

use std::rc::Rc;

use crate::core::sql::{Expr, Statement};

use super::super::value::Value;
use super::super::{Interp, PrintedTable, R};
use super::Native;
use super::dispatch::nv;

impl Interp<'_> {
    /// The next item of an iterator (`iter()`'s, a generator, a result), or `None` once
    /// it is exhausted.
    pub fn next_of(&mut self, n: &Rc<Native>) -> R<Option<Value>> {
        match &**n {
            Native::Iter(st) | Native::Generator(st) => {
                let mut st = st.borrow_mut();
                let v = st.0.get(st.1).cloned();
                if v.is_some() {
                    st.1 += 1;
                }
                Ok(v)
            }
            Native::Result(_) => self.result_next(n),
            Native::Enumerate(e) => self.enumerate_next(e),
            _ => Ok(None),
        }
    }

    /// A relationship's `CascadeOptions` as the set of its names (`None` for anything
    /// else): what its set methods and operators work on.
    pub fn cascade_as_set(&mut self, v: &Value) -> R<Option<Value>> {
        match v {
            Value::Native(n) if let Native::Cascade(names) = &**n => {
                let names = names.iter().map(|n| Value::Str(n.clone())).collect();
                Ok(Some(self.make_set(names)?))
            }
            _ => Ok(None),
        }
    }

    /// Iteration over library objects.
    pub fn native_iter(&mut self, n: Rc<Native>) -> R<Vec<Value>> {
        match &*n {
            // A bytes value iterates over its byte values.
            Native::Bytes(bs) => Ok(bs.iter().map(|&b| Value::int(b as i64)).collect()),
            Native::Cascade(names) => Ok(names.iter().map(|n| Value::Str(n.clone())).collect()),
            Native::ColumnList(cols) => Ok(cols.iter().map(|(_, v)| v.clone()).collect()),
            Native::Flask(o) => Ok(self.flask_keys(o).into_iter().map(Value::Str).collect()),
            Native::Inspected(super::inspect::Inspected::History(h)) => Ok(h.to_vec()),
            // A subquery's `.c`: its columns.
            Native::SubqueryColumns(sq) => Ok((0..sq.columns.len())
                .filter_map(|i| sq.column(i).map(super::sqlexpr::sql_value))
                .collect()),
            Native::Inspected(super::inspect::Inspected::Attrs(inst)) => {
                let inst = inst.clone();
                let keys = self.attrs_keys(&inst);
                let mut out = vec![];
                for k in keys {
                    out.push(self.attr_state(&inst, &k)?);
                }
                Ok(out)
            }
            Native::Query(q) => {
                let q = q.clone();
                self.query_all(&q)
            }
            Native::Result(_) => self.result_items(&n),
            Native::Row(r) | Native::Named(_, r) => Ok((*r.values).clone()),
            Native::Mapping(r) => Ok(r
                .keys
                .iter()
                .filter(|k| !k.is_empty())
                .cloned()
                .map(Value::Str)
                .collect()),
            Native::Pagination(p) => Ok(p.items.clone()),
            Native::KeyView(k) => Ok(k.clone()),
            Native::DictView(k, src) => self.view_items(*k, &src.clone()),
            Native::Enumerate(e) => {
                let mut out = vec![];
                while let Some(v) = self.enumerate_next(e)? {
                    out.push(v);
                }
                Ok(out)
            }
            Native::Iter(st) | Native::Generator(st) => {
                let mut st = st.borrow_mut();
                let v = st.0[st.1..].to_vec();
                st.1 = st.0.len();
                Ok(v)
            }
            Native::TablesDict => Ok(self
                .orm
                .reg
                .metadata
                .tables
                .iter()
                .map(|t| Value::str(&t.name))
                .collect()),
            Native::TableColumns(t, only) => Ok(self.table_column_objs(t, only)),
            Native::MapperProps(c, kind) => {
                let c = c.clone();
                Ok(self.mapper_props(&c, *kind).into_iter().map(|(_, v)| v).collect())
            }
            Native::ConstraintSpec(c, Some(t)) => {
                let only = Some(self.constraint_columns(t, c));
                Ok(self.table_column_objs(t, &only))
            }
            Native::Dynamic(_, _, true) => self.raise(
                "TypeError",
                "WriteOnly collections don't support iteration in-place; to query for collection items, use the select() method to produce a SQL statement and execute it with session.scalars().",
            ),
            Native::Dynamic(inst, key, false) => {
                if let Some(items) = self.dynamic_sessionless(inst, key) {
                    return Ok(items);
                }
                let q = self.dynamic_query(&inst.clone(), &key.clone())?;
                self.query_all(&q)
            }
            // (a mapping: its keys)
            Native::IdentityMap => Ok(self.identity_map_keys()),
            // `iter(session)`: the pending objects, then the identity map's
            Native::Session(_) => Ok(self
                .orm
                .new
                .iter()
                .chain(self.live_identities())
                .map(|i| Value::Instance(i.clone()))
                .collect()),
            Native::SessionSet(k) => self.session_set_items(*k),
            _ => {
                let t = n.type_name().to_string();
                self.raise("TypeError", format!("'{t}' object is not iterable"))
            }
        }
    }

    /// `len()` of library objects.
    pub fn native_len(&mut self, n: Rc<Native>) -> R<Value> {
        match &*n {
            Native::Row(r) | Native::Mapping(r) | Native::Named(_, r) => {
                Ok(Value::int(r.values.len() as i64))
            }
            Native::Bytes(b) => Ok(Value::int(b.len() as i64)),
            Native::Inspected(super::inspect::Inspected::Attrs(inst)) => {
                let inst = inst.clone();
                Ok(Value::int(self.attrs_keys(&inst).len() as i64))
            }
            Native::TablesDict => Ok(Value::int(self.orm.reg.metadata.tables.len() as i64)),
            Native::IdentityMap => Ok(Value::int(self.live_identities().count() as i64)),
            Native::SessionSet(k) => Ok(Value::int(self.session_set_items(*k)?.len() as i64)),
            Native::TableColumns(..)
            | Native::MapperProps(..)
            | Native::ConstraintSpec(_, Some(_))
            | Native::KeyView(_)
            | Native::DictView(..)
            | Native::SubqueryColumns(_)
            | Native::Cascade(_)
            | Native::ColumnList(_) => Ok(Value::int(self.native_iter(n)?.len() as i64)),
            _ => {
                let t = n.type_name().to_string();
                self.raise("TypeError", format!("object of type '{t}' has no len()"))
            }
        }
    }

    /// `obj[key]` on library objects.
    pub fn native_getitem(&mut self, n: Rc<Native>, key: &Value) -> R<Value> {
        match &*n {
            // `session.identity_map[key]`: the object under an identity key, else KeyError.
            Native::IdentityMap => {
                let live: Vec<_> = self.live_identities().cloned().collect();
                for i in live {
                    let k = super::model::identity_key_value(&i);
                    if self.eq(&k, key)? {
                        return Ok(Value::Instance(i));
                    }
                }
                self.key_error(key)
            }
            Native::Flask(o) => self.flask_getitem(o, key),
            Native::ReMatch(m) => self.match_getitem(m, key),
            Native::SqlaFn(f) if &**f == "Annotated" => match key {
                Value::Tuple(items) if items.len() >= 2 => {
                    Ok(Value::Native(Rc::new(Native::Annotated(Rc::from(&items[..])))))
                }
                _ => self.raise(
                    "TypeError",
                    "Annotated[...] should be used with at least two arguments (a type and an annotation).",
                ),
            },
            Native::SubqueryColumns(sq) if let Value::Str(k) = key => {
                match sq
                    .columns
                    .iter()
                    .position(|(c, _)| **c == **k)
                    .and_then(|i| sq.column(i))
                {
                    Some(c) => Ok(super::sqlexpr::sql_value(c)),
                    None => self.key_error(key),
                }
            }
            // A column collection by position (from its start only, as SQLAlchemy's).
            Native::SubqueryColumns(sq) if let Value::Int(_) | Value::Bool(_) = key => {
                let i = self.index_of(key, "index")?;
                match usize::try_from(i).ok().and_then(|at| sq.column(at)) {
                    Some(c) => Ok(super::sqlexpr::sql_value(c)),
                    None => self.raise("IndexError", i.to_string()),
                }
            }
            Native::TableColumns(t, only) if let Value::Int(_) | Value::Bool(_) = key => {
                let i = self.index_of(key, "index")?;
                let n = (self.orm.reg.metadata.table(t)).map_or(0, |tb| tb.columns.len());
                let at = usize::try_from(i).ok();
                match at.and_then(|at| table_positions(n, only).nth(at)) {
                    Some(c) => Ok(nv(Native::ColumnObj(t.clone(), c))),
                    None => self.raise("IndexError", i.to_string()),
                }
            }
            Native::Inspected(super::inspect::Inspected::History(h)) => {
                let t = Value::tuple(h.to_vec());
                self.getitem(&t, key)
            }
            Native::Inspected(super::inspect::Inspected::Attrs(inst)) => match key {
                Value::Str(k) => {
                    let (inst, k) = (inst.clone(), k.clone());
                    self.attr_state(&inst, &k)
                        .or_else(|_| self.key_error(&Value::Str(k)))
                }
                _ => self.key_error(key),
            },
            Native::Bytes(b) => {
                let i = self.index_of(key, "index")?;
                let len = b.len() as i64;
                let at = if i < 0 { i + len } else { i };
                match usize::try_from(at).ok().and_then(|at| b.get(at)) {
                    Some(x) => Ok(Value::int(i64::from(*x))),
                    None => self.raise("IndexError", "index out of range"),
                }
            }
            Native::Row(r) | Native::Named(_, r) => {
                // (A string key raises the tuple's own TypeError, as SQLAlchemy 2.0's does.)
                let t = Value::tuple((*r.values).clone());
                self.getitem(&t, key)
            }
            Native::Mapping(r) => {
                // (Of two columns with one name, the later one, as SQLAlchemy's key map
                // keeps it.)
                if let Value::Str(s) = key
                    && let Some(i) = r.keys.iter().rposition(|k| **k == **s)
                {
                    return Ok(r.values[i].clone());
                }
                // (A table's column, where two selected columns share a key.)
                if let Some(src) = &r.sources
                    && let Some(s) = self.as_sql(key)
                    && let crate::core::sql::Expr::Column {
                        table: Some(crate::core::sql::TableRef::Named(t)),
                        name,
                    } = &s.expr
                    && let Some(i) = src.iter().position(|x| {
                        x.as_ref().is_some_and(|(xt, xn)| **xt == **t && **xn == **name)
                    })
                    && let Some(v) = r.values.get(i)
                {
                    return Ok(v.clone());
                }
                // (An entity's key is its class's name.)
                if let Value::Class(c) = key
                    && let Some(i) = r.keys.iter().position(|k| **k == *c.name)
                {
                    return Ok(r.values[i].clone());
                }
                if let Some(s) = self.as_sql(key)
                    && let Some(k) = &s.key
                    && let Some(i) = r.keys.iter().position(|x| x == k)
                {
                    return Ok(r.values[i].clone());
                }
                // (A Core or textual result's key map raises its own KeyError subclass;
                // an ORM result's, a plain KeyError.)
                if !r.orm && matches!(key, Value::Str(_)) {
                    let k = self.repr(key)?;
                    return self.raise(
                        "NoSuchColumnError",
                        format!("Could not locate column in row for column {k}"),
                    );
                }
                self.key_error(key)
            }
            Native::ColumnList(cols) => {
                let found = match key {
                    Value::Str(s) => cols.iter().find(|(k, _)| **k == **s).map(|(_, v)| v.clone()),
                    Value::Int(_) | Value::Bool(_) => {
                        let i = self.as_index(key)?;
                        let n = cols.len() as i64;
                        let at = if i < 0 { i + n } else { i };
                        usize::try_from(at).ok().and_then(|at| cols.get(at)).map(|(_, v)| v.clone())
                    }
                    _ => None,
                };
                match found {
                    Some(v) => Ok(v),
                    None if matches!(key, Value::Int(_) | Value::Bool(_)) => {
                        self.raise("IndexError", "tuple index out of range")
                    }
                    None => self.key_error(key),
                }
            }
            Native::TablesDict => match key {
                Value::Str(s) if self.orm.reg.metadata.table(s).is_some() => {
                    Ok(nv(Native::Table(s.clone())))
                }
                _ => self.key_error(key),
            },
            Native::MapperProps(c, kind) => {
                let c = c.clone();
                let found = match key {
                    Value::Str(s) => self.mapper_prop(&c, *kind, s),
                    _ => None,
                };
                match found {
                    Some(v) => Ok(v),
                    None => self.key_error(key),
                }
            }
            Native::TableColumns(t, only) => {
                let tb = self.orm.reg.metadata.table(t).cloned();
                if let (Some(tb), Value::Str(s)) = (tb, key)
                    && let Some(i) = tb.columns.iter().position(|c| c.table_key() == &**s)
                    && only.as_ref().is_none_or(|o| o.contains(&i))
                {
                    return Ok(nv(Native::ColumnObj(t.clone(), i)));
                }
                self.key_error(key)
            }
            // A dynamic relationship is indexed like its query.
            Native::Dynamic(inst, rel, false) => {
                let (inst, rel) = (inst.clone(), rel.clone());
                if let Some(items) = self.dynamic_sessionless(&inst, &rel) {
                    return self.getitem(&Value::list(items), key);
                }
                let q = self.dynamic_query(&inst, &rel)?;
                self.native_getitem(Rc::new(Native::Query(Box::new(q))), key)
            }
            Native::Query(q) => {
                let i = self.as_index(key)?;
                let mut q2 = q.clone();
                if i < 0 {
                    return self.raise("IndexError", NEGATIVE_INDEX);
                }
                q2.q.offset = Some(i + q.q.offset.unwrap_or(0));
                q2.q.limit = Some(1);
                let items = self.query_all(&q2)?;
                match items.into_iter().next() {
                    Some(v) => Ok(v),
                    None => self.raise("IndexError", "list index out of range"),
                }
            }
            Native::Config => self.key_error(key),
            Native::Instrumented(_) | Native::Sql(_) => self.json_getitem(n.clone(), key),
            _ => {
                let t = n.type_name().to_string();
                self.raise("TypeError", format!("'{t}' object is not subscriptable"))
            }
        }
    }

    /// Slicing a query: LIMIT/OFFSET.
    pub fn native_slice(&mut self, n: Rc<Native>, a: Option<i64>, b: Option<i64>) -> R<Value> {
        match &*n {
            // A dynamic relationship is sliced like its query.
            Native::Dynamic(inst, rel, false) => {
                let (inst, rel) = (inst.clone(), rel.clone());
                if let Some(items) = self.dynamic_sessionless(&inst, &rel) {
                    let v = self.py(crate::core::py::slice::slice_vec(&items, a, b, None))?;
                    return Ok(Value::list(v));
                }
                let q = self.dynamic_query(&inst, &rel)?;
                self.native_slice(Rc::new(Native::Query(Box::new(q))), a, b)
            }
            Native::Query(q) => {
                // SQLAlchemy's `_getitem`: an empty range is an empty list, a negative
                // bound an IndexError (no query runs either way).
                let mut q2 = q.clone();
                let start = a.unwrap_or(0);
                if let (Some(a), Some(b)) = (a, b)
                    && b - a <= 0
                {
                    return Ok(Value::list(vec![]));
                }
                if start < 0 || b.is_some_and(|b| b < 0) {
                    return self.raise("IndexError", NEGATIVE_INDEX);
                }
                if start > 0 {
                    q2.q.offset = Some(start);
                }
                if let Some(b) = b {
                    q2.q.limit = Some((b - start).max(0));
                }
                Ok(Value::list(self.query_all(&q2)?))
            }
            Native::Row(r) | Native::Named(_, r) => {
                let t = Value::tuple((*r.values).clone());
                let s = nv(Native::Slice(
                    a.map(Value::int).unwrap_or(Value::None),
                    b.map(Value::int).unwrap_or(Value::None),
                    Value::None,
                ));
                self.getitem(&t, &s)
            }
            _ => {
                let t = n.type_name().to_string();
                self.raise("TypeError", format!("'{t}' object is not subscriptable"))
            }
        }
    }

    /// `obj[key] = v` on library objects.
    pub fn native_setitem(&mut self, n: Rc<Native>, _key: Value, _v: Value) -> R<()> {
        let t = n.type_name().to_string();
        self.raise(
            "TypeError",
            format!("'{t}' object does not support item assignment"),
        )
    }

    /// The attribute names `inspect(obj).attrs` lists, in the mapper's order (the
    /// relationships the class declares, its columns, then what backrefs added).
    pub(crate) fn attrs_keys(
        &mut self,
        inst: &Rc<crate::core::interp::value::Instance>,
    ) -> Vec<Rc<str>> {
        let class = inst.class.clone();
        (self.mapper_props(&class, super::PropKind::All).into_iter())
            .map(|(k, _)| k)
            .collect()
    }

    /// `bool()` of library objects.
    pub fn native_truthy(&mut self, n: Rc<Native>) -> R<bool> {
        match &*n {
            // (SQLAlchemy's `==` / `!=` expressions compare their operands: `col == 'x'`
            // is false, `col == col` true, so `filter(a == x or b == y)` filters on `b`.)
            Native::Sql(s)
                if let crate::core::sql::Expr::Binary { left, op, right } = &s.expr
                    && matches!(op, crate::core::sql::Op::Eq | crate::core::sql::Op::Ne) =>
            {
                Ok((left == right) == (*op == crate::core::sql::Op::Eq))
            }
            // (A mapped attribute is not a clause: `not User.active` is False.)
            Native::Instrumented(_) => Ok(true),
            Native::Sql(_) | Native::Negatable(_) | Native::ColumnObj(..) => {
                self.raise("TypeError", "Boolean value of this clause is not defined")
            }
            Native::Row(r) | Native::Mapping(r) | Native::Named(_, r) => Ok(!r.values.is_empty()),
            Native::SessionSet(k) => Ok(!self.session_set_items(*k)?.is_empty()),
            Native::IdentityMap => Ok(self.live_identities().next().is_some()),
            Native::DictView(..) => Ok(!self.native_iter(n)?.is_empty()),
            Native::Bytes(b) => Ok(!b.is_empty()),
            _ => Ok(true),
        }
    }

    /// `x in obj` for library objects.
    pub fn native_contains(&mut self, n: Rc<Native>, item: &Value) -> R<bool> {
        match &*n {
            // (`'name' in inspect(obj).attrs`: a key of the mapping.)
            Native::Inspected(super::inspect::Inspected::Attrs(inst)) => {
                let inst = inst.clone();
                Ok(
                    matches!(item, Value::Str(s) if self.attrs_keys(&inst).iter().any(|k| **k == **s)),
                )
            }
            // `x in b`: a byte value, or a bytes subsequence.
            Native::Bytes(bs) => match item {
                Value::Native(o) if let Native::Bytes(sub) = &**o => {
                    Ok(sub.is_empty() || bs.windows(sub.len()).any(|w| w == &sub[..]))
                }
                Value::Int(_) | Value::Bool(_) => {
                    let i = self.as_index(item)?;
                    if !(0..256).contains(&i) {
                        return self.raise("ValueError", "byte must be in range(0, 256)");
                    }
                    Ok(bs.contains(&(i as u8)))
                }
                _ => {
                    let t = self.type_name(item);
                    self.raise(
                        "TypeError",
                        format!("a bytes-like object is required, not '{t}'"),
                    )
                }
            },
            Native::Flask(o) => Ok(self
                .flask_keys(o)
                .iter()
                .any(|k| matches!(item, Value::Str(s) if s == k))),
            Native::SubqueryColumns(sq) if let Value::Str(k) = item => {
                Ok(sq.columns.iter().any(|(c, _)| **c == **k))
            }
            Native::Cascade(names) => {
                Ok(matches!(item, Value::Str(s) if names.iter().any(|n| **n == **s)))
            }
            // (`'x' in Post.title`: a column's `__contains__` is an operator SQL lacks.)
            Native::Instrumented(a) if a.column.is_some() => self.raise(
                "NotImplementedError",
                "Operator 'contains' is not supported on this expression",
            ),
            Native::Sql(_) | Native::ColumnObj(..) => self.raise(
                "NotImplementedError",
                "Operator 'contains' is not supported on this expression",
            ),
            Native::ColumnList(cols) => {
                Ok(matches!(item, Value::Str(s) if cols.iter().any(|(k, _)| **k == **s)))
            }
            // (Only a mapped object can be asked about: anything else is unmapped.)
            Native::Session(_) => match item {
                Value::Instance(i) if i.class.model_info().is_some() => {
                    Ok(self.in_current_session(i))
                }
                other => {
                    self.unmapped_instance(other)?;
                    Ok(false)
                }
            },
            Native::SessionSet(k) => {
                let items = self.session_set_items(*k)?;
                Ok(items.iter().any(|x| super::super::ops::is_same(x, item)))
            }
            Native::TablesDict => {
                Ok(matches!(item, Value::Str(s) if self.orm.reg.metadata.table(s).is_some()))
            }
            Native::Mapping(r) => Ok(match item {
                Value::Str(s) => r.keys.iter().any(|k| **k == **s),
                Value::Class(c) => r.keys.iter().any(|k| **k == *c.name),
                // (A column, by its key.)
                _ => self
                    .as_sql(item)
                    .and_then(|s| s.key)
                    .is_some_and(|k| r.keys.contains(&k)),
            }),
            // (Property collections hold keys: `'posts' in inspect(User).relationships`.)
            Native::MapperProps(c, kind) => {
                let c = c.clone();
                Ok(matches!(item, Value::Str(s) if self.mapper_prop(&c, *kind, s).is_some()))
            }
            // (A column collection holds keys: `'name' in t.c`.)
            Native::TableColumns(t, only) if let Value::Str(s) = item => {
                let tb = self.orm.reg.metadata.table(t);
                let i = tb.and_then(|tb| tb.columns.iter().position(|c| c.table_key() == &**s));
                Ok(i.is_some_and(|i| only.as_ref().is_none_or(|o| o.contains(&i))))
            }
            Native::DictView(k, src) => self.view_contains(*k, &src.clone(), item),
            _ => {
                let items = self.native_iter(n)?;
                for v in items {
                    if super::super::ops::is_same(&v, item) || self.eq(&v, item)? {
                        return Ok(true);
                    }
                }
                Ok(false)
            }
        }
    }

    /// `==` between library objects.
    pub fn native_eq(&self, a: &Rc<Native>, b: &Rc<Native>) -> bool {
        match (&**a, &**b) {
            (Native::Table(x), Native::Table(y)) => x == y,
            (Native::TypeObj(x), Native::TypeObj(y)) => x == y,
            (Native::Bytes(x), Native::Bytes(y)) => x == y,
            _ => Rc::ptr_eq(a, b),
        }
    }

    /// `**obj` / `dict(obj)`.
    pub fn native_mapping_items(&mut self, n: Rc<Native>) -> R<Vec<(Value, Value)>> {
        match &*n {
            Native::Mapping(r) => Ok(r
                .keys
                .iter()
                .cloned()
                .map(Value::Str)
                .zip(r.values.iter().cloned())
                .filter(|(k, _)| !matches!(k, Value::Str(s) if s.is_empty()))
                .collect()),
            // Any other object with `keys()` (`metadata.tables`, `Table.c`...), as
            // Python's `dict()` and `**` read a mapping: its keys, then each item.
            _ => {
                let this = Value::Native(n.clone());
                let Ok(keys) = self.getattr(&this, "keys") else {
                    let t = n.type_name().to_string();
                    return self.raise("TypeError", format!("'{t}' object is not a mapping"));
                };
                let keys = self.call(&keys, vec![], vec![])?;
                let mut out = vec![];
                for k in self.iterate(&keys)? {
                    let v = self.getitem(&this, &k)?;
                    out.push((k, v));
                }
                Ok(out)
            }
        }
    }

    /// `with x:` enter.
    pub fn native_enter(&mut self, n: Rc<Native>) -> R<Value> {
        // (A request context pushes no app context of its own: Flask's reuses the one
        // already active for the app, which a script always runs in here.)
        if let Native::AppContext(req) = &*n {
            match req {
                Some(r) => self.orm.requests.push(r.clone()),
                None => self.push_app_context(),
            }
        }
        if let Native::SessionScope(s) = &*n {
            self.scope_enter(s);
        }
        Ok(Value::Native(n))
    }

    /// `with x:` exit (`failed`: the block raised): leaving an app context removes the
    /// session; the session's own blocks commit, roll back or restore autoflush.
    pub fn native_exit(&mut self, n: Rc<Native>, failed: bool) -> R<()> {
        if let Native::SessionScope(s) = &*n {
            return self.scope_exit(s, failed);
        }
        if let Native::Connection(state, commit) = &*n {
            // Leaving `with engine.connect() as conn:` rolls back what was not committed;
            // `with engine.begin() as conn:` commits (or rolls back on an exception).
            let end = if *commit && !failed {
                "COMMIT"
            } else {
                "ROLLBACK"
            };
            self.end_connection_tx(state, end);
            return Ok(());
        }
        if let Native::AppContext(req) = &*n {
            match req {
                Some(_) => drop(self.orm.requests.pop()),
                None => self.pop_app_context(None)?,
            }
        }
        Ok(())
    }

    /// Records a printed list of instances or rows as a table.
    pub fn record_table(&mut self, v: &Value) -> R<()> {
        let Value::List(l) = v else { return Ok(()) };
        let items = l.borrow().clone();
        let Some(first) = items.first() else {
            return Ok(());
        };
        let line = self
            .lines
            .get(self.source)
            .map(|li| li.line_col(self.cur_span.start).line)
            .unwrap_or(0);
        match first {
            Value::Instance(i) if i.class.model_info().is_some() => {
                let Some(m) = i.class.model_info() else {
                    return Ok(());
                };
                let cols: Vec<String> = m.columns.iter().map(|(k, _)| k.to_string()).collect();
                let mut rows = vec![];
                for it in &items {
                    let Value::Instance(ii) = it else {
                        return Ok(());
                    };
                    if !Rc::ptr_eq(&ii.class, &i.class) {
                        return Ok(());
                    }
                    // (A loaded object's unloaded column — deferred, or expired — is shown
                    // as such, not loaded for the table.)
                    let loaded = ii
                        .orm
                        .borrow()
                        .as_ref()
                        .is_some_and(|s| s.identity.is_some());
                    let mut row = vec![];
                    for i in 0..m.columns.len() {
                        row.push(match super::model::column_attr(ii, i) {
                            Some(v) => self.repr(&v)?,
                            None if loaded => "<not loaded>".into(),
                            None => "None".into(),
                        });
                    }
                    rows.push(row);
                }
                self.tables.push(PrintedTable {
                    line,
                    title: m.class.to_string(),
                    columns: cols,
                    rows,
                });
            }
            Value::Native(n) if matches!(**n, Native::Row(_)) => {
                let Native::Row(r0) = &**n else { return Ok(()) };
                let cols: Vec<String> = r0.keys.iter().map(|k| k.to_string()).collect();
                let mut rows = vec![];
                for it in &items {
                    let Value::Native(nn) = it else { return Ok(()) };
                    let Native::Row(r) = &**nn else { return Ok(()) };
                    let mut row = vec![];
                    for v in r.values.iter() {
                        row.push(self.repr(v)?);
                    }
                    rows.push(row);
                }
                self.tables.push(PrintedTable {
                    line,
                    title: "Row".into(),
                    columns: cols,
                    rows,
                });
            }
            _ => {}
        }
        Ok(())
    }
}

impl Interp<'_> {
    /// The columns of table `t` as `Column` objects (`table.c`, in table order; a
    /// constraint's or an index's, in their order).
    pub(crate) fn table_column_objs(&self, t: &Rc<str>, only: &Option<Rc<[usize]>>) -> Vec<Value> {
        table_positions(
            self.orm
                .reg
                .metadata
                .table(t)
                .map_or(0, |tb| tb.columns.len()),
            only,
        )
        .map(|i| nv(Native::ColumnObj(t.clone(), i)))
        .collect()
    }
}

impl Interp<'_> {
    /// The UPDATE / DELETE statement of an `update(M)` / `delete(M)` construct.
    pub(crate) fn dml_statement(&mut self, q: &super::query::QueryObj) -> R<Statement> {
        let class = q.q.filter_by_class(&self.orm.reg).unwrap_or_default();
        match &q.dml {
            Some(Some(vals)) => {
                let table = (self.orm.reg.table_of(&class).ok())
                    .or_else(|| {
                        let t = q.q.select_from.first()?;
                        self.orm.reg.metadata.table(t)
                    })
                    .cloned();
                let mut pairs: Vec<(String, Expr)> = vec![];
                for (k, v) in vals {
                    let col = table.as_ref().and_then(|t| t.col_by_key(k)).cloned();
                    let name = col.as_ref().map_or(k.to_string(), |c| c.name.clone());
                    let ty = col.map(|c| c.ty);
                    pairs.push((name, self.to_expr(v, ty.as_ref())?.expr));
                }
                let refs: Vec<(&str, Expr)> =
                    pairs.iter().map(|(k, e)| (k.as_str(), e.clone())).collect();
                match q.q.update_statement(&self.orm.reg, refs) {
                    Ok(mut u) => {
                        u.returning = self.dml_returning(q, &class)?;
                        Ok(Statement::Update(u))
                    }
                    Err(e) => self.raise(e.class(), e.0),
                }
            }
            _ => match q.q.delete_statement(&self.orm.reg) {
                Ok(mut d) => {
                    d.returning = self.dml_returning(q, &class)?;
                    Ok(Statement::Delete(d))
                }
                Err(e) => self.raise(e.class(), e.0),
            },
        }
    }

    /// The RETURNING column names of an `update(M)` / `delete(M)` construct.
    fn dml_returning(&mut self, q: &super::query::QueryObj, class: &str) -> R<Vec<String>> {
        match self.dml_table(q, class) {
            Some(table) if !q.returning.is_empty() => {
                Ok(self.returning_columns(&q.returning, &table)?.0)
            }
            _ => Ok(vec![]),
        }
    }
}

/// The IndexError of a negative index or slice bound on a Query.
const NEGATIVE_INDEX: &str = "negative indexes are not accepted by SQL index / slice operators";

/// The positions of a table's columns a collection holds: all of them in table order, or
/// those of `only` in its order.
pub(crate) fn table_positions(
    len: usize,
    only: &Option<Rc<[usize]>>,
) -> Box<dyn Iterator<Item = usize> + '_> {
    match only {
        Some(o) => Box::new(o.iter().copied().filter(move |&i| i < len)),
        None => Box::new(0..len),
    }
}
