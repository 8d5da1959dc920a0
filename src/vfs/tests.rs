//! The VFS against the bundled SQLite, with an in-memory "storage" standing in
//! for IndexedDB: every commit's batch is applied to a stored copy, and the
//! stored copy must always open as a consistent database.

use super::image::{CommitBatch, Image};
use super::sqlite;
use crate::db::Database;
use std::cell::RefCell;
use std::collections::BTreeMap;
use std::rc::Rc;

#[derive(Default)]
struct Stored {
    size: u64,
    commit: u64,
    chunks: BTreeMap<u32, Vec<u8>>,
    batches: Vec<(usize, bool)>,
}

impl Stored {
    fn apply(&mut self, b: CommitBatch) {
        self.batches.push((b.chunks.len(), b.shrunk));
        self.size = b.size;
        self.commit = b.commit;
        let n = b.chunk_count();
        self.chunks.retain(|&i, _| i < n);
        self.chunks.extend(b.chunks);
    }

    fn image(&self) -> Image {
        Image::from_chunks(
            self.size,
            self.commit,
            self.chunks.iter().map(|(&i, v)| (i, v.as_slice())),
        )
    }
}

fn now() -> i64 {
    0
}

fn setup(name: &str) -> (Rc<RefCell<Stored>>, String) {
    let vfs = sqlite::install(now).unwrap();
    let stored = Rc::new(RefCell::new(Stored::default()));
    let s = stored.clone();
    let want = name.to_owned();
    sqlite::set_commit_hook(Some(Rc::new(move |db: &str, b: CommitBatch| {
        if db == want {
            s.borrow_mut().apply(b);
        }
    })));
    sqlite::set_image(name, Image::new());
    (stored, vfs)
}

fn count(db: &Database, sql: &str) -> i64 {
    db.connection().query_row(sql, [], |r| r.get(0)).unwrap()
}

#[test]
fn commits_store_only_changed_pages_and_reopen_intact() {
    let (stored, vfs) = setup("a.db");
    let db = Database::open_persistent("a.db", &vfs, false).unwrap();
    db.execute_batch("create table t (id integer primary key, v text)")
        .unwrap();
    db.execute_batch(
        "begin; with recursive c(x) as (select 1 union all select x+1 from c where x < 5000)
         insert into t (v) select printf('row %d padding padding padding', x) from c; commit;",
    )
    .unwrap();
    let before = stored.borrow().batches.len();
    db.execute_batch("insert into t (v) values ('one more')")
        .unwrap();
    let st = stored.borrow();
    assert_eq!(st.batches.len(), before + 1, "one batch per commit");
    let (chunks, _) = st.batches[before];
    assert!(chunks <= 4, "a 1-row commit wrote {chunks} chunks");
    assert!(st.size > 40 * 4096, "the database is big: {}", st.size);
    // Reopen the stored copy under another name.
    sqlite::set_image("a-copy.db", st.image());
    drop(st);
    let copy = Database::open_persistent("a-copy.db", &vfs, true).unwrap();
    assert_eq!(count(&copy, "select count(*) from t"), 5001);
    assert_eq!(copy.check(true).unwrap(), "ok");
}

#[test]
fn rollback_and_reads_store_nothing() {
    let (stored, vfs) = setup("b.db");
    let db = Database::open_persistent("b.db", &vfs, false).unwrap();
    db.execute_batch("create table t (x)").unwrap();
    let n = stored.borrow().batches.len();
    db.execute_batch("begin; insert into t values (1); rollback;")
        .unwrap();
    let _ = count(&db, "select count(*) from t");
    assert_eq!(stored.borrow().batches.len(), n);
}

#[test]
fn a_big_transaction_that_spills_is_stored_only_at_commit() {
    let (stored, vfs) = setup("c.db");
    let db = Database::open_persistent("c.db", &vfs, false).unwrap();
    db.execute_batch("pragma cache_size = 10; create table t (x)")
        .unwrap();
    let n = stored.borrow().batches.len();
    db.execute_batch(
        "begin; with recursive c(x) as (select 1 union all select x+1 from c where x < 20000)
         insert into t select randomblob(100) from c;",
    )
    .unwrap();
    assert_eq!(
        stored.borrow().batches.len(),
        n,
        "nothing stored mid-transaction"
    );
    // The stored copy is still the committed state (an empty table).
    sqlite::set_image("c-mid.db", stored.borrow().image());
    let mid = Database::open_persistent("c-mid.db", &vfs, true).unwrap();
    assert_eq!(count(&mid, "select count(*) from t"), 0);
    db.execute_batch("rollback").unwrap();
    db.execute_batch("insert into t values (1)").unwrap();
    sqlite::set_image("c-after.db", stored.borrow().image());
    let after = Database::open_persistent("c-after.db", &vfs, true).unwrap();
    assert_eq!(count(&after, "select count(*) from t"), 1);
    assert_eq!(after.check(true).unwrap(), "ok");
}

#[test]
fn vacuum_shrinks_the_stored_file() {
    let (stored, vfs) = setup("d.db");
    let db = Database::open_persistent("d.db", &vfs, false).unwrap();
    db.execute_batch(
        "create table t (x); with recursive c(x) as (select 1 union all select x+1 from c where x < 3000)
         insert into t select randomblob(200) from c;",
    )
    .unwrap();
    let big = stored.borrow().size;
    db.execute_batch("delete from t; vacuum;").unwrap();
    let st = stored.borrow();
    assert!(st.size < big / 10, "{} -> {}", big, st.size);
    assert!(st.batches.last().unwrap().1, "marked as shrunk");
    assert!(st.chunks.len() as u32 <= super::image::chunks_for(st.size));
}

#[test]
fn import_copies_pages_into_the_persistent_file() {
    let (stored, vfs) = setup("e.db");
    let mut src = Database::open_in_memory().unwrap();
    src.execute_batch("create table z (a); insert into z values (42);")
        .unwrap();
    let bytes = src.export().unwrap();
    let mut db = Database::open_persistent("e.db", &vfs, false).unwrap();
    db.import(&bytes).unwrap();
    assert_eq!(count(&db, "select a from z"), 42);
    sqlite::set_image("e-copy.db", stored.borrow().image());
    let copy = Database::open_persistent("e-copy.db", &vfs, true).unwrap();
    assert_eq!(count(&copy, "select a from z"), 42);
}

/// Import replaces the file as ONE commit that writes every chunk (no journal, no page
/// copy through SQLite): a smaller file, another page size, a transaction left open and
/// a file saved in WAL mode all end as the imported database, stored as it is opened.
#[test]
fn import_replaces_the_file_as_one_commit() {
    let (stored, vfs) = setup("g.db");
    let mut db = Database::open_persistent("g.db", &vfs, false).unwrap();
    db.execute_batch(
        "create table big (x); insert into big select randomblob(1000) from \
         (with recursive n(i) as (select 1 union all select i + 1 from n where i < 300) select i from n);",
    )
    .unwrap();
    let before = stored.borrow().size;
    db.execute_batch("begin; insert into big values (1);")
        .unwrap();
    let mut src = Database::open_in_memory().unwrap();
    src.execute_batch(
        "pragma page_size = 1024; vacuum; create table z (a); insert into z values (7);",
    )
    .unwrap();
    let mut bytes = src.export().unwrap();
    (bytes[18], bytes[19]) = (2, 2);
    let batches = stored.borrow().batches.len();
    db.import(&bytes).unwrap();
    assert_eq!(count(&db, "select a from z"), 7);
    assert_eq!(
        count(&db, "select count(*) from sqlite_schema where name = 'big'"),
        0
    );
    assert_eq!(count(&db, "pragma page_size"), 1024);
    let st = stored.borrow();
    assert_eq!(st.batches.len(), batches + 1, "one commit");
    assert_eq!(st.size, bytes.len() as u64);
    assert!(st.size < before && st.batches.last().unwrap().1, "shrunk");
    sqlite::set_image("g-copy.db", st.image());
    drop(st);
    let copy = Database::open_persistent("g-copy.db", &vfs, true).unwrap();
    assert_eq!(count(&copy, "select a from z"), 7);
    // The connection works on as before: it writes through, and exports what it stored.
    db.execute_batch("insert into z values (8)").unwrap();
    let exported = db.export().unwrap();
    assert_eq!(exported, stored.borrow().image().bytes());
    // Bytes SQLite cannot read (a valid header, a broken first page) change nothing.
    let mut broken = exported.clone();
    broken[21] = 0;
    let commits = stored.borrow().batches.len();
    let err = db.import(&broken).unwrap_err();
    assert!(err.to_string().contains("not a database"), "{err}");
    assert_eq!(stored.borrow().batches.len(), commits);
    assert_eq!(count(&db, "select sum(a) from z"), 15);
    let mut back = Database::open_in_memory().unwrap();
    back.import(&exported).unwrap();
    assert_eq!(back.check(true).unwrap(), "ok");
    assert_eq!(count(&back, "select sum(a) from z"), 15);
}

#[test]
fn a_read_only_connection_cannot_write() {
    let (_, vfs) = setup("f.db");
    let w = Database::open_persistent("f.db", &vfs, false).unwrap();
    w.execute_batch("create table t (x)").unwrap();
    let r = Database::open_persistent("f.db", &vfs, true).unwrap();
    let err = r.execute_batch("insert into t values (1)").unwrap_err();
    assert!(err.to_string().contains("readonly"), "{err}");
    let (mut r, mut w) = (r, w);
    let bytes = w.export().unwrap();
    let err = r.import(&bytes).unwrap_err();
    assert!(err.to_string().contains("readonly"), "{err}");
}

#[test]
fn dump_rebuilds_the_database_and_json_imports_into_a_table() {
    use crate::db::exchange;
    let db = Database::open_in_memory().unwrap();
    db.execute_batch(
        "create table u (id integer primary key autoincrement, name text, score real, pic blob);
         insert into u (name, score, pic) values ('it''s', 1.5, x'00ff'), (null, 2.0, null);
         create index ix on u (name);",
    )
    .unwrap();
    let (n, created) = exchange::import_json(
        &db,
        "users",
        r#"[{"username": "ann", "email": "a@x"}, {"username": "bob"}]"#,
    )
    .unwrap();
    assert_eq!((n, created), (2, true));
    let (n, created) =
        exchange::import_json(&db, "users", r#"[{"USERNAME": "cy", "extra": 1}]"#).unwrap();
    assert_eq!((n, created), (1, false));
    let sql = exchange::dump(&db).unwrap();
    let copy = Database::open_in_memory().unwrap();
    copy.execute_batch(&sql).unwrap();
    assert_eq!(count(&copy, "select count(*) from users"), 3);
    assert_eq!(
        count(
            &copy,
            "select count(*) from u where pic = x'00ff' and score = 1.5"
        ),
        1
    );
    assert_eq!(
        count(
            &copy,
            "select count(*) from sqlite_schema where name = 'ix'"
        ),
        1
    );
    assert_eq!(
        count(&copy, "select seq from sqlite_sequence where name = 'u'"),
        2
    );
}

/// `www/worker-boot.js` claims and loads a database itself (before the wasm runs) only
/// at the store version it knows: it must be the schema's latest.
#[test]
fn worker_boot_reads_the_current_store_version() {
    let boot = include_str!("../../www/worker-boot.js");
    let latest = super::DB_STORE_SCHEMA.last().map(|(v, _)| *v).unwrap_or(1);
    assert!(
        boot.contains(&format!("const STORE_VERSION = {latest};")),
        "www/worker-boot.js: STORE_VERSION must be {latest}"
    );
    for store in super::DB_STORE_SCHEMA.iter().flat_map(|(_, s)| s.iter()) {
        assert!(
            boot.contains(&format!("'{store}'")),
            "www/worker-boot.js: store {store}"
        );
    }
}
