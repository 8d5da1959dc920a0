//! Statement execution: rendering and running SQL through the backend (one statement,
//! or `executemany`), the SQL log with its transaction markers, and driver errors
//! raised as SQLAlchemy wraps them.

use std::rc::Rc;

use crate::core::interp::exceptions::exc_instance;
use crate::core::interp::orm::insert::many_repr;
use crate::core::interp::value::Value;
use crate::core::interp::{
    Backend, BackendError, BackendErrorKind, Interp, LogEntry, LogParams, QueryResult, R,
    param_sets,
};
use crate::core::sql::{SqlValue, Statement, render};

/// How [`Interp::run_logged_with`] runs a statement: it keeps the result and answers
/// its number of rows.
type Exec<'a> = dyn FnMut(&mut dyn Backend, &Rc<str>) -> Result<usize, BackendError> + 'a;

impl Interp<'_> {
    /// Renders and runs a statement (opening a transaction first when `tx`).
    pub fn run_stmt(&mut self, stmt: &Statement, tx: bool) -> R<QueryResult> {
        let r = render(stmt);
        if r.no_froms {
            return self.no_froms();
        }
        self.run_sql(&r.sql, &r.params, tx)
    }

    /// SQLAlchemy's refusal of a SELECT nested as an expression that auto-correlation
    /// leaves with no FROM item (see [`crate::core::sql::render::NoFroms`]).
    pub(crate) fn no_froms<T>(&self) -> R<T> {
        self.raise(
            "InvalidRequestError",
            "Select statement '<sqlalchemy.sql.selectable.Select object at 0x7f0000000000>' returned no FROM clauses due to auto-correlation; specify correlate(<tables>) to control correlation manually.",
        )
    }

    /// Opens the session transaction, and SQLite's (pysqlite style: only before DML).
    fn begin_for(&mut self, sql: &str) -> R<()> {
        self.begin()?;
        if !self.orm.savepoints.is_empty() {
            self.emit_savepoints();
        }
        if !self.orm.sqlite_tx && is_dml(sql) {
            self.orm.sqlite_tx = true;
            let _ = self.backend.execute("BEGIN", &[]);
        }
        Ok(())
    }

    /// Appends a statement to the SQL log.
    pub(crate) fn log_statement(
        &mut self,
        sql: Rc<str>,
        params: LogParams,
        elapsed_ms: f64,
        rows: usize,
    ) {
        self.sql_log.push(LogEntry {
            sql,
            params,
            elapsed_ms,
            rows,
        });
    }

    /// The parameters the last logged statement showed (for its error message).
    fn last_shown(&self) -> String {
        self.sql_log
            .last()
            .map(|s| s.params.text())
            .unwrap_or_default()
    }

    /// Runs SQL text with parameters; logs it; maps errors to Python exceptions.
    /// The result's column names are left empty (see [`Self::run_sql_named`]).
    pub fn run_sql(&mut self, sql: &str, params: &[SqlValue], tx: bool) -> R<QueryResult> {
        self.run_shared_sql(Rc::from(sql), params, tx)
    }

    /// [`Self::run_sql`] with the result's column names (for `text()` results).
    pub fn run_sql_named(&mut self, sql: &str, params: &[SqlValue]) -> R<QueryResult> {
        self.run_logged(Rc::from(sql), params, true, true)
    }

    /// [`Self::run_sql`] for SQL text a cache already holds (logged without a copy).
    pub fn run_shared_sql(
        &mut self,
        sql: Rc<str>,
        params: &[SqlValue],
        tx: bool,
    ) -> R<QueryResult> {
        self.run_logged(sql, params, tx, false)
    }

    /// [`Self::run_shared_sql`] for the ORM's own SELECTs, which read rows by position:
    /// the rows' values in one vector, `width` per row (see [`FlatRows`]).
    pub fn run_flat_sql(&mut self, sql: Rc<str>, params: &[SqlValue], tx: bool) -> R<FlatRows> {
        let mut rows = FlatRows {
            width: 0,
            values: std::mem::take(&mut self.orm.flat_spare),
        };
        self.run_logged_with(sql, params, tx, &mut |b, sql| {
            rows.width = b.execute_flat(sql, params, &mut rows.values)?;
            Ok(rows.len())
        })?;
        Ok(rows)
    }

    fn run_logged(
        &mut self,
        sql: Rc<str>,
        params: &[SqlValue],
        tx: bool,
        names: bool,
    ) -> R<QueryResult> {
        let mut out = None;
        self.run_logged_with(sql, params, tx, &mut |b, sql| {
            let r = if names {
                b.execute(sql, params)
            } else {
                b.execute_shared(sql, params)
            }?;
            let n = r.rows.len();
            out = Some(r);
            Ok(n)
        })?;
        Ok(out.unwrap_or_default())
    }

    /// Runs a statement through `exec` (which keeps its result and answers its number of
    /// rows), logs it and maps a driver error to its Python exception.
    fn run_logged_with(
        &mut self,
        sql: Rc<str>,
        params: &[SqlValue],
        tx: bool,
        exec: &mut Exec<'_>,
    ) -> R<()> {
        // (The marker starts with `<`: most statements have none, told by one scan, and
        // a cached statement's shared text is scanned once.)
        if !self
            .orm
            .marker_checked
            .as_ref()
            .is_some_and(|c| Rc::ptr_eq(c, &sql))
        {
            if sql.as_bytes().contains(&b'<')
                && sql.contains(crate::core::sql::render::REGEXP_REPLACE)
            {
                return self.raise(
                    "CompileError",
                    "sqlite dialect does not support regular expression replacements",
                );
            }
            self.orm.marker_checked = Some(sql.clone());
        }
        if !self.orm.engine_connected {
            self.engine_connect()?;
        }
        if tx {
            self.begin_for(&sql)?;
        }
        if let Some((at, r)) = refused_param(params) {
            return self.raise_refused_bind(&sql, params, at, &r);
        }
        let started = self.backend.now_ms();
        let res = exec(&mut *self.backend, &sql);
        let elapsed_ms = self.backend.now_ms() - started;
        let rows = res.as_ref().map_or(0, |n| *n);
        self.log_statement(sql.clone(), LogParams::of(params), elapsed_ms, rows);
        match res {
            Ok(_) => Ok(()),
            Err(e) => {
                let value = Value::tuple(params.iter().map(plain_value).collect());
                let shown = self.last_shown();
                self.raise_db_error(e, &sql, &shown, value)
            }
        }
    }

    /// Runs one DML statement once per parameter set (`executemany`: one prepared
    /// statement, one log entry listing the sets as SQLAlchemy echoes them).
    /// The `sets` parameter sets lie one after the other in `values` (one vector for all).
    /// Returns the rows changed in all.
    pub fn run_sql_many(&mut self, sql: &str, sets: usize, values: &[SqlValue]) -> R<i64> {
        self.begin_for(sql)?;
        let started = self.backend.now_ms();
        let res = self.backend.execute_batch(sql, sets, values);
        let elapsed_ms = self.backend.now_ms() - started;
        self.log_statement(
            Rc::from(sql),
            LogParams::Text(many_repr(sets, values)),
            elapsed_ms,
            0,
        );
        match res {
            Ok(changed) => Ok(changed),
            Err(e) => {
                let value = Value::list(
                    param_sets(sets, values)
                        .map(|r| Value::tuple(r.iter().map(plain_value).collect()))
                        .collect(),
                );
                let shown = self.last_shown();
                self.raise_db_error(e, sql, &shown, value)
            }
        }
    }

    /// Raises a driver error as SQLAlchemy wraps it: `IntegrityError` /
    /// `OperationalError` with `orig`, `statement` and `params`.
    fn raise_db_error<T>(
        &mut self,
        e: BackendError,
        sql: &str,
        shown: &str,
        params: Value,
    ) -> R<T> {
        Err(self.db_error(e, sql, shown, params))
    }

    /// The exception of [`Self::raise_db_error`], built in one place.
    #[inline(never)]
    fn db_error(
        &mut self,
        e: BackendError,
        sql: &str,
        shown: &str,
        params: Value,
    ) -> Box<crate::core::interp::Exc> {
        let (cls, code) = match e.kind {
            BackendErrorKind::Integrity => ("IntegrityError", "gkpj"),
            BackendErrorKind::Operational => ("OperationalError", "e3q8"),
            BackendErrorKind::Programming => ("ProgrammingError", "f405"),
            BackendErrorKind::Interrupted => {
                let v = self.new_exc("KeyboardInterrupt", "");
                return self.exc_value_at(v);
            }
        };
        let orig = self.new_exc(&format!("sqlite3.{cls}"), &e.message);
        // (The driver's `sqlite_errorcode` / `sqlite_errorname`.)
        if let Value::Instance(o) = &orig {
            let name = sqlite_error_name(e.code);
            let mut d = o.dict.borrow_mut();
            d.insert(Rc::from("sqlite_errorcode"), Value::int(i64::from(e.code)));
            d.insert(Rc::from("sqlite_errorname"), Value::str(name));
        }
        self.dbapi_error((cls, code), orig, &e.message, sql, shown, params)
    }

    /// Raises the driver's refusal of a statement's parameter whose type SQLite cannot
    /// bind (`ProgrammingError: Error binding parameter 3: type 'list' is not supported`,
    /// 1-based), with the statement and its parameters: `params` as converted, the
    /// refused one as given.
    pub fn raise_refused_param<T>(
        &mut self,
        sql: &str,
        params: &[SqlValue],
        position: usize,
        value: &Value,
    ) -> R<T> {
        let mut shown: Vec<Value> = params.iter().map(plain_value).collect();
        if let Some(slot) = shown.get_mut(position - 1) {
            *slot = value.clone();
        }
        let params = Value::tuple(shown);
        let text = self.repr(&params)?;
        // (The driver refused it: the statement was logged, as SQLAlchemy logs it first.)
        self.log_statement(
            Rc::from(sql),
            crate::core::interp::LogParams::Text(text.clone()),
            0.0,
            0,
        );
        let t = self.qual_type_name(value);
        let msg = format!("Error binding parameter {position}: type '{t}' is not supported");
        let orig = self.new_exc("sqlite3.ProgrammingError", &msg);
        self.raise_dbapi(("ProgrammingError", "f405"), orig, &msg, sql, &text, params)
    }

    /// Raises the driver's refusal of parameter `at` (1-based) of `sql`, a value an
    /// expression kept unbound ([`SqlValue::Refused`]); the statement is logged first.
    fn raise_refused_bind<T>(
        &mut self,
        sql: &Rc<str>,
        params: &[SqlValue],
        at: usize,
        r: &crate::core::sql::value::RefusedParam,
    ) -> R<T> {
        self.log_statement(sql.clone(), LogParams::of(params), 0.0, 0);
        // (SQLite compiles the statement before binding: its syntax error comes first.)
        if let Err(e) = self.backend.execute(&format!("EXPLAIN {sql}"), &[]) {
            let value = Value::tuple(params.iter().map(plain_value).collect());
            let shown = self.last_shown();
            return self.raise_db_error(e, sql, &shown, value);
        }
        if r.type_name == crate::core::sql::value::BIG_INT {
            return self.raise(
                "OverflowError",
                "Python int too large to convert to SQLite INTEGER",
            );
        }
        let shown = self.last_shown();
        let value = Value::tuple(params.iter().map(plain_value).collect());
        let msg = format!(
            "Error binding parameter {at}: type '{}' is not supported",
            r.type_name
        );
        let orig = self.new_exc("sqlite3.ProgrammingError", &msg);
        self.raise_dbapi(("ProgrammingError", "f405"), orig, &msg, sql, &shown, value)
    }

    /// Raises DBAPI error class `cls` (with its background `code`) wrapping `orig`, for
    /// `sql` and its parameters (`shown` as printed).
    fn raise_dbapi<T>(
        &mut self,
        cls: (&str, &str),
        orig: Value,
        message: &str,
        sql: &str,
        shown: &str,
        params: Value,
    ) -> R<T> {
        Err(self.dbapi_error(cls, orig, message, sql, shown, params))
    }

    /// The exception of [`Self::raise_dbapi`], built in one place.
    #[inline(never)]
    fn dbapi_error(
        &mut self,
        (cls, code): (&str, &str),
        orig: Value,
        message: &str,
        sql: &str,
        shown: &str,
        params: Value,
    ) -> Box<crate::core::interp::Exc> {
        // (SQLAlchemy's `_sql_message` leaves the parameters out when they are empty.)
        let truthy = match self.truthy(&params) {
            Ok(t) => t,
            Err(e) => return e,
        };
        let shown = if truthy {
            format!("\n[parameters: {shown}]")
        } else {
            String::new()
        };
        // (`args` holds the first line; `str()` adds the statement, as
        // `StatementError.__str__` does.)
        let head = format!("(sqlite3.{cls}) {message}");
        let msg = format!(
            "{head}\n[SQL: {sql}]{shown}\n(Background on this error at: https://sqlalche.me/e/20/{code})"
        );
        let v = exc_instance(self.exc[cls].clone(), vec![Value::str(&head)]);
        if let Value::Instance(i) = &v {
            let mut d = i.dict.borrow_mut();
            d.insert(Rc::from("orig"), orig);
            d.insert(Rc::from("statement"), Value::str(sql));
            d.insert(Rc::from("params"), params);
            d.insert(Rc::from("_message"), Value::str(&msg));
            d.insert(Rc::from("code"), Value::str(code));
        }
        self.exc_value_at(v)
    }

    /// Keeps a small row buffer of [`Self::run_flat_sql`] for its next call (a lookup's
    /// rows: one buffer for all of a loop's lookups).
    pub fn recycle_rows(&mut self, mut rows: FlatRows) {
        if rows.values.capacity() <= 64 {
            rows.values.clear();
            self.orm.flat_spare = rows.values;
        }
    }

    pub(crate) fn log_marker(&mut self, s: &str) {
        self.sql_log.push(LogEntry {
            sql: s.into(),
            params: LogParams::Text(String::new()),
            elapsed_ms: 0.0,
            rows: 0,
        });
    }
}

/// A result's rows in one vector: `width` values per row, one row after the other.
pub struct FlatRows {
    /// Values per row (0: no rows).
    pub width: usize,
    /// The values.
    pub values: Vec<SqlValue>,
}

impl FlatRows {
    /// The rows.
    pub fn rows(&self) -> impl Iterator<Item = &[SqlValue]> {
        // (`chunks` wants a non-zero width; with a width of 0 there are no values.)
        self.values.chunks(self.width.max(1))
    }

    /// The rows, for taking their cells.
    pub fn rows_mut(&mut self) -> impl Iterator<Item = &mut [SqlValue]> {
        self.values.chunks_mut(self.width.max(1))
    }

    /// The number of rows.
    pub fn len(&self) -> usize {
        self.values.len().checked_div(self.width).unwrap_or(0)
    }

    /// True when there are no rows.
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }
}

/// The first parameter the driver would refuse: its 1-based position and what it is.
fn refused_param(
    params: &[SqlValue],
) -> Option<(usize, Rc<crate::core::sql::value::RefusedParam>)> {
    params.iter().enumerate().find_map(|(i, p)| match p {
        SqlValue::Refused(r) => Some((i + 1, r.clone())),
        _ => None,
    })
}

/// A parameter as the Python value the driver was given (for `IntegrityError.params`).
fn plain_value(v: &SqlValue) -> Value {
    match v {
        SqlValue::Null => Value::None,
        SqlValue::Integer(i) => Value::int(*i),
        SqlValue::Real(f) => Value::Float(*f),
        SqlValue::Text(s) => Value::Str(s.clone()),
        SqlValue::Blob(b) => Value::Native(Rc::new(crate::core::interp::orm::Native::Bytes(
            Rc::from(&b[..]),
        ))),
        SqlValue::Refused(r) => Value::str(&r.repr),
    }
}

fn is_dml(sql: &str) -> bool {
    // (A SELECT, the common case, is told by its first letter.)
    if sql
        .as_bytes()
        .first()
        .is_some_and(|b| b.eq_ignore_ascii_case(&b'S'))
    {
        return false;
    }
    let head = sql.trim_start().as_bytes();
    ["INSERT", "UPDATE", "DELETE", "REPLACE"].iter().any(|k| {
        head.get(..k.len())
            .is_some_and(|h| h.eq_ignore_ascii_case(k.as_bytes()))
    })
}

/// The name of SQLite's (extended) result code `code`, as Python's sqlite3 gives it in
/// `sqlite_errorname` (the codes a script's statements meet).
fn sqlite_error_name(code: i32) -> &'static str {
    match code {
        2067 => "SQLITE_CONSTRAINT_UNIQUE",
        1555 => "SQLITE_CONSTRAINT_PRIMARYKEY",
        1299 => "SQLITE_CONSTRAINT_NOTNULL",
        275 => "SQLITE_CONSTRAINT_CHECK",
        787 => "SQLITE_CONSTRAINT_FOREIGNKEY",
        1811 => "SQLITE_CONSTRAINT_TRIGGER",
        2579 => "SQLITE_CONSTRAINT_ROWID",
        19 => "SQLITE_CONSTRAINT",
        20 => "SQLITE_MISMATCH",
        25 => "SQLITE_RANGE",
        18 => "SQLITE_TOOBIG",
        9 => "SQLITE_INTERRUPT",
        5 => "SQLITE_BUSY",
        6 => "SQLITE_LOCKED",
        8 => "SQLITE_READONLY",
        _ => "SQLITE_ERROR",
    }
}
