//! Attributes of schema objects: tables, their columns and column collections, column
//! types and defaults, foreign keys, a mapper's relationships.

use super::*;

impl Interp<'_> {
    /// An attribute of a schema object (`n` is one of the variants `native_getattr` sends).
    pub(super) fn schema_attr(&mut self, n: &Rc<Native>, this: &Value, name: &str) -> R<Value> {
        let method = |name: &str| {
            Ok(Value::BuiltinMethod(Rc::new((
                this.clone(),
                Rc::from(name),
            ))))
        };
        match &**n {
            Native::ForeignKeySpec(fk, parent) => match name {
                "target_fullname" => Ok(Value::str(&format!("{}.{}", fk.table, fk.column))),
                // The column it is on (`None` before it is on one), and that column's table.
                "parent" => Ok(match parent {
                    Some((t, i)) => nv(Native::ColumnObj(t.clone(), *i)),
                    None => Value::None,
                }),
                "ondelete" | "onupdate" | "name" => {
                    let v = match name {
                        "ondelete" => &fk.ondelete,
                        "onupdate" => &fk.onupdate,
                        _ => &fk.name,
                    };
                    Ok(v.as_deref().map_or(Value::None, Value::str))
                }
                "column" => {
                    let i = self
                        .orm
                        .reg
                        .metadata
                        .table(&fk.table)
                        .and_then(|tb| tb.columns.iter().position(|c| c.name == fk.column));
                    match i {
                        Some(i) => Ok(nv(Native::ColumnObj(Rc::from(fk.table.as_str()), i))),
                        None => self.raise(
                            "NoReferencedTableError",
                            format!("Foreign key could not find table '{}'", fk.table),
                        ),
                    }
                }
                _ => self.no_attr("ForeignKey", name),
            },
            Native::Table(t) => match name {
                "name" | "fullname" | "key" => Ok(Value::Str(t.clone())),
                "columns" | "c" => Ok(nv(Native::TableColumns(t.clone(), None))),
                "foreign_keys" => {
                    let fks: Vec<_> = self
                        .orm
                        .reg
                        .metadata
                        .table(t)
                        .map(|tb| {
                            (tb.columns.iter().enumerate())
                                .flat_map(|(i, c)| {
                                    c.foreign_keys
                                        .iter()
                                        .map(move |fk| (fk.clone(), (t.clone(), i)))
                                })
                                .collect()
                        })
                        .unwrap_or_default();
                    Ok(fk_set(fks))
                }
                "indexes" | "constraints" | "foreign_key_constraints" | "primary_key" => {
                    self.table_schema_attr(t, name)
                }
                "insert" | "select" | "delete" | "update" | "create" | "drop" => method(name),
                "metadata" => Ok(nv(Native::Metadata)),
                "info" => Ok(Value::dict_of(vec![])),
                // The dialect keyword arguments `__table_args__` gave (SQLite's one this
                // playground honours), as a dict; `dialect_options` by dialect.
                "kwargs" | "dialect_kwargs" | "dialect_options" => {
                    let auto =
                        (self.orm.reg.metadata.table(t)).is_some_and(|tb| tb.sqlite_autoincrement);
                    Ok(if name == "dialect_options" {
                        let sqlite =
                            Value::dict_of(vec![(Value::str("autoincrement"), Value::Bool(auto))]);
                        Value::dict_of(vec![(Value::str("sqlite"), sqlite)])
                    } else if auto {
                        Value::dict_of(vec![(
                            Value::str("sqlite_autoincrement"),
                            Value::Bool(true),
                        )])
                    } else {
                        Value::dict_of(vec![])
                    })
                }
                "comment" => Ok((self.orm.reg.metadata.table(t))
                    .and_then(|tb| tb.comment.as_deref())
                    .map_or(Value::None, Value::str)),
                "schema" => Ok(Value::None),
                _ => self.no_attr("Table", name),
            },
            Native::MapperProps(c, kind) => {
                let c = c.clone();
                match self.mapper_prop(&c, *kind, name) {
                    Some(v) => Ok(v),
                    None if matches!(name, "keys" | "values" | "items") => method(name),
                    None => self.raise("AttributeError", name),
                }
            }
            // (The collection's methods come before a column so named.)
            Native::TableColumns(..) if matches!(name, "keys" | "values" | "items" | "get") => {
                method(name)
            }
            Native::TableColumns(t, only) => {
                let tb = self.orm.reg.metadata.table(t).cloned();
                if let Some(tb) = &tb
                    && let Some(i) = tb.columns.iter().position(|c| c.table_key() == name)
                    && only.as_ref().is_none_or(|o| o.contains(&i))
                {
                    return Ok(nv(Native::ColumnObj(t.clone(), i)));
                }
                self.raise("AttributeError", name)
            }
            Native::ColumnObj(t, i) => {
                let tb = self.orm.reg.metadata.table(t).cloned();
                let Some(c) = tb.as_ref().and_then(|tb| tb.columns.get(*i)).cloned() else {
                    return Ok(Value::None);
                };
                match name {
                    "name" => Ok(Value::str(&c.name)),
                    "key" => Ok(Value::str(c.table_key())),
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
                    "type" => Ok(nv(Native::ColumnType(column_type(&c)))),
                    "table" => Ok(nv(Native::Table(t.clone()))),
                    "foreign_keys" => Ok(fk_set(
                        (c.foreign_keys.iter())
                            .map(|fk| (fk.clone(), (t.clone(), *i)))
                            .collect(),
                    )),
                    "comment" => Ok(c.comment.as_deref().map_or(Value::None, Value::str)),
                    "autoincrement" => Ok(match c.autoincrement {
                        crate::core::orm::schema::Autoincrement::Auto => Value::str("auto"),
                        a => Value::Bool(a == crate::core::orm::schema::Autoincrement::Yes),
                    }),
                    // (`info` made on first use, as SQLAlchemy's memoized dict.)
                    "info" | "doc" => {
                        let key = (t.to_string(), c.name.clone());
                        let slot = usize::from(name == "doc") + 3;
                        let d = self.orm.defaults.entry(key).or_default();
                        if slot == 3 && d[3].is_none() {
                            d[3] = Some(Value::dict_of(Vec::new()));
                        }
                        Ok(d[slot].clone().unwrap_or(Value::None))
                    }
                    _ if let Some(k) = super::super::column_default::default_kind(name) => {
                        Ok(self.column_default(t, *i, k))
                    }
                    "server_onupdate" => Ok(Value::None),
                    _ => self.sql_attr_or_method(this, name),
                }
            }
            Native::ColumnDefault(t, i, kind, _) => self.default_getattr(t, *i, *kind, name),
            // (A Boolean with its CHECK, a JSON storing None as NULL: their own flags, then
            // the plain type's attributes.)
            Native::ColumnType(t @ (SqlType::CheckedBoolean(_) | SqlType::JsonNoneAsNull))
                if !matches!(name, "create_constraint" | "name" | "none_as_null") =>
            {
                let plain = nv(Native::ColumnType(t.base_type()));
                self.getattr(&plain, name)
            }
            Native::ColumnType(t) => match name {
                "none_as_null" if t.is_a("JSON") => {
                    Ok(Value::Bool(matches!(t, SqlType::JsonNoneAsNull)))
                }
                // `JSON.NULL`: JSON's `null` even where `None` is SQL NULL, a bound 'null'.
                "NULL" if matches!(t, SqlType::Json) => {
                    use crate::core::sql::{Expr, SqlValue};
                    let null = Expr::bind(SqlValue::text("null"));
                    let obj = crate::core::interp::orm::SqlObj::typed(null, Some(SqlType::Json));
                    Ok(crate::core::interp::orm::sqlexpr::sql_value(obj))
                }
                // (An Enum with its CHECK constraint: the Enum's own attributes.)
                "name" | "enums" | "enum_class" | "length" | "native_enum"
                    if let SqlType::CheckedEnum(b) = t =>
                {
                    let plain = nv(Native::ColumnType((**b).clone()));
                    self.getattr(&plain, name)
                }
                "compile" | "with_variant" => method(name),
                // (`db.Integer` is the type's class as well as its instance here.)
                "__name__" | "__qualname__" => Ok(Value::str(t.class_name())),
                "collation" if t.is_a("String") => Ok(match t {
                    SqlType::Collated(_, c) => Value::str(c),
                    _ => Value::None,
                }),
                "timezone" if t.is_a("DateTime") => Ok(Value::Bool(match t {
                    SqlType::Spelled(b, _) => **b == SqlType::DateTimeTz,
                    t => *t == SqlType::DateTimeTz,
                })),
                "asdecimal"
                    if matches!(
                        t,
                        SqlType::Numeric(..) | SqlType::NumericFloat(..) | SqlType::Float
                    ) =>
                {
                    Ok(Value::Bool(matches!(t, SqlType::Numeric(..))))
                }
                "create_constraint" if t.is_a("Boolean") => {
                    Ok(Value::Bool(matches!(t, SqlType::CheckedBoolean(_))))
                }
                "name" if t.is_a("Boolean") => Ok(match t {
                    SqlType::CheckedBoolean(Some(n)) => Value::str(n),
                    _ => Value::None,
                }),
                // (Only the string types have a length; an Enum's is its longest value's.)
                "length"
                    if let SqlType::String(n)
                    | SqlType::Unicode(n)
                    | SqlType::Text(n)
                    | SqlType::UnicodeText(n) = match t {
                        SqlType::Spelled(b, _) | SqlType::Collated(b, _) => b,
                        t => t,
                    } =>
                {
                    Ok(n.map_or(Value::None, |n| Value::int(n as i64)))
                }
                "length" if let SqlType::Enum(v, _) | SqlType::EnumClass(_, v, _) = t => {
                    Ok(Value::int(t.enum_length(v) as i64))
                }
                "native_enum" if t.is_a("Enum") => Ok(Value::Bool(
                    !matches!(t, SqlType::Enum(_, s) if s.non_native),
                )),
                // An Enum's `name` (`name=`, or its enum class's name in lower case),
                // `enums` (its values, or the class's member names), `enum_class`.
                "name" | "enums" | "enum_class"
                    if matches!(t, SqlType::Enum(..) | SqlType::EnumClass(..)) =>
                {
                    Ok(match (t, name) {
                        (SqlType::Enum(v, _) | SqlType::EnumClass(_, v, _), "enums") => {
                            Value::list(v.iter().map(|s| Value::str(s)).collect())
                        }
                        (SqlType::Enum(_, s), "name") => {
                            s.name.as_deref().map_or(Value::None, Value::str)
                        }
                        (SqlType::EnumClass(c, _, n), "name") => match n {
                            Some(n) => Value::str(n),
                            None => Value::str(&crate::core::py::case::lower(c)),
                        },
                        (SqlType::EnumClass(c, _, _), _) => {
                            self.enum_class_named(c).map_or(Value::None, Value::Class)
                        }
                        _ => Value::None,
                    })
                }
                "precision" | "scale"
                    if matches!(
                        t,
                        SqlType::Numeric(..) | SqlType::NumericFloat(..) | SqlType::Float
                    ) =>
                {
                    Ok(match (t, name) {
                        (
                            SqlType::Numeric(Some(n), _) | SqlType::NumericFloat(Some(n), _),
                            "precision",
                        )
                        | (
                            SqlType::Numeric(_, Some(n)) | SqlType::NumericFloat(_, Some(n)),
                            "scale",
                        ) => Value::int(*n as i64),
                        _ => Value::None,
                    })
                }
                "python_type" => Ok(Value::Builtin(Rc::from(
                    match match t {
                        SqlType::Spelled(b, _) | SqlType::Collated(b, _) => &**b,
                        t => t,
                    } {
                        SqlType::Integer | SqlType::BigInteger | SqlType::SmallInteger => "int",
                        SqlType::Float | SqlType::NumericFloat(..) => "float",
                        SqlType::Boolean => "bool",
                        SqlType::DateTime | SqlType::DateTimeTz => "datetime",
                        SqlType::Date => "date",
                        SqlType::Time => "time",
                        SqlType::Interval => "timedelta",
                        SqlType::LargeBinary => "bytes",
                        SqlType::Numeric(..) => "Decimal",
                        SqlType::Json => "dict",
                        _ => "str",
                    },
                ))),
                _ => self.raise(
                    "AttributeError",
                    format!("'{}' object has no attribute '{name}'", t.class_name()),
                ),
            },
            _ => {
                let t = n.type_name().to_string();
                self.no_attr(&t, name)
            }
        }
    }
}

/// A set of `ForeignKey` objects (`Table.foreign_keys`, `Column.foreign_keys`).
fn fk_set(fks: Vec<(crate::core::orm::schema::ForeignKey, (Rc<str>, usize))>) -> Value {
    let mut d = crate::core::interp::value::Dict::new();
    for (fk, parent) in fks {
        let v = nv(Native::ForeignKeySpec(Box::new(fk), Some(parent)));
        if let Some(h) = v.hkey() {
            d.insert(h, v, Value::None);
        }
    }
    Value::Set(Rc::new(std::cell::RefCell::new(d)))
}

/// A column's type object: its base type, under the name its DDL spells it with when that
/// is one of the uppercase types (`DECIMAL(precision=6, scale=3)`), with its collation.
pub(crate) fn column_type(c: &crate::core::orm::schema::Column) -> SqlType {
    if c.timezone {
        let tz = SqlType::DateTimeTz;
        return match &c.type_ddl {
            Some(d) => SqlType::Spelled(Box::new(tz), d.split('(').next().unwrap_or(d).into()),
            None => tz,
        };
    }
    match &c.type_ddl {
        Some(d) => spelled_type(&c.ty, d),
        None if let Some(n) = &c.type_class => {
            SqlType::Spelled(Box::new(c.ty.clone()), n.to_string())
        }
        None if c.enum_check => SqlType::CheckedEnum(Box::new(c.ty.clone())),
        None if let Some(name) = &c.bool_check => SqlType::CheckedBoolean(name.clone()),
        None if c.none_as_null => SqlType::JsonNoneAsNull,
        None => c.ty.clone(),
    }
}

/// Base type `ty` as DDL text `ddl` spells it (see [`column_type`]).
fn spelled_type(ty: &SqlType, ddl: &str) -> SqlType {
    // (A collation is spelled after the type: `VARCHAR(10) COLLATE "NOCASE"`.)
    if let Some((head, coll)) = ddl.split_once(" COLLATE \"") {
        let base = spelled_type(ty, head);
        return SqlType::Collated(Box::new(base), coll.trim_end_matches('"').to_string());
    }
    let name = ddl.split('(').next().unwrap_or("");
    let spelled = |n: &str| SqlType::Spelled(Box::new(ty.clone()), n.to_string());
    match name {
        "DECIMAL" | "REAL" | "TIMESTAMP" | "CHAR" | "NCHAR" | "NVARCHAR" | "CLOB" => spelled(name),
        // (`Double` and `DOUBLE` both spell DOUBLE.)
        "DOUBLE PRECISION" => spelled("DOUBLE_PRECISION"),
        "DOUBLE" => spelled("Double"),
        _ => ty.clone(),
    }
}
