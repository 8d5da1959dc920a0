//! [`Engine`]: a database and the console's last results, answering [`Request`]s.

use super::clock;
use super::protocol::{Block, BlockKind, EngineError, Request, Response};
use super::protocol::{LoggedStatement, PrintedTable, ScriptError, ScriptOutcome};
use crate::core::diag::{LineIndex, Span};
use crate::core::interp::{self, RunOptions, Source};
use crate::core::nplus1;
use crate::core::sqltext::split_statements;
use crate::db::{Database, DbError, Outcome, Param, TableInfo, Value};
use crate::json::RawJson;

/// The longest statement text kept in a [`Block`] for display.
const BLOCK_SQL_CHARS: usize = 300;

/// A database and the results of the last console run.
pub struct Engine {
    db: Database,
    /// The last console run's result sets: column names and rows.
    results: Vec<(Vec<String>, Vec<Vec<Value>>)>,
    result_base: u32,
    can_interrupt: bool,
}

impl Engine {
    /// An engine over a fresh in-memory database.
    pub fn new() -> Result<Self, EngineError> {
        let db = Database::open_in_memory().map_err(|e| EngineError::plain(e.to_string()))?;
        Ok(Self::with_database(db))
    }

    /// An engine over an already open database (e.g. a persistent one).
    pub fn with_database(db: Database) -> Self {
        Engine {
            db,
            results: Vec::new(),
            result_base: 0,
            can_interrupt: false,
        }
    }

    /// Installs the Stop check (called every few thousand SQLite VM steps).
    pub fn set_interrupt_check(&mut self, check: crate::db::InterruptCheck) {
        self.db.set_interrupt_check(check);
        self.can_interrupt = true;
    }

    /// The database, for layers built on the engine.
    pub fn database(&mut self) -> &mut Database {
        &mut self.db
    }

    /// Answers one request. `bytes` carries the payload of [`Request::Import`]; the
    /// returned bytes are the payload of [`Response::Exported`].
    pub fn handle(&mut self, req: Request, bytes: Option<Vec<u8>>) -> (Response, Option<Vec<u8>>) {
        let plain = |e: DbError| Response::Error {
            error: EngineError::plain(e.to_string()),
        };
        let resp = match req {
            Request::Open => Response::Opened {
                sqlite_version: Database::sqlite_version().to_owned(),
                engine_version: env!("CARGO_PKG_VERSION").to_owned(),
                can_interrupt: self.can_interrupt,
            },
            Request::RunSql { sql, range, page } => self.run_sql(&sql, range, page),
            Request::FetchRows {
                result,
                offset,
                limit,
            } => {
                let rows = result
                    .checked_sub(self.result_base)
                    .and_then(|i| self.results.get(i as usize))
                    .map(|(_, rows)| {
                        let end = offset.saturating_add(limit).min(rows.len());
                        rows_json(rows.get(offset.min(end)..end).unwrap_or(&[]))
                    });
                match rows {
                    Some(rows) => Response::Rows { rows },
                    None => Response::Error {
                        error: EngineError::plain("that result is gone: run the query again"),
                    },
                }
            }
            Request::Exec { sql } => match self.db.execute_batch(&sql) {
                Ok(()) => Response::Executed {
                    changes: self.db.connection().changes(),
                },
                Err(e) => Response::Error {
                    error: positioned(&sql, Span::at(0), &e),
                },
            },
            Request::Query { sql, params } => match self.db.run(&sql, &unwrap_params(params)) {
                Ok(Outcome::Rows { columns, rows }) => Response::QueryRows {
                    columns: columns.into_iter().map(|c| c.name).collect(),
                    rows: rows_json(&rows),
                },
                Ok(Outcome::Done { .. }) => Response::QueryRows {
                    columns: vec![],
                    rows: RawJson::new("[]".to_owned()),
                },
                Err(e) => Response::Error {
                    error: positioned(&sql, Span::at(0), &e),
                },
            },
            Request::QueryMany { sql, params } => {
                let params: Vec<Vec<Value>> = params.into_iter().map(unwrap_params).collect();
                match self.db.query_many(&sql, &params) {
                    Ok(results) => {
                        let mut out = String::from("[");
                        for (i, rows) in results.iter().enumerate() {
                            if i > 0 {
                                out.push(',');
                            }
                            write_rows(&mut out, rows);
                        }
                        out.push(']');
                        Response::QueryManyRows {
                            results: RawJson::new(out),
                        }
                    }
                    Err(e) => Response::Error {
                        error: positioned(&sql, Span::at(0), &e),
                    },
                }
            }
            Request::RunMany { sql, rows } => {
                match self.db.run_many(&sql, rows.into_iter().map(unwrap_params)) {
                    Ok(count) => Response::RanMany { count },
                    Err(e) => Response::Error {
                        error: positioned(&sql, Span::at(0), &e),
                    },
                }
            }
            Request::Export => match self.db.export() {
                Ok(bytes) => return (Response::Exported { size: bytes.len() }, Some(bytes)),
                Err(e) => plain(e),
            },
            Request::Import => match bytes {
                None => Response::Error {
                    error: EngineError::plain("no database bytes were sent"),
                },
                Some(bytes) => match self.db.import(&bytes).and_then(|_| self.db.tables()) {
                    Ok(schema) => Response::Imported { schema },
                    Err(e) => plain(e),
                },
            },
            Request::RunScript { sources } => self.run_script(&sources),
            Request::Schema => match self.db.tables() {
                Ok(tables) => Response::Schema { tables },
                Err(e) => plain(e),
            },
            // Import/export formats (crate::db::exchange).
            Request::Dump => match crate::db::exchange::dump(&self.db) {
                Ok(sql) => Response::Dumped { sql },
                Err(e) => plain(e),
            },
            Request::ImportJson { table, json } => {
                match crate::db::exchange::import_json(&self.db, &table, &json) {
                    Ok((rows, created)) => Response::ImportedJson { rows, created },
                    Err(e) => plain(e),
                }
            }
            Request::ResultCsv { result } => match result
                .checked_sub(self.result_base)
                .and_then(|i| self.results.get(i as usize))
            {
                Some((columns, rows)) => Response::Csv {
                    text: crate::db::exchange::to_csv(columns, rows),
                },
                None => Response::Error {
                    error: EngineError::plain("that result is gone: run the query again"),
                },
            },
            Request::QueryCsv { sql } => match self.db.run(&sql, &[]) {
                Ok(Outcome::Rows { columns, rows }) => Response::Csv {
                    text: crate::db::exchange::to_csv(
                        &columns.into_iter().map(|c| c.name).collect::<Vec<_>>(),
                        &rows,
                    ),
                },
                Ok(Outcome::Done { .. }) => Response::Csv {
                    text: String::new(),
                },
                Err(e) => Response::Error {
                    error: positioned(&sql, Span::at(0), &e),
                },
            },
        };
        (resp, None)
    }

    /// [`Request::Import`] of `len` bytes that `fill` copies into the buffer it is given,
    /// whose first bytes are `header` (the worker copies straight from the page's buffer;
    /// no intermediate copy).
    pub fn import_from(
        &mut self,
        header: &[u8],
        fill: impl FnOnce(&mut [u8]),
        len: usize,
    ) -> Response {
        self.results.clear();
        match self
            .db
            .import_from(header, fill, len)
            .and_then(|_| self.db.tables())
        {
            Ok(schema) => Response::Imported { schema },
            Err(e) => Response::Error {
                error: EngineError::plain(e.to_string()),
            },
        }
    }

    /// [`Request::Export`], handing the bytes to `f` without copying them first.
    pub fn export_with<T>(
        &mut self,
        f: impl FnOnce(&[u8]) -> T,
    ) -> Result<(usize, T), EngineError> {
        self.db
            .export_with(|b| (b.len(), f(b)))
            .map_err(|e| EngineError::plain(e.to_string()))
    }

    fn run_script(&mut self, sources: &[(String, String)]) -> Response {
        let started = clock::now_ms();
        // A fresh database per run, as the tutorials' in-memory `sqlite://` prelude gives.
        self.result_base = self.result_base.wrapping_add(self.results.len() as u32);
        self.results.clear();
        // SQLAlchemy's pysqlite connections leave foreign keys unenforced (SQLite's default).
        let fresh = self
            .db
            .reset()
            .and_then(|_| self.db.execute_batch("PRAGMA foreign_keys = OFF"));
        if let Err(e) = fresh {
            return Response::Error {
                error: EngineError::plain(e.to_string()),
            };
        }
        let srcs: Vec<Source> = sources
            .iter()
            .map(|(name, text)| Source::new(name, text))
            .collect();
        let stop = self.db.interrupt_check();
        let opts = RunOptions {
            should_stop: stop.map(|check| Box::new(move || check()) as Box<dyn FnMut() -> bool>),
            max_steps: 0,
            // The default budget fits wasm32's 1 MB stack and the native main thread alike.
            stack_budget: 0,
        };
        let outcome = interp::run(&srcs, &mut self.db.script_backend(), opts);
        Response::ScriptRan(Box::new(script_outcome(
            outcome,
            sources,
            self.db.tables().unwrap_or_default(),
            started,
        )))
    }

    fn run_sql(&mut self, sql: &str, range: Option<(usize, usize)>, page: usize) -> Response {
        let started = clock::now_ms();
        self.result_base = self.result_base.wrapping_add(self.results.len() as u32);
        self.results.clear();
        let schema_before = self.db.schema_version();
        let index = LineIndex::new(sql);
        let (lo, hi) = match range {
            Some((a, b))
                if a <= b
                    && b <= sql.len()
                    && sql.is_char_boundary(a)
                    && sql.is_char_boundary(b) =>
            {
                (a, b)
            }
            _ => (0, sql.len()),
        };
        let mut blocks = Vec::new();
        for stmt in split_statements(&sql[lo..hi]) {
            let span = Span::new(stmt.span.start + lo, stmt.span.end + lo);
            let text = &sql[span.start..span.end];
            let t0 = clock::now_ms();
            let outcome = self.db.run(text, &[]);
            let elapsed_ms = clock::now_ms() - t0;
            let line = index.line_col(span.start).line;
            let short = shorten(text);
            let (kind, stop) = match outcome {
                Ok(Outcome::Rows { columns, rows }) => {
                    let id = self.result_base.wrapping_add(self.results.len() as u32);
                    let first = rows_json(&rows[..rows.len().min(page)]);
                    let total = rows.len();
                    self.results
                        .push((columns.iter().map(|c| c.name.clone()).collect(), rows));
                    (
                        BlockKind::Rows {
                            result: id,
                            columns,
                            total,
                            first,
                        },
                        false,
                    )
                }
                Ok(Outcome::Done { changes, ddl }) => (BlockKind::Done { changes, ddl }, false),
                Err(e) => {
                    let mut err = positioned(sql, span, &e);
                    let pos = err.span.map(|s| index.line_col(s.start));
                    if let Some(p) = pos {
                        err.line = p.line;
                        err.col = p.col;
                    }
                    (BlockKind::Error(err), true)
                }
            };
            blocks.push(Block {
                span,
                line,
                sql: short,
                kind,
                elapsed_ms,
            });
            if stop {
                break;
            }
        }
        let schema = if self.db.schema_version() != schema_before {
            self.db.tables().ok()
        } else {
            None
        };
        Response::Ran {
            blocks,
            schema,
            elapsed_ms: clock::now_ms() - started,
        }
    }
}

/// Converts the interpreter's outcome into the wire form, with errors positioned
/// (start and end) in their own source and N+1 notes on the SQL log.
fn script_outcome(
    o: interp::RunOutcome,
    sources: &[(String, String)],
    schema: Vec<TableInfo>,
    started: f64,
) -> ScriptOutcome {
    let index: Vec<LineIndex> = sources
        .iter()
        .map(|(_, text)| LineIndex::new(text))
        .collect();
    let locate = |source: usize, span: Span| {
        index.get(source).map(|ix| {
            (
                ix.line_col(span.start),
                ix.line_col(span.end.max(span.start)),
            )
        })
    };
    let mut errors: Vec<ScriptError> = o
        .diagnostics
        .iter()
        .map(|(source, d)| {
            let (a, b) =
                locate(*source, d.span).unwrap_or((Default::default(), Default::default()));
            ScriptError {
                source: *source,
                class: "SyntaxError".into(),
                message: d.message.clone(),
                line: a.line,
                col: a.col,
                end_line: b.line,
                end_col: b.col,
                hint: d.hint.clone(),
            }
        })
        .collect();
    if let Some(e) = &o.error {
        let (_, b) = locate(e.source, e.span).unwrap_or((Default::default(), Default::default()));
        errors.push(ScriptError {
            source: e.source,
            class: e.class.clone(),
            message: e.message.lines().next().unwrap_or("").to_owned(),
            line: e.line,
            col: e.col,
            end_line: b.line,
            end_col: b.col,
            hint: e.hint.clone(),
        });
    }
    let pairs: Vec<(&str, &str)> = o
        .sql_log
        .iter()
        .map(|s| (s.sql.as_str(), s.params.as_str()))
        .collect();
    let notes = nplus1::detect(&pairs);
    let sql_log = o
        .sql_log
        .iter()
        .zip(notes)
        .map(|(s, note)| LoggedStatement {
            sql: s.sql.clone(),
            params: s.params.clone(),
            elapsed_ms: s.elapsed_ms,
            note,
        })
        .collect();
    let tables = o
        .tables
        .into_iter()
        .map(|t| PrintedTable {
            line: t.line,
            title: t.title,
            columns: t.columns,
            rows: t.rows,
        })
        .collect();
    ScriptOutcome {
        stdout: o.stdout,
        stderr: o.stderr,
        errors,
        sql_log,
        tables,
        schema,
        elapsed_ms: clock::now_ms() - started,
    }
}

/// Turns a database error for the statement at `span` of `source` into an engine
/// error pointing at SQLite's offset (or the statement's start).
fn positioned(source: &str, span: Span, e: &DbError) -> EngineError {
    let index = LineIndex::new(source);
    let (message, at, hint, interrupted) = match e {
        DbError::Sqlite {
            message, offset, ..
        } => {
            let at = offset
                .map(|o| span.start + o)
                .filter(|&o| o <= span.end.max(span.start))
                .unwrap_or(span.start);
            (message.clone(), at, hint_for(message), false)
        }
        DbError::Interrupted => (
            "interrupted: the statement was stopped".to_owned(),
            span.start,
            None,
            true,
        ),
        other => (other.to_string(), span.start, None, false),
    };
    let end = source[at.min(source.len())..]
        .char_indices()
        .find(|(_, c)| c.is_whitespace() || *c == ',' || *c == ';' || *c == ')')
        .map(|(i, _)| at + i.max(1))
        .unwrap_or(source.len());
    let pos = index.line_col(at);
    EngineError {
        message,
        span: Some(Span::new(at, end.max(at))),
        line: pos.line,
        col: pos.col,
        hint,
        interrupted,
    }
}

fn hint_for(message: &str) -> Option<String> {
    let hint = if message.starts_with("no such table") {
        "create it first, or check the spelling against the schema panel"
    } else if message.starts_with("no such column") {
        "check the column name; string literals take 'single quotes'"
    } else if message.contains("syntax error") {
        "check the keyword spelling and the punctuation just before this point"
    } else if message.starts_with("UNIQUE constraint failed") {
        "a row with that value already exists"
    } else if message.starts_with("NOT NULL constraint failed") {
        "give this column a value"
    } else if message.starts_with("FOREIGN KEY constraint failed") {
        "the referenced row does not exist"
    } else if message.contains("incomplete input") {
        "the statement ends too early: a closing parenthesis or quote may be missing"
    } else {
        return None;
    };
    Some(hint.to_owned())
}

fn shorten(text: &str) -> String {
    let one_line: String = text.split_whitespace().collect::<Vec<_>>().join(" ");
    if one_line.chars().count() > BLOCK_SQL_CHARS {
        let mut s: String = one_line.chars().take(BLOCK_SQL_CHARS).collect();
        s.push('…');
        s
    } else {
        one_line
    }
}

fn unwrap_params(params: Vec<Param>) -> Vec<Value> {
    params.into_iter().map(|p| p.0).collect()
}

fn write_rows(out: &mut String, rows: &[Vec<Value>]) {
    out.push('[');
    for (i, row) in rows.iter().enumerate() {
        if i > 0 {
            out.push(',');
        }
        out.push('[');
        for (j, v) in row.iter().enumerate() {
            if j > 0 {
                out.push(',');
            }
            v.write_json(out);
        }
        out.push(']');
    }
    out.push(']');
}

fn rows_json(rows: &[Vec<Value>]) -> RawJson {
    let mut out = String::with_capacity(rows.len() * 32 + 2);
    write_rows(&mut out, rows);
    RawJson::new(out)
}

#[cfg(test)]
mod tests;
