//! Python protocol dispatch for library objects: attributes, calls, methods, repr/str,
//! iteration, indexing, truthiness, context managers; `db.*` and `db.session.*`.

use std::cell::RefCell;
use std::rc::Rc;

use crate::core::orm::schema::{
    Autoincrement, Column, ColumnDefault, Constraint, ForeignKey, Index, ServerDefault, Table,
};
use crate::core::sql::{SqlType, SqlValue, Statement};

use super::super::call::Kw;
use super::super::value::{HKey, Value};
use super::super::{Interp, PrintedTable, R};
use super::query::{Ent, QueryObj};
use super::result::{ResultKind, ResultObj};
use super::{ColumnSpec, Native, RelSpec};

const TYPES: &[&str] = &[
    "Integer",
    "String",
    "Text",
    "Boolean",
    "DateTime",
    "Date",
    "Float",
    "Numeric",
    "JSON",
    "BigInteger",
    "SmallInteger",
    "Unicode",
    "UnicodeText",
    "LargeBinary",
    "Time",
    "Enum",
    "Interval",
    "PickleType",
    "Double",
    "DECIMAL",
    "VARCHAR",
    "INTEGER",
    "TEXT",
];

fn type_of_name(n: &str) -> SqlType {
    match n {
        "Integer" | "INTEGER" => SqlType::Integer,
        "String" | "VARCHAR" => SqlType::String(None),
        "Unicode" => SqlType::Unicode(None),
        "Text" | "TEXT" => SqlType::Text,
        "UnicodeText" => SqlType::UnicodeText,
        "Boolean" => SqlType::Boolean,
        "DateTime" => SqlType::DateTime,
        "Date" => SqlType::Date,
        "Time" => SqlType::Time,
        "Float" | "Double" => SqlType::Float,
        "Numeric" | "DECIMAL" => SqlType::Numeric(None, None),
        "JSON" => SqlType::Json,
        "BigInteger" => SqlType::BigInteger,
        "SmallInteger" => SqlType::SmallInteger,
        "LargeBinary" | "PickleType" => SqlType::LargeBinary,
        "Enum" => SqlType::Enum(vec![]),
        _ => SqlType::Custom(n.to_uppercase()),
    }
}

fn nv(n: Native) -> Value {
    Value::Native(Rc::new(n))
}

fn kwget<'a>(kw: &'a Kw, k: &str) -> Option<&'a Value> {
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
            Native::Db => {
                if TYPES.contains(&name) {
                    return Ok(nv(Native::ColumnType(type_of_name(name))));
                }
                match name {
                    "Model" => Ok(nv(Native::SqlaFn(Rc::from("db.Model")))),
                    "session" => Ok(nv(Native::Session)),
                    "metadata" => Ok(nv(Native::Metadata)),
                    "func" => Ok(nv(Native::SqlaFn(Rc::from("func")))),
                    "engine" => Ok(nv(Native::Module(Rc::from("engine")))),
                    "Column"
                    | "ForeignKey"
                    | "relationship"
                    | "backref"
                    | "Table"
                    | "create_all"
                    | "drop_all"
                    | "select"
                    | "paginate"
                    | "UniqueConstraint"
                    | "Index"
                    | "CheckConstraint"
                    | "PrimaryKeyConstraint"
                    | "ForeignKeyConstraint"
                    | "text"
                    | "and_"
                    | "or_"
                    | "not_"
                    | "desc"
                    | "asc"
                    | "init_app"
                    | "get_or_404"
                    | "first_or_404"
                    | "one_or_404"
                    | "mapped_column"
                    | "true"
                    | "false"
                    | "case"
                    | "literal"
                    | "null"
                    | "distinct"
                    | "update"
                    | "delete"
                    | "insert"
                    | "exists"
                    | "cast"
                    | "aliased"
                    | "reflect" => Ok(nv(Native::SqlaFn(Rc::from(format!("db.{name}").as_str())))),
                    _ => self.raise(
                        "AttributeError",
                        format!("'SQLAlchemy' object has no attribute '{name}'"),
                    ),
                }
            }
            Native::Session => match name {
                "identity_map" => Ok(nv(Native::IdentityMap)),
                "new" => Ok(nv(Native::SessionSet(0))),
                "dirty" => Ok(nv(Native::SessionSet(1))),
                "deleted" => Ok(nv(Native::SessionSet(2))),
                "autoflush" => Ok(Value::Bool(true)),
                "is_active" => Ok(Value::Bool(self.orm.failed.is_none())),
                "no_autoflush" => Ok(nv(Native::AppContext)),
                _ => method(name),
            },
            Native::App(_) => match name {
                "config" => {
                    let Native::App(cfg) = &*n else {
                        unreachable!()
                    };
                    let mut c = cfg.borrow_mut();
                    if matches!(*c, Value::None) {
                        *c = Value::dict_of(vec![
                            (
                                Value::str("SQLALCHEMY_DATABASE_URI"),
                                Value::str("sqlite://"),
                            ),
                            (Value::str("SQLALCHEMY_ECHO"), Value::Bool(false)),
                            (
                                Value::str("SQLALCHEMY_TRACK_MODIFICATIONS"),
                                Value::Bool(false),
                            ),
                        ]);
                    }
                    Ok(c.clone())
                }
                "name" | "import_name" => Ok(Value::str("__main__")),
                "extensions" => Ok(Value::dict_of(vec![
                    (Value::str("sqlalchemy"), nv(Native::Db)),
                    (Value::str("migrate"), Value::None),
                ])),
                "debug" | "testing" => Ok(Value::Bool(false)),
                _ => method(name),
            },
            Native::Metadata => match name {
                "tables" => Ok(nv(Native::TablesDict)),
                "sorted_tables" => {
                    let names: Vec<String> = self.table_order();
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
            Native::Table(t) => match name {
                "name" | "fullname" => Ok(Value::Str(t.clone())),
                "columns" | "c" => Ok(nv(Native::TableColumns(t.clone()))),
                "primary_key" => {
                    let tb = self.orm.reg.metadata.table(t).cloned();
                    let cols: Vec<Value> = tb
                        .map(|tb| {
                            tb.columns
                                .iter()
                                .enumerate()
                                .filter(|(_, c)| c.primary_key)
                                .map(|(i, _)| nv(Native::ColumnObj(t.clone(), i)))
                                .collect()
                        })
                        .unwrap_or_default();
                    Ok(Value::list(cols))
                }
                "foreign_keys" | "indexes" | "constraints" => Ok(Value::list(vec![])),
                "insert" | "select" | "delete" | "update" => method(name),
                _ => self.raise(
                    "AttributeError",
                    format!("'Table' object has no attribute '{name}'"),
                ),
            },
            Native::TableColumns(t) => {
                let tb = self.orm.reg.metadata.table(t).cloned();
                if let Some(tb) = &tb
                    && let Some(i) = tb.columns.iter().position(|c| c.key == name)
                {
                    return Ok(nv(Native::ColumnObj(t.clone(), i)));
                }
                match name {
                    "keys" | "values" | "items" => method(name),
                    _ => self.raise("AttributeError", name),
                }
            }
            Native::ColumnObj(t, i) => {
                let tb = self.orm.reg.metadata.table(t).cloned();
                let Some(c) = tb.as_ref().and_then(|tb| tb.columns.get(*i)).cloned() else {
                    return Ok(Value::None);
                };
                match name {
                    "name" => Ok(Value::str(&c.name)),
                    "key" => Ok(Value::str(&c.key)),
                    "nullable" => Ok(Value::Bool(c.is_nullable())),
                    "primary_key" => Ok(Value::Bool(c.primary_key)),
                    "unique" => Ok(if c.unique {
                        Value::Bool(true)
                    } else {
                        Value::None
                    }),
                    "index" => Ok(if c.index {
                        Value::Bool(true)
                    } else {
                        Value::None
                    }),
                    "type" => Ok(nv(Native::ColumnType(c.ty.clone()))),
                    "table" => Ok(nv(Native::Table(t.clone()))),
                    "default" | "server_default" | "foreign_keys" => Ok(Value::None),
                    _ => self.sql_attr_or_method(this, name),
                }
            }
            Native::ColumnType(t) => match name {
                "length" => Ok(match t {
                    SqlType::String(Some(n)) | SqlType::Unicode(Some(n)) => Value::int(*n as i64),
                    _ => Value::None,
                }),
                "python_type" => Ok(Value::Builtin(Rc::from(match t {
                    SqlType::Integer | SqlType::BigInteger | SqlType::SmallInteger => "int",
                    SqlType::Float => "float",
                    SqlType::Boolean => "bool",
                    SqlType::DateTime => "datetime",
                    SqlType::Date => "date",
                    SqlType::Numeric(..) => "Decimal",
                    SqlType::Json => "dict",
                    _ => "str",
                }))),
                _ => self.raise(
                    "AttributeError",
                    format!("'{}' object has no attribute '{name}'", t.ddl()),
                ),
            },
            Native::SqlaFn(f) if &**f == "func" => Ok(nv(Native::FuncRef(Rc::from(name)))),
            Native::Instrumented(a) => match name {
                "key" | "name" => Ok(Value::Str(a.key.clone())),
                "property" | "prop" | "comparator" => Ok(this.clone()),
                "type" => match self.column_sql(a) {
                    Some(s) => Ok(s
                        .ty
                        .map(|t| nv(Native::ColumnType(t)))
                        .unwrap_or(Value::None)),
                    None => Ok(Value::None),
                },
                "table" => {
                    let t = self
                        .orm
                        .reg
                        .table_of(&a.class)
                        .map(|t| t.name.clone())
                        .unwrap_or_default();
                    Ok(nv(Native::Table(Rc::from(t.as_str()))))
                }
                "expression" => match self.column_sql(a) {
                    Some(s) => Ok(super::sqlexpr::sql_value(s)),
                    None => Ok(this.clone()),
                },
                "class_" => Ok(self
                    .orm
                    .classes
                    .get(&*a.class)
                    .map(|c| Value::Class(c.clone()))
                    .unwrap_or(Value::None)),
                _ => self.sql_attr_or_method(this, name),
            },
            Native::Sql(_) => self.sql_attr_or_method(this, name),
            Native::Query(q) => match name {
                "statement" => Ok(this.clone()),
                "session" => Ok(nv(Native::Session)),
                "column_descriptions" => {
                    let mut out = vec![];
                    for e in &q.ents {
                        let (n, t) = match e {
                            Ent::Class(c) => (c.to_string(), c.to_string()),
                            Ent::Col { key, .. } => (key.to_string(), key.to_string()),
                        };
                        out.push(Value::dict_of(vec![
                            (Value::str("name"), Value::str(&n)),
                            (Value::str("type"), Value::str(&t)),
                        ]));
                    }
                    Ok(Value::list(out))
                }
                _ => method(name),
            },
            Native::Result(r) => match name {
                "rowcount" => Ok(Value::int(r.borrow().rowcount)),
                "returns_rows" => Ok(Value::Bool(r.borrow().kind != ResultKind::NoRows)),
                "lastrowid" => Ok(Value::None),
                _ => method(name),
            },
            Native::Row(r) => {
                let r = r.clone();
                self.row_attr(&r, this, name)
            }
            Native::Mapping(_) => method(name),
            Native::Pagination(p) => {
                let p = p.clone();
                self.pagination_attr(&p, name, this)
            }
            Native::Dynamic(..) => method(name),
            Native::TypeObj(t) => match name {
                "__name__" | "__qualname__" => Ok(Value::Str(t.clone())),
                _ => self.raise(
                    "AttributeError",
                    format!("type object '{t}' has no attribute '{name}'"),
                ),
            },
            Native::Module(m) => {
                if name == "__name__" {
                    return Ok(Value::Str(m.clone()));
                }
                self.import_from(m, name)
            }
            Native::IdentityMap | Native::SessionSet(_) => method(name),
            Native::Config => method(name),
            Native::Text(..) => method(name),
            Native::ColumnSpec(c) => match name {
                "name" => Ok(Value::str(&c.borrow().column.name)),
                _ => self.raise(
                    "AttributeError",
                    format!("'Column' object has no attribute '{name}'"),
                ),
            },
            _ => {
                let t = n.type_name().to_string();
                self.raise(
                    "AttributeError",
                    format!("'{t}' object has no attribute '{name}'"),
                )
            }
        }
    }

    fn sql_attr_or_method(&mut self, this: &Value, name: &str) -> R<Value> {
        if let Value::Native(n) = this
            && let Native::Instrumented(a) = &**n
            && a.column.is_none()
            && !matches!(name, "has" | "any" | "contains" | "of_type" | "and_")
        {
            return self.raise(
                "AttributeError",
                format!("Neither 'InstrumentedAttribute' object nor 'Comparator' object associated with {}.{} has an attribute '{name}'", a.class, a.key),
            );
        }
        const M: &[&str] = &[
            "like",
            "notlike",
            "not_like",
            "ilike",
            "notilike",
            "not_ilike",
            "startswith",
            "endswith",
            "contains",
            "in_",
            "not_in",
            "notin_",
            "is_",
            "is_not",
            "isnot",
            "between",
            "desc",
            "asc",
            "distinct",
            "label",
            "concat",
            "cast",
            "op",
            "nulls_last",
            "nullslast",
            "nulls_first",
            "nullsfirst",
            "has",
            "any",
            "count",
        ];
        if M.contains(&name) {
            return Ok(Value::BuiltinMethod(Rc::new((
                this.clone(),
                Rc::from(name),
            ))));
        }
        if let Value::Native(n) = this
            && let Native::Instrumented(a) = &**n
        {
            return self.raise(
                "AttributeError",
                format!("Neither 'InstrumentedAttribute' object nor 'Comparator' object associated with {}.{} has an attribute '{name}'", a.class, a.key),
            );
        }
        let t = self.type_name(this);
        self.raise(
            "AttributeError",
            format!("'{t}' object has no attribute '{name}'"),
        )
    }

    /// `obj.attr = v` on library objects.
    pub fn native_setattr(&mut self, n: Rc<Native>, name: &str, _v: Value) -> R<()> {
        let t = n.type_name().to_string();
        self.raise(
            "AttributeError",
            format!("'{t}' object attribute '{name}' is read-only"),
        )
    }

    /// Calling library callables.
    pub fn call_native(&mut self, n: Rc<Native>, args: Vec<Value>, kw: Kw) -> R<Value> {
        match &*n {
            Native::FuncRef(name) => {
                let name = name.clone();
                self.call_func(&name, args)
            }
            Native::ColumnType(t) => {
                let ints: Vec<Option<u32>> = args
                    .iter()
                    .map(|a| match a {
                        Value::Int(i) => i.to_i64().map(|x| x as u32),
                        _ => None,
                    })
                    .collect();
                let ty = match t {
                    SqlType::String(_) => SqlType::String(ints.first().cloned().flatten().or(
                        kwget(&kw, "length").and_then(|v| {
                            if let Value::Int(i) = v {
                                i.to_i64().map(|x| x as u32)
                            } else {
                                None
                            }
                        }),
                    )),
                    SqlType::Unicode(_) => SqlType::Unicode(ints.first().cloned().flatten()),
                    SqlType::Numeric(..) => SqlType::Numeric(
                        ints.first()
                            .cloned()
                            .flatten()
                            .or(kwget(&kw, "precision").and_then(|v| {
                                if let Value::Int(i) = v {
                                    i.to_i64().map(|x| x as u32)
                                } else {
                                    None
                                }
                            })),
                        ints.get(1)
                            .cloned()
                            .flatten()
                            .or(kwget(&kw, "scale").and_then(|v| {
                                if let Value::Int(i) = v {
                                    i.to_i64().map(|x| x as u32)
                                } else {
                                    None
                                }
                            })),
                    ),
                    SqlType::Enum(_) => {
                        let mut vals = vec![];
                        for a in &args {
                            if let Value::Str(s) = a {
                                vals.push(s.to_string());
                            }
                        }
                        SqlType::Enum(vals)
                    }
                    other => other.clone(),
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

    fn call_sqla_fn(&mut self, name: &str, args: Vec<Value>, kw: Kw) -> R<Value> {
        let short = name.strip_prefix("db.").unwrap_or(name);
        match short {
            "or_" | "and_" | "not_" | "desc" | "asc" | "distinct" => {
                self.sql_combinator(short, args)
            }
            "true" => Ok(super::sqlexpr::sql_value(super::SqlObj::typed(
                crate::core::sql::Expr::true_(),
                Some(SqlType::Boolean),
            ))),
            "false" => Ok(super::sqlexpr::sql_value(super::SqlObj::typed(
                crate::core::sql::Expr::false_(),
                Some(SqlType::Boolean),
            ))),
            "text" => match args.first() {
                Some(Value::Str(s)) => Ok(nv(Native::Text(s.clone(), vec![]))),
                _ => self.raise("ArgumentError", "text() requires a string"),
            },
            "select" => {
                let items: Vec<Value> = if args.len() == 1 && matches!(args[0], Value::List(_)) {
                    self.iterate(&args[0])?
                } else {
                    args
                };
                let (es, ents) = self.entities_from(&items)?;
                Ok(nv(Native::Query(QueryObj {
                    dml: None,
                    q: crate::core::orm::query::Query::select(es),
                    legacy: false,
                    ents,
                })))
            }
            "func" => self.raise("TypeError", "'_FunctionGenerator' object is not callable"),
            "Flask" => {
                let app = nv(Native::App(RefCell::new(Value::None)));
                self.orm.app = Some(app.clone());
                Ok(app)
            }
            "SQLAlchemy" => {
                for (k, v) in &kw {
                    if &**k == "metadata"
                        && let Value::Native(m) = v
                        && let Native::SqlaFn(mm) = &**m
                        && mm.starts_with("MetaData:")
                    {
                        let nc = &mm["MetaData:".len()..];
                        let _ = nc;
                    }
                }
                if let Some(Value::Native(mdv)) = kwget(&kw, "metadata")
                    && let Native::ConstraintSpec(_) = &**mdv
                {}
                Ok(nv(Native::Db))
            }
            "Migrate" => Ok(Value::None),
            "MetaData" => {
                if let Some(Value::Dict(d)) = kwget(&kw, "naming_convention") {
                    let mut pairs = vec![];
                    for (k, v) in d.borrow().iter() {
                        if let (Value::Str(k), Value::Str(v)) = (k, v) {
                            pairs.push((k.to_string(), v.to_string()));
                        }
                    }
                    let nc = crate::core::orm::naming::NamingConvention::new(
                        pairs.iter().map(|(a, b)| (a.as_str(), b.as_str())),
                    );
                    self.orm.reg.metadata.naming_convention = nc;
                }
                Ok(nv(Native::Metadata))
            }
            "create_all" => {
                self.create_all()?;
                Ok(Value::None)
            }
            "drop_all" => {
                self.drop_all()?;
                Ok(Value::None)
            }
            "init_app" => Ok(Value::None),
            "Column" | "mapped_column" => self.make_column(args, kw, short == "mapped_column"),
            "ForeignKey" => {
                let Some(Value::Str(t)) = args.first() else {
                    if let Some(Value::Native(c)) = args.first()
                        && let Native::ColumnObj(t, i) = &**c
                    {
                        let col = self
                            .orm
                            .reg
                            .metadata
                            .table(t)
                            .and_then(|tb| tb.columns.get(*i))
                            .map(|c| c.name.clone())
                            .unwrap_or_default();
                        return Ok(nv(Native::ForeignKeySpec(ForeignKey::new(&format!(
                            "{t}.{col}"
                        )))));
                    }
                    return self.raise("ArgumentError", "ForeignKey() needs 'table.column'");
                };
                let mut fk = ForeignKey::new(t);
                if let Some(Value::Str(s)) = kwget(&kw, "ondelete") {
                    fk = fk.ondelete(s);
                }
                if let Some(Value::Str(s)) = kwget(&kw, "onupdate") {
                    fk = fk.onupdate(s);
                }
                if let Some(Value::Str(s)) = kwget(&kw, "name") {
                    fk.name = Some(s.to_string());
                }
                Ok(nv(Native::ForeignKeySpec(fk)))
            }
            "relationship" => {
                let target = match args.first() {
                    Some(Value::Str(s)) => s.to_string(),
                    Some(Value::Class(c)) => c.name.to_string(),
                    None => String::new(),
                    _ => return self.raise("ArgumentError", "relationship() needs a target class"),
                };
                Ok(nv(Native::RelSpec(RefCell::new(RelSpec {
                    target,
                    kwargs: kw,
                }))))
            }
            "backref" => match args.first() {
                Some(Value::Str(s)) => Ok(nv(Native::BackrefSpec(s.clone(), kw))),
                _ => self.raise("TypeError", "backref() needs a name"),
            },
            "Table" => self.make_table(args, kw),
            "UniqueConstraint" | "PrimaryKeyConstraint" => {
                let cols: Vec<String> = args
                    .iter()
                    .filter_map(|a| {
                        if let Value::Str(s) = a {
                            Some(s.to_string())
                        } else {
                            None
                        }
                    })
                    .collect();
                let name = match kwget(&kw, "name") {
                    Some(Value::Str(s)) => Some(s.to_string()),
                    _ => None,
                };
                Ok(nv(Native::ConstraintSpec(if short == "UniqueConstraint" {
                    Constraint::Unique {
                        name,
                        columns: cols,
                    }
                } else {
                    Constraint::PrimaryKey {
                        name,
                        columns: cols,
                    }
                })))
            }
            "CheckConstraint" => {
                let sql = match args.first() {
                    Some(Value::Str(s)) => s.to_string(),
                    _ => String::new(),
                };
                let name = match kwget(&kw, "name") {
                    Some(Value::Str(s)) => Some(s.to_string()),
                    _ => None,
                };
                Ok(nv(Native::ConstraintSpec(Constraint::Check { name, sql })))
            }
            "Index" => {
                let name = match args.first() {
                    Some(Value::Str(s)) => Some(s.to_string()),
                    _ => None,
                };
                let mut cols = vec![];
                for a in args.iter().skip(1) {
                    match a {
                        Value::Str(s) => cols.push(s.to_string()),
                        other => {
                            if let Some(s) = self.as_sql(other)
                                && let crate::core::sql::Expr::Column { name, .. } = &s.expr
                            {
                                cols.push(name.clone());
                            }
                        }
                    }
                }
                let unique = matches!(kwget(&kw, "unique"), Some(Value::Bool(true)));
                Ok(nv(Native::IndexSpec(Index {
                    name,
                    columns: cols,
                    unique,
                })))
            }
            "paginate" => {
                let Some(Value::Native(q)) = args.first() else {
                    return self.raise("TypeError", "paginate() needs a select");
                };
                let Native::Query(qo) = &**q else {
                    return self.raise("TypeError", "paginate() needs a select");
                };
                let qo = qo.clone();
                self.paginate(&qo, &[], &kw)
            }
            "get_or_404" | "first_or_404" | "one_or_404" => {
                let desc = kwget(&kw, "description").cloned();
                let v = if short == "get_or_404" {
                    let class = match args.first() {
                        Some(Value::Class(c)) => c.name.to_string(),
                        _ => return self.raise("ArgumentError", "get_or_404() needs a model"),
                    };
                    self.get_by_pk(&class, args.get(1).unwrap_or(&Value::None))?
                } else {
                    let r = self.session_method("execute", args, vec![])?;
                    let Value::Native(rn) = r else {
                        return Ok(Value::None);
                    };
                    let rr = self.result_method(rn.clone(), "scalars", vec![], vec![])?;
                    let Value::Native(sn) = rr else {
                        return Ok(Value::None);
                    };
                    match self.result_method(
                        sn,
                        if short == "first_or_404" {
                            "first"
                        } else {
                            "one"
                        },
                        vec![],
                        vec![],
                    ) {
                        Ok(v) => v,
                        Err(e)
                            if self.exc_matches(
                                &e.value,
                                &self.exc["InvalidRequestError"].clone(),
                            ) =>
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
            "abort" => {
                let code = match args.first() {
                    Some(v) => self.as_index(v)?,
                    None => 500,
                };
                if code == 404 {
                    let v = self.new_exc("NotFound", "404 Not Found: The requested URL was not found on the server. If you entered the URL manually please check your spelling and try again.");
                    if let Value::Instance(i) = &v {
                        i.dict
                            .borrow_mut()
                            .insert(Rc::from("code"), Value::int(404));
                    }
                    return self.raise_value(v);
                }
                self.unsupported(&format!("`abort({code})`"))
            }
            "update" | "delete" => {
                let Some(Value::Class(c)) = args.first() else {
                    return self.raise("ArgumentError", format!("{short}() needs a mapped class"));
                };
                let mut q = QueryObj::legacy_of(&c.name);
                q.legacy = false;
                q.dml = Some(if short == "update" {
                    Some(vec![])
                } else {
                    None
                });
                Ok(nv(Native::Query(q)))
            }
            "case" | "literal" | "null" | "cast" | "aliased" | "insert" | "exists" | "reflect"
            | "literal_column" | "label" | "join" | "outerjoin" | "union" | "tuple_"
            | "bindparam" | "column" | "table" => self.unsupported(&format!("`{short}()`")),
            "Mapped" | "DeclarativeBase" | "jsonify" | "request" | "render_template"
            | "redirect" | "url_for" => self.unsupported(&format!("`{short}`")),
            "Integer" | "String" | "Text" | "Boolean" | "DateTime" | "Date" | "Float"
            | "Numeric" | "JSON" | "BigInteger" | "SmallInteger" | "Unicode" | "UnicodeText"
            | "LargeBinary" | "Time" | "Enum" => {
                let t = nv(Native::ColumnType(type_of_name(short)));
                self.call(&t, args, kw)
            }
            other => {
                if let Some(t) = TYPES.iter().find(|t| **t == other) {
                    let t = nv(Native::ColumnType(type_of_name(t)));
                    return self.call(&t, args, kw);
                }
                self.unsupported(&format!("`{other}`"))
            }
        }
    }

    fn make_column(&mut self, args: Vec<Value>, kw: Kw, mapped: bool) -> R<Value> {
        let mut name = None;
        let mut ty = None;
        let mut fks = vec![];
        for a in &args {
            match a {
                Value::Str(s) if name.is_none() && ty.is_none() => name = Some(s.to_string()),
                Value::Native(n) => match &**n {
                    Native::ColumnType(t) => ty = Some(t.clone()),
                    Native::SqlaFn(f) if TYPES.contains(&f.trim_start_matches("db.")) => {
                        ty = Some(type_of_name(f.trim_start_matches("db.")))
                    }
                    Native::ForeignKeySpec(f) => fks.push(f.clone()),
                    Native::ConstraintSpec(Constraint::Check { name, sql }) => {
                        let _ = (name, sql);
                    }
                    _ => return self.raise("ArgumentError", "unexpected argument to Column()"),
                },
                Value::Builtin(b) if matches!(&**b, "int" | "str" | "float" | "bool") => {
                    ty = Some(match &**b {
                        "int" => SqlType::Integer,
                        "str" => SqlType::String(None),
                        "float" => SqlType::Float,
                        _ => SqlType::Boolean,
                    })
                }
                _ => {
                    let r = self.repr(a)?;
                    return self.raise("ArgumentError", format!("'SchemaItem' object, such as a 'Column' or a 'Constraint' expected, got {r}"));
                }
            }
        }
        let ty = match ty {
            Some(t) => t,
            None if !fks.is_empty() => SqlType::Integer,
            None => SqlType::Custom("NULL".into()),
        };
        let mut col = Column::new(name.as_deref().unwrap_or(""), ty);
        for fk in fks {
            col = col.foreign_key(fk);
        }
        let mut default = None;
        let mut onupdate = None;
        for (k, v) in &kw {
            match &**k {
                "primary_key" => {
                    if self.truthy(v)? {
                        col = col.primary_key();
                    }
                }
                "nullable" => col = col.nullable(self.truthy(v)?),
                "unique" => {
                    if self.truthy(v)? {
                        col = col.unique();
                    }
                }
                "index" => {
                    if self.truthy(v)? {
                        col = col.index();
                    }
                }
                "default" => {
                    let is_callable = matches!(
                        v,
                        Value::Func(_)
                            | Value::Builtin(_)
                            | Value::Method(_)
                            | Value::BuiltinMethod(_)
                    );
                    col = col.default(if is_callable {
                        ColumnDefault::Callable
                    } else {
                        let sv = self.to_sql(v, None).unwrap_or(SqlValue::Null);
                        ColumnDefault::Scalar(sv)
                    });
                    default = Some(v.clone());
                }
                "onupdate" => {
                    col = col.onupdate(ColumnDefault::Callable);
                    onupdate = Some(v.clone());
                }
                "server_default" => {
                    let sd = match v {
                        Value::Str(s) => ServerDefault::Literal(s.to_string()),
                        Value::Native(n) => match &**n {
                            Native::Text(s, _) => ServerDefault::Sql(s.to_string()),
                            Native::Sql(s) => match &s.expr {
                                crate::core::sql::Expr::Func { name, .. } => {
                                    ServerDefault::Func(name.clone())
                                }
                                crate::core::sql::Expr::Raw(r) if r == "1" => ServerDefault::True,
                                crate::core::sql::Expr::Raw(r) if r == "0" => ServerDefault::False,
                                _ => return self.unsupported("this server_default"),
                            },
                            _ => return self.unsupported("this server_default"),
                        },
                        _ => {
                            let t = self.type_name(v);
                            return self.raise("ArgumentError", format!("Argument 'arg' is expected to be one of type '<class 'str'>' or '<class 'sqlalchemy.sql.elements.ClauseElement'>' or '<class 'sqlalchemy.sql.elements.TextClause'>', got '<class '{t}'>'"));
                        }
                    };
                    col = col.server_default(sd);
                }
                "autoincrement" => {
                    col.autoincrement = match v {
                        Value::Bool(true) => Autoincrement::Yes,
                        Value::Bool(false) => Autoincrement::No,
                        _ => Autoincrement::Auto,
                    }
                }
                "key" => {
                    if let Value::Str(s) = v {
                        col = col.key(s);
                    }
                }
                "doc" | "comment" | "info" | "quote" | "sort_order" => {}
                _ => {
                    return self.raise(
                        "ArgumentError",
                        format!("Unknown arguments passed to Column: ['{k}']"),
                    );
                }
            }
        }
        self.orm.col_counter += 1;
        let spec = ColumnSpec {
            column: col,
            default,
            onupdate,
            explicit_name: name.is_some(),
            mapped,
            nullable_explicit: kw.iter().any(|(k, _)| &**k == "nullable"),
            order: self.orm.col_counter,
        };
        Ok(nv(Native::ColumnSpec(RefCell::new(spec))))
    }

    fn make_table(&mut self, args: Vec<Value>, _kw: Kw) -> R<Value> {
        let Some(Value::Str(name)) = args.first() else {
            return self.raise("TypeError", "Table() needs a name");
        };
        let mut t = Table::new(name);
        for a in args.iter().skip(1) {
            if let Value::Native(n) = a {
                match &**n {
                    Native::ColumnSpec(c) => {
                        let c = c.borrow().clone();
                        t = t.column(c.column.clone());
                        self.orm.defaults.insert(
                            (name.to_string(), c.column.name.clone()),
                            (c.default.clone(), c.onupdate.clone()),
                        );
                    }
                    Native::ConstraintSpec(c) => t = t.constraint(c.clone()),
                    Native::IndexSpec(i) => t = t.index(i.clone()),
                    Native::Metadata => {}
                    _ => {}
                }
            }
        }
        self.orm.reg.metadata.add(t);
        Ok(nv(Native::Table(name.clone())))
    }

    fn existing_tables(&mut self) -> Vec<String> {
        match self
            .backend
            .execute("SELECT name FROM sqlite_master WHERE type='table'", &[])
        {
            Ok(r) => r
                .rows
                .iter()
                .filter_map(|r| {
                    if let Some(SqlValue::Text(s)) = r.first() {
                        Some(s.clone())
                    } else {
                        None
                    }
                })
                .collect(),
            Err(_) => vec![],
        }
    }

    fn run_ddl(&mut self, stmts: Vec<Statement>) -> R<()> {
        let own_tx = !self.orm.in_tx;
        if own_tx {
            self.sql_log.push(super::super::LoggedStatement {
                sql: "BEGIN (implicit)".into(),
                params: String::new(),
                elapsed_ms: 0.0,
                rows: 0,
            });
        }
        for s in &stmts {
            self.run_stmt(s, false)?;
        }
        if own_tx {
            self.sql_log.push(super::super::LoggedStatement {
                sql: "COMMIT".into(),
                params: String::new(),
                elapsed_ms: 0.0,
                rows: 0,
            });
        }
        Ok(())
    }

    /// `db.create_all()`.
    pub fn create_all(&mut self) -> R<()> {
        let existing = self.existing_tables();
        let refs: Vec<&str> = existing.iter().map(|s| s.as_str()).collect();
        let stmts = match crate::core::orm::ddl::create_all(&self.orm.reg.metadata, &refs) {
            Ok(s) => s,
            Err(e) => return self.raise("ArgumentError", e.0),
        };
        self.run_ddl(stmts)
    }

    /// `db.drop_all()`.
    pub fn drop_all(&mut self) -> R<()> {
        let existing = self.existing_tables();
        let refs: Vec<&str> = existing.iter().map(|s| s.as_str()).collect();
        let stmts = crate::core::orm::ddl::drop_all(&self.orm.reg.metadata, &refs);
        self.run_ddl(stmts)
    }

    /// Methods of library objects.
    pub fn native_method(
        &mut self,
        n: Rc<Native>,
        name: &str,
        args: Vec<Value>,
        kw: Kw,
    ) -> R<Value> {
        match &*n {
            Native::Session => self.session_method(name, args, kw),
            Native::Query(q) => {
                let q = q.clone();
                self.query_method(&q, name, args, kw)
            }
            Native::Result(_) => self.result_method(n.clone(), name, args, kw),
            Native::Row(r) => {
                let r = r.clone();
                self.row_method(&r, false, name, args)
            }
            Native::Mapping(r) => {
                let r = r.clone();
                self.row_method(&r, true, name, args)
            }
            Native::Pagination(p) => {
                let p = p.clone();
                self.pagination_method(&p, name, kw)
            }
            Native::Instrumented(_) | Native::Sql(_) | Native::ColumnObj(..) => {
                self.sql_method(Value::Native(n.clone()), name, args, kw)
            }
            Native::App(_) => match name {
                "app_context" | "test_request_context" => Ok(nv(Native::AppContext)),
                "run" => Ok(Value::None),
                _ => self.raise(
                    "AttributeError",
                    format!("'Flask' object has no attribute '{name}'"),
                ),
            },
            Native::TablesDict => {
                let names: Vec<Value> = self
                    .orm
                    .reg
                    .metadata
                    .tables
                    .iter()
                    .map(|t| Value::str(&t.name))
                    .collect();
                match name {
                    "keys" => Ok(Value::list(names)),
                    "values" => Ok(Value::list(
                        self.orm
                            .reg
                            .metadata
                            .tables
                            .iter()
                            .map(|t| nv(Native::Table(Rc::from(t.name.as_str()))))
                            .collect(),
                    )),
                    "items" => Ok(Value::list(
                        self.orm
                            .reg
                            .metadata
                            .tables
                            .iter()
                            .map(|t| {
                                Value::tuple(vec![
                                    Value::str(&t.name),
                                    nv(Native::Table(Rc::from(t.name.as_str()))),
                                ])
                            })
                            .collect(),
                    )),
                    "get" => {
                        let k = args.first().cloned().unwrap_or(Value::None);
                        if let Value::Str(s) = &k
                            && self.orm.reg.metadata.table(s).is_some()
                        {
                            return Ok(nv(Native::Table(s.clone())));
                        }
                        Ok(args.get(1).cloned().unwrap_or(Value::None))
                    }
                    _ => self.raise(
                        "AttributeError",
                        format!("'FacadeDict' object has no attribute '{name}'"),
                    ),
                }
            }
            Native::Metadata => match name {
                "create_all" => {
                    self.create_all()?;
                    Ok(Value::None)
                }
                "drop_all" => {
                    self.drop_all()?;
                    Ok(Value::None)
                }
                _ => self.raise(
                    "AttributeError",
                    format!("'MetaData' object has no attribute '{name}'"),
                ),
            },
            Native::TableColumns(t) => {
                let tb = self.orm.reg.metadata.table(t).cloned();
                let Some(tb) = tb else {
                    return Ok(Value::list(vec![]));
                };
                match name {
                    "keys" => Ok(Value::list(
                        tb.columns.iter().map(|c| Value::str(&c.key)).collect(),
                    )),
                    "values" => Ok(Value::list(
                        (0..tb.columns.len())
                            .map(|i| nv(Native::ColumnObj(t.clone(), i)))
                            .collect(),
                    )),
                    _ => Ok(Value::list(
                        tb.columns
                            .iter()
                            .enumerate()
                            .map(|(i, c)| {
                                Value::tuple(vec![
                                    Value::str(&c.key),
                                    nv(Native::ColumnObj(t.clone(), i)),
                                ])
                            })
                            .collect(),
                    )),
                }
            }
            Native::Text(sql, binds) => match name {
                "bindparams" => {
                    let mut b = binds.clone();
                    b.extend(kw);
                    Ok(nv(Native::Text(sql.clone(), b)))
                }
                "columns" => Ok(Value::Native(n.clone())),
                _ => self.raise(
                    "AttributeError",
                    format!("'TextClause' object has no attribute '{name}'"),
                ),
            },
            Native::Dynamic(inst, key) => {
                let (inst, key) = (inst.clone(), key.clone());
                self.dynamic_method(&inst, &key, name, args, kw)
            }
            Native::IdentityMap => match name {
                "keys" | "values" | "items" => Ok(Value::list(
                    self.orm
                        .identity_order
                        .iter()
                        .map(|i| Value::Instance(i.clone()))
                        .collect(),
                )),
                _ => self.raise(
                    "AttributeError",
                    format!("'WeakInstanceDict' object has no attribute '{name}'"),
                ),
            },
            _ => {
                let t = n.type_name().to_string();
                self.raise(
                    "AttributeError",
                    format!("'{t}' object has no attribute '{name}'"),
                )
            }
        }
    }

    /// The query behind a `lazy='dynamic'` relationship of `inst`.
    pub fn dynamic_query(
        &mut self,
        inst: &Rc<super::super::value::Instance>,
        key: &str,
    ) -> R<QueryObj> {
        let class = inst
            .class
            .model_info()
            .map(|m| m.class.to_string())
            .unwrap_or_default();
        let target = match self.orm.reg.relationship(&class, key) {
            Ok(r) => r.target.clone(),
            Err(e) => return self.raise("InvalidRequestError", e.0),
        };
        let m = inst.class.model_info();
        let mut vals = std::collections::HashMap::new();
        if let Some(m) = &m {
            self.ensure_loaded(inst)?;
            for (k, n) in &m.columns {
                let v = inst.dict.borrow().get(k).cloned().unwrap_or(Value::None);
                vals.insert(
                    n.to_string(),
                    self.to_sql(&v, None).unwrap_or(SqlValue::Null),
                );
            }
        }
        let q =
            match crate::core::orm::relations::lazy_load_query(&self.orm.reg, &class, key, &|c| {
                vals.get(c).cloned().unwrap_or(SqlValue::Null)
            }) {
                Ok(q) => q,
                Err(e) => return self.raise("InvalidRequestError", e.0),
            };
        Ok(QueryObj {
            dml: None,
            q,
            legacy: true,
            ents: vec![Ent::Class(Rc::from(target.as_str()))],
        })
    }

    fn dynamic_method(
        &mut self,
        inst: &Rc<super::super::value::Instance>,
        key: &str,
        name: &str,
        args: Vec<Value>,
        kw: Kw,
    ) -> R<Value> {
        match name {
            "append" | "remove" | "extend" => {
                let items = if name == "extend" {
                    self.iterate(&args[0])?
                } else {
                    vec![args[0].clone()]
                };
                let class = inst
                    .class
                    .model_info()
                    .map(|m| m.class.to_string())
                    .unwrap_or_default();
                let r = match self.orm.reg.resolve(&class, key) {
                    Ok(r) => r,
                    Err(e) => return self.raise("InvalidRequestError", e.0),
                };
                for it in items {
                    if let Value::Instance(ci) = &it {
                        for p in &r.primary {
                            let pv = {
                                let m = inst.class.model_info();
                                m.and_then(|m| {
                                    m.columns.iter().find(|(_, n)| **n == *p.referred.1).map(
                                        |(k, _)| {
                                            inst.dict
                                                .borrow()
                                                .get(k)
                                                .cloned()
                                                .unwrap_or(Value::None)
                                        },
                                    )
                                })
                                .unwrap_or(Value::None)
                            };
                            if let Some(cm) = ci.class.model_info()
                                && let Some((k, _)) =
                                    cm.columns.iter().find(|(_, n)| **n == *p.foreign.1)
                            {
                                ci.dict.borrow_mut().insert(
                                    k.clone(),
                                    if name == "remove" { Value::None } else { pv },
                                );
                            }
                        }
                        if name != "remove" {
                            self.session_add(&it)?;
                        }
                    }
                }
                Ok(Value::None)
            }
            _ => {
                let q = self.dynamic_query(inst, key)?;
                self.query_method(&q, name, args, kw)
            }
        }
    }

    /// `db.session.<name>(...)`.
    pub fn session_method(&mut self, name: &str, args: Vec<Value>, kw: Kw) -> R<Value> {
        let mut args = args;
        if let Some((_, p)) = kw.iter().find(|(k, _)| &**k == "params")
            && args.len() == 1
        {
            args.push(p.clone());
        }
        match name {
            "add" => {
                self.nargs("add", &args, 1, 1)?;
                self.session_add(&args[0])?;
                Ok(Value::None)
            }
            "add_all" => {
                for v in self.iterate(&args[0])? {
                    self.session_add(&v)?;
                }
                Ok(Value::None)
            }
            "delete" => {
                self.session_delete(&args[0])?;
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
                let Some(Value::Instance(i)) = args.first() else {
                    return self.raise(
                        "UnmappedInstanceError",
                        "Class 'builtins.NoneType' is not mapped",
                    );
                };
                self.expire(i);
                if name == "refresh" {
                    self.refresh_instance(i)?;
                }
                Ok(Value::None)
            }
            "expunge" => {
                if let Some(Value::Instance(i)) = args.first() {
                    self.orm.new.retain(|x| !Rc::ptr_eq(x, i));
                    self.orm.identity_order.retain(|x| !Rc::ptr_eq(x, i));
                    self.orm.identity.retain(|_, x| !Rc::ptr_eq(x, i));
                    if let Some(s) = i.orm.borrow_mut().as_mut() {
                        s.status = if s.identity.is_some() {
                            super::model::Status::Detached
                        } else {
                            super::model::Status::Transient
                        };
                    }
                }
                Ok(Value::None)
            }
            "expunge_all" => {
                self.close_session();
                Ok(Value::None)
            }
            "merge" => {
                if let Some(v) = args.first() {
                    self.session_add(v)?;
                    return Ok(v.clone());
                }
                Ok(Value::None)
            }
            "get" => {
                let Some(Value::Class(c)) = args.first() else {
                    return self.raise("ArgumentError", "get() needs a mapped class");
                };
                let class = c.name.to_string();
                self.get_by_pk(&class, args.get(1).unwrap_or(&Value::None))
            }
            "query" => {
                let (es, ents) = self.entities_from(&args)?;
                Ok(nv(Native::Query(QueryObj {
                    dml: None,
                    q: crate::core::orm::query::Query::legacy(es),
                    legacy: true,
                    ents,
                })))
            }
            "execute" => {
                let Some(stmt) = args.first() else {
                    return self.raise(
                        "TypeError",
                        "execute() missing 1 required positional argument: 'statement'",
                    );
                };
                match stmt {
                    Value::Native(n) => match &**n {
                        Native::Query(q) if q.dml.is_some() => {
                            let q = q.clone();
                            self.execute_dml(&q)
                        }
                        Native::Query(q) => {
                            let q = q.clone();
                            self.execute_select(&q)
                        }
                        Native::Text(sql, binds) => {
                            let (sql, binds) = (sql.clone(), binds.clone());
                            let sets = match args.get(1) {
                                Some(Value::List(l)) => l.borrow().clone(),
                                Some(p) => vec![p.clone()],
                                None => vec![Value::None],
                            };
                            self.execute_text(&sql, &binds, sets)
                        }
                        _ => self.raise("ArgumentError", "Executable SQL or text() construct expected"),
                    },
                    Value::Str(s) => self.raise(
                        "ArgumentError",
                        format!("Textual SQL expression '{}' should be explicitly declared as text('{}')", trunc(s), trunc(s)),
                    ),
                    _ => self.raise("ArgumentError", "Executable SQL or text() construct expected"),
                }
            }
            "scalar" | "scalars" => {
                let r = self.session_method("execute", args, kw)?;
                let Value::Native(rn) = r else {
                    return Ok(Value::None);
                };
                self.result_method(rn, name, vec![], vec![])
            }
            "begin" | "begin_nested" => Ok(nv(Native::AppContext)),
            "is_modified" => {
                let Some(Value::Instance(i)) = args.first() else {
                    return Ok(Value::Bool(false));
                };
                let i = i.clone();
                Ok(Value::Bool(self.is_dirty(&i)))
            }
            _ => self.raise(
                "AttributeError",
                format!("'Session' object has no attribute '{name}'"),
            ),
        }
    }

    /// `repr()` of library objects.
    pub fn native_repr(&mut self, n: Rc<Native>) -> R<String> {
        Ok(match &*n {
            Native::Row(r) | Native::Mapping(r) => {
                let t = Value::tuple((*r.values).clone());
                let s = self.repr(&t)?;
                if matches!(&*n, Native::Mapping(_)) {
                    let mut parts = vec![];
                    for (k, v) in r.keys.iter().zip(r.values.iter()) {
                        parts.push(format!("'{k}': {}", self.repr(v)?));
                    }
                    format!("{{{}}}", parts.join(", "))
                } else {
                    s
                }
            }
            Native::Instrumented(a) => format!("{}.{}", a.class, a.key),
            Native::Sql(s) => {
                let sel = crate::core::sql::Select::new(vec![s.expr.clone()]);
                let r = crate::core::sql::render(&Statement::Select(sel));
                r.sql.trim_start_matches("SELECT ").to_string()
            }
            Native::Table(t) => format!("Table('{t}', MetaData(), ...)"),
            Native::ColumnObj(t, i) => {
                let c = self
                    .orm
                    .reg
                    .metadata
                    .table(t)
                    .and_then(|tb| tb.columns.get(*i))
                    .map(|c| c.name.clone())
                    .unwrap_or_default();
                format!("Column('{c}', table=<{t}>)")
            }
            Native::ColumnType(t) => t.ddl(),
            Native::TypeObj(t) => format!("<class '{t}'>"),
            Native::Module(m) => format!("<module '{m}'>"),
            Native::App(_) => "<Flask '__main__'>".into(),
            Native::Db => "<SQLAlchemy sqlite://>".into(),
            Native::Query(q) => {
                let sel = self.compile_query(&q.q.clone())?;
                crate::core::sql::render(&Statement::Select(sel)).sql
            }
            Native::Pagination(_) => "<flask_sqlalchemy.pagination.QueryPagination object>".into(),
            Native::KeyView(k) => {
                let l = Value::list(k.clone());
                format!("RMKeyView({})", self.repr(&l)?)
            }
            Native::SessionSet(k) => {
                let items = self.session_set_items(*k)?;
                let r = self.repr(&Value::list(items))?;
                format!("IdentitySet({r})")
            }
            Native::Text(s, _) => format!("<sqlalchemy.sql.elements.TextClause object> {s}"),
            Native::Slice(a, b, c) => {
                let (a, b, c) = (a.clone(), b.clone(), c.clone());
                format!(
                    "slice({}, {}, {})",
                    self.repr(&a)?,
                    self.repr(&b)?,
                    self.repr(&c)?
                )
            }
            other => format!("<{} object>", other.type_name()),
        })
    }

    /// `str()` of library objects.
    pub fn native_str(&mut self, n: Rc<Native>) -> R<String> {
        match &*n {
            Native::Instrumented(_) | Native::Sql(_) => {
                let v = Value::Native(n.clone());
                let s = self.as_sql(&v);
                match s {
                    Some(s) => {
                        let sel = crate::core::sql::Select::new(vec![s.expr.clone()]);
                        let r = crate::core::sql::render(&Statement::Select(sel));
                        let t = r.sql.trim_start_matches("SELECT ").to_string();
                        let head = t.split(" \nFROM").next().unwrap_or(&t);
                        Ok(head.strip_suffix(" AS anon_1").unwrap_or(head).to_string())
                    }
                    None => self.native_repr(n),
                }
            }
            Native::Text(s, _) => Ok(s.to_string()),
            Native::Table(t) => Ok(t.to_string()),
            Native::ColumnObj(t, i) => {
                let c = self
                    .orm
                    .reg
                    .metadata
                    .table(t)
                    .and_then(|tb| tb.columns.get(*i))
                    .map(|c| c.name.clone())
                    .unwrap_or_default();
                Ok(format!("{t}.{c}"))
            }
            _ => self.native_repr(n),
        }
    }

    fn session_set_items(&mut self, k: u8) -> R<Vec<Value>> {
        Ok(match k {
            0 => self
                .orm
                .new
                .iter()
                .map(|i| Value::Instance(i.clone()))
                .collect(),
            1 => {
                let mut out = vec![];
                for i in self.orm.modified.clone() {
                    if self.is_dirty(&i) {
                        out.push(Value::Instance(i));
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

    /// Iteration over library objects.
    pub fn native_iter(&mut self, n: Rc<Native>) -> R<Vec<Value>> {
        match &*n {
            Native::Query(q) => {
                let q = q.clone();
                self.query_all(&q)
            }
            Native::Result(_) => self.result_items(&n),
            Native::Row(r) => Ok((*r.values).clone()),
            Native::Mapping(r) => Ok(r.keys.iter().cloned().map(Value::Str).collect()),
            Native::Pagination(p) => Ok(p.items.clone()),
            Native::KeyView(k) => Ok(k.clone()),
            Native::Iter(st) => {
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
            Native::TableColumns(t) => {
                let len = self
                    .orm
                    .reg
                    .metadata
                    .table(t)
                    .map(|tb| tb.columns.len())
                    .unwrap_or(0);
                Ok((0..len)
                    .map(|i| nv(Native::ColumnObj(t.clone(), i)))
                    .collect())
            }
            Native::Dynamic(inst, key) => {
                let q = self.dynamic_query(&inst.clone(), &key.clone())?;
                self.query_all(&q)
            }
            Native::IdentityMap => Ok(self
                .orm
                .identity_order
                .iter()
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
            Native::Row(r) | Native::Mapping(r) => Ok(Value::int(r.values.len() as i64)),
            Native::TablesDict => Ok(Value::int(self.orm.reg.metadata.tables.len() as i64)),
            Native::IdentityMap => Ok(Value::int(self.orm.identity.len() as i64)),
            Native::SessionSet(k) => Ok(Value::int(self.session_set_items(*k)?.len() as i64)),
            Native::TableColumns(_) | Native::Pagination(_) | Native::KeyView(_) => {
                Ok(Value::int(self.native_iter(n)?.len() as i64))
            }
            _ => {
                let t = n.type_name().to_string();
                self.raise("TypeError", format!("object of type '{t}' has no len()"))
            }
        }
    }

    /// `obj[key]` on library objects.
    pub fn native_getitem(&mut self, n: Rc<Native>, key: &Value) -> R<Value> {
        match &*n {
            Native::Row(r) => {
                if let Value::Str(s) = key {
                    return self.raise(
                        "TypeError",
                        format!("tuple indices must be integers or slices, not str ('{s}')"),
                    );
                }
                let t = Value::tuple((*r.values).clone());
                self.getitem(&t, key)
            }
            Native::Mapping(r) => {
                if let Value::Str(s) = key
                    && let Some(i) = r.keys.iter().position(|k| **k == **s)
                {
                    return Ok(r.values[i].clone());
                }
                if let Some(s) = self.as_sql(key)
                    && let Some(k) = &s.key
                    && let Some(i) = r.keys.iter().position(|x| x == k)
                {
                    return Ok(r.values[i].clone());
                }
                self.key_error(key)
            }
            Native::TablesDict => match key {
                Value::Str(s) if self.orm.reg.metadata.table(s).is_some() => {
                    Ok(nv(Native::Table(s.clone())))
                }
                _ => self.key_error(key),
            },
            Native::TableColumns(t) => {
                let tb = self.orm.reg.metadata.table(t).cloned();
                if let (Some(tb), Value::Str(s)) = (tb, key)
                    && let Some(i) = tb.columns.iter().position(|c| c.key == **s)
                {
                    return Ok(nv(Native::ColumnObj(t.clone(), i)));
                }
                self.key_error(key)
            }
            Native::Query(q) => {
                let i = self.as_index(key)?;
                let mut q2 = q.clone();
                if i < 0 {
                    let all = self.query_all(q)?;
                    let l = Value::list(all);
                    return self.getitem(&l, key);
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
            _ => {
                let t = n.type_name().to_string();
                self.raise("TypeError", format!("'{t}' object is not subscriptable"))
            }
        }
    }

    /// Slicing a query: LIMIT/OFFSET.
    pub fn native_slice(&mut self, n: Rc<Native>, a: Option<i64>, b: Option<i64>) -> R<Value> {
        match &*n {
            Native::Query(q) => {
                let mut q2 = q.clone();
                let start = a.unwrap_or(0);
                if start < 0 || b.is_some_and(|b| b < 0) {
                    let all = Value::list(self.query_all(q)?);
                    let s = nv(Native::Slice(
                        a.map(Value::int).unwrap_or(Value::None),
                        b.map(Value::int).unwrap_or(Value::None),
                        Value::None,
                    ));
                    return self.getitem(&all, &s);
                }
                if start > 0 {
                    q2.q.offset = Some(start);
                }
                if let Some(b) = b {
                    q2.q.limit = Some((b - start).max(0));
                }
                Ok(Value::list(self.query_all(&q2)?))
            }
            Native::Row(r) => {
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

    /// `bool()` of library objects.
    pub fn native_truthy(&mut self, n: Rc<Native>) -> R<bool> {
        match &*n {
            Native::Sql(_) | Native::Instrumented(_) => {
                self.raise("TypeError", "Boolean value of this clause is not defined")
            }
            Native::Row(r) | Native::Mapping(r) => Ok(!r.values.is_empty()),
            Native::SessionSet(k) => Ok(!self.session_set_items(*k)?.is_empty()),
            Native::IdentityMap => Ok(!self.orm.identity.is_empty()),
            _ => Ok(true),
        }
    }

    /// `x in obj` for library objects.
    pub fn native_contains(&mut self, n: Rc<Native>, item: &Value) -> R<bool> {
        match &*n {
            Native::Session => Ok(match item {
                Value::Instance(i) => {
                    let st = self.status(i);
                    matches!(
                        st,
                        super::model::Status::Pending | super::model::Status::Persistent
                    )
                }
                _ => false,
            }),
            Native::SessionSet(k) => {
                let items = self.session_set_items(*k)?;
                Ok(items.iter().any(|x| super::super::ops::is_same(x, item)))
            }
            Native::TablesDict => {
                Ok(matches!(item, Value::Str(s) if self.orm.reg.metadata.table(s).is_some()))
            }
            Native::Mapping(r) => {
                Ok(matches!(item, Value::Str(s) if r.keys.iter().any(|k| **k == **s)))
            }
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
                .collect()),
            _ => {
                let t = n.type_name().to_string();
                self.raise("TypeError", format!("'{t}' object is not a mapping"))
            }
        }
    }

    /// `with x:` enter.
    pub fn native_enter(&mut self, n: Rc<Native>) -> R<Value> {
        if let Native::AppContext = &*n {
            self.orm.contexts += 1;
        }
        Ok(Value::Native(n))
    }

    /// `with x:` exit: leaving an app context removes the session.
    pub fn native_exit(&mut self, n: Rc<Native>) -> R<()> {
        if let Native::AppContext = &*n {
            self.orm.contexts = self.orm.contexts.saturating_sub(1);
            self.close_session();
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
                    let mut row = vec![];
                    for (k, _) in &m.columns {
                        let v = ii.dict.borrow().get(k).cloned().unwrap_or(Value::None);
                        row.push(self.repr(&v)?);
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
    /// `session.execute(text(...), params)`; a list of parameter dicts runs it once per dict.
    pub fn execute_text(
        &mut self,
        sql: &str,
        binds: &[(Rc<str>, Value)],
        sets: Vec<Value>,
    ) -> R<Value> {
        let (sql_pos, names) = crate::core::sql::text::positional(sql);
        self.autoflush()?;
        let mut last = None;
        let mut total = 0;
        for set in sets {
            let mut params: Vec<(Rc<str>, Value)> = binds.to_vec();
            if let Value::Dict(_) = &set {
                for (k, v) in self.mapping_items(&set)? {
                    if let Value::Str(k) = k {
                        params.push((k, v));
                    }
                }
            }
            let mut vals = vec![];
            for nme in &names {
                let v = params
                    .iter()
                    .rev()
                    .find(|(k, _)| **k == **nme)
                    .map(|(_, v)| v.clone());
                match v {
                    Some(v) => vals.push(self.to_sql(&v, None)?),
                    None => {
                        return self.raise(
                            "StatementError",
                            format!("(sqlalchemy.exc.InvalidRequestError) A value is required for bind parameter '{nme}'"),
                        );
                    }
                }
            }
            let res = self.run_sql(&sql_pos, &vals, true)?;
            total += res.rowcount.max(0);
            last = Some(res);
        }
        let res = last.unwrap_or_default();
        let keys: Rc<Vec<Rc<str>>> =
            Rc::new(res.columns.iter().map(|c| Rc::from(c.as_str())).collect());
        let mut rows = vec![];
        for r in &res.rows {
            let mut row = vec![];
            for v in r {
                row.push(self.from_sql(v, None)?);
            }
            rows.push(row);
        }
        let mut ro = ResultObj::rows(keys, rows);
        if res.columns.is_empty() {
            ro.kind = ResultKind::NoRows;
            ro.rowcount = total;
        }
        Ok(nv(Native::Result(RefCell::new(ro))))
    }

    /// `session.execute(update(M).where(...).values(...))` / `delete(M).where(...)`.
    pub fn execute_dml(&mut self, q: &QueryObj) -> R<Value> {
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
        let n = self.query_method(&lq, name, args, vec![])?;
        let mut ro = ResultObj::rows(Rc::new(vec![]), vec![]);
        ro.kind = ResultKind::NoRows;
        ro.rowcount = match n {
            Value::Int(i) => i.to_i64().unwrap_or(0),
            _ => 0,
        };
        Ok(nv(Native::Result(RefCell::new(ro))))
    }
}

fn trunc(s: &str) -> String {
    s.to_string()
}

/// Unused key helper.
pub fn _hk(v: &Value) -> Option<HKey> {
    v.hkey()
}
