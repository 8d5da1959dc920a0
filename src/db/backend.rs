//! [`crate::core::interp::Backend`] over rusqlite: a run's prepared statements, kept by
//! the backend and found by the address of the SQL text the ORM caches.

use std::rc::Rc;

use rusqlite::Statement;
use rusqlite::types::{ToSqlOutput, ValueRef};

use crate::core::interp::{Backend, BackendError, BackendErrorKind, QueryResult};
use crate::core::sql::SqlValue;

use super::Database;

thread_local! {
    /// The column names of a result that leaves them out (shared: no allocation per query).
    static NO_COLUMNS: std::sync::Arc<[String]> = std::sync::Arc::from([]);
}

fn no_columns() -> std::sync::Arc<[String]> {
    NO_COLUMNS.with(|c| c.clone())
}

fn to_sql(v: &SqlValue) -> ToSqlOutput<'_> {
    match v {
        SqlValue::Null => ToSqlOutput::Borrowed(ValueRef::Null),
        SqlValue::Integer(i) => ToSqlOutput::Borrowed(ValueRef::Integer(*i)),
        SqlValue::Real(f) => ToSqlOutput::Borrowed(ValueRef::Real(*f)),
        SqlValue::Text(s) => ToSqlOutput::Borrowed(ValueRef::Text(s.as_bytes())),
        SqlValue::Blob(b) => ToSqlOutput::Borrowed(ValueRef::Blob(b)),
    }
}

fn err(e: rusqlite::Error) -> BackendError {
    let kind = match &e {
        rusqlite::Error::SqliteFailure(f, _)
            if f.code == rusqlite::ErrorCode::ConstraintViolation =>
        {
            BackendErrorKind::Integrity
        }
        rusqlite::Error::SqliteFailure(f, _)
            if f.code == rusqlite::ErrorCode::OperationInterrupted =>
        {
            BackendErrorKind::Interrupted
        }
        _ => BackendErrorKind::Operational,
    };
    let message = match &e {
        rusqlite::Error::SqliteFailure(_, Some(m)) => m.clone(),
        rusqlite::Error::SqlInputError { msg, .. } => msg.clone(),
        other => other.to_string(),
    };
    BackendError { kind, message }
}

/// The most statements a [`ScriptBackend`] keeps prepared (rusqlite's own cache keeps 16).
const KEPT_STATEMENTS: usize = 64;

/// [`Backend`] for one script run over a [`Database`]: it borrows the connection for
/// the run and keeps its prepared statements itself, each with the SQL text it was
/// prepared from. A statement whose text the ORM keeps in a cache (the same `Rc`) is
/// found by the text's address, so a repeated lookup hashes and compares no text; other
/// text is compared byte for byte. The statements are finalized when the run ends.
pub struct ScriptBackend<'c> {
    conn: &'c rusqlite::Connection,
    /// Prepared statements with their text (kept alive here, so an address identifies
    /// one text for as long as its entry lives) and when each was last used.
    stmts: Vec<(Rc<str>, Statement<'c>, u64)>,
    /// The entry used last (checked first: a loop repeats one statement).
    last: usize,
    /// Uses so far (the clock of the least-recently-used eviction).
    uses: u64,
}

impl Database {
    /// The interpreter's [`Backend`] for one run (see [`ScriptBackend`]).
    pub fn script_backend(&self) -> ScriptBackend<'_> {
        ScriptBackend {
            conn: self.connection(),
            stmts: Vec::new(),
            last: 0,
            uses: 0,
        }
    }
}

impl<'c> ScriptBackend<'c> {
    /// The index of the prepared statement for `sql` (`shared`: the caller's `Rc` of
    /// it, when it has one), preparing it when it is not kept yet.
    fn statement(&mut self, sql: &str, shared: Option<&Rc<str>>) -> Result<usize, BackendError> {
        self.uses += 1;
        let found = match shared {
            Some(rc)
                if self
                    .stmts
                    .get(self.last)
                    .is_some_and(|e| Rc::ptr_eq(&e.0, rc)) =>
            {
                Some(self.last)
            }
            Some(rc) => self.stmts.iter().position(|e| Rc::ptr_eq(&e.0, rc)),
            None => None,
        }
        .or_else(|| self.stmts.iter().position(|e| *e.0 == *sql));
        let i = match found {
            Some(i) => i,
            None => {
                // (Prepared as rusqlite's cache prepares: the trimmed text, persistent.)
                let stmt = self
                    .conn
                    .prepare_with_flags(sql.trim(), rusqlite::PrepFlags::SQLITE_PREPARE_PERSISTENT)
                    .map_err(err)?;
                let text = shared.cloned().unwrap_or_else(|| Rc::from(sql));
                if self.stmts.len() < KEPT_STATEMENTS {
                    self.stmts.push((text, stmt, 0));
                    self.stmts.len() - 1
                } else {
                    let oldest = (0..self.stmts.len())
                        .min_by_key(|&i| self.stmts[i].2)
                        .unwrap_or(0);
                    self.stmts[oldest] = (text, stmt, 0);
                    oldest
                }
            }
        };
        self.stmts[i].2 = self.uses;
        self.last = i;
        Ok(i)
    }

    /// Binds `params` to statement `i` (clearing bindings the parameters do not cover).
    fn bind(&mut self, i: usize, params: &[SqlValue]) -> Result<(), BackendError> {
        let stmt = &mut self.stmts[i].1;
        if params.len() != stmt.parameter_count() {
            stmt.clear_bindings();
        }
        for (k, p) in params.iter().enumerate() {
            stmt.raw_bind_parameter(k + 1, to_sql(p)).map_err(err)?;
        }
        Ok(())
    }

    /// One statement's rows into `out`, `ncols` values each; returns `ncols`.
    fn run_flat(
        &mut self,
        sql: &Rc<str>,
        params: &[SqlValue],
        out: &mut Vec<SqlValue>,
    ) -> Result<usize, BackendError> {
        let i = self.statement(sql, Some(sql))?;
        self.bind(i, params)?;
        let stmt = &mut self.stmts[i].1;
        let ncols = stmt.column_count();
        if ncols == 0 {
            stmt.raw_execute().map_err(err)?;
            return Ok(0);
        }
        let mut q = stmt.raw_query();
        while let Some(row) = q.next().map_err(err)? {
            // (Room for the row: a one-row result allocates once, more rows double it.)
            out.reserve(ncols);
            for i in 0..ncols {
                out.push(sql_value(row.get_ref(i).map_err(err)?));
            }
        }
        Ok(ncols)
    }

    /// One statement; column names only when `names`.
    fn run_statement(
        &mut self,
        sql: &str,
        shared: Option<&Rc<str>>,
        params: &[SqlValue],
        names: bool,
    ) -> Result<QueryResult, BackendError> {
        let i = self.statement(sql, shared)?;
        self.bind(i, params)?;
        let conn = self.conn;
        let stmt = &mut self.stmts[i].1;
        let ncols = stmt.column_count();
        if ncols == 0 {
            let before = conn.total_changes();
            stmt.raw_execute().map_err(err)?;
            return Ok(QueryResult {
                columns: no_columns(),
                rows: vec![],
                rowcount: (conn.total_changes() - before) as i64,
                lastrowid: conn.last_insert_rowid(),
            });
        }
        let columns: std::sync::Arc<[String]> = if names {
            stmt.column_names().map(|s| s.to_string()).collect()
        } else {
            no_columns()
        };
        let mut rows = Vec::new();
        let mut q = stmt.raw_query();
        while let Some(row) = q.next().map_err(err)? {
            let mut out = Vec::with_capacity(ncols);
            for i in 0..ncols {
                out.push(sql_value(row.get_ref(i).map_err(err)?));
            }
            rows.push(out);
        }
        Ok(QueryResult {
            columns,
            rows,
            rowcount: -1,
            lastrowid: conn.last_insert_rowid(),
        })
    }
}

/// A value SQLite returned, as the interpreter's (text checked as UTF-8 once, then shared).
fn sql_value(v: ValueRef<'_>) -> SqlValue {
    match v {
        ValueRef::Null => SqlValue::Null,
        ValueRef::Integer(i) => SqlValue::Integer(i),
        ValueRef::Real(f) => SqlValue::Real(f),
        ValueRef::Text(t) => SqlValue::Text(match std::str::from_utf8(t) {
            Ok(s) => Rc::from(s),
            Err(_) => Rc::from(String::from_utf8_lossy(t)),
        }),
        ValueRef::Blob(b) => SqlValue::Blob(b.to_vec()),
    }
}

impl Backend for ScriptBackend<'_> {
    fn now_ms(&self) -> f64 {
        crate::engine::clock::now_ms()
    }

    fn execute_batch(&mut self, sql: &str, rows: &[Vec<SqlValue>]) -> Result<(), BackendError> {
        let i = self.statement(sql, None)?;
        for row in rows {
            self.bind(i, row)?;
            self.stmts[i].1.raw_execute().map_err(err)?;
        }
        Ok(())
    }

    fn execute(&mut self, sql: &str, params: &[SqlValue]) -> Result<QueryResult, BackendError> {
        self.run_statement(sql, None, params, true)
    }

    fn execute_rows(
        &mut self,
        sql: &str,
        params: &[SqlValue],
    ) -> Result<QueryResult, BackendError> {
        self.run_statement(sql, None, params, false)
    }

    fn execute_shared(
        &mut self,
        sql: &Rc<str>,
        params: &[SqlValue],
    ) -> Result<QueryResult, BackendError> {
        self.run_statement(sql, Some(sql), params, false)
    }

    fn execute_flat(
        &mut self,
        sql: &Rc<str>,
        params: &[SqlValue],
        out: &mut Vec<SqlValue>,
    ) -> Result<usize, BackendError> {
        self.run_flat(sql, params, out)
    }
}
