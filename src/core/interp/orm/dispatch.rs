//! Python protocol dispatch for library objects: attributes, calls, methods, repr/str,
//! iteration, indexing, truthiness, context managers; `db.*` and `db.session.*`.

use std::rc::Rc;

use crate::core::sql::{SqlType, SqlValue};

use super::super::call::Kw;
use super::super::value::{HKey, Value};
use super::super::{Interp, R};
use super::Native;
use super::query::{Ent, QueryObj};
use super::result::ResultKind;

pub(super) const TYPES: &[&str] = &[
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

pub(super) fn type_of_name(n: &str) -> SqlType {
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

    pub(crate) fn sql_attr_or_method(&mut self, this: &Value, name: &str) -> R<Value> {
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

    pub(crate) fn dynamic_method(
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
}

pub(super) fn trunc(s: &str) -> String {
    s.to_string()
}

/// Unused key helper.
pub fn _hk(v: &Value) -> Option<HKey> {
    v.hkey()
}
