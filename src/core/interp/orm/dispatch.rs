//! Python protocol dispatch for library objects: attribute access, `setattr` and calls, plus
//! the `db.<Type>` column types. `db`'s own attributes are in `dispatch/db_attrs.rs`, the
//! Flask app's and the session's in `dispatch/app_session.rs`, schema
//! objects' (tables, columns, types, foreign keys) in `dispatch/schema_attrs.rs`, mapped
//! attributes' and unmapped columns' in `dispatch/column_attrs.rs`, a SELECT's and a legacy
//! Query's in `dispatch/query_attrs.rs`, methods in
//! `dispatch/methods.rs`, `lazy='dynamic'` relationships in `dispatch/dynamic.rs`, mapped
//! properties (`Model.attr.property`) in `dispatch/property.rs`; repr,
//! iteration, indexing and the rest of the protocols in `protocol.rs`.

mod api_names;
pub(crate) mod app_session;
mod column_attrs;
mod db_attrs;
mod dynamic;
mod methods;
mod module_attrs;
mod property;
mod query_attrs;
mod schema_attrs;

pub(crate) use schema_attrs::column_type;

use std::rc::Rc;

use crate::core::sql::SqlType;
use crate::core::sql::types::EnumSpec;

use super::super::call::Kw;
use super::super::value::Value;
use super::super::{Interp, R};
use super::result::ResultKind;
use super::{AliasVia, Instrumented, Native};

pub(super) const TYPES: &str = "BIGINT BLOB BOOLEAN BigInteger Boolean CHAR CLOB DATE DATETIME \
    DECIMAL DOUBLE DOUBLE_PRECISION Date DateTime Double Enum FLOAT Float INTEGER Integer Interval \
    JSON LargeBinary NCHAR NUMERIC NVARCHAR Numeric PickleType REAL SMALLINT SmallInteger String \
    TEXT TIME TIMESTAMP Text Time UUID Unicode UnicodeText Uuid VARCHAR";

pub(super) fn type_of_name(n: &str) -> SqlType {
    let base = match n {
        "Integer" | "INTEGER" => SqlType::Integer,
        "String" | "VARCHAR" => SqlType::String(None),
        "Unicode" => SqlType::Unicode(None),
        "Text" | "TEXT" => SqlType::Text(None),
        "UnicodeText" => SqlType::UnicodeText(None),
        "Boolean" | "BOOLEAN" => SqlType::Boolean,
        "DateTime" | "DATETIME" => SqlType::DateTime,
        "Date" | "DATE" => SqlType::Date,
        "Time" | "TIME" => SqlType::Time,
        "Float" | "FLOAT" => SqlType::Float,
        "Double" | "DOUBLE" | "DOUBLE_PRECISION" => {
            SqlType::Spelled(Box::new(SqlType::Float), n.into())
        }
        "Numeric" | "NUMERIC" => SqlType::Numeric(None, None),
        "DECIMAL" => SqlType::Spelled(Box::new(SqlType::Numeric(None, None)), n.into()),
        "REAL" => SqlType::Spelled(Box::new(SqlType::Float), n.into()),
        "TIMESTAMP" => SqlType::Spelled(Box::new(SqlType::DateTime), n.into()),
        "CHAR" | "NCHAR" | "NVARCHAR" => {
            SqlType::Spelled(Box::new(SqlType::String(None)), n.into())
        }
        "CLOB" => SqlType::Spelled(Box::new(SqlType::Text(None)), n.into()),
        // (Stored as 32 hex digits on SQLite; its values stay strings here.)
        "Uuid" | "UUID" => SqlType::Custom("CHAR(32)".into()),
        "JSON" => SqlType::Json,
        "BigInteger" | "BIGINT" => SqlType::BigInteger,
        "SmallInteger" | "SMALLINT" => SqlType::SmallInteger,
        "LargeBinary" | "PickleType" | "BLOB" => SqlType::LargeBinary,
        "Interval" => SqlType::Interval,
        "Enum" => SqlType::Enum(vec![], Default::default()),
        _ => SqlType::Custom(crate::core::py::case::upper(n)),
    };
    // (The uppercase types are classes of their own, spelled as their generic type is:
    // `repr()` and `type().__name__` tell `VARCHAR(length=20)` from `String(length=20)`.)
    match n {
        "INTEGER" | "VARCHAR" | "TEXT" | "BOOLEAN" | "DATETIME" | "DATE" | "TIME" | "FLOAT"
        | "NUMERIC" | "BIGINT" | "SMALLINT" | "BLOB" => SqlType::Spelled(Box::new(base), n.into()),
        _ => base,
    }
}

pub(super) fn nv(n: Native) -> Value {
    Value::Native(Rc::new(n))
}

pub(super) fn kwget<'a>(kw: &'a Kw, k: &str) -> Option<&'a Value> {
    kw.iter().find(|(n, _)| &**n == k).map(|(_, v)| v)
}

impl Interp<'_> {
    /// Attribute access on library objects.
    pub fn native_getattr(&mut self, n: Rc<Native>, this: &Value, name: &str) -> R<Value> {
        let method = |name: &str| {
            Ok(Value::BuiltinMethod(Rc::new((
                this.clone(),
                Rc::from(name),
            ))))
        };
        match &*n {
            Native::Db => self.db_attr(name),
            // Flask's `current_app` proxy: the app of the current context.
            Native::SqlaFn(f) if &**f == "current_app" => match self.orm.app.clone() {
                Some(app) => self.getattr(&app, name),
                None => self.raise("RuntimeError", "Working outside of application context."),
            },
            Native::Session(own) => self.session_attr(*own, this, name),
            Native::AppContext(_) if matches!(name, "push" | "pop") => method(name),
            Native::DictView(..) if name == "isdisjoint" => method(name),
            Native::Migrate(m) => match name {
                "db" => Ok(m.borrow().0.clone()),
                "directory" => Ok(Value::Str(m.borrow().1.clone())),
                "init_app" => method(name),
                _ => self.no_attr("Migrate", name),
            },
            Native::App(cfg, import) => self.app_attr(cfg, import, this, name),
            Native::Metadata => match name {
                "tables" => Ok(nv(Native::TablesDict)),
                "naming_convention" => {
                    let mut d = super::super::value::Dict::new();
                    for (k, v) in self.orm.reg.metadata.naming_convention.pairs() {
                        let k = Value::str(k);
                        if let Some(h) = k.hkey() {
                            d.insert(h, k, Value::str(v));
                        }
                    }
                    Ok(Value::Dict(Rc::new(std::cell::RefCell::new(d))))
                }
                "sorted_tables" => {
                    let names: Vec<String> =
                        crate::core::orm::ddl::sorted_tables(&self.orm.reg.metadata)
                            .iter()
                            .map(|t| t.name.clone())
                            .collect();
                    Ok(Value::list(
                        names
                            .into_iter()
                            .map(|t| nv(Native::Table(Rc::from(t.as_str()))))
                            .collect(),
                    ))
                }
                _ => method(name),
            },
            Native::TablesDict => method(name),
            // Each cascade's flag (`delete_orphan`), then a frozenset's methods.
            Native::Cascade(names) => {
                const FLAGS: [&str; 6] = [
                    "save_update",
                    "delete",
                    "refresh_expire",
                    "merge",
                    "expunge",
                    "delete_orphan",
                ];
                if FLAGS.contains(&name) {
                    let dashed = name.replace('_', "-");
                    return Ok(Value::Bool(names.iter().any(|n| **n == *dashed)));
                }
                let set = self.cascade_as_set(this)?.unwrap_or(Value::None);
                self.getattr(&set, name)
            }
            Native::Inspected(x) => self.inspected_attr(this, x, name),
            Native::Insert(_)
                if matches!(name, "values" | "returning" | "prefix_with" | "compile") =>
            {
                method(name)
            }
            Native::Insert(ins)
                if ins.sqlite
                    && matches!(name, "on_conflict_do_nothing" | "on_conflict_do_update") =>
            {
                method(name)
            }
            Native::Insert(ins) if ins.sqlite && name == "excluded" => {
                Ok(nv(Native::Excluded(ins.table.clone())))
            }
            // (Its attributes are the condition's.)
            Native::Negatable(p) => {
                let s = super::sqlexpr::sql_value(p.0.clone());
                self.getattr(&s, name)
            }
            Native::Excluded(t) => {
                let t = t.clone();
                self.excluded_column(&t, name)
            }
            Native::Connection(..)
                if matches!(
                    name,
                    "execute" | "exec_driver_sql" | "commit" | "rollback" | "close" | "scalar"
                ) =>
            {
                method(name)
            }
            Native::SessionScope(_) if matches!(name, "commit" | "rollback" | "close") => {
                method(name)
            }
            Native::SessionScope(s) if name == "is_active" => {
                Ok(Value::Bool(self.scope_is_active(s)))
            }
            Native::ForeignKeySpec(..)
            | Native::Table(_)
            | Native::MapperProps(..)
            | Native::TableColumns(..)
            | Native::ColumnObj(..)
            | Native::ColumnDefault(..)
            | Native::ColumnType(_) => self.schema_attr(&n, this, name),
            Native::SqlaFn(f) if &**f == "func" => Ok(nv(Native::FuncRef(Rc::from(name)))),
            // `app.cli.command('init-db')` / `app.cli.group()`: decorators of CLI commands,
            // which nothing invokes here (the function is left as it is).
            Native::SqlaFn(f) if &**f == "flask.cli" && matches!(name, "command" | "group") => {
                Ok(nv(Native::SqlaFn(Rc::from("flask.cli.command"))))
            }
            Native::SqlaFn(f) if &**f == "flask.logger" => self.logger_attr(name),
            // `db.Model.metadata`: the one `MetaData` of the models.
            _ if n.is_model_base() && name == "metadata" => Ok(nv(Native::Metadata)),
            // `db.Model.__init__(self, **kw)`: the declarative constructor.
            _ if n.is_model_base() && name == "__init__" => {
                Ok(Value::Builtin(Rc::from("object.__init__")))
            }
            // (`db.Model` and Flask-SQLAlchemy's `Model` mixin behind it, both named so.)
            Native::SqlaFn(f)
                if matches!(&**f, "db.Model" | "flask_sqlalchemy.Model")
                    && matches!(name, "__name__" | "__qualname__") =>
            {
                Ok(Value::str("Model"))
            }
            // `@declared_attr.directive` (`__tablename__`...), `.cascading`: as `declared_attr`.
            Native::SqlaFn(f)
                if f.trim_start_matches("db.") == "declared_attr"
                    && matches!(name, "directive" | "cascading") =>
            {
                Ok(this.clone())
            }
            // A library function's name (`selectinload.__name__`).
            Native::SqlaFn(f)
                if matches!(name, "__name__" | "__qualname__") && n.type_name() == "function" =>
            {
                Ok(Value::str(f.rsplit('.').next().unwrap_or(f)))
            }
            Native::SqlaFn(f) if &**f == "event" && matches!(name, "listens_for" | "listen") => Ok(
                nv(Native::SqlaFn(Rc::from(format!("event.{name}").as_str()))),
            ),
            Native::Property(a) => self.property_attr(a, name),
            Native::Instrumented(a) => self.instrumented_attr(a, this, name),
            Native::Sql(s) if name == "type" => Ok(type_value(s.ty.clone())),
            // The name of a named expression: a subquery's column, a label, a column.
            Native::Sql(s)
                if matches!(name, "name" | "key")
                    && (s.key.is_some()
                        || matches!(
                            s.expr,
                            crate::core::sql::Expr::Label { .. }
                                | crate::core::sql::Expr::Column { .. }
                        )) =>
            {
                Ok(match (&s.key, &s.expr) {
                    (Some(k), _) => Value::Str(k.clone()),
                    (
                        None,
                        crate::core::sql::Expr::Label { name, .. }
                        | crate::core::sql::Expr::Column { name, .. },
                    ) => Value::str(name),
                    _ => Value::None,
                })
            }
            // A SQL function's name (`func.now().name`).
            Native::Sql(s)
                if name == "name"
                    && let crate::core::sql::Expr::Func { name: f, .. } = &s.expr =>
            {
                Ok(Value::str(f))
            }
            Native::Sql(s) if name == "select" && s.is_exists() => method(name),
            Native::Sql(_) => self.sql_attr_or_method(this, name),
            Native::Query(q) => self.query_attr(q, this, name),
            Native::Result(r)
                if r.borrow().bulk && matches!(name, "rowcount" | "inserted_primary_key") =>
            {
                self.no_attr("IteratorResult", name)
            }
            Native::Result(r)
                if r.borrow().kind == ResultKind::Scalars
                    || r.borrow().kind == ResultKind::Mappings =>
            {
                let kind = r.borrow().kind;
                let known = matches!(
                    name,
                    "fetchmany"
                        | "fetchall"
                        | "unique"
                        | "partitions"
                        | "first"
                        | "one"
                        | "one_or_none"
                        | "all"
                        | "close"
                        | "yield_per"
                ) || (kind == ResultKind::Mappings
                    && matches!(name, "fetchone" | "keys" | "columns"));
                match name {
                    "closed" => Ok(Value::Bool(r.borrow().is_closed())),
                    _ if known => method(name),
                    _ => self.raise(
                        "AttributeError",
                        format!(
                            "'{}' object has no attribute '{name}'",
                            r.borrow().type_name()
                        ),
                    ),
                }
            }
            Native::Result(r) => match name {
                "closed" => Ok(Value::Bool(r.borrow().is_closed())),
                "rowcount" => Ok(Value::int(r.borrow().rowcount)),
                "inserted_primary_key" => match r.borrow().inserted_pk.clone() {
                    Some(pk) => Ok(Value::tuple((*pk).clone())),
                    None => self.raise(
                        "InvalidRequestError",
                        "Statement is not a compiled expression construct.",
                    ),
                },
                "returns_rows" => Ok(Value::Bool(r.borrow().kind != ResultKind::NoRows)),
                "is_insert" => Ok(Value::Bool(r.borrow().is_insert)),
                "lastrowid" => Ok(r.borrow().lastrowid.map_or(Value::None, Value::int)),
                _ if api_names::result_has(name) => method(name),
                _ => {
                    let t = r.borrow().type_name();
                    self.no_attr(t, name)
                }
            },
            Native::Row(r) => {
                let r = r.clone();
                self.row_attr(&r, this, name)
            }
            Native::Named(_, r) => match r.keys.iter().position(|k| **k == *name) {
                Some(i) => Ok(r.values[i].clone()),
                None => match name {
                    "_fields" => Ok(Value::tuple(
                        r.keys.iter().cloned().map(Value::Str).collect(),
                    )),
                    "_asdict" | "count" | "index" => method(name),
                    _ => self.raise(
                        "AttributeError",
                        format!("'{}' object has no attribute '{name}'", n.type_name()),
                    ),
                },
            },
            // (A RowMapping has a mapping's methods; another name is one of its keys, as
            // a row's attribute is.)
            Native::Mapping(_) if matches!(name, "keys" | "values" | "items" | "get") => {
                method(name)
            }
            Native::Mapping(r) => match r.keys.iter().rposition(|k| **k == *name) {
                Some(i) => Ok(r.values[i].clone()),
                None => self.raise("AttributeError", name),
            },
            Native::Pagination(p) => {
                let p = p.clone();
                self.pagination_attr(&p, name, this)
            }
            // A dynamic relationship's `.statement`: its query's SELECT.
            Native::Dynamic(inst, key, false) if name == "statement" => {
                let (inst, key) = (inst.clone(), key.clone());
                let q = self.dynamic_query(&inst, &key)?;
                self.getattr(&nv(Native::Query(Box::new(q))), name)
            }
            Native::Dynamic(_, _, w) if api_names::appender_has(name, *w) => method(name),
            Native::Dynamic(..) => {
                let t = n.type_name();
                self.no_attr(t, name)
            }
            Native::Loader(_) if super::query::is_loader_fn(name) || name == "options" => {
                method(name)
            }
            Native::TypeObj(t) => match name {
                "__name__" | "__qualname__" => Ok(Value::Str(t.clone())),
                _ => self.raise(
                    "AttributeError",
                    format!("type object '{t}' has no attribute '{name}'"),
                ),
            },
            Native::Subquery(sq) => match name {
                "c" | "columns" => Ok(nv(Native::SubqueryColumns(sq.clone()))),
                "name" => Ok(Value::str(&match &sq.alias {
                    crate::core::sql::TableRef::Named(n) => n.to_string(),
                    // (SQLAlchemy's anonymous label, a `str` rendered as `anon_N`.)
                    crate::core::sql::TableRef::Anon { base, id } => format!("%({id} {base})s"),
                })),
                "union" | "union_all" if sq.cte.is_some() => method(name),
                "select" => method(name),
                "alias" if sq.cte.is_none() => method(name),
                _ => self.no_attr("Subquery", name),
            },
            Native::ColumnList(cols) => match cols.iter().find(|(k, _)| &**k == name) {
                Some((_, v)) => Ok(v.clone()),
                None if matches!(name, "keys" | "values" | "items" | "get") => method(name),
                None => self.raise("AttributeError", name),
            },
            Native::SubqueryColumns(sq) => {
                let i = sq.columns.iter().position(|(k, _)| &**k == name);
                match i.and_then(|i| sq.column(i)) {
                    Some(c) => Ok(super::sqlexpr::sql_value(c)),
                    None if name == "keys" => method(name),
                    None => self.raise("AttributeError", name),
                }
            }
            Native::Module(m) => {
                let m = m.clone();
                self.module_attr(&m, this, name)
            }
            Native::RePattern(p) => self.pattern_attr(p, this, name),
            Native::Flask(o) => self.flask_attr(o, this, name),
            Native::ReMatch(m) => self.match_attr(m, this, name),
            Native::IdentityMap | Native::SessionSet(_) => method(name),
            Native::Config => method(name),
            Native::Text(s, _) if name == "text" => Ok(Value::Str(s.clone())),
            Native::Text(..) if api_names::text_has(name) => method(name),
            Native::Text(..) => self.no_attr("TextClause", name),
            Native::TextTyped(..) => method(name),
            Native::Compiled(sql, _, params) => match name {
                "string" => Ok(Value::Str(sql.clone())),
                "params" => Ok(Value::dict_of(
                    params
                        .iter()
                        .map(|(k, v)| (Value::Str(k.clone()), v.clone()))
                        .collect(),
                )),
                _ => self.unsupported(&format!("`Compiled.{name}`")),
            },
            Native::Bytes(_) if matches!(name, "decode" | "hex") => method(name),
            Native::Dbapi(cursor) if super::dbapi::has_method(*cursor, name) => method(name),
            Native::Hasher(algo, _) => match name {
                "update" | "hexdigest" | "digest" => method(name),
                "name" => Ok(Value::str(algo)),
                "digest_size" => Ok(Value::int(if *algo == "md5" { 16 } else { 32 })),
                _ => self.no_attr("HASH", name),
            },
            Native::HybridMethod(_) if name == "expression" => method(name),
            Native::HybridMethod(h) if name == "inplace" => Ok(nv(Native::HybridMethod(h.clone()))),
            Native::Hybrid(h) => match name {
                "setter" | "expression" | "getter" | "deleter" | "update_expression" => {
                    method(name)
                }
                "inplace" => Ok(this.clone()),
                "fget" => Ok(h[0].clone()),
                "fset" => Ok(h[1].clone()),
                _ => self.no_attr("hybrid_property", name),
            },
            Native::Aliased(class, alias) => {
                let attr = self.orm.classes.get(&**class).and_then(|c| c.lookup(name));
                match attr {
                    Some(Value::Native(ref n)) if let Native::Instrumented(a) = &**n => {
                        Ok(nv(Native::Instrumented(Instrumented {
                            via: Some(Rc::new(AliasVia {
                                parent: Some(alias.clone()),
                                target: None,
                                criteria: None,
                            })),
                            ..a.clone()
                        })))
                    }
                    _ => self.raise(
                        "AttributeError",
                        format!("type object '{class}' has no attribute '{name}'"),
                    ),
                }
            }
            Native::ColumnSpec(c) => self.column_spec_attr(&n, c, name),
            Native::ConstraintSpec(c, t) => self.constraint_attr(c, t, name),
            Native::IndexSpec(ix, _) if name == "name" => {
                Ok(ix.name.as_deref().map(Value::str).unwrap_or(Value::None))
            }
            Native::IndexSpec(ix, _) if name == "unique" => Ok(Value::Bool(ix.unique)),
            // A table's index: its columns (a column collection), its table.
            Native::IndexSpec(ix, Some(t)) if matches!(name, "columns" | "c" | "table") => {
                if name == "table" {
                    return Ok(nv(Native::Table(t.clone())));
                }
                let tb = self.orm.reg.metadata.table(t);
                let only: Rc<[usize]> = (ix.columns.iter())
                    .filter_map(|n| tb?.columns.iter().position(|c| c.name == *n))
                    .collect();
                Ok(nv(Native::TableColumns(t.clone(), Some(only))))
            }
            Native::ExecContext(p) if name == "current_parameters" => Ok(p.clone()),
            Native::ExecContext(_) if name == "get_current_parameters" => method(name),
            _ => {
                let t = n.type_name().to_string();
                self.no_attr(&t, name)
            }
        }
    }

    pub(crate) fn sql_attr_or_method(&mut self, this: &Value, name: &str) -> R<Value> {
        let attr = match this {
            Value::Native(n) if let Native::Instrumented(a) = &**n => Some(a.clone()),
            _ => None,
        };
        // (A relationship has only its comparator's methods of the column ones.)
        let relationship_refuses = attr.as_ref().is_some_and(|a| {
            a.column.is_none()
                && !matches!(
                    name,
                    "has" | "any" | "contains" | "of_type" | "and_" | "in_"
                )
                && super::sqlexpr::column_operator(name).is_none()
        });
        if !relationship_refuses && crate::core::words::has(super::sqlexpr::COLUMN_METHODS, name) {
            return Ok(Value::BuiltinMethod(Rc::new((
                this.clone(),
                Rc::from(name),
            ))));
        }
        let msg = match attr {
            Some(a) => format!(
                "Neither 'InstrumentedAttribute' object nor 'Comparator' object associated with {}.{} has an attribute '{name}'",
                a.class, a.key
            ),
            // (A column expression's attributes are also its comparator's.)
            None => format!(
                "Neither '{}' object nor 'Comparator' object has an attribute '{name}'",
                self.type_name(this)
            ),
        };
        self.raise("AttributeError", msg)
    }

    /// `obj.attr = v` on library objects.
    pub fn native_setattr(&mut self, n: Rc<Native>, name: &str, v: Value) -> R<()> {
        match &*n {
            Native::App(..) => return self.app_setattr(&n, name, v),
            Native::Session(own) => return self.session_setattr(*own, name, v),
            _ => {}
        }
        // (A row's fields are properties without a setter.)
        if matches!(&*n, Native::Row(_)) {
            return self.raise("AttributeError", "can't set attribute");
        }
        let t = n.type_name().to_string();
        self.raise(
            "AttributeError",
            format!("'{t}' object attribute '{name}' is read-only"),
        )
    }

    /// Calling library callables.
    pub fn call_native(&mut self, n: Rc<Native>, args: Vec<Value>, kw: Kw) -> R<Value> {
        match &*n {
            Native::Flask(o) => self.flask_call(o, args),
            // `db.session()`: the scoped session's `Session`.
            Native::Session(false) if args.is_empty() && kw.is_empty() => {
                Ok(nv(Native::Session(true)))
            }
            Native::Listens(class, ev) => {
                let Some(f) = args.first() else {
                    return self.raise("TypeError", "listens_for() decorates a function");
                };
                self.orm
                    .listeners
                    .push((class.clone(), ev.clone(), f.clone()));
                Ok(f.clone())
            }
            // `@validates('email')` on a method: kept for the class its body belongs to.
            Native::Validates(keys, flags) => {
                let Some(f) = args.first() else {
                    return self.raise("TypeError", "validates() decorates a function");
                };
                for k in keys.iter() {
                    self.orm.validator_fns.push((k.clone(), f.clone(), *flags));
                }
                Ok(f.clone())
            }
            // (`func.extract(...)` is SQLAlchemy's `extract()` construct.)
            Native::FuncRef(name) if &**name == "extract" => self.call_sqla_fn("extract", args, kw),
            Native::FuncRef(name) => {
                let name = name.clone();
                self.call_func(&name, args, kw)
            }
            Native::ColumnType(SqlType::Spelled(base, name)) => {
                let r =
                    self.call_native(Rc::new(Native::ColumnType((**base).clone())), args, kw)?;
                Ok(match &r {
                    Value::Native(n) => match &**n {
                        Native::ColumnType(
                            b @ SqlType::String(_)
                            | b @ SqlType::Numeric(..)
                            | b @ SqlType::NumericFloat(..)
                            | b @ SqlType::DateTimeTz
                            | b @ SqlType::Integer
                            | b @ SqlType::BigInteger
                            | b @ SqlType::SmallInteger
                            | b @ SqlType::Text(_)
                            | b @ SqlType::Boolean
                            | b @ SqlType::Date
                            | b @ SqlType::Time
                            | b @ SqlType::DateTime
                            | b @ SqlType::Float
                            | b @ SqlType::LargeBinary,
                        ) => nv(Native::ColumnType(SqlType::Spelled(
                            Box::new(b.clone()),
                            name.clone(),
                        ))),
                        _ => r.clone(),
                    },
                    _ => r.clone(),
                })
            }
            Native::ColumnType(t) => {
                // (A misspelt keyword, `String(lenght=20)`, is refused by the type's
                // `__init__`.)
                let (owner, params): (&str, &[&str]) = match t {
                    SqlType::String(_)
                    | SqlType::Unicode(_)
                    | SqlType::Text(_)
                    | SqlType::UnicodeText(_) => ("String", &["length", "collation"]),
                    SqlType::Numeric(..) | SqlType::NumericFloat(..) => (
                        "Numeric",
                        &["precision", "scale", "decimal_return_scale", "asdecimal"],
                    ),
                    SqlType::Float => {
                        ("Float", &["precision", "asdecimal", "decimal_return_scale"])
                    }
                    SqlType::DateTime | SqlType::DateTimeTz => ("DateTime", &["timezone"]),
                    SqlType::Time => ("Time", &["timezone"]),
                    SqlType::Boolean => ("Boolean", &["create_constraint", "name"]),
                    SqlType::Json => ("JSON", &["none_as_null"]),
                    SqlType::LargeBinary => ("LargeBinary", &["length"]),
                    SqlType::Interval => {
                        ("Interval", &["native", "second_precision", "day_precision"])
                    }
                    _ => ("", &[]),
                };
                if !owner.is_empty()
                    && let Some((k, _)) = kw.iter().find(|(k, _)| !params.contains(&&**k))
                {
                    return self.raise(
                        "TypeError",
                        format!("{owner}.__init__() got an unexpected keyword argument '{k}'"),
                    );
                }
                let flag = |k: &str| kwget(&kw, k).map(|v| matches!(v, Value::Bool(true)));
                match t {
                    SqlType::Numeric(..) if flag("asdecimal") == Some(false) => {
                        // Plain floats back: no Decimal result processing.
                        let mut kw = kw.clone();
                        kw.retain(|(k, _)| &**k != "asdecimal");
                        let r = self.call_native(n.clone(), args, kw)?;
                        return Ok(match &r {
                            Value::Native(x) => match &**x {
                                Native::ColumnType(SqlType::Numeric(p, s)) => {
                                    nv(Native::ColumnType(SqlType::NumericFloat(*p, *s)))
                                }
                                _ => r.clone(),
                            },
                            _ => r.clone(),
                        });
                    }
                    SqlType::Float if flag("asdecimal") == Some(true) => {
                        return Ok(nv(Native::ColumnType(SqlType::Spelled(
                            Box::new(SqlType::Numeric(None, None)),
                            "FLOAT".into(),
                        ))));
                    }
                    SqlType::Boolean if flag("create_constraint") == Some(true) => {
                        let name = match kwget(&kw, "name") {
                            Some(Value::Str(s)) => Some(s.to_string()),
                            _ => None,
                        };
                        return Ok(nv(Native::ColumnType(SqlType::CheckedBoolean(name))));
                    }
                    SqlType::Json if flag("none_as_null") == Some(true) => {
                        return Ok(nv(Native::ColumnType(SqlType::JsonNoneAsNull)));
                    }
                    SqlType::DateTime | SqlType::DateTimeTz => {
                        // (`DateTime(timezone=True)`, also positionally.)
                        let tz = match (args.first(), kwget(&kw, "timezone")) {
                            (_, Some(v)) | (Some(v), None) => self.truthy(v)?,
                            (None, None) => false,
                        };
                        let t = if tz {
                            SqlType::DateTimeTz
                        } else {
                            SqlType::DateTime
                        };
                        return Ok(nv(Native::ColumnType(t)));
                    }
                    _ => {}
                }
                let ints: Vec<Option<u32>> = args
                    .iter()
                    .map(|a| match a {
                        Value::Int(i) => i.to_i64().map(|x| x as u32),
                        _ => None,
                    })
                    .collect();
                let kwint = |k: &str| match kwget(&kw, k) {
                    Some(Value::Int(i)) => i.to_i64().map(|x| x as u32),
                    _ => None,
                };
                let arg = |i: usize, k: &str| ints.get(i).cloned().flatten().or(kwint(k));
                let ty = match t {
                    SqlType::String(_) => SqlType::String(arg(0, "length")),
                    SqlType::Unicode(_) => SqlType::Unicode(arg(0, "length")),
                    SqlType::Text(_) => SqlType::Text(arg(0, "length")),
                    SqlType::UnicodeText(_) => SqlType::UnicodeText(arg(0, "length")),
                    SqlType::Numeric(..) => SqlType::Numeric(arg(0, "precision"), arg(1, "scale")),
                    // `Enum(Color)`: a Python enum class, stored by its members' names, or
                    // by the strings `values_callable=` gives for its members.
                    SqlType::Enum(..)
                        if let Some(t) = args.first().and_then(|a| self.enum_column_type(a)) =>
                    {
                        let name = match kwget(&kw, "name") {
                            Some(Value::Str(n)) => Some(Box::from(&**n)),
                            _ => None,
                        };
                        match (kwget(&kw, "values_callable"), t) {
                            (Some(f), SqlType::EnumClass(class, _, _)) => {
                                let f = f.clone();
                                let made = self.call(&f, vec![args[0].clone()], vec![])?;
                                let mut values = vec![];
                                for v in self.iterate(&made)? {
                                    values.push(self.to_str(&v)?);
                                }
                                SqlType::EnumClass(class, values, name)
                            }
                            (_, SqlType::EnumClass(class, values, _)) => {
                                SqlType::EnumClass(class, values, name)
                            }
                            (_, t) => t,
                        }
                    }
                    SqlType::Enum(..) => {
                        let mut vals = vec![];
                        for a in &args {
                            if let Value::Str(s) = a {
                                vals.push(s.to_string());
                            }
                        }
                        let name = match kwget(&kw, "name") {
                            Some(Value::Str(n)) => Some(n.to_string()),
                            _ => None,
                        };
                        let longest = crate::core::sql::types::longest_value(&vals);
                        let length = kwint("length");
                        if let Some(n) = length
                            && (n as usize) < longest
                        {
                            return self.raise(
                                "ValueError",
                                format!(
                                    "When provided, length must be larger or equal than the \
                                     length of the longest enum value. {n} < {longest}"
                                ),
                            );
                        }
                        // (A length equal to the default is not kept: nor shown in the repr.)
                        let length = length.filter(|&n| n as usize != longest);
                        let non_native = flag("native_enum") == Some(false);
                        SqlType::Enum(
                            vals,
                            Box::new(EnumSpec {
                                name,
                                length,
                                non_native,
                                validate: flag("validate_strings") == Some(true),
                            }),
                        )
                    }
                    other => other.clone(),
                };
                // (`collation=` on a string type: `COLLATE "..."` in its DDL.)
                let ty = match kwget(&kw, "collation") {
                    Some(Value::Str(c))
                        if matches!(
                            ty,
                            SqlType::String(_)
                                | SqlType::Unicode(_)
                                | SqlType::Text(_)
                                | SqlType::UnicodeText(_)
                        ) =>
                    {
                        SqlType::Collated(Box::new(ty), c.to_string())
                    }
                    _ => ty,
                };
                let ty = match ty {
                    SqlType::Enum(..) | SqlType::EnumClass(..)
                        if flag("create_constraint") == Some(true) =>
                    {
                        SqlType::CheckedEnum(Box::new(ty))
                    }
                    ty => ty,
                };
                Ok(nv(Native::ColumnType(ty)))
            }
            Native::SqlaFn(name) => {
                let name = name.clone();
                self.call_sqla_fn(&name, args, kw)
            }
            Native::Text(..) => self.raise("TypeError", "'TextClause' object is not callable"),
            _ => {
                let t = n.type_name().to_string();
                self.raise("TypeError", format!("'{t}' object is not callable"))
            }
        }
    }
}

/// SQLAlchemy's `%r` of `util.ellipses_string(s)`: the first 25 characters and `...`
/// when longer, as a Python string literal.
pub(super) fn ellipses_repr(s: &str) -> String {
    let short: String = if s.chars().count() > 25 {
        s.chars().take(25).chain("...".chars()).collect()
    } else {
        s.to_owned()
    };
    crate::core::sql::value::py_str_repr(&short)
}

/// An expression's `.type`: its type object, `NullType` when untyped (printed `NULL`).
pub(super) fn type_value(ty: Option<SqlType>) -> Value {
    let t = match ty {
        Some(SqlType::Custom(c)) if c == super::sqlexpr::FLOOR => SqlType::Float,
        Some(t) => t,
        None => SqlType::Custom("NULL".into()),
    };
    nv(Native::ColumnType(t))
}
