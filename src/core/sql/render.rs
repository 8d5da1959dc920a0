//! The single renderer: statements → SQL text with `?` placeholders and positional parameters,
//! byte for byte as SQLAlchemy 2.0's SQLite dialect sends them.

use std::collections::HashMap;

use super::expr::{ANON_LABEL, Expr, Op, TableRef};
use super::ident::quote;
use super::stmt::{Correlate, Delete, FromItem, Insert, LabelStyle, Select, Statement, Update};
use super::value::SqlValue;

mod cte;
mod ddl;
use ddl::{create_index, create_table};

/// A rendered statement: SQL text plus its positional parameters.
#[derive(Debug, Clone, PartialEq)]
pub struct Rendered {
    /// SQL text exactly as sent to SQLite (`?` placeholders).
    pub sql: String,
    /// One value per `?`, in order.
    pub params: Vec<SqlValue>,
}

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
    }
}

/// A SELECT as `str(select(...))` prints it in SQLAlchemy (the default dialect, not the
/// SQLite one used to run it): named binds `:name_1`, `__[POSTCOMPILE_x_1]` for IN
/// lists, the generic reserved words (`"user"` is quoted), `LIMIT` without a forced
/// `OFFSET`.
pub fn render_generic(sel: &Select) -> String {
    let mut r = Renderer {
        dialect: Dialect::Generic,
        ..Renderer::default()
    };
    r.select(sel, false)
}

/// A SELECT as `str(query)` prints a legacy Query (its session's SQLite dialect): `?`
/// placeholders, but an IN list as its expanding parameter, `(__[POSTCOMPILE_id_1])`.
pub fn render_sqlite_str(sel: &Select) -> String {
    let mut r = Renderer {
        postcompile: true,
        ..Renderer::default()
    };
    r.select(sel, false)
}

/// A statement as `stmt.compile(...)` prints it: with SQLite's dialect (`compile(db.engine)`)
/// or the default one, its bound values as placeholders or, with `literal_binds`, written in.
pub fn render_compiled(stmt: &Statement, sqlite: bool, literal_binds: bool) -> String {
    let mut r = Renderer {
        dialect: if sqlite {
            Dialect::Sqlite
        } else {
            Dialect::Generic
        },
        literal_binds,
        postcompile: sqlite && !literal_binds,
        ..Renderer::default()
    };
    match stmt {
        Statement::Select(s) => r.select(s, false),
        Statement::Update(u) => r.update(u),
        Statement::Delete(d) => r.delete(d),
        Statement::Insert(i) => r.insert(i),
        other => render(other).sql,
    }
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

/// An expression as it is written inside a statement sent to SQLite (`upper(?)`), with
/// the values of its placeholders in order.
pub fn render_expr(e: &Expr) -> Rendered {
    let mut r = Renderer::default();
    let sql = r.expr(e, Ctx::Normal);
    Rendered {
        sql,
        params: r.params,
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
        Expr::Label { name, .. } if !name.starts_with(ANON_LABEL) => name.clone(),
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
    aliases: HashMap<(String, u32), u32>,
    /// next number per anonymous-name stem
    counters: HashMap<String, u32>,
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
        match anon.and_then(|(stem, id)| Some((stem, id.parse().ok()?))) {
            Some((base, id)) => self.table_name(&TableRef::Anon {
                base: base.into(),
                id,
            }),
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

    /// The FROM items a SELECT displays: all of them, but for a SELECT nested as an
    /// expression those it correlates to an enclosing statement (SQLAlchemy's
    /// `_get_display_froms`).
    fn display_froms<'s>(&self, s: &'s Select, nested_expr: bool) -> Vec<&'s FromItem> {
        let mut froms: Vec<&FromItem> = s.from.iter().collect();
        let Some(inner) = self.enclosing.last().filter(|_| nested_expr) else {
            return froms;
        };
        let anywhere = |r: &TableRef| self.enclosing.iter().any(|level| level.contains(r));
        let before = froms.len();
        match &s.correlate {
            Correlate::Auto if before > 1 => {
                froms.retain(|f| !f.table_ref().is_some_and(|r| inner.contains(&r)));
                // SQLAlchemy refuses a SELECT left with no FROM; keep them all instead.
                if froms.is_empty() {
                    froms = s.from.iter().collect();
                }
            }
            Correlate::Auto | Correlate::Off => {}
            Correlate::Only(these) => froms.retain(|f| {
                !f.table_ref()
                    .is_some_and(|r| these.contains(&r) && anywhere(&r))
            }),
            Correlate::Except(these) => froms.retain(|f| {
                !f.table_ref()
                    .is_some_and(|r| !these.contains(&r) && anywhere(&r))
            }),
        }
        froms
    }

    fn select(&mut self, s: &Select, as_from: bool) -> String {
        let nested_expr = std::mem::take(&mut self.nested_expr);
        let froms = self.display_froms(s, nested_expr);
        let mut level = Vec::new();
        for f in &froms {
            f.table_refs(&mut level);
        }
        let top = self.enclosing.is_empty();
        self.enclosing.push(level);
        let out = self.select_body(s, as_from, &froms);
        self.enclosing.pop();
        self.with_clause(top, out)
    }

    fn select_body(&mut self, s: &Select, as_from: bool, froms: &[&FromItem]) -> String {
        let mut out = String::from("SELECT ");
        if s.distinct {
            out.push_str("DISTINCT ");
        }
        let mut used: Vec<String> = Vec::new();
        let cols: Vec<String> = s
            .columns
            .iter()
            .map(|c| self.select_column(c, s.label_style, as_from, &mut used))
            .collect();
        out.push_str(&cols.join(", "));
        if !froms.is_empty() {
            let froms: Vec<String> = froms.iter().map(|f| self.render_from(f)).collect();
            out.push_str(" \nFROM ");
            out.push_str(&froms.join(", "));
        }
        if !s.where_.is_empty() {
            out.push_str(" \nWHERE ");
            out.push_str(&self.and_list(&s.where_));
        }
        if !s.group_by.is_empty() {
            let g: Vec<String> = s
                .group_by
                .iter()
                .map(|e| self.expr(e, Ctx::Normal))
                .collect();
            out.push_str(" GROUP BY ");
            out.push_str(&g.join(", "));
        }
        if !s.having.is_empty() {
            out.push_str(" \nHAVING ");
            out.push_str(&self.and_list(&s.having));
        }
        for (op, part) in &s.compound {
            out.push(' ');
            out.push_str(op.keyword());
            out.push(' ');
            out.push_str(&self.select(part, as_from));
        }
        if !s.order_by.is_empty() {
            let labels = s.columns.iter().filter_map(|c| match c {
                Expr::Label { name, .. } if name.starts_with(ANON_LABEL) => Some(name.clone()),
                _ => None,
            });
            let outer = std::mem::replace(&mut self.col_labels, labels.collect());
            let o: Vec<String> = s
                .order_by
                .iter()
                .map(|e| self.expr(e, Ctx::OrderBy))
                .collect();
            self.col_labels = outer;
            out.push_str(" ORDER BY ");
            out.push_str(&o.join(", "));
        }
        if self.dialect == Dialect::Generic {
            // The generic compiler's limit_clause.
            if let Some(l) = &s.limit {
                out.push_str("\n LIMIT ");
                out.push_str(&self.expr(l, Ctx::Normal));
            }
            if let Some(o) = &s.offset {
                if s.limit.is_none() {
                    out.push_str("\n LIMIT -1");
                }
                out.push_str(" OFFSET ");
                out.push_str(&self.expr(o, Ctx::Normal));
            }
        } else if s.limit.is_some() || s.offset.is_some() {
            out.push_str("\n LIMIT ");
            let limit = s.limit.clone().unwrap_or(Expr::Bind(SqlValue::Integer(-1)));
            out.push_str(&self.expr(&limit, Ctx::Normal));
            out.push_str(" OFFSET ");
            let offset = s.offset.clone().unwrap_or(Expr::Bind(SqlValue::Integer(0)));
            out.push_str(&self.expr(&offset, Ctx::Normal));
        }
        out
    }

    fn select_column(
        &mut self,
        c: &Expr,
        style: LabelStyle,
        as_from: bool,
        used: &mut Vec<String>,
    ) -> String {
        match c {
            Expr::Label { name, expr } => {
                let name = self.label_name(name);
                used.push(name.clone());
                let inner = self.expr(expr, Ctx::Normal);
                format!("{inner} AS {}", self.q(&name))
            }
            Expr::Column { table, name } => {
                let text = self.expr(c, Ctx::Normal);
                match style {
                    LabelStyle::TablenamePlusCol => match table {
                        Some(t) => {
                            let label = format!("{}_{}", self.table_name(t), name);
                            format!("{text} AS {}", self.q(&label))
                        }
                        None => text,
                    },
                    LabelStyle::DisambiguateOnly => {
                        if used.contains(name) {
                            let label = self.next_anon(name);
                            used.push(label.clone());
                            format!("{text} AS {}", self.q(&label))
                        } else {
                            used.push(name.clone());
                            if as_from {
                                format!("{text} AS {}", self.q(name))
                            } else {
                                text
                            }
                        }
                    }
                }
            }
            // (A cast of a column, and a negated Boolean column, keep the column's label.)
            Expr::Cast { expr, .. } | Expr::AsBoolean { expr, .. }
                if matches!(**expr, Expr::Column { .. }) =>
            {
                let text = self.expr(c, Ctx::Normal);
                if let Expr::Column {
                    table: Some(t),
                    name,
                } = &**expr
                {
                    let label = match style {
                        LabelStyle::TablenamePlusCol => format!("{}_{}", self.table_name(t), name),
                        LabelStyle::DisambiguateOnly => name.clone(),
                    };
                    format!("{text} AS {}", self.q(&label))
                } else {
                    text
                }
            }
            // SQLAlchemy labels no negation (`-col` stays unlabeled).
            Expr::Raw(_) | Expr::Text { .. } | Expr::Star | Expr::Unary { op: Op::Neg, .. } => {
                self.expr(c, Ctx::Normal)
            }
            // (The anonymous label is numbered before what it labels, as SQLAlchemy
            // names it first: `coalesce(x, :coalesce_2) AS coalesce_1`.)
            Expr::Func { name, .. } => {
                let label = self.next_anon(name);
                let text = self.expr(c, Ctx::Normal);
                format!("{text} AS {}", self.q(&label))
            }
            _ => {
                let label = self.next_anon("anon");
                let text = self.expr(c, Ctx::Normal);
                format!("{text} AS {label}")
            }
        }
    }

    fn render_from(&mut self, f: &FromItem) -> String {
        match f {
            FromItem::Table(t) => self.q(t).into_owned(),
            FromItem::Alias { table, alias } => {
                let a = self.table_name(alias);
                format!("{} AS {}", self.q(table), self.q(&a))
            }
            FromItem::Subquery {
                select,
                alias,
                cte: Some(recursive),
            } => self.cte(select, alias, *recursive),
            FromItem::Subquery { select, alias, .. } => {
                // Named when visited, before its contents (as SQLAlchemy numbers them:
                // `SELECT count(*) FROM (SELECT anon_2.x ... ) AS anon_1`).
                let a = self.table_name(alias);
                let inner = self.select(select, true);
                format!("({inner}) AS {}", self.q(&a))
            }
            FromItem::Join {
                left,
                right,
                on,
                outer,
            } => {
                let l = self.render_from(left);
                let r = self.render_from(right);
                let r = if matches!(**right, FromItem::Join { .. }) {
                    format!("({r})")
                } else {
                    r
                };
                let on = self.expr(on, Ctx::Normal);
                let kw = if *outer { "LEFT OUTER JOIN" } else { "JOIN" };
                format!("{l} {kw} {r} ON {on}")
            }
        }
    }

    fn expr(&mut self, e: &Expr, ctx: Ctx) -> String {
        match e {
            Expr::Column { table, name } => match table {
                Some(t) => {
                    let t = self.table_name(t);
                    format!("{}.{}", self.q(&t), self.q(name))
                }
                None => self.q(name).into_owned(),
            },
            Expr::Bind(v) if self.literal_binds => literal(v, self.dialect),
            Expr::Bind(v) => {
                self.params.push(v.clone());
                match self.dialect {
                    Dialect::Sqlite => {
                        if self.postcompile {
                            let base = self.bind_hint.clone().unwrap_or_else(|| "param".into());
                            self.bind_name(&base);
                        }
                        "?".into()
                    }
                    Dialect::Generic => {
                        let base = self.bind_hint.clone().unwrap_or_else(|| "param".into());
                        format!(":{}", self.bind_name(&base))
                    }
                }
            }
            Expr::Raw(s) => s.clone(),
            Expr::Text { sql, binds } => match self.dialect {
                Dialect::Generic => sql.clone(),
                Dialect::Sqlite => {
                    let (pos, names) = super::text::positional(sql);
                    for n in names {
                        let v = binds.iter().find(|(k, _)| *k == n).map(|(_, v)| v.clone());
                        self.params.push(v.unwrap_or(SqlValue::Null));
                    }
                    pos
                }
            },
            Expr::Bool(b) => match (self.dialect, b) {
                (Dialect::Sqlite, true) => "1".into(),
                (Dialect::Sqlite, false) => "0".into(),
                (Dialect::Generic, true) => "true".into(),
                (Dialect::Generic, false) => "false".into(),
            },
            Expr::AsBoolean { expr, is_true } => {
                let inner = self.expr(expr, Ctx::Normal);
                match (self.dialect, is_true) {
                    (Dialect::Sqlite, true) => format!("{inner} = 1"),
                    (Dialect::Sqlite, false) => format!("{inner} = 0"),
                    (Dialect::Generic, true) => inner,
                    (Dialect::Generic, false) => format!("NOT {inner}"),
                }
            }
            Expr::Null => "NULL".into(),
            Expr::Star => "*".into(),
            Expr::Binary { left, op, right } => self.binary(left, *op, right),
            Expr::List { op, items } => {
                let sep = match op {
                    Op::Comma => ", ".to_string(),
                    o => format!(" {} ", o.sql()),
                };
                let parts: Vec<String> = items.iter().map(|i| self.expr(i, Ctx::Normal)).collect();
                parts.join(&sep)
            }
            Expr::Unary { op, operand } => {
                let inner = self.expr(operand, Ctx::Normal);
                match op {
                    Op::Neg => format!("-{inner}"),
                    o => format!("{} {inner}", o.sql()),
                }
            }
            Expr::Order { expr, desc } => {
                let inner = self.expr(expr, ctx);
                format!("{inner} {}", if *desc { "DESC" } else { "ASC" })
            }
            Expr::Nulls { expr, last } => {
                let inner = self.expr(expr, ctx);
                format!("{inner} NULLS {}", if *last { "LAST" } else { "FIRST" })
            }
            Expr::Func { name, args } => self.func(name, args),
            // (An anonymous label is named in ORDER BY only when the SELECT has it.)
            Expr::Label { name, expr }
                if !name.starts_with(ANON_LABEL) || self.col_labels.contains(name) =>
            {
                if ctx == Ctx::OrderBy {
                    let name = self.label_name(name);
                    self.q(&name).into_owned()
                } else {
                    self.expr(expr, ctx)
                }
            }
            Expr::Label { expr, .. } => self.expr(expr, ctx),
            Expr::LabelRef(name) => self.q(name).into_owned(),
            Expr::Grouping(inner) => format!("({})", self.expr(inner, Ctx::Normal)),
            Expr::Case {
                subject,
                whens,
                else_,
            } => {
                let mut s = String::from("CASE");
                if let Some(x) = subject {
                    s.push(' ');
                    s.push_str(&self.expr(x, Ctx::Normal));
                }
                for (c, v) in whens {
                    let c = self.expr(c, Ctx::Normal);
                    let v = self.expr(v, Ctx::Normal);
                    s.push_str(&format!(" WHEN {c} THEN {v}"));
                }
                if let Some(e) = else_ {
                    let e = self.expr(e, Ctx::Normal);
                    s.push_str(&format!(" ELSE {e}"));
                }
                s.push_str(" END");
                s
            }
            Expr::Cast { expr, ty } => {
                format!("CAST({} AS {})", self.expr(expr, Ctx::Normal), ty.ddl())
            }
            // Only reached outside a LIKE-family operator (which renders the ESCAPE itself).
            Expr::Escape { pattern, .. } => self.expr(pattern, Ctx::Normal),
            // Only reached outside its custom operator's binary.
            Expr::CustomOperand { operand, .. } => self.expr(operand, Ctx::Normal),
            Expr::Over {
                func,
                partition_by,
                order_by,
            } => {
                let f = self.expr(func, Ctx::Normal);
                let mut parts = vec![];
                if !partition_by.is_empty() {
                    let p: Vec<String> = partition_by
                        .iter()
                        .map(|e| self.expr(e, Ctx::Normal))
                        .collect();
                    parts.push(format!("PARTITION BY {}", p.join(", ")));
                }
                if !order_by.is_empty() {
                    let o: Vec<String> =
                        order_by.iter().map(|e| self.expr(e, Ctx::Normal)).collect();
                    parts.push(format!("ORDER BY {}", o.join(", ")));
                }
                format!("{f} OVER ({})", parts.join(" "))
            }
            Expr::Select(s) => {
                self.nested_expr = true;
                format!("({})", self.select(s, false))
            }
        }
    }

    fn binary(&mut self, left: &Expr, op: Op, right: &Expr) -> String {
        let l = self.expr(left, Ctx::Normal);
        if self.dialect == Dialect::Generic || self.postcompile {
            let base = bind_base(left);
            if matches!(op, Op::In | Op::NotIn)
                && matches!(right, Expr::List { items, .. } if items.iter().all(|i| matches!(i, Expr::Bind(_))))
            {
                // An expanding parameter: its values are rendered at execution (or here,
                // as literals).
                let mut values = vec![];
                if let Expr::List { items, .. } = right {
                    for i in items {
                        if let Expr::Bind(v) = i {
                            values.push(v.clone());
                        }
                    }
                }
                let r = if self.literal_binds {
                    let v: Vec<String> = values
                        .iter()
                        .map(|x| literal(x, Dialect::Generic))
                        .collect();
                    format!("({})", v.join(", "))
                } else {
                    self.params.extend(values);
                    format!("(__[POSTCOMPILE_{}])", self.bind_name(&base))
                };
                return if op == Op::NotIn {
                    format!("({l} NOT IN {r})")
                } else {
                    format!("{l} IN {r}")
                };
            }
            let saved = self.bind_hint.replace(base);
            let out = self.binary_sides(&l, op, right);
            self.bind_hint = saved;
            return out;
        }
        self.binary_sides(&l, op, right)
    }

    fn binary_sides(&mut self, l: &str, op: Op, right: &Expr) -> String {
        if let Expr::Escape { pattern, escape } = right {
            let s = self.binary_sides(l, op, pattern);
            let c = escape.to_string().replace('\'', "''");
            return format!("{s} ESCAPE '{c}'");
        }
        // `ilike` and friends: both sides lowered, then the LIKE operator.
        if let Some(cs) = op.case_sensitive() {
            let r = format!("lower({})", self.expr(right, Ctx::Normal));
            return like_text(&format!("lower({l})"), cs, &r);
        }
        match op {
            Op::In | Op::NotIn => {
                let r = match right {
                    Expr::List { items, .. } if items.is_empty() => {
                        "(SELECT 1 FROM (SELECT 1) WHERE 1!=1)".to_string()
                    }
                    Expr::List { .. } => format!("({})", self.expr(right, Ctx::Normal)),
                    other => self.expr(other, Ctx::Normal),
                };
                if op == Op::NotIn {
                    format!("({l} NOT IN {r})")
                } else {
                    format!("{l} IN {r}")
                }
            }
            Op::StartsWith
            | Op::NotStartsWith
            | Op::EndsWith
            | Op::NotEndsWith
            | Op::Contains
            | Op::NotContains => {
                let r = self.expr(right, Ctx::Normal);
                like_text(l, op, &r)
            }
            Op::FloorDiv => format!("FLOOR({l} / {})", self.expr(right, Ctx::Normal)),
            Op::Collate => match right {
                Expr::Raw(name) => format!("{l} COLLATE {}", self.q(name)),
                other => format!("{l} COLLATE {}", self.expr(other, Ctx::Normal)),
            },
            Op::Custom(_) => match right {
                Expr::CustomOperand { op, operand } => {
                    format!("{l} {op} {}", self.expr(operand, Ctx::Normal))
                }
                other => format!("{l} {}", self.expr(other, Ctx::Normal)),
            },
            Op::JsonGet | Op::JsonGetAs => {
                let r = self.expr(right, Ctx::Normal);
                match (self.dialect, op) {
                    (Dialect::Generic, _) => format!("{l}[{r}]"),
                    (_, Op::JsonGet) => format!("JSON_QUOTE(JSON_EXTRACT({l}, {r}))"),
                    _ => format!("JSON_EXTRACT({l}, {r})"),
                }
            }
            _ => format!("{l} {} {}", op.sql(), self.expr(right, Ctx::Normal)),
        }
    }

    fn func(&mut self, name: &str, args: &[Expr]) -> String {
        let lower = name.to_ascii_lowercase();
        if args.is_empty() {
            match lower.as_str() {
                "now" | "current_timestamp" => return "CURRENT_TIMESTAMP".into(),
                "current_date" => return "CURRENT_DATE".into(),
                "current_time" => return "CURRENT_TIME".into(),
                "localtimestamp" => return "LOCALTIMESTAMP".into(),
                "localtime" => return "LOCALTIME".into(),
                "count" => return "count(*)".into(),
                _ => {}
            }
        }
        let name = if lower == "char_length" {
            "length"
        } else {
            name
        };
        // A plain value given to a function is a parameter named after it (`:round_1`).
        let mut parts = Vec::with_capacity(args.len());
        for a in args {
            let part = if let Expr::Bind(_) = a {
                let saved = self.bind_hint.replace(lower.clone());
                let p = self.expr(a, Ctx::Normal);
                self.bind_hint = saved;
                p
            } else {
                self.expr(a, Ctx::Normal)
            };
            parts.push(part);
        }
        format!("{name}({})", parts.join(", "))
    }

    /// `UPDATE t SET c=? WHERE ...`; the default dialect names a SET value's bind after
    /// its column (`name=:name`).
    fn update(&mut self, u: &Update) -> String {
        self.enclosing.push(vec![TableRef::Named(u.table.clone())]);
        let mut sets = Vec::with_capacity(u.set.len());
        for (c, v) in &u.set {
            let val = match (self.dialect, v) {
                (Dialect::Generic, Expr::Bind(_)) if !self.literal_binds => format!(":{c}"),
                (_, v) => self.expr(v, Ctx::Normal),
            };
            sets.push(format!("{}={val}", self.q(c)));
        }
        let mut s = format!("UPDATE {} SET {}", self.q(&u.table), sets.join(", "));
        if !u.where_.is_empty() {
            s.push_str(" WHERE ");
            s.push_str(&self.and_list(&u.where_));
        }
        self.returning(&mut s, &u.returning);
        s
    }

    /// ` RETURNING a, b` (nothing when there are no columns).
    fn returning(&mut self, s: &mut String, cols: &[String]) {
        if !cols.is_empty() {
            let r: Vec<String> = cols.iter().map(|c| quote(c).into_owned()).collect();
            s.push_str(" RETURNING ");
            s.push_str(&r.join(", "));
        }
    }

    /// `DELETE FROM t WHERE ...`.
    fn delete(&mut self, d: &Delete) -> String {
        self.enclosing.push(vec![TableRef::Named(d.table.clone())]);
        let mut s = format!("DELETE FROM {}", self.q(&d.table));
        if !d.where_.is_empty() {
            s.push_str(" WHERE ");
            s.push_str(&self.and_list(&d.where_));
        }
        self.returning(&mut s, &d.returning);
        s
    }

    fn insert(&mut self, i: &Insert) -> String {
        let mut s = format!("INSERT INTO {}", quote(&i.table));
        if i.columns.is_empty() {
            s.push_str(" DEFAULT VALUES");
        } else {
            let cols: Vec<String> = i.columns.iter().map(|c| quote(c).into_owned()).collect();
            let rows: Vec<String> = i
                .rows
                .iter()
                .map(|row| {
                    let vals: Vec<String> = row.iter().map(|v| self.expr(v, Ctx::Normal)).collect();
                    format!("({})", vals.join(", "))
                })
                .collect();
            s.push_str(&format!(
                " ({}) VALUES {}",
                cols.join(", "),
                rows.join(", ")
            ));
        }
        self.returning(&mut s, &i.returning);
        s
    }
}

#[cfg(test)]
mod tests;
