//! `Model.query` / `db.session.query(...)` (legacy `Query`) and `select(...)` (2.0): the
//! query value, executing it and turning rows into instances or `Row`s. Its methods are
//! in `query/methods.rs`, primary-key lookup in `query/get.rs`, `paginate()` in
//! `query/paginate.rs`.

mod bulk;
mod bulk_sync;
mod compiled;
mod deferred;
mod eager;
mod from_statement;
mod get;
mod methods;
mod options;
mod paginate;
mod post_load;

use std::rc::Rc;

use crate::core::orm::query::{Entity, Query};
use crate::core::sql::{Expr, LabelStyle, Select, SqlType, SqlValue, Statement};

use super::super::value::{Class, Value};
use super::super::{Interp, R};
use super::Native;
use super::model::ModelInfo;
use super::result::{ResultObj, RowObj};

pub(crate) use deferred::unload_columns;
pub use eager::{Loaded, PendingLoad, RefreshLoads};
pub use options::{LoadOpt, is_loader_fn};
pub use paginate::Pagination;

/// `values(...)` of an UPDATE: (column key, value).
pub type SetValues = Vec<(Rc<str>, Value)>;

/// What a columns-clause entry produces in a result row.
#[derive(Clone)]
pub enum Ent {
    /// A model instance.
    Class(Rc<str>),
    /// A column value.
    Col {
        /// Row key.
        key: Rc<str>,
        /// Type for result processing.
        ty: Option<SqlType>,
    },
}

/// A query value.
#[derive(Clone)]
pub struct QueryObj {
    /// The query state.
    pub q: Query,
    /// Legacy `Query` (true) or `Select` (false).
    pub legacy: bool,
    /// Entities for result building.
    pub ents: Vec<Ent>,
    /// `update(Model)` / `delete(Model)` statements: the SET values (`None` for delete).
    pub dml: Option<Option<SetValues>>,
    /// The `synchronize_session` execution option of an `update()`/`delete()` statement
    /// (`.execution_options(synchronize_session=...)`).
    pub sync: Option<Value>,
    /// `returning(...)` of an `update()`/`delete()` statement: columns or a model class.
    pub returning: Vec<Value>,
    /// A Core statement: nothing of a mapped class is in it (`select(tags)`,
    /// `tags.delete()`), so SQLAlchemy's ORM plugin does not run it and a session
    /// executing it does not autoflush.
    pub core: bool,
    /// The script's query class (`class ActiveQuery(db.Query)`, a model's `query_class`,
    /// `SQLAlchemy(query_class=...)`): its methods are the query's too.
    pub class: Option<Rc<crate::core::interp::value::Class>>,
}

impl QueryObj {
    /// `Model.query`.
    pub fn legacy_of(class: &Rc<str>) -> Self {
        QueryObj {
            dml: None,
            sync: None,
            returning: vec![],
            q: Query::of(class),
            legacy: true,
            ents: vec![Ent::Class(class.clone())],
            core: false,
            class: None,
        }
    }

    /// The query as a scalar subquery expression. Its function columns are labeled anonymously once, here: the subquery used twice
    /// (selected and ordered by) names them alike, `count_1` both times.
    pub fn scalar_subquery(&self, it: &mut Interp<'_>) -> R<Expr> {
        match self.q.scalar_subquery(&it.orm.reg) {
            Ok(mut e) => {
                if let Expr::Select(s) = &mut e {
                    for c in s.columns.iter_mut() {
                        if let Expr::Func { .. } = c {
                            *c = c.clone().anon_label(super::column_property::anon_id());
                        }
                    }
                }
                Ok(e)
            }
            Err(e) => it.raise(e.class(), e.0),
        }
    }

    /// The query compiled for `IN (subquery)`.
    pub fn compile_scalar(&self, it: &mut Interp<'_>) -> R<Select> {
        match self.q.compile(&it.orm.reg) {
            Ok(mut s) => {
                s.label_style = LabelStyle::DisambiguateOnly;
                Ok(s)
            }
            Err(e) => it.raise(e.class(), e.0),
        }
    }
}

/// A legacy `Query`'s row keys: columns and labels keep their names; other expressions
/// (`func.min(x)`, `x + 1`) have none (empty: left out of `_fields`, `_asdict()`, ...).
pub fn legacy_row_keys(es: &[Entity], ents: &mut [Ent]) {
    for (e, ent) in es.iter().zip(ents.iter_mut()) {
        if let (Entity::Expr(x), Ent::Col { key, .. }) = (e, ent)
            && !matches!(x, Expr::Column { .. } | Expr::Label { .. })
        {
            *key = Rc::from("");
        }
    }
}

impl Interp<'_> {
    /// Whether `v` brings something of a mapped class into a statement (what makes
    /// SQLAlchemy's statement an ORM one, see [`QueryObj::core`]): a mapped or aliased
    /// class, a mapped attribute or an expression of one, an ORM statement. A table,
    /// its columns and expressions of columns of tables no class maps do not; nor do
    /// plain values. (An expression of a mapped table's columns, `User.__table__.c.id
    /// == 1`, cannot be told from one of the class's attributes here: it counts as
    /// mapped.)
    pub(crate) fn orm_element(&self, v: &Value) -> bool {
        match v {
            Value::Class(c) => c.model_info().is_some(),
            Value::Native(n) => match &**n {
                Native::Table(_)
                | Native::ColumnObj(..)
                | Native::Text(..)
                | Native::TextTyped(..) => false,
                Native::Aliased(..) => true,
                Native::Query(q) => !q.core,
                _ => match self.as_sql(v) {
                    Some(s) => s.class.is_some() || self.mentions_mapped(&s.expr),
                    None => true,
                },
            },
            _ => false,
        }
    }

    /// Whether `e` has a column of a table a class maps (or selects from one).
    fn mentions_mapped(&self, e: &Expr) -> bool {
        let found = std::cell::Cell::new(false);
        e.transform(&|x| {
            match x {
                // (An EXISTS, `exists()` or a relationship's `any()`/`has()`, does not
                // carry its mapped classes out to the enclosing statement.)
                Expr::Unary {
                    op: crate::core::sql::Op::Exists,
                    ..
                } => return Some(Expr::Null),
                Expr::Column { table: Some(t), .. } => {
                    let name = match t {
                        crate::core::sql::TableRef::Named(n) => n,
                        crate::core::sql::TableRef::Anon { base, .. } => base,
                    };
                    if self.orm.reg.maps_table(name) {
                        found.set(true);
                    }
                }
                Expr::Select(s) if self.select_mentions_mapped(s) => found.set(true),
                _ => {}
            }
            None
        });
        found.get()
    }

    /// Whether a nested SELECT selects from, or has a column of, a mapped table.
    fn select_mentions_mapped(&self, s: &Select) -> bool {
        use crate::core::sql::FromItem;
        let from_mapped = |f: &FromItem| match f {
            FromItem::Table(t) | FromItem::Alias { table: t, .. } => self.orm.reg.maps_table(t),
            FromItem::Subquery { select, .. } => self.select_mentions_mapped(select),
            _ => true,
        };
        s.from.iter().any(from_mapped)
            || (s.columns.iter().chain(&s.where_)).any(|e| self.mentions_mapped(e))
    }

    /// The single-table subclasses whose column attributes are among `args`
    /// (`select(Engineer.name)`): their discriminator criterion applies.
    pub fn poly_classes(&self, args: &[Value]) -> Vec<String> {
        let mut out: Vec<String> = Vec::new();
        for a in args {
            let class = match a {
                Value::Native(n) => match &**n {
                    Native::Instrumented(attr) if attr.column.is_some() => Some(&attr.class),
                    // (A function or label of a subclass's column.)
                    Native::Sql(s) => s.class.as_ref(),
                    _ => None,
                },
                _ => None,
            };
            if let Some(class) = class
                && (self.orm.reg.mapper(class)).is_ok_and(|m| m.inherits.is_some())
                && !out.iter().any(|c| **c == **class)
            {
                out.push(class.to_string());
            }
        }
        out
    }

    /// Entities of `select(...)` / `session.query(...)` arguments.
    pub fn entities_from(&mut self, args: &[Value]) -> R<(Vec<Entity>, Vec<Ent>)> {
        let mut es = vec![];
        let mut ents = vec![];
        // A Table (`db.Table(...)`, `Model.__table__`) selects each of its columns.
        let mut expanded: Vec<Value> = Vec::with_capacity(args.len());
        for a in args {
            match a {
                Value::Native(n) => match &**n {
                    Native::Table(t) => expanded.extend(self.table_column_objs(t, &None)),
                    // (So does a subquery or a CTE.)
                    Native::Subquery(sq) => expanded.extend(
                        (0..sq.columns.len())
                            .filter_map(|i| sq.column(i).map(super::sqlexpr::sql_value)),
                    ),
                    _ => expanded.push(a.clone()),
                },
                other => expanded.push(other.clone()),
            }
        }
        let (mut anon, mut unnamed) = (0, 0);
        // (Whether the statement selects anything of a mapped class.)
        let orm = expanded.iter().any(|a| match a {
            Value::Class(c) => c.model_info().is_some(),
            Value::Native(n) => match &**n {
                Native::Aliased(..) => true,
                _ => self.as_sql(a).is_some_and(|s| s.class.is_some()),
            },
            _ => false,
        });
        for a in &expanded {
            match a {
                Value::Class(c) if c.model_info().is_some() => {
                    es.push(Entity::Class(c.name.to_string()));
                    ents.push(Ent::Class(c.name.clone()));
                }
                Value::Native(n) if let Native::Aliased(class, alias) = &**n => {
                    es.push(Entity::Alias {
                        class: class.to_string(),
                        alias: alias.clone(),
                    });
                    ents.push(Ent::Class(class.clone()));
                }
                Value::Class(c) => {
                    return self.raise("ArgumentError", format!("Column expression, FROM clause, or other columns clause element expected, got <class '__main__.{}'>.", c.name));
                }
                _ => {
                    let s = self.to_expr(a, None)?;
                    let key: Rc<str> = match (&s.key, &s.expr) {
                        (Some(k), _) => k.clone(),
                        (None, Expr::Func { name, .. }) => Rc::from(name.as_str()),
                        (None, Expr::Label { name, .. }) => Rc::from(name.as_str()),
                        (None, Expr::Column { name, .. }) => Rc::from(name.as_str()),
                        // (A cast of a column goes by the column's name.)
                        (None, Expr::Cast { expr, .. })
                            if let Expr::Column { name, .. } = &**expr =>
                        {
                            Rc::from(name.as_str())
                        }
                        // (A bound value, `literal(1)`, in a statement with no mapped
                        // class: its anonymous label, `anon_1`, as a Core statement's.)
                        (None, Expr::Bind(..)) if !orm => {
                            anon += 1;
                            Rc::from(format!("anon_{anon}").as_str())
                        }
                        (
                            None,
                            Expr::Cast {
                                expr, coerce: true, ..
                            },
                        ) if !orm && matches!(**expr, Expr::Bind(..)) => {
                            anon += 1;
                            Rc::from(format!("anon_{anon}").as_str())
                        }
                        // What 2.0's rows call an expression with no name, numbered from
                        // the second (a legacy `Query` gives it none at all:
                        // `legacy_row_keys`).
                        _ => {
                            unnamed += 1;
                            match unnamed {
                                1 => Rc::from("_no_label"),
                                n => Rc::from(format!("_no_label_{}", n - 1).as_str()),
                            }
                        }
                    };
                    es.push(Entity::Expr(s.expr.clone()));
                    ents.push(Ent::Col {
                        key,
                        ty: s.ty.clone(),
                    });
                }
            }
        }
        Ok((es, ents))
    }

    /// Compiles a query.
    pub fn compile_query(&mut self, q: &Query) -> R<Select> {
        match q.compile(&self.orm.reg) {
            Ok(s) => Ok(s),
            Err(e) => self.raise(e.class(), e.0),
        }
    }

    /// Runs a SELECT (after autoflush).
    pub fn run_select(&mut self, sel: Select) -> R<Vec<Vec<SqlValue>>> {
        self.autoflush()?;
        let r = self.run_stmt(&Statement::Select(sel), true)?;
        Ok(r.rows)
    }

    /// [`Self::run_select`] with the rows in one vector (no vector per row).
    pub fn run_select_flat(&mut self, sel: Select) -> R<super::session::FlatRows> {
        self.autoflush()?;
        let r = crate::core::sql::render(&Statement::Select(sel));
        if r.no_froms {
            return self.no_froms();
        }
        self.run_flat_sql(Rc::from(r.sql.as_str()), &r.params, true)
    }

    /// Runs a query of one class and returns instances (a lazy load's, loading at `base`
    /// with the extra options `extra`), with the class's eager loads.
    pub fn run_entity_query(
        &mut self,
        q: &Query,
        class: &str,
        base: &[crate::core::orm::eager::PathStep],
        extra: &[crate::core::orm::eager::LoaderOption],
    ) -> R<Vec<Value>> {
        let mut loaded =
            self.load_query_as(q, &[Ent::Class(Rc::from(class))], base, extra, true)?;
        if let Some(instances) = loaded.instances.take() {
            if !loaded.may_repeat {
                return Ok(instances);
            }
            loaded.rows = instances.into_iter().map(|v| vec![v]).collect();
        }
        let rows = if loaded.may_repeat {
            unique_rows(loaded.rows)
        } else {
            loaded.rows
        };
        Ok(rows
            .into_iter()
            .map(|r| r.into_iter().next().unwrap_or(Value::None))
            .collect())
    }

    /// The instances of a plain load of one class, one per row ([`Self::build_rows`]
    /// without a vector per row).
    pub fn build_instances(
        &mut self,
        class: &str,
        mut rows: super::session::FlatRows,
    ) -> R<Vec<Value>> {
        let resolved = self
            .orm
            .classes
            .get(class)
            .cloned()
            .and_then(|cls| Some((cls.model_info()?, cls)));
        let Some((m, cls)) = resolved else {
            return Ok(vec![Value::None; rows.len()]);
        };
        // (Room for the instances, as `build_rows` makes it.)
        let new_objects = rows.len().saturating_sub(self.orm.identity.len());
        self.orm.identity.reserve(new_objects);
        self.orm.identity_order.reserve(new_objects);
        self.reserve_cycle_roots(new_objects);
        let mut out = Vec::with_capacity(rows.len());
        // (The rows go once their objects are made: their texts are taken, not shared.)
        for r in rows.rows_mut() {
            out.push(self.instance_of_class(&cls, &m, r, 0, true)?);
        }
        Ok(out)
    }

    /// Converts result rows according to entities: one class → instances, otherwise `Row`s.
    pub fn build_rows(
        &mut self,
        ents: &[Ent],
        rows: &super::session::FlatRows,
    ) -> R<Vec<Vec<Value>>> {
        let mut out = Vec::with_capacity(rows.len());
        let widths: Vec<usize> = ents
            .iter()
            .map(|e| match e {
                Ent::Class(c) => {
                    let reg = &self.orm.reg;
                    reg.table_of(c).map_or(0, |t| t.columns.len()) + reg.props_layout(c).1
                }
                Ent::Col { .. } => 1,
            })
            .collect();
        // Each entity's class, resolved once for all the rows.
        let classes: Vec<Option<(Rc<Class>, Rc<ModelInfo>)>> = ents
            .iter()
            .map(|e| match e {
                Ent::Class(c) => {
                    let cls = self.orm.classes.get(&**c).cloned()?;
                    let m = cls.model_info()?;
                    Some((cls, m))
                }
                Ent::Col { .. } => None,
            })
            .collect();
        // Room for the instances these rows may add (no rehashing while they come in;
        // less when the session already holds that many, as a repeated query's rows are).
        let new_objects =
            (rows.len() * classes.iter().flatten().count()).saturating_sub(self.orm.identity.len());
        self.orm.identity.reserve(new_objects);
        self.orm.identity_order.reserve(new_objects);
        self.reserve_cycle_roots(new_objects);
        for r in rows.rows() {
            let mut off = 0;
            let mut vals = Vec::with_capacity(ents.len());
            for ((e, w), resolved) in ents.iter().zip(&widths).zip(&classes) {
                match e {
                    Ent::Class(_) => vals.push(match resolved {
                        Some((cls, m)) => self.instance_of_class(cls, m, r, off, true)?,
                        None => Value::None,
                    }),
                    Ent::Col { ty, .. } => {
                        let v = r.get(off).cloned().unwrap_or(SqlValue::Null);
                        vals.push(self.from_sql(&v, ty.as_ref())?);
                    }
                }
                off += w;
            }
            out.push(vals);
        }
        Ok(out)
    }

    /// Row keys of a query's entities: a class's name, an `aliased(..., name=)`'s name.
    pub fn ent_keys(&self, qo: &QueryObj) -> Rc<Vec<Rc<str>>> {
        let aliases = (qo.q.entities.len() == qo.ents.len()).then_some(&qo.q.entities);
        Rc::new(
            (qo.ents.iter().enumerate())
                .map(|(i, e)| match e {
                    Ent::Class(c) => match aliases.and_then(|a| a.get(i)) {
                        Some(crate::core::orm::query::Entity::Alias {
                            alias: crate::core::sql::TableRef::Named(n),
                            ..
                        }) => Rc::from(n.as_str()),
                        _ => c.clone(),
                    },
                    Ent::Col { key, .. } => key.clone(),
                })
                .collect(),
        )
    }

    /// Executes a query: legacy queries of one class give instances, others `Row`s. A
    /// legacy `Query` of entities uniques its rows (as SQLAlchemy's does); so does any
    /// query with a joined eager collection.
    pub fn query_all(&mut self, qo: &QueryObj) -> R<Vec<Value>> {
        let single = qo.ents.len() == 1 && matches!(qo.ents[0], Ent::Class(_));
        let mut loaded = self.load_query_as(&qo.q, &qo.ents, &[], &[], single)?;
        let entities = qo.ents.iter().any(|e| matches!(e, Ent::Class(_)));
        let unique = loaded.multi_row || (qo.legacy && loaded.may_repeat && entities);
        if let Some(instances) = loaded.instances.take() {
            if !unique {
                return Ok(instances);
            }
            loaded.rows = instances.into_iter().map(|v| vec![v]).collect();
        }
        let built = if unique {
            unique_rows(loaded.rows)
        } else {
            loaded.rows
        };
        if single {
            return Ok(built.into_iter().map(|mut r| r.remove(0)).collect());
        }
        let raw = self.ent_keys(qo);
        let sources = row_sources(qo, &raw);
        let keys = result_keys(raw, qo.legacy);
        Ok(built
            .into_iter()
            .map(|r| {
                Value::Native(Rc::new(Native::Row(RowObj {
                    keys: keys.clone(),
                    values: Rc::new(r),
                    orm: true,
                    sources: sources.clone(),
                })))
            })
            .collect())
    }

    /// `session.execute(select)` → Result (one needing `unique()` when a collection is
    /// joined).
    pub fn execute_select(&mut self, qo: &QueryObj) -> R<Value> {
        let loaded = match qo.core {
            true => self.without_autoflush(|it| it.load_query(&qo.q, &qo.ents, &[], &[]))?,
            false => self.load_query(&qo.q, &qo.ents, &[], &[])?,
        };
        let raw = self.ent_keys(qo);
        let sources = row_sources(qo, &raw);
        let keys = result_keys(raw, qo.legacy);
        let mut r = ResultObj::rows(keys, loaded.rows);
        r.unique_required = loaded.multi_row;
        r.orm = true;
        r.sources = sources;
        Ok(Value::Native(Rc::new(Native::Result(
            std::cell::RefCell::new(r),
        ))))
    }

    fn one_value(&mut self, qo: &QueryObj, kind: &str) -> R<Value> {
        let mut q = qo.clone();
        if kind != "one" && kind != "one_or_none" {
            q.q.limit = Some(1);
        }
        let items = self.query_all(&q)?;
        match kind {
            "first" => Ok(items.into_iter().next().unwrap_or(Value::None)),
            _ => match items.len() {
                0 if kind == "one_or_none" => Ok(Value::None),
                0 => self.raise("NoResultFound", "No row was found when one was required"),
                1 => Ok(items.into_iter().next().unwrap_or(Value::None)),
                _ if kind == "one_or_none" => self.raise(
                    "MultipleResultsFound",
                    "Multiple rows were found when one or none was required",
                ),
                _ => self.raise(
                    "MultipleResultsFound",
                    "Multiple rows were found when exactly one was required",
                ),
            },
        }
    }

    /// Count of a query.
    pub fn query_count(&mut self, qo: &QueryObj) -> R<i64> {
        let sel = match qo.q.count_statement(&self.orm.reg) {
            Ok(s) => s,
            Err(e) => return self.raise(e.class(), e.0),
        };
        let rows = self.run_select(sel)?;
        Ok(match rows.first().and_then(|r| r.first()) {
            Some(SqlValue::Integer(i)) => *i,
            _ => 0,
        })
    }
}

/// The rows without repeats (entities by identity, values by hash; a row holding an
/// unhashable value is kept).
pub fn unique_rows(rows: Vec<Vec<Value>>) -> Vec<Vec<Value>> {
    let mut seen: crate::core::fxhash::FxSet<Vec<crate::core::interp::value::HKey>> =
        crate::core::fxhash::FxSet::default();
    rows.into_iter()
        .filter(
            |r| match r.iter().map(Value::hkey).collect::<Option<Vec<_>>>() {
                Some(k) => seen.insert(k),
                None => true,
            },
        )
        .collect()
}

/// The keys of a `select()`'s rows: a key met again gets `_1`, `_2`... (SQLAlchemy 2.0's
/// de-duplicated result keys: `count`, `sum`, `count_1`); a legacy `Query` keeps its keys.
/// Each selected column's (table, column) when two columns share a key (see
/// [`RowObj::sources`]); `None` otherwise.
fn row_sources(qo: &QueryObj, keys: &[Rc<str>]) -> Option<super::result::Sources> {
    let repeated = (keys.iter().enumerate()).any(|(i, k)| !k.is_empty() && keys[..i].contains(k));
    if !repeated || qo.q.entities.len() != keys.len() {
        return None;
    }
    Some(
        (qo.q.entities.iter())
            .map(|e| match e {
                crate::core::orm::query::Entity::Expr(crate::core::sql::Expr::Column {
                    table: Some(crate::core::sql::TableRef::Named(t)),
                    name,
                }) => Some((Rc::from(t.as_str()), Rc::from(name.as_str()))),
                _ => None,
            })
            .collect(),
    )
}

fn result_keys(keys: Rc<Vec<Rc<str>>>, legacy: bool) -> Rc<Vec<Rc<str>>> {
    let repeated = keys
        .iter()
        .enumerate()
        .any(|(i, k)| !k.is_empty() && keys[..i].contains(k));
    if legacy || !repeated {
        return keys;
    }
    let mut seen: crate::core::fxhash::FxMap<Rc<str>, usize> =
        crate::core::fxhash::FxMap::default();
    let out = keys
        .iter()
        .map(|k| {
            if k.is_empty() {
                return k.clone();
            }
            let n = seen.entry(k.clone()).or_insert(0);
            let key = if *n == 0 {
                k.clone()
            } else {
                Rc::from(format!("{k}_{n}").as_str())
            };
            *n += 1;
            key
        })
        .collect();
    Rc::new(out)
}
