//! `repr()` and `str()` of library objects (reprs as SQLAlchemy and Flask print them; SQL
//! constructs printed in the default dialect, or SQLite's for a session's queries).

use std::rc::Rc;

use crate::core::sql::{Expr, Statement};

use super::super::super::value::Value;
use super::super::super::{Interp, R};
use super::super::Native;
use super::super::dispatch::app_session::app_name;

impl Interp<'_> {
    /// `repr()` of library objects.
    pub fn native_repr(&mut self, n: Rc<Native>) -> R<String> {
        if let Native::Negatable(p) = &*n {
            return self.native_repr(Rc::new(Native::Sql(p.0.clone())));
        }
        Ok(match &*n {
            Native::Bytes(b) => crate::core::interp::builtins::hashing::bytes_repr(b),
            Native::Hasher(algo, _) => format!("<{algo} _hashlib.HASH object @ 0x7f0000000000>"),
            // `DecimalTuple(sign=0, digits=(1, 5), exponent=-1)`.
            Native::Named(name, r) => {
                let mut parts = vec![];
                for (k, v) in r.keys.iter().zip(r.values.iter()) {
                    parts.push(format!("{k}={}", self.repr(v)?));
                }
                // (The C implementation's repr names its module.)
                let module = match &**name {
                    "IsoCalendarDate" => "datetime.",
                    "struct_time" => "time.",
                    _ => "",
                };
                format!("{module}{name}({})", parts.join(", "))
            }
            Native::Row(r) | Native::Mapping(r) => {
                let t = Value::tuple((*r.values).clone());
                let s = self.repr(&t)?;
                if matches!(&*n, Native::Mapping(_)) {
                    let mut parts = vec![];
                    for (k, v) in r.keys.iter().zip(r.values.iter()) {
                        if k.is_empty() {
                            continue;
                        }
                        parts.push(format!("'{k}': {}", self.repr(v)?));
                    }
                    format!("{{{}}}", parts.join(", "))
                } else {
                    s
                }
            }
            Native::Instrumented(a) => format!("{}.{}", a.class, a.key),
            Native::Property(a) => format!("<{} at 0x7f0000000000; {}>", n.type_name(), a.key),
            Native::Sql(s) => {
                let sel = crate::core::sql::Select::new(vec![s.expr.clone()]);
                let r = crate::core::sql::render(&Statement::Select(sel));
                r.sql.trim_start_matches("SELECT ").to_string()
            }
            Native::Table(t) => {
                let n = self
                    .orm
                    .reg
                    .metadata
                    .table(t)
                    .map_or(0, |tb| tb.columns.len());
                let mut parts = vec![format!("'{t}'"), "MetaData()".to_string()];
                for i in 0..n {
                    parts.push(self.column_repr(t, i)?);
                }
                format!("Table({}, schema=None)", parts.join(", "))
            }
            Native::ColumnObj(t, i) => self.column_repr(t, *i)?,
            Native::ColumnSpec(spec) => {
                let spec = spec.borrow().clone();
                self.column_spec_repr(&spec)?
            }
            // `PrimaryKeyConstraint(Column(...), ...)`, `UniqueConstraint(...)`.
            Native::ConstraintSpec(c, Some(t))
                if matches!(
                    **c,
                    crate::core::orm::schema::Constraint::PrimaryKey { .. }
                        | crate::core::orm::schema::Constraint::Unique { .. }
                ) =>
            {
                let (c, t) = (c.clone(), t.clone());
                let cols = self.constraint_columns(&t, &c);
                let mut parts = vec![];
                for i in cols.iter() {
                    parts.push(self.column_repr(&t, *i)?);
                }
                format!("{}({})", c.class_name(), parts.join(", "))
            }
            Native::IndexSpec(ix, _) => {
                let ix = ix.clone();
                self.index_repr(&ix)?
            }
            Native::ColumnDefault(t, i, kind, _) => self.default_repr(t, *i, *kind)?,
            Native::ColumnType(t) => t.py_repr(),
            Native::ReflectedType(r, _) => r.to_string(),
            Native::ForeignKeySpec(fk, _) => format!("ForeignKey('{}.{}')", fk.table, fk.column),
            Native::Inspected(super::super::inspect::Inspected::Mapper(c)) => {
                let t = self.orm.reg.table_of(&c.name).map(|t| t.name.clone());
                format!("Mapper[{}({})]", c.name, t.unwrap_or_default())
            }
            Native::Inspected(super::super::inspect::Inspected::History(h)) => {
                let h = h.clone();
                self.history_repr(&h)?
            }
            Native::Inspected(x) => format!(
                "<sqlalchemy.{} object at 0x7f0000000000>",
                match x {
                    super::super::inspect::Inspected::State(_) => "orm.state.InstanceState",
                    super::super::inspect::Inspected::Attr(..) => "orm.state.AttributeState",
                    super::super::inspect::Inspected::Attrs(_) =>
                        "util._collections.ReadOnlyProperties",
                    _ => "dialects.sqlite.base.SQLiteInspector",
                }
            ),
            Native::TypeObj(t) => match Native::type_module(t) {
                Some(m) => format!("<class '{m}.{t}'>"),
                None => format!("<class '{t}'>"),
            },
            Native::RePattern(p) => self.pattern_repr(p)?,
            Native::Flask(o) => self.flask_repr(o),
            Native::ReMatch(m) => self.match_repr(m)?,
            Native::Module(m) if &**m == "engine" => "Engine(sqlite://)".into(),
            Native::Module(m) if &**m == "engine.url" => "sqlite://".into(),
            Native::Module(m) => format!("<module '{m}'>"),
            Native::App(_, import) => format!("<Flask '{}'>", app_name(import)),
            Native::Db => "<SQLAlchemy sqlite://>".into(),
            Native::Metadata => "MetaData()".into(),
            Native::SqlaFn(f) if &**f == "db.Model" => {
                "<class 'sqlalchemy.orm.decl_api.Model'>".into()
            }
            Native::SqlaFn(f) if &**f == "flask_sqlalchemy.Model" => {
                "<class 'flask_sqlalchemy.model.Model'>".into()
            }
            Native::Query(q) => {
                // (Compiling an ORM statement configures the mappers, backrefs and all.)
                self.configure_mappers()?;
                let sel = if q.dml.is_some() {
                    self.compile_query(&q.q.clone())?
                } else {
                    self.loading_select(&q.q.clone())?
                };
                if q.legacy || q.dml.is_some() {
                    // A legacy Query prints with its session's dialect (SQLite).
                    match crate::core::sql::render::render_sqlite_str(&sel) {
                        Ok(s) => s,
                        Err(_) => return self.no_froms(),
                    }
                } else if q.q.exists {
                    // `exists().where(...)` alone: `EXISTS (SELECT * ...)`.
                    let mut sel = sel;
                    sel.label_style = crate::core::sql::LabelStyle::DisambiguateOnly;
                    crate::core::sql::render::render_expr_generic(&crate::core::sql::expr::exists(
                        sel,
                    ))
                } else {
                    // A 2.0 select() knows no engine: the default dialect.
                    match crate::core::sql::render::render_generic(&sel) {
                        Ok(s) => s,
                        Err(_) => return self.no_froms(),
                    }
                }
            }
            Native::Pagination(_) => {
                format!("<flask_sqlalchemy.pagination.{} object>", n.type_name())
            }
            Native::Loader(l) => self.load_repr(l),
            Native::KeyView(k) => {
                let l = Value::list(k.clone());
                format!("RMKeyView({})", self.repr(&l)?)
            }
            Native::DictView(k, src) => self.view_repr(*k, &src.clone())?,
            Native::Cascade(names) => format!("CascadeOptions('{}')", names.join(",")),
            Native::TablesDict => {
                let d = self.tables_dict();
                format!("FacadeDict({})", self.repr(&d)?)
            }
            Native::TableColumns(t, only) => {
                let (t, only) = (t.clone(), only.clone());
                let mut names = vec![];
                for c in self.table_column_objs(&t, &only) {
                    names.push(self.to_str(&c)?);
                }
                format!("ReadOnlyColumnCollection({})", names.join(", "))
            }
            Native::SessionSet(k) => {
                let items = self.session_set_items(*k)?;
                let r = self.repr(&Value::list(items))?;
                format!("IdentitySet({r})")
            }
            Native::Text(s, _) => format!("<sqlalchemy.sql.elements.TextClause object> {s}"),
            Native::Compiled(_, sqlite, _) => format!(
                "<sqlalchemy.{} object at 0x7f0000000000>",
                if *sqlite {
                    "dialects.sqlite.base.SQLiteCompiler"
                } else {
                    "sql.compiler.StrSQLCompiler"
                }
            ),
            Native::Slice(a, b, c) => {
                let (a, b, c) = (a.clone(), b.clone(), c.clone());
                format!(
                    "slice({}, {}, {})",
                    self.repr(&a)?,
                    self.repr(&b)?,
                    self.repr(&c)?
                )
            }
            Native::Generator(_) => "<generator object <genexpr> at 0x7f0000000000>".into(),
            // (`aliased(User, name='boss')` too: the class's name, not the alias's.)
            Native::Aliased(class, _) => format!("aliased({class})"),
            other => format!("<{} object>", other.type_name()),
        })
    }

    /// `repr()` of a table's column as SQLAlchemy's `Column.__repr__` prints it: name, type,
    /// foreign keys, table, then the options that differ from the defaults.
    pub(crate) fn column_repr(&mut self, t: &str, i: usize) -> R<String> {
        let Some(c) = self
            .orm
            .reg
            .metadata
            .table(t)
            .and_then(|tb| tb.columns.get(i))
            .cloned()
        else {
            return Ok("Column(None)".into());
        };
        let mut parts = vec![
            format!("'{}'", c.name),
            super::super::dispatch::column_type(&c).py_repr(),
        ];
        for fk in &c.foreign_keys {
            parts.push(format!("ForeignKey('{}.{}')", fk.table, fk.column));
        }
        parts.push(format!("table=<{t}>"));
        if c.table_key() != c.name {
            parts.push(format!("key='{}'", c.table_key()));
        }
        if c.primary_key {
            parts.push("primary_key=True".into());
        }
        if !c.is_nullable() {
            parts.push("nullable=False".into());
        }
        for (k, kind) in [("onupdate", 1), ("default", 0), ("server_default", 2)] {
            let tr: Rc<str> = Rc::from(t);
            if !matches!(self.column_default(&tr, i, kind), Value::None) {
                parts.push(format!("{k}={}", self.default_repr(t, i, kind)?));
            }
        }
        if let Some(c) = &c.comment {
            parts.push(format!("comment={}", crate::core::py::strings::str_repr(c)));
        }
        Ok(format!("Column({})", parts.join(", ")))
    }

    /// `repr()` of a column no table holds yet: `Column(None, String(length=20), table=None)`.
    fn column_spec_repr(&mut self, spec: &super::super::ColumnSpec) -> R<String> {
        let c = &spec.column;
        let name = if c.name.is_empty() {
            "None".to_string()
        } else {
            format!("'{}'", c.name)
        };
        let mut parts = vec![name, super::super::dispatch::column_type(c).py_repr()];
        for fk in &c.foreign_keys {
            parts.push(format!("ForeignKey('{}.{}')", fk.table, fk.column));
        }
        parts.push("table=None".into());
        if c.primary_key {
            parts.push("primary_key=True".into());
        }
        if !c.is_nullable() {
            parts.push("nullable=False".into());
        }
        for (k, v) in [("onupdate", &spec.onupdate), ("default", &spec.default)] {
            if let Some(v) = v {
                let class = if matches!(
                    v,
                    Value::Func(_) | Value::Builtin(_) | Value::BuiltinMethod(_) | Value::Method(_)
                ) {
                    "CallableColumnDefault"
                } else {
                    "ScalarElementColumnDefault"
                };
                parts.push(format!("{k}={class}({})", self.repr(v)?));
            }
        }
        if let Some(c) = &c.comment {
            parts.push(format!("comment={}", crate::core::py::strings::str_repr(c)));
        }
        Ok(format!("Column({})", parts.join(", ")))
    }

    /// `str()` of library objects.
    pub fn native_str(&mut self, n: Rc<Native>) -> R<String> {
        if let Native::Negatable(p) = &*n {
            return self.native_str(Rc::new(Native::Sql(p.0.clone())));
        }
        match &*n {
            // `str(User.name)` is the attribute's name; other expressions print in
            // SQLAlchemy's default dialect.
            Native::Instrumented(a) if a.via.is_none() => Ok(format!("{}.{}", a.class, a.key)),
            Native::Property(a) => Ok(format!("{}.{}", a.class, a.key)),
            Native::Sql(s) if !matches!(s.expr, Expr::Column { .. }) => {
                Ok(crate::core::sql::render::render_expr_generic(&s.expr))
            }
            Native::Query(q) if q.dml.is_some() => {
                let q = q.clone();
                let st = self.dml_statement(&q)?;
                Ok(crate::core::sql::render::render_dml_generic(&st))
            }
            Native::Dynamic(inst, key, false) => {
                let (inst, key) = (inst.clone(), key.clone());
                let q = self.dynamic_query(&inst, &key)?;
                let sel = self.loading_select(&q.q)?;
                // (With no session behind it, the query prints in the default dialect.)
                if self.dynamic_sessionless(&inst, &key).is_some() {
                    return crate::core::sql::render::render_generic(&sel)
                        .or_else(|_| self.no_froms());
                }
                Ok(crate::core::sql::render(&Statement::Select(sel)).sql)
            }
            Native::Instrumented(_) | Native::Sql(_) => {
                let v = Value::Native(n.clone());
                let s = self.as_sql(&v);
                match s {
                    Some(s) => {
                        let sel = crate::core::sql::Select::new(vec![s.expr.clone()]);
                        let r = crate::core::sql::render(&Statement::Select(sel));
                        let t = r.sql.trim_start_matches("SELECT ").to_string();
                        let head = t.split(" \nFROM").next().unwrap_or(&t);
                        // (A column prints as itself, without the label a SELECT gives it.)
                        if matches!(s.expr, Expr::Column { .. })
                            && let Some((col, _)) = head.rsplit_once(" AS ")
                        {
                            return Ok(col.to_string());
                        }
                        Ok(head.strip_suffix(" AS anon_1").unwrap_or(head).to_string())
                    }
                    None => self.native_repr(n),
                }
            }
            // (A `\:` escape is a plain colon once compiled.)
            Native::Text(s, _) => Ok(s.replace("\\:", ":")),
            Native::Compiled(s, ..) => Ok(s.to_string()),
            Native::TextTyped(inner, _) => self.native_str(inner.clone()),
            Native::Insert(ins) => {
                let ins = ins.clone();
                self.insert_str(&ins)
            }
            Native::ColumnType(t) => Ok(t.ddl()),
            // `str(subquery)` is its SELECT, in the default dialect.
            Native::Subquery(sq) => {
                crate::core::sql::render::render_generic(&sq.select).or_else(|_| self.no_froms())
            }
            Native::ReflectedType(_, ddl) => Ok(ddl.to_string()),
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
}
