//! The typed messages between the page and the engine worker.
//!
//! Every message is one JSON text inside a small envelope `{id, msg, bytes?}` (see
//! `www/ormlab.js`): `msg` is a [`Request`] or [`Response`] in serde's externally
//! tagged form, e.g. `{"Query":{"sql":"select ?","params":[1]}}`, and `bytes` an
//! optional transferable `ArrayBuffer` (database import and export). Row data is
//! embedded as raw JSON arrays (see [`crate::db::Value::write_json`]) so that the JS
//! side gets plain arrays from one `JSON.parse`. The JSON codec is written out by hand
//! in `engine::codec` (on [`crate::json`]); tests check it against serde_json.

use crate::core::diag::Span;
use crate::db::{Param, ResultColumn, TableInfo};
use crate::json::RawJson;

/// What the page asks the engine to do.
#[derive(Debug, Clone)]
#[cfg_attr(test, derive(serde::Serialize, serde::Deserialize))]
pub enum Request {
    /// Say hello: answers [`Response::Opened`].
    Open,
    /// Run the statements of a console text. `range` (byte offsets into `sql`) limits
    /// the run to a selection or the statement at the cursor; positions in the answer
    /// are always relative to the whole `sql`.
    RunSql {
        /// The whole editor text.
        sql: String,
        /// Optional byte range to run.
        range: Option<(usize, usize)>,
        /// How many rows of each result to send at once; more with [`Request::FetchRows`].
        page: usize,
    },
    /// More rows of a result kept from the last [`Request::RunSql`].
    FetchRows {
        /// The result's id.
        result: u32,
        /// First row wanted.
        offset: usize,
        /// How many rows.
        limit: usize,
    },
    /// Run one or more statements, no rows returned (JS `exec`).
    Exec {
        /// SQL text.
        sql: String,
    },
    /// Run one statement with parameters, every row returned (JS `query`).
    Query {
        /// SQL text of one statement.
        sql: String,
        /// Parameters (numbers, strings, null, booleans, `{"blob": hex}`).
        params: Vec<Param>,
    },
    /// Run one prepared statement per parameter row, every row of every run returned.
    QueryMany {
        /// SQL text of one statement.
        sql: String,
        /// One parameter list per run.
        params: Vec<Vec<Param>>,
    },
    /// Run one prepared statement per row, in one transaction (JS `runMany`).
    RunMany {
        /// SQL text of one statement.
        sql: String,
        /// One parameter list per run.
        rows: Vec<Vec<Param>>,
    },
    /// The database as `.sqlite` bytes (answered with bytes).
    Export,
    /// Replace the database with the `.sqlite` bytes sent along.
    Import,
    /// The tables and columns of the live schema.
    Schema,
    /// Run Python sources (models, then script) in one namespace, on a fresh database
    /// (as the tutorials' in-memory `sqlite://` prelude does); the console sees the
    /// database the run leaves behind.
    RunScript {
        /// `(file name, text)` pairs, run in order.
        sources: Vec<(String, String)>,
    },
    /// The whole database as SQL text (schema and INSERTs).
    Dump,
    /// Insert a JSON list of objects into a table (created when missing).
    ImportJson {
        /// Target table.
        table: String,
        /// The JSON text: a list of objects.
        json: String,
    },
    /// A result of the last console run, as CSV text (header line first).
    ResultCsv {
        /// The result's id (see [`BlockKind::Rows`]).
        result: u32,
    },
    /// One statement's rows as CSV text.
    QueryCsv {
        /// SQL text of one statement.
        sql: String,
    },
}

/// What the engine answers.
#[derive(Debug, Clone)]
#[cfg_attr(test, derive(serde::Serialize, serde::Deserialize))]
pub enum Response {
    /// The engine is up.
    Opened {
        /// SQLite's version.
        sqlite_version: String,
        /// ormlab's version.
        engine_version: String,
        /// True when the Stop button can interrupt a statement in place.
        can_interrupt: bool,
    },
    /// The outcome of [`Request::RunSql`].
    Ran {
        /// One block per statement run (the last one may be an error).
        blocks: Vec<Block>,
        /// The schema, when the run changed it.
        schema: Option<Vec<TableInfo>>,
        /// Wall time of the whole run.
        elapsed_ms: f64,
    },
    /// Rows for [`Request::FetchRows`] (a JSON array of arrays).
    Rows {
        /// The rows.
        rows: RawJson,
    },
    /// The outcome of [`Request::Exec`].
    Executed {
        /// Rows changed by the last statement.
        changes: u64,
    },
    /// The outcome of [`Request::Query`].
    QueryRows {
        /// Column names.
        columns: Vec<String>,
        /// The rows (a JSON array of arrays).
        rows: RawJson,
    },
    /// The outcome of [`Request::QueryMany`]: one array of rows per run.
    QueryManyRows {
        /// A JSON array with one array of rows per parameter list.
        results: RawJson,
    },
    /// The outcome of [`Request::RunMany`].
    RanMany {
        /// Parameter rows run.
        count: u64,
    },
    /// The export's bytes travel beside this message.
    Exported {
        /// Size in bytes.
        size: usize,
    },
    /// The database was replaced.
    Imported {
        /// The new schema.
        schema: Vec<TableInfo>,
    },
    /// The live schema.
    Schema {
        /// Tables and views.
        tables: Vec<TableInfo>,
    },
    /// The outcome of [`Request::RunScript`].
    ScriptRan(Box<ScriptOutcome>),
    /// The answer to [`Request::Dump`].
    Dumped {
        /// SQL text that rebuilds the database.
        sql: String,
    },
    /// The answer to [`Request::ImportJson`].
    ImportedJson {
        /// Rows inserted.
        rows: u64,
        /// True when the table was created.
        created: bool,
    },
    /// The answer to [`Request::QueryCsv`].
    Csv {
        /// The CSV text (header line first).
        text: String,
    },
    /// The request failed.
    Error {
        /// What failed.
        error: EngineError,
    },
}

/// One statement's result in a [`Response::Ran`].
#[derive(Debug, Clone)]
#[cfg_attr(test, derive(serde::Serialize, serde::Deserialize))]
pub struct Block {
    /// Where the statement is in the editor text (bytes).
    pub span: Span,
    /// 1-based line of the statement's start.
    pub line: u32,
    /// The statement's text, shortened for display.
    pub sql: String,
    /// What happened.
    pub kind: BlockKind,
    /// Time spent, in milliseconds.
    pub elapsed_ms: f64,
}

/// What one statement produced.
#[derive(Debug, Clone)]
#[cfg_attr(test, derive(serde::Serialize, serde::Deserialize))]
pub enum BlockKind {
    /// Rows: the first page is here, the rest with [`Request::FetchRows`].
    Rows {
        /// Id for [`Request::FetchRows`].
        result: u32,
        /// Column names and declared types.
        columns: Vec<ResultColumn>,
        /// Total number of rows.
        total: usize,
        /// The first rows (a JSON array of arrays).
        first: RawJson,
    },
    /// A statement without rows.
    Done {
        /// Rows changed.
        changes: u64,
        /// DDL / transaction control (no meaningful change count).
        ddl: bool,
    },
    /// The statement failed; the run stopped here.
    Error(EngineError),
}

/// An error with a position in the editor text when one is known.
#[derive(Debug, Clone, PartialEq, Eq)]
#[cfg_attr(test, derive(serde::Serialize, serde::Deserialize))]
pub struct EngineError {
    /// SQLite's (or the engine's) message.
    pub message: String,
    /// Where, in the editor text (bytes).
    pub span: Option<Span>,
    /// 1-based line of `span.start`.
    pub line: u32,
    /// 1-based column of `span.start`, in characters.
    pub col: u32,
    /// A short hint, when one helps.
    pub hint: Option<String>,
    /// True when the statement was stopped by the user.
    pub interrupted: bool,
}

impl EngineError {
    /// An error without a position.
    pub fn plain(message: impl Into<String>) -> Self {
        EngineError {
            message: message.into(),
            span: None,
            line: 0,
            col: 0,
            hint: None,
            interrupted: false,
        }
    }
}

impl std::fmt::Display for EngineError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        if self.line > 0 {
            write!(f, "{}:{}: {}", self.line, self.col, self.message)?;
        } else {
            f.write_str(&self.message)?;
        }
        if let Some(h) = &self.hint {
            write!(f, " (hint: {h})")?;
        }
        Ok(())
    }
}

/// What a script run produced, for the output, results, SQL log and error panes.
#[derive(Debug, Clone, Default)]
#[cfg_attr(test, derive(serde::Serialize, serde::Deserialize))]
pub struct ScriptOutcome {
    /// What the script printed, exactly as Python prints it.
    pub stdout: String,
    /// Warnings (`Warning: Category: message` lines).
    pub stderr: String,
    /// Parse errors and the uncaught exception, each with its source and position.
    pub errors: Vec<ScriptError>,
    /// Every statement sent to SQLite, in order.
    pub sql_log: Vec<LoggedStatement>,
    /// Lists of model objects or rows that were printed, also as tables.
    pub tables: Vec<PrintedTable>,
    /// The schema after the run.
    pub schema: Vec<TableInfo>,
    /// Wall time of the run.
    pub elapsed_ms: f64,
}

/// An error in a script: a parse diagnostic or the uncaught exception.
#[derive(Debug, Clone, PartialEq, Eq)]
#[cfg_attr(test, derive(serde::Serialize, serde::Deserialize))]
pub struct ScriptError {
    /// Index into the request's sources.
    pub source: usize,
    /// Python's exception class (`SyntaxError` for parse errors).
    pub class: String,
    /// The message (first line of `str(e)` for exceptions).
    pub message: String,
    /// 1-based line.
    pub line: u32,
    /// 1-based column, in characters.
    pub col: u32,
    /// 1-based end line.
    pub end_line: u32,
    /// 1-based end column.
    pub end_col: u32,
    /// A hint, when one helps.
    pub hint: Option<String>,
}

/// One statement of the SQL log.
#[derive(Debug, Clone, PartialEq)]
#[cfg_attr(test, derive(serde::Serialize, serde::Deserialize))]
pub struct LoggedStatement {
    /// The SQL text as sent.
    pub sql: String,
    /// The parameters as SQLAlchemy's echo shows them, e.g. `('admin', 'a@x.org')`.
    pub params: String,
    /// Time spent, in milliseconds.
    pub elapsed_ms: f64,
    /// A note about this statement (e.g. the N+1 pattern), when there is one.
    pub note: Option<String>,
}

/// A printed list of objects or rows, as a table.
#[derive(Debug, Clone, PartialEq, Eq)]
#[cfg_attr(test, derive(serde::Serialize, serde::Deserialize))]
pub struct PrintedTable {
    /// Line of the `print` call (in the source that printed it).
    pub line: u32,
    /// What was printed (e.g. `User.query.all()`), for the block header.
    pub title: String,
    /// Column names.
    pub columns: Vec<String>,
    /// Cells as Python's `repr`.
    pub rows: Vec<Vec<String>>,
}
