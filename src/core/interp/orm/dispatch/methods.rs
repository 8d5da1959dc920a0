//! Methods of library objects (`native_method`): the app, `db.metadata`, its tables and
//! columns, `text()` clauses and the identity map here; session, query, result, row, pagination
//! and SQL-expression methods are routed to their own files.

use std::rc::Rc;

use crate::core::interp::call::Kw;
use crate::core::interp::orm::Native;
use crate::core::interp::value::Value;
use crate::core::interp::{Interp, R};

use super::nv;

impl Interp<'_> {
    /// Methods of library objects.
    pub fn native_method(
        &mut self,
        n: Rc<Native>,
        name: &str,
        mut args: Vec<Value>,
        mut kw: Kw,
    ) -> R<Value> {
        match &*n {
            // `type.compile(dialect=...)`: the type as DDL spells it.
            Native::ColumnType(t) if name == "compile" => Ok(Value::str(&t.ddl())),
            // `BigInteger().with_variant(Integer, 'sqlite')`: the variant for SQLite is the
            // type here (its DDL, its values), one for other dialects leaves the type as
            // it is.
            Native::ColumnType(_) if name == "with_variant" => {
                match args.len() {
                    0 => {
                        return self.raise(
                            "TypeError",
                            "TypeEngine.with_variant() missing 1 required positional argument: 'type_'",
                        );
                    }
                    1 => {
                        return self
                            .raise("ArgumentError", "At least one dialect name is required");
                    }
                    _ => {}
                }
                let sqlite = args[1..]
                    .iter()
                    .any(|d| matches!(d, Value::Str(s) if &**s == "sqlite"));
                if !sqlite {
                    return Ok(Value::Native(n.clone()));
                }
                // (The variant may be given as the type's class: `db.Integer`.)
                match &args[0] {
                    v @ Value::Native(t) if matches!(&**t, Native::ColumnType(_)) => Ok(v.clone()),
                    other => {
                        let t = self.type_name(other);
                        self.raise("ArgumentError", format!("Type {t} is not a TypeEngine"))
                    }
                }
            }
            Native::Session(plain) => {
                if let Some(sig) = super::super::signatures::session_sig(name) {
                    let owner = if *plain { "Session" } else { "scoped_session" };
                    self.check_sig(owner, name, sig, &mut args, &mut kw)?;
                }
                self.session_method(name, args, kw)
            }
            Native::Flask(o) => self.flask_method(o, name, args, kw),
            Native::RePattern(p) => {
                let pv = Value::Native(n.clone());
                self.pattern_method(p, &pv, name, args, kw)
            }
            Native::ReMatch(m) => self.match_method(m, name, args, kw),
            Native::ExecContext(p) if name == "get_current_parameters" => Ok(p.clone()),
            // (A dict's keys or items view: `isdisjoint` as its set's.)
            Native::DictView(k, src @ Value::Dict(_))
                if name == "isdisjoint" && *k != crate::core::interp::dict_view::VALUES =>
            {
                let items = self.view_items(*k, &src.clone())?;
                let set = self.make_set(items)?;
                self.call_method(&set, name, args, kw)
            }
            // `exists().where(...).select()`: a SELECT of it.
            Native::Query(q) if name == "select" && q.q.exists && !q.legacy => {
                self.call_sqla_fn("select", vec![Value::Native(n.clone())], vec![])
            }
            Native::Query(q) => {
                // (Called through `super()`: the query's own method.)
                if let Some(own) = name.strip_prefix('\0') {
                    return self.query_method(q, own, args, kw);
                }
                // (A method of the script's query class, with the query as `self`.)
                if let Some(Value::Func(f)) = q.class.as_ref().and_then(|c| c.lookup(name)) {
                    args.insert(0, Value::Native(n.clone()));
                    return self.call(&Value::Func(f), args, kw);
                }
                self.query_method(q, name, args, kw)
            }
            Native::Result(_) => self.result_method(n.clone(), name, args, kw),
            Native::Row(r) => {
                let r = r.clone();
                self.row_method(&r, false, name, args)
            }
            Native::Named(_, r) if name == "_asdict" => Ok(Value::dict_of(
                (r.keys.iter().cloned().map(Value::Str))
                    .zip(r.values.iter().cloned())
                    .collect(),
            )),
            Native::Named(_, r) => {
                let t = Value::tuple((*r.values).clone());
                self.call_method(&t, name, args, kw)
            }
            Native::Mapping(_) if matches!(name, "values" | "items") => {
                use crate::core::interp::dict_view as dv;
                let kind = if name == "items" {
                    dv::ITEMS
                } else {
                    dv::VALUES
                };
                Ok(dv::view(kind, Value::Native(n.clone())))
            }
            Native::Mapping(r) => {
                let r = r.clone();
                self.row_method(&r, true, name, args)
            }
            Native::Pagination(p) => {
                let p = p.clone();
                self.pagination_method(&p, name, kw)
            }
            Native::Loader(l) => {
                let l = l.clone();
                self.load_method(&l, name, args, kw)
            }
            // `exists.select()`: a SELECT of it.
            Native::Sql(s) if name == "select" && s.is_exists() => {
                self.call_sqla_fn("select", vec![Value::Native(n.clone())], vec![])
            }
            Native::Instrumented(_)
            | Native::Sql(_)
            | Native::ColumnObj(..)
            | Native::ColumnSpec(_) => self.sql_method(Value::Native(n.clone()), name, args, kw),
            // `ctx.push()` / `ctx.pop()`: a `with` block's entry and exit by hand.
            Native::AppContext(_) => {
                if name == "push" {
                    self.native_enter(n.clone())?;
                } else {
                    self.native_exit(n.clone(), false)?;
                }
                Ok(Value::None)
            }
            // `migrate.init_app(app, db, directory=...)`.
            Native::Migrate(m) => {
                let db = args.get(1).or_else(|| super::kwget(&kw, "db")).cloned();
                if matches!(args.first().or_else(|| super::kwget(&kw, "app")), Some(Value::Native(a)) if matches!(**a, Native::App(..)))
                {
                    self.orm.migrate = Some(Value::Native(n.clone()));
                }
                let mut m = m.borrow_mut();
                if let Some(db) = db {
                    m.0 = db;
                }
                if let Some(Value::Str(d)) = super::kwget(&kw, "directory") {
                    m.1 = d.clone();
                }
                Ok(Value::None)
            }
            Native::App(..) if let Some(v) = self.flask_app_method(name, &args, &kw)? => Ok(v),
            Native::App(..) => match name {
                "app_context" => Ok(nv(Native::AppContext(None))),
                // (A request context brings its request: `request.args`, `paginate()`.)
                "test_request_context" => {
                    let url = match args.first().or_else(|| super::kwget(&kw, "path")) {
                        Some(Value::Str(s)) => s.to_string(),
                        _ => "/".into(),
                    };
                    let method = match super::kwget(&kw, "method") {
                        Some(Value::Str(s)) => s.to_ascii_uppercase(),
                        _ => "GET".into(),
                    };
                    let req = self.request_data(&method, &url, &kw)?;
                    Ok(nv(Native::AppContext(Some(Rc::new(req)))))
                }
                "run" => Ok(Value::None),
                "register_blueprint" => self.register_blueprint(&args, &kw),
                // `@app.template_filter()` and kin: a decorator that leaves the function
                // as it is (nothing renders templates here).
                "template_filter" | "template_global" | "endpoint" => {
                    Ok(nv(Native::SqlaFn(Rc::from("flask.decorator"))))
                }
                // `@app.teardown_appcontext`: run when an app context is popped.
                "teardown_appcontext" if args.len() == 1 && kw.is_empty() => {
                    self.orm.teardown_fns.push(args[0].clone());
                    Ok(args[0].clone())
                }
                // Decorators used without a call (`@app.before_request`).
                "before_request"
                | "after_request"
                | "teardown_request"
                | "teardown_appcontext"
                | "context_processor"
                | "shell_context_processor" => match args.as_slice() {
                    [f] if kw.is_empty() => Ok(f.clone()),
                    _ => self.raise(
                        "TypeError",
                        format!("{name}() takes the function as its only argument"),
                    ),
                },
                _ => self.no_attr("Flask", name),
            },
            Native::Table(t) if matches!(name, "create" | "drop") => {
                self.ddl_method(name == "create", Some(t), &kw)
            }
            Native::Table(_) if name == "select" => {
                let mut all = vec![Value::Native(n.clone())];
                all.extend(args);
                self.call_sqla_fn("select", all, kw)
            }
            Native::Table(_) if name == "insert" => {
                self.insert_construct(Some(&Value::Native(n.clone())), false)
            }
            Native::Insert(ins) => {
                let ins = ins.clone();
                self.insert_method(&ins, name, args, kw)
            }
            // `table.update()` / `table.delete()`: DML of a plain table (an association
            // table's rows, or a model's `__table__`).
            Native::Table(t) if matches!(name, "update" | "delete") => {
                let q = super::super::query::QueryObj {
                    dml: Some(if name == "update" { Some(vec![]) } else { None }),
                    sync: None,
                    returning: vec![],
                    q: crate::core::orm::query::Query {
                        select_from: vec![t.to_string()],
                        ..Default::default()
                    },
                    legacy: false,
                    ents: vec![],
                    core: true,
                    class: None,
                };
                Ok(nv(Native::Query(Box::new(q))))
            }
            Native::TablesDict => {
                match name {
                    // (Views of the tables as they are now: `dict_keys(['user', ...])`.)
                    "keys" | "values" | "items" => {
                        let kind = match name {
                            "keys" => crate::core::interp::dict_view::KEYS,
                            "values" => crate::core::interp::dict_view::VALUES,
                            _ => crate::core::interp::dict_view::ITEMS,
                        };
                        Ok(crate::core::interp::dict_view::view(
                            kind,
                            self.tables_dict(),
                        ))
                    }
                    "get" => {
                        let k = args.first().cloned().unwrap_or(Value::None);
                        if let Value::Str(s) = &k
                            && self.orm.reg.metadata.table(s).is_some()
                        {
                            return Ok(nv(Native::Table(s.clone())));
                        }
                        Ok(args.get(1).cloned().unwrap_or(Value::None))
                    }
                    _ => self.no_attr("FacadeDict", name),
                }
            }
            Native::Metadata => match name {
                "create_all" | "drop_all" => self.ddl_method(name == "create_all", None, &kw),
                _ => self.no_attr("MetaData", name),
            },
            // `cte.union_all(select(...))`: the CTE over the compound SELECT (a recursive
            // CTE's recursive part names the CTE itself).
            // `sub.select()`: `select(sub)`.
            Native::Subquery(_) if name == "select" => {
                self.call_sqla_fn("select", vec![Value::Native(n.clone())], vec![])
            }
            Native::Subquery(sq) if name == "alias" => {
                let name = args
                    .into_iter()
                    .next()
                    .or_else(|| super::kwget(&kw, "name").cloned());
                self.subquery_alias(sq, name)
            }
            Native::Subquery(sq) => {
                let op = match name {
                    "union" => crate::core::sql::Compound::Union,
                    _ => crate::core::sql::Compound::UnionAll,
                };
                let mut select = sq.select.clone();
                for a in &args {
                    let part = match a {
                        Value::Native(n) if let Native::Query(q) = &**n => {
                            q.q.subquery(&self.orm.reg)
                        }
                        other => {
                            let t = self.type_name(other);
                            let msg = format!("{name}() takes SELECT statements, got {t}");
                            return self.raise("ArgumentError", msg);
                        }
                    };
                    match part {
                        Ok((part, _)) => select.compound.push((op, part)),
                        Err(e) => return self.raise(e.class(), e.0),
                    }
                }
                let sq = super::super::SubqueryObj {
                    select,
                    alias: sq.alias.clone(),
                    columns: sq.columns.clone(),
                    names: sq.names.clone(),
                    cte: sq.cte,
                };
                self.orm.reg.subqueries.push(sq.from_item());
                Ok(nv(Native::Subquery(Rc::new(sq))))
            }
            Native::ColumnList(cols) if matches!(name, "keys" | "values" | "items") => {
                let items = cols.iter().map(|(k, v)| match name {
                    "keys" => Value::Str(k.clone()),
                    "values" => v.clone(),
                    _ => Value::tuple(vec![Value::Str(k.clone()), v.clone()]),
                });
                Ok(Value::list(items.collect()))
            }
            Native::ColumnList(cols) if name == "get" => {
                let key = args.first().cloned().unwrap_or(Value::None);
                let found = cols
                    .iter()
                    .find(|(k, _)| matches!(&key, Value::Str(s) if **s == **k));
                Ok(match found {
                    Some((_, v)) => v.clone(),
                    None => args.get(1).cloned().unwrap_or(Value::None),
                })
            }
            Native::SubqueryColumns(sq) if name == "keys" => Ok(Value::list(
                sq.columns
                    .iter()
                    .map(|(k, _)| Value::Str(k.clone()))
                    .collect(),
            )),
            Native::MapperProps(c, kind) if matches!(name, "keys" | "values" | "items") => {
                let c = c.clone();
                let items = self
                    .mapper_props(&c, *kind)
                    .into_iter()
                    .map(|(k, v)| match name {
                        "keys" => Value::Str(k),
                        "values" => v,
                        _ => Value::tuple(vec![Value::Str(k), v]),
                    });
                Ok(Value::list(items.collect()))
            }
            // `.get(key, default=None)`: the column, or the default.
            Native::TableColumns(..) if name == "get" => {
                let Some(key) = args.first() else {
                    return self.raise(
                        "TypeError",
                        "ColumnCollection.get() missing 1 required positional argument: 'key'",
                    );
                };
                let default = args.get(1).cloned().unwrap_or(Value::None);
                let this = Value::Native(n.clone());
                let has = self.contains(&this, key)?;
                if has {
                    self.getitem(&this, key)
                } else {
                    Ok(default)
                }
            }
            Native::TableColumns(t, only) => {
                let tb = self.orm.reg.metadata.table(t).cloned();
                let Some(tb) = tb else {
                    return Ok(Value::list(vec![]));
                };
                let items = super::super::protocol::table_positions(tb.columns.len(), only)
                    .map(|i| (i, &tb.columns[i]))
                    .map(|(i, c)| {
                        let col = nv(Native::ColumnObj(t.clone(), i));
                        match name {
                            "keys" => Value::str(c.table_key()),
                            "values" => col,
                            _ => Value::tuple(vec![Value::str(c.table_key()), col]),
                        }
                    });
                Ok(Value::list(items.collect()))
            }
            Native::TextTyped(inner, _) => {
                let inner = inner.clone();
                self.native_method(inner, name, args, kw)
            }
            Native::Text(sql, binds) => match name {
                "bindparams" => {
                    let mut b = binds.clone();
                    for a in &args {
                        match a {
                            // (A value binds now; without one, the declaration stays for
                            // execute() to fill: an expanding list, for one.)
                            Value::Native(p) if let Native::BindParam(k, v, _) = &**p => {
                                b.push((k.clone(), v.clone().unwrap_or_else(|| a.clone())))
                            }
                            _ => {
                                return self.raise(
                                    "ArgumentError",
                                    "bindparams() takes bindparam() objects and keyword values",
                                );
                            }
                        }
                    }
                    b.extend(kw);
                    Ok(nv(Native::Text(sql.clone(), b)))
                }
                // (Typed columns convert their values; plain column names change nothing.)
                "columns" => {
                    let mut types = vec![];
                    // (A column object brings its type: `columns(User.id, User.joined)`,
                    // for the result column of its name.)
                    for a in &args {
                        if let Some(s) = self.as_sql(a)
                            && let Some(t) = s.ty
                        {
                            let name = match &s.expr {
                                crate::core::sql::Expr::Column { name, .. } => {
                                    Some(Rc::from(name.as_str()))
                                }
                                _ => s.key,
                            };
                            if let Some(k) = name {
                                types.push((k, t));
                            }
                        }
                    }
                    for (k, v) in &kw {
                        if let Some(t) = self.type_arg(v) {
                            types.push((k.clone(), t));
                        }
                    }
                    Ok(match types.is_empty() {
                        true => Value::Native(n.clone()),
                        false => nv(Native::TextTyped(n.clone(), types.into())),
                    })
                }
                "compile" => {
                    // (Its bind names, each with its bound value or None.)
                    let (sqlite, _) = self.compile_options(&args, &kw)?;
                    let (pos, names) = crate::core::sql::text::positional(sql);
                    let mut params: Vec<(Rc<str>, Value)> = vec![];
                    for name in names {
                        if params.iter().any(|(k, _)| **k == *name) {
                            continue;
                        }
                        let v = (binds.iter())
                            .find(|(k, _)| **k == *name)
                            .map(|(_, v)| v.clone());
                        params.push((Rc::from(name.as_str()), v.unwrap_or(Value::None)));
                    }
                    let text: Rc<str> = if sqlite { Rc::from(pos) } else { sql.clone() };
                    Ok(nv(Native::Compiled(text, sqlite, params.into())))
                }
                _ => self.no_attr("TextClause", name),
            },
            Native::Bytes(_) | Native::Hasher(..) => self.hashing_method(&n, name, args),
            Native::Dbapi(cursor) => self.dbapi_method(*cursor, name, args),
            Native::Inspected(super::super::inspect::Inspected::History(h)) => {
                let h = h.clone();
                self.history_method(&h, name)
            }
            // `Mapper.identity_key_from_instance(obj)` / `primary_key_from_instance(obj)`:
            // worked out from the object's primary-key attributes as they are now (loaded
            // first when expired), transient or not.
            Native::Inspected(super::super::inspect::Inspected::Mapper(_))
                if matches!(
                    name,
                    "identity_key_from_instance" | "primary_key_from_instance"
                ) =>
            {
                let Some(Value::Instance(inst)) = args.first() else {
                    let t = args
                        .first()
                        .map_or("NoneType".into(), |v| self.type_name(v));
                    return self.raise(
                        "AttributeError",
                        format!("'{t}' object has no attribute '_sa_instance_state'"),
                    );
                };
                let inst = inst.clone();
                if self.status(&inst) == super::super::model::Status::Persistent {
                    self.ensure_loaded(&inst)?;
                }
                let pk = inst
                    .class
                    .model_info()
                    .map(|m| m.pk.clone())
                    .unwrap_or_default();
                let values: Vec<Value> = (pk.iter())
                    .map(|&i| super::super::model::column_attr(&inst, i).unwrap_or(Value::None))
                    .collect();
                Ok(match name {
                    "identity_key_from_instance" => Value::tuple(vec![
                        Value::Class(inst.class.clone()),
                        Value::tuple(values),
                        Value::None,
                    ]),
                    _ => Value::tuple(values),
                })
            }
            // `Mapper.get_property(key)`: the mapped attribute's property.
            Native::Inspected(super::super::inspect::Inspected::Mapper(c)) => {
                let c = c.clone();
                let key = match args.first() {
                    Some(Value::Str(k)) => k.clone(),
                    _ => {
                        return self.raise("TypeError", "get_property() takes the attribute's key");
                    }
                };
                match self.mapper_prop(&c, super::super::PropKind::All, &key) {
                    Some(v) => Ok(v),
                    None => self.raise(
                        "InvalidRequestError",
                        format!("Mapper 'Mapper[{}({})]' has no property '{key}'.  If this property was indicated from other mappers or configure events, ensure registry.configure() has been called.", c.name, self.orm.reg.table_of(&c.name).map(|t| t.name.clone()).unwrap_or_default()),
                    ),
                }
            }
            // `inspect(obj).attrs.keys()`, `.values()`, `.items()`, `.get(key, default)`.
            Native::Inspected(super::super::inspect::Inspected::Attrs(inst)) => {
                let inst = inst.clone();
                let keys = self.attrs_keys(&inst);
                match name {
                    "keys" => Ok(Value::list(
                        keys.iter().map(|k| Value::Str(k.clone())).collect(),
                    )),
                    "get" => match args.first() {
                        Some(Value::Str(k)) if keys.iter().any(|x| **x == **k) => {
                            self.attr_state(&inst, k)
                        }
                        _ => Ok(args.get(1).cloned().unwrap_or(Value::None)),
                    },
                    _ => {
                        let mut out = vec![];
                        for k in keys {
                            let st = self.attr_state(&inst, &k)?;
                            out.push(match name {
                                "items" => Value::tuple(vec![Value::Str(k), st]),
                                _ => st,
                            });
                        }
                        Ok(Value::list(out))
                    }
                }
            }
            Native::Inspected(_) => self.inspector_method(name, args),
            Native::Module(m) if &**m == "engine.url" => Ok(Value::str(match name {
                "get_backend_name" => "sqlite",
                "get_driver_name" => "pysqlite",
                _ => "sqlite://",
            })),
            Native::Module(m) if &**m == "engine" && matches!(name, "connect" | "begin") => Ok(nv(
                Native::Connection(std::cell::Cell::new(None), name == "begin"),
            )),
            Native::Connection(state, _) => match name {
                "execute" | "scalar" | "exec_driver_sql" => {
                    // (A plain string is refused before anything begins.)
                    if let Some(s @ Value::Str(_)) = args.first()
                        && name != "exec_driver_sql"
                    {
                        let r = self.repr(s)?;
                        return self.raise(
                            "ObjectNotExecutableError",
                            format!("Not an executable object: {r}"),
                        );
                    }
                    if name == "exec_driver_sql"
                        && !super::super::session::driver_params_ok(args.get(1))
                    {
                        return self.raise(
                            "ArgumentError",
                            "List argument must consist only of tuples or dictionaries",
                        );
                    }
                    let engine = state.get() != Some(false);
                    if state.get().is_none() {
                        self.log_marker("BEGIN (implicit)");
                        state.set(Some(true));
                    }
                    let (was_conn, was_off) = (self.orm.engine_conn, self.orm.autoflush_off);
                    self.orm.engine_conn = engine;
                    self.orm.autoflush_off = was_off || engine;
                    let r = match (name, args.first()) {
                        ("exec_driver_sql", Some(Value::Str(sql))) => {
                            self.exec_driver_sql(&sql.clone(), args.get(1))
                        }
                        ("exec_driver_sql", _) => {
                            self.raise("TypeError", "exec_driver_sql() takes a SQL string")
                        }
                        _ => self.session_method("execute", args, kw),
                    };
                    (self.orm.engine_conn, self.orm.autoflush_off) = (was_conn, was_off);
                    let r = r?;
                    if name == "scalar"
                        && let Value::Native(rn) = &r
                    {
                        return self.result_method(rn.clone(), "scalar", vec![], vec![]);
                    }
                    Ok(r)
                }
                "commit" => {
                    self.end_connection_tx(state, "COMMIT");
                    Ok(Value::None)
                }
                _ => {
                    self.end_connection_tx(state, "ROLLBACK");
                    Ok(Value::None)
                }
            },
            // `tx = db.session.begin_nested(); ...; tx.commit()` / `tx.rollback()`.
            Native::SessionScope(s) if matches!(name, "commit" | "rollback" | "close") => {
                self.scope_exit(s, name != "commit")?;
                Ok(Value::None)
            }
            Native::HybridMethod(h) if name == "expression" => {
                let f = match args.into_iter().next() {
                    Some(Value::ClassMethod(f)) => (*f).clone(),
                    Some(f) => f,
                    None => return self.raise("TypeError", "expression() needs a function"),
                };
                Ok(Value::Native(Rc::new(Native::HybridMethod(Rc::new([
                    h[0].clone(),
                    f,
                ])))))
            }
            Native::Hybrid(h) => {
                let f = match args.into_iter().next() {
                    // `@name.inplace.expression` + `@classmethod` (SQLAlchemy 2.0 style).
                    Some(Value::ClassMethod(f)) => (*f).clone(),
                    Some(f) => f,
                    None => return self.raise("TypeError", format!("{name}() needs a function")),
                };
                let mut parts = (**h).clone();
                match name {
                    "setter" => parts[1] = f,
                    "expression" => parts[2] = f,
                    "getter" => parts[0] = f,
                    _ => return self.unsupported(&format!("`hybrid_property.{name}`")),
                }
                Ok(Value::Native(Rc::new(Native::Hybrid(Rc::new(parts)))))
            }
            Native::Dynamic(inst, key, write_only) => {
                let (inst, key) = (inst.clone(), key.clone());
                if *write_only {
                    return self.write_only_method(&inst, &key, name, args, kw);
                }
                self.dynamic_method(&inst, &key, name, args, kw)
            }
            Native::IdentityMap => match name {
                "keys" => Ok(Value::list(self.identity_map_keys())),
                "values" => Ok(Value::list(
                    self.live_identities()
                        .map(|i| Value::Instance(i.clone()))
                        .collect(),
                )),
                "items" => {
                    let keys = self.identity_map_keys();
                    let items = keys
                        .into_iter()
                        .zip(self.live_identities())
                        .map(|(k, i)| Value::tuple(vec![k, Value::Instance(i.clone())]))
                        .collect();
                    Ok(Value::list(items))
                }
                // `get(key, default=None)`: the object under an identity key.
                "get" => {
                    let Some(key) = args.first() else {
                        return self.raise(
                            "TypeError",
                            "WeakInstanceDict.get() missing 1 required positional argument: 'key'",
                        );
                    };
                    let live: Vec<_> = self.live_identities().cloned().collect();
                    for i in live {
                        let k = super::super::model::identity_key_value(&i);
                        if self.eq(&k, key)? {
                            return Ok(Value::Instance(i));
                        }
                    }
                    Ok(args.get(1).cloned().unwrap_or(Value::None))
                }
                _ => self.no_attr("WeakInstanceDict", name),
            },
            _ => {
                let t = n.type_name().to_string();
                self.no_attr(&t, name)
            }
        }
    }

    /// `db.metadata.tables` as a dict of its tables now, by name.
    pub(crate) fn tables_dict(&self) -> Value {
        let pairs = (self.orm.reg.metadata.tables.iter())
            .map(|t| {
                (
                    Value::str(&t.name),
                    nv(Native::Table(Rc::from(t.name.as_str()))),
                )
            })
            .collect();
        Value::dict_of(pairs)
    }

    /// The identity map's keys, `(Class, (pk, ...), None)`, in its order.
    pub(crate) fn identity_map_keys(&self) -> Vec<Value> {
        self.live_identities()
            .map(|i| super::super::model::identity_key_value(i))
            .collect()
    }

    /// `sub.alias(name)` / `aliased(sub, name=)`: the subquery's SELECT again, under
    /// `name` (or an anonymous name of its own).
    pub(crate) fn subquery_alias(
        &mut self,
        sq: &super::super::SubqueryObj,
        name: Option<Value>,
    ) -> R<Value> {
        let alias = match name {
            Some(Value::Str(n)) => crate::core::sql::TableRef::Named(n.to_string()),
            _ => crate::core::orm::mapper::anon_alias("anon"),
        };
        let sq = super::super::SubqueryObj {
            alias,
            select: sq.select.clone(),
            columns: sq.columns.clone(),
            names: sq.names.clone(),
            cte: None,
        };
        self.orm.reg.subqueries.push(sq.from_item());
        Ok(nv(Native::Subquery(Rc::new(sq))))
    }
}
