//! [`crate::core::interp::Backend`] over rusqlite: prepared statements cached per SQL text.

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

impl Backend for Database {
    fn now_ms(&self) -> f64 {
        crate::engine::clock::now_ms()
    }

    fn execute_batch(&mut self, sql: &str, rows: &[Vec<SqlValue>]) -> Result<(), BackendError> {
        let mut stmt = self.connection().prepare_cached(sql).map_err(err)?;
        for row in rows {
            for (i, p) in row.iter().enumerate() {
                stmt.raw_bind_parameter(i + 1, to_sql(p)).map_err(err)?;
            }
            stmt.raw_execute().map_err(err)?;
        }
        Ok(())
    }

    fn execute(&mut self, sql: &str, params: &[SqlValue]) -> Result<QueryResult, BackendError> {
        self.run_statement(sql, params, true)
    }

    fn execute_rows(
        &mut self,
        sql: &str,
        params: &[SqlValue],
    ) -> Result<QueryResult, BackendError> {
        self.run_statement(sql, params, false)
    }
}

impl Database {
    /// One statement through the statement cache; column names only when `names`.
    fn run_statement(
        &mut self,
        sql: &str,
        params: &[SqlValue],
        names: bool,
    ) -> Result<QueryResult, BackendError> {
        let conn = self.connection();
        let mut stmt = conn.prepare_cached(sql).map_err(err)?;
        for (i, p) in params.iter().enumerate() {
            stmt.raw_bind_parameter(i + 1, to_sql(p)).map_err(err)?;
        }
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
                out.push(match row.get_ref(i).map_err(err)? {
                    ValueRef::Null => SqlValue::Null,
                    ValueRef::Integer(i) => SqlValue::Integer(i),
                    ValueRef::Real(f) => SqlValue::Real(f),
                    ValueRef::Text(t) => SqlValue::Text(match std::str::from_utf8(t) {
                        Ok(s) => std::rc::Rc::from(s),
                        Err(_) => std::rc::Rc::from(String::from_utf8_lossy(t)),
                    }),
                    ValueRef::Blob(b) => SqlValue::Blob(b.to_vec()),
                });
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
