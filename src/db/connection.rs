//! [`Database`]: one rusqlite connection and the operations the engine needs.

use super::{DbError, Outcome, ResultColumn, Value};
use rusqlite::{Connection, MAIN_DB};

/// The Stop check: true means "interrupt the running statement".
pub type InterruptCheck = std::sync::Arc<dyn Fn() -> bool + Send + Sync>;

/// How many SQLite VM steps run between two Stop checks.
const CHECK_EVERY: i32 = 4096;

/// An open SQLite database.
pub struct Database {
    conn: Connection,
    interrupt: Option<InterruptCheck>,
    /// Set when the database lives in a VFS file (see `crate::vfs`) rather than in
    /// SQLite's memory: import and reset then replace the file's contents as one commit
    /// instead of swapping connections, so that it stays attached to its storage.
    file: Option<VfsFile>,
}

/// Where a persistent database lives: its file name, the VFS it was opened through,
/// and whether it was opened read-only.
struct VfsFile {
    name: String,
    vfs: String,
    read_only: bool,
}

/// `Result` with [`DbError`].
pub type Result<T, E = DbError> = std::result::Result<T, E>;

impl Database {
    /// Opens a fresh in-memory database with foreign keys enforced.
    pub fn open_in_memory() -> Result<Self> {
        let conn = Connection::open_in_memory()?;
        super::functions::register(&conn)?;
        Ok(Database {
            conn,
            interrupt: None,
            file: None,
        })
    }

    /// Opens database `name` through the VFS `vfs` (the `ormlab` VFS keeps it in
    /// memory and hands each commit to storage), with the rollback journal in
    /// memory so that storage only ever sees committed states.
    pub fn open_persistent(name: &str, vfs: &str, read_only: bool) -> Result<Self> {
        let file = VfsFile {
            name: name.to_owned(),
            vfs: vfs.to_owned(),
            read_only,
        };
        Ok(Database {
            conn: file.connect()?,
            interrupt: None,
            file: Some(file),
        })
    }

    /// `PRAGMA quick_check` (or `integrity_check` when `full`): `"ok"` or the problems found.
    pub fn check(&self, full: bool) -> Result<String> {
        let sql = if full {
            "PRAGMA integrity_check"
        } else {
            "PRAGMA quick_check"
        };
        let mut stmt = self.conn.prepare(sql)?;
        let lines = stmt
            .query_map([], |r| r.get::<_, String>(0))?
            .collect::<rusqlite::Result<Vec<_>>>()?;
        Ok(lines.join("\n"))
    }

    /// The SQLite library version, e.g. `3.53.0`.
    pub fn sqlite_version() -> &'static str {
        rusqlite::version()
    }

    /// Installs a check called every few thousand virtual-machine steps; when it
    /// returns true the running statement stops with [`DbError::Interrupted`]. The
    /// check survives [`Database::import`] and [`Database::reset`].
    pub fn set_interrupt_check(&mut self, check: InterruptCheck) {
        self.interrupt = Some(check);
        self.install_interrupt();
    }

    /// The installed Stop check, if any.
    pub fn interrupt_check(&self) -> Option<InterruptCheck> {
        self.interrupt.clone()
    }

    fn install_interrupt(&mut self) {
        if let Some(check) = self.interrupt.clone() {
            self.conn
                .progress_handler(CHECK_EVERY, Some(move || check()))
                .ok();
        }
    }

    /// Empties the database. An in-memory database is replaced by a fresh one; a
    /// persistent one is overwritten in place from an empty database (one transaction,
    /// one commit), so that it stays attached to its storage.
    pub fn reset(&mut self) -> Result<()> {
        // (A transaction left open would make the copy below fail: "database is in use".)
        if !self.conn.is_autocommit() {
            self.conn.execute_batch("ROLLBACK")?;
        }
        if self.file.is_some() {
            let empty = Connection::open_in_memory()?;
            let backup = rusqlite::backup::Backup::new(&empty, &mut self.conn)?;
            backup.run_to_completion(i32::MAX, std::time::Duration::ZERO, None)?;
        } else {
            self.conn = Connection::open_in_memory()?;
            super::functions::register(&self.conn)?;
            self.install_interrupt();
        }
        Ok(())
    }

    /// Runs one statement (no trailing statements) and collects its outcome.
    pub fn run(&self, sql: &str, params: &[Value]) -> Result<Outcome> {
        let mut stmt = self.conn.prepare(sql)?;
        bind_all(&mut stmt, params)?;
        if stmt.column_count() == 0 {
            let ddl = !is_row_changing(sql);
            stmt.raw_execute()?;
            // (The statement's own changes, not those of foreign key actions or triggers.)
            let changes = if ddl { 0 } else { self.conn.changes() };
            return Ok(Outcome::Done { changes, ddl });
        }
        let columns = stmt
            .columns()
            .map(|c| ResultColumn {
                name: c.name().to_owned(),
                decltype: c.decl_type().unwrap_or("").to_owned(),
            })
            .collect::<Vec<_>>();
        let n = columns.len();
        let mut rows = Vec::new();
        let mut q = stmt.raw_query();
        while let Some(row) = q.next()? {
            let mut out = Vec::with_capacity(n);
            for i in 0..n {
                out.push(Value::from_row(row, i)?);
            }
            rows.push(out);
        }
        Ok(Outcome::Rows { columns, rows })
    }

    /// Runs a statement that may return rows, calling `each` per row (no collecting).
    pub fn for_each_row(
        &self,
        sql: &str,
        params: &[Value],
        mut each: impl FnMut(&rusqlite::Row<'_>),
    ) -> Result<usize> {
        let mut stmt = self.conn.prepare(sql)?;
        bind_all(&mut stmt, params)?;
        let mut q = stmt.raw_query();
        let mut n = 0;
        while let Some(row) = q.next()? {
            each(row);
            n += 1;
        }
        Ok(n)
    }

    /// Runs every statement of `sql` (no results kept), as `sqlite3_exec` does.
    pub fn execute_batch(&self, sql: &str) -> Result<()> {
        Ok(self.conn.execute_batch(sql)?)
    }

    /// Runs one prepared statement once per parameter row, inside one transaction
    /// (or the caller's, if one is open). Returns the number of rows run.
    pub fn run_many(&self, sql: &str, rows: impl IntoIterator<Item = Vec<Value>>) -> Result<u64> {
        let own_tx = self.conn.is_autocommit();
        if own_tx {
            self.conn.execute_batch("BEGIN")?;
        }
        let result = (|| {
            let mut stmt = self.conn.prepare(sql)?;
            let mut count = 0u64;
            for row in rows {
                bind_all(&mut stmt, &row)?;
                if stmt.column_count() == 0 {
                    stmt.raw_execute()?;
                } else {
                    let mut q = stmt.raw_query();
                    while q.next()?.is_some() {}
                }
                count += 1;
            }
            Ok(count)
        })();
        if own_tx {
            match &result {
                Ok(_) => self.conn.execute_batch("COMMIT")?,
                Err(_) => {
                    let _ = self.conn.execute_batch("ROLLBACK");
                }
            }
        }
        result
    }

    /// Runs one prepared query once per parameter row and returns every row of every run.
    pub fn query_many(&self, sql: &str, param_rows: &[Vec<Value>]) -> Result<Vec<Vec<Vec<Value>>>> {
        let mut stmt = self.conn.prepare(sql)?;
        let n = stmt.column_count();
        let mut out = Vec::with_capacity(param_rows.len());
        for params in param_rows {
            bind_all(&mut stmt, params)?;
            let mut rows = Vec::new();
            let mut q = stmt.raw_query();
            while let Some(row) = q.next()? {
                let mut r = Vec::with_capacity(n);
                for i in 0..n {
                    r.push(Value::from_row(row, i)?);
                }
                rows.push(r);
            }
            out.push(rows);
        }
        Ok(out)
    }

    /// True when no transaction is open.
    pub fn is_autocommit(&self) -> bool {
        self.conn.is_autocommit()
    }

    /// The schema version counter (changes whenever the schema does).
    pub fn schema_version(&self) -> i64 {
        self.conn
            .query_row("PRAGMA schema_version", [], |r| r.get(0))
            .unwrap_or(0)
    }

    /// The whole database as the bytes of a `.sqlite` file.
    pub fn export(&mut self) -> Result<Vec<u8>> {
        self.export_with(<[u8]>::to_vec)
    }

    /// Calls `f` with the bytes of the whole database as a `.sqlite` file, without an
    /// extra copy (the worker copies them straight into a JS buffer).
    pub fn export_with<T>(&mut self, f: impl FnOnce(&[u8]) -> T) -> Result<T> {
        // Outside a transaction a VFS file holds exactly the committed database (the
        // journal is in memory, and every commit is written through): hand out its bytes
        // as they are, instead of SQLite copying them page by page first.
        if let Some(file) = &self.file
            && self.conn.is_autocommit()
            && let Some(image) = crate::vfs::sqlite::image(&file.name)
        {
            let image = image.borrow();
            if !image.is_dirty() {
                return Ok(f(image.bytes()));
            }
        }
        let data = self.conn.serialize(MAIN_DB)?;
        Ok(f(&data))
    }

    /// Replaces the database with the `.sqlite` file `bytes` (see [`Database::import_from`]).
    pub fn import(&mut self, bytes: &[u8]) -> Result<()> {
        let header = bytes.get(..100).unwrap_or(bytes);
        self.import_from(header, |buf| buf.copy_from_slice(bytes), bytes.len())
    }

    /// Replaces the database with a `.sqlite` file of `len` bytes that `fill` copies into
    /// the buffer it is given (once, straight into SQLite's own buffer or the file; the
    /// buffer is exactly `len` bytes long). `header` is the file's first 100 bytes,
    /// checked first: the magic string, a valid page size and a length that is a whole
    /// number of pages. Nothing else is checked here — a damaged file must still load,
    /// so that it can be inspected and exported; run [`Database::check`] to report.
    pub fn import_from(
        &mut self,
        header: &[u8],
        fill: impl FnOnce(&mut [u8]),
        len: usize,
    ) -> Result<()> {
        check_header(header, len)?;
        if self.file.as_ref().is_some_and(|f| !f.read_only) {
            return self.replace_file(fill, len);
        }
        let mut fresh = Connection::open_in_memory()?;
        fresh.deserialize_read_exact(MAIN_DB, Filler(Some(fill)), len, false)?;
        if self.file.is_some() {
            // Read-only: SQLite refuses the copy with its own error.
            let backup = rusqlite::backup::Backup::new(&fresh, &mut self.conn)?;
            backup.run_to_completion(i32::MAX, std::time::Duration::ZERO, None)?;
        } else {
            super::functions::register(&fresh)?;
            self.conn = fresh;
            self.install_interrupt();
        }
        Ok(())
    }

    /// Import into a VFS file: the file's contents become the `len` bytes `fill` copies,
    /// as ONE commit that writes every chunk, with no connection open on it
    /// meanwhile, so that SQLite keeps no page of the old file and needs no journal of
    /// it (see `crate::vfs::sqlite::replace`). The bytes are copied once, by `fill`, into
    /// the file. They are committed only once SQLite has read their schema; bytes
    /// it cannot read leave the database as it was, and the error says why.
    fn replace_file(&mut self, fill: impl FnOnce(&mut [u8]), len: usize) -> Result<()> {
        let Some(file) = &self.file else {
            return Err(DbError::NotADatabase("no database file is open".into()));
        };
        let mut bytes = vec![0u8; len];
        fill(&mut bytes);
        // A file saved in WAL mode (file format versions 2) opens in rollback-journal
        // mode here, where WAL is not built in; its pages are whole without a -wal file.
        if bytes[18] == 2 || bytes[19] == 2 {
            bytes[18] = 1;
            bytes[19] = 1;
        }
        // Close the connection first (a transaction left open is rolled back).
        self.conn = Connection::open_in_memory()?;
        let Some(old) = crate::vfs::sqlite::replace(&file.name, bytes) else {
            let missing = format!("no database file \"{}\" is open", file.name);
            self.conn = file.connect()?;
            self.install_interrupt();
            return Err(DbError::NotADatabase(missing));
        };
        let read = file.connect().and_then(|conn| {
            conn.query_row("SELECT count(*) FROM sqlite_schema", [], |r| {
                r.get::<_, i64>(0)
            })?;
            Ok(conn)
        });
        let outcome = match read {
            Ok(conn) => {
                crate::vfs::sqlite::commit(&file.name);
                self.conn = conn;
                Ok(())
            }
            Err(e) => {
                crate::vfs::sqlite::restore(&file.name, old);
                self.conn = file.connect()?;
                Err(e)
            }
        };
        self.install_interrupt();
        outcome
    }

    /// Direct access for the layers built on this one (ORM session, migrations).
    pub fn connection(&self) -> &Connection {
        &self.conn
    }
}

impl VfsFile {
    /// Opens a connection on the file, with the rollback journal in memory so that
    /// storage only ever sees committed states.
    fn connect(&self) -> Result<Connection> {
        use rusqlite::OpenFlags;
        let flags = if self.read_only {
            OpenFlags::SQLITE_OPEN_READ_ONLY
        } else {
            OpenFlags::SQLITE_OPEN_READ_WRITE | OpenFlags::SQLITE_OPEN_CREATE
        } | OpenFlags::SQLITE_OPEN_NO_MUTEX;
        let conn = Connection::open_with_flags_and_vfs(&self.name, flags, self.vfs.as_str())?;
        super::functions::register(&conn)?;
        conn.execute_batch("PRAGMA journal_mode=MEMORY; PRAGMA temp_store=MEMORY;")?;
        Ok(conn)
    }
}

/// Checks a `.sqlite` file's header against its length.
fn check_header(header: &[u8], len: usize) -> Result<()> {
    let bad = |why: &str| Err(DbError::NotADatabase(why.to_owned()));
    if header.len() < 100 || !header.starts_with(b"SQLite format 3\0") {
        return bad("the file does not start with the SQLite header");
    }
    let raw = u16::from_be_bytes([header[16], header[17]]) as usize;
    let page = if raw == 1 { 65536 } else { raw };
    if !(512..=65536).contains(&page) || !page.is_power_of_two() {
        return bad("the header's page size is invalid");
    }
    if !len.is_multiple_of(page) {
        return bad("the file's length is not a whole number of pages (truncated?)");
    }
    Ok(())
}

fn bind_all(stmt: &mut rusqlite::Statement<'_>, params: &[Value]) -> Result<()> {
    let expected = stmt.parameter_count();
    if expected != params.len() {
        return Err(DbError::Bind(format!(
            "statement takes {expected} parameter{}, {} {} given",
            if expected == 1 { "" } else { "s" },
            params.len(),
            if params.len() == 1 { "was" } else { "were" }
        )));
    }
    stmt.clear_bindings();
    for (i, p) in params.iter().enumerate() {
        stmt.raw_bind_parameter(i + 1, p)?;
    }
    Ok(())
}

/// True for INSERT / UPDATE / DELETE / REPLACE (possibly after a WITH clause), whose
/// change count is meaningful.
fn is_row_changing(sql: &str) -> bool {
    let upper: String = sql
        .trim_start()
        .chars()
        .take(4096)
        .collect::<String>()
        .to_ascii_uppercase();
    let first = upper
        .split(|c: char| !c.is_ascii_alphabetic())
        .find(|w| !w.is_empty())
        .unwrap_or("");
    match first {
        "INSERT" | "UPDATE" | "DELETE" | "REPLACE" => true,
        "WITH" => ["INSERT", "UPDATE", "DELETE", "REPLACE"]
            .iter()
            .any(|k| upper.contains(k)),
        _ => false,
    }
}

/// The reader rusqlite's `deserialize_read_exact` takes, over a fill callback that cannot
/// fail: no `io::Error` is ever made, so none of its text (std's error-kind descriptions)
/// is in the wasm download.
struct Filler<F>(Option<F>);

impl<F: FnOnce(&mut [u8])> std::io::Read for Filler<F> {
    /// The whole fill at the first read (rusqlite reads the image with one `read_exact`
    /// into a buffer of its length), end of input after it.
    fn read(&mut self, buf: &mut [u8]) -> std::io::Result<usize> {
        match self.0.take() {
            Some(fill) => {
                fill(buf);
                Ok(buf.len())
            }
            None => Ok(0),
        }
    }

    fn read_exact(&mut self, buf: &mut [u8]) -> std::io::Result<()> {
        self.read(buf).map(|_| ())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn run_reports_rows_changes_and_types() {
        let db = Database::open_in_memory().unwrap();
        let r = db
            .run(
                "create table t (id integer primary key, name varchar(20))",
                &[],
            )
            .unwrap();
        assert_eq!(
            r,
            Outcome::Done {
                changes: 0,
                ddl: true
            }
        );
        let r = db
            .run(
                "insert into t (name) values (?), (?)",
                &[Value::Text("a".into()), Value::Null],
            )
            .unwrap();
        assert_eq!(
            r,
            Outcome::Done {
                changes: 2,
                ddl: false
            }
        );
        match db.run("select id, name, 1.5 as x from t", &[]).unwrap() {
            Outcome::Rows { columns, rows } => {
                assert_eq!(
                    columns[1],
                    ResultColumn {
                        name: "name".into(),
                        decltype: "varchar(20)".into()
                    }
                );
                assert_eq!(columns[2].decltype, "");
                assert_eq!(
                    rows[1],
                    vec![Value::Integer(2), Value::Null, Value::Real(1.5)]
                );
            }
            other => panic!("{other:?}"),
        }
    }

    #[test]
    fn syntax_errors_carry_sqlite_offsets() {
        let db = Database::open_in_memory().unwrap();
        match db.run("select * fro t", &[]) {
            Err(DbError::Sqlite {
                message, offset, ..
            }) => {
                assert_eq!(message, "near \"fro\": syntax error");
                assert_eq!(offset, Some(9));
            }
            other => panic!("{other:?}"),
        }
        match db.run("select nope from sqlite_master", &[]) {
            Err(DbError::Sqlite {
                message, offset, ..
            }) => {
                assert_eq!(message, "no such column: nope");
                assert_eq!(offset, Some(7));
            }
            other => panic!("{other:?}"),
        }
    }

    #[test]
    fn parameter_count_mismatch_is_an_error() {
        let db = Database::open_in_memory().unwrap();
        assert!(matches!(db.run("select ?", &[]), Err(DbError::Bind(_))));
    }

    #[test]
    fn interrupt_stops_an_endless_query_and_the_connection_stays_usable() {
        use std::sync::Arc;
        use std::sync::atomic::{AtomicUsize, Ordering};
        let mut db = Database::open_in_memory().unwrap();
        let calls = Arc::new(AtomicUsize::new(0));
        let c = calls.clone();
        db.set_interrupt_check(std::sync::Arc::new(move || {
            c.fetch_add(1, Ordering::SeqCst) > 50
        }));
        let r = db.run("with recursive c(x) as (select 1 union all select x + 1 from c) select count(*) from c", &[]);
        assert_eq!(r, Err(DbError::Interrupted));
        calls.store(0, Ordering::SeqCst);
        assert!(matches!(db.run("select 1", &[]), Ok(Outcome::Rows { .. })));
    }

    #[test]
    fn run_many_and_export_import_roundtrip() {
        let mut db = Database::open_in_memory().unwrap();
        db.execute_batch("create table t (a, b)").unwrap();
        let n = db
            .run_many(
                "insert into t values (?, ?)",
                (0..100).map(|i| vec![Value::Integer(i), Value::Text(format!("r{i}"))]),
            )
            .unwrap();
        assert_eq!(n, 100);
        let bytes = db.export().unwrap();
        let mut other = Database::open_in_memory().unwrap();
        other.import(&bytes).unwrap();
        match other.run("select count(*), sum(a) from t", &[]).unwrap() {
            Outcome::Rows { rows, .. } => {
                assert_eq!(rows[0], vec![Value::Integer(100), Value::Integer(4950)])
            }
            o => panic!("{o:?}"),
        }
        assert!(matches!(
            other.import(b"nope"),
            Err(DbError::NotADatabase(_))
        ));
    }

    #[test]
    fn run_many_rolls_back_on_error() {
        let db = Database::open_in_memory().unwrap();
        db.execute_batch("create table t (a unique)").unwrap();
        let r = db.run_many(
            "insert into t values (?)",
            vec![vec![Value::Integer(1)], vec![Value::Integer(1)]],
        );
        assert!(r.is_err());
        match db.run("select count(*) from t", &[]).unwrap() {
            Outcome::Rows { rows, .. } => assert_eq!(rows[0][0], Value::Integer(0)),
            o => panic!("{o:?}"),
        }
    }
}
