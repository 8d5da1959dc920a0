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
        // (Refused by the interpreter before the statement reaches the driver.)
        SqlValue::Refused(_) => ToSqlOutput::Borrowed(ValueRef::Null),
    }
}

fn err(e: rusqlite::Error) -> BackendError {
    let kind = match &e {
        // (Python's sqlite3 maps SQLITE_MISMATCH to IntegrityError too.)
        rusqlite::Error::SqliteFailure(f, _)
            if matches!(
                f.code,
                rusqlite::ErrorCode::ConstraintViolation | rusqlite::ErrorCode::TypeMismatch
            ) =>
        {
            BackendErrorKind::Integrity
        }
        rusqlite::Error::SqliteFailure(f, _)
            if f.code == rusqlite::ErrorCode::OperationInterrupted =>
        {
            BackendErrorKind::Interrupted
        }
        rusqlite::Error::MultipleStatement => BackendErrorKind::Programming,
        _ => BackendErrorKind::Operational,
    };
    let message = match &e {
        rusqlite::Error::MultipleStatement => {
            "You can only execute one statement at a time.".to_owned()
        }
        rusqlite::Error::SqliteFailure(_, Some(m)) => m.clone(),
        rusqlite::Error::SqlInputError { msg, .. } => msg.clone(),
        other => other.to_string(),
    };
    let code = match &e {
        rusqlite::Error::SqliteFailure(f, _) => f.extended_code,
        rusqlite::Error::SqlInputError { error, .. } => error.extended_code,
        _ => 1,
    };
    BackendError {
        kind,
        message,
        code,
    }
}

/// The most statements a [`ScriptBackend`] keeps prepared (rusqlite's own cache keeps 16).
const KEPT_STATEMENTS: usize = 64;

/// [`Backend`] for one script run over a [`Database`]: it borrows the connection for
/// the run and keeps its prepared statements itself, each with the SQL text it was
/// prepared from. The statement used last is checked first, by the address of its text
/// when the ORM passes the `Rc` it caches (a repeated lookup compares no text); others
/// are found by their text. The statements are finalized when the run ends.
pub struct ScriptBackend<'c> {
    conn: &'c rusqlite::Connection,
    /// Prepared statements with their text (kept alive here, so an address identifies
    /// one text for as long as its entry lives).
    stmts: Vec<(Rc<str>, Statement<'c>)>,
    /// The entry used last.
    last: usize,
    /// The entry a new statement replaces once [`KEPT_STATEMENTS`] are kept (in turn).
    evict: usize,
}

impl Database {
    /// The interpreter's [`Backend`] for one run (see [`ScriptBackend`]).
    pub fn script_backend(&self) -> ScriptBackend<'_> {
        ScriptBackend {
            conn: self.connection(),
            stmts: Vec::new(),
            last: 0,
            evict: 0,
        }
    }
}

impl<'c> ScriptBackend<'c> {
    /// The index of the prepared statement for `sql` (`shared`: the caller's `Rc` of
    /// it, when it has one), preparing it when it is not kept yet.
    fn statement(
        &mut self,
        sql: &str,
        shared: Option<&Rc<str>>,
    ) -> Result<Option<usize>, BackendError> {
        let same = |e: &(Rc<str>, Statement<'c>)| {
            shared.is_some_and(|rc| Rc::ptr_eq(&e.0, rc)) || *e.0 == *sql
        };
        if self.stmts.get(self.last).is_some_and(same) {
            return Ok(Some(self.last));
        }
        let i = match self.stmts.iter().position(|e| *e.0 == *sql) {
            Some(i) => i,
            None => {
                // As Python's sqlite3 prepares: a text without a statement (whitespace,
                // `;`, comments) runs as nothing; text after the first statement other
                // than whitespace and comments (another statement, a second `;`) is
                // refused, told by lexing alone (SQLite never prepares it).
                let Some(first) = crate::core::sqltext::split_statements(sql).first().cloned()
                else {
                    return Ok(None);
                };
                let rest = &sql[first.span.end..];
                if !crate::core::sqltext::only_comments(rest.strip_prefix(';').unwrap_or(rest)) {
                    return Err(err(rusqlite::Error::MultipleStatement));
                }
                // (Prepared as rusqlite's cache prepares: the trimmed text, persistent.)
                let stmt = self
                    .conn
                    .prepare_with_flags(sql.trim(), rusqlite::PrepFlags::SQLITE_PREPARE_PERSISTENT)
                    .map_err(err)?;
                let entry = (shared.cloned().unwrap_or_else(|| Rc::from(sql)), stmt);
                if self.stmts.len() < KEPT_STATEMENTS {
                    self.stmts.push(entry);
                    self.stmts.len() - 1
                } else {
                    let i = self.evict;
                    self.evict = (i + 1) % KEPT_STATEMENTS;
                    self.stmts[i] = entry;
                    i
                }
            }
        };
        self.last = i;
        Ok(Some(i))
    }

    /// Runs one statement, appending its rows' values to `out` (one row after the
    /// other); returns the number of result columns (0: a statement without rows), the
    /// column names when `names`, and the rows a statement without rows changed.
    fn run(
        &mut self,
        sql: &str,
        shared: Option<&Rc<str>>,
        params: &[SqlValue],
        names: bool,
        out: &mut Vec<SqlValue>,
    ) -> Result<(usize, std::sync::Arc<[String]>, i64), BackendError> {
        let Some(i) = self.statement(sql, shared)? else {
            return Ok((0, no_columns(), -1));
        };
        let conn = self.conn;
        let stmt = &mut self.stmts[i].1;
        if params.len() != stmt.parameter_count() {
            // (Bindings left from an earlier use: cleared, as rusqlite's cache does.)
            stmt.clear_bindings();
        }
        bind(stmt, params)?;
        let ncols = stmt.column_count();
        if ncols == 0 {
            stmt.raw_execute().map_err(err)?;
            // (Python's sqlite3 counts the statement's own changes, not those of foreign
            // key actions or triggers, and only for INSERT/UPDATE/DELETE/REPLACE: -1 else.)
            let rowcount = if is_dml(sql) {
                conn.changes() as i64
            } else {
                -1
            };
            return Ok((0, no_columns(), rowcount));
        }
        let columns: std::sync::Arc<[String]> = if names {
            stmt.column_names().map(|s| s.to_string()).collect()
        } else {
            no_columns()
        };
        let reals = returning_reals(stmt, sql);
        let start = out.len();
        let mut q = stmt.raw_query();
        while let Some(row) = q.next().map_err(err)? {
            // (Room for the row: a one-row result allocates once, more rows double it.)
            out.reserve(ncols);
            for i in 0..ncols {
                out.push(sql_value(row.get_ref(i).map_err(err)?));
            }
        }
        if let Some(reals) = reals {
            for (k, v) in out[start..].iter_mut().enumerate() {
                if reals[k % ncols] {
                    stored_real(v);
                }
            }
        }
        Ok((ncols, columns, -1))
    }

    /// One statement's result with a vector per row.
    fn run_statement(
        &mut self,
        sql: &str,
        shared: Option<&Rc<str>>,
        params: &[SqlValue],
        names: bool,
    ) -> Result<QueryResult, BackendError> {
        let mut values = Vec::new();
        let (ncols, columns, rowcount) = self.run(sql, shared, params, names, &mut values)?;
        let rows = match ncols {
            0 => Vec::new(),
            n => values.chunks(n).map(<[SqlValue]>::to_vec).collect(),
        };
        Ok(QueryResult {
            columns,
            rows,
            rowcount,
            lastrowid: self.conn.last_insert_rowid(),
        })
    }
}

/// For an INSERT or UPDATE with RETURNING, the result columns that name a column of REAL
/// affinity. SQLite 3.40 (Python 3.11's, whose output ormlab reproduces) returns their
/// values as stored, without the REAL affinity a read applies: a whole number within
/// ±2^47 comes back as an integer (`RETURNING price` gives `7` for `7.0`). Later versions
/// apply the affinity; expressions and DELETE's RETURNING are the same in both.
fn returning_reals(stmt: &Statement<'_>, sql: &str) -> Option<Vec<bool>> {
    // (A SELECT, the common case, is told by SQLite without reading the text.)
    if stmt.readonly() || !starts_with_keyword(sql, &["insert", "update", "replace"]) {
        return None;
    }
    let reals: Vec<bool> = stmt
        .columns()
        .map(|c| c.decl_type().is_some_and(real_affinity))
        .collect();
    reals.contains(&true).then_some(reals)
}

/// SQLite's rule for a declared type of REAL affinity (no `INT`, `CHAR`, `CLOB`, `TEXT`
/// or `BLOB` in it, and `REAL`, `FLOA` or `DOUB`).
fn real_affinity(decl: &str) -> bool {
    let d = decl.to_ascii_uppercase();
    let has = |k: &str| d.contains(k);
    !has("INT")
        && !has("CHAR")
        && !has("CLOB")
        && !has("TEXT")
        && !has("BLOB")
        && (has("REAL") || has("FLOA") || has("DOUB"))
}

/// A REAL value as SQLite 3.40 stores it: a whole number within ±2^47 as an integer.
fn stored_real(v: &mut SqlValue) {
    const LIMIT: f64 = 140_737_488_355_328.0;
    if let SqlValue::Real(r) = *v
        && r.fract() == 0.0
        && (-LIMIT..LIMIT).contains(&r)
    {
        *v = SqlValue::Integer(r as i64);
    }
}

/// Binds `params` to `stmt`.
fn bind(stmt: &mut Statement<'_>, params: &[SqlValue]) -> Result<(), BackendError> {
    for (k, p) in params.iter().enumerate() {
        stmt.raw_bind_parameter(k + 1, to_sql(p)).map_err(err)?;
    }
    Ok(())
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

    fn unix_time_us(&self) -> Option<i64> {
        Some(crate::engine::clock::unix_time_us())
    }

    fn execute_batch(
        &mut self,
        sql: &str,
        sets: usize,
        values: &[SqlValue],
    ) -> Result<i64, BackendError> {
        let Some(i) = self.statement(sql, None)? else {
            return Ok(0);
        };
        let stmt = &mut self.stmts[i].1;
        // (No bindings left from an earlier use: the sets bind every parameter.)
        stmt.clear_bindings();
        let mut changed = 0;
        for row in crate::core::interp::param_sets(sets, values) {
            bind(stmt, row)?;
            changed += stmt.raw_execute().map_err(err)? as i64;
        }
        Ok(changed)
    }

    fn execute(&mut self, sql: &str, params: &[SqlValue]) -> Result<QueryResult, BackendError> {
        self.run_statement(sql, None, params, true)
    }

    fn parameter_count(&mut self, sql: &str) -> Option<usize> {
        let i = self.statement(sql, None).ok()??;
        Some(self.stmts[i].1.parameter_count())
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
        Ok(self.run(sql, Some(sql), params, false, out)?.0)
    }
}

/// Python 3.11's `sqlite3` notion of a DML statement (its `rowcount` counts changes only
/// for these): after leading whitespace, `INSERT`, `UPDATE`, `DELETE` or `REPLACE`.
fn is_dml(sql: &str) -> bool {
    starts_with_keyword(sql, &["insert", "update", "delete", "replace"])
}

/// True when `sql`, after leading whitespace, starts with one of `keywords` (any case).
fn starts_with_keyword(sql: &str, keywords: &[&str]) -> bool {
    let s = sql.trim_start_matches([' ', '\r', '\n', '\t']).as_bytes();
    // (The first letters first: a SELECT, the common case, is told by its `S`.)
    (keywords.iter()).any(|k| {
        s.len() >= k.len()
            && s[0].eq_ignore_ascii_case(&k.as_bytes()[0])
            && s[..k.len()].eq_ignore_ascii_case(k.as_bytes())
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn statements_are_kept_found_and_evicted() {
        let db = Database::open_in_memory().expect("db");
        let mut b = db.script_backend();
        b.execute("CREATE TABLE t (a INTEGER, b TEXT)", &[])
            .expect("create");
        let ins: Rc<str> = Rc::from("INSERT INTO t (a, b) VALUES (?, ?)");
        let one = [SqlValue::Integer(1), SqlValue::Text("x".into())];
        assert_eq!(b.execute_shared(&ins, &one).expect("insert").rowcount, 1);
        // Fewer parameters than placeholders: the others are NULL, not the last values.
        b.execute_shared(&ins, &[SqlValue::Integer(2)])
            .expect("insert");
        let select: Rc<str> = Rc::from("SELECT a, b FROM t ORDER BY a");
        let rows = vec![
            vec![SqlValue::Integer(1), SqlValue::Text("x".into())],
            vec![SqlValue::Integer(2), SqlValue::Null],
        ];
        assert_eq!(b.execute(&select, &[]).expect("select").rows, rows);
        // More distinct statements than are kept: each still runs, the oldest make room.
        for k in 0..KEPT_STATEMENTS as i64 + 10 {
            let r = b.execute(&format!("SELECT {k}"), &[]).expect("select k");
            assert_eq!(r.rows, vec![vec![SqlValue::Integer(k)]]);
        }
        assert_eq!(b.stmts.len(), KEPT_STATEMENTS);
        let mut out = Vec::new();
        assert_eq!(b.execute_flat(&select, &[], &mut out).expect("flat"), 2);
        assert_eq!(out, rows.concat());
        // An error is a value, and the backend stays usable.
        assert!(b.execute("SELECT * FROM missing", &[]).is_err());
        assert_eq!(b.execute_shared(&select, &[]).expect("again").rows, rows);
    }
}
