//! The interpreter of ormlab scripts: evaluates the [`crate::core::lang`] AST with Python
//! semantics and runs the Flask-SQLAlchemy runtime ([`orm`]) against a [`Backend`].
//!
//! The page and the CLI call [`run`]: several sources run in one namespace, in order.
//!
//! ```
//! use ormlab::core::interp::{run, Backend, BackendError, QueryResult, RunOptions, Source};
//! use ormlab::core::sql::SqlValue;
//! struct NoDb;
//! impl Backend for NoDb {
//!     fn execute(&mut self, _sql: &str, _p: &[SqlValue]) -> Result<QueryResult, BackendError> {
//!         Ok(QueryResult::default())
//!     }
//! }
//! let out = run(&[Source::new("script.py", "print(1 + 2, 'a' * 2)\nx = [1][3]\n")],
//!               &mut NoDb, RunOptions::default());
//! assert_eq!(out.stdout, "3 aa\nTraceback: IndexError: list index out of range\n");
//! let err = out.error.unwrap();
//! assert_eq!((err.class.as_str(), err.message.as_str()), ("IndexError", "list index out of range"));
//! assert_eq!((err.line, err.col), (2, 5));
//! ```

pub mod builtins;
pub mod call;
pub mod dict_view;
pub mod enums;
pub mod eval_expr;
pub mod eval_stmt;
pub mod exceptions;
mod instance_dict;
pub mod methods;
pub mod native_sig;
pub mod ops;
pub mod orm;
pub mod repr;
pub mod set_order;
pub mod teardown;
pub mod value;
pub mod var_map;

use crate::core::fxhash::FxMap;
use std::rc::Rc;

use crate::core::diag::{Diagnostic, LineIndex, Span};
use crate::core::sql::SqlValue;

pub use value::Value;
use value::{Class, Scope};

/// One script text (the page's models editor, script editor...).
#[derive(Debug, Clone)]
pub struct Source {
    /// File name shown in errors (`models.py`, `script.py`).
    pub name: String,
    /// The text.
    pub text: String,
}

impl Source {
    /// A source from a name and text.
    pub fn new(name: &str, text: &str) -> Self {
        Source {
            name: name.into(),
            text: text.into(),
        }
    }
}

/// What a statement sent to the database returned.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct QueryResult {
    /// Column names (empty for statements without rows; shared between results of
    /// the same statement).
    pub columns: std::sync::Arc<[String]>,
    /// Rows.
    pub rows: Vec<Vec<SqlValue>>,
    /// Rows changed (INSERT/UPDATE/DELETE).
    pub rowcount: i64,
    /// `cursor.lastrowid` after an INSERT.
    pub lastrowid: i64,
}

/// Which sqlite3 exception a failed statement raises.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum BackendErrorKind {
    /// `sqlite3.IntegrityError` (constraint violations).
    Integrity,
    /// `sqlite3.OperationalError` (no such table, syntax errors...).
    Operational,
    /// `sqlite3.ProgrammingError` (more than one statement in one text).
    Programming,
    /// The run was interrupted.
    Interrupted,
}

/// A failed statement: sqlite's message.
#[derive(Debug, Clone, PartialEq)]
pub struct BackendError {
    /// The exception class.
    pub kind: BackendErrorKind,
    /// SQLite's message (`UNIQUE constraint failed: user.email`).
    pub message: String,
    /// SQLite's extended result code (2067: `SQLITE_CONSTRAINT_UNIQUE`), 1 when unknown.
    pub code: i32,
}

/// The database as the interpreter sees it (implemented over rusqlite in `crate::db`).
pub trait Backend {
    /// Runs one statement with positional parameters.
    fn execute(&mut self, sql: &str, params: &[SqlValue]) -> Result<QueryResult, BackendError>;

    /// [`Self::execute`] for a caller that reads rows by position (the result's column
    /// names may be left empty: the ORM's own SELECTs know their columns), with SQL text
    /// the caller may keep in a cache (the same `Rc` each time: a backend may find its
    /// prepared statement by the text's address).
    fn execute_shared(
        &mut self,
        sql: &std::rc::Rc<str>,
        params: &[SqlValue],
    ) -> Result<QueryResult, BackendError> {
        self.execute(sql, params)
    }

    /// [`Self::execute_shared`] with every row's values appended to `out`, one row after
    /// the other (no vector per row); returns the number of values per row (0 for a
    /// statement without result columns).
    fn execute_flat(
        &mut self,
        sql: &std::rc::Rc<str>,
        params: &[SqlValue],
        out: &mut Vec<SqlValue>,
    ) -> Result<usize, BackendError> {
        let r = self.execute_shared(sql, params)?;
        let width = r.rows.first().map_or(0, Vec::len);
        for row in r.rows {
            out.extend(row);
        }
        Ok(width)
    }

    /// Runs one statement that returns no rows once per parameter set (`executemany`):
    /// `sets` sets, their values one set after the other in `values` (see [`param_sets`]).
    /// Stops at the first error; the sets before it stay applied (the caller rolls back).
    /// Returns the rows changed in all (`cursor.rowcount` after an `executemany`).
    fn execute_batch(
        &mut self,
        sql: &str,
        sets: usize,
        values: &[SqlValue],
    ) -> Result<i64, BackendError> {
        let mut changed = 0;
        for set in param_sets(sets, values) {
            changed += self.execute(sql, set)?.rowcount.max(0);
        }
        Ok(changed)
    }

    /// How many parameters SQLite counts in `sql` (`sqlite3_bind_parameter_count`, what
    /// pysqlite checks a sequence of bindings against); `None` when it does not compile
    /// (or, the default, when the backend cannot tell).
    fn parameter_count(&mut self, _sql: &str) -> Option<usize> {
        None
    }

    /// A monotonic clock in milliseconds, for the SQL log's timings (core has no clock
    /// of its own; the default reports no time).
    fn now_ms(&self) -> f64 {
        0.0
    }

    /// The wall clock in microseconds since the Unix epoch (UTC), the clock SQLite's
    /// `CURRENT_TIMESTAMP` reads, for `datetime.now()`/`utcnow()`/`date.today()`; `None`
    /// (the default) gives a fixed 2024-01-01 12:00.
    fn unix_time_us(&self) -> Option<i64> {
        None
    }
}

/// Options of a run.
#[derive(Default)]
pub struct RunOptions {
    /// Called now and then; returning true stops the run with `KeyboardInterrupt`.
    pub should_stop: Option<Box<dyn FnMut() -> bool>>,
    /// Maximum number of evaluation steps (0 = unlimited).
    pub max_steps: u64,
    /// Bytes of Rust stack the run may use before `RecursionError` (0 = [`STACK_BUDGET`], which
    /// suits a 1 MB stack; callers running on a bigger stack may raise it).
    pub stack_budget: usize,
}

/// The `sets` parameter sets of an `executemany` whose values lie one set after the other
/// in `values` (all sets have the same length: one statement's placeholders).
pub fn param_sets(sets: usize, values: &[SqlValue]) -> impl Iterator<Item = &[SqlValue]> {
    let width = values.len().checked_div(sets).unwrap_or(0);
    (0..sets).map(move |k| &values[k * width..(k + 1) * width])
}

/// A [`LoggedStatement`] while the run goes on: its SQL text is shared with the
/// statement caches, so logging a repeated statement copies no text.
#[derive(Debug, Clone)]
pub struct LogEntry {
    /// SQL text, or `BEGIN (implicit)` / `COMMIT` / `ROLLBACK`.
    pub sql: Rc<str>,
    /// Parameters, written as SQLAlchemy echoes them when the log is read.
    pub params: LogParams,
    /// Time spent in the database.
    pub elapsed_ms: f64,
    /// Rows returned.
    pub rows: usize,
}

/// A [`LogEntry`]'s parameters: a statement's values are kept as they were sent and
/// written out (`(1,)`, `('a', 2)`) only when the log is read, so a run whose log
/// nobody reads before the end formats nothing while it runs.
#[derive(Debug, Clone)]
pub enum LogParams {
    /// Text already written (empty for `BEGIN`/`COMMIT`; an `executemany`'s list).
    Text(String),
    /// One parameter (a primary-key lookup's), without a vector.
    One(crate::core::sql::SqlValue),
    /// A statement's parameter tuple.
    Tuple(Vec<crate::core::sql::SqlValue>),
}

impl LogParams {
    /// The parameters of one statement.
    pub fn of(params: &[crate::core::sql::SqlValue]) -> Self {
        match params {
            [one] => LogParams::One(one.clone()),
            many => LogParams::Tuple(many.to_vec()),
        }
    }

    /// The text SQLAlchemy echoes.
    pub fn text(&self) -> String {
        match self {
            LogParams::Text(s) => s.clone(),
            LogParams::One(v) => orm::insert::tuple_repr(std::slice::from_ref(v)),
            LogParams::Tuple(v) => orm::insert::tuple_repr(v),
        }
    }
}

impl From<LogEntry> for LoggedStatement {
    fn from(e: LogEntry) -> Self {
        LoggedStatement {
            sql: e.sql.to_string(),
            params: match e.params {
                LogParams::Text(s) => s,
                other => other.text(),
            },
            elapsed_ms: e.elapsed_ms,
            rows: e.rows,
        }
    }
}

/// One statement of the SQL log (as SQLALCHEMY_ECHO shows it).
#[derive(Debug, Clone, PartialEq)]
pub struct LoggedStatement {
    /// SQL text, or `BEGIN (implicit)` / `COMMIT` / `ROLLBACK`.
    pub sql: String,
    /// Parameters as SQLAlchemy echoes them (`('admin', 'a@x')`), empty for BEGIN/COMMIT.
    pub params: String,
    /// Time spent in the database.
    pub elapsed_ms: f64,
    /// Rows returned.
    pub rows: usize,
}

/// The uncaught exception that ended a run.
#[derive(Debug, Clone, PartialEq)]
pub struct ScriptError {
    /// Exception class name (`NameError`).
    pub class: String,
    /// `str(e)`.
    pub message: String,
    /// Index of the source it happened in.
    pub source: usize,
    /// Where.
    pub span: Span,
    /// 1-based line.
    pub line: u32,
    /// 1-based column (characters).
    pub col: u32,
    /// A hint, when there is one.
    pub hint: Option<String>,
}

/// A `print()` of model instances or rows, as a table for the page.
#[derive(Debug, Clone, PartialEq)]
pub struct PrintedTable {
    /// Line of the `print` call (1-based).
    pub line: u32,
    /// Title (model class or `Row`).
    pub title: String,
    /// Column names.
    pub columns: Vec<String>,
    /// Cells (repr of each value).
    pub rows: Vec<Vec<String>>,
}

/// Everything a run produced.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct RunOutcome {
    /// What `print` wrote (plus the `Traceback:` line of an uncaught exception).
    pub stdout: String,
    /// Warnings (`Warning: Category: msg`).
    pub stderr: String,
    /// Every statement sent.
    pub sql_log: Vec<LoggedStatement>,
    /// The uncaught exception.
    pub error: Option<ScriptError>,
    /// Parse errors (source index, diagnostic); nothing runs if there are any.
    pub diagnostics: Vec<(usize, Diagnostic)>,
    /// Printed tables.
    pub tables: Vec<PrintedTable>,
}

/// A raised Python exception travelling up the Rust stack.
pub struct Exc {
    /// The exception instance.
    pub value: Value,
    /// Where it was raised (source index, span).
    pub at: Option<(usize, Span)>,
}

/// Result of evaluation.
pub type R<T> = Result<T, Box<Exc>>;

/// The interpreter state.
pub struct Interp<'b> {
    /// Module globals.
    pub globals: Scope,
    /// Exception classes by name.
    pub exc: FxMap<&'static str, Rc<Class>>,
    /// `object`.
    pub object_class: Rc<Class>,
    /// `enum.Enum`.
    pub enum_class: Rc<Class>,
    /// The enum classes defined so far (what `db.Enum(Color)` columns load members of).
    pub enums: Vec<Rc<Class>>,
    /// Some enum mixes in a builtin type (`class Role(str, Enum)`, `IntEnum`): until one
    /// does, comparisons, hashing and arithmetic skip looking for their members.
    pub mixin_enums: bool,
    /// Output.
    pub out: String,
    /// Warnings.
    pub err: String,
    /// Classes and captured scopes that may form cycles (freed by [`Interp::teardown`]);
    /// added through [`Interp::note_cycle_root`].
    pub cycle_roots: Vec<teardown::CycleRoot>,
    /// The length of `cycle_roots` at which roots already gone are dropped from it (four
    /// times what was alive at the last pruning).
    pub cycle_prune_at: usize,
    /// Names from the syntax tree as shared strings, keyed by the address of the
    /// tree's text (it lives as long as the run): keyword arguments do not allocate.
    pub interned: value::FxMap<(usize, usize), Rc<str>>,
    /// Database.
    pub backend: &'b mut dyn Backend,
    /// ORM runtime state.
    pub orm: orm::OrmState,
    /// SQL log.
    pub sql_log: Vec<LogEntry>,
    /// Printed tables.
    pub tables: Vec<PrintedTable>,
    /// Current source index.
    pub source: usize,
    /// Line indexes of sources.
    pub lines: Vec<LineIndex>,
    /// Call depth.
    pub depth: usize,
    /// Steps taken.
    pub steps: u64,
    /// Options.
    pub opts: RunOptions,
    /// The span currently evaluated (for errors raised deep inside).
    pub cur_span: Span,
    /// `default=` of the running `json.dumps`.
    pub json_default: Option<Value>,
    /// The containers (and objects given to `default=`) `json.dumps` is encoding, by
    /// address: meeting one again is a circular reference.
    pub json_markers: Vec<usize>,
    /// `sort_keys=` of the running `json.dumps`: each dict's items are sorted by their
    /// keys as Python compares them, before the keys become strings.
    pub json_sort_keys: bool,
    /// `skipkeys=True` of the running `json.dumps`: a dict key JSON has no form for is
    /// left out with its value.
    pub json_skip_keys: bool,
    /// The lists, tuples, dicts and sets whose `repr()` is being made, by address: one
    /// met again inside itself shows as `[...]` (CPython's `Py_ReprEnter`).
    pub repr_active: Vec<usize>,
    /// Address of a local in `run` (the Rust stack depth is measured from it).
    pub stack_base: usize,
    /// The next Python function call is made from C (a class's `__init__`, a property's
    /// setter): what a `RecursionError` met there says.
    pub from_c_call: bool,
    /// The innermost running Python function was called from C (see `from_c_call`).
    pub in_c_called: bool,
    /// The next Python function call comes straight from a call expression (its depth
    /// already counted).
    pub call_from_expr: bool,
}

/// Rust stack the interpreter may use before raising `RecursionError` (fits wasm's 1 MB stack
/// and test threads' 2 MB, in debug builds too).
pub const STACK_BUDGET: usize = 640 * 1024;

impl Interp<'_> {
    /// `name` (text inside the syntax tree) as an `Rc<str>`, made once per place.
    pub fn intern(&mut self, name: &str) -> Rc<str> {
        let key = (name.as_ptr() as usize, name.len());
        // (Compared too: a tree built during the run could reuse a freed address.)
        if let Some(s) = self.interned.get(&key)
            && **s == *name
        {
            return s.clone();
        }
        let s: Rc<str> = Rc::from(name);
        self.interned.insert(key, s.clone());
        s
    }

    /// Issues a warning the way Python's default filter shows it: once per message and
    /// script line (a call in a loop warns once), as `Warning: Category: message` on stderr.
    pub fn warn(&mut self, category: &'static str, msg: &'static str) {
        let at = (msg.as_ptr() as usize, self.source, self.cur_span.start);
        if self.orm.warned_last == at {
            return;
        }
        self.orm.warned_last = at;
        let line = self
            .lines
            .get(self.source)
            .map(|l| l.line_col(self.cur_span.start).line)
            .unwrap_or(0);
        // (Messages are static text: their address identifies them without formatting.)
        let key = (msg.as_ptr() as usize, self.source, line);
        if self.orm.warned.insert(key) {
            self.err.push_str(&format!("Warning: {category}: {msg}\n"));
        }
    }

    /// [`Self::warn`] for a message made at run time (a table's name, a count): once per
    /// text and script line, as Python's registry keys a warning by its text.
    pub fn warn_text(&mut self, category: &'static str, msg: &str) {
        use std::hash::{BuildHasher, BuildHasherDefault};
        let hash = BuildHasherDefault::<value::FxHasher>::default().hash_one(msg) as usize;
        let line = self
            .lines
            .get(self.source)
            .map(|l| l.line_col(self.cur_span.start).line)
            .unwrap_or(0);
        if self.orm.warned.insert((hash, self.source, line)) {
            self.err.push_str(&format!("Warning: {category}: {msg}\n"));
        }
    }

    /// The stack budget in effect.
    pub fn stack_budget(&self) -> usize {
        if self.opts.stack_budget == 0 {
            STACK_BUDGET
        } else {
            self.opts.stack_budget
        }
    }
}

/// The address of a local variable of the caller's frame (a stack-depth probe).
#[inline(never)]
pub fn stack_probe() -> usize {
    let x = 0u8;
    std::hint::black_box(&x) as *const u8 as usize
}

/// Maximum Python call depth: CPython's 1000 natively. In the browser V8 runs the engine
/// on a native stack of its own (~1 MB), which no probe can see and which each level uses
/// more of once the engine's code is optimized: measured in a page that had run a few
/// scripts, a plain recursion killed the worker between 400 and 500 levels and one through
/// `__eq__` past ~310 (the wasm stack's budget stops neither). There the limit is 300,
/// which keeps a runaway recursion a `RecursionError` (a tutorial's recursion is far
/// shallower).
pub const MAX_DEPTH: usize = if cfg!(target_arch = "wasm32") {
    300
} else {
    1000
};

/// Runs sources in one namespace. Parse errors in any source stop everything before running.
pub fn run(sources: &[Source], backend: &mut dyn Backend, opts: RunOptions) -> RunOutcome {
    let mut outcome = RunOutcome::default();
    let mut modules = Vec::new();
    for (i, s) in sources.iter().enumerate() {
        let parsed = crate::core::lang::parse(&s.text);
        for d in &parsed.diagnostics {
            if d.severity == crate::core::diag::Severity::Error {
                outcome.diagnostics.push((i, d.clone()));
            }
        }
        modules.push(parsed.module);
    }
    if !outcome.diagnostics.is_empty() {
        return outcome;
    }
    let lines: Vec<LineIndex> = sources.iter().map(|s| LineIndex::new(&s.text)).collect();
    let mut it = Interp::new(backend, opts, lines);
    it.stack_base = stack_probe();
    for (i, m) in modules.iter().enumerate() {
        it.source = i;
        // `__file__`: the source's name, as Python sets it to the path it ran.
        let globals = it.globals.clone();
        it.set_var(&globals, "__file__", Value::str(&sources[i].name));
        if let Err(e) = it.exec_module(m) {
            let (class, message) = it.describe_exc(&e.value);
            let (source, span) = e.at.unwrap_or((i, Span::at(0)));
            let lc = it.lines[source.min(it.lines.len() - 1)].line_col(span.start);
            // (The message's first line as `str.splitlines()` cuts it; none when empty.)
            let first = message
                .split([
                    '\n', '\r', '\x0b', '\x0c', '\x1c', '\x1d', '\x1e', '\u{85}', '\u{2028}',
                    '\u{2029}',
                ])
                .next()
                .unwrap_or("");
            it.out.push_str(&if first.is_empty() {
                format!("Traceback: {class}\n")
            } else {
                format!("Traceback: {class}: {first}\n")
            });
            outcome.error = Some(ScriptError {
                hint: exceptions::hint_for(&class, &message),
                class,
                message,
                source,
                span,
                line: lc.line,
                col: lc.col,
            });
            break;
        }
    }
    it.finish();
    outcome.stdout = std::mem::take(&mut it.out);
    outcome.stderr = std::mem::take(&mut it.err);
    outcome.sql_log = std::mem::take(&mut it.sql_log)
        .into_iter()
        .map(LoggedStatement::from)
        .collect();
    outcome.tables = std::mem::take(&mut it.tables);
    it.teardown();
    outcome
}

#[cfg(test)]
mod tests;
