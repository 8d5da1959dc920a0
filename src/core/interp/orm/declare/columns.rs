//! Column and table declarations: `db.Column` / `mapped_column` arguments, `db.Table`.

use super::*;

/// True when `n` is a column type (an instance, or a type class such as `db.Integer`).
fn is_type(n: &Native) -> bool {
    match n {
        Native::ColumnType(_) => true,
        Native::SqlaFn(f) => crate::core::words::has(TYPES, f.trim_start_matches("db.")),
        _ => false,
    }
}

impl Interp<'_> {
    pub(crate) fn make_column(&mut self, args: Vec<Value>, kw: Kw, mapped: bool) -> R<Value> {
        let mut name = None;
        let mut ty = None;
        let mut fks = vec![];
        let mut checks: Vec<(Option<String>, String)> = vec![];
        for a in &args {
            match a {
                Value::Str(s) if name.is_none() && ty.is_none() => name = Some(s.to_string()),
                Value::Native(n) => match &**n {
                    // (A second type is not one: Column's other arguments are schema items.)
                    Native::ColumnType(_) | Native::SqlaFn(_) if ty.is_some() && is_type(n) => {
                        let r = self.repr(a)?;
                        return self.raise("ArgumentError", format!("'SchemaItem' object, such as a 'Column' or a 'Constraint' expected, got {r}"));
                    }
                    Native::ColumnType(t) => ty = Some(t.clone()),
                    Native::SqlaFn(f)
                        if crate::core::words::has(TYPES, f.trim_start_matches("db.")) =>
                    {
                        ty = Some(type_of_name(f.trim_start_matches("db.")))
                    }
                    Native::ForeignKeySpec(f, _) => fks.push((**f).clone()),
                    // A column-level CHECK, rendered inline after the column's type.
                    Native::ConstraintSpec(c, _) if let Constraint::Check { name, sql } = &**c => {
                        checks.push((name.clone(), sql.clone()));
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
        // A type spelled under another name keeps its base's behaviour.
        let enum_check = matches!(ty, SqlType::CheckedEnum(_));
        let ty = match ty {
            SqlType::CheckedEnum(base) => *base,
            t => t,
        };
        let timezone = matches!(&ty, SqlType::DateTimeTz)
            || matches!(&ty, SqlType::Spelled(b, _) if **b == SqlType::DateTimeTz);
        let ty = match ty {
            SqlType::DateTimeTz => SqlType::DateTime,
            SqlType::Spelled(b, n) if *b == SqlType::DateTimeTz => {
                SqlType::Spelled(Box::new(SqlType::DateTime), n)
            }
            t => t,
        };
        // (An uppercase type whose DDL is its generic type's keeps only its class name.)
        let mut type_class = None;
        let ty = match ty {
            SqlType::Spelled(base, n) if base.ddl().split('(').next() == Some(n.as_str()) => {
                type_class = Some(n.into_boxed_str());
                *base
            }
            t => t,
        };
        let (ty, type_ddl, bool_check, none_as_null) = match ty {
            SqlType::Spelled(ref base, _) | SqlType::Collated(ref base, _) => {
                let d = ty.ddl();
                ((**base).clone(), Some(d), None, false)
            }
            SqlType::CheckedBoolean(name) => (SqlType::Boolean, None, Some(name), false),
            SqlType::JsonNoneAsNull => (SqlType::Json, None, None, true),
            t => (t, None, None, false),
        };
        let mut col = Column::new(name.as_deref().unwrap_or(""), ty);
        col.type_ddl = type_ddl;
        col.type_class = type_class;
        col.bool_check = bool_check;
        col.enum_check = enum_check;
        col.none_as_null = none_as_null;
        col.timezone = timezone;
        for fk in fks {
            col = col.foreign_key(fk);
        }
        for (n, sql) in &checks {
            col = col.check(n.as_deref(), sql);
        }
        let mut default = None;
        let mut onupdate = None;
        let mut server_default = None;
        let mut info_doc = [None, None];
        let mut deferred = false;
        let mut sort_order = 0;
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
                // (`insert_default=` is `default=`.)
                "default" | "insert_default" => {
                    let is_callable = matches!(
                        v,
                        Value::Func(_)
                            | Value::Builtin(_)
                            | Value::Method(_)
                            | Value::BuiltinMethod(_)
                            | Value::StaticMethod(_)
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
                                e @ crate::core::sql::Expr::Func { .. } => {
                                    ServerDefault::Sql(crate::core::sql::render::render_ddl_expr(e))
                                }
                                crate::core::sql::Expr::Raw(r) if r == "1" => ServerDefault::True,
                                crate::core::sql::Expr::Raw(r) if r == "0" => ServerDefault::False,
                                crate::core::sql::Expr::Bool(true) => ServerDefault::True,
                                crate::core::sql::Expr::Bool(false) => ServerDefault::False,
                                crate::core::sql::Expr::Text { sql, .. } => {
                                    ServerDefault::Sql(sql.clone())
                                }
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
                    server_default = Some(v.clone());
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
                        col.own_key = Some(s.to_string());
                    }
                }
                "comment" => {
                    if let Value::Str(s) = v {
                        col.comment = Some(s.to_string());
                    }
                }
                // (`server_onupdate=`: nothing in SQLite's DDL.)
                "info" => info_doc[0] = Some(v.clone()),
                "doc" => info_doc[1] = Some(v.clone()),
                "sort_order" if mapped => {
                    if let Value::Int(crate::core::py::Int::Small(i)) = v {
                        sort_order = *i;
                    }
                }
                "quote" | "server_onupdate" => {}
                // (`mapped_column(deferred=True)`, like `deferred(Column(...))`.)
                "deferred" if mapped => deferred = self.truthy(v)?,
                "deferred_group" | "deferred_raiseload" if mapped => {}
                // (A keyword without a dialect prefix, as SQLAlchemy's dialect kwargs refuse it.)
                _ if !k.contains('_') => {
                    return self.raise(
                        "TypeError",
                        format!("Additional arguments should be named <dialectname>_<argument>, got '{k}'"),
                    );
                }
                // (`<dialect>_<argument>`: kept for that dialect, which SQLite's DDL never
                // reads; an unknown dialect's is only warned about.)
                _ => {
                    let d = k.split('_').next().unwrap_or_default();
                    if !matches!(
                        d,
                        "sqlite" | "postgresql" | "mysql" | "mariadb" | "mssql" | "oracle"
                    ) {
                        self.err.push_str(&format!("Warning: SAWarning: Can't validate argument '{k}'; can't locate any SQLAlchemy dialect named '{d}'\n"));
                    }
                }
            }
        }
        self.orm.col_counter += 1;
        let spec = ColumnSpec {
            column: col,
            default,
            onupdate,
            server_default,
            info_doc,
            explicit_name: name.is_some(),
            mapped,
            nullable_explicit: kw.iter().any(|(k, _)| &**k == "nullable"),
            order: self.orm.col_counter,
            deferred,
            sort_order,
        };
        Ok(nv(Native::ColumnSpec(Box::new(RefCell::new(spec)))))
    }

    pub(crate) fn make_table(&mut self, args: Vec<Value>, kw: Kw) -> R<Value> {
        let Some(Value::Str(name)) = args.first() else {
            return self.raise("TypeError", "Table() needs a name");
        };
        // (A table read from the database is not made up: refused, as `db.reflect()` is.)
        let given = |k: &str| super::kwget(&kw, k).is_some_and(|v| !matches!(v, Value::None));
        if given("autoload_with") || given("autoload") {
            return self.unsupported("reflecting a table (`autoload_with=`)");
        }
        let mut t = Table::new(name);
        for a in args.iter().skip(1) {
            if let Value::Native(n) = a {
                match &**n {
                    Native::ColumnSpec(c) => {
                        let c = c.borrow().clone();
                        t = t.column(c.column.clone());
                        self.orm.defaults.insert(
                            (name.to_string(), c.column.name.clone()),
                            [
                                c.default.clone(),
                                c.onupdate.clone(),
                                c.server_default.clone(),
                                c.info_doc[0].clone(),
                                c.info_doc[1].clone(),
                            ],
                        );
                    }
                    Native::ConstraintSpec(c, _) => t = t.constraint((**c).clone()),
                    Native::IndexSpec(i, _) => t = t.index((**i).clone()),
                    Native::Metadata => {}
                    _ => {}
                }
            }
        }
        if let Some(Value::Str(k)) = super::kwget(&kw, "bind_key") {
            self.orm.table_binds.push((name.clone(), k.clone()));
        }
        if let Some(Value::Str(c)) = super::kwget(&kw, "comment") {
            t.comment = Some(c.to_string());
        }
        self.orm.reg.metadata.add(t);
        Ok(nv(Native::Table(name.clone())))
    }
}
