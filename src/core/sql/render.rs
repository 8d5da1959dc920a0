//! The single renderer: statements → SQL text with `?` placeholders and positional parameters,
//! byte for byte as SQLAlchemy 2.0's SQLite dialect sends them.

use crate::core::fxhash::FxMap;

use super::expr::{ANON_LABEL, Expr, Op, TableRef};
use super::ident::quote;
use super::stmt::{
    Correlate, Delete, FromItem, Insert, LabelStyle, OnConflict, Select, Statement, Update,
};
use super::value::SqlValue;

mod cte;
mod ddl;
mod dml;
mod expr;
mod select;
use ddl::{create_index, create_table};

/// How `regexp_replace()` renders: no dialect here has it, and a statement holding it
/// fails before it reaches SQLite (SQLAlchemy's SQLite compiler refuses it).
pub const REGEXP_REPLACE: &str = "<regexp replace>";

/// A rendered statement: SQL text plus its positional parameters.
#[derive(Debug, Clone, PartialEq)]
pub struct Rendered {
    /// SQL text exactly as sent to SQLite (`?` placeholders).
    pub sql: String,
    /// One value per `?`, in order.
    pub params: Vec<SqlValue>,
    /// A SELECT nested as an expression was left with no FROM item by auto-correlation,
    /// which SQLAlchemy refuses ([`NoFroms`]); its FROM items were all kept.
    pub no_froms: bool,
}

/// A SELECT nested as an expression whose FROM items are all the enclosing SELECT's:
/// auto-correlation leaves it none, and SQLAlchemy refuses to compile it
/// (`InvalidRequestError: Select statement ... returned no FROM clauses due to
/// auto-correlation`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct NoFroms;

impl Rendered {
    /// The parameters as SQLAlchemy's echo log shows them: a Python tuple (`()`, `(1,)`, `('a', 2)`).
    pub fn params_repr(&self) -> String {
        let items: Vec<String> = self.params.iter().map(SqlValue::py_repr).collect();
        match items.len() {
            1 => format!("({},)", items[0]),
            _ => format!("({})", items.join(", ")),
        }
    }

    /// Log form: the SQL, then the parameter tuple on its own line (SQLAlchemy echo without timing).
    pub fn display(&self) -> String {
        format!("{}\n{}", self.sql, self.params_repr())
    }
}

/// Render any statement.
pub fn render(stmt: &Statement) -> Rendered {
    let mut r = Renderer::default();
    let sql = match stmt {
        Statement::Select(s) => r.select(s, false),
        Statement::Insert(i) => r.insert(i),
        Statement::Update(u) => r.update(u),
        Statement::Delete(d) => r.delete(d),
        Statement::CreateTable(t) => create_table(t),
        Statement::CreateIndex(i) => create_index(i),
        Statement::DropTable(t) => format!("\nDROP TABLE {}", quote(&t.name)),
        Statement::DropIndex(i) => format!("\nDROP INDEX {}", quote(&i.name)),
        Statement::Text(sql, params) => {
            r.params.extend(params.iter().cloned());
            sql.clone()
        }
    };
    Rendered {
        sql,
        params: r.params,
        no_froms: r.no_froms,
    }
}

/// A SELECT as `str(select(...))` prints it in SQLAlchemy (the default dialect, not the
/// SQLite one used to run it): named binds `:name_1`, `__[POSTCOMPILE_x_1]` for IN
/// lists, the generic reserved words (`"user"` is quoted), `LIMIT` without a forced
/// `OFFSET`.
pub fn render_generic(sel: &Select) -> Result<String, NoFroms> {
    let mut r = Renderer {
        dialect: Dialect::Generic,
        ..Renderer::default()
    };
    let sql = r.select(sel, false);
    if r.no_froms { Err(NoFroms) } else { Ok(sql) }
}

/// A SELECT as `str(query)` prints a legacy Query (its session's SQLite dialect): `?`
/// placeholders, but an IN list as its expanding parameter, `(__[POSTCOMPILE_id_1])`.
pub fn render_sqlite_str(sel: &Select) -> Result<String, NoFroms> {
    let mut r = Renderer {
        postcompile: true,
        ..Renderer::default()
    };
    let sql = r.select(sel, false);
    if r.no_froms { Err(NoFroms) } else { Ok(sql) }
}

/// A bind parameter of a compiled statement: its name, its value (the values of an
/// expanding IN), and whether it expands.
pub type NamedParam = (String, Vec<SqlValue>, bool);

/// A statement as `stmt.compile(...)` prints it: with SQLite's dialect (`compile(db.engine)`)
/// or the default one, its bound values as placeholders or, with `literal_binds`, written in.
pub fn render_compiled(stmt: &Statement, sqlite: bool, literal_binds: bool) -> String {
    render_compiled_params(stmt, sqlite, literal_binds).0
}

impl Renderer {
    /// The renderer of `compile(...)`: SQLite's dialect or the default one, bound values
    /// as placeholders (SQLite's expanding ones post-compiled) or written in.
    fn compiling(sqlite: bool, literal_binds: bool) -> Self {
        Renderer {
            dialect: if sqlite {
                Dialect::Sqlite
            } else {
                Dialect::Generic
            },
            literal_binds,
            postcompile: sqlite && !literal_binds,
            ..Renderer::default()
        }
    }
}

/// [`render_compiled`] and the named parameters (`Compiled.params`).
pub fn render_compiled_params(
    stmt: &Statement,
    sqlite: bool,
    literal_binds: bool,
) -> (String, Vec<NamedParam>) {
    let mut r = Renderer::compiling(sqlite, literal_binds);
    let sql = match stmt {
        Statement::Select(s) => r.select(s, false),
        Statement::Update(u) => r.update(u),
        Statement::Delete(d) => r.delete(d),
        Statement::Insert(i) => r.insert(i),
        other => render(other).sql,
    };
    (sql, r.named)
}

/// A column expression as `expr.compile(...)` prints it ([`render_compiled_params`] for an
/// expression alone: `t.v = :v_1`, or with SQLite's dialect `t.v = ?`).
pub fn render_expr_compiled(
    e: &Expr,
    sqlite: bool,
    literal_binds: bool,
) -> (String, Vec<NamedParam>) {
    let mut r = Renderer::compiling(sqlite, literal_binds);
    let sql = r.expr(e, Ctx::Normal);
    (sql, r.named)
}

/// A value written as a SQL literal, as `literal_binds` writes it (`generic`: the default
/// dialect, else SQLite's).
pub fn literal_value(v: &SqlValue, generic: bool) -> String {
    literal(
        v,
        if generic {
            Dialect::Generic
        } else {
            Dialect::Sqlite
        },
    )
}

/// A bound value written as a SQL literal (SQLAlchemy's literal processors: strings
/// quoted with `'` doubled, numbers as Python prints them).
///
/// A bound value is already in its stored form; the default dialect writes a datetime as
/// Python's `str()` does, so a value in SQLite's DateTime storage format with no
/// microseconds (`'2024-01-02 03:04:05.000000'`) loses its `.000000` there.
fn literal(v: &SqlValue, dialect: Dialect) -> String {
    match v {
        SqlValue::Null => "NULL".into(),
        SqlValue::Integer(i) => i.to_string(),
        SqlValue::Real(f) => crate::core::py::float::float_repr(*f),
        SqlValue::Text(t) if dialect == Dialect::Generic && is_stored_whole_second(t) => {
            format!("'{}'", &t[..19])
        }
        SqlValue::Text(t) => format!("'{}'", t.replace('\'', "''")),
        SqlValue::Blob(b) => {
            let hex: String = b.iter().map(|x| format!("{x:02X}")).collect();
            format!("X'{hex}'")
        }
        SqlValue::Refused(r) => r.repr.clone(),
    }
}

/// `YYYY-MM-DD HH:MM:SS.000000`: a DateTime as SQLite stores it, on a whole second.
fn is_stored_whole_second(t: &str) -> bool {
    let b = t.as_bytes();
    b.len() == 26
        && t.ends_with(".000000")
        && b.iter().enumerate().all(|(i, c)| match i {
            4 | 7 => *c == b'-',
            10 => *c == b' ',
            13 | 16 => *c == b':',
            19 => *c == b'.',
            _ => c.is_ascii_digit(),
        })
}

/// An expression as `str(expr)` prints it in SQLAlchemy (the default dialect:
/// `"user".name = :name_1`).
pub fn render_expr_generic(e: &Expr) -> String {
    let mut r = Renderer {
        dialect: Dialect::Generic,
        ..Renderer::default()
    };
    r.expr(e, Ctx::Normal)
}

/// An expression inside DDL (a server default, an index element, a partial index's
/// condition), as SQLAlchemy's DDL compiler writes it: SQLite's dialect, bound values written
/// in as literals, columns without their table (`lower(email)`, `points DESC`, `date('now')`).
pub fn render_ddl_expr(e: &Expr) -> String {
    let e = e.replace_columns(&|t, name| {
        t.map(|_| Expr::Column {
            table: None,
            name: name.to_string(),
        })
    });
    let mut r = Renderer {
        literal_binds: true,
        ..Renderer::default()
    };
    r.expr(&e, Ctx::Normal)
}

/// SQLite's upsert clause alone, as `str()` of an INSERT construct prints it (`?`
/// placeholders, or with `literal_binds` the values written in), and its named parameters
/// (`Compiled.params`: `views_1` for `excluded.views + 1`, `param_1` for a plain value).
pub fn render_on_conflict(oc: &OnConflict, literal_binds: bool) -> (String, Vec<NamedParam>) {
    let mut r = Renderer {
        literal_binds,
        postcompile: !literal_binds,
        ..Renderer::default()
    };
    let sql = r.on_conflict(oc);
    (sql, r.named)
}

/// An expression as it is written inside a statement sent to SQLite (`upper(?)`), with
/// the values of its placeholders in order.
pub fn render_expr(e: &Expr) -> Rendered {
    let mut r = Renderer::default();
    let sql = r.expr(e, Ctx::Normal);
    Rendered {
        sql,
        params: r.params,
        no_froms: r.no_froms,
    }
}

/// An UPDATE or DELETE as `str(update(...))` prints it in SQLAlchemy's default dialect
/// (`UPDATE "user" SET name=:name WHERE "user".id = :id_1`).
pub fn render_dml_generic(stmt: &Statement) -> String {
    let mut r = Renderer {
        dialect: Dialect::Generic,
        ..Renderer::default()
    };
    match stmt {
        Statement::Update(u) => r.update(u),
        Statement::Delete(d) => r.delete(d),
        other => render(other).sql,
    }
}

/// The name SQLAlchemy gives a bind compared with `e`: the column's name, the
/// function's name, else `param`.
/// `l LIKE r` for the LIKE family: `startswith` appends `|| '%'`, `endswith` prepends
/// `'%' ||`, `contains` both.
fn like_text(l: &str, op: Op, r: &str) -> String {
    match op {
        Op::StartsWith | Op::NotStartsWith => format!("{l} {} {r} || '%'", op.sql()),
        Op::EndsWith | Op::NotEndsWith => format!("{l} {} '%' || {r}", op.sql()),
        Op::Contains | Op::NotContains => format!("{l} {} '%' || {r} || '%'", op.sql()),
        _ => format!("{l} {} {r}", op.sql()),
    }
}

fn bind_base(e: &Expr) -> String {
    match e {
        Expr::Column { name, .. } => name.clone(),
        Expr::Func { name, .. } => name.to_ascii_lowercase(),
        Expr::Grouping(inner) => bind_base(inner),
        _ => "param".into(),
    }
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum Ctx {
    Normal,
    OrderBy,
}

/// Which SQL flavour to print.
#[derive(Clone, Copy, Default, PartialEq, Eq)]
enum Dialect {
    /// What is sent to SQLite: `?` placeholders, SQLite's reserved words.
    #[default]
    Sqlite,
    /// `str(select(...))` in SQLAlchemy: the default (generic) dialect, named binds
    /// (`:name_1`), expanding IN (`__[POSTCOMPILE_id_1]`), generic reserved words.
    Generic,
}

#[derive(Default)]
struct Renderer {
    dialect: Dialect,
    /// Generic dialect: the name the next bind parameter is called after.
    bind_hint: Option<String>,
    params: Vec<SqlValue>,
    /// anonymous alias → assigned number
    aliases: FxMap<(String, u32), u32>,
    /// next number per anonymous-name stem
    counters: FxMap<String, u32>,
    /// The tables and aliases each enclosing statement selects from, innermost last (what a
    /// nested SELECT correlates to).
    enclosing: Vec<Vec<TableRef>>,
    /// Set just before rendering a SELECT nested as an expression (it correlates), as
    /// opposed to a top-level statement, a FROM subquery or a set operation's part.
    nested_expr: bool,
    /// Bound values are written into the SQL as literals (`compile_kwargs={'literal_binds':
    /// True}`) instead of placeholders.
    literal_binds: bool,
    /// `str()` of a statement in the SQLite dialect (a legacy Query): bound parameters are
    /// named as in the default dialect (the anonymous counters advance) though shown as
    /// `?`, and an expanding IN shows as `(__[POSTCOMPILE_name_N])`.
    postcompile: bool,
    /// The CTEs met so far (`name AS \n(SELECT ...)`), stated in the WITH clause of the
    /// outermost SELECT; the names of those met (a recursive CTE names itself inside).
    ctes: Vec<String>,
    cte_names: Vec<String>,
    /// The CTEs' parameters (they come first: the WITH clause leads the statement).
    cte_params: Vec<SqlValue>,
    /// A CTE met is recursive: `WITH RECURSIVE`.
    ctes_recursive: bool,
    /// The anonymous labels of the SELECT whose ORDER BY is rendered.
    col_labels: Vec<String>,
    /// The named bind parameters met, in order, with their values (an expanding IN's
    /// list whole): `Compiled.params`.
    named: Vec<(String, Vec<SqlValue>, bool)>,
    /// The names given to the bind parameters met (by [`super::expr::BindId`]).
    bind_ids: FxMap<u32, String>,
    /// See [`Rendered::no_froms`].
    no_froms: bool,
}

impl Renderer {
    /// An identifier, quoted as the dialect requires.
    fn q<'a>(&self, name: &'a str) -> std::borrow::Cow<'a, str> {
        match self.dialect {
            Dialect::Sqlite => quote(name),
            Dialect::Generic => super::ident::quote_generic(name),
        }
    }

    /// Generic dialect: `:name_N` for the next bind called `base`.
    fn bind_name(&mut self, base: &str) -> String {
        // (One counter per name, shared with anonymous labels such as `count_1`.)
        let n = self.counters.entry(base.to_string()).or_insert(0);
        *n += 1;
        format!("{base}_{n}")
    }

    fn next_anon(&mut self, base: &str) -> String {
        let n = self.counters.entry(base.to_string()).or_insert(0);
        *n += 1;
        format!("{base}_{n}")
    }

    fn table_name(&mut self, t: &TableRef) -> String {
        match t {
            TableRef::Named(n) => n.clone(),
            TableRef::Anon { base, id } => {
                let key = (base.clone(), *id);
                if let Some(n) = self.aliases.get(&key) {
                    return format!("{base}_{n}");
                }
                let n = self.counters.entry(base.clone()).or_insert(0);
                *n += 1;
                let n = *n;
                self.aliases.insert(key, n);
                format!("{base}_{n}")
            }
        }
    }

    /// A label's name: an anonymous one numbered on first use (`anon_2`, `upper_1`).
    fn label_name(&mut self, name: &str) -> String {
        let anon = name
            .strip_prefix(ANON_LABEL)
            .and_then(|l| l.split_once('#'));
        // (`<stem>#<id>#<suffix>`: the alias's name followed by a suffix, the label a
        // column of that alias has in a subquery, `anon_2_post_id`.)
        let anon = anon.map(|(stem, rest)| match rest.split_once('#') {
            Some((id, suffix)) => (stem, id, suffix),
            None => (stem, rest, ""),
        });
        match anon.and_then(|(stem, id, suffix)| Some((stem, id.parse().ok()?, suffix))) {
            Some((base, id, suffix)) => {
                let alias = self.table_name(&TableRef::Anon {
                    base: base.into(),
                    id,
                });
                format!("{alias}{suffix}")
            }
            None => name.to_string(),
        }
    }

    fn and_list(&mut self, items: &[Expr]) -> String {
        let parts: Vec<String> = super::expr::boolean_clauses(Op::And, items.to_vec())
            .iter()
            .map(|e| self.expr(e, Ctx::Normal))
            .collect();
        parts.join(" AND ")
    }
}

#[cfg(test)]
mod tests;
